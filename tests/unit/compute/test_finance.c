/* test_finance.c — net, variance, totals and given totals (spec §5). */
#include "fixtures.h"

#include <string.h>

#include "br_compute.h"

static br_loc at(int line)
{
    return (br_loc){"finance.yaml", line, 5};
}

/* A figure as the loader stores one written in the YAML. */
static void set(br_fin_amount *a, double v, int line)
{
    *a = (br_fin_amount){.set = true, .given = true, .value = v, .decimals = 0, .loc = at(line)};
}

/* A row of budget and forecast gross and income, as the paper prints them. */
static void gross_income(br_fin_row *row, const char *label, double bg, double bi, double fg,
                         double fi, int line)
{
    row->label = label;
    row->loc = at(line);
    set(&row->amounts[BR_FIN_BUDGET][BR_FIN_GROSS], bg, line + 1);
    set(&row->amounts[BR_FIN_BUDGET][BR_FIN_INCOME], bi, line + 1);
    set(&row->amounts[BR_FIN_FORECAST][BR_FIN_GROSS], fg, line + 2);
    set(&row->amounts[BR_FIN_FORECAST][BR_FIN_INCOME], fi, line + 2);
}

static br_finance *finance(br_arena *a, size_t nrows)
{
    br_finance *f = br_arena_calloc(a, 1, sizeof *f);
    f->id = "revenue-summary";
    f->loc = at(1);
    f->units = BR_UNIT_GBP_K;
    f->rows = br_arena_calloc(a, nrows, sizeof *f->rows);
    f->nrows = nrows;
    f->total_label = "Grand Total";
    return f;
}

/* The 2019/20 Cabinet paper's revenue table (rows "Children Looked After" to
 * "Support Services and Management Costs"), gross and income as printed. */
static br_finance *cabinet_table(br_arena *a)
{
    br_finance *f = finance(a, 8);
    gross_income(&f->rows[0], "Children Looked After", 32483, -3458, 31655, -3704, 10);
    gross_income(&f->rows[1], "Other Children and Family Services", 1876, 0, 1795, 0, 20);
    gross_income(&f->rows[2], "Family Support Services", 2671, 0, 2553, -3, 30);
    gross_income(&f->rows[3], "Youth Justice", 2102, 0, 1973, 0, 40);
    gross_income(&f->rows[4], "Safeguarding Children and Young People's Services", 12841, -115,
                 13337, -99, 50);
    gross_income(&f->rows[5], "Services for Young People", 560, 0, 467, 0, 60);
    gross_income(&f->rows[6], "Contract Value", 0, -51642, 0, -51765, 70);
    gross_income(&f->rows[7], "Support Services and Management Costs", 4747, -2066, 4630, -1946,
                 80);
    return f;
}

static void assert_amount(const br_fin_amount *a, double v)
{
    assert_true(a->set);
    assert_double_equal(a->value, v, 1e-9);
}

/* Budget, forecast and variance for gross, income and net (the actual
 * column is not written in these tables). */
static void assert_row(const br_fin_amount am[BR_FIN_NCOLS][BR_FIN_NSPLITS], const double v[9])
{
    for (int c = BR_FIN_BUDGET; c <= BR_FIN_VARIANCE; c++)
        for (int s = BR_FIN_GROSS; s <= BR_FIN_NET; s++)
            assert_amount(&am[c][s], v[c * 3 + s]);
}

static void cabinet_rows_get_net_and_variance(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    br_finance_compute(f, &d);
    /* By hand from the printed gross and income; the paper prints 29,024 and
     * 1,073 for Children Looked After because its own figures were rounded. */
    static const double expect[8][9] = {
        {32483, -3458, 29025, 31655, -3704, 27951, 828, 246, 1074},
        {1876, 0, 1876, 1795, 0, 1795, 81, 0, 81},
        {2671, 0, 2671, 2553, -3, 2550, 118, 3, 121},
        {2102, 0, 2102, 1973, 0, 1973, 129, 0, 129},
        {12841, -115, 12726, 13337, -99, 13238, -496, -16, -512},
        {560, 0, 560, 467, 0, 467, 93, 0, 93},
        {0, -51642, -51642, 0, -51765, -51765, 0, 123, 123},
        {4747, -2066, 2681, 4630, -1946, 2684, 117, -120, -3},
    };
    for (size_t r = 0; r < 8; r++)
        assert_row((const br_fin_amount(*)[BR_FIN_NSPLITS])f->rows[r].amounts, expect[r]);
    assert_int_equal(d.warnings, 0);
}

