/* cmd_verify.c — `boardreport verify`: issued packages intact and
 * rebuildable, and any PDF copy matched to the package that issued it. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char *const verify_help =
    "usage: boardreport verify [options] [--archive DIR] [TARGET...]\n"
    "\n"
    "With no TARGET, checks every package in the archive; a TARGET is a\n"
    "package folder (ARCHIVE/<period>/<report>/v<N>) or a PDF file.\n"
    "\n"
    "A package: its manifests (every payload file present, listed once and\n"
    "matching its SHA-256, nothing extra; the tag files too), then the PDF is\n"
    "rebuilt from data/source/ and compared byte for byte, and the source\n"
    "files the PDF carries inside it are read back and compared with\n"
    "data/source/.  What bag-info.txt says (title, period, version,\n"
    "corrections) must be what the source says, and the folder must be\n"
    "v<version> in its period's folder: a copied, linked or renamed package,\n"
    "or a bag-info.txt edited after issue (its checksum recomputed), fails.\n"
    "A PDF found anywhere (say, downloaded from the council's website): the\n"
    "package that issued it is found by the source digest the PDF carries, and\n"
    "the copy is compared with the issued PDF (a copy re-saved by another tool\n"
    "is told apart from one whose carried sources changed); or it is reported\n"
    "that no package in the archive issued it, naming the files it carries.\n"
    "The archive is DIR, else $BOARDREPORT_ARCHIVE, else ./archive.\n"
    "\n"
    "exit status: 0 all verified, 1 any mismatch (each named), 2 usage error\n"
    "\n"
    "options of verify:\n"
    "  -a, --archive=DIR         the archive to check\n";

/* A line of the listing; out NULL: quiet. */
static void say(FILE *out, const char *fmt, ...)
{
    if (!out)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
}

static const char *describe(const br_arc_package *p, br_arena *arena)
{
    const char *title = br_bag_info_get(&p->info, BR_BAG_TITLE);
    const char *period = br_bag_info_get(&p->info, BR_BAG_PERIOD);
    const char *issued = br_bag_info_get(&p->info, BR_BAG_ISSUED);
    return br_diag_escape(arena, br_arena_printf(arena, "%s, %s, version %d, issued %s",
                                                 title ? title : "?", period ? period : "?",
                                                 p->version, issued ? issued : "?"));
}

/* What the package's PDF carries, read back and checked against the
 * package's data/source/; NULL (with errors) when they differ. */
static const char *carried_sources(const br_arc_package *pkg, br_arena *arena, br_diags *diags)
{
    br_arc_rebuild rb;
    br_arc_attachments a;
    if (!br_arc_rebuild_paths(&rb, pkg, arena, diags) ||
        !br_arc_read_carried(rb.pdf, &a, arena, diags))
        return NULL;
    const char *source_dir = br_arena_printf(arena, "%s/data/source", pkg->dir);
    int n = br_arc_check_carried(&a, rb.pdf, source_dir, arena, diags);
    if (n < 0)
        return NULL;
    if (n == 0)
        return "; its PDF carries no sources (issued before papers carried them)";
    return br_arena_printf(arena, "; its PDF carries its %d source file%s, checked", n,
                           n == 1 ? "" : "s");
}

static bool verify_package(FILE *out, const char *dir, br_arena *arena, br_diags *diags)
{
    size_t before = diags->errors;
    br_arc_package pkg;
    const char *carried = NULL;
    bool ok = br_bag_check(dir, arena, diags);
    if (ok && !br_arc_package_read(&pkg, dir, arena))
        ok = false;
    bool placed = ok && br_arc_place_check(&pkg, arena, diags);
    if (ok)   /* the facts too, when misplaced: the two together say which lies */
        ok = br_cli_rebuild_matches(&pkg, arena, diags) == 1 && placed;
    if (ok)
        ok = (carried = carried_sources(&pkg, arena, diags)) != NULL;
    if (ok)
        say(out, "ok: %s (%s%s)\n", br_diag_escape(arena, dir), describe(&pkg, arena), carried);
    else if (diags->errors == before)
        br_error(diags, (br_loc){dir, 0, 0}, "not a package boardreport can verify");
    return ok;
}

/* The 64 hex digits after key in the PDF's bytes ("/SourceSHA256 (" or the
 * trailer's "/ID [<"), lower-cased; false when absent. */
static bool find_digest(const char *pdf, size_t len, const char *key, char out[BR_SHA256_HEX])
{
    size_t klen = strlen(key);
    for (size_t i = 0; i + klen + 64 <= len; i++) {
        if (memcmp(pdf + i, key, klen) != 0)
            continue;
        size_t j = i + klen;
        while (j < len && strchr(" \t\r\n[<(", pdf[j]))
            j++;
        size_t k = 0;
        while (k < 64 && j + k < len && isxdigit((unsigned char)pdf[j + k]))
            out[k] = (char)tolower((unsigned char)pdf[j + k]), k++;
        if (k == 64 && (j + k == len || !isxdigit((unsigned char)pdf[j + k]))) {
            out[64] = '\0';
            return true;
        }
    }
    return false;
}

static char *read_pdf(const char *path, size_t *len)
{
    FILE *f = br_file_read(path);   /* a FIFO would block forever */
    struct stat st;
    char *data = NULL;
    if (f && fstat(fileno(f), &st) == 0 && (data = malloc((size_t)st.st_size + 1)) != NULL)
        *len = fread(data, 1, (size_t)st.st_size, f);
    if (f)
        fclose(f);
    return data;
}

