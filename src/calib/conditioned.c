/* conditioned.c - the results of a run conditioned on the record
 * (brink_conditioned_write, brink/calib.h): the filtered state, the
 * parameter posterior, the free forecast, as the dated forecast file
 * (JSON) and as text (docs/conditioning.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brink/brink.h"

#define LEN 256

static void month_str(int m, char *buf)
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

/* SHA-256 of a file's bytes as 64 hex digits ("" when unreadable) */
static void file_hash(brink_ctx_t *ctx, const char *path, char hex[65])
{
    char *buf = NULL;
    size_t len = 0;
    hex[0] = '\0';
    if (brink_read_file(ctx, path, &buf, &len) == BRINK_OK)
        brink_sha256_hex(buf, len, hex);
    brink_free(ctx, buf);
}

/* the pmf's last nonzero cell + 1 */
static size_t used(const double *pmf, size_t len)
{
    size_t n = len;
    while (n > 1 && pmf[n - 1] == 0)
        n--;
    return n;
}

brink_status_t brink_conditioned_write(brink_ctx_t *ctx, brink_smc_t *f,
                                       const brink_sim_particles_t *sp,
                                       const brink_conditioned_t *in, FILE *json, FILE *txt)
{
    if (!ctx || !f || !sp || !in || !in->scenario_file || !in->cfg || in->years < 1 ||
        in->years > 100)
        return BRINK_EINVAL;
    brink_status_t st = BRINK_ENOMEM;
    double *pmfs = NULL, *x = NULL, *w = NULL;
    json_t *root = NULL;
    uint32_t n = brink_smc_nparticles(f);
    const double *wt = brink_smc_weights(f);
    size_t ness;
    const double *ess = brink_smc_ess(f, &ness);
    double ess_min = ness ? ess[0] : (double)n;
    size_t ess_at = 0;
    for (size_t k = 1; k < ness; k++)
        if (ess[k] < ess_min) {
            ess_min = ess[k];
            ess_at = k;
        }
    x = malloc((size_t)n * sizeof *x);
    w = malloc((size_t)n * sizeof *w);
    pmfs = calloc((size_t)BRINK_NCOUNTS * (size_t)in->years * LEN, sizeof *pmfs);
    root = json_object();
    if (!x || !w || !pmfs || !root)
        goto cleanup;
    memcpy(w, wt, (size_t)n * sizeof *w);
    char scen_hash[65], m1[8], m2[8], m3[8];
    file_hash(ctx, in->scenario_file, scen_hash);
    const brink_record_t *rec = in->record;
    const char *rec_file = in->record_file ? in->record_file : brink_record_shipped();
    const char *rec_hash = rec ? brink_record_hash(rec) : "";
    int start = in->start;
    month_str(in->through, m3);
    json_object_set_new(root, "format", json_string("brink-forecast"));
    json_object_set_new(root, "format_version", json_integer(1));
    json_object_set_new(root, "brink_version", json_string(brink_version()));
    json_object_set_new(root, "scenario", json_pack("{s:s,s:s}", "file", in->scenario_file, "sha256",
                                                    scen_hash));
    json_object_set_new(root, "params",
                        in->post ? json_pack("{s:s,s:s}", "file",
                                                brink_posterior_file(in->post), "sha256",
                                                brink_posterior_hash(in->post))
                                    : json_null());
    if (rec) {
        month_str(brink_record_through(rec), m1);
        json_object_set_new(root, "record", json_pack("{s:s,s:s,s:s}", "file", rec_file,
                                                      "sha256", rec_hash, "through", m1));
    } else {
        json_object_set_new(root, "record", json_null());
    }
    json_object_set_new(root, "conditioned_through", json_string(m3));
    json_object_set_new(root, "particles", json_integer((json_int_t)n));
    json_object_set_new(root, "seed", json_integer((json_int_t)in->seed));
    json_object_set_new(root, "observation_model",
                        json_pack("{s:s,s:f,s:f}", "law",
                                  in->cfg->obs == BRINK_SMC_OBS_NEGBIN ? "negbin" : "poisson",
                                  "floor", in->cfg->floor, "dispersion", in->cfg->dispersion));
    json_object_set_new(root, "log_evidence", json_real(brink_smc_log_evidence(f)));
    json_object_set_new(root, "resamplings", json_integer(brink_smc_resamplings(f)));
    json_t *jess = json_array();
    for (size_t k = 0; k < ness; k++)
        json_array_append_new(jess, json_real(ess[k]));
    json_object_set_new(root, "ess", jess);
    FILE *out = txt;
    int text = txt != NULL;
    if (text) {
        if (rec)
            fprintf(out, "Conditioned on %s (sha256 %.16s...) through %s: %u particles, %zu "
                    "months weighed (%s observation model, floor %g a month)\n", rec_file,
                    rec_hash, m3, n, ness,
                    in->cfg->obs == BRINK_SMC_OBS_NEGBIN ? "negative binomial" : "Poisson",
                    in->cfg->floor);
        else
            fprintf(out, "Not conditioned (--record none): %u particles run free through %s\n",
                    n, m3);
        month_str(start + (int)ess_at, m1);
        fprintf(out, "log marginal likelihood %.3f; %u resamplings; effective sample size: "
                "lowest %.1f (%s), final %.1f\n",
                brink_smc_log_evidence(f), brink_smc_resamplings(f), ness ? ess_min : (double)n,
                ness ? m1 : "-", ness ? ess[ness - 1] : (double)n);
        fprintf(out, "\nFiltered state at %s (weighted quantiles)\n  %-16s %9s %9s %9s\n", m3,
                "series", "q05", "q50", "q95");
    }
    /* the filtered state */
    json_t *jstate = json_object();
    const char *const *sn = brink_sim_series_names();
    for (int k = 0; k < BRINK_NSERIES; k++) {
        double v[BRINK_NSERIES], q[3];
        for (uint32_t i = 0; i < n; i++) {
            brink_sim_particle_series(brink_smc_particle(f, i), v);
            x[i] = v[k];
        }
        static const double qs[3] = {0.05, 0.5, 0.95};
        for (int j = 0; j < 3; j++)
            if ((st = brink_weighted_quantile(ctx, x, w, n, qs[j], &q[j])) != BRINK_OK)
                goto cleanup;
        json_object_set_new(jstate, sn[k], json_pack("{s:f,s:f,s:f}", "q05", q[0], "q50", q[1],
                                                     "q95", q[2]));
        if (text)
            fprintf(out, "  %-16s %9.3f %9.3f %9.3f\n", sn[k], q[0], q[1], q[2]);
    }
    json_object_set_new(root, "filtered_state", jstate);
    /* the parameter posterior: the sets' weights after conditioning */
    if (in->post) {
        json_t *jpar = json_object();
        size_t np = brink_posterior_npaths(in->post);
        if (text)
            fprintf(out, "\nParameter posterior after conditioning (prior: the --params sets "
                    "by weight)\n  %-28s %9s %9s %9s\n", "path", "q05", "q50", "q95");
        for (size_t j = 0; j < np; j++) {
            double q[3];
            for (uint32_t i = 0; i < n; i++)
                x[i] = brink_posterior_values(in->post,
                                              brink_sim_particle_set(brink_smc_particle(f, i)))[j];
            static const double qs[3] = {0.05, 0.5, 0.95};
            for (int k = 0; k < 3; k++)
                if ((st = brink_weighted_quantile(ctx, x, w, n, qs[k], &q[k])) != BRINK_OK)
                    goto cleanup;
            const char *path = brink_posterior_path(in->post, j);
            json_object_set_new(jpar, path, json_pack("{s:f,s:f,s:f}", "q05", q[0], "q50", q[1],
                                                      "q95", q[2]));
            if (text)
                fprintf(out, "  %-28s %9.4g %9.4g %9.4g\n", path, q[0], q[1], q[2]);
        }
        json_object_set_new(root, "parameters", jpar);
    }
    /* the free forecast */
    if ((st = brink_smc_forecast_pmfs(ctx, f, in->years, LEN, pmfs)) != BRINK_OK)
        goto cleanup;
    json_t *jf = json_array();
    if (text)
        fprintf(out, "\nForecast: simulated totals of each 12-month period after %s\n  %-22s %-17s %7s %4s %4s %4s %7s\n", m3, "series",
                "period", "mean", "q05", "q50", "q95", "P(>=1)");
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *actor, *kind;
        brink_sim_particles_series_name(sp, k, &actor, &kind);
        for (int h = 1; h <= in->years; h++) {
            const double *pmf = pmfs + ((size_t)k * (size_t)in->years + (size_t)(h - 1)) * LEN;
            month_str(in->through + 1 + 12 * (h - 1), m1);
            month_str(in->through + 12 * h, m2);
            double mean = brink_pmf_mean(pmf, LEN);
            long q05 = brink_pmf_quantile(pmf, LEN, 0.05), q50 = brink_pmf_quantile(pmf, LEN, 0.5),
                 q95 = brink_pmf_quantile(pmf, LEN, 0.95);
            json_t *jp = json_array();
            size_t u = used(pmf, LEN);
            for (size_t c = 0; c < u; c++)
                json_array_append_new(jp, json_real(pmf[c]));
            json_array_append_new(jf, json_pack("{s:s,s:s,s:s,s:s,s:f,s:I,s:I,s:I,s:o}", "actor",
                                                actor, "kind", kind, "from", m1, "to", m2,
                                                "mean", mean, "q05", (json_int_t)q05, "q50",
                                                (json_int_t)q50, "q95", (json_int_t)q95, "pmf",
                                                jp));
            if (text) {
                char name[64], per[24];
                snprintf(name, sizeof name, "%s/%s", actor, kind);
                snprintf(per, sizeof per, "%s..%s", m1, m2);
                fprintf(out, "  %-22s %-17s %7.2f %4ld %4ld %4ld %7.3f\n", name, per, mean, q05,
                        q50, q95, 1.0 - pmf[0]);
            }
        }
    }
    json_object_set_new(root, "forecasts", jf);
    st = BRINK_EIO;
    if (json && (json_dumpf(root, json, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                            JSON_REAL_PRECISION(10)) != 0 ||
                 fputc('\n', json) == EOF))
        goto cleanup;
    st = (json && ferror(json)) || (txt && ferror(txt)) ? BRINK_EIO : BRINK_OK;
cleanup:
    json_decref(root);
    free(x);
    free(w);
    free(pmfs);
    return st;
}
