/* model.c - the model of a scenario: roles, the package grid, constants. */
#include <math.h>
#include <string.h>

#include "scenario/scenario_internal.h"
#include "sim/sim_internal.h"

struct brink_sim {
    brink_ctx_t *ctx;
    sim_model_t m;
};

const sim_model_t *sim_model_of(const brink_sim_t *sim);
const sim_model_t *sim_model_of(const brink_sim_t *sim)
{
    return &sim->m;
}

brink_status_t sim_model_init(sim_model_t *m, const sc_scenario_t *sc)
{
    memset(m, 0, sizeof *m);
    if (sc->nactors > SIM_MAXA)
        return BRINK_ELIMIT;
    m->sc = sc;
    m->P = sc->params;
    m->n = (int)sc->nactors;
    m->target = sc->target;
    m->start = sc->start;
    m->end = sc->end;
    m->china = -1;
    /* adversaries of the target: actors with enmity towards it or sanctions
     * on it; the patron: the largest trade partner of the target */
    double best = 0.0;
    for (size_t k = 0; k < sc->ndyads; k++) {
        const sc_dyad_t *d = &sc->dyads[k];
        if (d->to == m->target && (d->enmity > 0.3 || d->sanctions > 0.0))
            m->hostile[d->from] = 1;
        if (d->to == m->target && d->from != m->target && (d->alliance > 0.0 || d->trade_share > 0.05) &&
            !(d->enmity > 0.3 || d->sanctions > 0.0))
            m->patron[d->from] = 1;
        if (d->to == m->target && d->trade_share > best) {
            best = d->trade_share;
            m->china = d->from;
        }
    }
    int k = 0;
    for (int d = 0; d < SIM_GRID; d++)
        for (int r = 0; r < SIM_GRID; r++)
            for (int a = 0; a < SIM_GRID; a++, k++) {
                m->pkg[k][0] = d / (double)(SIM_GRID - 1);
                m->pkg[k][1] = r / (double)(SIM_GRID - 1);
                m->pkg[k][2] = a / (double)(SIM_GRID - 1);
            }
    m->dec_escal = pow(0.5, 1.0 / m->P.escalation_halflife);
    m->dec_attention = pow(0.5, 1.0 / m->P.attention_halflife);
    m->dec_momentum = pow(0.5, 1.0 / m->P.momentum_halflife);
    for (int i = 0; i < m->n; i++)
        if (m->hostile[i])
            m->patron[i] = 0;
    return BRINK_OK;
}

brink_status_t brink_sim_new(brink_ctx_t *ctx, const brink_scenario_t *sc, brink_sim_t **out)
{
    *out = NULL;
    brink_sim_t *sim = brink_calloc(ctx, 1, sizeof *sim);
    if (!sim)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory building the model");
    sim->ctx = ctx;
    brink_status_t st = sim_model_init(&sim->m, scenario_data(sc));
    if (st != BRINK_OK) {
        brink_free(ctx, sim);
        return brink_ctx_error(ctx, st, "the simulation supports at most %d actors", SIM_MAXA);
    }
    *out = sim;
    return BRINK_OK;
}

void brink_sim_free(brink_sim_t *sim)
{
    if (sim)
        brink_free(sim->ctx, sim);
}

int brink_sim_nactors(const brink_sim_t *sim)
{
    return sim->m.n;
}

const char *brink_sim_actor_id(const brink_sim_t *sim, int i)
{
    return i >= 0 && i < sim->m.n ? sim->m.sc->actors[i].id : "-";
}

int brink_sim_start(const brink_sim_t *sim)
{
    return sim->m.start;
}

int brink_sim_end(const brink_sim_t *sim)
{
    return sim->m.end;
}
