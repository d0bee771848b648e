/* test_check.c — nothing the author wrote is left out silently: a field
 * stated on a shown measure or milestone that no table showing it prints,
 * and a selection key a section cannot apply, each warn; commentary is
 * selected by its ids and objective together. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_compute.h"
#include "br_report.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/br-check-XXXXXX");
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
    "report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}\n"
    "periods: [2019/20 Q2]\n"
    "people: {JM: \"Jo Moxon, Director\"}\n"
    "measures:\n"
    "  - {id: m1, title: One, polarity: higher, target: 9, values: {2019/20 Q2: 8}, "
    "comment: Rising., comparators: [{name: England, value: 7}]}\n"
    "milestones:\n"
    "  - {id: A1, objective: A, title: First, due: 2019-12-31, lead: JM, partners: Schools, "
    "progress: Going well., corrective_action: None needed., status: on-track}\n"
    "commentary:\n"
    "  - {id: c1, objective: A, title: About A, text: Words.}\n"
    "  - {id: c2, objective: B, title: About B, text: Words.}\n";

/* Checks a report.yaml of the texts given, one after another; the
 * warnings and errors, one per line. */
static char *check_text(const char *first, const char *second)
{
    char path[128];
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "%s%s", first, second);
    fclose(f);
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_report *r = br_report_load(dir, a, &d);
    assert_non_null(r);
    br_report_check(r, &d);
    static char out[8192];
    out[0] = '\0';
    for (size_t i = 0; i < d.count; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s: %s\n",
                 d.items[i].severity == BR_SEV_ERROR ? "error" : "warning", d.items[i].message);
    br_arena_free(a);
    return out;
}

/* Checks head + sections. */
static char *check(const char *sections)
{
    static char body[4096];
    snprintf(body, sizeof body, "sections:\n%s", sections);
    return check_text(head, body);
}

/* Two quarters, so a trend can be computed; measures as given, then
 * sections. */
static char *check_measures(const char *measures, const char *sections)
{
    static const char *const two =
        "report: {title: T, organisation: O, period: 2019/20 Q2}\n"
        "periods: [2019/20 Q1, 2019/20 Q2]\n";
    static char body[4096];
    snprintf(body, sizeof body, "%smeasures:\n%ssections:\n%s", two, measures, sections);
    return check_text(body, "");
}

/* A paper whose statuses and trends are all the author's (a plan's
 * hand-set RAGs) needs no polarity: nothing is judged from the figures. */
static void hand_set_statuses_need_no_polarity(void **state)
{
    (void)state;
    const char *out = check_measures(
        "  - {id: a, title: A, target: 9, status: red, values: {2019/20 Q2: 8}}\n"
        "  - {id: b, title: B, values: {2019/20 Q1: 7, 2019/20 Q2: 8}, trend: improving}\n"
        "  - {id: c, title: C, values: {2019/20 Q1: 7, 2019/20 Q2: TBD}}\n"
        "  - {id: d, title: D, target: 9, values: {2019/20 Q2: TBD}}\n",
        "  - {type: measure_table, columns: [title, value, target, status, trend]}\n"
        "  - {type: summary}\n");
    assert_null(strstr(out, "polarity"));
}

/* Each thing computed that needs it names itself, at the measure. */
static void what_needs_a_polarity_says_so(void **state)
{
    (void)state;
    const char *out = check_measures(
        "  - {id: a, title: A, target: 9, values: {2019/20 Q2: 8}}\n"
        "  - {id: r, title: R, range: [1, 9], values: {2019/20 Q2: 8}}\n",
        "  - {type: measure_table, columns: [title, value]}\n");
    assert_non_null(strstr(out, "error: measure 'a' has no polarity:, which its status (judged "
                                "against its target, as it states no status:) needs; add polarity: "
                                "higher (bigger is better), lower (smaller is better), range or "
                                "none (data only)"));
    assert_non_null(strstr(out, "error: measure 'r' has no polarity:, which its status (judged "
                                "against its range:"));
    assert_null(strstr(out, "'range' is only for"));
    out = check_measures("  - {id: a, title: A, status: red, values: {2019/20 Q2: 8}}\n",
                         "  - {type: measure_table, columns: [title, polarity]}\n");
    assert_non_null(strstr(out, "which the polarity column of a table that shows it needs"));
    out = check_measures("  - {id: a, title: A, target: 9, status: red, values: {2019/20 Q2: 8}}\n",
                         "  - {type: measure_table, columns: [title, value]}\n"
                         "  - {type: chart, kind: bullet, measure: a}\n");
    assert_non_null(strstr(out, "which the bullet chart that draws it against its target needs"));
    out = check_measures("  - {id: a, title: A, target: 9, status: red, values: {2019/20 Q2: 8}}\n",
                         "  - {type: measure_table, columns: [title, value]}\n"
                         "  - {type: chart, kind: line, measure: a}\n");
    assert_string_equal(out, "");
}

