/* br_markup.h — the report format's inline markup, read in one place.
 *
 * *italic*, **bold**, ***bold italic***, [^key] footnote references; a
 * backslash escapes the next character; unclosed markers print as written.
 * The composer turns what this reads into runs (br_rich_parse); the loader
 * collects the footnote keys it finds, to check that each is defined and
 * each footnote used — so the two can never disagree about what is a
 * reference (`C:\\[^fn1]` is a backslash, then footnote fn1).
 */
#ifndef BR_MARKUP_H
#define BR_MARKUP_H

#include <stddef.h>

#include "br_arena.h"
#include "br_font.h"

typedef struct br_markup_sink {
    /* Plain text in one face, unescaped; may be called several times in a
     * row with the same face. */
    void (*text)(void *ctx, br_face face, const char *text, size_t len);
    /* A footnote reference: its key, and the reference as written. */
    void (*footnote)(void *ctx, br_face face, const char *key, size_t keylen, const char *raw,
                     size_t rawlen);
    void *ctx;
} br_markup_sink;

/* Reads text (NUL-terminated) in the base face, calling sink for each piece
 * in order.  Needs len + 1 bytes of scratch, taken from arena. */
void br_markup_parse(br_arena *arena, const char *text, br_face base, const br_markup_sink *sink);

/* The words of text without its markup or footnote references, in arena:
 * what a chart's title or a bookmark shows. */
char *br_markup_plain(br_arena *arena, const char *text);

#endif
