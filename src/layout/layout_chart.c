/* layout_chart.c — charts drawn from their data with the real metrics.
 *
 * Compose describes a chart (br_chart: its kind, figures, bands, target and
 * words); here it gets its geometry.  Charts are set in a grid, several to
 * a row at the width the page really has; axes take round steps (1, 2 or 5
 * times a power of ten) whose labels fit, written with no more decimals
 * than the step needs; a percentage axis runs 0-100% unless a figure lies
 * outside it.  Every label is measured with its font and placed so that no
 * two overlap, and none is crossed by a line of the chart (the series, its
 * markers, the target and the axis; the light grid is broken around a
 * label, so no text stands on a rule):
 * an axis label that would collide is left out, a point's figure moves
 * below, beside or diagonally off its point or, failing all of them, is left
 * out (the summary and the paper's tables carry every figure).
 *
 * Each chart is built as a drawing (br_graphic) in its own coordinates and
 * drawn as a figure (br_lay_figure) with its alternative text.
 */
#include "layout_int.h"

#include <math.h>
#include <string.h>

#include "br_format.h"

#define TICK_LEN 3.0
#define GRID_W 0.3          /* pt: a grid line */
#define GRID_CLEAR 1.0      /* pt a grid line keeps from a label */
#define LABEL_GAP 4.0       /* pt between two labels of an axis */

typedef struct box {
    double x0, y0, x1, y1;
} box;

/* One chart being built. */
typedef struct cb {
    lay *L;
    const br_chart *c;
    const br_chart_style *cs;
    br_graphic *g;
    double w, y;            /* width; top of what comes next */
    double size, asc, desc; /* label size and its ascent, descent (pt, both >= 0) */
    box *boxes;             /* the labels placed so far */
    size_t nboxes, cap;
    box *segs;              /* lines labels keep off: (x0, y0) to (x1, y1) */
    size_t nsegs, segs_cap;
    box *texts;             /* the boxes of the labels placed (no lines) */
    size_t ntexts, texts_cap;
    size_t *grid;           /* the shapes that are grid lines */
    size_t ngrid, grid_cap;
    double share_lo, share_hi;  /* the figures of the block's percentage charts */
} cb;

/* A value axis: from lo to hi in steps. */
typedef struct axis {
    double lo, hi, step;
    int decimals;
} axis;

/* ---- shapes and labels ---- */

static void rect(cb *b, double x, double y, double w, double h, uint32_t color)
{
    br_shape *s = br_graphic_add(b->L->work, b->g, BR_SHAPE_RECT);
    s->x = x, s->y = y, s->w = w, s->h = h, s->color = color;
}

static void line(cb *b, double x, double y, double x2, double y2, double width, uint32_t color)
{
    br_shape *s = br_graphic_add(b->L->work, b->g, BR_SHAPE_LINE);
    s->x = x, s->y = y, s->x2 = x2, s->y2 = y2, s->width = width, s->color = color;
}

static double text_w(const cb *b, const char *s, br_face face, double size)
{
    return br_lay_tx_width(b->L, s, strlen(s), face, size);
}

static box label_box(const cb *b, double x, double baseline, double w, double size)
{
    double k = size / b->size;
    return (box){x, baseline - b->asc * k, x + w, baseline + b->desc * k};
}

static bool overlap(box a, box z)
{
    return a.x0 < z.x1 - LAY_EPS && z.x0 < a.x1 - LAY_EPS && a.y0 < z.y1 - LAY_EPS &&
           z.y0 < a.y1 - LAY_EPS;
}

/* Whether the segment from (s.x0, s.y0) to (s.x1, s.y1) passes through k
 * (Liang-Barsky clipping: what is left of the segment inside k). */
static bool crosses(box s, box k)
{
    double dx = s.x1 - s.x0, dy = s.y1 - s.y0, t0 = 0, t1 = 1;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {s.x0 - k.x0, k.x1 - s.x0, s.y0 - k.y0, k.y1 - s.y0};
    for (int i = 0; i < 4; i++) {
        if (fabs(p[i]) < 1e-12) {
            if (q[i] < 0)
                return false;
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0)
            t0 = fmax(t0, r);
        else
            t1 = fmin(t1, r);
        if (t0 > t1)
            return false;
    }
    return true;
}

#define LINE_CLEAR 1.0      /* pt a label keeps from a line, past its half width */

/* A line of the chart that labels keep off. */
static void obstacle(cb *b, double x, double y, double x2, double y2, double width)
{
    double pad = width / 2 + LINE_CLEAR;
    if (y == y2 || x == x2) {   /* a rule: its box, widened by the pad */
        *BR_PUSH(b->L->work, b->boxes, b->nboxes, b->cap) =
            (box){fmin(x, x2) - pad, fmin(y, y2) - pad, fmax(x, x2) + pad, fmax(y, y2) + pad};
        return;
    }
    /* A slanting line: kept as its segment; the label's box is widened
     * by the pad instead when tested. */
    *BR_PUSH(b->L->work, b->segs, b->nsegs, b->segs_cap) = (box){x, y, x2, y2};
}

/* A label collides with one placed before it, a line of the chart, or
 * the chart's edge (past it, it would meet the next chart of the row). */
static bool collides(const cb *b, box k)
{
    if (k.x0 < -LAY_EPS || k.x1 > b->w + LAY_EPS)
        return true;
    for (size_t i = 0; i < b->nboxes; i++)
        if (overlap(k, b->boxes[i]))
            return true;
    box wide = {k.x0 - LINE_CLEAR - 0.75, k.y0 - LINE_CLEAR - 0.75, k.x1 + LINE_CLEAR + 0.75,
                k.y1 + LINE_CLEAR + 0.75};
    for (size_t i = 0; i < b->nsegs; i++)
        if (crosses(b->segs[i], wide))
            return true;
    return false;
}

