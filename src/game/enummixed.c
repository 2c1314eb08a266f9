/* enummixed.c - all extreme Nash equilibria of a two-player game, exact.
 *
 * The payoffs are scaled to positive integers A (player 1) and B (player 2).
 * The best-response polytopes P = {x >= 0 : B'x <= 1} and Q = {y >= 0 :
 * Ay <= 1} are enumerated vertex by vertex: a breadth-first search over
 * their feasible bases, moving between bases by integer pivots (GMP), with
 * every tie of the ratio test followed so that degenerate vertices are
 * complete.  The search is depth-first on a compact integer dictionary,
 * entering and leaving each basis by the same pivot (no copies).  A vertex's labels are its zero coordinates and tight
 * constraints; each pair of nonzero vertices whose labels cover all m + n
 * labels is an extreme equilibrium (normalised to probabilities).
 * Time: O((bases of P + bases of Q) x m x n) big-integer operations, plus
 * (vertices of P) x (vertices of Q) bitset tests. */
#include <math.h>
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

/* finds the vertex with label set lab; returns its index or SIZE_MAX.  A
 * vertex is the only point where its tight constraints hold with equality,
 * so the label set identifies the vertex even in degenerate polytopes. */
static size_t vset_find(const vset_t *v, const uint64_t *lab, uint64_t h, size_t *slot)
{
    if (!v->hcap) {
        *slot = SIZE_MAX;
        return SIZE_MAX;
    }
    size_t j = (size_t)h & (v->hcap - 1);
    while (v->hash_idx[j] != SIZE_MAX) {
        if (v->hash_keys[j] == h &&
            memcmp(v->labels + v->hash_idx[j] * (size_t)v->words, lab,
                   (size_t)v->words * sizeof *lab) == 0)
            return v->hash_idx[j];
        j = (j + 1) & (v->hcap - 1);
    }
    *slot = j;
    return SIZE_MAX;
}

/* adds a new vertex (labels lab, coordinates from tableau T); -1 on ENOMEM */
typedef struct dict {
    int R, D;      /* rows (constraints), nonbasic columns (dimension) */
    mpz_t *t;      /* R x (1 + D): column 0 the right-hand side */
    mpz_t det;
    int *basis;    /* R: basic variable of each row */
    int *nonbasis; /* D: nonbasic variable of each column */
} dict_t;

#define DT(T, r, c) ((T)->t[(size_t)(r) * (size_t)(1 + (T)->D) + (size_t)(c)])

static int vset_add(brink_ctx_t *ctx, vset_t *v, const dict_t *T, const uint64_t *lab,
                    uint64_t h)
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
    size_t slot;
    if (vset_find(v, lab, h, &slot) != SIZE_MAX)
        return 0;
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
    for (int i = 0; i < v->dim; i++)
        mpq_init(dst[i]);
    for (int r = 0; r < T->R; r++) {
        int b = T->basis[r];
        if (b < v->dim && mpz_sgn(DT(T, r, 0)) != 0) {
            mpq_set_num(dst[b], DT(T, r, 0));
            mpq_set_den(dst[b], T->det);
            mpq_canonicalize(dst[b]);
        }
    }
    memcpy(v->labels + v->count * (size_t)v->words, lab, (size_t)v->words * sizeof *lab);
    v->hash_idx[slot] = v->count;
    v->hash_keys[slot] = h;
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

/* integer pivot of the compact dictionary: the variable of column c enters
 * at row r; the leaving variable takes column c.  Its own inverse:
 * pivoting (r, c) again restores the dictionary exactly. */
