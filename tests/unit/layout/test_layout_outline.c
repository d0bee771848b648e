/* test_layout_outline.c — bookmarks and appendices: every heading and
 * caption gets a bookmark nested under the heading before it; an appendix
 * heading starts a top-level entry under which what follows nests, and the
 * running heads of its pages show it ({appendix}). */
#include "layout_fixture.h"

static br_block *caption(lx *f, const char *text)
{
    br_block *b = lx_heading(f, 3, text);
    b->outline = b->caption = true;
    return b;
}

static br_block *heading(lx *f, int level, const char *text)
{
    br_block *b = lx_heading(f, level, text);
    b->outline = true;
    return b;
}

static void appendix(lx *f, const char *text)
{
    br_doc_add_block(&f->doc, BR_BLOCK_PAGE_BREAK);
    heading(f, 1, text)->appendix = true;
}

static void assert_levels(const br_pages *p, const int *want, size_t n)
{
    assert_int_equal(p->noutline, n);
    for (size_t i = 0; i < n; i++)
        if (p->outline[i].level != want[i])
            fail_msg("bookmark %zu '%s': level %d, expected %d", i + 1, p->outline[i].title,
                     p->outline[i].level, want[i]);
}

static void captions_nest_under_the_heading_before_them(void **state)
{
    lx *f = *state;
    caption(f, "Before any heading");
    heading(f, 1, "One");
    caption(f, "Table of one");
    heading(f, 2, "One point one");
    caption(f, "Table of one point one");
    caption(f, "Another table of one point one");
    heading(f, 3, "Deeper");
    caption(f, "Table of deeper");
    heading(f, 1, "Two");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    static const int want[] = {1, 1, 2, 2, 3, 3, 3, 4, 1};
    assert_levels(p, want, sizeof want / sizeof *want);
    assert_string_equal(p->outline[2].title, "Table of one");
}

/* A captioned table that moves to a new page is bookmarked on that page,
 * where its caption prints, even when the page it left ends with
 * footnotes drawn after the move. */
static void a_moved_table_is_bookmarked_where_it_starts(void **state)
{
    int moved = 0;
    for (int n = 30; n <= 60; n++) {
        lx *f = *state;
        br_doc_init(&f->doc, f->arena);
        br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "n")->text, "A note.",
                      BR_FACE_REGULAR, (br_loc){0});
        heading(f, 1, "Report");
        lx_para(f, "Text with a note.[^n]");
        for (int i = 0; i < n; i++)
            lx_para(f, "A line of text.");
        br_table *t = lx_table(f, 2);
        t->caption = "Key milestones";
        lx_row(f, t, true, "Milestone", "Status", NULL);
        for (int i = 0; i < 8; i++)
            lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "On track", NULL);
        br_pages *p = lx_layout(f);
        assert_non_null(p);
        assert_int_equal(p->noutline, 2);
        size_t pg;
        const br_item *cap = lx_find(p, "Key milestones", &pg);
        assert_non_null(cap);
        assert_int_equal(p->outline[1].page, pg);
        assert_true(p->outline[1].y <= cap->y);
        moved += pg > 0;
    }
    assert_true(moved > 0);
}

static void an_appendix_holds_what_follows(void **state)
{
    lx *f = *state;
    heading(f, 1, "Report");
    appendix(f, "Appendix 1 — KPIs");
    heading(f, 1, "Contractual");
    caption(f, "Contractual KPIs");
    heading(f, 3, "Detail");
    caption(f, "Detail table");
    appendix(f, "Appendix 2 — Finance");
    caption(f, "Budget");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    /* "Detail" (level 3) is under "Contractual" (level 1), beside its
     * table, not under the table's caption */
    static const int want[] = {1, 1, 2, 3, 3, 4, 1, 2};
    assert_levels(p, want, sizeof want / sizeof *want);
    assert_int_equal(p->outline[1].page, 1);
    assert_int_equal(p->outline[6].page, 2);
}

static void bookmarks_stop_at_the_deepest_level(void **state)
{
    lx *f = *state;
    appendix(f, "Appendix 1 — Deep");
    for (int level = 1; level <= 6; level++)
        heading(f, level, br_arena_printf(f->arena, "Heading %d", level))->level = level;
    caption(f, "Still the deepest");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    static const int want[] = {1, 2, 3, 4, 5, 6, BR_OUTLINE_DEPTH, BR_OUTLINE_DEPTH};
    assert_levels(p, want, sizeof want / sizeof *want);
}

/* A heading nests under the last heading of a higher rank, one level below
 * it however many levels the paper skips, and never under a caption: a
 * level 3 heading straight under a level 1 heading's table is the level
 * 1's child, beside that table, as a reader's bookmarks pane should show
 * it (it was put under the table's caption). */
static void headings_never_nest_under_captions(void **state)
{
    lx *f = *state;
    heading(f, 1, "Section");
    caption(f, "Its table");
    heading(f, 3, "A level 3 heading");
    caption(f, "The level 3's table");
    heading(f, 3, "Another level 3 heading");
    heading(f, 2, "A level 2 heading");
    caption(f, "The level 2's table");
    heading(f, 1, "Next section");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    static const int want[] = {1, 2, 2, 3, 2, 2, 3, 1};
    assert_levels(p, want, sizeof want / sizeof *want);
}

