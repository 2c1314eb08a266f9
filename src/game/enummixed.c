/* enummixed.c - all extreme Nash equilibria of a two-player game, exact.
 *
 * The payoffs are scaled to positive integers A (player 1) and B (player 2).
 * The best-response polytopes P = {x >= 0 : B'x <= 1} and Q = {y >= 0 :
 * Ay <= 1} are enumerated vertex by vertex: a breadth-first search over
 * their feasible bases, moving between bases by integer pivots (GMP), with
 * every tie of the ratio test followed so that degenerate vertices are
 * complete.  A vertex's labels are its zero coordinates and tight
 * constraints; each pair of nonzero vertices whose labels cover all m + n
 * labels is an extreme equilibrium (normalised to probabilities).
 * Time: O((bases of P + bases of Q) x m x n) big-integer operations, plus
 * (vertices of P) x (vertices of Q) bitset tests. */
#include <stdint.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/tableau.h"

typedef struct vset {
    /* deduplicated vertices */
    size_t count, cap;
    mpq_t *coords;    /* count * dim */
    uint64_t *labels; /* count * words */
    uint64_t *hash_keys;
    size_t *hash_idx;
    size_t hcap;
    int dim, words;
} vset_t;

typedef struct bset {
    /* visited bases as bitmasks */
    uint64_t *keys; /* hcap * words */
    char *used;
    size_t hcap, count;
    int words;
} bset_t;

static uint64_t hash_words(const uint64_t *w, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        h ^= w[i];
        h *= 1099511628211ULL;
        h ^= h >> 29;
    }
    return h;
}

static int bset_insert(brink_ctx_t *ctx, bset_t *s, const uint64_t *key)
{
    /* returns 1 if inserted, 0 if present, -1 on ENOMEM */
    if ((s->count + 1) * 2 > s->hcap) {
        size_t nc = s->hcap ? s->hcap * 2 : 1024;
        uint64_t *nk = brink_malloc(ctx, nc * (size_t)s->words * sizeof *nk);
        char *nu = brink_calloc(ctx, nc, 1);
        if (!nk || !nu) {
            brink_free(ctx, nk);
            brink_free(ctx, nu);
            return -1;
        }
        for (size_t i = 0; i < s->hcap; i++) {
            if (!s->used[i])
                continue;
            const uint64_t *k = s->keys + i * (size_t)s->words;
            size_t j = (size_t)hash_words(k, s->words) & (nc - 1);
            while (nu[j])
                j = (j + 1) & (nc - 1);
            nu[j] = 1;
            memcpy(nk + j * (size_t)s->words, k, (size_t)s->words * sizeof *k);
        }
        brink_free(ctx, s->keys);
        brink_free(ctx, s->used);
        s->keys = nk;
        s->used = nu;
        s->hcap = nc;
    }
    size_t j = (size_t)hash_words(key, s->words) & (s->hcap - 1);
    while (s->used[j]) {
        if (memcmp(s->keys + j * (size_t)s->words, key, (size_t)s->words * sizeof *key) == 0)
            return 0;
        j = (j + 1) & (s->hcap - 1);
    }
    s->used[j] = 1;
    memcpy(s->keys + j * (size_t)s->words, key, (size_t)s->words * sizeof *key);
    s->count++;
    return 1;
}

static uint64_t hash_coords(mpq_t *c, int dim)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < dim; i++) {
        h ^= (uint64_t)mpz_get_ui(mpq_numref(c[i]));
        h *= 1099511628211ULL;
        h ^= (uint64_t)mpz_get_ui(mpq_denref(c[i]));
        h *= 1099511628211ULL;
    }
    return h;
}

/* adds the vertex if new; returns 1 added, 0 present, -1 ENOMEM.  On
 * return 0 the labels are or-ed into the stored vertex (a degenerate vertex
 * seen from several bases has the union of their labels; all are equal in
 * fact since labels are computed from values). */
