/* diff.c — what changed between two versions of a paper, figure by figure.
 *
 * Items are matched by id (measures, milestones, finance tables), by label
 * (finance rows) or by position (commentary without id, paragraphs), and
 * compared field by field as the paper prints them, so "11.0" and "11"
 * differ.  Prose is compared word by word. */
#include "br_archive.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct differ {
    const br_report *old, *new;
    br_changes *out;
    br_arena *a;
    /* the item being compared */
    const char *item, *id, *title, *label;
    br_loc loc;
} differ;

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static br_change *add(differ *d, const char *field, const char *old_text, const char *new_text,
                      bool figure, bool authored, br_loc loc)
{
    br_change *c = BR_PUSH(d->a, d->out->items, d->out->n, d->out->cap);
    memset(c, 0, sizeof *c);
    c->item = d->item;
    c->id = d->id;
    c->title = d->title;
    c->label = d->label ? d->label : d->title;
    c->field = field;
    c->old_text = old_text;
    c->new_text = new_text;
    c->figure = figure;
    c->authored = authored;
    c->loc = loc.file ? loc : d->loc;
    return c;
}

/* ---- words ---- */

typedef struct words {
    const char **w;
    size_t n;
} words;

static words split_words(const char *text, br_arena *a)
{
    words out = {0};
    size_t cap = 0;
    for (const char *p = text ? text : ""; *p;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (len)
            *BR_PUSH(a, out.w, out.n, cap) = br_arena_strndup(a, p, len);
        p += len;
    }
    return out;
}

/* Appends words [from, to) of w to s, unchanged words between changes:
 * only `keep` words are kept next to a change (after_change: the run
 * follows one; before_change: one follows the run), the rest become "…". */
static const char *append_run(const char *s, const words *w, size_t from, size_t to,
                              bool after_change, bool before_change, br_arena *a)
{
    const size_t keep = 4;
    bool elided = false;
    for (size_t i = from; i < to; i++) {
        bool shown = to - from <= 2 * keep || (after_change && i < from + keep) ||
                     (before_change && i + keep >= to);
        if (shown || !elided)
            s = br_arena_printf(a, "%s%s%s", s, s[0] ? " " : "", shown ? w->w[i] : "…");
        elided = !shown;
    }
    return s;
}

/* "… rose to [-12-] {+14+} per cent …": the changed words with a little
 * context, from a longest common subsequence of the words.  NULL when the
 * texts are too long to compare word by word. */
