/* gauge.c — a measure drawn on a gauge: a bullet chart with bands: of the
 * paper's own (the 2012/13 profile's governance dials).  Which charts draw
 * a measure, the period each charts, its target mark and the band the
 * figure lies in are decided here once, so that the paper (compose) and
 * the export say the same. */
#include "br_compute.h"

#include <string.h>

bool br_gauge_draws(const br_section *s, const br_measure *m)
{
    if (s->type != BR_SEC_CHART || s->chart != BR_CHART_BULLET || !s->nbands)
        return false;
    if (s->measure_id)
        return m->id && strcmp(s->measure_id, m->id) == 0;
    return br_selection_has_measure(&s->select, m);
}

size_t br_gauge_period(const br_report *r, const br_section *s, const br_measure *m)
{
    return s->latest ? m->latest : r->period;
}

bool br_gauge_target(const br_section *s, const br_measure *m, double *target)
{
    if (s->has_target)
        *target = s->target;
    else if (m->polarity != BR_POLARITY_RANGE && m->target.kind == BR_VALUE_NUMBER)
        *target = m->target.number;
    else
        return false;
    return true;
}

size_t br_gauge_band(const br_report *r, const br_section *s, const br_measure *m)
{
    return br_measure_band_of(m, s->bands, s->nbands, br_gauge_period(r, s, m));
}
