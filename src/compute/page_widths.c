/* page_widths.c — what the author fixed must fit the page it prints on: a
 * table's `widths:` (mm) against the width between the margins of the page
 * (portrait or landscape, as the page_breaks before it turn it) or of its
 * column when `columns` set it beside others.  Layout would refuse such a
 * table at render; check says so first, at the widths' line. */
#include "br_compute.h"

#define MM_PER_PT (25.4 / 72.0)

static double widths_pt(const br_section *s)
{
    double sum = 0;
    for (size_t i = 0; i < s->nwidths; i++)
        sum += s->widths[i] / MM_PER_PT;
    return sum;
}

static void check_table(const br_section *s, const br_style *style, br_orientation orient,
                        int columns, br_diags *d)
{
    double need = widths_pt(s), room = br_style_text_width(style, orient, columns);
    if (need <= room + 0.01)
        return;
    bool land = (orient == BR_ORIENT_KEEP ? style->orientation : orient) == BR_ORIENT_LANDSCAPE;
    const char *where = columns > 1 ? "in one of the columns of this" : "between the margins of this";
    br_error(d, s->widths_loc.file ? s->widths_loc : s->loc,
             "the table's fixed column widths add up to %.1f mm but only %.1f mm fit %s %s "
             "page; make the columns narrower%s", need * MM_PER_PT, room * MM_PER_PT, where,
             land ? "landscape" : "portrait",
             land ? "" : ", or put the table on a landscape page (page_break: orientation: landscape)");
}

void br_check_page_widths(const br_report *r, const br_template *t, br_diags *d)
{
    br_orientation orient = BR_ORIENT_KEEP;
    int columns = 0;
    for (size_t i = 0; i < r->nsections; i++) {
        const br_section *s = &r->sections[i];
        if (s->type == BR_SEC_PAGE_BREAK) {
            if (s->orientation != BR_ORIENT_KEEP)
                orient = s->orientation;
            columns = 0;
        } else if (s->type == BR_SEC_COLUMNS) {
            int n = s->count ? s->count : 2;
            columns = n > 1 ? n : 0;
        } else if ((s->type == BR_SEC_TABLE || s->type == BR_SEC_FINANCE_TABLE) && s->nwidths) {
            check_table(s, &t->style, orient, columns, d);
        }
    }
}
