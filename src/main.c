/* main.c — the command line: the only place that prints and picks exit codes.
 *
 * Exit codes: 0 success, 1 invalid input (messages on stderr), 2 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "br_cli.h"
#include "br_export.h"
#include "br_report.h"

#define EXIT_INVALID 1
#define EXIT_USAGE 2

static const char *const main_help =
    "usage: boardreport <command> [options]\n"
    "\n"
    "Turns a quarter's YAML files into the PDF board report.\n"
    "\n"
    "commands:\n"
    "  render PATH [-o OUT.pdf]        lay out and write the PDF\n"
    "  check PATH                      validate; print every error and warning\n"
    "  export PATH --format json|csv   print every computed figure\n"
    "\n"
    "PATH is a quarter's folder holding report.yaml, or a report.yaml itself.\n"
    "'boardreport <command> --help' describes a command.\n"
    "\n"
    "exit status: 0 success, 1 invalid input, 2 usage error\n";

static const char *const check_help =
    "usage: boardreport check PATH\n"
    "\n"
    "Loads the report (and every included file and its template), checks every\n"
    "key, type, period, id and cross-reference, and computes status and trend.\n"
    "Prints each problem as file:line:col: error|warning: message, all at once.\n"
    "\n"
    "exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error\n";

static const char *const export_help =
    "usage: boardreport export PATH --format json|csv [-o FILE]\n"
    "\n"
    "Writes every computed figure for other systems: JSON (report, measures with\n"
    "values, status, trend and changes, finance with net, variance and totals,\n"
    "summary counts, milestones) or CSV (one row per measure).  Output goes to\n"
    "standard output, or to FILE (replaced only when complete).\n"
    "\n"
    "exit status: 0 written, 1 invalid input, 2 usage error\n";

static int cmd_check(int argc, char **argv)
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

static int cmd_export(int argc, char **argv)
{
    if (br_wants_help(argc, argv))
        return fputs(export_help, stdout), 0;
    const char *path = NULL, *format = NULL, *out = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0) {
            if (++i == argc)
                return br_usage_error("export", "%s needs json or csv", argv[i - 1]);
            format = argv[i];
        } else if (strncmp(argv[i], "--format=", 9) == 0) {
            format = argv[i] + 9;
        } else if (strcmp(argv[i], "-o") == 0) {
            if (++i == argc)
                return br_usage_error("export", "%s needs a file name", "-o");
            out = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return br_usage_error("export", "unknown option '%s'", argv[i]);
        } else if (path) {
            return br_usage_error("export", "more than one PATH ('%s')", argv[i]);
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return br_usage_error("export", "expected a PATH%s", "");
    if (!format || (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0))
        return br_usage_error("export", "--format must be json or csv%s", "");

    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(path, &t, arena, &diags);
    int status = br_finish(&diags, r != NULL);
    if (status == 0) {
        br_output o;
        FILE *f = br_output_open(&o, out);
        if (!f) {
            fprintf(stderr, "boardreport: cannot write %s: %s\n", out, strerror(errno));
            status = EXIT_INVALID;
        } else {
            if (strcmp(format, "json") == 0)
                br_export_json(r, &t, f);
            else
                br_export_csv(r, &t, f);
            if (!br_output_close(&o)) {
                fprintf(stderr, "boardreport: cannot write %s: %s\n", out, strerror(errno));
                status = EXIT_INVALID;
            }
        }
    }
    br_arena_free(arena);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(main_help, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return fputs(main_help, stdout), 0;
    if (strcmp(cmd, "--version") == 0)
        return puts("boardreport 0.1"), 0;
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "export") == 0)
        return cmd_export(argc - 2, argv + 2);
    if (strcmp(cmd, "render") == 0)
        return br_cmd_render(argc - 2, argv + 2);
    fprintf(stderr, "boardreport: unknown command '%s'\n\n%s", cmd, main_help);
    return EXIT_USAGE;
}
