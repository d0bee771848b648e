/* doc.c — builders of the typeset document and the inline markup parser.
 *
 * Every builder copies what it is given into the document's arena, so the
 * caller's strings need not outlive the call.
 */
#include "br_doc.h"

#include "br_markup.h"

#include <stdio.h>
#include <string.h>

/* Grows an array from one element: a run list or a row is short, and
 * BR_PUSH's first eight slots would make most of a big document's memory. */
static void *push_small(br_arena *arena, void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 1;
        void *grown = br_arena_calloc(arena, ncap, size);
        if (*n)
            memcpy(grown, *items, *n * size);
        *items = grown;
        *cap = ncap;
    }
    void *slot = (char *)*items + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

void br_doc_init(br_doc *doc, br_arena *arena)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = arena;
}

static void add_info(br_doc_info_entry *out, size_t *n, const char *key, const char *value)
{
    out[*n].key = key;
    snprintf(out[*n].value, sizeof out[*n].value, "%s", value);
    (*n)++;
}

size_t br_doc_info(const br_doc *doc, br_doc_info_entry out[BR_DOC_INFO_MAX])
{
    size_t n = 0;
    char version[16];
    snprintf(version, sizeof version, "%d", doc->version);
    if (doc->period)
        add_info(out, &n, BR_INFO_PERIOD, doc->period);
    if (doc->version > 0)
        add_info(out, &n, BR_INFO_VERSION, version);
    if (doc->source_digest)
        add_info(out, &n, BR_INFO_SOURCE_DIGEST, doc->source_digest);
    return n;
}

br_block *br_doc_add_block(br_doc *doc, br_block_kind kind)
{
    br_block *b = BR_PUSH(doc->arena, doc->blocks, doc->nblocks, doc->blocks_cap);
    b->kind = kind;
    return b;
}

br_run *br_rich_add(br_arena *arena, br_rich *rich, const char *text, size_t len, br_face face)
{
    br_run *r = push_small(arena, (void **)&rich->runs, &rich->nruns, &rich->cap, sizeof *r);
    r->text = br_arena_strndup(arena, text ? text : "", text ? len : 0);
    r->len = text ? len : 0;
    r->face = face;
    return r;
}

br_row *br_table_add_row(br_arena *arena, br_table *table, bool header)
{
    if (header)
        return BR_PUSH(arena, table->header, table->nheader, table->header_cap);
    return BR_PUSH(arena, table->rows, table->nrows, table->rows_cap);
}

br_cell *br_row_add_cell(br_arena *arena, br_row *row, const char *text, br_align align)
{
    br_cell *c = push_small(arena, (void **)&row->cells, &row->ncells, &row->cap, sizeof *c);
    c->span = 1;
    c->align = align;
    if (text && *text)
        br_rich_add(arena, &c->text, text, strlen(text), BR_FACE_REGULAR);
    return c;
}

br_footnote *br_doc_add_footnote(br_doc *doc, const char *key)
{
    br_footnote *f = BR_PUSH(doc->arena, doc->footnotes, doc->nfootnotes, doc->footnotes_cap);
    f->key = br_arena_strdup(doc->arena, key ? key : "");
    return f;
}

/* ---- inline markup (read by br_markup_parse) ---- */

typedef struct runs {
    br_arena *arena;
    br_rich *rich;
    br_loc loc;
} runs;

/* Text in the same face as the run before (e.g. across an escape) extends
 * it; otherwise it starts a run. */
static void add_text(void *ctx, br_face face, const char *text, size_t len)
{
    runs *p = ctx;
    br_rich *r = p->rich;
    br_run *last = r->nruns ? &r->runs[r->nruns - 1] : NULL;
    if (last && !last->footnote && last->face == face && !last->superscript && !last->has_color) {
        char *t = br_arena_alloc(p->arena, last->len + len + 1);
        memcpy(t, last->text, last->len);
        memcpy(t + last->len, text, len);
        t[last->len + len] = '\0';
        last->text = t;
        last->len += len;
    } else {
        br_run *run = br_rich_add(p->arena, r, text, len, face);
        run->loc = p->loc;
    }
}

static void add_footnote(void *ctx, br_face face, const char *key, size_t keylen, const char *raw,
                         size_t rawlen)
{
    runs *p = ctx;
    br_run *run = br_rich_add(p->arena, p->rich, raw, rawlen, face);
    run->footnote = br_arena_strndup(p->arena, key, keylen);
    run->loc = p->loc;
}

void br_rich_parse(br_arena *arena, br_rich *rich, const char *text, br_face base, br_loc loc)
{
    runs p = {arena, rich, loc};
    br_markup_sink sink = {add_text, add_footnote, &p};
    br_markup_parse(arena, text, base, &sink);
}

br_shape *br_graphic_add(br_arena *arena, br_graphic *g, br_shape_kind kind)
{
    br_shape *s = BR_PUSH(arena, g->shapes, g->nshapes, g->cap);
    s->kind = kind;
    return s;
}
