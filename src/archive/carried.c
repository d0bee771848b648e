/* carried.c — the sources an issued PDF carries, against its package's. */
#include "br_archive.h"
#include "br_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Every file under dir/sub (names "sub/..."), at most 4 folders deep. */
static void list_files(const char *dir, const char *sub, int depth, br_arena *arena,
                       const char ***names, size_t *n, size_t *cap)
{
    const char *path = br_arena_printf(arena, "%s/%s", dir, sub);
    DIR *d = depth <= 4 ? opendir(path) : NULL;
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        const char *name = br_arena_printf(arena, "%s/%s", sub, e->d_name);
        const char *full = br_arena_printf(arena, "%s/%s", dir, name);
        struct stat st;
        if (lstat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            list_files(dir, name, depth + 1, arena, names, n, cap);
        else if (S_ISREG(st.st_mode))
            *BR_PUSH(arena, *names, *n, *cap) = name;
    }
    closedir(d);
}

static const br_arc_attachment *carried(const br_arc_attachments *a, const char *name)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i].name, name) == 0)
            return &a->items[i];
    return NULL;
}

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = br_file_read(path);   /* a FIFO would block forever */
    struct stat st;
    unsigned char *data = NULL;
    if (f && fstat(fileno(f), &st) == 0 && st.st_size >= 0 &&
        (data = malloc((size_t)st.st_size + 1)) != NULL)
        *len = fread(data, 1, (size_t)st.st_size, f);
    if (f)
        fclose(f);
    return data;
}

bool br_arc_read_carried(const char *pdf_path, br_arc_attachments *out, br_arena *arena,
                         br_diags *diags)
{
    size_t len = 0;
    unsigned char *pdf = read_all(pdf_path, &len);
    if (!pdf) {
        br_error(diags, (br_loc){pdf_path, 0, 0}, "cannot read: %s", strerror(errno));
        return false;
    }
    const char *why;
    bool ok = br_arc_pdf_attachments(pdf, len, out, arena, &why);
    free(pdf);
    if (!ok) {
        br_error(diags, (br_loc){pdf_path, 0, 0}, "cannot read the files it carries: %s", why);
        return false;
    }
    /* The data points into the arena, not into the freed bytes. */
    for (size_t i = 0; i < out->n; i++)
        if (out->items[i].problem)
            br_error(diags, (br_loc){pdf_path, 0, 0}, "the file it carries as '%s' is damaged: %s",
                     out->items[i].name, out->items[i].problem);
    return true;
}

int br_arc_check_carried(const br_arc_attachments *a, const char *pdf_path,
                         const char *source_dir, br_arena *arena, br_diags *diags)
{
    const char **names = NULL;
    size_t n = 0, cap = 0, sources = 0;
    for (size_t i = 0; i < a->n; i++)
        sources += a->items[i].relationship && strcmp(a->items[i].relationship, "Source") == 0;
    if (sources == 0)
        return 0;   /* a paper issued before papers carried their sources */
    list_files(source_dir, "report", 0, arena, &names, &n, &cap);
    list_files(source_dir, "template", 0, arena, &names, &n, &cap);
    br_loc at = {pdf_path, 0, 0};
    size_t before = diags->errors;
    for (size_t i = 0; i < n; i++) {
        const br_arc_attachment *c = carried(a, names[i]);
        size_t len = 0;
        unsigned char *data = c ? read_all(br_arena_printf(arena, "%s/%s", source_dir, names[i]),
                                           &len) : NULL;
        if (!c)
            br_error(diags, at, "does not carry %s, one of the sources its package keeps",
                     names[i]);
        else if (!data || len != c->len || (len && memcmp(data, c->data, len) != 0))
            br_error(diags, at, "carries a %s that differs from the one its package keeps",
                     names[i]);
        free(data);
    }
    for (size_t i = 0; i < a->n; i++) {
        const br_arc_attachment *c = &a->items[i];
        bool listed = false;
        for (size_t k = 0; k < n && !listed; k++)
            listed = strcmp(names[k], c->name) == 0;
        if (!listed && c->relationship && strcmp(c->relationship, "Source") == 0)
            br_error(diags, at, "carries a source '%s' that its package does not keep", c->name);
    }
    return diags->errors == before ? (int)sources : -1;
}
