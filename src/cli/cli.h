/* cli.h — private to src/cli/: the command table and the pieces the
 * commands (one cmd_*.c each) share. */
#ifndef BR_CLI_H
#define BR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "br_diag.h"

/* An output file that appears only when complete: written to a temporary
 * file beside it and renamed over it by br_output_close. */
typedef struct br_output {
    const char *path;       /* NULL: standard output */
    char *tmp;
    FILE *f;
} br_output;

/* Returns the stream to write (stdout when path is NULL), or NULL with errno set. */
FILE *br_output_open(br_output *o, const char *path);

/* Flushes, closes and renames into place; on failure removes the temporary
 * file, leaves path as it was and returns false with errno set. */
bool br_output_close(br_output *o);

/* Prints "boardreport CMD: message" and a hint; returns 2. */
int br_usage_error(const char *cmd, const char *fmt, const char *arg);
bool br_wants_help(int argc, char **argv);

/* Prints the diagnostics; returns 0 when ok and no errors, else 1. */
int br_finish(br_diags *diags, bool ok);

/* Exit statuses of every command. */
#define BR_EXIT_OK 0
#define BR_EXIT_INVALID 1
#define BR_EXIT_USAGE 2

/* One subcommand: `boardreport NAME ...` runs run(argc, argv) with the
 * arguments after NAME.  main.c lists them in br_cli_commands. */
typedef struct br_command {
    const char *name;
    const char *synopsis;   /* arguments, for the main help */
    const char *summary;    /* one line, for the main help */
    int (*run)(int argc, char **argv);
} br_command;

int br_cmd_render(int argc, char **argv);
int br_cmd_check(int argc, char **argv);
int br_cmd_export(int argc, char **argv);

#endif
