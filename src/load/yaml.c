/* yaml.c — libyaml events into a tree of located nodes. */
#include "br_yaml.h"

#include "br_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

typedef struct anchor {
    const char *name;
    br_node *node;
} anchor;

typedef struct frame {
    br_node *node;
    br_node *key;           /* MAP: the key waiting for its value */
    /* MAP: its merge key ('<<: *defaults'), applied when the mapping
     * closes, so that every key written in it wins wherever it stands. */
    const br_node *merge_key;
    br_node *merge;         /* the merge key's value */
    size_t merge_pos;       /* the merged keys take the merge key's place */
} frame;

typedef struct parser {
    br_arena *arena;        /* scalar text: kept with the model */
    br_arena *tree;         /* nodes, their arrays, anchors: freed after building */
    br_diags *diags;
    const char *file;
    const char *text;
    size_t len;
    anchor *anchors;        /* open addressing, a power of two in size */
    size_t nanchors, anchors_cap;
    frame stack[BR_MAX_DEPTH + 2];
    size_t depth;
    br_node *root;
    int documents;
    size_t nodes;           /* made so far: stops a file of millions of [] early */
    bool failed;            /* stop parsing */
    bool refused;           /* go on, to report every such error, but fail at the end */
    /* The last quoted text read: a quote left open swallows the lines after
     * it up to the next quote, and the error comes only there. */
    bool quoted_seen;
    yaml_mark_t quoted_start, quoted_end;
} parser;

static br_loc loc_of(const parser *p, yaml_mark_t m)
{
    return (br_loc){p->file, (int)m.line + 1, (int)m.column + 1};
}

static br_node *new_node(parser *p, br_node_kind kind, yaml_mark_t m)
{
    br_node *n = br_arena_alloc(p->tree, sizeof *n);
    if (++p->nodes == BR_MAX_EXPANDED + 1) {
        br_error(p->diags, loc_of(p, m), "the file holds more than %d values; a report needs "
                 "far fewer: split it, or check that it is the right file", BR_MAX_EXPANDED);
        p->failed = true;
    }
    n->kind = kind;
    n->loc = loc_of(p, m);
    n->expanded = 1;
    return n;
}

static size_t add_capped(size_t a, size_t b)
{
    size_t s = a + b;
    return (s < a || s > BR_MAX_EXPANDED + 1) ? BR_MAX_EXPANDED + 1 : s;
}

static int key_cmp(const br_node *a, const br_node *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->text, b->text, n);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

static int pair_order(const void *x, const void *y)
{
    const br_pair *a = *(const br_pair *const *)x, *b = *(const br_pair *const *)y;
    int c = key_cmp(a->key, b->key);
    if (c)
        return c;
    return a < b ? -1 : a > b;
}

/* Duplicate keys are found when the mapping closes: sorting pointers to the
 * pairs keeps this O(n log n) for a mapping of many thousand keys. */
static void check_duplicates(parser *p, const br_node *map)
{
    if (map->npairs < 2)
        return;
    const br_pair **order = malloc(map->npairs * sizeof *order);
    if (!order)
        br_file_out_of_memory();
    for (size_t i = 0; i < map->npairs; i++)
        order[i] = &map->pairs[i];
    qsort(order, map->npairs, sizeof *order, pair_order);
    for (size_t i = 1; i < map->npairs; i++) {
        if (key_cmp(order[i - 1]->key, order[i]->key) == 0) {
            const br_node *first = order[i - 1]->key, *dup = order[i]->key;
            br_error(p->diags, dup->loc,
                     "duplicate key '%s' (first defined at line %d); each key may appear once",
                     dup->text, first->loc.line);
        }
    }
    free(order);
}

/* A plain '<<' key is YAML 1.1's merge key; a quoted one is a key like any. */
static bool is_merge_key(const br_node *key)
{
    return key->kind == BR_NODE_SCALAR && key->plain && key->len == 2 &&
           strcmp(key->text, "<<") == 0;
}

