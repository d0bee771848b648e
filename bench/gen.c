/* gen.c — writes a realistic, seeded benchmark report folder.
 *
 *   build/bench/gen --measures 2000 --seed 1 OUTDIR
 *
 * With --template cabinet the same report is set in the Cabinet template:
 * portrait front matter, then the objectives' tables on landscape pages.
 *
 * OUTDIR receives report.yaml (improvement-plan template: landscape
 * objective sections A, B, C… of 10–40 measures each, with their
 * milestones), measures.yaml (or measures-01.yaml, measures-02.yaml… of
 * 1,000 measures each, so that no file nears the loader's 8 MiB limit),
 * milestones.yaml (or chunks of 3,000) and finance.yaml.  Every measure
 * has six quarters of history (numbers, a few strings such as TBD, a few
 * gaps), a target and tolerance on the worse side for its polarity,
 * comparators and a comment of 30–120 words; there is about one milestone
 * per three measures.
 *
 * The only source of variety is a xorshift64* generator seeded from
 * --seed, and numbers are printed with fixed precision, so the same
 * arguments give the same bytes on every run and machine.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "words.h"

#define NPERIODS 6
#define MEASURES_PER_FILE 1000
#define MILESTONES_PER_FILE 3000
#define MAX_FILE_BYTES (7L << 20)   /* stay well under the loader's 8 MiB */

static const char *const periods[NPERIODS] = {
    "2018/19 Q1", "2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1", "2019/20 Q2",
};

static const char *const comparator_names[] = {"Similar Authorities", "England Average",
                                               "Outturn 2018/19"};

/* ---- the generator ---- */

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
    /* splitmix64 spreads small seeds (1, 2, 3…) over the whole state. */
    uint64_t z = seed + 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    rng_state = (z ^ (z >> 31)) | 1;
}

static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

/* 0 <= result < n (n > 0); the modulo bias is far below what matters here. */
static unsigned rnd(unsigned n)
{
    return (unsigned)((rng_next() >> 11) % n);
}

static double unit_rnd(void)
{
    return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * unit_rnd();
}

/* True with probability percent/100. */
static int chance(unsigned percent)
{
    return rnd(100) < percent;
}

#define PICK(list) ((list)[rnd(COUNT(list))])

/* ---- output ---- */

typedef struct out {
    FILE *f;
    const char *path;
} out;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static out out_open(const char *dir, const char *name)
{
    static char paths[64][4096];
    static int npaths;
    if (npaths == 64)
        die("too many files");
    char *p = paths[npaths++];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    out o = {fopen(p, "w"), p};
    if (!o.f)
        die("cannot write %s: %s", p, strerror(errno));
    return o;
}

static void out_close(out *o)
{
    long size = ftell(o->f);
    if (ferror(o->f) || fclose(o->f) != 0)
        die("cannot write %s", o->path);
    if (size > MAX_FILE_BYTES)
        die("%s is %ld bytes, near the loader's 8 MiB limit", o->path, size);
}

/* A double-quoted YAML scalar: safe for any text (colons, '*', '#'). */
static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* A folded block scalar wrapped at 78 columns; lead is "key:" or "-". */
static void put_folded(FILE *f, int indent, const char *lead, const char *text)
{
    fprintf(f, "%*s%s >-\n", indent, "", lead);
    int col = 0;
    while (*text) {
        size_t w = strcspn(text, " ");
        if (col && col + 1 + (int)w > 78 - indent - 2) {
            fputc('\n', f);
            col = 0;
        }
        if (!col)
            col = fprintf(f, "%*s", indent + 2, "") - indent - 2;
        else
            col += fprintf(f, " ");
        col += fprintf(f, "%.*s", (int)w, text);
        text += w;
        text += strspn(text, " ");
    }
    fputc('\n', f);
}

/* ---- text ---- */

typedef struct text {
    char buf[2048];
    size_t len;
    int words;          /* spaces + 1 */
    int last_kind;      /* of the last sentence, -1 at the start */
} text;

static void text_add(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof t->buf - t->len)
        die("text buffer too small");
    for (const char *p = t->buf + t->len; *p; p++)
        t->words += *p == ' ';
    t->len += (size_t)n;
}

