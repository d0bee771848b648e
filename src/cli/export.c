/* export.c — JSON output of the computed report (CSV: export_csv.c). */
#include "br_export.h"
#include "export_int.h"

#include <math.h>
#include <string.h>

#include "br_compute.h"
#include "br_format.h"
#include "br_markup.h"
#include "br_period.h"
#include "br_vocab.h"

/* While br_export_json runs, text is written as the paper prints it:
 * without its markup (*italic*, escapes) or footnote marks ([^key]); each
 * item names the footnotes its text refers to under "footnotes". */
static br_arena *plain_arena;

static void json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    if (plain_arena)
        s = br_export_plain(plain_arena, s);
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void br_export_json_string(FILE *out, const char *s)
{
    json_string(out, s);
}

static void json_number(FILE *out, double v)
{
    if (!isfinite(v)) {
        fputs("null", out);
        return;
    }
    if (v == 0)
        v = 0; /* no "-0" */
    fprintf(out, "%.15g", v);
}

/* A percentage change rounded to two places: -1.7056 -> -1.71. */
static void json_change(FILE *out, bool has, double v)
{
    if (!has) {
        fputs("null", out);
        return;
    }
    json_number(out, round(v * 100.0) / 100.0);
}

static void json_key(FILE *out, const char *key, bool *first)
{
    if (!*first)
        fputc(',', out);
    *first = false;
    json_string(out, key);
    fputc(':', out);
}

/* A figure's number, or null: never a string, so that a consumer that
 * types a column from its values (Power BI) sees numbers only. */
static void json_value(FILE *out, const br_value *v)
{
    if (v->kind == BR_VALUE_NUMBER)
        json_number(out, v->number);
    else
        fputs("null", out);
}

/* The text of a text figure ("TBD", "Not available"), or null. */
static void json_value_text(FILE *out, const br_value *v)
{
    json_string(out, v->kind == BR_VALUE_TEXT ? v->text : NULL);
}

/* "key": number-or-null, "key_text": text-or-null. */
static void json_figure(FILE *out, const char *key, const br_value *v, bool *f)
{
    char text_key[64];
    snprintf(text_key, sizeof text_key, "%s_text", key);
    json_key(out, key, f), json_value(out, v);
    json_key(out, text_key, f), json_value_text(out, v);
}

/* {"period": x, …} for the periods where pick gives something. */
static void json_by_period(FILE *out, const br_report *r, const br_measure *m, bool text)
{
    bool f = true;
    fputc('{', out);
    for (size_t p = 0; p < r->nperiods; p++) {
        const br_value *v = &m->values[p];
        if (v->kind == BR_VALUE_NONE || (text && v->kind != BR_VALUE_TEXT))
            continue;
        json_key(out, r->periods[p].id, &f);
        if (text)
            json_value_text(out, v);
        else
            json_value(out, v);
    }
    fputc('}', out);
}

static void json_notes(FILE *out, const br_report *r, const br_measure *m)
{
    bool f = true;
    fputc('{', out);
    for (size_t p = 0; m->notes && p < r->nperiods; p++)
        if (m->notes[p])
            json_key(out, r->periods[p].id, &f), json_string(out, m->notes[p]);
    fputc('}', out);
}


static void export_report_block(const br_report *r, FILE *out)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "title", &f), json_string(out, r->title);
    json_key(out, "subtitle", &f), json_string(out, r->subtitle);
    json_key(out, "organisation", &f), json_string(out, r->organisation);
    json_key(out, "addressee", &f), json_string(out, r->addressee);
    json_key(out, "period", &f), json_string(out, r->period_id);
    json_key(out, "date", &f);  /* null for a paper that prints no date */
    if (r->date.year)
        fprintf(out, "\"%04d-%02d-%02d\"", r->date.year, r->date.month, r->date.day);
    else
        fputs("null", out);
    json_key(out, "version", &f), fprintf(out, "%d", r->version);
    json_key(out, "status", &f), json_string(out, r->status == BR_DRAFT ? "draft" : "final");
    json_key(out, "template", &f), json_string(out, r->template_name);
    json_key(out, "classification", &f), json_string(out, r->classification);
    json_key(out, "corrections", &f);
    fputc('[', out);
    for (size_t i = 0; i < r->ncorrections; i++) {
        if (i)
            fputc(',', out);
        json_string(out, r->corrections[i]);
    }
    fputs("]}", out);
}

