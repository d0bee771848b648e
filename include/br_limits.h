/* br_limits.h — every limit on input, by name.
 *
 * Each is far above what a real paper needs and low enough that a hostile or
 * broken file is refused with a clear error in milliseconds, before it can
 * exhaust memory or time.  Each has a test at and beyond its edge.  The YAML
 * limits (file size, depth, alias expansion, text length) are in br_yaml.h.
 */
#ifndef BR_LIMITS_H
#define BR_LIMITS_H

#include "br_yaml.h"

#define BR_MAX_MEASURES     50000   /* measures in a report */
#define BR_MAX_MILESTONES   50000   /* milestones in a report */
#define BR_MAX_PERIODS      240     /* twenty years of months */
#define BR_MAX_ROWS         50000   /* rows of one table or finance entry */
#define BR_MAX_COLUMNS      64      /* columns of one table */
#define BR_MAX_SECTIONS     10000   /* sections of a paper */
/* The largest magnitude of a figure: a thousand million million, beyond any
 * budget in pence; past it a double no longer holds every whole number, and
 * 1e300 would print 301 digits of binary noise. */
/* Lines of one running header or footer slot: a longer text (a 150-word
 * title in the header) is cut short with an ellipsis and a warning. */
#define BR_MAX_RUNNING_LINES 3
#define BR_MAX_MAGNITUDE    1e15
#define BR_MAX_MAGNITUDE_TEXT "1e15 (a thousand million million)"
/* Significant digits of a written figure: all a double holds exactly, so
 * every digit written prints and status compares the figure as written
 * (100.0000000000001 printed 100.0000000000000 and met a target of 100). */
#define BR_MAX_SIGNIFICANT  15

#endif