/* Whether node is a mapping still open (one that holds the merge key). */
static bool still_open(const parser *p, const br_node *node)
{
    for (size_t i = 0; i < p->depth; i++)
        if (p->stack[i].node == node)
            return true;
    return false;
}

/* A merge key's value must be a mapping (written, or an alias of one), or
 * a list of them. */
static bool mergeable(parser *p, const br_node *src, br_loc at)
{
    if (src->kind == BR_NODE_MAP && !still_open(p, src))
        return true;
    if (src->kind == BR_NODE_MAP)
        br_error(p->diags, at, "this merge key merges a mapping into itself (its anchor is on "
                 "the mapping that holds it, or one around it); merge a mapping defined before");
    else
        br_error(p->diags, at, "a merge key ('<<') takes a mapping, an alias of one ('<<: "
                 "*defaults') or a list of them ('<<: [*a, *b]'), not %s",
                 br_node_kind_name(src));
    p->refused = true;
    return false;
}

/* A list as a merge key's value: each entry is checked where it is written. */
static bool is_merge_list(const parser *p)
{
    return p->depth >= 2 && p->stack[p->depth - 1].node->kind == BR_NODE_SEQ &&
           p->stack[p->depth - 2].node->kind == BR_NODE_MAP && p->stack[p->depth - 2].key &&
           is_merge_key(p->stack[p->depth - 2].key);
}

static void note_merge(parser *p, frame *f, br_node *value, br_loc at)
{
    if (f->merge_key) {
        br_error(p->diags, f->key->loc, "duplicate key '<<' (first defined at line %d); one "
                 "merge key takes a list of mappings: '<<: [*a, *b]'", f->merge_key->loc.line);
        p->refused = true;
        return;
    }
    if (value->kind != BR_NODE_SEQ)
        mergeable(p, value, at);
    /* An alias of a list ('<<: *list') arrives whole: its entries were
     * never checked where written, as a written list's are (attach). */
    bool alias = at.line != value->loc.line || at.col != value->loc.col;
    for (size_t i = 0; alias && value->kind == BR_NODE_SEQ && i < value->nitems; i++)
        mergeable(p, value->items[i], at);
    f->merge_key = f->key;
    f->merge = value;
    f->merge_pos = f->node->npairs;
}

/* node joins the open collection; at is where it is written (for an alias,
 * the alias, not the anchored node). */
static void attach(parser *p, br_node *node, br_loc at)
{
    if (p->depth == 0) {
        p->root = node;
        return;
    }
    frame *f = &p->stack[p->depth - 1];
    br_node *parent = f->node;
    parent->expanded = add_capped(parent->expanded, node->expanded);
    if (parent->kind == BR_NODE_SEQ) {
        if (is_merge_list(p))
            mergeable(p, node, at);
        *BR_PUSH(p->tree, parent->items, parent->nitems, parent->items_cap) = node;
        return;
    }
    if (!f->key) {
        if (node->kind != BR_NODE_SCALAR) {
            br_error(p->diags, node->loc,
                     "a key must be a plain word, not %s", br_node_kind_name(node));
            p->failed = true;
        }
        f->key = node;
        return;
    }
    if (is_merge_key(f->key)) {
        note_merge(p, f, node, at);
        f->key = NULL;
        return;
    }
    br_pair *pair = BR_PUSH(p->tree, parent->pairs, parent->npairs, parent->pairs_cap);
    pair->key = f->key;
    pair->value = node;
    f->key = NULL;
}

/* A key that may be merged: rank orders the mapping's own keys first, then
 * each source's in turn, so the lowest rank of a key is the one that wins. */
typedef struct candidate {
    const br_pair *pair;
    size_t rank;
} candidate;

static int by_key_then_rank(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    int c = key_cmp(a->pair->key, b->pair->key);
    return c ? c : (a->rank > b->rank) - (a->rank < b->rank);
}

