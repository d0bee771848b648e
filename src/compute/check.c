/* check.c — cross-references and rules that need the whole report. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "br_compute.h"
#include "br_format.h"
#include "br_report.h"
#include "br_section.h"
#include "br_vocab.h"
#include "check_int.h"


static int string_order(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool in_sorted(const char *const *list, size_t n, const char *s)
{
    return n && bsearch(&s, list, n, sizeof *list, string_order) != NULL;
}

typedef struct id_ref {
    const char *id;
    const br_loc *loc;
    size_t index;
} id_ref;

static int id_ref_order(const void *x, const void *y)
{
    const id_ref *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* Reports the second and later uses of each id among n items of size elem
 * (the id and loc at the given offsets).  Sorting keeps this O(n log n): a
 * report may hold tens of thousands of measures. */
static void unique_ids(checker *c, const void *base, size_t n, size_t elem,
                       size_t id_off, size_t loc_off, const char *what)
{
    id_ref *refs = br_arena_calloc(c->r->arena, n + 1, sizeof *refs);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *item = (const char *)base + i * elem;
        const char *id = *(const char *const *)(item + id_off);
        if (id)
            refs[k++] = (id_ref){id, (const br_loc *)(item + loc_off), i};
    }
    qsort(refs, k, sizeof *refs, id_ref_order);
    for (size_t i = 1; i < k; i++) {
        size_t first = i - 1;
        while (i < k && strcmp(refs[i].id, refs[first].id) == 0) {
            br_error(c->d, *refs[i].loc, "%s id '%s' is already used at %s:%d; ids must be unique",
                     what, refs[i].id, refs[first].loc->file, refs[first].loc->line);
            i++;
        }
    }
}

static void check_ids(checker *c)
{
    br_report *r = c->r;
    unique_ids(c, r->measures, r->nmeasures, sizeof *r->measures, offsetof(br_measure, id),
               offsetof(br_measure, loc), "measure");
    unique_ids(c, r->milestones, r->nmilestones, sizeof *r->milestones,
               offsetof(br_milestone, id), offsetof(br_milestone, loc), "milestone");
    unique_ids(c, r->finance, r->nfinance, sizeof *r->finance, offsetof(br_finance, id),
               offsetof(br_finance, loc), "finance");
    unique_ids(c, r->commentary, r->ncommentary, sizeof *r->commentary,
               offsetof(br_commentary, id), offsetof(br_commentary, loc), "commentary");
    unique_ids(c, r->sections, r->nsections, sizeof *r->sections, offsetof(br_section, id),
               offsetof(br_section, loc), "section");
    unique_ids(c, r->objective_entries, r->nobjective_entries, sizeof *r->objective_entries,
               offsetof(br_objective_entry, id), offsetof(br_objective_entry, loc), "objective");
}

static void check_tolerance(checker *c, const br_measure *m)
{
    const br_value *t = &m->target, *l = &m->tolerance;
    if (m->polarity == BR_POLARITY_RANGE) {
        /* A band is needed to judge the value, unless the target says there
         * is none ("n/a", "TBD"): the status is then "No target". */
        if (!m->has_range && m->range_loc.line == 0 && t->kind != BR_VALUE_TEXT)
            br_error(c->d, m->polarity_loc, "measure '%s' has polarity range but no 'range: [low, "
                     "high]' (or a target in words such as n/a or TBD)", m->id);
        if (l->kind == BR_VALUE_NUMBER && l->number < 0)
            br_error(c->d, l->loc, "for polarity range, tolerance is a distance from the band and "
                                   "cannot be negative");
        return;
    }
    if (m->has_range && m->has_polarity)   /* none stated: check_polarities asks for range */
        br_error(c->d, m->range_loc, "'range' is only for polarity range; this measure's polarity is %s",
                 br_polarity_name(m->polarity));
    if (t->kind != BR_VALUE_NUMBER || l->kind != BR_VALUE_NUMBER)
        return;
    if (m->polarity == BR_POLARITY_HIGHER && l->number > t->number)
        br_error(c->d, l->loc,
                 "tolerance %s is above the target %s, but polarity is higher (bigger is better): "
                 "the tolerance must be at or below the target", l->text, t->text);
    if (m->polarity == BR_POLARITY_LOWER && l->number < t->number)
        br_error(c->d, l->loc,
                 "tolerance %s is below the target %s, but polarity is lower (smaller is better): "
                 "the tolerance must be at or above the target", l->text, t->text);
}

/* Ids of the objective sections, sorted; returns whether there is any
 * objective section (one without an id still counts). */
