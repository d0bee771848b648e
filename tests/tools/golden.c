/* golden.c — readable dumps of every stage's output, for the golden tests.
 *
 *   golden PATH OUTDIR
 *
 * Runs the whole pipeline on the report at PATH (a folder holding
 * report.yaml, or the file itself) and writes into OUTDIR:
 *
 *   check.txt    the diagnostics, as `check` prints them
 *   doc.txt      the composed document: each block, each table's columns,
 *                rows and cells (text with its markup, alignment, fill: a
 *                status cell shows both its word and its colour)
 *   pages.txt    the display list: each page's items with their positions
 *                rounded to 0.1 pt, and the outline
 *   export.json  `export --format json`
 *   export.csv   `export --format csv`
 *
 * tests/golden/run.sh compares these with the files kept in each case's
 * folder; `make golden` rewrites them after an intended change.  The dumps
 * are plain text so that a reviewer reads the change in the commit's diff.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "br_compose.h"
#include "br_export.h"
#include "br_layout.h"
#include "br_report.h"

/* ---- small writers ---- */

/* A string in double quotes, with control characters and quotes escaped, so
 * a dump line is always one line. */
static void quoted(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* A length rounded to 0.1 pt; never "-0.0". */
static void pt(FILE *out, double v)
{
    double r = round(v * 10.0) / 10.0;
    fprintf(out, "%.1f", r == 0 ? 0.0 : r);
}

static const char *align_name(br_align a)
{
    static const char *const names[] = {"left", "center", "right", "decimal"};
    return (unsigned)a < 4 ? names[a] : "?";
}

static const char *face_name(br_face f)
{
    static const char *const names[] = {"regular", "bold", "italic", "bold-italic"};
    return (unsigned)f < BR_FACE_COUNT ? names[f] : "?";
}

/* Where a block came from: the file's last component, line and column (the
 * folder differs between a checkout and CI). */
static void where(FILE *out, br_loc loc)
{
    if (!loc.file)
        return;
    const char *slash = strrchr(loc.file, '/');
    fprintf(out, " @%s:%d:%d", slash ? slash + 1 : loc.file, loc.line, loc.col);
}

/* ---- the composed document ---- */

/* Runs with their faces written as markup: **bold**, *italic*, ***both***;
 * superscript as ^{…}, a coloured run as {#RRGGBB …}, a footnote reference
 * as [^key]. */
static void rich(FILE *out, const br_rich *r)
{
    fputc('"', out);
    for (size_t i = 0; i < r->nruns; i++) {
        const br_run *run = &r->runs[i];
        if (run->footnote) {
            fprintf(out, "[^%s]", run->footnote);
            continue;
        }
        const char *mark = run->face == BR_FACE_BOLD ? "**" : run->face == BR_FACE_ITALIC ? "*"
                         : run->face == BR_FACE_BOLD_ITALIC ? "***" : "";
        if (run->has_color)
            fprintf(out, "{#%06X ", (unsigned)run->color);
        if (run->superscript)
            fputs("^{", out);
        fputs(mark, out);
        for (size_t k = 0; k < run->len; k++) {
            unsigned char c = (unsigned char)run->text[k];
            if (c == '"' || c == '\\' || c == '*' || c == '[' || c == '{' || c == '^')
                fprintf(out, "\\%c", c);   /* text, not the dump's markup */
            else if (c == '\n')
                fputs("\\n", out);
            else if (c < 0x20 || c == 0x7F)
                fprintf(out, "\\x%02x", c);
            else
                fputc(c, out);
        }
        fputs(mark, out);
        if (run->superscript)
            fputc('}', out);
        if (run->has_color)
            fputc('}', out);
    }
    fputc('"', out);
}

static void graphic(FILE *out, const br_graphic *g, const char *indent)
{
    fprintf(out, "%sgraphic ", indent);
    pt(out, g->width);
    fputc('x', out);
    pt(out, g->height);
    fprintf(out, ", %zu shapes\n", g->nshapes);
    for (size_t i = 0; i < g->nshapes; i++) {
        const br_shape *s = &g->shapes[i];
        fprintf(out, "%s  ", indent);
        switch (s->kind) {
        case BR_SHAPE_RECT:
            fputs("rect ", out);
            pt(out, s->x), fputc(' ', out), pt(out, s->y), fputc(' ', out);
            pt(out, s->w), fputc(' ', out), pt(out, s->h);
            break;
        case BR_SHAPE_LINE:
            fputs("line ", out);
            pt(out, s->x), fputc(' ', out), pt(out, s->y), fputs(" -> ", out);
            pt(out, s->x2), fputc(' ', out), pt(out, s->y2), fputs(" w=", out), pt(out, s->width);
            break;
        case BR_SHAPE_TEXT:
            fputs("text ", out);
            pt(out, s->x), fputc(' ', out), pt(out, s->y);
            fprintf(out, " %s %s ", align_name(s->align), face_name(s->face));
            pt(out, s->size);
            fputc(' ', out);
            quoted(out, s->text ? s->text : "", s->text ? strlen(s->text) : 0);
            break;
        }
        fprintf(out, " #%06X\n", (unsigned)s->color);
    }
}

/* A figure of a chart: "-inf" and "inf" for a band's open end. */
static void fig(FILE *out, double v)
{
    if (isinf(v))
        fputs(v < 0 ? "-inf" : "inf", out);
    else
        fprintf(out, "%.6g", v);
}

static void chart(FILE *out, const br_chart *c, const char *in)
{
    static const char *const types[] = {"bullet", "line", "sparkline", "stacked"};
    fprintf(out, "%s  chart %s", in, types[c->type]);
    fprintf(out, " axis \"%s\" \"%s\"%s%s%s", c->axis.prefix ? c->axis.prefix : "",
            c->axis.suffix ? c->axis.suffix : "", c->axis.percent ? " percent" : "",
            c->axis.thousands ? " thousands" : "", c->axis.brackets ? " brackets" : "");
    if (c->has_value)
        fputs(" value ", out), fig(out, c->value);
    if (c->has_target)
        fputs(" target ", out), fig(out, c->target);
    if (c->type == BR_CHART_TYPE_SPARKLINE)
        fprintf(out, " mark #%06X", (unsigned)c->mark_fill);
    if (c->type == BR_CHART_TYPE_STACKED)
        fprintf(out, " scale %zu", c->scale);
    fputc('\n', out);
    if (c->title)
        fprintf(out, "%s    title ", in), quoted(out, c->title, strlen(c->title)), fputc('\n', out);
    if (c->summary)
        fprintf(out, "%s    summary ", in), quoted(out, c->summary, strlen(c->summary)), fputc('\n', out);
    if (c->target_text)
        fprintf(out, "%s    target-text ", in), quoted(out, c->target_text, strlen(c->target_text)),
            fputc('\n', out);
    for (size_t i = 0; i < c->nbands; i++) {
        fprintf(out, "%s    band ", in), fig(out, c->bands[i].from), fputs(" .. ", out);
        fig(out, c->bands[i].to), fprintf(out, " #%06X", (unsigned)c->bands[i].fill);
        if (c->bands[i].label)
            fputc(' ', out), quoted(out, c->bands[i].label, strlen(c->bands[i].label));
        fputc('\n', out);
    }
    if (c->fixed_scale)
        fprintf(out, "%s    scale ", in), fig(out, c->scale_lo), fputs(" .. ", out),
            fig(out, c->scale_hi), fputc('\n', out);
    if (c->nticks) {
        fprintf(out, "%s    marks", in);
        for (size_t i = 0; i < c->nticks; i++)
            fputc(' ', out), fig(out, c->ticks[i]);
        fputc('\n', out);
    }
    for (size_t i = 0; i < c->npoints; i++) {
        fprintf(out, "%s    point ", in);
        quoted(out, c->points[i].label ? c->points[i].label : "",
               c->points[i].label ? strlen(c->points[i].label) : 0);
        if (c->points[i].text)
            fputc(' ', out), fig(out, c->points[i].value), fputc(' ', out),
                quoted(out, c->points[i].text, strlen(c->points[i].text));
        fputc('\n', out);
    }
    for (size_t i = 0; i < c->nsegments; i++)
        fprintf(out, "%s    segment %zu #%06X\n", in, c->segments[i].count,
                (unsigned)c->segments[i].fill);
}

static void cell(FILE *out, const br_cell *c)
{
    fputs("    | ", out);
    rich(out, &c->text);
    fprintf(out, " %s", align_name(c->align));
    if (c->span != 1)
        fprintf(out, " span=%d", c->span);
    if (c->bold)
        fputs(" bold", out);
    if (c->has_fill)
        fprintf(out, " fill=#%06X", (unsigned)c->fill);
    if (c->has_color)
        fprintf(out, " color=#%06X", (unsigned)c->color);
    fputc('\n', out);
    if (c->chart)
        chart(out, c->chart, "    ");
    if (c->graphic)
        graphic(out, c->graphic, "      ");
}

static void rows(FILE *out, const br_row *r, size_t n, const char *what)
{
    static const char *const kinds[] = {"body", "group", "total"};
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "  %s %zu %s\n", what, i + 1, (unsigned)r[i].kind < 3 ? kinds[r[i].kind] : "?");
        for (size_t k = 0; k < r[i].ncells; k++)
            cell(out, &r[i].cells[k]);
    }
}

