/* seqlcp_sparse.c - the sequence-form LCP of seqlcp.c for large trees:
 * the same Lemke path, pivot for pivot, exact, without the dense tableau.
 *
 * The LCP is that of seqlcp.c (rows x: n1, y: n2, u: k1, v: k2; variables
 * w_r, z_r, the artificial z0 with covering vector 1), with each x or y row
 * multiplied by the least common multiple of the denominators of its
 * payoff entries so that it is integral.  A positive row scaling (with the
 * covering vector scaled alike) changes neither the ratio test nor the
 * lexicographic rule, so the path is the same as the dense one's.
 *
 * The fraction-free tableau T = det x B^-1 T0 is kept only where it is
 * not trivial:
 *  - columns: the right-hand side and the w variables that are nonbasic;
 *    a basic w_c's column is a unit vector (times the row's scale), implicit;
 *    a structural column is computed when it enters, as the sum over the
 *    nonzeros T0[c][e] of the column of w_c (so O(nonzeros x rows));
 *  - rows: only those a pivot has touched ("materialized").  A row whose
 *    T0 row has never had a nonzero in an entering column (other than the
 *    covering column) equals lambda_r x z0's row plus its own unit column:
 *    by induction over the pivots, since its entry in every entering
 *    column is lambda_r x z0's.  Such a row ties with z0's in every ratio
 *    test it could enter and loses to it lexicographically (its unit
 *    column comes first), so it never leaves; it is copied from z0's row
 *    the first time an entering column has a nonzero in it.
 * A row whose entering entry is 0 keeps its values under a pivot; the
 * fraction-free update would only rescale it from the old determinant to
 * the new one.  That is done lazily: each row remembers the determinant its
 * integers are relative to (rdet; a basic w's implicit unit entry is rdet)
 * and is brought up to date only when a pivot changes it.  Ratios within a
 * row, all the ratio test and the lexicographic rule look at, are
 * unchanged by the scale.
 * Work per pivot: rows the pivot changes x nonbasic w's, exact integers.  On a
 * game whose Lemke path stays in a small part of the tree (brinkmanship
 * with 8000 rounds: a few hundred pivots, all in the first twenty rounds)
 * this is a small fraction of the dense tableau (72 004 rows there, which
 * would need 10^10 cells).  The payoff entries themselves are computed
 * exactly on first use (seqform.c), so untouched deep leaves cost nothing.
 * Memory is bounded like the dense tableau's: beyond 2^26 cells, BRINK_ELIMIT. */
#include <limits.h>
#include <string.h>

#include "game/seqform.h"

#define CELL_LIMIT ((size_t)1 << 26)

typedef struct lem {
    brink_ctx_t *ctx;
    seqform_t *sf;
    const brink_game_t *g;
    int R, OX, OY, OU, OV, r0;
    mpz_t *lam;             /* row scales, valid where lam_ok */
    unsigned char *lam_ok;
    int *basis;             /* position -> basic variable */
    int *pos;               /* variable -> position, -1 if nonbasic */
    int *mrow;              /* position -> materialized row, -1 */
    int nm, mcap;
    int *mpos;              /* materialized row -> position */
    mpz_t **row;            /* materialized row: 1 + scap integers (rhs, slots) */
    mpz_t *alpha;           /* entering column on the materialized rows */
    mpz_t *rdet;            /* the determinant each row is scaled by (see above) */
    int scap, shw, nfree;
    int *slot_of;           /* w variable -> slot, -1 */
    int *freel;             /* free slots */
    int *U, nU;             /* nonbasic w variables with a slot, increasing */
    int *J;                 /* scratch: the active slots */
    mpz_t det;
    int *crow, ncol, ccap;  /* the entering column: rows and values */
    mpz_t *cval;
    mpz_t t1, t2;
} lem_t;

static brink_status_t oom(lem_t *L)
{
    return brink_ctx_error(L->ctx, BRINK_ENOMEM, "out of memory");
}

