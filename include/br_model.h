/* br_model.h — the report model: one quarter's paper, loaded and checked.
 *
 * br_report_load (br_report.h) builds this from the YAML files; the compute
 * functions fill in the derived fields (marked "computed"); the composer
 * reads it.  Every element keeps the place it was written (br_loc) so that
 * any later message can point at it.  All memory belongs to report->arena.
 *
 * Indexes into report->periods are size_t; BR_NONE means "none".
 */
#ifndef BR_MODEL_H
#define BR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_style.h"

#define BR_NONE ((size_t)-1)
/* Levels of banner rows over a table's column headings. */
#define BR_MAX_BANNERS 3

/* ---- Periods ---------------------------------------------------------- */

typedef enum br_period_kind {
    BR_PERIOD_QUARTER,      /* "2019/20 Q2": financial year starting April */
    BR_PERIOD_MONTH,        /* "2015-12" */
    BR_PERIOD_YEAR,         /* "2019/20": a whole financial year (extension) */
} br_period_kind;

typedef struct br_date {
    int year, month, day;   /* all 0: no date */
} br_date;

typedef struct br_period {
    const char *id;         /* as written: "2019/20 Q2" */
    br_period_kind kind;
    int year;               /* first calendar year of the financial year, or the month's year */
    int sub;                /* quarter 1..4, month 1..12, 0 for a year */
    br_date end;            /* last day of the period */
    br_loc loc;
    const char *label;      /* as the paper prints it (report.period_label): "Q4
                               2012/13"; NULL: the id */
} br_period;

/* ---- Values ----------------------------------------------------------- */

typedef enum br_value_kind {
    BR_VALUE_NONE,          /* absent */
    BR_VALUE_NUMBER,
    BR_VALUE_TEXT,          /* TBD, NA, *, Not available: shown as written, no status */
} br_value_kind;

typedef struct br_value {
    br_value_kind kind;
    double number;
    const char *text;       /* TEXT: the string; NUMBER: the number as written */
    int decimals;           /* NUMBER: decimal places as written ("11.0" -> 1) */
    bool as_written;        /* NUMBER written as printed ("76%", "£2.8m", "62% (158/256)"):
                               text is what the paper prints */
    int unit_written;       /* as_written: the br_unit its '%' or '£' says, -1 none */
    br_loc loc;
} br_value;

/* A figure set for one period: an entry of a profiled target or tolerance
 * (`target: {2012/13 Q1: 76, 2012/13: 80}`).  The period need not be in
 * periods: (a whole year's target while quarters are reported). */
typedef struct br_period_value {
    br_period period;
    br_value value;
} br_period_value;

/* ---- Measures --------------------------------------------------------- */

/* The enums below come from the vocabulary (br_vocab.def): one line there
 * makes the constant, its YAML and export names and its default words. */
typedef enum br_frequency {
#define BR_FREQUENCY(ID, ...) BR_FREQ_##ID,
#include "br_vocab.def"
    BR_FREQ_COUNT
} br_frequency;

typedef enum br_polarity {
#define BR_POLARITY(ID, ...) BR_POLARITY_##ID,
#include "br_vocab.def"
    BR_POLARITY_COUNT
} br_polarity;

typedef enum br_unit {
#define BR_UNIT(ID, ...) BR_UNIT_##ID,
#include "br_vocab.def"
    BR_UNIT_COUNT
} br_unit;

/* Order matters: summaries list statuses in this order. */
typedef enum br_status {
#define BR_STATUS(ID, ...) BR_STATUS_##ID,
#include "br_vocab.def"
    BR_STATUS_COUNT
} br_status;

typedef enum br_trend {
#define BR_TREND(ID, ...) BR_TREND_##ID,
#include "br_vocab.def"
    BR_TREND_COUNT
} br_trend;

/* A stretch of a measure's value axis and the status a value in it gets
 * (br_measure_bands).  from may be -HUGE_VAL and to HUGE_VAL: the band runs
 * on to the axis's end. */
typedef struct br_band {
    double from, to;
    br_status status;
    bool neutral;       /* a gauge's band with no status (the paper gives only
                           its edges): drawn in a grey shade, named by no word */
} br_band;

#define BR_MAX_BANDS 5          /* red, amber, green, amber, red (range) */

