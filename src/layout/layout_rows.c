/* layout_rows.c — table rows down the pages.
 *
 * A table runs in segments, one per page: on each page after the first the
 * caption with "(continued)" and the header rows come first.  A row that
 * does not fit in what is left of a page is split between lines of its
 * cells (at least three lines at the foot and two at the head);
 * a short row moves whole instead; a group row moves with its first three
 * rows (all of them if it has fewer), and a table starts where its header
 * and its first three rows (or its first group) fit.
 * Rules, fills and text of a split row continue on the next page, where the
 * row is named again (its ref or title, "(continued)", its status), and a row
 * taller than a page spans as many pages as it needs.  Header rows taller
 * than half a page are not repeated: they print once and split as rows do.
 */
#include "layout_table.h"

#include <ctype.h>
#include <string.h>

typedef struct seg {
    double top;             /* top of the frame on this page */
    size_t nbody;           /* body chunks on this page */
    bool first;             /* the next chunk is the frame's first */
    const lrow *group;      /* the group row the rows being placed are under */
} seg;

/* Footnotes of lines [l0, l0 + m) of the row's cells: probed or committed,
 * each on every page its marker is (a header's, or a body cell citing a
 * note first printed on an earlier page). */
static void chunk_notes(lay *L, const lrow *r, size_t l0, size_t m, bool commit)
{
    if (!r->has_notes)
        return;
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        const tx_text *t = &c->text;
        for (size_t col = 0, ncols = br_lay_cell_columns(c); col < ncols; col++) {
            size_t from, to;
            br_lay_cell_column_lines(c, col, &from, &to);
            for (size_t l = from + l0; l < from + l0 + m && l < to; l++) {
                const tx_line *ln = &t->lines[l];
                if (commit)
                    br_lay_notes_commit_again(L, t->notes + ln->note0, ln->nnotes);
                else
                    br_lay_probe_add_again(L, t->notes + ln->note0, ln->nnotes);
            }
        }
    }
}

static bool cell_fill(const lay *L, const lrow *r, const lcell *c, uint32_t *fill)
{
    const br_style *s = L->style;
    if (c->cell->has_fill)
        *fill = c->cell->fill;
    else if (r->header)
        *fill = s->header_fill;
    else if (r->kind == BR_ROW_GROUP)
        *fill = s->group_fill;
    else if (r->kind == BR_ROW_TOTAL)
        *fill = s->total_fill;
    else
        return false;
    return *fill != 0xFFFFFF;
}

/* The widest line of c's text, its last less what hangs after it. */
static double widest_line(const lcell *c)
{
    double w = 0;
    for (size_t l = 0; l < c->text.nlines; l++) {
        double lw = c->text.lines[l].width - (l + 1 == c->text.nlines ? c->hang : 0);
        if (lw > w)
            w = lw;
    }
    return w;
}

/* Where line ln of cell c starts.  Right-aligned, it ends at the column's
 * figure edge, left of the slot kept for what hangs after the figures
 * (markers, status words).  A cell too wide to end there is set whole in
 * its cell, what would hang following on its line: a header or a body
 * line flush right; a body cell of several lines ("£1.285m (Social Work
 * Teams) (Red)" wrapped) on the left, as words are, every line on one
 * edge. */
