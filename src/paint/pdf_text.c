/* pdf_text.c — text shown in a two-byte font, written by us.
 *
 * libharu's HPDF_Page_ShowText measures every string again and writes it
 * as hex, four digits a glyph: for a report that is most of the paint
 * time and of the content to compress.  Here a string is written as a
 * literal string of two-byte codes (the code point, big-endian: libharu's
 * UTF-8 encoder), placed with Tm, and each character is told to libharu
 * once per font (HPDF_TTFontDef_GetCharWidth marks its glyph, which is
 * what puts it in the embedded subset).
 */
#include "pdf_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "br_font.h"

/* Characters to a Tj: a literal string stays well under the 32,767 bytes
 * that older readers (and PDF/A-1) allow. */
enum { PIECE = 8000 };

HPDF_Stream br_pdf_page_stream(HPDF_Page page)
{
    return ((HPDF_PageAttr)page->attr)->stream;
}

/* Writes v as PDF writes a number, to two decimals without trailing
 * zeros ("12.5", "-3", "0"); returns the length.  (snprintf cost more
 * than all the rest of the text.) */
static size_t put_real(char *out, double v)
{
    long long c = (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
    size_t o = 0;
    if (c < 0)
        out[o++] = '-', c = -c;
    char digits[24];
    size_t n = 0;
    long long whole = c / 100;
    do
        digits[n++] = (char)('0' + whole % 10);
    while ((whole /= 10) > 0);
    while (n > 0)
        out[o++] = digits[--n];
    int frac = (int)(c % 100);
    if (frac) {
        out[o++] = '.';
        out[o++] = (char)('0' + frac / 10);
        if (frac % 10)
            out[o++] = (char)('0' + frac % 10);
    }
    if (o == 2 && out[0] == '-' && out[1] == '0')
        out[0] = '0', o = 1;
    return o;
}

static void mark_glyph(HPDF_Font font, uint8_t *used, uint32_t cp)
{
    if (used[cp >> 3] & (1u << (cp & 7)))
        return;
    used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    HPDF_TTFontDef_GetCharWidth(((HPDF_FontAttr)font->attr)->fontdef, (HPDF_UINT16)cp);
}

/* Appends the code of cp to out, escaped for a literal string. */
static size_t put_code(unsigned char *out, uint32_t cp)
{
    size_t o = 0;
    unsigned char b[2] = {(unsigned char)(cp >> 8), (unsigned char)cp};
    for (int i = 0; i < 2; i++) {
        unsigned char c = b[i];
        if (c == '(' || c == ')' || c == '\\')
            out[o++] = '\\', out[o++] = c;
        else if (c == '\r')
            out[o++] = '\\', out[o++] = 'r';
        else if (c == '\n')
            out[o++] = '\\', out[o++] = 'n';
        else
            out[o++] = c;
    }
    return o;
}

bool br_pdf_show(HPDF_Page page, HPDF_Font font, uint8_t used[8192], br_pdf_line *line,
                 const char *utf8, size_t len, bool place, double x, double y)
{
    HPDF_Stream st = br_pdf_page_stream(page);
    size_t cap = 4 * (len < PIECE ? len : PIECE) + 96;
    unsigned char small[1024], *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf)
        return false;
    bool ok = true;
    size_t o = 0;
    if (place) {
        /* Td moves from the start of the last line placed: two short
         * numbers, where an absolute Tm would be six. */
        o += put_real((char *)buf + o, x - line->x);
        buf[o++] = ' ';
        o += put_real((char *)buf + o, y - line->y);
        memcpy(buf + o, " Td\n", 4);
        o += 4;
        line->x = x;
        line->y = y;
    }
    for (size_t i = 0; i < len && ok; o = 0) {
        size_t k = 0;
        buf[o++] = '(';
        for (; i < len && k < PIECE; k++) {
            uint32_t cp;
            i += br_utf8_decode(utf8 + i, len - i, &cp);
            if (cp > 0xFFFF)
                cp = 0xFFFD;
            mark_glyph(font, used, cp);
            o += put_code(buf + o, cp);
        }
        memcpy(buf + o, ") Tj\n", 5);
        o += 5;
        ok = HPDF_Stream_Write(st, buf, (HPDF_UINT)o) == HPDF_OK;
    }
    if (buf != small)
        free(buf);
    return ok;
}
