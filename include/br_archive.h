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

/* ---- BagIt (RFC 8493) -------------------------------------------------- */

/* bag-info.txt: labelled values in order; a label may repeat. */
typedef struct br_bag_field {
    const char *label;
    const char *value;
} br_bag_field;

typedef struct br_bag_info {
    br_bag_field *fields;
    size_t nfields, cap;
} br_bag_info;

void br_bag_info_add(br_bag_info *info, br_arena *arena, const char *label, const char *value);
/* The first value of label, or NULL. */
const char *br_bag_info_get(const br_bag_info *info, const char *label);

/* Reads dir/bag-info.txt (a value's continuation lines joined with line
 * breaks, as br_bag_write folded them).  Returns
 * false when it cannot be read. */
bool br_bag_info_read(br_bag_info *info, const char *dir, br_arena *arena);

/* Makes dir (holding data/) a bag: bagit.txt, manifest-sha256.txt of every
 * file under data/, bag-info.txt (info, then Payload-Oxum) and
 * tagmanifest-sha256.txt.  Returns false with errno set on failure. */
bool br_bag_write(const char *dir, const br_bag_info *info, br_arena *arena);

/* Checks that dir is a complete and valid bag (RFC 8493 §3): bagit.txt,
 * every payload file listed once in manifest-sha256.txt and nothing listed
 * that is missing, every checksum of both manifests matching, the
 * Payload-Oxum right.  Each problem is an error at the file concerned.
 * Returns true when the bag is valid. */
bool br_bag_check(const char *dir, br_arena *arena, br_diags *diags);

/* ---- The archive ------------------------------------------------------ */

/* The highest version of r's paper in archive other than r's own (its
 * package folder into *dir), or 0 when there is none. */
int br_arc_latest_issued(const br_report *r, const char *archive, const char **dir,
                         br_arena *arena);

/* The archive folder: option when given, else $BOARDREPORT_ARCHIVE when set
 * and not empty, else "archive" in the current folder. */
const char *br_arc_dir(const char *option);

/* ARCHIVE/<period>/<report>/v<version> for r: <report> is its title's
 * slug, or, where that folder holds a paper of another title with the
 * same slug, the slug and 12 hex digits of the title's SHA-256. */
const char *br_arc_package_dir(const char *archive, const br_report *r, int version,
                               br_arena *arena);

/* "<period>/<report>" of a package folder ARCHIVE/<period>/<report>/v<N>:
 * its identifier in bag-info.txt. */
const char *br_arc_package_id(const char *package_dir, br_arena *arena);

/* Versions probed for a folder's papers before giving up. */
#define BR_ARC_MAX_PROBE 999

/* True when a write to path (a file or folder, which need not exist yet;
 * a symbolic link, even a dangling one, is followed to where the write
 * would land) lies inside archive, inside a BagIt package (a folder at or
 * above it holds bagit.txt), or in the folder of a paper's versions (a
 * folder at or above it holds a package v<N>), where the next version goes. */
bool br_arc_inside(const char *path, const char *archive);

/* The labels of bag-info.txt that boardreport writes and reads. */
#define BR_BAG_TITLE "Report-Title"
#define BR_BAG_PERIOD "Report-Period"
#define BR_BAG_VERSION "Report-Version"
#define BR_BAG_ISSUED "Issue-Date"
#define BR_BAG_MAIN "Report-File"
#define BR_BAG_PDF "PDF-File"
#define BR_BAG_PDF_SHA "PDF-SHA256"
#define BR_BAG_SOURCE_SHA "Source-SHA256"
#define BR_BAG_CORRECTION "Correction"

/* Fills info for issuing r as package id ("<period>/<report>") from
 * sources as data/<pdf_name> (whose digest is pdf_sha256) at time now, by
 * boardreport tool_version. */
void br_arc_bag_info(br_bag_info *info, const br_report *r, const char *id,
                     const br_arc_sources *sources, const char *pdf_name, const char *pdf_sha256,
                     const char *tool_version, long long now, br_arena *arena);

/* One issued paper found in the archive. */
typedef struct br_arc_package {
    const char *dir;            /* ARCHIVE/<period>/<report>/v<N> */
    const char *report_folder;  /* <report> */
    int version;
    br_bag_info info;
    br_date period_end;         /* for sorting; zero when the period is unknown */
} br_arc_package;

