/* layout.c — br_layout: blocks down the pages.
 *
 * Blocks are placed in order.  Text blocks split between lines with at
 * least two lines kept together at the foot and head of a page where they
 * have them; headings (and paragraphs marked keep_with_next) move to the
 * next page when they and the start of what follows do not fit.
 */
#include "layout_int.h"

#include <math.h>
#include <string.h>

#include "br_markup.h"

/* ---- text blocks ---- */

static tx_style block_style(const lay *L, const br_block *b)
{
    const br_style *s = L->style;
    if (b->kind == BR_BLOCK_HEADING) {
        if (b->caption)
            return br_lay_caption_style(L);
        if (b->level <= 0)
            return br_lay_tx_style_of(&s->title, 0);
        return br_lay_tx_style_of(&s->heading[(b->level > 3 ? 3 : b->level) - 1], 0);
    }
    return br_lay_tx_style_of(&s->body, b->font_size);
}

#define LABEL_GAP 3.0     /* pt at least between a list item's own label and its text */

/* How far a list item's own label ("(iii)") with its gap runs past the
 * bullet's indent: the text moves right by that much. */
static double label_overhang(const lay *L, const br_block *b)
{
    if (!b->label)
        return 0;
    double size = b->font_size > 0 ? b->font_size : L->style->body.size;
    double w = br_lay_tx_width(L, b->label, strlen(b->label), L->style->body.face, size);
    return fmax(0, w + LABEL_GAP - L->style->bullet_indent);
}

static double indent_of(const lay *L, const br_block *b)
{
    if (b->kind != BR_BLOCK_PARAGRAPH)
        return 0;
    double x = b->indent + (b->number > 0 ? L->style->number_width : 0);
    if (b->bullet > 0)
        x += b->bullet * L->style->bullet_indent + label_overhang(L, b);
    return x;
}

/* Prose reads best at no more than about MEASURE_CHARS characters a line:
 * across a landscape page (190 at 10 pt) a paragraph is set in a narrower
 * measure from the left margin.  A character is the average width of
 * running English text in the paragraph's face and size: the lower-case
 * letters at their frequency in English, one character in six a space
 * (what a reader, or `pdftotext`, counts on a line; the plain average of
 * the letters is about 7% wider, and 100 of those run to 107).  A text
 * width at most MEASURE_SLACK times the measure (a portrait A4 page at 10
 * pt, 108 characters) is kept whole. */
#define MEASURE_CHARS 100
#define MEASURE_SLACK 1.1
/* A paragraph of one line no longer than MEASURE_ONE_LINE times the
 * measure is set whole: a single line has no line to return to, and
 * breaking it would leave a runt of a word or two ("Families") on a line
 * of its own. */
#define MEASURE_ONE_LINE 1.25

/* The paragraph's prepared text (the one broken by block_text). */
static const tx_prep *block_prep(lay *L, size_t bi);

/* Letters a-z per 10,000 letters of English text (Lewand, Cryptological
 * Mathematics, 2000), and the spaces among them (one character in six). */
static const unsigned short letter_freq[26] = {
    817, 149, 278, 425, 1270, 223, 202, 609, 697, 15, 77, 403, 241,
    675, 751, 193, 10, 599, 633, 906, 276, 98, 236, 15, 197, 7,
};
#define SPACE_FREQ 2000

/* The average width of a character of English text at 1 pt. */
static double char_width(const lay *L)
{
    double sum = 0, n = SPACE_FREQ;
    sum += SPACE_FREQ * br_lay_tx_width(L, " ", 1, BR_FACE_REGULAR, 1);
    for (int i = 0; i < 26; i++) {
        char c = (char)('a' + i);
        sum += letter_freq[i] * br_lay_tx_width(L, &c, 1, BR_FACE_REGULAR, 1);
        n += letter_freq[i];
    }
    return sum / n;
}

double br_lay_measure(const lay *L, double size)
{
    return L->char_w * size * MEASURE_CHARS;
}

bool br_lay_past_measure(const lay *L, double width, double size)
{
    return width > br_lay_measure(L, size) * MEASURE_SLACK;
}

static double prose_width(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    double w = L->right - L->left;
    if (b->kind != BR_BLOCK_PARAGRAPH)
        return w;
    double size = b->font_size > 0 ? b->font_size : L->style->body.size;
    double indent = indent_of(L, b), measure = br_lay_measure(L, size) + indent;
    if (w <= measure * MEASURE_SLACK)
        return w;
    const tx_prep *p = block_prep(L, bi);
    double one_line = p->pref_w + indent;
    if (!p->multiline && one_line <= w && one_line <= measure * MEASURE_ONE_LINE)
        return w;
    return measure;
}

/* Makes block bi's own arena the one text is prepared in; returns the
 * arena to restore. */
