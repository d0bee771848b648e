/* template.c — finding and reading templates/<name>.yaml.
 *
 * A template file sets only what differs from br_template_default; each
 * key is read with the same field tables as the report, so a misspelt
 * template key is an error with a suggestion too.
 */
#include "br_template.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "br_data.h"
#include "br_yaml.h"
#include "build_int.h"


static void headings_from(const char **dst, const br_word *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = words[i].heading;
}

void br_template_default(br_template *t)
{
    memset(t, 0, sizeof *t);
    t->name = "default";
    br_style_default(&t->style);
    t->font_files[BR_FACE_REGULAR] = "LiberationSans-Regular.ttf";
    t->font_files[BR_FACE_BOLD] = "LiberationSans-Bold.ttf";
    t->font_files[BR_FACE_ITALIC] = "LiberationSans-Italic.ttf";
    t->font_files[BR_FACE_BOLD_ITALIC] = "LiberationSans-BoldItalic.ttf";
    /* Excel's RAG colours, which the real papers use; text colours chosen for
     * a contrast of at least 4.5:1 (tests/unit/test_template.c checks).  The
     * words are the vocabulary's (br_vocab.def). */
    static const struct { const char *letter; uint32_t fill, text; } status[BR_STATUS_COUNT] = {
        [BR_STATUS_GREEN] = {"G", 0x00B050, 0x000000}, [BR_STATUS_AMBER] = {"A", 0xFFC000, 0x000000},
        [BR_STATUS_RED] = {"R", 0xC00000, 0xFFFFFF}, [BR_STATUS_NO_DATA] = {"–", 0xD9D9D9, 0x000000},
        [BR_STATUS_NO_TARGET] = {"–", 0xD9D9D9, 0x000000}};
    for (int i = 0; i < BR_STATUS_COUNT; i++)
        t->status[i] = (br_rag_style){br_vocab_status[i].heading, status[i].letter, status[i].fill,
                                      status[i].text};
    static const struct { const char *letter; uint32_t fill, text; } milestone[BR_MS_COUNT] = {
        [BR_MS_COMPLETE] = {"C", 0x0070C0, 0xFFFFFF}, [BR_MS_ON_TRACK] = {"G", 0x00B050, 0x000000},
        [BR_MS_AT_RISK] = {"A", 0xFFC000, 0x000000}, [BR_MS_MISSED] = {"R", 0xC00000, 0xFFFFFF},
        [BR_MS_NOT_STARTED] = {"–", 0xD9D9D9, 0x000000},
        [BR_MS_NOT_REPORTED] = {"–", 0xD9D9D9, 0x000000}};
    for (int i = 0; i < BR_MS_COUNT; i++)
        t->milestone[i] = (br_rag_style){br_vocab_ms_status[i].heading, milestone[i].letter,
                                         milestone[i].fill, milestone[i].text};
    t->overdue = (br_rag_style){"Overdue", "R", 0xC00000, 0xFFFFFF};
    t->trend_display = BR_TREND_WORDS;
    t->trend_band_points = 1.0;
    t->trend_band_percent = 2.0;
    headings_from(t->trend_words, br_vocab_trend, BR_TREND_COUNT);
    headings_from(t->polarity_words, br_vocab_polarity, BR_POLARITY_COUNT);
    headings_from(t->frequency_words, br_vocab_frequency, BR_FREQ_COUNT);
    headings_from(t->measure_headings, br_vocab_measure_column, BR_COL_COUNT);
    headings_from(t->milestone_headings, br_vocab_milestone_column, BR_MSCOL_COUNT);
    headings_from(t->finance_headings, br_vocab_finance_column, BR_FIN_NCOLS);
    headings_from(t->split_headings, br_vocab_finance_split, BR_FIN_NSPLITS);
    headings_from(t->profile_headings, br_vocab_profile_column, BR_PROFILE_COUNT);
    headings_from(t->summary_headings, br_vocab_summary_column, BR_SUMMARY_COUNT);
    t->yes_word = "Yes";
    t->no_word = "No";
    t->appendix_label = "Appendix {number} — {title}";
    t->numbers = (br_numfmt){true, BR_NEG_MINUS};
    t->finance_numbers = (br_numfmt){true, BR_NEG_MINUS};
    t->variance_amber_percent = 1.0;
    t->variance_red_percent = 5.0;
    t->rounding_note = "Figures may not sum because of rounding";
    t->finance_status_heading = "Status";
}

/* ---- reading ---- */

