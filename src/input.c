/* input.c — the main file and its includes. */
#include "br_input.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const br_include_keys[] = {"measures", "milestones", "finance", "commentary",
                                       "footnotes", "people", "include"};
const size_t br_include_nkeys = sizeof br_include_keys / sizeof br_include_keys[0];

typedef struct loader {
    br_input *in;
    br_arena *arena;
    br_diags *diags;
    char *dir_real;         /* realpath of the report folder */
    const char *stack[BR_MAX_INCLUDES + 2];  /* realpaths being loaded */
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
    if (!real) {
        br_error(l->diags, entry->loc, "included file '%s' does not exist", entry->text);
        return;
    }
    if (!inside(l->dir_real, real)) {
        br_error(l->diags, entry->loc,
                 "include '%s' leaves the report folder; included files must be in the folder or below it",
                 entry->text);
        return;
    }
    if (is_dir(real)) {
        br_error(l->diags, entry->loc, "include '%s' is a folder; name a .yaml file", entry->text);
        return;
    }
    for (size_t i = 0; i < l->depth; i++) {
        if (strcmp(l->stack[i], real) == 0) {
            br_error(l->diags, entry->loc,
                     "include cycle: '%s' includes a file that is already including it", entry->text);
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

static void check_included_keys(loader *l, const br_node *root)
{
    for (size_t i = 0; i < root->npairs; i++) {
        const br_node *key = root->pairs[i].key;
        bool ok = false;
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
                     "commentary, footnotes, people and include can (the rest belongs in the main file)",
                     key->text);
    }
}

static void load_file(loader *l, const char *path, const char *real, br_loc from)
{
    (void)from;
    *BR_PUSH(l->arena, l->seen, l->nseen, l->seen_cap) = real;
    br_node *root = br_yaml_load_file(path, l->arena, l->diags);
    if (!root)
        return;
    if (root->kind != BR_NODE_MAP) {
        br_error(l->diags, root->loc, "the file must be a mapping of keys (report:, measures: …), not %s",
                 br_node_kind_name(root));
        return;
    }
    br_input *in = l->in;
    if (in->nroots > 0)
        check_included_keys(l, root);
    *BR_PUSH(l->arena, in->roots, in->nroots, in->roots_cap) = root;

    const br_node *inc = br_map_get(root, "include");
    if (!inc)
        return;
    l->stack[l->depth++] = real;
    if (inc->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < inc->nitems; i++)
            include_one(l, path, inc->items[i]);
    } else {
        include_one(l, path, inc);
    }
    l->depth--;
}

bool br_input_load(br_input *in, const char *path, br_arena *arena, br_diags *diags)
{
    memset(in, 0, sizeof *in);
    loader l = {.in = in, .arena = arena, .diags = diags};
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
