/* test_layout_random.c — pseudo-random documents (fixed seeds): whatever the
 * mix of headings, paragraphs, footnotes and tables with spans, group and
 * total rows, nothing is lost, duplicated, overprinted or set outside the
 * margins.
 *
 * Every body word is unique ("b" + a number in base 26), so counting the
 * words of the display list proves each was printed exactly once; header
 * words ("h…") repeat on every page a table crosses; footnote words ("n…")
 * print once. */
#include "layout_fixture.h"

typedef struct gen {
    lx *f;
    uint64_t s;
    unsigned next_word;
    char **words;           /* body and footnote words, each to be seen once */
    size_t nwords, cap;
} gen;

static unsigned rnd(gen *g, unsigned n)
{
    g->s ^= g->s << 13;
    g->s ^= g->s >> 7;
    g->s ^= g->s << 17;
    return (unsigned)(g->s % n);
}

static const char *word(gen *g, char kind, bool counted)
{
    char buf[16];
    unsigned n = g->next_word++;
    size_t i = 0;
    buf[i++] = kind;
    do {
        buf[i++] = (char)('a' + n % 26);
        n /= 26;
    } while (n);
    buf[i] = 0;
    char *w = br_arena_strdup(g->f->arena, buf);
    if (counted) {
        if (g->nwords == g->cap) {
            g->cap = g->cap ? g->cap * 2 : 256;
            g->words = realloc(g->words, g->cap * sizeof *g->words);
        }
        g->words[g->nwords++] = w;
    }
    return w;
}

/* n words of a kind, with some markup and footnote references mixed in. */
static char *text(gen *g, unsigned n, char kind, bool counted, bool refs)
{
    size_t cap = 16 + n * 24, len = 0;
    char *s = br_arena_alloc(g->f->arena, cap);
    for (unsigned i = 0; i < n; i++) {
        const char *w = word(g, kind, counted);
        unsigned r = rnd(g, 20);
        const char *fmt = r == 0 ? "%s**%s**" : r == 1 ? "%s*%s*" : r == 2 ? "%s%s\n" : "%s%s";
        len += (size_t)snprintf(s + len, cap - len, fmt, i ? " " : "", w);
        if (refs && rnd(g, 25) == 0)
            len += (size_t)snprintf(s + len, cap - len, "[^f%u]", rnd(g, 12));
    }
    return s;
}

static void add_row(gen *g, br_table *t, bool header, size_t ncols)
{
    br_row *r = br_table_add_row(g->f->arena, t, header);
    unsigned kind = rnd(g, 12);
    if (!header && kind == 0) {
        r->kind = BR_ROW_GROUP;
        br_cell *c = br_row_add_cell(g->f->arena, r, NULL, BR_ALIGN_LEFT);
        br_rich_parse(g->f->arena, &c->text, text(g, 1 + rnd(g, 6), 'b', true, false),
                      BR_FACE_REGULAR, (br_loc){0});
        c->span = (int)ncols;
        return;
    }
    if (!header && kind == 1)
        r->kind = BR_ROW_TOTAL;
    for (size_t c = 0; c < ncols;) {
        unsigned span = rnd(g, 5) == 0 ? 1 + rnd(g, (unsigned)(ncols - c)) : 1;
        br_cell *cell = br_row_add_cell(g->f->arena, r, NULL, BR_ALIGN_LEFT);
        cell->span = (int)span;
        if (!header && t->cols[c].align == BR_ALIGN_DECIMAL && span == 1) {
            char num[32];
            snprintf(num, sizeof num, "%u.%u%%", rnd(g, 1000), rnd(g, 100));
            br_rich_add(g->f->arena, &cell->text, num, strlen(num), BR_FACE_REGULAR);
        } else {
            unsigned n = rnd(g, 8) == 0 ? 20 + rnd(g, 200) : rnd(g, 6);
            br_rich_parse(g->f->arena, &cell->text, text(g, n, header ? 'h' : 'b', !header, !header),
                          BR_FACE_REGULAR, (br_loc){0});
        }
        if (rnd(g, 10) == 0) {
            cell->has_fill = true;
            cell->fill = 0x00B050;
        }
        if (!header && rnd(g, 12) == 0) {
            br_graphic *gr = br_arena_alloc(g->f->arena, sizeof *gr);
            gr->width = 10 + rnd(g, 300);
            gr->height = 4 + rnd(g, 80);
            br_shape *sh = br_graphic_add(g->f->arena, gr, BR_SHAPE_RECT);
            sh->w = gr->width;
            sh->h = gr->height;
            sh->color = 0x123456;
            cell->graphic = gr;
        }
        c += span;
    }
}

