/* abc_write.c - the files of a calibration (brink/calib.h): posterior.csv,
 * history.csv, distances.csv, summary.json and the text table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brink/brink.h"

static brink_status_t stream_status(FILE *fp)
{
    return ferror(fp) ? BRINK_EIO : BRINK_OK;
}

brink_status_t brink_abc_write_posterior(const brink_abc_result_t *r, FILE *fp)
{
    if (!r || !fp)
        return BRINK_EINVAL;
    fprintf(fp, "weight");
    for (size_t j = 0; j < r->nfree; j++)
        fprintf(fp, ",%s", r->paths[j]);
    fputc('\n', fp);
    for (uint32_t i = 0; i < r->n; i++) {
        fprintf(fp, "%.17g", r->weight[i]);
        for (size_t j = 0; j < r->nfree; j++)
            fprintf(fp, ",%.17g", r->theta[(size_t)i * r->nfree + j]);
        fputc('\n', fp);
    }
    return stream_status(fp);
}

brink_status_t brink_abc_write_history(const brink_abc_result_t *r, FILE *fp)
{
    if (!r || !fp)
        return BRINK_EINVAL;
    fprintf(fp, "generation,epsilon,simulations,acceptance,ess\n");
    for (size_t g = 0; g < r->ngen; g++)
        fprintf(fp, "%zu,%.6g,%llu,%.6g,%.6g\n", g, r->gen[g].epsilon,
                (unsigned long long)r->gen[g].proposed, r->gen[g].acceptance, r->gen[g].ess);
    return stream_status(fp);
}

static int cmp_pair(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* weighted quantiles 5%, 50%, 95% of column k of the final population's
 * summaries (pairs: 2n scratch values) */
static void summ_quantiles(const brink_abc_result_t *r, size_t k, double *pairs, double q[3])
{
    static const double qs[3] = {0.05, 0.5, 0.95};
    for (uint32_t i = 0; i < r->n; i++) {
        pairs[2 * i] = r->summary[(size_t)i * r->ntargets + k];
        pairs[2 * i + 1] = r->weight[i];
    }
    qsort(pairs, r->n, 2 * sizeof *pairs, cmp_pair);
    for (int j = 0; j < 3; j++) {
        double c = 0.0;
        q[j] = pairs[2 * (r->n - 1)];
        for (uint32_t i = 0; i < r->n; i++) {
            c += pairs[2 * i + 1];
            if (c >= qs[j] - 1e-12) {
                q[j] = pairs[2 * i];
                break;
            }
        }
    }
}

static void fmt_value(const brink_abc_target_t *t, double v, char *buf, size_t n)
{
    if (t->is_milestone) {
        int m = (int)v;
        snprintf(buf, n, "%04d-%02d", m / 12, m % 12 + 1);
    } else {
        snprintf(buf, n, "%g", v);
    }
}

/* one row per target, in the CSV (csv) or the table (table) */
static brink_status_t target_rows(const brink_abc_result_t *r, const brink_abc_target_t *targets,
                                  size_t nt, int until, FILE *csv, FILE *table)
{
    if (!r || !targets || nt != r->ntargets || r->n == 0)
        return BRINK_EINVAL;
    double *pairs = calloc(2 * (size_t)r->n, sizeof *pairs);
    if (!pairs)
        return BRINK_ENOMEM;
    if (csv)
        fprintf(csv, "target,observed,scale,mean,q05,median,q95,mean_scaled_distance\n");
    for (size_t k = 0; k < nt; k++) {
        const brink_abc_target_t *t = &targets[k];
        double obs = t->is_milestone && t->observed < 0 ? until + 1 : t->observed;
        double m = 0.0, dsum = 0.0, q[3];
        for (uint32_t i = 0; i < r->n; i++) {
            double v = r->summary[(size_t)i * nt + k];
            m += r->weight[i] * v;
            dsum += r->weight[i] * fabs(v - obs) / r->scale[k];
        }
        summ_quantiles(r, k, pairs, q);
        char so[16], sq[3][16];
        if (t->is_milestone && t->observed < 0)
            snprintf(so, sizeof so, "never");
        else
            fmt_value(t, obs, so, sizeof so);
        for (int j = 0; j < 3; j++) {
            fmt_value(t, q[j], sq[j], sizeof sq[j]);
            if (t->is_milestone && q[j] > until) /* until + 1: not reached */
                snprintf(sq[j], sizeof sq[j], "never");
        }
        if (table)
            fprintf(table, "%-28s %9s %9s %9s %9s %9.3g %7.3f\n", t->name, so, sq[0], sq[1],
                    sq[2], r->scale[k], dsum);
        if (csv)
            fprintf(csv, "%s,%s,%.6g,%.6g,%s,%s,%s,%.6g\n", t->name, so, r->scale[k], m, sq[0],
                    sq[1], sq[2], dsum);
    }
    free(pairs);
    return BRINK_OK;
}

