/* cmd_render.c — `boardreport render`: the whole pipeline to a PDF. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char render_help[] =
    "usage: boardreport render [options] PATH\n"
    "\n"
    "Checks the report, lays it out with its template and writes the PDF.\n"
    "Without -o the PDF goes next to report.yaml, named from the title and the\n"
    "period (and the version, for a re-issue: ...-v2.pdf), so that each issued\n"
    "paper keeps its own file (a title with no letter or digit to name it by is\n"
    "report-<8 hex digits of its SHA-256>); -o - writes it to standard output.\n"
    "The PDF is written to a temporary file and renamed into place only when\n"
    "complete: a failed run never replaces a good PDF, and OUT may not be one of\n"
    "the files the report reads.  The same input gives the same bytes.  Nothing\n"
    "is written into the archive or an issued package, even through a symbolic\n"
    "link, and no existing YAML file is replaced ('boardreport issue --help').\n"
    "\n"
    "With --watch, renders again each time a file the report reads is saved,\n"
    "printing the messages each time, until interrupted (Ctrl-C).  With -o -,\n"
    "the PDF goes to standard output.\n"
    "\n"
    "With --no-tags (or the template's 'tagged: false'), the PDF has no\n"
    "structure tree: a large paper is about a tenth quicker to make and a\n"
    "quarter smaller, but not accessible (a screen reader meets no headings,\n"
    "tables or reading order), so never the paper to publish: a working copy\n"
    "only.\n"
    "\n"
    "exit status: 0 written, 1 invalid input or cannot write, 2 usage error\n";

/* render's default output (next to report.yaml) never goes into the
 * archive: rendering the sources kept in a package needs an -o outside it
 * (and -o is guarded like every output: br_cli_may_write). */
static bool outside_archive(const br_built *b, const char *out, br_diags *diags)
{
    const br_report *r = b->report;
    const char *archive = br_arc_dir(NULL);
    if (!out && br_arc_inside(r->dir, archive)) {
        br_error(diags, (br_loc){r->main_file, 0, 0},
                 "is inside the archive (%s), and render writes next to it; give -o OUT.pdf "
                 "outside the archive (issued papers are never written over)", archive);
        return false;
    }
    size_t ninputs;
    const char *const *inputs = br_cli_inputs(diags, &b->template, diags->arena, &ninputs);
    return br_cli_may_write(out, NULL, inputs, ninputs, diags);
}

static bool render(const char *path, const br_opts *opts, br_arena *arena, br_diags *diags,
                   const char **written)
{
    const char *out = opts->output;
    br_built b;
    bool ok = br_cli_build(&b, path, NULL, NULL, arena, diags) && outside_archive(&b, out, diags);
    if (ok) {
        *written = out ? out : br_arena_printf(arena, "%s/%s", b.report->dir,
                                               br_arc_pdf_name(b.report, arena));
        b.style.untagged |= opts->no_tags;
        ok = br_cli_paint(&b, *written, diags);
    }
    br_cli_built_free(&b);
    return ok;
}

static const br_cmd_spec spec = {"render", render_help, BR_OPT_WATCH | BR_OPT_NO_TAGS, 1, 1,
                                 "one PATH"};

/* One run: check, lay out, write; prints the diagnostics and the file
 * written (not when the PDF itself goes to standard output). */
static int render_once(const br_opts *opts, const char *path)
{
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    const char *written = NULL;
    bool ok = render(path, opts, arena, &diags, &written);
    int status = br_finish(&diags, ok);
    if (status == 0 && !opts->quiet && strcmp(written, "-") != 0)
        printf("%s\n", br_diag_escape(arena, written));
    br_arena_free(arena);
    return status;
}

int br_cmd_render(int argc, char **argv)
{
    br_opts opts;
    int usage = br_cli_parse(&spec, argc, argv, &opts);
    if (usage >= 0)
        return usage;
    usage = br_cli_binary_out("render", opts.output && strcmp(opts.output, "-") == 0, "a PDF", "pdf");
    if (usage >= 0)
        return usage;
    if (opts.watch)
        return br_cli_watch(&opts, opts.args[0], render_once);
    return render_once(&opts, opts.args[0]);
}
