/* test_status.c — the RAG table of spec §3, on and around every boundary. */
#include "fixtures.h"

#include "br_compute.h"

/* A measure with the given target and tolerance (NAN: absent). */
static br_measure *measure(void **state, br_polarity pol, double target, double tol)
{
    static const char *const ids[] = {"2019/20 Q2"};
    br_report *r = fx_report(*state, ids, 1);
    br_measure *m = fx_measure(r, "m", pol, BR_UNIT_PERCENT);
    if (!isnan(target))
        m->target = fx_num(target);
    if (!isnan(tol))
        m->tolerance = fx_num(tol);
    return m;
}

static br_status status_of(br_measure *m, double v)
{
    m->values[0] = fx_num(v);
    return br_measure_status(m, 0);
}

static void higher_is_green_at_or_above_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 85);
    assert_int_equal(status_of(m, 90), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 91), BR_STATUS_GREEN);
}

static void higher_is_amber_from_tolerance_to_below_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 85);
    assert_int_equal(status_of(m, 89.9), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 85), BR_STATUS_AMBER);
}

static void higher_is_red_below_tolerance(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 85);
    assert_int_equal(status_of(m, 84.9), BR_STATUS_RED);
    assert_int_equal(status_of(m, 0), BR_STATUS_RED);
}

static void lower_is_green_at_or_below_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, 10, 16);
    assert_int_equal(status_of(m, 10), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 3), BR_STATUS_GREEN);
}

static void lower_is_amber_above_target_up_to_tolerance(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, 10, 16);
    assert_int_equal(status_of(m, 10.1), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 16), BR_STATUS_AMBER);
}

static void lower_is_red_above_tolerance(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, 10, 16);
    assert_int_equal(status_of(m, 16.1), BR_STATUS_RED);
    assert_int_equal(status_of(m, 24), BR_STATUS_RED);
}

/* The paper: length of intervention 141 days, target 140, tolerance 180. */
static void paper_length_of_intervention_is_in_tolerance(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, 140, 180);
    m->unit = BR_UNIT_DAYS;
    assert_int_equal(status_of(m, 141), BR_STATUS_AMBER);
}

static void range_is_green_inside_the_band_inclusive(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 5);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 20), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 25), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 30), BR_STATUS_GREEN);
}

static void range_is_amber_within_tolerance_of_the_band(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 5);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 19.9), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 15), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 30.1), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 35), BR_STATUS_AMBER);
}

static void range_is_red_further_out(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 5);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 14.9), BR_STATUS_RED);
    assert_int_equal(status_of(m, 35.1), BR_STATUS_RED);
}

static void range_without_tolerance_has_no_amber(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, NAN);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 30), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 30.1), BR_STATUS_RED);
    assert_int_equal(status_of(m, 19.9), BR_STATUS_RED);
}

static void range_without_band_has_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 5);
    assert_int_equal(status_of(m, 25), BR_STATUS_NO_TARGET);
}

static void missing_tolerance_means_no_amber_band(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, NAN);
    assert_int_equal(status_of(m, 90), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 89.9), BR_STATUS_RED);
    m = measure(state, BR_POLARITY_LOWER, 10, NAN);
    assert_int_equal(status_of(m, 10.1), BR_STATUS_RED);
}

static void text_tolerance_means_no_amber_band(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, NAN);
    m->tolerance = fx_text("TBD");
    assert_int_equal(status_of(m, 89), BR_STATUS_RED);
}

static void tolerance_equal_to_target_means_no_amber_band(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 90);
    assert_int_equal(status_of(m, 90), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 89.9), BR_STATUS_RED);
}

static void missing_value_is_no_data(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 85);
    assert_int_equal(br_measure_status(m, 0), BR_STATUS_NO_DATA);
}

static void text_value_is_no_data(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, 8, 12);
    m->values[0] = fx_text("Not available***");
    assert_int_equal(br_measure_status(m, 0), BR_STATUS_NO_DATA);
}

static void no_data_wins_over_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_NONE, NAN, NAN);
    m->values[0] = fx_text("*");
    assert_int_equal(br_measure_status(m, 0), BR_STATUS_NO_DATA);
}

