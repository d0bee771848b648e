/* finance.c — net, variance and totals of a finance table (spec §5).
 *
 * The author's figures are final: a net, a variance or a total written in
 * the YAML is the one printed.  What boardreport computes (gross + income,
 * budget − forecast, the sum of the rows) is then a check.  Every written
 * figure is taken to be rounded to the places it was written with, so a
 * computed figure made of n rounded figures may differ from the given one
 * by up to half a unit in the last place for each of them: that is a
 * rounding difference, and the table carries the footnote "Figures may not
 * sum because of rounding".  A larger difference is a warning.  A figure
 * that was not written is computed.
 */
#include "br_compute.h"

#include <math.h>
#include <string.h>

#include "br_limits.h"
#include "br_vocab.h"
#include "figures.h"

#define column_names(c) br_vocab_finance_column[c].yaml
#define split_names(s) br_vocab_finance_split[s].yaml

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

typedef enum agreement { AGREES, ROUNDING, DIFFERS } agreement;

/* How a given figure compares with one computed from n rounded figures:
 * equal to it rounded to the given's places, within rounding, or not. */
static agreement compare_given(const br_fin_amount *given, double computed, size_t n)
{
    int places = given->decimals > 0 ? given->decimals : 0;
    double half = 0.5 * pow(10.0, -places);
    double gap = fabs(given->value - computed);
    if (fig_compare(gap, half) <= 0)
        return AGREES;
    return fig_compare(gap, half * (double)(n > 1 ? n : 1)) <= 0 ? ROUNDING : DIFFERS;
}

/* Keeps the given figure, or stores the computed one; true when the given
 * one differs by more than rounding (the caller words the warning). */
static bool settle(br_finance *f, br_fin_amount *a, double computed, int places, size_t n,
                   br_loc loc)
{
    if (a->set && a->given) {
        agreement g = compare_given(a, computed, n);
        f->rounding = f->rounding || g == ROUNDING;
        return g == DIFFERS;
    }
    *a = (br_fin_amount){.set = true, .value = computed, .decimals = places, .loc = loc};
    return false;
}

static void compute_net(br_finance *f, br_fin_row *row, br_fin_column c, br_diags *diags)
{
    br_fin_amount *a = row->amounts[c];
    const br_fin_amount *gross = &a[BR_FIN_GROSS], *income = &a[BR_FIN_INCOME];
    br_fin_amount *net = &a[BR_FIN_NET];
    if (!gross->set || !income->set)
        return;
    double sum = gross->value + income->value;
    int places = max_int(gross->decimals, income->decimals);
    if (settle(f, net, sum, places, 2, row->loc))
        br_warning(diags, net->loc,
                   "%s net %.*f differs from gross + income = %.*f by more than rounding; "
                   "the given figure is printed", column_names(c),
                   max_int(net->decimals, 0), net->value, max_int(places, 0), sum);
}

static void compute_variance(br_finance *f, br_fin_row *row, br_diags *diags)
{
    for (int s = 0; s < BR_FIN_NSPLITS; s++) {
        if (s == BR_FIN_PERCENT)
            continue;       /* a share of the budget, not budget − forecast */
        const br_fin_amount *b = &row->amounts[BR_FIN_BUDGET][s];
        const br_fin_amount *fc = &row->amounts[BR_FIN_FORECAST][s];
        br_fin_amount *v = &row->amounts[BR_FIN_VARIANCE][s];
        if (!b->set || !fc->set) {
            /* A total table's variance is the sum of its sources' (kept). */
            if (!v->given && !f->ntotal_of)
                *v = (br_fin_amount){0};
            continue;
        }
        bool over = f->sign == BR_SIGN_OVERSPEND_POSITIVE;
        double d = over ? fc->value - b->value : b->value - fc->value;
        int places = max_int(b->decimals, fc->decimals);
        if (settle(f, v, d, places, 2, row->loc))
            br_warning(diags, v->loc,
                       "variance %s %.*f differs from %s = %.*f by more than rounding; "
                       "the given figure is printed", split_names(s),
                       max_int(v->decimals, 0), v->value,
                       over ? "forecast − budget" : "budget − forecast", max_int(places, 0), d);
    }
}

