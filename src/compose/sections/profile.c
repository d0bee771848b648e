/* profile.c — the performance profile: a row per objective with its
 * direction of travel, status and RAG counts (compose_profile.c); its
 * columns, their order and headings and the order of the RAG counts are
 * the author's (`columns:`, `rag_order:`). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include <string.h>

/* rag_order: [green, amber, red] — each of the three once. */
static bool read_rag_order(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    size_t n;
    s->has_rag_order = br_build_read_rag_list(b, v, s->rag_order, &n, true, "'rag_order'");
    return s->has_rag_order;
}

/* key: false — no "Key: G Better than target ..." row under the table
 * (a paper whose own profile has none, its letters named elsewhere). */
static bool read_key(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    bool key = true;
    if (!br_build_read_bool(b, v, "'key' of a profile", &key))
        return false;
    s->no_key = !key;
    return true;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    CUSTOM("columns", false, br_build_section_columns),
    CUSTOM("rag_order", false, read_rag_order),
    CUSTOM("key", false, read_key),
};

/* A column named twice prints its figures twice: almost always a slip. */
static void check(checker *c, br_section *s)
{
    bool direction = s->ncolumns == 0;   /* the default columns print it */
    for (size_t i = 0; i < s->ncolumns; i++)
        direction |= (int)s->columns[i].kind == (int)BR_PROFILE_DIRECTION;
    c->profile_direction |= direction;
    for (size_t i = 0; i < s->ncolumns; i++)
        for (size_t k = 0; k < i; k++)
            if (s->columns[k].kind == s->columns[i].kind)
                br_warning(c->d, s->columns[i].loc, "the profile column '%s' is listed twice",
                           br_vocab_profile_column_yaml[s->columns[i].kind]);
    if (!c->r->nobjective_entries && !c->nobjectives)
        br_warning(c->d, s->loc, "the profile has no rows: list the objectives under objectives: "
                   "(or give objective sections)");
}

static void compose(composer *c, const br_section *s)
{
    br_compose_profile(c, s);
}

const br_section_def br_section_profile = {
    .name = "profile", .fields = BR_FIELDS(fields), .check = check, .compose = compose,
};
