/*
 * smp.c - KTAB's Spatial Model of Politics (SMP), reformulated in C.
 *
 * The arithmetic follows KTAB operation for operation (smp.cpp, smpbcn.cpp,
 * kmodel.cpp) so that histories agree with KTAB's to the last printed digit.
 * What differs is the bookkeeping:
 *
 *  - KTAB materialises the N x N x N tensor aUtil[h](i,j) and, for its log,
 *    evaluates every challenge from every perspective (O(N^4) per turn).
 *    Here h's estimate of i's utility is computed on demand from the N x N
 *    distance matrix and the N risk attitudes, and only the challenges the
 *    model uses are evaluated: O(N^3) per turn, O(N^2) memory.
 *  - KTAB fills each actor's bargain queue from racing threads; here the
 *    queue of actor k is [k's status quo, then bargains by initiator index],
 *    and bargain ids are assigned in that order, so ids and stochastic
 *    draws never depend on scheduling.
 *  - Stochastic transitions draw from the Philox stream keyed by
 *    (seed, 1 + turn*2048 + k, run, BRINK_STREAM_FORECAST).
 */
#include <math.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "brink/rng.h"
#include "forecast/smp_internal.h"

/* ---- utilities -------------------------------------------------------------- */

double fc_bsutil(double sd, double r)
{
    if (sd <= 1)
        return (1 - sd) * (1 + sd * r);
    return (1 - sd) * (1 + r);
}

/* KTAB's bvDiff(ideal - pos, sal). */
static double bvdiff(const double *ideal, const double *pos, const double *sal, size_t d)
{
    double ds2 = 0, ss2 = 0;
    for (size_t k = 0; k < d; k++) {
        const double dij = ideal[k] - pos[k];
        const double ds = dij * sal[k];
        ds2 = ds2 + ds * ds;
        ss2 = ss2 + sal[k] * sal[k];
    }
    return sqrt(ds2 / ss2);
}

static double est_nra(double rh, double ri, int ra)
{
    switch (ra) {
    case BRINK_RA_FULL:
        return ri;
    case BRINK_RA_TWOTHIRDS:
        return (rh + (2.0 * ri)) / 3.0;
    case BRINK_RA_HALF:
        return (rh + ri) / 2;
    case BRINK_RA_ONETHIRD:
        return ((2.0 * rh) + ri) / 3.0;
    default:
        return rh;
    }
}

/* ---- the model's working data --------------------------------------------- */

typedef struct smp_state {
    double *pos, *ideal; /* n x d, unit scale */
    double *vdiff;       /* n x n: delta_i(x_j) */
    double *nra;         /* n */
    double *uo;          /* n x n: aUtil[a](a, j), each actor's own view */
    double *prob;        /* n: KTAB's per-actor win probability of its position */
} smp_state_t;

typedef struct smp {
    brink_ctx_t *ctx;
    const brink_smp_options_t *o;
    size_t n, d;
    double *cap;   /* n */
    double *sal;   /* n x d, unit scale */
    double *ssum;  /* n: sum of saliences (KBase::sum order) */
    double *w;     /* n: ssum x cap, the weight in challenges */
    const double *accom; /* n x n or NULL */
    int threads;
} smp_t;

static void fill_rh(const smp_t *m, const smp_state_t *st, size_t h, double *rh)
{
    for (size_t a = 0; a < m->n; a++)
        rh[a] = est_nra(st->nra[h], st->nra[a], m->o->bigradj);
}

static double little_prob(int vr, double wn, double uni, double unj, double ci, double cj)
{
    double v = fc_vote(vr, wn, uni, unj);
    double cni = (v > 0) ? ci + v : ci;
    double cnj = (v < 0) ? cj - v : cj;
    return cni / (cni + cnj);
}

static double third_party_vote(double wk, int vr, int tpc, double pik, double pjk, double uki,
                               double ukj, double ukk)
{
    double a, b, c, e; /* u(ik>j), u(j>ik), u(i>jk), u(jk>i) */
    switch (tpc) {
    case BRINK_TPC_FULLCOMMIT:
        a = uki + uki + uki;
        b = ukj + ukj + ukj;
        c = uki + uki + uki;
        e = ukj + ukj + ukj;
        break;
    case BRINK_TPC_NOCOMMIT:
        a = uki + uki + ukk;
        b = ukj + ukj + ukk;
        c = uki + uki + ukk;
        e = ukj + ukj + ukk;
        break;
    default: /* SemiCommit */
        a = uki + uki + ukk;
        b = ukj + ukj + ukj;
        c = uki + uki + uki;
        e = ukj + ukj + ukk;
        break;
    }
    double u_ik_j = (pik * a) + (pjk * b);
    double u_i_jk = (pik * c) + (pjk * e);
    return fc_vote(vr, wk, u_ik_j, u_i_jk);
}

