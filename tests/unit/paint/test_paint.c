/* test_paint.c — the painter: a hand-built display list into a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "br_paint.h"
#include "../../../src/paint/pdf_int.h"

static const char *const FILES[BR_FACE_COUNT] = {
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf",
};

#define A4_W 595.276
#define A4_H 841.89

static char tmpdir[64];
static br_fontset fonts;

static int setup(void **state)
{
    (void)state;
    char err[256];
    snprintf(tmpdir, sizeof tmpdir, "/tmp/br_paint_XXXXXX");
    /* The objects as libharu writes them, not packed into object streams
     * (test_pack.c tests that step; the integration tests the result). */
    br_pdf_pack_off = true;
    if (!mkdtemp(tmpdir) || !br_fontset_load(&fonts, "fonts", FILES, err, sizeof err))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    br_fontset_free(&fonts);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- a small document, built by hand ---- */

#define TEXT(x_, y_, s_, face_, size_) \
    {.kind = BR_ITEM_TEXT, .x = (x_), .y = (y_), .text = (s_), .len = sizeof(s_) - 1, \
     .face = (face_), .size = (size_), .color = 0x000000}

static br_item portrait_items[] = {
    TEXT(72, 72, "Finance: £54.6m – Café", BR_FACE_BOLD, 14),
    {.kind = BR_ITEM_RECT, .x = 72, .y = 100, .w = 200, .h = 20, .color = 0xC6EFCE},
    TEXT(76, 114, "On target ‘green’ “quoted” ©", BR_FACE_REGULAR, 10),
    {.kind = BR_ITEM_LINE, .x = 72, .y = 130, .x2 = 523, .y2 = 130, .width = 0.5,
     .color = 0x808080},
};

static br_item landscape_items[] = {
    TEXT(72, 72, "Landscape page ↑ ↓ →", BR_FACE_ITALIC, 12),
    {.kind = BR_ITEM_LINE, .x = 72, .y = 90, .x2 = 770, .y2 = 90, .width = 1, .color = 0},
};

static br_page two_pages[] = {
    {A4_W, A4_H, portrait_items, 4, 4},
    {A4_H, A4_W, landscape_items, 2, 2},
};

static br_outline outline[] = {
    {"Finance – £", 1, 0, 72},
    {"Détail", 2, 0, 114},
    {"Deeper", 3, 1, 72},
    {"Second top", 1, 1, 90},
};

static br_pages sample_pages(void)
{
    br_pages p = {two_pages, 2, 2, outline, 4, 4};
    return p;
}

static br_doc sample_doc(void)
{
    br_doc d;
    memset(&d, 0, sizeof d);
    d.title = "Performance – Café report";
    d.author = "Director of Finance";
    d.subject = "Quarter 2, 2019/20";
    d.keywords = "performance, finance";
    d.year = 2019;
    d.month = 10;
    d.day = 17;
    return d;
}

static br_style sample_style(void)
{
    br_style s;
    memset(&s, 0, sizeof s);
    s.draft_text = "DRAFT";
    s.draft_color = 0xE0E0E0;
    return s;
}

/* ---- helpers ---- */

typedef struct run {
    br_arena *arena;
    br_diags diags;
    bool ok;
} run;

static run paint_styled(const br_pages *pages, const br_doc *doc, const br_style *style,
                        const char *path)
{
    run r = {br_arena_new(), {0}, false};
    br_diags_init(&r.diags, r.arena);
    br_file_out out;
    if (!br_file_out_open(&out, path, NULL, 0)) {
        br_error(&r.diags, (br_loc){path, 0, 0}, "%s", out.error);
        return r;
    }
    r.ok = br_paint(pages, doc, style, &fonts, &out, &r.diags);
    if (!r.ok)
        br_file_out_abandon(&out);
    else if (!br_file_out_commit(&out))
        br_error(&r.diags, (br_loc){path, 0, 0}, "%s", out.error), r.ok = false;
    return r;
}

