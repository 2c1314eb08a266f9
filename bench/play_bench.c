/* play_bench.c - the play advisor on the flagship: the time of one month's
 * advice (the menu and a look-ahead of RUNS runs over MONTHS months for
 * every option) at 20 decision points spread over the horizon, beside its
 * peer, a plain ensemble of the same runs and months from the scenario
 * start (brink_sim_ensemble on THREADS threads), as a ratio.
 * usage: bench_play SCENARIO ACTOR RUNS MONTHS THREADS */
#include <stdio.h>
#include <stdlib.h>
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
    if (argc != 6) {
        fprintf(stderr, "usage: bench_play SCENARIO ACTOR RUNS MONTHS THREADS\n");
        return 2;
    }
    uint32_t runs = (uint32_t)strtoul(argv[3], NULL, 10);
    int months = atoi(argv[4]), threads = atoi(argv[5]);
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    brink_play_t *p = NULL;
    if (brink_scenario_load(ctx, argv[1], NULL, 0, &sc, &d) != BRINK_OK ||
        brink_sim_new(ctx, sc, &sim) != BRINK_OK ||
        brink_play_new(ctx, sim, 1, 0, brink_play_actor_index(sim, argv[2]), &p) != BRINK_OK) {
        fprintf(stderr, "bench_play: %s\n", brink_ctx_errmsg(ctx));
        return 1;
    }
    int span = brink_sim_end(sim) - brink_sim_start(sim) + 1, points = 0;
    double worst = 0.0, sum = 0.0;
    int options = 0;
    for (int m = 0; m < span && !brink_play_done(p); m++) {
        brink_play_menu_t mn;
        if (m % (span / 20 > 0 ? span / 20 : 1) == 0) {
            double t0 = now();
            brink_play_menu(ctx, p, &mn);
            for (int k = 0; k < mn.n; k++) {
                brink_play_outlook_t o;
                brink_play_lookahead(ctx, p, mn.action[k], BRINK_PLAY_TALKS_MODEL, runs, months,
                                     &o);
            }
            double t = now() - t0;
            worst = t > worst ? t : worst;
            sum += t;
            options += mn.n;
            points++;
        }
        brink_play_decide(ctx, p, BRINK_PLAY_WAIT, BRINK_PLAY_TALKS_MODEL);
    }
    /* the peer: the same runs x months as a plain ensemble from the start */
    brink_ensemble_t *e = NULL;
    double t0 = now();
    brink_sim_ensemble(ctx, sim, 1, runs, threads, brink_sim_start(sim) + months - 1, &e);
    double peer = now() - t0;
    double per_option = sum / options;
    printf("advice at %d decision points (%d options, %u runs x %d months each): mean %.3f s, "
           "worst %.3f s (acceptance: under 2 s)\n",
           points, options, runs, months, sum / points, worst);
    printf("per option %.4f s; plain ensemble of %u runs x %d months on %d threads %.4f s; "
           "ratio %.2f\n",
           per_option, runs, months, threads, peer, per_option / peer);
    brink_ensemble_free(e);
    brink_play_free(p);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_ctx_free(ctx);
    return worst < 2.0 ? 0 : 1;
}
