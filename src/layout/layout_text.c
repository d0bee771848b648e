/* layout_text.c — rich text into measured atoms, atoms into lines.
 *
 * A text is prepared once: every run is cut into atoms at spaces and after
 * hyphens, dashes and slashes, each measured with the font of its face and
 * checked for glyphs the font lacks.  Breaking at a width is then one greedy
 * pass (first fit, as a word processor does); a word wider than the line is
 * cut between characters, never inside a UTF-8 sequence, so nothing is ever
 * clipped or lost.
 */
#include "layout_int.h"

#include "br_unicode.h"

#include <ctype.h>

#include <string.h>

br_face br_lay_tx_face(br_face run, br_face style)
{
    /* BOLD = 1 and ITALIC = 2: the faces are bit sets. */
    return (br_face)((unsigned)run | (unsigned)style);
}

tx_style br_lay_tx_style_of(const br_text_style *ts, double size)
{
    tx_style st = {ts->size, ts->leading, ts->face, ts->color};
    if (size > 0 && ts->size > 0) {
        st.leading = ts->leading * size / ts->size;
        st.size = size;
    }
    return st;
}

#define CAPTION_SCALE 0.9    /* a caption's size / the smaller of heading 3 and body */

tx_style br_lay_caption_style(const lay *L)
{
    const br_text_style *h3 = &L->style->heading[2], *body = &L->style->body;
    double size = (h3->size < body->size ? h3->size : body->size) * CAPTION_SCALE;
    tx_style st = br_lay_tx_style_of(h3, size);
    st.face = br_lay_tx_face(st.face, BR_FACE_BOLD);
    return st;
}

double br_lay_tx_width(const lay *L, const char *s, size_t len, br_face face, double size)
{
    return (double)br_font_text_width(L->fonts->face[face], s, len) * size / 1000.0;
}

double br_lay_tx_baseline(const lay *L, const tx_style *st)
{
    double asc = L->ascent * st->size / 1000.0;
    double desc = -L->descent * st->size / 1000.0;
    return (st->leading - asc - desc) / 2 + asc;
}

static double atom_size(const tx_style *st, const tx_atom *a)
{
    return a->flags & TX_SUPER ? st->size * SUP_SCALE : st->size;
}

/* ---- preparing ---- */

static void warn_glyph(lay *L, br_face face, uint32_t cp, br_loc loc)
{
    br_font_warn_glyph(L->fonts->face[face], cp, loc, L->warned, L->diags);
}

static tx_atom *new_atom(lay *L, const char *text, br_face face, uint32_t color, uint8_t flags)
{
    tx_atom *a = BR_PUSH(L->arena, L->s_atoms, L->s_natoms, L->s_atoms_cap);
    a->text = text;
    a->face = (uint8_t)face;
    a->color = color;
    a->flags = flags;
    a->note = -1;
    return a;
}

static bool breaks_after(uint32_t cp)
{
    return cp == '-' || cp == '/' || cp == 0x2013 || cp == 0x2014;
}

static bool is_glue(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

void br_lay_tx_check_glyphs(lay *L, const char *s, size_t len, br_face face, br_loc loc)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += br_utf8_decode(s + i, len - i, &cp);
        warn_glyph(L, face, cp, loc);
    }
}

/* The bullet a cell's bullet line is set with. */
#define CELL_BULLET "\xE2\x80\xA2"

/* Bytes of a bullet written at s (a hyphen or a bullet, then spaces, then
 * more text), 0 when there is none. */
static size_t written_bullet(const char *s, size_t n)
{
    size_t k = n >= 1 && s[0] == '-' ? 1 : n >= 3 && memcmp(s, CELL_BULLET, 3) == 0 ? 3 : 0;
    if (k == 0 || k >= n || s[k] != ' ')
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    return k < n && s[k] != '\n' ? k : 0;
}

/* A bullet opening a line: the bullet, kept with the word after it. */
static void add_bullet(lay *L, br_face face, uint32_t color, const tx_style *st)
{
    tx_atom *a = new_atom(L, CELL_BULLET, face, color, TX_BULLET | TX_KEEP);
    a->len = 3;
    a->w = br_lay_tx_width(L, CELL_BULLET, 3, face, st->size);
    a->glen = 1;
    a->gw = br_lay_tx_width(L, " ", 1, face, st->size);
}

/* Whether the next atom starts a line: the text's first, or after a
 * forced break. */
