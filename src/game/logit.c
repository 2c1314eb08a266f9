/* logit.c - the principal branch of the logit quantal response equilibrium
 * correspondence of an N-player strategic game, by predictor-corrector path
 * following from lambda = 0 (the centroid).
 *
 * Unknowns: the log-probabilities v[p][s] of every strategy and lambda.
 * Equations: for each player sum_s exp(v[p][s]) = 1, and for s >= 1
 * v[p][s] - v[p][0] = lambda (u[p][s] - u[p][0]), u the expected payoff of
 * the pure strategy against the others' mixture.  The branch is followed by
 * arclength: Euler predictor along the unit tangent (the null vector of the
 * Jacobian, oriented like the previous one, so turning points are passed),
 * Newton corrector on the augmented system, step doubling and halving.
 * The end point is the first point of the trace whose regret is at most
 * 1e-8 x (largest - smallest payoff) (the criterion of Gambit's `logit -e`),
 * or the point at lambda = 1e6, or at opts->lambda when that is given.  The end point is checked: if its regret is not small
 * the trace reports that it stopped, with the lambda and the regret, and
 * prints nothing rather than a non-equilibrium.
 * Cost per step: O(contingencies x players^2) for payoffs and derivatives
 * plus O(n^3) for the linear algebra, n the total number of strategies. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/pathtrace.h"

typedef struct qre {
    const brink_game_t *g;
    int np, n;
    int *off;       /* first index of each player's strategies */
    double *sigma;  /* n */
    /* the probabilities payoffs are computed with: sigma itself, or for the
     * reduced form of a tree sigma normalised per player (Gambit computes a
     * tree's strategic payoffs through behaviour strategies, which
     * normalises; its end points on reduced forms follow from that) */
    const double *ps;
    double *psbuf;
    int normalize;
    int raw_player; /* with normalize: the player at the root of the tree,
                     * whose probabilities Gambit leaves as they are */
    double *u;      /* n: payoff of each pure strategy (agent: of each action) */
    double *D;      /* n x n: d u[p][s] / d sigma[q][t] (q != p) */
    double *w;      /* scratch per contingency */
    /* agent form of a tree: one block per information set */
    const brink_game_t *tree;
    int nblocks;
    int *boff, *bsize, *bplayer; /* per block (Gambit's infoset order) */
    int *block_of;  /* per global infoset: its block, -1 for chance */
    double *P, *V;  /* per node: realization probability; values (nodes x players) */
    double *den;    /* per block */
    double *LP;     /* per node: log realization probability */
    double *PS;     /* per node x player: sum of outcomes from the root */
    double *Bel;    /* per node: belief at its information set */
    double *Dn;     /* per node x player: scratch of the Jacobian */
    char *mark;     /* per node: scratch of the Jacobian */
    int *block_of_action; /* per action: its block */
    int *binfoset;  /* per block: its global information set */
    double *lmax;   /* per block: largest LP of a member */
    double *Hs;     /* scratch: per action (the agent Jacobian) */
} qre_t;

/* agent form: action values U[h,a] = E[payoff of h's player | h reached, a
 * taken] under beliefs over h's nodes.  One pass down for realization
 * probabilities, one up for values.  O(nodes x players).
 * With logb set (the equations of the trace), beliefs come from the log
 * realization probabilities, sums of the log-probabilities z of the actions
 * on the path, normalised at the most likely member, so that they stay
 * exact when the probabilities underflow; an information set whose
 * realization probability is 0 even so (a chance probability 0) gets
 * uniform beliefs.  Without logb (the regret check) beliefs are realization
 * probabilities over their sum, and an information set reached with
 * probability 0 has no values (its regret is 0); this is how Gambit
 * defines both, so end points agree.  Node values V: with logb the
 * expected sum of all outcomes on the path through the node (Gambit's
 * values for the trace), without it the outcomes from the node down. */
