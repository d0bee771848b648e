/* build_finance.c — finance tables: rows of budget and forecast amounts. */
#include "build_int.h"

#include <stddef.h>
#include <string.h>

#include "br_limits.h"
#include "br_period.h"

static const char *const sign_names[] = {"underspend_positive", "overspend_positive", NULL};
static const char *const money_names[] = {"gbp", "gbp_k", "gbp_m", NULL};

/* A variance's share of the budget ("-2.0%") is a split of the two
 * variance columns only: a budget has no percent of itself. */
static bool takes_percent(int column)
{
    return column == BR_FIN_VARIANCE || column == BR_FIN_PREVIOUS_VARIANCE;
}

/* The splits of a column that has no percent, in the vocabulary's order
 * (percent is its last). */
static const char *const money_splits[] = {
#define BR_FINANCE_SPLIT(ID, yaml, ...) [BR_FIN_##ID] = BR_FIN_##ID == BR_FIN_PERCENT ? NULL : yaml,
#include "br_vocab.def"
    NULL};

static bool read_units(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    static const br_unit units[] = {BR_UNIT_GBP, BR_UNIT_GBP_K, BR_UNIT_GBP_M};
    int e = br_build_read_enum(b, v, money_names, "'units' of a finance table");
    if (e >= 0)
        f->units = units[e];
    return e >= 0;
}

/* Reads a list of enum names into out (no repeats); returns the count. */
static size_t read_name_list(builder *b, const br_node *v, const char *const *names, int *out,
                             size_t max, const char *what)
{
    if (!br_build_want_seq(b, v, what))
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < v->nitems && n < max; i++) {
        int e = br_build_read_enum(b, v->items[i], names, what);
        if (e < 0)
            continue;
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup = dup || out[k] == e;
        if (dup)
            br_error(b->d, v->items[i]->loc, "%s: '%s' is listed twice", what, names[e]);
        else
            out[n++] = e;
    }
    return n;
}

/* `columns` (budget, forecast, variance, actual) or `split` (gross,
 * income, net): which of them the table shows, in order. */
static bool read_fin_list(builder *b, const br_node *v, br_finance *f, bool split)
{
    int tmp[(int)BR_FIN_NCOLS > (int)BR_FIN_NSPLITS ? (int)BR_FIN_NCOLS : (int)BR_FIN_NSPLITS];
    size_t n = read_name_list(b, v, split ? br_vocab_finance_split_yaml : br_vocab_finance_column_yaml,
                              tmp, split ? BR_FIN_NSPLITS : BR_FIN_NCOLS,
                              split ? "'split' of a finance table" : "'columns' of a finance table");
    for (size_t i = 0; i < n; i++) {
        if (split)
            f->split[i] = (br_fin_split)tmp[i];
        else
            f->columns[i] = (br_fin_column)tmp[i];
    }
    *(split ? &f->nsplit : &f->ncolumns) = n;
    return n > 0;
}

/* "budget.gross": a column and a split; false (with an error) when the
 * text is not one. */
static bool read_figure_name(builder *b, const br_node *v, const char *text, br_fin_figure *out)
{
    const char *dot = strchr(text, '.');
    const char *col = br_arena_strndup(b->a, text, (size_t)(dot - text));
    int c = br_vocab_find(br_vocab_finance_column, BR_FIN_NCOLS, col);
    int s = br_vocab_find(br_vocab_finance_split, BR_FIN_NSPLITS, dot + 1);
    if (c < 0 || s < 0) {
        br_error(b->d, v->loc, "'%s' is not a finance figure; write a column and a split joined "
                 "by a dot (columns budget, forecast, variance, actual, previous_variance; splits "
                 "gross, income, net, percent), e.g. budget.gross", text);
        return false;
    }
    if (s == BR_FIN_PERCENT && !takes_percent(c)) {
        br_error(b->d, v->loc, "'%s': percent is a variance's share of the budget, so only "
                 "variance and previous_variance take it (variance.percent)", text);
        return false;
    }
    *out = (br_fin_figure){(br_fin_column)c, (br_fin_split)s};
    return true;
}

/* Adds x to list (n items) unless it is there. */
static void add_once(int *list, size_t *n, int x)
{
    for (size_t i = 0; i < *n; i++)
        if (list[i] == x)
            return;
    list[(*n)++] = x;
}

/* columns: [budget.gross, budget.net, variance.net]: exactly these figures,
 * in this order; the columns and splits lists name those they use. */
