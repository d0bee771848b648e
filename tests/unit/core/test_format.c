/* test_format.c — numbers, values, changes and dates as printed. */
#include "fixtures.h"

#include "br_format.h"

static const br_numfmt minus = {true, BR_NEG_MINUS};
static const br_numfmt brackets = {true, BR_NEG_BRACKETS};
static const br_numfmt plain = {false, BR_NEG_MINUS};

#define NUM(v, d) br_format_number(*state, (v), (d), &minus)

static void thousands_are_separated(void **state)
{
    assert_string_equal(NUM(1073, 0), "1,073");
    assert_string_equal(NUM(5611, 0), "5,611");
    assert_string_equal(NUM(999, 0), "999");
    assert_string_equal(NUM(57281, 0), "57,281");
    assert_string_equal(NUM(1234567.891, 2), "1,234,567.89");
    assert_string_equal(br_format_number(*state, 1234567.891, 2, &plain), "1234567.89");
}

static void negatives_take_a_minus_or_brackets(void **state)
{
    assert_string_equal(NUM(-51642, 0), "-51,642");
    assert_string_equal(br_format_number(*state, -51642, 0, &brackets), "(51,642)");
    assert_string_equal(br_format_number(*state, 3458, 0, &brackets), "3,458");
}

static void zero_never_carries_a_sign(void **state)
{
    assert_string_equal(NUM(0, 0), "0");
    assert_string_equal(NUM(-0.0, 0), "0");
    assert_string_equal(NUM(-0.4, 0), "0");
    assert_string_equal(NUM(-0.04, 1), "0.0");
    assert_string_equal(br_format_number(*state, -0.4, 0, &brackets), "0");
}

static void halves_round_away_from_zero(void **state)
{
    assert_string_equal(NUM(0.5, 0), "1");
    assert_string_equal(NUM(2.5, 0), "3");
    assert_string_equal(NUM(-2.5, 0), "-3");
    assert_string_equal(NUM(-0.5, 0), "-1");
    assert_string_equal(NUM(0.05, 1), "0.1");
    assert_string_equal(NUM(17.85, 1), "17.9");
}

/* The convention: the figure as written is rounded, not its binary
 * approximation (2.675 is stored as 2.67499999999999982236431605997495353221893310546875). */
static void the_written_figure_is_rounded(void **state)
{
    assert_string_equal(NUM(2.675, 2), "2.68");
    assert_string_equal(NUM(1.005, 2), "1.01");
    assert_string_equal(NUM(-1.005, 2), "-1.01");
    assert_string_equal(NUM(0.1 + 0.2, 2), "0.30");
    assert_string_equal(NUM(1.0 / 3.0, 2), "0.33");
}

static void carries_ripple_through_separators(void **state)
{
    assert_string_equal(NUM(999.5, 0), "1,000");
    assert_string_equal(NUM(999999.96, 1), "1,000,000.0");
    assert_string_equal(NUM(9.999, 2), "10.00");
}

static void places_are_padded_and_small_values_kept(void **state)
{
    assert_string_equal(NUM(12, 2), "12.00");
    assert_string_equal(NUM(0.004, 2), "0.00");
    assert_string_equal(NUM(0.005, 2), "0.01");
    assert_string_equal(NUM(0.0001234, 6), "0.000123");
    assert_string_equal(NUM(54.6, 1), "54.6");
    assert_string_equal(NUM(7, -1), "7");
}

static void null_format_means_separators_and_minus(void **state)
{
    assert_string_equal(br_format_number(*state, -1234.5, 1, NULL), "-1,234.5");
}

static char *value(void **state, br_value v, br_unit unit, int decimals, bool word)
{
    return br_format_value(*state, &v, unit, decimals, word, &minus);
}

static br_value num(double v, int decimals)
{
    br_value x = fx_num(v);
    x.decimals = decimals;
    return x;
}

static void percent_values_as_written(void **state)
{
    assert_string_equal(value(state, num(91, 0), BR_UNIT_PERCENT, -1, false), "91%");
    assert_string_equal(value(state, num(11, 1), BR_UNIT_PERCENT, -1, false), "11.0%");
    assert_string_equal(value(state, num(11, 1), BR_UNIT_PERCENT, 0, false), "11%");
    assert_string_equal(value(state, num(11.95, 2), BR_UNIT_PERCENT, 1, false), "12.0%");
}

static void money_values_carry_pound_and_scale(void **state)
{
    assert_string_equal(value(state, num(1234, 0), BR_UNIT_GBP, -1, false), "£1,234");
    assert_string_equal(value(state, num(1073, 0), BR_UNIT_GBP_K, -1, false), "£1,073k");
    assert_string_equal(value(state, num(54.6, 1), BR_UNIT_GBP_M, -1, false), "£54.6m");
    assert_string_equal(value(state, num(-1234, 0), BR_UNIT_GBP, -1, false), "-£1,234");
    br_value v = num(-21.4, 1);
    assert_string_equal(br_format_value(*state, &v, BR_UNIT_GBP_M, -1, false, &brackets),
                        "(£21.4m)");
}