static bool at_line_start(const lay *L)
{
    return L->s_natoms == 0 || (L->s_atoms[L->s_natoms - 1].flags & TX_NEWLINE);
}

/* Cuts one run (or the plain text s) into atoms; with bullets (a table
 * cell's text), a line written "- item" opens with a bullet atom.  Text
 * with combining marks is set in NFC where the font has the composites
 * (br_font_nfc), and a mark left over advances by nothing, as the painter
 * draws it. */
static void atomize(lay *L, const char *s, size_t n, br_face face, uint32_t color, bool super,
                    const tx_style *st, br_loc loc, bool bullets)
{
    const br_font *f = L->fonts->face[face];
    if (br_uni_has_mark(s, n)) {
        char *nfc = br_arena_alloc(L->arena, BR_UNI_NFC_ROOM(n));
        n = br_font_nfc(f, s, n, nfc);
        s = nfc;
    }
    double scale = (super ? st->size * SUP_SCALE : st->size) / 1000.0;
    uint8_t base = (uint8_t)(TX_PLAIN_GLUE | (super ? TX_SUPER : 0));
    tx_atom *a = NULL;
    size_t i = 0, bullet;
    while (i < n) {
        char c = s[i];
        if (bullets && !a && at_line_start(L) && (bullet = written_bullet(s + i, n - i)) > 0) {
            add_bullet(L, face, color, st);
            i += bullet;
        } else if (c == '\n') {
            new_atom(L, s + i, face, color, TX_NEWLINE);
            a = NULL;
            i++;
        } else if (is_glue(c)) {
            if (!a)
                a = new_atom(L, s + i, face, color, base);
            a->glen++;
            a->gw += br_font_advance(f, ' ') * scale;
            if (c != ' ')
                a->flags &= (uint8_t)~TX_PLAIN_GLUE;
            i++;
        } else {
            if (!a || a->glen || (a->flags & TX_BREAK_AFTER))
                a = new_atom(L, s + i, face, color, base);
            uint32_t cp;
            size_t k = br_utf8_decode(s + i, n - i, &cp);
            warn_glyph(L, face, cp, loc);
            a->w += (br_uni_ccc(cp) ? 0 : br_font_advance(f, cp)) * scale;
            /* "2011/12", "31/07/12", "10-17" are one figure: no break. */
            bool in_figure = i > 0 && i + k < n && isdigit((unsigned char)s[i - 1]) &&
                             isdigit((unsigned char)s[i + k]);
            if (breaks_after(cp) && a->len > 0 && !in_figure)
                a->flags |= TX_BREAK_AFTER;
            a->len += (uint32_t)k;
            i += k;
        }
    }
}

/* n in the font's superscript digits (¹²³⁴…), after a comma when it
 * follows another reference; NULL when the font lacks one of them (most
 * fonts have no superscript zero). */
static const char *superscript_number(lay *L, int n, bool comma, br_face face)
{
    static const uint32_t sup[10] = {0x2070, 0xB9, 0xB2, 0xB3, 0x2074, 0x2075,
                                     0x2076, 0x2077, 0x2078, 0x2079};
    char digits[16];
    int nd = snprintf(digits, sizeof digits, "%d", n);
    char *out = br_arena_alloc(L->arena, (size_t)nd * 3 + 2), *o = out;
    if (comma)
        *o++ = ',';
    for (int i = 0; i < nd; i++) {
        uint32_t cp = sup[digits[i] - '0'];
        if (!br_font_has_glyph(L->fonts->face[face], cp))
            return NULL;
        o += br_utf8_encode(cp, o);
    }
    *o = '\0';
    return out;
}

/* A footnote reference: its number as a superscript, after a comma when it
 * follows another reference. */
