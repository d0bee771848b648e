/* format.c — figures as a reader sees them.
 *
 * Rounding is half away from zero on the figure as written, not on its
 * binary approximation: 2.675 (stored as 2.67499999…) prints as "2.68" to two
 * places, as a reader rounding the written figure by hand would.  The value
 * is first written out to 15 significant digits (all a double holds
 * reliably), and that decimal string is rounded.  Zero never carries a sign:
 * -0.4 to no places is "0".
 */
#include "br_format.h"

#include <ctype.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SIG_DIGITS = 15, MAX_PLACES = 15 };

/* Beyond this the figure is no report figure; printf's rounding will do. */
#define LARGE 1e17

static const br_numfmt default_fmt = {true, BR_NEG_MINUS};

/* Writes |v| rounded half away from zero to `places` decimals as the digits
 * of the integer |v| * 10^places into out (no sign, no point); returns
 * their count.  out holds at least SIG_DIGITS + MAX_PLACES + 20 bytes. */
static size_t round_digits(double v, int places, char *out)
{
    char sci[40];
    snprintf(sci, sizeof sci, "%.*e", SIG_DIGITS - 1, fabs(v));
    char sig[SIG_DIGITS];
    sig[0] = sci[0];
    memcpy(sig + 1, sci + 2, SIG_DIGITS - 1);
    int exp = atoi(strchr(sci, 'e') + 1);
    int keep = exp + places + 1;    /* significant digits at or above 10^-places */
    if (keep < 0) {
        out[0] = '0';
        return 1;
    }
    size_t n = 0;
    out[n++] = '0';                 /* room for a carry */
    for (int i = 0; i < keep; i++)
        out[n++] = i < SIG_DIGITS ? sig[i] : '0';
    if (keep < SIG_DIGITS && sig[keep] >= '5')
        for (size_t i = n - 1;; i--) {
            if (out[i] != '9') {
                out[i]++;
                break;
            }
            out[i] = '0';
        }
    size_t lead = 0;
    while (lead + 1 < n && out[lead] == '0')
        lead++;
    memmove(out, out + lead, n - lead);
    return n - lead;
}

/* Appends the integer part digits[0..n) with a comma every three digits. */
static size_t put_grouped(char *dst, const char *digits, size_t n, bool thousands)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (thousands && i > 0 && (n - i) % 3 == 0)
            dst[k++] = ',';
        dst[k++] = digits[i];
    }
    return k;
}

/* The unsigned figure "1,234.50" into buf; returns whether it is non-zero. */
static bool magnitude(double v, int places, bool thousands, char *buf)
{
    char digits[SIG_DIGITS + MAX_PLACES + 24];
    size_t n = round_digits(v, places, digits);
    bool nonzero = false;   /* digits is not NUL-terminated */
    for (size_t i = 0; i < n && !nonzero; i++)
        nonzero = digits[i] != '0';
    if (n <= (size_t)places) {      /* pad to one integer digit: "0.05" */
        size_t pad = (size_t)places + 1 - n;
        memmove(digits + pad, digits, n);
        memset(digits, '0', pad);
        n += pad;
    }
    size_t whole = n - (size_t)places;
    size_t k = put_grouped(buf, digits, whole, thousands);
    if (places > 0) {
        buf[k++] = '.';
        memcpy(buf + k, digits + whole, (size_t)places);
        k += (size_t)places;
    }
    buf[k] = '\0';
    return nonzero;
}

char *br_format_number(br_arena *arena, double v, int decimals, const br_numfmt *fmt)
{
    if (!fmt)
        fmt = &default_fmt;
    int places = decimals < 0 ? 0 : decimals > MAX_PLACES ? MAX_PLACES : decimals;
    if (!isfinite(v) || fabs(v) >= LARGE)
        return br_arena_printf(arena, "%.*f", places, v);
    char buf[96];
    bool nonzero = magnitude(v, places, fmt->thousands, buf);
    if (!nonzero || !signbit(v))
        return br_arena_strdup(arena, buf);
    if (fmt->negative == BR_NEG_BRACKETS)
        return br_arena_printf(arena, "(%s)", buf);
    return br_arena_printf(arena, "-%s", buf);
}

char *br_format_affixed(br_arena *arena, const char *num, const char *prefix, const char *suffix)
{
    if (num[0] == '-' || num[0] == '(') {
        size_t n = strlen(num);
        bool bracket = num[0] == '(';
        return br_arena_printf(arena, "%c%s%.*s%s%s", num[0], prefix,
                               (int)(n - 1 - bracket), num + 1, suffix, bracket ? ")" : "");
    }
    return br_arena_printf(arena, "%s%s%s", prefix, num, suffix);
}

