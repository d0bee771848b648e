/* font.c — TrueType metrics read the way libharu 2.3.0 reads them.
 *
 * The whole file is read into memory and every read is bounds-checked
 * against the table it belongs to, so a hostile or truncated file gives an
 * error, never a crash.  After loading, a font is two arrays: the glyph of
 * every BMP code point and the advance of every glyph, both computed with
 * libharu's rules, so that layout's widths are the integers libharu writes
 * into /W.
 *
 * libharu's UTF-8 encoder turns code points above U+FFFF into spaces; the
 * painter replaces them (and malformed UTF-8) with U+FFFD before libharu
 * sees the text.  The metrics here agree: such code points measure as
 * U+FFFD and have no glyph, so layout warns about them.
 */
#include "br_font.h"

#include "br_file.h"
#include "br_unicode.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    BMP_SIZE = 0x10000,
    MAX_FILE = 64 * 1024 * 1024,    /* larger than any sane text face */
    REPLACEMENT = 0xFFFD,
};

struct br_font {
    char *path;
    unsigned nglyphs;
    int16_t *advance;       /* per glyph, 1/1000 em */
    uint16_t *bmp;          /* glyph id per BMP code point; 0 = none */
    int missing_width;      /* advance of glyph 0 (.notdef) */
    int16_t (*box)[4];      /* per glyph: xMin, yMin, xMax, yMax in 1/1000 em; all 0 = no ink */
    int ascent, descent, cap_height;
};

/* A byte range of the file: a table or a subtable. */
typedef struct span {
    const uint8_t *p;
    size_t len;
} span;

/* Readers set *ok to false instead of reading outside the span; callers
 * check ok once after a group of reads. */
static uint32_t rd16(span s, size_t off, bool *ok)
{
    if (off > s.len || s.len - off < 2) {
        *ok = false;
        return 0;
    }
    return (uint32_t)s.p[off] << 8 | s.p[off + 1];
}

static uint32_t rd32(span s, size_t off, bool *ok)
{
    uint32_t hi = rd16(s, off, ok);
    uint32_t lo = rd16(s, off + 2, ok);
    return hi << 16 | lo;
}

static int rd16s(span s, size_t off, bool *ok)
{
    return (int16_t)rd16(s, off, ok);
}

static span subspan(span s, size_t off, bool *ok)
{
    if (off > s.len) {
        *ok = false;
        return (span){NULL, 0};
    }
    return (span){s.p + off, s.len - off};
}

/* The loader's state: the file, its tables, the font being filled and the
 * first error. */
typedef struct loader {
    span file;
    size_t ntables;
    br_font *font;
    int upem;
    char *err;
    size_t errlen;
} loader;

