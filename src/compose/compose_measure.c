/* compose_measure.c — measure tables and the summary of statuses. */
#include "compose_int.h"

#include <string.h>

#include "br_compute.h"
#include "br_vocab.h"
#include "br_period.h"

static const br_column default_columns[] = {
    {.kind = BR_COL_TITLE}, {.kind = BR_COL_VALUE}, {.kind = BR_COL_TARGET},
    {.kind = BR_COL_STATUS}, {.kind = BR_COL_TREND}};

const br_column *br_compose_measure_columns(const br_section *s, size_t *n)
{
    if (s->ncolumns) {
        *n = s->ncolumns;
        return s->columns;
    }
    *n = sizeof default_columns / sizeof *default_columns;
    return default_columns;
}

/* {date} in a heading is the paper's "as at" date when it gives one, else
 * the report period's end ("Actual (as at {date})"). */
static const char *with_date(composer *c, const char *h)
{
    const br_report *r = c->r;
    const char *at = strstr(h, "{date}");
    if (!at)
        return h;
    const char *date = r->as_at.year ? br_format_date(c->a, r->as_at, true)
                     : r->period == BR_NONE ? ""
                     : br_format_date(c->a, r->periods[r->period].end, true);
    return br_arena_printf(c->a, "%.*s%s%s", (int)(at - h), h, date, at + strlen("{date}"));
}

/* The template's heading for a column (a section's own heading first,
 * each with its {date}). */
static const char *column_heading(composer *c, const br_column *col)
{
    const br_report *r = c->r;
    if (col->heading)
        return with_date(c, col->heading);
    if (col->kind == BR_COL_PERIOD)
        return br_period_name(&r->periods[col->period]);
    if (col->kind == BR_COL_COMPARATOR)
        return col->name;
    if (col->kind == BR_COL_TARGET && col->has_target_period)
        return br_arena_printf(c->a, "%s %s", c->t->measure_headings[BR_COL_TARGET],
                               col->target_period.id);
    return with_date(c, (unsigned)col->kind < BR_COL_COUNT ? c->t->measure_headings[col->kind] : "");
}

const char *br_compose_trend_text(composer *c, br_trend trend)
{
    /* Arrows the bundled font has: performance direction, or the value's
     * direction for data-only measures. */
    static const char *const arrows[BR_TREND_COUNT] = {"", "↑", "↓", "↔", "↕", "↑", "↓"};
    const char *word = c->t->trend_words[trend];
    switch (c->t->trend_display) {
    case BR_TREND_ARROWS:
        return arrows[trend];
    case BR_TREND_BOTH:
        return trend == BR_TREND_NONE ? word : br_arena_printf(c->a, "%s %s", arrows[trend], word);
    default:
        return word;
    }
}

/* A change column's places: the measure's change_decimals:, else one. */
static int change_places(const br_measure *m)
{
    return m->change_decimals >= 0 ? m->change_decimals : 1;
}

static const char *value_text(composer *c, const br_measure *m, const br_value *v)
{
    return br_format_value(c->a, v, m->unit, m->decimals, false, &c->t->numbers);
}

/* A range target as its band: "20–30%", each end to the places status
 * judges it at (the measure's decimals:, else as written). */
static const char *range_text(composer *c, const br_measure *m)
{
    br_value lo = {.kind = BR_VALUE_NUMBER, .number = m->range_lo,
                   .decimals = br_format_written_places(m->range_lo)};
    br_value hi = {.kind = BR_VALUE_NUMBER, .number = m->range_hi,
                   .decimals = br_format_written_places(m->range_hi)};
    return br_arena_printf(c->a, "%s–%s",
                           br_format_value(c->a, &lo, BR_UNIT_NUMBER, m->decimals, false,
                                           &c->t->numbers),
                           value_text(c, m, &hi));
}

