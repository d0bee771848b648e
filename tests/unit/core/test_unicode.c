/* test_unicode.c — combining marks and NFC (src/core/unicode.c), and how
 * the font measures and places them (src/core/font.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "br_font.h"
#include "br_unicode.h"

static const char *nfc(const char *s)
{
    static char out[256];
    size_t n = br_uni_nfc(s, strlen(s), out, NULL, NULL);
    assert_int_equal(n, strlen(out));
    return out;
}

static void combining_classes_come_from_the_ucd(void **state)
{
    (void)state;
    assert_int_equal(br_uni_ccc('e'), 0);
    assert_int_equal(br_uni_ccc(0x00E9), 0);
    assert_int_equal(br_uni_ccc(0x0301), 230);     /* acute: above */
    assert_int_equal(br_uni_ccc(0x0323), 220);     /* dot below */
    assert_int_equal(br_uni_ccc(0x0327), 202);     /* cedilla: attached below */
    assert_int_equal(br_uni_ccc(0x0345), 240);     /* Greek ypogegrammeni */
    assert_int_equal(br_uni_ccc(0x0483), 230);     /* Cyrillic titlo */
    assert_int_equal(br_uni_ccc(0x20D7), 230);     /* vector arrow above */
    assert_int_equal(br_uni_ccc(0x1F600), 0);
}

/* What Python's unicodedata.normalize('NFC', ...) gives for each. */
static void letters_and_marks_compose(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Cafe\xCC\x81", "Caf\xC3\xA9"},                        /* e + acute */
        {"re\xCC\x81sume\xCC\x81", "r\xC3\xA9sum\xC3\xA9"},
        {"nai\xCC\x88ve", "na\xC3\xAFve"},                      /* i + diaeresis */
        {"c\xCC\xA7", "\xC3\xA7"},                               /* cedilla */
        {"A\xCC\x8A", "\xC3\x85"},                               /* Å */
        {"a\xCC\x82\xCC\x81", "\xE1\xBA\xA5"},                   /* ấ: two steps */
        {"a\xCC\x82\xCC\xA3", "\xE1\xBA\xAD"},                   /* ậ: marks reordered */
        {"a\xCC\xA3\xCC\x82", "\xE1\xBA\xAD"},
        {"\xE1\xBA\xA5\xCC\xA3", "\xE1\xBA\xAD\xCC\x81"},         /* ấ + dot below: ậ + acute */
        {"\xCE\xB1\xCC\x81", "\xCE\xAC"},                        /* Greek ά */
        {"\xD0\xB8\xCC\x86", "\xD0\xB9"},                        /* Cyrillic й */
        {"e\xCD\x80", "\xC3\xA8"},                               /* U+0340 is U+0300 */
        {"e\xCC\x81\xCC\x81", "\xC3\xA9\xCC\x81"},               /* the second is blocked */
        {"x\xCC\x84", "x\xCC\x84"},                              /* x̄: no composite */
        {"\xCC\x81" "e", "\xCC\x81" "e"},                        /* a mark with no letter */
        {"\xFF\xCC\x81", "\xFF\xCC\x81"},                        /* after a malformed byte */
        {"plain \xC2\xA3" "5 \xE2\x80\x93 text", "plain \xC2\xA3" "5 \xE2\x80\x93 text"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(nfc(cases[i][0]), cases[i][1]);
}

static bool no_e_acute(const void *ctx, uint32_t cp)
{
    (void)ctx;
    return cp != 0x00E9;
}

/* A composite the font lacks is not used: the letter keeps its marks,
 * in canonical order. */
static void a_composite_may_be_refused(void **state)
{
    (void)state;
    char out[64];
    const char *s = "e\xCC\x81 a\xCC\xA3\xCC\x81 e\xCC\x81\xCC\xA3";
    br_uni_nfc(s, strlen(s), out, no_e_acute, NULL);
    /* e + dot below composes (ẹ) and the acute stays on it. */
    assert_string_equal(out, "e\xCC\x81 \xE1\xBA\xA1\xCC\x81 \xE1\xBA\xB9\xCC\x81");
}

/* Thirty marks on one letter and more: nothing is lost. */
static void long_runs_of_marks_keep_every_mark(void **state)
{
    (void)state;
    char in[2 + 2 * 70], out[BR_UNI_NFC_ROOM(sizeof in)];
    in[0] = 'a';
    for (int i = 0; i < 70; i++)
        memcpy(in + 1 + 2 * i, "\xCD\x84", 2);     /* U+0344: diaeresis + acute */
    size_t n = br_uni_nfc(in, 141, out, NULL, NULL);
    size_t acute = 0, diaeresis = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        acute += memcmp(out + i, "\xCC\x81", 2) == 0;
        diaeresis += memcmp(out + i, "\xCC\x88", 2) == 0;
    }
    /* ä takes one diaeresis; each other U+0344 stays as its two marks. */
    assert_true(memcmp(out, "\xC3\xA4", 2) == 0);
    assert_int_equal(diaeresis, 69);
    assert_int_equal(acute, 70);
    assert_true(n <= BR_UNI_NFC_ROOM(141));
}

