/* choice.c - logit quantal response over each actor's action menu
 * (McKelvey and Palfrey 1995): the choice probability of action a is
 * exp(lambda U_a) / sum_b exp(lambda U_b).  The probabilities are read as
 * intensities: missile launch days are negative-binomial with mean
 * missile_days * p, nuclear tests Bernoulli(nuclear_rate * p), other
 * actions Bernoulli(act_rate * p). */
#include <math.h>

#include "sim/sim_internal.h"

void sim_talks_breach(sim_state_t *s);

double sim_logit(const double *u, int n, double lambda, double *p)
{
    double mx = -INFINITY;
    for (int k = 0; k < n; k++)
        if (u[k] > mx)
            mx = u[k];
    double z = 0.0;
    for (int k = 0; k < n; k++) {
        p[k] = isfinite(u[k]) ? exp(lambda * (u[k] - mx)) : 0.0;
        z += p[k];
    }
    for (int k = 0; k < n; k++)
        p[k] /= z;
    return z;
}

/* The best partner for talks proposed by the target. */
static int talks_partner(sim_state_t *s)
{
    int best = -1;
    double v = -1e9;
    for (int j = 0; j < s->m->n; j++) {
        if (!s->m->hostile[j])
            continue;
        double x = sim_talks_cached(s, j, 1);
        if (x > v) {
            v = x;
            best = j;
        }
    }
    return best;
}

/* The adversary a test or threat of the target is aimed at: the one it
 * perceives as most threatening. */
static int main_adversary(const sim_state_t *s, int i)
{
    int best = -1;
    double t = -1.0;
    for (int j = 0; j < s->m->n; j++)
        if (j != i && s->d[i][j].threat > t) {
            t = s->d[i][j].threat;
            best = j;
        }
    return best;
}

static void fill_why(sim_why_t *w, const double *u, const double *p, const int *acts, int n,
                     int k)
{
    w->p = p[k];
    w->runner_up = -1;
    w->runner_total = -INFINITY;
    for (int b = 0; b < n; b++)
        if (b != k && u[b] > w->runner_total) {
            w->runner_total = u[b];
            w->runner_up = acts[b];
        }
}

void sim_choices(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int n = s->m->n, T = s->m->target;
    for (int i = 0; i < n; i++) {
        int acts[A_NACTIONS], na = 0;
        double u[A_NACTIONS], p[A_NACTIONS];
        sim_why_t why[A_NACTIONS];
        for (int a = 0; a < A_NACTIONS; a++) {
            if (!sim_action_allowed(s, i, a))
                continue;
            sim_action_utility(s, i, a, &why[na]);
            u[na] = why[na].total;
            acts[na++] = a;
        }
        sim_logit(u, na, s->a[i].L.lambda, p);
        for (int k = 0; k < na; k++) {
            int a = acts[k];
            sim_why_t *w = &why[k];
            switch (a) {
            case A_MISSILE: {
                /* launch days need test articles: the intensity saturates
                 * in the articles on hand */
                double art = s->a[i].articles;
                uint32_t days = brink_rng_negbin(
                    &s->rng, P->missile_days * p[k] * art / (art + P->article_half),
                    P->count_dispersion);
                if (days > 20)
                    days = 20;
                if (days > 0) {
                    fill_why(w, u, p, acts, na, k);
                    int tgt = main_adversary(s, i);
                    for (uint32_t dd = 0; dd < days && !s->done; dd++)
                        sim_missile_day(s, i, tgt, w);
                }
                break;
            }
            case A_NUCLEAR:
                if (brink_rng_bernoulli(&s->rng, sim_clamp(P->nuclear_rate * p[k], 0, 1))) {
                    fill_why(w, u, p, acts, na, k);
                    sim_nuclear_test(s, i, main_adversary(s, i), w);
                }
                break;
            case A_WAIT:
                break;
            default:
                if (!brink_rng_bernoulli(&s->rng, sim_clamp(P->act_rate * p[k], 0, 1)))
                    break;
                fill_why(w, u, p, acts, na, k);
                if (a == A_PROPOSE) {
                    if (s->talks.open)
                        break;
                    int partner = i == T ? talks_partner(s) : i;
                    if (partner < 0)
                        break;
                    sim_event(s, EV_PROPOSE, i, i == T ? partner : T, 1, w,
                              "proposes talks");
                    sim_talks_open(s, i, partner);
                } else if (a == A_THREAT) {
                    int tgt = i == T ? main_adversary(s, i) : T;
                    sim_event(s, EV_THREAT, i, tgt, 1, w, "threatens military force");
                    if (i == T && s->talks.agreement == AG_STATEMENT)
                        s->talks.restraint *= 0.8;
                } else if (a == A_EXERCISE) {
                    sim_event(s, EV_EXERCISE, i, T, 1, w, "holds a military exercise");
                } else if (a == A_SANCTION) {
                    sim_dyad_t *d = &s->d[i][T];
                    d->sanctions += 0.15 * (1.0 - d->sanctions);
                    sim_event(s, EV_SANCTION, i, T, 1, w,
                              "tightens unilateral sanctions (level %.2f)", d->sanctions);
                } else if (a == A_AID) {
                    sim_event(s, EV_AID, i, T, 1, w, "provides aid / eases sanctions");
                    s->aid += 1.0;
                }
                break;
            }
            if (s->done)
                return;
        }
        (void)T;
    }
}