static double line_x(const ltable *t, const lcell *c, const tx_line *ln, double left, double cw)
{
    double x = left, w = ln->width;
    bool right = c->align == BR_ALIGN_RIGHT || c->align == BR_ALIGN_DECIMAL;
    if (right && c->span == 1 && c->col < t->ncols && !c->prose) {
        if (widest_line(c) <= cw - t->hang_x[c->col] + LAY_EPS) {
            cw -= t->hang_x[c->col];    /* the column's markers keep clear of its rule */
            if (ln == &c->text.lines[c->text.nlines - 1])
                w -= c->hang;
        } else if (!c->in_header && c->text.nlines > 1) {
            return left;
        }
    }
    if (c->align == BR_ALIGN_CENTER)
        x = left + (cw - w) / 2;
    if (right)
        x = left + cw - w;
    if (c->align == BR_ALIGN_DECIMAL && c->decimal && c->text.nlines == 1 && t->point[c->col]) {
        /* On the column's point when it fits; else right-aligned.  A whole
         * figure ends where the whole figures with the widest tail end: a
         * count ("193") flush with the percentages ("69%") whose units sit
         * on the point, never short of them. */
        double point = left + cw - t->dec_r[c->col];
        double d = c->whole ? point + t->whole_r[c->col] - w : point - c->dec_left;
        if (d >= left - LAY_EPS && d + w <= left + cw + LAY_EPS)
            x = d;
    }
    if (c->placeholder && c->text.nlines == 1 && c->col < t->ncols && t->point[c->col] &&
        t->whole_r[c->col] > 0) {
        /* "NA" ends where the whole figures end ("64%" over "54.26%"), as
         * a figure in its place would, not past them at the cell's edge */
        double d = left + cw - t->dec_r[c->col] + t->whole_r[c->col] - w;
        if (d >= left - LAY_EPS)
            x = d;
    }
    return x > left ? x : left;
}

/* The cell of row r covering grid column col, or NULL. */
static const lcell *covering(const lrow *r, size_t col)
{
    for (size_t i = 0; i < r->ncells; i++)
        if (r->cells[i].col <= col && col < r->cells[i].col + r->cells[i].span)
            return &r->cells[i];
    return NULL;
}

static bool blank_cell(const lcell *c)
{
    return c->prep.natoms == 0 && !c->graphic && !c->cell->chart && !c->cell->has_fill;
}

/* Whether the rule between header rows above and below is left out over
 * grid column col: a blank header cell is part of the heading above or
 * below it, as a cell merged down the header rows (a column without a
 * banner under its neighbours' banner, the label column beside a
 * finance table's column groups).  A blank cell below merges only with
 * a cell of the same columns, never into a banner over several. */
static bool merged_down(const lrow *above, const lrow *below, size_t col)
{
    const lcell *a = covering(above, col), *b = covering(below, col);
    if (!a || !b || a->cell->has_fill || b->cell->has_fill)
        return false;
    return blank_cell(a) || (blank_cell(b) && a->col == b->col && a->span == b->span);
}

/* The rule above a row: across the table, but for a header row under
 * another, not over the columns where the two are one merged cell. */
static void top_rule(lay *L, ltable *t, const lrow *r, double top, double width)
{
    const br_style *s = L->style;
    double x0 = L->left;
    size_t i = 0;
    while (r->header && i < t->nhead && &t->head[i] != r)
        i++;
    if (!r->header || i == 0 || i >= t->nhead) {
        br_lay_emit_line(L, x0, top, x0 + t->width, top, width, s->rule_color);
        return;
    }
    for (size_t c = 0; c < t->ncols;) {
        size_t e = c;
        while (e < t->ncols && !merged_down(&t->head[i - 1], r, e))
            e++;
        if (e > c)
            br_lay_emit_line(L, x0 + t->x[c], top, x0 + t->x[e], top, width, s->rule_color);
        while (e < t->ncols && merged_down(&t->head[i - 1], r, e))
            e++;
        c = e;
    }
}

static void draw_rules(lay *L, ltable *t, const lrow *r, bool frame_top, size_t l0, double top,
                       double h)
{
    const br_style *s = L->style;
    double x0 = L->left;
    bool heavy = frame_top || (r->kind == BR_ROW_TOTAL && l0 == 0);
    top_rule(L, t, r, top, heavy ? s->outer_rule_width : s->rule_width);
    if (!s->rules_vertical)
        return;
    for (size_t c = 0; c <= t->ncols; c++)
        t->inner[c] = false;
    /* A blank header cell over several columns is theirs, merged up: the
     * columns' rules run through it. */
    for (size_t i = 0; i < r->ncells; i++)
        for (size_t c = r->cells[i].col + 1; c < r->cells[i].col + r->cells[i].span; c++)
            t->inner[c] = !(r->header && blank_cell(&r->cells[i]));
    for (size_t c = 1; c < t->ncols; c++)
        if (!t->inner[c])
            br_lay_emit_line(L, x0 + t->x[c], top, x0 + t->x[c], top + h, s->rule_width, s->rule_color);
}

