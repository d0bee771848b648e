/* markup.c — the inline markup parser (br_markup.h).
 *
 * Plain text is copied into a buffer and handed to the sink as one piece
 * whenever the face changes or a footnote reference interrupts it.
 */
#include "br_markup.h"

#include <stdbool.h>
#include <string.h>

typedef struct parser {
    const br_markup_sink *sink;
    char *buf;
    size_t len;
} parser;

static br_face with_flags(br_face base, bool bold, bool italic)
{
    bool b = bold || base == BR_FACE_BOLD || base == BR_FACE_BOLD_ITALIC;
    bool i = italic || base == BR_FACE_ITALIC || base == BR_FACE_BOLD_ITALIC;
    return b ? (i ? BR_FACE_BOLD_ITALIC : BR_FACE_BOLD) : (i ? BR_FACE_ITALIC : BR_FACE_REGULAR);
}

static void flush(parser *p, br_face face)
{
    if (p->len == 0)
        return;
    if (p->sink->text)
        p->sink->text(p->sink->ctx, face, p->buf, p->len);
    p->len = 0;
}

static size_t star_run(const char *s, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && s[i + n] == '*')
        n++;
    return n;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A run of n stars at s[i] with a digit on each side ("5*3*2=30", "2**8")
 * is arithmetic, not emphasis: it neither opens nor closes, and prints. */
static bool between_digits(const char *s, size_t i, size_t n, size_t end)
{
    return i > 0 && is_digit(s[i - 1]) && i + n < end && is_digit(s[i + n]);
}

/* Finds the closer of an opener of n stars whose content starts at i: a run
 * of exactly n stars preceded by a non-space.  Returns its index or end. */
static size_t find_closer(const char *s, size_t i, size_t end, size_t n)
{
    while (i < end) {
        if (s[i] == '\\' && i + 1 < end) {
            i += 2;
            continue;
        }
        if (s[i] != '*') {
            i++;
            continue;
        }
        size_t k = star_run(s, i, end);
        if (k == n && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '\t' &&
            !between_digits(s, i, k, end))
            return i;
        i += k;
    }
    return end;
}

/* Reads "[^key]" at s[i]: a key of at least one character and no space,
 * bracket or line break.  Returns the bytes used, 0 if it is not one. */
static size_t footnote_ref(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    if (i + 3 >= end || s[i + 1] != '^')
        return 0;
    size_t k = i + 2;
    while (k < end && s[k] != ']' && s[k] != '[' && s[k] != '\n' && s[k] != ' ')
        k++;
    if (k >= end || s[k] != ']' || k == i + 2)
        return 0;
    flush(p, face);
    if (p->sink->footnote)
        p->sink->footnote(p->sink->ctx, face, s + i + 2, k - i - 2, s + i, k + 1 - i);
    return k + 1 - i;
}

static void parse_span(parser *p, const char *s, size_t i, size_t end, br_face face);

/* Handles a run of stars at s[i]; returns the index after what it used. */
static size_t emphasis(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    size_t n = star_run(s, i, end);
    size_t open_end = i + n;
    if (n <= 3 && open_end < end && s[open_end] != ' ' && s[open_end] != '\n' &&
        !between_digits(s, i, n, end)) {
        size_t close = find_closer(s, open_end, end, n);
        if (close < end) {
            flush(p, face);
            br_face inner = with_flags(face, n >= 2, n != 2);
            parse_span(p, s, open_end, close, inner);
            flush(p, inner);
            return close + n;
        }
    }
    memcpy(p->buf + p->len, s + i, n);  /* unclosed: print as written */
    p->len += n;
    return open_end;
}

static void parse_span(parser *p, const char *s, size_t i, size_t end, br_face face)
{
    while (i < end) {
        char c = s[i];
        if (c == '\\' && i + 1 < end) {
            p->buf[p->len++] = s[i + 1];
            i += 2;
        } else if (c == '*') {
            i = emphasis(p, s, i, end, face);
        } else if (c == '[') {
            size_t used = footnote_ref(p, s, i, end, face);
            if (!used)
                p->buf[p->len++] = c;
            i += used ? used : 1;
        } else {
            p->buf[p->len++] = c;
            i++;
        }
    }
    flush(p, face);
}

typedef struct plain_buf {
    char *s;
    size_t n;
} plain_buf;

static void plain_piece(void *ctx, br_face face, const char *text, size_t len)
{
    plain_buf *b = ctx;
    (void)face;
    memcpy(b->s + b->n, text, len);
    b->n += len;
}

char *br_markup_plain(br_arena *arena, const char *text)
{
    plain_buf b = {br_arena_alloc(arena, (text ? strlen(text) : 0) + 1), 0};
    br_markup_sink sink = {.text = plain_piece, .ctx = &b};
    br_markup_parse(arena, text, BR_FACE_REGULAR, &sink);
    b.s[b.n] = '\0';
    return b.s;
}

void br_markup_parse(br_arena *arena, const char *text, br_face base, const br_markup_sink *sink)
{
    if (!text)
        return;
    size_t len = strlen(text);
    parser p = {sink, br_arena_alloc(arena, len + 1), 0};
    parse_span(&p, text, 0, len, base);
}
