/* layout_page.c — pages, display items, running header and footer. */
#include "layout_int.h"

#include "br_limits.h"

#include <stdio.h>
#include <string.h>

static void set_geometry(lay *L, br_orientation orient)
{
    const br_style *s = L->style;
    if (orient == BR_ORIENT_KEEP)
        orient = L->orient;
    L->orient = orient;
    bool land = orient == BR_ORIENT_LANDSCAPE;
    L->pw = land ? s->page_height : s->page_width;
    L->ph = land ? s->page_width : s->page_height;
    L->left = s->margin_left;
    L->right = L->pw - s->margin_right;
    L->pleft = L->left;
    L->pright = L->right;
    L->top = s->margin_top + L->head_extra;
    L->bottom = L->ph - s->margin_bottom - L->foot_extra;
    L->y = L->top;
}

void br_lay_page_start(lay *L, br_orientation orient)
{
    if (L->pages->npages)
        br_lay_page_finish(L);
    set_geometry(L, orient);
    br_page *p = BR_PUSH(L->arena, L->pages->pages, L->pages->npages, L->pages->cap);
    p->width = L->pw;
    p->height = L->ph;
    p->appendix = L->appendix;
    L->cur = L->pages->npages - 1;
    L->open = true;
    L->s_nitems = 0;
    L->fresh = true;
    L->note_h = 0;
    L->npnotes = 0;
    br_lay_notes_carry_in(L);
}

void br_lay_page_reorient(lay *L, br_orientation orient)
{
    set_geometry(L, orient);
    L->fresh = true;
    br_page *p = &L->pages->pages[L->cur];
    p->width = L->pw;
    p->height = L->ph;
}

/* Draws the footnotes and gives the page its items, with room for the
 * running header and footer still to come. */
void br_lay_page_finish(lay *L)
{
    br_lay_notes_draw(L);
    br_page *p = &L->pages->pages[L->cur];
    p->cap = L->s_nitems + 8;
    p->items = br_arena_calloc(L->arena, p->cap, sizeof *p->items);
    if (L->s_nitems)
        memcpy(p->items, L->s_items, L->s_nitems * sizeof *p->items);
    p->nitems = L->s_nitems;
    L->open = false;
}

static br_item *item(lay *L, size_t page, br_item_kind kind)
{
    br_item *it;
    if (L->open && page == L->cur) {
        it = BR_PUSH(L->arena, L->s_items, L->s_nitems, L->s_items_cap);
    } else {
        br_page *p = &L->pages->pages[page];
        it = BR_PUSH(L->arena, p->items, p->nitems, p->cap);
    }
    it->kind = kind;
    /* Text is content of the current element; rules and fills are
     * artifacts unless they draw a figure; text repeated from an earlier
     * page is an artifact (a reader has met it). */
    bool content = !L->artifact && !L->repeating && (kind == BR_ITEM_TEXT || L->figure);
    it->elem = content ? L->elem : BR_ARTIFACT;
    return it;
}

static void text_on(lay *L, size_t page, double x, double y, const char *s, size_t len,
                    br_face face, double size, uint32_t color)
{
    br_item *it = item(L, page, BR_ITEM_TEXT);
    it->x = x;
    it->y = y;
    it->text = s;
    it->len = len;
    it->face = face;
    it->size = size;
    it->color = color;
    it->repeat = L->repeating;
}

void br_lay_emit_text(lay *L, double x, double y, const char *s, size_t len, br_face face,
               double size, uint32_t color)
{
    text_on(L, L->cur, x, y, s, len, face, size, color);
}

void br_lay_emit_rect(lay *L, double x, double y, double w, double h, uint32_t color)
{
    br_item *it = item(L, L->cur, BR_ITEM_RECT);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->color = color;
}

static void line_on(lay *L, size_t page, double x, double y, double x2, double y2,
                    double width, uint32_t color)
{
    if (width <= 0)
        return;
    br_item *it = item(L, page, BR_ITEM_LINE);
    it->x = x;
    it->y = y;
    it->x2 = x2;
    it->y2 = y2;
    it->width = width;
    it->color = color;
}

void br_lay_emit_line(lay *L, double x, double y, double x2, double y2, double width, uint32_t color)
{
    line_on(L, L->cur, x, y, x2, y2, width, color);
}

/* ---- running header and footer ---- */

