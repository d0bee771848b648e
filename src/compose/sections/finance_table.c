/* finance_table.c — one `finance` entry as a table of budget, forecast and
 * variance (compose_tables.c draws it). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static bool read_finance_ref(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->finance_id = br_build_read_text(b, v, "'finance'");
    s->finance_loc = v->loc;
    return s->finance_id != NULL;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    CUSTOM("finance", true, read_finance_ref),
    CUSTOM("widths", false, br_build_table_widths),
};

/* The columns the table prints: its label, its figures, and a status
 * column when a row states its status. */
static size_t finance_columns(const br_finance *f)
{
    size_t n = 1 + (f->flat ? f->nfigures : f->ncolumns * f->nsplit);
    for (size_t i = 0; i < f->nrows; i++)
        if (f->rows[i].has_status)
            return n + 1;
    return n;
}

/* Finance is loaded from any file, so the reference resolves here. */
static void check(checker *c, br_section *s)
{
    const br_report *r = c->r;
    s->finance = s->finance_id ? br_report_finance(r, s->finance_id) : NULL;
    if (s->finance_id && !s->finance)
        br_error_unresolved(c->d, s->finance_loc, "no finance entry has the id '%s'", s->finance_id);
    for (size_t i = 0; s->finance && i < r->nfinance; i++)
        if (&r->finance[i] == s->finance)
            c->finance_shown[i] = true;
    if (!s->finance || !s->nwidths)
        return;
    size_t figures = s->finance->flat ? s->finance->nfigures
                                      : s->finance->ncolumns * s->finance->nsplit;
    size_t ncols = finance_columns(s->finance);
    if (s->nwidths != ncols)
        br_error(c->d, s->widths_loc, "'widths' gives %zu columns but the table prints %zu: its "
                 "label, %zu figure%s%s", s->nwidths, ncols, figures, figures == 1 ? "" : "s",
                 ncols > figures + 1 ? " and the rows' status" : "");
}

static void compose(composer *c, const br_section *s)
{
    br_compose_finance_table(c, s);
}

const br_section_def br_section_finance_table = {
    .name = "finance_table", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
