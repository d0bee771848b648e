/* compose_tables.c — milestone, finance, commentary and generic tables. */
#include "compose_int.h"

#include <ctype.h>
#include <string.h>

#include "br_compute.h"
#include "br_limits.h"
#include "br_vocab.h"

/* ---- milestones ---- */

static const br_column default_ms_columns[] = {
    {.kind = (br_column_kind)BR_MSCOL_TITLE}, {.kind = (br_column_kind)BR_MSCOL_DUE},
    {.kind = (br_column_kind)BR_MSCOL_LEAD}, {.kind = (br_column_kind)BR_MSCOL_PARTNERS},
    {.kind = (br_column_kind)BR_MSCOL_PROGRESS},
    {.kind = (br_column_kind)BR_MSCOL_CORRECTIVE_ACTION}, {.kind = (br_column_kind)BR_MSCOL_STATUS}};

const br_column *br_compose_milestone_columns(const br_section *s, bool objective, size_t *n)
{
    const br_column *given = objective ? s->milestone_columns : s->columns;
    *n = objective ? s->nmilestone_columns : s->ncolumns;
    if (*n)
        return given;
    *n = sizeof default_ms_columns / sizeof *default_ms_columns;
    return default_ms_columns;
}

static const char *due_text(composer *c, const br_milestone *ms)
{
    const char *out = "";
    for (size_t i = 0; i < ms->ndue; i++) {
        const br_due *d = &ms->due[i];
        const char *one = d->date.year ? br_format_date(c->a, d->date, false) : d->text;
        if (d->note)    /* "(plan)" written with its brackets keeps them once */
            one = br_arena_printf(c->a, d->note[0] == '(' ? "%s %s" : "%s (%s)", one, d->note);
        out = i ? br_arena_printf(c->a, "%s\n%s", out, one) : one;
    }
    return out;
}

/* Initials, explained by a footnote the first time each appears (unless
 * the lead column's heading carries everyone's). */
static void lead_cell(composer *c, br_row *row, const br_milestone *ms)
{
    br_cell *cell = br_compose_cell_text(c, row, ms->lead, BR_ALIGN_LEFT);
    const br_keyed_text *p = ms->lead ? br_report_person(c->r, ms->lead) : NULL;
    if (!p || c->person_noted[p - c->r->people] ||
        br_people_note_of(c->r, c->t) == BR_PEOPLE_NOTE_HEADING)
        return;
    c->person_noted[p - c->r->people] = true;
    const char *key = br_arena_printf(c->a, "person:%s", p->key);
    br_footnote *f = br_doc_add_footnote(c->doc, key);
    br_rich_parse(c->a, &f->text, br_arena_printf(c->a, "%s: %s", p->key, p->text),
                  BR_FACE_REGULAR, p->loc);
    br_run *ref = br_rich_add(c->a, &cell->text, "", 0, BR_FACE_REGULAR);
    ref->footnote = key;
    ref->loc = ms->lead_loc;
}

/* people_note: heading: the lead column's heading carries one note that
 * lists everyone under people:, in their order ("JM: Jo Moxon, Assistant
 * Director Education; CP: Chris Pratt, ..."), made once and marked on
 * every table's lead heading. */
static void people_legend(composer *c, br_cell *heading, br_loc loc)
{
    const br_report *r = c->r;
    if (r->npeople == 0 || br_people_note_of(r, c->t) != BR_PEOPLE_NOTE_HEADING)
        return;
    if (!c->people_legend) {
        const char *text = "";
        for (size_t k = 0; k < r->npeople; k++)
            text = br_arena_printf(c->a, "%s%s%s: %s", text, k ? "; " : "", r->people[k].key,
                                   r->people[k].text);
        br_footnote *f = br_doc_add_footnote(c->doc, "people:");
        br_rich_parse(c->a, &f->text, text, BR_FACE_REGULAR, r->people[0].loc);
        c->people_legend = true;
    }
    br_run *ref = br_rich_add(c->a, &heading->text, "", 0, BR_FACE_REGULAR);
    ref->footnote = "people:";
    ref->loc = loc;
}

/* Overdue must show even in a table without a status column: the due
 * cell then carries the word. */
static void due_cell(composer *c, br_row *row, const br_milestone *ms, bool status_column)
{
    if (!ms->overdue || status_column) {
        br_compose_cell_text(c, row, due_text(c, ms), BR_ALIGN_LEFT);
        return;
    }
    br_cell *cell = br_compose_cell_rag(c, row, &c->t->overdue,
                             br_arena_printf(c->a, "%s\n%s", due_text(c, ms), c->t->overdue.label));
    cell->align = BR_ALIGN_LEFT;
}

