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
 * Each game is solved by the project's game solver, brink_deter_solve()
 * (include/brink/game.h): the agent logit QRE of the tree at precision
 * params.deter_lambda, or its subgame-perfect equilibrium when that is 0. */
#include <math.h>

#include "brink/game.h"
#include "sim/sim_internal.h"

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
    brink_deter_game_t g = {{sq[0], sq[1]}, {con[0], con[1]}, {back[0], back[1]},
                            {conf[0], conf[1]}};
    brink_deter_result_t r;
    if (brink_deter_solve(ctx, &g, lambda, &r) != BRINK_OK) {
        /* payoffs out of the solver's domain (not finite): no credible threat */
        r.credibility = 0.0;
        r.p_challenge = 1.0;
        r.p_fight = 0.0;
    }
    *cred = r.credibility;
    *pch = r.p_challenge;
    /* the hazard needs the probability of the whole path to a fight:
     * challenge, denial, then fighting (p_fight is conditional on denial) */
    *pfight = r.p_challenge * r.credibility * r.p_fight;
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
