/* build.c — the field-table machinery and scalar readers of the builder. */
#include "build_int.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "br_format.h"
#include "br_limits.h"
#include "br_markup.h"
#include "br_period.h"

/* The first three statuses: what a hand-set RAG may say. */
const char *const br_build_rag_names[] = {"red", "amber", "green", NULL};
_Static_assert(BR_STATUS_RED == 0 && BR_STATUS_AMBER == 1 && BR_STATUS_GREEN == 2,
               "br_build_rag_names follows br_status");
const char *const br_build_align_names[] = {"left", "center", "right", "decimal", NULL};

bool br_build_node_is_null(const br_node *n)
{
    if (!n)
        return true;
    if (n->kind != BR_NODE_SCALAR || !n->plain)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

bool br_build_want_map(builder *b, const br_node *n, const char *what)
{
    if (n && n->kind == BR_NODE_MAP)
        return true;
    br_error(b->d, n->loc, "%s must be a mapping (key: value lines), not %s", what,
             br_node_kind_name(n));
    return false;
}

bool br_build_want_seq(builder *b, const br_node *n, const char *what)
{
    if (n && n->kind == BR_NODE_SEQ)
        return true;
    br_error(b->d, n->loc, "%s must be a list (lines starting '- '), not %s", what,
             br_node_kind_name(n));
    return false;
}

void br_build_note_text(builder *b, const br_node *n)
{
    if (b->texts)
        *BR_PUSH(b->a, b->texts->items, b->texts->n, b->texts->cap) = (br_textref){n->text, n->loc};
}

const char *br_build_read_text(builder *b, const br_node *n, const char *what)
{
    if (n->kind != BR_NODE_SCALAR) {
        br_error(b->d, n->loc, "%s must be text, not %s", what, br_node_kind_name(n));
        return NULL;
    }
    if (br_build_node_is_null(n)) {
        br_error(b->d, n->loc, "%s has no value", what);
        return NULL;
    }
    br_build_note_footnote_refs(b, n->text, n->loc);
    br_build_note_text(b, n);
    return n->text;
}

void br_build_check_placeholders(builder *b, const br_node *n, const char *text,
                                 const char *const *known, const char *where)
{
    size_t nknown = 0;
    while (known && known[nknown])
        nknown++;
    for (const char *p = text ? strchr(text, '{') : NULL; p; p = strchr(p + 1, '{')) {
        size_t len = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
        if (!len || p[1 + len] != '}')
            continue;       /* not {name}: braces of another kind print as written */
        char *written = br_arena_strndup(b->a, p + 1, len);
        char *name = br_arena_strdup(b->a, written);
        for (char *q = name; *q; q++)
            *q = (char)tolower((unsigned char)*q);
        bool ok = false;
        for (size_t i = 0; i < nknown && !ok; i++)
            ok = strcmp(known[i], name) == 0;
        /* {Title} is {title} capitalised, as a Word user writes a field:
         * placeholders are lower case, so it would print as written. */
        if (ok && strcmp(written, name) != 0)
            br_error(b->d, n->loc, "{%s} in %s is no placeholder: placeholders are written in "
                     "lower case, {%s} (it would print as written)", written, where, name);
        if (ok)
            continue;
        const char *list = "";
        for (size_t i = 0; i < nknown; i++)
            list = br_arena_printf(b->a, "%s%s{%s}", list, i ? ", " : "", known[i]);
        const char *near = br_suggest(name, known, nknown);
        if (near)
            br_error(b->d, n->loc, "{%s} in %s is no placeholder; did you mean {%s}? (it would "
                     "print as written)", written, where, near);
        else if (nknown)
            br_warning(b->d, n->loc, "{%s} in %s is no placeholder, so it prints as written; the "
                       "placeholders here are %s", written, where, list);
        else
            br_warning(b->d, n->loc, "{%s} in %s prints as written: it takes no placeholders "
                       "(a measure column's heading takes {date})", written, where);
    }
}

/* Whether s is written as a plain number: 12, -3.5, 0.75, 1e3; sets the
 * count of decimals written, for an exponent the decimals of the number it
 * writes (2.5e-3 is 0.0025: four; 12.5e1 is 125: none). */
static bool number_syntax(const char *s, int *decimals)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
        return false;
    while (isdigit((unsigned char)*p))
        p++;
    int dec = 0;
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) {
            p++;
            dec++;
        }
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        int sign = *p == '-' ? -1 : 1;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        long exp = 0;
        while (isdigit((unsigned char)*p)) {
            exp = exp < 1000 ? exp * 10 + (*p - '0') : exp;
            p++;
        }
        long places = dec - sign * exp;
        dec = places < 0 ? 0 : places > 15 ? 15 : (int)places;
    }
    *decimals = dec;
    return *p == '\0';
}

