/* compose_fixture.h — the paper composed from a report.yaml's text, for
 * the compose unit tests (test_compose.c, test_profile.c). */
#ifndef BR_COMPOSE_FIXTURE_H
#define BR_COMPOSE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "br_compose.h"
#include "br_report.h"

/* Writes yaml to a fresh folder's report.yaml, prepares and composes it;
 * its diagnostics in *d, the report in *r when r is not NULL.  NULL when
 * the report cannot be prepared. */
static inline br_doc *fx_compose_yaml(const char *yaml, br_arena *a, br_diags **d,
                                      const br_report **r)
{
    char dir[] = "/tmp/br-compose-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(yaml, f);
    fclose(f);
    *d = br_arena_alloc(a, sizeof **d);
    br_diags_init(*d, a);
    br_template *t = br_arena_alloc(a, sizeof *t);
    br_report *rep = br_report_prepare(dir, t, a, *d);
    remove(path);
    rmdir(dir);
    if (r)
        *r = rep;
    if (!rep)
        return NULL;
    br_style *style = br_arena_alloc(a, sizeof *style);
    return br_compose(rep, t, style, a, *d);
}

#endif
