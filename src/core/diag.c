/* diag.c — the diagnostics list and its printing. */
#include "br_diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    for (size_t i = 0; i < d->count; i++) {
        br_diag *same = &d->items[i];
        /* A warning with no place that repeats one with a place (layout
         * meeting a character check named where it is written) adds
         * nothing: it is neither printed nor counted. */
        if (sev == BR_SEV_WARNING && same->severity == sev && !loc.file && loc.line == 0 &&
            same->loc.file && strcmp(same->message, buf) == 0) {
            d->warnings--;
            return;
        }
        bool same_file = same->loc.file && loc.file ? strcmp(same->loc.file, loc.file) == 0
                                                    : same->loc.file == loc.file;
        if (same->severity == sev && same->loc.line == loc.line && same->loc.col == loc.col &&
            same_file && strcmp(same->message, buf) == 0) {
            same->repeats++;    /* still counted above: each entry has the problem */
            return;
        }
    }
    br_diag *diag = BR_PUSH(d->arena, d->items, d->count, d->cap);
    diag->severity = sev;
    diag->repeats = 0;
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

void br_error_unresolved(br_diags *diags, br_loc loc, const char *fmt, ...)
{
    if (diags->unloaded) {
        diags->suppressed++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    add(diags, BR_SEV_ERROR, loc, fmt, ap);
    va_end(ap);
}

void br_warning_unresolved(br_diags *diags, br_loc loc, const char *fmt, ...)
{
    if (diags->unloaded) {
        diags->suppressed++;
        return;
    }
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
        for (unsigned r = 0; from->items[i].severity == BR_SEV_ERROR && r <= from->items[i].repeats; r++)
            br_error(to, from->items[i].loc, "%s", from->items[i].message);
}

/* -Werror: set once by the command line, for every diags of the run. */
static bool warnings_fail;

void br_diags_warnings_fail(bool on)
{
    warnings_fail = on;
}

bool br_diags_failed(const br_diags *diags)
{
    return diags->errors > 0 || (warnings_fail && diags->warnings > 0);
}

/* Messages sort by file in the order read; the file that could not be read
 * comes first (root cause first), then those with no file. */
static size_t source_rank(const br_diags *d, const char *file)
{
    if (d->unloaded && file && strcmp(file, d->unloaded) == 0)
        return 0;
    if (!file)
        return 1;
    for (size_t i = 0; i < d->nsources; i++)
        if (strcmp(d->sources[i].file, file) == 0)
            return i + 2;
    return d->nsources + 2;
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

/* The length of the well-formed UTF-8 character at s (n left; an ASCII
 * byte is one), or 0 when the bytes there are not UTF-8. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    size_t need = s[0] < 0x80 ? 0 : s[0] >= 0xC2 && s[0] <= 0xDF ? 1
                : s[0] >= 0xE0 && s[0] <= 0xEF ? 2 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 3 : 4;
    if (need == 4 || need >= n)
        return need == 0;
    for (size_t i = 1; i <= need; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return need + 1;
}

/* How many bytes at s (n left) form a control character a terminal would
 * act on: C0 but tab, DEL, and C1 written in UTF-8 (U+0080..U+009F); or a
 * byte that is not UTF-8 at all (a lone 0x9B is CSI to an 8-bit terminal).
 * 0: none.  A hostile file must not clear the screen or fake an "ok" line. */
static size_t control_at(const unsigned char *s, size_t n)
{
    if ((s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F || !utf8_char(s, n))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    /* The bidirectional overrides and isolates (U+202A..U+202E,
     * U+2066..U+2069) reorder what the terminal shows after them. */
    if (n >= 3 && s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
                                   (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)))
        return 3;
    return 0;
}

/* The code point of the k-byte control character at s. */
static unsigned control_code(const unsigned char *s, size_t k)
{
    if (k == 1)
        return s[0];
    if (k == 2)
        return s[1];
    return ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
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
        else if (k)
            fprintf(out, "\\u%04x", control_code(s + i, k));
        else
            fwrite(s + i, 1, k = utf8_char(s + i, n - i), out);
        i += k;
    }
}

char *br_diag_escape(br_arena *arena, const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t n = strlen((const char *)s);
    char *out = br_arena_alloc(arena, n * 6 + 1), *o = out;
    for (size_t i = 0; i < n;) {
        size_t k = control_at(s + i, n - i);
        if (k == 1) {
            o += sprintf(o, "\\x%02x", s[i]);
        } else if (k) {
            o += sprintf(o, "\\u%04x", control_code(s + i, k));
        } else {
            k = utf8_char(s + i, n - i);
            memcpy(o, s + i, k);
            o += k;
        }
        i += k;
    }
    *o = '\0';
    return out;
}

static void put_escaped_str(const char *s, FILE *out)
{
    put_escaped(s, strlen(s), out);
}

/* GCC's colours (GCC_COLORS' defaults): bold locations, red errors,
 * magenta warnings, a green caret. */
#define SGR_BOLD "\033[01m"
#define SGR_ERROR "\033[01;31m"
#define SGR_WARNING "\033[01;35m"
#define SGR_CARET "\033[01;32m"
#define SGR_RESET "\033[m\033[K"

static void sgr(FILE *out, const br_diag_style *st, const char *code)
{
    if (st->color)
        fputs(code, out);
}

/* Prints line `line` of the source and a caret under column `col`; tabs are
 * kept in the caret line so that it stays aligned, and an escaped control
 * character takes as many columns as its escape. */
/* Where the line at p ends: at LF, CR LF, or a lone CR (a file saved with
 * old Mac line ends, which YAML reads as line breaks too); end if none. */
static const char *line_end(const char *p, const char *end)
{
    while (p < end && *p != '\n' && *p != '\r')
        p++;
    return p;
}

static void print_excerpt(const br_source *src, int line, int col, const br_diag_style *st,
                          FILE *out)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = line_end(p, end);
        if (nl >= end)
            return;
        p = nl + (nl[0] == '\r' && nl + 1 < end && nl[1] == '\n' ? 2 : 1);
    }
    if (p >= end)
        return;
    size_t n = (size_t)(line_end(p, end) - p);
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
    sgr(out, st, SGR_CARET);
    fputc('^', out);
    sgr(out, st, SGR_RESET);
    fputc('\n', out);
}