typedef struct br_comparator {
    const char *name;       /* "Similar Authorities" */
    br_value value;
    bool has_rag;
    br_status rag;          /* GREEN, AMBER or RED when set by hand */
    const char *note;       /* optional text printed after the value ("(2011)") */
    size_t period;          /* period: the measure's value for that period is the
                               comparator's (last year's outturn); BR_NONE: value: */
    br_loc loc;
} br_comparator;

typedef struct br_measure {
    const char *id;
    br_loc loc;
    const char *ref;        /* printed reference ("1"), as the paper numbers it; not unique */
    const char *title;
    const char *objective;  /* NULL when not set */
    const char *group;
    const char *kind;
    br_frequency frequency;
    br_polarity polarity;   /* NONE when not stated (has_polarity false) */
    bool has_polarity;      /* polarity: written; only what is computed from
                               the figures against a target needs it */
    br_loc polarity_loc;
    br_unit unit;
    bool has_unit;          /* unit: written; else the unit its figures are
                               written in ("72%"), else number */
    const struct br_value *unit_from;   /* without unit:, the figure that gave it */
    int decimals;           /* -1: as written */
    int change_decimals;    /* places of its change columns; -1: one */
    br_value target;        /* for the report period (resolved from target_by) */
    br_value tolerance;
    br_period_value *target_by, *tolerance_by;  /* profiled: by period, as written */
    size_t ntarget_by, ntolerance_by;
    const char *target_display; /* printed instead of the target ("≥60%") */
    const char *target_note;    /* printed after it ("(July 12)", "[^fn]") */
    bool has_range;
    double range_lo, range_hi;
    br_loc range_loc;
    int benchmark;          /* -1 unset, 0 no, 1 yes */
    br_value *values;       /* [report->nperiods], kind NONE where absent */
    const char **notes;     /* [report->nperiods], NULL where absent */
    size_t latest;          /* computed: the latest period up to the report period
                             * with a figure (the `latest` column); BR_NONE: none */
    br_comparator *comparators;
    size_t ncomparators;
    /* The author's word: a status or trend written in the YAML is what the
     * paper prints and counts; the computed one is then only a check. */
    bool has_status_override;
    br_status status_override;
    br_loc status_loc;
    const char *status_reason;  /* why the set status differs from the figures */
    bool has_trend_override;
    br_trend trend_override;
    br_loc trend_loc;
    const char *trend_text;     /* a trend written as words of the paper's own
                                   ("New measure"): printed as written, no direction */
    const char *trend_reason;
    const char *display;    /* text to print for the report period's value */
    const char *comment;

    /* computed (br_compute) */
    br_status status;           /* the one printed and counted: set, else computed */
    br_trend trend;
    br_status computed_status;  /* from the figures, whatever was set */
    bool status_on_latest;      /* a set RAG with no figure for the report period:
                                 * it rests on `latest`, an earlier period's figure,
                                 * and prints "as at" that period */
    br_trend computed_trend;
    bool has_change_previous, has_change_year;
    double change_previous, change_year;  /* percent, e.g. -1.71 */
    br_band bands[BR_MAX_BANDS];          /* the status bands; none without a target */
    size_t nbands;
} br_measure;

/* ---- Milestones ------------------------------------------------------- */

typedef enum br_milestone_status {
#define BR_MS_STATUS(ID, ...) BR_MS_##ID,
#include "br_vocab.def"
    BR_MS_COUNT
} br_milestone_status;

/* A due entry is a date, or free text ("Monthly", "Completed & ongoing"),
 * optionally with a note ("plan"). */
typedef struct br_due {
    br_date date;           /* all 0 for a text entry */
    const char *text;       /* as written */
    const char *note;
    br_loc loc;
} br_due;

typedef struct br_milestone {
    const char *id;
    br_loc loc;
    const char *ref;        /* printed reference ("12"); need not be unique */
    const char *objective;
    const char *group;
    const char *title;
    br_due *due;
    size_t ndue;
    const char *lead;       /* key into people */
    br_loc lead_loc;
    const char *partners;
    const char *progress;
    const char *corrective_action;
    br_milestone_status status;
    bool has_status;

    /* computed */
    bool overdue;           /* last due date before the period's end and not complete */
} br_milestone;

/* ---- Finance ---------------------------------------------------------- */

