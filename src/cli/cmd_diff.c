/* cmd_diff.c — `boardreport diff`: what changed between two versions. */
#include <stdio.h>
#include <string.h>

#include "br_export.h"
#include "cli.h"

static const char *const diff_help =
    "usage: boardreport diff [options] OLD NEW [--format text|json]\n"
    "\n"
    "Compares two versions of a paper, figure by figure.  OLD and NEW are each\n"
    "a quarter's folder (or report.yaml) or an archived package folder.\n"
    "Lists what the paper prints: values per measure and period as printed\n"
    "(decimals: included), targets, tolerances, comparators, statuses and\n"
    "trends; finance figures per row, column and split, and totals; milestone\n"
    "statuses and due dates; front-sheet facts, heading RAGs and generic\n"
    "table cells; measures, rows, milestones, commentary and sections added or\n"
    "removed; and changed texts (comments, progress, paragraphs) with the\n"
    "words changed shown as [-old-]{+new+}.  Then suggests a 'corrections:'\n"
    "line for each item whose figures changed.\n"
    "\n"
    "exit status: 0 compared (whether or not anything changed), 1 OLD or NEW\n"
    "does not load or the listing cannot be written, 2 usage error\n"
    "\n"
    "options of diff:\n"
    "  -f, --format=text|json    the listing's format (default text)\n";

static void put_clean(FILE *out, const char *s)
{
    br_cli_put_clean(out, s, (size_t)-1);
}

static bool same_item(const br_change *a, const br_change *b)
{
    return strcmp(a->item, b->item) == 0 && (a->id == b->id || (a->id && b->id && strcmp(a->id, b->id) == 0)) &&
           (a->title == b->title || (a->title && b->title && strcmp(a->title, b->title) == 0));
}

static void print_change(FILE *out, const br_change *c)
{
    fputs("  ", out);
    put_clean(out, c->field);
    fputs(": ", out);
    if (c->words) {
        put_clean(out, c->words);
    } else if (c->figure || (c->old_text && strlen(c->old_text) < 60 && c->new_text &&
                             strlen(c->new_text) < 60)) {
        put_clean(out, c->old_text ? c->old_text : "(none)");
        fputs(" -> ", out);
        put_clean(out, c->new_text ? c->new_text : "(none)");
    } else {
        fputs(c->old_text ? "[-" : "{+", out);
        put_clean(out, c->old_text ? c->old_text : c->new_text);
        fputs(c->old_text ? "-]" : "+}", out);
    }
    fputc('\n', out);
}

/* The end of the run of changes to the same item starting at i. */
static size_t item_end(const br_changes *ch, size_t i)
{
    size_t j = i + 1;
    while (j < ch->n && same_item(&ch->items[i], &ch->items[j]))
        j++;
    return j;
}

static void print_yaml_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        fputc((unsigned char)*p < 0x20 ? ' ' : *p, out);
    }
    fputc('"', out);
}

/* What an item added or removed is, in words: a finance change with its
 * own label is a row of a table. */
static const char *item_noun(const br_change *c)
{
    if (strcmp(c->item, "finance") == 0)
        return c->label && c->title && strcmp(c->label, c->title) != 0 ? "finance row"
                                                                        : "finance table";
    return strcmp(c->item, "commentary") == 0 ? "commentary entry" : c->item;
}

static const char *plural(const char *noun, size_t n, br_arena *arena)
{
    size_t len = strlen(noun);
    if (n == 1)
        return noun;
    if (len > 1 && noun[len - 1] == 'y')
        return br_arena_printf(arena, "%.*sies", (int)(len - 1), noun);
    return br_arena_printf(arena, "%ss", noun);
}

/* "3 changes (1 figure, 1 text, 26 milestones added)": items added or
 * removed are named by their kind, not counted as figures. */
static const char *change_counts(const br_changes *ch, br_arena *arena)
{
    static const char *const ways[] = {"added", "removed"};
    size_t figures = 0, texts = 0;
    for (size_t i = 0; i < ch->n; i++) {
        bool whole = strcmp(ch->items[i].field, ways[0]) == 0 ||
                     strcmp(ch->items[i].field, ways[1]) == 0;
        figures += !whole && ch->items[i].figure;
        texts += !whole && !ch->items[i].figure;
    }
    const char *s = br_arena_printf(arena, "%zu figure%s, %zu text%s", figures,
                                    figures == 1 ? "" : "s", texts, texts == 1 ? "" : "s");
    for (size_t w = 0; w < 2; w++)
        for (size_t i = 0; i < ch->n; i++) {
            const char *noun = item_noun(&ch->items[i]);
            if (strcmp(ch->items[i].field, ways[w]) != 0)
                continue;
            size_t n = 0;
            bool first = true;
            for (size_t k = 0; k < ch->n; k++) {
                bool same = strcmp(ch->items[k].field, ways[w]) == 0 &&
                            strcmp(item_noun(&ch->items[k]), noun) == 0;
                first = first && !(same && k < i);
                n += same;
            }
            if (first)      /* each kind once, where it first appears */
                s = br_arena_printf(arena, "%s, %zu %s %s", s, n, plural(noun, n, arena), ways[w]);
        }
    return s;
}

