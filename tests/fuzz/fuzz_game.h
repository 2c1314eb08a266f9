/* fuzz_game.h - the body shared by the .nfg and .efg fuzz targets: read the
 * bytes as a game; if they parse, write the game and read it back, which
 * must give the same game. */
#include <stdint.h>
#include <stdlib.h>

#include "brink/game.h"

static int fuzz_one(const uint8_t *data, size_t size)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return 0;
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_game_t *g = NULL;
    if (brink_game_read_string(ctx, (const char *)data, size, "fuzz", &g, &diags) == BRINK_OK) {
        char *text = NULL;
        size_t len = 0;
        if (brink_game_write(ctx, g, BRINK_FMT_AUTO, &text, &len) == BRINK_OK) {
            brink_game_t *h = NULL;
            if (brink_game_read_string(ctx, text, len, "again", &h, NULL) != BRINK_OK ||
                !brink_game_equal(g, h))
                abort(); /* a written game must read back as the same game */
            brink_game_free(ctx, h);
        }
        brink_free(ctx, text);
        brink_game_free(ctx, g);
    }
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    return 0;
}