/* A band's open end (the axis's) as null. */
static void json_bound(FILE *out, double v)
{
    if (isinf(v))
        fputs("null", out);
    else
        json_number(out, v);
}

/* The status bands, low to high: [{"from":null,"to":85,"status":"red"}, …]. */
static void json_bands(FILE *out, const br_measure *m)
{
    fputc('[', out);
    for (size_t i = 0; i < m->nbands; i++) {
        bool f = true;
        fputs(i ? ",{" : "{", out);
        json_key(out, "from", &f), json_bound(out, m->bands[i].from);
        json_key(out, "to", &f), json_bound(out, m->bands[i].to);
        json_key(out, "status", &f), json_string(out, br_status_name(m->bands[i].status));
        fputc('}', out);
    }
    fputc(']', out);
}

/* A gauge's band: {"from": 0, "to": 12.83, "status": "green"}, status
 * null for an uncoloured one. */
static void json_gauge_band(FILE *out, const br_band *b)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "from", &f), json_number(out, b->from);
    json_key(out, "to", &f), json_number(out, b->to);
    json_key(out, "status", &f), json_string(out, b->neutral ? NULL : br_status_name(b->status));
    fputc('}', out);
}

/* One gauge that draws m, as the paper prints it: the period charted, its
 * figure, the target mark, the dial's bands and the band the figure is in. */
static void json_gauge(FILE *out, const br_report *r, const br_section *s, const br_measure *m)
{
    bool f = true;
    size_t p = br_gauge_period(r, s, m), band = br_gauge_band(r, s, m);
    double target;
    const br_value none = {0};
    fputc('{', out);
    json_key(out, "period", &f), json_string(out, p != BR_NONE ? r->periods[p].id : r->period_id);
    json_key(out, "value", &f), json_value(out, p != BR_NONE ? &m->values[p] : &none);
    json_key(out, "target", &f);
    if (br_gauge_target(s, m, &target))
        json_number(out, target);
    else
        fputs("null", out);
    json_key(out, "bands", &f);
    for (size_t i = 0; i < s->nbands; i++)
        fputs(i ? "," : "[", out), json_gauge_band(out, &s->bands[i]);
    fputs(s->nbands ? "]" : "[]", out);
    json_key(out, "band", &f);
    if (band != BR_NONE)
        json_gauge_band(out, &s->bands[band]);
    else
        fputs("null", out);
    fputc('}', out);
}

/* Every gauge that draws m, in the paper's order: [] when none. */
static void json_gauges(FILE *out, const br_report *r, const br_measure *m)
{
    size_t n = 0;
    fputc('[', out);
    for (size_t i = 0; i < r->nsections; i++)
        if (br_gauge_draws(&r->sections[i], m)) {
            if (n++)
                fputc(',', out);
            json_gauge(out, r, &r->sections[i], m);
        }
    fputc(']', out);
}

/* A measure column's name in the export, from the vocabulary (br_vocab.def). */
#define COL(ID) br_vocab_measure_column[BR_COL_##ID].export
#define MSCOL(ID) br_vocab_milestone_column[BR_MSCOL_##ID].export

/* The latest figure up to the report period: {"period", "value"}, or null. */
static void json_latest(FILE *out, const br_report *r, const br_measure *m)
{
    if (m->latest == BR_NONE) {
        fputs("null", out);
        return;
    }
    bool f = true;
    fputc('{', out);
    json_key(out, "period", &f), json_string(out, r->periods[m->latest].id);
    json_key(out, "value", &f), json_value(out, &m->values[m->latest]);
    fputc('}', out);
}