/* Draws the cell's drawing, whose first line is in the chunk from l0 at top. */
static void draw_graphic(lay *L, const ltable *t, const lrow *r, const lcell *c, size_t l0,
                         double top, double left, double cw)
{
    double w = c->graphic->width * c->g_scale;
    double x = left;
    if (c->align == BR_ALIGN_CENTER)
        x = left + (cw - w) / 2;
    else if (c->align == BR_ALIGN_RIGHT || c->align == BR_ALIGN_DECIMAL)
        x = left + cw - w;
    double y = top + t->pad_y + (c->g_line - l0) * r->st.leading;
    if (c->text.nlines)
        y += r->st.leading * 0.25;
    br_lay_figure(L, c->graphic, c->elem, x > left ? x : left, y, c->g_scale);
}

/* The scope of a header cell, or NONE for a data cell: a header row's
 * cells head their columns; a group row's cell, and a row's first cell
 * when it is words in a table of more than one column (a measure's title,
 * a service), name their row. */
static br_scope cell_scope(const ltable *t, const lrow *r, const lcell *c)
{
    if (r->header)
        return BR_SCOPE_COLUMN;
    if (r->kind == BR_ROW_GROUP)
        return BR_SCOPE_ROW;
    if (c->col == 0 && t->ncols > 1 && !c->decimal && c->align == BR_ALIGN_LEFT)
        return BR_SCOPE_ROW;
    return BR_SCOPE_NONE;
}

/* The row's elements, made when it is first drawn as content: the table's
 * (Table, THead or TBody) when first needed, the TR, a TH or TD a cell. */
static void row_elems(lay *L, ltable *t, const lrow *row)
{
    bool head = row >= t->head && row < t->head + t->nhead;
    lrow *r = head ? &t->head[row - t->head] : &t->rows[row - t->rows];
    if (r->elem || L->artifact)
        return;
    if (!t->elem)
        t->elem = br_lay_elem_new(L, BR_ROLE_TABLE, 0);
    uint32_t *group = r->header ? &t->thead : &t->tbody;
    if (!*group)
        *group = br_lay_elem_new(L, r->header ? BR_ROLE_THEAD : BR_ROLE_TBODY, t->elem);
    r->elem = br_lay_elem_new(L, BR_ROLE_TR, *group);
    for (size_t i = 0; i < r->ncells; i++) {
        lcell *c = &r->cells[i];
        br_scope scope = cell_scope(t, r, c);
        c->elem = br_lay_elem_new(L, scope ? BR_ROLE_TH : BR_ROLE_TD, r->elem);
        br_elem *e = &L->pages->elems[c->elem];
        e->scope = scope;
        e->colspan = c->span > 1 ? (int)c->span : 0;
    }
}

/* On each page a split row continues on, it is known by its identifying
 * cells and its status, and by nothing else whole (a date or a lead drawn
 * again would read as a second row): the identifying cells (a ref, and
 * the title: the first cell of its first two columns with words and the
 * width for "(continued)", the marker cell) and every coloured cell (the
 * status word, which its colour alone must never carry).  A cell whose
 * text ended on an earlier page is drawn again: a short one (up to
 * REPEAT_LINES lines) whole, a longer one by its first line, the marker
 * cell with "(continued)" below.  A marker cell whose text goes on takes a
 * lead line above it instead: its ref and "(continued)" ("15. (continued)"),
 * or its first words that fit ("Children looked after… (continued)"). */
#define REPEAT_LINES 3

static bool marker_fits(lay *L, const tx_text *tx, double cw)
{
    const char *cont = L->style->continued;
    br_face face = br_lay_tx_face(BR_FACE_ITALIC, tx->st.face);
    return cont && *cont && br_lay_tx_width(L, cont, strlen(cont), face, tx->st.size) <= cw + LAY_EPS;
}

static double cell_width(const ltable *t, const lcell *c)
{
    return t->x[c->col + c->span] - t->x[c->col] - 2 * t->pad_x;
}

