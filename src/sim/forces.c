/* forces.c - the target's forces as a set of delivery systems, each with
 * its maturity, survivability and penetration, and warhead design goals
 * (docs/model.md, M2 and M3).  Retaliatory adequacy against adversary k is
 *   C_k = W * (1 - prod_s (1 - m_s sigma_s pi_sk))
 * over the systems that reach k, where W is the warhead readiness (a
 * proven design and a handful of weapons) and pi_sk = 1 - bmd_effect *
 * evade_s * BMD_k is the penetration of k's missile defence (Jervis 1978;
 * Lieber and Press 2006, 2017; Narang 2014).  Because adversaries raise
 * BMD_k as their threat grows, adequacy does not saturate at a minimal
 * deterrent and the marginal value of testing shifts between systems. */
#include <math.h>

#include "sim/sim_internal.h"

/* reach of each class, survivability (mobile solid-fuel and sea-based
 * systems survive a first strike better: Narang 2014; Lieber and Press
 * 2017), and exposure to missile defence (1: fully exposed) */
static const double sys_reach[SYS_COUNT] = {1.0, 2.0, 3.0, 2.0, 1.0};
static const double sys_surv[SYS_COUNT] = {0.7, 0.5, 0.4, 0.9, 0.8};
static const double sys_evade[SYS_COUNT] = {0.7, 1.0, 0.8, 0.6, 0.25};

double sim_system_reach(int k)
{
    return sys_reach[k];
}

/* A system can be flight-tested once it exists (maturity above zero) or
 * once the class below it on the technology ladder is half mature. */
int sim_system_testable(const sim_actor_t *a, int k)
{
    if (a->sys[k] > 0.0)
        return 1;
    switch (k) {
    case SYS_IRBM:
    case SYS_SLBM:
        return a->sys[SYS_SRBM] >= 0.5;
    case SYS_ICBM:
        return a->sys[SYS_IRBM] >= 0.5;
    case SYS_MSRBM:
        /* a new generation (solid fuel, manoeuvring, low trajectories)
         * against missile defence, once the first is mature */
        return a->sys[SYS_SRBM] >= 0.8 && a->bmd_seen >= 0.25;
    default:
        return 1;
    }
}

/* What a test can coerce with (Spaniel 2019, potential power): a proven
 * device gives full weight, a threshold programme a fifth once it holds
 * the material for a device, less before: a programme with no fissile
 * material in hand signals no nuclear threat by firing missiles (Libya
 * 2001-2003). */
double sim_nuclear_potential(const sim_actor_t *a)
{
    return a->design > 0 ? 1.0 : 0.2 * sim_clamp(a->stock, 0.0, 1.0);
}

double sim_reach(const sim_actor_t *a)
{
    double r = 0.0;
    for (int k = 0; k < SYS_COUNT; k++)
        if (a->sys[k] > 0.0) {
            double x = sys_reach[k] - 1.0 + a->sys[k];
            if (x > r)
                r = x;
        }
    return r;
}

double sim_reliability(const sim_actor_t *a)
{
    double best = 0.0, rel = 0.0;
    for (int k = 0; k < SYS_COUNT; k++)
        if (a->sys[k] > 0.0 && sys_reach[k] + a->sys[k] > best) {
            best = sys_reach[k] + a->sys[k];
            rel = a->sys[k];
        }
    return rel;
}

static double warheads(const sim_actor_t *a)
{
    if (a->design <= 0)
        return 0.0;
    /* a proven design and a handful of weapons; miniaturisation (goal 2)
     * is needed to arm missiles fully */
    double w = a->design >= 2 ? 1.0 : 0.5;
    /* weapons-usable material becomes weapons once a design is proven */
    return w * sim_clamp(fmax(a->arsenal, a->stock) / 10.0, 0.0, 1.0);
}

static double adequacy_of(const sim_state_t *s, const sim_actor_t *a, int k, const double *sys)
{
    double need = s->m->sc->actors[k].reach_needed;
    double bmd = s->a[k].bmd;
    double miss = 1.0;
    for (int c = 0; c < SYS_COUNT; c++) {
        if (sys[c] <= 0.0 || sys_reach[c] + 1e-9 < need)
            continue;
        double pen = 1.0 - s->m->P.bmd_effect * sys_evade[c] * bmd;
        miss *= 1.0 - sys[c] * sys_surv[c] * pen;
    }
    return warheads(a) * (1.0 - miss);
}

/* Adequacy against k directly, or through the allies and forward bases k
 * is committed to, at half weight (holding an ally hostage deters less than
 * holding the homeland: Narang 2014, asymmetric escalation). */