/* Places text with its left end at x (the text is kept by the pages). */
static void label(cb *b, double x, double baseline, const char *s, size_t len, br_face face,
                  double size, uint32_t color)
{
    br_shape *sh = br_graphic_add(b->L->work, b->g, BR_SHAPE_TEXT);
    sh->x = x, sh->y = baseline, sh->align = BR_ALIGN_LEFT, sh->face = face, sh->size = size;
    sh->color = color;
    sh->text = br_arena_strndup(b->L->arena, s, len);
    box *k = BR_PUSH(b->L->work, b->boxes, b->nboxes, b->cap);
    *k = label_box(b, x, baseline, br_lay_tx_width(b->L, s, len, face, size), size);
    *BR_PUSH(b->L->work, b->texts, b->ntexts, b->texts_cap) = *k;
}

/* Places a label at x unless it would overlap one already placed. */
static bool label_if_free(cb *b, double x, double baseline, const char *s, br_face face)
{
    if (collides(b, label_box(b, x, baseline, text_w(b, s, face, b->size), b->size)))
        return false;
    label(b, x, baseline, s, strlen(s), face, b->size, b->cs->text_color);
    return true;
}

/* Text broken into lines at the chart's width. */
static void words_break(cb *b, const char *s, tx_style *st, tx_text *t)
{
    tx_prep p;
    br_lay_tx_prepare_plain(b->L, &p, s, strlen(s), st, (br_loc){0});
    br_lay_tx_break(b->L, &p, b->w, t);
}

static double words_height(cb *b, const char *s, br_face face, double size)
{
    if (!s || !*s)
        return 0;
    tx_style st = {size, size * 1.3, face, b->cs->text_color};
    tx_text t;
    words_break(b, s, &st, &t);
    return (double)t.nlines * st.leading;
}

/* Text broken into lines at the chart's width, from b->y down. */
static void words(cb *b, const char *s, br_face face, double size)
{
    if (!s || !*s)
        return;
    tx_style st = {size, size * 1.3, face, b->cs->text_color};
    tx_text t;
    words_break(b, s, &st, &t);
    double base = br_lay_tx_baseline(b->L, &st);
    for (size_t i = 0; i < t.nlines; i++)
        for (uint32_t f = 0; f < t.lines[i].nfrags; f++) {
            const tx_frag *fr = &t.frags[t.lines[i].frag0 + f];
            label(b, fr->x, b->y + base + (double)i * st.leading, fr->text, fr->len,
                  (br_face)fr->face, size, fr->color);
        }
    b->y += (double)t.nlines * st.leading;
}

/* ---- axes ---- */

/* The roundest of 1, 2, 5 x 10^k at least raw. */
static double round_step(double raw)
{
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * mag;
}

static double rounder_step(double step)
{
    return round_step(step * 1.5);
}

/* Decimals v needs, at most max: none for 5, one for 0.5, two for 0.25. */
static int decimals_of(double v, int max)
{
    for (int d = 0; d < max; d++) {
        double s = fabs(v) * pow(10, d);
        if (fabs(s - round(s)) < 1e-6 * fmax(1, s))
            return d;
    }
    return max;
}

/* v written with exactly `decimals` places, in the chart's unit. */
static const char *axis_text_places(cb *b, double v, int decimals)
{
    const br_chart_axis *a = &b->c->axis;
    br_numfmt fmt = {a->thousands, a->brackets ? BR_NEG_BRACKETS : BR_NEG_MINUS};
    if (fabs(v) < 1e-9)
        v = 0;
    return br_format_affixed(b->L->arena, br_format_number(b->L->arena, v, decimals, &fmt),
                             a->prefix ? a->prefix : "", a->suffix ? a->suffix : "");
}

/* No needless decimals: 0, 0.5, 1, 1.5 rather than 0.0, 0.5, 1.0. */
static const char *axis_text(cb *b, double v, int decimals)
{
    return axis_text_places(b, v, decimals_of(v, decimals));
}

/* The axis over [lo, hi] (exactly, when fixed) with at most max_steps
 * steps whose labels, laid along a length of len pt (0: up an axis, where
 * they never meet), keep LABEL_GAP apart. */
static axis choose_axis(cb *b, double lo, double hi, bool fixed, int max_steps, double len)
{
    axis a = {lo, hi, 0, 0}, between = {0, 0, 0, 0};
    if (!(hi > lo))
        hi = lo + (lo != 0 ? fabs(lo) * 0.1 : 1);
    double step = round_step((hi - lo) / max_steps);
    for (int tries = 0; tries < 40; tries++, step = rounder_step(step)) {
        a.step = step;
        a.lo = fixed ? lo : floor(lo / step + 1e-9) * step;
        a.hi = fixed ? hi : ceil(hi / step - 1e-9) * step;
        a.decimals = decimals_of(step, 6);
        double n = round((a.hi - a.lo) / step);
        bool divides = fabs(n * step - (a.hi - a.lo)) <= 1e-9 * (a.hi - a.lo);
        /* A stated scale no round step divides (0 to 12.83): the finest
         * step that is few enough marks between its ends. */
        if (fixed && !divides && !between.step && floor((a.hi - a.lo) / step) <= max_steps)
            between = a;
        if (n > max_steps || (fixed && !divides))
            continue;
        if (len <= 0)
            return a;
        /* Labels centred on their ticks, the end ones kept inside. */
        double prev_end = -INFINITY;
        bool fits = true;
        for (int i = 0; i <= n && fits; i++) {
            double w = text_w(b, axis_text(b, a.lo + i * step, a.decimals), BR_FACE_REGULAR,
                              b->size);
            double x = fmin(fmax(i * len / n - w / 2, 0), len - w);
            fits = x >= prev_end + LABEL_GAP;
            prev_end = x + w;
        }
        /* Fewer labels than the two ends (and zero between them, when the
         * axis crosses it) no step gives: those that do not fit are left out. */
        if (fits || n <= 1 || (n <= 2 && a.lo < 0 && a.hi > 0))
            return a;
    }
    return between.step ? between : a;
}

