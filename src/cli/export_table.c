/* export_table.c — the export's tables as typed cells, for the CSV and
 * xlsx writers (export_int.h).  Columns are fixed before any row is made:
 * a measures table gets one column per comparator name and per period that
 * carries a note, found by one pass over the measures. */
#include "export_int.h"

#include "br_export.h"

#include <string.h>

#include "br_compute.h"
#include "br_format.h"
#include "br_markup.h"
#include "br_period.h"
#include "br_vocab.h"

const char *const br_xtable_names[BR_XT_COUNT] = {
    "measures", "values", "milestones", "finance", "objectives", "report",
};

static const char *const sheet_names[BR_XT_COUNT] = {
    "Measures", "Values", "Milestones", "Finance", "Objectives", "Report",
};

const char br_export_table_names[] = "measures|values|milestones|finance|objectives|report";

bool br_export_table_known(const char *name)
{
    return br_xtable_find(name) >= 0;
}

int br_xtable_find(const char *name)
{
    for (int i = 0; i < BR_XT_COUNT; i++)
        if (strcmp(br_xtable_names[i], name) == 0)
            return i;
    return -1;
}

static void add_column(br_xtable *x, const char *key, const char *heading, br_xonly only, bool wrap)
{
    br_xcolumn *c = BR_PUSH(x->arena, x->columns, x->ncolumns, x->capcolumns);
    *c = (br_xcolumn){key, heading, only, wrap};
}

static void col(br_xtable *x, const char *key, const char *heading)
{
    add_column(x, key, heading, BR_X_BOTH, false);
}

/* Columns from a fixed list. */
static void cols(br_xtable *x, const br_xcolumn *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_column(x, list[i].key, list[i].heading, list[i].only, list[i].wrap);
}

#define COLS(x, list) cols((x), (list), sizeof(list) / sizeof *(list))

/* ---- cells ------------------------------------------------------------ */

static br_xcell text_cell(const char *s)
{
    return s && *s ? (br_xcell){.kind = BR_X_TEXT, .text = s} : (br_xcell){.kind = BR_X_EMPTY};
}

static br_xcell number_cell(double v, int decimals, br_unit unit, br_xnumfmt fmt)
{
    return (br_xcell){.kind = BR_X_NUMBER, .number = v, .decimals = decimals, .unit = unit,
                      .numfmt = fmt};
}

static br_xcell count_cell(size_t n)
{
    return number_cell((double)n, 0, BR_UNIT_NUMBER, BR_XN_PLAIN);
}

/* A count the profile prints blank is an empty cell. */
static br_xcell profile_count_cell(size_t n, bool blank)
{
    return blank ? (br_xcell){.kind = BR_X_EMPTY} : count_cell(n);
}

static br_xcell date_cell(br_date d)
{
    return d.year ? (br_xcell){.kind = BR_X_DATE, .date = d} : (br_xcell){.kind = BR_X_EMPTY};
}

static br_xcell bool_cell(bool b)
{
    return (br_xcell){.kind = BR_X_BOOL, .flag = b};
}

static br_xcell rag_cell(const char *name, const br_rag_style *style)
{
    return (br_xcell){.kind = BR_X_STATUS, .text = name, .label = style->label,
                      .fill = style->fill, .ink = style->text};
}

static br_xcell status_cell(const br_template *t, br_status s)
{
    return rag_cell(br_status_name(s), &t->status[s]);
}

/* A measure's value, target or tolerance: a number with its unit and
 * places, or its text as written. */
static br_xcell value_cell(const br_measure *m, const br_value *v)
{
    if (v->kind == BR_VALUE_NUMBER)
        return number_cell(v->number, m->decimals >= 0 ? m->decimals : v->decimals, m->unit,
                           BR_XN_MEASURE);
    return v->kind == BR_VALUE_TEXT ? text_cell(v->text) : (br_xcell){.kind = BR_X_EMPTY};
}

static br_xcell change_cell(bool has, double v)
{
    return has ? (br_xcell){.kind = BR_X_CHANGE, .number = v} : (br_xcell){.kind = BR_X_EMPTY};
}

static const char *trend_label(const br_template *t, const br_measure *m)
{
    return m->trend_text ? m->trend_text : t->trend_words[m->trend];
}

