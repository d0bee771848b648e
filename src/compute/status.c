/* status.c — the RAG status of a measure, spec §3.
 *
 * Boundaries follow the table exactly: on the target is green, on the
 * tolerance amber.  Figures are compared as the paper prints them: each
 * rounded to the places it is printed with (the measure's decimals:, else
 * as written), so the status never contradicts the figures beside it.  A
 * figure written to more places is judged on every one (99.99999999999 is
 * below a target of 100; it printed "Better than target" when figures were
 * compared at 12 significant digits), and one printed to fewer is judged
 * as printed (49.96 with decimals: 1 prints 50.0 and meets a target of 50).
 * A bound computed for a range (0.3 - 0.1 = 0.19999999999999998) is
 * rounded to the places of the figures it comes from, so it equals the
 * written 0.2.  Printed figures are decimals of at most 15 significant
 * digits (the loader refuses more), so comparing their doubles is exact.
 */
#include "br_compute.h"

#include <math.h>

#include "br_format.h"

/* A figure of m as the paper prints it. */
static double printed(const br_measure *m, const br_value *v)
{
    return br_round_places(v->number, br_format_value_places(v, m->decimals));
}

/* The places a range end prints with: the measure's decimals:, else as
 * written. */
static int range_places(const br_measure *m, double end)
{
    return m->decimals >= 0 ? m->decimals : br_format_written_places(end);
}

/* A tolerance only makes an amber band when it is a number; a missing or
 * text tolerance ("TBD") leaves green and red only. */
static bool has_tolerance(const br_measure *m)
{
    return m->tolerance.kind == BR_VALUE_NUMBER;
}

/* A range end moved out by the tolerance (sign -1 below, +1 above), to the
 * places of the two figures it comes from. */
static double range_edge(const br_measure *m, double end, int sign)
{
    int places = range_places(m, end);
    int tol_places = br_format_value_places(&m->tolerance, m->decimals);
    if (tol_places > places)
        places = tol_places;
    return br_round_places(end + sign * printed(m, &m->tolerance), places);
}

static br_status status_range(const br_measure *m, double v)
{
    double lo = br_round_places(m->range_lo, range_places(m, m->range_lo));
    double hi = br_round_places(m->range_hi, range_places(m, m->range_hi));
    if (v >= lo && v <= hi)
        return BR_STATUS_GREEN;
    if (has_tolerance(m) && v >= range_edge(m, m->range_lo, -1) &&
        v <= range_edge(m, m->range_hi, +1))
        return BR_STATUS_AMBER;
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
        return m->has_range ? status_range(m, printed(m, v)) : BR_STATUS_NO_TARGET;
    if (m->target.kind != BR_VALUE_NUMBER)
        return BR_STATUS_NO_TARGET;

    double x = printed(m, v), t = printed(m, &m->target);
    double l = has_tolerance(m) ? printed(m, &m->tolerance) : t;
    if (m->polarity == BR_POLARITY_HIGHER) {
        if (x >= t)
            return BR_STATUS_GREEN;
        return has_tolerance(m) && x >= l ? BR_STATUS_AMBER : BR_STATUS_RED;
    }
    if (x <= t)
        return BR_STATUS_GREEN;
    return has_tolerance(m) && x <= l ? BR_STATUS_AMBER : BR_STATUS_RED;
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

/* Green over amber over red; a band with no status ranks last. */
static int band_rank(const br_band *b)
{
    if (b->neutral)
        return 3;
    return b->status == BR_STATUS_GREEN ? 0 : b->status == BR_STATUS_AMBER ? 1 : 2;
}

size_t br_band_of(const br_band *bands, size_t n, double x)
{
    for (size_t i = 0; i < n; i++) {
        if (x < bands[i].from || x > bands[i].to)
            continue;
        /* On the edge with the next band: the better of the two, and
         * between two of one rank the one that starts there. */
        if (x == bands[i].to && i + 1 < n && bands[i + 1].from == x &&
            band_rank(&bands[i + 1]) <= band_rank(&bands[i]))
            return i + 1;
        return i;
    }
    return BR_NONE;
}

size_t br_measure_band_of(const br_measure *m, const br_band *bands, size_t n, size_t p)
{
    if (p == BR_NONE || m->values[p].kind != BR_VALUE_NUMBER)
        return BR_NONE;
    return br_band_of(bands, n, printed(m, &m->values[p]));
}
