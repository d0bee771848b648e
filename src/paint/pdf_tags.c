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
 * libharu has no API for any of it.  Built from its dictionaries, arrays
 * and numbers, a paper's 20,000 table cells cost a quarter of the render's
 * time and 40 MB: every entry is an object of its own, allocated, written
 * one key a line and freed.  So the tree lives in compact records of ours
 * (a node per element, its kids in one list), and each of its objects is
 * an empty libharu dictionary, numbered in libharu's cross-reference table
 * like any other, whose contents its write hook (write_fn, called by
 * HPDF_Dict_Write between "<<" and ">>") writes from those records when
 * the file is saved.
 */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

/* Kids of one element, entries of one tree node's array and marked-content
 * sequences on one page stay within the array size that PDF 1.7 (Annex C)
 * and PDF/A-1 give as the limit for readers, 8,191 (libharu's own is
 * 32,767; PDF/A-3 sets none): an element's further kids go in a Div, a
 * tree's entries in leaves, a page's further content is an artifact
 * (never met: a page holds a few hundred). */
#define MAX_ARRAY 8191
#define MAX_KIDS (MAX_ARRAY - 1)
#define MAX_MCIDS (MAX_ARRAY - 1)
#define LEAF_KEYS 2048
#define NONE UINT32_MAX

typedef enum kid_kind { KID_MCID, KID_NODE, KID_OBJR } kid_kind;

/* One entry of a node's /K, in a list threaded through br_tagger.kids. */
typedef struct tag_kid {
    uint32_t next;          /* the node's next kid, or NONE */
    uint32_t kind;          /* kid_kind */
    uint32_t value;         /* MCID: its number; NODE: its index; OBJR: the annotation's object */
    uint32_t page;          /* MCID, OBJR: the page's index */
    uint32_t key;           /* OBJR: the annotation's parent tree key */
} tag_kid;

typedef struct br_tagger br_tagger;

/* A structure element's object: a layout element's (nodes 0 .. nelems-1,
 * in order), a footnote reference's Link, or a Div holding kids past
 * MAX_KIDS. */
typedef struct tag_node {
    br_tagger *t;           /* for the write hook */
    HPDF_Dict dict;
    uint32_t id;            /* its object number */
    const char *role;
    const br_elem *el;      /* attributes; NULL for a Link or a Div */
    uint32_t parent;        /* /P: a node, or NONE for the tree's root */
    uint32_t page;          /* /Pg: page of its first MCID, or NONE */
    uint32_t kid_head, kid_tail, nkids;
    /* Layout elements only: */
    uint32_t link;          /* a reference's Link node, holding its content; or NONE */
    uint32_t first_child, next_sibling, cursor; /* children in layout order */
    bool attached;
} tag_node;

/* A node of the parent tree (a number tree) or of the ID tree (a name
 * tree): the root with its entries [from, to), or with leaves of
 * LEAF_KEYS entries as kids. */
typedef struct tag_tree {
    br_tagger *t;
    HPDF_Dict dict;
    bool names, root, limits;
    size_t from, to;
    struct tag_tree *leaves;
    size_t nleaves;
} tag_tree;

struct br_tagger {
    HPDF_Doc pdf;
    const br_elem *elems;   /* the pages', or a lone document for none */
    size_t nelems;
    HPDF_Dict root;
    uint32_t root_id;
    tag_node *nodes;
    size_t nnodes, nodes_cap;
    tag_kid *kids;
    size_t nkids, kids_cap;
    /* Pages: object numbers, and the node of each MCID (the parent tree's
     * entries), page k's at owners[page_first[k] .. page_first[k+1]). */
    size_t npages;
    uint32_t *page_id;
    size_t *page_first;
    uint32_t *owners;
    size_t nowners, owners_cap;
    /* Link annotations, parent tree keys npages ...: their Link nodes. */
    uint32_t *annot_owner;
    size_t nannots, annots_cap;
    const br_elem **notes;  /* footnotes with an ID, by number: the ID tree */
    size_t nnotes;
    tag_tree trees[2];      /* the parent tree, the ID tree */
    /* The page being painted. */
    HPDF_Page page;
    size_t page_index;
    HPDF_Stream stream;
    uint32_t open;          /* element of the open sequence, BR_ARTIFACT, or NONE */
    bool failed;
};

