/* package.c — the archive's folders: where a package goes, what is there,
 * and issuing one atomically. */
#include "br_archive.h"
#include "br_file.h"

#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "br_period.h"
#include "br_sha256.h"

const char *br_arc_dir(const char *option)
{
    if (option && *option)
        return option;
    const char *env = getenv("BOARDREPORT_ARCHIVE");
    return env && *env ? env : "archive";
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The title of the papers a report folder holds (its first package's
 * Report-Title), or NULL when it holds none. */
static const char *folder_title(const char *folder, br_arena *arena)
{
    for (int v = 1; v <= BR_ARC_MAX_PROBE; v++) {
        br_arc_package pkg;
        const char *dir = br_arena_printf(arena, "%s/v%d", folder, v);
        if (exists(dir) && br_arc_package_read(&pkg, dir, arena))
            return br_bag_info_get(&pkg.info, BR_BAG_TITLE);
    }
    return NULL;
}

/* A report's folder is its title's slug, unless that folder already holds
 * another paper whose title has the same slug ("Q2: Performance" and "Q2
 * Performance"; a title of no ASCII letters at all is "report"): then the
 * slug and the first 12 hex digits of the title's SHA-256.  Issued papers
 * are never removed, so a title keeps its folder.  (Two papers of one slug
 * issued at the same moment: one wins, the other is told to run again.) */
const char *br_arc_package_dir(const char *archive, const br_report *r, int version,
                               br_arena *arena)
{
    const char *slug = br_arc_slug(r->title, arena);
    const char *base = br_arena_printf(arena, "%s/%s/%s", archive,
                                       br_arc_period_folder(r->period_id, arena),
                                       slug[0] ? slug : "report");
    /* A folder with no package yet is free: another run of this paper may
     * be staging its first one there. */
    const char *title = exists(base) ? folder_title(base, arena) : NULL;
    if (title && !(r->title && strcmp(title, r->title) == 0)) {
        char sha[BR_SHA256_HEX];
        br_sha256_hex(r->title ? r->title : "", r->title ? strlen(r->title) : 0, sha);
        base = br_arena_printf(arena, "%s-%.12s", base, sha);
    }
    return br_arena_printf(arena, "%s/v%d", base, version);
}

const char *br_arc_package_id(const char *package_dir, br_arena *arena)
{
    const char *end = strrchr(package_dir, '/');    /* before v<N> */
    const char *start = end;
    for (int parts = 0; start && start > package_dir && parts < 2;)
        if (*--start == '/')
            parts++;
    if (!end || !start)
        return br_arena_strdup(arena, package_dir);
    start += *start == '/';
    return br_arena_strndup(arena, start, (size_t)(end - start));
}

/* The nearest existing folder at or above path, resolved. */
static bool existing_real(const char *path, char out[PATH_MAX])
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path[0] ? path : ".");
    while (!realpath(buf, out)) {
        char *slash = strrchr(buf, '/');
        if (!slash)
            return realpath(".", out) != NULL;
        if (slash == buf)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
    return true;
}

/* Where a write to path lands: path with the symbolic links of its last
 * part followed, even one that dangles (a write through it creates its
 * target).  Gives up after 40 links (a loop) and keeps the last name. */
static void link_target(const char *path, char out[PATH_MAX])
{
    snprintf(out, PATH_MAX, "%s", path);
    for (int hops = 0; hops < 40; hops++) {
        char link[PATH_MAX];
        ssize_t n = readlink(out, link, sizeof link - 1);
        if (n <= 0)
            return;
        link[n] = '\0';
        const char *slash = strrchr(out, '/');
        int dlen = link[0] != '/' && slash ? (int)(slash - out) + 1 : 0;
        char next[PATH_MAX];
        if (snprintf(next, sizeof next, "%.*s%s", dlen, out, link) >= (int)sizeof next)
            return;
        memcpy(out, next, PATH_MAX);
    }
}

/* True when folder holds a package folder v<N> (bagit.txt in it): the
 * folder of one paper's versions, where the next version will go. */
