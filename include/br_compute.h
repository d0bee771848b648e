/* br_compute.h — every derived figure: status, trend, changes, finance
 * totals, summary counts, overdue milestones.
 *
 * Pure functions of the model and the template; br_compute runs them all and
 * stores the results in the model's "computed" fields.
 */
#ifndef BR_COMPUTE_H
#define BR_COMPUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_model.h"
#include "br_template.h"

/* An error for each table whose fixed `widths:` are wider than the page
 * (or column) it prints on, as layout would find at render. */
void br_check_page_widths(const br_report *r, const br_template *t, br_diags *d);

/* Status of m for period p by the table in spec §3 (ignores any explicit
 * override): no value or a text value -> NO_DATA; polarity none or no
 * numeric target -> NO_TARGET; otherwise GREEN, AMBER or RED. */
br_status br_measure_status(const br_measure *m, size_t p);

/* The status bands of m (spec §3 as stretches of its value axis): higher:
 * red below the tolerance, amber from it to the target, green from the
 * target; lower the mirror; range: red, amber, the range green, amber, red.
 * A boundary belongs to the better band, as in br_measure_status, so a value
 * gets the status of the band it lies in.  Without a numeric tolerance
 * there is no amber band.  Writes at most BR_MAX_BANDS bands, from low to
 * high, and returns how many: none when m has nothing to be judged against
 * (polarity none, a text or missing target, polarity range without range). */
size_t br_measure_bands(const br_measure *m, br_band out[BR_MAX_BANDS]);

/* The band of bands (lowest first) that x lies in, BR_NONE when none.  A
 * figure on the edge of two bands belongs to the better (green over amber
 * over red, a band with no status last) and, between two of one rank, to
 * the one that starts there: as br_measure_status judges a target's edge. */
size_t br_band_of(const br_band *bands, size_t n, double x);
/* The band m's figure for period p lies in, the figure compared as the
 * paper prints it; BR_NONE when it has none or lies in no band. */
size_t br_measure_band_of(const br_measure *m, const br_band *bands, size_t n, size_t p);

/* Gauges (gauge.c): bullet charts drawn on bands: of the paper's own.
 * Whether chart section s draws m as a gauge; the period it charts (the
 * report period's, or with value: latest the latest with a figure, up to
 * it); its target mark (the chart's target:, else m's own numeric target;
 * false: none); the band m's figure lies in (br_measure_band_of), or
 * BR_NONE. */
bool br_gauge_draws(const br_section *s, const br_measure *m);
size_t br_gauge_period(const br_report *r, const br_section *s, const br_measure *m);
bool br_gauge_target(const br_section *s, const br_measure *m, double *target);
size_t br_gauge_band(const br_report *r, const br_section *s, const br_measure *m);

/* Trend of m up to and including period p (docs/format.md "Trend"):
 * the last three periods up to p with numeric values, judged by polarity. */
br_trend br_measure_trend(const br_measure *m, const br_report *report, size_t p,
                          const br_template *t);

/* Relative change from period `from` to `to` in percent; false when either
 * value is not a number, the earlier one is zero, or the change is beyond
 * BR_MAX_MAGNITUDE (from a tiny base). */
bool br_measure_change(const br_measure *m, size_t from, size_t to, double *percent);

/* True when `want` lists nothing (any value goes) or lists `have`. */
bool br_names_has(const br_names *want, const char *have);

/* True when m matches the selection (every key given). */
bool br_selection_has_measure(const br_selection *sel, const br_measure *m);
bool br_selection_has_milestone(const br_selection *sel, const br_milestone *ms);
/* The measure's group for a group_by of "group" (also when NULL), "kind"
 * or "objective": its group, kind or objective; NULL when it has none. */
const char *br_measure_group_key(const br_measure *m, const char *group_by);

/* By ids when given, else by objective; every entry when neither. */
bool br_selection_has_commentary(const br_selection *sel, const br_commentary *cm);

/* The columns a generic table has: the spans of its first header row, or
 * of its first row that is not a group heading; 0 when it has neither. */
size_t br_table_columns(const br_section *s);
/* The columns one row spans: the sum of its cells' spans. */
size_t br_table_row_span(const br_trow *row);

/* Net = gross + income where both are given; variance by f->sign; the total
 * row; a warning for each given_total that differs from the computed one. */
void br_finance_compute(br_finance *f, br_diags *diags);

/* The latest dated due entry of ms; all 0 when it has none ("Monthly" and
 * other text entries set no deadline). */
br_date br_milestone_last_due(const br_milestone *ms);

/* True when the last dated due entry is before period_end and the milestone
 * is not complete. */
bool br_milestone_overdue(const br_milestone *ms, br_date period_end);

/* Where the paper's people: legend prints: the report's people_note, else
 * its template's. */
