/* compose_profile.c — the performance profile: one row per objective with
 * its direction of travel, its status and its measures and milestones
 * counted by RAG, as on the front of the 2012/13 profile.  Every figure is
 * the objective's, computed before compose (br_objectives_compute). */
#include "compose_int.h"

#include "br_vocab.h"

static br_cell *count_cell(composer *c, br_row *row, size_t n)
{
    return br_compose_cell_text(c, row, br_arena_printf(c->a, "%zu", n), BR_ALIGN_CENTER);
}

static void add_headers(composer *c, br_table *table)
{
    const char *const *h = c->t->profile_headings;
    br_row *top = br_table_add_row(c->a, table, true);
    br_row *head = br_table_add_row(c->a, table, true);
    br_compose_cell_text(c, top, "", BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, head, h[BR_PROFILE_OBJECTIVE], BR_ALIGN_LEFT);
    br_compose_cell_text(c, head, h[BR_PROFILE_DIRECTION], BR_ALIGN_CENTER);
    br_compose_cell_text(c, head, h[BR_PROFILE_STATUS], BR_ALIGN_CENTER);
    br_compose_cell_text(c, top, h[BR_PROFILE_MILESTONES], BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, top, h[BR_PROFILE_MEASURES], BR_ALIGN_CENTER)->span = 3;
    br_compose_cell_text(c, top, "", BR_ALIGN_CENTER);
    const br_status rag[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 3; i++)
            br_compose_cell_rag(c, head, &c->t->status[rag[i]], c->t->status[rag[i]].letter);
    br_compose_cell_text(c, head, h[BR_PROFILE_OTHER], BR_ALIGN_CENTER);
}

static void add_row(composer *c, br_table *table, const br_objective *o)
{
    br_row *row = br_table_add_row(c->a, table, false);
    br_compose_cell_markup(c, row, br_arena_printf(c->a, "%s. %s", o->id, o->title),
                           o->section->loc, BR_ALIGN_LEFT);
    br_compose_cell_text(c, row, o->direction == BR_TREND_NONE
                                     ? c->t->profile_headings[BR_PROFILE_NO_TREND]
                                     : br_compose_trend_text(c, o->direction), BR_ALIGN_CENTER);
    br_compose_cell_rag(c, row, &c->t->status[o->status], NULL);
    /* Milestones by RAG: missed or overdue, at risk, on track or complete. */
    count_cell(c, row, o->milestones[BR_MS_MISSED] + o->overdue);
    count_cell(c, row, o->milestones[BR_MS_AT_RISK]);
    count_cell(c, row, o->milestones[BR_MS_ON_TRACK] + o->milestones[BR_MS_COMPLETE]);
    count_cell(c, row, o->measures[BR_STATUS_RED]);
    count_cell(c, row, o->measures[BR_STATUS_AMBER]);
    count_cell(c, row, o->measures[BR_STATUS_GREEN]);
    count_cell(c, row, o->measures[BR_STATUS_NO_DATA] + o->measures[BR_STATUS_NO_TARGET]);
}

void br_compose_profile(composer *c, const br_section *s)
{
    br_compose_add_caption(c, s->title ? s->title : c->t->profile_headings[BR_PROFILE_CAPTION],
                           s->loc);
    br_block *b = br_compose_new_table(c, s->loc, s->title, 10);
    b->table.cols[0].weight = 6;
    add_headers(c, &b->table);
    for (size_t i = 0; i < c->r->nobjectives; i++)
        add_row(c, &b->table, &c->r->objectives[i]);
}
