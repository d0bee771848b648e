/* model_index.c — sorted indexes over the report model's keys. */
#include "br_model.h"

#include <stdlib.h>
#include <string.h>

static int entry_order(const void *x, const void *y)
{
    const br_key_index *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Entries for the items (n of them, size bytes apart) whose key, at offset
 * key_at in each, is set. */
static br_key_index *build(br_arena *arena, const void *items, size_t n, size_t size,
                           size_t key_at, size_t *count)
{
    br_key_index *index = br_arena_calloc(arena, n ? n : 1, sizeof *index);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *key;
        memcpy(&key, (const char *)items + i * size + key_at, sizeof key);
        if (key)
            index[k++] = (br_key_index){key, i};
    }
    qsort(index, k, sizeof *index, entry_order);
    *count = k;
    return index;
}

void br_report_index(br_report *r)
{
    r->measure_ids = build(r->arena, r->measures, r->nmeasures, sizeof *r->measures,
                           offsetof(br_measure, id), &r->nmeasure_ids);
    r->milestone_ids = build(r->arena, r->milestones, r->nmilestones, sizeof *r->milestones,
                             offsetof(br_milestone, id), &r->nmilestone_ids);
    r->measure_objectives = build(r->arena, r->measures, r->nmeasures, sizeof *r->measures,
                                  offsetof(br_measure, objective), &r->nmeasure_objectives);
    r->milestone_objectives = build(r->arena, r->milestones, r->nmilestones,
                                    sizeof *r->milestones, offsetof(br_milestone, objective),
                                    &r->nmilestone_objectives);
}

size_t br_key_range(const br_key_index *index, size_t n, const char *key,
                    const br_key_index **first)
{
    if (!index || !key || n == 0) {
        *first = index;
        return 0;
    }
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(index[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && strcmp(index[end].key, key) == 0)
        end++;
    *first = index + lo;
    return end - lo;
}
