/* diag.c — the diagnostics list and its printing. */
#include "br_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void br_diags_init(br_diags *diags, br_arena *arena)
{
    memset(diags, 0, sizeof *diags);
    diags->arena = arena;
}

static void add(br_diags *d, br_severity sev, br_loc loc, const char *fmt, va_list ap)
{
    if (sev == BR_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->count >= BR_MAX_DIAGS) {
        d->dropped++;
        return;
    }
    char buf[2048];
    vsnprintf(buf, sizeof buf, fmt, ap);
    br_diag *diag = BR_PUSH(d->arena, d->items, d->count, d->cap);
    diag->severity = sev;
    diag->loc = loc;
    diag->message = br_arena_strdup(d->arena, buf);
}

void br_error(br_diags *diags, br_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(diags, BR_SEV_ERROR, loc, fmt, ap);
    va_end(ap);
}

void br_warning(br_diags *diags, br_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(diags, BR_SEV_WARNING, loc, fmt, ap);
    va_end(ap);
}

void br_diags_add_source(br_diags *diags, const char *file, const char *text, size_t len)
{
    br_source *s = BR_PUSH(diags->arena, diags->sources, diags->nsources, diags->sources_cap);
    s->file = file;
    s->text = text;
    s->len = len;
}

void br_diags_add_errors(br_diags *to, const br_diags *from)
{
    for (size_t i = 0; i < from->count; i++)
        if (from->items[i].severity == BR_SEV_ERROR)
            br_error(to, from->items[i].loc, "%s", from->items[i].message);
}

bool br_diags_failed(const br_diags *diags)
{
    return diags->errors > 0;
}

static size_t source_rank(const br_diags *d, const char *file)
{
    if (!file)
        return 0;
    for (size_t i = 0; i < d->nsources; i++)
        if (strcmp(d->sources[i].file, file) == 0)
            return i + 1;
    return d->nsources + 1;
}

void br_diags_sort(br_diags *diags)
{
    /* Insertion sort: stable, and the list is short and nearly sorted. */
    for (size_t i = 1; i < diags->count; i++) {
        br_diag cur = diags->items[i];
        size_t rc = source_rank(diags, cur.loc.file);
        size_t j = i;
        while (j > 0) {
            br_diag *prev = &diags->items[j - 1];
            size_t rp = source_rank(diags, prev->loc.file);
            bool after = rp > rc || (rp == rc && (prev->loc.line > cur.loc.line ||
                         (prev->loc.line == cur.loc.line && prev->loc.col > cur.loc.col)));
            if (!after)
                break;
            diags->items[j] = *prev;
            j--;
        }
        diags->items[j] = cur;
    }
}

static const br_source *find_source(const br_diags *d, const char *file)
{
    for (size_t i = 0; file && i < d->nsources; i++)
        if (strcmp(d->sources[i].file, file) == 0)
            return &d->sources[i];
    return NULL;
}

/* How many bytes at s (n left) form a control character a terminal would
 * act on: C0 but tab, DEL, and C1 written in UTF-8 (U+0080..U+009F).  0:
 * none.  A hostile file must not clear the screen or fake an "ok" line. */
static size_t control_at(const unsigned char *s, size_t n)
{
    if ((s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F)
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    return 0;
}

/* Writes n bytes of text with each control character as \xHH (\u00HH
 * for C1). */
static void put_escaped(const char *text, size_t n, FILE *out)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        size_t k = control_at(s + i, n - i);
        if (k == 1)
            fprintf(out, "\\x%02x", s[i]);
        else if (k == 2)
            fprintf(out, "\\u%04x", s[i + 1]);
        else
            fputc(s[i], out);
        i += k ? k : 1;
    }
}

static void put_escaped_str(const char *s, FILE *out)
{
    put_escaped(s, strlen(s), out);
}

/* Prints line `line` of the source and a caret under column `col`; tabs are
 * kept in the caret line so that it stays aligned, and an escaped control
 * character takes as many columns as its escape. */
static void print_excerpt(const br_source *src, int line, int col, FILE *out)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    if (p >= end)
        return;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
    if (n > 0 && p[n - 1] == '\r')
        n--;
    if (n > 200)
        n = 200;
    fputs("  ", out);
    put_escaped(p, n, out);
    fputs("\n  ", out);
    const unsigned char *u = (const unsigned char *)p;
    int c = 1;   /* the column of the character at u[i] */
    for (size_t i = 0; i < n && c < col;) {
        size_t k = control_at(u + i, n - i);
        if (k) {
            fputs(k == 1 ? "    " : "      ", out);
            i += k;
        } else {
            if ((u[i] & 0xC0) != 0x80)  /* one caret column per character, not per byte */
                fputc(u[i] == '\t' ? '\t' : ' ', out);
            i++;
            while (i < n && (u[i] & 0xC0) == 0x80)
                i++;
        }
        c++;
    }
    fputs("^\n", out);
}

void br_diags_print(const br_diags *diags, FILE *out)
{
    for (size_t i = 0; i < diags->count; i++) {
        const br_diag *d = &diags->items[i];
        const char *sev = d->severity == BR_SEV_ERROR ? "error" : "warning";
        put_escaped_str(d->loc.file ? d->loc.file : "boardreport", out);
        if (d->loc.file && d->loc.line > 0)
            fprintf(out, ":%d:%d", d->loc.line, d->loc.col > 0 ? d->loc.col : 1);
        fprintf(out, ": %s: ", sev);
        put_escaped_str(d->message, out);
        fputc('\n', out);
        const br_source *src = find_source(diags, d->loc.file);
        if (src && d->loc.line > 0)
            print_excerpt(src, d->loc.line, d->loc.col, out);
    }
    if (diags->dropped)
        fprintf(out, "boardreport: %zu more diagnostics not shown\n", diags->dropped);
}

/* Levenshtein distance, or (size_t)-1 once it is sure to exceed limit: a
 * file of 300,000 misspelt keys asks for millions of these. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        size_t row_min = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
            row_min = best < row_min ? best : row_min;
        }
        if (row_min > limit)
            return (size_t)-1;
    }
    return row[lb];
}

const char *br_suggest(const char *word, const char *const *known, size_t nknown)
{
    size_t limit = strlen(word) / 3;
    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < nknown; i++) {
        size_t d = edit_distance(word, known[i], limit);
        if (d < best_d) {
            best_d = d;
            best = known[i];
        }
    }
    return best;
}
