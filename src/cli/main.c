/* main.c — the command line: finds the subcommand in the command table.
 *
 * Exit codes: 0 success, 1 invalid input (messages on stderr), 2 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Every subcommand, in the order the main help lists them. */
static const br_command br_cli_commands[] = {
    {"render", "PATH [-o OUT.pdf]", "lay out and write the PDF", br_cmd_render},
    {"check", "PATH", "validate; print every error and warning", br_cmd_check},
    {"export", "PATH --format json|csv", "print every computed figure", br_cmd_export},
    {"issue", "PATH [--archive DIR]", "issue the paper into the archive (BagIt)", br_cmd_issue},
    {"log", "[--archive DIR] [--format json]", "list every issued paper by period", br_cmd_log},
    {"verify", "[--archive DIR] [TARGET...]", "check packages; match a PDF to its package", br_cmd_verify},
    {"diff", "OLD NEW [--format json]", "what changed between two versions", br_cmd_diff},
};
#define NCOMMANDS (sizeof br_cli_commands / sizeof br_cli_commands[0])

static void print_help(FILE *f)
{
    fputs("usage: boardreport <command> [options]\n"
          "\n"
          "Turns a quarter's YAML files into the PDF board report.\n"
          "\n"
          "commands:\n", f);
    for (size_t i = 0; i < NCOMMANDS; i++) {
        const br_command *c = &br_cli_commands[i];
        int n = fprintf(f, "  %s %s", c->name, c->synopsis);
        fprintf(f, "%*s%s\n", n < 34 ? 34 - n : 1, "", c->summary);
    }
    fputs("\n"
          "PATH is a quarter's folder holding report.yaml, or a report.yaml itself.\n"
          "'boardreport <command> --help' describes a command.\n"
          "\n"
          "exit status: 0 success, 1 invalid input, 2 usage error\n", f);
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return BR_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return print_help(stdout), BR_EXIT_OK;
    if (strcmp(cmd, "--version") == 0)
        return puts("boardreport 0.1"), BR_EXIT_OK;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, br_cli_commands[i].name) == 0)
            return br_cli_commands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "boardreport: unknown command '%s'\n\n", cmd);
    print_help(stderr);
    return BR_EXIT_USAGE;
}

/* Whatever the command, output that could not be written is a failure:
 * `check > /dev/full` must not exit 0. */
int main(int argc, char **argv)
{
    int status = run(argc, argv);
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "boardreport: error: cannot write to standard output: %s\n",
                strerror(errno ? errno : EIO));
        return BR_EXIT_INVALID;
    }
    return status;
}
