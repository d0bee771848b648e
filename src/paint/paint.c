/* paint.c — the display list into a PDF, through libharu 2.3.0.
 *
 * The paint stage (this file and pdf_*.c) is the only user of libharu;
 * pdf_*.c reach its low-level objects for what it has no API for (the
 * ToUnicode map, the structure tree, PDF/A metadata).  libharu reports errors through a
 * callback; ours records the first one and returns, and every stage checks
 * the record before going on, since after an error libharu refuses all
 * later calls anyway.  Nothing here jumps or exits.
 *
 * The PDF is built in memory, saved into libharu's memory stream and
 * written by us to the caller's br_file_out, which puts it in place only
 * when every byte is on disk (br_file.h).  (libharu's own HPDF_SaveToFile
 * does not check fclose, so a full disk could go unnoticed.)
 */
#include "br_paint.h"
#include "pdf_int.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

#include "br_unicode.h"

typedef struct painter {
    HPDF_Doc pdf;
    HPDF_STATUS error, detail;      /* first libharu error; 0 when none */
    char stage[160];                /* what was being done, for messages */
    const br_style *style;
    const br_fontset *fonts;
    /* Each face is embedded once, as one two-byte font (UTF-8 encoder,
     * Identity-H) serving all its characters, with a ToUnicode map of our
     * own (pdf_cmap.c).  A second, single-byte WinAnsi font per face would
     * write less content, but readers would list the face twice. */
    const char *font_name[BR_FACE_COUNT];   /* loaded on first use */
    HPDF_Font font[BR_FACE_COUNT];
    HPDF_Dict tounicode;            /* the map all fonts share */
    uint8_t used[BR_FACE_COUNT][8192];  /* characters marked in each font */
    HPDF_Page *pages;               /* for outline destinations */
    br_tagger *tags;                /* the structure tree being built */

    /* The current page and its graphics state, so that an operator is
     * written only when its value changes. */
    HPDF_Page page;
    double height;
    bool in_text;                   /* inside BT ... ET */
    br_pdf_line line;               /* where its current line starts */
    HPDF_Font cur_font;             /* NULL: none */
    double cur_size, cur_line_width;
    int64_t cur_fill, cur_stroke;   /* 0xRRGGBB, or -1: none */

    char *buf;                      /* cleaned text, NUL-terminated */
    size_t buf_cap;
    char *nfc;                      /* buf normalised, where it has combining marks */
    size_t nfc_cap;
    const char *problem;            /* a failure of ours, not libharu's */
} painter;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    painter *p = user;
    if (p->error == 0) {
        p->error = error_no;
        p->detail = detail_no;
    }
}

static bool good(const painter *p)
{
    return p->error == 0 && !p->problem;
}

static void set_stage(painter *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_stage(painter *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->stage, sizeof p->stage, fmt, ap);
    va_end(ap);
}

/* ---- text ---- */

static bool reserve(painter *p, char **buf, size_t *buf_cap, size_t need)
{
    if (need <= *buf_cap)
        return true;
    size_t cap = need > 2 * *buf_cap ? need : 2 * *buf_cap;
    char *b = realloc(*buf, cap);
    if (!b) {
        p->problem = "out of memory";
        return false;
    }
    *buf = b;
    *buf_cap = cap;
    return true;
}

/* Copies UTF-8 into p->buf as libharu should see it.  Malformed bytes and
 * code points above U+FFFF become U+FFFD: libharu would skip the first and
 * paint spaces for the second, while br_font measures both as U+FFFD, so
 * this keeps painted width equal to measured width.  NUL bytes are dropped
 * (libharu takes C strings).  Returns the length, or -1 when out of memory. */
static long clean_utf8(painter *p, const char *s, size_t len)
{
    if (len > (SIZE_MAX - 1) / 3) {
        p->problem = "out of memory";
        return -1;
    }
    if (!reserve(p, &p->buf, &p->buf_cap, 3 * len + 1))
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = br_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD || cp > 0xFFFF) {
            memcpy(p->buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else if (cp != 0) {
            memcpy(p->buf + o, s + i, n);
            o += n;
        }
        i += n;
    }
    p->buf[o] = '\0';
    return (long)o;
}

