/* play.c - one actor played from outside the model (brink/play.h): the
 * session, its menu and advisor (look-ahead ensembles), and the two hooks
 * the mechanisms call (choice.c: the month's action; talks.c: the
 * willingness to talk).  A session's state is a sim_state_t stepped a month
 * at a time, as a run's (step.c), with s->play pointing at the decisions. */
#include <math.h>
#include <string.h>

#include "brink/play.h"

#include "sim/sim_internal.h"

#define PLAY_EVENTS 16384     /* events a session keeps */
#define LOOK_EVENTS 4096      /* events of one look-ahead run */

struct sim_play {
    int actor;
    int action;   /* A_* this month, -1: the model decides */
    int talks;    /* BRINK_PLAY_TALKS_* this month */
    int probe;    /* record the menu and wait */
    int nmenu, menu[4];
    double u[4], p[4];
};

struct brink_play {
    brink_ctx_t *ctx;             /* the allocator of the session */
    const brink_sim_t *sim;
    const sim_model_t *m;
    uint64_t seed;
    uint32_t run;
    int next, done;
    sim_play_t pl;
    sim_state_t s, tmp;           /* the state before month next; scratch */
    brink_sim_trace_t *trace, *scratch;
    brink_play_menu_t menu;       /* of month menu.month (-1: none) */
    size_t n, cap;
    int *dm, *da, *dt;
    double sum_logp, sum_model;
    size_t agree;
};

static const int to_act[BRINK_PLAY_NACTIONS] = {A_WAIT, A_SANCTION, A_THREAT, A_AID};
static const char *const action_names[BRINK_PLAY_NACTIONS] = {
    "wait", "impose_sanctions", "threaten_force", "provide_aid"};
static const char *const talks_names[BRINK_PLAY_NTALKS] = {"model", "seek", "refuse"};

const char *brink_play_action_name(int a)
{
    return a >= 0 && a < BRINK_PLAY_NACTIONS ? action_names[a] : "";
}

const char *brink_play_talks_name(int t)
{
    return t >= 0 && t < BRINK_PLAY_NTALKS ? talks_names[t] : "";
}

int brink_play_action_index(const char *name)
{
    for (int a = 0; name && a < BRINK_PLAY_NACTIONS; a++)
        if (strcmp(name, action_names[a]) == 0)
            return a;
    return -1;
}

int brink_play_talks_index(const char *name)
{
    for (int t = 0; name && t < BRINK_PLAY_NTALKS; t++)
        if (strcmp(name, talks_names[t]) == 0)
            return t;
    return -1;
}

int brink_play_actor_index(const brink_sim_t *sim, const char *id)
{
    for (int i = 0; id && i < brink_sim_nactors(sim); i++)
        if (strcmp(brink_sim_actor_id(sim, i), id) == 0)
            return i;
    return -1;
}

/* ---- the hooks ---------------------------------------------------------- */

int sim_play_choice(sim_state_t *s, int i, const int *acts, const double *u, const double *p,
                    int na)
{
    sim_play_t *pl = s->play;
    if (i != pl->actor)
        return -1;
    if (pl->probe) {
        pl->nmenu = na < 4 ? na : 4;
        for (int k = 0; k < pl->nmenu; k++) {
            pl->menu[k] = acts[k];
            pl->u[k] = u[k];
            pl->p[k] = p[k];
        }
        return 0;
    }
    if (pl->action < 0)
        return -1;
    for (int k = 0; k < na; k++)
        if (acts[k] == pl->action)
            return k;
    return 0;
}

double sim_play_willing(const sim_state_t *s, int j, double w)
{
    const sim_play_t *pl = s->play;
    if (j != pl->actor || pl->probe)
        return w;
    return pl->talks == BRINK_PLAY_TALKS_SEEK ? 1.0 : pl->talks == BRINK_PLAY_TALKS_REFUSE ? 0.0 : w;
}

/* ---- the session -------------------------------------------------------- */

/* as run.c records a month of a traced run */
static void record(const sim_state_t *s, brink_sim_trace_t *t)
{
    if (t->nmonths >= t->mcap)
        return;
    brink_sim_month_t *mo = &t->months[t->nmonths++];
    mo->month = s->month;
    sim_series(s, mo->v);
    for (int i = 0; i < s->m->n; i++)
        for (int j = 0; j < s->m->n; j++) {
            mo->threat[i][j] = s->d[i][j].threat;
            mo->trust[i][j] = s->d[i][j].trust;
        }
}

