/* test_game_scale.c - the solvers on the large generated trees of
 * tests/games-bench and the machinery that makes them fast:
 *  - brinkmanship with 8000 rounds solves by the sequence form; the profile
 *    has regret below 1e-9 x the payoff range (the payoffs read from the
 *    file's text by this test) and is a behaviour profile;
 *  - the sparse and dense sequence-form tableaux give the same exact
 *    equilibrium (same pivots) on the smaller brinkmanship games and on every
 *    two-player tree shipped with Gambit;
 *  - the regret of a behaviour profile computed on the tree equals the one
 *    computed here through the reduced strategic form, on every shipped tree
 *    and random profiles;
 *  - the perfect-information trees (centipede 50 000, random depth 16) solve
 *    by backward induction with zero regret;
 *  - exact values too large for a long are kept and printed exactly.
 * No timing here: bench/game_scale_bench.sh times them. */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "brink/game.h"

static brink_game_t *load(brink_ctx_t *ctx, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s/%s", BRINK_TEST_DIR, dir, name);
    brink_game_t *g = NULL;
    if (brink_game_read_file(ctx, path, &g, NULL) != BRINK_OK)
        fail_msg("%s: %s", path, brink_ctx_errmsg(ctx));
    return g;
}

/* max - min of the numbers inside the braces of the file's terminal lines
 * ("t "" 3 "o3" { 1, -1 }"), read here independently of brink's reader */
static double payoff_range(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/games-bench/%s", BRINK_TEST_DIR, name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    double lo = INFINITY, hi = -INFINITY;
    while (fgets(line, sizeof line, f)) {
        char *b = strchr(line, '{');
        if (line[0] != 't' || !b)
            continue;
        char *p = b + 1;
        for (;;) {
            while (*p == ' ' || *p == ',')
                p++;
            if (*p == '}' || !*p)
                break;
            char *end;
            double v = strtod(p, &end);
            assert_true(end != p);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            p = end;
        }
    }
    fclose(f);
    assert_true(hi > lo);
    return hi - lo;
}

static double *profile(const brink_eqset_t *eq, size_t *w)
{
    *w = brink_eqset_width(eq);
    double *b = malloc(*w * sizeof *b);
    for (size_t j = 0; j < *w; j++)
        b[j] = brink_eqset_value(eq, 0, j);
    return b;
}

/* every information set's probabilities are non-negative and sum to 1 */
static void check_behaviour(const brink_game_t *g, const double *b)
{
    size_t o = 0;
    for (int p = 0; p < brink_game_num_players(g); p++)
        for (int k = 0; k < brink_game_num_infosets(g, p); k++) {
            double s = 0;
            for (int a = 0; a < brink_game_num_actions(g, p, k); a++) {
                assert_true(b[o] >= 0);
                s += b[o++];
            }
            assert_true(fabs(s - 1) < 1e-12);
        }
}

static void solve_check(brink_ctx_t *ctx, const char *name, brink_method_t m, double *regret_out)
{
    brink_game_t *g = load(ctx, "games-bench", name);
    brink_solve_opts_t o = {.method = m};
    brink_eqset_t *eq = NULL;
    if (brink_game_solve(ctx, g, &o, &eq) != BRINK_OK)
        fail_msg("%s: %s", name, brink_ctx_errmsg(ctx));
    assert_int_equal(brink_eqset_count(eq), 1);
    size_t w;
    double *b = profile(eq, &w);
    check_behaviour(g, b);
    double r = -1, range = payoff_range(name);
    assert_int_equal(brink_game_regret_behavior(ctx, g, b, w, &r), BRINK_OK);
    if (!(r >= -1e-9 * range && r < 1e-9 * range))
        fail_msg("%s: regret %g, payoff range %g", name, r, range);
    *regret_out = r;
    free(b);
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
}

