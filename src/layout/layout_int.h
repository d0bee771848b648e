/* layout_int.h — what the layout files share; not part of the interface.
 *
 * Layout runs in one pass over the blocks.  Text is prepared once (split into
 * atoms, measured with the real metrics), then broken into lines at a width;
 * pages are filled top down, and the footnotes of a page are reserved at its
 * foot as the lines that refer to them are placed.  Running headers and
 * footers are added at the end, when the number of pages is known.
 *
 * Files: layout.c (entry, blocks, keeps), layout_text.c (atoms, line
 * breaking), layout_page.c (pages, items, running header/footer),
 * layout_note.c (footnote numbering and the footnote area), layout_table.c
 * (column widths) and layout_rows.c (table rows across pages).
 */
#ifndef BR_LAYOUT_INT_H
#define BR_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_layout.h"

#define LAY_EPS 0.001       /* pt: slack of every fit test */
#define SUP_SCALE 0.6       /* superscript size / base size */
#define SUP_RISE 0.36       /* superscript baseline shift / base size */

typedef struct lay lay;

/* ---- text (layout_text.c) ---- */

typedef struct tx_style {
    double size, leading;
    br_face face;           /* or-ed with each run's face: bold stays bold */
    uint32_t color;         /* unless a run has its own */
} tx_style;

enum {
    TX_NEWLINE = 1,         /* a forced break, no text */
    TX_BREAK_AFTER = 2,     /* a line may end after this atom (hyphen, dash, slash) */
    TX_SUPER = 4,           /* superscript */
    TX_PLAIN_GLUE = 8,      /* the glue is spaces only, so it may share a text item */
    TX_KEEP = 16,           /* no break at its glue: a figure and its unit ("£86.190 m.") */
    TX_BULLET = 32,         /* a bullet opening a line of a cell ("- " written): its
                             * line's wrapped lines hang under the text after it */
    TX_HANG = 64,           /* a status word after its figure (br_run.hangs) */
};

/* An unbreakable piece of one run, and the spaces that follow it (glue).  A
 * line may end at glue, after TX_BREAK_AFTER, or at a TX_NEWLINE atom. */
typedef struct tx_atom {
    const char *text;
    uint32_t len, glen;     /* bytes of the piece; bytes of the glue after it */
    double w, gw;           /* widths in pt */
    uint32_t color;
    int note;               /* footnote index for a reference number, else -1 */
    uint8_t face, flags;
} tx_atom;

/* A text measured and ready to break at any width. */
typedef struct tx_prep {
    tx_style st;
    tx_atom *atoms;
    size_t natoms;
    double min_w;           /* widest unbreakable word */
    double lead_min_w;      /* widest unbreakable word before a hanging status word */
    double pref_w;          /* widest line when broken only at forced breaks */
    bool multiline;         /* has a forced break */
    bool has_glue;          /* has a space between words */
    bool has_notes;
} tx_prep;

/* One text item of a line, x from the line's start. */
typedef struct tx_frag {
    const char *text;
    uint32_t len;
    uint8_t face;
    bool super;
    int note;               /* a footnote reference's footnote index, else -1 */
    uint32_t color;
    double x;
} tx_frag;

typedef struct tx_line {
    uint32_t frag0, nfrags;
    uint32_t note0, nnotes; /* footnote references on the line */
    double width;           /* to the end of its last piece */
} tx_line;

/* A text broken into lines at one width. */
typedef struct tx_text {
    tx_style st;
    double width;           /* the width it was broken at */
    tx_frag *frags;
    tx_line *lines;
    int *notes;
    size_t nlines;
} tx_text;

br_face br_lay_tx_face(br_face run, br_face style);
void br_lay_tx_prepare(lay *L, tx_prep *p, const br_rich *rich, const tx_style *st);
/* As br_lay_tx_prepare, for a table cell: a line written "- item" (or
 * "• item") is a bullet line, its bullet hanging, its wrapped lines under
 * its text. */
void br_lay_tx_prepare_cell(lay *L, tx_prep *p, const br_rich *rich, const tx_style *st);
void br_lay_tx_prepare_plain(lay *L, tx_prep *p, const char *s, size_t len, const tx_style *st,
                      br_loc loc);