static void table(FILE *out, const br_table *t)
{
    fprintf(out, "  caption ");
    if (t->caption)
        quoted(out, t->caption, strlen(t->caption));
    else
        fputs("none", out);
    if (t->font_size > 0)
        fputs(" size=", out), pt(out, t->font_size);
    if (t->width > 0)
        fputs(" width=", out), pt(out, t->width);
    fputc('\n', out);
    for (size_t i = 0; i < t->ncols; i++) {
        fprintf(out, "  col %zu %s", i + 1, align_name(t->cols[i].align));
        if (t->cols[i].width > 0)
            fputs(" width=", out), pt(out, t->cols[i].width);
        if (t->cols[i].weight > 0)
            fprintf(out, " weight=%g", t->cols[i].weight);
        fputc('\n', out);
    }
    rows(out, t->header, t->nheader, "header");
    rows(out, t->rows, t->nrows, "row");
}

static void block(FILE *out, const br_block *b, size_t index)
{
    static const char *const kinds[] = {"heading", "paragraph", "table", "page-break", "space",
                                        "graphic", "chart", "columns", "column-break"};
    fprintf(out, "block %zu %s", index + 1, (unsigned)b->kind < 9 ? kinds[b->kind] : "?");
    where(out, b->loc);
    fputc('\n', out);
    switch (b->kind) {
    case BR_BLOCK_HEADING:
        fprintf(out, "  level %d%s%s%s ", b->level, b->outline ? " outline" : "",
                b->caption ? " caption" : "", b->appendix ? " appendix" : "");
        rich(out, &b->text);
        fputc('\n', out);
        if (b->tag.text) {
            fputs("  tag ", out);
            quoted(out, b->tag.text, strlen(b->tag.text));
            fprintf(out, " fill=#%06X color=#%06X\n", (unsigned)b->tag.fill, (unsigned)b->tag.color);
        }
        break;
    case BR_BLOCK_PARAGRAPH:
        fputs(" ", out);
        if (b->number)
            fprintf(out, " number=%d", b->number);
        if (b->bullet)
            fprintf(out, " bullet=%d", b->bullet);
        if (b->label)
            fprintf(out, " label=\"%s\"", b->label);
        if (b->indent > 0)
            fputs(" indent=", out), pt(out, b->indent);
        if (b->font_size > 0)
            fputs(" size=", out), pt(out, b->font_size);
        if (b->align != BR_ALIGN_LEFT)
            fprintf(out, " %s", align_name(b->align));
        if (b->keep_with_next)
            fputs(" keep-with-next", out);
        fputc(' ', out);
        rich(out, &b->text);
        fputc('\n', out);
        break;
    case BR_BLOCK_TABLE:
        table(out, &b->table);
        break;
    case BR_BLOCK_PAGE_BREAK: {
        static const char *const orient[] = {"keep", "portrait", "landscape"};
        fprintf(out, "  orientation %s\n", (unsigned)b->orientation < 3 ? orient[b->orientation] : "?");
        break;
    }
    case BR_BLOCK_COLUMNS:
        fprintf(out, "  columns %d\n", b->columns);
        break;
    case BR_BLOCK_COLUMN_BREAK:
        break;
    case BR_BLOCK_SPACE:
        fputs("  height ", out), pt(out, b->height), fputc('\n', out);
        break;
    case BR_BLOCK_GRAPHIC:
        graphic(out, &b->graphic, "  ");
        break;
    case BR_BLOCK_CHART:
        if (b->per_row)
            fprintf(out, "  per-row %d\n", b->per_row);
        for (size_t i = 0; i < b->ncharts; i++)
            chart(out, &b->charts[i], "");
        break;
    }
}