static void test_brinkmanship_8000(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double r;
    solve_check(ctx, "brinkmanship_8000.efg", BRINK_METHOD_LCP, &r);
    /* the game has no proper subgame: spe solves the whole game by the
     * sequence form, the same equilibrium */
    solve_check(ctx, "brinkmanship_8000.efg", BRINK_METHOD_SPE, &r);
    brink_ctx_free(ctx);
}

/* exact values of profile 0 as strings */
static char **exact_strings(brink_ctx_t *ctx, brink_game_t *g, brink_tableau_t t,
                            brink_status_t *st, size_t *w)
{
    brink_solve_opts_t o = {.method = BRINK_METHOD_LCP, .tableau = t};
    brink_eqset_t *eq = NULL;
    *st = brink_game_solve(ctx, g, &o, &eq);
    if (*st != BRINK_OK)
        return NULL;
    assert_int_equal(brink_eqset_count(eq), 1);
    assert_true(brink_eqset_exact(eq));
    *w = brink_eqset_width(eq);
    char **s = calloc(*w, sizeof *s);
    for (size_t j = 0; j < *w; j++) {
        char buf[4096];
        brink_eqset_format(eq, 0, j, -1, buf, sizeof buf);
        s[j] = strdup(buf);
    }
    brink_eqset_free(ctx, eq);
    return s;
}

static void same_dense_sparse(brink_ctx_t *ctx, const char *dir, const char *name)
{
    brink_game_t *g = load(ctx, dir, name);
    brink_status_t sd, ss;
    size_t wd = 0, ws = 0;
    char **d = exact_strings(ctx, g, BRINK_TABLEAU_DENSE, &sd, &wd);
    char **s = exact_strings(ctx, g, BRINK_TABLEAU_SPARSE, &ss, &ws);
    if (sd != ss)
        fail_msg("%s: dense status %d, sparse %d", name, sd, ss);
    if (sd == BRINK_OK) {
        assert_int_equal(wd, ws);
        for (size_t j = 0; j < wd; j++)
            if (strcmp(d[j], s[j]))
                fail_msg("%s: value %zu: dense %s, sparse %s", name, j, d[j], s[j]);
    }
    for (size_t j = 0; j < wd; j++)
        free(d[j]);
    for (size_t j = 0; j < ws; j++)
        free(s[j]);
    free(d);
    free(s);
    brink_game_free(ctx, g);
}

static void test_dense_sparse_agree(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *bench[] = {"brinkmanship_2.efg", "brinkmanship_5.efg", "brinkmanship_10.efg",
                           "brinkmanship_20.efg", "centipede_10.efg",  "centipede_100.efg",
                           "repeated_pd_2.efg",  "repeated_pd_3.efg", "pitree_d6_s12345.efg",
                           "bug_sharedchance_brinkmanship_2.efg"};
    for (size_t i = 0; i < sizeof bench / sizeof bench[0]; i++)
        same_dense_sparse(ctx, "games-bench", bench[i]);
    /* every tree Gambit ships (those that are not two-player with perfect
     * recall fail the same way on both) */
    DIR *dir = opendir(BRINK_TEST_DIR "/games");
    assert_non_null(dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, "_efg"))
            continue;
        char rel[600];
        snprintf(rel, sizeof rel, "%s/%.*s.efg", e->d_name, (int)(l - 4), e->d_name);
        same_dense_sparse(ctx, "games", rel);
        n++;
    }
    closedir(dir);
    assert_true(n >= 70);
    brink_ctx_free(ctx);
}

/* ---- random two-player trees with perfect recall ---------------------------
 * Chance draws one of T types (probabilities with denominators T..T+5); then
 * D stages, in each of which player 1 (who knows the type) and then player
 * 2 (who sees the moves but not the type) choose among A actions; action 0
 * of a move may end the game at once; some moves are followed by a chance
 * node that ends the game with probability 1/5 (payoffs with a penalty).
 * Player 1's information set is (type, history), player 2's is (history):
 * perfect recall, information sets that span the types, no proper subgame. */