/* ---- the footnotes an item's text refers to ---- */

typedef struct note_keys {
    const char **keys;
    size_t n, cap;
} note_keys;

static void skip_text(void *ctx, br_face face, const char *text, size_t len)
{
    (void)ctx, (void)face, (void)text, (void)len;
}

static void add_key(void *ctx, br_face face, const char *key, size_t keylen, const char *raw,
                    size_t rawlen)
{
    (void)face, (void)raw, (void)rawlen;
    note_keys *k = ctx;
    for (size_t i = 0; i < k->n; i++)
        if (strlen(k->keys[i]) == keylen && memcmp(k->keys[i], key, keylen) == 0)
            return;
    *BR_PUSH(plain_arena, k->keys, k->n, k->cap) = br_arena_strndup(plain_arena, key, keylen);
}

static void note_keys_of(note_keys *k, const char *text)
{
    const br_markup_sink sink = {skip_text, add_key, k};
    if (text && strstr(text, "[^"))
        br_markup_parse(plain_arena, text, BR_FACE_REGULAR, &sink);
}

/* "footnotes":["dsg",...]: the keys of the top-level footnotes the texts
 * refer to, each once, in the order they first appear. */
static void json_note_keys(FILE *out, const note_keys *k, bool *first)
{
    json_key(out, "footnotes", first);
    fputc('[', out);
    for (size_t i = 0; i < k->n; i++) {
        if (i)
            fputc(',', out);
        json_string(out, k->keys[i]);
    }
    fputc(']', out);
}

static void measure_note_keys(const br_report *r, const br_measure *m, note_keys *k)
{
    /* in a measures table's usual order: title, values, target, comparators, comment */
    const char *texts[] = {m->title, m->group, m->display, m->target.text, m->tolerance.text,
                           m->target_display, m->target_note};
    note_keys_of(k, texts[0]);
    for (size_t p = 0; p < r->nperiods; p++)
        note_keys_of(k, m->values[p].text);
    for (size_t i = 1; i < sizeof texts / sizeof *texts; i++)
        note_keys_of(k, texts[i]);
    for (size_t i = 0; i < m->ncomparators; i++) {
        note_keys_of(k, m->comparators[i].value.text);
        note_keys_of(k, m->comparators[i].note);
    }
    note_keys_of(k, m->comment);
}

