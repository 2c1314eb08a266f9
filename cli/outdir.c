/* outdir.c - result directories for the commands (cli.h), through
 * brink_outdir_*: staged, then committed whole, with signals held while a
 * stage is created, committed or freed. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

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
    cli_signals_block(&saved, 1);
    if (brink_outdir_begin(ctx, dir, owned, od) != BRINK_OK)
        rc = -1;
    else
        cli_staging_set_dir(*od);
    cli_signals_block(&saved, 0);
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
    cli_signals_block(&saved, 1);
    if (!ctx) {
        fprintf(stderr, "brink: %s: out of memory\n", cmd);
        rc = -1;
    } else if (brink_outdir_commit(ctx, *od) != BRINK_OK) {
        fprintf(stderr, "brink: %s: %s\n", cmd, brink_ctx_errmsg(ctx));
        rc = -1;
    }
    cli_staging_set_dir(NULL);
    brink_outdir_free(*od);
    *od = NULL;
    cli_signals_block(&saved, 0);
    brink_ctx_free(ctx);
    return rc;
}

void cli_outdir_abort(brink_outdir_t **od)
{
    if (!*od)
        return;
    sigset_t saved;
    cli_signals_block(&saved, 1);
    cli_staging_set_dir(NULL);
    brink_outdir_free(*od);
    *od = NULL;
    cli_signals_block(&saved, 0);
}

int cli_outdir_write(const char *cmd, const char *dir, const char *const *owned,
                     const char *const *names, size_t n, cli_file_writer_t fn, void *ud)
{
    cli_atomic_t *f = calloc(n, sizeof *f);
    brink_outdir_t *od = NULL;
    size_t nopen = 0;
    int rc = 0, bad = 0;
    if (!f) {
        fprintf(stderr, "brink: %s: out of memory\n", cmd);
        return EXIT_FAIL;
    }
    if (cli_outdir_begin(cmd, dir, owned, &od) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    for (; nopen < n; nopen++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", brink_outdir_stage(od), names[nopen]);
        if (cli_atomic_open(&f[nopen], p) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
    }
    for (size_t i = 0; i < n && !bad; i++)
        bad = fn(f[i].fp, i, ud) != 0 || ferror(f[i].fp);
    if (bad) {
        rc = cli_fail("%s: cannot write the results to %s", cmd, dir);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        bad |= cli_atomic_commit(&f[i]) != 0;
    nopen = 0;
    if (bad || cli_outdir_commit(cmd, &od) != 0)
        rc = cli_fail("%s: cannot write the results to %s", cmd, dir);
cleanup:
    for (size_t i = 0; i < nopen; i++)
        cli_atomic_abort(&f[i]);
    cli_outdir_abort(&od);
    free(f);
    return rc;
}