/* The cell of row r that carries "(continued)", or r->ncells for none. */
static size_t marker_cell(lay *L, const ltable *t, const lrow *r)
{
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        if (c->col > 1)
            break;
        if (c->span == 1 && c->align == BR_ALIGN_LEFT && c->text.nlines > 0 &&
            marker_fits(L, &c->text, cell_width(t, c)))
            return i;
    }
    return r->ncells;
}

/* Whether cell i of r is drawn again where the row continues: identifying
 * (before the marker cell, or in the first two columns when there is
 * none, or in a column whose cells say whose the row is: a milestone's
 * lead) or coloured. */
static bool repeats(const ltable *t, const lrow *r, size_t i, size_t marker)
{
    const lcell *c = &r->cells[i];
    if (c->cell->has_fill || (c->span == 1 && t->src->cols[c->col].identifies))
        return true;
    return marker < r->ncells ? i <= marker : c->col <= 1;
}

/* Lead lines above the rest of row r from line l0: 1 when its marker cell
 * goes on there. */
static size_t lead_lines(lay *L, const ltable *t, const lrow *r, size_t l0)
{
    if (l0 == 0 || r->header)
        return 0;
    size_t m = marker_cell(L, t, r);
    return m < r->ncells && r->cells[m].text.nlines > l0;
}

/* A ref leading a title: "15.", "B17", "E4:", "3a)"; not a figure ("2,000",
 * "15 schools"). */
static bool is_ref(const char *s, size_t n)
{
    size_t i = 0, letters = 0, digits = 0;
    while (i < n && letters < 2 && isalpha((unsigned char)s[i]))
        i++, letters++;
    while (i < n && digits < 3 && isdigit((unsigned char)s[i]))
        i++, digits++;
    if (i < n && digits && islower((unsigned char)s[i]))
        i++;
    bool stop = i < n && strchr(".):", s[i]) != NULL;
    i += stop;
    return digits > 0 && i == n && (letters > 0 || stop);
}

/* The lead line of marker cell c: its ref, or its first words that fit
 * with "…", then "(continued)". */
static void draw_lead(lay *L, const lcell *c, double left, double cw, double base)
{
    const tx_prep *p = &c->prep;
    const tx_style *st = &c->text.st;
    const char *cont = L->style->continued, *dots = "… ";
    br_face italic = br_lay_tx_face(BR_FACE_ITALIC, st->face);
    double room = cw - br_lay_tx_width(L, cont, strlen(cont), italic, st->size);
    bool ref = p->natoms > 1 && p->atoms[0].glen > 0 && is_ref(p->atoms[0].text, p->atoms[0].len);
    if (!ref)
        room -= br_lay_tx_width(L, dots, strlen(dots), st->face, st->size);
    size_t n = 0;
    double w = 0;
    while (n < p->natoms && !(p->atoms[n].flags & (TX_NEWLINE | TX_SUPER)) &&
           p->atoms[n].note < 0 && w + p->atoms[n].w <= room + LAY_EPS) {
        w += p->atoms[n].w + p->atoms[n].gw;
        if (++n == 1 && ref)
            break;
    }
    double x = left;
    for (size_t k = 0; k < n; k++) {
        const tx_atom *a = &p->atoms[k];
        br_lay_emit_text(L, x, base, a->text, a->len, (br_face)a->face, st->size, a->color);
        x += a->w + a->gw;
    }
    if (n && !ref) {
        x -= p->atoms[n - 1].gw;
        br_lay_emit_text(L, x, base, dots, strlen(dots), st->face, st->size, st->color);
        x += br_lay_tx_width(L, dots, strlen(dots), st->face, st->size);
    }
    br_lay_emit_text(L, x, base, cont, strlen(cont), italic, st->size, st->color);
}

static void repeat_cell(lay *L, const ltable *t, const lrow *r, const lcell *c, size_t m,
                        double left, double cw, double base, bool marker)
{
    const tx_text *tx = &c->text;
    size_t shown = tx->nlines <= REPEAT_LINES ? tx->nlines : 1;
    if (marker && shown >= m)
        shown = 1;
    for (size_t l = 0; l < shown && l < m; l++)
        br_lay_tx_draw_line(L, tx, l, line_x(t, c, &tx->lines[l], left, cw),
                            base + l * r->st.leading);
    const char *cont = L->style->continued;
    if (marker && shown < m)
        br_lay_emit_text(L, left, base + shown * r->st.leading, cont, strlen(cont),
                         br_lay_tx_face(BR_FACE_ITALIC, tx->st.face), tx->st.size, tx->st.color);
}

