/* layout_fixture.h — a document, a style and the fonts for layout tests,
 * and checks every laid-out test document must pass.
 *
 * Included by the test_layout*.c programs only (static inline helpers).
 */
#ifndef BR_LAYOUT_FIXTURE_H
#define BR_LAYOUT_FIXTURE_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "br_doc.h"
#include "br_layout.h"
#include "br_style.h"

#define LX_EPS 0.01

static inline void lx_assert_near(double a, double b, double eps, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        fprintf(stderr, "%s:%d: %.9g != %.9g (eps %g)\n", file, line, a, b, eps);
        _fail(file, line);
    }
}
#ifndef assert_double_equal
#define assert_double_equal(a, b, eps) lx_assert_near((a), (b), (eps), __FILE__, __LINE__)
#endif

typedef struct lx {
    br_arena *arena;
    br_diags diags;
    br_fontset fonts;
    br_style style;
    br_doc doc;
} lx;

static inline int lx_setup(void **state)
{
    static const char *const files[BR_FACE_COUNT] = {
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf"};
    lx *f = calloc(1, sizeof *f);
    char err[256];
    if (!f)
        return -1;
    f->arena = br_arena_new();
    br_diags_init(&f->diags, f->arena);
    br_style_default(&f->style);
    f->style.footer[1] = NULL;  /* tests that want running text set it */
    br_doc_init(&f->doc, f->arena);
    if (!br_fontset_load(&f->fonts, "fonts", files, err, sizeof err)) {
        fprintf(stderr, "fonts: %s\n", err);
        br_arena_free(f->arena);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static inline int lx_teardown(void **state)
{
    lx *f = *state;
    br_fontset_free(&f->fonts);
    br_arena_free(f->arena);
    free(f);
    return 0;
}

/* ---- building ---- */

static inline br_block *lx_para(lx *f, const char *markup)
{
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_PARAGRAPH);
    br_rich_parse(f->arena, &b->text, markup, BR_FACE_REGULAR, (br_loc){"test.yaml", 1, 1});
    return b;
}

static inline br_block *lx_heading(lx *f, int level, const char *text)
{
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_HEADING);
    b->level = level;
    br_rich_parse(f->arena, &b->text, text, BR_FACE_REGULAR, (br_loc){"test.yaml", 1, 1});
    return b;
}

/* A table block with n columns of default specs. */
static inline br_table *lx_table(lx *f, size_t ncols)
{
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_TABLE);
    b->loc = (br_loc){"test.yaml", 7, 3};
    b->table.ncols = ncols;
    b->table.cols = br_arena_calloc(f->arena, ncols, sizeof *b->table.cols);
    return &b->table;
}

/* A row of cells given as strings (NULL ends the list). */
static inline br_row *lx_row(lx *f, br_table *t, bool header, ...)
{
    br_row *r = br_table_add_row(f->arena, t, header);
    va_list ap;
    va_start(ap, header);
    for (const char *s; (s = va_arg(ap, const char *));)
        br_row_add_cell(f->arena, r, s, BR_ALIGN_LEFT);
    va_end(ap);
    return r;
}

static inline br_pages *lx_layout(lx *f)
{
    return br_layout(&f->doc, &f->style, &f->fonts, f->arena, &f->diags);
}

/* ---- reading the display list ---- */

static inline double lx_width(const lx *f, const br_item *it)
{
    return (double)br_font_text_width(f->fonts.face[it->face], it->text, it->len) * it->size / 1000;
}

static inline bool lx_is(const br_item *it, const char *text)
{
    return it->kind == BR_ITEM_TEXT && it->len == strlen(text) && memcmp(it->text, text, it->len) == 0;
}

static inline bool lx_has(const br_item *it, const char *text)
{
    size_t n = strlen(text);
    if (it->kind != BR_ITEM_TEXT || it->len < n)
        return false;
    for (size_t i = 0; i + n <= it->len; i++)
        if (memcmp(it->text + i, text, n) == 0)
            return true;
    return false;
}

/* The first text item equal to text: page in *page, or NULL. */
static inline const br_item *lx_find(const br_pages *p, const char *text, size_t *page)
{
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++)
            if (lx_is(&p->pages[i].items[k], text)) {
                if (page)
                    *page = i;
                return &p->pages[i].items[k];
            }
    return NULL;
}

static inline size_t lx_count(const br_pages *p, const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++)
            n += lx_is(&p->pages[i].items[k], text);
    return n;
}

/* The footnote number a reference item shows — the font's superscript
 * digits, or small digits after a thin space or a comma — or -1 when the
 * item is no reference (plain digits, as numbers in the footnote area). */
