/* liap.c - Nash equilibria of an N-player strategic game by minimising
 * the Lyapunov function L(sigma) = sum over players p and strategies s of
 * max(0, u_p(s, sigma_-p) - u_p(sigma))^2, which is 0 exactly at the
 * equilibria (Gambit's liap).  Projected gradient descent on the product of
 * simplices with a backtracking line search from the centroid and from
 * random starting points; every local minimum is refined by Newton's method
 * on its support and reported only if its regret is within tolerance
 * (nashfloat.c).  Cost per iteration: one Jacobian, O(contingencies x
 * players^3). */
#include <math.h>
#include <string.h>

#include "brink/rng.h"
#include "game/nashfloat.h"

#define LIAP_ITERS 400     /* descent iterations per starting point */
#define LIAP_REFINE_EVERY 20

static double liap_value(nf_game_t *nf, const double *sigma, double *val)
{
    nf_values(nf, sigma, val);
    double L = 0;
    for (int p = 0; p < nf->np; p++) {
        double cur = 0;
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
            cur += sigma[j] * val[j];
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
            double g = val[j] - cur;
            if (g > 0)
                L += g * g;
        }
    }
    return L;
}

/* the Euclidean projection of x[0..n) onto the simplex, with tmp[n] scratch */
static void project_simplex(double *x, size_t n, double *tmp)
{
    memcpy(tmp, x, n * sizeof *x);
    /* insertion sort, descending (n is a strategy count) */
    for (size_t i = 1; i < n; i++) {
        double v = tmp[i];
        size_t k = i;
        while (k > 0 && tmp[k - 1] < v) {
            tmp[k] = tmp[k - 1];
            k--;
        }
        tmp[k] = v;
    }
    double cum = 0, theta = 0;
    for (size_t i = 0; i < n; i++) {
        cum += tmp[i];
        double t = (cum - 1) / (double)(i + 1);
        if (tmp[i] - t > 0)
            theta = t;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = x[i] - theta > 0 ? x[i] - theta : 0;
}

/* gradient of L at sigma, given val and J from nf_jacobian */
static void liap_grad(nf_game_t *nf, const double *sigma, const double *val, const double *J,
                      double *gap, double *grad)
{
    size_t W = nf->width;
    memset(grad, 0, W * sizeof *grad);
    for (int p = 0; p < nf->np; p++) {
        double cur = 0, G = 0;
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
            cur += sigma[j] * val[j];
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
            gap[j] = val[j] - cur > 0 ? val[j] - cur : 0;
            G += gap[j];
        }
        if (G == 0)
            continue;
        for (size_t t = 0; t < W; t++) {
            double dcur = 0, dsum = 0;
            if (t >= nf->off[p] && t < nf->off[p + 1])
                dcur = val[t];
            else
                for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
                    dcur += sigma[j] * J[j * W + t];
                    dsum += gap[j] * J[j * W + t];
                }
            grad[t] += 2 * (dsum - G * dcur);
        }
    }
}

brink_status_t solve_liap(brink_ctx_t *ctx, const brink_game_t *g, size_t starts, uint64_t seed,
                          brink_eqset_t **out)
{
    nf_game_t nf;
    brink_status_t st = nf_init(ctx, &nf, g);
    if (st != BRINK_OK)
        return st;
    size_t W = nf.width;
    brink_eqset_t *e = eqset_new(ctx, BRINK_PROFILE_MIXED, 0, W);
    double *sigma = brink_malloc(ctx, W * sizeof *sigma);
    double *trial = brink_malloc(ctx, W * sizeof *trial);
    double *val = brink_malloc(ctx, W * sizeof *val);
    double *gap = brink_malloc(ctx, W * sizeof *gap);
    double *grad = brink_malloc(ctx, W * sizeof *grad);
    double *tmp = brink_malloc(ctx, W * sizeof *tmp);
    double *J = brink_malloc(ctx, W * W * sizeof *J);
    if (!e || !sigma || !trial || !val || !gap || !grad || !tmp || !J) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    double scale2 = nf.range * nf.range;
    for (size_t start = 0; start <= starts; start++) {
        brink_rng_t rng;
        brink_rng_init(&rng, seed, 0, (uint32_t)start, BRINK_STREAM_USER + 17);
        for (int p = 0; p < nf.np; p++) {
            double t = 0;
            for (size_t j = nf.off[p]; j < nf.off[p + 1]; j++) {
                sigma[j] = start == 0 ? 1.0 : -log(brink_rng_uniform_pos(&rng));
                t += sigma[j];
            }
            for (size_t j = nf.off[p]; j < nf.off[p + 1]; j++)
                sigma[j] /= t;
        }
        double step = 1.0 / nf.range;
        for (int it = 0; it <= LIAP_ITERS; it++) {
            if (brink_ctx_interrupted(ctx)) {
                st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "interrupted");
                goto cleanup;
            }
            if (it % LIAP_REFINE_EVERY == 0 || it == LIAP_ITERS) {
                double r;
                memcpy(trial, sigma, W * sizeof *trial);
                int k = nf_refine(ctx, &nf, trial, &r);
                if (k < 0) {
                    st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
                    goto cleanup;
                }
                if (k) {
                    if ((st = nf_add_unique(ctx, e, trial, r)) != BRINK_OK)
                        goto cleanup;
                    break;
                }
            }
            nf_jacobian(&nf, sigma, val, J);
            double L = liap_value(&nf, sigma, gap);
            if (L <= 1e-30 * scale2)
                break;
            liap_grad(&nf, sigma, val, J, gap, grad);
            /* backtracking line search along the projected gradient */
            int moved = 0;
            for (int ls = 0; ls < 40; ls++) {
                for (size_t j = 0; j < W; j++)
                    trial[j] = sigma[j] - step * grad[j];
                for (int p = 0; p < nf.np; p++)
                    project_simplex(trial + nf.off[p], (size_t)nf.ns[p], tmp);
                double Lt = liap_value(&nf, trial, gap);
                if (Lt < L) {
                    memcpy(sigma, trial, W * sizeof *sigma);
                    step *= 1.5;
                    moved = 1;
                    break;
                }
                step *= 0.5;
            }
            if (!moved) {
                if (it >= LIAP_ITERS - 1)
                    break;
                it = LIAP_ITERS - 1; /* a stationary point: one last refinement */
            }
        }
    }
cleanup:
    brink_free(ctx, sigma);
    brink_free(ctx, trial);
    brink_free(ctx, val);
    brink_free(ctx, gap);
    brink_free(ctx, grad);
    brink_free(ctx, tmp);
    brink_free(ctx, J);
    nf_free(ctx, &nf);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return st;
    }
    *out = e;
    return BRINK_OK;
}
