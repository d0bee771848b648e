/* words.c — the words and figures of a report that must reach its PDF.
 *
 * The oracle of the "nothing lost" test (tests/integration/nothing_lost.sh):
 *
 *   words [--where] PATH   the tokens of every scalar of the report that
 *                          prints, one per line (--where: "token<TAB>file:line:col")
 *   words --text [FILE]    the tokens of a text, e.g. pdftotext's output
 *   words --title PATH     the report's title, then "title: subtitle"
 *
 * Both sides go through the same tokeniser, so they are cut identically by
 * construction.  It reads the raw YAML tree (br_input_load), not the model:
 * what "prints" is decided here from the format (spec §2-§6, docs/format.md)
 * so that a builder or composer that drops something cannot hide it.  A
 * value prints only where a section shows it: a period column shows that
 * period's values, a measure no section selects prints nothing.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "br_input.h"
#include "br_unicode.h"

typedef struct words {
    br_input in;
    br_arena *a;
    FILE *out;
    bool where;
    const char *period;     /* report.period */
    const char **refs;      /* footnote keys referenced by printed text */
    size_t nrefs, refs_cap;
    const char **once;      /* things that print once however often shown */
    size_t nonce, once_cap;
} words;

/* ---- tokens ---- */

/* Punctuation and spaces beyond ASCII separate words, and so do superscript
 * digits (footnote marks, which the PDF sets right after a word); every other non-ASCII
 * character counts as a letter, so a symbol the PDF loses is noticed. */
static bool separator_cp(uint32_t cp)
{
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x2079) ||
           cp == 0xA0 || cp == 0xA3 || cp == 0xA9 || cp == 0xAB || cp == 0xAD || cp == 0xB7 ||
           cp == 0xBB || (cp >= 0x2000 && cp <= 0x200B) || (cp >= 0x2010 && cp <= 0x201F) ||
           cp == 0x2022 || cp == 0x2026 || cp == 0x202F || cp == 0x2212 ||
           (cp >= 0x2190 && cp <= 0x21FF) || cp == 0xFEFF;
}

