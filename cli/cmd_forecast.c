/* cmd_forecast.c - `brink forecast`: multi-actor bargaining forecasts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/forecast.h"
#include "cli.h"
#include "commands.h"
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

static const char *const known_opts[] = {
    "--model", "--seed", "--runs", "--threads", "--out", "--format", "--rounds", "--dim",
    "--pos-sd", "--sal-sd", "--cap-cv", "--dropout", "--fix-ktab-bugs", "--verbose", "--log-challenges", "--VictoryProbModel",
    "--PCEModel", "--StateTransitions", "--VotingRule", "--BigRAdjust", "--BigRRange",
    "--ThirdPartyCommit", "--InterVecBrgn", "--BargnModel", "--MinIter", "--MaxIter",
    "--MinDeltaRatio", "--MinSigDelta", NULL};

static void print_diags(const brink_diags_t *dg)
{
    for (size_t k = 0; k < dg->count; k++) {
        char buf[1200];
        brink_diag_format(&dg->items[k], buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
    }
}

static int write_text_file(const char *dir, const char *name, const char *text)
{
    size_t l = strlen(dir) + strlen(name) + 2;
    char *p = malloc(l);
    if (!p)
        return -1;
    snprintf(p, l, "%s/%s", dir, name);
    cli_atomic_t a;
    int rc = cli_atomic_open(&a, p);
    free(p);
    if (rc != 0)
        return -1;
    fputs(text, a.fp);
    return cli_atomic_commit(&a);
}

static void print_turns(const brink_fc_scenario_t *s, const brink_fc_history_t *h)
{
    size_t T = brink_fc_history_states(h), n = brink_fc_scenario_actors(s),
           D = brink_fc_scenario_dims(s), nb = brink_fc_history_bargains(h), k = 0;
    for (size_t t = 0; t < T; t++) {
        printf("Turn %zu\n  risk attitudes R:", t);
        for (size_t i = 0; i < n; i++)
            printf(" %+.3f", brink_fc_history_risk(h, t, i));
        printf("\n");
        for (size_t i = 0; t + 1 < T && i < n; i++) {
            double deu, p;
            int j = brink_fc_history_target(h, t, i, &deu, &p);
            if (j < 0)
                printf("  %s has no advantageous target\n", brink_fc_actor_name(s, i));
            else
                printf("  %s challenges %s: expected gain %+.4f, P(win) %.4f\n",
                       brink_fc_actor_name(s, i), brink_fc_actor_name(s, (size_t)j), deu, p);
        }
        for (; k < nb; k++) {
            brink_fc_bargain_t b;
            brink_fc_history_bargain(h, k, &b);
            if ((size_t)b.turn != t)
                break;
            if (b.init == b.rcvr)
                continue;
            printf("  bargain %llu [%s:%s] (", (unsigned long long)b.id,
                   brink_fc_actor_name(s, (size_t)b.init), brink_fc_actor_name(s, (size_t)b.rcvr));
            for (size_t d = 0; d < D; d++)
                printf("%s%.3f", d ? ", " : "", b.pos_init[d] * 100.0);
            printf(") P in queues %.4f%s / %.4f%s\n", b.init_prob, b.init_selected ? "*" : "",
                   b.rcvr_prob, b.rcvr_selected ? "*" : "");
        }
    }
}

static void print_smp_text(const brink_fc_scenario_t *s, const brink_fc_history_t *h)
{
    size_t T = brink_fc_history_states(h), n = brink_fc_scenario_actors(s),
           D = brink_fc_scenario_dims(s);
    printf("Scenario: %s\n", brink_fc_scenario_name(s));
    printf("There were %zu states, with %zu steps between them\n", T, T - 1);
    printf("History of actor positions over time:\n");
    for (size_t i = 0; i < n; i++)
        for (size_t d = 0; d < D; d++) {
            printf("%s, %s:", brink_fc_actor_name(s, i), brink_fc_dim_name(s, d));
            for (size_t t = 0; t < T; t++)
                printf(" %5.1f", brink_fc_history_pos(h, t, i, d));
            printf("\n");
        }
    printf("History of actors' winning probabilities:\n");
    for (size_t i = 0; i < n; i++) {
        printf("%s, prob :", brink_fc_actor_name(s, i));
        for (size_t t = 0; t < T; t++)
            printf(" %.4f", brink_fc_history_prob(h, t, i));
        printf("\n");
    }
    printf("Fractional change compared to first step:");
    for (size_t t = 1; t < T; t++)
        printf(" %.4f", brink_fc_history_stop_ratio(h, t));
    printf("\n");
    size_t b = brink_fc_history_best_actor(h);
    printf("Forecast: most probable final position is %s's (", brink_fc_actor_name(s, b));
    for (size_t d = 0; d < D; d++)
        printf("%s%.1f", d ? ", " : "", brink_fc_history_pos(h, T - 1, b, d));
    printf(") with P = %.4f\n", brink_fc_history_prob(h, T - 1, b));
}

typedef struct fc_args {
    const char *input, *model, *out, *format;
    uint64_t seed, runs, threads, rounds, dim;
    double pos_sd, sal_sd, cap_cv, dropout;
    int have_seed, verbose, log_challenges;
    const char *stage; /* with --out: the staging directory the files go to */
} fc_args_t;

