/* br_report.h — load, check and compute a report in one call.
 *
 * br_report_load reads the folder's files (br_input.h), builds the model
 * (br_model.h) and checks every type, enum, required key and
 * cross-reference, reporting all it finds in diags.  The report is returned
 * even when errors were found (so that tools can show as much as possible);
 * callers test br_diags_failed before using it for output.
 */
#ifndef BR_REPORT_H
#define BR_REPORT_H

#include "br_arena.h"
#include "br_diag.h"
#include "br_model.h"
#include "br_template.h"

/* Returns NULL only when the main file could not be read or parsed. */
br_report *br_report_load(const char *path, br_arena *arena, br_diags *diags);

/* Cross-reference checks (called by br_report_prepare, after loading):
 * unique ids, periods, leads, footnotes, section references, corrections, tolerances. */
void br_report_check(br_report *report, br_diags *diags);

/* Everything `check`, `export` and `render` need before output: load, the
 * template, compute.  t receives the template.  Returns NULL when the input
 * is invalid (errors are in diags). */
br_report *br_report_prepare(const char *path, br_template *t, br_arena *arena, br_diags *diags);

/* The same with the template read from template_file (an absolute path, or
 * one relative to the report's folder) and the fonts from font_dir, instead
 * of where the report and its template say (each NULL: as they say).  For
 * rebuilding an issued paper from the sources kept in its package. */
br_report *br_report_prepare_from(const char *path, const char *template_file,
                                  const char *font_dir, br_template *t, br_arena *arena,
                                  br_diags *diags);

#endif
