/* br_unicode.h — what boardreport knows of Unicode beyond UTF-8: combining
 * marks and their canonical composition (NFC), from the tables that
 * tools/unicode_tables.py generates out of the Unicode Character Database.
 *
 * Text is set as the author wrote it, except that a letter followed by
 * combining accents ("e" U+0301) is set as the precomposed letter ("é")
 * where the font has one: the accent then sits where the type designer put
 * it, not where a zero-width mark happens to fall.  Layout measures and the
 * painter paints the same normalised text (br_font_text_width,
 * br_font_nfc), so measured and painted widths agree.
 */
#ifndef BR_UNICODE_H
#define BR_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The canonical combining class of cp (0 for a starter: a letter, a
 * digit, a space; above 0 for a combining mark: 230 above, 220 below). */
int br_uni_ccc(uint32_t cp);

/* True when the UTF-8 text holds a combining mark (the only text that
 * normalisation may change). */
bool br_uni_has_mark(const char *s, size_t len);

/* Bytes of the cluster at the start of s: one character and the combining
 * marks after it, which a line break never separates. */
size_t br_uni_cluster(const char *s, size_t len);

/* May the composite cp be used?  (The font has a glyph for it.) */
typedef bool br_uni_keep(const void *ctx, uint32_t cp);

/* The output of br_uni_nfc never exceeds this many bytes for len bytes in. */
#define BR_UNI_NFC_ROOM(len) (4 * (len) + 1)

/* Writes s in Normalization Form C (UAX #15) into out, which holds at least
 * BR_UNI_NFC_ROOM(len) bytes, and returns the bytes written (not counting
 * the terminating NUL it adds).  Each letter with combining marks after it
 * is decomposed, its marks put in canonical order, and composed again;
 * a composite is used only where keep(ctx, cp) allows (NULL keeps all), so
 * a letter the font lacks stays a letter and marks.  Composition covers
 * the Latin, Greek and Cyrillic letters of U+00C0-U+04FF and
 * U+1E00-U+1FFF; text without combining marks is copied unchanged, as
 * are malformed bytes. */
size_t br_uni_nfc(const char *s, size_t len, char *out, br_uni_keep *keep, const void *ctx);

/* Writes cp as UTF-8 into out (at least 4 bytes); returns the bytes. */
size_t br_utf8_encode(uint32_t cp, char *out);

#endif
