/* cmd_log.c — `boardreport log`: every issued paper in the archive. */
#include <stdio.h>
#include <string.h>

#include "br_export.h"
#include "cli.h"

static const char *const log_help =
    "usage: boardreport log [--archive DIR] [--format text|json]\n"
    "\n"
    "Lists every issued paper in the archive, grouped by period (oldest\n"
    "first): each paper's versions with their issue dates, the first line of\n"
    "each correction and the SHA-256 of the PDF.  Reads only the packages'\n"
    "bag-info.txt; 'boardreport verify' checks their contents.\n"
    "The archive is DIR, else $BOARDREPORT_ARCHIVE, else ./archive.\n"
    "\n"
    "exit status: 0 listed (an empty or missing archive lists nothing),\n"
    "2 usage error\n";

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

static void text_version(const br_arc_package *p)
{
    const char *issued = field(p, BR_BAG_ISSUED);
    printf("    v%-3d issued %.10s %.5s UTC  PDF SHA-256 %.16s…  %s\n", p->version, issued,
           strlen(issued) > 11 ? issued + 11 : "", field(p, BR_BAG_PDF_SHA), p->dir);
    for (size_t i = 0; i < p->info.nfields; i++) {
        const char *v = p->info.fields[i].value;
        size_t first = strcspn(v, "\n");    /* a correction's first line */
        if (strcmp(p->info.fields[i].label, BR_BAG_CORRECTION) != 0)
            continue;
        fputs("          correction: ", stdout);
        br_cli_put_clean(stdout, v, first);
        puts(v[first] ? " …" : "");
    }
}

static void print_text(const br_arc_packages *all, const char *archive)
{
    printf("%s: %zu issued package%s\n", archive, all->n, all->n == 1 ? "" : "s");
    for (size_t i = 0; i < all->n; i++) {
        const br_arc_package *p = &all->items[i];
        const br_arc_package *prev = i ? &all->items[i - 1] : NULL;
        if (!prev || strcmp(field(prev, BR_BAG_PERIOD), field(p, BR_BAG_PERIOD)) != 0)
            printf("\n%s\n", field(p, BR_BAG_PERIOD));
        if (!prev || !same_paper(prev, p)) {
            fputs("  ", stdout);
            br_cli_put_clean(stdout, field(p, BR_BAG_TITLE), (size_t)-1);
            putchar('\n');
        }
        text_version(p);
    }
}

static void json_field(const char *key, const char *value, bool comma)
{
    printf("\"%s\": ", key);
    br_export_json_string(stdout, value);
    fputs(comma ? ", " : "", stdout);
}

static void json_version(const br_arc_package *p)
{
    printf("{\"version\": %d, ", p->version);
    json_field("issued", field(p, BR_BAG_ISSUED), true);
    json_field("path", p->dir, true);
    json_field("pdf", field(p, BR_BAG_PDF), true);
    json_field("pdf_sha256", field(p, BR_BAG_PDF_SHA), true);
    json_field("source_sha256", field(p, BR_BAG_SOURCE_SHA), true);
    fputs("\"corrections\": [", stdout);
    bool first = true;
    for (size_t i = 0; i < p->info.nfields; i++)
        if (strcmp(p->info.fields[i].label, BR_BAG_CORRECTION) == 0) {
            fputs(first ? "" : ", ", stdout);
            br_export_json_string(stdout, p->info.fields[i].value);
            first = false;
        }
    fputs("]}", stdout);
}

/* {"archive", "periods": [{"period", "papers": [{"title", "organisation",
 * "report", "versions": [...]}]}]} */
static void print_json(const br_arc_packages *all, const char *archive)
{
    fputs("{", stdout);
    json_field("archive", archive, true);
    fputs("\"periods\": [", stdout);
    for (size_t i = 0; i < all->n; i++) {
        const br_arc_package *p = &all->items[i];
        const br_arc_package *prev = i ? &all->items[i - 1] : NULL;
        bool new_period = !prev || strcmp(field(prev, BR_BAG_PERIOD), field(p, BR_BAG_PERIOD)) != 0;
        bool new_paper = new_period || !same_paper(prev, p);
        if (new_paper && prev)
            fputs("]}", stdout);
        if (new_period) {
            fputs(prev ? "]}, {" : "{", stdout);
            json_field("period", field(p, BR_BAG_PERIOD), true);
            fputs("\"papers\": [", stdout);
        } else if (new_paper) {
            fputs(", ", stdout);
        }
        if (new_paper) {
            fputs("{", stdout);
            json_field("title", field(p, BR_BAG_TITLE), true);
            json_field("organisation", field(p, "Source-Organization"), true);
            json_field("report", p->report_folder, true);
            fputs("\"versions\": [", stdout);
        } else {
            fputs(", ", stdout);
        }
        json_version(p);
    }
    fputs(all->n ? "]}]}]}\n" : "]}\n", stdout);
}

int br_cmd_log(int argc, char **argv)
{
    if (br_wants_help(argc, argv))
        return fputs(log_help, stdout), BR_EXIT_OK;
    const char *archive = NULL, *format = "text";
    for (int i = 0; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if ((strcmp(argv[i], "--archive") == 0 || strcmp(argv[i], "-a") == 0) && has_value)
            archive = argv[++i];
        else if (strncmp(argv[i], "--archive=", 10) == 0)
            archive = argv[i] + 10;
        else if ((strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0) && has_value)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else
            return br_usage_error("log", "unexpected argument '%s'", argv[i]);
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return br_usage_error("log", "--format must be text or json, not '%s'", format);
    br_arena *arena = br_arena_new();
    archive = br_arc_dir(archive);
    br_arc_packages all;
    br_arc_list(&all, archive, arena);
    if (strcmp(format, "json") == 0)
        print_json(&all, archive);
    else
        print_text(&all, archive);
    br_arena_free(arena);
    return BR_EXIT_OK;
}