/* the row scale: lcm of the denominators of the row's payoff entries */
static mpz_srcptr lam(lem_t *L, int r)
{
    if (L->lam_ok[r])
        return L->lam[r];
    seqform_t *sf = L->sf;
    mpz_init_set_ui(L->lam[r], 1);
    if (r < L->OY) {
        for (size_t p = sf->row1[r - L->OX]; p < sf->row1[r - L->OX + 1]; p++) {
            seqform_pair(sf, p);
            mpz_lcm(L->lam[r], L->lam[r], mpq_denref(sf->pay[2 * p]));
        }
    } else if (r < L->OU) {
        for (size_t q = sf->row2[r - L->OY]; q < sf->row2[r - L->OY + 1]; q++) {
            size_t p = sf->by2[q];
            seqform_pair(sf, p);
            mpz_lcm(L->lam[r], L->lam[r], mpq_denref(sf->pay[2 * p + 1]));
        }
    }
    L->lam_ok[r] = 1;
    return L->lam[r];
}

static int col_grow(lem_t *L)
{
    if (L->ncol < L->ccap)
        return 1;
    int nc = L->ccap ? 2 * L->ccap : 16;
    int *nr = brink_realloc(L->ctx, L->crow, (size_t)nc * sizeof *nr);
    if (!nr)
        return 0;
    L->crow = nr;
    mpz_t *nv = brink_realloc(L->ctx, L->cval, (size_t)nc * sizeof *nv);
    if (!nv)
        return 0;
    L->cval = nv;
    for (int i = L->ccap; i < nc; i++)
        mpz_init(L->cval[i]);
    L->ccap = nc;
    return 1;
}

/* appends (row r, scale(r) x q) */
static int col_add_q(lem_t *L, int r, mpq_srcptr q)
{
    if (!col_grow(L))
        return 0;
    mpz_srcptr l = lam(L, r);
    mpz_divexact(L->cval[L->ncol], l, mpq_denref(q));
    mpz_mul(L->cval[L->ncol], L->cval[L->ncol], mpq_numref(q));
    L->crow[L->ncol++] = r;
    return 1;
}

/* appends (row r, scale(r) x c) */
static int col_add_si(lem_t *L, int r, long c)
{
    if (!col_grow(L))
        return 0;
    mpz_mul_si(L->cval[L->ncol], lam(L, r), c);
    L->crow[L->ncol++] = r;
    return 1;
}

/* column of z_j in the row-scaled LCP (row r0 not negated) */
static int column(lem_t *L, int j)
{
    seqform_t *sf = L->sf;
    const brink_game_t *g = L->g;
    L->ncol = 0;
    if (j < L->OU) {
        int p = j < L->OY ? 0 : 1;               /* x_s: payoff rows of player 2, and u rows */
        int s = p ? j - L->OY : j;
        int prow = p ? L->OX : L->OY, erow = p ? L->OV : L->OU;
        if (p == 0) {
            for (size_t q = sf->row1[s]; q < sf->row1[s + 1]; q++) {
                seqform_pair(sf, q);
                if (!col_add_q(L, prow + sf->ps[1][q], sf->pay[2 * q + 1]))
                    return 0;
            }
        } else {
            for (size_t q = sf->row2[s]; q < sf->row2[s + 1]; q++) {
                size_t pr = sf->by2[q];
                seqform_pair(sf, pr);
                if (!col_add_q(L, prow + sf->ps[0][pr], sf->pay[2 * pr]))
                    return 0;
            }
        }
        /* -E[h][s] on the constraint rows: the row of the infoset of s (or the
         * root row for the empty sequence) -1, infosets below s +1 */
        int h = s == 0 ? 0 : 1 + g->infosets[sf->seq_iset[p][s]].index;
        if (!col_add_si(L, erow + h, -1))
            return 0;
        for (int k = sf->kid0[p][s]; k < sf->kid0[p][s + 1]; k++)
            if (!col_add_si(L, erow + 1 + g->infosets[sf->kids[p][k]].index, 1))
                return 0;
        return 1;
    }
    /* u_h or v_h: E[h][s] on the sequence rows */
    int p = j < L->OV ? 0 : 1;
    int h = p ? j - L->OV : j - L->OU;
    int srow = p ? L->OY : L->OX;
    if (h == 0)
        return col_add_si(L, srow, 1);
    int gi = g->player_infosets[p + 1][h - 1];
    if (!col_add_si(L, srow + sf->parent[gi], -1))
        return 0;
    for (int a = 0; a < g->infosets[gi].nactions; a++)
        if (!col_add_si(L, srow + sf->seq0[gi] + a, 1))
            return 0;
    return 1;
}

