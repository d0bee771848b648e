/* milestone.c — whether a milestone is overdue (spec §4). */
#include "br_compute.h"

#include "br_period.h"

/* Only dated entries count: "Monthly" or "Completed & ongoing" set no
 * deadline.  A milestone without a status is not complete. */
bool br_milestone_overdue(const br_milestone *ms, br_date period_end)
{
    const br_date *last = NULL;
    for (size_t i = 0; i < ms->ndue; i++) {
        const br_date *d = &ms->due[i].date;
        if (d->year == 0)
            continue;
        if (!last || br_date_compare(*d, *last) > 0)
            last = d;
    }
    if (!last)
        return false;
    bool complete = ms->has_status && ms->status == BR_MS_COMPLETE;
    return !complete && br_date_compare(*last, period_end) < 0;
}
