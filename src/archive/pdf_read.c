/* pdf_read.c — the files a PDF carries, read back (for `verify`).
 *
 * A small PDF reader, enough to follow the catalog's /Names ->
 * /EmbeddedFiles name tree to each file specification and its embedded
 * stream: the cross-reference table or stream (/Prev chains followed),
 * object streams, and the Flate filter with or without PNG predictors.
 * It reads boardreport's own papers and files written by common tools
 * (qpdf, pikepdf); anything else it cannot follow is reported, never
 * guessed.  The input may be any file at all (a copy downloaded from a
 * website), so every read is bounded: nesting depth, name-tree depth,
 * references followed, inflated sizes.
 */
#include "br_archive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "br_md5.h"

#define MAX_DEPTH 32            /* arrays and dictionaries inside one another */
#define MAX_TREE_DEPTH 16       /* levels of the name tree */
#define MAX_OBJECTS 8000000     /* entries of the cross-reference */
#define MAX_INFLATED (128u << 20)   /* bytes of one decoded stream */

typedef enum pv_kind {
    PV_NULL, PV_BOOL, PV_NUM, PV_NAME, PV_STR, PV_ARRAY, PV_DICT, PV_REF, PV_STREAM,
} pv_kind;

typedef struct pv pv;
struct pv {
    pv_kind kind;
    double num;                 /* NUM, BOOL */
    const char *s;              /* NAME (decoded, NUL-ended), STR (bytes) */
    size_t len;
    pv *items;                  /* ARRAY: n values; DICT and STREAM: n keys and values */
    size_t n;
    uint32_t ref;               /* REF: the object number */
    const unsigned char *data;  /* STREAM: its raw bytes */
    size_t dlen;
};

typedef struct xentry {
    uint8_t type;               /* 0 free or unknown, 1 at offset, 2 in an object stream */
    size_t a;                   /* offset, or the object stream's number */
    size_t b;                   /* index within the object stream */
} xentry;

typedef struct objstm {
    uint32_t number;
    unsigned char *data;
    size_t len, first, n;
    size_t *offsets;
} objstm;

typedef struct reader {
    const unsigned char *pdf;
    size_t len;
    br_arena *arena;
    xentry *x;
    size_t nx;
    pv trailer;
    objstm *stms;
    size_t nstms, stms_cap;
    unsigned budget;            /* references left to follow */
    int depth;                  /* objects being read inside one another */
    uint32_t *visited;          /* name tree nodes and file specifications met */
    size_t nvisited, visited_cap;
    const char *why;            /* the first problem met */
} reader;

static void problem(reader *r, const char *why)
{
    if (!r->why)
        r->why = why;
}

/* ---- lexing ---- */

typedef struct cursor {
    const unsigned char *s;
    size_t at, end;
} cursor;

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(unsigned char c)
{
    return strchr("()<>[]{}/%", c) != NULL && c != '\0';
}

static void skip_ws(cursor *c)
{
    while (c->at < c->end) {
        if (is_ws(c->s[c->at])) {
            c->at++;
        } else if (c->s[c->at] == '%') {
            while (c->at < c->end && c->s[c->at] != '\n' && c->s[c->at] != '\r')
                c->at++;
        } else {
            break;
        }
    }
}

static bool keyword(cursor *c, const char *word)
{
    skip_ws(c);
    size_t k = strlen(word);
    if (c->at + k > c->end || memcmp(c->s + c->at, word, k) != 0 ||
        (c->at + k < c->end && !is_ws(c->s[c->at + k]) && !is_delim(c->s[c->at + k])))
        return false;
    c->at += k;
    return true;
}

/* An unsigned whole number; false when none is there. */
static bool whole(cursor *c, size_t *v)
{
    skip_ws(c);
    size_t i = c->at, n = 0;
    if (i >= c->end || c->s[i] < '0' || c->s[i] > '9')
        return false;
    while (i < c->end && c->s[i] >= '0' && c->s[i] <= '9') {
        if (n > SIZE_MAX / 16)
            return false;
        n = n * 10 + (size_t)(c->s[i++] - '0');
    }
    c->at = i;
    *v = n;
    return true;
}

