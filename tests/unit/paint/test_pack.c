/* test_pack.c — br_pdf_pack on libharu's own files and on damaged ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <hpdf.h>

#include "../../../src/paint/pdf_int.h"

/* A small file as libharu writes it: two pages of text, an outline. */
static unsigned char *libharu_file(size_t *len)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", NULL);
    for (int i = 0; i < 2; i++) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 12);
        HPDF_Page_TextOut(page, 72, 720, i ? "endobj endstream trailer" : "Page one");
        HPDF_Page_EndText(page);
    }
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "A (title) with >> in it");
    assert_int_equal(HPDF_SaveToStream(pdf), HPDF_OK);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *data = malloc(size);
    HPDF_UINT32 n = size;
    HPDF_ResetStream(pdf);
    assert_int_equal(HPDF_ReadFromStream(pdf, data, &n), HPDF_OK);
    assert_int_equal(n, size);
    HPDF_Free(pdf);
    *len = size;
    return data;
}

static bool contains(const unsigned char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, word, k) == 0)
            return true;
    return false;
}

static void packs_libharu_output(void **state)
{
    (void)state;
    size_t len = 0, out_len = 0, again_len = 0;
    unsigned char *in = libharu_file(&len);
    unsigned char *out = br_pdf_pack(in, len, &out_len);
    assert_non_null(out);
    /* One cross-reference stream, object streams, no classic table; the
     * page streams kept as they were. */
    assert_true(contains(out, out_len, "/Type /XRef"));
    assert_true(contains(out, out_len, "/Type /ObjStm"));
    assert_false(contains(out, out_len, "\nxref\n"));
    assert_true(contains(out, out_len, "/Root 1 0 R"));
    assert_memory_equal(out, "%PDF-", 5);
    assert_memory_equal(out + out_len - 6, "%%EOF\n", 6);
    /* The same input gives the same bytes. */
    unsigned char *again = br_pdf_pack(in, len, &again_len);
    assert_non_null(again);
    assert_int_equal(again_len, out_len);
    assert_memory_equal(again, out, out_len);
    /* Checked by a reader that is not ours, when it is installed. */
    FILE *f = fopen("/tmp/br_test_pack.pdf", "wb");
    assert_non_null(f);
    fwrite(out, 1, out_len, f);
    fclose(f);
    if (system("command -v qpdf >/dev/null 2>&1") == 0)
        assert_int_equal(system("qpdf --check /tmp/br_test_pack.pdf >/dev/null 2>&1"), 0);
    remove("/tmp/br_test_pack.pdf");
    free(again);
    free(out);
    free(in);
}

/* Any damage gives NULL (the caller keeps the file as it was), never a
 * crash or a read outside the input (AddressSanitizer watches). */
static void refuses_damaged_files(void **state)
{
    (void)state;
    size_t len = 0, out_len = 0;
    unsigned char *in = libharu_file(&len);
    for (size_t cut = 0; cut < len; cut += cut < 64 || cut > len - 200 ? 1 : 97) {
        unsigned char *part = malloc(cut ? cut : 1);
        memcpy(part, in, cut);
        unsigned char *out = br_pdf_pack(part, cut, &out_len);
        free(out);
        free(part);
    }
    unsigned char *copy = malloc(len);
    for (size_t i = 0; i < len; i += 13) {
        memcpy(copy, in, len);
        copy[i] ^= 0x5A;
        free(br_pdf_pack(copy, len, &out_len));
    }
    assert_null(br_pdf_pack((const unsigned char *)"not a pdf", 9, &out_len));
    free(copy);
    free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(packs_libharu_output),
        cmocka_unit_test(refuses_damaged_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
