/* test_style.c — the width text is set in, which check (a table's fixed
 * widths) and layout (columns side by side) both take from the style. */
#include "fixtures.h"

#include "br_style.h"

static void full_width_is_the_page_less_its_margins(void **state)
{
    (void)state;
    br_style s;
    br_style_default(&s);
    s.margin_left = 50, s.margin_right = 40;
    assert_double_equal(br_style_text_width(&s, BR_ORIENT_PORTRAIT, 0), s.page_width - 90, 1e-9);
    assert_double_equal(br_style_text_width(&s, BR_ORIENT_LANDSCAPE, 1), s.page_height - 90, 1e-9);
}

static void keep_takes_the_styles_orientation(void **state)
{
    (void)state;
    br_style s;
    br_style_default(&s);
    s.orientation = BR_ORIENT_LANDSCAPE;
    assert_double_equal(br_style_text_width(&s, BR_ORIENT_KEEP, 0),
                        br_style_text_width(&s, BR_ORIENT_LANDSCAPE, 0), 1e-9);
}

/* n columns and the n - 1 gaps between them make the full width. */
static void columns_and_their_gaps_make_the_width(void **state)
{
    (void)state;
    br_style s;
    br_style_default(&s);
    double full = br_style_text_width(&s, BR_ORIENT_PORTRAIT, 0);
    for (int n = 2; n <= 4; n++)
        assert_double_equal(n * br_style_text_width(&s, BR_ORIENT_PORTRAIT, n) +
                            (n - 1) * BR_COLUMN_GAP, full, 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_width_is_the_page_less_its_margins),
        cmocka_unit_test(keep_takes_the_styles_orientation),
        cmocka_unit_test(columns_and_their_gaps_make_the_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
