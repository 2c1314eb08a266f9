/*
 * brink/play.h - play one actor of the crisis simulation against the model
 * of the others (docs/play.md).
 *
 * A play session is one run of a model (seed, run index) in which one
 * actor other than the scenario's target decides, month by month, what the
 * model would otherwise draw for it: its discrete action of the month
 * (wait, tighten sanctions, threaten force, provide aid: the menu the model
 * gives that actor that month; docs/model.md, the others' choices) and its
 * stance on talks with the target (leave it to the model, seek talks,
 * refuse talks).  Every other actor, and the played actor's continuous
 * policies (exercises, enforcement), stay the model's.
 *
 * The player takes at most one action a month, where the model draws each
 * action of the menu with intensity act_rate * p (so the model's own
 * policy can take two in a month or none).  A stance on talks replaces the
 * played actor's willingness to talk in the month: seek = 1 (talks open at
 * the target's willingness; summits at the full rate), refuse = 0 (no talks
 * open and no summits held that month; an open track lapses at the model's
 * rate).  The package offered at a summit is the model's bargaining
 * solution (docs/model.md, M5).
 *
 * A session is a pure function of (scenario, seed, run, decisions): the
 * same decisions replay the same events, byte for byte.  Without a played
 * actor the model's draws are untouched.
 *
 *   brink_play_t *p;
 *   brink_play_new(ctx, sim, seed, 0, brink_play_actor_index(sim, "USA"), &p);
 *   while (!brink_play_done(p)) {
 *       brink_play_menu_t m;
 *       brink_play_menu(ctx, p, &m);                      // the options and the model's odds
 *       brink_play_lookahead(ctx, p, m.action[1], BRINK_PLAY_TALKS_MODEL, 200, 12, &o);
 *       brink_play_decide(ctx, p, m.action[1], BRINK_PLAY_TALKS_MODEL);
 *   }
 *   brink_sim_write_events_csv(sim, brink_play_trace(p), 0, 1, fp);
 *   brink_play_free(p);
 */
#ifndef BRINK_PLAY_H
#define BRINK_PLAY_H

#include <stdint.h>
#include <stdio.h>

#include "brink/core.h"
#include "brink/sim.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_play brink_play_t;

/** The actions of a played actor's menu. */
enum {
    BRINK_PLAY_WAIT = 0,     /* "wait": no action this month */
    BRINK_PLAY_SANCTION,     /* "impose_sanctions": tighten unilateral sanctions */
    BRINK_PLAY_THREATEN,     /* "threaten_force": threaten military force */
    BRINK_PLAY_AID,          /* "provide_aid": provide aid, ease sanctions */
    BRINK_PLAY_NACTIONS
};

/** Stances on talks with the target. */
enum {
    BRINK_PLAY_TALKS_MODEL = 0, /* "model": the model's willingness */
    BRINK_PLAY_TALKS_SEEK,      /* "seek": fully willing this month */
    BRINK_PLAY_TALKS_REFUSE,    /* "refuse": unwilling this month */
    BRINK_PLAY_NTALKS
};

/** Names of actions and stances (static strings; "" out of range), and
 *  the index of a name (-1 if none). */
BRINK_API const char *brink_play_action_name(int action);
BRINK_API const char *brink_play_talks_name(int talks);
BRINK_API int brink_play_action_index(const char *name);
BRINK_API int brink_play_talks_index(const char *name);

/** Starts a session of run run with seed seed of model sim (borrowed; must
 *  outlive the session) in which actor (0 <= actor < brink_sim_nactors)
 *  is played.  The actor must not be the scenario's target and must have
 *  a menu (an adversary or a patron of the target).  Returns BRINK_OK,
 *  BRINK_EINVAL (the reason on ctx) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_play_new(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                        uint32_t run, int actor, brink_play_t **out);
/** Frees a session; NULL does nothing. */
BRINK_API void brink_play_free(brink_play_t *p);

/** The played actor, the seed, the run index and the model (borrowed). */
BRINK_API int brink_play_actor(const brink_play_t *p);
BRINK_API uint64_t brink_play_seed(const brink_play_t *p);
BRINK_API uint32_t brink_play_run(const brink_play_t *p);
BRINK_API const brink_sim_t *brink_play_sim(const brink_play_t *p);
/** The month awaiting a decision (year*12 + month-1). */
BRINK_API int brink_play_month(const brink_play_t *p);
/** Nonzero once the run has ended (a terminal outcome or the horizon). */
BRINK_API int brink_play_done(const brink_play_t *p);
/** The session's events and monthly series so far (borrowed; valid until
 *  the next decision).  Its outcome is meaningful once done. */
BRINK_API const brink_sim_trace_t *brink_play_trace(const brink_play_t *p);

/** The played actor's options in the month awaiting a decision. */
typedef struct brink_play_menu {
    int month;                          /* the month of the menu */
    int n;                              /* options; action[0] is wait */
    int action[BRINK_PLAY_NACTIONS];    /* BRINK_PLAY_* */
    double utility[BRINK_PLAY_NACTIONS];/* the model's utility of each option */
    double p[BRINK_PLAY_NACTIONS];      /* the model's choice probability (logit) */
    double q[BRINK_PLAY_NACTIONS];      /* chance the model takes exactly this
                                           option this month (wait: none) */
    double q_several;                   /* chance the model takes two or more */
    int talks;                          /* the actor can talk with the target */
    int talks_open;                     /* a talks track with the target is open */
} brink_play_menu_t;