typedef struct rgen {
    uint64_t x;
    int T, D, A, stop;
    char *buf;
    size_t len, cap;
    int outcome, chance_is;
    int h1[4096], h2[4096]; /* information set numbers by history code, 0 = none yet */
    int n1, n2;
} rgen_t;

static unsigned rnd(rgen_t *r, unsigned n)
{
    r->x = r->x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((r->x >> 33) % n);
}

static void out(rgen_t *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (r->len + (size_t)n + 1 > r->cap) {
        r->cap = (r->len + (size_t)n + 1) * 2;
        r->buf = realloc(r->buf, r->cap);
    }
    memcpy(r->buf + r->len, tmp, (size_t)n + 1);
    r->len += (size_t)n;
}

static void leaf(rgen_t *r)
{
    out(r, "t \"\" %d \"\" { %d, %d }\n", ++r->outcome, (int)rnd(r, 19) - 9, (int)rnd(r, 19) - 9);
}

/* the subtree after history code h (base A+1 digits) at move k (0-based,
 * even: player 1, odd: player 2) for type t */
static void subtree(rgen_t *r, int t, int k, int h)
{
    if (k == 2 * r->D) {
        leaf(r);
        return;
    }
    int pl = k % 2;
    int *tab = pl ? r->h2 : r->h1;
    int key = pl ? h : h * 4 + t;
    if (!tab[key])
        tab[key] = pl ? ++r->n2 : ++r->n1;
    out(r, "p \"\" %d %d \"\" {", pl + 1, tab[key]);
    for (int a = 0; a < r->A; a++)
        out(r, " \"a%d\"", a);
    out(r, " } 0\n");
    for (int a = 0; a < r->A; a++) {
        int hh = h * (r->A + 1) + a + 1;
        if (a == 0 && r->stop && k > 0) {
            leaf(r);
        } else if (a == 1 && pl == 1 && (h % 3) == 0) {
            /* a chance node: the game ends with probability 1/5 */
            out(r, "c \"\" %d \"\" { \"end\" 1/5 \"go\" 4/5 } 0\n", ++r->chance_is);
            leaf(r);
            subtree(r, t, k + 1, hh);
        } else {
            subtree(r, t, k + 1, hh);
        }
    }
}

static char *random_tree(uint64_t seed, size_t *len)
{
    rgen_t r;
    memset(&r, 0, sizeof r);
    r.x = seed;
    r.T = 2 + (int)rnd(&r, 2);
    r.D = 1 + (int)rnd(&r, 2);
    r.A = 2 + (int)rnd(&r, r.D == 1 ? 2 : 1);
    r.stop = (int)rnd(&r, 2);
    r.chance_is = 1;
    out(&r, "EFG 2 R \"random %llu\" { \"1\" \"2\" }\n\"\"\n", (unsigned long long)seed);
    int den = r.T + (int)rnd(&r, 6), left = den;
    out(&r, "c \"\" 1 \"\" {");
    for (int t = 0; t < r.T; t++) {
        int num = t == r.T - 1 ? left : 1 + (int)rnd(&r, (unsigned)(left - (r.T - 1 - t)));
        if (t < r.T - 1 && num > left - (r.T - 1 - t))
            num = left - (r.T - 1 - t);
        left -= num;
        out(&r, " \"t%d\" %d/%d", t, num, den);
    }
    out(&r, " } 0\n");
    for (int t = 0; t < r.T; t++)
        subtree(&r, t, 0, 0);
    *len = r.len;
    return r.buf;
}