static int hexval(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Where the literal string starting at c->at ends (after its ')'), or 0. */
static size_t literal_end(const cursor *c)
{
    int depth = 0;
    for (size_t i = c->at; i < c->end; i++) {
        if (c->s[i] == '\\')
            i++;
        else if (c->s[i] == '(')
            depth++;
        else if (c->s[i] == ')' && --depth == 0)
            return i + 1;
    }
    return 0;
}

static bool literal(reader *r, cursor *c, pv *v)
{
    size_t end = literal_end(c);
    if (end == 0)
        return false;
    unsigned char *out = br_arena_alloc(r->arena, end - c->at);
    size_t o = 0;
    int depth = 1;
    c->at++;
    while (c->at < end) {
        unsigned char ch = c->s[c->at++];
        if (ch == '(') {
            depth++;
        } else if (ch == ')' && --depth == 0) {
            v->kind = PV_STR, v->s = (const char *)out, v->len = o;
            return true;
        } else if (ch == '\\' && c->at < end) {
            unsigned char e = c->s[c->at++];
            const char *from = "nrtbf", *to = "\n\r\t\b\f";
            const char *k = e ? strchr(from, e) : NULL;
            if (k) {
                ch = (unsigned char)to[k - from];
            } else if (e >= '0' && e <= '7') {
                int val = e - '0';
                for (int d = 0; d < 2 && c->at < end && c->s[c->at] >= '0' && c->s[c->at] <= '7'; d++)
                    val = val * 8 + (c->s[c->at++] - '0');
                ch = (unsigned char)val;
            } else if (e == '\r' || e == '\n') {
                if (e == '\r' && c->at < end && c->s[c->at] == '\n')
                    c->at++;
                continue;
            } else {
                ch = e;
            }
        }
        out[o++] = ch;
    }
    return false;
}

static bool hex_string(reader *r, cursor *c, pv *v)
{
    const unsigned char *close = memchr(c->s + c->at, '>', c->end - c->at);
    if (!close)
        return false;
    unsigned char *out = br_arena_alloc(r->arena, (size_t)(close - (c->s + c->at)) / 2 + 2);
    size_t o = 0;
    int hi = -1;
    for (c->at++; c->at < c->end; c->at++) {
        unsigned char ch = c->s[c->at];
        if (ch == '>') {
            if (hi >= 0)
                out[o++] = (unsigned char)(hi << 4);
            c->at++;
            v->kind = PV_STR, v->s = (const char *)out, v->len = o;
            return true;
        }
        int h = hexval(ch);
        if (h < 0 && !is_ws(ch))
            return false;
        if (h < 0)
            continue;
        if (hi < 0)
            hi = h;
        else
            out[o++] = (unsigned char)(hi << 4 | h), hi = -1;
    }
    return false;
}

static bool name(reader *r, cursor *c, pv *v)
{
    size_t from = ++c->at;
    while (c->at < c->end && !is_ws(c->s[c->at]) && !is_delim(c->s[c->at]))
        c->at++;
    char *out = br_arena_alloc(r->arena, c->at - from + 1);
    size_t o = 0;
    for (size_t i = from; i < c->at; i++) {
        if (c->s[i] == '#' && i + 2 < c->at && hexval(c->s[i + 1]) >= 0 &&
            hexval(c->s[i + 2]) >= 0) {
            out[o++] = (char)(hexval(c->s[i + 1]) << 4 | hexval(c->s[i + 2]));
            i += 2;
        } else {
            out[o++] = (char)c->s[i];
        }
    }
    out[o] = '\0';
    v->kind = PV_NAME, v->s = out, v->len = o;
    return true;
}

static bool number_or_ref(cursor *c, pv *v)
{
    size_t i = c->at;
    if (i < c->end && (c->s[i] == '+' || c->s[i] == '-'))
        i++;
    size_t digits = i;
    while (i < c->end && ((c->s[i] >= '0' && c->s[i] <= '9') || c->s[i] == '.'))
        i++;
    if (i == digits || i - c->at > 40)
        return false;
    char buf[48];
    memcpy(buf, c->s + c->at, i - c->at);
    buf[i - c->at] = '\0';
    v->kind = PV_NUM;
    v->num = strtod(buf, NULL);
    c->at = i;
    /* "12 0 R" is a reference. */
    cursor look = *c;
    size_t gen;
    if (buf[0] != '-' && buf[0] != '+' && !strchr(buf, '.') && whole(&look, &gen) &&
        keyword(&look, "R")) {
        v->kind = PV_REF;
        v->ref = v->num < 4294967295.0 ? (uint32_t)v->num : 0;
        *c = look;
    }
    return true;
}

static bool value(reader *r, cursor *c, pv *v, int depth);

/* An array or a dictionary: values until close. */
static bool container(reader *r, cursor *c, pv *v, int depth, const char *close, pv_kind kind)
{
    size_t cap = 8, n = 0;
    pv *items = br_arena_alloc(r->arena, cap * sizeof *items);
    for (;;) {
        skip_ws(c);
        if (c->at + strlen(close) <= c->end && memcmp(c->s + c->at, close, strlen(close)) == 0) {
            c->at += strlen(close);
            break;
        }
        if (c->at >= c->end)
            return false;
        if (n == cap) {
            pv *more = br_arena_alloc(r->arena, 2 * cap * sizeof *items);
            memcpy(more, items, n * sizeof *items);
            items = more, cap *= 2;
        }
        if (!value(r, c, &items[n], depth + 1))
            return false;
        if (kind == PV_DICT && n % 2 == 0 && items[n].kind != PV_NAME)
            return false;
        n++;
    }
    if (kind == PV_DICT && n % 2)
        return false;
    v->kind = kind, v->items = items, v->n = n;
    return true;
}

static bool value(reader *r, cursor *c, pv *v, int depth)
{
    memset(v, 0, sizeof *v);
    skip_ws(c);
    if (c->at >= c->end || depth > MAX_DEPTH)
        return false;
    unsigned char ch = c->s[c->at];
    if (ch == '<' && c->at + 1 < c->end && c->s[c->at + 1] == '<') {
        c->at += 2;
        return container(r, c, v, depth, ">>", PV_DICT);
    }
    if (ch == '[') {
        c->at++;
        return container(r, c, v, depth, "]", PV_ARRAY);
    }
    if (ch == '(')
        return literal(r, c, v);
    if (ch == '<')
        return hex_string(r, c, v);
    if (ch == '/')
        return name(r, c, v);
    if (keyword(c, "true") || keyword(c, "false")) {
        v->kind = PV_BOOL;
        v->num = c->s[c->at - 1] == 'e' && c->s[c->at - 2] == 'u';
        return true;
    }
    if (keyword(c, "null"))
        return true;
    return number_or_ref(c, v);
}

/* ---- dictionaries and objects ---- */

static const pv *get(const pv *dict, const char *key)
{
    if (!dict || (dict->kind != PV_DICT && dict->kind != PV_STREAM))
        return NULL;
    for (size_t i = 0; i + 1 < dict->n; i += 2)
        if (strcmp(dict->items[i].s, key) == 0)
            return &dict->items[i + 1];
    return NULL;
}

static const pv *object(reader *r, uint32_t num);

/* v, or the object it refers to. */
static const pv *resolve(reader *r, const pv *v)
{
    for (int hops = 0; v && v->kind == PV_REF && hops < 8; hops++)
        v = object(r, v->ref);
    return v && v->kind == PV_REF ? NULL : v;
}

static const pv *lookup(reader *r, const pv *dict, const char *key)
{
    return resolve(r, get(dict, key));
}

static bool as_size(const pv *v, size_t *out)
{
    if (!v || v->kind != PV_NUM || v->num < 0 || v->num > 4e15 || v->num != (double)(size_t)v->num)
        return false;
    *out = (size_t)v->num;
    return true;
}

/* The object at offset at: "N G obj" value ["stream" data]. */
static pv *object_at(reader *r, size_t at, size_t expect)
{
    cursor c = {r->pdf, at, r->len};
    size_t num, gen;
    if (!whole(&c, &num) || !whole(&c, &gen) || !keyword(&c, "obj") ||
        (expect != SIZE_MAX && num != expect))
        return NULL;
    pv *v = br_arena_alloc(r->arena, sizeof *v);
    if (!value(r, &c, v, 0))
        return NULL;
    if (v->kind == PV_DICT && keyword(&c, "stream")) {
        if (c.at < c.end && c.s[c.at] == '\r')
            c.at++;
        if (c.at < c.end && c.s[c.at] == '\n')
            c.at++;
        size_t length;
        const pv *lv = get(v, "Length");
        if (lv && lv->kind == PV_REF)
            lv = resolve(r, lv);
        if (!as_size(lv, &length) || length > r->len - c.at)
            return NULL;
        v->kind = PV_STREAM;
        v->data = r->pdf + c.at;
        v->dlen = length;
    }
    return v;
}

/* ---- filters ---- */

static unsigned char *inflate_all(reader *r, const unsigned char *in, size_t len, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return NULL;
    size_t cap = len * 4 + 1024, n = 0;
    unsigned char *out = malloc(cap);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)(len < UINT32_MAX ? len : UINT32_MAX);
    int st = Z_OK;
    while (out && st == Z_OK) {
        if (n == cap) {
            unsigned char *more = cap < MAX_INFLATED ? realloc(out, cap * 2) : NULL;
            if (!more) {
                free(out);
                out = NULL;
                break;
            }
            out = more, cap *= 2;
        }
        z.next_out = out + n;
        z.avail_out = (uInt)(cap - n < UINT32_MAX ? cap - n : UINT32_MAX);
        st = inflate(&z, Z_NO_FLUSH);
        n = (size_t)(z.next_out - out);
        if (st == Z_BUF_ERROR && z.avail_out > 0)
            break;      /* input ended without an end mark: keep what came */
    }
    inflateEnd(&z);
    if (!out || (st != Z_STREAM_END && st != Z_BUF_ERROR && st != Z_OK)) {
        free(out);
        problem(r, "a compressed stream is damaged");
        return NULL;
    }
    unsigned char *copy = br_arena_alloc(r->arena, n + 1);
    memcpy(copy, out, n);
    free(out);
    *out_len = n;
    return copy;
}

