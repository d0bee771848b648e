/* cmd_export.c — `boardreport export`: every computed figure as JSON or CSV. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "br_export.h"
#include "br_report.h"

static const char export_help[] =
    "usage: boardreport export [options] --format json|csv PATH\n"
    "\n"
    "Writes every computed figure for other systems: JSON (report, measures with\n"
    "values, status, trend and changes, finance with net, variance and totals,\n"
    "summary counts, milestones) or CSV (one row per measure).  Output goes to\n"
    "standard output (also with -o -), or to FILE, replaced only when complete;\n"
    "FILE may not be one of the files the report reads.\n"
    "\n"
    "exit status: 0 written, 1 invalid input, 2 usage error\n";

static const br_cmd_spec spec = {"export", export_help, BR_OPT_FORMAT, 1, 1, "one PATH"};

int br_cmd_export(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    const char *path = opts.args[0], *format = opts.format, *out = br_cli_output_path(&opts);
    if (!format || (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0))
        return br_usage_error("export", "--format must be json or csv%s", "");

    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(path, &t, arena, &diags);
    bool ok = r != NULL;
    br_file_out o;
    size_t ninputs;
    const char *const *inputs = br_cli_inputs(&diags, &t, arena, &ninputs);
    if (ok && !br_file_out_open(&o, out ? out : "-", inputs, ninputs)) {
        br_error(&diags, (br_loc){0}, "%s", o.error);
        ok = false;
    } else if (ok) {
        if (strcmp(format, "json") == 0)
            br_export_json(r, &t, o.f);
        else
            br_export_csv(r, &t, o.f);
        ok = br_cli_commit(&o, &diags);
    }
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
