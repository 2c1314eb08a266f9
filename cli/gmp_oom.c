/* gmp_oom.c - GMP's allocation functions for the command: out of memory
 * removes the staging files and exits with status 1 instead of aborting. */
#include <stdlib.h>
#include <unistd.h>

#include <gmp.h>

#include "cli.h"

/* Out of memory inside GMP (exact arithmetic of the game solvers): GMP
 * cannot report a failed allocation to its caller and would abort, so the
 * command removes its staging files, says so and exits with status 1. */
static void gmp_oom(void)
{
    static const char msg[] = "brink: out of memory (exact arithmetic)\n";
    cli_remove_staging_signal_safe();
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