static int by_rank(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    return (a->rank > b->rank) - (a->rank < b->rank);
}

/* The merged pairs: each source's keys that neither the mapping itself nor
 * an earlier source has, in the sources' order (YAML 1.1 merge key:
 * explicit keys win, then the first source that has a key).  They keep
 * their own file:line:col, where their text is written.  Sorting keeps a
 * merge of many keys O(n log n). */
static br_pair *merged_pairs(parser *p, const br_node *map, const frame *f, size_t *n)
{
    const br_node *one = f->merge;
    const br_node *const *srcs = f->merge->kind == BR_NODE_SEQ
                                     ? (const br_node *const *)f->merge->items : &one;
    size_t nsrcs = f->merge->kind == BR_NODE_SEQ ? f->merge->nitems : 1;
    size_t total = map->npairs;
    for (size_t s = 0; s < nsrcs; s++)
        if (srcs[s]->kind == BR_NODE_MAP && !still_open(p, srcs[s]))
            total += srcs[s]->npairs;   /* the others are reported where written */
    candidate *c = malloc((total ? total : 1) * sizeof *c);
    if (!c)
        br_file_out_of_memory();
    size_t k = 0;
    for (size_t i = 0; i < map->npairs; i++, k++)
        c[k] = (candidate){&map->pairs[i], k};
    for (size_t s = 0; s < nsrcs; s++)
        for (size_t i = 0; srcs[s]->kind == BR_NODE_MAP && !still_open(p, srcs[s]) &&
                           i < srcs[s]->npairs; i++, k++)
            c[k] = (candidate){&srcs[s]->pairs[i], k};
    qsort(c, total, sizeof *c, by_key_then_rank);
    size_t kept = 0;
    for (size_t i = 0; i < total; i++)
        if ((i == 0 || key_cmp(c[i - 1].pair->key, c[i].pair->key) != 0) && c[i].rank >= map->npairs)
            c[kept++] = c[i];
    qsort(c, kept, sizeof *c, by_rank);
    br_pair *out = br_arena_alloc(p->tree, (kept ? kept : 1) * sizeof *out);
    for (size_t i = 0; i < kept; i++)
        out[i] = *c[i].pair;
    free(c);
    *n = kept;
    return out;
}

/* Applies a closing mapping's merge key: the merged pairs go where '<<'
 * stood, so a reader meets them in the order the file shows. */
static void apply_merge(parser *p, br_node *map, const frame *f)
{
    if (!f->merge_key)
        return;
    size_t n;
    br_pair *add = merged_pairs(p, map, f, &n);
    if (n == 0)
        return;
    size_t total = map->npairs + n;
    br_pair *pairs = br_arena_alloc(p->tree, total * sizeof *pairs);
    for (size_t i = 0, k = 0; i < total; i++)   /* map->pairs is NULL for {<<: *a} */
        pairs[i] = i < f->merge_pos     ? map->pairs[i]
                 : i < f->merge_pos + n ? add[k++]
                                        : map->pairs[i - n];
    map->pairs = pairs;
    map->npairs = map->pairs_cap = total;
}

/* Anchors live in a hash table: a file of 200,000 anchors and as many
 * aliases took minutes with a scan per alias. */
static size_t anchor_hash(const char *name)
{
    size_t h = 2166136261u;    /* FNV-1a */
    for (const unsigned char *s = (const unsigned char *)name; *s; s++)
        h = (h ^ *s) * 16777619u;
    return h;
}

static anchor *anchor_slot(anchor *table, size_t cap, const char *name)
{
    size_t i = anchor_hash(name) & (cap - 1);
    while (table[i].name && strcmp(table[i].name, name) != 0)
        i = (i + 1) & (cap - 1);
    return &table[i];
}

