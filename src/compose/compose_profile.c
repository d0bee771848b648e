/* compose_profile.c — the performance profile: one row per objective with
 * its direction of travel, its status and its measures and milestones
 * counted by RAG, all computed (as on the front of the 2012/13 profile). */
#include "compose_int.h"

#include <string.h>

typedef struct tally {
    size_t measures[BR_STATUS_COUNT];
    size_t milestones[3];       /* red (missed or overdue), amber (at risk), green (on track or complete) */
    size_t improving, declining, trended;
} tally;

static void count_objective(const br_report *r, const char *id, tally *t)
{
    memset(t, 0, sizeof *t);
    const br_key_index *first;
    size_t n = br_key_range(r->measure_objectives, r->nmeasure_objectives, id, &first);
    for (size_t i = 0; i < n; i++) {
        const br_measure *m = &r->measures[first[i].index];
        t->measures[m->status]++;
        t->trended += m->trend != BR_TREND_NONE;
        t->improving += m->trend == BR_TREND_IMPROVING;
        t->declining += m->trend == BR_TREND_DECLINING;
    }
    n = br_key_range(r->milestone_objectives, r->nmilestone_objectives, id, &first);
    for (size_t i = 0; i < n; i++) {
        const br_milestone *ms = &r->milestones[first[i].index];
        if (!ms->has_status)
            continue;
        if (ms->overdue || ms->status == BR_MS_MISSED)
            t->milestones[0]++;
        else if (ms->status == BR_MS_AT_RISK)
            t->milestones[1]++;
        else if (ms->status == BR_MS_ON_TRACK || ms->status == BR_MS_COMPLETE)
            t->milestones[2]++;
    }
}

/* The commentary entry's RAG for the objective when the director set one;
 * otherwise red when red measures and milestones outnumber green ones,
 * amber when there is any red or amber, green when there is any green. */
static br_status objective_status(const br_report *r, const char *id, const tally *t)
{
    for (size_t i = 0; i < r->ncommentary; i++) {
        const br_commentary *cm = &r->commentary[i];
        if (cm->has_rag && cm->objective && strcmp(cm->objective, id) == 0)
            return cm->rag;
    }
    size_t red = t->measures[BR_STATUS_RED] + t->milestones[0];
    size_t amber = t->measures[BR_STATUS_AMBER] + t->milestones[1];
    size_t green = t->measures[BR_STATUS_GREEN] + t->milestones[2];
    if (red && red > green)
        return BR_STATUS_RED;
    if (red || amber)
        return BR_STATUS_AMBER;
    return green ? BR_STATUS_GREEN : BR_STATUS_NO_DATA;
}

static br_cell *count_cell(composer *c, br_row *row, size_t n)
{
    return br_compose_cell_text(c, row, br_arena_printf(c->a, "%zu", n), BR_ALIGN_CENTER);
}

static void add_headers(composer *c, br_table *table)
{
    br_row *top = br_table_add_row(c->a, table, true);
    br_row *head = br_table_add_row(c->a, table, true);
    br_compose_cell_text(c, top, "", BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, head, "Objective", BR_ALIGN_LEFT);
    br_compose_cell_text(c, head, "Direction of travel", BR_ALIGN_CENTER);
    br_compose_cell_text(c, head, "Status", BR_ALIGN_CENTER);
    br_compose_cell_text(c, top, "Milestones", BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, top, "Measures", BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, top, "", BR_ALIGN_CENTER);
    const br_status rag[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 3; i++)
            br_compose_cell_rag(c, head, &c->t->status[rag[i]], c->t->status[rag[i]].letter);
    br_compose_cell_text(c, head, "Data only / no target", BR_ALIGN_CENTER);
}

void br_compose_profile(composer *c, const br_section *s)
{
    br_compose_add_caption(c, s->title ? s->title : "Performance profile", s->loc);
    br_block *b = br_compose_new_table(c, s->loc, s->title, 10);
    b->table.cols[0].weight = 6;
    add_headers(c, &b->table);
    const br_template *t = c->t;
    for (size_t i = 0; i < c->r->nsections; i++) {
        const br_section *o = &c->r->sections[i];
        if (o->type != BR_SEC_OBJECTIVE || !o->id)
            continue;
        tally n;
        count_objective(c->r, o->id, &n);
        br_row *row = br_table_add_row(c->a, &b->table, false);
        br_compose_cell_markup(c, row, br_arena_printf(c->a, "%s. %s", o->id, o->title), o->loc, BR_ALIGN_LEFT);
        /* More improving than declining measures is improving, and so on;
         * with no measure that has a trend, there is no direction to show. */
        br_trend dir = !n.trended ? BR_TREND_NONE
                     : n.improving > n.declining ? BR_TREND_IMPROVING
                     : n.declining > n.improving ? BR_TREND_DECLINING : BR_TREND_STABLE;
        br_compose_cell_text(c, row, dir == BR_TREND_NONE ? "No trend yet" : br_compose_trend_text(c, dir), BR_ALIGN_CENTER);
        br_compose_cell_rag(c, row, &t->status[objective_status(c->r, o->id, &n)], NULL);
        for (int k = 0; k < 3; k++)
            count_cell(c, row, n.milestones[k]);
        count_cell(c, row, n.measures[BR_STATUS_RED]);
        count_cell(c, row, n.measures[BR_STATUS_AMBER]);
        count_cell(c, row, n.measures[BR_STATUS_GREEN]);
        count_cell(c, row, n.measures[BR_STATUS_NO_DATA] + n.measures[BR_STATUS_NO_TARGET]);
    }
}