br_people_note br_people_note_of(const br_report *r, const br_template *t);

/* A warning for each person under people: that the paper prints nowhere:
 * with the legend at first use, one no milestone names as its lead. */
void br_check_people_printed(const br_report *r, const br_template *t, br_diags *d);

/* A total_of table's rows (its first source's labels when it has none):
 * each figure the sum of the same-labelled rows of its sources, which must
 * be computed before; a written figure is kept and checked.  Then
 * br_finance_compute as for any table. */
void br_finance_add_sources(br_finance *f, br_arena *arena, br_diags *diags);

/* Whether table f prints figure (column, split): one of its `columns:`
 * figures, else a column of `columns` under a split of `split`. */
bool br_finance_prints(const br_finance *f, br_fin_column column, br_fin_split split);

/* Whether amount a of table f reaches the export: a figure the author wrote,
 * or one the table prints.  A figure computed for a column the paper does
 * not print (a capital table's variance) is not the paper's. */
/* Whether a column has that split at all: percent (a share of the
 * budget) belongs to the variance columns only; export lists no other. */
bool br_finance_has_figure(br_fin_column column, br_fin_split split);

bool br_finance_exports(const br_finance *f, const br_fin_amount *a, br_fin_column column,
                        br_fin_split split);

/* The status of a finance row's net variance against the template's
 * thresholds (percent of the net budget): adverse by more than
 * variance_red_percent RED, by more than variance_amber_percent AMBER, else
 * (favourable, or adverse within amber) GREEN.  NO_DATA without a net
 * budget and variance, or with a zero budget; NO_TARGET when the template
 * switches variance status off (a negative amber percent) or the table
 * does (variance_rag: false).  a is the row's
 * amounts (or the table's total), judged by f's sign convention. */
br_status br_variance_status(const br_finance *f,
                             const br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS],
                             const br_template *t);

/* Each row's status (br_fin_row): the stated one, else its net
 * variance's (br_variance_status), and whether the paper shows it; a
 * stated status its printed variance judges otherwise is a warning. */
void br_finance_statuses(br_finance *f, const br_template *t, br_diags *diags);

/* One br_objective per objective into report->objectives: the objectives:
 * entries in their order, then each objective section with an id not among
 * them.  Each gets its measures counted by status and trend, its
 * milestones by status and RAG, its status and direction: what the entry
 * states, else (status) a commentary entry's rag, else computed; a stated
 * figure the paper's measures and milestones contradict is a warning in
 * diags.  Needs the report's indexes (br_report_index) and every measure's
 * and milestone's computed fields. */
void br_objectives_compute(br_report *report, br_diags *diags);

/* The status an objective's counts give: RED when its red measures and
 * milestones (missed or overdue) outnumber its green ones (on track or
 * complete), AMBER when any is red or amber, GREEN when any is green,
 * NO_DATA when it has none of these. */
br_status br_objective_status(const br_objective *o);

/* The same rule on its milestones alone (the profile's one Milestones
 * cell): NO_DATA when none is red, amber or green. */
br_status br_objective_milestone_status(const br_objective *o);

/* Its direction of travel: IMPROVING with more improving than declining
 * measures, DECLINING with more declining, STABLE when as many; NONE when
 * no measure has a trend. */
br_trend br_objective_direction(const br_objective *o);

/* Largest-remainder rounding: percentages of counts[0..n) to `decimals`
 * places that add up to exactly 100 (all zero when the counts sum to zero). */
void br_percentages(const size_t *counts, size_t n, int decimals, double *percent);

/* The summary key of measures with no group_by value. */
#define BR_SUMMARY_NO_GROUP "(none)"

typedef struct br_summary_row {
    const char *key;                    /* the group_by value; BR_SUMMARY_NO_GROUP when unset */
    size_t counts[BR_STATUS_COUNT];
    size_t total;
} br_summary_row;

typedef struct br_summary {
    br_summary_row *rows;               /* in order of first appearance */
    size_t nrows;
    br_summary_row total;
    double percent[BR_STATUS_COUNT];    /* of total.total, adding up to 100.0 */
} br_summary;

/* Counts the measures matching sel by (computed) status per group_by key
 * ("group", "kind" or "objective"). */
br_summary *br_summary_compute(const br_report *report, const br_selection *sel,
                               const char *group_by, br_arena *arena);

/* The author's rows (a summary's rows:) in s: each replaces the counted
 * row of its key, or joins the summary after the counted rows; the total
 * and percentages are then those of the rows printed.  A stated row whose
 * key the paper's measures count otherwise is a warning naming both. */
void br_summary_state(br_summary *s, const br_stated_row *rows, size_t n, br_arena *arena,
                      br_diags *diags);

/* Fills every computed field of the report; warns for each overdue milestone. */
void br_compute(br_report *report, const br_template *t, br_diags *diags);

#endif