static void cabinet_total_row_sums_the_rows(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    br_finance_compute(f, &d);
    /* The paper prints 57,281 -57,281 0 | 56,410 -57,517 -1,106 | 871 235
     * 1,106: five of the nine differ by 1 from the sum of its printed rows. */
    static const double expect[9] = {57280, -57281, -1, 56410, -57517, -1107, 870, 236, 1106};
    assert_row((const br_fin_amount(*)[BR_FIN_NSPLITS])f->total, expect);
}

/* Rows of 15 significant digits each print whole, but their total needs
 * 16 at their two places: an error, never a rounded figure (it printed
 * 30,000,000,000,000.00 under three rows of 9,999,999,999,999.99).
 * Three rows of one net budget figure of two places, computed; the errors. */
static size_t errors_of_three_rows(br_arena *a, double v)
{
    br_diags d;
    br_diags_init(&d, a);
    br_finance *f = finance(a, 3);
    for (size_t r = 0; r < 3; r++) {
        f->rows[r].label = "Row";
        set(&f->rows[r].amounts[BR_FIN_BUDGET][BR_FIN_NET], v, 10);
        f->rows[r].amounts[BR_FIN_BUDGET][BR_FIN_NET].decimals = 2;
    }
    br_finance_compute(f, &d);
    if (d.errors && !strstr(d.items[0].message, "16 significant digits"))
        fail_msg("%s", d.items[0].message);
    return d.errors;
}

static void a_total_of_more_digits_than_print_is_an_error(void **state)
{
    assert_int_equal(errors_of_three_rows(*state, 9999999999999.99), 1);
    assert_int_equal(errors_of_three_rows(*state, 999999999999.99), 0);
}

/* The paper's Grand Total is printed as given: each figure is within
 * rounding of the sum of its eight rows (half a unit per row), so there is
 * no warning, and the table carries the rounding footnote. */
static void cabinet_printed_grand_total_is_printed_with_the_rounding_note(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    static const double printed[9] = {57281, -57281, 0, 56410, -57517, -1106, 871, 235, 1106};
    for (int c = BR_FIN_BUDGET; c <= BR_FIN_VARIANCE; c++)
        for (int s = BR_FIN_GROSS; s <= BR_FIN_NET; s++)
            set(&f->given_total[c][s], printed[c * 3 + s], 100 + c * 3 + s);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(d.errors, 0);
    assert_true(f->rounding);
    assert_row((const br_fin_amount(*)[BR_FIN_NSPLITS])f->total, printed);
    static const double sums[9] = {57280, -57281, -1, 56410, -57517, -1107, 870, 236, 1106};
    assert_row((const br_fin_amount(*)[BR_FIN_NSPLITS])f->sum, sums);
}

static void given_total_beyond_rounding_warns_and_is_printed(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    set(&f->given_total[BR_FIN_BUDGET][BR_FIN_GROSS], 57300, 100);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].message,
                        "given_total budget gross 57300 differs from the sum of the rows, 57280, "
                        "by more than rounding (half a unit for each of 8 rows); the given figure "
                        "is printed");
    assert_int_equal(d.items[0].loc.line, 100);
    assert_amount(&f->total[BR_FIN_BUDGET][BR_FIN_GROSS], 57300);
    assert_false(f->rounding);
}

/* The paper prints 29,024 for 32,483 - 3,458 = 29,025: its own rounding. */
static void given_net_within_rounding_is_printed_with_the_note(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 29024, 12);
    set(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], 1073, 13);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 0);
    assert_true(f->rounding);
    assert_amount(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 29024);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], 1073);
}

static void given_net_beyond_rounding_warns_and_is_printed(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 29020, 12);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].message,
                        "budget net 29020 differs from gross + income = 29025 by more than "
                        "rounding; the given figure is printed");
    assert_int_equal(d.items[0].loc.line, 12);
    assert_amount(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 29020);
    /* The variance is computed from the printed figures. */
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], 1069);
}