static void add_reference(lay *L, const br_run *r, const tx_style *st, br_face face,
                          uint32_t color)
{
    int idx = br_lay_notes_find(L, r->footnote);
    if (idx < 0 || L->notes[idx].number == 0) {
        /* Unknown key (warned about when numbering): print it as written. */
        const char *t = r->len ? r->text : br_arena_printf(L->arena, "[^%s]", r->footnote);
        atomize(L, t, r->len ? r->len : strlen(t), face, color, false, st, r->loc, false);
        return;
    }
    /* One rule for every marker: it follows its word with no space, written
     * or joined ("85% [^x]", a value and its note) or not ("85.5%[^x]"),
     * and a marker after another follows it after a comma ("2,3"). */
    tx_atom *prev = L->s_natoms ? &L->s_atoms[L->s_natoms - 1] : NULL;
    if (prev && prev->glen > 0 && !(prev->flags & TX_NEWLINE))
        prev->glen = 0, prev->gw = 0;
    if (prev && prev->len == 0 && prev->glen == 0 && !(prev->flags & TX_NEWLINE)) {
        L->s_natoms--;      /* an atom that was only that space */
        prev = L->s_natoms ? &L->s_atoms[L->s_natoms - 1] : NULL;
    }
    bool comma = prev && prev->note >= 0;
    const char *sup = superscript_number(L, L->notes[idx].number, comma, face);
    if (sup) {
        /* The font's own superscript digits: copied or searched, "17³"
         * stays 17 and 3, where raised small digits would read 173. */
        tx_atom *a = new_atom(L, sup, face, color, TX_PLAIN_GLUE);
        a->len = (uint32_t)strlen(sup);
        a->w = br_lay_tx_width(L, sup, a->len, face, st->size);
        a->note = idx;
        return;
    }
    /* Raised small digits sit as tight as the glyphs do ('£1.285m.¹⁰' beside
     * '£6.687m.¹²'): a thin space set 10 and over apart from 1 to 9. */
    const char *t = br_arena_printf(L->arena, comma ? ",%d" : "%d", L->notes[idx].number);
    tx_atom *a = new_atom(L, t, face, color, TX_SUPER | TX_PLAIN_GLUE);
    a->len = (uint32_t)strlen(t);
    a->w = br_lay_tx_width(L, t, a->len, face, st->size * SUP_SCALE);
    a->note = idx;
}

static bool can_break_after(const tx_atom *a)
{
    return (a->glen && !(a->flags & TX_KEEP)) || (a->flags & TX_BREAK_AFTER);
}

/* Whether the atom is a unit written after a figure, with or without a
 * full stop or other closing punctuation: "m", "m.", "months;", "bn", "k",
 * "%", "pts", "FTE", a time ("140 days", "12 months", "26 weeks") (not a
 * word of the sentence: "38 to 64" may break). */
static bool unit_word(const tx_atom *a)
{
    static const char *const units[] = {
        "m",    "bn",     "k",       "p",    "%",     "pt",   "pts",   "FTE",
        "hrs",  "mins",   "kg",      "km",   "mm",    "cm",   "day",   "days",
        "week", "weeks",  "wks",     "month", "months", "mths", "year", "years",
        "yrs",  "hour",   "hours",   "minute", "minutes"};
    size_t n = a->len;
    if (n > 0 && strchr(".,;:)", a->text[n - 1]))
        n--;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i]) == n && memcmp(units[i], a->text, n) == 0)
            return true;
    return false;
}

/* A figure and the unit after it stay on one line: the space between
 * them does not break ("£86.190 m.", "12 %"). */
static void keep_units(tx_prep *p)
{
    for (size_t i = 0; i + 1 < p->natoms; i++) {
        tx_atom *a = &p->atoms[i];
        if (a->glen && a->len && isdigit((unsigned char)a->text[a->len - 1]) &&
            !(p->atoms[i + 1].flags & (TX_NEWLINE | TX_SUPER)) && unit_word(&p->atoms[i + 1]))
            a->flags |= TX_KEEP;
    }
}

/* Whether the atom is a year as a period label writes it: "2018/19",
 * "2019" (four digits, optionally a slash and two more). */
static bool year_word(const tx_atom *a)
{
    const char *t = a->text;
    size_t n = a->len;
    if (n != 4 && n != 7)
        return false;
    for (size_t i = 0; i < n; i++)
        if (i == 4 ? t[i] != '/' : !isdigit((unsigned char)t[i]))
            return false;
    return true;
}

/* Whether the atom is a quarter or half after its year ("Q4", "Q4)",
 * "H1,"), closing punctuation aside. */
static bool part_of_year(const tx_atom *a)
{
    size_t n = a->len;
    while (n > 2 && strchr(".,;:)", a->text[n - 1]))
        n--;
    return n == 2 && (a->text[0] == 'Q' || a->text[0] == 'H') && isdigit((unsigned char)a->text[1]);
}

/* A period label stays on one line: the space inside "2018/19 Q4" (a
 * year and its quarter) and "Quarter 2" does not break. */
