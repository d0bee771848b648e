/* compose_int.h — private to the composer (compose*.c). */
#ifndef BR_COMPOSE_INT_H
#define BR_COMPOSE_INT_H

#include "br_compose.h"
#include "br_compute.h"
#include "br_format.h"

typedef struct br_composer {
    const br_report *r;
    const br_template *t;
    br_doc *doc;
    br_arena *a;
    br_diags *d;
    int paragraph;          /* numbering runs through the whole paper */
    int appendices;         /* appendices started so far */
    bool *person_noted;     /* lead initials explained by a footnote once */
    bool people_legend;     /* the one note of everyone (people_note: heading) is made */
    int columns, column;    /* columns side by side (0: none) and the one being filled */
    /* [measure * nperiods + period]: its per-value note has been printed
     * (by a table's value cell or under a chart); a note left unprinted is
     * warned of once the paper is composed */
    bool *note_printed;
    /* RAG cells of the table being composed that print a status's letter
     * without its word ("G", "0.8 (A)"): the key under the table names
     * them (br_compose_rag_key), so colour and letter never stand alone. */
    const br_rag_style *keyed[BR_STATUS_COUNT + BR_MS_COUNT + 1];
    size_t nkeyed;
    /* The words (markup) of the last heading that is not a caption: the
     * name of an untitled table under it (br_compose_untitled_caption). */
    const char *heading;
    /* 1 + the index of the chart block a one-measure bullet section made,
     * which the next such section straight after it joins (0: none) */
    size_t bullet_grid;
} composer;

/* The columns a measure table (or an objective's) prints, and those of a
 * milestone table (an objective's: its milestone_columns): the section's,
 * else the defaults.  The checker asks too, to find fields no table prints. */
const br_column *br_compose_measure_columns(const br_section *s, size_t *n);
const br_column *br_compose_milestone_columns(const br_section *s, bool objective, size_t *n);

/* Marks measure m's note on period p printed. */
void br_compose_note_printed(composer *c, const br_measure *m, size_t p);

/* Small builders shared by the section composers. */
br_cell *br_compose_cell_text(composer *c, br_row *row, const char *text, br_align align);
br_cell *br_compose_cell_markup(composer *c, br_row *row, const char *text, br_loc loc, br_align align);
br_cell *br_compose_cell_ref_title(composer *c, br_row *row, const char *ref, const char *title,
                                   br_loc loc);
br_cell *br_compose_cell_rag(composer *c, br_row *row, const br_rag_style *rs, const char *text);
/* Appends " (word)", a status word after the cell's figure, hanging
 * outside the column's alignment. */
void br_compose_hang_word(composer *c, br_cell *cell, const char *word);
/* The key to the status letters the last table printed without their
 * words ("Key: G Green · A Amber"), as its last row; nothing when there
 * are none.  Called before whatever follows a table is added. */
void br_compose_rag_key(composer *c);
/* A bookmarked heading at level (0 the paper's title, 1..3) whose text is
 * markup in bold; the block, for its tag or flags. */
/* The report period as the paper's words name it (its label, else its
 * id; as written when it is no listed period). */
const char *br_compose_report_period(const composer *c);

br_block *br_compose_add_heading(composer *c, int level, const char *markup, br_loc loc);
/* A table's or chart's caption: a level-3 heading marked caption. */
void br_compose_add_caption(composer *c, const char *title, br_loc loc);
void br_compose_add_group_row(composer *c, br_table *table, const char *label, size_t ncols);
/* Whether a table added now would follow a table straight on (no heading,
 * paragraph or column break between): an untitled one would read as part
 * of it, so it gets a caption of its own. */
bool br_compose_after_table(const composer *c);
/* The caption of a table with no title, named `name` by what it holds
 * ("Measures", its first header cell): that name straight after another
 * table, where the table would read as part of it (printed where it
 * starts), or where no heading stands above it; else the words of the
 * heading it is under, which then need not print again where it starts
 * (layout: caption_at_start) but say "… (continued)" on every page it runs
 * onto.  So every table has a caption. */
const char *br_compose_untitled_caption(const composer *c, const char *name);
/* The group bar before a row of group (NULL: none) after a row of last:
 * label where the group changes; rows without a group get none, except
 * after a group's rows, where the template's "Other" bar (headings:
 * summary: other) ends that group, so that they do not read as its. */
void br_compose_group_change(composer *c, br_table *table, const char *group, const char *last,
                             const char *label, size_t ncols);
br_block *br_compose_new_table(composer *c, br_loc loc, const char *caption, size_t ncols);
/* The type of a table of what ("measures", "milestones") in the columns
 * cols: their kinds, comparators and periods, not their headings or
 * banners, which an objective may word its own way ("Comments", "Any
 * Comments") over the same columns. */
const char *br_compose_table_type(composer *c, const char *what, const br_column *cols,
                                  size_t ncols);
/* Joins the lines of one paragraph in place, as a word processor does: a
 * newline is a space, so an author may wrap long lines; a line ending in a
 * backslash keeps its break (an address block, "a) ... b) ..." lines). */
void br_compose_join_lines(char *text);
/* A re-issue's notice and its list of corrections (nothing for version 1). */
void br_compose_corrections(composer *c);

/* The header rows of the columns' banners (one per level), each banner
 * spanning the adjacent columns that share it and the banners above it;
 * nothing when no column has a banner. */
void br_compose_add_banner_row(composer *c, br_table *table, const br_column *cols, size_t ncols);
/* A summary row's label and its counts for the statuses shown, blank for
 * none (the summary table and the bar chart's table). */
void br_compose_count_cells(composer *c, br_row *row, const char *label,
                            const br_summary_row *counts, const br_status *shown, size_t nshown);

void br_compose_measure_table(composer *c, const br_section *s, const char *objective);
void br_compose_summary(composer *c, const br_section *s);
void br_compose_milestone_table(composer *c, const br_section *s, const char *objective);
void br_compose_finance_table(composer *c, const br_section *s);
void br_compose_commentary(composer *c, const br_section *s);
void br_compose_generic_table(composer *c, const br_section *s);
void br_compose_profile(composer *c, const br_section *s);
void br_compose_chart(composer *c, const br_section *s);
/* A measure's history up to the report period, for a table cell; NULL
 * when it has no figures. */
br_chart *br_compose_sparkline(composer *c, const br_measure *m);

/* A group_by value as the paper names it: a kind's label, "A. <objective
 * title>", a capitalised group; no value (NULL or BR_SUMMARY_NO_GROUP):
 * the template's summary heading `other`. */
const char *br_compose_group_label(composer *c, const char *key, const char *group_by);

/* A trend as the template shows it: "Improving", "↑" or "↑ Improving". */
const char *br_compose_trend_text(composer *c, br_trend trend);

#endif