static double adequacy_ext(const sim_state_t *s, const sim_actor_t *a, int k, const double *sys)
{
    double c = adequacy_of(s, a, k, sys);
    for (int m = 0; m < s->m->n; m++) {
        if (m == k || &s->a[m] == a || s->d[k][m].alliance < 0.5)
            continue;
        double x = 0.5 * s->d[k][m].alliance * adequacy_of(s, a, m, sys);
        if (x > c)
            c = x;
    }
    return c;
}

double sim_adequacy(const sim_state_t *s, int i, int k, const double *sys)
{
    return adequacy_ext(s, &s->a[i], k, sys);
}

/* What the programme could deliver against k in a few years: every design
 * goal met and two more years of fissile production, on today's delivery
 * systems.  A deal that rolls the programme back gives this up: the latent
 * deterrent (Fuhrmann and Tkach 2015). */
double sim_potential_adequacy(const sim_state_t *s, int i, int k)
{
    sim_actor_t a = s->a[i];
    if (!a.programme || a.disarmed)
        return 0.0;
    a.design = SIM_DESIGN_GOALS;
    a.stock += 2.0 * a.fissile_rate * 0.5;
    return adequacy_ext(s, &a, k, a.sys);
}

/* Adequacy against the adversaries weighted by the threat each poses. */
double sim_adequacy_all(const sim_state_t *s, int i, const double *sys)
{
    double num = 0.0, den = 0.0;
    for (int k = 0; k < s->m->n; k++) {
        if (k == i || !s->m->hostile[k])
            continue;
        double w = s->d[i][k].threat + 1e-6;
        num += w * sim_adequacy(s, i, k, sys);
        den += w;
    }
    return den > 0.0 ? num / den : 0.0;
}

double sim_security_need(const sim_state_t *s, int i)
{
    double t = 0.0;
    for (int j = 0; j < s->m->n; j++)
        if (j != i && s->d[i][j].threat > t)
            t = s->d[i][j].threat;
    return t;
}

/* The share of i that j's forces can strike (threat perception's
 * capability term): great powers' established forces, or the target's
 * adequacy against i. */
double sim_deterrent(const sim_state_t *s, int j, int i)
{
    const sim_actor_t *b = &s->a[j];
    if (!b->programme || b->disarmed)
        return 0.0;
    if (j == s->m->target)
        return sim_adequacy(s, j, i, b->sys);
    return sim_clamp(b->arsenal / 100.0, 0.0, 1.0);
}

/* Sanctions bite on the target: the sanctions level applying to each
 * partner (the UN level or its own, whichever is higher) times its
 * enforcement, weighted by its share of the target's trade, less the
 * patrons' sanctions busting (literature 6.2; Early 2015). */
double sim_bite(const sim_state_t *s, int t)
{
    double b = 0.0;
    for (int k = 0; k < s->m->n; k++) {
        const sim_dyad_t *d = &s->d[k][t];
        if (k == t)
            continue;
        double level = d->sanctions > s->unsc_level ? d->sanctions : s->unsc_level;
        b += d->trade * d->enforce * level;
    }
    return sim_clamp(b * (1.0 - sim_leakage(s)), 0.0, 1.0);
}

/* Monthly production and development: fissile material and weapons,
 * test articles, ground development of every system on the ladder, and
 * the adversaries' missile defence (a Richardson-type response). */
void sim_forces(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_actor_t *a = &s->a[T];
    if (a->programme && !a->disarmed) {
        double sh = a->byungjin;
        int frozen = s->ag.kind >= AG_FREEZE;
        if (!frozen) {
            a->stock += a->fissile_rate * sh / 12.0;
            for (int k = 0; k < SYS_COUNT; k++)
                if (sim_system_testable(a, k) && a->sys[k] < 0.3)
                    a->sys[k] += P->rd_rate * sh / 12.0 * (0.3 - a->sys[k]);
        }
        a->articles += P->article_rate * sh / 12.0;
        if (a->design > 0 && a->arsenal < a->stock)
            a->arsenal += fmin(a->stock - a->arsenal, 0.5);
    }
    a->bmd_seen = 0.0;
    for (int k = 0; k < s->m->n; k++) {
        if (!s->m->hostile[k])
            continue;
        sim_actor_t *b = &s->a[k];
        if (b->bmd > a->bmd_seen)
            a->bmd_seen = b->bmd;
        double th = s->d[k][T].threat;
        double old = b->bmd;
        b->bmd += P->bmd_rate * th * (1.0 - b->bmd) - P->bmd_decay * b->bmd;
        b->bmd = sim_clamp(b->bmd, 0.0, 1.0);
        if (floor(old * 10.0) < floor(b->bmd * 10.0))
            sim_event(s, EV_BMD, k, T, 1, NULL, "deploys more missile defence (%.2f)", b->bmd);
    }
}