/* face's font, embedded on first use. */
static HPDF_Font font_for(painter *p, br_face face)
{
    if ((unsigned)face >= BR_FACE_COUNT)
        face = BR_FACE_REGULAR;
    HPDF_Font *slot = &p->font[face];
    if (*slot)
        return *slot;
    const br_font *f = p->fonts->face[face];
    if (!f) {
        p->problem = "no font loaded for a face the text uses";
        return NULL;
    }
    char saved[sizeof p->stage];
    memcpy(saved, p->stage, sizeof saved);
    set_stage(p, "embedding the font %s", br_font_path(f));
    if (!p->font_name[face])
        p->font_name[face] = HPDF_LoadTTFontFromFile(p->pdf, br_font_path(f), HPDF_TRUE);
    if (p->font_name[face])
        *slot = HPDF_GetFont(p->pdf, p->font_name[face], "UTF-8");
    if (*slot && good(p) && !br_pdf_set_tounicode(p->pdf, *slot, &p->tounicode))
        p->problem = "cannot write the font's ToUnicode map";
    if (good(p))
        memcpy(p->stage, saved, sizeof saved);
    return *slot;
}

static void use_font(painter *p, HPDF_Font font, double size)
{
    if (!font || (p->cur_font == font && p->cur_size == size))
        return;
    HPDF_Page_SetFontAndSize(p->page, font, (HPDF_REAL)size);
    p->cur_font = font;
    p->cur_size = size;
}

static HPDF_REAL channel(uint32_t color, int shift)
{
    return (HPDF_REAL)((color >> shift) & 0xFF) / 255.0f;
}

static void use_fill(painter *p, uint32_t color)
{
    if (p->cur_fill == (int64_t)color)
        return;
    HPDF_Page_SetRGBFill(p->page, channel(color, 16), channel(color, 8), channel(color, 0));
    p->cur_fill = color;
}

static void use_stroke(painter *p, uint32_t color, double width)
{
    if (p->cur_stroke != (int64_t)color)
        HPDF_Page_SetRGBStroke(p->page, channel(color, 16), channel(color, 8), channel(color, 0));
    if (p->cur_line_width != width)
        HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
    p->cur_stroke = color;
    p->cur_line_width = width;
}

static void begin_text(painter *p)
{
    if (!p->in_text) {
        HPDF_Page_BeginText(p->page);
        p->line = (br_pdf_line){0, 0};
    }
    p->in_text = true;
}

/* Text items that follow one another share one text object; anything else
 * drawn ends it. */
static void end_text(painter *p)
{
    if (p->in_text)
        HPDF_Page_EndText(p->page);
    p->in_text = false;
}

/* Shows p->buf (n bytes) in face at size, placed at (x, y) when place is
 * set, else where the text position is: normalised as layout measured it
 * (br_font_text_width), each mark left drawn over its letter. */
static void show_text(painter *p, size_t n, br_face face, double size, bool place, double x,
                      double y)
{
    HPDF_Font font = font_for(p, face);
    use_font(p, font, size);
    const br_font *metrics = p->fonts->face[(unsigned)face < BR_FACE_COUNT ? face : 0];
    const char *text = p->buf;
    if (metrics && br_uni_has_mark(p->buf, n)) {
        if (!reserve(p, &p->nfc, &p->nfc_cap, BR_UNI_NFC_ROOM(n)))
            return;
        n = br_font_nfc(metrics, p->buf, n, p->nfc);
        text = p->nfc;
    }
    br_pdf_run run = {text, n, metrics, size};
    if (good(p) && !br_pdf_show(p->page, font, p->used[face], &p->line, &run, place, x, y))
        p->problem = "cannot write text into the page";
}

static void paint_text(painter *p, const br_item *it)
{
    if (!it->text || it->len == 0)
        return;
    long n = clean_utf8(p, it->text, it->len);
    if (n <= 0)
        return;
    use_fill(p, it->color);
    begin_text(p);
    show_text(p, (size_t)n, it->face, it->size, true, it->x, p->height - it->y);
}

/* ---- pages ---- */

static void paint_item(painter *p, const br_item *it)
{
    if (p->tags && br_pdf_tags_changes(p->tags, it->elem)) {
        end_text(p);    /* a marked-content sequence must not cross ET */
        if (!br_pdf_tags_mark(p->tags, it->elem))
            p->problem = "cannot mark the page's content";
    }
    if (it->kind != BR_ITEM_TEXT)
        end_text(p);
    switch (it->kind) {
    case BR_ITEM_TEXT:
        paint_text(p, it);
        break;
    case BR_ITEM_RECT:
        use_fill(p, it->color);
        HPDF_Page_Rectangle(p->page, (HPDF_REAL)it->x, (HPDF_REAL)(p->height - it->y - it->h),
                            (HPDF_REAL)it->w, (HPDF_REAL)it->h);
        HPDF_Page_Fill(p->page);
        break;
    case BR_ITEM_LINE:
        use_stroke(p, it->color, it->width);
        HPDF_Page_MoveTo(p->page, (HPDF_REAL)it->x, (HPDF_REAL)(p->height - it->y));
        HPDF_Page_LineTo(p->page, (HPDF_REAL)it->x2, (HPDF_REAL)(p->height - it->y2));
        HPDF_Page_Stroke(p->page);
        break;
    }
}

