/* csv.c - the RFC 4180 CSV reader (see core/csv.h).  One pass over the
 * bytes with one character of lookahead; every field keeps the line and
 * column it starts at, for located errors. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

static brink_status_t fail(csv_reader_t *c, long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static brink_status_t fail(csv_reader_t *c, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, sizeof c->err, fmt, ap);
    va_end(ap);
    c->err_line = line;
    c->err_col = col;
    return BRINK_EPARSE;
}

brink_status_t csv_open(csv_reader_t *c, const char *path)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    c->next_line = 1;
    c->next_col = 1;
    c->fp = fopen(path, "rb");
    if (!c->fp) {
        snprintf(c->err, sizeof c->err, "cannot read the file: %s", strerror(errno));
        return BRINK_EIO;
    }
    /* a UTF-8 byte-order mark (Excel writes one) is not part of the first field */
    int b0 = fgetc(c->fp), b1 = b0 == 0xEF ? fgetc(c->fp) : EOF;
    int b2 = b1 == 0xBB ? fgetc(c->fp) : EOF;
    if (!(b0 == 0xEF && b1 == 0xBB && b2 == 0xBF)) {
        rewind(c->fp);
    }
    return BRINK_OK;
}

void csv_open_stream(csv_reader_t *c, FILE *fp, const char *name)
{
    memset(c, 0, sizeof *c);
    c->path = name;
    c->next_line = 1;
    c->next_col = 1;
    c->fp = fp;
}

void csv_close(brink_ctx_t *ctx, csv_reader_t *c)
{
    if (c->fp)
        fclose(c->fp);
    brink_free(ctx, c->rec);
    brink_free(ctx, c->field);
    brink_free(ctx, c->fline);
    brink_free(ctx, c->fcol);
    brink_free(ctx, c->fquoted);
    c->fp = NULL;
    c->rec = NULL;
    c->field = NULL;
    c->fline = c->fcol = NULL;
    c->fquoted = NULL;
    c->reclen = c->reccap = c->nfield = c->capfield = 0;
}

static int get(csv_reader_t *c)
{
    int ch = fgetc(c->fp);
    if (ch == '\n') {
        c->next_line++;
        c->next_col = 1;
    } else if (ch != EOF) {
        c->next_col++;
    }
    return ch;
}

static int peek(csv_reader_t *c)
{
    int ch = fgetc(c->fp);
    if (ch != EOF)
        ungetc(ch, c->fp);
    return ch;
}

static int put(brink_ctx_t *ctx, csv_reader_t *c, char ch)
{
    if (c->reclen + 1 >= c->reccap) {
        size_t n = c->reccap ? c->reccap * 2 : 256;
        char *p = brink_realloc(ctx, c->rec, n);
        if (!p)
            return -1;
        c->rec = p;
        c->reccap = n;
    }
    c->rec[c->reclen++] = ch;
    return 0;
}

static int start_field(brink_ctx_t *ctx, csv_reader_t *c, long line, long col)
{
    if (c->nfield == c->capfield) {
        size_t n = c->capfield ? c->capfield * 2 : 16;
        char **f = brink_realloc(ctx, c->field, n * sizeof *f);
        if (f)
            c->field = f;
        long *fl = brink_realloc(ctx, c->fline, n * sizeof *fl);
        if (fl)
            c->fline = fl;
        long *fc = brink_realloc(ctx, c->fcol, n * sizeof *fc);
        if (fc)
            c->fcol = fc;
        int *fq = brink_realloc(ctx, c->fquoted, n * sizeof *fq);
        if (fq)
            c->fquoted = fq;
        if (!f || !fl || !fc || !fq)
            return -1;
        c->capfield = n;
    }
    c->field[c->nfield] = (char *)(uintptr_t)c->reclen; /* an offset until the record ends */
    c->fline[c->nfield] = line;
    c->fcol[c->nfield] = col;
    c->fquoted[c->nfield] = 0;
    c->nfield++;
    return 0;
}

brink_status_t csv_next(brink_ctx_t *ctx, csv_reader_t *c, int *got)
{
    *got = 0;
    c->reclen = 0;
    c->nfield = 0;
    int ch;
    /* blank lines between records */
    while ((ch = peek(c)) == '\n' || ch == '\r') {
        get(c);
        if (ch == '\r' && peek(c) != '\n')
            return fail(c, c->next_line, c->next_col - 1, "a lone carriage return; expected a "
                        "line break (LF or CRLF)");
    }
    if (ch == EOF) {
        if (ferror(c->fp)) {
            snprintf(c->err, sizeof c->err, "read error: %s", strerror(errno));
            return BRINK_EIO;
        }
        return BRINK_OK;
    }
    c->line = c->next_line;
    for (;;) { /* one field per pass */
        long fl = c->next_line, fc = c->next_col;
        if (start_field(ctx, c, fl, fc))
            goto nomem;
        ch = get(c);
        if (ch == '"') {
            c->fquoted[c->nfield - 1] = 1;
            for (;;) {
                ch = get(c);
                if (ch == EOF)
                    return fail(c, fl, fc, "the quoted field opened here is not closed before "
                                "the end of the file");
                if (ch == '"') {
                    if (peek(c) != '"')
                        break;
                    get(c);
                }
                if (ch == '\0')
                    return fail(c, c->next_line, c->next_col - 1, "a NUL byte; expected text");
                if (put(ctx, c, (char)ch))
                    goto nomem;
            }
            ch = get(c);
            if (ch == '\r' && peek(c) == '\n')
                ch = get(c);
            if (ch != ',' && ch != '\n' && ch != EOF)
                return fail(c, c->next_line, c->next_col - 1, "'%c' after the closing quote of a "
                            "field; expected a comma or the end of the line", ch);
        } else {
            while (ch != ',' && ch != '\n' && ch != EOF) {
                if (ch == '"')
                    return fail(c, c->next_line, c->next_col - 1,
                                "a quote inside an unquoted field; quote the whole field and "
                                "double the quote (\"\")");
                if (ch == '\0')
                    return fail(c, c->next_line, c->next_col - 1, "a NUL byte; expected text");
                if (ch == '\r') {
                    if (peek(c) == '\n') {
                        ch = get(c);
                        break;
                    }
                    return fail(c, c->next_line, c->next_col - 1, "a lone carriage return; "
                                "expected a line break (LF or CRLF)");
                }
                if (put(ctx, c, (char)ch))
                    goto nomem;
                ch = get(c);
            }
        }
        if (put(ctx, c, '\0'))
            goto nomem;
        if (ch != ',')
            break;
    }
    if (ch == EOF && ferror(c->fp)) {
        snprintf(c->err, sizeof c->err, "read error: %s", strerror(errno));
        return BRINK_EIO;
    }
    for (size_t i = 0; i < c->nfield; i++)
        c->field[i] = c->rec + (size_t)(uintptr_t)c->field[i];
    *got = 1;
    return BRINK_OK;
nomem:
    return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", c->path);
}
