/* test_layout_table.c — tables: column widths, alignment, rows across pages. */
#include "layout_fixture.h"

#define LEFT(f) ((f)->style.margin_left)
#define TEXT_W(f) ((f)->style.page_width - (f)->style.margin_left - (f)->style.margin_right)

static lx *fresh_doc(void **state)
{
    lx *f = *state;
    br_doc_init(&f->doc, f->arena);
    return f;
}

/* The right end of the item (its x plus its width). */
static double right_of(const lx *f, const br_item *it)
{
    return it->x + lx_width(f, it);
}

/* ---- pages ---- */

static void long_table_breaks_on_whole_rows_and_repeats_its_header(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Measure", "Value", "Target", NULL);
    for (int i = 0; i < 200; i++)
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i),
               br_arena_printf(f->arena, "%d.5", i), br_arena_printf(f->arena, "Goal %d", i), NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 4);
    for (int i = 0; i < 200; i++) {
        char a[32], b[32], c[32];
        snprintf(a, sizeof a, "Row %d", i);
        snprintf(b, sizeof b, "%d.5", i);
        snprintf(c, sizeof c, "Goal %d", i);
        assert_int_equal(lx_count(p, a), 1);
        size_t pa, pb, pc;
        const br_item *ia = lx_find(p, a, &pa), *ib = lx_find(p, b, &pb), *ic = lx_find(p, c, &pc);
        assert_true(pa == pb && pb == pc);
        assert_true(ia->y == ib->y && ib->y == ic->y);
    }
    for (size_t i = 0; i < p->npages; i++) {
        const br_page *pg = &p->pages[i];
        size_t heads = 0;
        double head_y = 0, first_row = 1e9;
        for (size_t k = 0; k < pg->nitems; k++) {
            const br_item *it = &pg->items[k];
            if (lx_is(it, "Measure"))
                heads++, head_y = it->y;
            else if (lx_has(it, "Row ") && it->y < first_row)
                first_row = it->y;
        }
        assert_int_equal(heads, 1);
        assert_true(head_y < first_row);
        assert_true(head_y < f->style.margin_top + 12);
    }
}

static void row_taller_than_pages_splits_and_keeps_every_line(void **state)
{
    lx *f = fresh_doc(state);
    size_t cap = 40000;
    char *text = calloc(1, cap);
    for (int i = 0; i < 3000; i++)
        sprintf(text + strlen(text), "%scw%d", i ? " " : "", i);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Item", "Commentary", NULL);
    lx_row(f, t, false, "Before", "A short row.", NULL);
    br_row *r = lx_row(f, t, false, "Short", text, NULL);
    r->cells[1].has_fill = true;
    r->cells[1].fill = 0xFFF2CC;
    lx_row(f, t, false, "After", "Another short row.", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 4);
    /* the words of the cell, in page order, are its text */
    char *got = calloc(1, cap);
    for (size_t i = 0; i < p->npages; i++)
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (it->kind == BR_ITEM_TEXT && !it->repeat && it->len > 2 &&
                memcmp(it->text, "cw", 2) == 0) {
                if (*got)
                    strcat(got, " ");
                strncat(got, it->text, it->len);
            }
        }
    assert_string_equal(got, text);
    /* the row's short cell is printed once, and repeated on each page the
     * row continues on */
    int shorts = 0, repeats = 0, cont_pages = 0;
    for (size_t i = 0; i < p->npages; i++) {
        bool words = false;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            words = words || lx_has(it, "cw");
            if (lx_has(it, "Short"))
                it->repeat ? repeats++ : shorts++;
        }
        cont_pages += words;
    }
    assert_int_equal(shorts, 1);
    assert_int_equal(repeats, cont_pages - 1);
    assert_int_equal(lx_count(p, "Commentary"), (int)p->npages);
    /* the cell's fill continues on every page */
    for (size_t i = 0; i < p->npages; i++) {
        size_t fills = 0, words = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            fills += it->kind == BR_ITEM_RECT && it->color == 0xFFF2CC;
            words += lx_has(it, "cw");
        }
        assert_int_equal(fills, words ? 1 : 0);
    }
    free(got);
    free(text);
}

static void group_row_stays_with_the_row_after_it(void **state)
{
    int moved = 0;
    for (int g = 30; g <= 50; g++) {
        lx *f = fresh_doc(state);
        br_table *t = lx_table(f, 2);
        lx_row(f, t, true, "Measure", "Value", NULL);
        for (int i = 0; i < 80; i++) {
            if (i == g) {
                br_row *r = br_table_add_row(f->arena, t, false);
                r->kind = BR_ROW_GROUP;
                br_row_add_cell(f->arena, r, "Group heading", BR_ALIGN_LEFT)->span = 2;
            }
            lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "1", NULL);
        }
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        size_t pg, pn, pprev;
        const br_item *gi = lx_find(p, "Group heading", &pg);
        assert_non_null(gi);
        assert_int_equal(gi->face, BR_FACE_BOLD_ITALIC); /* the template's group_face */
        assert_non_null(lx_find(p, br_arena_printf(f->arena, "Row %d", g), &pn));
        assert_non_null(lx_find(p, br_arena_printf(f->arena, "Row %d", g - 1), &pprev));
        assert_int_equal(pg, pn);
        if (pg > pprev)
            moved++;
    }
    assert_true(moved > 0);
}

/* A page breaking among a group's rows repeats the group row under the
 * header with "(continued)" after its words; a page breaking before a
 * group row repeats none (that group row starts the page itself). */
static void group_row_repeats_where_a_page_breaks_inside_its_group(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    lx_row(f, t, true, "Measure", "Value", NULL);
    const char *groups[] = {"Contractual", "Strategic"};
    for (int g = 0; g < 2; g++) {
        br_row *r = br_table_add_row(f->arena, t, false);
        r->kind = BR_ROW_GROUP;
        br_row_add_cell(f->arena, r, groups[g], BR_ALIGN_LEFT)->span = 2;
        for (int i = 0; i < 70; i++)
            lx_row(f, t, false, br_arena_printf(f->arena, "Row %d.%d", g, i), "1", NULL);
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 3);
    for (size_t i = 1; i < p->npages; i++) {
        /* the first body row of the page names its group first */
        const br_item *first = NULL, *group = NULL, *cont = NULL;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (it->kind != BR_ITEM_TEXT)
                continue;
            if (!first && strncmp(it->text, "Row ", 4) == 0 && it->len > 4)
                first = it;
            if (!group && (lx_is(it, "Contractual") || lx_is(it, "Strategic")))
                group = it;
            if (!cont && lx_is(it, "(continued)") && group && it->y == group->y)
                cont = it;
        }
        assert_non_null(first);
        assert_non_null(group);
        assert_true(group->y < first->y);
        bool starts_group = strncmp(first->text, "Row 1.0", 7) == 0 && first->len == 7;
        if (starts_group) {
            assert_null(cont);  /* the group row itself, not a repeat */
            assert_false(group->repeat);
        } else {
            assert_non_null(cont);
            assert_true(group->repeat && cont->repeat);
            assert_true(cont->x > group->x);
            assert_int_equal(group->text[0], first->text[4] == '0' ? 'C' : 'S');
        }
    }
}

/* Whatever the table's length, its last row never goes alone to a page
 * under the repeated header: the row before it goes too. */
static void last_row_never_goes_alone_to_a_new_page(void **state)
{
    int moved = 0;
    for (int n = 30; n <= 60; n++) {
        lx *f = fresh_doc(state);
        br_table *t = lx_table(f, 2);
        lx_row(f, t, true, "Measure", "Value", NULL);
        for (int i = 0; i < n; i++)
            lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "1", NULL);
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        size_t plast, pprev, pfirst;
        assert_non_null(lx_find(p, "Row 0", &pfirst));
        assert_non_null(lx_find(p, br_arena_printf(f->arena, "Row %d", n - 1), &plast));
        assert_non_null(lx_find(p, br_arena_printf(f->arena, "Row %d", n - 2), &pprev));
        assert_int_equal(plast, pprev);
        size_t p3;
        assert_non_null(lx_find(p, br_arena_printf(f->arena, "Row %d", n - 3), &p3));
        moved += plast > pfirst && p3 < plast;
    }
    assert_true(moved > 0);     /* the sweep did put exactly two rows on a new page */
}

static void continued_caption_heads_later_pages(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->caption = "Table 1: *Demand*";
    lx_row(f, t, true, "Measure", "Value", NULL);
    for (int i = 0; i < 120; i++)
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "5611", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 0; i < p->npages; i++) {
        const br_item *cap = NULL, *head = NULL;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (lx_is(it, "Table 1:"))
                cap = it;
            if (lx_is(it, "Measure"))
                head = it;
        }
        assert_non_null(head);
        if (i == 0) {
            /* where it starts: "Table 1: Demand", not continued */
            assert_non_null(cap);
            assert_true(cap->y < head->y);
            assert_true(lx_is(cap + 1, "Demand"));
            assert_false(lx_is(cap + 2, "(continued)"));
            continue;
        }
        /* "Table 1: Demand (continued)", the caption's markup kept */
        assert_non_null(cap);
        assert_true(cap->y < head->y);
        assert_int_equal(cap->face, BR_FACE_BOLD);
        assert_true(lx_is(cap + 1, "Demand"));
        assert_int_equal(cap[1].face, BR_FACE_BOLD_ITALIC);
        assert_true(lx_is(cap + 2, "(continued)"));
        assert_int_equal(cap[2].face, BR_FACE_BOLD);
        assert_true(cap[1].y == cap->y && cap[2].y == cap->y);
    }
}

static void footnote_in_a_row_lands_on_that_rows_page(void **state)
{
    lx *f = fresh_doc(state);
    br_footnote *n = br_doc_add_footnote(&f->doc, "est");
    br_rich_parse(f->arena, &n->text, "Estimated from September data.", BR_FACE_REGULAR,
                  (br_loc){0});
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Value", NULL);
    for (int i = 0; i < 100; i++) {
        br_row *r = lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), NULL);
        br_cell *c = br_row_add_cell(f->arena, r, NULL, BR_ALIGN_LEFT);
        br_rich_parse(f->arena, &c->text, i == 70 ? "537[^est]" : "12", BR_FACE_REGULAR,
                      (br_loc){0});
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t pr, pn;
    const br_item *v = lx_find(p, "537", &pr);
    assert_non_null(lx_find(p, "Estimated from September data.", &pn));
    assert_int_equal(pr, pn);
    assert_true(pr > 0);
    assert_int_equal(lx_ref_number(v + 1), 1);
    assert_double_equal((v + 1)->x, v->x + lx_width(f, v), 1e-9);
}

/* A table's notes sit under it, where its last row ends, as the papers
 * print them ("1: using latest available data" under the summary), not at
 * the page's foot below the text that follows; a paragraph below citing
 * one of them again refers to it there (never printed twice on a page),
 * while a note a paragraph above the table cited stays at the foot. */