void br_format_unit_affixes(br_unit unit, bool with_unit_word, bool one, const char **prefix,
                            const char **suffix)
{
    *prefix = unit == BR_UNIT_GBP || unit == BR_UNIT_GBP_K || unit == BR_UNIT_GBP_M ? "£" : "";
    switch (unit) {
    case BR_UNIT_PERCENT: *suffix = "%"; break;
    case BR_UNIT_GBP_K: *suffix = "k"; break;
    case BR_UNIT_GBP_M: *suffix = "m"; break;
    case BR_UNIT_DAYS: *suffix = !with_unit_word ? "" : one ? " day" : " days"; break;
    case BR_UNIT_WEEKS: *suffix = !with_unit_word ? "" : one ? " week" : " weeks"; break;
    default: *suffix = ""; break;
    }
}

char *br_format_value(br_arena *arena, const br_value *v, br_unit unit, int decimals,
                      bool with_unit_word, const br_numfmt *fmt)
{
    if (v->kind == BR_VALUE_NONE)
        return br_arena_strdup(arena, "");
    if (v->kind == BR_VALUE_TEXT || (v->as_written && v->text))
        return br_arena_strdup(arena, v->text ? v->text : "");
    char *num = br_format_number(arena, v->number, br_format_value_places(v, decimals), fmt);
    const char *prefix, *suffix;
    br_format_unit_affixes(unit, with_unit_word, strcmp(num, "1") == 0, &prefix, &suffix);
    return *prefix || *suffix ? br_format_affixed(arena, num, prefix, suffix) : num;
}

char *br_format_change(br_arena *arena, double percent, int places)
{
    char *num = br_format_number(arena, percent, places, &default_fmt);
    bool zero = strspn(num, "0.,") == strlen(num);
    return br_arena_printf(arena, "%s%s%%", !zero && num[0] != '-' ? "+" : "", num);
}

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"};

char *br_format_date(br_arena *arena, br_date d, bool long_form)
{
    const char *const *months = month_names;
    if (d.year == 0 || d.month < 1 || d.month > 12)
        return br_arena_strdup(arena, "");
    if (long_form)
        return br_arena_printf(arena, "%d %s %d", d.day, months[d.month - 1], d.year);
    return br_arena_printf(arena, "%02d/%02d/%02d", d.day, d.month, d.year % 100);
}

bool br_format_looks_like_figure(const char *text)
{
    bool digit = false;
    if (strncmp(text, "\u2212", strlen("\u2212")) == 0)   /* a typeset minus */
        text += strlen("\u2212");
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isdigit(c))
            digit = true;
        else if (!strchr("+-.,%() kmM", c) && c != 0xC2 && c != 0xA3)   /* 0xC2 0xA3: '£' */
            return false;
    }
    return digit;
}

/* The digits of a figure, thousands grouped in threes or not at all;
 * copies them without commas into buf.  Returns the end, or NULL. */
static const char *figure_digits(const char *p, char *buf, size_t size, int *decimals)
{
    size_t n = 0, run = 0;
    bool grouped = false;
    for (; isdigit((unsigned char)*p) || *p == ','; p++) {
        if (*p == ',') {
            if (run < 1 || (grouped ? run != 3 : run > 3) || !isdigit((unsigned char)p[1]))
                return NULL;
            grouped = true;
            run = 0;
            continue;
        }
        if (n + 2 >= size)
            return NULL;
        buf[n++] = *p;
        run++;
    }
    if (!n || (grouped && run != 3))
        return NULL;
    *decimals = 0;
    if (*p == '.' && isdigit((unsigned char)p[1]))
        for (buf[n++] = *p++; isdigit((unsigned char)*p); p++, ++*decimals) {
            if (n + 2 >= size)
                return NULL;
            buf[n++] = *p;
        }
    buf[n] = '\0';
    return p;
}

/* What may follow a figure: markers, [^key] references and (notes). */
static bool figure_tail(const char *p)
{
    while (*p) {
        if (*p == '*')
            p++;
        else if (strncmp(p, "†", strlen("†")) == 0 || strncmp(p, "‡", strlen("‡")) == 0)
            p += strlen("†");
        else if (p[0] == '[' && p[1] == '^' && strchr(p, ']'))
            p = strchr(p, ']') + 1;
        else if (*p == '(' || (*p == ' ' && (p[1] == '(' || p[1] == '['))) {
            p += *p == ' ';
            if (*p == '[')
                continue;
            const char *close = strchr(p, ')');
            if (!close)
                return false;
            p = close + 1;
        } else
            return false;
    }
    return true;
}

