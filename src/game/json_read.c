/* json_read.c - reads brink's JSON description of a game (json_write.c) by
 * turning it into Gambit text for the .nfg/.efg readers, so both formats
 * share one set of checks.  JSON syntax errors carry jansson's line and
 * column; structural errors name the field. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

static brink_status_t jerr(brink_ctx_t *ctx, brink_diags_t *diags, const char *name, int line,
                           int col, const char *path, const char *msg)
{
    if (diags)
        brink_diags_add(ctx, diags, name, line, col, path, "%s", msg);
    return brink_ctx_error(ctx, BRINK_EVALIDATE, "%s:%d:%d: error: %s%s%s", name, line, col,
                           path[0] ? path : "", path[0] ? ": " : "", msg);
}

/* an error at the JSON value of path */
static brink_status_t jerr_at(brink_ctx_t *ctx, brink_diags_t *diags, const char *name,
                              const char *text, size_t len, const char *path, const char *msg)
{
    int line, col;
    json_locate(text, len, path, &line, &col);
    return jerr(ctx, diags, name, line, col, path, msg);
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void put_strings(gbuf_t *b, json_t *arr)
{
    size_t i;
    json_t *v;
    gbuf_puts(b, "{");
    json_array_foreach(arr, i, v) {
        gbuf_putc(b, ' ');
        gbuf_put_quoted(b, json_is_string(v) ? json_string_value(v) : "");
    }
    gbuf_puts(b, " }");
}

/* numbers are strings ("3/4") or JSON numbers */
static int put_number(gbuf_t *b, json_t *v)
{
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        for (const char *c = s; *c; c++)
            if (!strchr("0123456789+-./eE", *c))
                return -1;
        gbuf_puts(b, s);
        return 0;
    }
    if (json_is_integer(v)) {
        gbuf_printf(b, "%lld", (long long)json_integer_value(v));
        return 0;
    }
    if (json_is_real(v)) {
        gbuf_printf(b, "%.17g", json_real_value(v));
        return 0;
    }
    return -1;
}

