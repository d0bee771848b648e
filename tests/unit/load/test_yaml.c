/* test_yaml.c — the YAML loader: positions, duplicates, aliases and the
 * named limits, each at and beyond its edge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "br_yaml.h"

typedef struct fixture {
    br_arena *arena;
    br_diags diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->arena = br_arena_new();
    br_diags_init(&f->diags, f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    br_arena_free(f->arena);
    free(f);
    return 0;
}

static br_node *parse(fixture *f, const char *text)
{
    return br_yaml_parse("t.yaml", text, strlen(text), f->arena, NULL, &f->diags);
}

static void assert_at(br_loc loc, int line, int col)
{
    assert_string_equal(loc.file, "t.yaml");
    assert_int_equal(loc.line, line);
    assert_int_equal(loc.col, col);
}

/* The only diagnostic is an error at line:col whose message holds text. */
static void assert_one_error(const fixture *f, int line, int col, const char *text)
{
    assert_int_equal(f->diags.errors, 1);
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0].loc.line, line);
    assert_int_equal(f->diags.items[0].loc.col, col);
    if (!strstr(f->diags.items[0].message, text))
        fail_msg("'%s' does not contain '%s'", f->diags.items[0].message, text);
}

/* A string of n copies of s, in the arena. */
static char *repeat(br_arena *a, const char *s, size_t n)
{
    size_t len = strlen(s);
    char *out = br_arena_alloc(a, len * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(out + i * len, s, len);
    return out;
}

/* ---- positions ---- */

static void keys_and_values_keep_line_and_column(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "title: Quarterly\nperiod:   2019/20 Q2\n");
    assert_non_null(root);
    assert_int_equal(root->kind, BR_NODE_MAP);
    assert_int_equal(root->npairs, 2);
    assert_at(root->pairs[0].key->loc, 1, 1);
    assert_at(root->pairs[0].value->loc, 1, 8);
    assert_at(root->pairs[1].key->loc, 2, 1);
    assert_at(root->pairs[1].value->loc, 2, 11);
    assert_string_equal(root->pairs[1].value->text, "2019/20 Q2");
}

static void list_items_and_nested_nodes_keep_positions(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "measures:\n"
                             "  - id: lac\n"
                             "    values: {2019/20 Q1: 523}\n"
                             "  - [a, b]\n");
    assert_non_null(root);
    br_node *list = br_map_get(root, "measures");
    assert_int_equal(list->kind, BR_NODE_SEQ);
    assert_int_equal(list->nitems, 2);
    assert_at(list->loc, 2, 3);
    br_node *m = list->items[0];
    assert_at(m->loc, 2, 5);                        /* a block mapping starts at its first key */
    assert_at(br_map_get(m, "id")->loc, 2, 9);
    br_node *values = br_map_get(m, "values");
    assert_at(values->loc, 3, 13);                  /* the '{' */
    assert_at(values->pairs[0].key->loc, 3, 14);
    assert_at(values->pairs[0].value->loc, 3, 26);
    assert_at(list->items[1]->loc, 4, 5);
    assert_at(list->items[1]->items[1]->loc, 4, 9);
}

static void multibyte_text_counts_as_one_column(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: \xC2\xA3" "5 – x\nb: 1\n");  /* "£5 – x" */
    assert_non_null(root);
    assert_at(root->pairs[1].value->loc, 2, 4);
    assert_string_equal(root->pairs[0].value->text, "\xC2\xA3" "5 – x");
}

static void quoted_and_block_scalars_are_not_plain(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: 10\nb: \"10\"\nc: |\n  10\n");
    assert_non_null(root);
    assert_true(br_map_get(root, "a")->plain);
    assert_false(br_map_get(root, "b")->plain);
    assert_false(br_map_get(root, "c")->plain);
    assert_string_equal(br_map_get(root, "c")->text, "10\n");
}

/* ---- mistakes of structure ---- */

