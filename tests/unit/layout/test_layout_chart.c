/* test_layout_chart.c — charts laid out from their data: round axis ticks
 * without needless decimals, percentages on 0-100%, charts several to a
 * row, and, over many generated charts (fixed seeds), no two labels
 * overlapping and none outside the text area. */
#include "layout_fixture.h"

#include "br_font.h"

/* ---- building charts ---- */

static br_block *chart_block(lx *f, size_t n, int per_row)
{
    br_block *b = br_doc_add_block(&f->doc, BR_BLOCK_CHART);
    b->charts = br_arena_calloc(f->arena, n, sizeof *b->charts);
    b->ncharts = n;
    b->per_row = per_row;
    return b;
}

static void percent_axis(br_chart *c)
{
    c->axis = (br_chart_axis){.prefix = "", .suffix = "%", .percent = true, .thousands = true};
}

static void bullet(lx *f, br_chart *c, double value, double target, double tolerance)
{
    c->type = BR_CHART_TYPE_BULLET;
    c->has_value = true;
    c->value = value;
    c->has_target = true;
    c->target = target;
    c->summary = "Q2: a figure against its target";
    c->nbands = 3;
    c->bands = br_arena_calloc(f->arena, 3, sizeof *c->bands);
    c->bands[0] = (br_chart_band){-HUGE_VAL, tolerance, 0xC00000, "Outside tolerance", 2};
    c->bands[1] = (br_chart_band){tolerance, target, 0xFFC000, "In tolerance", 1};
    c->bands[2] = (br_chart_band){target, HUGE_VAL, 0x00B050, "Better than target", 0};
    c->value_label = "Q2 figure";
    c->target_label = "Target";
}

/* ---- reading the display list ---- */

typedef struct tbox {
    double x0, y0, x1, y1;
    const br_item *it;
} tbox;

static tbox text_box(const lx *f, const br_item *it)
{
    const br_font *font = f->fonts.face[it->face];
    double w = (double)br_font_text_width(font, it->text, it->len) * it->size / 1000;
    double asc = br_font_ascent(font) * it->size / 1000;
    double desc = -br_font_descent(font) * it->size / 1000;
    return (tbox){it->x, it->y - asc, it->x + w, it->y + desc, it};
}

/* The texts of page p, in order, joined by '|'. */
static char *page_texts(const br_pages *p, size_t page, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->pages[page].nitems; i++) {
        const br_item *it = &p->pages[page].items[i];
        if (it->kind == BR_ITEM_TEXT && n + it->len + 2 < cap)
            n += (size_t)snprintf(buf + n, cap - n, "%s%.*s", n ? "|" : "", (int)it->len, it->text);
    }
    return buf;
}

/* No two texts of a page overlap; every text lies within the margins
 * (the fixture has no running heads). */
static void assert_labels_apart(const lx *f, const br_pages *p, const char *what)
{
    for (size_t pg = 0; pg < p->npages; pg++) {
        const br_page *page = &p->pages[pg];
        double right = page->width - f->style.margin_right;
        double bottom = page->height - f->style.margin_bottom;
        size_t n = 0;
        tbox *boxes = calloc(page->nitems + 1, sizeof *boxes);
        for (size_t i = 0; i < page->nitems; i++)
            if (page->items[i].kind == BR_ITEM_TEXT && page->items[i].len)
                boxes[n++] = text_box(f, &page->items[i]);
        for (size_t i = 0; i < n; i++) {
            if (boxes[i].x0 < f->style.margin_left - 0.01 || boxes[i].x1 > right + 0.01 ||
                boxes[i].y0 < f->style.margin_top - 0.01 || boxes[i].y1 > bottom + 0.01) {
                fprintf(stderr, "%s: page %zu: '%.*s' outside the text area (%.2f..%.2f)\n",
                        what, pg + 1, (int)boxes[i].it->len, boxes[i].it->text, boxes[i].x0,
                        boxes[i].x1);
                fail();
            }
            for (size_t k = i + 1; k < n; k++) {
                const tbox *a = &boxes[i], *z = &boxes[k];
                if (a->x0 < z->x1 - 0.01 && z->x0 < a->x1 - 0.01 && a->y0 < z->y1 - 0.01 &&
                    z->y0 < a->y1 - 0.01) {
                    fprintf(stderr, "%s: page %zu: '%.*s' at (%.2f, %.2f) overlaps '%.*s' at "
                            "(%.2f, %.2f)\n", what, pg + 1, (int)a->it->len, a->it->text,
                            a->it->x, a->it->y, (int)z->it->len, z->it->text, z->it->x, z->it->y);
                    fail();
                }
            }
        }
        free(boxes);
    }
}

