/* test_period.c — parsing periods and dates; previous and year-ago. */
#include "fixtures.h"

static void assert_date(br_date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void quarter_parses_with_year_and_number(void **state)
{
    (void)state;
    br_period p = {0};
    assert_true(br_period_parse("2019/20 Q2", &p));
    assert_int_equal(p.kind, BR_PERIOD_QUARTER);
    assert_int_equal(p.year, 2019);
    assert_int_equal(p.sub, 2);
}

static void quarter_ends_follow_the_financial_year(void **state)
{
    (void)state;
    br_period p = {0};
    assert_true(br_period_parse("2019/20 Q1", &p));
    assert_date(p.end, 2019, 6, 30);
    assert_true(br_period_parse("2019/20 Q2", &p));
    assert_date(p.end, 2019, 9, 30);
    assert_true(br_period_parse("2019/20 Q3", &p));
    assert_date(p.end, 2019, 12, 31);
    assert_true(br_period_parse("2019/20 Q4", &p));
    assert_date(p.end, 2020, 3, 31);
}

static void month_parses_and_ends_on_its_last_day(void **state)
{
    (void)state;
    br_period p = {0};
    assert_true(br_period_parse("2015-12", &p));
    assert_int_equal(p.kind, BR_PERIOD_MONTH);
    assert_int_equal(p.year, 2015);
    assert_int_equal(p.sub, 12);
    assert_date(p.end, 2015, 12, 31);
    assert_true(br_period_parse("2016-02", &p));
    assert_date(p.end, 2016, 2, 29);
    assert_true(br_period_parse("2015-02", &p));
    assert_date(p.end, 2015, 2, 28);
}

static void financial_year_parses_and_ends_in_march(void **state)
{
    (void)state;
    br_period p = {0};
    assert_true(br_period_parse("2019/20", &p));
    assert_int_equal(p.kind, BR_PERIOD_YEAR);
    assert_int_equal(p.year, 2019);
    assert_int_equal(p.sub, 0);
    assert_date(p.end, 2020, 3, 31);
    assert_true(br_period_parse("1999/00", &p));
    assert_date(p.end, 2000, 3, 31);
}

static void parse_keeps_id_and_loc(void **state)
{
    (void)state;
    br_period p = {.id = "x", .loc = {"f.yaml", 3, 4}};
    assert_true(br_period_parse("2012/13 Q4", &p));
    assert_string_equal(p.id, "x");
    assert_int_equal(p.loc.line, 3);
}

static void malformed_periods_are_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2019/21", "2019/21 Q2", "2019/20 Q5", "2019/20 Q0", "2019/20 q2", "2019/20  Q2",
        "2019/20Q2", "2015-13", "2015-00", "2015-1", "15-12", "2019/2020", "", "2019/20 Q2 ",
        "Q2 2019/20", "abcd/ef",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        br_period p = {0};
        assert_false(br_period_parse(bad[i], &p));
    }
}

static void previous_is_the_period_before_in_the_list(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_report *r = fx_report_six_quarters(a);
    assert_int_equal(br_period_previous(r, 5), 4);
    assert_int_equal(br_period_previous(r, 1), 0);
    assert_true(br_period_previous(r, 0) == BR_NONE);
    assert_true(br_period_previous(r, BR_NONE) == BR_NONE);
    br_arena_free(a);
}

static void year_ago_is_the_same_quarter_a_year_before(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_report *r = fx_report_six_quarters(a);
    assert_int_equal(br_period_year_ago(r, 5), 1);   /* 2019/20 Q2 -> 2018/19 Q2 */
    assert_int_equal(br_period_year_ago(r, 4), 0);
    assert_true(br_period_year_ago(r, 3) == BR_NONE); /* 2017/18 Q4 is not listed */
    br_arena_free(a);
}

static void year_ago_of_a_month_is_the_same_month(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    static const char *const ids[] = {"2014-12", "2015-09", "2015-12"};
    br_report *r = fx_report(a, ids, 3);
    assert_int_equal(br_period_year_ago(r, 2), 0);
    assert_true(br_period_year_ago(r, 1) == BR_NONE);
    br_arena_free(a);
}

static void date_parses_real_calendar_dates(void **state)
{
    (void)state;
    br_date d;
    assert_true(br_date_parse("2019-10-17", &d));
    assert_date(d, 2019, 10, 17);
    assert_true(br_date_parse("2020-02-29", &d));
    assert_true(br_date_parse("2000-02-29", &d));
    assert_true(br_date_parse("2012-12-31", &d));
}

static void impossible_dates_are_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2019-02-29", "1900-02-29", "2019-04-31", "2019-13-01", "2019-00-10", "2019-01-00",
        "2019-1-01", "19-01-01", "2019/01/01", "2019-01-01x", "", "0000-01-01",
        "1899-12-31", "2200-01-01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        br_date d = {0};
        assert_false(br_date_parse(bad[i], &d));
    }
}

static void days_in_month_follows_gregorian_leap_years(void **state)
{
    (void)state;
    assert_int_equal(br_days_in_month(2019, 2), 28);
    assert_int_equal(br_days_in_month(2020, 2), 29);
    assert_int_equal(br_days_in_month(1900, 2), 28);
    assert_int_equal(br_days_in_month(2000, 2), 29);
    assert_int_equal(br_days_in_month(2019, 9), 30);
    assert_int_equal(br_days_in_month(2019, 12), 31);
    assert_int_equal(br_days_in_month(2019, 13), 0);
}