static void dump_doc(FILE *out, const br_doc *doc)
{
    fputs("title ", out);
    quoted(out, doc->title ? doc->title : "", doc->title ? strlen(doc->title) : 0);
    fprintf(out, "\ndate %04d-%02d-%02d%s\n", doc->year, doc->month, doc->day,
            doc->draft ? " draft" : "");
    for (size_t i = 0; i < doc->nblocks; i++)
        block(out, &doc->blocks[i], i);
    for (size_t i = 0; i < doc->nfootnotes; i++) {
        fprintf(out, "footnote %s ", doc->footnotes[i].key);
        rich(out, &doc->footnotes[i].text);
        fputc('\n', out);
    }
}

/* ---- the display list ---- */

static void item(FILE *out, const br_pages *pages, const br_item *it)
{
    switch (it->kind) {
    case BR_ITEM_TEXT:
        fputs("  text ", out);
        pt(out, it->x), fputc(' ', out), pt(out, it->y);
        fprintf(out, " %s ", face_name(it->face));
        pt(out, it->size);
        fprintf(out, " #%06X ", (unsigned)it->color);
        quoted(out, it->text ? it->text : "", it->text ? it->len : 0);
        break;
    case BR_ITEM_RECT:
        fputs("  rect ", out);
        pt(out, it->x), fputc(' ', out), pt(out, it->y), fputc(' ', out);
        pt(out, it->w), fputc(' ', out), pt(out, it->h);
        fprintf(out, " #%06X", (unsigned)it->color);
        break;
    case BR_ITEM_LINE:
        fputs("  line ", out);
        pt(out, it->x), fputc(' ', out), pt(out, it->y), fputs(" -> ", out);
        pt(out, it->x2), fputc(' ', out), pt(out, it->y2), fputs(" w=", out), pt(out, it->width);
        fprintf(out, " #%06X", (unsigned)it->color);
        break;
    default:
        fprintf(out, "  item kind %d", (int)it->kind);
        break;
    }
    /* Content names its element (artifacts nothing): "@12 TD". */
    if (it->elem != BR_ARTIFACT && it->elem < pages->nelems)
        fprintf(out, " @%u %s", (unsigned)it->elem, br_lay_role_name(pages->elems[it->elem].role));
    fputc('\n', out);
}