/* Finite figures the chart shows: its value, target, band edges, points. */
static bool chart_range(const br_chart *c, double *lo, double *hi)
{
    *lo = INFINITY, *hi = -INFINITY;
#define TAKE(v) (isfinite(v) ? (*lo = fmin(*lo, (v)), *hi = fmax(*hi, (v))) : 0)
    if (c->has_target)
        TAKE(c->target);
    if (c->type == BR_CHART_TYPE_BULLET) {
        if (c->has_value)
            TAKE(c->value);
        for (size_t i = 0; i < c->nbands; i++)
            TAKE(c->bands[i].from), TAKE(c->bands[i].to);
    }
    for (size_t i = 0; i < c->npoints; i++)
        if (c->points[i].text)
            TAKE(c->points[i].value);
#undef TAKE
    return *lo <= *hi;
}

/* ---- bullet ---- */

static uint32_t tint(uint32_t rgb, double keep)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double ch = (rgb >> shift) & 0xFF;
        out |= (uint32_t)lround(255 - (255 - ch) * keep) << shift;
    }
    return out;
}

/* A bullet's axis: a stated scale exactly (a gauge's own, 50-100%); else
 * part of a whole, from zero (or the lowest figure), with a tenth of room
 * past the largest, a percentage axis 0-100% unless a figure lies outside
 * it. */
static axis bullet_axis(cb *b)
{
    const br_chart *c = b->c;
    double lo, hi;
    int max_steps = (int)fmin(8, fmax(2, b->w / 80));
    if (c->fixed_scale)
        return choose_axis(b, c->scale_lo, c->scale_hi, true, max_steps, b->w);
    chart_range(c, &lo, &hi);
    lo = fmin(lo, 0), hi = fmax(hi, 0);
    bool whole = c->axis.percent && lo >= 0 && hi <= 100;
    if (whole)
        lo = 0, hi = 100;
    else
        hi += (hi - lo) * 0.1, lo -= lo < 0 ? (hi - lo) * 0.1 : 0;
    return choose_axis(b, lo, hi, whole, max_steps, b->w);
}

/* The marks of a bullet's axis a, low to high, and the decimals they are
 * all written with: the chart's own (a gauge's band edges: 0.00, 12.83,
 * 14.13, 25.00, to the places compose chose, which its words use too),
 * else a's round steps; on a stated scale no round step
 * divides (0 to 12.83), its ends and the steps between them. */
static size_t bullet_ticks(cb *b, const axis *a, double **out, int *decimals)
{
    const br_chart *c = b->c;
    size_t n = 0;
    double *t;
    *decimals = 0;
    if (c->ticks && c->nticks) {
        t = br_arena_calloc(b->L->work, c->nticks, sizeof *t);
        *decimals = c->mark_places;
        memcpy(t, c->ticks, c->nticks * sizeof *t);
        *out = t;
        return c->nticks;
    }
    double steps = (a->hi - a->lo) / a->step;
    t = br_arena_calloc(b->L->work, (size_t)fmin(fmax(steps, 0), 64) + 3, sizeof *t);
    t[n++] = a->lo;
    for (double v = (floor(a->lo / a->step + 1e-9) + 1) * a->step;
         v < a->hi - a->step * 1e-6 && n < 64; v += a->step)
        if (v > a->lo + a->step * 1e-6)
            t[n++] = v;
    t[n++] = a->hi;
    *decimals = a->decimals;
    for (size_t i = 0; i < n; i++)
        *decimals = (int)fmax(*decimals, decimals_of(t[i], 6));
    *out = t;
    return n;
}

#define MARK_LINES 3      /* lines a gauge's crowded marks may take under its axis */

/* The marks' labels under the axis, centred on their ticks (the end ones
 * kept inside), from the low end; a chart's own marks (a gauge's band
 * edges and target) the ends first, and those with no room on the first
 * line go on a second or third, else are left out. */
static void axis_labels_below(cb *b, const axis *a, double x0, double len, double top)
{
    double *t;
    int decimals;
    size_t n = bullet_ticks(b, a, &t, &decimals);
    bool own = b->c->ticks && b->c->nticks;
    double base = top + TICK_LEN + 1 + b->asc, lead = b->asc + b->desc + 1;
    int lines = 1;
    for (size_t k = 0; k < n; k++) {
        size_t i = !own || k == 0 ? k : k == 1 ? n - 1 : k - 1;
        double x = x0 + (t[i] - a->lo) / (a->hi - a->lo) * len;
        line(b, x, top, x, top + TICK_LEN, 0.5, b->cs->axis_color);
        const char *s = own ? axis_text_places(b, t[i], decimals) : axis_text(b, t[i], decimals);
        double w = text_w(b, s, BR_FACE_REGULAR, b->size);
        double at = fmin(fmax(x - w / 2, x0), x0 + len - w);
        for (int l = 0; l < (own ? MARK_LINES : 1); l++)
            if (label_if_free(b, at, base + l * lead, s, BR_FACE_REGULAR)) {
                lines = l + 1 > lines ? l + 1 : lines;
                break;
            }
    }
    b->y = base + (lines - 1) * lead + b->desc;
}

static void bullet(cb *b)
{
    const br_chart *c = b->c;
    double dummy;
    if (!c->has_value || !chart_range(c, &dummy, &dummy))
        return;
    axis a = bullet_axis(b);
    double h = b->w >= 300 ? 20 : 14, top = b->y + 5;
#define X(v) ((fmin(fmax((v), a.lo), a.hi) - a.lo) / (a.hi - a.lo) * b->w)
    for (size_t i = 0; i < c->nbands; i++) {
        double x0 = X(c->bands[i].from), x1 = X(c->bands[i].to);
        if (x1 > x0)
            rect(b, x0, top, x1 - x0, h, tint(c->bands[i].fill, b->cs->band_tint));
    }
    double from = fmin(X(0), X(c->value)), to = fmax(X(0), X(c->value));
    rect(b, from, top + h / 3, to - from, h / 3, b->cs->value_color);
    if (c->has_target)
        line(b, X(c->target), top - 2, X(c->target), top + h + 2, 2, b->cs->target_color);
#undef X
    axis_labels_below(b, &a, 0, b->w, top + h);
}

/* ---- line ---- */

