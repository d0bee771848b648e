/* test_sections.c — the section registry: one complete entry per type,
 * named as the vocabulary names it. */
#include "fixtures.h"

#include <string.h>

#include "../../../src/load/build_int.h"
#include "br_section.h"

static void every_type_has_an_entry_named_as_in_the_vocabulary(void **state)
{
    (void)state;
    for (size_t t = 0; t < BR_SEC_COUNT; t++) {
        const br_section_def *def = br_sections[t];
        assert_non_null(def);
        assert_string_equal(def->name, br_vocab_section_yaml[t]);
        assert_string_equal(def->name, br_section_type_name((br_section_type)t));
        assert_non_null(def->compose);
        assert_true(def->nfields >= 1);
    }
    assert_null(br_vocab_section_yaml[BR_SEC_COUNT]);
}

/* The loader reads `type` before it picks the type's table; every table
 * must still list it, or `type:` itself would be an unknown key. */
static void every_type_takes_type_and_no_key_twice(void **state)
{
    (void)state;
    for (size_t t = 0; t < BR_SEC_COUNT; t++) {
        const br_section_def *def = br_sections[t];
        bool has_type = false;
        for (size_t i = 0; i < def->nfields; i++) {
            has_type = has_type || strcmp(def->fields[i].name, "type") == 0;
            for (size_t k = i + 1; k < def->nfields; k++)
                assert_string_not_equal(def->fields[i].name, def->fields[k].name);
        }
        assert_true(has_type);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(every_type_has_an_entry_named_as_in_the_vocabulary),
        FX_TEST(every_type_takes_type_and_no_key_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