/* the outcome of a run that reached the horizon (as step.c decides it) */
static void finish(brink_play_t *p)
{
    sim_state_t *s = &p->s;
    brink_sim_trace_t *t = p->trace;
    if (!s->done)
        s->outcome = s->ag.kind == AG_COMPREHENSIVE ? OUT_DEAL
                     : s->ag.kind == AG_FREEZE      ? OUT_FREEZE
                                                    : OUT_STATUS_QUO;
    t->outcome = s->outcome;
    t->end_month = s->month;
    t->milestones[BRINK_MILESTONE_NUCLEAR] = s->first_nuclear;
    t->milestones[BRINK_MILESTONE_ICBM] = s->first_icbm;
    t->milestones[BRINK_MILESTONE_SUMMIT] = s->first_summit;
    t->milestones[BRINK_MILESTONE_AGREEMENT] = s->first_agreement;
    t->milestones[BRINK_MILESTONE_DEAL] = s->first_deal;
    p->done = 1;
}

void brink_play_free(brink_play_t *p)
{
    if (!p)
        return;
    brink_sim_trace_free(p->ctx, p->trace);
    brink_sim_trace_free(p->ctx, p->scratch);
    brink_free(p->ctx, p->dm);
    brink_free(p->ctx, p->da);
    brink_free(p->ctx, p->dt);
    brink_free(p->ctx, p);
}

brink_status_t brink_play_new(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                              uint32_t run, int actor, brink_play_t **out)
{
    brink_status_t st = BRINK_OK;
    brink_play_t *p = NULL;
    *out = NULL;
    const sim_model_t *m = sim_model_of(sim);
    const char *tid = brink_sim_actor_id(sim, m->target);
    if (actor < 0 || actor >= m->n) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "play: actor %d is not one of the %d actors",
                             actor, m->n);
        goto cleanup;
    }
    if (actor == m->target) {
        st = brink_ctx_error(ctx, BRINK_EINVAL,
                             "play: %s is the scenario's target, whose tests the model draws as "
                             "intensities; play one of the other actors",
                             tid);
        goto cleanup;
    }
    if (!m->hostile[actor] && !m->patron[actor]) {
        st = brink_ctx_error(ctx, BRINK_EINVAL,
                             "play: %s has no choices in this model (neither an adversary nor a "
                             "patron of %s)",
                             brink_sim_actor_id(sim, actor), tid);
        goto cleanup;
    }
    p = brink_calloc(ctx, 1, sizeof *p);
    if (!p) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a play session");
        goto cleanup;
    }
    p->ctx = ctx;
    if ((st = brink_sim_trace_new(ctx, sim, PLAY_EVENTS, &p->trace)) != BRINK_OK ||
        (st = brink_sim_trace_new(ctx, sim, LOOK_EVENTS, &p->scratch)) != BRINK_OK)
        goto cleanup;
    p->sim = sim;
    p->m = m;
    p->seed = seed;
    p->run = run;
    p->next = m->start;
    p->pl.actor = actor;
    p->pl.action = -1;
    p->menu.month = -1;
    sim_state_init(&p->s, m, seed, run);
    p->s.trace = p->trace;
    p->s.play = &p->pl;
    for (int k = 0; k < BRINK_NMILESTONES; k++)
        p->trace->milestones[k] = -1;
    p->trace->outcome = BRINK_OUTCOME_STATUS_QUO;
    p->trace->end_month = m->start;
    *out = p;
    p = NULL;
cleanup:
    brink_play_free(p);
    return st;
}

int brink_play_actor(const brink_play_t *p)
{
    return p->pl.actor;
}
uint64_t brink_play_seed(const brink_play_t *p)
{
    return p->seed;
}
uint32_t brink_play_run(const brink_play_t *p)
{
    return p->run;
}
const brink_sim_t *brink_play_sim(const brink_play_t *p)
{
    return p->sim;
}
int brink_play_month(const brink_play_t *p)
{
    return p->next;
}
int brink_play_done(const brink_play_t *p)
{
    return p->done;
}
const brink_sim_trace_t *brink_play_trace(const brink_play_t *p)
{
    return p->trace;
}

static int from_act(int a)
{
    for (int k = 0; k < BRINK_PLAY_NACTIONS; k++)
        if (to_act[k] == a)
            return k;
    return -1;
}

