/* test_contrast.c — WCAG 2.1 contrast ratio. */
#include "fixtures.h"

static void black_on_white_is_21(void **state)
{
    (void)state;
    assert_double_equal(br_contrast_ratio(0x000000, 0xFFFFFF), 21.0, 1e-9);
}

static void order_does_not_matter(void **state)
{
    (void)state;
    assert_double_equal(br_contrast_ratio(0xFFFFFF, 0x000000), 21.0, 1e-9);
    assert_double_equal(br_contrast_ratio(0x00B050, 0x000000),
                        br_contrast_ratio(0x000000, 0x00B050), 1e-12);
}

static void same_colour_is_1(void **state)
{
    (void)state;
    assert_double_equal(br_contrast_ratio(0x777777, 0x777777), 1.0, 1e-12);
    assert_double_equal(br_contrast_ratio(0xC00000, 0xC00000), 1.0, 1e-12);
}

/* #777777 on white is the well-known grey just below AA (checkers show
 * 4.48:1) and #767676 the one just above (4.54:1); the figures to four
 * places are the formula's, computed independently. */
static void grey_on_white_straddles_4_5(void **state)
{
    (void)state;
    assert_double_equal(br_contrast_ratio(0x777777, 0xFFFFFF), 4.4781, 1e-4);
    assert_double_equal(br_contrast_ratio(0x767676, 0xFFFFFF), 4.5422, 1e-4);
    assert_true(br_contrast_ratio(0x767676, 0xFFFFFF) >= 4.5);
    assert_true(br_contrast_ratio(0x777777, 0xFFFFFF) < 4.5);
}

static void primaries_use_the_channel_weights(void **state)
{
    (void)state;
    /* Pure red, green, blue against black: (L + 0.05) / 0.05. */
    assert_double_equal(br_contrast_ratio(0xFF0000, 0x000000), (0.2126 + 0.05) / 0.05, 1e-9);
    assert_double_equal(br_contrast_ratio(0x00FF00, 0x000000), (0.7152 + 0.05) / 0.05, 1e-9);
    assert_double_equal(br_contrast_ratio(0x0000FF, 0x000000), (0.0722 + 0.05) / 0.05, 1e-9);
}

static void dark_channels_use_the_linear_segment(void **state)
{
    (void)state;
    /* 10/255 = 0.039216, just under the 0.03928 threshold: the linear segment. */
    double l = 0.7152 * (10.0 / 255.0) / 12.92;
    assert_double_equal(br_contrast_ratio(0x000A00, 0x000000), (l + 0.05) / 0.05, 1e-12);
}

static void upper_bits_are_ignored(void **state)
{
    (void)state;
    assert_double_equal(br_contrast_ratio(0xFF000000, 0xFFFFFF), 21.0, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(black_on_white_is_21),
        cmocka_unit_test(order_does_not_matter),
        cmocka_unit_test(same_colour_is_1),
        cmocka_unit_test(grey_on_white_straddles_4_5),
        cmocka_unit_test(primaries_use_the_channel_weights),
        cmocka_unit_test(dark_channels_use_the_linear_segment),
        cmocka_unit_test(upper_bits_are_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
