/* nfg_efg.h - pieces shared by the .nfg and .efg readers and writers. */
#ifndef BRINK_GAME_NFG_EFG_H
#define BRINK_GAME_NFG_EFG_H

#include "game/game_internal.h"
#include "game/lexer.h"

brink_status_t rd_string_list(lexer_t *L, char ***out, int *count, const char *what);
/* rd_number and rd_int describe what they expected with printf(fmt, a, b),
 * formatted only when the input is wrong */
brink_status_t rd_number(lexer_t *L, mpq_t q, const char *fmt, long a, long b);
brink_status_t rd_int(lexer_t *L, long lo, long hi, long *out, const char *fmt, long a, long b);
brink_status_t rd_header(lexer_t *L, brink_game_t *g, const char *keyword, int version);

brink_status_t nfg_read(lexer_t *L, brink_game_t *g);
brink_status_t efg_read(lexer_t *L, brink_game_t *g);
void nfg_write(gbuf_t *b, const brink_game_t *g, int outcome_form);
void efg_write(gbuf_t *b, const brink_game_t *g);
void json_write(gbuf_t *b, const brink_game_t *g);
brink_status_t json_read(brink_ctx_t *ctx, const char *text, size_t len, const char *name,
                         brink_game_t **out, brink_diags_t *diags);
/* json_check.c: the line and column (1-based) of the value at path
 * ("nodes[3].parent") in JSON text (the closest enclosing value found) */
void json_locate(const char *text, size_t len, const char *path, int *line, int *col);
/* Known keys, node kinds and the tree of a parsed JSON game, with located
 * errors: BRINK_OK, BRINK_EVALIDATE or BRINK_ENOMEM. */
struct json_t;
brink_status_t json_check_game(brink_ctx_t *ctx, struct json_t *root, const char *text,
                               size_t len, const char *name, brink_diags_t *diags);

#endif