/* The DRAFT mark is painted first, under everything else.  Drawn last it
 * would cover words and rules wherever it crosses them (libharu writes
 * PDF 1.3, so we do not lean on transparency); underneath, in a light
 * colour, it never hides anything.  Filled table cells cover it where they
 * are, but running 45 degrees across the page it still shows plainly. */
static void paint_draft(painter *p, const br_page *pg)
{
    const char *text = p->style->draft_text && p->style->draft_text[0] ? p->style->draft_text
                                                                      : "DRAFT";
    const br_font *f = p->fonts->face[BR_FACE_BOLD];
    long n = clean_utf8(p, text, strlen(text));
    long em = f && n > 0 ? br_font_text_width(f, p->buf, (size_t)n) : 0;
    if (em <= 0)
        return;
    /* As wide as 55% of the diagonal, centred on the page's middle. */
    double size = fmin(0.55 * hypot(pg->width, pg->height) * 1000.0 / (double)em, 250.0);
    double c = sqrt(0.5), s = sqrt(0.5);
    double half_w = (double)em * size / 2000.0;
    double half_cap = br_font_cap_height(f) * size / 2000.0;
    double tx = pg->width / 2 - (half_w * c - half_cap * s);
    double ty = pg->height / 2 - (half_w * s + half_cap * c);
    use_fill(p, p->style->draft_color);
    begin_text(p);
    HPDF_Page_SetTextMatrix(p->page, (HPDF_REAL)c, (HPDF_REAL)s, (HPDF_REAL)-s, (HPDF_REAL)c,
                            (HPDF_REAL)tx, (HPDF_REAL)ty);
    show_text(p, (size_t)n, BR_FACE_BOLD, size, false, 0, 0);
    end_text(p);  /* the next text must not start in the turned matrix */
}

static bool paint_page(painter *p, const br_page *pg, size_t index, bool draft)
{
    set_stage(p, "drawing page %zu (%g x %g pt)", index + 1, pg->width, pg->height);
    p->page = HPDF_AddPage(p->pdf);
    if (!p->page)
        return false;
    HPDF_Page_SetWidth(p->page, (HPDF_REAL)pg->width);
    HPDF_Page_SetHeight(p->page, (HPDF_REAL)pg->height);
    p->pages[index] = p->page;
    p->height = pg->height;
    p->in_text = false;
    p->cur_font = NULL;
    p->cur_size = p->cur_line_width = -1;
    p->cur_fill = p->cur_stroke = -1;
    if (p->tags)
        br_pdf_tags_page(p->tags, p->page, index);
    if (draft && (!p->tags || br_pdf_tags_mark(p->tags, BR_ARTIFACT)))
        paint_draft(p, pg);
    for (size_t i = 0; i < pg->nitems && good(p); i++)
        paint_item(p, &pg->items[i]);
    if (good(p))
        end_text(p);
    if (good(p) && p->tags && !br_pdf_tags_end_page(p->tags))
        p->problem = "cannot mark the page's content";
    return good(p);
}

/* ---- outline and document information ---- */

/* Each entry hangs under the last entry of a lower level, so a level 3
 * straight after a level 1 nests under that level 1. */
