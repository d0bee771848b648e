/* data.c — finding the installed data relative to the executable. */
#include "br_data.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BR_DATADIR
#define BR_DATADIR "/usr/local/share/boardreport"
#endif

#define MAX_ENV_DIRS 16

/* The folder of the running binary, or NULL where /proc is missing. */
static const char *exe_dir(br_arena *a)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return br_arena_strdup(a, buf);
}

size_t br_data_dirs(const char **dirs, br_arena *a)
{
    size_t n = 0;
    const char *exe = exe_dir(a);
    if (exe) {
        dirs[n++] = br_arena_printf(a, "%s/../share/boardreport", exe);
        dirs[n++] = br_arena_printf(a, "%s/..", exe);
        dirs[n++] = br_arena_printf(a, "%s/../..", exe);
    }
    dirs[n++] = BR_DATADIR;
    return n;
}

/* The folders of $BOARDREPORT_TEMPLATES, separated by ':'. */
static size_t env_dirs(const char **dirs, br_arena *a)
{
    size_t n = 0;
    const char *env = getenv("BOARDREPORT_TEMPLATES");
    for (const char *p = env; p && *p && n < MAX_ENV_DIRS;) {
        size_t len = strcspn(p, ":");
        if (len)
            dirs[n++] = br_arena_strndup(a, p, len);
        p += len + (p[len] == ':');
    }
    return n;
}

static bool readable(const char *path)
{
    return access(path, R_OK) == 0;
}

const char *br_data_find(const char *rel, br_arena *arena)
{
    const char *dirs[BR_DATA_MAX_DIRS];
    size_t n = br_data_dirs(dirs, arena);
    for (size_t i = 0; i < n; i++) {
        const char *p = br_arena_printf(arena, "%s/%s", dirs[i], rel);
        if (readable(p))
            return p;
    }
    return NULL;
}

const char *br_data_template(const char *name, br_arena *arena)
{
    const char *p = br_data_find(br_arena_printf(arena, "templates/%s.yaml", name), arena);
    if (p)
        return p;
    const char *env[MAX_ENV_DIRS];
    size_t n = env_dirs(env, arena);
    for (size_t i = 0; i < n; i++) {
        p = br_arena_printf(arena, "%s/%s.yaml", env[i], name);
        if (readable(p))
            return p;
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends the <name> of every <name>.yaml in dir. */
static void add_names(const char *dir, const char ***names, size_t *n, size_t *cap, br_arena *a)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 5 && e->d_name[0] != '.' && strcmp(e->d_name + len - 5, ".yaml") == 0)
            *BR_PUSH(a, *names, *n, *cap) = br_arena_strndup(a, e->d_name, len - 5);
    }
    closedir(d);
}

/* Every folder templates are looked for in: <datadir>/templates, then
 * $BOARDREPORT_TEMPLATES'. */
static size_t template_dirs(const char **dirs, br_arena *a)
{
    size_t n = br_data_dirs(dirs, a);
    for (size_t i = 0; i < n; i++)
        dirs[i] = br_arena_printf(a, "%s/templates", dirs[i]);
    return n + env_dirs(dirs + n, a);
}

size_t br_data_template_names(const char ***names, br_arena *arena)
{
    const char *dirs[BR_DATA_MAX_DIRS + MAX_ENV_DIRS];
    size_t ndirs = template_dirs(dirs, arena), n = 0, cap = 0;
    *names = NULL;
    for (size_t i = 0; i < ndirs; i++)
        add_names(dirs[i], names, &n, &cap, arena);
    if (n == 0)
        return 0;
    qsort(*names, n, sizeof **names, by_name);
    size_t kept = 1;
    for (size_t i = 1; i < n; i++)
        if (strcmp((*names)[i], (*names)[kept - 1]) != 0)
            (*names)[kept++] = (*names)[i];
    return kept;
}

const char *br_data_searched(br_arena *arena)
{
    const char *dirs[BR_DATA_MAX_DIRS + MAX_ENV_DIRS];
    size_t n = template_dirs(dirs, arena);
    char real[PATH_MAX];
    const char *list = "";
    for (size_t i = 0; i < n; i++)
        if (realpath(dirs[i], real))   /* only folders that exist, named plainly */
            list = br_arena_printf(arena, "%s%s%s", list, *list ? ", " : "", real);
    return *list ? list : "no folder found";
}
