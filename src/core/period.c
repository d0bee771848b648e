/* period.c — financial quarters, months and years; calendar dates.
 *
 * A financial year runs from 1 April to 31 March: "2019/20 Q1" is
 * April–June 2019 and "2019/20 Q4" January–March 2020.  Parsing is strict
 * (the spellings of spec §2 and docs/format.md only), so that a typing error
 * in a period is reported rather than read as some other period.
 */
#include "br_period.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads exactly n decimal digits at s into *out. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int br_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

static br_date month_end(int year, int month)
{
    return (br_date){year, month, br_days_in_month(year, month)};
}

/* "2019/20": the second year must be the first plus one, mod 100. */
static bool financial_year(const char *s, int *year)
{
    int y, y2;
    if (!digits(s, 4, &y) || s[4] != '/' || !digits(s + 5, 2, &y2) || y < 1)
        return false;
    if ((y + 1) % 100 != y2)
        return false;
    *year = y;
    return true;
}

bool br_period_parse(const char *s, br_period *out)
{
    size_t len = s ? strlen(s) : 0;
    int y, m;
    if (len == 7 && s[4] == '-' && digits(s, 4, &y) && digits(s + 5, 2, &m)) {
        if (y < 1 || m < 1 || m > 12)
            return false;
        out->kind = BR_PERIOD_MONTH;
        out->year = y;
        out->sub = m;
        out->end = month_end(y, m);
        return true;
    }
    if ((len != 7 && len != 10) || !financial_year(s, &y))
        return false;
    if (len == 7) {
        out->kind = BR_PERIOD_YEAR;
        out->year = y;
        out->sub = 0;
        out->end = month_end(y + 1, 3);
        return true;
    }
    if (s[7] != ' ' || s[8] != 'Q' || s[9] < '1' || s[9] > '4')
        return false;
    out->kind = BR_PERIOD_QUARTER;
    out->year = y;
    out->sub = s[9] - '0';
    /* Q1 ends in June, Q2 September, Q3 December, Q4 March of the next year. */
    out->end = out->sub == 4 ? month_end(y + 1, 3) : month_end(y, 3 + 3 * out->sub);
    return true;
}

size_t br_period_previous(const br_report *report, size_t p)
{
    if (p == BR_NONE || p == 0 || p >= report->nperiods)
        return BR_NONE;
    return p - 1;
}

size_t br_period_year_ago(const br_report *report, size_t p)
{
    if (p == BR_NONE || p >= report->nperiods)
        return BR_NONE;
    const br_period *now = &report->periods[p];
    for (size_t i = 0; i < report->nperiods; i++) {
        const br_period *q = &report->periods[i];
        if (q->kind == now->kind && q->sub == now->sub && q->year == now->year - 1)
            return i;
    }
    return BR_NONE;
}

br_date br_period_start(const br_period *p)
{
    switch (p->kind) {
    case BR_PERIOD_MONTH:
        return (br_date){p->year, p->sub, 1};
    case BR_PERIOD_QUARTER: {
        int month = 4 + 3 * (p->sub - 1);
        return month > 12 ? (br_date){p->year + 1, month - 12, 1} : (br_date){p->year, month, 1};
    }
    case BR_PERIOD_YEAR:
    default:
        return (br_date){p->year, 4, 1};
    }
}

static bool contains(const br_period *outer, const br_period *inner)
{
    return br_date_compare(br_period_start(outer), br_period_start(inner)) <= 0 &&
           br_date_compare(inner->end, outer->end) <= 0;
}

bool br_period_value_at(const br_period_value *pv, size_t n, const br_period *p, br_value *out)
{
    const br_period_value *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!contains(&pv[i].period, p))
            continue;
        /* Of two periods containing p, the one starting later is shorter. */
        if (!best || br_date_compare(br_period_start(&pv[i].period),
                                     br_period_start(&best->period)) > 0 ||
            br_date_compare(pv[i].period.end, best->period.end) < 0)
            best = &pv[i];
    }
    if (best)
        *out = best->value;
    return best != NULL;
}

