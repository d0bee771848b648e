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
#include <ctype.h>
#include <math.h>
#include <stdint.h>
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
    if (widest > n && n > 0 && !L->measuring)
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
        st.face = br_lay_tx_face(st.face, s->group_face);
        st.color = s->group_text;
    } else if (row->kind == BR_ROW_TOTAL) {
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
    }
    return st;
}

/* One alignment per column.  A column is of figures when its colspec says
 * so (right or decimal) or, without one, when every body cell that has text
 * (a placeholder aside) is right or decimal aligned; figures line up on their decimal point
 * (right-aligned when they cannot, see measure_columns), text columns keep
 * their colspec's alignment. */
static bool aligned_right(br_align a)
{
    return a == BR_ALIGN_RIGHT || a == BR_ALIGN_DECIMAL;
}

/* A placeholder for a figure ("-", "–", "NA", "n/a", "*"): no digit and
 * at most PLACEHOLDER_CHARS characters.  It takes its column's alignment
 * and does not decide it: a column of counts with a "-" among them is a
 * column of figures, its "-" flush right with them. */
#define PLACEHOLDER_CHARS 3

static bool placeholder(const br_rich *text)
{
    size_t chars = 0;
    for (size_t i = 0; i < text->nruns; i++) {
        const br_run *run = &text->runs[i];
        if (run->footnote)
            continue;
        for (size_t k = 0; k < run->len; k++) {
            unsigned char ch = (unsigned char)run->text[k];
            if (isdigit(ch))
                return false;
            chars += (ch & 0xC0) != 0x80 && !isspace(ch);
        }
    }
    return chars > 0 && chars <= PLACEHOLDER_CHARS;
}

static void column_alignments(ltable *t)
{
    const br_table *tb = t->src;
    for (size_t c = 0; c < t->ncols; c++)
        t->calign[c] = c < tb->ncols ? tb->cols[c].align : BR_ALIGN_LEFT;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->calign[c] != BR_ALIGN_LEFT)
            continue;
        bool any = false, all = true, words = false, centred = true;
        for (size_t i = 0; i < tb->nrows && (all || centred); i++) {
            const br_row *r = &tb->rows[i];
            size_t col = 0;
            for (size_t k = 0; k < r->ncells && col <= c; k++) {
                const br_cell *cell = &r->cells[k];
                size_t span = cell->span > 1 ? (size_t)cell->span : 1;
                if (col == c && span == 1 && r->kind != BR_ROW_GROUP && cell->text.nruns) {
                    words = true;
                    centred = centred && cell->align == BR_ALIGN_CENTER;
                    if (!placeholder(&cell->text)) {
                        any = true;
                        all = all && aligned_right(cell->align);
                    }
                }
                col += span;
            }
        }
        if (any && all)
            t->calign[c] = BR_ALIGN_DECIMAL;
        else if (words && centred)
            t->calign[c] = BR_ALIGN_CENTER;     /* status words ("G"): header centred too */
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->calign[c] == BR_ALIGN_RIGHT)
            t->calign[c] = BR_ALIGN_DECIMAL;
}

/* Headers are aligned as their column (figures' to the right); a body cell
 * of a figure column lines up with the others whatever it was given (a
 * coloured comparator among plain ones), and a body cell left at
 * BR_ALIGN_LEFT takes its column's alignment.  A cell of prose in a figure
 * column is words, set on the left as words are everywhere; its column's
 * figures stay on the right, as the same column's figures are in every
 * other table of the paper (objective E's amounts beside A-D's). */
static br_align cell_align(const ltable *t, const lrow *r, const lcell *c)
{
    br_align a = c->cell->align;
    if (c->span != 1 || c->col >= t->ncols || r->kind == BR_ROW_GROUP)
        return a;
    br_align col = t->calign[c->col];
    if (c->prose)
        return BR_ALIGN_LEFT;
    if (r->header)
        return col == BR_ALIGN_DECIMAL ? BR_ALIGN_RIGHT : col;
    if (col == BR_ALIGN_DECIMAL || a == BR_ALIGN_LEFT || c->cell->has_fill)
        return col;
    return a;
}

/* Whether the text has a decimal fraction ("11.0%", not "87%"). */
static bool has_fraction(const tx_prep *p)
{
    for (size_t i = 0; i < p->natoms; i++)
        for (uint32_t k = 0; k + 1 < p->atoms[i].len; k++)
            if (p->atoms[i].text[k] == '.' && p->atoms[i].text[k + 1] >= '0' &&
                p->atoms[i].text[k + 1] <= '9')
                return true;
    return false;
}

/* Footnote markers and a status word at the end of a right-aligned cell
 * hang past its figure's edge, so that "85.5%⁵" and "15% (Amber)" line up
 * with "87%": a marker into half of the cell's padding, the other half
 * keeping it clear of the column's rule (the column takes the rest of a
 * wider marker, and every cell's figure stands that far left: hang_slots,
 * line_x); a status word in a slot as wide as the column's widest, inside
 * the padding.  Returns the tail's width from the figure's end; *word
 * says whether it holds a status word. */
static double hanging_tail(const lcell *c, bool *word)
{
    const tx_prep *p = &c->prep;
    double w = 0;
    size_t i = p->natoms;
    *word = false;
    for (; i > 0; i--) {
        const tx_atom *a = &p->atoms[i - 1];
        bool hangs = a->flags & TX_HANG;
        if (!hangs && !(a->note >= 0 && a->glen == 0))
            break;
        w += a->w + (i < p->natoms ? a->gw : 0);
        *word = *word || hangs;
    }
    if (i > 0 && i < p->natoms && w > 0)
        w += p->atoms[i - 1].gw;    /* the space between figure and word */
    return w;
}

static void prepare_cell(lay *L, lrow *r, lcell *c)
{
    tx_style st = r->st;
    if (c->cell->bold)
        st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
    if (c->cell->has_color)
        st.color = c->cell->color;
    if (r->header)
        br_lay_tx_prepare(L, &c->prep, &c->cell->text, &st);
    else
        br_lay_tx_prepare_cell(L, &c->prep, &c->cell->text, &st);
    const br_graphic *g = c->cell->chart ? br_lay_cell_chart(L, c->cell->chart) : c->cell->graphic;
    if (g && g->width > 0 && g->height > 0)
        c->graphic = g;
    if (c->prep.has_notes)
        r->has_notes = true;
}

/* The cell's alignment in its column, once the columns' are known. */
static void align_cell(lay *L, ltable *t, lrow *r, lcell *c)
{
    c->align = cell_align(t, r, c);
    if (aligned_right(c->align) && !r->header && !c->prose)
        c->hang = hanging_tail(c, &c->hang_word);
    if (c->align == BR_ALIGN_DECIMAL) {
        /* Figures line up on their point; a phrase ("RI+: 95% Good+ 80%")
         * and a placeholder with no digit ("NA", "-") are flush right, as
         * the figures' ends are (ending at the point set them off-centre). */
        bool numeric = false;
        if (c->span == 1 && !c->prep.multiline && c->prep.natoms > 0)
            c->dec_left = br_lay_tx_decimal_left(L, &c->prep, &numeric);
        c->decimal = c->span == 1 && !c->prep.multiline && c->prep.natoms > 0 &&
                     !c->prep.has_glue && numeric;
        c->whole = c->decimal && !has_fraction(&c->prep);
        c->placeholder = !c->decimal && c->span == 1 && placeholder(&c->cell->text);
        if (!c->decimal)
            c->align = BR_ALIGN_RIGHT;
    }
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
        c->in_header = header;
        col += c->span;
        prepare_cell(L, r, c);
    }
}

/* A figure column (by its colspec or its cells) holds prose when a body
 * cell is words longer than a short phrase, two of them outside brackets
 * ("£4.060m less vacancies of £1.291 therefore net of £2.769m.", "Gross
 * £86.190 m. Net £43.802 m.", not "88.2% (2018) (Better than target)"):
 * the cell is set as text, on the left, and the column takes its width as
 * running text does (its words wrap, never inside an amount). */
#define SHORT_EMS 10.0
#define PROSE_WORDS 2

static size_t words_outside_brackets(const tx_prep *p)
{
    size_t n = 0;
    int depth = 0;
    for (size_t i = 0; i < p->natoms; i++) {
        bool letters = false;
        for (uint32_t k = 0; k < p->atoms[i].len; k++) {
            char ch = p->atoms[i].text[k];
            depth += ch == '(' ? 1 : ch == ')' && depth > 0 ? -1 : 0;
            if (depth == 0 && isalpha((unsigned char)ch))
                letters = true;
        }
        n += letters;
    }
    return n;
}

