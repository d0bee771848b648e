/* br_period.h — reporting periods: financial quarters, months, years. */
#ifndef BR_PERIOD_H
#define BR_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#include "br_model.h"

/* Parses "2019/20 Q2", "2015-12" or "2019/20" (the second year must follow
 * the first: "2019/21" is rejected).  Fills kind, year, sub and end; keeps
 * id and loc as they are.  Returns false when s is none of these. */
bool br_period_parse(const char *s, br_period *out);

/* The period after p, of the same kind (2019/20 Q4 -> 2020/21 Q1,
 * 2015-12 -> 2016-01, 2019/20 -> 2020/21), written into id (cap >= 16). */
void br_period_next(const br_period *p, br_period *next, char *id, size_t cap);

/* Writes p's canonical id ("2019/20 Q2", "2015-12", "2019/20") into id. */
void br_period_format(const br_period *p, char *id, size_t cap);

/* The period an officer most likely meant by a string that is not one:
 * "Q2 2019/20", "2019-20 Q2", "2019/2020 Q2", "q2 2019/20", "Qtr 2 2019/20"
 * -> "2019/20 Q2"; "12/2015", "Dec 2015" -> "2015-12".  Writes it into id
 * and returns true, or returns false when there is no clear guess. */
bool br_period_guess(const char *s, char *id, size_t cap);

/* The words that name period p in the paper's text (headings, running
 * heads, chart words, export labels): its label (report.period_label),
 * else its id.  Messages name it by its id, as the author wrote it. */
const char *br_period_name(const br_period *p);

/* Index of the period before p in report->periods, or BR_NONE. */
size_t br_period_previous(const br_report *report, size_t p);

/* Index of the same quarter or month one year before p, or BR_NONE when
 * the list does not hold it. */
size_t br_period_year_ago(const br_report *report, size_t p);

/* The first day of a period. */
br_date br_period_start(const br_period *p);

/* The figure of a profiled target or tolerance for period p: the entry for
 * p itself, else the entry of the shortest listed period that contains p
 * (a quarter's year, a month's quarter or year); false when none does. */
bool br_period_value_at(const br_period_value *pv, size_t n, const br_period *p, br_value *out);

/* The years a date may have: anything else in a board paper is a typo. */
#define BR_MIN_YEAR 1900
#define BR_MAX_YEAR 2199

/* Parses an ISO date "2019-10-17" (a real calendar date, its year from
 * BR_MIN_YEAR to BR_MAX_YEAR). */
bool br_date_parse(const char *s, br_date *out);

/* -1, 0, 1 as a is before, equal to, after b. */
int br_date_compare(br_date a, br_date b);

/* Days in a month of a year (Gregorian). */
int br_days_in_month(int year, int month);

#endif
