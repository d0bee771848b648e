/* build_section.c — sections: what the paper shows, in order.
 *
 * Each section type has its own table of keys, so a key that belongs to
 * another type is reported as unknown for this one.
 */
#include "build_int.h"

#include <stddef.h>
#include <string.h>

#include "br_limits.h"

static const char *const orientation_names[] = {"", "portrait", "landscape", NULL};
static const char *const chart_names[] = {"bullet", "bar", "line", NULL};
static const char *const group_by_names[] = {"group", "kind", "objective", NULL};
static const char *const ms_column_names[] = {"id", "title", "due", "lead", "partners", "progress",
                                              "corrective_action", "status", NULL};
static const char *const column_names[] = {"title", "value", "", "target", "tolerance",
                                           "polarity", "frequency", "benchmark", "",
                                           "status", "trend", "change:previous", "change:year",
                                           "sparkline", "comment", NULL};

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
    if (s)
        br_error(b->d, v->loc, "unknown column '%s'; did you mean '%s'?", t, s);
    else
        br_error(b->d, v->loc, "unknown column '%s'; use title, value, a period in periods:, "
                               "target, tolerance, polarity, frequency, benchmark, comparator:<name>, "
                               "status, trend, change:previous, change:year, sparkline or comment", t);
    return false;
}

/* One entry of columns: "target" or {column: target, heading: "19/20 Target"}. */
static bool read_column(builder *b, const br_node *v, br_column *c, bool milestone)
{
    c->loc = v->loc;
    const br_node *name = v;
    if (v->kind == BR_NODE_MAP) {
        for (size_t i = 0; i < v->npairs; i++) {
            const char *k = v->pairs[i].key->text;
            if (strcmp(k, "column") == 0)
                name = v->pairs[i].value;
            else if (strcmp(k, "heading") == 0)
                c->heading = br_build_read_text(b, v->pairs[i].value, "'heading' of a column");
            else
                br_error(b->d, v->pairs[i].key->loc, "unknown key '%s' in a column; use column "
                                                     "and heading", k);
        }
        if (name == v) {
            br_error(b->d, v->loc, "a column written as a mapping needs 'column:'");
            return false;
        }
    }
    if (!milestone)
        return read_column_name(b, name, c);
    int e = br_build_read_enum(b, name, ms_column_names, "a milestone column");
    c->kind = (br_column_kind)(e < 0 ? 0 : e);
    return e >= 0;
}

static void read_column_list(builder *b, const br_node *v, br_column **cols, size_t *n,
                             bool milestone)
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
        if (read_column(b, v->items[i], &(*cols)[*n], milestone))
            (*n)++;
    }
}

static bool read_columns(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    read_column_list(b, v, &s->columns, &s->ncolumns, s->type == BR_SEC_MILESTONE_TABLE);
    return true;
}

static bool read_ms_columns(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    read_column_list(b, v, &s->milestone_columns, &s->nmilestone_columns, true);
    return true;
}

static bool read_ids(builder *b, const br_node *v, void *obj)
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
    return true;
}

static bool read_facts(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    if (!br_build_want_seq(b, v, "'facts'"))
        return false;
    s->facts = br_arena_calloc(b->a, v->nitems, sizeof *s->facts);
    for (size_t i = 0; i < v->nitems; i++) {
        const br_node *item = v->items[i];
        if (!br_build_want_map(b, item, "a fact"))
            continue;
        br_fact *f = &s->facts[s->nfacts++];
        f->loc = item->loc;
        static const field fact_fields[] = {
            FIELD("label", F_TEXT, true, br_fact, label),
            FIELD("value", F_TEXT, true, br_fact, value),
        };
        br_build_fields(b, item, fact_fields, 2, f, "a fact");
    }
    return true;
}

static bool read_group_by(builder *b, const br_node *v, void *obj)
{
    int e = br_build_read_enum(b, v, group_by_names, "'group_by'");
    if (e >= 0)
        ((br_section *)obj)->group_by = group_by_names[e];
    return e >= 0;
}

/* Measures are built before sections, so the id is checked here, where its
 * line is known. */