static void a_tables_notes_sit_under_the_table(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "hr")->text,
                  "Using latest available data.", BR_FACE_REGULAR, (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "both")->text,
                  "Cited by the table and the text.", BR_FACE_REGULAR, (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "above")->text,
                  "Cited above the table first.", BR_FACE_REGULAR, (br_loc){0});
    lx_para(f, "A paragraph above the table cites[^above] a note.");
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Q2", NULL);
    br_row *r = lx_row(f, t, false, "Agency staff", NULL);
    br_rich_parse(f->arena, &br_row_add_cell(f->arena, r, NULL, BR_ALIGN_LEFT)->text,
                  "4%[^hr]", BR_FACE_REGULAR, (br_loc){0});
    r = lx_row(f, t, false, "Turnover", NULL);
    br_rich_parse(f->arena, &br_row_add_cell(f->arena, r, NULL, BR_ALIGN_LEFT)->text,
                  "15%[^both][^above]", BR_FACE_REGULAR, (br_loc){0});
    lx_para(f, "The paragraph after the table cites[^both] the second note.");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t pu, pb, pt;
    const br_item *under = lx_find(p, "Using latest available data.", &pu);
    const br_item *both = lx_find(p, "Cited by the table and the text.", &pb);
    const br_item *row = lx_find(p, "Turnover", &pt), *para = NULL;
    for (size_t k = 0; k < p->pages[0].nitems && !para; k++)
        if (lx_has(&p->pages[0].items[k], "paragraph after"))
            para = &p->pages[0].items[k];
    assert_non_null(para);
    assert_non_null(under);
    assert_non_null(both);
    assert_true(pu == 0 && pb == 0 && pt == 0);
    const br_item *above = lx_find(p, "Cited above the table first.", NULL);
    assert_non_null(above);
    assert_true(under->y > row->y && under->y < para->y);   /* under the table */
    assert_true(both->y > row->y && both->y < para->y);
    assert_true(above->y > para->y);                        /* at the foot */
    assert_int_equal(lx_count(p, "Using latest available data."), 1);
    assert_int_equal(lx_count(p, "Cited by the table and the text."), 1);
    assert_int_equal(lx_count(p, "Cited above the table first."), 1);
}

/* ---- widths ---- */

/* Fill rectangles of the header, in order. */
static size_t header_fills(const lx *f, const br_page *pg, const br_item **out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < pg->nitems && n < max; k++)
        if (pg->items[k].kind == BR_ITEM_RECT && pg->items[k].color == f->style.header_fill)
            out[n++] = &pg->items[k];
    return n;
}

static void spanning_header_cells_cover_their_columns(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 5);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    br_row *h = lx_row(f, t, true, "Service", NULL);
    br_row_add_cell(f->arena, h, "2018/19 (a considerably longer spanning heading)", BR_ALIGN_CENTER)
        ->span = 2;
    br_row_add_cell(f->arena, h, "2019/20", BR_ALIGN_CENTER)->span = 2;
    lx_row(f, t, true, "", "Q1", "Q2", "Q1", "Q2", NULL);
    lx_row(f, t, false, "Children in Need", "2827", "2549", "2694", "2638", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *r[8];
    assert_int_equal(header_fills(f, &p->pages[0], r, 8), 8);
    /* row one: 3 cells; row two: 5 */
    assert_double_equal(r[1]->x, r[4]->x, 1e-9);
    assert_double_equal(r[1]->w, r[4]->w + r[5]->w, 1e-9);
    assert_double_equal(r[2]->x, r[6]->x, 1e-9);
    assert_double_equal(r[2]->w, r[6]->w + r[7]->w, 1e-9);
    assert_double_equal(r[0]->w + r[1]->w + r[2]->w, TEXT_W(f), 1e-6);
    /* the spanning heading fits on one line: its columns were widened */
    assert_non_null(lx_find(p, "2018/19 (a considerably longer spanning heading)", NULL));
    /* no vertical rule inside a spanning cell */
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_LINE && it->x == it->x2 && fabs(it->x - r[5]->x) < 1e-9)
            assert_true(it->y >= r[5]->y - 1e-9);
    }
}

/* Figure columns under one banner ("2018/19" over its quarters) are one
 * width, whatever digits each holds: the widest of them. */
static void columns_under_a_banner_share_one_width(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 6);
    for (size_t c = 1; c < 6; c++)
        t->cols[c].align = BR_ALIGN_RIGHT;
    br_row *h = lx_row(f, t, true, "", NULL);
    br_row_add_cell(f->arena, h, "2018/19", BR_ALIGN_CENTER)->span = 4;
    br_row_add_cell(f->arena, h, "", BR_ALIGN_CENTER);
    lx_row(f, t, true, "Measure", "Q1", "Q2", "Q3", "Q4", "Comment", NULL);
    lx_row(f, t, false, "Contacts", "9%", "100%", "7%", "12,345", "", NULL);
    lx_row(f, t, false, "Referrals", "10%", "95%", "8%", "1", "", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *q[4];
    const char *names[] = {"Q1", "Q2", "Q3", "Q4"};
    for (int i = 0; i < 4; i++)
        assert_non_null(q[i] = lx_find(p, names[i], NULL));
    /* right-aligned headers: equal steps between their right ends */
    double step = right_of(f, q[1]) - right_of(f, q[0]);
    assert_true(step > 0);
    assert_double_equal(right_of(f, q[2]) - right_of(f, q[1]), step, 1e-6);
    assert_double_equal(right_of(f, q[3]) - right_of(f, q[2]), step, 1e-6);
}

/* A placeholder ("-", "NA") in a column of figures takes the column's
 * alignment, flush right, and does not make it a column of words. */
static void a_placeholder_is_flush_right_with_the_figures(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Item", "Count", NULL);
    /* as a generic table's cells come: figures right, the rest left */
    lx_row(f, t, false, "Alpha", "12", NULL)->cells[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, false, "Beta", "-", NULL);
    lx_row(f, t, false, "Gamma", "1,234", NULL)->cells[1].align = BR_ALIGN_RIGHT;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double edge = right_of(f, lx_find(p, "1,234", NULL));
    assert_double_equal(right_of(f, lx_find(p, "12", NULL)), edge, 1e-6);
    assert_double_equal(right_of(f, lx_find(p, "-", NULL)), edge, 1e-6);
}

/* A table of figures and short phrases only is as wide as its content
 * wants (a long header broken onto at most three lines), not the page:
 * "-1.7%" is not set in a column 150 pt wide.  A table of running text
 * still takes the page's width. */
static void a_table_of_figures_is_as_wide_as_its_content(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    t->cols[1].align = t->cols[2].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Demand", "Q2", "% change against same quarter last year", NULL);
    lx_row(f, t, false, "Contacts", "5,590", "-1.7%", NULL);
    lx_row(f, t, false, "Referrals", "924", "+2.7%", NULL);
    br_table *u = lx_table(f, 2);
    lx_row(f, u, true, "Outcome", "Implications", NULL);
    lx_row(f, u, false, "Children in need", "The Council and the Trust share the outcome that all "
           "children should achieve their potential, in removing barriers and developing good "
           "quality services.", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *r[4];
    size_t n = header_fills(f, &p->pages[0], r, 4);
    assert_true(n >= 3);
    double w = r[0]->w + r[1]->w + r[2]->w;
    assert_true(w < TEXT_W(f) / 2);
    /* the long header in three lines at most, not one */
    assert_null(lx_find(p, "% change against same quarter last year", NULL));
    assert_true(r[2]->h <= 3 * f->style.table_header.leading + 2 * f->style.cell_pad_y + 1e-6);
    /* the table of running text: full width */
    const br_item *imp = lx_find(p, "Implications", NULL);
    assert_non_null(imp);
    size_t k = 0;
    for (; k < p->pages[0].nitems; k++)
        if (&p->pages[0].items[k] == imp)
            break;
    double right = 0;
    for (size_t i = 0; i < k; i++) {
        const br_item *it = &p->pages[0].items[i];
        if (it->kind == BR_ITEM_RECT && it->y > r[0]->y + 1 && it->x + it->w > right)
            right = it->x + it->w;
    }
    assert_double_equal(right, LEFT(f) + TEXT_W(f), 1e-6);
}

/* A Project / Status table whose one status of n phrases is laid out on a
 * page width pt wide (a measure of ~100 characters is far narrower). */
static br_pages *wide_status(lx *f, int n, double width)
{
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Project", "Status", NULL);
    char *text = br_arena_alloc(f->arena, (size_t)n * 24 + 1);
    *text = '\0';
    for (int i = 0; i < n; i++)
        strcat(text, i % 2 ? "practitioners trained " : "wide events held ");
    lx_row(f, t, false, "Pause", text, NULL);
    double page = f->style.page_width;
    f->style.page_width = width;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    f->style.page_width = page;
    return p;
}

/* A table of row labels and figures is a table of figures, however long
 * its labels: "Doncaster Children's Services Trust (DCST)" over a single
 * row of a budget's figures is set at the content's width, its label on
 * one line, its one-row header's long heading in two lines at most.  A
 * column of running text (a sentence longer than half a readable measure)
 * still takes the page. */
static void a_table_of_labels_and_figures_is_as_wide_as_its_content(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 4);
    t->cols[1].align = t->cols[2].align = t->cols[3].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "", "Gross Budget £m", "Variance £m", "Quarter 1 Variance £m", NULL);
    lx_row(f, t, false, "Doncaster Children's Services Trust (DCST)", "54.6", "-1.1", "-0.7", NULL);
    br_table *u = lx_table(f, 2);
    u->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, u, true, "Measure", "Q2", NULL);
    lx_row(f, u, false, "Percentage of cases where the lead social worker has seen the child in "
           "accordance with the plan", "95%", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *r[8];
    size_t n = header_fills(f, &p->pages[0], r, 8);
    assert_int_equal(n, 6);
    double w = r[0]->w + r[1]->w + r[2]->w + r[3]->w;
    assert_true(w < TEXT_W(f) - 20);
    assert_non_null(lx_find(p, "Doncaster Children's Services Trust (DCST)", NULL));
    assert_true(r[3]->h <= 2 * f->style.table_header.leading + 2 * f->style.cell_pad_y + 1e-6);
    /* the running text: the page's width */
    assert_double_equal(r[4]->w + r[5]->w, TEXT_W(f), 1e-6);
}

/* Prose whose lines would run far past a readable measure (a status across
 * a landscape page) is set in two columns in its cell: each line within
 * the measure, the first column's lines before the second's, the row no
 * taller than half the text's lines. */
static void wide_prose_in_a_cell_is_set_in_two_columns(void **state)
{
    lx *f = fresh_doc(state);
    br_pages *p = wide_status(f, 30, 1400);
    double status_x = lx_find(p, "Status", NULL)->x, second = 0;
    size_t left_lines = 0, right_lines = 0;
    bool right_seen = false, order = true;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_TEXT || it->x < status_x - 1e-6 || it->y < lx_find(p, "Pause", NULL)->y - 1)
            continue;
        if (strncmp(it->text, "wide", 4) && strncmp(it->text, "practitioners", 13) &&
            strncmp(it->text, "events", 6) && strncmp(it->text, "held", 4) &&
            strncmp(it->text, "trained", 7))
            continue;
        if (it->x > status_x + 100) {
            right_seen = true;
            if (!second)
                second = it->x;
            right_lines++;
        } else {
            order = order && !right_seen;  /* no first-column line after the second's */
            left_lines++;
        }
    }
    assert_true(left_lines > 0 && right_lines > 0);
    assert_true(order);
    assert_true(second > status_x);
}

/* The longest text item (a line of a cell) at or right of x on page 0,
 * in characters, and how many distinct left edges those lines have. */
static size_t longest_line_right_of(const br_pages *p, double x, double below, size_t *edges)
{
    double seen[16];
    size_t n = 0, longest = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_TEXT || it->x < x - 1e-6 || it->y <= below)
            continue;
        if (it->len > longest)
            longest = it->len;
        size_t e = 0;
        while (e < n && fabs(seen[e] - it->x) > 0.5)
            e++;
        if (e == n && n < 16)
            seen[n++] = it->x;
    }
    *edges = n;
    return longest;
}

/* A cell of prose so wide that two columns would still run past the
 * measure (the scorecard's statuses, 230 characters across a landscape
 * page) is set in as many columns as keep each line within about 100
 * characters. */
