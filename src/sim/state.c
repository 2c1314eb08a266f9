/* state.c - the initial state of a run and the exogenous schedule (leader
 * successions and elections, events from outside the system). */
#include <math.h>
#include <string.h>

#include "sim/sim_internal.h"

void sim_set_leader(sim_state_t *s, int i, int k)
{
    const sc_leader_t *l = &s->m->sc->actors[i].leaders[k];
    sim_actor_t *a = &s->a[i];
    double sum = l->w_security + l->w_economy + l->w_prestige;
    if (sum <= 0.0)
        sum = 1.0;
    a->leader = k;
    a->L.w_sec = l->w_security / sum;
    a->L.w_eco = l->w_economy / sum;
    a->L.w_pres = l->w_prestige / sum;
    a->L.risk = l->risk;
    a->L.discount = l->discount;
    a->L.horizon = 1.0 / (1.0 - fmin(l->discount, 0.999));
    a->L.sequencing = l->sequencing;
    a->L.lambda = l->precision;
    a->L.engagement = l->engagement;
    a->L.pressure = l->pressure;
    a->L.since = l->start;
}

void sim_state_init(sim_state_t *s, const sim_model_t *m, uint64_t seed, uint32_t run)
{
    const sc_scenario_t *sc = m->sc;
    memset(s, 0, sizeof *s);
    s->m = m;
    s->run = (int)run;
    s->month = m->start;
    s->outcome = OUT_STATUS_QUO;
    brink_rng_init(&s->rng, seed, 0, run, BRINK_STREAM_SIM);
    s->rivalry = m->P.rivalry;
    s->unsc_level = m->P.unsc_level;
    s->attention = m->P.attention;
    s->last_nuclear = -1000;
    s->last_resolution = -1000;
    s->first_nuclear = s->first_icbm = s->first_summit = s->first_agreement = s->first_deal = -1;
    s->ag.partner = -1;
    s->tv_month = -1;
    s->mc.month = -1;
    for (int i = 0; i < m->n; i++) {
        const sc_actor_t *ac = &sc->actors[i];
        sim_actor_t *a = &s->a[i];
        a->gdp = a->gdp0 = ac->gdp;
        a->growth0 = ac->growth;
        a->defence = a->defence0 = ac->defence;
        a->loyalty = ac->legitimacy;
        a->byungjin = ac->byungjin;
        a->power = ac->power;
        a->programme = ac->nuclear.programme;
        a->arsenal = ac->nuclear.arsenal;
        a->stock = ac->nuclear.stock;
        a->fissile_rate = ac->nuclear.fissile_rate;
        a->design = ac->nuclear.design;
        a->sys[SYS_SRBM] = ac->nuclear.srbm;
        a->sys[SYS_IRBM] = ac->nuclear.irbm;
        a->sys[SYS_ICBM] = ac->nuclear.icbm;
        a->sys[SYS_SLBM] = ac->nuclear.slbm;
        a->sys[SYS_MSRBM] = ac->nuclear.msrbm;
        a->articles = ac->nuclear.articles;
        a->bmd = ac->bmd;
        a->veto = ac->veto;
        a->democracy = ac->regime == SC_DEMOCRACY;
        a->rents0 = 1.0;
        int k = 0;
        for (size_t l = 0; l < ac->nleaders; l++)
            if (ac->leaders[l].start <= m->start)
                k = (int)l;
        sim_set_leader(s, i, k);
        for (int j = 0; j < m->n; j++)
            s->d[i][j].trust = 0.5;
    }
    for (size_t k = 0; k < sc->ndyads; k++) {
        const sc_dyad_t *y = &sc->dyads[k];
        sim_dyad_t *d = &s->d[y->from][y->to];
        d->threat = y->threat;
        d->trust = y->trust;
        d->enmity = y->enmity;
        d->alliance = y->alliance;
        d->trade = y->trade_share;
        d->sanctions = y->sanctions;
        d->enforce = d->enforce0 = d->enforce_logged = y->enforcement;
    }
    /* the rents the coalition is used to: those of the start */
    int T = m->target;
    /* a crisis under way at the start: the hostile mass that puts the
     * escalation index at params.crisis, on each adversary's side */
    if (m->P.crisis > 0.0)
        for (int k = 0; k < m->n; k++)
            if (m->hostile[k])
                s->d[k][T].escal = -m->P.escalation_scale * log(1.0 - m->P.crisis);
    s->bite = sim_bite(s, T);
    s->a[T].rents0 = fmax(0.05, 1.0 - 0.5 * s->bite);
}

/* Step 1 of a month: leader changes and exogenous events. */
void sim_schedule(sim_state_t *s)
{
    const sc_scenario_t *sc = s->m->sc;
    for (int i = 0; i < s->m->n; i++) {
        const sc_actor_t *ac = &sc->actors[i];
        s->a[i].leader_changed = 0;
        for (size_t l = (size_t)s->a[i].leader + 1; l < ac->nleaders; l++) {
            if (ac->leaders[l].start == s->month) {
                sim_set_leader(s, i, (int)l);
                s->a[i].leader_changed = 1;
                sim_event(s, EV_LEADER, i, -1, 0, NULL, "%s takes office",
                          ac->leaders[l].name);
            }
        }
    }
    for (size_t k = 0; k < sc->nevents; k++) {
        const sc_event_t *e = &sc->events[k];
        if (e->date != s->month)
            continue;
        switch (e->kind) {
        case SC_EV_BORDER_CLOSURE:
            s->border_closed = 1;
            break;
        case SC_EV_BORDER_OPEN:
            s->border_closed = 0;
            break;
        case SC_EV_RIVALRY_SHOCK:
            s->rivalry = sim_clamp(s->rivalry + e->value, 0.0, 1.0);
            break;
        case SC_EV_EXTERNAL_WAR:
            s->rivalry = sim_clamp(s->rivalry + 0.5 * e->value, 0.0, 1.0);
            break;
        case SC_EV_THREAT_SHOCK:
            if (e->actor >= 0 && e->to >= 0) {
                sim_dyad_t *d = &s->d[e->actor][e->to];
                d->enmity = sim_clamp(d->enmity + e->value, 0.0, 1.0);
                d->threat = sim_clamp(d->threat + e->value, 0.0, 1.0);
            }
            break;
        case SC_EV_UN_MEASURES:
            s->unsc_level = sim_clamp(s->unsc_level + e->value, 0.0, 1.0);
            break;
        case SC_EV_REGIME_CHANGE:
            if (e->actor >= 0)
                s->a[e->actor].democracy = e->value > 0.5;
            break;
        case SC_EV_SANCTIONS:
            if (e->actor >= 0 && e->to >= 0)
                s->d[e->actor][e->to].sanctions = sim_clamp(e->value, 0.0, 1.0);
            break;
        default:
            break;
        }
        sim_event(s, EV_EXOGENOUS, e->actor, e->to, 0, NULL, "%s",
                  e->note ? e->note : "exogenous event");
    }
}