typedef enum br_fin_column {
#define BR_FINANCE_COLUMN(ID, ...) BR_FIN_##ID,
#include "br_vocab.def"
    BR_FIN_NCOLS
} br_fin_column;
typedef enum br_fin_split {
#define BR_FINANCE_SPLIT(ID, ...) BR_FIN_##ID,
#include "br_vocab.def"
    BR_FIN_NSPLITS
} br_fin_split;

typedef enum br_fin_sign {
    BR_SIGN_UNDERSPEND_POSITIVE,   /* variance = budget - forecast (default) */
    BR_SIGN_OVERSPEND_POSITIVE,    /* variance = forecast - budget */
} br_fin_sign;

typedef struct br_fin_amount {
    bool set;
    bool given;             /* written in the YAML (printed as written), not computed */
    double value;
    int decimals;           /* as written */
    br_loc loc;
} br_fin_amount;

typedef struct br_fin_row {
    const char *label;
    br_loc loc;
    bool heading;           /* a group-heading row: label only */
    /* amounts[column][split]: as given; net (gross + income) and variance
     * (budget and forecast) computed where not given */
    br_fin_amount amounts[BR_FIN_NCOLS][BR_FIN_NSPLITS];
    const char *note;
    /* The row's status (RAG), as the author states it (status:), printed
     * in a status column and used for its variance's colour; the computed
     * one is then a check that warns, unless status_reason says why. */
    bool has_status;
    br_status stated_status;
    const char *status_reason;
    br_loc status_loc;
    /* computed: the row's status, the stated one, else its net variance's
     * (br_variance_status); shown when the paper shows one for the row (it
     * states one, or the table prints the net variance): export gives
     * null for the rest. */
    br_status variance_status;
    br_status computed_variance_status;
    bool status_shown;
} br_fin_row;

/* One printed figure column: a column's split ("budget.gross"). */
typedef struct br_fin_figure {
    br_fin_column column;
    br_fin_split split;
} br_fin_figure;

typedef struct br_finance {
    const char *id;
    br_loc loc;
    const char *title;
    br_unit units;          /* GBP, GBP_K or GBP_M */
    br_fin_column columns[BR_FIN_NCOLS];
    size_t ncolumns;
    br_fin_split split[BR_FIN_NSPLITS];
    size_t nsplit;
    /* columns: written as figures (budget.gross, variance.net): the table
     * prints exactly these, one header row; else every column x split. */
    br_fin_figure figures[BR_FIN_NCOLS * BR_FIN_NSPLITS];
    size_t nfigures;
    bool flat;
    /* headings: the author's words for the label column, a column, a split
     * or one figure; NULL: the template's */
    const char *label_heading;
    const char *column_headings[BR_FIN_NCOLS];
    const char *split_headings[BR_FIN_NSPLITS];
    const char *figure_headings[BR_FIN_NCOLS][BR_FIN_NSPLITS];
    /* total_of: the ids of finance entries this one totals, row by row
     * (rows of the same label); resolved by the checker */
    const char **total_of;
    br_loc *total_of_locs;
    const struct br_finance **sources;
    size_t ntotal_of;
    br_fin_sign sign;
    bool percent_of_gross;          /* a variance percent is of the gross budget, not the net */
    br_fin_row *rows;
    size_t nrows;
    const char *total_label;        /* NULL: no total row */
    bool plain_variance;            /* variance_rag: false: the table colours no variance */
    /* rounding_note: the footnote of a table whose given figures differ
     * from their sums by rounding: the author's words, "" for none; NULL
     * (not written): the template's. */
    const char *rounding_note;
    const char *status_heading;     /* headings: status: NULL: the template's */
    bool status_column;             /* a row states its status: a status column */
    br_fin_amount given_total[BR_FIN_NCOLS][BR_FIN_NSPLITS];

    /* computed */
    br_fin_amount total[BR_FIN_NCOLS][BR_FIN_NSPLITS];  /* printed: given_total, else sum */
    br_fin_amount sum[BR_FIN_NCOLS][BR_FIN_NSPLITS];    /* the sum of the rows */
    bool rounding;          /* a given figure differs from its computed one by rounding */
    br_status total_variance_status;
    bool total_status_shown;        /* the table prints the total's net variance */
} br_finance;

/* ---- Commentary, footnotes, people ------------------------------------ */

typedef struct br_commentary {
    const char *id;         /* optional */
    br_loc loc;
    const char *objective;  /* optional */
    const char *title;
    const char *subtitle;   /* optional, printed in brackets after the title */
    bool has_rag;
    br_status rag;
    const char *text;
} br_commentary;