brink_status_t brink_play_menu(brink_ctx_t *ctx, brink_play_t *p, brink_play_menu_t *out)
{
    if (p->done)
        return brink_ctx_error(ctx, BRINK_EINVAL, "play: the run has ended");
    if (p->menu.month != p->next) {
        /* the month on a copy, up to the actor's choice (and on: the copy is
         * discarded); the draws before the choice are the real month's */
        sim_play_t probe = {p->pl.actor, -1, BRINK_PLAY_TALKS_MODEL, 1, 1, {A_WAIT}, {0}, {1.0}};
        sim_state_t *c = &p->tmp;
        memcpy(c, &p->s, sizeof *c);
        c->trace = NULL;
        c->ctx = ctx;
        c->play = &probe;
        c->month = p->next;
        sim_step(c);
        brink_play_menu_t *mn = &p->menu;
        memset(mn, 0, sizeof *mn);
        mn->month = p->next;
        double act_rate = p->m->P.act_rate, none = 1.0, q[4];
        int n = 0;
        for (int k = 0; k < probe.nmenu; k++) {
            int a = from_act(probe.menu[k]);
            if (a < 0)
                continue;
            mn->action[n] = a;
            mn->utility[n] = probe.u[k];
            mn->p[n] = probe.p[k];
            q[n] = k == 0 ? 0.0 : sim_clamp(act_rate * probe.p[k], 0.0, 1.0);
            none *= 1.0 - q[n];
            n++;
        }
        mn->n = n;
        double single = 0.0;
        for (int k = 0; k < n; k++) {
            if (k == 0) {
                mn->q[0] = none;
                continue;
            }
            double x = q[k];
            for (int j = 1; j < n; j++)
                if (j != k)
                    x *= 1.0 - q[j];
            mn->q[k] = x;
            single += x;
        }
        mn->q_several = fmax(0.0, 1.0 - none - single);
        int i = p->pl.actor;
        mn->talks = p->m->hostile[i] || p->m->patron[i];
        mn->talks_open = p->s.tr[i].open;
    }
    *out = p->menu;
    return BRINK_OK;
}

static int menu_slot(const brink_play_menu_t *mn, int action)
{
    for (int k = 0; k < mn->n; k++)
        if (mn->action[k] == action)
            return k;
    return -1;
}

static brink_status_t check_option(brink_ctx_t *ctx, brink_play_t *p, int action, int talks,
                                   int *slot)
{
    brink_play_menu_t mn;
    brink_status_t st = brink_play_menu(ctx, p, &mn);
    if (st != BRINK_OK)
        return st;
    if (talks < 0 || talks >= BRINK_PLAY_NTALKS)
        return brink_ctx_error(ctx, BRINK_EINVAL, "play: talks stance %d is not one of model, "
                               "seek, refuse", talks);
    *slot = menu_slot(&mn, action);
    if (*slot < 0) {
        char opts[96] = "";
        for (int k = 0; k < mn.n; k++) {
            strncat(opts, k ? ", " : "", sizeof opts - strlen(opts) - 1);
            strncat(opts, action_names[mn.action[k]], sizeof opts - strlen(opts) - 1);
        }
        return brink_ctx_error(ctx, BRINK_EINVAL, "play: '%s' is not on %s's menu this month "
                               "(%s)", brink_play_action_name(action),
                               brink_sim_actor_id(p->sim, p->pl.actor), opts);
    }
    return BRINK_OK;
}

static brink_status_t grow(brink_play_t *p)
{
    if (p->n < p->cap)
        return BRINK_OK;
    size_t cap = p->cap ? 2 * p->cap : 64;
    int *dm = brink_realloc(p->ctx, p->dm, cap * sizeof *dm);
    if (dm)
        p->dm = dm;
    int *da = dm ? brink_realloc(p->ctx, p->da, cap * sizeof *da) : NULL;
    if (da)
        p->da = da;
    int *dt = da ? brink_realloc(p->ctx, p->dt, cap * sizeof *dt) : NULL;
    if (!dt)
        return BRINK_ENOMEM;
    p->dt = dt;
    p->cap = cap;
    return BRINK_OK;
}

static double safe_log(double x)
{
    return log(fmax(x, 1e-300));
}