static bool parse_color(const char *s, uint32_t *out)
{
    if (s[0] != '#' || strlen(s) != 7)
        return false;
    uint32_t v = 0;
    for (int i = 1; i < 7; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

static bool read_color(builder *b, const br_node *v, uint32_t *out)
{
    if (v->kind == BR_NODE_SCALAR && parse_color(v->text, out))
        return true;
    if (v->kind == BR_NODE_SCALAR && !br_build_node_is_null(v))
        br_error(b->d, v->loc, "'%s' is not a colour; write it \"#RRGGBB\" (in quotes, six hex "
                 "digits), e.g. \"#00B050\"", v->text);
    else
        br_error(b->d, v->loc, "a colour must be written \"#RRGGBB\" (in quotes), e.g. \"#00B050\"");
    return false;
}

static bool read_size(builder *b, const br_node *v, double *out, double lo, double hi)
{
    double d;
    if (!br_build_read_number(b, v, "a size", &d, NULL))
        return false;
    if (d < lo || d > hi) {
        br_error(b->d, v->loc, "%g is out of range; use %g to %g", d, lo, hi);
        return false;
    }
    *out = d;
    return true;
}

/* Reads a mapping whose every key is handled by `one`; unknown keys get a
 * suggestion from names. */
typedef bool (*entry_fn)(builder *b, const char *key, const br_node *v, void *obj);

static void read_map(builder *b, const br_node *n, const char *const *names, size_t nnames,
                     entry_fn one, void *obj, const char *what)
{
    if (!br_build_want_map(b, n, what))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const br_node *key = n->pairs[i].key;
        if (one(b, key->text, n->pairs[i].value, obj))
            continue;
        const char *s = br_suggest(key->text, names, nnames);
        if (s)
            br_error(b->d, key->loc, "unknown key '%s' in %s; did you mean '%s'?", key->text, what, s);
        else
            br_error(b->d, key->loc, "unknown key '%s' in %s", key->text, what);
    }
}

#define NAMES(...) (const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)

/* A face as a template names it, in br_face's order. */
#define FACES ((const char *const[]){"regular", "bold", "italic", "bold_italic", NULL})

static bool text_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_text_style *ts = obj;
    if (strcmp(key, "size") == 0)
        read_size(b, v, &ts->size, 4, 72);
    else if (strcmp(key, "leading") == 0)
        read_size(b, v, &ts->leading, 4, 100);
    else if (strcmp(key, "color") == 0)
        read_color(b, v, &ts->color);
    else if (strcmp(key, "face") == 0) {
        int e = br_build_read_enum(b, v, FACES, "'face'");
        if (e >= 0)
            ts->face = (br_face)e;
    } else
        return false;
    return true;
}

static bool rag_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_rag_style *rs = obj;
    if (strcmp(key, "label") == 0)
        rs->label = br_build_read_text(b, v, "'label'");
    else if (strcmp(key, "letter") == 0)
        rs->letter = br_build_read_text(b, v, "'letter'");
    else if (strcmp(key, "fill") == 0)
        read_color(b, v, &rs->fill);
    else if (strcmp(key, "text") == 0)
        read_color(b, v, &rs->text);
    else
        return false;
    return true;
}

static void read_rag(builder *b, const br_node *v, br_rag_style *rs, const char *what)
{
    read_map(b, v, NAMES("label", "letter", "fill", "text"), rag_entry, rs, what);
    if (rs->label && br_contrast_ratio(rs->fill, rs->text) < 4.5)
        br_error(b->d, v->loc, "%s: text on its fill has a contrast of %.1f:1; it must be at least "
                 "4.5:1 (WCAG 2.1) — use black or white text, or another fill", what,
                 br_contrast_ratio(rs->fill, rs->text));
}

typedef struct tctx {
    br_template *t;
    const char *file_dir;
} tctx;

static bool status_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = ((tctx *)obj)->t;
    for (int i = 0; i < BR_STATUS_COUNT; i++)
        if (strcmp(key, br_vocab_status[i].key) == 0)
            return read_rag(b, v, &t->status[i], br_arena_printf(b->a, "status '%s'", key)), true;
    return false;
}

static bool milestone_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = ((tctx *)obj)->t;
    for (int i = 0; i < BR_MS_COUNT; i++)
        if (strcmp(key, br_vocab_ms_status[i].key) == 0)
            return read_rag(b, v, &t->milestone[i], br_arena_printf(b->a, "milestone '%s'", key)), true;
    if (strcmp(key, "overdue") == 0)
        return read_rag(b, v, &t->overdue, "the overdue style"), true;
    return false;
}

/* A mapping of vocabulary keys to words (trend words, polarity words,
 * column headings): each key's text replaces the default in dst. */
typedef struct word_map {
    const br_word *words;
    size_t n;
    const char **dst;
    const char *what;
    const char *const *placeholders;    /* the {names} its words take; NULL: none */
} word_map;

/* A measure column's heading takes {date}; no other word takes any. */
static const char *const heading_placeholders[] = {"date", NULL};
static const char *const appendix_placeholders[] = {"number", "title", NULL};

static bool word_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    const word_map *m = obj;
    for (size_t i = 0; i < m->n; i++) {
        if (!m->words[i].key[0] || strcmp(key, m->words[i].key) != 0)
            continue;
        const char *text = br_build_read_text(b, v, m->what);
        br_build_check_placeholders(b, v, text, m->placeholders, m->what);
        if (text)
            m->dst[i] = text;
        return true;
    }
    return false;
}

/* The keys of words, for read_map's suggestions. */
static const char **word_keys(builder *b, const br_word *words, size_t n, size_t *nkeys)
{
    const char **keys = br_arena_calloc(b->a, n + 1, sizeof *keys);
    *nkeys = 0;
    for (size_t i = 0; i < n; i++)
        if (words[i].key[0])
            keys[(*nkeys)++] = words[i].key;
    return keys;
}

static void read_words(builder *b, const br_node *v, const br_word *words, size_t n,
                       const char **dst, const char *what)
{
    size_t nkeys;
    const char **keys = word_keys(b, words, n, &nkeys);
    word_map m = {words, n, dst, what, words == br_vocab_measure_column ? heading_placeholders
                                                                        : NULL};
    read_map(b, v, keys, nkeys, word_entry, &m, what);
}

