/* pdf_int.h — what the paint stage's files share; not part of the interface.
 *
 * libharu 2.3.0 has no API for a ToUnicode map that readers accept, a
 * structure tree or PDF/A metadata, but it installs the headers of its
 * low-level objects (dictionaries, arrays, streams, the catalog): pdf_*.c
 * build those parts of the file on them.  Every function here reports a
 * failure by returning false (or NULL); libharu's own error handler has
 * then usually recorded why.
 */
#ifndef BR_PDF_INT_H
#define BR_PDF_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "br_doc.h"
#include "br_font.h"
#include "br_layout.h"

/* Replaces the ToUnicode map of font (a two-byte font of libharu's UTF-8
 * encoder, whose codes are the characters' code points) by a valid one:
 * libharu's own is a CID map that poppler rejects with a warning.  The map
 * is the same for every such font: it is made once, in *shared (NULL
 * before the first call). */
bool br_pdf_set_tounicode(HPDF_Doc pdf, HPDF_Font font, HPDF_Dict *shared);

/* A new stream object holding text (len bytes), compressed when compress
 * is set; NULL on failure. */
HPDF_Dict br_pdf_stream(HPDF_Doc pdf, const void *data, size_t len, bool compress);

/* A text string object (UTF-16BE with its byte order mark) from UTF-8. */
HPDF_Binary br_pdf_text(HPDF_Doc pdf, const char *utf8);
/* The bytes of that string: malloc'ed, *len of them; NULL when out of memory. */
unsigned char *br_pdf_utf16(const char *utf8, size_t *len);

/* ---- the structure tree (pdf_tags.c) ---- */

typedef struct br_tagger br_tagger;

/* A tagger for pages' elements; NULL on failure. */
br_tagger *br_pdf_tags_new(HPDF_Doc pdf, const br_pages *pages);
void br_pdf_tags_free(br_tagger *t);
/* Page index starts: it gets /StructParents and /Tabs /S. */
void br_pdf_tags_page(br_tagger *t, HPDF_Page page, size_t index);
/* Whether an item of elem (BR_ARTIFACT: an artifact) needs a new
 * marked-content sequence; if so the painter ends its text object (a
 * sequence must not cross BT or ET) and calls br_pdf_tags_mark. */
bool br_pdf_tags_changes(const br_tagger *t, uint32_t elem);
bool br_pdf_tags_mark(br_tagger *t, uint32_t elem);
/* Tags annot, a link annotation on page index page made for footnote
 * reference elem (after every page is painted): the reference's Link
 * element gets the annotation, which gets its /StructParent.  Nothing for
 * another element. */
bool br_pdf_tags_link(br_tagger *t, uint32_t elem, HPDF_Annotation annot, size_t page);
/* Closes the page's open sequence (outside any text object). */
bool br_pdf_tags_end_page(br_tagger *t);
/* Completes the tree and sets the catalog's /MarkInfo and /StructTreeRoot.
 * The tree's objects are written when libharu saves the file: free the
 * tagger only after that. */
bool br_pdf_tags_finish(br_tagger *t);
/* The catalog's /Lang (lang, "en-GB" when NULL or empty) and
 * /ViewerPreferences <</DisplayDocTitle true>>, tagged or not. */
bool br_pdf_set_language(HPDF_Doc pdf, const char *lang);

/* ---- PDF/A-3b (pdf_pdfa.c) ---- */

/* The sRGB profile of the output intent (srgb_icc.c: icc/sRGB.icc). */
extern const unsigned char br_pdf_srgb_icc[];
extern const size_t br_pdf_srgb_icc_len;

/* Makes the file PDF 1.7 with the sRGB output intent and XMP metadata made
 * from the Info dictionary as it stands (call it after every Info entry is
 * set; UTC dates are tidied to "D:YYYYMMDDHHmmSSZ"), naming PDF/A-3b and,
 * when tagged, PDF/UA-1; lang is dc:language. */
bool br_pdf_archival(HPDF_Doc pdf, const char *lang, bool tagged);

/* ---- associated files (pdf_files.c) ---- */

/* Embeds doc's files (doc->files) as PDF/A-3 associated files: listed in
 * the catalog's /AF and /EmbeddedFiles, each with its relationship, MIME
 * type, size, MD5 checksum and the paper's date.  True when there are none. */
bool br_pdf_attach(HPDF_Doc pdf, const br_doc *doc);

/* ---- object streams (pdf_pack.c) ---- */

/* libharu's finished file (len bytes) written again with every object but
 * streams in compressed object streams and a cross-reference stream, the
 * trailer's entries (/Root, /Info, /ID) kept; object numbers unchanged.
 * A malloc'ed buffer of *out_len bytes, or NULL when out of memory or when
 * in is not laid out as libharu writes files (then keep in as it is). */
unsigned char *br_pdf_pack(const unsigned char *in, size_t len, size_t *out_len);

/* Set by the painter's unit tests, which search libharu's objects in the
 * bytes (object streams hide them) and test the packing on its own. */
extern bool br_pdf_pack_off;

/* The content stream of page, for operators libharu has no call for. */
HPDF_Stream br_pdf_page_stream(HPDF_Page page);

/* Where the current line of a text object starts (0, 0 after BT). */
typedef struct br_pdf_line {
    double x, y;
} br_pdf_line;

/* Text to show: len bytes of UTF-8, the metrics of its font (NULL: marks
 * are drawn where the pen is) and the size it is set at. */
typedef struct br_pdf_run {
    const char *utf8;
    size_t len;
    const br_font *metrics;
    double size;
} br_pdf_run;

/* Shows a run in font (a two-byte font of libharu's UTF-8 encoder, already
 * selected with its size, inside BT ... ET): at (x, y) when place is set
 * (and line is moved there), else where the text position is.  A
 * combining mark after a letter is drawn over (or under) it and advances
 * the text by nothing (br_font_mark_offset), as br_font_text_width
 * measures it.  used has a bit per code point of the characters already
 * marked in font. */
bool br_pdf_show(HPDF_Page page, HPDF_Font font, uint8_t used[8192], br_pdf_line *line,
                 const br_pdf_run *run, bool place, double x, double y);

#endif
