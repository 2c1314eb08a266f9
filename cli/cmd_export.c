/* cmd_export.c - `brink export`: a sweep's store as CSV or JSON. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "opts.h"

const char cmd_export_usage[] =
    "usage: brink export DIR --format csv|json [--table runs|points|design|bands|series]\n"
    "                    [-o FILE]\n"
    "\n"
    "Writes the sweep in DIR for R, Python or a spreadsheet:\n"
    "  runs    one row per run: point, rep, status, error, factor values, outputs\n"
    "  points  one row per design point: factor values, then per output\n"
    "          NAME_n, NAME_failed, NAME_mean, NAME_sd, NAME_min, NAME_max\n"
    "  design  one row per design point: factor values\n"
    "  bands   series bands, long format: point, series, step, stat, value\n"
    "          (stat: n, mean, q0.05, ...)\n"
    "  series  per-run series values (keep: all): point, rep, series, step, value\n"
    "CSV has a header row; JSON is {table, design, points, replications, factors,\n"
    "outputs, rows: [...]}.  Output goes to stdout, or atomically to FILE.\n"
    "\n"
    "Exit status: 0 done, 1 failure, 2 usage error.\n";

int cmd_export(int argc, char **argv)
{
    enum { O_FORMAT, O_TABLE, O_OUTPUT };
    static const cli_opt_t opts[] = {{"--format", 0, 1, O_FORMAT}, {"--table", 0, 1, O_TABLE},
                                     {"--output", 'o', 1, O_OUTPUT}, {NULL, 0, 0, 0}};
    const char *dir = NULL, *format = NULL, *table = "runs", *out = NULL, *v;
    int id;
    cli_opts_t p;
    cli_opts_init(&p, "export", argc, argv, opts);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR)
            return EXIT_USAGE;
        if (id == CLI_OPTS_POSITIONAL) {
            if (dir)
                return cli_usage_error("export: expected one DIR, got '%s' too", v);
            dir = v;
        } else if (id == O_FORMAT) {
            format = v;
            if (strcmp(format, "csv") && strcmp(format, "json"))
                return cli_usage_error("export: unknown format '%s'; expected csv or json",
                                       format);
        } else if (id == O_TABLE) {
            table = v;
            if (strcmp(table, "runs") && strcmp(table, "points") && strcmp(table, "design") &&
                strcmp(table, "bands") && strcmp(table, "series"))
                return cli_usage_error("export: unknown table '%s'; expected runs, points, "
                                       "design, bands or series", table);
        } else if (id == O_OUTPUT) {
            out = v;
        }
    }
    if (!dir || !format)
        return cli_usage_error("export: expected DIR and --format csv|json (see 'brink help "
                               "export')");
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    int rc = EXIT_OK;
    cli_atomic_t at;
    memset(&at, 0, sizeof at);
    FILE *fp = stdout;
    if (out) {
        if (cli_atomic_open(&at, out) != 0) {
            brink_ctx_free(ctx);
            return EXIT_FAIL;
        }
        fp = at.fp;
    }
    brink_status_t st = brink_export(ctx, dir, format, table, fp);
    if (st != BRINK_OK) {
        if (out)
            cli_atomic_abort(&at);
        rc = cli_fail("export: %s", brink_ctx_errmsg(ctx));
    } else if (out && cli_atomic_commit(&at) != 0) {
        rc = cli_fail("export: cannot write %s", out);
    } else if (!out && fflush(stdout) != 0) {
        rc = cli_fail("export: cannot write to stdout");
    }
    brink_ctx_free(ctx);
    return rc;
}