/* ---- writing ---- */

/* Buffered writes into a libharu stream: one call per kilobyte, not per
 * token. */
typedef struct tag_out {
    HPDF_Stream stream;
    HPDF_STATUS status;
    size_t n;
    char buf[1024];
} tag_out;

static void out_flush(tag_out *o)
{
    if (o->n && o->status == HPDF_OK)
        o->status = HPDF_Stream_Write(o->stream, (const HPDF_BYTE *)o->buf, (HPDF_UINT)o->n);
    o->n = 0;
}

static void out_mem(tag_out *o, const char *s, size_t k)
{
    if (o->n + k > sizeof o->buf)
        out_flush(o);
    if (k > sizeof o->buf) {
        if (o->status == HPDF_OK)
            o->status = HPDF_Stream_Write(o->stream, (const HPDF_BYTE *)s, (HPDF_UINT)k);
        return;
    }
    memcpy(o->buf + o->n, s, k);
    o->n += k;
}

static void out_str(tag_out *o, const char *s)
{
    out_mem(o, s, strlen(s));
}

/* v in decimal, zero-padded to width digits. */
static void out_digits(tag_out *o, uint64_t v, size_t width)
{
    char d[24];
    size_t i = sizeof d;
    do
        d[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0 || sizeof d - i < width);
    out_mem(o, d + i, sizeof d - i);
}

static void out_uint(tag_out *o, uint64_t v)
{
    out_digits(o, v, 1);
}

/* " N 0 R" */
static void out_ref(tag_out *o, uint32_t id)
{
    out_mem(o, " ", 1);
    out_uint(o, id);
    out_mem(o, " 0 R", 4);
}

static void out_hex(tag_out *o, const unsigned char *b, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    out_mem(o, "<", 1);
    for (size_t i = 0; i < len; i++) {
        char pair[2] = {hex[b[i] >> 4], hex[b[i] & 15]};
        out_mem(o, pair, 2);
    }
    out_mem(o, ">", 1);
}

/* A footnote's ID, "(fn000012)": the ID tree's keys sort as the numbers. */
static void out_note_id(tag_out *o, int note)
{
    out_mem(o, "(fn", 3);
    out_digits(o, note > 0 ? (uint64_t)note : 0, 6);
    out_mem(o, ")", 1);
}

