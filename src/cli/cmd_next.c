/* cmd_next.c — `boardreport next-quarter FROM TO`: the officer's quarterly
 * chore.  Copies the files last quarter's report reads into a new folder,
 * then edits them as text (so every comment and layout choice stays):
 * the next period joins `periods:` (the oldest leaves when the paper shows
 * a fixed window of period columns, and so do its values, and the period
 * columns move on by one), `report.period`, `date` (today) and
 * `version: 1` are set, `corrections:` goes.  Every measure, target and
 * text is kept; then it lists, at file:line:col, what must be updated.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "br_format.h"
#include "br_input.h"
#include "br_period.h"
#include "br_report.h"
#include "cli.h"

static const char next_help[] =
    "usage: boardreport next-quarter FROM TO\n"
    "\n"
    "Starts next quarter's report from last quarter's.  Copies the files the\n"
    "report in folder FROM reads (report.yaml, its includes, a template kept in\n"
    "the folder and its fonts when they are there too; not the PDFs) into the\n"
    "new folder TO, and edits the report's files in place, keeping every comment:\n"
    "  - the next period joins periods: (when a section shows period columns,\n"
    "    the paper has a fixed window: the oldest period, its values and notes\n"
    "    leave, and each period column moves on by one);\n"
    "  - report.period becomes the next period, date today, version 1, and\n"
    "    as_at (when stated) the new period's last day;\n"
    "  - corrections: goes (they belonged to last quarter's re-issue).\n"
    "Every measure, target and text is kept.  Then it lists, as\n"
    "file:line:col: note: ..., what you must now update: each measure's value\n"
    "for the new period, and what was written for last quarter (commentary,\n"
    "measure comments, milestone progress, a measure's stated status and\n"
    "trend, the objectives' stated status, direction, risks and counts, and\n"
    "each finance table's rows), the as_at date, and each text of the title\n"
    "block and the sections that names last period ('Quarter 2', '2026/27 Q2',\n"
    "'August 2012').\n"
    "\n"
    "TO must not exist yet, or be an empty folder, and lies outside the\n"
    "archive: nothing is ever replaced, and nothing in FROM is modified.\n"
    "\n"
    "exit status: 0 written, 1 FROM invalid or TO cannot be written, 2 usage error\n";

static const br_cmd_spec spec = {"next-quarter", next_help, 0, 2, 2, "FROM and TO"};

/* One text edit of a file: bytes [from, to) become text. */
typedef struct edit {
    size_t file;        /* index into the sources */
    size_t from, to;
    const char *text;
} edit;

typedef struct editor {
    br_arena *a;
    const br_diags *src;    /* the sources: files and texts */
    edit *edits;
    size_t nedits, cap;
} editor;

static size_t source_of(const editor *e, const char *file)
{
    for (size_t i = 0; i < e->src->nsources; i++)
        if (strcmp(e->src->sources[i].file, file) == 0)
            return i;
    return (size_t)-1;
}

/* Byte offset of line:col (both from 1) in a source; len when beyond.  The
 * parser counts a column in characters, not bytes: "Gâr – " before a key
 * is 6 columns but 9 bytes, so each UTF-8 character's continuation bytes
 * are stepped over with it. */
static size_t offset_of(const br_source *s, int line, int col)
{
    size_t off = 0;
    for (int l = 1; l < line && off < s->len; off++)
        if (s->text[off] == '\n')
            l++;
    size_t end = off;
    for (int c = 1; c < col && end < s->len && s->text[end] != '\n'; c++)
        do
            end++;
        while (end < s->len && ((unsigned char)s->text[end] & 0xC0) == 0x80);
    return end;
}

static size_t line_start(const br_source *s, size_t off)
{
    while (off > 0 && s->text[off - 1] != '\n')
        off--;
    return off;
}

static size_t next_line(const br_source *s, size_t off)
{
    while (off < s->len && s->text[off] != '\n')
        off++;
    return off < s->len ? off + 1 : off;
}