static bool holds_versions(const char *folder)
{
    DIR *d = opendir(folder[0] ? folder : "/");
    bool found = false;
    for (struct dirent *de; d && !found && (de = readdir(d));) {
        const char *n = de->d_name;
        if (!br_arc_version_of(n))
            continue;
        char probe[PATH_MAX + 300];
        snprintf(probe, sizeof probe, "%s/%s/bagit.txt", folder, n);
        struct stat st;
        found = stat(probe, &st) == 0 && S_ISREG(st.st_mode);
    }
    if (d)
        closedir(d);
    return found;
}

/* True when a folder in folder holds versions: folder is a period's
 * folder of an archive (one not named to this run, too). */
static bool holds_papers(const char *folder)
{
    DIR *d = opendir(folder[0] ? folder : "/");
    bool found = false;
    for (struct dirent *de; d && !found && (de = readdir(d));) {
        if (de->d_name[0] == '.')
            continue;
        char sub[PATH_MAX + 256];
        snprintf(sub, sizeof sub, "%s/%s", folder, de->d_name);
        struct stat st;     /* a link to a paper's folder is no period folder */
        found = lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) && holds_versions(sub);
    }
    if (d)
        closedir(d);
    return found;
}

bool br_arc_inside(const char *path, const char *archive)
{
    char target[PATH_MAX], real[PATH_MAX], arc[PATH_MAX];
    link_target(path, target);
    if (!existing_real(target, real))
        return false;
    size_t n = 0;
    if (archive && realpath(archive, arc) && (n = strlen(arc)) > 0 &&
        strncmp(real, arc, n) == 0 && (real[n] == '/' || real[n] == '\0'))
        return true;
    /* The folder a write lands in may be a period's folder; its ancestors
     * are checked only for packages and versions (no deep listing of /). */
    bool nearest = true;
    for (char *slash = real + strlen(real); slash; slash = strrchr(real, '/')) {
        *slash = '\0';
        char probe[PATH_MAX + 16];
        snprintf(probe, sizeof probe, "%s/bagit.txt", real[0] ? real : "");
        struct stat st;
        if ((stat(probe, &st) == 0 && S_ISREG(st.st_mode)) || holds_versions(real) ||
            (nearest && holds_papers(real)))
            return true;
        nearest = nearest && !(stat(real[0] ? real : "/", &st) == 0 && S_ISDIR(st.st_mode));
        if (slash == real)
            break;
    }
    return false;
}

static const char *iso_date(long long now, bool with_time, br_arena *arena)
{
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, with_time ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d", &tm);
    return br_arena_strdup(arena, buf);
}

static const char *main_file_name(const br_arc_sources *s, const br_report *r)
{
    for (size_t i = 0; i < s->nfiles; i++)
        if (strcmp(s->files[i].path, r->main_file) == 0)
            return s->files[i].name;
    return "report/report.yaml";
}

void br_arc_bag_info(br_bag_info *info, const br_report *r, const char *id,
                     const br_arc_sources *sources, const char *pdf_name, const char *pdf_sha256,
                     const char *tool_version, long long now, br_arena *a)
{
    memset(info, 0, sizeof *info);
    if (r->organisation)  /* optional: BagIt fields are too, so none rather than empty */
        br_bag_info_add(info, a, "Source-Organization", r->organisation);
    br_bag_info_add(info, a, "External-Description",
                    br_arena_printf(a, "%s, %s, version %d: the issued paper (PDF) and every "
                                       "file it was made from", r->title, r->period_id, r->version));
    br_bag_info_add(info, a, "External-Identifier", br_arena_printf(a, "%s/v%d", id, r->version));
    br_bag_info_add(info, a, "Bag-Group-Identifier", id);
    br_bag_info_add(info, a, "Bagging-Date", iso_date(now, false, a));
    br_bag_info_add(info, a, "Bag-Software-Agent", br_arena_printf(a, "boardreport %s", tool_version));
    br_bag_info_add(info, a, BR_BAG_TITLE, r->title);
    br_bag_info_add(info, a, BR_BAG_PERIOD, r->period_id);
    br_bag_info_add(info, a, BR_BAG_VERSION, br_arena_printf(a, "%d", r->version));
    if (r->date.year)
        br_bag_info_add(info, a, "Report-Date", br_arena_printf(a, "%04d-%02d-%02d", r->date.year,
                                                                r->date.month, r->date.day));
    br_bag_info_add(info, a, BR_BAG_ISSUED, iso_date(now, true, a));
    br_bag_info_add(info, a, BR_BAG_MAIN, br_arena_printf(a, "data/source/%s", main_file_name(sources, r)));
    br_bag_info_add(info, a, BR_BAG_PDF, br_arena_printf(a, "data/%s", pdf_name));
    br_bag_info_add(info, a, BR_BAG_PDF_SHA, pdf_sha256);
    br_bag_info_add(info, a, BR_BAG_SOURCE_SHA, sources->digest);
    for (size_t i = 0; i < r->ncorrections; i++)
        br_bag_info_add(info, a, BR_BAG_CORRECTION, r->corrections[i]);
}