static void duplicate_key_is_an_error_at_the_second(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "target: 10\ntolerance: 16\ntarget: 12\n");
    assert_non_null(root);   /* reported, and the rest is still checked */
    assert_one_error(f, 3, 1, "duplicate key 'target' (first defined at line 1)");
}

static void duplicate_keys_in_a_large_mapping_are_all_found(void **state)
{
    fixture *f = *state;
    char *text = br_arena_alloc(f->arena, 5000 * 16);
    size_t len = 0;
    for (int i = 0; i < 5000; i++)
        len += (size_t)sprintf(text + len, "k%d: %d\n", i % 4990, i);
    br_node *root = br_yaml_parse("t.yaml", text, len, f->arena, NULL, &f->diags);
    assert_non_null(root);
    assert_int_equal(root->npairs, 5000);
    assert_int_equal(f->diags.errors, 10);
    for (size_t i = 0; i < f->diags.count; i++)
        assert_true(f->diags.items[i].loc.line > 4990);
}

static void non_scalar_key_is_an_error(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "? [a, b]\n: 1\n"));
    assert_one_error(f, 1, 3, "a key must be a plain word");
}

static void tab_in_indentation_names_the_line(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "report:\n  title: T\n\tdate: 2019-10-17\n"));
    assert_one_error(f, 3, 1, "tab character in indentation; YAML indents with spaces only");
}

static void colon_inside_plain_text_gets_a_hint(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "comment: Note: provisional\n"));
    assert_one_error(f, 1, 14, "put the text in quotes");
}

static void unclosed_quote_points_at_the_opening_quote(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: 1\ntitle: \"Looked After\nb: 2\nc: 3\n"));
    assert_one_error(f, 2, 8, "a quote or bracket is not closed");
}

/* An escape giving a NUL would cut the text there (words lost with no
 * message); one giving a control character cannot be printed: each is an
 * error at its backslash.  Tab, line feed, "\\0" and "\\u00e9" are text. */
static void escaped_control_characters_are_errors_at_the_escape(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: \"abc\\0xyz\"\n"));
    assert_one_error(f, 1, 8, "is a NUL character");
    br_diags_init(&f->diags, f->arena);
    assert_null(parse(f, "a: [ok, \"caf\\u00e9\\t\\\\0\\n \\x1b\"]\n"));
    assert_one_error(f, 1, 27, "'\\x1b' is a control character (U+001B)");
    br_diags_init(&f->diags, f->arena);
    br_node *root = parse(f, "a: \"caf\\u00e9\\tb\\\\0\\nc\"\n");
    assert_non_null(root);
    assert_int_equal(f->diags.count, 0);
}

/* A bracket left open at the end: the end is past the last line, so the
 * error is at the bracket, with its source line to quote. */
