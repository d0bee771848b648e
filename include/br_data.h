/* br_data.h — where boardreport's installed data (templates, fonts, the
 * schema, the starter quarter) is found.
 *
 * An installed binary finds its data beside itself, wherever it was
 * installed: <exe>/../share/boardreport (make install with any PREFIX or
 * DESTDIR), then <exe>/.. and <exe>/../.. (a build tree: build/boardreport,
 * build/test/boardreport), then the folder compiled in (BR_DATADIR).
 * Templates are then also looked for in each folder of
 * $BOARDREPORT_TEMPLATES (separated by ':').
 */
#ifndef BR_DATA_H
#define BR_DATA_H

#include <stddef.h>

#include "br_arena.h"

#define BR_DATA_MAX_DIRS 4

/* The data folders in the order searched; returns how many. */
size_t br_data_dirs(const char **dirs, br_arena *arena);

/* The first readable <datadir>/rel, or NULL. */
const char *br_data_find(const char *rel, br_arena *arena);

/* The file of template `name` (<datadir>/templates/<name>.yaml, then
 * <folder of $BOARDREPORT_TEMPLATES>/<name>.yaml), or NULL. */
const char *br_data_template(const char *name, br_arena *arena);

/* The names of every template found (sorted, without duplicates);
 * returns how many, with the array in *names. */
size_t br_data_template_names(const char ***names, br_arena *arena);

/* The folders searched, in order, for messages ("looked in ..."). */
const char *br_data_searched(br_arena *arena);

#endif
