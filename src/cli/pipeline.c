/* pipeline.c — YAML to laid-out pages, then to a PDF: the one sequence that
 * render, issue and verify all run, so an issued paper and its rebuild are
 * made by the same code. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "br_compose.h"
#include "br_export.h"
#include "br_paint.h"
#include "br_report.h"

/* The whole of path in the arena, when its SHA-256 is still sha256 (the
 * PDF must carry exactly the files its source digest names). */
static const unsigned char *read_source(const br_arc_source *src, size_t *len, br_arena *arena,
                                        br_diags *diags)
{
    FILE *f = fopen(src->path, "rb");
    unsigned char *data = f && src->size < SIZE_MAX ? br_arena_alloc(arena, (size_t)src->size + 1)
                                                    : NULL;
    size_t got = data ? fread(data, 1, (size_t)src->size, f) : 0;
    bool whole = data && got == src->size && fgetc(f) == EOF && !ferror(f);
    if (f)
        fclose(f);
    char sha[BR_SHA256_HEX];
    if (whole)
        br_sha256_hex(data, got, sha);
    if (!whole || strcmp(sha, src->sha256) != 0) {
        br_error(diags, (br_loc){src->path, 0, 0}, "changed while the paper was being made; "
                                                    "render it again");
        return NULL;
    }
    *len = got;
    return data;
}

/* What the source file named name is, in words. */
static const char *source_description(const char *name, br_arena *arena)
{
    if (strncmp(name, "template/", 9) == 0)
        return br_arena_printf(arena, "The template the paper was set in (%s)", name + 9);
    if (strncmp(name, "report/", 7) == 0)
        return br_arena_printf(arena, "Source of the paper: %s", name + 7);
    return br_arena_printf(arena, "Source of the paper, read from outside its folder: %s",
                           name);
}

/* The export JSON of the report, in the arena; NULL when out of memory. */
static const unsigned char *export_json(const br_built *b, size_t *len, br_arena *arena)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (!f)
        return NULL;
    br_export_json(b->report, &b->template, f);
    bool ok = fclose(f) == 0 && text;
    unsigned char *copy = ok ? br_arena_alloc(arena, n + 1) : NULL;
    if (copy)
        memcpy(copy, text, n);
    free(text);
    *len = n;
    return copy;
}

/* The files the PDF carries (PDF/A-3 associated files): every YAML file
 * the paper was made from (the report's and the template; the fonts are
 * not data) as /Source, and its export JSON as /Data. */
static bool attach_files(br_built *b, br_arena *arena, br_diags *diags)
{
    br_doc_file *files = br_arena_calloc(arena, b->sources.nfiles + 1, sizeof *files);
    size_t n = 0;
    for (size_t i = 0; i < b->sources.nfiles; i++) {
        const br_arc_source *src = &b->sources.files[i];
        if (strncmp(src->name, "fonts/", 6) == 0)
            continue;
        br_doc_file *f = &files[n++];
        f->name = src->name;
        f->description = source_description(src->name, arena);
        f->mime = "application/yaml";
        f->relationship = "Source";
        if (!(f->data = read_source(src, &f->len, arena, diags)))
            return false;
    }
    br_doc_file *json = &files[n++];
    json->name = "export.json";
    json->description = "Every figure of the paper, as boardreport export --format json "
                        "writes it";
    json->mime = "application/json";
    json->relationship = "Data";
    if (!(json->data = export_json(b, &json->len, arena))) {
        br_error(diags, (br_loc){0}, "out of memory writing the paper's export JSON");
        return false;
    }
    b->doc->files = files;
    b->doc->nfiles = n;
    return true;
}

void br_cli_font_check(const br_report *r, const br_template *t, const br_fontset *fonts,
                       br_diags *diags)
{
    br_glyph_warned *w = calloc(1, sizeof *w);
    if (!w)
        br_file_out_of_memory();
    const br_texts *lists[] = {&t->texts, &r->texts};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < lists[k]->n; i++) {
            const br_textref *x = &lists[k]->items[i];
            for (int f = 0; f < BR_FACE_COUNT; f++)
                br_font_check_text(fonts->face[f], x->text, strlen(x->text), x->loc, w, diags);
        }
    free(w);
}

bool br_cli_build(br_built *b, const char *path, const char *template_file,
                  const char *font_dir, br_arena *arena, br_diags *diags)
{
    memset(b, 0, sizeof *b);
    b->report = br_report_prepare_from(path, template_file, font_dir, &b->template, arena, diags);
    if (!b->report)
        return false;
    br_template *t = &b->template;
    b->doc = br_compose(b->report, t, &b->style, arena, diags);
    char err[512];
    if (!br_fontset_load(&b->fonts, t->font_dir, t->font_files, err, sizeof err)) {
        br_error(diags, (br_loc){t->path, 0, 0}, "%s", err);
        return false;
    }
    /* Located first: layout meets the same characters without a place, and
     * its repeats of these warnings fold into them (br_diags). */
    br_cli_font_check(b->report, t, &b->fonts, diags);
    b->pages = br_layout(b->doc, &b->style, &b->fonts, arena, diags);
    if (!b->pages || br_diags_failed(diags))
        return false;
    if (!br_arc_sources_collect(&b->sources, b->report, t, diags, arena, diags))
        return false;
    b->doc->source_digest = b->sources.digest;
    return attach_files(b, arena, diags);
}

