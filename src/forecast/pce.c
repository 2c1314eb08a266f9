/*
 * pce.c - votes, coalitions, victory probabilities and the Probabilistic
 * Condorcet Election (PCE), computed the way KTAB computes them
 * (kmodel.cpp: Model::vote, coalitions, vProb, condPCE, markovUniformPCE,
 * markovIncentivePCE), operation for operation, so that results agree to
 * the last bit.
 */
#include <math.h>
#include <string.h>

#include "forecast/fc_internal.h"

void fc_coalitions(int vr, size_t n_act, size_t n_opt, const double *w, const double *u,
                   double *c)
{
    const double minc = 1e-8;
    for (size_t i = 0; i < n_opt; i++) {
        for (size_t j = 0; j < i; j++) {
            double cij = minc, cji = minc;
            for (size_t k = 0; k < n_act; k++) {
                double v = fc_vote(vr, w[k], u[k * n_opt + i], u[k * n_opt + j]);
                if (v > 0)
                    cij = cij + v;
                if (v < 0)
                    cji = cji - v;
            }
            c[i * n_opt + j] = cij;
            c[j * n_opt + i] = cji;
        }
        c[i * n_opt + i] = minc;
    }
}

static void vprob_pair(int vpm, double s1, double s2, double *p1, double *p2)
{
    const double minx = 1e-6;
    double x1 = 0, x2 = 0;
    switch (vpm) {
    case BRINK_VPM_SQUARE:
        x1 = s1 * s1;
        x2 = s2 * s2;
        break;
    case BRINK_VPM_QUARTIC:
        x1 = s1 * s1 * s1 * s1;
        x2 = s2 * s2 * s2 * s2;
        break;
    case BRINK_VPM_OCTIC: {
        double a = s1 * s1 * s1 * s1, b = s2 * s2 * s2 * s2;
        x1 = a * a;
        x2 = b * b;
        break;
    }
    case BRINK_VPM_BINARY: {
        const double thresh = 1.10;
        if (s1 >= thresh * s2) {
            x1 = 1.0;
            x2 = minx;
        } else if (s2 >= thresh * s1) {
            x1 = minx;
            x2 = 1.0;
        } else {
            double r12 = s1 / (s1 + s2);
            double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
            x1 = p12;
            x2 = 1 - p12;
        }
        break;
    }
    default: /* Linear */
        x1 = s1;
        x2 = s2;
        break;
    }
    *p1 = x1 / (x1 + x2);
    *p2 = x2 / (x1 + x2);
}

void fc_vprob(int vpm, size_t n, const double *c, double *pv)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++)
            vprob_pair(vpm, c[i * n + j], c[j * n + i], &pv[i * n + j], &pv[j * n + i]);
        pv[i * n + i] = 0.5;
    }
}

static double vsum(const double *p, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s = s + p[i];
    return s;
}

brink_status_t fc_pce(int pcem, int vpm, size_t n, const double *c, double *p, double *scratch)
{
    double *pv = scratch;
    fc_vprob(vpm, n, c, pv);
    if (pcem == BRINK_PCE_CONDITIONAL) {
        for (size_t i = 0; i < n; i++) {
            double pi = 1.0;
            for (size_t j = 0; j < n; j++)
                pi = pi * pv[i * n + j];
            p[i] = pi;
        }
        double one = vsum(p, n);
        for (size_t i = 0; i < n; i++)
            p[i] = p[i] / one;
        return BRINK_OK;
    }
    double *q = scratch + n * n; /* n values */
    for (size_t i = 0; i < n; i++)
        p[i] = 1.0 / (double)n;
    const unsigned imax = 1000;
    unsigned iter = 0;
    double change = 1.0;
    if (pcem == BRINK_PCE_MARKOV_UNIFORM) {
        const double ptol = 1e-6;
        while (ptol < change) {
            if (iter >= imax)
                return BRINK_ENUMERIC;
            change = 0;
            for (size_t i = 0; i < n; i++) {
                double pi = 0.0;
                for (size_t j = 0; j < n; j++)
                    pi = pi + pv[i * n + j] * (p[i] + p[j]);
                q[i] = pi / (double)n;
                double d = fabs(q[i] - p[i]);
                change = d > change ? d : change;
            }
            for (size_t i = 0; i < n; i++)
                p[i] = (p[i] + q[i]) / 2.0;
            iter++;
        }
        return BRINK_OK;
    }
    /* MarkovIncentive */
    double *cp = scratch + n * n + n;     /* n*n challenge probabilities */
    double *inc = scratch + 2 * n * n + n; /* n*n incentives */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double v = c[i * n + j] * pv[i * n + j];
            if (i == j)
                v = v + 1e-10;
            inc[i * n + j] = v;
        }
    for (size_t j = 0; j < n; j++) {
        double s = 0.0;
        for (size_t k = 0; k < n; k++)
            s = s + inc[k * n + j];
        for (size_t i = 0; i < n; i++)
            cp[i * n + j] = inc[i * n + j] / s;
    }
    const double ptol = 1e-8;
    while (ptol < change) {
        if (iter >= imax)
            return BRINK_ENUMERIC;
        change = 0.0;
        for (size_t i = 0; i < n; i++) {
            double qi = 0.0;
            for (size_t j = 0; j < n; j++) {
                /* ct(i,j) = p_i P(j->i); ct(j,i) = p_j P(i->j) */
                double cj = p[i] * cp[j * n + i] + p[j] * cp[i * n + j];
                qi = qi + pv[i * n + j] * cj;
            }
            q[i] = qi;
            double d = fabs(q[i] - p[i]);
            change = d > change ? d : change;
        }
        for (size_t i = 0; i < n; i++)
            p[i] = (p[i] + q[i]) / 2.0;
        iter++;
    }
    return BRINK_OK;
}
