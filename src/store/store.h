/* store.h - the SQLite result store of a sweep (internal; the schema is
 * documented in docs/results-format.md).
 *
 * One writer (the sweep's main thread, or MPI rank 0) holds the store.
 * WAL journal, synchronous=FULL: a committed batch survives SIGKILL and
 * power loss, an uncommitted one vanishes whole, so the store is never
 * half-written.  Initialisation (schema, manifest, design) is one
 * transaction too. */
#ifndef BRINK_STORE_STORE_H
#define BRINK_STORE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "brink/experiment.h"

#define STORE_FORMAT_VERSION 2 /* 2: every data row has its checksum (rowcheck.h) */
#define STORE_FILE "results.sqlite"

typedef struct store store_t;

/* One finished run, as the workers fill it. */
typedef struct store_run {
    uint32_t point, rep;
    int failed;
    double wall_ms;
    double *scalars;  /* noutputs values */
    double *series;   /* nseries * max_steps values (NULL: none kept) */
    uint32_t nsteps;  /* steps written per series */
    char msg[256];
} store_run_t;

/* Opens DIR/results.sqlite for writing (created if missing).  resume = 0
 * fails with BRINK_EDB when the store already holds an experiment. */
brink_status_t store_open_write(brink_ctx_t *ctx, const char *dir, const brink_experiment_t *exp,
                                int resume, int threads, int ranks, store_t **out);
/* Opens an existing store read-only. */
brink_status_t store_open_read(brink_ctx_t *ctx, const char *dir, store_t **out);
void store_close(store_t *s);
sqlite3 *store_db(store_t *s);

/* Marks in done (a bitmap of points * reps bits, zeroed by the caller)
 * every run already in the store; counts them in *n. */
brink_status_t store_load_done(store_t *s, uint8_t *done, uint32_t reps, uint64_t *n);
/* Writes n runs of exp in one transaction, with their series; computes the
 * series bands of every point whose replications are then all in (and,
 * keeping bands only, drops that point's per-run series values). */
brink_status_t store_write_runs(store_t *s, const store_run_t *runs, size_t n,
                                const brink_experiment_t *exp);
/* Recomputes the per-point aggregates and marks the store complete. */
brink_status_t store_finish(store_t *s, const brink_experiment_t *exp);

/* Reads a manifest value into buf ("" if absent). */
brink_status_t store_manifest(store_t *s, const char *key, char *buf, size_t size);

#endif
