/* test_sim_flagship.c - the flagship obeys the modelling rules: nothing is
 * scheduled but leader successions and elections, and nothing after 2019
 * sets a parameter (leaders taking office after 2019 carry the schema
 * defaults). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "scenario/scenario_internal.h"

static void test_flagship_rules(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    assert_int_equal(brink_scenario_load(ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", NULL, 0,
                                         &sc, &d),
                     BRINK_OK);
    const sc_scenario_t *s = scenario_data(sc);
    /* only exogenous shocks from outside the system, each with its source,
     * none after 2019: no scheduled tests, talks, summits or deals (the
     * scenario format has no such event kinds) */
    for (size_t k = 0; k < s->nevents; k++) {
        const sc_event_t *e = &s->events[k];
        assert_true(e->kind == SC_EV_RIVALRY_SHOCK || e->kind == SC_EV_EXTERNAL_WAR ||
                    e->kind == SC_EV_THREAT_SHOCK || e->kind == SC_EV_BORDER_CLOSURE ||
                    e->kind == SC_EV_BORDER_OPEN);
        assert_non_null(e->note);
        assert_true(e->date <= 2019 * 12 + 11);
    }
    /* the record stops at 2019 */
    for (size_t k = 0; k < s->nrecord; k++)
        assert_true(s->record[k].year <= 2019);
    assert_int_equal(s->start, 2012 * 12);
    assert_int_equal(s->end, 2030 * 12 + 11);
    assert_int_equal(s->nactors, 6);
    int later = 0;
    for (size_t i = 0; i < s->nactors; i++)
        for (size_t k = 0; k < s->actors[i].nleaders; k++) {
            const sc_leader_t *l = &s->actors[i].leaders[k];
            if (l->start <= 2019 * 12 + 11)
                continue;
            later++;
            /* schema defaults (scenario_schema.c) */
            assert_true(l->w_security == 0.5 && l->w_economy == 0.3 && l->w_prestige == 0.2);
            assert_true(l->risk == 0.0 && l->discount == 0.98 && l->precision == 8.0);
            assert_true(l->engagement == 0.4 && l->pressure == 0.5);
        }
    assert_int_equal(later, 6); /* US 2021, 2025; ROK 2022, 2027; RUS 2024; JPN 2021 */
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_flagship_rules)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
