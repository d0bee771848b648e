/* test_archive.c — names, the source digest, BagIt packages written and
 * checked, and the differences between two versions of a report. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "br_archive.h"
#include "br_sha256.h"

/* ---- names ---- */

static void slugs_are_lower_case_with_single_dashes(void **state)
{
    br_arena *a = *state;
    assert_string_equal(br_arc_slug("Performance Challenge: Q2 — 2019/20", a),
                        "performance-challenge-q2-2019-20");
    assert_string_equal(br_arc_slug("  --Corporate   Scorecard--  ", a), "corporate-scorecard");
    assert_string_equal(br_arc_slug(NULL, a), "");
    assert_string_equal(br_arc_period_folder("2019/20 Q2", a), "2019-20-Q2");
    assert_string_equal(br_arc_period_folder("2015-12", a), "2015-12");
    assert_int_equal(br_arc_version_of("v1"), 1);
    assert_int_equal(br_arc_version_of("v12"), 12);
    assert_int_equal(br_arc_version_of("v0"), 0);
    assert_int_equal(br_arc_version_of("v01"), 0);
    assert_int_equal(br_arc_version_of("v2.bak"), 0);
    assert_int_equal(br_arc_version_of(".v1.tmp-1-x"), 0);
}

static void pdf_names_follow_render_and_mark_re_issues(void **state)
{
    br_arena *a = *state;
    br_report *r = fx_report_six_quarters(a);
    r->title = "Performance Challenge";
    r->version = 1;
    assert_string_equal(br_arc_pdf_name(r, a), "performance-challenge-2019-20-q2.pdf");
    r->version = 3;
    assert_string_equal(br_arc_pdf_name(r, a), "performance-challenge-2019-20-q2-v3.pdf");
    r->title = NULL;
    r->period_id = NULL;
    assert_string_equal(br_arc_pdf_name(r, a), "report-v3.pdf");
    /* Titles with nothing to slug are told apart by their digest. */
    r->period_id = "2019/20 Q2";
    r->version = 1;
    r->title = "\xc2\xa3\xc2\xa3\xc2\xa3";     /* £££ */
    const char *pounds = br_arc_pdf_name(r, a);
    r->title = "...";
    const char *dots = br_arc_pdf_name(r, a);
    assert_int_equal(strncmp(pounds, "report-", 7), 0);
    assert_int_equal(strlen(pounds), strlen("report-12345678-2019-20-q2.pdf"));
    assert_non_null(strstr(pounds, "-2019-20-q2.pdf"));
    assert_string_not_equal(pounds, dots);
    r->title = "\xc2\xa3\xc2\xa3\xc2\xa3";
    assert_string_equal(pounds, br_arc_pdf_name(r, a));      /* the same title, the same name */
    r->title = "Paper";
    r->period_id = "2019/20 Q2";
    assert_string_equal(br_arc_package_dir("arc", r, 2, a), "arc/2019-20-Q2/paper/v2");
}

/* Writes ARCHIVE/<folder>/v1/bag-info.txt naming title. */
static void issued_as(const char *arc, const char *folder, const char *title)
{
    char path[256];
    snprintf(path, sizeof path, "%s/2019-20-Q2", arc);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/2019-20-Q2/%s", arc, folder);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/2019-20-Q2/%s/v1", arc, folder);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/2019-20-Q2/%s/v1/bag-info.txt", arc, folder);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "Report-Title: %s\nReport-Period: 2019/20 Q2\nReport-Version: 1\n", title);
    fclose(f);
}

/* Two titles of one slug ("Q2: Performance", "Q2 Performance") never
 * share a folder: the one issued second goes beside the first, under its
 * slug and 12 hex digits of its title's SHA-256, and each keeps its own. */
