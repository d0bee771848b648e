/* page_break.c — a new page, optionally turning to landscape or back, and
 * optionally starting a numbered appendix. */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

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

/* The word the label heads an appendix with: its text before the first
 * placeholder, to the end of its first word ("Appendix" of "Appendix
 * {number} — {title}", "Annex" of "Annex {number}: {title}"); length 0
 * when the label starts with a placeholder. */
static size_t label_word(const char *label)
{
    size_t n = 0;
    while (label[n] && label[n] != '{' && label[n] != ' ')
        n++;
    return n;
}

/* A title that starts with the label's word ("Appendix of yarrow",
 * "Appendix A: Finance") already names its appendix: set inside the
 * label it would print "Appendix 1 — Appendix of yarrow". */
static bool names_itself(const char *label, const char *title)
{
    size_t n = label_word(label);
    if (n == 0 || strncasecmp(title, label, n) != 0)
        return false;
    unsigned char next = (unsigned char)title[n];
    return next == '\0' || !(isalnum(next) || next >= 0x80);
}

/* "Appendix 2 — Finance": the template's label with the appendix's number
 * and title, as a heading that starts the appendix; a title that names
 * itself ("Appendix of yarrow") is the heading as written, and the
 * appendix still takes its number. */
static void compose_appendix(composer *c, const br_section *s)
{
    const char *number = br_arena_printf(c->a, "%d", ++c->appendices);
    const char *label = c->t->appendix_label;
    if (names_itself(label, s->appendix)) {
        br_compose_add_heading(c, 1, s->appendix, s->appendix_loc)->appendix = true;
        return;
    }
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
