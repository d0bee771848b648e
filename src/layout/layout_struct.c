/* layout_struct.c — the paper's logical structure, made as it is placed.
 *
 * Every element is made when layout first places something of it, so the
 * elements come in reading order: a heading, its paragraphs, a table's
 * rows, a footnote after the text of its page that refers to it.  The
 * painter turns them into the tagged PDF's structure tree (pdf_tags.c).
 */
#include "layout_int.h"

#include <string.h>

static const char *const ROLE_NAMES[BR_ROLE_COUNT] = {
    [BR_ROLE_DOCUMENT] = "Document", [BR_ROLE_H1] = "H1", [BR_ROLE_H2] = "H2",
    [BR_ROLE_H3] = "H3", [BR_ROLE_P] = "P", [BR_ROLE_LBL] = "Lbl", [BR_ROLE_L] = "L",
    [BR_ROLE_LI] = "LI", [BR_ROLE_LBODY] = "LBody", [BR_ROLE_TABLE] = "Table",
    [BR_ROLE_CAPTION] = "Caption", [BR_ROLE_THEAD] = "THead", [BR_ROLE_TBODY] = "TBody",
    [BR_ROLE_TR] = "TR", [BR_ROLE_TH] = "TH", [BR_ROLE_TD] = "TD", [BR_ROLE_NOTE] = "Note",
    [BR_ROLE_REFERENCE] = "Reference", [BR_ROLE_FIGURE] = "Figure",
};

const char *br_lay_role_name(br_role role)
{
    return (unsigned)role < BR_ROLE_COUNT ? ROLE_NAMES[role] : "Span";
}

uint32_t br_lay_elem_new(lay *L, br_role role, uint32_t parent)
{
    br_pages *pg = L->pages;
    br_elem *e = BR_PUSH(L->arena, pg->elems, pg->nelems, pg->elems_cap);
    *e = (br_elem){.role = role, .parent = parent};
    return (uint32_t)(pg->nelems - 1);
}

uint32_t br_lay_elem_enter(lay *L, uint32_t e)
{
    uint32_t before = L->elem;
    L->elem = e;
    return before;
}

void br_lay_list_close(lay *L)
{
    for (int k = 0; k <= BR_LAY_LIST_DEPTH; k++)
        L->list[k] = L->lbody[k] = 0;
}

/* Bullets of one level that follow one another are the items of one list
 * (L > LI > Lbl, LBody); a deeper bullet opens a list inside the body of
 * the item before it. */
static uint32_t list_item(lay *L, int level, uint32_t *lbl)
{
    int k = level > BR_LAY_LIST_DEPTH ? BR_LAY_LIST_DEPTH : level;
    for (int j = k + 1; j <= BR_LAY_LIST_DEPTH; j++)
        L->list[j] = L->lbody[j] = 0;
    if (!L->list[k]) {
        uint32_t parent = 0;
        for (int j = k - 1; j >= 1 && !parent; j--)
            parent = L->lbody[j];
        L->list[k] = br_lay_elem_new(L, BR_ROLE_L, parent);
    }
    uint32_t li = br_lay_elem_new(L, BR_ROLE_LI, L->list[k]);
    *lbl = br_lay_elem_new(L, BR_ROLE_LBL, li);
    L->lbody[k] = br_lay_elem_new(L, BR_ROLE_LBODY, li);
    return L->lbody[k];
}

uint32_t br_lay_para_elem(lay *L, const br_block *b, uint32_t *lbl)
{
    *lbl = 0;
    if (b->bullet > 0)
        return list_item(L, b->bullet, lbl);
    br_lay_list_close(L);
    uint32_t p = br_lay_elem_new(L, BR_ROLE_P, 0);
    if (b->number > 0)
        *lbl = br_lay_elem_new(L, BR_ROLE_LBL, p);
    return p;
}

void br_lay_figure(lay *L, const br_graphic *g, uint32_t parent, double x, double y, double k)
{
    uint32_t before = L->elem;
    bool artifact = L->artifact, figure = L->figure;
    if (g->alt && *g->alt && !L->artifact) {
        L->elem = br_lay_elem_new(L, BR_ROLE_FIGURE, parent);
        L->pages->elems[L->elem].alt = g->alt;
        L->figure = true;
    } else {
        L->artifact = true;
    }
    br_lay_graphic_draw_scaled(L, g, x, y, k);
    L->elem = before;
    L->artifact = artifact;
    L->figure = figure;
}

/* Joins what is set of a, b and c with ". " (NULL: left out). */
static const char *sentences(lay *L, const char *a, const char *b, const char *c)
{
    const char *parts[3] = {a, b, c}, *out = NULL;
    for (int i = 0; i < 3; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        out = out ? br_arena_printf(L->arena, "%s. %s", out, parts[i]) : parts[i];
    }
    return out ? out : "";
}

const char *br_lay_chart_alt(lay *L, const br_chart *c)
{
    if (c->type == BR_CHART_TYPE_STACKED)
        return NULL;    /* its row's cells give the counts in words */
    bool bullet = c->type == BR_CHART_TYPE_BULLET;
    const char *kind = bullet ? "Bullet chart" : "Line chart";
    const char *name = c->measure && *c->measure ? c->measure : c->title;
    const char *head = name && *name ? br_arena_printf(L->arena, "%s: %s", kind, name) : kind;
    if (bullet)
        return sentences(L, head, c->summary, NULL);
    /* A line chart's figures, period by period, and its target. */
    const char *figures = NULL;
    for (size_t i = 0; i < c->npoints; i++) {
        const br_chart_point *p = &c->points[i];
        if (!p->text)
            continue;
        figures = br_arena_printf(L->arena, "%s%s%s %s", figures ? figures : "",
                                  figures ? ", " : "", p->label ? p->label : "", p->text);
    }
    if (c->type == BR_CHART_TYPE_SPARKLINE)     /* "Trend: 2019/20 Q1 523, 2019/20 Q2 537" */
        return br_arena_printf(L->arena, "Trend: %s", figures ? figures : "");
    return sentences(L, head, figures ? figures : c->summary, c->target_text);
}
