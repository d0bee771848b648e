/* test_font.c — TrueType metrics, checked against libharu itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <hpdf.h>

#include "br_arena.h"
#include "br_font.h"

#define FONT_DIR "fonts"

static const char *const FILES[BR_FACE_COUNT] = {
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf",
};

static char *font_path(int face)
{
    static char buf[4][256];
    snprintf(buf[face], sizeof buf[face], "%s/%s", FONT_DIR, FILES[face]);
    return buf[face];
}

static size_t encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static void ignore_error(HPDF_STATUS e, HPDF_STATUS d, void *user)
{
    (void)e;
    (void)d;
    (void)user;
}

/* libharu's own font for a face, in the painter's configuration. */
typedef struct haru {
    HPDF_Doc pdf;
    HPDF_Font font;
    HPDF_FontDef def;
} haru;

static haru haru_open(int face)
{
    haru h = {HPDF_New(ignore_error, NULL), NULL, NULL};
    assert_non_null(h.pdf);
    assert_int_equal(HPDF_UseUTFEncodings(h.pdf), HPDF_OK);
    const char *name = HPDF_LoadTTFontFromFile(h.pdf, font_path(face), HPDF_TRUE);
    assert_non_null(name);
    h.font = HPDF_GetFont(h.pdf, name, "UTF-8");
    h.def = HPDF_GetFontDef(h.pdf, name);
    assert_non_null(h.font);
    assert_non_null(h.def);
    return h;
}

static int haru_width(const haru *h, const char *s, size_t len)
{
    return (int)HPDF_Font_TextWidth(h->font, (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
}

/* ---- widths agree with libharu ---- */

static const char *const SPECIALS = "£–‘’“”©é¹²³→↑↓";

static void test_ascii_and_specials_widths_equal_libharu(void **state)
{
    (void)state;
    for (int face = 0; face < BR_FACE_COUNT; face++) {
        char err[256];
        br_font *f = br_font_load(font_path(face), err, sizeof err);
        assert_non_null(f);
        haru h = haru_open(face);
        for (uint32_t cp = 0; cp < 0x80; cp++) {
            char c = (char)cp;
            assert_int_equal(br_font_advance(f, cp), haru_width(&h, &c, 1));
        }
        size_t n = strlen(SPECIALS);
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            size_t k = br_utf8_decode(SPECIALS + i, n - i, &cp);
            assert_true(k > 1);
            assert_true(br_font_has_glyph(f, cp));
            assert_int_equal(br_font_advance(f, cp), haru_width(&h, SPECIALS + i, k));
            i += k;
        }
        assert_int_equal(br_font_text_width(f, SPECIALS, n), haru_width(&h, SPECIALS, n));
        HPDF_Free(h.pdf);
        br_font_free(f);
    }
}

/* Every BMP scalar value (surrogates are not text), width and coverage. */
static void test_every_bmp_width_and_glyph_equal_libharu(void **state)
{
    (void)state;
    for (int face = 0; face < BR_FACE_COUNT; face++) {
        br_font *f = br_font_load(font_path(face), NULL, 0);
        assert_non_null(f);
        haru h = haru_open(face);
        int mismatches = 0;
        for (uint32_t cp = 0; cp < 0x10000; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF)
                continue;
            char buf[4];
            size_t k = encode(cp, buf);
            bool haru_has = HPDF_TTFontDef_GetGlyphid(h.def, (HPDF_UINT16)cp) != 0;
            if (br_font_advance(f, cp) != haru_width(&h, buf, k) ||
                (cp > 0 && br_font_has_glyph(f, cp) != haru_has))
                mismatches++;
        }
        assert_int_equal(mismatches, 0);
        HPDF_Free(h.pdf);
        br_font_free(f);
    }
}

static void test_vertical_metrics_equal_libharu(void **state)
{
    (void)state;
    for (int face = 0; face < BR_FACE_COUNT; face++) {
        br_font *f = br_font_load(font_path(face), NULL, 0);
        haru h = haru_open(face);
        assert_int_equal(br_font_ascent(f), HPDF_Font_GetAscent(h.font));
        assert_int_equal(br_font_descent(f), HPDF_Font_GetDescent(h.font));
        /* OS/2 sCapHeight 1409 of 2048 units */
        assert_int_equal(br_font_cap_height(f), 687);
        HPDF_Free(h.pdf);
        br_font_free(f);
    }
}