/* The end of the scalar written at off: a quoted one at its closing
 * quote; a plain one before a comment, a flow separator or the line end. */
static size_t scalar_end(const br_source *s, size_t off)
{
    const char *t = s->text;
    if (off < s->len && (t[off] == '"' || t[off] == '\'')) {
        char q = t[off];
        for (size_t i = off + 1; i < s->len; i++) {
            if (q == '"' && t[i] == '\\')
                i++;
            else if (t[i] == q && !(q == '\'' && i + 1 < s->len && t[i + 1] == '\''))
                return i + 1;
            else if (q == '\'' && t[i] == q)
                i++;
        }
        return s->len;
    }
    size_t end = off;
    while (end < s->len && t[end] != '\n' && t[end] != ',' && t[end] != ']' && t[end] != '}' &&
           !(t[end] == '#' && end > off && t[end - 1] == ' '))
        end++;
    while (end > off && (t[end - 1] == ' ' || t[end - 1] == '\r'))
        end--;
    return end;
}

static void add_edit(editor *e, size_t file, size_t from, size_t to, const char *text)
{
    edit *x = BR_PUSH(e->a, e->edits, e->nedits, e->cap);
    *x = (edit){file, from, to, text};
}

/* The end of the value written at off: past its closing bracket for a flow
 * collection ([...] or {...}, quotes inside respected), else scalar_end. */
static size_t value_end(const br_source *s, size_t off)
{
    if (off >= s->len || (s->text[off] != '[' && s->text[off] != '{'))
        return scalar_end(s, off);
    int depth = 0;
    for (size_t i = off; i < s->len; i++) {
        char c = s->text[i];
        if (c == '"' || c == '\'') {
            i = scalar_end(s, i) - 1;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            return i + 1;
        }
    }
    return s->len;
}

/* Replaces the scalar node n by text. */
static void replace_scalar(editor *e, const br_node *n, const char *text)
{
    size_t f = source_of(e, n->loc.file);
    if (f == (size_t)-1)
        return;
    const br_source *s = &e->src->sources[f];
    size_t from = offset_of(s, n->loc.line, n->loc.col);
    add_edit(e, f, from, scalar_end(s, from), text);
}

/* Removes entry i of mapping m (a key and its value): its lines in a block
 * mapping, its text and one comma in a flow mapping. */
static void remove_entry(editor *e, const br_node *m, size_t i)
{
    const br_node *key = m->pairs[i].key;
    size_t f = source_of(e, key->loc.file);
    if (f == (size_t)-1)
        return;
    const br_source *s = &e->src->sources[f];
    size_t from = offset_of(s, key->loc.line, key->loc.col);
    size_t mstart = offset_of(s, m->loc.line, m->loc.col);
    if (mstart < s->len && s->text[mstart] == '{') {
        const br_node *next = i + 1 < m->npairs ? m->pairs[i + 1].key : NULL;
        if (next) {
            add_edit(e, f, from, offset_of(s, next->loc.line, next->loc.col), "");
        } else {
            /* The last entry: from the comma before it to the closing brace. */
            size_t to = value_end(s, offset_of(s, m->pairs[i].value->loc.line,
                                               m->pairs[i].value->loc.col));
            size_t comma = from;
            while (comma > mstart && s->text[comma - 1] != ',' && s->text[comma - 1] != '{')
                comma--;
            add_edit(e, f, comma > mstart && s->text[comma - 1] == ',' ? comma - 1 : from, to, "");
        }
        return;
    }
    size_t start = line_start(s, from);
    size_t end = i + 1 < m->npairs
                     ? line_start(s, offset_of(s, m->pairs[i + 1].key->loc.line, 1))
                     : next_line(s, from);
    add_edit(e, f, start, end, "");
}

/* Removes key `name` of mapping m with everything under it, up to the
 * next key of m or, for the last key, of the mapping `outer` holds it in. */