static void ms_cell(composer *c, br_row *row, const br_milestone *ms, const br_column *col,
                    bool status_column)
{
    br_ms_column_kind kind = (br_ms_column_kind)col->kind;
    switch (kind) {
    case BR_MSCOL_ID: br_compose_cell_text(c, row, ms->id, BR_ALIGN_LEFT); break;
    case BR_MSCOL_REF: br_compose_cell_text(c, row, ms->ref ? ms->ref : ms->id, BR_ALIGN_LEFT); break;
    case BR_MSCOL_TITLE:
        br_compose_cell_ref_title(c, row, col->with_ref ? ms->ref : NULL, ms->title, ms->loc);
        break;
    case BR_MSCOL_DUE: due_cell(c, row, ms, status_column); break;
    case BR_MSCOL_LEAD: lead_cell(c, row, ms); break;
    case BR_MSCOL_PARTNERS: br_compose_cell_markup(c, row, ms->partners, ms->loc, BR_ALIGN_LEFT); break;
    case BR_MSCOL_PROGRESS: br_compose_cell_markup(c, row, ms->progress, ms->loc, BR_ALIGN_LEFT); break;
    case BR_MSCOL_CORRECTIVE_ACTION:
        br_compose_cell_markup(c, row, ms->corrective_action, ms->loc, BR_ALIGN_LEFT);
        break;
    case BR_MSCOL_STATUS:
        if (ms->overdue)
            br_compose_cell_rag(c, row, &c->t->overdue, NULL);
        else if (ms->has_status)
            br_compose_cell_rag(c, row, &c->t->milestone[ms->status], NULL);
        else
            br_compose_cell_text(c, row, "", BR_ALIGN_CENTER);
        break;
    default: break;
    }
}

void br_compose_milestone_table(composer *c, const br_section *s, const char *objective)
{
    br_ms_column_kind cols[BR_MAX_COLUMNS];
    size_t ncols;
    const br_column *spec = br_compose_milestone_columns(s, objective != NULL, &ncols);
    const br_column *given = objective ? s->milestone_columns : s->columns;
    size_t ngiven = objective ? s->nmilestone_columns : s->ncolumns;
    if (ncols > BR_MAX_COLUMNS)
        ncols = BR_MAX_COLUMNS;
    for (size_t i = 0; i < ncols; i++)
        cols[i] = (br_ms_column_kind)spec[i].kind;
    const char *caption = objective ? s->milestone_title : s->title;
    br_compose_add_caption(c, caption, s->loc);
    br_block *b = br_compose_new_table(c, s->loc, caption ? caption : "Key milestones", ncols);
    b->table.type = br_compose_table_type(c, "milestones", spec, ncols);
    for (size_t i = 0; i < ncols; i++) {
        bool wide = cols[i] == BR_MSCOL_TITLE || cols[i] == BR_MSCOL_PROGRESS ||
                    cols[i] == BR_MSCOL_CORRECTIVE_ACTION;
        b->table.cols[i].weight = wide ? 3 : 1;
        /* on a page a split row continues on, its owners name it too */
        b->table.cols[i].identifies = cols[i] == BR_MSCOL_LEAD || cols[i] == BR_MSCOL_PARTNERS;
    }
    bool status_column = false;
    for (size_t i = 0; i < ncols; i++)
        status_column = status_column || cols[i] == BR_MSCOL_STATUS;
    if (ngiven)
        br_compose_add_banner_row(c, &b->table, given, ngiven);
    br_row *head = br_table_add_row(c->a, &b->table, true);
    for (size_t i = 0; i < ncols; i++) {
        bool own = given && i < ngiven && given[i].heading;
        br_cell *cell;
        if (own)    /* the author's heading, with its markup ("Lead[^leads]"), as measure columns */
            cell = br_compose_cell_markup(c, head, given[i].heading, given[i].loc, BR_ALIGN_CENTER);
        else
            cell = br_compose_cell_text(c, head, c->t->milestone_headings[cols[i]], BR_ALIGN_CENTER);
        if (cols[i] == BR_MSCOL_LEAD)
            people_legend(c, cell, own ? given[i].loc : s->loc);
    }
    const char *last = NULL;
    size_t shown = 0;
    const br_report *r = c->r;
    const br_key_index *first = NULL;
    size_t n = objective ? br_key_range(r->milestone_objectives, r->nmilestone_objectives,
                                        objective, &first)
                         : r->nmilestones;
    for (size_t i = 0; i < n; i++) {
        const br_milestone *ms = &r->milestones[objective ? first[i].index : i];
        if (!objective && !br_selection_has_milestone(&s->select, ms))
            continue;
        br_compose_group_change(c, &b->table, ms->group, last, ms->group, ncols);
        last = ms->group;
        br_row *row = br_table_add_row(c->a, &b->table, false);
        for (size_t k = 0; k < ncols; k++)
            ms_cell(c, row, ms, &spec[k], status_column);
        shown++;
    }
    if (!shown)
        c->doc->nblocks--;
}