/* "However, officers have agreed a recovery plan to …" */
static void connected_sentence(text *t, const char *sp)
{
    const char *conn = PICK(connectives), *who = PICK(actors);
    text_add(t, "%s%s %c%s %s %s.", sp, conn, who[0] | 0x20, who + 1, PICK(actions),
             PICK(purposes));
}

/* One sentence of commentary, preceded by a space unless it is the first;
 * never of the same kind as the one before, so that prose does not stutter. */
static void sentence(text *t)
{
    const char *sp = t->len ? " " : "";
    int kind;
    do
        kind = (int)rnd(5);
    while (kind == t->last_kind);
    t->last_kind = kind;
    switch (kind) {
    case 0:
        text_add(t, "%s%s %s %s.", sp, PICK(openers), PICK(movements), PICK(compared));
        break;
    case 1:
        text_add(t, "%sThis reflects %s.", sp, PICK(causes));
        break;
    case 2:
        text_add(t, "%s%s %s %s.", sp, PICK(actors), PICK(actions), PICK(purposes));
        break;
    case 3:
        text_add(t, "%s%s", sp, PICK(caveats));
        break;
    default:
        connected_sentence(t, sp);
        break;
    }
}

/* Whole sentences making min_words to max_words words (a single sentence
 * longer than max_words is kept).  Lengths lean towards the short end, as
 * most officers' comments do: the mean is a third of the way up. */
static const char *prose(text *t, int min_words, int max_words)
{
    t->len = 0;
    t->buf[0] = '\0';
    t->words = 1;
    t->last_kind = -1;
    double u = unit_rnd();
    int want = min_words + (int)((max_words - min_words) * u * u + 0.5);
    while (t->words < want) {
        size_t len = t->len;
        int words = t->words;
        sentence(t);
        if (t->words > max_words && len && words >= min_words) {
            t->len = len;
            t->buf[len] = '\0';
            t->words = words;
            break;
        }
    }
    return t->buf;
}

/* "A".."Z", "AA".."AZ", "BA"… (bijective base 26). */
static void objective_id(unsigned i, char *buf, size_t cap)
{
    char tmp[16];
    size_t n = 0;
    for (i++; i && n < sizeof tmp; i = (i - 1) / 26)
        tmp[n++] = (char)('A' + (i - 1) % 26);
    size_t k = 0;
    while (n && k + 1 < cap)
        buf[k++] = tmp[--n];
    buf[k] = '\0';
}

/* ---- objectives ---- */

typedef struct objective {
    char id[16];
    const area *area;
    unsigned first, count;      /* measures [first, first + count) */
    unsigned milestones;
    char title[256];
} objective;

/* Splits n measures into objectives of 10–40 (the last may be smaller
 * only when n itself is under 10). */
static objective *plan_objectives(unsigned n, unsigned *nobj)
{
    objective *o = calloc(n / 10 + 2, sizeof *o);
    if (!o)
        die("out of memory");
    unsigned k = 0, at = 0;
    while (at < n) {
        unsigned size = 10 + rnd(31), left = n - at;
        if (left <= 40)
            size = left;
        else if (left - size < 10)
            size = left - 10;
        o[k].first = at;
        o[k].count = size;
        o[k].area = &PICK(areas);
        objective_id(k, o[k].id, sizeof o[k].id);
        snprintf(o[k].title, sizeof o[k].title, "%s %s %s", PICK(objective_verbs),
                 o[k].area->theme, PICK(objective_tails));
        unsigned ms = (size + 1) / 3;
        o[k].milestones = ms + rnd(3) - (ms > 1 ? 1 : 0);
        at += size;
        k++;
    }
    *nobj = k;
    return o;
}

/* ---- measures ---- */

typedef enum unit { U_PERCENT, U_NUMBER, U_DAYS, U_GBP_K, U_RATIO } unit;
typedef enum polarity { P_HIGHER, P_LOWER, P_RANGE, P_NONE } polarity;

static const char *const unit_names[] = {"percent", "number", "days", "gbp_k", "ratio"};
static const char *const polarity_names[] = {"higher", "lower", "range", "none"};

typedef struct mspec {
    unit unit;
    polarity pol;
    int decimals;               /* digits the values are written with */
    double target, delta;       /* delta: distance from target to tolerance */
    double lo, hi;              /* range band */
    double values[NPERIODS];
} mspec;