static void dates_compare_by_year_month_day(void **state)
{
    (void)state;
    assert_int_equal(br_date_compare(fx_date(2012, 6, 30), fx_date(2012, 9, 30)), -1);
    assert_int_equal(br_date_compare(fx_date(2013, 1, 1), fx_date(2012, 12, 31)), 1);
    assert_int_equal(br_date_compare(fx_date(2012, 6, 30), fx_date(2012, 6, 30)), 0);
    assert_int_equal(br_date_compare(fx_date(2012, 6, 2), fx_date(2012, 6, 10)), -1);
}

static void assert_next(const char *from, const char *to)
{
    br_period p = {0}, n;
    char id[32];
    assert_true(br_period_parse(from, &p));
    br_period_next(&p, &n, id, sizeof id);
    assert_string_equal(id, to);
    br_period check = {0};
    assert_true(br_period_parse(id, &check));
    assert_int_equal(br_date_compare(n.end, check.end), 0);
}

static void next_period_rolls_over_years(void **state)
{
    (void)state;
    assert_next("2019/20 Q2", "2019/20 Q3");
    assert_next("2019/20 Q4", "2020/21 Q1");
    assert_next("1999/00 Q4", "2000/01 Q1");
    assert_next("2015-12", "2016-01");
    assert_next("2015-01", "2015-02");
    assert_next("2019/20", "2020/21");
}

static void assert_guess(const char *written, const char *meant)
{
    char id[32];
    assert_true(br_period_guess(written, id, sizeof id));
    assert_string_equal(id, meant);
}

static void misordered_periods_are_guessed(void **state)
{
    (void)state;
    assert_guess("Q4 2012/13", "2012/13 Q4");
    assert_guess("Q2 2019-20", "2019/20 Q2");
    assert_guess("2019-20 Q2", "2019/20 Q2");
    assert_guess("2019/2020 Q2", "2019/20 Q2");
    assert_guess("q2 2019/20", "2019/20 Q2");
    assert_guess("Qtr 2 2019/20", "2019/20 Q2");
    assert_guess("Quarter 3, 2019/20", "2019/20 Q3");
    assert_guess("12/2015", "2015-12");
    assert_guess("Dec 2015", "2015-12");
    assert_guess("2019-2020", "2019/20");
    char id[32];
    assert_false(br_period_guess("2019/20 Q2", id, sizeof id));   /* already right */
    assert_false(br_period_guess("2019/21 Q2", id, sizeof id));   /* years not consecutive */
    assert_false(br_period_guess("Q5 2019/20", id, sizeof id));
    assert_false(br_period_guess("next quarter", id, sizeof id));
    assert_false(br_period_guess("", id, sizeof id));
}

/* The paper's words for its periods (report.period_label): a quarter's
 * {q} and financial {year}, a month's {month} and calendar {year}; a year
 * as its id; a placeholder the period has not is refused, other braces
 * print as written; unlabelled, a period is named by its id. */
static void a_period_prints_by_the_papers_pattern(void **state)
{
    br_arena *a = br_arena_new();
    (void)state;
    br_period q, m, y;
    const char *bad;
    assert_true(br_period_parse("2012/13 Q4", &q) && br_period_parse("2012-08", &m) &&
                br_period_parse("2012/13", &y));
    q.id = "2012/13 Q4", m.id = "2012-08", y.id = "2012/13";
    assert_string_equal(br_format_period_label(a, &q, "Q{q} {year}", &bad), "Q4 2012/13");
    assert_string_equal(br_format_period_label(a, &q, "Quarter {q}, {year} {x}", &bad),
                        "Quarter 4, 2012/13 {x}");
    assert_string_equal(br_format_period_label(a, &m, "{month} {year}", &bad), "August 2012");
    assert_string_equal(br_format_period_label(a, &y, "Q{q} {year}", &bad), "2012/13");
    assert_null(br_format_period_label(a, &q, "{month} {year}", &bad));
    assert_string_equal(bad, "{month} {year}");
    assert_null(br_format_period_label(a, &m, "Q{q}", &bad));
    q.label = NULL;
    assert_string_equal(br_period_name(&q), "2012/13 Q4");
    q.label = "Q4 2012/13";
    assert_string_equal(br_period_name(&q), "Q4 2012/13");
    br_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_period_prints_by_the_papers_pattern),
        cmocka_unit_test(quarter_parses_with_year_and_number),
        cmocka_unit_test(quarter_ends_follow_the_financial_year),
        cmocka_unit_test(month_parses_and_ends_on_its_last_day),
        cmocka_unit_test(financial_year_parses_and_ends_in_march),
        cmocka_unit_test(parse_keeps_id_and_loc),
        cmocka_unit_test(malformed_periods_are_rejected),
        cmocka_unit_test(previous_is_the_period_before_in_the_list),
        cmocka_unit_test(year_ago_is_the_same_quarter_a_year_before),
        cmocka_unit_test(year_ago_of_a_month_is_the_same_month),
        cmocka_unit_test(date_parses_real_calendar_dates),
        cmocka_unit_test(impossible_dates_are_rejected),
        cmocka_unit_test(days_in_month_follows_gregorian_leap_years),
        cmocka_unit_test(dates_compare_by_year_month_day),
        cmocka_unit_test(next_period_rolls_over_years),
        cmocka_unit_test(misordered_periods_are_guessed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
