/* watch.c — `render --watch`: render again on every save of any file the
 * report reads (its main file, every included file, its template).
 *
 * Editors save by writing a new file and renaming it over the old one, so
 * a watched file's folder is watched (inotify), and an event counts when
 * it names a file the report read.  The PDF itself is written to a
 * temporary file and renamed into place, so a viewer that reloads on
 * change never sees half a PDF; and its name is no input, so writing it
 * starts no new run.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "br_report.h"
#include "cli.h"

#define WATCH_MAX 64
#define SETTLE_MS 150   /* an editor's save is several events: wait for quiet */

typedef struct watched {
    int wd;
    char dir[PATH_MAX];
    char name[NAME_MAX + 1];
} watched;

/* The main file's folder and name, whether or not the file is there now
 * (a checkout replaces it by deleting and writing it): PATH is the report's
 * folder (its report.yaml) or the file itself. */
static bool main_entry(const char *path, watched *w)
{
    struct stat st;
    bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    char dir[PATH_MAX];
    const char *name = "report.yaml";
    if (is_dir) {
        snprintf(dir, sizeof dir, "%s", path);
    } else {
        const char *slash = strrchr(path, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
        if (slash && slash == path)
            snprintf(dir, sizeof dir, "/");
        name = slash ? slash + 1 : path;
    }
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return false;
    snprintf(w->dir, sizeof w->dir, "%s", real);
    snprintf(w->name, sizeof w->name, "%s", name);
    return true;
}

/* Every file the report reads, from a load of its own (the run's arena is
 * gone by now): the files its diagnostics could quote; first the main
 * file, even when it could not be read. */
static size_t inputs(const char *path, watched *w, size_t cap)
{
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report_prepare(path, &t, arena, &diags);
    size_t n = main_entry(path, &w[0]) ? 1 : 0;
    for (size_t i = 0; i < diags.nsources && n < cap; i++) {
        char real[PATH_MAX];
        if (!realpath(diags.sources[i].file, real))
            continue;
        char *slash = strrchr(real, '/');
        *slash = '\0';
        snprintf(w[n].dir, sizeof w[n].dir, "%s", slash == real ? "/" : real);
        snprintf(w[n].name, sizeof w[n].name, "%s", slash + 1);
        bool main_again = n > 0 && strcmp(w[n].dir, w[0].dir) == 0 && strcmp(w[n].name, w[0].name) == 0;
        n += !main_again;
    }
    br_arena_free(arena);
    return n;
}

/* Watches the folders of the inputs; returns the inotify descriptor, or -1. */
static int watch_inputs(const char *path, watched *w, size_t *n)
{
    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0)
        return -1;
    *n = inputs(path, w, WATCH_MAX);
    for (size_t i = 0; i < *n; i++)
        w[i].wd = inotify_add_watch(fd, w[i].dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
                                                 IN_CREATE | IN_DELETE | IN_ATTRIB);
    return fd;
}

static bool is_yaml(const char *name)
{
    size_t len = strlen(name);
    return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

/* True when the event names one of the inputs, or any YAML file in a
 * watched folder: an include that was missing (the last run's error) reads
 * nothing, so its arrival is only seen that way. */
static bool is_input(const struct inotify_event *e, const watched *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].wd == e->wd && e->len && (strcmp(e->name, w[i].name) == 0 || is_yaml(e->name)))
            return true;
    return false;
}

/* Reads events until one names an input and then SETTLE_MS pass quietly. */
static bool wait_for_save(int fd, const watched *w, size_t n)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool changed = false;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, changed ? SETTLE_MS : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return changed;
        ssize_t len = read(fd, buf, sizeof buf);
        if (len <= 0)
            return false;
        for (char *q = buf; q < buf + len;) {
            const struct inotify_event *e = (const struct inotify_event *)q;
            changed = changed || is_input(e, w, n);
            q += sizeof *e + e->len;
        }
    }
}

int br_cli_watch(const br_opts *opts, const char *path, br_run_fn run)
{
    int status = run(opts, path);
    static watched w[WATCH_MAX];
    for (;;) {
        fflush(stdout);
        size_t n;
        int fd = watch_inputs(path, w, &n);
        if (fd < 0) {
            fprintf(stderr, "boardreport render: cannot watch %s: %s\n", path, strerror(errno));
            return BR_EXIT_INVALID;
        }
        if (n == 0) {
            close(fd);
            fprintf(stderr, "boardreport render: %s: nothing to watch\n", path);
            return status ? status : BR_EXIT_INVALID;
        }
        if (!opts->quiet)
            fprintf(stderr, "boardreport render: watching %s (and %zu more file%s); Ctrl-C stops\n",
                    w[0].name, n - 1, n == 2 ? "" : "s");
        bool changed = wait_for_save(fd, w, n);
        close(fd);
        if (!changed)
            return status;
        status = run(opts, path);
    }
}