/* Whether the segment of a line item, as thick as it is drawn, passes
 * through the box: points along it, each tested as a square of its width
 * (a different way from the layout's clipping). */
static bool line_meets(const br_item *ln, const tbox *k)
{
    double r = ln->width / 2;
    for (int i = 0; i <= 400; i++) {
        double t = i / 400.0;
        double x = ln->x + (ln->x2 - ln->x) * t, y = ln->y + (ln->y2 - ln->y) * t;
        if (x + r > k->x0 + 0.01 && x - r < k->x1 - 0.01 && y + r > k->y0 + 0.01 &&
            y - r < k->y1 - 0.01)
            return true;
    }
    return false;
}

/* No text of a page is crossed by a line or a box of its charts: the
 * series, its markers, the target line, the axes and ticks, the bands
 * and the light grid, which is broken around a label. */
static void assert_labels_clear_of_lines(const lx *f, const br_pages *p, const char *what)
{
    for (size_t pg = 0; pg < p->npages; pg++) {
        const br_page *page = &p->pages[pg];
        for (size_t i = 0; i < page->nitems; i++) {
            const br_item *t = &page->items[i];
            if (t->kind != BR_ITEM_TEXT || !t->len)
                continue;
            tbox k = text_box(f, t);
            for (size_t j = 0; j < page->nitems; j++) {
                const br_item *o = &page->items[j];
                bool hit = false;
                if (o->kind == BR_ITEM_LINE)
                    hit = line_meets(o, &k);
                else if (o->kind == BR_ITEM_RECT)
                    hit = o->x < k.x1 - 0.01 && k.x0 < o->x + o->w - 0.01 &&
                          o->y < k.y1 - 0.01 && k.y0 < o->y + o->h - 0.01;
                if (hit) {
                    fprintf(stderr, "%s: page %zu: '%.*s' at (%.2f, %.2f) is crossed by a %s "
                            "at (%.2f, %.2f)\n", what, pg + 1, (int)t->len, t->text, t->x, t->y,
                            o->kind == BR_ITEM_LINE ? "line" : "box", o->x, o->y);
                    fail();
                }
            }
        }
    }
}

/* ---- axes ---- */

static void percent_bullet_runs_0_to_100_in_round_steps(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 85.5, 90, 80);
    percent_axis(&b->charts[0]);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    assert_string_equal(page_texts(p, 0, buf, sizeof buf),
                        "Better than target|In tolerance|Outside tolerance|Q2 figure|Target|"
                        "Q2: a figure against its target|0%|20%|40%|60%|80%|100%");
}

static void percent_beyond_100_extends_the_axis(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 130, 100, 95);
    percent_axis(&b->charts[0]);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    assert_non_null(strstr(t, "|0%|"));
    assert_non_null(strstr(t, "|140%") ? strstr(t, "|140%") : strstr(t, "|150%"));
    assert_null(strstr(t, ".0%"));
}

static void small_steps_take_only_the_decimals_they_need(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 0.26, 0.3, 0.2);
    b->charts[0].axis = (br_chart_axis){.prefix = "", .suffix = "", .thousands = true};
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    /* 0 to 0.33 (a tenth of room past 0.3) in at most six steps: 0.1
     * each, one decimal, and no "0.0" or "0.10". */
    if (!strstr(t, "|0|0.1|0.2|0.3|0.4"))
        fail_msg("got %s", t);
}

static void money_axis_writes_the_unit(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 54.6, 60, 55);
    b->charts[0].axis = (br_chart_axis){.prefix = "£", .suffix = "m", .thousands = true};
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    assert_non_null(strstr(page_texts(p, 0, buf, sizeof buf), "|£0m|£20m|£40m|£60m"));
}