/* Which package issued the PDF at path: by its digest, else by its bytes. */
static bool verify_pdf(FILE *out, const char *path, const char *archive, br_arena *arena, br_diags *diags)
{
    size_t len = 0;
    char *pdf = read_pdf(path, &len);
    br_loc at = {path, 0, 0};
    if (!pdf) {
        br_error(diags, at, "cannot read: %s", br_file_strerror(errno));
        return false;
    }
    char digest[BR_SHA256_HEX], sha[BR_SHA256_HEX];
    bool has = find_digest(pdf, len, "/" BR_INFO_SOURCE_DIGEST, digest) ||
               find_digest(pdf, len, "/ID", digest);
    br_sha256_hex(pdf, len, sha);
    /* The files it carries, read quietly: a PDF not made by boardreport
     * may carry none, or be one this reader cannot follow. */
    br_arc_attachments carried;
    const char *why;
    size_t n = 0;
    const char *names = "";
    if (br_arc_pdf_attachments((const unsigned char *)pdf, len, &carried, arena, &why))
        for (size_t i = 0; i < carried.n; i++)
            if (carried.items[i].relationship && !carried.items[i].problem) {
                names = br_arena_printf(arena, "%s%s%s", names, names[0] ? ", " : "",
                                        carried.items[i].name);
                n += strcmp(carried.items[i].relationship, "Source") == 0;
            }
    free(pdf);
    br_arc_packages all;
    br_arc_list(&all, archive, arena);
    const br_arc_package *same_source = NULL;
    for (size_t i = 0; i < all.n; i++) {
        const br_arc_package *p = &all.items[i];
        const char *psha = br_bag_info_get(&p->info, BR_BAG_PDF_SHA);
        const char *psrc = br_bag_info_get(&p->info, BR_BAG_SOURCE_SHA);
        if (psha && strcmp(psha, sha) == 0) {
            say(out, "ok: %s was issued as %s (%s)\n", br_diag_escape(arena, path),
                br_diag_escape(arena, p->dir), describe(p, arena));
            return true;
        }
        if (has && psrc && strcmp(psrc, digest) == 0)
            same_source = p;
    }
    if (same_source) {
        /* Whether the data it carries is still the issued data: the
         * differences, if any, follow the error they explain. */
        br_diags detail;
        br_diags_init(&detail, arena);
        int same = n > 0 ? br_arc_check_carried(&carried, path,
                                                br_arena_printf(arena, "%s/data/source",
                                                                same_source->dir),
                                                arena, &detail) : 0;
        br_error(diags, at, "carries the source digest of %s (%s), but its bytes differ from the "
                            "PDF issued there: this copy was altered or re-saved after issue%s",
                 same_source->dir, describe(same_source, arena),
                 same > 0 ? "; the source files it carries are still those issued" : "");
        br_diags_add_errors(diags, &detail);
    } else {
        br_error(diags, at, "no package in the archive %s issued it (%s%s)%s%s%s", archive,
                 has ? "source digest " : "it carries no boardreport source digest",
                 has ? digest : "", n > 0 ? "; it carries its source and data files: " : "",
                 n > 0 ? names : "",
                 n > 0 ? " (`qpdf --show-attachment=NAME FILE` extracts one)" : "");
    }
    return false;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool verify_all(FILE *out, const char *archive, br_arena *arena, br_diags *diags)
{
    if (!is_dir(archive)) {
        br_error(diags, (br_loc){archive, 0, 0}, "no such archive folder (use --archive DIR or "
                                                 "set BOARDREPORT_ARCHIVE)");
        return false;
    }
    br_arc_packages all;
    br_arc_list(&all, archive, arena);
    size_t failed = all.nunread;
    for (size_t i = 0; i < all.nunread; i++)
        br_error(diags, (br_loc){br_arena_printf(arena, "%s/bag-info.txt", all.unread[i]), 0, 0},
                 "cannot read this package's bag-info.txt: %s",
                 br_file_strerror(all.unread_errno[i]));
    for (size_t i = 0; i < all.n; i++)
        failed += !verify_package(out, all.items[i].dir, arena, diags);
    size_t total = all.n + all.nunread;
    say(out, "%zu package%s in %s: %zu verified, %zu failed\n", total, total == 1 ? "" : "s",
           archive, total - failed, failed);
    return failed == 0;
}

static const br_cmd_spec spec = {"verify", verify_help, BR_OPT_ARCHIVE, 0, 1 << 20, "TARGET..."};

int br_cmd_verify(int argc, char **argv)
{
    br_opts o;
    int usage = br_cli_parse(&spec, argc, argv, &o);
    if (usage >= 0)
        return usage;
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    const char *archive = br_arc_dir(o.archive);
    br_file_out listing;
    FILE *out = br_cli_listing_open(&o, &listing, (const char *const *)o.args, (size_t)o.nargs,
                                    archive, &diags);
    bool ok = out != NULL;
    if (out) {
        FILE *say = o.quiet ? NULL : out;   /* -q: errors only, no "ok:" lines */
        ok = o.nargs > 0 || verify_all(say, archive, arena, &diags);
        for (int i = 0; i < o.nargs; i++)
            ok &= is_dir(o.args[i]) ? verify_package(say, o.args[i], arena, &diags)
                                    : verify_pdf(say, o.args[i], archive, arena, &diags);
        ok = br_cli_commit(&listing, &diags) && ok;
    }
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
