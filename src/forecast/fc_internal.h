/*
 * fc_internal.h - shared layout of the forecast module (internal).
 */
#ifndef BRINK_FORECAST_INTERNAL_H
#define BRINK_FORECAST_INTERNAL_H

#include "brink/forecast.h"

/* KTAB's nine enum options (see fc_options_to_array). */
#define FC_NPARAMS 9

struct brink_fc_scenario {
    brink_ctx_t *ctx;
    char *name, *desc;
    size_t n, d, cap_n;
    char **dim_name;   /* d */
    char **actor_name; /* n */
    char **actor_desc; /* n */
    double *cap;       /* n */
    double *pos;       /* n*d, 0-100 scale */
    double *sal;       /* n*d, 0-100 scale */
    double *accom;     /* n*n accommodation matrix A, or NULL for identity */
    double *unc;       /* n*3 per-actor (position sd, salience sd, capability cv), -1 = global; or NULL */
    int has_params;    /* model parameters given by the file (KTAB XML) */
    int params[FC_NPARAMS]; /* vpm, pcem, stm, vr, bigradj, bigrrng, tpc, ivb, bm */
    int has_seed;
    uint64_t seed;
    char *src;         /* the input file the actors were read from, or NULL */
    int *loc;          /* n*2: line and column of each actor's capability in src (0: unknown) */
};

/* Notes the input file of s (copied) and where actor i's capability is in
 * it, so that brink_smp_check can locate its problems.  Returns BRINK_OK or
 * BRINK_ENOMEM. */
brink_status_t fc_scenario_set_source(brink_fc_scenario_t *s, const char *file);
void fc_scenario_locate(brink_fc_scenario_t *s, size_t i, int line, int column);

/* KTAB's Model::vote (kmodel.cpp): actor with weight w voting between
 * options of utility uij and uik.  Inline because it is the innermost
 * operation of every PCE and challenge; each rule evaluates KTAB's exact
 * expression.  KTAB throws on w <= 0; brink gives such an actor no vote. */
static inline double fc_vote(int vr, double w, double uij, double uik)
{
    if (!(w > 0.0))
        return 0.0;
    const double du = uij - uik;
    switch (vr) {
    case BRINK_VR_PROP:
        return w * du;
    case BRINK_VR_PROPCBC:
        return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case BRINK_VR_CUBIC:
        return w * (du * du * du);
    case BRINK_VR_ASYMPROSP:
        if (du < 0.0)
            return w * du;
        if (du > 0.0)
            return (2.0 * w * du) / 3.0;
        return 0.0;
    case BRINK_VR_BINARY:
    case BRINK_VR_PROPBIN: {
        double rbin = du / 1e-8;
        rbin = rbin > 1.0 ? 1.0 : rbin;
        rbin = rbin < -1.0 ? -1.0 : rbin;
        if (vr == BRINK_VR_BINARY)
            return w * rbin;
        return w * ((1 - 0.2) * du + 0.2 * rbin);
    }
    default:
        return 0.0;
    }
}

/* PCE machinery shared by the SMP (pce.c). */
/* Coalition strengths c (n_opt x n_opt) for utilities u (n_act x n_opt,
 * row-major) and weights w (n_act). */
void fc_coalitions(int vr, size_t n_act, size_t n_opt, const double *w, const double *u,
                   double *c);
/* Victory probabilities pv from coalitions c. */
void fc_vprob(int vpm, size_t n, const double *c, double *pv);
/* PCE: probabilities p (n) from coalitions c; scratch holds 3 n*n + n doubles.
 * Returns BRINK_OK or BRINK_ENUMERIC. */
brink_status_t fc_pce(int pcem, int vpm, size_t n, const double *c, double *p, double *scratch);

/* KTAB's nine enum options, in the order of brink_smp_option_names() and of
 * KTAB's ScenarioDesc columns (smp_options.c). */
void fc_options_to_array(const brink_smp_options_t *o, int v[FC_NPARAMS]);
void fc_options_from_array(brink_smp_options_t *o, const int v[FC_NPARAMS]);

/* Reads a whole file (at most 64 MiB) into *buf (brink_free it); problems
 * go to diags.  Returns BRINK_OK, BRINK_EIO, BRINK_ELIMIT or BRINK_ENOMEM. */
brink_status_t fc_read_file(brink_ctx_t *ctx, const char *path, char **buf, size_t *len,
                            brink_diags_t *diags);

/* KTAB's utility and distance (smp.c). */
double fc_bsutil(double sd, double r);

#endif
