/* compose.c — sections into blocks: each section by its type's registry entry
 * (src/compose/sections/), the running header and footer, and the small
 * builders the section composers share. */
#include "compose_int.h"

#include "br_period.h"
#include "br_section.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- shared builders ---- */

void br_compose_count_cells(composer *c, br_row *row, const char *label,
                            const br_summary_row *counts, const br_status *shown, size_t nshown)
{
    br_compose_cell_text(c, row, label, BR_ALIGN_LEFT);
    for (size_t i = 0; i < nshown; i++) {
        size_t n = counts->counts[shown[i]];
        br_compose_cell_text(c, row, n ? br_arena_printf(c->a, "%zu", n) : "", BR_ALIGN_RIGHT);
    }
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

/* A title cell led by its ref, as plans number their rows inside the
 * title: "1. Pupils achieving…".  The ref prints as written (no markup)
 * and takes a full stop unless it ends in one already ("1.", "(a)");
 * without a ref, the title alone. */
br_cell *br_compose_cell_ref_title(composer *c, br_row *row, const char *ref, const char *title,
                                   br_loc loc)
{
    br_cell *cell = br_row_add_cell(c->a, row, NULL, BR_ALIGN_LEFT);
    if (ref && *ref) {
        size_t n = strlen(ref);
        bool stop = strchr(".):", ref[n - 1]) != NULL;
        const char *lead = br_arena_printf(c->a, stop ? "%s " : "%s. ", ref);
        br_rich_add(c->a, &cell->text, lead, strlen(lead), BR_FACE_REGULAR);
    }
    if (title && *title)
        br_rich_parse(c->a, &cell->text, title, BR_FACE_REGULAR, loc);
    return cell;
}

/* Whether s holds word (any case) with no letter or digit either side. */
static bool has_token(const char *s, const char *word)
{
    size_t n = word ? strlen(word) : 0;
    if (!n)
        return false;
    for (const char *p = s; *p; p++) {
        if (strncasecmp(p, word, n) != 0)
            continue;
        bool before = p > s && isalnum((unsigned char)p[-1]);
        bool after = isalnum((unsigned char)p[n]);
        if (!before && !after)
            return true;
    }
    return false;
}

/* A status cell printing its letter but not its word puts the letter in
 * the table's key. */
static void key_letter(composer *c, const br_rag_style *rs, const char *shown)
{
    if (!rs->letter || !rs->label || strcmp(rs->letter, rs->label) == 0 ||
        has_token(shown, rs->label) || !has_token(shown, rs->letter))
        return;
    for (size_t i = 0; i < c->nkeyed; i++)
        if (strcmp(c->keyed[i]->letter, rs->letter) == 0 &&
            strcmp(c->keyed[i]->label, rs->label) == 0)
            return;
    if (c->nkeyed < sizeof c->keyed / sizeof *c->keyed)
        c->keyed[c->nkeyed++] = rs;
}

/* The key is the table's last row, one cell across it in the table's
 * type: it stays with the table and costs one line of it. */
void br_compose_rag_key(composer *c)
{
    if (!c->nkeyed)
        return;
    br_block *t = NULL;     /* the table the cells are in: the last one added */
    for (size_t i = c->doc->nblocks; i-- > 0 && !t;)
        if (c->doc->blocks[i].kind == BR_BLOCK_TABLE)
            t = &c->doc->blocks[i];
    if (!t || !t->table.ncols) {
        c->nkeyed = 0;
        return;
    }
    br_cell *cell = br_compose_cell_text(c, br_table_add_row(c->a, &t->table, false), "",
                                         BR_ALIGN_LEFT);
    cell->span = (int)t->table.ncols;
    br_rich *key = &cell->text;
    key->nruns = 0;
    br_rich_add(c->a, key, "Key:", 4, BR_FACE_REGULAR);
    for (size_t i = 0; i < c->nkeyed; i++) {
        const br_rag_style *rs = c->keyed[i];
        const char *sep = i ? " \xC2\xB7 " : " ";     /* a middle dot between entries */
        br_rich_add(c->a, key, sep, strlen(sep), BR_FACE_REGULAR);
        br_rich_add(c->a, key, rs->letter, strlen(rs->letter), BR_FACE_BOLD);
        const char *word = br_arena_printf(c->a, " %s", rs->label);
        br_rich_add(c->a, key, word, strlen(word), BR_FACE_REGULAR);
    }
    c->nkeyed = 0;
}

/* The status word after a figure in a figure column, "79.8% (Amber)", as
 * a run of its own that layout hangs to the right of the column's figures
 * (as it hangs a footnote marker), so the figures line up whatever word
 * follows them. */
void br_compose_hang_word(composer *c, br_cell *cell, const char *word)
{
    const char *text = br_arena_printf(c->a, " (%s)", word);
    br_rich_add(c->a, &cell->text, text, strlen(text), BR_FACE_REGULAR)->hangs = true;
}

/* A status cell: its fill, and its word (colour is never the only signal;
 * a letter in its place is named in the table's key). */
br_cell *br_compose_cell_rag(composer *c, br_row *row, const br_rag_style *rs, const char *text)
{
    key_letter(c, rs, text ? text : rs->label);
    br_cell *cell = br_compose_cell_text(c, row, text ? text : rs->label, BR_ALIGN_CENTER);
    cell->has_fill = true;
    cell->fill = rs->fill;
    cell->has_color = true;
    cell->color = rs->text;
    return cell;
}

void br_compose_join_lines(char *text)
{
    char *out = text;
    for (const char *k = text; *k; k++) {
        if (*k != '\n')
            *out++ = *k;
        else if (out > text && out[-1] == '\\')
            out[-1] = '\n';
        else
            *out++ = ' ';
    }
    *out = '\0';
}

const char *br_compose_report_period(const composer *c)
{
    const br_report *r = c->r;
    return r->period < r->nperiods ? br_period_name(&r->periods[r->period]) : r->period_id;
}

br_block *br_compose_add_heading(composer *c, int level, const char *markup, br_loc loc)
{
    br_compose_rag_key(c);
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_HEADING);
    b->level = level;
    b->loc = loc;
    b->outline = true;
    br_rich_parse(c->a, &b->text, markup, BR_FACE_BOLD, loc);
    c->heading = markup;
    return b;
}