static void grow_anchors(parser *p)
{
    size_t cap = p->anchors_cap ? p->anchors_cap * 2 : 64;
    anchor *table = br_arena_calloc(p->tree, cap, sizeof *table);
    for (size_t i = 0; i < p->anchors_cap; i++)
        if (p->anchors[i].name)
            *anchor_slot(table, cap, p->anchors[i].name) = p->anchors[i];
    p->anchors = table;
    p->anchors_cap = cap;
}

static void remember_anchor(parser *p, const yaml_char_t *name, br_node *node)
{
    if (!name)
        return;
    if ((p->nanchors + 1) * 2 > p->anchors_cap)
        grow_anchors(p);
    anchor *a = anchor_slot(p->anchors, p->anchors_cap, (const char *)name);
    if (!a->name) {
        a->name = br_arena_strdup(p->tree, (const char *)name);
        p->nanchors++;
    }
    a->node = node;     /* a later anchor of the same name wins */
}

static br_node *find_anchor(const parser *p, const char *name)
{
    if (!p->anchors_cap)
        return NULL;
    return anchor_slot(p->anchors, p->anchors_cap, name)->node;
}

/* A tag ('!!binary', '!!str', '!!python/object') asks for a meaning the
 * format does not have; silently ignoring it would print what it hides. */
static void refuse_tag(parser *p, const yaml_char_t *tag, bool implicit, yaml_mark_t m)
{
    if (!tag || implicit)
        return;
    const char *t = (const char *)tag, *core = "tag:yaml.org,2002:";
    bool short_form = strncmp(t, core, strlen(core)) == 0;
    br_error(p->diags, loc_of(p, m), "YAML tag '%s%s' is not supported: boardreport reads plain "
             "values only; remove the tag", short_form ? "!!" : "", short_form ? t + strlen(core) : t);
    p->refused = true;
}

static const char *line_start(const parser *p, int line);
static br_loc loc_at_offset(const parser *p, size_t offset);

/* Whether decoded text holds a control character other than tab and line
 * feed (C0, DEL, C1): in a file it can only come from an escape in double
 * quotes, since the reader refuses a raw one. */
static bool holds_control(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') || s[i] == 0x7F ||
            (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F))
            return true;
    return false;
}

/* The code point of the escape at s ("\\e", "\\x07", "\\u0085"), its
 * length into *n; -1 for one that is no control character. */
static long escaped_code(const char *s, const char *end, size_t *n)
{
    static const char simple[] = "0abtnvfreN", codes[] = {0, 7, 8, 9, 10, 11, 12, 13, 27};
    *n = 2;
    if (s + 1 >= end)
        return -1;
    const char *at = memchr(simple, s[1], sizeof simple - 1);
    if (at && s[1])
        return s[1] == 'N' ? 0x85 : codes[at - simple];
    int digits = s[1] == 'x' ? 2 : s[1] == 'u' ? 4 : s[1] == 'U' ? 8 : 0;
    if (!digits || end - s < 2 + digits)
        return -1;
    char hex[9] = {0};
    memcpy(hex, s + 2, (size_t)digits);
    if (strspn(hex, "0123456789abcdefABCDEF") != (size_t)digits)
        return -1;
    *n = 2 + (size_t)digits;
    return strtol(hex, NULL, 16);
}

/* An error at each escape in the double-quoted text at m that gives a
 * control character: it cannot be printed (a NUL would cut the text
 * there: words lost with no message), and an export would carry it into
 * XML or CSV.  Tab and line feed are text. */
