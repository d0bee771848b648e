/* build_int.h — private to the model builder (build_*.c).
 *
 * Each model struct is read from a mapping node through a table of fields:
 * the table names the keys it knows, which are required and what type each
 * is, so unknown keys, missing keys and wrong types get the same messages
 * everywhere.
 */
#ifndef BR_BUILD_INT_H
#define BR_BUILD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "br_diag.h"
#include "br_model.h"
#include "br_vocab.h"
#include "br_yaml.h"

typedef struct br_builder {
    br_report *r;
    br_arena *a;
    br_diags *d;
    br_fnref *refs;            /* every [^key] seen in any text */
    size_t nrefs, refs_cap;
    bool periods_failed;    /* periods: had an error: say nothing more about periods */
    br_texts *texts;        /* where each text read is noted (NULL: nowhere) */
    const char *item;       /* the item being built, as messages name it ("measure 'lac'") */
} builder;

typedef enum ftype {
    F_TEXT,         /* any scalar, kept as written */
    F_MEASURE_ID,   /* [a-z0-9-]+ */
    F_KEY,          /* letters, digits, '-', '_', '.' */
    F_INT,
    F_BOOL3,        /* int: -1 unset, 0, 1 */
    F_BOOL,
    F_ENUM,         /* int; names[] */
    F_VALUE,        /* br_value */
    F_FIGURE,       /* br_value compared but never judged (a comparator's) */
    F_DATE,         /* br_date */
    F_TEXTLIST,     /* const char ** at off, size_t count at off2 */
    F_CUSTOM,
} ftype;

typedef struct br_field {
    const char *name;
    ftype type;
    bool required;
    size_t off;
    const char *const *names;   /* F_ENUM: NULL-terminated */
    size_t off2;                /* F_ENUM: offset of a bool "has" flag + 1 (0: none);
                                   F_TEXTLIST: offset of the count */
    bool (*custom)(builder *b, const br_node *value, void *obj);
} field;

#define FIELD(name, type, req, st, member) {name, type, req, offsetof(st, member), NULL, 0, NULL}
#define ENUMF(name, req, st, member, names) {name, F_ENUM, req, offsetof(st, member), names, 0, NULL}
#define ENUMH(name, req, st, member, names, has) \
    {name, F_ENUM, req, offsetof(st, member), names, offsetof(st, has) + 1, NULL}
#define LISTF(name, req, st, member, count) \
    {name, F_TEXTLIST, req, offsetof(st, member), NULL, offsetof(st, count), NULL}
#define CUSTOM(name, req, fn) {name, F_CUSTOM, req, 0, NULL, 0, fn}

/* Reads every known key of map into obj; reports unknown keys (with a
 * suggestion), missing required keys and wrong types.  `what` names the
 * thing in messages ("measure 'cp-plans'"). */
void br_build_fields(builder *b, const br_node *map, const field *fields, size_t nfields,
                  void *obj, const char *what);

/* Scalar readers: each reports its own error and returns false. */
bool br_build_node_is_null(const br_node *n);
bool br_build_want_map(builder *b, const br_node *n, const char *what);
bool br_build_want_seq(builder *b, const br_node *n, const char *what);
const char *br_build_read_text(builder *b, const br_node *n, const char *what);
/* Each {name} in text (read from n) must be one of known (NULL-ended;
 * NULL: none): an unknown one would print literally.  A near miss of a
 * known name is an error with the suggestion; any other, a warning that
 * lists the known ones (where: "a running header or footer"). */
void br_build_check_placeholders(builder *b, const br_node *n, const char *text,
                                 const char *const *known, const char *where);
/* The paper's language (a template's or a report's 'language'): a BCP 47
 * tag into *dst when it is one, else an error with an example. */
void br_build_read_lang(builder *b, const br_node *v, const char **dst);
/* A running header or footer (a template's, or a report's over its
 * template's) into slots[3]: a mapping of left, center and right (a slot
 * left out is empty), or false for none; what names it in messages. */
void br_build_read_running(builder *b, const br_node *v, const char **slots, const char *what);
bool br_build_read_number(builder *b, const br_node *n, const char *what, double *out, int *decimals);
/* Whether n is an unquoted scalar that reads as a number (no message). */
bool br_build_plain_number(const br_node *n, double *out, int *decimals);

/* A summary section's column names: the statuses in br_status order, then
 * BR_SUMMARY_COL_GROUP and BR_SUMMARY_COL_TOTAL (br_model.h). */
extern const char *const br_summary_column_names[];
bool br_build_read_value(builder *b, const br_node *n, const char *what, br_value *out);
/* The same for a figure that is compared but never judged (a comparator's
 * value): judged says which, for the messages. */
bool br_build_read_figure(builder *b, const br_node *n, const char *what, br_value *out,
                          bool judged);
bool br_build_read_date(builder *b, const br_node *n, const char *what, br_date *out);
int br_build_read_enum(builder *b, const br_node *n, const char *const *names, const char *what);
/* Records text the author wrote (node n), so that check looks up each of
 * its characters in the template's fonts. */