bool br_cli_paint(br_built *b, const char *out, br_diags *diags)
{
    size_t ninputs;
    const char *const *inputs = br_cli_inputs(diags, &b->template, diags->arena, &ninputs);
    br_file_out o;
    if (!br_file_out_open(&o, out, inputs, ninputs)) {
        br_error(diags, (br_loc){0}, "%s", o.error);
        return false;
    }
    if (!br_paint(b->pages, b->doc, &b->style, &b->fonts, &o, diags)) {
        br_file_out_abandon(&o);
        return false;
    }
    return br_cli_commit(&o, diags);
}

void br_cli_built_free(br_built *b)
{
    br_fontset_free(&b->fonts);
}

static unsigned char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0 || st.st_size < 0) {
        if (f)
            fclose(f);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    unsigned char *data = malloc(size ? size : 1);
    bool ok = data && fread(data, 1, size, f) == size && fgetc(f) == EOF && !ferror(f);
    fclose(f);
    if (!ok) {
        free(data);
        return NULL;
    }
    *len = size;
    return data;
}

/* 1 when the two files hold the same bytes, 0 when not, -1 when unreadable. */
static int same_bytes(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    unsigned char *da = read_whole(a, &la), *db = read_whole(b, &lb);
    int same = !da || !db ? -1 : la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

static int rebuild_into(const br_arc_package *pkg, const br_arc_rebuild *rb,
                        const char *expected_digest, const char *out, br_arena *arena,
                        br_diags *diags)
{
    br_diags quiet;
    br_diags_init(&quiet, arena);
    br_built b;
    bool ok = br_cli_build(&b, rb->report, rb->template_file, rb->font_dir, arena, &quiet);
    if (ok && expected_digest && strcmp(b.sources.digest, expected_digest) != 0) {
        br_error(&quiet, (br_loc){rb->report, 0, 0},
                 "the sources read give digest %s, not the %s the package records",
                 b.sources.digest, expected_digest);
        ok = false;
    }
    ok = ok && br_arc_facts_check(pkg, b.report, arena, &quiet);
    ok = ok && br_cli_paint(&b, out, &quiet);
    br_cli_built_free(&b);
    br_diags_add_errors(diags, &quiet);   /* its warnings were shown when it was issued */
    return ok ? 1 : -1;
}

/* b painted as its pages show it, without what names its source. */
static bool paint_pages_only(br_built *b, const char *out, br_diags *diags)
{
    br_doc *doc = b->doc;
    const char *digest = doc->source_digest;
    const br_doc_file *files = doc->files;
    size_t nfiles = doc->nfiles;
    doc->source_digest = NULL, doc->files = NULL, doc->nfiles = 0;
    bool ok = br_cli_paint(b, out, diags);
    doc->source_digest = digest, doc->files = files, doc->nfiles = nfiles;
    return ok;
}

int br_cli_prints_same(const br_arc_package *pkg, br_built *now, br_arena *arena)
{
    br_diags quiet;
    br_diags_init(&quiet, arena);
    br_arc_rebuild rb;
    const char *tmpdir = getenv("TMPDIR");
    char *dir = br_arena_printf(arena, "%s/boardreport-compare-XXXXXX",
                                tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!br_arc_rebuild_paths(&rb, pkg, arena, &quiet) || !mkdtemp(dir))
        return -1;
    const char *was = br_arena_printf(arena, "%s/issued.pdf", dir);
    const char *is = br_arena_printf(arena, "%s/now.pdf", dir);
    br_built old;
    bool ok = br_cli_build(&old, rb.report, rb.template_file, rb.font_dir, arena, &quiet) &&
              paint_pages_only(&old, was, &quiet) && paint_pages_only(now, is, &quiet);
    br_cli_built_free(&old);
    int same = ok ? same_bytes(was, is) : -1;
    unlink(was);
    unlink(is);
    rmdir(dir);
    return same;
}

int br_cli_rebuild_matches(const br_arc_package *pkg, br_arena *arena, br_diags *diags)
{
    br_arc_rebuild rb;
    if (!br_arc_rebuild_paths(&rb, pkg, arena, diags))
        return -1;
    const char *tmpdir = getenv("TMPDIR");
    char *dir = br_arena_printf(arena, "%s/boardreport-rebuild-XXXXXX",
                                tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(dir)) {
        br_error(diags, (br_loc){dir, 0, 0}, "cannot create a folder to rebuild in: %s",
                 strerror(errno));
        return -1;
    }
    const char *out = br_arena_printf(arena, "%s/rebuilt.pdf", dir);
    const char *digest = br_bag_info_get(&pkg->info, BR_BAG_SOURCE_SHA);
    int result = rebuild_into(pkg, &rb, digest, out, arena, diags);
    if (result == 1 && (result = same_bytes(out, rb.pdf)) == 0) {
        const char *by = br_bag_info_get(&pkg->info, "Bag-Software-Agent");
        br_error(diags, (br_loc){rb.pdf, 0, 0},
                 "differs from the PDF its sources rebuild to (issued by %s; this is boardreport "
                 "%s)", by ? by : "an unknown version", BR_VERSION);
    } else if (result < 0 && !br_diags_failed(diags)) {
        br_error(diags, (br_loc){rb.pdf, 0, 0}, "cannot be read");
    }
    unlink(out);
    rmdir(dir);
    return result;
}