static void keep_periods(tx_prep *p)
{
    for (size_t i = 0; i + 1 < p->natoms; i++) {
        tx_atom *a = &p->atoms[i];
        const tx_atom *b = &p->atoms[i + 1];
        if (!a->glen || (b->flags & (TX_NEWLINE | TX_SUPER)))
            continue;
        bool quarter = a->len == 7 && memcmp(a->text, "Quarter", 7) == 0 && b->len >= 1 &&
                       isdigit((unsigned char)b->text[0]);
        if ((year_word(a) && part_of_year(b)) || quarter)
            a->flags |= TX_KEEP;
    }
}

/* Widest unbreakable unit and widest forced line of the atoms. */
static void measure(tx_prep *p)
{
    double unit = 0, line = 0, glue = 0;
    for (size_t i = 0; i < p->natoms; i++) {
        const tx_atom *a = &p->atoms[i];
        if (a->flags & TX_NEWLINE) {
            p->multiline = true;
            line = glue = unit = 0;
            continue;
        }
        unit += a->w + (a->flags & TX_KEEP ? a->gw : 0);
        line += glue + a->w;
        glue = a->gw;
        if (unit > p->min_w)
            p->min_w = unit;
        if (!(a->flags & TX_HANG) && unit > p->lead_min_w)
            p->lead_min_w = unit;
        if (line > p->pref_w)
            p->pref_w = line;
        if (a->glen && i + 1 < p->natoms)
            p->has_glue = true;
        if (can_break_after(a))
            unit = 0;
        if (a->note >= 0)
            p->has_notes = true;
    }
}

static void finish_prep(lay *L, tx_prep *p)
{
    p->natoms = L->s_natoms;
    p->atoms = br_arena_calloc(L->work, p->natoms ? p->natoms : 1, sizeof *p->atoms);
    if (p->natoms)
        memcpy(p->atoms, L->s_atoms, p->natoms * sizeof *p->atoms);
    keep_units(p);
    keep_periods(p);
    measure(p);
}

static void prepare(lay *L, tx_prep *p, const br_rich *rich, const tx_style *st, bool bullets)
{
    memset(p, 0, sizeof *p);
    p->st = *st;
    L->s_natoms = 0;
    for (size_t i = 0; i < rich->nruns; i++) {
        const br_run *r = &rich->runs[i];
        br_face face = br_lay_tx_face(r->face, st->face);
        uint32_t color = r->has_color ? r->color : st->color;
        size_t from = L->s_natoms;
        if (r->footnote)
            add_reference(L, r, st, face, color);
        else if (r->text)
            atomize(L, r->text, r->len, face, color, r->superscript, st, r->loc, bullets);
        for (size_t k = from; r->hangs && k < L->s_natoms; k++)
            L->s_atoms[k].flags |= TX_HANG;
    }
    finish_prep(L, p);
}

void br_lay_tx_prepare(lay *L, tx_prep *p, const br_rich *rich, const tx_style *st)
{
    prepare(L, p, rich, st, false);
}

void br_lay_tx_prepare_cell(lay *L, tx_prep *p, const br_rich *rich, const tx_style *st)
{
    prepare(L, p, rich, st, true);
}

void br_lay_tx_prepare_plain(lay *L, tx_prep *p, const char *s, size_t len, const tx_style *st,
                      br_loc loc)
{
    memset(p, 0, sizeof *p);
    p->st = *st;
    L->s_natoms = 0;
    if (s)
        atomize(L, s, len, st->face, st->color, false, st, loc, false);
    finish_prep(L, p);
}

double br_lay_tx_decimal_left(lay *L, const tx_prep *p, bool *numeric)
{
    /* The point: the first '.' before a digit; else just after the last
     * digit (100% lines up with 7.09%); else the end of the text. */
    double x = 0, last_digit = -1;
    *numeric = false;
    for (size_t i = 0; i < p->natoms; i++) {
        const tx_atom *a = &p->atoms[i];
        double size = atom_size(&p->st, a);
        for (uint32_t k = 0; k < a->len && !(a->flags & TX_SUPER); k++) {
            char c = a->text[k];
            if (c == '.' && k + 1 < a->len && a->text[k + 1] >= '0' && a->text[k + 1] <= '9') {
                *numeric = true;
                return x + br_lay_tx_width(L, a->text, k, a->face, size);
            }
            if (c >= '0' && c <= '9')
                last_digit = x + br_lay_tx_width(L, a->text, k + 1, a->face, size);
        }
        x += a->w + a->gw;
    }
    *numeric = last_digit >= 0;
    return last_digit >= 0 ? last_digit : p->pref_w;
}