static void unclosed_bracket_at_the_end_points_at_the_bracket(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: 1\nb: [\n"));
    assert_one_error(f, 2, 4, "a bracket is not closed");
}

static void second_document_is_an_error_and_the_first_is_kept(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: 1\n---\nb: 2\n");
    assert_non_null(root);   /* so that the rest of the first is still checked */
    assert_int_equal(root->npairs, 1);
    assert_string_equal(root->pairs[0].key->text, "a");
    assert_one_error(f, 2, 1, "a second YAML document");
}

static void empty_document_is_an_empty_mapping(void **state)
{
    fixture *f = *state;
    static const char *const texts[] = {"", "# only a comment\n", "---\n", "\n\n", "~\n"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        br_node *root = parse(f, texts[i]);
        assert_non_null(root);
        if (i == 4) {   /* '~' is a null scalar, not an empty document */
            assert_int_equal(root->kind, BR_NODE_SCALAR);
            continue;
        }
        assert_int_equal(root->kind, BR_NODE_MAP);
        assert_int_equal(root->npairs, 0);
        assert_at(root->loc, 1, 1);
    }
    assert_int_equal(f->diags.count, 0);
}

/* ---- invalid UTF-8 ---- */

static void invalid_utf8_is_reported_at_its_character(void **state)
{
    fixture *f = *state;
    /* "é" before the bad byte is one column, not two. */
    assert_null(parse(f, "a: ok\nb: caf\xC3\xA9 \xE9t\xE9\n"));
    assert_one_error(f, 2, 9, "invalid UTF-8 (byte 0xE9)");
}

static void utf8_check_rejects_overlong_surrogate_and_truncated(void **state)
{
    (void)state;
    assert_int_equal(br_utf8_check("ab\xC0\x80", 4), 2);            /* overlong NUL */
    assert_int_equal(br_utf8_check("a\xED\xA0\x80", 4), 1);         /* surrogate */
    assert_int_equal(br_utf8_check("a\xF4\x90\x80\x80", 5), 1);     /* beyond U+10FFFF */
    assert_int_equal(br_utf8_check("abc\xE2\x82", 5), 3);           /* cut short */
    assert_int_equal(br_utf8_check("\xFF", 1), 0);
    assert_int_equal(br_utf8_check("\xC2\xA3\xE2\x80\x93\xF0\x9F\x98\x80", 9), 9);
}

/* ---- aliases ---- */

static void alias_shares_the_anchored_node(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "base: &b {x: 1, y: 2}\ncopy: *b\n");
    assert_non_null(root);
    br_node *base = br_map_get(root, "base"), *copy = br_map_get(root, "copy");
    assert_ptr_equal(base, copy);
    /* {x: 1, y: 2} is 5 nodes (map, 2 keys, 2 values); the root counts it twice. */
    assert_int_equal(base->expanded, 5);
    assert_int_equal(root->expanded, 1 + 1 + 5 + 1 + 5);
}

static void undefined_alias_is_an_error_at_the_alias(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: 1\nb: *common\n"));
    assert_one_error(f, 2, 4, "alias '*common' names no anchor defined before it");
}

static void later_anchor_of_the_same_name_wins(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: &x 1\nb: &x 2\nc: *x\nd: &y [3]\ne: *y\n");
    assert_non_null(root);
    assert_string_equal(br_map_get(root, "c")->text, "2");
    assert_ptr_equal(br_map_get(root, "e"), br_map_get(root, "d"));
}

/* Anchors are hashed: every one of many is found, each alias its own. */
static void each_of_many_anchors_is_found(void **state)
{
    fixture *f = *state;
    enum { N = 60000 };
    char *doc = malloc((size_t)N * 40 + 8), *p = doc;
    p += sprintf(p, "[");
    for (int i = 0; i < N; i++)
        p += sprintf(p, "&n%d v%d, ", i, i);
    for (int i = N; i-- > 0;)
        p += sprintf(p, "*n%d, ", i);
    strcpy(p, "]");
    br_node *root = parse(f, doc);
    free(doc);
    assert_non_null(root);
    assert_int_equal(root->nitems, 2 * N);
    for (int i = 0; i < N; i++)
        assert_ptr_equal(root->items[2 * N - 1 - i], root->items[i]);
    assert_int_equal(f->diags.count, 0);
}

/* Millions of tiny values stop at the limit, not at the end of the file. */
static void more_values_than_the_limit_is_refused(void **state)
{
    fixture *f = *state;
    const char *doc = br_arena_printf(f->arena, "[%s]", repeat(f->arena, "[], ", BR_MAX_EXPANDED));
    assert_null(parse(f, doc));
    assert_int_equal(f->diags.errors, 1);
    assert_non_null(strstr(f->diags.items[0].message, "the file holds more than 2000000 values"));
    /* the root is node 1, so the 2,000,000th "[]" is one too many */
    assert_int_equal(f->diags.items[0].loc.col, 2 + 4 * (BR_MAX_EXPANDED - 1));
}

/* [&a [x × 99], *a × aliases, y × plain]: 1 + 100 × (aliases + 1) + plain nodes. */
static const char *expansion_doc(br_arena *a, size_t aliases, size_t plain)
{
    return br_arena_printf(a, "[&a [%sx], %s%s]", repeat(a, "x, ", 98), repeat(a, "*a, ", aliases),
                           plain ? repeat(a, "y, ", plain) : "");
}