static br_arena *enter_block(lay *L, size_t bi)
{
    lay_block *lb = &L->blocks[bi];
    if (!lb->arena)
        lb->arena = br_arena_new();
    br_arena *outer = L->work;
    L->work = lb->arena;
    return outer;
}

/* Block bi is placed: what it prepared goes (a warning given stays given). */
static void release_block(lay *L, size_t bi)
{
    lay_block *lb = &L->blocks[bi];
    br_arena_free(lb->arena);
    *lb = (lay_block){.shrink_warned = lb->shrink_warned, .family = lb->family};
}

static const tx_prep *block_prep(lay *L, size_t bi)
{
    lay_block *lb = &L->blocks[bi];
    if (!lb->prepared) {
        br_arena *outer = enter_block(L, bi);
        tx_style st = block_style(L, &L->doc->blocks[bi]);
        br_lay_tx_prepare(L, &lb->prep, &L->doc->blocks[bi].text, &st);
        lb->prepared = true;
        L->work = outer;
    }
    return &lb->prep;
}

/* The block's text broken at the width it has on the current page. */
static const tx_text *block_text(lay *L, size_t bi)
{
    lay_block *lb = &L->blocks[bi];
    const br_block *b = &L->doc->blocks[bi];
    block_prep(L, bi);
    br_arena *outer = enter_block(L, bi);
    double w = prose_width(L, bi) - indent_of(L, b);
    if (!lb->broken || lb->text.width != w) {
        br_lay_tx_break(L, &lb->prep, w, &lb->text);
        lb->broken = true;
    }
    L->work = outer;
    return &lb->text;
}

/* A heading's tag: size, width and whether it needs a line of its own. */
typedef struct tag_box {
    double size, pad, w;
} tag_box;

static tag_box tag_of(const lay *L, const br_block *b, const tx_style *st)
{
    tag_box t = {0, 0, 0};
    if (b->kind != BR_BLOCK_HEADING || !b->tag.text || !*b->tag.text)
        return t;
    t.size = st->size * 0.75;
    t.pad = t.size * 0.45;
    t.w = br_lay_tx_width(L, b->tag.text, strlen(b->tag.text), BR_FACE_BOLD, t.size) + 2 * t.pad;
    return t;
}

/* Lines the block prints: its text, plus a line for a number or bullet of
 * an empty paragraph or for a tag that does not fit after the heading. */
static size_t block_lines(lay *L, size_t bi, const tx_text *t)
{
    const br_block *b = &L->doc->blocks[bi];
    size_t nl = t->nlines;
    if (b->kind == BR_BLOCK_PARAGRAPH)
        return nl == 0 && (b->number > 0 || b->bullet > 0) ? 1 : nl;
    tag_box tag = tag_of(L, b, &t->st);
    if (tag.w > 0 && (nl == 0 || t->lines[nl - 1].width + tag.size + tag.w > t->width))
        nl++;
    return nl;
}

static void probe_lines(lay *L, const tx_text *t, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < t->nlines; i++)
        br_lay_probe_add_again(L, t->notes + t->lines[i].note0, t->lines[i].nnotes);
}

/* ---- keeping blocks together ---- */

/* The last character of the paragraph's visible text, or 0. */
static char last_char(const br_rich *text)
{
    for (size_t i = text->nruns; i-- > 0;) {
        const br_run *r = &text->runs[i];
        for (size_t k = r->footnote ? 0 : r->len; k-- > 0;)
            if (r->text[k] != ' ' && r->text[k] != '\n')
                return r->text[k];
    }
    return 0;
}

/* Whether every visible run of the paragraph is bold (and it has one). */
static bool all_bold(const br_rich *text, br_face style_face)
{
    bool any = false;
    for (size_t i = 0; i < text->nruns; i++) {
        const br_run *r = &text->runs[i];
        bool blank = true;
        for (size_t k = 0; k < r->len && blank; k++)
            blank = r->text[k] == ' ' || r->text[k] == '\n';
        if (r->footnote || blank)
            continue;
        if (!(br_lay_tx_face(r->face, style_face) & BR_FACE_BOLD))
            return false;
        any = true;
    }
    return any;
}

/* A paragraph goes with what follows when marked so, or when a short one
 * (one or two lines) is a heading in all but name: all in bold, as papers
 * write "**Cash flow forecasting**", or a lead-in ending in a colon ("A
 * summary of the position is as follows:") before its table or list. */
static bool keeps_with_next(const br_block *b, const tx_text *t)
{
    if (b->keep_with_next)
        return true;
    if (t->nlines == 0 || t->nlines > 2)
        return false;
    return last_char(&b->text) == ':' || all_bold(&b->text, t->st.face);
}

static ltable *block_table(lay *L, size_t bi);

/* Height that what starts at block bi needs at the foot of a page, probing
 * its footnotes: a heading with what it keeps, two lines of a paragraph, the
 * header and first rows of a table. */