static void agent_values(qre_t *Q, const double *z, int logb)
{
    const brink_game_t *g = Q->tree;
    int np = g->nplayers;
    size_t N = g->nnodes;
    /* one pass down: realization probabilities P (plain), or their logs LP
     * and the path sums of outcomes PS, root to node (logb) */
    for (size_t i = 0; i < N; i++) {
        const game_node_t *nd = &g->nodes[i];
        double *ps = &Q->PS[i * (size_t)np];
        if (i == 0) {
            Q->P[0] = 1;
            Q->LP[0] = 0;
        } else {
            const game_node_t *pn = &g->nodes[nd->parent];
            const game_infoset_t *is = &g->infosets[pn->infoset];
            int k = is->player < 0 ? -1 : Q->boff[Q->block_of[pn->infoset]] + nd->parent_action;
            double pr = k < 0 ? is->dprobs[nd->parent_action] : Q->sigma[k];
            if (logb)
                Q->LP[i] = Q->LP[nd->parent] + (k < 0 ? log(pr) : z[k]);
            else
                Q->P[i] = Q->P[nd->parent] * pr;
        }
        if (logb)
            for (int p = 0; p < np; p++)
                ps[p] = (i ? Q->PS[nd->parent * (size_t)np + (size_t)p] : 0) +
                        (nd->outcome >= 0 ? g->outcomes[nd->outcome].dpay[p] : 0);
    }
    for (size_t i = N; i-- > 0;) {
        const game_node_t *nd = &g->nodes[i];
        double *v = &Q->V[i * (size_t)np];
        for (int p = 0; p < np; p++)
            v[p] = logb ? (nd->kind == NODE_TERMINAL ? Q->PS[i * (size_t)np + (size_t)p] : 0)
                        : (nd->outcome >= 0 ? g->outcomes[nd->outcome].dpay[p] : 0);
        if (nd->kind == NODE_TERMINAL)
            continue;
        const game_infoset_t *is = &g->infosets[nd->infoset];
        for (int a = 0; a < nd->nchildren; a++) {
            size_t c = g->children[nd->child0 + (size_t)a];
            double pr = is->player < 0 ? is->dprobs[a] : Q->sigma[Q->boff[Q->block_of[nd->infoset]] + a];
            for (int p = 0; p < np; p++)
                v[p] += pr * Q->V[c * (size_t)np + (size_t)p];
        }
    }
    memset(Q->u, 0, (size_t)Q->n * sizeof *Q->u);
    for (int b = 0; b < Q->nblocks; b++) {
        Q->den[b] = 0;
        Q->lmax[b] = -INFINITY;
    }
    for (size_t i = 0; i < N; i++) {
        const game_node_t *nd = &g->nodes[i];
        if (nd->kind != NODE_PERSONAL)
            continue;
        int b = Q->block_of[nd->infoset];
        Q->den[b] += logb ? exp(Q->LP[i]) : Q->P[i];
        if (logb && Q->LP[i] > Q->lmax[b])
            Q->lmax[b] = Q->LP[i];
    }
    if (logb) {
        /* den becomes the sum of exp(LP - lmax) over the members, or -1 if
         * the information set is unreached (uniform beliefs) */
        for (int b = 0; b < Q->nblocks; b++)
            Q->den[b] = Q->den[b] == 0 ? -1 : 0;
        for (size_t i = 0; i < N; i++) {
            const game_node_t *nd = &g->nodes[i];
            if (nd->kind != NODE_PERSONAL)
                continue;
            int b = Q->block_of[nd->infoset];
            if (Q->den[b] >= 0)
                Q->den[b] += exp(Q->LP[i] - Q->lmax[b]);
        }
    }
    for (size_t i = 0; i < N; i++) {
        const game_node_t *nd = &g->nodes[i];
        if (nd->kind != NODE_PERSONAL)
            continue;
        int b = Q->block_of[nd->infoset], p = Q->bplayer[b];
        double belief;
        if (logb)
            belief = Q->den[b] < 0 ? 1.0 / (double)g->infosets[nd->infoset].nmembers
                                   : exp(Q->LP[i] - Q->lmax[b]) / Q->den[b];
        else
            belief = Q->den[b] > 0 ? Q->P[i] / Q->den[b] : 0;
        Q->Bel[i] = belief;
        if (belief == 0)
            continue;
        for (int a = 0; a < nd->nchildren; a++) {
            size_t c = g->children[nd->child0 + (size_t)a];
            Q->u[Q->boff[b] + a] += belief * Q->V[c * (size_t)np + (size_t)p];
        }
    }
}

/* H of the agent form (no Jacobian) */
static void agent_H(qre_t *Q, const double *z, double *H)
{
    int n = Q->n;
    for (int k = 0; k < n; k++)
        Q->sigma[k] = exp(z[k]);
    agent_values(Q, z, 1);
    for (int b = 0; b < Q->nblocks; b++) {
        int o = Q->boff[b];
        double sum = 0;
        for (int a = 0; a < Q->bsize[b]; a++)
            sum += Q->sigma[o + a];
        H[o] = sum - 1;
        for (int a = 1; a < Q->bsize[b]; a++)
            H[o + a] = z[o + a] - z[o] - z[n] * (Q->u[o + a] - Q->u[o]);
    }
}

/* H and its Jacobian of the agent form.  Unknowns are log-probabilities,
 * so column k (action a' at information set I') is sigma[k] d/dsigma[k].
 * For an action a at an information set I != I' of player p:
 *   dU[a]/dz[k] = sum over h in I of belief(h) ( [a' precedes h]
 *                 (V_p(h.a) - U[a]) + sigma[k] dV_p(h.a)/dsigma[k] ),
 * the first term from the beliefs, the second from the values below; the
 * derivative of a node's value by sigma[k] is the value of its member of
 * I' followed by a', weighted by the probability of reaching it.  Each
 * column costs one pass down and one up: O(n x nodes x players) in all.
 * Actions of I itself do not move U at I (perfect recall). */
