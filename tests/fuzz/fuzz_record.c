/* fuzz_record.c - libFuzzer target: any bytes into the record loader
 * (brink/record.h).  It must return a status, never crash, hang or leak.
 * Also built with replay_main.c as a ctest that replays corpus/record/. */
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
    brink_record_t *r = NULL;
    if (brink_record_load_string(ctx, "fuzz.yaml", (const char *)data, size, &r, &d) ==
        BRINK_OK) {
        /* every query stays within the record */
        for (size_t s = 0; s < brink_record_nseries(r); s++)
            for (int y = brink_record_first(r) / 12 - 1; y <= brink_record_through(r) / 12 + 1; y++)
                if (brink_record_year(r, s, y) < -1)
                    __builtin_trap();
    }
    brink_record_free(r);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
