/* test_compute.c — br_compute fills every computed field for report->period. */
#include "fixtures.h"

#include <string.h>

#include "br_compute.h"

static br_report *report_with_measure(br_arena *a, br_measure **out)
{
    br_report *r = fx_report_six_quarters(a);
    br_measure *m = fx_measure(r, "assessments", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    m->target = fx_num(90);
    m->tolerance = fx_num(85);
    const double v[] = {89, 91, 89, 86, 87, 91};
    fx_values(m, v, 6);
    *out = m;
    return r;
}

static void measure_gets_status_trend_and_changes(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_GREEN);
    assert_int_equal(m->trend, BR_TREND_IMPROVING);
    assert_true(m->has_change_previous);
    assert_double_equal(m->change_previous, (91.0 - 87.0) / 87.0 * 100.0, 1e-12);
    assert_true(m->has_change_year);
    assert_double_equal(m->change_year, 0.0, 1e-12);
    assert_int_equal(d.count, 0);
}

static void computation_uses_the_report_period(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    r->period = 3;                              /* 2018/19 Q4: 86 */
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_AMBER);
    assert_int_equal(m->trend, BR_TREND_DECLINING);   /* 91, 89, 86 */
    assert_false(m->has_change_year);                 /* 2017/18 Q4 not listed */
    assert_double_equal(m->change_previous, (86.0 - 89.0) / 89.0 * 100.0, 1e-12);
}

static void overrides_win(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    m->has_status_override = true;
    m->status_override = BR_STATUS_AMBER;
    m->has_trend_override = true;
    m->trend_override = BR_TREND_STABLE;
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_AMBER);
    assert_int_equal(m->trend, BR_TREND_STABLE);
}

/* A position needs a figure: the computed one is No data without the
 * report period's; a set RAG then rests on the latest earlier figure
 * (printed "as at" it); with no earlier figure it rests on nothing. */
static void a_set_status_without_a_figure_rests_on_the_latest(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    m->values[4] = fx_text("Not available");
    m->values[5] = fx_text("Not available");
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_NO_DATA);
    assert_false(m->status_on_latest);              /* computed: no RAG to qualify */
    m->has_status_override = true;
    m->status_override = BR_STATUS_GREEN;
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_GREEN);
    assert_true(m->status_on_latest);
    assert_int_equal(m->latest, 3);                 /* 2018/19 Q4 */
    m->values[5] = fx_num(91);                      /* the report period's figure */
    br_compute(r, &t, &d);
    assert_false(m->status_on_latest);
    for (size_t i = 0; i < 6; i++)                  /* words only: rests on the words */
        m->values[i] = fx_text("Forecast Gross £86.5m");
    br_compute(r, &t, &d);
    assert_false(m->status_on_latest);
    m->status_override = BR_STATUS_NO_TARGET;       /* a grey status says no position */
    m->values[0] = fx_num(89);
    br_compute(r, &t, &d);
    assert_false(m->status_on_latest);
}

static void missing_previous_value_leaves_change_blank(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    m->values[4] = fx_text("TBD");
    m->values[1] = (br_value){0};
    m->has_change_previous = m->has_change_year = true;   /* stale values are cleared */
    br_compute(r, &t, &d);
    assert_false(m->has_change_previous);
    assert_false(m->has_change_year);
}

static void overdue_milestone_is_marked_and_named_in_a_warning(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_report *r = fx_report_six_quarters(*state);     /* ends 2019-09-30 */
    br_due due[] = {{.date = {2019, 5, 31}, .text = "2019-05-31"},
                    {.date = {2019, 6, 30}, .text = "2019-06-30"}};
    br_due later[] = {{.date = {2019, 12, 31}, .text = "2019-12-31"}};
    r->milestones[0] = (br_milestone){.id = "A12", .loc = {"report.yaml", 40, 5}, .due = due,
                                      .ndue = 2, .has_status = true, .status = BR_MS_ON_TRACK};
    r->milestones[1] = (br_milestone){.id = "A13", .due = later, .ndue = 1};
    r->milestones[2] = (br_milestone){.id = "A14", .due = due, .ndue = 2, .has_status = true,
                                      .status = BR_MS_COMPLETE};
    r->nmilestones = 3;
    br_compute(r, &t, &d);
    assert_true(r->milestones[0].overdue);
    assert_false(r->milestones[1].overdue);
    assert_false(r->milestones[2].overdue);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].loc.line, 40);
    assert_non_null(strstr(d.items[0].message, "milestone A12 is overdue"));
    assert_non_null(strstr(d.items[0].message, "2019-06-30"));
    assert_non_null(strstr(d.items[0].message, "2019/20 Q2"));
}