/* A history axis: from zero when the figures are not far from it, else
 * from a little below the lowest.  A percentage axis never truncates its
 * baseline: it runs from 0%, to past the highest figure (100% at most
 * unless one lies over it); the charts of a block share its range
 * (b->share), so small multiples read on one scale. */
static axis line_axis(cb *b, double plot_h)
{
    double lo, hi;
    chart_range(b->c, &lo, &hi);
    int max_steps = (int)fmin(6, fmax(2, plot_h / (2 * b->size)));
    bool percent = b->c->axis.percent && lo >= 0;
    if (percent)
        lo = fmin(lo, b->share_lo), hi = fmax(hi, b->share_hi);
    double span = hi > lo ? hi - lo : fabs(hi) > 0 ? fabs(hi) * 0.2 : 1;
    double alo = percent || (lo >= 0 && lo < span) ? 0 : lo - span * 0.1, ahi = hi + span * 0.1;
    if (lo >= 0)
        alo = fmax(alo, 0);
    if (percent && hi <= 100)
        ahi = fmin(ahi, 100);
    axis a = choose_axis(b, alo, ahi, false, max_steps, 0);
    if (percent && hi <= 100 && a.hi > 100)
        a.hi = 100;  /* steps of 1, 2, 5 x 10^k divide 100 when no larger */
    return a;
}

typedef struct plot {
    double left, top, w, h;
    size_t n;
    axis a;
} plot;

static double px(const plot *p, size_t i)
{
    return p->n > 1 ? p->left + p->w * (double)i / (double)(p->n - 1) : p->left + p->w / 2;
}

static double py(const plot *p, double v)
{
    return p->top + p->h - (v - p->a.lo) / (p->a.hi - p->a.lo) * p->h;
}

static void y_labels(cb *b, const plot *p)
{
    double n = round((p->a.hi - p->a.lo) / p->a.step);
    for (int i = 0; i <= n; i++) {
        double v = fmin(p->a.lo + i * p->a.step, p->a.hi), y = py(p, v);
        *BR_PUSH(b->L->work, b->grid, b->ngrid, b->grid_cap) = b->g->nshapes;
        line(b, p->left, y, p->left + p->w, y, GRID_W, b->cs->grid_color);
        const char *s = axis_text(b, v, p->a.decimals);
        double w = text_w(b, s, BR_FACE_REGULAR, b->size);
        label_if_free(b, p->left - LABEL_GAP - w, y + (b->asc - b->desc) / 2, s, BR_FACE_REGULAR);
    }
}

/* The part of grid line s from x on that is clear of every label (a label
 * within GRID_CLEAR of its height breaks it, GRID_CLEAR either side of the
 * label's ends); false when none is left.  The part runs to *x1, and *x
 * moves past it. */
static bool grid_part(const cb *b, const br_shape *s, double *x, double *x1)
{
    double end = s->x2;
    for (bool moved = true; moved && *x < end - LAY_EPS;) {
        moved = false;
        *x1 = end;
        for (size_t i = 0; i < b->ntexts; i++) {
            box k = b->texts[i];
            if (s->y < k.y0 - GRID_CLEAR || s->y > k.y1 + GRID_CLEAR ||
                k.x1 + GRID_CLEAR <= *x || k.x0 - GRID_CLEAR >= *x1)
                continue;
            if (k.x0 - GRID_CLEAR <= *x + LAY_EPS) {
                *x = k.x1 + GRID_CLEAR;     /* starts inside a label: skip it */
                moved = true;
                break;
            }
            *x1 = k.x0 - GRID_CLEAR;
        }
    }
    return *x < end - LAY_EPS && *x1 > *x + LAY_EPS;
}

/* Breaks each grid line around the labels it would run through: its
 * parts take its place among the shapes, so they are still drawn first,
 * under the series. */
static void break_grid(cb *b)
{
    for (size_t gi = b->ngrid; gi-- > 0;) {
        size_t at = b->grid[gi];
        br_shape line = b->g->shapes[at];
        br_shape parts[64];
        size_t n = 0;
        double x = line.x, x1;
        while (n < 64 && grid_part(b, &line, &x, &x1)) {
            parts[n] = line;
            parts[n].x = x, parts[n].x2 = x1;
            n++;
            x = x1;
        }
        if (n == 1 && parts[0].x == line.x && parts[0].x2 == line.x2)
            continue;
        /* Room for the parts: n shapes where there was one. */
        for (size_t k = 1; k < n; k++)
            br_graphic_add(b->L->work, b->g, BR_SHAPE_LINE);
        if (n == 0) {
            memmove(&b->g->shapes[at], &b->g->shapes[at + 1],
                    (b->g->nshapes - at - 1) * sizeof *b->g->shapes);
            b->g->nshapes--;
            continue;
        }
        memmove(&b->g->shapes[at + n], &b->g->shapes[at + 1],
                (b->g->nshapes - (n - 1) - at - 1) * sizeof *b->g->shapes);
        memcpy(&b->g->shapes[at], parts, n * sizeof *parts);
    }
}

/* Where period i's label starts: centred on its point, kept inside the
 * chart (under the axis labels' column too: they end above it). */
static double x_label_at(const cb *b, const plot *p, size_t i, double w)
{
    return fmin(fmax(px(p, i) - w / 2, 0), b->w - w);
}

/* A period's label: whole, or broken at the space that makes it
 * narrowest into two lines ("2018/19" over "Q1"). */
typedef struct xlabel {
    const char *s[2];
    size_t len[2];
    double w;
} xlabel;

static xlabel x_label(const cb *b, const char *s, bool two_lines)
{
    size_t n = strlen(s);
    xlabel l = {{s, NULL}, {n, 0}, br_lay_tx_width(b->L, s, n, BR_FACE_REGULAR, b->size)};
    for (size_t k = 1; two_lines && k + 1 < n; k++) {
        if (s[k] != ' ')
            continue;
        double w = fmax(br_lay_tx_width(b->L, s, k, BR_FACE_REGULAR, b->size),
                        br_lay_tx_width(b->L, s + k + 1, n - k - 1, BR_FACE_REGULAR, b->size));
        if (w < l.w)
            l = (xlabel){{s, s + k + 1}, {k, n - k - 1}, w};
    }
    return l;
}