static void titles_of_one_slug_get_their_own_folders(void **state)
{
    br_arena *a = *state;
    char arc[] = "/tmp/br-names-XXXXXX";
    assert_non_null(mkdtemp(arc));
    br_report *r = fx_report_six_quarters(a);
    r->title = "Q2 Performance";
    const char *plain = br_arena_printf(a, "%s/2019-20-Q2/q2-performance/v2", arc);
    assert_string_equal(br_arc_package_dir(arc, r, 2, a), plain);     /* a free folder */
    issued_as(arc, "q2-performance", "Q2 Performance");
    assert_string_equal(br_arc_package_dir(arc, r, 2, a), plain);     /* its own */
    r->title = "Q2: Performance";
    char sha[BR_SHA256_HEX];
    br_sha256_hex(r->title, strlen(r->title), sha);
    const char *own = br_arena_printf(a, "%s/2019-20-Q2/q2-performance-%.12s/v1", arc, sha);
    assert_string_equal(br_arc_package_dir(arc, r, 1, a), own);
    assert_string_equal(br_arc_package_id(own, a),
                        br_arena_printf(a, "2019-20-Q2/q2-performance-%.12s", sha));
    assert_int_equal(system(br_arena_printf(a, "rm -rf '%s'", arc)), 0);
}

/* Where a write may not land: the archive named, a package (bagit.txt at
 * or above), a paper's folder of versions, a period's folder of an archive
 * not named; a dangling link is judged by its target.  Beside it: free. */
static void writes_inside_an_archive_are_recognised(void **state)
{
    br_arena *a = *state;
    char top[] = "/tmp/br-inside-XXXXXX";
    assert_non_null(mkdtemp(top));
    const char *arc = br_arena_printf(a, "%s/arc", top);
    mkdir(arc, 0755);
    issued_as(arc, "paper", "Paper");
    const char *v1 = br_arena_printf(a, "%s/2019-20-Q2/paper/v1", arc);
    FILE *f = fopen(br_arena_printf(a, "%s/bagit.txt", v1), "w");
    assert_non_null(f);
    fclose(f);
    assert_true(br_arc_inside(br_arena_printf(a, "%s/x.pdf", arc), arc));
    assert_true(br_arc_inside(br_arena_printf(a, "%s/data/new/x.pdf", v1), NULL));
    assert_true(br_arc_inside(br_arena_printf(a, "%s/2019-20-Q2/paper/v2", arc), NULL));
    assert_true(br_arc_inside(br_arena_printf(a, "%s/2019-20-Q2/x.pdf", arc), NULL));
    const char *link = br_arena_printf(a, "%s/dangling.pdf", top);
    assert_int_equal(symlink(br_arena_printf(a, "%s/evil.pdf", v1), link), 0);
    assert_true(br_arc_inside(link, NULL));
    assert_false(br_arc_inside(br_arena_printf(a, "%s/x.pdf", top), arc));
    assert_false(br_arc_inside(br_arena_printf(a, "%s/arc-copy/x.pdf", top), arc));
    assert_int_equal(system(br_arena_printf(a, "rm -rf '%s'", top)), 0);
}

/* The digest is of "<sha256>  <name>\n" lines sorted by name, whatever
 * order the files were read in. */
static void source_digest_sorts_by_name(void **state)
{
    br_arena *a = *state;
    br_arc_sources s = {0};
    const char *names[] = {"template/t.yaml", "report/report.yaml", "fonts/R.ttf"};
    for (int i = 0; i < 3; i++) {
        br_arc_source *f = BR_PUSH(a, s.files, s.nfiles, s.cap);
        f->name = names[i];
        br_sha256_hex(names[i], strlen(names[i]), f->sha256);
    }
    br_arc_sources_digest(&s);
    char lines[1024] = "", expect[BR_SHA256_HEX];
    const char *sorted[] = {"fonts/R.ttf", "report/report.yaml", "template/t.yaml"};
    for (int i = 0; i < 3; i++) {
        char h[BR_SHA256_HEX];
        br_sha256_hex(sorted[i], strlen(sorted[i]), h);
        snprintf(lines + strlen(lines), sizeof lines - strlen(lines), "%s  %s\n", h, sorted[i]);
    }
    br_sha256_hex(lines, strlen(lines), expect);
    assert_string_equal(s.digest, expect);
    assert_string_equal(s.files[0].name, "fonts/R.ttf");
}