/* Undoes PNG predictors (10..15) on rows of columns bytes. */
static bool unpredict(unsigned char *data, size_t *len, size_t columns)
{
    size_t row = columns + 1, rows = *len / row, o = 0;
    if (columns == 0 || columns > 1 << 20)
        return false;
    unsigned char *prev = calloc(columns, 1);
    if (!prev)
        return false;
    for (size_t k = 0; k < rows; k++) {
        unsigned char type = data[k * row], *cur = data + k * row + 1;
        for (size_t i = 0; i < columns; i++) {
            unsigned a = i ? data[o + i - 1] : 0, b = prev[i], c = i ? prev[i - 1] : 0;
            unsigned x = cur[i];
            if (type == 1)
                x += a;
            else if (type == 2)
                x += b;
            else if (type == 3)
                x += (a + b) / 2;
            else if (type == 4) {
                int p = (int)a + (int)b - (int)c, pa = abs(p - (int)a), pb = abs(p - (int)b),
                    pc = abs(p - (int)c);
                x += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            } else if (type != 0) {
                free(prev);
                return false;
            }
            data[o + i] = (unsigned char)x;
        }
        memcpy(prev, data + o, columns);
        o += columns;
    }
    free(prev);
    *len = o;
    return true;
}

/* A stream's decoded bytes: no filter, or FlateDecode (predictors too). */
static unsigned char *decode(reader *r, const pv *s, size_t *len)
{
    const pv *f = lookup(r, s, "Filter");
    if (f && f->kind == PV_ARRAY && f->n == 1)
        f = resolve(r, &f->items[0]);
    if (!f) {
        unsigned char *copy = br_arena_alloc(r->arena, s->dlen + 1);
        memcpy(copy, s->data, s->dlen);
        *len = s->dlen;
        return copy;
    }
    if (f->kind != PV_NAME || strcmp(f->s, "FlateDecode") != 0) {
        problem(r, "a stream uses a filter other than FlateDecode");
        return NULL;
    }
    unsigned char *out = inflate_all(r, s->data, s->dlen, len);
    const pv *parms = lookup(r, s, "DecodeParms");
    if (parms && parms->kind == PV_ARRAY && parms->n == 1)
        parms = resolve(r, &parms->items[0]);
    size_t pred = 1, cols = 1;
    as_size(lookup(r, parms, "Predictor"), &pred);
    as_size(lookup(r, parms, "Columns"), &cols);
    if (out && pred >= 10 && !unpredict(out, len, cols)) {
        problem(r, "a stream's predictor cannot be undone");
        return NULL;
    }
    if (out && pred > 1 && pred < 10) {
        problem(r, "a stream uses the TIFF predictor");
        return NULL;
    }
    return out;
}