/* Whether every k-th label (from the first) keeps LABEL_GAP from the next. */
static bool x_labels_fit(const cb *b, const plot *p, const xlabel *l, size_t every)
{
    double end = -INFINITY;
    for (size_t i = 0; i < p->n; i += every) {
        double x = x_label_at(b, p, i, l[i].w);
        if (x < end + LABEL_GAP)
            return false;
        end = x + l[i].w;
    }
    return true;
}

#define X_LEADING 1.15     /* a two-line period label's line spacing, in label sizes */

/* Places period i's label (both its lines) unless it would come within
 * pad of a label placed before it or meet a line of the chart. */
static void x_label_place(cb *b, const plot *p, const xlabel *l, size_t i, double baseline,
                          double pad)
{
    double x = x_label_at(b, p, i, l->w), lead = b->size * X_LEADING;
    box k = label_box(b, x, baseline, l->w, b->size);
    k.x0 = fmax(k.x0 - pad, 0), k.x1 = fmin(k.x1 + pad, b->w);   /* the gap is not past the edge */
    if (l->s[1])
        k.y1 += lead;
    if (collides(b, k))
        return;
    for (int n = 0; n < 2 && l->s[n]; n++) {
        double w = br_lay_tx_width(b->L, l->s[n], l->len[n], BR_FACE_REGULAR, b->size);
        label(b, x + (l->w - w) / 2, baseline + n * lead, l->s[n], l->len[n], BR_FACE_REGULAR,
              b->size, b->cs->text_color);
    }
}

/* The highest (sign 1) or lowest (-1) figure's period; BR_NONE: none. */
static size_t extreme(const br_chart *c, double sign)
{
    size_t best = BR_NONE;
    for (size_t i = 0; i < c->npoints; i++)
        if (c->points[i].text &&
            (best == BR_NONE || sign * c->points[i].value > sign * c->points[best].value))
            best = i;
    return best;
}

/* Every period's label on one line, else on two (broken at a space), else
 * every k-th for the smallest k at which they keep apart.  The latest,
 * the first and the highest and lowest figures' periods are labelled
 * first, the others where there is room.  Returns the lines taken. */
static int x_labels(cb *b, const plot *p, double baseline)
{
    const br_chart *c = b->c;
    xlabel *l = br_arena_calloc(b->L->work, p->n, sizeof *l);
    bool two = false;
    for (int pass = 0; pass < 2; pass++) {
        two = pass == 1;
        for (size_t i = 0; i < p->n; i++)
            l[i] = x_label(b, c->points[i].label ? c->points[i].label : "", two);
        if (x_labels_fit(b, p, l, 1))
            break;
    }
    size_t every = 1;
    while (every < p->n && !x_labels_fit(b, p, l, every))
        every++;
    size_t first[4] = {p->n - 1, 0, extreme(c, 1), extreme(c, -1)};
    for (int k = 0; k < 4; k++)
        if (first[k] != BR_NONE)
            x_label_place(b, p, &l[first[k]], first[k], baseline, k ? LABEL_GAP / 2 : 0);
    for (size_t i = 0; i < p->n; i += every)
        x_label_place(b, p, &l[i], i, baseline, LABEL_GAP / 2);
    for (size_t i = 0; i < p->n; i++)
        if (l[i].s[1])
            return 2;
    return 1;
}

/* Whether a figure's label k keeps to its point's side of the target line:
 * a figure under its target is never read above it, nor one over it below. */
static bool beside_its_point(const cb *b, const plot *p, size_t i, box k)
{
    if (!b->c->has_target)
        return true;
    double t = py(p, b->c->target), y = py(p, b->c->points[i].value);
    return y > t + LAY_EPS ? k.y0 >= t : y < t - LAY_EPS ? k.y1 <= t : true;
}

/* Places point i's figure at (x, baseline) if it is free there and on its
 * point's side of the target. */
static bool point_label_at(cb *b, const plot *p, size_t i, double x, double baseline, double w)
{
    return beside_its_point(b, p, i, label_box(b, x, baseline, w, b->size)) &&
           label_if_free(b, x, baseline, b->c->points[i].text, BR_FACE_REGULAR);
}

/* A point's figure above it, else below, left or right of it, else off
 * one of its corners, else higher above it (clear of the arms of a
 * valley), else left out; never across the target line from its point. */
static void point_label(cb *b, const plot *p, size_t i)
{
    const char *s = b->c->points[i].text;
    double w = text_w(b, s, BR_FACE_REGULAR, b->size), y = py(p, b->c->points[i].value);
    double x = fmin(fmax(px(p, i) - w / 2, p->left), b->w - w), mid = y + (b->asc - b->desc) / 2;
    double left = px(p, i) - 5 - w, right = px(p, i) + 5;
    double above = y - 3 - b->desc, below = y + 3 + b->asc;
    double xs[8] = {x, x, left, right, right, left, right, left};
    double ys[8] = {above, below, mid, mid, above, above, below, below};
    for (int k = 0; k < 8; k++)
        if (xs[k] >= p->left && xs[k] + w <= b->w && point_label_at(b, p, i, xs[k], ys[k], w))
            return;
    for (double lift = 1.5; lift <= 2 * (b->asc + b->desc); lift += 1.5)
        if (above - lift - b->asc >= p->top - b->asc &&
            point_label_at(b, p, i, x, above - lift, w))
            return;
}

#define SERIES_W 1.5        /* pt: the line joining a series' points */

static void series(cb *b, const plot *p)
{
    const br_chart *c = b->c;
    size_t prev = BR_NONE;
    for (size_t i = 0; i < p->n; i++) {
        if (!c->points[i].text)
            continue;
        double y = py(p, c->points[i].value);
        if (prev != BR_NONE) {
            double x0 = px(p, prev), y0 = py(p, c->points[prev].value);
            line(b, x0, y0, px(p, i), y, SERIES_W, b->cs->value_color);
            obstacle(b, x0, y0, px(p, i), y, SERIES_W);
        }
        rect(b, px(p, i) - 2, y - 2, 4, 4, b->cs->value_color);
        obstacle(b, px(p, i) - 2, y, px(p, i) + 2, y, 4);
        prev = i;
    }
}