/* A commentary entry's heading: its title (else its objective's, as the
 * profile prints it), then its subtitle in italics in brackets; a
 * subtitle alone is the heading, in italics.  NULL when the entry has
 * none of these.  A subtitle the author already wrote in italics (*...*)
 * keeps them: wrapping it again would make it bold (**...**). */
static const char *commentary_heading(composer *c, const br_commentary *cm)
{
    const char *title = cm->title;
    for (size_t i = 0; !title && cm->objective && i < c->r->nobjectives; i++)
        if (strcmp(c->r->objectives[i].id, cm->objective) == 0)
            title = c->r->objectives[i].title;
    if (!cm->subtitle)
        return title;
    size_t n = strlen(cm->subtitle);
    bool italic = n > 2 && cm->subtitle[0] == '*' && cm->subtitle[1] != '*' &&
                  cm->subtitle[n - 1] == '*' && cm->subtitle[n - 2] != '*' &&
                  !memchr(cm->subtitle + 1, '*', n - 2);
    if (!title)
        return italic ? cm->subtitle : br_arena_printf(c->a, "*%s*", cm->subtitle);
    return br_arena_printf(c->a, italic ? "%s (%s)" : "%s (*%s*)", title, cm->subtitle);
}

/* ---- finance ---- */

/* A percent figure carries its sign ("-2.0%"); money figures go bare,
 * their units in the heading. */
static void amount_cell(composer *c, br_row *row, const br_fin_amount *a, br_fin_split split)
{
    const char *text = a->set ? br_format_number(c->a, a->value, a->decimals,
                                                 &c->t->finance_numbers) : "";
    if (a->set && split == BR_FIN_PERCENT)
        text = br_arena_printf(c->a, "%s%%", text);
    br_compose_cell_text(c, row, text, BR_ALIGN_RIGHT);
}

/* The figures the table prints, in order: those columns: names, else
 * every column's every split. */
static size_t table_figures(const br_finance *f, br_fin_figure *out)
{
    if (f->flat) {
        memcpy(out, f->figures, f->nfigures * sizeof *out);
        return f->nfigures;
    }
    size_t n = 0;
    for (size_t k = 0; k < f->ncolumns; k++)
        for (size_t j = 0; j < f->nsplit; j++)
            out[n++] = (br_fin_figure){f->columns[k], f->split[j]};
    return n;
}

/* The row's amounts; the net variance coloured (with its letter) when its
 * status (br_variance_status) is amber or red: a favourable or small
 * variance carries no colour. */
/* A status's colour as a word with a capital: "Amber". */
static const char *colour_word(composer *c, br_status status)
{
    char *word = br_arena_strdup(c->a, BR_VOCAB_WORD(br_vocab_status, status)->yaml);
    word[0] = (char)toupper((unsigned char)word[0]);
    return word;
}

static void amount_cells(composer *c, br_row *row, const br_finance *f,
                         const br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS], br_status status)
{
    bool adverse = status == BR_STATUS_AMBER || status == BR_STATUS_RED;
    br_fin_figure figs[BR_FIN_NCOLS * BR_FIN_NSPLITS];
    size_t n = table_figures(f, figs);
    for (size_t k = 0; k < n; k++) {
        const br_fin_amount *x = &a[figs[k].column][figs[k].split];
        bool coloured = adverse && figs[k].column == BR_FIN_VARIANCE && figs[k].split == BR_FIN_NET;
        if (!coloured) {
            amount_cell(c, row, x, figs[k].split);
            continue;
        }
        /* The colour's word, never its letter alone (WCAG 1.4.1: colour is
         * not the only signal), hanging after its amount outside the
         * column's alignment: "-512 (Amber)" ends its figure where "81"
         * does. */
        const br_rag_style *rs = &c->t->status[status];
        const char *num = br_format_number(c->a, x->value, x->decimals, &c->t->finance_numbers);
        br_cell *cell = br_compose_cell_rag(c, row, rs, num);
        cell->align = BR_ALIGN_RIGHT;
        br_compose_hang_word(c, cell, colour_word(c, status));
    }
}

