/* failwrite.c - an LD_PRELOAD shim that injects write failures (a full
 * disk, an unwritable file) into brink for tests/integrity/faults.sh:
 *   BRINK_FAIL_FSYNC=N    the N-th fsync fails with ENOSPC
 *   BRINK_FAIL_RENAME=N   the N-th rename fails with EIO
 *   BRINK_FAIL_OPEN=TEXT  fopen for writing of a path containing TEXT
 *                         fails with ENOSPC
 * Test code only: never linked into brink. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int nth(const char *var, int *count)
{
    const char *v = getenv(var);
    if (!v || !*v)
        return 0;
    return ++*count == atoi(v);
}

int fsync(int fd)
{
    static int count;
    static int (*real)(int);
    if (nth("BRINK_FAIL_FSYNC", &count)) {
        errno = ENOSPC;
        return -1;
    }
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}

int rename(const char *a, const char *b)
{
    static int count;
    static int (*real)(const char *, const char *);
    if (nth("BRINK_FAIL_RENAME", &count)) {
        errno = EIO;
        return -1;
    }
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "rename");
    return real(a, b);
}

FILE *fopen(const char *path, const char *mode)
{
    static FILE *(*real)(const char *, const char *);
    const char *t = getenv("BRINK_FAIL_OPEN");
    if (t && *t && strchr(mode, 'w') && strstr(path, t)) {
        errno = ENOSPC;
        return NULL;
    }
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "fopen");
    return real(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    return fopen(path, mode);
}
