/* br_font.h — TrueType metrics, read without libharu.
 *
 * Layout measures text with these metrics and the painter embeds the same
 * files with libharu, so measured width equals painted width.  Widths are in
 * thousandths of an em as whole numbers, computed exactly as libharu 2.3.0
 * computes the /W widths it writes: advance * 1000 / unitsPerEm, truncated.
 */
#ifndef BR_FONT_H
#define BR_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_diag.h"

typedef struct br_font br_font;

/* The four faces of a family, in this order everywhere. */
typedef enum br_face {
    BR_FACE_REGULAR,
    BR_FACE_BOLD,
    BR_FACE_ITALIC,
    BR_FACE_BOLD_ITALIC,
    BR_FACE_COUNT
} br_face;

/* Loads a .ttf file.  Returns NULL and writes a one-line reason into err
 * (errlen bytes) when the file is missing, unreadable or not a TrueType
 * font with a Unicode cmap.  Free with br_font_free. */
br_font *br_font_load(const char *path, char *err, size_t errlen);
void br_font_free(br_font *font);   /* accepts NULL */

const char *br_font_path(const br_font *font);

/* Advance width of one code point in 1/1000 em; the .notdef width for a
 * code point the font lacks. */
int br_font_advance(const br_font *font, uint32_t codepoint);

/* True when the font maps the code point to a real glyph (not .notdef). */
bool br_font_has_glyph(const br_font *font, uint32_t codepoint);

/* Width of len bytes of UTF-8 text in 1/1000 em (sum of advances, no
 * kerning: libharu does not kern CID fonts).  Invalid bytes count as U+FFFD.
 * Text with combining marks is measured as the painter paints it: in NFC
 * where the font has the composite (br_font_nfc), and each mark left
 * advancing by nothing (it is drawn over its letter: br_font_mark_offset). */
long br_font_text_width(const br_font *font, const char *utf8, size_t len);

/* br_uni_nfc with the composites the font has: out holds at least
 * BR_UNI_NFC_ROOM(len) bytes.  Returns the bytes written. */
size_t br_font_nfc(const br_font *font, const char *s, size_t len, char *out);

/* Where combining marks go over (or under) their letter, in 1/1000 em. */
typedef struct br_mark_place {
    int advance;        /* the letter's advance */
    int mid;            /* the middle of its ink, from its origin */
    int top, bottom;    /* the ink so far: the letter's, then its marks' */
    bool ok;
} br_mark_place;

/* Starts placing the marks that follow base. */
void br_font_mark_base(const br_font *font, uint32_t base, br_mark_place *mp);

/* The offset (dx, dy) from the pen after the letter (and any earlier marks,
 * which advance by nothing) at which mark is drawn: its ink centred over
 * the letter's, an above-mark lifted clear of a tall letter or an earlier
 * mark, a below-mark dropped clear of a descender.  False when the font has
 * no ink for it (it is then drawn at the pen). */
bool br_font_mark_offset(const br_font *font, br_mark_place *mp, uint32_t mark, int *dx,
                         int *dy);

/* Vertical metrics in 1/1000 em: ascender (positive), descender (negative),
 * cap height. */
int br_font_ascent(const br_font *font);
int br_font_descent(const br_font *font);
int br_font_cap_height(const br_font *font);

/* Decodes one UTF-8 code point at s (at most len bytes); stores it in *cp and
 * returns the bytes used (1..4).  Malformed input yields U+FFFD and 1. */
size_t br_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* A family: four faces loaded from one directory. */
typedef struct br_fontset {
    br_font *face[BR_FACE_COUNT];
} br_fontset;

/* Loads dir/<file> for each face (files[] indexed by br_face).  Returns
 * false and writes the reason into err on the first failure. */
bool br_fontset_load(br_fontset *set, const char *dir, const char *const files[BR_FACE_COUNT],
                     char *err, size_t errlen);
void br_fontset_free(br_fontset *set);

/* What has been warned of, so that each missing character is named once
 * (at its first place) and right-to-left text once. */
typedef struct br_glyph_warned {
    uint8_t missing[0x110000 / 8];
    bool rtl;
} br_glyph_warned;

/* Warns when font has no glyph for cp ("character U+2713 '✓' is not in font
 * …; it will print as a box") and when cp is right-to-left, each once. */
void br_font_warn_glyph(const br_font *font, uint32_t cp, br_loc loc, br_glyph_warned *w,
                        br_diags *diags);

/* br_font_warn_glyph for every character of a UTF-8 text as it is painted
 * (in NFC where the font has the composite: br_font_nfc). */
void br_font_check_text(const br_font *font, const char *s, size_t len, br_loc loc,
                        br_glyph_warned *w, br_diags *diags);

#endif