static void remove_key_block(editor *e, const br_node *m, const char *name, const br_node *after)
{
    for (size_t i = 0; i < m->npairs; i++) {
        if (strcmp(m->pairs[i].key->text, name) != 0)
            continue;
        size_t f = source_of(e, m->pairs[i].key->loc.file);
        if (f == (size_t)-1)
            return;
        const br_source *s = &e->src->sources[f];
        size_t start = line_start(s, offset_of(s, m->pairs[i].key->loc.line, 1));
        const br_node *next = i + 1 < m->npairs ? m->pairs[i + 1].key : after;
        size_t end = next ? line_start(s, offset_of(s, next->loc.line, 1)) : s->len;
        /* Keep the blank lines and comments that introduce what follows. */
        while (end > start) {
            size_t prev = line_start(s, end - 1);
            const char *p = s->text + prev;
            while (*p == ' ')
                p++;
            if (*p != '\n' && *p != '#' && *p != '\r')
                break;
            end = prev;
        }
        add_edit(e, f, start, end, "");
        return;
    }
}

static int by_offset(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->file != y->file ? (x->file < y->file ? -1 : 1)
                              : x->from < y->from ? -1 : x->from > y->from;
}

/* Applies the edits of source f to its text; returns the new text. */
static char *apply(const editor *e, size_t f, size_t *len)
{
    const br_source *s = &e->src->sources[f];
    size_t cap = s->len + 1;
    for (size_t i = 0; i < e->nedits; i++)
        if (e->edits[i].file == f)
            cap += strlen(e->edits[i].text);
    char *out = br_arena_alloc(e->a, cap), *o = out;
    size_t at = 0;
    for (size_t i = 0; i < e->nedits; i++) {
        const edit *x = &e->edits[i];
        if (x->file != f || x->from < at)
            continue;   /* sorted; an edit inside one already made is dropped */
        memcpy(o, s->text + at, x->from - at);
        o += x->from - at;
        size_t n = strlen(x->text);
        memcpy(o, x->text, n);
        o += n;
        at = x->to;
    }
    memcpy(o, s->text + at, s->len - at);
    o += s->len - at;
    *o = '\0';
    *len = (size_t)(o - out);
    return out;
}

/* The periods after the move: a fixed window drops the oldest. */
typedef struct plan {
    const br_report *r;
    char next[32];              /* the new period */
    bool add;                   /* it joins periods: */
    bool window;                /* a section shows period columns */
    const char *dropped;        /* the oldest period, when the window moves */
    br_period new_period;       /* the period of next */
} plan;

/* A section column naming a period: its node (scalar), or NULL. */
static const br_node *period_column(const br_node *col, const br_report *r)
{
    const br_node *name = col->kind == BR_NODE_MAP ? br_map_get(col, "column") : col;
    if (!name || name->kind != BR_NODE_SCALAR)
        return NULL;
    return br_report_period_index(r, name->text) != BR_NONE ? name : NULL;
}

static const br_node *seq_of(const br_node *map, const char *key)
{
    const br_node *n = map && map->kind == BR_NODE_MAP ? br_map_get(map, key) : NULL;
    return n && n->kind == BR_NODE_SEQ ? n : NULL;
}

static bool shows_period_columns(const br_node *root, const br_report *r)
{
    const br_node *sections = seq_of(root, "sections");
    for (size_t i = 0; sections && i < sections->nitems; i++) {
        const br_node *cols = seq_of(sections->items[i], "columns");
        for (size_t k = 0; cols && k < cols->nitems; k++)
            if (period_column(cols->items[k], r))
                return true;
    }
    return false;
}

/* Each period column moves on by one period. */
static void shift_columns(editor *e, const br_node *root, const plan *p)
{
    const br_report *r = p->r;
    const br_node *sections = seq_of(root, "sections");
    for (size_t i = 0; sections && i < sections->nitems; i++) {
        const br_node *cols = seq_of(sections->items[i], "columns");
        for (size_t k = 0; cols && k < cols->nitems; k++) {
            const br_node *name = period_column(cols->items[k], r);
            if (!name)
                continue;
            size_t at = br_report_period_index(r, name->text);
            replace_scalar(e, name, at + 1 < r->nperiods ? r->periods[at + 1].id : p->next);
        }
    }
}