static void dict_pivot(dict_t *T, int r, int c, mpz_t tmp, mpz_t piv, mpz_t f)
{
    int cols = 1 + T->D;
    mpz_t *pr = &DT(T, r, 0);
    mpz_set(piv, pr[1 + c]);
    for (int i = 0; i < T->R; i++) {
        if (i == r)
            continue;
        mpz_t *ri = &DT(T, i, 0);
        mpz_set(f, ri[1 + c]);
        if (mpz_sgn(f) == 0) {
            for (int j = 0; j < cols; j++) {
                if (j == 1 + c || mpz_sgn(ri[j]) == 0)
                    continue;
                mpz_mul(ri[j], ri[j], piv);
                mpz_divexact(ri[j], ri[j], T->det);
            }
            continue;
        }
        for (int j = 0; j < cols; j++) {
            if (j == 1 + c)
                continue;
            mpz_mul(ri[j], ri[j], piv);
            mpz_mul(tmp, f, pr[j]);
            mpz_sub(ri[j], ri[j], tmp);
            mpz_divexact(ri[j], ri[j], T->det);
        }
        mpz_neg(ri[1 + c], f);
    }
    mpz_set(pr[1 + c], T->det);
    mpz_set(T->det, piv);
    int b = T->basis[r];
    T->basis[r] = T->nonbasis[c];
    T->nonbasis[c] = b;
}

/* rows that tie for the minimum ratio when column c enters; returns count */
static int dict_ties(const dict_t *T, int c, int *ties, mpz_t a, mpz_t b)
{
    int nt = 0;
    for (int r = 0; r < T->R; r++) {
        if (mpz_sgn(DT(T, r, 1 + c)) <= 0)
            continue;
        if (nt == 0) {
            ties[nt++] = r;
            continue;
        }
        int t = ties[0];
        mpz_mul(a, DT(T, r, 0), DT(T, t, 1 + c));
        mpz_mul(b, DT(T, t, 0), DT(T, r, 1 + c));
        int cmp = mpz_cmp(a, b);
        if (cmp < 0) {
            nt = 0;
            ties[nt++] = r;
        } else if (cmp == 0) {
            ties[nt++] = r;
        }
    }
    return nt;
}

typedef struct frame {
    int col, tie;      /* where the search of this basis's neighbours resumes */
    int undo_r, undo_c; /* the pivot that reached this basis (-1 at the root) */
} frame_t;

