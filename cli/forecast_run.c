/* forecast_run.c - `brink forecast` runs the chosen model (or its Monte
 * Carlo) and prints the result as text or as the library's JSON, which
 * also goes to DIR/forecast.json (and KTAB's database DIR/forecast.db). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "forecasting.h"

/* prints the JSON text js on stdout (--format json) and writes it to
 * STAGE/forecast.json (--out); frees js */
static int put_json(brink_ctx_t *ctx, const fc_args_t *a, const char *stage, char *js)
{
    int rc = EXIT_OK;
    if (!js)
        return cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
    if (strcmp(a->format, "json") == 0)
        printf("%s\n", js);
    if (stage) {
        char p[4096];
        cli_atomic_t f;
        snprintf(p, sizeof p, "%s/forecast.json", stage);
        if (cli_atomic_open(&f, p) != 0 || fprintf(f.fp, "%s\n", js) < 0 ||
            cli_atomic_commit(&f) != 0)
            rc = cli_fail("forecast: cannot write %s/forecast.json", a->out);
    }
    brink_free(ctx, js);
    return rc;
}

int cli_fc_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s, const fc_args_t *a,
                     brink_smp_options_t *so, const brink_bdm_options_t *bo, int model,
                     const char *stage)
{
    int text = strcmp(a->format, "text") == 0, rc = EXIT_OK;
    brink_status_t st;
    if (a->runs > 1 || a->pos_sd > 0 || a->sal_sd > 0 || a->cap_cv > 0 || a->dropout > 0) {
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
        if (brink_mc_run(ctx, s, &mo, &r) != BRINK_OK)
            return cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
        if (text)
            cli_fc_print_mc(s, &mo, &r, a->model);
        if (!text || stage)
            rc = put_json(ctx, a, stage, brink_mc_to_json(ctx, s, &mo, &r));
        brink_mc_result_clear(ctx, &r);
        return rc;
    }
    if (model == 0) {
        brink_fc_history_t *h = NULL;
        /* the database gets KTAB's UtilChlg/ProbVict when they stay small */
        so->record_challenges = stage && (a->log_challenges || brink_fc_scenario_actors(s) <= 150);
        if (brink_smp_run(ctx, s, so, &h) != BRINK_OK)
            return cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
        if (text && a->verbose)
            cli_fc_print_turns(s, h);
        if (text)
            cli_fc_print_smp(s, h);
        if (stage) {
            char p[4096];
            snprintf(p, sizeof p, "%s/forecast.db", stage);
            if (brink_smp_write_sqlite(ctx, s, so, h, p) != BRINK_OK)
                rc = cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
        }
        if (rc == EXIT_OK && (!text || stage))
            rc = put_json(ctx, a, stage, brink_smp_to_json(ctx, s, so, h));
        brink_fc_history_free(h);
        return rc;
    }
    if (model == 1) {
        brink_bdm_result_t r;
        memset(&r, 0, sizeof r);
        if (brink_bdm_run(ctx, s, bo, &r) != BRINK_OK)
            return cli_fail("forecast: %s", brink_ctx_errmsg(ctx));
        if (r.convergence != BRINK_BDM_SETTLED && !text)
            fprintf(stderr, "brink: forecast: warning: the BDM positions %s in %zu rounds; the "
                            "forecast depends on --rounds\n",
                    r.convergence == BRINK_BDM_CYCLE ? "cycle" : "did not settle", r.rounds);
        if (text)
            cli_fc_print_bdm(s, bo, &r);
        if (!text || stage)
            rc = put_json(ctx, a, stage, brink_bdm_to_json(ctx, s, bo, &r));
        brink_bdm_result_clear(ctx, &r);
        return rc;
    }
    double *nash = NULL;
    if (model == 2) {
        nash = malloc(brink_fc_scenario_dims(s) * sizeof *nash);
        st = nash ? brink_fc_nash(ctx, s, nash) : BRINK_ENOMEM;
        if (st != BRINK_OK) {
            free(nash);
            return cli_fail("forecast: %s", nash ? brink_ctx_errmsg(ctx) : "out of memory");
        }
    }
    if (text)
        cli_fc_print_static(s, a->model, model, nash);
    if (!text || stage)
        rc = put_json(ctx, a, stage, brink_fc_static_to_json(ctx, s, model, nash));
    free(nash);
    return rc;
}