static void add_table(gen *g)
{
    size_t ncols = 1 + rnd(g, 8);
    br_table *t = lx_table(g->f, ncols);
    for (size_t c = 0; c < ncols; c++)
        t->cols[c].align = (br_align)rnd(g, 4);
    if (rnd(g, 2))
        t->caption = "Table caption";
    unsigned nh = rnd(g, 3), nr = 1 + rnd(g, 70);
    for (unsigned i = 0; i < nh; i++)
        add_row(g, t, true, ncols);
    for (unsigned i = 0; i < nr; i++)
        add_row(g, t, false, ncols);
}

static void add_block(gen *g)
{
    lx *f = g->f;
    switch (rnd(g, 10)) {
    case 0:
    case 1: {
        br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_HEADING);
        b->level = (int)rnd(g, 4);
        b->outline = true;
        br_rich_parse(f->arena, &b->text, text(g, 1 + rnd(g, 12), 'b', true, true),
                      BR_FACE_REGULAR, (br_loc){0});
        if (rnd(g, 3) == 0)
            b->tag = (br_tag){"Amber", 0xFFC000, 0};
        break;
    }
    case 2:
    case 3:
    case 4:
    case 5: {
        br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_PARAGRAPH);
        br_rich_parse(f->arena, &b->text, text(g, 1 + rnd(g, 150), 'b', true, true),
                      BR_FACE_REGULAR, (br_loc){0});
        b->number = rnd(g, 2) ? (int)rnd(g, 40) : 0;
        b->bullet = rnd(g, 4) == 0 ? 1 + (int)rnd(g, 2) : 0;
        b->align = (br_align)rnd(g, 3);
        b->keep_with_next = rnd(g, 8) == 0;
        break;
    }
    case 6:
    case 7:
        add_table(g);
        break;
    case 8:
        br_doc_add_block(&f->doc, BR_BLOCK_PAGE_BREAK)->orientation = (br_orientation)rnd(g, 3);
        break;
    default:
        br_doc_add_block(&f->doc, BR_BLOCK_SPACE)->height = rnd(g, 200);
        break;
    }
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every counted word is printed exactly once (a split row's cells repeated
 * on its next page are marked so, and not counted); no other b/n word
 * appears. */
static void assert_each_word_once(gen *g, const br_pages *p)
{
    char **seen = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (it->kind != BR_ITEM_TEXT || it->repeat)
                continue;
            char *copy = strndup(it->text, it->len), *save, *w;
            for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
                if (w[0] != 'b' && w[0] != 'n')
                    continue;
                if (n == cap) {
                    cap = cap ? cap * 2 : 1024;
                    seen = realloc(seen, cap * sizeof *seen);
                }
                seen[n++] = strdup(w);
            }
            free(copy);
        }
    qsort(seen, n, sizeof *seen, by_str);
    qsort(g->words, g->nwords, sizeof *g->words, by_str);
    size_t want = 0;
    for (size_t i = 0; i < g->nwords; i++)
        want += g->words[i][0] == 'b';
    size_t got_b = 0;
    for (size_t i = 0; i < n; i++)
        got_b += seen[i][0] == 'b';
    for (size_t i = 0, j = 0; i < g->nwords; i++) {
        if (g->words[i][0] != 'b')
            continue;
        while (j < n && seen[j][0] != 'b')
            j++;
        assert_true(j < n);
        if (strcmp(seen[j], g->words[i]) != 0)
            fprintf(stderr, "expected word %s, printed %s\n", g->words[i], seen[j]);
        assert_string_equal(seen[j], g->words[i]);
        j++;
    }
    assert_int_equal(got_b, want);
    /* footnote words: once each, when printed at all */
    for (size_t i = 0; i + 1 < n; i++)
        if (seen[i][0] == 'n')
            assert_string_not_equal(seen[i], seen[i + 1]);
    for (size_t i = 0; i < n; i++)
        free(seen[i]);
    free(seen);
}

static bool is_number(const char *s, size_t len, int *n)
{
    if (len == 0 || len > 4)
        return false;
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *n = *n * 10 + (s[i] - '0');
    }
    return true;
}