void br_lay_tx_break(lay *L, const tx_prep *p, double width, tx_text *t);
/* Lines p takes at width, without keeping them. */
size_t br_lay_tx_count_lines(lay *L, const tx_prep *p, double width);
/* The narrowest width at which p (no forced breaks) takes at most two lines. */
double br_lay_tx_two_line_width(const tx_prep *p);
/* Distance from a line's top to its baseline. */
double br_lay_tx_baseline(const lay *L, const tx_style *st);
/* Draws line i with its start at x and its baseline at y on the current page. */
void br_lay_tx_draw_line(lay *L, const tx_text *t, size_t i, double x, double y);
/* Width of the text before its decimal point (a one-line text); *numeric
 * tells whether it has a digit at all. */
double br_lay_tx_decimal_left(lay *L, const tx_prep *p, bool *numeric);
double br_lay_tx_width(const lay *L, const char *s, size_t len, br_face face, double size);
/* Warns (once per character) of characters the face lacks. */
void br_lay_tx_check_glyphs(lay *L, const char *s, size_t len, br_face face, br_loc loc);
/* A text style scaled to size (0: as is), leading in proportion. */
tx_style br_lay_tx_style_of(const br_text_style *ts, double size);
/* A table's or chart's caption: bold, ranked below the headings and the
 * numbered paragraphs above it (smaller than both the third heading level
 * and the body text), in the third level's colour. */
tx_style br_lay_caption_style(const lay *L);
/* The readable measure of prose at size pt: about 100 characters of
 * English text a line; and whether a line width is past it by more than
 * the slack kept whole (10%). */
double br_lay_measure(const lay *L, double size);
bool br_lay_past_measure(const lay *L, double width, double size);

/* A heading's words as one line of plain text, footnote references left
 * out (an appendix's running head, a bookmark's title): layout.c. */
const char *br_lay_plain_text(lay *L, const br_rich *r);

/* ---- structure (layout_struct.c) ---- */

#define BR_LAY_LIST_DEPTH 8 /* bullet levels kept apart; deeper ones nest in the last */

/* A new element of role under parent; returns its index. */
uint32_t br_lay_elem_new(lay *L, br_role role, uint32_t parent);
/* Makes e the element drawn text belongs to; returns the one before. */
uint32_t br_lay_elem_enter(lay *L, uint32_t e);
/* Ends the open lists: what is placed next is not a bullet of theirs. */
void br_lay_list_close(lay *L);
/* The element of a paragraph's text (a P, or the body of a list item)
 * and, in *lbl, the element of its number or bullet (0: none). */
uint32_t br_lay_para_elem(lay *L, const br_block *b, uint32_t *lbl);
/* Draws g scaled by k at (x, y) as a figure under parent with its
 * alternative text, or as an artifact when it has none (decoration). */
void br_lay_figure(lay *L, const br_graphic *g, uint32_t parent, double x, double y, double k);
/* A chart's alternative text, from its data: "Bullet chart: <title>.
 * <period>: <figure> against a target of <target> — <status>", or a line
 * chart's figures period by period and its target. */
const char *br_lay_chart_alt(lay *L, const br_chart *c);

/* ---- pages and items (layout_page.c) ---- */

void br_lay_page_start(lay *L, br_orientation orient);
void br_lay_page_finish(lay *L);
/* Gives the current, still empty page another orientation. */
void br_lay_page_reorient(lay *L, br_orientation orient);
void br_lay_emit_text(lay *L, double x, double y, const char *s, size_t len, br_face face,
               double size, uint32_t color);
void br_lay_emit_rect(lay *L, double x, double y, double w, double h, uint32_t color);
void br_lay_emit_line(lay *L, double x, double y, double x2, double y2, double width, uint32_t color);
void br_lay_running_add(lay *L);
/* Sets head_extra and foot_extra before the first page. */
void br_lay_running_room(lay *L);

/* ---- footnotes (layout_note.c) ---- */

typedef struct lay_note {
    const br_footnote *note;
    int number;             /* 0: never referenced */
    size_t same;            /* the note whose number and place it shares (same text) */
    const char *text_key;   /* its text as one string, once compared */
    bool placed;            /* given a page already */
    unsigned stamp;         /* counted in the current probe */
    bool prepared;
    tx_prep prep;
    tx_text text;
    uint32_t elem;          /* its Note once drawn */
    bool reprint;           /* being printed again (an artifact) */
    size_t under_page;      /* 1 + the page it was last set under a table on; 0: none */
} lay_note;

/* Lines of one footnote in a page's footnote area. */
typedef struct lay_pnote {
    size_t note, line0, nlines;
    const tx_text *text;
    const void *owner;      /* the table whose rows alone cite it on the page, or NULL */
} lay_pnote;