static const char *column_heading(composer *c, const br_finance *f, br_fin_column col)
{
    return f->column_headings[col] ? f->column_headings[col] : c->t->finance_headings[col];
}

/* A figure's heading: the author's for it, else its split's heading and
 * the units ("Net £000's"), else (flat, one header row) its column's too
 * ("Budget Net £000's"). */
static const char *figure_heading(composer *c, const br_finance *f, br_fin_figure fig)
{
    if (f->figure_headings[fig.column][fig.split])
        return f->figure_headings[fig.column][fig.split];
    const char *split = f->split_headings[fig.split] ? f->split_headings[fig.split]
                                                      : c->t->split_headings[fig.split];
    /* a percent is of no money unit: "Variance %", never "% £m" */
    const char *units = fig.split == BR_FIN_PERCENT ? "" : BR_VOCAB_WORD(br_vocab_unit, f->units)->heading;
    if (f->flat && !*units)
        return br_arena_printf(c->a, "%s %s", column_heading(c, f, fig.column), split);
    if (!*units)
        return split;
    if (f->flat)
        return br_arena_printf(c->a, "%s %s %s", column_heading(c, f, fig.column), split, units);
    return br_arena_printf(c->a, "%s %s", split, units);
}

/* Grouped: each column's heading over its splits', two rows.  Flat (the
 * columns name figures): one row, a heading per figure. */
static void finance_headers(composer *c, br_table *table, const br_finance *f)
{
    const char *label = f->label_heading ? f->label_heading : "";
    br_row *h1 = br_table_add_row(c->a, table, true);
    br_row *h2 = f->flat ? h1 : br_table_add_row(c->a, table, true);
    br_compose_cell_markup(c, h1, label, f->loc, BR_ALIGN_LEFT);
    if (!f->flat)
        br_compose_cell_text(c, h2, "", BR_ALIGN_LEFT);
    br_fin_figure figs[BR_FIN_NCOLS * BR_FIN_NSPLITS];
    size_t n = table_figures(f, figs);
    for (size_t i = 0; i < n; i++) {
        if (!f->flat && i % f->nsplit == 0)
            br_compose_cell_text(c, h1, column_heading(c, f, figs[i].column),
                                 BR_ALIGN_CENTER)->span = (int)f->nsplit;
        br_compose_cell_markup(c, h2, figure_heading(c, f, figs[i]), f->loc, BR_ALIGN_CENTER);
    }
    if (f->status_column) {     /* last, its heading on the top row as the label's */
        br_compose_cell_markup(c, h1, f->status_heading ? f->status_heading
                                                        : c->t->finance_status_heading,
                               f->loc, BR_ALIGN_CENTER);
        if (!f->flat)
            br_compose_cell_text(c, h2, "", BR_ALIGN_CENTER);
    }
}

/* A row's stated status in the status column, on its fill: its colour's
 * word ("Amber"), as the table's variances print it, or for no data or no
 * target the template's word. */
static void status_cell(composer *c, br_row *row, const br_finance *f, const br_fin_row *r)
{
    if (!f->status_column)
        return;
    if (!r || !r->has_status) {
        br_compose_cell_text(c, row, "", BR_ALIGN_CENTER);
        return;
    }
    br_status s = r->stated_status;
    bool rag = s == BR_STATUS_GREEN || s == BR_STATUS_AMBER || s == BR_STATUS_RED;
    br_compose_cell_rag(c, row, &c->t->status[s], rag ? colour_word(c, s) : NULL);
}

/* The given figures are printed even where the rows, rounded, do not add
 * up to them exactly; the reader is told so, once per table. */
static void rounding_note(composer *c, const br_finance *f, br_cell *cell)
{
    const char *words = f->rounding_note ? f->rounding_note : c->t->rounding_note;
    if (!*words)
        return;     /* rounding_note: false: the paper says it elsewhere, or not at all */
    const char *key = br_arena_printf(c->a, "finance-rounding:%s", f->id);
    br_footnote *fn = br_doc_add_footnote(c->doc, key);
    br_rich_parse(c->a, &fn->text, words, BR_FACE_REGULAR, f->loc);
    br_run *ref = br_rich_add(c->a, &cell->text, "", 0, BR_FACE_REGULAR);
    ref->footnote = key;
    ref->loc = f->loc;
}