/* One UTF-8 character; a malformed byte is taken alone (as a letter). */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if (len > n || s[0] < 0x80) {
        *cp = s[0] < 0x80 ? s[0] : 0xFFFD;
        return 1;
    }
    uint32_t v = s[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = v << 6 | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

enum { SEP, LETTER, DIGIT };

static int class_of(uint32_t cp)
{
    if (cp < 0x80)
        return isdigit((int)cp) ? DIGIT : isalpha((int)cp) ? LETTER : SEP;
    return separator_cp(cp) ? SEP : LETTER;
}

static void put_token(words *w, const char *tok, size_t n, br_loc loc)
{
    if (!n)
        return;
    fwrite(tok, 1, n, w->out);
    if (w->where)
        fprintf(w->out, "\t%s:%d:%d", loc.file ? loc.file : "?", loc.line, loc.col);
    fputc('\n', w->out);
}

/* Maximal runs of letters and of digits, ASCII letters lower-cased; a comma
 * between two digits is a thousands separator and joins them.  Text is
 * compared in NFC: the PDF sets "e" + U+0301 as "é" (docs/layout.md). */
static void tokenise(words *w, const char *text, size_t n, br_loc loc)
{
    char *nfc = malloc(BR_UNI_NFC_ROOM(n));
    n = br_uni_nfc(text, n, nfc, NULL, NULL);
    const unsigned char *s = (const unsigned char *)nfc;
    char *tok = malloc(n + 1);
    size_t len = 0;
    int cls = SEP;
    for (size_t i = 0; i < n;) {
        if (s[i] == ',' && cls == DIGIT && i + 1 < n && isdigit(s[i + 1])) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = decode(s + i, n - i, &cp);
        int c = class_of(cp);
        if (c != cls) {
            put_token(w, tok, len, loc);
            len = 0;
        }
        for (size_t j = 0; c != SEP && j < k; j++)
            tok[len++] = (char)(k == 1 ? tolower(s[i]) : s[i + j]);
        cls = c;
        i += k;
    }
    put_token(w, tok, len, loc);
    free(tok);
    free(nfc);
}

/* ---- scalars ---- */

static bool is_null(const br_node *n)
{
    return !n || n->kind != BR_NODE_SCALAR ||
           (n->plain && (n->len == 0 || strcmp(n->text, "~") == 0 ||
                         strcasecmp(n->text, "null") == 0));
}

static bool text_is(const br_node *n, const char *s)
{
    return n && n->kind == BR_NODE_SCALAR && strcmp(n->text, s) == 0;
}

static void add_ref(words *w, const char *key, size_t n)
{
    for (size_t i = 0; i < w->nrefs; i++)
        if (strlen(w->refs[i]) == n && strncmp(w->refs[i], key, n) == 0)
            return;
    *BR_PUSH(w->a, w->refs, w->nrefs, w->refs_cap) = br_arena_strndup(w->a, key, n);
}

/* True the first time it is called with this key. */
static bool first_time(words *w, const char *key)
{
    for (size_t i = 0; i < w->nonce; i++)
        if (strcmp(w->once[i], key) == 0)
            return false;
    *BR_PUSH(w->a, w->once, w->nonce, w->once_cap) = key;
    return true;
}

/* Text as a reader sees it: footnote references ([^key]) are taken out and
 * remembered, a backslash escape stands for its character; the emphasis
 * stars are separators anyway. */
static void emit_text(words *w, const br_node *n)
{
    if (is_null(n))
        return;
    char *plain = br_arena_alloc(w->a, n->len + 1);
    size_t k = 0;
    for (size_t i = 0; i < n->len; i++) {
        const char *s = n->text;
        if (s[i] == '\\' && i + 1 < n->len) {
            plain[k++] = s[++i];
            continue;
        }
        if (s[i] == '[' && i + 1 < n->len && s[i + 1] == '^') {
            size_t e = i + 2;
            while (e < n->len && !strchr("][\n ", s[e]))
                e++;
            if (e < n->len && s[e] == ']' && e > i + 2) {
                add_ref(w, s + i + 2, e - i - 2);
                plain[k++] = ' ';
                i = e;
                continue;
            }
        }
        plain[k++] = s[i];
    }
    tokenise(w, plain, k, n->loc);
}

/* A plain number as YAML writes it; *places gets its decimals. */
static bool yaml_number(const br_node *n, int *places, bool *exponent)
{
    if (is_null(n) || !n->plain)
        return false;
    const char *p = n->text + (n->text[0] == '+' || n->text[0] == '-');
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
        return false;
    p += strspn(p, "0123456789");
    *places = 0;
    if (*p == '.') {
        size_t d = strspn(p + 1, "0123456789");
        *places = (int)d;
        p += 1 + d;
    }
    *exponent = *p == 'e' || *p == 'E';
    if (*exponent) {
        p += 1 + (p[1] == '+' || p[1] == '-');
        if (!isdigit((unsigned char)*p))
            return false;
        p += strspn(p, "0123456789");
    }
    return *p == '\0';
}

/* The written figure rounded half away from zero to `places` decimals, on
 * its decimal digits (as a reader rounds it), sign dropped. */
static char *round_written(words *w, const char *s, int places)
{
    s += *s == '+' || *s == '-';
    const char *dot = strchr(s, '.');
    size_t whole = dot ? (size_t)(dot - s) : strlen(s);
    const char *frac = dot ? dot + 1 : "";
    size_t nfrac = strlen(frac);
    char *digits = br_arena_alloc(w->a, whole + (size_t)places + 2);
    digits[0] = '0';
    memcpy(digits + 1, s, whole);
    for (int i = 0; i < places; i++)
        digits[1 + whole + (size_t)i] = (size_t)i < nfrac ? frac[i] : '0';
    size_t n = 1 + whole + (size_t)places;
    if ((size_t)places < nfrac && frac[places] >= '5')
        for (size_t i = n - 1; i < n; i--) {
            if (digits[i] != '9') {
                digits[i]++;
                break;
            }
            digits[i] = '0';
        }
    size_t int_end = n - (size_t)places, lead = 0;
    while (lead + 1 < int_end && digits[lead] == '0')
        lead++;     /* the carry digit, and zeros written before the figure */
    return br_arena_printf(w->a, "%.*s%s%.*s", (int)(int_end - lead), digits + lead,
                           places ? "." : "", places, digits + int_end);
}

/* A value, target or amount: a number prints rounded to `decimals` (or as
 * written when negative), a string as written. */
static void emit_number(words *w, const br_node *n, int decimals)
{
    int places;
    bool exponent;
    if (!yaml_number(n, &places, &exponent)) {
        emit_text(w, n);
        return;
    }
    const char *s = n->text;
    if (exponent)
        s = br_arena_printf(w->a, "%.*f", decimals >= 0 ? decimals : places, strtod(n->text, NULL));
    else if (decimals >= 0)
        s = round_written(w, s, decimals);
    tokenise(w, s, strlen(s), n->loc);
}

/* A scalar or a list of scalars (text: may be either). */
static void emit_texts(words *w, const br_node *n)
{
    if (n && n->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < n->nitems; i++)
            emit_text(w, n->items[i]);
        return;
    }
    emit_text(w, n);
}