/* ---- measures: one row per measure ------------------------------------ */

static bool has_name(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* Every comparator name, in order of first appearance. */
static void find_comparators(br_xtable *x)
{
    const br_report *r = x->report;
    for (size_t i = 0; i < r->nmeasures; i++)
        for (size_t c = 0; c < r->measures[i].ncomparators; c++) {
            const char *name = r->measures[i].comparators[c].name;
            if (name && !has_name(x->comparators, x->ncomparators, name))
                *BR_PUSH(x->arena, x->comparators, x->ncomparators, x->capcomparators) = name;
        }
}

/* Which periods some measure has a note for: each gets a column. */
static void find_note_periods(br_xtable *x)
{
    const br_report *r = x->report;
    x->note_periods = br_arena_calloc(x->arena, r->nperiods ? r->nperiods : 1, sizeof *x->note_periods);
    for (size_t i = 0; i < r->nmeasures; i++)
        for (size_t p = 0; r->measures[i].notes && p < r->nperiods; p++)
            if (r->measures[i].notes[p])
                x->note_periods[p] = true;
}

/* The first gauge that draws m (a bullet with bands: of the paper's
 * own), NULL when none does. */
static const br_section *first_gauge(const br_report *r, const br_measure *m)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (br_gauge_draws(&r->sections[i], m))
            return &r->sections[i];
    return NULL;
}

static void find_gauged(br_xtable *x)
{
    for (size_t i = 0; i < x->report->nmeasures && !x->gauged; i++)
        x->gauged = first_gauge(x->report, &x->report->measures[i]) != NULL;
}

/* A figure of a gauge (a band edge, its target) in m's unit, to the
 * places it is written with. */
static br_xcell gauge_figure_cell(const br_measure *m, double v)
{
    br_value fig = {.kind = BR_VALUE_NUMBER, .number = v, .decimals = br_format_written_places(v)};
    return value_cell(m, &fig);
}

/* The gauge columns of m (its first gauge's, as the paper prints it): the
 * period charted, the target mark, the band the figure is in. */
static void gauge_cells(const br_xtable *x, const br_measure *m, br_xcell *c, size_t k)
{
    const br_report *r = x->report;
    const br_xcell empty = {.kind = BR_X_EMPTY};
    const br_section *s = first_gauge(r, m);
    double target;
    if (!s) {
        for (int i = 0; i < 5; i++)
            c[k++] = empty;
        return;
    }
    size_t p = br_gauge_period(r, s, m), band = br_gauge_band(r, s, m);
    const br_band *b = band != BR_NONE ? &s->bands[band] : NULL;
    c[k++] = text_cell(p != BR_NONE ? r->periods[p].id : NULL);
    c[k++] = br_gauge_target(s, m, &target) ? gauge_figure_cell(m, target) : empty;
    c[k++] = b ? gauge_figure_cell(m, b->from) : empty;
    c[k++] = b ? gauge_figure_cell(m, b->to) : empty;
    c[k++] = b && !b->neutral ? status_cell(x->t, b->status) : empty;
}

