/* chart.c — charts: bullet and line charts of a measure or of the selected
 * measures, or bars of their statuses per group (compose_chart.c describes
 * them, layout draws them). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_compute.h"
#include "br_section.h"

#include <string.h>

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
/* bands: [{from: 0, to: 12.83, status: green}, {to: 14.13, status: amber},
 * {to: 25, status: red}]: a gauge's scale as the paper draws it, with no
 * target; each band runs from the one before's end (the first from 0). */
static bool read_bands(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    static const char *const rag[] = {"red", "amber", "green", NULL};
    s->bands_loc = v->loc;
    if (!br_build_want_seq(b, v, "'bands'"))
        return false;
    s->bands = br_arena_calloc(b->a, v->nitems + 1, sizeof *s->bands);
    double from = 0;
    for (size_t i = 0; i < v->nitems; i++) {
        const br_node *it = v->items[i], *f, *t, *st;
        if (!br_build_want_map(b, it, "a band"))
            return false;
        for (size_t k = 0; k < it->npairs; k++) {
            const char *key = it->pairs[k].key->text;
            if (strcmp(key, "from") && strcmp(key, "to") && strcmp(key, "status"))
                br_error(b->d, it->pairs[k].key->loc, "unknown key '%s' in a band; a band is "
                         "{from, to, status}: {to: 12.83, status: green}", key);
        }
        br_band *band = &s->bands[s->nbands];
        band->from = from;
        if ((f = br_map_get(it, "from")) && !br_build_read_number(b, f, "'from' of a band",
                                                                  &band->from, NULL))
            return false;
        if (!(t = br_map_get(it, "to")) || !(st = br_map_get(it, "status"))) {
            br_error(b->d, it->loc, "a band needs to: (where it ends) and status: (red, amber or "
                     "green): {to: 12.83, status: green}");
            return false;
        }
        int e = br_build_read_enum(b, st, rag, "'status' of a band");
        if (!br_build_read_number(b, t, "'to' of a band", &band->to, NULL) || e < 0)
            return false;
        if (band->to <= band->from) {
            br_error(b->d, t->loc, "this band ends at %g, not after where it starts (%g); list "
                     "the bands from the lowest up", band->to, band->from);
            return false;
        }
        band->status = (br_status)e;
        from = band->to;
        s->nbands++;
    }
    return true;
}

/* value: latest charts the latest period with a figure (a gauge "as of
 * Q3"); value: report (the default) the report period's. */
static bool read_value(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    static const char *const names[] = {"report", "latest", NULL};
    int e = br_build_read_enum(b, v, names, "'value' of a chart");
    s->latest = e == 1;
    s->latest_loc = v->loc;
    return e >= 0;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    CUSTOM("objective", false, br_build_section_objective),
    CUSTOM("group", false, br_build_section_group),
    CUSTOM("ids", false, br_build_section_ids),
    ENUMF("kind", true, br_section, chart, chart_names),
    CUSTOM("measure", false, read_chart_measure),
    CUSTOM("group_by", false, br_build_section_group_by),
    CUSTOM("per_row", false, read_per_row),
    CUSTOM("bands", false, read_bands),
    CUSTOM("value", false, read_value),
};

/* A bullet or line chart without `measure:` charts every measure its
 * selection picks: none is worth a warning.  (Charts do not count as
 * showing a measure's figures: a table must.) */
static void check(checker *c, br_section *s)
{
    size_t reported = br_check_mark_ids(c, &s->select, false);
    reported += br_check_selection(c, &s->select);
    /* A bullet drawn against the paper's own bands needs no polarity. */
    bool judged = s->chart == BR_CHART_BULLET && !s->nbands;
    if (s->chart != BR_CHART_BULLET && s->bands)
        br_error(c->d, s->bands_loc, "bands: are a bullet chart's scale; a %s chart draws none "
                 "(write kind: bullet)", chart_names[s->chart]);
    if (s->chart != BR_CHART_BULLET && s->latest)
        br_error(c->d, s->latest_loc, "value: latest is a bullet chart's; a %s chart shows every "
                 "period up to the report period", chart_names[s->chart]);
    const br_measure *one = s->measure_id ? br_report_measure(c->r, s->measure_id) : NULL;
    if (one && judged)
        c->measure_bulleted[one - c->r->measures] = true;
    if (s->chart == BR_CHART_BAR || s->measure_id || reported)
        return;
    size_t n = 0;
    for (size_t i = 0; i < c->r->nmeasures; i++) {
        bool in = br_selection_has_measure(&s->select, &c->r->measures[i]);
        c->measure_bulleted[i] |= in && judged;
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