/* A trend is needed only where it is computed (two figures, no trend:)
 * and shown: a trend column, or a profile's direction of travel. */
static void a_shown_computed_trend_needs_a_polarity(void **state)
{
    (void)state;
    const char *two = "  - {id: a, title: A, objective: A, values: {2019/20 Q1: 7, 2019/20 Q2: 8}}\n";
    const char *out = check_measures(two, "  - {type: measure_table, columns: [title, trend]}\n");
    assert_non_null(strstr(out, "error: measure 'a' has no polarity:, which its trend (a table "
                                "that shows it has a trend column, and it states no trend:) needs"));
    out = check_measures("  - {id: a, title: A, values: {2019/20 Q2: 8}}\n",
                         "  - {type: measure_table, columns: [title, trend]}\n");
    assert_string_equal(out, "");   /* one figure: no trend to judge */
    out = check_measures(two, "  - {type: profile}\n  - {type: objective, id: A, title: Aim, "
                              "columns: [title, value]}\n");
    assert_non_null(strstr(out, "which the profile's direction of travel for objective 'A' (from "
                                "its measures' trends; this one states no trend:) needs"));
    out = check_measures(two, "  - {type: profile, columns: [objective, status]}\n"
                              "  - {type: objective, id: A, title: Aim, columns: [title, value]}\n");
    assert_null(strstr(out, "polarity"));
}

static void tables_with_every_column_drop_nothing(void **state)
{
    (void)state;
    const char *out = check(
        "  - {type: measure_table, columns: [title, value, comment, \"comparator:England\"]}\n"
        "  - {type: milestone_table}\n"
        "  - {type: commentary}\n");
    assert_string_equal(out, "");
}

static void a_comment_no_table_prints_warns(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, value, "
                            "\"comparator:England\"]}\n"
                            "  - {type: milestone_table}\n  - {type: commentary}\n");
    assert_non_null(strstr(out, "warning: measure 'm1' sets comment:, but no table that shows it "
                                "has a 'comment' column"));
    assert_null(strstr(out, "comparator 'England'"));
}

static void a_comparator_no_table_prints_warns(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, value, comment]}\n"
                            "  - {type: milestone_table}\n  - {type: commentary}\n");
    assert_non_null(strstr(out, "warning: measure 'm1' has the comparator 'England', but no table "
                                "that shows it has a 'comparator:England' column"));
}

/* A second table that prints the field is enough. */
static void any_table_that_prints_the_field_is_enough(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, value]}\n"
                            "  - {type: measure_table, columns: [title, comment, "
                            "\"comparator:England\"]}\n"
                            "  - {type: milestone_table, columns: [title, due, status]}\n"
                            "  - {type: milestone_table, columns: [lead, partners, progress, "
                            "corrective_action]}\n  - {type: commentary}\n");
    assert_string_equal(out, "");
}

static void milestone_fields_no_table_prints_warn(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, comment, "
                            "\"comparator:England\"]}\n"
                            "  - {type: milestone_table, columns: [title, due]}\n"
                            "  - {type: commentary}\n");
    static const char *const fields[] = {"lead", "partners", "progress", "corrective_action",
                                         "status"};
    for (size_t i = 0; i < 5; i++) {
        char want[160];
        snprintf(want, sizeof want, "milestone 'A1' sets %s:, but no table that shows it has a "
                 "'%s' column", fields[i], fields[i]);
        assert_non_null(strstr(out, want));
    }
    assert_null(strstr(out, "sets title:"));
    assert_null(strstr(out, "sets due:"));
}

/* An objective section's milestones print in its milestone_columns. */
static void an_objectives_milestone_columns_count(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, comment, "
                            "\"comparator:England\"]}\n"
                            "  - {type: objective, id: A, title: Aim, milestone_columns: "
                            "[title, due, status]}\n  - {type: commentary}\n");
    assert_non_null(strstr(out, "milestone 'A1' sets lead:"));
    assert_non_null(strstr(out, "(an objective's milestone_columns:)"));
}

