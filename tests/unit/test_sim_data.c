/* test_sim_data.c - the tables compiled into the simulation against the
 * published data copied into data/: the 2012-2019 annual record (CNS, UN)
 * and the CAMEO Goldstein values of every logged event kind. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "sim/sim_internal.h"

/* the scenario loader refuses what the simulation cannot hold */
_Static_assert(BRINK_SCENARIO_MAX_ACTORS == SIM_MAXA, "the actor limits differ");

#define DATA BRINK_SOURCE_DIR "/data/"

/* The record a shipped scenario carries (its record: list). */
static int record_of(const char *scenario, int k, int year)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    int v = -2;
    if (brink_scenario_load(ctx, scenario, NULL, 0, &sc, &d) == BRINK_OK &&
        brink_sim_new(ctx, sc, &sim) == BRINK_OK)
        v = brink_sim_record(sim, k, year);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return v;
}

#define KOREA BRINK_SOURCE_DIR "/scenarios/korea.yaml"
#define brink_sim_history(k, y) record_of(KOREA, k, y)

static void test_annual_record(void **state)
{
    (void)state;
    FILE *fp = fopen(DATA "annual_targets_2012_2019.csv", "r");
    assert_non_null(fp);
    char line[1024];
    assert_non_null(fgets(line, sizeof line, fp)); /* header */
    int rows = 0;
    while (fgets(line, sizeof line, fp)) {
        int year, missiles, icbm, slv, nuclear, unsc, us, ik;
        assert_int_equal(sscanf(line, "%d,%d,%d,%d,%d,%d,%d,%d", &year, &missiles, &icbm, &slv,
                                &nuclear, &unsc, &us, &ik),
                         8);
        assert_int_equal(brink_sim_history(BRINK_COUNT_MISSILES, year), missiles);
        assert_int_equal(brink_sim_history(BRINK_COUNT_ICBM, year), icbm);
        assert_int_equal(brink_sim_history(BRINK_COUNT_NUCLEAR, year), nuclear);
        assert_int_equal(brink_sim_history(BRINK_COUNT_UNSC, year), unsc);
        assert_int_equal(brink_sim_history(BRINK_COUNT_SUMMITS, year), us + ik);
        rows++;
    }
    fclose(fp);
    assert_int_equal(rows, 8);
    assert_int_equal(brink_sim_history(BRINK_COUNT_MISSILES, 2020), -1);
    assert_int_equal(brink_sim_history(BRINK_COUNT_MISSILES, 2011), 0);
}

/* launch days: distinct launch dates per year in the CNS database */
static void test_launch_days(void **state)
{
    (void)state;
    FILE *fp = fopen(DATA "dprk_missile_tests_1984_2019.csv", "r");
    assert_non_null(fp);
    char line[4096], last[16] = "";
    int days[8] = {0}, missiles[8] = {0};
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
        char date[16];
        if (sscanf(line, "%15[^,]", date) != 1)
            continue;
        int y = atoi(date);
        if (y < 2012 || y > 2019)
            continue;
        missiles[y - 2012]++;
        if (strcmp(date, last) != 0)
            days[y - 2012]++;
        snprintf(last, sizeof last, "%s", date);
    }
    fclose(fp);
    for (int y = 2012; y <= 2019; y++) {
        assert_int_equal(brink_sim_history(BRINK_COUNT_LAUNCH_DAYS, y), days[y - 2012]);
        assert_int_equal(brink_sim_history(BRINK_COUNT_MISSILES, y), missiles[y - 2012]);
    }
}

/* the DPRK 1994-2008 case's missiles against the same CNS database */
static void test_case_1994_record(void **state)
{
    (void)state;
    FILE *fp = fopen(DATA "dprk_missile_tests_1984_2019.csv", "r");
    assert_non_null(fp);
    char line[4096];
    int missiles[15] = {0};
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
        int y = atoi(line);
        if (y >= 1994 && y <= 2008)
            missiles[y - 1994]++;
    }
    fclose(fp);
    for (int y = 1994; y <= 2008; y++)
        assert_int_equal(record_of(BRINK_SOURCE_DIR "/scenarios/cases/dprk-1994.yaml",
                                   BRINK_COUNT_MISSILES, y),
                         missiles[y - 1994]);
}

static void test_goldstein(void **state)
{
    (void)state;
    FILE *fp = fopen(DATA "CAMEO.goldsteinscale.txt", "r");
    assert_non_null(fp);
    char code[64][8];
    double val[400];
    char codes[400][8];
    int n = 0;
    char line[256];
    (void)code;
    while (n < 400 && fgets(line, sizeof line, fp)) {
        char c[16];
        double v;
        if (sscanf(line, "%15s %lf", c, &v) == 2) {
            snprintf(codes[n], sizeof codes[n], "%s", c);
            val[n++] = v;
        }
    }
    fclose(fp);
    assert_true(n > 200);
    int checked = 0;
    for (int k = 0; k < EV_COUNT; k++) {
        const char *c = sim_event_cameo(k);
        if (!c[0])
            continue;
        int found = 0;
        for (int i = 0; i < n; i++)
            if (strcmp(codes[i], c) == 0) {
                assert_true(fabs(val[i] - sim_event_goldstein(k)) < 1e-9);
                found = 1;
            }
        assert_true(found);
        checked++;
    }
    assert_true(checked >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_annual_record),
        cmocka_unit_test(test_launch_days),
        cmocka_unit_test(test_case_1994_record),
        cmocka_unit_test(test_goldstein),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