static brink_status_t cells_ok(lem_t *L, int nm, int scap)
{
    if ((size_t)nm * (size_t)(1 + scap) > CELL_LIMIT)
        return brink_ctx_error(L->ctx, BRINK_ELIMIT,
                               "the sequence-form LCP's path has touched %d of %d rows with %d "
                               "nonbasic slack columns: its tableau would exceed 2^26 cells",
                               nm, L->R, scap);
    return BRINK_OK;
}

/* a new materialized row at position i, all zero */
static brink_status_t add_row(lem_t *L, int i, int *out)
{
    if (L->nm == L->mcap) {
        int nc = L->mcap ? 2 * L->mcap : 64;
        int *np = brink_realloc(L->ctx, L->mpos, (size_t)nc * sizeof *np);
        if (!np)
            return oom(L);
        L->mpos = np;
        mpz_t **nr = brink_realloc(L->ctx, L->row, (size_t)nc * sizeof *nr);
        if (!nr)
            return oom(L);
        L->row = nr;
        mpz_t *nd = brink_realloc(L->ctx, L->rdet, (size_t)nc * sizeof *nd);
        if (!nd)
            return oom(L);
        L->rdet = nd;
        mpz_t *na = brink_realloc(L->ctx, L->alpha, (size_t)nc * sizeof *na);
        if (!na)
            return oom(L);
        L->alpha = na;
        for (int m = L->mcap; m < nc; m++) {
            mpz_init(L->alpha[m]);
            mpz_init(L->rdet[m]);
        }
        L->mcap = nc;
    }
    brink_status_t st = cells_ok(L, L->nm + 1, L->scap);
    if (st != BRINK_OK)
        return st;
    mpz_t *r = brink_malloc(L->ctx, (size_t)(1 + L->scap) * sizeof *r);
    if (!r)
        return oom(L);
    for (int j = 0; j <= L->scap; j++)
        mpz_init(r[j]);
    int m = L->nm++;
    L->row[m] = r;
    L->mpos[m] = i;
    L->mrow[i] = m;
    mpz_set(L->rdet[m], L->det);
    *out = m;
    return BRINK_OK;
}

/* an untouched row: lambda_i x z0's row (see the header) */
static brink_status_t materialize(lem_t *L, int i)
{
    int m;
    brink_status_t st = add_row(L, i, &m);
    if (st != BRINK_OK)
        return st;
    mpz_srcptr l = lam(L, i);
    int mz = L->mrow[L->pos[2 * L->R]];
    mpz_t *z = L->row[mz];
    mpz_set(L->rdet[m], L->rdet[mz]);
    mpz_mul(L->row[m][0], z[0], l);
    for (int k = 0; k < L->nU; k++) {
        int s = L->slot_of[L->U[k]];
        mpz_mul(L->row[m][1 + s], z[1 + s], l);
    }
    return BRINK_OK;
}

static brink_status_t alloc_slot(lem_t *L, int *out)
{
    if (L->nfree > 0) {
        *out = L->freel[--L->nfree];
        return BRINK_OK;
    }
    if (L->shw == L->scap) {
        int nc = L->scap ? 2 * L->scap : 64;
        if (nc > L->R)
            nc = L->R;
        brink_status_t st = cells_ok(L, L->nm, nc);
        if (st != BRINK_OK)
            return st;
        for (int m = 0; m < L->nm; m++) {
            mpz_t *r = brink_realloc(L->ctx, L->row[m], (size_t)(1 + nc) * sizeof *r);
            if (!r)
                return oom(L);
            for (int j = 1 + L->scap; j <= nc; j++)
                mpz_init(r[j]);
            L->row[m] = r;
        }
        int *nf = brink_realloc(L->ctx, L->freel, (size_t)nc * sizeof *nf);
        if (!nf)
            return oom(L);
        L->freel = nf;
        int *nj = brink_realloc(L->ctx, L->J, (size_t)(nc + 1) * sizeof *nj);
        if (!nj)
            return oom(L);
        L->J = nj;
        L->scap = nc;
    }
    *out = L->shw++;
    return BRINK_OK;
}

