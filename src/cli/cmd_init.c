/* cmd_init.c — `boardreport init DIR`: a small, valid, commented quarter
 * to start from, copied from the installed starter/ with its periods set
 * to the last complete quarter and the three before it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "br_data.h"
#include "br_period.h"
#include "cli.h"

static const char init_help[] =
    "usage: boardreport init [--template NAME] DIR\n"
    "\n"
    "Creates DIR (and its parents) with a small, valid, commented quarter to\n"
    "start from: report.yaml (the paper) and measures.yaml (the figures), for\n"
    "the last complete financial quarter and the three before it, in the house\n"
    "style NAME (default cabinet; 'boardreport help --templates' lists them).\n"
    "Refuses, writing nothing, a DIR that already holds either file (or a\n"
    "symbolic link by either name).  Then:\n"
    "  boardreport render DIR\n"
    "\n"
    "exit status: 0 created, 1 cannot create, 2 usage error\n";

static const br_cmd_spec spec = {"init", init_help, BR_OPT_TEMPLATE, 1, 1, "one DIR"};

static const char *const starter_files[] = {"report.yaml", "measures.yaml"};

/* The words the starter files hold as @NAME@, and what they become. */
typedef struct subst {
    const char *name;
    const char *value;
} subst;

/* The last complete financial quarter before today, and the three before
 * it, oldest first. */
static void last_quarters(br_period q[4], char ids[4][32])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int month = tm.tm_mon + 1, year = tm.tm_year + 1900;
    int fy = month >= 4 ? year : year - 1;
    int cur = month >= 4 ? (month - 4) / 3 + 1 : 4;
    int index = fy * 4 + cur - 1 - 1 - 3;   /* the oldest of the four */
    for (int i = 0; i < 4; i++, index++) {
        br_period p = {.kind = BR_PERIOD_QUARTER, .year = index / 4, .sub = index % 4 + 1};
        br_period_format(&p, ids[i], sizeof ids[i]);
        br_period_parse(ids[i], &q[i]);
    }
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            char *grown = realloc(buf, cap = cap * 2 + 8192);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Writes text to f with every @NAME@ replaced. */
static void expand(const char *text, const subst *subs, size_t nsubs, FILE *f)
{
    for (const char *p = text; *p;) {
        const char *at = strchr(p, '@');
        if (!at) {
            fputs(p, f);
            return;
        }
        fwrite(p, 1, (size_t)(at - p), f);
        const char *end = strchr(at + 1, '@');
        size_t i = 0;
        for (; end && i < nsubs; i++)
            if (strlen(subs[i].name) == (size_t)(end - at - 1) &&
                strncmp(subs[i].name, at + 1, (size_t)(end - at - 1)) == 0)
                break;
        if (end && i < nsubs) {
            fputs(subs[i].value, f);
            p = end + 1;
        } else {
            fputc('@', f);
            p = at + 1;
        }
    }
}

bool br_cli_make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return errno = ENAMETOOLONG, false;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* Checks the template name; prints a did-you-mean and returns false. */
static bool template_known(const char *name, br_arena *a)
{
    if (br_data_template(name, a))
        return true;
    const char **names;
    size_t n = br_data_template_names(&names, a);
    const char *s = br_suggest(name, names, n);
    fprintf(stderr, "boardreport init: template '%s' not found", name);
    if (s)
        fprintf(stderr, "; did you mean '%s'?\n", s);
    else {
        fputs("; use", stderr);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "%s %s", i == 0 ? "" : i + 1 == n ? " or" : ",", names[i]);
        fputc('\n', stderr);
    }
    return false;
}

/* The first starter file already in dir (a file, a folder or a symbolic
 * link, even a dangling one), or NULL: init writes only new files, and
 * refuses before writing any. */
static const char *existing_starter(const char *dir, br_arena *a)
{
    for (size_t i = 0; i < sizeof starter_files / sizeof *starter_files; i++) {
        const char *to = br_arena_printf(a, "%s/%s", dir, starter_files[i]);
        struct stat st;
        if (lstat(to, &st) == 0 || errno != ENOENT)
            return to;
    }
    return NULL;
}