/* The value of period p, with its note as a footnote reference. */
static void value_cell(composer *c, br_row *row, const br_measure *m, size_t p, bool latest)
{
    const char *text = latest && m->display ? m->display : value_text(c, m, &m->values[p]);
    br_cell *cell = br_compose_cell_markup(c, row, text, m->values[p].loc, BR_ALIGN_RIGHT);
    if (m->notes[p]) {
        br_compose_note_printed(c, m, p);
        const char *key = br_arena_printf(c->a, "note:%s:%s", m->id, c->r->periods[p].id);
        br_footnote *f = br_doc_add_footnote(c->doc, key);
        br_rich_parse(c->a, &f->text, m->notes[p], BR_FACE_REGULAR, m->loc);
        br_run *ref = br_rich_add(c->a, &cell->text, "", 0, BR_FACE_REGULAR);
        ref->footnote = key;
        ref->loc = m->loc;
    }
}

static void comparator_cell(composer *c, br_row *row, const br_measure *m, const char *name)
{
    for (size_t i = 0; i < m->ncomparators; i++) {
        const br_comparator *cmp = &m->comparators[i];
        if (strcmp(cmp->name, name) != 0)
            continue;
        const char *text = value_text(c, m, &cmp->value);
        if (cmp->note)
            text = br_arena_printf(c->a, "%s %s", text, cmp->note);
        if (!cmp->has_rag) {
            br_compose_cell_markup(c, row, text, cmp->loc, BR_ALIGN_RIGHT);
            return;
        }
        /* The RAG word in brackets, as the 2012 papers print "79.8% (Amber)". */
        const br_rag_style *rs = &c->t->status[cmp->rag];
        br_cell *cell = br_compose_cell_rag(c, row, rs, "");
        cell->text.nruns = 0;
        br_rich_parse(c->a, &cell->text, text, BR_FACE_REGULAR, cmp->loc);
        br_compose_hang_word(c, cell, rs->label);
        return;
    }
    br_compose_cell_text(c, row, "", BR_ALIGN_RIGHT);
}

/* A numeric target as the bound it is, when the column asks: "≥60%" where
 * bigger is better, "≤10%" where smaller is (a range, data only, words
 * such as TBD and the author's own printed form print as they are). */
static const char *bound_text(composer *c, const br_measure *m, const br_column *col,
                              const br_value *v, const char *text)
{
    if (!col->with_direction || v->kind != BR_VALUE_NUMBER || !*text)
        return text;
    if (m->polarity == BR_POLARITY_HIGHER)
        return br_arena_printf(c->a, "\u2265%s", text);
    if (m->polarity == BR_POLARITY_LOWER)
        return br_arena_printf(c->a, "\u2264%s", text);
    return text;
}

/* The target as the author wrote it once: its printed form (or the
 * number), then its note ("78% (July 12)").  A target:<period> column
 * shows that period's figure of a profiled target. */
static void target_cell(composer *c, br_row *row, const br_measure *m, const br_column *col)
{
    if (col->has_target_period) {
        br_value v = {0};
        if (m->ntarget_by)
            br_period_value_at(m->target_by, m->ntarget_by, &col->target_period, &v);
        else
            v = m->target;
        br_compose_cell_markup(c, row, bound_text(c, m, col, &v, value_text(c, m, &v)), v.loc,
                               BR_ALIGN_RIGHT);
        return;
    }
    if (m->polarity == BR_POLARITY_RANGE && m->has_range && m->target.kind == BR_VALUE_NONE &&
        !m->target_display) {
        br_compose_cell_text(c, row, range_text(c, m), BR_ALIGN_RIGHT);
        return;
    }
    const char *text = m->target_display ? m->target_display
                                         : bound_text(c, m, col, &m->target, value_text(c, m, &m->target));
    if (m->target_note)
        text = *text ? br_arena_printf(c->a, "%s %s", text, m->target_note) : m->target_note;
    br_compose_cell_markup(c, row, text, m->target.loc, BR_ALIGN_RIGHT);
}

static void append_text(composer *c, br_cell *cell, const char *text)
{
    br_rich_add(c->a, &cell->text, text, strlen(text), BR_FACE_REGULAR);
}

/* The latest figure up to the report period; one from an earlier period
 * says which ("4% (as at 2018/19 Q4)"), so it is never taken for the
 * report period's. */