static void print_one(const br_diags *diags, const br_diag *d, const br_diag_style *st, FILE *out)
{
    bool error = d->severity == BR_SEV_ERROR || st->werror;
    sgr(out, st, SGR_BOLD);
    put_escaped_str(d->loc.file ? d->loc.file : "boardreport", out);
    if (d->loc.file && d->loc.line > 0)
        fprintf(out, ":%d:%d", d->loc.line, d->loc.col > 0 ? d->loc.col : 1);
    fputc(':', out);
    sgr(out, st, SGR_RESET);
    fputc(' ', out);
    sgr(out, st, error ? SGR_ERROR : SGR_WARNING);
    fputs(error ? "error:" : "warning:", out);
    sgr(out, st, SGR_RESET);
    fputc(' ', out);
    put_escaped_str(d->message, out);
    if (d->repeats && d->loc.line > 0)
        fprintf(out, " (%u times: once for each use of this text, through an alias or merge "
                "key)", d->repeats + 1);
    else if (d->repeats)
        fprintf(out, " (%u times)", d->repeats + 1);
    fprintf(out, "%s\n", d->severity == BR_SEV_WARNING && st->werror ? " [-Werror]" : "");
    const br_source *src = find_source(diags, d->loc.file);
    if (src && d->loc.line > 0)
        print_excerpt(src, d->loc.line, d->loc.col, st, out);
}

const char *br_plural(br_arena *arena, size_t n, const char *noun)
{
    return br_arena_printf(arena, "%zu %s%s", n, noun, n == 1 ? "" : "s");
}

/* "3 errors, 2 warnings" (either may be missing); "" when both are 0.
 * more: "3 more errors, 2 more warnings". */
