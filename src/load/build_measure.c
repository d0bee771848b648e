/* build_measure.c — measures and their values, notes and comparators. */
#include "build_int.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "br_period.h"
#include "br_vocab.h"

/* A period key of values: or notes:, or BR_NONE after an error. */
static size_t period_key(builder *b, const br_node *key, const char *what)
{
    size_t p = br_report_period_index(b->r, key->text);
    if (p != BR_NONE)
        return p;
    if (b->r->nperiods == 0 || b->periods_failed)
        return BR_NONE;   /* already reported: no periods, or a bad one */
    br_period parsed;
    if (br_period_parse(key->text, &parsed)) {
        /* A real period, just not listed: a suggestion would be a wrong guess. */
        br_error(b->d, key->loc, "%s: period '%s' is not in periods: (%s … %s); add it there "
                 "or remove this entry", what, key->text, b->r->periods[0].id,
                 b->r->periods[b->r->nperiods - 1].id);
        return BR_NONE;
    }
    const char *names[256];
    size_t n = b->r->nperiods < 256 ? b->r->nperiods : 256;
    for (size_t i = 0; i < n; i++)
        names[i] = b->r->periods[i].id;
    const char *s = br_suggest(key->text, names, n);
    char guess[32];
    if (!s && br_period_guess(key->text, guess, sizeof guess) &&
        br_report_period_index(b->r, guess) != BR_NONE)
        s = b->r->periods[br_report_period_index(b->r, guess)].id;
    if (s)
        br_error(b->d, key->loc, "%s: period '%s' is not in periods:; did you mean '%s'?", what,
                 key->text, s);
    else if (key->plain && strlen(key->text) == 3 && strspn(key->text, "0123456789") == 3)
        /* "{2019/20 Q2: 5,611}": in braces the comma ends the entry. */
        br_error(b->d, key->loc, "%s: '%s' is not a period: in {...} every comma starts a new "
                 "entry, so a figure written '5,%s' is read as 5 and a key '%s'; write the "
                 "figure without its comma (5%s)", what, key->text, key->text,
                 key->text, key->text);
    else
        br_error(b->d, key->loc, "%s: '%s' is not a period; write a quarter as '2019/20 Q2' or a "
                 "month as '2015-12', as in periods: (%s … %s)", what, key->text,
                 b->r->periods[0].id, b->r->periods[b->r->nperiods - 1].id);
    return BR_NONE;
}

static bool read_values(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    if (!br_build_want_map(b, v, "'values'"))
        return false;
    for (size_t i = 0; i < v->npairs; i++) {
        size_t p = period_key(b, v->pairs[i].key, "values");
        if (p != BR_NONE)
            br_build_read_value(b, v->pairs[i].value,
                       br_arena_printf(b->a, "the value for %s", b->r->periods[p].id), &m->values[p]);
    }
    return true;
}

static bool read_notes(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    if (!br_build_want_map(b, v, "'notes'"))
        return false;
    for (size_t i = 0; i < v->npairs; i++) {
        size_t p = period_key(b, v->pairs[i].key, "notes");
        if (p != BR_NONE)
            m->notes[p] = br_build_read_text(b, v->pairs[i].value, "a note");
    }
    return true;
}

static bool read_range(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    m->range_loc = v->loc;
    if (v->kind != BR_NODE_SEQ || v->nitems != 2) {
        br_error(b->d, v->loc, "'range' must be a list of two numbers, low and high: [20, 30]");
        return false;
    }
    if (!br_build_read_number(b, v->items[0], "the low end of 'range'", &m->range_lo, NULL) ||
        !br_build_read_number(b, v->items[1], "the high end of 'range'", &m->range_hi, NULL))
        return false;
    if (m->range_lo > m->range_hi) {
        br_error(b->d, v->loc, "'range' runs from %g down to %g; write the low end first",
                 m->range_lo, m->range_hi);
        return false;
    }
    m->has_range = true;
    return true;
}

/* How messages name a key of m, as build_fields does: "'status' of measure 'lac'". */
static const char *measure_key(builder *b, const char *key)
{
    return br_arena_printf(b->a, "'%s' of %s", key, b->item ? b->item : "a measure");
}