/* Enumerates the vertices of {z >= 0 : M z <= 1}, M given as R x D matrix
 * (or its transpose), by depth-first search over the feasible bases with an
 * explicit stack: each new basis is reached by one pivot and left by the
 * same pivot, so no tableau is ever copied.  label_of[var] maps each of
 * the D + R variables to its label (0..L-1). */
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
    dict_t T;
    memset(&T, 0, sizeof T);
    T.R = R;
    T.D = D;
    size_t cells = (size_t)R * (size_t)(1 + D);
    frame_t *stack = NULL;
    size_t sp = 0, scap = 0;
    uint64_t *key = brink_calloc(ctx, (size_t)bw, sizeof *key);
    uint64_t *lab = brink_calloc(ctx, (size_t)lw, sizeof *lab);
    int *ties = brink_malloc(ctx, (size_t)R * sizeof *ties);
    T.t = brink_malloc(ctx, cells * sizeof *T.t);
    T.basis = brink_malloc(ctx, (size_t)R * sizeof *T.basis);
    T.nonbasis = brink_malloc(ctx, (size_t)D * sizeof *T.nonbasis);
    mpz_t a, b, tmp, piv, f;
    mpz_inits(a, b, tmp, piv, f, NULL);
    mpz_init_set_ui(T.det, 1);
    if (!key || !lab || !ties || !T.t || !T.basis || !T.nonbasis) {
        brink_free(ctx, T.t);
        T.t = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < cells; k++)
        mpz_init(T.t[k]);
    for (int r = 0; r < R; r++) {
        mpz_set_ui(DT(&T, r, 0), 1);
        for (int d = 0; d < D; d++)
            mpz_set(DT(&T, r, 1 + d), transpose ? M[(size_t)d * (size_t)R + (size_t)r]
                                                : M[(size_t)r * (size_t)D + (size_t)d]);
        T.basis[r] = D + r;
    }
    for (int d = 0; d < D; d++)
        T.nonbasis[d] = d;
    for (int r = 0; r < R; r++)
        key[(D + r) / 64] |= (uint64_t)1 << ((D + r) % 64);
    if (bset_insert(ctx, &seen, key) < 0) {
        st = BRINK_ENOMEM;
        goto done;
    }
    int visit = 1;
    int undo_r = -1, undo_c = -1;
    for (;;) {
        if (visit) {
            visit = 0;
            memset(lab, 0, (size_t)lw * sizeof *lab);
            for (int c = 0; c < D; c++)
                lab[label_of[T.nonbasis[c]] / 64] |= (uint64_t)1 << (label_of[T.nonbasis[c]] % 64);
            for (int r = 0; r < R; r++)
                if (mpz_sgn(DT(&T, r, 0)) == 0)
                    lab[label_of[T.basis[r]] / 64] |= (uint64_t)1 << (label_of[T.basis[r]] % 64);
            if (vset_add(ctx, out, &T, lab, hash_words(lab, lw)) < 0) {
                st = BRINK_ENOMEM;
                goto done;
            }
            if (sp == scap) {
                size_t nc = scap ? scap * 2 : 256;
                frame_t *ns = brink_realloc(ctx, stack, nc * sizeof *ns);
                if (!ns) {
                    st = BRINK_ENOMEM;
                    goto done;
                }
                stack = ns;
                scap = nc;
            }
            stack[sp].col = 0;
            stack[sp].tie = 0;
            stack[sp].undo_r = undo_r;
            stack[sp].undo_c = undo_c;
            sp++;
            if ((seen.count & 1023) == 0 && brink_ctx_interrupted(ctx)) {
                st = BRINK_EINTERRUPT;
                goto done;
            }
        }
        frame_t *F = &stack[sp - 1];
        int moved = 0;
        for (; F->col < D && !moved; F->col++, F->tie = 0) {
            int c = F->col;
            int nt = dict_ties(&T, c, ties, a, b);
            for (; F->tie < nt; F->tie++) {
                int r = ties[F->tie];
                memset(key, 0, (size_t)bw * sizeof *key);
                for (int rr = 0; rr < R; rr++) {
                    int v = rr == r ? T.nonbasis[c] : T.basis[rr];
                    key[v / 64] |= (uint64_t)1 << (v % 64);
                }
                int ins = bset_insert(ctx, &seen, key);
                if (ins < 0) {
                    st = BRINK_ENOMEM;
                    goto done;
                }
                if (ins == 0)
                    continue;
                F->tie++;
                dict_pivot(&T, r, c, tmp, piv, f);
                undo_r = r;
                undo_c = c;
                visit = 1;
                moved = 1;
                break;
            }
            if (moved)
                break;
        }
        if (moved)
            continue;
        /* every neighbour done: step back */
        sp--;
        if (stack[sp].undo_r < 0)
            break;
        dict_pivot(&T, stack[sp].undo_r, stack[sp].undo_c, tmp, piv, f);
    }
done:
    if (T.t) {
        for (size_t k = 0; k < cells; k++)
            mpz_clear(T.t[k]);
        brink_free(ctx, T.t);
    }
    mpz_clear(T.det);
    brink_free(ctx, T.basis);
    brink_free(ctx, T.nonbasis);
    brink_free(ctx, stack);
    brink_free(ctx, key);
    brink_free(ctx, lab);
    brink_free(ctx, ties);
    brink_free(ctx, seen.keys);
    brink_free(ctx, seen.used);
    mpz_clears(a, b, tmp, piv, f, NULL);
    return st;
}

/* Solves A[rows][cols] y = 1 (k x k) in doubles with partial pivoting;
 * returns 0, or -1 if the matrix is (nearly) singular. */