static void export_measure(const br_report *r, const br_template *t, const br_measure *m, FILE *out)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "id", &f), json_string(out, m->id);
    json_key(out, COL(TITLE), &f), json_string(out, m->title);
    json_key(out, COL(REF), &f), json_string(out, m->ref);
    json_key(out, "objective", &f), json_string(out, m->objective);
    json_key(out, "group", &f), json_string(out, m->group);
    json_key(out, "kind", &f), json_string(out, m->kind);
    json_key(out, COL(FREQUENCY), &f);
    json_string(out, m->frequency ? br_frequency_name(m->frequency) : NULL);
    json_key(out, COL(POLARITY), &f), json_string(out, m->has_polarity ? br_polarity_name(m->polarity) : NULL);
    json_key(out, "unit", &f), json_string(out, br_unit_name(m->unit));
    json_key(out, "values", &f), json_by_period(out, r, m, false);
    json_key(out, "values_text", &f), json_by_period(out, r, m, true);
    json_key(out, "notes", &f), json_notes(out, r, m);
    const br_value none = {0};
    json_figure(out, COL(VALUE), r->period != BR_NONE ? &m->values[r->period] : &none, &f);
    json_figure(out, COL(TARGET), &m->target, &f);
    json_key(out, "target_display", &f), json_string(out, m->target_display);
    json_key(out, "target_note", &f), json_string(out, m->target_note);
    json_figure(out, COL(TOLERANCE), &m->tolerance, &f);
    json_key(out, COL(STATUS), &f), json_string(out, br_status_name(m->status));
    json_key(out, "status_label", &f), json_string(out, t->status[m->status].label);
    json_key(out, "bands", &f), json_bands(out, m);
    json_key(out, "status_source", &f), json_string(out, m->has_status_override ? "set" : "computed");
    json_key(out, "computed_status", &f), json_string(out, br_status_name(m->computed_status));
    json_key(out, "status_reason", &f), json_string(out, m->status_reason);
    json_key(out, "status_as_at", &f), json_string(out, m->status_on_latest ? r->periods[m->latest].id : NULL);
    json_key(out, COL(TREND), &f), json_string(out, br_trend_name(m->trend));
    json_key(out, "trend_label", &f), json_string(out, m->trend_text ? m->trend_text : t->trend_words[m->trend]);
    json_key(out, "trend_source", &f), json_string(out, m->has_trend_override ? "set" : "computed");
    json_key(out, "computed_trend", &f), json_string(out, br_trend_name(m->computed_trend));
    json_key(out, "trend_reason", &f), json_string(out, m->trend_reason);
    json_key(out, COL(CHANGE_PREVIOUS), &f), json_change(out, m->has_change_previous, m->change_previous);
    json_key(out, COL(CHANGE_YEAR), &f), json_change(out, m->has_change_year, m->change_year);
    json_key(out, "comparators", &f);
    fputc('[', out);
    for (size_t i = 0; i < m->ncomparators; i++) {
        const br_comparator *c = &m->comparators[i];
        bool cf = true;
        fputs(i ? ",{" : "{", out);
        json_key(out, "name", &cf), json_string(out, c->name);
        json_figure(out, "value", &c->value, &cf);
        json_key(out, "rag", &cf), json_string(out, c->has_rag ? br_status_name(c->rag) : NULL);
        json_key(out, "note", &cf), json_string(out, c->note);
        /* last year's outturn: the period whose value it is, else null */
        json_key(out, "period", &cf),
            json_string(out, c->period != BR_NONE ? r->periods[c->period].id : NULL);
        fputc('}', out);
    }
    fputc(']', out);
    json_key(out, COL(COMMENT), &f), json_string(out, m->comment);
    json_key(out, COL(BENCHMARK), &f);
    fputs(m->benchmark < 0 ? "null" : m->benchmark ? "true" : "false", out);
    json_key(out, COL(LATEST), &f), json_latest(out, r, m);
    json_key(out, "gauges", &f), json_gauges(out, r, m);
    note_keys k = {0};
    measure_note_keys(r, m, &k);
    json_note_keys(out, &k, &f);
    fputc('}', out);
}

/* One column's figures by split: those the author wrote or the table
 * prints; null for the rest (br_finance_exports). */
static void json_amounts(FILE *out, const br_finance *fin, br_fin_column c, const br_fin_amount *a)
{
    bool f = true;
    fputc('{', out);
    for (int s = 0; s < BR_FIN_NSPLITS; s++) {
        if (!br_finance_has_figure(c, (br_fin_split)s))
            continue;
        json_key(out, br_vocab_finance_split[s].export, &f);
        if (br_finance_exports(fin, &a[s], c, (br_fin_split)s))
            json_number(out, br_round_places(a[s].value, a[s].decimals));
        else
            fputs("null", out);
    }
    fputc('}', out);
}

/* budget, forecast and variance, then the row's status as the paper
 * shows it (source "set": stated; "computed": its printed net variance
 * judged; NULL: the paper shows none, null). */