/* Drops repeats from a sorted list; returns the new count. */
static size_t unique_sorted(const char **list, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || strcmp(list[k - 1], list[i]) != 0)
            list[k++] = list[i];
    return k;
}

static bool list_objectives(checker *c)
{
    const br_report *r = c->r;
    bool any = r->nobjective_entries > 0;
    c->objectives = br_arena_calloc(r->arena, r->nsections + r->nobjective_entries + 1,
                                    sizeof *c->objectives);
    for (size_t i = 0; i < r->nobjective_entries; i++)
        if (r->objective_entries[i].id)
            c->objectives[c->nobjectives++] = r->objective_entries[i].id;
    for (size_t i = 0; i < r->nsections; i++) {
        if (r->sections[i].type != BR_SEC_OBJECTIVE)
            continue;
        any = true;
        if (r->sections[i].id)
            c->objectives[c->nobjectives++] = r->sections[i].id;
    }
    qsort(c->objectives, c->nobjectives, sizeof *c->objectives, string_order);
    c->nobjectives = unique_sorted(c->objectives, c->nobjectives);
    return any;
}

/* The figure a printed form reads as ("5%", "60.6", "≤10%" is none):
 * false when it reads as no one figure. */
static bool shown_figure(const char *shown, double *x, int *places)
{
    int unit;
    if (br_format_parse_figure(shown, x, places, &unit))
        return true;
    char *end;
    *x = strtod(shown, &end);
    if (end == shown || *end || !strchr("+-.0123456789", *shown))
        return false;
    const char *dot = strchr(shown, '.');
    *places = dot ? (int)strlen(dot + 1) : 0;
    return true;
}

/* A display: (the report period's value, or a target's) that reads as a
 * figure must be the figure status is judged on: "5%" printed beside
 * Outside tolerance judged on 19 contradicts itself. */
static void check_display(checker *c, const br_measure *m, const char *shown, const br_value *v,
                          br_loc loc, const char *what)
{
    double x;
    int places;
    if (!shown || v->kind != BR_VALUE_NUMBER || !shown_figure(shown, &x, &places))
        return;
    const char *a = br_format_number(c->r->arena, x, places, NULL);
    const char *b = br_format_number(c->r->arena, v->number, places, NULL);
    if (strcmp(a, b) != 0)
        br_warning(c->d, loc, "measure '%s' prints '%s' for its %s, which reads as %s, but the "
                   "figure that drives its status is %s; make display: show it, or give the "
                   "figure itself", m->id, shown, what, a, v->text ? v->text : b);
}

static void check_measures(checker *c)
{
    br_report *r = c->r;
    list_objectives(c);
    for (size_t i = 0; i < r->nmeasures; i++) {
        const br_measure *m = &r->measures[i];
        if (!m->id)
            continue;
        check_tolerance(c, m);
        if (r->period < r->nperiods)
            check_display(c, m, m->display, &m->values[r->period], m->loc,
                          br_arena_printf(r->arena, "%s value", r->periods[r->period].id));
        check_display(c, m, m->target_display, &m->target, m->target.loc, "target");
    }
}

/* total_of: each id a finance entry other than this one. */
static void check_finance_sources(checker *c)
{
    br_report *r = c->r;
    const char **ids = br_arena_calloc(r->arena, r->nfinance + 1, sizeof *ids);
    for (size_t i = 0; i < r->nfinance; i++)
        ids[i] = r->finance[i].id ? r->finance[i].id : "";
    for (size_t i = 0; i < r->nfinance; i++) {
        br_finance *f = &r->finance[i];
        if (!f->ntotal_of)
            continue;
        f->sources = br_arena_calloc(r->arena, f->ntotal_of, sizeof *f->sources);
        for (size_t k = 0; k < f->ntotal_of; k++) {
            const br_finance *src = br_report_finance(r, f->total_of[k]);
            const char *hint = src ? NULL : br_suggest(f->total_of[k], ids, r->nfinance);
            if (src == f)
                br_error(c->d, f->total_of_locs[k], "finance '%s' cannot total itself; "
                         "total_of names the tables it adds up", f->id);
            else if (!src && hint)
                br_error_unresolved(c->d, f->total_of_locs[k], "no finance entry has the id "
                                    "'%s'; did you mean '%s'?", f->total_of[k], hint);
            else if (!src)
                br_error_unresolved(c->d, f->total_of_locs[k], "no finance entry has the id '%s'",
                                    f->total_of[k]);
            else
                f->sources[k] = src;
        }
    }
}

