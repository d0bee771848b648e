/* layout_table.c — measuring tables and fitting their columns.
 *
 * Column widths follow a browser's automatic table layout: a column's
 * minimum is its widest unbreakable word, its preferred width its widest
 * unbroken line (cells spanning columns spread theirs over the columns they
 * span).  Fixed widths are honoured.  When the preferred widths fit, the
 * spare width is shared by weight; otherwise every column gets its minimum
 * and the rest goes in proportion to how much more each would like.  When
 * even the minima do not fit, columns shrink in proportion and words break
 * between characters: nothing ever overflows its cell.
 */
#include "layout_table.h"

#include <stdlib.h>
#include <string.h>

double br_lay_row_chunk_h(const ltable *t, const lrow *r, size_t lines)
{
    return lines * r->st.leading + 2 * t->pad_y;
}

double br_lay_cell_pref(const lcell *c)
{
    double g = c->graphic ? c->graphic->width : 0;
    return c->prep.pref_w > g ? c->prep.pref_w : g;
}

/* ---- preparing ---- */

static size_t row_span(const br_row *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->ncells; i++)
        n += r->cells[i].span > 1 ? (size_t)r->cells[i].span : 1;
    return n;
}

static size_t grid_columns(lay *L, const br_block *b)
{
    const br_table *tb = &b->table;
    size_t n = tb->ncols, widest = 0;
    for (size_t i = 0; i < tb->nheader + tb->nrows; i++) {
        const br_row *r = i < tb->nheader ? &tb->header[i] : &tb->rows[i - tb->nheader];
        size_t w = row_span(r);
        if (w > widest)
            widest = w;
    }
    if (widest > n && n > 0)
        br_warning(L->diags, b->loc,
                   "a table row has %zu columns but the table has %zu; the extra cells get "
                   "columns of their own",
                   widest, n);
    return widest > n ? widest : n;
}

static tx_style row_style(const lay *L, const ltable *t, const br_row *row, bool header)
{
    const br_style *s = L->style;
    double size = t->src->font_size;
    if (header) {
        if (size > 0 && s->table_body.size > 0)
            size = s->table_header.size * size / s->table_body.size;
        tx_style st = br_lay_tx_style_of(&s->table_header, size);
        st.color = s->header_text;
        return st;
    }
    tx_style st = br_lay_tx_style_of(&s->table_body, size);
    if (row->kind == BR_ROW_GROUP) {
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
        st.color = s->group_text;
    } else if (row->kind == BR_ROW_TOTAL) {
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
    }
    return st;
}

/* A body cell left at BR_ALIGN_LEFT takes its column's alignment. */
static br_align cell_align(const ltable *t, const lrow *r, const lcell *c)
{
    br_align a = c->cell->align;
    if (a == BR_ALIGN_LEFT && !r->header && r->kind != BR_ROW_GROUP && c->span == 1 &&
        c->col < t->src->ncols)
        a = t->src->cols[c->col].align;
    return a;
}

static void prepare_cell(lay *L, ltable *t, lrow *r, lcell *c)
{
    tx_style st = r->st;
    if (c->cell->bold)
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
    if (c->cell->has_color)
        st.color = c->cell->color;
    br_lay_tx_prepare(L, &c->prep, &c->cell->text, &st);
    if (c->cell->graphic && c->cell->graphic->width > 0 && c->cell->graphic->height > 0)
        c->graphic = c->cell->graphic;
    c->align = cell_align(t, r, c);
    if (c->align == BR_ALIGN_DECIMAL) {
        /* Numbers, and single words such as "NA" (which end at the point),
         * line up; other text is right-aligned. */
        bool numeric = false;
        if (c->span == 1 && !c->prep.multiline && c->prep.natoms > 0)
            c->dec_left = br_lay_tx_decimal_left(L, &c->prep, &numeric);
        c->decimal = c->span == 1 && !c->prep.multiline && c->prep.natoms > 0 &&
                     (numeric || !c->prep.has_glue);
        if (!c->decimal)
            c->align = BR_ALIGN_RIGHT;
    }
    if (c->prep.has_notes)
        r->has_notes = true;
}

