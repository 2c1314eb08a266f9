/* posterior.c - calibration posteriors, DIR/posterior.csv (brink/calib.h):
 * the strict CSV reader with located diagnostics, the check against a
 * scenario, and the draw of a run's parameter set. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"

#define MAX_SETS 100000
#define MAX_LINE 65536 /* a line, its newline and a NUL */

struct brink_posterior {
    brink_ctx_t *ctx;
    char *file;
    char hash[65];
    size_t npaths;
    char **paths;
    int header_line;
    int *header_col; /* [npaths] */
    uint32_t n, cap;
    double *w;       /* [n] */
    double *v;       /* [n][npaths] */
    int *line;       /* [n] */
    int *col;        /* [n][npaths] */
};

void brink_posterior_free(brink_posterior_t *p)
{
    if (!p)
        return;
    brink_ctx_t *ctx = p->ctx;
    for (size_t j = 0; p->paths && j < p->npaths; j++)
        brink_free(ctx, p->paths[j]);
    brink_free(ctx, p->paths);
    brink_free(ctx, p->header_col);
    brink_free(ctx, p->w);
    brink_free(ctx, p->v);
    brink_free(ctx, p->line);
    brink_free(ctx, p->col);
    brink_free(ctx, p->file);
    brink_free(ctx, p);
}

const char *brink_posterior_file(const brink_posterior_t *p) { return p->file; }
const char *brink_posterior_hash(const brink_posterior_t *p) { return p->hash; }
size_t brink_posterior_npaths(const brink_posterior_t *p) { return p->npaths; }
const char *brink_posterior_path(const brink_posterior_t *p, size_t j) { return p->paths[j]; }
uint32_t brink_posterior_nsets(const brink_posterior_t *p) { return p->n; }
const double *brink_posterior_weights(const brink_posterior_t *p) { return p->w; }
const double *brink_posterior_values(const brink_posterior_t *p, uint32_t i)
{
    return p->v + (size_t)i * p->npaths;
}

void brink_posterior_locate(const brink_posterior_t *p, uint32_t set, size_t j, int *line,
                            int *column)
{
    if (set == BRINK_POSTERIOR_HEADER) {
        *line = p->header_line;
        *column = p->header_col[j];
    } else {
        *line = p->line[set];
        *column = p->col[(size_t)set * p->npaths + j];
    }
}

uint32_t brink_posterior_pick(const brink_posterior_t *p, uint64_t seed, uint32_t point,
                              uint32_t rep)
{
    return brink_sim_pick_model_at(p->w, p->n, seed, point, rep);
}

/* ---- reading ---------------------------------------------------------------- */

typedef struct reader {
    brink_ctx_t *ctx;
    brink_posterior_t *p;
    brink_diags_t *diags;
    int problems;
    brink_status_t fatal; /* ENOMEM or ELIMIT: stop */
} reader_t;

