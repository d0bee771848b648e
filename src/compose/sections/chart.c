/* chart.c — charts: bullet and line charts of a measure or of the selected
 * measures, or bars of their statuses per group (compose_chart.c describes
 * them, layout draws them). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_compute.h"
#include "br_section.h"

static const char *const chart_names[] = {"bullet", "bar", "line", NULL};

/* Measures are built before sections, so the id is checked here, where its
 * line is known. */
static bool read_chart_measure(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->measure_id = br_build_read_text(b, v, "'measure'");
    if (s->measure_id && !br_report_measure(b->r, s->measure_id))
        br_error_unresolved(b->d, v->loc, "chart: no measure has the id '%s'", s->measure_id);
    return s->measure_id != NULL;
}

static bool read_per_row(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'per_row'", 1, 8, " (charts to a row)",
                               &((br_section *)obj)->per_row);
}

/* A chart's `kind` is bullet, bar or line (spec §6), so it selects
 * measures by objective, group or ids only. */
static const field fields[] = {
    BR_SECTION_COMMON(false),
    CUSTOM("objective", false, br_build_section_objective),
    CUSTOM("group", false, br_build_section_group),
    CUSTOM("ids", false, br_build_section_ids),
    ENUMF("kind", true, br_section, chart, chart_names),
    CUSTOM("measure", false, read_chart_measure),
    CUSTOM("group_by", false, br_build_section_group_by),
    CUSTOM("per_row", false, read_per_row),
};

/* A bullet or line chart without `measure:` charts every measure its
 * selection picks: none is worth a warning.  (Charts do not count as
 * showing a measure's figures: a table must.) */
static void check(checker *c, br_section *s)
{
    size_t reported = br_check_mark_ids(c, &s->select, false);
    reported += br_check_selection(c, &s->select);
    const br_measure *one = s->measure_id ? br_report_measure(c->r, s->measure_id) : NULL;
    if (one && s->chart == BR_CHART_BULLET)
        c->measure_bulleted[one - c->r->measures] = true;
    if (s->chart == BR_CHART_BAR || s->measure_id || reported)
        return;
    size_t n = 0;
    for (size_t i = 0; i < c->r->nmeasures; i++) {
        bool in = br_selection_has_measure(&s->select, &c->r->measures[i]);
        c->measure_bulleted[i] |= in && s->chart == BR_CHART_BULLET;
        n += in;
    }
    if (!n)
        br_warning_unresolved(c->d, s->loc, "this %s chart selects no measures, so it shows nothing; "
                   "name them with 'measure:' or 'ids:'", chart_names[s->chart]);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_chart(c, s);
}

const br_section_def br_section_chart = {
    .name = "chart", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