static void prepare_row(lay *L, ltable *t, lrow *r, const br_row *src, bool header)
{
    r->kind = src->kind;
    r->header = header;
    r->st = row_style(L, t, src, header);
    r->ncells = src->ncells;
    r->cells = br_arena_calloc(L->work, src->ncells + 1, sizeof *r->cells);
    size_t col = 0;
    for (size_t i = 0; i < src->ncells; i++) {
        lcell *c = &r->cells[i];
        c->cell = &src->cells[i];
        c->col = col;
        c->span = src->cells[i].span > 1 ? (size_t)src->cells[i].span : 1;
        col += c->span;
        prepare_cell(L, t, r, c);
    }
}

static void prepare_rows(lay *L, ltable *t)
{
    const br_table *tb = t->src;
    t->nhead = tb->nheader;
    t->nrows = tb->nrows;
    t->head = br_arena_calloc(L->work, t->nhead + 1, sizeof *t->head);
    t->rows = br_arena_calloc(L->work, t->nrows + 1, sizeof *t->rows);
    for (size_t i = 0; i < t->nhead; i++)
        prepare_row(L, t, &t->head[i], &tb->header[i], true);
    for (size_t i = 0; i < t->nrows; i++)
        prepare_row(L, t, &t->rows[i], &tb->rows[i], false);
}

/* ---- measuring ---- */

/* Raises the columns [c0, c0 + n) of arr so that together they are at
 * least need wide, sharing the excess among the columns without a fixed
 * width in proportion to what they have (equally when they have nothing). */
static void spread(ltable *t, double *arr, size_t c0, size_t n, double need)
{
    double have = 0, base = 0;
    size_t nauto = 0;
    for (size_t c = c0; c < c0 + n; c++) {
        have += t->fixed[c] > 0 ? t->fixed[c] : arr[c];
        if (t->fixed[c] <= 0)
            base += arr[c], nauto++;
    }
    if (need <= have || nauto == 0)
        return;
    double excess = need - have;
    for (size_t c = c0; c < c0 + n; c++)
        if (t->fixed[c] <= 0)
            arr[c] += excess * (base > 0 ? arr[c] / base : 1.0 / (double)nauto);
}

static void measure_row(ltable *t, const lrow *r)
{
    double pad = 2 * t->pad_x;
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        if (c->span != 1)
            continue;
        if (c->prep.min_w + pad > t->min[c->col])
            t->min[c->col] = c->prep.min_w + pad;
        if (br_lay_cell_pref(c) + pad > t->pref[c->col])
            t->pref[c->col] = br_lay_cell_pref(c) + pad;
        if (c->decimal) {
            if (c->dec_left > t->dec_l[c->col])
                t->dec_l[c->col] = c->dec_left;
            if (c->prep.pref_w - c->dec_left > t->dec_r[c->col])
                t->dec_r[c->col] = c->prep.pref_w - c->dec_left;
        }
    }
}

typedef struct span_ref {
    const lcell *cell;
    size_t order;
} span_ref;

static int by_span(const void *a, const void *b)
{
    const span_ref *x = a, *y = b;
    if (x->cell->span != y->cell->span)
        return x->cell->span < y->cell->span ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Spanning cells, narrowest span first, spread their minimum widths; their
 * preferred widths are spread when the columns are fitted (want_widths). */
static void measure_spans(lay *L, ltable *t)
{
    span_ref *list = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < t->nhead + t->nrows; i++) {
        lrow *r = i < t->nhead ? &t->head[i] : &t->rows[i - t->nhead];
        for (size_t k = 0; k < r->ncells; k++)
            if (r->cells[k].span > 1) {
                span_ref *ref = BR_PUSH(L->work, list, n, cap);
                *ref = (span_ref){&r->cells[k], n};
            }
    }
    if (n)
        qsort(list, n, sizeof *list, by_span);
    t->spans = br_arena_calloc(L->work, n + 1, sizeof *t->spans);
    t->nspans = n;
    for (size_t i = 0; i < n; i++) {
        const lcell *c = t->spans[i] = list[i].cell;
        spread(t, t->min, c->col, c->span, c->prep.min_w + 2 * t->pad_x);
    }
}

