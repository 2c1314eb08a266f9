/* fuzz_override.c - libFuzzer target: any bytes as --set overrides (one per
 * line, at most 8) applied to a small valid scenario.  It must return a
 * status, never crash, hang or leak (deep paths, odd values, NUL bytes).
 * Also built with replay_main.c as a ctest that replays corpus/override/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base[] = "format: 1\nname: fuzz\nstart: 2012-01\nend: 2012-12\ntarget: A\n"
                           "actors:\n"
                           "  - {id: A, regime: autocracy, power: 0.01, gdp: 20,\n"
                           "     nuclear: {programme: true}, leaders: [{name: L, start: 2011-12}]}\n"
                           "  - {id: B, regime: democracy, power: 0.1, gdp: 1000,\n"
                           "     leaders: [{name: M, start: 2009-01-20}]}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0'; /* a NUL byte inside ends that override early */
    const char *sets[8];
    size_t n = 0;
    char *p = copy;
    while (n < 8 && p < copy + size) {
        sets[n++] = p;
        char *nl = memchr(p, '\n', (size_t)(copy + size - p));
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (ctx) {
        brink_diags_t d;
        brink_diags_init(&d);
        brink_scenario_t *sc = NULL;
        if (brink_scenario_load_string(ctx, "fuzz.yaml", base, sizeof base - 1, sets, n, &sc,
                                       &d) == BRINK_OK) {
            double v;
            brink_scenario_get_number(ctx, sc, "actors[0].power", &v);
        }
        brink_scenario_free(sc);
        brink_diags_clear(ctx, &d);
        brink_ctx_free(ctx);
    }
    free(copy);
    return 0;
}
