/* br_layout.h — pages of positioned boxes (the display list).
 *
 * Layout places; painting draws.  br_layout turns a br_doc into pages of
 * text runs, rules and filled rectangles whose positions are final, so a test
 * can inspect them without a PDF.  Coordinates are points from the page's top
 * left corner, y growing downwards; a text item's (x, y) is the left end of
 * its baseline.
 *
 * Layout also gives every item its role in the paper's logical structure
 * (the tagged PDF's structure tree): the item names an element (a heading,
 * a paragraph, a table cell, a footnote, a figure ...), and the elements
 * form a tree rooted at the document, in reading order: an element's
 * children in the order they were made, its own items in the order they
 * are drawn.  Items that are not content (running header and footer,
 * rules, fills, a repeated table header) name no element: artifacts.
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

/* Roles of structure elements: the standard structure types of PDF 1.7. */
typedef enum br_role {
    BR_ROLE_DOCUMENT,
    BR_ROLE_H1, BR_ROLE_H2, BR_ROLE_H3,
    BR_ROLE_P,
    BR_ROLE_LBL,            /* a paragraph's number, a bullet, a footnote's number */
    BR_ROLE_L, BR_ROLE_LI, BR_ROLE_LBODY,
    BR_ROLE_TABLE, BR_ROLE_CAPTION, BR_ROLE_THEAD, BR_ROLE_TBODY, BR_ROLE_TR,
    BR_ROLE_TH, BR_ROLE_TD,
    BR_ROLE_NOTE,           /* a footnote */
    BR_ROLE_REFERENCE,      /* a footnote's number where the text refers to it */
    BR_ROLE_FIGURE,         /* a chart, with its alternative text */
    BR_ROLE_COUNT
} br_role;

typedef enum br_scope {
    BR_SCOPE_NONE,
    BR_SCOPE_COLUMN,        /* TH of a header row */
    BR_SCOPE_ROW,           /* TH that names its row */
} br_scope;

typedef struct br_elem {
    br_role role;
    uint32_t parent;        /* index in br_pages.elems; the document is 0 */
    br_scope scope;         /* TH */
    int colspan;            /* TH, TD: columns spanned, when more than 1 */
    const char *alt;        /* FIGURE: alternative text */
    int note;               /* NOTE, REFERENCE: the footnote's number */
} br_elem;

/* br_item.elem of an artifact (element 0, the document, has no items). */
#define BR_ARTIFACT 0u

typedef struct br_item {
    br_item_kind kind;
    uint32_t elem;          /* the element it is content of, or BR_ARTIFACT */
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
    br_elem *elems;         /* [0] is the document */
    size_t nelems, elems_cap;
} br_pages;

/* The standard structure type of a role ("H1", "TD", ...). */
const char *br_lay_role_name(br_role role);

/* Lays out doc.  Returns NULL only on an error it reported in diags (for
 * example a fixed-width table wider than the page); warnings (a character
 * the font lacks, named with its code point and where it came from) leave
 * the result usable.  The pages, their items and the text they paint are
 * allocated in arena; what the layout needs only while it works (prepared
 * and broken text, tables) is in arenas of its own, freed as it goes. */
br_pages *br_layout(const br_doc *doc, const br_style *style, const br_fontset *fonts,
                    br_arena *arena, br_diags *diags);

#endif