static void every_finance_entry_is_computed(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_report *r = fx_report_six_quarters(*state);
    for (int i = 0; i < 2; i++) {
        br_finance *f = &r->finance[i];
        f->rows = br_arena_calloc(*state, 1, sizeof *f->rows);
        f->nrows = 1;
        br_fin_amount *b = f->rows[0].amounts[BR_FIN_BUDGET];
        b[BR_FIN_GROSS] = (br_fin_amount){.set = true, .value = 100 * (i + 1)};
        b[BR_FIN_INCOME] = (br_fin_amount){.set = true, .value = -10};
    }
    r->nfinance = 2;
    br_compute(r, &t, &d);
    assert_double_equal(r->finance[0].total[BR_FIN_BUDGET][BR_FIN_NET].value, 90, 0);
    assert_double_equal(r->finance[1].total[BR_FIN_BUDGET][BR_FIN_NET].value, 190, 0);
}

/* A total_of table listed before its sources is computed after them: its
 * rows (its first source's labels) are the sums; a figure the author wrote
 * is printed and checked (beyond rounding: a warning). */
static void a_total_table_sums_its_sources_row_by_row(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_report *r = fx_report_six_quarters(*state);
    const char *labels[] = {"Q2", "Q1"};
    for (int i = 1; i < 3; i++) {
        br_finance *f = &r->finance[i];
        f->id = i == 1 ? "a" : "b";
        f->rows = br_arena_calloc(*state, 2, sizeof *f->rows);
        f->nrows = 2;
        for (int k = 0; k < 2; k++) {
            f->rows[k].label = labels[k];
            f->rows[k].amounts[BR_FIN_ACTUAL][BR_FIN_NET] =
                (br_fin_amount){.set = true, .given = true, .value = 10 * i + k};
        }
    }
    br_finance *total = &r->finance[0];
    const br_finance *sources[] = {&r->finance[1], &r->finance[2]};
    total->id = "total", total->ntotal_of = 2, total->sources = sources;
    r->nfinance = 3;
    br_compute(r, &t, &d);
    assert_int_equal(total->nrows, 2);
    assert_string_equal(total->rows[0].label, "Q2");
    assert_double_equal(total->rows[0].amounts[BR_FIN_ACTUAL][BR_FIN_NET].value, 30, 0);
    assert_double_equal(total->rows[1].amounts[BR_FIN_ACTUAL][BR_FIN_NET].value, 32, 0);
    assert_int_equal(d.count, 0);

    /* The author's 40 for Q2 is printed, and warned of. */
    br_diags_init(&d, *state);
    total->rows[0].amounts[BR_FIN_ACTUAL][BR_FIN_NET] =
        (br_fin_amount){.set = true, .given = true, .value = 40};
    br_compute(r, &t, &d);
    assert_double_equal(total->rows[0].amounts[BR_FIN_ACTUAL][BR_FIN_NET].value, 40, 0);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.items[0].message, "differs from the sum"));
}

static void no_report_period_computes_without_reading_values(void **state)
{
    br_template t = fx_template();
    br_diags d;
    br_diags_init(&d, *state);
    br_measure *m;
    br_report *r = report_with_measure(*state, &m);
    r->period = BR_NONE;
    br_compute(r, &t, &d);
    assert_int_equal(m->status, BR_STATUS_NO_DATA);
    assert_int_equal(m->trend, BR_TREND_NONE);
    assert_false(m->has_change_previous);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(measure_gets_status_trend_and_changes),
        FX_TEST(computation_uses_the_report_period),
        FX_TEST(overrides_win),
        FX_TEST(a_set_status_without_a_figure_rests_on_the_latest),
        FX_TEST(missing_previous_value_leaves_change_blank),
        FX_TEST(overdue_milestone_is_marked_and_named_in_a_warning),
        FX_TEST(every_finance_entry_is_computed),
        FX_TEST(a_total_table_sums_its_sources_row_by_row),
        FX_TEST(no_report_period_computes_without_reading_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