static const char *word_diff(const char *old_text, const char *new_text, br_arena *a)
{
    words o = split_words(old_text, a), n = split_words(new_text, a);
    if ((o.n + 1) * (n.n + 1) > 4000000)
        return NULL;
    size_t w = n.n + 1;
    unsigned *lcs = calloc((o.n + 1) * w, sizeof *lcs);
    if (!lcs)
        return NULL;
    for (size_t i = o.n; i-- > 0;)
        for (size_t j = n.n; j-- > 0;)
            lcs[i * w + j] = strcmp(o.w[i], n.w[j]) == 0 ? lcs[(i + 1) * w + j + 1] + 1
                             : lcs[(i + 1) * w + j] > lcs[i * w + j + 1] ? lcs[(i + 1) * w + j]
                                                                         : lcs[i * w + j + 1];
    const char *s = "";
    size_t i = 0, j = 0;
    while (i < o.n || j < n.n) {
        size_t si = i, sj = j;
        while (i < o.n && j < n.n && strcmp(o.w[i], n.w[j]) == 0)
            i++, j++;
        if (i > si)
            s = append_run(s, &n, sj, j, sj > 0, j < n.n, a);
        const char *del = "", *ins = "";
        while ((i < o.n || j < n.n) && !(i < o.n && j < n.n && strcmp(o.w[i], n.w[j]) == 0)) {
            if (j == n.n || (i < o.n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
                del = br_arena_printf(a, "%s%s%s", del, del[0] ? " " : "", o.w[i++]);
            else
                ins = br_arena_printf(a, "%s%s%s", ins, ins[0] ? " " : "", n.w[j++]);
        }
        if (del[0])
            s = br_arena_printf(a, "%s%s[-%s-]", s, s[0] ? " " : "", del);
        if (ins[0])
            s = br_arena_printf(a, "%s%s{+%s+}", s, s[0] ? " " : "", ins);
    }
    free(lcs);
    return s;
}

static void text_field(differ *d, const char *field, const char *o, const char *n, br_loc loc)
{
    if (same(o, n))
        return;
    br_change *c = add(d, field, o, n, false, true, loc);
    c->words = o && n ? word_diff(o, n, d->a) : NULL;
}

static void figure_field(differ *d, const char *field, const char *o, const char *n,
                         bool authored, br_loc loc)
{
    if (!same(o, n))
        add(d, field, o, n, true, authored, loc);
}

/* ---- measures ---- */

/* A value as the paper prints it: as written, else the number. */
static const char *value_text(const br_value *v, br_arena *a)
{
    if (!v || v->kind == BR_VALUE_NONE)
        return NULL;
    if (v->text || v->kind != BR_VALUE_NUMBER)
        return v->text;
    if (v->decimals > 0)
        return br_arena_printf(a, "%.*f", v->decimals, v->number);
    return br_arena_printf(a, "%.15g", v->number);
}

static void diff_values(differ *d, const br_measure *o, const br_measure *n)
{
    for (size_t p = 0; p < d->new->nperiods; p++) {
        const char *pid = d->new->periods[p].id;
        size_t op = br_report_period_index(d->old, pid);
        const br_value *ov = op == BR_NONE ? NULL : &o->values[op];
        figure_field(d, br_arena_printf(d->a, "%s value", pid), value_text(ov, d->a),
                     value_text(&n->values[p], d->a), true, n->values[p].loc);
        text_field(d, br_arena_printf(d->a, "%s note", pid), op == BR_NONE ? NULL : o->notes[op],
                   n->notes[p], (br_loc){0});
    }
    for (size_t p = 0; p < d->old->nperiods; p++)
        if (br_report_period_index(d->new, d->old->periods[p].id) == BR_NONE)
            figure_field(d, br_arena_printf(d->a, "%s value", d->old->periods[p].id),
                         value_text(&o->values[p], d->a), NULL, true, (br_loc){0});
}

static void diff_measure(differ *d, const br_measure *o, const br_measure *n)
{
    text_field(d, "title", o->title, n->title, n->loc);
    diff_values(d, o, n);
    figure_field(d, "target", value_text(&o->target, d->a), value_text(&n->target, d->a), true,
                 n->target.loc);
    text_field(d, "shown target", o->target_display, n->target_display, n->target.loc);
    figure_field(d, "tolerance", value_text(&o->tolerance, d->a), value_text(&n->tolerance, d->a),
                 true,
                 n->tolerance.loc);
    figure_field(d, "polarity", br_polarity_name(o->polarity), br_polarity_name(n->polarity), true,
                 n->polarity_loc);
    figure_field(d, "status", br_status_name(o->status), br_status_name(n->status),
                 n->has_status_override, n->loc);
    figure_field(d, "trend", br_trend_name(o->trend), br_trend_name(n->trend),
                 n->has_trend_override, n->loc);
    text_field(d, "shown value", o->display, n->display, n->loc);
    text_field(d, "comment", o->comment, n->comment, n->loc);
}

static void begin(differ *d, const char *item, const char *id, const char *title, br_loc loc)
{
    d->item = item;
    d->id = id;
    d->title = title;
    d->label = NULL;
    d->loc = loc;
}

static void diff_measures(differ *d)
{
    for (size_t i = 0; i < d->new->nmeasures; i++) {
        const br_measure *n = &d->new->measures[i];
        const br_measure *o = br_report_measure(d->old, n->id);
        begin(d, "measure", n->id, n->title, n->loc);
        if (o)
            diff_measure(d, o, n);
        else
            add(d, "added", NULL, n->title, true, true, n->loc);
    }
    for (size_t i = 0; i < d->old->nmeasures; i++) {
        const br_measure *o = &d->old->measures[i];
        begin(d, "measure", o->id, o->title, (br_loc){0});
        if (!br_report_measure(d->new, o->id))
            add(d, "removed", o->title, NULL, true, true, (br_loc){0});
    }
}

/* ---- finance ---- */

static const char *const fin_column[] = {
#define BR_FINANCE_COLUMN(ID, yaml, export, heading, key) yaml,
#include "br_vocab.def"
};
static const char *const fin_split[] = {
#define BR_FINANCE_SPLIT(ID, yaml, export, heading, key) yaml,
#include "br_vocab.def"
};

static const char *amount_text(const br_fin_amount *a, br_arena *arena)
{
    return a && a->set ? br_arena_printf(arena, "%.*f", a->decimals, a->value) : NULL;
}

/* Written by the author (in either version), not computed from others. */
static bool given(const br_fin_amount *o, const br_fin_amount *n)
{
    return (o && o->set && o->given) || (n && n->set && n->given);
}

static void diff_amounts(differ *d, const char *prefix,
                         const br_fin_amount (*o)[BR_FIN_NSPLITS],
                         const br_fin_amount (*n)[BR_FIN_NSPLITS])
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            const br_fin_amount *oa = o ? &o[c][s] : NULL, *na = n ? &n[c][s] : NULL;
            figure_field(d, br_arena_printf(d->a, "%s%s %s", prefix, fin_column[c], fin_split[s]),
                         amount_text(oa, d->a), amount_text(na, d->a),
                         given(oa, na), na && na->set ? na->loc : (br_loc){0});
        }
}