void br_lay_notes_init(lay *L);
int br_lay_notes_find(const lay *L, const char *key);
/* A probe counts the footnote space a group of lines would add to the page:
 * begin, add the lines' references, then test with br_lay_fits. */
void br_lay_probe_begin(lay *L);
void br_lay_probe_add(lay *L, const int *notes, size_t n);
/* As br_lay_probe_add for a repeated header's references: a note placed
 * on an earlier page counts too, as it prints again on this one. */
void br_lay_probe_add_again(lay *L, const int *notes, size_t n);
double br_lay_probe_extra(const lay *L);
/* Commits the footnotes of a line just placed (L->y is below it). */
void br_lay_notes_commit(lay *L, const int *notes, size_t n);
/* Commits notes of a repeated header: those placed on an earlier page are
 * printed again on this one, so a table's notes are on every page it crosses. */
void br_lay_notes_commit_again(lay *L, const int *notes, size_t n);
void br_lay_notes_carry_in(lay *L);
void br_lay_notes_draw(lay *L);
/* The notes committed from now on are cited by table (NULL: by other
 * text); br_lay_notes_under then sets those only that table cites on the
 * page directly under it, where its last row on the page ends (L->y). */
void br_lay_notes_owner(lay *L, const void *table);
void br_lay_notes_under(lay *L, const void *table);

/* True when h more pt of flow, plus extra pt of footnotes, fit on the page. */
bool br_lay_fits(const lay *L, double h, double extra);
/* Flow space left on the page above the footnotes. */
double br_lay_room(const lay *L);

/* ---- tables (layout_table.c, layout_rows.c) ---- */

/* Drawings: layout_graphic.c. */
void br_lay_graphic_draw_scaled(lay *L, const br_graphic *g, double x, double y, double k);
void br_lay_place_graphic(lay *L, const br_block *b);
/* Charts: layout_chart.c. */
void br_lay_place_charts(lay *L, const br_block *b);
/* Height of a chart block's first row (what must fit where it starts). */
double br_lay_chart_start_height(lay *L, const br_block *b);
/* A table cell's chart (sparkline, stacked bar) as a drawing at its
 * natural size, in L->work; the cell shrinks it to fit its column. */
const br_graphic *br_lay_cell_chart(lay *L, const br_chart *c);

typedef struct ltable ltable;
typedef struct lay_family lay_family;
/* Prepares and measures a table; family: the widths of its type, or NULL. */
ltable *br_lay_table_prepare(lay *L, const br_block *b, const lay_family *family);
/* Whether the table prints its caption where it starts too (before it is
 * fitted): when no caption heading stands above it. */
void br_lay_table_caption_at_start(ltable *t, bool on);
/* Fits the columns to the current text width; false after reporting an
 * error (fixed widths wider than the page). */
bool br_lay_table_fit(lay *L, ltable *t);
/* Height the table needs at the top of where it starts (header and its
 * first rows as they must be kept), probing their footnotes. */
double br_lay_table_start_height(lay *L, ltable *t);
/* Moves to a new page unless the table's start fits here (a fresh page
 * always does); false when the table draws nothing. */
bool br_lay_table_start(lay *L, ltable *t);
void br_lay_table_place(lay *L, ltable *t);
double br_lay_table_shrink(const ltable *t, double width);
/* Measures the tables that share a type, before any is placed. */
void br_lay_table_families(lay *L);

/* ---- the state of one run of br_layout ---- */

/* The widths shared by the tables of one type (layout_table.c). */
#define LAY_FAMILY_FITS 4
struct lay_family {
    size_t ncols;
    double *min, *two, *soft, *pref, *hdr, *shdr;
    double *hang_x;         /* per column: the slot for what hangs after the figures,
                             * the widest of its tables', so every table's figures
                             * end on one edge */
    size_t *members;        /* its tables' block indices */
    size_t nmembers, members_cap;
    /* Column widths fitted over the rows of all its tables together, for
     * up to LAY_FAMILY_FITS text widths (portrait, landscape, columns). */
    double fit_width[LAY_FAMILY_FITS];
    double *fit[LAY_FAMILY_FITS];
    size_t nfits;
};

