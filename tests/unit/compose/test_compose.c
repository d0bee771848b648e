/* test_compose.c — the composed paper shows the computed figures: in every
 * example, each measure table's status cell carries the word of the status
 * that `export` computes for that measure, on that measure's fill. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_compose.h"
#include "br_report.h"
#include "../fixtures.h"
#include "compose_fixture.h"
#include "../../../src/compose/compose_int.h"

static const char *plain(br_arena *a, const br_rich *rich)
{
    size_t n = 0;
    for (size_t i = 0; i < rich->nruns; i++)
        n += rich->runs[i].len;
    char *s = br_arena_alloc(a, n + 1), *p = s;
    for (size_t i = 0; i < rich->nruns; i++) {
        memcpy(p, rich->runs[i].text, rich->runs[i].len);
        p += rich->runs[i].len;
    }
    *p = '\0';
    return s;
}

static const br_measure *measure_titled(const br_report *r, br_arena *a, const char *title)
{
    for (size_t i = 0; i < r->nmeasures; i++) {
        br_rich rich = {0};
        br_rich_parse(a, &rich, r->measures[i].title, BR_FACE_REGULAR, r->measures[i].loc);
        if (strcmp(plain(a, &rich), title) == 0)
            return &r->measures[i];
    }
    return NULL;
}

/* Index of the status column ("Position"), by the last header row. */
static size_t status_column(const br_table *t, br_arena *a)
{
    if (!t->nheader)
        return (size_t)-1;
    const br_row *h = &t->header[t->nheader - 1];
    for (size_t i = 0; i < h->ncells; i++)
        if (strcmp(plain(a, &h->cells[i].text), "Position") == 0)
            return i;
    return (size_t)-1;
}

/* The paper composed from the quarter's folder dir. */
static br_doc *compose_dir(const char *dir, br_arena *a, br_template *t, const br_report **out)
{
    br_diags *d = br_arena_alloc(a, sizeof *d);
    br_diags_init(d, a);
    br_report *r = br_report_prepare(dir, t, a, d);
    assert_non_null(r);
    br_style *style = br_arena_alloc(a, sizeof *style);
    *out = r;
    return br_compose(r, t, style, a, d);
}

/* The report written as yaml, in a scratch folder (removed again),
 * composed in arena a. */
static br_doc *compose_yaml(const char *yaml, br_arena *a)
{
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    char dir[] = "/tmp/br-compose-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(yaml, f);
    fclose(f);
    br_template *t = br_arena_alloc(a, sizeof *t);
    const br_report *r;
    br_doc *doc = compose_dir(dir, a, t, &r);
    remove(path);
    rmdir(dir);
    return doc;
}

/* A report of one measure m (2019/20 Q1 4, Q2 6), before its sections. */
#define ONE_MEASURE                                                       \
    "report: {title: T, organisation: O, period: 2019/20 Q2, version: 1,\n" \
    "         status: final, template: cabinet}\n"                          \
    "periods: [2019/20 Q1, 2019/20 Q2]\n"                                  \
    "measures:\n"                                                          \
    "  - {id: m, title: M, polarity: higher, unit: number, target: 5,\n"   \
    "     values: {2019/20 Q1: 4, 2019/20 Q2: 6}}\n"                       \
    "sections:\n"

static size_t check_report(const char *dir)
{
    br_arena *a = br_arena_new();
    br_template t;
    const br_report *r;
    br_doc *doc = compose_dir(dir, a, &t, &r);
    size_t checked = 0;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const br_table *tab = &doc->blocks[b].table;
        if (doc->blocks[b].kind != BR_BLOCK_TABLE)
            continue;
        size_t col = status_column(tab, a);
        if (col == (size_t)-1)
            continue;
        for (size_t i = 0; i < tab->nrows; i++) {
            const br_row *row = &tab->rows[i];
            if (row->kind != BR_ROW_BODY || row->ncells <= col)
                continue;
            const br_measure *m = measure_titled(r, a, plain(a, &row->cells[0].text));
            assert_non_null(m);
            const br_cell *cell = &row->cells[col];
            /* a set status resting on an earlier figure names its period */
            const char *want = m->status_on_latest
                                   ? br_arena_printf(a, "%s\n(as at %s)", t.status[m->status].label,
                                                     r->periods[m->latest].id)
                                   : t.status[m->status].label;
            assert_string_equal(plain(a, &cell->text), want);
            assert_true(cell->has_fill);
            assert_int_equal(cell->fill, t.status[m->status].fill);
            checked++;
        }
    }
    br_arena_free(a);
    return checked;
}

static void every_status_cell_shows_the_computed_status(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    /* The cabinet appendix shows every KPI's position. */
    assert_true(check_report("examples/cabinet-2019-20-q2") >= 40);
    assert_true(check_report("tests/good/minimal") >= 3);
}

/* Whether text holds word with no letter or digit either side. */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool before = p > text && ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
        bool after = (p[n] | 32) >= 'a' && (p[n] | 32) <= 'z';
        if (!before && !after)
            return true;
    }
    return false;
}

/* Every status cell of every table that prints a status's letter and not
 * its word (a scorecard's "G", a finance "0.8 (A)") is named by the key in
 * its table's last row ("Key: G Green · A Amber"); returns the cells. */
static size_t check_keys(const char *dir)
{
    br_arena *a = br_arena_new();
    br_template t;
    const br_report *r;
    br_doc *doc = compose_dir(dir, a, &t, &r);
    size_t keyed = 0;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const br_table *tab = &doc->blocks[b].table;
        if (doc->blocks[b].kind != BR_BLOCK_TABLE || !tab->nrows)
            continue;
        const char *key = plain(a, &tab->rows[tab->nrows - 1].cells[0].text);
        for (size_t i = 0; i + 1 < tab->nrows; i++)
            for (size_t c = 0; c < tab->rows[i].ncells; c++) {
                const br_cell *cell = &tab->rows[i].cells[c];
                const char *text = plain(a, &cell->text);
                for (size_t k = 0; cell->has_fill && k < BR_STATUS_COUNT; k++) {
                    const br_rag_style *rs = &t.status[k];
                    if (cell->fill != rs->fill || !has_word(text, rs->letter) ||
                        has_word(text, rs->label) || strcmp(rs->letter, rs->label) == 0)
                        continue;
                    char want[128];
                    snprintf(want, sizeof want, "%s %s", rs->letter, rs->label);
                    assert_true(strncmp(key, "Key:", 4) == 0);
                    assert_non_null(strstr(key, want));
                    keyed++;
                }
            }
    }
    br_arena_free(a);
    return keyed;
}