/* ---- listing ---- */

/* The names in dir, sorted; hidden ones left out. */
static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static size_t list_dir(const char *dir, const char ***names, br_arena *arena)
{
    DIR *d = opendir(dir);
    size_t n = 0, cap = 0;
    *names = NULL;
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.')
            *BR_PUSH(arena, *names, n, cap) = br_arena_strdup(arena, e->d_name);
    closedir(d);
    return n;
}

bool br_arc_package_read(br_arc_package *pkg, const char *dir, br_arena *arena)
{
    memset(pkg, 0, sizeof *pkg);
    if (!br_bag_info_read(&pkg->info, dir, arena))
        return false;
    pkg->dir = dir;
    const char *v = br_bag_info_get(&pkg->info, BR_BAG_VERSION);
    pkg->version = v ? atoi(v) : 0;
    const char *period = br_bag_info_get(&pkg->info, BR_BAG_PERIOD);
    br_period p = {0};
    if (period && br_period_parse(period, &p))
        pkg->period_end = p.end;
    const char *slash = strrchr(dir, '/');
    const char *report_end = slash ? slash : dir;
    const char *start = report_end;
    while (start > dir && start[-1] != '/')
        start--;
    pkg->report_folder = br_arena_strndup(arena, start, (size_t)(report_end - start));
    return true;
}

static int package_order(const void *x, const void *y)
{
    const br_arc_package *a = x, *b = y;
    int c = br_date_compare(a->period_end, b->period_end);
    if (c != 0)
        return c;
    const char *pa = br_bag_info_get(&a->info, BR_BAG_PERIOD);
    const char *pb = br_bag_info_get(&b->info, BR_BAG_PERIOD);
    if ((c = strcmp(pa ? pa : "", pb ? pb : "")) != 0)
        return c;
    if ((c = strcmp(a->report_folder, b->report_folder)) != 0)
        return c;
    return (a->version > b->version) - (a->version < b->version);
}

void br_arc_list(br_arc_packages *out, const char *archive, br_arena *arena)
{
    memset(out, 0, sizeof *out);
    const char **periods, **reports, **versions;
    size_t np = list_dir(archive, &periods, arena);
    for (size_t i = 0; i < np; i++) {
        const char *pdir = br_arena_printf(arena, "%s/%s", archive, periods[i]);
        size_t nr = list_dir(pdir, &reports, arena);
        for (size_t j = 0; j < nr; j++) {
            const char *rdir = br_arena_printf(arena, "%s/%s", pdir, reports[j]);
            size_t nv = list_dir(rdir, &versions, arena);
            for (size_t k = 0; k < nv; k++) {
                if (versions[k][0] != 'v')
                    continue;
                const char *vdir = br_arena_printf(arena, "%s/%s", rdir, versions[k]);
                br_arc_package pkg;
                if (br_arc_package_read(&pkg, vdir, arena)) {
                    *BR_PUSH(arena, out->items, out->n, out->cap) = pkg;
                } else {
                    int e = errno;
                    size_t n = out->nunread;
                    *BR_PUSH(arena, out->unread, out->nunread, out->unread_cap) = vdir;
                    *BR_PUSH(arena, out->unread_errno, n, out->unread_errno_cap) = e;
                }
            }
        }
    }
    if (out->n > 1)   /* qsort may not be given NULL, even for none */
        qsort(out->items, out->n, sizeof *out->items, package_order);
}