/* ---- BagIt ---- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *make_bag(br_arena *a)
{
    char *dir = br_arena_strdup(a, "/tmp/br_bag_XXXXXX");
    assert_non_null(mkdtemp(dir));
    mkdir(br_arena_printf(a, "%s/data", dir), 0777);
    mkdir(br_arena_printf(a, "%s/data/source", dir), 0777);
    write_file(br_arena_printf(a, "%s/data/paper.pdf", dir), "%PDF-1.3\n");
    write_file(br_arena_printf(a, "%s/data/source/100%%.yaml", dir), "a: 1\n");
    br_bag_info info = {0};
    br_bag_info_add(&info, a, "Report-Title", "Paper");
    br_bag_info_add(&info, a, "Correction", "first line\nsecond line");
    assert_true(br_bag_write(dir, &info, a));
    return dir;
}

static void rm_bag(br_arena *a, const char *dir)
{
    assert_int_equal(system(br_arena_printf(a, "rm -rf '%s'", dir)), 0);
}

static bool has_message(const br_diags *d, const char *file_end, const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const char *f = d->items[i].loc.file;
        size_t n = f ? strlen(f) : 0, m = strlen(file_end);
        if (n >= m && strcmp(f + n - m, file_end) == 0 && strstr(d->items[i].message, text))
            return true;
    }
    return false;
}

static void written_bag_checks_and_reads_back(void **state)
{
    br_arena *a = *state;
    char *dir = make_bag(a);
    br_diags d;
    br_diags_init(&d, a);
    assert_true(br_bag_check(dir, a, &d));
    assert_int_equal(d.count, 0);
    br_bag_info info;
    assert_true(br_bag_info_read(&info, dir, a));
    assert_string_equal(br_bag_info_get(&info, "Report-Title"), "Paper");
    assert_string_equal(br_bag_info_get(&info, "Correction"), "first line\nsecond line");
    assert_string_equal(br_bag_info_get(&info, "Payload-Oxum"), "14.2");
    FILE *f = fopen(br_arena_printf(a, "%s/manifest-sha256.txt", dir), "rb");
    char line[200];
    bool encoded = false;
    while (fgets(line, sizeof line, f))
        encoded |= strstr(line, "  data/source/100%25.yaml\n") != NULL;
    fclose(f);
    assert_true(encoded);
    rm_bag(a, dir);
}

static void changed_added_and_unlisted_files_are_named(void **state)
{
    br_arena *a = *state;
    char *dir = make_bag(a);
    write_file(br_arena_printf(a, "%s/data/paper.pdf", dir), "%PDF-1.4\n");
    write_file(br_arena_printf(a, "%s/data/extra.txt", dir), "x");
    br_diags d;
    br_diags_init(&d, a);
    assert_false(br_bag_check(dir, a, &d));
    assert_true(has_message(&d, "/data/paper.pdf", "changed since it was issued"));
    assert_true(has_message(&d, "/data/extra.txt", "not listed in manifest-sha256.txt"));
    assert_true(has_message(&d, "/bag-info.txt", "Payload-Oxum"));
    unlink(br_arena_printf(a, "%s/data/paper.pdf", dir));
    br_diags_init(&d, a);
    assert_false(br_bag_check(dir, a, &d));
    assert_true(has_message(&d, "/data/paper.pdf", "listed in manifest-sha256.txt but missing"));
    rm_bag(a, dir);
}

/* A link with the right bytes behind it is still refused. */
static void a_symbolic_link_in_the_payload_fails(void **state)
{
    br_arena *a = *state;
    char *dir = make_bag(a);
    const char *pdf = br_arena_printf(a, "%s/data/paper.pdf", dir);
    const char *outside = br_arena_printf(a, "%s.outside", dir);
    write_file(outside, "%PDF-1.3\n");
    unlink(pdf);
    assert_int_equal(symlink(outside, pdf), 0);
    br_diags d;
    br_diags_init(&d, a);
    assert_false(br_bag_check(dir, a, &d));
    assert_true(has_message(&d, "/data/paper.pdf", "is not a plain file"));
    unlink(outside);
    rm_bag(a, dir);
}

static void edited_tag_file_and_missing_declaration_fail(void **state)
{
    br_arena *a = *state;
    char *dir = make_bag(a);
    write_file(br_arena_printf(a, "%s/bag-info.txt", dir), "Report-Title: Other\n");
    br_diags d;
    br_diags_init(&d, a);
    assert_false(br_bag_check(dir, a, &d));
    assert_true(has_message(&d, "/bag-info.txt", "changed since it was issued"));
    unlink(br_arena_printf(a, "%s/bagit.txt", dir));
    br_diags_init(&d, a);
    assert_false(br_bag_check(dir, a, &d));
    assert_true(has_message(&d, "/bagit.txt", "not a BagIt package"));
    rm_bag(a, dir);
}

