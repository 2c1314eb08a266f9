/* backtest_score.c - `brink backtest --score FORECAST [--record FILE]`: a
 * dated forecast file written by `brink run --condition-through ... --out`
 * scored against a record, typically one that has grown since
 * (docs/conditioning.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "forecasting.h"
#include "opts.h"

#define LOG_EPS 0.01

static int bad(const char *file, const char *path, const char *what)
{
    fprintf(stderr, "%s:0:0: error: %s: %s\n", file, path, what);
    return EXIT_USAGE;
}

/* the record's total of series s over months [from, to], or -1 */
static long period_total(const brink_record_t *rec, size_t s, int from, int to)
{
    if (brink_record_annual(rec, s)) {
        if (from % 12 != 0 || to != from + 11)
            return -1;
        return brink_record_year(rec, s, from / 12);
    }
    long sum = 0;
    for (int m = from; m <= to; m++) {
        long c = brink_record_month(rec, s, m);
        if (c < 0)
            return -1;
        sum += c;
    }
    return sum;
}

int cli_backtest_score(int argc, char **argv)
{
    enum { O_SCORE, O_RECORD, O_FORMAT };
    static const cli_opt_t table[] = {{"--score", 0, 1, O_SCORE}, {"--record", 0, 1, O_RECORD},
                                      {"--format", 0, 1, O_FORMAT}, {NULL, 0, 0, 0}};
    const char *file = NULL, *record = NULL, *format = "text", *positional = NULL, *optv;
    int rc = EXIT_OK, id;
    brink_ctx_t *ctx = NULL;
    brink_record_t *rec = NULL;
    json_t *root = NULL, *out = NULL;
    double *pmf = NULL;
    cli_opts_t p;
    cli_opts_init(&p, "backtest", argc, argv, table);
    while ((id = cli_opts_next(&p, &optv)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR)
            return EXIT_USAGE;
        if (id == CLI_OPTS_POSITIONAL && positional)
            return cli_usage_error("backtest: expected one argument, got '%s' too", optv);
        if (id == O_FORMAT && strcmp(optv, "text") != 0 && strcmp(optv, "json") != 0)
            return cli_usage_error("backtest: --format: unknown format '%s'; expected text "
                                   "or json", optv);
        *(id == CLI_OPTS_POSITIONAL ? &positional
          : id == O_SCORE          ? &file
          : id == O_RECORD         ? &record
                                   : &format) = optv;
    }
    if (positional) {
        rc = cli_usage_error("backtest: --score takes no SCENARIO (found '%s'): the forecast "
                             "file names its own", positional);
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    json_error_t jerr;
    root = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        fprintf(stderr, "%s:%d:%d: error: %s\n", file, jerr.line, jerr.column, jerr.text);
        rc = EXIT_USAGE;
        goto cleanup;
    }
    const char *fmt = json_string_value(json_object_get(root, "format"));
    json_t *ver = json_object_get(root, "format_version");
    if (!fmt || strcmp(fmt, "brink-forecast") != 0) {
        rc = bad(file, "format", "expected \"brink-forecast\" (a file written by 'brink run "
                 "--condition-through ... --out DIR')");
        goto cleanup;
    }
    if (!json_is_integer(ver) || json_integer_value(ver) != 1) {
        rc = bad(file, "format_version", "expected 1");
        goto cleanup;
    }
    json_t *fc = json_object_get(root, "forecasts");
    if (!json_is_array(fc)) {
        rc = bad(file, "forecasts", "expected an array of forecasts");
        goto cleanup;
    }
    if ((rc = cli_record_load(ctx, "backtest", record, &rec)) != EXIT_OK)
        goto cleanup;
    const char *through = json_string_value(json_object_get(root, "conditioned_through"));
    json_t *jrec = json_object_get(root, "record");
    const char *rhash = json_string_value(json_object_get(jrec, "sha256"));
    int text = strcmp(format, "text") == 0;
    out = json_object();
    json_t *rows = json_array();
    json_object_set_new(out, "forecast", json_string(file));
    json_object_set_new(out, "conditioned_through", json_string(through ? through : ""));
    json_object_set_new(out, "record", json_pack("{s:s,s:s}", "file",
                                                 record ? record : brink_record_shipped(),
                                                 "sha256", brink_record_hash(rec)));
    json_object_set_new(out, "rows", rows);
    if (text)
        printf("Scoring %s (conditioned through %s, record sha256 %.16s...) against %s (sha256 "
               "%.16s...)\n  %-22s %-17s %6s %6s %3s %3s %3s %6s %6s %5s\n",
               file, through ? through : "?", rhash ? rhash : "?",
               record ? record : brink_record_shipped(), brink_record_hash(rec), "series",
               "period", "record", "mean", "q05", "q50", "q95", "CRPS", "logS", "PIT");
    size_t nf = json_array_size(fc), scored = 0, pending = 0;
    for (size_t i = 0; i < nf; i++) {
        char path[64], what[256];
        json_t *e = json_array_get(fc, i);
        const char *actor = json_string_value(json_object_get(e, "actor"));
        const char *kind = json_string_value(json_object_get(e, "kind"));
        const char *from = json_string_value(json_object_get(e, "from"));
        const char *to = json_string_value(json_object_get(e, "to"));
        json_t *jp = json_object_get(e, "pmf");
        int m0, m1;
        snprintf(path, sizeof path, "forecasts[%zu]", i);
        if (!actor || !kind || !from || !to || cli_parse_month(from, &m0) ||
            cli_parse_month(to, &m1) || m1 < m0 || !json_is_array(jp) ||
            json_array_size(jp) < 1 || json_array_size(jp) > 100000) {
            rc = bad(file, path, "expected {actor, kind, from: YYYY-MM, to: YYYY-MM (not before "
                     "from), pmf: [probabilities]}");
            goto cleanup;
        }
        size_t len = json_array_size(jp) + 1; /* one empty cell above the support */
        free(pmf);
        pmf = calloc(len, sizeof *pmf);
        if (!pmf) {
            rc = cli_fail("out of memory");
            goto cleanup;
        }
        double tot = 0;
        for (size_t k = 0; k + 1 < len; k++) {
            json_t *v = json_array_get(jp, k);
            pmf[k] = json_number_value(v);
            if (!json_is_number(v) || !(pmf[k] >= 0) || !isfinite(pmf[k])) {
                snprintf(what, sizeof what, "pmf[%zu]: expected a probability >= 0", k);
                rc = bad(file, path, what);
                goto cleanup;
            }
            tot += pmf[k];
        }
        if (!(fabs(tot - 1.0) < 1e-6)) {
            snprintf(what, sizeof what, "pmf: the probabilities sum to %.9g; expected 1", tot);
            rc = bad(file, path, what);
            goto cleanup;
        }
        long sidx = brink_record_find(rec, actor, kind);
        long obs = sidx < 0 ? -1 : period_total(rec, (size_t)sidx, m0, m1);
        char name[64], per[24];
        snprintf(name, sizeof name, "%s/%s", actor, kind);
        snprintf(per, sizeof per, "%s..%s", from, to);
        double mean = brink_pmf_mean(pmf, len);
        long q05 = brink_pmf_quantile(pmf, len, 0.05), q50 = brink_pmf_quantile(pmf, len, 0.5),
             q95 = brink_pmf_quantile(pmf, len, 0.95);
        if (obs < 0) {
            pending++;
            if (text)
                printf("  %-22s %-17s %6s %6.2f %3ld %3ld %3ld  (%s)\n", name, per, "-", mean,
                       q05, q50, q95, sidx < 0 ? "the record has no such series"
                                               : "not yet observed in full");
            json_array_append_new(rows, json_pack("{s:s,s:s,s:s,s:s,s:n}", "actor", actor,
                                                  "kind", kind, "from", from, "to", to,
                                                  "observed"));
            continue;
        }
        scored++;
        double crps = brink_crps_pmf(pmf, len, obs);
        double ls = brink_logscore_pmf(pmf, len, obs, LOG_EPS);
        double pit = brink_pit_pmf(pmf, len, obs, 0.5); /* the mid-PIT */
        int in50 = brink_pmf_covers(pmf, len, obs, 0.5), in90 = brink_pmf_covers(pmf, len, obs,
                                                                                 0.9);
        if (text)
            printf("  %-22s %-17s %6ld %6.2f %3ld %3ld %3ld %6.2f %6.2f %5.2f%s\n", name, per, obs,
                   mean, q05, q50, q95, crps, ls, pit, in90 ? "" : "  outside 90%");
        json_array_append_new(rows, json_pack("{s:s,s:s,s:s,s:s,s:I,s:f,s:f,s:f,s:b,s:b}",
                                              "actor", actor, "kind", kind, "from", from, "to",
                                              to, "observed", (json_int_t)obs, "crps", crps,
                                              "log_score", ls, "mid_pit", pit, "in50", in50,
                                              "in90", in90));
    }
    json_object_set_new(out, "scored", json_integer((json_int_t)scored));
    json_object_set_new(out, "pending", json_integer((json_int_t)pending));
    if (text)
        printf("%zu forecasts scored, %zu pending (log score smoothed with eps %.2f; PIT: the "
               "mid-PIT (F(y-1) + F(y))/2)\n", scored, pending, LOG_EPS);
    else if (json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                         JSON_REAL_PRECISION(10)) != 0 ||
             fputc('\n', stdout) == EOF) {
        rc = cli_fail("backtest: cannot write to stdout");
        goto cleanup;
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("backtest: cannot write to stdout");
cleanup:
    free(pmf);
    json_decref(root);
    json_decref(out);
    brink_record_free(rec);
    brink_ctx_free(ctx);
    return rc;
}
