/* test_model.c — look-ups by key and the YAML names of enum values. */
#include "fixtures.h"

static br_report *keyed_report(br_arena *a)
{
    static const char *const ids[] = {"2019/20 Q1", "2019/20 Q2"};
    br_report *r = fx_report(a, ids, 2);
    fx_measure(r, "cp-second-time", BR_POLARITY_LOWER, BR_UNIT_PERCENT);
    fx_measure(r, "assessments", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    r->finance[0].id = "revenue-summary";
    r->nfinance = 1;
    static br_keyed_text people[] = {{.key = "JM", .text = "Jo Moxon"},
                                     {.key = "RS", .text = "Rob Smith"}};
    r->people = people;
    r->npeople = 2;
    static br_keyed_text notes[] = {{.key = "provisional", .text = "Provisional figure"}};
    r->footnotes = notes;
    r->nfootnotes = 1;
    return r;
}

static void look_ups_find_by_key(void **state)
{
    br_report *r = keyed_report(*state);
    assert_ptr_equal(br_report_measure(r, "assessments"), &r->measures[1]);
    assert_ptr_equal(br_report_finance(r, "revenue-summary"), &r->finance[0]);
    assert_string_equal(br_report_person(r, "RS")->text, "Rob Smith");
    assert_string_equal(br_report_footnote(r, "provisional")->text, "Provisional figure");
    assert_int_equal(br_report_period_index(r, "2019/20 Q2"), 1);
}

static void look_ups_of_absent_keys_give_none(void **state)
{
    br_report *r = keyed_report(*state);
    assert_null(br_report_measure(r, "nosuch"));
    assert_null(br_report_measure(r, NULL));
    assert_null(br_report_finance(r, "capital"));
    assert_null(br_report_person(r, "jm"));
    assert_null(br_report_footnote(r, "x"));
    assert_true(br_report_period_index(r, "2019/20 Q3") == BR_NONE);
}

/* Measures in file order: objectives B, A, B, none, A. */
static br_report *objective_report(br_arena *a)
{
    br_report *r = keyed_report(a);
    r->measures[0].objective = "B";
    r->measures[1].objective = "A";
    fx_measure(r, "third", BR_POLARITY_HIGHER, BR_UNIT_NUMBER)->objective = "B";
    fx_measure(r, "fourth", BR_POLARITY_HIGHER, BR_UNIT_NUMBER);
    fx_measure(r, "assessments", BR_POLARITY_HIGHER, BR_UNIT_NUMBER)->objective = "A";
    r->milestones[0].id = "M1";
    r->milestones[0].objective = "A";
    r->nmilestones = 1;
    br_report_index(r);
    return r;
}

static void index_gives_an_objectives_items_in_file_order(void **state)
{
    br_report *r = objective_report(*state);
    const br_key_index *first;
    assert_int_equal(br_key_range(r->measure_objectives, r->nmeasure_objectives, "A", &first), 2);
    assert_int_equal(first[0].index, 1);
    assert_int_equal(first[1].index, 4);
    assert_int_equal(br_key_range(r->measure_objectives, r->nmeasure_objectives, "B", &first), 2);
    assert_int_equal(first[0].index, 0);
    assert_int_equal(first[1].index, 2);
    assert_int_equal(br_key_range(r->measure_objectives, r->nmeasure_objectives, "C", &first), 0);
    assert_int_equal(br_key_range(r->measure_objectives, r->nmeasure_objectives, "", &first), 0);
    assert_int_equal(r->nmeasure_objectives, 4);    /* "fourth" has none */
    assert_int_equal(br_key_range(r->milestone_objectives, r->nmilestone_objectives, "A", &first),
                     1);
    assert_int_equal(br_key_range(r->milestone_ids, r->nmilestone_ids, "M1", &first), 1);
}

/* With the index a repeated id still finds its first measure, as a scan does. */
static void indexed_look_up_finds_the_first_of_a_repeated_id(void **state)
{
    br_report *r = objective_report(*state);
    assert_ptr_equal(br_report_measure(r, "assessments"), &r->measures[1]);
    assert_ptr_equal(br_report_measure(r, "fourth"), &r->measures[3]);
    assert_null(br_report_measure(r, "fifth"));
    assert_null(br_report_measure(r, NULL));
}

/* People, footnotes and objectives: through the index, the first of a
 * repeated key, as a scan finds it; and thousands of keys, each found. */
static void indexed_people_footnotes_and_objectives(void **state)
{
    br_arena *a = *state;
    br_report *r = keyed_report(a);
    enum { N = 5000 };
    br_keyed_text *notes = br_arena_calloc(a, N + 1, sizeof *notes);
    for (size_t i = 0; i < N; i++)
        notes[i] = (br_keyed_text){.key = br_arena_printf(a, "f%zu", (N - i) % 4000),
                                   .text = br_arena_printf(a, "note %zu", i)};
    r->footnotes = notes;
    r->nfootnotes = N;
    static br_keyed_text people[] = {{.key = "RS", .text = "first"}, {.key = "JM", .text = "Jo"},
                                     {.key = "RS", .text = "second"}};
    r->people = people;
    r->npeople = 3;
    static br_objective_entry entries[] = {{.id = "B"}, {.id = NULL}, {.id = "A"}, {.id = "B"}};
    r->objective_entries = entries;
    r->nobjective_entries = 4;
    br_report_index(r);
    assert_non_null(r->footnote_keys);
    assert_string_equal(br_report_person(r, "RS")->text, "first");
    assert_null(br_report_person(r, "rs"));
    for (size_t i = 0; i < 4000; i++) {
        char key[16];
        snprintf(key, sizeof key, "f%zu", i);
        const br_keyed_text *f = br_report_footnote(r, key);
        assert_non_null(f);
        assert_string_equal(f->key, key);
        assert_int_equal(f - notes, (N - i) % 4000);   /* the first of a key's two */
    }
    assert_null(br_report_footnote(r, "f4000"));
    assert_ptr_equal(br_report_objective_entry(r, "B"), &entries[0]);
    assert_ptr_equal(br_report_objective_entry(r, "A"), &entries[2]);
    assert_null(br_report_objective_entry(r, "C"));
    assert_null(br_report_objective_entry(r, NULL));
}

static void empty_index_finds_nothing(void **state)
{
    (void)state;
    const br_key_index *first;
    assert_int_equal(br_key_range(NULL, 0, "A", &first), 0);
    br_key_index one[] = {{"A", 0}};
    assert_int_equal(br_key_range(one, 1, NULL, &first), 0);
}

static void polarity_unit_and_frequency_names(void **state)
{
    (void)state;
    assert_string_equal(br_polarity_name(BR_POLARITY_HIGHER), "higher");
    assert_string_equal(br_polarity_name(BR_POLARITY_LOWER), "lower");
    assert_string_equal(br_polarity_name(BR_POLARITY_RANGE), "range");
    assert_string_equal(br_polarity_name(BR_POLARITY_NONE), "none");
    static const char *const units[] = {"number", "percent", "days", "weeks",
                                        "gbp", "gbp_k", "gbp_m", "ratio"};
    for (int u = BR_UNIT_NUMBER; u <= BR_UNIT_RATIO; u++)
        assert_string_equal(br_unit_name((br_unit)u), units[u]);
    assert_string_equal(br_unit_name(BR_UNIT_PERCENT), "percent");
    assert_string_equal(br_frequency_name(BR_FREQ_MONTHLY), "monthly");
    assert_string_equal(br_frequency_name(BR_FREQ_QUARTERLY), "quarterly");
    assert_string_equal(br_frequency_name(BR_FREQ_ANNUAL), "annual");
    assert_string_equal(br_frequency_name(BR_FREQ_UNSET), "");
}

static void each_grey_status_exports_its_own_name(void **state)
{
    (void)state;
    assert_string_equal(br_status_name(BR_STATUS_GREEN), "green");
    assert_string_equal(br_status_name(BR_STATUS_AMBER), "amber");
    assert_string_equal(br_status_name(BR_STATUS_RED), "red");
    assert_string_equal(br_status_name(BR_STATUS_NO_DATA), "no_data");
    assert_string_equal(br_status_name(BR_STATUS_NO_TARGET), "no_target");
}

static void trend_and_milestone_status_names(void **state)
{
    (void)state;
    assert_string_equal(br_trend_name(BR_TREND_NONE), "none");
    assert_string_equal(br_trend_name(BR_TREND_IMPROVING), "improving");
    assert_string_equal(br_trend_name(BR_TREND_DECLINING), "declining");
    assert_string_equal(br_trend_name(BR_TREND_STABLE), "stable");
    assert_string_equal(br_trend_name(BR_TREND_VOLATILE), "volatile");
    assert_string_equal(br_trend_name(BR_TREND_INCREASING), "increasing");
    assert_string_equal(br_trend_name(BR_TREND_DECREASING), "decreasing");
    assert_string_equal(br_milestone_status_name(BR_MS_NOT_STARTED), "not_started");
    assert_string_equal(br_milestone_status_name(BR_MS_ON_TRACK), "on_track");
    assert_string_equal(br_milestone_status_name(BR_MS_AT_RISK), "at_risk");
    assert_string_equal(br_milestone_status_name(BR_MS_MISSED), "missed");
    assert_string_equal(br_milestone_status_name(BR_MS_COMPLETE), "complete");
}

static void section_type_names(void **state)
{
    (void)state;
    static const char *const names[] = {
        "front_sheet", "heading", "paragraphs", "objective", "measure_table",
        "milestone_table", "finance_table", "summary", "commentary", "table",
        "chart", "page_break", "profile", "columns", "column_break"};
    for (int t = 0; t < BR_SEC_COUNT; t++)
        assert_string_equal(br_section_type_name((br_section_type)t), names[t]);
}

static void out_of_range_values_do_not_crash(void **state)
{
    (void)state;
    assert_string_equal(br_status_name(BR_STATUS_COUNT), "?");
    assert_string_equal(br_trend_name((br_trend)-1), "?");
    assert_string_equal(br_section_type_name(BR_SEC_COUNT), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(look_ups_find_by_key),
        FX_TEST(look_ups_of_absent_keys_give_none),
        FX_TEST(index_gives_an_objectives_items_in_file_order),
        FX_TEST(indexed_look_up_finds_the_first_of_a_repeated_id),
        FX_TEST(indexed_people_footnotes_and_objectives),
        FX_TEST(empty_index_finds_nothing),
        FX_TEST(polarity_unit_and_frequency_names),
        FX_TEST(each_grey_status_exports_its_own_name),
        FX_TEST(trend_and_milestone_status_names),
        FX_TEST(section_type_names),
        FX_TEST(out_of_range_values_do_not_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