static void prose_columns(ltable *t)
{
    for (size_t i = 0; i < t->nrows; i++) {
        lrow *r = &t->rows[i];
        for (size_t k = 0; k < r->ncells && r->kind != BR_ROW_GROUP; k++) {
            lcell *c = &r->cells[k];
            if (c->span == 1 && c->col < t->ncols && t->calign[c->col] != BR_ALIGN_LEFT &&
                c->prep.has_glue && c->prep.pref_w > SHORT_EMS * r->st.size &&
                words_outside_brackets(&c->prep) >= PROSE_WORDS)
                t->prose[c->col] = c->prose = true;
        }
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
    prose_columns(t);
    for (size_t i = 0; i < t->nhead + t->nrows; i++) {
        lrow *r = i < t->nhead ? &t->head[i] : &t->rows[i - t->nhead];
        for (size_t k = 0; k < r->ncells; k++)
            align_cell(L, t, r, &r->cells[k]);
    }
}

/* ---- measuring ---- */

/* A cell no wider than SHORT_EMS ems of its type on one line is a short
 * phrase ("Better than target", "Quarterly", "£86.190 m"): it stays on one
 * line whenever the table has br_lay_room for every such phrase. */

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

static void raise_to(double *arr, size_t c, double v)
{
    if (v > arr[c])
        arr[c] = v;
}

/* A column of figures (right or decimal aligned) is as wide as its widest
 * figure: words in it ("Not available") wrap before the column widens. */
static bool figures(const ltable *t, size_t col)
{
    if (col >= t->src->ncols || t->prose[col])
        return false;
    br_align a = t->src->cols[col].align;
    return a == BR_ALIGN_RIGHT || a == BR_ALIGN_DECIMAL;
}

/* Whether a text starts with a figure: "84.29% (Red)", "9.73% of
 * placements", a figure with its status word or its qualifier, which a
 * figure column keeps whole as it keeps its figures (words, "Not
 * available", wrap first). */
static bool leads_with_figure(const tx_prep *p)
{
    if (p->natoms == 0)
        return false;
    for (uint32_t k = 0; k < p->atoms[0].len; k++)
        if (isdigit((unsigned char)p->atoms[0].text[k]))
            return true;
    return false;
}

/* The slot a right-aligned column keeps for status words hanging after
 * its figures ("(Amber)"), seen from cell c of row r; 0 for a column whose
 * slot holds only markers (under an em), which headers may stand over. */
static double status_slot(const ltable *t, const lrow *r, const lcell *c)
{
    if (c->span != 1 || c->col >= t->ncols || !aligned_right(c->align))
        return 0;
    double slot = t->hang_x[c->col];
    return slot < r->st.size ? 0 : slot;
}

/* A header cell gives its column only its longest word as a minimum and
 * its one-line width as the widest the column may want: headers wrap at
 * spaces before any body text does, and an empty column is as narrow as
 * its header's longest word. */
static void measure_row(ltable *t, const lrow *r)
{
    double pad = 2 * t->pad_x, short_w = SHORT_EMS * r->st.size;
    for (size_t i = 0; i < r->ncells; i++) {
        const lcell *c = &r->cells[i];
        if (c->span != 1)
            continue;
        double lo = (c->hang_word ? c->prep.lead_min_w : c->prep.min_w) + pad;
        double hi = br_lay_cell_pref(c) + pad - c->hang;
        if (r->header) {
            /* room for its longest word over the figures (header_measure) */
            raise_to(t->min, c->col, lo + status_slot(t, r, c));
            raise_to(t->hdr, c->col, hi);
            if (hi - pad <= short_w && !c->prep.multiline)
                raise_to(t->shdr, c->col, hi);
            continue;
        }
        /* A body cell's widths hold its figure and the column's slot for
         * what hangs after the figures (hanging_tail); a phrase (words
         * with spaces, "9.73% of placements", "Not available") with
         * nothing hanging may run into the slot (line_x). */
        double hx = c->hang_word || !c->prep.has_glue ? t->hang_x[c->col] : 0;
        /* A coloured cell's lines are each a phrase, the status word and
         * what qualifies it ("Better than target" over "(as at 2018/19
         * Q4)"): neither breaks where there is room. */
        bool lines = c->prep.multiline && c->cell->has_fill;
        bool short_cell = hi - pad <= short_w && (!c->prep.multiline || lines);
        bool phrase = short_cell &&
                      (!figures(t, c->col) || !c->prep.has_glue || leads_with_figure(&c->prep));
        /* A short cell of figures and words kept whole only where there
         * is room ("RI+: 95% Good+ 80%") still takes no more than two
         * lines where there is room for that. */
        double two = short_cell && !lines && !c->hang_word
                         ? br_lay_tx_two_line_width(&c->prep) + pad
                         : lo;
        raise_to(t->min, c->col, lo + hx);
        raise_to(t->two, c->col, two + hx);
        raise_to(t->soft, c->col, (phrase ? hi : lo) + hx);
        raise_to(t->pref, c->col, hi + hx);
        if (c->decimal) {
            raise_to(t->dec_l, c->col, c->dec_left);
            raise_to(t->dec_r, c->col, c->prep.pref_w - c->dec_left - c->hang);
            raise_to(t->figure, c->col, c->prep.pref_w - c->hang);
            if (!c->whole)
                t->point[c->col] = true;
            else
                raise_to(t->whole_r, c->col, c->prep.pref_w - c->dec_left - c->hang);
        }
    }
}

/* The slot each column keeps right of its figures for what hangs after
 * them: the widest tail less the half padding it may take. */
static void hang_slots(ltable *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t k = 0; k < t->rows[i].ncells; k++) {
            const lcell *c = &t->rows[i].cells[k];
            if (c->span == 1 && c->col < t->ncols)
                raise_to(t->hang_x, c->col, c->hang - (c->hang_word ? 0 : t->pad_x / 2));
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

/* Spanning cells, narrowest span first, spread their widths over the
 * columns they span: their longest word, and their one-line width unless
 * they span the whole table (a group heading, which wraps instead). */
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
        double lo = c->prep.min_w + 2 * t->pad_x, hi = br_lay_cell_pref(c) + 2 * t->pad_x;
        spread(t, t->min, c->col, c->span, lo);
        if (c->span < t->ncols)
            spread(t, t->hdr, c->col, c->span, hi);
    }
}

/* Columns of figures under one banner (a header cell spanning them, as
 * "2018/19" spans its four quarters) are one series, set at one width:
 * each of their widths is the widest of theirs at that level, so that the
 * quarters read as a run of equal columns, not as wide and narrow by the
 * digits each happens to hold.  Only where they hold nothing but figures:
 * a column with a phrase ("-512 (Amber)") or words ("Not available")
 * keeps its own width, and the others do not take the words'. */
static void equal_banner(ltable *t, const lcell *c)
{
    double *levels[] = {t->min, t->two, t->soft, t->pref, t->hdr, t->shdr};
    for (size_t col = c->col; col < c->col + c->span; col++)
        if (!figures(t, col) || t->fixed[col] > 0 ||
            t->pref[col] > t->figure[col] + 2 * t->pad_x + t->hang_x[col] + LAY_EPS ||
            t->figure[col] <= 0)
            return;
    for (size_t a = 0; a < sizeof levels / sizeof *levels; a++) {
        double most = 0;
        for (size_t col = c->col; col < c->col + c->span; col++)
            raise_to(&most, 0, levels[a][col]);
        for (size_t col = c->col; col < c->col + c->span; col++)
            levels[a][col] = most;
    }
}

static void equal_banners(ltable *t)
{
    for (size_t h = 0; h < t->nhead; h++) {
        const lrow *r = &t->head[h];
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (c->span >= 2 && c->span < t->ncols && c->col + c->span <= t->ncols)
                equal_banner(t, c);
        }
    }
}

/* The four widths of each column, each at least the one before: min (its
 * longest word), soft (short phrases whole), pref (body text on one line)
 * and head (its header on one line too). */
static void measure_columns(lay *L, ltable *t)
{
    hang_slots(t);
    for (size_t i = 0; i < t->nhead; i++)
        measure_row(t, &t->head[i]);
    for (size_t i = 0; i < t->nrows; i++)
        measure_row(t, &t->rows[i]);
    measure_spans(L, t);
    double em = br_lay_tx_style_of(&L->style->table_body, t->src->font_size).size;
    for (size_t c = 0; c < t->ncols; c++) {
        /* A column with decimal fractions lines its figures up on the point
         * (mixed precision: "11.0%" over "87%") when that makes it at most
         * an em wider than its widest figure (it is then as wide as its
         * widest integer part and its widest fraction together), or always
         * when its colspec asks for decimal alignment; other figures are
         * right-aligned. */
        double dec = t->dec_l[c] + t->dec_r[c];
        bool asked = c < t->src->ncols && t->src->cols[c].align == BR_ALIGN_DECIMAL;
        t->point[c] = dec > 0 && (asked || (t->point[c] && dec <= t->figure[c] + em));
        if (t->point[c])
            raise_to(t->min, c, dec + 2 * t->pad_x + t->hang_x[c]);
        raise_to(t->two, c, t->min[c]);
        raise_to(t->soft, c, t->two[c]);
        raise_to(t->pref, c, t->soft[c]);
        raise_to(t->hdr, c, t->pref[c]);
    }
    equal_banners(t);
}