void br_compose_add_caption(composer *c, const char *title, br_loc loc)
{
    if (!title || !*title)  /* "": the table has no caption (a plan's banner row names it) */
        return;
    const char *heading = c->heading;  /* a caption names its own table only */
    br_compose_add_heading(c, 3, title, loc)->caption = true;
    c->heading = heading;
}

const char *br_compose_untitled_caption(const composer *c, const char *name)
{
    return br_compose_after_table(c) || !c->heading ? name : c->heading;
}

bool br_compose_after_table(const composer *c)
{
    const br_doc *d = c->doc;
    return d->nblocks > 0 && d->blocks[d->nblocks - 1].kind == BR_BLOCK_TABLE;
}

void br_compose_add_group_row(composer *c, br_table *table, const char *label, size_t ncols)
{
    br_row *row = br_table_add_row(c->a, table, false);
    row->kind = BR_ROW_GROUP;
    br_cell *cell = br_row_add_cell(c->a, row, NULL, BR_ALIGN_LEFT);
    /* its face is the template's (table: group_face), set by layout */
    br_rich_add(c->a, &cell->text, label, strlen(label), BR_FACE_REGULAR);
    cell->span = (int)ncols;
}

void br_compose_group_change(composer *c, br_table *table, const char *group, const char *last,
                             const char *label, size_t ncols)
{
    if (group && (!last || strcmp(group, last) != 0))
        br_compose_add_group_row(c, table, label, ncols);
    else if (!group && last)
        br_compose_add_group_row(c, table, c->t->summary_headings[BR_SUMMARY_OTHER], ncols);
}

br_block *br_compose_new_table(composer *c, br_loc loc, const char *caption, size_t ncols)
{
    br_compose_rag_key(c);
    br_block *b = br_doc_add_block(c->doc, BR_BLOCK_TABLE);
    b->loc = loc;
    b->table.ncols = ncols;
    b->table.cols = br_arena_calloc(c->a, ncols ? ncols : 1, sizeof *b->table.cols);
    b->table.caption = caption;
    return b;
}