typedef struct br_keyed_text {
    const char *key;
    const char *text;
    br_loc loc;
} br_keyed_text;

/* An objective of the plan as the author writes it (`objectives:`): its
 * title, and what the author states of it.  Stated figures are printed;
 * computed ones (br_objective) check them. */
typedef enum br_ms_rag { BR_MSRAG_RED, BR_MSRAG_AMBER, BR_MSRAG_GREEN, BR_MSRAG_COUNT } br_ms_rag;

typedef struct br_objective_entry {
    const char *id;
    br_loc loc;
    const char *title;
    bool has_status;
    br_status status;
    br_loc status_loc;
    bool has_direction;
    br_trend direction;         /* IMPROVING, DECLINING, STABLE or NONE */
    br_loc direction_loc;
    const char *status_reason;      /* why the stated status differs from the figures */
    const char *direction_reason;   /* why the stated direction differs from the trends */
    const char *risks;          /* the risks column as written ("1*") */
    bool risks_by_rag;          /* risks: {red: "1*", amber: 3}: three cells */
    const char *risks_rag[BR_MSRAG_COUNT];  /* red, amber, green as written; NULL blank */
    br_loc risks_loc;
    bool has_measure_counts;    /* measures: {red, amber, green, data_only} */
    size_t measure_counts[BR_STATUS_COUNT];     /* data_only under NO_TARGET */
    bool measure_given[BR_STATUS_COUNT];        /* a count written; the others print blank */
    br_loc measure_counts_loc;
    bool has_milestone_status;  /* milestone_status: amber (one Milestones cell) */
    br_status milestone_status;
    br_loc milestone_status_loc;
    bool has_milestone_counts;  /* milestones: {red, amber, green} */
    size_t milestone_counts[BR_MSRAG_COUNT];
    bool milestone_given[BR_MSRAG_COUNT];
    br_loc milestone_counts_loc;
} br_objective_entry;

/* ---- Sections --------------------------------------------------------- */

/* Each type is one line of br_vocab.def and one file under
 * src/compose/sections/ (docs/contributing.md). */
typedef enum br_section_type {
#define BR_SECTION(ID, ...) BR_SEC_##ID,
#include "br_vocab.def"
    BR_SEC_COUNT
} br_section_type;

typedef enum br_column_kind {
#define BR_MEASURE_COLUMN(ID, ...) BR_COL_##ID,
#include "br_vocab.def"
    BR_COL_COUNT
} br_column_kind;

/* Columns of a milestone table. */
typedef enum br_ms_column_kind {
#define BR_MILESTONE_COLUMN(ID, ...) BR_MSCOL_##ID,
#include "br_vocab.def"
    BR_MSCOL_COUNT
} br_ms_column_kind;

typedef struct br_column {
    br_column_kind kind;    /* milestone tables: a br_ms_column_kind */
    size_t period;          /* BR_COL_PERIOD */
    bool has_target_period; /* BR_COL_TARGET written target:<period> */
    br_period target_period;
    const char *name;       /* BR_COL_COMPARATOR: the comparator's name */
    const char *heading;    /* optional heading override */
    /* header cells spanning this and adjacent columns with the same
     * banners, outermost first: "Targets" over "Performance Against:" */
    const char *banner[BR_MAX_BANNERS];
    size_t nbanners;
    bool with_status;       /* the cell carries the measure's status colour and
                               word, as "78% (July 12) (Green)" in the 2012 papers */
    bool with_ref;          /* a title cell led by the row's ref: "1. Pupils achieving…" */
    br_loc with_ref_loc;
    bool with_direction;    /* a target printed as the bound it is: "≥60%", "≤10%" */
    br_loc with_direction_loc;
    /* a profile's count column (measures, milestones, risks): its RAG
     * cells, left to right (rag: [red, amber]); nrag 0: the section's
     * rag_order, all three */
    br_status rag[3];
    size_t nrag;
    br_loc rag_loc;
    br_loc loc;
} br_column;

/* A summary section's columns (br_column.kind): a br_status each, and: */
enum { BR_SUMMARY_COL_GROUP = BR_STATUS_COUNT, BR_SUMMARY_COL_TOTAL };

/* The values one selection key lists: `kind: strategic` is one,
 * `kind: [contractual, strategic]` two; none means "any". */
