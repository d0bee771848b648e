/* fuzz_load.c — libFuzzer target: load, check and compute a report.
 *
 * The input is the main file; br_report_prepare loads it (and anything it
 * includes, see fuzz_common.h), checks it, loads its template and
 * computes status, trend and finance.  Then the diagnostics are sorted and
 * printed (quoting source lines under carets) and, for a valid report, the
 * JSON and CSV exports are written — all to /dev/null.  Any crash,
 * sanitizer report or leak is a bug: invalid input must only ever give
 * messages.
 */
#include "fuzz_common.h"

#include "br_export.h"
#include "br_report.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    devnull = fopen("/dev/null", "w");
    return devnull ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("report.yaml", data, size);
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t;
    br_report *r = br_report_prepare(fuzz_report, &t, arena, &diags);
    if (r && !br_diags_failed(&diags)) {
        br_export_json(r, &t, devnull);
        /* every CSV table: they share the xlsx export's cells */
        static const char *const tables[] = {"measures", "values", "milestones", "finance",
                                             "objectives", "report"};
        for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
            br_export_csv_table(r, &t, tables[i], i == 0, devnull);
    }
    br_diags_sort(&diags);
    br_diags_print(&diags, devnull);
    br_arena_free(arena);
    return 0;
}
