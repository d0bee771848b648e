/* vocab.c — the vocabulary's tables, made from br_vocab.def. */
#include "br_vocab.h"

#include <string.h>

#define WORD(ID, yaml, export, heading, key) {yaml, export, heading, key},
#define YAML(ID, yaml, ...) yaml,

const br_word br_vocab_status[BR_STATUS_COUNT] = {
#define BR_STATUS WORD
#include "br_vocab.def"
};
const br_word br_vocab_trend[BR_TREND_COUNT] = {
#define BR_TREND WORD
#include "br_vocab.def"
};
const br_word br_vocab_unit[BR_UNIT_COUNT] = {
#define BR_UNIT WORD
#include "br_vocab.def"
};
const br_word br_vocab_polarity[BR_POLARITY_COUNT] = {
#define BR_POLARITY WORD
#include "br_vocab.def"
};
const br_word br_vocab_frequency[BR_FREQ_COUNT] = {
#define BR_FREQUENCY WORD
#include "br_vocab.def"
};
const br_word br_vocab_ms_status[BR_MS_COUNT] = {
#define BR_MS_STATUS WORD
#include "br_vocab.def"
};
const br_word br_vocab_measure_column[BR_COL_COUNT] = {
#define BR_MEASURE_COLUMN WORD
#include "br_vocab.def"
};
const br_word br_vocab_milestone_column[BR_MSCOL_COUNT] = {
#define BR_MILESTONE_COLUMN WORD
#include "br_vocab.def"
};
const br_word br_vocab_finance_column[BR_FIN_NCOLS] = {
#define BR_FINANCE_COLUMN WORD
#include "br_vocab.def"
};
const br_word br_vocab_finance_split[BR_FIN_NSPLITS] = {
#define BR_FINANCE_SPLIT WORD
#include "br_vocab.def"
};
const br_word br_vocab_profile_column[BR_PROFILE_COUNT] = {
#define BR_PROFILE_COLUMN WORD
#include "br_vocab.def"
};
const br_word br_vocab_summary_column[BR_SUMMARY_COUNT] = {
#define BR_SUMMARY_COLUMN WORD
#include "br_vocab.def"
};

const char *const br_vocab_status_yaml[BR_STATUS_COUNT + 1] = {
#define BR_STATUS YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_trend_yaml[BR_TREND_COUNT + 1] = {
#define BR_TREND YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_unit_yaml[BR_UNIT_COUNT + 1] = {
#define BR_UNIT YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_polarity_yaml[BR_POLARITY_COUNT + 1] = {
#define BR_POLARITY YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_frequency_yaml[BR_FREQ_COUNT + 1] = {
#define BR_FREQUENCY YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_ms_status_yaml[BR_MS_COUNT + 1] = {
#define BR_MS_STATUS YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_section_yaml[BR_SEC_COUNT + 1] = {
#define BR_SECTION YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_measure_column_yaml[BR_COL_COUNT + 1] = {
#define BR_MEASURE_COLUMN YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_milestone_column_yaml[BR_MSCOL_COUNT + 1] = {
#define BR_MILESTONE_COLUMN YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_finance_column_yaml[BR_FIN_NCOLS + 1] = {
#define BR_FINANCE_COLUMN YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_finance_split_yaml[BR_FIN_NSPLITS + 1] = {
#define BR_FINANCE_SPLIT YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_profile_column_yaml[BR_PROFILE_COUNT + 1] = {
#define BR_PROFILE_COLUMN YAML
#include "br_vocab.def"
    NULL};
const char *const br_vocab_summary_column_yaml[BR_SUMMARY_COUNT + 1] = {
#define BR_SUMMARY_COLUMN YAML
#include "br_vocab.def"
    NULL};

const br_word *br_vocab_word(const br_word *table, size_t n, int v)
{
    static const br_word unknown = {"?", "?", "?", "?"};
    return v >= 0 && (size_t)v < n ? &table[v] : &unknown;
}

int br_vocab_find(const br_word *table, size_t n, const char *yaml)
{
    for (size_t i = 0; yaml && i < n; i++)
        if (table[i].yaml[0] && strcmp(table[i].yaml, yaml) == 0)
            return (int)i;
    return -1;
}