/* A profiled figure: {2012/13 Q1: 76, 2012/13: 80}.  Keys are periods,
 * listed in periods: or not (a year's target while quarters are reported). */
static bool read_by_period(builder *b, const br_node *v, br_period_value **out, size_t *n,
                           const char *what)
{
    *out = br_arena_calloc(b->a, v->npairs ? v->npairs : 1, sizeof **out);
    *n = 0;
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key;
        br_period_value *pv = &(*out)[*n];
        if (!br_period_parse(key->text, &pv->period)) {
            br_error(b->d, key->loc, "%s: '%s' is not a period; a profiled %s is written by "
                     "period, e.g. {2012/13 Q1: 76, 2012/13: 80}", what, key->text, what);
            continue;
        }
        pv->period.id = key->text;
        pv->period.loc = key->loc;
        for (size_t k = 0; k < *n; k++)
            if (strcmp((*out)[k].period.id, key->text) == 0)
                br_error(b->d, key->loc, "%s: period '%s' is given twice", what, key->text);
        if (br_build_read_value(b, v->pairs[i].value,
                       br_arena_printf(b->a, "the %s for %s", what, key->text), &pv->value))
            (*n)++;
    }
    return *n > 0;
}

/* A target or tolerance: a number, text, a figure with its printed form
 * ({value: 180, display: "180 days"}), or a mapping by period. */
static bool read_figure(builder *b, const br_node *v, br_value *one,
                        br_period_value **by, size_t *nby, const char *what)
{
    if (v->kind == BR_NODE_MAP && !br_map_get(v, "value") && !br_map_get(v, "display"))
        return read_by_period(b, v, by, nby, what);
    return br_build_read_value(b, v, measure_key(b, what), one);
}

/* target: 78 | TBD | {2012/13 Q1: 76, 2012/13: 80} |
 * {value: 78, display: "≥78%", note: "(July 12)"} (value is either of the
 * first three): written once, the number drives status, the rest prints. */
static bool read_target(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    static const char *const form[] = {"value", "display", "note", NULL};
    bool is_form = v->kind == BR_NODE_MAP && v->npairs > 0 &&
                   (br_map_get(v, "value") || br_map_get(v, "display") || br_map_get(v, "note"));
    if (!is_form)
        return read_figure(b, v, &m->target, &m->target_by, &m->ntarget_by, "target");
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key, *val = v->pairs[i].value;
        if (strcmp(key->text, "value") == 0) {
            read_figure(b, val, &m->target, &m->target_by, &m->ntarget_by, "target");
        } else if (strcmp(key->text, "display") == 0) {
            m->target_display = br_build_read_text(b, val, "'display' of a target");
        } else if (strcmp(key->text, "note") == 0) {
            m->target_note = br_build_read_text(b, val, "'note' of a target");
        } else {
            const char *s = br_suggest(key->text, form, 3);
            if (s)
                br_error(b->d, key->loc, "unknown key '%s' in a target; did you mean '%s'?",
                         key->text, s);
            else
                br_error(b->d, key->loc, "unknown key '%s' in a target; a target is a number, "
                         "text, a mapping by period, or {value, display, note}", key->text);
        }
    }
    if (!br_map_get(v, "value"))
        br_error(b->d, v->loc, "a target written as {display, note} needs 'value:' (the number "
                 "status is judged on, or text such as TBD)");
    return true;
}

static bool read_tolerance(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    return read_figure(b, v, &m->tolerance, &m->tolerance_by, &m->ntolerance_by, "tolerance");
}

/* period: the comparator is the measure's own figure for that period
 * (last year's outturn), resolved once the values are read. */
static bool read_comparator_period(builder *b, const br_node *v, void *obj)
{
    br_comparator *c = obj;
    c->period = period_key(b, v, "the period of a comparator");
    return c->period != BR_NONE;
}

