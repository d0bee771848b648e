/* model.c — look-ups in the report model, and the YAML names of its enums. */
#include "br_model.h"

#include <string.h>

const br_measure *br_report_measure(const br_report *report, const char *id)
{
    if (id && report->measure_ids) {
        const br_key_index *at;
        size_t n = br_key_range(report->measure_ids, report->nmeasure_ids, id, &at);
        return n ? &report->measures[at->index] : NULL;
    }
    for (size_t i = 0; id && i < report->nmeasures; i++)
        if (report->measures[i].id && strcmp(report->measures[i].id, id) == 0)
            return &report->measures[i];
    return NULL;
}

const br_finance *br_report_finance(const br_report *report, const char *id)
{
    for (size_t i = 0; id && i < report->nfinance; i++)
        if (report->finance[i].id && strcmp(report->finance[i].id, id) == 0)
            return &report->finance[i];
    return NULL;
}

static const br_keyed_text *keyed(const br_keyed_text *items, size_t n, const char *key)
{
    for (size_t i = 0; key && i < n; i++)
        if (items[i].key && strcmp(items[i].key, key) == 0)
            return &items[i];
    return NULL;
}

const br_keyed_text *br_report_person(const br_report *report, const char *key)
{
    return keyed(report->people, report->npeople, key);
}

const br_keyed_text *br_report_footnote(const br_report *report, const char *key)
{
    return keyed(report->footnotes, report->nfootnotes, key);
}

size_t br_report_period_index(const br_report *report, const char *id)
{
    for (size_t i = 0; id && i < report->nperiods; i++)
        if (report->periods[i].id && strcmp(report->periods[i].id, id) == 0)
            return i;
    return BR_NONE;
}

/* names[v] for a valid v; "?" for a value outside the enum, which only a
 * bug can produce, so that printing it never crashes. */
static const char *name_of(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : "?";
}

#define NAME(names, v) name_of((names), sizeof(names) / sizeof(names)[0], (int)(v))

const char *br_polarity_name(br_polarity p)
{
    static const char *const names[] = {"higher", "lower", "range", "none"};
    return NAME(names, p);
}

const char *br_unit_name(br_unit u)
{
    static const char *const names[] = {"number", "percent", "days", "weeks",
                                        "gbp",    "gbp_k",   "gbp_m", "ratio"};
    return NAME(names, u);
}

/* An unset frequency has no name: "" so that it prints as nothing. */
const char *br_frequency_name(br_frequency f)
{
    static const char *const names[] = {"", "monthly", "quarterly", "annual"};
    return NAME(names, f);
}

/* Both grey states export as "none": the YAML has one word for them. */
const char *br_status_name(br_status s)
{
    static const char *const names[] = {"red", "amber", "green", "none", "none"};
    _Static_assert(sizeof names / sizeof names[0] == BR_STATUS_COUNT, "a name per status");
    return NAME(names, s);
}

const char *br_trend_name(br_trend t)
{
    static const char *const names[] = {"none",     "improving",  "declining", "stable",
                                        "volatile", "increasing", "decreasing"};
    _Static_assert(sizeof names / sizeof names[0] == BR_TREND_COUNT, "a name per trend");
    return NAME(names, t);
}

const char *br_milestone_status_name(br_milestone_status s)
{
    static const char *const names[] = {"not-started", "on-track", "at-risk", "missed",
                                        "complete"};
    _Static_assert(sizeof names / sizeof names[0] == BR_MS_COUNT, "a name per status");
    return NAME(names, s);
}

const char *br_section_type_name(br_section_type t)
{
    static const char *const names[] = {
        "front_sheet", "heading", "paragraphs", "objective", "measure_table",
        "milestone_table", "finance_table", "summary", "commentary", "table",
        "chart", "page_break", "profile"};
    _Static_assert(sizeof names / sizeof names[0] == BR_SEC_COUNT, "a name per type");
    return NAME(names, t);
}
