/* compose_chart.c — charts as drawings: bullet (a value against its target
 * and RAG bands), line (a measure's history), bar (status counts per group,
 * as a table whose last column draws the stacked bar).
 *
 * Every chart says in words what its colours say: the status word, the
 * target, the counts.  Colour is never the only signal.
 */
#include "compose_int.h"

#include <math.h>
#include <string.h>

#include "br_compute.h"

#define CHART_TEXT 0x404040
#define AXIS_COLOR 0x808080
#define VALUE_COLOR 0x1F3864
#define LABEL_SIZE 7.5

/* Light tints for bands behind a bullet chart, keeping the hue. */
static uint32_t tint(uint32_t rgb, double keep)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double ch = (rgb >> shift) & 0xFF;
        out |= (uint32_t)lround(255 - (255 - ch) * keep) << shift;
    }
    return out;
}

/* A "nice" axis from lo to hi with about four steps of 1, 2 or 5 × 10^k. */
static void nice_axis(double lo, double hi, double *alo, double *ahi, double *step)
{
    if (hi <= lo)
        hi = lo + (lo == 0 ? 1 : fabs(lo) * 0.1);
    double raw = (hi - lo) / 4, mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    *step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    *alo = floor(lo / *step) * *step;
    *ahi = ceil(hi / *step) * *step;
}

static void text_shape(composer *c, br_graphic *g, double x, double y, const char *text,
                       br_align align, br_face face)
{
    br_shape *s = br_graphic_add(c->a, g, BR_SHAPE_TEXT);
    s->x = x, s->y = y, s->text = text, s->align = align, s->face = face;
    s->size = LABEL_SIZE;
    s->color = CHART_TEXT;
}

static void rect_shape(composer *c, br_graphic *g, double x, double y, double w, double h,
                       uint32_t color)
{
    br_shape *s = br_graphic_add(c->a, g, BR_SHAPE_RECT);
    s->x = x, s->y = y, s->w = w, s->h = h, s->color = color;
}

static void line_shape(composer *c, br_graphic *g, double x, double y, double x2, double y2,
                       double width, uint32_t color)
{
    br_shape *s = br_graphic_add(c->a, g, BR_SHAPE_LINE);
    s->x = x, s->y = y, s->x2 = x2, s->y2 = y2, s->width = width, s->color = color;
}

static const char *fmt(composer *c, const br_measure *m, double v)
{
    br_value val = {.kind = BR_VALUE_NUMBER, .number = v, .decimals = m->decimals >= 0 ? m->decimals : 0};
    if (m->decimals < 0 && fabs(v - round(v)) > 1e-9)
        val.decimals = 1;
    return br_format_value(c->a, &val, m->unit, -1, false, &c->t->numbers);
}

static br_block *graphic_block(composer *c, br_loc loc, double width, double height)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_GRAPHIC);
    b->loc = loc;
    b->graphic.width = width;
    b->graphic.height = height;
    return b;
}

/* ---- bullet ---- */

typedef struct band {
    double from, to;
    br_status status;
} band;

static size_t bullet_bands(const br_measure *m, double lo, double hi, band *out)
{
    double t = m->target.number;
    double l = m->tolerance.kind == BR_VALUE_NUMBER ? m->tolerance.number : t;
    size_t n = 0;
    if (m->polarity == BR_POLARITY_HIGHER) {
        out[n++] = (band){lo, l, BR_STATUS_RED};
        out[n++] = (band){l, t, BR_STATUS_AMBER};
        out[n++] = (band){t, hi, BR_STATUS_GREEN};
    } else if (m->polarity == BR_POLARITY_LOWER) {
        out[n++] = (band){lo, t, BR_STATUS_GREEN};
        out[n++] = (band){t, l, BR_STATUS_AMBER};
        out[n++] = (band){l, hi, BR_STATUS_RED};
    } else {
        double tol = m->tolerance.kind == BR_VALUE_NUMBER ? m->tolerance.number : 0;
        out[n++] = (band){lo, m->range_lo - tol, BR_STATUS_RED};
        out[n++] = (band){m->range_lo - tol, m->range_lo, BR_STATUS_AMBER};
        out[n++] = (band){m->range_lo, m->range_hi, BR_STATUS_GREEN};
        out[n++] = (band){m->range_hi, m->range_hi + tol, BR_STATUS_AMBER};
        out[n++] = (band){m->range_hi + tol, hi, BR_STATUS_RED};
    }
    return n;
}