static const field comparator_fields[] = {
    FIELD("name", F_TEXT, true, br_comparator, name),
    FIELD("value", F_FIGURE, false, br_comparator, value),
    CUSTOM("period", false, read_comparator_period),
    ENUMH("rag", false, br_comparator, rag, br_build_rag_names, has_rag),
    FIELD("note", F_TEXT, false, br_comparator, note),
};

static bool read_comparators(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    if (!br_build_want_seq(b, v, "'comparators'"))
        return false;
    m->comparators = br_arena_calloc(b->a, v->nitems, sizeof *m->comparators);
    for (size_t i = 0; i < v->nitems; i++) {
        const br_node *item = v->items[i];
        if (!br_build_want_map(b, item, "a comparator"))
            continue;
        br_comparator *c = &m->comparators[m->ncomparators++];
        c->loc = item->loc;
        c->period = BR_NONE;
        br_build_fields(b, item, comparator_fields, sizeof comparator_fields / sizeof *comparator_fields,
                     c, "a comparator");
        bool has_value = br_map_get(item, "value") != NULL;
        bool has_period = br_map_get(item, "period") != NULL;
        if (has_value && has_period) {
            br_error(b->d, item->loc, "a comparator gives both value: and period:; keep one: "
                     "value: (its figure) or period: (a period whose value the measure gives, "
                     "as last year's outturn)");
            c->period = BR_NONE;
        } else if (!has_value && !has_period)
            br_error(b->d, item->loc, "a comparator needs value: (its figure) or period: (a "
                     "period of periods: whose value the measure gives, as last year's outturn)");
        for (size_t k = 0; c->name && k + 1 < m->ncomparators; k++)
            if (m->comparators[k].name && strcmp(m->comparators[k].name, c->name) == 0)
                br_error(b->d, item->loc, "comparator '%s' is given twice for this measure", c->name);
    }
    return true;
}

static bool read_polarity(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    m->polarity_loc = v->loc;
    int e = br_build_read_enum(b, v, br_vocab_polarity_yaml, "'polarity'");
    if (e >= 0) {
        m->polarity = (br_polarity)e;
        m->has_polarity = true;
    }
    return e >= 0;
}

static bool read_decimals(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'decimals'", 0, 6, NULL, &((br_measure *)obj)->decimals);
}

static bool read_change_decimals(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'change_decimals'", 0, 6, NULL,
                               &((br_measure *)obj)->change_decimals);
}

/* status: and trend: keep their place, for the check against the figures. */
static bool read_status(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    int e = br_build_read_enum(b, v, br_vocab_status_yaml, measure_key(b, "status"));
    if (e < 0)
        return false;
    m->status_override = (br_status)e;
    m->has_status_override = true;
    m->status_loc = v->loc;
    return true;
}

/* A trend name in any case ("Improving" as the paper prints it), or the
 * paper's own words ("New measure", "Not available"), printed as written
 * and counted as no trend.  A near miss of a name ("improvng") is an error
 * with a suggestion, not words. */
static bool read_trend(builder *b, const br_node *v, void *obj)
{
    br_measure *m = obj;
    m->trend_loc = v->loc;
    if (v->kind == BR_NODE_SCALAR && !br_build_node_is_null(v)) {
        for (int i = 0; br_vocab_trend_yaml[i]; i++) {
            if (strcasecmp(v->text, br_vocab_trend_yaml[i]) == 0) {
                m->trend_override = (br_trend)i;
                m->has_trend_override = true;
                return true;
            }
        }
        if (!br_suggest(v->text, br_vocab_trend_yaml, BR_TREND_COUNT) && strchr(v->text, ' ')) {
            m->trend_override = BR_TREND_NONE;
            m->trend_text = v->text;
            m->has_trend_override = true;
            return true;
        }
    }
    int e = br_build_read_enum(b, v, br_vocab_trend_yaml, measure_key(b, "trend"));
    if (e < 0)
        return false;
    m->trend_override = (br_trend)e;
    m->has_trend_override = true;
    return true;
}