static void wide_prose_in_a_cell_keeps_each_column_within_the_measure(void **state)
{
    lx *f = fresh_doc(state);
    br_pages *p = wide_status(f, 40, 1600);
    size_t edges, longest = longest_line_right_of(p, lx_find(p, "Status", NULL)->x,
                                                  lx_find(p, "Status", NULL)->y, &edges);
    assert_true(edges >= 3);
    assert_true(longest <= 102);
}

/* A column of running text is no wider than the measure (about 100
 * characters) when its cells are too long for columns in the cell: the
 * width it would run past that goes to the other columns (the title
 * takes one line), never to its own lines. */
static void running_text_column_keeps_to_the_measure(void **state)
{
    lx *f = fresh_doc(state);
    f->style.orientation = BR_ORIENT_LANDSCAPE;
    br_table *t = lx_table(f, 3);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Q2", "Comments", NULL);
    char text[4000] = "";
    for (int i = 0; i < 12; i++)
        strcat(text, "Performance this quarter remains behind statistical neighbours and is watched. ");
    for (int i = 0; i < 3; i++)
        lx_row(f, t, false, "Percentage of children subject to a plan for a second time", "14.4%",
               text, NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *comments = lx_find(p, "Comments", NULL);
    size_t edges, longest = longest_line_right_of(p, comments->x, comments->y, &edges);
    assert_int_equal(edges, 1);
    assert_true(longest <= 102 && longest >= 85);
    assert_non_null(lx_find(p, "Percentage of children subject to a plan for a second time", NULL));
}

/* A blank header cell is part of the heading below it (a column without
 * a banner under its neighbours' banner): no rule between them, and the
 * columns' rules run up through a blank spanning several. */
static void blank_header_cells_merge_with_the_heading_below(void **state)
{
    lx *f = fresh_doc(state);
    f->style.rules_vertical = true;
    br_table *t = lx_table(f, 4);
    br_row *h = lx_row(f, t, true, "", NULL);
    h->cells[0].span = 2;
    br_row_add_cell(f->arena, h, "Targets", BR_ALIGN_CENTER)->span = 2;
    lx_row(f, t, true, "Measure", "Actual", "Similar", "Target", NULL);
    lx_row(f, t, false, "Children in Need", "2827", "2549", "2694", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *targets = lx_find(p, "Targets", NULL), *measure = lx_find(p, "Measure", NULL);
    const br_item *actual = lx_find(p, "Actual", NULL), *similar = lx_find(p, "Similar", NULL);
    size_t between = 0, through = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_LINE)
            continue;
        /* the rule between the header rows: under "Targets" only */
        if (it->y == it->y2 && it->y > targets->y && it->y < measure->y) {
            between++;
            assert_true(it->x > actual->x);
            assert_true(it->x < similar->x);
        }
        /* the rule between Measure and Actual reaches the top row */
        if (it->x == it->x2 && it->x > measure->x && it->x < actual->x && it->y < targets->y)
            through++;
    }
    assert_int_equal(between, 1);
    assert_int_equal(through, 1);
}

static void word_wider_than_its_column_breaks_inside_the_cell(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    t->cols[0].width = 50;
    t->cols[1].width = 120;
    const char *word = "Supercalifragilisticexpialidocious";
    lx_row(f, t, false, word, "Next cell", "Last cell", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double cell_right = LEFT(f) + 50 - f->style.cell_pad_x;
    char got[64] = "";
    size_t pieces = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_TEXT || it->x > cell_right)
            continue;
        assert_true(right_of(f, it) <= cell_right + 1e-9);
        strncat(got, it->text, it->len);
        pieces++;
    }
    assert_true(pieces >= 3);
    assert_string_equal(got, word);
    const br_item *next = lx_find(p, "Next cell", NULL);
    assert_double_equal(next->x, LEFT(f) + 50 + f->style.cell_pad_x, 1e-9);
}

static void columns_narrower_than_their_words_never_overflow(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 24);
    br_row *r = br_table_add_row(f->arena, t, false);
    for (int i = 0; i < 24; i++)
        br_row_add_cell(f->arena, r, "Abcdefghijklmnop", BR_ALIGN_LEFT);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t chars = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++)
        if (p->pages[0].items[k].kind == BR_ITEM_TEXT)
            chars += p->pages[0].items[k].len;
    assert_int_equal(chars, 24 * 16);
}

static void short_columns_keep_their_width_when_a_long_one_wraps(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Relevant Cabinet Member(s)", "Wards Affected", "Key Decision", NULL);
    lx_row(f, t, false,
           "Councillor Nuala Fennelly, Cabinet Member for Children, Young People and Schools, "
           "with a longer title than the column can hold on one line",
           "All", "None", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_non_null(lx_find(p, "Wards Affected", NULL));
    assert_non_null(lx_find(p, "Key Decision", NULL));
    const br_item *a = lx_find(p, "Wards Affected", NULL), *b = lx_find(p, "Key Decision", NULL);
    double pad = f->style.cell_pad_x;
    /* each short column is exactly as wide as its header */
    assert_double_equal(b->x - a->x, lx_width(f, a) + 2 * pad, 1e-6);
    assert_double_equal(LEFT(f) + TEXT_W(f) - b->x, lx_width(f, b) + pad, 1e-6);
}

static void fixed_widths_wider_than_the_page_are_an_error(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->cols[0].width = 300;
    t->cols[1].width = 300;
    lx_row(f, t, false, "a", "b", NULL);
    assert_null(lx_layout(f));
    assert_int_equal(f->diags.errors, 1);
    assert_string_equal(f->diags.items[0].message,
                        "the table's fixed column widths add up to 600.0 pt but only 481.9 pt "
                        "fit between the margins; make the columns narrower or put the table "
                        "on a landscape page");
    assert_int_equal(f->diags.items[0].loc.line, 7);
}

static void fixed_widths_fit_on_a_landscape_page(void **state)
{
    lx *f = fresh_doc(state);
    br_doc_add_block(&f->doc, BR_BLOCK_PAGE_BREAK)->orientation = BR_ORIENT_LANDSCAPE;
    br_table *t = lx_table(f, 3);
    t->cols[0].width = 300;
    t->cols[1].width = 300;
    lx_row(f, t, false, "a", "b", "c", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(f->diags.errors, 0);
    assert_double_equal(lx_find(p, "b", NULL)->x, LEFT(f) + 300 + f->style.cell_pad_x, 1e-9);
    assert_double_equal(lx_find(p, "c", NULL)->x, LEFT(f) + 600 + f->style.cell_pad_x, 1e-9);
}

/* Lines holding a word that starts with `prefix`: its text items at
 * different heights (a line may be drawn in several items). */
static size_t lines_with(const br_pages *p, const char *prefix)
{
    size_t n = 0;
    for (size_t pg = 0; pg < p->npages; pg++) {
        double last = -1;
        for (size_t k = 0; k < p->pages[pg].nitems; k++) {
            const br_item *it = &p->pages[pg].items[k];
            if (lx_has(it, prefix) && it->y != last) {
                n++;
                last = it->y;
            }
        }
    }
    return n;
}

static char *words(const char *prefix, int n)
{
    char *text = calloc(1, (size_t)n * 12 + 1);
    for (int i = 0; i < n; i++)
        sprintf(text + strlen(text), "%s%s%d", i ? " " : "", prefix, i);
    return text;
}

static void two_text_columns_share_width_so_no_row_runs_tall(void **state)
{
    lx *f = fresh_doc(state);
    /* An outcome of short lines (a heading and its bullets) beside its
     * implications (the Cabinet paper's table): the implications' longest
     * line is far longer than the outcome's, but the outcome must not run
     * many lines taller than the implications beside it. */
    char outcome[600] = "";
    for (int i = 0; i < 48; i++)
        sprintf(outcome + strlen(outcome), "%soc%d", i == 0 ? "" : i % 8 ? " " : "\n", i);
    char *impl = words("im", 70), *more = words("mo", 90);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Outcomes", "Implications", NULL);
    for (int i = 0; i < 3; i++)
        lx_row(f, t, false, outcome, i == 1 ? more : impl, NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t oc = lines_with(p, "oc"), im = lines_with(p, "im") + lines_with(p, "mo");
    assert_true(oc >= 18 && im >= 3);
    assert_true(oc <= im + 3);
    free(impl);
    free(more);
}

/* Where two columns of running text could each give a third the width
 * that shortens its row, the one with more to spare for its text gives
 * it: the milestone keeps two lines beside a dated column three lines
 * tall, and the progress note, far wider than it needs, narrows. */
static void the_column_with_most_to_spare_gives_the_width(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 8);
    lx_row(f, t, true, "Ref", "Key milestones to be achieved", "By when?", "Lead",
           "Other agency lead", "Progress in achieving milestones",
           "Corrective actions where not on target", "Status", NULL);
    lx_row(f, t, false, "B7", "Refurbish the pelican enclosures",
           "Quarterly\n31/12/19\n31/01/20 (second phase)", "QW", "Otter Trust",
           "Halfway through the parsnips.", "Hire more gooseberries", "On track", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    /* the milestone in two lines, not three beside its three dates */
    const br_item *first = NULL, *last = NULL;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (lx_has(it, "Refurbish"))
            first = it;
        if (first && it->kind == BR_ITEM_TEXT && it->x == first->x && it->y > first->y)
            last = it;
    }
    assert_non_null(first);
    assert_non_null(last);
    assert_double_equal(last->y - first->y, f->style.table_body.leading, 1e-6);
}

static void tables_of_one_type_fit_the_rows_of_all(void **state)
{
    lx *f = fresh_doc(state);
    /* The type's widths come from both tables' rows together: the second
     * table's long milestone gets width from the progress column that the
     * first table's rows fill, and both tables keep the same columns. */
    char *progress = words("pr", 40), *title = words("ti", 200);
    br_table *a = lx_table(f, 3);
    lx_row(f, a, true, "Milestone", "Progress", "Status", NULL);
    for (int i = 0; i < 3; i++)
        lx_row(f, a, false, "Agree the plan", progress, "On track", NULL);
    br_table *b = lx_table(f, 3);
    lx_row(f, b, true, "Milestone", "Progress", "Status", NULL);
    lx_row(f, b, false, title, "Started.", "On track", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double x[2] = {0}, y[2] = {0};
    size_t n = 0, m = 0;
    for (size_t pg = 0; pg < p->npages; pg++)
        for (size_t k = 0; k < p->pages[pg].nitems; k++) {
            const br_item *it = &p->pages[pg].items[k];
            if (lx_is(it, "Progress") && n < 2)
                x[n++] = it->x;
            if (lx_is(it, "Status") && m < 2)
                y[m++] = it->x;
        }
    assert_int_equal(n, 2);
    assert_int_equal(m, 2);
    assert_double_equal(x[0], x[1], 1e-9);
    assert_double_equal(y[0], y[1], 1e-9);
    /* the long title is not squeezed to the first table's short titles:
     * its column is at least as wide as the progress column */
    assert_true(x[0] - LEFT(f) >= y[0] - x[0]);
    free(progress);
    free(title);
}

/* Tables whose headers print the same words are one type even where their
 * footnote references differ (each objective's "Outturn 2011/12" with its
 * own note): their columns line up. */
static void header_notes_do_not_split_a_type(void **state)
{
    lx *f = fresh_doc(state);
    const char *keys[] = {"a", "b"};
    double x[2] = {0};
    char *comment = words("cm", 60);
    for (int i = 0; i < 2; i++) {
        br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, keys[i])->text,
                      i ? "Second note." : "First note.", BR_FACE_REGULAR, (br_loc){0});
        br_table *t = lx_table(f, 3);
        t->cols[1].align = BR_ALIGN_RIGHT;
        br_row *h = lx_row(f, t, true, "Measure", "", "Comments", NULL);
        br_rich_parse(f->arena, &h->cells[1].text,
                      br_arena_printf(f->arena, "Outturn[^%s]", keys[i]), BR_FACE_REGULAR,
                      (br_loc){0});
        lx_row(f, t, false, i ? "Savings achieved in the year" : "Spend", i ? "£9.611m" : "7%",
               i ? "No further update." : comment, NULL);
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t n = 0;
    for (size_t pg = 0; pg < p->npages; pg++)
        for (size_t k = 0; k < p->pages[pg].nitems; k++)
            if (lx_is(&p->pages[pg].items[k], "Comments") && n < 2)
                x[n++] = p->pages[pg].items[k].x;
    assert_int_equal(n, 2);
    assert_double_equal(x[0], x[1], 1e-9);
    free(comment);
}

/* Tables compose calls of one type share their widths whatever their
 * headers say (the plan's objective A: "Comments" under a banner of its
 * own, over the columns B-E head "Any Comments"); tables of no type and
 * other headers do not. */
static double comments_x(const br_pages *p, const char *word, size_t nth)
{
    size_t n = 0;
    for (size_t pg = 0; pg < p->npages; pg++)
        for (size_t k = 0; k < p->pages[pg].nitems; k++)
            if (lx_is(&p->pages[pg].items[k], word) && n++ == nth)
                return p->pages[pg].items[k].x;
    return -1;
}

static void tables_of_one_type_share_widths_whatever_their_headers(void **state)
{
    lx *f = fresh_doc(state);
    char *comment = words("cm", 60), *other = words("ot", 12);
    const char *heads[] = {"Comments", "Any Comments"};
    for (int typed = 1; typed >= 0; typed--)
        for (int i = 0; i < 2; i++) {
            br_table *t = lx_table(f, 3);
            t->type = typed ? "measures" : NULL;
            t->cols[1].align = BR_ALIGN_RIGHT;
            lx_row(f, t, true, "Measure", i ? "Actual" : "Actual (as at 31 August 2012)",
                   heads[i], NULL);
            lx_row(f, t, false, i ? "Savings achieved in the year" : "Spend", i ? "£9.611m" : "7%",
                   i ? other : comment, NULL);
        }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double typed_a = comments_x(p, "Comments", 0), typed_b = comments_x(p, "Any Comments", 0);
    double plain_a = comments_x(p, "Comments", 1), plain_b = comments_x(p, "Any Comments", 1);
    assert_true(typed_a > 0 && plain_a > 0);
    assert_double_equal(typed_a, typed_b, 1e-9);
    assert_true(fabs(plain_a - plain_b) > 1);
    free(comment);
    free(other);
}

/* Status words are set whole whatever it costs the running text (down to
 * its readable measure); another column of short phrases ("Smaller is
 * better") only where that costs the table no more than a twentieth of
 * its lines: here it would take a line from many titles, so it breaks and
 * the titles keep the width. */
static void phrases_other_than_status_words_are_whole_where_that_is_cheap(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 9);
    for (size_t c = 2; c < 8; c++)
        t->cols[c].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Polarity", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Position",
           NULL);
    for (int i = 0; i < 12; i++) {
        br_row *r = lx_row(f, t, false,
                           i % 3 ? "Children ceasing care to be looked after under a Special "
                                   "Guardianship Order in the year"
                                 : "Rate of first time entrants to youth justice per 100,000",
                           i % 2 ? "Smaller is better" : "In range is better", "91%", "94%",
                           "89%", "86%", "87%", "91%", "Better than target", NULL);
        r->cells[8].has_fill = true;
        r->cells[8].fill = 0x00B050;
    }
    /* short titles: the phrases cost nothing and are whole */
    br_table *u = lx_table(f, 9);
    for (size_t c = 2; c < 8; c++)
        u->cols[c].align = BR_ALIGN_RIGHT;
    lx_row(f, u, true, "Indicator", "Polarity", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Trend",
           NULL);
    for (int i = 0; i < 4; i++)
        lx_row(f, u, false, "Contacts to CSC", "Bigger is better", "91%", "94%", "89%", "86%",
               "87%", "91%", "Improving", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "Better than target"), 12);
    assert_int_equal(lx_count(p, "Smaller is better"), 0);
    assert_int_equal(lx_count(p, "In range is better"), 0);
    assert_int_equal(lx_count(p, "Bigger is better"), 4);
}

