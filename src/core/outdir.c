/* outdir.c - atomic result directories: stage beside, commit by rename. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "brink/outdir.h"

#define RM_MAX_DEPTH 16 /* a result directory is shallow; deeper is left alone */

struct brink_outdir {
    char *dir;    /* the result directory (symlinks resolved) */
    char *parent; /* its parent directory */
    char *base;   /* its last component */
    char *stage;  /* parent/.base.brink-stage.PID, or dir/.brink-stage.PID */
    char **owned; /* name patterns the command writes (NULL-terminated) */
    int inside;   /* stage inside dir (parent not writable): per-file commit */
    int committed;
};

/* "a/b/" -> parent "a", base "b"; "b" -> ".", "b".  0 on success. */
static int split_path(const char *path, char **parent, char **base)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t b = n;
    while (b > 0 && path[b - 1] != '/')
        b--;
    *base = strndup(path + b, n - b);
    if (b == 0)
        *parent = strdup(".");
    else if (b == 1)
        *parent = strdup("/");
    else
        *parent = strndup(path, b - 1);
    if (!*base || !*parent) {
        free(*base);
        free(*parent);
        *base = *parent = NULL;
        return -1;
    }
    return 0;
}

static char *join3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, b, c);
    return s;
}

/* Is name ".BASE.brink-KIND.PID" (or, with base NULL, ".brink-KIND.PID")
 * for a process that no longer exists? */
static int stale_name(const char *name, const char *base, const char *kind)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, ".brink-%s.", kind);
    const char *p = name;
    if (base) {
        size_t bl = strlen(base);
        if (p[0] != '.' || strncmp(p + 1, base, bl) != 0)
            return 0;
        p += 1 + bl;
    }
    size_t pl = strlen(prefix);
    if (strncmp(p, prefix, pl) != 0)
        return 0;
    p += pl;
    if (*p < '1' || *p > '9' || strlen(p) > 9)
        return 0;
    long pid = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        pid = pid * 10 + (*p - '0');
    }
    if ((pid_t)pid == getpid())
        return 0;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Removes the entry name in directory fd, recursively, without following
 * symbolic links.  0 on success. */
static int remove_at(int fd, const char *name, int depth)
{
    if (unlinkat(fd, name, 0) == 0 || errno == ENOENT)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return -1;
    if (depth >= RM_MAX_DEPTH)
        return -1;
    int sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0)
        return -1;
    DIR *d = fdopendir(sub);
    if (!d) {
        close(sub);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (remove_at(dirfd(d), e->d_name, depth + 1) != 0)
            rc = -1;
    }
    closedir(d);
    if (unlinkat(fd, name, AT_REMOVEDIR) != 0 && errno != ENOENT)
        rc = -1;
    return rc;
}

static int is_owned(char *const *owned, const char *name)
{
    if (fnmatch(".*.brink-tmp.*", name, 0) == 0)
        return 1; /* a temporary file of a killed writer */
    for (size_t i = 0; owned && owned[i]; i++)
        if (fnmatch(owned[i], name, FNM_PERIOD) == 0)
            return 1;
    return 0;
}

/* Moves the entries of directory "from" that "to" lacks and that are not
 * the command's own into "to", then removes "from" with what is left.  0 on
 * success. */