static bool read_chart_measure(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->measure_id = br_build_read_text(b, v, "'measure'");
    if (s->measure_id && !br_report_measure(b->r, s->measure_id))
        br_error(b->d, v->loc, "chart: no measure has the id '%s'", s->measure_id);
    return s->measure_id != NULL;
}

static bool read_per_row(builder *b, const br_node *v, void *obj)
{
    double d;
    int dec;
    if (!br_build_read_number(b, v, "'per_row'", &d, &dec))
        return false;
    if (dec || d < 1 || d > 8) {
        br_error(b->d, v->loc, "'per_row' must be a whole number from 1 to 8 (charts to a row)");
        return false;
    }
    ((br_section *)obj)->per_row = (int)d;
    return true;
}

/* An appendix is named by its title; the template numbers it. */
static bool read_appendix(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->appendix = br_build_read_text(b, v, "'appendix'");
    s->appendix_loc = v->loc;
    if (s->appendix && !*s->appendix) {
        br_error(b->d, v->loc, "'appendix' needs the appendix's title, e.g. appendix: Finance");
        s->appendix = NULL;
    }
    return s->appendix != NULL;
}

static bool read_finance_ref(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    s->finance_id = br_build_read_text(b, v, "'finance'");
    s->finance_loc = v->loc;
    return s->finance_id != NULL;
}

static bool read_level(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    double d;
    int dec;
    if (!br_build_read_number(b, v, "'level'", &d, &dec))
        return false;
    if (dec || d < 1 || d > 3) {
        br_error(b->d, v->loc, "'level' must be 1, 2 or 3");
        return false;
    }
    s->level = (int)d;
    return true;
}

static bool read_widths(builder *b, const br_node *v, void *obj)
{
    br_section *s = obj;
    if (!br_build_want_seq(b, v, "'widths'"))
        return false;
    s->widths = br_arena_calloc(b->a, v->nitems, sizeof *s->widths);
    for (size_t i = 0; i < v->nitems; i++) {
        double w;
        if (!br_build_read_number(b, v->items[i], "a width in mm", &w, NULL))
            continue;
        if (w <= 0 || w > 1000)
            br_error(b->d, v->items[i]->loc, "a column width must be between 0 and 1000 mm");
        s->widths[s->nwidths++] = w;
    }
    return true;
}

bool br_build_table_rows(builder *b, const br_node *v, void *obj);
bool br_build_table_header(builder *b, const br_node *v, void *obj);

/* `type` was read before the table was chosen. */
static bool type_read(builder *b, const br_node *v, void *obj)
{
    (void)b, (void)v, (void)obj;
    return true;
}

#define SEL_FIELDS                                                   \
    FIELD("objective", F_TEXT, false, br_section, select.objective), \
    FIELD("group", F_TEXT, false, br_section, select.group),         \
    FIELD("kind", F_TEXT, false, br_section, select.kind),           \
    CUSTOM("ids", false, read_ids)

#define COMMON(title_required)                      \
    CUSTOM("type", true, type_read),       \
    FIELD("id", F_KEY, false, br_section, id),      \
    FIELD("title", F_TEXT, title_required, br_section, title)

static const field front_fields[] = {
    COMMON(false), FIELD("subtitle", F_TEXT, false, br_section, subtitle),
    FIELD("addressee", F_TEXT, false, br_section, addressee), CUSTOM("facts", false, read_facts),
};
static const field heading_fields[] = {
    COMMON(true), CUSTOM("level", false, read_level),
    ENUMH("rag", false, br_section, rag, br_build_rag_names, has_rag),
};
static const field paragraphs_fields[] = {
    COMMON(false), {"text", F_TEXTLIST, true, offsetof(br_section, text), NULL,
                    offsetof(br_section, ntext), NULL},
    FIELD("numbered", F_BOOL, false, br_section, numbered),
};
static const field objective_fields[] = {
    CUSTOM("type", true, type_read), FIELD("id", F_KEY, true, br_section, id),
    FIELD("title", F_TEXT, true, br_section, title), CUSTOM("columns", false, read_columns),
    CUSTOM("milestone_columns", false, read_ms_columns),
    CUSTOM("group_by", false, read_group_by),
};
static const field measure_table_fields[] = {
    COMMON(false), SEL_FIELDS, CUSTOM("columns", false, read_columns),
    CUSTOM("group_by", false, read_group_by),
};
static const field milestone_table_fields[] = {
    COMMON(false), SEL_FIELDS, CUSTOM("columns", false, read_columns),
};
static const field finance_table_fields[] = {
    COMMON(false), CUSTOM("finance", true, read_finance_ref),
};
static const field summary_fields[] = {
    COMMON(false), SEL_FIELDS, CUSTOM("group_by", false, read_group_by),
};
static const field commentary_fields[] = {COMMON(false), SEL_FIELDS};
static const field table_fields[] = {
    COMMON(false), CUSTOM("header", false, br_build_table_header),
    CUSTOM("rows", true, br_build_table_rows), CUSTOM("widths", false, read_widths),
};
/* A chart's `kind` is bullet, bar or line (spec §6), so it selects
 * measures by objective, group or ids only. */
