/* pipeline.c — YAML to laid-out pages, then to a PDF: the one sequence that
 * render, issue and verify all run, so an issued paper and its rebuild are
 * made by the same code. */
#include "cli.h"

#include <string.h>

#include "br_compose.h"
#include "br_paint.h"
#include "br_report.h"

bool br_cli_build(br_built *b, const char *path, const char *template_file,
                  const char *font_dir, br_arena *arena, br_diags *diags)
{
    memset(b, 0, sizeof *b);
    b->report = br_report_prepare_from(path, template_file, font_dir, &b->template, arena, diags);
    if (!b->report)
        return false;
    br_template *t = &b->template;
    b->doc = br_compose(b->report, t, &b->style, arena, diags);
    char err[512];
    if (!br_fontset_load(&b->fonts, t->font_dir, t->font_files, err, sizeof err)) {
        br_error(diags, (br_loc){t->path, 0, 0}, "%s", err);
        return false;
    }
    b->pages = br_layout(b->doc, &b->style, &b->fonts, arena, diags);
    if (!b->pages || br_diags_failed(diags))
        return false;
    if (!br_arc_sources_collect(&b->sources, b->report, t, diags, arena, diags))
        return false;
    b->doc->source_digest = b->sources.digest;
    return true;
}

bool br_cli_paint(br_built *b, const char *out, br_diags *diags)
{
    return br_paint(b->pages, b->doc, &b->style, &b->fonts, out, diags);
}

void br_cli_built_free(br_built *b)
{
    br_fontset_free(&b->fonts);
}