/* The significant digits of a plain number's mantissa, from its first
 * non-zero digit to its last: 100.0000000000001 has 16, 0.0025 two. */
static int significant_digits(const char *s)
{
    int n = 0, zeros = 0;
    for (const char *p = s; *p && *p != 'e' && *p != 'E'; p++) {
        if (!isdigit((unsigned char)*p))
            continue;
        if (*p == '0') {
            zeros += n > 0;
            continue;
        }
        n += zeros + 1;
        zeros = 0;
    }
    return n;
}

/* A plain number within BR_MAX_MAGNITUDE and BR_MAX_SIGNIFICANT digits.
 * A leading U+2212 minus sign ("−5", as Word and PDFs set it) is a minus:
 * read as text it printed as written and gave no status. */
static bool parse_number(const char *s, double *out, int *decimals)
{
    char buf[80];
    if (strncmp(s, "\u2212", 3) == 0 && strlen(s) < sizeof buf - 1) {
        snprintf(buf, sizeof buf, "-%s", s + 3);
        s = buf;
    }
    int dec;
    if (!number_syntax(s, &dec) || significant_digits(s) > BR_MAX_SIGNIFICANT)
        return false;
    double v = strtod(s, NULL);
    if (!isfinite(v) || fabs(v) > BR_MAX_MAGNITUDE)
        return false;
    *out = v;
    if (decimals)
        *decimals = dec;
    return true;
}

static bool all_digits(const char *s, const char *digits)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!strchr(digits, *s) && *s != '_')
            return false;
    return true;
}

/* What is wrong with a plain scalar YAML (1.1 or 1.2) would read as a
 * number but boardreport does not: infinity and not-a-number, hexadecimal
 * and octal, '_' between digits, magnitudes beyond BR_MAX_MAGNITUDE and
 * more digits than BR_MAX_SIGNIFICANT (the last would be lost in print).
 * NULL when none of these: without this they were kept as text and printed
 * as written with status "no data".  The message says what to write. */
static const char *number_problem(builder *b, const char *s)
{
    const char *p = s + (*s == '+' || *s == '-');
    static const char *const specials[] = {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"};
    for (size_t i = 0; i < sizeof specials / sizeof *specials; i++)
        if (strcmp(p, specials[i]) == 0)
            return "is infinity or not-a-number, which no report can show; write the figure, "
                   "or text such as \"TBD\" in quotes";
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && all_digits(p + 2, "0123456789abcdefABCDEF"))
        return br_arena_printf(b->a, "is a hexadecimal number; write it in decimal (%lld)",
                               strtoll(p, NULL, 16) * (*s == '-' ? -1 : 1));
    if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O') && all_digits(p + 2, "01234567"))
        return br_arena_printf(b->a, "is an octal number; write it in decimal (%lld)",
                               strtoll(p + 2, NULL, 8) * (*s == '-' ? -1 : 1));
    if (strchr(p, '_') && isdigit((unsigned char)p[0]) && all_digits(p, "0123456789.")) {
        char *plain = br_arena_strdup(b->a, s), *w = plain;
        for (const char *r = s; *r; r++)
            if (*r != '_')
                *w++ = *r;
        *w = '\0';
        return br_arena_printf(b->a, "groups its digits with '_'; write %s", plain);
    }
    int dec;
    if (number_syntax(s, &dec) && significant_digits(s) > BR_MAX_SIGNIFICANT)
        return br_arena_printf(b->a, "has %d significant digits, more than a figure holds (%d); "
                               "round it to %d, or to the places the paper prints",
                               significant_digits(s), BR_MAX_SIGNIFICANT, BR_MAX_SIGNIFICANT);
    if (number_syntax(s, &dec))     /* a number, but parse_number refused it: too large */
        return "is beyond the largest figure boardreport takes, " BR_MAX_MAGNITUDE_TEXT "; "
               "check the number, or write it in a larger unit";
    return NULL;
}