/* s as the inside of a JSON string (quotes, backslashes, controls escaped). */
static const char *jesc(char *buf, size_t n, const char *s)
{
    size_t k = 0;
    for (; *s && k + 7 < n; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            buf[k++] = '\\';
            buf[k++] = (char)c;
        } else if (c < 0x20) {
            k += (size_t)snprintf(buf + k, n - k, "\\u%04x", c);
        } else {
            buf[k++] = (char)c;
        }
    }
    buf[k] = '\0';
    return buf;
}

static int open_out(cli_atomic_t *af, const char *dir)
{
    size_t l = strlen(dir) + 16;
    char *p = malloc(l);
    if (!p)
        return -1;
    snprintf(p, l, "%s/forecast.json", dir);
    int rc = cli_atomic_open(af, p);
    free(p);
    return rc;
}

typedef void (*emit_fn)(FILE *out, int json, const void *data);

/* Prints a result on stdout (JSON or text per --format) and, with --out,
 * writes it as JSON to DIR/forecast.json atomically.  0 on success. */
static int emit(const fc_args_t *a, emit_fn fn, const void *data)
{
    fn(stdout, strcmp(a->format, "json") == 0, data);
    if (!a->out)
        return 0;
    cli_atomic_t af;
    if (open_out(&af, a->stage) != 0)
        return -1;
    fn(af.fp, 1, data);
    return cli_atomic_commit(&af);
}

typedef struct mc_view {
    const brink_fc_scenario_t *s;
    const fc_args_t *a;
    const brink_mc_result_t *r;
    int model;
} mc_view_t;

static void emit_mc(FILE *out, int json, const void *data)
{
    const mc_view_t *v = data;
    const brink_mc_result_t *r = v->r;
    char eb[1024];
    for (size_t d = 0; d < r->dims; d++) {
        const char *name = brink_fc_dim_name(v->s, v->model == 1 ? v->a->dim - 1 : d);
        if (json && d == 0)
            fprintf(out, "{\n \"model\": \"%s\",\n \"runs\": %u,\n \"seed\": \"%llu\",\n \"dimensions\": [\n",
                    v->a->model, r->runs, (unsigned long long)v->a->seed);
        if (!json && d == 0)
            fprintf(out, "Monte Carlo: %u runs of model %s, seed %llu\n%-24s %8s %8s %8s %8s %8s %8s %8s\n",
                    r->runs, v->a->model, (unsigned long long)v->a->seed, "dimension", "mean", "sd",
                    "q05", "q25", "median", "q75", "q95");
        if (json)
            fprintf(out, "  {\"name\": \"%s\", \"mean\": %.17g, \"sd\": %.17g, \"q05\": %.17g, "
                    "\"q25\": %.17g, \"q50\": %.17g, \"q75\": %.17g, \"q95\": %.17g}%s\n",
                    jesc(eb, sizeof eb, name), r->mean[d], r->sd[d], r->q05[d], r->q25[d], r->q50[d],
                    r->q75[d], r->q95[d], d + 1 < r->dims ? "," : "");
        else
            fprintf(out, "%-24.24s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n", name, r->mean[d],
                    r->sd[d], r->q05[d], r->q25[d], r->q50[d], r->q75[d], r->q95[d]);
    }
    if (json)
        fprintf(out, " ]\n}\n");
}

