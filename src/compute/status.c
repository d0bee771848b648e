/* status.c — the RAG status of a measure, spec §3.
 *
 * Boundaries follow the table exactly: on the target is green, on the
 * tolerance amber.  Figures are compared as written (figures.h), so that a
 * bound computed for a range (0.3 - 0.1 = 0.19999999999999998) still equals
 * the written 0.2.
 */
#include "br_compute.h"

#include <math.h>

#include "figures.h"

static bool at_least(double a, double b)
{
    return fig_compare(a, b) >= 0;
}

static bool at_most(double a, double b)
{
    return fig_compare(a, b) <= 0;
}

/* A tolerance only makes an amber band when it is a number; a missing or
 * text tolerance ("TBD") leaves green and red only. */
static bool has_tolerance(const br_measure *m)
{
    return m->tolerance.kind == BR_VALUE_NUMBER;
}

static br_status status_range(const br_measure *m, double v)
{
    if (at_least(v, m->range_lo) && at_most(v, m->range_hi))
        return BR_STATUS_GREEN;
    if (has_tolerance(m)) {
        double tol = m->tolerance.number;
        if (at_least(v, m->range_lo - tol) && at_most(v, m->range_hi + tol))
            return BR_STATUS_AMBER;
    }
    return BR_STATUS_RED;
}

br_status br_measure_status(const br_measure *m, size_t p)
{
    const br_value *v = &m->values[p];
    if (v->kind != BR_VALUE_NUMBER)
        return BR_STATUS_NO_DATA;
    if (m->polarity == BR_POLARITY_NONE || m->target.kind == BR_VALUE_TEXT)
        return BR_STATUS_NO_TARGET;
    if (m->polarity == BR_POLARITY_RANGE)
        return m->has_range ? status_range(m, v->number) : BR_STATUS_NO_TARGET;
    if (m->target.kind != BR_VALUE_NUMBER)
        return BR_STATUS_NO_TARGET;

    double x = v->number, t = m->target.number, l = m->tolerance.number;
    if (m->polarity == BR_POLARITY_HIGHER) {
        if (at_least(x, t))
            return BR_STATUS_GREEN;
        return has_tolerance(m) && at_least(x, l) ? BR_STATUS_AMBER : BR_STATUS_RED;
    }
    if (at_most(x, t))
        return BR_STATUS_GREEN;
    return has_tolerance(m) && at_most(x, l) ? BR_STATUS_AMBER : BR_STATUS_RED;
}

static size_t add_band(br_band *out, size_t n, double from, double to, br_status status)
{
    if (to > from)      /* an empty band (no tolerance: no amber) is left out */
        out[n++] = (br_band){from, to, status};
    return n;
}

size_t br_measure_bands(const br_measure *m, br_band out[BR_MAX_BANDS])
{
    const double lo = -HUGE_VAL, hi = HUGE_VAL;
    size_t n = 0;
    if (m->polarity == BR_POLARITY_RANGE) {
        if (!m->has_range)
            return 0;
        double tol = has_tolerance(m) ? m->tolerance.number : 0;
        n = add_band(out, n, lo, m->range_lo - tol, BR_STATUS_RED);
        n = add_band(out, n, m->range_lo - tol, m->range_lo, BR_STATUS_AMBER);
        n = add_band(out, n, m->range_lo, m->range_hi, BR_STATUS_GREEN);
        n = add_band(out, n, m->range_hi, m->range_hi + tol, BR_STATUS_AMBER);
        return add_band(out, n, m->range_hi + tol, hi, BR_STATUS_RED);
    }
    if (m->polarity == BR_POLARITY_NONE || m->target.kind != BR_VALUE_NUMBER)
        return 0;
    double t = m->target.number, l = has_tolerance(m) ? m->tolerance.number : t;
    if (m->polarity == BR_POLARITY_HIGHER) {
        n = add_band(out, n, lo, l, BR_STATUS_RED);
        n = add_band(out, n, l, t, BR_STATUS_AMBER);
        return add_band(out, n, t, hi, BR_STATUS_GREEN);
    }
    n = add_band(out, n, lo, t, BR_STATUS_GREEN);
    n = add_band(out, n, t, l, BR_STATUS_AMBER);
    return add_band(out, n, l, hi, BR_STATUS_RED);
}
