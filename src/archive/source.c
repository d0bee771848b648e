/* source.c — which files a render read, and the digest that names them. */
#include "br_archive.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The name under data/source/ of a YAML file read for the report. */
static const char *yaml_name(const char *file, const char *dir_real, const br_template *t,
                             br_arena *a, bool *outside)
{
    char real[PATH_MAX];
    *outside = false;
    if (t->path && strcmp(file, t->path) == 0)
        return br_arena_printf(a, "template/%s", base_name(file));
    /* The templates it extends, by file name beside it, where a re-render
     * from the package looks for them (br_template_load_file). */
    for (size_t i = 0; i < t->nbases; i++)
        if (strcmp(file, t->bases[i]) == 0)
            return br_arena_printf(a, "template/base/%s", base_name(file));
    size_t n = dir_real ? strlen(dir_real) : 0;
    if (dir_real && realpath(file, real) && strncmp(real, dir_real, n) == 0 && real[n] == '/')
        return br_arena_printf(a, "report/%s", real + n + 1);
    *outside = true;
    return br_arena_printf(a, "other/%s", base_name(file));
}

static const br_arc_source *known(const br_arc_sources *s, const char *name)
{
    for (size_t i = 0; i < s->nfiles; i++)
        if (strcmp(s->files[i].name, name) == 0)
            return &s->files[i];
    return NULL;
}

static bool add(br_arc_sources *s, const char *path, const char *name, br_arena *a,
                br_diags *diags)
{
    const br_arc_source *same = known(s, name);
    /* Two templates of one paper's chain both named cabinet.yaml would be
     * one file in the package, and a re-render would read the wrong one. */
    if (same && strcmp(same->path, path) != 0 && strncmp(name, "template/", 9) == 0) {
        br_error(diags, (br_loc){path, 0, 0}, "has the same file name as %s, which the paper's "
                 "template also extends; an issued package keeps each template by its file "
                 "name, so rename one", same->path);
        return false;
    }
    if (same)
        return true;
    br_arc_source *f = BR_PUSH(a, s->files, s->nfiles, s->cap);
    f->path = path;
    f->name = name;
    if (br_sha256_file(path, f->sha256, &f->size))
        return true;
    br_error(diags, (br_loc){path, 0, 0}, "cannot read: %s", strerror(errno));
    return false;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(((const br_arc_source *)x)->name, ((const br_arc_source *)y)->name);
}

void br_arc_sources_digest(br_arc_sources *s)
{
    if (s->nfiles > 1)   /* qsort may not be given NULL, even for none */
        qsort(s->files, s->nfiles, sizeof *s->files, by_name);
    br_sha256 h;
    unsigned char d[BR_SHA256_LEN];
    br_sha256_init(&h);
    for (size_t i = 0; i < s->nfiles; i++) {
        br_sha256_update(&h, s->files[i].sha256, strlen(s->files[i].sha256));
        br_sha256_update(&h, "  ", 2);
        br_sha256_update(&h, s->files[i].name, strlen(s->files[i].name));
        br_sha256_update(&h, "\n", 1);
    }
    br_sha256_final(&h, d);
    br_sha256_to_hex(d, s->digest);
}

bool br_arc_sources_collect(br_arc_sources *s, const br_report *r, const br_template *t,
                            const br_diags *read, br_arena *arena, br_diags *diags)
{
    memset(s, 0, sizeof *s);
    char dir_real[PATH_MAX];
    const char *dir = r->dir && realpath(r->dir, dir_real) ? dir_real : NULL;
    bool ok = true;
    for (size_t i = 0; i < read->nsources; i++) {
        bool outside;
        const char *file = read->sources[i].file;
        const char *name = yaml_name(file, dir, t, arena, &outside);
        if (outside && !s->outside)
            s->outside = file;
        ok &= add(s, file, name, arena, diags);
    }
    for (int f = 0; f < BR_FACE_COUNT; f++)
        if (t->font_files[f])
            ok &= add(s, br_arena_printf(arena, "%s/%s", t->font_dir, t->font_files[f]),
                      br_arena_printf(arena, "fonts/%s", t->font_files[f]), arena, diags);
    br_arc_sources_digest(s);
    return ok;
}
