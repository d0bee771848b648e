/* br_paint.h — the display list into a PDF (the only user of libharu).
 *
 * Embeds the font files of fonts (subset, compressed), draws every item of
 * every page, adds the outline and the document information of doc (dates
 * from doc->year/month/day, so the same input gives the same bytes), and
 * marks every page DRAFT when doc->draft.
 *
 * The file is written to a temporary file beside out_path and renamed over
 * it only when complete: a failed run never replaces a good PDF.
 */
#ifndef BR_PAINT_H
#define BR_PAINT_H

#include <stdbool.h>

#include "br_diag.h"
#include "br_doc.h"
#include "br_font.h"
#include "br_layout.h"
#include "br_style.h"

/* Returns true on success; on failure reports why in diags and leaves any
 * existing out_path untouched. */
bool br_paint(const br_pages *pages, const br_doc *doc, const br_style *style,
              const br_fontset *fonts, const char *out_path, br_diags *diags);

#endif
