/* efg_write.c - writes an extensive game as a Gambit .efg file, nodes in
 * preorder (the node array is already in preorder, so no recursion). */
#include "game/game_internal.h"
#include "game/nfg_efg.h"

static void outcome(gbuf_t *b, const brink_game_t *g, int o, char *seen)
{
    if (o < 0) {
        gbuf_puts(b, " 0");
        return;
    }
    gbuf_printf(b, " %d ", o + 1);
    gbuf_put_quoted(b, g->outcomes[o].name);
    gbuf_puts(b, " {");
    for (int p = 0; p < g->nplayers; p++) {
        gbuf_puts(b, p ? ", " : " ");
        gbuf_put_q(b, g->outcomes[o].pay[p]);
    }
    gbuf_puts(b, " }");
    (void)seen;
}

void efg_write(gbuf_t *b, const brink_game_t *g)
{
    gbuf_puts(b, "EFG 2 R ");
    gbuf_put_quoted(b, g->title);
    gbuf_puts(b, " {");
    for (int p = 0; p < g->nplayers; p++) {
        gbuf_putc(b, ' ');
        gbuf_put_quoted(b, g->players[p]);
    }
    gbuf_puts(b, " }\n");
    gbuf_put_quoted(b, g->comment ? g->comment : "");
    gbuf_puts(b, "\n\n");
    for (size_t i = 0; i < g->nnodes; i++) {
        const game_node_t *n = &g->nodes[i];
        if (n->kind == NODE_TERMINAL) {
            gbuf_puts(b, "t ");
            gbuf_put_quoted(b, n->name);
        } else {
            const game_infoset_t *is = &g->infosets[n->infoset];
            if (n->kind == NODE_CHANCE) {
                gbuf_puts(b, "c ");
                gbuf_put_quoted(b, n->name);
                gbuf_printf(b, " %d ", is->number);
            } else {
                gbuf_puts(b, "p ");
                gbuf_put_quoted(b, n->name);
                gbuf_printf(b, " %d %d ", is->player + 1, is->number);
            }
            gbuf_put_quoted(b, is->name);
            gbuf_puts(b, " {");
            for (int a = 0; a < is->nactions; a++) {
                gbuf_putc(b, ' ');
                gbuf_put_quoted(b, is->actions[a]);
                if (is->probs) {
                    gbuf_putc(b, ' ');
                    gbuf_put_q(b, is->probs[a]);
                }
            }
            gbuf_puts(b, " }");
        }
        outcome(b, g, n->outcome, NULL);
        gbuf_putc(b, '\n');
    }
}
