/* fuzz_common.h — what the libFuzzer targets share (tests/fuzz/README.md).
 *
 * Each input is the text of a report's main file.  It is written to
 * report.yaml in a private temporary folder that also holds a small, fixed
 * measures.yaml and finance.yaml, so that an input may include them; the
 * templates are the tree's own (BR_FUZZ_ROOT/templates, through
 * $BOARDREPORT_TEMPLATES), with their fonts.  The folder is made once per
 * process and removed at exit.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BR_FUZZ_ROOT
#error "build with -DBR_FUZZ_ROOT='\"/path/to/the/tree\"' (the Makefile does)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_measures[] =
    "measures:\n"
    "  - id: fixed-demand\n"
    "    title: Contacts to the front door\n"
    "    kind: demand\n"
    "    polarity: none\n"
    "    values: {2018/19 Q1: 5611, 2018/19 Q2: 5694, 2019/20 Q1: 5687, 2019/20 Q2: 5590}\n"
    "  - id: fixed-percent\n"
    "    title: Re-referrals within 12 months\n"
    "    objective: A\n"
    "    group: Child Protection\n"
    "    polarity: lower\n"
    "    unit: percent\n"
    "    target: 22\n"
    "    tolerance: 28\n"
    "    values: {2018/19 Q3: 28, 2018/19 Q4: 27, 2019/20 Q1: TBD, 2019/20 Q2: 27}\n"
    "    comment: Performance is steady.\n";

static const char fuzz_finance[] =
    "finance:\n"
    "  - id: fixed-finance\n"
    "    title: Summary of the position\n"
    "    units: gbp_k\n"
    "    rows:\n"
    "      - label: Children Looked After\n"
    "        budget:   { gross: 32483, income: -3458 }\n"
    "        forecast: { gross: 31655, income: -3704 }\n"
    "    total: Grand Total\n";

static char fuzz_dir[64];
static char fuzz_report[128];
static char fuzz_pdf[128];

static void fuzz_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", fuzz_dir, name);
}

static void fuzz_write(const char *name, const void *data, size_t size)
{
    char path[128];
    fuzz_path(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        fprintf(stderr, "fuzz: cannot write %s\n", path);
        abort();
    }
}

static void fuzz_cleanup(void)
{
    static const char *const names[] = {"report.yaml", "measures.yaml", "finance.yaml", "out.pdf",
                                        "house.yaml"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        fuzz_path(path, sizeof path, names[i]);
        unlink(path);
    }
    rmdir(fuzz_dir);
}

/* Makes the folder and the fixed files; points the template search at the tree. */
static void fuzz_setup(void)
{
    strcpy(fuzz_dir, "/tmp/brfuzz-XXXXXX");
    if (!mkdtemp(fuzz_dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    fuzz_path(fuzz_report, sizeof fuzz_report, "report.yaml");
    fuzz_path(fuzz_pdf, sizeof fuzz_pdf, "out.pdf");
    fuzz_write("measures.yaml", fuzz_measures, sizeof fuzz_measures - 1);
    fuzz_write("finance.yaml", fuzz_finance, sizeof fuzz_finance - 1);
    setenv("BOARDREPORT_TEMPLATES", BR_FUZZ_ROOT "/templates", 1);
}

#endif