/* headings: finance: takes the columns' and the splits' keys. */
static bool finance_heading_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = obj;
    word_map cols = {br_vocab_finance_column, BR_FIN_NCOLS, t->finance_headings, "a heading"};
    word_map splits = {br_vocab_finance_split, BR_FIN_NSPLITS, t->split_headings, "a heading"};
    if (strcmp(key, "status") == 0) {
        const char *text = br_build_read_text(b, v, "a heading");
        t->finance_status_heading = text ? text : t->finance_status_heading;
        return true;
    }
    return word_entry(b, key, v, &cols) || word_entry(b, key, v, &splits);
}

static bool headings_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = ((tctx *)obj)->t;
    if (strcmp(key, "measure") == 0)
        read_words(b, v, br_vocab_measure_column, BR_COL_COUNT, t->measure_headings,
                   "a measure table heading");
    else if (strcmp(key, "milestone") == 0)
        read_words(b, v, br_vocab_milestone_column, BR_MSCOL_COUNT, t->milestone_headings,
                   "a milestone table heading");
    else if (strcmp(key, "finance") == 0)
        read_map(b, v, NAMES("budget", "forecast", "variance", "actual", "gross", "income", "net",
                             "status"), finance_heading_entry, t, "finance table headings");
    else if (strcmp(key, "profile") == 0)
        read_words(b, v, br_vocab_profile_column, BR_PROFILE_COUNT, t->profile_headings,
                   "a profile heading");
    else if (strcmp(key, "summary") == 0)
        read_words(b, v, br_vocab_summary_column, BR_SUMMARY_COUNT, t->summary_headings,
                   "a summary heading");
    else
        return false;
    return true;
}

static bool trend_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = ((tctx *)obj)->t;
    if (strcmp(key, "display") == 0) {
        int e = br_build_read_enum(b, v, (const char *const[]){"words", "arrows", "both", NULL}, "'display'");
        if (e >= 0)
            t->trend_display = (br_trend_display)e;
    } else if (strcmp(key, "band_points") == 0) {
        read_size(b, v, &t->trend_band_points, 0, 100);
    } else if (strcmp(key, "band_percent") == 0) {
        read_size(b, v, &t->trend_band_percent, 0, 100);
    } else if (strcmp(key, "words") == 0) {
        read_words(b, v, br_vocab_trend, BR_TREND_COUNT, t->trend_words, "a trend word");
    } else {
        return false;
    }
    return true;
}

static bool numfmt_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_numfmt *f = obj;
    if (strcmp(key, "thousands") == 0) {
        br_build_read_bool(b, v, "'thousands'", &f->thousands);
    } else if (strcmp(key, "negative") == 0) {
        int e = br_build_read_enum(b, v, (const char *const[]){"minus", "brackets", NULL}, "'negative'");
        if (e >= 0)
            f->negative = (br_negative_style)e;
    } else {
        return false;
    }
    return true;
}

static bool finance_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_template *t = ((tctx *)obj)->t;
    if (strcmp(key, "variance_amber_percent") == 0)
        return read_size(b, v, &t->variance_amber_percent, -1, 1000), true;
    if (strcmp(key, "variance_red_percent") == 0)
        return read_size(b, v, &t->variance_red_percent, -1, 1000), true;
    if (strcmp(key, "rounding_note") == 0) {
        const char *note = br_build_read_note_switch(b, v, "'rounding_note'");
        t->rounding_note = note ? note : t->rounding_note;
        return true;
    }
    return numfmt_entry(b, key, v, &t->finance_numbers);
}

static bool margin_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = obj;
    double mm;
    double *dst = strcmp(key, "top") == 0 ? &s->margin_top : strcmp(key, "bottom") == 0 ? &s->margin_bottom
                : strcmp(key, "left") == 0 ? &s->margin_left : strcmp(key, "right") == 0 ? &s->margin_right
                : NULL;
    if (!dst)
        return false;
    if (read_size(b, v, &mm, 0, 100))
        *dst = mm * 72.0 / 25.4;
    return true;
}

static bool page_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    if (strcmp(key, "size") == 0) {
        static const double sizes[][2] = {{595.28, 841.89}, {841.89, 1190.55}, {612, 792}};
        int e = br_build_read_enum(b, v, (const char *const[]){"A4", "A3", "letter", NULL}, "'size'");
        if (e >= 0)
            s->page_width = sizes[e][0], s->page_height = sizes[e][1];
    } else if (strcmp(key, "orientation") == 0) {
        int e = br_build_read_enum(b, v, (const char *const[]){"", "portrait", "landscape", NULL}, "'orientation'");
        if (e > 0)
            s->orientation = (br_orientation)e;
    } else if (strcmp(key, "margins") == 0) {
        read_map(b, v, NAMES("top", "bottom", "left", "right"), margin_entry, s, "'margins' (mm)");
    } else {
        return false;
    }
    return true;
}

static bool fonts_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    tctx *c = obj;
    static const char *const faces[] = {"regular", "bold", "italic", "bold_italic"};
    if (strcmp(key, "dir") == 0) {
        const char *d = br_build_read_text(b, v, "'dir'");
        if (d)
            c->t->font_dir = d[0] == '/' ? d : br_arena_printf(b->a, "%s/%s", c->file_dir, d);
        return true;
    }
    for (int i = 0; i < BR_FACE_COUNT; i++)
        if (strcmp(key, faces[i]) == 0)
            return (c->t->font_files[i] = br_build_read_text(b, v, "a font file")), true;
    return false;
}

