/* summary.c — selections, and the counts of measures by status.
 *
 * Percentages use largest-remainder rounding so that a summary's row of
 * percentages adds up to exactly 100 (the 2019/20 paper printed 14.3 + 21.4 +
 * 39.3 + 7.1 + 17.8 = 99.9, which readers notice), with one exception:
 * equal counts always print equal percentages ("1 (33.4%)" beside
 * "1 (33.3%)" reads as an error), so where the units left to hand out are
 * fewer than the counts that tie for them, those counts and every smaller
 * remainder round plainly, and the row may then miss 100 by less than a
 * unit per tied count (3 x 33.3 = 99.9).  The arithmetic is done in
 * integers, so the result does not depend on floating-point accident.
 */
#include "br_compute.h"
#include "br_diag.h"
#include "br_vocab.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool br_names_has(const br_names *want, const char *have)
{
    if (want->n == 0)
        return true;
    for (size_t i = 0; have && i < want->n; i++)
        if (strcmp(want->items[i], have) == 0)
            return true;
    return false;
}

static int id_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_id(const br_selection *sel, const char *id)
{
    if (sel->nids == 0)
        return true;
    if (sel->sorted_ids)
        return id && bsearch(&id, sel->sorted_ids, sel->nids, sizeof *sel->sorted_ids, id_order);
    for (size_t i = 0; i < sel->nids; i++)
        if (id && strcmp(sel->ids[i], id) == 0)
            return true;
    return false;
}

bool br_selection_has_measure(const br_selection *sel, const br_measure *m)
{
    return br_names_has(&sel->objective, m->objective) && br_names_has(&sel->group, m->group) &&
           br_names_has(&sel->kind, m->kind) && has_id(sel, m->id);
}

/* Milestones have no kind: a kind in the selection (an objective section
 * shares one selection between its measures and milestones) does not
 * apply to them. */
bool br_selection_has_milestone(const br_selection *sel, const br_milestone *ms)
{
    return br_names_has(&sel->objective, ms->objective) && br_names_has(&sel->group, ms->group) &&
           has_id(sel, ms->id);
}

/* Commentary is picked by its ids and objective, as measures are: an
 * entry must match both when both are given (the objective was ignored
 * beside ids); a selection of neither picks every entry. */
bool br_selection_has_commentary(const br_selection *sel, const br_commentary *cm)
{
    if (sel->nids && !(cm->id && has_id(sel, cm->id)))
        return false;
    return br_names_has(&sel->objective, cm->objective);
}

/* Whole units (of 10^-decimals percent) that counts[i] gets before the
 * remainders are handed out, and the remainder itself. */
static uint64_t floor_units(uint64_t count, uint64_t whole, uint64_t total, uint64_t *rem)
{
    *rem = count * whole % total;
    return count * whole / total;
}

/* Counts equal to counts[i] that have not had their unit yet. */
static size_t tied(const size_t *counts, size_t n, size_t i, const bool *done)
{
    size_t k = 0;
    for (size_t j = 0; j < n; j++)
        k += counts[j] == counts[i] && !done[j];
    return k;
}

void br_percentages(const size_t *counts, size_t n, int decimals, double *percent)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;   /* keeps count * 100 * scale well inside 64 bits */
    uint64_t scale = 1, total = 0, given = 0, rem;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    for (size_t i = 0; i < n; i++)
        total += counts[i];
    uint64_t whole = 100 * scale;
    bool *done = calloc(n ? n : 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        percent[i] = total ? (double)floor_units(counts[i], whole, total, &rem) : 0;
        given += (uint64_t)percent[i];
        done[i] = !total || rem == 0;
    }
    /* Hand the units still missing (fewer than n) to the largest
     * remainders, one each, all the counts of one size at once; once they
     * outnumber the units left, the rest round plainly (half up). */
    bool plain = false;
    for (;;) {
        size_t best = n;
        uint64_t best_rem = 0;
        for (size_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            floor_units(counts[i], whole, total, &rem);
            if (best == n || rem > best_rem)
                best = i, best_rem = rem;
        }
        if (best == n)
            break;
        size_t k = tied(counts, n, best, done);
        if (!plain && given == whole)
            break;
        plain = plain || given + k > whole;
        bool up = !plain || 2 * best_rem >= total;
        for (size_t j = 0; j < n; j++)
            if (counts[j] == counts[best] && !done[j]) {
                percent[j] += up;
                done[j] = true;
            }
        given += up ? k : 0;
    }
    free(done);
    for (size_t i = 0; i < n; i++)
        percent[i] /= (double)scale;
}

