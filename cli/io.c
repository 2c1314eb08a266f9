/* io.c - reading whole inputs for the commands: a stream (standard input)
 * and a file of counts. */
#include <stdlib.h>

#include "cli.h"

char *cli_read_stream(FILE *fp, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap + 1);
    if (!buf)
        return NULL;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = cap > ((size_t)-1) / 4 ? NULL : realloc(buf, 2 * cap + 1);
            if (!grown) {
                free(buf);
                return NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(fp)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int cli_read_counts(const char *path, double **out, size_t *count, size_t *bad)
{
    FILE *f = fopen(path, "r");
    size_t cap = 16, cnt = 0;
    double *vals = NULL;
    int rc = 0;
    *out = NULL;
    *count = 0;
    if (!f)
        return -1;
    vals = malloc(cap * sizeof *vals);
    if (!vals) {
        rc = -3;
        goto cleanup;
    }
    for (;;) {
        int c = fgetc(f);
        while (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            c = fgetc(f);
        if (c == EOF)
            break;
        ungetc(c, f);
        double v;
        if (fscanf(f, "%lf", &v) != 1 || !(v >= 0)) {
            *bad = cnt + 1;
            rc = -2;
            goto cleanup;
        }
        if (cnt == cap) {
            double *grown = realloc(vals, 2 * cap * sizeof *vals);
            if (!grown) {
                rc = -3;
                goto cleanup;
            }
            vals = grown;
            cap *= 2;
        }
        vals[cnt++] = v;
    }
cleanup:
    fclose(f);
    if (rc != 0) {
        free(vals);
        return rc;
    }
    *out = vals;
    *count = cnt;
    return 0;
}
