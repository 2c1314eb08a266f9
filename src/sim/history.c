/* history.c - the historical annual record 2012-2019 of the flagship, from
 * data/annual_targets_2012_2019.csv (CNS North Korea Missile Test Database,
 * UN Security Council documents, summit records; see data/SOURCES.md).
 * launch days are distinct launch dates in data/dprk_missile_tests_1984_2019.csv.
 * tests/unit/test_sim_history.c checks this table against the CSV. */
#include "brink/sim.h"

static const int hist[8][BRINK_NCOUNTS] = {
    /* missiles, launch_days, nuclear_tests, icbm_launches, unsc_resolutions, leader_summits */
    {2, 2, 0, 0, 0, 0},  /* 2012 */
    {6, 3, 1, 0, 2, 0},  /* 2013 */
    {19, 11, 0, 0, 0, 0}, /* 2014 */
    {15, 7, 0, 0, 0, 0}, /* 2015 */
    {24, 16, 2, 0, 2, 0}, /* 2016 */
    {21, 15, 1, 3, 4, 0}, /* 2017 */
    {0, 0, 0, 0, 0, 4},  /* 2018: Singapore + three inter-Korean summits */
    {27, 14, 0, 0, 0, 2}, /* 2019: Hanoi + the DMZ meeting */
};

int brink_sim_history(int k, int year)
{
    if (k < 0 || k >= BRINK_NCOUNTS || year < 2012 || year > 2019)
        return -1;
    return hist[year - 2012][k];
}
