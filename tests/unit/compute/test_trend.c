/* test_trend.c — the trend rule of docs/format.md "Trend". */
#include "fixtures.h"

#include "br_compute.h"

/* Trend at the last of six quarters of a measure with those values. */
static br_trend trend6(void **state, br_polarity pol, br_unit unit, const double v[6],
                       const br_template *t)
{
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", pol, unit);
    fx_values(m, v, 6);
    return br_measure_trend(m, r, 5, t);
}

static void paper_length_of_intervention_is_volatile(void **state)
{
    br_template t = fx_template();
    const double v[] = {226, 175, 169, 146, 193, 141};
    assert_int_equal(trend6(state, BR_POLARITY_LOWER, BR_UNIT_DAYS, v, &t), BR_TREND_VOLATILE);
}

static void paper_re_referrals_are_stable(void **state)
{
    br_template t = fx_template();
    const double v[] = {26, 27, 28, 27, 27, 27};
    assert_int_equal(trend6(state, BR_POLARITY_LOWER, BR_UNIT_PERCENT, v, &t), BR_TREND_STABLE);
}

static void paper_assessments_are_improving(void **state)
{
    br_template t = fx_template();
    const double v[] = {89, 91, 89, 86, 87, 91};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, v, &t),
                     BR_TREND_IMPROVING);
}

static void falling_higher_is_better_is_declining(void **state)
{
    br_template t = fx_template();
    const double v[] = {0, 0, 0, 95, 90, 85};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, v, &t),
                     BR_TREND_DECLINING);
}

static void rising_smaller_is_better_is_declining(void **state)
{
    br_template t = fx_template();
    const double v[] = {0, 0, 0, 100, 110, 120};
    assert_int_equal(trend6(state, BR_POLARITY_LOWER, BR_UNIT_NUMBER, v, &t), BR_TREND_DECLINING);
}

static void one_worse_and_one_unchanged_is_declining(void **state)
{
    br_template t = fx_template();
    const double v[] = {0, 0, 0, 87, 86.5, 80};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, v, &t),
                     BR_TREND_DECLINING);
}

static void only_the_last_three_values_count(void **state)
{
    br_template t = fx_template();
    const double v[] = {10, 90, 10, 50, 50, 50};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, v, &t), BR_TREND_STABLE);
}

static void percent_band_is_in_points(void **state)
{
    br_template t = fx_template();
    const double on_band[] = {NAN, NAN, NAN, NAN, 90, 91};
    const double over[] = {NAN, NAN, NAN, NAN, 90, 91.1};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, on_band, &t),
                     BR_TREND_STABLE);
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, over, &t),
                     BR_TREND_IMPROVING);
    t.trend_band_points = 2.0;
    const double wider[] = {NAN, NAN, NAN, NAN, 90, 92};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, wider, &t),
                     BR_TREND_STABLE);
}

static void other_units_band_is_a_percentage_of_the_earlier_value(void **state)
{
    br_template t = fx_template();
    const double on_band[] = {NAN, NAN, NAN, NAN, 200, 204};
    const double over[] = {NAN, NAN, NAN, NAN, 200, 204.1};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_NUMBER, on_band, &t),
                     BR_TREND_STABLE);
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_NUMBER, over, &t),
                     BR_TREND_IMPROVING);
    t.trend_band_percent = 5.0;
    const double wider[] = {NAN, NAN, NAN, NAN, 200, 190};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_NUMBER, wider, &t),
                     BR_TREND_STABLE);
}

static void no_template_uses_the_default_bands(void **state)
{
    const double pct[] = {NAN, NAN, NAN, NAN, 90, 91};
    const double num[] = {NAN, NAN, NAN, NAN, 200, 204.1};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, pct, NULL),
                     BR_TREND_STABLE);
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_NUMBER, num, NULL),
                     BR_TREND_IMPROVING);
}

static void two_values_give_one_change(void **state)
{
    br_template t = fx_template();
    const double v[] = {NAN, NAN, NAN, NAN, 74, 79};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, v, &t),
                     BR_TREND_IMPROVING);
}

static void one_value_gives_no_trend(void **state)
{
    br_template t = fx_template();
    const double one[] = {NAN, NAN, NAN, NAN, NAN, 7};
    const double none[] = {NAN, NAN, NAN, NAN, NAN, NAN};
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, one, &t), BR_TREND_NONE);
    assert_int_equal(trend6(state, BR_POLARITY_HIGHER, BR_UNIT_PERCENT, none, &t),
                     BR_TREND_NONE);
}

static void missing_and_text_periods_are_skipped(void **state)
{
    br_template t = fx_template();
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    const double v[] = {NAN, 70, 80, NAN, NAN, 75};
    fx_values(m, v, 6);
    m->values[3] = fx_text("Not available");
    /* 70, 80, 75: better then worse. */
    assert_int_equal(br_measure_trend(m, r, 5, &t), BR_TREND_VOLATILE);
}

