/* sim_bench.c - benchmark of the flagship ensemble: runs/s, actor-months/s
 * and the process's peak memory.  usage: bench_sim SCENARIO RUNS THREADS */
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
    if (argc != 4) {
        fprintf(stderr, "usage: bench_sim SCENARIO RUNS THREADS\n");
        return 2;
    }
    uint32_t runs = (uint32_t)strtoul(argv[2], NULL, 10);
    int threads = atoi(argv[3]);
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    brink_ensemble_t *e = NULL;
    if (brink_scenario_load(ctx, argv[1], NULL, 0, &sc, &d) != BRINK_OK ||
        brink_sim_new(ctx, sc, &sim) != BRINK_OK) {
        fprintf(stderr, "bench_sim: cannot load %s\n", argv[1]);
        return 1;
    }
    double t0 = now();
    clock_t c0 = clock();
    if (brink_sim_ensemble(ctx, sim, 1, runs, threads, -1, &e) != BRINK_OK) {
        fprintf(stderr, "bench_sim: %s\n", brink_ctx_errmsg(ctx));
        return 1;
    }
    double wall = now() - t0, cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    double months = (double)(brink_sim_end(sim) - brink_sim_start(sim) + 1);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("runs %u threads %d wall %.3f s cpu %.3f s runs/s %.0f actor-months/s %.3g "
           "peak_rss %ld KiB\n",
           runs, threads, wall, cpu, runs / wall, runs * months * brink_sim_nactors(sim) / wall,
           ru.ru_maxrss);
    brink_ensemble_free(e);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
