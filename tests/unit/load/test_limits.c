/* test_limits.c — each named limit of br_limits.h, at and beyond its edge:
 * at the limit the report loads; one beyond, a clear error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_limits.h"
#include "br_report.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/br-limits-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    remove(path);
    return rmdir(dir);
}

static const char *const head =
    "report: {title: T, organisation: O, period: 2019/20 Q1, date: 2019-10-17}\n";

/* Writes report.yaml from a head, then `n` lines made by line(i), then a tail. */
static void write_report(const char *before, size_t n, void (*line)(FILE *, size_t),
                         const char *after)
{
    char path[128];
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(head, f);
    fputs(before, f);
    for (size_t i = 0; i < n; i++)
        line(f, i);
    fputs(after, f);
    fclose(f);
}

/* Loads the report; returns the number of errors whose text has `needle`. */
static size_t load_errors(const char *needle, size_t *errors)
{
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_report *r = br_report_load(dir, a, &d);
    if (r)
        br_report_check(r, &d);
    size_t hits = 0;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == BR_SEV_ERROR && strstr(d.items[i].message, needle))
            hits++;
    *errors = d.errors;
    br_arena_free(a);
    return hits;
}

static void measure_line(FILE *f, size_t i)
{
    fprintf(f, "- {id: m%zu, title: t, polarity: none, values: {}}\n", i);
}

static void measures_at_and_beyond_the_limit(void **state)
{
    (void)state;
    size_t errors;
    write_report("periods: [2019/20 Q1]\nsections: []\nmeasures:\n", BR_MAX_MEASURES, measure_line, "");
    assert_int_equal(load_errors("measures", &errors), 0);
    assert_int_equal(errors, 0);
    write_report("periods: [2019/20 Q1]\nsections: []\nmeasures:\n", BR_MAX_MEASURES + 1, measure_line, "");
    assert_int_equal(load_errors("more than 50000 measures", &errors), 1);
    assert_int_equal(errors, 1);
}

static void period_line(FILE *f, size_t i)
{
    /* from 2019-07, after 2019/20 Q1: periods run oldest first */
    fprintf(f, "%s%d-%02d", i ? ", " : "", 2019 + (int)((i + 6) / 12), (int)((i + 6) % 12) + 1);
}

static void periods_at_and_beyond_the_limit(void **state)
{
    (void)state;
    size_t errors;
    /* The report period must be listed: months only, so name the first. */
    write_report("sections: []\nperiods: [2019/20 Q1, ", BR_MAX_PERIODS - 1, period_line, "]\n");
    assert_int_equal(load_errors("periods", &errors), 0);
    assert_int_equal(errors, 0);
    write_report("sections: []\nperiods: [2019/20 Q1, ", BR_MAX_PERIODS, period_line, "]\n");
    assert_int_equal(load_errors("more than 240 periods", &errors), 1);
    assert_int_equal(errors, 1);
}

static void row_line(FILE *f, size_t i)
{
    fprintf(f, "      - [r%zu]\n", i);
}

static void table_rows_at_and_beyond_the_limit(void **state)
{
    (void)state;
    size_t errors;
    const char *before = "periods: [2019/20 Q1]\nsections:\n  - type: table\n    rows:\n";
    write_report(before, BR_MAX_ROWS, row_line, "");
    assert_int_equal(load_errors("rows", &errors), 0);
    assert_int_equal(errors, 0);
    write_report(before, BR_MAX_ROWS + 1, row_line, "");
    assert_int_equal(load_errors("more than 50000 rows in a table", &errors), 1);
    assert_int_equal(errors, 1);
}

static void cell_line(FILE *f, size_t i)
{
    fprintf(f, "%sc%zu", i ? ", " : "", i);
}

static void columns_at_and_beyond_the_limit(void **state)
{
    (void)state;
    size_t errors;
    const char *before = "periods: [2019/20 Q1]\nsections:\n  - type: table\n    rows:\n      - [";
    write_report(before, BR_MAX_COLUMNS, cell_line, "]\n");
    assert_int_equal(load_errors("cells", &errors), 0);
    assert_int_equal(errors, 0);
    write_report(before, BR_MAX_COLUMNS + 1, cell_line, "]\n");
    assert_int_equal(load_errors("more than 64 cells in a row", &errors), 1);
    assert_int_equal(errors, 1);
}

static void digit_line(FILE *f, size_t i)
{
    fputc('1' + (int)(i % 9), f);
}

/* A figure's significant digits: 15 load (every one prints), 16 is an
 * error naming the count, whatever the zeros around them. */
static void significant_digits_at_and_beyond_the_limit(void **state)
{
    (void)state;
    size_t errors;
    const char *before = "periods: [2019/20 Q1]\nsections: []\nmeasures:\n"
                         "- {id: m, title: t, polarity: higher, values: {}, target: 0.000";
    write_report(before, BR_MAX_SIGNIFICANT, digit_line, "00}\n");
    assert_int_equal(load_errors("significant", &errors), 0);
    assert_int_equal(errors, 0);
    write_report(before, BR_MAX_SIGNIFICANT + 1, digit_line, "00}\n");
    assert_int_equal(load_errors("has 16 significant digits", &errors), 1);
    assert_int_equal(errors, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(measures_at_and_beyond_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(periods_at_and_beyond_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(table_rows_at_and_beyond_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(columns_at_and_beyond_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(significant_digits_at_and_beyond_the_limit, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
