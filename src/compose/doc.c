/* doc.c — builders of the typeset document and the inline markup parser.
 *
 * Every builder copies what it is given into the document's arena, so the
 * caller's strings need not outlive the call.
 */
#include "br_doc.h"

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

/* ---- inline markup ---- */

/* The parser copies plain text into buf and flushes it as one run whenever
 * the face changes or a footnote reference interrupts it. */
typedef struct parser {
    br_arena *arena;
    br_rich *rich;
    br_loc loc;
    char *buf;
    size_t len;
} parser;

static br_face with_flags(br_face base, bool bold, bool italic)
{
    bool b = bold || base == BR_FACE_BOLD || base == BR_FACE_BOLD_ITALIC;
    bool i = italic || base == BR_FACE_ITALIC || base == BR_FACE_BOLD_ITALIC;
    return b ? (i ? BR_FACE_BOLD_ITALIC : BR_FACE_BOLD) : (i ? BR_FACE_ITALIC : BR_FACE_REGULAR);
}

static void flush(parser *p, br_face face)
{
    if (p->len == 0)
        return;
    br_rich *r = p->rich;
    br_run *last = r->nruns ? &r->runs[r->nruns - 1] : NULL;
    if (last && !last->footnote && last->face == face && !last->superscript && !last->has_color) {
        /* Same face as the run before (e.g. across an escape): extend it. */
        char *t = br_arena_alloc(p->arena, last->len + p->len + 1);
        memcpy(t, last->text, last->len);
        memcpy(t + last->len, p->buf, p->len);
        last->text = t;
        last->len += p->len;
    } else {
        br_run *run = br_rich_add(p->arena, r, p->buf, p->len, face);
        run->loc = p->loc;
    }
    p->len = 0;
}

static size_t star_run(const char *s, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && s[i + n] == '*')
        n++;
    return n;
}

/* Finds the closer of an opener of n stars whose content starts at i: a run
 * of exactly n stars preceded by a non-space.  Returns its index or end. */
static size_t find_closer(const char *s, size_t i, size_t end, size_t n)
{
    while (i < end) {
        if (s[i] == '\\' && i + 1 < end) {
            i += 2;
            continue;
        }
        if (s[i] != '*') {
            i++;
            continue;
        }
        size_t k = star_run(s, i, end);
        if (k == n && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '\t')
            return i;
        i += k;
    }
    return end;
}

/* Parses "[^key]" at s[i]; returns the bytes used, 0 if it is not one. */
static size_t footnote_ref(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    if (i + 3 >= end || s[i + 1] != '^')
        return 0;
    size_t k = i + 2;
    while (k < end && s[k] != ']' && s[k] != '[' && s[k] != '\n' && s[k] != ' ')
        k++;
    if (k >= end || s[k] != ']' || k == i + 2)
        return 0;
    flush(p, face);
    br_run *run = br_rich_add(p->arena, p->rich, s + i, k + 1 - i, face);
    run->footnote = br_arena_strndup(p->arena, s + i + 2, k - i - 2);
    run->loc = p->loc;
    return k + 1 - i;
}

static void parse_span(parser *p, const char *s, size_t i, size_t end, br_face face);

/* Handles a run of stars at s[i]; returns the index after what it used. */
static size_t emphasis(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    size_t n = star_run(s, i, end);
    size_t open_end = i + n;
    if (n <= 3 && open_end < end && s[open_end] != ' ' && s[open_end] != '\n') {
        size_t close = find_closer(s, open_end, end, n);
        if (close < end) {
            flush(p, face);
            br_face inner = with_flags(face, n >= 2, n != 2);
            parse_span(p, s, open_end, close, inner);
            flush(p, inner);
            return close + n;
        }
    }
    memcpy(p->buf + p->len, s + i, n);  /* unclosed: print as written */
    p->len += n;
    return open_end;
}

static void parse_span(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    while (i < end) {
        char c = s[i];
        if (c == '\\' && i + 1 < end) {
            p->buf[p->len++] = s[i + 1];
            i += 2;
        } else if (c == '*') {
            i = emphasis(p, s, i, end, face);
        } else if (c == '[') {
            size_t used = footnote_ref(p, s, i, end, face);
            if (!used)
                p->buf[p->len++] = c;
            i += used ? used : 1;
        } else {
            p->buf[p->len++] = c;
            i++;
        }
    }
    flush(p, face);
}

void br_rich_parse(br_arena *arena, br_rich *rich, const char *text, br_face base, br_loc loc)
{
    if (!text)
        return;
    size_t len = strlen(text);
    parser p = {arena, rich, loc, br_arena_alloc(arena, len + 1), 0};
    parse_span(&p, text, 0, len, base);
}

br_shape *br_graphic_add(br_arena *arena, br_graphic *g, br_shape_kind kind)
{
    br_shape *s = BR_PUSH(arena, g->shapes, g->nshapes, g->cap);
    s->kind = kind;
    return s;
}
