/* measure_table.c — a table of the measures a selection picks, in the
 * columns asked for, optionally grouped (compose_measure.c draws it). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {
    BR_SECTION_COMMON(false),
    BR_SECTION_SELECTION,
    CUSTOM("columns", false, br_build_section_columns),
    CUSTOM("group_by", false, br_build_section_group_by),
};

static void check(checker *c, br_section *s)
{
    size_t reported = br_check_mark_ids(c, &s->select, false);
    reported += br_check_selection(c, &s->select);
    size_t ncols;
    const br_column *cols = br_compose_measure_columns(s, &ncols);
    if (!br_check_mark_measures(c, &s->select, NULL, cols, ncols) && !reported)
        br_warning_unresolved(c->d, s->loc, "this measure table selects no measures");
    br_check_comparator_columns(c, s);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_measure_table(c, s, NULL);
}

const br_section_def br_section_measure_table = {
    .name = "measure_table", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
