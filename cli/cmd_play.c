/* cmd_play.c - `brink play`: the user decides one actor's actions month by
 * month against the model of the others, with the advisor, and the game
 * log saved and replayed (brink/play.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "models.h"
#include "opts.h"
#include "play_term.h"

static const char *const own_files[] = {"play.log", "events.csv", "series.csv", NULL};

const char cmd_play_usage[] =
    "usage: brink play SCENARIO --as ACTOR [--seed N] [--run N] [--months N]\n"
    "                  [--advisor-runs N] [--advisor-months N] [--out DIR]\n"
    "       brink play SCENARIO --replay LOG [--out DIR]\n"
    "\n"
    "Plays ACTOR (an actor id of SCENARIO other than its target, e.g. USA, ROK,\n"
    "CHN) against the model of the others (docs/play.md).  Each month it prints\n"
    "the actor's menu as the model sees it (the model's choice probability of\n"
    "each option and its chance of taking exactly that option this month), the\n"
    "advisor's look-ahead for each option (a short ensemble from this month:\n"
    "chances of a nuclear test, of talks, of an armed clash, of war), then reads\n"
    "one decision from standard input, a line\n"
    "    ACTION [TALKS]\n"
    "with ACTION one of the menu's (wait, impose_sanctions, threaten_force,\n"
    "provide_aid; or its number on the menu) and TALKS the stance on talks with\n"
    "the target: model (default), seek or refuse.  'quit' or the end of input\n"
    "ends the game.  At the end it prints the outcome and the score of the\n"
    "decisions against the model's own policy.\n"
    "\n"
    "options:\n"
    "  --as ACTOR          the actor to play\n"
    "  --seed N            master seed (default 1)\n"
    "  --run N             the run index whose random stream the game uses (default 0)\n"
    "  --months N          play at most N months (default: to the scenario end)\n"
    "  --advisor-runs N    look-ahead runs per option (default 200; 0: no advisor;\n"
    "                      at most 100000)\n"
    "  --advisor-months N  months the look-ahead covers (default 12; 1..120)\n"
    "  --replay LOG        replay a saved play.log instead of reading decisions\n"
    "  --out DIR           write DIR/play.log (seed and decisions), DIR/events.csv\n"
    "                      and DIR/series.csv (atomically)\n"
    "\n"
    "A game is a pure function of the scenario, seed, run and decisions:\n"
    "'brink play SCENARIO --replay DIR/play.log --out DIR2' writes the same\n"
    "events.csv, byte for byte.\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

static int scenario_hash(brink_ctx_t *ctx, const char *path, char out[80])
{
    char *buf = NULL, hex[65];
    size_t len = 0;
    if (brink_read_file(ctx, path, &buf, &len) != BRINK_OK)
        return -1;
    brink_sha256_hex(buf, len, hex);
    brink_free(ctx, buf);
    snprintf(out, 80, "sha256:%s", hex);
    return 0;
}


static int write_out(brink_ctx_t *ctx, const char *dir, const brink_play_t *p, const char *hash)
{
    brink_outdir_t *od = NULL;
    cli_atomic_t lg = {0}, ev = {0}, se = {0};
    char path[4096];
    (void)ctx;
    if (cli_outdir_begin("play", dir, own_files, &od) != 0)
        return -1;
    const char *stage = brink_outdir_stage(od);
    const brink_sim_t *sim = brink_play_sim(p);
    int ok = 1;
    snprintf(path, sizeof path, "%s/play.log", stage);
    ok = ok && cli_atomic_open(&lg, path) == 0;
    snprintf(path, sizeof path, "%s/events.csv", stage);
    ok = ok && cli_atomic_open(&ev, path) == 0;
    snprintf(path, sizeof path, "%s/series.csv", stage);
    ok = ok && cli_atomic_open(&se, path) == 0;
    ok = ok && brink_play_log_write(p, hash, lg.fp) == BRINK_OK;
    ok = ok && brink_sim_write_events_csv(sim, brink_play_trace(p), brink_play_run(p), 1,
                                          ev.fp) == BRINK_OK;
    ok = ok && brink_sim_write_series_csv(sim, brink_play_trace(p), se.fp) == BRINK_OK;
    ok = ok && cli_atomic_commit(&lg) == 0 && cli_atomic_commit(&ev) == 0 &&
         cli_atomic_commit(&se) == 0;
    if (!ok) {
        cli_atomic_abort(&lg);
        cli_atomic_abort(&ev);
        cli_atomic_abort(&se);
        cli_outdir_abort(&od);
        fprintf(stderr, "brink: play: cannot write the results to %s\n", dir);
        return -1;
    }
    return cli_outdir_commit("play", &od);
}

int cmd_play(int argc, char **argv)
{
    enum { O_AS, O_SEED, O_RUN, O_MONTHS, O_ARUNS, O_AMONTHS, O_REPLAY, O_OUT };
    static const cli_opt_t table[] = {
        {"--as", 0, 1, O_AS},          {"--seed", 0, 1, O_SEED},
        {"--run", 0, 1, O_RUN},        {"--months", 0, 1, O_MONTHS},
        {"--advisor-runs", 0, 1, O_ARUNS}, {"--advisor-months", 0, 1, O_AMONTHS},
        {"--replay", 0, 1, O_REPLAY},  {"--out", 0, 1, O_OUT},
        {NULL, 0, 0, 0}};
    cli_opts_t op;
    int id, rc = EXIT_OK;
    const char *file = NULL, *as = NULL, *replay = NULL, *outdir = NULL, *v;
    uint64_t seed = 1, run = 0, months = 100000, aruns = 200, amonths = 12;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_play_t *p = NULL;
    brink_play_log_t log = {0};
    char *text = NULL, hash[80] = "";
    size_t len = 0;
    cli_opts_init(&op, "play", argc, argv, table);
    while ((id = cli_opts_next(&op, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (file)
                return cli_usage_error("play: expected one SCENARIO, got '%s' and '%s'", file, v);
            file = v;
            break;
        case O_AS: as = v; break;
        case O_REPLAY: replay = v; break;
        case O_OUT: outdir = v; break;
        case O_SEED:
            if ((rc = cli_opt_seed("play", v, &seed)) != EXIT_OK)
                return rc;
            break;
        case O_RUN:
            if ((rc = cli_opt_u64("play", "--run", v, 0, UINT32_MAX, &run)) != EXIT_OK)
                return rc;
            break;
        case O_MONTHS:
            if ((rc = cli_opt_u64("play", "--months", v, 1, 1200, &months)) != EXIT_OK)
                return rc;
            break;
        case O_ARUNS:
            if ((rc = cli_opt_u64("play", "--advisor-runs", v, 0, 100000, &aruns)) != EXIT_OK)
                return rc;
            break;
        case O_AMONTHS:
            if ((rc = cli_opt_u64("play", "--advisor-months", v, 1, 120, &amonths)) != EXIT_OK)
                return rc;
            break;
        }
    }
    if (!file)
        return cli_usage_error("play: expected a SCENARIO file (see 'brink help play')");
    if (!as == !replay)
        return cli_usage_error("play: expected either --as ACTOR or --replay LOG");
    if (!(ctx = brink_ctx_new(NULL)))
        return cli_fail("out of memory");
    if ((rc = cli_models_load(ctx, "play", file, NULL, 0, NULL, &models)) != EXIT_OK)
        goto cleanup;
    const brink_sim_t *sim = models.sim[0];
    if (scenario_hash(ctx, file, hash) != 0) {
        rc = cli_fail("play: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (replay) {
        brink_status_t st = brink_read_file(ctx, replay, &text, &len);
        if (st == BRINK_OK)
            st = brink_play_log_parse(ctx, replay, text, len, &log);
        if (st == BRINK_OK && strcmp(log.scenario, "-") != 0 && strcmp(log.scenario, hash) != 0)
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:2:10: the log was made with scenario "
                                 "%.23s..., not %s (%.23s...)", replay, log.scenario, file, hash);
        if (st == BRINK_OK)
            st = brink_play_replay(ctx, sim, replay, &log, &p);
        if (st != BRINK_OK) {
            rc = st == BRINK_ENOMEM || st == BRINK_EIO ? cli_fail("play: %s", brink_ctx_errmsg(ctx))
                                                       : cli_usage_error("play: %s",
                                                                         brink_ctx_errmsg(ctx));
            goto cleanup;
        }
        play_show_end(p);
    } else {
        int actor = brink_play_actor_index(sim, as);
        if (actor < 0) {
            rc = cli_usage_error("play: --as: '%s' is not an actor of %s", as, file);
            goto cleanup;
        }
        if (brink_play_new(ctx, sim, seed, (uint32_t)run, actor, &p) != BRINK_OK) {
            rc = cli_usage_error("%s", brink_ctx_errmsg(ctx));
            goto cleanup;
        }
        char line[256];
        int tty = isatty(STDIN_FILENO), lineno = 0;
        for (uint64_t k = 0; k < months && !brink_play_done(p);) {
            brink_play_menu_t m;
            brink_play_menu(ctx, p, &m);
            play_show_menu(ctx, p, &m, aruns, amonths);
            if (!fgets(line, sizeof line, stdin))
                break;
            line[strcspn(line, "\r\n")] = 0;
            lineno++;
            int action, talks, r = play_read_decision(line, &m, &action, &talks);
            if (r == 0)
                break;
            if (r > 0 && brink_play_decide(ctx, p, action, talks) != BRINK_OK) {
                fprintf(stderr, "brink: %s\n", brink_ctx_errmsg(ctx));
                r = -1;
            }
            if (r < 0 && !tty) {
                /* decisions from a file or pipe: a bad one is an input error */
                rc = cli_usage_error("play: standard input, line %d: not a decision on the "
                                     "menu (see above)", lineno);
                goto cleanup;
            }
            if (r < 0)
                continue;
            k++;
        }
        play_show_end(p);
    }
    if (outdir && write_out(ctx, outdir, p, hash) != 0)
        rc = EXIT_FAIL;
    if (fflush(stdout) != 0)
        rc = cli_fail("play: cannot write to stdout");
cleanup:
    brink_play_free(p);
    brink_play_log_free(ctx, &log);
    brink_free(ctx, text);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    return rc;
}
