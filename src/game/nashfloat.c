/* nashfloat.c - payoffs, derivatives, regret and Newton refinement of
 * mixed profiles of an N-player strategic game, in doubles (see
 * nashfloat.h). */
#include <math.h>
#include <string.h>

#include "game/nashfloat.h"

brink_status_t nf_init(brink_ctx_t *ctx, nf_game_t *nf, const brink_game_t *g)
{
    memset(nf, 0, sizeof *nf);
    nf->g = g;
    nf->np = g->nplayers;
    nf->ns = g->nstrat;
    nf->ncont = g->ncont;
    nf->pay = g->dpay;
    nf->off = brink_malloc(ctx, (size_t)(nf->np + 1) * sizeof *nf->off);
    nf->s = brink_calloc(ctx, (size_t)nf->np + 1, sizeof *nf->s);
    nf->pre = brink_malloc(ctx, (size_t)(nf->np + 1) * sizeof *nf->pre);
    nf->suf = brink_malloc(ctx, (size_t)(nf->np + 1) * sizeof *nf->suf);
    if (!nf->off || !nf->s || !nf->pre || !nf->suf) {
        nf_free(ctx, nf);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    size_t o = 0;
    for (int p = 0; p < nf->np; p++) {
        nf->off[p] = o;
        o += (size_t)nf->ns[p];
    }
    nf->off[nf->np] = o;
    nf->width = o;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < nf->ncont * (size_t)nf->np; k++) {
        if (nf->pay[k] < lo)
            lo = nf->pay[k];
        if (nf->pay[k] > hi)
            hi = nf->pay[k];
    }
    nf->range = hi > lo ? hi - lo : 1;
    nf->tol = 1e-9 * (nf->range > 1 ? nf->range : 1);
    return BRINK_OK;
}

void nf_free(brink_ctx_t *ctx, nf_game_t *nf)
{
    brink_free(ctx, nf->off);
    brink_free(ctx, nf->s);
    brink_free(ctx, nf->pre);
    brink_free(ctx, nf->suf);
    memset(nf, 0, sizeof *nf);
}

static void next_profile(nf_game_t *nf)
{
    for (int p = 0; p < nf->np; p++) {
        if (++nf->s[p] < nf->ns[p])
            return;
        nf->s[p] = 0;
    }
}

void nf_values(nf_game_t *nf, const double *sigma, double *val)
{
    int np = nf->np;
    memset(val, 0, nf->width * sizeof *val);
    memset(nf->s, 0, (size_t)np * sizeof *nf->s);
    for (size_t c = 0; c < nf->ncont; c++) {
        nf->pre[0] = 1;
        for (int p = 0; p < np; p++)
            nf->pre[p + 1] = nf->pre[p] * sigma[nf->off[p] + (size_t)nf->s[p]];
        nf->suf[np] = 1;
        for (int p = np - 1; p >= 0; p--)
            nf->suf[p] = nf->suf[p + 1] * sigma[nf->off[p] + (size_t)nf->s[p]];
        const double *u = nf->pay + c * (size_t)np;
        for (int p = 0; p < np; p++) {
            double w = nf->pre[p] * nf->suf[p + 1];
            if (w != 0)
                val[nf->off[p] + (size_t)nf->s[p]] += w * u[p];
        }
        next_profile(nf);
    }
}

void nf_jacobian(nf_game_t *nf, const double *sigma, double *val, double *J)
{
    int np = nf->np;
    size_t W = nf->width;
    memset(val, 0, W * sizeof *val);
    memset(J, 0, W * W * sizeof *J);
    memset(nf->s, 0, (size_t)np * sizeof *nf->s);
    for (size_t c = 0; c < nf->ncont; c++) {
        const double *u = nf->pay + c * (size_t)np;
        nf->pre[0] = 1;
        for (int p = 0; p < np; p++)
            nf->pre[p + 1] = nf->pre[p] * sigma[nf->off[p] + (size_t)nf->s[p]];
        nf->suf[np] = 1;
        for (int p = np - 1; p >= 0; p--)
            nf->suf[p] = nf->suf[p + 1] * sigma[nf->off[p] + (size_t)nf->s[p]];
        /* players whose strategy here has probability 0: with three or
         * more every term vanishes; with one or two only the terms that
         * leave them out of the product survive */
        int z = 0, z0 = -1, z1 = -1;
        for (int p = 0; p < np && z < 3; p++)
            if (sigma[nf->off[p] + (size_t)nf->s[p]] == 0) {
                if (z == 0)
                    z0 = p;
                else
                    z1 = p;
                z++;
            }
        if (z >= 3) {
            next_profile(nf);
            continue;
        }
        for (int p = 0; p < np; p++) {
            size_t row = nf->off[p] + (size_t)nf->s[p];
            val[row] += nf->pre[p] * nf->suf[p + 1] * u[p];
            for (int q = 0; q < np; q++) {
                if (q == p)
                    continue;
                if ((z0 >= 0 && z0 != p && z0 != q) || (z1 >= 0 && z1 != p && z1 != q))
                    continue;
                double w = 1;
                for (int r = 0; r < np; r++)
                    if (r != p && r != q)
                        w *= sigma[nf->off[r] + (size_t)nf->s[r]];
                J[row * W + nf->off[q] + (size_t)nf->s[q]] += w * u[p];
            }
        }
        next_profile(nf);
    }
}

