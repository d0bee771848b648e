/* cli.c — pieces of the command line shared by the subcommands: the
 * options every command takes, and printing the diagnostics. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BR_VERSION
#define BR_VERSION "0.1"
#endif

/* How br_finish prints: set once by br_cli_parse for the whole run, so that
 * every command prints its diagnostics the same way. */
static br_diag_style diag_style = {.max = 50};
static bool color_chosen;

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

/* --color=auto: only on a terminal that can show it, and never when
 * NO_COLOR is set to anything (no-color.org). */
static bool color_auto(void)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    if (no && *no)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDERR_FILENO);
}

int br_finish(br_diags *diags, bool ok)
{
    if (!color_chosen)
        diag_style.color = color_auto();
    br_diags_sort(diags);
    br_diags_print_styled(diags, &diag_style, stderr);
    bool failed = br_diags_failed(diags) || (diag_style.werror && diags->warnings > 0);
    return ok && !failed ? BR_EXIT_OK : BR_EXIT_INVALID;
}

void br_print_version(FILE *f)
{
    fputs("boardreport " BR_VERSION "\n", f);
}

const char *br_cli_output_path(const br_opts *o)
{
    return o->output && strcmp(o->output, "-") == 0 ? NULL : o->output;
}

enum { OPT_COLOR = 256, OPT_MAX_ERRORS, OPT_WERROR, OPT_TABLE, OPT_BOM, OPT_WATCH, OPT_NO_TAGS,
       OPT_FORCE };

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"color", optional_argument, NULL, OPT_COLOR},
    {"colour", optional_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"warnings-as-errors", no_argument, NULL, OPT_WERROR},
    {"max-errors", required_argument, NULL, OPT_MAX_ERRORS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"format", required_argument, NULL, 'f'},
    {"table", required_argument, NULL, OPT_TABLE},
    {"bom", no_argument, NULL, OPT_BOM},
    {"watch", no_argument, NULL, OPT_WATCH},
    {"no-tags", no_argument, NULL, OPT_NO_TAGS},
    {"force", no_argument, NULL, OPT_FORCE},
    {"template", required_argument, NULL, 't'},
    {"archive", required_argument, NULL, 'a'},
    {NULL, 0, NULL, 0},
};

static const char common_help[] =
    "\n"
    "options of every command:\n"
    "  -o, --output=FILE         write to FILE ('-': standard output)\n"
    "      --color[=WHEN]        colour the messages: auto (default: on a terminal,\n"
    "                            unless NO_COLOR is set), always or never\n"
    "  -q, --quiet               print errors only, and no summary line\n"
    "  -Werror, --warnings-as-errors\n"
    "                            fail (exit 1) on any warning\n"
    "      --max-errors=N        print at most N messages (default 50, 0: all)\n"
    "  -h, --help                this help\n"
    "  -V, --version             print the version\n";

static void print_help(const br_cmd_spec *spec)
{
    fputs(spec->help, stdout);
    fputs(common_help, stdout);
}

/* Which extra option (BR_OPT_*) a getopt value is; 0 for a common one. */
static unsigned extra_of(int c)
{
    switch (c) {
    case 'f': return BR_OPT_FORMAT;
    case OPT_TABLE: return BR_OPT_TABLE;
    case OPT_BOM: return BR_OPT_BOM;
    case OPT_WATCH: return BR_OPT_WATCH;
    case OPT_NO_TAGS: return BR_OPT_NO_TAGS;
    case OPT_FORCE: return BR_OPT_FORCE;
    case 't': return BR_OPT_TEMPLATE;
    case 'a': return BR_OPT_ARCHIVE;
    default: return 0;
    }
}

/* "unknown option '--wacth'; did you mean '--watch'?" */
static int unknown_option(const br_cmd_spec *spec, const char *arg)
{
    const char *names[sizeof long_options / sizeof *long_options];
    size_t n = 0;
    for (const struct option *lo = long_options; lo->name; lo++)
        if (!extra_of(lo->val) || (spec->extra & extra_of(lo->val)))
            names[n++] = lo->name;
    const char *word = arg;
    while (*word == '-')
        word++;
    char bare[64];
    snprintf(bare, sizeof bare, "%.*s", (int)strcspn(word, "="), word);
    const char *s = arg[1] == '-' ? br_suggest(bare, names, n) : NULL;
    fprintf(stderr, "boardreport %s: unknown option '%s'", spec->name, arg);
    if (s)
        fprintf(stderr, "; did you mean '--%s'?", s);
    fprintf(stderr, "\ntry 'boardreport %s --help'\n", spec->name);
    return BR_EXIT_USAGE;
}

