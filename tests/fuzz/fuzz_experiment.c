/* fuzz_experiment.c - libFuzzer target: any bytes into the experiment
 * loader, then every design point of a loaded experiment (at most 4096).
 * It must return a status, never crash, hang or leak.  Also built with
 * replay_main.c as a ctest that replays corpus/experiment/. */
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
    brink_experiment_t *e = NULL;
    /* the first byte picks YAML or JSON mode */
    const char *name = (size > 0 && (data[0] & 1)) ? "fuzz.json" : "fuzz.yaml";
    if (brink_experiment_load_string(ctx, name, (const char *)data, size, &e, &d) == BRINK_OK) {
        double u[BRINK_SOBOL_MAX_DIM], x[BRINK_SOBOL_MAX_DIM];
        uint32_t n = brink_experiment_points(e);
        for (uint32_t p = 0; p < n && p < 4096; p++)
            brink_experiment_point(e, p, u, x);
    }
    brink_experiment_free(e);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
