/* br_export.h — every computed figure for other systems (JSON, CSV). */
#ifndef BR_EXPORT_H
#define BR_EXPORT_H

#include <stdio.h>

#include "br_model.h"
#include "br_template.h"

/* Writes the report as JSON: report, periods, measures (values, status,
 * trend, changes in percent rounded to 2 places), finance (rows with
 * computed net and variance, total), summary (counts by status per group
 * with percentages adding up to 100) and milestones (with overdue). */
void br_export_json(const br_report *report, const br_template *t, FILE *out);

/* Writes one CSV row per measure (RFC 4180), with a header row. */
void br_export_csv(const br_report *report, const br_template *t, FILE *out);

/* Writes s as a JSON string ("null" for NULL), escaped. */
void br_export_json_string(FILE *out, const char *s);

#endif