static void latest_cell(composer *c, br_row *row, const br_measure *m)
{
    size_t p = c->r->period;
    size_t at = m->latest;
    if (at == BR_NONE || at == p) {
        value_cell(c, row, m, p == BR_NONE ? 0 : p, true);
        return;
    }
    value_cell(c, row, m, at, false);
    br_cell *cell = &row->cells[row->ncells - 1];
    append_text(c, cell, br_arena_printf(c->a, " (as at %s)", br_period_name(&c->r->periods[at])));
}

/* The status word as m's cells print it: a set RAG that rests on an
 * earlier period's figure, the report period having none, says which
 * ("Better than target (as at 2018/19 Q4)"), as the latest column does;
 * `sep` goes between the word and the period (a status column sets the
 * period on a line of its own, so the column is as wide as its words). */
static const char *status_label(composer *c, const br_measure *m, const char *sep)
{
    const char *label = c->t->status[m->status].label;
    if (!m->status_on_latest)
        return label;
    return br_arena_printf(c->a, "%s%s(as at %s)", label, sep,
                           br_period_name(&c->r->periods[m->latest]));
}

/* The status colour and word on a cell that shows something else (the
 * target, a comparator): "78% (July 12) (Green)". */
static void add_status(composer *c, br_cell *cell, const br_measure *m)
{
    const br_rag_style *rs = &c->t->status[m->status];
    cell->has_fill = true;
    cell->fill = rs->fill;
    cell->has_color = true;
    cell->color = rs->text;
    br_compose_hang_word(c, cell, status_label(c, m, " "));
}

static void measure_cell(composer *c, br_row *row, const br_measure *m, const br_column *col)
{
    const br_template *t = c->t;
    const br_report *r = c->r;
    switch (col->kind) {
    case BR_COL_TITLE:
        br_compose_cell_ref_title(c, row, col->with_ref ? m->ref : NULL, m->title, m->loc);
        break;
    case BR_COL_VALUE:
        if (r->period != BR_NONE)
            value_cell(c, row, m, r->period, true);
        else
            br_compose_cell_text(c, row, "", BR_ALIGN_RIGHT);
        break;
    case BR_COL_PERIOD: value_cell(c, row, m, col->period, col->period == r->period); break;
    case BR_COL_TARGET: target_cell(c, row, m, col); break;
    case BR_COL_LATEST: latest_cell(c, row, m); break;
    case BR_COL_REF: br_compose_cell_text(c, row, m->ref ? m->ref : "", BR_ALIGN_LEFT); break;
    case BR_COL_TOLERANCE:
        br_compose_cell_markup(c, row, value_text(c, m, &m->tolerance), m->tolerance.loc, BR_ALIGN_RIGHT);
        break;
    case BR_COL_POLARITY: br_compose_cell_text(c, row, t->polarity_words[m->polarity], BR_ALIGN_LEFT); break;
    case BR_COL_FREQUENCY: br_compose_cell_text(c, row, t->frequency_words[m->frequency], BR_ALIGN_LEFT); break;
    case BR_COL_BENCHMARK:
        br_compose_cell_text(c, row, m->benchmark < 0 ? "" : m->benchmark ? t->yes_word : t->no_word, BR_ALIGN_CENTER);
        break;
    case BR_COL_COMPARATOR: comparator_cell(c, row, m, col->name); break;
    case BR_COL_STATUS: br_compose_cell_rag(c, row, &t->status[m->status], status_label(c, m, "\n")); break;
    case BR_COL_TREND:
        br_compose_cell_text(c, row, m->trend_text ? m->trend_text : br_compose_trend_text(c, m->trend), BR_ALIGN_LEFT);
        break;
    case BR_COL_CHANGE_PREVIOUS:
        br_compose_cell_text(c, row, m->has_change_previous ? br_format_change(c->a, m->change_previous, change_places(m)) : "",
                  BR_ALIGN_RIGHT);
        break;
    case BR_COL_CHANGE_YEAR:
        br_compose_cell_text(c, row, m->has_change_year ? br_format_change(c->a, m->change_year, change_places(m)) : "",
                  BR_ALIGN_RIGHT);
        break;
    case BR_COL_COMMENT: br_compose_cell_markup(c, row, m->comment, m->loc, BR_ALIGN_LEFT); break;
    case BR_COL_SPARKLINE:
        br_compose_cell_text(c, row, "", BR_ALIGN_CENTER)->chart = br_compose_sparkline(c, m);
        break;
    default: br_compose_cell_text(c, row, "", BR_ALIGN_LEFT); break;
    }
    /* Only a RAG colours the cell: a row with no data or no target (a
     * target of TBD) prints its figure plainly, as the paper does. */
    if (col->with_status && (m->status == BR_STATUS_RED || m->status == BR_STATUS_AMBER ||
                             m->status == BR_STATUS_GREEN))
        add_status(c, &row->cells[row->ncells - 1], m);
}

