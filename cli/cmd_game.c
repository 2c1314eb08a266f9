/* cmd_game.c - `brink game info GAME`: a summary of a game file. */
#include <string.h>

#include "brink/game.h"
#include "cli.h"
#include "commands.h"

const char cmd_game_usage[] =
    "usage: brink game info GAME\n\n"
    "Prints the title, players, and for a strategic game the strategies, for an\n"
    "extensive game the numbers of nodes, information sets and actions and\n"
    "whether it has perfect information.  Exit 2 on a malformed file.\n";

int cmd_game(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "info") != 0)
        return cli_usage_error("game: expected 'game info GAME' (see 'brink help game')");
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_game_t *g = NULL;
    int rc = EXIT_OK;
    if (brink_game_read_file(ctx, argv[2], &g, NULL) != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = EXIT_USAGE;
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