/* Each footnote prints on the page of its first reference. */
static void assert_notes_on_their_pages(const lx *f, const br_pages *p)
{
    size_t first_ref[64], note_page[64];
    for (int i = 0; i < 64; i++)
        first_ref[i] = note_page[i] = SIZE_MAX;
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            int n = lx_ref_number(it);
            if (n >= 0 && n < 64 && first_ref[n] == SIZE_MAX)
                first_ref[n] = i;
            /* a note's number: its Lbl, in whichever column of the area */
            bool area = it->kind == BR_ITEM_TEXT && it->elem != BR_ARTIFACT &&
                        p->elems[it->elem].role == BR_ROLE_LBL &&
                        p->elems[p->elems[it->elem].parent].role == BR_ROLE_NOTE &&
                        it->size == f->style.footnote.size && is_number(it->text, it->len, &n);
            if (area && n < 64 && note_page[n] == SIZE_MAX)
                note_page[n] = i;
        }
    for (int n = 1; n < 64; n++)
        if (note_page[n] != SIZE_MAX)
            assert_int_equal(note_page[n], first_ref[n]);
}

/* Drawings in cells stay inside the margins. */
static void assert_drawings_inside(const lx *f, const br_pages *p)
{
    for (size_t i = 0; i < p->npages; i++) {
        const br_page *pg = &p->pages[i];
        for (size_t k = 0; k < pg->nitems; k++) {
            const br_item *it = &pg->items[k];
            if (it->kind != BR_ITEM_RECT || it->color != 0x123456)
                continue;
            assert_true(it->x >= f->style.margin_left - LX_EPS);
            assert_true(it->x + it->w <= pg->width - f->style.margin_right + LX_EPS);
            assert_true(it->y >= f->style.margin_top - LX_EPS);
            assert_true(it->y + it->h <= pg->height - f->style.margin_bottom + LX_EPS);
        }
    }
}

static void random_documents_lose_nothing(void **state)
{
    uint64_t seeds = getenv("BR_RANDOM_SEEDS") ? (uint64_t)atoi(getenv("BR_RANDOM_SEEDS")) : 60;
    for (uint64_t seed = 1; seed <= seeds; seed++) {
        lx *f = *state;
        br_doc_init(&f->doc, f->arena);
        br_diags_init(&f->diags, f->arena);
        gen g = {f, seed * 0x9E3779B97F4A7C15ull, 0, NULL, 0, 0};
        for (unsigned i = 0; i < 10; i++) {
            char key[8];
            snprintf(key, sizeof key, "f%u", i);   /* f10, f11: undefined on purpose */
            br_footnote *n = br_doc_add_footnote(&f->doc, key);
            br_rich_parse(f->arena, &n->text, text(&g, 1 + rnd(&g, 60), 'n', false, false),
                          BR_FACE_REGULAR, (br_loc){0});
        }
        unsigned nblocks = 5 + rnd(&g, 40);
        for (unsigned i = 0; i < nblocks; i++)
            add_block(&g);
        br_pages *p = lx_layout(f);
        if (!p)
            fprintf(stderr, "seed %llu: %s\n", (unsigned long long)seed,
                    f->diags.count ? f->diags.items[0].message : "?");
        if (getenv("DUMP") && seed == (uint64_t)atoi(getenv("DUMP"))) {
            for (size_t i = 0; i < f->doc.nblocks; i++) {
                const br_block *b = &f->doc.blocks[i];
                fprintf(stderr, "block %zu kind %d\n", i, b->kind);
                for (size_t r = 0; b->kind == BR_BLOCK_TABLE && r < b->table.nrows; r++)
                    for (size_t c = 0; c < b->table.rows[r].ncells; c++)
                        for (size_t k = 0; k < b->table.rows[r].cells[c].text.nruns; k++)
                            fprintf(stderr, "  row %zu kind %d cell %zu span %d: '%.*s'\n", r, b->table.rows[r].kind, c, b->table.rows[r].cells[c].span,
                                    (int)b->table.rows[r].cells[c].text.runs[k].len, b->table.rows[r].cells[c].text.runs[k].text);
                for (size_t k = 0; k < b->text.nruns; k++)
                    fprintf(stderr, "  '%.*s'\n", (int)b->text.runs[k].len, b->text.runs[k].text);
            }
            for (size_t i = 0; p && i < p->npages; i++)
                for (size_t k = 0; k < p->pages[i].nitems; k++) {
                    const br_item *it = &p->pages[i].items[k];
                    if (it->kind == BR_ITEM_TEXT)
                        fprintf(stderr, "P%zu %.2f %.2f '%.*s'\n", i, it->x, it->y, (int)it->len, it->text);
                }
        }
        if (getenv("BR_RANDOM_SEEDS"))
            fprintf(stderr, "seed %llu\n", (unsigned long long)seed);
        lx_check_all(f, p);
        assert_drawings_inside(f, p);
        assert_int_equal(f->diags.errors, 0);
        assert_each_word_once(&g, p);
        assert_notes_on_their_pages(f, p);
        free(g.words);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(random_documents_lose_nothing, lx_setup, lx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