/* The structure elements: index, role, parent and what else they carry. */
static void dump_elems(FILE *out, const br_pages *pages)
{
    static const char *const scope[] = {"", " scope=column", " scope=row"};
    for (size_t i = 0; i < pages->nelems; i++) {
        const br_elem *e = &pages->elems[i];
        fprintf(out, "elem %zu %s parent %u%s", i, br_lay_role_name(e->role), (unsigned)e->parent,
                (unsigned)e->scope < 3 ? scope[e->scope] : " scope=?");
        if (e->colspan > 1)
            fprintf(out, " colspan=%d", e->colspan);
        if (e->note > 0)
            fprintf(out, " note=%d", e->note);
        if (e->alt) {
            fputs(" alt=", out);
            quoted(out, e->alt, strlen(e->alt));
        }
        fputc('\n', out);
    }
}

static void dump_pages(FILE *out, const br_pages *pages)
{
    for (size_t p = 0; p < pages->npages; p++) {
        const br_page *pg = &pages->pages[p];
        fprintf(out, "page %zu ", p + 1);
        pt(out, pg->width), fputc('x', out), pt(out, pg->height);
        fprintf(out, ", %zu items", pg->nitems);
        if (pg->appendix)
            fputs(" in ", out), quoted(out, pg->appendix, strlen(pg->appendix));
        fputc('\n', out);
        for (size_t i = 0; i < pg->nitems; i++)
            item(out, pages, &pg->items[i]);
    }
    for (size_t i = 0; i < pages->noutline; i++) {
        const br_outline *o = &pages->outline[i];
        fprintf(out, "outline %d page %zu y=", o->level, o->page + 1);
        pt(out, o->y);
        fputc(' ', out);
        quoted(out, o->title ? o->title : "", o->title ? strlen(o->title) : 0);
        fputc('\n', out);
    }
    dump_elems(out, pages);
}