static void agent_system(qre_t *Q, const double *z, double *H, double *J)
{
    int n = Q->n, np = Q->np;
    size_t m = (size_t)n + 1;
    agent_H(Q, z, H);
    if (!J)
        return;
    const brink_game_t *g = Q->tree;
    size_t N = g->nnodes;
    double lam = z[n], *dU = Q->Hs;
    memset(J, 0, (size_t)n * m * sizeof *J);
    for (int b = 0; b < Q->nblocks; b++) {
        int o = Q->boff[b];
        for (int a = 0; a < Q->bsize[b]; a++)
            J[(size_t)o * m + (size_t)(o + a)] = Q->sigma[o + a];
        for (int a = 1; a < Q->bsize[b]; a++) {
            double *Jr = &J[(size_t)(o + a) * m];
            Jr[o + a] = 1;
            Jr[o] = -1;
            Jr[n] = Q->u[o] - Q->u[o + a];
        }
    }
    for (int k = 0; k < n; k++) {
        int bk = Q->block_of_action[k], ak = k - Q->boff[bk], ik = Q->binfoset[bk];
        for (size_t i = 0; i < N; i++) {
            const game_node_t *nd = &g->nodes[i];
            Q->mark[i] = i == 0 ? 0
                                : (char)(Q->mark[nd->parent] ||
                                         (g->nodes[nd->parent].infoset == ik && nd->parent_action == ak));
        }
        for (size_t i = N; i-- > 0;) {
            const game_node_t *nd = &g->nodes[i];
            double *d = &Q->Dn[i * (size_t)np];
            if (nd->kind == NODE_TERMINAL) {
                for (int p = 0; p < np; p++)
                    d[p] = 0;
                continue;
            }
            if (nd->infoset == ik) {
                size_t c = g->children[nd->child0 + (size_t)ak];
                for (int p = 0; p < np; p++)
                    d[p] = Q->V[c * (size_t)np + (size_t)p];
                continue;
            }
            const game_infoset_t *is = &g->infosets[nd->infoset];
            for (int p = 0; p < np; p++)
                d[p] = 0;
            for (int a = 0; a < nd->nchildren; a++) {
                size_t c = g->children[nd->child0 + (size_t)a];
                double pr = is->player < 0 ? is->dprobs[a]
                                           : Q->sigma[Q->boff[Q->block_of[nd->infoset]] + a];
                for (int p = 0; p < np; p++)
                    d[p] += pr * Q->Dn[c * (size_t)np + (size_t)p];
            }
        }
        memset(dU, 0, (size_t)n * sizeof *dU);
        for (size_t i = 0; i < N; i++) {
            const game_node_t *nd = &g->nodes[i];
            if (nd->kind != NODE_PERSONAL)
                continue;
            int b = Q->block_of[nd->infoset];
            if (b == bk || Q->Bel[i] == 0)
                continue;
            int p = Q->bplayer[b], o = Q->boff[b];
            double bel = Q->Bel[i];
            for (int a = 0; a < nd->nchildren; a++) {
                size_t c = g->children[nd->child0 + (size_t)a];
                double v = Q->sigma[k] * Q->Dn[c * (size_t)np + (size_t)p];
                if (Q->mark[i])
                    v += Q->V[c * (size_t)np + (size_t)p] - Q->u[o + a];
                dU[o + a] += bel * v;
            }
        }
        for (int b = 0; b < Q->nblocks; b++) {
            if (b == bk)
                continue;
            int o = Q->boff[b];
            for (int a = 1; a < Q->bsize[b]; a++)
                J[(size_t)(o + a) * m + (size_t)k] = -lam * (dU[o + a] - dU[o]);
        }
    }
}

static void payoffs(qre_t *Q, int with_derivs)
{
    const brink_game_t *g = Q->g;
    int np = Q->np, n = Q->n;
    memset(Q->u, 0, (size_t)n * sizeof *Q->u);
    if (with_derivs)
        memset(Q->D, 0, (size_t)n * (size_t)n * sizeof *Q->D);
    Q->ps = Q->sigma;
    if (Q->normalize) {
        for (int p = 0; p < np; p++) {
            double sum = 0;
            for (int k = 0; k < g->nstrat[p]; k++)
                sum += Q->sigma[Q->off[p] + k];
            if (p == Q->raw_player)
                sum = 1;
            for (int k = 0; k < g->nstrat[p]; k++)
                Q->psbuf[Q->off[p] + k] = Q->sigma[Q->off[p] + k] / sum;
        }
        Q->ps = Q->psbuf;
    }
    int s[64];
    memset(s, 0, sizeof s);
    for (size_t c = 0; c < g->ncont; c++) {
        const double *pay = &g->dpay[c * (size_t)np];
        for (int p = 0; p < np; p++) {
            double w = 1;
            for (int r = 0; r < np && w != 0; r++)
                if (r != p)
                    w *= Q->ps[Q->off[r] + s[r]];
            Q->u[Q->off[p] + s[p]] += w * pay[p];
            if (!with_derivs)
                continue;
            for (int q = 0; q < np; q++) {
                if (q == p)
                    continue;
                double w2 = 1;
                for (int r = 0; r < np && w2 != 0; r++)
                    if (r != p && r != q)
                        w2 *= Q->ps[Q->off[r] + s[r]];
                Q->D[(size_t)(Q->off[p] + s[p]) * (size_t)n + (size_t)(Q->off[q] + s[q])] +=
                    w2 * pay[p];
            }
        }
        for (int p = 0; p < np; p++) {
            if (++s[p] < g->nstrat[p])
                break;
            s[p] = 0;
        }
    }
}