static void polarity_none_is_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_NONE, 57, NAN);
    assert_int_equal(status_of(m, 61), BR_STATUS_NO_TARGET);
}

static void tbd_target_is_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_LOWER, NAN, NAN);
    m->target = fx_text("TBD*");
    m->tolerance = fx_text("TBD*");
    assert_int_equal(status_of(m, 56), BR_STATUS_NO_TARGET);
}

static void missing_target_is_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, NAN, 85);
    assert_int_equal(status_of(m, 95), BR_STATUS_NO_TARGET);
}

static void text_target_on_range_is_no_target(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, NAN);
    m->target = fx_text("n/a**");
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 25), BR_STATUS_NO_TARGET);
}

static void override_is_ignored_by_the_computation(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 90, 85);
    m->has_status_override = true;
    m->status_override = BR_STATUS_GREEN;
    assert_int_equal(status_of(m, 50), BR_STATUS_RED);
}

static void sums_on_the_boundary_compare_as_written(void **state)
{
    double v = 0.1 + 0.2;   /* 0.30000000000000004 */
    br_measure *m = measure(state, BR_POLARITY_LOWER, 0.3, 0.5);
    assert_int_equal(status_of(m, v), BR_STATUS_GREEN);
    m = measure(state, BR_POLARITY_HIGHER, 0.7, 0.3);
    assert_int_equal(status_of(m, v), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 0.2999), BR_STATUS_RED);
}

static void range_edges_compare_as_written(void **state)
{
    /* 0.3 - 0.1 = 0.19999999999999998, 0.5 + 0.1 = 0.6 exactly here, but
     * the written 0.2 must count as on the edge of amber. */
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 0.1);
    m->has_range = true;
    m->range_lo = 0.3;
    m->range_hi = 0.5;
    assert_int_equal(status_of(m, 0.2), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 0.6), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 0.19), BR_STATUS_RED);
}

/* 99.99999999999 prints with all its places, below a target of 100: it
 * must not meet it (compared at 12 significant digits it printed "Better
 * than target"). */
static void a_figure_written_to_more_places_is_judged_on_every_one(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 100, NAN);
    assert_int_equal(status_of(m, 99.99999999999), BR_STATUS_RED);
    m = measure(state, BR_POLARITY_LOWER, 10, 12);
    assert_int_equal(status_of(m, 10.00000000001), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 12.000000000001), BR_STATUS_RED);
    m = measure(state, BR_POLARITY_RANGE, NAN, 0.5);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    assert_int_equal(status_of(m, 30.00000000001), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 19.49999999999), BR_STATUS_RED);
}

/* decimals: 1 prints 49.96 as 50.0: the paper shows the target met, so the
 * status says so; 49.94 prints 49.9 and is below it. */
static void a_figure_printed_to_fewer_places_is_judged_as_printed(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 50, 45);
    m->decimals = 1;
    assert_int_equal(status_of(m, 49.96), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 49.94), BR_STATUS_AMBER);
    assert_int_equal(status_of(m, 44.95), BR_STATUS_AMBER);   /* prints 45.0 */
    assert_int_equal(status_of(m, 44.94), BR_STATUS_RED);
    m->decimals = 0;
    assert_int_equal(status_of(m, 49.5), BR_STATUS_GREEN);     /* prints 50 */
    assert_int_equal(status_of(m, 49.49), BR_STATUS_AMBER);    /* prints 49 */
}

/* A figure printed as written ("62% (158/256)") keeps its own places
 * whatever decimals: says, since it prints them. */
static void a_figure_printed_as_written_is_judged_at_its_own_places(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_HIGHER, 62, NAN);
    m->decimals = 0;
    m->values[0] = fx_num(61.8);
    m->values[0].as_written = true;
    m->values[0].text = "61.8%";
    assert_int_equal(br_measure_status(m, 0), BR_STATUS_RED);
}

