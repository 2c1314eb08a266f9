/* perception.c - threat perception (spiral model, Jervis 1976; smoothed
 * threat of literature 7.2) and trust (Kydd 2005: Bayesian updating of the
 * belief that the other is trustworthy, applied in log-odds form). */
#include <math.h>

#include "sim/sim_internal.h"

void sim_trust_update(sim_state_t *s, int i, int j, double loglr)
{
    double p = sim_clamp(s->d[i][j].trust, 0.01, 0.99);
    double l = log(p / (1.0 - p)) + loglr;
    s->d[i][j].trust = sim_clamp(1.0 / (1.0 + exp(-l)), 0.01, 0.99);
}

void sim_perception(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int n = s->m->n;
    double D[SIM_MAXA][SIM_MAXA]; /* D[j][i]: j's capability that reaches i */
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
            D[j][i] = s->a[j].programme && i != j ? sim_deterrent(s, j, i) : 0.0;
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
            double drive = d->threat0 + P->threat_hostility * fmin(host, 30.0) / 10.0 +
                           P->threat_capability * d->enmity * (D[j][i] - d->cap0) -
                           0.05 * r->coop;
            drive = sim_clamp(drive, 0.0, 1.0);
            d->threat += P->threat_decay * (drive - d->threat);
            /* Kydd trust: likelihood ratios of cooperative and hostile moves */
            if (r->coop > 0.0 || r->hostile > 0.0)
                sim_trust_update(s, i, j, P->trust_gain * r->coop -
                                              P->trust_loss * r->hostile / 7.2);
        }
    }
}