/* H(z) and its Jacobian J (n x (n+1)) at z = (v, lambda) */
static void qre_system(qre_t *Q, const double *z, double *H, double *J)
{
    if (Q->tree) {
        agent_system(Q, z, H, J);
        return;
    }
    int n = Q->n, np = Q->np;
    double lam = z[n];
    for (int k = 0; k < n; k++)
        Q->sigma[k] = exp(z[k]);
    payoffs(Q, J != NULL);
    if (J)
        memset(J, 0, (size_t)n * (size_t)(n + 1) * sizeof *J);
    for (int p = 0; p < np; p++) {
        int o = Q->off[p], ns = Q->g->nstrat[p];
        /* row o: sum of probabilities */
        double sum = 0;
        for (int s = 0; s < ns; s++)
            sum += Q->sigma[o + s];
        H[o] = sum - 1;
        if (J)
            for (int s = 0; s < ns; s++)
                J[(size_t)o * (size_t)(n + 1) + (size_t)(o + s)] = Q->sigma[o + s];
        for (int s = 1; s < ns; s++) {
            int row = o + s;
            double du = Q->u[o + s] - Q->u[o];
            H[row] = z[o + s] - z[o] - lam * du;
            if (!J)
                continue;
            double *Jr = &J[(size_t)row * (size_t)(n + 1)];
            Jr[o + s] += 1;
            Jr[o] -= 1;
            for (int k = 0; k < n; k++) {
                if (k >= o && k < o + ns)
                    continue;
                double d = Q->D[(size_t)(o + s) * (size_t)n + (size_t)k] -
                           Q->D[(size_t)o * (size_t)n + (size_t)k];
                Jr[k] -= lam * d * Q->sigma[k];
            }
            Jr[n] = -du;
        }
    }
}

/* solves the (n+1) x (n+1) system M x = b in place (partial pivoting);
 * returns -1 if singular */
static int lsolve(double *M, double *b, int m)
{
    for (int c = 0; c < m; c++) {
        int p = c;
        for (int i = c + 1; i < m; i++)
            if (fabs(M[(size_t)i * (size_t)m + (size_t)c]) > fabs(M[(size_t)p * (size_t)m + (size_t)c]))
                p = i;
        if (fabs(M[(size_t)p * (size_t)m + (size_t)c]) < 1e-300)
            return -1;
        if (p != c) {
            for (int j = 0; j < m; j++) {
                double t = M[(size_t)c * (size_t)m + (size_t)j];
                M[(size_t)c * (size_t)m + (size_t)j] = M[(size_t)p * (size_t)m + (size_t)j];
                M[(size_t)p * (size_t)m + (size_t)j] = t;
            }
            double t = b[c];
            b[c] = b[p];
            b[p] = t;
        }
        for (int i = c + 1; i < m; i++) {
            double f = M[(size_t)i * (size_t)m + (size_t)c] / M[(size_t)c * (size_t)m + (size_t)c];
            if (f == 0)
                continue;
            for (int j = c; j < m; j++)
                M[(size_t)i * (size_t)m + (size_t)j] -= f * M[(size_t)c * (size_t)m + (size_t)j];
            b[i] -= f * b[c];
        }
    }
    for (int i = m - 1; i >= 0; i--) {
        double s = b[i];
        for (int j = i + 1; j < m; j++)
            s -= M[(size_t)i * (size_t)m + (size_t)j] * b[j];
        b[i] = s / M[(size_t)i * (size_t)m + (size_t)i];
    }
    return 0;
}

/* augmented matrix [J; t'] */
static void augment(const double *J, const double *t, int n, double *M)
{
    memcpy(M, J, (size_t)n * (size_t)(n + 1) * sizeof *M);
    memcpy(M + (size_t)n * (size_t)(n + 1), t, (size_t)(n + 1) * sizeof *t);
}

static double regret_of(qre_t *Q)
{
    if (Q->tree) {
        /* the largest gain of a single agent from its best action */
        agent_values(Q, NULL, 0);
        double worst = 0;
        for (int b = 0; b < Q->nblocks; b++) {
            double best = -INFINITY, cur = 0;
            for (int a = 0; a < Q->bsize[b]; a++) {
                double v = Q->u[Q->boff[b] + a];
                best = v > best ? v : best;
                cur += Q->sigma[Q->boff[b] + a] * v;
            }
            worst = best - cur > worst ? best - cur : worst;
        }
        return worst;
    }
    payoffs(Q, 0);
    double worst = 0;
    for (int p = 0; p < Q->np; p++) {
        int o = Q->off[p];
        double best = -INFINITY, cur = 0;
        for (int s = 0; s < Q->g->nstrat[p]; s++) {
            if (Q->u[o + s] > best)
                best = Q->u[o + s];
            cur += Q->ps[o + s] * Q->u[o + s];
        }
        if (best - cur > worst)
            worst = best - cur;
    }
    return worst;
}

/* one predictor-corrector step of length h from (z, t): the new point and
 * tangent in (zn, tn); returns 1 on success, 0 if the corrector failed, -1
 * if the tangent system is singular */
static int trace_step(qre_t *Q, const double *z, const double *t, double h, double lmax,
                      double *zn, double *tn, double *H, double *J, double *M, double scale)
{
    int n = Q->n, m = n + 1;
    qre_system(Q, z, H, J);
    augment(J, t, n, M);
    memset(tn, 0, (size_t)m * sizeof *tn);
    tn[n] = 1;
    if (lsolve(M, tn, m) != 0)
        return -1;
    double norm = 0;
    for (int k = 0; k < m; k++)
        norm += tn[k] * tn[k];
    norm = sqrt(norm);
    for (int k = 0; k < m; k++)
        tn[k] /= norm;
    double step = h;
    if (z[n] + step * tn[n] > lmax && tn[n] > 0)
        step = (lmax - z[n]) / tn[n];
    for (int k = 0; k < m; k++)
        zn[k] = z[k] + step * tn[k];
    double prev = INFINITY;
    for (int it = 0; it < 8; it++) {
        qre_system(Q, zn, H, J);
        double r = 0;
        for (int k = 0; k < n; k++)
            r = fmax(r, fabs(H[k]));
        if (r < 1e-11 * (1 + fabs(zn[n]) * scale))
            return 1;
        if (r > prev * 0.9 && it > 1)
            return 0;
        prev = r;
        augment(J, tn, n, M);
        for (int k = 0; k < n; k++)
            H[k] = -H[k];
        H[n] = 0;
        if (lsolve(M, H, m) != 0)
            return 0;
        for (int k = 0; k < m; k++)
            zn[k] += H[k];
    }
    return 0;
}

