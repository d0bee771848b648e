/* summary.c — the selected measures counted by status per group, kind or
 * objective, with the total and percentages (compose_measure.c draws it). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {
    BR_SECTION_COMMON(false),
    BR_SECTION_SELECTION,
    CUSTOM("group_by", false, br_build_section_group_by),
    CUSTOM("columns", false, br_build_section_columns),
};

/* A measure counted in a summary is in the paper, as a count. */
static void check(checker *c, br_section *s)
{
    br_check_mark_ids(c, &s->select, false);
    br_check_selection(c, &s->select);
    br_check_mark_measures(c, &s->select, NULL, NULL, 0);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_summary(c, s);
}

const br_section_def br_section_summary = {
    .name = "summary", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