/* ---- tables of one type ---- */

/* Tables of one type (an objective's measures, its milestones) share
 * their columns' widths, so that the columns of every objective line up
 * through the paper.  A type is what compose says it is (the same columns
 * of measures, whatever each objective's headings and banners call them:
 * the plan's objective A words its header its own way over the columns
 * of B-E), with the column count and type size; a table compose gives no
 * type is known by its header rows' words: not by their footnote
 * references, which differ from one objective to the next ("Outturn
 * 2011/12" with its own note under each) while the columns are the same,
 * nor by the heading of the column of row labels, which names the table
 * (finance tables stacked one under another, "Education" over
 * "Children & Families", whose figure columns then line up). */
static const char *type_key(lay *L, const br_block *b)
{
    const br_table *tb = &b->table;
    if (tb->nheader == 0)
        return NULL;
    double size = tb->font_size > 0 ? tb->font_size : L->style->table_body.size;
    const char *key = br_arena_printf(L->work, "%zu %.2f", tb->ncols, size);
    if (tb->type)
        return br_arena_printf(L->work, "%s\x1d%s", key, tb->type);
    for (size_t i = 0; i < tb->nheader; i++)
        for (size_t k = 0; k < tb->header[i].ncells; k++) {
            const br_cell *c = &tb->header[i].cells[k];
            key = br_arena_printf(L->work, "%s\x1f%d", key, c->span);
            if (k == 0 && c->span <= 1 && tb->ncols > 1)
                continue;   /* the row labels' heading: the table's name */
            for (size_t r = 0; r < c->text.nruns; r++)
                if (!c->text.runs[r].footnote)
                    key = br_arena_printf(L->work, "%s\x1e%.*s", key, (int)c->text.runs[r].len,
                                          c->text.runs[r].text ? c->text.runs[r].text : "");
        }
    return key;
}

static double *merged(lay *L, double *into, const double *from, size_t n)
{
    if (!into)
        into = br_arena_calloc(L->arena, n + 1, sizeof *into);
    for (size_t c = 0; c < n; c++)
        raise_to(into, c, from[c]);
    return into;
}

static void add_to_family(lay *L, lay_family *f, size_t bi, const ltable *t)
{
    size_t *m = BR_PUSH(L->arena, f->members, f->nmembers, f->members_cap);
    *m = bi;
    f->ncols = t->ncols;
    f->min = merged(L, f->min, t->min, t->ncols);
    f->two = merged(L, f->two, t->two, t->ncols);
    f->soft = merged(L, f->soft, t->soft, t->ncols);
    f->pref = merged(L, f->pref, t->pref, t->ncols);
    f->hdr = merged(L, f->hdr, t->hdr, t->ncols);
    f->shdr = merged(L, f->shdr, t->shdr, t->ncols);
    f->hang_x = merged(L, f->hang_x, t->hang_x, t->ncols);
}

void br_lay_table_families(lay *L)
{
    const br_doc *doc = L->doc;
    const char **keys = br_arena_calloc(L->arena, doc->nblocks + 1, sizeof *keys);
    br_arena *outer = L->work;
    br_arena *scratch = br_arena_new();
    L->work = scratch;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].kind == BR_BLOCK_TABLE)
            keys[i] = type_key(L, &doc->blocks[i]);
    L->measuring = true;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (!keys[i] || L->blocks[i].family)
            continue;
        lay_family *f = NULL;
        for (size_t k = i + 1; k < doc->nblocks; k++) {
            if (!keys[k] || strcmp(keys[i], keys[k]) != 0)
                continue;
            if (!f) {
                f = br_arena_alloc(L->arena, sizeof *f);
                L->blocks[i].family = f;
                add_to_family(L, f, i, br_lay_table_prepare(L, &doc->blocks[i], NULL));
            }
            L->blocks[k].family = f;
            keys[k] = NULL;
            add_to_family(L, f, k, br_lay_table_prepare(L, &doc->blocks[k], NULL));
        }
    }
    L->measuring = false;
    L->work = outer;
    br_arena_free(scratch);
}

/* Widens t's columns to its type's. */
static void take_family(ltable *t, const lay_family *f)
{
    if (f->ncols != t->ncols)
        return;
    for (size_t c = 0; c < t->ncols; c++) {
        raise_to(t->min, c, f->min[c]);
        raise_to(t->two, c, f->two[c]);
        raise_to(t->soft, c, f->soft[c]);
        raise_to(t->pref, c, f->pref[c]);
        raise_to(t->hdr, c, f->hdr[c]);
        raise_to(t->shdr, c, f->shdr[c]);
    }
}

static double *column_array(lay *L, size_t n)
{
    return br_arena_calloc(L->work, n + 1, sizeof(double));
}

ltable *br_lay_table_prepare(lay *L, const br_block *b, const lay_family *family)
{
    ltable *t = br_arena_alloc(L->work, sizeof *t);
    t->block = b;
    t->src = &b->table;
    t->family = family;
    t->ncols = grid_columns(L, b);
    t->pad_x = L->style->cell_pad_x;
    t->pad_y = L->style->cell_pad_y;
    t->fixed = column_array(L, t->ncols);
    t->min = column_array(L, t->ncols);
    t->pref = column_array(L, t->ncols);
    t->two = column_array(L, t->ncols);
    t->soft = column_array(L, t->ncols);
    t->hdr = column_array(L, t->ncols);
    t->shdr = column_array(L, t->ncols);
    t->dec_l = column_array(L, t->ncols);
    t->dec_r = column_array(L, t->ncols);
    t->whole_r = column_array(L, t->ncols);
    t->figure = column_array(L, t->ncols);
    t->hang_x = column_array(L, t->ncols);
    t->point = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->point);
    t->calign = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->calign);
    t->prose = br_arena_calloc(L->work, t->ncols + 1, sizeof *t->prose);
    t->x = column_array(L, t->ncols + 1);
    t->inner = br_arena_calloc(L->work, t->ncols + 2, sizeof *t->inner);
    t->fitted_to = t->failed_for = -1;
    for (size_t c = 0; c < t->ncols; c++) {
        const br_colspec *cs = c < t->src->ncols ? &t->src->cols[c] : NULL;
        t->fixed[c] = cs && cs->width > 0 ? cs->width : 0;
    }
    column_alignments(t);
    prepare_rows(L, t);
    measure_columns(L, t);
    if (family)
        take_family(t, family);
    if (t->src->caption && *t->src->caption) {
        /* The caption is markup, as the heading it repeats. */
        const char *cont = L->style->continued ? L->style->continued : "";
        br_rich cap = {0};
        /* Its runs' text is painted: kept, not in the block's arena. */
        br_rich_parse(L->arena, &cap, t->src->caption, BR_FACE_REGULAR, b->loc);
        tx_style cst = br_lay_caption_style(L);
        br_lay_tx_prepare(L, &t->start_prep, &cap, &cst);
        if (*cont) {
            const char *s = br_arena_printf(L->arena, " %s", cont);
            br_rich_add(L->arena, &cap, s, strlen(s), BR_FACE_REGULAR)->loc = b->loc;
        }
        tx_style st = br_lay_caption_style(L);
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

/* Minimums that cannot all be met come from words longer than their share
 * (a 300-letter word), which are broken anyway: such a column takes no
 * more than an equal share, and the others keep their minimum. */
static void overfull(ltable *t, double *w, double avail)
{
    size_t n = 0;
    for (size_t c = 0; c < t->ncols; c++)
        n += t->fixed[c] <= 0;
    double share = avail / (double)n, sum = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            sum += w[c] = t->min[c] < share ? t->min[c] : share;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            w[c] = sum > 0 ? w[c] * avail / sum : share;
}

/* Widths of the columns without a fixed width, sharing avail pt, as a
 * browser's automatic table layout sets them (CSS 2.1 §17.5.2.2): every
 * column gets the widest of its four widths (min, soft, pref, head) that
 * all columns can have at once, and the rest of the way to the next in
 * proportion to how much more each wants; when every header br_lay_fits on one
 * line the spare width is shared in proportion to those widths. */
static void auto_widths(lay *L, ltable *t, double *w, double avail)
{
    if (auto_sum(t, t->min) > avail + LAY_EPS) {
        overfull(t, w, avail);
        return;
    }
    /* Each level at least the one before: short headers after short
     * phrases, then body lines, then every header on one line. */
    double *heads = column_array(L, t->ncols), *body = column_array(L, t->ncols),
           *all = column_array(L, t->ncols);
    for (size_t c = 0; c < t->ncols; c++) {
        heads[c] = t->soft[c] > t->shdr[c] ? t->soft[c] : t->shdr[c];
        body[c] = heads[c] > t->pref[c] ? heads[c] : t->pref[c];
        all[c] = body[c] > t->hdr[c] ? body[c] : t->hdr[c];
    }
    const double *level[] = {t->min, t->two, t->soft, heads, body, all};
    size_t nlevels = sizeof level / sizeof *level, k = 0;
    while (k + 1 < nlevels && auto_sum(t, level[k + 1]) <= avail + LAY_EPS)
        k++;
    const double *lo = level[k], *hi = k + 1 < nlevels ? level[k + 1] : level[k];
    double slo = auto_sum(t, lo), shi = auto_sum(t, hi);
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->fixed[c] > 0)
            continue;
        if (shi > slo)
            w[c] = lo[c] + (avail - slo) * (hi[c] - lo[c]) / (shi - slo);
        else
            w[c] = lo[c] + (slo > 0 ? (avail - slo) * lo[c] / slo : 0);
    }
}

