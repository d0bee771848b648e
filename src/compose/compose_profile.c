/* compose_profile.c — the performance profile: one row per objective with
 * its direction of travel, its status and its measures and milestones
 * counted by RAG, as on the front of the 2012/13 profile.  Every figure is
 * the objective's, computed (or stated by the author) before compose
 * (br_objectives_compute); the section chooses, orders and names the
 * columns and the order of the RAG counts. */
#include "compose_int.h"

#include "br_vocab.h"

/* The columns a profile prints when its section names none: milestones
 * only when some objective has one the paper judges (a plan whose
 * milestones are all not-reported would print 0 0 0 in every row beside
 * 87 milestones), risks only when some objective states
 * them, the direction of travel only when some objective has one (a paper
 * with one period's values has no trend anywhere: a column of "No trend
 * yet" in every row says nothing). */
static size_t default_columns(const br_report *r, br_column *cols)
{
    bool milestones = false, risks = false, direction = false;
    for (size_t i = 0; i < r->nobjectives; i++) {
        const br_objective *o = &r->objectives[i];
        for (int k = 0; k < BR_MSRAG_COUNT; k++)
            milestones |= o->milestone_rag[k] > 0;
        milestones |= o->milestones_stated || o->milestones[BR_MS_NOT_STARTED] > 0;
        risks |= o->risks != NULL || o->risks_by_rag;
        direction |= o->direction != BR_TREND_NONE;
    }
    size_t n = 0;
    cols[n++].kind = (br_column_kind)BR_PROFILE_OBJECTIVE;
    if (direction)
        cols[n++].kind = (br_column_kind)BR_PROFILE_DIRECTION;
    cols[n++].kind = (br_column_kind)BR_PROFILE_STATUS;
    if (milestones)
        cols[n++].kind = (br_column_kind)BR_PROFILE_MILESTONES;
    cols[n++].kind = (br_column_kind)BR_PROFILE_MEASURES;
    cols[n++].kind = (br_column_kind)BR_PROFILE_OTHER;
    if (risks)
        cols[n++].kind = (br_column_kind)BR_PROFILE_RISKS;
    return n;
}

/* Whether some objective states its risks by RAG: the Risks column is then
 * three cells under one heading, as the measures' counts are. */
static bool risks_by_rag(const br_report *r)
{
    for (size_t i = 0; i < r->nobjectives; i++)
        if (r->objectives[i].risks_by_rag)
            return true;
    return false;
}

/* A column of RAG cells under one heading: measures and milestones, and
 * risks when stated by RAG. */
static bool is_group(composer *c, const br_column *col)
{
    return (int)col->kind == BR_PROFILE_MILESTONES || (int)col->kind == BR_PROFILE_MEASURES ||
           ((int)col->kind == BR_PROFILE_RISKS && risks_by_rag(c->r));
}

/* A count column's RAG cells, left to right: its own rag: (the paper's
 * grid: risks in two cells, milestones in one), else the section's. */
static size_t rag_cells(const br_column *col, const br_status *order, const br_status **cells)
{
    *cells = col->nrag ? col->rag : order;
    return col->nrag ? col->nrag : 3;
}

static const char *heading(composer *c, const br_column *col)
{
    return col->heading ? col->heading : c->t->profile_headings[col->kind];
}

/* With a milestones or measures column, two header rows: the group's name
 * over its three RAG letters; the other columns' headings in the second
 * row under one blank cell per run of them. */
static void add_headers(composer *c, br_table *table, const br_column *cols, size_t n,
                        const br_status *rag)
{
    bool groups = false;
    for (size_t i = 0; i < n; i++)
        groups |= is_group(c, &cols[i]);
    br_row *top = groups ? br_table_add_row(c->a, table, true) : NULL;
    br_row *head = br_table_add_row(c->a, table, true);
    br_cell *blank = NULL;
    for (size_t i = 0; i < n; i++) {
        if (is_group(c, &cols[i])) {
            const br_status *cells;
            size_t n_cells = rag_cells(&cols[i], rag, &cells);
            br_compose_cell_markup(c, top, heading(c, &cols[i]), cols[i].loc,
                                   BR_ALIGN_CENTER)->span = (int)n_cells;
            for (size_t k = 0; k < n_cells; k++)
                br_compose_cell_rag(c, head, &c->t->status[cells[k]], c->t->status[cells[k]].letter);
            blank = NULL;
            continue;
        }
        if (top && blank)
            blank->span++;
        else if (top)
            blank = br_compose_cell_text(c, top, "", BR_ALIGN_CENTER);
        bool left = (int)cols[i].kind == BR_PROFILE_OBJECTIVE || (int)cols[i].kind == BR_PROFILE_TITLE;
        br_compose_cell_markup(c, head, heading(c, &cols[i]), cols[i].loc,
                               left ? BR_ALIGN_LEFT : BR_ALIGN_CENTER);
    }
}

