/* main.c — the command line: finds the subcommand in the command table.
 *
 * Exit codes: 0 success, 1 invalid input (messages on stderr), 2 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "br_data.h"
#include "cli.h"

static int cmd_help(int argc, char **argv);

/* Every subcommand, in the order the main help lists them. */
const br_command br_cli_commands[] = {
    {"render", "PATH [-o OUT.pdf] [--watch] [--no-tags]", "lay out and write the PDF", br_cmd_render},
    {"check", "PATH", "validate; print every error and warning", br_cmd_check},
    {"export", "PATH --format json|csv|xlsx", "print every computed figure", br_cmd_export},
    {"init", "DIR [--template NAME]", "start a quarter: a small, valid, commented report", br_cmd_init},
    {"next-quarter", "FROM TO", "start next quarter's report from last quarter's", br_cmd_next},
    {"schema", "[-o FILE]", "print the JSON Schema of the YAML format, for editors", br_cmd_schema},
    {"issue", "PATH [--archive DIR]", "issue the paper into the archive (BagIt)", br_cmd_issue},
    {"log", "[--archive DIR]", "list every issued paper by period", br_cmd_log},
    {"verify", "[--archive DIR] [TARGET]", "check packages; match a PDF to its package", br_cmd_verify},
    {"diff", "OLD NEW [--format json]", "what changed between two versions", br_cmd_diff},
    {"help", "[COMMAND]", "describe a command (the same as COMMAND --help)", cmd_help},
};
const size_t br_cli_ncommands = sizeof br_cli_commands / sizeof br_cli_commands[0];

static void print_help(FILE *f)
{
    fputs("usage: boardreport <command> [options] [operands]\n"
          "\n"
          "Turns a quarter's YAML files into the PDF board report.\n"
          "\n"
          "commands:\n", f);
    for (size_t i = 0; i < br_cli_ncommands; i++) {
        const br_command *c = &br_cli_commands[i];
        int n = fprintf(f, "  %s %s", c->name, c->synopsis);
        fprintf(f, "%*s%s\n", n < 38 ? 38 - n : 1, "", c->summary);
    }
    fputs("\n"
          "PATH is a quarter's folder holding report.yaml, or a report.yaml itself.\n"
          "'boardreport help <command>' or 'boardreport <command> --help' describes a\n"
          "command and the options every command takes; 'man boardreport' has it all.\n"
          "\n"
          "exit status: 0 success, 1 invalid input, 2 usage error\n", f);
}

static const br_command *find_command(const char *name)
{
    for (size_t i = 0; i < br_cli_ncommands; i++)
        if (strcmp(name, br_cli_commands[i].name) == 0)
            return &br_cli_commands[i];
    return NULL;
}

/* "unknown command 'rendr'; did you mean 'render'?" */
static int unknown_command(const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < br_cli_ncommands && n < 64; i++)
        names[n++] = br_cli_commands[i].name;
    const char *s = br_suggest(name, names, n);
    fprintf(stderr, "boardreport: unknown command '%s'", name);
    if (s)
        fprintf(stderr, "; did you mean '%s'?\n", s);
    else
        fputs("\n\n", stderr), print_help(stderr);
    return BR_EXIT_USAGE;
}

/* `help`, `help COMMAND`; and, for the bash completion, `help --commands`
 * and `help --templates` (one name a line). */
static int cmd_help(int argc, char **argv)
{
    if (argc == 0)
        return print_help(stdout), BR_EXIT_OK;
    if (strcmp(argv[0], "--commands") == 0) {
        for (size_t i = 0; i < br_cli_ncommands; i++)
            puts(br_cli_commands[i].name);
        return BR_EXIT_OK;
    }
    if (strcmp(argv[0], "--templates") == 0) {
        br_arena *a = br_arena_new();
        const char **names;
        size_t n = br_data_template_names(&names, a);
        for (size_t i = 0; i < n; i++)
            puts(names[i]);
        br_arena_free(a);
        return BR_EXIT_OK;
    }
    const br_command *c = find_command(argv[0]);
    if (!c || c->run == cmd_help)
        return c ? print_help(stdout), BR_EXIT_OK : unknown_command(argv[0]);
    char help[] = "--help";
    char *args[] = {help, NULL};
    return c->run(1, args);
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return BR_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        return print_help(stdout), BR_EXIT_OK;
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0)
        return br_print_version(stdout), BR_EXIT_OK;
    const br_command *c = find_command(cmd);
    if (c)
        return c->run(argc - 2, argv + 2);
    if (cmd[0] == '-') {
        fprintf(stderr, "boardreport: '%s' before a command; write 'boardreport <command> %s ...'\n"
                        "try 'boardreport --help'\n", cmd, cmd);
        return BR_EXIT_USAGE;
    }
    return unknown_command(cmd);
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