/* ---- the report's lists ---- */

typedef void (*item_fn)(words *w, const br_node *item, void *arg);

/* Calls fn on each item of the list `key` of every file, in order. */
static void each_item(words *w, const char *key, item_fn fn, void *arg)
{
    for (size_t r = 0; r < w->in.nroots; r++) {
        const br_node *list = br_map_get(w->in.roots[r], key);
        if (list && list->kind == BR_NODE_SEQ)
            for (size_t i = 0; i < list->nitems; i++)
                if (list->items[i]->kind == BR_NODE_MAP)
                    fn(w, list->items[i], arg);
    }
}

/* The value of key in the mapping `key` of any file (footnotes, people). */
static const br_node *keyed(words *w, const char *map, const char *key)
{
    for (size_t r = 0; r < w->in.nroots; r++) {
        const br_node *m = br_map_get(w->in.roots[r], map);
        const br_node *v = m && m->kind == BR_NODE_MAP ? br_map_get(m, key) : NULL;
        if (v)
            return v;
    }
    return NULL;
}

static bool same(const br_node *want, const br_node *have)
{
    return is_null(want) || (!is_null(have) && strcmp(want->text, have->text) == 0);
}

static bool has_id(const br_node *ids, const br_node *id)
{
    if (!ids || ids->kind == BR_NODE_MAP)
        return true;
    if (ids->kind == BR_NODE_SCALAR)
        return same(ids, id) && !is_null(id);
    for (size_t i = 0; i < ids->nitems; i++)
        if (!is_null(id) && text_is(ids->items[i], id->text))
            return true;
    return ids->nitems == 0;
}

/* A section's selection (objective, group, kind, ids) or, for an objective
 * section, the items of that objective. */
static bool selects(const br_node *sec, const br_node *item, bool is_measure)
{
    if (text_is(br_map_get(sec, "type"), "objective"))
        return same(br_map_get(sec, "id"), br_map_get(item, "objective")) &&
               !is_null(br_map_get(item, "objective"));
    return same(br_map_get(sec, "objective"), br_map_get(item, "objective")) &&
           same(br_map_get(sec, "group"), br_map_get(item, "group")) &&
           (!is_measure || same(br_map_get(sec, "kind"), br_map_get(item, "kind"))) &&
           has_id(br_map_get(sec, "ids"), br_map_get(item, "id"));
}

