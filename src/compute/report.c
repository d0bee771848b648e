/* report.c — the input side in one call: load, template, compute. */
#include "br_report.h"

#include "br_compute.h"

br_report *br_report_prepare(const char *path, br_template *t, br_arena *arena, br_diags *diags)
{
    return br_report_prepare_from(path, NULL, NULL, t, arena, diags);
}

br_report *br_report_prepare_from(const char *path, const char *template_file,
                                  const char *font_dir, br_template *t, br_arena *arena,
                                  br_diags *diags)
{
    br_report *r = br_report_load(path, arena, diags);
    if (!r) {
        br_template_default(t);
        return NULL;
    }
    br_report_check(r, diags);
    if (template_file)
        br_template_load_file(t, template_file, r->template_loc, arena, diags);
    else
        br_template_load(t, r->template_name, r->dir, r->template_loc, arena, diags);
    if (font_dir)
        t->font_dir = font_dir;
    if (br_diags_failed(diags))
        return NULL;
    br_compute(r, t, diags);
    return br_diags_failed(diags) ? NULL : r;
}