/* KTAB's SMPState::probEduChlg(h, k, i, j): h's estimate of the probability
 * that i beats j and of the change in k's utility if i challenges j.
 * ci[t] = U^h(t, i), cj[t] = U^h(t, j), cd[t] = U^h(t, t): columns of h's
 * utility matrix, so that the third-party loop reads memory in order. */
static void prob_edu(const smp_t *m, const double *ci, const double *cj, const double *cd,
                     size_t k, size_t i, size_t j, double *phij_out, double *du_out, double *eu)
{
    const int vr = m->o->vr, tpc = m->o->tpc;
    const size_t n = m->n;
    const double uii = ci[i], uij = cj[i];
    const double uji = ci[j], ujj = cj[j];
    const double uki = ci[k], ukj = cj[k];
    const double eusq = uki + ukj;
    const double uhkij = uki + uki;
    const double uhkji = ukj + ukj;
    const double sj = m->ssum[j];
    double ci_ij = fc_vote(vr, m->w[i], uii, uij);
    double cj_ij = fc_vote(vr, m->w[j], uji, ujj);
    double chij = 1e-10, chji = 1e-10;
    if (ci_ij > 0.0)
        chij = chij + ci_ij;
    if (ci_ij < 0.0)
        chji = chji - ci_ij;
    if (cj_ij > 0.0)
        chij = chij + cj_ij;
    if (cj_ij < 0.0)
        chji = chji - cj_ij;
    const double pi_c = chij, pj_c = chji;
    for (size_t t = 0; t < n; t++) {
        if (t == i || t == j)
            continue;
        const double wn = m->w[t];
        const double uni = ci[t], unj = cj[t], unn = cd[t];
        double pin = little_prob(vr, wn, uni, unj, pi_c, pj_c);
        double pjn = 1.0 - pin;
        double vn = third_party_vote(wn, vr, tpc, pin, pjn, uni, unj, unn);
        chij = (vn > 0) ? (chij + vn) : chij;
        chji = (vn < 0) ? (chji - vn) : chji;
    }
    const double phij = chij / (chij + chji);
    const double phji = chji / (chij + chji);
    const double euvict = uhkij;
    const double eucntst = phij * uhkij + phji * uhkji;
    const double euchlg = (1 - sj) * euvict + sj * eucntst;
    *phij_out = phij;
    *du_out = euchlg - eusq;
    if (eu) { /* KTAB's UtilChlg columns for k, then for k = j (the target) */
        eu[0] = eusq;
        eu[1] = euvict;
        eu[2] = eucntst;
        eu[3] = euchlg;
        const double uji2 = ci[j], ujj2 = cj[j];
        eu[4] = uji2 + ujj2;
        eu[5] = uji2 + uji2;
        eu[6] = phij * (uji2 + uji2) + phji * (ujj2 + ujj2);
        eu[7] = (1 - sj) * eu[5] + sj * eu[6];
    }
}

static double round4(double x)
{
    const double s = 10000.0;
    const int y = (int)(0.5 + (x * s));
    return ((double)y) / s;
}

/* SMPActor::interpolateBrgn. */
static void interpolate(const smp_t *m, size_t i, size_t j, const double *ti, const double *tj,
                        double pi, double pj, double *bi, double *bj)
{
    for (size_t k = 0; k < m->d; k++) {
        double tik = ti[k], sik = m->sal[i * m->d + k];
        double tjk = tj[k], sjk = m->sal[j * m->d + k];
        if (m->o->ivb == BRINK_IVB_S2PMAX) {
            double di = (pj > pi) ? (pj - pi) : 0;
            double dj = (pi > pj) ? (pi - pj) : 0;
            double sik2 = sik * sik, sjk2 = sjk * sjk;
            const double minw = 1e-6;
            double dik = (di * sjk2) / ((di * sjk2) + minw + ((1 - di) * sik2));
            double djk = (dj * sik2) / ((dj * sik2) + minw + ((1 - dj) * sjk2));
            bi[k] = tik + dik * (tjk - tik);
            bj[k] = tjk + djk * (tik - tjk);
        } else {
            double e = (m->o->ivb == BRINK_IVB_S1P1) ? 1.0 : 2.0;
            double wik = pow(sik, e) * pow(pi, e);
            double wjk = pow(sjk, e) * pow(pj, e);
            const double minw = 1e-6;
            bi[k] = round4(((wik + minw) * tik + wjk * tjk) / (wik + minw + wjk));
            bj[k] = round4((wik * tik + (minw + wjk) * tjk) / (wik + minw + wjk));
        }
    }
}

/* ---- state setup: distances, risk attitudes, probabilities ---------------- */

static brink_status_t state_alloc(brink_ctx_t *ctx, smp_state_t *st, size_t n, size_t d)
{
    memset(st, 0, sizeof *st);
    st->pos = brink_malloc(ctx, n * d * sizeof(double));
    st->ideal = brink_malloc(ctx, n * d * sizeof(double));
    st->vdiff = brink_malloc(ctx, n * n * sizeof(double));
    st->nra = brink_malloc(ctx, n * sizeof(double));
    st->uo = brink_malloc(ctx, n * n * sizeof(double));
    st->prob = brink_malloc(ctx, n * sizeof(double));
    if (!st->pos || !st->ideal || !st->vdiff || !st->nra || !st->uo || !st->prob)
        return BRINK_ENOMEM;
    return BRINK_OK;
}