/* The 2012/13 profile prints a variance with no forecast at all. */
static void given_variance_without_forecast_is_kept(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 6255, 2);
    set(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], -2730, 3);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 0);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], -2730);
    assert_amount(&f->total[BR_FIN_VARIANCE][BR_FIN_NET], -2730);
}

static void given_net_that_agrees_is_silent_and_keeps_its_place(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    set(&f->rows[1].amounts[BR_FIN_FORECAST][BR_FIN_NET], 1795, 24);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(f->rows[1].amounts[BR_FIN_FORECAST][BR_FIN_NET].loc.line, 24);
    /* A computed net points at its row. */
    assert_int_equal(f->rows[1].amounts[BR_FIN_BUDGET][BR_FIN_NET].loc.line, 20);
}

static void given_net_agrees_within_half_a_unit_of_its_last_place(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 2);
    br_fin_amount *a = f->rows[0].amounts[BR_FIN_BUDGET];
    set(&a[BR_FIN_GROSS], 10.25, 2);
    a[BR_FIN_GROSS].decimals = 2;
    set(&a[BR_FIN_INCOME], -0.1, 2);
    a[BR_FIN_INCOME].decimals = 1;
    set(&a[BR_FIN_NET], 10.2, 2);     /* 10.15 to one place, half up: agrees */
    a[BR_FIN_NET].decimals = 1;
    br_fin_amount *b = f->rows[1].amounts[BR_FIN_BUDGET];
    set(&b[BR_FIN_GROSS], 10.25, 3);
    b[BR_FIN_GROSS].decimals = 2;
    set(&b[BR_FIN_INCOME], -0.1, 3);
    b[BR_FIN_INCOME].decimals = 1;
    set(&b[BR_FIN_NET], 10.3, 3);     /* 0.15 away: beyond two half-units of 0.05 */
    b[BR_FIN_NET].decimals = 1;
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 1);
    assert_string_equal(d.items[0].message,
                        "budget net 10.3 differs from gross + income = 10.15 by more than "
                        "rounding; the given figure is printed");
    assert_amount(&a[BR_FIN_NET], 10.2);
    assert_int_equal(a[BR_FIN_NET].decimals, 1);
    assert_false(f->rounding);
}

static void net_alone_is_kept(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 500, 2);
    set(&f->rows[0].amounts[BR_FIN_FORECAST][BR_FIN_NET], 520, 3);
    br_finance_compute(f, &d);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], -20);
    assert_false(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_GROSS].set);
    assert_false(f->total[BR_FIN_BUDGET][BR_FIN_GROSS].set);
    assert_amount(&f->total[BR_FIN_VARIANCE][BR_FIN_NET], -20);
}

static void overspend_positive_is_forecast_minus_budget(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    f->sign = BR_SIGN_OVERSPEND_POSITIVE;
    br_finance_compute(f, &d);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_GROSS], -828);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], -1074);
    assert_amount(&f->total[BR_FIN_VARIANCE][BR_FIN_NET], -1106);
}

/* A written figure of d places (the loader keeps them). */
static void set_places(br_fin_amount *a, double v, int places, int line)
{
    set(a, v, line);
    a->decimals = places;
}

/* The variance as a percentage of the budget: of its net by default, of
 * its gross with percent_of: gross; the total's its own share, never a sum
 * of the rows' percents. */
static void variance_percent_is_a_share_of_the_budget(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    br_finance_compute(f, &d);
    const br_fin_amount *p = &f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_PERCENT];
    assert_true(p->set);
    assert_int_equal(p->decimals, 1);
    assert_double_equal(p->value, 1074.0 / 29025.0 * 100.0, 1e-9);     /* of the net */
    f->percent_of_gross = true;
    br_finance_compute(f, &d);
    assert_double_equal(p->value, 1074.0 / 32483.0 * 100.0, 1e-9);
    /* the total's: its own variance of its own budget (the rows' gross
     * sum to 57,280), never the sum of the rows' percents */
    assert_double_equal(f->total[BR_FIN_VARIANCE][BR_FIN_PERCENT].value,
                        1106.0 / 57280.0 * 100.0, 1e-9);
    assert_int_equal(d.count, 0);
}