static void measure_columns(br_xtable *x)
{
    const br_report *r = x->report;
    br_arena *a = x->arena;
    col(x, "id", "ID");
    add_column(x, "title", "Measure", BR_X_BOTH, true);
    col(x, "objective", "Objective");
    col(x, "group", "Group");
    col(x, "kind", "Kind");
    col(x, "frequency", "Frequency");
    col(x, "polarity", "Polarity");
    col(x, "unit", "Unit");
    col(x, "target", "Target");
    col(x, "tolerance", "Tolerance");
    for (size_t p = 0; p < r->nperiods; p++)
        col(x, r->periods[p].id, br_period_name(&r->periods[p]));
    col(x, "value", br_arena_printf(a, "Value (%s)", r->period < r->nperiods
                                    ? br_period_name(&r->periods[r->period]) : "report period"));
    col(x, "status", "Status");
    add_column(x, "status_label", "Status label", BR_X_CSV_ONLY, false);
    add_column(x, "trend", "Trend name", BR_X_CSV_ONLY, false);
    col(x, "change_previous", "Change on previous period (%)");
    col(x, "change_year", "Change on same period last year (%)");
    col(x, "status_source", "Status set or computed");
    /* Added after the first release's columns, so that a Power Query
     * reading those by position still works. */
    col(x, "trend_label", "Trend");
    col(x, "computed_status", "Computed status");
    add_column(x, "status_reason", "Reason for the set status", BR_X_BOTH, true);
    add_column(x, "trend_reason", "Reason for the set trend", BR_X_BOTH, true);
    col(x, "target_text", "Target as printed");
    col(x, "target_note", "Target note");
    find_comparators(x);
    for (size_t c = 0; c < x->ncomparators; c++) {
        const char *n = x->comparators[c];
        col(x, br_arena_printf(a, "comparator:%s", n), n);
        col(x, br_arena_printf(a, "comparator_rag:%s", n), br_arena_printf(a, "%s RAG", n));
        col(x, br_arena_printf(a, "comparator_note:%s", n), br_arena_printf(a, "%s note", n));
    }
    find_note_periods(x);
    for (size_t p = 0; p < r->nperiods; p++)
        if (x->note_periods[p])
            add_column(x, br_arena_printf(a, "note:%s", r->periods[p].id),
                       br_arena_printf(a, "Note %s", br_period_name(&r->periods[p])), BR_X_BOTH,
                       true);
    add_column(x, "comment", "Comment", BR_X_BOTH, true);
    col(x, "ref", "Ref");
    find_gauged(x);
    if (x->gauged) {
        col(x, "gauge_period", "Gauge period");
        col(x, "gauge_target", "Gauge target");
        col(x, "gauge_band_from", "Gauge band from");
        col(x, "gauge_band_to", "Gauge band to");
        col(x, "gauge_band_status", "Gauge band status");
    }
    x->freeze_columns = 2;
}

static const br_comparator *comparator_named(const br_measure *m, const char *name)
{
    for (size_t i = 0; i < m->ncomparators; i++)
        if (m->comparators[i].name && strcmp(m->comparators[i].name, name) == 0)
            return &m->comparators[i];
    return NULL;
}

static size_t comparator_cells(const br_xtable *x, const br_measure *m, br_xcell *c, size_t k)
{
    for (size_t i = 0; i < x->ncomparators; i++) {
        const br_comparator *cmp = comparator_named(m, x->comparators[i]);
        c[k++] = cmp ? value_cell(m, &cmp->value) : (br_xcell){.kind = BR_X_EMPTY};
        c[k++] = cmp && cmp->has_rag ? status_cell(x->t, cmp->rag) : (br_xcell){.kind = BR_X_EMPTY};
        c[k++] = text_cell(cmp ? cmp->note : NULL);
    }
    return k;
}

static size_t measure_head_cells(const br_measure *m, br_xcell *c, size_t k)
{
    c[k++] = text_cell(m->id);
    c[k++] = text_cell(m->title);
    c[k++] = text_cell(m->objective);
    c[k++] = text_cell(m->group);
    c[k++] = text_cell(m->kind);
    c[k++] = text_cell(m->frequency ? br_frequency_name(m->frequency) : NULL);
    c[k++] = text_cell(m->has_polarity ? br_polarity_name(m->polarity) : NULL);
    c[k++] = text_cell(br_unit_name(m->unit));
    return k;
}

static void measure_row(const br_xtable *x, const br_measure *m, br_xcell *c)
{
    const br_report *r = x->report;
    const br_template *t = x->t;
    size_t k = measure_head_cells(m, c, 0);
    c[k++] = value_cell(m, &m->target);
    c[k++] = value_cell(m, &m->tolerance);
    for (size_t p = 0; p < r->nperiods; p++)
        c[k++] = value_cell(m, &m->values[p]);
    c[k++] = r->period != BR_NONE ? value_cell(m, &m->values[r->period]) : text_cell(NULL);
    c[k++] = status_cell(t, m->status);
    c[k++] = text_cell(t->status[m->status].label);
    c[k++] = text_cell(br_trend_name(m->trend));
    c[k++] = change_cell(m->has_change_previous, m->change_previous);
    c[k++] = change_cell(m->has_change_year, m->change_year);
    c[k++] = text_cell(m->has_status_override ? "set" : "computed");
    c[k++] = text_cell(trend_label(t, m));
    c[k++] = text_cell(br_status_name(m->computed_status));
    c[k++] = text_cell(m->status_reason);
    c[k++] = text_cell(m->trend_reason);
    c[k++] = text_cell(m->target_display);
    c[k++] = text_cell(m->target_note);
    k = comparator_cells(x, m, c, k);
    for (size_t p = 0; p < r->nperiods; p++)
        if (x->note_periods[p])
            c[k++] = text_cell(m->notes ? m->notes[p] : NULL);
    c[k++] = text_cell(m->comment);
    c[k++] = text_cell(m->ref);
    if (x->gauged)
        gauge_cells(x, m, c, k);
}