static void state_free(brink_ctx_t *ctx, smp_state_t *st)
{
    brink_free(ctx, st->pos);
    brink_free(ctx, st->ideal);
    brink_free(ctx, st->vdiff);
    brink_free(ctx, st->nra);
    brink_free(ctx, st->uo);
    brink_free(ctx, st->prob);
}

static int equiv(const smp_t *m, const double *pos, size_t i, size_t j)
{
    double s = 0;
    for (size_t k = 0; k < m->d; k++) {
        double x = pos[i * m->d + k] - pos[j * m->d + k];
        s = s + x * x;
    }
    return sqrt(s) < m->o->pos_tol;
}

/* setAllAUtil + pDist(-1).  work holds 5*n*n + 2*n doubles; rn (n*n) may be
 * NULL or receives the risk-neutral utilities. */
static brink_status_t state_setup(const smp_t *m, smp_state_t *st, double *work, size_t *uidx,
                                  double *rn_out, size_t turn)
{
    const size_t n = m->n, d = m->d;
    const int nt = m->threads;
    (void)nt;
#pragma omp parallel for num_threads(nt) schedule(static) if (n >= 96)
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            st->vdiff[i * n + j] = bvdiff(st->ideal + i * d, st->pos + j * d, m->sal + i * d, d);
    double *rn = work;           /* n*n */
    double *c = work + n * n;    /* n*n */
    double *scr = work + 2 * n * n; /* 3n*n + n */
    for (size_t i = 0; i < n * n; i++)
        rn[i] = fc_bsutil(st->vdiff[i], 0.0);
    if (rn_out)
        memcpy(rn_out, rn, n * n * sizeof *rn);
    fc_coalitions(m->o->vr, n, n, m->cap, rn, c);
    double *p = st->prob; /* temporary use */
    brink_status_t s = fc_pce(m->o->pcem, m->o->vpm, n, c, p, scr);
    if (s != BRINK_OK)
        return brink_ctx_error(m->ctx, s,
                               "turn %zu: the Markov PCE over the actors' positions (risk "
                               "attitudes) did not converge in 1000 iterations; KTAB fails here "
                               "too; try another PCEModel or VictoryProbModel", turn);
    double pmin = 1.0, pmax = 0.0;
    for (size_t i = 0; i < n; i++) {
        pmin = p[i] < pmin ? p[i] : pmin;
        pmax = p[i] > pmax ? p[i] : pmax;
    }
    if (!(pmax > pmin)) /* KTAB divides by zero here */
        return brink_ctx_error(m->ctx, BRINK_ENUMERIC,
                               "turn %zu: every position is equally likely, so the risk "
                               "attitudes (BigRRange) are undefined", turn);
    for (size_t i = 0; i < n; i++) {
        switch (m->o->bigrrng) {
        case BRINK_RR_MIN:
            st->nra[i] = (p[i] - pmin) / (pmax - pmin);
            break;
        case BRINK_RR_MAX:
            st->nra[i] = (2 * p[i] - (pmax + pmin)) / (pmax - pmin);
            break;
        default:
            st->nra[i] = (3 * p[i] - (pmax + 2 * pmin)) / (2 * (pmax - pmin));
            break;
        }
    }
    for (size_t a = 0; a < n; a++) {
        double ra = est_nra(st->nra[a], st->nra[a], m->o->bigradj);
        for (size_t j = 0; j < n; j++)
            st->uo[a * n + j] = fc_bsutil(st->vdiff[a * n + j], ra);
    }
    /* pDist(-1): PCE over unique positions with objective utilities */
    size_t nu = 0;
    for (size_t i = 0; i < n; i++) {
        int found = 0;
        for (size_t k = 0; k < nu && !found; k++)
            if (equiv(m, st->pos, i, uidx[k]))
                found = 1;
        if (!found)
            uidx[nu++] = i;
    }
    double *uu = rn; /* reuse: n x nu */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < nu; k++)
            uu[i * nu + k] = st->uo[i * n + uidx[k]];
    fc_coalitions(m->o->vr, n, nu, m->cap, uu, c);
    double *pu2 = work + 5 * n * n + n; /* n values after the PCE scratch */
    s = fc_pce(m->o->pcem, m->o->vpm, nu, c, pu2, scr);
    if (s != BRINK_OK)
        return brink_ctx_error(m->ctx, s,
                               "turn %zu: the Markov PCE over the unique positions did not "
                               "converge in 1000 iterations; KTAB fails here too; try another "
                               "PCEModel or VictoryProbModel", turn);
    for (size_t i = 0; i < n; i++) {
        size_t kk = 0;
        for (size_t k = 0; k < nu; k++)
            if (equiv(m, st->pos, i, uidx[k]))
                kk = k;
        st->prob[i] = pu2[kk];
    }
    return BRINK_OK;
}