/* Words read from the left, status and yes/no sit centred, figures line up
 * on the right. */
static br_align column_align(br_column_kind kind)
{
    switch (kind) {
    case BR_COL_TITLE:
    case BR_COL_REF:
    case BR_COL_COMMENT:
    case BR_COL_POLARITY:
    case BR_COL_FREQUENCY:
    case BR_COL_TREND:
        return BR_ALIGN_LEFT;
    case BR_COL_BENCHMARK:
    case BR_COL_STATUS:
    case BR_COL_SPARKLINE:
        return BR_ALIGN_CENTER;
    default:
        return BR_ALIGN_RIGHT;
    }
}

/* The financial year (or calendar year of a month) a period column falls
 * in, for the spanning top header row; NULL for other columns. */
static const char *period_year(composer *c, const br_column *col)
{
    if (col->kind != BR_COL_PERIOD)
        return NULL;
    const br_period *p = &c->r->periods[col->period];
    if (p->kind == BR_PERIOD_QUARTER)
        return br_arena_printf(c->a, "%d/%02d", p->year, (p->year + 1) % 100);
    if (p->kind == BR_PERIOD_MONTH)
        return br_arena_printf(c->a, "%d", p->year);
    return NULL;
}

/* Whether the author's own innermost banner over a period column is its
 * year (banner: "2019/20"): the year is then printed once, theirs. */
static bool banner_is_year(composer *c, const br_column *col)
{
    const char *y = period_year(c, col);
    return y && col->nbanners && strcmp(col->banner[col->nbanners - 1], y) == 0;
}

/* The year the automatic year row prints over a column, or NULL. */
static const char *year_over(composer *c, const br_column *col)
{
    return banner_is_year(c, col) ? NULL : period_year(c, col);
}

static const char *period_short(composer *c, const br_column *col)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const br_period *p = &c->r->periods[col->period];
    if (col->heading)
        return col->heading;
    if (p->kind == BR_PERIOD_QUARTER)
        return br_arena_printf(c->a, "Q%d", p->sub);
    if (p->kind == BR_PERIOD_MONTH)
        return months[p->sub - 1];
    return p->id;
}

/* A column's banner on banner row `level`, the top row 0: its first
 * (outermost) banner is on the top row, as a list of banners reads; NULL:
 * none there. */
static const char *banner_at(const br_column *col, size_t level)
{
    return level < col->nbanners ? col->banner[level] : NULL;
}

/* Whether two columns share their banners from the top down to `level`:
 * a banner spans only columns that sit under the same banners above it. */
static bool same_banners(const br_column *x, const br_column *y, size_t level)
{
    for (size_t k = 0; k <= level; k++) {
        const char *a = banner_at(x, k), *b = banner_at(y, k);
        if (!a || !b || strcmp(a, b) != 0)
            return false;
    }
    return true;
}

void br_compose_add_banner_row(composer *c, br_table *table, const br_column *cols, size_t ncols)
{
    size_t depth = 0;
    for (size_t i = 0; i < ncols; i++)
        depth = cols[i].nbanners > depth ? cols[i].nbanners : depth;
    for (size_t level = 0; level < depth; level++) {
        br_row *row = br_table_add_row(c->a, table, true);
        for (size_t i = 0; i < ncols;) {
            size_t span = 1;
            while (i + span < ncols && same_banners(&cols[i], &cols[i + span], level))
                span++;
            const char *text = banner_at(&cols[i], level);
            br_compose_cell_markup(c, row, text ? text : "", cols[i].loc, BR_ALIGN_CENTER)->span =
                (int)span;
            i += span;
        }
    }
}

