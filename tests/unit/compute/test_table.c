/* test_table.c — a generic table's width, which commentary a selection
 * picks and a measure's group key: rules that the checker, the summary and
 * the composer share. */
#include "fixtures.h"

#include "br_compute.h"

static br_trow row_of(br_arena *a, const int *spans, size_t n, const char *heading)
{
    br_trow row = {.heading = heading, .ncells = n};
    row.cells = br_arena_calloc(a, n ? n : 1, sizeof *row.cells);
    for (size_t i = 0; i < n; i++)
        row.cells[i].span = spans[i];
    return row;
}

static void width_is_the_first_header_rows_spans(void **state)
{
    br_arena *a = *state;
    br_trow header = row_of(a, (const int[]){2, 1, 3}, 3, NULL);
    br_trow body = row_of(a, (const int[]){1, 1}, 2, NULL);
    br_section s = {.header = &header, .nheader = 1, .rows = &body, .nrows = 1};
    assert_int_equal(br_table_columns(&s), 6);
    assert_int_equal(br_table_row_span(&body), 2);
}

static void without_a_header_the_first_body_row_counts(void **state)
{
    br_arena *a = *state;
    br_trow rows[3] = {row_of(a, NULL, 0, "A group heading"),
                       row_of(a, (const int[]){1, 2}, 2, NULL),
                       row_of(a, (const int[]){1, 1, 1, 1}, 4, NULL)};
    br_section s = {.rows = rows, .nrows = 3};
    assert_int_equal(br_table_columns(&s), 3);
}

static void an_empty_table_has_no_columns(void **state)
{
    br_arena *a = *state;
    br_trow heading = row_of(a, NULL, 0, "Only a heading");
    br_section empty = {0}, headings_only = {.rows = &heading, .nrows = 1};
    assert_int_equal(br_table_columns(&empty), 0);
    assert_int_equal(br_table_columns(&headings_only), 0);
}

/* ids and objective combine with AND, as for measures: the objective was
 * ignored beside ids, so an entry of another objective printed. */
static void commentary_by_ids_and_objective_takes_both(void **state)
{
    (void)state;
    const char *ids[] = {"b2", "a2"};
    br_selection by_ids = {.objective = FX_NAMES("A"), .ids = ids, .nids = 2};
    br_selection ids_only = {.ids = ids, .nids = 2};
    br_commentary b2 = {.id = "b2", .objective = "B"}, a1 = {.id = "a1", .objective = "A"};
    br_commentary a2 = {.id = "a2", .objective = "A"}, anonymous = {.objective = "A"};
    assert_false(br_selection_has_commentary(&by_ids, &b2));
    assert_true(br_selection_has_commentary(&by_ids, &a2));
    assert_false(br_selection_has_commentary(&by_ids, &a1));
    assert_false(br_selection_has_commentary(&by_ids, &anonymous));
    assert_true(br_selection_has_commentary(&ids_only, &b2));
    assert_false(br_selection_has_commentary(&ids_only, &a1));
}

static void commentary_by_objective_or_all(void **state)
{
    (void)state;
    br_selection by_objective = {.objective = FX_NAMES("A")}, all = {0};
    br_commentary a = {.objective = "A"}, b = {.objective = "B"}, none = {0};
    assert_true(br_selection_has_commentary(&by_objective, &a));
    assert_false(br_selection_has_commentary(&by_objective, &b));
    assert_false(br_selection_has_commentary(&by_objective, &none));
    assert_true(br_selection_has_commentary(&all, &b));
    assert_true(br_selection_has_commentary(&all, &none));
}

static void group_key_by_group_kind_or_objective(void **state)
{
    (void)state;
    br_measure m = {.group = "North", .kind = "strategic"};
    assert_string_equal(br_measure_group_key(&m, NULL), "North");
    assert_string_equal(br_measure_group_key(&m, "group"), "North");
    assert_string_equal(br_measure_group_key(&m, "kind"), "strategic");
    assert_null(br_measure_group_key(&m, "objective"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(width_is_the_first_header_rows_spans),
        FX_TEST(without_a_header_the_first_body_row_counts),
        FX_TEST(an_empty_table_has_no_columns),
        FX_TEST(commentary_by_ids_and_objective_takes_both),
        FX_TEST(commentary_by_objective_or_all),
        FX_TEST(group_key_by_group_kind_or_objective),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