static void problem(reader_t *r, int line, int col, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem(reader_t *r, int line, int col, const char *path, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->problems++;
    if (brink_diags_add(r->ctx, r->diags, r->p->file, line, col, path, "%s", msg) != BRINK_OK)
        r->fatal = BRINK_ENOMEM;
}

/* A strict finite decimal number: the whole field. */
static int parse_number(const char *s, double *out)
{
    return brink_parse_decimal(s, strlen(s), out) == 0 ? 0 : -1;
}

/* Splits s at commas in place into f (nf entries, counted beforehand) and
 * the 1-based column of each field into c. */
static void split(char *s, char **f, int *c, size_t nf)
{
    char *start = s;
    for (size_t k = 0; k < nf; k++) {
        f[k] = s;
        c[k] = (int)(s - start) + 1;
        char *comma = strchr(s, ',');
        if (!comma)
            break;
        *comma = '\0';
        s = comma + 1;
    }
}

static void header(reader_t *r, char **f, const int *c, size_t nf, int ln)
{
    brink_posterior_t *p = r->p;
    if (strcmp(f[0], "weight") != 0) {
        problem(r, ln, 1, "weight", "header: found '%.60s' in column 1; expected 'weight' "
                "(the header is 'weight,PATH,...')", f[0]);
        return;
    }
    if (nf < 2) {
        problem(r, ln, 1, "", "header: found only 'weight'; expected 'weight' and at least "
                "one parameter path");
        return;
    }
    p->paths = brink_calloc(r->ctx, nf - 1, sizeof *p->paths);
    p->header_col = brink_calloc(r->ctx, nf - 1, sizeof *p->header_col);
    if (!p->paths || !p->header_col) {
        r->fatal = BRINK_ENOMEM;
        return;
    }
    p->npaths = nf - 1;
    p->header_line = ln;
    for (size_t j = 0; j < p->npaths; j++) {
        const char *name = f[j + 1];
        p->header_col[j] = c[j + 1];
        p->paths[j] = brink_strdup(r->ctx, name);
        if (!p->paths[j]) {
            r->fatal = BRINK_ENOMEM;
            return;
        }
        if (!name[0] || strcmp(name, "weight") == 0) {
            problem(r, ln, c[j + 1], name, "header: found %s%s%s in column %zu; expected a "
                    "scenario field path", name[0] ? "'" : "an empty name", name,
                    name[0] ? "'" : "", j + 2);
            continue;
        }
        for (size_t k = 0; k < j; k++)
            if (strcmp(p->paths[k], name) == 0) {
                problem(r, ln, c[j + 1], name, "%.200s: found a second column for this path "
                        "(first in column %zu); expected each path once", name, k + 2);
                break;
            }
    }
}

static int grow(reader_t *r)
{
    brink_posterior_t *p = r->p;
    uint32_t nc = p->cap ? p->cap * 2 : 64;
    if (nc > MAX_SETS)
        nc = MAX_SETS;
    size_t k = p->npaths;
    double *w = brink_realloc(r->ctx, p->w, nc * sizeof *w);
    if (w)
        p->w = w;
    double *v = brink_realloc(r->ctx, p->v, (size_t)nc * k * sizeof *v);
    if (v)
        p->v = v;
    int *line = brink_realloc(r->ctx, p->line, nc * sizeof *line);
    if (line)
        p->line = line;
    int *col = brink_realloc(r->ctx, p->col, (size_t)nc * k * sizeof *col);
    if (col)
        p->col = col;
    if (!w || !v || !line || !col) {
        r->fatal = BRINK_ENOMEM;
        return -1;
    }
    p->cap = nc;
    return 0;
}

static void row(reader_t *r, char **f, const int *c, size_t nf, int ln)
{
    brink_posterior_t *p = r->p;
    size_t k = p->npaths;
    if (nf != k + 1) {
        problem(r, ln, 1, "", "%zu fields; expected %zu (weight and %zu parameter%s, as in "
                "the header)", nf, k + 1, k, k == 1 ? "" : "s");
        return;
    }
    double wt;
    if (parse_number(f[0], &wt) != 0) {
        problem(r, ln, 1, "weight", "weight: found '%.60s'; expected a finite number >= 0",
                f[0]);
        return;
    }
    if (wt < 0) {
        problem(r, ln, 1, "weight", "weight: found %.60s; expected a number >= 0", f[0]);
        return;
    }
    if (p->n == MAX_SETS) {
        problem(r, ln, 1, "", "found more than %d parameter sets; expected at most %d",
                MAX_SETS, MAX_SETS);
        r->fatal = BRINK_ELIMIT;
        return;
    }
    if (p->n == p->cap && grow(r) != 0)
        return;
    double *v = p->v + (size_t)p->n * k;
    int *col = p->col + (size_t)p->n * k;
    for (size_t j = 0; j < k; j++) {
        col[j] = c[j + 1];
        if (parse_number(f[j + 1], &v[j]) != 0) {
            problem(r, ln, c[j + 1], p->paths[j], "%.200s: found '%.60s'; expected a finite "
                    "number", p->paths[j], f[j + 1]);
            return;
        }
    }
    p->w[p->n] = wt;
    p->line[p->n] = ln;
    p->n++;
}

brink_status_t brink_posterior_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                           size_t len, brink_posterior_t **out,
                                           brink_diags_t *diags)
{
    brink_status_t st = BRINK_OK;
    char *buf = NULL, **f = NULL;
    int *c = NULL;
    size_t fcap = 0;
    *out = NULL;
    brink_posterior_t *p = brink_calloc(ctx, 1, sizeof *p);
    if (!p)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", name);
    p->ctx = ctx;
    p->file = brink_strdup(ctx, name);
    buf = brink_malloc(ctx, MAX_LINE);
    if (!p->file || !buf) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", name);
        goto cleanup;
    }
    brink_sha256_hex(text, len, p->hash);
    reader_t r = {ctx, p, diags, 0, BRINK_OK};
    int ln = 0, have_header = 0;
    for (size_t pos = 0; pos < len && !r.fatal;) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl != NULL);
        ln++;
        if (n > MAX_LINE - 2) {
            problem(&r, ln, MAX_LINE - 1, "", "found a line of %zu characters; expected at "
                    "most %d", n, MAX_LINE - 2);
            continue;
        }
        while (n && s[n - 1] == '\r')
            n--;
        const char *nul = memchr(s, '\0', n);
        if (nul) {
            problem(&r, ln, (int)(nul - s) + 1, "", "found a NUL byte; expected text");
            continue;
        }
        if (n == 0 || s[0] == '#')
            continue;
        memcpy(buf, s, n);
        buf[n] = '\0';
        size_t nf = 1;
        for (size_t i = 0; i < n; i++)
            nf += buf[i] == ',';
        if (nf > fcap) {
            char **nfp = brink_realloc(ctx, f, nf * sizeof *f);
            if (nfp)
                f = nfp;
            int *ncp = brink_realloc(ctx, c, nf * sizeof *c);
            if (ncp)
                c = ncp;
            if (!nfp || !ncp) {
                r.fatal = BRINK_ENOMEM;
                break;
            }
            fcap = nf;
        }
        split(buf, f, c, nf);
        if (!have_header) {
            have_header = 1;
            header(&r, f, c, nf, ln);
            if (!p->paths) /* nothing to read rows against */
                break;
        } else {
            row(&r, f, c, nf, ln);
        }
    }
    if (!r.fatal && !r.problems) {
        if (p->n == 0) {
            problem(&r, ln ? ln : 1, 1, "", "found no parameter sets; expected a header "
                    "'weight,PATH,...' and one row per set");
        } else {
            double sw = 0.0;
            for (uint32_t i = 0; i < p->n; i++)
                sw += p->w[i];
            if (!(sw > 0.0))
                problem(&r, p->line[0], 1, "weight", "weight: found weights that sum to 0; "
                        "expected at least one positive weight");
        }
    }
    if (r.fatal == BRINK_ENOMEM)
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", name);
    else if (r.fatal == BRINK_ELIMIT)
        st = brink_ctx_error(ctx, BRINK_ELIMIT, "%s holds more than %d parameter sets", name,
                             MAX_SETS);
    else if (r.problems)
        st = brink_ctx_error(ctx, BRINK_EVALIDATE, "%s is not a valid posterior", name);
