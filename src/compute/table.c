/* table.c — the width of a generic table, which the checker holds every
 * row to and the composer lays out. */
#include "br_compute.h"

size_t br_table_row_span(const br_trow *row)
{
    size_t n = 0;
    for (size_t k = 0; k < row->ncells; k++)
        n += (size_t)row->cells[k].span;
    return n;
}

size_t br_table_columns(const br_section *s)
{
    if (s->nheader)
        return br_table_row_span(&s->header[0]);
    for (size_t i = 0; i < s->nrows; i++)
        if (!s->rows[i].heading)
            return br_table_row_span(&s->rows[i]);
    return 0;
}
