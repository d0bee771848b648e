/* test_profile.c — the performance profile as a council sets it: the
 * paper's own grid of RAG cells (risks in two cells, milestones as one
 * RAG cell or none), blanks where the data has nothing to count, and no
 * key row when the section says key: false. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_compose.h"
#include "br_report.h"
#include "../fixtures.h"
#include "compose_fixture.h"
#include "../../../src/compose/compose_int.h"

/* The paper composed from a report.yaml's text; its diagnostics in *d. */
static br_doc *compose_yaml(const char *yaml, br_arena *a, br_diags **d)
{
    return fx_compose_yaml(yaml, a, d, NULL);
}

static const br_table *profile_table(const br_doc *doc)
{
    for (size_t b = 0; doc && b < doc->nblocks; b++)
        if (doc->blocks[b].kind == BR_BLOCK_TABLE)
            return &doc->blocks[b].table;
    fail_msg("no table");
    return NULL;
}

/* A cell's words, its runs joined. */
static const char *words(br_arena *a, const br_cell *cell)
{
    const char *s = "";
    for (size_t i = 0; i < cell->text.nruns; i++)
        s = br_arena_printf(a, "%s%.*s", s, (int)cell->text.runs[i].len,
                            cell->text.runs[i].text ? cell->text.runs[i].text : "");
    return s;
}

/* Row i's cells as "a|b|c", counting the header rows first. */
static const char *row_text(br_arena *a, const br_table *t, size_t i)
{
    const br_row *row = i < t->nheader ? &t->header[i] : &t->rows[i - t->nheader];
    const char *s = "";
    for (size_t k = 0; k < row->ncells; k++)
        s = br_arena_printf(a, "%s%s%s", s, k ? "|" : "", words(a, &row->cells[k]));
    return s;
}

static const char *const head =
    "report: {title: T, period: 2012/13 Q4}\n"
    "periods: [2012/13 Q4]\n";

/* The 2012/13 profile's grid: one Milestones cell, measures G A R, the
 * risks in two cells (the "1*" first), no key under it. */
static void the_papers_grid_can_be_stated(void **state)
{
    br_arena *a = *state;
    br_diags *d;
    const char *yaml = br_arena_printf(a, "%s"
        "objectives:\n"
        "  - {id: A, title: Raise standards, milestone_status: amber,\n"
        "     measures: {green: 3, amber: 5, red: 3}, risks: {red: \"1*\", amber: 3}}\n"
        "  - {id: D, title: Whole system, measures: {}, risks: {amber: 1}}\n"
        "sections:\n"
        "  - type: profile\n"
        "    key: false\n"
        "    rag_order: [green, amber, red]\n"
        "    columns: [title, milestone_status, measures, {column: risks, rag: [red, amber]}]\n",
        head);
    br_doc *doc = compose_yaml(yaml, a, &d);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 0);
    const br_table *t = profile_table(doc);
    assert_int_equal(t->ncols, 1 + 1 + 3 + 2);
    assert_string_equal(row_text(a, t, 0), "|Measures|Risks");
    assert_string_equal(row_text(a, t, 1), "Objective|Milestones|G|A|R|R|A");
    assert_string_equal(row_text(a, t, 2), "Raise standards|In tolerance|3|5|3|1*|3");
    /* no milestones judged: a blank cell, not a status invented */
    assert_string_equal(row_text(a, t, 3), "Whole system||||||1");
    assert_int_equal(t->nrows, 2);      /* key: false: no key row */
}

/* Without key: false, the letters over the counts are named in a key. */
static void the_key_row_is_there_by_default(void **state)
{
    br_arena *a = *state;
    br_diags *d;
    const char *yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim, measures: {red: 1}}]\n"
        "sections: [{type: profile, columns: [title, measures]}]\n", head);
    const br_table *t = profile_table(compose_yaml(yaml, a, &d));
    assert_int_equal(t->nrows, 2);
    assert_non_null(strstr(row_text(a, t, 3), "Key:"));
}