static void days_and_weeks_take_the_word_when_asked(void **state)
{
    assert_string_equal(value(state, num(140, 0), BR_UNIT_DAYS, -1, false), "140");
    assert_string_equal(value(state, num(140, 0), BR_UNIT_DAYS, -1, true), "140 days");
    assert_string_equal(value(state, num(1, 0), BR_UNIT_DAYS, -1, true), "1 day");
    assert_string_equal(value(state, num(26, 0), BR_UNIT_WEEKS, -1, true), "26 weeks");
    assert_string_equal(value(state, num(26, 0), BR_UNIT_WEEKS, -1, false), "26");
    assert_string_equal(value(state, num(1, 0), BR_UNIT_WEEKS, -1, true), "1 week");
}

static void numbers_and_ratios_are_plain(void **state)
{
    assert_string_equal(value(state, num(5611, 0), BR_UNIT_NUMBER, -1, true), "5,611");
    assert_string_equal(value(state, num(0.75, 2), BR_UNIT_RATIO, -1, true), "0.75");
    assert_string_equal(value(state, num(16, 1), BR_UNIT_NUMBER, -1, false), "16.0");
}

static void text_and_absent_values(void **state)
{
    assert_string_equal(value(state, fx_text("TBD*"), BR_UNIT_PERCENT, 0, false), "TBD*");
    assert_string_equal(value(state, fx_text("Not available***"), BR_UNIT_DAYS, -1, true),
                        "Not available***");
    assert_string_equal(value(state, (br_value){0}, BR_UNIT_PERCENT, -1, false), "");
}

static void changes_carry_a_sign_and_one_place(void **state)
{
    assert_string_equal(br_format_change(*state, (537.0 - 523.0) / 523.0 * 100, 1), "+2.7%");
    assert_string_equal(br_format_change(*state, (5590.0 - 5687.0) / 5687.0 * 100, 1), "-1.7%");
    assert_string_equal(br_format_change(*state, 2.6, 1), "+2.6%");
    assert_string_equal(br_format_change(*state, 0.05, 1), "+0.1%");
    assert_string_equal(br_format_change(*state, 1234.5, 1), "+1,234.5%");
}

static void zero_change_has_no_sign(void **state)
{
    assert_string_equal(br_format_change(*state, 0, 1), "0.0%");
    assert_string_equal(br_format_change(*state, -0.04, 1), "0.0%");
    assert_string_equal(br_format_change(*state, 0.04, 1), "0.0%");
    assert_string_equal(br_format_change(*state, -22.95, 0), "-23%");
    assert_string_equal(br_format_change(*state, -6.77, 0), "-7%");
    assert_string_equal(br_format_change(*state, 2.677, 2), "+2.68%");
    assert_string_equal(br_format_change(*state, 0.4, 0), "0%");
    assert_string_equal(br_format_change(*state, -0.0, 1), "0.0%");
}

static void dates_long_and_short(void **state)
{
    assert_string_equal(br_format_date(*state, fx_date(2012, 8, 31), true), "31 August 2012");
    assert_string_equal(br_format_date(*state, fx_date(2019, 4, 1), true), "1 April 2019");
    assert_string_equal(br_format_date(*state, fx_date(2012, 8, 31), false), "31/08/12");
    assert_string_equal(br_format_date(*state, fx_date(2019, 4, 1), false), "01/04/19");
    assert_string_equal(br_format_date(*state, fx_date(2000, 12, 25), false), "25/12/00");
}

static void no_date_prints_nothing(void **state)
{
    assert_string_equal(br_format_date(*state, fx_date(0, 0, 0), true), "");
    assert_string_equal(br_format_date(*state, fx_date(0, 0, 0), false), "");
}