/* A status word is whole even where the running text must go below its
 * usual readable measure of 12 ems for it (not below 8): "Better / than
 * target" in a coloured cell reads as two words, a title a line longer
 * reads as well as before (tests/good/charts' measures). */
static void status_words_take_running_text_below_its_usual_measure(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 11);
    for (size_t c = 1; c < 9; c++)
        t->cols[c].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Target", "Tolerance",
           "Position", "Comments", NULL);
    br_row *r = lx_row(f, t, false, "Children becoming the subject of a Child Protection Plan "
                       "for a second or subsequent time", "5,611", "5,694", "6,075", "5,750",
                       "24%", "3%", "10%", "16%", "Better than target",
                       "Performance has improved.", NULL);
    r->cells[9].has_fill = true;
    r->cells[9].fill = 0x00B050;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "Better than target"), 1);
    const br_item *q1 = lx_find(p, "Q1", NULL);
    double em = f->style.table_body.size, measure = q1->x - LEFT(f);
    assert_true(measure < 12 * em + 2 * f->style.cell_pad_x);
    assert_true(measure >= 8 * em);
}

/* Each line of a coloured cell is a phrase, the status word and what
 * qualifies it: "(as at 2018/19 Q4)" stays whole under "Better than
 * target" where the running text beside it can give the width. */
static void a_status_words_qualifier_stays_whole(void **state)
{
    lx *f = fresh_doc(state);
    char *title = words("ti", 60);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Measure", "Position", "Trend", NULL);
    br_row *r = lx_row(f, t, false, title, "Better than target\n(as at 2018/19 Q4)",
                       "Not available", NULL);
    r->cells[1].has_fill = true;
    r->cells[1].fill = 0x00B050;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_non_null(lx_find(p, "Better than target", NULL));
    assert_non_null(lx_find(p, "(as at 2018/19 Q4)", NULL));
    free(title);
}

/* A figure with its status word or a qualifier ("84.29% (Red)", "9.73% of
 * placements") stays whole in a figure column when the table has the
 * width, as a figure does; words ("Not available") still wrap first. */
static void figure_with_its_word_stays_whole(void **state)
{
    lx *f = fresh_doc(state);
    char *comment = words("cm", 300);
    br_table *t = lx_table(f, 3);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Similar", "Comments", NULL);
    lx_row(f, t, false, "Initial assessments", "84.29% (Red)", "Below target.", NULL);
    lx_row(f, t, false, "External placements", "9.73% of placements", "A review.", NULL);
    lx_row(f, t, false, "Core assessments", "12 (Red)", comment, NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "84.29% (Red)"), 1);
    assert_int_equal(lx_count(p, "9.73% of placements"), 1);
    free(comment);
}

static void long_header_word_breaks_whole_never_cut(void **state)
{
    lx *f = fresh_doc(state);
    /* twelve figure columns under long unbreakable header words: each
     * header prints every letter, broken between letters where it must
     * ("Benchmarkin" / "gcomparison"), never cut short with an ellipsis */
    br_table *t = lx_table(f, 12);
    static const char *const head = "Benchmarkingcomparison";
    br_row *h = br_table_add_row(f->arena, t, true);
    br_row *b = br_table_add_row(f->arena, t, false);
    for (int c = 0; c < 12; c++) {
        t->cols[c].align = BR_ALIGN_RIGHT;
        br_row_add_cell(f->arena, h, head, BR_ALIGN_LEFT);
        br_row_add_cell(f->arena, b, "12,345", BR_ALIGN_RIGHT);
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    size_t letters = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind != BR_ITEM_TEXT)
            continue;
        assert_false(lx_has(it, "…") || lx_has(it, "..."));
        for (size_t i = 0; i < it->len; i++)
            letters += it->text[i] >= 'a' && it->text[i] <= 'z';
    }
    assert_int_equal(letters, 12 * (strlen(head) - 1));
}

/* ---- alignment ---- */

static const char *const NUMBERS[] = {"1", "22", "333.5", "4,444", "-55555", "7.09%", "100%"};