/* ---- measures ---- */

typedef struct table_ctx {
    const br_node *sec;
    const br_node *columns;     /* NULL: the default columns */
    const char *const *defaults;
    const char *group_by;
    size_t shown;
    const char *last;           /* the group of the row before */
} table_ctx;

static const char *column_name(const br_node *col)
{
    const br_node *n = col->kind == BR_NODE_MAP ? br_map_get(col, "column") : col;
    return n && n->kind == BR_NODE_SCALAR ? n->text : "";
}

static int measure_decimals(const br_node *m)
{
    const br_node *d = br_map_get(m, "decimals");
    return d && d->kind == BR_NODE_SCALAR ? atoi(d->text) : -1;
}

/* The value of one period, or `display:` for the report period; its note
 * (a footnote on that value) prints with it. */
static void emit_period_value(words *w, const br_node *m, const char *period)
{
    const br_node *display = br_map_get(m, "display");
    const br_node *values = br_map_get(m, "values");
    const br_node *notes = br_map_get(m, "notes");
    if (w->period && strcmp(period, w->period) == 0 && !is_null(display))
        emit_text(w, display);
    else if (values && values->kind == BR_NODE_MAP)
        emit_number(w, br_map_get(values, period), measure_decimals(m));
    const br_node *note = notes && notes->kind == BR_NODE_MAP ? br_map_get(notes, period) : NULL;
    if (note && note->kind == BR_NODE_SCALAR &&
        first_time(w, br_arena_printf(w->a, "note %s", note->text)))
        emit_text(w, note);     /* a footnote: printed once, identical ones share it */
}

static void emit_comparator(words *w, const br_node *m, const char *name)
{
    while (*name == ' ')
        name++;
    const br_node *list = br_map_get(m, "comparators");
    for (size_t i = 0; list && list->kind == BR_NODE_SEQ && i < list->nitems; i++) {
        const br_node *c = list->items[i];
        if (c->kind != BR_NODE_MAP || !text_is(br_map_get(c, "name"), name))
            continue;
        emit_number(w, br_map_get(c, "value"), measure_decimals(m));
        emit_text(w, br_map_get(c, "note"));
    }
}

/* The target column of a range measure without a target shows its band. */
static void emit_target(words *w, const br_node *m)
{
    const br_node *range = br_map_get(m, "range");
    const br_node *target = br_map_get(m, "target");
    if (!text_is(br_map_get(m, "polarity"), "range") || !range || range->kind != BR_NODE_SEQ ||
        !is_null(target)) {
        emit_number(w, target, measure_decimals(m));
        return;
    }
    for (size_t i = 0; i < range->nitems; i++) {
        if (range->items[i]->kind != BR_NODE_SCALAR)
            continue;
        char *g = br_arena_printf(w->a, "%g", strtod(range->items[i]->text, NULL));
        tokenise(w, g, strlen(g), range->items[i]->loc);
    }
}

static bool is_period(words *w, const char *name)
{
    const br_node *periods = br_map_get(w->in.roots[0], "periods");
    for (size_t i = 0; periods && periods->kind == BR_NODE_SEQ && i < periods->nitems; i++)
        if (text_is(periods->items[i], name))
            return true;
    return false;
}

static void emit_measure_column(words *w, const br_node *m, const char *name)
{
    if (strcmp(name, "title") == 0 || strcmp(name, "comment") == 0)
        emit_text(w, br_map_get(m, name));
    else if (strcmp(name, "value") == 0 && w->period)
        emit_period_value(w, m, w->period);
    else if (strcmp(name, "target") == 0)
        emit_target(w, m);
    else if (strcmp(name, "tolerance") == 0)
        emit_number(w, br_map_get(m, "tolerance"), measure_decimals(m));
    else if (strncmp(name, "comparator:", 11) == 0)
        emit_comparator(w, m, name + 11);
    else if (is_period(w, name))
        emit_period_value(w, m, name);
    /* Other columns print template words or computed figures. */
}