bool br_format_parse_figure(const char *text, double *number, int *decimals, int *unit)
{
    const char *p = text;
    /* '-', or U+2212 as typeset ("−£0.5m"): a figure that prints as written */
    bool typeset = strncmp(p, "\u2212", strlen("\u2212")) == 0;
    bool negative = *p == '-' || typeset;
    p += typeset ? strlen("\u2212") : negative;
    bool pound = strncmp(p, "£", strlen("£")) == 0;
    p += pound ? strlen("£") : 0;
    char buf[64];
    int dec;
    const char *end = figure_digits(p, buf, sizeof buf, &dec);
    if (!end)
        return false;
    int u = -1;
    if (!pound && *end == '%')
        u = BR_UNIT_PERCENT, end++;
    else if (pound && (*end == 'k' || *end == 'm')) {
        u = *end == 'k' ? BR_UNIT_GBP_K : BR_UNIT_GBP_M;
        end++;
        end += *end == '.';
    } else if (pound)
        u = BR_UNIT_GBP;
    bool plain = u < 0 && !*end && !strchr(text, ',') && !typeset;
    if (plain || !figure_tail(end))
        return false;
    double v = strtod(buf, NULL);
    if (!isfinite(v))
        return false;
    *number = negative ? -v : v;
    *decimals = dec;
    *unit = u;
    return true;
}

char *br_format_period(br_arena *arena, const br_period *p)
{
    switch (p->kind) {
    case BR_PERIOD_MONTH:
        if (p->sub >= 1 && p->sub <= 12)
            return br_arena_printf(arena, "%s %d", month_names[p->sub - 1], p->year);
        break;
    case BR_PERIOD_QUARTER:
        return br_arena_printf(arena, "%d/%02d Q%d", p->year, (p->year + 1) % 100, p->sub);
    case BR_PERIOD_YEAR:
        return br_arena_printf(arena, "%d/%02d", p->year, (p->year + 1) % 100);
    }
    return br_arena_strdup(arena, p->id ? p->id : "");
}

char *br_format_period_label(br_arena *arena, const br_period *p, const char *pattern,
                             const char **bad)
{
    *bad = NULL;
    if (p->kind == BR_PERIOD_YEAR || !pattern)
        return br_arena_strdup(arena, p->id ? p->id : "");
    const char *out = "";
    for (const char *k = pattern; *k;) {
        const char *close = *k == '{' ? strchr(k, '}') : NULL;
        if (!close) {
            size_t n = strcspn(k + 1, "{") + 1;
            out = br_arena_printf(arena, "%s%.*s", out, (int)n, k);
            k += n;
            continue;
        }
        size_t n = (size_t)(close - k) + 1;
        const char *word = NULL;
        bool quarter = p->kind == BR_PERIOD_QUARTER, month = p->kind == BR_PERIOD_MONTH;
        if (n == 3 && strncmp(k, "{q}", 3) == 0 && quarter)
            word = br_arena_printf(arena, "%d", p->sub);
        else if (n == 7 && strncmp(k, "{month}", 7) == 0 && month && p->sub >= 1 && p->sub <= 12)
            word = month_names[p->sub - 1];
        else if (n == 6 && strncmp(k, "{year}", 6) == 0)
            word = quarter ? br_arena_printf(arena, "%d/%02d", p->year, (p->year + 1) % 100)
                           : br_arena_printf(arena, "%d", p->year);
        bool placeholder = strncmp(k, "{q}", n) == 0 || strncmp(k, "{month}", n) == 0 ||
                           strncmp(k, "{year}", n) == 0;
        if (!word && placeholder) {     /* {month} for a quarter, {q} for a month */
            *bad = k;
            return NULL;
        }
        out = br_arena_printf(arena, "%s%.*s", out, (int)(word ? strlen(word) : n),
                              word ? word : k);     /* another {…} as written */
        k += n;
    }
    return (char *)out;
}

double br_round_places(double v, int places)
{
    if (places < 0 || !isfinite(v) || fabs(v) >= LARGE)
        return v;
    char buf[96];
    magnitude(v, places > MAX_PLACES ? MAX_PLACES : places, false, buf);
    double r = strtod(buf, NULL);
    return signbit(v) && r != 0 ? -r : r;
}

int br_format_value_places(const br_value *v, int decimals)
{
    return (v->as_written && v->text) || decimals < 0 ? v->decimals : decimals;
}

int br_format_written_places(double v)
{
    char sci[40];
    snprintf(sci, sizeof sci, "%.*e", SIG_DIGITS - 1, fabs(v));
    int exp = atoi(strchr(sci, 'e') + 1);
    int last = SIG_DIGITS - 1;      /* the last significant digit written */
    while (last > 0 && sci[last + 1] == '0')
        last--;
    int places = last - exp;
    return places < 0 ? 0 : places > MAX_PLACES ? MAX_PLACES : places;
}
