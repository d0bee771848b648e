/* diff.c — what changed between two versions of a paper, figure by figure.
 *
 * Items are matched by id (measures, milestones, finance tables, sections
 * and commentary that have one), by label (finance rows, facts), by title
 * and then position (sections without id, among those of their type) or by
 * position (commentary without id),
 * and compared field by field as the paper prints them, so "11.0" and "11"
 * differ and a measure's decimals: shows in its figures.  Items on either
 * side only are added or removed.  Prose is compared word by word. */
#include "br_archive.h"

#include "br_format.h"
#include "br_vocab.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdint.h>
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

/* A value as the paper prints it: as written, else the number to the
 * places it prints with under the measure's decimals: (no unit, no
 * thousands separator: the figure itself). */
static const char *value_text(const br_value *v, int decimals, br_arena *a)
{
    static const br_numfmt plain = {false, BR_NEG_MINUS};
    if (!v || v->kind == BR_VALUE_NONE)
        return NULL;
    if (v->kind != BR_VALUE_NUMBER || (v->as_written && v->text))
        return v->text;
    return br_format_number(a, v->number, br_format_value_places(v, decimals), &plain);
}

/* A period as the paper's words name it in a change ("Q4 2012/13" by its
 * report.period_label, else "2012/13 Q4", "August 2012"). */
static const char *period_words(br_arena *a, const br_period *p)
{
    return p->label ? p->label : br_format_period(a, p);
}

static void diff_values(differ *d, const br_measure *o, const br_measure *n)
{
    for (size_t p = 0; p < d->new->nperiods; p++) {
        const char *pid = d->new->periods[p].id;
        size_t op = br_report_period_index(d->old, pid);
        const br_value *ov = op == BR_NONE ? NULL : &o->values[op];
        const char *label = period_words(d->a, &d->new->periods[p]);   /* "August 2012" */
        figure_field(d, br_arena_printf(d->a, "%s value", label), value_text(ov, o->decimals, d->a),
                     value_text(&n->values[p], n->decimals, d->a), true, n->values[p].loc);
        text_field(d, br_arena_printf(d->a, "%s note", label), op == BR_NONE ? NULL : o->notes[op],
                   n->notes[p], (br_loc){0});
    }
    for (size_t p = 0; p < d->old->nperiods; p++)
        if (br_report_period_index(d->new, d->old->periods[p].id) == BR_NONE)
            figure_field(d, br_arena_printf(d->a, "%s value",
                                            period_words(d->a, &d->old->periods[p])),
                         value_text(&o->values[p], o->decimals, d->a), NULL, true, (br_loc){0});
}

static const br_comparator *comparator_named(const br_measure *m, const char *name)
{
    for (size_t i = 0; i < m->ncomparators; i++)
        if (same(m->comparators[i].name, name))
            return &m->comparators[i];
    return NULL;
}

/* A comparator's figure, RAG and note, by its name; one only in either
 * version is added or removed. */
static void diff_comparators(differ *d, const br_measure *o, const br_measure *n)
{
    for (size_t i = 0; i < n->ncomparators; i++) {
        const br_comparator *nc = &n->comparators[i], *oc = comparator_named(o, nc->name);
        const char *field = br_arena_printf(d->a, "comparator %s", nc->name ? nc->name : "");
        figure_field(d, field, oc ? value_text(&oc->value, o->decimals, d->a) : NULL,
                     value_text(&nc->value, n->decimals, d->a), true, nc->loc);
        figure_field(d, br_arena_printf(d->a, "%s RAG", field),
                     oc && oc->has_rag ? br_status_name(oc->rag) : NULL,
                     nc->has_rag ? br_status_name(nc->rag) : NULL, true, nc->loc);
        text_field(d, br_arena_printf(d->a, "%s note", field), oc ? oc->note : NULL, nc->note,
                   nc->loc);
    }
    for (size_t i = 0; i < o->ncomparators; i++)
        if (!comparator_named(n, o->comparators[i].name))
            figure_field(d, br_arena_printf(d->a, "comparator %s", o->comparators[i].name),
                         value_text(&o->comparators[i].value, o->decimals, d->a), NULL, true,
                         (br_loc){0});
}

