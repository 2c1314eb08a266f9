/* nfg_write.c - writes a strategic game as a Gambit .nfg file. */
#include "game/game_internal.h"
#include "game/nfg_efg.h"

static void header(gbuf_t *b, const brink_game_t *g)
{
    gbuf_puts(b, "NFG 1 R ");
    gbuf_put_quoted(b, g->title);
    gbuf_puts(b, " {");
    for (int p = 0; p < g->nplayers; p++) {
        gbuf_putc(b, ' ');
        gbuf_put_quoted(b, g->players[p]);
    }
    gbuf_puts(b, " }\n\n{");
    for (int p = 0; p < g->nplayers; p++) {
        gbuf_puts(b, " {");
        for (int s = 0; s < g->nstrat[p]; s++) {
            gbuf_putc(b, ' ');
            gbuf_put_quoted(b, g->strat_names[p][s]);
        }
        gbuf_puts(b, " }\n");
    }
    gbuf_puts(b, "}\n");
    gbuf_put_quoted(b, g->comment ? g->comment : "");
    gbuf_puts(b, "\n\n");
}

void nfg_write(gbuf_t *b, const brink_game_t *g, int outcome_form)
{
    header(b, g);
    size_t np = (size_t)g->nplayers;
    if (!outcome_form) {
        for (size_t c = 0; c < g->ncont; c++) {
            for (size_t p = 0; p < np; p++) {
                if (c || p)
                    gbuf_putc(b, ' ');
                gbuf_put_q(b, g->pay[c * np + p]);
            }
        }
        gbuf_putc(b, '\n');
        return;
    }
    /* outcome form: the outcomes as read, or one outcome per contingency */
    gbuf_puts(b, "{\n");
    if (g->noutcomes_nfg) {
        for (size_t o = 0; o < g->noutcomes_nfg; o++) {
            gbuf_puts(b, "{ ");
            gbuf_put_quoted(b, g->outcomes_nfg[o].name);
            for (size_t p = 0; p < np; p++) {
                gbuf_puts(b, p ? ", " : " ");
                gbuf_put_q(b, g->outcomes_nfg[o].pay[p]);
            }
            gbuf_puts(b, " }\n");
        }
        gbuf_puts(b, "}\n");
        for (size_t c = 0; c < g->ncont; c++)
            gbuf_printf(b, "%s%zu", c ? " " : "", g->cont_outcome[c]);
    } else {
        for (size_t c = 0; c < g->ncont; c++) {
            gbuf_puts(b, "{ \"\"");
            for (size_t p = 0; p < np; p++) {
                gbuf_puts(b, p ? ", " : " ");
                gbuf_put_q(b, g->pay[c * np + p]);
            }
            gbuf_puts(b, " }\n");
        }
        gbuf_puts(b, "}\n");
        for (size_t c = 0; c < g->ncont; c++)
            gbuf_printf(b, "%s%zu", c ? " " : "", c + 1);
    }
    gbuf_putc(b, '\n');
}
