/* objective.c — each objective's figures: its measures and milestones
 * counted, its status and its direction of travel (the performance profile
 * prints them; export writes them). */
#include "br_compute.h"

#include <string.h>

static void count_measures(const br_report *r, br_objective *o)
{
    const br_key_index *first;
    size_t n = br_key_range(r->measure_objectives, r->nmeasure_objectives, o->id, &first);
    for (size_t i = 0; i < n; i++) {
        const br_measure *m = &r->measures[first[i].index];
        o->measures[m->status]++;
        o->trended += m->trend != BR_TREND_NONE;
        o->improving += m->trend == BR_TREND_IMPROVING;
        o->declining += m->trend == BR_TREND_DECLINING;
    }
}

/* Overdue before status: an overdue milestone still said to be on track is
 * counted overdue.  One with no status is not started. */
static void count_milestones(const br_report *r, br_objective *o)
{
    const br_key_index *first;
    size_t n = br_key_range(r->milestone_objectives, r->nmilestone_objectives, o->id, &first);
    for (size_t i = 0; i < n; i++) {
        const br_milestone *ms = &r->milestones[first[i].index];
        if (ms->overdue)
            o->overdue++;
        else
            o->milestones[ms->has_status ? ms->status : BR_MS_NOT_STARTED]++;
    }
}

br_status br_objective_status(const br_objective *o)
{
    size_t red = o->measures[BR_STATUS_RED] + o->milestones[BR_MS_MISSED] + o->overdue;
    size_t amber = o->measures[BR_STATUS_AMBER] + o->milestones[BR_MS_AT_RISK];
    size_t green = o->measures[BR_STATUS_GREEN] + o->milestones[BR_MS_ON_TRACK] +
                   o->milestones[BR_MS_COMPLETE];
    if (red && red > green)
        return BR_STATUS_RED;
    if (red || amber)
        return BR_STATUS_AMBER;
    return green ? BR_STATUS_GREEN : BR_STATUS_NO_DATA;
}

br_trend br_objective_direction(const br_objective *o)
{
    if (!o->trended)
        return BR_TREND_NONE;
    return o->improving > o->declining ? BR_TREND_IMPROVING
         : o->declining > o->improving ? BR_TREND_DECLINING : BR_TREND_STABLE;
}

/* The director's RAG for the objective, from the first commentary entry on
 * it that states one; NULL when none does. */
static const br_commentary *stated_status(const br_report *r, const char *id)
{
    for (size_t i = 0; i < r->ncommentary; i++) {
        const br_commentary *cm = &r->commentary[i];
        if (cm->has_rag && cm->objective && strcmp(cm->objective, id) == 0)
            return cm;
    }
    return NULL;
}

void br_objectives_compute(br_report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nsections; i++)
        n += r->sections[i].type == BR_SEC_OBJECTIVE && r->sections[i].id;
    r->objectives = br_arena_calloc(r->arena, n + 1, sizeof *r->objectives);
    r->nobjectives = 0;
    for (size_t i = 0; i < r->nsections; i++) {
        const br_section *s = &r->sections[i];
        if (s->type != BR_SEC_OBJECTIVE || !s->id)
            continue;
        br_objective *o = &r->objectives[r->nobjectives++];
        *o = (br_objective){.section = s, .id = s->id, .title = s->title};
        count_measures(r, o);
        count_milestones(r, o);
        const br_commentary *stated = stated_status(r, s->id);
        o->status_stated = stated != NULL;
        o->status = stated ? stated->rag : br_objective_status(o);
        o->direction = br_objective_direction(o);
    }
}
