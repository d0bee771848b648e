/* status.c — the RAG status of a measure, spec §3.
 *
 * Boundaries follow the table exactly: on the target is green, on the
 * tolerance amber.  Figures are compared as written (figures.h), so that a
 * bound computed for a range (0.3 - 0.1 = 0.19999999999999998) still equals
 * the written 0.2.
 */
#include "br_compute.h"

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