/* The person whose full name (people: JM: Jane Mason, Director) is name. */
static const br_keyed_text *person_named(const br_report *r, const char *name)
{
    size_t len = strlen(name);
    for (size_t k = 0; k < r->npeople; k++) {
        const char *full = r->people[k].text;
        if (full && strncasecmp(full, name, len) == 0 && (full[len] == '\0' || full[len] == ','))
            return &r->people[k];
    }
    return NULL;
}

/* An unknown lead is searched for among the full names, and a near key
 * suggested, for the first BR_MAX_SUGGESTIONS only: each search reads every
 * person, so more would grow with leads times people. */
static void check_milestones(checker *c)
{
    br_report *r = c->r;
    const char *names[256];
    size_t n = r->npeople < 256 ? r->npeople : 256;
    for (size_t k = 0; k < n; k++)
        names[k] = r->people[k].key;
    size_t unresolved = 0;
    for (size_t i = 0; i < r->nmilestones; i++) {
        const br_milestone *ms = &r->milestones[i];
        if (!ms->lead || br_report_person(r, ms->lead))
            continue;
        bool search = unresolved++ < BR_MAX_SUGGESTIONS;
        const br_keyed_text *by_name = search ? person_named(r, ms->lead) : NULL;
        const char *s = by_name || !search ? NULL : br_suggest(ms->lead, names, n);
        if (by_name)
            br_error_unresolved(c->d, ms->lead_loc, "lead '%s' is written as a full name; "
                                "write the initials people: gives, '%s'", ms->lead, by_name->key);
        else if (s)
            br_error_unresolved(c->d, ms->lead_loc, "lead '%s' is not in people:; did you mean '%s'?", ms->lead, s);
        else
            br_error_unresolved(c->d, ms->lead_loc, "lead '%s' is not in people:; add '%s: Full Name, Job "
                                         "Title' there", ms->lead, ms->lead);
    }
}

/* The measure or milestone id nearest a mistyped one; it counts as shown
 * (the misspelt reference meant it), so it is not also said to be in no
 * table.  NULL when none is near. */
static const char *nearest_id(checker *c, const char *id, bool milestones)
{
    const br_report *r = c->r;
    if (c->suggestions++ >= BR_MAX_SUGGESTIONS)
        return NULL;
    size_t n = milestones ? r->nmilestones : r->nmeasures;
    const char **ids = br_arena_calloc(r->arena, n + 1, sizeof *ids);
    size_t *at = br_arena_calloc(r->arena, n + 1, sizeof *at);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *has = milestones ? r->milestones[i].id : r->measures[i].id;
        if (has)    /* an id the loader refused is NULL */
            at[k] = i, ids[k++] = has;
    }
    const char *near = br_suggest(id, ids, k);
    for (size_t i = 0; near && i < k; i++)
        if (ids[i] == near)
            (milestones ? c->milestone_shown : c->measure_shown)[at[i]] = true;
    return near;
}

size_t br_check_mark_ids(checker *c, const br_selection *sel, bool milestones)
{
    const br_report *r = c->r;
    const char *what = milestones ? "milestone" : "measure";
    size_t reported = 0;
    for (size_t i = 0; i < sel->nids; i++) {
        const char *id = sel->ids[i];
        bool found = false;
        if (milestones) {
            const br_key_index *first;
            found = br_key_range(r->milestone_ids, r->nmilestone_ids, id, &first) > 0;
        } else {
            found = br_report_measure(r, id) != NULL;
        }
        if (found)
            continue;
        reported++;
        const char *near = strchr(id, ',') ? NULL : nearest_id(c, id, milestones);
        if (strchr(id, ','))
            br_error_unresolved(c->d, sel->id_locs[i], "no %s has the id '%s'; to name several, "
                                "write a list: ids: [a, b]", what, id);
        else if (near)
            br_error_unresolved(c->d, sel->id_locs[i], "no %s has the id '%s'; did you mean '%s'?",
                                what, id, near);
        else
            br_error_unresolved(c->d, sel->id_locs[i], "no %s has the id '%s'", what, id);
    }
    return reported;
}

/* The column kinds of cols as bits. */
static uint32_t column_set(const br_column *cols, size_t ncols)
{
    uint32_t set = 0;
    for (size_t i = 0; i < ncols; i++)
        set |= (uint32_t)1 << cols[i].kind;
    return set;
}

/* Measure i is shown in a table of cols: its columns and the comparators
 * they print are noted. */
