/*
 * core/csv.h - the one CSV reader of libbrink (RFC 4180, strict), for every
 * module that reads CSV (designs, result files, posteriors, forecasts).
 *
 * Records are separated by LF or CRLF; fields by commas.  A field may be
 * quoted ("a, b"), and inside quotes "" is a quote and line breaks are
 * text.  Strict: a quote inside an unquoted field, anything but a comma or
 * the end of the record after a closing quote, a NUL byte, a lone carriage
 * return and a quote left open at the end of the file are errors located
 * by line and column.  Lines that
 * are empty (or hold only a CR) are skipped, so a file may end with blank
 * lines.  A UTF-8 byte-order mark at the start of the file is skipped.
 */
#ifndef BRINK_CORE_CSV_H
#define BRINK_CORE_CSV_H

#include <stdio.h>

#include "brink/core.h"

typedef struct csv_reader {
    FILE *fp;
    const char *path;
    long line;       /* line of the current record's first character */
    long next_line;  /* line of the next character read */
    long next_col;   /* column (1-based, in bytes) of the next character read */
    char *rec;       /* the current record's fields, each NUL-terminated */
    size_t reclen, reccap;
    char **field;    /* nfield pointers into rec */
    long *fline, *fcol; /* where each field starts (its quote if quoted) */
    int *fquoted;    /* 1 if the field was quoted */
    size_t nfield, capfield;
    long err_line, err_col; /* where the last error is (0: unknown) */
    char err[200];   /* the last error, without its location */
} csv_reader_t;

/* Opens path.  BRINK_EIO (err says why) or BRINK_OK. */
brink_status_t csv_open(csv_reader_t *c, const char *path);

/* As csv_open on an open stream (read from its current position; closed
 * by csv_close); name is the file name in messages. */
void csv_open_stream(csv_reader_t *c, FILE *fp, const char *name);

/* Reads the next record: *got = 1 with c->field[0..nfield) set, or *got = 0
 * at the end of the file.  Returns BRINK_OK, BRINK_EPARSE (malformed; err,
 * err_line and err_col say what and where), BRINK_EIO or BRINK_ENOMEM. */
brink_status_t csv_next(brink_ctx_t *ctx, csv_reader_t *c, int *got);

/* Closes the file and frees the buffers (safe on a zeroed or closed reader). */
void csv_close(brink_ctx_t *ctx, csv_reader_t *c);

#endif