static void status_letters_are_named_in_a_key(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    /* the scorecard's projects, G and A in two columns of four rows (a
     * finance variance now prints its word, "0.8 (Amber)", and needs none) */
    assert_true(check_keys("examples/scorecard-2015-12") >= 8);
    check_keys("examples/cabinet-2019-20-q2");
    check_keys("examples/improvement-plan-2012-08");
    check_keys("tests/good/every-key");
}

/* The first table block of doc from block `from` on. */
static const br_table *table_from(const br_doc *doc, size_t *from)
{
    for (; *from < doc->nblocks; ++*from)
        if (doc->blocks[*from].kind == BR_BLOCK_TABLE)
            return &doc->blocks[(*from)++].table;
    fail_msg("no table");
    return NULL;
}

/* Figures go on the right wherever they are written: a generic table's
 * number written with an exponent, or a figure with a footnote reference
 * ("4%[^hr]"), as its plain figures are; and a finance table's figure
 * columns say so even when one holds no figure, so that its header stands
 * over where its figures would. */
static void figures_are_right_aligned_as_written(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_doc *doc = compose_yaml(
        "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17, version: 1,\n"
        "         status: final, template: cabinet}\n"
        "periods: [2019/20 Q2]\n"
        "footnotes: {hr: From the HR system}\n"
        "finance:\n"
        "  - id: f\n"
        "    title: Money\n"
        "    rows: [{label: Net only, budget: {net: 10}, forecast: {net: 11}}]\n"
        "sections:\n"
        "  - {type: table, header: [[A, B]],\n"
        "     rows: [[a, 2.5e-3], [b, \"4%[^hr]\"], [c, \"**12%**\"], [d, n/a]]}\n"
        "  - {type: finance_table, finance: f}\n", a);
    size_t from = 0;
    const br_table *tab = table_from(doc, &from);
    assert_int_equal(tab->nrows, 4);
    assert_int_equal(tab->rows[0].cells[1].align, BR_ALIGN_RIGHT);
    assert_int_equal(tab->rows[1].cells[1].align, BR_ALIGN_RIGHT);
    assert_int_equal(tab->rows[2].cells[1].align, BR_ALIGN_RIGHT);
    assert_int_equal(tab->rows[3].cells[1].align, BR_ALIGN_LEFT);
    tab = table_from(doc, &from);
    assert_true(tab->ncols > 2);
    assert_int_equal(tab->cols[0].align, BR_ALIGN_LEFT);
    for (size_t c = 1; c < tab->ncols; c++)
        assert_int_equal(tab->cols[c].align, BR_ALIGN_RIGHT);
    br_arena_free(a);
}

/* A summary's own columns: that leave out a status its measures have
 * would make their counts vanish: composing warns, naming the status. */
static void a_summary_that_leaves_out_a_counted_status_warns(void **state)
{
    (void)state;
    char dir[] = "/tmp/br-summary-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
          "periods: [2019/20 Q2]\n"
          "measures:\n"
          "  - {id: a, title: A, group: G, polarity: higher, target: 9, tolerance: 7, "
          "values: {2019/20 Q2: 8}}\n"
          "  - {id: b, title: B, group: G, polarity: higher, target: 9, values: {2019/20 Q2: 9}}\n"
          "sections:\n"
          "  - {type: summary, columns: [group, red, green, total]}\n"
          "  - {type: summary, columns: [group, amber, green]}\n", f);
    fclose(f);
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    br_report *r = br_report_prepare(dir, &t, a, &d);
    assert_non_null(r);
    br_style style;
    br_compose(r, &t, &style, a, &d);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].message, "this summary counts 1 measure as amber, but its "
                        "columns: leave out amber, so it is counted only in the total; add amber "
                        "to columns:");
    assert_int_equal(d.items[0].loc.line, 7);
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* The first table of the paper composed from report.yaml text, its
 * diagnostics in *d: cells by row (body rows) and column. */
static br_doc *compose_text(const char *yaml, br_arena *a, br_diags **d, const br_report **r)
{
    br_doc *doc = fx_compose_yaml(yaml, a, d, r);
    assert_non_null(*r);
    return doc;
}

static const br_table *first_table(const char *yaml, br_arena *a, br_diags **d,
                                   const br_report **r)
{
    br_doc *doc = compose_text(yaml, a, d, r);
    for (size_t b = 0; b < doc->nblocks; b++)
        if (doc->blocks[b].kind == BR_BLOCK_TABLE)
            return &doc->blocks[b].table;
    fail_msg("no table");
    return NULL;
}

/* The i-th chart of the paper's chart blocks. */
static const br_chart *nth_chart(const br_doc *doc, size_t n)
{
    for (size_t b = 0; b < doc->nblocks; b++)
        for (size_t i = 0; doc->blocks[b].kind == BR_BLOCK_CHART && i < doc->blocks[b].ncharts; i++)
            if (n-- == 0)
                return &doc->blocks[b].charts[i];
    fail_msg("no such chart");
    return NULL;
}

/* The 2012/13 profile's governance gauges: a scale of the paper's own
 * (no target, no polarity), and a result "as of Q3" (value: latest). */
