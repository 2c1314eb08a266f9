/* cmd_forecast.c - `brink forecast`: multi-actor bargaining forecasts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/forecast.h"
#include "cli.h"
#include "commands.h"
#include "forecasting.h"
#include "opts.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"forecast.json", "forecast.db",
                                          "forecast.db.tmp*", NULL};

const char cmd_forecast_usage[] =
    "usage: brink forecast INPUT [--model smp|bdm|compromise|median] [--seed N]\n"
    "                      [--runs N] [--threads N] [--out DIR] [--format text|json]\n"
    "                      [--OPTION VALUE ...]\n"
    "\n"
    "Forecasts where a multi-actor negotiation settles.  INPUT is KTAB's SMP CSV\n"
    "(name,desc,actors,dims / header / actor,desc,capability,pos1,sal1,...),\n"
    "KTAB's XML (.xml: its ModelParameters and prngSeed apply unless overridden)\n"
    "or the YAML form (.yaml, .yml, .json); see docs/forecast.md.\n"
    "\n"
    "Models:\n"
    "  smp         KTAB's Spatial Model of Politics (default); prints KTAB's history\n"
    "              of positions and winning probabilities and the forecast.\n"
    "  bdm         Bueno de Mesquita's expected-utility model (Scholz et al. 2011),\n"
    "              one dimension (--dim K, default 1); --rounds N (default 10).\n"
    "  compromise  capability x salience weighted mean and weighted Nash solution.\n"
    "  median      weighted median and pairwise (Condorcet) winner per dimension.\n"
    "\n"
    "SMP options, under KTAB's names (--NAME VALUE or --NAME=VALUE):\n"
    "  --VictoryProbModel Linear|Square|Quartic|Octic|Binary     (Linear)\n"
    "  --PCEModel Conditional|MarkovIncentive|MarkovUniform      (Conditional)\n"
    "  --StateTransitions Deterministic|Stochastic               (Deterministic)\n"
    "  --VotingRule Binary|PropBin|Prop|PropCbc|Cubic|ASymProsp  (Prop)\n"
    "  --BigRAdjust None|OneThird|Half|TwoThirds|Full            (OneThird)\n"
    "  --BigRRange Min|Mid|Max                                   (Mid)\n"
    "  --ThirdPartyCommit NoCommit|SemiCommit|FullCommit         (SemiCommit)\n"
    "  --InterVecBrgn S1P1|S2P2|S2PMax                           (S2P2)\n"
    "  --BargnModel InitOnlyInterp|InitRcvrInterp|PWCompInterp   (InitOnlyInterp)\n"
    "  --MinIter N --MaxIter N --MinDeltaRatio X --MinSigDelta X (stop rule: 2 100 0.02 1e-4)\n"
    "  --fix-ktab-bugs   use j's probability in InitRcvrInterp and j's capability in\n"
    "                    PWCompInterp (KTAB uses j's dEU and i's capability)\n"
    "\n"
    "Monte Carlo over input uncertainty (any of these, or --runs N > 1):\n"
    "  --runs N          replications (default 1 = no Monte Carlo)\n"
    "  --pos-sd X        sd of position noise, 0-100 scale (default 0)\n"
    "  --sal-sd X        sd of salience noise, 0-100 scale (default 0)\n"
    "  --cap-cv X        log-normal coefficient of variation of capability (default 0)\n"
    "  --dropout P       probability that each actor drops out of a run (default 0)\n"
    "\n"
    "Common options:\n"
    "  --seed N          seed of the random streams (default KTAB's 15455440707583219804)\n"
    "  --threads N       worker threads (default: all); never changes results\n"
    "  --out DIR         write DIR/forecast.db (SQLite, KTAB's tables) and\n"
    "                    DIR/forecast.json, atomically\n"
    "  --log-challenges  fill UtilChlg/ProbVict also above 150 actors (O(T N^2) rows)\n"
    "  --format F        text (default) or json on standard output\n"
    "  --verbose, -v     SMP: before the history, each turn's risk attitudes,\n"
    "                    challenges and bargains (* marks the bargain chosen)\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error (located as\n"
    "FILE:LINE:COL: error: MESSAGE).\n";


/* KTAB's option names: ids SMP_BASE + k */
enum { SMP_BASE = 100 };
static const char *const smp_names[] = {
    "--VictoryProbModel", "--PCEModel", "--StateTransitions", "--VotingRule", "--BigRAdjust",
    "--BigRRange", "--ThirdPartyCommit", "--InterVecBrgn", "--BargnModel", "--MinIter",
    "--MaxIter", "--MinDeltaRatio", "--MinSigDelta", NULL};

