/* lexer.h - tokens of Gambit's .nfg/.efg files, with line and column. */
#ifndef BRINK_GAME_LEXER_H
#define BRINK_GAME_LEXER_H

#include <stddef.h>

#include "brink/core.h"

typedef enum tok_kind {
    TOK_EOF = 0,
    TOK_LBRACE,
    TOK_RBRACE,
    TOK_COMMA,
    TOK_STRING, /* text is unescaped in lexer->sbuf */
    TOK_NUMBER, /* text points into the input */
    TOK_WORD,   /* a bare word such as NFG, R, p */
    TOK_ERROR
} tok_kind_t;

typedef struct lexer {
    brink_ctx_t *ctx;
    const char *src;
    size_t len, pos;
    int line;          /* current line; the column is pos - line_start + 1 */
    size_t line_start; /* offset of the first byte of the current line */
    const char *name;
    brink_diags_t *diags;
    /* current token */
    tok_kind_t kind;
    const char *text;
    size_t tlen;
    int tline, tcol;
    char *sbuf;
    size_t scap;
    int failed; /* an error was reported */
    brink_status_t status;
} lexer_t;

void lex_init(lexer_t *L, brink_ctx_t *ctx, const char *src, size_t len, const char *name,
              brink_diags_t *diags);
void lex_free(lexer_t *L);
/* advances to the next token; returns its kind */
tok_kind_t lex_next(lexer_t *L);
/* a description of the current token for messages ("'{'", "end of file", "\"abc\"", ...) */
const char *lex_describe(lexer_t *L, char *buf, size_t size);
/* reports an error at the current token: "expected WHAT, found TOKEN"; returns status */
brink_status_t lex_expected(lexer_t *L, const char *what);
/* reports an error at the current token with a free message */
brink_status_t lex_error(lexer_t *L, brink_status_t st, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