/* is materialized row a lexicographically smaller than b (both with a
 * positive entering entry)?  Columns: the right-hand side, then w_0, w_1, ... */
static int lex_less(lem_t *L, int a, int b)
{
    mpz_mul(L->t1, L->row[a][0], L->alpha[b]);
    mpz_mul(L->t2, L->row[b][0], L->alpha[a]);
    int c = mpz_cmp(L->t1, L->t2);
    if (c)
        return c < 0;
    int va = L->basis[L->mpos[a]], vb = L->basis[L->mpos[b]];
    int sa = va < L->R ? va : INT_MAX, sb = vb < L->R ? vb : INT_MAX;
    int spike = sa < sb ? sa : sb; /* a row's own unit column: det there, 0 in the other */
    for (int k = 0; k < L->nU; k++) {
        int v = L->U[k];
        if (spike < v)
            break;
        int s = 1 + L->slot_of[v];
        mpz_mul(L->t1, L->row[a][s], L->alpha[b]);
        mpz_mul(L->t2, L->row[b][s], L->alpha[a]);
        c = mpz_cmp(L->t1, L->t2);
        if (c)
            return c < 0;
    }
    /* first difference at a unit column: the row owning it is the larger */
    return sb < sa;
}

/* brings row m (its nj active entries and its entering entry) from its own
 * determinant to the current one: exact, since the row's values have not
 * changed since it was last scaled */
static void current(lem_t *L, int m, int nj)
{
    if (mpz_cmp(L->rdet[m], L->det) == 0)
        return;
    mpz_t *rm = L->row[m];
    for (int k = 0; k < nj; k++) {
        mpz_ptr x = rm[L->J[k]];
        if (mpz_sgn(x) == 0)
            continue;
        mpz_mul(x, x, L->det);
        mpz_divexact(x, x, L->rdet[m]);
    }
    mpz_mul(L->alpha[m], L->alpha[m], L->det);
    mpz_divexact(L->alpha[m], L->alpha[m], L->rdet[m]);
    mpz_set(L->rdet[m], L->det);
}