static void compose_bullet(composer *c, const br_section *s, const br_measure *m, double width)
{
    const br_value *v = c->r->period != BR_NONE ? &m->values[c->r->period] : NULL;
    bool drawable = v && v->kind == BR_VALUE_NUMBER && m->polarity != BR_POLARITY_NONE &&
                    (m->polarity == BR_POLARITY_RANGE ? m->has_range : m->target.kind == BR_VALUE_NUMBER);
    br_compose_add_caption(c, s->title ? s->title : m->title, s->loc);
    const br_rag_style *rs = &c->t->status[m->status];
    const char *words = drawable
        ? br_arena_printf(c->a, "%s: %s against a target of %s — %s", c->r->period_id,
                          fmt(c, m, v->number),
                          m->polarity == BR_POLARITY_RANGE
                              ? br_arena_printf(c->a, "%s to %s", fmt(c, m, m->range_lo), fmt(c, m, m->range_hi))
                              : fmt(c, m, m->target.number), rs->label)
        : br_arena_printf(c->a, "%s: no figure and target to chart (%s)", c->r->period_id, rs->label);
    br_block *b = graphic_block(c, s->loc, width, drawable ? 52 : 12);
    br_graphic *g = &b->graphic;
    text_shape(c, g, 0, 9, words, BR_ALIGN_LEFT, BR_FACE_REGULAR);
    if (!drawable)
        return;
    double vals[] = {v->number, m->target.number,
                     m->tolerance.kind == BR_VALUE_NUMBER ? m->tolerance.number : v->number,
                     m->has_range ? m->range_lo : v->number, m->has_range ? m->range_hi : v->number};
    double lo = 0, hi = 0;
    for (size_t i = 0; i < 5; i++) {
        lo = fmin(lo, vals[i]);
        hi = fmax(hi, vals[i]);
    }
    double alo, ahi, step;
    nice_axis(lo, hi * 1.1, &alo, &ahi, &step);
    double x0 = 0, w = width, top = 16, h = 20;
#define X(val) (x0 + ((val) - alo) / (ahi - alo) * w)
    band bands[5];
    size_t nb = bullet_bands(m, alo, ahi, bands);
    for (size_t i = 0; i < nb; i++) {
        double a = fmax(alo, fmin(ahi, bands[i].from)), z = fmax(alo, fmin(ahi, bands[i].to));
        if (z > a)
            rect_shape(c, g, X(a), top, X(z) - X(a), h, tint(c->t->status[bands[i].status].fill, 0.45));
    }
    double base = alo > 0 ? alo : 0, from = fmin(X(base), X(v->number)), to = fmax(X(base), X(v->number));
    rect_shape(c, g, from, top + h / 3, to - from, h / 3, VALUE_COLOR);
    if (m->polarity != BR_POLARITY_RANGE)
        line_shape(c, g, X(m->target.number), top - 2, X(m->target.number), top + h + 2, 2, 0x000000);
    for (double t = alo; t <= ahi + step / 2; t += step) {
        line_shape(c, g, X(t), top + h, X(t), top + h + 3, 0.5, AXIS_COLOR);
        text_shape(c, g, X(t), top + h + 12, fmt(c, m, t), t == alo ? BR_ALIGN_LEFT
                   : t + step / 2 > ahi ? BR_ALIGN_RIGHT : BR_ALIGN_CENTER, BR_FACE_REGULAR);
    }
#undef X
}

/* ---- line ---- */