/* The latest figure, the point furthest right that has one. */
static size_t latest(const br_chart *c)
{
    for (size_t k = c->npoints; k-- > 0;)
        if (c->points[k].text)
            return k;
    return BR_NONE;
}

#define TARGET_W 1.2        /* pt: a line chart's target line */

/* The target line, and its label at the right end above or below it, else
 * at the left end. */
static void target(cb *b, const plot *p)
{
    const br_chart *c = b->c;
    double y = py(p, c->target);
    line(b, p->left, y, p->left + p->w, y, TARGET_W, b->cs->target_color);
    const char *s = c->target_text ? c->target_text : axis_text(b, c->target, 6);
    double w = text_w(b, s, BR_FACE_BOLD, b->size);
    double xs[2] = {p->left + p->w - w, p->left}, ys[2] = {y - 3 - b->desc, y + 3 + b->asc};
    for (int i = 0; i < 4; i++) {
        double x = fmax(xs[i / 2], 0);
        if (!collides(b, label_box(b, x, ys[i % 2], w, b->size))) {
            label(b, x, ys[i % 2], s, strlen(s), BR_FACE_BOLD, b->size, b->cs->text_color);
            break;
        }
    }
}

#define BREAK_W 2.5          /* pt: the gap an axis break cuts into the axis */
#define BREAK_H 3.0          /* pt: how far each stroke reaches above and below it */

/* A value axis that does not start at zero is marked so (a count's
 * history on 5,400-6,200 is not read as rising from nothing): the axis
 * line is cut near its left end and two slanting strokes stand in the
 * cut, as a typesetter marks a broken scale. */
static void axis_break(cb *b, const plot *p)
{
    double y = p->top + p->h, x = p->left + 2 * BREAK_W;
    rect(b, x, y - 0.5, BREAK_W, 1, 0xFFFFFF);
    for (int k = 0; k < 2; k++) {
        double sx = x + k * BREAK_W;
        line(b, sx - 1, y + BREAK_H, sx + 1, y - BREAK_H, 0.6, b->cs->axis_color);
        obstacle(b, sx - 1, y + BREAK_H, sx + 1, y - BREAK_H, 0.6);
    }
}

static void line_chart(cb *b)
{
    const br_chart *c = b->c;
    double lo, hi;
    if (!c->npoints || !chart_range(c, &lo, &hi))
        return;
    plot p = {.n = c->npoints, .h = fmin(110, fmax(60, b->w * 0.25))};
    p.top = b->y + b->asc + b->desc + 6;
    p.a = line_axis(b, p.h);
    double widest = 0, n = round((p.a.hi - p.a.lo) / p.a.step);
    for (int i = 0; i <= n; i++)
        widest = fmax(widest, text_w(b, axis_text(b, fmin(p.a.lo + i * p.a.step, p.a.hi),
                                                  p.a.decimals), BR_FACE_REGULAR, b->size));
    p.left = widest + LABEL_GAP + 2;
    /* Room right of the plot for the latest figure, when it is the last
     * period's: beside its point it is clear of every line. */
    size_t last = latest(c);
    double right = 8;
    if (last == p.n - 1 && p.n > 1)
        right = fmax(right, text_w(b, c->points[last].text, BR_FACE_REGULAR, b->size) + 6);
    p.w = fmax(b->w - p.left - right, 1);
    y_labels(b, &p);
    line(b, p.left, p.top + p.h, p.left + p.w, p.top + p.h, 0.6, b->cs->axis_color);
    obstacle(b, p.left, p.top + p.h, p.left + p.w, p.top + p.h, 0.6);
    if (p.a.lo > 0 || p.a.hi < 0)
        axis_break(b, &p);
    double x_base = p.top + p.h + TICK_LEN + 2 + b->asc;
    int x_lines = x_labels(b, &p, x_base);
    series(b, &p);
    /* Labels by importance: the latest figure, the target, then the other
     * figures from the latest back; none across the target line. */
    if (c->has_target)
        obstacle(b, p.left, py(&p, c->target), p.left + p.w, py(&p, c->target), TARGET_W);
    if (last != BR_NONE)
        point_label(b, &p, last);
    if (c->has_target)
        target(b, &p);
    for (size_t k = last != BR_NONE ? last : 0; k-- > 0;)
        if (c->points[k].text)
            point_label(b, &p, k);
    break_grid(b);
    b->y = x_base + (x_lines - 1) * b->size * X_LEADING + b->desc;
}

/* ---- charts and the grid ---- */

static cb chart_begin(lay *L, const br_chart *c, double w)
{
    const br_chart_style *cs = &L->style->chart;
    cb b = {.L = L, .c = c, .cs = cs, .w = w, .size = cs->label_size, .share_lo = INFINITY,
            .share_hi = -INFINITY};
    b.asc = L->ascent * b.size / 1000, b.desc = -L->descent * b.size / 1000;
    return b;
}

/* Height of chart c's title and summary at width w. */
static double head_height(lay *L, const br_chart *c, double w)
{
    cb b = chart_begin(L, c, w);
    b.y += words_height(&b, c->title, BR_FACE_BOLD, b.size + 1);
    b.y += words_height(&b, c->summary, BR_FACE_REGULAR, b.size);
    return b.y;
}

/* The range of the figures of block bk's percentage line charts, which
 * share one axis. */
/* Whether chart c is a percentage line chart, with the range of its figures. */
static bool percent_line(const br_chart *c, double *lo, double *hi)
{
    return c->type == BR_CHART_TYPE_LINE && c->axis.percent && chart_range(c, lo, hi) && *lo >= 0;
}

/* The percentage line charts of a block share one range when their
 * figures are comparable: those whose highest figure is at least
 * SHARE_RATIO of the block's highest.  A chart of much smaller figures
 * (3-24% beside 57-62%) keeps its own range, from 0% as every percentage
 * line chart, rather than lie flat along the foot of the other's. */