typedef struct bdm_view {
    const brink_fc_scenario_t *s;
    size_t dim;
    const brink_bdm_result_t *r;
} bdm_view_t;

static void emit_bdm(FILE *out, int json, const void *data)
{
    const bdm_view_t *v = data;
    const brink_bdm_result_t *r = v->r;
    const char *dim = brink_fc_dim_name(v->s, v->dim);
    if (json) {
        char eb[1024];
        fprintf(out, "{\n \"model\": \"bdm\",\n \"dimension\": \"%s\",\n \"rounds\": [\n",
                jesc(eb, sizeof eb, dim));
        for (size_t t = 0; t <= r->rounds; t++) {
            fprintf(out, "  {\"round\": %zu, \"mean\": %.17g, \"median\": %.17g, \"positions\": [",
                    t, r->mean[t], r->median[t]);
            for (size_t i = 0; i < r->n; i++)
                fprintf(out, "%s%.17g", i ? ", " : "", r->pos[t * r->n + i]);
            fprintf(out, "]}%s\n", t < r->rounds ? "," : "");
        }
        fprintf(out, " ],\n \"convergence\": {\"status\": \"%s\", \"settled_round\": %zu, "
                     "\"period\": %zu}\n}\n",
                r->convergence == BRINK_BDM_SETTLED ? "settled"
                : r->convergence == BRINK_BDM_CYCLE ? "cycle" : "unsettled",
                r->settled_round, r->period);
        return;
    }
    fprintf(out, "BDM expected-utility model (Scholz et al. 2011), dimension '%s'\n%-18s", dim,
            "Actor");
    for (size_t t = 0; t <= r->rounds; t++)
        fprintf(out, " %7s%zu", "R", t);
    fprintf(out, "\n");
    for (size_t i = 0; i < r->n; i++) {
        fprintf(out, "%-18.18s", brink_fc_actor_name(v->s, i));
        for (size_t t = 0; t <= r->rounds; t++)
            fprintf(out, " %8.3f", r->pos[t * r->n + i]);
        fprintf(out, "\n");
    }
    fprintf(out, "%-18s", "weighted mean");
    for (size_t t = 0; t <= r->rounds; t++)
        fprintf(out, " %8.3f", r->mean[t]);
    fprintf(out, "\n%-18s", "median (pairwise)");
    for (size_t t = 0; t <= r->rounds; t++)
        fprintf(out, " %8.3f", r->median[t]);
    fprintf(out, "\nForecast: %.3f (pairwise winner after %zu rounds); weighted mean %.3f\n",
            r->median[r->rounds], r->rounds, r->mean[r->rounds]);
    if (r->convergence == BRINK_BDM_SETTLED)
        fprintf(out, "The positions settled at round %zu.\n", r->settled_round);
    else if (r->convergence == BRINK_BDM_CYCLE)
        fprintf(out, "Warning: the positions cycle with a period of %zu rounds; the forecast "
                     "depends on --rounds.\n", r->period);
    else
        fprintf(out, "Warning: the positions did not settle in %zu rounds; the forecast depends "
                     "on --rounds.\n", r->rounds);
}

typedef struct static_view {
    const brink_fc_scenario_t *s;
    const char *model_name;
    int model;          /* 2 compromise, 3 median */
    const double *nash; /* compromise: D values */
} static_view_t;

