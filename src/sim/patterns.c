/* patterns.c - the pattern statistics of one run over the years of the
 * scenario's record, and the same statistics of the record itself
 * (pattern-oriented modelling: many patterns at once, docs/validation.md). */
#include <math.h>

#include "sim/sim_internal.h"

static const char *const pattern_names[BRINK_NPATTERNS] = {
    "overdispersion", "moratorium", "rebound", "summits12", "nuclear_total",
    "no_nuclear_last2", "resolutions_after_severe", "resolutions_mild_years", "any_veto"};

const char *brink_sim_pattern_name(int k)
{
    return k >= 0 && k < BRINK_NPATTERNS ? pattern_names[k] : "";
}

/* variance (n - 1) over mean of n values */
static double vm_ratio(const double *x, int n)
{
    if (n < 2)
        return NAN;
    double m = 0.0, v = 0.0;
    for (int i = 0; i < n; i++)
        m += x[i];
    m /= n;
    if (!(m > 0.0))
        return NAN;
    for (int i = 0; i < n; i++)
        v += (x[i] - m) * (x[i] - m);
    return v / (n - 1) / m;
}

void sim_patterns(const sim_state_t *s, int until, brink_sim_patterns_t *out)
{
    const sim_model_t *m = s->m;
    for (int k = 0; k < BRINK_NPATTERNS; k++)
        out->v[k] = NAN;
    out->talks_months = out->talks_missiles = out->out_months = out->out_missiles = 0;
    const sc_scenario_t *sc = m->sc;
    if (sc->nrecord == 0)
        return;
    int y0 = sc->record[0].year, y1 = sc->record[sc->nrecord - 1].year;
    int sy = m->start / 12;
    if (y0 < sy)
        y0 = sy;
    if (y1 > until / 12)
        y1 = until / 12;
    if (y1 < y0)
        return;
    int n = y1 - y0 + 1;
    double x[SIM_MAXYEARS];
    int nuc = 0, sev_years = 0, sev_res = 0, mild_res = 0, veto = 0;
    for (int y = y0; y <= y1; y++) {
        const uint16_t *c = s->counts[y - sy];
        x[y - y0] = c[BRINK_COUNT_MISSILES];
        nuc += c[BRINK_COUNT_NUCLEAR];
        int severe = c[BRINK_COUNT_NUCLEAR] > 0 || c[BRINK_COUNT_ICBM] > 0;
        if (severe) {
            sev_years++;
            sev_res += c[BRINK_COUNT_UNSC] > 0;
        } else {
            mild_res += c[BRINK_COUNT_UNSC];
        }
        veto += s->vetoes_y[y - sy];
    }
    out->v[BRINK_PATTERN_OVERDISPERSION] = vm_ratio(x, n);
    out->v[BRINK_PATTERN_NUCLEAR] = nuc;
    int last2 = 0;
    for (int y = (y1 - 1 > y0 ? y1 - 1 : y0); y <= y1; y++)
        last2 += s->counts[y - sy][BRINK_COUNT_NUCLEAR];
    out->v[BRINK_PATTERN_NUCLEAR_LAST2] = last2 == 0;
    out->v[BRINK_PATTERN_RES_SEVERE] = sev_years > 0 ? (double)sev_res / sev_years : NAN;
    out->v[BRINK_PATTERN_RES_MILD] = mild_res;
    out->v[BRINK_PATTERN_VETO] = veto > 0;
    /* month-resolved: the months of the window that the run reached */
    int m0 = y0 * 12 - m->start, m1 = y1 * 12 + 11 - m->start;
    if (m0 < 0)
        m0 = 0;
    int last = s->month - m->start;
    if (m1 > last)
        m1 = last;
    int best12 = 0;
    for (int t = m0; t <= m1; t++) {
        const sim_month_rec_t *r = &s->mrec[t];
        if (r->talks) {
            out->talks_months++;
            out->talks_missiles += r->missiles;
        } else {
            out->out_months++;
            out->out_missiles += r->missiles;
        }
        int w = 0;
        for (int u = t; u < t + 12 && u <= m1; u++)
            w += s->mrec[u].summits;
        if (w > best12)
            best12 = w;
    }
    if (out->talks_months > 0 && out->out_months > 0 && out->out_missiles > 0)
        out->v[BRINK_PATTERN_MORATORIUM] = (double)out->talks_missiles / out->talks_months /
                                           ((double)out->out_missiles / out->out_months);
    out->v[BRINK_PATTERN_SUMMITS12] = best12;
    /* rebound: the first talks episode (run of talks months) that ended
     * inside the window, with 12 months before and after it */
    for (int t = m0 + 1; t <= m1; t++) {
        if (!(s->mrec[t - 1].talks && !s->mrec[t].talks))
            continue;
        int open = t - 1;
        while (open > 0 && s->mrec[open - 1].talks)
            open--;
        if (open - 12 < 0 || t + 11 > last)
            break;
        double before = 0.0, after = 0.0;
        for (int u = open - 12; u < open; u++)
            before += s->mrec[u].missiles;
        for (int u = t; u < t + 12; u++)
            after += s->mrec[u].missiles;
        if (before > 0.0)
            out->v[BRINK_PATTERN_REBOUND] = after / before;
        break;
    }
}

