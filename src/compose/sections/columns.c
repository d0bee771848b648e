/* columns.c — what follows is set in columns side by side, as a dense
 * scorecard sets two tables beside each other: each column_break starts
 * the next column level with the first; `count: 1` (or a page_break, or
 * the end of the paper) goes back to the full width below the longest. */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#define MAX_COLUMNS 4

static bool read_count(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'count'", 1, MAX_COLUMNS,
                               " (columns side by side; 1 goes back to the full width)",
                               &((br_section *)obj)->count);
}

static const field fields[] = {
    /* No title: a column prints nothing of its own. */
    CUSTOM("type", true, br_build_section_type),
    FIELD("id", F_KEY, false, br_section, id),
    CUSTOM("count", false, read_count),
};

static void compose(composer *c, const br_section *s)
{
    int n = s->count ? s->count : 2;
    if (n == 1 && !c->columns)
        br_warning(c->d, s->loc, "'count: 1' ends columns, but no columns are open here; "
                   "it changes nothing");
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_COLUMNS);
    b->loc = s->loc;
    b->columns = n;
    c->columns = n > 1 ? n : 0;
    c->column = 0;
}

const br_section_def br_section_columns = {
    .name = "columns", .fields = BR_FIELDS(fields), .compose = compose,
};
