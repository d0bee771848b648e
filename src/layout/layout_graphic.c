/* layout_graphic.c — drawings (charts, sparklines) placed whole. */
#include "layout_int.h"

#include <string.h>

/* Draws g scaled by k (1: as drawn) with its top left corner at (x, y) on
 * the current page: a drawing in a table cell narrower than it shrinks. */
void br_lay_graphic_draw_scaled(lay *L, const br_graphic *g, double x, double y, double k)
{
    for (size_t i = 0; i < g->nshapes; i++) {
        const br_shape *s = &g->shapes[i];
        switch (s->kind) {
        case BR_SHAPE_RECT:
            br_lay_emit_rect(L, x + k * s->x, y + k * s->y, k * s->w, k * s->h, s->color);
            break;
        case BR_SHAPE_LINE:
            br_lay_emit_line(L, x + k * s->x, y + k * s->y, x + k * s->x2, y + k * s->y2, k * s->width,
                      s->color);
            break;
        case BR_SHAPE_TEXT: {
            size_t len = strlen(s->text);
            double w = br_lay_tx_width(L, s->text, len, s->face, k * s->size);
            double left = s->align == BR_ALIGN_RIGHT ? k * s->x - w
                        : s->align == BR_ALIGN_CENTER ? k * s->x - w / 2 : k * s->x;
            br_lay_tx_check_glyphs(L, s->text, len, s->face, (br_loc){0});
            br_lay_emit_text(L, x + left, y + k * s->y, s->text, len, s->face, k * s->size, s->color);
            break;
        }
        }
    }
}

/* A drawing block: on this page if it fits, else at the top of the next;
 * a drawing taller than a page is scaled by nobody — it starts a page and
 * runs past its foot only if the author made it so (charts are small). */
void br_lay_place_graphic(lay *L, const br_block *b)
{
    const br_graphic *g = &b->graphic;
    double h = g->height + L->style->block_space;
    if (!L->fresh && !br_lay_fits(L, g->height, 0))
        br_lay_page_start(L, L->orient);
    br_lay_figure(L, g, 0, L->left, L->y, 1);
    L->y += h;
    L->fresh = false;
}