static int solve_d(const double *Ad, int n, const int *rows, const int *cols, int k, double *M,
                   double *y)
{
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++)
            M[i * (k + 1) + j] = Ad[(size_t)rows[i] * (size_t)n + (size_t)cols[j]];
        M[i * (k + 1) + k] = 1.0;
    }
    for (int c = 0; c < k; c++) {
        int p = c;
        for (int i = c + 1; i < k; i++)
            if (fabs(M[i * (k + 1) + c]) > fabs(M[p * (k + 1) + c]))
                p = i;
        if (fabs(M[p * (k + 1) + c]) < 1e-9)
            return -1;
        if (p != c)
            for (int j = 0; j <= k; j++) {
                double t = M[c * (k + 1) + j];
                M[c * (k + 1) + j] = M[p * (k + 1) + j];
                M[p * (k + 1) + j] = t;
            }
        for (int i = 0; i < k; i++) {
            if (i == c)
                continue;
            double f = M[i * (k + 1) + c] / M[c * (k + 1) + c];
            if (f == 0)
                continue;
            for (int j = c; j <= k; j++)
                M[i * (k + 1) + j] -= f * M[c * (k + 1) + j];
        }
    }
    for (int i = 0; i < k; i++)
        y[i] = M[i * (k + 1) + k] / M[i * (k + 1) + i];
    return 0;
}

/* Exact Gauss-Jordan on A[rows][cols] y = 1; returns 0, or -1 if singular. */
static int solve_q(mpz_t *A, int n, const int *rows, const int *cols, int k, mpq_t *M, mpq_t *y,
                   mpq_t t)
{
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++)
            mpq_set_z(M[i * (k + 1) + j], A[(size_t)rows[i] * (size_t)n + (size_t)cols[j]]);
        mpq_set_ui(M[i * (k + 1) + k], 1, 1);
    }
    for (int c = 0; c < k; c++) {
        int p = -1;
        for (int i = c; i < k && p < 0; i++)
            if (mpq_sgn(M[i * (k + 1) + c]) != 0)
                p = i;
        if (p < 0)
            return -1;
        if (p != c)
            for (int j = 0; j <= k; j++)
                mpq_swap(M[c * (k + 1) + j], M[p * (k + 1) + j]);
        for (int i = 0; i < k; i++) {
            if (i == c || mpq_sgn(M[i * (k + 1) + c]) == 0)
                continue;
            mpq_div(t, M[i * (k + 1) + c], M[c * (k + 1) + c]);
            for (int j = c; j <= k; j++) {
                mpq_t u;
                mpq_init(u);
                mpq_mul(u, t, M[c * (k + 1) + j]);
                mpq_sub(M[i * (k + 1) + j], M[i * (k + 1) + j], u);
                mpq_clear(u);
            }
        }
    }
    for (int i = 0; i < k; i++)
        mpq_div(y[i], M[i * (k + 1) + k], M[i * (k + 1) + i]);
    return 0;
}

/* The partner y of a degenerate vertex x: unknowns y on the ks tight
 * columns, equations (Ay)_i = 1 on x's k support rows plus `extra` chosen
 * constraints (choice c < ks: y_{cols[c]} = 0; otherwise (Ay)_i = 1 for the
 * (c - ks)-th row outside the support).  Returns 1 if the system is
 * nonsingular and its solution is feasible (y >= 0, Ay <= 1): a vertex of
 * Q completing x. */