/* periods: gains the next period (and loses the oldest in a window). */
static void edit_periods(editor *e, const br_node *periods, const plan *p)
{
    size_t f = source_of(e, periods->loc.file);
    if (f == (size_t)-1 || periods->nitems == 0)
        return;
    const br_source *s = &e->src->sources[f];
    size_t start = offset_of(s, periods->loc.line, periods->loc.col);
    if (s->text[start] == '[') {
        size_t end = start;
        while (end < s->len && s->text[end] != ']')
            end++;
        const char *list = "";
        for (size_t i = p->dropped ? 1 : 0; i < periods->nitems; i++)
            list = br_arena_printf(e->a, "%s%s%s", list, *list ? ", " : "", periods->items[i]->text);
        add_edit(e, f, start, end + 1, br_arena_printf(e->a, "[%s%s%s]", list, *list ? ", " : "",
                                                       p->next));
        return;
    }
    const br_node *last = periods->items[periods->nitems - 1];
    size_t item = offset_of(s, last->loc.line, last->loc.col);
    size_t ls = line_start(s, item), after = next_line(s, item);
    const char *nl = after > 0 && s->text[after - 1] == '\n' ? "" : "\n";
    add_edit(e, f, after, after, br_arena_printf(e->a, "%s%.*s%s\n", nl, (int)(item - ls),
                                                 s->text + ls, p->next));
    if (p->dropped) {
        size_t first = offset_of(s, periods->items[0]->loc.line, 1);
        add_edit(e, f, first, next_line(s, first), "");
    }
}

/* The dropped period's entries in every measure's values and notes. */
static void drop_values(editor *e, const br_node *root, const char *period)
{
    const br_node *measures = seq_of(root, "measures");
    for (size_t i = 0; measures && i < measures->nitems; i++) {
        const br_node *m = measures->items[i];
        const char *keys[] = {"values", "notes"};
        for (size_t k = 0; k < 2; k++) {
            const br_node *map = m->kind == BR_NODE_MAP ? br_map_get(m, keys[k]) : NULL;
            for (size_t j = 0; map && map->kind == BR_NODE_MAP && j < map->npairs; j++)
                if (strcmp(map->pairs[j].key->text, period) == 0)
                    remove_entry(e, map, j);
        }
    }
}

/* report: period, date, version; corrections: removed. */
static void edit_report(editor *e, const br_node *root, const plan *p, const char *today)
{
    const br_node *report = br_map_get(root, "report");
    if (!report || report->kind != BR_NODE_MAP)
        return;
    const br_node *v;
    if ((v = br_map_get(report, "period")) && v->kind == BR_NODE_SCALAR)
        replace_scalar(e, v, p->next);
    if ((v = br_map_get(report, "date")) && v->kind == BR_NODE_SCALAR)
        replace_scalar(e, v, today);
    if ((v = br_map_get(report, "version")) && v->kind == BR_NODE_SCALAR)
        replace_scalar(e, v, "1");
    /* Last quarter's "as at" date is before the new period starts: it moves
     * to the new period's end, the date a paper's figures are most often as
     * at (a note asks for the real one). */
    const br_date end = p->new_period.end;
    if ((v = br_map_get(report, "as_at")) && v->kind == BR_NODE_SCALAR)
        replace_scalar(e, v, br_arena_printf(e->a, "%04d-%02d-%02d", end.year, end.month, end.day));
    const br_node *after = NULL;
    for (size_t i = 0; i + 1 < root->npairs; i++)
        if (root->pairs[i].value == report)
            after = root->pairs[i + 1].key;
    if (!report->flow) {
        remove_key_block(e, report, "corrections", after);
        return;
    }
    for (size_t i = 0; i < report->npairs; i++)
        if (strcmp(report->pairs[i].key->text, "corrections") == 0)
            remove_entry(e, report, i);
}