static void measure_columns(lay *L, ltable *t)
{
    for (size_t i = 0; i < t->nhead; i++)
        measure_row(t, &t->head[i]);
    for (size_t i = 0; i < t->nrows; i++)
        measure_row(t, &t->rows[i]);
    for (size_t c = 0; c < t->ncols; c++) {
        /* Aligned numbers never wrap: the column is at least as wide as
         * its widest integer part plus its widest fraction. */
        double dec = t->dec_l[c] + t->dec_r[c] + 2 * t->pad_x;
        if (dec > t->pref[c])
            t->pref[c] = dec;
        if (dec > t->min[c] && t->dec_l[c] + t->dec_r[c] > 0)
            t->min[c] = dec;
        if (t->pref[c] < t->min[c])
            t->pref[c] = t->min[c];
    }
    measure_spans(L, t);
    for (size_t c = 0; c < t->ncols; c++)
        if (t->pref[c] < t->min[c])
            t->pref[c] = t->min[c];
}

static double *column_array(lay *L, size_t n)
{
    return br_arena_calloc(L->work, n + 1, sizeof(double));
}

ltable *br_lay_table_prepare(lay *L, const br_block *b)
{
    ltable *t = br_arena_alloc(L->work, sizeof *t);
    t->block = b;
    t->src = &b->table;
    t->ncols = grid_columns(L, b);
    t->pad_x = L->style->cell_pad_x;
    t->pad_y = L->style->cell_pad_y;
    t->fixed = column_array(L, t->ncols);
    t->weight = column_array(L, t->ncols);
    t->min = column_array(L, t->ncols);
    t->pref = column_array(L, t->ncols);
    t->want = column_array(L, t->ncols);
    t->dec_l = column_array(L, t->ncols);
    t->dec_r = column_array(L, t->ncols);
    t->x = column_array(L, t->ncols + 1);
    t->inner = br_arena_calloc(L->work, t->ncols + 2, sizeof *t->inner);
    t->settled = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->settled);
    t->want_lo = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->want_lo);
    t->capped = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->capped);
    t->fitted_to = t->failed_for = -1;
    for (size_t c = 0; c < t->ncols; c++) {
        const br_colspec *cs = c < t->src->ncols ? &t->src->cols[c] : NULL;
        t->fixed[c] = cs && cs->width > 0 ? cs->width : 0;
        t->weight[c] = cs && cs->weight > 0 ? cs->weight : 1;
    }
    prepare_rows(L, t);
    measure_columns(L, t);
    if (t->src->caption && *t->src->caption) {
        /* The caption is markup, as the heading it repeats. */
        const char *cont = L->style->continued ? L->style->continued : "";
        br_rich cap = {0};
        /* Its runs' text is painted: kept, not in the block's arena. */
        br_rich_parse(L->arena, &cap, t->src->caption, BR_FACE_REGULAR, b->loc);
        if (*cont) {
            const char *s = br_arena_printf(L->arena, " %s", cont);
            br_rich_add(L->arena, &cap, s, strlen(s), BR_FACE_REGULAR)->loc = b->loc;
        }
        tx_style st = br_lay_tx_style_of(&L->style->body, 0);
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
        br_lay_tx_prepare(L, &t->cap_prep, &cap, &st);
        t->has_caption = true;
    }
    return t;
}

/* ---- fitting ---- */

static double auto_sum(const ltable *t, const double *arr)
{
    double s = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            s += arr[c];
    return s;
}

