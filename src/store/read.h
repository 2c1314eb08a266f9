/* read.h - what a result store holds, read back (internal). */
#ifndef BRINK_STORE_READ_H
#define BRINK_STORE_READ_H

#include "store/store.h"

typedef struct store_info {
    char **factors;
    size_t nfactors;
    char **outputs;
    size_t noutputs;
    char design[32];
    char status[32];
    uint32_t points, reps, base_n;
    uint64_t seed;
} store_info_t;

brink_status_t store_info_read(brink_ctx_t *ctx, store_t *s, store_info_t *in);
void store_info_free(brink_ctx_t *ctx, store_info_t *in);

#endif
