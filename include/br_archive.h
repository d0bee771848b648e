/* br_archive.h — issued papers: their sources, their packages, their changes.
 *
 * An issued paper is kept as one BagIt 1.0 package (RFC 8493) per report,
 * period and version:
 *
 *   ARCHIVE/<period>/<report>/v<N>/        e.g. archive/2019-20-Q2/performance-challenge/v1/
 *     bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
 *     data/<report>-<period>[-vN].pdf      the issued PDF
 *     data/source/report/...               every YAML file of the report folder it read
 *     data/source/template/<name>.yaml     the template
 *     data/source/fonts/<file>.ttf         the font files
 *
 * The source digest names what a PDF was made from: the SHA-256 of the
 * lines "<sha256 of the file>  <name under data/source/>\n", sorted by name
 * (bytewise).  It is the same whether the files are read from the report's
 * folder or from a package, so a package's PDF can be rebuilt and checked.
 */
#ifndef BR_ARCHIVE_H
#define BR_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "br_arena.h"
#include "br_diag.h"
#include "br_model.h"
#include "br_sha256.h"
#include "br_template.h"

/* ---- Sources ---------------------------------------------------------- */

/* One file a render read. */
typedef struct br_arc_source {
    const char *path;       /* where it was read */
    const char *name;       /* under data/source/: "report/finance.yaml" */
    char sha256[BR_SHA256_HEX];
    uint64_t size;
} br_arc_source;

typedef struct br_arc_sources {
    br_arc_source *files;   /* sorted by name */
    size_t nfiles, cap;
    char digest[BR_SHA256_HEX];
    const char *outside;    /* a file read from outside the report folder, or NULL */
} br_arc_sources;

/* Lists and hashes the files a render of r with template t reads: the YAML
 * files registered in read (the report folder's, then the template) and the
 * four font files; sets s->digest.  A YAML file outside the report folder
 * that is not the template is named "other/<file>" and noted in s->outside
 * (`issue` refuses it: a package could not rebuild from it).  Returns false
 * with an error in diags when a file cannot be read again. */
bool br_arc_sources_collect(br_arc_sources *s, const br_report *r, const br_template *t,
                            const br_diags *read, br_arena *arena, br_diags *diags);

/* The digest of the sources' names and checksums (as described above). */
void br_arc_sources_digest(br_arc_sources *s);

/* ---- Names ------------------------------------------------------------ */

/* "Performance Challenge" -> "performance-challenge": lower-case letters and
 * digits, one '-' for any run of others, none at either end.  "" for NULL. */
const char *br_arc_slug(const char *text, br_arena *arena);

/* The PDF's file name: "<title>-<period>.pdf", "-v<N>" before ".pdf" for a
 * re-issue ("performance-challenge-2019-20-q2-v2.pdf"); "report.pdf" when
 * both are empty.  The same name `render` gives it by default. */
const char *br_arc_pdf_name(const br_report *r, br_arena *arena);

/* The period as a folder name: "2019/20 Q2" -> "2019-20-Q2". */
const char *br_arc_period_folder(const char *period, br_arena *arena);

#endif
