/* lexer.c - tokenizer shared by the .nfg and .efg readers. */
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
    L->line_start = 0;
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

static int sbuf_reserve(lexer_t *L, size_t n)
{
    if (n + 1 <= L->scap)
        return 1;
    size_t cap = L->scap ? L->scap * 2 : 64;
    while (cap < n + 1)
        cap *= 2;
    char *b = brink_realloc(L->ctx, L->sbuf, cap);
    if (!b)
        return 0;
    L->sbuf = b;
    L->scap = cap;
    return 1;
}

static int col_at(const lexer_t *L, size_t pos)
{
    return (int)(pos - L->line_start + 1);
}

/* ASCII classes (no locale: a file means the same everywhere) */
static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

tok_kind_t lex_next(lexer_t *L)
{
    if (L->failed)
        return L->kind = TOK_ERROR;
    const unsigned char *src = (const unsigned char *)L->src;
    size_t pos = L->pos, len = L->len;
    for (; pos < len; pos++) {
        unsigned char c = src[pos];
        if (c == '\n') {
            L->line++;
            L->line_start = pos + 1;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
            break;
        }
    }
    L->pos = pos;
    L->tline = L->line;
    L->tcol = col_at(L, pos);
    L->text = L->src + pos;
    L->tlen = 0;
    if (pos >= len)
        return L->kind = TOK_EOF;
    int c = src[pos];
    if (c == '{' || c == '}' || c == ',') {
        L->pos = pos + 1;
        L->tlen = 1;
        return L->kind = c == '{' ? TOK_LBRACE : c == '}' ? TOK_RBRACE : TOK_COMMA;
    }
    if (c == '"') {
        size_t n = 0;
        pos++;
        for (;;) {
            /* a run of ordinary characters at once */
            size_t run = pos;
            while (run < len && src[run] != '"' && src[run] != '\\' && src[run] != '\n' &&
                   src[run] != '\0')
                run++;
            if (run > pos) {
                if (!sbuf_reserve(L, n + (run - pos))) {
                    lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                    return L->kind = TOK_ERROR;
                }
                memcpy(L->sbuf + n, src + pos, run - pos);
                n += run - pos;
                pos = run;
            }
            if (pos >= len) {
                L->pos = pos;
                lex_error(L, BRINK_EPARSE, L->tline, L->tcol,
                          "unterminated string: expected a closing '\"'");
                return L->kind = TOK_ERROR;
            }
            int d = src[pos];
            if (d == '\0') {
                L->pos = pos;
                lex_error(L, BRINK_EPARSE, L->line, col_at(L, pos), "NUL byte inside a string");
                return L->kind = TOK_ERROR;
            }
            pos++;
            if (d == '"')
                break;
            if (d == '\n') {
                L->line++;
                L->line_start = pos;
            } else if (d == '\\') {
                if (pos >= len)
                    continue; /* a backslash at the very end: unterminated */
                d = src[pos++];
                if (d == '\n') {
                    L->line++;
                    L->line_start = pos;
                }
            }
            if (!sbuf_reserve(L, n + 1)) {
                lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                return L->kind = TOK_ERROR;
            }
            L->sbuf[n++] = (char)d;
        }
        if (!sbuf_reserve(L, n)) {
            lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
            return L->kind = TOK_ERROR;
        }
        L->sbuf[n] = '\0';
        L->pos = pos;
        L->tlen = n;
        return L->kind = TOK_STRING;
    }
    if (is_digit(c) || c == '-' || c == '+' || c == '.') {
        pos++;
        while (pos < len) {
            int d = src[pos];
            if (is_digit(d) || is_alpha(d) || d == '.' || d == '/' || d == '-' || d == '+')
                pos++;
            else
                break;
        }
        L->pos = pos;
        L->tlen = (size_t)(L->src + pos - L->text);
        return L->kind = TOK_NUMBER;
    }
    if (is_alpha(c) || c == '_') {
        pos++;
        while (pos < len && (is_alpha(src[pos]) || is_digit(src[pos]) || src[pos] == '_'))
            pos++;
        L->pos = pos;
        L->tlen = (size_t)(L->src + pos - L->text);
        return L->kind = TOK_WORD;
    }
    lex_error(L, BRINK_EPARSE, L->tline, L->tcol, "unexpected character '%s%c'",
              c >= 32 && c < 127 ? "" : "\\x", c >= 32 && c < 127 ? c : '?');
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