static unit pick_unit(void)
{
    unsigned r = rnd(100);
    return r < 50 ? U_PERCENT : r < 75 ? U_NUMBER : r < 85 ? U_DAYS : r < 93 ? U_GBP_K : U_RATIO;
}

static polarity pick_polarity(unit u)
{
    unsigned r = rnd(100);
    switch (u) {
    case U_PERCENT: return r < 50 ? P_HIGHER : r < 80 ? P_LOWER : r < 88 ? P_RANGE : P_NONE;
    case U_NUMBER:  return r < 30 ? P_HIGHER : r < 60 ? P_LOWER : P_NONE;
    case U_DAYS:    return r < 90 ? P_LOWER : P_NONE;
    case U_GBP_K:   return r < 60 ? P_LOWER : P_NONE;
    default:        return r < 30 ? P_HIGHER : r < 90 ? P_LOWER : P_NONE;
    }
}

static double round_to(double v, int decimals)
{
    double s = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    return (double)(long long)(v * s + (v < 0 ? -0.5 : 0.5)) / s;
}

/* Target, tolerance distance and band for the unit and polarity. */
static void pick_target(mspec *m)
{
    switch (m->unit) {
    case U_PERCENT:
        m->target = m->pol == P_LOWER ? uniform(3, 40) : uniform(55, 97);
        m->delta = uniform(2, 8);
        m->lo = uniform(20, 60);
        m->hi = m->lo + uniform(5, 15);
        m->decimals = chance(40);
        break;
    case U_NUMBER:
        m->target = uniform(20, 200) * (chance(50) ? 1 : chance(50) ? 10 : 50);
        m->delta = m->target * uniform(0.05, 0.15);
        break;
    case U_DAYS:
        m->target = uniform(10, 120);
        m->delta = m->target * uniform(0.1, 0.25);
        break;
    case U_GBP_K:
        m->target = uniform(200, 25000);
        m->delta = m->target * uniform(0.03, 0.08);
        break;
    case U_RATIO:
        m->target = uniform(0.5, 5);
        m->delta = m->target * uniform(0.05, 0.15);
        m->decimals = 2;
        break;
    }
    if (m->pol == P_RANGE)
        m->target = (m->lo + m->hi) / 2;
}

/* Six quarters: a random walk around the target, sometimes better,
 * sometimes worse, so that every status and trend occurs. */
static void pick_history(mspec *m)
{
    double v = m->target + uniform(-1.5, 1.5) * m->delta;
    double drift = uniform(-0.4, 0.4) * m->delta;
    for (int i = 0; i < NPERIODS; i++) {
        if (m->unit == U_PERCENT)
            v = v < 0 ? 0 : v > 100 ? 100 : v;
        else if (v < 0)
            v = -v;
        m->values[i] = round_to(v, m->decimals);
        v += drift + uniform(-0.8, 0.8) * m->delta;
    }
    if (m->unit == U_PERCENT || m->unit == U_DAYS || m->unit == U_RATIO)
        return;
    for (int i = 0; i < NPERIODS; i++)
        m->values[i] = round_to(m->values[i], 0);
}

static void put_number(FILE *f, double v, int decimals)
{
    fprintf(f, "%.*f", decimals, v);
}

static const char *measure_title(char *buf, size_t cap, const area *a, unit u)
{
    switch (u) {
    case U_PERCENT:
        snprintf(buf, cap, "Percentage of %s %s", a->pops[rnd(4)], a->outcomes[rnd(5)]);
        break;
    case U_NUMBER:
        snprintf(buf, cap, "Number of %s", a->events[rnd(3)]);
        break;
    case U_DAYS:
        snprintf(buf, cap, "Average number of days to %s", a->processes[rnd(3)]);
        break;
    case U_GBP_K:
        snprintf(buf, cap, "Spend on the %s against the profiled budget", a->deliverables[rnd(4)]);
        break;
    case U_RATIO:
        snprintf(buf, cap, "Rate of %s per 1,000 population", a->events[rnd(3)]);
        break;
    }
    return buf;
}