static bool fail(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(loader *ld, const char *fmt, ...)
{
    if (!ld->err || ld->errlen == 0)
        return false;
    int n = snprintf(ld->err, ld->errlen, "%s: ", ld->font->path);
    if (n >= 0 && (size_t)n < ld->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool read_file(loader *ld, const char *path, uint8_t **data)
{
    char err[256];
    FILE *f = br_file_open_regular(path, err, sizeof err);
    if (!f)
        return fail(ld, "%s", err);
    size_t cap = 1 << 20, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap || cap >= MAX_FILE)
            break;
        uint8_t *grown = realloc(buf, cap * 2);
        if (!grown)
            free(buf);
        buf = grown;
        cap *= 2;
    }
    if (!buf) {
        fclose(f);
        return fail(ld, "out of memory");
    }
    bool unreadable = ferror(f);
    int e = errno;
    bool too_big = !unreadable && len == cap && fgetc(f) != EOF;
    fclose(f);
    if (unreadable || too_big) {
        free(buf);
        return unreadable ? fail(ld, "cannot read: %s", strerror(e))
                          : fail(ld, "larger than %d MB", MAX_FILE >> 20);
    }
    *data = buf;
    ld->file = (span){buf, len};
    return true;
}

/* Checks the offset table; TrueType outlines only, as libharu embeds. */
static bool read_directory(loader *ld)
{
    bool ok = true;
    uint32_t version = rd32(ld->file, 0, &ok);
    ld->ntables = rd16(ld->file, 4, &ok);
    if (!ok)
        return fail(ld, "too short to be a TrueType font");
    if (version == 0x4F54544F)  /* 'OTTO' */
        return fail(ld, "has CFF outlines; only TrueType (glyf) fonts can be embedded");
    if (version != 0x00010000 && version != 0x74727565)  /* 'true' */
        return fail(ld, "not a TrueType font (bad sfnt version 0x%08X)", (unsigned)version);
    if (12 + 16 * ld->ntables > ld->file.len)
        return fail(ld, "truncated table directory");
    return true;
}

/* Finds a table by tag; a table that does not fit in the file is an error. */
static bool find_table(loader *ld, const char *tag, span *out, bool required)
{
    for (size_t i = 0; i < ld->ntables; i++) {
        const uint8_t *rec = ld->file.p + 12 + 16 * i;
        if (memcmp(rec, tag, 4) != 0)
            continue;
        bool ok = true;
        uint32_t off = rd32(ld->file, 12 + 16 * i + 8, &ok);
        uint32_t len = rd32(ld->file, 12 + 16 * i + 12, &ok);
        if (!ok || off > ld->file.len || len > ld->file.len - off)
            return fail(ld, "table '%s' lies outside the file", tag);
        *out = (span){ld->file.p + off, len};
        return true;
    }
    *out = (span){NULL, 0};
    return required ? fail(ld, "no '%s' table", tag) : true;
}

static bool read_head_maxp(loader *ld)
{
    span head, maxp, outlines;
    /* The outlines are libharu's business, but a font without them (or cut
     * short inside them) is better refused now than when painting. */
    if (!find_table(ld, "glyf", &outlines, true) || !find_table(ld, "loca", &outlines, true))
        return false;
    if (!find_table(ld, "head", &head, true) || !find_table(ld, "maxp", &maxp, true))
        return false;
    bool ok = true;
    uint32_t magic = rd32(head, 12, &ok);
    ld->upem = (int)rd16(head, 18, &ok);
    ld->font->nglyphs = rd16(maxp, 4, &ok);
    if (!ok || magic != 0x5F0F3CF5)
        return fail(ld, "damaged 'head' or 'maxp' table");
    if (ld->upem < 16 || ld->upem > 16384)
        return fail(ld, "unitsPerEm %d out of range 16..16384", ld->upem);
    if (ld->font->nglyphs == 0)
        return fail(ld, "has no glyphs");
    return true;
}

/* Advances as libharu computes them: advance * 1000 / unitsPerEm,
 * truncated; glyphs past numberOfHMetrics repeat the last advance. */
static bool read_metrics(loader *ld)
{
    span hhea, hmtx;
    if (!find_table(ld, "hhea", &hhea, true) || !find_table(ld, "hmtx", &hmtx, true))
        return false;
    bool ok = true;
    br_font *f = ld->font;
    f->ascent = rd16s(hhea, 4, &ok) * 1000 / ld->upem;
    f->descent = rd16s(hhea, 6, &ok) * 1000 / ld->upem;
    unsigned nhm = rd16(hhea, 34, &ok);
    if (!ok || nhm == 0)
        return fail(ld, "damaged 'hhea' table");
    if (nhm > f->nglyphs)
        nhm = f->nglyphs;
    if (hmtx.len / 4 < nhm)
        return fail(ld, "'hmtx' table shorter than 'hhea' says");
    f->advance = malloc(f->nglyphs * sizeof *f->advance);
    if (!f->advance)
        return fail(ld, "out of memory");
    uint32_t aw = 0;
    for (unsigned g = 0; g < f->nglyphs; g++) {
        if (g < nhm)
            aw = rd16(hmtx, 4 * (size_t)g, &ok);
        uint32_t w = aw * 1000 / (uint32_t)ld->upem;
        if (w > INT16_MAX)
            return fail(ld, "glyph %u is %u/1000 em wide", g, (unsigned)w);
        f->advance[g] = (int16_t)w;
    }
    f->missing_width = f->advance[0];
    return true;
}

/* The ink box of every glyph, from its 'glyf' header: what places a
 * combining mark over its letter (br_font_mark_offset).  A glyph whose
 * outline lies outside the table keeps an empty box. */
static bool read_boxes(loader *ld)
{
    span head, loca, glyf;
    if (!find_table(ld, "head", &head, true) || !find_table(ld, "loca", &loca, true) ||
        !find_table(ld, "glyf", &glyf, true))
        return false;
    bool ok = true;
    bool long_loca = rd16s(head, 50, &ok) == 1;
    br_font *f = ld->font;
    f->box = calloc(f->nglyphs, sizeof *f->box);
    if (!ok || !f->box)
        return ok ? fail(ld, "out of memory") : fail(ld, "damaged 'head' table");
    for (unsigned g = 0; g < f->nglyphs; g++) {
        bool in = true;
        size_t at = long_loca ? rd32(loca, 4 * (size_t)g, &in) : 2 * (size_t)rd16(loca, 2 * (size_t)g, &in);
        size_t end = long_loca ? rd32(loca, 4 * (size_t)g + 4, &in)
                               : 2 * (size_t)rd16(loca, 2 * (size_t)g + 2, &in);
        if (!in || end <= at || end > glyf.len || end - at < 10)
            continue;
        span gl = subspan(glyf, at, &in);
        for (int k = 0; k < 4 && in; k++)
            f->box[g][k] = (int16_t)(rd16s(gl, 2 + 2 * (size_t)k, &in) * 1000 / ld->upem);
        if (!in)
            memset(f->box[g], 0, sizeof f->box[g]);
    }
    return true;
}

/* Cap height from OS/2 version 2 or later; 70% of the ascent otherwise. */
static bool read_cap_height(loader *ld)
{
    span os2;
    if (!find_table(ld, "OS/2", &os2, false))
        return false;
    bool ok = true;
    unsigned version = os2.p ? rd16(os2, 0, &ok) : 0;
    int cap = version >= 2 ? rd16s(os2, 88, &ok) : 0;
    if (ok && cap > 0)
        ld->font->cap_height = cap * 1000 / ld->upem;
    else
        ld->font->cap_height = ld->font->ascent * 7 / 10;
    return true;
}

/* A format 4 subtable as libharu parses it. */
typedef struct cmap4 {
    span s;
    size_t nseg;
    size_t nglyph_ids;      /* entries of glyphIdArray inside the subtable */
} cmap4;

/* libharu's lookup within segment i (note: it adds idDelta even to a zero
 * glyphIdArray entry; we do the same, so a glyph is the one it paints). */
static uint16_t cmap4_glyph(const cmap4 *c, size_t i, uint32_t u, bool *ok)
{
    size_t n = c->nseg;
    uint32_t start = rd16(c->s, 16 + 2 * n + 2 * i, ok);
    uint32_t delta = rd16(c->s, 16 + 4 * n + 2 * i, ok);
    uint32_t range = rd16(c->s, 16 + 6 * n + 2 * i, ok);
    if (u < start)
        return 0;
    if (range == 0)
        return (uint16_t)(u + delta);
    long idx = (long)(range / 2) + (long)(u - start) - (long)(n - i);
    if (idx < 0 || (size_t)idx >= c->nglyph_ids)
        return 0;
    uint32_t g = rd16(c->s, 16 + 8 * n + 2 * (size_t)idx, ok);
    return (uint16_t)(g + delta);
}

/* libharu takes, for code point u, the first segment whose endCode >= u.
 * Segment i therefore owns the code points above every earlier endCode up
 * to its own, which fills the table in one pass even when a hostile font's
 * segments are out of order. */
static bool fill_cmap4(loader *ld, span s)
{
    bool ok = true;
    cmap4 c = {s, rd16(s, 6, &ok) / 2, 0};
    uint32_t length = rd16(s, 2, &ok);
    if (!ok || 16 + 8 * c.nseg > s.len)
        return fail(ld, "damaged format 4 'cmap' subtable");
    size_t head = 16 + 8 * c.nseg;
    if (length > head)
        c.nglyph_ids = (length - head) / 2;
    if (c.nglyph_ids > (s.len - head) / 2)
        c.nglyph_ids = (s.len - head) / 2;
    long covered = -1;
    for (size_t i = 0; i < c.nseg && ok; i++) {
        long end = (long)rd16(s, 14 + 2 * i, &ok);
        for (long u = covered + 1; u <= end && ok; u++)
            ld->font->bmp[u] = cmap4_glyph(&c, i, (uint32_t)u, &ok);
        if (end > covered)
            covered = end;
    }
    return ok ? true : fail(ld, "damaged format 4 'cmap' subtable");
}

/* Format 12 fills the BMP table of a font without a format 4 subtable.
 * Groups must ascend (as the format requires); others are ignored, which
 * bounds the work at one pass over the BMP. */
static bool fill_cmap12(loader *ld, span s)
{
    bool ok = true;
    uint32_t ngroups = rd32(s, 12, &ok);
    if (!ok || ngroups > (s.len - 16) / 12)
        return fail(ld, "damaged format 12 'cmap' subtable");
    long covered = -1;
    for (uint32_t k = 0; k < ngroups; k++) {
        size_t g = 16 + 12 * (size_t)k;
        uint32_t start = rd32(s, g, &ok), end = rd32(s, g + 4, &ok);
        uint32_t glyph = rd32(s, g + 8, &ok);
        if ((long)start <= covered || end < start)
            continue;
        for (uint32_t u = start; u <= end && u < BMP_SIZE; u++) {
            uint32_t gid = glyph + (u - start);
            ld->font->bmp[u] = gid < BMP_SIZE ? (uint16_t)gid : 0;
        }
        covered = end;
    }
    return true;
}

/* Picks the subtables libharu would: the first (3,1) format 4, else a
 * Unicode-platform format 4; format 12 ((3,10) or Unicode platform) only
 * when there is no format 4. */
static bool read_cmap(loader *ld)
{
    span cmap;
    if (!find_table(ld, "cmap", &cmap, true))
        return false;
    bool ok = true;
    size_t n = rd16(cmap, 2, &ok);
    span f4 = {NULL, 0}, f4u = {NULL, 0}, f12 = {NULL, 0};
    for (size_t i = 0; i < n && ok; i++) {
        unsigned platform = rd16(cmap, 4 + 8 * i, &ok);
        unsigned encoding = rd16(cmap, 6 + 8 * i, &ok);
        span sub = subspan(cmap, rd32(cmap, 8 + 8 * i, &ok), &ok);
        unsigned format = rd16(sub, 0, &ok);
        bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if (!ok || !unicode)
            continue;
        if (format == 4 && platform == 3 && encoding == 1 && !f4.p)
            f4 = sub;
        else if (format == 4 && !f4u.p)
            f4u = sub;
        else if (format == 12 && !f12.p)
            f12 = sub;
    }
    if (!ok)
        return fail(ld, "damaged 'cmap' table");
    ld->font->bmp = calloc(BMP_SIZE, sizeof *ld->font->bmp);
    if (!ld->font->bmp)
        return fail(ld, "out of memory");
    if (f4.p || f4u.p)
        return fill_cmap4(ld, f4.p ? f4 : f4u);
    if (f12.p)
        return fill_cmap12(ld, f12);
    return fail(ld, "no Unicode 'cmap' subtable (format 4 or 12)");
}

br_font *br_font_load(const char *path, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    br_font *f = calloc(1, sizeof *f);
    char *p = f ? strdup(path) : NULL;
    if (!p) {
        free(f);
        if (err && errlen)
            snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    f->path = p;
    loader ld = {.font = f, .err = err, .errlen = errlen};
    uint8_t *data = NULL;
    bool ok = read_file(&ld, path, &data) && read_directory(&ld) && read_head_maxp(&ld) &&
              read_metrics(&ld) && read_boxes(&ld) && read_cap_height(&ld) && read_cmap(&ld);
    free(data);
    if (!ok) {
        br_font_free(f);
        return NULL;
    }
    return f;
}

void br_font_free(br_font *font)
{
    if (!font)
        return;
    free(font->path);
    free(font->advance);
    free(font->box);
    free(font->bmp);
    free(font);
}

const char *br_font_path(const br_font *font)
{
    return font->path;
}

static unsigned glyph_of(const br_font *font, uint32_t cp)
{
    return cp < BMP_SIZE ? font->bmp[cp] : font->bmp[REPLACEMENT];
}

int br_font_advance(const br_font *font, uint32_t codepoint)
{
    unsigned g = glyph_of(font, codepoint);
    return g < font->nglyphs ? font->advance[g] : font->missing_width;
}

bool br_font_has_glyph(const br_font *font, uint32_t codepoint)
{
    if (codepoint >= BMP_SIZE)
        return false;   /* libharu cannot show it: see the top of the file */
    unsigned g = font->bmp[codepoint];
    return g != 0 && g < font->nglyphs;
}

static bool font_keeps(const void *font, uint32_t cp)
{
    return br_font_has_glyph(font, cp);
}

size_t br_font_nfc(const br_font *font, const char *s, size_t len, char *out)
{
    return br_uni_nfc(s, len, out, font_keeps, font);
}

/* The width of text in which every mark advances by nothing. */
static long marked_width(const br_font *font, const char *s, size_t len)
{
    long w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += br_utf8_decode(s + i, len - i, &cp);
        if (br_uni_ccc(cp) == 0)
            w += br_font_advance(font, cp);
    }
    return w;
}

long br_font_text_width(const br_font *font, const char *utf8, size_t len)
{
    long w = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += br_utf8_decode(utf8 + i, len - i, &cp);
        if (cp >= 0x300 && br_uni_ccc(cp) > 0) {
            /* Text with marks is measured as it is painted: normalised. */
            char small[256], *buf = BR_UNI_NFC_ROOM(len) <= sizeof small
                                        ? small : malloc(BR_UNI_NFC_ROOM(len));
            if (!buf)
                return marked_width(font, utf8, len);
            w = marked_width(font, buf, br_font_nfc(font, utf8, len, buf));
            if (buf != small)
                free(buf);
            return w;
        }
        w += br_font_advance(font, cp);
    }
    return w;
}

