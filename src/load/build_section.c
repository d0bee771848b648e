/* build_section.c — sections: what the paper shows, in order.
 *
 * Each section type has its own table of keys (its registry entry,
 * br_section.h), so a key that belongs to another type is reported as
 * unknown for this one.  The readers of keys several types share are here.
 */
#include "build_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "br_limits.h"
#include "br_period.h"
#include "br_section.h"

static const char *const *const column_names = br_vocab_measure_column_yaml;

/* A summary's columns: the first column, a status each (br_status order,
 * as `status:` writes them), the total. */
const char *const br_summary_column_names[] = {"red", "amber", "green", "no-data", "no-target",
                                               "group", "total", NULL};

static bool read_column_name(builder *b, const br_node *v, br_column *c)
{
    const char *t = br_build_read_text(b, v, "a column");
    if (!t)
        return false;
    if (strncmp(t, "comparator:", 11) == 0) {
        c->kind = BR_COL_COMPARATOR;
        c->name = t + 11;
        while (*c->name == ' ')
            c->name++;
        if (!*c->name)
            br_error(b->d, v->loc, "'comparator:' needs the comparator's name, e.g. "
                                   "comparator:Similar Authorities");
        return *c->name != 0;
    }
    if (strncmp(t, "target:", 7) == 0) {
        const char *id = t + 7;
        while (*id == ' ')
            id++;
        c->kind = BR_COL_TARGET;
        c->has_target_period = br_period_parse(id, &c->target_period);
        c->target_period.id = id;
        if (!c->has_target_period)
            br_error(b->d, v->loc, "'target:' needs a period, e.g. target:2012/13 Q1 or "
                                   "target:2012/13; '%s' is not one", id);
        return c->has_target_period;
    }
    size_t p = br_report_period_index(b->r, t);
    if (p != BR_NONE) {
        c->kind = BR_COL_PERIOD;
        c->period = p;
        return true;
    }
    for (int k = 0; column_names[k]; k++) {
        if (column_names[k][0] && strcmp(t, column_names[k]) == 0) {
            c->kind = (br_column_kind)k;
            return true;
        }
    }
    const char *s = br_suggest(t, column_names, BR_COL_COUNT);
    if (s) {
        br_error(b->d, v->loc, "unknown column '%s'; did you mean '%s'?", t, s);
        return false;
    }
    /* Every column the vocabulary names, a period and a comparator in their places. */
    const char *list = "";
    for (size_t k = 0; k < BR_COL_COUNT; k++) {
        const char *name = k == BR_COL_PERIOD ? "a period in periods:"
                         : k == BR_COL_COMPARATOR ? "comparator:<name>"
                         : k == BR_COL_TARGET ? "target, target:<period>" : column_names[k];
        list = br_arena_printf(b->a, "%s%s%s", list, !k ? "" : k + 1 < BR_COL_COUNT ? ", " : " or ",
                               name);
    }
    br_error(b->d, v->loc, "unknown column '%s'; use %s", t, list);
    return false;
}

/* Which table a columns: list is for: each takes its own names and keys. */
typedef enum column_table { COLS_MEASURE, COLS_MILESTONE, COLS_PROFILE, COLS_SUMMARY } column_table;

/* The keys a column mapping may take, and which table takes which:
 * measure columns the first five and with_direction, milestone columns
 * all but with_status and with_direction, summary columns the first
 * three, profile columns the first two and rag. */
enum { CK_COLUMN = 1, CK_HEADING = 2, CK_BANNER = 4, CK_WITH_STATUS = 8, CK_WITH_REF = 16,
       CK_RAG = 32, CK_WITH_DIRECTION = 64 };
static const char *const column_keys[] = {"column", "heading", "banner", "with_status", "with_ref",
                                          "rag", "with_direction"};
enum { NCOLUMN_KEYS = sizeof column_keys / sizeof *column_keys };
static const unsigned column_key_mask[] = {
    [COLS_MEASURE] = CK_COLUMN | CK_HEADING | CK_BANNER | CK_WITH_STATUS | CK_WITH_REF |
                     CK_WITH_DIRECTION,
    [COLS_MILESTONE] = CK_COLUMN | CK_HEADING | CK_BANNER | CK_WITH_REF,
    [COLS_PROFILE] = CK_COLUMN | CK_HEADING | CK_RAG,
    [COLS_SUMMARY] = CK_COLUMN | CK_HEADING | CK_BANNER,
};

