/* worst.c — writes the most expensive report.yaml of a given shape that
 * stays within the loader's 8 MiB limit, for `make bench` to time `check`
 * on (the brief: an 8 MiB file of any shape is checked in under 2 s).
 *
 *   build/bench/worst SHAPE OUTDIR       writes OUTDIR/report.yaml
 *   build/bench/worst --list             prints the shapes
 *
 * Each shape aims at one place where work could grow faster than the
 * input: anchor lookup, duplicate keys, "did you mean" suggestions,
 * diagnostics, nesting, line scanning for messages, footnote references,
 * cross-references between ids.  Every file is deterministic.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LIMIT (8u * 1024 * 1024 - 4096)   /* the loader's 8 MiB, less a margin */

static const char head[] =
    "report:\n"
    "  title: Worst case\n"
    "  organisation: Bench Council\n"
    "  period: 2019/20 Q2\n"
    "  date: 2019-10-17\n"
    "periods: [2019/20 Q1, 2019/20 Q2]\n";

typedef struct out {
    FILE *f;
    long n;
} out;

static int room(const out *o, long more)
{
    return o->n + more < (long)LIMIT;
}

static void put(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vfprintf(o->f, fmt, ap);
    va_end(ap);
    if (k > 0)
        o->n += k;
}

/* As many anchors as fit (about 290,000), then as many aliases, each
 * naming the anchor that a scan from either end reaches last. */
static void anchors(out *o)
{
    put(o, "%sanchors:\n", head);
    long n = ((long)LIMIT - o->n - 64) / 28;   /* 15 + 13 bytes a pair */
    for (long i = 0; i < n; i++)
        put(o, "  - &a%06ld x\n", i);
    put(o, "aliases:\n");
    for (long i = 0; i < n; i++)
        put(o, "  - *a%06ld\n", (i & 1) ? i / 2 : n - 1 - i / 2);
}

/* One mapping of distinct keys, then the same keys again: every duplicate
 * is an error to find and report. */
static void duplicate_keys(out *o)
{
    put(o, "%scommentary:\n", head);
    long n = 0;
    while (room(o, 2 * 18L * (n + 1)))
        n++;
    for (int pass = 0; pass < 2; pass++)
        for (long i = 0; i < n; i++)
            put(o, "  key_%08ld: x\n", i);
}

/* Unknown keys that are each near a real one: every key costs a "did you
 * mean" search. */
static void misspelt_keys(out *o)
{
    put(o, "%smeasures:\n", head);
    for (long i = 0; room(o, 200); i++)
        put(o, "  - {id: m%ld, titel: T, polarty: none, valuez: 1, tolerence: 1, targt: 2}\n", i);
}

/* A long list of measures that each break several rules: the diagnostics
 * list fills, and the rest are counted. */
static void many_errors(out *o)
{
    put(o, "%smeasures:\n", head);
    for (long i = 0; room(o, 120); i++)
        put(o, "  - {id: M_%ld, title: '', polarity: up, unit: pct, values: {Q9: 5%%}}\n", i);
    put(o, "sections: [{type: measure_table}]\n");
}

/* Nesting to the limit, over and over: flow lists inside flow lists. */
static void deep_nesting(out *o)
{
    put(o, "%scommentary:\n", head);
    for (long i = 0; room(o, 200); i++) {
        put(o, "  k%ld: ", i);
        for (int d = 0; d < 60; d++)
            put(o, "[");
        for (int d = 0; d < 60; d++)
            put(o, "]");
        put(o, "\n");
    }
}

/* One line of almost 8 MiB, then an error on the next: any message that
 * scans lines for context scans this one. */
static void long_line(out *o)
{
    put(o, "%scommentary:\n  a: \"", head);
    while (room(o, 200))
        put(o, "the same words again and again ");
    put(o, "\"\n  b: [unclosed\n");
}

/* Many short lines, with a syntax error at the very end. */
static void error_at_end(out *o)
{
    put(o, "%scommentary:\n", head);
    for (long i = 0; room(o, 100); i++)
        put(o, "  c%ld: x\n", i);
    put(o, "  last: 'unclosed\n");
}

/* Text packed with footnote references, none of them defined. */
static void footnote_refs(out *o)
{
    put(o, "%ssections:\n  - type: paragraphs\n    text:\n", head);
    for (long i = 0; room(o, 400); i++) {
        put(o, "      - \"");
        for (int k = 0; k < 30; k++)
            put(o, "w[^n%ld] ", (i * 30 + k) % 50000);
        put(o, "\"\n");
    }
}

