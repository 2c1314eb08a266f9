/* step.c - one month of the model (docs/model.md, section 3) and a run. */
#include "sim/sim_internal.h"

static void unsc(sim_state_t *s)
{
    if (s->severity <= 0.0)
        return;
    int proposer = -1;
    for (int k = 0; k < s->m->n; k++)
        if (s->m->hostile[k] && s->a[k].veto) {
            proposer = k;
            break;
        }
    /* a draft is tabled with probability severity^2 (tests below severity
     * 0.5, short- and intermediate-range, draw none) and needs negotiation:
     * at most one resolution in unsc_gap months */
    if (proposer >= 0 && s->severity >= 0.5 && s->month - s->last_resolution >= (int)s->m->P.unsc_gap &&
        brink_rng_bernoulli(&s->rng, s->severity * s->severity))
        sim_unsc_round(s, proposer, s->severity);
}

static void outcome_at_horizon(sim_state_t *s)
{
    if (s->done)
        return;
    if (s->ag.kind == AG_COMPREHENSIVE)
        s->outcome = OUT_DEAL;
    else if (s->ag.kind == AG_FREEZE)
        s->outcome = OUT_FREEZE;
    else
        s->outcome = OUT_STATUS_QUO;
}

void sim_step(sim_state_t *s)
{
    s->severity = 0.0;
    s->tested_this_month = 0;
    s->aid = 0.0;
    /* summitry keeps the target on the agenda: attention decays only
     * while no talks with an adversary are open */
    if (!sim_talks_open_any(s))
        s->attention *= s->m->dec_attention;
    sim_schedule(s);                      /* 1. exogenous schedule */
    sim_policies(s);                      /* 3b. continuous policies, exercises */
    sim_choices(s);                       /* 3a. the others' discrete choices */
    if (!s->done)
        sim_talks_step(s);                /* 4. talks: open, walk out, rounds, summits */
    if (!s->done)
        sim_agreement_step(s);            /*    agreements: keep, renege, implement */
    if (!s->done)
        sim_testing(s);                   /* 3c. the target's tests */
    if (!s->done)
        unsc(s);                          /* 4. the Security Council answers tests */
    if (!s->done) {
        sim_forces(s);                    /* 5. forces, economy, coalition */
        sim_economy(s);
        sim_hazard(s);                    /* 6. crisis hazards */
    }
    sim_perception(s);                    /* 2. perceptions (for next month) */
    for (int i = 0; i < s->m->n; i++)
        for (int j = 0; j < s->m->n; j++) {
            s->d[i][j].hostile = 0.0;
            s->d[i][j].coop = 0.0;
        }
}

void sim_run(sim_state_t *s, int until, sim_month_fn on_month, void *ud)
{
    for (int m = s->m->start; m <= until; m++) {
        s->month = m;
        sim_step(s);
        if (on_month)
            on_month(s, ud);
        if (s->done)
            break;
    }
    outcome_at_horizon(s);
}
