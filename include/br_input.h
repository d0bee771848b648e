/* br_input.h — a report folder's files: the main file and its includes.
 *
 * Resolves `include:` (relative to the including file, never leaving the
 * report's folder, no cycles, no file twice) and parses every file into a
 * node tree.  The roots come in concatenation order: the main file, then
 * each included file depth first.
 */
#ifndef BR_INPUT_H
#define BR_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_yaml.h"

#define BR_MAX_INCLUDES 32

typedef struct br_input {
    const char *dir;        /* the report's folder, as given */
    const char *main_file;  /* dir/report.yaml or the file given */
    br_node **roots;        /* [0] is the main file */
    size_t nroots, roots_cap;
} br_input;

/* path is a report.yaml or the folder holding one.  Returns false when
 * nothing could be loaded; includes that fail are reported and skipped so
 * that the rest is still checked.  File names and texts go in arena, the
 * parsed nodes (roots and all below them) in tree (NULL: arena). */
bool br_input_load(br_input *in, const char *path, br_arena *arena, br_arena *tree,
                   br_diags *diags);

/* Keys an included file may hold. */
extern const char *const br_include_keys[];
extern const size_t br_include_nkeys;

/* A top-level key that starts with 'x-' (in the main file or an included
 * one) holds what other entries merge or alias ('x-defaults: &defaults
 * {...}'): the loader reads nothing else from it. */
bool br_input_is_shared_key(const char *key);

#endif
