/* br_paint.h — the display list into a PDF (the only user of libharu).
 *
 * Embeds the font files of fonts (subset, compressed), draws every item of
 * every page, adds the outline and the document information of doc (dates
 * from doc->year/month/day, so the same input gives the same bytes), and
 * marks every page DRAFT when doc->draft.
 *
 * The bytes go to out (br_file.h), opened by the caller, who commits it
 * when this returns true and abandons it otherwise: a failed run never
 * replaces a good PDF.
 */
#ifndef BR_PAINT_H
#define BR_PAINT_H

#include <stdbool.h>

#include "br_diag.h"
#include "br_file.h"
#include "br_doc.h"
#include "br_font.h"
#include "br_layout.h"
#include "br_style.h"

/* Writes the whole PDF to out and returns true, or reports why not in
 * diags (naming out->path) and returns false. */
bool br_paint(const br_pages *pages, const br_doc *doc, const br_style *style,
              const br_fontset *fonts, br_file_out *out, br_diags *diags);

#endif