static uint32_t object_id(void *obj)
{
    return ((HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* ---- building ---- */

static bool ok_status(br_tagger *t, HPDF_STATUS st)
{
    if (st != HPDF_OK)
        t->failed = true;
    return !t->failed;
}

/* A new numbered, empty dictionary whose contents write_fn writes. */
static HPDF_Dict new_object(br_tagger *t, HPDF_Dict_OnWriteFunc write_fn)
{
    HPDF_Dict d = t->failed ? NULL : HPDF_Dict_New(t->pdf->mmgr);
    if (!d || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK) {
        t->failed = true;
        return NULL;
    }
    d->write_fn = write_fn;
    return d;
}

/* items with room for one more of size bytes (moved, maybe), or NULL. */
static void *grow(br_tagger *t, void *items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap * 2 : 256;
    void *p = n < SIZE_MAX / size ? realloc(items, n * size) : NULL;
    if (!p) {
        t->failed = true;
        return NULL;
    }
    *cap = n;
    return p;
}

static HPDF_STATUS write_node(HPDF_Dict dict, HPDF_Stream stream);

/* A new node (its object made, its write hook set once no node moves). */
static uint32_t new_node(br_tagger *t, const char *role, const br_elem *el, uint32_t parent)
{
    tag_node *nodes = grow(t, t->nodes, t->nnodes, &t->nodes_cap, sizeof *nodes);
    HPDF_Dict d = nodes ? new_object(t, write_node) : NULL;
    if (nodes)
        t->nodes = nodes;
    if (!d)
        return NONE;
    t->nodes[t->nnodes] = (tag_node){
        .t = t, .dict = d, .id = object_id(d), .role = role, .el = el, .parent = parent,
        .page = NONE, .kid_head = NONE, .kid_tail = NONE, .link = NONE, .first_child = NONE,
        .next_sibling = NONE, .cursor = NONE};
    return (uint32_t)t->nnodes++;
}

static void add_kid(br_tagger *t, uint32_t node, kid_kind kind, uint32_t value, uint32_t page,
                    uint32_t key)
{
    tag_kid *kids = grow(t, t->kids, t->nkids, &t->kids_cap, sizeof *kids);
    if (!kids)
        return;
    t->kids = kids;
    uint32_t k = (uint32_t)t->nkids++;
    t->kids[k] = (tag_kid){NONE, kind, value, page, key};
    tag_node *n = &t->nodes[node];
    if (n->kid_tail == NONE)
        n->kid_head = k;
    else
        t->kids[n->kid_tail].next = k;
    n->kid_tail = k;
    n->nkids++;
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
        if (t->nodes[p].first_child == NONE)
            t->nodes[p].first_child = t->nodes[p].cursor = i;
        else
            t->nodes[last[p]].next_sibling = i;
        last[p] = i;
    }
    free(last);
}

static HPDF_STATUS write_root(HPDF_Dict dict, HPDF_Stream stream);

br_tagger *br_pdf_tags_new(HPDF_Doc pdf, const br_pages *pages)
{
    br_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    static const br_elem lone_document = {.role = BR_ROLE_DOCUMENT};
    t->pdf = pdf;
    t->elems = pages->nelems ? pages->elems : &lone_document;
    t->nelems = pages->nelems ? pages->nelems : 1;
    t->npages = pages->npages;
    t->open = NONE;
    t->page_id = calloc(t->npages + 1, sizeof *t->page_id);
    t->page_first = calloc(t->npages + 1, sizeof *t->page_first);
    t->failed = !t->page_id || !t->page_first;
    t->root = new_object(t, write_root);
    if (t->root) {
        t->root->attr = t;
        t->root_id = object_id(t->root);
    }
    /* Elements first, so that node i is element i; then the Links. */
    for (uint32_t i = 0; i < t->nelems && !t->failed; i++)
        new_node(t, br_lay_role_name(t->elems[i].role), &t->elems[i],
                 i == 0 ? NONE : t->elems[i].parent < i ? t->elems[i].parent : 0);
    for (uint32_t i = 0; i < t->nelems && !t->failed; i++) {
        if (t->elems[i].role != BR_ROLE_REFERENCE || t->elems[i].note <= 0)
            continue;
        /* PDF/UA tags a link annotation with a Link element, which holds
         * the reference's number and the annotation (its OBJR). */
        uint32_t link = new_node(t, "Link", NULL, i);
        if (link != NONE) {
            t->nodes[i].link = link;
            add_kid(t, i, KID_NODE, link, NONE, 0);
        }
    }
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
    /* The objects are libharu's; their write hooks must not outlive us. */
    for (size_t i = 0; i < t->nnodes; i++)
        t->nodes[i].dict->write_fn = NULL;
    if (t->root)
        t->root->write_fn = NULL;
    for (int k = 0; k < 2; k++) {
        if (t->trees[k].dict)
            t->trees[k].dict->write_fn = NULL;
        for (size_t i = 0; i < t->trees[k].nleaves; i++)
            if (t->trees[k].leaves[i].dict)
                t->trees[k].leaves[i].dict->write_fn = NULL;
        free(t->trees[k].leaves);
    }
    free(t->nodes);
    free(t->kids);
    free(t->page_id);
    free(t->page_first);
    free(t->owners);
    free(t->annot_owner);
    free(t->notes);
    free(t);
}

/* Puts element i in the tree, after its parent and earlier siblings. */
static void attach(br_tagger *t, uint32_t i)
{
    if (t->nodes[i].attached || t->failed)
        return;
    if (i == 0) {
        t->nodes[0].attached = true;    /* the Document, under the root */
        return;
    }
    uint32_t p = t->nodes[i].parent;
    attach(t, p);
    tag_node *pe = &t->nodes[p];
    while (pe->cursor != NONE && !t->failed) {
        uint32_t c = pe->cursor;
        pe->cursor = t->nodes[c].next_sibling;
        if (t->nodes[c].attached)
            continue;
        t->nodes[c].attached = true;
        add_kid(t, p, KID_NODE, c, NONE, 0);
        if (c == i)
            break;
    }
}

void br_pdf_tags_page(br_tagger *t, HPDF_Page page, size_t index)
{
    if (index >= t->npages) {
        t->failed = true;
        return;
    }
    t->page = page;
    t->page_index = index;
    t->page_id[index] = object_id(page);
    t->page_first[index] = t->page_first[index + 1] = t->nowners;
    t->stream = br_pdf_page_stream(page);
    t->open = NONE;
    ok_status(t, HPDF_Dict_AddNumber(page, "StructParents", (HPDF_INT32)index));
    ok_status(t, HPDF_Dict_AddName(page, "Tabs", "S"));
}

static size_t page_mcids(const br_tagger *t)
{
    return t->nowners - t->page_first[t->page_index];
}

bool br_pdf_tags_changes(const br_tagger *t, uint32_t elem)
{
    if (elem >= t->nelems || page_mcids(t) >= MAX_MCIDS)
        elem = BR_ARTIFACT;
    return t->open != elem;
}

static bool write_content(br_tagger *t, const char *role, size_t mcid)
{
    tag_out o = {.stream = t->stream};
    if (t->open != NONE)
        out_mem(&o, "EMC\n", 4);
    if (!role) {
        out_str(&o, "/Artifact BMC\n");
    } else {
        out_mem(&o, "/", 1);
        out_str(&o, role);
        out_str(&o, " <</MCID ");
        out_uint(&o, mcid);
        out_str(&o, ">> BDC\n");
    }
    out_flush(&o);
    return ok_status(t, o.status);
}

bool br_pdf_tags_mark(br_tagger *t, uint32_t elem)
{
    if (!br_pdf_tags_changes(t, elem))
        return !t->failed;
    if (elem >= t->nelems || page_mcids(t) >= MAX_MCIDS)
        elem = BR_ARTIFACT;
    size_t mcid = page_mcids(t);
    if (!write_content(t, elem == BR_ARTIFACT ? NULL : t->nodes[elem].role, mcid))
        return false;
    t->open = elem;
    if (elem == BR_ARTIFACT)
        return true;
    attach(t, elem);
    uint32_t holder = t->nodes[elem].link != NONE ? t->nodes[elem].link : elem;
    if (t->nodes[holder].page == NONE)
        t->nodes[holder].page = (uint32_t)t->page_index;
    add_kid(t, holder, KID_MCID, (uint32_t)mcid, (uint32_t)t->page_index, 0);
    uint32_t *owners = grow(t, t->owners, t->nowners, &t->owners_cap, sizeof *owners);
    if (!owners)
        return false;
    t->owners = owners;
    t->owners[t->nowners++] = holder;
    t->page_first[t->page_index + 1] = t->nowners;
    return !t->failed;
}

bool br_pdf_tags_link(br_tagger *t, uint32_t elem, HPDF_Annotation annot, size_t page)
{
    if (elem >= t->nelems || t->nodes[elem].link == NONE || page >= t->npages || t->failed)
        return !t->failed;
    attach(t, elem);
    uint32_t key = (uint32_t)(t->npages + t->nannots);
    uint32_t *owner = grow(t, t->annot_owner, t->nannots, &t->annots_cap, sizeof *owner);
    if (!owner)
        return false;
    t->annot_owner = owner;
    t->annot_owner[t->nannots++] = t->nodes[elem].link;
    add_kid(t, t->nodes[elem].link, KID_OBJR, object_id(annot), (uint32_t)page, key);
    ok_status(t, HPDF_Dict_AddNumber(annot, "StructParent", (HPDF_INT32)key));
    return !t->failed;
}

bool br_pdf_tags_end_page(br_tagger *t)
{
    if (t->open != NONE) {
        tag_out o = {.stream = t->stream};
        out_mem(&o, "EMC\n", 4);
        out_flush(&o);
        ok_status(t, o.status);
    }
    t->open = NONE;
    return !t->failed;
}

/* ---- finishing ---- */

/* Node n keeps MAX_KIDS - 1 kids and a Div holding the rest (which splits
 * in turn when the loop reaches it): their /P and parent tree entries
 * become the Div's. */
static void split_kids(br_tagger *t, uint32_t n)
{
    uint32_t k = t->nodes[n].kid_head;
    for (uint32_t i = 1; i < MAX_KIDS - 1; i++)
        k = t->kids[k].next;
    uint32_t div = new_node(t, "Div", NULL, n);
    if (div == NONE)
        return;
    tag_node *node = &t->nodes[n], *d = &t->nodes[div];
    d->kid_head = t->kids[k].next;
    d->kid_tail = node->kid_tail;
    d->nkids = node->nkids - (MAX_KIDS - 1);
    t->kids[k].next = NONE;
    node->kid_tail = k;
    node->nkids = MAX_KIDS - 1;
    for (uint32_t c = d->kid_head; c != NONE; c = t->kids[c].next) {
        const tag_kid *kid = &t->kids[c];
        if (kid->kind == KID_NODE)
            t->nodes[kid->value].parent = div;
        else if (kid->kind == KID_OBJR)
            t->annot_owner[kid->key - t->npages] = div;
        else
            t->owners[t->page_first[kid->page] + kid->value] = div;
        if (kid->kind == KID_MCID && d->page == NONE)
            d->page = kid->page;
    }
    add_kid(t, n, KID_NODE, div, NONE, 0);
}

static int by_note(const void *a, const void *b)
{
    int x = ((const br_elem *const *)a)[0]->note, y = ((const br_elem *const *)b)[0]->note;
    return (x > y) - (x < y);
}

/* The footnotes' IDs in order (as their keys sort). */
static void sort_notes(br_tagger *t)
{
    t->notes = calloc(t->nelems, sizeof *t->notes);
    if (!t->notes) {
        t->failed = true;
        return;
    }
    for (size_t i = 0; i < t->nelems; i++)
        if (t->elems[i].role == BR_ROLE_NOTE && t->elems[i].note > 0)
            t->notes[t->nnotes++] = &t->elems[i];
    qsort(t->notes, t->nnotes, sizeof *t->notes, by_note);
}

static HPDF_STATUS write_tree(HPDF_Dict dict, HPDF_Stream stream);

/* A tree of count entries: one object, or a root over leaves. */
static void make_tree(br_tagger *t, tag_tree *tree, bool names, size_t count)
{
    *tree = (tag_tree){.t = t, .names = names, .root = true, .to = count};
    tree->dict = new_object(t, write_tree);
    if (!tree->dict)
        return;
    tree->dict->attr = tree;
    if (count <= LEAF_KEYS)
        return;
    tree->nleaves = (count + LEAF_KEYS - 1) / LEAF_KEYS;
    tree->leaves = calloc(tree->nleaves, sizeof *tree->leaves);
    if (!tree->leaves) {
        t->failed = true;
        tree->nleaves = 0;
        return;
    }
    for (size_t i = 0; i < tree->nleaves && !t->failed; i++) {
        tag_tree *leaf = &tree->leaves[i];
        size_t to = (i + 1) * LEAF_KEYS < count ? (i + 1) * LEAF_KEYS : count;
        *leaf = (tag_tree){.t = t, .names = names, .limits = true, .from = i * LEAF_KEYS, .to = to};
        leaf->dict = new_object(t, write_tree);
        if (leaf->dict)
            leaf->dict->attr = leaf;
    }
}

/* The catalog's entries of a tagged PDF. */
static void set_catalog(br_tagger *t)
{
    HPDF_Dict mark = HPDF_Dict_New(t->pdf->mmgr);
    if (!mark) {
        t->failed = true;
        return;
    }
    ok_status(t, HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE));
    ok_status(t, HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark));
    ok_status(t, HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root));
}