static void put_target(FILE *f, const mspec *m)
{
    if (m->pol == P_NONE)
        return;
    if (m->pol != P_RANGE && chance(4)) {
        fputs("    target: TBD\n", f);
        return;
    }
    int d = m->unit == U_RATIO ? 2 : m->unit == U_PERCENT ? m->decimals : 0;
    double t = round_to(m->target, d), l;
    if (m->pol == P_RANGE) {
        fprintf(f, "    range: [%.0f, %.0f]\n", m->lo, m->hi);
        l = round_to(m->delta, d);
    } else {
        /* On the worse side: below the target when higher is better. */
        l = round_to(m->pol == P_HIGHER ? m->target - m->delta : m->target + m->delta, d);
        if (m->pol == P_HIGHER && l < 0)
            l = 0;
        fputs("    target: ", f);
        put_number(f, t, d);
        fputc('\n', f);
    }
    fputs("    tolerance: ", f);
    put_number(f, l, d);
    fputc('\n', f);
}

static const char *const value_strings[] = {"TBD", "Not available", "NA", "*"};

/* values: most numbers, some strings, some gaps; never empty. */
static void put_values(FILE *f, const mspec *m)
{
    fputs("    values:\n", f);
    int written = 0;
    for (int i = 0; i < NPERIODS; i++) {
        unsigned r = rnd(100);
        if (r < 10 && !(i == NPERIODS - 1 && !written))
            continue;
        fprintf(f, "      %s: ", periods[i]);
        if (r < 15 && !(i == NPERIODS - 1 && !written))
            put_quoted(f, PICK(value_strings));
        else
            put_number(f, m->values[i], m->decimals);
        fputc('\n', f);
        written++;
    }
}

static void put_comparators(FILE *f, const mspec *m)
{
    int any = 0;
    for (size_t i = 0; i < COUNT(comparator_names); i++) {
        if (!chance(75))
            continue;
        if (!any++)
            fputs("    comparators:\n", f);
        fputs("      - {name: ", f);
        put_quoted(f, comparator_names[i]);
        fputs(", value: ", f);
        put_number(f, round_to(m->target + uniform(-1.5, 1.5) * m->delta, m->decimals), m->decimals);
        if (chance(25))
            fprintf(f, ", rag: %s", rnd(3) == 0 ? "red" : chance(50) ? "amber" : "green");
        if (chance(10))
            fputs(chance(50) ? ", note: (2018)" : ", note: \"(provisional)\"", f);
        fputs("}\n", f);
    }
}

static const char *const footnote_keys[] = {"provisional", "benchmark", "new-measure"};

static void put_measure(FILE *f, const objective *o, unsigned n, text *t)
{
    mspec m = {.unit = pick_unit()};
    m.pol = pick_polarity(m.unit);
    pick_target(&m);
    pick_history(&m);
    const area *a = chance(80) ? o->area : &PICK(areas);
    char title[256], id[32];
    size_t idlen = strlen(o->id);
    for (size_t i = 0; i < idlen; i++)
        id[i] = (char)(o->id[i] | 0x20);     /* A-Z to a-z */
    id[idlen] = '\0';
    fprintf(f, "  - id: %s-%u\n    title: ", id, n);
    put_quoted(f, measure_title(title, sizeof title, a, m.unit));
    fprintf(f, "\n    objective: %s\n    group: ", o->id);
    put_quoted(f, a->name);
    fprintf(f, "\n    kind: %s\n", m.pol == P_NONE ? "data only" : chance(70) ? "strategic" : "contractual");
    fprintf(f, "    frequency: %s\n", chance(80) ? "quarterly" : chance(50) ? "monthly" : "annual");
    fprintf(f, "    polarity: %s\n    unit: %s\n", polarity_names[m.pol], unit_names[m.unit]);
    if (m.unit == U_PERCENT && chance(30))
        fprintf(f, "    decimals: %d\n", m.decimals);
    put_target(f, &m);
    if (chance(70))
        fprintf(f, "    benchmark: %s\n", chance(60) ? "true" : "false");
    put_values(f, &m);
    if (chance(2))
        fprintf(f, "    notes: {%s: \"Provisional figure, subject to validation\"}\n", periods[NPERIODS - 1]);
    put_comparators(f, &m);
    prose(t, 30, 120);
    if (chance(5))
        text_add(t, "[^%s]", PICK(footnote_keys));
    put_folded(f, 4, "comment:", t->buf);
}