/* ---- one step --------------------------------------------------------------- */

typedef struct prop {
    int target;          /* -1 none */
    double deu, pij;
    int nb;              /* bargains proposed: 0, 1 or 2 */
    double *bi[2], *bj[2]; /* d values each */
    uint64_t id[2];
    uint64_t sq_id;
    double sq_prob;
    int sq_sel;
    double iprob[2], rprob[2];
    int isel[2], rsel[2];
} prop_t;

typedef struct qitem {
    int owner;  /* initiator */
    int which;  /* -1 status quo of owner, else bargain index */
} qitem_t;

/* h's utility columns: ut[x*n + t] = U^h(t, x) and cd[t] = U^h(t, t). */
static void h_columns(const smp_t *m, const smp_state_t *st, size_t h, double *rh, double *ut,
                      double *cd)
{
    const size_t n = m->n;
    fill_rh(m, st, h, rh);
    for (size_t t = 0; t < n; t++) {
        const double *row = st->vdiff + t * n;
        for (size_t x = 0; x < n; x++)
            ut[x * n + t] = fc_bsutil(row[x], rh[t]);
        cd[t] = ut[t * n + t];
    }
}

/* rec, when not NULL, receives row i of the turn's challenge record:
 * rec[j*9 .. j*9+8] = (P(i>j), then Util_SQ, Util_Vict, Util_Cntst,
 * Util_Chlg for the initiator i and for the target j), all from i's view. */
static void challenges(const smp_t *m, const smp_state_t *st, size_t i, double *buf, prop_t *pr,
                       double *rec, double *recj)
{
    const size_t n = m->n;
    double *rh = buf, *cd = buf + n, *ci2 = buf + 2 * n, *cj2 = buf + 3 * n, *ut = buf + 4 * n;
    h_columns(m, st, i, rh, ut, cd);
    int bestj = -1;
    double pbest = 0, besteu = -1.0;
    const double minsig = 1e-5;
    for (size_t j = 0; j < n; j++) {
        if (j == i)
            continue;
        double p, du;
        prob_edu(m, ut + i * n, ut + j * n, cd, i, i, j, &p, &du, rec ? rec + j * 9 + 1 : NULL);
        if (rec)
            rec[j * 9] = p;
        if ((minsig < du) && (besteu < du)) {
            bestj = (int)j;
            pbest = p;
            besteu = du;
        }
    }
    pr->target = bestj;
    pr->nb = 0;
    pr->deu = bestj >= 0 ? besteu : 0.0;
    pr->pij = bestj >= 0 ? pbest : 0.0;
    if (bestj < 0)
        return;
    const size_t j = (size_t)bestj;
    const double *pi = st->pos + i * m->d, *pj = st->pos + j * m->d;
    interpolate(m, i, j, pi, pj, pbest, 1 - pbest, pr->bi[0], pr->bj[0]);
    pr->nb = 1;
    if (m->o->bm == BRINK_BM_INITONLY && !recj)
        return;
    /* j's estimate of the effect on i of i -> j */
    fill_rh(m, st, j, rh);
    for (size_t t = 0; t < n; t++) {
        ci2[t] = fc_bsutil(st->vdiff[t * n + i], rh[t]);
        cj2[t] = fc_bsutil(st->vdiff[t * n + j], rh[t]);
        cd[t] = fc_bsutil(st->vdiff[t * n + t], rh[t]);
    }
    double pji, duji, euj[8];
    prob_edu(m, ci2, cj2, cd, i, i, j, &pji, &duji, euj);
    if (recj) { /* the target's view: P(i > j), gain to i, gain to j */
        recj[0] = pji;
        recj[1] = duji;
        recj[2] = euj[7] - euj[4];
    }
    if (m->o->bm == BRINK_BM_INITONLY)
        return;
    double pjij = m->o->fix_rcvr_prob ? pji : duji; /* KTAB reads the dEU (smpbcn.cpp:423) */
    interpolate(m, i, j, pi, pj, pjij, 1 - pjij, pr->bi[1], pr->bj[1]);
    if (m->o->bm == BRINK_BM_INITRCVR) {
        pr->nb = 2;
        return;
    }
    /* PWCompInterp: weights capability x salience; KTAB takes i's capability
     * for both (smpbcn.cpp:430, scj = brgnJIJ->actInit->sCap) */
    double wi = m->cap[i] * m->ssum[i];
    double wj = (m->o->fix_pw_weight ? m->cap[j] : m->cap[i]) * m->ssum[j];
    for (size_t k = 0; k < m->d; k++) {
        double a = (wi * pr->bi[0][k] + wj * pr->bi[1][k]) / (wi + wj);
        double b = (wi * pr->bj[0][k] + wj * pr->bj[1][k]) / (wi + wj);
        pr->bi[0][k] = a;
        pr->bj[0][k] = b;
    }
}

