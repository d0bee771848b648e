/* test_milestone.c — a milestone's last due date, and when it is overdue
 * (spec §4). */
#include "fixtures.h"

#include "br_compute.h"

#include <string.h>

static const br_date sep_2012 = {2012, 9, 30};

static br_due dated(int y, int m, int d)
{
    return (br_due){.date = {y, m, d}, .text = "date"};
}

static br_due text(const char *s)
{
    return (br_due){.text = s};
}

static br_milestone milestone(br_due *due, size_t n, bool has_status, br_milestone_status s)
{
    return (br_milestone){.id = "A12", .due = due, .ndue = n, .has_status = has_status,
                          .status = s};
}

static void past_due_and_not_complete_is_overdue(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 6, 30)};
    br_milestone ms = milestone(due, 1, true, BR_MS_ON_TRACK);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

static void complete_is_never_overdue(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 6, 30)};
    br_milestone ms = milestone(due, 1, true, BR_MS_COMPLETE);
    assert_false(br_milestone_overdue(&ms, sep_2012));
}

static void no_status_counts_as_not_complete(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 6, 30)};
    br_milestone ms = milestone(due, 1, false, BR_MS_NOT_STARTED);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

/* A milestone the paper makes no judgement of is never overdue. */
static void not_reported_is_never_overdue(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 6, 30)};
    br_milestone ms = milestone(due, 1, true, BR_MS_NOT_REPORTED);
    assert_false(br_milestone_overdue(&ms, sep_2012));
}

static void due_on_the_period_end_is_not_overdue(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 9, 30)};
    br_milestone ms = milestone(due, 1, true, BR_MS_AT_RISK);
    assert_false(br_milestone_overdue(&ms, sep_2012));
    due[0] = dated(2012, 9, 29);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

static void the_latest_dated_entry_counts_whatever_its_place(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 5, 31), dated(2013, 3, 31), dated(2012, 7, 1)};
    br_milestone ms = milestone(due, 3, true, BR_MS_ON_TRACK);
    assert_false(br_milestone_overdue(&ms, sep_2012));
    due[1] = dated(2012, 8, 1);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

static void text_entries_do_not_count(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 6, 30), text("Monthly")};
    br_milestone ms = milestone(due, 2, true, BR_MS_ON_TRACK);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

static void no_dated_entry_is_never_overdue(void **state)
{
    (void)state;
    br_due due[] = {text("Completed & ongoing"), text("Monthly")};
    br_milestone ms = milestone(due, 2, true, BR_MS_MISSED);
    assert_false(br_milestone_overdue(&ms, sep_2012));
    ms.ndue = 0;
    assert_false(br_milestone_overdue(&ms, sep_2012));
}

static void missed_past_due_is_overdue(void **state)
{
    (void)state;
    br_due due[] = {dated(2011, 12, 31)};
    br_milestone ms = milestone(due, 1, true, BR_MS_MISSED);
    assert_true(br_milestone_overdue(&ms, sep_2012));
}

static void last_due_is_the_latest_dated_entry(void **state)
{
    (void)state;
    br_due due[] = {dated(2012, 5, 31), text("Monthly"), dated(2013, 1, 15), dated(2012, 12, 31)};
    br_milestone ms = milestone(due, 4, true, BR_MS_ON_TRACK);
    br_date last = br_milestone_last_due(&ms);
    assert_int_equal(last.year, 2013);
    assert_int_equal(last.month, 1);
    assert_int_equal(last.day, 15);
}

static void last_due_of_text_entries_only_is_none(void **state)
{
    (void)state;
    br_due due[] = {text("Monthly"), text("Completed & ongoing")};
    br_milestone ms = milestone(due, 2, true, BR_MS_ON_TRACK);
    br_date last = br_milestone_last_due(&ms);
    assert_int_equal(last.year, 0);
    ms.ndue = 0;
    assert_int_equal(br_milestone_last_due(&ms).year, 0);
}

/* The legend's place: the report's people_note over its template's; a
 * person no milestone leads is warned of unless the legend lists everyone. */
static void people_note_report_over_template_and_unused_person(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_keyed_text people[] = {{.key = "JM", .text = "Jo Moxon"}, {.key = "VL", .text = "Vicki Lawson"}};
    br_due due[] = {dated(2012, 6, 30)};
    br_milestone ms = milestone(due, 1, false, BR_MS_ON_TRACK);
    ms.lead = "JM";
    br_report r = {.people = people, .npeople = 2, .milestones = &ms, .nmilestones = 1};
    br_template t = {.people_note = BR_PEOPLE_NOTE_HEADING};
    assert_int_equal(br_people_note_of(&r, &t), BR_PEOPLE_NOTE_HEADING);
    br_check_people_printed(&r, &t, &d);
    assert_int_equal(d.warnings, 0);                /* VL is in the heading's note */
    r.has_people_note = true;
    r.people_note = BR_PEOPLE_NOTE_FIRST_USE;
    assert_int_equal(br_people_note_of(&r, &t), BR_PEOPLE_NOTE_FIRST_USE);
    br_check_people_printed(&r, &t, &d);
    assert_int_equal(d.warnings, 1);                /* VL leads nothing: printed nowhere */
    assert_non_null(strstr(d.items[0].message, "person 'VL'"));
    br_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(past_due_and_not_complete_is_overdue),
        cmocka_unit_test(complete_is_never_overdue),
        cmocka_unit_test(no_status_counts_as_not_complete),
        cmocka_unit_test(not_reported_is_never_overdue),
        cmocka_unit_test(due_on_the_period_end_is_not_overdue),
        cmocka_unit_test(the_latest_dated_entry_counts_whatever_its_place),
        cmocka_unit_test(text_entries_do_not_count),
        cmocka_unit_test(no_dated_entry_is_never_overdue),
        cmocka_unit_test(missed_past_due_is_overdue),
        cmocka_unit_test(last_due_is_the_latest_dated_entry),
        cmocka_unit_test(last_due_of_text_entries_only_is_none),
        cmocka_unit_test(people_note_report_over_template_and_unused_person),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
