/* pdf_tags.c — the structure tree of a tagged PDF, from layout's elements.
 *
 * Layout names for every item the element it is content of (br_layout.h).
 * While the pages are painted, each run of items of one element becomes a
 * marked-content sequence ("/TD <</MCID 7>> BDC ... EMC"), artifacts are
 * marked "/Artifact BMC ... EMC", and the element gets a reference to the
 * sequence in its kids.  Elements join their parent when their first
 * content is painted, and bring along any earlier sibling still waiting (an
 * empty table cell), so the tree's order is layout's order.  At the end
 * the tree, the parent tree (page, MCID -> element), the IDs of footnotes
 * and the catalog entries of a tagged PDF (/MarkInfo, /Lang,
 * /StructTreeRoot, /ViewerPreferences /DisplayDocTitle) are written.
 *
 * libharu has no API for any of it; it is built on its low-level objects.
 */
#include "pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

/* libharu refuses an array of more entries; a kid past it goes in a Div. */
#define MAX_KIDS (HPDF_LIMIT_MAX_ARRAY - 1)
/* Marked-content sequences on one page; past it content is an artifact
 * (never met: a page holds a few hundred). */
#define MAX_MCIDS (HPDF_LIMIT_MAX_ARRAY - 1)
#define NONE UINT32_MAX

typedef struct tag_elem {
    HPDF_Dict dict;
    HPDF_Dict holder;       /* where its kids go: dict, or a Div once full */
    HPDF_Array kids;        /* holder's /K; NULL until the second kid */
    int32_t single;         /* /K of one MCID written as a number, -1: none */
    int32_t page;           /* its /Pg (page of its first content), -1: none */
    uint32_t first_child, next_sibling, cursor; /* children in layout order */
    bool attached;
    HPDF_Dict link;         /* a footnote reference's Link, holding its content */
} tag_elem;

struct br_tagger {
    HPDF_Doc pdf;
    const br_pages *pages;
    const br_elem *elems;   /* the pages', or a lone document for none */
    size_t nelems;
    HPDF_Dict root;
    tag_elem *e;
    HPDF_Array nums;        /* the parent tree's /Nums */
    HPDF_Array ids;         /* the ID tree's /Names, in order of note number */
    int32_t next_key;       /* the parent tree's next key: pages, then annotations */
    /* The page being painted. */
    HPDF_Page page;
    int32_t page_index;
    HPDF_Stream stream;
    HPDF_Array mcids;       /* element of each MCID of the page */
    uint32_t open;          /* element of the open sequence, BR_ARTIFACT, or NONE */
    bool failed;
};

static bool ok_status(br_tagger *t, HPDF_STATUS st)
{
    if (st != HPDF_OK)
        t->failed = true;
    return !t->failed;
}

static HPDF_Dict new_dict(br_tagger *t, bool indirect)
{
    HPDF_Dict d = HPDF_Dict_New(t->pdf->mmgr);
    if (!d || (indirect && HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)) {
        t->failed = true;
        return NULL;
    }
    return d;
}

static HPDF_Array new_array(br_tagger *t)
{
    HPDF_Array a = HPDF_Array_New(t->pdf->mmgr);
    if (!a)
        t->failed = true;
    return a;
}

/* Table attributes of a header or spanning cell: /A <</O /Table ...>>. */
static void add_table_attributes(br_tagger *t, HPDF_Dict d, const br_elem *el)
{
    if (el->scope == BR_SCOPE_NONE && el->colspan <= 1)
        return;
    HPDF_Dict a = new_dict(t, false);
    if (!a || !ok_status(t, HPDF_Dict_Add(d, "A", a)) ||
        !ok_status(t, HPDF_Dict_AddName(a, "O", "Table")))
        return;
    if (el->scope != BR_SCOPE_NONE)
        ok_status(t, HPDF_Dict_AddName(a, "Scope", el->scope == BR_SCOPE_ROW ? "Row" : "Column"));
    if (el->colspan > 1)
        ok_status(t, HPDF_Dict_AddNumber(a, "ColSpan", el->colspan));
}

/* A footnote's ID ("fn000012": the ID tree's keys sort as its numbers). */
static void add_note_id(br_tagger *t, HPDF_Dict d, const br_elem *el)
{
    char id[24];
    snprintf(id, sizeof id, "fn%06d", el->note);
    HPDF_Binary key = HPDF_Binary_New(t->pdf->mmgr, (HPDF_BYTE *)id, (HPDF_UINT)strlen(id));
    ok_status(t, key ? HPDF_Dict_Add(d, "ID", key) : HPDF_FAILD_TO_ALLOC_MEM);
}

