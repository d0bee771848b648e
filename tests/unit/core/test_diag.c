/* test_diag.c — printing diagnostics as a compiler does: summary line and
 * its grammar, the cap with a count of the rest, --quiet, warnings as
 * errors, GCC's colours only when asked. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "br_diag.h"

/* Prints d in style st into a string (freed by the caller). */
static char *print(const br_diags *d, br_diag_style st)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    br_diags_print_styled(d, &st, f);
    fclose(f);
    return buf;
}

/* A list of e errors and w warnings on lines 1.., with a source to quote. */
static void fill(br_diags *d, br_arena *a, int e, int w)
{
    static const char text[] = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n";
    br_diags_init(d, a);
    br_diags_add_source(d, "r.yaml", text, sizeof text - 1);
    for (int i = 0; i < e; i++)
        br_error(d, (br_loc){"r.yaml", i % 6 + 1, 1}, "error number %d", i);
    for (int i = 0; i < w; i++)
        br_warning(d, (br_loc){"r.yaml", i % 6 + 1, 4}, "warning number %d", i);
}

/* The same message at the same place (text several entries use through an
 * alias or merge key) prints once, saying how often; the counts stay. */
static void a_repeated_message_prints_once(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 0, 0);
    br_error(&d, (br_loc){"r.yaml", 2, 4}, "tolerance 95 is above the target");
    br_error(&d, (br_loc){"r.yaml", 2, 4}, "tolerance 95 is above the target");
    br_error(&d, (br_loc){"r.yaml", 3, 4}, "tolerance 95 is above the target");
    assert_int_equal(d.count, 2);
    assert_int_equal(d.errors, 3);
    char *out = print(&d, (br_diag_style){.max = 50});
    assert_non_null(strstr(out, "r.yaml:2:4: error: tolerance 95 is above the target (2 times"));
    assert_null(strstr(out, "not shown"));
    assert_non_null(strstr(out, "3 errors generated"));
    free(out);
    br_arena_free(a);
}

/* A warning with no place that repeats one with a place adds nothing. */
static void an_unplaced_repeat_folds_into_the_placed_warning(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 0, 0);
    br_warning(&d, (br_loc){"r.yaml", 1, 4}, "character U+2713 is not in font F");
    br_warning(&d, (br_loc){0}, "character U+2713 is not in font F");
    br_warning(&d, (br_loc){0}, "character U+2605 is not in font F");
    br_warning(&d, (br_loc){0}, "character U+2605 is not in font F");
    assert_int_equal(d.warnings, 3);
    assert_int_equal(d.count, 2);
    char *out = print(&d, (br_diag_style){.max = 50});
    assert_non_null(strstr(out, "character U+2605 is not in font F (2 times)"));
    assert_non_null(strstr(out, "3 warnings generated"));
    free(out);
    br_arena_free(a);
}

/* A word in the wrong case is the known word ("FINAL" was past the edit
 * distance of a five-letter word); a near miss is still suggested. */
static void suggestions_ignore_case_and_allow_near_misses(void **state)
{
    (void)state;
    static const char *const known[] = {"final", "draft"};
    assert_string_equal(br_suggest("FINAL", known, 2), "final");
    assert_string_equal(br_suggest("Draft", known, 2), "draft");
    assert_string_equal(br_suggest("fianl", known, 2), "final");
    assert_null(br_suggest("closed", known, 2));
}

/* A file with lone CR line ends (old Mac): the quoted line is that line,
 * not the whole file on one line. */
static void lone_cr_ends_the_quoted_line(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    static const char text[] = "report:\r  title: x\r  bogus: 1\r";
    br_diags_add_source(&d, "r.yaml", text, sizeof text - 1);
    br_error(&d, (br_loc){"r.yaml", 3, 3}, "unknown key 'bogus'");
    char *out = print(&d, (br_diag_style){0});
    assert_non_null(strstr(out, "\n    bogus: 1\n    ^\n"));
    assert_null(strstr(out, "title"));
    free(out);
    br_arena_free(a);
}

static void summary_counts_with_grammar(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 3, 2);
    char *out = print(&d, (br_diag_style){0});
    assert_non_null(strstr(out, "r.yaml:1:1: error: error number 0\n  a: 1\n  ^\n"));
    assert_non_null(strstr(out, "\n3 errors, 2 warnings generated.\n"));
    free(out);
    fill(&d, a, 1, 0);
    out = print(&d, (br_diag_style){0});
    assert_non_null(strstr(out, "\n1 error generated.\n"));
    free(out);
    fill(&d, a, 0, 1);
    out = print(&d, (br_diag_style){0});
    assert_non_null(strstr(out, "\n1 warning generated.\n"));
    free(out);
    fill(&d, a, 0, 0);
    out = print(&d, (br_diag_style){0});
    assert_string_equal(out, "");
    free(out);
    assert_string_equal(br_plural(a, 1, "finance table"), "1 finance table");
    assert_string_equal(br_plural(a, 0, "section"), "0 sections");
    br_arena_free(a);
}