static void diff_measure(differ *d, const br_measure *o, const br_measure *n)
{
    text_field(d, "title", o->title, n->title, n->loc);
    diff_values(d, o, n);
    figure_field(d, "target", value_text(&o->target, o->decimals, d->a),
                 value_text(&n->target, n->decimals, d->a), true, n->target.loc);
    figure_field(d, "shown target", o->target_display, n->target_display, true, n->target.loc);
    figure_field(d, "tolerance", value_text(&o->tolerance, o->decimals, d->a),
                 value_text(&n->tolerance, n->decimals, d->a), true, n->tolerance.loc);
    figure_field(d, "unit", br_vocab_unit_yaml[o->unit], br_vocab_unit_yaml[n->unit], true,
                 n->loc);
    figure_field(d, "polarity", br_polarity_name(o->polarity), br_polarity_name(n->polarity), true,
                 n->polarity_loc);
    figure_field(d, "status", br_status_name(o->status), br_status_name(n->status),
                 n->has_status_override, n->loc);
    figure_field(d, "trend", br_trend_name(o->trend), br_trend_name(n->trend),
                 n->has_trend_override, n->loc);
    figure_field(d, "shown value", o->display, n->display, true, n->loc);
    text_field(d, "comment", o->comment, n->comment, n->loc);
    diff_comparators(d, o, n);
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

/* Whether old row j has a row of its label in new: the k-th of its label
 * in old matches the k-th in new, as old_row pairs them. */
static bool row_kept(const br_finance *o, const br_finance *n, size_t j)
{
    size_t k = 0, have = 0;
    for (size_t i = 0; i < j; i++)
        k += same(o->rows[i].label, o->rows[j].label);
    for (size_t i = 0; i < n->nrows; i++)
        have += same(n->rows[i].label, o->rows[j].label);
    return k < have;
}

/* What the paper calls a table: its title, else the heading of its label
 * column ("Education" over a capital table's quarter rows), else its id. */
static const char *fin_name(const br_finance *f)
{
    return f->title ? f->title : f->label_heading ? f->label_heading : f->id;
}

static void diff_table(differ *d, const br_finance *o, const br_finance *n)
{
    for (size_t j = 0; j < o->nrows; j++) {
        const br_fin_row *or = &o->rows[j];
        if (row_kept(o, n, j))
            continue;
        begin(d, "finance", n->id, br_arena_printf(d->a, "%s: %s", fin_name(n),
                                                   or->label ? or->label : "(row)"), n->loc);
        d->label = or->label;
        add(d, "removed", or->label, NULL, true, true, (br_loc){0});
    }
    for (size_t i = 0; i < n->nrows; i++) {
        const br_fin_row *nr = &n->rows[i], *or = old_row(o, n, i);
        begin(d, "finance", n->id, br_arena_printf(d->a, "%s: %s", fin_name(n),
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
    begin(d, "finance", n->id, br_arena_printf(d->a, "%s: %s", fin_name(n),
                                               n->total_label ? n->total_label : "total"), n->loc);
    diff_amounts(d, "total ", o->total, n->total);
}

static void diff_finance(differ *d)
{
    for (size_t i = 0; i < d->new->nfinance; i++) {
        const br_finance *n = &d->new->finance[i];
        const br_finance *o = br_report_finance(d->old, n->id);
        begin(d, "finance", n->id, fin_name(n), n->loc);
        if (o)
            diff_table(d, o, n);
        else
            add(d, "added", NULL, n->title, true, true, n->loc);
    }
    for (size_t i = 0; i < d->old->nfinance; i++) {
        const br_finance *o = &d->old->finance[i];
        begin(d, "finance", o->id, fin_name(o), (br_loc){0});
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
    text_field(d, "partners", o->partners, n->partners, n->loc);
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

/* The commentary entry of old that entry i of new is: by id, else the
 * entry at the same place among those without one. */
static const br_commentary *old_commentary(const br_report *o, const br_report *n, size_t i)
{
    const br_commentary *c = &n->commentary[i];
    size_t k = 0;
    for (size_t j = 0; j < i; j++)
        k += !c->id && !n->commentary[j].id;
    for (size_t j = 0; j < o->ncommentary; j++) {
        const br_commentary *oc = &o->commentary[j];
        if (c->id ? same(oc->id, c->id) : !oc->id && k-- == 0)
            return oc;
    }
    return NULL;
}

/* How a commentary entry is named in the changes: its title, else its
 * subtitle, else its objective ("objective B"), as its heading would be;
 * else its place ("entry 3"), so that two untitled entries are told apart. */
static const char *commentary_name(differ *d, const br_commentary *c, size_t at)
{
    if (c->title || c->subtitle)
        return c->title ? c->title : c->subtitle;
    return c->objective ? br_arena_printf(d->a, "objective %s", c->objective)
                        : br_arena_printf(d->a, "entry %zu", at + 1);
}

static void diff_commentary(differ *d)
{
    bool *matched = br_arena_calloc(d->a, d->old->ncommentary + 1, sizeof *matched);
    for (size_t i = 0; i < d->new->ncommentary; i++) {
        const br_commentary *c = &d->new->commentary[i];
        const br_commentary *o = old_commentary(d->old, d->new, i);
        begin(d, "commentary", c->id, commentary_name(d, c, i), c->loc);
        if (!o) {
            add(d, "added", NULL, commentary_name(d, c, i), true, true, c->loc);
            continue;
        }
        matched[o - d->old->commentary] = true;
        text_field(d, "title", o->title, c->title, c->loc);
        text_field(d, "subtitle", o->subtitle, c->subtitle, c->loc);
        figure_field(d, "status", o->has_rag ? br_status_name(o->rag) : NULL,
                     c->has_rag ? br_status_name(c->rag) : NULL, true, c->loc);
        text_field(d, "text", o->text, c->text, c->loc);
    }
    for (size_t j = 0; j < d->old->ncommentary; j++) {
        const br_commentary *o = &d->old->commentary[j];
        begin(d, "commentary", o->id, commentary_name(d, o, j), (br_loc){0});
        if (!matched[j])
            add(d, "removed", commentary_name(d, o, j), NULL, true, true, (br_loc){0});
    }
}

/* Which section of old each section of new is (match[i], or SIZE_MAX for
 * none): by id when it has one; else, among the sections of its type with
 * no id, the one of the same title, and only then the next one left in
 * order.  By place alone, replacing a title heading by a front sheet made
 * the next heading "changed" and the one after it "removed". */
static size_t *match_sections(differ *d)
{
    const br_report *o = d->old, *n = d->new;
    size_t *match = br_arena_alloc(d->a, (n->nsections + 1) * sizeof *match);
    bool *taken = br_arena_calloc(d->a, o->nsections + 1, sizeof *taken);
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < n->nsections; i++) {
            const br_section *s = &n->sections[i];
            if (pass == 0)
                match[i] = SIZE_MAX;
            if (match[i] != SIZE_MAX || (pass == 0) != (s->id != NULL) ||
                (pass == 1 && !s->title))
                continue;
            for (size_t j = 0; j < o->nsections && match[i] == SIZE_MAX; j++) {
                const br_section *os = &o->sections[j];
                bool fits = !taken[j] && os->type == s->type &&
                            (pass == 0 ? same(os->id, s->id)
                                       : !os->id && (pass == 2 || same(os->title, s->title)));
                if (fits)
                    match[i] = j, taken[j] = true;
            }
        }
    return match;
}

/* Sections that only set the page (a break, columns) carry no words. */
static bool layout_only(const br_section *s)
{
    return s->type == BR_SEC_PAGE_BREAK || s->type == BR_SEC_COLUMN_BREAK ||
           s->type == BR_SEC_COLUMNS;
}

/* Its title, else its type and place: "front sheet (section 1)". */
static const char *section_name(differ *d, const br_section *s, size_t i)
{
    if (s->title)
        return s->title;
    char *type = br_arena_strdup(d->a, br_vocab_section_yaml[s->type]);
    for (char *p = type; *p; p++)
        *p = *p == '_' ? ' ' : *p;
    return br_arena_printf(d->a, "%s (section %zu)", type, i + 1);
}

/* A table cell as printed: a number to its written places, else its text. */
static const char *tcell_text(const br_tcell *c, br_arena *a)
{
    static const br_numfmt plain = {false, BR_NEG_MINUS};
    return c->is_number ? br_format_number(a, c->number, c->decimals, &plain) : c->text;
}

/* Rows of a generic table, cell by cell; a cell that is a figure (a
 * number, "£1.2m") is a figure change, words are prose. */
static void diff_trows(differ *d, const char *what, const br_trow *o, size_t no, const br_trow *n,
                       size_t nn)
{
    size_t rows = no > nn ? no : nn;
    for (size_t r = 0; r < rows; r++) {
        const br_trow *or = r < no ? &o[r] : NULL, *nr = r < nn ? &n[r] : NULL;
        br_loc loc = nr ? nr->loc : (br_loc){0};
        const char *at = br_arena_printf(d->a, "%s row %zu", what, r + 1);
        text_field(d, br_arena_printf(d->a, "%s heading", at), or ? or->heading : NULL,
                   nr ? nr->heading : NULL, loc);
        size_t on = or ? or->ncells : 0, nn_ = nr ? nr->ncells : 0;
        size_t cells = on > nn_ ? on : nn_;
        for (size_t c = 0; c < cells; c++) {
            const br_tcell *oc = or && c < or->ncells ? &or->cells[c] : NULL;
            const br_tcell *nc = nr && c < nr->ncells ? &nr->cells[c] : NULL;
            const char *ot = oc ? tcell_text(oc, d->a) : NULL;
            const char *nt = nc ? tcell_text(nc, d->a) : NULL;
            const char *field = br_arena_printf(d->a, "%s cell %zu", at, c + 1);
            bool figure = (oc && (oc->is_number || br_format_looks_like_figure(ot))) ||
                          (nc && (nc->is_number || br_format_looks_like_figure(nt)));
            if (figure)
                figure_field(d, field, ot, nt, true, nc ? nc->loc : loc);
            else
                text_field(d, field, ot, nt, nc ? nc->loc : loc);
            figure_field(d, br_arena_printf(d->a, "%s RAG", field),
                         oc && oc->has_rag ? br_status_name(oc->rag) : NULL,
                         nc && nc->has_rag ? br_status_name(nc->rag) : NULL, true,
                         nc ? nc->loc : loc);
        }
    }
}

static const br_fact *fact_labelled(const br_section *s, const char *label)
{
    for (size_t i = 0; i < s->nfacts; i++)
        if (same(s->facts[i].label, label))
            return &s->facts[i];
    return NULL;
}

/* A front sheet's facts by label: a value is what the paper states. */
static void diff_facts(differ *d, const br_section *o, const br_section *s)
{
    for (size_t i = 0; i < s->nfacts; i++) {
        const br_fact *f = &s->facts[i], *of = fact_labelled(o, f->label);
        d->label = f->label;    /* a correction names the fact by its label */
        figure_field(d, f->label ? f->label : "fact", of ? of->value : NULL, f->value, true,
                     f->loc);
    }
    for (size_t i = 0; i < o->nfacts; i++) {
        d->label = o->facts[i].label;
        if (!fact_labelled(s, o->facts[i].label))
            figure_field(d, o->facts[i].label ? o->facts[i].label : "fact", o->facts[i].value,
                         NULL, true, (br_loc){0});
    }
    d->label = NULL;
}

static void diff_section(differ *d, const br_section *o, const br_section *s)
{
    text_field(d, "heading", o->title, s->title, s->loc);
    text_field(d, "subtitle", o->subtitle, s->subtitle, s->loc);
    text_field(d, "addressee", o->addressee, s->addressee, s->loc);
    figure_field(d, "status", o->has_rag ? br_status_name(o->rag) : NULL,
                 s->has_rag ? br_status_name(s->rag) : NULL, true, s->loc);
    diff_facts(d, o, s);
    size_t np = s->ntext > o->ntext ? s->ntext : o->ntext;
    for (size_t p = 0; p < np; p++)
        text_field(d, br_arena_printf(d->a, "paragraph %zu", p + 1),
                   p < o->ntext ? o->text[p] : NULL, p < s->ntext ? s->text[p] : NULL,
                   p < s->ntext ? s->text_locs[p] : s->loc);
    diff_trows(d, "header", o->header, o->nheader, s->header, s->nheader);
    diff_trows(d, "body", o->rows, o->nrows, s->rows, s->nrows);
}

static void diff_sections(differ *d)
{
    bool *matched = br_arena_calloc(d->a, d->old->nsections + 1, sizeof *matched);
    const size_t *match = match_sections(d);
    for (size_t i = 0; i < d->new->nsections; i++) {
        const br_section *s = &d->new->sections[i];
        const br_section *o = match[i] != SIZE_MAX ? &d->old->sections[match[i]] : NULL;
        begin(d, "section", s->id, section_name(d, s, i), s->loc);
        if (o)
            matched[o - d->old->sections] = true;
        if (o)
            diff_section(d, o, s);
        else if (!layout_only(s))
            add(d, "added", NULL, section_name(d, s, i), true, true, s->loc);
    }
    for (size_t j = 0; j < d->old->nsections; j++) {
        const br_section *o = &d->old->sections[j];
        begin(d, "section", o->id, section_name(d, o, j), (br_loc){0});
        if (!matched[j] && !layout_only(o))
            add(d, "removed", section_name(d, o, j), NULL, true, true, (br_loc){0});
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
    /* In the arena: a change keeps its texts after this returns (they were
     * buffers on this stack, and diff printed whatever was there later). */
    const char *od = o->date.year ? br_arena_printf(d->a, "%04d-%02d-%02d", o->date.year,
                                                    o->date.month, o->date.day) : NULL;
    const char *nd = n->date.year ? br_arena_printf(d->a, "%04d-%02d-%02d", n->date.year,
                                                    n->date.month, n->date.day) : NULL;
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
    diff_sections(&d);
}

/* ---- corrections ---- */

/* A status as a reader words it ("On track", "Better than target"), for a
 * correction line; the change keeps its name ("on_track") for export. */
static const char *status_words(const br_change *c, const char *name)
{
    if (!name || strcmp(c->field, "status") != 0)
        return name;
    bool ms = strcmp(c->item, "milestone") == 0;
    size_t n = ms ? BR_MS_COUNT : BR_STATUS_COUNT;
    for (size_t i = 0; i < n; i++) {
        const br_word *w = ms ? &br_vocab_ms_status[i] : &br_vocab_status[i];
        if (strcmp(w->export, name) == 0 || strcmp(w->yaml, name) == 0)
            return w->heading;
    }
    return name;
}

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
                                             status_words(c, c->old_text),
                                             status_words(c, c->new_text));
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

/* line names a word of c's field ("2019/20 Q2 value": the period or
 * "value"; a value may be called a figure), or c's new value: it says
 * what of the item changed. */
static bool names_what(const char *line, const br_change *c)
{
    if (c->new_text && names(line, c->new_text))
        return true;
    if (strstr(c->field, "value") && (names(line, "figure") || names(line, "figures")))
        return true;
    for (const char *w = c->field; *w;) {
        size_t n = strcspn(w, " ");
        char word[64];
        if (n > 0 && n < sizeof word) {
            memcpy(word, w, n);
            word[n] = '\0';
            if (names(line, word))
                return true;
        }
        w += n + (w[n] == ' ');
    }
    return false;
}

/* An id as letters then a number ("C12", "A-3"): its prefix length and
 * number; false when it ends in no number. */
static bool id_number(const char *id, size_t *prefix, long *number)
{
    size_t n = id ? strlen(id) : 0, k = n;
    while (k > 0 && isdigit((unsigned char)id[k - 1]))
        k--;
    if (k == n || n - k > 9)
        return false;
    *prefix = k;
    *number = strtol(id + k, NULL, 10);
    return true;
}

/* The dash or "to" between the ends of a range ("C12-C37", "C12 – C37",
 * "C12 to C37"): its length at p, or 0. */
static size_t range_dash(const char *p)
{
    static const char *const seps[] = {"-", "\u2013", "\u2014", " - ", " \u2013 ", " \u2014 ",
                                       " to "};
    size_t best = 0;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (strncasecmp(p, seps[i], strlen(seps[i])) == 0 && strlen(seps[i]) > best)
            best = strlen(seps[i]);
    return best;
}

/* Whether line names a range of ids that holds id ("C12-C37 added" holds
 * C20): the same prefix on the first end, on the second or not, and the
 * id's number between the two. */
static bool in_range(const char *line, const char *id)
{
    size_t pre;
    long num;
    if (!id_number(id, &pre, &num) || pre == 0)
        return false;
    for (const char *p = line; *p; p++) {
        if (strncasecmp(p, id, pre) != 0 || (p > line && isalnum((unsigned char)p[-1])) ||
            !isdigit((unsigned char)p[pre]))
            continue;
        char *end;
        long from = strtol(p + pre, &end, 10);
        size_t dash = range_dash(end);
        if (!dash)
            continue;
        const char *q = end + dash;
        if (strncasecmp(q, id, pre) == 0)
            q += pre;
        if (!isdigit((unsigned char)*q))
            continue;
        long to = strtol(q, &end, 10);
        if (!isalnum((unsigned char)*end) && from <= num && num <= to)
            return true;
    }
    return false;
}

/* A line mentions a change when it gives both the old and the new value,
 * or names the item (title, label or id) and, for a changed figure, what
 * changed (names_what): "Contacts: comment reworded" does not cover a
 * changed value of Contacts.  An item added or removed needs its name,
 * or a range of ids that holds its id ("Milestones C12-C37 added"). */
/* Whether line names c's item.  A finance row's label ("Q3 2012/13") is
 * shared by every table with a row for that quarter, so it names the row
 * only beside its table's title or id: a line about another table's Q3
 * row does not cover this one. */
static bool names_item(const char *line, const br_change *c)
{
    if (names(line, c->title) || in_range(line, c->id))
        return true;
    size_t nt = c->title ? strlen(c->title) : 0, nl = c->label ? strlen(c->label) : 0;
    bool row = c->item && strcmp(c->item, "finance") == 0 && nl && nt > nl + 2 &&
               strcmp(c->title + nt - nl, c->label) == 0 &&
               strncmp(c->title + nt - nl - 2, ": ", 2) == 0;
    if (!row)
        return names(line, c->label) || names(line, c->id);
    char *table = strndup(c->title, nt - nl - 2);
    bool named = names(line, c->label) && (names(line, c->id) || (table && names(line, table)));
    free(table);
    return named;
}

bool br_arc_mentioned(const br_change *c, const char *const *corrections, size_t ncorrections)
{
    bool whole = !c->old_text || !c->new_text;
    for (size_t i = 0; i < ncorrections; i++) {
        const char *line = corrections[i];
        bool named = names_item(line, c);
        if (named && (whole || names_what(line, c)))
            return true;
        if (!whole && names(line, c->old_text) && names(line, c->new_text))
            return true;
    }
    return false;
}