static const field measure_fields[] = {
    FIELD("id", F_MEASURE_ID, true, br_measure, id),
    FIELD("title", F_TEXT, true, br_measure, title),
    FIELD("ref", F_TEXT, false, br_measure, ref),
    FIELD("objective", F_TEXT, false, br_measure, objective),
    FIELD("group", F_TEXT, false, br_measure, group),
    FIELD("kind", F_TEXT, false, br_measure, kind),
    ENUMF("frequency", false, br_measure, frequency, br_vocab_frequency_yaml),
    CUSTOM("polarity", false, read_polarity),
    ENUMH("unit", false, br_measure, unit, br_vocab_unit_yaml, has_unit),
    CUSTOM("decimals", false, read_decimals),
    CUSTOM("change_decimals", false, read_change_decimals),
    CUSTOM("target", false, read_target),
    CUSTOM("tolerance", false, read_tolerance),
    CUSTOM("range", false, read_range),
    FIELD("benchmark", F_BOOL3, false, br_measure, benchmark),
    CUSTOM("values", true, read_values),
    CUSTOM("notes", false, read_notes),
    CUSTOM("comparators", false, read_comparators),
    CUSTOM("status", false, read_status),
    FIELD("status_reason", F_TEXT, false, br_measure, status_reason),
    CUSTOM("trend", false, read_trend),
    FIELD("trend_reason", F_TEXT, false, br_measure, trend_reason),
    FIELD("display", F_TEXT, false, br_measure, display),
    FIELD("comment", F_TEXT, false, br_measure, comment),
};

/* ---- defaults: ---- */

/* The row as the loader reads it: its own keys, then each key of the
 * file's defaults: that this kind of row takes (fields) and does not write
 * itself, as if merged with '<<:'.  A default keeps its place in the file,
 * so a message about it points at defaults:.  A row that writes a key
 * with no value (lead: ~) opts out of that default. */
static const br_node *with_defaults(builder *b, const br_node *row, const br_node *defaults,
                                    const field *fields, size_t nfields)
{
    if (!defaults || defaults->kind != BR_NODE_MAP || row->kind != BR_NODE_MAP)
        return row;
    br_node *merged = NULL;
    for (size_t i = 0; i < defaults->npairs; i++) {
        const br_pair *d = &defaults->pairs[i];
        bool taken = false;
        for (size_t k = 0; k < nfields && !taken; k++)
            taken = strcmp(fields[k].name, d->key->text) == 0;
        if (!taken || br_map_get(row, d->key->text))
            continue;
        if (!merged) {
            merged = br_arena_alloc(b->a, sizeof *merged);
            *merged = *row;
            merged->pairs = br_arena_calloc(b->a, row->npairs + defaults->npairs,
                                            sizeof *merged->pairs);
            memcpy(merged->pairs, row->pairs, row->npairs * sizeof *row->pairs);
            merged->pairs_cap = row->npairs + defaults->npairs;
        }
        merged->pairs[merged->npairs++] = *d;
    }
    return merged ? merged : row;
}

/* A figure written with its unit ("76%", "£2.8m") must agree with the
 * measure's unit: the status, the chart axis and export all read unit:.
 * Without unit:, the first figure so written gave it (from). */
static void check_written_unit(builder *b, const br_measure *m, const br_value *v,
                               const br_value *from)
{
    if (v->kind != BR_VALUE_NUMBER || !v->as_written || v->unit_written < 0 ||
        v->unit_written == (int)m->unit)
        return;
    if (from)
        br_error(b->d, v->loc, "'%s' is written in %s, but measure '%s' gives no unit: and "
                 "'%s' (line %d) is written in %s; write unit:, and each figure as that unit "
                 "prints it", v->text, br_vocab_unit_yaml[v->unit_written],
                 m->id ? m->id : "(no id)", from->text, from->loc.line,
                 br_vocab_unit_yaml[m->unit]);
    else
        br_error(b->d, v->loc, "'%s' is written in %s, but measure '%s' has unit: %s; write "
                 "unit: %s, or the figure as that unit prints it", v->text,
                 br_vocab_unit_yaml[v->unit_written], m->id ? m->id : "(no id)",
                 br_vocab_unit_yaml[m->unit], br_vocab_unit_yaml[v->unit_written]);
}