static void right_aligned_numbers_share_a_right_edge(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    t->cols[1].align = BR_ALIGN_RIGHT;
    for (size_t i = 0; i < 7; i++)
        lx_row(f, t, false, "Label", NUMBERS[i], NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double edge = right_of(f, lx_find(p, NUMBERS[0], NULL));
    double cell_right = LEFT(f) + TEXT_W(f) - f->style.cell_pad_x;
    assert_double_equal(edge, cell_right, 1e-6);
    for (size_t i = 1; i < 7; i++)
        assert_double_equal(right_of(f, lx_find(p, NUMBERS[i], NULL)), edge, 1e-9);
}

static void decimal_alignment_lines_up_the_points(void **state)
{
    static const char *const vals[] = {"7.09%", "100%", "12.5%", "-0.25", "1,204.0"};
    static const size_t before[] = {1, 3, 2, 2, 5};  /* bytes before the point */
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    t->cols[1].align = BR_ALIGN_DECIMAL;
    for (size_t i = 0; i < 5; i++)
        lx_row(f, t, false, "Label", vals[i], NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double point = -1, cell_right = LEFT(f) + TEXT_W(f) - f->style.cell_pad_x, widest = 0;
    for (size_t i = 0; i < 5; i++) {
        const br_item *it = lx_find(p, vals[i], NULL);
        assert_non_null(it);
        double x = it->x + br_font_text_width(f->fonts.face[it->face], it->text, before[i]) *
                               it->size / 1000;
        if (point < 0)
            point = x;
        assert_double_equal(x, point, 1e-9);
        assert_true(right_of(f, it) <= cell_right + 1e-9);
        if (right_of(f, it) > widest)
            widest = right_of(f, it);
    }
    assert_double_equal(widest, cell_right, 1e-9);  /* the longest tail touches the edge */
}

/* In a column lined up on the point, a count among percentages ends where
 * the whole percentages end ("193" flush with "69%", whose units sit on
 * the point), never short of them at the point (Cabinet pp12-14 looked
 * ragged); figures with a fraction still line up on the point. */
static void a_count_among_percentages_ends_with_them(void **state)
{
    static const char *const vals[] = {"69%", "11.0%", "193", "100%", "85.5%", "7"};
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->cols[1].align = BR_ALIGN_DECIMAL;
    for (size_t i = 0; i < 6; i++)
        lx_row(f, t, false, "Label", vals[i], NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *pct = lx_find(p, "69%", NULL), *frac = lx_find(p, "11.0%", NULL);
    double edge = right_of(f, pct);
    assert_double_equal(right_of(f, lx_find(p, "193", NULL)), edge, 1e-9);
    assert_double_equal(right_of(f, lx_find(p, "100%", NULL)), edge, 1e-9);
    assert_double_equal(right_of(f, lx_find(p, "7", NULL)), edge, 1e-9);
    const br_font *face = f->fonts.face[pct->face];
    double units = pct->x + br_font_text_width(face, "69", 2) * pct->size / 1000;
    double point = frac->x + br_font_text_width(face, "11", 2) * frac->size / 1000;
    assert_double_equal(units, point, 1e-9);    /* "69" and "11.0" on one point */
    const br_item *other = lx_find(p, "85.5%", NULL);
    assert_double_equal(other->x + br_font_text_width(face, "85", 2) * other->size / 1000, point,
                        1e-9);
    assert_true(right_of(f, frac) > edge);      /* the fraction trails past them */
}

/* A placeholder with no digit ("NA", "-") in a column of figures is flush
 * right, as the figures' ends are: ending at the point set it off-centre
 * (every-key's "NA", the scorecard's "-" in its quarter columns). */
static void placeholders_in_figure_columns_are_flush_right(void **state)
{
    static const char *const vals[] = {"12.3%", "NA", "4.05%", "-", "87%"};
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    t->cols[1].align = BR_ALIGN_DECIMAL;
    for (size_t i = 0; i < 5; i++)
        lx_row(f, t, false, "Label", vals[i], NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double cell_right = LEFT(f) + TEXT_W(f) - f->style.cell_pad_x;
    /* where the whole figures end ("87%"), as a figure in their place */
    double whole = right_of(f, lx_find(p, "87%", NULL));
    assert_true(whole < cell_right);
    assert_double_equal(right_of(f, lx_find(p, "NA", NULL)), whole, 1e-9);
    assert_double_equal(right_of(f, lx_find(p, "-", NULL)), whole, 1e-9);
    assert_double_equal(right_of(f, lx_find(p, "4.05%", NULL)), cell_right, 1e-9);
}

/* A group row is set in the template's group face: bold italic by
 * default, italic where the template's table: group_face says (the
 * improvement plan). */
static void group_row_takes_the_templates_face(void **state)
{
    static const br_face faces[] = {BR_FACE_BOLD_ITALIC, BR_FACE_ITALIC, BR_FACE_REGULAR};
    for (size_t i = 0; i < 3; i++) {
        lx *f = fresh_doc(state);
        if (i > 0)
            f->style.group_face = faces[i];
        br_table *t = lx_table(f, 2);
        br_row *r = br_table_add_row(f->arena, t, false);
        r->kind = BR_ROW_GROUP;
        br_row_add_cell(f->arena, r, "Attendance Rates", BR_ALIGN_LEFT)->span = 2;
        lx_row(f, t, false, "Primary", "4.2%", NULL);
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        assert_int_equal(lx_find(p, "Attendance Rates", NULL)->face, faces[i]);
        assert_int_equal(lx_find(p, "Primary", NULL)->face, BR_FACE_REGULAR);
    }
}

static void total_row_is_bold_under_a_heavy_rule(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, false, "Parent & Family Support", "2", NULL);
    br_row *r = lx_row(f, t, false, "Total", "28", NULL);
    r->kind = BR_ROW_TOTAL;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *tot = lx_find(p, "Total", NULL), *body = lx_find(p, "2", NULL);
    assert_int_equal(tot->face, BR_FACE_BOLD);
    assert_int_equal(lx_find(p, "28", NULL)->face, BR_FACE_BOLD);
    assert_int_equal(body->face, BR_FACE_REGULAR);
    size_t heavy = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_LINE && it->y == it->y2 && it->y > body->y && it->y < tot->y)
            heavy += it->width == f->style.outer_rule_width;
    }
    assert_int_equal(heavy, 1);
}

static void cell_colours_and_fills_are_drawn(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    br_row *r = lx_row(f, t, false, "Attendance", "Red", NULL);
    r->cells[1].has_fill = true;
    r->cells[1].fill = 0xC00000;
    r->cells[1].has_color = true;
    r->cells[1].color = 0xFFFFFF;
    r->cells[1].bold = true;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *red = lx_find(p, "Red", NULL);
    assert_int_equal(red->color, 0xFFFFFF);
    assert_int_equal(red->face, BR_FACE_BOLD);
    const br_item *fill = NULL;
    for (size_t k = 0; k < p->pages[0].nitems; k++)
        if (p->pages[0].items[k].kind == BR_ITEM_RECT)
            fill = &p->pages[0].items[k];
    assert_non_null(fill);
    assert_int_equal(fill->color, 0xC00000);
    assert_true(red->x > fill->x && right_of(f, red) < fill->x + fill->w);
    assert_true(fill < red);    /* painted before the text */
}

/* ---- drawings in cells ---- */

static br_graphic *bar(lx *f, double w, double h, uint32_t color)
{
    br_graphic *g = br_arena_alloc(f->arena, sizeof *g);
    g->width = w;
    g->height = h;
    br_shape *s = br_graphic_add(f->arena, g, BR_SHAPE_RECT);
    s->w = w / 2;
    s->h = h;
    s->color = color;
    s = br_graphic_add(f->arena, g, BR_SHAPE_RECT);
    s->x = w / 2;
    s->w = w / 2;
    s->h = h;
    s->color = color + 1;
    return g;
}

static size_t rects_of(const br_page *pg, uint32_t color, const br_item **out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < pg->nitems; k++)
        if (pg->items[k].kind == BR_ITEM_RECT && pg->items[k].color == color) {
            if (n < max)
                out[n] = &pg->items[k];
            n++;
        }
    return n;
}

static void drawing_in_a_cell_sits_below_its_text(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    br_row *r = lx_row(f, t, false, "Child Protection", "3 red", NULL);
    r->cells[1].graphic = bar(f, 100, 10, 0xC00000);
    lx_row(f, t, false, "Next row", "", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *a[1], *b[1];
    assert_int_equal(rects_of(&p->pages[0], 0xC00000, a, 1), 1);
    assert_int_equal(rects_of(&p->pages[0], 0xC00001, b, 1), 1);
    const br_item *text = lx_find(p, "3 red", NULL), *next = lx_find(p, "Next row", NULL);
    assert_double_equal(a[0]->x, text->x, 1e-9);
    assert_double_equal(a[0]->w, 50, 1e-9);
    assert_double_equal(b[0]->x, a[0]->x + 50, 1e-9);
    assert_true(a[0]->y > text->y);                 /* below the text's baseline */
    assert_true(a[0]->y + a[0]->h < next->y - 9);   /* inside its own row */
}

static void drawing_wider_than_its_cell_shrinks_to_fit(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->cols[0].width = 60;
    br_row *r = lx_row(f, t, false, "", "Other", NULL);
    r->cells[0].graphic = bar(f, 200, 20, 0x00B050);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *a[1], *b[1];
    assert_int_equal(rects_of(&p->pages[0], 0x00B050, a, 1), 1);
    assert_int_equal(rects_of(&p->pages[0], 0x00B051, b, 1), 1);
    double pad = f->style.cell_pad_x;
    assert_double_equal(a[0]->x, LEFT(f) + pad, 1e-9);
    assert_double_equal(b[0]->x + b[0]->w, LEFT(f) + 60 - pad, 1e-9);
    assert_double_equal(a[0]->h, 20 * (60 - 2 * pad) / 200, 1e-9);
}

static void drawings_in_cells_are_never_split(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Trend", NULL);
    for (int i = 0; i < 60; i++) {
        br_row *r = lx_row(f, t, false, "A measure\nover two lines", "", NULL);
        r->cells[1].graphic = bar(f, 80, 40, 0x100000 + 2 * (uint32_t)i);
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 3);
    double bottom = f->style.page_height - f->style.margin_bottom;
    for (int i = 0; i < 60; i++) {
        size_t pages = 0;
        for (size_t pg = 0; pg < p->npages; pg++) {
            const br_item *a[2];
            size_t n = rects_of(&p->pages[pg], 0x100000 + 2 * (uint32_t)i, a, 2);
            if (!n)
                continue;
            pages++;
            assert_int_equal(n, 1);
            assert_true(a[0]->y >= f->style.margin_top && a[0]->y + a[0]->h <= bottom);
        }
        assert_int_equal(pages, 1);
    }
}

static void drawing_block_moves_whole_to_the_next_page(void **state)
{
    lx *f = fresh_doc(state);
    br_doc_add_block(&f->doc, BR_BLOCK_SPACE)->height = 650;
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_GRAPHIC);
    b->graphic = *bar(f, 300, 120, 0x4472C4);
    br_shape *s = br_graphic_add(f->arena, &b->graphic, BR_SHAPE_TEXT);
    s->x = 150;
    s->y = 110;
    s->text = "Contacts";
    s->size = 8;
    s->align = BR_ALIGN_CENTER;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *a[1];
    assert_int_equal(rects_of(&p->pages[0], 0x4472C4, a, 1), 0);
    assert_int_equal(rects_of(&p->pages[1], 0x4472C4, a, 1), 1);
    assert_double_equal(a[0]->y, f->style.margin_top, 1e-9);
    const br_item *label = lx_find(p, "Contacts", NULL);
    assert_double_equal(label->x + lx_width(f, label) / 2, LEFT(f) + 150, 1e-9);
}

/* ---- automatic widths (CSS 2.1 automatic table layout) ---- */

/* The left edge of the column whose header is `head`. */
static double column_left(lx *f, const br_pages *p, const char *head)
{
    const br_item *it = lx_find(p, head, NULL);
    assert_non_null(it);
    return it->x - f->style.cell_pad_x;
}

static void figure_column_is_as_wide_as_its_widest_figure(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Comment", "Q1", "Note", NULL);
    for (int i = 0; i < 4; i++)
        lx_row(f, t, false,
               "A long comment that must wrap over several lines of the table because it runs "
               "on and on about the quarter, the target, the trend and what officers will do next "
               "to bring the figure back to where the board expects it to be by the year end",
               i == 2 ? "1,204.5%" : "12%", "", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double pad = f->style.cell_pad_x;
    const br_item *widest = lx_find(p, "1,204.5%", NULL), *note = lx_find(p, "Note", NULL);
    /* the figure column: its widest figure and its padding, no more */
    double right = column_left(f, p, "Note"), left = widest->x - pad;
    assert_double_equal(right_of(f, widest) + pad, right, 1e-6);
    assert_double_equal(right - left, lx_width(f, widest) + 2 * pad, 1e-6);
    /* the empty column: its header's longest word, at the table's right
     * edge (the comment column keeps to a readable measure, so the table
     * need not reach the margin) */
    double edge = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++)
        if (p->pages[0].items[k].kind == BR_ITEM_LINE && p->pages[0].items[k].x2 > edge)
            edge = p->pages[0].items[k].x2;
    assert_true(edge <= LEFT(f) + TEXT_W(f) + 1e-6);
    assert_double_equal(edge - (note->x - pad), lx_width(f, note) + 2 * pad, 1e-6);
}

static void header_wraps_at_spaces_before_a_figure_does(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Percentage of cases reviewed within timescale", NULL);
    lx_row(f, t, false,
           "A measure whose title is long enough to wrap when the column is narrow, and then "
           "some more words so that it always wants the whole width of the page and more",
           "91%", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    /* the figure is whole on one line; the header broke at its spaces,
     * into no more than three lines (the title column gave it the width) */
    assert_non_null(lx_find(p, "91%", NULL));
    assert_null(lx_find(p, "Percentage of cases reviewed within timescale", NULL));
    size_t lines = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        lines += lx_has(it, "Percentage") || lx_has(it, "reviewed") || lx_has(it, "timescale");
    }
    assert_true(lines >= 2 && lines <= 3);
}

