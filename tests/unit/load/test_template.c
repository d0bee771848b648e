/* test_template.c — templates: defaults, files, contrast of RAG colours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <string.h>
#include <cmocka.h>

#include "br_template.h"

static void every_default_rag_style_has_readable_text(void **state)
{
    (void)state;
    br_template t;
    br_template_default(&t);
    for (int i = 0; i < BR_STATUS_COUNT; i++)
        assert_true(br_contrast_ratio(t.status[i].fill, t.status[i].text) >= 4.5);
    for (int i = 0; i < BR_MS_COUNT; i++)
        assert_true(br_contrast_ratio(t.milestone[i].fill, t.milestone[i].text) >= 4.5);
    assert_true(br_contrast_ratio(t.overdue.fill, t.overdue.text) >= 4.5);
}

static void load_named(const char *name, br_template *t, br_diags *d, br_arena *a)
{
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    br_diags_init(d, a);
    br_template_load(t, name, ".", (br_loc){"report.yaml", 1, 1}, a, d);
}

static void shipped_templates_load_cleanly_with_readable_rag_cells(void **state)
{
    (void)state;
    static const char *const names[] = {"cabinet", "improvement-plan", "scorecard"};
    for (size_t i = 0; i < 3; i++) {
        char path[64];
        snprintf(path, sizeof path, "templates/%s.yaml", names[i]);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;   /* a template that is not written yet */
        fclose(f);
        br_arena *a = br_arena_new();
        br_diags d;
        br_template t;
        load_named(names[i], &t, &d, a);
        assert_int_equal(d.errors, 0);
        for (int s = 0; s < BR_STATUS_COUNT; s++)
            assert_true(br_contrast_ratio(t.status[s].fill, t.status[s].text) >= 4.5);
        br_arena_free(a);
    }
}

static void cabinet_template_sets_its_words_and_band(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    br_template t;
    load_named("cabinet", &t, &d, a);
    assert_int_equal(d.errors, 0);
    assert_string_equal(t.status[BR_STATUS_GREEN].label, "Better than target");
    assert_string_equal(t.polarity_words[BR_POLARITY_LOWER], "Smaller is better");
    assert_true(t.trend_band_points == 1.0);
    br_arena_free(a);
}

