/* compose.c — sections into blocks: dispatch, front sheet, headings,
 * paragraphs, page breaks, and the small builders the table composers share. */
#include "compose_int.h"

#include <ctype.h>
#include <string.h>

/* ---- shared builders ---- */

bool br_compose_looks_numeric(const char *s)
{
    bool digit = false;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isdigit(ch))
            digit = true;
        else if (!strchr("+-.,%£() kmM", ch) && ch != 0xC2 && ch != 0xA3)
            return false;
    }
    return digit;
}

br_cell *br_compose_cell_text(composer *c, br_row *row, const char *text, br_align align)
{
    return br_row_add_cell(c->a, row, text ? text : "", align);
}

br_cell *br_compose_cell_markup(composer *c, br_row *row, const char *text, br_loc loc, br_align align)
{
    br_cell *cell = br_row_add_cell(c->a, row, NULL, align);
    if (text && *text)
        br_rich_parse(c->a, &cell->text, text, BR_FACE_REGULAR, loc);
    return cell;
}

/* A status cell: its fill, and its word (colour is never the only signal). */
br_cell *br_compose_cell_rag(composer *c, br_row *row, const br_rag_style *rs, const char *text)
{
    br_cell *cell = br_compose_cell_text(c, row, text ? text : rs->label, BR_ALIGN_CENTER);
    cell->has_fill = true;
    cell->fill = rs->fill;
    cell->has_color = true;
    cell->color = rs->text;
    return cell;
}

void br_compose_add_caption(composer *c, const char *title, br_loc loc)
{
    if (!title)
        return;
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    b->level = 3;
    b->loc = loc;
    b->outline = true;
    b->caption = true;
    br_rich_parse(c->a, &b->text, title, BR_FACE_BOLD, loc);
}

void br_compose_add_group_row(composer *c, br_table *table, const char *label, size_t ncols)
{
    br_row *row = br_table_add_row(c->a, table, false);
    row->kind = BR_ROW_GROUP;
    br_cell *cell = br_row_add_cell(c->a, row, NULL, BR_ALIGN_LEFT);
    br_rich_add(c->a, &cell->text, label, strlen(label), BR_FACE_BOLD_ITALIC);
    cell->span = (int)ncols;
}

br_block *br_compose_new_table(composer *c, br_loc loc, const char *caption, size_t ncols)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_TABLE);
    b->loc = loc;
    b->table.ncols = ncols;
    b->table.cols = br_arena_calloc(c->a, ncols ? ncols : 1, sizeof *b->table.cols);
    b->table.caption = caption;
    return b;
}

/* ---- front sheet, headings, paragraphs ---- */

static void add_paragraph(composer *c, const char *text, br_loc loc, double size, br_face face,
                          br_align align)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
    b->loc = loc;
    b->font_size = size;
    b->align = align;
    br_rich_parse(c->a, &b->text, text, face, loc);
}

static void compose_corrections(composer *c)
{
    const br_report *r = c->r;
    if (r->version <= 1)
        return;
    char *line = br_arena_printf(c->a, "**Version %d: corrected re-issue.** This paper replaces "
                                        "version %d. Corrections:", r->version, r->version - 1);
    add_paragraph(c, line, r->report_loc, 0, BR_FACE_REGULAR, BR_ALIGN_LEFT);
    for (size_t i = 0; i < r->ncorrections; i++) {
        br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
        b->bullet = 1;
        b->loc = r->report_loc;
        br_rich_parse(c->a, &b->text, r->corrections[i], BR_FACE_REGULAR, r->report_loc);
    }
}