static int by_note(const void *a, const void *b)
{
    int x = ((const br_elem *const *)a)[0]->note, y = ((const br_elem *const *)b)[0]->note;
    return (x > y) - (x < y);
}

/* The ID tree's names: the footnotes' IDs in order (as their keys sort). */
static void add_note_ids(br_tagger *t)
{
    const br_elem **notes = calloc(t->nelems, sizeof *notes);
    size_t n = 0;
    if (!notes) {
        t->failed = true;
        return;
    }
    for (size_t i = 0; i < t->nelems; i++)
        if (t->elems[i].role == BR_ROLE_NOTE && t->elems[i].note > 0)
            notes[n++] = &t->elems[i];
    qsort(notes, n, sizeof *notes, by_note);
    for (size_t k = 0; k < n && !t->failed; k++) {
        char id[24];
        snprintf(id, sizeof id, "fn%06d", notes[k]->note);
        HPDF_Binary name = HPDF_Binary_New(t->pdf->mmgr, (HPDF_BYTE *)id, (HPDF_UINT)strlen(id));
        ok_status(t, name ? HPDF_Array_Add(t->ids, name) : HPDF_FAILD_TO_ALLOC_MEM);
        ok_status(t, HPDF_Array_Add(t->ids, t->e[notes[k] - t->elems].dict));
    }
    free(notes);
}

static bool make_elem(br_tagger *t, uint32_t i)
{
    const br_elem *el = &t->elems[i];
    HPDF_Dict d = new_dict(t, true);
    t->e[i] = (tag_elem){.dict = d, .holder = d, .single = -1, .page = -1, .first_child = NONE,
                         .next_sibling = NONE, .cursor = NONE};
    /* /Type /StructElem is optional: left out, as in most tagged PDFs. */
    if (!d || !ok_status(t, HPDF_Dict_AddName(d, "S", br_lay_role_name(el->role))))
        return false;
    if (el->role == BR_ROLE_FIGURE && el->alt) {
        HPDF_Binary alt = br_pdf_text(t->pdf, el->alt);
        ok_status(t, alt ? HPDF_Dict_Add(d, "Alt", alt) : HPDF_FAILD_TO_ALLOC_MEM);
    }
    add_table_attributes(t, d, el);
    if (el->role == BR_ROLE_NOTE && el->note > 0)
        add_note_id(t, d, el);
    if (el->role == BR_ROLE_REFERENCE && el->note > 0) {
        /* PDF/UA tags a link annotation with a Link element, which holds
         * the reference's number and the annotation (its OBJR). */
        HPDF_Dict link = new_dict(t, true);
        if (!link || !ok_status(t, HPDF_Dict_AddName(link, "S", "Link")) ||
            !ok_status(t, HPDF_Dict_Add(link, "P", d)) ||
            !ok_status(t, HPDF_Dict_Add(d, "K", link)))
            return false;
        t->e[i].holder = t->e[i].link = link;
    }
    return !t->failed;
}

/* Children lists in layout order (an element's parent always comes first). */
static void link_children(br_tagger *t)
{
    size_t n = t->nelems;
    uint32_t *last = calloc(n, sizeof *last);
    if (!last) {
        t->failed = true;
        return;
    }
    for (uint32_t i = 1; i < n; i++) {
        uint32_t p = t->elems[i].parent < i ? t->elems[i].parent : 0;
        if (t->e[p].first_child == NONE)
            t->e[p].first_child = t->e[p].cursor = i;
        else
            t->e[last[p]].next_sibling = i;
        last[p] = i;
    }
    free(last);
}

