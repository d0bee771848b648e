/* input.c — the main file and its includes. */
#include "br_input.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const br_include_keys[] = {"measures", "milestones", "finance", "commentary",
                                       "footnotes", "people", "kinds", "objectives", "include",
                                       "defaults"};
const size_t br_include_nkeys = sizeof br_include_keys / sizeof br_include_keys[0];

typedef struct loader {
    br_input *in;
    br_arena *arena;
    br_arena *tree;         /* the parsed nodes (see br_yaml_parse) */
    br_diags *diags;
    char *dir_real;         /* realpath of the report folder */
    const char *stack[BR_MAX_INCLUDES + 2];  /* realpaths being loaded */
    const char *names[BR_MAX_INCLUDES + 2];  /* the same files as named, for messages */
    size_t depth;
    const char **seen;      /* realpaths loaded so far */
    size_t nseen, seen_cap;
} loader;

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *dirname_of(br_arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return br_arena_strndup(a, path, (size_t)(slash - path));
}

static const char *join(br_arena *a, const char *dir, const char *name)
{
    if (strcmp(dir, ".") == 0)
        return br_arena_strdup(a, name);
    size_t n = strlen(dir);
    return br_arena_printf(a, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static char *real_path(br_arena *a, const char *path)
{
    char buf[PATH_MAX];
    if (!realpath(path, buf))
        return NULL;
    return br_arena_strdup(a, buf);
}

static bool inside(const char *dir_real, const char *file_real)
{
    size_t n = strlen(dir_real);
    if (strcmp(dir_real, "/") == 0)
        return true;
    return strncmp(dir_real, file_real, n) == 0 && file_real[n] == '/';
}

/* Whether a relative name, starting `depth` folders below the report
 * folder, climbs above it ("../x.yaml", "a/../../x.yaml"), judged from its
 * text alone: a missing file outside the folder is reported as outside,
 * not as missing. */
static bool climbs_out(const char *name, int depth)
{
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            depth--;
        else if (n > 0 && !(n == 1 && p[0] == '.'))
            depth++;
        if (depth < 0)
            return true;
        p += n;
        p += *p == '/';
    }
    return false;
}

/* Depth of the including file's folder below the report folder. */
static int depth_below(const loader *l, const char *including_real)
{
    int d = -1;   /* the file's own name is not a folder */
    if (!inside(l->dir_real, including_real))
        return 0;  /* a main file reached through a symbolic link */
    for (const char *p = including_real + strlen(l->dir_real); *p; p++)
        d += *p == '/';
    return d;
}

/* "report.yaml -> measures.yaml -> more.yaml -> measures.yaml" */
static const char *cycle_chain(loader *l, size_t from, const char *again)
{
    const char *chain = l->names[from];
    for (size_t i = from + 1; i < l->depth; i++)
        chain = br_arena_printf(l->arena, "%s -> %s", chain, l->names[i]);
    return br_arena_printf(l->arena, "%s -> %s", chain, again);
}

/* The file in path's folder whose name is closest to path's: "measures.yml"
 * finds "measures.yaml".  NULL when none is close. */
static const char *near_file(br_arena *a, const char *path)
{
    DIR *d = opendir(dirname_of(a, path));
    if (!d)
        return NULL;
    const char *names[256];
    size_t n = 0;
    for (struct dirent *e; n < 256 && (e = readdir(d));)
        if (e->d_name[0] != '.')
            names[n++] = br_arena_strdup(a, e->d_name);
    closedir(d);
    const char *base = strrchr(path, '/');
    return br_suggest(base ? base + 1 : path, names, n);
}

/* An included file whose content is lost: what only follows from its
 * absence (ids, people, footnotes not found) is left out of the report. */
static void lost(loader *l, const char *path)
{
    if (!l->diags->unloaded)
        l->diags->unloaded = path;
}

static void load_file(loader *l, const char *path, const char *real, br_loc from);

static void include_one(loader *l, const char *including, const br_node *entry)
{
    if (entry->kind != BR_NODE_SCALAR || entry->len == 0) {
        br_error(l->diags, entry->loc, "an include entry must be a file name, not %s",
                 br_node_kind_name(entry));
        return;
    }
    if (entry->text[0] == '/') {
        br_error(l->diags, entry->loc,
                 "include '%s' is an absolute path; name a file inside the report folder, relative to this file",
                 entry->text);
        return;
    }
    const char *path = join(l->arena, dirname_of(l->arena, including), entry->text);
    char *real = real_path(l->arena, path);
    if (!real && climbs_out(entry->text, depth_below(l, l->stack[l->depth - 1]))) {
        br_error(l->diags, entry->loc,
                 "include '%s' leaves the report folder; included files must be in the folder "
                 "or below it", entry->text);
        return;
    }
    if (!real) {
        const char *near = near_file(l->arena, path);
        const char *slash = strrchr(entry->text, '/');
        if (near && slash)
            near = br_arena_printf(l->arena, "%.*s/%s", (int)(slash - entry->text), entry->text, near);
        if (near)
            br_error(l->diags, entry->loc, "included file '%s' does not exist; did you mean '%s'?",
                     entry->text, near);
        else
            br_error(l->diags, entry->loc, "included file '%s' does not exist", entry->text);
        lost(l, entry->text);
        return;
    }
    if (!inside(l->dir_real, real)) {
        br_error(l->diags, entry->loc,
                 "include '%s' leaves the report folder; included files must be in the folder or below it",
                 entry->text);
        lost(l, entry->text);
        return;
    }
    if (is_dir(real)) {
        br_error(l->diags, entry->loc, "include '%s' is a folder; name a .yaml file", entry->text);
        lost(l, entry->text);
        return;
    }
    struct stat st;
    if (stat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A FIFO would block the run; a device is no file to read. */
        br_error(l->diags, entry->loc, "include '%s' is %s, not a regular file; name a .yaml "
                 "file", entry->text, S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode)
                                                           ? "a socket" : "a device");
        lost(l, entry->text);
        return;
    }
    for (size_t i = 0; i < l->depth; i++) {
        if (strcmp(l->stack[i], real) == 0) {
            br_error(l->diags, entry->loc, "include cycle: %s; a file cannot include itself, "
                     "directly or through others", cycle_chain(l, i, path));
            return;
        }
    }
    for (size_t i = 0; i < l->nseen; i++) {
        if (strcmp(l->seen[i], real) == 0) {
            br_error(l->diags, entry->loc, "'%s' is included twice; include each file once",
                     entry->text);
            return;
        }
    }
    if (l->nseen >= BR_MAX_INCLUDES + 1) {
        br_error(l->diags, entry->loc, "more than %d included files", BR_MAX_INCLUDES);
        return;
    }
    load_file(l, path, real, entry->loc);
}