/* ---- giving width to the text that needs it ---- */

#define RECLAIM_PASSES 3

static size_t graphic_lines(const br_graphic *g, double cw, double leading, bool below_text)
{
    double scale = g->width > cw && cw > 0 ? cw / g->width : 1;
    double lines = ((below_text ? leading * 0.25 : 0) + g->height * scale) / leading;
    size_t n = (size_t)lines + (lines - (double)(size_t)lines > LAY_EPS);
    return n ? n : 1;
}

/* Width of the columns cell c spans at the widths w, with column col at cw. */
static double span_width(const ltable *t, const lcell *c, const double *w, size_t col, double cw)
{
    double width = 0;
    for (size_t k = c->col; k < c->col + c->span && k < t->ncols; k++)
        width += k == col ? cw : w[k];
    return width;
}

/* Lines of cell c at the widths w, with column col at cw. */
static size_t cell_lines(lay *L, const ltable *t, const lrow *r, const lcell *c, const double *w,
                         size_t col, double cw)
{
    double width = span_width(t, c, w, col, cw) - 2 * t->pad_x;
    if (width < 0)
        width = 0;
    /* Text on one line that fits needs no breaking (most cells, most trials). */
    if (!c->graphic && !c->prep.multiline && c->prep.natoms > 0 &&
        c->prep.pref_w <= width + LAY_EPS)
        return 1;
    size_t n = br_lay_tx_count_lines(L, &c->prep, width);
    if (c->graphic)
        n += graphic_lines(c->graphic, width, r->st.leading, n > 0);
    return n;
}

static const lrow *row_at(const ltable *t, size_t i)
{
    return i < t->nhead ? &t->head[i] : &t->rows[i - t->nhead];
}

/* Whether column col at cw leaves every row within lines[]. */
static bool column_keeps(lay *L, const ltable *t, const double *w, size_t col, double cw,
                         const size_t *lines)
{
    for (size_t i = 0; i < t->nhead + t->nrows; i++) {
        const lrow *r = row_at(t, i);
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (col < c->col || col >= c->col + c->span)
                continue;
            if (c->span > 1 && span_width(t, c, w, col, cw) < c->prep.min_w + 2 * t->pad_x)
                return false;   /* a word of a spanning cell would break */
            if (cell_lines(L, t, r, c, w, col, cw) > lines[i])
                return false;
        }
    }
    return true;
}

/* The narrowest width, down to its two-line width, at which column col
 * makes no row taller than lines[]. */
static double narrowest(lay *L, const ltable *t, const double *w, size_t col, const size_t *lines)
{
    double lo = t->two[col], hi = w[col];
    if (hi - lo < 0.5 || column_keeps(L, t, w, col, lo, lines))
        return lo < hi ? lo : hi;
    while (hi - lo > 0.5) {
        double mid = (lo + hi) / 2;
        if (column_keeps(L, t, w, col, mid, lines))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* A column of running text: its body text is longer than a short phrase,
 * and it is not of figures (whose words, "Not available", wrap before the
 * column widens). */
static bool text_column(const ltable *t, size_t c)
{
    return t->pref[c] > t->soft[c] + LAY_EPS && !figures(t, c);
}

/* A column of running text that wraps takes the width others can give. */
static bool wraps(const ltable *t, const double *w, size_t c)
{
    return t->fixed[c] <= 0 && text_column(t, c) && t->pref[c] > w[c] + 0.5;
}

/* Each row's height in lines at the widths w; returns their sum. */
static size_t row_lines(lay *L, const ltable *t, const double *w, size_t *lines)
{
    size_t sum = 0;
    for (size_t i = 0; i < t->nhead + t->nrows; i++) {
        const lrow *r = row_at(t, i);
        lines[i] = 1;
        for (size_t k = 0; k < r->ncells; k++) {
            size_t m = cell_lines(L, t, r, &r->cells[k], w, t->ncols, 0);
            if (m > lines[i])
                lines[i] = m;
        }
        sum += lines[i];
    }
    return sum;
}

/* Moves what columns of figures and short phrases can give up without
 * making any row taller to the columns of running text, in proportion to
 * how much more each wants; false when nothing moved. */
/* A header row may take this many lines when giving the width makes the
 * body shorter: "Latest / Dec-15" over a column of figures rather than a
 * second line in every title. */
#define HEADER_GIVE_LINES 2

static bool give_to_text(lay *L, const ltable *t, double *w, const size_t *lines)
{
    double want = 0, freed = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (wraps(t, w, c))
            want += t->pref[c] - w[c];
    if (want <= 0)
        return false;
    size_t *limit = br_arena_calloc(L->work, t->nhead + t->nrows + 1, sizeof *limit);
    memcpy(limit, lines, (t->nhead + t->nrows) * sizeof *limit);
    for (size_t i = 0; i < t->nhead; i++)
        if (limit[i] < HEADER_GIVE_LINES)
            limit[i] = HEADER_GIVE_LINES;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->fixed[c] > 0 || text_column(t, c))
            continue;
        double nw = narrowest(L, t, w, c, limit);
        freed += w[c] - nw;
        w[c] = nw;
    }
    if (freed < 0.5)
        return false;
    double share = freed < want ? freed / want : 1;
    for (size_t c = 0; c < t->ncols; c++)
        if (wraps(t, w, c))
            w[c] += share * (t->pref[c] - w[c]);
    /* When nothing wraps any more, what is left over is spare width. */
    double sh = auto_sum(t, t->hdr);
    for (size_t c = 0; c < t->ncols && freed > want && sh > 0; c++)
        if (t->fixed[c] <= 0)
            w[c] += (freed - want) * t->hdr[c] / sh;
    return true;
}

/* Columns of figures and short phrases give up width that makes no row
 * taller (a status word may take a second line beside a three-line title)
 * to the columns of running text, as long as that makes the table shorter:
 * where it would not, short phrases keep their line. */
static void reclaim(lay *L, ltable *t, double *w)
{
    size_t n = t->nhead + t->nrows;
    size_t *lines = br_arena_calloc(L->work, n + 1, sizeof *lines);
    double *before = column_array(L, t->ncols);
    size_t height = row_lines(L, t, w, lines);
    for (size_t pass = 0; pass < RECLAIM_PASSES; pass++) {
        memcpy(before, w, t->ncols * sizeof *w);
        if (!give_to_text(L, t, w, lines))
            return;
        size_t now = row_lines(L, t, w, lines);
        if (now >= height) {
            memcpy(w, before, t->ncols * sizeof *w);
            return;
        }
        height = now;
    }
}

/* ---- sharing width between columns of running text ---- */

/* Columns of running text (a title and a comment, an outcome and its
 * implications, a milestone and its progress) share the width they have
 * so that no row runs tall beside a column that could give it width:
 * width moves from one to another, in steps from BALANCE_STEP_EMS ems down
 * to half a point, while the sum of the rows' heights squared falls.  The
 * square makes a 24-line title cost more than a line more in several
 * short rows, so tall rows shrink first; the sum itself would only count
 * pages.  A column keeps its longest word and BALANCE_FLOOR_EMS ems (or
 * what it had, when less), and takes no more than its longest line. */
#define BALANCE_STEP_EMS 3.0
#define BALANCE_FLOOR_EMS 6.0

typedef struct balance {
    lay *L;
    const ltable *t;
    size_t nrows;
    double *base;           /* per row: height of its cells outside text columns */
    size_t *lines;          /* per cell (row by row): its lines now */
    size_t *cell0;          /* per row: index of its first cell in lines */
    bool *text;             /* per column: running text taking part */
    struct known *known;    /* per cell: widths whose line count is known */
} balance;