/* ---- object streams ---- */

static objstm *load_objstm(reader *r, uint32_t number)
{
    for (size_t i = 0; i < r->nstms; i++)
        if (r->stms[i].number == number)
            return &r->stms[i];
    const pv *s = object(r, number);
    size_t n, first, len;
    unsigned char *data;
    if (!s || s->kind != PV_STREAM || !as_size(lookup(r, s, "N"), &n) ||
        !as_size(lookup(r, s, "First"), &first) || !(data = decode(r, s, &len)) || first > len ||
        n > len)
        return NULL;
    objstm *m = BR_PUSH(r->arena, r->stms, r->nstms, r->stms_cap);
    *m = (objstm){.number = number, .data = data, .len = len, .first = first, .n = n};
    m->offsets = br_arena_calloc(r->arena, n + 1, sizeof *m->offsets);
    cursor c = {data, 0, first};
    for (size_t k = 0; k < n; k++) {
        size_t num, off;
        if (!whole(&c, &num) || !whole(&c, &off) || off > len - first) {
            m->n = k;
            break;
        }
        m->offsets[k] = first + off;
    }
    return m;
}

static const pv *object_in(reader *r, uint32_t num);

/* Object num, or NULL; an object read while reading itself (a stream whose
 * /Length refers to it) or too deep a chain gives NULL. */
