/* test_md5.c — the MD5 of an embedded file's /CheckSum: RFC 1321's test
 * suite, and lengths about the padding boundaries against a split run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "br_md5.h"

static void hex(const unsigned char d[16], char out[33])
{
    for (int i = 0; i < 16; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void rfc_1321_suite(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"", "d41d8cd98f00b204e9800998ecf8427e"},
        {"a", "0cc175b9c0f1b6a831c399e269772661"},
        {"abc", "900150983cd24fb0d6963f7d28e17f72"},
        {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
        {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
         "d174ab98d277d9f5a5611c2c9f419d9f"},
        {"1234567890123456789012345678901234567890123456789012345678901234567890123456789"
         "0", "57edf4a22be3c955ac49da2e2107b67a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned char d[16];
        char h[33];
        br_md5(cases[i][0], strlen(cases[i][0]), d);
        hex(d, h);
        assert_string_equal(h, cases[i][1]);
    }
}

/* 55, 56, 63, 64 and 65 bytes put the length in one block or spill into a
 * second: each must differ from its neighbours and be stable. */
static void padding_boundaries(void **state)
{
    (void)state;
    unsigned char buf[130];
    memset(buf, 'x', sizeof buf);
    char prev[33] = "";
    for (size_t n = 50; n <= 130; n++) {
        unsigned char d[16], again[16];
        char h[33];
        br_md5(buf, n, d);
        br_md5(buf, n, again);
        assert_memory_equal(d, again, 16);
        hex(d, h);
        assert_string_not_equal(h, prev);
        memcpy(prev, h, sizeof h);
    }
    unsigned char d[16];
    char h[33];
    br_md5(buf, 56, d);     /* "x" * 56, from Python's hashlib */
    hex(d, h);
    assert_string_equal(h, "668a72d5ba17f08e62dabcafad6db14b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc_1321_suite),
        cmocka_unit_test(padding_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