/* fraction-free pivot on materialized row b: entering variable e, leaving l */
static brink_status_t pivot(lem_t *L, int b, int e, int l)
{
    int R = L->R;
    int p = L->mpos[b];
    mpz_t piv;
    brink_status_t st = BRINK_OK;
    int se = -1;
    if (e < R) { /* w_e becomes basic: its column becomes implicit */
        se = L->slot_of[e];
        int k = 0;
        while (L->U[k] != e)
            k++;
        memmove(L->U + k, L->U + k + 1, (size_t)(L->nU - k - 1) * sizeof *L->U);
        L->nU--;
    }
    int nj = 0;
    L->J[nj++] = 0;
    for (int k = 0; k < L->nU; k++)
        L->J[nj++] = 1 + L->slot_of[L->U[k]];
    current(L, b, nj);
    mpz_init_set(piv, L->alpha[b]);
    mpz_t *rb = L->row[b];
    for (int m = 0; m < L->nm; m++) {
        if (m == b || mpz_sgn(L->alpha[m]) == 0)
            continue; /* unchanged: its scale lags behind (rdet) */
        mpz_t *rm = L->row[m];
        current(L, m, nj);
        for (int k = 0; k < nj; k++) { /* the rows are mostly zeros: skip them */
            mpz_ptr x = rm[L->J[k]];
            mpz_srcptr y = rb[L->J[k]];
            if (mpz_sgn(y) == 0) {
                if (mpz_sgn(x) == 0)
                    continue;
                mpz_mul(x, x, piv);
            } else if (mpz_sgn(x) == 0) {
                mpz_mul(x, L->alpha[m], y);
                mpz_neg(x, x);
            } else {
                mpz_mul(x, x, piv);
                mpz_submul(x, L->alpha[m], y);
            }
            mpz_divexact(x, x, L->det);
        }
        mpz_set(L->rdet[m], piv);
    }
    mpz_set(L->rdet[b], piv);
    if (se >= 0) {
        for (int m = 0; m < L->nm; m++)
            mpz_set_ui(L->row[m][1 + se], 0);
        L->slot_of[e] = -1;
        L->freel[L->nfree++] = se;
    }
    if (l < R) { /* w_l leaves: its column becomes explicit */
        int s = 0;
        if ((st = alloc_slot(L, &s)) != BRINK_OK)
            goto done;
        rb = L->row[b];
        for (int m = 0; m < L->nm; m++) {
            if (m == b)
                mpz_set(L->row[m][1 + s], L->det);
            else /* 0 where alpha is 0, in any scale */
                mpz_neg(L->row[m][1 + s], L->alpha[m]);
        }
        L->slot_of[l] = s;
        int k = L->nU;
        while (k > 0 && L->U[k - 1] > l) {
            L->U[k] = L->U[k - 1];
            k--;
        }
        L->U[k] = l;
        L->nU++;
    }
    mpz_set(L->det, piv);
    L->basis[p] = e;
    L->pos[e] = p;
    L->pos[l] = -1;
done:
    mpz_clear(piv);
    return st;
}

static void lem_free(lem_t *L)
{
    brink_ctx_t *ctx = L->ctx;
    if (L->lam) {
        for (int r = 0; L->lam_ok && r < L->R; r++)
            if (L->lam_ok[r])
                mpz_clear(L->lam[r]);
        brink_free(ctx, L->lam);
    }
    brink_free(ctx, L->lam_ok);
    brink_free(ctx, L->basis);
    brink_free(ctx, L->pos);
    brink_free(ctx, L->mrow);
    for (int m = 0; m < L->nm; m++) {
        for (int j = 0; j <= L->scap; j++)
            mpz_clear(L->row[m][j]);
        brink_free(ctx, L->row[m]);
    }
    brink_free(ctx, L->row);
    brink_free(ctx, L->mpos);
    if (L->alpha) {
        for (int m = 0; m < L->mcap; m++)
            mpz_clear(L->alpha[m]);
        brink_free(ctx, L->alpha);
    }
    if (L->rdet) {
        for (int m = 0; m < L->mcap; m++)
            mpz_clear(L->rdet[m]);
        brink_free(ctx, L->rdet);
    }
    brink_free(ctx, L->slot_of);
    brink_free(ctx, L->freel);
    brink_free(ctx, L->U);
    brink_free(ctx, L->J);
    brink_free(ctx, L->crow);
    if (L->cval) {
        for (int i = 0; i < L->ccap; i++)
            mpz_clear(L->cval[i]);
        brink_free(ctx, L->cval);
    }
    mpz_clears(L->det, L->t1, L->t2, NULL);
}

/* the value (numerator over det) of variable v: 0 if nonbasic */
static mpz_srcptr value_of(lem_t *L, int v, mpz_srcptr zero)
{
    int p = L->pos[v];
    if (p < 0 || L->mrow[p] < 0)
        return zero;
    return L->row[L->mrow[p]][0];
}