static const pv *object(reader *r, uint32_t num)
{
    if (num >= r->nx || r->budget == 0 || r->depth >= 8)
        return NULL;
    r->budget--;
    r->depth++;
    const pv *v = object_in(r, num);
    r->depth--;
    return v;
}

static const pv *object_in(reader *r, uint32_t num)
{
    const xentry *e = &r->x[num];
    if (e->type == 1)
        return object_at(r, e->a, num);
    if (e->type != 2 || e->a == num || e->a >= r->nx || r->x[e->a].type != 1)
        return NULL;
    objstm *m = load_objstm(r, (uint32_t)e->a);
    if (!m || e->b >= m->n)
        return NULL;
    cursor c = {m->data, m->offsets[e->b], m->len};
    pv *v = br_arena_alloc(r->arena, sizeof *v);
    return value(r, &c, v, 0) ? v : NULL;
}

/* ---- cross-reference ---- */

static void set_entry(reader *r, size_t num, uint8_t type, size_t a, size_t b)
{
    /* Sections read later are older: the first seen wins. */
    if (num < r->nx && r->x[num].type == 0 && type != 0)
        r->x[num] = (xentry){type, a, b};
}

static bool grow(reader *r, size_t size)
{
    if (size > MAX_OBJECTS)
        return false;
    if (size <= r->nx)
        return true;
    xentry *x = br_arena_calloc(r->arena, size, sizeof *x);
    if (r->nx)
        memcpy(x, r->x, r->nx * sizeof *x);
    r->x = x, r->nx = size;
    return true;
}

static bool table_section(reader *r, size_t at, pv *trailer)
{
    cursor c = {r->pdf, at, r->len};
    if (!keyword(&c, "xref"))
        return false;
    size_t first, count;
    while (whole(&c, &first) && whole(&c, &count)) {
        if (first > MAX_OBJECTS || count > MAX_OBJECTS || !grow(r, first + count))
            return false;
        for (size_t i = 0; i < count; i++) {
            size_t off, gen;
            if (!whole(&c, &off) || !whole(&c, &gen))
                return false;
            skip_ws(&c);
            if (c.at >= c.end)
                return false;
            set_entry(r, first + i, c.s[c.at++] == 'n' ? 1 : 0, off, 0);
        }
    }
    return keyword(&c, "trailer") && value(r, &c, trailer, 0) && trailer->kind == PV_DICT;
}