/* The old row of the same label, the k-th of that label as in new. */
static const br_fin_row *old_row(const br_finance *o, const br_finance *n, size_t i)
{
    size_t k = 0;
    for (size_t j = 0; j < i; j++)
        k += same(n->rows[j].label, n->rows[i].label);
    for (size_t j = 0; j < o->nrows; j++)
        if (same(o->rows[j].label, n->rows[i].label) && k-- == 0)
            return &o->rows[j];
    return NULL;
}

static void diff_table(differ *d, const br_finance *o, const br_finance *n)
{
    for (size_t i = 0; i < n->nrows; i++) {
        const br_fin_row *nr = &n->rows[i], *or = old_row(o, n, i);
        begin(d, "finance", n->id, br_arena_printf(d->a, "%s: %s", n->title ? n->title : n->id,
                                                   nr->label ? nr->label : "(row)"), nr->loc);
        d->label = nr->label;
        if (!or) {
            add(d, "added", NULL, nr->label, true, true, nr->loc);
            continue;
        }
        if (!nr->heading)
            diff_amounts(d, "", or->amounts, nr->amounts);
        text_field(d, "note", or->note, nr->note, nr->loc);
    }
    begin(d, "finance", n->id, br_arena_printf(d->a, "%s: %s", n->title ? n->title : n->id,
                                               n->total_label ? n->total_label : "total"), n->loc);
    diff_amounts(d, "total ", o->total, n->total);
}

static void diff_finance(differ *d)
{
    for (size_t i = 0; i < d->new->nfinance; i++) {
        const br_finance *n = &d->new->finance[i];
        const br_finance *o = br_report_finance(d->old, n->id);
        begin(d, "finance", n->id, n->title ? n->title : n->id, n->loc);
        if (o)
            diff_table(d, o, n);
        else
            add(d, "added", NULL, n->title, true, true, n->loc);
    }
    for (size_t i = 0; i < d->old->nfinance; i++) {
        const br_finance *o = &d->old->finance[i];
        begin(d, "finance", o->id, o->title ? o->title : o->id, (br_loc){0});
        if (!br_report_finance(d->new, o->id))
            add(d, "removed", o->title, NULL, true, true, (br_loc){0});
    }
}

/* ---- milestones, commentary, paragraphs, the report ---- */

static const char *due_text(const br_milestone *m, br_arena *a)
{
    const char *s = NULL;
    for (size_t i = 0; i < m->ndue; i++)
        s = br_arena_printf(a, "%s%s%s%s%s", s ? s : "", s ? "; " : "", m->due[i].text,
                            m->due[i].note ? " " : "", m->due[i].note ? m->due[i].note : "");
    return s;
}

static const br_milestone *find_milestone(const br_report *r, const char *id)
{
    for (size_t i = 0; i < r->nmilestones; i++)
        if (same(r->milestones[i].id, id))
            return &r->milestones[i];
    return NULL;
}

static void diff_milestone(differ *d, const br_milestone *o, const br_milestone *n)
{
    text_field(d, "title", o->title, n->title, n->loc);
    figure_field(d, "status", o->has_status ? br_milestone_status_name(o->status) : NULL,
                 n->has_status ? br_milestone_status_name(n->status) : NULL, true, n->loc);
    figure_field(d, "due", due_text(o, d->a), due_text(n, d->a), true,
                 n->ndue ? n->due[0].loc : n->loc);
    figure_field(d, "overdue", o->overdue ? "yes" : "no", n->overdue ? "yes" : "no", false, n->loc);
    text_field(d, "lead", o->lead, n->lead, n->lead_loc);
    text_field(d, "progress", o->progress, n->progress, n->loc);
    text_field(d, "corrective action", o->corrective_action, n->corrective_action, n->loc);
}

static void diff_milestones(differ *d)
{
    for (size_t i = 0; i < d->new->nmilestones; i++) {
        const br_milestone *n = &d->new->milestones[i], *o = find_milestone(d->old, n->id);
        begin(d, "milestone", n->id, n->title, n->loc);
        if (o)
            diff_milestone(d, o, n);
        else
            add(d, "added", NULL, n->title, true, true, n->loc);
    }
    for (size_t i = 0; i < d->old->nmilestones; i++) {
        const br_milestone *o = &d->old->milestones[i];
        begin(d, "milestone", o->id, o->title, (br_loc){0});
        if (!find_milestone(d->new, o->id))
            add(d, "removed", o->title, NULL, true, true, (br_loc){0});
    }
}

