/* bagit.c — BagIt 1.0 packages (RFC 8493) with SHA-256 manifests.
 *
 * Written and checked here; tests/tools/bagit_validate.py checks the same
 * packages independently.  Manifest lines are "<sha256>  <path>" with CR,
 * LF and % percent-encoded in the path (§2.1.3). */
#include "br_archive.h"
#include "br_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char bagit_txt[] = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/* ---- bag-info.txt ---- */

void br_bag_info_add(br_bag_info *info, br_arena *arena, const char *label, const char *value)
{
    br_bag_field *f = BR_PUSH(arena, info->fields, info->nfields, info->cap);
    f->label = label;
    f->value = value ? value : "";
}

const char *br_bag_info_get(const br_bag_info *info, const char *label)
{
    for (size_t i = 0; i < info->nfields; i++)
        if (strcmp(info->fields[i].label, label) == 0)
            return info->fields[i].value;
    return NULL;
}

static char *slurp(const char *path, br_arena *arena, size_t *len)
{
    FILE *f = br_file_read(path);   /* a FIFO would block forever */
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    bool bad = ferror(f) || !buf;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    char *out = br_arena_strndup(arena, buf, n);
    free(buf);
    if (len)
        *len = n;
    return out;
}

bool br_bag_info_read(br_bag_info *info, const char *dir, br_arena *arena)
{
    memset(info, 0, sizeof *info);
    char *text = slurp(br_arena_printf(arena, "%s/bag-info.txt", dir), arena, NULL);
    if (!text)
        return false;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if ((line[0] == ' ' || line[0] == '\t') && info->nfields > 0) {
            br_bag_field *last = &info->fields[info->nfields - 1];
            last->value = br_arena_printf(arena, "%s\n%s", last->value, line + strspn(line, " \t"));
            continue;
        }
        char *colon = strchr(line, ':');
        if (!colon || colon == line)
            continue;
        *colon = '\0';
        br_bag_info_add(info, arena, line, colon + 1 + strspn(colon + 1, " \t"));
    }
    return true;
}

/* ---- payload files ---- */

typedef struct entry {
    const char *path;           /* relative to the bag: "data/x.pdf" */
    char sha256[BR_SHA256_HEX];
    uint64_t size;
    bool seen;
} entry;

typedef struct entries {
    entry *items;
    size_t n, cap;
} entries;

/* Appends every regular file under bag/rel to out (rel "data"). */
static bool walk(const char *bag, const char *rel, entries *out, br_arena *arena)
{
    DIR *d = opendir(br_arena_printf(arena, "%s/%s", bag, rel));
    if (!d)
        return false;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        const char *path = br_arena_printf(arena, "%s/%s", rel, e->d_name);
        struct stat st;
        if (lstat(br_arena_printf(arena, "%s/%s", bag, path), &st) != 0)
            ok = false;
        else if (S_ISDIR(st.st_mode))
            ok = walk(bag, path, out, arena);
        else
            BR_PUSH(arena, out->items, out->n, out->cap)->path = path;
    }
    closedir(d);
    return ok;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