static void a_written_percent_is_printed_and_checked(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    f->total_label = NULL;
    f->units = BR_UNIT_GBP_M;
    f->sign = BR_SIGN_OVERSPEND_POSITIVE;
    f->percent_of_gross = true;
    br_fin_amount *a = f->rows[0].amounts[0];
    (void)a;
    set_places(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_GROSS], 54.6, 1, 2);
    set_places(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 50.1, 1, 2);
    set_places(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], -1.1, 1, 3);
    set_places(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_PERCENT], -2.0, 1, 3);
    set_places(&f->rows[0].amounts[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_NET], -0.7, 1, 4);
    br_finance_compute(f, &d);
    /* -1.1 of 54.6 is -2.01%: the paper's -2.0 agrees */
    assert_double_equal(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_PERCENT].value, -2.0, 0);
    assert_int_equal(d.count, 0);
    /* of the net budget, 50.1, it would be -2.2%: beyond rounding, a warning */
    f->percent_of_gross = false;
    br_finance_compute(f, &d);
    assert_double_equal(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_PERCENT].value, -2.0, 0);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.items[0].message, "percentage of the net budget"));
    assert_true(br_finance_has_figure(BR_FIN_PREVIOUS_VARIANCE, BR_FIN_PERCENT));
    assert_false(br_finance_has_figure(BR_FIN_BUDGET, BR_FIN_PERCENT));
}

/* An earlier report's variance is written, never computed, and totalled. */
static void previous_variance_is_totalled(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = cabinet_table(*state);
    set(&f->rows[0].amounts[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_NET], 900, 12);
    set(&f->rows[4].amounts[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_NET], -400, 52);
    br_finance_compute(f, &d);
    assert_amount(&f->total[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_NET], 500);
    assert_false(f->rows[1].amounts[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_NET].set);
    assert_false(f->total[BR_FIN_PREVIOUS_VARIANCE][BR_FIN_PERCENT].set);
}

static void variance_needs_both_budget_and_forecast(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_GROSS], 100, 2);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_INCOME], -10, 2);
    set(&f->rows[0].amounts[BR_FIN_FORECAST][BR_FIN_NET], 80, 3);
    br_finance_compute(f, &d);
    assert_amount(&f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET], 10);
    assert_false(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_GROSS].set);
    assert_false(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_INCOME].set);
    assert_false(f->total[BR_FIN_FORECAST][BR_FIN_GROSS].set);
    assert_amount(&f->total[BR_FIN_BUDGET][BR_FIN_NET], 90);
}

static void heading_rows_are_left_out_of_totals(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 3);
    f->rows[0] = (br_fin_row){.label = "Children's Services", .heading = true};
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 999, 2);  /* ignored */
    gross_income(&f->rows[1], "A", 10, -1, 9, -1, 3);
    gross_income(&f->rows[2], "B", 20, -2, 22, -2, 6);
    br_finance_compute(f, &d);
    static const double expect[9] = {30, -3, 27, 31, -3, 28, -1, 0, -1};
    assert_row((const br_fin_amount(*)[BR_FIN_NSPLITS])f->total, expect);
    assert_false(f->rows[0].amounts[BR_FIN_VARIANCE][BR_FIN_NET].set);
}

static void given_total_with_no_rows_for_it_warns(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 5, 2);
    set(&f->given_total[BR_FIN_FORECAST][BR_FIN_NET], 7, 9);
    br_finance_compute(f, &d);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].loc.line, 9);
    assert_non_null(strstr(d.items[0].message, "given_total forecast net is 7"));
}

/* What reaches the export: figures the table prints or the author wrote;
 * a computed variance of a table with no variance column is not the
 * paper's. */