/* ---- a gauge: the paper's own scale ---- */

/* The 2012/13 profile's sickness dial: bands 0-12.83-14.13-25, no target. */
static void gauge(lx *f, br_chart *c, double value)
{
    static const double edges[] = {0, 12.83, 14.13, 25};
    c->type = BR_CHART_TYPE_BULLET;
    c->axis = (br_chart_axis){.prefix = "", .suffix = "", .thousands = true};
    c->has_value = true;
    c->value = value;
    c->summary = "Q4 result";
    c->value_label = "Q4 figure";
    c->nbands = 3;
    c->bands = br_arena_calloc(f->arena, 3, sizeof *c->bands);
    c->bands[0] = (br_chart_band){0, 12.83, 0xC00000, "Red", 2};
    c->bands[1] = (br_chart_band){12.83, 14.13, 0xFFC000, "Amber", 1};
    c->bands[2] = (br_chart_band){14.13, 25, 0x00B050, "Green", 0};
    c->fixed_scale = true;
    c->scale_lo = 0, c->scale_hi = 25;
    c->ticks = edges, c->nticks = 4;
    c->mark_places = 2;     /* as compose writes the dial (0.00 ... 25.00) */
}

/* Its axis is its bands, 0 to 25 (not 0-40 in round steps), its marks the
 * band edges all to two places, as the paper prints them; the two close
 * ones both labelled, one under the other; the key lists the bands best
 * first, whatever order they are drawn in. */
static void a_gauge_is_drawn_on_its_own_scale(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 3, 3);     /* three dials side by side, as the paper's */
    for (size_t i = 0; i < 3; i++)
        gauge(f, &b->charts[i], 11.66);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    if (strncmp(t, "Green|Amber|Red|Q4 figure|Q4 result|0.00|25.00|12.83|14.13|Q4 result", 68))
        fail_msg("got %s", t);
    double y1283 = 0, y1413 = 0, right = 0;
    for (size_t i = 0; i < p->pages[0].nitems; i++) {
        const br_item *it = &p->pages[0].items[i];
        if (it->kind == BR_ITEM_TEXT && it->len == 5 && !memcmp(it->text, "12.83", 5))
            y1283 = it->y;
        if (it->kind == BR_ITEM_TEXT && it->len == 5 && !memcmp(it->text, "14.13", 5))
            y1413 = it->y;
        if (it->kind == BR_ITEM_RECT)
            right = fmax(right, it->x + it->w);
    }
    assert_true(y1413 > y1283);     /* the second line, below */
    /* The last band ends at the axis's end: the text area's right edge. */
    assert_true(fabs(right - (f->style.page_width - f->style.margin_right)) < 0.5);
    assert_labels_apart(f, p, "gauge");
    assert_labels_clear_of_lines(f, p, "gauge");
}

/* scale: {from: 50, to: 100} on a bullet: its axis runs exactly over it in
 * round steps, not from 0%. */
static void a_stated_scale_is_the_axis(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 85.5, 90, 80);
    percent_axis(&b->charts[0]);
    b->charts[0].fixed_scale = true;
    b->charts[0].scale_lo = 50, b->charts[0].scale_hi = 100;
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    if (!strstr(t, "|50%|60%|70%|80%|90%|100%") || strstr(t, "|0%"))
        fail_msg("got %s", t);
}

/* A stated scale no round step divides (0 to 12.83): both ends labelled,
 * round steps between them, none overlapping. */
static void a_scale_no_step_divides_keeps_its_ends(void **state)
{
    lx *f = *state;
    br_block *b = chart_block(f, 1, 0);
    bullet(f, &b->charts[0], 11, 12, 10);
    b->charts[0].axis = (br_chart_axis){.prefix = "", .suffix = "", .thousands = true};
    b->charts[0].fixed_scale = true;
    b->charts[0].scale_lo = 0, b->charts[0].scale_hi = 12.83;
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    char buf[2048];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    if (!strstr(t, "|0|5|10|12.83"))
        fail_msg("got %s", t);
    assert_labels_apart(f, p, "scale");
}

/* ---- the grid ---- */