/* s with {page}, {pages} and {appendix} replaced (page counts from 1). */
static char *substitute(lay *L, const char *s, size_t page, size_t pages, const char *appendix)
{
    size_t n = 0, cap = strlen(s) + 64;
    char *out = br_arena_alloc(L->arena, cap);
    while (*s) {
        char num[32] = "";
        const char *put = num;
        size_t skip = 0;
        if (strncmp(s, "{pages}", 7) == 0)
            snprintf(num, sizeof num, "%zu", pages), skip = 7;
        else if (strncmp(s, "{page}", 6) == 0)
            snprintf(num, sizeof num, "%zu", page), skip = 6;
        else if (strncmp(s, "{appendix}", 10) == 0)
            put = appendix ? appendix : "", skip = 10;
        size_t add = skip ? strlen(put) : 1;
        if (n + add + 1 > cap) {
            char *grown = br_arena_alloc(L->arena, cap * 2 + add);
            memcpy(grown, out, n);
            out = grown;
            cap = cap * 2 + add;
        }
        memcpy(out + n, skip ? put : s, add);
        n += add;
        s += skip ? skip : 1;
    }
    out[n] = '\0';
    return out;
}

typedef struct band {
    tx_text text[3];
    bool used[3];
    size_t nlines;
} band;

static const char *const slot_names[3] = {"left", "centre", "right"};

/* Cuts s to what takes at most BR_MAX_RUNNING_LINES lines at width, ending
 * in "…": a word at a time from the end, from where the last line allowed
 * ends. */
static const char *cut_short(lay *L, const char *s, const tx_text *t, double width,
                             const tx_style *st)
{
    const tx_line *last = &t->lines[BR_MAX_RUNNING_LINES - 1];
    const tx_frag *fr = &t->frags[last->frag0 + last->nfrags - 1];
    size_t keep = (size_t)(fr->text + fr->len - s);
    for (;;) {
        while (keep > 0 && s[keep - 1] == ' ')
            keep--;
        const char *cut = br_arena_printf(L->arena, "%.*s…", (int)keep, s);
        tx_prep prep;
        br_lay_tx_prepare_plain(L, &prep, cut, strlen(cut), st, (br_loc){0});
        if (keep == 0 || br_lay_tx_count_lines(L, &prep, width) <= BR_MAX_RUNNING_LINES)
            return cut;
        while (keep > 0 && s[keep - 1] != ' ')
            keep--;
    }
}

/* Breaks the three slots at the full text width; if any two would overlap,
 * at a third each, so that they never print over one another.  A slot
 * longer than BR_MAX_RUNNING_LINES is cut short (warned of once; which is
 * 0 for the header, 1 for the footer, -1 when only measuring). */
static void band_break(lay *L, band *b, const char *const slots[3], const char *const fields[3],
                       size_t page, size_t pages, const char *appendix, double w,
                       const tx_style *st, int which)
{
    double gap = st->size;
    tx_prep prep[3];
    const char *text[3];
    double pref[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        text[i] = slots[i] && *slots[i] ? substitute(L, slots[i], page, pages, appendix) : "";
        b->used[i] = *text[i] != '\0';   /* "{appendix}" outside an appendix is no text */
        if (!b->used[i])
            continue;
        br_lay_tx_prepare_plain(L, &prep[i], text[i], strlen(text[i]), st, (br_loc){0});
        pref[i] = prep[i].pref_w;
    }
    bool crowded = pref[0] + pref[2] + gap > w ||
                   (b->used[1] && (pref[1] / 2 + gap + (pref[0] > pref[2] ? pref[0] : pref[2]) > w / 2));
    double slot_w = crowded ? (w - 2 * gap) / 3 : w;
    b->nlines = 0;
    for (int i = 0; i < 3; i++) {
        if (!b->used[i])
            continue;
        br_lay_tx_break(L, &prep[i], slot_w, &b->text[i]);
        if (b->text[i].nlines > BR_MAX_RUNNING_LINES) {
            const char *cut = cut_short(L, text[i], &b->text[i], slot_w, st);
            if (which >= 0 && !L->running_cut[which][i]) {
                L->running_cut[which][i] = true;
                int shown = 60;     /* a start of the text, cut at a space */
                while (shown < (int)strlen(text[i]) && shown > 0 && text[i][shown] != ' ')
                    shown--;
                br_warning(L->diags, L->style->running_loc, "the running %s's %s slot takes "
                           "more than %d lines, so it is cut short with '…': '%.*s …'; shorten "
                           "%s, or the template's %s: slot", which ? "footer" : "header",
                           slot_names[i], BR_MAX_RUNNING_LINES, shown, text[i],
                           fields[i] ? fields[i] : "its text", which ? "footer" : "header");
            }
            br_lay_tx_prepare_plain(L, &prep[i], cut, strlen(cut), st, (br_loc){0});
            br_lay_tx_break(L, &prep[i], slot_w, &b->text[i]);
        }
        if (b->text[i].nlines > b->nlines)
            b->nlines = b->text[i].nlines;
    }
}