static int num(const char *v, const char *name, double lo, double hi, int open_hi, double *out)
{
    if (cli_parse_double(v, out) != 0 || !(*out >= lo && (open_hi ? *out < hi : *out <= hi)))
        return cli_usage_error("forecast: invalid value '%s' for %s", v, name);
    return EXIT_OK;
}

static int parse(int argc, char **argv, brink_ctx_t *ctx, brink_smp_options_t *so, fc_args_t *a)
{
    enum { O_MODEL, O_SEED, O_RUNS, O_THREADS, O_OUT, O_FORMAT, O_ROUNDS, O_DIM, O_POS, O_SAL,
           O_CAP, O_DROP, O_FIX, O_VERBOSE, O_LOGCH };
    cli_opt_t table[32] = {
        {"--model", 0, 1, O_MODEL},   {"--seed", 0, 1, O_SEED},       {"--runs", 0, 1, O_RUNS},
        {"--threads", 0, 1, O_THREADS}, {"--out", 0, 1, O_OUT},       {"--format", 0, 1, O_FORMAT},
        {"--rounds", 0, 1, O_ROUNDS}, {"--dim", 0, 1, O_DIM},         {"--pos-sd", 0, 1, O_POS},
        {"--sal-sd", 0, 1, O_SAL},    {"--cap-cv", 0, 1, O_CAP},      {"--dropout", 0, 1, O_DROP},
        {"--fix-ktab-bugs", 0, 0, O_FIX}, {"--verbose", 'v', 0, O_VERBOSE},
        {"--log-challenges", 0, 0, O_LOGCH}};
    size_t nt = 15;
    for (size_t k = 0; smp_names[k]; k++)
        table[nt++] = (cli_opt_t){smp_names[k], 0, 1, SMP_BASE + (int)k};
    table[nt] = (cli_opt_t){NULL, 0, 0, 0};
    cli_opts_t p;
    const char *v;
    int id, rc = EXIT_OK;
    cli_opts_init(&p, "forecast", argc, argv, table);
    while (rc == EXIT_OK && (id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (a->input)
                return cli_usage_error("forecast: more than one INPUT ('%s' and '%s')", a->input,
                                       v);
            a->input = v;
            break;
        case O_MODEL:
            if (strcmp(v, "smp") && strcmp(v, "bdm") && strcmp(v, "compromise") &&
                strcmp(v, "median"))
                return cli_usage_error("forecast: unknown model '%s' (smp, bdm, compromise, "
                                       "median)", v);
            a->model = v;
            break;
        case O_OUT:
            a->out = v;
            break;
        case O_FORMAT:
            if (strcmp(v, "text") && strcmp(v, "json"))
                return cli_usage_error("forecast: --format must be text or json, not '%s'", v);
            a->format = v;
            break;
        case O_SEED:
            if ((rc = cli_opt_seed("forecast", v, &a->seed)) != EXIT_OK)
                return rc;
            a->have_seed = 1;
            break;
        case O_RUNS:
            rc = cli_opt_u64("forecast", "--runs", v, 1, 10000000, &a->runs);
            break;
        case O_THREADS:
            rc = cli_opt_threads("forecast", v, &a->threads);
            break;
        case O_ROUNDS:
            rc = cli_opt_u64("forecast", "--rounds", v, 1, 100000, &a->rounds);
            break;
        case O_DIM:
            rc = cli_opt_u64("forecast", "--dim", v, 1, UINT32_MAX, &a->dim);
            break;
        case O_POS:
            rc = num(v, "--pos-sd", 0, 100, 0, &a->pos_sd);
            break;
        case O_SAL:
            rc = num(v, "--sal-sd", 0, 100, 0, &a->sal_sd);
            break;
        case O_CAP:
            rc = num(v, "--cap-cv", 0, 10, 0, &a->cap_cv);
            break;
        case O_DROP:
            rc = num(v, "--dropout", 0, 1, 1, &a->dropout);
            break;
        case O_FIX:
            a->fix_ktab = 1;
            break;
        case O_VERBOSE:
            a->verbose = 1;
            break;
        case O_LOGCH:
            a->log_challenges = 1;
            break;
        default: /* one of KTAB's options: checked now, applied after the file's */
            if (brink_smp_option_set(ctx, so, smp_names[id - SMP_BASE] + 2, v) != BRINK_OK)
                return cli_usage_error("forecast: %s", brink_ctx_errmsg(ctx));
            if (a->nset < 32) {
                a->setn[a->nset] = smp_names[id - SMP_BASE] + 2;
                a->setv[a->nset++] = v;
            }
        }
    }
    if (rc == EXIT_OK && !a->input)
        rc = cli_usage_error("forecast: missing INPUT (see 'brink help forecast')");
    return rc;
}

