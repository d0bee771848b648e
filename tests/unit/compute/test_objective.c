/* test_objective.c — computed before compose and exported: a measure's
 * status bands, a finance row's variance status, and each objective's
 * counts, status and direction. */
#include "fixtures.h"

#include "br_compute.h"

#include <string.h>

/* ---- bands ---- */

/* The band holding v, a boundary going to the better band as
 * br_measure_status has it: the status a value in it gets. */
static br_status band_status(const br_measure *m, double v)
{
    br_band bands[BR_MAX_BANDS];
    size_t n = br_measure_bands(m, bands);
    br_status best = BR_STATUS_COUNT;
    for (size_t i = 0; i < n; i++) {
        if (v < bands[i].from || v > bands[i].to)
            continue;
        /* br_status orders RED < AMBER < GREEN: the higher is better. */
        if (best == BR_STATUS_COUNT || bands[i].status > best)
            best = bands[i].status;
    }
    return best;
}

static void assert_bands_agree_with_status(br_measure *m, const double *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        m->values[0] = fx_num(values[i]);
        assert_int_equal(band_status(m, values[i]), br_measure_status(m, 0));
    }
}

static void higher_bands_are_red_amber_green(void **state)
{
    br_report *r = fx_report(*state, (const char *const[]){"2019/20 Q2"}, 1);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    m->target = fx_num(90), m->tolerance = fx_num(85);
    br_band b[BR_MAX_BANDS];
    assert_int_equal(br_measure_bands(m, b), 3);
    assert_true(isinf(b[0].from) && b[0].from < 0);
    assert_double_equal(b[0].to, 85, 0);
    assert_int_equal(b[0].status, BR_STATUS_RED);
    assert_int_equal(b[1].status, BR_STATUS_AMBER);
    assert_double_equal(b[1].to, 90, 0);
    assert_int_equal(b[2].status, BR_STATUS_GREEN);
    assert_true(isinf(b[2].to) && b[2].to > 0);
    const double v[] = {0, 84.9, 85, 87, 90, 90.1, 1000};
    assert_bands_agree_with_status(m, v, 7);
}

static void lower_bands_mirror_and_without_tolerance_have_no_amber(void **state)
{
    br_report *r = fx_report(*state, (const char *const[]){"2019/20 Q2"}, 1);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_LOWER, BR_UNIT_DAYS);
    m->target = fx_num(10), m->tolerance = fx_num(12);
    br_band b[BR_MAX_BANDS];
    assert_int_equal(br_measure_bands(m, b), 3);
    assert_int_equal(b[0].status, BR_STATUS_GREEN);
    assert_int_equal(b[2].status, BR_STATUS_RED);
    const double v[] = {-5, 9, 10, 11, 12, 12.01, 50};
    assert_bands_agree_with_status(m, v, 7);
    m->tolerance = (br_value){0};
    assert_int_equal(br_measure_bands(m, b), 2);
    assert_int_equal(b[0].status, BR_STATUS_GREEN);
    assert_int_equal(b[1].status, BR_STATUS_RED);
    assert_bands_agree_with_status(m, v, 7);
}

static void range_bands_surround_the_range(void **state)
{
    br_report *r = fx_report(*state, (const char *const[]){"2019/20 Q2"}, 1);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_RANGE, BR_UNIT_NUMBER);
    m->has_range = true, m->range_lo = 40, m->range_hi = 60, m->tolerance = fx_num(10);
    br_band b[BR_MAX_BANDS];
    assert_int_equal(br_measure_bands(m, b), 5);
    const br_status want[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN, BR_STATUS_AMBER,
                              BR_STATUS_RED};
    for (int i = 0; i < 5; i++)
        assert_int_equal(b[i].status, want[i]);
    assert_double_equal(b[1].from, 30, 0);
    assert_double_equal(b[3].to, 70, 0);
    const double v[] = {0, 29, 30, 35, 40, 50, 60, 65, 70, 71};
    assert_bands_agree_with_status(m, v, 10);
}