/* Draws lines [l0, l0 + m) of row r at L->y and moves below them. */
static void draw_chunk(lay *L, ltable *t, const lrow *r, size_t l0, size_t m, seg *s)
{
    size_t lead = lead_lines(L, t, r, l0);
    double x0 = L->left, top = L->y, h = br_lay_row_chunk_h(t, r, m + lead);
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        uint32_t fill;
        if (cell_fill(L, r, c, &fill))
            br_lay_emit_rect(L, x0 + t->x[c->col], top, t->x[c->col + c->span] - t->x[c->col], h, fill);
    }
    draw_rules(L, t, r, s->first, l0, top, h);
    row_elems(L, t, r);
    size_t marker = l0 > 0 && !r->header ? marker_cell(L, t, r) : r->ncells;
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        br_lay_elem_enter(L, c->elem);
        double left = x0 + t->x[c->col] + t->pad_x, cw = cell_width(t, c);
        double base = top + t->pad_y + br_lay_tx_baseline(L, &c->text.st);
        bool again = l0 > 0 && !r->header && !c->graphic && repeats(t, r, i, marker);
        L->repeating = true;
        if (again && c->text.nlines <= l0)
            repeat_cell(L, t, r, c, m + lead, left, cw, base, i == marker);
        else if (lead && i == marker)
            draw_lead(L, c, left, cw, base);
        L->repeating = false;
        if (lead && i == marker)
            base += lead * r->st.leading;
        /* the first column's lines, then the next's (reading order) */
        for (size_t col = 0, ncols = br_lay_cell_columns(c); col < ncols; col++) {
            size_t from, to;
            br_lay_cell_column_lines(c, col, &from, &to);
            double x = left + (double)col * c->split_x;
            for (size_t l = from + l0; l < from + l0 + m && l < to; l++)
                br_lay_tx_draw_line(L, &c->text, l, line_x(t, c, &c->text.lines[l], x, cw),
                                    base + (l - from - l0) * r->st.leading);
        }
        if (c->graphic && c->g_line >= l0 && c->g_line < l0 + m)
            draw_graphic(L, t, r, c, l0, top, left, cw);
    }
    br_lay_elem_enter(L, 0);
    L->y = top + h;
    L->fresh = false;
    s->first = false;
    chunk_notes(L, r, l0, m, true);
}

/* The group row ("Strategic") of the rows a page break falls among, drawn
 * again under the repeated header with "(continued)" after its words (on
 * its last line when they fit there, else below), so that the rows at the
 * head of the page are known as the group's, as the header's columns are. */
static void repeat_group(lay *L, ltable *t, seg *s)
{
    const lrow *g = s->group;
    const char *cont = L->style->continued;
    const lcell *c = g->ncells ? &g->cells[0] : NULL;
    if (!c || c->text.nlines == 0 || !cont || !*cont)
        return;
    const tx_style *st = &c->text.st;
    double cw = cell_width(t, c), left = L->left + t->x[c->col] + t->pad_x;
    double cont_w = br_lay_tx_width(L, cont, strlen(cont), st->face, st->size);
    double space = br_lay_tx_width(L, " ", 1, st->face, st->size);
    const tx_line *last = &c->text.lines[c->text.nlines - 1];
    double end = line_x(t, c, last, left, cw) + last->width;
    bool beside = end + space + cont_w <= left + cw + LAY_EPS;
    size_t n = c->text.nlines + !beside;
    double top = L->y, h = br_lay_row_chunk_h(t, g, n);
    for (size_t i = 0; i < g->ncells; i++) {
        const lcell *gc = &g->cells[i];
        uint32_t fill;
        if (cell_fill(L, g, gc, &fill))
            br_lay_emit_rect(L, L->left + t->x[gc->col], top,
                             t->x[gc->col + gc->span] - t->x[gc->col], h, fill);
    }
    draw_rules(L, t, g, s->first, 0, top, h);
    L->repeating = true;
    for (size_t i = 0; i < g->ncells; i++) {
        const lcell *gc = &g->cells[i];
        double gl = L->left + t->x[gc->col] + t->pad_x;
        double base = top + t->pad_y + br_lay_tx_baseline(L, &gc->text.st);
        for (size_t l = 0; l < gc->text.nlines; l++)
            br_lay_tx_draw_line(L, &gc->text, l, line_x(t, gc, &gc->text.lines[l], gl, cell_width(t, gc)),
                                base + l * g->st.leading);
    }
    double base = top + t->pad_y + br_lay_tx_baseline(L, st);
    br_lay_emit_text(L, beside ? end + space : left,
                     base + (double)(n - 1) * g->st.leading, cont, strlen(cont),
                     st->face, st->size, st->color);
    L->repeating = false;
    L->y = top + h;
    s->first = false;
    chunk_notes(L, g, 0, g->nlines, true);
}

