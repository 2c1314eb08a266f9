/* test_game_io.c - the .nfg/.efg readers and writers: round trips of every
 * shipped game, located errors on bad input, deep trees, shared chance
 * information sets, and the regret of Gambit's equilibria. */
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

static void roundtrip(brink_ctx_t *ctx, const char *path)
{
    brink_game_t *g = NULL, *h = NULL;
    char *text = NULL;
    size_t len = 0;
    if (brink_game_read_file(ctx, path, &g, NULL) != BRINK_OK)
        fail_msg("%s: %s", path, brink_ctx_errmsg(ctx));
    assert_int_equal(brink_game_write(ctx, g, BRINK_FMT_AUTO, &text, &len), BRINK_OK);
    if (brink_game_read_string(ctx, text, len, "roundtrip", &h, NULL) != BRINK_OK)
        fail_msg("%s: rereading: %s", path, brink_ctx_errmsg(ctx));
    if (!brink_game_equal(g, h))
        fail_msg("%s: write then read gives a different game", path);
    brink_free(ctx, text);
    brink_game_free(ctx, h);
    h = NULL;
    /* through brink's JSON */
    assert_int_equal(brink_game_write(ctx, g, BRINK_FMT_JSON, &text, &len), BRINK_OK);
    if (brink_game_read_string(ctx, text, len, "json", &h, NULL) != BRINK_OK)
        fail_msg("%s: rereading JSON: %s", path, brink_ctx_errmsg(ctx));
    if (!brink_game_equal(g, h))
        fail_msg("%s: write JSON then read gives a different game", path);
    brink_free(ctx, text);
    brink_game_free(ctx, h);
    h = NULL;
    if (brink_game_kind(g) == BRINK_GAME_STRATEGIC) {
        /* the outcome form too */
        assert_int_equal(brink_game_write(ctx, g, BRINK_FMT_NFG_OUTCOME, &text, &len), BRINK_OK);
        assert_int_equal(brink_game_read_string(ctx, text, len, "roundtrip", &h, NULL), BRINK_OK);
        assert_true(brink_game_equal(g, h));
        brink_free(ctx, text);
        brink_game_free(ctx, h);
    }
    brink_game_free(ctx, g);
}

static void test_roundtrip_all(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    DIR *d = opendir(BRINK_TEST_DIR "/games");
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL) {
        const char *nm = e->d_name;
        size_t l = strlen(nm);
        if (l < 5 || (strcmp(nm + l - 4, "_nfg") && strcmp(nm + l - 4, "_efg")))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/games/%s/%.*s.%s", BRINK_TEST_DIR, nm, (int)(l - 4), nm,
                 nm + l - 3);
        roundtrip(ctx, path);
        n++;
    }
    closedir(d);
    assert_true(n >= 120);
    brink_ctx_free(ctx);
}