static double start_height(lay *L, size_t bi, int depth)
{
    if (bi >= L->doc->nblocks || depth > 8)
        return 0;
    const br_block *b = &L->doc->blocks[bi];
    switch (b->kind) {
    case BR_BLOCK_HEADING: {
        const tx_text *t = block_text(L, bi);
        size_t nl = block_lines(L, bi, t);
        probe_lines(L, t, 0, nl);
        return L->style->heading_space_before + nl * t->st.leading + L->style->heading_space_after +
               start_height(L, bi + 1, depth + 1);
    }
    case BR_BLOCK_PARAGRAPH: {
        const tx_text *t = block_text(L, bi);
        size_t nl = block_lines(L, bi, t);
        if (keeps_with_next(b, t)) {
            probe_lines(L, t, 0, nl);
            return nl * t->st.leading + L->style->paragraph_space +
                   start_height(L, bi + 1, depth + 1);
        }
        /* The fewest lines place_lines will start it with at a page's
         * foot: two, or all three of a three-line paragraph (two and a
         * widow are not allowed). */
        size_t k = nl <= 3 ? nl : 2;
        probe_lines(L, t, 0, k);
        return k * t->st.leading;
    }
    case BR_BLOCK_TABLE: {
        ltable *tb = block_table(L, bi);
        return tb ? br_lay_table_start_height(L, tb) : 0;
    }
    case BR_BLOCK_SPACE:
        return b->height + start_height(L, bi + 1, depth + 1);
    case BR_BLOCK_GRAPHIC:
        return b->graphic.height;
    case BR_BLOCK_CHART:
        return br_lay_chart_start_height(L, b);
    case BR_BLOCK_PAGE_BREAK:
    case BR_BLOCK_COLUMNS:
    case BR_BLOCK_COLUMN_BREAK:
        break;
    }
    return 0;
}

/* Moves to a new page when own pt of block bi and the start of what
 * follows do not fit here but would on an empty page. */
static void keep_with_next(lay *L, size_t bi, const tx_text *t, size_t nl, double own)
{
    if (L->fresh)
        return;
    br_lay_probe_begin(L);
    probe_lines(L, t, 0, nl);
    double need = own + start_height(L, bi + 1, 0);
    if (!br_lay_fits(L, need, br_lay_probe_extra(L)) && need <= L->bottom - L->top)
        br_lay_page_start(L, L->orient);
}

/* ---- placing lines ---- */

typedef void (*line_hook)(lay *L, void *ctx, size_t line, double x, double baseline);

/* How many of lines [i, nl) fit on the page with their footnotes. */
static size_t lines_fitting(lay *L, const tx_text *t, size_t i, size_t nl)
{
    br_lay_probe_begin(L);
    size_t k = 0;
    for (; i + k < nl; k++) {
        probe_lines(L, t, i + k, i + k + 1);
        if (!br_lay_fits(L, (k + 1) * t->st.leading, br_lay_probe_extra(L)))
            break;
    }
    return k;
}

/* Lines to put on this page of the rem that are left, k of which fit. */
static size_t lines_to_take(const lay *L, size_t i, size_t k, size_t rem)
{
    if (k >= rem)
        return rem;
    if (k >= 3 && rem - k == 1)
        return k - 1;           /* no widow: one more line goes over */
    if (!L->fresh && i == 0 && (k < 2 || (k == 2 && rem == 3)))
        return 0;               /* no orphan: the whole start goes over */
    return k ? k : (L->fresh ? 1 : 0);
}

/* Places lines [0, nl) of t (those past t->nlines are empty) at x in a
 * column w wide, across pages as needed. */
static void place_lines(lay *L, const tx_text *t, size_t nl, double x, double w, br_align align,
                        line_hook before, line_hook after, void *ctx)
{
    double lead = t->st.leading, base = br_lay_tx_baseline(L, &t->st);
    size_t i = 0;
    while (i < nl) {
        size_t k = lines_to_take(L, i, lines_fitting(L, t, i, nl), nl - i);
        for (size_t j = i; j < i + k; j++) {
            double lw = j < t->nlines ? t->lines[j].width : 0;
            double off = align == BR_ALIGN_LEFT ? 0 : align == BR_ALIGN_CENTER ? (w - lw) / 2 : w - lw;
            double lx = x + (off > 0 ? off : 0);
            if (before)
                before(L, ctx, j, lx + lw, L->y + base);
            br_lay_tx_draw_line(L, t, j, lx, L->y + base);
            if (after)
                after(L, ctx, j, lx + lw, L->y + base);
            L->y += lead;
            L->fresh = false;
            if (j < t->nlines)
                br_lay_notes_commit_again(L, t->notes + t->lines[j].note0, t->lines[j].nnotes);
        }
        i += k;
        if (i < nl)
            br_lay_page_start(L, L->orient);
    }
}