static void seg_begin(lay *L, ltable *t, seg *s, bool continued)
{
    s->first = true;
    s->nbody = 0;
    /* The caption and header rows repeated on a later page are artifacts:
     * a reader meets them once, where the table starts. */
    bool artifact = L->artifact;
    L->artifact = artifact || continued;
    if (continued && t->cap_h > 0) {
        double base = br_lay_tx_baseline(L, &t->cap_text.st);
        for (size_t i = 0; i < t->cap_text.nlines; i++)
            br_lay_tx_draw_line(L, &t->cap_text, i, L->left, L->y + i * t->cap_text.st.leading + base);
        L->y += t->cap_h;
    }
    s->top = L->y;
    /* A header too tall to repeat is placed as rows are. */
    for (size_t i = 0; t->repeat && i < t->nhead; i++)
        draw_chunk(L, t, &t->head[i], 0, t->head[i].nlines, s);
    if (continued && s->group)
        repeat_group(L, t, s);
    L->artifact = artifact;
}

static void seg_end(lay *L, ltable *t, const seg *s)
{
    const br_style *st = L->style;
    double x0 = L->left, x1 = L->left + t->width;
    if (L->y <= s->top)
        return;
    br_lay_emit_line(L, x0, L->y, x1, L->y, st->outer_rule_width, st->rule_color);
    if (st->rules_vertical) {
        br_lay_emit_line(L, x0, s->top, x0, L->y, st->outer_rule_width, st->rule_color);
        br_lay_emit_line(L, x1, s->top, x1, L->y, st->outer_rule_width, st->rule_color);
    }
}

static void seg_break(lay *L, ltable *t, seg *s)
{
    seg_end(L, t, s);
    br_lay_page_start(L, L->orient);
    seg_begin(L, t, s, true);
}

/* Lines of a row that must be together where it starts. */
static size_t keep_lines(const lrow *r)
{
    return r->nlines < ROW_FOOT_LINES + ROW_HEAD_LINES ? r->nlines : ROW_FOOT_LINES;
}

/* Lines of r from l0 (of rem) that fit here with their footnotes. */
static size_t lines_fitting(lay *L, const ltable *t, const lrow *r, size_t l0, size_t rem)
{
    size_t lead = lead_lines(L, t, r, l0);
    double room = br_lay_room(L) - 2 * t->pad_y;
    double fit = (room + LAY_EPS) / r->st.leading - (double)lead;
    size_t k = fit <= 0 ? 0 : (size_t)fit;
    if (k > rem)
        k = rem;
    while (k > 0 && r->has_notes) {
        br_lay_probe_begin(L);
        chunk_notes(L, r, l0, k, false);
        if (br_lay_fits(L, br_lay_row_chunk_h(t, r, k + lead), br_lay_probe_extra(L)))
            break;
        k--;
    }
    return k;
}

/* Rows kept together where a table or a group starts: its first
 * TABLE_KEEP_ROWS body rows, or all of a group that has fewer (its end is
 * as good a place for a page to end as the table's). */
