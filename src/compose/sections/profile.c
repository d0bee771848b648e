/* profile.c — the performance profile: a row per objective with its
 * direction of travel, status and RAG counts (compose_profile.c). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static const field fields[] = {BR_SECTION_COMMON(false)};

static void compose(composer *c, const br_section *s)
{
    br_compose_profile(c, s);
}

const br_section_def br_section_profile = {
    .name = "profile", .fields = BR_FIELDS(fields), .compose = compose,
};
