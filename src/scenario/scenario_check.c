/* scenario_check.c - cross-field rules of scenario files. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "brink/scenario.h"
#include "scenario/scenario_check.h"
#include "scenario/scenario_schema.h"
#include "scenario/schema.h"

typedef struct checker {
    brink_ctx_t *ctx;
    const doc_t *doc;
    brink_diags_t *diags;
    int problems;
    brink_status_t fatal;
} checker_t;

static void fail_at(checker_t *c, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_at(checker_t *c, const char *path, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const doc_node_t *n = doc_lookup(c->doc->root, path);
    c->problems++;
    if (brink_diags_add(c->ctx, c->diags, doc_node_file(c->doc, n), n ? n->line : 0,
                        n ? n->column : 0, path, "%s: %s", path, msg) != BRINK_OK)
        c->fatal = BRINK_ENOMEM;
}

brink_status_t scenario_check(brink_ctx_t *ctx, const doc_t *doc, const sc_scenario_t *sc,
                              brink_diags_t *diags)
{
    checker_t c = {ctx, doc, diags, 0, BRINK_OK};
    char path[128], a[16], b[16];

    if (sc->end < sc->start) {
        schema_format_month(sc->end, a);
        schema_format_month(sc->start, b);
        fail_at(&c, "end", "%s is before start %s; expected a month on or after start", a, b);
    } else if (sc->end - sc->start >= 100 * 12) {
        fail_at(&c, "end", "the horizon is %d months; expected at most 100 years",
                sc->end - sc->start + 1);
    }
    if (sc->nactors < 2)
        fail_at(&c, "actors", "found %zu actor(s); expected at least 2", sc->nactors);
    else if (sc->nactors > BRINK_SCENARIO_MAX_ACTORS) {
        snprintf(path, sizeof path, "actors[%d]", BRINK_SCENARIO_MAX_ACTORS);
        fail_at(&c, path, "found %zu actors; the simulation supports at most %d", sc->nactors,
                BRINK_SCENARIO_MAX_ACTORS);
    }

    for (size_t i = 0; i < sc->nactors; i++) {
        const sc_actor_t *act = &sc->actors[i];
        if (act->nleaders == 0) {
            snprintf(path, sizeof path, "actors[%zu].leaders", i);
            fail_at(&c, path, "found no leaders; expected at least one");
            continue;
        }
        if (act->leaders[0].start > sc->start) {
            schema_format_month(act->leaders[0].start, a);
            schema_format_month(sc->start, b);
            snprintf(path, sizeof path, "actors[%zu].leaders[0].start", i);
            fail_at(&c, path, "%s is after the scenario start %s; expected the first leader in "
                              "office at the start", a, b);
        }
        for (size_t k = 0; k < act->nleaders; k++) {
            const sc_leader_t *l = &act->leaders[k];
            if (k > 0 && l->start <= act->leaders[k - 1].start) {
                schema_format_month(l->start, a);
                schema_format_month(act->leaders[k - 1].start, b);
                snprintf(path, sizeof path, "actors[%zu].leaders[%zu].start", i, k);
                fail_at(&c, path, "%s is not after the previous leader's start %s; expected "
                                  "leaders in order of taking office", a, b);
            }
            if (l->w_security + l->w_economy + l->w_prestige <= 0.0) {
                snprintf(path, sizeof path, "actors[%zu].leaders[%zu]", i, k);
                fail_at(&c, path, "the utility weights are all 0; expected a positive sum");
            }
        }
    }
    if (sc->target >= 0 && (size_t)sc->target < sc->nactors &&
        !sc->actors[sc->target].nuclear.programme)
        fail_at(&c, "target", "'%s' has no nuclear programme; expected the nuclear aspirant "
                              "(nuclear.programme: true)", sc->actors[sc->target].id);

    for (size_t i = 0; i < sc->ndyads; i++) {
        const sc_dyad_t *d = &sc->dyads[i];
        if (d->from == d->to) {
            snprintf(path, sizeof path, "dyads[%zu].to", i);
            fail_at(&c, path, "'%s' is also 'from'; expected another actor", sc->actors[d->to].id);
        }
        for (size_t j = 0; j < i; j++) {
            if (sc->dyads[j].from == d->from && sc->dyads[j].to == d->to) {
                snprintf(path, sizeof path, "dyads[%zu]", i);
                fail_at(&c, path, "duplicate dyad %s -> %s (first as dyads[%zu])",
                        sc->actors[d->from].id, sc->actors[d->to].id, j);
                break;
            }
        }
    }
    for (size_t i = 0; i < sc->nevents; i++) {
        const sc_event_t *e = &sc->events[i];
        if (e->date < sc->start || e->date > sc->end) {
            schema_format_month(e->date, a);
            snprintf(path, sizeof path, "events[%zu].date", i);
            fail_at(&c, path, "%s is outside the scenario horizon; expected a month from start "
                              "to end", a);
        }
    }
    if (sc->params.phases != floor(sc->params.phases))
        fail_at(&c, "params.phases", "%g is not a whole number; expected the number of "
                                     "implementation phases (1, 2, ...)", sc->params.phases);
    for (size_t i = 0; i < sc->nfree; i++) {
        const sc_free_t *fr = &sc->free[i];
        const schema_field_t *f;
        void *addr;
        char why[256];
        snprintf(path, sizeof path, "free[%zu].path", i);
        if (schema_lookup(&scenario_schema, (void *)(uintptr_t)sc, fr->path, &f, &addr, why,
                          sizeof why) != BRINK_OK) {
            fail_at(&c, path, "%s", why);
            continue;
        }
        if (f->kind != SK_NUM) {
            fail_at(&c, path, "'%s' is not a numeric key; expected a key holding a number",
                    fr->path);
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(sc->free[j].path, fr->path) == 0)
                fail_at(&c, path, "'%s' is already free (free[%zu])", fr->path, j);
        snprintf(path, sizeof path, "free[%zu]", i);
        if (fr->prior == SC_PRIOR_NORMAL) {
            if (!(fr->b > 0))
                fail_at(&c, path, "the standard deviation b = %g; expected b > 0", fr->b);
            else if (fr->a < f->min - 3 * fr->b || fr->a > f->max + 3 * fr->b)
                fail_at(&c, path, "the mean a = %g lies more than 3 standard deviations outside "
                                  "the key's range [%g, %g]", fr->a, f->min, f->max);
        } else {
            if (!(fr->a < fr->b))
                fail_at(&c, path, "the bounds a = %g, b = %g; expected a < b", fr->a, fr->b);
            else if (fr->a < f->min || fr->b > f->max)
                fail_at(&c, path, "the bounds [%g, %g] leave the key's range [%g, %g]", fr->a,
                        fr->b, f->min, f->max);
            else if (fr->prior == SC_PRIOR_LOG_UNIFORM && !(fr->a > 0))
                fail_at(&c, path, "a log-uniform prior needs a > 0, got %g", fr->a);
        }
    }
    if (c.fatal)
        return c.fatal;
    return c.problems ? BRINK_EVALIDATE : BRINK_OK;
}