/* A table whose caption prints only where it continues is bookmarked where
 * it starts, once: not again under a caption heading, nor when its caption
 * repeats the heading it sits under. */
static void tables_are_bookmarked_by_their_captions(void **state)
{
    lx *f = *state;
    heading(f, 1, "A. *Objective* one");
    br_table *t = lx_table(f, 2);
    t->caption = "A. *Objective* one";       /* the heading's words: no second entry */
    lx_row(f, t, false, "a", "b", NULL);
    t = lx_table(f, 2);
    t->caption = "Key milestones";
    lx_row(f, t, false, "c", "d", NULL);
    caption(f, "Captioned");
    t = lx_table(f, 2);
    t->caption = "Captioned";
    lx_row(f, t, false, "e", "f", NULL);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    static const int want[] = {1, 2, 2};
    assert_levels(p, want, sizeof want / sizeof *want);
    assert_string_equal(p->outline[1].title, "Key milestones");
    assert_string_equal(p->outline[2].title, "Captioned");
    /* At the table's top, above its caption and first row. */
    const br_page *pg = &p->pages[p->outline[1].page];
    bool found = false;
    for (size_t i = 0; i < pg->nitems && !found; i++)
        found = pg->items[i].kind == BR_ITEM_TEXT && pg->items[i].len == 1 &&
                pg->items[i].text[0] == 'c' && pg->items[i].y > p->outline[1].y &&
                pg->items[i].y - p->outline[1].y < 30;
    const br_item *cap = lx_find(p, "Key milestones", NULL);
    assert_non_null(cap);
    assert_true(p->outline[1].y < cap->y - cap->size * 0.7);    /* above its capitals */
    assert_true(found);
}

/* The texts of page i's running header band (above the top margin). */
static bool header_has(const lx *f, const br_page *pg, const char *text)
{
    for (size_t i = 0; i < pg->nitems; i++) {
        const br_item *it = &pg->items[i];
        if (it->kind == BR_ITEM_TEXT && it->y < f->style.margin_top &&
            it->len == strlen(text) && memcmp(it->text, text, it->len) == 0)
            return true;
    }
    return false;
}

static size_t header_items(const lx *f, const br_page *pg)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->nitems; i++)
        n += pg->items[i].kind == BR_ITEM_TEXT && pg->items[i].y < f->style.margin_top;
    return n;
}

static void running_heads_show_the_appendix(void **state)
{
    lx *f = *state;
    f->style.header[1] = "{appendix}";
    heading(f, 1, "Report");
    appendix(f, "Appendix 1 — KPIs");
    lx_para(f, "Its text.");
    br_doc_add_block(&f->doc, BR_BLOCK_PAGE_BREAK);
    lx_para(f, "Its second page.");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    assert_int_equal(p->npages, 3);
    /* Outside an appendix the slot is empty: nothing is drawn. */
    assert_null(p->pages[0].appendix);
    assert_int_equal(header_items(f, &p->pages[0]), 0);
    for (size_t i = 1; i < 3; i++) {
        assert_string_equal(p->pages[i].appendix, "Appendix 1 — KPIs");
        assert_true(header_has(f, &p->pages[i], "Appendix 1 — KPIs"));
    }
}

/* A page margin of 0 leaves the running header only the room it is
 * given: an appendix title that wraps there takes more lines than the
 * header outside it, and the body moves down for it on every page, so
 * nothing is set above the paper's edge (it was an internal error). */
static void a_long_appendix_title_fits_under_a_margin_of_0(void **state)
{
    lx *f = *state;
    f->style.margin_top = 0;
    f->style.header[1] = "{appendix}";
    f->style.header[0] = "Doncaster Council";
    heading(f, 1, "Report");
    appendix(f, "Appendix 1 — Summary of key performance indicators for quarter two 2019/20, "
                "contractual and strategic, with their tolerances and trends over six quarters");
    lx_para(f, "Its text.");
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    assert_false(br_diags_failed(&f->diags));
    lx_check_all(f, p);
    size_t shown = 0;   /* in the running head and the heading */
    for (size_t k = 0; k < p->pages[1].nitems; k++)
        shown += lx_has(&p->pages[1].items[k], "Appendix 1");
    assert_int_equal(shown, 2);
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++)
            if (p->pages[i].items[k].kind == BR_ITEM_TEXT)
                assert_true(lx_text_box(f, &p->pages[i].items[k]).y0 >= 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, lx_setup, lx_teardown)
    const struct CMUnitTest tests[] = {
        T(captions_nest_under_the_heading_before_them),
        T(a_moved_table_is_bookmarked_where_it_starts),
        T(an_appendix_holds_what_follows),
        T(bookmarks_stop_at_the_deepest_level),
        T(headings_never_nest_under_captions),
        T(running_heads_show_the_appendix),
        T(a_long_appendix_title_fits_under_a_margin_of_0),
        T(tables_are_bookmarked_by_their_captions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