/* 20,000 measures m0..m19999, then tables naming 6,000 ids each, written
 * with the letter `prefix`: 'm' names real ids, 'x' ids one letter off. */
static void measures_and_tables(out *o, char prefix)
{
    put(o, "%smeasures:\n", head);
    long n = 20000;
    for (long i = 0; i < n; i++)
        put(o, "  - {id: m%ld, title: M, polarity: none, values: {2019/20 Q2: %ld}}\n", i, i);
    put(o, "sections:\n");
    while (room(o, 64 * 1024)) {
        put(o, "  - type: measure_table\n    ids: [");
        for (long i = 0; i < 6000; i++)
            put(o, "%s%c%ld", i ? ", " : "", prefix, (i * 7919) % n);
        put(o, "]\n");
    }
}

/* Thousands of measures, and a section naming every id many times. */
static void cross_refs(out *o)
{
    measures_and_tables(o, 'm');
}

/* Every id a section names is one letter off a real one: each is an
 * error with a "did you mean" found by searching the ids. */
static void unknown_ids(out *o)
{
    measures_and_tables(o, 'x');
}

/* A chain of footnotes, each citing the next: every reference in a
 * footnote's text is looked up among all the footnotes. */
static void footnote_chain(out *o)
{
    put(o, "%sfootnotes:\n", head);
    long n = 0;
    while (room(o, 32L * (n + 2) + 100))
        n++;
    for (long i = 0; i < n; i++)
        put(o, "  f%07ld: \"text [^f%07ld]\"\n", i, (i + 1) % n);
    put(o, "sections: [{type: paragraphs, text: [\"See[^f0000000]\"]}]\n");
}

/* The loader's most milestones (50,000), each led by a person, last ones
 * first, and as many people as fit before them: every lead is looked up
 * among all the people. */
static void many_people(out *o)
{
    const long m = 50000, line = 80;   /* milestones, bytes a milestone */
    put(o, "%speople:\n", head);
    long n = 0;
    while (room(o, line * m + 100))
        put(o, "  P%07ld: \"Person %ld, Head of Service\"\n", n, n), n++;
    put(o, "milestones:\n");
    for (long i = 0; i < m; i++)
        put(o, "  - {id: M%ld, title: T, due: 2019-09-30, lead: P%07ld, status: complete}\n",
            i, (n - 1 - i % n));
    put(o, "sections: [{type: milestone_table}]\n");
}

/* The loader's most measures (50,000), each under an objective, last ones
 * first, and as many objectives as fit before them: every objective is
 * looked up by id, and checked for duplicates. */
static void many_objectives(out *o)
{
    const long m = 50000, line = 96;   /* measures, bytes a measure */
    put(o, "%sobjectives:\n", head);
    long n = 0;
    while (room(o, line * m + 100))
        put(o, "  - {id: O%07ld, title: Objective %ld}\n", n, n), n++;
    put(o, "measures:\n");
    for (long i = 0; i < m; i++)
        put(o, "  - {id: m%ld, title: M, polarity: none, objective: O%07ld, values: {2019/20 Q2: 1}}\n",
            i, (n - 1 - i % n));
    put(o, "sections: [{type: measure_table}]\n");
}

typedef struct shape {
    const char *name;
    void (*write)(out *o);
} shape;

static const shape shapes[] = {
    {"anchors", anchors},           {"duplicate-keys", duplicate_keys},
    {"misspelt-keys", misspelt_keys}, {"many-errors", many_errors},
    {"deep-nesting", deep_nesting}, {"long-line", long_line},
    {"error-at-end", error_at_end}, {"footnote-refs", footnote_refs},
    {"cross-refs", cross_refs},     {"unknown-ids", unknown_ids},
    {"footnote-chain", footnote_chain}, {"people", many_people},
    {"objectives", many_objectives},
};

int main(int argc, char **argv)
{
    size_t nshapes = sizeof shapes / sizeof shapes[0];
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < nshapes; i++)
            puts(shapes[i].name);
        return 0;
    }
    if (argc != 3) {
        fputs("usage: worst SHAPE OUTDIR | worst --list\n", stderr);
        return 2;
    }
    for (size_t i = 0; i < nshapes; i++) {
        if (strcmp(argv[1], shapes[i].name) != 0)
            continue;
        mkdir(argv[2], 0777);
        char path[4096];
        snprintf(path, sizeof path, "%s/report.yaml", argv[2]);
        out o = {fopen(path, "w"), 0};
        if (!o.f) {
            perror(path);
            return 1;
        }
        shapes[i].write(&o);
        if (fclose(o.f) != 0) {
            perror(path);
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "worst: unknown shape '%s'; try --list\n", argv[1]);
    return 2;
}