static void mark_measure(checker *c, size_t i, const br_column *cols, size_t ncols, uint32_t set)
{
    c->measure_shown[i] = true;
    c->measure_columns[i] |= set;
    if (!(set & (uint32_t)1 << BR_COL_COMPARATOR))
        return;
    const br_measure *m = &c->r->measures[i];
    for (size_t j = 0; j < m->ncomparators; j++)
        for (size_t k = 0; k < ncols; k++)
            if (cols[k].kind == BR_COL_COMPARATOR && m->comparators[j].name && cols[k].name &&
                strcmp(cols[k].name, m->comparators[j].name) == 0)
                c->comparator_shown[c->comparator_first[i] + j] = true;
}

void br_check_mark_charted(checker *c, size_t i, bool judged)
{
    c->measure_shown[i] = true;
    c->measure_columns[i] |= (uint32_t)1 << BR_COL_TITLE | (uint32_t)1 << BR_COL_VALUE;
    c->measure_bulleted[i] |= judged;
}

size_t br_check_mark_measures(checker *c, const br_selection *sel, const char *objective,
                              const br_column *cols, size_t ncols)
{
    const br_report *r = c->r;
    uint32_t set = column_set(cols, ncols);
    size_t n = 0;
    if (objective) {
        const br_key_index *first;
        n = br_key_range(r->measure_objectives, r->nmeasure_objectives, objective, &first);
        for (size_t k = 0; k < n; k++)
            mark_measure(c, first[k].index, cols, ncols, set);
        return n;
    }
    if (sel->nids > 0) {
        /* Through the id index: a few look-ups, not a pass over every measure. */
        for (size_t k = 0; k < sel->nids; k++) {
            const br_measure *m = br_report_measure(r, sel->ids[k]);
            if (m && br_selection_has_measure(sel, m)) {
                mark_measure(c, (size_t)(m - r->measures), cols, ncols, set);
                n++;
            }
        }
        return n;
    }
    for (size_t i = 0; i < r->nmeasures; i++) {
        if (br_selection_has_measure(sel, &r->measures[i])) {
            mark_measure(c, i, cols, ncols, set);
            n++;
        }
    }
    return n;
}

size_t br_check_mark_milestones(checker *c, const br_selection *sel, const char *objective,
                                const br_column *cols, size_t ncols)
{
    const br_report *r = c->r;
    uint32_t set = column_set(cols, ncols);
    size_t n = 0;
    if (objective) {
        const br_key_index *first;
        n = br_key_range(r->milestone_objectives, r->nmilestone_objectives, objective, &first);
        for (size_t k = 0; k < n; k++) {
            c->milestone_shown[first[k].index] = true;
            c->milestone_columns[first[k].index] |= set;
        }
        return n;
    }
    for (size_t i = 0; i < r->nmilestones; i++) {
        if (br_selection_has_milestone(sel, &r->milestones[i])) {
            c->milestone_shown[i] = true;
            c->milestone_columns[i] |= set;
            n++;
        }
    }
    return n;
}

static void list_comparators(checker *c)
{
    const br_report *r = c->r;
    size_t n = 0;
    for (size_t k = 0; k < r->nmeasures; k++)
        n += r->measures[k].ncomparators;
    c->comparators = br_arena_calloc(r->arena, n + 1, sizeof *c->comparators);
    for (size_t k = 0; k < r->nmeasures; k++)
        for (size_t j = 0; j < r->measures[k].ncomparators; j++)
            if (r->measures[k].comparators[j].name)
                c->comparators[c->ncomparators++] = r->measures[k].comparators[j].name;
    qsort(c->comparators, c->ncomparators, sizeof *c->comparators, string_order);
    c->ncomparators = unique_sorted(c->comparators, c->ncomparators);
}

void br_check_comparator_columns(checker *c, const br_section *s)
{
    for (size_t i = 0; i < s->ncolumns; i++) {
        if (s->columns[i].kind != BR_COL_COMPARATOR)
            continue;
        if (!c->comparators)
            list_comparators(c);
        const char *name = s->columns[i].name;
        if (!name || in_sorted(c->comparators, c->ncomparators, name))
            continue;
        const char *hint = br_suggest(name, c->comparators, c->ncomparators);
        if (hint)
            br_error_unresolved(c->d, s->columns[i].loc, "no measure has a comparator named '%s'; did you "
                     "mean 'comparator:%s'?", name, hint);
        else if (c->ncomparators)
            br_error_unresolved(c->d, s->columns[i].loc, "no measure has a comparator named '%s', so the "
                     "column would be empty; the comparators are '%s'%s", name, c->comparators[0],
                     c->ncomparators > 1 ? " and others (see the measures' comparators:)" : "");
        else
            br_error_unresolved(c->d, s->columns[i].loc, "no measure has a comparator named '%s' (no measure "
                     "has comparators:), so the column would be empty", name);
    }
}