static void band_draw(lay *L, size_t page, const band *b, double top, const tx_style *st)
{
    double w = L->right - L->left, base = br_lay_tx_baseline(L, st);
    for (int i = 0; i < 3; i++) {
        if (!b->used[i])
            continue;
        const tx_text *t = &b->text[i];
        for (size_t k = 0; k < t->nlines; k++) {
            double lw = t->lines[k].width;
            double x = i == 0 ? L->left : i == 1 ? L->left + (w - lw) / 2 : L->right - lw;
            for (uint32_t f = 0; f < t->lines[k].nfrags; f++) {
                const tx_frag *fr = &t->frags[t->lines[k].frag0 + f];
                text_on(L, page, x + fr->x, top + k * st->leading + base, fr->text, fr->len,
                        (br_face)fr->face, st->size, fr->color);
            }
        }
    }
}

/* Sets the page geometry of page i (as br_lay_page_start does for the flow). */
static void geometry(lay *L, const br_page *p)
{
    L->pw = p->width;
    L->ph = p->height;
    L->left = L->style->margin_left;
    L->right = p->width - L->style->margin_right;
    L->top = L->style->margin_top + L->head_extra;
    L->bottom = p->height - L->style->margin_bottom - L->foot_extra;
}

/* Where the header's band starts above the body, and the footer's below. */
static double band_gap(const tx_style *st)
{
    return st->leading * 0.6;
}

/* Raises *head and *foot to the lines the running header and footer take
 * on a page of the given appendix (NULL: none) at width w. */
static void running_lines(lay *L, const char *appendix, double w, const tx_style *st,
                          size_t *head, size_t *foot)
{
    const br_style *s = L->style;
    band b;
    band_break(L, &b, s->header, s->header_field, 9999, 9999, appendix, w, st, -1);
    if (b.nlines > *head)
        *head = b.nlines;
    band_break(L, &b, s->footer, s->footer_field, 9999, 9999, appendix, w, st, -1);
    if (b.nlines > *foot)
        *foot = b.nlines;
}

void br_lay_running_room(lay *L)
{
    const br_style *s = L->style;
    tx_style st = br_lay_tx_style_of(&s->running, 0);
    /* The narrower orientation breaks into more lines; page numbers of
     * four digits stand in for what each page will show, and the bands
     * take the most lines any page's appendix title (or none) gives them:
     * a long title wrapping under a margin of 0 left the page. */
    double narrow = (s->page_width < s->page_height ? s->page_width : s->page_height) -
                    s->margin_left - s->margin_right;
    size_t head = 0, foot = 0;
    running_lines(L, NULL, narrow, &st, &head, &foot);
    for (size_t i = 0; i < L->doc->nblocks; i++)
        if (L->doc->blocks[i].kind == BR_BLOCK_HEADING && L->doc->blocks[i].appendix)
            running_lines(L, br_lay_plain_text(L, &L->doc->blocks[i].text), narrow, &st, &head,
                          &foot);
    double pad = st.leading * 0.25;   /* from the band to the paper's edge */
    double need_top = head ? band_gap(&st) + head * st.leading + pad : 0;
    double need_bottom = foot ? band_gap(&st) + foot * st.leading + pad : 0;
    L->head_extra = need_top > s->margin_top ? need_top - s->margin_top : 0;
    L->foot_extra = need_bottom > s->margin_bottom ? need_bottom - s->margin_bottom : 0;
}

void br_lay_running_add(lay *L)
{
    const br_style *s = L->style;
    tx_style st = br_lay_tx_style_of(&s->running, 0);
    double gap = band_gap(&st);
    size_t npages = L->pages->npages;
    L->artifact = true;     /* running header and footer repeat on every page */
    for (size_t i = 0; i < npages; i++) {
        const br_page *pg = &L->pages->pages[i];
        geometry(L, pg);
        band head, foot;
        band_break(L, &head, s->header, s->header_field, i + 1, npages, pg->appendix, L->right - L->left, &st, 0);
        band_break(L, &foot, s->footer, s->footer_field, i + 1, npages, pg->appendix, L->right - L->left, &st, 1);
        if (head.nlines)
            band_draw(L, i, &head, L->top - gap - head.nlines * st.leading, &st);
        line_on(L, i, L->left, L->top - gap / 2, L->right, L->top - gap / 2,
                s->header_rule_width, s->rule_color);
        if (foot.nlines)
            band_draw(L, i, &foot, L->bottom + gap, &st);
    }
}