/* A group row (group, kind or objective as written) opens each run of
 * rows of one group. */
static void emit_group_row(words *w, table_ctx *t, const br_node *item, const char *key)
{
    const br_node *g = key ? br_map_get(item, key) : NULL;
    const char *text = is_null(g) ? "" : g->text;
    if (key && (!t->last || strcmp(text, t->last) != 0))
        emit_text(w, g);
    t->last = text;
}

static void each_column(words *w, table_ctx *t, const br_node *item,
                        void (*fn)(words *, const br_node *, const char *))
{
    if (!t->columns || t->columns->kind != BR_NODE_SEQ) {
        for (size_t i = 0; t->defaults[i]; i++)
            fn(w, item, t->defaults[i]);
        return;
    }
    for (size_t i = 0; i < t->columns->nitems; i++)
        fn(w, item, column_name(t->columns->items[i]));
}

static void measure_row(words *w, const br_node *m, void *arg)
{
    table_ctx *t = arg;
    if (!selects(t->sec, m, true))
        return;
    t->shown++;
    emit_group_row(w, t, m, t->group_by);
    each_column(w, t, m, emit_measure_column);
}

/* Column headings print only when the table has rows; a heading: replaces
 * the default one, and a comparator column is headed by its name.  A period
 * column's heading is not checked: periods print in the composer's own
 * form ("2018/19" spanning "Q1 … Q4"), not as written. */
static void emit_headings(words *w, const table_ctx *t)
{
    if (!t->shown || !t->columns || t->columns->kind != BR_NODE_SEQ)
        return;
    for (size_t i = 0; i < t->columns->nitems; i++) {
        const br_node *col = t->columns->items[i];
        const br_node *heading = col->kind == BR_NODE_MAP ? br_map_get(col, "heading") : NULL;
        const br_node *name = col->kind == BR_NODE_MAP ? br_map_get(col, "column") : col;
        if (heading)
            emit_text(w, heading);
        else if (name && name->kind == BR_NODE_SCALAR && strncmp(name->text, "comparator:", 11) == 0)
            tokenise(w, name->text + 11, name->len - 11, name->loc);
    }
}

static const char *group_by_of(const br_node *sec, const char *fallback)
{
    const br_node *g = br_map_get(sec, "group_by");
    return g && g->kind == BR_NODE_SCALAR ? g->text : fallback;
}

static void measure_table(words *w, const br_node *sec)
{
    static const char *const defaults[] = {"title", "value", "target", "status", "trend", NULL};
    table_ctx t = {sec, br_map_get(sec, "columns"), defaults, group_by_of(sec, NULL), 0};
    each_item(w, "measures", measure_row, &t);
    emit_headings(w, &t);
}

/* One row per group, whatever the order of the measures. */
static void summary_row(words *w, const br_node *m, void *arg)
{
    const table_ctx *t = arg;
    const br_node *g = br_map_get(m, t->group_by);
    if (selects(t->sec, m, true) && !is_null(g) &&
        first_time(w, br_arena_printf(w->a, "summary %p %s", (const void *)t->sec, g->text)))
        emit_text(w, g);
}

/* ---- milestones ---- */

static void emit_due(words *w, const br_node *due)
{
    if (due && due->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < due->nitems; i++)
            emit_due(w, due->items[i]);
        return;
    }
    if (due && due->kind == BR_NODE_MAP) {
        emit_text(w, br_map_get(due, "note"));   /* the date prints as 30/06/12 */
        return;
    }
    if (is_null(due))
        return;
    bool date = due->len >= 5 && due->text[0] >= '1' && due->text[0] <= '2' && due->text[4] == '-';
    if (!date)
        emit_text(w, due);
}