static void export_holds_printed_or_written_figures(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_finance *f = finance(*state, 1);
    f->flat = true;
    f->figures[0] = (br_fin_figure){BR_FIN_BUDGET, BR_FIN_NET};
    f->figures[1] = (br_fin_figure){BR_FIN_FORECAST, BR_FIN_NET};
    f->nfigures = 2;
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_GROSS], 100, 2);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_INCOME], -20, 2);
    set(&f->rows[0].amounts[BR_FIN_FORECAST][BR_FIN_NET], 90, 3);
    br_finance_compute(f, &d);
    const br_fin_amount(*a)[BR_FIN_NSPLITS] = f->rows[0].amounts;
    assert_true(br_finance_prints(f, BR_FIN_BUDGET, BR_FIN_NET));
    assert_false(br_finance_prints(f, BR_FIN_VARIANCE, BR_FIN_NET));
    assert_true(br_finance_exports(f, &a[BR_FIN_BUDGET][BR_FIN_GROSS], BR_FIN_BUDGET, BR_FIN_GROSS));
    assert_true(br_finance_exports(f, &a[BR_FIN_BUDGET][BR_FIN_NET], BR_FIN_BUDGET, BR_FIN_NET));
    assert_true(a[BR_FIN_VARIANCE][BR_FIN_NET].set);
    assert_false(br_finance_exports(f, &a[BR_FIN_VARIANCE][BR_FIN_NET], BR_FIN_VARIANCE, BR_FIN_NET));
    /* Not flat: every column of columns under every split of split. */
    f->flat = false;
    f->ncolumns = 1, f->columns[0] = BR_FIN_VARIANCE;
    f->nsplit = 1, f->split[0] = BR_FIN_NET;
    assert_true(br_finance_prints(f, BR_FIN_VARIANCE, BR_FIN_NET));
    assert_false(br_finance_prints(f, BR_FIN_VARIANCE, BR_FIN_GROSS));
}

/* variance_rag: false leaves a table's variances uncoloured, whatever the
 * template's thresholds. */
static void a_table_may_colour_no_variance(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_template t = {.variance_amber_percent = 1, .variance_red_percent = 5};
    br_finance *f = finance(*state, 1);
    set(&f->rows[0].amounts[BR_FIN_BUDGET][BR_FIN_NET], 1000, 2);
    set(&f->rows[0].amounts[BR_FIN_FORECAST][BR_FIN_NET], 1060, 3);
    br_finance_compute(f, &d);
    assert_int_equal(br_variance_status(f, f->rows[0].amounts, &t), BR_STATUS_RED);
    f->plain_variance = true;
    assert_int_equal(br_variance_status(f, f->rows[0].amounts, &t), BR_STATUS_NO_TARGET);
}

/* A source table: rows of (heading, label, budget net). */
static br_finance *source(br_arena *a, const char *id, const char *const *rows, const double *nets,
                          size_t n)
{
    br_finance *f = finance(a, n);
    f->id = id;
    f->total_label = NULL;
    for (size_t i = 0; i < n; i++) {
        f->rows[i].label = rows[i];
        f->rows[i].heading = nets[i] < 0;
        if (nets[i] >= 0)
            set(&f->rows[i].amounts[BR_FIN_BUDGET][BR_FIN_NET], nets[i], 10 + (int)i);
    }
    return f;
}

/* total_of: the same label under another group heading is another row, and
 * a row only a later table has is totalled too (with a warning that the
 * others lack it), never left out. */
static void totals_match_rows_by_heading_and_keep_every_row(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    static const char *const north_rows[] = {"Education", "Staffing", "Social care", "Staffing"};
    static const double north_nets[] = {-1, 100, -1, 500};
    static const char *const south_rows[] = {"Education", "Staffing", "Social care", "Staffing",
                                             "Delta"};
    static const double south_nets[] = {-1, 10, -1, 50, 3000};
    br_finance *north = source(*state, "north", north_rows, north_nets, 4);
    br_finance *south = source(*state, "south", south_rows, south_nets, 5);
    br_finance_compute(north, &d);
    br_finance_compute(south, &d);
    br_finance *t = br_arena_calloc(*state, 1, sizeof *t);
    t->id = "both";
    t->total_label = "Total";
    const br_finance *srcs[] = {north, south};
    t->sources = srcs;
    t->ntotal_of = 2;
    br_finance_add_sources(t, *state, &d);
    br_finance_compute(t, &d);
    assert_int_equal(t->nrows, 5);
    assert_string_equal(t->rows[3].label, "Staffing");
    assert_true(t->rows[1].amounts[BR_FIN_BUDGET][BR_FIN_NET].value == 110);
    assert_true(t->rows[3].amounts[BR_FIN_BUDGET][BR_FIN_NET].value == 550);
    assert_string_equal(t->rows[4].label, "Delta");
    assert_true(t->rows[4].amounts[BR_FIN_BUDGET][BR_FIN_NET].value == 3000);
    assert_true(t->total[BR_FIN_BUDGET][BR_FIN_NET].value == 3660);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.items[0].message, "row 'Delta'"));
}