static void refuse_control_escapes(parser *p, yaml_mark_t m)
{
    const char *s = line_start(p, (int)m.line + 1), *end = p->text + p->len;
    for (size_t col = 0; s && s < end && col < m.column; col++)
        s += s[0] & 0x80 ? 1 + ((unsigned char)s[0] >= 0xE0) + ((unsigned char)s[0] >= 0xF0) : 1;
    bool found = false;
    for (s = s && s < end && *s == '"' ? s + 1 : NULL; s && s < end && *s != '"';) {
        size_t n = 1;
        long c = *s == '\\' ? escaped_code(s, end, &n) : -1;
        if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
            (c >= 0x80 && c <= 0x9F)) {
            br_error(p->diags, loc_at_offset(p, (size_t)(s - p->text)),
                     c == 0 ? "'%.*s' is a NUL character: it cannot be printed and would cut the "
                              "text here; delete it"
                            : "'%.*s' is a control character (U+%04lX): it cannot be printed "
                              "and no export may carry it; delete it (a line break is \\n)",
                     (int)n, s, (unsigned long)c);
            found = true;
        }
        s += n;
    }
    if (!found)
        br_error(p->diags, loc_of(p, m), "this text holds a control character, which cannot be "
                 "printed; delete it");
    p->refused = true;
}

static void on_scalar(parser *p, const yaml_event_t *e)
{
    refuse_tag(p, e->data.scalar.tag,
               e->data.scalar.plain_implicit || e->data.scalar.quoted_implicit, e->start_mark);
    br_node *n = new_node(p, BR_NODE_SCALAR, e->start_mark);
    size_t len = e->data.scalar.length;
    if (len > BR_MAX_SCALAR_BYTES) {
        br_error(p->diags, n->loc, "text of %zu bytes is longer than the limit of %u bytes",
                 len, BR_MAX_SCALAR_BYTES);
        p->failed = true;
        return;
    }
    if (holds_control(e->data.scalar.value, len))
        refuse_control_escapes(p, e->start_mark);
    n->text = br_arena_strndup(p->arena, (const char *)e->data.scalar.value, len);
    n->len = len;
    n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (e->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
        e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        p->quoted_seen = true, p->quoted_start = e->start_mark, p->quoted_end = e->end_mark;
    remember_anchor(p, e->data.scalar.anchor, n);
    attach(p, n, n->loc);
}

static void on_start(parser *p, const yaml_event_t *e, br_node_kind kind)
{
    if (kind == BR_NODE_SEQ)
        refuse_tag(p, e->data.sequence_start.tag, e->data.sequence_start.implicit, e->start_mark);
    else
        refuse_tag(p, e->data.mapping_start.tag, e->data.mapping_start.implicit, e->start_mark);
    br_node *n = new_node(p, kind, e->start_mark);
    n->flow = kind == BR_NODE_SEQ ? e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                  : e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    if (p->depth >= BR_MAX_DEPTH) {
        br_error(p->diags, n->loc, "nesting deeper than %d levels; the report format needs at most a few",
                 BR_MAX_DEPTH);
        p->failed = true;
        return;
    }
    const yaml_char_t *name = kind == BR_NODE_SEQ ? e->data.sequence_start.anchor
                                                  : e->data.mapping_start.anchor;
    remember_anchor(p, name, n);
    p->stack[p->depth++] = (frame){.node = n};
}

static void on_end(parser *p)
{
    br_node *n = p->stack[p->depth - 1].node;
    if (n->kind == BR_NODE_MAP) {
        check_duplicates(p, n);
        apply_merge(p, n, &p->stack[p->depth - 1]);
    }
    p->depth--;
    if (n->expanded > BR_MAX_EXPANDED) {
        br_error(p->diags, n->loc,
                 "this expands to more than %d nodes through aliases; write the data out or use fewer aliases",
                 BR_MAX_EXPANDED);
        p->failed = true;
        return;
    }
    attach(p, n, n->loc);
}

static void on_alias(parser *p, const yaml_event_t *e)
{
    const char *name = (const char *)e->data.alias.anchor;
    br_node *target = find_anchor(p, name);
    if (!target) {
        br_error(p->diags, loc_of(p, e->start_mark),
                 "alias '*%s' names no anchor defined before it ('&%s')", name, name);
        p->failed = true;
        return;
    }
    attach(p, target, loc_of(p, e->start_mark));
    if (p->depth > 0 && p->stack[p->depth - 1].node->expanded > BR_MAX_EXPANDED) {
        br_error(p->diags, loc_of(p, e->start_mark),
                 "alias '*%s' expands the file beyond %d nodes; write the data out or use fewer aliases",
                 name, BR_MAX_EXPANDED);
        p->failed = true;
    }
}

static bool on_event(parser *p, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++p->documents > 1) {
            br_error(p->diags, loc_of(p, e->start_mark),
                     "a second YAML document ('---'); a file holds one document");
            return false;
        }
        return true;
    case YAML_SCALAR_EVENT:
        on_scalar(p, e);
        break;
    case YAML_SEQUENCE_START_EVENT:
        on_start(p, e, BR_NODE_SEQ);
        break;
    case YAML_MAPPING_START_EVENT:
        on_start(p, e, BR_NODE_MAP);
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        on_end(p);
        break;
    case YAML_ALIAS_EVENT:
        on_alias(p, e);
        break;
    default:
        break;
    }
    return !p->failed;
}