brink_status_t brink_play_decide(brink_ctx_t *ctx, brink_play_t *p, int action, int talks)
{
    int slot;
    brink_status_t st = check_option(ctx, p, action, talks, &slot);
    if (st != BRINK_OK)
        return st;
    if (grow(p) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a play decision");
    const brink_play_menu_t *mn = &p->menu;
    p->dm[p->n] = p->next;
    p->da[p->n] = action;
    p->dt[p->n] = talks;
    p->n++;
    /* the score against the model's own monthly policy */
    int best = 0;
    double ent = mn->q_several * safe_log(mn->q_several);
    for (int k = 0; k < mn->n; k++) {
        ent += mn->q[k] > 0.0 ? mn->q[k] * log(mn->q[k]) : 0.0;
        if (mn->q[k] > mn->q[best])
            best = k;
    }
    p->sum_logp += safe_log(mn->q[slot]);
    p->sum_model += ent;
    p->agree += slot == best;
    /* the month */
    sim_state_t *s = &p->s;
    p->pl.action = to_act[action];
    p->pl.talks = talks;
    s->ctx = ctx;
    s->month = p->next;
    sim_step(s);
    s->ctx = NULL;
    record(s, p->trace);
    p->pl.action = -1;
    p->pl.talks = BRINK_PLAY_TALKS_MODEL;
    p->trace->end_month = s->month;
    if (s->done || p->next >= p->m->end)
        finish(p);
    else
        p->next++;
    return BRINK_OK;
}

size_t brink_play_decisions(const brink_play_t *p, const int **month, const int **action,
                            const int **talks)
{
    if (month)
        *month = p->dm;
    if (action)
        *action = p->da;
    if (talks)
        *talks = p->dt;
    return p->n;
}

void brink_play_get_score(const brink_play_t *p, brink_play_score_t *out)
{
    memset(out, 0, sizeof *out);
    out->n = p->n;
    if (p->n == 0)
        return;
    out->mean_logp = p->sum_logp / (double)p->n;
    out->model_mean_logp = p->sum_model / (double)p->n;
    out->agree = (double)p->agree / (double)p->n;
}

/* ---- the advisor -------------------------------------------------------- */

static unsigned total(const sim_state_t *s, int k)
{
    unsigned t = 0;
    for (int y = 0; y < SIM_MAXYEARS; y++)
        t += s->counts[y][k];
    return t;
}

brink_status_t brink_play_lookahead(brink_ctx_t *ctx, brink_play_t *p, int action, int talks,
                                    uint32_t runs, int months, brink_play_outlook_t *out)
{
    int slot;
    memset(out, 0, sizeof *out);
    brink_status_t st = check_option(ctx, p, action, talks, &slot);
    if (st != BRINK_OK)
        return st;
    if (runs < 1 || runs > 100000 || months < 1 || months > 120)
        return brink_ctx_error(ctx, BRINK_EINVAL, "play: look-ahead of %u runs over %d months; "
                               "expected 1..100000 runs over 1..120 months", runs, months);
    int m0 = p->next;
    if (months > p->m->end - m0 + 1)
        months = p->m->end - m0 + 1;
    unsigned nuc = 0, icbm = 0, tk = 0, sum = 0, clash = 0, war = 0;
    double missiles = 0.0;
    sim_state_t *c = &p->tmp;
    for (uint32_t r = 0; r < runs; r++) {
        sim_play_t lp = {p->pl.actor, to_act[action], talks, 0, 0, {0}, {0}, {0}};
        memcpy(c, &p->s, sizeof *c);
        brink_rng_init(&c->rng, p->seed, (uint32_t)m0, r, BRINK_STREAM_LOOKAHEAD);
        c->play = &lp;
        c->ctx = ctx;
        c->trace = p->scratch;
        p->scratch->nevents = 0;
        p->scratch->overflow = 0;
        unsigned n0 = total(c, BRINK_COUNT_NUCLEAR), i0 = total(c, BRINK_COUNT_ICBM);
        unsigned s0 = total(c, BRINK_COUNT_SUMMITS), x0 = total(c, BRINK_COUNT_MISSILES);
        int talked = 0;
        for (int t = 0; t < months && !c->done; t++) {
            c->month = m0 + t;
            if (t == 1) {
                lp.action = -1;
                lp.talks = BRINK_PLAY_TALKS_MODEL;
            }
            sim_step(c);
            talked |= sim_talks_open_any(c) || c->ag.kind >= AG_FREEZE;
        }
        int clashed = 0;
        for (size_t e = 0; e < p->scratch->nevents; e++)
            clashed |= p->scratch->events[e].kind == EV_CLASH;
        nuc += total(c, BRINK_COUNT_NUCLEAR) > n0;
        icbm += total(c, BRINK_COUNT_ICBM) > i0;
        sum += total(c, BRINK_COUNT_SUMMITS) > s0;
        missiles += (double)(total(c, BRINK_COUNT_MISSILES) - x0);
        tk += (unsigned)talked;
        clash += (unsigned)clashed;
        war += c->done && c->outcome == OUT_WAR;
    }
    double n = (double)runs;
    out->runs = runs;
    out->months = months;
    out->p_nuclear = nuc / n;
    out->p_icbm = icbm / n;
    out->p_talks = tk / n;
    out->p_summit = sum / n;
    out->p_clash = clash / n;
    out->p_war = war / n;
    out->missiles = missiles / n;
    return BRINK_OK;
}
