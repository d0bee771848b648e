/* test_layout_text.c — line breaking and the look of runs. */
#include "layout_fixture.h"

#define LEFT(f) ((f)->style.margin_left)

static lx *fresh_doc(void **state)
{
    lx *f = *state;
    br_doc_init(&f->doc, f->arena);
    return f;
}

static double text_w(const lx *f, const char *s, br_face face, double size)
{
    return br_font_text_width(f->fonts.face[face], s, strlen(s)) * size / 1000;
}

/* A one-column table whose text is width pt wide, with one cell of markup. */
static void narrow_cell(lx *f, double width, const char *markup)
{
    br_table *t = lx_table(f, 2);
    t->cols[0].width = width + 2 * f->style.cell_pad_x;
    br_row *r = br_table_add_row(f->arena, t, false);
    br_cell *c = br_row_add_cell(f->arena, r, NULL, BR_ALIGN_LEFT);
    br_rich_parse(f->arena, &c->text, markup, BR_FACE_REGULAR, (br_loc){"t.yaml", 2, 5});
    br_row_add_cell(f->arena, r, "other", BR_ALIGN_LEFT);
}

static void line_breaks_after_hyphen_dash_and_slash(void **state)
{
    static const char *const cases[][3] = {
        {"well-known", "well-", "known"},
        {"partnership/multi", "partnership/", "multi"},
        {"north\xE2\x80\x93south", "north\xE2\x80\x93", "south"},
    };
    for (size_t i = 0; i < 3; i++) {
        lx *f = fresh_doc(state);
        narrow_cell(f, fmax(text_w(f, cases[i][1], BR_FACE_REGULAR, 9),
                            text_w(f, cases[i][2], BR_FACE_REGULAR, 9)) + 1, cases[i][0]);
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        const br_item *a = lx_find(p, cases[i][1], NULL), *b = lx_find(p, cases[i][2], NULL);
        assert_non_null(a);
        assert_non_null(b);
        assert_double_equal(a->x, b->x, 0);
        assert_double_equal(b->y - a->y, f->style.table_body.leading, 1e-9);
    }
}

/* A slash or hyphen between digits is part of a figure ("2011/12",
 * "31/07/12", "10-17"): no line ends there when the figure fits. */
static void figures_with_a_slash_or_hyphen_stay_whole(void **state)
{
    lx *f = fresh_doc(state);
    narrow_cell(f, text_w(f, "31/07/12", BR_FACE_REGULAR, 9) + 1, "Outturn 2011/12 by 31/07/12 aged 10-17");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_non_null(lx_find(p, "2011/12", NULL));
    assert_non_null(lx_find(p, "31/07/12", NULL));
    assert_non_null(lx_find(p, "10-17", NULL));
}

/* A period label is one unit: "2018/19 Q4" and "Quarter 2" never part at a
 * line's end, even in a cell too narrow for "(as at 2018/19 Q4)" whole;
 * words before them still wrap ("as at 2018" does not join them). */
static void a_period_label_stays_on_one_line(void **state)
{
    static const char *const cases[][2] = {
        {"Better than target (as at 2018/19 Q4)", "2018/19 Q4)"},
        {"figures for Quarter 2 of 2019", "Quarter 2"},
        {"as at 2019 H1, provisional", "2019 H1,"},
    };
    for (size_t i = 0; i < 3; i++) {
        lx *f = fresh_doc(state);
        narrow_cell(f, text_w(f, cases[i][1], BR_FACE_REGULAR, 9) + 1, cases[i][0]);
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        assert_non_null(lx_find(p, cases[i][1], NULL));
    }
    /* a year before any other word still breaks */
    lx *f = fresh_doc(state);
    narrow_cell(f, text_w(f, "2019", BR_FACE_REGULAR, 9) + 1, "2019 onwards");
    br_pages *p = lx_layout(f);
    assert_null(lx_find(p, "2019 onwards", NULL));
}

/* A figure and its unit never part at a line's end, a time's unit
 * included ("140 days", "12 months"): the line breaks before the figure. */