bool br_build_plain_number(const br_node *n, double *out, int *decimals)
{
    return n->kind == BR_NODE_SCALAR && n->plain && parse_number(n->text, out, decimals);
}

bool br_build_read_number(builder *b, const br_node *n, const char *what, double *out, int *decimals)
{
    if (n->kind == BR_NODE_SCALAR && n->plain && parse_number(n->text, out, decimals))
        return true;
    const char *problem = n->kind == BR_NODE_SCALAR && n->plain ? number_problem(b, n->text) : NULL;
    if (problem)
        br_error(b->d, n->loc, "%s: '%s' %s", what, n->text, problem);
    else if (n->kind != BR_NODE_SCALAR)
        br_error(b->d, n->loc, "%s must be a number, not %s", what, br_node_kind_name(n));
    else if (br_format_looks_like_figure(n->text))
        br_error(b->d, n->loc, "%s must be a bare number, not '%s'; leave out units, '%%' and "
                 "thousands separators", what, n->text);
    else
        br_error(b->d, n->loc, "%s must be a number, not '%s'", what, n->text);
    return false;
}

bool br_build_read_value(builder *b, const br_node *n, const char *what, br_value *out)
{
    return br_build_read_figure(b, n, what, out, true);
}

/* {value: 60.6, display: "60.6"}: the figure (value:) drives status and
 * every check, and display: is what the paper prints, as a target's
 * printed form is: a percentage printed without its sign (a plan's outturn
 * column), a figure with words the plain form would not take. */
static bool read_printed_form(builder *b, const br_node *n, const char *what, br_value *out,
                              bool judged)
{
    static const char *const keys[] = {"value", "display", NULL};
    bool unknown = false;
    for (size_t i = 0; i < n->npairs; i++) {
        const br_node *k = n->pairs[i].key;
        if (strcmp(k->text, "value") == 0 || strcmp(k->text, "display") == 0)
            continue;
        const char *s = br_suggest(k->text, keys, 2);
        br_error(b->d, k->loc, "unknown key '%s' in %s; %s", k->text, what,
                 s ? br_arena_printf(b->a, "did you mean '%s'?", s)
                   : "a figure with its printed form is {value: 60.6, display: \"60.6\"}");
        unknown = true;
    }
    const br_node *value = br_map_get(n, "value"), *display = br_map_get(n, "display");
    if (unknown)
        return false;
    if (!value || !display) {
        br_error(b->d, n->loc, "%s written as a mapping needs value: (the figure) and display: "
                 "(what the paper prints): {value: 60.6, display: \"60.6\"}", what);
        return false;
    }
    if (value->kind != BR_NODE_SCALAR) {
        br_error(b->d, value->loc, "'value' of %s must be a number, not %s", what,
                 br_node_kind_name(value));
        return false;
    }
    if (!br_build_read_figure(b, value, what, out, judged))
        return false;
    if (out->kind != BR_VALUE_NUMBER) {
        br_error(b->d, value->loc, "%s: value: is %s, but display: is the printed form of a "
                 "number; write text such as NA or TBD as the figure itself, without display:",
                 what, out->kind == BR_VALUE_TEXT ? "text" : "empty");
        out->kind = BR_VALUE_NONE;
        return false;
    }
    const char *shown = br_build_read_text(b, display, "'display' of a figure");
    if (!shown)
        return false;
    double x;
    int places, unit;
    /* A printed form reads as a figure when it is one ("60.6", "61%"): it
     * must be the value, or the paper would print one figure and judge
     * another. */
    bool figure = br_format_parse_figure(shown, &x, &places, &unit) ||
                  (parse_number(shown, &x, &places) && (unit = -1, true));
    if (figure && strcmp(br_format_number(b->a, x, places, NULL),
                         br_format_number(b->a, out->number, places, NULL)) != 0)
        br_warning(b->d, display->loc, "display: '%s' shows the figure %s, but value: is %s; "
                   "the paper prints '%s' and judges %s; make them agree", shown,
                   br_format_number(b->a, x, places, NULL), out->text, shown, out->text);
    out->text = shown;
    out->as_written = true;
    out->unit_written = figure ? unit : -1;
    return true;
}

