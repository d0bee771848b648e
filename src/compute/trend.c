/* trend.c — the trend of a measure and its relative changes.
 *
 * The rule is docs/format.md "Trend": the last three numeric values up to
 * the report period give one or two changes; each is "no change" (within the
 * template's band), better or worse by polarity (or up or down for polarity
 * none); changes in opposite directions are Volatile.
 */
#include "br_compute.h"

#include <math.h>

#include "br_limits.h"
#include "figures.h"

/* What one change between consecutive values was. */
typedef enum step { STEP_SAME, STEP_BETTER, STEP_WORSE } step;

enum { TREND_VALUES = 3 };

/* Without a template, the defaults docs/format.md names. */
static void bands(const br_template *t, double *points, double *percent)
{
    *points = t ? t->trend_band_points : 1.0;
    *percent = t ? t->trend_band_percent : 2.0;
}

/* Distance of v from the range band: 0 inside it. */
static double band_distance(const br_measure *m, double v)
{
    if (v < m->range_lo)
        return m->range_lo - v;
    if (v > m->range_hi)
        return v - m->range_hi;
    return 0;
}

/* For polarity none (and a range without its band) BETTER means "up" and
 * WORSE "down": only the direction is judged. */
static step judge(const br_measure *m, double a, double b, const br_template *t)
{
    double points, percent;
    bands(t, &points, &percent);
    double band = m->unit == BR_UNIT_PERCENT ? points : fabs(a) * percent / 100.0;
    if (fig_compare(fabs(b - a), band) <= 0)
        return STEP_SAME;
    int up = fig_compare(b, a);
    switch (m->polarity) {
    case BR_POLARITY_LOWER:
        return up < 0 ? STEP_BETTER : STEP_WORSE;
    case BR_POLARITY_RANGE:
        if (m->has_range) {
            int closer = fig_compare(band_distance(m, a), band_distance(m, b));
            return closer > 0 ? STEP_BETTER : closer < 0 ? STEP_WORSE : STEP_SAME;
        }
        break;
    case BR_POLARITY_HIGHER:
    case BR_POLARITY_NONE:
    case BR_POLARITY_COUNT:
        break;
    }
    return up > 0 ? STEP_BETTER : STEP_WORSE;
}

/* Collects up to three numeric values up to and including p, oldest first;
 * returns how many. */
static size_t last_values(const br_measure *m, size_t p, double out[TREND_VALUES])
{
    double rev[TREND_VALUES];
    size_t n = 0;
    for (size_t i = p + 1; i-- > 0 && n < TREND_VALUES;)
        if (m->values[i].kind == BR_VALUE_NUMBER)
            rev[n++] = m->values[i].number;
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    return n;
}

br_trend br_measure_trend(const br_measure *m, const br_report *report, size_t p,
                          const br_template *t)
{
    /* Without a polarity neither better nor worse can be said: the
     * checker (br_report_check) has made that an error wherever the paper
     * shows the trend. */
    if (p == BR_NONE || p >= report->nperiods || !m->has_polarity)
        return BR_TREND_NONE;
    /* A trend says where the report period's figure is heading from
     * earlier ones: without that figure ("Not available") there is none,
     * however many earlier values there are. */
    if (m->values[p].kind != BR_VALUE_NUMBER)
        return BR_TREND_NONE;
    double v[TREND_VALUES];
    size_t n = last_values(m, p, v);
    if (n < 2)
        return BR_TREND_NONE;
    bool better = false, worse = false;
    for (size_t i = 1; i < n; i++) {
        step s = judge(m, v[i - 1], v[i], t);
        better |= s == STEP_BETTER;
        worse |= s == STEP_WORSE;
    }
    bool directions = m->polarity == BR_POLARITY_NONE ||
                      (m->polarity == BR_POLARITY_RANGE && !m->has_range);
    if (better && worse)
        return BR_TREND_VOLATILE;
    if (better)
        return directions ? BR_TREND_INCREASING : BR_TREND_IMPROVING;
    if (worse)
        return directions ? BR_TREND_DECREASING : BR_TREND_DECLINING;
    return BR_TREND_STABLE;
}

bool br_measure_change(const br_measure *m, size_t from, size_t to, double *percent)
{
    if (from == BR_NONE || to == BR_NONE)
        return false;
    const br_value *a = &m->values[from], *b = &m->values[to];
    if (a->kind != BR_VALUE_NUMBER || b->kind != BR_VALUE_NUMBER || a->number == 0)
        return false;
    /* From a tiny base the ratio can overflow, or print as 25 digits of
     * binary noise: beyond the largest figure, there is no change to show. */
    double p = (b->number - a->number) / fabs(a->number) * 100.0;
    if (!isfinite(p) || fabs(p) > BR_MAX_MAGNITUDE)
        return false;
    *percent = p;
    return true;
}