/* One header row, or two when period columns share a year: the year spans
 * its quarters ("2018/19" over Q1 Q2 Q3 Q4), as the real papers print it.
 * Banners written on the columns go above both. */
static void add_measure_header(composer *c, br_table *table, const br_column *cols, size_t ncols)
{
    br_compose_add_banner_row(c, table, cols, ncols);
    bool two_rows = false;
    for (size_t i = 0; i + 1 < ncols; i++) {
        const char *y = year_over(c, &cols[i]), *next = year_over(c, &cols[i + 1]);
        two_rows = two_rows || (y && next && strcmp(y, next) == 0);
    }
    br_row *top = two_rows ? br_table_add_row(c->a, table, true) : NULL;
    br_row *head = br_table_add_row(c->a, table, true);
    for (size_t i = 0; i < ncols;) {
        const char *y = top ? year_over(c, &cols[i]) : NULL;
        size_t span = 1;
        while (top && i + span < ncols) {
            const char *next = year_over(c, &cols[i + span]);
            if (y ? !next || strcmp(y, next) != 0 : next != NULL)
                break;
            span++;
        }
        if (top)
            br_compose_cell_text(c, top, y ? y : "", BR_ALIGN_CENTER)->span = (int)span;
        for (size_t k = i; k < i + span; k++) {
            bool short_ = cols[k].kind == BR_COL_PERIOD && (top || banner_is_year(c, &cols[k]));
            const char *text = short_ ? period_short(c, &cols[k]) : column_heading(c, &cols[k]);
            br_compose_cell_markup(c, head, text, cols[k].loc, BR_ALIGN_CENTER);
        }
        i += span;
    }
}

static const char *group_key(const br_measure *m, const char *group_by)
{
    if (!group_by)
        return NULL;
    return br_measure_group_key(m, group_by);
}

/* What a group bar says: a kind's label from kinds:, an objective's title
 * from objectives:, else the key as written with a capital first letter. */
const char *br_compose_group_label(composer *c, const char *key, const char *group_by)
{
    const br_report *r = c->r;
    if (!key || strcmp(key, BR_SUMMARY_NO_GROUP) == 0)
        return c->t->summary_headings[BR_SUMMARY_OTHER];
    if (strcmp(group_by, "kind") == 0)
        for (size_t i = 0; i < r->nkinds; i++)
            if (strcmp(r->kinds[i].key, key) == 0)
                return r->kinds[i].text;
    const br_objective_entry *e;
    if (strcmp(group_by, "objective") == 0 && (e = br_report_objective_entry(r, key)))
        return br_arena_printf(c->a, "%s. %s", key, e->title);
    if (key[0] >= 'a' && key[0] <= 'z')
        return br_arena_printf(c->a, "%c%s", key[0] - 'a' + 'A', key + 1);
    return key;
}

/* The name of a measure table with no title (its caption straight after
 * another table, where it would read as part of it: see
 * br_compose_untitled_caption): the one kind its selection picks, as
 * kinds: names it ("Strategic measures" when kinds: does not); else its
 * one group or objective; else "Measures". */
static const char *untitled_name(composer *c, const br_selection *sel)
{
    if (sel->kind.n == 1) {
        const char *k = sel->kind.items[0];
        for (size_t i = 0; i < c->r->nkinds; i++)
            if (strcmp(c->r->kinds[i].key, k) == 0)
                return c->r->kinds[i].text;
        return br_arena_printf(c->a, "%s measures", br_compose_group_label(c, k, "kind"));
    }
    if (sel->group.n == 1)
        return sel->group.items[0];
    if (sel->objective.n == 1)
        return br_compose_group_label(c, sel->objective.items[0], "objective");
    return "Measures";
}