typedef struct br_names {
    const char **items;
    br_loc *locs;
    size_t n;
} br_names;

/* Which measures or milestones a section shows: all that match every key
 * given (AND across keys), each key matching any of its values (OR within
 * a list); ids, when given, in that order. */
typedef struct br_selection {
    br_names objective, group, kind;
    const char **ids;
    br_loc *id_locs;
    size_t nids;
    /* ids sorted (strcmp), so that asking whether a measure is selected is
     * a binary search: a table naming 6,000 ids of 20,000 measures must not
     * cost 120 million comparisons.  NULL: scan ids. */
    const char **sorted_ids;
} br_selection;

typedef struct br_fact {
    const char *label;
    const char *value;
    br_loc loc;
} br_fact;

/* A cell or row of a generic `table` section. */
typedef struct br_tcell {
    const char *text;
    bool is_number;         /* written as a plain YAML number: printed formatted */
    double number;
    int decimals;           /* as written */
    int span;
    bool has_rag;
    br_status rag;
    bool bold;
    br_align align;
    bool has_align;
    br_loc loc;
} br_tcell;

typedef struct br_trow {
    br_tcell *cells;
    size_t ncells;
    const char *heading;    /* a heading row: one label across the table */
    bool total;
    br_loc loc;
    /* Written inline ([a, b, c]), where an unquoted comma splits a cell;
     * split_figure: a figure it split, rejoined ("1,200"), for the hint. */
    bool flow;
    const char *split_figure;
} br_trow;

typedef enum br_chart_kind { BR_CHART_BULLET, BR_CHART_BAR, BR_CHART_LINE } br_chart_kind;

/* A summary row the author states (a summary's rows:): its counts print,
 * and the paper's measures of that group only check them.  A status the
 * row leaves out counts 0 (prints blank). */
typedef struct br_stated_row {
    const char *key;            /* the group_by value, as the measures write it */
    br_loc loc;
    size_t counts[BR_STATUS_COUNT];
} br_stated_row;

typedef struct br_section {
    br_section_type type;
    br_loc loc;
    const char *id;             /* objective: "A"; optional elsewhere */
    const char *title;
    const char *subtitle;       /* front_sheet */
    int level;                  /* heading: 1..3 */
    bool has_rag;
    br_status rag;              /* heading: RAG shown beside it */

    /* paragraphs */
    const char **text;
    br_loc *text_locs;
    size_t ntext;
    bool numbered;              /* default true */

    /* front_sheet */
    const char *addressee;
    br_fact *facts;
    size_t nfacts;

    /* measure_table, milestone_table, objective, commentary, summary, chart */
    br_selection select;
    br_column *columns;
    size_t ncolumns;
    const char *group_by;       /* "group", "kind", "objective" */
    br_stated_row *stated_rows; /* summary: rows the author states */
    size_t nstated_rows;
    br_column *milestone_columns;   /* objective: its milestone table's columns */
    const char *milestone_title;    /* objective: its milestone table's caption */
    size_t nmilestone_columns;

    /* finance_table */
    const char *finance_id;
    br_loc finance_loc;
    const struct br_finance *finance;   /* resolved by the checker */

    /* table */
    br_trow *header;
    size_t nheader;
    br_trow *rows;
    size_t nrows;
    double *widths;             /* optional fixed column widths, mm */
    size_t nwidths;
    br_loc widths_loc;

    /* chart */
    br_chart_kind chart;
    const char *measure_id;     /* one measure's chart; NULL: a grid of the selected */
    int per_row;                /* charts to a row of the grid; 0: as many as fit */
    br_band *bands;             /* bullet: the paper's own bands (a gauge's scale),
                                   drawn instead of the measures' target bands */
    size_t nbands;
    br_loc bands_loc;
    bool latest;                /* bullet: the latest period with a figure, not
                                   the report period's */
    br_loc latest_loc;
    bool has_scale;             /* bullet: the axis runs from scale_from to
                                   scale_to exactly (scale: {from, to}) */
    double scale_from, scale_to;
    br_loc scale_loc;
    bool has_target;            /* bullet with bands: the gauge's target mark */
    double target;
    int target_decimals;        /* as written (95.0: 1) */
    br_loc target_loc;

    /* profile: columns (above) hold br_profile_column kinds */
    br_status rag_order[3];     /* its RAG count columns, left to right */
    bool has_rag_order;         /* else red, amber, green */
    bool no_key;                /* key: false: no "Key: G ..." row under it */

    /* columns: how many side by side (1 ends them) */
    int count;

    /* page_break */
    br_orientation orientation;
    const char *appendix;       /* starts an appendix of this title */
    br_loc appendix_loc;
} br_section;