/* A row's stated status is the row's status everywhere (its variance's
 * colour, the export); the computed one warns where the table prints the
 * variance it judges, unless status_reason says why.  A table that prints
 * no variance (a capital programme) shows no status but a stated one. */
static void a_stated_row_status_is_final_and_checked(void **state)
{
    br_diags d;
    br_diags_init(&d, *state);
    br_template t = {.variance_amber_percent = 1, .variance_red_percent = 5};
    br_finance *f = finance(*state, 3);
    f->flat = true;
    f->nfigures = 3;
    f->figures[0] = (br_fin_figure){BR_FIN_BUDGET, BR_FIN_NET};
    f->figures[1] = (br_fin_figure){BR_FIN_FORECAST, BR_FIN_NET};
    f->figures[2] = (br_fin_figure){BR_FIN_VARIANCE, BR_FIN_NET};
    const char *labels[] = {"Stated green, judged red", "Stated amber with a reason", "Unstated"};
    for (size_t i = 0; i < 3; i++) {
        f->rows[i].label = labels[i];
        set(&f->rows[i].amounts[BR_FIN_BUDGET][BR_FIN_NET], 1000, 2);
        set(&f->rows[i].amounts[BR_FIN_FORECAST][BR_FIN_NET], 1060, 3);
    }
    f->rows[0].has_status = true, f->rows[0].stated_status = BR_STATUS_GREEN;
    f->rows[0].status_loc = at(9);
    f->rows[1].has_status = true, f->rows[1].stated_status = BR_STATUS_AMBER;
    f->rows[1].status_reason = "agreed overspend";
    br_finance_compute(f, &d);
    br_finance_statuses(f, &t, &d);
    assert_true(f->status_column);
    assert_int_equal(f->rows[0].variance_status, BR_STATUS_GREEN);
    assert_int_equal(f->rows[0].computed_variance_status, BR_STATUS_RED);
    assert_int_equal(f->rows[1].variance_status, BR_STATUS_AMBER);
    assert_int_equal(f->rows[2].variance_status, BR_STATUS_RED);
    for (size_t i = 0; i < 3; i++)
        assert_true(f->rows[i].status_shown);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].loc.line, 9);
    assert_string_equal(d.items[0].message, "finance row 'Stated green, judged red' states green, "
                        "but its net variance -60 judges red by the template's thresholds; the "
                        "stated green is printed (add status_reason: to say why)");
    /* The same rows in a table that prints no variance: only the stated
     * statuses are shown, and a stated one is no contradiction. */
    br_diags_init(&d, *state);
    f->nfigures = 2;
    br_finance_statuses(f, &t, &d);
    assert_int_equal(d.warnings, 0);
    assert_true(f->rows[0].status_shown && f->rows[1].status_shown);
    assert_false(f->rows[2].status_shown);
    assert_false(f->total_status_shown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(cabinet_rows_get_net_and_variance),
        FX_TEST(cabinet_total_row_sums_the_rows),
        FX_TEST(cabinet_printed_grand_total_is_printed_with_the_rounding_note),
        FX_TEST(given_total_beyond_rounding_warns_and_is_printed),
        FX_TEST(a_total_of_more_digits_than_print_is_an_error),
        FX_TEST(given_net_within_rounding_is_printed_with_the_note),
        FX_TEST(given_net_beyond_rounding_warns_and_is_printed),
        FX_TEST(given_variance_without_forecast_is_kept),
        FX_TEST(given_net_that_agrees_is_silent_and_keeps_its_place),
        FX_TEST(given_net_agrees_within_half_a_unit_of_its_last_place),
        FX_TEST(net_alone_is_kept),
        FX_TEST(overspend_positive_is_forecast_minus_budget),
        FX_TEST(variance_percent_is_a_share_of_the_budget),
        FX_TEST(a_written_percent_is_printed_and_checked),
        FX_TEST(previous_variance_is_totalled),
        FX_TEST(variance_needs_both_budget_and_forecast),
        FX_TEST(heading_rows_are_left_out_of_totals),
        FX_TEST(given_total_with_no_rows_for_it_warns),
        FX_TEST(export_holds_printed_or_written_figures),
        FX_TEST(a_table_may_colour_no_variance),
        FX_TEST(totals_match_rows_by_heading_and_keep_every_row),
        FX_TEST(a_stated_row_status_is_final_and_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
