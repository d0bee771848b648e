/* finance.c — net, variance and totals of a finance table (spec §5).
 *
 * A written figure is taken to be rounded to the places it was written
 * with, so a given net or total "agrees" with the computed one when they
 * differ by at most half a unit in the given figure's last place (a net
 * written 1,106 agrees with a computed 1,105.6).  The computed figure is
 * always the one used: the warning tells the author which to correct.
 */
#include "br_compute.h"

#include <math.h>

#include "br_vocab.h"
#include "figures.h"


static int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* True when the given figure is not the computed one rounded to its places. */
static bool disagrees(const br_fin_amount *given, double computed)
{
    int places = given->decimals > 0 ? given->decimals : 0;
    double half = 0.5 * pow(10.0, -places);
    return fig_compare(fabs(given->value - computed), half) > 0;
}

static void compute_net(br_fin_row *row, br_fin_column c, br_diags *diags)
{
    br_fin_amount *a = row->amounts[c];
    const br_fin_amount *gross = &a[BR_FIN_GROSS], *income = &a[BR_FIN_INCOME];
    br_fin_amount *net = &a[BR_FIN_NET];
    if (!gross->set || !income->set)
        return;
    double sum = gross->value + income->value;
    int places = max_int(gross->decimals, income->decimals);
    if (net->set && disagrees(net, sum))
        br_warning(diags, net->loc,
                   "net %.*f differs from gross + income = %.*f; the computed figure is used",
                   max_int(net->decimals, 0), net->value, max_int(places, 0), sum);
    /* A given net keeps its place so later messages can point at it. */
    br_loc loc = net->set ? net->loc : row->loc;
    *net = (br_fin_amount){.set = true, .value = sum, .decimals = places, .loc = loc};
}

static void compute_variance(br_fin_row *row, br_fin_sign sign)
{
    for (int s = 0; s < BR_FIN_NSPLITS; s++) {
        const br_fin_amount *b = &row->amounts[BR_FIN_BUDGET][s];
        const br_fin_amount *f = &row->amounts[BR_FIN_FORECAST][s];
        br_fin_amount *v = &row->amounts[BR_FIN_VARIANCE][s];
        if (!b->set || !f->set) {
            *v = (br_fin_amount){0};
            continue;
        }
        double d = sign == BR_SIGN_OVERSPEND_POSITIVE ? f->value - b->value : b->value - f->value;
        *v = (br_fin_amount){.set = true, .value = d,
                             .decimals = max_int(b->decimals, f->decimals), .loc = row->loc};
    }
}

static void compute_totals(br_finance *f)
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            br_fin_amount *t = &f->total[c][s];
            *t = (br_fin_amount){.loc = f->loc};
            for (size_t r = 0; r < f->nrows; r++) {
                const br_fin_amount *a = &f->rows[r].amounts[c][s];
                if (f->rows[r].heading || !a->set)
                    continue;
                t->decimals = t->set ? max_int(t->decimals, a->decimals) : a->decimals;
                t->set = true;
                t->value += a->value;
            }
        }
}

static void check_given_totals(const br_finance *f, br_diags *diags)
{
    for (int c = 0; c < BR_FIN_NCOLS; c++)
        for (int s = 0; s < BR_FIN_NSPLITS; s++) {
            const br_fin_amount *g = &f->given_total[c][s];
            const br_fin_amount *t = &f->total[c][s];
            const char *col = br_vocab_finance_column[c].yaml, *split = br_vocab_finance_split[s].yaml;
            if (!g->set)
                continue;
            if (!t->set)
                br_warning(diags, g->loc,
                           "given_total %s %s is %.*f but no row has a %s %s; "
                           "give the rows' figures or remove it",
                           col, split, max_int(g->decimals, 0), g->value, col, split);
            else if (disagrees(g, t->value))
                br_warning(diags, g->loc,
                           "given_total %s %s %.*f differs from the computed total %.*f; "
                           "the computed figure is used",
                           col, split, max_int(g->decimals, 0), g->value,
                           max_int(t->decimals, 0), t->value);
        }
}

void br_finance_compute(br_finance *f, br_diags *diags)
{
    for (size_t r = 0; r < f->nrows; r++) {
        br_fin_row *row = &f->rows[r];
        if (row->heading)
            continue;
        compute_net(row, BR_FIN_BUDGET, diags);
        compute_net(row, BR_FIN_FORECAST, diags);
        compute_variance(row, f->sign);
    }
    compute_totals(f);
    check_given_totals(f, diags);
}

br_status br_variance_status(const br_finance *f,
                             const br_fin_amount a[BR_FIN_NCOLS][BR_FIN_NSPLITS],
                             const br_template *t)
{
    const br_fin_amount *v = &a[BR_FIN_VARIANCE][BR_FIN_NET], *b = &a[BR_FIN_BUDGET][BR_FIN_NET];
    if (t->variance_amber_percent < 0)
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