static int write_starter(const char *dir, const subst *subs, size_t nsubs, br_arena *a)
{
    for (size_t i = 0; i < sizeof starter_files / sizeof *starter_files; i++) {
        const char *rel = br_arena_printf(a, "starter/%s", starter_files[i]);
        const char *from = br_data_find(rel, a);
        size_t len;
        char *text = from ? read_all(from, &len) : NULL;
        if (!text) {
            fprintf(stderr, "boardreport init: %s is not installed (looked beside %s)\n", rel,
                    br_data_searched(a));
            return BR_EXIT_INVALID;
        }
        char *out = NULL;
        size_t outlen = 0;
        FILE *mem = open_memstream(&out, &outlen);
        if (!mem)
            br_file_out_of_memory();
        expand(text, subs, nsubs, mem);
        free(text);
        if (fclose(mem) != 0)
            br_file_out_of_memory();
        const char *to = br_arena_printf(a, "%s/%s", dir, starter_files[i]);
        char why[512];
        bool ok = br_file_write_new(to, out, outlen, why, sizeof why);
        free(out);
        if (!ok) {
            fprintf(stderr, "%s: error: %s\n", to, why);
            return BR_EXIT_INVALID;
        }
        printf("%s\n", br_diag_escape(a, to));
    }
    return BR_EXIT_OK;
}

int br_cmd_init(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    const char *dir = opts.args[0];
    const char *template = opts.template_name ? opts.template_name : "cabinet";
    br_arena *a = br_arena_new();
    const char *dir_shown = br_diag_escape(a, dir);     /* never a raw control character */
    int status = BR_EXIT_INVALID;
    const char *existing = existing_starter(dir, a);
    br_diags diags;
    br_diags_init(&diags, a);
    struct stat st;
    if (!br_cli_may_write(dir, NULL, NULL, 0, &diags))
        br_finish(&diags, false);   /* never a quarter inside the archive or a package */
    else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
        fprintf(stderr, "%s: error: is a file, not a folder; init writes a new quarter into a "
                        "new or empty folder: name one\n", dir_shown);
    else if (existing)
        fprintf(stderr, "%s: error: already exists (or is a symbolic link); init writes only "
                        "new files and never overwrites a quarter: choose a new or empty folder "
                        "(or use next-quarter to start the next quarter from this one)\n",
                br_diag_escape(a, existing));
    else if (!template_known(template, a))
        status = BR_EXIT_USAGE;
    else if (!br_cli_make_dirs(dir))
        fprintf(stderr, "boardreport init: cannot create %s: %s\n", dir_shown, strerror(errno));
    else {
        br_period q[4];
        char ids[4][32], periods[160], due[16], fy[16], quarter[4], today[16];
        last_quarters(q, ids);
        snprintf(periods, sizeof periods, "%s, %s, %s, %s", ids[0], ids[1], ids[2], ids[3]);
        br_period next;
        char next_id[32];
        br_period_next(&q[3], &next, next_id, sizeof next_id);
        snprintf(due, sizeof due, "%04d-%02d-%02d", next.end.year, next.end.month, next.end.day);
        snprintf(fy, sizeof fy, "%.7s", ids[3]);
        snprintf(quarter, sizeof quarter, "%d", q[3].sub);
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        const char *schema = br_data_find("schema/boardreport.schema.json", a);
        char real[PATH_MAX];
        if (schema && realpath(schema, real))
            schema = br_arena_strdup(a, real);
        const subst subs[] = {
            {"PERIOD", ids[3]}, {"PERIODS", periods}, {"P1", ids[0]}, {"P2", ids[1]},
            {"P3", ids[2]}, {"P4", ids[3]}, {"DATE", today}, {"DUE", due}, {"FY", fy},
            {"Q", quarter}, {"TEMPLATE", template},
            {"SCHEMA", schema ? schema : "boardreport.schema.json"},
        };
        status = write_starter(dir, subs, sizeof subs / sizeof *subs, a);
        if (status == BR_EXIT_OK && !opts.quiet)
            fprintf(stderr, "boardreport init: a quarter for %s in the %s template; edit the "
                            "files, then 'boardreport render %s'\n", ids[3],
                    br_diag_escape(a, template), dir_shown);
    }
    br_arena_free(a);
    return status;
}