/* Distinct values of one text field (at offset off) of measures and
 * milestones, for checking and suggesting selection values. */
typedef struct value_set {
    const char **items;
    size_t n;
} value_set;

static void add_values(value_set *set, const void *base, size_t n, size_t elem, size_t off)
{
    for (size_t i = 0; i < n; i++) {
        const char *v = *(const char *const *)((const char *)base + i * elem + off);
        if (v)
            set->items[set->n++] = v;
    }
}

static value_set collect_values(const br_report *r, size_t measure_off, size_t milestone_off)
{
    value_set set = {br_arena_calloc(r->arena, r->nmeasures + r->nmilestones + 1,
                                     sizeof *set.items), 0};
    add_values(&set, r->measures, r->nmeasures, sizeof *r->measures, measure_off);
    if (milestone_off != (size_t)-1)
        add_values(&set, r->milestones, r->nmilestones, sizeof *r->milestones, milestone_off);
    qsort(set.items, set.n, sizeof *set.items, string_order);
    set.n = unique_sorted(set.items, set.n);
    return set;
}

/* Each value of a selection key must be one that something has: a near
 * miss of a real value is a typing error (error, with the suggestion);
 * anything else selects nothing, which is worth a warning. */
static size_t check_names(checker *c, const br_names *names, const char *key,
                          size_t measure_off, size_t milestone_off)
{
    size_t bad = 0;
    if (!names->n)
        return 0;
    value_set set = collect_values(c->r, measure_off, milestone_off);
    for (size_t i = 0; i < names->n; i++) {
        if (in_sorted(set.items, set.n, names->items[i]))
            continue;
        bad++;
        const char *s = br_suggest(names->items[i], set.items, set.n);
        br_loc loc = names->locs ? names->locs[i] : (br_loc){0};
        if (s)
            br_error_unresolved(c->d, loc, "no measure or milestone has %s '%s'; did you mean '%s'?", key,
                     names->items[i], s);
        else
            br_warning_unresolved(c->d, loc, "no measure or milestone has %s '%s', so it selects nothing",
                       key, names->items[i]);
    }
    return bad;
}

size_t br_check_selection(checker *c, const br_selection *sel)
{
    return check_names(c, &sel->objective, "objective", offsetof(br_measure, objective),
                       offsetof(br_milestone, objective)) +
           check_names(c, &sel->group, "group", offsetof(br_measure, group),
                       offsetof(br_milestone, group)) +
           check_names(c, &sel->kind, "kind", offsetof(br_measure, kind), (size_t)-1);
}

void br_check_key_ignored(checker *c, const br_names *names, const char *key, const char *section,
                          const char *items, const char *by)
{
    if (!names->n)
        return;
    br_warning(c->d, names->locs ? names->locs[0] : (br_loc){0}, "a %s selects by %s, and %s have "
               "no %s, so '%s: %s' is ignored; remove it", section, by, items, key, key,
               names->items[0]);
}

/* A measure left out of the paper because its objective: names no
 * objective is almost always a typing error in that key. */
static bool unknown_objective(checker *c, const br_measure *m)
{
    if (!m->objective || !c->nobjectives || in_sorted(c->objectives, c->nobjectives, m->objective))
        return false;
    const char *s = br_suggest(m->objective, c->objectives, c->nobjectives);
    if (s)
        br_error(c->d, m->loc, "measure '%s' names objective '%s', which no objective section "
                 "defines, and no other section shows it; did you mean '%s'?", m->id,
                 m->objective, s);
    else
        br_error(c->d, m->loc, "measure '%s' names objective '%s', which no objective section "
                 "defines, and no other section shows it; the objectives are %s%s", m->id,
                 m->objective, c->objectives[0], c->nobjectives > 1 ? " … (see sections:)" : "");
    return true;
}

