/* figures.h — private to the compute modules: comparing figures as written.
 *
 * Figures come from the YAML as decimal text; comparing their doubles
 * directly lets representation error decide a boundary (0.1 + 0.2 > 0.3).
 * Rounding both sides to 12 significant digits first keeps far more than
 * any written figure carries and far fewer than the 15.9 of a double, so
 * that error, and that of one or two operations on them, vanishes.
 */
#ifndef BR_FIGURES_H
#define BR_FIGURES_H

#include <stdio.h>
#include <stdlib.h>

static inline double fig_as_written(double x)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.12g", x);
    return strtod(buf, NULL);
}

/* -1, 0, 1 as a is below, equal to, above b, compared as written. */
static inline int fig_compare(double a, double b)
{
    double x = fig_as_written(a), y = fig_as_written(b);
    return (x > y) - (x < y);
}

#endif