static int vset_add(brink_ctx_t *ctx, vset_t *v, mpq_t *c, const uint64_t *lab)
{
    if ((v->count + 1) * 2 > v->hcap) {
        size_t nc = v->hcap ? v->hcap * 2 : 1024;
        size_t *ni = brink_malloc(ctx, nc * sizeof *ni);
        uint64_t *nk = brink_malloc(ctx, nc * sizeof *nk);
        if (!ni || !nk) {
            brink_free(ctx, ni);
            brink_free(ctx, nk);
            return -1;
        }
        for (size_t i = 0; i < nc; i++)
            ni[i] = SIZE_MAX;
        for (size_t i = 0; i < v->hcap; i++) {
            if (v->hash_idx[i] == SIZE_MAX)
                continue;
            size_t j = (size_t)v->hash_keys[i] & (nc - 1);
            while (ni[j] != SIZE_MAX)
                j = (j + 1) & (nc - 1);
            ni[j] = v->hash_idx[i];
            nk[j] = v->hash_keys[i];
        }
        brink_free(ctx, v->hash_idx);
        brink_free(ctx, v->hash_keys);
        v->hash_idx = ni;
        v->hash_keys = nk;
        v->hcap = nc;
    }
    uint64_t h = hash_coords(c, v->dim);
    size_t j = (size_t)h & (v->hcap - 1);
    while (v->hash_idx[j] != SIZE_MAX) {
        if (v->hash_keys[j] == h) {
            mpq_t *o = v->coords + v->hash_idx[j] * (size_t)v->dim;
            int same = 1;
            for (int i = 0; i < v->dim && same; i++)
                same = mpq_equal(o[i], c[i]);
            if (same)
                return 0;
        }
        j = (j + 1) & (v->hcap - 1);
    }
    if (v->count == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 256;
        mpq_t *nco = brink_realloc(ctx, v->coords, nc * (size_t)v->dim * sizeof *nco);
        if (!nco)
            return -1;
        v->coords = nco;
        uint64_t *nl = brink_realloc(ctx, v->labels, nc * (size_t)v->words * sizeof *nl);
        if (!nl)
            return -1;
        v->labels = nl;
        v->cap = nc;
    }
    mpq_t *dst = v->coords + v->count * (size_t)v->dim;
    for (int i = 0; i < v->dim; i++) {
        mpq_init(dst[i]);
        mpq_set(dst[i], c[i]);
    }
    memcpy(v->labels + v->count * (size_t)v->words, lab, (size_t)v->words * sizeof *lab);
    v->hash_idx[j] = v->count;
    v->hash_keys[j] = h;
    v->count++;
    return 1;
}

static void vset_free(brink_ctx_t *ctx, vset_t *v)
{
    for (size_t k = 0; k < v->count * (size_t)v->dim; k++)
        mpq_clear(v->coords[k]);
    brink_free(ctx, v->coords);
    brink_free(ctx, v->labels);
    brink_free(ctx, v->hash_idx);
    brink_free(ctx, v->hash_keys);
}

/* Enumerates the vertices of {z >= 0 : M z <= 1}, M given as R x D matrix
 * (or its transpose).  label_of[var] maps each of the D + R variables to its
 * label (0..L-1). */