/* n percentage bullets titled "A measure", 40%, 50%, ... against 60%. */
static void bullet_grid(lx *f, size_t n)
{
    br_block *b = chart_block(f, n, 0);
    for (size_t i = 0; i < n; i++) {
        bullet(f, &b->charts[i], 40 + 10.0 * (double)i, 60, 50);
        percent_axis(&b->charts[i]);
        b->charts[i].title = "A measure";
    }
}

static void bullets_share_a_row(void **state)
{
    lx *f = *state;
    bullet_grid(f, 5);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    /* A4 portrait, 2 cm margins: 481.9 pt; at least 150 pt a chart with
     * 14 pt between: three to a row, then two. */
    double x[8], y[8];
    size_t n = 0;
    for (size_t i = 0; i < p->pages[0].nitems && n < 8; i++) {
        const br_item *it = &p->pages[0].items[i];
        if (it->kind == BR_ITEM_TEXT && it->len == 9 && memcmp(it->text, "A measure", 9) == 0)
            x[n] = it->x, y[n++] = it->y;
    }
    assert_int_equal(n, 5);
    assert_double_equal(x[0], f->style.margin_left, 0.01);
    assert_true(x[1] > x[0] + 150 && x[2] > x[1] + 150);
    assert_double_equal(y[0], y[2], 0.01);
    assert_true(y[3] > y[2] + 20);
    assert_double_equal(x[3], f->style.margin_left, 0.01);
    assert_double_equal(y[3], y[4], 0.01);
    assert_labels_apart(f, p, "grid");
}

/* A title taller than a page at three to a row gets a row of its own, as
 * wide as the page, rather than running past the page's foot. */
static void a_very_long_title_widens_its_row(void **state)
{
    lx *f = *state;
    char *title = br_arena_alloc(f->arena, 700 * 9 + 1), *p = title;
    for (int i = 0; i < 700; i++)
        p += sprintf(p, "%sword%03d", i ? " " : "", i);
    br_block *b = chart_block(f, 4, 0);
    for (size_t i = 0; i < 4; i++) {
        bullet(f, &b->charts[i], 50, 60, 40);
        percent_axis(&b->charts[i]);
        b->charts[i].title = i == 1 ? title : "A measure";
    }
    br_pages *p2 = lx_layout(f);
    assert_non_null(p2);
    assert_int_equal(f->diags.warnings, 0);
    assert_labels_apart(f, p2, "long title");
    /* "word000" starts its row at the left margin. */
    bool found = false;
    for (size_t pg = 0; pg < p2->npages; pg++)
        for (size_t i = 0; i < p2->pages[pg].nitems; i++) {
            const br_item *it = &p2->pages[pg].items[i];
            if (it->kind == BR_ITEM_TEXT && it->len >= 7 && memcmp(it->text, "word000", 7) == 0) {
                assert_double_equal(it->x, f->style.margin_left, 0.01);
                found = true;
            }
        }
    assert_true(found);
}

/* ---- many generated charts ---- */

typedef struct rng {
    uint64_t s;
} rng;

static unsigned rnd(rng *g, unsigned n)
{
    g->s ^= g->s << 13;
    g->s ^= g->s >> 7;
    g->s ^= g->s << 17;
    return (unsigned)(g->s % n);
}

static double rnd_value(rng *g, double scale)
{
    double v = scale * (double)rnd(g, 10000) / 10000;
    return rnd(g, 8) == 0 ? -v : v;
}

static const char *rnd_words(lx *f, rng *g, unsigned n)
{
    static const char *const pool[] = {"Children", "in", "care", "with", "three", "or",
                                       "more", "placements", "Contacts", "to", "CSC",
                                       "re-referrals", "within", "12", "months",
                                       "Supercalifragilisticexpialidociously"};
    char buf[1024];
    size_t k = 0;
    for (unsigned i = 0; i < n && k < sizeof buf - 64; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? " " : "",
                              pool[rnd(g, sizeof pool / sizeof *pool)]);
    return br_arena_strdup(f->arena, buf);
}

static void rnd_axis(rng *g, br_chart *c)
{
    static const char *const pre[] = {"", "", "£", ""}, *const suf[] = {"%", "", "m", " days"};
    unsigned u = rnd(g, 4);
    c->axis = (br_chart_axis){pre[u], suf[u], u == 0, rnd(g, 2) == 0, rnd(g, 3) == 0};
}

