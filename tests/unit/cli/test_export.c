/* test_export.c — the CSV tables of `export`: formula guard, byte order
 * mark, the long values table, unknown tables. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "br_export.h"

/* The CSV of table (table NULL: the JSON), as a string in the arena (NULL
 * when refused). */
static char *csv_of(br_report *r, const char *table, bool bom)
{
    br_template t;
    br_template_default(&t);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    bool ok = true;
    if (table)
        ok = br_export_csv_table(r, &t, table, bom, f);
    else
        br_export_json(r, &t, f);
    fclose(f);
    char *copy = ok ? br_arena_strdup(r->arena, buf) : NULL;
    free(buf);
    return copy;
}

static br_report *two_measures(br_arena *a)
{
    br_report *r = fx_report_six_quarters(a);
    r->title = "Q2 paper";
    r->version = 2;
    br_measure *m = fx_measure(r, "cost", BR_POLARITY_LOWER, BR_UNIT_GBP_K);
    m->title = "=HYPERLINK(\"http://x\")";
    m->group = "-";                      /* a dash: not a formula */
    m->comment = "@SUM(A1:A9)";
    m->values[4] = fx_num(-3458);
    m->values[5] = fx_text("+TBD");
    br_measure *n = fx_measure(r, "visits", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    n->values[5] = fx_num(91.5);
    n->notes[5] = "Provisional, as at 30 September";
    return r;
}

static void formula_like_text_is_quoted_as_text(void **state)
{
    char *csv = csv_of(two_measures(*state), "measures", false);
    assert_non_null(strstr(csv, "\"'=HYPERLINK(\"\"http://x\"\")\""));
    assert_non_null(strstr(csv, "\"'@SUM(A1:A9)\""));
    assert_non_null(strstr(csv, "\"'+TBD\""));
    assert_non_null(strstr(csv, ",-3458,"));         /* a number is never guarded */
    assert_null(strstr(csv, "'-"));                  /* nor a lone dash */
}

static void bom_only_when_asked(void **state)
{
    br_report *r = two_measures(*state);
    assert_memory_equal(csv_of(r, "values", true), "\xEF\xBB\xBF" "report,", 10);
    assert_memory_equal(csv_of(r, "values", false), "report,", 7);
}

static size_t lines(const char *s)
{
    size_t n = 0;
    for (; (s = strstr(s, "\r\n")) != NULL; s += 2)
        n++;
    return n;
}

/* A row per period with a value or a note, and the report period always:
 * cost has Q1 and Q2 2019/20, visits Q2 only. */
static void values_table_has_a_row_per_measure_and_period(void **state)
{
    char *csv = csv_of(two_measures(*state), "values", false);
    assert_int_equal(lines(csv), 1 + 2 + 1);
    /* a text figure goes to value_text, never value; the report period's
     * row says so and carries the status */
    assert_non_null(strstr(csv, "2019/20 Q2,2019-09-30,true,cost,"));
    assert_non_null(strstr(csv, ",gbp_k,,\"'+TBD\","));
    assert_non_null(strstr(csv, "2019/20 Q1,2019-06-30,false,cost,"));
    assert_non_null(strstr(csv, ",percent,91.5,,"));
    assert_non_null(strstr(csv, "\"Provisional, as at 30 September\""));
    assert_non_null(strstr(csv, "Q2 paper,2019/20 Q2,2,"));
}

static void unknown_table_writes_nothing(void **state)
{
    br_report *r = two_measures(*state);
    assert_null(csv_of(r, "measure", false));
    assert_false(br_export_table_known("measure"));
    assert_true(br_export_table_known("finance"));
}

static void every_table_has_a_header(void **state)
{
    br_report *r = two_measures(*state);
    static const char *const tables[] = {"measures", "values", "milestones", "finance",
                                         "objectives", "report"};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char *csv = csv_of(r, tables[i], false);
        assert_non_null(csv);
        assert_true(lines(csv) >= 1);
    }
}

/* Text is exported as the paper prints it: no markup, no footnote marks;
 * JSON names the notes an item refers to, each once, in order. */
static void text_is_exported_as_printed_and_notes_as_notes(void **state)
{
    br_report *r = two_measures(*state);
    br_measure *m = &r->measures[1];
    m->title = "*Looked after* children[^lac]";
    m->comment = "Up on last year [^prov] and \\*not\\* italic[^lac] ";
    m->values[5] = fx_text("TBD[^dfe]");
    char *csv = csv_of(r, "measures", false);
    assert_non_null(strstr(csv, ",Looked after children,"));
    assert_non_null(strstr(csv, "Up on last year  and *not* italic"));
    assert_null(strstr(csv, "[^"));
    char *buf = csv_of(r, NULL, false);
    assert_non_null(strstr(buf, "\"title\":\"Looked after children\""));
    assert_non_null(strstr(buf, "\"footnotes\":[\"lac\",\"dfe\",\"prov\"]"));
    assert_null(strstr(buf, "[^"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(formula_like_text_is_quoted_as_text),
        FX_TEST(bom_only_when_asked),
        FX_TEST(values_table_has_a_row_per_measure_and_period),
        FX_TEST(unknown_table_writes_nothing),
        FX_TEST(every_table_has_a_header),
        FX_TEST(text_is_exported_as_printed_and_notes_as_notes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
