/* objective.c — each objective's figures: its measures and milestones
 * counted, its status and its direction of travel (the performance profile
 * prints them; export writes them).
 *
 * The rows are the plan's objectives: the `objectives:` entries in their
 * order, then each objective section not among them.  What an entry states
 * (status, direction, counts, risks) is what prints; what the paper's
 * measures and milestones give is a check that warns when it differs. */
#include "br_compute.h"
#include "br_vocab.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

static void count_measures(const br_report *r, br_objective *o)
{
    const br_key_index *first;
    size_t n = br_key_range(r->measure_objectives, r->nmeasure_objectives, o->id, &first);
    for (size_t i = 0; i < n; i++) {
        const br_measure *m = &r->measures[first[i].index];
        o->computed_measures[m->status]++;
        o->trended += m->trend != BR_TREND_NONE;
        o->improving += m->trend == BR_TREND_IMPROVING;
        o->declining += m->trend == BR_TREND_DECLINING;
    }
    memcpy(o->measures, o->computed_measures, sizeof o->measures);
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
    o->milestone_rag[BR_MSRAG_RED] = o->milestones[BR_MS_MISSED] + o->overdue;
    o->milestone_rag[BR_MSRAG_AMBER] = o->milestones[BR_MS_AT_RISK];
    o->milestone_rag[BR_MSRAG_GREEN] = o->milestones[BR_MS_ON_TRACK] +
                                       o->milestones[BR_MS_COMPLETE];
}

/* Milestones by RAG: the stated counts when the author gives them, else
 * from the milestones' statuses (so the rule also works on a bare count). */
static size_t milestone_rag(const br_objective *o, br_ms_rag k)
{
    if (o->milestones_stated)
        return o->milestone_rag[k];
    switch (k) {
    case BR_MSRAG_RED:
        return o->milestones[BR_MS_MISSED] + o->overdue;
    case BR_MSRAG_AMBER:
        return o->milestones[BR_MS_AT_RISK];
    default:
        return o->milestones[BR_MS_ON_TRACK] + o->milestones[BR_MS_COMPLETE];
    }
}

/* The status rule, one place for an objective and for its milestones
 * alone: red when reds outnumber greens, amber when any is red or amber,
 * green when any is green, NO_DATA when none is any. */
static br_status rag_rule(size_t red, size_t amber, size_t green)
{
    if (red && red > green)
        return BR_STATUS_RED;
    if (red || amber)
        return BR_STATUS_AMBER;
    return green ? BR_STATUS_GREEN : BR_STATUS_NO_DATA;
}

br_status br_objective_status(const br_objective *o)
{
    return rag_rule(o->measures[BR_STATUS_RED] + milestone_rag(o, BR_MSRAG_RED),
                    o->measures[BR_STATUS_AMBER] + milestone_rag(o, BR_MSRAG_AMBER),
                    o->measures[BR_STATUS_GREEN] + milestone_rag(o, BR_MSRAG_GREEN));
}

