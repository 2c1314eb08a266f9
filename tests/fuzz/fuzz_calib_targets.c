/* fuzz_calib_targets.c - libFuzzer target: any bytes into the calibration
 * targets loader.  It must return a status, never crash, hang or leak.  Also
 * built with replay_main.c as a ctest that replays corpus/calib_targets/. */
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
    brink_abc_target_t *t = NULL;
    size_t n = 0;
    int until = 0;
    if (brink_abc_targets_load_string(ctx, "fuzz.yaml", (const char *)data, size, &t, &n, &until,
                                      &d) == BRINK_OK && n > 0 && t[n - 1].name[0] == '\0')
        __builtin_trap(); /* every target is named */
    brink_free(ctx, t);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