/* Initials, and the person they stand for (a footnote). */
static void emit_lead(words *w, const br_node *ms)
{
    const br_node *lead = br_map_get(ms, "lead");
    emit_text(w, lead);
    if (!is_null(lead) && first_time(w, br_arena_printf(w->a, "person %s", lead->text)))
        emit_text(w, keyed(w, "people", lead->text));   /* a footnote, the first time */
}

static void emit_ms_column(words *w, const br_node *ms, const char *name)
{
    if (strcmp(name, "due") == 0)
        emit_due(w, br_map_get(ms, "due"));
    else if (strcmp(name, "lead") == 0)
        emit_lead(w, ms);
    else if (strcmp(name, "status") != 0)
        emit_text(w, br_map_get(ms, name)); /* id, title, partners, progress, corrective_action */
}

static void milestone_row(words *w, const br_node *ms, void *arg)
{
    table_ctx *t = arg;
    if (!selects(t->sec, ms, false))
        return;
    t->shown++;
    emit_group_row(w, t, ms, "group");
    each_column(w, t, ms, emit_ms_column);
}

static void milestone_table(words *w, const br_node *sec, const char *columns_key)
{
    static const char *const defaults[] = {"title", "due", "lead", "partners", "progress",
                                           "corrective_action", "status", NULL};
    table_ctx t = {sec, br_map_get(sec, columns_key), defaults, NULL, 0};
    each_item(w, "milestones", milestone_row, &t);
    emit_headings(w, &t);
}

/* ---- finance ---- */

static bool listed(const br_node *list, const char *name)
{
    if (!list || list->kind != BR_NODE_SEQ)
        return true;    /* the default: every column, every split */
    for (size_t i = 0; i < list->nitems; i++)
        if (text_is(list->items[i], name))
            return true;
    return false;
}

/* budget: {gross, income, net}; a net written beside gross and income is
 * replaced by their computed sum, so it is not the written figure. */
static void emit_amounts(words *w, const br_node *fin, const br_node *amounts)
{
    if (!amounts || amounts->kind != BR_NODE_MAP)
        return;
    const br_node *split = br_map_get(fin, "split");
    bool computed = br_map_get(amounts, "gross") && br_map_get(amounts, "income");
    static const char *const parts[] = {"gross", "income", "net"};
    for (size_t i = 0; i < 3; i++)
        if (listed(split, parts[i]) && !(i == 2 && computed))
            emit_number(w, br_map_get(amounts, parts[i]), -1);
}

static void finance_row(words *w, const br_node *fin, const br_node *row)
{
    if (row->kind != BR_NODE_MAP)
        return;
    const br_node *columns = br_map_get(fin, "columns");
    emit_text(w, br_map_get(row, "label"));
    emit_text(w, br_map_get(row, "heading"));
    emit_text(w, br_map_get(row, "note"));
    if (listed(columns, "budget"))
        emit_amounts(w, fin, br_map_get(row, "budget"));
    if (listed(columns, "forecast"))
        emit_amounts(w, fin, br_map_get(row, "forecast"));
}

static void finance_entry(words *w, const br_node *fin, void *arg)
{
    const br_node *sec = ((table_ctx *)arg)->sec;
    if (!same(br_map_get(sec, "finance"), br_map_get(fin, "id")))
        return;
    if (!br_map_get(sec, "title"))
        emit_text(w, br_map_get(fin, "title"));
    const br_node *rows = br_map_get(fin, "rows");
    for (size_t i = 0; rows && rows->kind == BR_NODE_SEQ && i < rows->nitems; i++)
        finance_row(w, fin, rows->items[i]);
    emit_text(w, br_map_get(fin, "total"));
}

/* ---- commentary and tables ---- */