/* Resolution of actor k's queue (updateBestBrgnPositions). */
static brink_status_t resolve(const smp_t *m, const smp_state_t *st, size_t k, const qitem_t *q,
                              size_t nb, const prop_t *props, double *u, double *c, double *p,
                              double *scr, size_t turn, size_t *chosen)
{
    const size_t n = m->n, d = m->d;
    for (size_t a = 0; a < n; a++) {
        const double ra = st->nra[a];
        for (size_t b = 0; b < nb; b++) {
            double avg = 0.0;
            if (q[b].which < 0) {
                for (size_t t = 0; t < n; t++)
                    avg = avg + st->uo[a * n + t];
            } else {
                const prop_t *pr = &props[q[b].owner];
                size_t ii = (size_t)q[b].owner, jj = (size_t)pr->target;
                double ui = fc_bsutil(bvdiff(st->ideal + a * d, pr->bi[q[b].which], m->sal + a * d, d), ra);
                double uj = fc_bsutil(bvdiff(st->ideal + a * d, pr->bj[q[b].which], m->sal + a * d, d), ra);
                avg = avg + ui;
                avg = avg + uj;
                for (size_t t = 0; t < n; t++)
                    if (t != ii && t != jj)
                        avg = avg + st->uo[a * n + t];
            }
            u[a * nb + b] = avg / (double)n;
        }
    }
    fc_coalitions(m->o->vr, n, nb, m->cap, u, c);
    brink_status_t s = fc_pce(m->o->pcem, m->o->vpm, nb, c, p, scr);
    if (s != BRINK_OK)
        return s;
    size_t best = 0;
    if (m->o->stm == BRINK_STM_STOCHASTIC) {
        brink_rng_t rng;
        brink_rng_init(&rng, m->o->seed, (uint32_t)(1 + turn * 2048 + k), m->o->run,
                       BRINK_STREAM_FORECAST);
        double x = brink_rng_uniform(&rng), sum = 0.0;
        best = nb - 1;
        for (size_t b = 0; b < nb; b++) {
            sum = sum + p[b];
            if (x <= sum) {
                best = b;
                break;
            }
        }
    } else {
        double ma = -1.0;
        for (size_t b = 0; b < nb; b++)
            if (ma < fabs(p[b])) {
                ma = fabs(p[b]);
                best = b;
            }
    }
    *chosen = best;
    return BRINK_OK;
}

static double state_dist(const smp_t *m, const double *a, const double *b)
{
    double s = 0;
    for (size_t i = 0; i < m->n; i++) {
        double q = 0;
        for (size_t k = 0; k < m->d; k++) {
            double x = a[i * m->d + k] - b[i * m->d + k];
            q = q + x * x;
        }
        s = s + sqrt(q);
    }
    return s;
}

static brink_status_t record_state(brink_fc_history_t *h, const smp_state_t *st, size_t t)
{
    brink_status_t s = fc_history_reserve(h, t + 1);
    if (s != BRINK_OK)
        return s;
    size_t n = h->n, nd = h->n * h->d;
    memcpy(h->pos + t * nd, st->pos, nd * sizeof(double));
    memcpy(h->ideal + t * nd, st->ideal, nd * sizeof(double));
    memcpy(h->prob + t * n, st->prob, n * sizeof(double));
    memcpy(h->risk + t * n, st->nra, n * sizeof(double));
    for (size_t i = 0; i < n; i++) {
        h->target[t * n + i] = -1;
        h->deu[t * n + i] = 0;
        h->tprob[t * n + i] = 0;
        h->mover[t * n + i] = 0;
    }
    h->stop[t] = 0;
    h->states = t + 1;
    return BRINK_OK;
}

/* Assigns the turn's bargain ids and builds every actor's queue: queue k
 * is [k's status quo, then each bargain involving k, by initiator].  Returns
 * the total queue length; *maxnb receives the longest. */
static size_t build_queues(size_t n, prop_t *props, uint64_t *next_id, size_t *qstart,
                           size_t *qlen, qitem_t *qitems, size_t *maxnb)
{
    for (size_t i = 0; i < n; i++) {
        props[i].sq_id = (*next_id)++;
        for (int b = 0; b < props[i].nb; b++)
            props[i].id[b] = (*next_id)++;
        qlen[i] = 1;
    }
    for (size_t i = 0; i < n; i++)
        if (props[i].nb > 0) {
            qlen[props[i].target] += (size_t)props[i].nb;
            qlen[i] += (size_t)props[i].nb;
        }
    size_t off = 0;
    *maxnb = 0;
    for (size_t k = 0; k < n; k++) {
        qstart[k] = off;
        off += qlen[k];
        *maxnb = qlen[k] > *maxnb ? qlen[k] : *maxnb;
        qitems[qstart[k]] = (qitem_t){(int)k, -1};
        qlen[k] = 1;
    }
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < props[i].nb; b++) {
            size_t j = (size_t)props[i].target;
            qitems[qstart[i] + qlen[i]++] = (qitem_t){(int)i, b};
            qitems[qstart[j] + qlen[j]++] = (qitem_t){(int)i, b};
        }
    return off;
}