static void expect_error(const char *text, brink_status_t st, int line, int col, const char *msg)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_game_t *g = NULL;
    brink_status_t got = brink_game_read_string(ctx, text, strlen(text), "t.efg", &g, &diags);
    if (got != st)
        fail_msg("status %d, expected %d (%s)", got, st, brink_ctx_errmsg(ctx));
    assert_null(g);
    assert_int_equal(diags.count, 1);
    if (diags.items[0].line != line || diags.items[0].column != col ||
        !strstr(diags.items[0].message, msg))
        fail_msg("got %d:%d %s", diags.items[0].line, diags.items[0].column,
                 diags.items[0].message);
    char buf[512];
    brink_diag_format(&diags.items[0], buf, sizeof buf);
    assert_non_null(strstr(buf, "t.efg:"));
    assert_non_null(strstr(buf, ": error: "));
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("", BRINK_EPARSE, 1, 1, "expected 'NFG' or 'EFG'");
    expect_error("NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7\n", BRINK_EPARSE, 3, 1,
                 "expected the payoff of player 2 in strategy profile 4, found end of file");
    expect_error("NFG 1 R \"t\" { \"a\" } { 2 }\n1 x\n", BRINK_EPARSE, 2, 3,
                 "expected the payoff of player 1 in strategy profile 2, found 'x'");
    expect_error("NFG 1 R \"t\" { \"a\" } { 2 }\n1 #\n", BRINK_EPARSE, 2, 3,
                 "unexpected character '#'");
    expect_error("NFG 1 R \"t\" { \"a\" } { 0 }\n", BRINK_EPARSE, 1, 23,
                 "the number of strategies of player 1");
    expect_error("NFG 1 R \"t\" { \"a\" } { 2 }\n1 2/0\n", BRINK_EPARSE, 2, 3, "malformed number");
    expect_error("NFG 1 R \"t\" { \"a\" } { 1 }\n{ { \"o\" 1 } }\n2\n", BRINK_EPARSE, 3, 1,
                 "outcome number of strategy profile 1");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\np \"\" 1 1 \"i\" { \"x\" \"y\" } 0\nt \"\" 0\n",
                 BRINK_EPARSE, 5, 1, "child 2 of 2");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\np \"\" 3 1 \"i\" { \"x\" } 0\nt \"\" 0\n",
                 BRINK_EPARSE, 3, 6, "a player number from 1 to 1");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\nc \"\" 1 \"i\" { \"x\" 1/2 \"y\" 1/3 } 0\nt \"\" 0\nt "
                 "\"\" 0\n",
                 BRINK_EVALIDATE, 3, 12, "sum to");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\nt \"\" 0\nt \"\" 0\n", BRINK_EPARSE, 4, 1,
                 "end of file (the tree is already complete)");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\np \"\" 1 1 0\n", BRINK_EVALIDATE, 3, 1,
                 "used before its actions are given");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\nt \"\" 1 \"o\" { 1 2 }\n", BRINK_EPARSE, 3, 16,
                 "'}' after the 1 payoffs");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\nt \"\" 1\n", BRINK_EVALIDATE, 3, 6,
                 "never given a name and payoffs");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\"\np \"\" 1 1 \"i\" { \"x\" \"y\" } 0\np \"\" 1 1 \"i\" "
                 "{ \"x\" } 0\nt \"\" 0\nt \"\" 0\n",
                 BRINK_EVALIDATE, 4, 14, "declared with 2 actions");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"unterminated\n", BRINK_EPARSE, 2, 1,
                 "unterminated string");
    /* lines and columns after strings that span lines, tabs and escapes */
    expect_error("EFG 2 R \"t\nx\" { \"a\" }\n\"\"\n#\n", BRINK_EPARSE, 4, 1,
                 "unexpected character '#'");
    expect_error("EFG 2 R \"t\nxy\" #\n", BRINK_EPARSE, 2, 5, "unexpected character '#'");
    expect_error("EFG 2 R \"a\\\"b\\\nc\"\t{ \"a\" }\n\"\"\n\tp \"\" 9", BRINK_EPARSE, 4, 7,
                 "a player number from 1 to 1");
    expect_error("EFG 2 R \"t\" { \"a\" }\n\"\\", BRINK_EPARSE, 2, 1, "unterminated string");
}

/* a NUL byte inside a string is an error at its own place; escaped quotes
 * and backslashes are kept */