/* A comparator of a period prints, and is, the measure's value for it. */
static void resolve_comparator_periods(builder *b, br_measure *m)
{
    for (size_t i = 0; i < m->ncomparators; i++) {
        br_comparator *c = &m->comparators[i];
        if (c->period == BR_NONE)
            continue;
        c->value = m->values[c->period];
        if (c->value.kind == BR_VALUE_NONE)
            br_warning(b->d, c->loc, "comparator '%s' of measure '%s' is its value for %s, but "
                       "values: gives none for %s; the comparator prints empty", c->name ? c->name : "",
                       m->id ? m->id : "(no id)", b->r->periods[c->period].id,
                       b->r->periods[c->period].id);
    }
}

/* Each figure of m in turn, values first, as f(b, m, v, arg). */
static void each_figure(builder *b, br_measure *m, const br_value *arg,
                        void (*f)(builder *, br_measure *, const br_value *, const br_value *))
{
    for (size_t i = 0; i < b->r->nperiods; i++)
        f(b, m, &m->values[i], arg);
    f(b, m, &m->target, arg);
    f(b, m, &m->tolerance, arg);
    for (size_t i = 0; i < m->ntarget_by; i++)
        f(b, m, &m->target_by[i].value, arg);
    for (size_t i = 0; i < m->ntolerance_by; i++)
        f(b, m, &m->tolerance_by[i].value, arg);
    for (size_t i = 0; i < m->ncomparators; i++)   /* a period's was checked as a value */
        if (m->comparators[i].period == BR_NONE)
            f(b, m, &m->comparators[i].value, arg);
}

static void check_one(builder *b, br_measure *m, const br_value *v, const br_value *from)
{
    check_written_unit(b, m, v, from);
}

/* Without unit:, a figure written with its unit ("72%") says the
 * measure's: the first such figure sets it (then every figure must agree),
 * so "72%" is never a number measure's error and never printed "72". */
static void infer_unit(builder *b, br_measure *m, const br_value *v, const br_value *from)
{
    (void)b, (void)from;
    if (!m->has_unit && !m->unit_from && v->kind == BR_VALUE_NUMBER && v->as_written &&
        v->unit_written >= 0) {
        m->unit = (br_unit)v->unit_written;
        m->unit_from = v;
    }
}

static void check_written_units(builder *b, br_measure *m)
{
    each_figure(b, m, NULL, infer_unit);
    each_figure(b, m, m->unit_from, check_one);
}

void br_build_measure(builder *b, const br_node *n, const br_node *defaults, br_measure *m)
{
    m->loc = n->loc;
    m->decimals = -1;
    m->change_decimals = -1;
    m->benchmark = -1;
    m->unit = BR_UNIT_NUMBER;
    m->polarity = BR_POLARITY_NONE;   /* not stated: nothing is judged against a target */
    m->values = br_arena_calloc(b->a, b->r->nperiods ? b->r->nperiods : 1, sizeof *m->values);
    m->notes = br_arena_calloc(b->a, b->r->nperiods ? b->r->nperiods : 1, sizeof *m->notes);
    if (!br_build_want_map(b, n, "a measure"))
        return;
    n = with_defaults(b, n, defaults, measure_fields, sizeof measure_fields / sizeof *measure_fields);
    b->item = br_build_item_name(b, n, "measure", "a measure");
    br_build_fields(b, n, measure_fields, sizeof measure_fields / sizeof *measure_fields, m,
                    b->item);
    b->item = NULL;
    resolve_comparator_periods(b, m);
    check_written_units(b, m);
}

/* ---- milestones ---- */

static const field due_fields[] = {
    FIELD("date", F_DATE, true, br_due, date),
    FIELD("note", F_TEXT, false, br_due, note),
};

