/* build_objective.c — objectives: (the plan's objectives, and what the
 * author states of each: status, direction of travel, risks, counts). */
#include "build_int.h"

#include <stddef.h>
#include <string.h>

static const char *const direction_names[] = {"none", "improving", "declining", "stable", NULL};

static bool read_status(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    int e = br_build_read_enum(b, v, br_build_rag_names, "'status' of an objective");
    o->status_loc = v->loc;
    if (e >= 0)
        o->status = (br_status)e, o->has_status = true;
    return e >= 0;
}

/* milestone_status: amber — the objective's milestones judged as one RAG,
 * for a profile with one Milestones cell per row. */
static bool read_milestone_status(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    int e = br_build_read_enum(b, v, br_build_rag_names, "'milestone_status' of an objective");
    o->milestone_status_loc = v->loc;
    if (e >= 0)
        o->milestone_status = (br_status)e, o->has_milestone_status = true;
    return e >= 0;
}

static bool read_direction(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    int e = br_build_read_enum(b, v, direction_names, "'direction' of an objective");
    o->direction_loc = v->loc;
    if (e >= 0)
        o->direction = (br_trend)e, o->has_direction = true;
    return e >= 0;
}

/* {red: 3, amber: 5, green: 3}: each a whole number, none negative; a
 * count left out or written ~ is blank in the paper (given stays false). */
bool br_build_read_counts(builder *b, const br_node *v, const char *const *names,
                          const size_t *slots, size_t *counts, bool *given, const char *what)
{
    if (!br_build_want_map(b, v, what))
        return false;
    for (size_t i = 0; i < v->npairs; i++) {
        int e = br_build_read_enum(b, v->pairs[i].key, names, what);
        double d;
        int dec;
        if (e < 0 || br_build_node_is_null(v->pairs[i].value) ||
            !br_build_read_number(b, v->pairs[i].value, what, &d, &dec))
            continue;
        if (dec || d < 0 || d > 1e6) {
            br_error(b->d, v->pairs[i].value->loc, "%s: a count is a whole number, 0 or more", what);
            continue;
        }
        counts[slots[e]] = (size_t)d;
        given[slots[e]] = true;
    }
    return true;
}

static bool read_measure_counts(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    static const char *const names[] = {"red", "amber", "green", "data_only", NULL};
    static const size_t slots[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                   BR_STATUS_NO_TARGET};
    o->measure_counts_loc = v->loc;
    o->has_measure_counts = br_build_read_counts(b, v, names, slots, o->measure_counts,
                                        o->measure_given, "'measures' of an objective");
    return o->has_measure_counts;
}

static bool read_milestone_counts(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    static const char *const names[] = {"red", "amber", "green", NULL};
    static const size_t slots[] = {BR_MSRAG_RED, BR_MSRAG_AMBER, BR_MSRAG_GREEN};
    o->milestone_counts_loc = v->loc;
    o->has_milestone_counts = br_build_read_counts(b, v, names, slots, o->milestone_counts,
                                          o->milestone_given, "'milestones' of an objective");
    return o->has_milestone_counts;
}

/* risks: "1*" (one cell, as written), or by RAG, {red: "1*", amber: 3}
 * (three cells as the measures' counts are, each as written, blank where
 * left out), as the 2012/13 profile prints them. */
static bool read_risks(builder *b, const br_node *v, void *obj)
{
    br_objective_entry *o = obj;
    static const char *const names[] = {"red", "amber", "green", NULL};
    o->risks_loc = v->loc;
    if (v->kind != BR_NODE_MAP) {
        o->risks = br_build_read_text(b, v, "'risks' of an objective");
        return o->risks != NULL;
    }
    o->risks_by_rag = true;
    for (size_t i = 0; i < v->npairs; i++) {
        int e = br_build_read_enum(b, v->pairs[i].key, names, "'risks' of an objective");
        if (e >= 0 && !br_build_node_is_null(v->pairs[i].value))
            o->risks_rag[e] = br_build_read_text(b, v->pairs[i].value, "'risks' of an objective");
    }
    return true;
}

static const field objective_fields[] = {
    FIELD("id", F_TEXT, true, br_objective_entry, id),
    FIELD("title", F_TEXT, true, br_objective_entry, title),
    CUSTOM("status", false, read_status),
    CUSTOM("direction", false, read_direction),
    FIELD("status_reason", F_TEXT, false, br_objective_entry, status_reason),
    FIELD("direction_reason", F_TEXT, false, br_objective_entry, direction_reason),
    CUSTOM("risks", false, read_risks),
    CUSTOM("measures", false, read_measure_counts),
    CUSTOM("milestones", false, read_milestone_counts),
    CUSTOM("milestone_status", false, read_milestone_status),
};

void br_build_objective(builder *b, const br_node *n, br_objective_entry *o)
{
    o->loc = n->loc;
    if (!br_build_want_map(b, n, "an objective"))
        return;
    br_build_fields(b, n, objective_fields, sizeof objective_fields / sizeof *objective_fields, o,
                 "an objective");
}
