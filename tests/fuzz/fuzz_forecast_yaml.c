/* fuzz_forecast_yaml.c - libFuzzer target: any bytes as the YAML (first
 * byte even) or JSON (odd) form of a forecast input, read by brink_fc_read
 * from a temporary file, then checked for the SMP (brink_smp_check).  It
 * must return a status, never crash, hang or leak.  Also built with
 * replay_main.c as a ctest that replays corpus/forecast_yaml/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char dir[] = "/tmp/brink-fuzz-fcyaml-XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    char path[128];
    snprintf(path, sizeof path, "%s/input.%s", dir, (data[0] & 1) ? "json" : "yaml");
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(data + 1, 1, size - 1, fp);
        fclose(fp);
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        if (ctx) {
            brink_diags_t d;
            brink_diags_init(&d);
            brink_fc_scenario_t *s = NULL;
            if (brink_fc_read(ctx, path, &s, &d) == BRINK_OK)
                brink_smp_check(ctx, s, &d);
            brink_fc_scenario_free(s);
            brink_diags_clear(ctx, &d);
            brink_ctx_free(ctx);
        }
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
