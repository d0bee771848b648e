/* style.c — the house defaults: a sober council paper.
 *
 * A4 portrait with 2 cm margins, Liberation Sans 10/13 body text, bold
 * headings, 9 pt tables with a light blue-grey header and thin grey rules.
 */
#include "br_style.h"

#include <string.h>

#define CM(x) ((x) * 72.0 / 2.54)

static br_text_style text(double size, double leading, br_face face, uint32_t color)
{
    br_text_style t = {size, leading, face, color};
    return t;
}

double br_style_text_width(const br_style *s, br_orientation orient, int columns)
{
    if (orient == BR_ORIENT_KEEP)
        orient = s->orientation;
    double page = orient == BR_ORIENT_LANDSCAPE ? s->page_height : s->page_width;
    double w = page - s->margin_left - s->margin_right;
    return columns > 1 ? (w - (columns - 1) * BR_COLUMN_GAP) / columns : w;
}

void br_style_default(br_style *s)
{
    memset(s, 0, sizeof *s);
    s->page_width = 595.28;
    s->page_height = 841.89;
    s->orientation = BR_ORIENT_PORTRAIT;
    s->margin_top = CM(2.0);
    s->margin_bottom = CM(2.0);
    s->margin_left = CM(2.0);
    s->margin_right = CM(2.0);

    s->body = text(10, 13, BR_FACE_REGULAR, 0x000000);
    s->title = text(18, 22, BR_FACE_BOLD, 0x000000);
    s->heading[0] = text(14, 17, BR_FACE_BOLD, 0x000000);
    s->heading[1] = text(12, 15, BR_FACE_BOLD, 0x000000);
    s->heading[2] = text(11, 14, BR_FACE_BOLD, 0x000000);
    s->table_header = text(9, 11.5, BR_FACE_BOLD, 0x1A1A1A);
    s->table_body = text(9, 11.5, BR_FACE_REGULAR, 0x000000);
    s->fit_floor = 6;
    s->footnote = text(8, 10, BR_FACE_REGULAR, 0x000000);
    s->running = text(8, 10, BR_FACE_REGULAR, 0x595959);

    s->paragraph_space = 6;
    s->heading_space_before = 12;
    s->heading_space_after = 6;
    s->number_width = 24;
    s->bullet_indent = 14;
    s->block_space = 10;

    s->cell_pad_x = 4;
    s->cell_pad_y = 3;
    s->rule_width = 0.5;
    s->rule_color = 0x808080;
    s->outer_rule_width = 1.0;
    s->header_fill = 0xD9E2EC;
    s->header_text = 0x1A1A1A;
    s->group_fill = 0xEEF2F6;
    s->group_text = 0x000000;
    s->group_face = BR_FACE_BOLD_ITALIC;
    s->total_fill = 0xF2F2F2;
    s->rules_vertical = true;
    s->continued = "(continued)";

    s->header[1] = "{appendix}";  /* empty outside an appendix */
    s->footer[1] = "Page {page} of {pages}";
    s->header_rule_width = 0;

    s->footnote_rule_width = 0.5;
    s->draft_text = "DRAFT";
    s->draft_color = 0xF4B4B4;

    s->chart = (br_chart_style){.label_size = 7.5, .text_color = 0x404040, .axis_color = 0x808080,
                                .grid_color = 0xD9D9D9, .value_color = 0x1F3864,
                                .target_color = 0x000000, .band_tint = 0.45, .min_width = 150,
                                .gap = 14};
    s->lang = "en-GB";
}

static bool alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool br_style_lang_valid(const char *tag)
{
    size_t n = 0;
    while (alpha(tag[n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    while (tag[n] == '-') {
        size_t k = 0;
        n++;
        while (alpha(tag[n + k]) || (tag[n + k] >= '0' && tag[n + k] <= '9'))
            k++;
        if (k < 1 || k > 8)
            return false;
        n += k;
    }
    return tag[n] == '\0';
}

const char *const br_running_placeholders[] = {
    "title", "subtitle", "period", "organisation", "classification", "version", "date",
    "page", "pages", "appendix", NULL};
