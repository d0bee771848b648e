/* layout_note.c — footnotes: numbering, reserving space, the footnote area.
 *
 * Footnotes are numbered before layout, in order of first reference through
 * the paper.  During layout every line that refers to a footnote not yet
 * placed must fit together with that footnote's lines (a probe counts them),
 * so a footnote always lands on the page of the line that first refers to it,
 * and prints again (as an artifact) at the foot of every later page a line
 * citing it is on: a page holds every note whose marker it shows.
 * Only a footnote too tall for the rest of an otherwise empty page continues
 * on the next page's foot (carried), as a word processor would do it.
 *
 * Footnotes are prose, kept to a readable measure: where the page is wider
 * than that, they are set in columns side by side (as few as keep each
 * within the measure), in number order down the first column and on into
 * the next, each note whole in one column; the columns are as short as
 * the notes can be packed so (never shorter than the tallest note).
 */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

static int key_cmp(const void *a, const void *b)
{
    const struct lay_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

int br_lay_notes_find(const lay *L, const char *key)
{
    size_t lo = 0, hi = L->nnotes;
    while (lo < hi) {   /* lower bound: the first of duplicate keys */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(L->keys[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < L->nnotes && strcmp(L->keys[lo].key, key) == 0)
        return (int)L->keys[lo].index;
    return -1;
}

static void number_rich(lay *L, const br_rich *r, int depth);

/* The note's text as one string (runs and references), for comparing. */
static const char *note_key(lay *L, size_t i)
{
    if (L->notes[i].text_key)
        return L->notes[i].text_key;
    const br_rich *r = &L->notes[i].note->text;
    const char *k = "";
    for (size_t j = 0; j < r->nruns; j++)
        k = br_arena_printf(L->work, "%s%.*s\x1f%s\x1e", k, (int)r->runs[j].len,
                            r->runs[j].text ? r->runs[j].text : "",
                            r->runs[j].footnote ? r->runs[j].footnote : "");
    return L->notes[i].text_key = k;
}

/* FNV-1a: spreads note texts over the table's slots. */
static size_t text_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* An earlier numbered note with the same text as note i (identical notes
 * share one number, whoever wrote them: three 'Provisional' notes keyed
 * apart, a value's note of a keyed note's words, print as one), or i,
 * which then owns its text.  A hash table of the
 * numbered notes by text: comparing with every numbered note made a chain
 * of 200,000 footnotes quadratic. */
static size_t same_text(lay *L, size_t i)
{
    const char *key = note_key(L, i);
    size_t mask = L->by_text_cap - 1, at = text_hash(key) & mask;
    for (; L->by_text[at]; at = (at + 1) & mask)
        if (strcmp(key, note_key(L, L->by_text[at] - 1)) == 0)
            return L->by_text[at] - 1;
    L->by_text[at] = i + 1;
    return i;
}

static void number_ref(lay *L, const br_run *run, int depth)
{
    int i = br_lay_notes_find(L, run->footnote);
    if (i < 0)
        return;     /* check refuses an undefined key before layout runs; it prints as written */
    if (L->notes[i].number)
        return;
    size_t same = same_text(L, (size_t)i);
    if (same != (size_t)i) {
        L->notes[i].same = same;
        L->notes[i].number = L->notes[same].number;
        return;
    }
    L->notes[i].number = ++L->next_number;
    /* References inside a footnote come next; the depth bounds a cycle. */
    if (depth < 8)
        number_rich(L, &L->notes[i].note->text, depth + 1);
}

static void number_rich(lay *L, const br_rich *r, int depth)
{
    for (size_t i = 0; i < r->nruns; i++)
        if (r->runs[i].footnote)
            number_ref(L, &r->runs[i], depth);
}

static void number_rows(lay *L, const br_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < rows[i].ncells; c++)
            number_rich(L, &rows[i].cells[c].text, 0);
}

static void number_all(lay *L)
{
    for (size_t i = 0; i < L->doc->nblocks; i++) {
        const br_block *b = &L->doc->blocks[i];
        if (b->kind == BR_BLOCK_HEADING || b->kind == BR_BLOCK_PARAGRAPH)
            number_rich(L, &b->text, 0);
        if (b->kind == BR_BLOCK_TABLE) {
            number_rows(L, b->table.header, b->table.nheader);
            number_rows(L, b->table.rows, b->table.nrows);
        }
    }
}

void br_lay_notes_init(lay *L)
{
    const br_doc *d = L->doc;
    L->nnotes = d->nfootnotes;
    L->notes = br_arena_calloc(L->arena, L->nnotes + 1, sizeof *L->notes);
    L->keys = br_arena_calloc(L->arena, L->nnotes + 1, sizeof *L->keys);
    for (size_t i = 0; i < L->nnotes; i++) {
        L->notes[i].note = &d->footnotes[i];
        L->notes[i].same = i;
        L->keys[i].key = d->footnotes[i].key ? d->footnotes[i].key : "";
        L->keys[i].index = i;
    }
    qsort(L->keys, L->nnotes, sizeof *L->keys, key_cmp);
    for (L->by_text_cap = 16; L->by_text_cap < 2 * L->nnotes; L->by_text_cap *= 2)
        ;
    L->by_text = br_arena_calloc(L->arena, L->by_text_cap, sizeof *L->by_text);
    number_all(L);

    tx_style st = br_lay_tx_style_of(&L->style->footnote, 0);
    int digits = 1;
    for (int n = L->next_number; n >= 10; n /= 10)
        digits++;
    L->note_indent = br_lay_tx_width(L, "00000000", (size_t)(digits < 8 ? digits : 8), st.face, st.size) +
                     st.size * 0.6;
    L->note_sep = st.leading;
}

/* The gap between columns of footnotes, in ems of their type. */
#define NOTE_GAP_EMS 2.0

static tx_style note_style(const lay *L)
{
    return br_lay_tx_style_of(&L->style->footnote, 0);
}

/* The columns the current page's footnotes are set in, and the distance
 * from one column's left edge to the next's (*pitch); a column holds a
 * note's number and its text (L->note_indent wide together with it). */
static size_t note_columns(const lay *L, double *pitch)
{
    tx_style st = note_style(L);
    double w = L->pright - L->pleft, gap = NOTE_GAP_EMS * st.size;
    double measure = br_lay_measure(L, st.size) + L->note_indent;
    size_t k = 1;
    if (br_lay_past_measure(L, w - L->note_indent, st.size))
        for (k = 2; (w - (double)(k - 1) * gap) / (double)k > measure && k < 8; k++)
            ;
    *pitch = (w - (double)(k - 1) * gap) / (double)k + gap;
    return k;
}

/* The note's text broken at its column's width (re-broken only when a
 * probe on a page of another width asks for it, never once placed). */
static const tx_text *note_text(lay *L, size_t i)
{
    lay_note *n = &L->notes[i];
    tx_style st = note_style(L);
    /* A note lasts the whole layout, though a block's probe may prepare it. */
    br_arena *outer = L->work;
    L->work = L->arena;
    if (!n->prepared) {
        br_lay_tx_prepare(L, &n->prep, &n->note->text, &st);
        n->prepared = true;
        n->text.width = -1;
    }
    double pitch;
    size_t k = note_columns(L, &pitch);
    double w = (k > 1 ? pitch - NOTE_GAP_EMS * st.size : L->pright - L->pleft) - L->note_indent;
    if (n->text.width != w)
        br_lay_tx_break(L, &n->prep, w, &n->text);
    L->work = outer;
    return &n->text;
}

static size_t note_lines(const tx_text *t)
{
    return t->nlines ? t->nlines : 1;   /* an empty note still shows its number */
}

/* ---- footnotes in columns ---- */

/* Whether notes of lines[0..n) go into k columns of h lines: in order,
 * each whole in a column (one taller than h, which packed_height never
 * asks for, would run on into the next). */
static bool packs(const size_t *lines, size_t n, size_t k, size_t h)
{
    size_t col = 0, used = 0;
    for (size_t i = 0; i < n; i++) {
        if (used > 0 && used + lines[i] > h && lines[i] <= h) {
            col++;
            used = 0;
        }
        used += lines[i];
        while (used > h) {
            used -= h;
            col++;
        }
        if (col >= k)
            return false;
    }
    return true;
}

/* The lines of the shortest k columns that hold lines[0..n) as packs()
 * sets them, each note whole. */
static size_t packed_height(const size_t *lines, size_t n, size_t k)
{
    size_t total = 0, most = 0;
    for (size_t i = 0; i < n; i++) {
        total += lines[i];
        most = lines[i] > most ? lines[i] : most;
    }
    if (k <= 1 || total == 0)
        return total;
    /* never shorter than the tallest note: a note reads whole, in one column */
    size_t lo = (total + k - 1) / k, hi = lo + most;
    if (lo < most)
        lo = most;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (packs(lines, n, k, mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The lines the page's footnotes take in their columns, with the n more
 * of extra: in number order, as br_lay_notes_draw sets them. */
static size_t notes_height(lay *L, const lay_pnote *extra, size_t n)
{
    double pitch;
    size_t k = note_columns(L, &pitch), all = L->npnotes + n;
    if (all * 2 + 2 > L->s_pack_cap) {
        L->s_pack_cap = all * 4 + 16;
        L->s_pack = br_arena_calloc(L->arena, L->s_pack_cap, sizeof *L->s_pack);
    }
    size_t *order = L->s_pack, *lines = L->s_pack + all + 1;
    for (size_t i = 0; i < all; i++) {
        const lay_pnote *p = i < L->npnotes ? &L->pnotes[i] : &extra[i - L->npnotes];
        int num = L->notes[p->note].number;
        size_t j = i;
        for (; j > 0; j--) {
            size_t o = order[j - 1];
            const lay_pnote *q = o < L->npnotes ? &L->pnotes[o] : &extra[o - L->npnotes];
            if (L->notes[q->note].number <= num)
                break;
            order[j] = o;
        }
        order[j] = i;
    }
    for (size_t i = 0; i < all; i++)
        lines[i] = order[i] < L->npnotes ? L->pnotes[order[i]].nlines
                                         : extra[order[i] - L->npnotes].nlines;
    return packed_height(lines, all, k);
}

/* The page's footnote area with extra notes: the rule's space and the
 * columns' lines. */
static double area_h(lay *L, const lay_pnote *extra, size_t n)
{
    if (L->npnotes + n == 0)
        return 0;
    return L->note_sep + (double)notes_height(L, extra, n) * note_style(L).leading;
}

void br_lay_probe_begin(lay *L)
{
    L->stamp++;
    L->probe_h = 0;
    L->nprobed = 0;
}

/* Counts note idx, broken as t, in the probe. */
static void probe_note(lay *L, size_t idx, const tx_text *t)
{
    *BR_PUSH(L->arena, L->probed, L->nprobed, L->probed_cap) =
        (lay_pnote){idx, 0, note_lines(t), t};
    L->probe_h = area_h(L, L->probed, L->nprobed) - L->note_h;
}

void br_lay_probe_add(lay *L, const int *notes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t idx = L->notes[notes[i]].same;
        lay_note *nt = &L->notes[idx];
        if (nt->placed || nt->stamp == L->stamp)
            continue;
        nt->stamp = L->stamp;
        probe_note(L, idx, note_text(L, idx));
    }
}

static bool on_this_page(const lay *L, size_t idx);

void br_lay_probe_add_again(lay *L, const int *notes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t idx = L->notes[notes[i]].same;
        lay_note *nt = &L->notes[idx];
        if (nt->stamp == L->stamp || (nt->placed && on_this_page(L, idx)))
            continue;
        if (!nt->placed) {
            br_lay_probe_add(L, (const int[]){(int)idx}, 1);
            continue;
        }
        nt->stamp = L->stamp;
        probe_note(L, idx, note_text(L, idx));
    }
}

double br_lay_probe_extra(const lay *L)
{
    return L->probe_h > 0 ? L->probe_h : 0;
}

bool br_lay_fits(const lay *L, double h, double extra)
{
    return L->y + h + L->note_h + extra <= L->bottom + LAY_EPS;
}

double br_lay_room(const lay *L)
{
    return L->bottom - L->note_h - L->y;
}

/* Adds up to n lines of a note from line0 to the page, as many as its
 * footnote area can grow by room pt to hold (at least one if asked);
 * returns how many. */
static size_t add_lines(lay *L, size_t idx, const tx_text *t, size_t line0, size_t n, double room,
                        bool at_least_one)
{
    size_t lo = 0, hi = n;  /* the most that fit: lo */
    while (lo < hi) {
        size_t mid = hi - (hi - lo) / 2;
        lay_pnote p = {idx, line0, mid, t};
        if (area_h(L, &p, 1) - L->note_h <= room + LAY_EPS)
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t k = lo == 0 && at_least_one && n > 0 ? 1 : lo;
    if (k) {
        lay_pnote *p = BR_PUSH(L->arena, L->pnotes, L->npnotes, L->pnotes_cap);
        *p = (lay_pnote){idx, line0, k, t, L->note_owner};
        L->note_h = area_h(L, NULL, 0);
    }
    return k;
}

/* Note idx, on the page already, is cited again: by other text than the
 * table it went under, it is no longer that table's alone. */
static void cited_again(lay *L, size_t idx)
{
    for (size_t i = 0; i < L->npnotes; i++)
        if (L->pnotes[i].note == idx && L->pnotes[i].owner != L->note_owner)
            L->pnotes[i].owner = NULL;
}

void br_lay_notes_commit(lay *L, const int *notes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t idx = L->notes[notes[i]].same;
        if (L->notes[idx].placed) {
            cited_again(L, idx);
            continue;
        }
        L->notes[idx].placed = true;
        const tx_text *t = note_text(L, idx);
        size_t nl = note_lines(t);
        size_t k = add_lines(L, idx, t, 0, nl, L->bottom - L->y - L->note_h, false);
        if (k < nl) {
            lay_pnote *c = BR_PUSH(L->arena, L->carry, L->ncarry, L->carry_cap);
            *c = (lay_pnote){idx, k, nl - k, t, NULL};
        }
        /* A footnote citing another brings it along (placed stops a loop). */
        if (t->nlines)
            br_lay_notes_commit(L, t->notes, t->lines[t->nlines - 1].note0 + t->lines[t->nlines - 1].nnotes);
    }
}

static bool on_this_page(const lay *L, size_t idx)
{
    if (L->notes[idx].under_page == L->cur + 1)
        return true;    /* under a table higher up the page */
    for (size_t i = 0; i < L->npnotes; i++)
        if (L->pnotes[i].note == idx)
            return true;
    return false;
}

void br_lay_notes_commit_again(lay *L, const int *notes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t idx = L->notes[notes[i]].same;
        if (!L->notes[idx].placed) {
            br_lay_notes_commit(L, (const int[]){(int)idx}, 1);
            continue;
        }
        if (on_this_page(L, idx)) {
            cited_again(L, idx);
            continue;
        }
        const tx_text *t = note_text(L, idx);
        add_lines(L, idx, t, 0, note_lines(t), L->bottom - L->y - L->note_h, false);
    }
}

void br_lay_notes_carry_in(lay *L)
{
    /* Carried lines take at most half the page, so the flow always moves. */
    double limit = (L->bottom - L->top) / 2;
    size_t kept = 0;
    for (size_t i = 0; i < L->ncarry; i++) {
        lay_pnote c = L->carry[i];
        size_t k = kept ? 0 : add_lines(L, c.note, c.text, c.line0, c.nlines, limit - L->note_h,
                                        L->npnotes == 0);
        if (k < c.nlines)
            L->carry[kept++] = (lay_pnote){c.note, c.line0 + k, c.nlines - k, c.text};
    }
    L->ncarry = kept;
}

static void sort_pnotes(lay *L)
{
    for (size_t i = 1; i < L->npnotes; i++) {
        lay_pnote cur = L->pnotes[i];
        int num = L->notes[cur.note].number;
        size_t j = i;
        while (j > 0 && (L->notes[L->pnotes[j - 1].note].number > num))
            j--, L->pnotes[j + 1] = L->pnotes[j];
        L->pnotes[j] = cur;
    }
}

/* Draws the notes ps[0..n), in number order, in the page's columns from
 * y down. */
static void draw_notes(lay *L, lay_pnote *const *ps, size_t n, double y)
{
    double pitch;
    size_t ncols = note_columns(L, &pitch), col = 0, used = 0;
    size_t *lines = br_arena_calloc(L->work, n + 1, sizeof *lines);
    for (size_t i = 0; i < n; i++)
        lines[i] = ps[i]->nlines;
    size_t h = packed_height(lines, n, ncols);
    /* A page may end inside a paragraph, a table row or a repeated header:
     * the footnotes are content of their own, after that of the page. */
    uint32_t elem = L->elem;
    bool artifact = L->artifact, figure = L->figure, repeating = L->repeating;
    L->artifact = L->figure = false;
    for (size_t i = 0; i < n; i++) {
        const lay_pnote *p = ps[i];
        lay_note *nt = &L->notes[p->note];
        const tx_text *t = p->text;
        double base = br_lay_tx_baseline(L, &t->st);
        /* A note printed again (a repeated table header's note, at the
         * foot of each page the table crosses) was read where it first
         * printed: like the header rows it comes with, it is an artifact,
         * and the structure keeps one Note, one ID, per footnote. */
        if (p->line0 == 0)
            nt->reprint = nt->elem != 0;
        L->artifact = L->repeating = nt->reprint;   /* printed on an earlier page */
        /* whole in the next column when it fits there (as packs() sets it) */
        if (ncols > 1 && used > 0 && used + p->nlines > h && p->nlines <= h) {
            col++;
            used = 0;
        }
        for (size_t k = 0; k < p->nlines; k++, used++) {
            if (ncols > 1 && used == h) {
                col++;
                used = 0;
            }
            double x = L->pleft + (double)col * pitch, ly = y + (double)used * t->st.leading;
            if (p->line0 + k == 0) {
                if (!nt->reprint) {
                    nt->elem = br_lay_elem_new(L, BR_ROLE_NOTE, 0);
                    L->pages->elems[nt->elem].note = nt->number;
                    br_lay_elem_enter(L, br_lay_elem_new(L, BR_ROLE_LBL, nt->elem));
                }
                const char *num = br_arena_printf(L->arena, "%d", nt->number);
                br_lay_emit_text(L, x, ly + base, num, strlen(num), t->st.face, t->st.size,
                          t->st.color);
            }
            if (!nt->reprint)
                br_lay_elem_enter(L, nt->elem);
            br_lay_tx_draw_line(L, t, p->line0 + k, x + L->note_indent, ly + base);
        }
    }
    L->elem = elem;
    L->artifact = artifact;
    L->figure = figure;
    L->repeating = repeating;
}

void br_lay_notes_draw(lay *L)
{
    if (!L->npnotes)
        return;
    sort_pnotes(L);
    const br_style *s = L->style;
    double y = L->bottom - L->note_h;
    double rule = (L->pright - L->pleft) / 3;
    br_lay_emit_line(L, L->pleft, y + L->note_sep * 0.4, L->pleft + rule, y + L->note_sep * 0.4,
              s->footnote_rule_width, s->rule_color);
    lay_pnote **ps = br_arena_calloc(L->work, L->npnotes + 1, sizeof *ps);
    for (size_t i = 0; i < L->npnotes; i++)
        ps[i] = &L->pnotes[i];
    draw_notes(L, ps, L->npnotes, y + L->note_sep);
}

void br_lay_notes_owner(lay *L, const void *table)
{
    L->note_owner = table;
}

/* A table's notes read best under it, as the papers print them: the
 * notes that only the table cites on this page (whole here: none
 * carried on), drawn where its last row on the page ends, a line's space
 * below it, and taken out of the page's footnote area, when they fit
 * there; else they stay at the foot.  Only at the full width: a table in
 * a column of several leaves its notes across the page's foot. */
void br_lay_notes_under(lay *L, const void *table)
{
    L->note_owner = NULL;
    if (!table || !L->npnotes || L->left != L->pleft || L->right != L->pright)
        return;
    sort_pnotes(L);
    lay_pnote **mine = br_arena_calloc(L->work, L->npnotes + 1, sizeof *mine);
    lay_pnote *rest = br_arena_calloc(L->work, L->npnotes + 1, sizeof *rest);
    size_t nmine = 0, nrest = 0;
    for (size_t i = 0; i < L->npnotes; i++) {
        lay_pnote *p = &L->pnotes[i];
        if (p->owner == table && p->line0 == 0 && p->nlines == note_lines(p->text))
            mine[nmine++] = p;
        else
            rest[nrest++] = *p;
    }
    if (!nmine)
        return;
    double pitch, leading = note_style(L).leading;
    size_t *lines = br_arena_calloc(L->work, nmine + 1, sizeof *lines);
    for (size_t i = 0; i < nmine; i++)
        lines[i] = mine[i]->nlines;
    double under = L->note_sep + (double)packed_height(lines, nmine, note_columns(L, &pitch)) * leading;
    size_t all = L->npnotes;
    L->npnotes = 0;     /* the foot's area with the rest alone */
    double foot = area_h(L, rest, nrest);
    L->npnotes = all;
    if (L->y + under + foot > L->bottom + LAY_EPS)
        return;
    draw_notes(L, mine, nmine, L->y + L->note_sep);
    for (size_t i = 0; i < nmine; i++)
        L->notes[mine[i]->note].under_page = L->cur + 1;
    L->y += under;
    memcpy(L->pnotes, rest, nrest * sizeof *rest);
    L->npnotes = nrest;
    L->note_h = foot;
}
