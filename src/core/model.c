/* model.c — look-ups in the report model, and the names of its enums. */
#include "br_model.h"

#include <string.h>

#include "br_vocab.h"

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

/* The first item whose key is key: through index when it is built. */
static const br_keyed_text *indexed(const br_key_index *index, size_t nindex,
                                    const br_keyed_text *items, size_t n, const char *key)
{
    if (!index)
        return keyed(items, n, key);
    const br_key_index *at;
    return br_key_range(index, nindex, key, &at) ? &items[at->index] : NULL;
}

const br_keyed_text *br_report_person(const br_report *report, const char *key)
{
    return indexed(report->person_keys, report->nperson_keys, report->people,
                   report->npeople, key);
}

const br_keyed_text *br_report_footnote(const br_report *report, const char *key)
{
    return indexed(report->footnote_keys, report->nfootnote_keys, report->footnotes,
                   report->nfootnotes, key);
}

const br_objective_entry *br_report_objective_entry(const br_report *report, const char *id)
{
    if (id && report->objective_entry_ids) {
        const br_key_index *at;
        size_t n = br_key_range(report->objective_entry_ids, report->nobjective_entry_ids, id,
                                &at);
        return n ? &report->objective_entries[at->index] : NULL;
    }
    for (size_t i = 0; id && i < report->nobjective_entries; i++)
        if (report->objective_entries[i].id && strcmp(report->objective_entries[i].id, id) == 0)
            return &report->objective_entries[i];
    return NULL;
}

size_t br_report_period_index(const br_report *report, const char *id)
{
    for (size_t i = 0; id && i < report->nperiods; i++)
        if (report->periods[i].id && strcmp(report->periods[i].id, id) == 0)
            return i;
    return BR_NONE;
}

/* Export names, from the vocabulary (br_vocab.def). */
const char *br_polarity_name(br_polarity p)
{
    return BR_VOCAB_WORD(br_vocab_polarity, p)->export;
}

const char *br_unit_name(br_unit u)
{
    return BR_VOCAB_WORD(br_vocab_unit, u)->export;
}

/* An unset frequency has no name: "" so that it prints as nothing. */
const char *br_frequency_name(br_frequency f)
{
    return BR_VOCAB_WORD(br_vocab_frequency, f)->export;
}

/* Each of the five states has its own name: no_data and no_target. */
const char *br_status_name(br_status s)
{
    return BR_VOCAB_WORD(br_vocab_status, s)->export;
}

const char *br_trend_name(br_trend t)
{
    return BR_VOCAB_WORD(br_vocab_trend, t)->export;
}

const char *br_milestone_status_name(br_milestone_status s)
{
    return BR_VOCAB_WORD(br_vocab_ms_status, s)->export;
}

const char *br_section_type_name(br_section_type t)
{
    return (unsigned)t < BR_SEC_COUNT ? br_vocab_section_yaml[t] : "?";
}
