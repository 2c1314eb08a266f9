/* forecast_text.c - the text output of `brink forecast` (cli/forecasting.h):
 * KTAB's history of an SMP run, the Monte Carlo table, the BDM rounds and
 * the static models.  The JSON forms come from the library
 * (brink_smp_to_json, brink_mc_to_json, brink_bdm_to_json,
 * brink_fc_static_to_json). */
#include <stdio.h>

#include "cli.h"
#include "forecasting.h"

void cli_fc_print_turns(const brink_fc_scenario_t *s, const brink_fc_history_t *h)
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

void cli_fc_print_smp(const brink_fc_scenario_t *s, const brink_fc_history_t *h)
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

void cli_fc_print_mc(const brink_fc_scenario_t *s, const brink_mc_options_t *o,
                     const brink_mc_result_t *r, const char *model)
{
    printf("Monte Carlo: %u runs of model %s, seed %llu\n%-24s %8s %8s %8s %8s %8s %8s %8s\n",
           r->runs, model, (unsigned long long)o->seed, "dimension", "mean", "sd", "q05", "q25",
           "median", "q75", "q95");
    for (size_t d = 0; d < r->dims; d++)
        printf("%-24.24s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n",
               brink_fc_dim_name(s, o->model == 1 ? o->bdm.dim : d), r->mean[d], r->sd[d],
               r->q05[d], r->q25[d], r->q50[d], r->q75[d], r->q95[d]);
}

void cli_fc_print_bdm(const brink_fc_scenario_t *s, const brink_bdm_options_t *o,
                      const brink_bdm_result_t *r)
{
    printf("BDM expected-utility model (Scholz et al. 2011), dimension '%s'\n%-18s",
           brink_fc_dim_name(s, o->dim), "Actor");
    for (size_t t = 0; t <= r->rounds; t++)
        printf(" %7s%zu", "R", t);
    printf("\n");
    for (size_t i = 0; i < r->n; i++) {
        printf("%-18.18s", brink_fc_actor_name(s, i));
        for (size_t t = 0; t <= r->rounds; t++)
            printf(" %8.3f", r->pos[t * r->n + i]);
        printf("\n");
    }
    printf("%-18s", "weighted mean");
    for (size_t t = 0; t <= r->rounds; t++)
        printf(" %8.3f", r->mean[t]);
    printf("\n%-18s", "median (pairwise)");
    for (size_t t = 0; t <= r->rounds; t++)
        printf(" %8.3f", r->median[t]);
    printf("\nForecast: %.3f (pairwise winner after %zu rounds); weighted mean %.3f\n",
           r->median[r->rounds], r->rounds, r->mean[r->rounds]);
    if (r->convergence == BRINK_BDM_SETTLED)
        printf("The positions settled at round %zu.\n", r->settled_round);
    else if (r->convergence == BRINK_BDM_CYCLE)
        printf("Warning: the positions cycle with a period of %zu rounds; the forecast "
               "depends on --rounds.\n", r->period);
    else
        printf("Warning: the positions did not settle in %zu rounds; the forecast depends "
               "on --rounds.\n", r->rounds);
}

void cli_fc_print_static(const brink_fc_scenario_t *s, const char *model_name, int model,
                         const double *nash)
{
    printf("%s model, scenario %s\n", model_name, brink_fc_scenario_name(s));
    for (size_t d = 0; d < brink_fc_scenario_dims(s); d++) {
        const char *name = brink_fc_dim_name(s, d);
        if (model == 2) {
            printf("%s: weighted mean %.3f, weighted Nash bargaining solution %.3f\n", name,
                   brink_fc_weighted_mean(s, d), nash[d]);
            continue;
        }
        int found = 0;
        double med = brink_fc_weighted_median(s, d);
        double cw = brink_fc_condorcet(s, d, &found);
        if (found)
            printf("%s: weighted median %.3f, Condorcet winner %.3f\n", name, med, cw);
        else
            printf("%s: weighted median %.3f, no Condorcet winner\n", name, med);
    }
}