/* A note at a node: what the officer must update. */
static void note(br_arena *a, const br_node *n, const char *what)
{
    printf("%s:%d:%d: note: %s\n", br_diag_escape(a, n->loc.file), n->loc.line, n->loc.col,
           br_diag_escape(a, what));
}

/* Lists, in the new folder, each measure's missing value and each text
 * written for last quarter; returns how many. */
/* Each of keys the author stated in map m (a judgement of last quarter)
 * is noted once. */
static size_t note_stated(br_arena *a, const br_node *m, const char *const *keys, const char *what,
                          const char *name, const char *old)
{
    size_t n = 0;
    for (const br_node *v; *keys; keys++)
        if ((v = br_map_get(m, *keys)))
            note(a, v, br_arena_printf(a, "%s '%s': %s written for %s", what, name, *keys, old)), n++;
    return n;
}

/* An objective's stated status, direction, risks and counts, and a finance
 * table's rows, are all last quarter's figures: each is listed. */
static size_t note_each(br_arena *a, const br_node *list, const char *what, const char *old)
{
    static const char *const objective_keys[] = {"status", "direction", "risks", "measures",
                                                 "milestones", NULL};
    static const char *const finance_keys[] = {"rows", "given_total", NULL};
    const char *const *keys = strcmp(what, "objective") == 0 ? objective_keys : finance_keys;
    size_t n = 0;
    for (size_t i = 0; list && i < list->nitems; i++) {
        const br_node *e = list->items[i], *id = br_map_get(e, "id");
        if (e->kind != BR_NODE_MAP || br_map_get(e, "total_of"))
            continue;   /* a total of other tables follows them */
        n += note_stated(a, e, keys, what, id && id->kind == BR_NODE_SCALAR ? id->text : "?", old);
    }
    return n;
}

/* A period column that moved on keeps the heading written for the period
 * it showed ("Latest Dec-15" now over 2016-01): each such heading is
 * listed, when the window moved (every period column shifted). */
static size_t note_column_headings(br_arena *a, const br_node *root, const plan *p)
{
    size_t n = 0;
    const br_node *sections = seq_of(root, "sections");
    for (size_t i = 0; p->window && sections && i < sections->nitems; i++) {
        const br_node *cols = seq_of(sections->items[i], "columns");
        for (size_t k = 0; cols && k < cols->nitems; k++) {
            const br_node *c = cols->items[k], *name, *heading;
            if (c->kind != BR_NODE_MAP || !(name = br_map_get(c, "column")) ||
                !(heading = br_map_get(c, "heading")) || name->kind != BR_NODE_SCALAR ||
                heading->kind != BR_NODE_SCALAR)
                continue;
            bool period = strcmp(name->text, p->next) == 0 ||
                          br_report_period_index(p->r, name->text) != BR_NONE;
            if (period)
                note(a, heading, br_arena_printf(a, "the column now shows %s: check that its "
                                                    "heading '%s' still names it",
                                                 name->text, heading->text)), n++;
        }
    }
    return n;
}

/* word in text, case-insensitively, not inside a longer word or number. */
static bool says(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *t = text; *t; t++)
        if (strncasecmp(t, word, n) == 0 && (t == text || !isalnum((unsigned char)t[-1])) &&
            !isalnum((unsigned char)t[n]))
            return true;
    return false;
}

/* The words a paper uses for period p: its label (report.period_label,
 * "Q2 2026/27"), its id and long form ("2026/27 Q2", "August 2012"); a
 * quarter's "Quarter 2" and "Q2"; a month's name. */