/* Line counts of one cell already counted: up to KNOWN_SPANS spans of
 * widths [lo, hi], each with its count, apart and in no order.  A cell's
 * lines never grow with its width (lines are filled first-fit), so two
 * widths with one count hold it for every width between them: the trials
 * of a column move back and forth over the same few lines, and most of
 * them need no counting. */
#define KNOWN_SPANS 4

struct known {
    double lo[KNOWN_SPANS], hi[KNOWN_SPANS];
    size_t n[KNOWN_SPANS];
    uint8_t used;
};

/* The lines of cell c at width cw (of its text, padding excluded), from
 * what is known of it where that decides them, else counted and kept. */
static size_t known_lines(lay *L, struct known *k, const tx_prep *p, double cw)
{
    size_t far = 0;
    double farthest = -1;
    for (uint8_t i = 0; i < k->used; i++) {
        if (cw >= k->lo[i] && cw <= k->hi[i])
            return k->n[i];
        double d = cw < k->lo[i] ? k->lo[i] - cw : cw - k->hi[i];
        if (d > farthest)
            farthest = d, far = i;
    }
    size_t n = br_lay_tx_count_lines(L, p, cw);
    for (uint8_t i = 0; i < k->used; i++)
        if (k->n[i] == n) {
            /* every width between holds n lines too */
            if (cw < k->lo[i])
                k->lo[i] = cw;
            else
                k->hi[i] = cw;
            return n;
        }
    size_t slot = k->used < KNOWN_SPANS ? k->used++ : far;
    k->lo[slot] = k->hi[slot] = cw;
    k->n[slot] = n;
    return n;
}

static bool touches(const balance *b, const lcell *c, size_t x, size_t y)
{
    for (size_t k = c->col; k < c->col + c->span && k < b->t->ncols; k++)
        if (k == x || k == y || (x == SIZE_MAX && b->text[k]))
            return true;
    return false;
}

/* Lines of cell c at the widths w, as cell_lines counts them. */
static size_t balance_cell_lines(balance *b, const lrow *r, const lcell *c, struct known *k,
                                 const double *w)
{
    const ltable *t = b->t;
    double width = span_width(t, c, w, t->ncols, 0) - 2 * t->pad_x;
    if (c->graphic || c->prep.natoms == 0 || (!c->prep.multiline && c->prep.pref_w <= width + LAY_EPS))
        return cell_lines(b->L, t, r, c, w, t->ncols, 0);
    return known_lines(b->L, k, &c->prep, width < 0 ? 0 : width);
}

/* The sum of the rows' heights squared at the widths w, recounting the
 * cells in columns x and y (into lines when commit); a trial stops once
 * the sum reaches limit (it cannot be the best then). */
static double balance_height(balance *b, const double *w, size_t x, size_t y, bool commit,
                             double limit)
{
    const ltable *t = b->t;
    double sum = 0;
    for (size_t i = 0; i < b->nrows; i++) {
        const lrow *r = row_at(t, i);
        double h = b->base[i];
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (!touches(b, c, SIZE_MAX, SIZE_MAX))
                continue;
            size_t n = b->lines[b->cell0[i] + k];
            if (touches(b, c, x, y))
                n = balance_cell_lines(b, r, c, &b->known[b->cell0[i] + k], w);
            if (commit)
                b->lines[b->cell0[i] + k] = n;
            double ch = br_lay_row_chunk_h(t, r, n ? n : 1);
            if (ch > h)
                h = ch;
        }
        sum += h * h;
        if (!commit && sum >= limit)
            return sum;
    }
    return sum;
}

static void balance_init(balance *b, lay *L, const ltable *t, const double *w)
{
    size_t ncells = 0;
    b->L = L;
    b->t = t;
    b->nrows = t->nhead + t->nrows;
    b->base = column_array(L, b->nrows);
    b->cell0 = br_arena_calloc(L->work, b->nrows + 1, sizeof *b->cell0);
    for (size_t i = 0; i < b->nrows; i++) {
        b->cell0[i] = ncells;
        ncells += row_at(t, i)->ncells;
    }
    b->lines = br_arena_calloc(L->work, ncells + 1, sizeof *b->lines);
    b->known = br_arena_calloc(L->work, ncells + 1, sizeof *b->known);
    for (size_t i = 0; i < b->nrows; i++) {
        const lrow *r = row_at(t, i);
        b->base[i] = br_lay_row_chunk_h(t, r, 1);
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            size_t n = cell_lines(L, t, r, c, w, t->ncols, 0);
            b->lines[b->cell0[i] + k] = n;
            if (!touches(b, c, SIZE_MAX, SIZE_MAX) && br_lay_row_chunk_h(t, r, n) > b->base[i])
                b->base[i] = br_lay_row_chunk_h(t, r, n);
        }
    }
}

/* Moves width from column y to column x: the best of BALANCE_SCAN moves
 * of step pt each (line counts are steps, not slopes: one more em may
 * change nothing where three take a line off every title), when it makes
 * the measure smaller; true when it moved. */
#define BALANCE_SCAN 6
#define BALANCE_PASSES 3    /* a level's passes over the pairs at most */

static bool balance_pair(balance *b, double *w, const double *floor, size_t x, size_t y,
                         double step, double *height)
{
    const ltable *t = b->t;
    double x0 = w[x], y0 = w[y], best = *height, best_d = 0;
    for (int k = 1; k <= BALANCE_SCAN; k++) {
        /* the last move may be short of a step: to x's longest line */
        double d = k * step, room = t->pref[x] - x0;
        bool last = d >= room - LAY_EPS;
        if (last)
            d = room;
        if (d <= LAY_EPS || y0 - d < floor[y] - LAY_EPS)
            break;
        w[x] = x0 + d;
        w[y] = y0 - d;
        double h = balance_height(b, w, x, y, false, best);
        if (h < best - LAY_EPS)
            best = h, best_d = d;
        if (last)
            break;
    }
    w[x] = x0 + best_d;
    w[y] = y0 - best_d;
    if (best_d == 0)
        return false;
    balance_height(b, w, x, y, true, 0);
    *height = best;
    return true;
}

/* The columns of running text that may give column x width, into
 * order, those with the most to spare for their text first (the widest
 * for their longest line): where two would shorten the table alike, the
 * one whose text needs the width least gives it, as a browser shares the
 * width in proportion to what each column's text wants.  Returns how
 * many. */
static size_t donors(const ltable *t, const double *w, const bool *text, size_t x, size_t *order)
{
    size_t n = 0;
    for (size_t y = 0; y < t->ncols; y++) {
        if (y == x || !text[y])
            continue;
        double slack = w[y] / t->pref[y];
        size_t k = n++;
        for (; k > 0 && w[order[k - 1]] / t->pref[order[k - 1]] < slack; k--)
            order[k] = order[k - 1];
        order[k] = y;
    }
    return n;
}

static void balance_text(lay *L, ltable *t, double *w)
{
    size_t *order = br_arena_calloc(L->work, t->ncols + 1, sizeof *order);
    balance b = {0};
    b.text = br_arena_calloc(L->work, t->ncols + 1, sizeof *b.text);
    size_t ntext = 0;
    double em = br_lay_tx_style_of(&L->style->table_body, t->src->font_size).size;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0 && !figures(t, c) && t->pref[c] > SHORT_EMS * em + 2 * t->pad_x)
            b.text[c] = true, ntext++;
    if (ntext < 2)
        return;
    double *floor = column_array(L, t->ncols);
    for (size_t c = 0; c < t->ncols; c++) {
        double f = BALANCE_FLOOR_EMS * em + 2 * t->pad_x;
        if (t->min[c] <= w[c] && t->min[c] > f)
            f = t->min[c];
        floor[c] = f < w[c] ? f : w[c];
    }
    balance_init(&b, L, t, w);
    double height = balance_height(&b, w, SIZE_MAX, SIZE_MAX, false, HUGE_VAL);
    for (double step = BALANCE_STEP_EMS * em; step >= 0.5; step /= 4) {
        bool moved = true;
        for (int pass = 0; moved && pass < BALANCE_PASSES; pass++) {
            moved = false;
            for (size_t x = 0; x < t->ncols; x++) {
                size_t n = b.text[x] ? donors(t, w, b.text, x, order) : 0;
                for (size_t k = 0; k < n; k++)
                    moved |= balance_pair(&b, w, floor, x, order[k], step, &height);
            }
        }
    }
}

/* ---- short phrases on one line ---- */

