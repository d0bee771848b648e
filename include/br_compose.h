/* br_compose.h — the report's sections as a typeset document.
 *
 * Turns a checked, computed report into br_doc blocks: front sheet,
 * headings, numbered paragraphs, measure, milestone, finance, summary and
 * generic tables, commentary, page breaks.  Status cells carry their word as
 * well as their colour.  Also prepares the layout style: the template's,
 * with {title}, {period}, {version}, {organisation}, {classification} and
 * {date} filled in the running header and footer.
 */
#ifndef BR_COMPOSE_H
#define BR_COMPOSE_H

#include "br_diag.h"
#include "br_doc.h"
#include "br_model.h"
#include "br_style.h"
#include "br_template.h"

br_doc *br_compose(const br_report *report, const br_template *t, br_style *style,
                   br_arena *arena, br_diags *diags);

#endif