static void rnd_bullet(lx *f, rng *g, br_chart *c)
{
    static const double scales[] = {1, 10, 100, 150, 1000, 1e6, 0.05};
    double scale = scales[rnd(g, 7)];
    double t = rnd_value(g, scale), l = t + rnd_value(g, scale / 4);
    bullet(f, c, rnd_value(g, scale), t, l);
    c->has_value = rnd(g, 10) != 0;
    rnd_axis(g, c);
    c->summary = rnd_words(f, g, 3 + rnd(g, 12));
}

static void rnd_line(lx *f, rng *g, br_chart *c)
{
    static const double scales[] = {1, 10, 100, 1000, 1e6, 0.05};
    static const char *const labels[] = {"2019/20 Q2", "Dec-15", "2012-08", "Q1", "2018/19"};
    double scale = scales[rnd(g, 6)], base = rnd_value(g, scale * 5);
    c->type = BR_CHART_TYPE_LINE;
    rnd_axis(g, c);
    c->npoints = 1 + rnd(g, 30);
    c->points = br_arena_calloc(f->arena, c->npoints, sizeof *c->points);
    const char *label = labels[rnd(g, 5)];
    for (size_t i = 0; i < c->npoints; i++) {
        c->points[i].label = label;
        if (rnd(g, 6) == 0)
            continue;
        c->points[i].value = base + rnd_value(g, scale);
        c->points[i].text = br_arena_printf(f->arena, "%.*f", (int)rnd(g, 3), c->points[i].value);
    }
    c->has_target = rnd(g, 3) != 0;
    c->target = base + rnd_value(g, scale);
    c->target_text = br_arena_printf(f->arena, "Target %.1f", c->target);
}

static void generated_charts_never_overlap_a_label(void **state)
{
    lx *f = *state;
    rng g = {0x9E3779B97F4A7C15u};
    for (int round = 0; round < 400; round++) {
        br_doc_init(&f->doc, f->arena);
        for (int blocks = 0; blocks < 4; blocks++) {
            size_t n = 1 + rnd(&g, 7);
            br_block *b = chart_block(f, n, (int)rnd(&g, 6));
            for (size_t i = 0; i < n; i++) {
                if (rnd(&g, 2))
                    rnd_bullet(f, &g, &b->charts[i]);
                else
                    rnd_line(f, &g, &b->charts[i]);
                if (n > 1 || rnd(&g, 2))
                    b->charts[i].title = rnd_words(f, &g, 1 + rnd(&g, 12));
            }
        }
        f->style.orientation = round % 3 == 0 ? BR_ORIENT_LANDSCAPE : BR_ORIENT_PORTRAIT;
        br_pages *p = lx_layout(f);
        assert_non_null(p);
        char what[32];
        snprintf(what, sizeof what, "round %d", round);
        assert_labels_apart(f, p, what);
        assert_labels_clear_of_lines(f, p, what);
    }
}

/* The history of tests/good/charts, per to a row: a valley, a peak over
 * the target, the latest figure at the right end. */
static void history_charts(lx *f, int per)
{
    static const double v[] = {4, 7, 8, 3, 24, 3};
    static const char *const q[] = {"2018/19 Q1", "2018/19 Q2", "2018/19 Q3",
                                    "2018/19 Q4", "2019/20 Q1", "2019/20 Q2"};
    br_block *b = chart_block(f, (size_t)per, per);
    for (int k = 0; k < per; k++) {
        br_chart *c = &b->charts[k];
        c->type = BR_CHART_TYPE_LINE;
        percent_axis(c);
        c->npoints = 6;
        c->points = br_arena_calloc(f->arena, 6, sizeof *c->points);
        for (size_t i = 0; i < 6; i++)
            c->points[i] = (br_chart_point){.label = q[i], .value = v[i],
                                            .text = br_arena_printf(f->arena, "%.0f%%", v[i])};
        c->has_target = true;
        c->target = 10;
        c->target_text = "Target 10%";
    }
}

static void history_block(lx *f, int per)
{
    br_doc_init(&f->doc, f->arena);
    history_charts(f, per);
}

