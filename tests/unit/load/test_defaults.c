/* test_defaults.c — a file's defaults: give its own rows the keys they do
 * not write: a row's key wins, `key: ~` opts out, an included file keeps
 * its own, and a default that cannot be one, is unknown or sets nothing
 * is reported at defaults:. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_report.h"

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/br-defaults-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"report.yaml", "more.yaml"};
    char path[128];
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    return rmdir(dir);
}

static const char *const head =
    "report: {title: T, period: 2012-08}\n"
    "periods: [2012-08]\n"
    "people: {JM: Jo Moxon, CP: Chris Pratt}\n"
    "sections: [{type: objective, id: A, title: A}, {type: objective, id: C, title: C}]\n";

typedef struct loaded {
    br_arena *a;
    br_diags d;
    br_report *r;
} loaded;

static void load(loaded *l, const char *body)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", head, body);
    write_file("report.yaml", text);
    l->a = br_arena_new();
    br_diags_init(&l->d, l->a);
    l->r = br_report_load(dir, l->a, &l->d);
}

/* The diagnostic whose message holds needle (NULL: none). */
static const br_diag *find(const loaded *l, const char *needle)
{
    for (size_t i = 0; i < l->d.count; i++)
        if (strstr(l->d.items[i].message, needle))
            return &l->d.items[i];
    return NULL;
}

static void rows_take_what_they_do_not_write(void **state)
{
    (void)state;
    loaded l;
    load(&l, "defaults: {objective: A, lead: JM, polarity: higher}\n"
             "measures:\n"
             "  - {id: a1, title: One, values: {2012-08: 1}}\n"
             "  - {id: c1, objective: C, title: Two, values: {2012-08: 2}, polarity: lower}\n"
             "milestones:\n"
             "  - {id: A12, title: Plans, due: 2012-06-30}\n"
             "  - {id: A13, title: Review, due: 2012-06-30, lead: CP}\n"
             "  - {id: A14, title: Unled, due: 2012-06-30, lead: ~}\n");
    assert_non_null(l.r);
    assert_int_equal(l.d.errors, 0);
    assert_int_equal(l.r->nmeasures, 2);
    assert_string_equal(l.r->measures[0].objective, "A");
    assert_int_equal(l.r->measures[0].polarity, BR_POLARITY_HIGHER);
    assert_string_equal(l.r->measures[1].objective, "C");       /* its own wins */
    assert_int_equal(l.r->measures[1].polarity, BR_POLARITY_LOWER);
    assert_int_equal(l.r->nmilestones, 3);
    assert_string_equal(l.r->milestones[0].objective, "A");
    assert_string_equal(l.r->milestones[0].lead, "JM");
    assert_int_equal(l.r->milestones[0].lead_loc.line, 5);     /* the default's place */
    assert_string_equal(l.r->milestones[1].lead, "CP");
    assert_null(l.r->milestones[2].lead);                        /* lead: ~ opts out */
    assert_int_equal(l.r->milestones[0].loc.line, 10);           /* the row keeps its own */
    br_arena_free(l.a);
}

static void an_included_file_says_its_own(void **state)
{
    (void)state;
    write_file("more.yaml", "defaults: {objective: C}\n"
                            "measures: [{id: c1, title: Two, values: {2012-08: 2}}]\n");
    loaded l;
    load(&l, "include: more.yaml\n"
             "defaults: {objective: A}\n"
             "measures: [{id: a1, title: One, values: {2012-08: 1}}]\n"
             "milestones: [{id: X1, title: Plans, due: 2012-06-30}]\n");
    assert_non_null(l.r);
    assert_int_equal(l.d.errors, 0);
    assert_int_equal(l.r->nmeasures, 2);
    assert_string_equal(l.r->measures[0].objective, "A");
    assert_string_equal(l.r->measures[1].objective, "C");
    assert_string_equal(l.r->milestones[0].objective, "A");
    br_arena_free(l.a);
}