typedef struct lay_block {
    /* What the block's text and table need only while it is laid out: freed
     * once it is placed, so memory holds the blocks being looked at, not
     * every table of the report.  NULL until first needed. */
    br_arena *arena;
    bool prepared;
    tx_prep prep;
    tx_text text;           /* broken at text.width; nlines 0 until then */
    bool broken;
    ltable *table;          /* the table as set for table_width */
    ltable *base;           /* at its own type size */
    double table_width;     /* text width the table was chosen for */
    double shrunk_size;     /* > 0: set smaller to fit (warned when placed) */
    bool shrink_warned;
    const lay_family *family;   /* NULL: a table of a type of its own */
} lay_block;

struct lay {
    const br_doc *doc;
    const br_style *style;
    const br_fontset *fonts;
    br_arena *arena;        /* what outlives the layout: pages, items, painted text */
    br_arena *work;         /* prepared and broken text, tables: arena, or a block's own */
    br_diags *diags;
    br_pages *pages;
    bool failed;

    /* Bookmarks and appendices (layout.c). */
    const char *appendix;   /* the appendix being laid out, or NULL */
    int heading_level;      /* bookmark level of the last heading (captions nest under it) */
    /* the levels (as written) of the headings the next bookmark may nest
     * under, outermost first: heading_level of them */
    int open_headings[BR_OUTLINE_DEPTH];
    const char *heading_title;  /* and its text */

    /* The current page and its content box. */
    br_orientation orient;
    double pw, ph, left, right, top, bottom;
    double pleft, pright;   /* the page's text box: left and right are a column's within it */
    size_t cur;
    double y;               /* top of the next flow content */
    bool fresh;             /* no flow content on the page yet */

    /* Columns side by side (layout.c): their count (0: the full width),
     * the one being filled, the page and y they started at, the lowest
     * end of a column so far, and whether the page was fresh there. */
    struct lay_cols {
        int n, i;
        size_t page, block;
        double top, low;
        bool fresh, fresh_after;
    } cols;
    /* Per block: columns that ran onto a new page when they did not start
     * a page, so start one in the next run; and whether one did now. */
    bool *col_fresh;
    bool col_again;

    /* Footnotes. */
    lay_note *notes;
    size_t nnotes;
    struct lay_key {
        const char *key;
        size_t index;
    } *keys;                /* footnote keys sorted, then by index */
    size_t *by_text;        /* numbered notes by text: a hash table of index + 1 */
    size_t by_text_cap;     /* a power of two, over twice nnotes */
    int next_number;
    unsigned stamp;
    double probe_h;         /* footnote height the current probe adds */
    const void *note_owner; /* the table whose rows are committing notes, or NULL */
    lay_pnote *probed;      /* the notes the current probe counts */
    size_t nprobed, probed_cap;
    size_t *s_pack;         /* scratch: note lines in number order, packing */
    size_t s_pack_cap;
    double note_h;          /* the page's footnote area, separator included */
    double note_sep;        /* space above the first footnote (rule) */
    double note_indent;     /* footnote text after its number */
    lay_pnote *pnotes, *carry;
    size_t npnotes, pnotes_cap, ncarry, carry_cap;

    /* Fonts: metrics of the regular face in 1/1000 em; characters warned of. */
    double ascent, descent, cap_height;
    double char_w;          /* a character of English text at 1 pt (br_lay_measure) */
    br_glyph_warned *warned;

    /* Scratch arrays reused by every prepare and break. */
    tx_atom *s_atoms;
    tx_frag *s_frags;
    tx_line *s_lines;
    int *s_notes;
    size_t s_natoms, s_atoms_cap, s_nfrags, s_frags_cap, s_nlines, s_lines_cap,
        s_nnotes, s_notes_cap;

    /* Items of the current page, copied to it at its end at their size. */
    br_item *s_items;
    size_t s_nitems, s_items_cap;
    bool open;              /* the current page takes items into s_items */
    bool repeating;         /* text emitted now repeats text printed before */

    lay_block *blocks;      /* one per doc block */
    /* Room the running header and footer need beyond the page margins (the
     * body shrinks by it), and the slots already warned of as cut short. */
    double head_extra, foot_extra;
    bool running_cut[2][3];
    bool measuring;         /* measuring tables' types: no warnings, no types */

    /* Structure (layout_struct.c): the element text drawn now is content
     * of; whether rules and fills drawn now are too (a figure's), or
     * nothing is (an artifact: a repeated table header); open lists. */
    uint32_t elem;
    bool figure, artifact;
    uint32_t list[BR_LAY_LIST_DEPTH + 1], lbody[BR_LAY_LIST_DEPTH + 1];
};

#endif