static void a_gauge_draws_its_own_bands_and_the_latest_figure(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_arena *a = br_arena_new();
    br_diags *d;
    const br_report *r;
    br_doc *doc = compose_text(
        "report: {title: T, organisation: O, period: 2012/13 Q4}\n"
        "periods: [2012/13 Q3, 2012/13 Q4]\n"
        "measures:\n"
        "  - {id: sick, title: Days lost, values: {2012/13 Q4: 11.66}}\n"
        "  - {id: pdr, title: Reviews, unit: percent, values: {2012/13 Q3: 90.1%}}\n"
        "  - {id: lat, title: Latest, unit: percent, polarity: higher, target: 95,\n"
        "     values: {2012/13 Q3: 90.1%}}\n"
        "sections:\n"
        "  - {type: chart, kind: bullet, measure: sick,\n"
        "     bands: [{to: 12.83, status: green}, {to: 14.13, status: amber}, {to: 25, status: red}]}\n"
        "  - {type: chart, kind: bullet, measure: pdr, value: latest, target: 95.0,\n"
        "     bands: [{from: 50, to: 81.1, status: red}, {to: 90.1, status: amber}, {to: 100, status: green}]}\n"
        "  - {type: chart, kind: bullet, measure: lat, value: latest}\n", a, &d, &r);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 0);   /* a chart shows its measures' figures */
    const br_chart *sick = nth_chart(doc, 0), *pdr = nth_chart(doc, 1), *lat = nth_chart(doc, 2);
    assert_true(sick->has_value && !sick->has_target);
    assert_int_equal(sick->nbands, 3);
    assert_true(sick->bands[0].from == 0 && sick->bands[0].to == 12.83 && sick->bands[2].to == 25);
    /* Its bands by colour, never "Better than target": it has no target. */
    assert_string_equal(sick->summary, "2012/13 Q4 result: 11.66, in the green band (0.00 to 12.83)");
    assert_string_equal(sick->bands[0].label, "Green");
    assert_true(sick->bands[0].rank < sick->bands[1].rank && sick->bands[1].rank < sick->bands[2].rank);
    /* Its axis is its bands' extent, its marks their edges. */
    assert_true(sick->fixed_scale && sick->scale_lo == 0 && sick->scale_hi == 25);
    assert_int_equal(sick->nticks, 4);
    assert_true(sick->ticks[1] == 12.83 && sick->ticks[2] == 14.13);
    /* One number format per dial: marks and words to two places. */
    assert_int_equal(sick->mark_places, 2);
    assert_true(pdr->has_value && pdr->value == 90.1 && pdr->bands[0].from == 50);
    assert_true(pdr->scale_lo == 50 && pdr->scale_hi == 100);
    assert_true(pdr->has_target && pdr->target == 95);
    assert_string_equal(pdr->value_label, "2012/13 Q3 figure");
    /* 90.1% is on the amber/green edge: the better band's. */
    assert_string_equal(pdr->summary, "Latest result, as of 2012/13 Q3: 90.1% against a target of "
                        "95.0%, in the green band (90.1% to 100.0%)");
    assert_int_equal(pdr->nticks, 5);   /* 50, 81.1, 90.1, 95 (the target), 100 */
    assert_true(pdr->ticks[3] == 95);
    assert_int_equal(pdr->mark_places, 1);
    assert_true(pdr->bands[2].rank == 0);
    assert_true(lat->has_value && lat->has_target && lat->value == 90.1);
    assert_string_equal(lat->summary, "2012/13 Q3: 90.1% against a target of 95% — the latest "
                        "figure; 2012/13 Q4 has none");
    br_arena_free(a);
}

/* A dial whose paper gives only its edges (0, 80, 90, 100): uncoloured
 * bands in greys, light to dark, named by no word; a figure in one is
 * said by its edges.  A stated scale: is the axis. */
static void uncoloured_bands_are_grey_and_named_by_no_status(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_arena *a = br_arena_new();
    br_diags *d;
    const br_report *r;
    br_doc *doc = compose_text(
        "report: {title: T, period: 2012/13 Q4}\n"
        "periods: [2012/13 Q4]\n"
        "measures:\n"
        "  - {id: aud, title: Audit actions, unit: percent, values: {2012/13 Q4: 80%}}\n"
        "  - {id: t, title: Targeted, unit: percent, polarity: higher, target: 90, tolerance: 80,\n"
        "     values: {2012/13 Q4: 85%}}\n"
        "sections:\n"
        "  - {type: chart, kind: bullet, measure: aud, scale: {from: 0, to: 120},\n"
        "     bands: [{to: 80}, {to: 90}, {to: 100}]}\n"
        "  - {type: chart, kind: bullet, measure: t, scale: {from: 50, to: 100}}\n", a, &d, &r);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 0);
    const br_chart *aud = nth_chart(doc, 0), *t = nth_chart(doc, 1);
    assert_int_equal(aud->nbands, 3);
    for (size_t i = 0; i < 3; i++)
        assert_null(aud->bands[i].label);
    assert_true((aud->bands[0].fill & 0xFF) > (aud->bands[1].fill & 0xFF) &&
                (aud->bands[1].fill & 0xFF) > (aud->bands[2].fill & 0xFF));
    /* On the 80 edge of two uncoloured bands: the one that starts there. */
    assert_string_equal(aud->summary, "2012/13 Q4 result: 80%, in the band 80% to 90%");
    assert_true(aud->scale_lo == 0 && aud->scale_hi == 120);
    assert_true(aud->ticks[aud->nticks - 1] == 120);
    /* A target bullet keeps its words and takes the stated scale. */
    assert_true(t->fixed_scale && t->scale_lo == 50 && t->scale_hi == 100 && !t->ticks);
    assert_string_equal(t->summary, "2012/13 Q4: 85% against a target of 90% — In tolerance");
    br_arena_free(a);
}

/* The text of a body or total row's cell ("" past the row's end). */
static const char *body_cell(const br_table *t, br_arena *a, size_t row, size_t col)
{
    size_t k = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if ((t->rows[i].kind == BR_ROW_BODY || t->rows[i].kind == BR_ROW_TOTAL) && k++ == row)
            return col < t->rows[i].ncells ? plain(a, &t->rows[i].cells[col].text) : "";
    return "(no such row)";
}

/* {value: 60.6, display: "60.6"}: a percent measure's figure printed
 * without its sign, in a value's period column and a comparator alike,
 * while the number still drives the status; a display that shows another
 * figure warns. */
static void a_figure_prints_its_display_and_is_judged_by_its_value(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags *d;
    const br_report *r;
    const br_table *t = first_table(
        "report: {title: T, organisation: O, period: 2012-08}\n"
        "periods: [2011/12, 2012-08]\n"
        "measures:\n"
        "  - {id: c8, title: C8, unit: percent, polarity: higher, target: 61%,\n"
        "     values: {2011/12: {value: 60.6, display: \"60.6\"}, 2012-08: {value: 61, display: \"61\"}},\n"
        "     comparators: [{name: SN, value: {value: 54, display: \"54\"}},\n"
        "                   {name: Odd, value: {value: 54, display: \"55 (2011)\"}}]}\n"
        "sections:\n"
        "  - {type: measure_table, columns: [title, 2011/12, value, \"comparator:SN\",\n"
        "     \"comparator:Odd\", status]}\n", a, &d, &r);
    assert_string_equal(body_cell(t, a, 0, 1), "60.6");
    assert_string_equal(body_cell(t, a, 0, 2), "61");
    assert_string_equal(body_cell(t, a, 0, 3), "54");
    assert_int_equal(r->measures[0].status, BR_STATUS_GREEN);   /* 61 meets 61% */
    assert_true(r->measures[0].values[0].number == 60.6);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 1);
    assert_string_equal(d->items[0].message, "display: '55 (2011)' shows the figure 55, but value: "
                        "is 54; the paper prints '55 (2011)' and judges 54; make them agree");
    br_arena_free(a);
}

/* Without unit:, "72%" makes a percent measure: its plain figures print
 * with the sign too, and export says percent; with none written so, a
 * measure is a number.  days prints bare, its printed form names it. */