bool br_input_is_shared_key(const char *key)
{
    return strncmp(key, "x-", 2) == 0;
}

static void check_included_keys(loader *l, const br_node *root)
{
    for (size_t i = 0; i < root->npairs; i++) {
        const br_node *key = root->pairs[i].key;
        bool ok = br_input_is_shared_key(key->text);
        for (size_t k = 0; k < br_include_nkeys; k++)
            ok = ok || strcmp(key->text, br_include_keys[k]) == 0;
        if (ok)
            continue;
        const char *s = br_suggest(key->text, br_include_keys, br_include_nkeys);
        if (s)
            br_error(l->diags, key->loc, "unknown key '%s' in an included file; did you mean '%s'?",
                     key->text, s);
        else
            br_error(l->diags, key->loc,
                     "'%s' cannot be in an included file; only measures, milestones, finance, "
                     "commentary, footnotes, people, kinds, objectives, defaults and include "
                     "can (the rest belongs in the main file)",
                     key->text);
    }
}

static void load_file(loader *l, const char *path, const char *real, br_loc from)
{
    *BR_PUSH(l->arena, l->seen, l->nseen, l->seen_cap) = real;
    br_node *root = br_yaml_load_file(path, l->arena, l->tree, l->diags);
    if (!root) {
        if (l->in->nroots > 0)
            lost(l, path);
        return;
    }
    if (l->in->nroots > 0 && root->kind == BR_NODE_MAP && root->npairs == 0)
        br_warning(l->diags, from, "included file '%s' is empty (or holds only comments), so "
                   "nothing from it is in the report", path);
    if (root->kind != BR_NODE_MAP) {
        br_error(l->diags, root->loc, "the file must be a mapping of keys (report:, measures: …), not %s",
                 br_node_kind_name(root));
        if (l->in->nroots > 0)
            lost(l, path);
        return;
    }
    br_input *in = l->in;
    if (in->nroots > 0)
        check_included_keys(l, root);
    *BR_PUSH(l->tree, in->roots, in->nroots, in->roots_cap) = root;

    const br_node *inc = br_map_get(root, "include");
    if (!inc)
        return;
    l->names[l->depth] = path;
    l->stack[l->depth++] = real;
    if (inc->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < inc->nitems; i++)
            include_one(l, path, inc->items[i]);
    } else {
        include_one(l, path, inc);
    }
    l->depth--;
}

bool br_input_load(br_input *in, const char *path, br_arena *arena, br_arena *tree,
                   br_diags *diags)
{
    memset(in, 0, sizeof *in);
    loader l = {.in = in, .arena = arena, .tree = tree ? tree : arena, .diags = diags};
    if (is_dir(path)) {
        in->dir = br_arena_strdup(arena, path);
        in->main_file = join(arena, path, "report.yaml");
    } else {
        in->dir = dirname_of(arena, path);
        in->main_file = br_arena_strdup(arena, path);
    }
    l.dir_real = real_path(arena, in->dir);
    char *main_real = real_path(arena, in->main_file);
    if (!l.dir_real || !main_real) {
        br_error(diags, (br_loc){in->main_file, 0, 0},
                 "no such file; give a report.yaml or the folder that holds one");
        return false;
    }
    load_file(&l, in->main_file, main_real, (br_loc){0});
    return in->nroots > 0;
}
