/* output.c - atomic output files and result directories, and the signal
 * handlers that remove their staging copies when the command is stopped. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmp.h>

#include "cli.h"

/* What a signal handler must remove: the process's staging paths.  The
 * only mutable state of the command outside main's frames, because a
 * handler cannot be given arguments. */
#define TMP_SLOTS 16
static char *volatile tmp_slots[TMP_SLOTS];
static brink_outdir_t *volatile stage_dir;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* Set while the main thread creates, commits or frees a stage: a signal
 * delivered then (to any thread: OpenMP workers do not share the main
 * thread's signal mask) is held and raised again when that is done. */
static volatile sig_atomic_t critical, pending;

static void on_signal(int sig)
{
    if (critical) {
        pending = sig;
        return;
    }
    for (int i = 0; i < TMP_SLOTS; i++) {
        char *p = tmp_slots[i];
        if (p)
            unlink(p);
    }
    brink_outdir_abort_signal_safe(stage_dir);
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
        sigaddset(&sa.sa_mask, cleanup_signals[i]);
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++) {
        struct sigaction old;
        /* keep a signal ignored by the caller (nohup, a shell's '&') ignored */
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* Enters (block = 1) or leaves a critical section of the stage: the
 * signals are blocked in this thread and held by the handler in others;
 * one that arrived meanwhile is raised on leaving. */
static void block_signals(sigset_t *saved, int block)
{
    if (!block) {
        critical = 0;
        sigprocmask(SIG_SETMASK, saved, NULL);
        if (pending)
            raise(pending);
        return;
    }
    critical = 1;
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
        sigaddset(&set, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &set, saved);
}

static int tmp_register(char *path)
{
    for (int i = 0; i < TMP_SLOTS; i++)
        if (!tmp_slots[i]) {
            tmp_slots[i] = path;
            return i;
        }
    return -1;
}

static void tmp_unregister(int slot)
{
    if (slot >= 0 && slot < TMP_SLOTS)
        tmp_slots[slot] = NULL;
}

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
    a->slot = tmp_register(a->tmp);
    a->fp = fopen(a->tmp, "wb");
    if (!a->fp) {
        fprintf(stderr, "brink: cannot write %s: %s\n", path, strerror(errno));
        tmp_unregister(a->slot);
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
    tmp_unregister(a->slot);
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
    tmp_unregister(a->slot);
    free(a->path);
    free(a->tmp);
    memset(a, 0, sizeof *a);
    a->slot = -1;
    return rc;
}

int cli_outdir_begin(const char *cmd, const char *dir, const char *const *owned,
                     brink_outdir_t **od)
{
    *od = NULL;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx) {
        fprintf(stderr, "brink: %s: out of memory\n", cmd);
        return -1;
    }
    int rc = 0;
    /* no signal between the stage's creation and its registration */
    sigset_t saved;
    block_signals(&saved, 1);
    if (brink_outdir_begin(ctx, dir, owned, od) != BRINK_OK)
        rc = -1;
    else
        stage_dir = *od;
    block_signals(&saved, 0);
    if (rc != 0)
        fprintf(stderr, "brink: %s: %s\n", cmd, brink_ctx_errmsg(ctx));
    brink_ctx_free(ctx);
    return rc;
}

int cli_outdir_commit(const char *cmd, brink_outdir_t **od)
{
    if (!*od)
        return -1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    int rc = 0;
    sigset_t saved;
    block_signals(&saved, 1);
    if (!ctx) {
        fprintf(stderr, "brink: %s: out of memory\n", cmd);
        rc = -1;
    } else if (brink_outdir_commit(ctx, *od) != BRINK_OK) {
        fprintf(stderr, "brink: %s: %s\n", cmd, brink_ctx_errmsg(ctx));
        rc = -1;
    }
    stage_dir = NULL;
    brink_outdir_free(*od);
    *od = NULL;
    block_signals(&saved, 0);
    brink_ctx_free(ctx);
    return rc;
}

void cli_outdir_abort(brink_outdir_t **od)
{
    if (!*od)
        return;
    sigset_t saved;
    block_signals(&saved, 1);
    stage_dir = NULL;
    brink_outdir_free(*od);
    *od = NULL;
    block_signals(&saved, 0);
}

/* Out of memory inside GMP (exact arithmetic of the game solvers): GMP
 * cannot report a failed allocation to its caller and would abort, so the
 * command removes its staging files, says so and exits with status 1. */
static void gmp_oom(void)
{
    static const char msg[] = "brink: out of memory (exact arithmetic)\n";
    for (int i = 0; i < TMP_SLOTS; i++) {
        char *p = tmp_slots[i];
        if (p)
            unlink(p);
    }
    brink_outdir_abort_signal_safe(stage_dir);
    if (write(2, msg, sizeof msg - 1) < 0) {
        /* nothing more to say */
    }
    _exit(EXIT_FAIL);
}

static void *gmp_alloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        gmp_oom();
    return p;
}

static void *gmp_realloc(void *ptr, size_t old, size_t n)
{
    (void)old;
    void *p = realloc(ptr, n);
    if (!p)
        gmp_oom();
    return p;
}

static void gmp_free(void *ptr, size_t n)
{
    (void)n;
    free(ptr);
}

void cli_gmp_install(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}