/* ---- values: one row per measure and period (the tidy table) ---------- */

static const br_xcolumn value_cols[] = {
    {"report", "Report", BR_X_BOTH, true}, {"report_period", "Report period"}, {"version", "Version"},
    {"report_date", "Report date"}, {"period", "Period"}, {"period_end", "Period end"},
    {"is_report_period", "Is the report period"}, {"measure_id", "ID"}, {"measure", "Measure", BR_X_BOTH, true},
    {"objective", "Objective"}, {"group", "Group"}, {"kind", "Kind"}, {"polarity", "Polarity"},
    {"unit", "Unit"}, {"value", "Value"}, {"value_text", "Value as text"}, {"target", "Target"},
    {"target_text", "Target as text"}, {"status", "Status"},
    {"status_label", "Status label", BR_X_CSV_ONLY}, {"trend", "Trend"},
    {"note", "Note", BR_X_BOTH, true}, {"comment", "Comment", BR_X_BOTH, true},
};

/* The target that applies to period p: its entry of a profiled target,
 * else the measure's one target. */
static br_value target_for(const br_report *r, const br_measure *m, size_t p)
{
    br_value v = {0};
    if (p == r->period)
        return m->target;
    if (m->ntarget_by)
        return br_period_value_at(m->target_by, m->ntarget_by, &r->periods[p], &v) ? v : (br_value){0};
    return m->target;
}

static void number_or_text(const br_measure *m, const br_value *v, br_xcell *num, br_xcell *text)
{
    *num = v->kind == BR_VALUE_NUMBER ? value_cell(m, v) : (br_xcell){.kind = BR_X_EMPTY};
    *text = v->kind == BR_VALUE_TEXT ? text_cell(v->text) : (br_xcell){.kind = BR_X_EMPTY};
}

/* Judged only for the report period: the paper judges no other. */
static void value_row(const br_xtable *x, const br_measure *m, size_t p, br_xcell *c)
{
    const br_report *r = x->report;
    const br_template *t = x->t;
    bool current = p == r->period;
    size_t k = 0;
    c[k++] = text_cell(r->title);
    c[k++] = text_cell(r->period_id);
    c[k++] = number_cell(r->version, 0, BR_UNIT_NUMBER, BR_XN_PLAIN);
    c[k++] = date_cell(r->date);
    c[k++] = text_cell(r->periods[p].id);
    c[k++] = date_cell(r->periods[p].end);
    c[k++] = bool_cell(current);
    c[k++] = text_cell(m->id);
    c[k++] = text_cell(m->title);
    c[k++] = text_cell(m->objective);
    c[k++] = text_cell(m->group);
    c[k++] = text_cell(m->kind);
    c[k++] = text_cell(m->has_polarity ? br_polarity_name(m->polarity) : NULL);
    c[k++] = text_cell(br_unit_name(m->unit));
    number_or_text(m, &m->values[p], &c[k], &c[k + 1]);
    k += 2;
    br_value target = target_for(r, m, p);
    number_or_text(m, &target, &c[k], &c[k + 1]);
    k += 2;
    c[k++] = current ? status_cell(t, m->status) : text_cell(NULL);
    c[k++] = text_cell(current ? t->status[m->status].label : NULL);
    c[k++] = text_cell(current ? br_trend_name(m->trend) : NULL);
    c[k++] = text_cell(m->notes ? m->notes[p] : NULL);
    c[k++] = text_cell(current ? m->comment : NULL);
}