/* ---- paragraphs ---- */

typedef struct para_ctx {
    const br_block *b;
    tx_style st;
} para_ctx;

/* Before the first line: the paragraph's elements (made now, when its page
 * is settled, so that a footnote drawn at the foot of the page before comes
 * first), and its number or bullet. */
static void para_marker(lay *L, void *ctx, size_t line, double x_end, double baseline)
{
    (void)x_end;
    const para_ctx *c = ctx;
    const br_block *b = c->b;
    if (line != 0)
        return;
    uint32_t lbl, body = br_lay_para_elem(L, b, &lbl);
    br_lay_elem_enter(L, lbl);
    if (b->number > 0) {
        const char *num = br_arena_printf(L->arena, "%d.", b->number);
        br_lay_emit_text(L, L->left, baseline, num, strlen(num), c->st.face, c->st.size, c->st.color);
    }
    if (b->bullet > 0) {
        const char *mark = b->label ? b->label : b->bullet % 2 ? "\xE2\x80\xA2" : "\xE2\x80\x93"; /* • – */
        double x = L->left + b->indent + (b->number > 0 ? L->style->number_width : 0) +
                   (b->bullet - 1) * L->style->bullet_indent;
        br_lay_emit_text(L, x, baseline, mark, strlen(mark), c->st.face, c->st.size, c->st.color);
    }
    br_lay_elem_enter(L, body);
}

/* Bullets of one line each, one after another, are a list read as one:
 * they take a quarter of the space between paragraphs. */
#define TIGHT_LIST 0.25

static bool one_line_bullet(lay *L, size_t bi)
{
    if (bi >= L->doc->nblocks)
        return false;
    const br_block *b = &L->doc->blocks[bi];
    return b->kind == BR_BLOCK_PARAGRAPH && b->bullet > 0 && block_text(L, bi)->nlines == 1;
}

static void place_paragraph(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    const tx_text *t = block_text(L, bi);
    size_t nl = block_lines(L, bi, t);
    if (keeps_with_next(b, t))
        keep_with_next(L, bi, t, nl, nl * t->st.leading + L->style->paragraph_space);
    double indent = indent_of(L, b);
    para_ctx ctx = {b, t->st};
    place_lines(L, t, nl, L->left + indent, prose_width(L, bi) - indent, b->align, para_marker, NULL,
                &ctx);
    br_lay_elem_enter(L, 0);
    if (nl)
        L->y += L->style->paragraph_space *
                (one_line_bullet(L, bi) && one_line_bullet(L, bi + 1) ? TIGHT_LIST : 1);
}

/* ---- headings ---- */

typedef struct heading_ctx {
    const br_block *b;
    const tx_text *t;
    size_t nl;
} heading_ctx;

const char *br_lay_plain_text(lay *L, const br_rich *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nruns; i++)
        n += r->runs[i].footnote ? 0 : r->runs[i].len;
    char *s = br_arena_alloc(L->arena, n + 1), *p = s;
    for (size_t i = 0; i < r->nruns; i++) {
        if (r->runs[i].footnote || !r->runs[i].text)
            continue;
        for (size_t k = 0; k < r->runs[i].len; k++)
            *p++ = r->runs[i].text[k] == '\n' ? ' ' : r->runs[i].text[k];
    }
    *p = '\0';
    return s;
}

static void draw_tag(lay *L, const br_block *b, const tx_style *st, double x, double baseline)
{
    tag_box tag = tag_of(L, b, st);
    double mid = baseline - L->cap_height * st->size / 2000;
    double h = tag.size * 1.35;
    br_lay_emit_rect(L, x, mid - h / 2, tag.w, h, b->tag.fill);
    br_lay_emit_text(L, x + tag.pad, mid + L->cap_height * tag.size / 2000, b->tag.text,
              strlen(b->tag.text), BR_FACE_BOLD, tag.size, b->tag.color);
}

/* The bookmark level of heading b: a caption one below the heading before
 * it; a heading under the last heading of a higher rank (a lower level as
 * written; in an appendix, everything under the appendix's own), never
 * under a caption, and one below it however many levels the paper skips
 * (a level 3 heading straight under a level 1 is its child, beside the
 * level 1's table captions, not under the last of them). */
static int outline_level(lay *L, const br_block *b)
{
    if (b->caption)
        return L->heading_level + 1 > BR_OUTLINE_DEPTH ? BR_OUTLINE_DEPTH : L->heading_level + 1;
    int rank = b->appendix ? 0 : (b->level < 1 ? 1 : b->level) + (L->appendix != NULL);
    while (L->heading_level > 0 && L->open_headings[L->heading_level - 1] >= rank)
        L->heading_level--;
    if (L->heading_level == BR_OUTLINE_DEPTH)
        L->heading_level--;     /* deeper than a reader's pane: beside the deepest */
    L->open_headings[L->heading_level++] = rank;
    return L->heading_level;
}