static void column_key_error(builder *b, const br_node *key, column_table table)
{
    const char *allowed[NCOLUMN_KEYS + 1] = {0}, *list = "";
    size_t n = 0;
    for (size_t i = 0; i < NCOLUMN_KEYS; i++)
        if (column_key_mask[table] & (1u << i))
            allowed[n++] = column_keys[i];
    for (size_t i = 0; i < n; i++)
        list = br_arena_printf(b->a, "%s%s%s", list, !i ? "" : i + 1 < n ? ", " : " and ", allowed[i]);
    const char *s = br_suggest(key->text, allowed, n);
    if (s)
        br_error(b->d, key->loc, "unknown key '%s' in a column; did you mean '%s'?", key->text, s);
    else
        br_error(b->d, key->loc, "unknown key '%s' in a column; use %s", key->text, list);
}

/* Which of column_keys k is (a CK_ bit), 0 when this table does not take it. */
static unsigned column_key(const char *k, column_table table)
{
    for (size_t i = 0; i < NCOLUMN_KEYS; i++)
        if (strcmp(column_keys[i], k) == 0)
            return column_key_mask[table] & (1u << i);
    return 0;
}

/* with_direction: prints a target as the bound it is ("≥60%"); it means
 * nothing on another column. */
static bool check_with_direction(builder *b, const br_column *c)
{
    if (!c->with_direction || c->kind == BR_COL_TARGET)
        return true;
    br_error(b->d, c->with_direction_loc, "with_direction: prints a target as a bound (≥60%%, "
             "≤10%%), so it belongs on a target column ({column: target, with_direction: true})");
    return false;
}

/* with_ref: numbers the title cell ("1. Pupils achieving…"); it means
 * nothing on another column. */
static bool check_with_ref(builder *b, const br_column *c, column_table table)
{
    bool title = table == COLS_MEASURE ? c->kind == BR_COL_TITLE
                                       : (int)c->kind == BR_MSCOL_TITLE;
    if (!c->with_ref || title)
        return true;
    br_error(b->d, c->with_ref_loc, "with_ref: prints the ref before the title, so it belongs on "
             "the title column ({column: title, with_ref: true}); use a ref column for a "
             "separate number");
    return false;
}

bool br_build_read_rag_list(builder *b, const br_node *v, br_status out[3], size_t *n, bool all,
                            const char *what)
{
    *n = 0;
    if (!br_build_want_seq(b, v, what))
        return false;
    bool seen[3] = {false, false, false};
    for (size_t i = 0; i < v->nitems; i++) {
        int e = br_build_read_enum(b, v->items[i], br_build_rag_names, what);
        if (e < 0)
            return false;
        if (seen[e]) {
            br_error(b->d, v->items[i]->loc, "%s names '%s' twice; write each of red, amber and "
                     "green at most once, e.g. [green, amber, red]", what, br_build_rag_names[e]);
            return false;
        }
        seen[e] = true;
        out[(*n)++] = (br_status)e;
    }
    if (all ? *n != 3 : *n == 0) {
        br_error(b->d, v->loc, all ? "%s lists %zu of red, amber and green; write all three, "
                                     "e.g. [green, amber, red]"
                                   : "%s lists %zu of red, amber and green; write the cells the "
                                     "column prints, e.g. [red, amber]", what, *n);
        return false;
    }
    return true;
}

/* rag: on a profile column: only a column of RAG cells has them. */
static bool check_rag(builder *b, const br_column *c, column_table table)
{
    if (table != COLS_PROFILE || !c->nrag || (int)c->kind == BR_PROFILE_MEASURES ||
        (int)c->kind == BR_PROFILE_MILESTONES || (int)c->kind == BR_PROFILE_RISKS)
        return true;
    br_error(b->d, c->rag_loc, "rag: chooses the RAG cells of a measures, milestones or risks "
             "column; the '%s' column has none", br_vocab_profile_column_yaml[c->kind]);
    return false;
}

/* banner: one line of header over the column, or a list of them, the
 * outermost first ([Targets, "Performance Against:"]). */
static void read_banners(builder *b, const br_node *v, br_column *c)
{
    if (v->kind != BR_NODE_SEQ) {
        const char *t = br_build_read_text(b, v, "'banner' of a column");
        if (t)
            c->banner[c->nbanners++] = t;
        return;
    }
    if (v->nitems == 0 || v->nitems > BR_MAX_BANNERS) {
        br_error(b->d, v->loc, "'banner' of a column lists %zu banners; give 1 to %d, the "
                 "outermost first ([Targets, \"Performance Against:\"])", v->nitems, BR_MAX_BANNERS);
        return;
    }
    for (size_t i = 0; i < v->nitems; i++) {
        const char *t = br_build_read_text(b, v->items[i], "a banner of a column");
        if (t)
            c->banner[c->nbanners++] = t;
    }
}