/* Start of line `line` (1-based) in p->text, or NULL past the end. */
static const char *line_start(const parser *p, int line)
{
    const char *s = p->text, *end = p->text + p->len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    return s;
}

/* Whether the indentation of line `line` (1-based) holds a tab. */
static bool line_indent_has_tab(const parser *p, int line)
{
    const char *s = line_start(p, line), *end = p->text + p->len;
    for (; s && s < end && (*s == ' ' || *s == '\t'); s++)
        if (*s == '\t')
            return true;
    return false;
}

static int first_tab_indented_line(const parser *p, int from, int to)
{
    for (int l = from; l <= to; l++)
        if (line_indent_has_tab(p, l))
            return l;
    return 0;
}

/* The line and column (in characters) of a byte offset. */
static br_loc loc_at_offset(const parser *p, size_t offset)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < offset && i < p->len; i++) {
        if (p->text[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)p->text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    return (br_loc){p->file, line, col};
}

/* libyaml's reader (a control character, a NUL) gives a byte offset, not
 * a mark: without this every such error was at 1:1. */
static void reader_error(parser *p, const yaml_parser_t *yp)
{
    size_t at = yp->problem_offset;
    unsigned char c = at < p->len ? (unsigned char)p->text[at] : 0;
    if (c == 0 && at < p->len)
        br_error(p->diags, loc_at_offset(p, at), "a NUL byte; this is not a text file, or it "
                 "was saved as UTF-16: save it as UTF-8");
    else if (c == 0xC2 && at + 1 < p->len)     /* C1, U+0080..U+009F */
        br_error(p->diags, loc_at_offset(p, at), "control character U+%04X; YAML text may not "
                 "hold it: delete it, or write it as an escape in double quotes",
                 (unsigned char)p->text[at + 1]);
    else
        br_error(p->diags, loc_at_offset(p, at), "control character \\x%02x; YAML text may not "
                 "hold it: delete it, or write it as an escape in double quotes", c);
}

/* Spaces before the first character of a line; -1 for a blank or comment line. */
static int line_indent(const parser *p, int line)
{
    const char *s = line_start(p, line), *end = p->text + p->len;
    if (!s)
        return -1;
    int n = 0;
    while (s + n < end && s[n] == ' ')
        n++;
    return s + n >= end || s[n] == '\n' || s[n] == '\r' || s[n] == '#' ? -1 : n;
}

/* "key: value" on line `line`, the value on the same line. */
static bool line_has_key_and_value(const parser *p, int line)
{
    const char *s = line_start(p, line), *end = p->text + p->len;
    const char *nl = s ? memchr(s, '\n', (size_t)(end - s)) : NULL;
    const char *stop = nl ? nl : end;
    for (const char *c = s; c && c + 1 < stop; c++)
        if (c[0] == ':' && c[1] == ' ')
            return true;
    return false;
}

/* "key: value" then a line indented deeper: YAML reads the deeper line as
 * more of the value's text, and its ': ' is then an error.  The cause is
 * the indentation, not missing quotes. */
static bool indented_under_a_value(const parser *p, int line)
{
    int prev = line - 1;
    while (prev > 0 && line_indent(p, prev) < 0)
        prev--;
    return prev > 0 && line_indent(p, line) > line_indent(p, prev) &&
           line_has_key_and_value(p, prev);
}

/* A quoted text that ran over lines and ended just where the syntax broke
 * was most likely meant to end on its first line: its closing quote is
 * missing there, and the quote that closed it opened the next text.  The
 * error names the opening quote, not the line where the damage showed. */
static bool quote_left_open(parser *p, br_loc err)
{
    if (!p->quoted_seen || p->quoted_end.line == p->quoted_start.line)
        return false;
    br_loc end = loc_of(p, p->quoted_end);
    if (end.line != err.line || err.col < end.col)
        return false;
    br_error(p->diags, loc_of(p, p->quoted_start),
             "YAML syntax: this quoted text is not closed on its line, so it runs on to the "
             "quote on line %d, where the file stops making sense; add the closing quote",
             end.line);
    return true;
}

/* Whether line (1-based) starts at or after the end of the text. */
static bool past_the_end(const parser *p, int line)
{
    const char *s = line_start(p, line);
    return !s || s >= p->text + p->len;
}

static void syntax_error(parser *p, const yaml_parser_t *yp)
{
    if (yp->error == YAML_READER_ERROR) {
        reader_error(p, yp);
        return;
    }
    br_loc loc = loc_of(p, yp->problem_mark);
    int tab_line = first_tab_indented_line(p, loc.line > 1 ? loc.line - 1 : 1, loc.line);
    if (tab_line) {
        br_error(p->diags, (br_loc){p->file, tab_line, 1},
                 "tab character in indentation; YAML indents with spaces only");
        return;
    }
    const char *problem = yp->problem ? yp->problem : "unknown problem";
    if (quote_left_open(p, loc))
        return;
    const char *hint = "";
    if (strstr(problem, "mapping values are not allowed") && indented_under_a_value(p, loc.line))
        hint = " (this line is indented deeper than the line above, so it is read as more of "
               "that line's text: line it up with the key above)";
    else if (strstr(problem, "mapping values are not allowed"))
        hint = " (a ': ' inside text starts a mapping: put the text in quotes)";
    else if (strstr(problem, "did not find expected key") ||
             strstr(problem, "did not find expected '-'"))
        hint = " (check the indentation: this line does not line up with the lines above)";
    else if (strstr(problem, "found unexpected end of stream")) {
        hint = " (a quote or bracket is not closed)";
        /* The end of the file is no help: point at the opening quote. */
        if (yp->context)
            loc = loc_of(p, yp->context_mark);
    } else if (yp->context && strstr(yp->context, "flow") && past_the_end(p, loc.line)) {
        /* Past the last line ("junk: [" ends the file): the last bracket
         * opened is the one left open. */
        hint = " (a bracket is not closed: close it, or quote text that starts with one)";
        size_t at = p->len;
        while (at > 0 && p->text[at - 1] != '[' && p->text[at - 1] != '{')
            at--;
        if (at > 0)
            loc = loc_at_offset(p, at - 1);
    }
    if (yp->context)
        br_error(p->diags, loc, "YAML syntax: %s %s%s", yp->context, problem, hint);
    else
        br_error(p->diags, loc, "YAML syntax: %s%s", problem, hint);
}

static void report_bad_utf8(parser *p, size_t offset)
{
    /* A PDF given for a report: "save as UTF-8" would ruin it. */
    if (p->len >= 5 && memcmp(p->text, "%PDF-", 5) == 0) {
        br_error(p->diags, (br_loc){p->file, 0, 0}, "is a PDF, not a report's YAML: give the "
                 "quarter's folder or its report.yaml ('boardreport verify' takes a PDF)");
        return;
    }
    br_error(p->diags, loc_at_offset(p, offset),
             "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
             (unsigned char)p->text[offset]);
}

br_node *br_yaml_parse(const char *file, const char *text, size_t len, br_arena *arena,
                       br_arena *tree, br_diags *diags)
{
    parser p = {.arena = arena, .tree = tree ? tree : arena, .diags = diags, .file = file,
                .text = text, .len = len};
    size_t bad = br_utf8_check(text, len);
    if (bad < len) {
        report_bad_utf8(&p, bad);
        return NULL;
    }
    yaml_parser_t yp;
    if (!yaml_parser_initialize(&yp))
        br_file_out_of_memory();
    yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&yp, &e)) {
            syntax_error(&p, &yp);
            p.failed = true;
            break;
        }
        bool go_on = on_event(&p, &e) && e.type != YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
        if (!go_on)
            break;
    }
    yaml_parser_delete(&yp);
    if (p.failed || p.refused)
        return NULL;
    if (!p.root || (p.root->kind == BR_NODE_SCALAR && p.root->plain && p.root->len == 0)) {
        br_node *empty = br_arena_alloc(p.tree, sizeof *empty);
        empty->kind = BR_NODE_MAP;
        empty->loc = (br_loc){file, 1, 1};
        empty->expanded = 1;
        return empty;
    }
    return p.root;
}

