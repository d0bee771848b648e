/* pdf_files.c — files the PDF carries: PDF/A-3 associated files.
 *
 * Each file becomes an embedded file stream (compressed, /Subtype its MIME
 * type, /Params with its /Size, its MD5 /CheckSum and a /ModDate that is
 * the paper's own date, never the clock, so the same input gives the same
 * bytes) inside a file specification (/F and /UF its name, /Desc, and
 * /AFRelationship: /Source for the YAML the paper was made from, /Data for
 * its export JSON).  The catalog lists the specifications in /AF, which
 * makes them associated files of the whole document, and in the
 * /EmbeddedFiles name tree, where readers' attachment panes find them.  A
 * name tree's keys must be sorted, so the files are taken by name.
 */
#include "pdf_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "br_md5.h"

typedef struct attacher {
    HPDF_Doc pdf;
    bool failed;
} attacher;

static bool ok(attacher *a, HPDF_STATUS st)
{
    if (st != HPDF_OK)
        a->failed = true;
    return !a->failed;
}

static bool ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            return false;
    return true;
}

/* The name as a byte string: as it is when ASCII, else '_' for each byte
 * outside it (/F is a byte string; /UF carries the real name). */
static HPDF_String byte_name(attacher *a, const char *name)
{
    char *copy = strdup(name);
    if (!copy) {
        a->failed = true;
        return NULL;
    }
    for (char *c = copy; *c; c++)
        if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7E)
            *c = '_';
    HPDF_String s = HPDF_String_New(a->pdf->mmgr, copy, NULL);
    free(copy);
    if (!s)
        a->failed = true;
    return s;
}

/* A text string: bytes when ASCII, UTF-16BE with its mark otherwise. */
static void *text(attacher *a, const char *s)
{
    void *obj = ascii(s) ? (void *)HPDF_String_New(a->pdf->mmgr, s, NULL)
                         : (void *)br_pdf_text(a->pdf, s);
    if (!obj)
        a->failed = true;
    return obj;
}

static HPDF_Dict new_dict(attacher *a)
{
    HPDF_Dict d = HPDF_Dict_New(a->pdf->mmgr);
    if (!d)
        a->failed = true;
    return d;
}

static HPDF_Array new_array(attacher *a)
{
    HPDF_Array arr = HPDF_Array_New(a->pdf->mmgr);
    if (!arr)
        a->failed = true;
    return arr;
}

/* /Params: size, MD5 and the paper's date ("D:YYYYMMDD000000Z"). */
static HPDF_Dict params(attacher *a, const br_doc *doc, const br_doc_file *f)
{
    HPDF_Dict p = new_dict(a);
    if (!p)
        return NULL;
    unsigned char md5[16];
    br_md5(f->data, f->len, md5);
    HPDF_Binary sum = HPDF_Binary_New(a->pdf->mmgr, md5, sizeof md5);
    /* A Number is 32-bit: the loader's limits keep a file far below 2 GB. */
    if (!sum || f->len > INT32_MAX || !ok(a, HPDF_Dict_Add(p, "CheckSum", sum)) ||
        !ok(a, HPDF_Dict_AddNumber(p, "Size", (HPDF_INT32)f->len)))
        return a->failed = true, NULL;
    if (doc->year > 0) {
        char date[32];
        snprintf(date, sizeof date, "D:%04d%02d%02d000000Z", doc->year % 10000, doc->month % 100,
                 doc->day % 100);
        if (!ok(a, HPDF_Dict_Add(p, "ModDate", HPDF_String_New(a->pdf->mmgr, date, NULL))))
            return NULL;
    }
    return p;
}

/* The file's specification, with its embedded stream. */
static HPDF_Dict file_spec(attacher *a, const br_doc *doc, const br_doc_file *f)
{
    HPDF_Dict stream = br_pdf_stream(a->pdf, f->data, f->len, true);
    HPDF_Dict par = stream ? params(a, doc, f) : NULL;
    HPDF_Dict ef = par ? new_dict(a) : NULL;
    HPDF_Dict spec = ef ? new_dict(a) : NULL;
    if (!spec || !ok(a, HPDF_Xref_Add(a->pdf->xref, spec)))
        return a->failed = true, NULL;
    ok(a, HPDF_Dict_AddName(stream, "Type", "EmbeddedFile"));
    ok(a, HPDF_Dict_AddName(stream, "Subtype", f->mime ? f->mime : "application/octet-stream"));
    ok(a, HPDF_Dict_Add(stream, "Params", par));
    ok(a, HPDF_Dict_Add(ef, "F", stream));
    ok(a, HPDF_Dict_Add(ef, "UF", stream));
    ok(a, HPDF_Dict_AddName(spec, "Type", "Filespec"));
    ok(a, HPDF_Dict_Add(spec, "F", byte_name(a, f->name)));
    if (!a->failed)
        ok(a, HPDF_Dict_Add(spec, "UF", br_pdf_text(a->pdf, f->name)));
    if (!a->failed && f->description)
        ok(a, HPDF_Dict_Add(spec, "Desc", text(a, f->description)));
    ok(a, HPDF_Dict_AddName(spec, "AFRelationship",
                            f->relationship ? f->relationship : "Unspecified"));
    ok(a, HPDF_Dict_Add(spec, "EF", ef));
    return a->failed ? NULL : spec;
}

static int by_name(const void *x, const void *y)
{
    return strcmp((*(const br_doc_file *const *)x)->name, (*(const br_doc_file *const *)y)->name);
}

bool br_pdf_attach(HPDF_Doc pdf, const br_doc *doc)
{
    if (doc->nfiles == 0)
        return true;
    attacher a = {.pdf = pdf};
    const br_doc_file **order = calloc(doc->nfiles, sizeof *order);
    if (!order)
        return false;
    for (size_t i = 0; i < doc->nfiles; i++)
        order[i] = &doc->files[i];
    qsort(order, doc->nfiles, sizeof *order, by_name);
    HPDF_Array af = new_array(&a);
    HPDF_Array names = af ? new_array(&a) : NULL;
    HPDF_Dict tree = names ? new_dict(&a) : NULL;
    HPDF_Dict name_dict = tree ? new_dict(&a) : NULL;
    if (name_dict) {
        ok(&a, HPDF_Dict_Add(pdf->catalog, "AF", af));
        ok(&a, HPDF_Dict_Add(tree, "Names", names));
        ok(&a, HPDF_Dict_Add(name_dict, "EmbeddedFiles", tree));
        ok(&a, HPDF_Dict_Add(pdf->catalog, "Names", name_dict));
    }
    for (size_t i = 0; i < doc->nfiles && !a.failed; i++) {
        const br_doc_file *f = order[i];
        /* The key: the name's bytes (UTF-8), which sort as the names do. */
        HPDF_Binary key = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)f->name,
                                          (HPDF_UINT)strlen(f->name));
        HPDF_Dict spec = key ? file_spec(&a, doc, f) : NULL;
        if (!spec) {
            a.failed = true;
            break;
        }
        ok(&a, HPDF_Array_Add(names, key));
        ok(&a, HPDF_Array_Add(names, spec));
        ok(&a, HPDF_Array_Add(af, spec));
    }
    free(order);
    return !a.failed;
}