/* Nothing the author wrote may silently stay out of the paper. */
static void check_shown(checker *c)
{
    const br_report *r = c->r;
    for (size_t i = 0; i < r->nmeasures; i++)
        if (!c->measure_shown[i] && r->measures[i].id && !unknown_objective(c, &r->measures[i]))
            br_warning(c->d, r->measures[i].loc, "measure '%s' is in no measure table or objective "
                       "section, so its figures are not in the paper", r->measures[i].id);
    for (size_t i = 0; i < r->nmilestones; i++)
        if (!c->milestone_shown[i] && r->milestones[i].id)
            br_warning(c->d, r->milestones[i].loc, "milestone '%s' is in no milestone table or "
                       "objective section, so it is not in the paper", r->milestones[i].id);
    for (size_t i = 0; i < r->nfinance; i++)
        if (!c->finance_shown[i] && r->finance[i].id)
            br_warning(c->d, r->finance[i].loc, "finance '%s' is in no finance_table section, so it "
                       "is not in the paper", r->finance[i].id);
    for (size_t i = 0; i < r->ncommentary; i++)
        if (!c->commentary_shown[i])
            br_warning(c->d, r->commentary[i].loc, "this commentary entry is in no commentary "
                       "section, so it is not in the paper");
}

/* What the author wrote under people:, kinds: and objectives: prints only
 * through what uses it: a milestone's lead, a measure's kind (its group
 * bar or caption), a profile's rows.  Unused, it is lost: say so. */
static void check_unused_entries(checker *c)
{
    const br_report *r = c->r;     /* people: br_check_people_printed, by the template */
    for (size_t k = 0; k < r->nkinds; k++) {
        bool used = false;
        for (size_t i = 0; i < r->nmeasures && !used; i++)
            used = r->measures[i].kind && strcmp(r->measures[i].kind, r->kinds[k].key) == 0;
        if (!used)
            br_warning(c->d, r->kinds[k].loc, "kind '%s' under kinds: is no measure's kind, so "
                       "its label prints nowhere; remove it, or correct the key",
                       r->kinds[k].key);
    }
    bool profile = false;   /* or a table grouped by objective, whose bars name them */
    for (size_t i = 0; i < r->nsections && !profile; i++)
        profile = r->sections[i].type == BR_SEC_PROFILE ||
                  (r->sections[i].group_by && strcmp(r->sections[i].group_by, "objective") == 0);
    if (r->nobjective_entries && !profile)
        br_warning(c->d, r->objective_entries[0].loc, "objectives: states %zu objective%s, but "
                   "the paper has no profile section, which is where they print; add "
                   "{type: profile} to sections:, or remove objectives:",
                   r->nobjective_entries, r->nobjective_entries == 1 ? "" : "s");
}

/* Whether a measure (milestone) states the field column kind k prints. */
static bool measure_states(const br_measure *m, br_column_kind k)
{
    switch (k) {
    case BR_COL_TITLE: return m->title != NULL;
    case BR_COL_COMMENT: return m->comment != NULL;
    default: return false;
    }
}

static bool milestone_states(const br_milestone *ms, br_ms_column_kind k)
{
    switch (k) {
    case BR_MSCOL_TITLE: return ms->title != NULL;
    case BR_MSCOL_DUE: return ms->ndue > 0;
    case BR_MSCOL_LEAD: return ms->lead != NULL;
    case BR_MSCOL_PARTNERS: return ms->partners != NULL;
    case BR_MSCOL_PROGRESS: return ms->progress != NULL;
    case BR_MSCOL_CORRECTIVE_ACTION: return ms->corrective_action != NULL;
    case BR_MSCOL_STATUS: return ms->has_status && ms->status != BR_MS_NOT_REPORTED;
    default: return false;
    }
}

/* One warning for a field that n shown items state and no table showing
 * them prints, at the first of them. */
static void warn_unprinted_field(checker *c, const char *what, const char *id, br_loc loc,
                                 size_t n, const char *field, const char *where)
{
    const char *others = n > 1 ? br_arena_printf(c->r->arena, " (and %zu other %s%s)", n - 1,
                                                 what, n > 2 ? "s" : "")
                               : "";
    br_warning(c->d, loc, "%s '%s'%s %s %s:, but no table that shows %s has a '%s' column, so "
               "%s in the paper; add '%s' to the columns: of a table that shows %s%s, or "
               "remove %s:", what, id ? id : "(no id)", others, n > 1 ? "set" : "sets", field,
               n > 1 ? "them" : "it", field, n > 1 ? "none of them is" : "it is not", field,
               n > 1 ? "them" : "it", where, field);
}

/* A field stated for shown measures that no table showing them prints
 * (a comment with no comment column): the author's words would be lost. */
