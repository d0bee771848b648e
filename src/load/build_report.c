/* build_report.c — the top level of a report: report:, periods, people,
 * footnotes, and the lists gathered from every file. */
#include "build_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "br_file.h"
#include "br_format.h"
#include "br_input.h"
#include "br_limits.h"
#include "br_period.h"
#include "br_report.h"
#include "br_vocab.h"

static const char *const report_status_names[] = {"final", "draft", NULL};
const char *const br_build_people_note_names[] = {"first_use", "heading", NULL};

static bool read_template(builder *b, const br_node *v, void *obj)
{
    br_report *r = obj;
    const char *name = br_build_read_text(b, v, "'template' of report");
    r->template_name = name ? name : r->template_name;   /* on error, keep the default */
    r->template_loc = v->loc;
    return name != NULL;
}

/* The paper's language, over the template's (a Welsh paper in a house
 * style shared with English ones). */
static bool read_language(builder *b, const br_node *v, void *obj)
{
    br_report *r = obj;
    const char *before = r->language;
    br_build_read_lang(b, v, &r->language);
    return r->language != before;
}

/* The running header and footer, over the template's: a paper without
 * running heads, or with other words in them, needs no template of its
 * own. */
static bool read_header(builder *b, const br_node *v, void *obj)
{
    br_report *r = obj;
    br_build_read_running(b, v, r->header, "'header' of report");
    return r->has_header = true;
}

static bool read_footer(builder *b, const br_node *v, void *obj)
{
    br_report *r = obj;
    br_build_read_running(b, v, r->footer, "'footer' of report");
    return r->has_footer = true;
}

/* period_label: "Q{q} {year}" — how the paper prints its periods. */
static bool read_period_label(builder *b, const br_node *v, void *obj)
{
    br_report *r = obj;
    static const char *const known[] = {"q", "month", "year", NULL};
    r->period_label = br_build_read_text(b, v, "'period_label' of report");
    r->period_label_loc = v->loc;
    br_build_check_placeholders(b, v, r->period_label, known, "'period_label'");
    return r->period_label != NULL;
}

static const field report_fields[] = {
    FIELD("title", F_TEXT, true, br_report, title),
    FIELD("subtitle", F_TEXT, false, br_report, subtitle),
    FIELD("organisation", F_TEXT, false, br_report, organisation),
    FIELD("addressee", F_TEXT, false, br_report, addressee),
    FIELD("period", F_TEXT, true, br_report, period_id),
    FIELD("date", F_DATE, false, br_report, date),
    FIELD("as_at", F_DATE, false, br_report, as_at),
    FIELD("version", F_INT, false, br_report, version),
    ENUMF("status", false, br_report, status, report_status_names),
    CUSTOM("template", false, read_template),
    FIELD("classification", F_TEXT, false, br_report, classification),
    CUSTOM("language", false, read_language),
    CUSTOM("header", false, read_header),
    CUSTOM("footer", false, read_footer),
    CUSTOM("period_label", false, read_period_label),
    LISTF("corrections", false, br_report, corrections, ncorrections),
    ENUMH("milestone_status", false, br_report, milestone_status, br_vocab_ms_status_yaml,
          has_milestone_status),
    FIELD("status_reason", F_TEXT, false, br_report, status_reason),
    FIELD("trend_reason", F_TEXT, false, br_report, trend_reason),
    ENUMH("people_note", false, br_report, people_note, br_build_people_note_names,
          has_people_note),
};