bool br_pdf_set_language(HPDF_Doc pdf, const char *lang)
{
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    HPDF_String l = HPDF_String_New(pdf->mmgr, lang && *lang ? lang : "en-GB", NULL);
    return prefs && l && HPDF_Dict_Add(pdf->catalog, "Lang", l) == HPDF_OK &&
           HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) == HPDF_OK &&
           HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs) == HPDF_OK;
}

bool br_pdf_tags_finish(br_tagger *t)
{
    attach(t, 0);
    /* Elements with no content of their own or below (an empty cell). */
    for (uint32_t i = 1; i < t->nelems && !t->failed; i++)
        attach(t, i);
    for (size_t i = 0; i < t->nnodes && !t->failed; i++)
        if (t->nodes[i].nkids > MAX_KIDS)
            split_kids(t, (uint32_t)i);
    for (size_t i = 0; i < t->nnodes; i++)
        t->nodes[i].dict->attr = &t->nodes[i];
    if (!t->failed)
        sort_notes(t);
    if (!t->failed)
        make_tree(t, &t->trees[0], false, t->npages + t->nannots);
    if (!t->failed && t->nnotes > 0)
        make_tree(t, &t->trees[1], true, t->nnotes);
    if (!t->failed)
        set_catalog(t);
    return !t->failed;
}

