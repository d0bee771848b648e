/* export_xlsx.c — the export's tables as an Excel workbook (libxlsxwriter).
 *
 * A sheet per table (export_int.h), in the order of br_xtable_id.  Numbers
 * are numbers whose format shows their unit ("91%" is 91 shown with a
 * literal %, so the cell equals the JSON's and CSV's figure), dates are
 * dates, statuses are the template's words on the template's fills; the
 * header row is frozen and filtered; each column is as wide as its longest
 * entry (prose wraps at 60 characters, any other text at 40).  Strings are written as strings:
 * a cell written this way is never a formula, whatever it starts with.
 * The workbook's dates are the report's, so the same report gives the same
 * bytes.
 */
#include "br_export.h"

#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "export_int.h"

enum {
    MAX_CELL_TEXT = 32767,  /* characters: Excel's limit for one cell */
    MAX_WIDTH = 60,         /* characters: a prose column (a title, a comment) */
    MAX_DATA_WIDTH = 40,    /* characters: any other column; a longer text wraps */
    MIN_WIDTH = 6,
    MAX_FORMATS = 512,      /* distinct cell formats a workbook may need */
};

typedef struct xl_format {
    char key[96];
    lxw_format *f;
} xl_format;

typedef struct xl {
    lxw_workbook *wb;
    const br_template *t;
    xl_format formats[MAX_FORMATS];
    size_t nformats;
    lxw_format *header;
    /* the sheet being written */
    lxw_worksheet *ws;
    const br_xtable *x;
    lxw_row_t row;
    double *width;          /* [x->ncolumns], characters */
    lxw_error error;
    br_diags *diags;
    size_t cut;             /* texts cut to what a cell holds */
} xl;

/* ---- formats ---------------------------------------------------------- */

/* The format of a cell: a number format, a fill and ink (0 each: none), and
 * whether it wraps; made once per distinct combination. */
static lxw_format *format_for(xl *w, const char *numfmt, uint32_t fill, uint32_t ink, bool wrap)
{
    char key[96];
    snprintf(key, sizeof key, "%s|%06x|%06x|%d", numfmt ? numfmt : "", (unsigned)fill,
             (unsigned)ink, wrap);
    for (size_t i = 0; i < w->nformats; i++)
        if (strcmp(w->formats[i].key, key) == 0)
            return w->formats[i].f;
    lxw_format *f = workbook_add_format(w->wb);
    if (numfmt)
        format_set_num_format(f, numfmt);
    if (fill || ink) {
        format_set_bg_color(f, (lxw_color_t)fill);
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_font_color(f, (lxw_color_t)ink);
    }
    if (wrap)
        format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (w->nformats < MAX_FORMATS) {
        xl_format *e = &w->formats[w->nformats++];
        snprintf(e->key, sizeof e->key, "%s", key);
        e->f = f;
    }
    return f;
}

/* "#,##0.0" for one place; "0" without thousands separators. */
static void digits(char *buf, size_t cap, int decimals, bool thousands)
{
    if (decimals > 10)
        decimals = 10;
    snprintf(buf, cap, "%s%s%.*s", thousands ? "#,##0" : "0", decimals > 0 ? "." : "",
             decimals > 0 ? decimals : 0, "0000000000");
}

/* A measure's figure in its unit: 91 as "91%", 54.6 as "£54.6m". */
static void measure_numfmt(char *buf, size_t cap, br_unit unit, int decimals)
{
    char d[32];
    if (decimals < 0)
        snprintf(d, sizeof d, "General");
    else
        digits(d, sizeof d, decimals, true);
    switch (unit) {
    case BR_UNIT_PERCENT: snprintf(buf, cap, "%s\"%%\"", d); break;
    case BR_UNIT_DAYS: snprintf(buf, cap, "%s\" days\"", d); break;
    case BR_UNIT_WEEKS: snprintf(buf, cap, "%s\" weeks\"", d); break;
    case BR_UNIT_GBP: snprintf(buf, cap, "\"£\"%s", d); break;
    case BR_UNIT_GBP_K: snprintf(buf, cap, "\"£\"%s\"k\"", d); break;
    case BR_UNIT_GBP_M: snprintf(buf, cap, "\"£\"%s\"m\"", d); break;
    default: snprintf(buf, cap, "%s", d); break;
    }
}

/* A finance amount as the paper prints it: the template's separators and
 * negatives ("(3,458)"); the units are in the row's Units column. */
static void finance_numfmt(const xl *w, char *buf, size_t cap, int decimals)
{
    char d[32];
    digits(d, sizeof d, decimals < 0 ? 0 : decimals, w->t->finance_numbers.thousands);
    if (w->t->finance_numbers.negative == BR_NEG_BRACKETS)
        snprintf(buf, cap, "%s;(%s)", d, d);
    else
        snprintf(buf, cap, "%s", d);
}

static void number_format(const xl *w, const br_xcell *c, char *buf, size_t cap)
{
    if (c->numfmt == BR_XN_FINANCE)
        finance_numfmt(w, buf, cap, c->decimals);
    else if (c->numfmt == BR_XN_PLAIN)
        snprintf(buf, cap, "0");
    else
        measure_numfmt(buf, cap, c->unit, c->decimals);
}

