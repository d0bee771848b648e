/* front_sheet.c — the paper's first lines: organisation, addressee, title,
 * draft and re-issue notices, and a table of facts (Cabinet member, wards). */
#include "../compose_int.h"
#include "../../compute/check_int.h"
#include "../../load/build_int.h"
#include "br_section.h"

static bool read_facts(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    if (!br_build_want_seq(b, v, "'facts'"))
        return false;
    s->facts = br_arena_calloc(b->a, v->nitems, sizeof *s->facts);
    for (size_t i = 0; i < v->nitems; i++) {
        const br_node *item = v->items[i];
        if (!br_build_want_map(b, item, "a fact"))
            continue;
        br_fact *f = &s->facts[s->nfacts++];
        f->loc = item->loc;
        static const field fact_fields[] = {
            FIELD("label", F_TEXT, true, br_fact, label),
            FIELD("value", F_TEXT, true, br_fact, value),
        };
        br_build_fields(b, item, fact_fields, 2, f, "a fact");
    }
    return true;
}

static const field fields[] = {
    BR_SECTION_COMMON(false),
    FIELD("subtitle", F_TEXT, false, br_section, subtitle),
    FIELD("addressee", F_TEXT, false, br_section, addressee),
    CUSTOM("facts", false, read_facts),
};

static void add_paragraph(composer *c, const char *text, br_loc loc, double size, br_face face,
                          br_align align)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
    b->loc = loc;
    b->font_size = size;
    b->align = align;
    br_rich_parse(c->a, &b->text, text, face, loc);
}


static void compose(composer *c, const br_section *s)
{
    const br_report *r = c->r;
    const br_style *st = &c->t->style;
    if (r->organisation)  /* many papers never name their council */
        add_paragraph(c, r->organisation, s->loc, st->heading[0].size, BR_FACE_BOLD, BR_ALIGN_LEFT);
    const char *addressee = s->addressee ? s->addressee : r->addressee;
    if (addressee)
        add_paragraph(c, addressee, s->loc, st->heading[1].size, BR_FACE_REGULAR, BR_ALIGN_LEFT);
    const char *t = s->title ? s->title : r->title;
    const char *sub = s->subtitle ? s->subtitle : r->subtitle;
    br_compose_add_heading(c, 0, sub ? br_arena_printf(c->a, "%s: %s", t, sub) : t, s->loc);
    if (r->status == BR_DRAFT)
        add_paragraph(c, "**DRAFT** — not for publication", s->loc, 0, BR_FACE_REGULAR, BR_ALIGN_LEFT);
    br_compose_corrections(c);
    if (!s->nfacts)
        return;
    br_block *b = br_compose_new_table(c, s->loc, NULL, s->nfacts);
    br_row *head = br_table_add_row(c->a, &b->table, true);
    br_row *body = br_table_add_row(c->a, &b->table, false);
    for (size_t i = 0; i < s->nfacts; i++) {
        br_compose_cell_markup(c, head, s->facts[i].label, s->facts[i].loc, BR_ALIGN_LEFT);
        br_compose_cell_markup(c, body, s->facts[i].value, s->facts[i].loc, BR_ALIGN_LEFT);
    }
}

const br_section_def br_section_front_sheet = {
    .name = "front_sheet", .fields = BR_FIELDS(fields), .compose = compose,
};
