/* deterrence.c - the deterrence games derived from the state each month
 * (docs/model.md, section 6): Zagare and Kilgour's unilateral deterrence
 * tree (challenge or not; the defender concedes or resists; the challenger
 * backs down or fights), with payoffs from threat, escalation, nuclear
 * reach, alliances and audience costs, solved as an agent logit QRE.
 *
 * Game A: an adversary with a great-power arsenal (challenger) against the
 * target (defender): a preventive strike or coercion; the defender's
 * probability of resisting is the target's deterrence credibility.
 * Game B: the target (challenger) against a neighbour (defender) under its
 * patron's extended deterrence.
 *
 * MERGE NOTE: deter_solve_local() is a stand-in for brink_deter_solve()
 * from include/brink/game.h (the game solver's agent QRE of the same tree);
 * sim_deter_game_t and sim_deter_result_t have the layouts of
 * brink_deter_game_t and brink_deter_result_t.  To switch: include
 * "brink/game.h", delete the two typedefs and deter_solve_local(), and in
 * sim_deter_qre() call brink_deter_solve(ctx, &g, lambda, &r) (on failure
 * keep the local result or treat as credibility 0; ctx may be NULL only in
 * unit tests). */
#include <math.h>

#include "sim/sim_internal.h"

typedef struct sim_deter_game {
    double status_quo[2], concede[2], back_down[2], conflict[2]; /* (challenger, defender) */
} sim_deter_game_t;

typedef struct sim_deter_result {
    double credibility, p_challenge, p_fight;
    int spe_deterred;
} sim_deter_result_t;

static double logistic(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* Agent logit QRE of the three-move tree by backward induction; lambda <= 0
 * gives the subgame-perfect equilibrium (ties broken towards the status
 * quo, conceding and backing down). */
static void deter_solve_local(const sim_deter_game_t *g, double lambda, sim_deter_result_t *r)
{
    double p3, p2, p1;
    if (lambda <= 0.0) {
        p3 = g->conflict[0] > g->back_down[0];
        double vres = p3 ? g->conflict[1] : g->back_down[1];
        p2 = vres > g->concede[1];
        double vch = p2 ? (p3 ? g->conflict[0] : g->back_down[0]) : g->concede[0];
        p1 = vch > g->status_quo[0];
    } else {
        p3 = logistic(lambda * (g->conflict[0] - g->back_down[0]));
        double vres = p3 * g->conflict[1] + (1.0 - p3) * g->back_down[1];
        p2 = logistic(lambda * (vres - g->concede[1]));
        double vch = p2 * (p3 * g->conflict[0] + (1.0 - p3) * g->back_down[0]) +
                     (1.0 - p2) * g->concede[0];
        p1 = logistic(lambda * (vch - g->status_quo[0]));
    }
    r->credibility = p2;
    r->p_challenge = p1;
    r->p_fight = p1 * p2 * p3;
    /* deterred in the SPE: challenging is worse than the status quo */
    int s3 = g->conflict[0] > g->back_down[0];
    int s2 = (s3 ? g->conflict[1] : g->back_down[1]) > g->concede[1];
    double v = s2 ? (s3 ? g->conflict[0] : g->back_down[0]) : g->concede[0];
    r->spe_deterred = v <= g->status_quo[0];
}

/* Defence effort relative to its start (1 when either is 0). */
static double defence_ratio(const sim_actor_t *a)
{
    return a->defence0 > 0.0 && a->defence > 0.0 ? a->defence / a->defence0 : 1.0;
}

void sim_deter_payoffs(const sim_state_t *s, int ch, int def, double sq[2], double con[2],
                       double back[2], double conf[2])
{
    int T = s->m->target;
    const sim_actor_t *c = &s->a[ch], *d = &s->a[def];
    double esc = s->escalation;
    if (def == T) {
        double thr = s->d[ch][T].threat;
        double deter = sim_deterrent(s, T, ch);
        /* allies within the target's conventional and nuclear reach */
        double allies = 0.0;
        for (int k = 0; k < s->m->n; k++)
            if (k != ch && k != T && s->d[ch][k].alliance > 0.0)
                allies += s->d[ch][k].alliance * (0.5 + sim_deterrent(s, T, k));
        sq[0] = -thr * (0.3 + esc);
        sq[1] = 0.0;
        /* conceding under coercion costs the defender more the more
         * deterrent it would give up; conflict is ruinous for it but less
         * so with a deterrent that can strike back */
        con[0] = 0.5;
        con[1] = -(d->L.w_sec + d->L.w_pres) * (0.3 + 1.2 * deter);
        back[0] = -0.3 - (c->democracy ? 0.2 : 0.0);
        back[1] = 0.3 * (1.0 + d->L.risk);
        conf[0] = -(0.5 + 4.0 * deter + 0.8 * allies);
        conf[1] = -(3.0 - 1.5 * deter);
    } else {
        double thr = s->d[ch][def].threat;
        double ext = 0.0; /* extended deterrence: the defender's allies' reach */
        for (int k = 0; k < s->m->n; k++)
            if (k != ch && k != def && s->d[k][def].alliance > 0.0)
                ext += s->d[k][def].alliance * s->a[k].power / 0.15 *
                       defence_ratio(&s->a[k]);
        sq[0] = -thr * (0.1 + esc) * (1.0 + c->L.risk);
        sq[1] = 0.0;
        con[0] = 0.3;
        con[1] = -0.5;
        back[0] = -0.4;
        back[1] = 0.2;
        conf[0] = -(1.0 + 3.0 * sim_clamp(ext, 0.0, 1.5));
        conf[1] = -(1.0 + 2.0 * sim_deterrent(s, ch, def)) / defence_ratio(d);
    }
}

void sim_deter_qre(brink_ctx_t *ctx, const double sq[2], const double con[2],
                   const double back[2], const double conf[2], double lambda, double *cred,
                   double *pch, double *pfight)
{
    (void)ctx; /* for brink_deter_solve (see the merge note above) */
    sim_deter_game_t g = {{sq[0], sq[1]}, {con[0], con[1]}, {back[0], back[1]},
                          {conf[0], conf[1]}};
    sim_deter_result_t r;
    deter_solve_local(&g, lambda, &r);
    *cred = r.credibility;
    *pch = r.p_challenge;
    *pfight = r.p_fight;
}

/* Solves game A for the strongest adversary and game B for the most
 * exposed neighbour; stores the target's credibility and the hazard
 * drivers. */
void sim_deterrence(sim_state_t *s)
{
    int T = s->m->target, n = s->m->n;
    int great = -1, near = -1;
    for (int k = 0; k < n; k++) {
        if (!s->m->hostile[k])
            continue;
        if (great < 0 || s->a[k].power > s->a[great].power)
            great = k;
        if (near < 0 || s->m->sc->actors[k].reach_needed < s->m->sc->actors[near].reach_needed)
            near = k;
    }
    s->credibility = 0.0;
    s->pchallenge = s->pfight = 0.0;
    if (great < 0)
        return;
    double sq[2], con[2], back[2], conf[2], cred, pch, pf;
    sim_deter_payoffs(s, great, T, sq, con, back, conf);
    sim_deter_qre(s->ctx, sq, con, back, conf, s->m->P.deter_lambda, &cred, &pch, &pf);
    s->credibility = cred;
    s->pfight = pf;
    sim_deter_payoffs(s, T, near, sq, con, back, conf);
    double cred2, pch2, pf2;
    sim_deter_qre(s->ctx, sq, con, back, conf, s->m->P.deter_lambda, &cred2, &pch2, &pf2);
    s->pchallenge = pch2;
    s->pfight += pf2;
}