static void expansion_at_the_limit_is_accepted(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, expansion_doc(f->arena, 19998, 99));
    assert_non_null(root);
    assert_int_equal(root->expanded, BR_MAX_EXPANDED);
    assert_int_equal(root->nitems, 1 + 19998 + 99);
    assert_int_equal(f->diags.count, 0);
}

static void one_plain_node_beyond_the_limit_is_refused(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, expansion_doc(f->arena, 19998, 100)));
    assert_one_error(f, 1, 1, "this expands to more than 2000000 nodes");
}

static void one_alias_beyond_the_limit_is_refused_at_the_alias(void **state)
{
    fixture *f = *state;
    /* 1 + 100 × 20000 = 2000001: the 19999th alias goes over. */
    const char *doc = expansion_doc(f->arena, 19999, 0);
    assert_null(parse(f, doc));
    int col = (int)(strstr(doc, "*a") - doc) + 1 + 19998 * 4;
    assert_one_error(f, 1, col, "alias '*a' expands the file beyond 2000000 nodes");
}

static void billion_laughs_is_refused(void **state)
{
    fixture *f = *state;
    const char *doc = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                      "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    assert_null(parse(f, doc));
    assert_int_equal(f->diags.errors, 1);
    assert_int_equal(f->diags.items[0].loc.line, 7);   /* the first list past 2,000,000 */
}

/* ---- depth and size ---- */

static const char *nested(br_arena *a, size_t depth)
{
    return br_arena_printf(a, "%sx%s", repeat(a, "[", depth), repeat(a, "]", depth));
}

static void nesting_at_the_depth_limit_is_accepted(void **state)
{
    fixture *f = *state;
    br_node *n = parse(f, nested(f->arena, BR_MAX_DEPTH));
    assert_non_null(n);
    for (int i = 0; i < BR_MAX_DEPTH; i++) {
        assert_int_equal(n->kind, BR_NODE_SEQ);
        n = n->items[0];
    }
    assert_string_equal(n->text, "x");
}

static void nesting_beyond_the_depth_limit_is_refused(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, nested(f->arena, BR_MAX_DEPTH + 1)));
    assert_one_error(f, 1, BR_MAX_DEPTH + 1, "nesting deeper than 64 levels");
}

static void scalar_at_the_size_limit_is_accepted(void **state)
{
    fixture *f = *state;
    const char *doc = br_arena_printf(f->arena, "text: %s\n", repeat(f->arena, "x", BR_MAX_SCALAR_BYTES));
    br_node *root = parse(f, doc);
    assert_non_null(root);
    assert_int_equal(br_map_get(root, "text")->len, BR_MAX_SCALAR_BYTES);
}

static void scalar_beyond_the_size_limit_is_refused(void **state)
{
    fixture *f = *state;
    const char *doc = br_arena_printf(f->arena, "a: 1\ntext: %s\n",
                                      repeat(f->arena, "x", BR_MAX_SCALAR_BYTES + 1));
    assert_null(parse(f, doc));
    assert_one_error(f, 2, 7, "text of 262145 bytes is longer than the limit of 262144 bytes");
}

/* ---- files ---- */