/* Preferred widths, spanning cells' spread over their columns, each no
 * wider than the table: a line longer than the table wraps anyway, and an
 * uncapped one would starve every other column. */
static void want_widths(ltable *t, double avail)
{
    for (size_t c = 0; c < t->ncols; c++)
        t->want[c] = t->pref[c] < avail ? t->pref[c] : avail;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->want[c] < t->min[c])
            t->want[c] = t->min[c];
    for (size_t i = 0; i < t->nspans; i++) {
        const lcell *c = t->spans[i];
        if (c->span >= t->ncols)
            continue;   /* across the whole table (a group heading): it wraps */
        double need = br_lay_cell_pref(c) + 2 * t->pad_x;
        spread(t, t->want, c->col, c->span, need < avail ? need : avail);
    }
}

/* The preferred widths do not all fit.  Columns wanting no more than an
 * equal share of what is left get what they want (a short header or a
 * number never wraps), as long as the others keep their minimum; the rest
 * share what remains by how much more than their minimum they want. */
static void squeeze(ltable *t, double *w, double avail)
{
    bool *done = t->settled;
    for (size_t c = 0; c < t->ncols; c++)
        done[c] = t->fixed[c] > 0;
    for (bool moved = true; moved;) {
        size_t n = 0;
        double rest_min = 0;
        for (size_t c = 0; c < t->ncols; c++)
            if (!done[c])
                n++, rest_min += t->min[c];
        double fair = n ? avail / (double)n : 0;
        moved = false;
        for (size_t c = 0; c < t->ncols; c++) {
            if (done[c] || t->want[c] > fair ||
                avail - t->want[c] < rest_min - t->min[c] - LAY_EPS)
                continue;
            w[c] = t->want[c];
            avail -= t->want[c];
            rest_min -= t->min[c];
            done[c] = moved = true;
        }
    }
    double smin = 0, spref = 0;
    size_t n = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (!done[c])
            smin += t->min[c], spref += t->want[c], n++;
    /* Minimums that cannot all be met come from words longer than their
     * share (a 300-letter word): such words are broken anyway, so their
     * columns take no more than an equal share, and the others keep theirs. */
    double *lo = t->want_lo;
    for (size_t c = 0; c < t->ncols; c++)
        lo[c] = t->min[c];
    bool *capped = t->capped;
    for (size_t c = 0; c < t->ncols; c++)
        capped[c] = false;
    if (smin > avail && n) {
        double share = avail / (double)n;
        smin = spref = 0;
        for (size_t c = 0; c < t->ncols; c++) {
            if (done[c])
                continue;
            if (lo[c] > share)
                lo[c] = share, capped[c] = true;
            smin += lo[c];
            spref += capped[c] ? lo[c] : t->want[c];
        }
    }
    for (size_t c = 0; c < t->ncols; c++) {
        if (done[c])
            continue;
        /* A capped column's long word wants everything: it gets its share. */
        double want = capped[c] ? lo[c] : t->want[c] > lo[c] ? t->want[c] : lo[c];
        if (spref > smin && smin <= avail + LAY_EPS)
            w[c] = lo[c] + (avail - smin) * (want - lo[c]) / (spref - smin);
        else
            w[c] = smin > 0 ? avail * lo[c] / smin : avail / (double)n;
    }
}

/* Widths of the columns without a fixed width, sharing avail pt. */
static void auto_widths(ltable *t, double *w, double avail)
{
    want_widths(t, avail);
    double spref = auto_sum(t, t->want), sweight = auto_sum(t, t->weight);
    if (spref > avail) {
        squeeze(t, w, avail);
        return;
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            w[c] = t->want[c] + (avail - spref) * t->weight[c] / sweight;
}

static bool column_widths(lay *L, ltable *t, double width)
{
    double fixed = 0;
    size_t nauto = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        fixed += t->fixed[c];
        nauto += t->fixed[c] <= 0;
    }
    if (fixed > width + LAY_EPS) {
        br_error(L->diags, t->block->loc,
                 "the table's fixed column widths add up to %.1f pt but only %.1f pt fit "
                 "between the margins; make the columns narrower or put the table on a "
                 "landscape page",
                 fixed, width);
        return false;
    }
    double *w = column_array(L, t->ncols);
    for (size_t c = 0; c < t->ncols; c++)
        w[c] = t->fixed[c];
    if (nauto)
        auto_widths(t, w, width - fixed);
    t->x[0] = 0;
    for (size_t c = 0; c < t->ncols; c++)
        t->x[c + 1] = t->x[c] + w[c];
    t->width = t->x[t->ncols];
    return true;
}