void br_compose_finance_table(composer *c, const br_section *s)
{
    const br_finance *f = s->finance;
    if (!f)
        return;
    const char *title = s->title ? s->title : f->title;
    br_compose_add_caption(c, title, s->loc);
    br_fin_figure figs[BR_FIN_NCOLS * BR_FIN_NSPLITS];
    size_t ncols = 1 + table_figures(f, figs) + f->status_column;
    /* Untitled, it is the heading's (so "… (continued)" where it runs on),
     * even straight after another table: its label column's heading
     * ("Education" over "Children & Families") names it where it starts. */
    const char *caption = title ? title : c->heading ? c->heading
                        : f->label_heading ? f->label_heading : "Finance";
    br_block *b = br_compose_new_table(c, s->loc, caption, ncols);
    b->table.cols[0].weight = 3;
    /* figure columns, even one with no figure yet: its header goes over
     * where its figures would */
    for (size_t i = 1; i < ncols; i++)
        b->table.cols[i].align = BR_ALIGN_RIGHT;
    if (f->status_column)
        b->table.cols[ncols - 1].align = BR_ALIGN_CENTER;
    for (size_t i = 0; i < s->nwidths && i < ncols; i++)   /* the author's, so stacked tables line up */
        b->table.cols[i].width = s->widths[i] * 72.0 / 25.4;
    finance_headers(c, &b->table, f);
    for (size_t i = 0; i < f->nrows; i++) {
        const br_fin_row *r = &f->rows[i];
        if (r->heading) {
            br_compose_add_group_row(c, &b->table, r->label, ncols);
            continue;
        }
        br_row *row = br_table_add_row(c->a, &b->table, false);
        br_cell *label = br_compose_cell_markup(c, row, r->label, r->loc, BR_ALIGN_LEFT);
        if (r->note) {
            const char *key = br_arena_printf(c->a, "finance:%s:%zu", f->id, i);
            br_footnote *fn = br_doc_add_footnote(c->doc, key);
            br_rich_parse(c->a, &fn->text, r->note, BR_FACE_REGULAR, r->loc);
            br_run *ref = br_rich_add(c->a, &label->text, "", 0, BR_FACE_REGULAR);
            ref->footnote = key;
            ref->loc = r->loc;
        }
        amount_cells(c, row, f, r->amounts, r->variance_status);
        status_cell(c, row, f, r);
    }
    if (f->total_label) {
        br_row *row = br_table_add_row(c->a, &b->table, false);
        row->kind = BR_ROW_TOTAL;
        br_cell *label = br_compose_cell_text(c, row, f->total_label, BR_ALIGN_LEFT);
        if (f->rounding)
            rounding_note(c, f, label);
        amount_cells(c, row, f, f->total, f->total_variance_status);
        status_cell(c, row, f, NULL);
    } else if (f->rounding) {
        rounding_note(c, f, &b->table.rows[0].cells[0]);
    }
}

/* ---- commentary ---- */

void br_compose_commentary(composer *c, const br_section *s)
{
    if (s->title) {
        br_compose_add_heading(c, 1, s->title, s->loc);
    }
    for (size_t i = 0; i < c->r->ncommentary; i++) {
        const br_commentary *cm = &c->r->commentary[i];
        if (!br_selection_has_commentary(&s->select, cm))
            continue;
        const char *heading = commentary_heading(c, cm);
        const br_rag_style *rs = cm->has_rag ? &c->t->status[cm->rag] : NULL;
        if (heading) {
            br_block *h = br_compose_add_heading(c, 2, heading, cm->loc);
            /* the paper's one word for the status (the template's label),
             * as the profile's Status cell prints it */
            if (rs)
                h->tag = (br_tag){rs->label, rs->fill, rs->text};
        }
        const char *p = cm->text;
        /* no heading to carry the RAG: its word leads the text */
        if (!heading && rs)
            p = br_arena_printf(c->a, "**%s:** %s", rs->label, p);
        while (*p) {
            const char *end = strstr(p, "\n\n");
            size_t len = end ? (size_t)(end - p) : strlen(p);
            char *para = br_arena_strndup(c->a, p, len);
            br_compose_join_lines(para);
            br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
            b->loc = cm->loc;
            br_rich_parse(c->a, &b->text, para, BR_FACE_REGULAR, cm->loc);
            p += len;
            while (*p == '\n')
                p++;
        }
    }
}