static void short_phrase_stays_whole_when_there_is_room(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Measure", "Position", "Comment", NULL);
    /* the comment takes two lines whether or not the phrase wraps: the
     * phrase keeps its line */
    lx_row(f, t, false, "Children in need", "Better than target",
           "Officers are reviewing every case over timescale so that families receive help "
           "at the right time.",
           NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_non_null(lx_find(p, "Better than target", NULL));
}

/* Short phrases ("Bigger is better") and status words ("Better than
 * target") stay whole while the column of running text beside them keeps a
 * readable measure (12 ems) to give them the width, even where that costs
 * the titles lines; where it cannot give them all of it, the status words
 * (whose colour is never read without them) are whole first. */
static void short_phrases_stay_whole_while_the_text_keeps_a_measure(void **state)
{
    bool both = false, status_only = false;
    lx *f0 = *state;
    for (double width = TEXT_W(f0); width >= 300; width -= 10) {
        lx *f = fresh_doc(state);
        br_table *t = lx_table(f, 7);
        t->width = width;
        for (size_t c = 3; c < 5; c++)
            t->cols[c].align = BR_ALIGN_RIGHT;
        lx_row(f, t, true, "Measure", "Frequency", "Polarity", "Q1", "Q2", "Position", "Trend",
               NULL);
        for (int i = 0; i < 24; i++) {
            br_row *r = lx_row(f, t, false,
                               "Children becoming the subject of a plan for a second time",
                               "Quarterly", "Bigger is better", "97%", "100%",
                               i % 2 ? "Better than target" : "Outside tolerance", "Improving",
                               NULL);
            r->cells[5].has_fill = true;
            r->cells[5].fill = i % 2 ? 0x00B050 : 0xC00000;
        }
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        bool status = lx_find(p, "Better than target", NULL) && lx_find(p, "Outside tolerance", NULL);
        bool polarity = lx_find(p, "Bigger is better", NULL);
        if (polarity && !status)
            fail_msg("at %.0f pt: a plain phrase whole beside broken status words", width);
        double measure = lx_find(p, "Quarterly", NULL)->x - LEFT(f) - f->style.cell_pad_x;
        if (polarity && measure < 12 * f->style.table_body.size - 1e-6)
            fail_msg("at %.0f pt: the titles gave a phrase width below 12 ems (%.1f pt)", width,
                     measure);
        both |= status && polarity;
        status_only |= status && !polarity;
    }
    assert_true(both && status_only);
}

/* Tables stacked one under another whose headers differ only in the
 * heading of their column of row labels (finance tables named "Education",
 * "Children & Families") are one type: their figure columns line up. */
static void tables_named_by_their_label_heading_share_their_widths(void **state)
{
    lx *f = fresh_doc(state);
    br_table *a = lx_table(f, 3);
    a->cols[1].align = a->cols[2].align = BR_ALIGN_RIGHT;
    lx_row(f, a, true, "Education", "Budget £000", "Spend £000", NULL);
    lx_row(f, a, false, "Q4 2012/13", "23,159", "23,679", NULL);
    br_table *b = lx_table(f, 3);
    b->cols[1].align = b->cols[2].align = BR_ALIGN_RIGHT;
    lx_row(f, b, true, "Commissioning & Performance", "Budget £000", "Spend £000", NULL);
    lx_row(f, b, false, "Q4 2012/13", "2,381", "1,788", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    static const char *const heads[] = {"Budget £000", "Spend £000"};
    for (size_t h = 0; h < 2; h++) {
        double x[2];
        size_t n = 0;
        for (size_t k = 0; k < p->pages[0].nitems; k++)
            if (lx_is(&p->pages[0].items[k], heads[h]) && n < 2)
                x[n++] = p->pages[0].items[k].x;
        assert_int_equal(n, 2);
        assert_double_equal(x[0], x[1], 1e-9);
    }
}

static void tables_with_one_header_share_their_widths(void **state)
{
    lx *f = fresh_doc(state);
    br_table *a = lx_table(f, 3);
    lx_row(f, a, true, "Measure", "Actual", "Comment", NULL);
    lx_row(f, a, false, "Short", "1", "Brief.", NULL);
    br_table *b = lx_table(f, 3);
    lx_row(f, b, true, "Measure", "Actual", "Comment", NULL);
    lx_row(f, b, false, "A much longer measure title than the other table has", "1,234,567",
           "A longer comment than the first table's.", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double x[2][3];
    size_t n[3] = {0};
    static const char *const heads[] = {"Measure", "Actual", "Comment"};
    for (size_t pg = 0; pg < p->npages; pg++)
        for (size_t k = 0; k < p->pages[pg].nitems; k++)
            for (size_t h = 0; h < 3; h++)
                if (lx_is(&p->pages[pg].items[k], heads[h]) && n[h] < 2)
                    x[n[h]++][h] = p->pages[pg].items[k].x;
    for (size_t h = 0; h < 3; h++) {
        assert_int_equal(n[h], 2);
        assert_double_equal(x[0][h], x[1][h], 1e-9);
    }
}

/* ---- alignment ---- */

static void one_alignment_per_column_and_headers_follow_it(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->width = TEXT_W(f);   /* the page's width, not its content's */
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Actual", NULL);
    lx_row(f, t, false, "Plain", "12.5%", NULL);
    br_row *r = lx_row(f, t, false, "Coloured", "7.25%", NULL);
    r->cells[1].align = BR_ALIGN_CENTER;
    r->cells[1].has_fill = true;
    r->cells[1].fill = 0xFFC000;
    lx_row(f, t, false, "Whole", "10%", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double cell_right = LEFT(f) + TEXT_W(f) - f->style.cell_pad_x;
    /* the header sits over its figures, on the right; the text header on the left */
    assert_double_equal(right_of(f, lx_find(p, "Actual", NULL)), cell_right, 1e-6);
    assert_double_equal(lx_find(p, "Measure", NULL)->x, LEFT(f) + f->style.cell_pad_x, 1e-6);
    /* mixed precision lines up on the point, the coloured cell too */
    const br_item *a = lx_find(p, "12.5%", NULL), *b = lx_find(p, "7.25%", NULL);
    const br_item *c = lx_find(p, "10%", NULL);
    double pa = a->x + br_font_text_width(f->fonts.face[a->face], a->text, 2) * a->size / 1000;
    double pb = b->x + br_font_text_width(f->fonts.face[b->face], b->text, 1) * b->size / 1000;
    double pc = c->x + br_font_text_width(f->fonts.face[c->face], c->text, 2) * c->size / 1000;
    assert_double_equal(pa, pb, 1e-9);
    assert_double_equal(pa, pc, 1e-9);
}

static void footnote_marker_hangs_outside_the_figures(void **state)
{
    lx *f = fresh_doc(state);
    br_doc_add_footnote(&f->doc, "p");
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "q")->text, "Provisional",
                  BR_FACE_REGULAR, (br_loc){0});
    br_table *t = lx_table(f, 2);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Actual", NULL);
    lx_row(f, t, false, "Plain", "87%", NULL);
    br_row *r = lx_row(f, t, false, "Noted", "", NULL);
    br_rich_parse(f->arena, &r->cells[1].text, "85%[^q]", BR_FACE_REGULAR, (br_loc){0});
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const br_item *a = lx_find(p, "87%", NULL), *b = lx_find(p, "85%", NULL);
    assert_non_null(b);
    /* the marker is in the same item or the next: the figures share a right edge */
    double rb = b->x + br_font_text_width(f->fonts.face[b->face], b->text, 3) * b->size / 1000;
    assert_double_equal(right_of(f, a), rb, 1e-6);
    /* the marker hangs into half the padding at most, clear of the rule */
    double rule = LEFT(f) + TEXT_W(f);
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_TEXT && it->y == b->y)
            assert_true(right_of(f, it) <= rule - f->style.cell_pad_x / 2 + 1e-6);
    }
}

/* A status word after a figure ("15% (Amber)", "-512 (Amber)") hangs in a
 * slot right of the column's figures: every figure of the column ends on
 * one edge, whatever word follows it or none, the words start one space
 * after their figures, and the slot keeps the full padding from the rule. */
static br_row *status_row(lx *f, br_table *t, const char *fig, const char *word)
{
    br_row *r = lx_row(f, t, false, "Row", fig, NULL);
    if (word) {
        br_run *w = br_rich_add(f->arena, &r->cells[1].text, word, strlen(word), BR_FACE_REGULAR);
        w->hangs = true;
        r->cells[1].align = BR_ALIGN_CENTER;    /* as a coloured cell comes */
        r->cells[1].has_fill = true;
        r->cells[1].fill = 0xFFC000;
    }
    return r;
}

/* A table of a label column and a right-aligned figure column. */
static br_table *figure_table(lx *f, const char *heading)
{
    br_table *t = lx_table(f, 2);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", heading, NULL);
    return t;
}

static void status_word_hangs_outside_the_figures(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = figure_table(f, "Q2");
    status_row(f, t, "15%", " (Amber)");
    status_row(f, t, "85%", " (Red)");
    status_row(f, t, "1,250", " (Green)");
    status_row(f, t, "TBD", NULL);
    status_row(f, t, "-512", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    const char *figs[] = {"15%", "85%", "1,250", "TBD", "-512"};
    double edge = right_of(f, lx_find(p, "15%", NULL));
    for (size_t i = 0; i < sizeof figs / sizeof *figs; i++) {
        const br_item *it = lx_find(p, figs[i], NULL);
        assert_non_null(it);
        size_t n = strlen(figs[i]);
        double r = it->x + br_font_text_width(f->fonts.face[it->face], it->text, n) * it->size / 1000;
        assert_double_equal(r, edge, 1e-6);
    }
    /* the header is aligned as its figures (it fits left of the slot) */
    assert_double_equal(right_of(f, lx_find(p, "Q2", NULL)), edge, 1e-6);
    /* each word follows its figure on its line, right of the edge, and
     * keeps the cell's padding from the table's right rule */
    double right = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_LINE && it->x2 > right)
            right = it->x2;
    }
    const char *words[] = {"(Amber)", "(Red)", "(Green)"}, *with[] = {"15%", "85%", "1,250"};
    for (size_t i = 0; i < 3; i++) {
        const br_item *fig = lx_find(p, with[i], NULL), *w = NULL;
        for (size_t k = 0; k < p->pages[0].nitems; k++) {
            const br_item *it = &p->pages[0].items[k];
            if (it->kind == BR_ITEM_TEXT && strstr(it->text, words[i]))
                w = it;
        }
        assert_non_null(w);
        assert_double_equal(w->y, fig->y, 1e-6);
        assert_true(right_of(f, w) > edge);
        assert_true(right_of(f, w) <= right - f->style.cell_pad_x + 1e-6);
    }
}

/* A header longer than its column's figures still ends where they end,
 * wrapping at its space, not over the status words' slot: "Net £000's"
 * over "1,073" and "-512 (Amber)" (the Cabinet finance summary). */
static void a_long_header_ends_where_its_figures_end(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = figure_table(f, "Variance net");
    status_row(f, t, "1,073", NULL);
    status_row(f, t, "-512", " (Amber)");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double edge = right_of(f, lx_find(p, "1,073", NULL));
    assert_double_equal(right_of(f, lx_find(p, "-512", NULL)), edge, 1e-6);
    const br_item *net = lx_find(p, "net", NULL);
    assert_non_null(net);
    assert_double_equal(right_of(f, net), edge, 1e-6);
    assert_double_equal(right_of(f, lx_find(p, "Variance", NULL)), edge, 1e-6);
}

/* Tables of one type end their figures on one edge in every table: one
 * without a status word takes the slot another's words need ("NA" and
 * "57%" in objective D under "15% (Amber)" in objective B). */
