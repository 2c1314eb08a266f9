/* test_game_examples.c - the example crisis games of examples/games/ against
 * their analytic equilibria (../shared/reference/literature.md section 3 and
 * Fearon 1995): each analytic profile must have zero regret in brink's
 * reduced strategic form, and where the analysis says a profile stops being
 * an equilibrium, brink's regret must be positive.  The shipped files must
 * be the games these templates write for the default parameters. */
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

/* ---- helpers -------------------------------------------------------------- */

/* writes v as an exact fraction with a small denominator ("3/10"), so that
 * the chance probabilities of a template sum to exactly 1 */
static const char *frac(double v)
{
    static char bufs[8][32];
    static int next;
    char *b = bufs[next++ % 8];
    for (long den = 1; den <= 100000; den++) {
        double num = round(v * (double)den);
        if (fabs(num / (double)den - v) < 1e-12) {
            if (den == 1)
                snprintf(b, 32, "%.0f", num);
            else
                snprintf(b, 32, "%.0f/%ld", num, den);
            return b;
        }
    }
    snprintf(b, 32, "%.17g", v);
    return b;
}

static brink_game_t *parse(brink_ctx_t *ctx, const char *text)
{
    brink_game_t *g = NULL;
    if (brink_game_read_string(ctx, text, strlen(text), "example", &g, NULL) != BRINK_OK)
        fail_msg("%s", brink_ctx_errmsg(ctx));
    return g;
}

/* regret of a behaviour profile beh[player][infoset][action] (players' infosets
 * in order of first appearance), through the realization-equivalent mixed
 * profile over reduced strategies: P(s) = product of beh at s's decided sets */
static double regret_of(brink_ctx_t *ctx, brink_game_t *g, double beh[2][4][2])
{
    const brink_game_t *r = NULL;
    assert_int_equal(brink_game_reduced(ctx, g, &r), BRINK_OK);
    size_t w = (size_t)(brink_game_num_strategies(r, 0) + brink_game_num_strategies(r, 1));
    double *prof = calloc(w, sizeof *prof);
    size_t o = 0;
    for (int p = 0; p < 2; p++)
        for (int s = 0; s < brink_game_num_strategies(r, p); s++) {
            const char *lab = brink_game_strategy_name(r, p, s);
            double pr = 1;
            for (int k = 0; lab[k]; k++)
                if (lab[k] != '*')
                    pr *= beh[p][k][lab[k] - '1'];
            prof[o++] = pr;
        }
    double reg = -1;
    assert_int_equal(brink_game_regret(ctx, g, prof, w, &reg), BRINK_OK);
    free(prof);
    return reg;
}

static void check_file(brink_ctx_t *ctx, const char *name, const brink_game_t *want)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/games/%s", BRINK_SOURCE_DIR, name);
    brink_game_t *g = NULL;
    if (brink_game_read_file(ctx, path, &g, NULL) != BRINK_OK)
        fail_msg("%s", brink_ctx_errmsg(ctx));
    if (!brink_game_equal(g, want))
        fail_msg("%s is not the game of its template at the default parameters", name);
    brink_game_free(ctx, g);
}

/* ---- Unilateral Deterrence Game (Zagare & Kilgour 2000, ch. 5) ------------ */

static char *udg(double pch, double pdef)
{
    static char buf[4096];
    snprintf(buf, sizeof buf,
             "EFG 2 R \"Unilateral Deterrence Game\" { \"Challenger\" \"Defender\" }\n\"\"\n"
             "c \"\" 1 \"Challenger type\" { \"Hard\" %s \"Soft\" %s } 0\n"
             "c \"\" 2 \"Defender type\" { \"Hard\" %s \"Soft\" %s } 0\n"
             "p \"\" 1 1 \"Hard Ch\" { \"SQ\" \"Challenge\" } 0\n"
             "t \"\" 1 \"SQ\" { 1/2 1 }\n"
             "p \"\" 2 1 \"Hard Def\" { \"Concede\" \"Resist\" } 0\n"
             "t \"\" 2 \"CW\" { 1 3/10 }\n"
             "p \"\" 1 2 \"Hard Ch resisted\" { \"Back down\" \"Fight\" } 0\n"
             "t \"\" 3 \"DW\" { 0 4/5 }\n"
             "t \"\" 4 \"CF Hard-Hard\" { 1/4 1/2 }\n"
             "p \"\" 1 1 0\n"
             "t \"\" 1\n"
             "p \"\" 2 2 \"Soft Def\" { \"Concede\" \"Resist\" } 0\n"
             "t \"\" 2\n"
             "p \"\" 1 2 0\n"
             "t \"\" 3\n"
             "t \"\" 5 \"CF Hard-Soft\" { 1/4 0 }\n"
             "c \"\" 3 \"Defender type\" { \"Hard\" %s \"Soft\" %s } 0\n"
             "p \"\" 1 3 \"Soft Ch\" { \"SQ\" \"Challenge\" } 0\n"
             "t \"\" 1\n"
             "p \"\" 2 1 0\n"
             "t \"\" 2\n"
             "p \"\" 1 4 \"Soft Ch resisted\" { \"Back down\" \"Fight\" } 0\n"
             "t \"\" 3\n"
             "t \"\" 6 \"CF Soft-Hard\" { -1/4 1/2 }\n"
             "p \"\" 1 3 0\n"
             "t \"\" 1\n"
             "p \"\" 2 2 0\n"
             "t \"\" 2\n"
             "p \"\" 1 4 0\n"
             "t \"\" 3\n"
             "t \"\" 7 \"CF Soft-Soft\" { -1/4 0 }\n",
             frac(pch), frac(1 - pch), frac(pdef), frac(1 - pdef), frac(pdef), frac(1 - pdef));
    return buf;
}

