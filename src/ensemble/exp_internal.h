/* exp_internal.h - the decoded experiment file and the loaded experiment
 * (internal to src/ensemble and src/store). */
#ifndef BRINK_ENSEMBLE_EXP_INTERNAL_H
#define BRINK_ENSEMBLE_EXP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "brink/calib.h"
#include "brink/experiment.h"
#include "scenario/schema.h"

enum { DIST_UNIFORM, DIST_TRIANGULAR, DIST_NORMAL, DIST_LEVELS, DIST_CATEGORICAL };
enum { DESIGN_GRID, DESIGN_LIST, DESIGN_RANDOM, DESIGN_LHS, DESIGN_SOBOL, DESIGN_MORRIS,
       DESIGN_FILE };
enum { MODEL_ISHIGAMI, MODEL_SOBOL_G, MODEL_LINEAR, MODEL_CRISIS };
enum { KEEP_BANDS, KEEP_ALL, KEEP_NONE };

extern const char *const exp_dist_names[];
extern const char *const exp_design_names[];
extern const char *const exp_model_names[];
extern const char *const exp_keep_names[];

typedef struct exp_factor {
    char *name;
    char *path;
    int dist;
    double min, max, mode, mean, sd;
    double *levels;
    size_t nlevels;
} exp_factor_t;

typedef struct exp_row {
    double *values;
    size_t nvalues;
} exp_row_t;

typedef struct exp_design {
    int type;
    int n;          /* random, lhs: points; sobol: base N; morris: trajectories */
    int levels;     /* morris grid levels p */
    int steps;      /* grid: points per bounded continuous factor */
    char *file;     /* file: CSV path, relative to the experiment file */
    exp_row_t *points; /* list */
    size_t npoints;
} exp_design_t;

typedef struct exp_series {
    int keep;
    double *quantiles;
    size_t nquantiles;
} exp_series_t;

typedef struct exp_file {
    int format;
    char *name;
    char *description;
    int model;
    char *scenario;
    char *params;         /* posterior directory, relative to the experiment file */
    double seed;
    int replications;
    int common_random_numbers;
    int horizon;
    double *model_params;
    size_t nparams;
    double noise;
    double work;
    int steps;
    exp_series_t series;
    exp_design_t design;
    exp_factor_t *factors;
    size_t nfactors;
} exp_file_t;

extern const schema_obj_t exp_schema;

struct brink_experiment {
    brink_ctx_t *ctx;
    exp_file_t f;
    char *dir;            /* directory of the experiment file ("" = cwd) */
    char *scenario_path;  /* resolved, or NULL */
    char hash[65];
    char scenario_hash[65];
    uint32_t npoints;
    char **outputs;       /* kept output names */
    size_t noutputs;
    size_t *output_index; /* index of each kept output in the model's outputs */
    char **series;        /* kept series names */
    size_t nseries;
    uint32_t max_steps;
    double quantiles[32]; /* the band quantiles, ascending */
    size_t nquantiles;
    uint32_t *lhs_perm;   /* lhs: perm[f * n + point] = stratum */
    double *rows;         /* list, file: npoints * nfactors factor values */
    brink_posterior_t *posterior; /* the params key or --params, or NULL */
    char *posterior_dir;  /* as written in the file or given */
    size_t *post_factor;  /* [npaths] the factor setting posterior path j, or SIZE_MAX */
    unsigned char *post_skip; /* [npaths] 1 when a factor sets path j */
};

/* dist.c: the factor value at unit coordinate u in [0, 1]. */
double exp_dist_value(const exp_factor_t *f, double u);

/* design.c: builds what a design needs (LHS permutations), and computes
 * the size of the design.  Returns BRINK_OK, BRINK_ENOMEM, BRINK_ELIMIT. */
brink_status_t exp_design_prepare(brink_experiment_t *exp);


/* csv_design.c: reads a CSV design (header of factor names, one row per
 * point) into exp->rows; problems are located diagnostics in that file.
 * With a scenario sc (else NULL), every value must be one its factor's
 * path allows (range, whole numbers); sc's numbers are changed. */
brink_status_t exp_read_csv_design(brink_experiment_t *exp, const char *path,
                                   brink_scenario_t *sc, brink_diags_t *diags);



/* model_crisis.c: the crisis simulation as a model (see that file). */
brink_status_t exp_model_crisis(brink_ctx_t *ctx, brink_model_t *out);
#endif
