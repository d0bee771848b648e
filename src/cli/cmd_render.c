/* cmd_render.c — `boardreport render`: the whole pipeline to a PDF. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "br_compose.h"
#include "br_layout.h"
#include "br_paint.h"
#include "br_report.h"

static const char *const render_help =
    "usage: boardreport render PATH [-o OUT.pdf]\n"
    "\n"
    "Checks the report, lays it out with its template and writes the PDF.\n"
    "Without -o the PDF goes next to report.yaml, named from the title and the\n"
    "period (and the version, for a re-issue: ...-v2.pdf), so that each issued\n"
    "paper keeps its own file.  The PDF is written to a temporary file and\n"
    "renamed into place only when complete: a failed run never replaces a good\n"
    "PDF.  The same input gives the same bytes.\n"
    "\n"
    "exit status: 0 written, 1 invalid input or cannot write, 2 usage error\n";

/* "Performance Challenge …" + "2019/20 Q2" -> "performance-challenge-…-2019-20-q2". */
static void slug_append(char *out, size_t cap, const char *s)
{
    size_t n = strlen(out);
    bool dash = n > 0 && out[n - 1] == '-';
    for (; s && *s && n + 2 < cap; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isalnum(ch)) {
            out[n++] = (char)tolower(ch);
            dash = false;
        } else if (!dash && n > 0) {
            out[n++] = '-';
            dash = true;
        }
    }
    out[n] = '\0';
}

static const char *default_output(const br_report *r)
{
    char name[160] = "";
    slug_append(name, 100, r->title);
    if (strlen(name) && name[strlen(name) - 1] != '-')
        strcat(name, "-");
    slug_append(name, sizeof name - 12, r->period_id);
    size_t n = strlen(name);
    while (n && name[n - 1] == '-')
        name[--n] = '\0';
    if (r->version > 1)
        return br_arena_printf(r->arena, "%s/%s-v%d.pdf", r->dir, n ? name : "report", r->version);
    return br_arena_printf(r->arena, "%s/%s.pdf", r->dir, n ? name : "report");
}

static bool render(const char *path, const char *out, br_arena *arena, br_diags *diags,
                   const char **written)
{
    br_template t;
    br_report *r = br_report_prepare(path, &t, arena, diags);
    if (!r)
        return false;
    br_style style;
    br_doc *doc = br_compose(r, &t, &style, arena, diags);
    br_fontset fonts = {0};
    char err[512];
    if (!br_fontset_load(&fonts, t.font_dir, t.font_files, err, sizeof err)) {
        br_error(diags, (br_loc){t.path, 0, 0}, "%s", err);
        return false;
    }
    br_pages *pages = br_layout(doc, &style, &fonts, arena, diags);
    bool ok = pages && !br_diags_failed(diags);
    if (ok) {
        *written = out ? out : default_output(r);
        ok = br_paint(pages, doc, &style, &fonts, *written, diags);
    }
    br_fontset_free(&fonts);
    return ok;
}

int br_cmd_render(int argc, char **argv)
{
    if (br_wants_help(argc, argv))
        return fputs(render_help, stdout), 0;
    const char *path = NULL, *out = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (++i == argc)
                return br_usage_error("render", "%s needs a file name", argv[i - 1]);
            out = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return br_usage_error("render", "unknown option '%s'", argv[i]);
        } else if (path) {
            return br_usage_error("render", "more than one PATH ('%s')", argv[i]);
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return br_usage_error("render", "expected a PATH%s", "");
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    const char *written = NULL;
    bool ok = render(path, out, arena, &diags, &written);
    int status = br_finish(&diags, ok);
    if (status == 0)
        printf("%s\n", written);
    br_arena_free(arena);
    return status;
}