static void emit_static(FILE *out, int json, const void *data)
{
    const static_view_t *v = data;
    const size_t D = brink_fc_scenario_dims(v->s);
    if (json)
        fprintf(out, "{\n \"model\": \"%s\",\n \"dimensions\": [\n", v->model_name);
    else
        fprintf(out, "%s model, scenario %s\n", v->model_name, brink_fc_scenario_name(v->s));
    for (size_t d = 0; d < D; d++) {
        char eb[1024];
        const char *name = brink_fc_dim_name(v->s, d), *sep = d + 1 < D ? "," : "";
        if (v->model == 2) {
            double m = brink_fc_weighted_mean(v->s, d);
            if (json)
                fprintf(out, "  {\"name\": \"%s\", \"weighted_mean\": %.17g, \"nash\": %.17g}%s\n",
                        jesc(eb, sizeof eb, name), m, v->nash[d], sep);
            else
                fprintf(out, "%s: weighted mean %.3f, weighted Nash bargaining solution %.3f\n",
                        name, m, v->nash[d]);
            continue;
        }
        int found = 0;
        double med = brink_fc_weighted_median(v->s, d);
        double cw = brink_fc_condorcet(v->s, d, &found);
        if (json && found)
            fprintf(out, "  {\"name\": \"%s\", \"weighted_median\": %.17g, \"condorcet\": %.17g}%s\n",
                    jesc(eb, sizeof eb, name), med, cw, sep);
        else if (json)
            fprintf(out, "  {\"name\": \"%s\", \"weighted_median\": %.17g, \"condorcet\": null}%s\n",
                    jesc(eb, sizeof eb, name), med, sep);
        else if (found)
            fprintf(out, "%s: weighted median %.3f, Condorcet winner %.3f\n", name, med, cw);
        else
            fprintf(out, "%s: weighted median %.3f, no Condorcet winner\n", name, med);
    }
    if (json)
        fprintf(out, " ]\n}\n");
}

static int run_mc(brink_ctx_t *ctx, const brink_fc_scenario_t *s, const fc_args_t *a,
                  const brink_smp_options_t *so, const brink_bdm_options_t *bo, int model)
{
    brink_mc_options_t mo;
    brink_mc_options_default(&mo);
    mo.runs = (uint32_t)a->runs;
    mo.seed = a->seed;
    mo.pos_sd = a->pos_sd;
    mo.sal_sd = a->sal_sd;
    mo.cap_cv = a->cap_cv;
    mo.dropout = a->dropout;
    mo.model = model;
    mo.smp = *so;
    mo.smp.threads = 1;
    mo.bdm = *bo;
    mo.threads = (int)a->threads;
    brink_mc_result_t r;
    memset(&r, 0, sizeof r);
    brink_status_t st = brink_mc_run(ctx, s, &mo, &r);
    if (st != BRINK_OK)
        return cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
    mc_view_t v = {s, a, &r, model};
    int bad = emit(a, emit_mc, &v);
    brink_mc_result_clear(ctx, &r);
    if (bad)
        return cli_fail("forecast: cannot write %s/forecast.json", a->out);
    return EXIT_OK;
}

