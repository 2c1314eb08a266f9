/* output.c - atomic output files (cli.h): a temporary file beside the
 * target, renamed over it on commit. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_atomic_open(cli_atomic_t *a, const char *path)
{
    memset(a, 0, sizeof *a);
    a->slot = -1;
    if (strcmp(path, "-") == 0) {
        a->fp = stdout;
        a->direct = 2;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "brink: cannot write %s: it is a directory\n", path);
            return -1;
        }
        /* a device or a named pipe: written in place, never replaced */
        a->fp = fopen(path, "wb");
        if (!a->fp) {
            fprintf(stderr, "brink: cannot write %s: %s\n", path, strerror(errno));
            return -1;
        }
        a->direct = 1;
        return 0;
    }
    brink_outdir_clean_stale_tmp(path);
    size_t n = strlen(path) + 48;
    a->path = malloc(strlen(path) + 1);
    a->tmp = malloc(n);
    if (!a->path || !a->tmp) {
        free(a->path);
        free(a->tmp);
        a->path = a->tmp = NULL;
        fprintf(stderr, "brink: out of memory\n");
        return -1;
    }
    strcpy(a->path, path);
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    snprintf(a->tmp, n, "%.*s.%s.brink-tmp.%ld", dirlen, path, slash ? slash + 1 : path,
             (long)getpid());
    a->slot = cli_staging_add(a->tmp);
    a->fp = fopen(a->tmp, "wb");
    if (!a->fp) {
        fprintf(stderr, "brink: cannot write %s: %s\n", path, strerror(errno));
        cli_staging_remove(a->slot);
        free(a->path);
        free(a->tmp);
        memset(a, 0, sizeof *a);
        a->slot = -1;
        return -1;
    }
    return 0;
}

void cli_atomic_abort(cli_atomic_t *a)
{
    if (a->direct == 2) {
        fflush(a->fp);
    } else if (a->fp) {
        fclose(a->fp);
    }
    if (a->tmp)
        remove(a->tmp);
    cli_staging_remove(a->slot);
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
    a->slot = -1;
}

int cli_atomic_commit(cli_atomic_t *a)
{
    int rc = 0;
    if (a->direct) {
        if (fflush(a->fp) != 0 || ferror(a->fp))
            rc = -1;
        if (a->direct == 1 && fclose(a->fp) != 0)
            rc = -1;
        if (rc != 0)
            fprintf(stderr, "brink: cannot write %s: %s\n",
                    a->direct == 2 ? "to standard output" : "the output", strerror(errno));
        memset(a, 0, sizeof *a);
        a->slot = -1;
        return rc;
    }
    if (fflush(a->fp) != 0 || ferror(a->fp) || fsync(fileno(a->fp)) != 0)
        rc = -1;
    int err = errno;
    if (fclose(a->fp) != 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    a->fp = NULL;
    if (rc == 0 && rename(a->tmp, a->path) != 0) {
        rc = -1;
        err = errno;
    }
    if (rc != 0) {
        fprintf(stderr, "brink: cannot write %s: %s\n", a->path, strerror(err ? err : EIO));
        remove(a->tmp);
    }
    cli_staging_remove(a->slot);
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
    a->slot = -1;
    return rc;
}