/* ---- driver ---- */

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "golden: cannot write %s: %s\n", path, strerror(errno));
    return f;
}

static bool close_ok(FILE *f)
{
    bool ok = !ferror(f);
    return fclose(f) == 0 && ok;
}

/* The stages after loading: compose, layout and export, each dumped. */
static bool dump_outputs(br_report *r, br_template *t, br_arena *arena, br_diags *diags,
                         const char *dir)
{
    br_style style;
    br_doc *doc = br_compose(r, t, &style, arena, diags);
    FILE *f = open_in(dir, "doc.txt");
    if (!f)
        return false;
    dump_doc(f, doc);
    bool ok = close_ok(f);
    br_fontset fonts = {0};
    char err[512];
    if (!br_fontset_load(&fonts, t->font_dir, t->font_files, err, sizeof err)) {
        fprintf(stderr, "golden: %s\n", err);
        return false;
    }
    br_pages *pages = br_layout(doc, &style, &fonts, arena, diags);
    br_fontset_free(&fonts);
    if ((f = open_in(dir, "pages.txt"))) {
        if (pages)
            dump_pages(f, pages);
        else
            fputs("layout failed\n", f);
        ok = close_ok(f) && ok;
    }
    if ((f = open_in(dir, "export.json")))
        br_export_json(r, t, f), ok = close_ok(f) && ok;
    if ((f = open_in(dir, "export.csv")))
        br_export_csv(r, t, f), ok = close_ok(f) && ok;
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: golden PATH OUTDIR\n", stderr);
        return 2;
    }
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(argv[1], &t, arena, &diags);
    bool ok = true;
    if (r)
        ok = dump_outputs(r, &t, arena, &diags, argv[2]);
    /* Diagnostics last: compose and layout add their own warnings. */
    FILE *f = open_in(argv[2], "check.txt");
    if (f) {
        br_diags_sort(&diags);
        br_diags_print(&diags, f);
        fprintf(f, "%zu errors, %zu warnings\n", diags.errors, diags.warnings);
        ok = close_ok(f) && ok;
    } else {
        ok = false;
    }
    br_arena_free(arena);
    return ok ? 0 : 1;
}