double nf_regret(nf_game_t *nf, const double *sigma, double *val)
{
    nf_values(nf, sigma, val);
    double worst = 0;
    for (int p = 0; p < nf->np; p++) {
        double best = -INFINITY, cur = 0;
        for (size_t k = nf->off[p]; k < nf->off[p + 1]; k++) {
            if (val[k] > best)
                best = val[k];
            cur += sigma[k] * val[k];
        }
        if (best - cur > worst)
            worst = best - cur;
    }
    return worst;
}

int nf_linsolve(int n, double *A, double *b)
{
    double scale = 0;
    for (int k = 0; k < n * n; k++)
        if (fabs(A[k]) > scale)
            scale = fabs(A[k]);
    if (scale == 0)
        return -1;
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(A[r * n + c]) > fabs(A[piv * n + c]))
                piv = r;
        if (fabs(A[piv * n + c]) <= 1e-13 * scale)
            return -1;
        if (piv != c) {
            for (int k = 0; k < n; k++) {
                double t = A[c * n + k];
                A[c * n + k] = A[piv * n + k];
                A[piv * n + k] = t;
            }
            double t = b[c];
            b[c] = b[piv];
            b[piv] = t;
        }
        for (int r = c + 1; r < n; r++) {
            double f = A[r * n + c] / A[c * n + c];
            if (f == 0)
                continue;
            for (int k = c; k < n; k++)
                A[r * n + k] -= f * A[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int r = n - 1; r >= 0; r--) {
        double t = b[r];
        for (int k = r + 1; k < n; k++)
            t -= A[r * n + k] * b[k];
        b[r] = t / A[r * n + r];
    }
    return 0;
}

size_t nf_scratch_size(const nf_game_t *nf)
{
    size_t W = nf->width, n = W + (size_t)nf->np;
    return 2 * W + W * W + n * n + 2 * n;
}

int nf_newton(nf_game_t *nf, const unsigned char *in, double *sigma, double *scratch)
{
    size_t W = nf->width;
    int np = nf->np;
    double *val = scratch, *J = val + W, *A = J + W * W;
    int k = 0;
    for (size_t j = 0; j < W; j++)
        k += in[j] != 0;
    int n = k + np;
    double *b = A + (size_t)n * (size_t)n;
    double *v = b + n;
    int *idx = (int *)(void *)(v + n); /* W ints fit in W doubles */
    int m = 0;
    for (size_t j = 0; j < W; j++)
        idx[j] = in[j] ? m++ : -1;
    for (size_t j = 0; j < W; j++)
        if (!in[j])
            sigma[j] = 0;
    /* v_p: the mean payoff on the support */
    nf_values(nf, sigma, val);
    for (int p = 0; p < np; p++) {
        double t = 0;
        int cnt = 0;
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
            if (in[j]) {
                t += val[j];
                cnt++;
            }
        if (!cnt)
            return -1;
        v[p] = t / cnt;
    }
    double scale = nf->range > 1 ? nf->range : 1;
    for (int it = 0; it < 60; it++) {
        nf_jacobian(nf, sigma, val, J);
        memset(A, 0, (size_t)n * (size_t)n * sizeof *A);
        double res = 0;
        int r = 0;
        for (int p = 0; p < np; p++)
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
                if (!in[j])
                    continue;
                for (size_t t = 0; t < W; t++)
                    if (in[t])
                        A[r * n + idx[t]] = J[j * W + t];
                A[r * n + k + p] = -1;
                b[r] = -(val[j] - v[p]);
                if (fabs(b[r]) > res)
                    res = fabs(b[r]);
                r++;
            }
        for (int p = 0; p < np; p++) {
            double t = -1;
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
                if (in[j]) {
                    A[r * n + idx[j]] = 1;
                    t += sigma[j];
                }
            b[r] = -t;
            if (fabs(t) * scale > res)
                res = fabs(t) * scale;
            r++;
        }
        if (res <= 1e-14 * scale)
            return 0;
        if (nf_linsolve(n, A, b) != 0)
            return -1;
        double step = 0;
        for (size_t j = 0; j < W; j++)
            if (in[j]) {
                sigma[j] += b[idx[j]];
                if (fabs(b[idx[j]]) > step)
                    step = fabs(b[idx[j]]);
            }
        for (int p = 0; p < np; p++)
            v[p] += b[k + p];
        if (!isfinite(step) || step > 1e6)
            return -1;
        if (step < 1e-15)
            return 0;
    }
    /* no quadratic convergence: accept only if the residual is tiny */
    return -1;
}