#define TABLE_KEEP_ROWS 3

/* Height needed to start rows[ri] here, probing footnotes: the group rows
 * from ri and the body rows after them up to TABLE_KEEP_ROWS (and the
 * table's last row when only it would be left: a table of four short rows
 * moves whole rather than split two and two) or the next
 * group, each whole but the last, of which its kept lines.  A row that
 * would split here (too tall for the room left) is the last: the page ends
 * inside it, and its kept lines are what the page must hold. */
/* Whether the row after rows[ri] is the last of the table and too short
 * to split: it would go alone under a repeated header, so it never is
 * the only row left for the next page. */
static bool last_would_go_alone(const lrow *rows, size_t n, size_t ri)
{
    return ri + 2 == n && rows[ri + 1].kind != BR_ROW_GROUP &&
           rows[ri + 1].nlines < ROW_FOOT_LINES + ROW_HEAD_LINES;
}

static double row_start_height(lay *L, const ltable *t, const lrow *rows, size_t n, size_t ri)
{
    double h = 0, room = br_lay_room(L);
    for (size_t body = 0; ri < n; ri++) {
        const lrow *r = &rows[ri];
        if (r->kind == BR_ROW_GROUP && body > 0)
            break;
        bool splits = r->nlines >= ROW_FOOT_LINES + ROW_HEAD_LINES &&
                      h + br_lay_row_chunk_h(t, r, r->nlines) > room;
        bool last = r->kind != BR_ROW_GROUP &&
                    ((++body >= TABLE_KEEP_ROWS && !last_would_go_alone(rows, n, ri)) ||
                     ri + 1 == n || splits ||
                     rows[ri + 1].kind == BR_ROW_GROUP);
        size_t k = last ? keep_lines(r) : r->nlines;
        chunk_notes(L, r, 0, k, false);
        h += br_lay_row_chunk_h(t, r, k);
        if (last)
            break;
    }
    return h;
}

static bool group_fits(lay *L, const ltable *t, const lrow *rows, size_t n, size_t ri)
{
    br_lay_probe_begin(L);
    double h = row_start_height(L, t, rows, n, ri);
    return br_lay_fits(L, h, br_lay_probe_extra(L));
}

/* Lines to put here of the rem left of a row, k of which fit. */
static size_t lines_to_take(size_t k, size_t rem, const seg *s)
{
    bool widow = rem - k == 1 && k >= 3;
    if (s->nbody == 0)      /* only the header above: moving would not help */
        return widow ? k - 1 : k ? k : 1;
    if (rem - k < ROW_HEAD_LINES)
        k = rem > ROW_HEAD_LINES ? rem - ROW_HEAD_LINES : 0;
    return k >= ROW_FOOT_LINES ? k : 0;
}

/* Lines to take from l0 so that no drawing is cut: fewer, so that it goes
 * over whole, or where it starts the chunk and nothing else may go over
 * (forced), all of it. */
static size_t keep_graphics(const lrow *r, size_t l0, size_t take, bool forced)
{
    for (size_t pass = 0, changed = 1; changed && pass <= r->ncells; pass++) {
        changed = 0;
        for (size_t i = 0; i < r->ncells; i++) {
            const lcell *c = &r->cells[i];
            size_t g0 = c->g_line, g1 = c->g_line + c->g_lines;
            if (!c->graphic || take == 0 || l0 + take <= g0 || l0 + take >= g1 || l0 >= g1)
                continue;
            take = g0 > l0 ? g0 - l0 : forced ? g1 - l0 : 0;
            changed = 1;
        }
    }
    return take;
}

