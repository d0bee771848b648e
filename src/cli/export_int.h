/* export_int.h — private to src/cli/export*.c: the export's tables.
 *
 * Each table an officer can take out of a report (measures, values,
 * milestones, finance, objectives) is built once as typed cells
 * (export_table.c); the CSV writer (export_csv.c) and the xlsx writer
 * (export_xlsx.c) only print them, so the two formats can never disagree
 * about what a column holds.
 */
#ifndef BR_EXPORT_INT_H
#define BR_EXPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_arena.h"
#include "br_model.h"
#include "br_template.h"

typedef enum br_xkind {
    BR_X_EMPTY,
    BR_X_TEXT,          /* text as the author wrote it */
    BR_X_NUMBER,        /* a figure: CSV prints it plain, xlsx with its unit's format */
    BR_X_CHANGE,        /* a change in percent: rounded to 2 places */
    BR_X_DATE,
    BR_X_BOOL,
    BR_X_STATUS,        /* a RAG word: CSV prints the name, xlsx the label on its fill */
} br_xkind;

/* How a number shows in xlsx: a measure's unit, or a finance amount. */
typedef enum br_xnumfmt { BR_XN_MEASURE, BR_XN_FINANCE, BR_XN_PLAIN } br_xnumfmt;

typedef struct br_xcell {
    br_xkind kind;
    const char *text;       /* TEXT; STATUS: its export name ("green") */
    const char *label;      /* STATUS: the template's word ("Better than target") */
    uint32_t fill, ink;     /* STATUS: the template's colours */
    double number;          /* NUMBER, CHANGE */
    int decimals;           /* NUMBER: places to show (-1: as many as it has) */
    br_unit unit;           /* NUMBER with BR_XN_MEASURE */
    br_xnumfmt numfmt;
    br_date date;           /* DATE */
    bool flag;              /* BOOL */
} br_xcell;

/* Which writers print a column: both, or only one (CSV carries a status's
 * name and its label in two columns; xlsx shows the label on its fill). */
typedef enum br_xonly { BR_X_BOTH, BR_X_CSV_ONLY, BR_X_XLSX_ONLY } br_xonly;

typedef struct br_xcolumn {
    const char *key;        /* CSV header: snake_case, stable for Power Query */
    const char *heading;    /* xlsx header: words */
    br_xonly only;
    bool wrap;              /* long prose: wrapped in xlsx */
} br_xcolumn;

typedef struct br_xtable {
    int id;                 /* a br_xtable_id */
    const char *name;       /* --table NAME */
    const char *sheet;      /* the xlsx sheet's name */
    br_xcolumn *columns;
    size_t ncolumns, capcolumns;
    size_t freeze_columns;  /* xlsx: columns kept in view (the id and title) */
    const br_report *report;
    const br_template *t;
    br_arena *arena;
    /* measures: the comparators' names and the periods with a note, each a
     * column; values: none */
    const char **comparators;
    size_t ncomparators, capcomparators;
    bool *note_periods;     /* [nperiods]: some measure has a note for it */
    bool gauged;            /* some measure is drawn on a gauge: its columns */
} br_xtable;

/* The tables, in the order xlsx puts its sheets. */
typedef enum br_xtable_id {
    BR_XT_MEASURES,
    BR_XT_VALUES,
    BR_XT_MILESTONES,
    BR_XT_FINANCE,
    BR_XT_OBJECTIVES,
    BR_XT_REPORT,
    BR_XT_COUNT
} br_xtable_id;

/* The --table name of each ("measures", "values", ...). */
extern const char *const br_xtable_names[BR_XT_COUNT];

/* The table id whose name is name; -1 when none. */
int br_xtable_find(const char *name);

/* Table id of report r (its columns), with t's status words and colours. */
br_xtable *br_xtable_new(br_xtable_id id, const br_report *r, const br_template *t,
                         br_arena *arena);

/* Calls row(ctx, cells) for each row of x in order, cells[x->ncolumns]
 * valid until the next call: rows are made one at a time, so a report of
 * 20,000 measures never holds its whole table in memory. */
/* Author text as the paper prints it, for every export: without markup or
 * footnote marks (and the space left before a mark); s itself when it has
 * none, else a copy in arena. */
const char *br_export_plain(br_arena *arena, const char *s);

typedef void (*br_xrow_fn)(void *ctx, const br_xcell *cells);
void br_xtable_rows(const br_xtable *x, br_xrow_fn row, void *ctx);

#endif