/* the start of the branch: the centroid at lambda = 0 in z, and the
 * tangent towards increasing lambda in t */
static void start_point(const qre_t *Q, double *z, double *t)
{
    int n = Q->n;
    for (int b = 0; b < Q->nblocks; b++)
        for (int a = 0; a < Q->bsize[b]; a++)
            z[Q->boff[b] + a] = -log((double)Q->bsize[b]);
    z[n] = 0;
    memset(t, 0, (size_t)(n + 1) * sizeof *t);
    t[n] = 1;
}

/* callbacks of path_trace (the end point and branch modes) */
typedef struct trace_ctx {
    brink_ctx_t *ctx;
    qre_t *Q;
    brink_eqset_t *br; /* the branch, or NULL */
    double *rec;       /* scratch for a recorded point */
    double maxregret;  /* the end point: regret below this */
    long points;
    int capped;        /* gave up after too many points */
    int started;       /* the starting point is already recorded */
} trace_ctx_t;

static brink_status_t record(brink_ctx_t *ctx, brink_eqset_t *e, const double *z, int n,
                             double *buf);

static void trace_eval(void *data, const double *x, double *H, double *J)
{
    trace_ctx_t *T = data;
    qre_system(T->Q, x, H, J);
}

static int trace_stop(void *data, const double *x)
{
    trace_ctx_t *T = data;
    qre_t *Q = T->Q;
    if (x[Q->n] < 0)
        return 1;
    if (++T->points > 1000000) {
        T->capped = 1;
        return 1;
    }
    for (int k = 0; k < Q->n; k++)
        Q->sigma[k] = exp(x[k]);
    return regret_of(Q) < T->maxregret;
}

static int trace_point(void *data, const double *x)
{
    trace_ctx_t *T = data;
    if (!T->started) {
        T->started = 1;
        return 0;
    }
    return record(T->ctx, T->br, x, T->Q->n, T->rec) != BRINK_OK;
}

/* records (lambda, sigma) of point z on the branch */
static brink_status_t record(brink_ctx_t *ctx, brink_eqset_t *e, const double *z, int n,
                             double *buf)
{
    buf[0] = z[n];
    for (int k = 0; k < n; k++)
        buf[1 + k] = exp(z[k]);
    return eqset_add_d(ctx, e, buf);
}

double logit_payoff_range(brink_ctx_t *ctx, const brink_game_t *g)
{
    double lo = INFINITY, hi = -INFINITY;
    if (g->kind != BRINK_GAME_EXTENSIVE) {
        for (size_t k = 0; k < g->ncont * (size_t)g->nplayers; k++) {
            lo = fmin(lo, g->dpay[k]);
            hi = fmax(hi, g->dpay[k]);
        }
        return hi > lo ? hi - lo : 0;
    }
    /* a tree: the largest and smallest sum of outcomes along a path from the
     * root, per player (nodes are in preorder: children after parents) */
    size_t N = g->nnodes;
    double *mx = brink_malloc(ctx, (N + 1) * 2 * sizeof *mx);
    if (!mx)
        return 0; /* the caller then uses an unscaled tolerance */
    double *mn = mx + N + 1;
    for (int p = 0; p < g->nplayers; p++) {
        for (size_t i = N; i-- > 0;) {
            const game_node_t *nd = &g->nodes[i];
            double a = 0, b = 0;
            for (int c = 0; c < nd->nchildren; c++) {
                size_t ch = g->children[nd->child0 + (size_t)c];
                a = c == 0 ? mx[ch] : fmax(a, mx[ch]);
                b = c == 0 ? mn[ch] : fmin(b, mn[ch]);
            }
            double o = nd->outcome >= 0 ? g->outcomes[nd->outcome].dpay[p] : 0;
            mx[i] = a + o;
            mn[i] = b + o;
        }
        hi = fmax(hi, mx[0]);
        lo = fmin(lo, mn[0]);
    }
    brink_free(ctx, mx);
    return hi > lo ? hi - lo : 0;
}