/* ---- the write hooks, called as libharu saves the file ---- */

/* Table attributes of a header or spanning cell: /A <</O /Table ...>>. */
static void out_table_attributes(tag_out *o, const br_elem *el)
{
    if (el->scope == BR_SCOPE_NONE && el->colspan <= 1)
        return;
    out_str(o, "/A<</O/Table");
    if (el->scope != BR_SCOPE_NONE)
        out_str(o, el->scope == BR_SCOPE_ROW ? "/Scope/Row" : "/Scope/Column");
    if (el->colspan > 1) {
        out_str(o, "/ColSpan ");
        out_uint(o, (uint64_t)el->colspan);
    }
    out_str(o, ">>");
}

static bool out_attributes(tag_out *o, const br_elem *el)
{
    if (!el)
        return true;
    if (el->role == BR_ROLE_FIGURE && el->alt) {
        size_t len;
        unsigned char *alt = br_pdf_utf16(el->alt, &len);
        if (!alt)
            return false;
        out_str(o, "/Alt");
        out_hex(o, alt, len);
        free(alt);
    }
    out_table_attributes(o, el);
    if (el->role == BR_ROLE_NOTE && el->note > 0) {
        out_str(o, "/ID");
        out_note_id(o, el->note);
    }
    return true;
}

/* A kid: an MCID on the node's /Pg as a number, on another page as an
 * MCR; an element as a reference; an annotation as an OBJR. */
