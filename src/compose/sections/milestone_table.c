/* milestone_table.c — a table of the milestones a selection picks
 * (compose_tables.c draws it). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {
    BR_SECTION_COMMON(false),
    BR_SECTION_SELECTION,
    CUSTOM("columns", false, br_build_section_columns),   /* milestone columns, by its type */
};

static void check(checker *c, br_section *s)
{
    br_check_key_ignored(c, &s->select.kind, "kind", "milestone table", "milestones",
                         "objective, group and ids");
    br_selection sel = s->select;
    sel.kind.n = 0;     /* ignored, as said above: not also "selects nothing" */
    size_t reported = br_check_mark_ids(c, &s->select, true);
    reported += br_check_selection(c, &sel);
    size_t ncols;
    const br_column *cols = br_compose_milestone_columns(s, false, &ncols);
    if (!br_check_mark_milestones(c, &s->select, NULL, cols, ncols) && !reported)
        br_warning_unresolved(c->d, s->loc, "this milestone table selects no milestones");
}

static void compose(composer *c, const br_section *s)
{
    br_compose_milestone_table(c, s, NULL);
}

const br_section_def br_section_milestone_table = {
    .name = "milestone_table", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