/* ---- differences ---- */

static br_report *two_measures(br_arena *a, double q2, const char *comment)
{
    br_report *r = fx_report_six_quarters(a);
    br_measure *m = fx_measure(r, "assess", BR_POLARITY_HIGHER, BR_UNIT_PERCENT);
    m->title = "Assessments on time";
    const double v[] = {89, 91, 89, 86, 87, q2};
    fx_values(m, v, 6);
    m->comment = comment;
    fx_measure(r, "cin", BR_POLARITY_HIGHER, BR_UNIT_PERCENT)->title = "Children in need";
    return r;
}

static const br_change *find(const br_changes *ch, const char *id, const char *field)
{
    for (size_t i = 0; i < ch->n; i++)
        if (ch->items[i].id && strcmp(ch->items[i].id, id) == 0 &&
            strcmp(ch->items[i].field, field) == 0)
            return &ch->items[i];
    return NULL;
}

static void a_changed_value_is_one_figure_change(void **state)
{
    br_arena *a = *state;
    br_report *o = two_measures(a, 91, "Performance improved by four points.");
    br_report *n = two_measures(a, 93, "Performance improved by six points.");
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    const br_change *c = find(&ch, "assess", "2019/20 Q2 value");
    assert_non_null(c);
    assert_true(c->figure && c->authored);
    assert_string_equal(c->old_text, "91");
    assert_string_equal(c->new_text, "93");
    const br_change *t = find(&ch, "assess", "comment");
    assert_non_null(t);
    assert_false(t->figure);
    assert_string_equal(t->words, "Performance improved by [-four-] {+six+} points.");
    assert_null(find(&ch, "cin", "2019/20 Q2 value"));
    assert_string_equal(br_arc_correction(c, 1, a),
                        "Assessments on time: 2019/20 Q2 value corrected from 91 to 93.");
}

static void added_and_removed_measures_are_named(void **state)
{
    br_arena *a = *state;
    br_report *o = two_measures(a, 91, NULL);
    br_report *n = two_measures(a, 91, NULL);
    n->measures[1].id = "cla";
    n->measures[1].title = "Children looked after";
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    assert_non_null(find(&ch, "cla", "added"));
    assert_non_null(find(&ch, "cin", "removed"));
    assert_int_equal(ch.n, 2);
}

static void long_unchanged_runs_are_elided(void **state)
{
    br_arena *a = *state;
    br_report *o = two_measures(a, 91, "one two three four five six seven eight nine ten eleven "
                                       "twelve old thirteen");
    br_report *n = two_measures(a, 91, "one two three four five six seven eight nine ten eleven "
                                       "twelve new thirteen");
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    assert_string_equal(find(&ch, "assess", "comment")->words,
                        "… nine ten eleven twelve [-old-] {+new+} thirteen");
}

/* decimals: is what the paper prints: 11.0 becomes 11 in every figure. */
static void a_changed_decimals_changes_the_printed_figures(void **state)
{
    br_arena *a = *state;
    br_report *o = two_measures(a, 91.25, NULL), *n = two_measures(a, 91.25, NULL);
    o->measures[0].decimals = 1;
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    const br_change *c = find(&ch, "assess", "2019/20 Q2 value");
    assert_non_null(c);
    assert_true(c->figure && c->authored);
    assert_string_equal(c->old_text, "91.3");   /* half away from zero, as printed */
    assert_string_equal(c->new_text, "91.25");
    assert_non_null(find(&ch, "assess", "2018/19 Q1 value"));    /* 89.0 -> 89 */
}

static br_report *with_finance(br_arena *a, size_t nrows, const char *const *labels)
{
    br_report *r = fx_report_six_quarters(a);
    r->nfinance = 1;
    r->finance = br_arena_calloc(a, 1, sizeof *r->finance);
    br_finance *f = &r->finance[0];
    f->id = "rev";
    f->title = "Revenue";
    f->nrows = nrows;
    f->rows = br_arena_calloc(a, nrows + 1, sizeof *f->rows);
    for (size_t i = 0; i < nrows; i++) {
        f->rows[i].label = labels[i];
        f->rows[i].amounts[0][0] = (br_fin_amount){.set = true, .given = true, .value = 10};
    }
    return r;
}

