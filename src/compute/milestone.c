/* milestone.c — a milestone's last due date, and whether it is overdue
 * (spec §4). */
#include "br_compute.h"

#include "br_period.h"

/* Only dated entries count: "Monthly" or "Completed & ongoing" set no
 * deadline. */
br_date br_milestone_last_due(const br_milestone *ms)
{
    br_date last = {0, 0, 0};
    for (size_t i = 0; i < ms->ndue; i++)
        if (ms->due[i].date.year != 0 && br_date_compare(ms->due[i].date, last) > 0)
            last = ms->due[i].date;
    return last;
}

/* A milestone without a status is not complete; one the paper does not
 * report on (not-reported) is never judged overdue. */
bool br_milestone_overdue(const br_milestone *ms, br_date period_end)
{
    br_date last = br_milestone_last_due(ms);
    if (last.year == 0 || (ms->has_status && ms->status == BR_MS_NOT_REPORTED))
        return false;
    bool complete = ms->has_status && ms->status == BR_MS_COMPLETE;
    return !complete && br_date_compare(last, period_end) < 0;
}
