/* br_style.h — the typographic settings layout works with.
 *
 * The template loader (br_template.h) fills a br_style from a template file;
 * layout reads nothing else.  Lengths are in PostScript points (1/72 inch),
 * colours are 0xRRGGBB.
 */
#ifndef BR_STYLE_H
#define BR_STYLE_H

#include <stdbool.h>
#include <stdint.h>

#include "br_font.h"

typedef enum br_orientation {
    BR_ORIENT_KEEP,        /* page_break: keep the current orientation */
    BR_ORIENT_PORTRAIT,
    BR_ORIENT_LANDSCAPE,
} br_orientation;

typedef enum br_align {
    BR_ALIGN_LEFT,
    BR_ALIGN_CENTER,
    BR_ALIGN_RIGHT,
    BR_ALIGN_DECIMAL,      /* right-aligned on the decimal point within the column */
} br_align;

typedef struct br_text_style {
    double size;           /* font size, pt */
    double leading;        /* baseline-to-baseline distance, pt */
    br_face face;
    uint32_t color;
} br_text_style;

/* Charts: labels, colours and the grid (layout_chart.c). */
typedef struct br_chart_style {
    double label_size;           /* axis labels, summaries; titles are 1 pt larger */
    uint32_t text_color;
    uint32_t axis_color;         /* axis line and tick marks */
    uint32_t grid_color;         /* line charts' horizontal grid */
    uint32_t value_color;        /* the value bar, the series line */
    uint32_t target_color;       /* the target marker and line */
    double band_tint;            /* 1: bands in the full status fill; 0.45: lightened */
    double min_width;            /* narrowest chart a grid makes */
    double gap;                  /* between charts of a grid, across and down */
} br_chart_style;

typedef struct br_style {
    /* Page: width and height as for portrait; landscape swaps them. */
    double page_width, page_height;
    br_orientation orientation;
    double margin_top, margin_bottom, margin_left, margin_right;

    br_text_style body;
    br_text_style title;         /* front sheet title */
    br_text_style heading[3];    /* levels 1..3 */
    br_text_style table_header;
    br_text_style table_body;
    br_text_style footnote;
    br_text_style running;       /* running header and footer */

    double paragraph_space;      /* after a paragraph */
    double heading_space_before, heading_space_after;
    double number_width;         /* hanging indent of numbered paragraphs */
    double bullet_indent;        /* indent per bullet level */
    double block_space;          /* after a table */

    /* Tables */
    double cell_pad_x, cell_pad_y;
    double rule_width;           /* cell rules */
    uint32_t rule_color;
    double outer_rule_width;     /* table frame, total row rule */
    uint32_t header_fill, header_text;
    uint32_t group_fill, group_text; /* group-heading rows */
    br_face group_face;          /* their face: bold italic unless the template says */
    uint32_t total_fill;
    bool rules_vertical;         /* draw vertical rules between cells */
    const char *continued;       /* appended to a repeated caption: "(continued)" */

    /* A paper that must fit fit_pages pages (0: any number) has its table
     * type stepped down, at most to fit_floor pt, until it does. */
    int fit_pages;
    double fit_floor;

    /* Running header and footer: three slots each (left, centre, right),
     * with {page} and {pages} still to be substituted by layout. */
    const char *header[3];
    const char *footer[3];
    /* What a slot too long to print whole is shortened for: the field that
     * filled most of it ("the report's title (report: title:)"), and where
     * the report states it; set by compose. */
    const char *header_field[3];
    const char *footer_field[3];
    br_loc running_loc;
    double header_rule_width;    /* 0: no rule under the header */

    double footnote_rule_width;  /* short rule above the footnotes */
    const char *draft_text;      /* watermark on draft papers, e.g. "DRAFT" */
    uint32_t draft_color;

    br_chart_style chart;

    /* The paper's language, a BCP 47 tag ("en-GB", "cy"): the PDF's /Lang,
     * which a screen reader speaks it in. */
    const char *lang;

    /* No structure tree (template 'tagged: false', render --no-tags): a
     * PDF a screen reader cannot follow, for working copies only. */
    bool untagged;
} br_style;

/* The house defaults (A4 portrait, Liberation Sans 10/13, grey rules): a
 * template sets only what differs. */
void br_style_default(br_style *style);

/* Space between columns set side by side (a `columns` section), pt. */
#define BR_COLUMN_GAP 12.0

/* The width text and tables are set in on a page of the given orientation
 * (BR_ORIENT_KEEP: the style's), between the margins, or in one of
 * columns side by side (0 or 1: the full width), pt. */
double br_style_text_width(const br_style *style, br_orientation orient, int columns);

/* The {placeholders} a running header or footer slot takes, NULL-ended:
 * compose fills the report's ({title}, {date}…), layout {page}, {pages}
 * and {appendix}; the template loader refuses any other. */
extern const char *const br_running_placeholders[];

/* Whether tag is a language tag as BCP 47 writes one: a language of 2 or 3
 * letters, then subtags of 1 to 8 letters or digits, joined by '-'
 * ("en-GB", "cy", "gd-GB", "en-GB-oxendict"). */
bool br_style_lang_valid(const char *tag);

#endif