void br_build_report_block(builder *b, const br_node *root)
{
    br_report *r = b->r;
    const br_node *n = br_map_get(root, "report");
    r->version = 1;
    r->template_name = "cabinet";
    if (!n) {
        br_error(b->d, root->loc, "the main file has no 'report:' block (title, period…); "
                                  "it is required");
        return;
    }
    if (!br_build_want_map(b, n, "'report'"))
        return;
    r->report_loc = n->loc;
    br_build_fields(b, n, report_fields, sizeof report_fields / sizeof *report_fields, r, "'report'");
    const br_node *v = br_map_get(n, "version");
    r->version_loc = v ? v->loc : n->loc;
    const br_node *st = br_map_get(n, "status");
    r->status_loc = st ? st->loc : n->loc;
    for (size_t i = 0; st && br_build_node_is_null(st) && i < n->npairs; i++)
        if (n->pairs[i].value == st)    /* left empty, it must not pass as final */
            br_error(b->d, n->pairs[i].key->loc, "'status' of 'report' has no value; write 'status: "
                     "final' when the paper is ready to issue, or 'status: draft' (left out, "
                     "it is final)");
    if (v && r->version < 1)
        br_error(b->d, v->loc, "version must be 1 for a first issue, or 2, 3… for a corrected re-issue");
    if (v && r->version > 1 && r->ncorrections == 0)
        br_error(b->d, v->loc, "version %d is a re-issue, so 'corrections:' must say what changed "
                 "since version %d", r->version, r->version - 1);
}

static int end_order(const void *x, const void *y)
{
    const br_period *a = x, *b = y;
    return br_date_compare(a->end, b->end);
}

/* "Previous" and "a year ago" are positions in the list, so the list must
 * run oldest first: newest-first (a spreadsheet habit) silently blanked
 * every trend and change.  The error shows the order wanted. */
static void check_period_order(builder *b)
{
    br_report *r = b->r;
    for (size_t i = 1; i < r->nperiods; i++) {
        int c = br_date_compare(r->periods[i - 1].end, r->periods[i].end);
        if (c < 0)
            continue;
        br_period *sorted = br_arena_calloc(b->a, r->nperiods, sizeof *sorted);
        memcpy(sorted, r->periods, r->nperiods * sizeof *sorted);
        qsort(sorted, r->nperiods, sizeof *sorted, end_order);
        const char *list = sorted[0].id;
        for (size_t k = 1; k < r->nperiods && k < 12; k++)
            list = br_arena_printf(b->a, "%s, %s", list, sorted[k].id);
        if (r->nperiods > 12)
            list = br_arena_printf(b->a, "%s, … %s", list, sorted[r->nperiods - 1].id);
        if (c == 0)
            br_error(b->d, r->periods[i].loc, "period '%s' ends on the same day as '%s' before it; "
                     "periods must each end later than the one before", r->periods[i].id,
                     r->periods[i - 1].id);
        else
            br_error(b->d, r->periods[i].loc, "period '%s' ends before '%s', listed before it; "
                     "periods run oldest first: periods: [%s]", r->periods[i].id,
                     r->periods[i - 1].id, list);
        b->periods_failed = true;
        return;
    }
}

void br_build_periods(builder *b, const br_node *root)
{
    br_report *r = b->r;
    const br_node *n = br_map_get(root, "periods");
    if (!n) {
        br_error(b->d, root->loc, "the main file has no 'periods:' list (e.g. [2019/20 Q1, 2019/20 Q2]); "
                                  "it is required");
        return;
    }
    if (!br_build_want_seq(b, n, "'periods'"))
        return;
    if (!n->nitems) {
        /* Every figure is keyed by a period: with none, all would be
         * dropped and every measure print No data. */
        br_error(b->d, n->loc, "'periods:' lists no period; list the report period and those "
                 "before it whose figures the paper prints, e.g. [2019/20 Q1, 2019/20 Q2]");
        b->periods_failed = true;
        return;
    }
    r->periods = br_arena_calloc(b->a, n->nitems, sizeof *r->periods);
    for (size_t i = 0; i < n->nitems; i++) {
        if (br_build_over_limit(b, n->items[i], r->nperiods, BR_MAX_PERIODS, "periods"))
            break;
        const br_node *item = n->items[i];
        const char *id = br_build_read_text(b, item, "a period");
        if (!id) {
            b->periods_failed = true;
            continue;
        }
        br_period *p = &r->periods[r->nperiods];
        char guess[32];
        if (!br_period_parse(id, p) && br_period_guess(id, guess, sizeof guess)) {
            br_error(b->d, item->loc, "period '%s' is not written as a period; did you mean '%s'?",
                     id, guess);
            b->periods_failed = true;
            continue;
        }
        if (!br_period_parse(id, p)) {
            br_error(b->d, item->loc,
                     "period '%s' is not a quarter ('2019/20 Q2'), a month ('2015-12') or a "
                     "financial year ('2019/20')", id);
            b->periods_failed = true;
            continue;
        }
        p->id = id;
        p->loc = item->loc;
        if (br_report_period_index(r, id) != BR_NONE) {
            br_error(b->d, item->loc, "period '%s' is listed twice", id);
            continue;
        }
        r->nperiods++;
    }
    check_period_order(b);
}