static void *too_big(br_diags *diags, br_loc at)
{
    br_error(diags, at, "file is larger than the limit of %u bytes (8 MiB)", BR_MAX_FILE_BYTES);
    return NULL;
}

/* Reads all of f into the arena: in one piece when its size is known (a
 * regular file), growing otherwise.  Returns NULL after reporting. */
static char *read_all(FILE *f, br_arena *arena, br_diags *diags, br_loc at, size_t *out_len)
{
    struct stat st;
    size_t cap = 64 * 1024, len = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > BR_MAX_FILE_BYTES)
            return too_big(diags, at);
        cap = (size_t)st.st_size + 1;   /* + 1: a file that grew shows as too long */
    }
    char *buf = br_arena_alloc(arena, cap + 1);
    for (;;) {
        if (len == cap) {
            if (cap > BR_MAX_FILE_BYTES)
                return too_big(diags, at);
            char *bigger = br_arena_alloc(arena, cap * 2 + 1);
            memcpy(bigger, buf, len);
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        br_error(diags, at, "cannot read: %s", strerror(errno));
        return NULL;
    }
    if (len > BR_MAX_FILE_BYTES)
        return too_big(diags, at);
    buf[len] = '\0';
    *out_len = len;
    return buf;
}

br_node *br_yaml_load_file(const char *path, br_arena *arena, br_arena *tree, br_diags *diags)
{
    br_loc at = {path, 0, 0};
    char err[256];
    FILE *f = br_file_open_regular(path, err, sizeof err);
    if (!f) {
        br_error(diags, at, "%s", err);
        return NULL;
    }
    size_t len = 0;
    char *buf = read_all(f, arena, diags, at, &len);
    fclose(f);
    if (!buf)
        return NULL;
    /* A UTF-8 byte-order mark, as Windows editors write one, is not text:
     * YAML allows it, and lines and columns count from after it. */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        buf += 3, len -= 3;
    br_diags_add_source(diags, path, buf, len);
    return br_yaml_parse(path, buf, len, arena, tree, diags);
}

br_node *br_map_get(const br_node *map, const char *key)
{
    if (!map || map->kind != BR_NODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->npairs; i++)
        if (strcmp(map->pairs[i].key->text, key) == 0)
            return map->pairs[i].value;
    return NULL;
}

size_t br_utf8_check(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, min = 0x10000;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        unsigned cp = c & (0x7F >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

const char *br_node_kind_name(const br_node *node)
{
    if (!node)
        return "nothing";
    switch (node->kind) {
    case BR_NODE_MAP:
        return "a mapping (key: value lines)";
    case BR_NODE_SEQ:
        return "a list";
    default:
        return "a single value";
    }
}
