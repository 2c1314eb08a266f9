/* models.c - a scenario's models, optionally one per posterior parameter set
 * (cli/models.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "models.h"

void cli_models_free(cli_models_t *m)
{
    for (uint32_t i = 0; i < m->n; i++) {
        if (m->sim)
            brink_sim_free(m->sim[i]);
        if (m->sc)
            brink_scenario_free(m->sc[i]);
    }
    free(m->sc);
    free(m->sim);
    brink_posterior_free(m->post);
    memset(m, 0, sizeof *m);
}

/* loads the scenario and, when sim is not NULL, builds its model */
static int load_one(brink_ctx_t *ctx, const char *cmd, const char *scenario,
                    const char *const *sets, size_t nsets, brink_scenario_t **sc,
                    brink_sim_t **sim)
{
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_status_t st = brink_scenario_load(ctx, scenario, sets, nsets, sc, &diags);
    if (st != BRINK_OK) {
        int rc = cli_print_diags(scenario, st, &diags);
        brink_diags_clear(ctx, &diags);
        return rc;
    }
    brink_diags_clear(ctx, &diags);
    if (sim && brink_sim_new(ctx, *sc, sim) != BRINK_OK)
        return cli_usage_error("%s: %s", cmd, brink_ctx_errmsg(ctx));
    return EXIT_OK;
}

int cli_models_load(brink_ctx_t *ctx, const char *cmd, const char *scenario,
                    const char *const *sets, size_t nsets, const char *params, cli_models_t *m)
{
    memset(m, 0, sizeof *m);
    if (!params) {
        m->sc = calloc(1, sizeof *m->sc);
        m->sim = calloc(1, sizeof *m->sim);
        if (!m->sc || !m->sim)
            return cli_fail("out of memory");
        m->n = 1;
        int rc = load_one(ctx, cmd, scenario, sets, nsets, &m->sc[0], &m->sim[0]);
        if (rc != EXIT_OK)
            cli_models_free(m);
        return rc;
    }
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_status_t st = brink_posterior_load(ctx, params, &m->post, &diags);
    if (st != BRINK_OK) {
        int rc = st == BRINK_EIO ? cli_usage_error("%s: --params: %s", cmd, brink_ctx_errmsg(ctx))
                                 : cli_print_diags(params, st, &diags);
        brink_diags_clear(ctx, &diags);
        return rc;
    }
    brink_diags_clear(ctx, &diags);
    uint32_t n = brink_posterior_nsets(m->post);
    m->w = brink_posterior_weights(m->post);
    m->sc = calloc(n, sizeof *m->sc);
    m->sim = calloc(n, sizeof *m->sim);
    if (!m->sc || !m->sim) {
        cli_models_free(m);
        return cli_fail("out of memory");
    }
    int rc = EXIT_OK;
    for (uint32_t i = 0; i < n && rc == EXIT_OK; i++) {
        m->n = i + 1;
        rc = load_one(ctx, cmd, scenario, sets, nsets, &m->sc[i], NULL);
        if (rc != EXIT_OK)
            break;
        size_t bad = 0;
        if (brink_posterior_apply(ctx, m->post, i, m->sc[i], NULL, &bad) != BRINK_OK) {
            int line, col;
            brink_posterior_locate(m->post, i, bad, &line, &col);
            fprintf(stderr, "%s:%d:%d: error: %s: %s\n", brink_posterior_file(m->post), line,
                    col, brink_posterior_path(m->post, bad), brink_ctx_errmsg(ctx));
            rc = EXIT_USAGE;
            break;
        }
        if (brink_sim_new(ctx, m->sc[i], &m->sim[i]) != BRINK_OK)
            rc = cli_usage_error("%s: %s", cmd, brink_ctx_errmsg(ctx));
    }
    if (rc != EXIT_OK)
        cli_models_free(m);
    return rc;
}
