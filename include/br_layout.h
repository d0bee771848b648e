/* br_layout.h — pages of positioned boxes (the display list).
 *
 * Layout places; painting draws.  br_layout turns a br_doc into pages of
 * text runs, rules and filled rectangles whose positions are final, so a test
 * can inspect them without a PDF.  Coordinates are points from the page's top
 * left corner, y growing downwards; a text item's (x, y) is the left end of
 * its baseline.
 */
#ifndef BR_LAYOUT_H
#define BR_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_doc.h"
#include "br_font.h"
#include "br_style.h"

typedef enum br_item_kind {
    BR_ITEM_TEXT,
    BR_ITEM_RECT,           /* filled rectangle (x, y) top left, w x h */
    BR_ITEM_LINE,           /* rule from (x, y) to (x2, y2) */
} br_item_kind;

typedef struct br_item {
    br_item_kind kind;
    double x, y;
    /* TEXT */
    const char *text;
    size_t len;
    br_face face;
    double size;
    bool repeat;            /* printed before: a split row's cells drawn again on its next page */
    /* RECT */
    double w, h;
    /* LINE */
    double x2, y2, width;
    uint32_t color;         /* text colour, fill, or rule colour */
} br_item;

typedef struct br_page {
    double width, height;
    br_item *items;
    size_t nitems, cap;
    const char *appendix;   /* the appendix the page is in (its heading), or NULL */
} br_page;

/* Bookmarks nest at most this deep. */
#define BR_OUTLINE_DEPTH 6

typedef struct br_outline {
    const char *title;      /* plain text */
    int level;              /* 1..BR_OUTLINE_DEPTH: under the last entry before it of a lower level */
    size_t page;            /* index into pages */
    double y;
} br_outline;

typedef struct br_pages {
    br_page *pages;
    size_t npages, cap;
    br_outline *outline;
    size_t noutline, outline_cap;
} br_pages;

/* Lays out doc.  Returns NULL only on an error it reported in diags (for
 * example a fixed-width table wider than the page); warnings (a character
 * the font lacks, named with its code point and where it came from) leave
 * the result usable.  The pages, their items and the text they paint are
 * allocated in arena; what the layout needs only while it works (prepared
 * and broken text, tables) is in arenas of its own, freed as it goes. */
br_pages *br_layout(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                    br_arena *arena, br_diags *diags);

#endif