typedef struct br_arc_packages {
    br_arc_package *items;
    size_t n, cap;
    const char **unread;        /* v<N> folders whose bag-info.txt cannot be read */
    int *unread_errno;          /* why (br_file_strerror) */
    size_t nunread, unread_cap, unread_errno_cap;
} br_arc_packages;

/* Every package of the archive (a v<N> folder holding bagit.txt, two levels
 * down), sorted by period end, period, report and version.  A missing
 * archive gives none.  Reads only bag-info.txt of each; a v<N> folder
 * whose bag-info.txt cannot be read (missing, a FIFO) goes to unread. */
void br_arc_list(br_arc_packages *out, const char *archive, br_arena *arena);

/* Reads the package in dir; false when dir holds no bag-info.txt. */
bool br_arc_package_read(br_arc_package *pkg, const char *dir, br_arena *arena);

/* The package's bag-info.txt says what its source says: Report-Title,
 * Report-Period, Report-Version and each Correction of r, the report
 * rebuilt from its data/source/ (the manifests only checksum bag-info.txt,
 * which anyone can recompute).  Each difference is an error. */
bool br_arc_facts_check(const br_arc_package *pkg, const br_report *r, br_arena *arena,
                        br_diags *diags);

/* The package is where its version belongs: a folder (not a link to
 * another package) named v<its version>, in its period's folder.  A copy
 * or link of a package under another version's name is an error. */
bool br_arc_place_check(const br_arc_package *pkg, br_arena *arena, br_diags *diags);

/* Where a package's report, template and fonts are, for rebuilding it. */
typedef struct br_arc_rebuild {
    const char *report;         /* data/source/report/<main file> */
    const char *template_file;  /* data/source/template/<the one file> */
    const char *font_dir;       /* data/source/fonts */
    const char *pdf;            /* data/<the issued PDF> */
} br_arc_rebuild;

/* Fills rb from the package's bag-info.txt and data/source/template/;
 * false with an error in diags when the package lacks them. */
bool br_arc_rebuild_paths(br_arc_rebuild *rb, const br_arc_package *pkg, br_arena *arena,
                          br_diags *diags);

/* ---- Issuing ---------------------------------------------------------- */

/* A package being built in a hidden folder beside its version folder and
 * moved into place whole, so that a version folder is either complete or
 * absent, and of two runs issuing the same version exactly one wins. */
typedef struct br_arc_stage {
    const char *final_dir;
    const char *dir;            /* the hidden folder */
} br_arc_stage;

/* Creates the hidden folder and copies every source into its
 * data/source/, checking each copy against the digest taken when the file
 * was read (a file changed meanwhile stops the issue). */
bool br_arc_stage_begin(br_arc_stage *st, const char *final_dir, const br_arc_sources *sources,
                        br_arena *arena, br_diags *diags);

/* Makes the folder a bag, its files and folders read-only, and renames it
 * to final_dir.  Returns 1 when issued, 0 on failure (reported), -1 when
 * final_dir appeared meanwhile (another run issued it first). */
int br_arc_stage_commit(br_arc_stage *st, const br_bag_info *info, br_arena *arena,
                        br_diags *diags);

/* Removes the hidden folder (after a failure). */
void br_arc_stage_abort(br_arc_stage *st, br_arena *arena);

/* ---- Differences ------------------------------------------------------ */

/* One difference between two versions of a paper. */
typedef struct br_change {
    const char *item;       /* "measure", "finance", "milestone", "commentary",
                             * "section", "report" */
    const char *id;         /* the measure's, table's or milestone's id; may be NULL */
    const char *title;      /* its title (a finance row: "Table: row") */
    const char *label;      /* its short name (a finance row's label), else title */
    const char *field;      /* "2019/20 Q2 value", "target", "status", "forecast net",
                             * "comment", "paragraph 3", "added", "removed" */
    const char *old_text;   /* as printed; NULL when absent */
    const char *new_text;
    const char *words;      /* texts: the changed words, "[-old-]{+new+}" with context */
    bool figure;            /* a number, status or date, not prose */
    bool authored;          /* written by the author (not computed from other figures) */
    br_loc loc;             /* where it is in the new report (file 0 when removed) */
} br_change;

typedef struct br_changes {
    br_change *items;
    size_t n, cap;
} br_changes;