/* A row deleted from a table is named, as an added one is; a second row
 * of the same label is matched by its place among them. */
static void a_deleted_finance_row_is_removed(void **state)
{
    br_arena *a = *state;
    static const char *const before[] = {"Staffing", "Transport", "Staffing"};
    static const char *const after[] = {"Staffing", "Transport"};
    br_changes ch;
    br_arc_diff(with_finance(a, 3, before), with_finance(a, 2, after), &ch, a);
    assert_int_equal(ch.n, 1);
    assert_string_equal(ch.items[0].field, "removed");
    assert_string_equal(ch.items[0].old_text, "Staffing");
    assert_true(ch.items[0].figure && ch.items[0].authored);
    br_arc_diff(with_finance(a, 2, after), with_finance(a, 3, before), &ch, a);
    assert_int_equal(ch.n, 1);
    assert_string_equal(ch.items[0].field, "added");
}

static br_report *with_sections(br_arena *a, const char *fact, bool rag_green, const char *cell,
                                bool with_table)
{
    br_report *r = fx_report_six_quarters(a);
    r->sections = br_arena_calloc(a, 3, sizeof *r->sections);
    br_section *front = &r->sections[r->nsections++];
    front->type = BR_SEC_FRONT_SHEET;
    front->nfacts = 1;
    front->facts = br_arena_calloc(a, 1, sizeof *front->facts);
    front->facts[0] = (br_fact){.label = "Wards Affected", .value = fact};
    br_section *heading = &r->sections[r->nsections++];
    heading->type = BR_SEC_HEADING;
    heading->title = "Summary";
    heading->has_rag = true;
    heading->rag = rag_green ? BR_STATUS_GREEN : BR_STATUS_AMBER;
    if (!with_table)
        return r;
    br_section *table = &r->sections[r->nsections++];
    table->type = BR_SEC_TABLE;
    table->title = "Staff";
    table->nrows = 1;
    table->rows = br_arena_calloc(a, 1, sizeof *table->rows);
    table->rows[0].ncells = 2;
    table->rows[0].cells = br_arena_calloc(a, 2, sizeof *table->rows[0].cells);
    table->rows[0].cells[0].text = "Posts";
    table->rows[0].cells[1].text = cell;
    return r;
}

static const br_change *find_field(const br_changes *ch, const char *field)
{
    for (size_t i = 0; i < ch->n; i++)
        if (strcmp(ch->items[i].field, field) == 0)
            return &ch->items[i];
    return NULL;
}

/* A fact, a heading's RAG, a generic table's figure and a section left
 * out are changes the paper prints. */
static void facts_heading_rags_tables_and_sections_are_compared(void **state)
{
    br_arena *a = *state;
    br_changes ch;
    br_arc_diff(with_sections(a, "All", true, "1,234", true),
                with_sections(a, "North", false, "1,243", true), &ch, a);
    assert_int_equal(ch.n, 3);
    const br_change *fact = find_field(&ch, "Wards Affected");
    assert_non_null(fact);
    assert_true(fact->figure);
    assert_string_equal(fact->label, "Wards Affected");
    const br_change *rag = find_field(&ch, "status");
    assert_non_null(rag);
    assert_string_equal(rag->old_text, "green");
    assert_string_equal(rag->new_text, "amber");
    const br_change *cell = find_field(&ch, "body row 1 cell 2");
    assert_non_null(cell);
    assert_true(cell->figure);
    assert_string_equal(cell->new_text, "1,243");
    br_arc_diff(with_sections(a, "All", true, "1,234", true),
                with_sections(a, "All", true, "1,234", false), &ch, a);
    assert_int_equal(ch.n, 1);
    assert_string_equal(ch.items[0].field, "removed");
    assert_string_equal(ch.items[0].old_text, "Staff");
}

/* Sections without an id are matched by type and title before place: a
 * title heading replaced by a front sheet is that heading removed and a
 * front sheet added, never the next heading "changed" and the last one
 * "removed" (trial 13). */
