/* cmd_issue.c — `boardreport issue`: the paper into the archive, once. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

static const char *const issue_help =
    "usage: boardreport issue [options] PATH [--archive DIR]\n"
    "\n"
    "Checks the report (errors stop it; a draft is refused), renders it and\n"
    "stores the issued paper in the archive as a BagIt package (RFC 8493):\n"
    "  DIR/<period>/<report>/v<version>/  bagit.txt, bag-info.txt, manifests,\n"
    "  data/<the PDF> and data/source/ (the YAML files, template and fonts it was\n"
    "  made from, so that `boardreport verify` can rebuild it byte for byte).\n"
    "The archive is DIR, else $BOARDREPORT_ARCHIVE, else ./archive.\n"
    "\n"
    "An issued paper is never overwritten.  Issuing a version again changes\n"
    "nothing when its source prints the same paper: the same files, or YAML\n"
    "tidied only where the paper shows nothing (comments, key order, anchors;\n"
    "the archive keeps the source it was issued from).  A source that prints\n"
    "anything differently is refused: raise 'version:' and add 'corrections:'.\n"
    "A re-issue must follow the latest version in the archive (v2 after v1,\n"
    "never a gap) and is compared with it: each changed figure no line of\n"
    "'corrections:' mentions (by the item's name and what changed, or by both\n"
    "values) is named, and the re-issue is refused until corrections cover\n"
    "them.  --force issues it anyway (the earlier versions were issued\n"
    "elsewhere, say), with the same findings as warnings.  Package files are\n"
    "read-only; the version folder appears whole or not at all, and of two\n"
    "runs at once exactly one issues it.\n"
    "\n"
    "With -o FILE, a copy of the issued PDF is also written to FILE (for the\n"
    "council's website, say), byte for byte the archived one.\n"
    "\n"
    "exit status: 0 issued or already issued unchanged, 1 invalid input,\n"
    "refused or cannot write, 2 usage error\n"
    "\n"
    "options of issue:\n"
    "  -a, --archive=DIR         the archive to issue into\n"
    "      --force               issue a re-issue that does not follow the latest\n"
    "                            version, or whose corrections miss a change\n";

/* The report may be issued at all: final, and every file inside its folder. */
static bool issuable(const br_built *b, br_diags *diags)
{
    const br_report *r = b->report;
    if (r->status == BR_DRAFT)
        br_error(diags, r->status_loc, "a draft cannot be issued; set 'status: final' when the "
                                       "paper is ready to issue");
    if (b->sources.outside)
        br_error(diags, (br_loc){b->sources.outside, 0, 0},
                 "is read from outside the report's folder, so the package could not rebuild the "
                 "paper; move it into %s", r->dir);
    return !br_diags_failed(diags);
}

/* The first few changes since the issued version, under the refusal, so
 * the user sees at once what differs (diff lists them all). */
static void print_changes(const char *dir, const br_report *r, br_arena *arena)
{
    br_template t;
    br_diags quiet;
    br_diags_init(&quiet, arena);
    const br_report *old = br_arc_load(dir, &t, arena, &quiet);
    br_changes ch = {0};
    if (old)
        br_arc_diff(old, r, &ch, arena);
    const size_t shown = 8;
    for (size_t i = 0; i < ch.n && i < shown; i++) {
        const br_change *c = &ch.items[i];
        fprintf(stderr, "  changed: %s '", c->item);
        br_cli_put_clean(stderr, c->title ? c->title : c->id, 80);
        fprintf(stderr, "': %s", c->field);
        if (c->figure) {
            fputs(": ", stderr);
            br_cli_put_clean(stderr, c->old_text ? c->old_text : "(none)", 80);
            fputs(" -> ", stderr);
            br_cli_put_clean(stderr, c->new_text ? c->new_text : "(none)", 80);
        }
        fputc('\n', stderr);
    }
    if (ch.n > shown)
        fprintf(stderr, "  … and %zu more\n", ch.n - shown);
    if (old && ch.n == 0)
        fputs("  (every figure and text is the same: the template, the fonts or a heading or "
              "setting of the paper differ)\n", stderr);
}