static void compose_line(composer *c, const br_section *s, const br_measure *m, double width)
{
    const br_report *r = c->r;
    size_t last = r->period != BR_NONE ? r->period : r->nperiods - 1;
    br_compose_add_caption(c, s->title ? s->title : m->title, s->loc);
    double lo = INFINITY, hi = -INFINITY;
    size_t npoints = 0;
    for (size_t p = 0; p <= last && p < r->nperiods; p++) {
        if (m->values[p].kind != BR_VALUE_NUMBER)
            continue;
        lo = fmin(lo, m->values[p].number);
        hi = fmax(hi, m->values[p].number);
        npoints++;
    }
    bool target = m->target.kind == BR_VALUE_NUMBER;
    if (target)
        lo = fmin(lo, m->target.number), hi = fmax(hi, m->target.number);
    if (!npoints) {
        br_block *b = graphic_block(c, s->loc, width, 12);
        text_shape(c, &b->graphic, 0, 9, "No figures to chart for these periods.", BR_ALIGN_LEFT,
                   BR_FACE_REGULAR);
        return;
    }
    double alo, ahi, step;
    nice_axis(lo >= 0 && lo < (hi - lo) ? 0 : lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1, &alo, &ahi, &step);
    double left = 44, top = 8, plot_h = 110, plot_w = width - left - 8;
    br_block *b = graphic_block(c, s->loc, width, top + plot_h + 26);
    br_graphic *g = &b->graphic;
    size_t n = last + 1;
    double dx = plot_w / (double)(n > 1 ? n - 1 : 1);
#define PX(i) (left + (n > 1 ? (double)(i) * dx : plot_w / 2))
#define PY(val) (top + plot_h - ((val) - alo) / (ahi - alo) * plot_h)
    for (double t = alo; t <= ahi + step / 2; t += step) {
        line_shape(c, g, left, PY(t), left + plot_w, PY(t), 0.3, 0xD9D9D9);
        text_shape(c, g, left - 4, PY(t) + 2.5, fmt(c, m, t), BR_ALIGN_RIGHT, BR_FACE_REGULAR);
    }
    line_shape(c, g, left, top + plot_h, left + plot_w, top + plot_h, 0.6, AXIS_COLOR);
    if (target) {
        line_shape(c, g, left, PY(m->target.number), left + plot_w, PY(m->target.number), 1.2,
                   c->t->status[BR_STATUS_GREEN].fill);
        text_shape(c, g, left + plot_w, PY(m->target.number) - 3,
                   br_arena_printf(c->a, "Target %s", fmt(c, m, m->target.number)), BR_ALIGN_RIGHT,
                   BR_FACE_BOLD);
    }
    size_t every = n > 12 ? (n + 11) / 12 : 1;
    size_t prev = BR_NONE;
    for (size_t i = 0; i < n; i++) {
        if (i % every == 0 || i == n - 1) {
            /* The end labels stay inside the drawing. */
            br_align al = n > 1 && i == 0 ? BR_ALIGN_LEFT : n > 1 && i == n - 1 ? BR_ALIGN_RIGHT
                                                                              : BR_ALIGN_CENTER;
            double lx = al == BR_ALIGN_LEFT ? PX(i) - 4 : al == BR_ALIGN_RIGHT ? PX(i) + 4 : PX(i);
            text_shape(c, g, lx, top + plot_h + 11, r->periods[i].id, al, BR_FACE_REGULAR);
        }
        if (m->values[i].kind != BR_VALUE_NUMBER)
            continue;
        double y = PY(m->values[i].number);
        if (prev != BR_NONE)
            line_shape(c, g, PX(prev), PY(m->values[prev].number), PX(i), y, 1.5, VALUE_COLOR);
        rect_shape(c, g, PX(i) - 2, y - 2, 4, 4, VALUE_COLOR);
        text_shape(c, g, PX(i), y - 5, fmt(c, m, m->values[i].number), BR_ALIGN_CENTER, BR_FACE_REGULAR);
        prev = i;
    }
#undef PX
#undef PY
}

/* ---- bar: counts per group, as a table with a drawn bar ---- */