/* Compares old and new (both loaded and computed) figure by figure, as
 * the paper prints them: measures by id (values per period to the places
 * decimals: prints, target, tolerance, unit, comparators, status, trend,
 * title, comment, period notes), finance tables by id and rows by label
 * (each column and split, totals), milestones by id (status, due dates,
 * title, lead, partners, progress, corrective action), commentary by id
 * else position, sections by id else place among their type (headings
 * and their RAG, facts by label, paragraphs, generic table cells); items,
 * rows and sections added or removed.  In the order of new. */
void br_arc_diff(const br_report *old, const br_report *new, br_changes *out, br_arena *arena);

/* A line for `corrections:` describing the figure changes of one item
 * (changes[from..to) share item and id): "Title: 2019/20 Q2 value
 * corrected from 91 to 93." */
const char *br_arc_correction(const br_change *changes, size_t n, br_arena *arena);

/* True when one of the correction lines names the change,
 * case-insensitively: both its old and new value; or its item's title,
 * label or id together with what changed (a word of its field, such as the
 * period or "value"/"figure", or the new value); an item added or removed
 * by its name alone. */
bool br_arc_mentioned(const br_change *c, const char *const *corrections, size_t ncorrections);

/* Loads and computes the report at path: a quarter's folder or report file,
 * or a package folder (rebuilt from its data/source/, once its manifests
 * are checked: a changed package is an error).  Warnings are not kept;
 * errors go to diags.  NULL when it cannot be loaded. */
br_report *br_arc_load(const char *path, br_template *t, br_arena *arena, br_diags *diags);

/* ---- Re-issues ---------------------------------------------------------- */

/* For r of version > 1: r must follow the latest version of its paper in
 * archive (v<N-1>; none, a gap, or a later one already there is said), and
 * each changed figure since that version that no line of r's corrections
 * mentions (br_arc_mentioned) is a warning at the figure, with a line to
 * add.  strict (issue): the problems are errors, and unmentioned changes
 * one more error; else (check, issue --force) warnings, and nothing at all
 * when archive does not exist.  Nothing for version 1. */
void br_arc_reissue_check(const br_report *r, const char *archive, bool strict,
                          br_arena *arena, br_diags *diags);

/* ---- Files a PDF carries ---------------------------------------------- */

/* A file embedded in a PDF (boardreport's papers carry their source YAML
 * as /Source and their export JSON as /Data). */
typedef struct br_arc_attachment {
    const char *name;           /* its /UF (else /F) name, as UTF-8 */
    const char *relationship;   /* its /AFRelationship ("Source", "Data"); NULL: none */
    const char *mime;           /* its MIME type (/Subtype); NULL: none */
    const unsigned char *data;  /* decoded; NULL when it cannot be read */
    size_t len;
    const char *problem;        /* NULL, or why it is damaged (unreadable, or not
                                 * the /Size or MD5 /CheckSum it states) */
} br_arc_attachment;

typedef struct br_arc_attachments {
    br_arc_attachment *items;   /* in the name tree's order */
    size_t n, cap;
} br_arc_attachments;

/* Reads the files in the /EmbeddedFiles name tree of the PDF in pdf (len
 * bytes): classic or stream cross-references, object streams, Flate.  Any
 * bytes may be given; every read is bounded.  Returns false with *why set
 * when the PDF cannot be followed that far; a damaged file is listed with
 * its problem.  Everything lives in arena. */
bool br_arc_pdf_attachments(const unsigned char *pdf, size_t len, br_arc_attachments *out,
                            br_arena *arena, const char **why);

/* br_arc_pdf_attachments on the file at pdf_path; errors (unreadable, or
 * a damaged embedded file) at pdf_path in diags. */
bool br_arc_read_carried(const char *pdf_path, br_arc_attachments *out, br_arena *arena,
                         br_diags *diags);

/* Compares the sources a PDF carries (a, read from pdf_path) with the
 * files under source_dir (a package's data/source): each file under its
 * report/ and template/ must be carried byte for byte, and nothing else
 * carried as a source.  Each difference is an error at pdf_path.  Returns
 * the number of sources carried (0: none, a paper issued before papers
 * carried them), or -1 when they differ. */
int br_arc_check_carried(const br_arc_attachments *a, const char *pdf_path,
                         const char *source_dir, br_arena *arena, br_diags *diags);

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

/* N for a version folder's name "v<N>" (N from 1, no leading zero), else 0. */
int br_arc_version_of(const char *name);

#endif