/* The variance as a percentage of the budget (percent_of: its net, or its
 * gross), to one place unless written: printed as written, and checked
 * against the figures it comes from, whose own rounding it allows for
 * (-1.1 of 54.6 is -2.01%, and -1.05 or -1.15 would be -1.9% or -2.1%). */
static void compute_percent(br_finance *f, br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS],
                            const char *label, br_loc loc, br_diags *diags)
{
    const br_fin_amount *v = &a[BR_FIN_VARIANCE][BR_FIN_NET];
    const br_fin_amount *b = &a[BR_FIN_BUDGET][f->percent_of_gross ? BR_FIN_GROSS : BR_FIN_NET];
    br_fin_amount *p = &a[BR_FIN_VARIANCE][BR_FIN_PERCENT];
    if (!v->set || !b->set || b->value == 0) {
        if (!p->given)
            *p = (br_fin_amount){0};
        return;
    }
    double x = v->value / fabs(b->value) * 100.0;
    if (!p->given) {
        *p = (br_fin_amount){.set = true, .value = x, .decimals = 1, .loc = loc};
        return;
    }
    double half_v = 0.5 * pow(10.0, -max_int(v->decimals, 0));
    double half_b = 0.5 * pow(10.0, -max_int(b->decimals, 0));
    double half_p = 0.5 * pow(10.0, -max_int(p->decimals, 0));
    double slack = half_p + 100.0 * (half_v / fabs(b->value) +
                                     fabs(v->value) * half_b / (b->value * b->value));
    if (fig_compare(fabs(p->value - x), slack) > 0)
        br_warning(diags, p->loc, "'%s' variance percent %.*f differs from the net variance "
                   "as a percentage of the %s budget, %.2f, by more than rounding; the given "
                   "figure is printed (percent_of: gross or net says which budget)",
                   label ? label : "", max_int(p->decimals, 0), p->value,
                   f->percent_of_gross ? "gross" : "net", x);
}

/* The sum of the rows' figures of one column and split; *n how many. */
static br_fin_amount row_sum(const br_finance *f, int c, int s, size_t *n)
{
    br_fin_amount t = {.loc = f->loc};
    *n = 0;
    for (size_t r = 0; r < f->nrows; r++) {
        const br_fin_amount *a = &f->rows[r].amounts[c][s];
        if (f->rows[r].heading || !a->set)
            continue;
        t.decimals = t.set ? max_int(t.decimals, a->decimals) : a->decimals;
        t.set = true;
        t.value += a->value;
        (*n)++;
    }
    return t;
}

/* The total row: the given total where the author wrote one (checked
 * against the sum of the rows), the sum elsewhere. */
static void compute_totals(br_finance *f, br_diags *diags)
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            size_t n;
            if (s == BR_FIN_PERCENT) {
                /* percents do not add up: the total's is its own variance's
                 * share of its own budget, below */
                f->sum[c][s] = (br_fin_amount){0};
                f->total[c][s] = f->given_total[c][s];
                continue;
            }
            br_fin_amount sum = row_sum(f, c, s, &n);
            const br_fin_amount *g = &f->given_total[c][s];
            f->sum[c][s] = sum;
            f->total[c][s] = g->set ? *g : sum;
            if (!g->set)
                continue;
            if (!sum.set) {
                br_warning(diags, g->loc,
                           "given_total %s %s is %.*f but no row has a %s %s; "
                           "give the rows' figures or remove it",
                           column_names(c), split_names(s), max_int(g->decimals, 0), g->value,
                           column_names(c), split_names(s));
                continue;
            }
            agreement a = compare_given(g, sum.value, n);
            f->rounding = f->rounding || a == ROUNDING;
            if (a == DIFFERS)
                br_warning(diags, g->loc,
                           "given_total %s %s %.*f differs from the sum of the rows, %.*f, by "
                           "more than rounding (half a unit for each of %zu rows); the given "
                           "figure is printed", column_names(c), split_names(s),
                           max_int(g->decimals, 0), g->value, max_int(sum.decimals, 0),
                           sum.value, n);
        }
    if (f->total_label)
        compute_percent(f, f->total, f->total_label, f->loc, diags);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The group heading row r stands under in f, or NULL. */
