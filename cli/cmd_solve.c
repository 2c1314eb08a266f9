/* cmd_solve.c - `brink solve GAME`: Nash equilibria of a Gambit game file. */
#include <stdlib.h>
#include <string.h>

#include "brink/game.h"
#include "cli.h"
#include "commands.h"
#include "opts.h"

const char cmd_solve_usage[] =
    "usage: brink solve GAME [--method enumpure|enummixed|lcp|lp|logit|spe|liap|gnm|enumpoly]\n"
    "                        [--strategic] [--format gambit|json] [--decimals D]\n"
    "                        [--lambda L] [--branch] [--fit FILE] [--max N]\n"
    "                        [--subgame-method M] [--tableau dense|sparse]\n"
    "                        [--starts N] [--seed S]\n\n"
    "Computes Nash equilibria of the game in GAME (a Gambit .nfg or .efg file;\n"
    "'-' reads it from standard input).  Gambit's short flags work too:\n"
    "-d D (--decimals), -S (--strategic), -e N (--max), -q (accepted, no effect).\n"
    "  --method M    enumpure (default): all pure equilibria (N players; on an .efg\n"
    "                the reduced strategic form); enummixed: all extreme equilibria\n"
    "                of a two-player game, exact; spe: subgame-perfect equilibrium by\n"
    "                backward induction (perfect-information trees); lcp: Lemke-Howson\n"
    "                from every label (two players); lp: constant-sum games; logit: the\n"
    "                end point of the logit QRE branch, traced as Gambit's logit\n"
    "                does (or the point at --lambda L); an end point is printed\n"
    "                only if it is an equilibrium.\n"
    "                N players: liap (Lyapunov minimisation), gnm (global Newton\n"
    "                homotopy): equilibria in floating point, each refined by\n"
    "                Newton's method and printed only if its regret is below\n"
    "                1e-9 x the payoff range; enumpoly: every isolated equilibrium by\n"
    "                support enumeration, exact when each one is rational.\n"
    "                On a two-player .efg, lcp and lp solve the sequence form (one\n"
    "                equilibrium, as behaviour) and logit the agent QRE.\n"
    "  --strategic   on an .efg, solve the reduced strategic form\n"
    "  --format F    gambit (default): one line 'NE,p1,p2,...' per equilibrium, in\n"
    "                Gambit's strategy order, exact rationals as p/q; json: a JSON\n"
    "                object with the method and the list of profiles\n"
    "  --decimals D  print probabilities with D decimals\n"
    "  --max N       stop after N equilibria\n"
    "  --starts N, -n N  liap: random starting points after the centroid; gnm:\n"
    "                random perturbations after the first (default 0)\n"
    "  --seed S      liap, gnm: seed of the random starts (default 0)\n"
    "  -d D          as --decimals D (Gambit's option)\n"
    "  --lambda L    logit: the point of the branch at lambda = L\n"
    "  --branch      logit: print every traced point as 'lambda,p1,p2,...'\n"
    "  --fit FILE    logit: the point of the branch that maximises the likelihood of\n"
    "                the observed counts in FILE (one number per strategy, in order;\n"
    "                on an .efg one per action, in the order of a behaviour profile)\n"
    "  --subgame-method M  spe: solve every subgame's reduced strategic form with M\n"
    "                (enumpure, enummixed, lcp, lp, logit; default: backward induction\n"
    "                on perfect information, else lcp for two players, enumpure\n"
    "                for more)\n\n"
    "Exit status: 0 solved (possibly no equilibrium), 1 the method does not apply,\n"
    "2 usage error or a malformed game file (FILE:LINE:COL: error: ...).\n";

static int parse_method(const char *s, brink_method_t *m)
{
    static const struct {
        const char *name;
        brink_method_t m;
    } tab[] = {{"enumpure", BRINK_METHOD_ENUMPURE}, {"enummixed", BRINK_METHOD_ENUMMIXED},
               {"lcp", BRINK_METHOD_LCP},           {"lp", BRINK_METHOD_LP},
               {"logit", BRINK_METHOD_LOGIT},       {"spe", BRINK_METHOD_SPE},
               {"liap", BRINK_METHOD_LIAP},         {"gnm", BRINK_METHOD_GNM},
               {"enumpoly", BRINK_METHOD_ENUMPOLY}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcmp(s, tab[i].name) == 0) {
            *m = tab[i].m;
            return 0;
        }
    return -1;
}

/* Parses the options (with Gambit's short flags: -d DECIMALS, -S, -q, -e N,
 * -n STARTS). */