void br_build_note_text(builder *b, const br_node *n);

bool br_build_read_bool(builder *b, const br_node *n, const char *what, bool *out);
/* Counts by name, {red: 3, amber: 5}: names[i] goes to counts[slots[i]],
 * each a whole number from 0; given[slot] is set for a count written (one
 * left out or written ~ is not). */
bool br_build_read_counts(builder *b, const br_node *v, const char *const *names,
                          const size_t *slots, size_t *counts, bool *given, const char *what);
/* A note that may be switched off: its text, or "" for false (unquoted);
 * NULL after an error. */
const char *br_build_read_note_switch(builder *b, const br_node *n, const char *what);
/* A whole number from lo to hi ("'level' must be 1, 2 or 3"); note, when
 * not NULL, follows the message (" (charts to a row)"). */
bool br_build_read_whole(builder *b, const br_node *n, const char *what, int lo, int hi,
                         const char *note, int *out);

/* How messages name an item of a list: "measure 'cp-plans'" when map has
 * a usable id, else "a measure" (kind "measure", a_kind "a measure"). */
const char *br_build_item_name(builder *b, const br_node *map, const char *kind,
                               const char *a_kind);

/* Records every [^key] in text (at loc) for the footnote check. */
void br_build_note_footnote_refs(builder *b, const char *text, br_loc loc);

/* Names of enum values as written in YAML. */
extern const char *const br_build_people_note_names[];   /* br_people_note order */
extern const char *const br_build_rag_names[];       /* green amber red: br_status order */
extern const char *const br_build_align_names[];

/* True (after an error at item) when count has reached limit (br_limits.h). */
bool br_build_over_limit(builder *b, const br_node *item, size_t count, size_t limit, const char *what);

void br_build_report_block(builder *b, const br_node *root);
void br_build_periods(builder *b, const br_node *root);
void br_build_keyed(builder *b, const br_node *map, br_keyed_text **items, size_t *n,
                 size_t *cap, const char *what);
/* The rows of one file's lists take the keys of its 'defaults:' (checked
 * and returned by br_build_defaults; NULL: none) they do not write. */
const br_node *br_build_defaults(builder *b, const br_node *root);
/* An entry '- defaults: {...}' in a list of rows is no row: it sets the
 * defaults of the rows after it in that list, over the file's (file). */
bool br_build_is_defaults_entry(const br_node *n);
const br_node *br_build_list_defaults(builder *b, const br_node *entry, const br_node *file);
void br_build_measure(builder *b, const br_node *n, const br_node *defaults, br_measure *m);
void br_build_milestone(builder *b, const br_node *n, const br_node *defaults, br_milestone *ms);
void br_build_finance(builder *b, const br_node *n, br_finance *f);
void br_build_commentary(builder *b, const br_node *n, const br_node *defaults, br_commentary *c);
void br_build_objective(builder *b, const br_node *n, br_objective_entry *o);
void br_build_section(builder *b, const br_node *n, br_section *s);

/* Custom readers of keys that several section types share
 * (build_section.c), and of a generic table's rows (build_table.c); the
 * section files under src/compose/sections/ name them in their tables. */
bool br_build_section_type(builder *b, const br_node *v, void *obj);
bool br_build_section_ids(builder *b, const br_node *v, void *obj);
/* objective, group, kind of a selection: one value or a list. */
bool br_build_section_objective(builder *b, const br_node *v, void *obj);
bool br_build_section_group(builder *b, const br_node *v, void *obj);
bool br_build_section_kind(builder *b, const br_node *v, void *obj);
bool br_build_section_columns(builder *b, const br_node *v, void *obj);
/* A list of RAG names, each once, into out (at most 3): all three when
 * all (a profile's rag_order), else one or more (a count column's rag:
 * the cells it prints); what names the key in messages. */
bool br_build_read_rag_list(builder *b, const br_node *v, br_status out[3], size_t *n, bool all,
                            const char *what);
bool br_build_section_milestone_columns(builder *b, const br_node *v, void *obj);
bool br_build_section_group_by(builder *b, const br_node *v, void *obj);
bool br_build_table_rows(builder *b, const br_node *v, void *obj);
bool br_build_table_header(builder *b, const br_node *v, void *obj);
bool br_build_table_widths(builder *b, const br_node *v, void *obj);

/* Keys every section takes, and the keys that select measures or
 * milestones. */
#define BR_SECTION_COMMON(title_required)                        \
    CUSTOM("type", true, br_build_section_type),                 \
    FIELD("id", F_KEY, false, br_section, id),                   \
    FIELD("title", F_TEXT, title_required, br_section, title)
#define BR_SECTION_SELECTION                                         \
    CUSTOM("objective", false, br_build_section_objective),          \
    CUSTOM("group", false, br_build_section_group),                  \
    CUSTOM("kind", false, br_build_section_kind),                    \
    CUSTOM("ids", false, br_build_section_ids)
/* A field table and its length, for a br_section_def. */
#define BR_FIELDS(table) (table), sizeof(table) / sizeof(table)[0]

#endif
