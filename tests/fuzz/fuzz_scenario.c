/* fuzz_scenario.c - libFuzzer target: any bytes into the scenario loader.
 * It must return a status, never crash, hang or leak.  Also built with
 * replay_main.c as a ctest that replays the corpus in corpus/scenario/. */
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
    brink_scenario_t *sc = NULL;
    /* the first byte picks YAML or JSON mode */
    const char *name = (size > 0 && (data[0] & 1)) ? "fuzz.json" : "fuzz.yaml";
    if (brink_scenario_load_string(ctx, name, (const char *)data, size, NULL, 0, &sc, &d) ==
        BRINK_OK) {
        double v;
        brink_scenario_get_number(ctx, sc, "actors[0].power", &v);
    }
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return 0;
}