static void kind_on_a_milestone_table_and_group_on_commentary_warn(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, comment, "
                            "\"comparator:England\"]}\n"
                            "  - {type: milestone_table, kind: strategic}\n"
                            "  - {type: commentary, group: G, kind: strategic}\n");
    assert_non_null(strstr(out, "warning: a milestone table selects by objective, group and ids, "
                                "and milestones have no kind, so 'kind: strategic' is ignored"));
    assert_non_null(strstr(out, "warning: a commentary section selects by objective and ids, and "
                                "commentary entries have no group, so 'group: G' is ignored"));
    assert_non_null(strstr(out, "commentary entries have no kind, so 'kind: strategic' is "
                                "ignored"));
}

/* ids and objective together pick the entries that match both: c1 is of
 * objective A, so ids: [c1] with objective: B shows nothing, and c1 is
 * in no commentary section. */
static void commentary_ids_and_objective_both_apply(void **state)
{
    (void)state;
    const char *out = check("  - {type: measure_table, columns: [title, comment, "
                            "\"comparator:England\"]}\n"
                            "  - {type: milestone_table}\n"
                            "  - {type: commentary, ids: [c1, c2], objective: B}\n");
    const char *first = strstr(out, "warning: this commentary entry is in no commentary section");
    assert_non_null(first);
    assert_null(strstr(first + strlen("warning: this commentary entry is in no"), "in no commentary"));   /* c2 is shown */
}

/* A display: that reads as a figure must be the one judged: "5%" beside
 * a status judged on 19 warns; words ("19% (est.)", "≤10%") do not. */
static void a_display_showing_another_figure_warns(void **state)
{
    (void)state;
    const char *out = check_measures(
        "  - {id: a, title: A, unit: percent, polarity: lower, values: {2019/20 Q2: 19},\n"
        "     target: {value: 10, display: \"25%\"}, tolerance: 15, display: \"5%\"}\n"
        "  - {id: b, title: B, unit: percent, polarity: lower, values: {2019/20 Q2: 19},\n"
        "     target: {value: 10, display: \"≤10%\"}, tolerance: 15, display: \"19% (est.)\"}\n",
        "  - {type: measure_table, columns: [title, value, target, status]}\n");
    assert_string_equal(out, "warning: measure 'a' prints '5%' for its 2019/20 Q2 value, which reads "
                             "as 5, but the figure that drives its status is 19; make display: show "
                             "it, or give the figure itself\n"
                             "warning: measure 'a' prints '25%' for its target, which reads as 25, "
                             "but the figure that drives its status is 10; make display: show it, or "
                             "give the figure itself\n");
}

/* kinds: and objectives: print only through what uses them (people: by
 * the template's people_note: test_milestone.c). */
static void unused_kinds_and_objectives_warn(void **state)
{
    (void)state;
    const char *out = check_measures(
        "  - {id: a, title: A, kind: strategic, status: red, values: {2019/20 Q2: 8}}\n"
        "people: {JM: Jo Moxon}\n"
        "kinds: {strategic: Strategic KPIs, contractual: Contractual KPIs}\n"
        "objectives: [{id: A, title: Aim}]\n",
        "  - {type: measure_table, columns: [title, status]}\n");
    assert_string_equal(out, "warning: kind 'contractual' under kinds: is no measure's kind, so its "
                             "label prints nowhere; remove it, or correct the key\n"
                             "warning: objectives: states 1 objective, but the paper has no profile "
                             "section, which is where they print; add {type: profile} to sections:, "
                             "or remove objectives:\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(tables_with_every_column_drop_nothing),
        T(a_comment_no_table_prints_warns),
        T(a_comparator_no_table_prints_warns),
        T(any_table_that_prints_the_field_is_enough),
        T(milestone_fields_no_table_prints_warn),
        T(an_objectives_milestone_columns_count),
        T(kind_on_a_milestone_table_and_group_on_commentary_warn),
        T(commentary_ids_and_objective_both_apply),
        T(hand_set_statuses_need_no_polarity),
        T(what_needs_a_polarity_says_so),
        T(a_shown_computed_trend_needs_a_polarity),
        T(a_display_showing_another_figure_warns),
        T(unused_kinds_and_objectives_warn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