static void a_figure_written_with_its_unit_gives_the_measures(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags *d;
    const br_report *r;
    const br_table *t = first_table(
        "report: {title: T, organisation: O, period: 2019/20 Q2}\n"
        "periods: [2019/20 Q1, 2019/20 Q2]\n"
        "measures:\n"
        "  - {id: a, title: A, status: red, target: 75, values: {2019/20 Q1: 70, 2019/20 Q2: 72%}}\n"
        "  - {id: b, title: B, status: red, target: 75, values: {2019/20 Q1: 70, 2019/20 Q2: 72}}\n"
        "  - {id: c, title: C, unit: days, status: red, target: {value: 140, display: 140 days},\n"
        "     tolerance: {value: 180, display: 180 days}, values: {2019/20 Q1: 70, 2019/20 Q2: 72}}\n"
        "sections:\n"
        "  - {type: measure_table, columns: [title, 2019/20 Q1, value, target, tolerance]}\n",
        a, &d, &r);
    assert_int_equal(d->errors, 0);
    assert_int_equal(r->measures[0].unit, BR_UNIT_PERCENT);
    assert_int_equal(r->measures[1].unit, BR_UNIT_NUMBER);
    static const char *const want[][5] = {{"A", "70%", "72%", "75%", ""},
                                          {"B", "70", "72", "75", ""},
                                          {"C", "70", "72", "140 days", "180 days"}};
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < 5; k++)
            assert_string_equal(body_cell(t, a, i, k), want[i][k]);
    br_arena_free(a);
}

/* A summary row the author states prints as stated: Governance's two
 * annual KPIs the paper never lists join the table, and a stated row of
 * counted measures replaces their counts with a warning naming both; the
 * total is of the rows printed. */
static void a_stated_summary_row_prints_and_its_measures_check_it(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags *d;
    const br_report *r;
    const br_table *t = first_table(
        "report: {title: T, organisation: O, period: 2019/20 Q2}\n"
        "periods: [2019/20 Q2]\n"
        "measures:\n"
        "  - {id: a, title: A, group: Care, status: red, values: {2019/20 Q2: 8}}\n"
        "  - {id: b, title: B, group: Care, status: green, values: {2019/20 Q2: 9}}\n"
        "  - {id: c, title: C, group: Work, status: green, values: {2019/20 Q2: 9}}\n"
        "sections:\n"
        "  - type: summary\n"
        "    columns: [group, red, green, no-data, total]\n"
        "    rows:\n"
        "      Governance: {no-data: 2}\n"
        "      Care: {red: 1, green: 2}\n"
        "  - {type: measure_table, columns: [title, status]}\n", a, &d, &r);
    static const char *const want[][5] = {{"Care", "1", "2", "", "3"},
                                          {"Work", "", "1", "", "1"},
                                          {"Governance", "", "", "2", "2"},
                                          {"Total", "1 (16.7%)", "3 (50.0%)", "2 (33.3%)", "6 (100%)"}};
    for (size_t i = 0; i < 4; i++)
        for (size_t k = 0; k < 5; k++)
            assert_string_equal(body_cell(t, a, i, k), want[i][k]);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 1);
    assert_string_equal(d->items[0].message, "summary row 'Care' states 1 red, 2 green, but the "
                        "paper's measures it counts give 1 red, 1 green; the stated counts print "
                        "(correct them, or the measures' statuses)");
    assert_int_equal(d->items[0].loc.line, 12);
    br_arena_free(a);
}

/* The footer slots of a report composed with the given slot texts. */
static void compose_footers(br_arena *a, br_report *r, const char *const slots[3], const char *out[3])
{
    br_template t = fx_template();
    for (int i = 0; i < 3; i++)
        t.style.footer[i] = slots[i];
    br_diags d;
    br_diags_init(&d, a);
    br_style style;
    br_compose(r, &t, &style, a, &d);
    for (int i = 0; i < 3; i++)
        out[i] = style.footer[i];
}

/* A paper that prints no date (report: date: left out) loses {date} and
 * the punctuation joining it to the rest of its slot, as a left-out
 * subtitle does; with a date, the same slots print it. */
static void a_field_left_out_takes_its_joining_punctuation(void **state)
{
    br_arena *a = *state;
    static const char *const ids[] = {"2019/20 Q2"};
    br_report *r = fx_report(a, ids, 1);
    r->title = "Performance", r->organisation = "Council", r->version = 1;
    const char *out[3];
    const char *const slots[3] = {"Version {version}, {date}", "{date} · Page {page} of {pages}",
                                  "{title} – {subtitle} ({date})"};
    compose_footers(a, r, slots, out);
    assert_string_equal(out[0], "Version 1");
    assert_string_equal(out[1], "Page {page} of {pages}");
    assert_string_equal(out[2], "Performance");
    const char *const alone[3] = {"{date}", "{subtitle}: {date}", "[{date}] {title}"};
    compose_footers(a, r, alone, out);
    assert_string_equal(out[0], "");
    assert_string_equal(out[1], "");
    assert_string_equal(out[2], "Performance");
    r->date = fx_date(2019, 10, 17), r->subtitle = "Q2";
    compose_footers(a, r, slots, out);
    assert_string_equal(out[0], "Version 1, 17 October 2019");
    assert_string_equal(out[1], "17 October 2019 · Page {page} of {pages}");
    assert_string_equal(out[2], "Performance – Q2 (17 October 2019)");
}

/* Stacked banners (up to three): the outermost on the top header row,
 * each spanning the adjacent columns that share it and every banner above
 * it; a column with fewer banners leaves its cells in the upper rows blank. */
static void stacked_banners_span_the_columns_that_share_them(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_doc *doc = compose_yaml(ONE_MEASURE
                               "  - type: measure_table\n"
                                   "    ids: [m]\n"
                                   "    columns:\n"
                                   "      - title\n"
                                   "      - {column: value, banner: [Targets, Against, Now]}\n"
                                   "      - {column: target, banner: [Targets, Against, Now]}\n"
                                   "      - {column: status, banner: [Targets, Against]}\n"
                                   "      - {column: trend, banner: [Targets]}\n", a);
    size_t from = 0;
    const br_table *tab = table_from(doc, &from);
    assert_int_equal(tab->nheader, 4);  /* three banner rows and the headings */
    /* row 1: blank over the title, Targets over the four others */
    assert_int_equal(tab->header[0].ncells, 2);
    assert_string_equal(plain(a, &tab->header[0].cells[1].text), "Targets");
    assert_int_equal(tab->header[0].cells[1].span, 4);
    /* row 2: Against over value, target and status; the trend's cell blank */
    assert_int_equal(tab->header[1].ncells, 3);
    assert_string_equal(plain(a, &tab->header[1].cells[1].text), "Against");
    assert_int_equal(tab->header[1].cells[1].span, 3);
    assert_string_equal(plain(a, &tab->header[1].cells[2].text), "");
    /* row 3: Now over value and target only */
    assert_string_equal(plain(a, &tab->header[2].cells[1].text), "Now");
    assert_int_equal(tab->header[2].cells[1].span, 2);
    assert_int_equal(tab->header[3].ncells, 5);
    br_arena_free(a);
}

