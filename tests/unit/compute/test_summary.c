/* test_summary.c — selections, status counts and percentages adding to 100. */
#include "fixtures.h"

#include "br_compute.h"

#include <math.h>
#include <stdint.h>

static void paper_counts_give_percentages_adding_to_100(void **state)
{
    (void)state;
    /* The 2019/20 paper printed 17.8% for 5 of 28, and its row added up to
     * 99.9; largest remainder gives 17.9 and exactly 100.0. */
    const size_t counts[] = {4, 6, 11, 2, 5};
    double pct[5];
    br_percentages(counts, 5, 1, pct);
    assert_double_equal(pct[0], 14.3, 1e-12);
    assert_double_equal(pct[1], 21.4, 1e-12);
    assert_double_equal(pct[2], 39.3, 1e-12);
    assert_double_equal(pct[3], 7.1, 1e-12);
    assert_double_equal(pct[4], 17.9, 1e-12);
    double sum = pct[0] + pct[1] + pct[2] + pct[3] + pct[4];
    assert_double_equal(sum, 100.0, 1e-9);
}

/* Equal counts print equal percentages: one of three is 33.3% each (the
 * row then adds to 99.9), never 33.4 beside 33.3. */
static void equal_counts_get_equal_percentages(void **state)
{
    (void)state;
    const size_t counts[] = {1, 1, 1};
    double pct[3];
    br_percentages(counts, 3, 0, pct);
    assert_double_equal(pct[0], 33, 0);
    assert_double_equal(pct[1], 33, 0);
    assert_double_equal(pct[2], 33, 0);
    br_percentages(counts, 3, 1, pct);
    assert_double_equal(pct[0], 33.3, 1e-12);
    assert_double_equal(pct[1], 33.3, 1e-12);
    assert_double_equal(pct[2], 33.3, 1e-12);
    /* two tied counts with one unit to hand out: both round plainly */
    const size_t two[] = {1, 1, 0, 1, 3};
    double p2[5];
    br_percentages(two, 5, 0, p2);   /* 16.67 x 3, 50 */
    assert_double_equal(p2[0], 17, 0);
    assert_double_equal(p2[1], 17, 0);
    assert_double_equal(p2[3], 17, 0);
    assert_double_equal(p2[4], 50, 0);
}

/* Whatever the counts, equal counts get equal percentages, a larger
 * count never a smaller percentage, and a row without ties adds up to
 * exactly 100; with ties it misses by less than a unit per count. */
static void rounding_is_fair_over_many_rows(void **state)
{
    (void)state;
    uint64_t seed = 0x2545F4914F6CDD1Du;
    for (int round = 0; round < 20000; round++) {
        size_t n = 1 + round % 7, counts[7];
        double pct[7];
        for (size_t i = 0; i < n; i++) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            counts[i] = (size_t)(seed % (round % 3 ? 12 : 400));
        }
        int decimals = round % 3;
        br_percentages(counts, n, decimals, pct);
        double sum = 0, unit = pow(10, -decimals);
        bool ties = false;
        for (size_t i = 0; i < n; i++) {
            sum += pct[i];
            for (size_t j = 0; j < n; j++) {
                if (i != j && counts[i] == counts[j]) {
                    assert_double_equal(pct[i], pct[j], 0);
                    ties = ties || counts[i] > 0;
                }
                if (counts[i] > counts[j])
                    assert_true(pct[i] >= pct[j]);
            }
        }
        size_t total = 0;
        for (size_t i = 0; i < n; i++)
            total += counts[i];
        if (!total)
            continue;
        if (!ties)
            assert_double_equal(sum, 100, 1e-9);
        else
            assert_true(fabs(sum - 100) < (double)n * unit + 1e-9);
    }
}

static void exact_shares_are_not_adjusted(void **state)
{
    (void)state;
    const size_t counts[] = {1, 3, 0, 4};
    double pct[4];
    br_percentages(counts, 4, 1, pct);
    assert_double_equal(pct[0], 12.5, 0);
    assert_double_equal(pct[1], 37.5, 0);
    assert_double_equal(pct[2], 0, 0);
    assert_double_equal(pct[3], 50, 0);
}

static void all_zero_counts_give_all_zero(void **state)
{
    (void)state;
    const size_t counts[] = {0, 0, 0};
    double pct[3] = {9, 9, 9};
    br_percentages(counts, 3, 1, pct);
    assert_double_equal(pct[0], 0, 0);
    assert_double_equal(pct[1], 0, 0);
    assert_double_equal(pct[2], 0, 0);
}

