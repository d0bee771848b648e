/* pdf_pdfa.c — what makes the paper a PDF/A-3b file, as far as it goes.
 *
 * PDF/A (ISO 19005-3) asks for: XMP metadata equal to the document
 * information (title, author, subject, keywords, creator, producer,
 * dates) and naming the part and conformance; an output intent with an ICC
 * profile (sRGB: every colour here is DeviceRGB); embedded fonts and no
 * transparency (both hold by construction: paint embeds every face and
 * never sets an alpha); and, for PDF/A-3, files carried inside the PDF
 * linked to it by /AF with their relationship.  The XMP also names PDF/UA
 * (ISO 14289-1), which the structure tree (pdf_tags.c) serves.  No PDF/A
 * validator runs here: docs/layout.md says what is checked and what not.
 *
 * The XMP is made from the Info dictionary as libharu holds it, after
 * paint and archive have set every entry, so the two cannot disagree.
 */
#include "pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

/* ---- a growing text buffer ---- */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool failed;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Text as XML character data: & < > " escaped, control characters (which
 * XML 1.0 forbids) left out. */
static void put_xml(sbuf *b, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '&')
            puts_(b, "&amp;");
        else if (c == '<')
            puts_(b, "&lt;");
        else if (c == '>')
            puts_(b, "&gt;");
        else if (c == '"')
            puts_(b, "&quot;");
        else if (c >= 0x20 || c == '\t' || c == '\n')
            put(b, (const char *)&c, 1);
    }
}

/* ---- the Info dictionary as libharu holds it ---- */

/* The string value of key in dict, or NULL (looked up by hand: a failed
 * HPDF_Dict_GetItem would leave libharu's error set). */
