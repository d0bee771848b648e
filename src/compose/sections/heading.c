/* heading.c — a heading at level 1 to 3, with an optional RAG tag. */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static bool read_level(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'level'", 1, 3, NULL, &((br_section *)obj)->level);
}

static const field fields[] = {
    BR_SECTION_COMMON(true),
    CUSTOM("level", false, read_level),
    ENUMH("rag", false, br_section, rag, br_build_rag_names, has_rag),
};

static void compose(composer *c, const br_section *s)
{
    br_block *b = br_compose_add_heading(c, s->level, s->title, s->loc);
    if (s->has_rag) {
        const br_rag_style *rs = &c->t->status[s->rag];
        b->tag = (br_tag){rs->label, rs->fill, rs->text};
    }
}

const br_section_def br_section_heading = {
    .name = "heading", .fields = BR_FIELDS(fields), .compose = compose,
};