/* A key of map already defined, in an earlier file's list or earlier in
 * this map, is an error at its second place.  Both are found through
 * sorted keys: comparing each key with every one before it made 250,000
 * footnotes take minutes. */
void br_build_keyed(builder *b, const br_node *map, br_keyed_text **items, size_t *n,
                 size_t *cap, const char *what)
{
    if (!br_build_want_map(b, map, what))
        return;
    size_t nbefore;
    br_key_index *before = br_key_index_build(NULL, *items, *n, sizeof **items,
                                              offsetof(br_keyed_text, key), &nbefore);
    br_key_index *keys = calloc(map->npairs + 1, sizeof *keys);
    /* group[i]: where pair i's key starts among the pairs sorted by key */
    size_t *group = calloc(map->npairs + 1, sizeof *group);
    size_t *first_added = calloc(map->npairs + 1, sizeof *first_added);
    if (!keys || !group || !first_added)
        br_file_out_of_memory();
    for (size_t i = 0; i < map->npairs; i++)
        keys[i] = (br_key_index){map->pairs[i].key->text, i};
    br_key_index_sort(keys, map->npairs);
    for (size_t i = 0; i < map->npairs; i++)
        group[keys[i].index] = i && strcmp(keys[i].key, keys[i - 1].key) == 0
                                   ? group[keys[i - 1].index] : i;
    for (size_t i = 0; i < map->npairs; i++) {
        const br_node *key = map->pairs[i].key;
        const br_key_index *at;
        size_t added = first_added[group[i]];   /* an earlier pair's item + 1, or 0 */
        size_t k = br_key_range(before, nbefore, key->text, &at) ? at->index
                   : added ? added - 1 : BR_NONE;
        if (k != BR_NONE) {
            br_error(b->d, key->loc, "%s '%s' is already defined at %s:%d", what, key->text,
                     (*items)[k].loc.file, (*items)[k].loc.line);
            continue;
        }
        const char *text = br_build_read_text(b, map->pairs[i].value, what);
        if (!text)
            continue;
        first_added[group[i]] = *n + 1;
        br_keyed_text *kt = BR_PUSH(b->a, *items, *n, *cap);
        kt->key = key->text;
        kt->text = text;
        kt->loc = key->loc;
    }
    free(before);
    free(keys);
    free(group);
    free(first_added);
}

/* True (after an error at item) when count has reached limit. */
bool br_build_over_limit(builder *b, const br_node *item, size_t count, size_t limit, const char *what)
{
    if (count < limit)
        return false;
    br_error(b->d, item->loc, "more than %zu %s; a report holds at most %zu (split it into "
             "several reports)", limit, what, limit);
    return true;
}

typedef struct lists {
    size_t people_cap, footnotes_cap, measures_cap, milestones_cap, finance_cap,
        commentary_cap, kinds_cap, objectives_cap;
} lists;