static bool read_figures(builder *b, const br_node *v, br_finance *f)
{
    f->flat = true;
    int cols[BR_FIN_NCOLS], splits[BR_FIN_NSPLITS];
    size_t nc = 0, ns = 0;
    for (size_t i = 0; i < v->nitems; i++) {
        const char *t = br_build_read_text(b, v->items[i], "a finance figure");
        br_fin_figure fig;
        if (!t)
            continue;
        if (!strchr(t, '.')) {
            br_error(b->d, v->items[i]->loc, "'%s': when one column names its split "
                     "(budget.net), every column does; write %s.net or %s.gross", t, t, t);
            continue;
        }
        if (!read_figure_name(b, v->items[i], t, &fig))
            continue;
        bool dup = false;
        for (size_t k = 0; k < f->nfigures; k++)
            dup |= f->figures[k].column == fig.column && f->figures[k].split == fig.split;
        if (dup) {
            br_error(b->d, v->items[i]->loc, "'%s' is listed twice in 'columns'", t);
            continue;
        }
        f->figures[f->nfigures++] = fig;
        add_once(cols, &nc, fig.column);
        add_once(splits, &ns, fig.split);
    }
    for (size_t i = 0; i < nc; i++)
        f->columns[i] = (br_fin_column)cols[i];
    for (size_t i = 0; i < ns; i++)
        f->split[i] = (br_fin_split)splits[i];
    f->ncolumns = nc, f->nsplit = ns;
    return f->nfigures > 0;
}

static bool read_columns(builder *b, const br_node *v, void *obj)
{
    if (v->kind == BR_NODE_SEQ)
        for (size_t i = 0; i < v->nitems; i++)
            if (v->items[i]->kind == BR_NODE_SCALAR && strchr(v->items[i]->text, '.'))
                return read_figures(b, v, obj);
    return read_fin_list(b, v, obj, false);
}

/* headings: {label: Service, budget: "Budget (£000s)", net: Net,
 * budget.gross: "Gross Budget (£000s)"}. */
static bool read_headings(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    if (!br_build_want_map(b, v, "'headings' of a finance table"))
        return false;
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key;
        const char *text = br_build_read_text(b, v->pairs[i].value, "a finance heading");
        int c = br_vocab_find(br_vocab_finance_column, BR_FIN_NCOLS, key->text);
        int s = br_vocab_find(br_vocab_finance_split, BR_FIN_NSPLITS, key->text);
        br_fin_figure fig;
        if (strcmp(key->text, "label") == 0)
            f->label_heading = text;
        else if (strcmp(key->text, "status") == 0)
            f->status_heading = text;
        else if (c >= 0)
            f->column_headings[c] = text;
        else if (s >= 0)
            f->split_headings[s] = text;
        else if (strchr(key->text, '.') && read_figure_name(b, key, key->text, &fig))
            f->figure_headings[fig.column][fig.split] = text;
        else if (!strchr(key->text, '.'))
            br_error(b->d, key->loc, "'%s' is not a finance heading; use label, status, a "
                     "column (budget, forecast, variance, actual, previous_variance), a split "
                     "(gross, income, net, percent) or a figure (budget.gross)", key->text);
    }
    return true;
}

/* total_of: [education, children-families]: ids, resolved by the checker. */
static bool read_total_of(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    if (!br_build_want_seq(b, v, "'total_of'"))
        return false;
    f->total_of = br_arena_calloc(b->a, v->nitems + 1, sizeof *f->total_of);
    f->total_of_locs = br_arena_calloc(b->a, v->nitems + 1, sizeof *f->total_of_locs);
    for (size_t i = 0; i < v->nitems; i++) {
        const char *id = br_build_read_text(b, v->items[i], "an id in 'total_of'");
        if (!id)
            continue;
        f->total_of_locs[f->ntotal_of] = v->items[i]->loc;
        f->total_of[f->ntotal_of++] = id;
    }
    if (!f->ntotal_of)
        br_error(b->d, v->loc, "'total_of' lists no finance table; name the ids of the tables "
                 "this one totals");
    return f->ntotal_of > 0;
}

static bool read_split(builder *b, const br_node *v, void *obj)
{
    return read_fin_list(b, v, obj, true);
}

static void read_amount(builder *b, const br_node *val, br_fin_amount *a, const char *what)
{
    if (br_build_read_number(b, val, what, &a->value, &a->decimals)) {
        a->set = true;
        a->given = true;
        a->loc = val->loc;
    }
}

/* budget: {gross: 32483, income: -3458} into amounts[col][*]; a bare
 * figure (budget: 2381) is the net, for tables of one figure a column. */
