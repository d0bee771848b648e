/* br_format.h — figures as a reader sees them. */
#ifndef BR_FORMAT_H
#define BR_FORMAT_H

#include "br_arena.h"
#include "br_model.h"
#include "br_template.h"

/* True when text is a figure as people decorate one: digits with
 * separators, a sign or brackets, '%', '£', k/m/M, spaces ("89%", "5,611",
 * "£54.6m", "(3,458)").  The loader refuses such a value unquoted unless
 * br_format_parse_figure reads it; a generic table aligns such a cell as a
 * figure. */
bool br_format_looks_like_figure(const char *text);

/* A figure written as the paper prints it, read back: "76%", "54.70%",
 * "5,611", "£2.837m.", "-£1.2m", "62% (158/256)", "78.2%*", "85%[^note]".
 * One number, optionally after '£' (then 'k' or 'm' and a full stop may
 * follow) or before '%', with thousands grouped by commas in threes;
 * after it only markers ('*', '†', '‡'), footnote references and
 * bracketed notes.  Sets the number, its decimals as written and the unit
 * the writing says (BR_UNIT_PERCENT, BR_UNIT_GBP, _GBP_K, _GBP_M, or -1
 * when it says none).  A plain number ("76") is not one: the loader reads
 * that itself.  False for anything else: words, two figures. */
bool br_format_parse_figure(const char *text, double *number, int *decimals, int *unit);

/* A number with `decimals` places (half away from zero), thousands
 * separators and negatives per fmt: "5,611", "-3,458" or "(3,458)". */
char *br_format_number(br_arena *arena, double v, int decimals, const br_numfmt *fmt);

/* A measure value with its unit: "91%", "11.0%", "£54.6m", "£1,073k", "£1,234",
 * "140 days" (with_unit_word) or "140", "0.75".  decimals < 0: as written.
 * A text value is returned as written; NONE gives "". */
char *br_format_value(br_arena *arena, const br_value *v, br_unit unit, int decimals,
                      bool with_unit_word, const br_numfmt *fmt);

/* num (from br_format_number) between prefix and suffix, the prefix inside
 * its sign: "-£1,234", "(£1,234)", "54.6%". */
char *br_format_affixed(br_arena *arena, const char *num, const char *prefix, const char *suffix);

/* What a unit writes around a figure: "£" and "m" for £m, "" and "%" for
 * percent; " days" after days only with_unit_word (" day" when one). */
void br_format_unit_affixes(br_unit unit, bool with_unit_word, bool one, const char **prefix,
                            const char **suffix);

/* A change in percent with its sign, to `places` decimals: "+2.6%",
 * "-1.7%", "0.0%" (one), "-23%" (none). */
char *br_format_change(br_arena *arena, double percent, int places);

/* "31 August 2012" (long) or "31/08/12" (short). */
char *br_format_date(br_arena *arena, br_date d, bool long_form);

/* A period as a reader names it, for running heads and the PDF's subject:
 * a month "August 2012", a quarter "2019/20 Q2", a year "2019/20". */
char *br_format_period(br_arena *arena, const br_period *p);

/* A quarter or month printed by a pattern of the paper's (report:
 * period_label): {q} its quarter's number, {month} its month's name,
 * {year} a quarter's financial year ("2012/13") or a month's calendar
 * year; "Q{q} {year}" -> "Q4 2012/13"; any other text, braces included,
 * as written.  A year prints as its id.  NULL when the pattern names a
 * placeholder the period has not (a {month} for a quarter); *bad then
 * points at it. */
char *br_format_period_label(br_arena *arena, const br_period *p, const char *pattern,
                             const char **bad);

/* v as printed to `places` decimals (half away from zero on the figure as
 * written, as br_format_number rounds; negative: v as it is), so that data
 * carries the printed figure: a computed 43.1 - 42.3 is 0.8, not
 * 0.800000000000004, and 2.675 to two places is 2.68 as printed. */
double br_round_places(double v, int places);

/* The places br_format_value prints v with under a measure's `decimals`
 * (negative: as written): a figure printed as written ("62% (158/256)")
 * keeps its own. */
int br_format_value_places(const br_value *v, int decimals);

/* The decimal places of v written plainly to 15 significant digits:
 * 0.25 -> 2, 20 -> 0, 1e-3 -> 3; for a figure the model holds without its
 * writing (a range's ends). */
int br_format_written_places(double v);

#endif