static size_t period_words(br_arena *a, const br_period *p, const char *forms[5])
{
    size_t n = 0;
    if (p->label)
        forms[n++] = p->label;
    forms[n++] = p->id;
    forms[n++] = br_format_period(a, p);
    if (p->kind == BR_PERIOD_QUARTER) {
        forms[n++] = br_arena_printf(a, "Quarter %d", p->sub);
        forms[n++] = br_arena_printf(a, "Q%d", p->sub);
    } else if (p->kind == BR_PERIOD_MONTH) {
        char *month = br_format_period(a, p);
        month[strcspn(month, " ")] = '\0';
        forms[n++] = month;
    }
    return n;
}

/* Each text of the title block and the sections that names last period
 * ("Quarter 2, 2026/27" in a subtitle, "performance for 2026/27 Q2" in a
 * paragraph): next-quarter cannot know the words to write, so it says
 * where they are.  Period references (periods:, columns:, a text that is
 * only the period's id) are next-quarter's own to move. */
static size_t note_period_texts(br_arena *a, const br_node *n, const char *const *forms,
                                size_t nforms, const char *old, const char *next)
{
    static const char *const skipped[] = {"period", "periods", "columns", "as_at", "date", NULL};
    size_t count = 0;
    if (n->kind == BR_NODE_SCALAR && n->text && strcmp(n->text, old) != 0) {
        for (size_t i = 0; i < nforms; i++)
            if (says(n->text, forms[i])) {
                note(a, n, br_arena_printf(a, "'%s' names %s, which this text was written for: "
                                              "update it for %s", forms[i], old, next));
                return 1;
            }
    }
    for (size_t i = 0; n->kind == BR_NODE_SEQ && i < n->nitems; i++)
        count += note_period_texts(a, n->items[i], forms, nforms, old, next);
    for (size_t i = 0; n->kind == BR_NODE_MAP && i < n->npairs; i++) {
        bool skip = false;
        for (const char *const *k = skipped; *k; k++)
            skip = skip || strcmp(n->pairs[i].key->text, *k) == 0;
        if (!skip)
            count += note_period_texts(a, n->pairs[i].value, forms, nforms, old, next);
    }
    return count;
}

/* The title block and sections of the new report.yaml: texts naming the
 * old period, and the as_at date edit_report moved. */
static size_t note_report(br_arena *a, const br_node *root, const plan *pl, const char *old)
{
    const char *forms[5];
    size_t nforms = period_words(a, &pl->r->periods[pl->r->period], forms), n = 0;
    const br_node *report = br_map_get(root, "report"), *v;
    if (report && (v = br_map_get(report, "as_at")))
        note(a, v, br_arena_printf(a, "as_at moved to the end of %s: set the date the figures "
                                      "are as at", pl->next)), n++;
    if (report)
        n += note_period_texts(a, report, forms, nforms, old, pl->next);
    const br_node *sections = seq_of(root, "sections");
    if (sections)
        n += note_period_texts(a, sections, forms, nforms, old, pl->next);
    return n;
}