/* -o FILE: a copy of the issued PDF (for the website, say), byte for byte,
 * into copy (opened, and so checked, before anything was issued). */
static bool copy_issued(const char *dir, br_built *b, br_file_out *copy, br_arena *arena,
                        br_diags *diags)
{
    const char *pdf = br_arena_printf(arena, "%s/data/%s", dir, br_arc_pdf_name(b->report, arena));
    size_t ninputs;
    const char *const *inputs = br_cli_inputs(diags, &b->template, arena, &ninputs);
    const char *to = copy->path;
    if (!br_file_out_open(copy, to, inputs, ninputs)) {
        br_error(diags, (br_loc){0}, "%s", copy->error);
        return false;
    }
    FILE *in = br_file_read(pdf);   /* a FIFO would block forever */
    bool ok = in != NULL;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = br_file_out_write(copy, buf, n);
    ok = ok && !ferror(in);
    if (in)
        fclose(in);
    if (!ok) {
        br_file_out_abandon(copy);
        br_error(diags, (br_loc){pdf, 0, 0}, "cannot copy the issued PDF to '%s'", copy->path);
        return false;
    }
    return br_cli_commit(copy, diags);
}

/* The version is already in the archive: a no-op when the source is the
 * same, refused when not.  Returns the exit status. */
static int already_issued(br_built *b, const char *archive, const char *dir, const br_opts *o,
                          br_file_out *copy, br_arena *arena, br_diags *diags)
{
    br_arc_package pkg;
    const br_report *r = b->report;
    const char *issued = NULL, *digest = NULL;
    if (br_arc_package_read(&pkg, dir, arena)) {
        issued = br_bag_info_get(&pkg.info, BR_BAG_ISSUED);
        digest = br_bag_info_get(&pkg.info, BR_BAG_SOURCE_SHA);
    }
    bool same_source = digest && strcmp(digest, b->sources.digest) == 0;
    /* A tidy of the YAML (comments, key order, anchors) that changes no
     * word or figure of the paper is no new version: decided by what the
     * paper prints, never by bytes of source. */
    if (same_source || (digest && br_cli_prints_same(&pkg, b, arena) == 1)) {
        bool copied = !copy || copy_issued(dir, b, copy, arena, diags);
        int status = br_finish(diags, copied);
        if (copied && !o->quiet && same_source)
            printf("already issued: %s holds version %d of this paper from the same source "
               "(SHA-256 %.12s…); nothing changed\n", br_diag_escape(arena, dir), r->version, digest);
        else if (copied && !o->quiet)
            printf("already issued: %s holds version %d of this paper, and this source prints it "
                   "word for word (its YAML differs only where the paper shows nothing: "
                   "comments, key order, anchors); nothing changed: the archive keeps the source "
                   "it was issued from\n", br_diag_escape(arena, dir), r->version);
        return status;
    }
    /* The next version follows the latest issued, not this one: version 1
     * changed after version 2 was issued becomes version 3. */
    const char *latest_dir = NULL;
    int latest = br_arc_latest_issued(r, archive, &latest_dir, arena);
    int next = (latest > r->version ? latest : r->version) + 1;
    br_error(diags, r->version_loc,
             "version %d of this paper was issued %s%s (%s) from different source files, and an "
             "issued paper is never overwritten; to correct it, raise 'version:' to %d and add "
             "'corrections:' saying what changed ('boardreport diff %s %s' lists the changes)",
             r->version, issued ? "on " : "", issued ? issued : "before", dir, next,
             latest > r->version ? latest_dir : dir, r->dir);
    int status = br_finish(diags, false);
    print_changes(dir, r, arena);
    return status;
}

static const char *pdf_digest(const char *pdf, br_arena *arena, br_diags *diags)
{
    char sha[BR_SHA256_HEX];
    if (br_sha256_file(pdf, sha, NULL))
        return br_arena_strdup(arena, sha);
    br_error(diags, (br_loc){pdf, 0, 0}, "cannot read the PDF just written");
    return NULL;
}

/* Paints into the staged package, proves it rebuilds, and moves it into
 * place.  Returns 1 issued, 0 failed, -1 lost to another run. */
