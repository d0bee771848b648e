/* pdf_object.c — streams and text strings on libharu's low-level objects. */
#include "pdf_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "br_font.h"

HPDF_Dict br_pdf_stream(HPDF_Doc pdf, const void *data, size_t len, bool compress)
{
    if (len > UINT32_MAX / 2)
        return NULL;
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!d)
        return NULL;
    if (compress)
        d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (len && HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len) != HPDF_OK)
        return NULL;
    return d;
}

unsigned char *br_pdf_utf16(const char *utf8, size_t *len)
{
    size_t n = strlen(utf8);
    /* At most two UTF-16 units (4 bytes) per UTF-8 sequence of 1..4 bytes. */
    unsigned char *out = malloc(4 * n + 2);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = 0xFE;
    out[o++] = 0xFF;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += br_utf8_decode(utf8 + i, n - i, &cp);
        if (cp >= 0x10000) {
            uint32_t v = cp - 0x10000;
            uint32_t hi = 0xD800 | v >> 10, lo = 0xDC00 | (v & 0x3FF);
            out[o++] = (unsigned char)(hi >> 8), out[o++] = (unsigned char)hi;
            out[o++] = (unsigned char)(lo >> 8), out[o++] = (unsigned char)lo;
        } else {
            out[o++] = (unsigned char)(cp >> 8), out[o++] = (unsigned char)cp;
        }
    }
    *len = o;
    return out;
}

HPDF_Binary br_pdf_text(HPDF_Doc pdf, const char *utf8)
{
    size_t len;
    unsigned char *out = br_pdf_utf16(utf8, &len);
    if (!out)
        return NULL;
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, out, (HPDF_UINT)len);
    free(out);
    return b;
}