static int set_color(const br_cmd_spec *spec, const char *when)
{
    color_chosen = true;
    if (!when || strcmp(when, "always") == 0)
        diag_style.color = true;
    else if (strcmp(when, "never") == 0)
        diag_style.color = false;
    else if (strcmp(when, "auto") == 0)
        diag_style.color = color_auto();
    else
        return br_usage_error(spec->name, "--color takes auto, always or never, not '%s'", when);
    return -1;
}

static int set_max_errors(const br_cmd_spec *spec, const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end || n > 1000000)
        return br_usage_error(spec->name, "--max-errors takes a number (0: no limit), not '%s'", arg);
    diag_style.max = (size_t)n;
    return -1;
}

/* "/dev/stdout" and its aliases mean standard output, as "-" does: writing
 * through the name would replace whatever file the shell redirected to (a
 * new file in its place) or fail on a pipe or terminal. */
static const char *output_name(const char *arg)
{
    static const char *const aliases[] = {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"};
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(arg, aliases[i]) == 0)
            return "-";
    return arg;
}

/* "--format" for getopt's value c: the word on the command line may be the
 * option's value ("--format json" leaves "json" there). */
static const char *option_name(int c, const char *word)
{
    static char name[40];
    for (const struct option *lo = long_options; lo->name; lo++)
        if (lo->val == c) {
            snprintf(name, sizeof name, "--%s", lo->name);
            return name;
        }
    return word;
}

/* One option; -1 to go on, else an exit status. */
static int take_option(const br_cmd_spec *spec, int c, const char *arg, const char *word, br_opts *o)
{
    unsigned extra = extra_of(c);
    if (extra && !(spec->extra & extra))
        return br_usage_error(spec->name, "option '%s' does not apply to this command",
                              option_name(c, word));
    switch (c) {
    case 'o':
        if (spec->extra & BR_OPT_NO_OUTPUT)
            return br_usage_error(spec->name, "-o does not apply: %s writes no file of its own "
                                  "(messages go to standard error; '2> FILE' keeps them)",
                                  spec->name);
        if (!*arg)
            return br_usage_error(spec->name, "-o needs a file name%s ('-' for standard output)",
                                  "");
        o->output = output_name(arg);
        return -1;
    case 'q': o->quiet = diag_style.quiet = true; return -1;
    case 'W':
        if (strcmp(arg, "error") != 0)
            return br_usage_error(spec->name, "-W takes only 'error' (-Werror), not '%s'", arg);
        /* fall through */
    case OPT_WERROR: diag_style.werror = true, br_diags_warnings_fail(true); return -1;
    case OPT_COLOR: return set_color(spec, arg);
    case OPT_MAX_ERRORS: return set_max_errors(spec, arg);
    case 'h': print_help(spec); return BR_EXIT_OK;
    case 'V': br_print_version(stdout); return BR_EXIT_OK;
    case 'f': o->format = arg; return -1;
    case OPT_TABLE: o->table = arg; return -1;
    case OPT_BOM: o->bom = true; return -1;
    case OPT_WATCH: o->watch = true; return -1;
    case OPT_NO_TAGS: o->no_tags = true; return -1;
    case OPT_FORCE: o->force = true; return -1;
    case 't': o->template_name = arg; return -1;
    case 'a': o->archive = arg; return -1;
    default: return unknown_option(spec, word);
    }
}

int br_cli_parse(const br_cmd_spec *spec, int argc, char **argv, br_opts *o)
{
    memset(o, 0, sizeof *o);
    /* getopt_long wants the program name first, and may reorder. */
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args)
        return BR_EXIT_INVALID;
    char name[64];
    snprintf(name, sizeof name, "boardreport %s", spec->name);
    args[0] = name;
    memcpy(args + 1, argv, (size_t)argc * sizeof *argv);
    opterr = 0;
    optind = 0;   /* glibc: start afresh */
    int status = -1, c;
    while (status < 0 && (c = getopt_long(argc + 1, args, "o:qW:hVf:t:a:", long_options, NULL)) != -1) {
        const char *word = args[optind - 1];
        if (c == '?' || c == ':') {
            if (optopt && strchr("oWfta", optopt))
                status = br_usage_error(spec->name, "option '%s' needs a value", word);
            else
                status = unknown_option(spec, word);
        } else {
            status = take_option(spec, c, optarg, word, o);
        }
    }
    if (status < 0) {
        /* The operands: argv's own pointers, in order. */
        o->nargs = argc + 1 - optind;
        o->args = argv + argc - o->nargs;
        memmove(o->args, args + optind, (size_t)o->nargs * sizeof *o->args);
        if (o->nargs < spec->min_args)
            status = br_usage_error(spec->name, "expected %s", spec->operands);
        else if (o->nargs > spec->max_args)
            status = br_usage_error(spec->name, "one operand too many: '%s'",
                                    o->args[spec->max_args]);
    }
    free(args);
    return status;
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