brink_status_t json_read(brink_ctx_t *ctx, const char *text, size_t len, const char *name,
                         brink_game_t **out, brink_diags_t *diags)
{
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return jerr(ctx, diags, name, je.line, je.column, "", je.text);
    gbuf_t b;
    gbuf_init(&b, ctx);
    brink_status_t st = json_check_game(ctx, root, text, len, name, diags);
    if (st != BRINK_OK)
        goto done;
    const char *type = jstr(root, "type");
    json_t *players = json_object_get(root, "players");
    if (!type || (strcmp(type, "strategic") && strcmp(type, "extensive"))) {
        st = jerr_at(ctx, diags, name, text, len, "type", "expected \"strategic\" or \"extensive\"");
        goto done;
    }
    if (!json_is_array(players) || json_array_size(players) == 0) {
        st = jerr_at(ctx, diags, name, text, len, "players", "expected a non-empty array of names");
        goto done;
    }
    const char *title = jstr(root, "title"), *comment = jstr(root, "comment");
    size_t np = json_array_size(players);
    if (!strcmp(type, "strategic")) {
        json_t *strat = json_object_get(root, "strategies");
        json_t *pay = json_object_get(root, "payoffs");
        if (!json_is_array(strat) || json_array_size(strat) != np) {
            st = jerr_at(ctx, diags, name, text, len, "strategies",
                      "expected one array of strategy names per player");
            goto done;
        }
        gbuf_puts(&b, "NFG 1 R ");
        gbuf_put_quoted(&b, title ? title : "");
        gbuf_putc(&b, ' ');
        put_strings(&b, players);
        gbuf_puts(&b, " {");
        size_t ncont = 1, i;
        json_t *v;
        json_array_foreach(strat, i, v) {
            if (!json_is_array(v) || json_array_size(v) == 0) {
                st = jerr_at(ctx, diags, name, text, len, "strategies",
                          "every player needs a non-empty array of strategy names");
                goto done;
            }
            gbuf_putc(&b, ' ');
            put_strings(&b, v);
            ncont *= json_array_size(v);
        }
        gbuf_puts(&b, " }\n");
        gbuf_put_quoted(&b, comment ? comment : "");
        gbuf_putc(&b, '\n');
        if (!json_is_array(pay) || json_array_size(pay) != ncont) {
            st = jerr_at(ctx, diags, name, text, len, "payoffs",
                      "expected one array of payoffs per strategy profile (player 1's strategy "
                      "changing fastest)");
            goto done;
        }
        json_array_foreach(pay, i, v) {
            if (!json_is_array(v) || json_array_size(v) != np) {
                st = jerr_at(ctx, diags, name, text, len, "payoffs",
                          "every strategy profile needs one payoff per player");
                goto done;
            }
            size_t k;
            json_t *x;
            json_array_foreach(v, k, x) {
                gbuf_putc(&b, ' ');
                if (put_number(&b, x) != 0) {
                    st = jerr_at(ctx, diags, name, text, len, "payoffs", "a payoff is not a number");
                    goto done;
                }
            }
            gbuf_putc(&b, '\n');
        }
    } else {
        json_t *outs = json_object_get(root, "outcomes"), *isets = json_object_get(root, "infosets");
        json_t *nodes = json_object_get(root, "nodes");
        if (!json_is_array(outs) || !json_is_array(isets) || !json_is_array(nodes) ||
            json_array_size(nodes) == 0) {
            st = jerr_at(ctx, diags, name, text, len, "",
                      "an extensive game needs arrays \"outcomes\", \"infosets\" and \"nodes\"");
            goto done;
        }
        gbuf_puts(&b, "EFG 2 R ");
        gbuf_put_quoted(&b, title ? title : "");
        gbuf_putc(&b, ' ');
        put_strings(&b, players);
        gbuf_putc(&b, '\n');
        gbuf_put_quoted(&b, comment ? comment : "");
        gbuf_putc(&b, '\n');
        size_t i;
        json_t *n;
        json_array_foreach(nodes, i, n) {
            const char *kind = jstr(n, "kind");
            json_t *is = json_object_get(n, "infoset"), *oc = json_object_get(n, "outcome");
            char path[64];
            snprintf(path, sizeof path, "nodes[%zu]", i);
            if (!kind) {
                st = jerr_at(ctx, diags, name, text, len, path, "expected \"kind\"");
                goto done;
            }
            if (!strcmp(kind, "terminal")) {
                gbuf_puts(&b, "t ");
                gbuf_put_quoted(&b, jstr(n, "name") ? jstr(n, "name") : "");
            } else {
                if (!json_is_integer(is) || json_integer_value(is) < 0 ||
                    (size_t)json_integer_value(is) >= json_array_size(isets)) {
                    st = jerr_at(ctx, diags, name, text, len, path, "\"infoset\" is not an index of infosets");
                    goto done;
                }
                json_t *ji = json_array_get(isets, (size_t)json_integer_value(is));
                json_t *pl = json_object_get(ji, "player"), *num = json_object_get(ji, "number");
                json_t *acts = json_object_get(ji, "actions"), *pr = json_object_get(ji, "probabilities");
                if (!json_is_integer(pl) || !json_is_integer(num) || !json_is_array(acts)) {
                    st = jerr_at(ctx, diags, name, text, len, path,
                              "its infoset needs \"player\", \"number\" and \"actions\"");
                    goto done;
                }
                int chance = !strcmp(kind, "chance");
                gbuf_puts(&b, chance ? "c " : "p ");
                gbuf_put_quoted(&b, jstr(n, "name") ? jstr(n, "name") : "");
                if (chance)
                    gbuf_printf(&b, " %lld ", (long long)json_integer_value(num));
                else
                    gbuf_printf(&b, " %lld %lld ", (long long)json_integer_value(pl),
                                (long long)json_integer_value(num));
                gbuf_put_quoted(&b, jstr(ji, "name") ? jstr(ji, "name") : "");
                gbuf_puts(&b, " {");
                size_t a;
                json_t *an;
                json_array_foreach(acts, a, an) {
                    gbuf_putc(&b, ' ');
                    gbuf_put_quoted(&b, json_is_string(an) ? json_string_value(an) : "");
                    if (chance) {
                        gbuf_putc(&b, ' ');
                        if (!json_is_array(pr) || put_number(&b, json_array_get(pr, a)) != 0) {
                            st = jerr_at(ctx, diags, name, text, len, path,
                                      "a chance infoset needs one probability per action");
                            goto done;
                        }
                    }
                }
                gbuf_puts(&b, " }");
            }
            if (json_is_integer(oc)) {
                json_int_t o = json_integer_value(oc);
                json_t *jo = json_array_get(outs, (size_t)o);
                json_t *pays = json_object_get(jo, "payoffs");
                if (o < 0 || !jo || !json_is_array(pays) || json_array_size(pays) != np) {
                    st = jerr_at(ctx, diags, name, text, len, path,
                              "\"outcome\" must index an outcome with one payoff per player");
                    goto done;
                }
                gbuf_printf(&b, " %lld ", (long long)o + 1);
                gbuf_put_quoted(&b, jstr(jo, "name") ? jstr(jo, "name") : "");
                gbuf_puts(&b, " {");
                size_t k;
                json_t *x;
                json_array_foreach(pays, k, x) {
                    gbuf_putc(&b, ' ');
                    if (put_number(&b, x) != 0) {
                        st = jerr_at(ctx, diags, name, text, len, path, "a payoff is not a number");
                        goto done;
                    }
                }
                gbuf_puts(&b, " }");
            } else {
                gbuf_puts(&b, " 0");
            }
            gbuf_putc(&b, '\n');
        }
    }
    if (b.failed) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    st = brink_game_read_string(ctx, b.data, b.len, name, out, NULL);
    if (st != BRINK_OK && st != BRINK_ENOMEM) {
        /* the error is located in the generated Gambit text: line 3 on is
         * one node (or one payoff row) each; point at that JSON value */
        const char *m = brink_ctx_errmsg(ctx);
        size_t nl = strlen(name);
        int gl = 0;
        const char *rest = m;
        if (strncmp(m, name, nl) == 0 && m[nl] == ':') {
            gl = atoi(m + nl + 1);
            const char *e = strstr(m + nl, "error: ");
            rest = e ? e + 7 : m;
        }
        char path[64];
        if (gl >= 3)
            snprintf(path, sizeof path, "%s[%d]", strcmp(type, "strategic") ? "nodes" : "payoffs",
                     gl - 3);
        else
            snprintf(path, sizeof path, "%s", gl == 2 ? "comment" : "players");
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", rest);
        int line, col;
        json_locate(text, len, path, &line, &col);
        if (diags)
            brink_diags_add(ctx, diags, name, line, col, path, "%s", msg);
        st = brink_ctx_error(ctx, st, "%s:%d:%d: error: %s: %s", name, line, col, path, msg);
    }
done:
    json_decref(root);
    brink_free(ctx, b.data);
    return st;
}