static void read_due_entry(builder *b, const br_node *v, br_due *d)
{
    d->loc = v->loc;
    if (v->kind == BR_NODE_MAP) {
        br_build_fields(b, v, due_fields, sizeof due_fields / sizeof *due_fields, d, "a due entry");
        return;
    }
    if (v->kind != BR_NODE_SCALAR || br_build_node_is_null(v)) {
        br_error(b->d, v->loc, "a due entry must be a date (2012-06-30), text or {date, note}");
        return;
    }
    d->text = v->text;
    /* A scalar that starts like a date must be one: 2012-13-45 is a typo,
     * not text to print; and 30/06/2012 is a date in the wrong order, which
     * would silently never count as overdue. */
    if ((v->len >= 4 && v->text[0] >= '1' && v->text[0] <= '2' && v->text[4] == '-') ||
        (v->len >= 6 && strspn(v->text, "0123456789/.-") == v->len && strpbrk(v->text, "/.")))
        br_build_read_date(b, v, "a due date", &d->date);
}

static bool read_due(builder *b, const br_node *v, void *obj)
{
    br_milestone *ms = obj;
    if (v->kind != BR_NODE_SEQ) {
        ms->due = br_arena_alloc(b->a, sizeof *ms->due);
        ms->ndue = 1;
        read_due_entry(b, v, &ms->due[0]);
        return true;
    }
    ms->due = br_arena_calloc(b->a, v->nitems, sizeof *ms->due);
    for (size_t i = 0; i < v->nitems; i++)
        read_due_entry(b, v->items[i], &ms->due[ms->ndue++]);
    return true;
}

static bool read_lead(builder *b, const br_node *v, void *obj)
{
    br_milestone *ms = obj;
    ms->lead = br_build_read_text(b, v, "'lead'");
    ms->lead_loc = v->loc;
    return ms->lead != NULL;
}

static const field milestone_fields[] = {
    FIELD("id", F_KEY, true, br_milestone, id),
    FIELD("ref", F_TEXT, false, br_milestone, ref),
    FIELD("objective", F_TEXT, false, br_milestone, objective),
    FIELD("group", F_TEXT, false, br_milestone, group),
    FIELD("title", F_TEXT, true, br_milestone, title),
    CUSTOM("due", true, read_due),
    CUSTOM("lead", false, read_lead),
    FIELD("partners", F_TEXT, false, br_milestone, partners),
    FIELD("progress", F_TEXT, false, br_milestone, progress),
    FIELD("corrective_action", F_TEXT, false, br_milestone, corrective_action),
    ENUMH("status", false, br_milestone, status, br_vocab_ms_status_yaml, has_status),
};

void br_build_milestone(builder *b, const br_node *n, const br_node *defaults, br_milestone *ms)
{
    ms->loc = n->loc;
    if (!br_build_want_map(b, n, "a milestone"))
        return;
    n = with_defaults(b, n, defaults, milestone_fields,
                      sizeof milestone_fields / sizeof *milestone_fields);
    br_build_fields(b, n, milestone_fields, sizeof milestone_fields / sizeof *milestone_fields, ms,
                    br_build_item_name(b, n, "milestone", "a milestone"));
}

/* ---- commentary ---- */

static const field commentary_fields[] = {
    FIELD("id", F_KEY, false, br_commentary, id),
    FIELD("objective", F_TEXT, false, br_commentary, objective),
    FIELD("title", F_TEXT, false, br_commentary, title),
    FIELD("subtitle", F_TEXT, false, br_commentary, subtitle),
    ENUMH("rag", false, br_commentary, rag, br_build_rag_names, has_rag),
    FIELD("text", F_TEXT, true, br_commentary, text),
};

void br_build_commentary(builder *b, const br_node *n, const br_node *defaults, br_commentary *c)
{
    c->loc = n->loc;
    if (!br_build_want_map(b, n, "a commentary entry"))
        return;
    n = with_defaults(b, n, defaults, commentary_fields,
                      sizeof commentary_fields / sizeof *commentary_fields);
    br_build_fields(b, n, commentary_fields, sizeof commentary_fields / sizeof *commentary_fields, c,
                 "a commentary entry");
}

/* ---- a file's defaults: ---- */