static int face_vertex(mpz_t *A, int m, int n, const int *rows, int k, const int *cols, int ks,
                       const int *ch, int extra, mpq_t *M, mpq_t *y, mpq_t t, mpq_t acc)
{
    int w = ks + 1;
    int eq = 0;
    for (int r = 0; r < k; r++, eq++) {
        for (int j = 0; j < ks; j++)
            mpq_set_z(M[eq * w + j], A[(size_t)rows[r] * (size_t)n + (size_t)cols[j]]);
        mpq_set_ui(M[eq * w + ks], 1, 1);
    }
    for (int x = 0; x < extra; x++, eq++) {
        int c = ch[x];
        if (c < ks) {
            for (int j = 0; j < ks; j++)
                mpq_set_ui(M[eq * w + j], j == c ? 1 : 0, 1);
            mpq_set_ui(M[eq * w + ks], 0, 1);
        } else {
            /* the (c - ks)-th row outside the support */
            int want = c - ks, i = 0, r = 0, cnt = 0;
            for (i = 0; i < m; i++) {
                if (r < k && rows[r] == i) {
                    r++;
                    continue;
                }
                if (cnt++ == want)
                    break;
            }
            for (int j = 0; j < ks; j++)
                mpq_set_z(M[eq * w + j], A[(size_t)i * (size_t)n + (size_t)cols[j]]);
            mpq_set_ui(M[eq * w + ks], 1, 1);
        }
    }
    /* Gauss-Jordan */
    for (int c = 0; c < ks; c++) {
        int p = -1;
        for (int i = c; i < ks && p < 0; i++)
            if (mpq_sgn(M[i * w + c]) != 0)
                p = i;
        if (p < 0)
            return 0;
        if (p != c)
            for (int j = 0; j < w; j++)
                mpq_swap(M[c * w + j], M[p * w + j]);
        for (int i = 0; i < ks; i++) {
            if (i == c || mpq_sgn(M[i * w + c]) == 0)
                continue;
            mpq_div(t, M[i * w + c], M[c * w + c]);
            for (int j = c; j < w; j++) {
                mpq_mul(acc, t, M[c * w + j]);
                mpq_sub(M[i * w + j], M[i * w + j], acc);
            }
        }
    }
    for (int j = 0; j < ks; j++) {
        mpq_div(y[j], M[j * w + ks], M[j * w + j]);
        if (mpq_sgn(y[j]) < 0)
            return 0;
    }
    for (int i = 0; i < m; i++) {
        mpq_set_ui(acc, 0, 1);
        for (int j = 0; j < ks; j++) {
            mpq_set_z(t, A[(size_t)i * (size_t)n + (size_t)cols[j]]);
            mpq_mul(t, t, y[j]);
            mpq_add(acc, acc, t);
        }
        if (mpq_cmp_ui(acc, 1, 1) > 0)
            return 0;
    }
    int nz = 0;
    for (int j = 0; j < ks; j++)
        nz |= mpq_sgn(y[j]) != 0;
    return nz;
}

static void fill_profile(const mpq_t *x, int m, int n, const int *cols, int ks, mpq_t *y,
                         mpq_t *vals, mpq_t sum)
{
    mpq_set_ui(sum, 0, 1);
    for (int i = 0; i < m; i++)
        mpq_add(sum, sum, x[i]);
    for (int i = 0; i < m; i++)
        mpq_div(vals[i], x[i], sum);
    mpq_set_ui(sum, 0, 1);
    for (int j = 0; j < ks; j++)
        mpq_add(sum, sum, y[j]);
    for (int j = 0; j < n; j++)
        mpq_set_ui(vals[m + j], 0, 1);
    for (int j = 0; j < ks; j++)
        mpq_div(vals[m + cols[j]], y[j], sum);
}

/* The fast path for games whose polytope P is nondegenerate (every vertex
 * has exactly m labels): the partner of a vertex x is the unique y with
 * (Ay)_i = 1 on x's support and y_j = 0 off the tight columns.  A double
 * solve rejects most vertices; candidates are solved and checked exactly.
 * Returns 1 if done, 0 if a singular system calls for the general method. */