brink_status_t solve_logit(brink_ctx_t *ctx, const brink_game_t *g, const logit_opts_t *opt,
                           brink_eqset_t **out)
{
    double lambda_end = opt->lambda_end, range = opt->range;
    int branch = opt->branch;
    const double *observed = opt->observed;
    qre_t Q;
    memset(&Q, 0, sizeof Q);
    Q.g = g;
    Q.np = g->nplayers;
    if (Q.np > 64)
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "logit supports at most 64 players");
    int agent = g->kind == BRINK_GAME_EXTENSIVE;
    int n = 0;
    if (agent) {
        Q.tree = g;
        for (int k = 0; k < g->ninfosets; k++)
            if (g->infosets[k].player >= 0) {
                n += g->infosets[k].nactions;
                Q.nblocks++;
            }
    } else {
        for (int p = 0; p < Q.np; p++)
            n += g->nstrat[p];
        Q.nblocks = Q.np;
    }
    Q.n = n;
    int m = n + 1;
    double lmax = lambda_end > 0 ? lambda_end : 1e6;
    brink_status_t st = BRINK_OK;
    brink_eqset_t *e = NULL;
    Q.off = brink_malloc(ctx, (size_t)Q.np * sizeof *Q.off);
    Q.sigma = brink_malloc(ctx, (size_t)n * sizeof *Q.sigma);
    Q.psbuf = brink_malloc(ctx, (size_t)n * sizeof *Q.psbuf);
    Q.normalize = !agent && g->reduced_from_tree;
    Q.raw_player = opt->root_player;
    Q.u = brink_malloc(ctx, (size_t)n * sizeof *Q.u);
    Q.D = agent ? NULL : brink_malloc(ctx, (size_t)n * (size_t)n * sizeof *Q.D);
    double *z = brink_malloc(ctx, (size_t)m * sizeof *z);
    double *zn = brink_malloc(ctx, (size_t)m * sizeof *zn);
    double *t = brink_malloc(ctx, (size_t)m * sizeof *t);
    double *tn = brink_malloc(ctx, (size_t)m * sizeof *tn);
    double *H = brink_malloc(ctx, (size_t)m * sizeof *H);
    double *J = brink_malloc(ctx, (size_t)n * (size_t)m * sizeof *J);
    double *M = brink_malloc(ctx, (size_t)m * (size_t)m * sizeof *M);
    Q.boff = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.boff);
    Q.bsize = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.bsize);
    Q.bplayer = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.bplayer);
    Q.den = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.den);
    Q.Hs = brink_malloc(ctx, (size_t)m * sizeof *Q.Hs);
    if (agent) {
        Q.block_of = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *Q.block_of);
        Q.P = brink_malloc(ctx, (g->nnodes + 1) * sizeof *Q.P);
        Q.V = brink_malloc(ctx, (g->nnodes + 1) * (size_t)Q.np * sizeof *Q.V);
        Q.LP = brink_malloc(ctx, (g->nnodes + 1) * sizeof *Q.LP);
        Q.PS = brink_malloc(ctx, (g->nnodes + 1) * (size_t)Q.np * sizeof *Q.PS);
        Q.Dn = brink_malloc(ctx, (g->nnodes + 1) * (size_t)Q.np * sizeof *Q.Dn);
        Q.Bel = brink_malloc(ctx, (g->nnodes + 1) * sizeof *Q.Bel);
        Q.mark = brink_malloc(ctx, g->nnodes + 1);
        Q.block_of_action = brink_malloc(ctx, (size_t)(n + 1) * sizeof *Q.block_of_action);
        Q.binfoset = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.binfoset);
        Q.lmax = brink_malloc(ctx, (size_t)(Q.nblocks + 1) * sizeof *Q.lmax);
    }
    if (!Q.off || !Q.sigma || !Q.psbuf || !Q.u || (!agent && !Q.D) || !z || !zn || !t || !tn || !H || !J || !M ||
        !Q.boff || !Q.bsize || !Q.bplayer || !Q.den || !Q.Hs ||
        (agent && (!Q.block_of || !Q.P || !Q.V || !Q.LP || !Q.lmax || !Q.PS || !Q.Dn || !Q.Bel ||
                   !Q.mark || !Q.block_of_action || !Q.binfoset))) {
        st = BRINK_ENOMEM;
        goto done;
    }
    if (agent) {
        int b = 0, o = 0;
        for (int k = 0; k < g->ninfosets; k++)
            Q.block_of[k] = -1;
        for (int p = 0; p < Q.np; p++)
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++, b++) {
                int gi = g->player_infosets[p + 1][k];
                Q.block_of[gi] = b;
                Q.boff[b] = o;
                Q.bsize[b] = g->infosets[gi].nactions;
                Q.bplayer[b] = p;
                Q.binfoset[b] = gi;
                for (int a = 0; a < Q.bsize[b]; a++)
                    Q.block_of_action[o + a] = b;
                o += Q.bsize[b];
            }
    } else {
        for (int p = 0, o = 0; p < Q.np; p++) {
            Q.off[p] = o;
            Q.boff[p] = o;
            Q.bsize[p] = g->nstrat[p];
            Q.bplayer[p] = p;
            o += g->nstrat[p];
        }
    }
    start_point(&Q, z, t);
    double scale = range > 0 ? range : 1;

    double h = 0.03;
    int stopped = 0;
    long steps = 0;
    double *rec = brink_malloc(ctx, (size_t)(m + 1) * sizeof *rec);
    double *zb = brink_malloc(ctx, (size_t)m * sizeof *zb);
    double *tb = brink_malloc(ctx, (size_t)m * sizeof *tb);
    if (!rec || !zb || !tb) {
        brink_free(ctx, rec);
        brink_free(ctx, zb);
        brink_free(ctx, tb);
        st = BRINK_ENOMEM;
        goto done;
    }
    brink_eqset_t *br = NULL;
    double *zp = NULL, *tp = NULL; /* the point before the best one (ML fit) */
    if (branch) {
        br = eqset_new(ctx, agent ? BRINK_PROFILE_BEHAVIOR : BRINK_PROFILE_MIXED, 0, (size_t)m);
        if (!br || record(ctx, br, z, n, rec) != BRINK_OK) {
            st = BRINK_ENOMEM;
            goto free_local;
        }
        br->has_lambda = 1;
    }
    /* maximum likelihood: LL = sum_k observed_k log sigma_k, linear in z */
    double ll_best = -INFINITY, h_best = 0, h_next = 0;
    zp = brink_malloc(ctx, (size_t)m * sizeof *zp);
    tp = brink_malloc(ctx, (size_t)m * sizeof *tp);
    if (!zp || !tp) {
        brink_free(ctx, zp);
        brink_free(ctx, tp);
        zp = tp = NULL;
        st = BRINK_ENOMEM;
        goto free_local;
    }
    if (observed) {
        ll_best = 0;
        for (int k = 0; k < n; k++)
            ll_best += observed[k] * z[k];
        memcpy(zb, z, (size_t)m * sizeof *zb);
        memcpy(tb, t, (size_t)m * sizeof *tb);
        memcpy(zp, z, (size_t)m * sizeof *zp);
        memcpy(tp, t, (size_t)m * sizeof *tp);
    }
    int gambit_mode = lambda_end <= 0 && !observed;
    if (gambit_mode) {
        /* the end point (or the whole branch): Gambit's tracer and stopping
         * rule, see pathtrace.h */
        /* Gambit's perturbation first; if the trace stalls at a bifurcation
         * short of an equilibrium, again from the start with larger ones */
        static const double perts[] = {1e-7, 1e-6, 1e-5, 1e-4};
        int at_equilibrium = 0; /* stalled, but at an equilibrium */
        for (size_t tries = 0; tries < sizeof perts / sizeof *perts; tries++) {
            trace_ctx_t T = {ctx, &Q, br, rec, 1e-8 * scale, 0, 0, 0};
            path_system_t S = {n, &T, trace_eval, trace_stop, branch ? trace_point : NULL, NULL};
            if (tries > 0) {
                start_point(&Q, z, t);
                if (br)
                    br->count = 1; /* keep the starting point only */
            }
            path_result_t r = path_trace(ctx, &S, z, 0.03, 1.1, perts[tries]);
            if (r == PATH_INTERRUPTED) {
                st = BRINK_EINTERRUPT;
                goto free_local;
            }
            if (r == PATH_ABORTED) {
                st = BRINK_ENOMEM;
                goto free_local;
            }
            stopped = r != PATH_DONE || z[n] < 0 || T.capped;
            if (!stopped)
                break;
            for (int k = 0; k < n; k++)
                Q.sigma[k] = exp(z[k]);
            if ((at_equilibrium = regret_of(&Q) <= 1e-6 * scale))
                break; /* reported below */
        }
        if (stopped && !at_equilibrium) {
            /* stalled short of an equilibrium: follow the branch again with
             * the arclength tracer below, which orients each tangent like
             * the previous one and so passes simple bifurcations */
            start_point(&Q, z, t);
            if (br)
                br->count = 1;
            stopped = 0;
            gambit_mode = 0;
        }
    }
    /* a given lambda, the likelihood maximum, or the fallback above:
     * arclength steps */
    if (!gambit_mode)
    while (z[n] < lmax) {
        if ((++steps & 63) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto free_local;
        }
        if (steps > 200000 || h < 1e-12) {
            stopped = 1;
            break;
        }
        int ok = trace_step(&Q, z, t, h, lmax, zn, tn, H, J, M, scale);
        if (ok < 0) {
            stopped = 1;
            break;
        }
        if (!ok) {
            h /= 2;
            continue;
        }
        if (observed) {
            double ll = 0;
            for (int k = 0; k < n; k++)
                ll += observed[k] * zn[k];
            if (ll >= ll_best) {
                memcpy(zp, zb, (size_t)m * sizeof *zp);
                memcpy(tp, tb, (size_t)m * sizeof *tp);
                ll_best = ll;
                h_best = h;
                memcpy(zb, zn, (size_t)m * sizeof *zb);
                memcpy(tb, tn, (size_t)m * sizeof *tb);
            } else {
                h_next = h;
                break; /* past the maximum along the branch */
            }
        }
        memcpy(z, zn, (size_t)m * sizeof *z);
        memcpy(t, tn, (size_t)m * sizeof *t);
        if (br && (st = record(ctx, br, z, n, rec)) != BRINK_OK)
            goto free_local;
        h = fmin(h * 1.5, 1e5);
        if (lambda_end > 0 && fabs(z[n] - lmax) < 1e-9 * (1 + lmax))
            break;
        if (lambda_end <= 0 && !observed) {
            for (int k = 0; k < n; k++)
                Q.sigma[k] = exp(z[k]);
            if (regret_of(&Q) <= 1e-8 * scale)
                break;
        }
    }
    if (observed) {
        /* the maximum lies between the point before the best one and the
         * point after it: golden-section search on the arclength from the
         * former (the likelihood is unimodal there) */
        if (h_next > 0 && h_best > 0) {
            double lo = 0, hi = h_best + h_next, gr = (sqrt(5.0) - 1) / 2;
            for (int it = 0; it < 60 && hi - lo > 1e-12 * (1 + hi); it++) {
                double s1 = hi - gr * (hi - lo), s2 = lo + gr * (hi - lo);
                double l1 = -INFINITY, l2 = -INFINITY;
                if (trace_step(&Q, zp, tp, s1, INFINITY, zn, tn, H, J, M, scale) > 0) {
                    l1 = 0;
                    for (int k = 0; k < n; k++)
                        l1 += observed[k] * zn[k];
                }
                if (trace_step(&Q, zp, tp, s2, INFINITY, zn, tn, H, J, M, scale) > 0) {
                    l2 = 0;
                    for (int k = 0; k < n; k++)
                        l2 += observed[k] * zn[k];
                }
                if (l1 >= l2)
                    hi = s2;
                else
                    lo = s1;
            }
            double sm = (lo + hi) / 2, lm = -INFINITY;
            if (trace_step(&Q, zp, tp, sm, INFINITY, zn, tn, H, J, M, scale) > 0) {
                lm = 0;
                for (int k = 0; k < n; k++)
                    lm += observed[k] * zn[k];
            }
            if (lm > ll_best) {
                ll_best = lm;
                memcpy(zb, zn, (size_t)m * sizeof *zb);
            }
        }
        e = eqset_new(ctx, agent ? BRINK_PROFILE_BEHAVIOR : BRINK_PROFILE_MIXED, 0, (size_t)m);
        if (!e || (st = record(ctx, e, zb, n, rec)) != BRINK_OK) {
            st = BRINK_ENOMEM;
            goto free_local;
        }
        e->has_lambda = 1;
        snprintf(e->note, sizeof e->note, "maximum likelihood at lambda = %.9g, log-likelihood %.9g",
                 zb[n], ll_best);
        goto free_local;
    }
    if (br) {
        if (stopped)
            snprintf(br->note, sizeof br->note,
                     "the logit trace stopped at lambda = %g; the branch up to there is listed",
                     z[n]);
        e = br;
        br = NULL;
        goto free_local;
    }
    if (lambda_end > 0 && !stopped) {
        /* the arclength corrector lands near lambda_end; settle exactly on
         * it by Newton's method at fixed lambda */
        z[n] = lmax;
        for (int it = 0; it < 20; it++) {
            qre_system(&Q, z, H, J);
            double r = 0;
            for (int k = 0; k < n; k++)
                r = fmax(r, fabs(H[k]));
            if (r < 1e-13 * (1 + lmax * scale))
                break;
            memset(tn, 0, (size_t)m * sizeof *tn);
            tn[n] = 1;
            augment(J, tn, n, M);
            for (int k = 0; k < n; k++)
                H[k] = -H[k];
            H[n] = 0;
            if (lsolve(M, H, m) != 0)
                break;
            for (int k = 0; k < n; k++)
                z[k] += H[k];
        }
    }
    for (int k = 0; k < n; k++)
        Q.sigma[k] = exp(z[k]);
    double reg = regret_of(&Q);
    if (agent && lambda_end <= 0) {
        /* the Nash regret (ex ante, through the reduced strategic form) of
         * the point: regret_of is the agent's conditional regret, which is
         * large at information sets reached with vanishing probability */
        double nash;
        if (brink_game_regret_behavior(ctx, (brink_game_t *)g, Q.sigma, (size_t)n, &nash) ==
            BRINK_OK)
            reg = nash;
        else
            brink_ctx_clear_error(ctx);
    }
    e = eqset_new(ctx, agent ? BRINK_PROFILE_BEHAVIOR : BRINK_PROFILE_MIXED, 0, (size_t)n);
    if (!e) {
        st = BRINK_ENOMEM;
        goto free_local;
    }
    if (lambda_end <= 0 && stopped && !(reg <= 1e-6 * scale)) {
        snprintf(e->note, sizeof e->note,
                 "the logit trace stopped at lambda = %g with regret %g (not an equilibrium); "
                 "no end point is reported",
                 z[n], reg);
    } else {
        if (lambda_end <= 0 && stopped)
            snprintf(e->note, sizeof e->note,
                     "the logit trace stopped at lambda = %g (the step length fell below its "
                     "minimum); its last point is an equilibrium (regret %g) and is reported",
                     z[n], reg);
        st = eqset_add_d(ctx, e, Q.sigma);
    }