/* Measure tables in the same columns are one type, whatever their
 * headings and banners (the plan's objective A: "Comments" under
 * "Targets"); other columns make another type. */
static void measure_tables_in_the_same_columns_are_one_type(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_doc *doc = compose_yaml(ONE_MEASURE
                               "  - type: measure_table\n"
                               "    ids: [m]\n"
                               "    columns: [title, {column: value, banner: Targets},\n"
                               "              {column: comment, heading: Comments}]\n"
                               "  - type: measure_table\n"
                               "    ids: [m]\n"
                               "    columns: [title, value, {column: comment, heading: Any Comments}]\n"
                               "  - type: measure_table\n"
                               "    ids: [m]\n"
                               "    columns: [title, target, comment]\n", a);
    size_t from = 0;
    const br_table *t1 = table_from(doc, &from);
    const br_table *t2 = table_from(doc, &from);
    const br_table *t3 = table_from(doc, &from);
    assert_non_null(t1->type);
    assert_non_null(t3->type);
    assert_true(t1->nheader != t2->nheader);
    assert_string_equal(t1->type, t2->type);
    assert_string_not_equal(t1->type, t3->type);
    br_arena_free(a);
}

/* The year over period columns is printed once: an author's banner that
 * is the year ("2019/20") stands for the automatic year row, which is then
 * left out, and the periods keep their short headings (Q1, Q2). */
static void an_authors_year_banner_is_not_repeated(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_doc *doc = compose_yaml(ONE_MEASURE
                               "  - type: measure_table\n"
                                   "    ids: [m]\n"
                                   "    columns: [title, {column: 2019/20 Q1, banner: 2019/20},\n"
                                   "              {column: 2019/20 Q2, banner: 2019/20}, status]\n"
                                   "  - type: measure_table\n"
                                   "    ids: [m]\n"
                                   "    columns: [title, 2019/20 Q1, 2019/20 Q2]\n", a);
    size_t from = 0;
    const br_table *tab = table_from(doc, &from);
    assert_int_equal(tab->nheader, 2);  /* the author's banner row and the headings */
    assert_string_equal(plain(a, &tab->header[0].cells[1].text), "2019/20");
    assert_int_equal(tab->header[0].cells[1].span, 2);
    assert_string_equal(plain(a, &tab->header[1].cells[1].text), "Q1");
    assert_string_equal(plain(a, &tab->header[1].cells[2].text), "Q2");
    /* without the banner, the automatic year row as before */
    tab = table_from(doc, &from);
    assert_int_equal(tab->nheader, 2);
    assert_string_equal(plain(a, &tab->header[0].cells[1].text), "2019/20");
    assert_string_equal(plain(a, &tab->header[1].cells[1].text), "Q1");
    br_arena_free(a);
}

/* A milestone with no group after a group's milestones is not part of
 * that group: the template's "Other" bar ends the group (as in measure
 * tables); one before any group gets no bar. */
static void an_ungrouped_milestone_after_a_group_gets_the_other_bar(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_doc *doc = compose_yaml(ONE_MEASURE
                               "  - {type: milestone_table, title: Milestones}\n"
                               "milestones:\n"
                               "  - {id: k0, title: First, due: 2019-12-31}\n"
                               "  - {id: k1, title: In a group, group: Buildings, due: 2019-12-31}\n"
                               "  - {id: k2, title: After it, due: 2020-03-31}\n", a);
    size_t from = 0;
    const br_table *tab = table_from(doc, &from);
    assert_int_equal(tab->nrows, 5);
    assert_int_equal(tab->rows[0].kind, BR_ROW_BODY);      /* k0: no bar before it */
    assert_int_equal(tab->rows[1].kind, BR_ROW_GROUP);
    assert_string_equal(plain(a, &tab->rows[1].cells[0].text), "Buildings");
    assert_int_equal(tab->rows[3].kind, BR_ROW_GROUP);
    assert_string_equal(plain(a, &tab->rows[3].cells[0].text), "Other");
    assert_int_equal(tab->rows[4].kind, BR_ROW_BODY);
    br_arena_free(a);
}

/* An author wraps a paragraph's lines freely; a line ending in a
 * backslash keeps its break (an address block). */
static void a_backslash_keeps_a_line_break(void **state)
{
    (void)state;
    char wrapped[] = "Performance remains\nwithin tolerance.";
    br_compose_join_lines(wrapped);
    assert_string_equal(wrapped, "Performance remains within tolerance.");
    char address[] = "Civic Office\\\nWaterdale\\\nDoncaster";
    br_compose_join_lines(address);
    assert_string_equal(address, "Civic Office\nWaterdale\nDoncaster");
    char last[] = "ends here\\";
    br_compose_join_lines(last);
    assert_string_equal(last, "ends here\\");
}

/* A bullet's summary says its status's word once ("62%, no target to
 * chart it against (No target)" said it twice), and a drawn bullet names
 * its bands, bar and target mark for the key (tests/good/charts). */
static void bullet_summaries_say_the_status_once_and_name_the_key(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_arena *a = br_arena_new();
    br_template t;
    const br_report *r;
    br_doc *doc = compose_dir("tests/good/charts", a, &t, &r);
    size_t undrawn = 0, drawn = 0;
    for (size_t b = 0; b < doc->nblocks; b++)
        for (size_t i = 0; doc->blocks[b].kind == BR_BLOCK_CHART && i < doc->blocks[b].ncharts;
             i++) {
            const br_chart *c = &doc->blocks[b].charts[i];
            if (c->type != BR_CHART_TYPE_BULLET)
                continue;
            assert_null(strstr(c->summary, "(No target)"));
            if (c->has_value)
                assert_string_equal(c->value_label, "2019/20 Q2 figure");
            if (!c->has_target) {
                /* no target to judge it: the words say so, and its figure
                 * is still charted, a bar with no bands (the review's #10a:
                 * "62% — No target" drew nothing) */
                assert_string_equal(c->summary, "2019/20 Q2: 62% — No target");
                assert_true(c->has_value);
                assert_double_equal(c->value, 62, 1e-9);
                assert_int_equal(c->nbands, 0);
                undrawn++;
                continue;
            }
            assert_string_equal(c->target_label, "Target");
            for (size_t k = 0; k < c->nbands; k++)
                assert_non_null(c->bands[k].label);
            drawn++;
        }
    assert_int_equal(undrawn, 1);
    assert_int_equal(drawn, 4);
    br_arena_free(a);
}