static void sections_are_matched_by_title_before_place(void **state)
{
    br_arena *a = *state;
    br_report *o = fx_report_six_quarters(a), *n = fx_report_six_quarters(a);
    static const char *const titles[] = {"Performance Profile", "Revenue", "Director's Comment"};
    o->sections = br_arena_calloc(a, 3, sizeof *o->sections);
    n->sections = br_arena_calloc(a, 3, sizeof *n->sections);
    for (size_t i = 0; i < 3; i++)
        o->sections[o->nsections++] = (br_section){.type = BR_SEC_HEADING, .title = titles[i]};
    n->sections[n->nsections++] = (br_section){.type = BR_SEC_FRONT_SHEET};
    for (size_t i = 1; i < 3; i++)
        n->sections[n->nsections++] = (br_section){.type = BR_SEC_HEADING, .title = titles[i]};
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    assert_int_equal(ch.n, 2);
    const br_change *removed = find_field(&ch, "removed"), *added = find_field(&ch, "added");
    assert_non_null(removed);
    assert_string_equal(removed->old_text, "Performance Profile");
    assert_non_null(added);
    assert_string_equal(added->new_text, "front sheet (section 1)");
}

/* A line names the item and what of it changed (its period, the field, or
 * the new value), or gives both values; naming the item for something
 * else ("comment reworded") does not cover a changed figure. */
static void corrections_mention_by_title_id_or_both_values(void **state)
{
    (void)state;
    br_change c = {.item = "measure", .id = "assess-45", .title = "Assessments on time",
                   .label = "Assessments on time", .field = "2019/20 Q2 value",
                   .old_text = "91", .new_text = "93", .figure = true, .authored = true};
    const char *by_title[] = {"ASSESSMENTS ON TIME: Q2 corrected."};
    const char *by_id[] = {"Corrected the figure of assess-45."};
    const char *by_title_only[] = {"Assessments on time: comment reworded."};
    const char *by_new_value[] = {"Assessments on time now 93."};
    const char *by_values[] = {"Q2 was 91%, now 93%."};
    const char *one_value[] = {"Q2 is now 93."};
    const char *inside_a_number[] = {"1991 and 1993 figures."};
    assert_true(br_arc_mentioned(&c, by_title, 1));
    assert_true(br_arc_mentioned(&c, by_id, 1));
    assert_true(br_arc_mentioned(&c, by_values, 1));
    assert_true(br_arc_mentioned(&c, by_new_value, 1));
    assert_false(br_arc_mentioned(&c, by_title_only, 1));
    assert_false(br_arc_mentioned(&c, one_value, 1));
    assert_false(br_arc_mentioned(&c, inside_a_number, 1));
    assert_false(br_arc_mentioned(&c, NULL, 0));
}

/* A finance row's label ("Q3 2012/13") is shared by every capital table
 * of the paper: it names the row only beside its table's name or id, so a
 * line about another table's Q3 row does not cover this one (trial 15). */
static void a_finance_row_is_named_with_its_table(void **state)
{
    (void)state;
    br_change c = {.item = "finance", .id = "ed-capital", .title = "Education: Q3 2012/13",
                   .label = "Q3 2012/13", .field = "actual net", .old_text = "16908",
                   .new_text = "16980", .figure = true, .authored = true};
    const char *its_table[] = {"Education capital: Q3 2012/13 actual spend corrected."};
    const char *its_id[] = {"ed-capital: Q3 2012/13: actual net corrected."};
    const char *other_table[] = {"Children & Families capital: Q3 2012/13 actual spend "
                                 "corrected from 1,985 to 16,980."};
    const char *label_only[] = {"Q3 2012/13 actual spend corrected."};
    assert_true(br_arc_mentioned(&c, its_table, 1));
    assert_true(br_arc_mentioned(&c, its_id, 1));
    assert_false(br_arc_mentioned(&c, other_table, 1));
    assert_false(br_arc_mentioned(&c, label_only, 1));
}

/* Milestones added together are covered by one line naming their range
 * ("C12-C37 added", "C12 to C37", "C12–37"); an id outside it, or a range
 * of another prefix, is not. */