/* A short phrase ("Bigger is better", "Better than target", "New
 * measure") reads as one: broken in two it reads as two words of a
 * sentence.  A column of them that reclaim or balance_text left broken
 * gets its phrases' width back from the columns of running text, even
 * where that makes the table taller, as long as each of those keeps a
 * readable measure: PHRASE_FLOOR_EMS ems (about two dozen characters a
 * line), or its longest word when wider, or what it had when less.
 * Running text wraps as a reader expects text to; a phrase broken does
 * not.  Status words (whose colour must never be read without them)
 * come first, and take the running text down to STATUS_FLOOR_EMS ems
 * (about 16 characters a line) where they need to: a measure title one
 * line longer reads as well as before, "Better / than target" does not
 * (tests/good/charts: Position whole, the titles a line longer). */
#define PHRASE_FLOOR_EMS 12.0
#define STATUS_FLOOR_EMS 8.0

/* Whether column c holds short phrases that break at the width w[c]: a
 * column of phrases, or a figure column holding prose, whose phrases
 * ("6.5% (Amber)" beside objective E's notes) are phrases still. */
static bool phrase_breaks(const ltable *t, const double *w, size_t c)
{
    return t->fixed[c] <= 0 && (!text_column(t, c) || t->prose[c]) && w[c] < t->soft[c] - LAY_EPS;
}

/* The width below which column x, running text, gives none to phrases:
 * text_floor (its text's width) or its longest word, or what it has. */
static double phrase_floor(const ltable *t, const double *w, size_t x, double text_floor)
{
    double f = text_floor + 2 * t->pad_x;
    if (t->min[x] > f)
        f = t->min[x];
    return f < w[x] ? f : w[x];
}

/* Whether column x, running text, may give width to phrases: all of
 * them (donor SIZE_MAX) or only the donor. */
static bool gives(const ltable *t, const double *w, size_t x, size_t donor, double text_floor)
{
    return (donor == SIZE_MAX || x == donor) && t->fixed[x] <= 0 && text_column(t, x) &&
           w[x] > phrase_floor(t, w, x, text_floor) + LAY_EPS;
}

/* Widens the columns marked in want to their phrases' width at the cost
 * of the donor column of running text, or of all of them in proportion to
 * what each has above its floor (donor SIZE_MAX), into trial; false when
 * they lack the width. */
static bool widen_phrases(const ltable *t, const double *w, const bool *want, size_t donor,
                          double text_floor, double *trial)
{
    double need = 0, spare = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        trial[c] = w[c];
        if (want[c])
            need += t->soft[c] - w[c];
        else if (gives(t, w, c, donor, text_floor))
            spare += w[c] - phrase_floor(t, w, c, text_floor);
    }
    if (need <= 0 || spare < need)
        return false;
    for (size_t c = 0; c < t->ncols; c++) {
        if (want[c])
            trial[c] = t->soft[c];
        else if (gives(t, w, c, donor, text_floor))
            trial[c] -= need * (w[c] - phrase_floor(t, w, c, text_floor)) / spare;
    }
    return true;
}

/* The height in lines the table has with the phrase columns in want
 * whole, taking the width where that costs the fewest lines (from one
 * column of running text, or from all, each keeping text_floor pt of text),
 * those widths into best; SIZE_MAX when no column can give it. */
static size_t widened_height(lay *L, ltable *t, const double *w, const bool *want,
                             double text_floor, size_t *lines, double *trial, double *best)
{
    size_t least = SIZE_MAX;
    for (size_t donor = 0; donor <= t->ncols; donor++) {
        size_t d = donor == t->ncols ? SIZE_MAX : donor;
        if (d != SIZE_MAX && !gives(t, w, d, SIZE_MAX, text_floor))
            continue;
        if (!widen_phrases(t, w, want, d, text_floor, trial))
            continue;
        size_t now = row_lines(L, t, trial, lines);
        if (now < least) {
            least = now;
            memcpy(best, trial, t->ncols * sizeof *w);
        }
    }
    return least;
}

/* A column of status words: a body cell with text is coloured (a RAG
 * cell, "78% (July 12) (Green)" among plain "NA"s), so its words say what
 * the colour means. */
static bool status_column(const ltable *t, size_t col)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const lrow *r = &t->rows[i];
        for (size_t k = 0; k < r->ncells && r->kind != BR_ROW_GROUP; k++) {
            const lcell *c = &r->cells[k];
            if (c->col == col && c->span == 1 && c->prep.natoms > 0 && c->cell->has_fill)
                return true;
        }
    }
    return false;
}

/* Other phrases than status words are made whole only where that costs
 * the table at most this share of its lines: a phrase broken in two is a
 * blemish, but running text made narrower for it adds a line to every
 * row whose title it shortens (the Cabinet appendix's Polarity column,
 * "Bigger is better" whole, cost its measure titles 40 pt and the table a
 * tenth of its height). */
#define PHRASE_COST 0.05

typedef struct phrase_scratch {
    size_t *lines;
    bool *want, *done;
    double *trial, *best, *pick;
} phrase_scratch;

/* Makes the phrase columns that break whole, the status columns or the
 * others: all at once when the running text can give the width and the
 * table stays within limit lines, else one at a time, the cheapest first,
 * while it stays within them. */
static void widen_columns(lay *L, ltable *t, double *w, bool status, size_t limit,
                          const phrase_scratch *x)
{
    double em = br_lay_tx_style_of(&L->style->table_body, t->src->font_size).size;
    double text_floor = (status ? STATUS_FLOOR_EMS : PHRASE_FLOOR_EMS) * em;
    size_t nwant = 0;
    for (size_t c = 0; c < t->ncols; c++)
        nwant += x->want[c] = phrase_breaks(t, w, c) && status_column(t, c) == status;
    if (nwant == 0)
        return;
    if (widened_height(L, t, w, x->want, text_floor, x->lines, x->trial, x->best) <= limit) {
        memcpy(w, x->best, t->ncols * sizeof *w);
        return;
    }
    /* Each column is widened once at most: a column of prose in a figure
     * column is running text that gives and a column of phrases that
     * takes, and two such would take from each other for ever. */
    memset(x->done, 0, t->ncols * sizeof *x->done);
    for (;;) {
        size_t cheapest = SIZE_MAX, pick = SIZE_MAX;
        for (size_t c = 0; c < t->ncols; c++) {
            if (x->done[c] || !phrase_breaks(t, w, c) || status_column(t, c) != status)
                continue;
            memset(x->want, 0, t->ncols * sizeof *x->want);
            x->want[c] = true;
            size_t h = widened_height(L, t, w, x->want, text_floor, x->lines, x->trial, x->best);
            if (h <= limit && h < cheapest) {
                cheapest = h;
                pick = c;
                memcpy(x->pick, x->best, t->ncols * sizeof *w);
            }
        }
        if (pick == SIZE_MAX)
            return;
        x->done[pick] = true;
        memcpy(w, x->pick, t->ncols * sizeof *w);
    }
}

/* Makes the phrase columns that break whole: status words first, whatever
 * it costs (their colour must never be read without them), then the
 * others while the table grows by at most PHRASE_COST of its lines. */
static void phrases_whole(lay *L, ltable *t, double *w)
{
    phrase_scratch x = {
        .lines = br_arena_calloc(L->work, t->nhead + t->nrows + 1, sizeof *x.lines),
        .want = br_arena_calloc(L->work, t->ncols + 1, sizeof *x.want),
        .done = br_arena_calloc(L->work, t->ncols + 1, sizeof *x.done),
        .trial = column_array(L, t->ncols),
        .best = column_array(L, t->ncols),
        .pick = column_array(L, t->ncols),
    };
    widen_columns(L, t, w, true, SIZE_MAX - 1, &x);
    size_t now = row_lines(L, t, w, x.lines);
    widen_columns(L, t, w, false, now + (size_t)ceil((double)now * PHRASE_COST), &x);
}

/* ---- headers that would stand tall ---- */

/* A header cell in a narrow column of figures ("Actual (as at 31 August
 * 2012)" over "78.2%") may take this many lines at most where the columns
 * of running text can give it the width: more would make the header row
 * taller than the rows below it. */
#define HEADER_MAX_LINES 3

/* The width column col needs for header cell c to take at most max
 * lines (no more than its one-line width). */
