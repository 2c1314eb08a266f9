/* json_write.c - brink's JSON description of a game (for `brink convert`).
 * Exact numbers are written as strings ("3/4") so nothing is rounded. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

static json_t *qstr(const mpq_t q)
{
    char *s = mpq_get_str(NULL, 10, q);
    json_t *j = json_string(s ? s : "0");
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    if (s)
        freefn(s, strlen(s) + 1);
    return j;
}

static json_t *strlist(char **v, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(v[i] ? v[i] : ""));
    return a;
}

void json_write(gbuf_t *b, const brink_game_t *g)
{
    json_t *root = json_object();
    json_object_set_new(root, "title", json_string(g->title ? g->title : ""));
    json_object_set_new(root, "comment", json_string(g->comment ? g->comment : ""));
    json_object_set_new(root, "players", strlist(g->players, g->nplayers));
    if (g->kind == BRINK_GAME_STRATEGIC) {
        json_object_set_new(root, "type", json_string("strategic"));
        json_t *st = json_array();
        for (int p = 0; p < g->nplayers; p++)
            json_array_append_new(st, strlist(g->strat_names[p], g->nstrat[p]));
        json_object_set_new(root, "strategies", st);
        json_t *pay = json_array();
        for (size_t c = 0; c < g->ncont; c++) {
            json_t *row = json_array();
            for (int p = 0; p < g->nplayers; p++)
                json_array_append_new(row, qstr(g->pay[c * (size_t)g->nplayers + (size_t)p]));
            json_array_append_new(pay, row);
        }
        json_object_set_new(root, "payoffs", pay);
        json_object_set_new(root, "order", json_string("player 1's strategy changes fastest"));
    } else {
        json_object_set_new(root, "type", json_string("extensive"));
        json_t *outs = json_array();
        for (int o = 0; o < g->noutcomes; o++) {
            json_t *jo = json_object();
            json_object_set_new(jo, "name", json_string(g->outcomes[o].name ? g->outcomes[o].name : ""));
            json_t *pay = json_array();
            for (int p = 0; p < g->nplayers; p++)
                json_array_append_new(pay, qstr(g->outcomes[o].pay[p]));
            json_object_set_new(jo, "payoffs", pay);
            json_array_append_new(outs, jo);
        }
        json_object_set_new(root, "outcomes", outs);
        json_t *isets = json_array();
        for (int k = 0; k < g->ninfosets; k++) {
            const game_infoset_t *is = &g->infosets[k];
            json_t *ji = json_object();
            json_object_set_new(ji, "player", json_integer(is->player + 1));
            json_object_set_new(ji, "number", json_integer(is->number));
            json_object_set_new(ji, "name", json_string(is->name ? is->name : ""));
            json_object_set_new(ji, "actions", strlist(is->actions, is->nactions));
            if (is->probs) {
                json_t *pr = json_array();
                for (int a = 0; a < is->nactions; a++)
                    json_array_append_new(pr, qstr(is->probs[a]));
                json_object_set_new(ji, "probabilities", pr);
            }
            json_array_append_new(isets, ji);
        }
        json_object_set_new(root, "infosets", isets);
        json_t *nodes = json_array();
        for (size_t i = 0; i < g->nnodes; i++) {
            const game_node_t *n = &g->nodes[i];
            json_t *jn = json_object();
            json_object_set_new(jn, "kind", json_string(n->kind == NODE_TERMINAL ? "terminal"
                                                        : n->kind == NODE_CHANCE ? "chance"
                                                                                  : "personal"));
            json_object_set_new(jn, "name", json_string(n->name ? n->name : ""));
            json_object_set_new(jn, "parent",
                                n->parent == SIZE_MAX ? json_null() : json_integer((json_int_t)n->parent));
            json_object_set_new(jn, "infoset", n->infoset < 0 ? json_null() : json_integer(n->infoset));
            json_object_set_new(jn, "outcome", n->outcome < 0 ? json_null() : json_integer(n->outcome));
            json_array_append_new(nodes, jn);
        }
        json_object_set_new(root, "nodes", nodes);
    }
    char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!s) {
        b->failed = 1;
        return;
    }
    gbuf_puts(b, s);
    gbuf_putc(b, '\n');
    free(s);
}