static void what_cannot_be_a_default_is_an_error_there(void **state)
{
    (void)state;
    loaded l;
    load(&l, "defaults: {id: x, objectiv: A, colour: red, title: T}\n"
             "measures: [{id: a1, title: One, objective: A, values: {2012-08: 1}}]\n");
    const br_diag *id = find(&l, "'id' cannot be a default");
    assert_non_null(id);
    assert_int_equal(id->severity, BR_SEV_ERROR);
    assert_int_equal(id->loc.line, 5);
    assert_int_equal(id->loc.col, 12);
    assert_non_null(find(&l, "'title' cannot be a default"));
    assert_non_null(find(&l, "unknown key 'objectiv' in 'defaults'; did you mean 'objective'?"));
    assert_non_null(find(&l, "unknown key 'colour' in 'defaults'"));
    assert_int_equal(l.d.errors, 4);
    br_arena_free(l.a);
}

static void a_default_no_row_takes_is_a_warning(void **state)
{
    (void)state;
    loaded l;
    load(&l, "defaults: {objective: A, lead: JM}\n"
             "measures: [{id: a1, title: One, values: {2012-08: 1}}]\n");
    assert_non_null(l.r);
    assert_int_equal(l.d.errors, 0);
    const br_diag *w = find(&l, "default 'lead' sets nothing");
    assert_non_null(w);
    assert_int_equal(w->severity, BR_SEV_WARNING);
    assert_null(find(&l, "default 'objective' sets nothing"));
    br_arena_free(l.a);
}

/* '- defaults: {...}' in a list sets the rows after it, over the file's,
 * until the next such entry; it is no row itself. */
static void a_list_entry_sets_the_rows_after_it(void **state)
{
    (void)state;
    loaded l;
    load(&l, "defaults: {objective: A, lead: JM}\n"
             "milestones:\n"
             "  - defaults: {group: Schools}\n"
             "  - {id: A12, title: Plans, due: 2012-06-30}\n"
             "  - {id: A13, title: Review, due: 2012-06-30, lead: CP}\n"
             "  - defaults: {group: Skills, objective: C}\n"
             "  - {id: C14, title: Strategy, due: 2012-07-31}\n"
             "  - defaults: {titel: x}\n");
    assert_non_null(l.r);
    assert_int_equal(l.r->nmilestones, 3);
    assert_string_equal(l.r->milestones[0].group, "Schools");
    assert_string_equal(l.r->milestones[0].objective, "A");     /* the file's, beneath */
    assert_string_equal(l.r->milestones[0].lead, "JM");
    assert_string_equal(l.r->milestones[1].lead, "CP");
    assert_string_equal(l.r->milestones[2].group, "Skills");
    assert_string_equal(l.r->milestones[2].objective, "C");     /* the entry's, over the file's */
    assert_string_equal(l.r->milestones[2].lead, "JM");
    assert_non_null(find(&l, "unknown key 'titel' in 'defaults'; did you mean 'title'?"));
    assert_int_equal(l.d.errors, 1);
    br_arena_free(l.a);
}

static void defaults_must_be_a_mapping(void **state)
{
    (void)state;
    loaded l;
    load(&l, "defaults: [objective, A]\n"
             "measures: [{id: a1, title: One, objective: A, values: {2012-08: 1}}]\n");
    assert_int_equal(l.d.errors, 1);
    assert_non_null(find(&l, "'defaults'"));
    br_arena_free(l.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(rows_take_what_they_do_not_write, setup, teardown),
        cmocka_unit_test_setup_teardown(an_included_file_says_its_own, setup, teardown),
        cmocka_unit_test_setup_teardown(what_cannot_be_a_default_is_an_error_there, setup, teardown),
        cmocka_unit_test_setup_teardown(a_default_no_row_takes_is_a_warning, setup, teardown),
        cmocka_unit_test_setup_teardown(a_list_entry_sets_the_rows_after_it, setup, teardown),
        cmocka_unit_test_setup_teardown(defaults_must_be_a_mapping, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