/* A period row is written when it has a value or a note, and always for the
 * report period (its status says "no data" when it has none). */
static bool value_row_wanted(const br_report *r, const br_measure *m, size_t p)
{
    return p == r->period || m->values[p].kind != BR_VALUE_NONE || (m->notes && m->notes[p]);
}

/* ---- milestones ------------------------------------------------------- */

static const br_xcolumn milestone_cols[] = {
    {"id", "ID"}, {"ref", "Ref"}, {"objective", "Objective"}, {"group", "Group"},
    {"title", "Milestone", BR_X_BOTH, true}, {"due", "Due"}, {"due_text", "Due as written"},
    {"lead", "Lead"}, {"lead_name", "Lead's name"}, {"partners", "Partners"}, {"status", "Status"},
    {"status_label", "Status label", BR_X_CSV_ONLY}, {"overdue", "Overdue"},
    {"progress", "Progress", BR_X_BOTH, true},
    {"corrective_action", "Corrective action", BR_X_BOTH, true},
};

/* Every due entry as written, with its note: "2012-09-30 (plan); Monthly". */
static const char *due_text(br_arena *a, const br_milestone *ms)
{
    const char *s = NULL;
    for (size_t i = 0; i < ms->ndue; i++) {
        const br_due *d = &ms->due[i];
        const char *one = d->note ? br_arena_printf(a, "%s (%s)", d->text, d->note) : d->text;
        s = s ? br_arena_printf(a, "%s; %s", s, one) : one;
    }
    return s;
}

static void milestone_row(const br_xtable *x, const br_milestone *ms, br_xcell *c)
{
    const br_keyed_text *lead = ms->lead ? br_report_person(x->report, ms->lead) : NULL;
    size_t k = 0;
    c[k++] = text_cell(ms->id);
    c[k++] = text_cell(ms->ref);
    c[k++] = text_cell(ms->objective);
    c[k++] = text_cell(ms->group);
    c[k++] = text_cell(ms->title);
    c[k++] = date_cell(br_milestone_last_due(ms));
    c[k++] = text_cell(due_text(x->arena, ms));
    c[k++] = text_cell(ms->lead);
    c[k++] = text_cell(lead ? lead->text : NULL);
    c[k++] = text_cell(ms->partners);
    c[k++] = ms->has_status ? rag_cell(br_milestone_status_name(ms->status), &x->t->milestone[ms->status])
                            : text_cell(NULL);
    c[k++] = text_cell(ms->has_status ? x->t->milestone[ms->status].label : NULL);
    c[k++] = bool_cell(ms->overdue);
    c[k++] = text_cell(ms->progress);
    c[k++] = text_cell(ms->corrective_action);
}

/* ---- finance: one row per row of every finance table ------------------ */

static const br_xcolumn finance_head_cols[] = {
    {"table", "Table"}, {"table_title", "Table title"}, {"units", "Units"},
    {"heading", "Heading"}, {"row", "Row"}, {"row_type", "Row type"},
};

static void finance_columns(br_xtable *x)
{
    COLS(x, finance_head_cols);
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++)
            if (br_finance_has_figure((br_fin_column)c, (br_fin_split)s))
                col(x, br_arena_printf(x->arena, "%s_%s", br_vocab_finance_column[c].export,
                                   br_vocab_finance_split[s].export),
                br_arena_printf(x->arena, "%s %s", br_vocab_finance_column[c].heading,
                                br_vocab_finance_split[s].export));
    col(x, "variance_status", "Variance status");
    add_column(x, "variance_status_label", "Variance status label", BR_X_CSV_ONLY, false);
    add_column(x, "note", "Note", BR_X_BOTH, true);
    col(x, "status_source", "Status source");
    x->freeze_columns = 0;
}

/* A finance row's status as the paper shows it: set (stated), computed
 * (its printed variance judged), or none (NULL: empty cells). */
typedef struct fin_status {
    br_status status;
    const char *source;
} fin_status;

static fin_status row_status(const br_fin_row *row)
{
    return (fin_status){row->variance_status, !row->status_shown ? NULL
                                              : row->has_status ? "set" : "computed"};
}