static void commentary_entry(words *w, const br_node *cm, void *arg)
{
    const br_node *sec = ((table_ctx *)arg)->sec;
    const br_node *ids = br_map_get(sec, "ids");
    bool on = ids ? has_id(ids, br_map_get(cm, "id"))
                  : same(br_map_get(sec, "objective"), br_map_get(cm, "objective"));
    if (!on)
        return;
    emit_text(w, br_map_get(cm, "title"));
    emit_text(w, br_map_get(cm, "subtitle"));
    emit_text(w, br_map_get(cm, "text"));
}

static void emit_cells(words *w, const br_node *row)
{
    if (row && row->kind == BR_NODE_MAP) {
        emit_text(w, br_map_get(row, "heading"));
        emit_cells(w, br_map_get(row, "cells"));
        return;
    }
    for (size_t i = 0; row && row->kind == BR_NODE_SEQ && i < row->nitems; i++) {
        const br_node *cell = row->items[i];
        emit_text(w, cell->kind == BR_NODE_MAP ? br_map_get(cell, "text") : cell);
    }
}

/* header: is a list of rows, or one row written flat. */
static void emit_rows(words *w, const br_node *rows)
{
    if (!rows || rows->kind != BR_NODE_SEQ)
        return;
    if (rows->nitems && rows->items[0]->kind != BR_NODE_SEQ &&
        rows->items[0]->kind != BR_NODE_MAP) {
        emit_cells(w, rows);
        return;
    }
    for (size_t i = 0; i < rows->nitems; i++)
        emit_cells(w, rows->items[i]);
}

/* ---- sections ---- */

static void front_sheet(words *w, const br_node *sec)
{
    const br_node *report = br_map_get(w->in.roots[0], "report");
    static const char *const keys[] = {"title", "subtitle", "addressee"};
    for (size_t i = 0; i < 3; i++) {
        const br_node *own = br_map_get(sec, keys[i]);
        emit_text(w, own ? own : report ? br_map_get(report, keys[i]) : NULL);
    }
    const br_node *facts = br_map_get(sec, "facts");
    for (size_t i = 0; facts && facts->kind == BR_NODE_SEQ && i < facts->nitems; i++) {
        if (facts->items[i]->kind != BR_NODE_MAP)
            continue;
        emit_text(w, br_map_get(facts->items[i], "label"));
        emit_text(w, br_map_get(facts->items[i], "value"));
    }
}

static void section(words *w, const br_node *sec)
{
    const br_node *type = br_map_get(sec, "type");
    if (!type || type->kind != BR_NODE_SCALAR || strcmp(type->text, "chart") == 0)
        return;     /* charts are not drawn; their figures are in the tables */
    const char *t = type->text;
    if (strcmp(t, "front_sheet") == 0) {
        front_sheet(w, sec);
        return;
    }
    if (strcmp(t, "page_break") != 0)
        emit_text(w, br_map_get(sec, "title"));     /* a finance table's own, if any */
    else
        emit_text(w, br_map_get(sec, "appendix"));  /* the appendix's heading */
    if (strcmp(t, "paragraphs") == 0) {
        emit_texts(w, br_map_get(sec, "text"));
    } else if (strcmp(t, "objective") == 0) {
        emit_text(w, br_map_get(sec, "id"));    /* the heading "A. title" */
        measure_table(w, sec);
        milestone_table(w, sec, "milestone_columns");
    } else if (strcmp(t, "measure_table") == 0) {
        measure_table(w, sec);
    } else if (strcmp(t, "milestone_table") == 0) {
        milestone_table(w, sec, "columns");
    } else if (strcmp(t, "summary") == 0) {
        table_ctx s = {sec, NULL, NULL, group_by_of(sec, "group"), 0};
        each_item(w, "measures", summary_row, &s);
    } else if (strcmp(t, "finance_table") == 0) {
        each_item(w, "finance", finance_entry, &(table_ctx){.sec = sec});
    } else if (strcmp(t, "commentary") == 0) {
        each_item(w, "commentary", commentary_entry, &(table_ctx){.sec = sec});
    } else if (strcmp(t, "table") == 0) {
        emit_rows(w, br_map_get(sec, "header"));
        emit_rows(w, br_map_get(sec, "rows"));
    }
}