static brink_status_t enum_vertices(brink_ctx_t *ctx, int R, int D, mpz_t *M, int transpose,
                                    const int *label_of, int L, vset_t *out)
{
    brink_status_t st = BRINK_OK;
    int V = D + R;
    int bw = (V + 63) / 64;
    int lw = (L + 63) / 64;
    bset_t seen;
    memset(&seen, 0, sizeof seen);
    seen.words = bw;
    memset(out, 0, sizeof *out);
    out->dim = D;
    out->words = lw;
    tableau_t *queue = NULL;
    size_t qhead = 0, qtail = 0, qcap = 0;
    uint64_t *key = brink_calloc(ctx, (size_t)bw, sizeof *key);
    uint64_t *lab = brink_calloc(ctx, (size_t)lw, sizeof *lab);
    mpq_t *coord = brink_malloc(ctx, (size_t)(D ? D : 1) * sizeof *coord);
    int *ties = brink_malloc(ctx, (size_t)R * sizeof *ties);
    mpz_t tmp, a, b;
    mpz_inits(tmp, a, b, NULL);
    if (!key || !lab || !coord || !ties) {
        brink_free(ctx, coord);
        coord = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int i = 0; i < D; i++)
        mpq_init(coord[i]);
    qcap = 64;
    queue = brink_malloc(ctx, qcap * sizeof *queue);
    if (!queue) {
        st = BRINK_ENOMEM;
        goto done;
    }
    if ((st = tab_init(ctx, &queue[0], R, D, M, transpose)) != BRINK_OK)
        goto done;
    qtail = 1;
    for (int r = 0; r < R; r++)
        key[(D + r) / 64] |= (uint64_t)1 << ((D + r) % 64);
    if (bset_insert(ctx, &seen, key) < 0) {
        st = BRINK_ENOMEM;
        goto done;
    }
    while (qhead < qtail) {
        if (brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        tableau_t *T = &queue[qhead % qcap];
        /* the vertex */
        memset(lab, 0, (size_t)lw * sizeof *lab);
        for (int v = 0; v < V; v++) {
            int r = T->row_of[v];
            int zero = r < 0 || mpz_sgn(TAB(T, r, 0)) == 0;
            if (zero)
                lab[label_of[v] / 64] |= (uint64_t)1 << (label_of[v] % 64);
            if (v < D) {
                if (zero)
                    mpq_set_ui(coord[v], 0, 1);
                else {
                    mpq_set_num(coord[v], TAB(T, r, 0));
                    mpq_set_den(coord[v], T->det);
                    mpq_canonicalize(coord[v]);
                }
            }
        }
        if (vset_add(ctx, out, coord, lab) < 0) {
            st = BRINK_ENOMEM;
            goto done;
        }
        /* neighbours */
        for (int c = 0; c < V; c++) {
            if (T->row_of[c] >= 0)
                continue;
            int nt = 0;
            for (int r = 0; r < R; r++) {
                if (mpz_sgn(TAB(T, r, 1 + c)) <= 0)
                    continue;
                if (nt == 0) {
                    ties[nt++] = r;
                    continue;
                }
                /* compare T[r][0]/T[r][c] with T[t][0]/T[t][c] */
                int t = ties[0];
                mpz_mul(a, TAB(T, r, 0), TAB(T, t, 1 + c));
                mpz_mul(b, TAB(T, t, 0), TAB(T, r, 1 + c));
                int cmp = mpz_cmp(a, b);
                if (cmp < 0) {
                    nt = 0;
                    ties[nt++] = r;
                } else if (cmp == 0) {
                    ties[nt++] = r;
                }
            }
            for (int k = 0; k < nt; k++) {
                int r = ties[k];
                int leave = T->basis[r];
                memset(key, 0, (size_t)bw * sizeof *key);
                for (int rr = 0; rr < R; rr++) {
                    int v = rr == r ? c : T->basis[rr];
                    key[v / 64] |= (uint64_t)1 << (v % 64);
                }
                (void)leave;
                int ins = bset_insert(ctx, &seen, key);
                if (ins < 0) {
                    st = BRINK_ENOMEM;
                    goto done;
                }
                if (ins == 0)
                    continue;
                if (qtail - qhead == qcap) {
                    /* grow the ring buffer, keeping order */
                    size_t nc = qcap * 2;
                    tableau_t *nq = brink_malloc(ctx, nc * sizeof *nq);
                    if (!nq) {
                        st = BRINK_ENOMEM;
                        goto done;
                    }
                    for (size_t i = qhead; i < qtail; i++)
                        nq[i - qhead] = queue[i % qcap];
                    brink_free(ctx, queue);
                    queue = nq;
                    qtail -= qhead;
                    qhead = 0;
                    qcap = nc;
                    T = &queue[0];
                }
                tableau_t *N = &queue[qtail % qcap];
                if ((st = tab_copy(ctx, N, T)) != BRINK_OK)
                    goto done;
                qtail++;
                tab_pivot(N, r, c, tmp);
            }
        }
        tab_free(ctx, &queue[qhead % qcap]);
        qhead++;
    }
done:
    if (queue) {
        for (size_t i = qhead; i < qtail; i++)
            tab_free(ctx, &queue[i % qcap]);
        brink_free(ctx, queue);
    }
    if (coord) {
        for (int i = 0; i < D; i++)
            mpq_clear(coord[i]);
        brink_free(ctx, coord);
    }
    brink_free(ctx, key);
    brink_free(ctx, lab);
    brink_free(ctx, ties);
    brink_free(ctx, seen.keys);
    brink_free(ctx, seen.used);
    mpz_clears(tmp, a, b, NULL);
    return st;
}

brink_status_t solve_enummixed(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    int m = g->nstrat[0], n = g->nstrat[1], L = m + n;
    mpz_t *A = NULL, *B = NULL;
    vset_t P, Q;
    memset(&P, 0, sizeof P);
    memset(&Q, 0, sizeof Q);
    brink_eqset_t *e = NULL;
    int *labP = brink_malloc(ctx, (size_t)L * sizeof *labP);
    int *labQ = brink_malloc(ctx, (size_t)L * sizeof *labQ);
    mpq_t *vals = brink_malloc(ctx, (size_t)L * sizeof *vals);
    mpq_t sum;
    mpq_init(sum);
    brink_status_t st = BRINK_OK;
    if (!labP || !labQ || !vals) {
        brink_free(ctx, vals);
        vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int i = 0; i < L; i++)
        mpq_init(vals[i]);
    if ((st = game_bimatrix_int(ctx, g, &A, &B)) != BRINK_OK)
        goto done;
    /* P: variables x_0..x_{m-1} (labels 0..m-1), slacks s_j of B'x <= 1 (labels m+j) */
    for (int i = 0; i < m; i++)
        labP[i] = i;
    for (int j = 0; j < n; j++)
        labP[m + j] = m + j;
    /* Q: variables y_0..y_{n-1} (labels m+j), slacks r_i of Ay <= 1 (labels i) */
    for (int j = 0; j < n; j++)
        labQ[j] = m + j;
    for (int i = 0; i < m; i++)
        labQ[n + i] = i;
    /* rows of P's tableau are B' (n x m): entry (j,i) = B[i*n+j], i.e. the transpose of B */
    if ((st = enum_vertices(ctx, n, m, B, 1, labP, L, &P)) != BRINK_OK)
        goto done;
    if ((st = enum_vertices(ctx, m, n, A, 0, labQ, L, &Q)) != BRINK_OK)
        goto done;
    e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, (size_t)L);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    int words = P.words;
    uint64_t full_last = (L % 64) ? (((uint64_t)1 << (L % 64)) - 1) : ~(uint64_t)0;
    for (size_t a = 0; a < P.count; a++) {
        mpq_t *x = P.coords + a * (size_t)m;
        int xz = 1;
        for (int i = 0; i < m && xz; i++)
            xz = mpq_sgn(x[i]) == 0;
        if (xz)
            continue;
        const uint64_t *la = P.labels + a * (size_t)words;
        for (size_t b = 0; b < Q.count; b++) {
            const uint64_t *lb = Q.labels + b * (size_t)words;
            int ok = 1;
            for (int w = 0; w < words && ok; w++) {
                uint64_t full = w == words - 1 ? full_last : ~(uint64_t)0;
                ok = ((la[w] | lb[w]) & full) == full;
            }
            if (!ok)
                continue;
            mpq_t *y = Q.coords + b * (size_t)n;
            int yz = 1;
            for (int j = 0; j < n && yz; j++)
                yz = mpq_sgn(y[j]) == 0;
            if (yz)
                continue;
            mpq_set_ui(sum, 0, 1);
            for (int i = 0; i < m; i++)
                mpq_add(sum, sum, x[i]);
            for (int i = 0; i < m; i++)
                mpq_div(vals[i], x[i], sum);
            mpq_set_ui(sum, 0, 1);
            for (int j = 0; j < n; j++)
                mpq_add(sum, sum, y[j]);
            for (int j = 0; j < n; j++)
                mpq_div(vals[m + j], y[j], sum);
            if ((st = eqset_add_q(ctx, e, vals)) != BRINK_OK)
                goto done;
        }
    }
done:
    mpq_clear(sum);
    if (vals) {
        for (int i = 0; i < L; i++)
            mpq_clear(vals[i]);
        brink_free(ctx, vals);
    }
    brink_free(ctx, labP);
    brink_free(ctx, labQ);
    vset_free(ctx, &P);
    vset_free(ctx, &Q);
    game_mpz_array_free(ctx, A, (size_t)m * (size_t)n);
    game_mpz_array_free(ctx, B, (size_t)m * (size_t)n);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s",
                               st == BRINK_EINTERRUPT ? "interrupted" : "out of memory in enummixed");
    }
    *out = e;
    return BRINK_OK;
}