static void finance_row(const br_xtable *x, const br_finance *f, const char *heading,
                        const char *label, const char *type,
                        const br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS], fin_status status,
                        const char *note, br_xcell *c)
{
    size_t k = 0;
    c[k++] = text_cell(f->id);
    c[k++] = text_cell(f->title);
    c[k++] = text_cell(br_unit_name(f->units));
    c[k++] = text_cell(heading);
    c[k++] = text_cell(label);
    c[k++] = text_cell(type);
    for (int col_ = 0; col_ < BR_FIN_NCOLS; col_++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++)
            if (br_finance_has_figure((br_fin_column)col_, (br_fin_split)s))
                c[k++] = br_finance_exports(f, &a[col_][s], (br_fin_column)col_, (br_fin_split)s)
                         ? number_cell(br_round_places(a[col_][s].value, a[col_][s].decimals),
                                       a[col_][s].decimals, f->units, BR_XN_FINANCE)
                         : (br_xcell){.kind = BR_X_EMPTY};
    bool shown = status.source != NULL;
    c[k++] = shown ? status_cell(x->t, status.status) : (br_xcell){.kind = BR_X_EMPTY};
    c[k++] = text_cell(shown ? x->t->status[status.status].label : NULL);
    c[k++] = text_cell(note);
    c[k++] = text_cell(status.source);
}

static void finance_rows(const br_xtable *x, const br_finance *f, br_xcell *c, br_xrow_fn fn,
                         void *ctx)
{
    const char *heading = NULL;
    for (size_t i = 0; i < f->nrows; i++) {
        const br_fin_row *row = &f->rows[i];
        if (row->heading) {
            heading = row->label;
            continue;
        }
        finance_row(x, f, heading, row->label, "row", row->amounts, row_status(row), row->note, c);
        fn(ctx, c);
    }
    if (f->total_label) {
        fin_status total = {f->total_variance_status, f->total_status_shown ? "computed" : NULL};
        finance_row(x, f, NULL, f->total_label, "total", f->total, total, NULL, c);
        fn(ctx, c);
    }
}

/* ---- objectives: the profile's figures -------------------------------- */