br_status br_objective_milestone_status(const br_objective *o)
{
    return rag_rule(milestone_rag(o, BR_MSRAG_RED), milestone_rag(o, BR_MSRAG_AMBER),
                    milestone_rag(o, BR_MSRAG_GREEN));
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

/* "3 red, 5 amber, 3 green": counts for a message. */
static void counts_text(char *buf, size_t size, const size_t *red_amber_green)
{
    snprintf(buf, size, "%zu red, %zu amber, %zu green", red_amber_green[0], red_amber_green[1],
             red_amber_green[2]);
}

/* Stated counts that differ from the paper's own measures (milestones):
 * the profile would contradict the tables, so say so.  Nothing to check
 * when the paper holds none of them. */
static void check_counts(const br_objective *o, br_diags *d)
{
    const br_objective_entry *e = o->entry;
    const size_t *cm = o->computed_measures;
    size_t any = 0;
    for (size_t k = 0; k < BR_STATUS_COUNT; k++)
        any += cm[k];
    if (o->measures_stated && any &&
        (cm[BR_STATUS_RED] != o->measures[BR_STATUS_RED] ||
         cm[BR_STATUS_AMBER] != o->measures[BR_STATUS_AMBER] ||
         cm[BR_STATUS_GREEN] != o->measures[BR_STATUS_GREEN] ||
         cm[BR_STATUS_NO_DATA] + cm[BR_STATUS_NO_TARGET] != o->measures[BR_STATUS_NO_TARGET])) {
        char stated[96], paper[96];
        counts_text(stated, sizeof stated, (size_t[]){o->measures[BR_STATUS_RED],
                    o->measures[BR_STATUS_AMBER], o->measures[BR_STATUS_GREEN]});
        counts_text(paper, sizeof paper, (size_t[]){cm[BR_STATUS_RED], cm[BR_STATUS_AMBER],
                    cm[BR_STATUS_GREEN]});
        br_warning(d, e->measure_counts_loc, "objective '%s' states measures: %s, %zu data only, "
                   "but its measures in this paper are %s, %zu data only or no data; the profile "
                   "prints the stated counts", o->id, stated, o->measures[BR_STATUS_NO_TARGET],
                   paper, cm[BR_STATUS_NO_DATA] + cm[BR_STATUS_NO_TARGET]);
    }
    size_t ms_any = o->overdue;
    for (size_t k = 0; k < BR_MS_COUNT; k++)
        ms_any += o->milestones[k];
    if (!o->milestones_stated || !ms_any)
        return;
    br_objective paper = *o;
    paper.milestones_stated = false;
    size_t rag[BR_MSRAG_COUNT];
    for (int k = 0; k < BR_MSRAG_COUNT; k++)
        rag[k] = milestone_rag(&paper, (br_ms_rag)k);
    if (memcmp(rag, o->milestone_rag, sizeof rag) == 0)
        return;
    char stated[96], got[96];
    counts_text(stated, sizeof stated, o->milestone_rag);
    counts_text(got, sizeof got, rag);
    br_warning(d, e->milestone_counts_loc, "objective '%s' states milestones: %s, but its milestones "
               "in this paper are %s (red: missed or overdue; amber: at risk; green: on track or "
               "complete); the profile prints the stated counts", o->id, stated, got);
}

/* A stated status or direction that the figures do not give is printed,
 * and warned of unless the author says why. */
static void check_stated(const br_objective *o, br_diags *d)
{
    const br_objective_entry *e = o->entry;
    if (!e)
        return;
    check_counts(o, d);
    bool rag = o->computed_status <= BR_STATUS_GREEN;
    if (e->has_status && rag && o->computed_status != o->status && !e->status_reason)
        br_warning(d, e->status_loc, "objective '%s' has status: %s, but its measures and milestones "
                   "give %s; the paper prints %s (add status_reason: to say why)", o->id,
                   br_status_name(o->status), br_status_name(o->computed_status), br_status_name(o->status));
    if (e->has_direction && o->computed_direction != BR_TREND_NONE &&
        o->computed_direction != o->direction && !e->direction_reason)
        br_warning(d, e->direction_loc, "objective '%s' has direction: %s, but its measures' trends "
                   "give %s (%zu improving, %zu declining of %zu with a trend); the paper prints "
                   "%s (add direction_reason: to say why)", o->id, br_trend_name(o->direction),
                   br_trend_name(o->computed_direction), o->improving, o->declining, o->trended,
                   br_trend_name(o->direction));
}

static void apply_entry(br_objective *o, const br_objective_entry *e)
{
    o->entry = e;
    o->title = e->title ? e->title : o->title;
    o->risks = e->risks;
    o->risks_by_rag = e->risks_by_rag;
    memcpy(o->risks_rag, e->risks_rag, sizeof o->risks_rag);
    if ((o->measures_stated = e->has_measure_counts)) {
        memset(o->measures, 0, sizeof o->measures);
        o->measures[BR_STATUS_RED] = e->measure_counts[BR_STATUS_RED];
        o->measures[BR_STATUS_AMBER] = e->measure_counts[BR_STATUS_AMBER];
        o->measures[BR_STATUS_GREEN] = e->measure_counts[BR_STATUS_GREEN];
        o->measures[BR_STATUS_NO_TARGET] = e->measure_counts[BR_STATUS_NO_TARGET];
        for (int k = 0; k < BR_STATUS_COUNT; k++)
            o->measure_blank[k] = !e->measure_given[k];
        /* data only is the no-target and no-data measures, stated as one */
        o->measure_blank[BR_STATUS_NO_DATA] = o->measure_blank[BR_STATUS_NO_TARGET];
    }
    if ((o->milestones_stated = e->has_milestone_counts)) {
        memcpy(o->milestone_rag, e->milestone_counts, sizeof o->milestone_rag);
        for (int k = 0; k < BR_MSRAG_COUNT; k++)
            o->milestone_blank[k] = !e->milestone_given[k];
    }
}

/* The profile's Risks column is one cell or three (by RAG) for every row:
 * an objective writing the other form would lose its cells. */
static void check_risks_forms(const br_report *r, br_diags *d)
{
    const br_objective *by_rag = NULL;
    for (size_t i = 0; i < r->nobjectives && !by_rag; i++)
        if (r->objectives[i].risks_by_rag)
            by_rag = &r->objectives[i];
    for (size_t i = 0; by_rag && i < r->nobjectives; i++) {
        const br_objective *o = &r->objectives[i];
        if (o->risks && o->entry)
            br_error(d, o->entry->risks_loc, "objective '%s' writes risks: as one text, but "
                     "objective '%s' states them by RAG, so the profile's Risks column has a cell "
                     "per RAG; write this one by RAG too, e.g. risks: {red: \"%s\"}", o->id,
                     by_rag->id, o->risks);
    }
}

/* An objective with no measures (milestones) in the paper, whose entry
 * states no counts, has nothing counted: its cells print blank, not a row
 * of zeros the author never wrote (export writes null). */
static void blank_uncounted(br_objective *o)
{
    size_t measures = 0, milestones = o->overdue;
    for (int k = 0; k < BR_STATUS_COUNT; k++)
        measures += o->computed_measures[k];
    for (int k = 0; k < BR_MS_COUNT; k++)
        milestones += o->milestones[k];
    for (int k = 0; k < BR_STATUS_COUNT && !o->measures_stated && !measures; k++)
        o->measure_blank[k] = true;
    for (int k = 0; k < BR_MSRAG_COUNT && !o->milestones_stated && !milestones; k++)
        o->milestone_blank[k] = true;
}

/* The one Milestones cell: stated (milestone_status:), else the status
 * rule on the milestones' RAG counts; blank when none is red, amber or
 * green.  A stated one the paper's own milestones judge otherwise warns. */
static void milestone_status(br_objective *o, br_diags *d)
{
    const br_objective_entry *e = o->entry;
    br_objective paper = *o;
    paper.milestones_stated = false;
    br_status computed = br_objective_milestone_status(o);
    br_status judged = br_objective_milestone_status(&paper);
    o->milestone_status_stated = e && e->has_milestone_status;
    o->milestone_status = o->milestone_status_stated ? e->milestone_status : computed;
    o->milestone_status_blank = o->milestone_status == BR_STATUS_NO_DATA;
    if (o->milestone_status_stated && judged <= BR_STATUS_GREEN && judged != o->milestone_status)
        br_warning(d, e->milestone_status_loc, "objective '%s' has milestone_status: %s, but its "
                   "milestones in this paper give %s (red: missed or overdue outnumber on track "
                   "or complete; amber: any missed, overdue or at risk); the paper prints %s",
                   o->id, br_status_name(o->milestone_status), br_status_name(judged),
                   br_status_name(o->milestone_status));
}

/* What objective o has in RAG k of a count column: a count the profile
 * would print (not a blank, not 0), or a risk as written. */
static const char *cell_figure(const br_objective *o, int kind, br_status k, char buf[24])
{
    size_t n = 0;
    if (kind == BR_PROFILE_RISKS)
        return o->risks_by_rag ? o->risks_rag[k] : NULL;
    if (kind == BR_PROFILE_MEASURES && !o->measure_blank[k])
        n = o->measures[k];
    if (kind == BR_PROFILE_MILESTONES && !o->milestone_blank[k])
        n = o->milestone_rag[k];
    if (!n)
        return NULL;
    snprintf(buf, 24, "%zu", n);
    return buf;
}

/* A count column whose rag: leaves a RAG out drops that RAG's figures:
 * each objective with one there is a warning (nothing lost silently). */
static void check_profile_cells(const br_report *r, const br_section *s, br_diags *d)
{
    bool by_rag = false;
    for (size_t i = 0; i < r->nobjectives; i++)
        by_rag |= r->objectives[i].risks_by_rag;
    for (size_t c = 0; c < s->ncolumns; c++) {
        const br_column *col = &s->columns[c];
        if ((int)col->kind == BR_PROFILE_RISKS && col->nrag && !by_rag) {
            br_warning(d, col->rag_loc, "rag: orders the Risks cells of risks stated by RAG "
                       "(risks: {red: \"1*\", amber: 3}); no objective states them so, so the "
                       "column is one cell and rag: does nothing");
            continue;
        }
        for (int k = 0; k < 3 && col->nrag; k++) {
            bool printed = false;
            for (size_t j = 0; j < col->nrag; j++)
                printed |= (int)col->rag[j] == k;
            for (size_t i = 0; i < r->nobjectives && !printed; i++) {
                char buf[24];
                const char *fig = cell_figure(&r->objectives[i], (int)col->kind, (br_status)k, buf);
                if (fig)
                    br_warning(d, col->rag_loc, "the profile's %s column prints no %s cell, but "
                               "objective '%s' has %s there; add %s to its rag: or the figure is "
                               "not in the paper", br_vocab_profile_column_yaml[col->kind],
                               br_status_name((br_status)k), r->objectives[i].id, fig,
                               br_status_name((br_status)k));
            }
        }
    }
}

static void compute_one(br_report *r, br_objective *o, br_diags *d)
{
    count_measures(r, o);
    count_milestones(r, o);
    if (o->entry)
        apply_entry(o, o->entry);
    blank_uncounted(o);
    milestone_status(o, d);
    o->computed_status = br_objective_status(o);
    o->computed_direction = br_objective_direction(o);
    const br_commentary *said = stated_status(r, o->id);
    if (said && o->entry && o->entry->has_status && said->rag != o->entry->status)
        br_warning(d, o->entry->status_loc, "objective '%s' has status: %s here but its commentary "
                   "entry '%s' states %s; the paper prints %s: state the status once (here, or as "
                   "the commentary's rag)", o->id, br_status_name(o->entry->status),
                   said->title ? said->title : "", br_status_name(said->rag),
                   br_status_name(o->entry->status));
    o->status_stated = (o->entry && o->entry->has_status) || said;
    o->status = o->entry && o->entry->has_status ? o->entry->status
              : said ? said->rag : o->computed_status;
    o->direction_stated = o->entry && o->entry->has_direction;
    o->direction = o->direction_stated ? o->entry->direction : o->computed_direction;
    check_stated(o, d);
}

/* The first objective section (by position) whose id is id, in index (the
 * objective sections with an id), or BR_NONE. */
static size_t first_section(const br_key_index *index, size_t n, const char *id)
{
    const br_key_index *at;
    return br_key_range(index, n, id, &at) ? at->index : BR_NONE;
}

/* One objective per id of objectives: (the first entry of an id), then one
 * per objective section with an id not listed there; the first section on
 * an id is its own.  Found through sorted indexes: a file of 60,000
 * objectives took seconds when each was compared with every other. */
void br_objectives_compute(br_report *r, br_diags *d)
{
    r->objectives = br_arena_calloc(r->arena, r->nsections + r->nobjective_entries + 1,
                                    sizeof *r->objectives);
    r->nobjectives = 0;
    size_t *entry_at = br_arena_calloc(r->arena, r->nobjective_entries + 1, sizeof *entry_at);
    for (size_t i = 0; i < r->nobjective_entries; i++) {
        const br_objective_entry *e = &r->objective_entries[i];
        if (!e->id || br_report_objective_entry(r, e->id) != e)
            continue;
        entry_at[i] = r->nobjectives;
        r->objectives[r->nobjectives++] = (br_objective){.id = e->id, .entry = e};
    }
    br_key_index *sections = br_arena_calloc(r->arena, r->nsections + 1, sizeof *sections);
    size_t nsections = 0;
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].type == BR_SEC_OBJECTIVE && r->sections[i].id)
            sections[nsections++] = (br_key_index){r->sections[i].id, i};
    br_key_index_sort(sections, nsections);
    for (size_t i = 0; i < r->nsections; i++) {
        const br_section *s = &r->sections[i];
        if (s->type != BR_SEC_OBJECTIVE || !s->id || first_section(sections, nsections, s->id) != i)
            continue;   /* a second section on one objective: the first is its own */
        const br_objective_entry *e = br_report_objective_entry(r, s->id);
        br_objective *o = e ? &r->objectives[entry_at[e - r->objective_entries]]
                            : &r->objectives[r->nobjectives++];
        o->id = s->id, o->section = s, o->title = s->title;
    }
    for (size_t i = 0; i < r->nobjectives; i++)
        compute_one(r, &r->objectives[i], d);
    check_risks_forms(r, d);
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].type == BR_SEC_PROFILE)
            check_profile_cells(r, &r->sections[i], d);
}