static const char *heading_of(const br_finance *f, size_t r)
{
    while (r-- > 0)
        if (f->rows[r].heading)
            return f->rows[r].label;
    return NULL;
}

/* The row of src that row r of f totals: the same label under the same
 * group heading ("Staffing" under North is not "Staffing" under South);
 * else, when src has exactly one row of that label, that row.  NULL when
 * none. */
static const br_fin_row *row_matching(const br_finance *src, const br_finance *f, size_t r)
{
    const char *label = f->rows[r].label, *heading = heading_of(f, r);
    const br_fin_row *only = NULL;
    size_t n = 0;
    for (size_t i = 0; label && i < src->nrows; i++) {
        if (src->rows[i].heading || !same_text(src->rows[i].label, label))
            continue;
        if (same_text(heading_of(src, i), heading))
            return &src->rows[i];
        only = &src->rows[i], n++;
    }
    return n == 1 ? only : NULL;
}

/* Whether f already has a row for row i of src (same heading and label). */
static bool has_row(const br_finance *f, const br_finance *src, size_t i)
{
    for (size_t r = 0; r < f->nrows; r++)
        if (f->rows[r].heading == src->rows[i].heading &&
            same_text(f->rows[r].label, src->rows[i].label) &&
            same_text(heading_of(f, r), heading_of(src, i)))
            return true;
    return false;
}

/* Without rows of its own, a total table has every row of its sources: the
 * first one's in its order, then each row only a later one has (under its
 * group heading), so that no source's figure is left out of the total. */
static void copy_row_labels(br_finance *f, br_arena *a)
{
    size_t cap = 0;
    for (size_t k = 0; k < f->ntotal_of; k++)
        cap += 2 * f->sources[k]->nrows;
    f->rows = br_arena_calloc(a, cap + 1, sizeof *f->rows);
    f->nrows = 0;
    for (size_t k = 0; k < f->ntotal_of; k++) {
        const br_finance *src = f->sources[k];
        for (size_t i = 0; i < src->nrows; i++) {
            if (src->rows[i].heading || has_row(f, src, i))
                continue;
            const char *heading = heading_of(src, i);
            if (heading && !same_text(heading_of(f, f->nrows), heading))
                f->rows[f->nrows++] = (br_fin_row){.label = heading, .loc = f->loc, .heading = true};
            f->rows[f->nrows++] = (br_fin_row){.label = src->rows[i].label, .loc = f->loc};
        }
    }
}

/* One row's figures as the sum of the same-labelled rows of the sources:
 * a figure the author wrote is checked against the sum, one not written
 * is the sum. */
static void total_row(br_finance *f, size_t r, br_diags *diags)
{
    br_fin_row *row = &f->rows[r];
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            br_fin_amount sum = {0};
            size_t n = 0;
            if (s == BR_FIN_PERCENT)
                continue;   /* the row's own share, br_finance_compute */
            for (size_t k = 0; k < f->ntotal_of; k++) {
                const br_fin_row *src = row_matching(f->sources[k], f, r);
                const br_fin_amount *x = src ? &src->amounts[c][s] : NULL;
                if (!x || !x->set)
                    continue;
                sum.decimals = n ? max_int(sum.decimals, x->decimals) : x->decimals;
                sum.value += x->value;
                n++;
            }
            br_fin_amount *a = &row->amounts[c][s];
            if (n && settle(f, a, sum.value, sum.decimals, n, row->loc))
                br_warning(diags, a->loc, "'%s' %s %s %.*f differs from the sum of the same row "
                           "of the tables it totals, %.*f, by more than rounding (half a unit "
                           "for each of %zu figures); the given figure is printed", row->label,
                           column_names(c), split_names(s), max_int(a->decimals, 0), a->value,
                           max_int(sum.decimals, 0), sum.value, n);
        }
}

