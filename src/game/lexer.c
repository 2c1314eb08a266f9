/* lexer.c - tokenizer shared by the .nfg and .efg readers. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "game/lexer.h"

void lex_init(lexer_t *L, brink_ctx_t *ctx, const char *src, size_t len, const char *name,
              brink_diags_t *diags)
{
    memset(L, 0, sizeof *L);
    L->ctx = ctx;
    L->src = src;
    L->len = len;
    L->line = 1;
    L->col = 1;
    L->name = name ? name : "<string>";
    L->diags = diags;
}

void lex_free(lexer_t *L)
{
    brink_free(L->ctx, L->sbuf);
    L->sbuf = NULL;
}

brink_status_t lex_error(lexer_t *L, brink_status_t st, int line, int col, const char *fmt, ...)
{
    if (L->failed)
        return L->status;
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    L->failed = 1;
    L->status = st;
    if (L->diags)
        brink_diags_add(L->ctx, L->diags, L->name, line, col, "", "%s", msg);
    brink_ctx_error(L->ctx, st, "%s:%d:%d: error: %s", L->name, line, col, msg);
    return st;
}

static int peekc(lexer_t *L)
{
    return L->pos < L->len ? (unsigned char)L->src[L->pos] : -1;
}

static void advance(lexer_t *L)
{
    if (L->pos >= L->len)
        return;
    if (L->src[L->pos] == '\n') {
        L->line++;
        L->col = 1;
    } else {
        L->col++;
    }
    L->pos++;
}

static int sbuf_push(lexer_t *L, size_t n, char c)
{
    if (n + 1 >= L->scap) {
        size_t cap = L->scap ? L->scap * 2 : 64;
        char *b = brink_realloc(L->ctx, L->sbuf, cap);
        if (!b)
            return 0;
        L->sbuf = b;
        L->scap = cap;
    }
    L->sbuf[n] = c;
    L->sbuf[n + 1] = '\0';
    return 1;
}

tok_kind_t lex_next(lexer_t *L)
{
    if (L->failed)
        return L->kind = TOK_ERROR;
    for (;;) {
        int c = peekc(L);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
            advance(L);
        else
            break;
    }
    L->tline = L->line;
    L->tcol = L->col;
    L->text = L->src + L->pos;
    L->tlen = 0;
    int c = peekc(L);
    if (c < 0)
        return L->kind = TOK_EOF;
    if (c == '{' || c == '}' || c == ',') {
        advance(L);
        L->tlen = 1;
        return L->kind = c == '{' ? TOK_LBRACE : c == '}' ? TOK_RBRACE : TOK_COMMA;
    }
    if (c == '"') {
        advance(L);
        size_t n = 0;
        if (!sbuf_push(L, 0, '\0')) {
            lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
            return L->kind = TOK_ERROR;
        }
        for (;;) {
            int d = peekc(L);
            if (d < 0) {
                lex_error(L, BRINK_EPARSE, L->tline, L->tcol,
                          "unterminated string: expected a closing '\"'");
                return L->kind = TOK_ERROR;
            }
            if (d == '\0') {
                lex_error(L, BRINK_EPARSE, L->line, L->col, "NUL byte inside a string");
                return L->kind = TOK_ERROR;
            }
            advance(L);
            if (d == '"')
                break;
            if (d == '\\') {
                int e = peekc(L);
                if (e < 0)
                    continue;
                advance(L);
                d = e;
            }
            if (!sbuf_push(L, n++, (char)d)) {
                lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                return L->kind = TOK_ERROR;
            }
        }
        L->tlen = n;
        return L->kind = TOK_STRING;
    }
    if (isdigit(c) || c == '-' || c == '+' || c == '.') {
        while (L->pos < L->len) {
            int d = peekc(L);
            if (isalnum(d) || d == '.' || d == '/' || d == '-' || d == '+')
                advance(L);
            else
                break;
        }
        L->tlen = (size_t)(L->src + L->pos - L->text);
        return L->kind = TOK_NUMBER;
    }
    if (isalpha(c) || c == '_') {
        while (L->pos < L->len && (isalnum(peekc(L)) || peekc(L) == '_'))
            advance(L);
        L->tlen = (size_t)(L->src + L->pos - L->text);
        return L->kind = TOK_WORD;
    }
    lex_error(L, BRINK_EPARSE, L->tline, L->tcol, "unexpected character '%s%c'",
              isprint(c) ? "" : "\\x", isprint(c) ? c : '?');
    return L->kind = TOK_ERROR;
}

const char *lex_describe(lexer_t *L, char *buf, size_t size)
{
    switch (L->kind) {
    case TOK_EOF:
        snprintf(buf, size, "end of file");
        break;
    case TOK_LBRACE:
        snprintf(buf, size, "'{'");
        break;
    case TOK_RBRACE:
        snprintf(buf, size, "'}'");
        break;
    case TOK_COMMA:
        snprintf(buf, size, "','");
        break;
    case TOK_STRING:
        snprintf(buf, size, "string \"%.40s\"", L->sbuf ? L->sbuf : "");
        break;
    case TOK_NUMBER:
        snprintf(buf, size, "number '%.*s'", (int)(L->tlen > 40 ? 40 : L->tlen), L->text);
        break;
    case TOK_WORD:
        snprintf(buf, size, "'%.*s'", (int)(L->tlen > 40 ? 40 : L->tlen), L->text);
        break;
    default:
        snprintf(buf, size, "an invalid token");
        break;
    }
    return buf;
}

brink_status_t lex_expected(lexer_t *L, const char *what)
{
    char d[96];
    if (L->failed)
        return L->status;
    return lex_error(L, BRINK_EPARSE, L->tline, L->tcol, "expected %s, found %s", what,
                     lex_describe(L, d, sizeof d));
}
