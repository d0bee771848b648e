/* check_int.h — the checker's state and helpers, for the section types'
 * check functions (src/compose/sections/, br_section.h). */
#ifndef BR_CHECK_INT_H
#define BR_CHECK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_model.h"

typedef struct br_checker {
    br_report *r;
    br_diags *d;
    /* What some section shows, by index: whatever stays false is warned
     * about, so nothing the author wrote silently stays out of the paper. */
    bool *measure_shown, *milestone_shown, *finance_shown, *commentary_shown;
    /* The columns of every table that shows each measure (milestone), bit
     * k for column kind k: a field the author wrote that none of them
     * prints (a comment, partners) is warned of.  comparator_shown is by
     * comparator_first[measure] + j: some table prints comparator j. */
    uint32_t *measure_columns, *milestone_columns;
    /* Drawn by a bullet chart, against its target and status bands. */
    bool *measure_bulleted;
    /* Some profile section prints a direction of travel (its columns:
     * name direction, or it has none and so prints the default ones). */
    bool profile_direction;
    bool *comparator_shown;
    size_t *comparator_first;
    /* Sorted, for binary search: objective sections' ids; every measure's
     * comparator names (NULL until a comparator column asks). */
    const char **objectives, **comparators;
    size_t nobjectives, ncomparators;
    /* Unknown names given a "did you mean" from a long list (ids,
     * footnote keys): past BR_MAX_SUGGESTIONS a file of thousands of bad
     * references is not searched thousands of times over. */
    size_t suggestions;
} checker;

#define BR_MAX_SUGGESTIONS 100

/* An error (with a suggestion) for each id sel names that no measure (or
 * milestone) has; returns how many. */
size_t br_check_mark_ids(checker *c, const br_selection *sel, bool milestones);

/* Marks the measures (milestones) that sel selects, or with objective set
 * the objective's, as shown in a table of the ncols columns cols (none: a
 * summary or chart, which prints none of their fields); returns how many. */
size_t br_check_mark_measures(checker *c, const br_selection *sel, const char *objective,
                              const br_column *cols, size_t ncols);
size_t br_check_mark_milestones(checker *c, const br_selection *sel, const char *objective,
                                const br_column *cols, size_t ncols);

/* Measure i is drawn in a bullet or line chart: its title and figure are
 * in the paper (as a table's title and value columns print them); judged:
 * against its target and status bands, which need its polarity. */
void br_check_mark_charted(checker *c, size_t i, bool judged);

/* An error (with a suggestion) for each comparator:<name> column of s that
 * no measure has. */
void br_check_comparator_columns(checker *c, const br_section *s);

/* Each objective, group and kind value sel lists must be one some measure
 * or milestone has: a near miss is an error with a suggestion, anything
 * else a warning.  Returns how many values were reported, so that a section
 * need not say again that it selects nothing. */
size_t br_check_selection(checker *c, const br_selection *sel);

/* A selection key the section cannot apply (kind: on a milestone table:
 * milestones have no kind) would be ignored silently: a warning at it,
 * saying what the section selects by (`by`). */
void br_check_key_ignored(checker *c, const br_names *names, const char *key, const char *section,
                          const char *items, const char *by);

#endif