bool br_build_read_figure(builder *b, const br_node *n, const char *what, br_value *out,
                          bool judged)
{
    memset(out, 0, sizeof *out);
    out->loc = n->loc;
    if (n->kind == BR_NODE_MAP)
        return read_printed_form(b, n, what, out, judged);
    if (n->kind != BR_NODE_SCALAR) {
        br_error(b->d, n->loc, "%s must be a number or text such as TBD, not %s", what,
                 br_node_kind_name(n));
        return false;
    }
    if (br_build_node_is_null(n))
        return true;    /* kind NONE */
    out->text = n->text;
    if (n->plain && parse_number(n->text, &out->number, &out->decimals)) {
        out->kind = BR_VALUE_NUMBER;
        return true;
    }
    const char *problem = n->plain ? number_problem(b, n->text) : NULL;
    if (problem) {
        br_error(b->d, n->loc, "%s: '%s' %s", what, n->text, problem);
        return false;
    }
    /* "76%", "£2.837m.", "62% (158/256)": the figure drives status and
     * every check, and the paper prints it as written. */
    if (br_format_parse_figure(n->text, &out->number, &out->decimals, &out->unit_written) &&
        fabs(out->number) <= BR_MAX_MAGNITUDE) {
        out->kind = BR_VALUE_NUMBER;
        out->as_written = true;
        br_build_note_footnote_refs(b, n->text, n->loc);
        return true;
    }
    if (n->plain && br_format_looks_like_figure(n->text)) {
        br_error(b->d, n->loc,
                 "%s '%s' is not a figure boardreport can read; write the number as the paper "
                 "prints it (5611, 5,611, 76%%, £2.8m, 62%% (158/256)), or quote it to print it "
                 "as text", what, n->text);
        return false;
    }
    /* A number in quotes would silently be text: nobody means that. */
    double ignored;
    if (!n->plain && parse_number(n->text, &ignored, NULL)) {
        br_error(b->d, n->loc, "%s \"%s\" is in quotes, so it would be text: printed as written "
                 "but %s; remove the quotes to make it a number", what, n->text,
                 judged ? "giving no status" : "with no figure to export");
        return false;
    }
    out->kind = BR_VALUE_TEXT;
    br_build_note_footnote_refs(b, n->text, n->loc);
    br_build_note_text(b, n);
    return true;
}

/* "2019-02-30", "2012-13-01": written as a date, but no such day exists. */
static bool date_shaped(const char *s, int *month)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    *month = (s[5] - '0') * 10 + (s[6] - '0');
    return s[10] == '\0';
}

bool br_build_read_date(builder *b, const br_node *n, const char *what, br_date *out)
{
    int month;
    if (n->kind == BR_NODE_SCALAR && br_date_parse(n->text, out))
        return true;
    if (n->kind == BR_NODE_SCALAR && n->len == 10 && date_shaped(n->text, &month)) {
        int year = atoi(n->text);
        if (year < BR_MIN_YEAR || year > BR_MAX_YEAR)
            br_error(b->d, n->loc, "%s '%s' has the year %04d, which is out of range; a date's "
                     "year must be %d to %d", what, n->text, year, BR_MIN_YEAR, BR_MAX_YEAR);
        else if (month < 1 || month > 12)
            br_error(b->d, n->loc, "%s '%s' has month %d; the month (YYYY-MM-DD) must be 01 to 12",
                     what, n->text, month);
        else
            br_error(b->d, n->loc, "%s '%s' is a day that does not exist; check the day of the month",
                     what, n->text);
        return false;
    }
    int d, m, y;
    char rest;
    if (n->kind != BR_NODE_SCALAR)
        br_error(b->d, n->loc, "%s must be a date (YYYY-MM-DD), not %s", what,
                 br_node_kind_name(n));
    else if (sscanf(n->text, "%2d/%2d/%4d%c", &d, &m, &y, &rest) == 3 && y > 999)
        br_error(b->d, n->loc, "%s '%s' is written day/month/year; write it as YYYY-MM-DD: "
                 "%04d-%02d-%02d", what, n->text, y, m, d);
    else
        br_error(b->d, n->loc, "%s '%s' is not a date; write it as YYYY-MM-DD, e.g. 2019-10-17",
                 what, n->text);
    return false;
}