/* A range's ends print with the measure's decimals: too. */
static void range_ends_are_judged_as_printed(void **state)
{
    br_measure *m = measure(state, BR_POLARITY_RANGE, NAN, 1);
    m->has_range = true;
    m->range_lo = 20.25;
    m->range_hi = 30.25;
    assert_int_equal(status_of(m, 20.2), BR_STATUS_AMBER);
    m->decimals = 1;    /* the band prints 20.3-30.3; 20.2 is outside it */
    assert_int_equal(status_of(m, 20.25), BR_STATUS_GREEN);
    assert_int_equal(status_of(m, 30.34), BR_STATUS_GREEN);   /* prints 30.3 */
    assert_int_equal(status_of(m, 31.34), BR_STATUS_AMBER);   /* 31.3: the edge */
    assert_int_equal(status_of(m, 31.35), BR_STATUS_RED);     /* 31.4 */
}

static void status_reads_the_given_period(void **state)
{
    static const char *const ids[] = {"2019/20 Q1", "2019/20 Q2"};
    br_report *r = fx_report(*state, ids, 2);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    m->target = fx_num(95);
    m->tolerance = fx_num(90);
    m->values[0] = fx_num(89);
    m->values[1] = fx_num(96);
    assert_int_equal(br_measure_status(m, 0), BR_STATUS_RED);
    assert_int_equal(br_measure_status(m, 1), BR_STATUS_GREEN);
}

#define T FX_TEST

/* A gauge's bands (docs/format.md "Charts"): a figure on the edge of two
 * lies in the better (green over amber over red), whichever side it is;
 * between two uncoloured bands, in the one that starts there. */
static void a_figure_on_a_band_edge_is_in_the_better_band(void **state)
{
    (void)state;
    const br_band up[] = {{50, 81.1, BR_STATUS_RED, false}, {81.1, 90.1, BR_STATUS_AMBER, false},
                          {90.1, 100, BR_STATUS_GREEN, false}};
    const br_band down[] = {{0, 12.83, BR_STATUS_GREEN, false},
                            {12.83, 14.13, BR_STATUS_AMBER, false},
                            {14.13, 25, BR_STATUS_RED, false}};
    const br_band grey[] = {{0, 80, BR_STATUS_NO_TARGET, true}, {80, 90, BR_STATUS_NO_TARGET, true}};
    assert_int_equal(br_band_of(up, 3, 90.1), 2);
    assert_int_equal(br_band_of(up, 3, 81.1), 1);
    assert_int_equal(br_band_of(up, 3, 90.0), 1);
    assert_int_equal(br_band_of(up, 3, 50), 0);
    assert_int_equal(br_band_of(up, 3, 100), 2);
    assert_int_equal(br_band_of(down, 3, 12.83), 0);
    assert_int_equal(br_band_of(down, 3, 14.13), 1);
    assert_int_equal(br_band_of(grey, 2, 80), 1);
    assert_int_equal(br_band_of(up, 3, 49.9), BR_NONE);
    assert_int_equal(br_band_of(up, 3, 100.1), BR_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(higher_is_green_at_or_above_target),
        T(higher_is_amber_from_tolerance_to_below_target),
        T(higher_is_red_below_tolerance),
        T(lower_is_green_at_or_below_target),
        T(lower_is_amber_above_target_up_to_tolerance),
        T(lower_is_red_above_tolerance),
        T(paper_length_of_intervention_is_in_tolerance),
        T(range_is_green_inside_the_band_inclusive),
        T(range_is_amber_within_tolerance_of_the_band),
        T(range_is_red_further_out),
        T(range_without_tolerance_has_no_amber),
        T(range_without_band_has_no_target),
        T(missing_tolerance_means_no_amber_band),
        T(text_tolerance_means_no_amber_band),
        T(tolerance_equal_to_target_means_no_amber_band),
        T(missing_value_is_no_data),
        T(text_value_is_no_data),
        T(no_data_wins_over_no_target),
        T(polarity_none_is_no_target),
        T(tbd_target_is_no_target),
        T(missing_target_is_no_target),
        T(text_target_on_range_is_no_target),
        T(override_is_ignored_by_the_computation),
        T(sums_on_the_boundary_compare_as_written),
        T(range_edges_compare_as_written),
        T(a_figure_written_to_more_places_is_judged_on_every_one),
        T(a_figure_printed_to_fewer_places_is_judged_as_printed),
        T(a_figure_printed_as_written_is_judged_at_its_own_places),
        T(range_ends_are_judged_as_printed),
        T(status_reads_the_given_period),
        T(a_figure_on_a_band_edge_is_in_the_better_band),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