#define SHARE_RATIO 0.5

static void share_range(cb *b, const br_block *bk)
{
    double lo, hi, top = -INFINITY, own;
    if (!percent_line(b->c, &lo, &own))
        return;
    for (size_t i = 0; i < bk->ncharts; i++)
        if (percent_line(&bk->charts[i], &lo, &hi))
            top = fmax(top, hi);
    bool shares = own >= SHARE_RATIO * top;
    for (size_t i = 0; i < bk->ncharts; i++)
        if (percent_line(&bk->charts[i], &lo, &hi) && shares && hi >= SHARE_RATIO * top)
            b->share_lo = fmin(b->share_lo, lo), b->share_hi = fmax(b->share_hi, hi);
}

/* Chart i of block bk drawn at width w, in L->work (its text in L->arena),
 * its plot starting no higher than head, so that the plots of a row line up. */
static br_graphic *chart_build(lay *L, const br_block *bk, size_t i, double w, double head)
{
    const br_chart *c = &bk->charts[i];
    cb b = chart_begin(L, c, w);
    share_range(&b, bk);
    b.g = br_arena_calloc(L->work, 1, sizeof *b.g);
    words(&b, c->title, BR_FACE_BOLD, b.size + 1);
    words(&b, c->summary, BR_FACE_REGULAR, b.size);
    b.y = fmax(b.y, head);
    if (c->type == BR_CHART_TYPE_BULLET)
        bullet(&b);
    else
        line_chart(&b);
    b.g->width = w;
    b.g->height = b.y;
    return b.g;
}

static size_t charts_per_row(const lay *L, const br_block *b, double width)
{
    const br_chart_style *cs = &L->style->chart;
    double narrowest = fmin(cs->min_width, width);
    size_t fit = (size_t)fmax(1, floor((width + cs->gap) / (narrowest + cs->gap)));
    size_t per = b->per_row > 0 ? (size_t)b->per_row : b->ncharts == 1 ? 1 : fit;
    if (b->per_row > 0 && width / per < 60)   /* an author's too many: keep labels legible */
        per = (size_t)fmax(1, floor((width + cs->gap) / (60 + cs->gap)));
    return per < b->ncharts ? per : b->ncharts;
}

typedef struct chart_row {
    br_graphic **g;
    size_t n;
    double cell_w, height;
} chart_row;

static chart_row row_build(lay *L, const br_block *b, size_t first, size_t per)
{
    double width = L->right - L->left, gap = L->style->chart.gap;
    chart_row r = {.n = b->ncharts - first < per ? b->ncharts - first : per};
    r.cell_w = (width - gap * (double)(per - 1)) / (double)per;
    r.g = br_arena_calloc(L->work, r.n, sizeof *r.g);
    double head = 0;
    for (size_t i = 0; i < r.n; i++)
        head = fmax(head, head_height(L, &b->charts[first + i], r.cell_w));
    for (size_t i = 0; i < r.n; i++) {
        r.g[i] = chart_build(L, b, first + i, r.cell_w, head);
        r.g[i]->alt = br_lay_chart_alt(L, &b->charts[first + i]);
        r.height = fmax(r.height, r.g[i]->height);
    }
    return r;
}

/* The row from chart first: as many charts as the block puts in a row, or
 * fewer (each wider, its words on fewer lines) when that row would be
 * taller than a page. */
static chart_row row_at(lay *L, const br_block *b, size_t first, bool warn)
{
    size_t per = charts_per_row(L, b, L->right - L->left);
    chart_row r = row_build(L, b, first, per);
    while (r.height > L->bottom - L->top && per > 1)
        r = row_build(L, b, first, --per);
    if (warn && r.height > L->bottom - L->top)
        br_warning(L->diags, b->loc, "a chart of this section is taller than a page (its title "
                   "and summary take %.0f pt); it runs past the page's foot: shorten its title",
                   r.height);
    return r;
}

/* ---- the key of a block's bullets ---- */

#define KEY_SWATCH 10.0     /* pt: a key entry's sample */
#define KEY_SPACE 12.0      /* pt between two entries */
#define KEY_BELOW 6.0       /* pt from the key to the charts */

typedef enum key_kind { KEY_BAND, KEY_BAR, KEY_TARGET } key_kind;

typedef struct key_entry {
    key_kind kind;
    uint32_t fill;
    const char *label;
    int rank;
} key_entry;

/* Adds band k of chart c to the key's n entries unless its word is there
 * (or it has none), after the entries of its rank and better. */
static void key_band(lay *L, key_entry **e, size_t *n, size_t *cap, const br_chart_band *band)
{
    const char *w = band->label;
    if (!w || !*w)
        return;
    for (size_t j = 0; j < *n; j++)
        if (strcmp((*e)[j].label, w) == 0)
            return;
    BR_PUSH(L->work, *e, *n, *cap);
    size_t at = *n - 1;
    while (at > 0 && (*e)[at - 1].rank > band->rank)
        at--;
    memmove(&(*e)[at + 1], &(*e)[at], (*n - 1 - at) * sizeof **e);
    (*e)[at] = (key_entry){KEY_BAND, band->fill, w, band->rank};
}

/* The key's entries: each status band once, by its word, best first (the
 * bands' rank: green, amber, red, whatever order a chart draws them in),
 * then the bar and the target mark; 0 when the block draws no bullet. */
static size_t key_entries(lay *L, const br_block *bk, key_entry **out)
{
    size_t n = 0, cap = 0;
    key_entry *e = NULL, bar = {KEY_BAR, 0, NULL, 0}, mark = {KEY_TARGET, 0, NULL, 0};
    for (size_t i = 0; i < bk->ncharts; i++) {
        const br_chart *c = &bk->charts[i];
        if (c->type != BR_CHART_TYPE_BULLET || !c->has_value)
            continue;
        for (size_t k = 0; k < c->nbands; k++)
            key_band(L, &e, &n, &cap, &c->bands[k]);
        bar.label = bar.label ? bar.label : c->value_label;
        if (c->has_target)
            mark.label = mark.label ? mark.label : c->target_label;
    }
    if (bar.label)
        *BR_PUSH(L->work, e, n, cap) = bar;
    if (mark.label)
        *BR_PUSH(L->work, e, n, cap) = mark;
    *out = e;
    return n;
}

