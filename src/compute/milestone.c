/* milestone.c — a milestone's last due date, and whether it is overdue
 * (spec §4). */
#include "br_compute.h"

#include "br_period.h"

#include <string.h>

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

br_people_note br_people_note_of(const br_report *r, const br_template *t)
{
    return r->has_people_note ? r->people_note : t->people_note;
}

/* With the legend on the lead column's heading, everyone under people:
 * prints in it (a plan lists all its directors, whoever leads what). */
void br_check_people_printed(const br_report *r, const br_template *t, br_diags *d)
{
    if (br_people_note_of(r, t) == BR_PEOPLE_NOTE_HEADING)
        return;
    for (size_t k = 0; k < r->npeople; k++) {
        bool used = false;
        for (size_t i = 0; i < r->nmilestones && !used; i++)
            used = r->milestones[i].lead && strcmp(r->milestones[i].lead, r->people[k].key) == 0;
        if (!used)
            br_warning(d, r->people[k].loc, "person '%s' under people: is no milestone's "
                       "lead, so it prints nowhere; remove it, name it in a lead:, or list "
                       "everyone in one note on the lead column's heading (people_note: heading)",
                       r->people[k].key);
    }
}