/* ---- widths ----------------------------------------------------------- */

/* Characters, not bytes: "£" is one. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* How many characters a number takes as its format shows it. */
static size_t number_chars(const br_xcell *c)
{
    char buf[64];
    double v = fabs(c->number);
    int dec = c->decimals < 0 ? 2 : c->decimals > 10 ? 10 : c->decimals;
    int len = snprintf(buf, sizeof buf, "%.*f", dec, v < 1e30 ? v : 1e30);
    size_t whole = (size_t)len - (size_t)(dec ? dec + 1 : 0);
    size_t n = (size_t)len + (whole - 1) / 3 + (c->number < 0 ? 2 : 0);
    if (c->numfmt == BR_XN_MEASURE)
        n += c->unit == BR_UNIT_DAYS ? 5 : c->unit == BR_UNIT_WEEKS ? 6
             : c->unit == BR_UNIT_GBP ? 1 : c->unit >= BR_UNIT_GBP_K && c->unit <= BR_UNIT_GBP_M ? 2
             : c->unit == BR_UNIT_PERCENT ? 1 : 0;
    return n;
}

static size_t cell_chars(const br_xcell *c)
{
    switch (c->kind) {
    case BR_X_TEXT: return utf8_chars(c->text);
    case BR_X_STATUS: return utf8_chars(c->label ? c->label : c->text);
    case BR_X_NUMBER: return number_chars(c);
    case BR_X_CHANGE: return 7;
    case BR_X_DATE: return 11;
    case BR_X_BOOL: return 5;
    case BR_X_EMPTY: break;
    }
    return 0;
}

/* The longest word of a heading: the least width that wraps it whole. */
static size_t longest_word(const char *s)
{
    size_t best = 0, n = 0;
    for (; *s; s++) {
        if (*s == ' ') {
            n = 0;
            continue;
        }
        n += ((unsigned char)*s & 0xC0) != 0x80;
        if (n > best)
            best = n;
    }
    return best;
}

/* ---- cells ------------------------------------------------------------ */

static lxw_datetime excel_date(br_date d)
{
    return (lxw_datetime){d.year, d.month, d.day, 0, 0, 0};
}

static void keep_error(xl *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->error == LXW_NO_ERROR)
        w->error = e;
}

/* A text cut to the characters a cell holds (at a character's start),
 * with a warning naming the row and column; the text itself when it fits. */
static const char *fitting_text(xl *w, const char *s, const br_xcell *row, size_t i)
{
    size_t n = 0;
    const char *p = s;
    for (; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80 && ++n > MAX_CELL_TEXT)
            break;
    if (!*p)
        return s;
    if (w->cut++ < 10)
        br_warning(w->diags, (br_loc){0}, "xlsx: the %s sheet's '%s' of %s is longer than an Excel "
                   "cell holds (%d characters) and is cut there; the CSV and JSON exports have it whole",
                   w->x->sheet, w->x->columns[i].heading,
                   row[0].kind == BR_X_TEXT ? row[0].text : "a row", MAX_CELL_TEXT);
    return br_arena_strndup(w->x->arena, s, (size_t)(p - s));
}

static void write_cell(xl *w, lxw_col_t col, const br_xcell *row, size_t i, bool wrap)
{
    char nf[96];
    const br_xcell *c = &row[i];
    lxw_error e = LXW_NO_ERROR;
    switch (c->kind) {
    case BR_X_EMPTY: return;
    case BR_X_TEXT:
        e = worksheet_write_string(w->ws, w->row, col, fitting_text(w, c->text, row, i),
                                   format_for(w, NULL, 0, 0, wrap));
        break;
    case BR_X_STATUS:
        e = worksheet_write_string(w->ws, w->row, col, c->label ? c->label : c->text,
                                   format_for(w, NULL, c->fill, c->ink, false));
        break;
    case BR_X_NUMBER:
        if (!isfinite(c->number))
            return;
        number_format(w, c, nf, sizeof nf);
        e = worksheet_write_number(w->ws, w->row, col, c->number, format_for(w, nf, 0, 0, false));
        break;
    case BR_X_CHANGE:
        e = worksheet_write_number(w->ws, w->row, col, round(c->number * 100.0) / 100.0,
                                   format_for(w, "+0.0\"%\";-0.0\"%\";0.0\"%\"", 0, 0, false));
        break;
    case BR_X_DATE: {
        lxw_datetime dt = excel_date(c->date);
        e = worksheet_write_datetime(w->ws, w->row, col, &dt, format_for(w, "d mmm yyyy", 0, 0, false));
        break;
    }
    case BR_X_BOOL:
        e = worksheet_write_boolean(w->ws, w->row, col, c->flag, format_for(w, NULL, 0, 0, false));
        break;
    }
    keep_error(w, e);
}

/* The widest a column gets: prose wider than a figure's column, so that a
 * long text figure ("Not available due to reporting issues") wraps in its
 * period's column instead of making it 60 characters wide. */