/* ---- Objectives (computed) ------------------------------------------- */

/* One objective's figures, for the profile and the export
 * (br_objectives_compute): what the author states in objectives: is what
 * prints; the figures of the paper's measures and milestones check it. */
typedef struct br_objective {
    const br_section *section;      /* its objective section; NULL when none */
    const br_objective_entry *entry;    /* its objectives: entry; NULL when none */
    const char *id, *title;
    const char *risks;              /* as the entry writes it; NULL when not */
    bool risks_by_rag;              /* stated by RAG: risks_rag, NULL where blank */
    const char *risks_rag[BR_MSRAG_COUNT];
    size_t measures[BR_STATUS_COUNT];   /* its measures by status, as printed: the
                                           entry's measures: when stated */
    size_t computed_measures[BR_STATUS_COUNT];  /* the paper's measures by status */
    bool measures_stated, milestones_stated;
    /* A count the author's stated row leaves out (or writes as ~) prints
     * blank, as the paper does; it counts as none in the checks. */
    bool measure_blank[BR_STATUS_COUNT], milestone_blank[BR_MSRAG_COUNT];
    /* Its milestones as one RAG (the profile's milestone_status cell): the
     * entry's milestone_status:, else the status rule on milestone_rag;
     * blank when the objective has no milestone judged by RAG. */
    br_status milestone_status;
    bool milestone_status_stated, milestone_status_blank;
    size_t milestone_rag[BR_MSRAG_COUNT];   /* milestones by RAG, as printed: the
                                               entry's milestones: when stated, else
                                               missed or overdue / at risk / on track
                                               or complete */
    size_t milestones[BR_MS_COUNT];     /* its milestones by status, the overdue aside;
                                           one with no status counts as not started */
    size_t overdue;                     /* not complete, last due date passed */
    size_t improving, declining, trended;   /* its measures by trend */
    br_status status;               /* stated (objectives:, else a commentary entry's
                                       rag), else computed */
    bool status_stated;
    br_status computed_status;      /* br_objective_status of the printed counts */
    br_trend direction;             /* IMPROVING, DECLINING, STABLE; NONE: no trend */
    bool direction_stated;
    br_trend computed_direction;    /* br_objective_direction of its measures' trends */
} br_objective;

/* ---- The report ------------------------------------------------------- */

typedef enum br_report_status { BR_FINAL, BR_DRAFT } br_report_status;

/* Where the people: legend of lead initials prints: a note at each
 * person's first use in a lead cell, or one note on the lead column's
 * heading that lists everyone (as the 2012/13 plan prints it). */
typedef enum br_people_note { BR_PEOPLE_NOTE_FIRST_USE, BR_PEOPLE_NOTE_HEADING } br_people_note;

/* A footnote reference [^key] as written in some text. */
typedef struct br_fnref {
    const char *key;
    br_loc loc;
} br_fnref;

/* Every text an author wrote (titles, comments, labels, values such as
 * TBD), with its place: what `check` looks up in the fonts, so that a
 * character the font lacks is found without laying the paper out. */
typedef struct br_textref {
    const char *text;
    br_loc loc;
} br_textref;

typedef struct br_texts {
    br_textref *items;
    size_t n, cap;
} br_texts;

