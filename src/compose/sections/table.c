/* table.c — a generic table written out cell by cell: header rows, group
 * headings, RAG cells, a total row, fixed widths (compose_tables.c). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include "br_compute.h"

static const field fields[] = {
    BR_SECTION_COMMON(false),
    CUSTOM("header", false, br_build_table_header),
    CUSTOM("rows", true, br_build_table_rows),
    CUSTOM("widths", false, br_build_table_widths),
};

/* What to do about a row of the wrong width: in [a, b, c] every unquoted
 * comma starts a cell, the commonest cause of a row too wide. */
static const char *span_hint(checker *c, const br_trow *row, size_t width)
{
    if (row->flow && row->ncells > width && row->split_figure)
        return br_arena_printf(c->r->arena, "in [...] every comma starts a new cell, so "
                               "'%s' became two cells: put it in quotes, \"%s\"",
                               row->split_figure, row->split_figure);
    if (row->flow && row->ncells > width)
        return "in [...] every comma starts a new cell: put a cell that holds a comma in "
               "quotes, \"like this, say\"";
    return "add cells or adjust 'span'";
}

/* Every row spans the table's columns (br_table_columns), and so do the widths. */
static void check(checker *c, br_section *s)
{
    size_t width = br_table_columns(s);
    const br_trow *all[2] = {s->header, s->rows};
    size_t counts[2] = {s->nheader, s->nrows};
    for (int part = 0; part < 2; part++) {
        for (size_t i = 0; i < counts[part]; i++) {
            const br_trow *row = &all[part][i];
            if (!row->heading && br_table_row_span(row) != width)
                br_error(c->d, row->loc, "this row spans %zu columns but the table's %s has %zu; "
                                         "%s", br_table_row_span(row),
                         s->nheader ? "header" : "first row", width, span_hint(c, row, width));
        }
    }
    if (s->nwidths && s->nwidths != width)
        br_error(c->d, s->loc, "'widths' gives %zu columns but the table has %zu", s->nwidths, width);
}

static void compose(composer *c, const br_section *s)
{
    br_compose_generic_table(c, s);
}

const br_section_def br_section_table = {
    .name = "table", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