static void compose_front_sheet(composer *c, const br_section *s)
{
    const br_report *r = c->r;
    const br_style *st = &c->t->style;
    add_paragraph(c, r->organisation, s->loc, st->heading[0].size, BR_FACE_BOLD, BR_ALIGN_LEFT);
    const char *addressee = s->addressee ? s->addressee : r->addressee;
    if (addressee)
        add_paragraph(c, addressee, s->loc, st->heading[1].size, BR_FACE_REGULAR, BR_ALIGN_LEFT);
    br_block *title = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    title->level = 0;
    title->loc = s->loc;
    title->outline = true;
    const char *t = s->title ? s->title : r->title;
    const char *sub = s->subtitle ? s->subtitle : r->subtitle;
    br_rich_parse(c->a, &title->text, sub ? br_arena_printf(c->a, "%s: %s", t, sub) : t,
                  BR_FACE_BOLD, s->loc);
    if (r->status == BR_DRAFT)
        add_paragraph(c, "**DRAFT** — not for publication", s->loc, 0, BR_FACE_REGULAR, BR_ALIGN_LEFT);
    compose_corrections(c);
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

static void compose_heading(composer *c, const br_section *s)
{
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    b->level = s->level;
    b->loc = s->loc;
    b->outline = true;
    br_rich_parse(c->a, &b->text, s->title, BR_FACE_BOLD, s->loc);
    if (s->has_rag) {
        const br_rag_style *rs = &c->t->status[s->rag];
        b->tag = (br_tag){rs->label, rs->fill, rs->text};
    }
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
        for (char *k = chunk; *k; k++)
            if (*k == '\n')
                *k = ' ';
        if (*chunk) {
            br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
            b->loc = loc;
            b->bullet = bullet;
            /* Bullets of a numbered section hang under the paragraphs' text. */
            if (bullet && s->numbered)
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

static void compose_paragraphs(composer *c, const br_section *s)
{
    if (s->title) {
        br_block *h = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
        h->level = 2;
        h->loc = s->loc;
        h->outline = true;
        br_rich_parse(c->a, &h->text, s->title, BR_FACE_BOLD, s->loc);
    }
    for (size_t i = 0; i < s->ntext; i++)
        compose_text_item(c, s, s->text[i], s->text_locs ? s->text_locs[i] : s->loc);
}

static void compose_objective(composer *c, const br_section *s)
{
    br_block *h = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    h->level = 1;
    h->loc = s->loc;
    h->outline = true;
    br_rich_parse(c->a, &h->text, br_arena_printf(c->a, "%s. %s", s->id, s->title), BR_FACE_BOLD,
                  s->loc);
    br_compose_measure_table(c, s, s->id);
    br_compose_milestone_table(c, s, s->id);
}

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
    br_block *h = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    h->level = 1;
    h->loc = s->appendix_loc;
    h->outline = true;
    h->appendix = true;
    br_rich_parse(c->a, &h->text, text, BR_FACE_BOLD, s->appendix_loc);
}

static void compose_section(composer *c, const br_section *s)
{
    switch (s->type) {
    case BR_SEC_FRONT_SHEET: compose_front_sheet(c, s); break;
    case BR_SEC_HEADING: compose_heading(c, s); break;
    case BR_SEC_PARAGRAPHS: compose_paragraphs(c, s); break;
    case BR_SEC_OBJECTIVE: compose_objective(c, s); break;
    case BR_SEC_MEASURE_TABLE: br_compose_measure_table(c, s, NULL); break;
    case BR_SEC_MILESTONE_TABLE: br_compose_milestone_table(c, s, NULL); break;
    case BR_SEC_FINANCE_TABLE: br_compose_finance_table(c, s); break;
    case BR_SEC_SUMMARY: br_compose_summary(c, s); break;
    case BR_SEC_COMMENTARY: br_compose_commentary(c, s); break;
    case BR_SEC_TABLE: br_compose_generic_table(c, s); break;
    case BR_SEC_CHART: br_compose_chart(c, s); break;
    case BR_SEC_PROFILE: br_compose_profile(c, s); break;
    case BR_SEC_PAGE_BREAK: {
        br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PAGE_BREAK);
        b->loc = s->loc;
        b->orientation = s->orientation;
        if (s->appendix)
            compose_appendix(c, s);
        break;
    }
    default:
        break;
    }
}

/* {title}, {period}, … in a running header or footer slot. */
static const char *fill_running(composer *c, const char *tmpl)
{
    if (!tmpl)
        return NULL;
    const br_report *r = c->r;
    struct { const char *key, *value; } vars[] = {
        {"{title}", r->title}, {"{subtitle}", r->subtitle}, {"{period}", r->period_id},
        {"{organisation}", r->organisation}, {"{classification}", r->classification},
        {"{version}", br_arena_printf(c->a, "%d", r->version)},
        {"{date}", br_format_date(c->a, r->date, true)},
    };
    size_t cap = strlen(tmpl) + 1;
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
        cap += vars[i].value ? strlen(vars[i].value) * 4 : 0;
    char *out = br_arena_alloc(c->a, cap), *o = out;
    for (const char *p = tmpl; *p;) {
        size_t i = 0;
        for (; i < sizeof vars / sizeof *vars; i++)
            if (strncmp(p, vars[i].key, strlen(vars[i].key)) == 0)
                break;
        if (i < sizeof vars / sizeof *vars) {
            const char *v = vars[i].value ? vars[i].value : "";
            size_t n = strlen(v);
            if ((size_t)(o - out) + n + strlen(p) >= cap)
                break;
            memcpy(o, v, n);
            o += n;
            p += strlen(vars[i].key);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

static void add_footnotes(composer *c)
{
    for (size_t i = 0; i < c->r->nfootnotes; i++) {
        const br_keyed_text *k = &c->r->footnotes[i];
        br_footnote *f = br_doc_add_footnote(c->doc, k->key);
        br_rich_parse(c->a, &f->text, k->text, BR_FACE_REGULAR, k->loc);
    }
}

br_doc *br_compose(const br_report *r, const br_template *t, br_style *style, br_arena *arena,
                   br_diags *diags)
{
    br_doc *doc = br_arena_alloc(arena, sizeof *doc);
    br_doc_init(doc, arena);
    composer c = {.r = r, .t = t, .doc = doc, .a = arena, .d = diags};
    c.person_noted = br_arena_calloc(arena, r->npeople + 1, sizeof(bool));
    doc->title = r->subtitle ? br_arena_printf(arena, "%s: %s", r->title, r->subtitle) : r->title;
    doc->author = r->organisation;
    doc->subject = r->period_id;
    doc->keywords = br_arena_printf(arena, "board report, performance, %s, version %d",
                                    r->period_id ? r->period_id : "", r->version);
    doc->year = r->date.year, doc->month = r->date.month, doc->day = r->date.day;
    doc->draft = r->status == BR_DRAFT;
    doc->period = r->period_id;
    doc->version = r->version;
    *style = t->style;
    for (int i = 0; i < 3; i++) {
        style->header[i] = fill_running(&c, t->style.header[i]);
        style->footer[i] = fill_running(&c, t->style.footer[i]);
    }
    add_footnotes(&c);
    for (size_t i = 0; i < r->nsections; i++)
        compose_section(&c, &r->sections[i]);
    return doc;
}