void br_compose_measure_table(composer *c, const br_section *s, const char *objective)
{
    const br_report *r = c->r;
    size_t ncols;
    const br_column *cols = br_compose_measure_columns(s, &ncols);
    if (!objective)
        br_compose_add_caption(c, s->title, s->loc);
    /* An untitled table's caption prints where it starts unless it repeats
     * the heading it is under (layout: caption_at_start). */
    const char *caption = objective ? br_arena_printf(c->a, "%s. %s", objective, s->title)
                          : s->title ? s->title
                          : br_compose_untitled_caption(c, untitled_name(c, &s->select));
    br_block *b = br_compose_new_table(c, s->loc, caption, ncols);
    b->table.type = br_compose_table_type(c, "measures", cols, ncols);
    for (size_t i = 0; i < ncols; i++) {
        b->table.cols[i].align = column_align(cols[i].kind);
        if (cols[i].kind == BR_COL_TITLE || cols[i].kind == BR_COL_COMMENT)
            b->table.cols[i].weight = 3;
    }
    add_measure_header(c, &b->table, cols, ncols);
    const char *gb = s->group_by ? br_arena_strdup(c->a, s->group_by) : NULL;
    const char *last = NULL;
    size_t shown = 0;
    /* An objective's measures come from the report's index, in file order. */
    const br_key_index *first = NULL;
    size_t n = objective ? br_key_range(r->measure_objectives, r->nmeasure_objectives, objective,
                                        &first)
                         : r->nmeasures;
    for (size_t i = 0; i < n; i++) {
        const br_measure *m = &r->measures[objective ? first[i].index : i];
        if (!objective && !br_selection_has_measure(&s->select, m))
            continue;
        const char *g = group_key(m, gb);
        br_compose_group_change(c, &b->table, g, last, g ? br_compose_group_label(c, g, gb) : NULL,
                                ncols);
        last = g;
        br_row *row = br_table_add_row(c->a, &b->table, false);
        for (size_t k = 0; k < ncols; k++)
            measure_cell(c, row, m, &cols[k]);
        shown++;
    }
    if (!shown)
        c->doc->nblocks--; /* an objective without measures shows no empty table */
}

/* ---- summary ---- */

/* The summary column that a group_by names (group when unknown). */
static br_summary_column group_by_column(const char *group_by)
{
    int k = br_vocab_find(br_vocab_summary_column, BR_SUMMARY_COUNT, group_by);
    return k < 0 ? BR_SUMMARY_GROUP : (br_summary_column)k;
}

/* The summary's printed columns, in order: the group column first, each
 * status, then the total.  With the section's columns: the statuses it
 * lists in its order (the total only if listed), with their headings and
 * banners; else red, amber and green, each grey status some measure has,
 * and the total. */
static size_t summary_columns(const br_section *s, const br_summary *sum, br_column *out)
{
    size_t n = 1;
    out[0] = (br_column){.kind = (br_column_kind)BR_SUMMARY_COL_GROUP};
    bool total = !s->ncolumns;
    for (size_t i = 0; i < s->ncolumns; i++) {
        if ((int)s->columns[i].kind == BR_SUMMARY_COL_GROUP)
            out[0] = s->columns[i];
        else if ((int)s->columns[i].kind == BR_SUMMARY_COL_TOTAL)
            total = true;
        else if (n < BR_STATUS_COUNT + 1)
            out[n++] = s->columns[i];
    }
    static const br_status order[] = {BR_STATUS_RED, BR_STATUS_AMBER, BR_STATUS_GREEN,
                                      BR_STATUS_NO_DATA, BR_STATUS_NO_TARGET};
    for (size_t i = 0; !s->ncolumns && i < BR_STATUS_COUNT; i++)
        if (order[i] <= BR_STATUS_GREEN || sum->total.counts[order[i]])
            out[n++] = (br_column){.kind = (br_column_kind)order[i]};
    for (size_t i = 0; total && i < s->ncolumns; i++)
        if ((int)s->columns[i].kind == BR_SUMMARY_COL_TOTAL)
            out[n] = s->columns[i];
    if (total && !s->ncolumns)
        out[n] = (br_column){.kind = (br_column_kind)BR_SUMMARY_COL_TOTAL};
    return n + total;
}