/* Challenger infosets: 0 Hard, 1 Hard resisted, 2 Soft, 3 Soft resisted;
 * Defender: 0 Hard, 1 Soft.  Action 0 = SQ / Concede / Back down. */
static void udg_profile(double beh[2][4][2], double hard_ch, double soft_ch, double soft_def)
{
    memset(beh, 0, sizeof(double) * 16);
    beh[0][0][1] = hard_ch, beh[0][0][0] = 1 - hard_ch;
    beh[0][1][1] = 1;                      /* Hard Ch fights */
    beh[0][2][1] = soft_ch, beh[0][2][0] = 1 - soft_ch;
    beh[0][3][0] = 1;                      /* Soft Ch backs down */
    beh[1][0][1] = 1;                      /* Hard Def resists */
    beh[1][1][1] = soft_def, beh[1][1][0] = 1 - soft_def;
}

static void test_udg(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double beh[2][4][2];
    /* theta_Def = 0.625, theta_ChS = 0.5, theta_ChH = 2/3 */
    struct {
        double pdef, pch, hard, soft, sdef;
    } eq[] = {
        {0.8, 0.5, 0, 0, 0},          /* deterrence */
        {0.6, 0.5, 1, 0, 0},          /* separating */
        {0.3, 0.7, 1, 1, 0},          /* attack */
        {0.3, 0.4, 1, 0.4, 2.0 / 7},  /* bluff: x* = 0.4, y* = 2/7 */
    };
    for (size_t i = 0; i < 4; i++) {
        brink_game_t *g = parse(ctx, udg(eq[i].pch, eq[i].pdef));
        udg_profile(beh, eq[i].hard, eq[i].soft, eq[i].sdef);
        double r = regret_of(ctx, g, beh);
        if (!(r < 1e-12))
            fail_msg("UDG case %zu: analytic equilibrium has regret %g", i, r);
        brink_game_free(ctx, g);
    }
    /* deterrence fails below theta_ChH: at p_Def = 0.6 the Hard challenger gains */
    brink_game_t *g = parse(ctx, udg(0.5, 0.6));
    udg_profile(beh, 0, 0, 0);
    assert_true(regret_of(ctx, g, beh) > 1e-3);
    brink_game_free(ctx, g);
    /* the bluff mix only works at x*: a Soft challenger challenging for sure is not */
    g = parse(ctx, udg(0.4, 0.3));
    udg_profile(beh, 1, 1, 2.0 / 7);
    assert_true(regret_of(ctx, g, beh) > 1e-3);
    brink_game_free(ctx, g);
    g = parse(ctx, udg(0.4, 0.3));
    check_file(ctx, "unilateral_deterrence.efg", g);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

/* ---- Generalized Mutual Deterrence Game (Kilgour & Zagare 1991) ----------- */

static char *gmdg(double pa, double pb)
{
    static char buf[8192];
    /* A types (chance 1), then B types (chance 2 or 3); A: C or D; after C,
     * B: C (SQ) or D, then A: C (CD) or D (DD); after D, B: C (DC) or D (DD).
     * a_DC = 1, a_SQ = 3/5, a_CD = 1/5, a_DD Hard 3/10, Soft 0; B symmetric. */
    const char *sub[2][2] = {{"1 1 \"A Hard\"", "1 2 \"A Hard after B's D\""},
                             {"1 3 \"A Soft\"", "1 4 \"A Soft after B's D\""}};
    const char *dd[2][2] = {{"3/10 3/10", "3/10 0"}, {"0 3/10", "0 0"}};
    char *o = buf;
    o += sprintf(o, "EFG 2 R \"Generalized Mutual Deterrence Game\" { \"A\" \"B\" }\n\"\"\n"
                    "c \"\" 1 \"A type\" { \"Hard\" %s \"Soft\" %s } 0\n",
                 frac(pa), frac(1 - pa));
    int oc = 1;
    for (int ta = 0; ta < 2; ta++) {
        o += sprintf(o, "c \"\" %d \"B type\" { \"Hard\" %s \"Soft\" %s } 0\n", 2 + ta, frac(pb),
                     frac(1 - pb));
        for (int tb = 0; tb < 2; tb++) {
            o += sprintf(o, "p \"\" %s { \"C\" \"D\" } 0\n", sub[ta][0]);
            o += sprintf(o, "p \"\" 2 %d \"B %s after C\" { \"C\" \"D\" } 0\n", 1 + tb,
                         tb ? "Soft" : "Hard");
            o += sprintf(o, "t \"\" %d \"SQ\" { 3/5 3/5 }\n", oc++);
            o += sprintf(o, "p \"\" %s { \"C\" \"D\" } 0\n", sub[ta][1]);
            o += sprintf(o, "t \"\" %d \"CD\" { 1/5 1 }\n", oc++);
            o += sprintf(o, "t \"\" %d \"DD\" { %s }\n", oc++, dd[ta][tb]);
            o += sprintf(o, "p \"\" 2 %d \"B %s after D\" { \"C\" \"D\" } 0\n", 3 + tb,
                         tb ? "Soft" : "Hard");
            o += sprintf(o, "t \"\" %d \"DC\" { 1 1/5 }\n", oc++);
            o += sprintf(o, "t \"\" %d \"DD\" { %s }\n", oc++, dd[ta][tb]);
        }
    }
    return buf;
}

/* certain deterrence: nobody initiates; Hard types retaliate, Soft capitulate.
 * A infosets: 0 Hard, 1 Hard after B's D, 2 Soft, 3 Soft after; B: 0 Hard
 * after C, 1 Hard after D, 2 Soft after C, 3 Soft after D (first appearance) */
static void gmdg_profile(double beh[2][4][2])
{
    memset(beh, 0, sizeof(double) * 16);
    beh[0][0][0] = 1;
    beh[0][1][1] = 1;
    beh[0][2][0] = 1;
    beh[0][3][0] = 1;
    beh[1][0][0] = 1;
    beh[1][1][1] = 1;
    beh[1][2][0] = 1;
    beh[1][3][0] = 1;
}

static void test_gmdg(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double beh[2][4][2];
    gmdg_profile(beh);
    /* threshold (1 - 3/5)/(1 - 3/10) = 4/7 = 0.571 for both players */
    brink_game_t *g = parse(ctx, gmdg(0.6, 0.6));
    double r = regret_of(ctx, g, beh);
    if (!(r < 1e-12))
        fail_msg("GMDG: certain deterrence at p = 0.6 has regret %g", r);
    brink_game_free(ctx, g);
    g = parse(ctx, gmdg(0.6, 0.5)); /* p_B below 4/7: Hard A initiates */
    assert_true(regret_of(ctx, g, beh) > 1e-3);
    brink_game_free(ctx, g);
    g = parse(ctx, gmdg(0.5, 0.6)); /* p_A below 4/7: Hard B initiates */
    assert_true(regret_of(ctx, g, beh) > 1e-3);
    brink_game_free(ctx, g);
    g = parse(ctx, gmdg(0.6, 0.6));
    check_file(ctx, "mutual_deterrence.efg", g);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

/* ---- Brinkmanship (Schelling, Powell): a two-round risk-taking contest ----- */

static char *brink2(double r)
{
    static char buf[2048];
    /* w = 1 (prevail), s = 0 (quit), d = -4 (disaster): resolve rho = 1/5 */
    snprintf(buf, sizeof buf,
             "EFG 2 R \"Brinkmanship\" { \"Challenger\" \"Defender\" }\n\"\"\n"
             "p \"\" 1 1 \"Challenger round 1\" { \"Quit\" \"Escalate\" } 0\n"
             "t \"\" 1 \"Challenger quits\" { 0 1 }\n"
             "c \"\" 1 \"Risk 1\" { \"Disaster\" %s \"Safe\" %s } 0\n"
             "t \"\" 2 \"Disaster\" { -4 -4 }\n"
             "p \"\" 2 1 \"Defender round 2\" { \"Quit\" \"Escalate\" } 0\n"
             "t \"\" 3 \"Defender quits\" { 1 0 }\n"
             "t \"\" 4 \"War\" { -4 -4 }\n",
             frac(r), frac(1 - r));
    return buf;
}

static void test_brinkmanship(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    /* the Defender quits at the last step (0 > -4); the Challenger escalates
     * iff the risk r <= rho = (w - s)/(w - d) = 1/5 */
    const double rs[] = {0.05, 0.15, 0.25, 0.5};
    for (size_t i = 0; i < 4; i++) {
        brink_game_t *g = parse(ctx, brink2(rs[i]));
        brink_solve_opts_t o = {.method = BRINK_METHOD_SPE};
        brink_eqset_t *eq = NULL;
        assert_int_equal(brink_game_solve(ctx, g, &o, &eq), BRINK_OK);
        assert_int_equal(brink_eqset_count(eq), 1);
        int escalates = brink_eqset_value(eq, 0, 1) == 1.0;
        assert_int_equal(escalates, rs[i] <= 0.2);
        assert_true(brink_eqset_value(eq, 0, 2) == 1.0); /* Defender quits */
        brink_eqset_free(ctx, eq);
        brink_game_free(ctx, g);
    }
    brink_game_t *g = parse(ctx, brink2(0.1));
    check_file(ctx, "brinkmanship.efg", g);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

/* ---- Fearon (1995): bargaining with private information about costs ------- */

static char *fearon(double q)
{
    static char buf[4096];
    /* p = 1/2 (A's chance of winning), c_A = 1/10; B's cost is 1/20 (Low,
     * probability 1 - q) or 3/10 (High, probability q).  A demands x in
     * {11/20, 4/5}; B accepts (A gets x, B 1 - x) or fights (A gets p - c_A,
     * B 1 - p - c_B).  Type t accepts iff x <= p + c_t. */
    snprintf(buf, sizeof buf,
             "EFG 2 R \"Fearon crisis bargaining\" { \"A\" \"B\" }\n\"\"\n"
             "c \"\" 1 \"B's cost\" { \"High\" %s \"Low\" %s } 0\n"
             "p \"\" 1 1 \"A demands\" { \"11/20\" \"4/5\" } 0\n"
             "p \"\" 2 1 \"High B, 11/20\" { \"Accept\" \"Fight\" } 0\n"
             "t \"\" 1 \"A gets 11/20\" { 11/20 9/20 }\n"
             "t \"\" 2 \"War (High)\" { 2/5 1/5 }\n"
             "p \"\" 2 2 \"High B, 4/5\" { \"Accept\" \"Fight\" } 0\n"
             "t \"\" 3 \"A gets 4/5\" { 4/5 1/5 }\n"
             "t \"\" 2\n"
             "p \"\" 1 1 0\n"
             "p \"\" 2 3 \"Low B, 11/20\" { \"Accept\" \"Fight\" } 0\n"
             "t \"\" 1\n"
             "t \"\" 4 \"War (Low)\" { 2/5 9/20 }\n"
             "p \"\" 2 4 \"Low B, 4/5\" { \"Accept\" \"Fight\" } 0\n"
             "t \"\" 3\n"
             "t \"\" 4\n",
             frac(q), frac(1 - q));
    return buf;
}

static void test_fearon(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    /* B's sequentially rational replies: High accepts both demands (4/5 <=
     * 1/2 + 3/10), Low accepts 11/20 only (11/20 <= 1/2 + 1/20 < 4/5).
     * A's risk-return trade-off: the risky demand 4/5 pays q 4/5 + (1 - q) 2/5
     * against 11/20 for sure, so A demands 4/5 iff q >= 3/8. */
    const double qs[] = {0.2, 0.3, 0.45, 0.7};
    for (size_t i = 0; i < 4; i++) {
        int risky = qs[i] >= 3.0 / 8;
        double beh[2][4][2];
        memset(beh, 0, sizeof beh);
        beh[0][0][risky] = 1;
        beh[1][0][0] = 1; /* High, 11/20: accept */
        beh[1][1][0] = 1; /* High, 4/5: accept */
        beh[1][2][0] = 1; /* Low, 11/20: accept */
        beh[1][3][1] = 1; /* Low, 4/5: fight */
        brink_game_t *g = parse(ctx, fearon(qs[i]));
        double r = regret_of(ctx, g, beh);
        if (!(r < 1e-12))
            fail_msg("Fearon q=%g: analytic equilibrium has regret %g", qs[i], r);
        /* the other demand is not a best reply */
        beh[0][0][risky] = 0;
        beh[0][0][!risky] = 1;
        assert_true(regret_of(ctx, g, beh) > 1e-3);
        brink_game_free(ctx, g);
    }
    brink_game_t *g = parse(ctx, fearon(0.45));
    check_file(ctx, "fearon_bargaining.efg", g);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_udg),
        cmocka_unit_test(test_gmdg),
        cmocka_unit_test(test_brinkmanship),
        cmocka_unit_test(test_fearon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