static void unknown_template_is_an_error_at_the_key(void **state)
{
    (void)state;
    br_arena *a = br_arena_new();
    br_diags d;
    br_template t;
    load_named("no-such-template", &t, &d, a);
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.items[0].loc.line, 1);
    assert_non_null(strstr(d.items[0].message, "not found"));
    br_arena_free(a);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void misspelt_key_and_low_contrast_are_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/br-template-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/house.yaml", dir);
    write_file(path, "trend:\n  band_pionts: 2\nstatus:\n  green: {label: Good, fill: \"#FFFF00\", text: \"#FFFFFF\"}\n");
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    assert_false(br_template_load(&t, "house.yaml", dir, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_int_equal(d.errors, 2);
    assert_non_null(strstr(d.items[0].message, "did you mean 'band_points'?"));
    assert_int_equal(d.items[0].loc.line, 2);
    assert_non_null(strstr(d.items[1].message, "contrast"));
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* Defaults are the vocabulary's; headings: and frequency: replace them one
 * by one, and a misspelt key is an error with a suggestion. */
static void headings_rename_columns(void **state)
{
    (void)state;
    br_template d;
    br_template_default(&d);
    assert_string_equal(d.measure_headings[BR_COL_STATUS], "Position");
    assert_string_equal(d.milestone_headings[BR_MSCOL_DUE], "By when?");
    assert_string_equal(d.split_headings[BR_FIN_NET], "Net");
    assert_string_equal(d.status[BR_STATUS_NO_TARGET].label, "No target");
    char dir[] = "/tmp/br-template-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/house.yaml", dir);
    write_file(path, "headings:\n  measure: {status: RAG, title: Indicator}\n"
                     "  finance: {forecast: Outturn, net: Net total}\n"
                     "  milestone: {dues: Deadline}\n"
                     "frequency: {annual: Yearly}\n");
    br_arena *a = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, a);
    br_template t;
    assert_false(br_template_load(&t, "house.yaml", dir, (br_loc){"r.yaml", 3, 13}, a, &diags));
    assert_int_equal(diags.errors, 1);
    assert_non_null(strstr(diags.items[0].message, "did you mean 'due'?"));
    assert_string_equal(t.measure_headings[BR_COL_STATUS], "RAG");
    assert_string_equal(t.measure_headings[BR_COL_TITLE], "Indicator");
    assert_string_equal(t.measure_headings[BR_COL_TARGET], "Target");
    assert_string_equal(t.finance_headings[BR_FIN_FORECAST], "Outturn");
    assert_string_equal(t.split_headings[BR_FIN_NET], "Net total");
    assert_string_equal(t.milestone_headings[BR_MSCOL_DUE], "By when?");
    assert_string_equal(t.frequency_words[BR_FREQ_ANNUAL], "Yearly");
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* A {placeholder} the text does not take would print literally: a near
 * miss of one it takes is an error with the suggestion, any other a
 * warning; the ones it takes pass. */
static void unknown_placeholders_are_named(void **state)
{
    (void)state;
    char dir[] = "/tmp/br-template-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/house.yaml", dir);
    write_file(path, "footer: {left: \"{title} {organisation} {version} {classification}\",\n"
                     "         center: \"Page {page} of {pages} {appendix}\", right: \"{perod}\"}\n"
                     "header: {left: \"{subtitle} {period} {date} {x} {Title} {}\"}\n"
                     "headings: {measure: {value: \"At {date}\", trend: \"{sofar}\"}}\n"
                     "appendix_label: \"Annex {number}: {title}\"\n");
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    assert_false(br_template_load(&t, "house.yaml", dir, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_int_equal(d.errors, 2);
    assert_int_equal(d.warnings, 2);
    for (size_t i = 0; i < d.count; i++) {
        const char *m = d.items[i].message;
        if (d.items[i].severity == BR_SEV_ERROR && d.items[i].loc.line == 3)
            assert_string_equal(m, "{Title} in a running header or footer is no placeholder: "
                                "placeholders are written in lower case, {title} (it would print "
                                "as written)");
        else if (d.items[i].severity == BR_SEV_ERROR)
            assert_string_equal(m, "{perod} in a running header or footer is no placeholder; did "
                                "you mean {period}? (it would print as written)");
        else
            assert_true(strncmp(m, "{x} in a running header", 23) == 0 ||
                        strncmp(m, "{sofar} in a measure table heading", 34) == 0);
    }
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* Group rows are bold italic unless the template's table: group_face says
 * otherwise (the improvement plan sets them in italic); a face it does not
 * know is an error naming the faces. */
static void group_face_sets_the_group_rows(void **state)
{
    (void)state;
    br_template d;
    br_template_default(&d);
    assert_int_equal(d.style.group_face, BR_FACE_BOLD_ITALIC);
    br_arena *a = br_arena_new();
    br_diags diags;
    br_template t;
    load_named("improvement-plan", &t, &diags, a);
    assert_int_equal(diags.errors, 0);
    assert_int_equal(t.style.group_face, BR_FACE_ITALIC);
    char dir[] = "/tmp/br-template-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/house.yaml", dir);
    write_file(path, "table:\n  group_face: slanted\n");
    br_diags_init(&diags, a);
    assert_false(br_template_load(&t, "house.yaml", dir, (br_loc){"r.yaml", 3, 13}, a, &diags));
    assert_int_equal(diags.errors, 1);
    assert_int_equal(diags.items[0].loc.line, 2);
    assert_non_null(strstr(diags.items[0].message, "bold_italic"));
    br_arena_free(a);
    remove(path);
    rmdir(dir);
}

/* A scratch folder with files for one test; remove_all empties it. */
typedef struct scratch {
    char dir[32];
    char paths[6][160];
    int n;
} scratch;

static const char *put(scratch *s, const char *name, const char *text)
{
    char *p = s->paths[s->n++];
    assert_true(strlen(s->dir) + strlen(name) + 2 <= sizeof s->paths[0]);
    strcpy(p, s->dir);
    strcat(p, "/");
    strcat(p, name);
    write_file(p, text);
    return p;
}

static void remove_all(scratch *s)
{
    while (s->n > 0)
        remove(s->paths[--s->n]);
    char base[64];
    snprintf(base, sizeof base, "%s/base", s->dir);
    rmdir(base);
    rmdir(s->dir);
}

static scratch *new_scratch(void)
{
    static scratch s;
    memset(&s, 0, sizeof s);
    strcpy(s.dir, "/tmp/br-template-XXXXXX");
    assert_non_null(mkdtemp(s.dir));
    return &s;
}

/* A council's template is the keys it changes: extends: takes every key of
 * the template it names (here the shipped cabinet, through a second
 * template of the council's) and its own keys win. */
static void a_template_extends_another(void **state)
{
    (void)state;
    scratch *s = new_scratch();
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    put(s, "council.yaml", "extends: cabinet\nstatus: {green: {label: On target}}\n"
                           "footer: {right: \"{page}\"}\n");
    put(s, "house.yaml", "extends: council.yaml\nheader: false\n"
                         "status: {amber: {label: Near target}}\n");
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    assert_true(br_template_load(&t, "house.yaml", s->dir, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_int_equal(d.errors + d.warnings, 0);
    assert_string_equal(t.status[BR_STATUS_GREEN].label, "On target");      /* council's */
    assert_string_equal(t.status[BR_STATUS_AMBER].label, "Near target");     /* house's */
    assert_true(t.style.table_body.size == 8);                                /* cabinet's */
    for (int i = 0; i < 3; i++)
        assert_string_equal(t.style.header[i], "");                            /* header: false */
    assert_string_equal(t.style.footer[0], "");     /* the council's footer, all three slots */
    assert_string_equal(t.style.footer[2], "{page}");
    assert_string_equal(t.name, "house.yaml");
    assert_int_equal(t.nbases, 2);                  /* farthest first */
    assert_non_null(strstr(t.bases[0], "templates/cabinet.yaml"));
    assert_non_null(strstr(t.bases[1], "/council.yaml"));
    assert_non_null(strstr(t.path, "/house.yaml"));
    br_arena_free(a);
    remove_all(s);
}

/* A base that does not exist, and templates that extend one another in a
 * circle, are errors at the extends: key that names them. */
static void extends_errors_are_at_the_key(void **state)
{
    (void)state;
    scratch *s = new_scratch();
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    put(s, "typo.yaml", "name: typo\nextends: cabnet\n");
    put(s, "a.yaml", "extends: b.yaml\n");
    put(s, "b.yaml", "# b\n\nextends: a.yaml\n");
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    assert_false(br_template_load(&t, "typo.yaml", s->dir, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.items[0].loc.line, 2);
    assert_int_equal(d.items[0].loc.col, 10);
    assert_string_equal(d.items[0].message, "template 'cabnet' not found; did you mean 'cabinet'?");
    br_diags_init(&d, a);
    assert_false(br_template_load(&t, "a.yaml", s->dir, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].loc.file, "b.yaml"));
    assert_int_equal(d.items[0].loc.line, 3);
    assert_non_null(strstr(d.items[0].message, "(a.yaml → b.yaml → a.yaml)"));
    br_arena_free(a);
    remove_all(s);
}

/* An issued package keeps the templates a paper's template extends in
 * template/base/, and a re-render reads them there, never the installed
 * ones (which may have changed since). */
static void a_package_template_extends_its_kept_base(void **state)
{
    (void)state;
    scratch *s = new_scratch();
    setenv("BOARDREPORT_TEMPLATES", "templates", 1);
    const char *house = put(s, "house.yaml", "extends: cabinet\n");
    char base[64];
    snprintf(base, sizeof base, "%s/base", s->dir);
    assert_int_equal(mkdir(base, 0777), 0);
    put(s, "base/cabinet.yaml", "status: {green: {label: Kept}}\n");
    br_arena *a = br_arena_new();
    br_diags d;
    br_diags_init(&d, a);
    br_template t;
    assert_true(br_template_load_file(&t, house, (br_loc){"r.yaml", 3, 13}, a, &d));
    assert_string_equal(t.status[BR_STATUS_GREEN].label, "Kept");
    assert_int_equal(t.nbases, 1);
    br_arena_free(a);
    remove_all(s);
}

/* A house style may reword the finance rounding note, or switch it off,
 * and name the finance status column. */
static void finance_rounding_note_and_status_heading(void **state)
{
    (void)state;
    br_template d;
    br_template_default(&d);
    assert_string_equal(d.rounding_note, "Figures may not sum because of rounding");
    assert_string_equal(d.finance_status_heading, "Status");
    scratch *s = new_scratch();
    put(s, "off.yaml", "finance: {rounding_note: false}\nheadings: {finance: {status: RAG}}\n");
    put(s, "words.yaml", "finance: {rounding_note: \"Rounded to £000s\"}\n");
    br_arena *a = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, a);
    br_template t;
    assert_true(br_template_load(&t, "off.yaml", s->dir, (br_loc){"r.yaml", 3, 13}, a, &diags));
    assert_string_equal(t.rounding_note, "");
    assert_string_equal(t.finance_status_heading, "RAG");
    assert_true(br_template_load(&t, "words.yaml", s->dir, (br_loc){"r.yaml", 3, 13}, a, &diags));
    assert_string_equal(t.rounding_note, "Rounded to £000s");
    assert_int_equal(diags.errors + diags.warnings, 0);
    br_arena_free(a);
    remove_all(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_placeholders_are_named),
        cmocka_unit_test(every_default_rag_style_has_readable_text),
        cmocka_unit_test(shipped_templates_load_cleanly_with_readable_rag_cells),
        cmocka_unit_test(cabinet_template_sets_its_words_and_band),
        cmocka_unit_test(unknown_template_is_an_error_at_the_key),
        cmocka_unit_test(misspelt_key_and_low_contrast_are_errors),
        cmocka_unit_test(headings_rename_columns),
        cmocka_unit_test(group_face_sets_the_group_rows),
        cmocka_unit_test(a_template_extends_another),
        cmocka_unit_test(extends_errors_are_at_the_key),
        cmocka_unit_test(a_package_template_extends_its_kept_base),
        cmocka_unit_test(finance_rounding_note_and_status_heading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