static bool textstyles_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    static const char *const names[] = {"body", "title", "heading1", "heading2", "heading3",
                                        "table_header", "table_body", "footnote", "running"};
    br_text_style *dst[] = {&s->body, &s->title, &s->heading[0], &s->heading[1], &s->heading[2],
                            &s->table_header, &s->table_body, &s->footnote, &s->running};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(key, names[i]) == 0)
            return read_map(b, v, NAMES("size", "leading", "color", "face"), text_entry, dst[i], key), true;
    return false;
}

/* A style key that is a colour (color set) or a length in [lo, hi]. */
typedef struct style_key {
    const char *name;
    uint32_t *color;
    double *len;
    double lo, hi;
} style_key;

static bool read_style_key(builder *b, const char *key, const br_node *v, const style_key *keys,
                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(key, keys[i].name) != 0)
            continue;
        if (keys[i].color)
            read_color(b, v, keys[i].color);
        else
            read_size(b, v, keys[i].len, keys[i].lo, keys[i].hi);
        return true;
    }
    return false;
}

static bool table_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    const style_key keys[] = {
        {"header_fill", &s->header_fill, NULL, 0, 0}, {"header_text", &s->header_text, NULL, 0, 0},
        {"group_fill", &s->group_fill, NULL, 0, 0}, {"group_text", &s->group_text, NULL, 0, 0},
        {"total_fill", &s->total_fill, NULL, 0, 0}, {"rule_color", &s->rule_color, NULL, 0, 0},
        {"rule_width", NULL, &s->rule_width, 0, 20},
        {"outer_rule_width", NULL, &s->outer_rule_width, 0, 20},
        {"padding_x", NULL, &s->cell_pad_x, 0, 20}, {"padding_y", NULL, &s->cell_pad_y, 0, 20},
    };
    if (read_style_key(b, key, v, keys, sizeof keys / sizeof *keys))
        return true;
    if (strcmp(key, "vertical_rules") == 0)
        return br_build_read_bool(b, v, "'vertical_rules'", &s->rules_vertical), true;
    if (strcmp(key, "continued") == 0)
        return (s->continued = br_build_read_text(b, v, "'continued'")), true;
    if (strcmp(key, "group_face") == 0) {
        int e = br_build_read_enum(b, v, FACES, "'group_face'");
        if (e >= 0)
            s->group_face = (br_face)e;
        return true;
    }
    return false;
}

static bool fit_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    if (strcmp(key, "pages") == 0)
        br_build_read_whole(b, v, "'pages'", 1, 1000, NULL, &s->fit_pages);
    else if (strcmp(key, "table_floor") == 0)
        read_size(b, v, &s->fit_floor, 4, 30);
    else
        return false;
    return true;
}

static bool slots_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    const char **slots = obj;
    static const char *const names[] = {"left", "center", "right"};
    for (int i = 0; i < 3; i++)
        if (strcmp(key, names[i]) == 0) {
            slots[i] = br_build_node_is_null(v) ? "" : br_build_read_text(b, v, "a running text");
            br_build_check_placeholders(b, v, slots[i], br_running_placeholders,
                                        "a running header or footer");
            return true;
        }
    return false;
}

/* Whoever sets a running header or footer (a template, or a report over
 * its template) sets all three slots: a slot it leaves out is empty, not
 * the default's; `false` empties all three (a paper with no running
 * header). */
void br_build_read_running(builder *b, const br_node *v, const char **slots, const char *what)
{
    slots[0] = slots[1] = slots[2] = "";
    if (v->kind != BR_NODE_SCALAR || br_build_node_is_null(v)) {
        read_map(b, v, NAMES("left", "center", "right"), slots_entry, slots, what);
        return;
    }
    static const char *const off[] = {"false", "no", "False", "No", "FALSE", "NO"};
    for (size_t i = 0; i < sizeof off / sizeof *off; i++)
        if (strcmp(v->text, off[i]) == 0)
            return;
    br_error(b->d, v->loc, "%s must be false (none on any page) or its slots, e.g. {left: "
             "\"{title}\", right: \"Page {page} of {pages}\"}", what);
}

static bool spacing_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    struct { const char *name; double *dst; } keys[] = {
        {"paragraph", &s->paragraph_space}, {"heading_before", &s->heading_space_before},
        {"heading_after", &s->heading_space_after}, {"number_width", &s->number_width},
        {"bullet_indent", &s->bullet_indent}, {"after_table", &s->block_space},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(key, keys[i].name) == 0)
            return read_size(b, v, keys[i].dst, 0, 200), true;
    return false;
}

void br_build_read_lang(builder *b, const br_node *v, const char **dst)
{
    const char *tag = br_build_read_text(b, v, "'language'");
    if (tag && br_style_lang_valid(tag))
        *dst = tag;
    else if (tag)
        br_error(b->d, v->loc, "'%s' is not a language tag; write it as BCP 47 does, e.g. "
                 "\"en-GB\" (English as written in the UK) or \"cy\" (Welsh)", tag);
}

/* 'tagged: false' leaves the structure tree out (true is the default). */
static void read_tagged(builder *b, const br_node *v, br_style *s)
{
    bool tagged = true;
    if (br_build_read_bool(b, v, "'tagged'", &tagged))
        s->untagged = !tagged;
}