static double header_width(lay *L, const ltable *t, const lrow *r, const lcell *c, const double *w,
                           size_t col, size_t max)
{
    double lo = w[col], hi = t->hdr[col];
    if (hi <= lo || cell_lines(L, t, r, c, w, col, lo) <= max)
        return lo;
    while (hi - lo > 0.5) {
        double mid = (lo + hi) / 2;
        if (cell_lines(L, t, r, c, w, col, mid) <= max)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Widens the columns whose header would take more than HEADER_MAX_LINES
 * lines, taking the width from the columns of running text (in proportion
 * to what each has above its longest word), when they have it to give. */
static void header_room(lay *L, ltable *t, double *w)
{
    for (size_t h = 0; h < t->nhead; h++) {
        const lrow *r = &t->head[h];
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (c->span != 1 || t->fixed[c->col] > 0 || text_column(t, c->col))
                continue;
            double need = header_width(L, t, r, c, w, c->col, HEADER_MAX_LINES) - w[c->col];
            double spare = 0;
            for (size_t x = 0; x < t->ncols && need > 0; x++)
                if (x != c->col && t->fixed[x] <= 0 && text_column(t, x) && w[x] > t->min[x])
                    spare += w[x] - t->min[x];
            if (need <= 0.5 || spare < need)
                continue;
            for (size_t x = 0; x < t->ncols; x++)
                if (x != c->col && t->fixed[x] <= 0 && text_column(t, x) && w[x] > t->min[x])
                    w[x] -= need * (w[x] - t->min[x]) / spare;
            w[c->col] += need;
        }
    }
}

/* ---- tables of figures at their own width ---- */

/* A column of running text, for a table's own width: words longer than
 * half a readable measure (about 50 characters) on a line, as comments,
 * outcomes and long measure titles are.  A row's label ("Doncaster
 * Children's Services Trust (DCST)", "Budget Spend and Forecast") is not:
 * a table of labels and figures is a table of figures. */
#define LABEL_MEASURE 0.5

static bool running_text(lay *L, const ltable *t, size_t c)
{
    if (t->fixed[c] > 0)
        return false;
    if (t->prose[c])
        return true;
    double em = br_lay_tx_style_of(&L->style->table_body, t->src->font_size).size;
    return text_column(t, c) &&
           t->pref[c] - 2 * t->pad_x - t->hang_x[c] > LABEL_MEASURE * br_lay_measure(L, em);
}

/* A table with no running text (every column figures, short phrases or
 * row labels: a demand table, a budget) is as wide as its content wants,
 * not as the page: each column as wide as its widest figure, phrase or
 * label, or as its header (a short one whole, a long one broken at spaces,
 * a label column's whole), whichever is wider; a spanning cell (a banner,
 * a key row, a group heading) widens the columns under it to its own line.
 * Spread over the page, such a table would set "-1.7%" in a column 150 pt
 * wide under a one-line header, or a budget's two figures a page apart.  False (the page's
 * width, shared as above) when a column holds running text, the table
 * states its width, or its content is wider than avail. */
/* The natural widths of t's columns into nat with a long header over
 * figures on at most most lines; returns their sum. */
static double natural_at(lay *L, ltable *t, double *nat, double *scratch, size_t most)
{
    /* A column of labels is as wide as its header on one line too: it
     * names the labels, and broken over them it makes the header row
     * taller than any row of the table. */
    for (size_t c = 0; c < t->ncols; c++)
        nat[c] = scratch[c] = t->fixed[c] > 0        ? t->fixed[c]
                              : text_column(t, c)    ? t->hdr[c]
                              : t->pref[c] > t->shdr[c] ? t->pref[c] : t->shdr[c];
    for (size_t h = 0; h < t->nhead; h++) {
        const lrow *r = &t->head[h];
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (c->span == 1 && t->fixed[c->col] <= 0)
                raise_to(nat, c->col, header_width(L, t, r, c, scratch, c->col, most));
        }
    }
    for (size_t i = 0; i < t->nspans; i++)
        spread(t, nat, t->spans[i]->col, t->spans[i]->span,
               br_lay_cell_pref(t->spans[i]) + 2 * t->pad_x);
    double sum = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            sum += nat[c];
    return sum;
}

/* A long header over figures takes as few lines as the page's width
 * allows, from as many as the header has rows (two at least: one line
 * would set "-1.7%" under a header 170 pt wide) up to HEADER_MAX_LINES:
 * "% change against / previous quarter" in two lines beside a banner over
 * its quarters where the page has the room, "Quarter 1 Variance £m" in
 * two over a one-row header, three only where two do not fit. */
static bool natural_widths(lay *L, ltable *t, double *w, double avail)
{
    if (t->src->width > 0)
        return false;
    for (size_t c = 0; c < t->ncols; c++)
        if (running_text(L, t, c))
            return false;
    double *nat = column_array(L, t->ncols), *scratch = column_array(L, t->ncols);
    size_t most = t->nhead > 2 ? t->nhead : 2;
    if (most > HEADER_MAX_LINES)
        most = HEADER_MAX_LINES;
    while (natural_at(L, t, nat, scratch, most) > avail + LAY_EPS)
        if (++most > HEADER_MAX_LINES)
            return false;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->fixed[c] <= 0)
            w[c] = nat[c];
    return true;
}

/* ---- running text in a readable measure ---- */

static double news_width(lay *L, double cw, double size, size_t *k);
static bool may_split(const lrow *r, const lcell *c);
static size_t news_split(size_t n, size_t k);

/* Whether every cell of column col whose lines would run past the
 * measure at content width cw is set in newspaper columns instead (the
 * scorecard's project statuses), so the column keeps its width. */
static bool column_in_news(lay *L, const ltable *t, size_t col, double cw)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const lrow *r = &t->rows[i];
        for (size_t k = 0; k < r->ncells; k++) {
            const lcell *c = &r->cells[k];
            if (c->col != col || c->span != 1 || c->prep.natoms == 0 ||
                !br_lay_past_measure(L, c->prep.pref_w, r->st.size))
                continue;
            size_t n;
            double each = news_width(L, cw, r->st.size, &n);
            if (!may_split(r, c) || !news_split(br_lay_tx_count_lines(L, &c->prep, each), n))
                return false;
        }
    }
    return true;
}

/* A column of running text (a comment, an objective's title) is no wider
 * than a readable measure of its body type (about 100 characters a line),
 * unless its long cells are set in newspaper columns: the width it would
 * run past that is given to the other columns, as if the column were
 * fixed at the measure, and a table left with no other running text is
 * set at its content's width.  Marks the columns fixed so in capped[]
 * (their t->fixed set, for the caller to clear) and returns their width,
 * 0 when none is. */
static double cap_measure(lay *L, ltable *t, double *w, bool *capped)
{
    if (t->src->width > 0 || t->nrows == 0)
        return 0;
    double size = t->rows[0].st.size, cap = br_lay_measure(L, size) + 2 * t->pad_x, sum = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->fixed[c] > 0 || !(text_column(t, c) || t->prose[c]) || w[c] <= cap + LAY_EPS ||
            column_in_news(L, t, c, w[c] - 2 * t->pad_x))
            continue;
        sum += t->fixed[c] = w[c] = cap;
        capped[c] = true;
    }
    return sum;
}

static void shared_widths(lay *L, ltable *t, double *w, double avail)
{
    if (natural_widths(L, t, w, avail))
        return;
    auto_widths(L, t, w, avail);
    reclaim(L, t, w);
    balance_text(L, t, w);
    phrases_whole(L, t, w);
    header_room(L, t, w);
}

/* The widths of the columns without a fixed width, sharing avail pt. */
static void auto_fit(lay *L, ltable *t, double *w, double avail)
{
    shared_widths(L, t, w, avail);
    bool *capped = br_arena_calloc(L->work, t->ncols + 1, sizeof *capped);
    double sum = cap_measure(L, t, w, capped);
    if (sum <= 0)
        return;
    shared_widths(L, t, w, avail - sum);
    for (size_t c = 0; c < t->ncols; c++)
        if (capped[c])
            t->fixed[c] = 0;
}

/* ---- one set of widths for the tables of one type ---- */

/* The tables of family f as one table: the first one's header over the
 * body rows of all, measured together; NULL when their grids differ. */
static ltable *family_union(lay *L, const lay_family *f)
{
    ltable *u = NULL, **members = br_arena_calloc(L->work, f->nmembers + 1, sizeof *members);
    lrow *rows = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < f->nmembers; i++) {
        ltable *t = members[i] = br_lay_table_prepare(L, &L->doc->blocks[f->members[i]], NULL);
        if (u && t->ncols != u->ncols)
            return NULL;
        if (!u)
            u = t;
        for (size_t c = 0; c < t->ncols; c++)
            u->prose[c] = u->prose[c] || t->prose[c];
        for (size_t r = 0; r < t->nrows; r++)
            *BR_PUSH(L->work, rows, n, cap) = t->rows[r];
    }
    if (!u)
        return NULL;
    u->rows = rows;
    u->nrows = n;
    double **arrays[] = {&u->min, &u->two, &u->soft, &u->pref, &u->hdr, &u->shdr,
                         &u->dec_l, &u->dec_r, &u->whole_r, &u->figure, &u->hang_x};
    for (size_t a = 0; a < sizeof arrays / sizeof *arrays; a++)
        *arrays[a] = column_array(L, u->ncols);
    u->point = br_arena_calloc(L->work, u->ncols + 1, sizeof *u->point);
    measure_columns(L, u);
    /* every member's header, whose notes' markers may be wider */
    for (size_t i = 1; i < f->nmembers; i++)
        for (size_t c = 0; c < u->ncols; c++) {
            raise_to(u->min, c, members[i]->min[c]);
            raise_to(u->hdr, c, members[i]->hdr[c]);
            raise_to(u->shdr, c, members[i]->shdr[c]);
            raise_to(u->two, c, u->min[c]);
            raise_to(u->soft, c, u->two[c]);
            raise_to(u->pref, c, u->soft[c]);
            raise_to(u->hdr, c, u->pref[c]);
        }
    equal_banners(u);
    return u;
}

