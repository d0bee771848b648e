/* column_break.c — what follows goes into the next of the columns a
 * `columns` section opened (columns.c). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {
    /* No title: a column prints nothing of its own. */
    CUSTOM("type", true, br_build_section_type),
    FIELD("id", F_KEY, false, br_section, id),
};

static void compose(composer *c, const br_section *s)
{
    if (!c->columns) {
        br_warning(c->d, s->loc, "this column_break is not inside columns, so it is ignored; "
                   "put a 'type: columns' section before the first column");
        return;
    }
    if (c->column + 1 >= c->columns) {
        br_warning(c->d, s->loc, "this column_break would start column %d of %d, so it is "
                   "ignored and what follows stays in the last column; raise 'count' of the "
                   "columns section", c->column + 2, c->columns);
        return;
    }
    c->column++;
    br_doc_add_block(c->doc, BR_BLOCK_COLUMN_BREAK)->loc = s->loc;
}

const br_section_def br_section_column_break = {
    .name = "column_break", .fields = BR_FIELDS(fields), .compose = compose,
};