static bool add_outline(painter *p, const br_pages *pages, br_diags *diags)
{
    set_stage(p, "adding the outline");
    HPDF_Encoder utf8 = HPDF_GetEncoder(p->pdf, "UTF-8");
    HPDF_Outline last[BR_OUTLINE_DEPTH + 1] = {NULL};
    for (size_t i = 0; i < pages->noutline && good(p); i++) {
        const br_outline *o = &pages->outline[i];
        if (o->page >= pages->npages || !o->title) {
            br_warning(diags, (br_loc){NULL, 0, 0},
                       "outline entry %zu has no title or points past the last page "
                       "(page %zu of %zu); left out", i + 1, o->page + 1, pages->npages);
            continue;
        }
        int level = o->level < 1 ? 1 : o->level > BR_OUTLINE_DEPTH ? BR_OUTLINE_DEPTH : o->level;
        HPDF_Outline parent = NULL;
        for (int k = level - 1; k >= 1 && !parent; k--)
            parent = last[k];
        if (clean_utf8(p, o->title, strlen(o->title)) < 0)
            break;
        HPDF_Outline entry = HPDF_CreateOutline(p->pdf, parent, p->buf, utf8);
        HPDF_Page page = p->pages[o->page];
        HPDF_Destination dst = entry ? HPDF_Page_CreateDestination(page) : NULL;
        if (!dst)
            break;
        HPDF_Destination_SetXYZ(dst, 0, HPDF_Page_GetHeight(page) - (HPDF_REAL)o->y, 1);
        HPDF_Outline_SetDestination(entry, dst);
        HPDF_Outline_SetOpened(entry, level == 1 ? HPDF_TRUE : HPDF_FALSE);
        last[level] = entry;
        for (int k = level + 1; k <= BR_OUTLINE_DEPTH; k++)
            last[k] = NULL;
    }
    if (pages->noutline > 0 && good(p))
        HPDF_SetPageMode(p->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    return good(p);
}

/* ---- footnote links ---- */

/* Where a footnote prints: the page and top of its first line. */
typedef struct note_place {
    size_t page;
    double top;
    bool found;
} note_place;

/* The footnote whose Note element holds elem (or one of its ancestors),
 * 0 when none. */
static int note_of(const br_pages *pages, uint32_t elem)
{
    for (int hops = 0; elem != BR_ARTIFACT && elem < pages->nelems && hops < 8; hops++) {
        const br_elem *e = &pages->elems[elem];
        if (e->role == BR_ROLE_NOTE)
            return e->note;
        elem = e->parent;
    }
    return 0;
}

static note_place *find_notes(const br_pages *pages, int *max_note)
{
    int top = 0;
    for (size_t i = 0; i < pages->nelems; i++)
        if (pages->elems[i].note > top)
            top = pages->elems[i].note;
    note_place *at = calloc((size_t)top + 1, sizeof *at);
    for (size_t pg = 0; at && pg < pages->npages; pg++)
        for (size_t k = 0; k < pages->pages[pg].nitems; k++) {
            const br_item *it = &pages->pages[pg].items[k];
            int n = it->kind == BR_ITEM_TEXT ? note_of(pages, it->elem) : 0;
            if (n > 0 && n <= top && !at[n].found)
                at[n] = (note_place){pg, it->y - it->size, true};
        }
    *max_note = top;
    return at;
}

/* A link annotation over the reference item it (on page index pg) to the
 * top of its note, tagged with the reference's Link element. */
static void link_reference(painter *p, const br_pages *pages, size_t pg, const br_item *it,
                           const note_place *to)
{
    const br_font *f = p->fonts->face[(unsigned)it->face < BR_FACE_COUNT ? it->face : 0];
    long n = f ? clean_utf8(p, it->text, it->len) : -1;
    if (n <= 0)
        return;
    double w = (double)br_font_text_width(f, p->buf, (size_t)n) * it->size / 1000.0;
    double h = pages->pages[pg].height, base = h - it->y;
    HPDF_Rect r = {(HPDF_REAL)it->x, (HPDF_REAL)(base - 0.25 * it->size),
                   (HPDF_REAL)(it->x + w), (HPDF_REAL)(base + 0.85 * it->size)};
    HPDF_Page target = p->pages[to->page];
    HPDF_Destination dst = HPDF_Page_CreateDestination(target);
    if (!dst)
        return;
    HPDF_Destination_SetXYZ(dst, 0, HPDF_Page_GetHeight(target) - (HPDF_REAL)to->top, 1);
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(p->pages[pg], r, dst);
    if (!a)
        return;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    /* Printable (PDF/A) and described (PDF/UA: a link's alternate text). */
    HPDF_Dict_AddNumber(a, "F", 4);
    char words[48];
    snprintf(words, sizeof words, "Footnote %d", pages->elems[it->elem].note);
    HPDF_Binary contents = br_pdf_text(p->pdf, words);
    if (contents)
        HPDF_Dict_Add(a, "Contents", contents);
    if (p->tags && !br_pdf_tags_link(p->tags, it->elem, a, pg) && good(p))
        p->problem = "cannot tag a footnote link";
}

/* Each footnote reference in the text links to its note. */
static bool add_note_links(painter *p, const br_pages *pages)
{
    set_stage(p, "linking footnote references to their notes");
    int top = 0;
    note_place *at = find_notes(pages, &top);
    if (!at) {
        p->problem = "out of memory";
        return false;
    }
    for (size_t pg = 0; pg < pages->npages && good(p); pg++) {
        uint32_t last = BR_ARTIFACT;
        for (size_t k = 0; k < pages->pages[pg].nitems && good(p); k++) {
            const br_item *it = &pages->pages[pg].items[k];
            const br_elem *e = it->elem < pages->nelems ? &pages->elems[it->elem] : NULL;
            if (it->kind != BR_ITEM_TEXT || it->elem == BR_ARTIFACT || it->elem == last || !e ||
                e->role != BR_ROLE_REFERENCE || e->note <= 0 || e->note > top ||
                !at[e->note].found)
                continue;
            last = it->elem;
            link_reference(p, pages, pg, it, &at[e->note]);
        }
    }
    free(at);
    return good(p);
}

static void set_text_info(painter *p, HPDF_InfoType type, const char *value)
{
    if (value && good(p) && clean_utf8(p, value, strlen(value)) >= 0)
        HPDF_SetInfoAttr(p->pdf, type, p->buf);
}

/* The entries br_doc_info lists (period, version, source digest), as plain
 * ASCII strings beside the standard ones; libharu has no call for a custom
 * key, so they go straight into its Info dictionary (which exists once
 * set_info has set the standard entries). */
static bool set_custom_info(painter *p, const br_doc *doc)
{
    br_doc_info_entry e[BR_DOC_INFO_MAX];
    size_t n = br_doc_info(doc, e);
    set_stage(p, "setting the document information (report keys)");
    for (size_t i = 0; i < n && good(p) && p->pdf->info; i++)
        HPDF_Dict_Add(p->pdf->info, e[i].key, HPDF_String_New(p->pdf->mmgr, e[i].value, NULL));
    return good(p);
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The trailer's /ID: both halves the 32 bytes of the source digest, so the
 * same source always gives the same ID and a copy of the paper names its
 * source.  Without a digest (a caller that did not compute one) no ID is
 * written, as before. */
static bool set_document_id(painter *p, const br_doc *doc)
{
    const char *hex = doc->source_digest;
    unsigned char id[32];
    if (!hex || strlen(hex) != 2 * sizeof id)
        return good(p);
    for (size_t i = 0; i < sizeof id; i++) {
        int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return good(p);
        id[i] = (unsigned char)(hi << 4 | lo);
    }
    set_stage(p, "setting the document ID");
    HPDF_Array ids = HPDF_Array_New(p->pdf->mmgr);
    if (ids && HPDF_Dict_Add(p->pdf->trailer, "ID", ids) == HPDF_OK)
        for (int k = 0; k < 2 && good(p); k++)
            HPDF_Array_Add(ids, HPDF_Binary_New(p->pdf->mmgr, id, sizeof id));
    return good(p);
}

/* Dates come from the document (midnight UTC), never from the clock, so
 * the same input gives the same bytes. */
static bool set_info(painter *p, const br_doc *doc)
{
    set_stage(p, "setting the document information");
    HPDF_SetCurrentEncoder(p->pdf, "UTF-8");
    set_text_info(p, HPDF_INFO_TITLE, doc->title);
    set_text_info(p, HPDF_INFO_AUTHOR, doc->author);
    set_text_info(p, HPDF_INFO_SUBJECT, doc->subject);
    set_text_info(p, HPDF_INFO_KEYWORDS, doc->keywords);
    set_text_info(p, HPDF_INFO_CREATOR, "boardreport");
    if (doc->year != 0 && good(p)) {
        set_stage(p, "setting the document date %04d-%02d-%02d", doc->year, doc->month,
                  doc->day);
        HPDF_Date d = {doc->year, doc->month, doc->day, 0, 0, 0, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_MOD_DATE, d);
    }
    return good(p) && set_custom_info(p, doc) && set_document_id(p, doc);
}

/* ---- saving ---- */

/* Saves into libharu's memory stream and copies it out. */
static unsigned char *save_to_memory(painter *p, size_t *len)
{
    set_stage(p, "saving the PDF");
    if (HPDF_SaveToStream(p->pdf) != HPDF_OK || !good(p))
        return NULL;
    HPDF_UINT32 size = HPDF_GetStreamSize(p->pdf);
    unsigned char *data = malloc(size ? size : 1);
    if (!data) {
        p->problem = "out of memory";
        return NULL;
    }
    HPDF_ResetStream(p->pdf);
    HPDF_UINT32 got = 0;
    while (got < size && good(p)) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(p->pdf, data + got, &n);
        got += n;
        if (st != HPDF_OK || n == 0)
            break;
    }
    if (got != size || !good(p)) {
        free(data);
        if (good(p))
            p->problem = "libharu's stream came out short";
        return NULL;
    }
    *len = size;
    return data;
}

/* ---- errors ---- */

static const char *error_name(HPDF_STATUS e)
{
    switch (e) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_PAGE_INVALID_SIZE: return "page size outside 3..14400 pt";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "font size outside 0..600 pt";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
    case HPDF_INVALID_DATE_TIME: return "invalid date";
    case HPDF_STRING_OUT_OF_RANGE: return "string too long";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_FONTDEF_DATA: return "font not usable by libharu";
    default: return "libharu error";
    }
}