static size_t count_names(const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    return n;
}

int br_build_read_enum(builder *b, const br_node *n, const char *const *names, const char *what)
{
    size_t count = count_names(names);
    if (n->kind == BR_NODE_SCALAR) {
        for (size_t i = 0; i < count; i++)
            if (names[i][0] && strcmp(n->text, names[i]) == 0)
                return (int)i;
    }
    char list[512] = "";
    for (size_t i = 0, used = 0; i < count; i++) {
        if (!names[i][0])
            continue;
        int w = snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", names[i]);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    const char *s = n->kind == BR_NODE_SCALAR ? br_suggest(n->text, names, count) : NULL;
    if (s)
        br_error(b->d, n->loc, "%s: '%s' is not known; did you mean '%s'? (one of: %s)", what,
                 n->text, s, list);
    else if (n->kind == BR_NODE_SCALAR)
        br_error(b->d, n->loc, "%s: '%s' is not known; use one of: %s", what, n->text, list);
    else
        br_error(b->d, n->loc, "%s must be one of: %s", what, list);
    return -1;
}

bool br_build_read_whole(builder *b, const br_node *n, const char *what, int lo, int hi,
                         const char *note, int *out)
{
    double d;
    int dec;
    if (!br_build_read_number(b, n, what, &d, &dec))
        return false;
    if (!dec && d >= lo && d <= hi) {
        *out = (int)d;
        return true;
    }
    if (hi - lo == 2)
        br_error(b->d, n->loc, "%s must be %d, %d or %d%s", what, lo, lo + 1, hi, note ? note : "");
    else
        br_error(b->d, n->loc, "%s must be a whole number from %d to %d%s", what, lo, hi,
                 note ? note : "");
    return false;
}

const char *br_build_item_name(builder *b, const br_node *map, const char *kind,
                               const char *a_kind)
{
    const br_node *id = br_map_get(map, "id");
    if (id && id->kind == BR_NODE_SCALAR && id->len < 100)
        return br_arena_printf(b->a, "%s '%s'", kind, id->text);
    return a_kind;
}

const char *br_build_read_note_switch(builder *b, const br_node *n, const char *what)
{
    static const char *const off[] = {"false", "no", "False", "No", "FALSE", "NO"};
    for (size_t i = 0; n->kind == BR_NODE_SCALAR && n->plain && i < sizeof off / sizeof *off; i++)
        if (strcmp(n->text, off[i]) == 0)
            return "";
    return br_build_read_text(b, n, what);
}

bool br_build_read_bool(builder *b, const br_node *n, const char *what, bool *out)
{
    static const char *const yes[] = {"true", "yes", "True", "Yes", "TRUE", "YES"};
    static const char *const no[] = {"false", "no", "False", "No", "FALSE", "NO"};
    if (n->kind == BR_NODE_SCALAR) {
        for (size_t i = 0; i < 6; i++) {
            if (strcmp(n->text, yes[i]) == 0)
                return *out = true, true;
            if (strcmp(n->text, no[i]) == 0)
                return *out = false, true;
        }
    }
    br_error(b->d, n->loc, "%s must be true or false (yes or no)", what);
    return false;
}

typedef struct ref_sink {
    builder *b;
    br_loc loc;
} ref_sink;

static void note_ref(void *ctx, br_face face, const char *key, size_t keylen, const char *raw,
                     size_t rawlen)
{
    (void)face, (void)raw, (void)rawlen;
    ref_sink *rs = ctx;
    br_fnref *r = BR_PUSH(rs->b->a, rs->b->refs, rs->b->nrefs, rs->b->refs_cap);
    r->key = br_arena_strndup(rs->b->a, key, keylen);
    r->loc = rs->loc;
}

/* The references the composer will print, read by the same parser. */
/* "[^ ]": meant as a footnote, but a reference needs a name (the markup
 * prints it as written). */
/* "[^has space]": a footnote name has no spaces, so it prints as written. */
static void spaced_footnote_name(builder *b, const char *ref, size_t len, br_loc loc)
{
    char *name = br_arena_strndup(b->a, ref + 2, len);
    for (char *c = name; *c; c++)
        if (*c == ' ' || *c == '\t')
            *c = '-';
    br_warning(b->d, loc, "'%.*s]' is not a footnote reference, since a footnote's name has no "
               "spaces, so it prints as written; write [^%s], or \\[^ for the text",
               (int)(len + 2), ref, name);
}

static void blank_footnote_names(builder *b, const char *text, br_loc loc)
{
    for (const char *p = strstr(text, "[^"); p; p = strstr(p + 2, "[^")) {
        size_t slashes = 0;
        while (p - slashes > text && p[-1 - (ptrdiff_t)slashes] == '\\')
            slashes++;
        if (slashes % 2)
            continue;   /* \[^ is written out on purpose */
        size_t n = strspn(p + 2, " \t");
        size_t name = strcspn(p + 2, "] \t\n");
        if (n > 0 && p[2 + n] == ']')
            br_error(b->d, loc, "footnote reference '%.*s' has a blank name; write the name of a "
                     "footnote, e.g. [^provisional]", (int)(n + 3), p);
        else if (p[2] == ']')   /* prints as written, as markup says: but nobody means that */
            br_warning(b->d, loc, "'[^]' is a footnote reference with no name, so it prints as "
                       "written; name the footnote ([^provisional]) or write \\[^] for the text");
        else if (name > 0 && p[2 + name] != ']' && p[2 + strcspn(p + 2, "]\n[")] == ']')
            spaced_footnote_name(b, p, strcspn(p + 2, "]\n["), loc);
        else if (name > 0 && p[2 + name] != ']')
            br_warning(b->d, loc, "footnote reference '%.*s' is not closed, so it prints as "
                       "written; add the ']': [^%.*s]", (int)(name + 2), p, (int)name, p + 2);
    }
}

void br_build_note_footnote_refs(builder *b, const char *text, br_loc loc)
{
    if (!strstr(text, "[^"))
        return;     /* most text has none: no scratch for the parser */
    blank_footnote_names(b, text, loc);
    ref_sink rs = {b, loc};
    br_markup_sink sink = {NULL, note_ref, &rs};
    br_markup_parse(b->a, text, BR_FACE_REGULAR, &sink);
}

static bool is_measure_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return false;
    return true;
}