static void test_dense_sparse_random(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    int solved = 0;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        size_t len;
        char *text = random_tree(seed, &len);
        brink_game_t *g = NULL;
        if (brink_game_read_string(ctx, text, len, "random", &g, NULL) != BRINK_OK)
            fail_msg("seed %llu: %s", (unsigned long long)seed, brink_ctx_errmsg(ctx));
        brink_status_t sd, ss;
        size_t wd = 0, ws = 0;
        char **d = exact_strings(ctx, g, BRINK_TABLEAU_DENSE, &sd, &wd);
        char **sp = exact_strings(ctx, g, BRINK_TABLEAU_SPARSE, &ss, &ws);
        assert_int_equal(sd, BRINK_OK);
        assert_int_equal(ss, BRINK_OK);
        assert_int_equal(wd, ws);
        double *b = malloc(wd * sizeof *b);
        for (size_t j = 0; j < wd; j++) {
            if (strcmp(d[j], sp[j]))
                fail_msg("seed %llu: value %zu: dense %s, sparse %s", (unsigned long long)seed, j,
                         d[j], sp[j]);
            long num = 0, dn = 1;
            if (sscanf(sp[j], "%ld/%ld", &num, &dn) < 1)
                fail_msg("seed %llu: value %s", (unsigned long long)seed, sp[j]);
            b[j] = (double)num / (double)dn;
            free(d[j]);
            free(sp[j]);
        }
        double reg = -1;
        assert_int_equal(brink_game_regret_behavior(ctx, g, b, wd, &reg), BRINK_OK);
        if (!(reg < 1e-9))
            fail_msg("seed %llu: regret %g", (unsigned long long)seed, reg);
        solved++;
        free(b);
        free(d);
        free(sp);
        free(text);
        brink_game_free(ctx, g);
    }
    assert_int_equal(solved, 40);
    brink_ctx_free(ctx);
}

static void test_perfect_information(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double r;
    solve_check(ctx, "centipede_50000.efg", BRINK_METHOD_SPE, &r);
    assert_true(r == 0); /* a pure profile of a perfect-information game, exact */
    solve_check(ctx, "pitree_d16_s12345.efg", BRINK_METHOD_SPE, &r);
    assert_true(r == 0);
    /* the shallow random tree also by the sequence form: the equilibria may
     * differ, both have no regret */
    solve_check(ctx, "pitree_d6_s12345.efg", BRINK_METHOD_LCP, &r);
    brink_ctx_free(ctx);
}

/* battle of the sexes with a = 10^20: the mixed equilibrium is
 * (a/(1+a), 1/(1+a); 1/(1+a), a/(1+a)), beyond a long */
static void test_big_exact_values(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *text = "NFG 1 R \"bos\" { \"1\" \"2\" } { 2 2 }\n"
                       "100000000000000000000 1 0 0 0 0 1 100000000000000000000\n";
    brink_game_t *g = NULL;
    assert_int_equal(brink_game_read_string(ctx, text, strlen(text), "bos", &g, NULL), BRINK_OK);
    brink_solve_opts_t o = {.method = BRINK_METHOD_ENUMMIXED};
    brink_eqset_t *eq = NULL;
    assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
    assert_int_equal(brink_eqset_count(eq), 3);
    int mixed = 0, pure = 0;
    for (size_t i = 0; i < 3; i++) {
        char v[4][64];
        for (size_t j = 0; j < 4; j++)
            brink_eqset_format(eq, i, j, -1, v[j], sizeof v[j]);
        if (!strcmp(v[0], "1") || !strcmp(v[0], "0")) {
            pure++;
            assert_string_equal(v[0], v[2]);
            assert_string_equal(v[1], v[3]);
            continue;
        }
        mixed++;
        assert_string_equal(v[0], "100000000000000000000/100000000000000000001");
        assert_string_equal(v[1], "1/100000000000000000001");
        assert_string_equal(v[2], "1/100000000000000000001");
        assert_string_equal(v[3], "100000000000000000000/100000000000000000001");
        assert_true(fabs(brink_eqset_value(eq, i, 1) - 1e-20) < 1e-30);
    }
    assert_int_equal(mixed, 1);
    assert_int_equal(pure, 2);
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brinkmanship_8000),
        cmocka_unit_test(test_dense_sparse_agree),
        cmocka_unit_test(test_dense_sparse_random),
        cmocka_unit_test(test_perfect_information),
        cmocka_unit_test(test_big_exact_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