static void a_figure_and_its_unit_stay_on_one_line(void **state)
{
    lx *f = fresh_doc(state);
    narrow_cell(f, text_w(f, "within 12 months", BR_FACE_REGULAR, 9) + 1,
                "re-referrals within 12 months; 140 days; £86.190 m.");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_TEXT)
            continue;
        assert_false(lx_is(it, "months;") || lx_is(it, "days;") || lx_is(it, "m."));
        assert_false(it->len >= 2 && memcmp(it->text + it->len - 2, "12", 2) == 0);
    }
    assert_non_null(lx_find(p, "140 days;", NULL));
}

static void leading_hyphen_does_not_break(void **state)
{
    lx *f = fresh_doc(state);
    narrow_cell(f, text_w(f, "-5611", BR_FACE_REGULAR, 9) + 1, "-5611 -1.7%");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_non_null(lx_find(p, "-5611", NULL));
    assert_non_null(lx_find(p, "-1.7%", NULL));
}

/* A letter typed with a combining accent is set as the font's accented
 * letter (NFC), measured as painted; a mark with no composite (x̄) stays
 * on its letter, advancing by nothing, and a word too wide for its cell
 * is never cut between a letter and its mark. */
static void combining_accents_are_set_composed(void **state)
{
    lx *f = fresh_doc(state);
    lx_para(f, "re\xCC\x81sume\xCC\x81 x\xCC\x84");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(p->pages[0].nitems, 1);
    const br_item *it = &p->pages[0].items[0];
    assert_true(lx_is(it, "r\xC3\xA9sum\xC3\xA9 x\xCC\x84"));
    f = fresh_doc(state);
    narrow_cell(f, text_w(f, "x", BR_FACE_REGULAR, 9) + 0.5, "x\xCC\x84x\xCC\x84");
    p = lx_layout(f);
    lx_check_all(f, p);
    size_t n = 0;
    for (size_t i = 0; i < p->pages[0].nitems; i++)
        n += lx_is(&p->pages[0].items[i], "x\xCC\x84");
    assert_int_equal(n, 2);
}

/* The first item whose text starts with prefix. */
static const br_item *item_starting(const br_pages *p, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (it->kind == BR_ITEM_TEXT && it->len >= n && memcmp(it->text, prefix, n) == 0)
                return it;
        }
    return NULL;
}

/* A line of a cell written "- item" is a bullet line: a bullet where the
 * hyphen was, its text after it, its wrapped lines hanging under that
 * text; a hyphen inside a line, a minus and a lone "-" stay as written. */
static void bullets_in_a_cell_hang_their_lines(void **state)
{
    lx *f = fresh_doc(state);
    double width = text_w(f, "\xE2\x80\xA2 first item that wraps", BR_FACE_REGULAR, 9) + 1;
    narrow_cell(f, width, "- first item that wraps onto a second line\n- second\n"
                          "Not - a bullet\n-5 stays\n-");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "\xE2\x80\xA2"), 2);
    const br_item *bullet = lx_find(p, "\xE2\x80\xA2", NULL);
    const br_item *first = item_starting(p, "first"), *wrapped = item_starting(p, "onto");
    const br_item *plain = item_starting(p, "Not - a bullet"), *minus = item_starting(p, "-5");
    assert_non_null(first);
    assert_non_null(wrapped);
    assert_non_null(plain);
    assert_non_null(minus);
    assert_non_null(lx_find(p, "-", NULL));
    double hang = text_w(f, "\xE2\x80\xA2 ", BR_FACE_REGULAR, 9);
    assert_double_equal(first->x, bullet->x + hang, 1e-6);
    assert_double_equal(wrapped->x, first->x, 1e-6);     /* hangs under the text */
    assert_true(wrapped->y > first->y);
    assert_double_equal(plain->x, bullet->x, 1e-6);      /* a line of its own, not hung */
    assert_double_equal(minus->x, bullet->x, 1e-6);
    assert_null(item_starting(p, "- "));
}

static void words_of_one_run_share_one_item(void **state)
{
    lx *f = fresh_doc(state);
    lx_para(f, "alpha beta  gamma");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(p->pages[0].nitems, 1);
    assert_true(lx_is(&p->pages[0].items[0], "alpha beta  gamma"));
}