static void out_kid(tag_out *o, const br_tagger *t, const tag_node *n, const tag_kid *k)
{
    switch ((kid_kind)k->kind) {
    case KID_MCID:
        if (k->page == n->page) {
            out_mem(o, " ", 1);
            out_uint(o, k->value);
        } else {
            out_str(o, "<</Type/MCR/Pg");
            out_ref(o, t->page_id[k->page]);
            out_str(o, "/MCID ");
            out_uint(o, k->value);
            out_str(o, ">>");
        }
        break;
    case KID_NODE:
        out_ref(o, t->nodes[k->value].id);
        break;
    case KID_OBJR:
        out_str(o, "<</Type/OBJR/Obj");
        out_ref(o, k->value);
        out_str(o, "/Pg");
        out_ref(o, t->page_id[k->page]);
        out_str(o, ">>");
        break;
    }
}

/* /Type /StructElem is optional: left out, as in most tagged PDFs. */
static HPDF_STATUS write_node(HPDF_Dict dict, HPDF_Stream stream)
{
    const tag_node *n = dict->attr;
    if (!n)
        return HPDF_INVALID_OBJECT;
    const br_tagger *t = n->t;
    tag_out o = {.stream = stream};
    out_str(&o, "/S/");
    out_str(&o, n->role);
    out_str(&o, "/P");
    out_ref(&o, n->parent == NONE ? t->root_id : t->nodes[n->parent].id);
    if (n->page != NONE) {
        out_str(&o, "/Pg");
        out_ref(&o, t->page_id[n->page]);
    }
    if (!out_attributes(&o, n->el))
        return HPDF_FAILD_TO_ALLOC_MEM;
    if (n->nkids > 0) {
        out_str(&o, n->nkids > 1 ? "/K[" : "/K");
        for (uint32_t k = n->kid_head; k != NONE; k = t->kids[k].next)
            out_kid(&o, t, n, &t->kids[k]);
        out_str(&o, n->nkids > 1 ? "]" : "");
    }
    out_flush(&o);
    return o.status;
}

