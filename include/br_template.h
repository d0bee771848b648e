/* br_template.h — a house style: templates/<name>.yaml.
 *
 * A template sets the page, the type, the table look, the RAG colours and
 * words, the trend rule's stable band and number formats.  Built-in defaults
 * (br_template_default) cover every key, so a template file sets only what
 * differs; every key is documented in docs/templates.md.
 */
#ifndef BR_TEMPLATE_H
#define BR_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_model.h"
#include "br_style.h"
#include "br_vocab.h"

typedef struct br_rag_style {
    const char *label;      /* "Better than target" */
    const char *letter;     /* "G" */
    uint32_t fill;          /* cell fill */
    uint32_t text;          /* text on the fill: contrast at least 4.5:1 */
} br_rag_style;

typedef enum br_trend_display { BR_TREND_WORDS, BR_TREND_ARROWS, BR_TREND_BOTH } br_trend_display;
typedef enum br_negative_style { BR_NEG_MINUS, BR_NEG_BRACKETS } br_negative_style;

typedef struct br_numfmt {
    bool thousands;         /* 5,611 */
    br_negative_style negative;
} br_numfmt;

/* How deep templates may extend one another (house -> cabinet is 1). */
enum { BR_TEMPLATE_MAX_BASES = 8 };

typedef struct br_template {
    br_texts texts;         /* every text read from the template file */
    const char *name;
    const char *path;       /* the file it came from, NULL for the defaults */
    /* The templates it extends ('extends:'), the farthest first, as read: an
     * issued package keeps each (template/base/<file name>). */
    const char *bases[BR_TEMPLATE_MAX_BASES];
    size_t nbases;
    const char *font_dir;   /* resolved directory of the font files */
    const char *font_files[BR_FACE_COUNT];
    br_style style;

    br_rag_style status[BR_STATUS_COUNT];
    br_rag_style milestone[BR_MS_COUNT];
    br_rag_style overdue;               /* milestone past its due date */
    const char *trend_words[BR_TREND_COUNT];
    br_trend_display trend_display;
    /* A change counts as no change when within the band: percentage points
     * for percent measures, percent of the earlier value otherwise. */
    double trend_band_points;
    double trend_band_percent;
    const char *polarity_words[BR_POLARITY_COUNT];
    const char *frequency_words[BR_FREQ_COUNT];
    /* Column headings (template `headings:`), by table; the defaults are
     * the vocabulary's (br_vocab.def).  A section's {column, heading}
     * overrides one for that table only. */
    const char *measure_headings[BR_COL_COUNT];
    const char *milestone_headings[BR_MSCOL_COUNT];
    const char *finance_headings[BR_FIN_NCOLS];
    const char *split_headings[BR_FIN_NSPLITS];
    const char *finance_status_heading;     /* a finance table's status column */
    const char *profile_headings[BR_PROFILE_COUNT];
    const char *summary_headings[BR_SUMMARY_COUNT];
    const char *yes_word, *no_word;
    const char *appendix_label;         /* "Appendix {number} — {title}" */
    br_people_note people_note;         /* a report's people_note: overrides it */

    br_numfmt numbers;
    br_numfmt finance_numbers;
    /* Variance RAG: an adverse variance above amber_percent of the budget is
     * amber, above red_percent red; favourable or smaller is green.
     * Negative thresholds switch variance RAG off. */
    double variance_amber_percent;
    double variance_red_percent;
    /* The footnote of a finance table whose given figures differ from
     * their sums by rounding; "" for none. */
    const char *rounding_note;
} br_template;

/* Fills t with the built-in house style. */
void br_template_default(br_template *t);

/* Finds and loads a template: name is either a path (contains '/' or ends
 * in .yaml; relative to report_dir) or a name looked up as <name>.yaml in
 * $BOARDREPORT_TEMPLATES, then <exe>/../templates, then the installed data
 * directory.  Reports problems at loc (the report's template key) or in the
 * template file itself.  Returns false on error. */
bool br_template_load(br_template *t, const char *name, const char *report_dir, br_loc loc,
                      br_arena *arena, br_diags *diags);

/* Loads the template file at path as br_template_load does once it has
 * found one, for a path the program chose (an issued package's copy), not
 * one a report names: no search, no confinement of it or its fonts. */
bool br_template_load_file(br_template *t, const char *path, br_loc loc, br_arena *arena,
                           br_diags *diags);

/* Contrast ratio of two colours by WCAG 2.1 (1.0 .. 21.0). */
double br_contrast_ratio(uint32_t a, uint32_t b);

#endif
