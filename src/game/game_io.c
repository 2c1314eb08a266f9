/* game_io.c - reading a game from text or a file (format from the first
 * word) and writing it in a chosen format. */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

brink_status_t brink_game_read_string(brink_ctx_t *ctx, const char *text, size_t len,
                                      const char *name, brink_game_t **out,
                                      brink_diags_t *diags)
{
    if (!ctx || !out || (!text && len))
        return BRINK_EINVAL;
    *out = NULL;
    {
        size_t i = 0;
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            i++;
        if (i < len && text[i] == '{')
            return json_read(ctx, text, len, name ? name : "<string>", out, diags);
    }
    lexer_t L;
    lex_init(&L, ctx, text ? text : "", len, name, diags);
    brink_status_t st;
    brink_game_t *g = NULL;
    lex_next(&L);
    if (L.kind == TOK_WORD && L.tlen == 3 && memcmp(L.text, "NFG", 3) == 0) {
        if (!(g = game_alloc(ctx, BRINK_GAME_STRATEGIC))) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
        st = nfg_read(&L, g);
    } else if (L.kind == TOK_WORD && L.tlen == 3 && memcmp(L.text, "EFG", 3) == 0) {
        if (!(g = game_alloc(ctx, BRINK_GAME_EXTENSIVE))) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
        st = efg_read(&L, g);
    } else {
        st = lex_expected(&L, "'NFG' or 'EFG' at the start of a Gambit game file");
    }
done:
    lex_free(&L);
    if (st != BRINK_OK) {
        brink_game_free(ctx, g);
        return st;
    }
    *out = g;
    return BRINK_OK;
}

brink_status_t brink_game_read_file(brink_ctx_t *ctx, const char *path, brink_game_t **out,
                                    brink_diags_t *diags)
{
    if (!ctx || !path || !out)
        return BRINK_EINVAL;
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    brink_status_t st = brink_read_file(ctx, path, &buf, &len);
    if (st == BRINK_OK)
        st = brink_game_read_string(ctx, buf, len, path, out, diags);
    brink_free(ctx, buf);
    return st;
}

brink_status_t brink_game_write(brink_ctx_t *ctx, const brink_game_t *game,
                                brink_game_format_t fmt, char **text, size_t *len)
{
    if (!ctx || !game || !text)
        return BRINK_EINVAL;
    *text = NULL;
    gbuf_t b;
    gbuf_init(&b, ctx);
    if (fmt == BRINK_FMT_AUTO)
        fmt = game->kind == BRINK_GAME_STRATEGIC
                  ? (game->noutcomes_nfg ? BRINK_FMT_NFG_OUTCOME : BRINK_FMT_NFG)
                  : BRINK_FMT_EFG;
    const brink_game_t *g = game;
    if ((fmt == BRINK_FMT_NFG || fmt == BRINK_FMT_NFG_OUTCOME) &&
        game->kind == BRINK_GAME_EXTENSIVE) {
        brink_status_t st = brink_game_reduced(ctx, (brink_game_t *)game, &g);
        if (st != BRINK_OK)
            return st;
    }
    switch (fmt) {
    case BRINK_FMT_NFG:
        nfg_write(&b, g, 0);
        break;
    case BRINK_FMT_NFG_OUTCOME:
        nfg_write(&b, g, 1);
        break;
    case BRINK_FMT_EFG:
        if (game->kind != BRINK_GAME_EXTENSIVE)
            return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                   "a strategic game cannot be written as an extensive game");
        efg_write(&b, g);
        break;
    case BRINK_FMT_JSON:
        json_write(&b, g);
        break;
    default:
        return brink_ctx_error(ctx, BRINK_EINVAL, "unknown game format %d", (int)fmt);
    }
    if (b.failed || !b.data) {
        brink_free(ctx, b.data);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory writing the game");
    }
    *text = b.data;
    if (len)
        *len = b.len;
    return BRINK_OK;
}