bool br_arc_rebuild_paths(br_arc_rebuild *rb, const br_arc_package *pkg, br_arena *arena,
                          br_diags *diags)
{
    const char *main = br_bag_info_get(&pkg->info, BR_BAG_MAIN);
    const char *pdf = br_bag_info_get(&pkg->info, BR_BAG_PDF);
    const char *tdir = br_arena_printf(arena, "%s/data/source/template", pkg->dir);
    const char **templates;
    size_t nt = list_dir(tdir, &templates, arena);
    /* base/ holds the templates it extends, if any: not the paper's own. */
    for (size_t i = 0; i < nt; i++)
        if (strcmp(templates[i], "base") == 0 && is_dir(br_arena_printf(arena, "%s/base", tdir)))
            templates[i--] = templates[--nt];
    br_loc at = {br_arena_printf(arena, "%s/bag-info.txt", pkg->dir), 0, 0};
    if (!main || !pdf || strstr(main, "..") || strstr(pdf, "..")) {
        br_error(diags, at, "lacks %s or %s: not a package boardreport issued", BR_BAG_MAIN, BR_BAG_PDF);
        return false;
    }
    if (nt != 1) {
        br_error(diags, (br_loc){tdir, 0, 0}, "should hold the one template the paper used");
        return false;
    }
    char real[PATH_MAX];
    const char *tfile = br_arena_printf(arena, "%s/%s", tdir, templates[0]);
    rb->report = br_arena_printf(arena, "%s/%s", pkg->dir, main);
    rb->template_file = realpath(tfile, real) ? br_arena_strdup(arena, real) : tfile;
    rb->font_dir = br_arena_printf(arena, "%s/data/source/fonts", pkg->dir);
    rb->pdf = br_arena_printf(arena, "%s/%s", pkg->dir, pdf);
    return true;
}

/* ---- issuing ---- */

static bool make_dirs(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
        *s = '/';
        if (!ok)
            return false;
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

static bool plain_name(const char *name)
{
    return name[0] != '/' && strcmp(name, "..") != 0 && strncmp(name, "../", 3) != 0 &&
           !strstr(name, "/../") && !strstr(name, "/./") && !strstr(name, "//") &&
           (strlen(name) < 3 || strcmp(name + strlen(name) - 3, "/..") != 0);
}

/* Copies from to to, hashing the bytes copied. */
static bool copy_file(const char *from, const char *to, char sha[BR_SHA256_HEX])
{
    FILE *in = br_file_read(from);
    if (!in)
        return false;
    FILE *out = fopen(to, "wb");
    br_sha256 s;
    br_sha256_init(&s);
    unsigned char buf[65536];
    size_t n;
    bool ok = out != NULL;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        br_sha256_update(&s, buf, n);
        ok = fwrite(buf, 1, n, out) == n;
    }
    ok = ok && !ferror(in);
    fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    unsigned char d[BR_SHA256_LEN];
    br_sha256_final(&s, d);
    br_sha256_to_hex(d, sha);
    return ok;
}

static bool copy_source(const br_arc_stage *st, const br_arc_source *f, br_arena *arena,
                        br_diags *diags)
{
    br_loc at = {f->path, 0, 0};
    if (!plain_name(f->name)) {
        br_error(diags, at, "cannot be kept in the package under the name '%s'", f->name);
        return false;
    }
    char *to = br_arena_printf(arena, "%s/data/source/%s", st->dir, f->name);
    char *slash = strrchr(to, '/');
    *slash = '\0';
    bool dirs = make_dirs(to);
    *slash = '/';
    char sha[BR_SHA256_HEX];
    if (!dirs || !copy_file(f->path, to, sha)) {
        br_error(diags, at, "cannot copy into the package: %s", strerror(errno));
        return false;
    }
    if (strcmp(sha, f->sha256) != 0) {
        br_error(diags, at, "changed while the paper was being issued; run issue again");
        return false;
    }
    return true;
}