/* "Looked After Children" -> "looked-after-children": the id to suggest. */
static const char *measure_id_of(builder *b, const char *s)
{
    size_t n = strlen(s);
    char *id = br_arena_alloc(b->a, n + 1), *o = id;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c))
            *o++ = (char)tolower(c);
        else if (o > id && o[-1] != '-')
            *o++ = '-';
    }
    while (o > id && o[-1] == '-')
        o--;
    *o = '\0';
    return id;
}

static bool is_key(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '-' || *s == '_' || *s == '.'))
            return false;
    return true;
}

static void read_textlist(builder *b, const br_node *v, const field *f, void *obj,
                          const char *label)
{
    const char ***items = (const char ***)((char *)obj + f->off);
    size_t *count = (size_t *)((char *)obj + f->off2);
    if (v->kind == BR_NODE_SCALAR) {
        *items = br_arena_alloc(b->a, sizeof **items);
        (*items)[0] = br_build_read_text(b, v, label);
        *count = (*items)[0] ? 1 : 0;
        return;
    }
    if (!br_build_want_seq(b, v, label))
        return;
    *items = br_arena_calloc(b->a, v->nitems, sizeof **items);
    *count = 0;
    for (size_t i = 0; i < v->nitems; i++) {
        const char *t = br_build_read_text(b, v->items[i], label);
        if (t)
            (*items)[(*count)++] = t;
    }
}