/* ---- generic table ---- */

/* Whether a cell's words are a figure ("4%", "£1.2m"), its markup and
 * footnote references aside ("**4%**[^hr]"). */
static bool rich_is_figure(composer *c, const br_rich *text)
{
    const char *s = "";
    for (size_t i = 0; i < text->nruns; i++)
        if (!text->runs[i].footnote && !text->runs[i].superscript)
            s = br_arena_printf(c->a, "%s%.*s", s, (int)text->runs[i].len,
                                text->runs[i].text ? text->runs[i].text : "");
    return br_format_looks_like_figure(s);
}

/* A body cell written as a plain number prints as measure values do
 * ("5687" -> "5,687"); a header's, or a quoted one ('2012'), as written.
 * A number, or words that are a figure once their markup and footnote
 * references are set aside ("4%[^hr]"), go on the right. */
static void tcell(composer *c, br_row *row, const br_tcell *tc, bool header)
{
    const char *text = tc->text;
    if (tc->is_number && !header)
        text = br_format_number(c->a, tc->number, tc->decimals, &c->t->numbers);
    br_cell *cell;
    if (tc->has_rag)
        cell = br_compose_cell_rag(c, row, &c->t->status[tc->rag], *text ? text : NULL);
    else if (text != tc->text)
        cell = br_compose_cell_text(c, row, text, BR_ALIGN_RIGHT);
    else {
        cell = br_compose_cell_markup(c, row, tc->text, tc->loc, BR_ALIGN_LEFT);
        if (rich_is_figure(c, &cell->text))
            cell->align = BR_ALIGN_RIGHT;
    }
    if (tc->has_align)
        cell->align = tc->align;
    cell->span = tc->span;
    cell->bold = tc->bold;
}

/* The name of a generic table with no title (its caption straight after
 * another table, where it would read as part of it: see
 * br_compose_untitled_caption): what its first column names, its heading
 * when it has one ("Project"), else the one row of a table of one row
 * ("Quality of Cases Audited" over the scorecard's I / RI / G / O
 * figures; a row of one cell across the table is a note or key, not a
 * row), else "Table". */
static const char *untitled_name(const br_section *s)
{
    if (s->nheader && s->header[0].ncells && s->header[0].cells[0].text &&
        *s->header[0].cells[0].text && !s->header[0].cells[0].is_number)
        return s->header[0].cells[0].text;
    size_t body = 0, ncols = br_table_columns(s);
    const br_trow *only = NULL;
    for (size_t i = 0; i < s->nrows; i++) {
        const br_trow *r = &s->rows[i];
        if (!r->heading && !r->total && r->ncells && (size_t)r->cells[0].span < ncols)
            body++, only = r;
    }
    if (body == 1 && only->ncells && only->cells[0].text && *only->cells[0].text &&
        !only->cells[0].is_number)
        return only->cells[0].text;
    return "Table";
}

void br_compose_generic_table(composer *c, const br_section *s)
{
    size_t ncols = br_table_columns(s);
    if (!ncols)
        ncols = 1;
    br_compose_add_caption(c, s->title, s->loc);
    /* An untitled table's caption prints where it starts unless it repeats
     * the heading it is under (layout: caption_at_start). */
    const char *caption = s->title ? s->title : br_compose_untitled_caption(c, untitled_name(s));
    br_block *b = br_compose_new_table(c, s->loc, caption, ncols);
    for (size_t i = 0; i < s->nwidths && i < ncols; i++)
        b->table.cols[i].width = s->widths[i] * 72.0 / 25.4;
    for (size_t i = 0; i < s->nheader; i++) {
        br_row *row = br_table_add_row(c->a, &b->table, true);
        for (size_t k = 0; k < s->header[i].ncells; k++)
            tcell(c, row, &s->header[i].cells[k], true);
    }
    for (size_t i = 0; i < s->nrows; i++) {
        const br_trow *tr = &s->rows[i];
        if (tr->heading) {
            br_compose_add_group_row(c, &b->table, tr->heading, ncols);
            continue;
        }
        br_row *row = br_table_add_row(c->a, &b->table, false);
        row->kind = tr->total ? BR_ROW_TOTAL : BR_ROW_BODY;
        for (size_t k = 0; k < tr->ncells; k++)
            tcell(c, row, &tr->cells[k], false);
    }
}