/** Fills *out with the menu of the month awaiting a decision: the menu,
 *  utilities and probabilities the model computes for the actor at the
 *  point of its choice (the month's earlier draws included), so they are
 *  exactly those the month's decision meets.  One month of simulation on
 *  a copy of the state.  Returns BRINK_OK or BRINK_EINVAL (the session is
 *  done). */
BRINK_API brink_status_t brink_play_menu(brink_ctx_t *ctx, brink_play_t *p, brink_play_menu_t *out);

/** Plays the month awaiting a decision with action (one of the menu's)
 *  and stance talks, and advances to the next month.  Returns BRINK_OK,
 *  BRINK_EINVAL (the session is done, or the action is not on this
 *  month's menu, or an unknown stance; nothing changes) or BRINK_ENOMEM
 *  (the decision list could not grow; nothing changes). */
BRINK_API brink_status_t brink_play_decide(brink_ctx_t *ctx, brink_play_t *p, int action, int talks);

/** The decisions made so far: n decisions (month, action, talks), in
 *  order; returns n.  Pointers borrowed, valid until the next decision. */
BRINK_API size_t brink_play_decisions(const brink_play_t *p, const int **month, const int **action,
                                      const int **talks);

/** What a short ensemble from the current month expects after a decision. */
typedef struct brink_play_outlook {
    uint32_t runs;      /* runs made */
    int months;         /* months looked ahead (cut at the horizon) */
    double p_nuclear;   /* share of runs with a nuclear test */
    double p_icbm;      /* ... with an ICBM-class launch */
    double p_talks;     /* ... with talks open (or a freeze or deal in force) in some month */
    double p_summit;    /* ... with a leader summit of the target with an adversary */
    double p_clash;     /* ... with an armed clash */
    double p_war;       /* ... ending in war */
    double missiles;    /* mean missiles fired */
} brink_play_outlook_t;

/** Look-ahead: runs runs (1..100000) of months months (1..120, cut at the
 *  horizon) from the month awaiting a decision, in which the played actor
 *  takes action with stance talks this month and the model decides for it
 *  afterwards.  Run r's draws come from the stream keyed by (seed, month,
 *  r, BRINK_STREAM_LOOKAHEAD) whatever the option, so two options compare
 *  with common random numbers.  Single-threaded; O(runs x months) steps.
 *  Returns BRINK_OK or BRINK_EINVAL (done, not on the menu, or out of
 *  range). */
BRINK_API brink_status_t brink_play_lookahead(brink_ctx_t *ctx, brink_play_t *p, int action,
                                              int talks, uint32_t runs, int months,
                                              brink_play_outlook_t *out);

/** The player's decisions scored against the model's own policy: over n
 *  decided months, the mean log probability the model gives the player's
 *  action (exactly that action, or none for wait), the mean the model's own
 *  policy would expect (its negative entropy, the several-actions outcome
 *  included), and the share of months in which the player chose the
 *  model's most likely single option. */
typedef struct brink_play_score {
    size_t n;
    double mean_logp, model_mean_logp, agree;
} brink_play_score_t;
BRINK_API void brink_play_get_score(const brink_play_t *p, brink_play_score_t *out);

/* ---- logs (src/play/log.c) ------------------------------------------- */

/** Writes the session's log: the lines
 *    brink-play 1
 *    scenario <scenario_hash>        (as given; "-" if NULL)
 *    actor <id>
 *    seed <n>
 *    run <n>
 *    <YYYY-MM> <action> <talks>      (one line per decision)
 *  Returns BRINK_OK or BRINK_EIO. */
BRINK_API brink_status_t brink_play_log_write(const brink_play_t *p, const char *scenario_hash,
                                              FILE *fp);

/** A parsed log (see brink_play_log_write). */
typedef struct brink_play_log {
    char scenario[80];  /* the scenario hash recorded, or "-" */
    char actor[64];
    uint64_t seed;
    uint32_t run;
    size_t n;           /* decisions */
    int *month, *action, *talks; /* n each, owned (brink_play_log_free) */
    int *line;          /* the line of each decision */
} brink_play_log_t;

/** Parses a log from text (len bytes; name for messages) strictly: the
 *  header lines in order, decisions in consecutive months, known names,
 *  no NUL bytes, at most 1 MiB.  On an error *log is empty and ctx holds
 *  "NAME:LINE:COL: ..." naming the field, the value and what was expected.
 *  Returns BRINK_OK, BRINK_EPARSE or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_play_log_parse(brink_ctx_t *ctx, const char *name, const char *text,
                                              size_t len, brink_play_log_t *log);
BRINK_API void brink_play_log_free(brink_ctx_t *ctx, brink_play_log_t *log);

/** Replays log on sim (a model of the scenario the log was made with):
 *  starts a session and makes every decision in order.  A decision whose
 *  month is not the session's or whose action is not on that month's menu
 *  is an error naming the log's line.  On success *out is the session
 *  (free with brink_play_free).  Returns BRINK_OK, BRINK_EPARSE,
 *  BRINK_EINVAL or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_play_replay(brink_ctx_t *ctx, const brink_sim_t *sim, const char *name,
                                           const brink_play_log_t *log, brink_play_t **out);

/** The index of the actor with id (-1 if none). */
BRINK_API int brink_play_actor_index(const brink_sim_t *sim, const char *id);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_PLAY_H */