static void many_equal_shares_round_alike(void **state)
{
    (void)state;
    size_t counts[7] = {1, 1, 1, 1, 1, 1, 1};
    double pct[7];
    br_percentages(counts, 7, 1, pct);
    /* 14.2857... each: 142 tenths each leave 6 to hand out, too few for
     * seven equal counts, so each rounds plainly to 14.3 (100.1 in all). */
    for (size_t i = 0; i < 7; i++)
        assert_double_equal(pct[i], 14.3, 1e-12);
}

static br_measure *add(br_report *r, const char *id, const char *group, const char *kind,
                       const char *objective, br_status status)
{
    br_measure *m = fx_measure(r, id, BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    m->group = group;
    m->kind = kind;
    m->objective = objective;
    m->status = status;
    return m;
}

static br_report *paper_like(br_arena *a)
{
    br_report *r = fx_report_six_quarters(a);
    add(r, "a", "Child Protection", "strategic", "B", BR_STATUS_GREEN);
    add(r, "b", "Looked After Children", "strategic", "B", BR_STATUS_RED);
    add(r, "c", "Child Protection", "contractual", "A", BR_STATUS_NO_TARGET);
    add(r, "d", "Looked After Children", "strategic", NULL, BR_STATUS_AMBER);
    add(r, "e", NULL, "strategic", "A", BR_STATUS_RED);
    add(r, "f", "Child Protection", "strategic", "B", BR_STATUS_GREEN);
    return r;
}

static void summary_rows_follow_first_appearance(void **state)
{
    br_report *r = paper_like(*state);
    br_selection sel = {0};
    br_summary *s = br_summary_compute(r, &sel, "group", *state);
    assert_int_equal(s->nrows, 3);
    assert_string_equal(s->rows[0].key, "Child Protection");
    assert_string_equal(s->rows[1].key, "Looked After Children");
    assert_string_equal(s->rows[2].key, "(none)");
    assert_int_equal(s->rows[0].counts[BR_STATUS_GREEN], 2);
    assert_int_equal(s->rows[0].counts[BR_STATUS_NO_TARGET], 1);
    assert_int_equal(s->rows[0].total, 3);
    assert_int_equal(s->rows[1].counts[BR_STATUS_RED], 1);
    assert_int_equal(s->rows[1].counts[BR_STATUS_AMBER], 1);
    assert_int_equal(s->rows[2].counts[BR_STATUS_RED], 1);
}

static void summary_total_and_percentages(void **state)
{
    br_report *r = paper_like(*state);
    br_selection sel = {0};
    br_summary *s = br_summary_compute(r, &sel, "group", *state);
    assert_int_equal(s->total.total, 6);
    assert_int_equal(s->total.counts[BR_STATUS_RED], 2);
    assert_int_equal(s->total.counts[BR_STATUS_AMBER], 1);
    assert_int_equal(s->total.counts[BR_STATUS_GREEN], 2);
    assert_int_equal(s->total.counts[BR_STATUS_NO_DATA], 0);
    assert_int_equal(s->total.counts[BR_STATUS_NO_TARGET], 1);
    /* 33.33 16.67 33.33 0 16.67 -> 33.3 16.7 33.3 0 16.7 = 100.0 */
    assert_double_equal(s->percent[BR_STATUS_RED], 33.3, 1e-12);
    assert_double_equal(s->percent[BR_STATUS_AMBER], 16.7, 1e-12);
    assert_double_equal(s->percent[BR_STATUS_GREEN], 33.3, 1e-12);
    assert_double_equal(s->percent[BR_STATUS_NO_DATA], 0, 0);
    assert_double_equal(s->percent[BR_STATUS_NO_TARGET], 16.7, 1e-12);
}

static void summary_by_kind_and_objective(void **state)
{
    br_report *r = paper_like(*state);
    br_selection sel = {0};
    br_summary *s = br_summary_compute(r, &sel, "kind", *state);
    assert_int_equal(s->nrows, 2);
    assert_string_equal(s->rows[0].key, "strategic");
    assert_int_equal(s->rows[0].total, 5);
    s = br_summary_compute(r, &sel, "objective", *state);
    assert_int_equal(s->nrows, 3);
    assert_string_equal(s->rows[0].key, "B");
    assert_string_equal(s->rows[1].key, "A");
    assert_string_equal(s->rows[2].key, "(none)");
}

static void summary_counts_only_the_selection(void **state)
{
    br_report *r = paper_like(*state);
    br_selection sel = {.kind = FX_NAMES("strategic"), .objective = FX_NAMES("B")};
    br_summary *s = br_summary_compute(r, &sel, NULL, *state);
    assert_int_equal(s->total.total, 3);
    assert_int_equal(s->nrows, 2);
    assert_string_equal(s->rows[0].key, "Child Protection");
}

static void summary_of_ids_follows_their_order(void **state)
{
    br_report *r = paper_like(*state);
    const char *ids[] = {"d", "a", "nosuch"};
    br_selection sel = {.ids = ids, .nids = 3};
    br_summary *s = br_summary_compute(r, &sel, "group", *state);
    assert_int_equal(s->total.total, 2);
    assert_string_equal(s->rows[0].key, "Looked After Children");
    assert_string_equal(s->rows[1].key, "Child Protection");
}

static void empty_summary_has_zero_percentages(void **state)
{
    br_report *r = paper_like(*state);
    br_selection sel = {.group = FX_NAMES("Nothing")};
    br_summary *s = br_summary_compute(r, &sel, "group", *state);
    assert_int_equal(s->nrows, 0);
    assert_int_equal(s->total.total, 0);
    for (int i = 0; i < BR_STATUS_COUNT; i++)
        assert_double_equal(s->percent[i], 0, 0);
}

static void selection_matches_every_key_given(void **state)
{
    (void)state;
    br_measure m = {.id = "x", .objective = "A", .group = "G", .kind = "strategic"};
    br_selection all = {0};
    br_selection obj = {.objective = FX_NAMES("A")};
    br_selection both = {.objective = FX_NAMES("A"), .group = FX_NAMES("H")};
    const char *ids[] = {"y", "x"};
    br_selection by_id = {.ids = ids, .nids = 2};
    br_selection by_kind = {.kind = FX_NAMES("contractual")};
    br_selection either_kind = {.kind = FX_NAMES("contractual", "strategic")};
    br_selection either_and_group = {.kind = FX_NAMES("contractual", "strategic"),
                                     .group = FX_NAMES("H")};
    assert_true(br_selection_has_measure(&all, &m));
    assert_true(br_selection_has_measure(&obj, &m));
    assert_false(br_selection_has_measure(&both, &m));
    assert_true(br_selection_has_measure(&by_id, &m));
    assert_false(br_selection_has_measure(&by_kind, &m));
    /* Any value of a list; every key. */
    assert_true(br_selection_has_measure(&either_kind, &m));
    assert_false(br_selection_has_measure(&either_and_group, &m));
    m.objective = NULL;
    assert_false(br_selection_has_measure(&obj, &m));
}

static void milestone_selection_ignores_kind(void **state)
{
    (void)state;
    br_milestone ms = {.id = "A12", .objective = "A", .group = "Schools"};
    br_selection sel = {.objective = FX_NAMES("A"), .kind = FX_NAMES("strategic")};
    br_selection other = {.objective = FX_NAMES("B")};
    const char *ids[] = {"A13"};
    br_selection by_id = {.ids = ids, .nids = 1};
    assert_true(br_selection_has_milestone(&sel, &ms));
    assert_false(br_selection_has_milestone(&other, &ms));
    assert_false(br_selection_has_milestone(&by_id, &ms));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(paper_counts_give_percentages_adding_to_100),
        FX_TEST(equal_counts_get_equal_percentages),
        FX_TEST(rounding_is_fair_over_many_rows),
        FX_TEST(exact_shares_are_not_adjusted),
        FX_TEST(all_zero_counts_give_all_zero),
        FX_TEST(many_equal_shares_round_alike),
        FX_TEST(summary_rows_follow_first_appearance),
        FX_TEST(summary_total_and_percentages),
        FX_TEST(summary_by_kind_and_objective),
        FX_TEST(summary_counts_only_the_selection),
        FX_TEST(summary_of_ids_follows_their_order),
        FX_TEST(empty_summary_has_zero_percentages),
        FX_TEST(selection_matches_every_key_given),
        FX_TEST(milestone_selection_ignores_kind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
