/* br_vocab.h — the vocabulary's tables (br_vocab.def), one per kind of word.
 *
 * Each table is indexed by its enum (br_status, br_column_kind, ...) and
 * gives the word's YAML name, export name, default heading and template
 * key; "" where a word has none.  The *_yaml lists hold the same YAML names
 * NULL-terminated, for the loader's enum reader (which skips "").
 */
#ifndef BR_VOCAB_H
#define BR_VOCAB_H

#include <stddef.h>

#include "br_model.h"

typedef struct br_word {
    const char *yaml;       /* as a report or template writes it */
    const char *export;     /* in export JSON and CSV */
    const char *heading;    /* the default word or heading in print */
    const char *key;        /* its key in a template */
} br_word;

/* Columns of the performance profile and of the summary of statuses. */
typedef enum br_profile_column {
#define BR_PROFILE_COLUMN(ID, ...) BR_PROFILE_##ID,
#include "br_vocab.def"
    BR_PROFILE_COUNT
} br_profile_column;

typedef enum br_summary_column {
#define BR_SUMMARY_COLUMN(ID, ...) BR_SUMMARY_##ID,
#include "br_vocab.def"
    BR_SUMMARY_COUNT
} br_summary_column;

extern const br_word br_vocab_status[BR_STATUS_COUNT];
extern const br_word br_vocab_trend[BR_TREND_COUNT];
extern const br_word br_vocab_unit[BR_UNIT_COUNT];
extern const br_word br_vocab_polarity[BR_POLARITY_COUNT];
extern const br_word br_vocab_frequency[BR_FREQ_COUNT];
extern const br_word br_vocab_ms_status[BR_MS_COUNT];
extern const br_word br_vocab_measure_column[BR_COL_COUNT];
extern const br_word br_vocab_milestone_column[BR_MSCOL_COUNT];
extern const br_word br_vocab_finance_column[BR_FIN_NCOLS];
extern const br_word br_vocab_finance_split[BR_FIN_NSPLITS];
extern const br_word br_vocab_profile_column[BR_PROFILE_COUNT];
extern const br_word br_vocab_summary_column[BR_SUMMARY_COUNT];

extern const char *const br_vocab_status_yaml[BR_STATUS_COUNT + 1];
extern const char *const br_vocab_trend_yaml[BR_TREND_COUNT + 1];
extern const char *const br_vocab_unit_yaml[BR_UNIT_COUNT + 1];
extern const char *const br_vocab_polarity_yaml[BR_POLARITY_COUNT + 1];
extern const char *const br_vocab_frequency_yaml[BR_FREQ_COUNT + 1];
extern const char *const br_vocab_ms_status_yaml[BR_MS_COUNT + 1];
extern const char *const br_vocab_section_yaml[BR_SEC_COUNT + 1];
extern const char *const br_vocab_measure_column_yaml[BR_COL_COUNT + 1];
extern const char *const br_vocab_milestone_column_yaml[BR_MSCOL_COUNT + 1];
extern const char *const br_vocab_finance_column_yaml[BR_FIN_NCOLS + 1];
extern const char *const br_vocab_finance_split_yaml[BR_FIN_NSPLITS + 1];
extern const char *const br_vocab_profile_column_yaml[BR_PROFILE_COUNT + 1];
extern const char *const br_vocab_summary_column_yaml[BR_SUMMARY_COUNT + 1];

/* table[v] for v in [0, n); a word of "?" for a value outside it, which
 * only a bug can produce, so that printing it never crashes. */
const br_word *br_vocab_word(const br_word *table, size_t n, int v);

/* The index of the entry whose YAML name is yaml; -1 when none. */
int br_vocab_find(const br_word *table, size_t n, const char *yaml);

#define BR_VOCAB_WORD(table, v) br_vocab_word((table), sizeof(table) / sizeof(table)[0], (int)(v))

#endif
