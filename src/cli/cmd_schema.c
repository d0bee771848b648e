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
    "<prefix>/share/boardreport/schema/boardreport.schema.json.  -o FILE is\n"
    "never a YAML file that exists, nor inside the archive or an issued package.\n"
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
    br_diags diags;
    br_diags_init(&diags, arena);
    const char *path = br_data_find("schema/boardreport.schema.json", arena);
    FILE *in = path ? fopen(path, "rb") : NULL;
    bool ok = in != NULL;
    if (!in)
        br_error(&diags, (br_loc){0}, "schema/boardreport.schema.json is not installed "
                 "(looked beside %s)", br_data_searched(arena));
    br_file_out o;
    /* The one output guard: never into the archive, over a YAML file. */
    ok = ok && br_cli_out_open(&o, opts.output ? opts.output : "-", NULL, 0, NULL, &diags);
    if (ok && !copy(in, &o)) {
        br_file_out_abandon(&o);
        br_error(&diags, (br_loc){path, 0, 0}, "cannot read: %s", strerror(errno));
        ok = false;
    } else if (ok) {
        ok = br_cli_commit(&o, &diags);
    }
    if (in)
        fclose(in);
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