static const sc_record_t *record_year(const sc_scenario_t *sc, int year)
{
    for (size_t i = 0; i < sc->nrecord; i++)
        if (sc->record[i].year == year)
            return &sc->record[i];
    return NULL;
}

static int record_value(const sc_record_t *r, int k)
{
    switch (k) {
    case BRINK_COUNT_MISSILES:
        return r->missiles;
    case BRINK_COUNT_LAUNCH_DAYS:
        return r->launch_days;
    case BRINK_COUNT_NUCLEAR:
        return r->nuclear_tests;
    case BRINK_COUNT_ICBM:
        return r->icbm_launches;
    case BRINK_COUNT_UNSC:
        return r->unsc_resolutions;
    case BRINK_COUNT_SUMMITS:
        return r->leader_summits;
    default:
        return -1;
    }
}

int brink_sim_record(const brink_sim_t *sim, int k, int year)
{
    const sc_record_t *r = record_year(sim_model_of(sim)->sc, year);
    return r ? record_value(r, k) : -1;
}

int brink_sim_record_years(const brink_sim_t *sim, int *y0, int *y1)
{
    const sc_scenario_t *sc = sim_model_of(sim)->sc;
    *y0 = *y1 = 0;
    if (sc->nrecord == 0)
        return 0;
    *y0 = sc->record[0].year;
    *y1 = sc->record[sc->nrecord - 1].year;
    return 1;
}

/* The record's patterns from a table rec[year - y0][BRINK_NCOUNTS + 1]
 * (the last column: vetoes) and the observed month-resolved values. */
double sim_record_pattern(const int (*rec)[BRINK_NCOUNTS + 1], int y0, int y1,
                          const double observed[3], int k)
{
    int n = y1 - y0 + 1;
    if (n <= 0)
        return NAN;
    double x[SIM_MAXYEARS];
    int nuc = 0, sev = 0, sevr = 0, mild = 0, veto = 0, last2 = 0;
    for (int i = 0; i < n && i < SIM_MAXYEARS; i++) {
        const int *c = rec[i];
        for (int q = 0; q <= BRINK_NCOUNTS; q++)
            if (c[q] < 0 && (q == BRINK_COUNT_MISSILES || q == BRINK_COUNT_NUCLEAR ||
                             q == BRINK_COUNT_ICBM || q == BRINK_COUNT_UNSC))
                return NAN;
        x[i] = c[BRINK_COUNT_MISSILES];
        nuc += c[BRINK_COUNT_NUCLEAR];
        if (i >= n - 2)
            last2 += c[BRINK_COUNT_NUCLEAR];
        if (c[BRINK_COUNT_NUCLEAR] > 0 || c[BRINK_COUNT_ICBM] > 0) {
            sev++;
            sevr += c[BRINK_COUNT_UNSC] > 0;
        } else {
            mild += c[BRINK_COUNT_UNSC];
        }
        veto += c[BRINK_NCOUNTS] > 0 ? c[BRINK_NCOUNTS] : 0;
    }
    switch (k) {
    case BRINK_PATTERN_OVERDISPERSION:
        return vm_ratio(x, n);
    case BRINK_PATTERN_MORATORIUM:
        return observed[0] >= 0.0 ? observed[0] : NAN;
    case BRINK_PATTERN_REBOUND:
        return observed[1] >= 0.0 ? observed[1] : NAN;
    case BRINK_PATTERN_SUMMITS12:
        return observed[2] >= 0.0 ? observed[2] : NAN;
    case BRINK_PATTERN_NUCLEAR:
        return nuc;
    case BRINK_PATTERN_NUCLEAR_LAST2:
        return last2 == 0;
    case BRINK_PATTERN_RES_SEVERE:
        return sev > 0 ? (double)sevr / sev : NAN;
    case BRINK_PATTERN_RES_MILD:
        return mild;
    case BRINK_PATTERN_VETO:
        return veto > 0;
    default:
        return NAN;
    }
}

/* Fills rec (years y0..y1 of the scenario's record, -1 where missing). */
int sim_record_table(const sc_scenario_t *sc, int (*rec)[BRINK_NCOUNTS + 1], int *y0, int *y1,
                     double observed[3])
{
    observed[0] = sc->observed.moratorium;
    observed[1] = sc->observed.rebound;
    observed[2] = sc->observed.summits12;
    *y0 = *y1 = 0;
    if (sc->nrecord == 0)
        return 0;
    *y0 = sc->record[0].year;
    *y1 = sc->record[sc->nrecord - 1].year;
    if (*y1 - *y0 + 1 > SIM_MAXYEARS)
        *y1 = *y0 + SIM_MAXYEARS - 1;
    for (int y = *y0; y <= *y1; y++) {
        const sc_record_t *r = record_year(sc, y);
        for (int k = 0; k < BRINK_NCOUNTS; k++)
            rec[y - *y0][k] = r ? record_value(r, k) : -1;
        rec[y - *y0][BRINK_NCOUNTS] = r ? r->vetoes : -1;
    }
    return 1;
}

double brink_sim_record_pattern(const brink_sim_t *sim, int k)
{
    int rec[SIM_MAXYEARS][BRINK_NCOUNTS + 1], y0, y1;
    double obs[3];
    if (!sim_record_table(sim_model_of(sim)->sc, rec, &y0, &y1, obs))
        return NAN;
    return sim_record_pattern((const int (*)[BRINK_NCOUNTS + 1])rec, y0, y1, obs, k);
}