static void cap_says_how_many_more(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 4, 3);
    char *out = print(&d, (br_diag_style){.max = 2});
    assert_non_null(strstr(out, "error number 1"));
    assert_null(strstr(out, "warning number"));
    assert_non_null(strstr(out, "boardreport: 2 more errors, 3 more warnings not shown "
                                "(--max-errors=0 shows them all)\n"));
    assert_non_null(strstr(out, "4 errors, 3 warnings generated.\n"));
    free(out);
    br_arena_free(a);
}

/* Warnings written before an error must not use up the cap and hide it. */
static void cap_shows_errors_before_warnings(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    for (int i = 0; i < 5; i++)
        br_warning(&d, (br_loc){"r.yaml", 1, i + 1}, "warning number %d", i);
    br_error(&d, (br_loc){"r.yaml", 9, 1}, "the one error");
    char *out = print(&d, (br_diag_style){.max = 3});
    assert_non_null(strstr(out, "the one error"));
    assert_non_null(strstr(out, "warning number 0"));
    assert_non_null(strstr(out, "warning number 1"));
    assert_null(strstr(out, "warning number 2"));
    assert_non_null(strstr(out, "boardreport: 3 more warnings not shown"));
    free(out);
    br_arena_free(a);
}

/* Root cause first: every error prints before any warning (a warning may
 * only follow from an error), each kind in file order. */
static void errors_print_before_warnings(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 0, 0);
    br_warning(&d, (br_loc){"r.yaml", 1, 1}, "person 'JM' is no milestone's lead");
    br_error(&d, (br_loc){"r.yaml", 5, 1}, "unknown key 'leed'");
    br_error(&d, (br_loc){"r.yaml", 3, 1}, "an earlier error");
    br_warning(&d, (br_loc){"r.yaml", 2, 1}, "a later warning");
    br_diags_sort(&d);
    char *out = print(&d, (br_diag_style){0});
    const char *e1 = strstr(out, "an earlier error"), *e2 = strstr(out, "unknown key 'leed'");
    const char *w1 = strstr(out, "person 'JM'"), *w2 = strstr(out, "a later warning");
    assert_true(e1 && e2 && w1 && w2);
    assert_true(e1 < e2 && e2 < w1 && w1 < w2);
    free(out);
    br_arena_free(a);
}

static void quiet_prints_errors_only(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 1, 2);
    char *out = print(&d, (br_diag_style){.quiet = true});
    assert_non_null(strstr(out, "error number 0"));
    assert_null(strstr(out, "warning"));
    assert_null(strstr(out, "generated"));
    free(out);
    br_arena_free(a);
}

static void werror_makes_warnings_errors(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 0, 2);
    char *out = print(&d, (br_diag_style){.werror = true});
    assert_non_null(strstr(out, "r.yaml:1:4: error: warning number 0 [-Werror]\n"));
    assert_non_null(strstr(out, "\n2 errors generated.\n"));
    free(out);
    br_arena_free(a);
}

static void colour_only_when_asked(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    fill(&d, a, 1, 1);
    char *plain = print(&d, (br_diag_style){0});
    assert_null(strchr(plain, '\033'));
    char *out = print(&d, (br_diag_style){.color = true});
    assert_non_null(strstr(out, "\033[01;31merror:\033[m\033[K"));
    assert_non_null(strstr(out, "\033[01;35mwarning:\033[m\033[K"));
    assert_non_null(strstr(out, "\033[01;32m^\033[m\033[K"));
    free(plain);
    free(out);
    br_arena_free(a);
}

/* What reaches the terminal escapes every byte it could act on: C0, C1 in
 * UTF-8, and bytes that are not UTF-8 (a lone 0x9B is CSI to an 8-bit
 * terminal); well-formed text passes as it is. */
static void escape_leaves_no_byte_a_terminal_acts_on(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    assert_string_equal(br_diag_escape(a, "T\x9b" "2J\x9d" "0;x\x07"), "T\\x9b2J\\x9d0;x\\x07");
    assert_string_equal(br_diag_escape(a, "\xc2\x9b" "1m"), "\\u009b1m");
    assert_string_equal(br_diag_escape(a, "Gâr – £5 \xe2\x82"), "Gâr – £5 \\xe2\\x82");
    br_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_repeated_message_prints_once),
        cmocka_unit_test(lone_cr_ends_the_quoted_line),
        cmocka_unit_test(suggestions_ignore_case_and_allow_near_misses),
        cmocka_unit_test(an_unplaced_repeat_folds_into_the_placed_warning),
        cmocka_unit_test(summary_counts_with_grammar),
        cmocka_unit_test(cap_says_how_many_more),
        cmocka_unit_test(cap_shows_errors_before_warnings),
        cmocka_unit_test(quiet_prints_errors_only),
        cmocka_unit_test(werror_makes_warnings_errors),
        cmocka_unit_test(errors_print_before_warnings),
        cmocka_unit_test(colour_only_when_asked),
        cmocka_unit_test(escape_leaves_no_byte_a_terminal_acts_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