/* Column widths for a table of family f at width pt: those fitted to the
 * rows of all the family's tables together (CSS automatic layout over
 * their union), so that every objective's columns line up and are right
 * for all of them; false when they cannot be shared. */
static bool family_widths(lay *L, const lay_family *cf, double width, double *w)
{
    lay_family *f = (lay_family *)cf;
    for (size_t i = 0; i < f->nfits; i++)
        if (f->fit_width[i] == width) {
            if (!f->fit[i])
                return false;
            memcpy(w, f->fit[i], f->ncols * sizeof *w);
            return true;
        }
    br_arena *outer = L->work, *scratch = br_arena_new();
    bool measuring = L->measuring;
    L->work = scratch;
    L->measuring = true;
    ltable *u = family_union(L, f);
    double *fit = NULL;
    if (u && u->ncols == f->ncols) {
        double fixed = 0;
        double *uw = column_array(L, u->ncols);
        for (size_t c = 0; c < u->ncols; c++)
            fixed += uw[c] = u->fixed[c];
        if (fixed <= width + LAY_EPS) {
            auto_fit(L, u, uw, width - fixed);
            fit = br_arena_calloc(L->arena, f->ncols + 1, sizeof *fit);
            memcpy(fit, uw, f->ncols * sizeof *fit);
        }
    }
    L->measuring = measuring;
    L->work = outer;
    br_arena_free(scratch);
    size_t slot = f->nfits < LAY_FAMILY_FITS ? f->nfits++ : LAY_FAMILY_FITS - 1;
    f->fit_width[slot] = width;
    f->fit[slot] = fit;
    if (fit)
        memcpy(w, fit, f->ncols * sizeof *w);
    return fit != NULL;
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
    if (nauto && t->family && family_widths(L, t->family, width, w)) {
        /* the type's figures end on one edge in every table of it: the
         * slot after them is the widest any of its tables needs */
        for (size_t c = 0; c < t->ncols && c < t->family->ncols; c++)
            raise_to(t->hang_x, c, t->family->hang_x[c]);
    } else if (nauto) {
        auto_fit(L, t, w, width - fixed);
    }
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

/* Prose in a cell whose lines run past a readable measure by more than
 * its slack (the scorecard's project statuses run 230 characters across a
 * landscape page) is set in columns side by side, as a newspaper sets a
 * wide measure: as few as keep each within the measure, each the cell's
 * width shared less a gap of SPLIT_GAP_EMS ems between them, the lines
 * shared so that the earlier columns hold the odd ones.  Only where it
 * takes at least two lines so and the row stays shorter than
 * ROW_FOOT_LINES + ROW_HEAD_LINES lines: such a row never splits across
 * pages, so the columns always read one after the other.  Never the cell
 * that names its row (the first column's title): a reader scans that
 * column down the page, and a title broken into columns leaves a word
 * stranded at the top right of its cell ("plans"). */
#define SPLIT_GAP_EMS 1.5

size_t br_lay_cell_columns(const lcell *c)
{
    return c->split ? (c->text.nlines + c->split - 1) / c->split : 1;
}

void br_lay_cell_column_lines(const lcell *c, size_t col, size_t *from, size_t *to)
{
    *from = col * c->split;
    *to = c->split && *from + c->split < c->text.nlines ? *from + c->split : c->text.nlines;
}

/* The fewest columns of width at most measure (each gap apart) in cw. */
static size_t columns_within(double cw, double gap, double measure)
{
    size_t k = 2;
    while ((cw - (double)(k - 1) * gap) / (double)k > measure && k < 8)
        k++;
    return k;
}

/* The width of each newspaper column of prose set in cw pt at size pt,
 * and how many lines each holds when the text takes n lines at it. */
static double news_width(lay *L, double cw, double size, size_t *k)
{
    double gap = SPLIT_GAP_EMS * size;
    *k = columns_within(cw, gap, br_lay_measure(L, size));
    return (cw - (double)(*k - 1) * gap) / (double)*k;
}

/* Whether cell c of row r may be set in newspaper columns at all. */
static bool may_split(const lrow *r, const lcell *c)
{
    bool names_row = c->col == 0 && r->ncells > 1;
    return !r->header && r->kind == BR_ROW_BODY && !c->graphic && c->align == BR_ALIGN_LEFT &&
           !names_row;
}

/* Lines per column of text of n lines in k columns, or 0 when the row
 * would be too tall for the columns to read one after the other. */
static size_t news_split(size_t n, size_t k)
{
    size_t split = (n + k - 1) / k;
    return n < 2 || split >= ROW_FOOT_LINES + ROW_HEAD_LINES ? 0 : split;
}

static void news_columns(lay *L, lrow *r, const size_t *lines)
{
    for (size_t i = 0; i < r->ncells; i++) {
        lcell *c = &r->cells[i];
        double longest = 0;
        for (size_t l = 0; l < c->text.nlines; l++)
            if (c->text.lines[l].width > longest)
                longest = c->text.lines[l].width;
        if (!may_split(r, c) || !br_lay_past_measure(L, longest, r->st.size))
            continue;
        size_t other = 1;
        for (size_t j = 0; j < r->ncells; j++) {
            size_t n = r->cells[j].split ? r->cells[j].split : lines[j];
            if (j != i && n > other)
                other = n;
        }
        size_t k;
        double each = news_width(L, c->text.width, r->st.size, &k);
        tx_text cols;
        br_lay_tx_break(L, &c->prep, each, &cols);
        size_t split = news_split(cols.nlines, k);
        if (!split || other >= ROW_FOOT_LINES + ROW_HEAD_LINES)
            continue;
        c->text = cols;
        c->split = split;
        c->split_x = each + SPLIT_GAP_EMS * r->st.size;
    }
}

/* A figure column's header ends where its figures end, left of the slot
 * kept for the status words hanging after them (line_x), or it stands
 * over the slot and reads as the words' heading: it wraps at its spaces
 * to the figures' width when its longest word fits there, as headers
 * wrap before figures do.  Markers' slots (under an em) leave it whole. */
static double header_measure(const ltable *t, const lrow *r, const lcell *c, double cw)
{
    double slot = r->header ? status_slot(t, r, c) : 0;
    return slot > 0 && c->prep.min_w <= cw - slot + LAY_EPS ? cw - slot : cw;
}

static void break_row(lay *L, ltable *t, lrow *r)
{
    size_t *lines = br_arena_calloc(L->work, r->ncells + 1, sizeof *lines);
    r->nlines = 1;
    for (size_t i = 0; i < r->ncells; i++) {
        lcell *c = &r->cells[i];
        double cw = t->x[c->col + c->span] - t->x[c->col] - 2 * t->pad_x;
        c->split = 0;
        cw = header_measure(t, r, c, cw);
        br_lay_tx_break(L, &c->prep, cw > 0 ? cw : 0, &c->text);
        lines[i] = c->text.nlines;
        if (c->graphic) {
            fit_graphic(c, cw, r->st.leading);
            lines[i] += c->g_lines;
        }
    }
    news_columns(L, r, lines);
    for (size_t i = 0; i < r->ncells; i++) {
        size_t n = r->cells[i].split ? r->cells[i].split : lines[i];
        if (n > r->nlines)
            r->nlines = n;
    }
}

void br_lay_table_caption_at_start(ltable *t, bool on)
{
    if (t->caption_at_start != on)
        t->fitted_to = -1;      /* its start height changes */
    t->caption_at_start = on;
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
        br_lay_tx_break(L, &t->cap_prep, tw, &t->cap_text);
        t->cap_h = t->cap_text.nlines * t->cap_text.st.leading + t->pad_y;
        if (t->cap_h > page / 4)
            t->cap_h = 0;
    }
    t->start_h = 0;
    if (t->has_caption && t->caption_at_start) {
        br_lay_tx_break(L, &t->start_prep, tw, &t->start_text);
        t->start_h = t->start_text.nlines * t->start_text.st.leading + t->pad_y;
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