static void a_range_of_ids_mentions_each_id_in_it(void **state)
{
    (void)state;
    br_change c = {.item = "milestone", .id = "C20", .title = "Work plan produced",
                   .label = "Work plan produced", .field = "added", .new_text = "Work plan",
                   .figure = true, .authored = true};
    const char *dash[] = {"Milestones C12-C37 added."};
    const char *en_dash[] = {"Key milestones C12 \u2013 C37 have been added"};
    const char *to[] = {"c12 to c37 added"};
    const char *bare_end[] = {"C12\u201337 added"};
    const char *outside[] = {"C21-C37 added"};
    const char *other_prefix[] = {"A12-A37 added"};
    const char *longer_number[] = {"C12-C370 added; C1-C9"};
    assert_true(br_arc_mentioned(&c, dash, 1));
    assert_true(br_arc_mentioned(&c, en_dash, 1));
    assert_true(br_arc_mentioned(&c, to, 1));
    assert_true(br_arc_mentioned(&c, bare_end, 1));
    assert_false(br_arc_mentioned(&c, outside, 1));
    assert_false(br_arc_mentioned(&c, other_prefix, 1));
    assert_true(br_arc_mentioned(&c, longer_number, 1));    /* 12..370 holds 20 */
    c.id = "C400";
    assert_false(br_arc_mentioned(&c, longer_number, 1));
}

/* A suggested correction words a period as the paper does ("August
 * 2012", not 2012-08) and a status by its word, not its export name. */
static void suggested_corrections_use_the_papers_words(void **state)
{
    br_arena *a = *state;
    br_change ms = {.item = "milestone", .id = "C12", .title = "Work plan produced",
                    .label = "Work plan produced", .field = "status",
                    .old_text = "not_reported", .new_text = "on_track", .figure = true,
                    .authored = true};
    assert_string_equal(br_arc_correction(&ms, 1, a),
                        "Work plan produced: status corrected from Not reported to On track.");
    br_change m = {.item = "measure", .id = "a10", .title = "Primary absence",
                   .label = "Primary absence", .field = "status", .old_text = "amber",
                   .new_text = "green", .figure = true, .authored = true};
    assert_string_equal(br_arc_correction(&m, 1, a),
                        "Primary absence: status corrected from In tolerance to Better than "
                        "target.");
    static const char *const ids[] = {"2012-07", "2012-08"};
    br_report *o = fx_report(a, ids, 2), *n = fx_report(a, ids, 2);
    br_measure *mo = fx_measure(o, "a10", BR_POLARITY_LOWER, BR_UNIT_PERCENT);
    br_measure *mn = fx_measure(n, "a10", BR_POLARITY_LOWER, BR_UNIT_PERCENT);
    mo->values[1] = fx_num(4.2), mn->values[1] = fx_num(4.1);
    br_changes ch;
    br_arc_diff(o, n, &ch, a);
    assert_non_null(find(&ch, "a10", "August 2012 value"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(slugs_are_lower_case_with_single_dashes),
        FX_TEST(pdf_names_follow_render_and_mark_re_issues),
        FX_TEST(titles_of_one_slug_get_their_own_folders),
        FX_TEST(writes_inside_an_archive_are_recognised),
        FX_TEST(source_digest_sorts_by_name),
        FX_TEST(written_bag_checks_and_reads_back),
        FX_TEST(changed_added_and_unlisted_files_are_named),
        FX_TEST(a_symbolic_link_in_the_payload_fails),
        FX_TEST(edited_tag_file_and_missing_declaration_fail),
        FX_TEST(a_changed_value_is_one_figure_change),
        FX_TEST(added_and_removed_measures_are_named),
        FX_TEST(long_unchanged_runs_are_elided),
        FX_TEST(a_changed_decimals_changes_the_printed_figures),
        FX_TEST(a_deleted_finance_row_is_removed),
        FX_TEST(facts_heading_rags_tables_and_sections_are_compared),
        FX_TEST(sections_are_matched_by_title_before_place),
        FX_TEST(corrections_mention_by_title_id_or_both_values),
        FX_TEST(a_finance_row_is_named_with_its_table),
        FX_TEST(a_range_of_ids_mentions_each_id_in_it),
        FX_TEST(suggested_corrections_use_the_papers_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
