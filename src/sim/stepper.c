/* stepper.c - the crisis simulation as a particle model (brink/stepper.h):
 * the one file that ties the particle filter to the simulation's internals.
 *
 * It depends on: sim_model_of, sim_state_init, sim_step, and the fields
 * sim_state_t.{month, done, rng, ctx, trace, counts[year - start year][k]}
 * and sim_model_t.{start, target} (sim_internal.h).  A particle's state is
 * a sim_state_t copied by value (it holds no owned pointers).  Particles
 * are allocated through the adapter's context from the filter's threads:
 * its allocator hooks must be thread-safe (the default ones are). */
#include <math.h>
#include <string.h>

#include "brink/brink.h"

#include "sim/sim_internal.h"

typedef struct particle {
    sim_state_t s;
    uint32_t set;
    double c[BRINK_NCOUNTS]; /* the last month's counts */
} particle_t;

struct brink_sim_particles {
    brink_ctx_t *ctx;
    const brink_sim_t *const *sims;
    uint32_t nsims;
    double *cum; /* cumulative weights, normalised */
    brink_smc_model_t model;
};

static brink_status_t draw_params(void *ud, brink_rng_t *rng, double *theta)
{
    (void)ud, (void)rng, (void)theta;
    return BRINK_OK;
}

static brink_status_t init(void *ud, const double *theta, int start, brink_rng_t *rng,
                           void **out)
{
    (void)theta;
    const brink_sim_particles_t *p = ud;
    uint32_t set = 0;
    if (p->nsims > 1) {
        double u = brink_rng_uniform(rng);
        while (set + 1 < p->nsims && u >= p->cum[set])
            set++;
    }
    const sim_model_t *m = sim_model_of(p->sims[set]);
    if (start != m->start)
        return BRINK_EINVAL;
    particle_t *x = brink_malloc(p->ctx, sizeof *x);
    if (!x)
        return BRINK_ENOMEM;
    sim_state_init(&x->s, m, 0, 0);
    x->s.ctx = NULL;   /* the deterrence solver reports through ctx only when given one */
    x->s.trace = NULL; /* counting only */
    x->set = set;
    memset(x->c, 0, sizeof x->c);
    *out = x;
    return BRINK_OK;
}

static brink_status_t advance(void *ud, void *particle, const double *theta, int month,
                              brink_rng_t *rng)
{
    (void)ud, (void)theta;
    particle_t *x = particle;
    sim_state_t *s = &x->s;
    int y = month / 12 - s->m->start / 12;
    if (y < 0 || y >= 100 || month > s->m->end)
        return BRINK_ERANGE;
    uint16_t before[BRINK_NCOUNTS];
    memcpy(before, s->counts[y], sizeof before);
    s->rng = *rng; /* this step's stream: copies diverge after resampling */
    s->month = month;
    if (!s->done)
        sim_step(s);
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        x->c[k] = (double)(s->counts[y][k] - before[k]);
    return BRINK_OK;
}

static void counts(void *ud, const void *particle, double *out)
{
    (void)ud;
    memcpy(out, ((const particle_t *)particle)->c, sizeof((const particle_t *)particle)->c);
}

static brink_status_t copy(void *ud, const void *src, void **dst)
{
    particle_t *x = brink_malloc(((const brink_sim_particles_t *)ud)->ctx, sizeof *x);
    if (!x)
        return BRINK_ENOMEM;
    memcpy(x, src, sizeof *x);
    *dst = x;
    return BRINK_OK;
}

static void free_particle(void *ud, void *particle)
{
    brink_free(((const brink_sim_particles_t *)ud)->ctx, particle);
}

/* the record's kind of each count (BRINK_COUNT_* order); UNSC's is its own */
static const char *const kinds[BRINK_NCOUNTS] = {"missile", "launch_day", "nuclear_test",
                                                 "icbm_launch", "resolution", "leader_summit"};

void brink_sim_particles_series_name(const brink_sim_particles_t *p, int k, const char **actor,
                                     const char **kind)
{
    *actor = k == BRINK_COUNT_UNSC ? "UNSC"
                                   : brink_sim_actor_id(p->sims[0],
                                                        sim_model_of(p->sims[0])->target);
    *kind = kinds[k];
}

static long series_index(void *ud, const char *actor, const char *kind)
{
    const brink_sim_particles_t *p = ud;
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *a, *b;
        brink_sim_particles_series_name(p, k, &a, &b);
        if (strcmp(actor, a) == 0 && strcmp(kind, b) == 0)
            return k;
    }
    return -1;
}

uint32_t brink_sim_particle_set(const void *particle)
{
    return ((const particle_t *)particle)->set;
}

void brink_sim_particle_series(const void *particle, double v[BRINK_NSERIES])
{
    sim_series(&((const particle_t *)particle)->s, v);
}

void brink_sim_particles_free(brink_sim_particles_t *p)
{
    if (!p)
        return;
    brink_free(p->ctx, p->cum);
    brink_free(p->ctx, p);
}

const brink_smc_model_t *brink_sim_particles_model(const brink_sim_particles_t *p)
{
    return &p->model;
}

brink_status_t brink_sim_particles_new(brink_ctx_t *ctx, const brink_sim_t *const *sims,
                                       const double *weights, uint32_t nsims,
                                       brink_sim_particles_t **out)
{
    brink_status_t st = BRINK_OK;
    brink_sim_particles_t *p = NULL;
    *out = NULL;
    if (!sims || nsims < 1) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "sim particles: no model");
        goto cleanup;
    }
    for (uint32_t i = 1; i < nsims; i++)
        if (brink_sim_start(sims[i]) != brink_sim_start(sims[0])) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "sim particles: the models differ in "
                                 "their start month");
            goto cleanup;
        }
    p = brink_calloc(ctx, 1, sizeof *p);
    if (!p || !(p->cum = brink_malloc(ctx, nsims * sizeof *p->cum))) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    p->ctx = ctx;
    p->sims = sims;
    p->nsims = nsims;
    double tot = 0;
    for (uint32_t i = 0; i < nsims; i++) {
        double w = weights ? weights[i] : 1.0;
        if (!(w >= 0) || !isfinite(w)) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "sim particles: weight %u is not a finite "
                                 "number >= 0", i);
            goto cleanup;
        }
        tot += w;
        p->cum[i] = tot;
    }
    if (!(tot > 0)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "sim particles: every weight is 0");
        goto cleanup;
    }
    for (uint32_t i = 0; i < nsims; i++)
        p->cum[i] /= tot;
    brink_smc_model_t m = {0, BRINK_NCOUNTS, p, draw_params, init, advance, counts,
                           copy, free_particle, series_index};
    p->model = m;
    *out = p;
    p = NULL;
cleanup:
    brink_sim_particles_free(p);
    return st;
}