static const br_status status_order[] = {BR_STATUS_GREEN, BR_STATUS_AMBER, BR_STATUS_RED,
                                         BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
static const br_milestone_status ms_order[] = {BR_MS_COMPLETE, BR_MS_ON_TRACK, BR_MS_AT_RISK,
                                               BR_MS_MISSED, BR_MS_NOT_STARTED};

static void objective_columns(br_xtable *x)
{
    br_arena *a = x->arena;
    col(x, "id", "ID");
    add_column(x, "title", "Objective", BR_X_BOTH, true);
    col(x, "status", "Status");
    add_column(x, "status_label", "Status label", BR_X_CSV_ONLY, false);
    col(x, "status_stated", "Status stated");
    col(x, "direction", "Direction of travel");
    for (size_t i = 0; i < sizeof status_order / sizeof *status_order; i++)
        col(x, br_arena_printf(a, "measures_%s", br_status_name(status_order[i])),
            br_arena_printf(a, "Measures: %s", x->t->status[status_order[i]].label));
    for (size_t i = 0; i < sizeof ms_order / sizeof *ms_order; i++)
        col(x, br_arena_printf(a, "milestones_%s", br_milestone_status_name(ms_order[i])),
            br_arena_printf(a, "Milestones: %s", x->t->milestone[ms_order[i]].label));
    col(x, "milestones_overdue", "Milestones: overdue");
    /* As the profile prints them: the author's figures where objectives:
     * states them. */
    col(x, "direction_stated", "Direction stated");
    col(x, "risks", "Risks");
    col(x, "measures_stated", "Measure counts stated");
    col(x, "profile_milestones_red", "Profile milestones: red");
    col(x, "profile_milestones_amber", "Profile milestones: amber");
    col(x, "profile_milestones_green", "Profile milestones: green");
    col(x, "milestones_stated", "Milestone counts stated");
    /* Added later, so last: columns only ever join at the end. */
    col(x, "milestones_not_reported",
        br_arena_printf(a, "Milestones: %s", x->t->milestone[BR_MS_NOT_REPORTED].label));
    col(x, "measures_data_only", "Measures: data only");
    col(x, "milestone_status", "Milestone status");
    col(x, "milestone_status_stated", "Milestone status stated");
    x->freeze_columns = 2;
}

/* Risks by RAG in one cell: "red 1*; amber 3". */
static const char *risks_text(const br_objective *o, br_arena *a)
{
    static const char *const rag[BR_MSRAG_COUNT] = {"red", "amber", "green"};
    if (!o->risks_by_rag)
        return o->risks;
    const char *out = NULL;
    for (int k = 0; k < BR_MSRAG_COUNT; k++)
        if (o->risks_rag[k])
            out = out ? br_arena_printf(a, "%s; %s %s", out, rag[k], o->risks_rag[k])
                      : br_arena_printf(a, "%s %s", rag[k], o->risks_rag[k]);
    return out;
}

static void objective_row(const br_xtable *x, const br_objective *o, br_xcell *c)
{
    size_t k = 0;
    c[k++] = text_cell(o->id);
    c[k++] = text_cell(o->title);
    c[k++] = status_cell(x->t, o->status);
    c[k++] = text_cell(x->t->status[o->status].label);
    c[k++] = bool_cell(o->status_stated);
    c[k++] = text_cell(br_trend_name(o->direction));
    for (size_t i = 0; i < sizeof status_order / sizeof *status_order; i++) {
        br_status s = status_order[i];
        /* a stated data_only is one figure, not split by the author */
        bool split = s == BR_STATUS_NO_DATA || s == BR_STATUS_NO_TARGET;
        c[k++] = profile_count_cell(o->measures[s], o->measure_blank[s] ||
                                                    (split && o->measures_stated));
    }
    for (size_t i = 0; i < sizeof ms_order / sizeof *ms_order; i++)
        c[k++] = count_cell(o->milestones[ms_order[i]]);
    c[k++] = count_cell(o->overdue);
    c[k++] = bool_cell(o->direction_stated);
    c[k++] = text_cell(risks_text(o, x->arena));
    c[k++] = bool_cell(o->measures_stated);
    for (int r = 0; r < BR_MSRAG_COUNT; r++)
        c[k++] = profile_count_cell(o->milestone_rag[r], o->milestone_blank[r]);
    c[k++] = bool_cell(o->milestones_stated);
    c[k++] = count_cell(o->milestones[BR_MS_NOT_REPORTED]);
    c[k++] = profile_count_cell(o->measures[BR_STATUS_NO_DATA] + o->measures[BR_STATUS_NO_TARGET],
                                o->measure_blank[BR_STATUS_NO_TARGET]);
    c[k++] = o->milestone_status_blank ? (br_xcell){.kind = BR_X_EMPTY}
                                       : status_cell(x->t, o->milestone_status);
    c[k++] = bool_cell(o->milestone_status_stated);
}

/* ---- report: the paper's particulars, one field a row ----------------- */

static const br_xcolumn report_cols[] = {{"field", "Field"}, {"value", "Value", BR_X_BOTH, true}};

static void field_row(br_xcell *c, const char *field, br_xcell value, br_xrow_fn fn, void *ctx)
{
    c[0] = text_cell(field);
    c[1] = value;
    fn(ctx, c);
}

static void report_rows(const br_report *r, br_xcell *c, br_xrow_fn fn, void *ctx)
{
    field_row(c, "title", text_cell(r->title), fn, ctx);
    field_row(c, "subtitle", text_cell(r->subtitle), fn, ctx);
    field_row(c, "organisation", text_cell(r->organisation), fn, ctx);
    field_row(c, "addressee", text_cell(r->addressee), fn, ctx);
    field_row(c, "period", text_cell(r->period_id), fn, ctx);
    field_row(c, "date", date_cell(r->date), fn, ctx);
    field_row(c, "version", count_cell((size_t)(r->version > 0 ? r->version : 0)), fn, ctx);
    field_row(c, "status", text_cell(r->status == BR_DRAFT ? "draft" : "final"), fn, ctx);
    field_row(c, "template", text_cell(r->template_name), fn, ctx);
    field_row(c, "classification", text_cell(r->classification), fn, ctx);
    for (size_t i = 0; i < r->ncorrections; i++)
        field_row(c, "correction", text_cell(r->corrections[i]), fn, ctx);
}

/* ---- the tables -------------------------------------------------------- */

br_xtable *br_xtable_new(br_xtable_id id, const br_report *r, const br_template *t,
                         br_arena *arena)
{
    br_xtable *x = br_arena_calloc(arena, 1, sizeof *x);
    *x = (br_xtable){.id = (int)id, .name = br_xtable_names[id], .sheet = sheet_names[id],
                     .report = r, .t = t, .arena = arena};
    switch (id) {
    case BR_XT_MEASURES: measure_columns(x); break;
    case BR_XT_VALUES: COLS(x, value_cols); break;
    case BR_XT_MILESTONES: COLS(x, milestone_cols), x->freeze_columns = 2; break;
    case BR_XT_FINANCE: finance_columns(x); break;
    case BR_XT_OBJECTIVES: objective_columns(x); break;
    case BR_XT_REPORT: COLS(x, report_cols); break;
    case BR_XT_COUNT: break;
    }
    return x;
}

/* Each row's text as the paper prints it: without markup or footnote
 * marks (the JSON export names the notes).  Only a row with markup is
 * copied, into a scratch arena freed after the row, so a large table
 * still holds one row at a time. */
const char *br_export_plain(br_arena *arena, const char *s)
{
    if (!s || !strpbrk(s, "*[\\"))
        return s;
    char *plain = br_markup_plain(arena, s);
    size_t n = strlen(plain);
    while (n > 0 && (plain[n - 1] == ' ' || plain[n - 1] == '\n'))
        plain[--n] = '\0';
    return plain;
}

typedef struct plain_rows {
    const br_xtable *x;
    br_xrow_fn fn;
    void *ctx;
    br_xcell *copy;
} plain_rows;

static void plain_row(void *ctx, const br_xcell *cells)
{
    plain_rows *p = ctx;
    size_t n = p->x->ncolumns;
    br_arena *scratch = NULL;
    for (size_t i = 0; i < n; i++) {
        p->copy[i] = cells[i];
        if (cells[i].kind != BR_X_TEXT || !strpbrk(cells[i].text, "*[\\"))
            continue;
        if (!scratch)
            scratch = br_arena_new();
        p->copy[i].text = br_export_plain(scratch, cells[i].text);
        if (!*p->copy[i].text)
            p->copy[i].kind = BR_X_EMPTY;
    }
    p->fn(p->ctx, scratch ? p->copy : cells);
    if (scratch)
        br_arena_free(scratch);
}

void br_xtable_rows(const br_xtable *x, br_xrow_fn out, void *out_ctx)
{
    const br_report *r = x->report;
    br_xcell *c = br_arena_calloc(x->arena, x->ncolumns ? x->ncolumns : 1, sizeof *c);
    plain_rows plain = {x, out, out_ctx, br_arena_calloc(x->arena, x->ncolumns ? x->ncolumns : 1,
                                                         sizeof *c)};
    br_xrow_fn fn = plain_row;
    void *ctx = &plain;
    switch ((br_xtable_id)x->id) {
    case BR_XT_MEASURES:
        for (size_t i = 0; i < r->nmeasures; i++)
            measure_row(x, &r->measures[i], c), fn(ctx, c);
        break;
    case BR_XT_VALUES:
        for (size_t i = 0; i < r->nmeasures; i++)
            for (size_t p = 0; p < r->nperiods; p++)
                if (value_row_wanted(r, &r->measures[i], p))
                    value_row(x, &r->measures[i], p, c), fn(ctx, c);
        break;
    case BR_XT_MILESTONES:
        for (size_t i = 0; i < r->nmilestones; i++)
            milestone_row(x, &r->milestones[i], c), fn(ctx, c);
        break;
    case BR_XT_FINANCE:
        for (size_t i = 0; i < r->nfinance; i++)
            finance_rows(x, &r->finance[i], c, fn, ctx);
        break;
    case BR_XT_OBJECTIVES:
        for (size_t i = 0; i < r->nobjectives; i++)
            objective_row(x, &r->objectives[i], c), fn(ctx, c);
        break;
    case BR_XT_REPORT: report_rows(r, c, fn, ctx); break;
    case BR_XT_COUNT: break;
    }
}
