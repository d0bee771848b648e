/* br_section.h — the section registry: what each section type is.
 *
 * A section type is one line of br_vocab.def and one file,
 * src/compose/sections/<type>.c, defining its br_section_def: the keys it
 * takes (read by the loader's field tables), the rules it checks once the
 * whole report is loaded, and the blocks it composes.  The loader, the
 * checker and the composer find it here by its br_section_type; none of
 * them lists the types.  docs/contributing.md says how to add one.
 *
 * The stages' private types appear only as incomplete structs: a section
 * file includes the stages' private headers, nothing else here does.
 */
#ifndef BR_SECTION_H
#define BR_SECTION_H

#include <stddef.h>

#include "br_model.h"

struct br_builder;      /* src/load/build_int.h */
struct br_field;
struct br_node;         /* br_yaml.h */
struct br_checker;      /* src/compute/check_int.h */
struct br_composer;     /* src/compose/compose_int.h */

typedef struct br_section_def {
    const char *name;                   /* its `type:`, as in br_vocab.def */
    const struct br_field *fields;      /* every key it takes */
    size_t nfields;
    /* After its keys are read: rules between them.  NULL: none. */
    void (*build)(struct br_builder *b, const struct br_node *map, br_section *s);
    /* With the whole report loaded: references, and which measures,
     * milestones, finance and commentary it shows.  NULL: none. */
    void (*check)(struct br_checker *c, br_section *s);
    /* Its blocks, appended to the document. */
    void (*compose)(struct br_composer *c, const br_section *s);
} br_section_def;

#define BR_SECTION(ID, yaml, def) extern const br_section_def def;
#include "br_vocab.def"

/* Every type's definition, indexed by br_section_type. */
extern const br_section_def *const br_sections[BR_SEC_COUNT];

#endif