static HPDF_String info_string(HPDF_Dict dict, const char *key)
{
    for (HPDF_UINT i = 0; i < dict->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(dict->list, i);
        HPDF_Obj_Header *h = e ? e->value : NULL;
        if (h && strcmp(e->key, key) == 0 &&
            (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_STRING)
            return e->value;
    }
    return NULL;
}

/* A PDF date "D:YYYYMMDDHHmmSS" and what follows, as XMP writes it
 * ("YYYY-MM-DDTHH:mm:SSZ" or with +HH:mm); false when it is not one. */
static bool xmp_date(const HPDF_String s, char out[32])
{
    const char *v = s ? (const char *)s->value : NULL;
    if (!v || s->len < 16 || strncmp(v, "D:", 2) != 0)
        return false;
    for (int i = 2; i < 16; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    char zone[8] = "Z";
    if (s->len >= 22 && (v[16] == '+' || v[16] == '-'))
        snprintf(zone, sizeof zone, "%c%.2s:%.2s", v[16], v + 17, v + 20);
    snprintf(out, 32, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", v + 2, v + 6, v + 8, v + 10, v + 12,
             v + 14, zone);
    return true;
}

/* libharu writes a UTC date as "D:...Z00'00'"; PDF writes "D:...Z". */
static void tidy_date(HPDF_Doc pdf, const char *key)
{
    HPDF_String s = info_string(pdf->info, key);
    if (!s || s->len != 23 || s->value[16] != 'Z')
        return;
    char v[24];
    memcpy(v, s->value, 17);
    v[17] = '\0';
    HPDF_String_SetValue(s, v);
}

static void element(sbuf *b, const char *name, HPDF_String s, const char *wrap)
{
    if (!s || s->len == 0)
        return;
    puts_(b, "<");
    puts_(b, name);
    puts_(b, ">");
    if (wrap && strcmp(wrap, "Alt") == 0)
        puts_(b, "<rdf:Alt><rdf:li xml:lang=\"x-default\">");
    else if (wrap)
        puts_(b, "<rdf:Seq><rdf:li>");
    put_xml(b, s->value, s->len);
    if (wrap && strcmp(wrap, "Alt") == 0)
        puts_(b, "</rdf:li></rdf:Alt>");
    else if (wrap)
        puts_(b, "</rdf:li></rdf:Seq>");
    puts_(b, "</");
    puts_(b, name);
    puts_(b, ">\n");
}

static const char *const STANDARD[] = {"Title", "Author", "Subject", "Keywords", "Creator",
                                       "Producer", "CreationDate", "ModDate", "Trapped"};

static bool standard(const char *key)
{
    for (size_t i = 0; i < sizeof STANDARD / sizeof *STANDARD; i++)
        if (strcmp(key, STANDARD[i]) == 0)
            return true;
    return false;
}

/* Whether key can be an XML element name as it is (boardreport's own keys
 * are letters and digits). */
static bool xml_name(const char *key)
{
    if (!((key[0] >= 'A' && key[0] <= 'Z') || (key[0] >= 'a' && key[0] <= 'z')))
        return false;
    for (const char *k = key; *k; k++)
        if (!((*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9')))
            return false;
    return true;
}

#define BR_NS "http://boardreport.invalid/ns/info/1.0/"

/* The extension schemas PDF/A asks for: PDF/UA's identifier and the
 * document information keys boardreport adds. */
static void extension_schemas(sbuf *b, HPDF_Dict info, bool ua)
{
    puts_(b, "<rdf:Description rdf:about=\"\" "
             "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
             "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
             "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
             "<pdfaExtension:schemas><rdf:Bag>\n");
    if (ua)
        puts_(b, "<rdf:li rdf:parseType=\"Resource\">"
                 "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
                 "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
                 "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
                 "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                 "<pdfaProperty:name>part</pdfaProperty:name>"
                 "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
                 "<pdfaProperty:category>internal</pdfaProperty:category>"
                 "<pdfaProperty:description>Part of ISO 14289 the file follows</pdfaProperty:description>"
                 "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>\n");
    puts_(b, "<rdf:li rdf:parseType=\"Resource\">"
             "<pdfaSchema:schema>boardreport document information</pdfaSchema:schema>"
             "<pdfaSchema:namespaceURI>" BR_NS "</pdfaSchema:namespaceURI>"
             "<pdfaSchema:prefix>br</pdfaSchema:prefix>"
             "<pdfaSchema:property><rdf:Seq>");
    for (HPDF_UINT i = 0; i < info->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(info->list, i);
        if (!e || standard(e->key) || !xml_name(e->key) || !info_string(info, e->key))
            continue;
        puts_(b, "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>");
        puts_(b, e->key);
        puts_(b, "</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                 "<pdfaProperty:category>external</pdfaProperty:category>"
                 "<pdfaProperty:description>The document information entry ");
        puts_(b, e->key);
        puts_(b, "</pdfaProperty:description></rdf:li>");
    }
    puts_(b, "</rdf:Seq></pdfaSchema:property></rdf:li>\n"
             "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
}

/* ua: the file claims PDF/UA-1 (a tagged paper; an untagged one cannot). */
static void xmp_packet(sbuf *b, HPDF_Dict info, const char *lang, bool ua)
{
    char created[32] = "", modified[32] = "";
    bool has_created = xmp_date(info_string(info, "CreationDate"), created);
    bool has_modified = xmp_date(info_string(info, "ModDate"), modified);
    puts_(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
             "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
             "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
             "<dc:format>application/pdf</dc:format>\n");
    element(b, "dc:title", info_string(info, "Title"), "Alt");
    element(b, "dc:creator", info_string(info, "Author"), "Seq");
    element(b, "dc:description", info_string(info, "Subject"), "Alt");
    puts_(b, "<dc:language><rdf:Bag><rdf:li>");
    put_xml(b, (const unsigned char *)lang, strlen(lang));
    puts_(b, "</rdf:li></rdf:Bag></dc:language>\n</rdf:Description>\n"
             "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    element(b, "pdf:Keywords", info_string(info, "Keywords"), NULL);
    element(b, "pdf:Producer", info_string(info, "Producer"), NULL);
    puts_(b, "</rdf:Description>\n"
             "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
    element(b, "xmp:CreatorTool", info_string(info, "Creator"), NULL);
    char line[160];
    if (has_created) {
        snprintf(line, sizeof line, "<xmp:CreateDate>%s</xmp:CreateDate>\n", created);
        puts_(b, line);
    }
    if (has_modified) {
        snprintf(line, sizeof line, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                 "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", modified, modified);
        puts_(b, line);
    }
    puts_(b, "</rdf:Description>\n"
             "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
             "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
             "</rdf:Description>\n");
    if (ua)
        puts_(b, "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                 "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
    puts_(b, "<rdf:Description rdf:about=\"\" xmlns:br=\"" BR_NS "\">\n");
    for (HPDF_UINT i = 0; i < info->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(info->list, i);
        if (!e || standard(e->key) || !xml_name(e->key))
            continue;
        char name[HPDF_LIMIT_MAX_NAME_LEN + 8];
        snprintf(name, sizeof name, "br:%s", e->key);
        element(b, name, info_string(info, e->key), NULL);
    }
    puts_(b, "</rdf:Description>\n");
    extension_schemas(b, info, ua);
    puts_(b, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>\n");
}

static bool add_metadata(HPDF_Doc pdf, const char *lang, bool ua)
{
    tidy_date(pdf, "CreationDate");
    tidy_date(pdf, "ModDate");
    sbuf b = {0};
    xmp_packet(&b, pdf->info, lang, ua);
    /* Uncompressed, as PDF/A readers expect to find it. */
    HPDF_Dict xmp = b.failed ? NULL : br_pdf_stream(pdf, b.p, b.len, false);
    free(b.p);
    return xmp && HPDF_Dict_AddName(xmp, "Type", "Metadata") == HPDF_OK &&
           HPDF_Dict_AddName(xmp, "Subtype", "XML") == HPDF_OK &&
           HPDF_Dict_Add(pdf->catalog, "Metadata", xmp) == HPDF_OK;
}

/* ---- the output intent ---- */

static bool add_output_intent(HPDF_Doc pdf)
{
    HPDF_Dict icc = br_pdf_stream(pdf, br_pdf_srgb_icc, br_pdf_srgb_icc_len, true);
    HPDF_Dict intent = icc ? HPDF_Dict_New(pdf->mmgr) : NULL;
    HPDF_Array intents = intent ? HPDF_Array_New(pdf->mmgr) : NULL;
    if (!intents)
        return false;
    const char *id = "sRGB IEC61966-2.1";
    return HPDF_Dict_AddNumber(icc, "N", 3) == HPDF_OK &&
           HPDF_Array_Add(intents, intent) == HPDF_OK &&
           HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK &&
           HPDF_Dict_AddName(intent, "Type", "OutputIntent") == HPDF_OK &&
           HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") == HPDF_OK &&
           HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, id, NULL)) == HPDF_OK &&
           HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, id, NULL)) == HPDF_OK &&
           HPDF_Dict_Add(intent, "DestOutputProfile", icc) == HPDF_OK;
}

bool br_pdf_archival(HPDF_Doc pdf, const char *lang, bool tagged)
{
    pdf->pdf_version = HPDF_VER_17;
    return add_output_intent(pdf) && add_metadata(pdf, lang && *lang ? lang : "en-GB", tagged);
}
