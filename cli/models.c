/* models.c - a scenario's models, optionally one per posterior parameter set
 * (cli/models.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "models.h"

#define MAX_PARTICLES 100000
#define MAX_LINE 65536

static int print_diags(const char *file, brink_status_t st, const brink_diags_t *d)
{
    char line[2048];
    for (size_t k = 0; k < d->count; k++) {
        brink_diag_format(&d->items[k], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (d->count == 0)
        fprintf(stderr, "%s:0:0: error: %s\n", file, brink_strerror(st));
    return st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
}

static int located(const char *file, long line, long col, const char *msg, const char *arg)
{
    fprintf(stderr, "%s:%ld:%ld: error: %s%s%s%s\n", file, line, col, msg, arg ? " '" : "",
            arg ? arg : "", arg ? "'" : "");
    return EXIT_USAGE;
}

void cli_models_free(cli_models_t *m)
{
    for (uint32_t i = 0; i < m->n; i++) {
        if (m->sim)
            brink_sim_free(m->sim[i]);
        if (m->sc)
            brink_scenario_free(m->sc[i]);
    }
    for (size_t j = 0; j < m->npaths; j++)
        free(m->paths[j]);
    free(m->paths);
    free(m->sc);
    free(m->sim);
    free(m->w);
    memset(m, 0, sizeof *m);
}

/* splits s at commas in place; returns the number of fields (at most max) */
static size_t split(char *s, char **f, size_t max)
{
    size_t n = 0;
    for (;;) {
        if (n < max)
            f[n] = s;
        n++;
        char *c = strchr(s, ',');
        if (!c)
            break;
        *c = '\0';
        s = c + 1;
    }
    return n;
}

/* loads the scenario and, when sim is not NULL, builds its model */
static int load_one(brink_ctx_t *ctx, const char *cmd, const char *scenario,
                    const char *const *sets, size_t nsets, brink_scenario_t **sc,
                    brink_sim_t **sim)
{
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_status_t st = brink_scenario_load(ctx, scenario, sets, nsets, sc, &diags);
    if (st != BRINK_OK) {
        int rc = print_diags(scenario, st, &diags);
        brink_diags_clear(ctx, &diags);
        return rc;
    }
    brink_diags_clear(ctx, &diags);
    if (sim && brink_sim_new(ctx, *sc, sim) != BRINK_OK)
        return cli_usage_error("%s: %s", cmd, brink_ctx_errmsg(ctx));
    return EXIT_OK;
}

