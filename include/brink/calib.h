/*
 * brink/calib.h - proper scoring rules and naive baselines for predictive
 * distributions of counts (docs/validation.md, "Method").
 *
 * A predictive distribution of a count is a probability mass function over
 * 0 .. n-1 (pmf[k] = P(X = k); the entries sum to 1; an ensemble histogram
 * divided by its run count is one).  Scores are negatively oriented: smaller
 * is better.
 *
 *   CRPS(F, y) = sum_k (F(k) - 1{k >= y})^2   for an integer y (Gneiting and
 *                Raftery 2007; equal to E|X - y| - E|X - X'|/2)
 *   log score  = -ln p~(y), p~ = (1 - eps) pmf + eps g,  g the geometric
 *                distribution on 0, 1, ... with mean max(E X, 1): a proper
 *                distribution with full support, so outcomes the forecast
 *                gives zero probability score finitely (eps = 0.01 in the
 *                backtest, for the model and the baselines alike)
 *   PIT        = F(y-1) + v (F(y) - F(y-1)), v ~ U(0,1) (randomised PIT for
 *                counts; Czado, Gneiting and Held 2009)
 *
 * Nothing here allocates, prints or exits.
 */
#ifndef BRINK_CALIB_H
#define BRINK_CALIB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** CRPS of a pmf over 0 .. n-1 at the integer outcome y >= 0 (exact). */
double brink_crps_pmf(const double *pmf, size_t n, long y);

/** CRPS of the empirical distribution of the sample x[0..n-1], sorted
 *  ascending, at a real y: E|X - y| - E|X - X'|/2, exact, O(n). */
double brink_crps_sorted_sample(const double *x, size_t n, double y);

/** CRPS of a Poisson(lambda) forecast at the integer y >= 0, by summation
 *  of the exact series until the remaining terms are below 1e-15. */
double brink_crps_poisson(double lambda, long y);

/** CRPS of a point mass at x (the persistence forecast): |x - y|. */
double brink_crps_point(double x, double y);

/** Log score -ln p~(y) of a pmf over 0 .. n-1, smoothed with weight eps
 *  (0 <= eps < 1) by the geometric distribution of mean max(E X, 1). */
double brink_logscore_pmf(const double *pmf, size_t n, long y, double eps);

/** Log score of Poisson(lambda) smoothed as above (mean max(lambda, 1)). */
double brink_logscore_poisson(double lambda, long y, double eps);

/** Log score of a point mass at x >= 0 smoothed as above (mean max(x, 1)). */
double brink_logscore_point(long x, long y, double eps);

/** Randomised PIT of a pmf at y with the uniform draw v in [0, 1). */
double brink_pit_pmf(const double *pmf, size_t n, long y, double v);

/** Smallest k with F(k) >= q (0 < q <= 1); n - 1 if none. */
long brink_pmf_quantile(const double *pmf, size_t n, double q);

/** 1 if y lies in the central interval of probability level (e.g. 0.9):
 *  [quantile((1-level)/2), quantile((1+level)/2)]; else 0. */
int brink_pmf_covers(const double *pmf, size_t n, long y, double level);

/** Mean of a pmf. */
double brink_pmf_mean(const double *pmf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