const char *br_compose_table_type(composer *c, const char *what, const br_column *cols,
                                  size_t ncols)
{
    const char *type = what;
    for (size_t i = 0; i < ncols; i++)
        type = br_arena_printf(c->a, "%s\x1f%d:%zu:%s:%d%d%d", type, (int)cols[i].kind,
                               cols[i].period, cols[i].name ? cols[i].name : "",
                               cols[i].with_status, cols[i].with_ref, cols[i].with_direction);
    return type;
}

/* The report's period as a reader names it ("August 2012", not
 * "2012-08"); as written when it is no period at all. */
static const char *period_label(const br_report *r, br_arena *a)
{
    br_period p;
    if (r->period < r->nperiods && r->periods[r->period].label)
        return r->periods[r->period].label;
    if (r->period < r->nperiods)
        return br_format_period(a, &r->periods[r->period]);
    if (r->period_id && br_period_parse(r->period_id, &p))
        return br_format_period(a, &p);
    return r->period_id;
}

/* The punctuation that joins two fields of a running header or footer
 * ("Version {version}, {date}", "{title} · {subtitle}"): its length in
 * bytes at p, or 0. */
static size_t joiner_at(const char *p)
{
    static const char *const joiners[] = {" ", ",", ";", ":", "-", "|", "/",
                                          "\u00B7", "\u2013", "\u2014", "\u2022"};
    for (size_t i = 0; i < sizeof joiners / sizeof *joiners; i++)
        if (strncmp(p, joiners[i], strlen(joiners[i])) == 0)
            return strlen(joiners[i]);
    return 0;
}

/* The length of out[0..n) without the joiners that end it. */
static size_t without_trailing_joiners(const char *out, size_t n)
{
    for (size_t k = n; k > 0;) {
        size_t back = 1;
        while (back < k && ((unsigned char)out[k - back] & 0xC0) == 0x80)
            back++;  /* to the first byte of the character ending at k */
        if (joiner_at(out + k - back) != back)
            return k;
        k -= back;
    }
    return 0;
}

/* A field the report leaves out (no date:, no subtitle:) takes with it the
 * punctuation joining it to the text before, or, when it comes first, to
 * the text after, and the brackets around it: "Version 1, {date}" prints
 * "Version 1", "{date} · Page 2" prints "Page 2", "Report ({date})"
 * prints "Report".  *o is where the output stands, *p just after the
 * field in the template. */
static void omit_field(const char *out, char **o, const char **p)
{
    size_t n = (size_t)(*o - out);
    if (n > 0 && (out[n - 1] == '(' || out[n - 1] == '[') && (**p == ')' || **p == ']'))
        n--, (*p)++;
    n = without_trailing_joiners(out, n);
    if (n == 0)
        for (size_t k; (k = joiner_at(*p)) > 0;)
            *p += k;
    *o = (char *)out + n;
}

/* {title}, {period}, … in a running header or footer slot; *field names
 * the longest field it took in, for a warning if the slot must be cut. */
static const char *fill_running(composer *c, const char *tmpl, const char **field)
{
    *field = "the template's text for this slot";
    if (!tmpl)
        return NULL;
    const br_report *r = c->r;
    struct { const char *key, *value, *field; } vars[] = {
        {"{title}", r->title, "the report's title (report: title:)"},
        {"{subtitle}", r->subtitle, "the report's subtitle (report: subtitle:)"},
        {"{period}", period_label(r, c->a), "the report's period (report: period:)"},
        {"{organisation}", r->organisation, "the report's organisation (report: organisation:)"},
        {"{classification}", r->classification,
         "the report's classification (report: classification:)"},
        {"{version}", br_arena_printf(c->a, "%d", r->version), "the report's version"},
        {"{date}", br_format_date(c->a, r->date, true), "the report's date"},
    };
    size_t longest = 0;
    size_t cap = strlen(tmpl) + 1;
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
        cap += vars[i].value ? strlen(vars[i].value) * 4 : 0;
    char *out = br_arena_alloc(c->a, cap), *o = out;
    for (const char *p = tmpl; *p;) {
        size_t i = 0;
        for (; i < sizeof vars / sizeof *vars; i++)
            if (strncmp(p, vars[i].key, strlen(vars[i].key)) == 0)
                break;
        if (i == sizeof vars / sizeof *vars) {
            *o++ = *p++;
            continue;
        }
        p += strlen(vars[i].key);
        const char *v = vars[i].value ? vars[i].value : "";
        size_t n = strlen(v);
        if (n == 0) {
            omit_field(out, &o, &p);
            continue;
        }
        if (n > longest)
            longest = n, *field = vars[i].field;
        if ((size_t)(o - out) + n + strlen(p) >= cap)
            break;
        memcpy(o, v, n);
        o += n;
    }
    *o = '\0';
    return out;
}