/* A measure table with no title straight after another table gets a
 * caption, which layout prints where it starts (tests/good/minimal's
 * strategic table read as part of Demand); one under a heading or beside
 * a column break is captioned by the heading's words (the scorecard's, on
 * one page), which layout does not print again where it starts. */
static void an_untitled_measure_table_after_a_table_gets_a_caption(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    static const char *const dirs[] = {"tests/good/minimal", "examples/scorecard-2015-12"};
    size_t captioned = 0, bare = 0;
    for (size_t d = 0; d < 2; d++) {
        br_arena *a = br_arena_new();
        br_template t;
        const br_report *r;
        br_doc *doc = compose_dir(dirs[d], a, &t, &r);
        for (size_t i = 1; i < doc->nblocks; i++) {
            const br_table *tab = &doc->blocks[i].table;
            if (doc->blocks[i].kind != BR_BLOCK_TABLE)
                continue;
            if (d == 0 && doc->blocks[i - 1].kind == BR_BLOCK_TABLE && !tab->caption)
                fail_msg("%s: table block %zu follows a table with no caption", dirs[d], i);
            captioned += tab->caption && strcmp(tab->caption, "Strategic measures") == 0;
            bare += d == 1 && tab->caption && doc->blocks[i - 1].kind != BR_BLOCK_TABLE &&
                    strcmp(tab->caption, "High quality services for Children, Young People and "
                                         "Families") == 0;
        }
        br_arena_free(a);
    }
    assert_int_equal(captioned, 1);
    assert_true(bare >= 2);     /* the scorecard's tables under a heading, beside a break */
}

/* A bullet line that starts with its own letter or number is a lettered
 * item: the label is set where the bullet would be ("• a. 7 are ..." in
 * the Cabinet example printed both); other words stay bulleted. */
static void a_bullet_with_its_own_letter_is_a_lettered_item(void **state)
{
    (void)state;
    char dir[] = "/tmp/br-lettered-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
          "periods: [2019/20 Q2]\n"
          "sections:\n"
          "  - type: paragraphs\n"
          "    text:\n"
          "      - \"Of these:\\n- a. seven\\n- (iv) four\\n- 12) twelve\\n- B. bee\\n"
          "- e.g. an example\\n- A plain bullet\\n- 2019 was a year\"\n", f);
    fclose(f);
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    br_report *r = br_report_prepare(dir, &t, a, &d);
    assert_non_null(r);
    br_style style;
    br_doc *doc = br_compose(r, &t, &style, a, &d);
    static const char *const want[][2] = {{"a.", "seven"}, {"(iv)", "four"}, {"12)", "twelve"},
                                          {"B.", "bee"}, {NULL, "e.g. an example"},
                                          {NULL, "A plain bullet"}, {NULL, "2019 was a year"}};
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const br_block *b = &doc->blocks[i];
        if (b->kind != BR_BLOCK_PARAGRAPH || !b->bullet)
            continue;
        assert_true(k < 7);
        if (want[k][0])
            assert_string_equal(b->label, want[k][0]);
        else
            assert_null(b->label);
        assert_string_equal(plain(a, &b->text), want[k][1]);
        k++;
    }
    assert_int_equal(k, 7);
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* A generic table with no title straight after a table is captioned by
 * what its first column names: its heading, else its one row (the
 * scorecard's "Quality of Cases Audited" over I / RI / G / O; a key row
 * across the table does not count), else "Table"; a title is kept, and a
 * table under a heading needs none. */
static void an_untitled_generic_table_after_a_table_gets_a_caption(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    char dir[] = "/tmp/br-gencap-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
          "periods: [2019/20 Q2]\n"
          "sections:\n"
          "  - {type: heading, title: Projects}\n"
          "  - {type: table, header: [[Project, RAG]], rows: [[Alpha, G]]}\n"
          "  - {type: table, header: [[Project, RAG]], rows: [[Beta, A], [Gamma, G]]}\n"
          "  - {type: table, header: [['', I, G]], rows: [[Audits, 3%, 87%], "
          "{cells: [{text: 'Key: I Inadequate', span: 3}]}]}\n"
          "  - {type: table, rows: [[1, 2], [3, 4]]}\n"
          "  - {type: table, title: Own title, rows: [[5, 6]]}\n", f);
    fclose(f);
    br_arena *a = br_arena_new();
    br_template t;
    const br_report *r;
    br_doc *doc = compose_dir(dir, a, &t, &r);
    /* the first, under its heading, is the heading's */
    static const char *const want[] = {"Projects", "Project", "Audits", "Table", "Own title"};
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind != BR_BLOCK_TABLE)
            continue;
        assert_true(k < 5);
        assert_string_equal(doc->blocks[i].table.caption, want[k]);
        k++;
    }
    assert_int_equal(k, 5);
    br_arena_free(a);
    remove(path);
    rmdir(dir);
    /* the scorecard's two untitled tables below measure tables */
    a = br_arena_new();
    doc = compose_dir("examples/scorecard-2015-12", a, &t, &r);
    size_t found = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const char *cap = doc->blocks[i].kind == BR_BLOCK_TABLE ? doc->blocks[i].table.caption : NULL;
        found += cap && (strcmp(cap, "Quality of Cases Audited") == 0 ||
                         strcmp(cap, "Internal Audit analysis (see key below)") == 0);
    }
    assert_int_equal(found, 2);
    br_arena_free(a);
}

/* The paper composed from yaml with the house templates; it must compose. */
static br_doc *composed(const char *yaml, br_arena *a)
{
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_diags *d;
    br_doc *doc = fx_compose_yaml(yaml, a, &d, NULL);
    assert_non_null(doc);
    return doc;
}

/* A chart writes each figure as the tables do, to the places it was
 * written with: 0.012 was "0.0" (points, "Target 0.0", the words "0.0
 * against a target of 0.0"), 2.25% "2.3%" and £1.25m "£1.3m", every
 * fraction cut to one place. */
