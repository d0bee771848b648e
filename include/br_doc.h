/* br_doc.h — the typeset document: what layout paginates.
 *
 * The composer turns the report model's sections into this flat list of
 * blocks (headings, paragraphs, tables, page breaks); layout turns the blocks
 * into pages.  Nothing here knows about measures or finance: a RAG cell is a
 * cell with a fill, a colour and its word.
 *
 * All strings are UTF-8 and owned by the arena the document was built in.
 */
#ifndef BR_DOC_H
#define BR_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_diag.h"
#include "br_font.h"
#include "br_style.h"

/* A run of text in one face.  A run whose footnote is set is a footnote
 * reference: layout numbers footnotes in order of first reference through
 * the paper and draws the number as a superscript (text is ignored).
 * A '\n' inside text is a forced line break. */
typedef struct br_run {
    const char *text;
    size_t len;
    br_face face;
    bool superscript;
    bool has_color;
    uint32_t color;
    const char *footnote;   /* key into br_doc.footnotes, or NULL */
    bool hangs;             /* a status word after its figure ("79.8% (Amber)"): set
                             * outside the column's alignment, as a marker is */
    br_loc loc;             /* where the text came from, for messages */
} br_run;

typedef struct br_rich {
    br_run *runs;
    size_t nruns, cap;
} br_rich;

/* A coloured word beside a heading or in a cell (RAG tag). */
typedef struct br_tag {
    const char *text;       /* NULL: no tag */
    uint32_t fill, color;
} br_tag;

/* A drawing in its own coordinates (points, origin top left, y down):
 * charts and sparklines.  Layout places it whole, never split. */
typedef enum br_shape_kind {
    BR_SHAPE_RECT,          /* filled: x, y, w, h */
    BR_SHAPE_LINE,          /* stroked: x, y to x2, y2, width */
    BR_SHAPE_TEXT,          /* text with its baseline at y, anchored at x by align */
} br_shape_kind;

typedef struct br_shape {
    br_shape_kind kind;
    double x, y, w, h, x2, y2, width;
    uint32_t color;
    const char *text;
    br_face face;
    double size;
    br_align align;         /* TEXT: LEFT (x is the start), CENTER, RIGHT (x is the end) */
} br_shape;

typedef struct br_graphic {
    double width, height;
    /* What it shows, in words, for a reader who cannot see it ("Bullet
     * chart: ..."); NULL: decoration, nothing to say. */
    const char *alt;
    br_shape *shapes;
    size_t nshapes, cap;
} br_graphic;

/* A chart described by data (what it shows, not where): layout measures its
 * labels with the real fonts, picks the axis ticks, sets charts in a grid
 * and draws them in the style's chart colours (layout_chart.c). */
typedef enum br_chart_type {
    BR_CHART_TYPE_BULLET,   /* one value against its target and status bands */
    BR_CHART_TYPE_LINE,     /* a series over periods, the target as a line */
    /* In a table cell, below its text: */
    BR_CHART_TYPE_SPARKLINE,    /* a measure's history, its last point in its status fill */
    BR_CHART_TYPE_STACKED,      /* status counts as one bar of coloured segments */
} br_chart_type;

/* A stretch of the value axis in a status colour.  from may be -HUGE_VAL
 * and to HUGE_VAL: the band runs to the axis end. */
typedef struct br_chart_band {
    double from, to;
    uint32_t fill;          /* the status fill; layout lightens it (style chart.band_tint) */
    const char *label;      /* the status's word, for the key ("In tolerance"); NULL: none */
    int rank;               /* the key lists band words by rank, the lowest (best) first */
} br_chart_band;

/* How the axis writes a figure: prefix, number, suffix ("£" "54.6" "m"). */
typedef struct br_chart_axis {
    const char *prefix, *suffix;
    bool percent;           /* the axis is 0-100% unless a figure lies outside it */
    bool thousands;         /* 5,611 */
    bool brackets;          /* negatives as (3,458) */
} br_chart_axis;

/* One period of a line chart. */
typedef struct br_chart_point {
    const char *label;      /* the period as the paper names it */
    const char *text;       /* the figure as printed; NULL: no figure this period */
    double value;
} br_chart_point;

/* One segment of a stacked bar: a count in its status fill. */
typedef struct br_chart_segment {
    size_t count;
    uint32_t fill;
} br_chart_segment;