static void report(const painter *p, const char *out_path, br_diags *diags)
{
    br_loc loc = {out_path, 0, 0};
    if (p->problem)
        br_error(diags, loc, "cannot write %s: %s while %s", out_path, p->problem, p->stage);
    else
        br_error(diags, loc, "cannot write %s: %s while %s (libharu error 0x%04X, detail %u)",
                 out_path, error_name(p->error), p->stage, (unsigned)p->error,
                 (unsigned)p->detail);
}

static bool paint_all(painter *p, const br_pages *pages, const br_doc *doc, br_diags *diags)
{
    set_stage(p, "starting the PDF");
    HPDF_SetCompressionMode(p->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(p->pdf);
    if (!good(p) || !set_info(p, doc))
        return false;
    /* An untagged paper (template 'tagged: false', render --no-tags) has
     * no tagger: its pages carry no marked content. */
    set_stage(p, "starting the structure tree");
    p->tags = p->style->untagged ? NULL : br_pdf_tags_new(p->pdf, pages);
    if (!p->tags && !p->style->untagged) {
        if (good(p))
            p->problem = "out of memory";
        return false;
    }
    for (size_t i = 0; i < pages->npages; i++)
        if (!paint_page(p, &pages->pages[i], i, doc->draft))
            return false;
    if (!add_outline(p, pages, diags) || !add_note_links(p, pages))
        return false;
    set_stage(p, "writing the structure tree");
    if (p->tags && !br_pdf_tags_finish(p->tags) && good(p))
        p->problem = "cannot write the structure tree";
    set_stage(p, "setting the document's language");
    if (good(p) && !br_pdf_set_language(p->pdf, p->style->lang) && good(p))
        p->problem = "cannot set the document's language";
    set_stage(p, "embedding the paper's source and data files");
    if (good(p) && !br_pdf_attach(p->pdf, doc) && good(p))
        p->problem = "cannot embed the paper's files";
    set_stage(p, "writing the PDF/A metadata and output intent");
    if (good(p) && !br_pdf_archival(p->pdf, p->style->lang, p->tags != NULL) && good(p))
        p->problem = "cannot write the PDF/A metadata";
    return good(p);
}

bool br_paint(const br_pages *pages, const br_doc *doc, const br_style *style,
              const br_fontset *fonts, br_file_out *out, br_diags *diags)
{
    painter p = {.style = style, .fonts = fonts};
    set_stage(&p, "starting the PDF");
    p.pages = calloc(pages->npages ? pages->npages : 1, sizeof *p.pages);
    p.pdf = p.pages ? HPDF_New(on_error, &p) : NULL;
    if (!p.pdf)
        p.problem = "out of memory";
    size_t len = 0;
    unsigned char *data = NULL;
    if (good(&p) && paint_all(&p, pages, doc, diags))
        data = save_to_memory(&p, &len);
    if (data) {
        /* Small objects into compressed object streams: a tagged paper's
         * structure elements would otherwise double its size. */
        size_t packed_len = 0;
        unsigned char *packed = br_pdf_pack(data, len, &packed_len);
        if (packed) {
            free(data);
            data = packed;
            len = packed_len;
        }
    }
    bool ok = data != NULL;
    if (ok)
        br_file_out_write(out, data, len);   /* a write error shows at the commit */
    else
        report(&p, out->path, diags);
    free(data);
    br_pdf_tags_free(p.tags);   /* it unhooks libharu's objects: before HPDF_Free */
    if (p.pdf)
        HPDF_Free(p.pdf);
    free(p.pages);
    free(p.buf);
    free(p.nfc);
    return ok;
}