/* realization plans -> behaviour (the dense solver's convention) */
static brink_status_t behaviour(lem_t *L, brink_eqset_t **out)
{
    const brink_game_t *g = L->g;
    seqform_t *sf = L->sf;
    brink_status_t st = BRINK_OK;
    mpz_t zero, lhs;
    mpz_inits(zero, lhs, NULL);
    /* Ex = e and Fy = f exactly */
    for (int p = 0; p < 2 && st == BRINK_OK; p++) {
        int zb = L->R + (p ? L->OY : L->OX);
        int bad = mpz_cmp(value_of(L, zb, zero), L->det) != 0;
        for (int k = 0; k < g->player_ninfosets[p + 1] && !bad; k++) {
            int gi = g->player_infosets[p + 1][k];
            mpz_set_ui(lhs, 0);
            for (int a = 0; a < g->infosets[gi].nactions; a++)
                mpz_add(lhs, lhs, value_of(L, zb + sf->seq0[gi] + a, zero));
            bad = mpz_cmp(lhs, value_of(L, zb + sf->parent[gi], zero)) != 0;
        }
        if (bad)
            st = brink_ctx_error(L->ctx, BRINK_ENUMERIC,
                                 "sequence form: the complementary solution is not a pair of "
                                 "realization plans; no equilibrium is reported");
    }
    size_t width = 0;
    for (int p = 0; p < 2; p++)
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++)
            width += (size_t)g->infosets[g->player_infosets[p + 1][k]].nactions;
    mpq_t *vals = st == BRINK_OK ? brink_malloc(L->ctx, (width ? width : 1) * sizeof *vals) : NULL;
    if (st == BRINK_OK && !vals)
        st = oom(L);
    if (st == BRINK_OK) {
        for (size_t j = 0; j < width; j++)
            mpq_init(vals[j]);
        size_t o = 0;
        for (int p = 0; p < 2; p++) {
            int zb = L->R + (p ? L->OY : L->OX);
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k];
                int na = g->infosets[gi].nactions;
                mpz_srcptr xp = value_of(L, zb + sf->parent[gi], zero);
                for (int a = 0; a < na; a++) {
                    if (mpz_sgn(xp) == 0) {
                        mpq_set_ui(vals[o + (size_t)a], 1, (unsigned long)na);
                    } else {
                        mpq_set_num(vals[o + (size_t)a], value_of(L, zb + sf->seq0[gi] + a, zero));
                        mpq_set_den(vals[o + (size_t)a], xp);
                        mpq_canonicalize(vals[o + (size_t)a]);
                    }
                }
                o += (size_t)na;
            }
        }
        brink_eqset_t *e = eqset_new(L->ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
        if (!e)
            st = oom(L);
        else if ((st = eqset_add_q(L->ctx, e, vals)) != BRINK_OK) {
            brink_eqset_free(L->ctx, e);
            st = oom(L);
        } else
            *out = e;
        for (size_t j = 0; j < width; j++)
            mpq_clear(vals[j]);
    }
    brink_free(L->ctx, vals);
    mpz_clears(zero, lhs, NULL);
    return st;
}