static inline int lx_ref_number(const br_item *it)
{
    static const uint32_t sup[10] = {0x2070, 0xB9, 0xB2, 0xB3, 0x2074,
                                     0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    if (it->kind != BR_ITEM_TEXT)
        return -1;
    int n = 0, digits = 0;
    /* Raised small digits (60% of the fixture's 9 or 10 pt text) are a
     * marker with no thin space before them; a footnote's own number at
     * the page foot is set at the footnote size. */
    bool marked = it->size < 6.5;
    for (size_t i = 0; i < it->len;) {
        uint32_t cp;
        i += br_utf8_decode(it->text + i, it->len - i, &cp);
        if ((cp == ',' || cp == 0x2009) && digits == 0) {
            marked = true;
            continue;
        }
        int d = cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
        for (int k = 0; k < 10; k++)
            if (sup[k] == cp)
                d = k, marked = true;
        if (d < 0)
            return -1;
        n = n * 10 + d;
        digits++;
    }
    return digits && marked ? n : -1;
}

/* Largest baseline of the page's text items (the lowest line). */
static inline double lx_lowest(const br_page *pg)
{
    double y = -1;
    for (size_t k = 0; k < pg->nitems; k++)
        if (pg->items[k].kind == BR_ITEM_TEXT && pg->items[k].y > y)
            y = pg->items[k].y;
    return y;
}

/* ---- checks every document passes ---- */

typedef struct lx_box {
    double x0, y0, x1, y1;
} lx_box;

static inline lx_box lx_text_box(const lx *f, const br_item *it)
{
    const br_font *font = f->fonts.face[it->face];
    lx_box b = {it->x, it->y - br_font_ascent(font) * it->size / 1000, it->x + lx_width(f, it),
                it->y - br_font_descent(font) * it->size / 1000};
    return b;
}

/* Every text item lies inside the margins (the running header and footer,
 * which tests switch off unless they test them, excepted by the caller). */
static inline void lx_check_margins(const lx *f, const br_pages *p)
{
    const br_style *s = &f->style;
    for (size_t i = 0; i < p->npages; i++) {
        const br_page *pg = &p->pages[i];
        for (size_t k = 0; k < pg->nitems; k++) {
            const br_item *it = &pg->items[k];
            if (it->kind != BR_ITEM_TEXT)
                continue;
            lx_box b = lx_text_box(f, it);
            if (b.x0 < s->margin_left - LX_EPS || b.x1 > pg->width - s->margin_right + LX_EPS ||
                b.y0 < s->margin_top - LX_EPS || b.y1 > pg->height - s->margin_bottom + LX_EPS) {
                fprintf(stderr, "page %zu: '%.*s' at (%.2f,%.2f)-(%.2f,%.2f) outside margins\n", i,
                        (int)it->len, it->text, b.x0, b.y0, b.x1, b.y1);
                fail();
            }
        }
    }
}

/* No two text items overlap, and no rule crosses a text item. */
static inline void lx_check_clear(const lx *f, const br_pages *p)
{
    for (size_t i = 0; i < p->npages; i++) {
        const br_page *pg = &p->pages[i];
        for (size_t a = 0; a < pg->nitems; a++) {
            const br_item *ia = &pg->items[a];
            if (ia->kind != BR_ITEM_TEXT)
                continue;
            lx_box ba = lx_text_box(f, ia);
            for (size_t b = 0; b < pg->nitems; b++) {
                const br_item *ib = &pg->items[b];
                if (b == a || ib->kind == BR_ITEM_RECT)
                    continue;
                lx_box bb;
                if (ib->kind == BR_ITEM_TEXT) {
                    if (b < a)
                        continue;
                    bb = lx_text_box(f, ib);
                } else {
                    double hw = ib->width / 2;
                    bb = (lx_box){fmin(ib->x, ib->x2) - hw, fmin(ib->y, ib->y2) - hw,
                                  fmax(ib->x, ib->x2) + hw, fmax(ib->y, ib->y2) + hw};
                }
                bool overlap = ba.x0 < bb.x1 - LX_EPS && bb.x0 < ba.x1 - LX_EPS &&
                               ba.y0 < bb.y1 - LX_EPS && bb.y0 < ba.y1 - LX_EPS;
                if (overlap) {
                    fprintf(stderr, "page %zu: '%.*s' (%.2f,%.2f)-(%.2f,%.2f) overlaps item %zu "
                            "(%.2f,%.2f)-(%.2f,%.2f)\n",
                            i, (int)ia->len, ia->text, ba.x0, ba.y0, ba.x1, ba.y1, b, bb.x0,
                            bb.y0, bb.x1, bb.y1);
                    fail();
                }
            }
        }
    }
}

static inline void lx_check_all(const lx *f, const br_pages *p)
{
    assert_non_null(p);
    lx_check_margins(f, p);
    lx_check_clear(f, p);
}

#endif