static void clusters_keep_marks_with_their_letter(void **state)
{
    (void)state;
    const char *s = "x\xCC\x84\xCC\xA3y";
    assert_int_equal(br_uni_cluster(s, strlen(s)), 5);
    assert_int_equal(br_uni_cluster("ab", 2), 1);
    assert_int_equal(br_uni_cluster("\xC3\xA9t", 3), 2);
    assert_int_equal(br_uni_cluster("", 0), 0);
    assert_true(br_uni_has_mark(s, strlen(s)));
    assert_false(br_uni_has_mark("\xC3\xA9t \xE2\x80\x93 \xC2\xA3", 10));
}

static br_font *regular(void)
{
    char err[256];
    br_font *f = br_font_load("fonts/LiberationSans-Regular.ttf", err, sizeof err);
    assert_non_null(f);
    return f;
}

static long width(const br_font *f, const char *s)
{
    return br_font_text_width(f, s, strlen(s));
}

/* Measured as painted: the composite's width, and a mark left over
 * advancing by nothing. */
static void text_with_marks_measures_as_painted(void **state)
{
    (void)state;
    br_font *f = regular();
    assert_int_equal(width(f, "re\xCC\x81sume\xCC\x81"), width(f, "r\xC3\xA9sum\xC3\xA9"));
    assert_int_equal(width(f, "x\xCC\x84"), width(f, "x"));
    assert_int_equal(width(f, "Q\xCC\xA3\xCC\x87!"), width(f, "Q!"));
    char out[64];
    size_t n = br_font_nfc(f, "A\xCC\x8A", 3, out);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "\xC3\x85", 2);
    br_font_free(f);
}

/* A mark is centred over its letter's ink; over a capital it is lifted
 * clear of it, under a descender dropped clear; a second mark above
 * stacks over the first. */
static void marks_sit_over_their_letter(void **state)
{
    (void)state;
    br_font *f = regular();
    br_mark_place x, cap, g;
    int dx, dy, dx2, dy2;
    br_font_mark_base(f, 'x', &x);
    assert_true(br_font_mark_offset(f, &x, 0x0304, &dx, &dy));
    assert_true(dx < 0 && -dx < br_font_advance(f, 'x'));
    assert_int_equal(dy, 0);                /* drawn for a small letter */
    assert_true(br_font_mark_offset(f, &x, 0x0304, &dx2, &dy2));
    assert_int_equal(dx2, dx);
    assert_true(dy2 > 0);                   /* a second macron over the first */
    br_font_mark_base(f, 'X', &cap);
    assert_true(br_font_mark_offset(f, &cap, 0x0304, &dx, &dy));
    assert_true(dy > 0);
    br_font_mark_base(f, 'g', &g);
    assert_true(br_font_mark_offset(f, &g, 0x0323, &dx, &dy));
    assert_true(dy < 0);
    br_font_mark_base(f, 'a', &g);
    assert_true(br_font_mark_offset(f, &g, 0x0323, &dx, &dy));
    assert_int_equal(dy, 0);                /* already under a letter on the line */
    assert_true(br_font_mark_offset(f, &g, 0x0327, &dx, &dy));
    assert_int_equal(dy, 0);                /* a cedilla is attached to its letter */
    br_font_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(combining_classes_come_from_the_ucd),
        cmocka_unit_test(letters_and_marks_compose),
        cmocka_unit_test(a_composite_may_be_refused),
        cmocka_unit_test(long_runs_of_marks_keep_every_mark),
        cmocka_unit_test(clusters_keep_marks_with_their_letter),
        cmocka_unit_test(text_with_marks_measures_as_painted),
        cmocka_unit_test(marks_sit_over_their_letter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