brink_status_t solve_seqlcp_sparse(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    seqform_t sf;
    lem_t L;
    memset(&L, 0, sizeof L);
    mpz_inits(L.det, L.t1, L.t2, NULL);
    L.ctx = ctx;
    L.g = g;
    L.sf = &sf;
    brink_status_t st = seqform_build(ctx, g, &sf);
    if (st != BRINK_OK)
        goto done;
    L.OX = 0;
    L.OY = sf.n[0];
    L.OU = sf.n[0] + sf.n[1];
    L.OV = L.OU + sf.k[0];
    L.R = L.OV + sf.k[1];
    int R = L.R, V = 2 * R + 1, Z0 = 2 * R;
    L.lam = brink_malloc(ctx, (size_t)R * sizeof *L.lam);
    L.lam_ok = brink_calloc(ctx, (size_t)R, 1);
    L.basis = brink_malloc(ctx, (size_t)R * sizeof *L.basis);
    L.pos = brink_malloc(ctx, (size_t)V * sizeof *L.pos);
    L.mrow = brink_malloc(ctx, (size_t)R * sizeof *L.mrow);
    L.slot_of = brink_malloc(ctx, (size_t)R * sizeof *L.slot_of);
    L.U = brink_malloc(ctx, (size_t)R * sizeof *L.U);
    L.J = brink_malloc(ctx, sizeof *L.J);
    if (!L.lam || !L.lam_ok || !L.basis || !L.pos || !L.mrow || !L.slot_of || !L.U || !L.J) {
        st = oom(&L);
        goto done;
    }
    for (int r = 0; r < R; r++) {
        L.basis[r] = r;
        L.mrow[r] = -1;
        L.slot_of[r] = -1;
    }
    for (int v = 0; v < V; v++)
        L.pos[v] = v < R ? v : -1;
    mpz_set_ui(L.det, 1);
    /* q: -1 on the two root constraint rows (u_0, v_0); z0 enters at the
     * first most negative, u_0, whose row is negated (seqlcp.c) */
    L.r0 = L.OU;
    int mu, mv;
    if ((st = add_row(&L, L.OU, &mu)) != BRINK_OK || (st = add_row(&L, L.OV, &mv)) != BRINK_OK)
        goto done;
    mpz_set_si(L.row[mu][0], 1);
    mpz_set_si(L.row[mv][0], -1);
    mpz_set_si(L.alpha[mu], 1);  /* z0's column, -lambda = -1, negated at r0 */
    mpz_set_si(L.alpha[mv], -1);
    if ((st = pivot(&L, mu, Z0, L.OU)) != BRINK_OK)
        goto done;
    /* the negated row's w column was -e, not +e: its new column has the
     * opposite sign of what pivot() wrote */
    for (int m = 0; m < L.nm; m++)
        mpz_neg(L.row[m][1 + L.slot_of[L.OU]], L.row[m][1 + L.slot_of[L.OU]]);
    int leaving = L.OU;
    for (long it = 0;; it++) {
        if ((it & 63) == 0 && brink_ctx_interrupted(ctx)) {
            st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "interrupted");
            goto done;
        }
        if (it > 1000000) {
            st = brink_ctx_error(ctx, BRINK_ENUMERIC, "sequence form: Lemke's algorithm cycles");
            goto done;
        }
        int enter = leaving < R ? leaving + R : leaving - R;
        for (int m = 0; m < L.nm; m++)
            mpz_set_ui(L.alpha[m], 0);
        if (enter < R) {
            int s = 1 + L.slot_of[enter];
            for (int m = 0; m < L.nm; m++)
                mpz_set(L.alpha[m], L.row[m][s]);
        } else {
            if (!column(&L, enter - R)) {
                st = oom(&L);
                goto done;
            }
            for (int c = 0; c < L.ncol; c++) {
                int r = L.crow[c];
                if (mpz_sgn(L.cval[c]) == 0 || L.pos[r] < 0 || L.mrow[L.pos[r]] >= 0)
                    continue;
                if ((st = materialize(&L, L.pos[r])) != BRINK_OK)
                    goto done;
            }
            for (int c = 0; c < L.ncol; c++) {
                int r = L.crow[c];
                if (mpz_sgn(L.cval[c]) == 0)
                    continue;
                if (L.pos[r] >= 0) { /* w_r basic: its unit column, x the row's scale */
                    int m = L.mrow[L.pos[r]];
                    mpz_addmul(L.alpha[m], L.rdet[m], L.cval[c]);
                } else {
                    int s = 1 + L.slot_of[r];
                    for (int m = 0; m < L.nm; m++)
                        mpz_addmul(L.alpha[m], L.cval[c], L.row[m][s]);
                }
            }
        }
        int best = -1;
        for (int m = 0; m < L.nm; m++) {
            if (mpz_sgn(L.alpha[m]) <= 0)
                continue;
            if (best < 0 || lex_less(&L, m, best))
                best = m;
        }
        if (best < 0) {
            st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                 "sequence form: Lemke's algorithm ended on a ray");
            goto done;
        }
        leaving = L.basis[L.mpos[best]];
        if ((st = pivot(&L, best, enter, leaving)) != BRINK_OK)
            goto done;
        if (leaving == Z0)
            break;
    }
    {
        int nj = 0; /* every row in the final determinant's scale */
        L.J[nj++] = 0;
        for (int k = 0; k < L.nU; k++)
            L.J[nj++] = 1 + L.slot_of[L.U[k]];
        for (int m = 0; m < L.nm; m++)
            current(&L, m, nj);
    }
    st = behaviour(&L, out);
done:
    lem_free(&L);
    seqform_free(ctx, &sf);
    return st;
}
