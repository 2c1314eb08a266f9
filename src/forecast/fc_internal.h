/*
 * fc_internal.h - shared layout of the forecast module (internal).
 */
#ifndef BRINK_FORECAST_INTERNAL_H
#define BRINK_FORECAST_INTERNAL_H

#include "brink/forecast.h"

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
};

/* PCE machinery shared by the SMP (pce.c). */
double fc_vote(int vr, double w, double uij, double uik);
/* Coalition strengths c (n_opt x n_opt) for utilities u (n_act x n_opt,
 * row-major) and weights w (n_act). */
void fc_coalitions(int vr, size_t n_act, size_t n_opt, const double *w, const double *u,
                   double *c);
/* Victory probabilities pv from coalitions c. */
void fc_vprob(int vpm, size_t n, const double *c, double *pv);
/* PCE: probabilities p (n) from coalitions c; scratch holds 3 n*n + n doubles.
 * Returns BRINK_OK or BRINK_ENUMERIC. */
brink_status_t fc_pce(int pcem, int vpm, size_t n, const double *c, double *p, double *scratch);

/* KTAB's utility and distance (smp_util.c). */
double fc_bsutil(double sd, double r);

#endif
