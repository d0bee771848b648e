/* objective.c — an objective: its heading ("A. Every child…"), then the
 * table of its measures and the table of its milestones (those whose
 * `objective:` is its id). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {
    CUSTOM("type", true, br_build_section_type),
    FIELD("id", F_KEY, true, br_section, id),
    FIELD("title", F_TEXT, true, br_section, title),
    CUSTOM("columns", false, br_build_section_columns),
    CUSTOM("milestone_columns", false, br_build_section_milestone_columns),
    FIELD("milestone_title", F_TEXT, false, br_section, milestone_title),
    CUSTOM("group_by", false, br_build_section_group_by),
};

static void check(checker *c, br_section *s)
{
    if (!s->id)
        return;
    size_t ncols, nms;
    const br_column *cols = br_compose_measure_columns(s, &ncols);
    const br_column *ms = br_compose_milestone_columns(s, true, &nms);
    size_t shown = br_check_mark_measures(c, &s->select, s->id, cols, ncols);
    shown += br_check_mark_milestones(c, &s->select, s->id, ms, nms);
    if (!shown)
        br_warning_unresolved(c->d, s->loc, "objective '%s' has no measures and no milestones", s->id);
    br_check_comparator_columns(c, s);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_add_heading(c, 1, br_arena_printf(c->a, "%s. %s", s->id, s->title), s->loc);
    br_compose_measure_table(c, s, s->id);
    br_compose_milestone_table(c, s, s->id);
}

const br_section_def br_section_objective = {
    .name = "objective", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