brink_status_t brink_abc_write_distances(const brink_abc_result_t *r,
                                         const brink_abc_target_t *targets, size_t nt, int until,
                                         FILE *fp)
{
    if (!fp)
        return BRINK_EINVAL;
    brink_status_t st = target_rows(r, targets, nt, until, fp, NULL);
    return st != BRINK_OK ? st : stream_status(fp);
}

static double posterior_mean(const brink_abc_result_t *r, size_t j)
{
    double m = 0.0;
    for (uint32_t i = 0; i < r->n; i++)
        m += r->weight[i] * r->theta[(size_t)i * r->nfree + j];
    return m;
}

brink_status_t brink_abc_write_table(const brink_abc_result_t *r, const char *scenario,
                                     const brink_abc_target_t *targets, size_t nt, int until,
                                     FILE *fp)
{
    if (!r || !fp || !scenario || r->ngen == 0)
        return BRINK_EINVAL;
    fprintf(fp, "Calibration of %s: %zu free parameters, %zu targets, %llu simulations, "
                "%zu generations (final tolerance %.3g)\n\n", scenario, r->nfree, nt,
            (unsigned long long)r->simulations, r->ngen, r->gen[r->ngen - 1].epsilon);
    fprintf(fp, "%-28s %10s %10s %10s %10s\n", "parameter", "q05", "median", "q95", "mean");
    for (size_t j = 0; j < r->nfree; j++)
        fprintf(fp, "%-28s %10.4g %10.4g %10.4g %10.4g\n", r->paths[j],
                brink_abc_quantile(r, j, 0.05), brink_abc_quantile(r, j, 0.5),
                brink_abc_quantile(r, j, 0.95), posterior_mean(r, j));
    fprintf(fp, "\n%-28s %9s %9s %9s %9s %9s %7s\n", "target", "observed", "q05", "median", "q95",
            "scale", "dist");
    brink_status_t st = target_rows(r, targets, nt, until, NULL, fp);
    return st != BRINK_OK ? st : stream_status(fp);
}

brink_status_t brink_abc_write_summary(const brink_abc_result_t *r, const char *scenario,
                                       const brink_abc_config_t *cfg, FILE *fp)
{
    if (!r || !scenario || !cfg || !fp)
        return BRINK_EINVAL;
    brink_status_t st = BRINK_ENOMEM;
    json_t *root = json_object(), *jp = json_array(), *jh = json_array();
    if (!root || !jp || !jh) {
        json_decref(jp);
        json_decref(jh);
        goto cleanup;
    }
    json_object_set_new(root, "scenario", json_string(scenario));
    json_object_set_new(root, "version", json_string(brink_version()));
    json_object_set_new(root, "seed", json_integer((json_int_t)cfg->seed));
    json_object_set_new(root, "budget", json_integer((json_int_t)cfg->budget));
    json_object_set_new(root, "particles", json_integer((json_int_t)cfg->particles));
    json_object_set_new(root, "alpha", json_real(cfg->alpha));
    json_object_set_new(root, "simulations", json_integer((json_int_t)r->simulations));
    json_object_set_new(root, "posterior", jp);
    json_object_set_new(root, "history", jh);
    for (size_t j = 0; j < r->nfree; j++) {
        json_t *o = json_object();
        if (!o || json_array_append_new(jp, o) != 0)
            goto cleanup;
        json_object_set_new(o, "path", json_string(r->paths[j]));
        json_object_set_new(o, "q05", json_real(brink_abc_quantile(r, j, 0.05)));
        json_object_set_new(o, "median", json_real(brink_abc_quantile(r, j, 0.5)));
        json_object_set_new(o, "q95", json_real(brink_abc_quantile(r, j, 0.95)));
        json_object_set_new(o, "mean", json_real(posterior_mean(r, j)));
    }
    for (size_t g = 0; g < r->ngen; g++)
        if (json_array_append_new(jh, json_pack("{s:i,s:f,s:I,s:f,s:f}", "generation", (int)g,
                                                "epsilon", r->gen[g].epsilon, "simulations",
                                                (json_int_t)r->gen[g].proposed, "acceptance",
                                                r->gen[g].acceptance, "ess", r->gen[g].ess)) != 0)
            goto cleanup;
    st = BRINK_EIO;
    if (json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8)) != 0)
        goto cleanup;
    fputc('\n', fp);
    st = stream_status(fp);
cleanup:
    json_decref(root);
    return st;
}
