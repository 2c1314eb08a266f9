/* smc_bench.c - benchmark of conditioning the flagship on the record by the
 * particle filter (brink/smc.h, brink/stepper.h): PARTICLES particles from
 * the scenario's start through THROUGH (YYYY-MM) on RECORD, with THREADS
 * threads; prints the wall time, the log marginal likelihood, the
 * resamplings and the peak memory.
 * usage: bench_smc SCENARIO RECORD PARTICLES THREADS THROUGH */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "brink/brink.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    int y, mo;
    if (argc != 6 || sscanf(argv[5], "%d-%d", &y, &mo) != 2) {
        fprintf(stderr, "usage: bench_smc SCENARIO RECORD PARTICLES THREADS YYYY-MM\n");
        return 2;
    }
    int rc = 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    brink_record_t *rec = NULL;
    brink_sim_particles_t *sp = NULL;
    brink_smc_t *f = NULL;
    if (brink_scenario_load(ctx, argv[1], NULL, 0, &sc, &d) != BRINK_OK ||
        brink_sim_new(ctx, sc, &sim) != BRINK_OK || brink_record_load(ctx, argv[2], &rec, &d) ||
        brink_sim_particles_new(ctx, (const brink_sim_t *const *)&sim, NULL, 1, &sp)) {
        fprintf(stderr, "bench_smc: cannot load %s or %s\n", argv[1], argv[2]);
        goto cleanup;
    }
    brink_smc_config_t cfg;
    brink_smc_config_default(&cfg);
    cfg.particles = (uint32_t)strtoul(argv[3], NULL, 10);
    cfg.threads = atoi(argv[4]);
    double t0 = now();
    clock_t c0 = clock();
    if (brink_smc_new(ctx, brink_sim_particles_model(sp), &cfg, rec, brink_sim_start(sim), &f) ||
        brink_smc_condition(ctx, f, y * 12 + mo - 1)) {
        fprintf(stderr, "bench_smc: %s\n", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    double wall = now() - t0, cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("particles %u threads %d months %d wall %.3f s cpu %.3f s log_evidence %.3f "
           "resamplings %u peak_rss %ld KiB\n", cfg.particles, cfg.threads,
           y * 12 + mo - brink_sim_start(sim), wall, cpu, brink_smc_log_evidence(f),
           brink_smc_resamplings(f), ru.ru_maxrss);
    rc = 0;
cleanup:
    brink_smc_free(f);
    brink_sim_particles_free(sp);
    brink_record_free(rec);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return rc;
}