/* Writes measures, MEASURES_PER_FILE to a file; returns the files' names. */
static unsigned write_measures(const char *dir, const objective *o, unsigned nobj, unsigned n,
                               char names[][32])
{
    unsigned nfiles = (n + MEASURES_PER_FILE - 1) / MEASURES_PER_FILE, k = 0;
    if (nfiles > 24)
        die("more than 24,000 measures would exceed the loader's limit of 32 included files");
    text *t = malloc(sizeof *t);
    out f = {0};
    for (unsigned i = 0; i < nobj; i++) {
        for (unsigned j = 0; j < o[i].count; j++, k++) {
            if (k % MEASURES_PER_FILE == 0) {
                if (f.f)
                    out_close(&f);
                unsigned fi = k / MEASURES_PER_FILE;
                if (nfiles == 1)
                    snprintf(names[fi], 32, "measures.yaml");
                else
                    snprintf(names[fi], 32, "measures-%02u.yaml", fi + 1);
                f = out_open(dir, names[fi]);
                fputs("# Generated by bench/gen: benchmark measures.\n\nmeasures:\n", f.f);
            }
            fputc('\n', f.f);
            put_measure(f.f, &o[i], j + 1, t);
        }
    }
    if (f.f)
        out_close(&f);
    free(t);
    return nfiles;
}

/* ---- milestones ---- */

/* A month end from April 2019 (m = 0) on. */
static void month_end(unsigned m, char *buf, size_t cap)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y = 2019 + (m + 3) / 12, mon = (m + 3) % 12;
    int d = days[mon] + (mon == 1 && y % 4 == 0);
    snprintf(buf, cap, "%u-%02u-%02d", y, mon + 1, d);
}

/* Due dates; returns the index of the last dated month end (or -1). */
static int put_due(FILE *f)
{
    char a[16], b[16];
    unsigned m1 = rnd(21), m2 = m1 + 1 + rnd(6);
    month_end(m1, a, sizeof a);
    month_end(m2, b, sizeof b);
    unsigned r = rnd(100);
    if (r < 70)
        return fprintf(f, "    due: %s\n", a), (int)m1;
    if (r < 88)
        return fprintf(f, "    due: [%s, %s]\n", a, b), (int)m2;
    if (r < 95)
        return fprintf(f, "    due: [Quarterly, {date: %s, note: interim report}]\n", a), (int)m1;
    fputs("    due: Monthly\n", f);
    return -1;
}

/* Report period 2019/20 Q2 ends with September 2019 (month 5). */
static const char *milestone_status(int last)
{
    unsigned r = rnd(100);
    if (last >= 0 && last <= 5)
        return r < 85 ? "complete" : r < 93 ? "missed" : "at-risk";
    return r < 55 ? "on-track" : r < 70 ? "at-risk" : r < 85 ? "not-started" : "complete";
}

static void put_milestone(FILE *f, const objective *o, unsigned n, text *t)
{
    const area *a = o->area;
    fprintf(f, "  - id: %s%u\n    objective: %s\n    group: ", o->id, n, o->id);
    char buf[256];
    snprintf(buf, sizeof buf, "Implement the %s", a->deliverables[n % 2]);
    put_quoted(f, buf);
    snprintf(buf, sizeof buf, "%s %s%s", PICK(ms_verbs), a->deliverables[rnd(4)],
             chance(30) ? " and report the outcome to the Board" : "");
    fputs("\n    title: ", f);
    put_quoted(f, buf);
    fputc('\n', f);
    const char *status = milestone_status(put_due(f));
    fprintf(f, "    lead: %s\n", PICK(people).key);
    if (chance(60))
        fprintf(f, "    partners: %s%s%s\n", PICK(partners_list), chance(30) ? ", " : "",
                chance(30) ? PICK(partners_list) : "");
    put_folded(f, 4, "progress:", prose(t, 10, 40));
    if (status[0] == 'a' || status[0] == 'm')
        put_folded(f, 4, "corrective_action:", prose(t, 8, 25));
    fprintf(f, "    status: %s\n", status);
}