/* The history of tests/good/charts, whose labels crossed its lines: a
 * valley, a peak over the target, the latest figure at the right end; at
 * full width and three to a row.  Every label clear of every line, and the
 * latest figure always printed. */
static void history_labels_keep_off_the_lines(void **state)
{
    for (int per = 1; per <= 3; per++) {
        lx *f = *state;
        history_block(f, per);
        br_pages *p = lx_layout(f);
        assert_non_null(p);
        assert_labels_apart(f, p, "history");
        assert_labels_clear_of_lines(f, p, "history");
        assert_int_equal(lx_count(p, "24%"), per);
        assert_int_equal(lx_count(p, "Target 10%"), per);
        assert_true(lx_count(p, "3%") >= (size_t)per);
    }
}

/* The history of tests/good/charts in narrow charts: every figure under
 * the target is set under the target line (a "3%" above it read as over
 * target); the periods of the first, the latest and the peak figures are
 * labelled, whole or on two lines ("2018/19" over "Q1"). */
static void narrow_history_keeps_figures_beside_the_target_and_key_periods(void **state)
{
    for (int per = 2; per <= 4; per++) {
        lx *f = *state;
        history_block(f, per);
        br_pages *p = lx_layout(f);
        assert_non_null(p);
        assert_labels_apart(f, p, "narrow history");
        const br_page *pg = &p->pages[0];
        for (size_t i = 0; i < pg->nitems; i++) {
            const br_item *t = &pg->items[i];
            bool under = t->kind == BR_ITEM_TEXT && t->len == 2 && t->text[1] == '%';
            for (size_t j = 0; under && j < pg->nitems; j++) {
                const br_item *ln = &pg->items[j];
                if (ln->kind == BR_ITEM_LINE && ln->y == ln->y2 && ln->width > 1.1 &&
                    ln->width < 1.3 && ln->x <= t->x && t->x <= ln->x2 && text_box(f, t).y0 < ln->y)
                    fail_msg("per %d: '%.*s' at (%.1f, %.1f) is above the target line at %.1f",
                             per, (int)t->len, t->text, t->x, t->y, ln->y);
            }
        }
        /* Both Q1s (the first period and the peak's) and the latest Q2;
         * at three and four to a row the peak's period is a step before
         * the latest, closer than its label's width, and the latest wins. */
        size_t q1 = lx_count(p, "Q1") + lx_count(p, "2018/19 Q1") + lx_count(p, "2019/20 Q1");
        size_t q2 = lx_count(p, "2019/20 Q2") + lx_count(p, "Q2");
        if (q1 != (per == 2 ? 2 : 1) * (size_t)per) {
            char buf[4096];
            fail_msg("per %d: %s", per, page_texts(p, 0, buf, sizeof buf));
        }
        assert_true(q2 >= (size_t)per);
    }
}

/* Two percentage histories of one block, the second with only its
 * last two figures (a, b): the charts as laid out. */
static br_pages *two_histories(lx *f, double a, double b)
{
    history_block(f, 2);
    br_chart *c = &f->doc.blocks[0].charts[1];
    c->has_target = false;
    c->points[4].value = a, c->points[4].text = br_arena_printf(f->arena, "%.0f%%", a);
    c->points[5].value = b, c->points[5].text = br_arena_printf(f->arena, "%.0f%%", b);
    for (size_t i = 0; i < 4; i++)
        c->points[i].text = NULL;
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    assert_labels_apart(f, p, "small multiples");
    return p;
}

/* Small multiples of comparable percentages (3-24% beside 40-45%) share
 * one axis from 0%, so they read on one scale. */
static void percent_small_multiples_share_one_axis_from_zero(void **state)
{
    lx *f = *state;
    br_pages *p = two_histories(f, 40, 45);
    char buf[4096];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    if (lx_count(p, "0%") != 2 || lx_count(p, "60%") != 2 || strstr(t, "38%"))
        fail_msg("not one axis from 0%% to 60%%: %s", t);
}

/* Figures of a much smaller order (3-24% beside 57-62%, under half the
 * block's highest) keep their own axis, still from 0%: on the other's
 * 0-80% they would lie flat along its foot. */
