/* sobol_table.h - Joe-Kuo direction numbers (internal; data in sobol_table.c). */
#ifndef BRINK_ENSEMBLE_SOBOL_TABLE_H
#define BRINK_ENSEMBLE_SOBOL_TABLE_H

#include <stdint.h>

#define SOBOL_TABLE_DIMS 1000 /* dimensions 2..1001; dimension 1 is implicit */

typedef struct sobol_dirnum {
    uint16_t s;       /* degree of the primitive polynomial */
    uint16_t a;       /* its coefficients (interior bits) */
    uint16_t m[13];   /* initial direction numbers m_1..m_s */
} sobol_dirnum_t;

extern const sobol_dirnum_t sobol_dirnums[SOBOL_TABLE_DIMS];

#endif
