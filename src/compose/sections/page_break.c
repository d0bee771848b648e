/* page_break.c — a new page, optionally turning to landscape or back, and
 * optionally starting a numbered appendix. */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include <string.h>

static const char *const orientation_names[] = {"", "portrait", "landscape", NULL};

/* An appendix is named by its title; the template numbers it. */
static bool read_appendix(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->appendix = br_build_read_text(b, v, "'appendix'");
    s->appendix_loc = v->loc;
    if (s->appendix && !*s->appendix) {
        br_error(b->d, v->loc, "'appendix' needs the appendix's title, e.g. appendix: Finance");
        s->appendix = NULL;
    }
    return s->appendix != NULL;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    ENUMF("orientation", false, br_section, orientation, orientation_names),
    CUSTOM("appendix", false, read_appendix),
};

/* "Appendix 2 — Finance": the template's label with the appendix's number
 * and title, as a heading that starts the appendix. */
static void compose_appendix(composer *c, const br_section *s)
{
    const char *number = br_arena_printf(c->a, "%d", ++c->appendices);
    const char *label = c->t->appendix_label;
    size_t cap = strlen(label) + strlen(number) + strlen(s->appendix) * 2 + 1, n = 0;
    char *text = br_arena_alloc(c->a, cap);
    for (const char *p = label; *p && n + 1 < cap;) {
        const char *v = strncmp(p, "{number}", 8) == 0 ? number
                      : strncmp(p, "{title}", 7) == 0 ? s->appendix : NULL;
        if (v && n + strlen(v) < cap) {
            memcpy(text + n, v, strlen(v));
            n += strlen(v);
            p += v == number ? 8 : 7;
        } else {
            text[n++] = *p++;
        }
    }
    text[n] = '\0';
    br_compose_add_heading(c, 1, text, s->appendix_loc)->appendix = true;
}

static void compose(composer *c, const br_section *s)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PAGE_BREAK);
    b->loc = s->loc;
    b->orientation = s->orientation;
    c->columns = 0;             /* a new page ends columns */
    if (s->appendix)
        compose_appendix(c, s);
}

const br_section_def br_section_page_break = {
    .name = "page_break", .fields = BR_FIELDS(fields), .compose = compose,
};
