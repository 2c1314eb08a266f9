/* readfile.c - the one way brink reads an input file: bounded by the
 * context's input limit, whatever the file is (regular, pipe, device). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "brink/core.h"

brink_status_t brink_read_file(brink_ctx_t *ctx, const char *path, char **buf, size_t *len)
{
    brink_status_t st = BRINK_OK;
    char *b = NULL;
    size_t n = 0, cap = 0, limit = brink_ctx_input_limit(ctx);
    FILE *fp = NULL;
    if (!buf || !len || !path)
        return brink_ctx_error(ctx, BRINK_EINVAL, "read_file: NULL argument");
    *buf = NULL;
    *len = 0;
    fp = fopen(path, "rb");
    if (!fp) {
        int err = errno;
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot open %s: %s", path, strerror(err));
        errno = err;
        goto cleanup;
    }
    struct stat sb;
    if (fstat(fileno(fp), &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            st = brink_ctx_error(ctx, BRINK_EIO, "cannot read %s: it is a directory", path);
            errno = EISDIR;
            goto cleanup;
        }
        /* a regular file within the limit: one buffer of its size */
        if (S_ISREG(sb.st_mode) && sb.st_size > 0 && (unsigned long long)sb.st_size <= limit)
            cap = (size_t)sb.st_size + 1;
    }
    if (cap == 0)
        cap = limit < 65536 ? limit + 1 : 65536;
    b = brink_malloc(ctx, cap + 1);
    if (!b)
        goto oom;
    for (;;) {
        if (n == cap) {
            if (n > limit) {
                st = brink_ctx_error(ctx, BRINK_ELIMIT,
                                     "%s: input larger than the limit of %zu MiB (set "
                                     "BRINK_MAX_INPUT_MB to raise it)",
                                     path, limit >> 20);
                errno = EFBIG;
                goto cleanup;
            }
            size_t nc = cap > limit / 2 ? limit + 1 : cap * 2;
            char *nb = brink_realloc(ctx, b, nc + 1);
            if (!nb)
                goto oom;
            b = nb;
            cap = nc;
        }
        size_t got = fread(b + n, 1, cap - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp)) {
                int err = errno;
                st = brink_ctx_error(ctx, BRINK_EIO, "cannot read %s: %s", path,
                                     strerror(err));
                errno = err;
                goto cleanup;
            }
            break;
        }
    }
    if (n > limit) {
        st = brink_ctx_error(ctx, BRINK_ELIMIT,
                             "%s: input larger than the limit of %zu MiB (set "
                             "BRINK_MAX_INPUT_MB to raise it)",
                             path, limit >> 20);
        errno = EFBIG;
        goto cleanup;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    b = NULL;
    goto cleanup;
oom:
    st = brink_ctx_error(ctx, BRINK_ENOMEM, "%s: out of memory reading the file", path);
    errno = ENOMEM;
cleanup:
    if (fp)
        fclose(fp);
    brink_free(ctx, b);
    return st;
}