int cmd_forecast(int argc, char **argv)
{
    fc_args_t a = {NULL, "smp", NULL, "text", 15455440707583219804ULL, 1, 0, 10, 1, 0, 0, 0, 0,
                   0, 0, 0, 0, 0, {NULL}, {NULL}};
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_smp_options_t so;
    brink_smp_options_default(&so);
    brink_bdm_options_t bo;
    brink_bdm_options_default(&bo);
    int rc = EXIT_OK;
    brink_outdir_t *od = NULL;
    brink_fc_scenario_t *s = NULL;
    brink_diags_t dg;
    brink_diags_init(&dg);
    if ((rc = parse(argc, argv, ctx, &so, &a)) != EXIT_OK)
        goto done;
    bo.rounds = (unsigned)a.rounds;
    bo.dim = (size_t)(a.dim - 1);
    brink_status_t st = brink_fc_read(ctx, a.input, &s, &dg);
    if (st != BRINK_OK) {
        rc = cli_print_diags(NULL, st, &dg);
        if (dg.count == 0)
            fprintf(stderr, "brink: %s\n", brink_ctx_errmsg(ctx));
        goto done;
    }
    /* options given by the file (KTAB XML), then the command line's */
    brink_smp_options_default(&so);
    brink_fc_scenario_apply_options(s, &so);
    for (size_t k = 0; k < a.nset; k++)
        brink_smp_option_set(ctx, &so, a.setn[k], a.setv[k]);
    if (a.have_seed)
        so.seed = a.seed;
    a.seed = so.seed;
    so.threads = (int)a.threads;
    so.fix_rcvr_prob = so.fix_pw_weight = a.fix_ktab;
    if (bo.dim >= brink_fc_scenario_dims(s)) {
        rc = cli_usage_error("forecast: --dim %llu but %s has %zu dimensions",
                             (unsigned long long)a.dim, a.input, brink_fc_scenario_dims(s));
        goto done;
    }
    int model = strcmp(a.model, "smp") == 0 ? 0 : strcmp(a.model, "bdm") == 0 ? 1
              : strcmp(a.model, "compromise") == 0 ? 2 : 3;
    if (model == 0 && (st = brink_smp_check(ctx, s, &dg)) != BRINK_OK) {
        rc = cli_print_diags(NULL, st, &dg);
        goto done;
    }
    if (a.out && cli_outdir_begin("forecast", a.out, own_files, &od) != 0) {
        rc = EXIT_FAIL;
        goto done;
    }
    rc = cli_fc_run(ctx, s, &a, &so, &bo, model, od ? brink_outdir_stage(od) : NULL);
done:
    if (od && rc == EXIT_OK && cli_outdir_commit("forecast", &od) != 0)
        rc = EXIT_FAIL;
    cli_outdir_abort(&od);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
    return rc;
}