static void read_amounts(builder *b, const br_node *v, br_fin_amount *amounts, int column,
                         const char *what)
{
    if (v->kind == BR_NODE_SCALAR) {
        read_amount(b, v, &amounts[BR_FIN_NET], what);
        return;
    }
    if (!br_build_want_map(b, v, what))
        return;
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key, *val = v->pairs[i].value;
        if (!takes_percent(column) && strcmp(key->text, "percent") == 0) {
            br_error(b->d, key->loc, "%s: percent is a variance's share of the budget, so only "
                     "variance and previous_variance take it", what);
            continue;
        }
        /* a near miss is matched against the splits this column has */
        int s = br_build_read_enum(b, key, takes_percent(column) ? br_vocab_finance_split_yaml
                                                                 : money_splits, what);
        if (s < 0)
            continue;
        read_amount(b, val, &amounts[s], what);
    }
}

/* status: amber: the row's RAG as the author judges it. */
static void read_row_status(builder *b, const br_node *v, br_fin_row *row)
{
    int e = br_build_read_enum(b, v, br_vocab_status_yaml, "'status' of a finance row");
    if (e < 0)
        return;
    row->has_status = true;
    row->stated_status = (br_status)e;
    row->status_loc = v->loc;
}

/* period: 2012/13 Q4 — a row labelled by a period of periods:, printed
 * in the paper's words for it (report.period_label: "Q4 2012/13"). */
static void read_row_period(builder *b, const br_node *v, br_fin_row *row)
{
    const char *id = br_build_read_text(b, v, "'period' of a finance row");
    if (!id)
        return;
    size_t p = br_report_period_index(b->r, id);
    if (p != BR_NONE) {
        row->label = br_period_name(&b->r->periods[p]);
        return;
    }
    const char **ids = br_arena_calloc(b->a, b->r->nperiods + 1, sizeof *ids);
    for (size_t i = 0; i < b->r->nperiods; i++)
        ids[i] = b->r->periods[i].id;
    const char *s = br_suggest(id, ids, b->r->nperiods);
    br_error(b->d, v->loc, "'period' of a finance row: '%s' is not in periods:%s%s%s", id,
             s ? "; did you mean '" : " (write label: for a row that names no period)",
             s ? s : "", s ? "'?" : "");
}

static void read_row(builder *b, const br_node *n, br_fin_row *row)
{
    row->loc = n->loc;
    if (!br_build_want_map(b, n, "a finance row"))
        return;
    static const char *const keys[] = {"label", "heading", "period", "budget", "forecast",
                                       "variance", "actual", "previous_variance", "note",
                                       "status", "status_reason"};
    for (size_t i = 0; i < n->npairs; i++) {
        const br_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        if (strcmp(key->text, "label") == 0) {
            row->label = br_build_read_text(b, val, "'label' of a finance row");
        } else if (strcmp(key->text, "heading") == 0) {
            row->label = br_build_read_text(b, val, "'heading' of a finance row");
            row->heading = true;
        } else if (strcmp(key->text, "period") == 0) {
            read_row_period(b, val, row);
        } else if (br_vocab_find(br_vocab_finance_column, BR_FIN_NCOLS, key->text) >= 0) {
            int c = br_vocab_find(br_vocab_finance_column, BR_FIN_NCOLS, key->text);
            read_amounts(b, val, row->amounts[c], c,
                         br_arena_printf(b->a, "'%s' of a finance row", key->text));
        } else if (strcmp(key->text, "note") == 0) {
            row->note = br_build_read_text(b, val, "'note' of a finance row");
        } else if (strcmp(key->text, "status") == 0) {
            read_row_status(b, val, row);
        } else if (strcmp(key->text, "status_reason") == 0) {
            row->status_reason = br_build_read_text(b, val, "'status_reason' of a finance row");
        } else {
            const char *s = br_suggest(key->text, keys, sizeof keys / sizeof *keys);
            if (s)
                br_error(b->d, key->loc, "unknown key '%s' in a finance row; did you mean '%s'?",
                         key->text, s);
            else
                br_error(b->d, key->loc, "unknown key '%s' in a finance row; known keys: label, "
                                         "heading, period, budget, forecast, variance, actual, "
                                         "previous_variance, note, status, status_reason",
                         key->text);
        }
    }
    int named = !!br_map_get(n, "label") + !!br_map_get(n, "heading") + !!br_map_get(n, "period");
    if (!named)
        br_error(b->d, n->loc, "a finance row has no 'label' (or 'period:', a period of "
                 "periods: printed as the paper names it); it is required");
    else if (named > 1)
        br_error(b->d, n->loc, "a finance row writes more than one of label, heading and "
                 "period; write one");
    const br_node *reason = br_map_get(n, "status_reason");
    if (reason && !row->has_status && !br_map_get(n, "status"))
        br_error(b->d, reason->loc, "'status_reason' says why a row's stated status differs "
                 "from its variance's, but this row states no 'status'");
}