static br_graphic *stacked_bar(composer *c, const br_summary_row *row, size_t max_total, double width)
{
    static const br_status order[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                      BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    br_graphic *g = br_arena_alloc(c->a, sizeof *g);
    g->width = width;
    g->height = 10;
    double x = 0;
    for (size_t i = 0; i < BR_STATUS_COUNT; i++) {
        size_t n = row->counts[order[i]];
        if (!n || !max_total)
            continue;
        double w = width * (double)n / (double)max_total;
        rect_shape(c, g, x, 0, w, 10, c->t->status[order[i]].fill);
        x += w;
    }
    return g;
}

static void compose_bar(composer *c, const br_section *s, double width)
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
    br_compose_cell_text(c, head, "Measures by status", BR_ALIGN_LEFT);
    size_t max_total = 0;
    for (size_t g = 0; g < sum->nrows; g++)
        if (sum->rows[g].total > max_total)
            max_total = sum->rows[g].total;
    for (size_t g = 0; g < sum->nrows; g++) {
        br_row *row = br_table_add_row(c->a, &b->table, false);
        br_compose_cell_text(c, row, sum->rows[g].key, BR_ALIGN_LEFT);
        for (size_t i = 0; i < BR_STATUS_COUNT; i++) {
            size_t n = sum->rows[g].counts[shown[i]];
            br_compose_cell_text(c, row, n ? br_arena_printf(c->a, "%zu", n) : "", BR_ALIGN_RIGHT);
        }
        br_cell *bar = br_compose_cell_text(c, row, "", BR_ALIGN_LEFT);
        bar->graphic = stacked_bar(c, &sum->rows[g], max_total, width * 0.3);
    }
}

void br_compose_chart(composer *c, const br_section *s, double width)
{
    if (s->chart == BR_CHART_BAR) {
        compose_bar(c, s, width);
        return;
    }
    const br_measure *m = s->measure_id ? br_report_measure(c->r, s->measure_id) : NULL;
    if (!m)
        return;
    if (s->chart == BR_CHART_BULLET)
        compose_bullet(c, s, m, width);
    else
        compose_line(c, s, m, width);
}

/* ---- sparkline: a measure's history in a table cell ---- */

#define SPARK_W 64.0
#define SPARK_H 14.0

br_graphic *br_compose_sparkline(composer *c, const br_measure *m)
{
    const br_report *r = c->r;
    size_t n = r->period != BR_NONE ? r->period + 1 : r->nperiods;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t p = 0; p < n; p++) {
        if (m->values[p].kind == BR_VALUE_NUMBER) {
            lo = fmin(lo, m->values[p].number);
            hi = fmax(hi, m->values[p].number);
        }
    }
    if (!(hi >= lo))
        return NULL;
    if (hi == lo)
        hi = lo + 1, lo = lo - 1;
    br_graphic *g = br_arena_alloc(c->a, sizeof *g);
    g->width = SPARK_W;
    g->height = SPARK_H;
    double dx = n > 1 ? (SPARK_W - 4) / (double)(n - 1) : 0;
    size_t prev = BR_NONE;
    for (size_t p = 0; p < n; p++) {
        if (m->values[p].kind != BR_VALUE_NUMBER)
            continue;
        double x = 2 + (double)p * dx;
        double y = 2 + (hi - m->values[p].number) / (hi - lo) * (SPARK_H - 4);
        if (prev != BR_NONE) {
            double px = 2 + (double)prev * dx;
            double py = 2 + (hi - m->values[prev].number) / (hi - lo) * (SPARK_H - 4);
            line_shape(c, g, px, py, x, y, 1, VALUE_COLOR);
        }
        prev = p;
    }
    if (prev != BR_NONE) {
        double x = 2 + (double)prev * dx;
        double y = 2 + (hi - m->values[prev].number) / (hi - lo) * (SPARK_H - 4);
        rect_shape(c, g, x - 1.75, y - 1.75, 3.5, 3.5, c->t->status[m->status].fill);
    }
    return g;
}
