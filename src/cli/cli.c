/* cli.c — pieces of the command line shared by the subcommands. */
#include "cli.h"

#include <string.h>

int br_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "boardreport %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\ntry 'boardreport %s --help'\n", cmd);
    return BR_EXIT_USAGE;
}

bool br_wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

int br_finish(br_diags *diags, bool ok)
{
    br_diags_sort(diags);
    br_diags_print(diags, stderr);
    return ok && !br_diags_failed(diags) ? 0 : BR_EXIT_INVALID;
}


const char *const *br_cli_inputs(const br_diags *diags, const br_template *t, br_arena *arena,
                                 size_t *n)
{
    const char **files = br_arena_calloc(arena, diags->nsources + BR_FACE_COUNT + 1, sizeof *files);
    size_t k = 0;
    for (size_t i = 0; i < diags->nsources; i++)
        files[k++] = diags->sources[i].file;
    for (int i = 0; t && t->font_dir && i < BR_FACE_COUNT; i++)
        if (t->font_files[i])
            files[k++] = br_arena_printf(arena, "%s/%s", t->font_dir, t->font_files[i]);
    *n = k;
    return files;
}

bool br_cli_commit(br_file_out *out, br_diags *diags)
{
    if (br_file_out_commit(out))
        return true;
    br_error(diags, (br_loc){0}, "%s", out->error);
    return false;
}

void br_cli_put_clean(FILE *out, const char *s, size_t len)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && len > 0; p++, len--)
        fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, out);
}