static void test_string_bytes(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char text[] = "EFG 2 R \"t\" { \"a\nb\" }\n\"x\0y\"\n";
    brink_game_t *g = NULL;
    brink_diags_t diags;
    brink_diags_init(&diags);
    assert_int_equal(brink_game_read_string(ctx, text, sizeof text - 1, "t.efg", &g, &diags),
                     BRINK_EPARSE);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_int_equal(diags.items[0].column, 3);
    assert_non_null(strstr(diags.items[0].message, "NUL byte inside a string"));
    brink_diags_clear(ctx, &diags);
    const char *ok = "EFG 2 R \"t\" { \"q\\\"uo\\\\te\" \"b\" }\n\"\"\nt \"\" 1 \"o\" { 1 2 }\n";
    assert_int_equal(brink_game_read_string(ctx, ok, strlen(ok), "t.efg", &g, NULL), BRINK_OK);
    assert_string_equal(brink_game_player_name(g, 0), "q\"uo\\te");
    assert_string_equal(brink_game_player_name(g, 1), "b");
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

static void test_deep_and_shared_chance(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *files[] = {"centipede_50000.efg", "brinkmanship_8000.efg",
                           "bug_sharedchance_brinkmanship_2.efg"};
    for (size_t i = 0; i < 3; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/games-bench/%s", BRINK_TEST_DIR, files[i]);
        roundtrip(ctx, path);
    }
    /* the Bayesian game whose chance infoset appears in two branches loads,
     * and its reduced form has a pure equilibrium set we can compute */
    char path[1024];
    snprintf(path, sizeof path, "%s/games-bench/bug_sharedchance_brinkmanship_2.efg",
             BRINK_TEST_DIR);
    brink_game_t *g = NULL;
    assert_int_equal(brink_game_read_file(ctx, path, &g, NULL), BRINK_OK);
    assert_int_equal(brink_game_num_infosets(g, -1), 2);
    brink_game_free(ctx, g);
    /* a deep tree built in memory: 200000 nested moves */
    size_t depth = 200000;
    size_t cap = depth * 64 + 256, len = 0;
    char *t = malloc(cap);
    len += (size_t)sprintf(t + len, "EFG 2 R \"deep\" { \"a\" \"b\" }\n\"\"\n");
    for (size_t k = 0; k < depth; k++)
        len += (size_t)sprintf(t + len, "p \"\" %d %zu \"\" { \"s\" \"c\" } 0\nt \"\" %zu \"\" { 1 0 }\n",
                               (int)(k % 2) + 1, k + 1, k + 1);
    len += (size_t)sprintf(t + len, "t \"\" %zu \"\" { 0 1 }\n", depth + 1);
    assert_int_equal(brink_game_read_string(ctx, t, len, "deep", &g, NULL), BRINK_OK);
    assert_int_equal(brink_game_num_nodes(g), 2 * depth + 1);
    brink_solve_opts_t o = {.method = BRINK_METHOD_SPE};
    brink_eqset_t *eq = NULL;
    assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
    assert_int_equal(brink_eqset_count(eq), 1);
    /* the first mover stops at once (1 > anything later for player 1) */
    assert_true(brink_eqset_value(eq, 0, 0) == 1.0);
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
    free(t);
    brink_game_free(ctx, NULL);
    brink_eqset_free(ctx, NULL);
    brink_ctx_free(ctx);
}

/* every equilibrium brink reports has regret below 1e-9 */
static void test_regret(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    DIR *d = opendir(BRINK_TEST_DIR "/games");
    assert_non_null(d);
    struct dirent *e;
    size_t checked = 0;
    while ((e = readdir(d)) != NULL) {
        const char *nm = e->d_name;
        size_t l = strlen(nm);
        if (l < 5 || (strcmp(nm + l - 4, "_nfg") && strcmp(nm + l - 4, "_efg")))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/games/%s/%.*s.%s", BRINK_TEST_DIR, nm, (int)(l - 4), nm,
                 nm + l - 3);
        brink_game_t *g = NULL;
        assert_int_equal(brink_game_read_file(ctx, path, &g, NULL), BRINK_OK);
        brink_method_t methods[] = {BRINK_METHOD_ENUMPURE, BRINK_METHOD_ENUMMIXED};
        char exp[1100];
        snprintf(exp, sizeof exp, "%s/games/%s/gambit-enummixed.out", BRINK_TEST_DIR, nm);
        FILE *ef = fopen(exp, "r");
        /* enummixed where Gambit's enummixed finished (the others are large
         * degenerate reduced forms that take minutes) */
        int nmeth = ef ? 2 : 1;
        /* the logit end point of a strategic game: small regret (or an honest stop) */
        if (brink_game_kind(g) == BRINK_GAME_STRATEGIC) {
            brink_solve_opts_t o = {.method = BRINK_METHOD_LOGIT};
            brink_eqset_t *eq = NULL;
            assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
            if (brink_eqset_count(eq) == 0)
                assert_true(brink_eqset_note(eq)[0] != '\0');
            for (size_t i = 0; i < brink_eqset_count(eq); i++) {
                size_t w = brink_eqset_width(eq);
                double *p = malloc(w * sizeof *p), lo = 1e300, hi = -1e300;
                for (size_t j = 0; j < w; j++)
                    p[j] = brink_eqset_value(eq, i, j);
                const brink_game_t *r = NULL;
                assert_int_equal(brink_game_reduced(ctx, g, &r), BRINK_OK);
                int prof[16] = {0};
                (void)prof;
                double reg = 1;
                assert_int_equal(brink_game_regret(ctx, g, p, w, &reg), BRINK_OK);
                /* payoff range from the pure profiles' payoffs */
                int np = brink_game_num_players(g);
                int s[16] = {0};
                for (;;) {
                    for (int q = 0; q < np; q++) {
                        double v = brink_game_payoff(g, s, q);
                        lo = v < lo ? v : lo;
                        hi = v > hi ? v : hi;
                    }
                    int q = 0;
                    for (; q < np; q++) {
                        if (++s[q] < brink_game_num_strategies(g, q))
                            break;
                        s[q] = 0;
                    }
                    if (q == np)
                        break;
                }
                if (!(reg <= 1e-4 * (hi > lo ? hi - lo : 1)))
                    fail_msg("%s: logit end point has regret %g", path, reg);
                free(p);
                checked++;
            }
            brink_eqset_free(ctx, eq);
        }
        /* lp on two-player constant-sum games: any optimal pair is an equilibrium */
        if (brink_game_num_players(g) == 2 && brink_game_is_constant_sum(ctx, g)) {
            brink_solve_opts_t o = {.method = BRINK_METHOD_LP, .strategic = 1};
            brink_eqset_t *eq = NULL;
            assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
            assert_int_equal(brink_eqset_count(eq), 1);
            size_t w = brink_eqset_width(eq);
            double *p = malloc(w * sizeof *p);
            for (size_t j = 0; j < w; j++)
                p[j] = brink_eqset_value(eq, 0, j);
            double r = 1;
            assert_int_equal(brink_game_regret(ctx, g, p, w, &r), BRINK_OK);
            if (!(r < 1e-9))
                fail_msg("%s: lp equilibrium has regret %g", path, r);
            free(p);
            brink_eqset_free(ctx, eq);
            checked++;
        }
        if (ef)
            fclose(ef);
        for (int k = 0; k < nmeth; k++) {
            brink_solve_opts_t o = {.method = methods[k], .strategic = 1};
            brink_eqset_t *eq = NULL;
            if (brink_game_solve(ctx, g, &o, &eq) != BRINK_OK)
                continue; /* e.g. enummixed on 3 players, or too large */
            size_t w = brink_eqset_width(eq);
            double *p = malloc(w * sizeof *p);
            for (size_t i = 0; i < brink_eqset_count(eq); i++) {
                for (size_t j = 0; j < w; j++)
                    p[j] = brink_eqset_value(eq, i, j);
                double r = 1;
                assert_int_equal(brink_game_regret(ctx, g, p, w, &r), BRINK_OK);
                if (!(r < 1e-9))
                    fail_msg("%s: equilibrium %zu has regret %g", path, i, r);
                checked++;
            }
            free(p);
            brink_eqset_free(ctx, eq);
        }
        brink_game_free(ctx, g);
    }
    closedir(d);
    assert_true(checked > 500);
    brink_ctx_free(ctx);
}