static const char *temp_file(br_arena *a, char *dir, size_t size)
{
    assert_non_null(mkdtemp(dir));
    const char *path = br_arena_printf(a, "%s/report.yaml", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("a: 1\n", fp);
    for (size_t n = 5; n < size; n++)
        fputc(n + 1 == size ? '\n' : '#', fp);
    fclose(fp);
    return path;
}

static void file_at_the_size_limit_is_read(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/br-yaml-XXXXXX";
    const char *path = temp_file(f->arena, dir, BR_MAX_FILE_BYTES);
    br_node *root = br_yaml_load_file(path, f->arena, NULL, &f->diags);
    remove(path);
    rmdir(dir);
    assert_non_null(root);
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(f->diags.nsources, 1);   /* kept for quoting lines */
    assert_int_equal(f->diags.sources[0].len, BR_MAX_FILE_BYTES);
}

static void file_beyond_the_size_limit_is_refused(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/br-yaml-XXXXXX";
    const char *path = temp_file(f->arena, dir, BR_MAX_FILE_BYTES + 1);
    br_node *root = br_yaml_load_file(path, f->arena, NULL, &f->diags);
    remove(path);
    rmdir(dir);
    assert_null(root);
    assert_one_error(f, 0, 0, "file is larger than the limit of 8388608 bytes (8 MiB)");
    assert_string_equal(f->diags.items[0].loc.file, path);
}

static void missing_file_is_an_error_naming_it(void **state)
{
    fixture *f = *state;
    assert_null(br_yaml_load_file("/nonexistent/report.yaml", f->arena, NULL, &f->diags));
    assert_one_error(f, 0, 0, "cannot open");
    assert_string_equal(f->diags.items[0].loc.file, "/nonexistent/report.yaml");
}

/* The model keeps scalar text and locations after the nodes are freed. */
static void scalar_text_outlives_the_tree(void **state)
{
    fixture *f = *state;
    br_arena *tree = br_arena_new();
    const char *text = "title: \"Caf\\u00e9 \\\"open\\\"\"\nplain: words here\n";
    br_node *root = br_yaml_parse("t.yaml", text, strlen(text), f->arena, tree, &f->diags);
    assert_non_null(root);
    const char *title = br_map_get(root, "title")->text;
    const char *plain = br_map_get(root, "plain")->text;
    br_loc loc = br_map_get(root, "plain")->loc;
    assert_true(br_arena_used(tree) > br_arena_used(f->arena));
    br_arena_free(tree);
    assert_string_equal(title, "Caf\xC3\xA9 \"open\"");
    assert_string_equal(plain, "words here");
    assert_string_equal(loc.file, "t.yaml");
    assert_int_equal(loc.line, 2);
}

/* ---- merge keys (YAML 1.1, https://yaml.org/type/merge.html) ---- */

/* The mapping's own keys win wherever they stand; the merged ones take
 * the place of '<<' and keep the position where their text is written. */
static void merge_key_adds_the_keys_the_mapping_lacks(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "base: &b {x: 1, y: 2}\n"
                             "m:\n  y: 9\n  <<: *b\n  z: 3\n");
    assert_non_null(root);
    const br_node *m = br_map_get(root, "m");
    assert_int_equal(m->npairs, 3);
    assert_string_equal(m->pairs[0].key->text, "y");
    assert_string_equal(m->pairs[1].key->text, "x");
    assert_string_equal(m->pairs[2].key->text, "z");
    assert_string_equal(br_map_get(m, "y")->text, "9");
    assert_string_equal(br_map_get(m, "x")->text, "1");
    assert_at(br_map_get(m, "x")->loc, 1, 14);
    assert_null(br_map_get(m, "<<"));
    assert_int_equal(f->diags.count, 0);
}

/* '<<: [*a, *b]': a key of an earlier mapping wins over a later one's. */
static void merge_list_takes_the_first_mapping_with_a_key(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: &a {x: 1}\nb: &b {x: 2, y: 2}\n"
                             "m: {<<: [*a, *b, {z: 3}], w: 0}\n");
    assert_non_null(root);
    const br_node *m = br_map_get(root, "m");
    assert_int_equal(m->npairs, 4);
    assert_string_equal(br_map_get(m, "x")->text, "1");
    assert_string_equal(br_map_get(m, "y")->text, "2");
    assert_string_equal(br_map_get(m, "z")->text, "3");
    assert_int_equal(f->diags.count, 0);
}