static void test_known_widths_of_regular(void **state)
{
    (void)state;
    br_font *f = br_font_load(font_path(BR_FACE_REGULAR), NULL, 0);
    assert_int_equal(br_font_advance(f, ' '), 277);     /* 569 * 1000 / 2048 */
    assert_int_equal(br_font_advance(f, 'M'), 833);
    assert_int_equal(br_font_advance(f, '0'), 556);
    assert_int_equal(br_font_ascent(f), 905);
    assert_int_equal(br_font_descent(f), -211);
    br_font_free(f);
}

static void test_missing_glyph_measures_as_notdef(void **state)
{
    (void)state;
    br_font *f = br_font_load(font_path(BR_FACE_REGULAR), NULL, 0);
    int notdef = br_font_advance(f, 0x4E00);    /* CJK: not in Liberation Sans */
    assert_false(br_font_has_glyph(f, 0x4E00));
    assert_int_equal(notdef, 750);              /* .notdef is 1536 units */
    assert_int_equal(br_font_advance(f, 0x0E3F), notdef);
    br_font_free(f);
}

/* libharu turns code points above U+FFFF into spaces, so the painter draws
 * U+FFFD instead: they have no glyph and measure as U+FFFD. */
static void test_astral_code_points_measure_as_replacement(void **state)
{
    (void)state;
    br_font *f = br_font_load(font_path(BR_FACE_REGULAR), NULL, 0);
    assert_false(br_font_has_glyph(f, 0x1F600));
    assert_int_equal(br_font_advance(f, 0x1F600), br_font_advance(f, 0xFFFD));
    assert_int_equal(br_font_text_width(f, "\xF0\x9F\x98\x80", 4), br_font_advance(f, 0xFFFD));
    br_font_free(f);
}

static void test_invalid_bytes_measure_as_replacement(void **state)
{
    (void)state;
    br_font *f = br_font_load(font_path(BR_FACE_REGULAR), NULL, 0);
    long r = br_font_advance(f, 0xFFFD);
    assert_int_equal(br_font_text_width(f, "\xFF", 1), r);
    assert_int_equal(br_font_text_width(f, "a\xC0\x80z", 4),
                     br_font_advance(f, 'a') + 2 * r + br_font_advance(f, 'z'));
    assert_int_equal(br_font_text_width(f, "", 0), 0);
    br_font_free(f);
}

/* ---- UTF-8 ---- */

static void expect_decode(const char *s, size_t len, uint32_t cp, size_t used)
{
    uint32_t got = 0;
    assert_int_equal(br_utf8_decode(s, len, &got), used);
    assert_int_equal(got, cp);
}

static void test_utf8_decodes_valid_sequences(void **state)
{
    (void)state;
    expect_decode("A", 1, 'A', 1);
    expect_decode("\xC2\xA3", 2, 0xA3, 2);              /* £ */
    expect_decode("\xE2\x80\x93", 3, 0x2013, 3);        /* – */
    expect_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4);
    expect_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
    expect_decode("\xEF\xBF\xBD", 3, 0xFFFD, 3);
    expect_decode("\xED\x9F\xBF", 3, 0xD7FF, 3);
    expect_decode("\xEE\x80\x80", 3, 0xE000, 3);
}

static void test_utf8_rejects_overlongs(void **state)
{
    (void)state;
    expect_decode("\xC0\x80", 2, 0xFFFD, 1);
    expect_decode("\xC1\xBF", 2, 0xFFFD, 1);
    expect_decode("\xE0\x80\x80", 3, 0xFFFD, 1);
    expect_decode("\xE0\x9F\xBF", 3, 0xFFFD, 1);
    expect_decode("\xF0\x80\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xF0\x8F\xBF\xBF", 4, 0xFFFD, 1);
}

static void test_utf8_rejects_surrogates(void **state)
{
    (void)state;
    expect_decode("\xED\xA0\x80", 3, 0xFFFD, 1);
    expect_decode("\xED\xBF\xBF", 3, 0xFFFD, 1);
}

static void test_utf8_rejects_above_10ffff(void **state)
{
    (void)state;
    expect_decode("\xF4\x90\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xF5\x80\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xF8\x88\x80\x80\x80", 5, 0xFFFD, 1);
    expect_decode("\xFF", 1, 0xFFFD, 1);
}