static size_t field(const unsigned char *row, size_t width)
{
    size_t v = 0;
    for (size_t i = 0; i < width; i++)
        v = v << 8 | row[i];
    return v;
}

static bool stream_section(reader *r, size_t at, pv *trailer)
{
    pv *s = object_at(r, at, SIZE_MAX);
    const pv *w = s ? get(s, "W") : NULL;
    size_t size, width[3], len;
    if (!s || s->kind != PV_STREAM || !w || w->kind != PV_ARRAY || w->n != 3 ||
        !as_size(get(s, "Size"), &size) || !grow(r, size))
        return false;
    size_t row = 0;
    for (int i = 0; i < 3; i++) {
        if (!as_size(&w->items[i], &width[i]) || width[i] > 8)
            return false;
        row += width[i];
    }
    unsigned char *data = decode(r, s, &len);
    if (!data || row == 0)
        return false;
    const pv *index = get(s, "Index");
    size_t pairs = index && index->kind == PV_ARRAY ? index->n / 2 : 1, k = 0;
    for (size_t p = 0; p < pairs; p++) {
        size_t first = 0, count = size;
        if (index && index->kind == PV_ARRAY &&
            (!as_size(&index->items[2 * p], &first) || !as_size(&index->items[2 * p + 1], &count)))
            return false;
        if (first > MAX_OBJECTS || count > MAX_OBJECTS || !grow(r, first + count))
            return false;
        for (size_t i = 0; i < count && (k + 1) * row <= len; i++, k++) {
            const unsigned char *e = data + k * row;
            size_t type = width[0] ? field(e, width[0]) : 1;
            set_entry(r, first + i, (uint8_t)(type <= 2 ? type : 0), field(e + width[0], width[1]),
                      field(e + width[0] + width[1], width[2]));
        }
    }
    *trailer = *s;
    trailer->kind = PV_DICT;
    return true;
}

static size_t find_last(const unsigned char *s, size_t len, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = len; i >= k; i--)
        if (memcmp(s + i - k, word, k) == 0)
            return i - k;
    return SIZE_MAX;
}

static bool read_xref(reader *r)
{
    size_t sx = find_last(r->pdf, r->len, "startxref"), at;
    cursor c = {r->pdf, sx + 9, r->len};
    if (sx == SIZE_MAX || !whole(&c, &at))
        return false;
    for (int sections = 0; sections < 64; sections++) {
        pv tr;
        if (at >= r->len ||
            !(table_section(r, at, &tr) || stream_section(r, at, &tr)))
            return false;
        if (sections == 0)
            r->trailer = tr;
        const pv *prev = get(&tr, "Prev");
        size_t stm;
        if (as_size(get(&tr, "XRefStm"), &stm) && stm < r->len) {
            pv ignored;
            stream_section(r, stm, &ignored);
        }
        if (!as_size(prev, &at))
            return true;
    }
    return true;
}

/* ---- the files ---- */

/* A text string as UTF-8: UTF-16BE with its mark, else bytes (PDFDocEncoding
 * is taken as Latin-1, which it equals for letters). */
static const char *text(reader *r, const pv *v)
{
    if (!v || v->kind != PV_STR)
        return NULL;
    const unsigned char *s = (const unsigned char *)v->s;
    char *out = br_arena_alloc(r->arena, v->len * 3 + 1), *o = out;
    bool utf16 = v->len >= 2 && s[0] == 0xFE && s[1] == 0xFF;
    for (size_t i = utf16 ? 2 : 0; i < v->len;) {
        uint32_t cp;
        if (utf16) {
            if (i + 1 >= v->len)
                break;
            cp = (uint32_t)s[i] << 8 | s[i + 1];
            i += 2;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < v->len) {
                uint32_t lo = (uint32_t)s[i] << 8 | s[i + 1];
                if (lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), i += 2;
            }
        } else {
            cp = s[i++];
        }
        if (cp < 0x80) {
            *o++ = (char)cp;
        } else if (cp < 0x800) {
            *o++ = (char)(0xC0 | cp >> 6), *o++ = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *o++ = (char)(0xE0 | cp >> 12), *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *o++ = (char)(0x80 | (cp & 0x3F));
        } else {
            *o++ = (char)(0xF0 | cp >> 18), *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((cp >> 6) & 0x3F)), *o++ = (char)(0x80 | (cp & 0x3F));
        }
    }
    *o = '\0';
    return out;
}

