/* fuzz_design_csv.c - libFuzzer target: any bytes as the CSV design file of
 * an experiment on a small scenario (a real factor and a whole-number one),
 * loaded with brink_experiment_load: the CSV reader and the check of every
 * value against the scenario.  It must return a status, never crash, hang
 * or leak.  Also built with replay_main.c as a ctest that replays
 * corpus/design_csv/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario[] =
    "format: 1\nname: fuzz\nstart: 2012-01\nend: 2012-12\ntarget: A\n"
    "actors:\n"
    "  - {id: A, regime: autocracy, power: 0.01, gdp: 20,\n"
    "     nuclear: {programme: true}, leaders: [{name: L, start: 2011-12}]}\n"
    "  - {id: B, regime: democracy, power: 0.1, gdp: 1000,\n"
    "     leaders: [{name: M, start: 2009-01-20}]}\n";
static const char experiment[] =
    "format: 1\nname: fuzz\nmodel: crisis\nscenario: scenario.yaml\nseed: 1\n"
    "design: {type: file, file: design.csv}\n"
    "factors:\n"
    "  - {name: r, path: params.rivalry, dist: uniform, min: 0, max: 1}\n"
    "  - {name: d, path: \"actors[A].nuclear.design\", dist: levels, levels: [0, 1, 2, 3]}\n";

static int put(const char *dir, const char *name, const void *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int ok = fwrite(p, 1, n, fp) == n;
    return (fclose(fp) == 0 && ok) ? 0 : -1;
}

static void drop(const char *dir, const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/brink-fuzz-design-XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    if (put(dir, "scenario.yaml", scenario, sizeof scenario - 1) == 0 &&
        put(dir, "experiment.yaml", experiment, sizeof experiment - 1) == 0 &&
        put(dir, "design.csv", data, size) == 0) {
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        if (ctx) {
            char path[128];
            snprintf(path, sizeof path, "%s/experiment.yaml", dir);
            brink_diags_t d;
            brink_diags_init(&d);
            brink_experiment_t *e = NULL;
            brink_experiment_load(ctx, path, &e, &d);
            brink_experiment_free(e);
            brink_diags_clear(ctx, &d);
            brink_ctx_free(ctx);
        }
    }
    drop(dir, "scenario.yaml");
    drop(dir, "experiment.yaml");
    drop(dir, "design.csv");
    rmdir(dir);
    return 0;
}