/* A count the author's row leaves blank prints nothing. */
static br_cell *count_cell(composer *c, br_row *row, size_t n, bool blank)
{
    return br_compose_cell_text(c, row, blank ? "" : br_arena_printf(c->a, "%zu", n),
                                BR_ALIGN_CENTER);
}

static br_loc objective_loc(const br_objective *o)
{
    return o->entry ? o->entry->loc : o->section->loc;
}

/* The RAG cells of a count column for one objective. */
static void add_rag_cells(composer *c, br_row *row, const br_objective *o, const br_column *col,
                          const br_status *rag)
{
    const br_status *cells;
    size_t n = rag_cells(col, rag, &cells);
    /* br_ms_rag runs red, amber, green, as br_status does. */
    for (size_t k = 0; k < n; k++) {
        br_status s = cells[k];
        if ((int)col->kind == BR_PROFILE_MILESTONES)
            count_cell(c, row, o->milestone_rag[s], o->milestone_blank[s]);
        else if ((int)col->kind == BR_PROFILE_MEASURES)
            count_cell(c, row, o->measures[s], o->measure_blank[s]);
        else
            br_compose_cell_markup(c, row, o->risks_rag[s] ? o->risks_rag[s] : "",
                                   objective_loc(o), BR_ALIGN_CENTER);
    }
}

static void add_cell(composer *c, br_row *row, const br_objective *o, const br_column *col,
                     const br_status *rag)
{
    if (is_group(c, col)) {
        add_rag_cells(c, row, o, col, rag);
        return;
    }
    switch ((br_profile_column)col->kind) {
    case BR_PROFILE_OBJECTIVE:
        br_compose_cell_markup(c, row, br_arena_printf(c->a, "%s. %s", o->id, o->title),
                               objective_loc(o), BR_ALIGN_LEFT);
        break;
    case BR_PROFILE_TITLE:
        br_compose_cell_markup(c, row, o->title, objective_loc(o), BR_ALIGN_LEFT);
        break;
    case BR_PROFILE_DIRECTION:
        br_compose_cell_text(c, row, o->direction == BR_TREND_NONE
                                         ? c->t->profile_headings[BR_PROFILE_NO_TREND]
                                         : br_compose_trend_text(c, o->direction), BR_ALIGN_CENTER);
        break;
    case BR_PROFILE_STATUS:
        br_compose_cell_rag(c, row, &c->t->status[o->status], NULL);
        break;
    case BR_PROFILE_MILESTONE_STATUS:
        if (o->milestone_status_blank)
            br_compose_cell_text(c, row, "", BR_ALIGN_CENTER);
        else
            br_compose_cell_rag(c, row, &c->t->status[o->milestone_status], NULL);
        break;
    case BR_PROFILE_OTHER:
        count_cell(c, row, o->measures[BR_STATUS_NO_DATA] + o->measures[BR_STATUS_NO_TARGET],
                   o->measure_blank[BR_STATUS_NO_TARGET]);
        break;
    case BR_PROFILE_RISKS:      /* one cell as written (by RAG: is_group) */
        br_compose_cell_markup(c, row, o->risks ? o->risks : "", objective_loc(o), BR_ALIGN_CENTER);
        break;
    default:
        br_compose_cell_text(c, row, "", BR_ALIGN_CENTER);
        break;
    }
}

static size_t width_of(composer *c, const br_column *col)
{
    return is_group(c, col) ? (col->nrag ? col->nrag : 3) : 1;
}

void br_compose_profile(composer *c, const br_section *s)
{
    static const br_status red_first[3] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN};
    const br_status *rag = s->has_rag_order ? s->rag_order : red_first;
    br_column defaults[BR_PROFILE_COUNT] = {0};
    const br_column *cols = s->columns;
    size_t n = s->ncolumns;
    if (!n)
        cols = defaults, n = default_columns(c->r, defaults);
    size_t ncells = 0;
    for (size_t i = 0; i < n; i++)
        ncells += width_of(c, &cols[i]);
    const char *caption = s->title ? s->title : c->t->profile_headings[BR_PROFILE_CAPTION];
    br_compose_add_caption(c, caption, s->loc);
    if (!*caption && c->heading)    /* "": the heading above names it */
        caption = c->heading;
    br_block *b = br_compose_new_table(c, s->loc, caption, ncells);
    for (size_t i = 0, at = 0; i < n; at += width_of(c, &cols[i]), i++)
        if ((int)cols[i].kind == BR_PROFILE_OBJECTIVE || (int)cols[i].kind == BR_PROFILE_TITLE)
            b->table.cols[at].weight = 6;
    add_headers(c, &b->table, cols, n, rag);
    for (size_t i = 0; i < c->r->nobjectives; i++) {
        br_row *row = br_table_add_row(c->a, &b->table, false);
        for (size_t k = 0; k < n; k++)
            add_cell(c, row, &c->r->objectives[i], &cols[k], rag);
    }
    if (s->no_key)
        c->nkeyed = 0;      /* key: false: the paper names its letters elsewhere */
}
