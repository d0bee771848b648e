/* br_export.h — every computed figure for other systems (JSON, CSV). */
#ifndef BR_EXPORT_H
#define BR_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "br_diag.h"
#include "br_model.h"
#include "br_template.h"

/* The JSON export's format: raised whenever a field changes meaning or goes
 * away (adding one does not).  1: statuses green|amber|red|no_data|
 * no_target, milestone statuses not_started|on_track|at_risk|missed|
 * complete, variance_status, bands and objectives.  2: a measure's values,
 * value, target, tolerance and a comparator's value are a number or null,
 * never a string: a text figure ("TBD") is in values_text, value_text,
 * target_text, tolerance_text.  3: every text is plain, as the paper
 * prints it (no *markup*, no [^key] marks); "footnotes" names an item's
 * notes. */
#define BR_EXPORT_FORMAT_VERSION 3

/* Writes the report as JSON: format_version, report, periods, measures
 * (values, status, status bands, trend, changes in percent rounded to 2
 * places), finance (rows with computed net, variance and variance_status,
 * total), summary (counts by status per group with percentages adding up
 * to 100), objectives (status, direction, measures and milestones counted)
 * milestones (with overdue, progress and corrective action), commentary,
 * footnotes and people.  Statuses are always one of green, amber, red,
 * no_data, no_target. */
void br_export_json(const br_report *report, const br_template *t, FILE *out);

/* Writes one CSV row per measure (RFC 4180), with a header row: the
 * "measures" table of br_export_csv_table, without a byte order mark. */
void br_export_csv(const br_report *report, const br_template *t, FILE *out);

/* Writes one table as CSV (RFC 4180, CRLF), a header row of keys first:
 * "measures" (a row per measure), "values" (a row per measure and period:
 * the long table that appends across quarters), "milestones", "finance"
 * (a row per finance row and total), "objectives" or "report".  With bom,
 * starts with a UTF-8 byte order mark (Excel then reads "£" right).  Text
 * that a spreadsheet would take for a formula gets a leading apostrophe.
 * Returns false, writing nothing, when table is none of these. */
bool br_export_csv_table(const br_report *report, const br_template *t, const char *table,
                         bool bom, FILE *out);

/* The table names br_export_csv_table takes, separated by '|', and
 * whether name is one of them. */
extern const char br_export_table_names[];
bool br_export_table_known(const char *name);

/* Writes the report as an xlsx workbook at path (a sheet per table of
 * br_export_csv_table, typed cells, status words on their fills, frozen
 * header rows, fitted columns).  A text longer than an Excel cell holds
 * (32,767 characters) is cut there, with a warning in diags; a failure is
 * an error in diags naming the workbook as name.  Returns false on error. */
bool br_export_xlsx(const br_report *report, const br_template *t, const char *path,
                    const char *name, br_diags *diags);

/* Writes s as a JSON string ("null" for NULL), escaped. */
void br_export_json_string(FILE *out, const char *s);

#endif