/* the logit QRE at a given lambda in a game with a dominant strategy whose
 * advantage is 1 against everything: sigma = 1 / (1 + exp(-lambda)) */
static void test_logit_lambda(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_game_t *g = NULL;
    assert_int_equal(brink_game_read_file(ctx, BRINK_TEST_DIR "/games/pd_nfg/pd.nfg", &g, NULL),
                     BRINK_OK);
    const double lams[] = {0.5, 1.0, 2.5, 7.0};
    for (size_t i = 0; i < 4; i++) {
        brink_solve_opts_t o = {.method = BRINK_METHOD_LOGIT, .lambda = lams[i]};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        double want = 1.0 / (1.0 + exp(-lams[i]));
        assert_true(fabs(brink_eqset_value(eq, 0, 1) - want) < 1e-9);
        assert_true(fabs(brink_eqset_value(eq, 0, 3) - want) < 1e-9);
        brink_eqset_free(ctx, eq);
    }
    /* maximum likelihood: defection observed with frequency f by both players
     * is fitted by 1/(1 + e^-lambda) = f, lambda = log(f / (1 - f)) */
    const double obs[][4] = {{2, 8, 2, 8}, {1, 9, 1, 9}, {3, 7, 3, 7}};
    for (size_t i = 0; i < 3; i++) {
        brink_solve_opts_t o = {.method = BRINK_METHOD_LOGIT, .observed = obs[i], .observed_len = 4};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        assert_true(brink_eqset_has_lambda(eq));
        double f = obs[i][1] / (obs[i][0] + obs[i][1]);
        if (!(fabs(brink_eqset_value(eq, 0, 0) - log(f / (1 - f))) < 1e-6))
            fail_msg("fit %zu: lambda %g, want %g", i, brink_eqset_value(eq, 0, 0),
                     log(f / (1 - f)));
        brink_eqset_free(ctx, eq);
    }
    /* the branch: lambda increasing from 0, each point a logit response up
     * to the corrector's tolerance (its last correction is below 1e-4 and
     * it contracts at least 0.6 per step, so points are within about 1e-6) */
    brink_solve_opts_t ob = {.method = BRINK_METHOD_LOGIT, .branch = 1};
    brink_eqset_t *eq = NULL;
    assert_int_equal(brink_game_solve(ctx, g, &ob, &eq), BRINK_OK);
    assert_true(brink_eqset_count(eq) > 10);
    double worst = 0;
    for (size_t i = 0; i < brink_eqset_count(eq); i++) {
        double lam = brink_eqset_value(eq, i, 0);
        assert_true(i == 0 || lam > brink_eqset_value(eq, i - 1, 0));
        worst = fmax(worst, fabs(brink_eqset_value(eq, i, 2) - 1.0 / (1.0 + exp(-lam))));
    }
    if (!(worst < 1e-6))
        fail_msg("branch point off the logit response by %g", worst);
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

/* subgame perfection over a proper subgame: entry, then matching pennies.
 * The subgame's only equilibrium is (1/2, 1/2) with value 0 < 1/2, so the
 * only SPE is Out with (1/2, 1/2) in the subgame (the strategic form has
 * Nash equilibria with other off-path play). */
static void test_spe_subgames(void **state)
{
    (void)state;
    const char *text =
        "EFG 2 R \"entry then pennies\" { \"1\" \"2\" }\n\"\"\n"
        "p \"\" 1 1 \"entry\" { \"Out\" \"In\" } 0\n"
        "t \"\" 1 \"out\" { 1/2 1 }\n"
        "p \"\" 1 2 \"pennies 1\" { \"H\" \"T\" } 0\n"
        "p \"\" 2 1 \"pennies 2\" { \"h\" \"t\" } 0\n"
        "t \"\" 2 \"match\" { 2 -2 }\n"
        "t \"\" 3 \"differ\" { -2 2 }\n"
        "p \"\" 2 1 0\n"
        "t \"\" 3\n"
        "t \"\" 2\n";
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_game_t *g = NULL;
    assert_int_equal(brink_game_read_string(ctx, text, strlen(text), "t", &g, NULL), BRINK_OK);
    /* the default, and each solver at the subgame (the pennies subgame is
     * constant-sum, so lp applies; logit is approximate) */
    const int methods[] = {0, 1 + BRINK_METHOD_LCP, 1 + BRINK_METHOD_ENUMMIXED, 1 + BRINK_METHOD_LP,
                           1 + BRINK_METHOD_LOGIT};
    for (size_t k = 0; k < 5; k++) {
        brink_solve_opts_t o = {.method = BRINK_METHOD_SPE, .subgame_method = methods[k]};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        const double want[] = {1, 0, 0.5, 0.5, 0.5, 0.5};
        assert_int_equal(brink_eqset_width(eq), 6);
        double tol = methods[k] == 1 + BRINK_METHOD_LOGIT ? 1e-6 : 0;
        for (size_t j = 0; j < 6; j++)
            assert_true(fabs(brink_eqset_value(eq, 0, j) - want[j]) <= tol);
        brink_eqset_free(ctx, eq);
    }
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

/* regret of a behaviour profile (Gambit order) through the realization-
 * equivalent mixed profile over reduced strategies: P(s) = product of the
 * behaviour probabilities at the information sets s decides */
static double behaviour_regret(brink_ctx_t *ctx, brink_game_t *g, const double *beh)
{
    const brink_game_t *r = NULL;
    assert_int_equal(brink_game_reduced(ctx, g, &r), BRINK_OK);
    size_t w = 0, bo = 0;
    int np = brink_game_num_players(g);
    for (int p = 0; p < np; p++)
        w += (size_t)brink_game_num_strategies(r, p);
    double *prof = calloc(w, sizeof *prof);
    size_t o = 0;
    for (int p = 0; p < np; p++) {
        int ninf = brink_game_num_infosets(g, p);
        for (int s = 0; s < brink_game_num_strategies(r, p); s++) {
            const char *lab = brink_game_strategy_name(r, p, s);
            double pr = 1;
            size_t ao = bo;
            for (int k = 0; k < ninf; k++) {
                if (lab[k] != '*')
                    pr *= beh[ao + (size_t)(lab[k] - '1')];
                ao += (size_t)brink_game_num_actions(g, p, k);
            }
            prof[o++] = pr;
        }
        for (int k = 0; k < ninf; k++)
            bo += (size_t)brink_game_num_actions(g, p, k);
    }
    double reg = -1;
    assert_int_equal(brink_game_regret(ctx, g, prof, w, &reg), BRINK_OK);
    free(prof);
    return reg;
}

/* the sequence-form equilibrium of the generated crisis games is an
 * equilibrium (regret 0 in the reduced strategic form) */
static void test_seqlcp_regret(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *files[] = {"brinkmanship_2.efg", "brinkmanship_5.efg", "brinkmanship_10.efg",
                           "bug_sharedchance_brinkmanship_2.efg", "centipede_10.efg",
                           "repeated_pd_2.efg", "pitree_d6_s12345.efg"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/games-bench/%s", BRINK_TEST_DIR, files[i]);
        brink_game_t *g = NULL;
        assert_int_equal(brink_game_read_file(ctx, path, &g, NULL), BRINK_OK);
        brink_solve_opts_t o = {.method = BRINK_METHOD_LCP};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        size_t w = brink_eqset_width(eq);
        double *beh = malloc(w * sizeof *beh);
        for (size_t j = 0; j < w; j++)
            beh[j] = brink_eqset_value(eq, 0, j);
        double r = behaviour_regret(ctx, g, beh), r2 = -1;
        if (!(r < 1e-9))
            fail_msg("%s: sequence-form equilibrium has regret %g", files[i], r);
        assert_int_equal(brink_game_regret_behavior(ctx, g, beh, w, &r2), BRINK_OK);
        assert_true(fabs(r - r2) < 1e-12);
        /* a perturbed profile is not an equilibrium of these games */
        if (i == 2) {
            for (size_t j = 0; j + 1 < w; j += 2) {
                double t0 = beh[j];
                beh[j] = beh[j + 1];
                beh[j + 1] = t0;
            }
            assert_int_equal(brink_game_regret_behavior(ctx, g, beh, w, &r2), BRINK_OK);
            assert_true(r2 > 1e-6);
        }
        free(beh);
        brink_eqset_free(ctx, eq);
        brink_game_free(ctx, g);
    }
    brink_ctx_free(ctx);
}

/* the regret of a behaviour profile computed on the tree (perfect recall)
 * equals the regret of the realization-equivalent mixed profile of the
 * reduced strategic form, for arbitrary (not equilibrium) profiles of every
 * shipped tree whose reduced form is small */
static void test_regret_tree(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    DIR *d = opendir(BRINK_TEST_DIR "/games");
    assert_non_null(d);
    struct dirent *e;
    size_t compared = 0;
    uint64_t x = 88172645463325252ULL;
    while ((e = readdir(d)) != NULL) {
        const char *nm = e->d_name;
        size_t l = strlen(nm);
        if (l < 5 || strcmp(nm + l - 4, "_efg"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/games/%s/%.*s.efg", BRINK_TEST_DIR, nm, (int)(l - 4), nm);
        brink_game_t *g = NULL;
        assert_int_equal(brink_game_read_file(ctx, path, &g, NULL), BRINK_OK);
        const brink_game_t *r = NULL;
        if (brink_game_reduced(ctx, g, &r) != BRINK_OK) {
            brink_game_free(ctx, g);
            continue;
        }
        size_t w = 0;
        int np = brink_game_num_players(g);
        for (int p = 0; p < np; p++)
            for (int k = 0; k < brink_game_num_infosets(g, p); k++)
                w += (size_t)brink_game_num_actions(g, p, k);
        double *beh = malloc((w ? w : 1) * sizeof *beh);
        for (int rep = 0; rep < 3; rep++) {
            size_t o = 0;
            for (int p = 0; p < np; p++)
                for (int k = 0; k < brink_game_num_infosets(g, p); k++) {
                    int na = brink_game_num_actions(g, p, k);
                    double sum = 0;
                    for (int a = 0; a < na; a++) {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        /* some exact zeros, so that parts of the tree go unreached */
                        beh[o + (size_t)a] = (x % 4 == 0 && rep > 0) ? 0 : (double)(x % 1000) + 1;
                        sum += beh[o + (size_t)a];
                    }
                    for (int a = 0; a < na; a++)
                        beh[o + (size_t)a] /= sum;
                    o += (size_t)na;
                }
            double want = behaviour_regret(ctx, g, beh), got = -1;
            assert_int_equal(brink_game_regret_behavior(ctx, g, beh, w, &got), BRINK_OK);
            if (fabs(got - want) > 1e-9 * (1 + fabs(want)))
                fail_msg("%s: tree regret %.17g, reduced-form regret %.17g", path, got, want);
            compared++;
        }
        free(beh);
        brink_game_free(ctx, g);
    }
    closedir(d);
    assert_true(compared > 150);
    brink_ctx_free(ctx);
}

/* the sequence-form lp on every two-player tree of dir (tests/games or
 * tests/games-lp): a behaviour profile (every information set sums to 1)
 * with regret below 1e-9 where the game is constant-sum,
 * BRINK_EUNSUPPORTED where it is not.  Counts both. */
static void seqlp_dir(brink_ctx_t *ctx, const char *dir, size_t *solved, size_t *refused)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *nm = e->d_name;
        size_t l = strlen(nm);
        if (l < 5 || strcmp(nm + l - 4, "_efg"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/%.*s.efg", dir, nm, (int)(l - 4), nm);
        brink_game_t *g = NULL;
        assert_int_equal(brink_game_read_file(ctx, path, &g, NULL), BRINK_OK);
        brink_solve_opts_t o = {.method = BRINK_METHOD_LP};
        brink_eqset_t *eq = NULL;
        brink_status_t st = brink_game_solve(ctx, g, &o, &eq);
        if (st != BRINK_OK) {
            if (st != BRINK_EUNSUPPORTED)
                fail_msg("%s: lp status %d: %s", path, st, brink_ctx_errmsg(ctx));
            (*refused)++;
            brink_game_free(ctx, g);
            continue;
        }
        assert_int_equal(brink_game_num_players(g), 2);
        assert_int_equal(brink_eqset_count(eq), 1);
        size_t w = brink_eqset_width(eq), o2 = 0;
        double *beh = malloc(w * sizeof *beh);
        for (size_t j = 0; j < w; j++)
            beh[j] = brink_eqset_value(eq, 0, j);
        for (int p = 0; p < 2; p++)
            for (int k = 0; k < brink_game_num_infosets(g, p); k++) {
                double sum = 0;
                for (int a = 0; a < brink_game_num_actions(g, p, k); a++)
                    sum += beh[o2++];
                if (fabs(sum - 1) > 1e-12)
                    fail_msg("%s: information set %d of player %d sums to %g", path, k + 1,
                             p + 1, sum);
            }
        assert_int_equal(o2, w);
        double r = -1;
        assert_int_equal(brink_game_regret_behavior(ctx, g, beh, w, &r), BRINK_OK);
        if (!(r < 1e-9))
            fail_msg("%s: sequence-form lp equilibrium has regret %g", path, r);
        free(beh);
        brink_eqset_free(ctx, eq);
        brink_game_free(ctx, g);
        (*solved)++;
    }
    closedir(d);
}

/* Among the trees: e10a and nim (nim with five stones, which player 2 wins)
 * and eight generated ones (tests/games-lp/lp-differences.txt), where
 * player 1's dual plan has slack and Gambit's conversion prints a non-profile
 * (0,0 at the root of nim); brink's completion must be an equilibrium. */
static void test_seqlp(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    size_t solved = 0, refused = 0;
    seqlp_dir(ctx, BRINK_TEST_DIR "/games", &solved, &refused);
    /* 2smp, centcs6, centcs10, e07, ttt (Gambit's lp.out) and 4cards, caro2,
     * e10, e10a, nim, nim7 (which Gambit 17 does not read: repeated node labels) */
    assert_int_equal(solved, 11);
    assert_true(refused > 50);
    solved = refused = 0;
    seqlp_dir(ctx, BRINK_TEST_DIR "/games-lp", &solved, &refused);
    assert_int_equal(solved, 54);
    assert_int_equal(refused, 0);
    brink_ctx_free(ctx);
}

/* lp's preconditions: perfect recall for the sequence form (the reduced
 * strategic form is still a matrix game), constant sum along every play,
 * two players */
static void test_lp_refusals(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    static const char *forgetful = /* player 1 forgets its first move */
        "EFG 2 R \"f\" { \"1\" \"2\" }\n\"\"\n"
        "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
        "p \"\" 1 2 \"\" { \"l\" \"r\" } 0\n"
        "t \"\" 1 \"\" { 1, -1 }\n"
        "t \"\" 2 \"\" { -1, 1 }\n"
        "p \"\" 1 2 0\n"
        "t \"\" 2 \"\" { -1, 1 }\n"
        "t \"\" 1 \"\" { 1, -1 }\n";
    static const char *chance_sum = /* constant sum in expectation only */
        "EFG 2 R \"c\" { \"1\" \"2\" }\n\"\"\n"
        "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
        "c \"\" 1 \"\" { \"h\" 1/2 \"t\" 1/2 } 0\n"
        "t \"\" 1 \"\" { 2, 0 }\n"
        "t \"\" 2 \"\" { 0, 0 }\n"
        "t \"\" 3 \"\" { 1, 0 }\n";
    static const char *three = "NFG 1 R \"3\" { \"a\" \"b\" \"c\" } { 1 1 1 }\n\"\"\n0 0 0\n";
    struct {
        const char *text;
        int strategic;
        brink_status_t want;
        const char *msg;
    } cases[] = {
        {forgetful, 0, BRINK_EUNSUPPORTED, "perfect recall"},
        {forgetful, 1, BRINK_OK, NULL},
        {chance_sum, 0, BRINK_EUNSUPPORTED, "at every terminal node"},
        {chance_sum, 1, BRINK_EUNSUPPORTED, "at every terminal node"},
        {three, 0, BRINK_EUNSUPPORTED, "two-player"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        brink_game_t *g = NULL;
        assert_int_equal(
            brink_game_read_string(ctx, cases[i].text, strlen(cases[i].text), "t", &g, NULL),
            BRINK_OK);
        brink_solve_opts_t o = {.method = BRINK_METHOD_LP, .strategic = cases[i].strategic};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), cases[i].want);
        if (cases[i].msg && !strstr(brink_ctx_errmsg(ctx), cases[i].msg))
            fail_msg("case %zu: message '%s'", i, brink_ctx_errmsg(ctx));
        if (cases[i].want == BRINK_OK) {
            /* the forgetful tree's reduced form is matching pennies in the
             * second move: (1/2, 1/2) for player 1's strategies ... */
            assert_int_equal(brink_eqset_count(eq), 1);
            double r = -1, p[8];
            size_t w = brink_eqset_width(eq);
            assert_true(w <= 8);
            for (size_t j = 0; j < w; j++)
                p[j] = brink_eqset_value(eq, 0, j);
            assert_int_equal(brink_game_regret(ctx, g, p, w, &r), BRINK_OK);
            assert_true(r < 1e-9);
        }
        brink_eqset_free(ctx, eq);
        brink_game_free(ctx, g);
    }
    brink_ctx_free(ctx);
}

/* 2x2x2: Gambit's logit stalls at a bifurcation and reports a point that
 * is not an equilibrium (0.574046, 0.425954 for player 3); brink's trace
 * goes on and ends at an equilibrium, in the strategic and agent forms */
static void test_logit_2x2x2(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *files[] = {BRINK_TEST_DIR "/games/2x2x2_nfg/2x2x2.nfg",
                           BRINK_TEST_DIR "/games/2x2x2_efg/2x2x2.efg"};
    for (size_t i = 0; i < 2; i++) {
        brink_game_t *g = NULL;
        assert_int_equal(brink_game_read_file(ctx, files[i], &g, NULL), BRINK_OK);
        brink_solve_opts_t o = {.method = BRINK_METHOD_LOGIT};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        size_t w = brink_eqset_width(eq);
        assert_int_equal(w, 6);
        double p[6], r = 1;
        for (size_t j = 0; j < w; j++)
            p[j] = brink_eqset_value(eq, 0, j);
        if (i == 0)
            assert_int_equal(brink_game_regret(ctx, g, p, w, &r), BRINK_OK);
        else
            assert_int_equal(brink_game_regret_behavior(ctx, g, p, w, &r), BRINK_OK);
        assert_true(r < 1e-6);
        assert_true(fabs(p[4] - 0.574046) > 0.1); /* not Gambit's stalled point */
        brink_eqset_free(ctx, eq);
        brink_game_free(ctx, g);
    }
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_all),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_string_bytes),
        cmocka_unit_test(test_deep_and_shared_chance),
        cmocka_unit_test(test_regret),
        cmocka_unit_test(test_logit_lambda),
        cmocka_unit_test(test_spe_subgames),
        cmocka_unit_test(test_seqlcp_regret),
        cmocka_unit_test(test_regret_tree),
        cmocka_unit_test(test_seqlp),
        cmocka_unit_test(test_lp_refusals),
        cmocka_unit_test(test_logit_2x2x2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