static void json_fin_columns(FILE *out, const br_finance *fin,
                             const br_fin_amount amounts[BR_FIN_NCOLS][BR_FIN_NSPLITS],
                             br_status variance_status, const char *source, bool *f)
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        json_key(out, br_vocab_finance_column[c].export, f),
            json_amounts(out, fin, (br_fin_column)c, amounts[c]);
    json_key(out, "variance_status", f),
        json_string(out, source ? br_status_name(variance_status) : NULL);
    json_key(out, "status_source", f), json_string(out, source);
}

static void export_finance(const br_finance *fin, FILE *out)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "id", &f), json_string(out, fin->id);
    json_key(out, "title", &f), json_string(out, fin->title);
    json_key(out, "units", &f), json_string(out, br_unit_name(fin->units));
    json_key(out, "sign", &f);
    json_string(out, fin->sign == BR_SIGN_OVERSPEND_POSITIVE ? "overspend_positive" : "underspend_positive");
    json_key(out, "percent_of", &f), json_string(out, fin->percent_of_gross ? "gross" : "net");
    json_key(out, "rows", &f);
    fputc('[', out);
    bool first_row = true;
    for (size_t i = 0; i < fin->nrows; i++) {
        const br_fin_row *row = &fin->rows[i];
        if (row->heading)
            continue;
        bool rf = true;
        fputs(first_row ? "{" : ",{", out);
        first_row = false;
        json_key(out, "label", &rf), json_string(out, row->label);
        json_fin_columns(out, fin, row->amounts, row->variance_status,
                         !row->status_shown ? NULL : row->has_status ? "set" : "computed", &rf);
        json_key(out, "note", &rf), json_string(out, row->note);
        json_key(out, "status_reason", &rf), json_string(out, row->status_reason);
        fputc('}', out);
    }
    fputc(']', out);
    /* The total and its check: only for a table that prints a total row (a
     * capital table's quarterly snapshots have no sum the paper could mean). */
    json_key(out, "total", &f);
    bool tf = true;
    if (fin->total_label) {
        fputc('{', out);
        json_key(out, "label", &tf), json_string(out, fin->total_label);
        json_fin_columns(out, fin, fin->total, fin->total_variance_status,
                         fin->total_status_shown ? "computed" : NULL, &tf);
        fputc('}', out);
    } else {
        fputs("null", out);
    }
    json_key(out, "sum_of_rows", &f);
    tf = true;
    if (fin->total_label) {
        fputc('{', out);
        for (int c = 0; c < BR_FIN_NCOLS; c++)
            json_key(out, br_vocab_finance_column[c].export, &tf),
                json_amounts(out, fin, (br_fin_column)c, fin->sum[c]);
        fputc('}', out);
    } else {
        fputs("null", out);
    }
    json_key(out, "rounding", &f), fputs(fin->rounding ? "true" : "false", out);
    fputc('}', out);
}

static void json_summary_row(FILE *out, const br_summary_row *row, const char *label)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "group", &f), json_string(out, label);
    for (int s = 0; s < BR_STATUS_COUNT; s++)
        json_key(out, br_status_name((br_status)s), &f), fprintf(out, "%zu", row->counts[s]);
    json_key(out, "total", &f), fprintf(out, "%zu", row->total);
}

/* The measures sel picks counted by status per group_by, with the rows
 * the author states in place of theirs (sec: a summary section; NULL:
 * none), as the paper prints them: its rows, the total and its
 * percentages. */
static void export_summary(const br_report *r, const br_selection *sel, const char *group_by,
                           const br_section *sec, FILE *out)
{
    br_summary *sum = br_summary_compute(r, sel, group_by, r->arena);
    if (sec) {
        br_diags quiet;     /* check and render give its warnings */
        br_diags_init(&quiet, r->arena);
        br_summary_state(sum, sec->stated_rows, sec->nstated_rows, r->arena, &quiet);
    }
    fputc('[', out);
    for (size_t i = 0; i < sum->nrows; i++) {
        json_summary_row(out, &sum->rows[i], sum->rows[i].key);
        fputs("},", out);
    }
    json_summary_row(out, &sum->total, "Total");
    fputs(",\"percent\":{", out);
    for (int s = 0; s < BR_STATUS_COUNT; s++) {
        fprintf(out, "%s\"%s\":", s ? "," : "", br_status_name((br_status)s));
        json_number(out, sum->percent[s]);
    }
    fputs("}}]", out);
}