static void check_measure_fields(checker *c)
{
    /* frequency: and benchmark: are data the export carries, not words
     * the paper must print. */
    static const br_column_kind kinds[] = {BR_COL_TITLE, BR_COL_COMMENT};
    const br_report *r = c->r;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t n = 0, first = 0;
        for (size_t i = 0; i < r->nmeasures; i++)
            if (c->measure_shown[i] && c->measure_columns[i] &&
                !(c->measure_columns[i] & (uint32_t)1 << kinds[k]) &&
                measure_states(&r->measures[i], kinds[k]) && !n++)
                first = i;
        if (n)
            warn_unprinted_field(c, "measure", r->measures[first].id, r->measures[first].loc, n,
                                 br_vocab_measure_column_yaml[kinds[k]], "");
    }
    size_t n = 0, first = 0, comparator = 0;
    for (size_t i = 0; i < r->nmeasures; i++)
        for (size_t j = 0; c->measure_shown[i] && c->measure_columns[i] &&
                           j < r->measures[i].ncomparators; j++)
            if (!c->comparator_shown[c->comparator_first[i] + j] && !n++)
                first = i, comparator = j;
    if (n) {
        const br_comparator *cmp = &r->measures[first].comparators[comparator];
        br_warning(c->d, cmp->loc.file ? cmp->loc : r->measures[first].loc,
                   "measure '%s' has the comparator '%s'%s, but no table that shows it has a "
                   "'comparator:%s' column, so its figure is not in the paper; add that column to "
                   "a table that shows it, or remove the comparator", r->measures[first].id,
                   cmp->name ? cmp->name : "", n > 1 ? br_arena_printf(r->arena, " (and %zu "
                   "other comparators are printed by no table)", n - 1) : "",
                   cmp->name ? cmp->name : "");
    }
}

static void check_milestone_fields(checker *c)
{
    const br_report *r = c->r;
    for (int k = 0; k < BR_MSCOL_COUNT; k++) {
        size_t n = 0, first = 0;
        for (size_t i = 0; i < r->nmilestones; i++)
            if (c->milestone_shown[i] && !(c->milestone_columns[i] & (uint32_t)1 << k) &&
                milestone_states(&r->milestones[i], (br_ms_column_kind)k) && !n++)
                first = i;
        if (n)
            warn_unprinted_field(c, "milestone", r->milestones[first].id,
                                 r->milestones[first].loc, n, br_vocab_milestone_column_yaml[k],
                                 " (an objective's milestone_columns:)");
    }
}

/* A trend can be computed: the report period's figure and at least one
 * earlier one (docs/format.md "Trend"). */
static bool trend_computable(const br_report *r, const br_measure *m)
{
    size_t p = r->period, n = 0;
    if (p == BR_NONE || p >= r->nperiods || m->values[p].kind != BR_VALUE_NUMBER)
        return false;
    for (size_t i = 0; i <= p; i++)
        n += m->values[i].kind == BR_VALUE_NUMBER;
    return n >= 2;
}

/* What, of what the paper computes and shows, needs measure i's polarity;
 * NULL when nothing does (every status and trend it shows is stated). */
static const char *polarity_need(const checker *c, size_t i)
{
    const br_report *r = c->r;
    const br_measure *m = &r->measures[i];
    /* A status is judged on the report period's figure: without one it is
     * No data whatever the polarity. */
    bool judged = (m->target.kind == BR_VALUE_NUMBER || m->has_range) && r->period < r->nperiods &&
                  m->values[r->period].kind == BR_VALUE_NUMBER;
    uint32_t cols = c->measure_columns[i];
    if (judged && !m->has_status_override)
        return m->has_range ? "its status (judged against its range:, as it states no status:)"
                            : "its status (judged against its target, as it states no status:)";
    if (cols & (uint32_t)1 << BR_COL_POLARITY)
        return "the polarity column of a table that shows it";
    if (judged && c->measure_bulleted[i])
        return "the bullet chart that draws it against its target";
    if (m->has_trend_override || !trend_computable(r, m))
        return NULL;
    if (cols & (uint32_t)1 << BR_COL_TREND)
        return "its trend (a table that shows it has a trend column, and it states no trend:)";
    const br_objective_entry *e = m->objective ? br_report_objective_entry(r, m->objective) : NULL;
    if (c->profile_direction && m->objective && !(e && e->has_direction))
        return br_arena_printf(r->arena, "the profile's direction of travel for objective '%s' "
                               "(from its measures' trends; this one states no trend:)", m->objective);
    return NULL;
}

/* polarity: says which way is better.  A paper whose statuses and trends
 * are all the author's never uses it, so it is asked for only where
 * something computed needs it, and the message says what does. */
