/* br_diag.h — diagnostics: what is wrong, and where.
 *
 * The library never prints.  Every stage appends errors and warnings to a
 * br_diags list, which the command line prints as
 *   file:line:col: error: message
 * followed by the source line and a caret.  Stages keep going after an error
 * where they can, so that one run reports every mistake.
 */
#ifndef BR_DIAG_H
#define BR_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "br_arena.h"

/* A place in an input file; line and col count from 1, 0 means unknown. */
typedef struct br_loc {
    const char *file;
    int line;
    int col;
} br_loc;

typedef enum br_severity {
    BR_SEV_ERROR,
    BR_SEV_WARNING,
} br_severity;

typedef struct br_diag {
    br_severity severity;
    br_loc loc;
    const char *message;
    /* The same message at the same place again (text that several entries
     * use through an alias or merge key): kept once, and counted here. */
    unsigned repeats;
} br_diag;

/* The text of an input file, kept so that messages can quote its lines. */
typedef struct br_source {
    const char *file;
    const char *text;
    size_t len;
} br_source;

/* More than this many diagnostics are counted but not kept: a wholly wrong
 * file must not print ten thousand lines. */
#define BR_MAX_DIAGS 200

typedef struct br_diags {
    br_arena *arena;
    br_diag *items;
    size_t count, cap;
    size_t errors, warnings, dropped;
    br_source *sources;
    size_t nsources, sources_cap;
    /* An included file that could not be read (a YAML syntax error, a tab,
     * bad encoding): what it held is missing, so errors that only follow
     * from that ("no measure has the id …") are counted, not shown, and its
     * own errors are printed first. */
    const char *unloaded;
    size_t suppressed;
} br_diags;

/* Prepares an empty list whose messages live in arena. */
void br_diags_init(br_diags *diags, br_arena *arena);

void br_error(br_diags *diags, br_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void br_warning(br_diags *diags, br_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error or warning about something not found (an id, a person, a
 * footnote): left out, and counted, when diags->unloaded is set, since the
 * missing file may hold it. */
void br_error_unresolved(br_diags *diags, br_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void br_warning_unresolved(br_diags *diags, br_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Registers a file's text (not copied: it must outlive the list). */
void br_diags_add_source(br_diags *diags, const char *file, const char *text, size_t len);

/* Sorts diagnostics by file (in order of registration), line and column,
 * keeping the order of those at the same place. */
void br_diags_sort(br_diags *diags);

/* How diagnostics are printed (the command line's --color, --quiet,
 * --warnings-as-errors and --max-errors). */
typedef struct br_diag_style {
    bool color;         /* GCC's colours: error red, warning magenta, caret green */
    bool quiet;         /* errors only, and no summary line */
    bool werror;        /* warnings are printed and counted as errors */
    size_t max;         /* print at most this many (0: all); then say how many more */
} br_diag_style;

/* Writes every diagnostic as "file:line:col: error: message", the quoted
 * source line and a caret under the column, in the given style; then how
 * many more were not shown, and a summary ("3 errors, 2 warnings
 * generated.") unless quiet.  The plain style: no colour, no cap. */
void br_diags_print_styled(const br_diags *diags, const br_diag_style *style, FILE *out);
void br_diags_print(const br_diags *diags, FILE *out);

/* Appends the errors of from (not its warnings) to to: for a run whose
 * warnings were already shown, such as rebuilding an issued paper. */
void br_diags_add_errors(br_diags *to, const br_diags *from);

/* "1 error", "3 warnings": a count with its noun, singular or plural. */
const char *br_plural(br_arena *arena, size_t n, const char *noun);

/* -Werror: from now on a warning fails a run as an error does (no output is
 * committed, no paper issued). */
void br_diags_warnings_fail(bool on);

/* True when any error was recorded (or, under -Werror, any warning). */
bool br_diags_failed(const br_diags *diags);

/* Returns the known key closest to word (edit distance at most a third of
 * its length, at least 1, at most 3), or NULL: the "did you mean" helper. */
const char *br_suggest(const char *word, const char *const *known, size_t nknown);

/* text with each character a terminal would act on (C0 but tab, DEL, C1,
 * bidirectional overrides) written as \xHH or \uHHHH, in arena: for
 * echoing an author's text or a path to standard output. */
char *br_diag_escape(br_arena *arena, const char *text);

#endif
