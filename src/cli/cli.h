/* cli.h — private to src/cli/: the command table and the pieces the
 * commands (one cmd_*.c each) share. */
#ifndef BR_CLI_H
#define BR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "br_archive.h"
#include "br_diag.h"
#include "br_doc.h"
#include "br_file.h"
#include "br_font.h"
#include "br_layout.h"
#include "br_model.h"
#include "br_template.h"

/* The files this run has read, for br_file_out_open to refuse as output:
 * every YAML file (each is registered with diags) and, when t is given, the
 * template's fonts.  Sets *n. */
const char *const *br_cli_inputs(const br_diags *diags, const br_template *t, br_arena *arena,
                                 size_t *n);

/* Commits out, or reports why not as an error in diags; returns success. */
bool br_cli_commit(br_file_out *out, br_diags *diags);


/* Prints "boardreport CMD: message" and a hint; returns 2. */
int br_usage_error(const char *cmd, const char *fmt, const char *arg);
bool br_wants_help(int argc, char **argv);

/* Writes at most len bytes of s (stopping at its end; s may be NULL) with
 * every control character shown as '?', so that text from an input file
 * never reaches the terminal raw. */
void br_cli_put_clean(FILE *out, const char *s, size_t len);

/* Prints the diagnostics in the style the options chose (colour, quiet,
 * warnings as errors, cap); returns 0 when ok and no errors (nor, with
 * --warnings-as-errors, warnings), else 1. */
int br_finish(br_diags *diags, bool ok);

/* The options of a command line (getopt_long).  Every command takes the
 * common ones: -o/--output FILE ("-": standard output), --color=WHEN,
 * -q/--quiet, -Werror/--warnings-as-errors, --max-errors=N, -h/--help,
 * -V/--version.  Others only where the command asks for them. */
typedef struct br_opts {
    const char *output;
    bool quiet;
    const char *format, *table, *template_name;   /* --format, --table, --template */
    const char *archive;                          /* --archive */
    bool bom, watch;                              /* --bom, --watch */
    bool no_tags;                                 /* --no-tags */
    bool force;                                   /* --force */
    int nargs;
    char **args;                                  /* the operands, in order */
} br_opts;

enum {
    BR_OPT_FORMAT = 1 << 0,
    BR_OPT_TABLE = 1 << 1,
    BR_OPT_BOM = 1 << 2,
    BR_OPT_WATCH = 1 << 3,
    BR_OPT_TEMPLATE = 1 << 4,
    BR_OPT_ARCHIVE = 1 << 5,
    BR_OPT_NO_OUTPUT = 1 << 6,  /* writes no file of its own: -o is a usage error */
    BR_OPT_NO_TAGS = 1 << 7,
    BR_OPT_FORCE = 1 << 8,
};

/* What a command takes: its name, help text (the common options are
 * appended), extra options (BR_OPT_*), and how many operands. */
typedef struct br_cmd_spec {
    const char *name;
    const char *help;
    unsigned extra;
    int min_args, max_args;
    const char *operands;   /* "PATH", "FROM and TO": for messages */
} br_cmd_spec;

/* Parses argv (the arguments after the command's name).  Returns -1 when
 * the command should go on; otherwise the exit status to return (help or
 * version printed: 0; a usage error, explained: 2). */
int br_cli_parse(const br_cmd_spec *spec, int argc, char **argv, br_opts *o);

/* The one rule for every path a command writes (render, export, schema,
 * init, next-quarter, issue -o, and the listings' -o): true when to ("-"
 * or NULL: standard output) lies outside the archive (the default one and,
 * when given, archive) and every issued package, a symbolic link followed
 * to where the write lands, and is not an existing YAML file (one of
 * inputs is left to br_file_out_open, which says so); else an error in
 * diags.  br_file_out_open adds: not a folder, not an input. */
bool br_cli_may_write(const char *to, const char *archive, const char *const *inputs,
                      size_t ninputs, br_diags *diags);

/* br_cli_may_write, then br_file_out_open; false with the error in diags. */
bool br_cli_out_open(br_file_out *out, const char *to, const char *const *inputs,
                     size_t ninputs, const char *archive, br_diags *diags);

/* A binary output (a PDF, a workbook) never goes to a terminal, where
 * its bytes would be control characters: when to_stdout and standard
 * output is a terminal, the usage error (naming what, a FILE.ext to give)
 * and its status; else -1 to go on. */