/* One entry of columns: "target" or {column: target, heading: "19/20 Target"}. */
static bool read_column(builder *b, const br_node *v, br_column *c, column_table table)
{
    c->loc = v->loc;
    const br_node *name = v;
    if (v->kind == BR_NODE_MAP) {
        for (size_t i = 0; i < v->npairs; i++) {
            const char *k = v->pairs[i].key->text;
            unsigned key = column_key(k, table);
            if (key == CK_COLUMN)
                name = v->pairs[i].value;
            else if (key == CK_HEADING) {
                /* a measure column's heading fills {date}; no other does */
                static const char *const date[] = {"date", NULL};
                c->heading = br_build_read_text(b, v->pairs[i].value, "'heading' of a column");
                static const char *const where[] = {
                    [COLS_MEASURE] = "a measure column's heading",
                    [COLS_MILESTONE] = "a milestone column's heading",
                    [COLS_PROFILE] = "a profile column's heading",
                    [COLS_SUMMARY] = "a summary column's heading"};
                br_build_check_placeholders(b, v->pairs[i].value, c->heading,
                                            table == COLS_MEASURE ? date : NULL, where[table]);
            }
            else if (key == CK_BANNER)
                read_banners(b, v->pairs[i].value, c);
            else if (key == CK_WITH_STATUS)
                br_build_read_bool(b, v->pairs[i].value, "'with_status' of a column",
                                   &c->with_status);
            else if (key == CK_WITH_DIRECTION) {
                br_build_read_bool(b, v->pairs[i].value, "'with_direction' of a column",
                                   &c->with_direction);
                c->with_direction_loc = v->pairs[i].key->loc;
            } else if (key == CK_WITH_REF) {
                br_build_read_bool(b, v->pairs[i].value, "'with_ref' of a column", &c->with_ref);
                c->with_ref_loc = v->pairs[i].key->loc;
            } else if (key == CK_RAG) {
                c->rag_loc = v->pairs[i].key->loc;
                br_build_read_rag_list(b, v->pairs[i].value, c->rag, &c->nrag, false,
                                       "'rag' of a profile column");
            } else
                column_key_error(b, v->pairs[i].key, table);
        }
        if (name == v) {
            br_error(b->d, v->loc, "a column written as a mapping needs 'column:'");
            return false;
        }
    }
    if (table == COLS_MEASURE)
        return read_column_name(b, name, c) && check_with_ref(b, c, table) &&
               check_with_direction(b, c);
    int e = table == COLS_MILESTONE
                ? br_build_read_enum(b, name, br_vocab_milestone_column_yaml, "a milestone column")
                : table == COLS_PROFILE
                ? br_build_read_enum(b, name, br_vocab_profile_column_yaml, "a profile column")
                : br_build_read_enum(b, name, br_summary_column_names, "a summary column");
    c->kind = (br_column_kind)(e < 0 ? 0 : e);
    return e >= 0 && (table != COLS_MILESTONE || check_with_ref(b, c, table)) &&
           check_rag(b, c, table);
}

static void read_column_list(builder *b, const br_node *v, br_column **cols, size_t *n,
                             column_table table)
{
    if (!br_build_want_seq(b, v, "'columns'"))
        return;
    *cols = br_arena_calloc(b->a, v->nitems, sizeof **cols);
    for (size_t i = 0; i < v->nitems; i++) {
        if (*n == BR_MAX_COLUMNS) {
            br_error(b->d, v->items[i]->loc, "more than %d columns; a table has at most %d",
                     BR_MAX_COLUMNS, BR_MAX_COLUMNS);
            break;
        }
        if (read_column(b, v->items[i], &(*cols)[*n], table))
            (*n)++;
    }
}

bool br_build_section_columns(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    column_table table = s->type == BR_SEC_MILESTONE_TABLE ? COLS_MILESTONE
                       : s->type == BR_SEC_PROFILE ? COLS_PROFILE
                       : s->type == BR_SEC_SUMMARY ? COLS_SUMMARY : COLS_MEASURE;
    read_column_list(b, v, &s->columns, &s->ncolumns, table);
    return true;
}

bool br_build_section_milestone_columns(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    read_column_list(b, v, &s->milestone_columns, &s->nmilestone_columns, COLS_MILESTONE);
    return true;
}

static int id_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A sorted copy of the ids, for br_selection_has_measure's binary search. */
static void sort_ids(builder *b, br_selection *sel)
{
    if (sel->nids < 2)
        return;
    const char **sorted = br_arena_calloc(b->a, sel->nids, sizeof *sorted);
    memcpy(sorted, sel->ids, sel->nids * sizeof *sorted);
    qsort(sorted, sel->nids, sizeof *sorted, id_order);
    sel->sorted_ids = sorted;
}

