/* sobol_seq.c - Sobol low-discrepancy points from Joe and Kuo's direction
 * numbers (S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30, 2635-2654, 2008).
 * Point i is the Gray-code (Antonov-Saleev) ordering used by Joe and Kuo's
 * own generator: x(i) = XOR of V_k over the set bits k of gray(i). */
#include "brink/experiment.h"
#include "ensemble/sobol_table.h"

static void direction_numbers(uint32_t dim, uint32_t v[32])
{
    if (dim == 0) {
        for (unsigned k = 0; k < 32; k++)
            v[k] = 1u << (31 - k);
        return;
    }
    const sobol_dirnum_t *d = &sobol_dirnums[dim - 1];
    unsigned s = d->s;
    for (unsigned k = 0; k < s && k < 32; k++)
        v[k] = (uint32_t)d->m[k] << (31 - k);
    for (unsigned k = s; k < 32; k++) {
        uint32_t x = v[k - s] ^ (v[k - s] >> s);
        for (unsigned b = 1; b < s; b++)
            if ((d->a >> (s - 1 - b)) & 1u)
                x ^= v[k - b];
        v[k] = x;
    }
}

brink_status_t brink_sobol_point(uint32_t dims, uint32_t index, double *x)
{
    if (dims == 0 || dims > BRINK_SOBOL_MAX_DIM || !x)
        return BRINK_EINVAL;
    uint32_t gray = index ^ (index >> 1);
    for (uint32_t j = 0; j < dims; j++) {
        uint32_t v[32], acc = 0;
        direction_numbers(j, v);
        for (unsigned k = 0; k < 32; k++)
            if ((gray >> k) & 1u)
                acc ^= v[k];
        x[j] = (double)acc / 4294967296.0;
    }
    return BRINK_OK;
}
