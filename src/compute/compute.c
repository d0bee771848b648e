/* compute.c — fills every computed field of a report for report->period. */
#include "br_compute.h"

#include "br_period.h"

static void compute_measure(br_measure *m, const br_report *report, size_t p,
                            const br_template *t)
{
    m->has_change_previous = m->has_change_year = false;
    m->change_previous = m->change_year = 0;
    m->nbands = br_measure_bands(m, m->bands);
    if (p == BR_NONE || p >= report->nperiods) {
        /* No report period (already an error from the checker): nothing to
         * judge, but the fields must still hold something printable. */
        m->status = m->has_status_override ? m->status_override : BR_STATUS_NO_DATA;
        m->trend = m->has_trend_override ? m->trend_override : BR_TREND_NONE;
        return;
    }
    m->status = m->has_status_override ? m->status_override : br_measure_status(m, p);
    m->trend = m->has_trend_override ? m->trend_override : br_measure_trend(m, report, p, t);
    m->has_change_previous =
        br_measure_change(m, br_period_previous(report, p), p, &m->change_previous);
    m->has_change_year = br_measure_change(m, br_period_year_ago(report, p), p, &m->change_year);
}

static void compute_variance_statuses(br_finance *f, const br_template *t)
{
    for (size_t r = 0; r < f->nrows; r++)
        f->rows[r].variance_status = f->rows[r].heading ? BR_STATUS_NO_DATA
                                   : br_variance_status(f, f->rows[r].amounts, t);
    f->total_variance_status = br_variance_status(f, f->total, t);
}

static void compute_milestone(br_milestone *ms, const br_period *period, br_diags *diags)
{
    ms->overdue = period && br_milestone_overdue(ms, period->end);
    if (!ms->overdue)
        return;
    br_date d = br_milestone_last_due(ms);
    br_warning(diags, ms->loc,
               "milestone %s is overdue: it was due by %04d-%02d-%02d, before the end of %s, "
               "and is not complete; it is shown as overdue until its status is complete "
               "or it has a later due date",
               ms->id ? ms->id : "(no id)", d.year, d.month, d.day,
               period->id ? period->id : "the report period");
}

void br_compute(br_report *report, const br_template *t, br_diags *diags)
{
    size_t p = report->period;
    const br_period *period = p < report->nperiods ? &report->periods[p] : NULL;
    for (size_t i = 0; i < report->nmeasures; i++)
        compute_measure(&report->measures[i], report, p, t);
    for (size_t i = 0; i < report->nmilestones; i++)
        compute_milestone(&report->milestones[i], period, diags);
    for (size_t i = 0; i < report->nfinance; i++) {
        br_finance_compute(&report->finance[i], diags);
        compute_variance_statuses(&report->finance[i], t);
    }
    br_objectives_compute(report);
}
