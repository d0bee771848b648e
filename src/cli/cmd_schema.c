/* cmd_schema.c — `boardreport schema`: the JSON Schema of the YAML format,
 * for editors that check as the officer types. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "br_data.h"
#include "cli.h"

static const char schema_help[] =
    "usage: boardreport schema [-o FILE]\n"
    "\n"
    "Prints the JSON Schema of the YAML format (report.yaml and the files it\n"
    "includes), for an editor that checks the files as you type: with VS Code's\n"
    "YAML extension, start a file with\n"
    "  # yaml-language-server: $schema=/path/to/boardreport.schema.json\n"
    "(docs/quickstart.md).  The installed copy is\n"
    "<prefix>/share/boardreport/schema/boardreport.schema.json.\n"
    "\n"
    "exit status: 0 written, 1 not installed or cannot write, 2 usage error\n";

static const br_cmd_spec spec = {"schema", schema_help, 0, 0, 0, "no operands"};

/* Copies from into o; false only when from cannot be read (a failed write
 * is o's to report when it is committed: "cannot write to standard output"). */
static bool copy(FILE *from, br_file_out *o)
{
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        if (!br_file_out_write(o, buf, n))
            return true;
    return !ferror(from);
}

int br_cmd_schema(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    br_arena *arena = br_arena_new();
    const char *path = br_data_find("schema/boardreport.schema.json", arena);
    int status = BR_EXIT_OK;
    FILE *in = path ? fopen(path, "rb") : NULL;
    if (!in) {
        fprintf(stderr, "boardreport schema: schema/boardreport.schema.json is not installed "
                        "(looked beside %s)\n", br_data_searched(arena));
        status = BR_EXIT_INVALID;
    } else {
        br_file_out o;
        bool ok = br_file_out_open(&o, opts.output ? opts.output : "-", NULL, 0);
        if (ok && !copy(in, &o)) {
            br_file_out_abandon(&o);
            snprintf(o.error, sizeof o.error, "cannot read %s: %s", path, strerror(errno));
            ok = false;
        } else if (ok) {
            ok = br_file_out_commit(&o);
        }
        if (!ok) {
            fprintf(stderr, "boardreport schema: %s\n", o.error);
            status = BR_EXIT_INVALID;
        }
        fclose(in);
    }
    br_arena_free(arena);
    return status;
}