static unsigned write_milestones(const char *dir, const objective *o, unsigned nobj, char names[][32])
{
    unsigned total = 0, k = 0;
    for (unsigned i = 0; i < nobj; i++)
        total += o[i].milestones;
    unsigned nfiles = (total + MILESTONES_PER_FILE - 1) / MILESTONES_PER_FILE;
    text *t = malloc(sizeof *t);
    out f = {0};
    for (unsigned i = 0; i < nobj; i++) {
        for (unsigned j = 0; j < o[i].milestones; j++, k++) {
            if (k % MILESTONES_PER_FILE == 0) {
                if (f.f)
                    out_close(&f);
                unsigned fi = k / MILESTONES_PER_FILE;
                if (nfiles == 1)
                    snprintf(names[fi], 32, "milestones.yaml");
                else
                    snprintf(names[fi], 32, "milestones-%02u.yaml", fi + 1);
                f = out_open(dir, names[fi]);
                fputs("# Generated by bench/gen: benchmark milestones.\n\nmilestones:\n", f.f);
            }
            fputc('\n', f.f);
            put_milestone(f.f, &o[i], j + 1, t);
        }
    }
    if (f.f)
        out_close(&f);
    free(t);
    return nfiles;
}

/* ---- finance ---- */

static void put_money_row(FILE *f, const char *label)
{
    double gross = round_to(uniform(500, 40000), 0);
    double income = -round_to(gross * uniform(0, 0.4), 0);
    double fgross = round_to(gross * uniform(0.94, 1.06), 0);
    double fincome = round_to(income * uniform(0.95, 1.05), 0);
    fputs("      - label: ", f);
    put_quoted(f, label);
    fprintf(f, "\n        budget:   { gross: %.0f, income: %.0f }\n", gross, income);
    fprintf(f, "        forecast: { gross: %.0f, income: %.0f }\n", fgross, fincome);
}

/* One table of ~24 rows: four directorates of five services each. */
static void write_finance(const char *dir)
{
    out o = out_open(dir, "finance.yaml");
    FILE *f = o.f;
    fputs("# Generated by bench/gen: the revenue budget monitoring table.\n\nfinance:\n"
          "  - id: revenue-position\n"
          "    title: Revenue budget monitoring, September 2019\n"
          "    units: gbp_k\n"
          "    sign: underspend_positive\n"
          "    columns: [budget, forecast, variance]\n"
          "    split: [gross, income, net]\n"
          "    rows:\n", f);
    for (size_t i = 0; i < COUNT(finance_labels); i++) {
        if (i % 5 == 0) {
            fputs("      - heading: ", f);
            put_quoted(f, finance_headings[i / 5]);
            fputc('\n', f);
        }
        put_money_row(f, finance_labels[i]);
    }
    fputs("    total: Grand Total\n", f);
    out_close(&o);
}

/* ---- report.yaml ---- */

/* The template the report names: improvement-plan, or cabinet. */
static const char *template_name = "improvement-plan";

static void put_header(FILE *f, unsigned n, char names[][32], unsigned nnames)
{
    fprintf(f, "# Generated by bench/gen: a benchmark report of %u measures.\n\n", n);
    fputs("report:\n"
          "  title: Corporate Performance and Improvement Plan 2019/20\n"
          "  subtitle: Quarter 2 monitoring report\n"
          "  organisation: Borough Council of Benchmarkshire\n"
          "  addressee: To the Leader and Members of the Cabinet\n"
          "  period: 2019/20 Q2\n"
          "  date: 2019-10-17\n"
          "  version: 1\n"
          "  status: final\n", f);
    fprintf(f, "  template: %s\n\ninclude: [", template_name);
    for (unsigned i = 0; i < nnames; i++)
        fprintf(f, "%s%s", i ? ", " : "", names[i]);
    fputs("]\n\nperiods: [", f);
    for (int i = 0; i < NPERIODS; i++)
        fprintf(f, "%s%s", i ? ", " : "", periods[i]);
    fputs("]\n\npeople:\n", f);
    for (size_t i = 0; i < COUNT(people); i++) {
        fprintf(f, "  %s: ", people[i].key);
        put_quoted(f, people[i].name);
        fputc('\n', f);
    }
    fputs("\nfootnotes:\n"
          "  provisional: Provisional figure, subject to validation at year end\n"
          "  benchmark: Latest published benchmark (2017/18)\n"
          "  new-measure: New measure for 2019/20; a target will be set once a baseline exists\n", f);
}

