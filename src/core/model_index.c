/* model_index.c — sorted indexes over the report model's keys. */
#include "br_model.h"

#include "br_file.h"

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

void br_key_index_sort(br_key_index *index, size_t n)
{
    if (n > 1)
        qsort(index, n, sizeof *index, entry_order);
}

br_key_index *br_key_index_build(br_arena *arena, const void *items, size_t n, size_t size,
                                 size_t key_at, size_t *count)
{
    br_key_index *index = arena ? br_arena_calloc(arena, n ? n : 1, sizeof *index)
                                : calloc(n ? n : 1, sizeof *index);
    if (!index)
        br_file_out_of_memory();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *key;
        memcpy(&key, (const char *)items + i * size + key_at, sizeof key);
        if (key)
            index[k++] = (br_key_index){key, i};
    }
    br_key_index_sort(index, k);
    *count = k;
    return index;
}

void br_report_index(br_report *r)
{
    r->measure_ids = br_key_index_build(r->arena, r->measures, r->nmeasures, sizeof *r->measures,
                           offsetof(br_measure, id), &r->nmeasure_ids);
    r->milestone_ids = br_key_index_build(r->arena, r->milestones, r->nmilestones, sizeof *r->milestones,
                             offsetof(br_milestone, id), &r->nmilestone_ids);
    r->measure_objectives = br_key_index_build(r->arena, r->measures, r->nmeasures, sizeof *r->measures,
                                  offsetof(br_measure, objective), &r->nmeasure_objectives);
    r->milestone_objectives = br_key_index_build(r->arena, r->milestones, r->nmilestones,
                                    sizeof *r->milestones, offsetof(br_milestone, objective),
                                    &r->nmilestone_objectives);
    r->person_keys = br_key_index_build(r->arena, r->people, r->npeople, sizeof *r->people,
                                        offsetof(br_keyed_text, key), &r->nperson_keys);
    r->footnote_keys = br_key_index_build(r->arena, r->footnotes, r->nfootnotes,
                                          sizeof *r->footnotes, offsetof(br_keyed_text, key),
                                          &r->nfootnote_keys);
    r->objective_entry_ids = br_key_index_build(r->arena, r->objective_entries,
                                                r->nobjective_entries,
                                                sizeof *r->objective_entries,
                                                offsetof(br_objective_entry, id),
                                                &r->nobjective_entry_ids);
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