static HPDF_STATUS write_root(HPDF_Dict dict, HPDF_Stream stream)
{
    const br_tagger *t = dict->attr;
    tag_out o = {.stream = stream};
    out_str(&o, "/Type /StructTreeRoot\n/K");
    out_ref(&o, t->nodes[0].id);
    out_str(&o, "\n/ParentTree");
    out_ref(&o, object_id(t->trees[0].dict));
    out_str(&o, "\n/ParentTreeNextKey ");
    out_uint(&o, t->npages + t->nannots);
    if (t->trees[1].dict) {
        out_str(&o, "\n/IDTree");
        out_ref(&o, object_id(t->trees[1].dict));
    }
    out_mem(&o, "\n", 1);
    out_flush(&o);
    return o.status;
}

/* Entry i of a tree: a page's MCIDs' elements, an annotation's Link, or a
 * footnote's ID and Note. */
static void out_entry(tag_out *o, const br_tagger *t, bool names, size_t i)
{
    if (names) {
        out_mem(o, " ", 1);
        out_note_id(o, t->notes[i]->note);
        out_ref(o, t->nodes[t->notes[i] - t->elems].id);
        return;
    }
    out_mem(o, " ", 1);
    out_uint(o, i);
    if (i >= t->npages) {
        out_ref(o, t->nodes[t->annot_owner[i - t->npages]].id);
        return;
    }
    out_str(o, " [");
    for (size_t m = t->page_first[i]; m < t->page_first[i + 1]; m++)
        out_ref(o, t->nodes[t->owners[m]].id);
    out_str(o, " ]\n");
}

static HPDF_STATUS write_tree(HPDF_Dict dict, HPDF_Stream stream)
{
    const tag_tree *tree = dict->attr;
    const br_tagger *t = tree->t;
    tag_out o = {.stream = stream};
    if (tree->nleaves > 0) {
        out_str(&o, "/Kids [");
        for (size_t i = 0; i < tree->nleaves; i++)
            out_ref(&o, object_id(tree->leaves[i].dict));
        out_str(&o, " ]\n");
        out_flush(&o);
        return o.status;
    }
    if (tree->limits) {
        out_str(&o, "/Limits [");
        for (int end = 0; end < 2; end++) {
            size_t i = end ? tree->to - 1 : tree->from;
            out_mem(&o, " ", 1);
            if (tree->names)
                out_note_id(&o, t->notes[i]->note);
            else
                out_uint(&o, i);
        }
        out_str(&o, " ]\n");
    }
    out_str(&o, tree->names ? "/Names [" : "/Nums [");
    for (size_t i = tree->from; i < tree->to; i++)
        out_entry(&o, t, tree->names, i);
    out_str(&o, " ]\n");
    out_flush(&o);
    return o.status;
}