br_tagger *br_pdf_tags_new(HPDF_Doc pdf, const br_pages *pages)
{
    br_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    static const br_elem lone_document = {.role = BR_ROLE_DOCUMENT};
    t->pdf = pdf;
    t->pages = pages;
    t->elems = pages->nelems ? pages->elems : &lone_document;
    t->nelems = pages->nelems ? pages->nelems : 1;
    t->open = NONE;
    t->e = calloc(t->nelems, sizeof *t->e);
    t->root = t->e ? new_dict(t, true) : NULL;
    t->nums = t->root ? new_array(t) : NULL;
    t->ids = t->nums ? new_array(t) : NULL;
    if (t->ids)
        ok_status(t, HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot"));
    for (uint32_t i = 0; i < t->nelems && !t->failed; i++)
        make_elem(t, i);
    if (!t->failed)
        link_children(t);
    if (t->failed) {
        br_pdf_tags_free(t);
        return NULL;
    }
    return t;
}

void br_pdf_tags_free(br_tagger *t)
{
    if (!t)
        return;
    /* Arrays not yet given to a dictionary (a paper that failed to paint,
     * or the ID tree of one without footnotes) are ours to free. */
    if (t->nums)
        HPDF_Array_Free(t->nums);
    if (t->ids)
        HPDF_Array_Free(t->ids);
    free(t->e);
    free(t);
}

/* The holder's /K as an array, with the single MCID it held, if any. */
static bool kids_array(br_tagger *t, tag_elem *e)
{
    if (e->kids)
        return true;
    e->kids = new_array(t);
    if (!e->kids || !ok_status(t, HPDF_Dict_Add(e->holder, "K", e->kids)))
        return false;
    if (e->single >= 0)
        ok_status(t, HPDF_Array_AddNumber(e->kids, e->single));
    e->single = -1;
    return !t->failed;
}

/* Adds obj to element i's kids; a full /K continues in a Div. */
static void add_kid(br_tagger *t, uint32_t i, void *obj)
{
    tag_elem *e = &t->e[i];
    if (e->kids && HPDF_Array_Items(e->kids) >= MAX_KIDS) {
        HPDF_Dict div = new_dict(t, true);
        if (!div || !ok_status(t, HPDF_Dict_AddName(div, "S", "Div")) ||
            !ok_status(t, HPDF_Dict_Add(div, "P", e->holder)) ||
            !ok_status(t, HPDF_Array_Add(e->kids, div)))
            return;
        e->holder = div;
        e->kids = NULL;
    }
    if (!kids_array(t, e))
        return;
    ok_status(t, HPDF_Array_Add(e->kids, obj));
}

/* Puts element i in the tree, after its parent and earlier siblings. */
static void attach(br_tagger *t, uint32_t i)
{
    if (t->e[i].attached || t->failed)
        return;
    if (i == 0) {
        t->e[0].attached = true;
        ok_status(t, HPDF_Dict_Add(t->e[0].dict, "P", t->root));
        ok_status(t, HPDF_Dict_Add(t->root, "K", t->e[0].dict));
        return;
    }
    uint32_t p = t->elems[i].parent < i ? t->elems[i].parent : 0;
    attach(t, p);
    tag_elem *pe = &t->e[p];
    while (pe->cursor != NONE && !t->failed) {
        uint32_t c = pe->cursor;
        pe->cursor = t->e[c].next_sibling;
        if (t->e[c].attached)
            continue;
        t->e[c].attached = true;
        ok_status(t, HPDF_Dict_Add(t->e[c].dict, "P", pe->holder));
        add_kid(t, p, t->e[c].dict);
        if (c == i)
            break;
    }
}

void br_pdf_tags_page(br_tagger *t, HPDF_Page page, size_t index)
{
    t->page = page;
    t->page_index = (int32_t)index;
    t->stream = br_pdf_page_stream(page);
    t->open = NONE;
    t->mcids = new_array(t);
    if (!t->mcids)
        return;
    ok_status(t, HPDF_Dict_AddNumber(page, "StructParents", (HPDF_INT32)index));
    t->next_key = (int32_t)index + 1;
    ok_status(t, HPDF_Dict_AddName(page, "Tabs", "S"));
    ok_status(t, HPDF_Array_AddNumber(t->nums, (HPDF_INT32)index));
    ok_status(t, HPDF_Array_Add(t->nums, t->mcids));
}

bool br_pdf_tags_changes(const br_tagger *t, uint32_t elem)
{
    if (elem >= t->nelems || HPDF_Array_Items(t->mcids) >= MAX_MCIDS)
        elem = BR_ARTIFACT;
    return t->open != elem;
}

/* Element i's reference to MCID mcid of the current page. */
static void add_mcid(br_tagger *t, uint32_t i, HPDF_INT32 mcid)
{
    tag_elem *e = &t->e[i];
    if (e->page < 0) {
        e->page = t->page_index;
        ok_status(t, HPDF_Dict_Add(e->dict, "Pg", t->page));
    }
    if (e->page == t->page_index && e->holder == e->dict) {
        if (!e->kids && e->single < 0) {
            /* Most elements (a cell, a paragraph on one page) have one
             * sequence: /K 7, not /K [ 7 ]. */
            e->single = mcid;
            ok_status(t, HPDF_Dict_AddNumber(e->holder, "K", mcid));
            return;
        }
        if (!kids_array(t, e))
            return;
        if (HPDF_Array_Items(e->kids) < MAX_KIDS) {
            ok_status(t, HPDF_Array_AddNumber(e->kids, mcid));
            return;
        }
    }
    HPDF_Dict mcr = new_dict(t, false);
    if (!mcr || !ok_status(t, HPDF_Dict_AddName(mcr, "Type", "MCR")) ||
        !ok_status(t, HPDF_Dict_Add(mcr, "Pg", t->page)) ||
        !ok_status(t, HPDF_Dict_AddNumber(mcr, "MCID", mcid)))
        return;
    add_kid(t, i, mcr);
}

bool br_pdf_tags_mark(br_tagger *t, uint32_t elem)
{
    if (!br_pdf_tags_changes(t, elem))
        return !t->failed;
    if (elem >= t->nelems || HPDF_Array_Items(t->mcids) >= MAX_MCIDS)
        elem = BR_ARTIFACT;
    if (t->open != NONE && !ok_status(t, HPDF_Stream_WriteStr(t->stream, "EMC\n")))
        return false;
    t->open = elem;
    if (elem == BR_ARTIFACT)
        return ok_status(t, HPDF_Stream_WriteStr(t->stream, "/Artifact BMC\n"));
    HPDF_INT32 mcid = (HPDF_INT32)HPDF_Array_Items(t->mcids);
    char op[64];
    snprintf(op, sizeof op, "/%s <</MCID %d>> BDC\n",
             br_lay_role_name(t->elems[elem].role), (int)mcid);
    if (!ok_status(t, HPDF_Stream_WriteStr(t->stream, op)))
        return false;
    attach(t, elem);
    add_mcid(t, elem, mcid);
    const tag_elem *e = &t->e[elem];
    return ok_status(t, HPDF_Array_Add(t->mcids, e->link ? e->link : e->dict));
}

bool br_pdf_tags_link(br_tagger *t, uint32_t elem, HPDF_Annotation annot, HPDF_Page page)
{
    if (elem >= t->nelems || !t->e[elem].link || t->failed)
        return !t->failed;
    attach(t, elem);
    HPDF_Dict objr = new_dict(t, false);
    if (!objr || !ok_status(t, HPDF_Dict_AddName(objr, "Type", "OBJR")) ||
        !ok_status(t, HPDF_Dict_Add(objr, "Obj", annot)) ||
        !ok_status(t, HPDF_Dict_Add(objr, "Pg", page)))
        return false;
    add_kid(t, elem, objr);
    ok_status(t, HPDF_Dict_AddNumber(annot, "StructParent", t->next_key));
    ok_status(t, HPDF_Array_AddNumber(t->nums, t->next_key++));
    ok_status(t, HPDF_Array_Add(t->nums, t->e[elem].link));
    return !t->failed;
}

bool br_pdf_tags_end_page(br_tagger *t)
{
    if (t->open != NONE)
        ok_status(t, HPDF_Stream_WriteStr(t->stream, "EMC\n"));
    t->open = NONE;
    return !t->failed;
}

/* The tree's root entries and the catalog's. */
static void write_root(br_tagger *t, const char *lang)
{
    HPDF_Dict parents = new_dict(t, true);
    if (!parents)
        return;
    HPDF_STATUS st = HPDF_Dict_Add(parents, "Nums", t->nums);
    t->nums = NULL;     /* the dictionary owns it, even when the call failed */
    if (!ok_status(t, st) ||
        !ok_status(t, HPDF_Dict_Add(t->root, "ParentTree", parents)) ||
        !ok_status(t, HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->next_key)))
        return;
    add_note_ids(t);
    if (!t->failed && HPDF_Array_Items(t->ids) > 0) {
        HPDF_Dict ids = new_dict(t, true);
        if (!ids)
            return;
        HPDF_STATUS st2 = HPDF_Dict_Add(ids, "Names", t->ids);
        t->ids = NULL;
        if (!ok_status(t, st2) || !ok_status(t, HPDF_Dict_Add(t->root, "IDTree", ids)))
            return;
    }
    HPDF_Dict catalog = t->pdf->catalog;
    HPDF_Dict mark = new_dict(t, false), prefs = new_dict(t, false);
    HPDF_String l = HPDF_String_New(t->pdf->mmgr, lang, NULL);
    if (!mark || !prefs || !l)
        return;
    ok_status(t, HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE));
    ok_status(t, HPDF_Dict_Add(catalog, "MarkInfo", mark));
    ok_status(t, HPDF_Dict_Add(catalog, "StructTreeRoot", t->root));
    ok_status(t, HPDF_Dict_Add(catalog, "Lang", l));
    ok_status(t, HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE));
    ok_status(t, HPDF_Dict_Add(catalog, "ViewerPreferences", prefs));
}

bool br_pdf_tags_finish(br_tagger *t, const char *lang)
{
    attach(t, 0);
    /* Elements with no content of their own or below (an empty cell). */
    for (uint32_t i = 1; i < t->nelems && !t->failed; i++)
        attach(t, i);
    if (!t->failed)
        write_root(t, lang && *lang ? lang : "en-GB");
    return !t->failed;
}
