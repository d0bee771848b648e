/* test_markup.c — the one reading of inline markup: faces, escapes and
 * which [^key] are footnote references (the loader's footnote check and
 * the composer's runs both come from it). */
#include "fixtures.h"

#include <string.h>

#include "br_markup.h"

/* The pieces, written out: text as "<face>text|", references as "^key|". */
typedef struct record {
    char out[512];
} record;

static void on_text(void *ctx, br_face face, const char *text, size_t len)
{
    record *r = ctx;
    size_t n = strlen(r->out);
    snprintf(r->out + n, sizeof r->out - n, "%d%.*s|", (int)face, (int)len, text);
}

static void on_footnote(void *ctx, br_face face, const char *key, size_t keylen, const char *raw,
                        size_t rawlen)
{
    (void)face;
    record *r = ctx;
    size_t n = strlen(r->out);
    assert_true(rawlen == keylen + 3 && raw[0] == '[' && raw[1] == '^' && raw[rawlen - 1] == ']');
    snprintf(r->out + n, sizeof r->out - n, "^%.*s|", (int)keylen, key);
}

static const char *read(br_arena *a, const char *text)
{
    static record r;
    memset(&r, 0, sizeof r);
    br_markup_sink sink = {on_text, on_footnote, &r};
    br_markup_parse(a, text, BR_FACE_REGULAR, &sink);
    return r.out;
}

static void faces_and_references(void **state)
{
    br_arena *a = *state;
    assert_string_equal(read(a, "plain *it* **bold** ***both***"),
                        "0plain |2it|0 |1bold|0 |3both|");
    assert_string_equal(read(a, "a note[^fn1] here"), "0a note|^fn1|0 here|");
    assert_string_equal(read(a, "**bold[^k]**"), "1bold|^k|");
}

/* The disagreement that once was: the loader skipped a reference after any
 * backslash, the composer printed it after an escaped one. */
static void a_backslash_before_a_reference(void **state)
{
    br_arena *a = *state;
    assert_string_equal(read(a, "C:\\\\[^fn1]"), "0C:\\|^fn1|");
    assert_string_equal(read(a, "not \\[^fn1] a note"), "0not [^fn1] a note|");
}

static void what_is_not_a_reference(void **state)
{
    br_arena *a = *state;
    assert_string_equal(read(a, "[^] [^has space] [x] [^a[^b]"), "0[^] [^has space] [x] [^a|^b|");
    assert_string_equal(read(a, "[^open"), "0[^open|");
    /* Emphasis closes first: the star ends it, so no reference is left. */
    assert_string_equal(read(a, "*[^a*]"), "2[^a|0]|");
    assert_string_equal(read(a, "an *unclosed star"), "0an *unclosed star|");
}

/* A star with a digit on each side is multiplication, not emphasis: the
 * figures print whole ("5*3*2=30" printed "532=30", the 3 in italics). */
static void stars_between_digits_are_arithmetic(void **state)
{
    br_arena *a = *state;
    assert_string_equal(read(a, "rate 5*3*2=30"), "0rate 5*3*2=30|");
    assert_string_equal(read(a, "2**8 is 256"), "02**8 is 256|");
    assert_string_equal(read(a, "*5*3 items*"), "25*3 items|");
    assert_string_equal(read(a, "*12%* up"), "212%|0 up|");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(faces_and_references),
        FX_TEST(a_backslash_before_a_reference),
        FX_TEST(what_is_not_a_reference),
        FX_TEST(stars_between_digits_are_arithmetic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
