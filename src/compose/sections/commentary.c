/* commentary.c — the commentary entries a selection picks (all when none),
 * each a heading with its RAG and its paragraphs (compose_tables.c). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include "br_compute.h"

static const field fields[] = {BR_SECTION_COMMON(false), BR_SECTION_SELECTION};

static void check(checker *c, br_section *s)
{
    br_check_key_ignored(c, &s->select.group, "group", "commentary section", "commentary entries",
                         "objective and ids");
    br_check_key_ignored(c, &s->select.kind, "kind", "commentary section", "commentary entries",
                         "objective and ids");
    const br_report *r = c->r;
    for (size_t i = 0; i < r->ncommentary; i++)
        if (br_selection_has_commentary(&s->select, &r->commentary[i]))
            c->commentary_shown[i] = true;
}

static void compose(composer *c, const br_section *s)
{
    br_compose_commentary(c, s);
}

const br_section_def br_section_commentary = {
    .name = "commentary", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