/* A table whose caption prints only where it continues (an objective's
 * "Key milestones") is still bookmarked where it starts, as a caption, unless
 * a caption heading stands above it or its caption repeats the heading's
 * words.  The table starts on page at y (after any move to a new page). */
static void table_bookmark(lay *L, size_t bi, size_t page, double y)
{
    const br_block *b = &L->doc->blocks[bi];
    const char *cap = b->table.caption ? br_markup_plain(L->arena, b->table.caption) : NULL;
    if (!cap || !*cap || (bi > 0 && L->doc->blocks[bi - 1].caption) ||
        (L->heading_title && strcmp(cap, L->heading_title) == 0))
        return;
    br_outline *o = BR_PUSH(L->arena, L->pages->outline, L->pages->noutline, L->pages->outline_cap);
    o->title = cap;
    o->level = L->heading_level + 1 > BR_OUTLINE_DEPTH ? BR_OUTLINE_DEPTH : L->heading_level + 1;
    o->page = page;
    o->y = y;
}

static void heading_hook(lay *L, void *ctx, size_t line, double x_end, double baseline)
{
    const heading_ctx *c = ctx;
    const br_block *b = c->b;
    if (line == 0 && b->appendix) {
        L->appendix = br_lay_plain_text(L, &b->text);
        L->pages->pages[L->cur].appendix = L->appendix;
    }
    if (line == 0 && b->outline) {
        br_outline *o = BR_PUSH(L->arena, L->pages->outline, L->pages->noutline,
                                L->pages->outline_cap);
        o->title = br_lay_plain_text(L, &b->text);
        o->level = outline_level(L, b);
        if (!b->caption)
            L->heading_title = o->title;
        o->page = L->cur;
        o->y = L->y;
    }
    tag_box tag = tag_of(L, b, &c->t->st);
    if (tag.w > 0 && line == c->nl - 1) {
        double x = line < c->t->nlines ? x_end + tag.size : L->left;
        draw_tag(L, b, &c->t->st, x, baseline);
    }
}

/* Before the first line: the heading's element, H1 to H3 (the title is H1). */
static void heading_elem(lay *L, void *ctx, size_t line, double x_end, double baseline)
{
    (void)x_end, (void)baseline;
    const heading_ctx *c = ctx;
    if (line != 0)
        return;
    int level = c->b->level < 1 ? 1 : c->b->level > 3 ? 3 : c->b->level;
    br_lay_list_close(L);
    br_lay_elem_enter(L, br_lay_elem_new(L, (br_role)(BR_ROLE_H1 + level - 1), 0));
}

static void place_heading(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    const tx_text *t = block_text(L, bi);
    size_t nl = block_lines(L, bi, t);
    if (nl == 0)
        return;
    if (b->tag.text)
        br_lay_tx_check_glyphs(L, b->tag.text, strlen(b->tag.text), BR_FACE_BOLD, b->loc);
    double before = L->style->heading_space_before;
    keep_with_next(L, bi, t, nl, before + nl * t->st.leading + L->style->heading_space_after);
    if (!L->fresh)
        L->y += before;
    heading_ctx ctx = {b, t, nl};
    place_lines(L, t, nl, L->left, L->right - L->left, b->align, heading_elem, heading_hook, &ctx);
    br_lay_elem_enter(L, 0);
    L->y += L->style->heading_space_after;
}

/* ---- tables, breaks and space ---- */

#define MIN_TABLE_SIZE 5.0     /* pt: the smallest type a shrunk table gets */

/* A table whose columns cannot fit the text width at its type size is set
 * smaller (down to MIN_TABLE_SIZE) rather than breaking its figures; the
 * size is chosen for each text width (portrait or landscape). */
static ltable *table_for_width(lay *L, lay_block *lb, const br_block *b, double width)
{
    double f = br_lay_table_shrink(lb->base, width);
    lb->shrunk_size = 0;
    if (f >= 1)
        return lb->base;
    double size = b->table.font_size > 0 ? b->table.font_size : L->style->table_body.size;
    double smaller = size * f * 0.98;
    if (smaller < MIN_TABLE_SIZE)
        smaller = MIN_TABLE_SIZE;
    br_block *copy = br_arena_alloc(L->work, sizeof *copy);
    *copy = *b;
    copy->table.font_size = smaller;
    lb->shrunk_size = smaller;
    return br_lay_table_prepare(L, copy, NULL);
}

/* Whether block bi's table prints its caption where it starts: it has
 * one, no caption heading stands right above it, and the caption is not
 * the words of the heading it is under (an objective's measures under the
 * objective's title). */
