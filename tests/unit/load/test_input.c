/* test_input.c — a report folder's files: include order, and the includes
 * that must be refused (leaving the folder, cycles, missing, twice). */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_input.h"

typedef struct fixture {
    char dir[32];           /* a fresh folder under /tmp, removed afterwards */
    br_arena *arena;
    br_diags diags;
    br_input in;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/br-input-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    f->arena = br_arena_new();
    br_diags_init(&f->diags, f->arena);
    *state = f;
    return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    fixture *f = *state;
    nftw(f->dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    br_arena_free(f->arena);
    free(f);
    return 0;
}

/* Writes text to dir/name, making sub-folders as needed. */
static void write_file(fixture *f, const char *name, const char *text)
{
    char *path = br_arena_printf(f->arena, "%s/%s", f->dir, name);
    for (char *p = path + strlen(f->dir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static const char *in_dir(fixture *f, const char *name)
{
    return br_arena_printf(f->arena, "%s/%s", f->dir, name);
}

static bool load(fixture *f, const char *sub)
{
    return br_input_load(&f->in, sub ? in_dir(f, sub) : f->dir, f->arena, NULL, &f->diags);
}

static void assert_root(fixture *f, size_t i, const char *name)
{
    assert_true(i < f->in.nroots);
    assert_string_equal(f->in.roots[i]->loc.file, in_dir(f, name));
}

/* The only diagnostic is an error in file at line:col holding text. */
static void assert_one_error(fixture *f, const char *file, int line, int col, const char *text)
{
    assert_int_equal(f->diags.errors, 1);
    assert_int_equal(f->diags.count, 1);
    const br_diag *d = &f->diags.items[0];
    assert_string_equal(d->loc.file, in_dir(f, file));
    assert_int_equal(d->loc.line, line);
    assert_int_equal(d->loc.col, col);
    if (!strstr(d->message, text))
        fail_msg("'%s' does not contain '%s'", d->message, text);
}

static void folder_path_loads_its_report_yaml(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "report: {title: T}\n");
    assert_true(load(f, NULL));
    assert_int_equal(f->in.nroots, 1);
    assert_string_equal(f->in.main_file, in_dir(f, "report.yaml"));
    assert_string_equal(f->in.dir, f->dir);
    assert_int_equal(f->diags.count, 0);
}

static void roots_come_main_first_then_includes_depth_first(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: [a.yaml, b.yaml]\n");
    write_file(f, "a.yaml", "include: [sub/c.yaml]\nmeasures: []\n");
    write_file(f, "sub/c.yaml", "include: d.yaml\n");       /* relative to sub/ */
    write_file(f, "sub/d.yaml", "people: {JM: Jo}\n");
    write_file(f, "b.yaml", "finance: []\n");
    assert_true(load(f, "report.yaml"));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(f->in.nroots, 5);
    assert_root(f, 0, "report.yaml");
    assert_root(f, 1, "a.yaml");
    assert_root(f, 2, "sub/c.yaml");
    assert_root(f, 3, "sub/d.yaml");
    assert_root(f, 4, "b.yaml");
}

static void include_climbing_back_inside_is_allowed(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: sub/a.yaml\n");
    write_file(f, "sub/a.yaml", "include: ../b.yaml\n");
    write_file(f, "b.yaml", "measures: []\n");
    assert_true(load(f, NULL));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(f->in.nroots, 3);
    assert_root(f, 2, "sub/../b.yaml");
}

static void include_leaving_the_folder_is_an_error(void **state)
{
    fixture *f = *state;
    write_file(f, "q2/report.yaml", "include: [measures.yaml, ../outside.yaml]\n");
    write_file(f, "q2/measures.yaml", "measures: []\n");
    write_file(f, "outside.yaml", "measures: []\n");
    assert_true(load(f, "q2"));
    assert_one_error(f, "q2/report.yaml", 1, 26, "include '../outside.yaml' leaves the report folder");
    assert_int_equal(f->in.nroots, 2);
}

static void missing_file_outside_the_folder_is_reported_as_outside(void **state)
{
    fixture *f = *state;
    write_file(f, "q2/report.yaml", "include: sub/a.yaml\n");
    write_file(f, "q2/sub/a.yaml", "include: ../../q1/measures.yaml\n");
    assert_true(load(f, "q2"));
    assert_one_error(f, "q2/sub/a.yaml", 1, 10, "leaves the report folder");
}

static void absolute_include_is_an_error(void **state)
{
    fixture *f = *state;
    write_file(f, "a.yaml", "measures: []\n");
    write_file(f, "report.yaml", br_arena_printf(f->arena, "include: %s/a.yaml\n", f->dir));
    assert_true(load(f, NULL));
    assert_one_error(f, "report.yaml", 1, 10, "is an absolute path");
    assert_int_equal(f->in.nroots, 1);
}

static void include_cycle_is_an_error_naming_the_chain(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: a.yaml\n");
    write_file(f, "a.yaml", "include: b.yaml\n");
    write_file(f, "b.yaml", "measures: []\ninclude: [a.yaml]\n");
    assert_true(load(f, NULL));
    assert_one_error(f, "b.yaml", 2, 11, "include cycle: ");
    assert_non_null(strstr(f->diags.items[0].message, "a.yaml -> "));
    assert_int_equal(f->in.nroots, 3);
}

static void file_including_itself_is_a_cycle(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: report.yaml\n");
    assert_true(load(f, NULL));
    assert_one_error(f, "report.yaml", 1, 10, "include cycle");
}

static void missing_include_is_an_error_with_a_suggestion(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include:\n  - measures.yml\n  - finance.yaml\n");
    write_file(f, "measures.yaml", "measures: []\n");
    write_file(f, "finance.yaml", "finance: []\n");
    assert_true(load(f, NULL));   /* the rest is still loaded and checked */
    assert_one_error(f, "report.yaml", 2, 5,
                     "included file 'measures.yml' does not exist; did you mean 'measures.yaml'?");
    assert_int_equal(f->in.nroots, 2);
    assert_root(f, 1, "finance.yaml");
}

static void file_included_twice_is_an_error_at_the_second(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: [measures.yaml, finance.yaml]\n");
    write_file(f, "measures.yaml", "measures: []\n");
    write_file(f, "finance.yaml", "finance: []\ninclude: ./measures.yaml\n");
    assert_true(load(f, NULL));
    assert_one_error(f, "finance.yaml", 2, 10, "'./measures.yaml' is included twice");
    assert_int_equal(f->in.nroots, 3);
}

static void included_file_may_not_hold_report_or_sections(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: extra.yaml\n");
    write_file(f, "extra.yaml", "measures: []\nsections: []\nmeasurs: []\n");
    assert_true(load(f, NULL));
    assert_int_equal(f->diags.errors, 2);
    assert_int_equal(f->diags.items[0].loc.line, 2);
    assert_non_null(strstr(f->diags.items[0].message, "'sections' cannot be in an included file"));
    assert_int_equal(f->diags.items[1].loc.line, 3);
    assert_non_null(strstr(f->diags.items[1].message, "did you mean 'measures'?"));
}

static void include_of_a_folder_is_an_error(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "include: sub\n");
    write_file(f, "sub/a.yaml", "measures: []\n");
    assert_true(load(f, NULL));
    assert_one_error(f, "report.yaml", 1, 10, "is a folder");
}

/* n files report.yaml includes: 0.yaml … */
static void write_includes(fixture *f, int n)
{
    char *list = "";
    for (int i = 0; i < n; i++) {
        list = br_arena_printf(f->arena, "%s%s%d.yaml", list, i ? ", " : "", i);
        write_file(f, br_arena_printf(f->arena, "%d.yaml", i), "measures: []\n");
    }
    write_file(f, "report.yaml", br_arena_printf(f->arena, "include: [%s]\n", list));
}

static void includes_at_the_limit_are_loaded(void **state)
{
    fixture *f = *state;
    write_includes(f, BR_MAX_INCLUDES);
    assert_true(load(f, NULL));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(f->in.nroots, BR_MAX_INCLUDES + 1);
}

static void one_include_beyond_the_limit_is_refused(void **state)
{
    fixture *f = *state;
    write_includes(f, BR_MAX_INCLUDES + 1);
    assert_true(load(f, NULL));
    assert_int_equal(f->diags.errors, 1);
    assert_non_null(strstr(f->diags.items[0].message, "more than 32 included files"));
    assert_int_equal(f->in.nroots, BR_MAX_INCLUDES + 1);
}

static void missing_main_file_loads_nothing(void **state)
{
    fixture *f = *state;
    assert_false(load(f, NULL));
    assert_int_equal(f->diags.errors, 1);
    assert_string_equal(f->diags.items[0].loc.file, in_dir(f, "report.yaml"));
    assert_int_equal(f->in.nroots, 0);
}

static void main_file_that_is_not_a_mapping_loads_nothing(void **state)
{
    fixture *f = *state;
    write_file(f, "report.yaml", "- report: {}\n");
    assert_false(load(f, NULL));
    assert_one_error(f, "report.yaml", 1, 1, "must be a mapping of keys");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(folder_path_loads_its_report_yaml),
        T(roots_come_main_first_then_includes_depth_first),
        T(include_climbing_back_inside_is_allowed),
        T(include_leaving_the_folder_is_an_error),
        T(missing_file_outside_the_folder_is_reported_as_outside),
        T(absolute_include_is_an_error),
        T(include_cycle_is_an_error_naming_the_chain),
        T(file_including_itself_is_a_cycle),
        T(missing_include_is_an_error_with_a_suggestion),
        T(file_included_twice_is_an_error_at_the_second),
        T(included_file_may_not_hold_report_or_sections),
        T(include_of_a_folder_is_an_error),
        T(includes_at_the_limit_are_loaded),
        T(one_include_beyond_the_limit_is_refused),
        T(missing_main_file_loads_nothing),
        T(main_file_that_is_not_a_mapping_loads_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