bool br_date_parse(const char *s, br_date *out)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    if (y < BR_MIN_YEAR || y > BR_MAX_YEAR || d < 1 || d > br_days_in_month(y, m))
        return false;
    *out = (br_date){y, m, d};
    return true;
}

int br_date_compare(br_date a, br_date b)
{
    long ka = (long)a.year * 10000 + a.month * 100 + a.day;
    long kb = (long)b.year * 10000 + b.month * 100 + b.day;
    return (ka > kb) - (ka < kb);
}

void br_period_format(const br_period *p, char *id, size_t cap)
{
    if (p->kind == BR_PERIOD_MONTH)
        snprintf(id, cap, "%04d-%02d", p->year, p->sub);
    else if (p->kind == BR_PERIOD_QUARTER)
        snprintf(id, cap, "%04d/%02d Q%d", p->year, (p->year + 1) % 100, p->sub);
    else
        snprintf(id, cap, "%04d/%02d", p->year, (p->year + 1) % 100);
}

void br_period_next(const br_period *p, br_period *next, char *id, size_t cap)
{
    int per_year = p->kind == BR_PERIOD_MONTH ? 12 : p->kind == BR_PERIOD_QUARTER ? 4 : 1;
    br_period n = *p;
    if (per_year == 1 || n.sub == per_year) {
        n.year++;
        n.sub = per_year == 1 ? 0 : 1;
    } else {
        n.sub++;
    }
    br_period_format(&n, id, cap);
    br_period parsed;
    if (br_period_parse(id, &parsed))   /* fills end */
        n = parsed;
    n.id = NULL;
    *next = n;
}

static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};

/* Splits s into lower-case words of letters or digits; returns how many. */
static int split_words(const char *s, char words[6][16])
{
    int n = 0;
    while (*s && n < 6) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        int len = 0;
        bool digit = isdigit((unsigned char)*s);
        while (*s && isalnum((unsigned char)*s) && (isdigit((unsigned char)*s) != 0) == digit) {
            if (len < 15)
                words[n][len++] = (char)tolower((unsigned char)*s);
            s++;
        }
        if (len)
            words[n++][len] = '\0';
    }
    return *s ? 7 : n;
}

bool br_period_guess(const char *s, char *id, size_t cap)
{
    char w[6][16];
    int n = split_words(s, w), year = 0, year2 = -1, quarter = 0, month = 0;
    if (n > 6)
        return false;
    for (int i = 0; i < n; i++) {
        const char *x = w[i];
        size_t len = strlen(x);
        if ((strcmp(x, "q") == 0 || strcmp(x, "qtr") == 0 || strcmp(x, "quarter") == 0) && i + 1 < n &&
            strlen(w[i + 1]) == 1 && w[i + 1][0] >= '1' && w[i + 1][0] <= '4')
            quarter = w[++i][0] - '0';
        else if (len == 4 && isdigit((unsigned char)x[0]) && !year)
            year = atoi(x);
        else if (isdigit((unsigned char)x[0]) && year && year2 < 0 && (len == 2 || len == 4))
            year2 = atoi(x) % 100;
        else if (isdigit((unsigned char)x[0]) && len <= 2 && !year && !month)
            month = atoi(x);
        else if (len >= 3 && !month) {
            for (int m = 0; m < 12; m++)
                if (strncmp(x, month_abbr[m], 3) == 0)
                    month = m + 1;
            if (!month)
                return false;
        } else
            return false;
    }
    if (!year || year < 1900 || year > 2999)
        return false;
    br_period p = {.year = year};
    if (year2 >= 0) {
        if (year2 != (year + 1) % 100 || month)
            return false;
        p.kind = quarter ? BR_PERIOD_QUARTER : BR_PERIOD_YEAR;
        p.sub = quarter;
    } else if (month >= 1 && month <= 12 && !quarter) {
        p.kind = BR_PERIOD_MONTH;
        p.sub = month;
    } else {
        return false;
    }
    br_period_format(&p, id, cap);
    return strcmp(id, s) != 0;
}

const char *br_period_name(const br_period *p)
{
    return p->label ? p->label : p->id;
}