static bool caption_at_start(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    if (!b->table.caption || !*b->table.caption || (bi > 0 && L->doc->blocks[bi - 1].caption))
        return false;
    const char *cap = br_markup_plain(L->arena, b->table.caption);
    for (size_t i = bi; i-- > 0;) {
        const br_block *h = &L->doc->blocks[i];
        if (h->kind == BR_BLOCK_HEADING && !h->caption)
            return strcmp(br_lay_plain_text(L, &h->text), cap) != 0;
    }
    return true;
}

static ltable *block_table(lay *L, size_t bi)
{
    lay_block *lb = &L->blocks[bi];
    const br_block *b = &L->doc->blocks[bi];
    double width = L->right - L->left;
    br_arena *outer = enter_block(L, bi);
    if (!lb->base)
        lb->base = br_lay_table_prepare(L, b, lb->family);
    if (!lb->table || lb->table_width != width) {
        lb->table = table_for_width(L, lb, b, width);
        br_lay_table_caption_at_start(lb->table, caption_at_start(L, bi));
        lb->table_width = width;
    }
    bool fits = br_lay_table_fit(L, lb->table);
    L->work = outer;
    return fits ? lb->table : NULL;
}

/* What would let a shrunk table keep the house size where it is now. */
static const char *shrink_hint(const lay *L)
{
    if (L->cols.n > 1)
        return "to keep the house size, set it at the full width (no columns section beside "
               "it) or give it fewer columns";
    if (L->orient != BR_ORIENT_LANDSCAPE)
        return "to keep the house size, put it on a landscape page (page_break with "
               "orientation: landscape) or give it fewer columns";
    return "the page is landscape already: to keep the house size, give it fewer columns "
           "(leave some out, or split it into two tables) or give the template an A3 page "
           "(page: size: A3)";
}

static void place_table(lay *L, size_t bi)
{
    ltable *t = block_table(L, bi);
    if (!t) {
        L->failed = true;
        return;
    }
    lay_block *lb = &L->blocks[bi];
    if (lb->shrunk_size > 0 && !lb->shrink_warned) {
        const br_block *b = &L->doc->blocks[bi];
        double size = b->table.font_size > 0 ? b->table.font_size : L->style->table_body.size;
        lb->shrink_warned = true;
        br_warning(L->diags, b->loc, "this table's %zu columns do not fit the page at %.1f pt; it "
                   "is set at %.1f pt; %s", b->table.ncols, size, lb->shrunk_size,
                   shrink_hint(L));
    }
    br_arena *outer = enter_block(L, bi);
    /* Where the table starts, once it has moved to a new page if its start
     * does not fit here: its bookmark's place. */
    bool draws = br_lay_table_start(L, t);
    size_t page0 = L->cur;
    double y0 = L->y;
    br_lay_table_place(L, t);
    if (draws)
        table_bookmark(L, bi, page0, y0);
    L->work = outer;
    L->y += L->style->block_space;
}

/* ---- columns side by side ---- */

static void set_column(lay *L)
{
    int n = L->cols.n;
    double w = br_style_text_width(L->style, L->orient, n);
    L->left = L->pleft + L->cols.i * (w + BR_COLUMN_GAP);
    L->right = L->left + w;
}

/* Back to the full width, below the longest column.  A column that ran
 * onto a new page has left the columns already (a new page starts at the
 * full width): what follows goes below it, and the paper is laid out again
 * with the columns starting a page (when they did not start one). */
static void columns_end(lay *L)
{
    if (!L->cols.n)
        return;
    if (L->cur == L->cols.page) {
        L->y = fmax(L->y, L->cols.low);
        L->fresh = L->fresh && L->cols.fresh_after;
    } else if (!L->cols.fresh && !L->col_fresh[L->cols.block]) {
        L->col_fresh[L->cols.block] = true;
        L->col_again = true;
    }
    L->left = L->pleft;
    L->right = L->pright;
    L->cols.n = 0;
}

static void place_columns(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    columns_end(L);
    if (b->columns < 2)
        return;
    if (L->col_fresh[bi] && !L->fresh)
        br_lay_page_start(L, L->orient);
    L->cols = (struct lay_cols){.n = b->columns, .page = L->cur, .block = bi, .top = L->y,
                                .low = L->y, .fresh = L->fresh, .fresh_after = true};
    set_column(L);
}

/* The next column starts level with the first, when the columns are still
 * on the page they started on; otherwise what follows goes below. */
static void place_column_break(lay *L)
{
    if (!L->cols.n)
        return;
    if (L->cur != L->cols.page) {
        columns_end(L);
        return;
    }
    if (L->cols.i + 1 >= L->cols.n)
        return;
    L->cols.low = fmax(L->cols.low, L->y);
    L->cols.fresh_after = L->cols.fresh_after && L->fresh;
    L->cols.i++;
    L->y = L->cols.top;
    L->fresh = L->cols.fresh;
    set_column(L);
}