int br_cli_binary_out(const char *cmd, bool to_stdout, const char *what, const char *ext);

/* Where a command's output goes: standard output, or -o FILE, written
 * whole and renamed into place by br_cli_commit (br_cli_out_open).  NULL
 * (the error in diags) when FILE cannot or may not be written. */
FILE *br_cli_listing_open(const br_opts *o, br_file_out *out, const char *const *inputs,
                          size_t ninputs, const char *archive, br_diags *diags);

/* A listing's --format: "text" (the default) or "json"; NULL, the usage
 * error printed, for anything else. */
const char *br_cli_listing_format(const br_cmd_spec *spec, const br_opts *o);

/* br_cli_parse, then br_cli_listing_format into *format: -1 to go on,
 * else the exit status (log and diff start so). */
int br_cli_parse_listing(const br_cmd_spec *spec, int argc, char **argv, br_opts *o,
                         const char **format);

/* "-" -> NULL (standard output), else the path. */
const char *br_cli_output_path(const br_opts *o);

/* One run of a command on PATH, returning its exit status. */
typedef int (*br_run_fn)(const br_opts *opts, const char *path);

/* Runs run(opts, path), then again each time a file the report at path
 * reads is saved, until interrupted (watch.c). */
int br_cli_watch(const br_opts *opts, const char *path, br_run_fn run);

/* The version line of -V/--version. */
void br_print_version(FILE *f);

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

/* A report taken through the pipeline up to painting (pipeline.c): what
 * render, issue and verify share. */
typedef struct br_built {
    br_report *report;
    br_template template;
    br_style style;
    br_doc *doc;
    br_fontset fonts;
    br_pages *pages;
    br_arc_sources sources;     /* every file read; doc->source_digest names them */
} br_built;

/* Every text the author wrote (report and template) looked up in every
 * face of fonts: a character they lack is a warning at its file:line:col
 * (markup, headings and labels may set any text in any face). */
void br_cli_font_check(const br_report *r, const br_template *t, const br_fontset *fonts,
                       br_diags *diags);

/* Loads, checks, computes, composes and lays out the report at path.  The
 * template comes from template_file and the fonts from font_dir when given
 * (a package's data/source/), else from where the report says.  Returns
 * false with the reasons in diags; free with br_cli_built_free either way. */
bool br_cli_build(br_built *b, const char *path, const char *template_file,
                  const char *font_dir, br_arena *arena, br_diags *diags);

/* Paints b into out ("-": standard output), replaced only when complete
 * and never when it is one of the files the run read (br_file.h). */
bool br_cli_paint(br_built *b, const char *out, br_diags *diags);

void br_cli_built_free(br_built *b);

/* Rebuilds the PDF of pkg from its data/source/ (in a temporary folder)
 * and compares it byte for byte with the PDF the package holds.  Returns 1
 * when identical, 0 when not (an error names the PDF), -1 when it could not
 * be rebuilt, or its bag-info.txt says other than its source
 * (br_arc_facts_check; errors say why). */
int br_cli_rebuild_matches(const br_arc_package *pkg, br_arena *arena, br_diags *diags);
/* Whether now prints exactly the paper pkg holds: both painted without
 * what names their source (the /ID, the digest entry, the attached YAML
 * and export), so a change only to comments, key order or anchors prints
 * the same.  1 the same, 0 not, -1 cannot tell. */
int br_cli_prints_same(const br_arc_package *pkg, br_built *now, br_arena *arena);

/* The version boardreport reports (-DBR_VERSION=... from the Makefile). */
#ifndef BR_VERSION
#define BR_VERSION "0.1"
#endif
/* The command table (main.c), for `help` and did-you-mean. */
extern const br_command br_cli_commands[];
extern const size_t br_cli_ncommands;

int br_cmd_render(int argc, char **argv);
int br_cmd_check(int argc, char **argv);
int br_cmd_export(int argc, char **argv);
int br_cmd_issue(int argc, char **argv);
int br_cmd_log(int argc, char **argv);
int br_cmd_verify(int argc, char **argv);
int br_cmd_diff(int argc, char **argv);
int br_cmd_init(int argc, char **argv);
int br_cmd_next(int argc, char **argv);

/* mkdir -p (cmd_init.c). */
bool br_cli_make_dirs(const char *dir);
int br_cmd_schema(int argc, char **argv);

#endif