static void remove_one(const char *path, bool is_dir);
static void each_below(const char *dir, void (*fn)(const char *path, bool is_dir),
                       br_arena *arena);

/* Removes the staging folders (".vN.tmp-PID-XXXXXX") in dir that a run
 * killed outright (SIGKILL, a crash) left behind: those whose process is
 * gone.  A folder of a run still going, or of another machine's process
 * with a live pid here, is left alone; either way none is ever a package. */
static void remove_stale(const char *dir, br_arena *arena)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        const char *t = e->d_name[0] == '.' && e->d_name[1] == 'v' ? strstr(e->d_name, ".tmp-") : NULL;
        char *end;
        long pid = t ? strtol(t + 5, &end, 10) : 0;
        if (pid <= 0 || *end != '-' || pid == (long)getpid() ||
            !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
            continue;
        each_below(br_arena_printf(arena, "%s/%s", dir, e->d_name), remove_one, arena);
    }
    closedir(d);
}

bool br_arc_stage_begin(br_arc_stage *st, const char *final_dir, const br_arc_sources *sources,
                        br_arena *arena, br_diags *diags)
{
    st->final_dir = final_dir;
    st->dir = NULL;
    char *parent = br_arena_strdup(arena, final_dir);
    char *slash = strrchr(parent, '/');
    *slash = '\0';
    /* The pid in the name tells a later run whether its owner still runs. */
    char *tmp = br_arena_printf(arena, "%s/.%s.tmp-%ld-XXXXXX", parent, slash + 1, (long)getpid());
    if (make_dirs(parent))
        remove_stale(parent, arena);
    if (!make_dirs(parent) || !br_file_make_temp_dir(tmp)) {
        br_error(diags, (br_loc){parent, 0, 0}, "cannot create the package folder: %s",
                 strerror(errno));
        return false;
    }
    st->dir = tmp;
    for (size_t i = 0; i < sources->nfiles; i++)
        if (!copy_source(st, &sources->files[i], arena, diags))
            return false;
    return true;
}

/* Calls fn on every file and folder under dir and then on dir itself,
 * children before their folder (so a folder is made read-only, or
 * removed, only after what is in it). */
static void each_below(const char *dir, void (*fn)(const char *path, bool is_dir),
                       br_arena *arena)
{
    DIR *d = opendir(dir);
    if (d) {
        for (struct dirent *e; (e = readdir(d)) != NULL;) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            const char *p = br_arena_printf(arena, "%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                each_below(p, fn, arena);
            else
                fn(p, false);
        }
        closedir(d);
    }
    fn(dir, true);
}

static void make_read_only(const char *path, bool is_dir)
{
    chmod(path, is_dir ? 0555 : 0444);
}

static void remove_one(const char *path, bool is_dir)
{
    if (is_dir)
        rmdir(path);
    else
        unlink(path);
}

int br_arc_stage_commit(br_arc_stage *st, const br_bag_info *info, br_arena *arena,
                        br_diags *diags)
{
    br_loc at = {st->final_dir, 0, 0};
    if (!br_bag_write(st->dir, info, arena)) {
        br_error(diags, at, "cannot write the package: %s", strerror(errno));
        return 0;
    }
    /* rename(2) moves a folder only onto an absent or empty one, so exactly
     * one of two runs gets there; the loser's folder is left for abort. */
    if (exists(st->final_dir) || rename(st->dir, st->final_dir) != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY || exists(st->final_dir))
            return -1;
        br_error(diags, at, "cannot move the package into place: %s", strerror(errno));
        return 0;
    }
    br_file_unguard_dir();
    each_below(st->final_dir, make_read_only, arena);
    st->dir = NULL;
    return 1;
}