static int stage_and_commit(br_built *b, br_arc_stage *st, const char *dir, br_arena *arena,
                            br_diags *diags)
{
    const br_report *r = b->report;
    const char *name = br_arc_pdf_name(r, arena);
    const char *pdf = br_arena_printf(arena, "%s/data/%s", st->dir, name);
    const char *sha = NULL;
    if (!br_cli_paint(b, pdf, diags) || !(sha = pdf_digest(pdf, arena, diags)))
        return 0;
    br_bag_info info;
    br_arc_bag_info(&info, r, br_arc_package_id(dir, arena), &b->sources, name, sha, BR_VERSION,
                    (long long)time(NULL), arena);
    br_arc_package staged = {.dir = st->dir, .info = info};
    if (br_cli_rebuild_matches(&staged, arena, diags) != 1)
        return 0;
    return br_arc_stage_commit(st, &info, arena, diags);
}

static int issue(br_built *b, const char *archive, const br_opts *o, br_file_out *copy,
                 br_arena *arena, br_diags *diags)
{
    const br_report *r = b->report;
    const char *dir = br_arc_package_dir(archive, r, r->version, arena);
    struct stat st_probe;
    if (stat(br_arena_printf(arena, "%s/bagit.txt", dir), &st_probe) == 0)
        return already_issued(b, archive, dir, o, copy, arena, diags);
    if (lstat(dir, &st_probe) == 0) {
        br_error(diags, (br_loc){dir, 0, 0}, "is where version %d goes, but it is no issued "
                 "package (it holds no bagit.txt): something else put it there; move it out of "
                 "the archive, then issue again", r->version);
        return br_finish(diags, false);
    }
    br_arc_reissue_check(r, archive, !o->force, arena, diags);
    if (br_diags_failed(diags))
        return br_finish(diags, false);
    br_arc_stage st;
    int won = br_arc_stage_begin(&st, dir, &b->sources, arena, diags)
                  ? stage_and_commit(b, &st, dir, arena, diags) : 0;
    br_arc_stage_abort(&st, arena);
    if (won < 0)
        br_error(diags, r->version_loc, "version %d was issued by another run at the same time "
                                       "(%s); this run wrote nothing", r->version, dir);
    bool copied = won != 1 || !copy || copy_issued(dir, b, copy, arena, diags);
    int status = br_finish(diags, won == 1 && copied);
    if (won == 1 && !o->quiet)
        printf("issued %s, %s, version %d\n  %s\n", br_diag_escape(arena, r->title),
               br_diag_escape(arena, r->period_id), r->version, br_diag_escape(arena, dir));
    return status;
}

static const br_cmd_spec spec = {"issue", issue_help, BR_OPT_ARCHIVE | BR_OPT_FORCE, 1, 1, "a PATH"};

int br_cmd_issue(int argc, char **argv)
{
    br_opts o;
    int usage = br_cli_parse(&spec, argc, argv, &o);
    if (usage < 0)
        usage = br_cli_binary_out("issue", o.output && strcmp(o.output, "-") == 0, "a PDF", "pdf");
    if (usage >= 0)
        return usage;
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_built b;
    int status;
    const char *archive = br_arc_dir(o.archive);
    br_file_out copy_out, *copy = NULL;
    bool ready = br_cli_build(&b, o.args[0], NULL, NULL, arena, &diags) && issuable(&b, &diags);
    if (ready && o.output) {
        /* -o is checked (an input? inside the archive? writable?) before
         * anything is issued, so a bad -o never follows a side effect. */
        size_t ninputs;
        const char *const *inputs = br_cli_inputs(&diags, &b.template, arena, &ninputs);
        copy = br_cli_listing_open(&o, &copy_out, inputs, ninputs, archive, &diags) ? &copy_out
                                                                                    : NULL;
        ready = copy != NULL;
        if (copy)   /* reopened when the PDF is there: staging keeps its own guard meanwhile */
            br_file_out_abandon(copy);
        o.quiet = o.quiet || strcmp(o.output, "-") == 0;    /* the PDF is standard output */
    }
    if (ready)
        status = issue(&b, archive, &o, copy, arena, &diags);
    else
        status = br_finish(&diags, false);
    br_cli_built_free(&b);
    br_arena_free(arena);
    return status;
}