/* A quoted '<<' is an ordinary key. */
static void quoted_merge_key_is_a_key(void **state)
{
    fixture *f = *state;
    br_node *root = parse(f, "a: &a {x: 1}\nm: {'<<': *a}\n");
    assert_non_null(root);
    assert_non_null(br_map_get(br_map_get(root, "m"), "<<"));
    assert_null(br_map_get(br_map_get(root, "m"), "x"));
}

static void merge_of_a_single_value_is_an_error_at_the_alias(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: &a 5\nm:\n  <<: *a\n"));
    assert_one_error(f, 3, 7, "a merge key ('<<') takes a mapping");
}

static void merge_list_entry_not_a_mapping_is_an_error_at_the_entry(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: &a {x: 1}\nm: {<<: [*a, [1]]}\n"));
    assert_one_error(f, 2, 14, "not a list");
}

/* An alias of a list arrives whole; its entries are checked as a written
 * list's are ('<<: *s' with 's: &s [1, 2]' was accepted silently). */
static void merge_of_an_alias_of_a_list_checks_its_entries(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "s: &s [1]\nm:\n  <<: *s\n"));
    assert_one_error(f, 3, 7, "a merge key ('<<') takes a mapping");
    br_diags_init(&f->diags, f->arena);
    assert_non_null(parse(f, "a: &a {x: 1}\ns: &s [*a]\nm:\n  <<: *s\n"));
    assert_int_equal(f->diags.count, 0);
}

static void merge_into_itself_is_an_error(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "m: &m\n  x: 1\n  <<: *m\n"));
    assert_one_error(f, 3, 7, "merges a mapping into itself");
}

static void second_merge_key_is_a_duplicate(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n"));
    assert_one_error(f, 4, 3, "duplicate key '<<' (first defined at line 3)");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(keys_and_values_keep_line_and_column),
        T(list_items_and_nested_nodes_keep_positions),
        T(multibyte_text_counts_as_one_column),
        T(quoted_and_block_scalars_are_not_plain),
        T(duplicate_key_is_an_error_at_the_second),
        T(duplicate_keys_in_a_large_mapping_are_all_found),
        T(non_scalar_key_is_an_error),
        T(tab_in_indentation_names_the_line),
        T(colon_inside_plain_text_gets_a_hint),
        T(unclosed_quote_points_at_the_opening_quote),
        T(escaped_control_characters_are_errors_at_the_escape),
        T(unclosed_bracket_at_the_end_points_at_the_bracket),
        T(second_document_is_an_error_and_the_first_is_kept),
        T(empty_document_is_an_empty_mapping),
        T(invalid_utf8_is_reported_at_its_character),
        T(utf8_check_rejects_overlong_surrogate_and_truncated),
        T(alias_shares_the_anchored_node),
        T(undefined_alias_is_an_error_at_the_alias),
        T(later_anchor_of_the_same_name_wins),
        T(merge_key_adds_the_keys_the_mapping_lacks),
        T(merge_list_takes_the_first_mapping_with_a_key),
        T(quoted_merge_key_is_a_key),
        T(merge_of_a_single_value_is_an_error_at_the_alias),
        T(merge_list_entry_not_a_mapping_is_an_error_at_the_entry),
        T(merge_of_an_alias_of_a_list_checks_its_entries),
        T(merge_into_itself_is_an_error),
        T(second_merge_key_is_a_duplicate),
        T(each_of_many_anchors_is_found),
        T(more_values_than_the_limit_is_refused),
        T(expansion_at_the_limit_is_accepted),
        T(one_plain_node_beyond_the_limit_is_refused),
        T(one_alias_beyond_the_limit_is_refused_at_the_alias),
        T(billion_laughs_is_refused),
        T(nesting_at_the_depth_limit_is_accepted),
        T(nesting_beyond_the_depth_limit_is_refused),
        T(scalar_at_the_size_limit_is_accepted),
        T(scalar_beyond_the_size_limit_is_refused),
        T(file_at_the_size_limit_is_read),
        T(file_beyond_the_size_limit_is_refused),
        T(missing_file_is_an_error_naming_it),
        T(scalar_text_outlives_the_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
