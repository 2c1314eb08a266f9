/*
 * run_ensemble.c - run an ensemble of the crisis simulation and print its
 * outcome probabilities (on stderr) and its summary.json (on stdout).
 *
 *   run_ensemble SCENARIO RUNS SEED [THREADS]
 *
 * The JSON printed is what `brink run SCENARIO --runs RUNS --seed SEED
 * --format json` prints, without the provenance (scenario hash and
 * command) the command adds.  Build:
 *   cc run_ensemble.c $(pkg-config --cflags --libs brink)
 */
#include <stdio.h>
#include <stdlib.h>

#include <brink/brink.h>

int main(int argc, char **argv)
{
    int rc = 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    brink_ensemble_t *ens = NULL;
    brink_diags_t diags;
    brink_diags_init(&diags);
    if (!ctx)
        goto cleanup;
    if (argc < 4) {
        fprintf(stderr, "usage: run_ensemble SCENARIO RUNS SEED [THREADS]\n");
        rc = 2;
        goto cleanup;
    }
    if (brink_scenario_load(ctx, argv[1], NULL, 0, &sc, &diags) != BRINK_OK) {
        char line[2048];
        for (size_t i = 0; i < diags.count; i++) {
            brink_diag_format(&diags.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        rc = 2;
        goto cleanup;
    }
    uint32_t runs = (uint32_t)strtoul(argv[2], NULL, 10);
    uint64_t seed = strtoull(argv[3], NULL, 10);
    int threads = argc > 4 ? atoi(argv[4]) : 0;
    if (brink_sim_new(ctx, sc, &sim) != BRINK_OK ||
        brink_sim_ensemble(ctx, sim, seed, runs, threads, -1, &ens) != BRINK_OK) {
        fprintf(stderr, "run_ensemble: %s\n", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    for (int k = 0; k < BRINK_NOUTCOMES; k++) {
        double p, lo, hi;
        brink_ensemble_outcome(ens, k, &p, &lo, &hi);
        fprintf(stderr, "%-12s %.4f [%.4f, %.4f]\n", brink_sim_outcome_name(k), p, lo, hi);
    }
    if (brink_ensemble_write_json(ens, stdout) != BRINK_OK || fflush(stdout) != 0)
        goto cleanup;
    rc = 0;
cleanup:
    brink_ensemble_free(ens);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    return rc;
}