static void values_after_the_period_are_ignored(void **state)
{
    br_template t = fx_template();
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    const double v[] = {60, 70, 80, 10, 10, 10};
    fx_values(m, v, 6);
    assert_int_equal(br_measure_trend(m, r, 2, &t), BR_TREND_IMPROVING);
}

static void polarity_none_flipping_is_volatile(void **state)
{
    br_template t = fx_template();
    const double v[] = {18, 19, 20, 20, 26, 16};
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_NONE, BR_UNIT_PERCENT);
    fx_values(m, v, 6);
    assert_int_equal(br_measure_trend(m, r, 5, &t), BR_TREND_VOLATILE);
}

/* "Not available" (or nothing) for the report period: the earlier figures
 * say nothing about where this period is heading, so no trend. */
static void no_report_period_value_gives_no_trend(void **state)
{
    br_template t = fx_template();
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    const double v[] = {60, 70, 80, 90, 95, NAN};
    fx_values(m, v, 6);
    assert_int_equal(br_measure_trend(m, r, 5, &t), BR_TREND_NONE);
    m->values[5] = fx_text("Not available");
    assert_int_equal(br_measure_trend(m, r, 5, &t), BR_TREND_NONE);
}

static void polarity_none_gives_direction_words(void **state)
{
    br_template t = fx_template();
    const double up[] = {0, 0, 0, 10, 15, 20};
    const double down[] = {0, 0, 0, 20, 15, 10};
    const double flat[] = {0, 0, 0, 61, 60, 61};
    assert_int_equal(trend6(state, BR_POLARITY_NONE, BR_UNIT_PERCENT, up, &t),
                     BR_TREND_INCREASING);
    assert_int_equal(trend6(state, BR_POLARITY_NONE, BR_UNIT_PERCENT, down, &t),
                     BR_TREND_DECREASING);
    assert_int_equal(trend6(state, BR_POLARITY_NONE, BR_UNIT_PERCENT, flat, &t),
                     BR_TREND_STABLE);
}

static br_trend range_trend(void **state, const double v[6])
{
    br_template t = fx_template();
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_RANGE, BR_UNIT_PERCENT);
    m->has_range = true;
    m->range_lo = 20;
    m->range_hi = 30;
    fx_values(m, v, 6);
    return br_measure_trend(m, r, 5, &t);
}

static void range_moving_towards_the_band_is_improving(void **state)
{
    const double v[] = {0, 0, 0, 40, 35, 32};
    assert_int_equal(range_trend(state, v), BR_TREND_IMPROVING);
    const double from_below[] = {0, 0, 0, 10, 15, 22};
    assert_int_equal(range_trend(state, from_below), BR_TREND_IMPROVING);
}

static void range_moving_away_from_the_band_is_declining(void **state)
{
    const double v[] = {0, 0, 0, 25, 25, 35};
    assert_int_equal(range_trend(state, v), BR_TREND_DECLINING);
}

static void range_moving_inside_the_band_is_stable(void **state)
{
    const double v[] = {0, 0, 0, 21, 25, 29};
    assert_int_equal(range_trend(state, v), BR_TREND_STABLE);
}

static void override_is_ignored_by_the_computation(void **state)
{
    br_template t = fx_template();
    br_report *r = fx_report_six_quarters(*state);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    const double v[] = {0, 0, 0, 50, 60, 70};
    fx_values(m, v, 6);
    m->has_trend_override = true;
    m->trend_override = BR_TREND_DECLINING;
    assert_int_equal(br_measure_trend(m, r, 5, &t), BR_TREND_IMPROVING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(paper_length_of_intervention_is_volatile),
        FX_TEST(paper_re_referrals_are_stable),
        FX_TEST(paper_assessments_are_improving),
        FX_TEST(falling_higher_is_better_is_declining),
        FX_TEST(rising_smaller_is_better_is_declining),
        FX_TEST(one_worse_and_one_unchanged_is_declining),
        FX_TEST(only_the_last_three_values_count),
        FX_TEST(percent_band_is_in_points),
        FX_TEST(other_units_band_is_a_percentage_of_the_earlier_value),
        FX_TEST(no_template_uses_the_default_bands),
        FX_TEST(two_values_give_one_change),
        FX_TEST(one_value_gives_no_trend),
        FX_TEST(missing_and_text_periods_are_skipped),
        FX_TEST(values_after_the_period_are_ignored),
        FX_TEST(polarity_none_flipping_is_volatile),
        FX_TEST(no_report_period_value_gives_no_trend),
        FX_TEST(polarity_none_gives_direction_words),
        FX_TEST(range_moving_towards_the_band_is_improving),
        FX_TEST(range_moving_away_from_the_band_is_declining),
        FX_TEST(range_moving_inside_the_band_is_stable),
        FX_TEST(override_is_ignored_by_the_computation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