/* Places rows[ri], splitting it across pages as it must. */
static void place_row(lay *L, ltable *t, const lrow *rows, size_t n, size_t ri, seg *s)
{
    const lrow *r = &rows[ri];
    size_t l0 = 0;
    if (r->kind == BR_ROW_GROUP)
        s->group = NULL;    /* a page breaking before it repeats no group */
    for (;;) {
        size_t rem = r->nlines - l0;
        size_t k = lines_fitting(L, t, r, l0, rem);
        if (k == rem) {
            if (r->kind == BR_ROW_GROUP && l0 == 0 && s->nbody > 0 &&
                !group_fits(L, t, rows, n, ri)) {
                seg_break(L, t, s);
                continue;
            }
            draw_chunk(L, t, r, l0, rem, s);
            s->nbody++;
            if (r->kind == BR_ROW_GROUP && !r->header)
                s->group = r;
            return;
        }
        size_t take = keep_graphics(r, l0, lines_to_take(k, rem, s), s->nbody == 0);
        if (take) {
            draw_chunk(L, t, r, l0, take, s);
            s->nbody++;
            l0 += take;
        }
        seg_break(L, t, s);
    }
}

/* Whether rows[ri], the last row but one, fits here whole but the last
 * row, too short to split, would go alone to the next page: then both go,
 * so that no page holds a repeated header over a single row.  The page
 * keeps at least two rows of the table. */
static bool lone_last_row(lay *L, const ltable *t, size_t ri, const seg *s)
{
    if (!last_would_go_alone(t->rows, t->nrows, ri) || s->nbody < 2)
        return false;   /* not the last but one, or the last would split */
    const lrow *a = &t->rows[ri], *b = &t->rows[ri + 1];
    br_lay_probe_begin(L);
    chunk_notes(L, a, 0, a->nlines, false);
    double ha = br_lay_row_chunk_h(t, a, a->nlines);
    if (!br_lay_fits(L, ha, br_lay_probe_extra(L)))
        return false;
    chunk_notes(L, b, 0, b->nlines, false);
    return !br_lay_fits(L, ha + br_lay_row_chunk_h(t, b, b->nlines), br_lay_probe_extra(L));
}

double br_lay_table_start_height(lay *L, ltable *t)
{
    if (!t->repeat && t->nhead)
        return t->start_h + row_start_height(L, t, t->head, t->nhead, 0);
    double h = t->start_h;
    for (size_t i = 0; i < t->nhead; i++) {
        chunk_notes(L, &t->head[i], 0, t->head[i].nlines, false);
        h += br_lay_row_chunk_h(t, &t->head[i], t->head[i].nlines);
    }
    /* A table does not start with a single row at the foot of a page: the
     * header keeps its first rows (row_start_height). */
    return h + row_start_height(L, t, t->rows, t->nrows, 0);
}

bool br_lay_table_start(lay *L, ltable *t)
{
    if (t->ncols == 0 || (t->nrows == 0 && t->nhead == 0))
        return false;
    if (!L->fresh) {
        br_lay_probe_begin(L);
        double need = br_lay_table_start_height(L, t);
        if (!br_lay_fits(L, need, br_lay_probe_extra(L)))
            br_lay_page_start(L, L->orient);
    }
    return true;
}

void br_lay_table_place(lay *L, ltable *t)
{
    if (!br_lay_table_start(L, t))
        return;
    if (t->start_h > 0) {
        /* The caption where the table starts: the table's first child. */
        if (!t->elem)
            t->elem = br_lay_elem_new(L, BR_ROLE_TABLE, 0);
        uint32_t outer = br_lay_elem_enter(L, br_lay_elem_new(L, BR_ROLE_CAPTION, t->elem));
        double base = br_lay_tx_baseline(L, &t->start_text.st);
        for (size_t i = 0; i < t->start_text.nlines; i++)
            br_lay_tx_draw_line(L, &t->start_text, i, L->left,
                                L->y + i * t->start_text.st.leading + base);
        L->y += t->start_h;
        L->fresh = false;
        br_lay_elem_enter(L, outer);
    }
    seg s = {0};
    br_lay_notes_owner(L, t);
    seg_begin(L, t, &s, false);
    for (size_t i = 0; !t->repeat && i < t->nhead; i++)
        place_row(L, t, t->head, t->nhead, i, &s);
    for (size_t i = 0; i < t->nrows; i++) {
        if (lone_last_row(L, t, i, &s))
            seg_break(L, t, &s);
        place_row(L, t, t->rows, t->nrows, i, &s);
    }
    seg_end(L, t, &s);
    br_lay_notes_under(L, t);
}