static void print_text(FILE *out, const char *old, const char *new, const br_changes *ch, br_arena *arena)
{
    fprintf(out, "%s -> %s: %zu change%s (%s)\n", old, new, ch->n, ch->n == 1 ? "" : "s",
            change_counts(ch, arena));
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const br_change *c = &ch->items[i];
        fprintf(out, "\n%s", c->item);
        if (c->id)
            fprintf(out, " %s", c->id);
        fputs(": ", out);
        put_clean(out, c->title);
        fputc('\n', out);
        for (size_t j = i; j < item_end(ch, i); j++)
            print_change(out, &ch->items[j]);
    }
    bool header = false;
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const char *line = br_arc_correction(&ch->items[i], item_end(ch, i) - i, arena);
        if (!line)
            continue;
        fputs(header ? "" : "\nsuggested corrections:\n", out);
        header = true;
        fputs("  - ", out);
        print_yaml_quoted(out, line);
        fputc('\n', out);
    }
}

static void json_pair(FILE *out, const char *key, const char *value, bool comma)
{
    fprintf(out, "\"%s\": ", key);
    br_export_json_string(out, value);
    fputs(comma ? ", " : "", out);
}

static void json_change(FILE *out, const br_change *c)
{
    fputs("{", out);
    json_pair(out, "item", c->item, true);
    json_pair(out, "id", c->id, true);
    json_pair(out, "title", c->title, true);
    json_pair(out, "field", c->field, true);
    json_pair(out, "old", c->old_text, true);
    json_pair(out, "new", c->new_text, true);
    json_pair(out, "words", c->words, true);
    fprintf(out, "\"figure\": %s, \"authored\": %s, ", c->figure ? "true" : "false",
           c->authored ? "true" : "false");
    json_pair(out, "file", c->loc.file, true);
    fprintf(out, "\"line\": %d}", c->loc.line);
}

static void print_json(FILE *out, const char *old, const char *new, const br_changes *ch, br_arena *arena)
{
    fputs("{", out);
    json_pair(out, "old", old, true);
    json_pair(out, "new", new, true);
    fputs("\"changes\": [", out);
    for (size_t i = 0; i < ch->n; i++) {
        fputs(i ? ", " : "", out);
        json_change(out, &ch->items[i]);
    }
    fputs("], \"suggested_corrections\": [", out);
    bool first = true;
    for (size_t i = 0; i < ch->n; i = item_end(ch, i)) {
        const char *line = br_arc_correction(&ch->items[i], item_end(ch, i) - i, arena);
        if (line) {
            fputs(first ? "" : ", ", out);
            br_export_json_string(out, line);
            first = false;
        }
    }
    fputs("]}\n", out);
}

static const br_cmd_spec spec = {"diff", diff_help, BR_OPT_FORMAT, 2, 2, "OLD and NEW"};

int br_cmd_diff(int argc, char **argv)
{
    br_opts o;
    const char *format;
    int usage = br_cli_parse_listing(&spec, argc, argv, &o, &format);
    if (usage >= 0)
        return usage;
    const char *paths[2] = {o.args[0], o.args[1]};
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_template t_old, t_new;
    br_report *old = br_arc_load(paths[0], &t_old, arena, &diags);
    br_report *new = br_arc_load(paths[1], &t_new, arena, &diags);
    bool ok = old && new && !br_diags_failed(&diags);
    br_file_out listing;
    size_t nold = 0, nnew = 0;
    const char *const *old_in = ok ? br_cli_inputs(&diags, &t_old, arena, &nold) : NULL;
    const char *const *new_in = ok ? br_cli_inputs(&diags, &t_new, arena, &nnew) : NULL;
    const char **inputs = br_arena_calloc(arena, nold + nnew + 1, sizeof *inputs);
    for (size_t i = 0; i < nold + nnew; i++)
        inputs[i] = i < nold ? old_in[i] : new_in[i - nold];
    FILE *out = ok ? br_cli_listing_open(&o, &listing, inputs, nold + nnew, br_arc_dir(NULL),
                                         &diags) : NULL;
    if (out) {
        br_changes ch;
        br_arc_diff(old, new, &ch, arena);
        if (*format == 'j')
            print_json(out, paths[0], paths[1], &ch, arena);
        else
            print_text(out, paths[0], paths[1], &ch, arena);
    }
    ok = out && br_cli_commit(&listing, &diags);
    int status = br_finish(&diags, ok);
    br_arena_free(arena);
    return status;
}
