/* export_csv.c — the export's tables as CSV (RFC 4180, CRLF line ends). */
#include "br_export.h"

#include <math.h>
#include <string.h>

#include "export_int.h"

/* A text that a spreadsheet would run as a formula: one starting with =,
 * +, -, @, a tab or a carriage return, and more than that one character
 * (a lone "-" is a dash in a table, and runs nothing).  Such a cell is
 * written with a leading apostrophe, which Excel and LibreOffice take as
 * "text": the words stay readable and nothing runs (OWASP's advice on CSV
 * injection). */
static bool looks_like_formula(const char *s)
{
    return s[0] && s[1] && strchr("=+-@\t\r", s[0]) != NULL;
}

static void csv_text(FILE *out, const char *s)
{
    bool guard = looks_like_formula(s);
    if (!guard && !strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (guard)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void csv_number(FILE *out, double v)
{
    if (isfinite(v))
        fprintf(out, "%.15g", v == 0 ? 0 : v);
}

static void csv_cell(FILE *out, const br_xcell *c)
{
    switch (c->kind) {
    case BR_X_EMPTY: break;
    case BR_X_TEXT:
    case BR_X_STATUS: csv_text(out, c->text); break;
    case BR_X_NUMBER: csv_number(out, c->number); break;
    case BR_X_CHANGE: csv_number(out, round(c->number * 100.0) / 100.0); break;
    case BR_X_DATE: fprintf(out, "%04d-%02d-%02d", c->date.year, c->date.month, c->date.day); break;
    case BR_X_BOOL: fputs(c->flag ? "true" : "false", out); break;
    }
}

typedef struct csv_ctx {
    FILE *out;
    const br_xtable *x;
} csv_ctx;

static void csv_row(void *ctx, const br_xcell *cells)
{
    const csv_ctx *cc = ctx;
    bool first = true;
    for (size_t i = 0; i < cc->x->ncolumns; i++) {
        if (cc->x->columns[i].only == BR_X_XLSX_ONLY)
            continue;
        if (!first)
            fputc(',', cc->out);
        first = false;
        csv_cell(cc->out, &cells[i]);
    }
    fputs("\r\n", cc->out);
}

bool br_export_csv_table(const br_report *r, const br_template *t, const char *table, bool bom,
                         FILE *out)
{
    int id = br_xtable_find(table);
    if (id < 0)
        return false;
    const br_xtable *x = br_xtable_new((br_xtable_id)id, r, t, r->arena);
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    bool first = true;
    for (size_t i = 0; i < x->ncolumns; i++) {
        if (x->columns[i].only == BR_X_XLSX_ONLY)
            continue;
        if (!first)
            fputc(',', out);
        first = false;
        csv_text(out, x->columns[i].key);
    }
    fputs("\r\n", out);
    csv_ctx cc = {out, x};
    br_xtable_rows(x, csv_row, &cc);
    return true;
}

void br_export_csv(const br_report *r, const br_template *t, FILE *out)
{
    br_export_csv_table(r, t, "measures", false, out);
}