/* An objective with no milestones (measures) in the data and nothing
 * stated has nothing counted: blank cells, not 0 0 0.  One with
 * milestones gets its counts, and its one Milestones cell by the status
 * rule (a missed one and an on-track one: amber). */
static void nothing_to_count_prints_blank(void **state)
{
    br_arena *a = *state;
    br_diags *d;
    const char *yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim}, {id: B, title: Other}]\n"
        "milestones:\n"
        "  - {id: m1, title: One, objective: A, due: 2013-06-30, status: on-track}\n"
        "  - {id: m2, title: Two, objective: A, due: 2013-06-30, status: at-risk}\n"
        "measures:\n"
        "  - {id: x, title: X, objective: A, values: {2012/13 Q4: 3}}\n"
        "sections:\n"
        "  - {type: profile, columns: [title, milestones, milestone_status, measures]}\n"
        "  - {type: milestone_table, objective: A}\n"
        "  - {type: measure_table, objective: A}\n", head);
    const br_table *t = profile_table(compose_yaml(yaml, a, &d));
    assert_int_equal(d->errors, 0);
    assert_string_equal(row_text(a, t, 2), "Aim|0|1|1|In tolerance|0|0|0");
    assert_string_equal(row_text(a, t, 3), "Other|||||||");
}

/* A count column's rag: that leaves out a RAG some objective has a
 * figure in would drop it: a warning naming it.  rag: on a column with no
 * RAG cells, or naming a RAG twice, is an error. */
static void a_dropped_cell_warns_and_a_wrong_rag_is_refused(void **state)
{
    br_arena *a = *state;
    br_diags *d;
    const char *yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim, risks: {green: \"2\", amber: 1}}]\n"
        "sections: [{type: profile, columns: [title, {column: risks, rag: [red, amber]}]}]\n",
        head);
    compose_yaml(yaml, a, &d);
    assert_int_equal(d->errors, 0);
    assert_int_equal(d->warnings, 1);
    assert_non_null(strstr(d->items[0].message, "prints no green cell, but objective 'A' has 2"));
    yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim, risks: \"2\"}]\n"
        "sections: [{type: profile, columns: [title, {column: risks, rag: [red]}]}]\n", head);
    compose_yaml(yaml, a, &d);
    assert_int_equal(d->warnings, 1);
    assert_non_null(strstr(d->items[0].message, "rag: does nothing"));
    yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim}]\n"
        "sections: [{type: profile, columns: [{column: status, rag: [red]},\n"
        "                                     {column: measures, rag: [red, red]}]}]\n", head);
    assert_null(compose_yaml(yaml, a, &d));
    assert_int_equal(d->errors, 2);
    assert_non_null(strstr(d->items[0].message, "the 'status' column has none"));
    assert_non_null(strstr(d->items[1].message, "names 'red' twice"));
}

/* A stated milestone_status the paper's milestones judge otherwise is
 * printed, and warned of. */
static void a_stated_milestone_status_is_checked(void **state)
{
    br_arena *a = *state;
    br_diags *d;
    const char *yaml = br_arena_printf(a, "%s"
        "objectives: [{id: A, title: Aim, milestone_status: green}]\n"
        "milestones: [{id: m1, title: One, objective: A, due: 2013-06-30, status: missed}]\n"
        "sections:\n"
        "  - {type: profile, columns: [title, milestone_status]}\n"
        "  - {type: milestone_table, objective: A}\n", head);
    const br_table *t = profile_table(compose_yaml(yaml, a, &d));
    assert_string_equal(row_text(a, t, 1), "Aim|Better than target");
    assert_int_equal(d->warnings, 1);
    assert_non_null(strstr(d->items[0].message, "milestone_status: green, but its milestones in "
                                                "this paper give red"));
}

int main(void)
{
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    const struct CMUnitTest tests[] = {
        FX_TEST(the_papers_grid_can_be_stated),
        FX_TEST(the_key_row_is_there_by_default),
        FX_TEST(nothing_to_count_prints_blank),
        FX_TEST(a_dropped_cell_warns_and_a_wrong_rag_is_refused),
        FX_TEST(a_stated_milestone_status_is_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