/* The lines a cell's drawing takes below its text, at the cell's width. */
static void fit_graphic(lcell *c, double cw, double leading)
{
    const br_graphic *g = c->graphic;
    c->g_line = c->text.nlines;
    c->g_scale = g->width > cw && cw > 0 ? cw / g->width : 1;
    double gap = c->text.nlines ? leading * 0.25 : 0;
    double lines = (gap + g->height * c->g_scale) / leading;
    c->g_lines = (size_t)lines + (lines - (double)(size_t)lines > LAY_EPS);
    if (c->g_lines == 0)
        c->g_lines = 1;
}

static void break_row(lay *L, ltable *t, lrow *r)
{
    r->nlines = 1;
    for (size_t i = 0; i < r->ncells; i++) {
        lcell *c = &r->cells[i];
        double cw = t->x[c->col + c->span] - t->x[c->col] - 2 * t->pad_x;
        br_lay_tx_break(L, &c->prep, cw > 0 ? cw : 0, &c->text);
        size_t lines = c->text.nlines;
        if (c->graphic) {
            fit_graphic(c, cw, r->st.leading);
            lines += c->g_lines;
        }
        if (lines > r->nlines)
            r->nlines = lines;
    }
}

bool br_lay_table_fit(lay *L, ltable *t)
{
    double tw = L->right - L->left;
    if (t->fitted_to == tw)
        return true;
    if (t->failed_for == tw)
        return false;
    double width = t->src->width > 0 && t->src->width < tw ? t->src->width : tw;
    if (!column_widths(L, t, width)) {
        t->failed_for = tw;
        return false;
    }
    t->head_h = 0;
    for (size_t i = 0; i < t->nhead; i++) {
        break_row(L, t, &t->head[i]);
        t->head_h += br_lay_row_chunk_h(t, &t->head[i], t->head[i].nlines);
    }
    for (size_t i = 0; i < t->nrows; i++)
        break_row(L, t, &t->rows[i]);
    /* Repeats take at most half a page; a caption or header too tall for
     * that prints once (the header then splits like any row). */
    double page = L->bottom - L->top;
    t->cap_h = 0;
    if (t->has_caption) {
        br_lay_tx_break(L, &t->cap_prep, t->width, &t->cap_text);
        t->cap_h = t->cap_text.nlines * t->cap_text.st.leading + t->pad_y;
        if (t->cap_h > page / 4)
            t->cap_h = 0;
    }
    t->repeat = t->head_h + t->cap_h <= page / 2;
    t->fitted_to = tw;
    return true;
}

/* The factor (< 1) by which the table's type must shrink for its columns'
 * minimum widths to fit `width`, or 1 when they fit.  A word wider than a
 * quarter of the table is left out of the sum: it is broken anyway.  Many
 * narrow columns (a 40-column grid) are the case this is for: their figures
 * must not be broken between digits. */
double br_lay_table_shrink(const ltable *t, double width)
{
    double need = 0, pads = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->fixed[c] > 0) {
            width -= t->fixed[c];
            continue;
        }
        double lo = t->min[c] < width / 4 ? t->min[c] : width / 4;
        need += lo;
        pads += 2 * t->pad_x;
    }
    if (need <= width + LAY_EPS || need <= pads)
        return 1;
    double f = (width - pads) / (need - pads);
    return f > 0 ? f : 1;
}