static bool read_rows(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    if (!br_build_want_seq(b, v, "'rows' of a finance table"))
        return false;
    f->rows = br_arena_calloc(b->a, v->nitems, sizeof *f->rows);
    for (size_t i = 0; i < v->nitems; i++) {
        if (br_build_over_limit(b, v->items[i], f->nrows, BR_MAX_ROWS, "rows in a finance table"))
            break;
        read_row(b, v->items[i], &f->rows[f->nrows++]);
    }
    return true;
}

static bool read_given_total(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    if (!br_build_want_map(b, v, "'given_total'"))
        return false;
    for (size_t i = 0; i < v->npairs; i++) {
        int c = br_build_read_enum(b, v->pairs[i].key, br_vocab_finance_column_yaml, "a column of 'given_total'");
        if (c >= 0)
            read_amounts(b, v->pairs[i].value, f->given_total[c], c, "'given_total'");
    }
    return true;
}

static bool read_variance_rag(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    bool rag;
    if (!br_build_read_bool(b, v, "'variance_rag' of a finance table", &rag))
        return false;
    f->plain_variance = !rag;
    return true;
}

/* rounding_note: its words, or false for none. */
static bool read_rounding_note(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    f->rounding_note = br_build_read_note_switch(b, v, "'rounding_note' of a finance table");
    return f->rounding_note != NULL;
}

/* percent_of: gross: a variance percent is of the gross budget (a
 * contract's value) rather than the net, the default. */
static bool read_percent_of(builder *b, const br_node *v, void *obj)
{
    br_finance *f = obj;
    static const char *const names[] = {"net", "gross", NULL};
    int e = br_build_read_enum(b, v, names, "'percent_of' of a finance table");
    if (e >= 0)
        f->percent_of_gross = e == 1;
    return e >= 0;
}

/* A grouped table prints every column under every split: percent under
 * a budget would print nothing, so it is refused there. */
static void check_split_percent(builder *b, const br_node *n, const br_finance *f)
{
    bool percent = false;
    for (size_t i = 0; i < f->nsplit; i++)
        percent |= f->split[i] == BR_FIN_PERCENT;
    for (size_t i = 0; percent && !f->flat && i < f->ncolumns; i++)
        if (!takes_percent(f->columns[i])) {
            const br_node *split = br_map_get(n, "split");
            br_error(b->d, split ? split->loc : n->loc, "'split' lists percent, a variance's "
                     "share of the budget, but 'columns' has %s, which has none; name the "
                     "figures instead (columns: [budget.net, variance.net, variance.percent])",
                     br_vocab_finance_column[f->columns[i]].yaml);
            return;
        }
}

static const field finance_fields[] = {
    FIELD("id", F_KEY, true, br_finance, id),
    FIELD("title", F_TEXT, false, br_finance, title),
    CUSTOM("units", false, read_units),
    CUSTOM("columns", false, read_columns),
    CUSTOM("split", false, read_split),
    ENUMF("sign", false, br_finance, sign, sign_names),
    CUSTOM("percent_of", false, read_percent_of),
    CUSTOM("rows", false, read_rows),
    CUSTOM("headings", false, read_headings),
    CUSTOM("total_of", false, read_total_of),
    FIELD("total", F_TEXT, false, br_finance, total_label),
    CUSTOM("given_total", false, read_given_total),
    CUSTOM("variance_rag", false, read_variance_rag),
    CUSTOM("rounding_note", false, read_rounding_note),
};

void br_build_finance(builder *b, const br_node *n, br_finance *f)
{
    f->loc = n->loc;
    f->units = BR_UNIT_GBP_K;
    f->ncolumns = 3;
    f->columns[0] = BR_FIN_BUDGET, f->columns[1] = BR_FIN_FORECAST, f->columns[2] = BR_FIN_VARIANCE;
    f->nsplit = 3;
    f->split[0] = BR_FIN_GROSS, f->split[1] = BR_FIN_INCOME, f->split[2] = BR_FIN_NET;
    if (!br_build_want_map(b, n, "a finance entry"))
        return;
    br_build_fields(b, n, finance_fields, sizeof finance_fields / sizeof *finance_fields, f,
                    br_build_item_name(b, n, "finance", "a finance entry"));
    const br_node *split = br_map_get(n, "split");
    if (f->flat && split)
        br_error(b->d, split->loc, "'split' does not apply when 'columns' names figures "
                 "(budget.net): each figure names its own split; remove 'split'");
    check_split_percent(b, n, f);
    if (!br_map_get(n, "rows") && !br_map_get(n, "total_of"))
        br_error(b->d, n->loc, "a finance entry needs 'rows' (or 'total_of', to total other "
                 "finance tables row by row)");
}
