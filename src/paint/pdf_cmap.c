/* pdf_cmap.c — a ToUnicode map that every reader accepts.
 *
 * With libharu's UTF-8 encoder a glyph's character code is its code point
 * (the Basic Multilingual Plane; paint turns anything above it into
 * U+FFFD), so the map is the identity.  libharu writes it as a CID map
 * ("begincidrange <0000> <FFFF> 0"), which is not valid in a ToUnicode
 * CMap: poppler warns on every open and other readers may map nothing.  A
 * bfrange may vary only in its last byte, so the identity is 256 ranges of
 * 256 codes, at most 100 to a block.  The surrogate codes D800-DFFF never
 * occur (paint never shows them) and map to U+FFFD.
 */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>

#include <hpdf_objects.h>

#define CMAP_HEAD \
    "/CIDInit /ProcSet findresource begin\n" \
    "12 dict begin\n" \
    "begincmap\n" \
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" \
    "/CMapName /Adobe-Identity-UCS def\n" \
    "/CMapType 2 def\n" \
    "1 begincodespacerange\n" \
    "<0000> <FFFF>\n" \
    "endcodespacerange\n"

#define CMAP_TAIL \
    "endcmap\n" \
    "CMapName currentdict /CMap defineresource pop\n" \
    "end\n" \
    "end\n"

enum { RANGES = 256, PER_BLOCK = 100, RANGE_LINE = 22 };

/* Writes the whole map into buf (large enough); returns its length. */
static size_t write_identity(char *buf)
{
    size_t n = 0;
    memcpy(buf, CMAP_HEAD, sizeof CMAP_HEAD - 1);
    n += sizeof CMAP_HEAD - 1;
    for (unsigned hi = 0; hi < RANGES; hi++) {
        if (hi % PER_BLOCK == 0) {
            unsigned k = RANGES - hi < PER_BLOCK ? RANGES - hi : PER_BLOCK;
            n += (size_t)sprintf(buf + n, "%u beginbfrange\n", k);
        }
        bool surrogate = hi >= 0xD8 && hi <= 0xDF;
        n += (size_t)sprintf(buf + n, "<%02X00> <%02XFF> <%04X>\n", hi, hi,
                             surrogate ? 0xFFFDu : hi << 8);
        if (hi % PER_BLOCK == PER_BLOCK - 1 || hi == RANGES - 1)
            n += (size_t)sprintf(buf + n, "endbfrange\n");
    }
    memcpy(buf + n, CMAP_TAIL, sizeof CMAP_TAIL - 1);
    return n + sizeof CMAP_TAIL - 1;
}

bool br_pdf_set_tounicode(HPDF_Doc pdf, HPDF_Font font, HPDF_Dict *shared)
{
    if (!*shared) {
        static char text[sizeof CMAP_HEAD + sizeof CMAP_TAIL + RANGES * RANGE_LINE + 64];
        *shared = br_pdf_stream(pdf, text, write_identity(text), true);
    }
    return *shared && HPDF_Dict_Add(font, "ToUnicode", *shared) == HPDF_OK;
}