static size_t list_updates(const char *to, const plan *pl, const char *old, br_arena *a)
{
    const char *next = pl->next;
    br_diags d;
    br_diags_init(&d, a);
    br_input in;
    if (!br_input_load(&in, to, a, NULL, &d))
        return 0;
    size_t n = in.nroots ? note_report(a, in.roots[0], pl, old) : 0;
    for (size_t r = 0; r < in.nroots; r++) {
        const br_node *ms = seq_of(in.roots[r], "measures");
        for (size_t i = 0; ms && i < ms->nitems; i++) {
            const br_node *m = ms->items[i], *id = br_map_get(m, "id"), *v;
            const char *name = id && id->kind == BR_NODE_SCALAR ? id->text : "?";
            if ((v = br_map_get(m, "values")) && !(v->kind == BR_NODE_MAP && br_map_get(v, next)))
                note(a, v, br_arena_printf(a, "add the %s value of measure '%s'", next, name)), n++;
            if ((v = br_map_get(m, "comment")))
                note(a, v, br_arena_printf(a, "measure '%s': this comment was written for %s", name, old)), n++;
            if ((v = br_map_get(m, "display")))
                note(a, v, br_arena_printf(a, "measure '%s': display: shows %s's figure", name, old)), n++;
            n += note_stated(a, m, (const char *[]){"status", "trend", NULL}, "measure", name, old);
        }
        n += note_each(a, seq_of(in.roots[r], "objectives"), "objective", old);
        n += note_each(a, seq_of(in.roots[r], "finance"), "finance table", old);
        n += note_column_headings(a, in.roots[r], pl);
        const br_node *cs = seq_of(in.roots[r], "commentary");
        for (size_t i = 0; cs && i < cs->nitems; i++) {
            const br_node *t = br_map_get(cs->items[i], "text");
            if (t)
                note(a, t, br_arena_printf(a, "commentary written for %s", old)), n++;
        }
        const br_node *mil = seq_of(in.roots[r], "milestones");
        for (size_t i = 0; mil && i < mil->nitems; i++) {
            const br_node *st = br_map_get(mil->items[i], "status"), *p = br_map_get(mil->items[i], "progress");
            if (p && !(st && st->kind == BR_NODE_SCALAR && strcmp(st->text, "complete") == 0))
                note(a, p, br_arena_printf(a, "progress written for %s", old)), n++;
        }
    }
    return n;
}

/* Where file (inside the folder real_from) goes under to; NULL when it lies
 * outside the folder (an installed template, a shared include: not the
 * quarter's to copy). */
static const char *place_in(br_arena *a, const char *file, const char *real_from, const char *to)
{
    char real[PATH_MAX];
    size_t nf = strlen(real_from);
    if (!realpath(file, real) || strncmp(real, real_from, nf) != 0 || real[nf] != '/')
        return NULL;
    return br_arena_printf(a, "%s/%s", to, real + nf + 1);
}

static bool write_at(const char *path, const void *data, size_t len)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    if (!br_cli_make_dirs(dir)) {
        fprintf(stderr, "boardreport next-quarter: cannot create %s: %s\n", dir, strerror(errno));
        return false;
    }
    char why[512];
    if (!br_file_write_new(path, data, len, why, sizeof why)) {
        fprintf(stderr, "%s: error: %s\n", path, why);
        return false;
    }
    return true;
}

/* A font file kept in the folder, copied byte for byte. */
static bool copy_file(br_arena *a, const char *from, const char *path)
{
    FILE *f = fopen(from, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        if (f)
            fclose(f);
        fprintf(stderr, "%s: error: cannot read it to copy: %s\n", from, strerror(errno));
        return false;
    }
    size_t len = (size_t)st.st_size;
    char *data = br_arena_alloc(a, len + 1);
    bool ok = fread(data, 1, len, f) == len;
    fclose(f);
    if (!ok) {
        fprintf(stderr, "%s: error: cannot read it to copy\n", from);
        return false;
    }
    return write_at(path, data, len);
}

/* Writes the edited sources under to, at their places relative to from;
 * then, unedited, whatever else of the folder the paper is made from: a
 * house-style template kept beside the report (and the files it reads),
 * and its fonts when they are kept there too.  Without them the new
 * quarter would not check. */
static bool write_all(editor *e, const br_diags *read, const br_template *t, const char *from_dir,
                      const char *to)
{
    char real_from[PATH_MAX];
    if (!realpath(from_dir, real_from))
        return false;
    const char **written = br_arena_calloc(e->a, e->src->nsources + read->nsources + 1, sizeof *written);
    size_t nwritten = 0;
    for (size_t f = 0; f < e->src->nsources; f++) {
        const char *path = place_in(e->a, e->src->sources[f].file, real_from, to);
        if (!path)
            continue;
        size_t len;
        char *text = apply(e, f, &len);
        if (!write_at(path, text, len))
            return false;
        written[nwritten++] = path;
    }
    for (size_t f = 0; f < read->nsources; f++) {
        const char *path = place_in(e->a, read->sources[f].file, real_from, to);
        bool done = !path;
        for (size_t i = 0; !done && i < nwritten; i++)
            done = strcmp(written[i], path) == 0;
        if (done)
            continue;
        if (!write_at(path, read->sources[f].text, read->sources[f].len))
            return false;
        written[nwritten++] = path;
    }
    for (int face = 0; face < BR_FACE_COUNT; face++) {
        if (!t->font_files[face])
            continue;
        const char *font = br_arena_printf(e->a, "%s/%s", t->font_dir, t->font_files[face]);
        const char *path = place_in(e->a, font, real_from, to);
        struct stat st;
        if (path && stat(path, &st) != 0 && !copy_file(e->a, font, path))
            return false;
    }
    return true;
}

