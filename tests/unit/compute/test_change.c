/* test_change.c — relative change between two periods. */
#include "fixtures.h"

#include "br_compute.h"

static br_measure *two_values(void **state, br_value then, br_value now)
{
    static const char *const ids[] = {"2018/19 Q2", "2019/20 Q2"};
    br_report *r = fx_report(*state, ids, 2);
    br_measure *m = fx_measure(r, "m", BR_POLARITY_NONE, BR_UNIT_NUMBER);
    m->values[0] = then;
    m->values[1] = now;
    return m;
}

static void fall_is_negative_percent(void **state)
{
    double pct = 0;
    br_measure *m = two_values(state, fx_num(5687), fx_num(5590));
    assert_true(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, -1.70564445226, 1e-9);
}

static void rise_is_positive_percent(void **state)
{
    double pct = 0;
    br_measure *m = two_values(state, fx_num(523), fx_num(537));
    assert_true(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, 2.67686424474, 1e-9);
}

static void no_change_is_zero(void **state)
{
    double pct = 1;
    br_measure *m = two_values(state, fx_num(27), fx_num(27));
    assert_true(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, 0.0, 0);
}

/* From a tiny base the ratio overflows (it printed "+inf%") or prints as
 * binary noise ("+999999999999998909480960.0%"): no change is shown. */
static void change_beyond_the_largest_figure_is_not_shown(void **state)
{
    double pct = 0;
    br_measure *m = two_values(state, fx_num(1e-300), fx_num(1e15));
    assert_false(br_measure_change(m, 0, 1, &pct));
    m = two_values(state, fx_num(1e-7), fx_num(999999999999999));
    assert_false(br_measure_change(m, 0, 1, &pct));
    m = two_values(state, fx_num(1), fx_num(20000));
    assert_true(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, 1999900.0, 1e-6);
}

static void negative_earlier_value_divides_by_its_magnitude(void **state)
{
    double pct = 0;
    br_measure *m = two_values(state, fx_num(-10), fx_num(-5));
    assert_true(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, 50.0, 1e-12);
}

static void zero_earlier_value_gives_no_change(void **state)
{
    double pct = 7;
    br_measure *m = two_values(state, fx_num(0), fx_num(5));
    assert_false(br_measure_change(m, 0, 1, &pct));
    assert_double_equal(pct, 7, 0);
}

static void missing_value_gives_no_change(void **state)
{
    double pct;
    br_measure *m = two_values(state, (br_value){0}, fx_num(5));
    assert_false(br_measure_change(m, 0, 1, &pct));
    m = two_values(state, fx_num(5), (br_value){0});
    assert_false(br_measure_change(m, 0, 1, &pct));
}

static void text_value_gives_no_change(void **state)
{
    double pct;
    br_measure *m = two_values(state, fx_text("TBD"), fx_num(5));
    assert_false(br_measure_change(m, 0, 1, &pct));
    m = two_values(state, fx_num(5), fx_text("Not available"));
    assert_false(br_measure_change(m, 0, 1, &pct));
}

static void no_earlier_period_gives_no_change(void **state)
{
    double pct;
    br_measure *m = two_values(state, fx_num(5), fx_num(6));
    assert_false(br_measure_change(m, BR_NONE, 1, &pct));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(fall_is_negative_percent),
        FX_TEST(rise_is_positive_percent),
        FX_TEST(no_change_is_zero),
        FX_TEST(negative_earlier_value_divides_by_its_magnitude),
        FX_TEST(zero_earlier_value_gives_no_change),
        FX_TEST(missing_value_gives_no_change),
        FX_TEST(text_value_gives_no_change),
        FX_TEST(no_earlier_period_gives_no_change),
        FX_TEST(change_beyond_the_largest_figure_is_not_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
