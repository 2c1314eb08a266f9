/* fuzz_posterior.c - libFuzzer target: any bytes into the posterior reader
 * (DIR/posterior.csv).  It must return a status, never crash, hang or
 * leak; an accepted posterior has sets, paths, a positive total weight,
 * and draws a set in range.  Also built with replay_main.c as a ctest that
 * replays corpus/posterior/. */
#include <stddef.h>
#include <stdint.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return 0;
    brink_diags_t d;
    brink_diags_init(&d);
    brink_posterior_t *p = NULL;
    if (brink_posterior_load_string(ctx, "fuzz.csv", (const char *)data, size, &p, &d) ==
        BRINK_OK) {
        uint32_t n = brink_posterior_nsets(p);
        double sw = 0;
        for (uint32_t i = 0; i < n; i++)
            sw += brink_posterior_weights(p)[i];
        if (n == 0 || brink_posterior_npaths(p) == 0 || !(sw > 0))
            __builtin_trap();
        for (uint32_t rep = 0; rep < 8; rep++)
            if (brink_posterior_pick(p, 1, rep, rep) >= n)
                __builtin_trap();
    }
    brink_posterior_free(p);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