int cli_models_load(brink_ctx_t *ctx, const char *cmd, const char *scenario,
                    const char *const *sets, size_t nsets, const char *params, cli_models_t *m)
{
    memset(m, 0, sizeof *m);
    if (!params) {
        m->sc = calloc(1, sizeof *m->sc);
        m->sim = calloc(1, sizeof *m->sim);
        if (!m->sc || !m->sim)
            return cli_fail("out of memory");
        m->n = 1;
        int rc = load_one(ctx, cmd, scenario, sets, nsets, &m->sc[0], &m->sim[0]);
        if (rc != EXIT_OK)
            cli_models_free(m);
        return rc;
    }
    char file[4096];
    snprintf(file, sizeof file, "%s/posterior.csv", params);
    FILE *fp = fopen(file, "r");
    if (!fp)
        return cli_usage_error("%s: --params: cannot open %s: %s", cmd, file, strerror(errno));
    char *line = malloc(MAX_LINE), **f = NULL;
    double *vals = NULL;
    int rc = EXIT_OK;
    size_t cap = 0;
    long ln = 0;
    if (!line) {
        rc = cli_fail("out of memory");
        goto done;
    }
    while (fgets(line, MAX_LINE, fp)) {
        ln++;
        size_t len = strlen(line);
        if (len + 1 == MAX_LINE && line[len - 1] != '\n') {
            rc = located(file, ln, MAX_LINE, "line too long", NULL);
            goto done;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (!m->paths) { /* header */
            size_t nf = 1;
            for (const char *c = line; *c; c++)
                nf += *c == ',';
            f = calloc(nf, sizeof *f);
            m->paths = calloc(nf, sizeof *m->paths);
            vals = calloc(nf, sizeof *vals);
            if (!f || !m->paths || !vals) {
                rc = cli_fail("out of memory");
                goto done;
            }
            split(line, f, nf);
            if (strcmp(f[0], "weight") != 0) {
                rc = located(file, ln, 1, "the first column must be 'weight', not", f[0]);
                goto done;
            }
            if (nf < 2) {
                rc = located(file, ln, 1, "no parameter columns after 'weight'", NULL);
                goto done;
            }
            m->npaths = nf - 1;
            for (size_t j = 0; j + 1 < nf; j++) {
                m->paths[j] = strdup(f[j + 1]);
                if (!m->paths[j]) {
                    rc = cli_fail("out of memory");
                    goto done;
                }
            }
            continue;
        }
        char *row = line;
        size_t nf = split(row, f, m->npaths + 1);
        if (nf != m->npaths + 1) {
            fprintf(stderr, "%s:%ld:1: error: %zu fields, expected %zu (weight and %zu "
                    "parameters)\n", file, ln, nf, m->npaths + 1, m->npaths);
            rc = EXIT_USAGE;
            goto done;
        }
        long col = 1;
        for (size_t j = 0; j < nf; j++) {
            if (cli_parse_double(f[j], &vals[j]) != 0 || !isfinite(vals[j])) {
                rc = located(file, ln, col, "not a number:", f[j]);
                goto done;
            }
            col += (long)strlen(f[j]) + 1;
        }
        if (vals[0] < 0) {
            rc = located(file, ln, 1, "a weight must be >= 0, got", f[0]);
            goto done;
        }
        if (m->n >= MAX_PARTICLES) {
            rc = located(file, ln, 1, "more than 100000 parameter sets", NULL);
            goto done;
        }
        if (m->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            brink_scenario_t **a = realloc(m->sc, nc * sizeof *a);
            if (a)
                m->sc = a;
            brink_sim_t **b = realloc(m->sim, nc * sizeof *b);
            if (b)
                m->sim = b;
            double *w = realloc(m->w, nc * sizeof *w);
            if (w)
                m->w = w;
            if (!a || !b || !w) {
                rc = cli_fail("out of memory");
                goto done;
            }
            cap = nc;
        }
        uint32_t i = m->n;
        m->sc[i] = NULL;
        m->sim[i] = NULL;
        m->w[i] = vals[0];
        m->n++;
        rc = load_one(ctx, cmd, scenario, sets, nsets, &m->sc[i], NULL);
        if (rc != EXIT_OK)
            goto done;
        col = (long)strlen(f[0]) + 2;
        for (size_t j = 0; j < m->npaths; j++) {
            brink_status_t st = brink_scenario_set_number(ctx, m->sc[i], m->paths[j], vals[j + 1]);
            if (st != BRINK_OK) {
                fprintf(stderr, "%s:%ld:%ld: error: %s: %s\n", file, ln, col, m->paths[j],
                        brink_ctx_errmsg(ctx));
                rc = EXIT_USAGE;
                goto done;
            }
            col += (long)strlen(f[j + 1]) + 1;
        }
        if (brink_sim_new(ctx, m->sc[i], &m->sim[i]) != BRINK_OK) {
            rc = cli_usage_error("%s: %s", cmd, brink_ctx_errmsg(ctx));
            goto done;
        }
    }
    if (ferror(fp)) {
        rc = cli_usage_error("%s: --params: cannot read %s", cmd, file);
        goto done;
    }
    if (!m->paths || m->n == 0) {
        rc = located(file, ln, 1, "no parameter sets (expected a header 'weight,PATH,...' and "
                     "one row per set)", NULL);
        goto done;
    }
    double sw = 0.0;
    for (uint32_t i = 0; i < m->n; i++)
        sw += m->w[i];
    if (!(sw > 0.0))
        rc = located(file, ln, 1, "the weights sum to 0", NULL);
done:
    fclose(fp);
    free(line);
    free(f);
    free(vals);
    if (rc != EXIT_OK)
        cli_models_free(m);
    return rc;
}
