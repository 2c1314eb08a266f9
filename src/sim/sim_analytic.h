/* sim_analytic.h - closed forms of the literature results (internal). */
#ifndef BRINK_SIM_ANALYTIC_H
#define BRINK_SIM_ANALYTIC_H

/** Richardson (continuous) equilibrium x*, y*; -1 if mn = ab. */
int sim_richardson_equilibrium(double a, double b, double m, double n, double g, double h,
                               double *x, double *y);
/** Eigenvalues of the Richardson Jacobian [[-m, a], [b, -n]], l1 >= l2. */
void sim_richardson_eigen(double a, double b, double m, double n, double *l1, double *l2);
/** Spectral radius of the discrete Richardson matrix [[1-a1, d1], [d2, 1-a2]]. */
double sim_richardson_discrete_radius(double d1, double d2, double a1, double a2);
/** Fearon's bargaining range [p - c_A, p + c_B]. */
void sim_fearon_range(double p, double ca, double cb, double *lo, double *hi);
/** Nash bargaining solution argmax (ua - da)(ub - db) on the grid k/n of [0, 1]
 *  (the criterion the package grid of bargain.c uses); NAN if no point
 *  beats both disagreement values. */
double sim_nash_1d(double (*ua)(double, const void *), double (*ub)(double, const void *),
                   const void *ud, double da, double db, int n);
/** Fearon's take-it-or-leave-it screening with c_B ~ U[0, cbar]: optimal
 *  demand, war probability and the proposer's expected utility. */
void sim_fearon_screening(double p, double ca, double cbar, double *x, double *pwar, double *eu);
/** Preventive war under a power shift p -> p2 (Fearon 1995; Powell 2006). */
int sim_preventive_war(double p, double p2, double delta, double ca);
/** Logit probability of the better of two actions with utility gap delta_u. */
double sim_logit2(double delta_u, double lambda);
/** Critical risk (resolve) of brinkmanship (w - s)/(w - d). */
double sim_brinkmanship_resolve(double w, double s, double d);

#endif
