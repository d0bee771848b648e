/* cmd_log.c — `boardreport log`: every issued paper in the archive. */
#include <stdio.h>
#include <string.h>

#include "br_export.h"
#include "cli.h"

static const char *const log_help =
    "usage: boardreport log [options] [--archive DIR] [--format text|json]\n"
    "\n"
    "Lists every issued paper in the archive, grouped by period (oldest\n"
    "first): each paper's versions with their issue dates, the first line of\n"
    "each correction and the SHA-256 of the PDF.  Reads only the packages'\n"
    "bag-info.txt; 'boardreport verify' checks their contents.\n"
    "The archive is DIR, else $BOARDREPORT_ARCHIVE, else ./archive.\n"
    "\n"
    "exit status: 0 listed (an empty or missing archive lists nothing),\n"
    "1 the listing cannot be written, 2 usage error\n"
    "\n"
    "options of log:\n"
    "  -a, --archive=DIR         the archive to list\n"
    "  -f, --format=text|json    the listing's format (default text)\n";

static const char *field(const br_arc_package *p, const char *label)
{
    const char *v = br_bag_info_get(&p->info, label);
    return v ? v : "";
}

/* True when a and b are versions of the same paper (period and report). */
static bool same_paper(const br_arc_package *a, const br_arc_package *b)
{
    return strcmp(field(a, BR_BAG_PERIOD), field(b, BR_BAG_PERIOD)) == 0 &&
           strcmp(a->report_folder, b->report_folder) == 0;
}

static void text_version(FILE *out, const br_arc_package *p)
{
    const char *issued = field(p, BR_BAG_ISSUED);
    fprintf(out, "    v%-3d issued %.10s %.5s UTC  PDF SHA-256 %.16s…  %s\n", p->version, issued,
           strlen(issued) > 11 ? issued + 11 : "", field(p, BR_BAG_PDF_SHA), p->dir);
    for (size_t i = 0; i < p->info.nfields; i++) {
        const char *v = p->info.fields[i].value;
        size_t first = strcspn(v, "\n");    /* a correction's first line */
        if (strcmp(p->info.fields[i].label, BR_BAG_CORRECTION) != 0)
            continue;
        fputs("          correction: ", out);
        br_cli_put_clean(out, v, first);
        fputs(v[first] ? " …\n" : "\n", out);
    }
}

static void print_text(FILE *out, const br_arc_packages *all, const char *archive)
{
    fprintf(out, "%s: %zu issued package%s\n", archive, all->n, all->n == 1 ? "" : "s");
    for (size_t i = 0; i < all->n; i++) {
        const br_arc_package *p = &all->items[i];
        const br_arc_package *prev = i ? &all->items[i - 1] : NULL;
        if (!prev || strcmp(field(prev, BR_BAG_PERIOD), field(p, BR_BAG_PERIOD)) != 0)
            fprintf(out, "\n%s\n", field(p, BR_BAG_PERIOD));
        if (!prev || !same_paper(prev, p)) {
            fputs("  ", out);
            br_cli_put_clean(out, field(p, BR_BAG_TITLE), (size_t)-1);
            fputc('\n', out);
        }
        text_version(out, p);
    }
}

static void json_field(FILE *out, const char *key, const char *value, bool comma)
{
    fprintf(out, "\"%s\": ", key);
    br_export_json_string(out, value);
    fputs(comma ? ", " : "", out);
}

static void json_version(FILE *out, const br_arc_package *p)
{
    fprintf(out, "{\"version\": %d, ", p->version);
    json_field(out, "issued", field(p, BR_BAG_ISSUED), true);
    json_field(out, "path", p->dir, true);
    json_field(out, "pdf", field(p, BR_BAG_PDF), true);
    json_field(out, "pdf_sha256", field(p, BR_BAG_PDF_SHA), true);
    json_field(out, "source_sha256", field(p, BR_BAG_SOURCE_SHA), true);
    fputs("\"corrections\": [", out);
    bool first = true;
    for (size_t i = 0; i < p->info.nfields; i++)
        if (strcmp(p->info.fields[i].label, BR_BAG_CORRECTION) == 0) {
            fputs(first ? "" : ", ", out);
            br_export_json_string(out, p->info.fields[i].value);
            first = false;
        }
    fputs("]}", out);
}

/* {"archive", "periods": [{"period", "papers": [{"title", "organisation",
 * "report", "versions": [...]}]}]} */
static void print_json(FILE *out, const br_arc_packages *all, const char *archive)
{
    fputs("{", out);
    json_field(out, "archive", archive, true);
    fputs("\"periods\": [", out);
    for (size_t i = 0; i < all->n; i++) {
        const br_arc_package *p = &all->items[i];
        const br_arc_package *prev = i ? &all->items[i - 1] : NULL;
        bool new_period = !prev || strcmp(field(prev, BR_BAG_PERIOD), field(p, BR_BAG_PERIOD)) != 0;
        bool new_paper = new_period || !same_paper(prev, p);
        if (new_paper && prev)
            fputs("]}", out);
        if (new_period) {
            fputs(prev ? "]}, {" : "{", out);
            json_field(out, "period", field(p, BR_BAG_PERIOD), true);
            fputs("\"papers\": [", out);
        } else if (new_paper) {
            fputs(", ", out);
        }
        if (new_paper) {
            fputs("{", out);
            json_field(out, "title", field(p, BR_BAG_TITLE), true);
            json_field(out, "organisation", br_bag_info_get(&p->info, "Source-Organization"), true);
            json_field(out, "report", p->report_folder, true);
            fputs("\"versions\": [", out);
        } else {
            fputs(", ", out);
        }
        json_version(out, p);
    }
    fputs(all->n ? "]}]}]}\n" : "]}\n", out);
}

static const br_cmd_spec spec = {"log", log_help, BR_OPT_ARCHIVE | BR_OPT_FORMAT, 0, 0, "no operand"};

int br_cmd_log(int argc, char **argv)
{
    br_opts o;
    const char *format;
    int usage = br_cli_parse_listing(&spec, argc, argv, &o, &format);
    if (usage >= 0)
        return usage;
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    const char *archive = br_arc_dir(o.archive);
    br_arc_packages all;
    br_arc_list(&all, archive, arena);
    for (size_t i = 0; i < all.nunread; i++)   /* listed without it: say so */
        br_warning(&diags, (br_loc){br_arena_printf(arena, "%s/bag-info.txt", all.unread[i]), 0, 0},
                   "left out of the log: cannot read this package's bag-info.txt: %s "
                   "('boardreport verify' checks the package)",
                   br_file_strerror(all.unread_errno[i]));
    br_file_out listing;
    FILE *out = br_cli_listing_open(&o, &listing, NULL, 0, archive, &diags);
    bool ok = out != NULL;
    if (ok && *format == 'j')
        print_json(out, &all, archive);
    else if (ok)
        print_text(out, &all, archive);
    ok = ok && br_cli_commit(&listing, &diags);
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
