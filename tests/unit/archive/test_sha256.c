/* test_sha256.c — SHA-256 against the FIPS 180-4 examples (and the NIST
 * long-message vector), fed whole and in awkward pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_sha256.h"

static void digest_in_pieces(const char *data, size_t len, size_t piece, char out[BR_SHA256_HEX])
{
    br_sha256 s;
    unsigned char d[BR_SHA256_LEN];
    br_sha256_init(&s);
    for (size_t i = 0; i < len; i += piece)
        br_sha256_update(&s, data + i, len - i < piece ? len - i : piece);
    br_sha256_final(&s, d);
    br_sha256_to_hex(d, out);
}

static void one_block_message_abc(void **state)
{
    (void)state;
    char h[BR_SHA256_HEX];
    br_sha256_hex("abc", 3, h);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void empty_message(void **state)
{
    (void)state;
    char h[BR_SHA256_HEX];
    br_sha256_hex("", 0, h);
    assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* 448 bits: the padding needs a second block. */
static void two_block_message(void **state)
{
    (void)state;
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    char h[BR_SHA256_HEX];
    br_sha256_hex(m, strlen(m), h);
    assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    for (size_t piece = 1; piece <= 64; piece++) {
        digest_in_pieces(m, strlen(m), piece, h);
        assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
}

static void million_a_in_odd_pieces(void **state)
{
    (void)state;
    size_t n = 1000000;
    char *a = malloc(n);
    assert_non_null(a);
    memset(a, 'a', n);
    char h[BR_SHA256_HEX];
    digest_in_pieces(a, n, 7, h);
    assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    digest_in_pieces(a, n, 4096, h);
    assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* Lengths around the 55/56/64-byte padding boundaries agree whole and in pieces. */
static void padding_boundaries_agree(void **state)
{
    (void)state;
    char buf[130];
    memset(buf, 'x', sizeof buf);
    for (size_t len = 50; len <= 130; len++) {
        char whole[BR_SHA256_HEX], split[BR_SHA256_HEX];
        br_sha256_hex(buf, len, whole);
        digest_in_pieces(buf, len, 3, split);
        assert_string_equal(whole, split);
    }
    char h[BR_SHA256_HEX];
    br_sha256_hex(buf, 64, h);   /* 64 'x': checked with sha256sum */
    assert_string_equal(h, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

static void file_digest_and_size(void **state)
{
    (void)state;
    char path[] = "/tmp/br_sha256_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("abc", f);
    fclose(f);
    char h[BR_SHA256_HEX];
    uint64_t size = 0;
    assert_true(br_sha256_file(path, h, &size));
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(size, 3);
    unlink(path);
    assert_false(br_sha256_file(path, h, &size));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_block_message_abc),
        cmocka_unit_test(empty_message),
        cmocka_unit_test(two_block_message),
        cmocka_unit_test(million_a_in_odd_pieces),
        cmocka_unit_test(padding_boundaries_agree),
        cmocka_unit_test(file_digest_and_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
