/* reissue.c — a paper against an earlier version of itself. */
#include "br_archive.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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
        /* Its source stands for the issued paper only while the manifests
         * hold: a changed file would give false "issued" figures. */
        if (!br_bag_check(path, arena, &quiet))
            br_error(&quiet, (br_loc){path, 0, 0}, "has changed since it was issued (the errors "
                     "above; 'boardreport verify %s'), so its source is not the issued paper's "
                     "and is not compared", path);
        else if (!br_arc_package_read(&pkg, path, arena))
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

/* A problem with the re-issue: an error when issuing (strict), which
 * --force turns back into a warning; a warning from check. */
static void say(bool strict, br_diags *diags, br_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void say(bool strict, br_diags *diags, br_loc loc, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (strict)
        br_error(diags, loc, "%s; or give --force to issue it anyway", msg);
    else
        br_warning(diags, loc, "%s", msg);
}

int br_arc_latest_issued(const br_report *r, const char *archive, const char **dir,
                         br_arena *arena)
{
    const char *own = br_arc_package_dir(archive, r, r->version, arena);
    const char *folder = br_arena_strndup(arena, own, (size_t)(strrchr(own, '/') - own));
    DIR *d = opendir(folder);
    int latest = 0;
    for (struct dirent *de; d && (de = readdir(d));) {
        const char *n = de->d_name;
        int v = br_arc_version_of(n);
        const char *vdir = br_arena_printf(arena, "%s/%s", folder, n);
        if (v > latest && v != r->version && is_package(vdir, arena)) {
            latest = v;
            *dir = vdir;
        }
    }
    if (d)
        closedir(d);
    return latest;
}

/* One warning per changed figure no correction mentions; how many. */
static size_t warn_unmentioned(const br_report *r, const br_changes *ch, const char *prev,
                               br_arena *arena, br_diags *diags)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->n; i++) {
        const br_change *c = &ch->items[i];
        if (!c->figure || !c->authored || br_arc_mentioned(c, r->corrections, r->ncorrections))
            continue;
        n++;
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
                       "says so; add one such as \"%s\"", c->item, name, c->field, prev,
                       c->old_text ? c->old_text : "none", c->new_text ? c->new_text : "none",
                       line ? line : "");
    }
    return n;
}

/* Whether version (above 1) follows the latest issued one; says why not. */
static bool follows(const br_report *r, const char *archive, bool strict, int latest,
                    const char *prev, br_diags *diags)
{
    if (latest == 0)
        say(strict, diags, r->version_loc, "version %d is a re-issue, but the archive %s holds no "
            "earlier version of this paper to correct: issue version 1 first ('version: 1')",
            r->version, archive);
    else if (latest > r->version)
        say(strict, diags, r->version_loc, "version %d of this paper is in the archive already "
            "(%s), so version %d would come after it: a correction now is version %d",
            latest, prev, r->version, latest + 1);
    else if (latest < r->version - 1)
        say(strict, diags, r->version_loc, "version %d would leave a gap: the latest in the "
            "archive is version %d (%s), so the next is version %d ('version: %d'), which "
            "corrects version %d", r->version, latest, prev, latest + 1, latest + 1, latest);
    return latest == r->version - 1;
}

void br_arc_reissue_check(const br_report *r, const char *archive, bool strict,
                          br_arena *arena, br_diags *diags)
{
    struct stat st;
    bool have_archive = stat(archive, &st) == 0;
    if (r->version <= 1 || (!have_archive && !strict))
        return;
    const char *prev = NULL;
    int latest = br_arc_latest_issued(r, archive, &prev, arena);
    if (!follows(r, archive, strict, latest, prev, diags))
        return;
    br_template pt;
    br_diags errors;
    br_diags_init(&errors, arena);
    const br_report *old = br_arc_load(prev, &pt, arena, &errors);
    if (!old) {
        say(strict, diags, r->report_loc, "cannot compare with the previous version %s: it does "
            "not load or has changed since it was issued ('boardreport verify %s' says why)",
            prev, prev);
        return;
    }
    br_changes ch;
    br_arc_diff(old, r, &ch, arena);
    size_t n = warn_unmentioned(r, &ch, prev, arena, diags);
    if (n > 0 && strict)
        say(strict, diags, r->report_loc, "%s since %s but no line of 'corrections:' says so "
            "(the warnings name %s, each with a line to add): a re-issue says what it corrects",
            n == 1 ? "a figure changed" : br_arena_printf(arena, "%zu figures changed", n),
            prev, n == 1 ? "it" : "them");
}
