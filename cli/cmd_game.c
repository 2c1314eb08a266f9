/* cmd_game.c - `brink game info GAME`: a summary of a game file;
 * `brink game regret GAME PROFILES`: the regret of each profile. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brink/game.h"
#include "cli.h"
#include "commands.h"

const char cmd_game_usage[] =
    "usage: brink game info GAME\n"
    "       brink game regret GAME PROFILES [--strategic]\n\n"
    "info prints the title, players, and for a strategic game the strategies, for\n"
    "an extensive game the numbers of nodes, information sets and actions and\n"
    "whether it has perfect information.\n\n"
    "regret reads PROFILES (a file, or - for standard input) with one profile per\n"
    "line in Gambit's output form 'NE,p1,p2,...' (decimals, exponents or p/q):\n"
    "mixed strategies of a strategic game in player and strategy order, or\n"
    "behaviour strategies of an extensive game in player, information set and\n"
    "action order.  It prints for each line the largest gain any player has from\n"
    "a deviation (0 for a Nash equilibrium); for a tree the regret is ex ante\n"
    "(brink_game_regret_behavior); with --strategic the profiles of a\n"
    "tree are mixed strategies of its reduced strategic form (as solve --strategic\n"
    "prints them).  Blank lines are skipped.\n\n"
    "Exit 2 on a malformed game or profile line (with its line and column).\n";

static int profile_width(const brink_game_t *g, int strategic)
{
    int w = 0, np = brink_game_num_players(g);
    for (int p = 0; p < np; p++) {
        if (strategic)
            w += brink_game_num_strategies(g, p);
        else
            for (int k = 0; k < brink_game_num_infosets(g, p); k++)
                w += brink_game_num_actions(g, p, k);
    }
    return w;
}

/* one value "x", "x.y", "1e-5" or "p/q" (decimal only); 0 on success */
static int parse_value(const char *s, size_t len, double *out)
{
    const char *slash = memchr(s, '/', len);
    double num = 0, den = 1;
    if (slash) {
        if (brink_parse_decimal(s, (size_t)(slash - s), &num) != 0 ||
            brink_parse_decimal(slash + 1, len - (size_t)(slash - s) - 1, &den) != 0 ||
            den == 0)
            return -1;
        num /= den;
    } else if (brink_parse_decimal(s, len, &num) != 0) {
        return -1;
    }
    if (!isfinite(num))
        return -1;
    *out = num;
    return 0;
}

