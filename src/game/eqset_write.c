/* eqset_write.c - a set of equilibria as `brink solve` prints it
 * (brink/game.h): Gambit's "NE,p1,p2,..." lines, or a JSON object. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brink/game.h"

static size_t shown(const brink_eqset_t *eq, size_t max)
{
    size_t n = brink_eqset_count(eq);
    return max && n > max ? max : n;
}

brink_status_t brink_eqset_write_gambit(const brink_eqset_t *eq, int decimals, size_t max,
                                        FILE *fp)
{
    if (!eq || !fp)
        return BRINK_EINVAL;
    char buf[4096];
    size_t n = shown(eq, max), w = brink_eqset_width(eq);
    /* logit branches and fits: "lambda,p1,p2,..." lines, as Gambit's logit */
    int lam = brink_eqset_has_lambda(eq);
    for (size_t i = 0; i < n; i++) {
        if (!lam)
            fputs("NE", fp);
        for (size_t j = 0; j < w; j++) {
            size_t len = brink_eqset_format(eq, i, j, decimals, buf, sizeof buf);
            if (j || !lam)
                fputc(',', fp);
            fwrite(buf, 1, len < sizeof buf ? len : strlen(buf), fp);
        }
        fputc('\n', fp);
    }
    return ferror(fp) ? BRINK_EIO : BRINK_OK;
}

char *brink_eqset_to_json(brink_ctx_t *ctx, const brink_game_t *g, const brink_eqset_t *eq,
                          const char *method, int decimals, size_t max)
{
    if (!ctx || !g || !eq || !method)
        return NULL;
    char buf[4096];
    size_t n = shown(eq, max), w = brink_eqset_width(eq);
    json_t *root = json_object(), *list = json_array();
    json_object_set_new(root, "game", json_string(brink_game_title(g)));
    json_object_set_new(root, "method", json_string(method));
    json_object_set_new(root, "kind", json_string(brink_eqset_kind(eq) == BRINK_PROFILE_BEHAVIOR
                                                      ? "behavior"
                                                      : "mixed"));
    json_object_set_new(root, "exact", json_boolean(brink_eqset_exact(eq)));
    for (size_t i = 0; list && i < n; i++) {
        json_t *prof = json_array();
        for (size_t j = 0; prof && j < w; j++) {
            brink_eqset_format(eq, i, j, decimals, buf, sizeof buf);
            if (brink_eqset_exact(eq) && decimals < 0)
                json_array_append_new(prof, json_string(buf));
            else
                json_array_append_new(prof, json_real(brink_eqset_value(eq, i, j)));
        }
        json_array_append_new(list, prof);
    }
    json_object_set_new(root, "equilibria", list);
    if (n && !isnan(brink_eqset_regret(eq, 0))) {
        json_t *regrets = json_array();
        for (size_t i = 0; regrets && i < n; i++)
            json_array_append_new(regrets, json_real(brink_eqset_regret(eq, i)));
        json_object_set_new(root, "regrets", regrets);
    }
    if (brink_eqset_note(eq)[0])
        json_object_set_new(root, "note", json_string(brink_eqset_note(eq)));
    char *text = root && list ? json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17))
                              : NULL;
    json_decref(root);
    char *out = text ? brink_strdup(ctx, text) : NULL;
    free(text);
    if (!out)
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return out;
}