/* Newton on a support, dropping strategies that come out negative; 0 if a
 * nonnegative solution was found */
static int refine_on(nf_game_t *nf, unsigned char *in, double *sigma, double *scratch)
{
    for (int round = 0; round < 8; round++) {
        if (nf_newton(nf, in, sigma, scratch) != 0)
            return -1;
        int neg = 0;
        for (size_t j = 0; j < nf->width; j++)
            if (in[j] && sigma[j] < -1e-12) {
                in[j] = 0;
                neg = 1;
            }
        if (!neg)
            break;
        /* start the next round from the clipped profile */
        for (int p = 0; p < nf->np; p++) {
            double t = 0;
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
                if (sigma[j] < 0 || !in[j])
                    sigma[j] = 0;
                t += sigma[j];
            }
            if (t <= 0)
                return -1;
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
                sigma[j] /= t;
        }
        if (round == 7)
            return -1;
    }
    for (int p = 0; p < nf->np; p++) {
        double t = 0;
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
            if (sigma[j] < 0)
                sigma[j] = 0;
            t += sigma[j];
        }
        if (t <= 0)
            return -1;
        for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
            sigma[j] /= t;
    }
    return 0;
}

int nf_refine(brink_ctx_t *ctx, nf_game_t *nf, double *sigma, double *regret)
{
    size_t W = nf->width;
    int kept = 0;
    double *scratch = brink_malloc(ctx, nf_scratch_size(nf) * sizeof *scratch);
    double *try = brink_malloc(ctx, W * sizeof *try);
    double *val = brink_malloc(ctx, W * sizeof *val);
    unsigned char *in = brink_malloc(ctx, W ? W : 1);
    if (!scratch || !try || !val || !in) {
        kept = -1;
        goto cleanup;
    }
    double r0 = nf_regret(nf, sigma, val);
    for (int attempt = 0; attempt < 2 && !kept; attempt++) {
        memcpy(try, sigma, W * sizeof *try);
        for (int p = 0; p < nf->np; p++) {
            double best = -INFINITY;
            size_t arg = nf->off[p];
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++) {
                in[j] = sigma[j] > 1e-6;
                if (val[j] > best) {
                    best = val[j];
                    arg = j;
                }
            }
            /* second attempt: add every strategy nearly as good as the best */
            if (attempt == 1)
                for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
                    if (val[j] >= best - 1e-6 * nf->range)
                        in[j] = 1;
            int any = 0;
            for (size_t j = nf->off[p]; j < nf->off[p + 1]; j++)
                any |= in[j];
            if (!any)
                in[arg] = 1;
        }
        if (refine_on(nf, in, try, scratch) != 0)
            continue;
        double r = nf_regret(nf, try, scratch);
        if (r <= nf->tol) {
            memcpy(sigma, try, W * sizeof *try);
            *regret = r;
            kept = 1;
        }
    }
    /* a non-isolated equilibrium (singular system) that is already one */
    if (!kept && r0 <= nf->tol) {
        *regret = r0;
        kept = 1;
    }
cleanup:
    brink_free(ctx, scratch);
    brink_free(ctx, try);
    brink_free(ctx, val);
    brink_free(ctx, in);
    return kept;
}

brink_status_t nf_add_unique(brink_ctx_t *ctx, brink_eqset_t *e, const double *sigma,
                             double regret)
{
    for (size_t i = 0; i < e->count; i++) {
        size_t j = 0;
        while (j < e->width && fabs(e->d[i * e->width + j] - sigma[j]) <= 1e-7)
            j++;
        if (j == e->width)
            return BRINK_OK;
    }
    if (eqset_add_d(ctx, e, sigma) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    if (eqset_set_regret(ctx, e, regret) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return BRINK_OK;
}