static void add_file(reader *r, const pv *spec, br_arc_attachments *out)
{
    if (!spec || spec->kind != PV_DICT)
        return;
    const pv *ef = lookup(r, spec, "EF");
    const pv *s = lookup(r, ef, "UF");
    if (!s || s->kind != PV_STREAM)
        s = lookup(r, ef, "F");
    const char *nm = text(r, lookup(r, spec, "UF"));
    if (!nm || !*nm)
        nm = text(r, lookup(r, spec, "F"));
    br_arc_attachment *a = BR_PUSH(r->arena, out->items, out->n, out->cap);
    memset(a, 0, sizeof *a);
    a->name = nm ? nm : "";
    const pv *rel = lookup(r, spec, "AFRelationship");
    a->relationship = rel && rel->kind == PV_NAME ? rel->s : NULL;
    const pv *sub = s ? lookup(r, s, "Subtype") : NULL;
    a->mime = sub && sub->kind == PV_NAME ? sub->s : NULL;
    if (!s || s->kind != PV_STREAM || !(a->data = decode(r, s, &a->len))) {
        a->problem = "its data cannot be read";
        return;
    }
    const pv *params = lookup(r, s, "Params");
    const pv *sum = lookup(r, params, "CheckSum");
    size_t size;
    if (as_size(lookup(r, params, "Size"), &size) && size != a->len)
        a->problem = br_arena_printf(r->arena, "holds %zu bytes, but its /Size says %zu", a->len,
                                     size);
    if (sum && sum->kind == PV_STR && sum->len == 16) {
        unsigned char md5[16];
        br_md5(a->data, a->len, md5);
        if (memcmp(md5, sum->s, 16) != 0)
            a->problem = "its bytes do not match its /CheckSum";
    }
}

/* Whether object num was met already while walking the tree (a node that
 * is its own kid would be walked again and again). */
static bool seen(reader *r, const pv *v)
{
    if (!v || v->kind != PV_REF)
        return false;
    for (size_t i = 0; i < r->nvisited; i++)
        if (r->visited[i] == v->ref)
            return true;
    *BR_PUSH(r->arena, r->visited, r->nvisited, r->visited_cap) = v->ref;
    return false;
}

static void walk_names(reader *r, const pv *ref, int depth, br_arc_attachments *out)
{
    const pv *node = seen(r, ref) ? NULL : resolve(r, ref);
    if (!node || node->kind != PV_DICT || depth > MAX_TREE_DEPTH || r->nvisited > 100000)
        return;
    const pv *names = lookup(r, node, "Names");
    for (size_t i = 0; names && names->kind == PV_ARRAY && i + 1 < names->n; i += 2)
        if (!seen(r, &names->items[i + 1]))
            add_file(r, resolve(r, &names->items[i + 1]), out);
    const pv *kids = lookup(r, node, "Kids");
    for (size_t i = 0; kids && kids->kind == PV_ARRAY && i < kids->n; i++)
        walk_names(r, &kids->items[i], depth + 1, out);
}

bool br_arc_pdf_attachments(const unsigned char *pdf, size_t len, br_arc_attachments *out,
                            br_arena *arena, const char **why)
{
    memset(out, 0, sizeof *out);
    reader r = {.pdf = pdf, .len = len, .arena = arena, .budget = 2000000};
    *why = NULL;
    if (len < 8 || memcmp(pdf, "%PDF-", 5) != 0) {
        *why = "not a PDF file";
        return false;
    }
    if (!read_xref(&r)) {
        *why = r.why ? r.why : "its cross-reference cannot be read";
        return false;
    }
    const pv *root = lookup(&r, &r.trailer, "Root");
    if (!root || root->kind != PV_DICT) {
        *why = r.why ? r.why : "its catalog cannot be read";
        return false;
    }
    walk_names(&r, get(lookup(&r, root, "Names"), "EmbeddedFiles"), 0, out);
    if (r.budget == 0) {
        *why = "it refers to too many objects";
        return false;
    }
    return true;
}
