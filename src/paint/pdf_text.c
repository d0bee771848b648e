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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "br_font.h"
#include "br_unicode.h"

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

/* Writes a mark drawn dx, dy (1/1000 em) from the pen and advancing by
 * nothing: TJ moves to it and back past the advance libharu gives it, Ts
 * lifts or drops it. */
static size_t put_mark(unsigned char *out, uint32_t cp, int dx, int dy, int advance, double size)
{
    size_t o = 0;
    if (dy) {
        o += put_real((char *)out + o, dy * size / 1000.0);
        memcpy(out + o, " Ts\n", 4);
        o += 4;
    }
    o += (size_t)sprintf((char *)out + o, "[%d(", -dx);
    o += put_code(out + o, cp);
    o += (size_t)sprintf((char *)out + o, ")%d]TJ\n", dx + advance);
    if (dy) {
        memcpy(out + o, "0 Ts\n", 5);
        o += 5;
    }
    return o;
}

bool br_pdf_show(HPDF_Page page, HPDF_Font font, uint8_t used[8192], br_pdf_line *line,
                 const br_pdf_run *run, bool place, double x, double y)
{
    HPDF_Stream st = br_pdf_page_stream(page);
    const char *utf8 = run->utf8;
    size_t len = run->len;
    const br_font *metrics = run->metrics && br_uni_has_mark(utf8, len) ? run->metrics : NULL;
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
    uint32_t base = 0;      /* the letter the next marks belong to; 0 none */
    br_mark_place mp = {.ok = false};
    for (size_t i = 0; i < len && ok; o = 0) {
        size_t k = 0, open = o;
        buf[o++] = '(';
        for (; i < len && k < PIECE; k++) {
            uint32_t cp;
            size_t n = br_utf8_decode(utf8 + i, len - i, &cp);
            if (cp > 0xFFFF)
                cp = 0xFFFD;
            i += n;
            mark_glyph(font, used, cp);
            int dx, dy;
            if (metrics && br_uni_ccc(cp) > 0 && base) {
                if (!mp.ok)
                    br_font_mark_base(metrics, base, &mp);
                if (br_font_mark_offset(metrics, &mp, cp, &dx, &dy)) {
                    /* The string so far, the mark, then a new string. */
                    if (o > open + 1) {
                        memcpy(buf + o, ") Tj\n", 5);
                        o += 5;
                    } else {
                        o = open;
                    }
                    o += put_mark(buf + o, cp, dx, dy, br_font_advance(metrics, cp), run->size);
                    ok = HPDF_Stream_Write(st, buf, (HPDF_UINT)o) == HPDF_OK;
                    o = open = 0;
                    buf[o++] = '(';
                    continue;
                }
            } else if (metrics && br_uni_ccc(cp) == 0) {
                base = cp;
                mp.ok = false;
            }
            o += put_code(buf + o, cp);
        }
        if (o > open + 1) {
            memcpy(buf + o, ") Tj\n", 5);
            o += 5;
        } else {
            o = open;
        }
        if (o > 0)
            ok = ok && HPDF_Stream_Write(st, buf, (HPDF_UINT)o) == HPDF_OK;
    }
    if (buf != small)
        free(buf);
    return ok;
}
