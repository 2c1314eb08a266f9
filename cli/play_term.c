/* play_term.c - the terminal side of `brink play` (play_term.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "play_term.h"

static void month_text(int m, char buf[8])
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

void play_show_menu(brink_ctx_t *ctx, brink_play_t *p, const brink_play_menu_t *m,
                    uint64_t aruns, uint64_t amonths)
{
    const brink_sim_t *sim = brink_play_sim(p);
    char mon[8];
    month_text(m->month, mon);
    printf("\n== %s: %s decides%s\n", mon, brink_sim_actor_id(sim, brink_play_actor(p)),
           m->talks_open ? " (talks with the target are open)" : "");
    printf("   option              model's choice p  chance this month");
    if (aruns)
        printf("  | next %d months: P(nuclear test) P(talks) P(clash) P(war)",
               (int)amonths);
    printf("\n");
    for (int k = 0; k < m->n; k++) {
        printf("%2d %-20s %15.3f %18.3f", k + 1, brink_play_action_name(m->action[k]), m->p[k],
               m->q[k]);
        brink_play_outlook_t o;
        if (aruns && brink_play_lookahead(ctx, p, m->action[k], BRINK_PLAY_TALKS_MODEL,
                                          (uint32_t)aruns, (int)amonths, &o) == BRINK_OK)
            printf("  | %15.3f %9.3f %8.3f %6.3f", o.p_nuclear, o.p_talks, o.p_clash, o.p_war);
        printf("\n");
    }
    printf("   (the model takes two or more options this month with chance %.3f)\n",
           m->q_several);
    if (isatty(STDIN_FILENO)) {
        printf("decision (ACTION [model|seek|refuse], or quit)> ");
    }
    fflush(stdout);
}

/* parses a decision line; 1: decided, 0: quit, -1: bad (message printed) */
int play_read_decision(const char *line, const brink_play_menu_t *m, int *action, int *talks)
{
    char a[64] = "", t[64] = "", extra[8] = "";
    int n = sscanf(line, "%63s %63s %7s", a, t, extra);
    if (n <= 0)
        return -1;
    if (strcmp(a, "quit") == 0 && n == 1)
        return 0;
    if (n == 3) {
        fprintf(stderr, "brink: play: '%s': expected ACTION [TALKS]\n", line);
        return -1;
    }
    char *end;
    long k = strtol(a, &end, 10);
    *action = *end == 0 && k >= 1 && k <= m->n ? m->action[k - 1] : brink_play_action_index(a);
    *talks = n == 2 ? brink_play_talks_index(t) : BRINK_PLAY_TALKS_MODEL;
    if (*action < 0) {
        fprintf(stderr, "brink: play: '%s' is not an option: expected a menu number or wait, "
                        "impose_sanctions, threaten_force, provide_aid\n", a);
        return -1;
    }
    if (*talks < 0) {
        fprintf(stderr, "brink: play: talks '%s': expected model, seek or refuse\n", t);
        return -1;
    }
    return 1;
}

void play_show_end(const brink_play_t *p)
{
    const brink_sim_trace_t *t = brink_play_trace(p);
    brink_play_score_t sc;
    brink_play_get_score(p, &sc);
    char mon[8];
    month_text(brink_play_month(p), mon);
    if (brink_play_done(p))
        printf("\noutcome: %s\n", brink_sim_outcome_name(t->outcome));
    else
        printf("\ngame stopped before %s (the run goes on to the horizon only while played)\n",
               mon);
    printf("decisions: %zu; score against the model's policy: mean log p %.3f (the model's own "
           "policy expects %.3f); chose the model's most likely option in %.0f%% of months\n",
           sc.n, sc.mean_logp, sc.model_mean_logp, 100.0 * sc.agree);
}