static bool draft_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_style *s = &((tctx *)obj)->t->style;
    if (strcmp(key, "text") == 0)
        return (s->draft_text = br_build_read_text(b, v, "'text'")), true;
    if (strcmp(key, "color") == 0)
        return read_color(b, v, &s->draft_color), true;
    return false;
}

static bool charts_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    br_chart_style *s = &((tctx *)obj)->t->style.chart;
    const style_key keys[] = {
        {"text", &s->text_color, NULL, 0, 0}, {"axis", &s->axis_color, NULL, 0, 0},
        {"grid", &s->grid_color, NULL, 0, 0}, {"value", &s->value_color, NULL, 0, 0},
        {"target", &s->target_color, NULL, 0, 0}, {"label_size", NULL, &s->label_size, 4, 14},
        {"band_tint", NULL, &s->band_tint, 0, 1}, {"min_width", NULL, &s->min_width, 60, 1000},
        {"gap", NULL, &s->gap, 0, 100},
    };
    return read_style_key(b, key, v, keys, sizeof keys / sizeof *keys);
}

static bool top_entry(builder *b, const char *key, const br_node *v, void *obj)
{
    tctx *c = obj;
    br_template *t = c->t;
    if (strcmp(key, "extends") == 0)
        ;   /* read first, by load_from: the base's keys come before these */
    else if (strcmp(key, "name") == 0)
        t->name = br_build_read_text(b, v, "'name'");
    else if (strcmp(key, "description") == 0)
        br_build_read_text(b, v, "'description'");
    else if (strcmp(key, "page") == 0)
        read_map(b, v, NAMES("size", "orientation", "margins"), page_entry, c, "'page'");
    else if (strcmp(key, "fonts") == 0)
        read_map(b, v, NAMES("dir", "regular", "bold", "italic", "bold_italic"), fonts_entry, c, "'fonts'");
    else if (strcmp(key, "text") == 0)
        read_map(b, v, NAMES("body", "title", "heading1", "heading2", "heading3", "table_header",
                             "table_body", "footnote", "running"), textstyles_entry, c, "'text'");
    else if (strcmp(key, "spacing") == 0)
        read_map(b, v, NAMES("paragraph", "heading_before", "heading_after", "number_width",
                             "bullet_indent", "after_table"), spacing_entry, c, "'spacing'");
    else if (strcmp(key, "table") == 0)
        read_map(b, v, NAMES("header_fill", "header_text", "group_fill", "group_text", "total_fill",
                             "group_face", "rule_color", "rule_width", "outer_rule_width", "padding_x",
                             "padding_y", "vertical_rules", "continued"), table_entry, c, "'table'");
    else if (strcmp(key, "fit") == 0)
        read_map(b, v, NAMES("pages", "table_floor"), fit_entry, c, "'fit'");
    else if (strcmp(key, "header") == 0)
        br_build_read_running(b, v, t->style.header, "'header'");
    else if (strcmp(key, "footer") == 0)
        br_build_read_running(b, v, t->style.footer, "'footer'");
    else if (strcmp(key, "draft") == 0)
        read_map(b, v, NAMES("text", "color"), draft_entry, c, "'draft'");
    else if (strcmp(key, "appendix_label") == 0)
        t->appendix_label = br_build_read_text(b, v, "'appendix_label'"),
        br_build_check_placeholders(b, v, t->appendix_label, appendix_placeholders,
                                    "'appendix_label'");
    else if (strcmp(key, "charts") == 0)
        read_map(b, v, NAMES("text", "axis", "grid", "value", "target", "label_size", "band_tint",
                             "min_width", "gap"), charts_entry, c, "'charts'");
    else if (strcmp(key, "language") == 0)
        br_build_read_lang(b, v, &t->style.lang);
    else if (strcmp(key, "people_note") == 0) {
        int e = br_build_read_enum(b, v, br_build_people_note_names, "'people_note'");
        if (e >= 0)
            t->people_note = (br_people_note)e;
    } else if (strcmp(key, "tagged") == 0)
        read_tagged(b, v, &t->style);
    else if (strcmp(key, "status") == 0)
        read_map(b, v, NAMES("red", "amber", "green", "no_data", "no_target"), status_entry, c, "'status'");
    else if (strcmp(key, "headings") == 0)
        read_map(b, v, NAMES("measure", "milestone", "finance", "profile", "summary"), headings_entry,
                 c, "'headings'");
    else if (strcmp(key, "frequency") == 0)
        read_words(b, v, br_vocab_frequency, BR_FREQ_COUNT, t->frequency_words, "a frequency word");
    else if (strcmp(key, "milestone") == 0)
        read_map(b, v, NAMES("not_started", "on_track", "at_risk", "missed", "complete", "overdue"),
                 milestone_entry, c, "'milestone'");
    else if (strcmp(key, "trend") == 0)
        read_map(b, v, NAMES("display", "band_points", "band_percent", "words"), trend_entry, c, "'trend'");
    else if (strcmp(key, "polarity") == 0)
        read_words(b, v, br_vocab_polarity, BR_POLARITY_COUNT, t->polarity_words, "a polarity word");
    else if (strcmp(key, "numbers") == 0)
        read_map(b, v, NAMES("thousands", "negative"), numfmt_entry, &t->numbers, "'numbers'");
    else if (strcmp(key, "finance") == 0)
        read_map(b, v, NAMES("thousands", "negative", "variance_amber_percent", "variance_red_percent",
                             "rounding_note"), finance_entry, c, "'finance'");
    else
        return false;
    return true;
}