static void decorated_figures_are_recognised(void **state)
{
    (void)state;
    const char *figures[] = {"89%", "5,611", "£54.6m", "(3,458)", "-12", "1.5 k", "+4"};
    for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
        assert_true(br_format_looks_like_figure(figures[i]));
    assert_true(br_format_looks_like_figure("−£0.5m"));
    const char *words[] = {"", "TBD", "%", "n/a", "Q1 2019", "5 days", "(July 12)", "£", "−"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        assert_false(br_format_looks_like_figure(words[i]));
}

/* A figure as the paper prints it reads back as its number, its decimals
 * and the unit its sign says; words and two figures do not. */
static void printed_figures_read_back(void **state)
{
    (void)state;
    static const struct { const char *text; double number; int decimals, unit; } ok[] = {
        {"76%", 76, 0, BR_UNIT_PERCENT},          {"54.70%", 54.7, 2, BR_UNIT_PERCENT},
        {"5,611", 5611, 0, -1},                   {"1,234,567.5", 1234567.5, 1, -1},
        {"£2.837m.", 2.837, 3, BR_UNIT_GBP_M},    {"-£1.2m", -1.2, 1, BR_UNIT_GBP_M},
        {"£450k", 450, 0, BR_UNIT_GBP_K},         {"£3,000", 3000, 0, BR_UNIT_GBP},
        {"62% (158/256)", 62, 0, BR_UNIT_PERCENT}, {"78.2%*", 78.2, 1, BR_UNIT_PERCENT},
        {"85%[^target]", 85, 0, BR_UNIT_PERCENT}, {"12.8% [^national]", 12.8, 1, BR_UNIT_PERCENT},
        {"57 (18%)", 57, 0, -1},                  {"14.7†", 14.7, 1, -1},
        /* U+2212, as Word and PDFs set a minus: a figure printed as written */
        {"−5", -5, 0, -1},                        {"−£0.5m", -0.5, 1, BR_UNIT_GBP_M},
        {"−12.5%", -12.5, 1, BR_UNIT_PERCENT},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        double n = 0;
        int d = -9, u = -9;
        assert_true(br_format_parse_figure(ok[i].text, &n, &d, &u));
        assert_double_equal(n, ok[i].number, 1e-9);
        assert_int_equal(d, ok[i].decimals);
        assert_int_equal(u, ok[i].unit);
    }
    /* A plain number is the loader's own; the rest are words or misgrouped. */
    const char *no[] = {"76", "-3.5", "", "TBD", "%", "5,61", "56,1234", ",561", "£", "76 %",
                        "Gross £86.5m Net £44.6m", "£4.060m less vacancies", "12m", "76%%",
                        "62% (158/256", "1e3%", "(3,458)"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        double n;
        int d, u;
        assert_false(br_format_parse_figure(no[i], &n, &d, &u));
    }
}

/* Running heads and the PDF's subject name a period as a reader does. */
static void periods_print_their_labels(void **state)
{
    br_period month = {.id = "2012-08", .kind = BR_PERIOD_MONTH, .year = 2012, .sub = 8};
    br_period quarter = {.id = "2019/20 Q2", .kind = BR_PERIOD_QUARTER, .year = 2019, .sub = 2};
    br_period year = {.id = "2099/00", .kind = BR_PERIOD_YEAR, .year = 2099};
    assert_string_equal(br_format_period(*state, &month), "August 2012");
    assert_string_equal(br_format_period(*state, &quarter), "2019/20 Q2");
    assert_string_equal(br_format_period(*state, &year), "2099/00");
}

/* A computed figure carries the value it prints: float noise goes. */
static void figures_round_to_their_printed_places(void **state)
{
    (void)state;
    assert_true(br_round_places(43.1 - 42.3, 1) == 0.8);
    assert_true(br_round_places(-2.25, 1) == -2.3);
    assert_true(br_round_places(1073.0, 0) == 1073.0);
    assert_true(br_round_places(12.34, -1) == 12.34);
    /* As printed: the written 2.675 (stored 2.67499...) prints 2.68. */
    assert_true(br_round_places(2.675, 2) == 2.68);
    assert_true(br_round_places(-0.04, 1) == 0 && !signbit(br_round_places(-0.04, 1)));
    assert_true(br_round_places(99.99999999999, 11) == 99.99999999999);
    assert_true(br_round_places(99.99999999999, 10) == 100);
    assert_true(br_round_places(0.123456789, 8) == 0.12345679);
}

/* The places a figure prints with: a measure's decimals, except for a
 * figure printed as written; and the places of a number written plainly. */
static void figures_know_their_printed_places(void **state)
{
    (void)state;
    br_value v = {.kind = BR_VALUE_NUMBER, .number = 61.8, .decimals = 1};
    assert_int_equal(br_format_value_places(&v, -1), 1);
    assert_int_equal(br_format_value_places(&v, 0), 0);
    v.as_written = true;
    v.text = "61.8%";
    assert_int_equal(br_format_value_places(&v, 0), 1);
    assert_int_equal(br_format_written_places(20), 0);
    assert_int_equal(br_format_written_places(0.25), 2);
    assert_int_equal(br_format_written_places(-1e-3), 3);
    assert_int_equal(br_format_written_places(0.1 + 0.2), 1);
    assert_int_equal(br_format_written_places(99.99999999999), 11);
    assert_int_equal(br_format_written_places(1e14), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(thousands_are_separated),
        FX_TEST(negatives_take_a_minus_or_brackets),
        FX_TEST(zero_never_carries_a_sign),
        FX_TEST(halves_round_away_from_zero),
        FX_TEST(the_written_figure_is_rounded),
        FX_TEST(carries_ripple_through_separators),
        FX_TEST(places_are_padded_and_small_values_kept),
        FX_TEST(null_format_means_separators_and_minus),
        FX_TEST(percent_values_as_written),
        FX_TEST(money_values_carry_pound_and_scale),
        FX_TEST(days_and_weeks_take_the_word_when_asked),
        FX_TEST(numbers_and_ratios_are_plain),
        FX_TEST(text_and_absent_values),
        FX_TEST(changes_carry_a_sign_and_one_place),
        FX_TEST(zero_change_has_no_sign),
        FX_TEST(dates_long_and_short),
        FX_TEST(no_date_prints_nothing),
        FX_TEST(decorated_figures_are_recognised),
        FX_TEST(printed_figures_read_back),
        FX_TEST(periods_print_their_labels),
        FX_TEST(figures_round_to_their_printed_places),
        FX_TEST(figures_know_their_printed_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
