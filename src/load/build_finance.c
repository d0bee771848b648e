/* build_finance.c — finance tables: rows of budget and forecast amounts. */
#include "build_int.h"

#include <stddef.h>
#include <string.h>

#include "br_limits.h"

static const char *const sign_names[] = {"underspend_positive", "overspend_positive", NULL};
static const char *const money_names[] = {"gbp", "gbp_k", "gbp_m", NULL};

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

/* `columns` (budget, forecast, variance) or `split` (gross, income, net):
 * which of them the table shows, in order. */
static bool read_fin_list(builder *b, const br_node *v, br_finance *f, bool split)
{
    _Static_assert((int)BR_FIN_NCOLS == (int)BR_FIN_NSPLITS, "one buffer for both lists");
    int tmp[BR_FIN_NCOLS];
    size_t n = read_name_list(b, v, split ? br_vocab_finance_split_yaml : br_vocab_finance_column_yaml,
                              tmp, BR_FIN_NCOLS,
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

static bool read_columns(builder *b, const br_node *v, void *obj)
{
    return read_fin_list(b, v, obj, false);
}

static bool read_split(builder *b, const br_node *v, void *obj)
{
    return read_fin_list(b, v, obj, true);
}

/* budget: {gross: 32483, income: -3458} into amounts[col][*]. */
static void read_amounts(builder *b, const br_node *v, br_fin_amount *amounts, const char *what)
{
    if (!br_build_want_map(b, v, what))
        return;
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key, *val = v->pairs[i].value;
        int s = br_build_read_enum(b, key, br_vocab_finance_split_yaml, what);
        if (s < 0)
            continue;
        br_fin_amount *a = &amounts[s];
        if (br_build_read_number(b, val, what, &a->value, &a->decimals)) {
            a->set = true;
            a->given = true;
            a->loc = val->loc;
        }
    }
}

static void read_row(builder *b, const br_node *n, br_fin_row *row)
{
    row->loc = n->loc;
    if (!br_build_want_map(b, n, "a finance row"))
        return;
    static const char *const keys[] = {"label", "heading", "budget", "forecast", "variance",
                                       "note"};
    for (size_t i = 0; i < n->npairs; i++) {
        const br_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        if (strcmp(key->text, "label") == 0) {
            row->label = br_build_read_text(b, val, "'label' of a finance row");
        } else if (strcmp(key->text, "heading") == 0) {
            row->label = br_build_read_text(b, val, "'heading' of a finance row");
            row->heading = true;
        } else if (strcmp(key->text, "budget") == 0) {
            read_amounts(b, val, row->amounts[BR_FIN_BUDGET], "'budget' of a finance row");
        } else if (strcmp(key->text, "forecast") == 0) {
            read_amounts(b, val, row->amounts[BR_FIN_FORECAST], "'forecast' of a finance row");
        } else if (strcmp(key->text, "variance") == 0) {
            read_amounts(b, val, row->amounts[BR_FIN_VARIANCE], "'variance' of a finance row");
        } else if (strcmp(key->text, "note") == 0) {
            row->note = br_build_read_text(b, val, "'note' of a finance row");
        } else {
            const char *s = br_suggest(key->text, keys, 6);
            if (s)
                br_error(b->d, key->loc, "unknown key '%s' in a finance row; did you mean '%s'?",
                         key->text, s);
            else
                br_error(b->d, key->loc, "unknown key '%s' in a finance row; known keys: label, "
                                         "heading, budget, forecast, variance, note", key->text);
        }
    }
    if (!br_map_get(n, "label") && !br_map_get(n, "heading"))
        br_error(b->d, n->loc, "a finance row has no 'label'; it is required");
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
            read_amounts(b, v->pairs[i].value, f->given_total[c], "'given_total'");
    }
    return true;
}

static const field finance_fields[] = {
    FIELD("id", F_KEY, true, br_finance, id),
    FIELD("title", F_TEXT, false, br_finance, title),
    CUSTOM("units", false, read_units),
    CUSTOM("columns", false, read_columns),
    CUSTOM("split", false, read_split),
    ENUMF("sign", false, br_finance, sign, sign_names),
    CUSTOM("rows", true, read_rows),
    FIELD("total", F_TEXT, false, br_finance, total_label),
    CUSTOM("given_total", false, read_given_total),
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
}