typedef struct br_report {
    br_arena *arena;
    const char *dir;            /* the report's folder */
    const char *main_file;

    const char *title, *subtitle, *organisation, *addressee;
    const char *period_id;
    size_t period;              /* index of report.period in periods */
    const char *period_label;   /* how the paper prints its quarters and months:
                                   "Q{q} {year}"; NULL: as their ids */
    br_loc period_label_loc;
    br_date date;
    br_date as_at;              /* "as at" date of the figures; all 0: the period's end */
    int version;
    br_loc version_loc;         /* its 'version:' key, else the report block */
    br_report_status status;
    br_loc status_loc;          /* its 'status:' key, else the report block */
    const char *template_name;
    br_loc template_loc;
    const char *classification;
    const char *language;       /* BCP 47 tag, over the template's; NULL: the template's */
    /* The running header and footer, over the template's when has_header
     * (has_footer): three slots each, "" for an empty one. */
    bool has_header, has_footer;
    const char *header[3], *footer[3];
    const char **corrections;
    size_t ncorrections;
    br_loc report_loc;
    /* Defaults for the whole paper: the status of a milestone that states
     * none (not-reported: the paper judges none), and the reason of every
     * measure status the paper sets by hand that gives none of its own. */
    bool has_milestone_status;
    br_milestone_status milestone_status;
    const char *status_reason;
    const char *trend_reason;   /* likewise for every trend set by hand */
    bool has_people_note;       /* over the template's people_note */
    br_people_note people_note;

    br_period *periods;
    size_t nperiods;

    br_keyed_text *people;
    size_t npeople;
    br_keyed_text *footnotes;
    size_t nfootnotes;
    br_fnref *fnrefs;       /* every [^key] written in any text, for the footnote check */
    size_t nfnrefs;
    br_keyed_text *kinds;       /* kind key -> its label in headings ("Contractual KPIs") */
    size_t nkinds;
    br_objective_entry *objective_entries;  /* objectives: as written */
    size_t nobjective_entries;

    br_measure *measures;
    size_t nmeasures;
    br_milestone *milestones;
    size_t nmilestones;
    br_finance *finance;
    size_t nfinance;
    br_commentary *commentary;
    size_t ncommentary;
    br_section *sections;
    size_t nsections;
    br_objective *objectives;   /* computed: one per objective section with an id */
    size_t nobjectives;

    /* Built by br_report_index once the model is complete, so that finding
     * a measure by id, or an objective's measures, is a binary search and
     * not a scan of every measure (a 20,000-measure report has 800
     * objectives).  NULL before: look-ups then scan. */
    struct br_key_index *measure_ids, *milestone_ids;
    struct br_key_index *measure_objectives, *milestone_objectives;
    size_t nmeasure_ids, nmilestone_ids, nmeasure_objectives, nmilestone_objectives;
    /* people:, footnotes: and objectives: by key, for the same reason (a
     * hostile file holds 250,000 footnotes). */
    struct br_key_index *person_keys, *footnote_keys, *objective_entry_ids;
    size_t nperson_keys, nfootnote_keys, nobjective_entry_ids;

    br_texts texts;             /* every text read, for the glyph check */
} br_report;

/* One entry of an index: a key and the position of the item holding it.
 * Entries are sorted by key, then by index (file order). */
typedef struct br_key_index {
    const char *key;
    size_t index;
} br_key_index;

/* Builds the indexes above in report->arena. */
void br_report_index(br_report *report);

/* A sorted index of the items (n of them, size bytes apart) whose key, a
 * const char * at offset key_at in each, is set; *count gets its length.
 * In arena, or malloc'd when arena is NULL (the caller frees it). */
br_key_index *br_key_index_build(br_arena *arena, const void *items, size_t n, size_t size,
                                 size_t key_at, size_t *count);

/* Sorts entries by key, then by index. */
void br_key_index_sort(br_key_index *index, size_t n);

/* The entries of index (n of them) whose key is key: returns how many,
 * *first the first of them (in file order). */
size_t br_key_range(const br_key_index *index, size_t n, const char *key,
                    const br_key_index **first);

/* Look-ups by key; NULL when absent. */
const br_measure *br_report_measure(const br_report *report, const char *id);
const br_finance *br_report_finance(const br_report *report, const char *id);
const br_keyed_text *br_report_person(const br_report *report, const char *key);
const br_keyed_text *br_report_footnote(const br_report *report, const char *key);
/* The first entry of objectives: whose id is id. */
const br_objective_entry *br_report_objective_entry(const br_report *report, const char *id);
size_t br_report_period_index(const br_report *report, const char *id);

/* Export names of each enum value (br_vocab.def); a section type's YAML
 * name; "?" for a value outside the enum. */
const char *br_polarity_name(br_polarity p);
const char *br_unit_name(br_unit u);
const char *br_frequency_name(br_frequency f);
const char *br_status_name(br_status s);         /* red amber green no_data no_target */
const char *br_trend_name(br_trend t);           /* improving … none */
const char *br_milestone_status_name(br_milestone_status s);
const char *br_section_type_name(br_section_type t);

#endif
