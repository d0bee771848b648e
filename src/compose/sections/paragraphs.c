/* paragraphs.c — numbered paragraphs (numbers run through the paper), with
 * bullet lines under them; an optional title. */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

#include <string.h>

static const field fields[] = {
    BR_SECTION_COMMON(false),
    {"text", F_TEXTLIST, true, offsetof(br_section, text), NULL, offsetof(br_section, ntext), NULL},
    FIELD("numbered", F_BOOL, false, br_section, numbered),
};

/* Each paragraph's own place, so that a message about its text points there. */
static void build(builder *b, const br_node *map, br_section *s)
{
    const br_node *text = br_map_get(map, "text");
    s->text_locs = br_arena_calloc(b->a, s->ntext + 1, sizeof *s->text_locs);
    size_t k = 0;
    if (text && text->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < text->nitems && k < s->ntext; i++)
            if (text->items[i]->kind == BR_NODE_SCALAR && !br_build_node_is_null(text->items[i]))
                s->text_locs[k++] = text->items[i]->loc;
    } else if (text && s->ntext) {
        s->text_locs[k++] = text->loc;
    }
    for (; k < s->ntext; k++)
        s->text_locs[k] = s->loc;
}

/* Bullet depth of a line ("- ", "  - ", "* "), 0 when none; *body gets the text after it. */
static int bullet_of(const char *line, size_t len, size_t *skip)
{
    size_t i = 0;
    while (i < len && line[i] == ' ')
        i++;
    if (i + 1 < len && (line[i] == '-' || line[i] == '*') && line[i + 1] == ' ') {
        *skip = i + 2;
        return i >= 2 ? 2 : 1;
    }
    return 0;
}

/* The length of a list item's own label at the start of text ("a. ",
 * "B. ", "12. ", "3) ", "b) ", "(iv) ", "(2) "), spaces after it included;
 * 0 when it has none. */
static size_t own_label(const char *text, size_t *label_len)
{
    const char *p = text;
    bool paren = *p == '(';
    p += paren;
    const char *start = p;
    while (*p >= '0' && *p <= '9' && p - start < 3)
        p++;
    if (p == start && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
        p++;
        /* Roman numerals run on: "iv", "xii". */
        while (paren && strchr("ivxlc", *p) && *p && p - start < 6)
            p++;
    }
    if (p == start || !(paren ? *p == ')' : *p == '.' || *p == ')') || p[1] != ' ')
        return 0;
    *label_len = (size_t)(p + 1 - text);
    p++;
    while (*p == ' ')
        p++;
    return (size_t)(p - text);
}

/* One text item: its plain lines make one paragraph (numbered when the
 * section is), each bullet line a bullet paragraph. */
static void compose_text_item(composer *c, const br_section *s, const char *text, br_loc loc)
{
    const char *p = text;
    bool numbered_done = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        size_t skip = 0;
        int bullet = bullet_of(p, len, &skip);
        size_t take = len;
        if (!bullet) {
            /* Join plain lines up to a blank line or a bullet. */
            const char *q = nl;
            while (q && q[1] && q[1] != '\n') {
                size_t s2 = 0;
                const char *n2 = strchr(q + 1, '\n');
                size_t l2 = n2 ? (size_t)(n2 - q - 1) : strlen(q + 1);
                if (bullet_of(q + 1, l2, &s2))
                    break;
                q = n2;
            }
            take = q ? (size_t)(q - p) : strlen(p);
        }
        char *chunk = br_arena_strndup(c->a, p + skip, take - skip);
        br_compose_join_lines(chunk);
        if (*chunk) {
            br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
            b->loc = loc;
            b->bullet = bullet;
            size_t label_len = 0, skip_label = bullet ? own_label(chunk, &label_len) : 0;
            if (skip_label) {   /* "- a. text": a lettered item, not a bulleted one */
                b->label = br_arena_strndup(c->a, chunk, label_len);
                chunk += skip_label;
            }
            /* Bullets of a numbered section, and the further paragraphs of a
             * numbered item, hang under the item's text as a word processor's
             * numbered list sets them: the number stands alone in its margin. */
            if (s->numbered && (bullet || numbered_done))
                b->indent = c->t->style.number_width;
            if (!bullet && s->numbered && !numbered_done) {
                b->number = ++c->paragraph;
                numbered_done = true;
            }
            br_rich_parse(c->a, &b->text, chunk, BR_FACE_REGULAR, loc);
        }
        p += take;
        while (*p == '\n')
            p++;
    }
}

static void compose(composer *c, const br_section *s)
{
    if (s->title)
        br_compose_add_heading(c, 2, s->title, s->loc);
    for (size_t i = 0; i < s->ntext; i++)
        compose_text_item(c, s, s->text[i], s->text_locs ? s->text_locs[i] : s->loc);
}

const br_section_def br_section_paragraphs = {
    .name = "paragraphs", .fields = BR_FIELDS(fields), .build = build, .compose = compose,
};