static void read_field(builder *b, const br_node *v, const field *f, void *obj, const char *what)
{
    char label[256];
    snprintf(label, sizeof label, "'%s' of %s", f->name, what);
    void *dst = (char *)obj + f->off;
    switch (f->type) {
    case F_TEXT: {
        const char *t = br_build_read_text(b, v, label);
        if (t)
            *(const char **)dst = t;
        break;
    }
    case F_MEASURE_ID:
    case F_KEY: {
        const char *t = br_build_read_text(b, v, label);
        bool ok = t && (f->type == F_KEY ? is_key(t) : is_measure_id(t));
        if (t && !ok && f->type == F_KEY)
            br_error(b->d, v->loc, "%s '%s' may use only letters, digits, '-', '_' and '.'",
                     f->name, t);
        else if (t && !ok)
            br_error(b->d, v->loc, "%s '%s' may use only lower-case letters, digits and '-'; "
                     "write it as '%s'", f->name, t, measure_id_of(b, t));
        if (ok)
            *(const char **)dst = t;
        break;
    }
    case F_INT: {
        double d;
        int dec;
        if (br_build_read_number(b, v, label, &d, &dec)) {
            if (dec || d != floor(d) || fabs(d) > 1e6)
                br_error(b->d, v->loc, "%s must be a whole number", label);
            else
                *(int *)dst = (int)d;
        }
        break;
    }
    case F_BOOL3:
    case F_BOOL: {
        bool yes;
        if (br_build_read_bool(b, v, label, &yes)) {
            if (f->type == F_BOOL)
                *(bool *)dst = yes;
            else
                *(int *)dst = yes;
        }
        break;
    }
    case F_ENUM: {
        int e = br_build_read_enum(b, v, f->names, label);
        if (e >= 0) {
            *(int *)dst = e;
            if (f->off2)
                *(bool *)((char *)obj + f->off2 - 1) = true;
        }
        break;
    }
    case F_VALUE:
    case F_FIGURE:
        br_build_read_figure(b, v, label, (br_value *)dst, f->type == F_VALUE);
        break;
    case F_DATE:
        br_build_read_date(b, v, label, (br_date *)dst);
        break;
    case F_TEXTLIST:
        read_textlist(b, v, f, obj, label);
        break;
    case F_CUSTOM:
        f->custom(b, v, obj);
        break;
    }
}

static size_t field_names(const field *fields, size_t n, const char **names)
{
    size_t count = n < 64 ? n : 64;
    for (size_t i = 0; i < count; i++)
        names[i] = fields[i].name;
    return count;
}

static const field *find_field(const field *fields, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(fields[k].name, name) == 0)
            return &fields[k];
    return NULL;
}

/* True when some unknown key of map was already reported as a misspelling
 * of name: "organization" needs no second message that "organisation" is
 * missing. */
static bool misspelt_in(const br_node *map, const field *fields, size_t n, const char *name)
{
    const char *names[64];
    size_t count = field_names(fields, n, names);
    for (size_t i = 0; i < map->npairs; i++) {
        const char *key = map->pairs[i].key->text;
        if (!find_field(fields, n, key) && br_suggest(key, names, count) == name)
            return true;
    }
    return false;
}

static void unknown_key(builder *b, const br_node *key, const field *fields, size_t n,
                        const char *what)
{
    const char *names[64] = {0};
    size_t count = field_names(fields, n, names);
    const char *s = br_suggest(key->text, names, count);
    if (s) {
        br_error(b->d, key->loc, "unknown key '%s' in %s; did you mean '%s'?", key->text, what, s);
        return;
    }
    char list[768] = "";
    for (size_t i = 0, used = 0; i < count; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    br_error(b->d, key->loc, "unknown key '%s' in %s; known keys: %s", key->text, what, list);
}

void br_build_fields(builder *b, const br_node *map, const field *fields, size_t nfields,
                  void *obj, const char *what)
{
    uint64_t seen = 0;      /* fields read so far, by index */
    for (size_t i = 0; i < map->npairs; i++) {
        const br_node *key = map->pairs[i].key, *value = map->pairs[i].value;
        const field *f = find_field(fields, nfields, key->text);
        if (!f) {
            unknown_key(b, key, fields, nfields, what);
            continue;
        }
        /* A duplicate key (the loader has reported it) is read once: a
         * list read twice into one object overran its array. */
        size_t k = (size_t)(f - fields);
        if (k < 64 && (seen >> k & 1))
            continue;
        seen |= k < 64 ? UINT64_C(1) << k : 0;
        if (br_build_node_is_null(value) && f->type != F_VALUE && f->type != F_FIGURE) {
            if (f->required)
                br_error(b->d, value->loc, "'%s' of %s has no value", f->name, what);
            continue;
        }
        read_field(b, value, f, obj, what);
    }
    for (size_t k = 0; k < nfields; k++) {
        if (fields[k].required && !br_map_get(map, fields[k].name) &&
            !misspelt_in(map, fields, nfields, fields[k].name))
            br_error(b->d, map->loc, "%s has no '%s'; it is required", what, fields[k].name);
    }
}
