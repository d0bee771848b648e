/* summary.c — the selected measures counted by status per group, kind or
 * objective, with the total and percentages (compose_measure.c draws it). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_compute.h"
#include "br_section.h"
#include "br_vocab.h"

#include <string.h>

/* rows: {Governance: {no-data: 2}}: rows the author states by their
 * group_by value, each counts by status (red, amber, green, no-data,
 * no-target). */
static bool read_rows(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    static const size_t slots[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                   BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    _Static_assert(sizeof slots / sizeof *slots == BR_STATUS_COUNT, "a slot per status");
    if (!br_build_want_map(b, v, "'rows' of a summary"))
        return false;
    s->stated_rows = br_arena_calloc(b->a, v->npairs + 1, sizeof *s->stated_rows);
    for (size_t i = 0; i < v->npairs; i++) {
        br_stated_row *row = &s->stated_rows[s->nstated_rows];
        bool given[BR_STATUS_COUNT] = {false};
        row->key = v->pairs[i].key->text;
        row->loc = v->pairs[i].key->loc;
        if (br_build_read_counts(b, v->pairs[i].value, br_vocab_status_yaml, slots, row->counts,
                                 given, br_arena_printf(b->a, "summary row '%s'", row->key)))
            s->nstated_rows++;
    }
    return true;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    BR_SECTION_SELECTION,
    CUSTOM("group_by", false, br_build_section_group_by),
    CUSTOM("columns", false, br_build_section_columns),
    CUSTOM("rows", false, read_rows),
};

/* A stated row's key that no selected measure has is a row of the
 * author's own (measures the paper does not list), unless it is a near
 * miss of one they have: then it is a typing error that would print a
 * second row beside the real one. */
static void check_stated_keys(checker *c, const br_section *s)
{
    const char *gb = s->group_by ? s->group_by : "group";
    const br_report *r = c->r;
    const char **keys = br_arena_calloc(r->arena, r->nmeasures + 1, sizeof *keys);
    size_t n = 0;
    for (size_t i = 0; i < r->nmeasures; i++) {
        const char *k = br_measure_group_key(&r->measures[i], gb);
        if (k && br_selection_has_measure(&s->select, &r->measures[i]))
            keys[n++] = k;
    }
    for (size_t i = 0; i < s->nstated_rows; i++) {
        const char *key = s->stated_rows[i].key, *near = NULL;
        bool found = false;
        for (size_t k = 0; k < n && !found; k++)
            found = strcmp(keys[k], key) == 0;
        if (!found && (near = br_suggest(key, keys, n)) != NULL)
            br_error(c->d, s->stated_rows[i].loc, "summary row '%s': no measure it counts has "
                     "%s '%s'; did you mean '%s'? (a row of measures the paper does not list "
                     "may have any other name)", key, gb, key, near);
    }
}

/* A measure counted in a summary is in the paper, as a count. */
static void check(checker *c, br_section *s)
{
    br_check_mark_ids(c, &s->select, false);
    br_check_selection(c, &s->select);
    br_check_mark_measures(c, &s->select, NULL, NULL, 0);
    check_stated_keys(c, s);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_summary(c, s);
}

const br_section_def br_section_summary = {
    .name = "summary", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
