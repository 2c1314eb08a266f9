/* play_term.h - the terminal side of `brink play` (cmd_play.c): the menu
 * with the model's odds and the advisor's look-ahead, reading a decision,
 * the end of a game. */
#ifndef BRINK_PLAY_TERM_H
#define BRINK_PLAY_TERM_H

#include <stdint.h>

#include "brink/brink.h"
#include "brink/play.h"

/* prints the month's menu: each option with the model's probability and,
 * with aruns > 0, the advisor's look-ahead of aruns runs over amonths */
void play_show_menu(brink_ctx_t *ctx, brink_play_t *p, const brink_play_menu_t *m,
                    uint64_t aruns, uint64_t amonths);
/* parses a typed decision against the menu: 1 (action and talks set), 0
 * ("quit") or -1 (not a decision; a message on stderr) */
int play_read_decision(const char *line, const brink_play_menu_t *m, int *action, int *talks);
/* prints the end of the game: the month reached and the outcome */
void play_show_end(const brink_play_t *p);

#endif
