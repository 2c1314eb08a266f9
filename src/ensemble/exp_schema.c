/* exp_schema.c - the keys of an experiment file: types, ranges, defaults
 * and meanings (docs/experiments.md lists them). */
#include <stddef.h>
#include <stdio.h>

#include "ensemble/exp_internal.h"

const char *const exp_dist_names[] = {"uniform", "triangular", "normal", "levels",
                                      "categorical", NULL};
const char *const exp_design_names[] = {"grid", "list", "random", "lhs", "sobol", "morris",
                                        "file", NULL};
const char *const exp_model_names[] = {"ishigami", "sobol_g", "linear", "crisis", NULL};
const char *const exp_keep_names[] = {"bands", "all", "none", NULL};

#define REQ SF_REQUIRED
#define NUM(T, f, fl, lo, hi, d, unit, doc) \
    {#f, SK_NUM, offsetof(T, f), fl, lo, hi, d, NULL, NULL, 0, unit, doc}
#define INT(T, f, fl, lo, hi, d, unit, doc) \
    {#f, SK_INT, offsetof(T, f), fl, lo, hi, d, NULL, NULL, 0, unit, doc}
#define STR(T, f, fl, doc) {#f, SK_STR, offsetof(T, f), fl, 0, 0, 0, NULL, NULL, 0, NULL, doc}
#define MONTH(T, f, fl, doc) \
    {#f, SK_MONTH, offsetof(T, f), fl, 0, 0, 0, NULL, NULL, 0, "YYYY-MM", doc}
#define ENUM(T, f, fl, ch, d, doc) {#f, SK_ENUM, offsetof(T, f), fl, 0, 0, d, ch, NULL, 0, NULL, doc}
#define OBJ(T, f, sub, doc) {#f, SK_OBJ, offsetof(T, f), REQ, 0, 0, 0, NULL, &sub, 0, NULL, doc}
#define LIST(T, f, fl, n, sub, doc) \
    {#f, SK_LIST, offsetof(T, f), fl, 0, 0, 0, NULL, &sub, offsetof(T, n), NULL, doc}
#define NUMLIST(T, f, fl, n, lo, hi, doc) \
    {#f, SK_NUMLIST, offsetof(T, f), fl, lo, hi, 0, NULL, NULL, offsetof(T, n), NULL, doc}
#define OBJECT(var, T, fields) \
    const schema_obj_t var = {#T, sizeof(T), fields, sizeof fields / sizeof fields[0]}

static const schema_field_t row_fields[] = {
    NUMLIST(exp_row_t, values, REQ, nvalues, -1e15, 1e15, "one value per factor, in factor order"),
};
static OBJECT(row_obj, exp_row_t, row_fields);

static const schema_field_t factor_fields[] = {
    STR(exp_factor_t, name, REQ, "the factor's name (unique; a column of the design)"),
    STR(exp_factor_t, path, 0, "numeric field path into the scenario, e.g. actors[DPRK].leaders[0].risk (required when the experiment has a scenario)"),
    ENUM(exp_factor_t, dist, REQ, exp_dist_names, 0, "distribution over which the factor varies"),
    NUM(exp_factor_t, min, 0, -1e15, 1e15, 0, "", "lower bound (uniform, triangular; optional truncation for normal)"),
    NUM(exp_factor_t, max, 0, -1e15, 1e15, 0, "", "upper bound (uniform, triangular; optional truncation for normal)"),
    NUM(exp_factor_t, mode, 0, -1e15, 1e15, 0, "", "mode (triangular)"),
    NUM(exp_factor_t, mean, 0, -1e15, 1e15, 0, "", "mean (normal)"),
    NUM(exp_factor_t, sd, 0, 0, 1e15, 0, "", "standard deviation (normal)"),
    NUMLIST(exp_factor_t, levels, 0, nlevels, -1e15, 1e15, "the values (levels: ordered; categorical: unordered codes), equally likely"),
};
static OBJECT(factor_obj, exp_factor_t, factor_fields);

static const schema_field_t design_fields[] = {
    ENUM(exp_design_t, type, REQ, exp_design_names, 0, "how the design points are chosen"),
    INT(exp_design_t, n, 0, 0, 100000000, 0, "", "random, lhs: number of points; sobol: base sample size N (N*(k+2) points); morris: trajectories r (r*(k+1) points)"),
    INT(exp_design_t, levels, 0, 2, 64, 4, "", "morris: grid levels p (even)"),
    INT(exp_design_t, steps, 0, 2, 100000, 5, "", "grid: points across [min, max] of each uniform or triangular factor"),
    STR(exp_design_t, file, 0, "file: CSV design (header of factor names), relative to the experiment file"),
    LIST(exp_design_t, points, 0, npoints, row_obj, "list: the design points"),
};
static OBJECT(design_obj, exp_design_t, design_fields);

static const schema_field_t series_fields[] = {
    ENUM(exp_series_t, keep, 0, exp_keep_names, 0, "bands: per design point and step, n, mean and quantiles over the replications; all: also every run's values; none: no series"),
    NUMLIST(exp_series_t, quantiles, 0, nquantiles, 0, 1, "the quantiles of the bands (default 0.05, 0.25, 0.5, 0.75, 0.95)"),
};
static OBJECT(series_obj, exp_series_t, series_fields);

static const schema_field_t exp_fields[] = {
    INT(exp_file_t, format, REQ, 1, 1, 1, "", "experiment format version (1)"),
    STR(exp_file_t, name, REQ, "experiment name"),
    STR(exp_file_t, description, 0, "what the experiment asks"),
    ENUM(exp_file_t, model, REQ, exp_model_names, 0, "the model each run evaluates"),
    STR(exp_file_t, scenario, 0, "base scenario file, relative to the experiment file (required for model crisis)"),
    STR(exp_file_t, params, 0, "calibration posterior: the directory holding posterior.csv (brink calibrate --out), relative to the experiment file; each run draws a parameter set from it by weight and applies it to the scenario before the factors, so a factor wins over the posterior (needs a scenario; brink sweep --params overrides this key)"),
    NUM(exp_file_t, seed, REQ, 0, 9007199254740992.0, 0, "", "master seed (an integer below 2^53)"),
    INT(exp_file_t, replications, 0, 1, 1000000, 1, "", "runs per design point"),
    {"common_random_numbers", SK_BOOL, offsetof(exp_file_t, common_random_numbers), 0, 0, 1, 0, NULL, NULL, 0, NULL, "key each run's random streams by its replication only, so every design point of a replication draws the same random numbers (less noise in comparisons and sensitivity indices)"},
    MONTH(exp_file_t, horizon, 0, "last simulated month (default: the scenario's end)"),
    NUMLIST(exp_file_t, model_params, 0, nparams, -1e15, 1e15, "parameters of an analytic model (ishigami: a, b; sobol_g: a_i; linear: coefficients)"),
    NUM(exp_file_t, noise, 0, 0, 1e15, 0, "", "analytic models: sd of Gaussian noise added per run"),
    NUM(exp_file_t, work, 0, 0, 1e12, 0, "draws", "analytic models: synthetic work per run (benchmarks)"),
    INT(exp_file_t, steps, 0, 0, 100000, 0, "", "analytic models: steps of their series 'path' (0: no series)"),
    {"series", SK_OBJ, offsetof(exp_file_t, series), 0, 0, 0, 0, NULL, &series_obj, 0, NULL, "which series to keep and how"},
    OBJ(exp_file_t, design, design_obj, "the design"),
    LIST(exp_file_t, factors, REQ, nfactors, factor_obj, "the factors varied"),
};
OBJECT(exp_schema, exp_file_t, exp_fields);

brink_status_t brink_experiment_write_reference(FILE *fp)
{
    schema_write_markdown(&exp_schema, fp);
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}