void br_finance_add_sources(br_finance *f, br_arena *arena, br_diags *diags)
{
    size_t have = 0;
    f->rounding = false;
    for (size_t k = 0; k < f->ntotal_of; k++)
        have += f->sources && f->sources[k];
    if (!have || have < f->ntotal_of)
        return;     /* an unknown id: check has said so */
    if (!f->nrows)
        copy_row_labels(f, arena);
    for (size_t r = 0; r < f->nrows; r++) {
        br_fin_row *row = &f->rows[r];
        if (row->heading)
            continue;
        size_t found = 0;
        for (size_t k = 0; k < f->ntotal_of; k++)
            found += row_matching(f->sources[k], f, r) != NULL;
        if (found < f->ntotal_of)
            br_warning(diags, row->loc, "row '%s' of finance '%s' is in %zu of the %zu tables it "
                       "totals; the others have no row of that label, so they add nothing to it",
                       row->label ? row->label : "", f->id, found, f->ntotal_of);
        total_row(f, r, diags);
    }
}

/* A computed figure (a net, a variance, a total) beyond what boardreport
 * prints is an error, never a figure of binary noise or "inf". */
static void check_magnitude(const br_finance *f, const br_fin_amount *a, const char *where,
                            int c, int s, br_diags *diags)
{
    if (!a->set || a->given)
        return;
    /* Only a unit larger than the table's own is any help. */
    const char *larger = f->units == BR_UNIT_GBP     ? ", or write them in a larger unit "
                                                       "(units: gbp_k or gbp_m)"
                       : f->units == BR_UNIT_GBP_K ? ", or write them in £m (units: gbp_m)"
                                                   : "";
    if (isfinite(a->value) && fabs(a->value) <= BR_MAX_MAGNITUDE) {
        /* Every digit printed must count, as in a written figure: a total of
         * 16 digits printed rounded, not the sum of the rows above it. */
        int places = max_int(a->decimals, 0);
        int whole = fabs(a->value) >= 1 ? (int)floor(log10(fabs(a->value))) + 1 : 1;
        if (whole + places > BR_MAX_SIGNIFICANT)
            br_error(diags, a->loc.file ? a->loc : f->loc, "finance '%s': %s %s %s comes to "
                     "%.*f, %d significant digits to the %d places its figures have, more than "
                     "a figure holds (%d): it would print rounded, not the sum of its rows; "
                     "write the figures to fewer places%s", f->id ? f->id : "", where,
                     column_names(c), split_names(s), places, a->value, whole + places, places,
                     BR_MAX_SIGNIFICANT, larger);
        return;
    }
    br_error(diags, a->loc.file ? a->loc : f->loc, "finance '%s': %s %s %s comes to %g, beyond "
             "the largest figure boardreport prints, " BR_MAX_MAGNITUDE_TEXT "; check the "
             "figures%s", f->id ? f->id : "", where, column_names(c), split_names(s), a->value,
             larger);
}

static void check_magnitudes(const br_finance *f, br_diags *diags)
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            for (size_t r = 0; r < f->nrows; r++)
                if (!f->rows[r].heading)
                    check_magnitude(f, &f->rows[r].amounts[c][s], "a row's", c, s, diags);
            check_magnitude(f, &f->total[c][s], "the total", c, s, diags);
        }
}

void br_finance_compute(br_finance *f, br_diags *diags)
{
    if (!f->ntotal_of)
        f->rounding = false;    /* else br_finance_add_sources has begun it */
    /* A total of other tables sums their nets and variances, the figures
     * they print (a written net or variance included), rather than
     * computing its own from summed gross and income. */
    for (size_t r = 0; !f->ntotal_of && r < f->nrows; r++) {
        br_fin_row *row = &f->rows[r];
        if (row->heading)
            continue;
        compute_net(f, row, BR_FIN_BUDGET, diags);
        compute_net(f, row, BR_FIN_FORECAST, diags);
        compute_variance(f, row, diags);
    }
    for (size_t r = 0; r < f->nrows; r++)
        if (!f->rows[r].heading)
            compute_percent(f, f->rows[r].amounts, f->rows[r].label, f->rows[r].loc, diags);
    compute_totals(f, diags);
    check_magnitudes(f, diags);
}

