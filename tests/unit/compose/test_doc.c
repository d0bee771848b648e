/* test_doc.c — the document builders and the inline markup parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "br_doc.h"

static int setup(void **state)
{
    *state = br_arena_new();
    return 0;
}

static int teardown(void **state)
{
    br_arena_free(*state);
    return 0;
}

static const br_loc LOC = {"report.yaml", 4, 9};

static br_rich parse(void **state, const char *s, br_face base)
{
    br_rich r = {0};
    br_rich_parse(*state, &r, s, base, LOC);
    return r;
}

static void assert_run(const br_rich *r, size_t i, const char *text, br_face face)
{
    assert_true(i < r->nruns);
    assert_int_equal(r->runs[i].len, strlen(text));
    assert_memory_equal(r->runs[i].text, text, strlen(text));
    assert_int_equal(r->runs[i].face, face);
}

static void emphasis_markers_set_faces(void **state)
{
    br_rich r = parse(state, "a *it* **b** ***bi*** z", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 7);
    assert_run(&r, 0, "a ", BR_FACE_REGULAR);
    assert_run(&r, 1, "it", BR_FACE_ITALIC);
    assert_run(&r, 2, " ", BR_FACE_REGULAR);
    assert_run(&r, 3, "b", BR_FACE_BOLD);
    assert_run(&r, 4, " ", BR_FACE_REGULAR);
    assert_run(&r, 5, "bi", BR_FACE_BOLD_ITALIC);
    assert_run(&r, 6, " z", BR_FACE_REGULAR);
    assert_string_equal(r.runs[0].loc.file, "report.yaml");
    assert_int_equal(r.runs[0].loc.line, 4);
}

static void emphasis_nests(void **state)
{
    br_rich r = parse(state, "**bold *and italic* text**", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 3);
    assert_run(&r, 0, "bold ", BR_FACE_BOLD);
    assert_run(&r, 1, "and italic", BR_FACE_BOLD_ITALIC);
    assert_run(&r, 2, " text", BR_FACE_BOLD);
}

static void emphasis_adds_to_the_base_face(void **state)
{
    br_rich r = parse(state, "Total *est.*", BR_FACE_BOLD);
    assert_int_equal(r.nruns, 2);
    assert_run(&r, 0, "Total ", BR_FACE_BOLD);
    assert_run(&r, 1, "est.", BR_FACE_BOLD_ITALIC);
}

static void unclosed_and_spaced_stars_print_as_written(void **state)
{
    br_rich r = parse(state, "2 * 3 and *open", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 1);
    assert_run(&r, 0, "2 * 3 and *open", BR_FACE_REGULAR);
}

static void backslash_escapes_the_next_character(void **state)
{
    br_rich r = parse(state, "\\*not italic\\* and \\[^x] \\\\", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 1);
    assert_run(&r, 0, "*not italic* and [^x] \\", BR_FACE_REGULAR);
}

static void footnote_reference_is_its_own_run(void **state)
{
    br_rich r = parse(state, "537[^prov] children", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 3);
    assert_run(&r, 0, "537", BR_FACE_REGULAR);
    assert_run(&r, 1, "[^prov]", BR_FACE_REGULAR);
    assert_string_equal(r.runs[1].footnote, "prov");
    assert_null(r.runs[0].footnote);
    assert_run(&r, 2, " children", BR_FACE_REGULAR);
}

static void brackets_that_are_not_references_stay_text(void **state)
{
    br_rich r = parse(state, "[^] [note] [^a b]", BR_FACE_REGULAR);
    assert_int_equal(r.nruns, 1);
    assert_run(&r, 0, "[^] [note] [^a b]", BR_FACE_REGULAR);
}

static void builders_copy_and_default(void **state)
{
    br_doc doc;
    br_doc_init(&doc, *state);
    br_block *b = br_doc_add_block(&doc, BR_BLOCK_TABLE);
    assert_int_equal(doc.nblocks, 1);
    assert_int_equal(b->kind, BR_BLOCK_TABLE);
    char text[] = "5611";
    br_row *h = br_table_add_row(*state, &b->table, true);
    br_row *r = br_table_add_row(*state, &b->table, false);
    assert_int_equal(b->table.nheader, 1);
    assert_int_equal(b->table.nrows, 1);
    br_cell *c = br_row_add_cell(*state, r, text, BR_ALIGN_RIGHT);
    text[0] = 'X';
    assert_int_equal(c->span, 1);
    assert_int_equal(c->align, BR_ALIGN_RIGHT);
    assert_run(&c->text, 0, "5611", BR_FACE_REGULAR);
    assert_int_equal(br_row_add_cell(*state, h, NULL, BR_ALIGN_LEFT)->text.nruns, 0);
    for (int i = 0; i < 20; i++)
        br_row_add_cell(*state, r, "x", BR_ALIGN_LEFT);
    assert_int_equal(r->ncells, 21);
    assert_run(&r->cells[0].text, 0, "5611", BR_FACE_REGULAR);
    br_footnote *f = br_doc_add_footnote(&doc, "prov");
    assert_string_equal(f->key, "prov");
    assert_int_equal(doc.nfootnotes, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(emphasis_markers_set_faces),
        T(emphasis_nests),
        T(emphasis_adds_to_the_base_face),
        T(unclosed_and_spaced_stars_print_as_written),
        T(backslash_escapes_the_next_character),
        T(footnote_reference_is_its_own_run),
        T(brackets_that_are_not_references_stay_text),
        T(builders_copy_and_default),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
