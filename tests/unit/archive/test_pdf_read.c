/* test_pdf_read.c — reading back the files a PDF carries: hand-made files
 * (classic cross-reference), damage and hostile shapes (AddressSanitizer
 * watches every read). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "br_archive.h"
#include "br_md5.h"

/* A PDF of the given object bodies (object i + 1 is bodies[i]), with a
 * classic cross-reference table and /Root 1 0 R. */
static char *make_pdf(const char *const *bodies, size_t n, size_t *len)
{
    size_t cap = 4096 + 64 * n, o = 0;
    for (size_t i = 0; i < n; i++)
        cap += strlen(bodies[i]);
    char *s = malloc(cap);
    size_t *off = calloc(n + 1, sizeof *off);
    o += (size_t)snprintf(s + o, cap - o, "%%PDF-1.7\n");
    for (size_t i = 0; i < n; i++) {
        off[i] = o;
        o += (size_t)snprintf(s + o, cap - o, "%zu 0 obj\n%s\nendobj\n", i + 1, bodies[i]);
    }
    size_t xref = o;
    o += (size_t)snprintf(s + o, cap - o, "xref\n0 %zu\n0000000000 65535 f\r\n", n + 1);
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(s + o, cap - o, "%010zu 00000 n\r\n", off[i]);
    o += (size_t)snprintf(s + o, cap - o,
                          "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
                          xref);
    free(off);
    *len = o;
    return s;
}

static char checksum[64];

/* /CheckSum <md5 of "name: x\n"> */
static const char *md5_of(const char *text)
{
    unsigned char d[16];
    br_md5(text, strlen(text), d);
    char *p = checksum + sprintf(checksum, "<");
    for (int i = 0; i < 16; i++)
        p += sprintf(p, "%02X", d[i]);
    sprintf(p, ">");
    return checksum;
}

static void reads_a_carried_file(void **state)
{
    (void)state;
    char stream[256];
    snprintf(stream, sizeof stream,
             "<< /Type /EmbeddedFile /Subtype /application#2Fyaml /Length 8 "
             "/Params << /Size 8 /CheckSum %s >> >>\nstream\nname: x\n\nendstream",
             md5_of("name: x\n"));
    const char *bodies[] = {
        "<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> /AF [3 0 R] >>",
        "<< /Names [(report/report.yaml) 3 0 R] >>",
        "<< /Type /Filespec /F (report/report.yaml) /UF <FEFF007200650070006F00720074002F"
        "007200650070006F00720074002E00790061006D006C> /AFRelationship /Source "
        "/EF << /F 4 0 R >> >>",
        stream,
    };
    size_t len;
    char *pdf = make_pdf(bodies, 4, &len);
    br_arena *arena = br_arena_new();
    br_arc_attachments a;
    const char *why = NULL;
    assert_true(br_arc_pdf_attachments((unsigned char *)pdf, len, &a, arena, &why));
    assert_int_equal(a.n, 1);
    assert_string_equal(a.items[0].name, "report/report.yaml");
    assert_string_equal(a.items[0].relationship, "Source");
    assert_string_equal(a.items[0].mime, "application/yaml");
    assert_null(a.items[0].problem);
    assert_int_equal(a.items[0].len, 8);
    assert_memory_equal(a.items[0].data, "name: x\n", 8);

    /* A changed byte no longer matches the checksum. */
    char *x = strstr(pdf, "name: x");
    x[6] = 'y';
    assert_true(br_arc_pdf_attachments((unsigned char *)pdf, len, &a, arena, &why));
    assert_int_equal(a.n, 1);
    assert_non_null(a.items[0].problem);
    x[6] = 'x';

    /* Every truncation and every flipped byte: an answer, never a crash. */
    for (size_t cut = 0; cut <= len; cut++) {
        char *part = malloc(cut + 1);
        memcpy(part, pdf, cut);
        br_arc_pdf_attachments((unsigned char *)part, cut, &a, arena, &why);
        free(part);
    }
    for (size_t i = 0; i < len; i++) {
        char saved = pdf[i];
        pdf[i] = (char)(saved ^ 0x21);
        br_arc_pdf_attachments((unsigned char *)pdf, len, &a, arena, &why);
        pdf[i] = saved;
    }
    free(pdf);
    br_arena_free(arena);
}

static void refuses_what_it_cannot_follow(void **state)
{
    (void)state;
    br_arena *arena = br_arena_new();
    br_arc_attachments a;
    const char *why = NULL;
    assert_false(br_arc_pdf_attachments((const unsigned char *)"hello", 5, &a, arena, &why));
    assert_string_equal(why, "not a PDF file");
    /* A stream whose /Length is itself; a name tree whose kid is itself;
     * arrays nested far deeper than any real file. */
    char *deep = malloc(200001);
    memset(deep, '[', 100000);
    memset(deep + 100000, ']', 100000);
    deep[200000] = '\0';
    const char *bodies[] = {
        "<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>",
        "<< /Kids [2 0 R 3 0 R] /Names [(a) 4 0 R] >>",
        deep,
        "<< /EF << /F 5 0 R >> /F (a) >>",
        "<< /Length 5 0 R >>\nstream\nxx\nendstream",
    };
    size_t len;
    char *pdf = make_pdf(bodies, 5, &len);
    bool ok = br_arc_pdf_attachments((unsigned char *)pdf, len, &a, arena, &why);
    /* The file once, however often the tree leads to it; its data unread. */
    assert_true(!ok || (a.n == 1 && a.items[0].problem));
    if (ok)
        assert_string_equal(a.items[0].name, "a");
    free(pdf);
    free(deep);
    br_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_carried_file),
        cmocka_unit_test(refuses_what_it_cannot_follow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