/* Above-marks and below-marks by combining class (UAX #44): the others
 * (overlays; marks attached to the letter, as a cedilla or an ogonek) are
 * only centred. */
static int mark_side(int ccc)
{
    if ((ccc >= 228 && ccc <= 232) || ccc == 234)
        return 1;
    if (ccc == 218 || ccc == 220 || ccc == 222 || ccc == 233 || ccc == 240)
        return -1;
    return 0;
}

static const int16_t *box_of(const br_font *font, uint32_t cp)
{
    unsigned g = glyph_of(font, cp);
    if (g == 0 || g >= font->nglyphs)
        return NULL;
    const int16_t *b = font->box[g];
    return b[0] || b[1] || b[2] || b[3] ? b : NULL;
}

enum {
    MARK_GAP = 60,      /* 1/1000 em between a letter's ink and its mark's */
    MARK_SLACK = 20,    /* a smaller move is not made: a round letter's overshoot */
};

void br_font_mark_base(const br_font *font, uint32_t base, br_mark_place *mp)
{
    const int16_t *b = box_of(font, base);
    mp->advance = br_font_advance(font, base);
    mp->mid = b ? (b[0] + b[2]) / 2 : mp->advance / 2;
    mp->top = b ? b[3] : 0;
    mp->bottom = b ? b[1] : 0;
    mp->ok = true;
}

