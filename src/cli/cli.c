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

