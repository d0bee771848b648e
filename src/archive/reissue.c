/* reissue.c — a re-issue against the version it corrects. */
#include "br_archive.h"

#include <sys/stat.h>

void br_arc_reissue_check(const br_report *r, const br_template *t, const char *archive,
                          br_arena *arena, br_diags *diags)
{
    (void)t;
    struct stat st;
    if (r->version <= 1 || stat(archive, &st) != 0)
        return;
    for (int v = r->version - 1; v >= 1; v--) {
        br_arc_package pkg;
        if (br_arc_package_read(&pkg, br_arc_package_dir(archive, r, v, arena), arena))
            return;
    }
    br_warning(diags, r->report_loc, "version %d is a re-issue, but the archive %s holds no "
                                     "earlier version of this paper to compare it with",
               r->version, archive);
}