const char *br_measure_group_key(const br_measure *m, const char *group_by)
{
    if (group_by && strcmp(group_by, "kind") == 0)
        return m->kind;
    if (group_by && strcmp(group_by, "objective") == 0)
        return m->objective;
    return m->group;
}

static const char *key_of(const br_measure *m, const char *group_by)
{
    const char *key = br_measure_group_key(m, group_by);
    return key ? key : BR_SUMMARY_NO_GROUP;
}

static br_summary_row *row_for(br_summary *s, size_t *cap, const char *key, br_arena *arena)
{
    for (size_t i = 0; i < s->nrows; i++)
        if (strcmp(s->rows[i].key, key) == 0)
            return &s->rows[i];
    br_summary_row *row = BR_PUSH(arena, s->rows, s->nrows, *cap);
    row->key = key;
    return row;
}

static void count(br_summary *s, size_t *cap, const br_measure *m, const char *group_by,
                  br_arena *arena)
{
    br_summary_row *row = row_for(s, cap, key_of(m, group_by), arena);
    row->counts[m->status]++;
    row->total++;
    s->total.counts[m->status]++;
    s->total.total++;
}

static const br_measure *measure_by_id(const br_report *report, const char *id)
{
    for (size_t i = 0; i < report->nmeasures; i++)
        if (report->measures[i].id && strcmp(report->measures[i].id, id) == 0)
            return &report->measures[i];
    return NULL;
}

/* "1 red, 2 no-data", or "none". */
static const char *counts_text(const size_t *counts, br_arena *arena)
{
    const char *out = "";
    for (int st = 0; st < BR_STATUS_COUNT; st++)
        if (counts[st])
            out = br_arena_printf(arena, "%s%s%zu %s", out, *out ? ", " : "", counts[st],
                                  br_vocab_status_yaml[st]);
    return *out ? out : "none";
}

static size_t row_total(const size_t *counts)
{
    size_t n = 0;
    for (int st = 0; st < BR_STATUS_COUNT; st++)
        n += counts[st];
    return n;
}

void br_summary_state(br_summary *s, const br_stated_row *rows, size_t n, br_arena *arena,
                      br_diags *diags)
{
    if (!n)
        return;
    br_summary_row *all = br_arena_calloc(arena, s->nrows + n, sizeof *all);
    memcpy(all, s->rows, s->nrows * sizeof *all);
    size_t nall = s->nrows;
    for (size_t i = 0; i < n; i++) {
        br_summary_row *row = NULL;
        for (size_t k = 0; k < nall && !row; k++)
            if (strcmp(all[k].key, rows[i].key) == 0)
                row = &all[k];
        if (!row) {
            row = &all[nall++];
            row->key = rows[i].key;
        } else if (memcmp(row->counts, rows[i].counts, sizeof row->counts) != 0) {
            br_warning(diags, rows[i].loc, "summary row '%s' states %s, but the paper's measures "
                       "it counts give %s; the stated counts print (correct them, or the "
                       "measures' statuses)", rows[i].key, counts_text(rows[i].counts, arena),
                       counts_text(row->counts, arena));
        }
        memcpy(row->counts, rows[i].counts, sizeof row->counts);
        row->total = row_total(row->counts);
    }
    s->rows = all;
    s->nrows = nall;
    memset(&s->total.counts, 0, sizeof s->total.counts);
    s->total.total = 0;
    for (size_t k = 0; k < nall; k++) {
        for (int st = 0; st < BR_STATUS_COUNT; st++)
            s->total.counts[st] += all[k].counts[st];
        s->total.total += all[k].total;
    }
    br_percentages(s->total.counts, BR_STATUS_COUNT, 1, s->percent);
}

br_summary *br_summary_compute(const br_report *report, const br_selection *sel,
                               const char *group_by, br_arena *arena)
{
    br_summary *s = br_arena_alloc(arena, sizeof *s);
    size_t cap = 0;
    s->total.key = "Total";
    if (sel->nids > 0) {
        /* ids, when given, set the order. */
        for (size_t i = 0; i < sel->nids; i++) {
            const br_measure *m = measure_by_id(report, sel->ids[i]);
            if (m && br_selection_has_measure(sel, m))
                count(s, &cap, m, group_by, arena);
        }
    } else {
        for (size_t i = 0; i < report->nmeasures; i++)
            if (br_selection_has_measure(sel, &report->measures[i]))
                count(s, &cap, &report->measures[i], group_by, arena);
    }
    br_percentages(s->total.counts, BR_STATUS_COUNT, 1, s->percent);
    return s;
}
