/* fuzz_template.c — libFuzzer target: a house-style template.
 *
 * The input is the text of a template, written to house.yaml beside a
 * fixed report (fuzz_template_report: a front sheet, headings, paragraphs
 * with markup and footnotes, a measure table, a milestone table, a finance
 * table, a chart, a landscape page break) that names it with
 * `template: house.yaml`.  The whole render path runs on it, as
 * src/cli/cmd_render.c does: prepare (which reads the template), compose,
 * fonts, layout and paint into a br_file_out that is abandoned, so the
 * template's page sizes, margins, text styles, colours, running header and
 * footer, words and number formats all reach layout and libharu.  Any
 * crash, sanitizer report, leak or hang is a bug.
 */
#include "fuzz_common.h"

#include "br_compose.h"
#include "br_file.h"
#include "br_layout.h"
#include "br_paint.h"
#include "br_report.h"

static const char fuzz_template_report[] =
    "report:\n"
    "  title: Performance Challenge of Children's Services\n"
    "  subtitle: Quarter 2, 2019/20\n"
    "  organisation: Doncaster Council\n"
    "  addressee: To the Mayor and Members of the Cabinet\n"
    "  period: 2019/20 Q2\n"
    "  date: 2019-10-17\n"
    "  status: draft\n"
    "  template: house.yaml\n"
    "  classification: Not exempt\n"
    "include: [measures.yaml, finance.yaml]\n"
    "periods: [2018/19 Q1, 2018/19 Q2, 2018/19 Q3, 2018/19 Q4, 2019/20 Q1, 2019/20 Q2]\n"
    "people:\n"
    "  JM: Jo Moxon, Assistant Director Education\n"
    "footnotes:\n"
    "  provisional: Provisional figure\n"
    "milestones:\n"
    "  - {id: A12, objective: A, title: Costed improvement plans, due: [2019-12-31], lead: JM,\n"
    "     status: on-track, progress: Plans agreed with 12 of 14 schools.}\n"
    "sections:\n"
    "  - type: front_sheet\n"
    "    facts:\n"
    "      - {label: Wards Affected, value: All}\n"
    "  - {type: heading, title: EXECUTIVE SUMMARY}\n"
    "  - type: paragraphs\n"
    "    numbered: true\n"
    "    text:\n"
    "      - \"**Demand** is *steady*[^provisional]: 5,590 contacts, down 1.7%.\"\n"
    "      - \"A second paragraph that runs long enough to wrap across more than one line of the page.\"\n"
    "  - {type: measure_table, title: Key measures, ids: [fixed-demand, fixed-percent]}\n"
    "  - {type: milestone_table, title: Milestones, ids: [A12]}\n"
    "  - {type: finance_table, finance: fixed-finance}\n"
    "  - {type: chart, kind: bar, group_by: group, title: Status by group}\n"
    "  - {type: page_break, orientation: landscape}\n"
    "  - {type: heading, title: Appendix}\n"
    "  - {type: measure_table, ids: [fixed-percent], columns: [title, 2019/20 Q1, value, target, status, trend]}\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    fuzz_write("report.yaml", fuzz_template_report, sizeof fuzz_template_report - 1);
    return 0;
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
    br_file_out out;
    if (pages && !br_diags_failed(diags) && br_file_out_open(&out, fuzz_pdf, NULL, 0)) {
        br_paint(pages, doc, &style, &fonts, &out, diags);
        br_file_out_abandon(&out);   /* the bytes are not the point: painting them is */
    }
    br_fontset_free(&fonts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("house.yaml", data, size);
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    render(arena, &diags);
    br_arena_free(arena);
    return 0;
}
