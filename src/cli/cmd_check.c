/* cmd_check.c — `boardreport check`: every error and warning, all at once. */
#include <stdio.h>

#include "cli.h"
#include "br_report.h"

static const char *const check_help =
    "usage: boardreport check PATH\n"
    "\n"
    "Loads the report (and every included file and its template), checks every\n"
    "key, type, period, id and cross-reference, and computes status and trend.\n"
    "Prints each problem as file:line:col: error|warning: message, all at once.\n"
    "\n"
    "exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error\n";

int br_cmd_check(int argc, char **argv)
{
    if (br_wants_help(argc, argv))
        return fputs(check_help, stdout), 0;
    if (argc != 1 || argv[0][0] == '-')
        return br_usage_error("check", argc ? "expected one PATH, got '%s'" : "expected a PATH%s",
                              argc ? argv[argc > 1 ? 1 : 0] : "");
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(argv[0], &t, arena, &diags);
    int status = br_finish(&diags, r != NULL);
    if (status == 0)
        printf("%s: ok: %zu measures, %zu milestones, %zu finance tables, %zu sections, "
               "%zu warnings\n", r->main_file, r->nmeasures, r->nmilestones, r->nfinance,
               r->nsections, diags.warnings);
    br_arena_free(arena);
    return status;
}
