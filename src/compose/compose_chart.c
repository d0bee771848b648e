/* compose_chart.c — charts described by data: bullet (a value against its
 * target and RAG bands) and line (a measure's history) become chart blocks
 * that layout measures and draws (layout_chart.c); bar (status counts per
 * group) is a table whose last column holds a stacked-bar chart, and a
 * measure table's sparkline column a sparkline chart, both drawn by layout.
 *
 * Every chart says in words what its colours say: the status word, the
 * target, the counts.  Colour is never the only signal.
 */
#include "compose_int.h"

#include <math.h>
#include <string.h>

#include "br_compute.h"
#include "br_markup.h"
#include "br_period.h"


/* A figure as the tables print it: to the measure's decimals:, else to the
 * places it was written with, so a chart never rounds a figure the paper
 * gives in full ("0.012", not "0.0"; "2.25%", not "2.3%") nor adds places
 * it was not written with.  The number only, not a form written as printed
 * ("62% (158/256)"): a point or the words give the figure. */
static const char *fmt_value(composer *c, const br_measure *m, const br_value *v)
{
    br_value val = {.kind = BR_VALUE_NUMBER, .number = v->number, .decimals = v->decimals};
    return br_format_value(c->a, &val, m->unit, m->decimals, false, &c->t->numbers);
}

/* A figure with no written form of its own (a range's ends): the places
 * its number has. */
static const char *fmt(composer *c, const br_measure *m, double v)
{
    br_value val = {.number = v, .decimals = br_format_written_places(v)};
    return fmt_value(c, m, &val);
}

/* How the chart's axis writes the measure's figures. */
static br_chart_axis axis_of(composer *c, const br_measure *m)
{
    br_chart_axis a = {.percent = m->unit == BR_UNIT_PERCENT, .thousands = c->t->numbers.thousands,
                       .brackets = c->t->numbers.negative == BR_NEG_BRACKETS};
    br_format_unit_affixes(m->unit, false, false, &a.prefix, &a.suffix);
    return a;
}

/* ---- bullet ---- */

/* Green, amber, red: the order a key lists status bands in. */
static int status_rank(br_status st)
{
    return st == BR_STATUS_GREEN ? 0 : st == BR_STATUS_AMBER ? 1 : 2;
}

/* The measure's status bands (computed: br_measure_bands) in the
 * template's status fills. */
static size_t bullet_bands(composer *c, const br_measure *m, br_chart_band *out)
{
    for (size_t i = 0; i < m->nbands; i++)
        out[i] = (br_chart_band){m->bands[i].from, m->bands[i].to,
                                 c->t->status[m->bands[i].status].fill,
                                 c->t->status[m->bands[i].status].label,
                                 status_rank(m->bands[i].status)};
    return m->nbands;
}

/* An explicit scale: {from, to}: the axis runs exactly over it. */
static void stated_scale(const br_section *s, br_chart *ch)
{
    if (!s->has_scale)
        return;
    ch->fixed_scale = true;
    ch->scale_lo = s->scale_from;
    ch->scale_hi = s->scale_to;
}

/* Why a bullet has nothing to draw, in words, its status's word said once:
 * "62% — No target", "No data", "62% — In tolerance; no target to chart it
 * against" (a status the author states). */
static const char *undrawable_summary(composer *c, const br_measure *m, const br_value *v,
                                      const char *period)
{
    const char *word = c->t->status[m->status].label;
    if (!v || v->kind != BR_VALUE_NUMBER)
        return m->status == BR_STATUS_NO_DATA
            ? br_arena_printf(c->a, "%s: %s", period, word)
            : br_arena_printf(c->a, "%s: no figure to chart — %s", period, word);
    const char *figure = fmt_value(c, m, v);
    return m->status == BR_STATUS_NO_TARGET
        ? br_arena_printf(c->a, "%s: %s — %s", period, figure, word)
        : br_arena_printf(c->a, "%s: %s — %s; no target to chart it against", period, figure, word);
}

/* How the words name period p (its label, report.period_label, else its
 * id), the report period when p is none. */
static const char *period_words(const composer *c, size_t p)
{
    return p != BR_NONE ? br_period_name(&c->r->periods[p]) : br_compose_report_period(c);
}