static int carry_over(const char *from, const char *to, char *const *owned)
{
    int tfd = open(to, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int ffd = open(from, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = ffd >= 0 ? fdopendir(ffd) : NULL;
    int rc = 0;
    if (!d) {
        if (ffd >= 0)
            close(ffd);
        rc = -1;
        goto cleanup;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (is_owned(owned, e->d_name))
            continue;
        if (tfd >= 0 && fstatat(tfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 &&
            errno == ENOENT) {
            if (renameat(dirfd(d), e->d_name, tfd, e->d_name) != 0)
                rc = -1;
        }
    }
    closedir(d);
    if (rc == 0) {
        char *p = NULL, *b = NULL;
        if (split_path(from, &p, &b) != 0)
            rc = -1;
        else {
            int pfd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (pfd < 0 || remove_at(pfd, b, 0) != 0)
                rc = -1;
            if (pfd >= 0)
                close(pfd);
        }
        free(p);
        free(b);
    }
cleanup:
    if (tfd >= 0)
        close(tfd);
    return rc;
}

/* Cleans what killed writers of parent/base left beside it. */
static void clean_stale(const char *parent, const char *base, const char *dir,
                        char *const *owned)
{
    DIR *d = opendir(parent);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int is_stage = stale_name(e->d_name, base, "stage");
        int is_old = !is_stage && stale_name(e->d_name, base, "old");
        if (!is_stage && !is_old)
            continue;
        if (is_stage) {
            remove_at(dirfd(d), e->d_name, 0);
            continue;
        }
        /* an old result directory: the commit was cut after its first
         * rename (put it back) or while carrying the foreign entries over */
        char *old = join3(parent, "/", e->d_name);
        if (!old)
            continue;
        struct stat st;
        if (lstat(dir, &st) != 0 && errno == ENOENT)
            rename(old, dir);
        else
            carry_over(old, dir, owned);
        free(old);
    }
    closedir(d);
    /* a stage inside dir (when the parent was not writable) */
    DIR *in = opendir(dir);
    if (!in)
        return;
    while ((e = readdir(in)) != NULL)
        if (stale_name(e->d_name, NULL, "stage"))
            remove_at(dirfd(in), e->d_name, 0);
    closedir(in);
}

static int mkdirs(const char *dir)
{
    char *buf = strdup(dir);
    if (!buf)
        return -1;
    size_t len = strlen(buf);
    int rc = 0;
    for (size_t i = 1; i <= len && rc == 0; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                rc = -1;
            buf[i] = c;
        }
    }
    free(buf);
    struct stat st;
    return rc == 0 && stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

brink_status_t brink_outdir_begin(brink_ctx_t *ctx, const char *dir, const char *const *owned,
                                  brink_outdir_t **out)
{
    brink_status_t st = BRINK_OK;
    brink_outdir_t *od = NULL;
    char pid[32];
    if (!dir || !out)
        return brink_ctx_error(ctx, BRINK_EINVAL, "outdir: NULL argument");
    *out = NULL;
    od = calloc(1, sizeof *od);
    if (!od)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    size_t nown = 0;
    while (owned && owned[nown])
        nown++;
    od->owned = calloc(nown + 1, sizeof *od->owned);
    if (!od->owned) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < nown; i++)
        if (!(od->owned[i] = strdup(owned[i]))) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto cleanup;
        }
    struct stat sb;
    if (lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode)) {
        /* a link to a result directory: replace the directory it names */
        od->dir = realpath(dir, NULL);
        if (!od->dir) {
            st = brink_ctx_error(ctx, BRINK_EIO, "cannot use the output directory %s: %s", dir,
                                 strerror(errno));
            goto cleanup;
        }
    } else {
        od->dir = strdup(dir);
    }
    if (!od->dir || split_path(od->dir, &od->parent, &od->base) != 0) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (od->base[0] == '\0' || strcmp(od->base, ".") == 0 || strcmp(od->base, "..") == 0 ||
        strcmp(od->base, "/") == 0) {
        st = brink_ctx_error(ctx, BRINK_EINVAL,
                             "%s cannot be a result directory (it is replaced as a whole); "
                             "name a directory such as out/run1",
                             dir);
        goto cleanup;
    }
    if (stat(od->dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the results to %s: it exists and is "
                             "not a directory", dir);
        goto cleanup;
    }
    if (mkdirs(od->parent) != 0) {
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot create the directory %s: %s", od->parent,
                             strerror(errno));
        goto cleanup;
    }
    clean_stale(od->parent, od->base, od->dir, od->owned);
    snprintf(pid, sizeof pid, ".brink-stage.%ld", (long)getpid());
    size_t n = strlen(od->parent) + strlen(od->base) + strlen(pid) + 3;
    od->stage = malloc(n);
    if (!od->stage) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    snprintf(od->stage, n, "%s/.%s%s", od->parent, od->base, pid);
    remove_at(AT_FDCWD, od->stage, 0); /* ours from an earlier handle */
    if (mkdir(od->stage, 0777) != 0) {
        int err = errno;
        /* a parent we may not write to: stage inside dir, commit per file */
        if ((err == EACCES || err == EPERM || err == EROFS) && mkdirs(od->dir) == 0) {
            free(od->stage);
            od->stage = join3(od->dir, "/", pid);
            if (od->stage && mkdir(od->stage, 0777) == 0) {
                od->inside = 1;
                goto cleanup;
            }
            err = errno;
        }
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot create a staging directory beside %s: %s",
                             dir, strerror(err));
        free(od->stage);
        od->stage = NULL;
        goto cleanup;
    }
cleanup:
    if (st != BRINK_OK) {
        brink_outdir_free(od);
        return st;
    }
    *out = od;
    return BRINK_OK;
}

const char *brink_outdir_stage(const brink_outdir_t *od)
{
    return od ? od->stage : NULL;
}

const char *brink_outdir_dir(const brink_outdir_t *od)
{
    return od ? od->dir : NULL;
}