static int partners_from_p(brink_ctx_t *ctx, const vset_t *P, mpz_t *A, int m, int n,
                           brink_eqset_t *e, mpq_t *vals, brink_status_t *st)
{
    int k_max = m < n ? m : n;
    int kq = (m > n ? m : n) + 2;
    double *Ad = brink_malloc(ctx, (size_t)m * (size_t)n * sizeof *Ad);
    double *Md = brink_malloc(ctx, (size_t)(k_max * (k_max + 1) + 1) * sizeof *Md);
    double *yd = brink_malloc(ctx, (size_t)(n + 1) * sizeof *yd);
    int *rows = brink_malloc(ctx, (size_t)(m + 1) * sizeof *rows);
    int *cols = brink_malloc(ctx, (size_t)(n + 1) * sizeof *cols);
    size_t nq = (size_t)(kq * (kq + 1) + 1);
    mpq_t *Mq = brink_malloc(ctx, nq * sizeof *Mq);
    mpq_t *yq = brink_malloc(ctx, (size_t)(kq + n + 1) * sizeof *yq);
    mpq_t t, sum, acc;
    int done = 1;
    *st = BRINK_OK;
    if (!Ad || !Md || !yd || !rows || !cols || !Mq || !yq) {
        brink_free(ctx, Mq);
        brink_free(ctx, yq);
        Mq = NULL;
        yq = NULL;
        *st = BRINK_ENOMEM;
        goto out;
    }
    mpq_inits(t, sum, acc, NULL);
    for (size_t i = 0; i < nq; i++)
        mpq_init(Mq[i]);
    for (int j = 0; j <= n + kq; j++)
        mpq_init(yq[j]);
    for (size_t i = 0; i < (size_t)m * (size_t)n; i++)
        Ad[i] = mpz_get_d(A[i]);
    for (size_t a = 0; a < P->count && done; a++) {
        const mpq_t *x = (const mpq_t *)(P->coords + a * (size_t)m);
        const uint64_t *la = P->labels + a * (size_t)P->words;
        int k = 0, ks = 0;
        for (int i = 0; i < m; i++)
            if (!(la[i / 64] >> (i % 64) & 1))
                rows[k++] = i;
        for (int j = 0; j < n; j++)
            if (la[(m + j) / 64] >> ((m + j) % 64) & 1)
                cols[ks++] = j;
        if (k == 0)
            continue; /* x = 0 */
        if (ks != k) {
            if (ks < k || ks > k + 2) {
                done = 0;
                break;
            }
            /* a degenerate vertex: its partners are the vertices of a face;
             * try each choice of ks - k extra tight constraints */
            int extra = ks - k, ncand = ks + (m - k);
            for (int c1 = 0; c1 < ncand && *st == BRINK_OK; c1++)
                for (int c2 = extra == 2 ? c1 + 1 : ncand; c2 < ncand || (extra == 1 && c2 == ncand);
                     c2++) {
                    int ch[2] = {c1, extra == 2 ? c2 : -1};
                    if (face_vertex(A, m, n, rows, k, cols, ks, ch, extra, Mq, yq, t, acc)) {
                        fill_profile(x, m, n, cols, ks, yq, vals, sum);
                        if (!eqset_has_q(e, vals))
                            *st = eqset_add_q(ctx, e, vals);
                    }
                    if (extra == 1)
                        break;
                }
            continue;
        }
        if (k > k_max) {
            done = 0;
            break;
        }
        int exact = solve_d(Ad, n, rows, cols, k, Md, yd) != 0;
        if (!exact) {
            int bad = 0;
            for (int j = 0; j < k && !bad; j++)
                bad = yd[j] < -1e-9;
            for (int i = 0, r = 0; i < m && !bad; i++) {
                if (r < k && rows[r] == i) {
                    r++;
                    continue;
                }
                double sd = 0;
                for (int j = 0; j < k; j++)
                    sd += Ad[(size_t)i * (size_t)n + (size_t)cols[j]] * yd[j];
                bad = sd > 1 + 1e-9;
            }
            if (bad)
                continue;
        }
        if (solve_q(A, n, rows, cols, k, Mq, yq, t) != 0) {
            done = 0;
            break;
        }
        int ok = 1;
        for (int j = 0; j < k && ok; j++)
            ok = mpq_sgn(yq[j]) >= 0;
        for (int i = 0, r = 0; i < m && ok; i++) {
            if (r < k && rows[r] == i) {
                r++;
                continue;
            }
            mpq_set_ui(acc, 0, 1);
            for (int j = 0; j < k; j++) {
                mpq_set_z(t, A[(size_t)i * (size_t)n + (size_t)cols[j]]);
                mpq_mul(t, t, yq[j]);
                mpq_add(acc, acc, t);
            }
            ok = mpq_cmp_ui(acc, 1, 1) <= 0;
        }
        if (!ok)
            continue;
        mpq_set_ui(sum, 0, 1);
        for (int i = 0; i < m; i++)
            mpq_add(sum, sum, x[i]);
        for (int i = 0; i < m; i++)
            mpq_div(vals[i], x[i], sum);
        mpq_set_ui(sum, 0, 1);
        for (int j = 0; j < k; j++)
            mpq_add(sum, sum, yq[j]);
        for (int j = 0; j < n; j++)
            mpq_set_ui(vals[m + j], 0, 1);
        for (int j = 0; j < k; j++)
            mpq_div(vals[m + cols[j]], yq[j], sum);
        if ((*st = eqset_add_q(ctx, e, vals)) != BRINK_OK)
            break;
    }
    for (size_t i = 0; i < nq; i++)
        mpq_clear(Mq[i]);
    for (int j = 0; j <= n + kq; j++)
        mpq_clear(yq[j]);
    mpq_clears(t, sum, acc, NULL);
out:
    brink_free(ctx, Ad);
    brink_free(ctx, Md);
    brink_free(ctx, yd);
    brink_free(ctx, rows);
    brink_free(ctx, cols);
    brink_free(ctx, Mq);
    brink_free(ctx, yq);
    return done;
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
    e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, (size_t)L);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    {
        int pdeg = 0;
        for (size_t a = 0; a < P.count && !pdeg; a++) {
            int c = 0;
            for (int w = 0; w < P.words; w++)
                c += __builtin_popcountll(P.labels[a * (size_t)P.words + (size_t)w]);
            pdeg = c > m + 2;
        }
        if (!pdeg) {
            size_t before = e->count;
            int pd = partners_from_p(ctx, &P, A, m, n, e, vals, &st);
            if (pd)
                goto done;
            if (st != BRINK_OK)
                goto done;
            /* a singular system: start again with the general method */
            eqset_truncate(e, before);
        }
    }
    if ((st = enum_vertices(ctx, m, n, A, 0, labQ, L, &Q)) != BRINK_OK)
        goto done;
    int words = P.words;
    uint64_t full_last = (L % 64) ? (((uint64_t)1 << (L % 64)) - 1) : ~(uint64_t)0;
    /* In a nondegenerate game every vertex of P has exactly m labels and
     * every vertex of Q exactly n, so the partner of x is the Q vertex whose
     * label set is the complement of x's: one hash lookup.  If any vertex
     * has extra labels, every pair is tested. */
    int degenerate = 0;
    for (size_t a = 0; a < P.count && !degenerate; a++) {
        int c = 0;
        for (int w = 0; w < words; w++)
            c += __builtin_popcountll(P.labels[a * (size_t)words + (size_t)w]);
        degenerate = c != m;
    }
    for (size_t b = 0; b < Q.count && !degenerate; b++) {
        int c = 0;
        for (int w = 0; w < words; w++)
            c += __builtin_popcountll(Q.labels[b * (size_t)words + (size_t)w]);
        degenerate = c != n;
    }
    uint64_t *want = brink_malloc(ctx, (size_t)words * sizeof *want);
    if (!want) {
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t a = 0; a < P.count; a++) {
        mpq_t *x = P.coords + a * (size_t)m;
        int xz = 1;
        for (int i = 0; i < m && xz; i++)
            xz = mpq_sgn(x[i]) == 0;
        if (xz)
            continue;
        const uint64_t *la = P.labels + a * (size_t)words;
        size_t b0 = 0, b1 = Q.count;
        if (!degenerate) {
            for (int w = 0; w < words; w++)
                want[w] = ~la[w] & (w == words - 1 ? full_last : ~(uint64_t)0);
            size_t slot;
            b0 = vset_find(&Q, want, hash_words(want, words), &slot);
            if (b0 == SIZE_MAX)
                continue;
            b1 = b0 + 1;
        }
        for (size_t b = b0; b < b1; b++) {
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
            if ((st = eqset_add_q(ctx, e, vals)) != BRINK_OK) {
                brink_free(ctx, want);
                goto done;
            }
        }
    }
    brink_free(ctx, want);
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