static run paint(const br_pages *pages, const br_doc *doc, const char *path)
{
    br_style style = sample_style();
    return paint_styled(pages, doc, &style, path);
}

static void run_free(run *r)
{
    br_arena_free(r->arena);
}

static char *path_in_tmp(const char *name)
{
    static char buf[4][256];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", tmpdir, name);
    return p;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *d = malloc(cap + 1);
    size_t got;
    while ((got = fread(d + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            d = realloc(d, (cap *= 2) + 1);
    }
    fclose(f);
    d[n] = '\0';
    *len = n;
    return d;
}

static bool contains(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            return true;
    return false;
}

static size_t count(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle), c = 0;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            c++;
    return c;
}

/* Output of a poppler tool run on path, or NULL when it is not installed. */
static char *tool(const char *cmd, const char *path, const char *tail, size_t *len)
{
    char prog[64];
    snprintf(prog, sizeof prog, "/usr/bin/%.*s", (int)strcspn(cmd, " "), cmd);
    if (access(prog, X_OK) != 0)
        return NULL;
    char line[512];
    snprintf(line, sizeof line, "%s '%s' %s 2>/dev/null", cmd, path, tail);
    FILE *f = popen(line, "r");
    assert_non_null(f);
    size_t cap = 4096, n = 0, got;
    char *d = malloc(cap + 1);
    while ((got = fread(d + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            d = realloc(d, (cap *= 2) + 1);
    }
    assert_int_equal(pclose(f), 0);
    d[n] = '\0';
    *len = n;
    return d;
}

/* Paints s (n bytes) at size as the only item of an A4 page into name;
 * returns its pdftotext output (NULL when poppler is missing) in *text. */
static run paint_one_text(const char *s, size_t n, double size, const char *name, char **text,
                          size_t *len)
{
    br_item item = {.kind = BR_ITEM_TEXT, .x = 10, .y = 400, .text = s, .len = n,
                    .face = BR_FACE_REGULAR, .size = size, .color = 0};
    br_page page = {A4_W, A4_H, &item, 1, 1};
    br_pages pages = {&page, 1, 1, NULL, 0, 0};
    br_doc doc = sample_doc();
    const char *out = path_in_tmp(name);
    run r = paint(&pages, &doc, out);
    *text = r.ok ? tool("pdftotext -enc UTF-8", out, "-", len) : NULL;
    return r;
}

static size_t temp_files_left(void)
{
    DIR *d = opendir(tmpdir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strstr(e->d_name, ".tmp."))
            n++;
    closedir(d);
    return n;
}

/* ---- tests ---- */

static void test_writes_a_pdf(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("one.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    assert_int_equal(r.diags.errors + r.diags.warnings, 0);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_non_null(pdf);
    assert_true(len > 1000);
    assert_memory_equal(pdf, "%PDF-", 5);
    assert_true(contains(pdf, len, "%%EOF"));
    assert_int_equal(temp_files_left(), 0);
    free(pdf);
    run_free(&r);
}

static void test_same_input_gives_identical_bytes(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    doc.draft = true;
    const char *a = path_in_tmp("a.pdf"), *b = path_in_tmp("b.pdf");
    run r1 = paint(&pages, &doc, a);
    run r2 = paint(&pages, &doc, b);
    assert_true(r1.ok && r2.ok);
    size_t la, lb;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);
    run_free(&r1);
    run_free(&r2);
}

static void test_text_round_trips_through_pdftotext(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("text.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *text = tool("pdftotext -enc UTF-8", out, "-", &len);
    if (!text) {
        run_free(&r);
        skip();
    }
    assert_true(contains(text, len, "Finance: £54.6m – Café"));
    assert_true(contains(text, len, "On target ‘green’ “quoted” ©"));
    assert_true(contains(text, len, "Landscape page ↑ ↓ →"));
    assert_false(contains(text, len, "DRAFT"));
    free(text);
    run_free(&r);
}

static void test_pages_keep_their_own_sizes(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("sizes.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *info = tool("pdfinfo -f 1 -l 2", out, "", &len);
    if (!info) {
        run_free(&r);
        skip();
    }
    assert_true(contains(info, len, "Pages:           2"));
    assert_true(contains(info, len, "Page    1 size:  595.276 x 841.89 pts (A4)"));
    assert_true(contains(info, len, "Page    2 size:  841.89 x 595.276 pts (A4)"));
    free(info);
    run_free(&r);
}

static void test_document_information_is_utf8_with_fixed_dates(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("info.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_true(contains(pdf, len, "/CreationDate (D:20191017000000Z)"));
    assert_true(contains(pdf, len, "/ModDate (D:20191017000000Z)"));
    assert_false(contains(pdf, len, "/ID"));
    free(pdf);
    char *info = tool("pdfinfo", out, "", &len);
    if (info) {
        assert_true(contains(info, len, "Title:           Performance – Café report"));
        assert_true(contains(info, len, "Author:          Director of Finance"));
        assert_true(contains(info, len, "Subject:         Quarter 2, 2019/20"));
        assert_true(contains(info, len, "Keywords:        performance, finance"));
        assert_true(contains(info, len, "Creator:         boardreport"));
        free(info);
    }
    run_free(&r);
}

/* The report's period, version and source digest go into Info under the
 * keys of br_doc.h, and the document ID is the digest (issue 13). */
static void test_source_digest_names_the_document(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    doc.period = "2019/20 Q2";
    doc.version = 2;
    doc.source_digest = "035aec109393a3068b92ec34e8db72f032152daa268ca6d673d20cba64d8786b";
    const char *out = path_in_tmp("id.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_true(contains(pdf, len, "/" BR_INFO_SOURCE_DIGEST
                                   " (035aec109393a3068b92ec34e8db72f032152daa268ca6d673d20cba64d8786b)"));
    assert_true(contains(pdf, len, "/" BR_INFO_VERSION " (2)"));
    assert_true(contains(pdf, len, "/" BR_INFO_PERIOD " (2019\\05720 Q2)"));
    assert_true(contains(pdf, len, "/ID [ <035AEC109393A3068B92EC34E8DB72F032152DAA268CA6D673D20CBA64D8786B> "
                                   "<035AEC109393A3068B92EC34E8DB72F032152DAA268CA6D673D20CBA64D8786B> ]"));
    free(pdf);
    run_free(&r);
}

static void test_no_dates_when_the_year_is_zero(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    doc.year = 0;
    const char *out = path_in_tmp("nodate.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_false(contains(pdf, len, "/CreationDate"));
    assert_false(contains(pdf, len, "/ModDate"));
    free(pdf);
    run_free(&r);
}

/* Outline dictionaries are not compressed (libharu writes no object
 * streams), so the nesting can be read from the bytes. */
static void test_outline_is_nested_by_level(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("outline.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_true(contains(pdf, len, "/PageMode /UseOutlines"));
    assert_int_equal(count(pdf, len, "/Dest "), 4);
    /* the pages' objects, in order; top = page height - y */
    int p1 = 0, p2 = 0;
    const char *kids = strstr(pdf, "/Kids [ ");
    assert_non_null(kids);
    assert_int_equal(sscanf(kids, "/Kids [ %d 0 R %d 0 R ]", &p1, &p2), 2);
    char want[64];
    snprintf(want, sizeof want, "[ %d 0 R /XYZ 0 769.89", p1);          /* 841.89 - 72 */
    assert_int_equal(count(pdf, len, want), 1);
    snprintf(want, sizeof want, "[ %d 0 R /XYZ 0 727.89", p1);          /* 841.89 - 114 */
    assert_int_equal(count(pdf, len, want), 1);
    snprintf(want, sizeof want, "[ %d 0 R /XYZ 0 523.276 1 ]", p2);
    assert_int_equal(count(pdf, len, want), 1);
    snprintf(want, sizeof want, "[ %d 0 R /XYZ 0 505.276 1 ]", p2);
    assert_int_equal(count(pdf, len, want), 1);
    /* the root, "Finance" and "Détail" have children */
    assert_int_equal(count(pdf, len, "/First "), 3);
    /* "Finance – £" as UTF-16BE with a byte order mark */
    assert_true(contains(pdf, len, "/Title <FEFF00460069006E0061006E0063006500202013002000A3>"));
    free(pdf);
    run_free(&r);
}

static void test_outline_entry_past_the_last_page_is_left_out(void **state)
{
    (void)state;
    br_outline bad[] = {{"Kept", 1, 0, 72}, {"Lost", 1, 7, 72}};
    br_pages pages = {two_pages, 2, 2, bad, 2, 2};
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("outline2.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    assert_int_equal(r.diags.warnings, 1);
    assert_string_equal(r.diags.items[0].message,
                        "outline entry 2 has no title or points past the last page "
                        "(page 8 of 2); left out");
    size_t len;
    char *pdf = slurp(out, &len);
    assert_int_equal(count(pdf, len, "/Dest "), 1);
    free(pdf);
    run_free(&r);
}

static void test_draft_mark_is_painted_on_every_page(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    doc.draft = true;
    const char *out = path_in_tmp("draft.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *text = tool("pdftotext -raw -enc UTF-8", out, "-", &len);
    if (!text) {
        run_free(&r);
        skip();
    }
    /* rotated, each letter comes out on a line of its own */
    assert_int_equal(count(text, len, "D\nR\nA\nF\nT\n"), 2);
    assert_true(contains(text, len, "Finance: £54.6m – Café"));
    free(text);
    run_free(&r);
}

static void test_only_used_faces_are_embedded(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("fonts.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *list = tool("pdffonts", out, "", &len);
    if (!list) {
        run_free(&r);
        skip();
    }
    /* bold, regular and italic are used; bold italic is not.  Each face is
     * one two-byte font, embedded, subset, with a ToUnicode map. */
    assert_int_equal(count(list, len, "CID TrueType      Identity-H       yes yes yes"), 3);
    assert_int_equal(count(list, len, "WinAnsi"), 0);
    assert_true(contains(list, len, "+LiberationSans-Bold,Bold "));
    assert_true(contains(list, len, "+LiberationSans "));
    assert_true(contains(list, len, "+LiberationSans-Italic,Italic "));
    assert_false(contains(list, len, "BoldItalic"));
    free(list);
    /* each face's file is embedded once, however many fonts use it */
    size_t plen;
    char *pdf = slurp(out, &plen);
    assert_int_equal(count(pdf, plen, "/FontFile2 "), 3);
    free(pdf);
    /* poppler accepts the ToUnicode maps: stderr (joined to stdout) is empty */
    char *warn = tool("pdftotext", out, "- 2>&1 >/dev/null | cat", &len);
    assert_non_null(warn);
    assert_int_equal(len, 0);
    free(warn);
    run_free(&r);
}

/* A letter typed with a combining accent is painted as the font's
 * accented letter (NFC, as layout measured it), so text copied out of the
 * PDF is the composed letter; a mark with no composite in the font (ő̈)
 * is painted over its letter, neither lost nor moved after it. */
static void test_combining_marks_stay_on_their_letters(void **state)
{
    (void)state;
    static const char s[] = "re\xCC\x81sume\xCC\x81 \xE2\x82\xAC" "5 \xC5\x91\xCC\x88!";
    char *text;
    size_t len;
    run r = paint_one_text(s, sizeof s - 1, 12, "combining.pdf", &text, &len);
    assert_true(r.ok);
    if (!text) {
        run_free(&r);
        skip();
    }
    assert_true(contains(text, len, "r\xC3\xA9sum\xC3\xA9 \xE2\x82\xAC" "5"));
    assert_false(contains(text, len, "e\xCC\x81"));
    assert_true(contains(text, len, "\xC5\x91"));
    assert_true(contains(text, len, "\xCC\x88"));
    assert_true(contains(text, len, "!"));
    free(text);
    run_free(&r);
}

static void test_bad_utf8_and_astral_characters_paint_as_replacement(void **state)
{
    (void)state;
    br_item items[] = {TEXT(72, 72, "x\xFFy\xF0\x9F\x98\x80z\xC0\x80!", BR_FACE_REGULAR, 12)};
    br_page page = {A4_W, A4_H, items, 1, 1};
    br_pages pages = {&page, 1, 1, NULL, 0, 0};
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("bad.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *text = tool("pdftotext -enc UTF-8", out, "-", &len);
    if (!text) {
        run_free(&r);
        skip();
    }
    assert_true(contains(text, len, "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD!"));
    free(text);
    run_free(&r);
}

/* 72,001 bytes in one item: libharu draws nothing for a string over
 * 65,535 bytes, so the painter cuts it, between characters (byte 60,000
 * falls inside an en dash here).  The size is tiny so that all 36,001
 * characters fit on the page and pdftotext (which ignores tiny characters
 * after 50,000) returns them all. */
static void test_very_long_text_is_painted_whole(void **state)
{
    (void)state;
    size_t reps = 18000, n = 1 + 4 * reps;
    char *s = malloc(n);
    s[0] = 'x';
    for (size_t i = 0; i < reps; i++)
        memcpy(s + 1 + 4 * i, "a\xE2\x80\x93", 4);
    char *text;
    size_t len;
    run r = paint_one_text(s, n, 0.01, "long.pdf", &text, &len);
    free(s);
    assert_true(r.ok);
    if (!text) {
        run_free(&r);
        skip();
    }
    assert_int_equal(count(text, len, "\xE2\x80\x93"), reps);
    assert_int_equal(count(text, len, "a"), reps);
    assert_int_equal(count(text, len, "x"), 1);
    free(text);
    run_free(&r);
}

/* The same in the two-byte font: 66,002 bytes of characters WinAnsi lacks,
 * where byte 60,000 falls inside an arrow. */
static void test_very_long_two_byte_text_is_painted_whole(void **state)
{
    (void)state;
    size_t reps = 22000, n = 2 + 3 * reps;
    char *s = malloc(n);
    memcpy(s, "\xC5\x91", 2);                       /* o with double acute */
    for (size_t i = 0; i < reps; i++)
        memcpy(s + 2 + 3 * i, "\xE2\x86\x91", 3);   /* upwards arrow */
    char *text;
    size_t len;
    run r = paint_one_text(s, n, 0.01, "long2.pdf", &text, &len);
    free(s);
    assert_true(r.ok);
    if (!text) {
        run_free(&r);
        skip();
    }
    assert_int_equal(count(text, len, "\xE2\x86\x91"), reps);
    assert_int_equal(count(text, len, "\xC5\x91"), 1);
    free(text);
    run_free(&r);
}

/* Single-byte codes 0x80..0xBF look like UTF-8 continuation bytes: a long
 * run of them (70,000 pound signs) must still be cut and painted, not
 * hang looking for a character boundary. */
static void test_long_run_of_high_single_byte_codes_is_painted(void **state)
{
    (void)state;
    size_t reps = 70000, n = 2 * reps;
    char *s = malloc(n);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + 2 * i, "\xC2\xA3", 2);
    char *text;
    size_t len;
    run r = paint_one_text(s, n, 0.01, "pounds.pdf", &text, &len);
    free(s);
    free(text);
    assert_true(r.ok);
    assert_int_equal(r.diags.count, 0);
    run_free(&r);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* A page libharu refuses (under 3 pt wide) fails the run before saving:
 * the good file already there stays as it was. */
static void test_failure_while_painting_keeps_the_old_file(void **state)
{
    (void)state;
    const char *out = path_in_tmp("keep.pdf");
    write_text(out, "the good old PDF");
    br_page bad[] = {{A4_W, A4_H, portrait_items, 4, 4}, {1, A4_H, NULL, 0, 0}};
    br_pages pages = {bad, 2, 2, NULL, 0, 0};
    br_doc doc = sample_doc();
    run r = paint(&pages, &doc, out);
    assert_false(r.ok);
    assert_int_equal(r.diags.errors, 1);
    assert_non_null(strstr(r.diags.items[0].message, "page size outside 3..14400 pt while "
                                                      "drawing page 2 (1 x 841.89 pt)"));
    size_t len;
    char *kept = slurp(out, &len);
    assert_string_equal(kept, "the good old PDF");
    assert_int_equal(temp_files_left(), 0);
    free(kept);
    run_free(&r);
}

static void test_invalid_date_fails_and_keeps_the_old_file(void **state)
{
    (void)state;
    const char *out = path_in_tmp("keep2.pdf");
    write_text(out, "old");
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    doc.month = 2;
    doc.day = 30;
    run r = paint(&pages, &doc, out);
    assert_false(r.ok);
    assert_non_null(strstr(r.diags.items[0].message,
                           "invalid date while setting the document date 2019-02-30"));
    size_t len;
    char *kept = slurp(out, &len);
    assert_string_equal(kept, "old");
    free(kept);
    run_free(&r);
}

static void test_empty_document_is_still_a_pdf(void **state)
{
    (void)state;
    br_pages pages = {NULL, 0, 0, NULL, 0, 0};
    br_doc doc;
    memset(&doc, 0, sizeof doc);
    const char *out = path_in_tmp("empty.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_memory_equal(pdf, "%PDF-", 5);
    free(pdf);
    run_free(&r);
}

/* The output intent's profile built into the program is icc/sRGB.icc,
 * byte for byte (the file whose licence icc/README.md gives). */
static void test_built_in_profile_is_the_shipped_file(void **state)
{
    (void)state;
    size_t len;
    char *icc = slurp("icc/sRGB.icc", &len);
    assert_non_null(icc);
    assert_int_equal(len, br_pdf_srgb_icc_len);
    assert_memory_equal(icc, br_pdf_srgb_icc, len);
    free(icc);
}

/* An untagged paper (render --no-tags): no structure tree, no marked
 * content, no PDF/UA claim; its language and PDF/A identity stay. */
static void test_untagged_style_leaves_the_structure_out(void **state)
{
    (void)state;
    br_pages pages = sample_pages();
    br_doc doc = sample_doc();
    br_style style = sample_style();
    for (int untagged = 0; untagged < 2; untagged++) {
        style.untagged = untagged;
        const char *out = path_in_tmp(untagged ? "untagged.pdf" : "tagged.pdf");
        run r = paint_styled(&pages, &doc, &style, out);
        assert_true(r.ok);
        size_t len;
        char *pdf = slurp(out, &len);
        assert_int_equal(contains(pdf, len, "/StructTreeRoot"), !untagged);
        assert_int_equal(contains(pdf, len, "/MarkInfo"), !untagged);
        assert_int_equal(contains(pdf, len, "/StructParents"), !untagged);
        assert_int_equal(contains(pdf, len, "<pdfuaid:part>1</pdfuaid:part>"), !untagged);
        assert_int_equal(contains(pdf, len, "PDF/UA"), !untagged);
        assert_true(contains(pdf, len, "/Lang (en-GB)"));
        assert_true(contains(pdf, len, "/DisplayDocTitle true"));
        assert_true(contains(pdf, len, "<pdfaid:part>3</pdfaid:part>"));
        free(pdf);
        size_t tlen;
        char *text = tool("pdftotext -enc UTF-8", out, "-", &tlen);
        if (text)
            assert_true(contains(text, tlen, "Finance: £54.6m – Café"));
        free(text);
        run_free(&r);
    }
}

/* A structure past PDF's customary array limit of 8,191 entries: 10,500
 * elements under the document (its kids continue in a Div), 2,100 pages
 * (the parent tree's keys go in leaves of 2,048) and 5,250 footnotes (so
 * do the ID tree's names); readers not ours accept it and find every
 * element. */
static void test_large_structure_splits_into_divs_and_leaves(void **state)
{
    (void)state;
    enum { PAGES = 2100, PER_PAGE = 5, ELEMS = PAGES * PER_PAGE };
    br_elem *elems = calloc(ELEMS + 1, sizeof *elems);
    br_item *items = calloc(ELEMS, sizeof *items);
    br_page *page = calloc(PAGES, sizeof *page);
    assert_true(elems && items && page);
    elems[0].role = BR_ROLE_DOCUMENT;
    for (int i = 1; i <= ELEMS; i++) {
        elems[i] = (br_elem){.role = i % 2 ? BR_ROLE_P : BR_ROLE_NOTE, .note = i % 2 ? 0 : i / 2};
        items[i - 1] = (br_item){.kind = BR_ITEM_TEXT, .x = 10, .y = 10.0 + 10 * (i % PER_PAGE),
                                 .text = "x", .len = 1, .face = BR_FACE_REGULAR, .size = 8,
                                 .elem = (uint32_t)i};
    }
    for (int k = 0; k < PAGES; k++)
        page[k] = (br_page){100, 100, items + k * PER_PAGE, PER_PAGE, PER_PAGE};
    br_pages pages = {.pages = page, .npages = PAGES, .elems = elems, .nelems = ELEMS + 1};
    br_doc doc = sample_doc();
    const char *out = path_in_tmp("large-structure.pdf");
    run r = paint(&pages, &doc, out);
    assert_true(r.ok);
    size_t len;
    char *pdf = slurp(out, &len);
    assert_int_equal(count(pdf, len, "/S/Div"), 1);
    assert_true(contains(pdf, len, "/Limits [ 0 2047 ]"));
    assert_true(contains(pdf, len, "/Limits [ 2048 2099 ]"));
    assert_true(contains(pdf, len, "/Limits [ (fn000001) (fn002048) ]"));
    assert_true(contains(pdf, len, "/Limits [ (fn004097) (fn005250) ]"));
    assert_true(contains(pdf, len, "/ID(fn005250)"));
    free(pdf);
    char *check = tool("qpdf --check", out, "", &len);
    free(check);
    char *tree = tool("pdfinfo -struct", out, "", &len);
    if (tree) {
        assert_int_equal(count(tree, len, " P (block)\n"), ELEMS / 2);
        assert_int_equal(count(tree, len, " Note <fn"), ELEMS / 2);
        assert_int_equal(count(tree, len, "\n  Div\n    Note <fn004095>"), 1);
    }
    free(tree);
    run_free(&r);
    free(page);
    free(items);
    free(elems);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writes_a_pdf),
        cmocka_unit_test(test_same_input_gives_identical_bytes),
        cmocka_unit_test(test_text_round_trips_through_pdftotext),
        cmocka_unit_test(test_pages_keep_their_own_sizes),
        cmocka_unit_test(test_document_information_is_utf8_with_fixed_dates),
        cmocka_unit_test(test_source_digest_names_the_document),
        cmocka_unit_test(test_no_dates_when_the_year_is_zero),
        cmocka_unit_test(test_outline_is_nested_by_level),
        cmocka_unit_test(test_outline_entry_past_the_last_page_is_left_out),
        cmocka_unit_test(test_draft_mark_is_painted_on_every_page),
        cmocka_unit_test(test_only_used_faces_are_embedded),
        cmocka_unit_test(test_bad_utf8_and_astral_characters_paint_as_replacement),
        cmocka_unit_test(test_very_long_text_is_painted_whole),
        cmocka_unit_test(test_very_long_two_byte_text_is_painted_whole),
        cmocka_unit_test(test_long_run_of_high_single_byte_codes_is_painted),
        cmocka_unit_test(test_combining_marks_stay_on_their_letters),
        cmocka_unit_test(test_failure_while_painting_keeps_the_old_file),
        cmocka_unit_test(test_invalid_date_fails_and_keeps_the_old_file),
        cmocka_unit_test(test_empty_document_is_still_a_pdf),
        cmocka_unit_test(test_built_in_profile_is_the_shipped_file),
        cmocka_unit_test(test_large_structure_splits_into_divs_and_leaves),
        cmocka_unit_test(test_untagged_style_leaves_the_structure_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
