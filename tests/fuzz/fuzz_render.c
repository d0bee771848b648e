/* fuzz_render.c — libFuzzer target: the whole `render` pipeline.
 *
 * The input is the main file (see fuzz_common.h).  The call sequence is
 * src/cli/cmd_render.c's: br_report_prepare, br_compose, br_fontset_load,
 * br_layout and br_paint to a PDF in the fuzzer's temporary folder.  Any
 * crash, sanitizer report, leak or hang is a bug.
 */
#include "fuzz_common.h"

#include "br_compose.h"
#include "br_layout.h"
#include "br_paint.h"
#include "br_report.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

/* As src/cli/cmd_render.c: into a br_file_out, committed when complete. */
static void paint_to(const br_pages *pages, const br_doc *doc, const br_style *style,
                     const br_fontset *fonts, br_diags *diags)
{
    br_file_out out;
    if (!br_file_out_open(&out, fuzz_pdf, NULL, 0))
        return;
    if (br_paint(pages, doc, style, fonts, &out, diags))
        br_file_out_commit(&out);
    else
        br_file_out_abandon(&out);
}

static void render(br_arena *arena, br_diags *diags)
{
    br_template t;
    br_report *r = br_report_prepare(fuzz_report, &t, arena, diags);
    if (!r)
        return;
    br_style style;
    br_doc *doc = br_compose(r, &t, &style, arena, diags);
    br_fontset fonts = {0};
    char err[512];
    if (!br_fontset_load(&fonts, t.font_dir, t.font_files, err, sizeof err))
        return;
    br_pages *pages = br_layout(doc, &style, &fonts, arena, diags);
    if (pages && !br_diags_failed(diags))
        paint_to(pages, doc, &style, &fonts, diags);
    br_fontset_free(&fonts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("report.yaml", data, size);
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    render(arena, &diags);
    br_arena_free(arena);
    return 0;
}