static void place_break(lay *L, const br_block *b)
{
    columns_end(L);
    if (L->s_nitems == 0 && L->npnotes == 0)
        br_lay_page_reorient(L, b->orientation);  /* no empty page for a break at the top */
    else
        br_lay_page_start(L, b->orientation);
}

/* Space that fits is content (what follows may then move to a new page);
 * space that does not ends the page, and is not carried over. */
static void place_space(lay *L, const br_block *b)
{
    if (br_lay_fits(L, b->height, 0)) {
        L->y += b->height;
        L->fresh = L->fresh && b->height <= 0;
    } else if (!L->fresh) {
        br_lay_page_start(L, L->orient);
    }
}

static void place_block(lay *L, size_t bi)
{
    const br_block *b = &L->doc->blocks[bi];
    switch (b->kind) {
    case BR_BLOCK_HEADING:
        place_heading(L, bi);
        break;
    case BR_BLOCK_PARAGRAPH:
        place_paragraph(L, bi);
        break;
    case BR_BLOCK_TABLE:
        br_lay_list_close(L);
        place_table(L, bi);
        break;
    case BR_BLOCK_PAGE_BREAK:
        place_break(L, b);
        break;
    case BR_BLOCK_SPACE:
        place_space(L, b);
        break;
    case BR_BLOCK_GRAPHIC:
        br_lay_list_close(L);
        br_lay_place_graphic(L, b);
        break;
    case BR_BLOCK_CHART:
        br_lay_list_close(L);
        br_lay_place_charts(L, b);
        break;
    case BR_BLOCK_COLUMNS:
        br_lay_list_close(L);
        place_columns(L, bi);
        break;
    case BR_BLOCK_COLUMN_BREAK:
        br_lay_list_close(L);
        place_column_break(L);
        break;
    }
}

static void lay_init(lay *L, const br_doc *doc, const br_style *style, const br_fontset *fonts,
                     br_arena *arena, br_diags *diags)
{
    memset(L, 0, sizeof *L);
    L->doc = doc;
    L->style = style;
    L->fonts = fonts;
    L->arena = arena;
    L->work = arena;
    L->diags = diags;
    L->pages = br_arena_alloc(arena, sizeof *L->pages);
    L->ascent = br_font_ascent(fonts->face[BR_FACE_REGULAR]);
    L->descent = br_font_descent(fonts->face[BR_FACE_REGULAR]);
    L->cap_height = br_font_cap_height(fonts->face[BR_FACE_REGULAR]);
    L->char_w = char_width(L);
    L->warned = br_arena_alloc(arena, sizeof *L->warned);
    L->blocks = br_arena_calloc(arena, doc->nblocks + 1, sizeof *L->blocks);
    L->orient = style->orientation == BR_ORIENT_LANDSCAPE ? BR_ORIENT_LANDSCAPE
                                                          : BR_ORIENT_PORTRAIT;
    br_lay_elem_new(L, BR_ROLE_DOCUMENT, 0);
}

/* The assertion that nothing is printed outside the page: every item's box
 * (a text's advance width, ascent and descent) lies within its page.  A
 * breach is a layout bug, reported as an error so that no such PDF is
 * written. */
static void check_inside(lay *L)
{
    const double slack = 0.5;   /* pt: rounding at the page edge */
    for (size_t p = 0; p < L->pages->npages; p++) {
        const br_page *pg = &L->pages->pages[p];
        for (size_t i = 0; i < pg->nitems; i++) {
            const br_item *it = &pg->items[i];
            double x0 = it->x, y0 = it->y, x1 = it->x, y1 = it->y;
            if (it->kind == BR_ITEM_TEXT) {
                x1 = x0 + br_lay_tx_width(L, it->text, it->len, it->face, it->size);
                y0 = it->y - L->ascent * it->size / 1000.0;
                y1 = it->y - L->descent * it->size / 1000.0;
            } else if (it->kind == BR_ITEM_RECT) {
                x1 = x0 + it->w, y1 = y0 + it->h;
            } else {
                x0 = fmin(it->x, it->x2), x1 = fmax(it->x, it->x2);
                y0 = fmin(it->y, it->y2), y1 = fmax(it->y, it->y2);
            }
            if (x0 >= -slack && y0 >= -slack && x1 <= pg->width + slack && y1 <= pg->height + slack)
                continue;
            br_error(L->diags, (br_loc){0}, "internal error: on page %zu an item (%s) lies "
                     "outside the page, at %.1f..%.1f x %.1f..%.1f of %.1f x %.1f pt; please "
                     "report this", p + 1, it->kind == BR_ITEM_TEXT ? "text" : "a rule or box",
                     x0, x1, y0, y1, pg->width, pg->height);
            return;
        }
    }
}