static const char *const top_names[] = {"extends", "name", "description", "page", "fonts", "text", "spacing",
                                        "table", "fit", "header", "footer", "draft", "charts",
                                        "appendix_label", "language", "tagged", "status", "milestone", "trend",
                                        "polarity", "frequency", "headings", "numbers", "finance",
                                        "people_note"};

/* ---- where templates and fonts may come from ----
 *
 * A report names its template, and a template its fonts: both are paths an
 * author (or an attacker) writes.  Reading them from anywhere would let
 * `template: /etc/shadow` quote a line of it in an error message, so each
 * is confined to a list of folders, compared by real path (a symbolic
 * link out of a folder leads out of it). */

enum { MAX_ROOTS = 16 };

typedef struct roots {
    const char *dir[MAX_ROOTS];     /* real paths */
    size_t n;
} roots;

static void add_root(roots *r, br_arena *a, const char *dir)
{
    char real[PATH_MAX];
    if (dir && r->n < MAX_ROOTS && realpath(dir, real))
        r->dir[r->n++] = br_arena_strdup(a, real);
}

/* The installed data folders' NAME, in br_data_dirs' order: beside the
 * executable, a build tree, the compiled-in folder (br_data.h). */
static void add_installed(roots *r, br_arena *a, const char *name)
{
    const char *dirs[BR_DATA_MAX_DIRS];
    size_t n = br_data_dirs(dirs, a);
    for (size_t i = 0; i < n; i++)
        add_root(r, a, br_arena_printf(a, "%s/%s", dirs[i], name));
}

/* Folders a template may come from: the report's folder and below, the
 * installed templates, then each folder of $BOARDREPORT_TEMPLATES
 * (separated by ':'). */
static roots template_roots(const char *report_dir, br_arena *a)
{
    roots r = {{0}, 0};
    add_root(&r, a, report_dir);
    add_installed(&r, a, "templates");
    const char *env = getenv("BOARDREPORT_TEMPLATES");
    for (const char *p = env; p && *p;) {
        size_t n = strcspn(p, ":");
        if (n)
            add_root(&r, a, br_arena_strndup(a, p, n));
        p += n + (p[n] == ':');
    }
    return r;
}

/* The real path of path when it lies in one of the roots, else NULL. */
static const char *confined(const roots *r, const char *path, br_arena *a)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return NULL;
    for (size_t i = 0; i < r->n; i++) {
        size_t n = strlen(r->dir[i]);
        if (strcmp(r->dir[i], "/") == 0 ||
            (strncmp(real, r->dir[i], n) == 0 && (real[n] == '/' || real[n] == '\0')))
            return br_arena_strdup(a, real);
    }
    return NULL;
}

static bool exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Where a template named `name` lives: a path (it has a '/' or ends in
 * .yaml; relative to the report's folder) or a name looked up as
 * <name>.yaml in each root but the report's folder.  NULL when nowhere;
 * *outside is set when it exists but lies outside every root. */
static bool is_path(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0);
}

/* A path is relative to from_dir: the report's folder for the report's
 * template, the extending template's folder for a base. */
static const char *find_template(const char *name, const char *from_dir, const char *report_dir,
                                 br_arena *a, bool *outside)
{
    roots r = template_roots(report_dir, a);
    *outside = false;
    if (is_path(name)) {
        const char *p = name[0] == '/' ? name : br_arena_printf(a, "%s/%s", from_dir, name);
        *outside = exists(p) && !confined(&r, p, a);
        return *outside || !exists(p) ? NULL : p;
    }
    for (size_t i = 1; i < r.n; i++) {
        const char *p = br_arena_printf(a, "%s/%s.yaml", r.dir[i], name);
        if (exists(p) && confined(&r, p, a))
            return p;
    }
    return NULL;
}

/* A shipped template copied into a report's folder (as docs/templates.md
 * suggests) finds no ../fonts beside it: when the regular font is not in
 * the template's font folder, the installed fonts folder that has a file of
 * that name is used. */
static const char *installed_fonts_if_missing(const br_template *t, br_arena *a)
{
    if (exists(br_arena_printf(a, "%s/%s", t->font_dir, t->font_files[BR_FACE_REGULAR])))
        return t->font_dir;
    roots r = {{0}, 0};
    add_installed(&r, a, "fonts");
    for (size_t i = 0; i < r.n; i++)
        if (exists(br_arena_printf(a, "%s/%s", r.dir[i], t->font_files[BR_FACE_REGULAR])))
            return r.dir[i];
    return t->font_dir;
}

/* Each font file must lie in the template's folder (or below) or in the
 * installed fonts folder. */
static void check_font_places(const br_template *t, const char *const *template_dirs,
                              size_t ndirs, br_loc at, br_arena *a, br_diags *diags)
{
    roots r = {{0}, 0};
    for (size_t i = 0; i < ndirs; i++)
        add_root(&r, a, template_dirs[i]);
    add_installed(&r, a, "fonts");
    for (int i = 0; i < BR_FACE_COUNT; i++) {
        const char *p = br_arena_printf(a, "%s/%s", t->font_dir, t->font_files[i]);
        if (exists(p) && !confined(&r, p, a))
            br_error(diags, at, "font file '%s' is outside the folders fonts may come from: the "
                     "template's folder and below, and the installed fonts folder", p);
    }
}

/* "template 'cabnet' not found; did you mean 'cabinet'?", or the list of
 * the templates there are and where they were looked for. */