static void diff_commentary(differ *d)
{
    size_t n = d->new->ncommentary < d->old->ncommentary ? d->new->ncommentary
                                                         : d->old->ncommentary;
    for (size_t i = 0; i < n; i++) {
        const br_commentary *o = &d->old->commentary[i], *c = &d->new->commentary[i];
        begin(d, "commentary", c->id, c->title, c->loc);
        text_field(d, "title", o->title, c->title, c->loc);
        figure_field(d, "status", o->has_rag ? br_status_name(o->rag) : NULL,
                     c->has_rag ? br_status_name(c->rag) : NULL, true, c->loc);
        text_field(d, "text", o->text, c->text, c->loc);
    }
}

static void diff_paragraphs(differ *d)
{
    size_t n = d->new->nsections < d->old->nsections ? d->new->nsections : d->old->nsections;
    for (size_t i = 0; i < n; i++) {
        const br_section *o = &d->old->sections[i], *s = &d->new->sections[i];
        if (o->type != s->type)
            continue;
        begin(d, "section", s->id, s->title ? s->title : br_arena_printf(d->a, "section %zu", i + 1),
              s->loc);
        text_field(d, "heading", o->title, s->title, s->loc);
        size_t np = s->ntext > o->ntext ? s->ntext : o->ntext;
        for (size_t p = 0; p < np; p++)
            text_field(d, br_arena_printf(d->a, "paragraph %zu", p + 1),
                       p < o->ntext ? o->text[p] : NULL, p < s->ntext ? s->text[p] : NULL,
                       p < s->ntext ? s->text_locs[p] : s->loc);
    }
}

static void diff_report(differ *d)
{
    const br_report *o = d->old, *n = d->new;
    begin(d, "report", NULL, n->title, n->report_loc);
    text_field(d, "title", o->title, n->title, n->report_loc);
    text_field(d, "subtitle", o->subtitle, n->subtitle, n->report_loc);
    text_field(d, "organisation", o->organisation, n->organisation, n->report_loc);
    figure_field(d, "period", o->period_id, n->period_id, true, n->report_loc);
    char od[16] = "", nd[16] = "";
    if (o->date.year)
        snprintf(od, sizeof od, "%04d-%02d-%02d", o->date.year, o->date.month, o->date.day);
    if (n->date.year)
        snprintf(nd, sizeof nd, "%04d-%02d-%02d", n->date.year, n->date.month, n->date.day);
    figure_field(d, "date", od, nd, false, n->report_loc);
}

void br_arc_diff(const br_report *old, const br_report *new, br_changes *out, br_arena *arena)
{
    memset(out, 0, sizeof *out);
    differ d = {.old = old, .new = new, .out = out, .a = arena};
    diff_report(&d);
    diff_measures(&d);
    diff_finance(&d);
    diff_milestones(&d);
    diff_commentary(&d);
    diff_paragraphs(&d);
}

/* ---- corrections ---- */

const char *br_arc_correction(const br_change *changes, size_t n, br_arena *arena)
{
    const char *name = changes[0].title ? changes[0].title : changes[0].id;
    const char *s = NULL;
    for (size_t i = 0; i < n; i++) {
        const br_change *c = &changes[i];
        if (!c->figure || !c->authored)
            continue;
        const char *part =
            !c->old_text   ? (strcmp(c->field, "added") == 0 ? "added"
                                  : br_arena_printf(arena, "%s %s added", c->field, c->new_text))
            : !c->new_text ? (strcmp(c->field, "removed") == 0 ? "removed"
                                  : br_arena_printf(arena, "%s %s removed", c->field, c->old_text))
                           : br_arena_printf(arena, "%s corrected from %s to %s", c->field,
                                             c->old_text, c->new_text);
        s = br_arena_printf(arena, "%s%s%s", s ? s : "", s ? "; " : "", part);
    }
    return s ? br_arena_printf(arena, "%s: %s.", name, s) : NULL;
}

/* needle in hay, case-insensitively, not inside a longer word or number. */
static bool names(const char *hay, const char *needle)
{
    size_t n = needle ? strlen(needle) : 0;
    if (n == 0)
        return false;
    for (const char *p = hay; *p; p++) {
        if (strncasecmp(p, needle, n) != 0)
            continue;
        bool left = p == hay || !isalnum((unsigned char)p[-1]);
        bool right = !isalnum((unsigned char)p[n]);
        if (left && right)
            return true;
    }
    return false;
}

bool br_arc_mentioned(const br_change *c, const char *const *corrections, size_t ncorrections)
{
    for (size_t i = 0; i < ncorrections; i++) {
        const char *line = corrections[i];
        if (names(line, c->title) || names(line, c->label) || names(line, c->id))
            return true;
        if (c->old_text && c->new_text && names(line, c->old_text) && names(line, c->new_text))
            return true;
    }
    return false;
}
