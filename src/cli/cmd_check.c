/* cmd_check.c — `boardreport check`: every error and warning, all at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "br_compose.h"
#include "br_report.h"

static const char check_help[] =
    "usage: boardreport check [options] PATH [--archive DIR]\n"
    "\n"
    "Loads the report (and every included file and its template), checks every\n"
    "key, type, period, id and cross-reference, and computes status and trend;\n"
    "loads the template's fonts and names every character they lack.\n"
    "Prints each problem as file:line:col: error|warning: message, all at once.\n"
    "A re-issue (version 2 or later) is compared with its previous version in\n"
    "the archive (DIR, else $BOARDREPORT_ARCHIVE, else ./archive): a version\n"
    "that does not follow the latest issued one, and each changed figure no\n"
    "line of 'corrections:' mentions, is a warning (issue refuses them).\n"
    "\n"
    "exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error\n"
    "\n"
    "options of check:\n"
    "  -a, --archive=DIR         the archive to compare a re-issue with\n";

/* What render would find beyond the model: the template's fonts must load,
 * and every text the author wrote (report and template) is looked up in
 * every face, since markup, headings, table headers and labels can set any
 * text in bold or italic: a character one of the fonts lacks is named here
 * (with that font), not only when the paper is laid out. */
static bool check_fonts(const br_report *r, const br_template *t, br_diags *diags)
{
    br_fontset fonts = {0};
    char err[512];
    if (!br_fontset_load(&fonts, t->font_dir, t->font_files, err, sizeof err)) {
        br_error(diags, (br_loc){t->path, 0, 0}, "%s", err);
        return false;
    }
    br_cli_font_check(r, t, &fonts, diags);
    br_fontset_free(&fonts);
    return true;
}

/* Whether only composing can tell what the paper drops: a note on a
 * value (notes:) that no table or chart may print, or a summary whose own
 * columns: may leave out a status its measures have. */
static bool needs_compose(const br_report *r)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].type == BR_SEC_SUMMARY && r->sections[i].ncolumns)
            return true;
    for (size_t i = 0; i < r->nmeasures; i++)
        for (size_t p = 0; r->measures[i].notes && p < r->nperiods; p++)
            if (r->measures[i].notes[p])
                return true;
    return false;
}

static const br_cmd_spec spec = {"check", check_help, BR_OPT_NO_OUTPUT | BR_OPT_ARCHIVE, 1, 1, "one PATH"};

int br_cmd_check(int argc, char **argv)
{
    br_opts o;
    int usage = br_cli_parse(&spec, argc, argv, &o);
    if (usage >= 0)
        return usage;
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(o.args[0], &t, arena, &diags);
    /* Composing finds what the paper would drop (a note on a value nothing
     * prints, a status a summary's columns leave out: compose's only
     * warnings), so check says all that render would.  Only a report that
     * may drop them needs it: composing every table of an 8 MiB report
     * costs more than the whole check. */
    br_style style;
    if (r && needs_compose(r))
        br_compose(r, &t, &style, arena, &diags);
    bool ok = r && check_fonts(r, &t, &diags);
    if (r)
        br_arc_reissue_check(r, br_arc_dir(o.archive), false, arena, &diags);
    int status = br_finish(&diags, ok);
    if (status == 0 && !o.quiet)
        printf("%s: ok: %s, %s, %s, %s, %s\n", br_diag_escape(arena, r->main_file),
               br_plural(arena, r->nmeasures, "measure"), br_plural(arena, r->nmilestones, "milestone"),
               br_plural(arena, r->nfinance, "finance table"), br_plural(arena, r->nsections, "section"),
               br_plural(arena, diags.warnings, "warning"));
    br_arena_free(arena);
    return status;
}