static void percent_small_multiples_far_apart_keep_their_own_axes(void **state)
{
    lx *f = *state;
    br_pages *p = two_histories(f, 57, 62);
    char buf[4096];
    const char *t = page_texts(p, 0, buf, sizeof buf);
    if (lx_count(p, "0%") != 2 || lx_count(p, "30%") != 1 || lx_count(p, "80%") != 1)
        fail_msg("not 0-30%% beside 0-80%%: %s", t);
}

/* Slanting strokes of the axis colour: the marks of a broken axis. */
static size_t break_strokes(const lx *f, const br_pages *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->pages[0].nitems; i++) {
        const br_item *it = &p->pages[0].items[i];
        n += it->kind == BR_ITEM_LINE && it->x != it->x2 && it->y != it->y2 &&
             it->color == f->style.chart.axis_color;
    }
    return n;
}

/* A count's history on an axis that does not start at zero (the contacts
 * chart's 5,400-6,200) marks the break on its axis; one from zero (the
 * percentages) does not. */
static void an_axis_not_from_zero_is_marked_broken(void **state)
{
    lx *f = *state;
    history_block(f, 1);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    assert_int_equal(break_strokes(f, p), 0);
    history_block(f, 1);
    br_chart *c = &f->doc.blocks[0].charts[0];
    c->axis = (br_chart_axis){.prefix = "", .suffix = "", .thousands = true};
    c->has_target = false;
    static const double v[] = {5611, 5694, 6075, 5750, 5687, 5590};
    for (size_t i = 0; i < 6; i++) {
        c->points[i].value = v[i];
        c->points[i].text = br_arena_printf(f->arena, "%.0f", v[i]);
    }
    p = lx_layout(f);
    assert_non_null(p);
    assert_null(lx_find(p, "0", NULL));
    assert_int_equal(break_strokes(f, p), 2);
    assert_labels_apart(f, p, "broken axis");
    assert_labels_clear_of_lines(f, p, "broken axis");
}

/* A block of bullets has one key, above its first row: each band's word
 * once, the bar and the target mark, each with its sample; a block of
 * lines has none. */
static void a_block_of_bullets_has_one_key(void **state)
{
    lx *f = *state;
    bullet_grid(f, 3);
    history_charts(f, 2);
    br_pages *p = lx_layout(f);
    assert_non_null(p);
    const char *words[] = {"Better than target", "In tolerance", "Outside tolerance",
                           "Q2 figure", "Target"};
    double key_y = 0, title_y = 1e9;
    for (size_t w = 0; w < 5; w++) {
        assert_int_equal(lx_count(p, words[w]), 1);
        for (size_t i = 0; i < p->pages[0].nitems; i++) {
            const br_item *it = &p->pages[0].items[i];
            if (it->kind == BR_ITEM_TEXT && it->len == strlen(words[w]) &&
                memcmp(it->text, words[w], it->len) == 0)
                key_y = fmax(key_y, it->y);
            if (it->kind == BR_ITEM_TEXT && it->len == 9 && memcmp(it->text, "A measure", 9) == 0)
                title_y = fmin(title_y, it->y);
        }
    }
    assert_true(key_y < title_y);
    assert_labels_apart(f, p, "key");
    assert_labels_clear_of_lines(f, p, "key");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, lx_setup, lx_teardown)
    const struct CMUnitTest tests[] = {
        T(percent_bullet_runs_0_to_100_in_round_steps),
        T(percent_beyond_100_extends_the_axis),
        T(small_steps_take_only_the_decimals_they_need),
        T(money_axis_writes_the_unit),
        T(a_gauge_is_drawn_on_its_own_scale),
        T(a_stated_scale_is_the_axis),
        T(a_scale_no_step_divides_keeps_its_ends),
        T(bullets_share_a_row),
        T(a_very_long_title_widens_its_row),
        T(generated_charts_never_overlap_a_label),
        T(history_labels_keep_off_the_lines),
        T(narrow_history_keeps_figures_beside_the_target_and_key_periods),
        T(percent_small_multiples_share_one_axis_from_zero),
        T(percent_small_multiples_far_apart_keep_their_own_axes),
        T(a_block_of_bullets_has_one_key),
        T(an_axis_not_from_zero_is_marked_broken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