static void test_utf8_rejects_truncated_and_stray_bytes(void **state)
{
    (void)state;
    expect_decode("\x80", 1, 0xFFFD, 1);
    expect_decode("\xBF", 1, 0xFFFD, 1);
    expect_decode("\xE2\x80", 2, 0xFFFD, 1);
    expect_decode("\xE2\x80\x93", 2, 0xFFFD, 1);        /* len cuts it */
    expect_decode("\xC2" "A", 2, 0xFFFD, 1);
    expect_decode("\xF0\x9F\x98" "A", 4, 0xFFFD, 1);
}

/* ---- loading errors ---- */

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/br_font_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    uint8_t *d = malloc(*len);
    assert_int_equal(fread(d, 1, *len, f), *len);
    fclose(f);
    return d;
}

static void test_missing_file_names_path_and_reason(void **state)
{
    (void)state;
    char err[256];
    assert_null(br_font_load("fonts/NoSuchFont.ttf", err, sizeof err));
    assert_string_equal(err, "fonts/NoSuchFont.ttf: cannot open: No such file or directory");
}

static void test_text_file_is_not_a_font(void **state)
{
    (void)state;
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/notafont.ttf", tmpdir);
    write_file(path, "hello, this is not a font at all\n", 33);
    assert_null(br_font_load(path, err, sizeof err));
    assert_non_null(strstr(err, "not a TrueType font"));
    write_file(path, "", 0);
    assert_null(br_font_load(path, err, sizeof err));
    assert_non_null(strstr(err, "too short"));
}

static void test_directory_is_not_a_font(void **state)
{
    (void)state;
    char err[256];
    assert_null(br_font_load(tmpdir, err, sizeof err));
    assert_non_null(strstr(err, ": cannot read: it is a folder, not a regular file"));
}

/* A FIFO would block a plain fopen until something writes to it. */
static void test_fifo_is_refused_at_once(void **state)
{
    (void)state;
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/pipe.ttf", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_null(br_font_load(path, err, sizeof err));
    assert_non_null(strstr(err, ": cannot read: it is a FIFO, not a regular file"));
    unlink(path);
}

static void test_cff_font_is_refused(void **state)
{
    (void)state;
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/cff.otf", tmpdir);
    write_file(path, "OTTO\0\0\0\0\0\0\0\0", 12);
    assert_null(br_font_load(path, err, sizeof err));
    assert_non_null(strstr(err, "CFF"));
}

/* Every truncation of the table directory and of each table's start must
 * fail cleanly (ASan would catch a read past the buffer). */
static void test_truncated_fonts_fail_cleanly(void **state)
{
    (void)state;
    size_t len;
    uint8_t *d = slurp(font_path(BR_FACE_REGULAR), &len);
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/cut.ttf", tmpdir);
    size_t cuts[] = {1, 4, 11, 12, 13, 100, 12 + 16 * 19 - 1, 1000, 5000, 50000, 200000, len / 2};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        write_file(path, d, cuts[i]);
        err[0] = '\0';
        assert_null(br_font_load(path, err, sizeof err));
        assert_true(strlen(err) > 0);
    }
    free(d);
}

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Random damage to the directory and the heads of the tables we read:
 * loading may succeed or fail, but never crash, and a loaded font answers. */
static void test_damaged_fonts_never_crash(void **state)
{
    (void)state;
    size_t len;
    uint8_t *orig = slurp(font_path(BR_FACE_REGULAR), &len);
    uint8_t *d = malloc(len);
    size_t ntables = (size_t)orig[4] << 8 | orig[5];
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/fuzz.ttf", tmpdir);
    int loaded = 0;
    for (int iter = 0; iter < 300; iter++) {
        memcpy(d, orig, len);
        int hits = 1 + (int)(rng() % 6);
        for (int k = 0; k < hits; k++) {
            size_t t = rng() % (ntables + 1), pos;
            if (t == ntables)
                pos = rng() % (12 + 16 * ntables);
            else
                pos = be32(orig + 12 + 16 * t + 8) + rng() % 128;
            if (pos < len)
                d[pos] = (uint8_t)rng();
        }
        write_file(path, d, len);
        br_font *f = br_font_load(path, err, sizeof err);
        if (f) {
            loaded++;
            long w = br_font_text_width(f, "Abc £ – é", 13);
            assert_true(w >= 0);
            for (uint32_t cp = 0; cp < 0x10000; cp += 97)
                (void)br_font_has_glyph(f, cp);
            br_font_free(f);
        } else {
            assert_true(strlen(err) > 0);
        }
    }
    assert_true(loaded > 0);
    free(d);
    free(orig);
}