/* ---- breaking ---- */

typedef struct breaker {
    lay *L;
    const tx_prep *p;
    double width;
    double x;               /* end of the last piece on the line */
    double glue;            /* glue pending after it */
    bool empty;             /* nothing on the line yet */
    const char *join;       /* where a piece must start to extend the last item */
    double hang;            /* where a wrapped line starts: after a bullet, else 0 */
} breaker;

static void open_line(breaker *b)
{
    lay *L = b->L;
    tx_line *ln = BR_PUSH(L->arena, L->s_lines, L->s_nlines, L->s_lines_cap);
    ln->frag0 = (uint32_t)L->s_nfrags;
    ln->note0 = (uint32_t)L->s_nnotes;
    b->x = b->hang;
    b->glue = 0;
    b->empty = true;
    b->join = NULL;
}

static void close_line(breaker *b)
{
    lay *L = b->L;
    tx_line *ln = &L->s_lines[L->s_nlines - 1];
    ln->nfrags = (uint32_t)L->s_nfrags - ln->frag0;
    ln->nnotes = (uint32_t)L->s_nnotes - ln->note0;
    ln->width = b->x;
}

/* Puts len bytes of atom a (starting at text), w pt wide, at the line's end. */
static void put(breaker *b, const tx_atom *a, const char *text, size_t len, double w, bool whole)
{
    lay *L = b->L;
    if (!b->empty)
        b->x += b->glue;
    b->glue = 0;
    if (a->note >= 0 && text == a->text)
        *(int *)BR_PUSH(L->arena, L->s_notes, L->s_nnotes, L->s_notes_cap) = a->note;
    if (len == 0)
        return;
    tx_line *ln = &L->s_lines[L->s_nlines - 1];
    tx_frag *last = L->s_nfrags > ln->frag0 ? &L->s_frags[L->s_nfrags - 1] : NULL;
    if (last && text == b->join && last->face == a->face && last->color == a->color &&
        last->super == !!(a->flags & TX_SUPER) && last->note < 0 && a->note < 0) {
        last->len = (uint32_t)(text + len - last->text);
    } else {
        tx_frag *f = BR_PUSH(L->arena, L->s_frags, L->s_nfrags, L->s_frags_cap);
        f->text = text;
        f->len = (uint32_t)len;
        f->face = a->face;
        f->super = a->flags & TX_SUPER;
        f->note = text == a->text ? a->note : -1;
        f->color = a->color;
        f->x = b->x;
    }
    b->x += w;
    b->empty = false;
    b->join = whole && (a->flags & TX_PLAIN_GLUE) ? a->text + a->len + a->glen : NULL;
}

/* A word wider than the line: as many characters per line as fit, at least
 * one (with the marks on it), so that nothing is clipped. */
static void put_split(breaker *b, const tx_atom *a)
{
    const br_font *f = b->L->fonts->face[a->face];
    double scale = atom_size(&b->p->st, a) / 1000.0;
    size_t pos = 0;
    if (a->len == 0)
        put(b, a, a->text, 0, 0, true);
    while (pos < a->len) {
        size_t start = pos;
        double w = 0;
        while (pos < a->len) {
            size_t k = br_uni_cluster(a->text + pos, a->len - pos);
            double cw = (double)br_font_text_width(f, a->text + pos, k) * scale;
            bool has = !b->empty || pos > start;
            if (has && b->x + (b->empty ? 0 : b->glue) + w + cw > b->width + LAY_EPS)
                break;
            w += cw;
            pos += k;
        }
        if (pos > start)
            put(b, a, a->text + start, pos - start, w, pos == a->len);
        if (pos < a->len) {
            close_line(b);
            open_line(b);
        }
    }
    b->glue = a->gw;
}

/* Places atoms [i, j] (one unbreakable unit) on the current or a new line. */
static void put_unit(breaker *b, size_t i, size_t j)
{
    const tx_atom *atoms = b->p->atoms;
    double uw = 0;
    for (size_t k = i; k <= j; k++)
        uw += atoms[k].w + (k < j ? atoms[k].gw : 0);
    if (!b->empty && b->x + b->glue + uw > b->width + LAY_EPS) {
        close_line(b);
        open_line(b);
    }
    if (uw > b->width + LAY_EPS) {
        for (size_t k = i; k <= j; k++)
            put_split(b, &atoms[k]);
        return;
    }
    for (size_t k = i; k <= j; k++) {
        put(b, &atoms[k], atoms[k].text, atoms[k].len, atoms[k].w, true);
        b->glue = atoms[k].gw;  /* a kept space inside the unit */
    }
}