typedef struct br_chart {
    br_chart_type type;
    const char *title;      /* printed above the chart (in a grid); NULL: none */
    const char *measure;    /* what it charts, named in its alternative text */
    const char *summary;    /* what the colours say, in words; NULL: none */
    br_chart_axis axis;
    bool has_target;
    double target;
    const char *target_text;    /* LINE: the target line's label, "Target 10%" */
    /* BULLET */
    bool has_value;         /* false: only the title and summary print */
    double value;
    const char *value_label;    /* the bar, in the key: "2019/20 Q2 figure" */
    const char *target_label;   /* the target mark, in the key: "Target" */
    br_chart_band *bands;
    size_t nbands;
    bool fixed_scale;       /* the axis runs exactly from scale_lo to scale_hi */
    double scale_lo, scale_hi;
    const double *ticks;    /* the axis's marks, low to high (a gauge's band
                               edges), labelled to one number of decimals;
                               NULL: round steps */
    size_t nticks;
    int mark_places;        /* the places every one of ticks is written with */
    /* LINE, SPARKLINE */
    br_chart_point *points;
    size_t npoints;
    uint32_t mark_fill;     /* SPARKLINE: the last point's fill (the status's) */
    /* STACKED: segments in order; the bar's full length stands for scale */
    br_chart_segment *segments;
    size_t nsegments;
    size_t scale;
} br_chart;

typedef struct br_cell {
    br_rich text;
    const br_chart *chart;      /* SPARKLINE or STACKED: drawn below the text by layout */
    const br_graphic *graphic;  /* a drawing given whole, drawn below the text */
    int span;               /* columns spanned, 1 or more */
    br_align align;
    bool bold;              /* whole cell in the bold face */
    bool has_fill;
    uint32_t fill;
    bool has_color;
    uint32_t color;
} br_cell;

typedef enum br_row_kind {
    BR_ROW_BODY,
    BR_ROW_GROUP,           /* group heading ("Attendance Rates"): kept with the next row */
    BR_ROW_TOTAL,           /* ruled above, bold */
} br_row_kind;

typedef struct br_row {
    br_cell *cells;
    size_t ncells, cap;
    br_row_kind kind;
} br_row;

typedef struct br_colspec {
    double width;           /* fixed width in pt; 0: from content */
    double weight;          /* share of spare width among auto columns; 0 = 1 */
    br_align align;         /* default for body cells */
    bool identifies;        /* its cells say whose the row is (a milestone's lead and
                               other agency): drawn again where a split row continues */
} br_colspec;

typedef struct br_table {
    br_colspec *cols;
    size_t ncols;
    br_row *header;         /* repeated on every page the table crosses */
    size_t nheader, header_cap;
    br_row *rows;
    size_t nrows, rows_cap;
    const char *caption;    /* repeated above the header with style->continued */
    double font_size;       /* 0: style->table_body.size */
    double width;           /* 0: the full text width */
    /* Tables of one type (every objective's measures in the same columns,
     * its milestones) share their column widths, whatever their headings
     * say; NULL: a table is known by its header rows' words. */
    const char *type;
} br_table;

typedef enum br_block_kind {
    BR_BLOCK_HEADING,
    BR_BLOCK_PARAGRAPH,
    BR_BLOCK_TABLE,
    BR_BLOCK_PAGE_BREAK,
    BR_BLOCK_SPACE,
    BR_BLOCK_GRAPHIC,
    BR_BLOCK_CHART,
    BR_BLOCK_COLUMNS,       /* what follows is set in `columns` columns side by side (1: ends them) */
    BR_BLOCK_COLUMN_BREAK,  /* what follows goes into the next column */
} br_block_kind;

typedef struct br_block {
    br_block_kind kind;
    br_loc loc;

    /* HEADING (level 0 = document title, 1..3) and PARAGRAPH */
    int level;
    br_rich text;
    br_tag tag;             /* HEADING: tag drawn after the heading text */
    bool outline;           /* HEADING: add a bookmark */
    bool caption;           /* HEADING: a table's or chart's caption; its bookmark nests
                             * under the heading before it */
    bool appendix;          /* HEADING: starts an appendix: from its page on, running
                             * heads show its text ({appendix}) and the bookmarks of
                             * the headings after it nest under its own */

    /* PARAGRAPH */
    int number;             /* > 0: drawn in the hanging indent as "12." */
    int bullet;             /* > 0: bullet level */
    const char *label;      /* a bullet item's own letter or number ("a.", "1)", "(iv)"),
                             * set where its bullet would be; NULL: the bullet */
    double indent;          /* extra left indent, pt (bullets under a numbered paragraph) */
    double font_size;       /* 0: style->body.size */
    br_align align;
    bool keep_with_next;

    /* TABLE */
    br_table table;

    /* PAGE_BREAK: orientation of what follows */
    br_orientation orientation;

    /* SPACE */
    double height;

    /* COLUMNS: how many, side by side, until the next COLUMNS block, page
     * break or the end; each starts where the first did, at its COLUMN_BREAK */
    int columns;

    /* GRAPHIC */
    br_graphic graphic;

    /* CHART: charts side by side, per_row to a row (0: as many as fit at
     * style chart.min_width each); a row is never split across pages. */
    br_chart *charts;
    size_t ncharts;
    int per_row;
} br_block;