const char *br_cli_listing_format(const br_cmd_spec *spec, const br_opts *o)
{
    const char *format = o->format ? o->format : "text";
    if (strcmp(format, "text") == 0 || strcmp(format, "json") == 0)
        return format;
    br_usage_error(spec->name, "--format must be text or json, not '%s'", format);
    return NULL;
}

int br_cli_parse_listing(const br_cmd_spec *spec, int argc, char **argv, br_opts *o,
                         const char **format)
{
    int usage = br_cli_parse(spec, argc, argv, o);
    if (usage >= 0)
        return usage;
    *format = br_cli_listing_format(spec, o);
    return *format ? -1 : BR_EXIT_USAGE;
}

/* True when path is the same file as one of inputs (by device and inode). */
static bool is_input(const struct stat *st, const char *const *inputs, size_t ninputs)
{
    for (size_t i = 0; i < ninputs; i++) {
        struct stat in;
        if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == st->st_dev &&
            in.st_ino == st->st_ino)
            return true;
    }
    return false;
}

/* A report's sources are YAML: no command's output is YAML, so an existing
 * .yaml/.yml file is never a file to write over (another quarter's
 * report.yaml given to schema -o, say).  One of this run's own inputs is
 * left to br_file_out_open, whose message says so. */
static bool is_yaml_file(const char *to, const char *const *inputs, size_t ninputs)
{
    const char *dot = strrchr(to, '.');
    struct stat st;
    return dot && (strcasecmp(dot, ".yaml") == 0 || strcasecmp(dot, ".yml") == 0) &&
           stat(to, &st) == 0 && S_ISREG(st.st_mode) && !is_input(&st, inputs, ninputs);
}

bool br_cli_may_write(const char *to, const char *archive, const char *const *inputs,
                      size_t ninputs, br_diags *diags)
{
    if (!to || strcmp(to, "-") == 0)
        return true;
    const char *home = br_arc_dir(NULL);
    if (br_arc_inside(to, home) || (archive && br_arc_inside(to, archive))) {
        br_error(diags, (br_loc){to, 0, 0}, "is inside the archive or an issued package (a "
                 "folder holding bagit.txt or a paper's v<N> folders), which boardreport never "
                 "writes into except by 'issue'; choose a path outside the archive");
        return false;
    }
    if (is_yaml_file(to, inputs, ninputs)) {
        br_error(diags, (br_loc){to, 0, 0}, "is a YAML file, perhaps a report's source, and "
                 "boardreport never writes over one; choose a new file name");
        return false;
    }
    return true;
}

bool br_cli_out_open(br_file_out *out, const char *to, const char *const *inputs,
                     size_t ninputs, const char *archive, br_diags *diags)
{
    if (!br_cli_may_write(to, archive, inputs, ninputs, diags))
        return false;
    if (br_file_out_open(out, to, inputs, ninputs))
        return true;
    br_error(diags, (br_loc){0}, "%s", out->error);
    return false;
}

int br_cli_binary_out(const char *cmd, bool to_stdout, const char *what, const char *ext)
{
    if (!to_stdout || !isatty(STDOUT_FILENO))
        return -1;
    fprintf(stderr, "boardreport %s: %s is binary and standard output is a terminal: give "
            "-o FILE.%s (or redirect standard output)\ntry 'boardreport %s --help'\n",
            cmd, what, ext, cmd);
    return BR_EXIT_USAGE;
}

FILE *br_cli_listing_open(const br_opts *o, br_file_out *out, const char *const *inputs,
                          size_t ninputs, const char *archive, br_diags *diags)
{
    const char *to = o->output ? o->output : "-";
    return br_cli_out_open(out, to, inputs, ninputs, archive, diags) ? out->f : NULL;
}

bool br_cli_commit(br_file_out *out, br_diags *diags)
{
    /* A run that has failed (an error, or a warning under -Werror) never
     * replaces the file it was to write. */
    if (br_diags_failed(diags)) {
        br_file_out_abandon(out);
        return false;
    }
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