void br_arc_stage_abort(br_arc_stage *st, br_arena *arena)
{
    if (st->dir) {
        each_below(st->dir, remove_one, arena);
        br_file_unguard_dir();
    }
    st->dir = NULL;
}

/* ---- a package's facts ---- */

static void fact(const br_arc_package *pkg, const char *label, const char *said,
                 const char *source, br_arena *arena, br_diags *diags)
{
    if (said && source && strcmp(said, source) == 0)
        return;
    br_error(diags, (br_loc){br_arena_printf(arena, "%s/bag-info.txt", pkg->dir), 0, 0},
             "%s is '%s', but the paper's source says '%s': bag-info.txt was edited after "
             "issue, or the package is not what it claims", label, said ? said : "(none)",
             source ? source : "(none)");
}

bool br_arc_facts_check(const br_arc_package *pkg, const br_report *r, br_arena *arena,
                        br_diags *diags)
{
    size_t before = diags->errors;
    fact(pkg, BR_BAG_TITLE, br_bag_info_get(&pkg->info, BR_BAG_TITLE), r->title, arena, diags);
    fact(pkg, BR_BAG_PERIOD, br_bag_info_get(&pkg->info, BR_BAG_PERIOD), r->period_id, arena,
         diags);
    fact(pkg, BR_BAG_VERSION, br_bag_info_get(&pkg->info, BR_BAG_VERSION),
         br_arena_printf(arena, "%d", r->version), arena, diags);
    size_t k = 0;
    for (size_t i = 0; i < pkg->info.nfields; i++) {
        const br_bag_field *f = &pkg->info.fields[i];
        if (strcmp(f->label, BR_BAG_CORRECTION) != 0)
            continue;
        fact(pkg, br_arena_printf(arena, "%s %zu", BR_BAG_CORRECTION, k + 1), f->value,
             k < r->ncorrections ? r->corrections[k] : NULL, arena, diags);
        k++;
    }
    for (; k < r->ncorrections; k++)
        fact(pkg, br_arena_printf(arena, "%s %zu", BR_BAG_CORRECTION, k + 1), NULL,
             r->corrections[k], arena, diags);
    return diags->errors == before;
}

bool br_arc_place_check(const br_arc_package *pkg, br_arena *arena, br_diags *diags)
{
    br_loc at = {pkg->dir, 0, 0};
    struct stat st;
    if (lstat(pkg->dir, &st) == 0 && S_ISLNK(st.st_mode)) {
        br_error(diags, at, "is a symbolic link to another package: each version is in the "
                 "archive once, as a folder of its own");
        return false;
    }
    const char *slash = strrchr(pkg->dir, '/');
    const char *name = slash ? slash + 1 : pkg->dir;
    const char *period = br_bag_info_get(&pkg->info, BR_BAG_PERIOD);
    const char *want = br_arena_printf(arena, "v%d", pkg->version);
    bool ok = pkg->version > 0 && strcmp(name, want) == 0;
    if (!ok)
        br_error(diags, at, "is named '%s' but its bag-info.txt says version %d: a copied or "
                 "renamed package, or an edited bag-info.txt; version %d belongs in '%s'", name, pkg->version,
                 pkg->version, want);
    const char *report_end = slash;
    const char *pstart = NULL, *pend = NULL;
    if (report_end) {
        pend = report_end;
        while (pend > pkg->dir && pend[-1] != '/')
            pend--;                       /* start of <report> */
        if (pend > pkg->dir) {
            pend--;                       /* the slash before <report> */
            pstart = pend;
            while (pstart > pkg->dir && pstart[-1] != '/')
                pstart--;
        }
    }
    const char *folder = period ? br_arc_period_folder(period, arena) : NULL;
    if (pstart && folder && (strlen(folder) != (size_t)(pend - pstart) ||
                             strncmp(pstart, folder, (size_t)(pend - pstart)) != 0)) {
        br_error(diags, at, "is in the period folder '%.*s' but holds a paper of %s, whose "
                 "folder is '%s'", (int)(pend - pstart), pstart, period, folder);
        ok = false;
    }
    return ok;
}
