/* br_export.h — every computed figure for other systems (JSON, CSV). */
#ifndef BR_EXPORT_H
#define BR_EXPORT_H

#include <stdio.h>

#include "br_model.h"
#include "br_template.h"

/* The JSON export's format: raised whenever a field changes meaning or goes
 * away (adding one does not).  1: statuses green|amber|red|no_data|
 * no_target, milestone statuses not_started|on_track|at_risk|missed|
 * complete, variance_status, bands and objectives. */
#define BR_EXPORT_FORMAT_VERSION 1

/* Writes the report as JSON: format_version, report, periods, measures
 * (values, status, status bands, trend, changes in percent rounded to 2
 * places), finance (rows with computed net, variance and variance_status,
 * total), summary (counts by status per group with percentages adding up
 * to 100), objectives (status, direction, measures and milestones counted)
 * and milestones (with overdue).  Statuses are always one of green, amber,
 * red, no_data, no_target. */
void br_export_json(const br_report *report, const br_template *t, FILE *out);

/* Writes one CSV row per measure (RFC 4180), with a header row. */
void br_export_csv(const br_report *report, const br_template *t, FILE *out);

/* Writes s as a JSON string ("null" for NULL), escaped. */
void br_export_json_string(FILE *out, const char *s);

#endif
