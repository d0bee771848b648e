/* build_table.c — rows and cells of a generic `table` section. */
#include "build_int.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "br_format.h"
#include "br_limits.h"

static bool read_span(builder *b, const br_node *v, void *obj)
{
    return br_build_read_whole(b, v, "'span'", 1, 100, " (columns)", &((br_tcell *)obj)->span);
}

static const field cell_fields[] = {
    FIELD("text", F_TEXT, false, br_tcell, text),
    CUSTOM("span", false, read_span),
    ENUMH("rag", false, br_tcell, rag, br_build_rag_names, has_rag),
    FIELD("bold", F_BOOL, false, br_tcell, bold),
    ENUMH("align", false, br_tcell, align, br_build_align_names, has_align),
};

static void read_cell(builder *b, const br_node *v, br_tcell *c)
{
    c->loc = v->loc;
    c->span = 1;
    if (v->kind == BR_NODE_MAP) {
        br_build_fields(b, v, cell_fields, sizeof cell_fields / sizeof *cell_fields, c, "a table cell");
        if (!c->text)
            c->text = "";
        return;
    }
    if (v->kind != BR_NODE_SCALAR) {
        br_error(b->d, v->loc, "a table cell must be text or {text, span, rag, bold, align}, not %s",
                 br_node_kind_name(v));
        c->text = "";
        return;
    }
    c->text = br_build_node_is_null(v) ? "" : v->text;
    c->is_number = br_build_plain_number(v, &c->number, &c->decimals);
    br_build_note_footnote_refs(b, c->text, v->loc);
    if (!br_build_node_is_null(v))
        br_build_note_text(b, v);   /* check looks it up in the fonts */
}

/* "1" then "200" in [North, 1,200, …]: a thousands separator read as a
 * cell separator. */
static bool split_figure_at(const br_node *v, size_t i)
{
    const br_node *a = v->items[i], *z = v->items[i + 1];
    if (a->kind != BR_NODE_SCALAR || z->kind != BR_NODE_SCALAR || !a->plain || !z->plain ||
        !a->len || !br_format_looks_like_figure(a->text) || !isdigit((unsigned char)a->text[a->len - 1]))
        return false;
    size_t d = strspn(z->text, "0123456789");
    return d == 3 && (z->text[3] == '\0' || z->text[3] == '.' || z->text[3] == '%');
}

static void read_cells(builder *b, const br_node *v, br_trow *row)
{
    if (!br_build_want_seq(b, v, "a table row's cells"))
        return;
    row->flow = v->flow;
    for (size_t i = 0; v->flow && !row->split_figure && i + 1 < v->nitems; i++)
        if (split_figure_at(v, i))
            row->split_figure = br_arena_printf(b->a, "%s,%s", v->items[i]->text,
                                                v->items[i + 1]->text);
    row->cells = br_arena_calloc(b->a, v->nitems, sizeof *row->cells);
    for (size_t i = 0; i < v->nitems; i++) {
        if (row->ncells == BR_MAX_COLUMNS) {
            br_error(b->d, v->items[i]->loc, "more than %d cells in a row; a table has at most %d columns",
                     BR_MAX_COLUMNS, BR_MAX_COLUMNS);
            break;
        }
        read_cell(b, v->items[i], &row->cells[row->ncells++]);
    }
}

static void read_row(builder *b, const br_node *v, br_trow *row)
{
    row->loc = v->loc;
    if (v->kind == BR_NODE_SEQ) {
        read_cells(b, v, row);
        return;
    }
    if (!br_build_want_map(b, v, "a table row"))
        return;
    for (size_t i = 0; i < v->npairs; i++) {
        const br_node *key = v->pairs[i].key, *val = v->pairs[i].value;
        if (strcmp(key->text, "heading") == 0) {
            row->heading = br_build_read_text(b, val, "'heading' of a table row");
        } else if (strcmp(key->text, "cells") == 0) {
            read_cells(b, val, row);
        } else if (strcmp(key->text, "total") == 0) {
            br_build_read_bool(b, val, "'total' of a table row", &row->total);
        } else {
            static const char *const keys[] = {"heading", "cells", "total"};
            const char *s = br_suggest(key->text, keys, 3);
            br_error(b->d, key->loc, "unknown key '%s' in a table row; %s%s%s", key->text,
                     s ? "did you mean '" : "use heading, cells or total", s ? s : "", s ? "'?" : "");
        }
    }
    if (row->heading && row->ncells)
        br_error(b->d, v->loc, "a table row is either a heading or cells, not both");
}

static bool read_rows(builder *b, const br_node *v, br_trow **rows, size_t *n, const char *what)
{
    if (!br_build_want_seq(b, v, what))
        return false;
    *rows = br_arena_calloc(b->a, v->nitems, sizeof **rows);
    for (size_t i = 0; i < v->nitems; i++) {
        if (br_build_over_limit(b, v->items[i], *n, BR_MAX_ROWS, "rows in a table"))
            break;
        read_row(b, v->items[i], &(*rows)[(*n)++]);
    }
    return true;
}

bool br_build_table_rows(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    return read_rows(b, v, &s->rows, &s->nrows, "'rows' of a table");
}

bool br_build_table_header(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    /* One header row may be written as a flat list of cells. */
    if (v->kind == BR_NODE_SEQ && v->nitems && v->items[0]->kind != BR_NODE_SEQ) {
        s->header = br_arena_alloc(b->a, sizeof *s->header);
        s->nheader = 1;
        s->header[0].loc = v->loc;
        read_cells(b, v, &s->header[0]);
        return true;
    }
    return read_rows(b, v, &s->header, &s->nheader, "'header' of a table");
}

/* widths: [mm, ...]: a table's fixed column widths (a generic table's,
 * a finance table's). */
bool br_build_table_widths(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    if (!br_build_want_seq(b, v, "'widths'"))
        return false;
    s->widths = br_arena_calloc(b->a, v->nitems, sizeof *s->widths);
    s->widths_loc = v->loc;
    for (size_t i = 0; i < v->nitems; i++) {
        double w;
        if (!br_build_read_number(b, v->items[i], "a width in mm", &w, NULL))
            continue;
        if (w <= 0 || w > 1000)
            br_error(b->d, v->items[i]->loc, "a column width must be between 0 and 1000 mm");
        s->widths[s->nwidths++] = w;
    }
    return true;
}
