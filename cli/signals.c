/* signals.c - the signal handlers that remove the command's staging files
 * and result directory stage when it is stopped, and the critical sections
 * that hold a signal while a stage is created, committed or freed. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

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

void cli_remove_staging_signal_safe(void)
{
    for (int i = 0; i < TMP_SLOTS; i++) {
        char *p = tmp_slots[i];
        if (p)
            unlink(p);
    }
    brink_outdir_abort_signal_safe(stage_dir);
}

static void on_signal(int sig)
{
    if (critical) {
        pending = sig;
        return;
    }
    cli_remove_staging_signal_safe();
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
void cli_signals_block(sigset_t *saved, int block)
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

int cli_staging_add(char *path)
{
    for (int i = 0; i < TMP_SLOTS; i++)
        if (!tmp_slots[i]) {
            tmp_slots[i] = path;
            return i;
        }
    return -1;
}

void cli_staging_remove(int slot)
{
    if (slot >= 0 && slot < TMP_SLOTS)
        tmp_slots[slot] = NULL;
}

void cli_staging_set_dir(brink_outdir_t *od)
{
    stage_dir = od;
}