static void check_polarities(checker *c)
{
    const br_report *r = c->r;
    for (size_t i = 0; i < r->nmeasures; i++) {
        const br_measure *m = &r->measures[i];
        const char *need = m->id && !m->has_polarity ? polarity_need(c, i) : NULL;
        if (need)
            br_error(c->d, m->loc, "measure '%s' has no polarity:, which %s needs; add polarity: "
                     "higher (bigger is better), lower (smaller is better), range or none (data "
                     "only)", m->id, need);
    }
}

/* Every [^key] has a footnote, and every footnote is referenced. */
static void check_footnote_refs(br_report *report, br_diags *diags)
{
    const br_fnref *refs = report->fnrefs;
    size_t nrefs = report->nfnrefs;
    const char **keys = br_arena_calloc(report->arena, report->nfootnotes + 1, sizeof *keys);
    bool *suggested = br_arena_calloc(report->arena, report->nfootnotes + 1, sizeof *suggested);
    size_t unresolved = 0;
    for (size_t k = 0; k < report->nfootnotes; k++)
        keys[k] = report->footnotes[k].key;
    for (size_t i = 0; i < nrefs; i++) {
        if (br_report_footnote(report, refs[i].key))
            continue;
        const char *near = unresolved++ < BR_MAX_SUGGESTIONS
                               ? br_suggest(refs[i].key, keys, report->nfootnotes) : NULL;
        for (size_t k = 0; near && k < report->nfootnotes; k++)
            suggested[k] = suggested[k] || keys[k] == near;
        if (near)
            br_error_unresolved(diags, refs[i].loc, "footnote [^%s] is not defined under "
                                "footnotes:; did you mean [^%s]?", refs[i].key, near);
        else
            br_error_unresolved(diags, refs[i].loc, "footnote [^%s] is not defined; add '%s: "
                                "text' under footnotes:", refs[i].key, refs[i].key);
    }
    /* The references by key: a footnote's use is a binary search, not a
     * scan of every reference (a chain of 250,000 footnotes each citing the
     * next took minutes). */
    size_t nkeys;
    br_key_index *used_keys = br_key_index_build(NULL, refs, nrefs, sizeof *refs,
                                                 offsetof(br_fnref, key), &nkeys);
    for (size_t k = 0; k < report->nfootnotes; k++) {
        const br_key_index *at;
        bool used = suggested[k]   /* a misspelt reference meant it: said once, above */
                    || br_key_range(used_keys, nkeys, report->footnotes[k].key, &at) > 0;
        if (!used)
            br_warning_unresolved(diags, report->footnotes[k].loc, "footnote '%s' is never referenced ([^%s])",
                       report->footnotes[k].key, report->footnotes[k].key);
    }
    free(used_keys);
}

void br_report_check(br_report *report, br_diags *diags)
{
    br_arena *a = report->arena;
    checker c = {.r = report, .d = diags};
    c.measure_shown = br_arena_calloc(a, report->nmeasures + 1, sizeof(bool));
    c.milestone_shown = br_arena_calloc(a, report->nmilestones + 1, sizeof(bool));
    c.finance_shown = br_arena_calloc(a, report->nfinance + 1, sizeof(bool));
    c.commentary_shown = br_arena_calloc(a, report->ncommentary + 1, sizeof(bool));
    c.measure_columns = br_arena_calloc(a, report->nmeasures + 1, sizeof(uint32_t));
    c.milestone_columns = br_arena_calloc(a, report->nmilestones + 1, sizeof(uint32_t));
    c.measure_bulleted = br_arena_calloc(a, report->nmeasures + 1, sizeof(bool));
    c.comparator_first = br_arena_calloc(a, report->nmeasures + 1, sizeof(size_t));
    size_t ncomparators = 0;
    for (size_t i = 0; i < report->nmeasures; i++) {
        c.comparator_first[i] = ncomparators;
        ncomparators += report->measures[i].ncomparators;
    }
    c.comparator_shown = br_arena_calloc(a, ncomparators + 1, sizeof(bool));
    check_ids(&c);
    check_measures(&c);
    check_milestones(&c);
    check_finance_sources(&c);
    for (size_t i = 0; i < report->nsections; i++) {
        br_section *s = &report->sections[i];
        if (br_sections[s->type]->check)
            br_sections[s->type]->check(&c, s);
    }
    check_shown(&c);
    check_polarities(&c);
    check_unused_entries(&c);
    check_measure_fields(&c);
    check_milestone_fields(&c);
    check_footnote_refs(report, diags);
}