/* TO must not exist, or be an empty folder (not a link to one): every file
 * is then created new, and nothing already there (last quarter's files, a
 * link into them) can be replaced or written through. */
static bool to_is_new(const char *to)
{
    struct stat st;
    if (lstat(to, &st) != 0) {
        if (errno == ENOENT)
            return true;
        fprintf(stderr, "%s: error: cannot use as the new quarter's folder: %s\n", to, strerror(errno));
        return false;
    }
    const char *why = S_ISLNK(st.st_mode) ? "is a symbolic link"
                      : !S_ISDIR(st.st_mode) ? "exists and is not a folder" : NULL;
    DIR *d = why ? NULL : opendir(to);
    if (!why && !d)
        why = "is a folder that cannot be read";
    for (struct dirent *de; d && !why && (de = readdir(d));)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            why = "is not empty";
    if (d)
        closedir(d);
    if (why)
        fprintf(stderr, "%s: error: %s; next-quarter writes only into a new or empty folder, "
                        "so that nothing is replaced: name a folder that does not exist yet\n",
                to, why);
    return !why;
}

int br_cmd_next(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    const char *from = opts.args[0], *to = opts.args[1];
    br_arena *a = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, a);
    br_template t;
    br_report *r = br_report_prepare(from, &t, a, &diags);
    int status = BR_EXIT_INVALID;
    if (!r || br_diags_failed(&diags)) {
        br_finish(&diags, false);
        fprintf(stderr, "boardreport next-quarter: %s has errors; fix them first\n", from);
    } else if (!br_cli_may_write(to, NULL, NULL, 0, &diags) || !to_is_new(to)) {
        br_finish(&diags, false);   /* said why: never into the archive or a package */
    } else {
        br_diags raw;
        br_diags_init(&raw, a);
        br_input in;
        br_input_load(&in, from, a, NULL, &raw);
        plan p = {.r = r};
        br_period_next(&r->periods[r->period], &p.new_period, p.next, sizeof p.next);
        p.add = br_report_period_index(r, p.next) == BR_NONE;
        p.window = p.add && shows_period_columns(in.roots[0], r);
        p.dropped = p.window ? r->periods[0].id : NULL;
        editor e = {.a = a, .src = &raw};
        char today[16];
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        edit_report(&e, in.roots[0], &p, today);
        const br_node *periods = seq_of(in.roots[0], "periods");
        if (p.add && periods)
            edit_periods(&e, periods, &p);
        if (p.window)
            shift_columns(&e, in.roots[0], &p);
        for (size_t i = 0; p.dropped && i < in.nroots; i++)
            drop_values(&e, in.roots[i], p.dropped);
        qsort(e.edits, e.nedits, sizeof *e.edits, by_offset);
        if (write_all(&e, &diags, &t, r->dir, to)) {
            size_t n = list_updates(to, &p, r->periods[r->period].id, a);
            fprintf(stderr, "boardreport next-quarter: %s holds %s%s%s; %zu thing%s to update (listed above)\n",
                    to, p.next, p.dropped ? ", without " : "", p.dropped ? p.dropped : "", n, n == 1 ? "" : "s");
            status = BR_EXIT_OK;
        }
    }
    br_arena_free(a);
    return status;
}