/* ---- synthetic fonts: format 12 only, format 4 with glyphIdArray ---- */

typedef struct sfnt {
    uint8_t buf[4096];
    size_t len;
    int ntables;
    const char *tags[8];
    size_t off[8], size[8];
} sfnt;

static void put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v >> 16);
    put16(p + 2, v & 0xFFFF);
}

static void sfnt_table(sfnt *s, const char *tag, const uint8_t *data, size_t n)
{
    s->tags[s->ntables] = tag;
    s->off[s->ntables] = s->len;
    s->size[s->ntables] = n;
    memcpy(s->buf + s->len, data, n);
    s->len += (n + 3) & ~(size_t)3;
    s->ntables++;
}

/* head (upem 1000), maxp (4 glyphs), hhea (ascent 800, descent -200),
 * hmtx (widths 500, 600, 700, then 700 repeated) and empty outlines. */
static void sfnt_basic(sfnt *s, int nglyphs)
{
    memset(s, 0, sizeof *s);
    s->len = 12 + 16 * 8;
    uint8_t head[54] = {0};
    put32(head, 0x00010000);
    put32(head + 12, 0x5F0F3CF5);
    put16(head + 18, 1000);
    sfnt_table(s, "head", head, sizeof head);
    uint8_t maxp[6] = {0};
    put32(maxp, 0x00005000);
    put16(maxp + 4, (unsigned)nglyphs);
    sfnt_table(s, "maxp", maxp, sizeof maxp);
    uint8_t hhea[36] = {0};
    put32(hhea, 0x00010000);
    put16(hhea + 4, 800);
    put16(hhea + 6, (unsigned)(uint16_t)-200);
    put16(hhea + 34, 3);
    sfnt_table(s, "hhea", hhea, sizeof hhea);
    uint8_t hmtx[12] = {0};
    put16(hmtx, 500);
    put16(hmtx + 4, 600);
    put16(hmtx + 8, 700);
    sfnt_table(s, "hmtx", hmtx, sizeof hmtx);
    uint8_t empty[12] = {0};
    sfnt_table(s, "loca", empty, sizeof empty);
    sfnt_table(s, "glyf", empty, 0);
}