double br_lay_tx_two_line_width(const tx_prep *p)
{
    double total = 0, left = 0;
    for (size_t i = 0; i < p->natoms; i++)
        total += p->atoms[i].w + (i + 1 < p->natoms ? p->atoms[i].gw : 0);
    double best = total;
    for (size_t i = 0; i + 1 < p->natoms; i++) {
        const tx_atom *a = &p->atoms[i];
        left += a->w;
        if (can_break_after(a)) {
            double right = total - left - a->gw;
            double w = left > right ? left : right;
            if (w < best)
                best = w;
        }
        left += a->gw;
    }
    return best;
}

static void *copy_out(lay *L, const void *src, size_t n, size_t size)
{
    static max_align_t none;    /* shared by every empty array: never written */
    if (n == 0)
        return &none;
    void *d = br_arena_calloc(L->work, n, size);
    memcpy(d, src, n * size);
    return d;
}

/* Breaks p at width into the scratch lines; returns how many. */
static size_t break_lines(lay *L, const tx_prep *p, double width)
{
    breaker b = {L, p, width, 0, 0, true, NULL, 0};
    L->s_nlines = L->s_nfrags = L->s_nnotes = 0;
    /* Forced breaks after the last visible piece are ignored: a YAML block
     * scalar's final newline must not add an empty line. */
    size_t end = p->natoms;
    while (end > 0 && (p->atoms[end - 1].len == 0 || (p->atoms[end - 1].flags & TX_NEWLINE)))
        end--;
    open_line(&b);
    for (size_t i = 0; i < end;) {
        if (p->atoms[i].flags & TX_NEWLINE) {
            close_line(&b);
            b.hang = 0;
            open_line(&b);
            i++;
            continue;
        }
        /* a bullet's wrapped lines hang under its text, when that leaves
         * them room for a word */
        const tx_atom *bu = &p->atoms[i];
        if ((bu->flags & TX_BULLET) && b.empty && bu->w + bu->gw < width / 2)
            b.hang = bu->w + bu->gw;
        size_t j = i;
        while (j + 1 < end && !can_break_after(&p->atoms[j]) &&
               !(p->atoms[j + 1].flags & TX_NEWLINE))
            j++;
        put_unit(&b, i, j);
        i = j + 1;
    }
    close_line(&b);
    if (end == 0)
        L->s_nlines = 0;    /* an empty text has no lines */
    return L->s_nlines;
}

size_t br_lay_tx_count_lines(lay *L, const tx_prep *p, double width)
{
    return break_lines(L, p, width);
}

void br_lay_tx_break(lay *L, const tx_prep *p, double width, tx_text *t)
{
    break_lines(L, p, width);
    t->st = p->st;
    t->width = width;
    t->nlines = L->s_nlines;
    t->lines = copy_out(L, L->s_lines, L->s_nlines, sizeof *t->lines);
    t->frags = copy_out(L, L->s_frags, L->s_nfrags, sizeof *t->frags);
    t->notes = copy_out(L, L->s_notes, L->s_nnotes, sizeof *t->notes);
}

void br_lay_tx_draw_line(lay *L, const tx_text *t, size_t i, double x, double y)
{
    if (i >= t->nlines)
        return;
    const tx_line *ln = &t->lines[i];
    for (uint32_t k = 0; k < ln->nfrags; k++) {
        const tx_frag *f = &t->frags[ln->frag0 + k];
        double size = f->super ? t->st.size * SUP_SCALE : t->st.size;
        double rise = f->super ? t->st.size * SUP_RISE : 0;
        /* A footnote reference is an element of its own, naming the note. */
        uint32_t elem = L->elem;
        if (f->note >= 0 && !L->artifact && !L->repeating) {
            uint32_t ref = br_lay_elem_new(L, BR_ROLE_REFERENCE, elem);
            L->pages->elems[ref].note = L->notes[f->note].number;
            L->elem = ref;
        }
        br_lay_emit_text(L, x + f->x, y - rise, f->text, f->len, (br_face)f->face, size, f->color);
        L->elem = elem;
    }
}