static void one_type_shares_its_figure_edge(void **state)
{
    lx *f = fresh_doc(state);
    status_row(f, figure_table(f, "Target"), "15%", " (Amber)");
    status_row(f, figure_table(f, "Target"), "57%", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_double_equal(right_of(f, lx_find(p, "57%", NULL)), right_of(f, lx_find(p, "15%", NULL)),
                        1e-6);
}

/* A coloured cell takes its column's alignment: "Green leek" (centred as
 * compose gives a status cell) sits on the left with "Bold swede" under a
 * left header; a column whose cells are all centred status words
 * ("On track", "G") is centred, header too. */
static void coloured_cells_take_their_columns_alignment(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    t->cols[0].width = 80;
    t->cols[1].width = 90;
    t->cols[2].width = 90;
    lx_row(f, t, true, "Name", "Cress", "Status", NULL);
    br_row *r = lx_row(f, t, false, "Kale", "Green leek", "On track", NULL);
    r->cells[1].align = r->cells[2].align = BR_ALIGN_CENTER;
    r->cells[1].has_fill = r->cells[2].has_fill = true;
    r->cells[1].fill = r->cells[2].fill = 0x00B050;
    r = lx_row(f, t, false, "Swede", "Bold swede", "G", NULL);
    r->cells[2].align = BR_ALIGN_CENTER;
    r->cells[2].has_fill = true;
    r->cells[2].fill = 0x00B050;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double left1 = LEFT(f) + 80 + f->style.cell_pad_x;
    assert_double_equal(lx_find(p, "Green leek", NULL)->x, left1, 1e-6);
    assert_double_equal(lx_find(p, "Bold swede", NULL)->x, left1, 1e-6);
    assert_double_equal(lx_find(p, "Cress", NULL)->x, left1, 1e-6);
    double mid2 = LEFT(f) + 170 + 45;
    const char *centred[] = {"Status", "On track", "G"};
    for (size_t i = 0; i < 3; i++) {
        const br_item *it = lx_find(p, centred[i], NULL);
        assert_double_equal(it->x + lx_width(f, it) / 2, mid2, 1e-6);
    }
}

/* A cell of a figure column too wide to end at the figures' edge and set
 * on several lines ("£1.285m (Social Work Teams) (Red)" wrapped) is words:
 * every line on the left, its status word following on its line. */
static void a_wrapped_figure_cell_is_set_as_words(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 2);
    t->cols[0].width = 60;
    t->cols[1].width = 80;
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Target", NULL);
    status_row(f, t, "15%", " (Amber)");
    status_row(f, t, "\u00A31.285m (Social Work Teams)", " (Red)");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    double left1 = LEFT(f) + 60 + f->style.cell_pad_x;
    size_t lines = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_TEXT && it->y > lx_find(p, "15%", NULL)->y &&
            fabs(it->x - left1) < 1e-6)
            lines++;
    }
    assert_true(lines >= 2);
}

/* A cell of prose in a column of figures (objective E's "Gross £86.190 m.
 * Net £43.802 m." among amounts) is words, set on the left; the figures
 * keep the right edge they have in every other table of the paper, with
 * the header over them; an amount and its unit never part. */
static void prose_in_a_figure_column_is_set_as_words(void **state)
{
    lx *f = fresh_doc(state);
    br_table *t = lx_table(f, 3);
    t->cols[1].align = BR_ALIGN_RIGHT;
    lx_row(f, t, true, "Measure", "Outturn", "Comment", NULL);
    lx_row(f, t, false, "Spend within budget", "Gross £86.190 m. Net £43.802 m.",
           "The Quarter 1 monitoring reported an overspend; the figure is after a transfer "
           "from other areas of the Council and the release of a reserve set aside for it.",
           NULL);
    lx_row(f, t, false, "Savings", "£9.611m", "No further update.", NULL);
    br_row *r = lx_row(f, t, false, "Agency staff", "£4,005", "On target.", NULL);
    r->cells[1].align = BR_ALIGN_CENTER;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    /* the words on the left; the column's figures and its header on the
     * right, as the same column's figures are in a table without prose */
    const br_item *words = NULL, *head = lx_find(p, "Outturn", NULL);
    for (size_t k = 0; k < p->pages[0].nitems && !words; k++)
        if (lx_has(&p->pages[0].items[k], "Gross"))
            words = &p->pages[0].items[k];
    assert_non_null(words);
    double left = -1;   /* the column's left rule: the last one before the words */
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        const br_item *it = &p->pages[0].items[k];
        if (it->kind == BR_ITEM_LINE && it->x == it->x2 && it->x < words->x && it->x > left)
            left = it->x;
    }
    left += f->style.cell_pad_x;
    const br_item *plain = lx_find(p, "£9.611m", NULL), *centred = lx_find(p, "£4,005", NULL);
    assert_non_null(words);
    assert_non_null(plain);
    assert_non_null(centred);
    assert_double_equal(words->x, left, 1e-6);
    assert_true(plain->x > left + 1);
    assert_double_equal(right_of(f, plain), right_of(f, centred), 1e-6);
    assert_double_equal(right_of(f, plain), right_of(f, head), 1e-6);
    /* an amount and its unit never part */
    for (size_t pg = 0; pg < p->npages; pg++)
        for (size_t k = 0; k < p->pages[pg].nitems; k++) {
            const br_item *it = &p->pages[pg].items[k];
            if (lx_has(it, "£86.190") || lx_has(it, "£43.802"))
                assert_true(lx_has(it, "m."));
            if (it->kind == BR_ITEM_TEXT && it->len >= 2 && memcmp(it->text, "m.", 2) == 0)
                fail_msg("a line starts with the unit");
        }
}

/* ---- rows that continue ---- */

/* n words "cw0 cw1 …": a cell's text many pages long, in the test's arena. */
static const char *cell_words(lx *f, int n)
{
    char *text = br_arena_calloc(f->arena, (size_t)n * 8 + 1, 1);
    for (int i = 0; i < n; i++)
        sprintf(text + strlen(text), "%scw%d", i ? " " : "", i);
    return text;
}

static void continued_row_repeats_its_status_word_and_ref(void **state)
{
    lx *f = fresh_doc(state);
    const char *text = cell_words(f, 1500);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Ref", "Progress", "Status", NULL);
    br_row *r = lx_row(f, t, false, "B17", text, "Complete", NULL);
    r->cells[2].has_fill = true;
    r->cells[2].fill = 0x00B050;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 0; i < p->npages; i++) {
        size_t ref = 0, status = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            ref += lx_is(&p->pages[i].items[k], "B17");
            status += lx_is(&p->pages[i].items[k], "Complete");
        }
        assert_int_equal(ref, 1);
        assert_int_equal(status, 1);
    }
}

/* A milestone's lead and other agency say whose the row is: a reader on
 * the page a split row continues on sees them again (the plan's B14 left
 * "VL" and "Health, Police" blank there); a due date, in a column that
 * does not identify, is not drawn again. */
static void continued_row_repeats_its_owners(void **state)
{
    lx *f = fresh_doc(state);
    const char *text = cell_words(f, 1500);
    br_table *t = lx_table(f, 6);
    t->cols[2].identifies = t->cols[3].identifies = true;
    lx_row(f, t, true, "Ref", "Milestone", "Lead", "Other agency", "Due", "Progress", NULL);
    lx_row(f, t, false, "B14", "Agree the plan", "VL", "Health, Police", "31/01/13", text, NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 0; i < p->npages; i++) {
        size_t lead = 0, agency = 0, due = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            lead += lx_is(&p->pages[i].items[k], "VL");
            /* "Health, Police" may break beside a progress note this long
             * (a short phrase is whole only where that costs the table
             * little): its first line on every page */
            agency += lx_has(&p->pages[i].items[k], "Health,");
            due += lx_is(&p->pages[i].items[k], "31/01/13");
        }
        assert_int_equal(lead, 1);
        assert_int_equal(agency, 1);
        assert_int_equal(due, i == 0);
    }
}

static void continued_row_says_so_under_its_title(void **state)
{
    lx *f = fresh_doc(state);
    f->style.continued = "(continued)";
    char *comment = words("cm", 1500);
    br_table *t = lx_table(f, 3);
    lx_row(f, t, true, "Measure", "Actual", "Comment", NULL);
    lx_row(f, t, false, "Care leavers in touch", "98%", comment, NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    /* every page after the first names the row and says it continues; the
     * first does not; the figure prints once (drawn again, it would read
     * as a second measure) */
    for (size_t i = 0; i < p->npages; i++) {
        size_t marker = 0, title = 0, figure = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            marker += lx_is(it, "(continued)");
            title += lx_has(it, "Care");
            figure += lx_is(it, "98%");
        }
        assert_int_equal(marker, i > 0);
        assert_int_equal(title, 1);
        assert_int_equal(figure, i == 0);
    }
    free(comment);
}

/* A row whose title itself goes on to the next page: there a lead line
 * names it by its ref ("15. (continued)") above the rest of the title, the
 * status word prints again, and the short cells that ended (the date, the
 * lead) do not. */
static void continued_title_leads_with_its_ref(void **state)
{
    lx *f = fresh_doc(state);
    f->style.continued = "(continued)";
    char *tw = words("tw", 1500);
    char *title = br_arena_printf(f->arena, "15. %s", tw);
    free(tw);
    br_table *t = lx_table(f, 4);
    lx_row(f, t, true, "Milestone", "By when?", "Lead", "Status", NULL);
    br_row *r = lx_row(f, t, false, title, "Completed & ongoing", "VL", "Complete", NULL);
    r->cells[3].has_fill = true;
    r->cells[3].fill = 0x0070C0;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 0; i < p->npages; i++) {
        size_t ref = 0, marker = 0, date = 0, lead = 0, status = 0;
        double ref_y = 0, first_tw = 1e9;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            if (lx_has(it, "15.")) {
                ref++;
                ref_y = it->y;
            }
            if (lx_has(it, "tw") && !it->repeat && it->y < first_tw)
                first_tw = it->y;
            marker += lx_is(it, "(continued)");
            date += lx_has(it, "Completed");
            lead += lx_is(it, "VL");
            status += lx_is(it, "Complete");
        }
        assert_int_equal(ref, 1);
        assert_int_equal(marker, i > 0);
        assert_int_equal(date, i == 0);
        assert_int_equal(lead, i == 0);
        assert_int_equal(status, 1);
        if (i > 0)   /* the lead line stands above the title's next words */
            assert_true(ref_y < first_tw);
    }
}

/* Without a ref, the lead line is the title's first words that fit, with
 * "…" before "(continued)". */
static void continued_title_without_ref_leads_with_its_first_words(void **state)
{
    lx *f = fresh_doc(state);
    f->style.continued = "(continued)";
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Milestone", "Status", NULL);
    char *title = words("word", 1500);
    lx_row(f, t, false, title, "At risk", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 1; i < p->npages; i++) {
        size_t dots = 0, first = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++) {
            const br_item *it = &p->pages[i].items[k];
            dots += lx_has(it, "…");
            first += lx_is(it, "word0") && it->repeat;
        }
        assert_int_equal(dots, 1);
        assert_int_equal(first, 1);
    }
    free(title);
}