bool br_finance_prints(const br_finance *f, br_fin_column column, br_fin_split split)
{
    if (f->flat) {
        for (size_t i = 0; i < f->nfigures; i++)
            if (f->figures[i].column == column && f->figures[i].split == split)
                return true;
        return false;
    }
    bool in_columns = false, in_split = false;
    for (size_t i = 0; i < f->ncolumns; i++)
        in_columns |= f->columns[i] == column;
    for (size_t i = 0; i < f->nsplit; i++)
        in_split |= f->split[i] == split;
    return in_columns && in_split;
}

bool br_finance_has_figure(br_fin_column column, br_fin_split split)
{
    return split != BR_FIN_PERCENT || column == BR_FIN_VARIANCE ||
           column == BR_FIN_PREVIOUS_VARIANCE;
}

bool br_finance_exports(const br_finance *f, const br_fin_amount *a, br_fin_column column,
                        br_fin_split split)
{
    return a->set && (a->given || br_finance_prints(f, column, split));
}

br_status br_variance_status(const br_finance *f,
                             const br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS],
                             const br_template *t)
{
    const br_fin_amount *v = &a[BR_FIN_VARIANCE][BR_FIN_NET], *b = &a[BR_FIN_BUDGET][BR_FIN_NET];
    if (t->variance_amber_percent < 0 || f->plain_variance)
        return BR_STATUS_NO_TARGET;
    if (!v->set || !b->set || b->value == 0)
        return BR_STATUS_NO_DATA;
    double adverse = f->sign == BR_SIGN_UNDERSPEND_POSITIVE ? -v->value : v->value;
    double percent = adverse / fabs(b->value) * 100.0;
    if (t->variance_red_percent >= 0 && percent > t->variance_red_percent)
        return BR_STATUS_RED;
    if (percent > t->variance_amber_percent)
        return BR_STATUS_AMBER;
    return BR_STATUS_GREEN;
}

/* The words of a status for a message: "amber". */
static const char *status_word(br_status s)
{
    return br_vocab_status[s].yaml;
}

/* A row's status: the author's when stated (the computed one a check that
 * warns, when the table prints the variance it judges), else its net
 * variance's.  The paper shows a status only for a row that states one or
 * whose net variance it prints. */
static void settle_row_status(br_finance *f, br_fin_row *row, bool judged, const br_template *t,
                              br_diags *diags)
{
    row->computed_variance_status = br_variance_status(f, row->amounts, t);
    row->variance_status = row->has_status ? row->stated_status : row->computed_variance_status;
    row->status_shown = row->has_status || judged;
    f->status_column = f->status_column || row->has_status;
    br_status c = row->computed_variance_status;
    bool rag = c == BR_STATUS_GREEN || c == BR_STATUS_AMBER || c == BR_STATUS_RED;
    if (row->has_status && judged && rag && c != row->stated_status && !row->status_reason) {
        const br_fin_amount *v = &row->amounts[BR_FIN_VARIANCE][BR_FIN_NET];
        br_warning(diags, row->status_loc, "finance row '%s' states %s, but its net variance "
                   "%.*f judges %s by the template's thresholds; the stated %s is printed (add "
                   "status_reason: to say why)", row->label, status_word(row->stated_status),
                   v->decimals, v->value, status_word(c), status_word(row->stated_status));
    }
}

void br_finance_statuses(br_finance *f, const br_template *t, br_diags *diags)
{
    bool judged = br_finance_prints(f, BR_FIN_VARIANCE, BR_FIN_NET);
    for (size_t r = 0; r < f->nrows; r++) {
        if (f->rows[r].heading)
            f->rows[r].variance_status = f->rows[r].computed_variance_status = BR_STATUS_NO_DATA;
        else
            settle_row_status(f, &f->rows[r], judged, t, diags);
    }
    f->total_variance_status = br_variance_status(f, f->total, t);
    f->total_status_shown = judged && f->total_label;
}
