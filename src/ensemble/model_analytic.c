/* model_analytic.c - built-in analytic test models with known sensitivity
 * indices, so the engine and the analysis are testable without the
 * simulation: Ishigami, Sobol's G function, and a linear function whose
 * extra factors are inert (Morris screening).  Each model may add Gaussian
 * noise from the run's own stream and burn synthetic work (benchmarks). */
#include <math.h>
#include <string.h>

#include "brink/rng.h"
#include "ensemble/exp_internal.h"

static const char *const y_outputs[] = {"y"};
static const char *const path_series[] = {"path"};

/* Synthetic work: `work` Philox draws from the run's stream, kept alive
 * through a volatile store; the value added is exactly 0. */
static double burn(const brink_model_input_t *in)
{
    if (in->work == 0)
        return 0;
    brink_rng_t rng;
    brink_rng_init(&rng, in->seed, in->stream_point, in->rep, BRINK_STREAM_USER);
    uint32_t acc = 0;
    for (uint64_t i = 0; i < in->work; i++)
        acc ^= brink_rng_u32(&rng);
    volatile uint32_t sink = acc;
    (void)sink;
    return 0.0;
}

static double noise(const brink_model_input_t *in)
{
    if (in->noise <= 0)
        return 0;
    brink_rng_t rng;
    brink_rng_init(&rng, in->seed, in->stream_point, in->rep, BRINK_STREAM_SIM);
    return in->noise * brink_rng_normal(&rng);
}

/* The series "path": step t is y (t+1)/T plus a Gaussian random walk of
 * step sd `noise` (its own stream), so that at step t the replications of
 * a point are normal with mean y (t+1)/T and sd noise sqrt(t+1). */
static void path(const brink_model_input_t *in, brink_model_output_t *out, double y)
{
    if (!out->series || out->max_steps == 0)
        return;
    brink_rng_t rng;
    brink_rng_init(&rng, in->seed, in->stream_point, in->rep, BRINK_STREAM_USER + 1);
    double walk = 0, T = out->max_steps;
    for (uint32_t t = 0; t < out->max_steps; t++) {
        if (in->noise > 0)
            walk += in->noise * brink_rng_normal(&rng);
        out->series[t] = y * (t + 1) / T + walk;
    }
    out->nsteps = out->max_steps;
}

static brink_status_t ishigami(brink_ctx_t *ctx, const brink_model_input_t *in,
                               brink_model_output_t *out, void *ud)
{
    (void)ud;
    if (in->nfactors != 3)
        return brink_ctx_error(ctx, BRINK_EINVAL, "ishigami needs 3 factors, got %zu",
                               in->nfactors);
    double a = in->nparams >= 2 ? in->params[0] : 7.0;
    double b = in->nparams >= 2 ? in->params[1] : 0.1;
    const double *x = in->x;
    double s = sin(x[0]);
    double y = s + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * s;
    out->scalars[0] = y + noise(in) + burn(in);
    path(in, out, y);
    return BRINK_OK;
}

static brink_status_t sobol_g(brink_ctx_t *ctx, const brink_model_input_t *in,
                              brink_model_output_t *out, void *ud)
{
    (void)ud;
    if (in->nparams != in->nfactors)
        return brink_ctx_error(ctx, BRINK_EINVAL, "sobol_g needs one a_i per factor");
    double y = 1;
    for (size_t i = 0; i < in->nfactors; i++)
        y *= (fabs(4 * in->x[i] - 2) + in->params[i]) / (1 + in->params[i]);
    out->scalars[0] = y + noise(in) + burn(in);
    path(in, out, y);
    return BRINK_OK;
}

static brink_status_t linear(brink_ctx_t *ctx, const brink_model_input_t *in,
                             brink_model_output_t *out, void *ud)
{
    (void)ctx;
    (void)ud;
    double y = 0;
    for (size_t i = 0; i < in->nfactors && i < in->nparams; i++)
        y += in->params[i] * in->x[i];
    if (!isfinite(y))
        return brink_ctx_error(ctx, BRINK_ENUMERIC, "the linear model overflowed");
    out->scalars[0] = y + noise(in) + burn(in);
    path(in, out, y);
    return BRINK_OK;
}

brink_status_t brink_model_builtin(brink_ctx_t *ctx, const char *name, brink_model_t *out)
{
    memset(out, 0, sizeof *out);
    out->name = name;
    out->outputs = y_outputs;
    out->noutputs = 1;
    out->series = path_series;
    out->nseries = 1;
    out->step_unit = "step";
    if (strcmp(name, "ishigami") == 0)
        out->run = ishigami;
    else if (strcmp(name, "sobol_g") == 0)
        out->run = sobol_g;
    else if (strcmp(name, "linear") == 0)
        out->run = linear;
    else if (strcmp(name, "crisis") == 0)
        return exp_model_crisis(ctx, out);
    else
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "no model named '%s'", name);
    return BRINK_OK;
}
