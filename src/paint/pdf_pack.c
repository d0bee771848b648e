/* pdf_pack.c — libharu's file repacked with object streams (PDF 1.5).
 *
 * libharu writes every object uncompressed with a classic cross-reference
 * table: in a tagged paper the structure elements (one per table cell),
 * the parent tree and the other small dictionaries take twice the room of
 * the pages and fonts together.  PDF 1.5 lets such objects live in
 * compressed object streams, indexed by a cross-reference stream; PDF/A-3
 * allows both.  This pass takes libharu's finished file apart by its
 * cross-reference table and writes it again: stream objects (pages'
 * contents, fonts, images, the XMP metadata, embedded files) as they were,
 * every other object in object streams of PACK_PER_STREAM objects,
 * compressed, then the cross-reference stream, whose dictionary carries the
 * old trailer's entries (/Root, /Info and the /ID derived from the source
 * digest) unchanged.  Object numbers are kept, so nothing inside an object
 * changes.  The same input gives the same bytes (zlib is deterministic).
 *
 * It reads only what libharu writes: one cross-reference section with its
 * trailer, objects of generation 0.  Anything else leaves the file as it
 * was (the caller keeps the unpacked bytes).
 */
#include "pdf_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* Objects per object stream: a reader inflates a whole stream to reach one
 * of them, so they stay small; larger ones hardly compress better. */
#define PACK_PER_STREAM 200
/* zlib's fastest level: on a tagged paper's structure elements (small,
 * alike dictionaries) it takes a third of the default level's time for
 * a fifth more compressed bytes (430 KB against 363 KB for the 22,000
 * elements of 2,000 measures: 3% of the file). */
#define PACK_LEVEL Z_BEST_SPEED

typedef struct pack_obj {
    size_t start, end;      /* "N 0 obj" ... "endobj" in the input */
    size_t body, body_end;  /* the object itself */
    bool used, stream;
    uint32_t holder;        /* the object stream it went into, or 0 */
    uint32_t index;         /* its place there */
    size_t out_offset;      /* where a stream object went in the output */
} pack_obj;

typedef struct packer {
    const unsigned char *in;
    size_t len;
    pack_obj *o;
    size_t n;               /* the old /Size */
    unsigned char *out;
    size_t out_len, out_cap;
    bool failed;
} packer;

static void emit(packer *p, const void *data, size_t n)
{
    if (p->failed)
        return;
    if (p->out_len + n > p->out_cap) {
        size_t cap = (p->out_len + n) * 3 / 2 + 4096;
        unsigned char *b = realloc(p->out, cap);
        if (!b) {
            p->failed = true;
            return;
        }
        p->out = b;
        p->out_cap = cap;
    }
    memcpy(p->out + p->out_len, data, n);
    p->out_len += n;
}