/* Stores the turn's challenges and bargains (with their probabilities in
 * both queues and whether each queue chose them) in the history. */
static brink_status_t record_bargains(brink_fc_history_t *h, size_t turn, const prop_t *props,
                                      const size_t *qstart, const size_t *qlen,
                                      const qitem_t *qitems, const double *pall,
                                      const size_t *chosen, const double *pos)
{
    const size_t n = h->n, d = h->d;
    for (size_t i = 0; i < n; i++) {
        h->target[turn * n + i] = props[i].target;
        h->deu[turn * n + i] = props[i].deu;
        h->tprob[turn * n + i] = props[i].pij;
    }
    for (size_t i = 0; i < n; i++) {
        fc_bargain_rec_t r = {props[i].sq_id, (int)turn, (int)i, (int)i, 0.0, pall[qstart[i]],
                              pall[qstart[i]], chosen[i] == 0, chosen[i] == 0};
        brink_status_t st = fc_history_add_bargain(h, &r, pos + i * d, pos + i * d);
        if (st != BRINK_OK)
            return st;
        for (int b = 0; b < props[i].nb; b++) {
            const size_t j = (size_t)props[i].target, who[2] = {i, j};
            double pr[2] = {0, 0};
            int sel[2] = {0, 0};
            for (int side = 0; side < 2; side++) {
                const size_t k = who[side];
                for (size_t x = 0; x < qlen[k]; x++)
                    if (qitems[qstart[k] + x].owner == (int)i && qitems[qstart[k] + x].which == b) {
                        pr[side] = pall[qstart[k] + x];
                        sel[side] = chosen[k] == x;
                    }
            }
            fc_bargain_rec_t rb = {props[i].id[b], (int)turn, (int)i, (int)j, props[i].deu,
                                   pr[0], pr[1], sel[0], sel[1]};
            st = fc_history_add_bargain(h, &rb, props[i].bi[b], props[i].bj[b]);
            if (st != BRINK_OK)
                return st;
        }
    }
    return BRINK_OK;
}

/* newIdeals: xi(t+1) = A x(t+1) + (1 - rowsum A) xi(t); with A = I (NULL)
 * ideals are the positions. */
static void update_ideals(const brink_fc_scenario_t *s, const smp_state_t *cur, smp_state_t *nxt)
{
    const size_t n = s->n, d = s->d;
    for (size_t i = 0; i < n; i++) {
        if (!s->accom) {
            memcpy(nxt->ideal + i * d, nxt->pos + i * d, d * sizeof(double));
            continue;
        }
        double si = 0.0;
        for (size_t k = 0; k < d; k++)
            nxt->ideal[i * d + k] = 0.0;
        for (size_t j = 0; j < n; j++) {
            double a = s->accom[i * n + j];
            si = si + a;
            for (size_t k = 0; k < d; k++)
                nxt->ideal[i * d + k] = nxt->ideal[i * d + k] + a * nxt->pos[j * d + k];
        }
        si = si > 1.0 ? 1.0 : si;
        for (size_t k = 0; k < d; k++)
            nxt->ideal[i * d + k] = nxt->ideal[i * d + k] + (1.0 - si) * cur->ideal[i * d + k];
    }
}