static int parse_args(int argc, char **argv, const char **path, const char **method,
                      const char **format, const char **fit, int *decimals,
                      brink_solve_opts_t *opts)
{
    enum { O_METHOD, O_STRATEGIC, O_FORMAT, O_DECIMALS, O_LAMBDA, O_MAX, O_BRANCH, O_FIT,
           O_SUBGAME, O_TABLEAU, O_QUIET, O_STARTS, O_SEED };
    static const cli_opt_t table[] = {
        {"--method", 0, 1, O_METHOD},   {"--strategic", 'S', 0, O_STRATEGIC},
        {"--format", 0, 1, O_FORMAT},   {"--decimals", 'd', 1, O_DECIMALS},
        {"--lambda", 0, 1, O_LAMBDA},   {"--max", 'e', 1, O_MAX},
        {"--branch", 0, 0, O_BRANCH},   {"--fit", 0, 1, O_FIT},
        {"--subgame-method", 0, 1, O_SUBGAME}, {"--tableau", 0, 1, O_TABLEAU},
        {"--quiet", 'q', 0, O_QUIET},   {"--starts", 'n', 1, O_STARTS},
        {"--seed", 0, 1, O_SEED},       {NULL, 0, 0, 0}};
    const char *v;
    uint64_t n;
    int id, rc;
    cli_opts_t p;
    cli_opts_init(&p, "solve", argc, argv, table);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (*path)
                return cli_usage_error("solve: expected one game file, got '%s' too", v);
            *path = v;
            break;
        case O_METHOD:
        case O_FORMAT:
        case O_FIT:
            *(id == O_METHOD ? method : id == O_FORMAT ? format : fit) = v;
            break;
        case O_STRATEGIC:
            opts->strategic = 1;
            break;
        case O_BRANCH:
            opts->branch = 1;
            break;
        case O_QUIET: /* Gambit's -q: brink prints no banner anyway */
            break;
        case O_SUBGAME: {
            brink_method_t sm;
            if (parse_method(v, &sm) != 0)
                return cli_usage_error("solve: unknown subgame method '%s'", v);
            opts->subgame_method = (int)sm + 1;
            break;
        }
        case O_TABLEAU:
            if (strcmp(v, "dense") == 0)
                opts->tableau = BRINK_TABLEAU_DENSE;
            else if (strcmp(v, "sparse") == 0)
                opts->tableau = BRINK_TABLEAU_SPARSE;
            else
                return cli_usage_error("solve: --tableau expects dense or sparse, got '%s'", v);
            break;
        case O_DECIMALS:
            if (cli_parse_u64(v, &n) != 0 || n > 30)
                return cli_usage_error("solve: --decimals expects 0..30, got '%s'", v);
            *decimals = (int)n;
            break;
        case O_LAMBDA:
            if (cli_parse_double(v, &opts->lambda) != 0)
                return cli_usage_error("solve: --lambda expects a number, got '%s'", v);
            break;
        case O_MAX:
            if ((rc = cli_opt_u64("solve", "--max", v, 0, UINT32_MAX, &n)) != EXIT_OK)
                return rc;
            opts->max_eq = (size_t)n;
            break;
        case O_STARTS:
            if ((rc = cli_opt_u64("solve", "--starts", v, 0, 1000000, &n)) != EXIT_OK)
                return rc;
            opts->starts = (size_t)n;
            break;
        case O_SEED:
            if (cli_parse_u64(v, &n) != 0)
                return cli_usage_error("solve: --seed expects a whole number, got '%s'", v);
            opts->seed = n;
            break;
        }
    }
    return EXIT_OK;
}

int cmd_solve(int argc, char **argv)
{
    const char *fit = NULL;
    double *observed = NULL;
    const char *path = NULL, *method = "enumpure", *format = "gambit";
    brink_solve_opts_t opts;
    memset(&opts, 0, sizeof opts);
    int decimals = -1;
    int prc = parse_args(argc, argv, &path, &method, &format, &fit, &decimals, &opts);
    if (prc != EXIT_OK)
        return prc;
    if (!path)
        return cli_usage_error("solve: expected a game file (see 'brink help solve')");
    if (parse_method(method, &opts.method) != 0)
        return cli_usage_error("solve: unknown method '%s' (enumpure, enummixed, lcp, lp, logit, "
                               "spe, liap, gnm, enumpoly)",
                               method);
    int json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "gambit") != 0)
        return cli_usage_error("solve: unknown format '%s' (gambit or json)", format);

    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_game_t *g = NULL;
    brink_eqset_t *eq = NULL;
    int rc = EXIT_OK;
    brink_status_t st;
    if (strcmp(path, "-") == 0) { /* solve - < game.nfg */
        size_t len = 0;
        char *text = cli_read_stream(stdin, &len);
        if (!text) {
            rc = cli_fail("solve: cannot read the game from standard input");
            goto done;
        }
        st = brink_game_read_string(ctx, text, len, "<stdin>", &g, NULL);
        free(text);
    } else {
        st = brink_game_read_file(ctx, path, &g, NULL);
    }
    if (st != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE; /* out of memory is a failure */
        goto done;
    }
    if (fit) {
        size_t cnt = 0, bad = 0;
        int frc = cli_read_counts(fit, &observed, &cnt, &bad);
        if (frc != 0) {
            rc = frc == -1   ? cli_usage_error("solve: cannot open %s", fit)
                 : frc == -2 ? cli_usage_error("solve: %s: value %zu is not a non-negative "
                                               "number", fit, bad)
                             : cli_fail("out of memory");
            goto done;
        }
        opts.observed = observed;
        opts.observed_len = cnt;
    }
    st = brink_game_solve(ctx, g, &opts, &eq);
    if (st == BRINK_EINVAL && fit) {
        /* the counts do not fit the game: an input error */
        rc = cli_usage_error("solve: %s: %s", fit, brink_ctx_errmsg(ctx));
        goto done;
    }
    if (st != BRINK_OK) {
        rc = cli_fail("solve: %s", brink_ctx_errmsg(ctx));
        goto done;
    }
    if (brink_eqset_note(eq)[0])
        fprintf(stderr, "brink: solve: %s\n", brink_eqset_note(eq));
    if (json) {
        char *text = brink_eqset_to_json(ctx, g, eq, method, decimals, opts.max_eq);
        if (!text) {
            rc = cli_fail("solve: out of memory");
            goto done;
        }
        puts(text);
        brink_free(ctx, text);
    } else if (brink_eqset_write_gambit(eq, decimals, opts.max_eq, stdout) != BRINK_OK) {
        rc = cli_fail("solve: cannot write to stdout");
    }
done:
    free(observed);
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
    return rc;
}