static void charts_write_figures_to_their_written_places(void **state)
{
    (void)state;
    static const char yaml[] =
        "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
        "periods: [2019/20 Q1, 2019/20 Q2]\n"
        "measures:\n"
        "  - {id: t, title: Tiny, polarity: lower, target: 0.02, tolerance: 0.03,\n"
        "     values: {2019/20 Q1: 0.012, 2019/20 Q2: 0.017}}\n"
        "  - {id: p, title: Pc, unit: percent, polarity: lower, target: 3, values: {2019/20 Q2: 2.25}}\n"
        "  - {id: w, title: Whole, unit: percent, polarity: higher, target: 90, values: {2019/20 Q2: 11.0}}\n"
        "sections:\n"
        "  - {type: chart, kind: line, measure: t}\n"
        "  - {type: chart, kind: bullet, ids: [t, p, w]}\n";
    br_arena *a = br_arena_new();
    br_doc *doc = composed(yaml, a);
    const br_chart *line = nth_chart(doc, 0);
    assert_string_equal(line->points[0].text, "0.012");
    assert_string_equal(line->points[1].text, "0.017");
    assert_string_equal(line->target_text, "Target 0.02");
    assert_string_equal(nth_chart(doc, 1)->summary,
                        "2019/20 Q2: 0.017 against a target of 0.02 — Better than target");
    assert_string_equal(nth_chart(doc, 2)->summary,
                        "2019/20 Q2: 2.25% against a target of 3% — Better than target");
    assert_string_equal(nth_chart(doc, 3)->summary,
                        "2019/20 Q2: 11.0% against a target of 90% — Outside tolerance");
    br_arena_free(a);
}

/* A month is named in words wherever the paper names it, as its running
 * heads do ("June 2024"), when the report sets no period_label: its id
 * ("2024-05") is a code, and printed in a latest column's "(as at …)", a
 * single period column's heading, a chart's points and its words. */
static void a_month_is_named_in_words_not_by_its_id(void **state)
{
    (void)state;
    static const char yaml[] =
        "report: {title: T, organisation: O, period: 2024-06, date: 2024-07-10}\n"
        "periods: [2024-05, 2024-06]\n"
        "measures:\n"
        "  - {id: m, title: M, polarity: higher, target: 5, values: {2024-05: 6}}\n"
        "sections:\n"
        "  - {type: measure_table, columns: [title, 2024-05, latest]}\n"
        "  - {type: chart, kind: line, measure: m}\n"
        "  - {type: chart, kind: bullet, measure: m, value: latest}\n";
    br_arena *a = br_arena_new();
    br_doc *doc = composed(yaml, a);
    const br_table *t = NULL;
    for (size_t b = 0; !t && b < doc->nblocks; b++)
        t = doc->blocks[b].kind == BR_BLOCK_TABLE ? &doc->blocks[b].table : NULL;
    assert_non_null(t);
    assert_string_equal(plain(a, &t->header[t->nheader - 1].cells[1].text), "May 2024");
    assert_string_equal(plain(a, &t->rows[0].cells[2].text), "6 (as at May 2024)");
    const br_chart *line = nth_chart(doc, 0);
    assert_string_equal(line->points[0].label, "May 2024");
    assert_string_equal(line->points[1].label, "June 2024");
    assert_non_null(strstr(nth_chart(doc, 1)->summary, "May 2024: 6"));
    br_arena_free(a);
}

/* One-measure bullet sections one after another share one grid, each
 * chart titled by its section (else its measure), not stacked one per row
 * at the full width under captions of their own (the review's #10c on
 * tests/good/charts); a line chart, or a section setting per_row, stands
 * on its own. */
static void single_bullets_one_after_another_share_a_grid(void **state)
{
    (void)state;
    static const char yaml[] =
        "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
        "periods: [2019/20 Q2]\n"
        "measures:\n"
        "  - {id: a, title: Alpha, polarity: higher, target: 5, values: {2019/20 Q2: 6}}\n"
        "  - {id: b, title: Beta, polarity: higher, target: 5, values: {2019/20 Q2: 4}}\n"
        "  - {id: g, title: Gamma, polarity: higher, target: 5, values: {2019/20 Q2: 3}}\n"
        "sections:\n"
        "  - {type: chart, kind: bullet, measure: a, title: First bullet}\n"
        "  - {type: chart, kind: bullet, measure: b}\n"
        "  - {type: chart, kind: bullet, measure: g}\n"
        "  - {type: chart, kind: line, measure: a}\n"
        "  - {type: chart, kind: bullet, measure: b}\n"
        "  - {type: chart, kind: bullet, measure: g, per_row: 1}\n";
    br_arena *a = br_arena_new();
    br_doc *doc = composed(yaml, a);
    size_t blocks[4] = {0}, nchart = 0, ncaption = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind == BR_BLOCK_CHART && nchart < 4)
            blocks[nchart++] = i;
        ncaption += doc->blocks[i].kind == BR_BLOCK_HEADING && doc->blocks[i].caption;
    }
    assert_int_equal(nchart, 4);
    const br_block *grid = &doc->blocks[blocks[0]];
    assert_int_equal(blocks[0], 0);     /* no caption above: each chart has its title */
    assert_int_equal(grid->ncharts, 3);
    assert_string_equal(grid->charts[0].title, "First bullet");
    assert_string_equal(grid->charts[1].title, "Beta");
    assert_string_equal(grid->charts[2].title, "Gamma");
    assert_int_equal(doc->blocks[blocks[1]].ncharts, 1);   /* the line */
    assert_int_equal(doc->blocks[blocks[2]].ncharts, 1);   /* Beta: Gamma sets per_row */
    assert_int_equal(doc->blocks[blocks[3]].ncharts, 1);
    assert_int_equal(ncaption, 3);
    br_arena_free(a);
}

/* The notes under a grid of charts say each note's words once, after
 * every figure they are on (twelve bullets each noted "Data provisional
 * pending audit" printed the words twelve times), and a title's own full
 * stop does not stand before the comma ("…audit., June 2024"). */
static void chart_notes_say_one_text_once(void **state)
{
    (void)state;
    static const char yaml[] =
        "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
        "periods: [2019/20 Q2]\n"
        "measures:\n"
        "  - {id: a, title: Visits made., polarity: higher, target: 5, values: {2019/20 Q2: 6},\n"
        "     notes: {2019/20 Q2: Provisional}}\n"
        "  - {id: b, title: Calls, polarity: higher, target: 5, values: {2019/20 Q2: 4},\n"
        "     notes: {2019/20 Q2: Provisional}}\n"
        "  - {id: g, title: Cases, polarity: higher, target: 5, values: {2019/20 Q2: 3},\n"
        "     notes: {2019/20 Q2: Estimated}}\n"
        "sections:\n"
        "  - {type: chart, kind: bullet, ids: [a, b, g]}\n";
    br_arena *a = br_arena_new();
    br_doc *doc = composed(yaml, a);
    static const char *const want[] = {"Visits made, 2019/20 Q2; Calls, 2019/20 Q2: Provisional",
                                       "Cases, 2019/20 Q2: Estimated"};
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].kind == BR_BLOCK_PARAGRAPH) {
            assert_true(k < 2);
            assert_string_equal(plain(a, &doc->blocks[i].text), want[k++]);
        }
    assert_int_equal(k, 2);
    br_arena_free(a);
}

