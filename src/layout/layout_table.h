/* layout_table.h — tables as layout sees them (private to layout_table.c
 * and layout_rows.c).
 *
 * A table is measured once (every cell's text prepared, every column's
 * minimum and preferred width found), then fitted to the text width of the
 * page it starts on (column widths, every cell broken into lines), then its
 * rows are placed page by page, split between lines when they must be.
 */
#ifndef BR_LAYOUT_TABLE_H
#define BR_LAYOUT_TABLE_H

#include "layout_int.h"

typedef struct lcell {
    const br_cell *cell;
    size_t col, span;       /* grid columns [col, col + span) */
    br_align align;         /* after the column's default */
    bool decimal;           /* on the column's decimal point (one line, one column) */
    double dec_left;        /* width before its decimal point */
    bool whole;             /* a decimal figure without a fraction ("193", "69%") */
    bool prose;             /* words in a figure column, set on the left */
    bool placeholder;       /* "NA", "-": a figure's place, no figure */
    double hang;            /* footnote markers and a status word ("(Amber)")
                             * hanging past its figure's right edge */
    bool hang_word;         /* the hang holds a status word (TX_HANG) */
    bool in_header;         /* a header row's cell */
    tx_prep prep;
    tx_text text;
    /* A drawing below the text (a sparkline), never split: it takes lines
     * [g_line, g_line + g_lines) of the cell, scaled by g_scale to fit. */
    const br_graphic *graphic;
    size_t g_line, g_lines;
    double g_scale;
    /* Prose wider than a readable measure set in columns side by side,
     * split lines each (the last may hold fewer), each split_x to the
     * right of the one before; split 0: one column. */
    size_t split;
    double split_x;
    uint32_t elem;          /* its TH or TD once drawn; 0 before */
} lcell;

/* A row split across pages leaves at least ROW_FOOT_LINES lines at the
 * foot of a page and takes at least ROW_HEAD_LINES to the next; a row too
 * short for both moves whole (layout_rows.c). */
#define ROW_FOOT_LINES 3
#define ROW_HEAD_LINES 2

typedef struct lrow {
    lcell *cells;
    size_t ncells;
    br_row_kind kind;
    bool header;
    tx_style st;
    size_t nlines;          /* lines of its tallest cell, at least 1 */
    bool has_notes;
    uint32_t elem;          /* its TR once drawn; 0 before */
} lrow;

struct ltable {
    const br_block *block;
    const br_table *src;
    const lay_family *family;   /* its type's, when it is set at its type's size */
    size_t ncols;
    double *fixed;          /* per column, from the colspecs */
    /* Per column, padding included, each at least the one before: the
     * longest word, short phrases in two lines, short phrases whole, body
     * lines whole, header lines whole; and short headers whole. */
    double *min, *two, *soft, *pref, *hdr, *shdr;
    const lcell **spans;    /* spanning cells, narrowest span first */
    size_t nspans;
    double *dec_l, *dec_r;  /* per column: widest parts either side of the point */
    double *whole_r;        /* per column: widest tail of a whole figure ("%" of "69%") */
    double *figure;         /* per column: its widest figure */
    double *hang_x;         /* per column: how far its figures stand left of the
                             * padding for the widest hanging marker to keep clear
                             * of the rule */
    bool *point;            /* per column: figures line up on the point */
    br_align *calign;       /* per column: its one alignment */
    bool *prose;            /* per column: a figure column holding prose, sized as text */
    double *x;              /* ncols + 1 column edges from the table's left */
    bool *inner;            /* scratch: edges inside a spanning cell */
    double width;
    double fitted_to;       /* text width the columns were fitted to; < 0: none */
    double failed_for;      /* text width the fixed columns did not fit */
    lrow *head, *rows;
    size_t nhead, nrows;
    double head_h;
    bool has_caption;
    tx_prep cap_prep;
    tx_text cap_text;
    double cap_h;
    /* The caption where the table starts, without "(continued)": printed
     * when no caption heading stands above the table (start_h > 0). */
    bool caption_at_start;
    tx_prep start_prep;
    tx_text start_text;
    double start_h;
    bool repeat;            /* header rows repeat on later pages */
    uint32_t elem, thead, tbody;    /* structure elements once drawn; 0 before */
    double pad_x, pad_y;
};

double br_lay_row_chunk_h(const ltable *t, const lrow *r, size_t lines);
/* The columns cell c's text is set in (1 unless split), and the lines
 * [*from, *to) of its column col. */
size_t br_lay_cell_columns(const lcell *c);
void br_lay_cell_column_lines(const lcell *c, size_t col, size_t *from, size_t *to);
/* The cell's preferred width, its drawing included (padding excluded). */
double br_lay_cell_pref(const lcell *c);


#endif