/* Appends each item of the list `key` of one file to the model. */
static void gather(builder *b, const br_node *root, lists *caps)
{
    br_report *r = b->r;
    const br_node *n, *defaults = br_build_defaults(b, root);
    if ((n = br_map_get(root, "people")))
        br_build_keyed(b, n, &r->people, &r->npeople, &caps->people_cap, "person");
    if ((n = br_map_get(root, "footnotes")))
        br_build_keyed(b, n, &r->footnotes, &r->nfootnotes, &caps->footnotes_cap, "footnote");
    if ((n = br_map_get(root, "kinds")))
        br_build_keyed(b, n, &r->kinds, &r->nkinds, &caps->kinds_cap, "kind");
    if ((n = br_map_get(root, "objectives")) && br_build_want_seq(b, n, "'objectives'"))
        for (size_t i = 0; i < n->nitems; i++)
            br_build_objective(b, n->items[i],
                            BR_PUSH(b->a, r->objective_entries, r->nobjective_entries, caps->objectives_cap));
    const br_node *now = defaults;     /* over them, a list's '- defaults:' entries */
    if ((n = br_map_get(root, "measures")) && br_build_want_seq(b, n, "'measures'"))
        for (size_t i = 0; i < n->nitems; i++) {
            if (br_build_is_defaults_entry(n->items[i])) {
                now = br_build_list_defaults(b, n->items[i], defaults);
                continue;
            }
            if (br_build_over_limit(b, n->items[i], r->nmeasures, BR_MAX_MEASURES, "measures"))
                break;
            br_build_measure(b, n->items[i], now, BR_PUSH(b->a, r->measures, r->nmeasures, caps->measures_cap));
        }
    now = defaults;
    if ((n = br_map_get(root, "milestones")) && br_build_want_seq(b, n, "'milestones'"))
        for (size_t i = 0; i < n->nitems; i++) {
            if (br_build_is_defaults_entry(n->items[i])) {
                now = br_build_list_defaults(b, n->items[i], defaults);
                continue;
            }
            if (br_build_over_limit(b, n->items[i], r->nmilestones, BR_MAX_MILESTONES, "milestones"))
                break;
            br_build_milestone(b, n->items[i], now,
                            BR_PUSH(b->a, r->milestones, r->nmilestones, caps->milestones_cap));
        }
    if ((n = br_map_get(root, "finance")) && br_build_want_seq(b, n, "'finance'"))
        for (size_t i = 0; i < n->nitems; i++)
            br_build_finance(b, n->items[i], BR_PUSH(b->a, r->finance, r->nfinance, caps->finance_cap));
    if ((n = br_map_get(root, "commentary")) && br_build_want_seq(b, n, "'commentary'"))
        for (size_t i = 0; i < n->nitems; i++)
            br_build_commentary(b, n->items[i], defaults,
                             BR_PUSH(b->a, r->commentary, r->ncommentary, caps->commentary_cap));
}

static const char *const main_keys[] = {"report", "include", "defaults", "periods", "people", "footnotes",
                                        "kinds", "objectives", "measures", "milestones",
                                        "finance", "commentary", "sections"};

static void check_main_keys(builder *b, const br_node *root)
{
    size_t nk = sizeof main_keys / sizeof *main_keys;
    for (size_t i = 0; i < root->npairs; i++) {
        const br_node *key = root->pairs[i].key;
        bool ok = br_input_is_shared_key(key->text);
        for (size_t k = 0; k < nk; k++)
            ok = ok || strcmp(key->text, main_keys[k]) == 0;
        if (ok)
            continue;
        const char *s = br_suggest(key->text, main_keys, nk);
        if (s)
            br_error(b->d, key->loc, "unknown top-level key '%s'; did you mean '%s'?", key->text, s);
        else
            br_error(b->d, key->loc, "unknown top-level key '%s'; the main file holds report, "
                                     "include, defaults, periods, people, footnotes, kinds, "
                                     "objectives, measures, milestones, finance, commentary and sections (and a "
                                     "key starting 'x-' for what others merge or alias)",
                     key->text);
    }
}