brink_status_t brink_smp_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                             const brink_smp_options_t *o, brink_fc_history_t **out)
{
    if (!ctx || !s || !o || !out)
        return BRINK_EINVAL;
    *out = NULL;
    const size_t n = s->n, d = s->d;
    if (n < 2)
        return brink_ctx_error(ctx, BRINK_EINVAL, "the SMP needs at least 2 actors, found %zu", n);
    if (o->vpm < 0 || o->vpm > 4 || o->pcem < 0 || o->pcem > 2 || o->stm < 0 || o->stm > 1 ||
        o->vr < 0 || o->vr > 5 || o->bigradj < 0 || o->bigradj > 4 || o->bigrrng < 0 ||
        o->bigrrng > 2 || o->tpc < 0 || o->tpc > 2 || o->ivb < 0 || o->ivb > 2 || o->bm < 0 ||
        o->bm > 2 || o->max_iter < 1 || o->max_iter > 100000 || !(o->pos_tol >= 0))
        return brink_ctx_error(ctx, BRINK_EINVAL, "invalid SMP options");
    brink_status_t st = BRINK_OK;
    smp_t m = {ctx, o, n, d, NULL, NULL, NULL, NULL, s->accom, o->threads};
#ifdef _OPENMP
    if (m.threads <= 0)
        m.threads = omp_get_max_threads();
#else
    m.threads = 1;
#endif
    smp_state_t cur, nxt;
    memset(&cur, 0, sizeof cur);
    memset(&nxt, 0, sizeof nxt);
    double *work = NULL, *tbuf = NULL, *bstore = NULL, *qbuf = NULL;
    size_t *uidx = NULL, *qstart = NULL, *qlen = NULL, *chosen = NULL;
    qitem_t *qitems = NULL;
    prop_t *props = NULL;
    brink_status_t *tstat = NULL;
    brink_fc_history_t *h = brink_calloc(ctx, 1, sizeof *h);
    if (h) {
        h->ctx = ctx;
        h->n = n;
        h->d = d;
    }
    m.cap = brink_malloc(ctx, n * sizeof(double));
    m.sal = brink_malloc(ctx, n * d * sizeof(double));
    m.ssum = brink_malloc(ctx, n * sizeof(double));
    m.w = brink_malloc(ctx, n * sizeof(double));
    work = brink_malloc(ctx, (5 * n * n + 3 * n) * sizeof(double));
    uidx = brink_malloc(ctx, n * sizeof(size_t));
    props = brink_calloc(ctx, n, sizeof *props);
    bstore = brink_malloc(ctx, n * 4 * d * sizeof(double));
    tbuf = brink_malloc(ctx, (size_t)m.threads * (n * n + 4 * n) * sizeof(double));
    qstart = brink_malloc(ctx, n * sizeof(size_t));
    qlen = brink_calloc(ctx, n, sizeof(size_t));
    qitems = brink_malloc(ctx, 5 * n * sizeof(qitem_t));
    chosen = brink_malloc(ctx, n * sizeof(size_t));
    tstat = brink_malloc(ctx, n * sizeof(brink_status_t));
    if (!h || !m.cap || !m.sal || !m.ssum || !m.w || !work || !uidx || !props || !bstore || !tbuf ||
        !qstart || !qlen || !qitems || !chosen || !tstat)
        goto oom;
    h->rn0 = brink_malloc(ctx, n * n * sizeof(double));
    if (!h->rn0)
        goto oom;
    if (state_alloc(ctx, &cur, n, d) != BRINK_OK || state_alloc(ctx, &nxt, n, d) != BRINK_OK)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        m.cap[i] = s->cap[i];
        double sum = 0.0;
        for (size_t k = 0; k < d; k++) {
            m.sal[i * d + k] = s->sal[i * d + k] / 100.0;
            cur.pos[i * d + k] = s->pos[i * d + k] / 100.0;
            sum = sum + m.sal[i * d + k];
        }
        m.ssum[i] = sum;
        m.w[i] = sum * m.cap[i];
        if (!(sum > 0.0)) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "actor '%s' has no salience on any dimension",
                                 s->actor_name[i]);
            goto done;
        }
        if (!(m.cap[i] > 0.0)) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "actor '%s' has zero capability",
                                 s->actor_name[i]);
            goto done;
        }
        props[i].bi[0] = bstore + i * 4 * d;
        props[i].bj[0] = bstore + i * 4 * d + d;
        props[i].bi[1] = bstore + i * 4 * d + 2 * d;
        props[i].bj[1] = bstore + i * 4 * d + 3 * d;
    }
    memcpy(cur.ideal, cur.pos, n * d * sizeof(double));
    st = state_setup(&m, &cur, work, uidx, h->rn0, 0);
    if (st != BRINK_OK)
        goto numeric;
    st = record_state(h, &cur, 0);
    if (st != BRINK_OK)
        goto oom;

    uint64_t next_id = 1000;
    double d01 = 0.0;
    for (size_t turn = 0;; turn++) {
        if (brink_ctx_interrupted(ctx)) {
            st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "interrupted at turn %zu", turn);
            goto done;
        }
        /* challenges and bargains, one actor per task */
        double *crec = NULL, *crecj = NULL;
        if (o->record_challenges) {
            st = fc_history_reserve_challenges(h, turn + 1);
            if (st != BRINK_OK)
                goto oom;
            crec = h->chlg + turn * n * n * 9;
            crecj = h->chlgj + turn * n * 3;
        }
        const int nt = m.threads;
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1) if (n >= 96)
        for (size_t i = 0; i < n; i++) {
#ifdef _OPENMP
            size_t tid = (size_t)omp_get_thread_num();
#else
            size_t tid = 0;
#endif
            challenges(&m, &cur, i, tbuf + tid * (n * n + 4 * n), &props[i],
                       crec ? crec + i * n * 9 : NULL, crecj ? crecj + i * 3 : NULL);
        }
        size_t maxnb = 0;
        const size_t off = build_queues(n, props, &next_id, qstart, qlen, qitems, &maxnb);
        /* per-thread scratch for the largest queue */
        size_t per = n * maxnb + maxnb * maxnb + maxnb + 3 * maxnb * maxnb + maxnb;
        brink_free(ctx, qbuf);
        qbuf = brink_malloc(ctx, (size_t)m.threads * per * sizeof(double));
        if (!qbuf)
            goto oom;
        double *pall = NULL;
        pall = brink_malloc(ctx, off * sizeof(double));
        if (!pall)
            goto oom;
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1) if (n >= 96)
        for (size_t k = 0; k < n; k++) {
#ifdef _OPENMP
            size_t tid = (size_t)omp_get_thread_num();
#else
            size_t tid = 0;
#endif
            double *base = qbuf + tid * per;
            size_t nb = qlen[k];
            double *uu = base, *cc = base + n * maxnb, *pp = cc + maxnb * maxnb,
                   *scr = pp + maxnb;
            tstat[k] = resolve(&m, &cur, k, qitems + qstart[k], nb, props, uu, cc, pp, scr, turn,
                               &chosen[k]);
            memcpy(pall + qstart[k], pp, nb * sizeof(double));
        }
        for (size_t k = 0; k < n; k++)
            if (tstat[k] != BRINK_OK) {
                st = brink_ctx_error(ctx, tstat[k],
                                     "turn %zu: the Markov PCE over the bargains of actor '%s' "
                                     "did not converge in 1000 iterations; KTAB fails here too; "
                                     "try another PCEModel or VictoryProbModel",
                                     turn, s->actor_name[k]);
                brink_free(ctx, pall);
                goto done;
            }
        /* new positions */
        for (size_t k = 0; k < n; k++) {
            const qitem_t *qi = &qitems[qstart[k] + chosen[k]];
            const double *np = cur.pos + k * d;
            if (qi->which >= 0) {
                const prop_t *pr = &props[qi->owner];
                np = ((size_t)qi->owner == k) ? pr->bi[qi->which] : pr->bj[qi->which];
            }
            memcpy(nxt.pos + k * d, np, d * sizeof(double));
        }
        st = record_bargains(h, turn, props, qstart, qlen, qitems, pall, chosen, cur.pos);
        if (st != BRINK_OK) {
            brink_free(ctx, pall);
            goto oom;
        }
        brink_free(ctx, pall);
        update_ideals(s, &cur, &nxt);
        st = state_setup(&m, &nxt, work, uidx, NULL, turn + 1);
        if (st != BRINK_OK)
            goto numeric;
        st = record_state(h, &nxt, turn + 1);
        if (st != BRINK_OK)
            goto oom;
        for (size_t k = 0; k < n; k++) {
            for (size_t x = 0; x < d; x++)
                if (nxt.pos[k * d + x] != cur.pos[k * d + x]) {
                    const qitem_t *qi = &qitems[qstart[k] + chosen[k]];
                    if (qi->which >= 0)
                        h->mover[(turn + 1) * n + k] = props[qi->owner].id[qi->which];
                    break;
                }
        }
        /* stop rule (smpStopFn) */
        size_t iter = turn + 1;
        double dxy = state_dist(&m, nxt.pos, cur.pos);
        if (iter == 1)
            d01 = dxy + o->min_sig_delta;
        double ratio = dxy / d01;
        h->stop[iter] = ratio;
        smp_state_t tmp = cur;
        cur = nxt;
        nxt = tmp;
        brink_ctx_progress(ctx, iter, o->max_iter);
        if (o->max_iter <= iter || (o->min_iter <= iter && ratio < o->min_delta_ratio))
            break;
    }
    goto done;