static void split_row_leaves_three_lines_at_a_page_foot(void **state)
{
    lx *f = fresh_doc(state);
    for (int i = 0; i < 200; i++)
        lx_para(f, "Filler.");
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Item", "Text", NULL);
    for (int row = 0; row < 30; row++) {
        char *text = br_arena_printf(f->arena, "r%d", row);
        for (int i = 0; i < 9; i++)
            text = br_arena_printf(f->arena, "%s\nr%dl%d", text, row, i);
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", row), text, NULL);
    }
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    /* every page holds at least three lines of any row it shows (or all of it) */
    for (int row = 0; row < 30; row++) {
        size_t per_page[64] = {0};
        for (int i = -1; i < 9; i++) {
            char w[32];
            if (i < 0)
                snprintf(w, sizeof w, "r%d", row);
            else
                snprintf(w, sizeof w, "r%dl%d", row, i);
            size_t pg = 0;
            const br_item *it = NULL;
            for (size_t k = 0; k < p->npages && !it; k++)
                for (size_t j = 0; j < p->pages[k].nitems; j++)
                    if (lx_is(&p->pages[k].items[j], w))
                        it = &p->pages[k].items[j], pg = k;
            assert_non_null(it);
            per_page[pg < 64 ? pg : 63]++;
        }
        /* three at the foot where it starts, two at the head where it ends */
        bool first = true;
        for (size_t k = 0; k < 64; k++)
            if (per_page[k]) {
                assert_true(per_page[k] >= (first ? 3u : 2u));
                first = false;
            }
    }
}


/* ---- fitting a paper to N pages ---- */

/* A one-page paper of a table of n rows, its type floor at floor pt. */
static br_pages *fit_one_page(lx *f, int n, double floor)
{
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Actual", NULL);
    for (int i = 0; i < n; i++)
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "12%", NULL);
    f->style.fit_pages = 1;
    f->style.fit_floor = floor;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    return p;
}

static void fit_pages_steps_the_table_type_down(void **state)
{
    lx *f = fresh_doc(state);
    br_pages *p = fit_one_page(f, 45, 5);
    assert_int_equal(p->npages, 1);
    assert_true(lx_find(p, "Row 44", NULL)->size < f->style.table_body.size);
    assert_int_equal(f->diags.warnings, 0);
}

static void fit_pages_warns_when_the_floor_is_not_enough(void **state)
{
    lx *f = fresh_doc(state);
    br_pages *p = fit_one_page(f, 200, 8);
    assert_true(p->npages > 1);
    assert_double_equal(lx_find(p, "Row 0", NULL)->size, 8, 1e-9);
    assert_int_equal(f->diags.warnings, 1);
}

/* The notes annotate the tables' figures: when the table type steps
 * down, a note is set no larger than the table text (the scorecard's
 * 6.5 pt notes under its 5.5 pt tables). */
static void fit_pages_sets_the_notes_no_larger_than_the_tables(void **state)
{
    lx *f = fresh_doc(state);
    f->style.footnote.size = 8.5;
    f->style.footnote.leading = 10;
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "p")->text, "Provisional figure.",
                  BR_FACE_REGULAR, (br_loc){0});
    br_table *t = lx_table(f, 2);
    lx_row(f, t, true, "Measure", "Actual", NULL);
    br_row *r = lx_row(f, t, false, "Row with a note", "", NULL);
    br_rich_parse(f->arena, &r->cells[1].text, "12%[^p]", BR_FACE_REGULAR, (br_loc){0});
    for (int i = 0; i < 45; i++)
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "12%", NULL);
    f->style.fit_pages = 1;
    f->style.fit_floor = 5;
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(p->npages, 1);
    double table = lx_find(p, "Row 44", NULL)->size;
    assert_true(table < 8.5);
    assert_true(lx_find(p, "Provisional figure.", NULL)->size <= table + 1e-9);
}

/* ---- a table's notes ---- */

static void header_notes_print_on_every_page_the_table_crosses(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "tbd")->text, "To be determined.",
                  BR_FACE_REGULAR, (br_loc){0});
    br_table *t = lx_table(f, 2);
    br_row *h = lx_row(f, t, true, "Measure", "", NULL);
    br_rich_parse(f->arena, &h->cells[1].text, "Target[^tbd]", BR_FACE_REGULAR, (br_loc){0});
    for (int i = 0; i < 120; i++)
        lx_row(f, t, false, br_arena_printf(f->arena, "Row %d", i), "12%", NULL);
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_true(p->npages >= 2);
    for (size_t i = 0; i < p->npages; i++) {
        size_t notes = 0;
        for (size_t k = 0; k < p->pages[i].nitems; k++)
            notes += lx_is(&p->pages[i].items[k], "To be determined.");
        assert_int_equal(notes, 1);
    }
}

/* Notes the paper writes (unkeyed by the author: a value's note) share a
 * number with their twins; the author's own keyed notes never do. */
static void identical_notes_share_one_number(void **state)
{
    lx *f = fresh_doc(state);
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "a")->text, "Not available.",
                  BR_FACE_REGULAR, (br_loc){0});
    br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, "b")->text, "Not available.",
                  BR_FACE_REGULAR, (br_loc){0});
    lx_para(f, "First[^a] and second[^b].");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "Not available."), 1);
    const br_item *a = lx_find(p, "First", NULL);
    int n = 0;
    for (const br_item *it = a; it < p->pages[0].items + p->pages[0].nitems; it++)
        if (lx_ref_number(it) > 0)
            assert_int_equal(lx_ref_number(it), 1), n++;
    assert_int_equal(n, 2);
}

/* Identical note texts share one number, whoever wrote them (issue 12,
 * Deliver 4): the plan's three keys whose text is "Provisional" printed
 * 3, 6 and 11; a value's note in a keyed note's words printed again
 * under a number of its own. */
static void keyed_notes_of_one_text_share_one_number(void **state)
{
    lx *f = fresh_doc(state);
    const char *keys[4] = {"b-provisional", "c-provisional", "d-provisional", "value-note"};
    for (int i = 0; i < 4; i++)
        br_rich_parse(f->arena, &br_doc_add_footnote(&f->doc, keys[i])->text, "Provisional",
                      BR_FACE_REGULAR, (br_loc){0});
    lx_para(f, "B outturn[^b-provisional], C outturn[^c-provisional], D outturn[^d-provisional] "
               "and a value[^value-note].");
    br_pages *p = lx_layout(f);
    lx_check_all(f, p);
    assert_int_equal(lx_count(p, "Provisional"), 1);
    int want[4] = {1, 1, 1, 1}, n = 0;
    for (size_t k = 0; k < p->pages[0].nitems; k++) {
        int num = lx_ref_number(&p->pages[0].items[k]);
        if (num > 0 && n < 4)
            assert_int_equal(num, want[n++]);
    }
    assert_int_equal(n, 4);
}


/* A table too wide for its page is set smaller, and the warning says what
 * would keep the house size where it is: a landscape page from portrait;
 * on a landscape page, fewer columns or an A3 page (it said 'a landscape
 * page' there too). */
static void a_shrunk_table_is_told_what_would_help_where_it_is(void **state)
{
    for (int land = 0; land < 2; land++) {
        lx *f = fresh_doc(state);
        f->style.orientation = land ? BR_ORIENT_LANDSCAPE : BR_ORIENT_PORTRAIT;
        br_table *t = lx_table(f, 40);
        for (int r = 0; r < 2; r++) {
            br_row *row = br_table_add_row(f->arena, t, r == 0);
            for (int c = 0; c < 40; c++)
                br_row_add_cell(f->arena, row, r ? "12,345" : "Quarter", BR_ALIGN_LEFT);
        }
        br_pages *p = lx_layout(f);
        lx_check_all(f, p);
        const char *m = NULL;
        for (size_t i = 0; i < f->diags.count; i++)
            if (strstr(f->diags.items[i].message, "do not fit the page"))
                m = f->diags.items[i].message;
        if (!m)
            fail_msg("no shrink warning; first: %s", f->diags.count ? f->diags.items[0].message : "-");
        assert_true((strstr(m, "put it on a landscape page") != NULL) == !land);
        assert_true((strstr(m, "landscape already") != NULL) == land);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, lx_setup, lx_teardown)
        T(long_table_breaks_on_whole_rows_and_repeats_its_header),
        T(row_taller_than_pages_splits_and_keeps_every_line),
        T(group_row_stays_with_the_row_after_it),
        T(last_row_never_goes_alone_to_a_new_page),
        T(continued_caption_heads_later_pages),
        T(footnote_in_a_row_lands_on_that_rows_page),
        T(a_tables_notes_sit_under_the_table),
        T(spanning_header_cells_cover_their_columns),
        T(blank_header_cells_merge_with_the_heading_below),
        T(word_wider_than_its_column_breaks_inside_the_cell),
        T(columns_narrower_than_their_words_never_overflow),
        T(short_columns_keep_their_width_when_a_long_one_wraps),
        T(fixed_widths_wider_than_the_page_are_an_error),
        T(fixed_widths_fit_on_a_landscape_page),
        T(right_aligned_numbers_share_a_right_edge),
        T(decimal_alignment_lines_up_the_points),
        T(a_count_among_percentages_ends_with_them),
        T(placeholders_in_figure_columns_are_flush_right),
        T(group_row_takes_the_templates_face),
        T(total_row_is_bold_under_a_heavy_rule),
        T(cell_colours_and_fills_are_drawn),
        T(drawing_in_a_cell_sits_below_its_text),
        T(drawing_wider_than_its_cell_shrinks_to_fit),
        T(drawings_in_cells_are_never_split),
        T(drawing_block_moves_whole_to_the_next_page),
        T(figure_column_is_as_wide_as_its_widest_figure),
        T(header_wraps_at_spaces_before_a_figure_does),
        T(short_phrase_stays_whole_when_there_is_room),
        T(short_phrases_stay_whole_while_the_text_keeps_a_measure),
        T(group_row_repeats_where_a_page_breaks_inside_its_group),
        T(columns_under_a_banner_share_one_width),
        T(a_placeholder_is_flush_right_with_the_figures),
        T(a_table_of_figures_is_as_wide_as_its_content),
        T(a_table_of_labels_and_figures_is_as_wide_as_its_content),
        T(wide_prose_in_a_cell_is_set_in_two_columns),
        T(wide_prose_in_a_cell_keeps_each_column_within_the_measure),
        T(running_text_column_keeps_to_the_measure),
        T(tables_with_one_header_share_their_widths),
        T(tables_named_by_their_label_heading_share_their_widths),
        T(two_text_columns_share_width_so_no_row_runs_tall),
        T(tables_of_one_type_fit_the_rows_of_all),
        T(the_column_with_most_to_spare_gives_the_width),
        T(long_header_word_breaks_whole_never_cut),
        T(one_alignment_per_column_and_headers_follow_it),
        T(footnote_marker_hangs_outside_the_figures),
        T(status_word_hangs_outside_the_figures),
        T(one_type_shares_its_figure_edge),
        T(a_long_header_ends_where_its_figures_end),
        T(coloured_cells_take_their_columns_alignment),
        T(a_wrapped_figure_cell_is_set_as_words),
        T(prose_in_a_figure_column_is_set_as_words),
        T(continued_row_repeats_its_status_word_and_ref),
        T(continued_row_repeats_its_owners),
        T(continued_row_says_so_under_its_title),
        T(continued_title_leads_with_its_ref),
        T(header_notes_do_not_split_a_type),
        T(tables_of_one_type_share_widths_whatever_their_headers),
        T(phrases_other_than_status_words_are_whole_where_that_is_cheap),
        T(status_words_take_running_text_below_its_usual_measure),
        T(a_status_words_qualifier_stays_whole),
        T(figure_with_its_word_stays_whole),
        T(continued_title_without_ref_leads_with_its_first_words),
        T(split_row_leaves_three_lines_at_a_page_foot),
        T(fit_pages_steps_the_table_type_down),
        T(fit_pages_warns_when_the_floor_is_not_enough),
        T(fit_pages_sets_the_notes_no_larger_than_the_tables),
        T(header_notes_print_on_every_page_the_table_crosses),
        T(identical_notes_share_one_number),
        T(keyed_notes_of_one_text_share_one_number),
        T(a_shrunk_table_is_told_what_would_help_where_it_is),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