/* Every table has a caption, which says "(continued)" on each page the
 * table runs onto: an untitled one under a heading (however many
 * paragraphs between) takes the heading's words, never a table caption's
 * above it; one straight after another table, or under no heading at all,
 * is named by what it holds, a finance table by its label column's
 * heading.  Only a stated "" has none (an objective's milestone_title). */
static void every_table_has_a_caption(void **state)
{
    (void)state;
    static const char yaml[] =
          "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
          "periods: [2019/20 Q2]\n"
          "measures:\n"
          "  - {id: m, title: M, objective: A, polarity: higher, target: 5, values: {2019/20 Q2: 6}}\n"
          "finance:\n"
          "  - {id: f, headings: {label: Education}, rows: [{label: Staff, budget: 1}]}\n"
          "  - {id: g, rows: [{label: Kit, budget: 2}]}\n"
          "sections:\n"
          "  - {type: finance_table, finance: f}\n"
          "  - {type: heading, title: Section one}\n"
          "  - {type: chart, kind: line, measure: m, title: A chart}\n"
          "  - {type: paragraphs, text: [Words.]}\n"
          "  - {type: measure_table, columns: [title, value]}\n"
          "  - {type: paragraphs, text: [Words.]}\n"
          "  - {type: table, header: [[Item, N]], rows: [[Pens, 3]]}\n"
          "  - {type: finance_table, finance: g}\n"
          "  - {type: summary}\n"
          "  - {type: summary}\n"
          "  - {type: profile, title: ''}\n";
    br_arena *a = br_arena_new();
    br_doc *doc = composed(yaml, a);
    static const char *const want[] = {"Education", "Section one", "Section one", "Section one",
                                       "Summary", "Summary", "Section one"};
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind != BR_BLOCK_TABLE)
            continue;
        assert_true(k < 7);
        assert_non_null(doc->blocks[i].table.caption);
        if (strcmp(doc->blocks[i].table.caption, want[k]) != 0)
            fail_msg("table %zu: caption '%s', expected '%s'", k + 1, doc->blocks[i].table.caption,
                     want[k]);
        k++;
    }
    assert_int_equal(k, 7);
    br_arena_free(a);
}

/* A paper that never names its council (report: organisation: left out)
 * loses {organisation} and the punctuation joining it, in any slot. */
static void a_report_without_organisation_drops_it_from_running_heads(void **state)
{
    br_arena *a = *state;
    static const char *const ids[] = {"2019/20 Q2"};
    br_report *r = fx_report(a, ids, 1);
    r->title = "Performance", r->version = 1;
    const char *out[3];
    const char *const slots[3] = {"{organisation}", "{organisation} · {title}",
                                  "{title} ({organisation}), v{version}"};
    compose_footers(a, r, slots, out);
    assert_string_equal(out[0], "");
    assert_string_equal(out[1], "Performance");
    assert_string_equal(out[2], "Performance, v1");
    r->organisation = "Council";
    compose_footers(a, r, slots, out);
    assert_string_equal(out[0], "Council");
    assert_string_equal(out[1], "Council · Performance");
    assert_string_equal(out[2], "Performance (Council), v1");
}

/* An appendix's heading is the template's label round its title, unless
 * the title already names it ("Appendix of yarrow": never "Appendix 2 —
 * Appendix of yarrow"); the appendices are numbered in order either way. */
static void an_appendix_title_that_names_itself_is_not_labelled_again(void **state)
{
    (void)state;
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_arena *a = br_arena_new();
    br_diags *d;
    br_doc *doc = fx_compose_yaml(
        "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
        "periods: [2019/20 Q2]\n"
        "sections:\n"
        "  - {type: page_break, appendix: Finance}\n"
        "  - {type: page_break, appendix: Appendix of yarrow}\n"
        "  - {type: page_break, appendix: 'appendix C: Risks'}\n"
        "  - {type: page_break, appendix: Appendices explained}\n"
        "  - {type: page_break, appendix: Key performance indicators}\n",
        a, &d, NULL);
    assert_non_null(doc);
    static const char *const want[] = {
        "Appendix 1 — Finance", "Appendix of yarrow", "appendix C: Risks",
        "Appendix 4 — Appendices explained", "Appendix 5 — Key performance indicators"};
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind != BR_BLOCK_HEADING || !doc->blocks[i].appendix)
            continue;
        assert_true(k < 5);
        assert_string_equal(plain(a, &doc->blocks[i].text), want[k++]);
    }
    assert_int_equal(k, 5);
    assert_int_equal(d->warnings, 0);
    br_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_status_cell_shows_the_computed_status),
        cmocka_unit_test(status_letters_are_named_in_a_key),
        cmocka_unit_test(figures_are_right_aligned_as_written),
        cmocka_unit_test(a_summary_that_leaves_out_a_counted_status_warns),
        FX_TEST(a_field_left_out_takes_its_joining_punctuation),
        FX_TEST(a_report_without_organisation_drops_it_from_running_heads),
        cmocka_unit_test(stacked_banners_span_the_columns_that_share_them),
        cmocka_unit_test(an_authors_year_banner_is_not_repeated),
        cmocka_unit_test(measure_tables_in_the_same_columns_are_one_type),
        cmocka_unit_test(an_ungrouped_milestone_after_a_group_gets_the_other_bar),
        cmocka_unit_test(a_backslash_keeps_a_line_break),
        cmocka_unit_test(bullet_summaries_say_the_status_once_and_name_the_key),
        cmocka_unit_test(an_untitled_measure_table_after_a_table_gets_a_caption),
        cmocka_unit_test(a_bullet_with_its_own_letter_is_a_lettered_item),
        cmocka_unit_test(a_figure_prints_its_display_and_is_judged_by_its_value),
        cmocka_unit_test(a_stated_summary_row_prints_and_its_measures_check_it),
        cmocka_unit_test(an_untitled_generic_table_after_a_table_gets_a_caption),
        cmocka_unit_test(every_table_has_a_caption),
        cmocka_unit_test(charts_write_figures_to_their_written_places),
        cmocka_unit_test(a_month_is_named_in_words_not_by_its_id),
        cmocka_unit_test(single_bullets_one_after_another_share_a_grid),
        cmocka_unit_test(chart_notes_say_one_text_once),
        cmocka_unit_test(a_figure_written_with_its_unit_gives_the_measures),
        cmocka_unit_test(a_gauge_draws_its_own_bands_and_the_latest_figure),
        cmocka_unit_test(uncoloured_bands_are_grey_and_named_by_no_status),
        cmocka_unit_test(an_appendix_title_that_names_itself_is_not_labelled_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