/* A note per due entry, in the order of due (null where none): the
 * "(plan)" after a date. */
static void json_due_notes(FILE *out, const br_milestone *ms)
{
    fputc('[', out);
    for (size_t i = 0; i < ms->ndue; i++) {
        if (i)
            fputc(',', out);
        json_string(out, ms->due[i].note);
    }
    fputc(']', out);
}

static void export_milestone(const br_report *r, const br_milestone *ms, FILE *out)
{
    bool f = true;
    const br_keyed_text *lead = ms->lead ? br_report_person(r, ms->lead) : NULL;
    fputc('{', out);
    json_key(out, MSCOL(ID), &f), json_string(out, ms->id);
    json_key(out, MSCOL(REF), &f), json_string(out, ms->ref);
    json_key(out, MSCOL(TITLE), &f), json_string(out, ms->title);
    json_key(out, "objective", &f), json_string(out, ms->objective);
    json_key(out, "group", &f), json_string(out, ms->group);
    json_key(out, MSCOL(DUE), &f);
    fputc('[', out);
    for (size_t i = 0; i < ms->ndue; i++) {
        const br_due *d = &ms->due[i];
        if (i)
            fputc(',', out);
        if (d->date.year)
            fprintf(out, "\"%04d-%02d-%02d\"", d->date.year, d->date.month, d->date.day);
        else
            json_string(out, d->text);
    }
    fputc(']', out);
    json_key(out, "due_notes", &f), json_due_notes(out, ms);
    json_key(out, MSCOL(LEAD), &f), json_string(out, ms->lead);
    json_key(out, "lead_name", &f), json_string(out, lead ? lead->text : NULL);
    json_key(out, MSCOL(PARTNERS), &f), json_string(out, ms->partners);
    json_key(out, MSCOL(PROGRESS), &f), json_string(out, ms->progress);
    json_key(out, MSCOL(CORRECTIVE_ACTION), &f), json_string(out, ms->corrective_action);
    json_key(out, MSCOL(STATUS), &f);
    json_string(out, ms->has_status ? br_milestone_status_name(ms->status) : NULL);
    json_key(out, "overdue", &f), fputs(ms->overdue ? "true" : "false", out);
    note_keys k = {0};
    const char *texts[] = {ms->title, ms->group, ms->partners, ms->progress, ms->corrective_action};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        note_keys_of(&k, texts[i]);
    for (size_t i = 0; i < ms->ndue; i++)
        note_keys_of(&k, ms->due[i].text), note_keys_of(&k, ms->due[i].note);
    json_note_keys(out, &k, &f);
    fputc('}', out);
}

static void export_commentary(const br_commentary *c, FILE *out)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "id", &f), json_string(out, c->id);
    json_key(out, "objective", &f), json_string(out, c->objective);
    json_key(out, "title", &f), json_string(out, c->title);
    json_key(out, "subtitle", &f), json_string(out, c->subtitle);
    json_key(out, "rag", &f), json_string(out, c->has_rag ? br_status_name(c->rag) : NULL);
    json_key(out, "text", &f), json_string(out, c->text);
    note_keys k = {0};
    const char *texts[] = {c->title, c->subtitle, c->text};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        note_keys_of(&k, texts[i]);
    json_note_keys(out, &k, &f);
    fputc('}', out);
}

