/* cmd_export.c — `boardreport export`: every computed figure as JSON, CSV
 * or an xlsx workbook. */
#include <errno.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "br_export.h"
#include "br_report.h"

static const char export_help[] =
    "usage: boardreport export [options] [--format json|csv|xlsx] PATH\n"
    "\n"
    "Writes every computed figure for other systems.\n"
    "  json   the report, measures (every figure a number or null, its text in\n"
    "         *_text), finance, summary, objectives, milestones, commentary,\n"
    "         footnotes and people\n"
    "  csv    one table (--table, default measures), RFC 4180 with CRLF\n"
    "  xlsx   an Excel workbook: a sheet per table, numbers and dates typed,\n"
    "         statuses on their colours, header rows frozen and filtered\n"
    "Without --format, the output file's extension (.json, .csv, .xlsx) says.\n"
    "Output goes to standard output (also with -o -), or to FILE, replaced\n"
    "only when complete; FILE may not be one of the files the report reads.\n"
    "\n"
    "options:\n"
    "  -f, --format=FORMAT       json, csv or xlsx\n"
    "      --table=TABLE         csv: measures (a row per measure), values (a row\n"
    "                            per measure and period, with report, period and\n"
    "                            version: appends quarter after quarter),\n"
    "                            milestones, finance, objectives or report\n"
    "      --bom                 csv: start with a UTF-8 byte order mark, so that\n"
    "                            Excel shows \"£\" and \"’\" right when it opens the file\n"
    "\n"
    "exit status: 0 written, 1 invalid input, 2 usage error\n";

static const br_cmd_spec spec = {"export", export_help, BR_OPT_FORMAT | BR_OPT_TABLE | BR_OPT_BOM,
                                 1, 1, "one PATH"};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* --format, else the output's extension; NULL when neither says. */
static const char *chosen_format(const br_opts *opts, const char *out)
{
    if (opts->format)
        return opts->format;
    static const char *const formats[] = {"json", "csv", "xlsx"};
    for (size_t i = 0; out && i < sizeof formats / sizeof *formats; i++) {
        char ext[8];
        snprintf(ext, sizeof ext, ".%s", formats[i]);
        if (ends_with(out, ext))
            return formats[i];
    }
    return NULL;
}

/* "--table takes measures|values|...; did you mean 'milestones'?" */
static int unknown_table(const char *table)
{
    const char *names[16];
    size_t n = 0;
    char all[256];
    snprintf(all, sizeof all, "%s", br_export_table_names);
    for (char *save = NULL, *w = strtok_r(all, "|", &save); w && n < 16; w = strtok_r(NULL, "|", &save))
        names[n++] = w;
    const char *s = br_suggest(table, names, n);
    fprintf(stderr, "boardreport export: --table takes %s, not '", br_export_table_names);
    br_cli_put_clean(stderr, table, 64);
    fputc('\'', stderr);
    if (s)
        fprintf(stderr, "; did you mean '%s'?", s);
    fputs("\ntry 'boardreport export --help'\n", stderr);
    return BR_EXIT_USAGE;
}

static int check_options(const br_opts *opts, const char *format, const char *out)
{
    if (!format)
        return br_usage_error("export", "which format? give --format json, csv or xlsx%s",
                              out ? " (or an output file ending .json, .csv or .xlsx)" : "");
    if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
        return br_usage_error("export", "--format must be json, csv or xlsx, not '%s'", format);
    bool csv = strcmp(format, "csv") == 0;
    if (opts->table && !csv)
        return br_usage_error("export", "--table picks a CSV table; %s",
                              strcmp(format, "xlsx") == 0 ? "an xlsx workbook has every table as a sheet"
                                                           : "the JSON holds every table");
    if (opts->table && !br_export_table_known(opts->table))
        return unknown_table(opts->table);
    if (opts->bom && !csv)
        return br_usage_error("export", "--bom applies to CSV only, not %s", format);
    return br_cli_binary_out("export", strcmp(format, "xlsx") == 0 && !out, "an xlsx workbook",
                             "xlsx");
}

/* Standard output is no file to rename into place: the workbook is made in
 * a temporary file and copied. */
static bool xlsx_to_stream(const br_report *r, const br_template *t, br_file_out *o,
                           br_diags *diags)
{
    const char *dir = getenv("TMPDIR");
    char *tmp = br_arena_printf(r->arena, "%s/boardreport-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        br_error(diags, (br_loc){0}, "cannot make a temporary file in %s: %s",
                 dir && *dir ? dir : "/tmp", strerror(errno));
        return false;
    }
    close(fd);
    bool ok = br_export_xlsx(r, t, tmp, "for standard output", diags);
    FILE *in = ok ? fopen(tmp, "rb") : NULL;
    if (ok && !in)
        ok = false, br_error(diags, (br_loc){0}, "cannot read back %s: %s", tmp, strerror(errno));
    char buf[65536];
    for (size_t n; in && (n = fread(buf, 1, sizeof buf, in)) > 0;)
        br_file_out_write(o, buf, n);
    if (in)
        fclose(in);
    unlink(tmp);
    return ok;
}

/* Writes the export in format to o; false with the reason in diags. */
static bool write_export(const br_report *r, const br_template *t, const br_opts *opts,
                         const char *format, br_file_out *o, br_diags *diags)
{
    if (strcmp(format, "json") == 0) {
        br_export_json(r, t, o->f);
        return true;
    }
    if (strcmp(format, "csv") == 0)
        return br_export_csv_table(r, t, opts->table ? opts->table : "measures", opts->bom, o->f);
    if (!o->tmp)
        return xlsx_to_stream(r, t, o, diags);
    /* The workbook is written over the temporary file br_file_out made,
     * which keeps its mode; the commit then renames it into place. */
    return br_export_xlsx(r, t, o->tmp, o->path, diags);
}

int br_cmd_export(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    const char *path = opts.args[0], *out = br_cli_output_path(&opts);
    const char *format = chosen_format(&opts, out);
    usage = check_options(&opts, format, out);
    if (usage >= 0)
        return usage;

    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(path, &t, arena, &diags);
    /* Like every command but issue, export never writes into the archive
     * or an issued package (its PDF, its bag-info.txt, its sources). */
    bool ok = r != NULL;
    br_file_out o;
    size_t ninputs;
    const char *const *inputs = br_cli_inputs(&diags, &t, arena, &ninputs);
    if (ok && !br_cli_out_open(&o, out ? out : "-", inputs, ninputs, NULL, &diags)) {
        ok = false;
    } else if (ok) {
        if (write_export(r, &t, &opts, format, &o, &diags))
            ok = br_cli_commit(&o, &diags);
        else
            br_file_out_abandon(&o), ok = false;
    }
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