static void template_not_found(const char *name, br_loc loc, br_arena *a, br_diags *diags)
{
    const char **names;
    size_t n = br_data_template_names(&names, a);
    const char *s = br_suggest(name, names, n);
    if (s) {
        br_error(diags, loc, "template '%s' not found; did you mean '%s'?", name, s);
        return;
    }
    const char *list = "";
    for (size_t i = 0; i < n; i++)
        list = br_arena_printf(a, "%s%s%s", list, i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
    if (n)
        br_error(diags, loc, "template '%s' not found; use %s, or a path to a template file "
                             "(looked in %s)", name, list, br_data_searched(a));
    else
        br_error(diags, loc, "template '%s' not found, and no templates are installed (looked in "
                             "%s); give a path to a template file, or set BOARDREPORT_TEMPLATES",
                 name, br_data_searched(a));
}

static const char *dir_of(br_arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? br_arena_strndup(a, path, (size_t)(slash - path)) : ".";
}

/* True when dir holds every font file of t. */
static bool has_fonts(const br_template *t, const char *dir, br_arena *a)
{
    for (int i = 0; i < BR_FACE_COUNT; i++)
        if (!t->font_files[i] || !exists(br_arena_printf(a, "%s/%s", dir, t->font_files[i])))
            return false;
    return true;
}

/* Fonts are looked for where the template says (relative to the template
 * file), then in the installed fonts folder, so that a template copied
 * into a report's folder (docs/templates.md) keeps its fonts.  Only a
 * folder holding the whole family is taken; otherwise the template's own
 * folder stays, and check and render say which file it lacks. */
static void fall_back_to_installed_fonts(br_template *t, br_arena *a)
{
    if (has_fonts(t, t->font_dir, a))
        return;
    roots r = {{0}, 0};
    add_installed(&r, a, "fonts");
    for (size_t i = 0; i < r.n; i++) {
        if (has_fonts(t, r.dir[i], a)) {
            t->font_dir = r.dir[i];
            return;
        }
    }
}

/* Copies the diagnostics of one list into another, with their sources. */
static void merge_diags(br_diags *to, const br_diags *from)
{
    for (size_t i = 0; i < from->nsources; i++)
        br_diags_add_source(to, from->sources[i].file, from->sources[i].text, from->sources[i].len);
    for (size_t i = 0; i < from->count; i++) {
        const br_diag *d = &from->items[i];
        if (d->severity == BR_SEV_ERROR)
            br_error(to, d->loc, "%s", d->message);
        else
            br_warning(to, d->loc, "%s", d->message);
    }
}

/* Whether any top-level key of root is a template key: a file that has
 * none (a measures file, /etc/passwd) is not a template, and its content is
 * never quoted back. */
static bool looks_like_template(const br_node *root)
{
    if (!root || root->kind != BR_NODE_MAP)
        return false;
    for (size_t i = 0; i < root->npairs; i++)
        for (size_t k = 0; k < sizeof top_names / sizeof *top_names; k++)
            if (strcmp(root->pairs[i].key->text, top_names[k]) == 0)
                return true;
    return root->npairs == 0;   /* an empty template sets nothing: the defaults */
}

/* Parses the template file; when it is not a template, says so in one
 * error at loc that quotes none of it.  Returns the root or NULL. */
static br_node *load_template_file(const char *path, const char *name, br_loc loc,
                                   br_arena *arena, br_diags *diags)
{
    br_diags own;
    br_diags_init(&own, arena);
    br_node *root = br_yaml_load_file(path, arena, NULL, &own);
    if (looks_like_template(root) || (!root && own.nsources == 0)) {
        merge_diags(diags, &own);   /* a template: its own errors, quoted */
        if (root && root->npairs == 0)
            br_warning(diags, loc, "template '%s' is empty (or holds only comments), so the paper "
                       "takes every default; check that it is the file you meant", name);
        return root;
    }
    const char *why = root ? (root->kind != BR_NODE_MAP ? "it is not a mapping of keys"
                                                        : "none of its keys is a template key")
                           : own.count && own.items[0].loc.line > 0
                           ? br_arena_printf(arena, "it is not valid YAML (line %d, column %d)",
                                             own.items[0].loc.line, own.items[0].loc.col)
                           : "it is not valid YAML";
    br_error(diags, loc, "'%s' is not a template: %s; a template is a mapping of keys such as "
             "page:, fonts:, text: and status: (docs/templates.md)", name, why);
    return NULL;
}

/* The templates being read, outermost first: a report's template, the one
 * it extends, and so on. */
typedef struct chain {
    const char *report_dir;     /* NULL: an issued package's copy, bases in base/ */
    bool confine;               /* fonts must come from the allowed folders */
    const char *real[BR_TEMPLATE_MAX_BASES + 1];
    const char *dir[BR_TEMPLATE_MAX_BASES + 1];
    size_t n;
} chain;

static bool load_from(br_template *t, const char *path, const char *name, br_loc loc,
                      chain *ch, br_arena *arena, br_diags *diags);

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "a.yaml → b.yaml → a.yaml": the chain from the first time real was read. */
static const char *cycle_text(const chain *ch, const char *real, br_arena *a)
{
    const char *text = NULL;
    for (size_t i = 0; i < ch->n; i++)
        if (text || strcmp(ch->real[i], real) == 0)
            text = text ? br_arena_printf(a, "%s → %s", text, base_name(ch->real[i]))
                        : base_name(ch->real[i]);
    return br_arena_printf(a, "%s → %s", text, base_name(real));
}

/* Where the base named by 'extends:' (ext) lives, or NULL after an error
 * at ext.  In an issued package each base is kept as base/<file name>
 * beside the paper's template. */
static const char *find_base(const char *name, const br_node *ext, const char *from_dir,
                             const chain *ch, br_arena *a, br_diags *diags)
{
    if (!ch->report_dir) {
        const char *file = is_path(name) ? base_name(name) : br_arena_printf(a, "%s.yaml", name);
        const char *p = br_arena_printf(a, "%s/base/%s", ch->real[0] ? dir_of(a, ch->real[0])
                                                                     : from_dir, file);
        if (exists(p))
            return p;
        br_error(diags, ext->loc, "template '%s' is not kept in the package (base/%s)", name, file);
        return NULL;
    }
    bool outside;
    const char *p = find_template(name, from_dir, ch->report_dir, a, &outside);
    if (outside)
        br_error(diags, ext->loc, "template '%s' is outside the folders templates may come "
                 "from: the report's folder and below, the folders in $BOARDREPORT_TEMPLATES and "
                 "the installed templates", name);
    else if (!p)
        template_not_found(name, ext->loc, a, diags);
    return p;
}

/* Reads the template that root's 'extends:' names into t, first, so that
 * root's own keys override it: a council's template is the keys it
 * changes.  False after an error at the 'extends:' key. */
static bool load_base(br_template *t, const br_node *ext, const char *from_dir, chain *ch,
                      br_arena *a, br_diags *diags)
{
    if (ext->kind != BR_NODE_SCALAR || br_build_node_is_null(ext) || !ext->text[0]) {
        br_error(diags, ext->loc, "'extends' names one template: a name (cabinet, "
                 "improvement-plan, scorecard) or a path to a template file");
        return false;
    }
    const char *p = find_base(ext->text, ext, from_dir, ch, a, diags);
    if (!p)
        return false;
    char real[PATH_MAX];
    const char *r = realpath(p, real) ? real : p;
    for (size_t i = 0; i < ch->n; i++)
        if (strcmp(ch->real[i], r) == 0) {
            br_error(diags, ext->loc, "templates extend one another in a circle (%s); one of "
                     "them must extend none, or a shipped template", cycle_text(ch, r, a));
            return false;
        }
    if (ch->n > BR_TEMPLATE_MAX_BASES) {
        br_error(diags, ext->loc, "templates extend one another more than %d deep; extend a "
                 "template that extends fewer", BR_TEMPLATE_MAX_BASES);
        return false;
    }
    return load_from(t, p, ext->text, ext->loc, ch, a, diags);
}

/* Reads the template at path over what t holds (the defaults, or a
 * template it extends). */
static bool load_from(br_template *t, const char *path, const char *name, br_loc loc,
                      chain *ch, br_arena *arena, br_diags *diags)
{
    size_t errors = diags->errors;
    br_node *root = load_template_file(path, name, loc, arena, diags);
    if (!root)
        return false;
    char real[PATH_MAX];
    size_t level = ch->n++;
    ch->real[level] = br_arena_strdup(arena, realpath(path, real) ? real : path);
    ch->dir[level] = dir_of(arena, path);
    tctx c = {t, ch->dir[level]};
    const br_node *ext = br_map_get(root, "extends");
    if (ext && load_base(t, ext, c.file_dir, ch, arena, diags))
        t->bases[t->nbases++] = t->path;   /* the base just read: farthest first */
    else
        t->font_dir = br_arena_printf(arena, "%s/../fonts", c.file_dir);
    t->path = path;
    t->name = name;
    builder b = {.a = arena, .d = diags, .texts = &t->texts};
    read_map(&b, root, top_names, sizeof top_names / sizeof *top_names, top_entry, &c, "the template");
    fall_back_to_installed_fonts(t, arena);
    if (realpath(t->font_dir, real))   /* messages name the font plainly */
        t->font_dir = br_arena_strdup(arena, real);
    t->font_dir = installed_fonts_if_missing(t, arena);
    const br_node *fonts = br_map_get(root, "fonts");
    if (ch->confine && level == 0)
        check_font_places(t, ch->dir, ch->n, fonts ? fonts->loc : (br_loc){path, 1, 1}, arena,
                          diags);
    return diags->errors == errors;
}

bool br_template_load(br_template *t, const char *name, const char *report_dir, br_loc loc,
                      br_arena *arena, br_diags *diags)
{
    br_template_default(t);
    bool outside;
    const char *path = find_template(name, report_dir, report_dir, arena, &outside);
    if (outside) {
        br_error(diags, loc, "template '%s' is outside the folders templates may come from: the "
                 "report's folder and below, the folders in $BOARDREPORT_TEMPLATES and the "
                 "installed templates", name);
        return false;
    }
    if (!path) {
        template_not_found(name, loc, arena, diags);
        return false;
    }
    chain ch = {.report_dir = report_dir, .confine = true};
    return load_from(t, path, name, loc, &ch, arena, diags);
}

bool br_template_load_file(br_template *t, const char *path, br_loc loc, br_arena *arena,
                           br_diags *diags)
{
    br_template_default(t);
    chain ch = {.report_dir = NULL, .confine = false};
    return load_from(t, path, path, loc, &ch, arena, diags);
}