/* A gauge's band by its colour, as the paper shows it: the dial has no
 * target to be better than or within tolerance of. */
static const char *const colour_words[] = {
    [BR_STATUS_RED] = "red", [BR_STATUS_AMBER] = "amber", [BR_STATUS_GREEN] = "green",
};

static const char *capitalised(composer *c, const char *w)
{
    char *s = br_arena_strdup(c->a, w);
    s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* An uncoloured band's grey: the k-th of n, light to dark from the lowest
 * band up (the style's band tint lightens it further). */
static uint32_t neutral_fill(size_t k, size_t n)
{
    unsigned level = n > 1 ? 0xB0u - (unsigned)((0xB0 - 0x40) * k / (n - 1)) : 0x80u;
    return level << 16 | level << 8 | level;
}

/* The gauge's bands as drawn: coloured ones in their status fills, named
 * in the key by their colour; uncoloured ones in greys, named by none. */
static void gauge_bands(composer *c, const br_section *s, br_chart *ch)
{
    size_t nneutral = 0, k = 0;
    for (size_t i = 0; i < s->nbands; i++)
        nneutral += s->bands[i].neutral;
    ch->bands = br_arena_calloc(c->a, s->nbands, sizeof *ch->bands);
    for (size_t i = 0; i < s->nbands; i++) {
        const br_band *b = &s->bands[i];
        ch->bands[i] = b->neutral
            ? (br_chart_band){b->from, b->to, neutral_fill(k++, nneutral), NULL, 3}
            : (br_chart_band){b->from, b->to, c->t->status[b->status].fill,
                              capitalised(c, colour_words[b->status]), status_rank(b->status)};
    }
    ch->nbands = s->nbands;
}

/* The gauge's scale: its first band's start to its last band's end (or the
 * stated scale:), widened to a figure or target beyond them; its marks are
 * the band edges and the target, as the paper's dial labels them. */
static void gauge_scale(composer *c, const br_section *s, const br_chart *ch, br_chart *out)
{
    double lo = s->bands[0].from, hi = s->bands[s->nbands - 1].to;
    if (!s->has_scale) {
        if (ch->has_value)
            lo = fmin(lo, ch->value), hi = fmax(hi, ch->value);
        if (ch->has_target)
            lo = fmin(lo, ch->target), hi = fmax(hi, ch->target);
    } else {
        lo = s->scale_from, hi = s->scale_to;
    }
    double *t = br_arena_calloc(c->a, 2 * s->nbands + 3, sizeof *t);
    size_t n = 0;
    t[n++] = lo;
    for (size_t i = 0; i < s->nbands; i++)
        t[n++] = s->bands[i].from, t[n++] = s->bands[i].to;
    if (ch->has_target)
        t[n++] = ch->target;
    t[n++] = hi;
    /* Sorted, once each, within the scale. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double v = t[i];
        if (v < lo || v > hi)
            continue;
        size_t j = m;
        while (j > 0 && t[j - 1] > v)
            j--;
        if (j > 0 && t[j - 1] == v)
            continue;
        memmove(&t[j + 1], &t[j], (m - j) * sizeof *t);
        t[j] = v, m++;
    }
    out->fixed_scale = true;
    out->scale_lo = lo, out->scale_hi = hi;
    out->ticks = t, out->nticks = m;
    /* One number format for the dial: every mark, and the words' edges
     * and target, to the most places any of them is written with
     * (0.00 12.83 14.13 25.00; 50.0% ... 95.0% 100.0%). */
    out->mark_places = s->has_target ? s->target_decimals : 0;
    for (size_t i = 0; i < m; i++)
        if (br_format_written_places(t[i]) > out->mark_places)
            out->mark_places = br_format_written_places(t[i]);
}

/* A figure of the dial (a band edge, its target) as its marks write it. */
static const char *dial_figure(composer *c, const br_measure *m, const br_chart *ch, double x)
{
    br_value v = {.kind = BR_VALUE_NUMBER, .number = x, .decimals = ch->mark_places};
    return br_format_value(c->a, &v, m->unit, -1, false, &c->t->numbers);
}

/* Where the figure lies among the gauge's bands, in words: "in the green
 * band (0 to 12.83)", "in the band 80% to 90%" (uncoloured). */
static const char *gauge_band_words(composer *c, const br_section *s, const br_measure *m,
                                    const br_chart *ch)
{
    size_t k = br_gauge_band(c->r, s, m);
    if (k == BR_NONE)
        return "outside the bands drawn";
    const br_band *b = &s->bands[k];
    const char *edges = br_arena_printf(c->a, "%s to %s", dial_figure(c, m, ch, b->from),
                                        dial_figure(c, m, ch, b->to));
    return b->neutral ? br_arena_printf(c->a, "in the band %s", edges)
                      : br_arena_printf(c->a, "in the %s band (%s)", colour_words[b->status], edges);
}

/* A measure's figure on the paper's own dial: its bands (a colour each,
 * or none), its scale and marks, the target when it has one, and in words
 * the result, the target and the band the figure is in ("2012/13 Q4
 * result: 11.66, in the green band (0 to 12.83)"). */
static void stated_bands_chart(composer *c, const br_section *s, const br_measure *m,
                               size_t p, br_chart *ch)
{
    const br_value *v = p != BR_NONE ? &m->values[p] : NULL;
    const char *period = period_words(c, p);
    ch->type = BR_CHART_TYPE_BULLET;
    ch->axis = axis_of(c, m);
    if (!v || v->kind != BR_VALUE_NUMBER) {
        ch->summary = br_arena_printf(c->a, "%s: %s", period, c->t->status[BR_STATUS_NO_DATA].label);
        return;
    }
    ch->has_value = true;
    ch->value = v->number;
    ch->value_label = br_arena_printf(c->a, "%s figure", period);
    ch->has_target = br_gauge_target(s, m, &ch->target);
    ch->target_label = "Target";
    gauge_bands(c, s, ch);
    gauge_scale(c, s, ch, ch);
    const char *result = p == c->r->period
        ? br_arena_printf(c->a, "%s result", period)
        : br_arena_printf(c->a, "Latest result, as of %s", period);
    const char *against = ch->has_target
        ? br_arena_printf(c->a, " against a target of %s", dial_figure(c, m, ch, ch->target)) : "";
    ch->summary = br_arena_printf(c->a, "%s: %s%s, %s", result,
                                  br_format_value(c->a, v, m->unit, m->decimals, false,
                                                  &c->t->numbers),
                                  against, gauge_band_words(c, s, m, ch));
}

/* A measure's figure for the period against its target and status bands;
 * the summary says in words what the colours say. */
static void bullet_chart(composer *c, const br_section *s, const br_measure *m, size_t p,
                         br_chart *ch)
{
    const br_value *v = p != BR_NONE ? &m->values[p] : NULL;
    const char *period = period_words(c, p);
    /* The latest figure of an earlier period: its status is the report
     * period's, which it does not have, so the summary says so. */
    const char *word = p == c->r->period ? c->t->status[m->status].label
        : br_arena_printf(c->a, "the latest figure; %s has none",
                          period_words(c, c->r->period));
    bool drawable = v && v->kind == BR_VALUE_NUMBER && m->polarity != BR_POLARITY_NONE &&
                    (m->polarity == BR_POLARITY_RANGE ? m->has_range : m->target.kind == BR_VALUE_NUMBER);
    ch->type = BR_CHART_TYPE_BULLET;
    ch->axis = axis_of(c, m);
    ch->summary = drawable
        ? br_arena_printf(c->a, "%s: %s against a target of %s — %s", period,
                          fmt_value(c, m, v),
                          m->polarity == BR_POLARITY_RANGE
                              ? br_arena_printf(c->a, "%s to %s", fmt(c, m, m->range_lo), fmt(c, m, m->range_hi))
                              : fmt_value(c, m, &m->target), word)
        : undrawable_summary(c, m, v, period);
    if (!v || v->kind != BR_VALUE_NUMBER)
        return;
    /* A figure with no target or polarity to judge it is still charted:
     * its bar on the axis, with no bands and no mark (the words say why). */
    ch->has_value = true;
    ch->value = v->number;
    ch->value_label = br_arena_printf(c->a, "%s figure", period);
    if (!drawable)
        return;
    ch->target_label = "Target";
    ch->has_target = m->polarity != BR_POLARITY_RANGE;
    ch->target = m->target.number;
    ch->bands = br_arena_calloc(c->a, BR_MAX_BANDS, sizeof *ch->bands);
    ch->nbands = bullet_bands(c, m, ch->bands);
    stated_scale(s, ch);
}

/* ---- line ---- */

/* Each period up to the report period as a point, with the measure's
 * figure where it has one; false when it has none. */
static bool history_points(composer *c, const br_measure *m, br_chart *ch)
{
    const br_report *r = c->r;
    size_t last = r->period != BR_NONE ? r->period : r->nperiods - 1;
    ch->npoints = r->nperiods ? last + 1 : 0;
    ch->points = br_arena_calloc(c->a, ch->npoints + 1, sizeof *ch->points);
    bool any = false;
    for (size_t p = 0; p < ch->npoints; p++) {
        ch->points[p].label = period_words(c, p);
        if (m->values[p].kind != BR_VALUE_NUMBER)
            continue;
        ch->points[p].value = m->values[p].number;
        ch->points[p].text = fmt_value(c, m, &m->values[p]);
        any = true;
    }
    return any;
}

/* A measure's history up to the report period, with its target. */
static void line_chart(composer *c, const br_measure *m, br_chart *ch)
{
    ch->type = BR_CHART_TYPE_LINE;
    ch->axis = axis_of(c, m);
    if (!history_points(c, m, ch)) {
        ch->npoints = 0;
        ch->summary = "No figures to chart for these periods.";
    }
    if (m->target.kind == BR_VALUE_NUMBER) {
        ch->has_target = true;
        ch->target = m->target.number;
        ch->target_text = br_arena_printf(c->a, "Target %s", fmt_value(c, m, &m->target));
    }
}

/* Whether the chart shows measure m's figure for period p: a bullet the
 * report period's, a line each period's up to it; only numbers are drawn. */
static bool charts_period(const composer *c, const br_section *s, const br_measure *m, size_t p)
{
    const br_report *r = c->r;
    if (m->values[p].kind != BR_VALUE_NUMBER)
        return false;
    if (s->chart == BR_CHART_BULLET)
        return p == br_gauge_period(r, s, m);
    return p <= (r->period != BR_NONE ? r->period : r->nperiods - 1);
}

/* Which figure a note under a chart is on: the measure's title, its own
 * closing full stop dropped before the comma, and the period ("Calls
 * answered, 2019/20 Q1"). */
static const char *note_figure(composer *c, const br_measure *m, size_t p)
{
    const char *t = br_markup_plain(c->a, m->title);
    size_t n = strlen(t);
    if (n > 1 && t[n - 1] == '.' && t[n - 2] != '.')
        n--;
    return br_arena_printf(c->a, "%.*s, %s", (int)n, t, period_words(c, p));
}

/* The author's notes on the figures the section's charts show (its one
 * measure's, or each selected measure's), under them: a chart has no cell
 * to carry a footnote reference.  A note's words print once, after every
 * figure they are on ("Calls answered, 2019/20 Q1; Visits, 2019/20 Q1:
 * Provisional"), as identical notes share one number in a table. */
typedef struct chart_note {
    const char *text, *figures;
} chart_note;

static void chart_notes(composer *c, const br_section *s, const br_measure *only)
{
    const br_report *r = c->r;
    size_t cap = 0, n = 0;
    chart_note *notes = NULL;
    for (size_t i = 0; i < r->nmeasures; i++) {
        const br_measure *m = &r->measures[i];
        if (only ? m != only : !br_selection_has_measure(&s->select, m))
            continue;
        for (size_t p = 0; m->notes && p < r->nperiods; p++) {
            if (!m->notes[p] || !charts_period(c, s, m, p))
                continue;
            br_compose_note_printed(c, m, p);
            size_t k = 0;
            while (k < n && strcmp(notes[k].text, m->notes[p]) != 0)
                k++;
            if (k == n) {
                *BR_PUSH(c->a, notes, n, cap) = (chart_note){m->notes[p], note_figure(c, m, p)};
                continue;
            }
            notes[k].figures = br_arena_printf(c->a, "%s; %s", notes[k].figures,
                                               note_figure(c, m, p));
        }
    }
    for (size_t k = 0; k < n; k++) {
        br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
        b->loc = s->loc;
        br_rich_parse(c->a, &b->text, br_arena_printf(c->a, "*%s:* %s", notes[k].figures,
                      notes[k].text), BR_FACE_REGULAR, s->loc);
    }
}

static void chart_of(composer *c, const br_section *s, const br_measure *m, br_chart *ch)
{
    ch->measure = m->title;
    size_t p = br_gauge_period(c->r, s, m);    /* a bullet's period, with bands or not */
    if (s->chart == BR_CHART_BULLET && s->nbands)
        stated_bands_chart(c, s, m, p, ch);
    else if (s->chart == BR_CHART_BULLET)
        bullet_chart(c, s, m, p, ch);
    else
        line_chart(c, m, ch);
}

/* markup as a chart's title, one plain face; NULL when it cites a
 * footnote, which a chart's title cannot carry. */
static const char *chart_title(composer *c, const char *markup, br_loc loc)
{
    br_rich rich = {0};
    br_rich_parse(c->a, &rich, markup, BR_FACE_REGULAR, loc);
    for (size_t i = 0; i < rich.nruns; i++)
        if (rich.runs[i].footnote)
            return NULL;
    return br_markup_plain(c->a, markup);
}

/* A one-measure bullet (or dial) section straight after another joins its
 * chart block, so that single bullets stand in a grid, several to a row,
 * not one per row at the full width: the first's caption becomes its
 * chart's title, and each chart is titled by its section's title (else its
 * measure's).  Not when a title cites a footnote, or a section sets
 * per_row.  False: not joined. */
static bool join_bullet_grid(composer *c, const br_section *s, const br_measure *m)
{
    br_doc *d = c->doc;
    size_t n = d->nblocks;
    if (s->chart != BR_CHART_BULLET || s->per_row || c->bullet_grid != n || n == 0)
        return false;
    const char *title = chart_title(c, s->title ? s->title : m->title, s->loc);
    br_block *grid = &d->blocks[n - 1];
    if (!title || grid->per_row)
        return false;
    if (grid->ncharts == 1 && !grid->charts[0].title) {
        const br_block *cap = n >= 2 ? &d->blocks[n - 2] : NULL;
        if (!cap || cap->kind != BR_BLOCK_HEADING || !cap->caption)
            return false;
        for (size_t i = 0; i < cap->text.nruns; i++)
            if (cap->text.runs[i].footnote)
                return false;
        const char *first = "";
        for (size_t i = 0; i < cap->text.nruns; i++)
            first = br_arena_printf(c->a, "%s%.*s", first, (int)cap->text.runs[i].len,
                                    cap->text.runs[i].text);
        grid->charts[0].title = first;
        d->blocks[n - 2] = *grid;   /* the caption's words are the chart's title now */
        d->nblocks = n - 1;
        grid = &d->blocks[n - 2];
    }
    br_chart *charts = br_arena_calloc(c->a, grid->ncharts + 1, sizeof *charts);
    memcpy(charts, grid->charts, grid->ncharts * sizeof *charts);
    grid->charts = charts;
    chart_of(c, s, m, &charts[grid->ncharts]);
    charts[grid->ncharts++].title = title;
    c->bullet_grid = d->nblocks;
    return true;
}

/* One measure's chart under a caption; or, when the section selects
 * measures, a grid of their charts, each titled. */
static void compose_measure_charts(composer *c, const br_section *s)
{
    const br_report *r = c->r;
    br_block *b;
    if (s->measure_id && br_report_measure(r, s->measure_id) &&
        join_bullet_grid(c, s, br_report_measure(r, s->measure_id))) {
        chart_notes(c, s, br_report_measure(r, s->measure_id));
        return;
    }
    if (s->measure_id) {
        const br_measure *m = br_report_measure(r, s->measure_id);
        if (!m)
            return;
        br_compose_add_caption(c, s->title ? s->title : m->title, s->loc);
        b = br_doc_add_block(c->doc, BR_BLOCK_CHART);
        b->charts = br_arena_calloc(c->a, 1, sizeof *b->charts);
        chart_of(c, s, m, &b->charts[b->ncharts++]);
    } else {
        br_compose_add_caption(c, s->title, s->loc);
        b = br_doc_add_block(c->doc, BR_BLOCK_CHART);
        b->charts = br_arena_calloc(c->a, r->nmeasures + 1, sizeof *b->charts);
        for (size_t i = 0; i < r->nmeasures; i++) {
            if (!br_selection_has_measure(&s->select, &r->measures[i]))
                continue;
            br_chart *ch = &b->charts[b->ncharts++];
            chart_of(c, s, &r->measures[i], ch);
            /* One face for a chart's words; a footnote is the table row's to give. */
            ch->title = br_markup_plain(c->a, r->measures[i].title);
        }
    }
    b->loc = s->loc;
    b->per_row = s->per_row;
    if (s->measure_id) {
        c->bullet_grid = s->chart == BR_CHART_BULLET ? c->doc->nblocks : 0;
        chart_notes(c, s, br_report_measure(r, s->measure_id));
        return;
    }
    chart_notes(c, s, NULL);
}

/* ---- bar: counts per group, as a table with a drawn bar ---- */

/* A group's counts as a stacked bar, red first; its length is its total
 * against the largest group's (layout draws it, layout_chart.c). */
static br_chart *stacked_bar(composer *c, const br_summary_row *row, size_t max_total)
{
    static const br_status order[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                      BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    br_chart *ch = br_arena_calloc(c->a, 1, sizeof *ch);
    ch->type = BR_CHART_TYPE_STACKED;
    ch->scale = max_total;
    ch->segments = br_arena_calloc(c->a, BR_STATUS_COUNT, sizeof *ch->segments);
    for (size_t i = 0; i < BR_STATUS_COUNT; i++)
        if (row->counts[order[i]])
            ch->segments[ch->nsegments++] =
                (br_chart_segment){row->counts[order[i]], c->t->status[order[i]].fill};
    return ch;
}

static void compose_bar(composer *c, const br_section *s)
{
    const char *gb = s->group_by ? s->group_by : "group";
    br_summary *sum = br_summary_compute(c->r, &s->select, gb, c->a);
    static const br_status shown[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                      BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    br_compose_add_caption(c, s->title, s->loc);
    br_block *b = br_compose_new_table(c, s->loc, s->title, BR_STATUS_COUNT + 2);
    b->table.cols[0].weight = 2;
    b->table.cols[BR_STATUS_COUNT + 1].weight = 4;
    br_row *head = br_table_add_row(c->a, &b->table, true);
    br_compose_cell_text(c, head, "", BR_ALIGN_LEFT);
    for (size_t i = 0; i < BR_STATUS_COUNT; i++)
        br_compose_cell_rag(c, head, &c->t->status[shown[i]], NULL);
    br_compose_cell_text(c, head, c->t->summary_headings[BR_SUMMARY_BAR], BR_ALIGN_LEFT);
    size_t max_total = 0;
    for (size_t g = 0; g < sum->nrows; g++)
        if (sum->rows[g].total > max_total)
            max_total = sum->rows[g].total;
    for (size_t g = 0; g < sum->nrows; g++) {
        br_row *row = br_table_add_row(c->a, &b->table, false);
        br_compose_count_cells(c, row, br_compose_group_label(c, sum->rows[g].key, gb),
                               &sum->rows[g], shown, BR_STATUS_COUNT);
        br_cell *bar = br_compose_cell_text(c, row, "", BR_ALIGN_LEFT);
        bar->chart = stacked_bar(c, &sum->rows[g], max_total);
    }
}

void br_compose_chart(composer *c, const br_section *s)
{
    if (s->chart == BR_CHART_BAR)
        compose_bar(c, s);
    else
        compose_measure_charts(c, s);
}

/* ---- sparkline: a measure's history in a table cell ---- */

/* The measure's figures up to the report period (layout draws the line
 * and says the figures in words for a reader who cannot see it); NULL when
 * it has none. */
br_chart *br_compose_sparkline(composer *c, const br_measure *m)
{
    br_chart *ch = br_arena_calloc(c->a, 1, sizeof *ch);
    ch->type = BR_CHART_TYPE_SPARKLINE;
    ch->mark_fill = c->t->status[m->status].fill;
    return history_points(c, m, ch) ? ch : NULL;
}
