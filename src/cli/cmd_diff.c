/* cmd_diff.c — `boardreport diff`: what changed between two versions. */
#include <stdio.h>
#include <string.h>

#include "br_export.h"
#include "cli.h"

static const char *const diff_help =
    "usage: boardreport diff OLD NEW [--format text|json]\n"
    "\n"
    "Compares two versions of a paper, figure by figure.  OLD and NEW are each\n"
    "a quarter's folder (or report.yaml) or an archived package folder.\n"
    "Lists values per measure and period, targets, tolerances, statuses and\n"
    "trends; finance figures per row, column and split, and totals; milestone\n"
    "statuses and due dates; items added or removed; and changed texts\n"
    "(comments, progress, paragraphs) with the words changed shown as\n"
    "[-old-]{+new+}.  Then suggests a 'corrections:' line for each item whose\n"
    "figures changed.\n"
    "\n"
    "exit status: 0 compared (whether or not anything changed), 1 OLD or NEW\n"
    "does not load, 2 usage error\n";

static void put_clean(const char *s)
{
    br_cli_put_clean(stdout, s, (size_t)-1);
}

static bool same_item(const br_change *a, const br_change *b)
{
    return strcmp(a->item, b->item) == 0 && (a->id == b->id || (a->id && b->id && strcmp(a->id, b->id) == 0)) &&
           (a->title == b->title || (a->title && b->title && strcmp(a->title, b->title) == 0));
}

static void print_change(const br_change *c)
{
    fputs("  ", stdout);
    put_clean(c->field);
    fputs(": ", stdout);
    if (c->words) {
        put_clean(c->words);
    } else if (c->figure || (c->old_text && strlen(c->old_text) < 60 && c->new_text &&
                             strlen(c->new_text) < 60)) {
        put_clean(c->old_text ? c->old_text : "(none)");
        fputs(" -> ", stdout);
        put_clean(c->new_text ? c->new_text : "(none)");
    } else {
        fputs(c->old_text ? "[-" : "{+", stdout);
        put_clean(c->old_text ? c->old_text : c->new_text);
        fputs(c->old_text ? "-]" : "+}", stdout);
    }
    putchar('\n');
}

/* The end of the run of changes to the same item starting at i. */
static size_t item_end(const br_changes *ch, size_t i)
{
    size_t j = i + 1;
    while (j < ch->n && same_item(&ch->items[i], &ch->items[j]))
        j++;
    return j;
}

static void print_yaml_quoted(const char *s)
{
    putchar('"');
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            putchar('\\');
        putchar((unsigned char)*p < 0x20 ? ' ' : *p);
    }
    putchar('"');
}

static void print_text(const char *old, const char *new, const br_changes *ch, br_arena *arena)
{
    size_t figures = 0;
    for (size_t i = 0; i < ch->n; i++)
        figures += ch->items[i].figure;
    printf("%s -> %s: %zu change%s (%zu figure%s, %zu text%s)\n", old, new, ch->n,
           ch->n == 1 ? "" : "s", figures, figures == 1 ? "" : "s", ch->n - figures,
           ch->n - figures == 1 ? "" : "s");
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const br_change *c = &ch->items[i];
        printf("\n%s", c->item);
        if (c->id)
            printf(" %s", c->id);
        fputs(": ", stdout);
        put_clean(c->title);
        putchar('\n');
        for (size_t j = i; j < item_end(ch, i); j++)
            print_change(&ch->items[j]);
    }
    bool header = false;
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const char *line = br_arc_correction(&ch->items[i], item_end(ch, i) - i, arena);
        if (!line)
            continue;
        fputs(header ? "" : "\nsuggested corrections:\n", stdout);
        header = true;
        fputs("  - ", stdout);
        print_yaml_quoted(line);
        putchar('\n');
    }
}

static void json_pair(const char *key, const char *value, bool comma)
{
    printf("\"%s\": ", key);
    br_export_json_string(stdout, value);
    fputs(comma ? ", " : "", stdout);
}

static void json_change(const br_change *c)
{
    fputs("{", stdout);
    json_pair("item", c->item, true);
    json_pair("id", c->id, true);
    json_pair("title", c->title, true);
    json_pair("field", c->field, true);
    json_pair("old", c->old_text, true);
    json_pair("new", c->new_text, true);
    json_pair("words", c->words, true);
    printf("\"figure\": %s, \"authored\": %s, ", c->figure ? "true" : "false",
           c->authored ? "true" : "false");
    json_pair("file", c->loc.file, true);
    printf("\"line\": %d}", c->loc.line);
}

static void print_json(const char *old, const char *new, const br_changes *ch, br_arena *arena)
{
    fputs("{", stdout);
    json_pair("old", old, true);
    json_pair("new", new, true);
    fputs("\"changes\": [", stdout);
    for (size_t i = 0; i < ch->n; i++) {
        fputs(i ? ", " : "", stdout);
        json_change(&ch->items[i]);
    }
    fputs("], \"suggested_corrections\": [", stdout);
    bool first = true;
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const char *line = br_arc_correction(&ch->items[i], item_end(ch, i) - i, arena);
        if (line) {
            fputs(first ? "" : ", ", stdout);
            br_export_json_string(stdout, line);
            first = false;
        }
    }
    fputs("]}\n", stdout);
}

int br_cmd_diff(int argc, char **argv)
{
    if (br_wants_help(argc, argv))
        return fputs(diff_help, stdout), BR_EXIT_OK;
    const char *paths[2] = {NULL, NULL}, *format = "text";
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0) && i + 1 < argc)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if ((argv[i][0] == '-' && argv[i][1]) || n == 2)
            return br_usage_error("diff", "unexpected argument '%s'", argv[i]);
        else
            paths[n++] = argv[i];
    }
    if (n != 2)
        return br_usage_error("diff", "expected OLD and NEW%s", "");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return br_usage_error("diff", "--format must be text or json, not '%s'", format);
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t_old, t_new;
    br_report *old = br_arc_load(paths[0], &t_old, arena, &diags);
    br_report *new = br_arc_load(paths[1], &t_new, arena, &diags);
    int status = br_finish(&diags, old && new);
    if (status == 0) {
        br_changes ch;
        br_arc_diff(old, new, &ch, arena);
        if (strcmp(format, "json") == 0)
            print_json(paths[0], paths[1], &ch, arena);
        else
            print_text(paths[0], paths[1], &ch, arena);
    }
    br_arena_free(arena);
    return status;
}