/* fsyncs every regular file in the stage and the stage itself. */
static int sync_stage(const char *stage)
{
    int fd = open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int dfd = dup(fd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    int rc = 0;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        close(fd);
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int f = openat(fd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (f < 0)
            continue;
        struct stat st;
        if (fstat(f, &st) == 0 && S_ISREG(st.st_mode) && fsync(f) != 0)
            rc = -1;
        close(f);
    }
    closedir(d);
    if (fsync(fd) != 0)
        rc = -1;
    close(fd);
    return rc;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* The stage is inside dir: move each staged file into dir (not atomic as
 * a set, but each file is whole). */
static int commit_per_file(const char *stage, const char *dir)
{
    int tfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = opendir(stage);
    int rc = 0;
    if (tfd < 0 || !d) {
        rc = -1;
        goto cleanup;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (renameat(dirfd(d), e->d_name, tfd, e->d_name) != 0)
            rc = -1;
    }
cleanup:
    if (d)
        closedir(d);
    if (tfd >= 0)
        close(tfd);
    if (rc == 0)
        rmdir(stage);
    return rc;
}

brink_status_t brink_outdir_commit(brink_ctx_t *ctx, brink_outdir_t *od)
{
    brink_status_t st = BRINK_OK;
    char *old = NULL;
    if (!od || !od->stage || od->committed)
        return brink_ctx_error(ctx, BRINK_EINVAL, "outdir: nothing to commit");
    if (sync_stage(od->stage) != 0) {
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the results to %s: %s", od->dir,
                             strerror(errno));
        goto cleanup;
    }
    if (od->inside) {
        if (commit_per_file(od->stage, od->dir) != 0) {
            st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the results to %s: %s", od->dir,
                                 strerror(errno));
            goto cleanup;
        }
        od->committed = 1;
        goto cleanup;
    }
    /* a new or empty directory: one rename */
    if (rename(od->stage, od->dir) == 0) {
        od->committed = 1;
        sync_dir(od->parent);
        goto cleanup;
    }
    if (errno != ENOTEMPTY && errno != EEXIST) {
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the results to %s: %s", od->dir,
                             strerror(errno));
        goto cleanup;
    }
    /* an existing result: aside, in, then carry the foreign entries over */
    char pid[32];
    snprintf(pid, sizeof pid, ".brink-old.%ld", (long)getpid());
    size_t n = strlen(od->parent) + strlen(od->base) + strlen(pid) + 3;
    old = malloc(n);
    if (!old) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    snprintf(old, n, "%s/.%s%s", od->parent, od->base, pid);
    if (rename(od->dir, old) != 0) {
        int err = errno;
        if (err == EBUSY || err == EXDEV || err == EACCES || err == EPERM) {
            /* a mount point or a directory we may not move: per file */
            if (commit_per_file(od->stage, od->dir) == 0) {
                od->committed = 1;
                goto cleanup;
            }
            err = errno;
        }
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot replace the results in %s: %s", od->dir,
                             strerror(err));
        goto cleanup;
    }
    if (rename(od->stage, od->dir) != 0) {
        int err = errno;
        rename(old, od->dir);
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot replace the results in %s: %s", od->dir,
                             strerror(err));
        goto cleanup;
    }
    od->committed = 1;
    sync_dir(od->parent);
    carry_over(old, od->dir, od->owned); /* best effort: a later begin finishes it */
cleanup:
    free(old);
    return st;
}

void brink_outdir_free(brink_outdir_t *od)
{
    if (!od)
        return;
    if (od->stage && !od->committed)
        remove_at(AT_FDCWD, od->stage, 0);
    free(od->dir);
    free(od->parent);
    free(od->base);
    free(od->stage);
    for (size_t i = 0; od->owned && od->owned[i]; i++)
        free(od->owned[i]);
    free(od->owned);
    free(od);
}

struct dirent64_raw {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

void brink_outdir_abort_signal_safe(const brink_outdir_t *od)
{
    if (!od || !od->stage || od->committed)
        return;
    int fd = open(od->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[4096] __attribute__((aligned(8)));
    for (int round = 0; round < 64; round++) {
        lseek(fd, 0, SEEK_SET);
        long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0)
            break;
        int removed = 0;
        for (long off = 0; off < n;) {
            struct dirent64_raw *e = (struct dirent64_raw *)(void *)(buf + off);
            off += e->d_reclen;
            if (e->d_name[0] == '.' &&
                (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0')))
                continue;
            if (unlinkat(fd, e->d_name, 0) == 0)
                removed++;
        }
        if (removed == 0)
            break;
    }
    close(fd);
    rmdir(od->stage);
}

int brink_outdir_clean_stale_tmp(const char *path)
{
    char *parent = NULL, *base = NULL;
    int count = 0;
    if (!path || split_path(path, &parent, &base) != 0)
        return 0;
    DIR *d = opendir(parent);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (stale_name(e->d_name, base, "tmp") && unlinkat(dirfd(d), e->d_name, 0) == 0)
                count++;
        closedir(d);
    }
    free(parent);
    free(base);
    return count;
}
