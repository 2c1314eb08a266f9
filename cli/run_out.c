/* run_out.c - the result directory of `brink run --out DIR` (events.csv,
 * series.csv, summary.json, staged and committed together) and the
 * provenance of its results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "forecasting.h"

int cli_run_outs_open(cli_run_outs_t *o, const char *dir, const char *const *owned)
{
    char p[4096];
    memset(o, 0, sizeof *o);
    if (cli_outdir_begin("run", dir, owned, &o->od) != 0)
        return -1;
    const char *stage = brink_outdir_stage(o->od);
    snprintf(p, sizeof p, "%s/events.csv", stage);
    if (cli_atomic_open(&o->ev, p) != 0)
        goto fail;
    snprintf(p, sizeof p, "%s/series.csv", stage);
    if (cli_atomic_open(&o->se, p) != 0) {
        cli_atomic_abort(&o->ev);
        goto fail;
    }
    snprintf(p, sizeof p, "%s/summary.json", stage);
    if (cli_atomic_open(&o->su, p) != 0) {
        cli_atomic_abort(&o->ev);
        cli_atomic_abort(&o->se);
        goto fail;
    }
    o->open = 1;
    return 0;
fail:
    cli_outdir_abort(&o->od);
    return -1;
}

void cli_run_outs_abort(cli_run_outs_t *o)
{
    if (o->open) {
        cli_atomic_abort(&o->ev);
        cli_atomic_abort(&o->se);
        cli_atomic_abort(&o->su);
        o->open = 0;
    }
    cli_outdir_abort(&o->od);
}

/* Commits the three files together: all or none. */
int cli_run_outs_commit(cli_run_outs_t *o)
{
    int rc = 0;
    if (ferror(o->ev.fp) || ferror(o->se.fp) || ferror(o->su.fp)) {
        cli_run_outs_abort(o);
        return -1;
    }
    rc |= cli_atomic_commit(&o->ev);
    rc |= cli_atomic_commit(&o->se);
    rc |= cli_atomic_commit(&o->su);
    o->open = 0;
    if (rc != 0) {
        cli_run_outs_abort(o);
        return -1;
    }
    return cli_outdir_commit("run", &o->od);
}

/* The provenance of the results: the SHA-256 of the scenario file's bytes
 * and the command line (which holds the overrides and the posterior),
 * without --threads, which never changes a result, and --out, where the
 * result is: the output stays byte-identical for any thread count and
 * place. */
brink_status_t cli_run_provenance(brink_ctx_t *ctx, brink_ensemble_t *ens, const char *scenario,
                                  int argc, char **argv)
{
    char *buf = NULL;
    size_t len = 0;
    char hash[80] = "";
    if (brink_read_file(ctx, scenario, &buf, &len) == BRINK_OK) {
        char hex[65];
        brink_sha256_hex(buf, len, hex);
        snprintf(hash, sizeof hash, "sha256:%s", hex);
    }
    brink_free(ctx, buf);
    char *full[256];
    int n = 0;
    full[n++] = "brink";
    for (int i = 0; i < argc && n < 256; i++) {
        if (strcmp(argv[i], "--threads") == 0 || strcmp(argv[i], "--out") == 0) {
            i++;
            continue;
        }
        if (strncmp(argv[i], "--threads=", 10) == 0 || strncmp(argv[i], "--out=", 6) == 0)
            continue;
        full[n++] = argv[i];
    }
    return brink_ensemble_set_provenance(ens, hash, n, full);
}