static void wrapped_lines_drop_the_space_at_the_break(void **state)
{
    lx *f = fresh_doc(state);
    narrow_cell(f, text_w(f, "gamma delta", BR_FACE_REGULAR, 9) + 0.5, "alpha beta gamma delta");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *a = lx_find(p, "alpha beta", NULL), *b = lx_find(p, "gamma delta", NULL);
    assert_non_null(a);
    assert_non_null(b);
    assert_double_equal(a->x, b->x, 0);
}

static void blank_line_keeps_its_height(void **state)
{
    lx *f = fresh_doc(state);
    lx_para(f, "a\n\nb");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_double_equal(lx_find(p, "b", NULL)->y - lx_find(p, "a", NULL)->y, 26, 1e-9);
}

static void superscript_run_is_small_and_raised(void **state)
{
    lx *f = fresh_doc(state);
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_PARAGRAPH);
    br_rich_add(f->arena, &b->text, "m", 1, BR_FACE_REGULAR);
    br_rich_add(f->arena, &b->text, "2", 1, BR_FACE_REGULAR)->superscript = true;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *m = lx_find(p, "m", NULL), *two = lx_find(p, "2", NULL);
    assert_double_equal(two->size, 6, 1e-9);
    assert_double_equal(two->y, m->y - 3.6, 1e-9);
    assert_double_equal(two->x, m->x + lx_width(f, m), 1e-9);
}

static void adjacent_references_are_separated_by_a_comma(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "a")->text, "A.", 0, (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "b")->text, "B.", 0, (br_loc){0});
    lx_para(f, "Both[^a][^b] here.");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *both = lx_find(p, "Both", NULL);
    assert_int_equal(lx_ref_number(both + 1), 1);
    assert_int_equal(lx_ref_number(both + 2), 2);
    assert_int_equal((both + 2)->text[0], ',');
    assert_double_equal((both + 2)->x, (both + 1)->x + lx_width(f, both + 1), 1e-9);
    assert_non_null(lx_find(p, "A.", NULL));
    assert_non_null(lx_find(p, "B.", NULL));
}

/* One rule for a marker's spacing: it follows its word directly whether
 * the text has a space before it ("85% [^a]", as a value and its note are
 * joined) or not ("85%[^a]"); a space between two markers becomes their
 * comma. */
static void a_marker_follows_its_word_with_no_space(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "a")->text, "A.", 0, (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "b")->text, "B.", 0, (br_loc){0});
    lx_para(f, "Spaced 85% [^a] value.");
    lx_para(f, "Joined 85%[^a] value.");
    lx_para(f, "Both [^a] [^b] here.");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const char *starts[] = {"Spaced 85%", "Joined 85%"};
    for (int i = 0; i < 2; i++) {
        const br_item *w = lx_find(p, starts[i], NULL);
        assert_non_null(w);
        assert_int_equal(lx_ref_number(w + 1), 1);
        assert_double_equal((w + 1)->x, w->x + lx_width(f, w), 1e-9);
    }
    const br_item *both = lx_find(p, "Both", NULL);
    assert_non_null(both);
    assert_int_equal(lx_ref_number(both + 1), 1);
    assert_double_equal((both + 1)->x, both->x + lx_width(f, both), 1e-9);
    assert_int_equal(lx_ref_number(both + 2), 2);
    assert_int_equal((both + 2)->text[0], ',');
}

/* Marker 10 (raised small digits: the font has no superscript zero) sits
 * as tight to its word as marker 9 (the font's own digit) does. */
