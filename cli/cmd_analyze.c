/* cmd_analyze.c - `brink analyze`: summaries and sensitivity indices of a
 * finished sweep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "opts.h"

const char cmd_analyze_usage[] =
    "usage: brink analyze DIR --method summary|sobol|morris [--output NAME]\n"
    "                     [--bootstrap B] [--json FILE]\n"
    "\n"
    "Analyses the finished sweep in DIR (docs/experiments.md):\n"
    "  summary  per design point: runs, failures, mean, sd, min, max of the output\n"
    "  sobol    first-order (Saltelli 2010) and total (Jansen 1999) Sobol indices\n"
    "           with 95% percentile bootstrap intervals (needs design: sobol)\n"
    "  morris   elementary effects mu, mu*, sigma (needs design: morris)\n"
    "Replications are averaged per design point first.  Prints a table and writes\n"
    "the JSON document to DIR/analysis/METHOD-OUTPUT.json (or FILE).\n"
    "\n"
    "options:\n"
    "  --method M     summary (default), sobol or morris\n"
    "  --output NAME  the model output to analyse (default: the first)\n"
    "  --bootstrap B  bootstrap resamples for the sobol intervals (default 1000)\n"
    "  --json FILE    where to write the JSON ('-' for stdout, instead of the table)\n"
    "\n"
    "Exit status: 0 done, 1 failure, 2 usage error.\n";

int cmd_analyze(int argc, char **argv)
{
    enum { O_METHOD, O_OUTPUT, O_BOOT, O_JSON };
    static const cli_opt_t table[] = {{"--method", 0, 1, O_METHOD}, {"--output", 0, 1, O_OUTPUT},
                                      {"--bootstrap", 0, 1, O_BOOT}, {"--json", 0, 1, O_JSON},
                                      {NULL, 0, 0, 0}};
    const char *dir = NULL, *method = "summary", *output = NULL, *json = NULL, *v;
    uint64_t boot = 1000;
    int id;
    cli_opts_t p;
    cli_opts_init(&p, "analyze", argc, argv, table);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR)
            return EXIT_USAGE;
        if (id == CLI_OPTS_POSITIONAL) {
            if (dir)
                return cli_usage_error("analyze: expected one DIR, got '%s' too", v);
            dir = v;
        } else if (id == O_METHOD) {
            method = v;
            if (strcmp(method, "summary") && strcmp(method, "sobol") && strcmp(method, "morris"))
                return cli_usage_error("analyze: unknown method '%s'; expected summary, sobol "
                                       "or morris", method);
        } else if (id == O_OUTPUT) {
            output = v;
        } else if (id == O_JSON) {
            json = v;
        } else if (id == O_BOOT) {
            if (cli_parse_u64(v, &boot) != 0 || boot > 1000000)
                return cli_usage_error("analyze: --bootstrap needs a number in 0..1000000");
        }
    }
    if (!dir)
        return cli_usage_error("analyze: expected the DIR of a sweep (see 'brink help analyze')");
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    int rc = EXIT_OK;
    char path[4096];
    cli_atomic_t at;
    memset(&at, 0, sizeof at);
    FILE *jfp = NULL, *tfp = stdout;
    if (json && strcmp(json, "-") == 0) {
        jfp = stdout;
        tfp = NULL;
    } else {
        if (json) {
            snprintf(path, sizeof path, "%s", json);
        } else {
            snprintf(path, sizeof path, "%s/analysis", dir);
            if (cli_mkdirs(path) != 0) {
                rc = cli_fail("analyze: cannot create %s", path);
                goto done;
            }
            snprintf(path, sizeof path, "%s/analysis/%s-%s.json", dir, method,
                     output ? output : "default");
        }
        if (cli_atomic_open(&at, path) != 0) {
            rc = EXIT_FAIL;
            goto done;
        }
        jfp = at.fp;
    }
    brink_status_t st = brink_analyze(ctx, dir, method, output, (uint32_t)boot, tfp, jfp);
    if (st != BRINK_OK) {
        if (at.fp)
            cli_atomic_abort(&at);
        rc = st == BRINK_EIO || st == BRINK_EDB ? EXIT_FAIL : EXIT_USAGE;
        cli_fail("analyze: %s", brink_ctx_errmsg(ctx));
        if (rc == EXIT_USAGE)
            rc = EXIT_FAIL;
        goto done;
    }
    if (at.fp) {
        if (cli_atomic_commit(&at) != 0)
            rc = cli_fail("analyze: cannot write %s", path);
        else
            fprintf(stderr, "brink: wrote %s\n", path);
    }
done:
    brink_ctx_free(ctx);
    return rc;
}
