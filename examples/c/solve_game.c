/*
 * solve_game.c - solve a Gambit game with libbrink and print every
 * equilibrium exactly.
 *
 *   solve_game [GAME.nfg|GAME.efg]
 *
 * Without an argument it solves the Battle of the Sexes written below,
 * whose three equilibria are known in closed form: both pure coordinations
 * and the mixed one in which each player plays its favourite with
 * probability 2/3.  Build:  cc solve_game.c $(pkg-config --cflags --libs brink)
 */
#include <stdio.h>
#include <string.h>

#include <brink/brink.h>

static const char battle_of_the_sexes[] =
    "NFG 1 R \"Battle of the Sexes\" { \"Row\" \"Column\" }\n"
    "{ { \"Opera\" \"Football\" } { \"Opera\" \"Football\" } }\n"
    "\"\"\n"
    "2 1 0 0 0 0 1 2\n";

int main(int argc, char **argv)
{
    int rc = 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_game_t *game = NULL;
    brink_eqset_t *eq = NULL;
    brink_diags_t diags;
    brink_diags_init(&diags);
    if (!ctx || !BRINK_CHECK_VERSION()) {
        fprintf(stderr, "solve_game: libbrink %s does not match the headers %s\n",
                brink_version(), BRINK_VERSION_STRING);
        goto cleanup;
    }
    brink_status_t st = argc > 1
        ? brink_game_read_file(ctx, argv[1], &game, &diags)
        : brink_game_read_string(ctx, battle_of_the_sexes, strlen(battle_of_the_sexes),
                                 "battle.nfg", &game, &diags);
    if (st != BRINK_OK) {
        fprintf(stderr, "solve_game: %s\n", brink_ctx_errmsg(ctx));
        rc = 2;
        goto cleanup;
    }
    brink_solve_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.method = BRINK_METHOD_ENUMMIXED;
    if (brink_game_solve(ctx, game, &opts, &eq) != BRINK_OK) {
        fprintf(stderr, "solve_game: %s\n", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    for (size_t i = 0; i < brink_eqset_count(eq); i++) {
        fputs("NE", stdout);
        for (size_t j = 0; j < brink_eqset_width(eq); j++) {
            char buf[256];
            brink_eqset_format(eq, i, j, -1, buf, sizeof buf);
            printf(",%s", buf);
        }
        putchar('\n');
    }
    rc = fflush(stdout) == 0 ? 0 : 1;
cleanup:
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, game);
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    return rc;
}
