/*
 * fuzz_forecast_csv.c - libFuzzer target for KTAB's CSV reader (or, compiled
 * with -DFUZZ_XML, KTAB's XML reader) and, when an input parses, a short SMP
 * run on it.  Built with -DBRINK_FUZZ=ON (clang); without libFuzzer the same
 * file gets a main() that replays corpus directories, which ctest runs on
 * tests/forecast/fuzz/ and tests/forecast/fuzz-xml/.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"
#include "brink/forecast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return 0;
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
#ifdef FUZZ_XML
    brink_status_t st = brink_fc_parse_ktab_xml(ctx, "fuzz.xml", (const char *)data, size, &s, &dg);
#else
    brink_status_t st = brink_fc_parse_ktab_csv(ctx, "fuzz.csv", (const char *)data, size, &s, &dg);
#endif
    if (st == BRINK_OK &&
        brink_fc_scenario_actors(s) <= 12 && brink_fc_scenario_dims(s) <= 4) {
        brink_smp_options_t o;
        brink_smp_options_default(&o);
        brink_fc_scenario_apply_options(s, &o);
        o.max_iter = 3;
        o.threads = 1;
        brink_fc_history_t *h = NULL;
        if (brink_smp_run(ctx, s, &o, &h) == BRINK_OK)
            (void)brink_fc_history_states(h);
        brink_fc_history_free(h);
    }
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
    return 0;
}

#ifndef BRINK_LIBFUZZER
int main(int argc, char **argv)
{
    int n = 0;
    for (int a = 1; a < argc; a++) {
        DIR *d = opendir(argv[a]);
        if (!d) {
            fprintf(stderr, "cannot open %s\n", argv[a]);
            return 1;
        }
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", argv[a], e->d_name);
            FILE *fp = fopen(p, "rb");
            if (!fp)
                continue;
            static uint8_t buf[1 << 20];
            size_t len = fread(buf, 1, sizeof buf, fp);
            fclose(fp);
            LLVMFuzzerTestOneInput(buf, len);
            n++;
        }
        closedir(d);
    }
    printf("replayed %d inputs\n", n);
    return n > 0 ? 0 : 1;
}
#endif