free_local:
    brink_free(ctx, zp);
    brink_free(ctx, tp);
    brink_eqset_free(ctx, br);
    brink_free(ctx, rec);
    brink_free(ctx, zb);
    brink_free(ctx, tb);
done:
    brink_free(ctx, Q.boff);
    brink_free(ctx, Q.bsize);
    brink_free(ctx, Q.bplayer);
    brink_free(ctx, Q.den);
    brink_free(ctx, Q.Hs);
    brink_free(ctx, Q.block_of);
    brink_free(ctx, Q.P);
    brink_free(ctx, Q.V);
    brink_free(ctx, Q.LP);
    brink_free(ctx, Q.PS);
    brink_free(ctx, Q.Dn);
    brink_free(ctx, Q.Bel);
    brink_free(ctx, Q.mark);
    brink_free(ctx, Q.block_of_action);
    brink_free(ctx, Q.binfoset);
    brink_free(ctx, Q.lmax);
    brink_free(ctx, Q.off);
    brink_free(ctx, Q.sigma);
    brink_free(ctx, Q.psbuf);
    brink_free(ctx, Q.u);
    brink_free(ctx, Q.D);
    brink_free(ctx, z);
    brink_free(ctx, zn);
    brink_free(ctx, t);
    brink_free(ctx, tn);
    brink_free(ctx, H);
    brink_free(ctx, J);
    brink_free(ctx, M);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}