/* A footnote: one of the author's (footnotes: by a key) or one the paper
 * writes (a value's note, a lead's name).  Notes of the same text share
 * one number, whoever wrote them (layout_note.c). */
typedef struct br_footnote {
    const char *key;
    br_rich text;
} br_footnote;

/* A file the PDF carries inside it (a PDF/A-3 associated file). */
typedef struct br_doc_file {
    const char *name;           /* "report/measures.yaml": its name in the PDF */
    const char *description;    /* what it is, in words */
    const char *mime;           /* "application/yaml" */
    const char *relationship;   /* to the paper: "Source" or "Data" (PDF/A-3's AFRelationship) */
    const unsigned char *data;
    size_t len;
} br_doc_file;

typedef struct br_doc {
    br_arena *arena;
    br_block *blocks;
    size_t nblocks, blocks_cap;
    br_footnote *footnotes;
    size_t nfootnotes, footnotes_cap;

    /* Document information */
    const char *title, *author, *subject, *keywords;
    int year, month, day;   /* creation and modification date */
    bool draft;

    /* What the paper is, so that any copy can be matched to its source
     * (`boardreport verify`): the period and version from the report, and
     * the SHA-256 of its source files (br_archive.h).  The painter writes
     * them into the Info dictionary under the keys br_doc_info lists (the
     * XMP metadata mirrors the same list) and derives the PDF's document ID
     * from source_digest. */
    const char *period;         /* "2019/20 Q2" */
    int version;                /* 1, 2, ... */
    const char *source_digest;  /* 64 lowercase hex digits; NULL: no ID written */

    /* The files the PDF carries, in any order (the painter sorts them by
     * name): the paper's source YAML and its export JSON, so a published
     * copy holds its own data.  Set by the caller; none: nothing embedded. */
    const br_doc_file *files;
    size_t nfiles;
} br_doc;

/* One custom entry of the document information. */
typedef struct br_doc_info_entry {
    const char *key;        /* Info key, also the XMP property name */
    char value[80];         /* ASCII */
} br_doc_info_entry;

/* The Info keys boardreport adds, in one place for the Info dictionary,
 * the XMP packet and `verify`, which reads them back. */
#define BR_INFO_PERIOD "ReportPeriod"
#define BR_INFO_VERSION "ReportVersion"
#define BR_INFO_SOURCE_DIGEST "SourceSHA256"
#define BR_DOC_INFO_MAX 3

/* Fills out with the custom entries doc carries, in the order above,
 * leaving out those not set; returns how many. */
size_t br_doc_info(const br_doc *doc, br_doc_info_entry out[BR_DOC_INFO_MAX]);

/* Builders: each returns the new element, zeroed, owned by doc->arena. */
void br_doc_init(br_doc *doc, br_arena *arena);
br_block *br_doc_add_block(br_doc *doc, br_block_kind kind);
br_run *br_rich_add(br_arena *arena, br_rich *rich, const char *text, size_t len, br_face face);
br_row *br_table_add_row(br_arena *arena, br_table *table, bool header);
br_cell *br_row_add_cell(br_arena *arena, br_row *row, const char *text, br_align align);
br_footnote *br_doc_add_footnote(br_doc *doc, const char *key);
br_shape *br_graphic_add(br_arena *arena, br_graphic *g, br_shape_kind kind);

/* Parses the inline markup of the report format into runs appended to rich:
 * *italic*, **bold**, ***bold italic***, [^key] footnote references.  A
 * backslash escapes the next character.  Unclosed markers print as written. */
void br_rich_parse(br_arena *arena, br_rich *rich, const char *text, br_face base, br_loc loc);

#endif