/* The lists a default may fill, each with the keys its rows take. */
static const struct {
    const char *list;
    const field *fields;
    size_t n;
} row_lists[] = {
    {"measures", measure_fields, sizeof measure_fields / sizeof *measure_fields},
    {"milestones", milestone_fields, sizeof milestone_fields / sizeof *milestone_fields},
    {"commentary", commentary_fields, sizeof commentary_fields / sizeof *commentary_fields},
};
enum { NROW_LISTS = sizeof row_lists / sizeof *row_lists };

/* What names a row or must be its own: never a default. */
static const char *const own_keys[] = {"id", "ref", "title", "values", "due", "text"};

static bool row_takes(size_t list, const char *key)
{
    for (size_t k = 0; k < row_lists[list].n; k++)
        if (strcmp(row_lists[list].fields[k].name, key) == 0)
            return true;
    return false;
}

static void unknown_default(builder *b, const br_node *key)
{
    const char *names[128];
    size_t count = 0;
    for (size_t l = 0; l < NROW_LISTS; l++)
        for (size_t k = 0; k < row_lists[l].n && count < 128; k++)
            names[count++] = row_lists[l].fields[k].name;
    const char *s = br_suggest(key->text, names, count);
    if (s)
        br_error(b->d, key->loc, "unknown key '%s' in 'defaults'; did you mean '%s'?", key->text, s);
    else
        br_error(b->d, key->loc, "unknown key '%s' in 'defaults'; a default is a key of a "
                 "measure, milestone or commentary entry (objective, lead, group...)", key->text);
}

/* One key of defaults: checked; a warning when no row of this file takes it. */
static void check_default(builder *b, const br_node *root, const br_node *key)
{
    for (size_t i = 0; i < sizeof own_keys / sizeof *own_keys; i++)
        if (strcmp(key->text, own_keys[i]) == 0) {
            br_error(b->d, key->loc, "'%s' cannot be a default: each row writes its own (it names "
                     "the row, or is what the row is about); write it on every row", key->text);
            return;
        }
    bool known = false, used = false;
    for (size_t l = 0; l < NROW_LISTS; l++) {
        if (!row_takes(l, key->text))
            continue;
        known = true;
        const br_node *list = br_map_get(root, row_lists[l].list);
        used = used || (list && list->kind == BR_NODE_SEQ && list->nitems > 0);
    }
    if (!known)
        unknown_default(b, key);
    else if (root && !used)
        br_warning(b->d, key->loc, "default '%s' sets nothing: no list in this file has rows that "
                   "take it (defaults apply to the measures, milestones and commentary of their "
                   "own file)", key->text);
}

const br_node *br_build_defaults(builder *b, const br_node *root)
{
    const br_node *d = br_map_get(root, "defaults");
    if (!d || br_build_node_is_null(d))
        return NULL;
    if (!br_build_want_map(b, d, "'defaults'"))
        return NULL;
    for (size_t i = 0; i < d->npairs; i++)
        check_default(b, root, d->pairs[i].key);
    return d;
}

bool br_build_is_defaults_entry(const br_node *n)
{
    return n->kind == BR_NODE_MAP && n->npairs == 1 &&
           strcmp(n->pairs[0].key->text, "defaults") == 0;
}

const br_node *br_build_list_defaults(builder *b, const br_node *entry, const br_node *file)
{
    const br_node *d = entry->pairs[0].value;
    if (br_build_node_is_null(d) || !br_build_want_map(b, d, "'defaults'"))
        return file;
    for (size_t i = 0; i < d->npairs; i++)
        check_default(b, NULL, d->pairs[i].key);
    if (!file)
        return d;
    br_node *merged = br_arena_alloc(b->a, sizeof *merged);
    *merged = *d;
    merged->pairs = br_arena_calloc(b->a, d->npairs + file->npairs, sizeof *merged->pairs);
    memcpy(merged->pairs, d->pairs, d->npairs * sizeof *d->pairs);
    merged->pairs_cap = d->npairs + file->npairs;
    for (size_t i = 0; i < file->npairs; i++)
        if (!br_map_get(d, file->pairs[i].key->text))
            merged->pairs[merged->npairs++] = file->pairs[i];
    return merged;
}