static void put_front_matter(FILE *f, unsigned n, text *t)
{
    fprintf(f, "\nsections:\n\n"
               "  - type: front_sheet\n"
               "    facts:\n"
               "      - {label: Relevant Cabinet Member, value: \"Councillor Pat Example, Leader of the Council\"}\n"
               "      - {label: Wards Affected, value: All}\n"
               "      - {label: Key Decision, value: None}\n"
               "      - {label: Measures reported, value: \"%u\"}\n\n"
               "  - type: heading\n    title: PURPOSE OF THE REPORT\n\n"
               "  - type: paragraphs\n    text:\n", n);
    for (int i = 0; i < 3; i++)
        put_folded(f, 6, "-", prose(t, 40, 90));
    fputs("\n  - type: summary\n    title: Measures by service area\n    group_by: group\n\n"
          "  - type: chart\n    kind: bar\n    title: Status of measures by service area\n"
          "    group_by: group\n", f);
}

static void put_objectives(FILE *f, const objective *o, unsigned nobj)
{
    if (strcmp(template_name, "improvement-plan") != 0)
        fputs("\n  - type: page_break\n    orientation: landscape\n", f);
    for (unsigned i = 0; i < nobj; i++) {
        fprintf(f, "\n  - type: objective\n    id: %s\n    title: ", o[i].id);
        put_quoted(f, o[i].title);
        fputs("\n    columns:\n"
              "      - title\n"
              "      - {column: value, heading: Actual Q2}\n"
              "      - target\n"
              "      - status\n"
              "      - trend\n"
              "      - {column: comment, heading: Comments}\n"
              "    milestone_columns: [id, title, due, lead, progress, status]\n", f);
    }
}

static void write_report(const char *dir, unsigned n, const objective *o, unsigned nobj,
                         char names[][32], unsigned nnames)
{
    out r = out_open(dir, "report.yaml");
    text *t = malloc(sizeof *t);
    put_header(r.f, n, names, nnames);
    put_front_matter(r.f, n, t);
    put_objectives(r.f, o, nobj);
    fputs("\n  - type: heading\n    title: FINANCIAL POSITION\n\n"
          "  - type: finance_table\n    finance: revenue-position\n", r.f);
    free(t);
    out_close(&r);
}

/* ---- main ---- */

static const char usage[] =
    "usage: gen [--measures N] [--seed S] [--template improvement-plan|cabinet] OUTDIR\n"
    "Writes a benchmark report folder (default: 2000 measures, seed 1, improvement-plan).\n";

static unsigned long parse_number(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s ? s : "", &end, 10);
    if (!s || !*s || *end || errno)
        die("%s needs a whole number\n%s", what, usage);
    return v;
}

int main(int argc, char **argv)
{
    unsigned long n = 2000, seed = 1;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--measures") == 0)
            n = parse_number(++i < argc ? argv[i] : NULL, "--measures");
        else if (strcmp(argv[i], "--seed") == 0)
            seed = parse_number(++i < argc ? argv[i] : NULL, "--seed");
        else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc &&
                 (strcmp(argv[i + 1], "cabinet") == 0 ||
                  strcmp(argv[i + 1], "improvement-plan") == 0))
            template_name = argv[++i];
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return fputs(usage, stdout), 0;
        else if (argv[i][0] == '-' || dir)
            die("unexpected argument '%s'\n%s", argv[i], usage);
        else
            dir = argv[i];
    }
    if (!dir || n == 0 || n > 24000)
        die("need OUTDIR and 1 <= N <= 24000\n%s", usage);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", dir, strerror(errno));
    rng_seed(seed);
    unsigned nobj;
    objective *o = plan_objectives((unsigned)n, &nobj);
    char names[32][32];
    unsigned nm = write_measures(dir, o, nobj, (unsigned)n, names);
    nm += write_milestones(dir, o, nobj, names + nm);
    snprintf(names[nm++], 32, "finance.yaml");
    write_finance(dir);
    write_report(dir, (unsigned)n, o, nobj, names, nm);
    free(o);
    return 0;
}
