/* fuzz_report.c - libFuzzer target: any bytes as one file of a result
 * directory, then the whole report (load, render every chart, write the
 * HTML).  It must return a status, never crash, hang, leak, or let PLplot
 * see a value it cannot draw.  The first byte picks the file:
 * 0 summary.json, 1 series.csv, 2 events.csv, 3 backtest.json,
 * 4 forecast.json, 5 analysis/sobol-y.json.  Also built with replay_main.c
 * as a ctest that replays corpus/report/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brink/brink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"summary.json",  "series.csv",    "events.csv",
                                        "backtest.json", "forecast.json", "analysis/sobol-y.json"};
    if (size < 1)
        return 0;
    const char *file = files[data[0] % 6];
    char dir[] = "/tmp/brink-fuzz-report-XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    char path[256], sub[256];
    snprintf(sub, sizeof sub, "%s/analysis", dir);
    mkdir(sub, 0700);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(data + 1, 1, size - 1, fp);
        fclose(fp);
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        brink_report_t *r = NULL;
        if (ctx && brink_report_load(ctx, dir, &r) == BRINK_OK) {
            char *buf = NULL;
            size_t len = 0;
            FILE *out = open_memstream(&buf, &len);
            if (out) {
                brink_report_write_html(ctx, r, out);
                fclose(out);
            }
            free(buf);
        }
        brink_report_free(r);
        brink_ctx_free(ctx);
    }
    remove(path);
    rmdir(sub);
    rmdir(dir);
    return 0;
}
