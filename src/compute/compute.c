/* compute.c — fills every computed field of a report for report->period. */
#include "br_compute.h"

#include "br_period.h"

/* Statuses as the YAML writes them, for messages. */
static const char *status_word(br_status s)
{
    static const char *const words[BR_STATUS_COUNT] = {"red", "amber", "green", "no-data",
                                                       "no-target"};
    return s < BR_STATUS_COUNT ? words[s] : "?";
}

static bool is_rag(br_status s)
{
    return s == BR_STATUS_RED || s == BR_STATUS_AMBER || s == BR_STATUS_GREEN;
}

/* The author's status is printed; when the figures give another RAG and
 * the author has not said why, the difference is worth a look. */
static void check_set_status(const br_measure *m, const br_period *period, br_diags *diags)
{
    if (!m->has_status_override) {
        if (m->status_reason)
            br_warning(diags, m->loc, "measure '%s' has status_reason: but no status:; the "
                       "reason explains nothing (set status:, or remove status_reason:)", m->id);
        return;
    }
    if (m->status_reason || !is_rag(m->computed_status) || m->status_override == m->computed_status)
        return;
    br_warning(diags, m->status_loc,
               "measure '%s' sets status: %s, but its figures for %s give %s; the set status "
               "is printed and counted everywhere; add status_reason: to say why, or correct it",
               m->id, status_word(m->status_override), period->id,
               status_word(m->computed_status));
}

static void check_set_trend(const br_measure *m, const br_period *period, br_diags *diags)
{
    if (!m->has_trend_override) {
        if (m->trend_reason)
            br_warning(diags, m->loc, "measure '%s' has trend_reason: but no trend:; the "
                       "reason explains nothing (set trend:, or remove trend_reason:)", m->id);
        return;
    }
    if (m->trend_reason || m->computed_trend == BR_TREND_NONE ||
        m->trend_override == m->computed_trend)
        return;
    br_warning(diags, m->trend_loc,
               "measure '%s' sets trend: %s, but its figures up to %s give %s; the set trend "
               "is printed everywhere; add trend_reason: to say why, or correct it",
               m->id, br_trend_name(m->trend_override), period->id,
               br_trend_name(m->computed_trend));
}

/* A position needs a figure behind it.  The computed one is judged on the
 * report period's; a RAG the author sets on a measure that has none for
 * the report period ("Not available") rests on the latest figure before
 * it, and every cell that prints the position says so ("Better than
 * target (as at 2018/19 Q4)"), so a green claim never stands unexplained
 * beside "Not available".  A hand-set RAG on a measure with no earlier
 * figure (words such as "Forecast £86.5m") rests on those words. */
static bool status_on_latest(const br_measure *m, size_t p)
{
    return m->has_status_override && is_rag(m->status) && m->values[p].kind != BR_VALUE_NUMBER &&
           m->latest != BR_NONE && m->latest != p;
}

static void compute_measure(br_measure *m, const br_report *report, size_t p,
                            const br_template *t, br_diags *diags)
{
    m->has_change_previous = m->has_change_year = false;
    m->change_previous = m->change_year = 0;
    m->nbands = br_measure_bands(m, m->bands);
    m->latest = BR_NONE;
    for (size_t i = p < report->nperiods ? p + 1 : 0; i-- > 0;)
        if (m->values[i].kind == BR_VALUE_NUMBER) {
            m->latest = i;
            break;
        }
    if (p == BR_NONE || p >= report->nperiods) {
        /* No report period (already an error from the checker): nothing to
         * judge, but the fields must still hold something printable. */
        m->computed_status = BR_STATUS_NO_DATA;
        m->computed_trend = BR_TREND_NONE;
        m->status = m->has_status_override ? m->status_override : BR_STATUS_NO_DATA;
        m->status_on_latest = false;
        m->trend = m->has_trend_override ? m->trend_override : BR_TREND_NONE;
        return;
    }
    m->computed_status = br_measure_status(m, p);
    m->computed_trend = br_measure_trend(m, report, p, t);
    m->status = m->has_status_override ? m->status_override : m->computed_status;
    m->status_on_latest = status_on_latest(m, p);
    m->trend = m->has_trend_override ? m->trend_override : m->computed_trend;
    if (m->id) {
        check_set_status(m, &report->periods[p], diags);
        check_set_trend(m, &report->periods[p], diags);
    }
    m->has_change_previous =
        br_measure_change(m, br_period_previous(report, p), p, &m->change_previous);
    m->has_change_year = br_measure_change(m, br_period_year_ago(report, p), p, &m->change_year);
}

/* Overdue is judged at the paper's "as at" date when it gives one,
 * otherwise at the end of the report period. */
static void compute_milestone(br_milestone *ms, const br_report *r, const br_period *period,
                              br_diags *diags)
{
    bool as_at = r->as_at.year != 0;
    if (!as_at && !period)
        return;
    br_date at = as_at ? r->as_at : period->end;
    ms->overdue = br_milestone_overdue(ms, at);
    if (!ms->overdue)
        return;
    br_date d = br_milestone_last_due(ms);
    const char *when = as_at ? br_arena_printf(r->arena, "the 'as at' date %04d-%02d-%02d",
                                               at.year, at.month, at.day)
                             : br_arena_printf(r->arena, "the end of %s",
                                               period->id ? period->id : "the report period");
    br_warning(diags, ms->loc,
               "milestone %s is overdue: it was due by %04d-%02d-%02d, before %s, "
               "and is not complete; it is shown as overdue until its status is complete "
               "or it has a later due date",
               ms->id ? ms->id : "(no id)", d.year, d.month, d.day, when);
}

static bool sources_done(const br_report *r, const br_finance *f, const bool *done)
{
    for (size_t k = 0; k < f->ntotal_of; k++)
        if (f->sources && f->sources[k] && !done[f->sources[k] - r->finance])
            return false;
    return true;
}

/* Each table after the tables it totals (total_of); a ring of totals is
 * an error, its tables left uncomputed. */
static void compute_finance(br_report *r, const br_template *t, br_diags *diags)
{
    bool *done = br_arena_calloc(r->arena, r->nfinance + 1, sizeof *done);
    size_t left = r->nfinance;
    for (bool progress = true; left && progress;) {
        progress = false;
        for (size_t i = 0; i < r->nfinance; i++) {
            br_finance *f = &r->finance[i];
            if (done[i] || !sources_done(r, f, done))
                continue;
            br_finance_add_sources(f, r->arena, diags);
            br_finance_compute(f, diags);
            br_finance_statuses(f, t, diags);
            done[i] = progress = true;
            left--;
        }
    }
    for (size_t i = 0; i < r->nfinance; i++)
        if (!done[i])
            br_error(diags, r->finance[i].loc, "finance '%s' is in a ring of total_of tables "
                     "that total each other; a table can total only tables that do not total it",
                     r->finance[i].id);
}

void br_compute(br_report *report, const br_template *t, br_diags *diags)
{
    size_t p = report->period;
    const br_period *period = p < report->nperiods ? &report->periods[p] : NULL;
    for (size_t i = 0; i < report->nmeasures; i++)
        compute_measure(&report->measures[i], report, p, t, diags);
    for (size_t i = 0; i < report->nmilestones; i++)
        compute_milestone(&report->milestones[i], report, period, diags);
    compute_finance(report, t, diags);
    br_objectives_compute(report, diags);
    br_check_page_widths(report, t, diags);
    br_check_people_printed(report, t, diags);
}