bool br_font_mark_offset(const br_font *font, br_mark_place *mp, uint32_t mark, int *dx, int *dy)
{
    const int16_t *m = box_of(font, mark);
    if (!mp->ok || !m)
        return false;
    /* The mark is drawn at the pen, which stands at the letter's end. */
    *dx = mp->mid - mp->advance - (m[0] + m[2]) / 2;
    *dy = 0;
    int side = mark_side(br_uni_ccc(mark));
    if (side > 0) {
        int lift = mp->top + MARK_GAP - m[1];
        *dy = lift > MARK_SLACK ? lift : 0;
        mp->top = m[3] + *dy;
    } else if (side < 0) {
        int drop = m[3] - (mp->bottom - MARK_GAP);
        *dy = drop > MARK_SLACK ? -drop : 0;
        mp->bottom = m[1] + *dy;
    }
    return true;
}

int br_font_ascent(const br_font *font)
{
    return font->ascent;
}

int br_font_descent(const br_font *font)
{
    return font->descent;
}

int br_font_cap_height(const br_font *font)
{
    return font->cap_height;
}

/* Strict UTF-8 (RFC 3629): overlong forms, surrogates and values above
 * U+10FFFF are malformed.  Each malformed byte becomes one U+FFFD, so a
 * caller always advances.  len 0 returns 0 (nothing to decode). */
