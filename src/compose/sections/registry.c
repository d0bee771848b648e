/* registry.c — the section registry: each line of br_vocab.def's section
 * list points at the definition its file makes. */
#include "br_section.h"

const br_section_def *const br_sections[BR_SEC_COUNT] = {
#define BR_SECTION(ID, yaml, def) [BR_SEC_##ID] = &def,
#include "br_vocab.def"
};