/* A selection key: one value, or a list of them (`kind: [contractual,
 * strategic]`). */
static bool read_names(builder *b, const br_node *v, br_names *out, const char *what)
{
    size_t n = v->kind == BR_NODE_SEQ ? v->nitems : 1;
    out->items = br_arena_calloc(b->a, n ? n : 1, sizeof *out->items);
    out->locs = br_arena_calloc(b->a, n ? n : 1, sizeof *out->locs);
    if (v->kind != BR_NODE_SEQ) {
        if ((out->items[0] = br_build_read_text(b, v, what)))
            out->locs[out->n++] = v->loc;
        return out->n > 0;
    }
    if (v->nitems == 0)
        br_error(b->d, v->loc, "%s is an empty list; leave the key out to select every one", what);
    for (size_t i = 0; i < v->nitems; i++) {
        const char *name = br_build_read_text(b, v->items[i], what);
        if (!name)
            continue;
        out->locs[out->n] = v->items[i]->loc;
        out->items[out->n++] = name;
    }
    return out->n > 0;
}

bool br_build_section_objective(builder *b, const br_node *v, void *obj)
{
    return read_names(b, v, &((br_section *)obj)->select.objective, "'objective'");
}

bool br_build_section_group(builder *b, const br_node *v, void *obj)
{
    return read_names(b, v, &((br_section *)obj)->select.group, "'group'");
}

bool br_build_section_kind(builder *b, const br_node *v, void *obj)
{
    return read_names(b, v, &((br_section *)obj)->select.kind, "'kind'");
}

bool br_build_section_ids(builder *b, const br_node *v, void *obj)
{
    br_selection *sel = &((br_section *)obj)->select;
    if (v->kind == BR_NODE_SCALAR) {
        sel->ids = br_arena_alloc(b->a, sizeof *sel->ids);
        sel->id_locs = br_arena_alloc(b->a, sizeof *sel->id_locs);
        if ((sel->ids[0] = br_build_read_text(b, v, "'ids'")))
            sel->id_locs[sel->nids++] = v->loc;
        return true;
    }
    if (!br_build_want_seq(b, v, "'ids'"))
        return false;
    sel->ids = br_arena_calloc(b->a, v->nitems, sizeof *sel->ids);
    sel->id_locs = br_arena_calloc(b->a, v->nitems, sizeof *sel->id_locs);
    for (size_t i = 0; i < v->nitems; i++) {
        const char *id = br_build_read_text(b, v->items[i], "an id in 'ids'");
        if (!id)
            continue;
        sel->id_locs[sel->nids] = v->items[i]->loc;
        sel->ids[sel->nids++] = id;
    }
    sort_ids(b, sel);
    return true;
}

bool br_build_section_group_by(builder *b, const br_node *v, void *obj)
{
    int e = br_build_read_enum(b, v, br_vocab_summary_column_yaml, "'group_by'");
    if (e >= 0)
        ((br_section *)obj)->group_by = br_vocab_summary_column_yaml[e];
    return e >= 0;
}

/* `type` was read before the table was chosen. */
bool br_build_section_type(builder *b, const br_node *v, void *obj)
{
    (void)b, (void)v, (void)obj;
    return true;
}

/* "front_sheet, heading, …, profile": every type, for a message. */
static const char *type_list(builder *b)
{
    const char *list = "";
    for (size_t t = 0; t < BR_SEC_COUNT; t++)
        list = br_arena_printf(b->a, "%s%s%s", list, t ? ", " : "", br_vocab_section_yaml[t]);
    return list;
}

/* The type's keys come from its registry entry (br_section.h). */
void br_build_section(builder *b, const br_node *n, br_section *s)
{
    s->loc = n->loc;
    s->numbered = true;
    s->level = 1;
    if (!br_build_want_map(b, n, "a section"))
        return;
    const br_node *type = br_map_get(n, "type");
    if (!type) {
        br_error(b->d, n->loc, "a section has no 'type'; use one of: %s", type_list(b));
        return;
    }
    int t = br_build_read_enum(b, type, br_vocab_section_yaml, "section type");
    if (t < 0)
        return;
    s->type = (br_section_type)t;
    const br_section_def *def = br_sections[t];
    char what[64];
    snprintf(what, sizeof what, "%s %s section", strchr("aeiou", def->name[0]) ? "an" : "a",
             def->name);
    br_build_fields(b, n, def->fields, def->nfields, s, what);
    if (def->build)
        def->build(b, n, s);
}