static size_t max_width(const br_xcolumn *c)
{
    return c->wrap ? MAX_WIDTH : MAX_DATA_WIDTH;
}

static void xl_row(void *ctx, const br_xcell *cells)
{
    xl *w = ctx;
    if (w->row >= LXW_ROW_MAX - 1) {
        keep_error(w, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
        return;
    }
    w->row++;
    lxw_col_t col = 0;
    for (size_t i = 0; i < w->x->ncolumns; i++) {
        if (w->x->columns[i].only == BR_X_CSV_ONLY)
            continue;
        size_t chars = cell_chars(&cells[i]);
        bool wrap = w->x->columns[i].wrap || chars > max_width(&w->x->columns[i]);
        write_cell(w, col, cells, i, wrap);
        if ((double)chars > w->width[i])
            w->width[i] = (double)chars;
        col++;
    }
}

/* ---- sheets ----------------------------------------------------------- */

static lxw_col_t write_header(xl *w)
{
    lxw_col_t col = 0;
    for (size_t i = 0; i < w->x->ncolumns; i++) {
        const br_xcolumn *c = &w->x->columns[i];
        if (c->only == BR_X_CSV_ONLY)
            continue;
        keep_error(w, worksheet_write_string(w->ws, 0, col++, c->heading, w->header));
        w->width[i] = (double)longest_word(c->heading);
    }
    return col;
}

static void fit_columns(xl *w)
{
    lxw_col_t col = 0;
    for (size_t i = 0; i < w->x->ncolumns; i++) {
        if (w->x->columns[i].only == BR_X_CSV_ONLY)
            continue;
        double most = (double)max_width(&w->x->columns[i]);
        double chars = w->width[i] < MIN_WIDTH ? MIN_WIDTH : w->width[i] > most ? most : w->width[i];
        keep_error(w, worksheet_set_column(w->ws, col, col, chars + 2, NULL));
        col++;
    }
}

static void write_sheet(xl *w, const br_xtable *x)
{
    w->ws = workbook_add_worksheet(w->wb, x->sheet);
    if (!w->ws) {
        keep_error(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    w->x = x;
    w->row = 0;
    w->width = br_arena_calloc(x->arena, x->ncolumns ? x->ncolumns : 1, sizeof *w->width);
    lxw_col_t ncols = write_header(w);
    br_xtable_rows(x, xl_row, w);
    fit_columns(w);
    worksheet_freeze_panes(w->ws, 1, (lxw_col_t)x->freeze_columns);
    if (ncols > 0)
        keep_error(w, worksheet_autofilter(w->ws, 0, 0, w->row, ncols - 1));
}

/* Days from 1970-01-01 to a date (proleptic Gregorian): the workbook's
 * creation time is the report's date, never the clock's. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void set_properties(xl *w, const br_report *r)
{
    lxw_doc_properties p = {0};
    p.title = (char *)(r->title ? r->title : "");
    p.company = (char *)(r->organisation ? r->organisation : "");
    p.author = (char *)"boardreport";
    br_date d = r->date.year ? r->date : (br_date){2000, 1, 1};
    p.created = (time_t)(days_from_civil(d.year, d.month, d.day) * 86400L);
    keep_error(w, workbook_set_properties(w->wb, &p));
}

static void add_header_format(xl *w)
{
    w->header = workbook_add_format(w->wb);
    format_set_bold(w->header);
    format_set_text_wrap(w->header);
    format_set_align(w->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(w->header, LXW_BORDER_THIN);
    format_set_bg_color(w->header, 0xE7E6E6);
    format_set_pattern(w->header, LXW_PATTERN_SOLID);
}

bool br_export_xlsx(const br_report *r, const br_template *t, const char *path, const char *name,
                    br_diags *diags)
{
    static xl w;    /* large (its format cache); one workbook at a time */
    memset(&w, 0, sizeof w);
    w.t = t;
    w.diags = diags;
    /* Rows stream to a temporary file as they are written (they are, in
     * order), so a 20,000-measure report does not hold every cell in
     * memory; column widths are set at the end, which this mode allows. */
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    w.wb = workbook_new_opt(path, &options);
    if (!w.wb) {
        br_error(diags, (br_loc){0}, "cannot create the workbook %s", name);
        return false;
    }
    add_header_format(&w);
    set_properties(&w, r);
    for (int id = 0; id < BR_XT_COUNT; id++)
        write_sheet(&w, br_xtable_new((br_xtable_id)id, r, t, r->arena));
    lxw_error sheet_error = w.error;
    lxw_error close_error = workbook_close(w.wb);
    lxw_error e = sheet_error != LXW_NO_ERROR ? sheet_error : close_error;
    if (e != LXW_NO_ERROR) {
        br_error(diags, (br_loc){0}, "cannot write the workbook %s: %s", name, lxw_strerror(e));
        return false;
    }
    if (w.cut > 10)
        br_warning(diags, (br_loc){0}, "xlsx: %zu more texts cut to what a cell holds", w.cut - 10);
    return true;
}