static void build_sections(builder *b, const br_node *root)
{
    br_report *r = b->r;
    const br_node *n = br_map_get(root, "sections");
    if (!n) {
        br_error(b->d, root->loc, "the main file has no 'sections:' list; it says what the paper shows");
        return;
    }
    if (!br_build_want_seq(b, n, "'sections'"))
        return;
    r->sections = br_arena_calloc(b->a, n->nitems, sizeof *r->sections);
    for (size_t i = 0; i < n->nitems; i++) {
        if (br_build_over_limit(b, n->items[i], r->nsections, BR_MAX_SECTIONS, "sections"))
            break;
        br_build_section(b, n->items[i], &r->sections[r->nsections++]);
    }
}

/* The figures are "as at" a day in or after the report period: a day
 * before it starts is last period's date (next-quarter moves it; a copied
 * quarter may not), and one more than a year after it ends a slip of the
 * year.  Overdue milestones are judged at it, so either misleads. */
static void check_as_at(builder *b, const br_node *root)
{
    const br_report *r = b->r;
    const br_node *n = br_map_get(br_map_get(root, "report"), "as_at");
    if (!r->as_at.year || !n)
        return;
    const br_period *p = &r->periods[r->period];
    br_date start = br_period_start(p), late = p->end;
    late.year++;
    char when[16];
    snprintf(when, sizeof when, "%04d-%02d-%02d", r->as_at.year, r->as_at.month, r->as_at.day);
    if (br_date_compare(r->as_at, start) < 0)
        br_warning(b->d, n->loc, "as_at %s is before the report period %s starts (%04d-%02d-%02d): "
                   "the figures cannot be as at a day before their period; set the date they are "
                   "as at (the period ends %04d-%02d-%02d)", when, p->id, start.year, start.month,
                   start.day, p->end.year, p->end.month, p->end.day);
    else if (br_date_compare(r->as_at, late) > 0)
        br_warning(b->d, n->loc, "as_at %s is more than a year after the report period %s ends "
                   "(%04d-%02d-%02d); check the year", when, p->id, p->end.year, p->end.month,
                   p->end.day);
}

static void resolve_period(builder *b, const br_node *root)
{
    br_report *r = b->r;
    r->period = BR_NONE;
    if (!r->period_id || !r->nperiods)
        return;
    r->period = br_report_period_index(r, r->period_id);
    if (r->period != BR_NONE) {
        check_as_at(b, root);
        return;
    }
    br_loc at = br_map_get(br_map_get(root, "report"), "period")->loc;
    br_period parsed;
    char guess[32];
    if (!br_period_parse(r->period_id, &parsed) && br_period_guess(r->period_id, guess, sizeof guess))
        br_error(b->d, at, "report period '%s' is not written as a period; did you mean '%s'?",
                 r->period_id, guess);
    else if (!br_period_parse(r->period_id, &parsed))
        br_error(b->d, at, "report period '%s' is not a quarter ('2019/20 Q2'), a month ('2015-12') "
                 "or a financial year ('2019/20')", r->period_id);
    else if (!b->periods_failed)
        br_error(b->d, at, "report period '%s' is not in periods: (%s … %s); add it there or fix "
                 "the period", r->period_id, r->periods[0].id, r->periods[r->nperiods - 1].id);
}

/* A profiled target or tolerance gives the figure of the report period:
 * status, the target column and every check use that one. */
static void resolve_profiles(builder *b)
{
    br_report *r = b->r;
    if (r->period == BR_NONE || r->period >= r->nperiods)
        return;
    const br_period *p = &r->periods[r->period];
    for (size_t i = 0; i < r->nmeasures; i++) {
        br_measure *m = &r->measures[i];
        if (m->ntarget_by && !br_period_value_at(m->target_by, m->ntarget_by, p, &m->target))
            m->target = (br_value){.kind = BR_VALUE_NONE, .loc = m->target_by[0].period.loc};
        if (m->ntolerance_by &&
            !br_period_value_at(m->tolerance_by, m->ntolerance_by, p, &m->tolerance))
            m->tolerance = (br_value){.kind = BR_VALUE_NONE, .loc = m->tolerance_by[0].period.loc};
    }
}