static br_font *sfnt_load(sfnt *s, char *err, size_t errlen)
{
    put32(s->buf, 0x00010000);
    put16(s->buf + 4, (unsigned)s->ntables);
    for (int i = 0; i < s->ntables; i++) {
        uint8_t *rec = s->buf + 12 + 16 * i;
        memcpy(rec, s->tags[i], 4);
        put32(rec + 8, (uint32_t)s->off[i]);
        put32(rec + 12, (uint32_t)s->size[i]);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/synthetic.ttf", tmpdir);
    write_file(path, s->buf, s->len);
    return br_font_load(path, err, errlen);
}

static void test_format12_cmap_and_cap_height_fallback(void **state)
{
    (void)state;
    sfnt s;
    sfnt_basic(&s, 4);
    /* (3,10) format 12: 'A'..'B' -> glyphs 1..2, U+2013 -> glyph 3 */
    uint8_t cmap[4 + 8 + 16 + 24] = {0};
    put16(cmap + 2, 1);
    put16(cmap + 4, 3);
    put16(cmap + 6, 10);
    put32(cmap + 8, 12);
    uint8_t *sub = cmap + 12;
    put16(sub, 12);
    put32(sub + 4, 16 + 24);
    put32(sub + 12, 2);
    put32(sub + 16, 'A');
    put32(sub + 20, 'B');
    put32(sub + 24, 1);
    put32(sub + 28, 0x2013);
    put32(sub + 32, 0x2013);
    put32(sub + 36, 3);
    sfnt_table(&s, "cmap", cmap, sizeof cmap);
    char err[256] = "";
    br_font *f = sfnt_load(&s, err, sizeof err);
    assert_non_null(f);
    assert_string_equal(err, "");
    assert_int_equal(br_font_advance(f, 'A'), 600);
    assert_int_equal(br_font_advance(f, 'B'), 700);
    assert_int_equal(br_font_advance(f, 0x2013), 700);  /* past numberOfHMetrics */
    assert_int_equal(br_font_advance(f, 'C'), 500);     /* .notdef */
    assert_true(br_font_has_glyph(f, 'A'));
    assert_false(br_font_has_glyph(f, 'C'));
    assert_int_equal(br_font_ascent(f), 800);
    assert_int_equal(br_font_descent(f), -200);
    assert_int_equal(br_font_cap_height(f), 560);       /* no OS/2: 70% of 800 */
    br_font_free(f);
}

/* A font with "e" and "é" but no combining acute: "e" + U+0301 is painted
 * as its "é" (br_font_nfc), measured so, and check warns of nothing; a
 * mark with no composite ("e" + U+0304) is named as missing. */
static void test_accent_the_font_has_composed_is_not_missing(void **state)
{
    (void)state;
    sfnt s;
    sfnt_basic(&s, 4);
    uint8_t cmap[4 + 8 + 16 + 24] = {0};
    put16(cmap + 2, 1);
    put16(cmap + 4, 3);
    put16(cmap + 6, 10);
    put32(cmap + 8, 12);
    uint8_t *sub = cmap + 12;
    put16(sub, 12);
    put32(sub + 4, 16 + 24);
    put32(sub + 12, 2);
    put32(sub + 16, 'e');
    put32(sub + 20, 'e');
    put32(sub + 24, 1);
    put32(sub + 28, 0xE9);
    put32(sub + 32, 0xE9);
    put32(sub + 36, 3);
    sfnt_table(&s, "cmap", cmap, sizeof cmap);
    char err[256] = "";
    br_font *f = sfnt_load(&s, err, sizeof err);
    assert_non_null(f);
    char out[16];
    assert_int_equal(br_font_nfc(f, "e\xCC\x81", 3, out), 2);
    assert_string_equal(out, "\xC3\xA9");
    assert_int_equal(br_font_text_width(f, "e\xCC\x81", 3), 700);   /* as é */
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_glyph_warned *w = calloc(1, sizeof *w);
    br_font_check_text(f, "e\xCC\x81", 3, (br_loc){"t.yaml", 1, 1}, w, &diags);
    assert_int_equal(diags.warnings, 0);
    br_font_check_text(f, "e\xCC\x84", 3, (br_loc){"t.yaml", 2, 1}, w, &diags);
    assert_int_equal(diags.warnings, 1);
    assert_non_null(strstr(diags.items[0].message, "U+0304"));
    free(w);
    br_arena_free(arena);
    br_font_free(f);
}

static void test_format4_cmap_with_glyph_id_array(void **state)
{
    (void)state;
    sfnt s;
    sfnt_basic(&s, 4);
    /* two segments: 'a'..'c' through glyphIdArray {3, 0, 2}; 0xFFFF end */
    uint8_t cmap[4 + 8 + 16 + 16 + 6] = {0};
    put16(cmap + 2, 1);
    put16(cmap + 4, 3);
    put16(cmap + 6, 1);
    put32(cmap + 8, 12);
    uint8_t *sub = cmap + 12;
    put16(sub, 4);
    put16(sub + 2, 16 + 16 + 6);
    put16(sub + 6, 4);                  /* segCountX2 */
    put16(sub + 14, 'c');               /* endCode */
    put16(sub + 16, 0xFFFF);
    put16(sub + 20, 'a');               /* startCode */
    put16(sub + 22, 0xFFFF);
    put16(sub + 26, 1);                 /* idDelta of last segment */
    put16(sub + 28, 4);                 /* idRangeOffset: to glyphIdArray[0] */
    put16(sub + 32, 3);                 /* glyphIdArray */
    put16(sub + 34, 0);
    put16(sub + 36, 2);
    sfnt_table(&s, "cmap", cmap, sizeof cmap);
    uint8_t os2[96] = {0};
    put16(os2, 4);
    put16(os2 + 88, 650);
    sfnt_table(&s, "OS/2", os2, sizeof os2);
    br_font *f = sfnt_load(&s, NULL, 0);
    assert_non_null(f);
    assert_int_equal(br_font_advance(f, 'a'), 700);
    assert_false(br_font_has_glyph(f, 'b'));
    assert_int_equal(br_font_advance(f, 'c'), 700);
    assert_true(br_font_has_glyph(f, 'c'));
    assert_false(br_font_has_glyph(f, 'd'));
    assert_int_equal(br_font_cap_height(f), 650);
    br_font_free(f);
}

static void test_font_without_unicode_cmap_is_refused(void **state)
{
    (void)state;
    sfnt s;
    sfnt_basic(&s, 4);
    uint8_t cmap[4 + 8 + 262] = {0};
    put16(cmap + 2, 1);
    put16(cmap + 4, 1);                 /* Macintosh Roman, format 0 */
    put32(cmap + 8, 12);
    put16(cmap + 14, 262);
    sfnt_table(&s, "cmap", cmap, sizeof cmap);
    char err[256];
    assert_null(sfnt_load(&s, err, sizeof err));
    assert_non_null(strstr(err, "no Unicode 'cmap' subtable"));
}

static void test_font_with_zero_units_per_em_is_refused(void **state)
{
    (void)state;
    sfnt s;
    sfnt_basic(&s, 4);
    put16(s.buf + s.off[0] + 18, 0);
    char err[256];
    assert_null(sfnt_load(&s, err, sizeof err));
    assert_non_null(strstr(err, "unitsPerEm 0"));
}

/* ---- font sets ---- */

static void test_fontset_loads_four_faces(void **state)
{
    (void)state;
    br_fontset set;
    char err[256];
    assert_true(br_fontset_load(&set, FONT_DIR, FILES, err, sizeof err));
    for (int i = 0; i < BR_FACE_COUNT; i++) {
        assert_non_null(set.face[i]);
        assert_string_equal(br_font_path(set.face[i]), font_path(i));
    }
    assert_true(br_font_advance(set.face[BR_FACE_BOLD], 'b') >
                br_font_advance(set.face[BR_FACE_REGULAR], 'b'));
    br_fontset_free(&set);
    br_fontset_free(&set);  /* idempotent */
    br_font_free(NULL);
}

static void test_fontset_failure_names_the_file(void **state)
{
    (void)state;
    const char *const files[BR_FACE_COUNT] = {
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "Missing.ttf",
        "LiberationSans-BoldItalic.ttf",
    };
    br_fontset set;
    char err[256];
    assert_false(br_fontset_load(&set, FONT_DIR, files, err, sizeof err));
    assert_string_equal(err, "fonts/Missing.ttf: cannot open: No such file or directory");
    for (int i = 0; i < BR_FACE_COUNT; i++)
        assert_null(set.face[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_and_specials_widths_equal_libharu),
        cmocka_unit_test(test_every_bmp_width_and_glyph_equal_libharu),
        cmocka_unit_test(test_vertical_metrics_equal_libharu),
        cmocka_unit_test(test_known_widths_of_regular),
        cmocka_unit_test(test_missing_glyph_measures_as_notdef),
        cmocka_unit_test(test_astral_code_points_measure_as_replacement),
        cmocka_unit_test(test_invalid_bytes_measure_as_replacement),
        cmocka_unit_test(test_utf8_decodes_valid_sequences),
        cmocka_unit_test(test_utf8_rejects_overlongs),
        cmocka_unit_test(test_utf8_rejects_surrogates),
        cmocka_unit_test(test_utf8_rejects_above_10ffff),
        cmocka_unit_test(test_utf8_rejects_truncated_and_stray_bytes),
        cmocka_unit_test(test_missing_file_names_path_and_reason),
        cmocka_unit_test(test_text_file_is_not_a_font),
        cmocka_unit_test(test_directory_is_not_a_font),
        cmocka_unit_test(test_fifo_is_refused_at_once),
        cmocka_unit_test(test_cff_font_is_refused),
        cmocka_unit_test(test_truncated_fonts_fail_cleanly),
        cmocka_unit_test(test_damaged_fonts_never_crash),
        cmocka_unit_test(test_format12_cmap_and_cap_height_fallback),
        cmocka_unit_test(test_accent_the_font_has_composed_is_not_missing),
        cmocka_unit_test(test_format4_cmap_with_glyph_id_array),
        cmocka_unit_test(test_font_without_unicode_cmap_is_refused),
        cmocka_unit_test(test_font_with_zero_units_per_em_is_refused),
        cmocka_unit_test(test_fontset_loads_four_faces),
        cmocka_unit_test(test_fontset_failure_names_the_file),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
