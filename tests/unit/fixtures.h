/* fixtures.h — building report models by hand for the unit tests.
 *
 * Everything is allocated in the arena the test passes in; free the arena
 * in one call at the end of the test.  Header-only (static inline) so that
 * each test program includes what it uses and nothing warns about the rest.
 */
#ifndef BR_TEST_FIXTURES_H
#define BR_TEST_FIXTURES_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "br_arena.h"
#include "br_format.h"
#include "br_model.h"
#include "br_period.h"
#include "br_template.h"

/* cmocka 1.1.5 compares floats only; newer versions define this macro. */
#ifndef assert_double_equal
static inline void fx_assert_near(double a, double b, double eps, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%.17g != %.17g (within %g)\n", a, b, eps);
        _fail(file, line);
    }
}
#define assert_double_equal(a, b, eps) fx_assert_near((a), (b), (eps), __FILE__, __LINE__)
#endif

/* Setup and teardown giving each test a fresh arena in *state. */
static inline int fx_setup(void **state)
{
    *state = br_arena_new();
    return 0;
}

static inline int fx_teardown(void **state)
{
    br_arena_free(*state);
    return 0;
}

#define FX_TEST(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)

/* A selection key of the given values: FX_NAMES("A") or FX_NAMES("a", "b"). */
#define FX_NAMES(...)                                                                   \
    ((br_names){(const char *[]){__VA_ARGS__}, NULL,                                    \
                sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)})

/* Marks a missing value in fx_values. */
#define FX_MISSING NAN

/* A report over the given period ids (parsed), the report period being the
 * last; room for up to 16 measures, milestones and finance entries. */
static inline br_report *fx_report(br_arena *a, const char *const *ids, size_t n)
{
    br_report *r = br_arena_alloc(a, sizeof *r);
    r->arena = a;
    r->periods = br_arena_calloc(a, n ? n : 1, sizeof *r->periods);
    r->nperiods = n;
    for (size_t i = 0; i < n; i++) {
        r->periods[i].id = ids[i];
        assert_true(br_period_parse(ids[i], &r->periods[i]));
    }
    r->period = n ? n - 1 : BR_NONE;
    r->period_id = n ? ids[n - 1] : NULL;
    r->measures = br_arena_calloc(a, 16, sizeof *r->measures);
    r->milestones = br_arena_calloc(a, 16, sizeof *r->milestones);
    r->finance = br_arena_calloc(a, 16, sizeof *r->finance);
    return r;
}

/* The six quarters of the 2019/20 Cabinet paper: 2018/19 Q1 .. 2019/20 Q2. */
static inline br_report *fx_report_six_quarters(br_arena *a)
{
    static const char *const ids[] = {"2018/19 Q1", "2018/19 Q2", "2018/19 Q3",
                                      "2018/19 Q4", "2019/20 Q1", "2019/20 Q2"};
    return fx_report(a, ids, 6);
}

/* A number as the loader reads it written plainly: 89.9 has one decimal. */
static inline br_value fx_num(double v)
{
    return (br_value){.kind = BR_VALUE_NUMBER, .number = v,
                      .decimals = br_format_written_places(v)};
}

static inline br_value fx_text(const char *s)
{
    return (br_value){.kind = BR_VALUE_TEXT, .text = s};
}

/* Appends a measure with no values to the report. */
static inline br_measure *fx_measure(br_report *r, const char *id, br_polarity polarity,
                                     br_unit unit)
{
    assert_true(r->nmeasures < 16);
    br_measure *m = &r->measures[r->nmeasures++];
    m->id = id;
    m->title = id;
    m->polarity = polarity;
    m->has_polarity = true;
    m->unit = unit;
    m->decimals = -1;
    m->change_decimals = -1;
    m->benchmark = -1;
    m->values = br_arena_calloc(r->arena, r->nperiods ? r->nperiods : 1, sizeof *m->values);
    m->notes = br_arena_calloc(r->arena, r->nperiods ? r->nperiods : 1, sizeof *m->notes);
    return m;
}

/* Sets the values of the first n periods; FX_MISSING leaves one absent. */
static inline void fx_values(br_measure *m, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        m->values[i] = isnan(v[i]) ? (br_value){0} : fx_num(v[i]);
}

/* A template with only the trend bands set (the defaults of docs/format.md). */
static inline br_template fx_template(void)
{
    br_template t = {0};
    t.trend_band_points = 1.0;
    t.trend_band_percent = 2.0;
    t.numbers = (br_numfmt){true, BR_NEG_MINUS};
    t.finance_numbers = (br_numfmt){true, BR_NEG_MINUS};
    return t;
}

static inline br_date fx_date(int y, int m, int d)
{
    return (br_date){y, m, d};
}

#endif