/* §2.1.3: CR, LF and % in a path are percent-encoded, nothing else. */
static const char *encode_path(const char *path, br_arena *arena)
{
    if (!strpbrk(path, "\r\n%"))
        return path;
    char *out = br_arena_alloc(arena, 3 * strlen(path) + 1), *o = out;
    for (const char *p = path; *p; p++) {
        if (*p == '\r' || *p == '\n' || *p == '%')
            o += sprintf(o, "%%%02X", (unsigned char)*p);
        else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

static const char *decode_path(const char *path, br_arena *arena)
{
    char *out = br_arena_strdup(arena, path), *o = out;
    for (const char *p = path; *p; p++) {
        if (p[0] == '%' && (strncmp(p + 1, "0A", 2) == 0 || strncmp(p + 1, "0a", 2) == 0))
            *o++ = '\n', p += 2;
        else if (p[0] == '%' && (strncmp(p + 1, "0D", 2) == 0 || strncmp(p + 1, "0d", 2) == 0))
            *o++ = '\r', p += 2;
        else if (strncmp(p, "%25", 3) == 0)
            *o++ = '%', p += 2;
        else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return (fclose(f) == 0) && ok;
}

/* "<sha256>  <path>\n" for each entry, hashing each file first. */
static const char *manifest_text(const char *bag, entries *es, br_arena *arena)
{
    const char *text = "";
    for (size_t i = 0; i < es->n; i++) {
        entry *e = &es->items[i];
        if (!br_sha256_file(br_arena_printf(arena, "%s/%s", bag, e->path), e->sha256, &e->size))
            return NULL;
        text = br_arena_printf(arena, "%s%s  %s\n", text, e->sha256, encode_path(e->path, arena));
    }
    return text;
}

static const char *info_text(const br_bag_info *info, const entries *payload, br_arena *arena)
{
    const char *text = "";
    for (size_t i = 0; i < info->nfields; i++) {
        const char *v = info->fields[i].value;
        /* A value's line breaks become continuation lines (§2.2.2). */
        const char *folded = "";
        for (const char *nl; (nl = strchr(v, '\n')) != NULL; v = nl + 1)
            folded = br_arena_printf(arena, "%s%.*s\n  ", folded, (int)(nl - v), v);
        text = br_arena_printf(arena, "%s%s: %s%s\n", text, info->fields[i].label, folded, v);
    }
    uint64_t octets = 0;
    for (size_t i = 0; i < payload->n; i++)
        octets += payload->items[i].size;
    return br_arena_printf(arena, "%sPayload-Oxum: %llu.%zu\n", text, (unsigned long long)octets,
                           payload->n);
}

bool br_bag_write(const char *dir, const br_bag_info *info, br_arena *arena)
{
    entries payload = {0};
    if (!walk(dir, "data", &payload, arena))
        return false;
    if (payload.n > 1)   /* qsort may not be given NULL, even for none */
        qsort(payload.items, payload.n, sizeof *payload.items, by_path);
    const char *manifest = manifest_text(dir, &payload, arena);
    if (!manifest || !write_text(br_arena_printf(arena, "%s/bagit.txt", dir), bagit_txt) ||
        !write_text(br_arena_printf(arena, "%s/manifest-sha256.txt", dir), manifest) ||
        !write_text(br_arena_printf(arena, "%s/bag-info.txt", dir),
                    info_text(info, &payload, arena)))
        return false;
    entries tags = {0};
    const char *names[] = {"bag-info.txt", "bagit.txt", "manifest-sha256.txt"};
    for (size_t i = 0; i < 3; i++)
        BR_PUSH(arena, tags.items, tags.n, tags.cap)->path = names[i];
    const char *tagmanifest = manifest_text(dir, &tags, arena);
    return tagmanifest &&
           write_text(br_arena_printf(arena, "%s/tagmanifest-sha256.txt", dir), tagmanifest);
}

/* ---- checking ---- */

static bool is_hex64(const char *s, size_t n)
{
    if (n != 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]))
            return false;
    return true;
}

/* Parses a manifest; a malformed line is an error at file:line. */
static bool read_manifest(const char *bag, const char *name, entries *out, br_arena *arena,
                          br_diags *diags)
{
    const char *file = br_arena_printf(arena, "%s/%s", bag, name);
    char *text = slurp(file, arena, NULL);
    if (!text) {
        br_error(diags, (br_loc){file, 0, 0}, "missing or unreadable: %s", br_file_strerror(errno));
        return false;
    }
    bool ok = true;
    int number = 0;
    for (char *line = text, *next; line && *line; line = next) {
        number++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t hex = strspn(line, "0123456789abcdefABCDEF");
        size_t gap = strspn(line + hex, " \t");
        if (!is_hex64(line, hex) || gap == 0 || !line[hex + gap]) {
            br_error(diags, (br_loc){file, number, 1},
                     "not a line of a SHA-256 manifest ('<64 hex digits>  <path>')");
            ok = false;
            continue;
        }
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        entry *e = BR_PUSH(arena, out->items, out->n, out->cap);
        e->path = decode_path(line + hex + gap, arena);
        memcpy(e->sha256, line, 64);
        for (int i = 0; i < 64; i++)
            e->sha256[i] = (char)(e->sha256[i] | 0x20);   /* lower case */
        e->sha256[64] = '\0';
    }
    return ok;
}

static bool plain_path(const char *p)
{
    if (p[0] == '/' || strstr(p, "//"))
        return false;
    for (const char *s = p; s; s = strchr(s, '/') ? strchr(s, '/') + 1 : NULL)
        if (strncmp(s, "../", 3) == 0 || strcmp(s, "..") == 0 || strncmp(s, "./", 2) == 0 ||
            strcmp(s, ".") == 0)
            return false;
    return true;
}

/* Each entry's file exists and matches its checksum. */
static bool check_entries(const char *bag, const char *manifest, entries *es, bool payload,
                          br_arena *arena, br_diags *diags)
{
    bool ok = true;
    const char *mfile = br_arena_printf(arena, "%s/%s", bag, manifest);
    for (size_t i = 0; i < es->n; i++) {
        entry *e = &es->items[i];
        const char *file = br_arena_printf(arena, "%s/%s", bag, e->path);
        char actual[BR_SHA256_HEX];
        if (!plain_path(e->path) || (payload && strncmp(e->path, "data/", 5) != 0)) {
            br_error(diags, (br_loc){mfile, 0, 0}, "'%s' is not a path inside the %s", e->path,
                     payload ? "payload folder data/" : "bag");
            ok = false;
        } else if (!br_sha256_file(file, actual, &e->size)) {
            if (errno == ENOENT)
                br_error(diags, (br_loc){file, 0, 0}, "listed in %s but missing", manifest);
            else
                br_error(diags, (br_loc){file, 0, 0}, "listed in %s but cannot be read: %s "
                         "(a package holds only plain files)", manifest, br_file_strerror(errno));
            ok = false;
        } else if (strcmp(actual, e->sha256) != 0) {
            br_error(diags, (br_loc){file, 0, 0},
                     "changed since it was issued: SHA-256 %s, %s says %s", actual, manifest,
                     e->sha256);
            ok = false;
        }
    }
    return ok;
}

/* Every file under data/ is listed exactly once. */
static bool check_listed(const char *bag, entries *listed, br_arena *arena, br_diags *diags)
{
    entries found = {0};
    if (!walk(bag, "data", &found, arena)) {
        br_error(diags, (br_loc){br_arena_printf(arena, "%s/data", bag), 0, 0},
                 "the payload folder is missing or unreadable");
        return false;
    }
    bool ok = true;
    if (listed->n > 1)
        qsort(listed->items, listed->n, sizeof *listed->items, by_path);
    for (size_t i = 1; i < listed->n; i++)
        if (strcmp(listed->items[i].path, listed->items[i - 1].path) == 0) {
            br_error(diags, (br_loc){br_arena_printf(arena, "%s/manifest-sha256.txt", bag), 0, 0},
                     "'%s' is listed twice", listed->items[i].path);
            ok = false;
        }
    for (size_t i = 0; i < found.n; i++) {
        const char *file = br_arena_printf(arena, "%s/%s", bag, found.items[i].path);
        struct stat st;
        if (listed->n == 0 ||
            !bsearch(&found.items[i], listed->items, listed->n, sizeof *listed->items, by_path)) {
            br_error(diags, (br_loc){file, 0, 0},
                     "not listed in manifest-sha256.txt (a file added to the package)");
            ok = false;
        } else if (lstat(file, &st) == 0 && !S_ISREG(st.st_mode)) {
            /* A link could make the package "contain" any file on the machine. */
            br_error(diags, (br_loc){file, 0, 0}, "is not a plain file (a package holds only files)");
            ok = false;
        }
    }
    return ok;
}

/* Payload-Oxum (when present) against the files under data/ as they are. */
static bool check_oxum(const char *bag, br_arena *arena, br_diags *diags)
{
    entries found = {0};
    walk(bag, "data", &found, arena);
    const entries *payload = &found;
    for (size_t i = 0; i < found.n; i++) {
        struct stat st;
        found.items[i].size = stat(br_arena_printf(arena, "%s/%s", bag, found.items[i].path), &st) == 0
                                  ? (uint64_t)st.st_size : 0;
    }
    br_bag_info info;
    if (!br_bag_info_read(&info, bag, arena)) {
        br_error(diags, (br_loc){br_arena_printf(arena, "%s/bag-info.txt", bag), 0, 0},
                 "missing or unreadable");
        return false;
    }
    const char *oxum = br_bag_info_get(&info, "Payload-Oxum");
    uint64_t octets = 0;
    for (size_t i = 0; i < payload->n; i++)
        octets += payload->items[i].size;
    const char *want = br_arena_printf(arena, "%llu.%zu", (unsigned long long)octets, payload->n);
    if (!oxum || strcmp(oxum, want) == 0)
        return true;
    br_error(diags, (br_loc){br_arena_printf(arena, "%s/bag-info.txt", bag), 0, 0},
             "Payload-Oxum is %s but the payload is %s (bytes.files)", oxum, want);
    return false;
}

bool br_bag_check(const char *dir, br_arena *arena, br_diags *diags)
{
    const char *decl = br_arena_printf(arena, "%s/bagit.txt", dir);
    char *text = slurp(decl, arena, NULL);
    bool ok = true;
    if (!text || strcmp(text, bagit_txt) != 0) {
        br_error(diags, (br_loc){decl, 0, 0}, text ? "not a BagIt 1.0 declaration"
                                                   : "missing: not a BagIt package");
        if (!text)
            return false;
        ok = false;
    }
    entries payload = {0}, tags = {0};
    ok &= read_manifest(dir, "manifest-sha256.txt", &payload, arena, diags);
    ok &= check_entries(dir, "manifest-sha256.txt", &payload, true, arena, diags);
    ok &= check_listed(dir, &payload, arena, diags);
    ok &= check_oxum(dir, arena, diags);
    if (read_manifest(dir, "tagmanifest-sha256.txt", &tags, arena, diags))
        ok &= check_entries(dir, "tagmanifest-sha256.txt", &tags, false, arena, diags);
    else
        ok = false;
    return ok;
}