size_t br_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    *cp = REPLACEMENT;
    if (len == 0)
        return 0;
    unsigned char b = u[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (n == 0 || b > 0xF4 || len < n)
        return 1;
    uint32_t c = b & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 1;
        c = c << 6 | (u[i] & 0x3F);
    }
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 1;
    *cp = c;
    return n;
}

bool br_fontset_load(br_fontset *set, const char *dir, const char *const files[BR_FACE_COUNT],
                     char *err, size_t errlen)
{
    memset(set, 0, sizeof *set);
    for (int i = 0; i < BR_FACE_COUNT; i++) {
        size_t n = strlen(dir) + strlen(files[i]) + 2;
        char *path = malloc(n);
        if (!path) {
            snprintf(err, errlen, "out of memory");
            br_fontset_free(set);
            return false;
        }
        snprintf(path, n, "%s/%s", dir, files[i]);
        set->face[i] = br_font_load(path, err, errlen);
        free(path);
        if (!set->face[i]) {
            br_fontset_free(set);
            return false;
        }
    }
    return true;
}

void br_fontset_free(br_fontset *set)
{
    if (!set)
        return;
    for (int i = 0; i < BR_FACE_COUNT; i++) {
        br_font_free(set->face[i]);
        set->face[i] = NULL;
    }
}

/* Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms (not
 * U+FEFF, the byte order mark, which ends Arabic Presentation Forms-B). */
static bool right_to_left(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFC);
}

/* cp as UTF-8 in ch (at least 5 bytes), "?" for what should not be shown. */
static void encode_shown(uint32_t cp, char *ch)
{
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0))
        strcpy(ch, "?");
    else
        ch[br_utf8_encode(cp, ch)] = 0;
}

void br_font_warn_glyph(const br_font *font, uint32_t cp, br_loc loc, br_glyph_warned *w,
                        br_diags *diags)
{
    if (right_to_left(cp) && !w->rtl) {
        /* Nothing is dropped, but the reader must know the order is wrong. */
        w->rtl = true;
        br_warning(diags, loc, "right-to-left text (U+%04X) is set left to right: "
                   "boardreport has no bidirectional layout, so check its reading order",
                   (unsigned)cp);
    }
    if (cp > 0x10FFFF || br_font_has_glyph(font, cp) || (w->missing[cp >> 3] & (1u << (cp & 7))))
        return;
    w->missing[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    if (cp == 0xFEFF) {
        br_warning(diags, loc, "U+FEFF, an invisible byte order mark (often pasted in from "
                   "another program), is inside the text; delete it, or it prints as a box");
        return;
    }
    char ch[5];
    encode_shown(cp, ch);
    br_warning(diags, loc, "character U+%04X '%s' is not in font %s; it will print as a box",
               (unsigned)cp, ch, br_font_path(font));
}

void br_font_check_text(const br_font *font, const char *s, size_t len, br_loc loc,
                        br_glyph_warned *w, br_diags *diags)
{
    /* The characters painted: a letter and accent the font has composed
     * need no glyph for the accent alone. */
    char *nfc = br_uni_has_mark(s, len) ? malloc(BR_UNI_NFC_ROOM(len)) : NULL;
    if (nfc) {
        len = br_font_nfc(font, s, len, nfc);
        s = nfc;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += br_utf8_decode(s + i, len - i, &cp);
        if (cp != '\n' && cp != '\t' && cp != '\r')
            br_font_warn_glyph(font, cp, loc, w, diags);
    }
    free(nfc);
}