static void nothing_to_judge_against_gives_no_bands(void **state)
{
    br_report *r = fx_report(*state, (const char *const[]){"2019/20 Q2"}, 1);
    br_band b[BR_MAX_BANDS];
    br_measure *none = fx_measure(r, "a", BR_POLARITY_NONE, BR_UNIT_NUMBER);
    none->target = fx_num(5);
    assert_int_equal(br_measure_bands(none, b), 0);
    br_measure *text = fx_measure(r, "b", BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
    text->target = fx_text("TBD");
    assert_int_equal(br_measure_bands(text, b), 0);
    br_measure *range = fx_measure(r, "c", BR_POLARITY_RANGE, BR_UNIT_NUMBER);
    assert_int_equal(br_measure_bands(range, b), 0);
}

/* ---- variance status ---- */

static br_fin_row net_row(double budget, double forecast, br_fin_sign sign)
{
    br_fin_row row = {.label = "row"};
    row.amounts[BR_FIN_BUDGET][BR_FIN_NET] = (br_fin_amount){.set = true, .value = budget};
    row.amounts[BR_FIN_FORECAST][BR_FIN_NET] = (br_fin_amount){.set = true, .value = forecast};
    row.amounts[BR_FIN_VARIANCE][BR_FIN_NET] =
        (br_fin_amount){.set = true, .value = sign == BR_SIGN_OVERSPEND_POSITIVE ? forecast - budget
                                                                                : budget - forecast};
    return row;
}

static br_status variance(double budget, double forecast, br_fin_sign sign, const br_template *t)
{
    br_finance f = {.sign = sign};
    br_fin_row row = net_row(budget, forecast, sign);
    return br_variance_status(&f, row.amounts, t);
}

static void variance_by_the_templates_thresholds(void **state)
{
    (void)state;
    br_template t = fx_template();
    t.variance_amber_percent = 1, t.variance_red_percent = 5;
    assert_int_equal(variance(1000, 900, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_GREEN);
    assert_int_equal(variance(1000, 1010, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_GREEN);
    assert_int_equal(variance(1000, 1011, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_AMBER);
    assert_int_equal(variance(1000, 1050, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_AMBER);
    assert_int_equal(variance(1000, 1051, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_RED);
    /* The sign convention says which way is adverse; the figures do not. */
    assert_int_equal(variance(10, 10.6, BR_SIGN_OVERSPEND_POSITIVE, &t), BR_STATUS_RED);
    assert_int_equal(variance(10, 9.5, BR_SIGN_OVERSPEND_POSITIVE, &t), BR_STATUS_GREEN);
    /* A negative (income) budget is judged on its size. */
    assert_int_equal(variance(-1000, -900, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_RED);
}

static void variance_without_figures_or_thresholds(void **state)
{
    (void)state;
    br_template t = fx_template();
    t.variance_amber_percent = 1, t.variance_red_percent = 5;
    assert_int_equal(variance(0, 10, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_NO_DATA);
    br_finance f = {0};
    br_fin_row row = {0};
    assert_int_equal(br_variance_status(&f, row.amounts, &t), BR_STATUS_NO_DATA);
    t.variance_red_percent = -1;
    assert_int_equal(variance(1000, 2000, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_AMBER);
    t.variance_amber_percent = -1;
    assert_int_equal(variance(1000, 2000, BR_SIGN_UNDERSPEND_POSITIVE, &t), BR_STATUS_NO_TARGET);
}

/* ---- objectives ---- */

static void status_from_the_counts(void **state)
{
    (void)state;
    br_objective o = {0};
    assert_int_equal(br_objective_status(&o), BR_STATUS_NO_DATA);
    o.measures[BR_STATUS_NO_TARGET] = 3;
    assert_int_equal(br_objective_status(&o), BR_STATUS_NO_DATA);
    o.measures[BR_STATUS_GREEN] = 2;
    assert_int_equal(br_objective_status(&o), BR_STATUS_GREEN);
    o.milestones[BR_MS_AT_RISK] = 1;
    assert_int_equal(br_objective_status(&o), BR_STATUS_AMBER);
    o.measures[BR_STATUS_RED] = 1, o.overdue = 1;       /* 2 red, 2 green: amber */
    assert_int_equal(br_objective_status(&o), BR_STATUS_AMBER);
    o.milestones[BR_MS_MISSED] = 1;                     /* 3 red, 2 green: red */
    assert_int_equal(br_objective_status(&o), BR_STATUS_RED);
    o.milestones[BR_MS_COMPLETE] = 1;                   /* 3 and 3: amber */
    assert_int_equal(br_objective_status(&o), BR_STATUS_AMBER);
}

static void direction_from_the_trends(void **state)
{
    (void)state;
    br_objective o = {0};
    assert_int_equal(br_objective_direction(&o), BR_TREND_NONE);
    o.trended = 3, o.improving = 2, o.declining = 1;
    assert_int_equal(br_objective_direction(&o), BR_TREND_IMPROVING);
    o.declining = 2;
    assert_int_equal(br_objective_direction(&o), BR_TREND_STABLE);
    o.improving = 0;
    assert_int_equal(br_objective_direction(&o), BR_TREND_DECLINING);
}

static br_milestone *add_milestone(br_report *r, const char *id, const char *objective,
                                   bool has_status, br_milestone_status s, bool overdue)
{
    br_milestone *ms = &r->milestones[r->nmilestones++];
    *ms = (br_milestone){.id = id, .objective = objective, .has_status = has_status, .status = s,
                         .overdue = overdue};
    return ms;
}

static void objectives_count_their_measures_and_milestones(void **state)
{
    br_arena *a = *state;
    br_report *r = fx_report(a, (const char *const[]){"2019/20 Q1", "2019/20 Q2"}, 2);
    br_section sections[3] = {{.type = BR_SEC_OBJECTIVE, .id = "A", .title = "First"},
                              {.type = BR_SEC_PROFILE},
                              {.type = BR_SEC_OBJECTIVE, .id = "B", .title = "Second"}};
    r->sections = sections, r->nsections = 3;
    const br_status st[] = {BR_STATUS_GREEN, BR_STATUS_RED, BR_STATUS_NO_DATA, BR_STATUS_AMBER};
    const br_trend tr[] = {BR_TREND_IMPROVING, BR_TREND_DECLINING, BR_TREND_NONE, BR_TREND_IMPROVING};
    const char *obj[] = {"A", "A", "A", "B"};
    for (int i = 0; i < 4; i++) {
        br_measure *m = fx_measure(r, (const char *[]){"m1", "m2", "m3", "m4"}[i],
                                   BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
        m->objective = obj[i], m->status = st[i], m->trend = tr[i];
    }
    add_milestone(r, "a1", "A", true, BR_MS_COMPLETE, false);
    add_milestone(r, "a2", "A", true, BR_MS_ON_TRACK, true);    /* overdue, not on track */
    add_milestone(r, "a3", "A", false, BR_MS_NOT_STARTED, false);
    add_milestone(r, "b1", "B", true, BR_MS_MISSED, false);
    br_commentary stated = {.objective = "B", .has_rag = true, .rag = BR_STATUS_GREEN};
    r->commentary = &stated, r->ncommentary = 1;
    br_report_index(r);
    br_objectives_compute(r, NULL);

    assert_int_equal(r->nobjectives, 2);
    const br_objective *A = &r->objectives[0], *B = &r->objectives[1];
    assert_string_equal(A->id, "A");
    assert_string_equal(A->title, "First");
    assert_int_equal(A->measures[BR_STATUS_GREEN], 1);
    assert_int_equal(A->measures[BR_STATUS_RED], 1);
    assert_int_equal(A->measures[BR_STATUS_NO_DATA], 1);
    assert_int_equal(A->milestones[BR_MS_COMPLETE], 1);
    assert_int_equal(A->milestones[BR_MS_ON_TRACK], 0);
    assert_int_equal(A->overdue, 1);
    assert_int_equal(A->milestones[BR_MS_NOT_STARTED], 1);
    assert_int_equal(A->direction, BR_TREND_STABLE);
    assert_int_equal(A->status, BR_STATUS_AMBER);       /* 2 red, 2 green */
    assert_false(A->status_stated);
    /* B's commentary states green: the author's word over the computed red. */
    assert_int_equal(br_objective_status(B), BR_STATUS_RED);
    assert_int_equal(B->status, BR_STATUS_GREEN);
    assert_true(B->status_stated);
    assert_int_equal(B->direction, BR_TREND_IMPROVING);
}

/* objectives: entries give the rows first, in their order; what they state
 * prints; the paper's figures check it (a warning each where they differ,
 * none where a reason is given or the paper holds nothing to check). */
static void stated_objectives_print_and_are_checked(void **state)
{
    br_arena *a = *state;
    br_report *r = fx_report(a, (const char *const[]){"2019/20 Q1", "2019/20 Q2"}, 2);
    br_section sections[2] = {{.type = BR_SEC_OBJECTIVE, .id = "S", .title = "Section only"},
                              {.type = BR_SEC_OBJECTIVE, .id = "B", .title = "Section title"}};
    r->sections = sections, r->nsections = 2;
    br_objective_entry entries[2] = {
        {.id = "B", .title = "Stated B", .has_status = true, .status = BR_STATUS_GREEN,
         .has_direction = true, .direction = BR_TREND_STABLE, .risks = "1*",
         .has_measure_counts = true, .measure_counts = {[BR_STATUS_RED] = 3}},
        {.id = "P", .title = "Profile only", .has_milestone_counts = true,
         .milestone_counts = {[BR_MSRAG_AMBER] = 2}, .has_status = true,
         .status = BR_STATUS_RED, .status_reason = "the director's view"}};
    r->objective_entries = entries, r->nobjective_entries = 2;
    br_measure *m = fx_measure(r, "m1", BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
    m->objective = "B", m->status = BR_STATUS_GREEN, m->trend = BR_TREND_IMPROVING;
    br_report_index(r);
    br_diags d;
    br_diags_init(&d, a);
    br_objectives_compute(r, &d);

    assert_int_equal(r->nobjectives, 3);
    const br_objective *B = &r->objectives[0], *P = &r->objectives[1], *S = &r->objectives[2];
    assert_string_equal(B->id, "B");
    assert_string_equal(B->title, "Stated B");
    assert_ptr_equal(B->section, &sections[1]);
    assert_string_equal(P->id, "P");
    assert_null(P->section);
    assert_string_equal(S->id, "S");
    /* B: the stated figures print.  Its status is checked against the
     * printed (stated) counts, 3 red: red; its direction against the
     * paper's one improving measure; its counts against that measure.
     * Each difference is a warning. */
    assert_true(B->measures_stated);
    assert_int_equal(B->measures[BR_STATUS_RED], 3);
    assert_int_equal(B->measures[BR_STATUS_GREEN], 0);
    assert_int_equal(B->computed_measures[BR_STATUS_GREEN], 1);
    assert_int_equal(B->status, BR_STATUS_GREEN);
    assert_int_equal(B->computed_status, BR_STATUS_RED);
    assert_int_equal(B->direction, BR_TREND_STABLE);
    assert_int_equal(B->computed_direction, BR_TREND_IMPROVING);
    assert_true(B->direction_stated && B->status_stated);
    assert_string_equal(B->risks, "1*");
    /* P: stated milestones print; its status differs from them (amber) but
     * says why; nothing in the paper to check its counts against. */
    assert_true(P->milestones_stated);
    assert_int_equal(P->milestone_rag[BR_MSRAG_AMBER], 2);
    assert_int_equal(P->computed_status, BR_STATUS_AMBER);
    assert_int_equal(P->status, BR_STATUS_RED);
    assert_int_equal(S->status, BR_STATUS_NO_DATA);
    assert_false(S->status_stated);
    assert_int_equal(d.warnings, 3);    /* B's counts, status and direction */
}

/* A count a stated row leaves out prints blank, as the paper does, and is
 * none for the check (an amber measure in the paper against a blank amber
 * is a warning).  Risks stated by RAG make the Risks column three cells,
 * so an objective writing them as one text is an error. */
static void blank_counts_and_risks_by_rag(void **state)
{
    br_arena *a = *state;
    br_report *r = fx_report(a, (const char *const[]){"2019/20 Q1", "2019/20 Q2"}, 2);
    br_objective_entry entries[2] = {
        {.id = "A", .title = "A", .has_measure_counts = true,
         .measure_counts = {[BR_STATUS_RED] = 2}, .measure_given = {[BR_STATUS_RED] = true},
         .has_milestone_counts = true, .milestone_counts = {[BR_MSRAG_GREEN] = 1},
         .milestone_given = {[BR_MSRAG_GREEN] = true},
         .risks_by_rag = true, .risks_rag = {[BR_MSRAG_RED] = "1*"}},
        {.id = "B", .title = "B", .risks = "3"}};
    r->objective_entries = entries, r->nobjective_entries = 2;
    br_measure *m = fx_measure(r, "m1", BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
    m->objective = "A", m->status = BR_STATUS_AMBER;
    br_measure *m2 = fx_measure(r, "m2", BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
    m2->objective = "B", m2->status = BR_STATUS_GREEN;
    br_report_index(r);
    br_diags d;
    br_diags_init(&d, a);
    br_objectives_compute(r, &d);

    const br_objective *A = &r->objectives[0];
    assert_false(A->measure_blank[BR_STATUS_RED]);
    assert_true(A->measure_blank[BR_STATUS_AMBER]);
    assert_true(A->measure_blank[BR_STATUS_GREEN]);
    assert_true(A->measure_blank[BR_STATUS_NO_TARGET] && A->measure_blank[BR_STATUS_NO_DATA]);
    assert_int_equal(A->measures[BR_STATUS_AMBER], 0);
    assert_false(A->milestone_blank[BR_MSRAG_GREEN]);
    assert_true(A->milestone_blank[BR_MSRAG_RED] && A->milestone_blank[BR_MSRAG_AMBER]);
    assert_true(A->risks_by_rag);
    assert_string_equal(A->risks_rag[BR_MSRAG_RED], "1*");
    assert_null(A->risks_rag[BR_MSRAG_AMBER]);
    /* the computed counts print in full where nothing is stated and the
     * paper has something to count; B has no milestones: blank, not 0 */
    assert_false(r->objectives[1].measure_blank[BR_STATUS_RED]);
    assert_int_equal(r->objectives[1].measures[BR_STATUS_RED], 0);
    assert_true(r->objectives[1].milestone_blank[BR_MSRAG_RED]);
    assert_true(r->objectives[1].milestone_status_blank);
    assert_int_equal(d.errors, 1);      /* B's risks as one text */
    bool counts_warned = false;
    for (size_t i = 0; i < d.count; i++)
        counts_warned |= strstr(d.items[i].message, "states measures: 2 red, 0 amber") != NULL;
    assert_true(counts_warned);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(higher_bands_are_red_amber_green),
        FX_TEST(lower_bands_mirror_and_without_tolerance_have_no_amber),
        FX_TEST(range_bands_surround_the_range),
        FX_TEST(nothing_to_judge_against_gives_no_bands),
        FX_TEST(variance_by_the_templates_thresholds),
        FX_TEST(variance_without_figures_or_thresholds),
        FX_TEST(status_from_the_counts),
        FX_TEST(direction_from_the_trends),
        FX_TEST(objectives_count_their_measures_and_milestones),
        FX_TEST(stated_objectives_print_and_are_checked),
        FX_TEST(blank_counts_and_risks_by_rag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
