/*
 * brink/rng.h - counter-based random streams (Philox4x32-10, Random123).
 *
 * A stream is a pure function of its key: (master seed, design point,
 * replication, stream id).  Two streams with different keys are independent
 * for all practical purposes (Philox is a keyed bijection of the counter);
 * the same key always yields the same sequence.  Nothing depends on which
 * thread or process draws, or in which order streams are used: this is what
 * makes every brink result reproducible for any thread count.
 *
 * Layout: Philox key = the 64-bit master seed; counter = (block index,
 * stream id, replication, design point).  A stream holds 2^32 blocks of
 * four 32-bit words (2^34 draws of brink_rng_u32); drawing past that wraps.
 *
 * brink_rng_t is a small value type so that hot loops keep it on the stack;
 * its fields are private and may change.
 */
#ifndef BRINK_RNG_H
#define BRINK_RNG_H

#include <stdint.h>

#include "brink/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_rng {
    uint32_t key[2];
    uint32_t ctr[4];
    uint32_t buf[4];
    unsigned avail;     /* unread words left in buf */
    int has_normal;     /* a cached second Box-Muller deviate */
    double normal;
} brink_rng_t;

/** Well-known stream ids.  Modules may use any other value; collisions only
 *  matter within one (seed, point, replication). */
enum {
    BRINK_STREAM_SIM = 1,        /* the simulation's own draws */
    BRINK_STREAM_PARAMS = 2,     /* parameter draws (posterior, priors) */
    BRINK_STREAM_DESIGN = 3,     /* experiment designs */
    BRINK_STREAM_FORECAST = 4,   /* forecast Monte Carlo */
    BRINK_STREAM_BOOTSTRAP = 5,  /* bootstrap resampling */
    BRINK_STREAM_SCORE = 6,      /* randomised PIT draws of the backtest */
    BRINK_STREAM_LOOKAHEAD = 7,  /* look-ahead ensembles of a play session */
    BRINK_STREAM_USER = 1000     /* first id free for callers */
};

/** The raw Philox4x32 bijection with 10 rounds: out = philox(ctr, key).
 *  Exposed for known-answer tests. */
BRINK_API void brink_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

/** Initialises rng as the stream keyed by (seed, point, rep, stream). */
BRINK_API void brink_rng_init(brink_rng_t *rng, uint64_t seed, uint32_t point, uint32_t rep,
                              uint32_t stream);

/** Uniform 32-bit and 64-bit words. */
BRINK_API uint32_t brink_rng_u32(brink_rng_t *rng);
BRINK_API uint64_t brink_rng_u64(brink_rng_t *rng);

/** Uniform double in [0, 1) with 53 random bits. */
BRINK_API double brink_rng_uniform(brink_rng_t *rng);

/** Uniform double in (0, 1): never 0, never 1. */
BRINK_API double brink_rng_uniform_pos(brink_rng_t *rng);

/** Uniform integer in [0, n) without modulo bias; n == 0 returns 0. */
BRINK_API uint32_t brink_rng_below(brink_rng_t *rng, uint32_t n);

/** Standard normal deviate (Box-Muller, polar-free; deterministic). */
BRINK_API double brink_rng_normal(brink_rng_t *rng);

/** Gamma(shape, scale=1) deviate, shape > 0 (Marsaglia and Tsang 2000). */
BRINK_API double brink_rng_gamma(brink_rng_t *rng, double shape);

/** Beta(a, b) deviate, a, b > 0. */
BRINK_API double brink_rng_beta(brink_rng_t *rng, double a, double b);

/** Poisson(mean) count, mean >= 0 (inversion for mean < 12, otherwise the
 *  PTRS transformed-rejection method of Hoermann 1993).  Negative or NaN
 *  means give 0. */
BRINK_API uint32_t brink_rng_poisson(brink_rng_t *rng, double mean);

/** Negative binomial count with the given mean and dispersion k > 0
 *  (variance mean + mean^2/k), as a gamma-Poisson mixture. */
BRINK_API uint32_t brink_rng_negbin(brink_rng_t *rng, double mean, double k);

/** Bernoulli(p) draw: 1 with probability p. */
BRINK_API int brink_rng_bernoulli(brink_rng_t *rng, double p);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_RNG_H */
