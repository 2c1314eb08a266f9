/* rng.c - Philox4x32-10 streams and the distributions drawn from them. */
#include <math.h>

#include <Random123/philox.h>

#include "brink/rng.h"

void brink_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4])
{
    philox4x32_ctr_t c = {{ctr[0], ctr[1], ctr[2], ctr[3]}};
    philox4x32_key_t k = {{key[0], key[1]}};
    philox4x32_ctr_t r = philox4x32_R(10, c, k);
    for (int i = 0; i < 4; i++)
        out[i] = r.v[i];
}

void brink_rng_init(brink_rng_t *rng, uint64_t seed, uint32_t point, uint32_t rep,
                    uint32_t stream)
{
    rng->key[0] = (uint32_t)(seed & 0xffffffffu);
    rng->key[1] = (uint32_t)(seed >> 32);
    rng->ctr[0] = 0;
    rng->ctr[1] = stream;
    rng->ctr[2] = rep;
    rng->ctr[3] = point;
    rng->avail = 0;
    rng->has_normal = 0;
    rng->normal = 0.0;
}

uint32_t brink_rng_u32(brink_rng_t *rng)
{
    if (rng->avail == 0) {
        brink_philox4x32_10(rng->ctr, rng->key, rng->buf);
        rng->ctr[0]++;
        rng->avail = 4;
    }
    return rng->buf[4 - rng->avail--];
}

uint64_t brink_rng_u64(brink_rng_t *rng)
{
    uint64_t hi = brink_rng_u32(rng);
    return (hi << 32) | brink_rng_u32(rng);
}

double brink_rng_uniform(brink_rng_t *rng)
{
    return (double)(brink_rng_u64(rng) >> 11) * 0x1.0p-53;
}

double brink_rng_uniform_pos(brink_rng_t *rng)
{
    /* (k + 0.5) / 2^53 for k in [0, 2^53): strictly inside (0, 1) */
    return ((double)(brink_rng_u64(rng) >> 11) + 0.5) * 0x1.0p-53;
}

uint32_t brink_rng_below(brink_rng_t *rng, uint32_t n)
{
    if (n == 0)
        return 0;
    /* Lemire's nearly divisionless method */
    uint64_t m = (uint64_t)brink_rng_u32(rng) * n;
    uint32_t low = (uint32_t)m;
    if (low < n) {
        uint32_t threshold = (uint32_t)(-n) % n;
        while (low < threshold) {
            m = (uint64_t)brink_rng_u32(rng) * n;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

double brink_rng_normal(brink_rng_t *rng)
{
    if (rng->has_normal) {
        rng->has_normal = 0;
        return rng->normal;
    }
    double u1 = brink_rng_uniform_pos(rng);
    double u2 = brink_rng_uniform(rng);
    double r = sqrt(-2.0 * log(u1));
    double t = 2.0 * M_PI * u2;
    rng->normal = r * sin(t);
    rng->has_normal = 1;
    return r * cos(t);
}

double brink_rng_gamma(brink_rng_t *rng, double shape)
{
    if (!(shape > 0.0))
        return 0.0;
    if (shape < 1.0) {
        /* boost: Gamma(a) = Gamma(a+1) * U^(1/a) */
        double u = brink_rng_uniform_pos(rng);
        return brink_rng_gamma(rng, shape + 1.0) * pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = brink_rng_normal(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = brink_rng_uniform_pos(rng);
        if (u < 1.0 - 0.0331 * x * x * x * x)
            return d * v;
        if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
            return d * v;
    }
}

double brink_rng_beta(brink_rng_t *rng, double a, double b)
{
    double x = brink_rng_gamma(rng, a);
    double y = brink_rng_gamma(rng, b);
    return (x + y) > 0.0 ? x / (x + y) : 0.5;
}

static uint32_t poisson_inversion(brink_rng_t *rng, double mean)
{
    double p = exp(-mean), s = p, u = brink_rng_uniform(rng);
    uint32_t k = 0;
    while (u > s && k < 1000) {
        k++;
        p *= mean / k;
        s += p;
    }
    return k;
}

/* PTRS, W. Hoermann (1993), "The transformed rejection method for generating
 * Poisson random variables", Insurance: Mathematics and Economics 12. */
static uint32_t poisson_ptrs(brink_rng_t *rng, double mean)
{
    double slam = sqrt(mean), loglam = log(mean);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        double u = brink_rng_uniform(rng) - 0.5;
        double v = brink_rng_uniform_pos(rng);
        double us = 0.5 - fabs(u);
        double k = floor((2.0 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr)
            return (uint32_t)k;
        if (k < 0.0 || (us < 0.013 && v > us))
            continue;
        if (log(v) + log(invalpha) - log(a / (us * us) + b) <=
            -mean + k * loglam - lgamma(k + 1.0))
            return (uint32_t)k;
    }
}

uint32_t brink_rng_poisson(brink_rng_t *rng, double mean)
{
    if (!(mean > 0.0))
        return 0;
    if (mean > 1e9)
        mean = 1e9;
    return mean < 12.0 ? poisson_inversion(rng, mean) : poisson_ptrs(rng, mean);
}

uint32_t brink_rng_negbin(brink_rng_t *rng, double mean, double k)
{
    if (!(mean > 0.0))
        return 0;
    if (!(k > 0.0) || isinf(k))
        return brink_rng_poisson(rng, mean);
    double lambda = brink_rng_gamma(rng, k) * mean / k;
    return brink_rng_poisson(rng, lambda);
}

int brink_rng_bernoulli(brink_rng_t *rng, double p)
{
    return brink_rng_uniform(rng) < p;
}
