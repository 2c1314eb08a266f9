/* cmd_report.c - `brink report`: a self-contained HTML report (and SVG
 * figures) for a result directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "forecasting.h"
#include "opts.h"

const char cmd_report_usage[] =
    "usage: brink report DIR [--out FILE.html] [--figures DIR] [--title T] [--data FILE.json]\n"
    "\n"
    "Writes one self-contained HTML report of the result directory DIR, as\n"
    "written by 'brink run --out', 'brink sweep' with 'brink analyze',\n"
    "'brink backtest' or 'brink forecast --out'.  The report opens offline in\n"
    "any browser: its charts are inline SVG drawn by PLplot, it has no scripts\n"
    "and makes no network requests.  Sections whose files are absent are left\n"
    "out (see docs/report.md for what each file contributes).\n"
    "\n"
    "options:\n"
    "  --out FILE.html   where to write the report (default DIR/report.html)\n"
    "  --figures DIR     also write every chart as a standalone SVG file in DIR\n"
    "                    (created if missing), named after the chart, e.g.\n"
    "                    fan-arsenal.svg, counts-nuclear_tests.svg\n"
    "  --title T         the report's title (default: 'brink report: SCENARIO')\n"
    "  --data FILE.json  also write the report's data payload (the numbers every\n"
    "                    chart and table shows) as JSON\n"
    "  --record FILE     take the historical annual counts (the black dots) from a\n"
    "                    record file (docs/record-format.md) instead of DIR\n"
    "\n"
    "Every file is written atomically: a failure leaves no partial file.\n"
    "Exit status: 0 success; 1 failure to write; 2 usage error or a missing or\n"
    "malformed result directory (the message names the file, the line or field,\n"
    "and what was expected).\n";

static int write_string(const char *path, const char *s)
{
    cli_atomic_t a;
    if (cli_atomic_open(&a, path) != 0)
        return -1;
    if (fputs(s, a.fp) == EOF) {
        cli_atomic_abort(&a);
        return -1;
    }
    return cli_atomic_commit(&a);
}

static char *join_argv(int argc, char **argv)
{
    size_t len = 8;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 3;
    char *s = malloc(len);
    if (!s)
        return NULL;
    strcpy(s, "brink");
    for (int i = 0; i < argc; i++) {
        strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

/* --record FILE: the historical values from a record file */
static int use_record(brink_ctx_t *ctx, brink_report_t *r, const char *path)
{
    brink_record_t *rec = NULL;
    int rc = cli_record_load(ctx, "report", path, &rec);
    brink_status_t st = rc == EXIT_OK ? brink_report_use_record(ctx, r, rec) : BRINK_OK;
    if (st != BRINK_OK)
        rc = st == BRINK_ENOMEM ? cli_fail("out of memory")
                                : cli_usage_error("report: --record: %s", brink_ctx_errmsg(ctx));
    brink_record_free(rec);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    enum { O_OUT, O_FIGURES, O_TITLE, O_DATA, O_RECORD };
    static const cli_opt_t table[] = {{"--out", 0, 1, O_OUT}, {"--figures", 0, 1, O_FIGURES},
                                      {"--title", 0, 1, O_TITLE}, {"--data", 0, 1, O_DATA},
                                      {"--record", 0, 1, O_RECORD}, {NULL, 0, 0, 0}};
    const char *dir = NULL, *out = NULL, *figdir = NULL, *title = NULL, *data = NULL, *v;
    const char *record = NULL;
    char *defout = NULL, *cmdline = NULL, *payload = NULL;
    int rc = EXIT_OK, id;
    brink_ctx_t *ctx = NULL;
    brink_report_t *r = NULL;
    brink_outdir_t *od = NULL;
    cli_opts_t op;
    cli_opts_init(&op, "report", argc, argv, table);
    while ((id = cli_opts_next(&op, &v)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR)
            return EXIT_USAGE;
        if (id == CLI_OPTS_POSITIONAL) {
            if (dir)
                return cli_usage_error("report: expected one result directory, got '%s' and "
                                       "'%s'", dir, v);
            dir = v;
            continue;
        }
        if (!*v)
            return cli_usage_error("report: %s needs a non-empty value", table[id].name);
        *(id == O_OUT       ? &out
          : id == O_FIGURES ? &figdir
          : id == O_TITLE   ? &title
          : id == O_RECORD  ? &record
                            : &data) = v;
    }
    if (!dir)
        return cli_usage_error("report: expected a result directory (see 'brink help report')");
    ctx = brink_ctx_new(NULL);
    cmdline = join_argv(argc, argv);
    if (!ctx || !cmdline) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    brink_status_t st = brink_report_load(ctx, dir, &r);
    if (st) {
        fprintf(stderr, "brink: report: %s\n", brink_ctx_errmsg(ctx));
        rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
        goto cleanup;
    }
    if (record && (rc = use_record(ctx, r, record)) != EXIT_OK)
        goto cleanup;
    if ((title && brink_report_set_title(r, title)) || brink_report_set_command(r, cmdline)) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    if ((st = brink_report_render(ctx, r))) {
        rc = cli_fail("report: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (!out) {
        size_t l = strlen(dir) + 16;
        defout = malloc(l);
        if (!defout) {
            rc = cli_fail("out of memory");
            goto cleanup;
        }
        snprintf(defout, l, "%s/report.html", dir);
        out = defout;
    }
    if (figdir) {
        static const char *const own_figures[] = {"*.svg", NULL};
        if (cli_outdir_begin("report", figdir, own_figures, &od) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
        for (size_t i = 0; i < brink_report_figure_count(r); i++) {
            const char *name, *svg;
            brink_report_figure(r, i, &name, &svg);
            size_t l = strlen(brink_outdir_stage(od)) + strlen(name) + 8;
            char *p = malloc(l);
            if (!p) {
                rc = cli_fail("out of memory");
                goto cleanup;
            }
            snprintf(p, l, "%s/%s.svg", brink_outdir_stage(od), name);
            int bad = write_string(p, svg);
            free(p);
            if (bad) {
                rc = EXIT_FAIL;
                goto cleanup;
            }
        }
    }
    if (data) {
        payload = brink_report_payload_json(ctx, r);
        if (!payload) {
            rc = cli_fail("report: %s", brink_ctx_errmsg(ctx));
            goto cleanup;
        }
        cli_atomic_t a;
        if (cli_atomic_open(&a, data) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
        fputs(payload, a.fp);
        fputc('\n', a.fp);
        if (cli_atomic_commit(&a) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
    }
    cli_atomic_t a;
    if (cli_atomic_open(&a, out) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    if ((st = brink_report_write_html(ctx, r, a.fp))) {
        cli_atomic_abort(&a);
        rc = cli_fail("report: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (od && cli_outdir_commit("report", &od) != 0) {
        cli_atomic_abort(&a);
        rc = EXIT_FAIL;
        goto cleanup;
    }
    if (cli_atomic_commit(&a) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    printf("%s\n", out);
cleanup:
    cli_outdir_abort(&od);
    if (payload)
        brink_free(ctx, payload);
    brink_report_free(r);
    brink_ctx_free(ctx);
    free(defout);
    free(cmdline);
    return rc;
}