/* One entry's sample at x on a line whose text starts at top. */
static void key_sample(cb *b, const key_entry *e, double x, double top)
{
    double h = b->asc + b->desc;
    if (e->kind == KEY_BAND)
        rect(b, x, top, KEY_SWATCH, h, tint(e->fill, b->cs->band_tint));
    else if (e->kind == KEY_BAR)
        rect(b, x, top + h / 3, KEY_SWATCH, h / 3, b->cs->value_color);
    else
        line(b, x + KEY_SWATCH / 2, top - 1, x + KEY_SWATCH / 2, top + h + 1, 2,
             b->cs->target_color);
}

/* The key of block bk's bullets at width w, entries set left to right and
 * on as many lines as they take; NULL when it has no bullet. */
static br_graphic *bullet_key(lay *L, const br_block *bk, double w)
{
    key_entry *e;
    size_t n = key_entries(L, bk, &e);
    if (!n)
        return NULL;
    cb b = chart_begin(L, &bk->charts[0], w);
    b.g = br_arena_calloc(L->work, 1, sizeof *b.g);
    double lead = (b.asc + b.desc) * 1.5, x = 0, top = 1;
    const char *alt = "Key";
    for (size_t i = 0; i < n; i++) {
        double tw = text_w(&b, e[i].label, BR_FACE_REGULAR, b.size);
        double need = KEY_SWATCH + 3 + tw;
        if (x > 0 && x + need > w)
            x = 0, top += lead;
        key_sample(&b, &e[i], x, top);
        label(&b, x + KEY_SWATCH + 3, top + b.asc, e[i].label, strlen(e[i].label),
              BR_FACE_REGULAR, b.size, b.cs->text_color);
        x += need + KEY_SPACE;
        alt = br_arena_printf(L->arena, "%s%s %s: %s", alt, i ? ";" : ":",
                              e[i].kind == KEY_BAND ? "band" : e[i].kind == KEY_BAR ? "bar" : "mark",
                              e[i].label);
    }
    b.g->width = w;
    b.g->height = top + b.asc + b.desc + 1;
    b.g->alt = alt;
    return b.g;
}

double br_lay_chart_start_height(lay *L, const br_block *b)
{
    if (!b->ncharts)
        return 0;
    const br_graphic *key = bullet_key(L, b, L->right - L->left);
    return (key ? key->height + KEY_BELOW : 0) + row_at(L, b, 0, false).height;
}

/* The key of the block's bullets, then rows of charts, each on this page if
 * it fits, else at the top of the next (the key kept with the first row). */
void br_lay_place_charts(lay *L, const br_block *b)
{
    double gap = L->style->chart.gap;
    const br_graphic *key = bullet_key(L, b, L->right - L->left);
    for (size_t first = 0; first < b->ncharts;) {
        chart_row r = row_at(L, b, first, true);
        double above = first == 0 && key ? key->height + KEY_BELOW : 0;
        if (!L->fresh && !br_lay_fits(L, above + r.height, 0))
            br_lay_page_start(L, L->orient);
        if (above > 0) {
            br_lay_figure(L, key, 0, L->left, L->y, 1);
            L->y += above;
        }
        for (size_t i = 0; i < r.n; i++)
            br_lay_figure(L, r.g[i], 0, L->left + (double)i * (r.cell_w + gap), L->y, 1);
        first += r.n;
        L->y += r.height + (first < b->ncharts ? gap : L->style->block_space);
        L->fresh = false;
    }
}

/* ---- charts in a table cell: drawn at a fixed size, shrunk with the cell ---- */

#define SPARK_W 64.0
#define SPARK_H 14.0
#define STACKED_W 144.0     /* a stacked bar's full length (shrunk to fit its column) */
#define STACKED_H 10.0

static void sparkline(cb *b)
{
    const br_chart *c = b->c;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t p = 0; p < c->npoints; p++)
        if (c->points[p].text)
            lo = fmin(lo, c->points[p].value), hi = fmax(hi, c->points[p].value);
    if (!(hi >= lo))
        return;
    if (hi == lo)
        hi = lo + 1, lo = lo - 1;
    double dx = c->npoints > 1 ? (SPARK_W - 4) / (double)(c->npoints - 1) : 0;
    size_t prev = BR_NONE;
    double px = 0, py = 0;
    for (size_t p = 0; p < c->npoints; p++) {
        if (!c->points[p].text)
            continue;
        double x = 2 + (double)p * dx;
        double y = 2 + (hi - c->points[p].value) / (hi - lo) * (SPARK_H - 4);
        if (prev != BR_NONE)
            line(b, px, py, x, y, 1, b->cs->value_color);
        prev = p, px = x, py = y;
    }
    if (prev != BR_NONE)
        rect(b, px - 1.75, py - 1.75, 3.5, 3.5, c->mark_fill);
}

static void stacked(cb *b)
{
    const br_chart *c = b->c;
    double x = 0;
    for (size_t i = 0; i < c->nsegments && c->scale; i++) {
        double w = STACKED_W * (double)c->segments[i].count / (double)c->scale;
        rect(b, x, 0, w, STACKED_H, c->segments[i].fill);
        x += w;
    }
}

const br_graphic *br_lay_cell_chart(lay *L, const br_chart *c)
{
    cb b = {.L = L, .c = c, .cs = &L->style->chart};
    b.g = br_arena_calloc(L->work, 1, sizeof *b.g);
    bool spark = c->type == BR_CHART_TYPE_SPARKLINE;
    b.g->width = spark ? SPARK_W : STACKED_W;
    b.g->height = spark ? SPARK_H : STACKED_H;
    if (spark)
        sparkline(&b);
    else
        stacked(&b);
    b.g->alt = br_lay_chart_alt(L, c);
    return b.g;
}