static const char *counts(br_arena *a, size_t errors, size_t warnings, bool more)
{
    const char *e = br_plural(a, errors, more ? "more error" : "error");
    const char *w = br_plural(a, warnings, more ? "more warning" : "warning");
    if (errors && warnings)
        return br_arena_printf(a, "%s, %s", e, w);
    return errors ? e : warnings ? w : "";
}

void br_diags_print_styled(const br_diags *diags, const br_diag_style *st, FILE *out)
{
    size_t shown_errors = 0, shown_warnings = 0;
    /* Under the cap, the errors are kept before the warnings: 60 warnings
     * must not hide the one error that fails the run.  Each kind keeps its
     * file order. */
    size_t error_quota = st->max && diags->errors > st->max ? st->max : diags->errors;
    size_t warning_quota = st->max ? st->max - error_quota : diags->warnings;
    /* All the errors print first, then the warnings: a warning may only
     * follow from an error (a person no lead names, when the lead: key was
     * misspelt), and the root cause must come first. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < diags->count; i++) {
            const br_diag *d = &diags->items[i];
            bool error = d->severity == BR_SEV_ERROR;
            if (error != (pass == 0))
                continue;
            if (!error && ((st->quiet && !st->werror) || shown_warnings >= warning_quota))
                continue;
            if (error && shown_errors >= error_quota)
                continue;
            print_one(diags, d, st, out);
            if (error)
                shown_errors += 1 + d->repeats;     /* a repeat is said in its one line */
            else
                shown_warnings += 1 + d->repeats;
        }
    size_t errors = diags->errors, warnings = diags->warnings;
    if (st->quiet && !st->werror)
        warnings = shown_warnings;   /* not shown, and not counted as missing */
    const char *rest = counts(diags->arena, errors - shown_errors, warnings - shown_warnings, true);
    if (*rest)
        fprintf(out, "boardreport: %s not shown%s\n", rest,
                st->max ? " (--max-errors=0 shows them all)" : "");
    if (diags->suppressed) {
        fprintf(out, "boardreport: note: %zu more %s about ids, people or footnotes not found "
                "%s left out: %s may only follow from '", diags->suppressed,
                diags->suppressed == 1 ? "error or warning" : "errors and warnings",
                diags->suppressed == 1 ? "is" : "are", diags->suppressed == 1 ? "it" : "they");
        put_escaped_str(diags->unloaded, out);
        fputs("', which could not be read; fix it first\n", out);
    }
    if (st->quiet)
        return;
    if (st->werror)
        errors += warnings, warnings = 0;
    if (errors || warnings)
        fprintf(out, "%s generated.\n", counts(diags->arena, errors, warnings, false));
}

void br_diags_print(const br_diags *diags, FILE *out)
{
    br_diag_style plain = {0};
    br_diags_print_styled(diags, &plain, out);
}

/* Edit distance counting a swap of two neighbouring letters as one edit
 * (optimal string alignment: 'wacth' is one slip from 'watch'), or
 * (size_t)-1 once it is sure to exceed limit: a file of 300,000 misspelt
 * keys asks for millions of these.  A row's values are at least the
 * smaller of the row before's least and the least two rows before plus
 * one, so a row whose least exceeds limit ends it. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
        return (size_t)-1;
    size_t rows[3][65];
    size_t *two = rows[0], *prev = rows[1], *row = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        size_t row_min = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && two[j - 2] + 1 < best)
                best = two[j - 2] + 1;
            row[j] = best;
            row_min = best < row_min ? best : row_min;
        }
        if (row_min > limit)
            return (size_t)-1;
        size_t *t = two;
        two = prev, prev = row, row = t;
    }
    return prev[lb];
}

const char *br_suggest(const char *word, const char *const *known, size_t nknown)
{
    /* A word in the wrong case ("FINAL") is the known word, however long. */
    for (size_t i = 0; i < nknown; i++)
        if (strcasecmp(word, known[i]) == 0)
            return known[i];
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