cleanup:
    brink_free(ctx, buf);
    brink_free(ctx, f);
    brink_free(ctx, c);
    if (st == BRINK_OK)
        *out = p;
    else
        brink_posterior_free(p);
    return st;
}

brink_status_t brink_posterior_load(brink_ctx_t *ctx, const char *dir, brink_posterior_t **out,
                                    brink_diags_t *diags)
{
    *out = NULL;
    size_t plen = strlen(dir) + sizeof "/posterior.csv";
    char *path = brink_malloc(ctx, plen);
    if (!path)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    snprintf(path, plen, "%s/posterior.csv", dir);
    brink_status_t st = BRINK_OK;
    char *text = NULL;
    size_t n = 0;
    st = brink_read_file(ctx, path, &text, &n);
    if (st != BRINK_OK)
        goto cleanup;
    st = brink_posterior_load_string(ctx, path, text, n, out, diags);
cleanup:
    brink_free(ctx, text);
    brink_free(ctx, path);
    return st;
}

/* ---- against a scenario ----------------------------------------------------- */

brink_status_t brink_posterior_check(brink_ctx_t *ctx, const brink_posterior_t *p,
                                     brink_scenario_t *sc, brink_diags_t *diags)
{
    int problems = 0;
    for (size_t j = 0; j < p->npaths; j++) {
        const char *path = p->paths[j];
        double orig;
        int line, col;
        brink_posterior_locate(p, BRINK_POSTERIOR_HEADER, j, &line, &col);
        if (brink_scenario_get_number(ctx, sc, path, &orig) != BRINK_OK) {
            problems++;
            if (brink_diags_add(ctx, diags, p->file, line, col, path,
                                "%s: found a column the scenario does not have; expected a "
                                "numeric field path of the scenario (%s)",
                                path, brink_ctx_errmsg(ctx)) != BRINK_OK)
                return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            continue;
        }
        for (uint32_t i = 0; i < p->n; i++) {
            double v = p->v[(size_t)i * p->npaths + j];
            if (brink_scenario_set_number(ctx, sc, path, v) == BRINK_OK)
                continue;
            problems++;
            brink_posterior_locate(p, i, j, &line, &col);
            if (brink_diags_add(ctx, diags, p->file, line, col, path, "%s", brink_ctx_errmsg(ctx)) !=
                BRINK_OK) {
                brink_scenario_set_number(ctx, sc, path, orig);
                return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            }
            break; /* one problem per column */
        }
        brink_scenario_set_number(ctx, sc, path, orig);
    }
    if (problems)
        return brink_ctx_error(ctx, BRINK_EVALIDATE, "%s does not fit the scenario", p->file);
    return BRINK_OK;
}

brink_status_t brink_posterior_apply(brink_ctx_t *ctx, const brink_posterior_t *p, uint32_t i,
                                     brink_scenario_t *sc, const unsigned char *skip,
                                     size_t *bad)
{
    const double *v = p->v + (size_t)i * p->npaths;
    for (size_t j = 0; j < p->npaths; j++) {
        if (skip && skip[j])
            continue;
        brink_status_t st = brink_scenario_set_number(ctx, sc, p->paths[j], v[j]);
        if (st != BRINK_OK) {
            if (bad)
                *bad = j;
            return st;
        }
    }
    return BRINK_OK;
}