static void markers_of_ten_and_over_sit_as_tight_as_one_to_nine(void **state)
{
    lx *f = fresh_doc(state);
    for (int i = 1; i <= 10; i++)
        br_rich_parse(f->arena,
                      &br_doc_add_footnote(&f->doc, br_arena_printf(f->arena, "n%d", i))->text,
                      br_arena_printf(f->arena, "Note %d.", i), 0, (br_loc){0});
    lx_para(f, "One[^n1] two[^n2] three[^n3] four[^n4] five[^n5] six[^n6] seven[^n7] "
               "eight[^n8] £6.687m.[^n9]");
    lx_para(f, "£1.285m.[^n10]");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const char *words[2] = {"£6.687m.", "£1.285m."};
    for (int i = 0; i < 2; i++) {
        const br_item *w = lx_find(p, words[i], NULL);
        assert_non_null(w);
        assert_int_equal(lx_ref_number(w + 1), 9 + i);
        assert_double_equal((w + 1)->x, w->x + lx_width(f, w), 1e-9);
        /* its first digit is where it starts: no (thin) space before it */
        assert_true((unsigned char)(w + 1)->text[0] != 0xE2 || (w + 1)->text[1] != '\x80' ||
                    (w + 1)->text[2] != '\x89');
    }
}

static void footnote_citing_another_brings_it_along(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "a")->text, "See also[^b].", 0,
                  (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "b")->text, "The source.", 0,
                  (br_loc){0});
    lx_para(f, "Text[^a].");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *src = lx_find(p, "The source.", NULL);
    assert_non_null(src);
    assert_true(lx_is(src - 1, "2"));
}

static void coloured_run_and_bold_cell_faces(void **state)
{
    lx *f = fresh_doc(state);
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_PARAGRAPH);
    br_run *r = br_rich_add(f->arena, &b->text, "red", 3, BR_FACE_REGULAR);
    r->has_color = true;
    r->color = 0xC00000;
    br_table *t = lx_table(f, 1);
    br_row *row = br_table_add_row(f->arena, t, false);
    br_cell *c = br_row_add_cell(f->arena, row, NULL, BR_ALIGN_LEFT);
    c->bold = true;
    br_rich_parse(f->arena, &c->text, "plain *slanted*", 0, (br_loc){0});
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_find(p, "red", NULL)->color, 0xC00000);
    assert_int_equal(lx_find(p, "plain", NULL)->face, BR_FACE_BOLD);
    assert_int_equal(lx_find(p, "slanted", NULL)->face, BR_FACE_BOLD_ITALIC);
}

static void header_cells_are_dark_on_the_header_fill(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Value", NULL);
    lx_row(f, t, false, "Referrals", "924", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *h = lx_find(p, "Measure", NULL);
    assert_int_equal(h->face, BR_FACE_BOLD);
    assert_int_equal(h->color, f->style.header_text);
    assert_double_equal(h->size, f->style.table_header.size, 0);
    size_t fills = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++)
        fills += p->pages[0].items[k].kind == BR_ITEM_RECT &&
                 p->pages[0].items[k].color == f->style.header_fill;
    assert_int_equal(fills, 2);
    assert_int_equal(lx_find(p, "Referrals", NULL)->face, BR_FACE_REGULAR);
}

static void table_font_size_scales_header_and_body(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->font_size = 7;
    lx_row(f, t, true, "Measure", "Value", NULL);
    lx_row(f, t, false, "Referrals", "924", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_double_equal(lx_find(p, "Referrals", NULL)->size, 7, 1e-9);
    assert_double_equal(lx_find(p, "Measure", NULL)->size, 7, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, lx_setup, lx_teardown)
        T(line_breaks_after_hyphen_dash_and_slash),
        T(figures_with_a_slash_or_hyphen_stay_whole),
        T(a_period_label_stays_on_one_line),
        T(a_figure_and_its_unit_stay_on_one_line),
        T(leading_hyphen_does_not_break),
        T(bullets_in_a_cell_hang_their_lines),
        T(words_of_one_run_share_one_item),
        T(combining_accents_are_set_composed),
        T(wrapped_lines_drop_the_space_at_the_break),
        T(blank_line_keeps_its_height),
        T(superscript_run_is_small_and_raised),
        T(adjacent_references_are_separated_by_a_comma),
        T(a_marker_follows_its_word_with_no_space),
        T(markers_of_ten_and_over_sit_as_tight_as_one_to_nine),
        T(footnote_citing_another_brings_it_along),
        T(coloured_run_and_bold_cell_faces),
        T(header_cells_are_dark_on_the_header_fill),
        T(table_font_size_scales_header_and_body),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