void br_compose_note_printed(composer *c, const br_measure *m, size_t p)
{
    c->note_printed[(size_t)(m - c->r->measures) * c->r->nperiods + p] = true;
}

/* Nothing the author wrote is dropped silently: a note on a value that no
 * table or chart prints. */
static void warn_unprinted_notes(composer *c)
{
    const br_report *r = c->r;
    for (size_t i = 0; i < r->nmeasures; i++) {
        const br_measure *m = &r->measures[i];
        for (size_t p = 0; m->notes && p < r->nperiods; p++)
            if (m->notes[p] && !c->note_printed[i * r->nperiods + p])
                br_warning(c->d, m->loc, "measure '%s' has a note on its %s value, but no table "
                           "or chart in the paper prints that value, so the note is not in the "
                           "paper; show the value (a '%s' column, or value when it is the "
                           "report period) or remove the note", m->id, r->periods[p].id,
                           r->periods[p].id);
    }
}

static void add_footnotes(composer *c)
{
    for (size_t i = 0; i < c->r->nfootnotes; i++) {
        const br_keyed_text *k = &c->r->footnotes[i];
        br_footnote *f = br_doc_add_footnote(c->doc, k->key);
        br_rich_parse(c->a, &f->text, k->text, BR_FACE_REGULAR, k->loc);
    }
}

void br_compose_corrections(composer *c)
{
    const br_report *r = c->r;
    if (r->version <= 1)
        return;
    char *line = br_arena_printf(c->a, "**Version %d: corrected re-issue.** This paper replaces "
                                        "version %d. Corrections:", r->version, r->version - 1);
    br_block *head = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
    head->loc = r->report_loc;
    br_rich_parse(c->a, &head->text, line, BR_FACE_REGULAR, r->report_loc);
    for (size_t i = 0; i < r->ncorrections; i++) {
        br_block *b = br_doc_add_block(c->doc, BR_BLOCK_PARAGRAPH);
        b->bullet = 1;
        b->loc = r->report_loc;
        br_rich_parse(c->a, &b->text, r->corrections[i], BR_FACE_REGULAR, r->report_loc);
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
    doc->subject = period_label(r, arena);
    doc->keywords = br_arena_printf(arena, "board report, performance, %s, version %d",
                                    r->period_id ? r->period_id : "", r->version);
    doc->year = r->date.year, doc->month = r->date.month, doc->day = r->date.day;
    doc->draft = r->status == BR_DRAFT;
    doc->period = r->period_id;
    doc->version = r->version;
    *style = t->style;
    if (r->language)
        style->lang = r->language;  /* the PDF's /Lang and dc:language */
    /* The report's running heads, when it sets them, over the template's. */
    const char *const *header = r->has_header ? r->header : t->style.header;
    const char *const *footer = r->has_footer ? r->footer : t->style.footer;
    for (int i = 0; i < 3; i++) {
        style->header[i] = fill_running(&c, header[i], &style->header_field[i]);
        style->footer[i] = fill_running(&c, footer[i], &style->footer_field[i]);
    }
    style->running_loc = r->report_loc;
    add_footnotes(&c);
    /* A re-issue says what it corrects on its first page: under the front
     * sheet's title when there is one, otherwise before anything else. */
    bool front_sheet = false;
    for (size_t i = 0; i < r->nsections; i++)
        front_sheet = front_sheet || r->sections[i].type == BR_SEC_FRONT_SHEET;
    if (!front_sheet)
        br_compose_corrections(&c);
    /* Each section's type says how it composes (br_section.h). */
    c.note_printed = br_arena_calloc(arena, r->nmeasures * r->nperiods + 1, sizeof(bool));
    for (size_t i = 0; i < r->nsections; i++) {
        br_sections[r->sections[i].type]->compose(&c, &r->sections[i]);
        br_compose_rag_key(&c);
    }
    warn_unprinted_notes(&c);
    return doc;
}