/* [{"key":"JM","name":"Jo Moxon"}, …]: footnotes and people, as written. */
static void json_keyed(FILE *out, const br_keyed_text *items, size_t n, const char *what)
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++) {
        bool f = true;
        fputs(i ? ",\n{" : "\n{", out);
        json_key(out, "key", &f), json_string(out, items[i].key);
        json_key(out, what, &f), json_string(out, items[i].text);
        fputc('}', out);
    }
    fputc(']', out);
}

/* A count, or null where the profile prints it blank. */
static void json_count(FILE *out, size_t n, bool blank)
{
    if (blank)
        fputs("null", out);
    else
        fprintf(out, "%zu", n);
}

/* An objective's measures as the profile prints them, and data_only, its
 * Data only cell.  A stated row's data_only is the author's one figure: it
 * is not split into no data and no target (null), which the paper never
 * says. */
static void json_objective_measures(FILE *out, const br_objective *o)
{
    static const br_status order[] = {BR_STATUS_GREEN, BR_STATUS_AMBER, BR_STATUS_RED,
                                      BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    bool f = true;
    fputc('{', out);
    for (size_t i = 0; i < BR_STATUS_COUNT; i++) {
        br_status s = order[i];
        bool split = s == BR_STATUS_NO_DATA || s == BR_STATUS_NO_TARGET;
        json_key(out, br_status_name(s), &f);
        json_count(out, o->measures[s], o->measure_blank[s] || (split && o->measures_stated));
    }
    json_key(out, "data_only", &f);
    json_count(out, o->measures[BR_STATUS_NO_DATA] + o->measures[BR_STATUS_NO_TARGET],
               o->measure_blank[BR_STATUS_NO_TARGET]);
    fputc('}', out);
}

/* {"complete":2,"on_track":1,"at_risk":0,"missed":0,"overdue":1,"not_started":0}. */
static void json_milestone_counts(FILE *out, const br_objective *o)
{
    static const br_milestone_status order[] = {BR_MS_COMPLETE, BR_MS_ON_TRACK, BR_MS_AT_RISK,
                                                BR_MS_MISSED};
    bool f = true;
    fputc('{', out);
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        json_key(out, br_milestone_status_name(order[i]), &f),
            fprintf(out, "%zu", o->milestones[order[i]]);
    json_key(out, "overdue", &f), fprintf(out, "%zu", o->overdue);
    json_key(out, br_milestone_status_name(BR_MS_NOT_STARTED), &f),
        fprintf(out, "%zu", o->milestones[BR_MS_NOT_STARTED]);
    json_key(out, br_milestone_status_name(BR_MS_NOT_REPORTED), &f),
        fprintf(out, "%zu", o->milestones[BR_MS_NOT_REPORTED]);
    fputc('}', out);
}

static void export_objective(const br_objective *o, FILE *out)
{
    bool f = true;
    fputc('{', out);
    json_key(out, "id", &f), json_string(out, o->id);
    json_key(out, "title", &f), json_string(out, o->title);
    json_key(out, "status", &f), json_string(out, br_status_name(o->status));
    json_key(out, "status_stated", &f), fputs(o->status_stated ? "true" : "false", out);
    json_key(out, "direction", &f), json_string(out, br_trend_name(o->direction));
    json_key(out, "direction_stated", &f), fputs(o->direction_stated ? "true" : "false", out);
    json_key(out, "risks", &f);
    if (o->risks_by_rag) {   /* {"red":"1*","amber":"3","green":null} */
        static const char *const rag[BR_MSRAG_COUNT] = {"red", "amber", "green"};
        bool g = true;
        fputc('{', out);
        for (int k = 0; k < BR_MSRAG_COUNT; k++)
            json_key(out, rag[k], &g), json_string(out, o->risks_rag[k]);
        fputc('}', out);
    } else {
        json_string(out, o->risks);
    }
    json_key(out, "measures", &f), json_objective_measures(out, o);
    json_key(out, "measures_stated", &f), fputs(o->measures_stated ? "true" : "false", out);
    json_key(out, "milestones", &f), json_milestone_counts(out, o);
    json_key(out, "milestones_rag", &f);
    static const char *const rag[BR_MSRAG_COUNT] = {"red", "amber", "green"};
    bool g = true;
    fputc('{', out);
    for (int k = 0; k < BR_MSRAG_COUNT; k++)
        json_key(out, rag[k], &g), json_count(out, o->milestone_rag[k], o->milestone_blank[k]);
    fputc('}', out);
    json_key(out, "milestones_stated", &f), fputs(o->milestones_stated ? "true" : "false", out);
    json_key(out, "milestone_status", &f);
    json_string(out, o->milestone_status_blank ? NULL : br_status_name(o->milestone_status));
    json_key(out, "milestone_status_stated", &f),
        fputs(o->milestone_status_stated ? "true" : "false", out);
    fputc('}', out);
}

void br_export_json(const br_report *r, const br_template *t, FILE *out)
{
    plain_arena = br_arena_new();
    fprintf(out, "{\"format_version\":%d,\n\"report\":", BR_EXPORT_FORMAT_VERSION);
    export_report_block(r, out);
    fputs(",\n\"periods\":[", out);
    for (size_t i = 0; i < r->nperiods; i++) {
        if (i)
            fputc(',', out);
        json_string(out, r->periods[i].id);
    }
    /* as the paper prints them (report.period_label), in the same order */
    fputs("],\n\"period_labels\":[", out);
    for (size_t i = 0; i < r->nperiods; i++) {
        if (i)
            fputc(',', out);
        json_string(out, br_period_name(&r->periods[i]));
    }
    fputs("],\n\"measures\":[", out);
    for (size_t i = 0; i < r->nmeasures; i++) {
        fputs(i ? ",\n" : "\n", out);
        export_measure(r, t, &r->measures[i], out);
    }
    fputs("],\n\"finance\":[", out);
    for (size_t i = 0; i < r->nfinance; i++) {
        fputs(i ? ",\n" : "\n", out);
        export_finance(&r->finance[i], out);
    }
    fputs("],\n\"summary\":", out);
    br_selection all = {0};
    export_summary(r, &all, "group", NULL, out);   /* every measure of the report */
    fputs(",\n\"summaries\":[", out);          /* each summary table as the paper prints it */
    bool first = true;
    for (size_t i = 0; i < r->nsections; i++) {
        const br_section *sec = &r->sections[i];
        if (sec->type != BR_SEC_SUMMARY)
            continue;
        fputs(first ? "\n{\"title\":" : ",\n{\"title\":", out);
        first = false;
        json_string(out, sec->title);
        fputs(",\"group_by\":", out);
        json_string(out, sec->group_by ? sec->group_by : "group");
        fputs(",\"rows\":", out);
        export_summary(r, &sec->select, sec->group_by ? sec->group_by : "group", sec, out);
        fputc('}', out);
    }
    fputc(']', out);
    fputs(",\n\"objectives\":[", out);
    for (size_t i = 0; i < r->nobjectives; i++) {
        fputs(i ? ",\n" : "\n", out);
        export_objective(&r->objectives[i], out);
    }
    fputc(']', out);
    fputs(",\n\"milestones\":[", out);
    for (size_t i = 0; i < r->nmilestones; i++) {
        fputs(i ? ",\n" : "\n", out);
        export_milestone(r, &r->milestones[i], out);
    }
    fputs("],\n\"commentary\":[", out);
    for (size_t i = 0; i < r->ncommentary; i++) {
        fputs(i ? ",\n" : "\n", out);
        export_commentary(&r->commentary[i], out);
    }
    fputs("],\n\"footnotes\":", out);
    json_keyed(out, r->footnotes, r->nfootnotes, "text");
    fputs(",\n\"people\":", out);
    json_keyed(out, r->people, r->npeople, "name");
    fputs("}\n", out);
    br_arena_free(plain_arena);
    plain_arena = NULL;
}
