/* test_report.c — the input side end to end on tests/good/minimal, and the
 * composer's blocks for it: figures checked by hand against the paper. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "br_compose.h"
#include "br_compute.h"
#include "br_report.h"

typedef struct fixture {
    br_arena *arena;
    br_diags diags;
    br_template t;
    br_report *r;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->arena = br_arena_new();
    br_diags_init(&f->diags, f->arena);
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    f->r = br_report_prepare("tests/good/minimal", &f->t, f->arena, &f->diags);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    br_arena_free(f->arena);
    free(f);
    return 0;
}

static const br_measure *measure(fixture *f, const char *id)
{
    const br_measure *m = br_report_measure(f->r, id);
    assert_non_null(m);
    return m;
}

static void minimal_report_loads_with_two_warnings(void **state)
{
    fixture *f = *state;
    assert_non_null(f->r);
    assert_int_equal(f->diags.errors, 0);
    /* milestone A12 is overdue; cp-second-time's comment is in no table */
    assert_int_equal(f->diags.warnings, 2);
    assert_int_equal(f->r->nmeasures, 5);
    assert_int_equal(f->r->period, 5);
    assert_string_equal(f->r->measures[0].loc.file, "tests/good/minimal/measures.yaml");
    assert_int_equal(f->r->measures[0].loc.line, 2);
    assert_int_equal(f->r->measures[0].loc.col, 5);
}

static void statuses_follow_the_spec_table(void **state)
{
    fixture *f = *state;
    assert_int_equal(measure(f, "cp-second-time")->status, BR_STATUS_GREEN);  /* 3 <= 10 */
    assert_int_equal(measure(f, "re-referrals")->status, BR_STATUS_AMBER);    /* 22 < 27 <= 28 */
    assert_int_equal(measure(f, "cin-close")->status, BR_STATUS_NO_TARGET);   /* target TBD */
    assert_int_equal(measure(f, "contacts")->status, BR_STATUS_NO_TARGET);    /* polarity none */
}

static void demand_changes_match_the_paper(void **state)
{
    fixture *f = *state;
    const br_measure *m = measure(f, "contacts");
    assert_true(m->has_change_previous && m->has_change_year);
    assert_true(fabs(m->change_previous - (5590.0 - 5687.0) / 5687.0 * 100) < 1e-9); /* -1.7% */
    assert_true(fabs(m->change_year - (5590.0 - 5694.0) / 5694.0 * 100) < 1e-9);     /* -1.8% */
    m = measure(f, "lac");
    assert_true(fabs(m->change_previous - 2.676864) < 1e-5);   /* +2.6% in the paper (truncated) */
    assert_true(fabs(m->change_year + 9.443507) < 1e-5);       /* -9.4% */
}

static void finance_net_and_variance_are_computed(void **state)
{
    fixture *f = *state;
    const br_finance *fin = br_report_finance(f->r, "revenue-summary");
    assert_non_null(fin);
    const br_fin_row *row = &fin->rows[0];   /* Children Looked After */
    assert_true(row->amounts[BR_FIN_BUDGET][BR_FIN_NET].value == 29025);
    assert_true(row->amounts[BR_FIN_FORECAST][BR_FIN_NET].value == 27951);
    assert_true(row->amounts[BR_FIN_VARIANCE][BR_FIN_NET].value == 1074);
    assert_true(fin->total[BR_FIN_VARIANCE][BR_FIN_GROSS].value == 828 + 129);
}

static void milestone_before_period_end_is_overdue(void **state)
{
    fixture *f = *state;
    assert_true(f->r->milestones[0].overdue);
}

static size_t count_blocks(const br_doc *doc, br_block_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        n += doc->blocks[i].kind == kind;
    return n;
}

static void composer_builds_every_section(void **state)
{
    fixture *f = *state;
    br_style style;
    br_doc *doc = br_compose(f->r, &f->t, &style, f->arena, &f->diags);
    assert_int_equal(f->diags.errors, 0);
    /* facts, summary, demand, strategic measures, milestones, finance */
    assert_int_equal(count_blocks(doc, BR_BLOCK_TABLE), 6);
    assert_string_equal(style.footer[0], "Performance Challenge of Doncaster Children's Services "
                                         "Trust: 2019/20 Q2");
    assert_string_equal(style.footer[2], "Page {page} of {pages}");
    assert_string_equal(doc->author, "Doncaster Council");
    assert_int_equal(doc->year, 2019);
    int numbered = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].kind == BR_BLOCK_PARAGRAPH && doc->blocks[i].number)
            numbered = doc->blocks[i].number;
    assert_int_equal(numbered, 1);
}

static void status_cells_carry_their_word_and_fill(void **state)
{
    fixture *f = *state;
    br_style style;
    br_doc *doc = br_compose(f->r, &f->t, &style, f->arena, &f->diags);
    bool found = false;
    for (size_t i = 0; i < doc->nblocks && !found; i++) {
        const br_table *t = &doc->blocks[i].table;
        if (doc->blocks[i].kind != BR_BLOCK_TABLE)
            continue;
        for (size_t r = 0; r < t->nrows; r++)
            for (size_t c = 0; c < t->rows[r].ncells; c++) {
                const br_cell *cell = &t->rows[r].cells[c];
                if (cell->has_fill && cell->fill == 0xFFC000 && cell->text.nruns &&
                    strncmp(cell->text.runs[0].text, "In tolerance", 12) == 0)
                    found = true;
            }
    }
    assert_true(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minimal_report_loads_with_two_warnings),
        cmocka_unit_test(statuses_follow_the_spec_table),
        cmocka_unit_test(demand_changes_match_the_paper),
        cmocka_unit_test(finance_net_and_variance_are_computed),
        cmocka_unit_test(milestone_before_period_end_is_overdue),
        cmocka_unit_test(composer_builds_every_section),
        cmocka_unit_test(status_cells_carry_their_word_and_fill),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