/* report: title, organisation and classification are in the running
 * header and footer; subtitle and addressee print on the front sheet (so
 * nowhere when there is none); corrections print on a re-issue. */
static void report_block(words *w, const br_node *report)
{
    if (!report || report->kind != BR_NODE_MAP)
        return;
    const br_node *period = br_map_get(report, "period");
    w->period = is_null(period) ? NULL : period->text;
    emit_text(w, br_map_get(report, "title"));
    emit_text(w, br_map_get(report, "organisation"));
    emit_text(w, br_map_get(report, "classification"));
    const br_node *version = br_map_get(report, "version");
    if (!is_null(version) && atoi(version->text) > 1)
        emit_texts(w, br_map_get(report, "corrections"));
}

/* Footnotes print where they are referenced; a footnote may refer to
 * another; footnotes of the same text print once, under one number. */
static void footnotes(words *w)
{
    for (size_t i = 0; i < w->nrefs; i++) {
        const br_node *n = keyed(w, "footnotes", w->refs[i]);
        if (!n || n->kind != BR_NODE_SCALAR ||
            first_time(w, br_arena_printf(w->a, "note %s", n->text)))
            emit_text(w, n);
    }
}

static void report_words(words *w)
{
    const br_node *root = w->in.roots[0];
    const br_node *sections = br_map_get(root, "sections");
    report_block(w, br_map_get(root, "report"));
    for (size_t i = 0; sections && sections->kind == BR_NODE_SEQ && i < sections->nitems; i++)
        if (sections->items[i]->kind == BR_NODE_MAP)
            section(w, sections->items[i]);
    footnotes(w);
}

/* ---- main ---- */

static int text_words(words *w, const char *file)
{
    FILE *f = file ? fopen(file, "rb") : stdin;
    if (!f) {
        perror(file);
        return 1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n > cap) {
            cap = (len + n) * 2;
            buf = realloc(buf, cap);
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    if (file)
        fclose(f);
    tokenise(w, buf ? buf : "", len, (br_loc){file, 0, 0});
    free(buf);
    return 0;
}

static int title_words(words *w)
{
    const br_node *report = br_map_get(w->in.roots[0], "report");
    const br_node *title = report ? br_map_get(report, "title") : NULL;
    const br_node *subtitle = report ? br_map_get(report, "subtitle") : NULL;
    if (is_null(title))
        return 1;
    fprintf(w->out, "%s\n", title->text);
    if (!is_null(subtitle))
        fprintf(w->out, "%s: %s\n", title->text, subtitle->text);
    return 0;
}

static int usage(void)
{
    fputs("usage: words [--where] REPORT   tokens of what the report prints\n"
          "       words --title REPORT     its title, and title: subtitle\n"
          "       words --text [FILE]      tokens of a text (stdin without FILE)\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    words w = {.out = stdout};
    const char *mode = argc > 1 && argv[1][0] == '-' ? argv[1] : "";
    int first = mode[0] ? 2 : 1;
    if (strcmp(mode, "--text") == 0 && argc <= 3)
        return text_words(&w, argc == 3 ? argv[2] : NULL);
    bool title = strcmp(mode, "--title") == 0;
    w.where = strcmp(mode, "--where") == 0;
    if (argc != first + 1 || (mode[0] && !title && !w.where))
        return usage();
    w.a = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, w.a);
    int status = 1;
    if (br_input_load(&w.in, argv[first], w.a, NULL, &diags) && !br_diags_failed(&diags)) {
        status = 0;
        if (title)
            status = title_words(&w);
        else
            report_words(&w);
    } else {
        br_diags_print(&diags, stderr);
    }
    br_arena_free(w.a);
    return status;
}
