/* names.c — file and folder names of issued papers, one rule each. */
#include "br_archive.h"
#include "br_sha256.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends text to out (of cap bytes) as a slug; keep_case keeps capitals. */
static void slug_append(char *out, size_t cap, const char *text, bool keep_case)
{
    size_t n = strlen(out);
    bool dash = n > 0 && out[n - 1] == '-';
    for (; text && *text && n + 2 < cap; text++) {
        unsigned char ch = (unsigned char)*text;
        if (isalnum(ch)) {
            out[n++] = keep_case ? (char)ch : (char)tolower(ch);
            dash = false;
        } else if (!dash && n > 0) {
            out[n++] = '-';
            dash = true;
        }
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    out[n] = '\0';
}

const char *br_arc_slug(const char *text, br_arena *arena)
{
    char out[120] = "";
    slug_append(out, sizeof out, text, false);
    return br_arena_strdup(arena, out);
}

const char *br_arc_period_folder(const char *period, br_arena *arena)
{
    char out[64] = "";
    slug_append(out, sizeof out, period, true);
    return br_arena_strdup(arena, out[0] ? out : "no-period");
}

const char *br_arc_pdf_name(const br_report *r, br_arena *arena)
{
    char name[160] = "";
    slug_append(name, 100, r->title, false);
    if (!name[0] && r->title && r->title[0]) {
        /* A title with no ASCII letter or digit to slug ("£££", a title in
         * Japanese) is named by its digest, so two such papers of a period
         * in one folder do not take one default file name. */
        char sha[BR_SHA256_HEX];
        br_sha256_hex(r->title, strlen(r->title), sha);
        snprintf(name, sizeof name, "report-%.8s", sha);
    }
    if (name[0])
        strcat(name, "-");
    slug_append(name, sizeof name - 12, r->period_id, false);
    if (!name[0])
        strcpy(name, "report");
    if (r->version > 1)
        return br_arena_printf(arena, "%s-v%d.pdf", name, r->version);
    return br_arena_printf(arena, "%s.pdf", name);
}

int br_arc_version_of(const char *name)
{
    if (name[0] != 'v' || name[1] < '1' || name[1] > '9' || strlen(name) > 7 ||
        strspn(name + 1, "0123456789") != strlen(name + 1))
        return 0;
    return atoi(name + 1);
}
