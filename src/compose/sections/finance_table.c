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
};

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
}

static void compose(composer *c, const br_section *s)
{
    br_compose_finance_table(c, s);
}

const br_section_def br_section_finance_table = {
    .name = "finance_table", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