static br_pages *lay_run(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                         br_arena *arena, br_diags *diags, bool *col_fresh, bool *again)
{
    lay L;
    size_t errors = diags->errors;
    lay_init(&L, doc, style, fonts, arena, diags);
    L.col_fresh = col_fresh;
    br_lay_notes_init(&L);
    br_lay_table_families(&L);
    br_lay_running_room(&L);
    br_lay_page_start(&L, L.orient);
    for (size_t i = 0; i < doc->nblocks; i++) {
        place_block(&L, i);
        release_block(&L, i);
    }
    columns_end(&L);
    br_lay_page_finish(&L);
    while (L.ncarry) {  /* footnotes still carried: pages of their own */
        br_lay_page_start(&L, L.orient);
        br_lay_page_finish(&L);
    }
    br_lay_running_add(&L);
    check_inside(&L);
    *again = L.col_again;
    if (L.failed || diags->errors > errors)
        return NULL;
    return L.pages;
}

#define COLUMN_RUNS 4   /* layouts at most, each moving columns to a new page */

/* The paper laid out; again, with columns that ran onto a new page moved
 * to start one, while any does (the first run's messages stand: the
 * others would repeat them). */
static br_pages *lay_once(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                          br_arena *arena, br_diags *diags)
{
    bool *col_fresh = br_arena_calloc(arena, doc->nblocks + 1, sizeof *col_fresh), again;
    br_pages *p = lay_run(doc, style, fonts, arena, diags, col_fresh, &again);
    for (int run = 1; run < COLUMN_RUNS && p && again; run++) {
        br_arena *scratch = br_arena_new();
        br_diags quiet;
        br_diags_init(&quiet, scratch);
        p = lay_run(doc, style, fonts, arena, &quiet, col_fresh, &again);
        br_diags_add_errors(diags, &quiet);
        br_arena_free(scratch);
    }
    return p;
}

/* ---- fitting a paper to N pages ---- */

#define FIT_STEP 0.5    /* pt: the table type steps down by this much */

/* The style with its table type at size pt: headers, cell padding and the
 * space after a table in proportion, so a smaller table keeps its look;
 * the notes, which annotate the tables' figures, no larger than their
 * text (the scorecard's 6.5 pt notes under its 5.5 pt tables). */
static br_style table_type(const br_style *style, double size)
{
    br_style s = *style;
    double k = size / style->table_body.size;
    s.table_body.size = size;
    s.table_body.leading *= k;
    s.table_header.size *= k;
    s.table_header.leading *= k;
    s.cell_pad_x *= k;
    s.cell_pad_y *= k;
    s.block_space *= k;
    if (s.footnote.size > size) {
        s.footnote.leading *= size / s.footnote.size;
        s.footnote.size = size;
    }
    return s;
}

/* Pages the paper takes with its tables at size pt; the trial's messages
 * are dropped (the chosen setting is laid out again with the real ones). */
static size_t pages_at(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                       br_arena *arena, double size)
{
    br_arena *scratch = br_arena_new();
    br_diags quiet;
    br_diags_init(&quiet, scratch);
    br_style s = table_type(style, size);
    br_pages *p = lay_once(doc, &s, fonts, arena, &quiet);
    size_t n = p && !br_diags_failed(&quiet) ? p->npages : (size_t)-1;
    br_arena_free(scratch);
    return n;
}

/* A template's fit: {pages: N}: the table type steps down FIT_STEP pt at a
 * time, to the template's floor, until the paper takes N pages; a paper
 * that still takes more at the floor is set at the floor, with a warning. */
br_pages *br_layout(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                    br_arena *arena, br_diags *diags)
{
    br_pages *p = lay_once(doc, style, fonts, arena, diags);
    if (!p || style->fit_pages <= 0 || p->npages <= (size_t)style->fit_pages)
        return p;
    double size = style->table_body.size, floor = style->fit_floor;
    size_t n = p->npages;
    while (n > (size_t)style->fit_pages && size - FIT_STEP >= floor - LAY_EPS) {
        size -= FIT_STEP;
        n = pages_at(doc, style, fonts, arena, size);
    }
    if (n > (size_t)style->fit_pages)
        br_warning(diags, (br_loc){0},
                   "the paper takes %zu pages with its tables at %.1f pt, the template's floor; "
                   "the template asks for %d: shorten the paper, or lower fit: table_floor",
                   n, size, style->fit_pages);
    br_style s = table_type(style, size);
    /* The first layout's warnings stand; the chosen one's would repeat them. */
    br_arena *scratch = br_arena_new();
    br_diags again;
    br_diags_init(&again, scratch);
    p = lay_once(doc, &s, fonts, arena, &again);
    br_diags_add_errors(diags, &again);
    br_arena_free(scratch);
    return p;
}