int cmd_forecast(int argc, char **argv)
{
    fc_args_t a = {NULL, "smp", NULL, "text", 15455440707583219804ULL, 1, 0, 10, 1,
                   0, 0, 0, 0, 0, 0, 0, NULL};
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_smp_options_t so;
    brink_smp_options_default(&so);
    brink_bdm_options_t bo;
    brink_bdm_options_default(&bo);
    int rc = EXIT_OK;
    brink_outdir_t *od = NULL;
    char setn[32][64];
    const char *setv[32];
    size_t nset = 0;
    brink_fc_scenario_t *s = NULL;
    brink_fc_history_t *h = NULL;
    brink_diags_t dg;
    brink_diags_init(&dg);

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (a.input) {
                rc = cli_usage_error("forecast: more than one INPUT ('%s' and '%s')", a.input, arg);
                goto done;
            }
            a.input = arg;
            continue;
        }
        if (strcmp(arg, "--log-challenges") == 0) {
            a.log_challenges = 1;
            continue;
        }
        if (strcmp(arg, "--verbose") == 0 || strcmp(arg, "-v") == 0) {
            a.verbose = 1;
            continue;
        }
        if (strcmp(arg, "--fix-ktab-bugs") == 0) {
            so.fix_rcvr_prob = so.fix_pw_weight = 1;
            continue;
        }
        char name[64];
        const char *val = NULL;
        const char *eq = strchr(arg, '=');
        size_t nl = eq ? (size_t)(eq - arg) : strlen(arg);
        if (nl >= sizeof name) {
            rc = cli_unknown_option("forecast", arg, known_opts);
            goto done;
        }
        memcpy(name, arg, nl);
        name[nl] = '\0';
        int known = 0;
        for (size_t k = 0; known_opts[k]; k++)
            if (strcmp(known_opts[k], name) == 0)
                known = 1;
        if (!known) {
            rc = cli_unknown_option("forecast", name, known_opts);
            goto done;
        }
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else {
            rc = cli_usage_error("forecast: option %s needs a value", name);
            goto done;
        }
        int bad = 0;
        if (strcmp(name, "--model") == 0) {
            if (strcmp(val, "smp") && strcmp(val, "bdm") && strcmp(val, "compromise") &&
                strcmp(val, "median")) {
                rc = cli_usage_error("forecast: unknown model '%s' (smp, bdm, compromise, median)", val);
                goto done;
            }
            a.model = val;
        } else if (strcmp(name, "--out") == 0) {
            a.out = val;
        } else if (strcmp(name, "--format") == 0) {
            if (strcmp(val, "text") && strcmp(val, "json")) {
                rc = cli_usage_error("forecast: --format must be text or json, not '%s'", val);
                goto done;
            }
            a.format = val;
        } else if (strcmp(name, "--seed") == 0) {
            bad = cli_parse_u64(val, &a.seed);
            a.have_seed = 1;
        } else if (strcmp(name, "--runs") == 0) {
            bad = cli_parse_u64(val, &a.runs) || a.runs < 1 || a.runs > 10000000;
        } else if (strcmp(name, "--threads") == 0) {
            if ((rc = cli_opt_threads("forecast", val, &a.threads)) != EXIT_OK)
                goto done;
        } else if (strcmp(name, "--rounds") == 0) {
            bad = cli_parse_u64(val, &a.rounds) || a.rounds < 1 || a.rounds > 100000;
        } else if (strcmp(name, "--dim") == 0) {
            bad = cli_parse_u64(val, &a.dim) || a.dim < 1;
        } else if (strcmp(name, "--pos-sd") == 0) {
            bad = cli_parse_double(val, &a.pos_sd) || !(a.pos_sd >= 0 && a.pos_sd <= 100);
        } else if (strcmp(name, "--sal-sd") == 0) {
            bad = cli_parse_double(val, &a.sal_sd) || !(a.sal_sd >= 0 && a.sal_sd <= 100);
        } else if (strcmp(name, "--cap-cv") == 0) {
            bad = cli_parse_double(val, &a.cap_cv) || !(a.cap_cv >= 0 && a.cap_cv <= 10);
        } else if (strcmp(name, "--dropout") == 0) {
            bad = cli_parse_double(val, &a.dropout) || !(a.dropout >= 0 && a.dropout < 1);
        } else {
            if (brink_smp_option_set(ctx, &so, name + 2, val) != BRINK_OK) {
                rc = cli_usage_error("forecast: %s", brink_ctx_errmsg(ctx));
                goto done;
            }
            if (nset < 32) {
                snprintf(setn[nset], sizeof setn[nset], "%s", name + 2);
                setv[nset++] = val;
            }
        }
        if (bad) {
            rc = cli_usage_error("forecast: invalid value '%s' for %s", val, name);
            goto done;
        }
    }
    if (!a.input) {
        rc = cli_usage_error("forecast: missing INPUT (see 'brink help forecast')");
        goto done;
    }
    so.seed = a.seed;
    so.threads = (int)a.threads;
    bo.rounds = (unsigned)a.rounds;
    bo.dim = (size_t)(a.dim - 1);

    brink_status_t st = brink_fc_read(ctx, a.input, &s, &dg);
    if (st != BRINK_OK) {
        print_diags(&dg);
        if (dg.count == 0)
            fprintf(stderr, "brink: %s\n", brink_ctx_errmsg(ctx));
        rc = (st == BRINK_ENOMEM) ? EXIT_FAIL : EXIT_USAGE;
        goto done;
    }
    /* options given by the file (KTAB XML), then the command line's */
    {
        int fix1 = so.fix_rcvr_prob, fix2 = so.fix_pw_weight;
        brink_smp_options_default(&so);
        brink_fc_scenario_apply_options(s, &so);
        for (size_t k = 0; k < nset; k++)
            brink_smp_option_set(ctx, &so, setn[k], setv[k]);
        if (a.have_seed)
            so.seed = a.seed;
        a.seed = so.seed;
        so.threads = (int)a.threads;
        so.fix_rcvr_prob = fix1;
        so.fix_pw_weight = fix2;
    }
    if (bo.dim >= brink_fc_scenario_dims(s)) {
        rc = cli_usage_error("forecast: --dim %llu but %s has %zu dimensions",
                             (unsigned long long)a.dim, a.input, brink_fc_scenario_dims(s));
        goto done;
    }
    int model = strcmp(a.model, "smp") == 0 ? 0 : strcmp(a.model, "bdm") == 0 ? 1
              : strcmp(a.model, "compromise") == 0 ? 2 : 3;
    if (model == 0 && (st = brink_smp_check(ctx, s, &dg)) != BRINK_OK) {
        print_diags(&dg);
        rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
        goto done;
    }
    if (a.out) {
        if (cli_outdir_begin("forecast", a.out, own_files, &od) != 0) {
            rc = EXIT_FAIL;
            goto done;
        }
        a.stage = brink_outdir_stage(od);
    }
    if (a.runs > 1 || a.pos_sd > 0 || a.sal_sd > 0 || a.cap_cv > 0 || a.dropout > 0) {
        rc = run_mc(ctx, s, &a, &so, &bo, model);
        goto done;
    }
    size_t D = brink_fc_scenario_dims(s);
    if (model == 0) {
        /* the database gets KTAB's UtilChlg/ProbVict when they stay small */
        so.record_challenges = a.out && (a.log_challenges || brink_fc_scenario_actors(s) <= 150);
        st = brink_smp_run(ctx, s, &so, &h);
        if (st != BRINK_OK) {
            rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
            goto done;
        }
        char *js = NULL;
        if (strcmp(a.format, "json") == 0 || a.out) {
            js = brink_smp_to_json(ctx, s, &so, h);
            if (!js) {
                rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
                goto done;
            }
        }
        if (strcmp(a.format, "json") == 0) {
            fputs(js, stdout);
            fputc('\n', stdout);
        } else {
            if (a.verbose)
                print_turns(s, h);
            print_smp_text(s, h);
        }
        if (a.out) {
            size_t l = strlen(a.stage) + 16;
            char *p = malloc(l);
            if (!p) {
                brink_free(ctx, js);
                rc = cli_fail("out of memory");
                goto done;
            }
            snprintf(p, l, "%s/forecast.db", a.stage);
            st = brink_smp_write_sqlite(ctx, s, &so, h, p);
            free(p);
            if (st != BRINK_OK) {
                brink_free(ctx, js);
                rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
                goto done;
            }
            size_t jl = strlen(js);
            char *jn = malloc(jl + 2);
            if (jn) {
                memcpy(jn, js, jl);
                memcpy(jn + jl, "\n", 2);
            }
            if (!jn || write_text_file(a.stage, "forecast.json", jn) != 0) {
                free(jn);
                brink_free(ctx, js);
                rc = cli_fail("forecast: cannot write %s/forecast.json", a.out);
                goto done;
            }
            free(jn);
        }
        brink_free(ctx, js);
    } else if (model == 1) {
        brink_bdm_result_t r;
        memset(&r, 0, sizeof r);
        st = brink_bdm_run(ctx, s, &bo, &r);
        if (st != BRINK_OK) {
            rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
            goto done;
        }
        bdm_view_t v = {s, bo.dim, &r};
        if (r.convergence != BRINK_BDM_SETTLED && strcmp(a.format, "json") == 0)
            fprintf(stderr, "brink: forecast: warning: the BDM positions %s in %zu rounds; the "
                            "forecast depends on --rounds\n",
                    r.convergence == BRINK_BDM_CYCLE ? "cycle" : "did not settle", r.rounds);
        if (emit(&a, emit_bdm, &v) != 0)
            rc = cli_fail("forecast: cannot write %s/forecast.json", a.out);
        brink_bdm_result_clear(ctx, &r);
    } else {
        double *nash = NULL;
        if (model == 2) {
            nash = malloc(D * sizeof *nash);
            if (!nash || brink_fc_nash(ctx, s, nash) != BRINK_OK) {
                free(nash);
                rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
                goto done;
            }
        }
        static_view_t v = {s, a.model, model, nash};
        if (emit(&a, emit_static, &v) != 0)
            rc = cli_fail("forecast: cannot write %s/forecast.json", a.out);
        free(nash);
    }
done:
    if (od && rc == EXIT_OK && cli_outdir_commit("forecast", &od) != 0)
        rc = EXIT_FAIL;
    cli_outdir_abort(&od);
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
    return rc;
}
