/* reissue.c — a paper against an earlier version of itself. */
#include "br_archive.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "br_report.h"

static bool is_package(const char *path, br_arena *arena)
{
    struct stat st;
    return stat(br_arena_printf(arena, "%s/bagit.txt", path), &st) == 0;
}

br_report *br_arc_load(const char *path, br_template *t, br_arena *arena, br_diags *diags)
{
    br_diags quiet;
    br_diags_init(&quiet, arena);
    br_report *r = NULL;
    if (is_package(path, arena)) {
        br_arc_package pkg;
        br_arc_rebuild rb;
        if (!br_arc_package_read(&pkg, path, arena))
            br_error(&quiet, (br_loc){path, 0, 0}, "holds no bag-info.txt");
        else if (br_arc_rebuild_paths(&rb, &pkg, arena, &quiet))
            r = br_report_prepare_from(rb.report, rb.template_file, rb.font_dir, t, arena, &quiet);
    } else {
        r = br_report_prepare(path, t, arena, &quiet);
    }
    br_diags_add_errors(diags, &quiet);
    /* The files read, so that a caller can refuse to write over them. */
    for (size_t i = 0; i < quiet.nsources; i++)
        br_diags_add_source(diags, quiet.sources[i].file, quiet.sources[i].text,
                            quiet.sources[i].len);
    return r;
}

/* The package of the latest version of r before r's own, or NULL. */
static const char *previous(const br_report *r, const char *archive, br_arena *arena)
{
    for (int v = r->version - 1; v >= 1; v--) {
        const char *dir = br_arc_package_dir(archive, r, v, arena);
        if (is_package(dir, arena))
            return dir;
    }
    return NULL;
}

/* One warning per changed figure no correction mentions. */
static void warn_unmentioned(const br_report *r, const br_changes *ch, const char *prev,
                             br_arena *arena, br_diags *diags)
{
    for (size_t i = 0; i < ch->n; i++) {
        const br_change *c = &ch->items[i];
        if (!c->figure || !c->authored || br_arc_mentioned(c, r->corrections, r->ncorrections))
            continue;
        const char *line = br_arc_correction(c, 1, arena);
        const char *name = c->title ? c->title : c->id ? c->id : "";
        bool whole = strcmp(c->field, "added") == 0 || strcmp(c->field, "removed") == 0;
        if (whole)
            br_warning(diags, c->loc.file ? c->loc : r->report_loc,
                       "%s '%s' was %s since %s, but no line of 'corrections:' mentions it; add "
                       "one such as \"%s\"", c->item, name, c->field, prev, line ? line : "");
        else
            br_warning(diags, c->loc.file ? c->loc : r->report_loc,
                       "%s '%s': %s changed since %s (%s -> %s), but no line of 'corrections:' "
                       "mentions it; add one such as \"%s\"", c->item, name, c->field, prev,
                       c->old_text ? c->old_text : "none", c->new_text ? c->new_text : "none",
                       line ? line : "");
    }
}

void br_arc_reissue_check(const br_report *r, const br_template *t, const char *archive,
                          br_arena *arena, br_diags *diags)
{
    (void)t;
    struct stat st;
    if (r->version <= 1 || stat(archive, &st) != 0)
        return;
    const char *prev = previous(r, archive, arena);
    if (!prev) {
        br_warning(diags, r->report_loc, "version %d is a re-issue, but the archive %s holds no "
                                         "earlier version of this paper to compare it with",
                   r->version, archive);
        return;
    }
    br_template pt;
    br_diags errors;
    br_diags_init(&errors, arena);
    const br_report *old = br_arc_load(prev, &pt, arena, &errors);
    if (!old) {
        br_warning(diags, r->report_loc, "cannot compare with the previous version in %s: it does "
                                         "not load ('boardreport verify %s' says why)", prev, prev);
        return;
    }
    br_changes ch;
    br_arc_diff(old, r, &ch, arena);
    warn_unmentioned(r, &ch, prev, arena, diags);
}
