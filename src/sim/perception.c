/* perception.c - threat perception as capability times hostile intent
 * (balance of threat, Walt 1987), with intent the mix of an enmity stock
 * driven by reciprocity (Goldstein and Freeman 1990) and distrust (Kydd
 * 2005).  No fixed anchor: threat falls when enmity decays and trust grows
 * (suspended exercises, implemented steps) and rises with hostile events
 * (docs/model.md, M6). */
#include <math.h>

#include "sim/sim_internal.h"

void sim_trust_update(sim_state_t *s, int i, int j, double loglr)
{
    double p = sim_clamp(s->d[i][j].trust, 0.01, 0.99);
    double l = log(p / (1.0 - p)) + loglr;
    s->d[i][j].trust = sim_clamp(1.0 / (1.0 + exp(-l)), 0.01, 0.99);
}

/* What j can do to i directly: j's power relative to the pair
 * (conventional) with the allies j brings, and j's nuclear forces that
 * reach i. */
static double direct_capability(const sim_state_t *s, int j, int i)
{
    double pj = s->a[j].power, pi = s->a[i].power;
    for (int k = 0; k < s->m->n; k++)
        if (k != i && k != j && s->d[k][j].alliance > 0.0 && s->d[k][i].alliance <= 0.0)
            pj += 0.5 * s->d[k][j].alliance * s->a[k].power;
    double conv = pj + pi > 0.0 ? pj / (pj + pi) : 0.0;
    double nuc = sim_deterrent(s, j, i);
    return sim_clamp(0.6 * conv + 0.4 * nuc + 0.2 * nuc * conv, 0.0, 1.0);
}

/* What j can do to i: directly, or to i's allies in proportion to i's
 * commitment to them (extended deterrence makes an ally's exposure one's
 * own, Snyder 1984). */
double sim_capability_against(const sim_state_t *s, int j, int i)
{
    double c = direct_capability(s, j, i);
    for (int k = 0; k < s->m->n; k++)
        if (k != i && k != j && s->d[i][k].alliance > 0.0) {
            double x = s->d[i][k].alliance * direct_capability(s, j, k);
            if (x > c)
                c = x;
        }
    return c;
}

void sim_perception(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int n = s->m->n, T = s->m->target;
    double dec = pow(0.5, 1.0 / P->enmity_halflife);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            if (i == j)
                continue;
            sim_dyad_t *d = &s->d[i][j];
            const sim_dyad_t *r = &s->d[j][i];
            /* hostile events of j against i and against i's allies */
            double host = r->hostile;
            for (int k = 0; k < n; k++)
                if (k != i && k != j && s->d[i][k].alliance > 0.0)
                    host += s->d[i][k].alliance * s->d[j][k].hostile;
            d->enmity = sim_clamp(dec * d->enmity + P->enmity_hostility * fmin(host, 60.0) -
                                      P->enmity_coop * r->coop,
                                  0.0, 1.0);
            /* Kydd trust: likelihood ratios of cooperative and hostile moves;
             * suspended exercises and kept assurances are costly signals */
            double lr = P->trust_gain * r->coop - P->trust_loss * r->hostile / 7.2;
            if (i == T && s->m->hostile[j] && s->suspended > 0.0)
                lr += P->trust_signal * s->suspended;
            if (lr != 0.0)
                sim_trust_update(s, i, j, lr);
            if (d->enmity <= 0.0 && d->threat <= 0.0 && host <= 0.0)
                continue;
            double intent = P->threat_enmity * d->enmity + (1.0 - P->threat_enmity) * (1.0 - d->trust);
            double drive = sim_capability_against(s, j, i) * intent * (d->enmity > 0.0 ? 1.0 : 0.3);
            d->threat += P->threat_adjust * (sim_clamp(drive, 0.0, 1.0) - d->threat);
        }
    }
}
