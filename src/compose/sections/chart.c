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

/* The keys of one band, checked so that a misspelt one is named. */
static void band_keys(builder *b, const br_node *it)
{
    for (size_t k = 0; k < it->npairs; k++) {
        const char *key = it->pairs[k].key->text;
        if (strcmp(key, "from") && strcmp(key, "to") && strcmp(key, "status"))
            br_error(b->d, it->pairs[k].key->loc, "unknown key '%s' in a band; a band is "
                     "{from, to, status}: {from: 0, to: 50, status: red}", key);
    }
}

/* One band, from `from` unless it says where it starts.  Its status is
 * optional: a paper that gives only a dial's edges (0, 80, 90, 100) has
 * uncoloured bands, drawn in grey shades and named by no status word. */
static bool read_band(builder *b, const br_node *it, double from, br_band *band)
{
    static const char *const rag[] = {"red", "amber", "green", NULL};
    const br_node *f, *t, *st;
    if (!br_build_want_map(b, it, "a band"))
        return false;
    band_keys(b, it);
    band->from = from;
    if ((f = br_map_get(it, "from")) && !br_build_read_number(b, f, "'from' of a band",
                                                              &band->from, NULL))
        return false;
    if (!(t = br_map_get(it, "to"))) {
        br_error(b->d, it->loc, "a band needs to: (where it ends), and may give its status: "
                 "(red, amber or green): {to: 50, status: red}");
        return false;
    }
    int e = BR_STATUS_NO_TARGET;
    if ((st = br_map_get(it, "status")) && (e = br_build_read_enum(b, st, rag, "'status' of a band")) < 0)
        return false;
    if (!br_build_read_number(b, t, "'to' of a band", &band->to, NULL))
        return false;
    if (band->to <= band->from) {
        br_error(b->d, t->loc, "this band ends at %g, not after where it starts (%g); list "
                 "the bands from the lowest up", band->to, band->from);
        return false;
    }
    band->status = (br_status)e;
    band->neutral = st == NULL;
    return true;
}

/* bands: [{from: 0, to: 12.83, status: green}, {to: 14.13, status: amber},
 * {to: 25, status: red}]: a gauge's scale as the paper draws it; each band
 * runs from the one before's end (the first from 0). */
static bool read_bands(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->bands_loc = v->loc;
    if (!br_build_want_seq(b, v, "'bands'"))
        return false;
    s->bands = br_arena_calloc(b->a, v->nitems + 1, sizeof *s->bands);
    double from = 0;
    for (size_t i = 0; i < v->nitems; i++) {
        if (!read_band(b, v->items[i], from, &s->bands[s->nbands]))
            return false;
        from = s->bands[s->nbands++].to;
    }
    return true;
}

/* scale: {from: 50, to: 100}: a bullet's axis runs exactly from one to the
 * other (a dial that starts at 50%), not from zero to a round step. */
static bool read_scale(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    const br_node *f, *t;
    s->scale_loc = v->loc;
    if (!br_build_want_map(b, v, "'scale'"))
        return false;
    for (size_t k = 0; k < v->npairs; k++) {
        const char *key = v->pairs[k].key->text;
        if (strcmp(key, "from") && strcmp(key, "to"))
            br_error(b->d, v->pairs[k].key->loc, "unknown key '%s' in 'scale'; a scale is "
                     "{from, to}: {from: 50, to: 100}", key);
    }
    if (!(f = br_map_get(v, "from")) || !(t = br_map_get(v, "to"))) {
        br_error(b->d, v->loc, "'scale' needs from: and to: (where the axis starts and ends): "
                 "{from: 50, to: 100}");
        return false;
    }
    if (!br_build_read_number(b, f, "'from' of 'scale'", &s->scale_from, NULL) ||
        !br_build_read_number(b, t, "'to' of 'scale'", &s->scale_to, NULL))
        return false;
    if (s->scale_to <= s->scale_from) {
        br_error(b->d, t->loc, "the scale ends at %g, not after where it starts (%g)",
                 s->scale_to, s->scale_from);
        return false;
    }
    s->has_scale = true;
    return true;
}

/* target: 95 on a gauge: the mark a dial draws (the 2012/13 profile's
 * PDR target), when its measure states none of its own. */
static bool read_target(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->target_loc = v->loc;
    s->has_target = br_build_read_number(b, v, "'target' of a chart", &s->target,
                                         &s->target_decimals);
    return s->has_target;
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
    CUSTOM("scale", false, read_scale),
    CUSTOM("target", false, read_target),
};

/* scale: and target: belong to a bullet: a gauge's target to a bullet
 * with bands: (a bullet without draws its measure's target); bands and a
 * target outside an explicit scale would be cut off. */
static void check_bullet_keys(checker *c, const br_section *s)
{
    const char *kind = chart_names[s->chart];
    if (s->chart != BR_CHART_BULLET && s->bands)
        br_error(c->d, s->bands_loc, "bands: are a bullet chart's scale; a %s chart draws none "
                 "(write kind: bullet)", kind);
    if (s->chart != BR_CHART_BULLET && s->latest)
        br_error(c->d, s->latest_loc, "value: latest is a bullet chart's; a %s chart shows every "
                 "period up to the report period", kind);
    if (s->chart != BR_CHART_BULLET && s->has_scale)
        br_error(c->d, s->scale_loc, "scale: is a bullet chart's axis; a %s chart sets its own "
                 "(write kind: bullet)", kind);
    if (s->has_target && (s->chart != BR_CHART_BULLET || !s->nbands))
        br_error(c->d, s->target_loc, "target: on a chart is the mark of a gauge drawn on its "
                 "own bands: (kind: bullet with bands:); %s", s->chart == BR_CHART_BULLET
                 ? "a bullet without bands draws its measure's target: write target: on the measure"
                 : br_arena_printf(c->r->arena, "a %s chart draws its measure's target", kind));
    if (!s->has_scale)
        return;
    for (size_t i = 0; i < s->nbands; i++)
        if (s->bands[i].from < s->scale_from || s->bands[i].to > s->scale_to) {
            br_warning(c->d, s->bands_loc, "a band (%g to %g) runs outside the scale (%g to %g), "
                       "which cuts it off; widen the scale or move the band", s->bands[i].from,
                       s->bands[i].to, s->scale_from, s->scale_to);
            break;
        }
    if (s->has_target && (s->target < s->scale_from || s->target > s->scale_to))
        br_warning(c->d, s->target_loc, "the target %g is outside the scale (%g to %g), so its "
                   "mark stands at the scale's end; widen the scale", s->target, s->scale_from,
                   s->scale_to);
}

/* A bullet or line chart prints its measures' figures, so they are in the
 * paper; one without `measure:` that selects none is worth a warning. */
static void check(checker *c, br_section *s)
{
    size_t reported = br_check_mark_ids(c, &s->select, false);
    reported += br_check_selection(c, &s->select);
    /* A bullet drawn against the paper's own bands needs no polarity. */
    bool judged = s->chart == BR_CHART_BULLET && !s->nbands;
    check_bullet_keys(c, s);
    if (s->chart == BR_CHART_BAR)
        return;
    const br_measure *one = s->measure_id ? br_report_measure(c->r, s->measure_id) : NULL;
    if (one)
        br_check_mark_charted(c, (size_t)(one - c->r->measures), judged);
    if (s->measure_id || reported)
        return;
    size_t n = 0;
    for (size_t i = 0; i < c->r->nmeasures; i++) {
        bool in = br_selection_has_measure(&s->select, &c->r->measures[i]);
        if (in)
            br_check_mark_charted(c, i, judged);
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