static int cmd_game_regret(const char *gpath, const char *ppath, int strategic)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_game_t *g = NULL;
    brink_status_t rst;
    int rc = EXIT_OK;
    double *prof = NULL;
    char *line = NULL;
    size_t cap = 0;
    char *text = NULL;
    size_t tlen = 0;
    FILE *f = NULL;
    /* the profiles, bounded by the input limit (also from a pipe) */
    brink_status_t rs = brink_read_file(ctx, strcmp(ppath, "-") == 0 ? "/dev/stdin" : ppath,
                                        &text, &tlen);
    if (rs != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = rs == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
        goto done;
    }
    if (memchr(text, '\0', tlen)) {
        rc = cli_usage_error("%s: a NUL byte at offset %zu; expected text", ppath,
                             (size_t)((const char *)memchr(text, '\0', tlen) - text));
        goto done;
    }
    f = tlen ? fmemopen(text, tlen, "r") : NULL;
    if (tlen && !f) {
        rc = cli_fail("out of memory");
        goto done;
    }
    if ((rst = brink_game_read_file(ctx, gpath, &g, NULL)) != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = rst == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE; /* out of memory is a failure */
        goto done;
    }
    const brink_game_t *form = g;
    if (strategic && brink_game_kind(g) == BRINK_GAME_EXTENSIVE &&
        brink_game_reduced(ctx, g, &form) != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = EXIT_USAGE;
        goto done;
    }
    strategic = strategic || brink_game_kind(g) == BRINK_GAME_STRATEGIC;
    int w = profile_width(form, strategic);
    prof = malloc((size_t)(w > 0 ? w : 1) * sizeof *prof);
    if (!prof) {
        rc = cli_fail("out of memory");
        goto done;
    }
    long lineno = 0;
    ssize_t n;
    while (f && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n == 0)
            continue;
        if (strncmp(line, "NE,", 3) != 0) {
            fprintf(stderr, "%s:%ld:1: error: found '%.20s'; expected a profile 'NE,p1,p2,...'\n",
                    ppath, lineno, line);
            rc = EXIT_USAGE;
            goto done;
        }
        int k = 0;
        const char *p = line + 3;
        for (;;) {
            const char *e = strchr(p, ',');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (k >= w || parse_value(p, len, &prof[k]) != 0 || prof[k] < 0 || prof[k] > 1) {
                if (k >= w)
                    fprintf(stderr, "%s:%ld:%ld: error: found more than %d values; expected %d "
                            "(the game's profile width)\n", ppath, lineno, (long)(p - line) + 1, w, w);
                else
                    fprintf(stderr, "%s:%ld:%ld: error: value %d: found '%.*s'; expected a "
                            "probability (decimal or p/q in [0, 1])\n",
                            ppath, lineno, (long)(p - line) + 1, k + 1, (int)len, p);
                rc = EXIT_USAGE;
                goto done;
            }
            k++;
            if (!e)
                break;
            p = e + 1;
        }
        if (k != w) {
            fprintf(stderr, "%s:%ld:%zu: error: found %d values; expected %d (the game's "
                    "profile width)\n", ppath, lineno, strlen(line) + 1, k, w);
            rc = EXIT_USAGE;
            goto done;
        }
        double r;
        brink_status_t st = strategic
                                ? brink_game_regret(ctx, g, prof, (size_t)w, &r)
                                : brink_game_regret_behavior(ctx, g, prof, (size_t)w, &r);
        if (st != BRINK_OK) {
            fprintf(stderr, "%s:%ld: error: %s\n", ppath, lineno, brink_ctx_errmsg(ctx));
            rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
            goto done;
        }
        printf("regret %.17g\n", r);
    }
done:
    if (f)
        fclose(f);
    if (text)
        brink_free(ctx, text);
    free(line);
    free(prof);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
    return rc;
}

int cmd_game(int argc, char **argv)
{
    if ((argc == 4 || (argc == 5 && strcmp(argv[4], "--strategic") == 0)) &&
        strcmp(argv[1], "regret") == 0)
        return cmd_game_regret(argv[2], argv[3], argc == 5);
    if (argc != 3 || strcmp(argv[1], "info") != 0)
        return cli_usage_error("game: expected 'game info GAME' or 'game regret GAME PROFILES' "
                               "(see 'brink help game')");
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_game_t *g = NULL;
    brink_status_t rst;
    int rc = EXIT_OK;
    if ((rst = brink_game_read_file(ctx, argv[2], &g, NULL)) != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = rst == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE; /* out of memory is a failure */
        goto done;
    }
    int np = brink_game_num_players(g);
    printf("title: %s\n", brink_game_title(g));
    printf("form: %s\n", brink_game_kind(g) == BRINK_GAME_STRATEGIC ? "strategic" : "extensive");
    printf("players: %d\n", np);
    for (int p = 0; p < np; p++) {
        printf("  %d \"%s\"", p + 1, brink_game_player_name(g, p));
        if (brink_game_kind(g) == BRINK_GAME_STRATEGIC)
            printf(": %d strategies\n", brink_game_num_strategies(g, p));
        else {
            int ni = brink_game_num_infosets(g, p), na = 0;
            for (int k = 0; k < ni; k++)
                na += brink_game_num_actions(g, p, k);
            printf(": %d information sets, %d actions\n", ni, na);
        }
    }
    if (brink_game_kind(g) == BRINK_GAME_EXTENSIVE) {
        printf("nodes: %zu\n", brink_game_num_nodes(g));
        printf("chance information sets: %d\n", brink_game_num_infosets(g, -1));
        printf("perfect information: %s\n", brink_game_is_perfect_information(g) ? "yes" : "no");
    } else {
        printf("constant sum: %s\n", np == 2 && brink_game_is_constant_sum(ctx, g) ? "yes" : "no");
    }
done:
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
    return rc;
}