static void summary_header(composer *c, br_table *table, const br_column *cols, size_t n,
                           const char *gb)
{
    br_compose_add_banner_row(c, table, cols, n);
    br_row *head = br_table_add_row(c->a, table, true);
    for (size_t i = 0; i < n; i++) {
        int k = (int)cols[i].kind;
        if (k == BR_SUMMARY_COL_GROUP)
            br_compose_cell_text(c, head, cols[i].heading ? cols[i].heading
                                 : c->t->summary_headings[group_by_column(gb)], BR_ALIGN_LEFT);
        else if (k == BR_SUMMARY_COL_TOTAL)
            br_compose_cell_text(c, head, cols[i].heading ? cols[i].heading
                                 : c->t->summary_headings[BR_SUMMARY_TOTAL], BR_ALIGN_CENTER);
        else
            br_compose_cell_rag(c, head, &c->t->status[k], cols[i].heading);
    }
}

/* A summary's own columns: that leave out a status some of its measures
 * have would make their counts vanish (only the total keeps them). */
static void warn_statuses_left_out(composer *c, const br_section *s, const br_summary *sum,
                                   const br_status *shown, size_t nshown, bool total_col)
{
    if (!s->ncolumns)
        return;     /* the default columns show every status counted */
    for (int st = 0; st < BR_STATUS_COUNT; st++) {
        size_t n = sum->total.counts[st];
        bool listed = false;
        for (size_t i = 0; i < nshown; i++)
            listed = listed || shown[i] == (br_status)st;
        if (!n || listed)
            continue;
        const char *name = br_vocab_status_yaml[st];
        br_warning(c->d, s->columns[0].loc,
                   "this summary counts %zu measure%s as %s, but its columns: leave out %s, so "
                   "%s %s; add %s to columns:", n, n == 1 ? "" : "s", name, name,
                   n == 1 ? "it is" : "they are",
                   total_col ? "counted only in the total" : "counted in no column", name);
    }
}

void br_compose_summary(composer *c, const br_section *s)
{
    const char *gb = s->group_by ? s->group_by : "group";
    br_summary *sum = br_summary_compute(c->r, &s->select, gb, c->a);
    br_summary_state(sum, s->stated_rows, s->nstated_rows, c->a, c->d);
    br_column cols[BR_STATUS_COUNT + 2];
    size_t ncols = summary_columns(s, sum, cols);
    bool total_col = (int)cols[ncols - 1].kind == BR_SUMMARY_COL_TOTAL;
    br_status shown[BR_STATUS_COUNT];
    size_t nshown = ncols - 1 - total_col;
    for (size_t i = 0; i < nshown; i++)
        shown[i] = (br_status)cols[i + 1].kind;
    warn_statuses_left_out(c, s, sum, shown, nshown, total_col);
    br_compose_add_caption(c, s->title, s->loc);
    const char *caption = s->title ? s->title : br_compose_untitled_caption(c, "Summary");
    br_block *b = br_compose_new_table(c, s->loc, caption, ncols);
    b->table.cols[0].weight = 3;
    summary_header(c, &b->table, cols, ncols, gb);
    for (size_t g = 0; g < sum->nrows; g++) {
        br_row *row = br_table_add_row(c->a, &b->table, false);
        const char *key = sum->rows[g].key;
        br_compose_count_cells(c, row, br_compose_group_label(c, key, gb),
                               &sum->rows[g], shown, nshown);
        if (total_col)
            br_compose_cell_text(c, row, br_arena_printf(c->a, "%zu", sum->rows[g].total), BR_ALIGN_RIGHT);
    }
    br_row *total = br_table_add_row(c->a, &b->table, false);
    total->kind = BR_ROW_TOTAL;
    br_compose_cell_text(c, total, c->t->summary_headings[BR_SUMMARY_TOTAL], BR_ALIGN_LEFT);
    for (size_t i = 0; i < nshown; i++)
        br_compose_cell_text(c, total, br_arena_printf(c->a, "%zu (%.1f%%)", sum->total.counts[shown[i]],
                                            sum->percent[shown[i]]), BR_ALIGN_RIGHT);
    if (total_col)
        br_compose_cell_text(c, total, br_arena_printf(c->a, "%zu (100%%)", sum->total.total), BR_ALIGN_RIGHT);
}