static void emitf(packer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emitf(packer *p, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        p->failed = true;
    else
        emit(p, buf, (size_t)n);
}

/* v in decimal and a space (emitf is slow for one entry per object). */
static void emit_number(packer *p, size_t v)
{
    char d[24];
    size_t i = sizeof d;
    d[--i] = ' ';
    do
        d[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    emit(p, d + i, sizeof d - i);
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/* The last occurrence of word in [from, to), or SIZE_MAX. */
static size_t find_last(const unsigned char *s, size_t from, size_t to, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = to; i >= from + k; i--)
        if (memcmp(s + i - k, word, k) == 0)
            return i - k;
    return SIZE_MAX;
}

/* Reads an unsigned number at *at (after white space); false if none. */
static bool read_number(const unsigned char *s, size_t len, size_t *at, size_t *value)
{
    size_t i = *at, v = 0;
    while (i < len && is_space(s[i]))
        i++;
    if (i >= len || s[i] < '0' || s[i] > '9')
        return false;
    while (i < len && s[i] >= '0' && s[i] <= '9' && v < SIZE_MAX / 10)
        v = v * 10 + (size_t)(s[i++] - '0');
    *at = i;
    *value = v;
    return true;
}

/* The cross-reference table: offsets of the objects in use; p->n is set. */
static bool read_table(packer *p, size_t *trailer)
{
    size_t sx = find_last(p->in, 0, p->len, "startxref"), at, xref, first, count;
    if (sx == SIZE_MAX || (at = sx + 9, !read_number(p->in, p->len, &at, &xref)) ||
        xref + 4 > p->len || memcmp(p->in + xref, "xref", 4) != 0)
        return false;
    at = xref + 4;
    if (!read_number(p->in, p->len, &at, &first) || !read_number(p->in, p->len, &at, &count) ||
        first != 0 || count == 0 || count > p->len / 20)
        return false;
    p->n = count;
    p->o = calloc(count, sizeof *p->o);
    if (!p->o)
        return false;
    for (size_t i = 0; i < count; i++) {
        size_t off, gen;
        if (!read_number(p->in, p->len, &at, &off) || !read_number(p->in, p->len, &at, &gen))
            return false;
        while (at < p->len && is_space(p->in[at]))
            at++;
        if (at >= p->len)
            return false;
        bool used = p->in[at++] == 'n';
        if (used && (gen != 0 || off >= xref))
            return false;
        p->o[i] = (pack_obj){.start = off, .used = used && i > 0};
    }
    while (at < p->len && is_space(p->in[at]))
        at++;
    if (at + 7 > p->len || memcmp(p->in + at, "trailer", 7) != 0)
        return false;
    *trailer = at + 7;
    p->o[0].start = xref;   /* not an object: the bound of the last one */
    return true;
}

static int by_start(const void *a, const void *b)
{
    size_t x = (*(const pack_obj *const *)a)->start, y = (*(const pack_obj *const *)b)->start;
    return (x > y) - (x < y);
}

/* Where each object's body begins and ends: an object ends at the last
 * "endobj" before the next object starts (a stream's data may hold the
 * word; the next object's offset cannot lie). */
static bool find_bodies(packer *p)
{
    pack_obj **order = calloc(p->n, sizeof *order);
    if (!order)
        return false;
    size_t m = 0;
    for (size_t i = 1; i < p->n; i++)
        if (p->o[i].used)
            order[m++] = &p->o[i];
    order[m++] = &p->o[0];  /* the cross-reference table, after them */
    /* libharu writes objects in their numbers' order: sorted already. */
    bool sorted = true;
    for (size_t k = 1; k < m && sorted; k++)
        sorted = order[k - 1]->start < order[k]->start;
    if (!sorted)
        qsort(order, m, sizeof *order, by_start);
    bool ok = order[m - 1] == &p->o[0];
    for (size_t k = 0; ok && k + 1 < m; k++) {
        pack_obj *o = order[k];
        size_t bound = order[k + 1]->start;
        size_t at = o->start, num, gen;
        ok = read_number(p->in, bound, &at, &num) && num == (size_t)(o - p->o) &&
             read_number(p->in, bound, &at, &gen) && gen == 0;
        while (ok && at < bound && is_space(p->in[at]))
            at++;
        ok = ok && at + 3 <= bound && memcmp(p->in + at, "obj", 3) == 0;
        size_t end = ok ? find_last(p->in, at + 3, bound, "endobj") : SIZE_MAX;
        if (!ok || end == SIZE_MAX) {
            ok = false;
            break;
        }
        o->body = at + 3;
        o->body_end = end;
        o->end = end + 6;
        while (o->body < end && is_space(p->in[o->body]))
            o->body++;
        while (o->body_end > o->body && is_space(p->in[o->body_end - 1]))
            o->body_end--;
        size_t k9 = strlen("endstream");
        o->stream = o->body_end - o->body >= k9 &&
                    memcmp(p->in + o->body_end - k9, "endstream", k9) == 0;
    }
    free(order);
    return ok;
}

/* One object stream holding objects ids[0..count) as number next. */
static void emit_object_stream(packer *p, const uint32_t *ids, size_t count, uint32_t number,
                               size_t *offset)
{
    packer head = {0}, body = {0};
    for (size_t k = 0; k < count && !head.failed && !body.failed; k++) {
        pack_obj *o = &p->o[ids[k]];
        emit_number(&head, ids[k]);
        emit_number(&head, body.out_len);
        emit(&body, p->in + o->body, o->body_end - o->body);
        emit(&body, "\n", 1);
        o->holder = number;
        o->index = (uint32_t)k;
    }
    emit(&head, body.out, body.out_len);
    if (head.failed || body.failed) {
        p->failed = true;
    } else {
        *offset = p->out_len;
        unsigned char *z = NULL;
        uLongf size = compressBound((uLong)head.out_len);
        z = malloc(size);
        if (!z || compress2(z, &size, head.out, (uLong)head.out_len, PACK_LEVEL) != Z_OK)
            p->failed = true;
        else {
            emitf(p, "%u 0 obj\n<<\n/Type /ObjStm\n/N %zu\n/First %zu\n/Filter /FlateDecode\n"
                     "/Length %lu\n>>\nstream\n", number, count, head.out_len - body.out_len,
                  (unsigned long)size);
            emit(p, z, size);
            emit(p, "\nendstream\nendobj\n", 18);
        }
        free(z);
    }
    free(head.out);
    free(body.out);
}

/* Where the old trailer's entries are: between its << and >>, one to a
 * line as libharu writes them. */
static bool trailer_entries(packer *p, size_t at, size_t *from, size_t *to)
{
    while (at < p->len && is_space(p->in[at]))
        at++;
    size_t end = find_last(p->in, at, p->len, ">>");
    if (at + 2 > p->len || memcmp(p->in + at, "<<", 2) != 0 || end == SIZE_MAX)
        return false;
    *from = at + 2;
    *to = end;
    return true;
}

static void put_field(unsigned char *row, int width, size_t value)
{
    for (int i = width - 1; i >= 0; i--, value >>= 8)
        row[i] = (unsigned char)value;
}

static void emit_xref_stream(packer *p, const size_t *objstm_offset, uint32_t first_objstm,
                             uint32_t nobjstm, size_t tr_from, size_t tr_to)
{
    uint32_t number = first_objstm + nobjstm, size = number + 1;
    size_t xref_at = p->out_len;
    unsigned char *rows = calloc(size, 7);
    if (!rows) {
        p->failed = true;
        return;
    }
    put_field(rows + 5, 2, 65535);      /* object 0: the head of the free list */
    for (uint32_t i = 1; i < p->n; i++) {
        unsigned char *r = rows + 7 * (size_t)i;
        const pack_obj *o = &p->o[i];
        if (!o->used)
            continue;
        r[0] = o->stream ? 1 : 2;
        put_field(r + 1, 4, o->stream ? o->out_offset : o->holder);
        put_field(r + 5, 2, o->stream ? 0 : o->index);
    }
    for (uint32_t k = 0; k <= nobjstm; k++) {
        unsigned char *r = rows + 7 * (size_t)(first_objstm + k);
        r[0] = 1;
        put_field(r + 1, 4, k < nobjstm ? objstm_offset[k] : xref_at);
    }
    uLongf zlen = compressBound((uLong)size * 7);
    unsigned char *z = malloc(zlen);
    if (!z || compress2(z, &zlen, rows, (uLong)size * 7, Z_DEFAULT_COMPRESSION) != Z_OK) {
        p->failed = true;
    } else {
        emitf(p, "%u 0 obj\n<<\n/Type /XRef\n/Size %u\n/W [1 4 2]\n", number, size);
        /* The old trailer's entries, /Size left out. */
        for (size_t at = tr_from; at < tr_to;) {
            size_t line_end = at;
            while (line_end < tr_to && p->in[line_end] != '\n')
                line_end++;
            size_t s = at;
            while (s < line_end && is_space(p->in[s]))
                s++;
            if (line_end > s && !(line_end - s >= 5 && memcmp(p->in + s, "/Size", 5) == 0)) {
                emit(p, p->in + s, line_end - s);
                emit(p, "\n", 1);
            }
            at = line_end + 1;
        }
        emitf(p, "/Filter /FlateDecode\n/Length %lu\n>>\nstream\n", (unsigned long)zlen);
        emit(p, z, zlen);
        emitf(p, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", xref_at);
    }
    free(z);
    free(rows);
}

bool br_pdf_pack_off;

unsigned char *br_pdf_pack(const unsigned char *in, size_t len, size_t *out_len)
{
    if (br_pdf_pack_off)
        return NULL;
    packer p = {.in = in, .len = len};
    size_t trailer = 0, tr_from = 0, tr_to = 0;
    if (len > UINT32_MAX || !read_table(&p, &trailer) || !find_bodies(&p) ||
        !trailer_entries(&p, trailer, &tr_from, &tr_to)) {
        free(p.o);
        return NULL;
    }
    size_t first_start = p.o[0].start;
    for (size_t i = 1; i < p.n; i++)
        if (p.o[i].used && p.o[i].start < first_start)
            first_start = p.o[i].start;
    emit(&p, in, first_start);          /* the header and its binary comment */
    uint32_t *packed = calloc(p.n, sizeof *packed);
    size_t npacked = 0;
    if (!packed)
        p.failed = true;
    for (size_t i = 1; i < p.n && !p.failed; i++) {
        pack_obj *o = &p.o[i];
        if (!o->used)
            continue;
        if (o->stream) {
            o->out_offset = p.out_len;
            emit(&p, in + o->start, o->end - o->start);
            emit(&p, "\n", 1);
        } else {
            packed[npacked++] = (uint32_t)i;
        }
    }
    uint32_t nobjstm = (uint32_t)((npacked + PACK_PER_STREAM - 1) / PACK_PER_STREAM);
    size_t *objstm_offset = calloc(nobjstm + 1, sizeof *objstm_offset);
    if (!objstm_offset)
        p.failed = true;
    for (uint32_t k = 0; k < nobjstm && !p.failed; k++) {
        size_t from = (size_t)k * PACK_PER_STREAM;
        size_t count = npacked - from < PACK_PER_STREAM ? npacked - from : PACK_PER_STREAM;
        emit_object_stream(&p, packed + from, count, (uint32_t)p.n + k, &objstm_offset[k]);
    }
    if (!p.failed)
        emit_xref_stream(&p, objstm_offset, (uint32_t)p.n, nobjstm, tr_from, tr_to);
    free(objstm_offset);
    free(packed);
    free(p.o);
    if (p.failed || p.out_len > UINT32_MAX) {
        free(p.out);
        return NULL;
    }
    *out_len = p.out_len;
    return p.out;
}