static const field chart_fields[] = {
    COMMON(false), FIELD("objective", F_TEXT, false, br_section, select.objective),
    FIELD("group", F_TEXT, false, br_section, select.group), CUSTOM("ids", false, read_ids),
    ENUMF("kind", true, br_section, chart, chart_names),
    CUSTOM("measure", false, read_chart_measure),
    CUSTOM("group_by", false, read_group_by), CUSTOM("per_row", false, read_per_row),
};
static const field page_break_fields[] = {
    COMMON(false), ENUMF("orientation", false, br_section, orientation, orientation_names),
    CUSTOM("appendix", false, read_appendix),
};

static const field profile_fields[] = {COMMON(false)};

typedef struct section_schema {
    const field *fields;
    size_t n;
} section_schema;

#define SCHEMA(t) {t, sizeof t / sizeof *t}
static const section_schema schemas[BR_SEC_COUNT] = {
    SCHEMA(front_fields), SCHEMA(heading_fields), SCHEMA(paragraphs_fields),
    SCHEMA(objective_fields), SCHEMA(measure_table_fields), SCHEMA(milestone_table_fields),
    SCHEMA(finance_table_fields), SCHEMA(summary_fields), SCHEMA(commentary_fields),
    SCHEMA(table_fields), SCHEMA(chart_fields), SCHEMA(page_break_fields),
    SCHEMA(profile_fields),
};

/* Each paragraph's own place, so that a message about its text points there. */
static void note_text_locations(builder *b, const br_node *text, br_section *s)
{
    s->text_locs = br_arena_calloc(b->a, s->ntext + 1, sizeof *s->text_locs);
    size_t k = 0;
    if (text && text->kind == BR_NODE_SEQ) {
        for (size_t i = 0; i < text->nitems && k < s->ntext; i++)
            if (text->items[i]->kind == BR_NODE_SCALAR && !br_build_node_is_null(text->items[i]))
                s->text_locs[k++] = text->items[i]->loc;
    } else if (text && s->ntext) {
        s->text_locs[k++] = text->loc;
    }
    for (; k < s->ntext; k++)
        s->text_locs[k] = s->loc;
}

void br_build_section(builder *b, const br_node *n, br_section *s)
{
    s->loc = n->loc;
    s->numbered = true;
    s->level = 1;
    if (!br_build_want_map(b, n, "a section"))
        return;
    const br_node *type = br_map_get(n, "type");
    if (!type) {
        br_error(b->d, n->loc, "a section has no 'type'; use one of: front_sheet, heading, "
                               "paragraphs, objective, measure_table, milestone_table, "
                               "finance_table, summary, commentary, table, chart, page_break, profile");
        return;
    }
    int t = br_build_read_enum(b, type, br_vocab_section_yaml, "section type");
    if (t < 0)
        return;
    s->type = (br_section_type)t;
    char what[64];
    snprintf(what, sizeof what, "a %s section", br_vocab_section_yaml[t]);
    br_build_fields(b, n, schemas[t].fields, schemas[t].n, s, what);
    if (s->type == BR_SEC_PARAGRAPHS)
        note_text_locations(b, br_map_get(n, "text"), s);
}