/* The report's defaults fill what a measure or milestone leaves unsaid, so
 * that every later stage (and export) sees one status and one reason. */
static void apply_report_defaults(br_report *r)
{
    for (size_t i = 0; r->status_reason && i < r->nmeasures; i++) {
        br_measure *m = &r->measures[i];
        if (m->has_status_override && !m->status_reason)
            m->status_reason = r->status_reason;
    }
    for (size_t i = 0; r->trend_reason && i < r->nmeasures; i++) {
        br_measure *m = &r->measures[i];
        if (m->has_trend_override && !m->trend_reason)
            m->trend_reason = r->trend_reason;
    }
    for (size_t i = 0; r->has_milestone_status && i < r->nmilestones; i++) {
        br_milestone *ms = &r->milestones[i];
        if (!ms->has_status) {
            ms->status = r->milestone_status;
            ms->has_status = true;
        }
    }
}

/* Each quarter and month gets its printed label from period_label; a
 * placeholder a period has not ({month} for a quarter) is an error, once.
 * Without one, a month is named in words ("June 2024"), as the running
 * heads name it: its id ("2024-06") is a code, never printed. */
static void label_periods(builder *b)
{
    br_report *r = b->r;
    for (size_t i = 0; !r->period_label && i < r->nperiods; i++)
        if (r->periods[i].kind == BR_PERIOD_MONTH)
            r->periods[i].label = br_format_period(b->a, &r->periods[i]);
    for (size_t i = 0; r->period_label && i < r->nperiods; i++) {
        const char *bad;
        br_period *p = &r->periods[i];
        p->label = br_format_period_label(b->a, p, r->period_label, &bad);
        if (p->label)
            continue;
        size_t n = strcspn(bad, "}") + 1;
        bool quarter = p->kind == BR_PERIOD_QUARTER;
        br_error(b->d, r->period_label_loc, "period_label: %.*s has no meaning for %s '%s'; a "
                 "%s takes %s and {year} (e.g. \"%s\")", (int)n, bad,
                 quarter ? "the quarter" : "the month", p->id, quarter ? "quarter" : "month",
                 quarter ? "{q}" : "{month}", quarter ? "Q{q} {year}" : "{month} {year}");
        return;
    }
}

static void build_all(builder *b, const br_input *in)
{
    const br_node *root = in->roots[0];
    check_main_keys(b, root);
    br_build_report_block(b, root);
    br_build_periods(b, root);
    label_periods(b);
    resolve_period(b, root);
    lists caps = {0};
    for (size_t i = 0; i < in->nroots; i++)
        gather(b, in->roots[i], &caps);
    resolve_profiles(b);
    apply_report_defaults(b->r);
    build_sections(b, root);
}

br_report *br_report_load(const char *path, br_arena *arena, br_diags *diags)
{
    /* The nodes are freed once the model is built: the model keeps scalar
     * text and locations, which live in arena, never a node. */
    br_arena *tree = br_arena_new();
    br_input in;
    if (!br_input_load(&in, path, arena, tree, diags)) {
        br_arena_free(tree);
        return NULL;
    }
    br_report *r = br_arena_alloc(arena, sizeof *r);
    r->arena = arena;
    r->dir = in.dir;
    r->main_file = in.main_file;
    builder b = {.r = r, .a = arena, .d = diags, .texts = &r->texts};
    build_all(&b, &in);
    br_arena_free(tree);
    r->fnrefs = b.refs;
    r->nfnrefs = b.nrefs;
    br_report_index(r);
    return r;
}