numeric: /* state_setup set the message */
    goto done;
oom:
    st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
done:
    state_free(ctx, &cur);
    state_free(ctx, &nxt);
    brink_free(ctx, m.cap);
    brink_free(ctx, m.sal);
    brink_free(ctx, m.ssum);
    brink_free(ctx, m.w);
    brink_free(ctx, work);
    brink_free(ctx, uidx);
    brink_free(ctx, props);
    brink_free(ctx, bstore);
    brink_free(ctx, tbuf);
    brink_free(ctx, qstart);
    brink_free(ctx, qlen);
    brink_free(ctx, qitems);
    brink_free(ctx, chosen);
    brink_free(ctx, tstat);
    brink_free(ctx, qbuf);
    if (st != BRINK_OK) {
        brink_fc_history_free(h);
        return st;
    }
    *out = h;
    return BRINK_OK;
}

brink_status_t brink_smp_check(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                               brink_diags_t *diags)
{
    if (!ctx || !s)
        return BRINK_EINVAL;
    brink_status_t st = BRINK_OK;
    for (size_t i = 0; i < s->n && st != BRINK_ENOMEM; i++) {
        double sum = 0.0;
        for (size_t k = 0; k < s->d; k++)
            sum += s->sal[i * s->d + k];
        const char *why = !(s->cap[i] > 0.0) ? "has zero capability; the SMP needs a positive one"
                          : !(sum > 0.0)     ? "has no salience on any dimension; the SMP needs some"
                                             : NULL;
        if (!why)
            continue;
        if (brink_diags_add(ctx, diags, s->src ? s->src : "", s->loc[2 * i], s->loc[2 * i + 1],
                            "", "actor '%s' %s", s->actor_name[i], why) != BRINK_OK)
            st = BRINK_ENOMEM;
        else
            st = BRINK_EVALIDATE;
    }
    return st;
}
