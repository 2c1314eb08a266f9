/* exp_load.c - loading an experiment file: parse, decode strictly against
 * exp_schema, then check what spans fields (distribution parameters, factor
 * paths against the scenario and their ranges, the design, the model and
 * its outputs), each problem located in the file. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ensemble/exp_internal.h"
#include "scenario/doc.h"

#define EXP_MAX_FACTORS 500

typedef struct loader {
    brink_ctx_t *ctx;
    const doc_t *doc;
    brink_diags_t *diags;
    int problems;
    brink_status_t fatal;
} loader_t;

static void report(loader_t *l, const char *path, const doc_node_t *fallback, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));

/* Reports a problem at the node of path (or at fallback when the key is
 * absent) as "path: message", like the schema decoder. */
static void report(loader_t *l, const char *path, const doc_node_t *fallback, const char *fmt,
                   ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const doc_node_t *at = doc_lookup(l->doc->root, path);
    if (!at)
        at = fallback;
    l->problems++;
    brink_status_t st = brink_diags_add(l->ctx, l->diags, l->doc->file, at ? at->line : 0,
                                        at ? at->column : 0, path, "%s: %s", path, msg);
    if (st != BRINK_OK)
        l->fatal = st;
}

void brink_experiment_free(brink_experiment_t *exp)
{
    if (!exp)
        return;
    brink_ctx_t *ctx = exp->ctx;
    schema_free(ctx, &exp_schema, &exp->f);
    brink_free(ctx, exp->dir);
    brink_free(ctx, exp->scenario_path);
    for (size_t i = 0; i < exp->noutputs; i++)
        brink_free(ctx, exp->outputs[i]);
    brink_free(ctx, exp->outputs);
    brink_free(ctx, exp->output_index);
    for (size_t i = 0; i < exp->nseries; i++)
        brink_free(ctx, exp->series[i]);
    brink_free(ctx, exp->series);
    brink_free(ctx, exp->lhs_perm);
    brink_free(ctx, exp->rows);
    brink_posterior_free(exp->posterior);
    brink_free(ctx, exp->posterior_dir);
    brink_free(ctx, exp->post_factor);
    brink_free(ctx, exp->post_skip);
    brink_free(ctx, exp);
}

static char *join_dir(brink_ctx_t *ctx, const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir[0])
        return brink_strdup(ctx, rel);
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = brink_malloc(ctx, n);
    if (p)
        snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

static int has_key(const doc_node_t *map, const char *key)
{
    return map && map->type == DOC_MAP && doc_map_get(map, key) != NULL;
}

static void check_factor(loader_t *l, brink_experiment_t *exp, size_t i,
                         brink_scenario_t *sc)
{
    exp_factor_t *f = &exp->f.factors[i];
    char p[64], q[96];
    snprintf(p, sizeof p, "factors[%zu]", i);
    const doc_node_t *node = doc_lookup(l->doc->root, p);
    for (size_t j = 0; j < i; j++)
        if (strcmp(exp->f.factors[j].name, f->name) == 0) {
            snprintf(q, sizeof q, "%s.name", p);
            report(l, q, node, "factor '%s' is defined twice (first as factors[%zu])", f->name, j);
        }
    int hmin = has_key(node, "min"), hmax = has_key(node, "max");
    switch (f->dist) {
    case DIST_UNIFORM:
    case DIST_TRIANGULAR:
        if (!hmin || !hmax) {
            report(l, p, node, "a %s factor needs min and max", exp_dist_names[f->dist]);
            return;
        }
        if (!(f->min < f->max)) {
            snprintf(q, sizeof q, "%s.max", p);
            report(l, q, node, "max %g must be greater than min %g", f->max, f->min);
            return;
        }
        if (f->dist == DIST_TRIANGULAR) {
            if (!has_key(node, "mode")) {
                report(l, p, node, "a triangular factor needs mode");
                return;
            }
            if (f->mode < f->min || f->mode > f->max) {
                snprintf(q, sizeof q, "%s.mode", p);
                report(l, q, node, "mode %g is outside [min, max] = [%g, %g]", f->mode, f->min,
                       f->max);
                return;
            }
        }
        break;
    case DIST_NORMAL:
        if (!has_key(node, "mean") || !has_key(node, "sd")) {
            report(l, p, node, "a normal factor needs mean and sd");
            return;
        }
        if (!(f->sd > 0)) {
            snprintf(q, sizeof q, "%s.sd", p);
            report(l, q, node, "sd must be greater than 0");
            return;
        }
        if (hmin != hmax || (hmin && !(f->min < f->max))) {
            report(l, p, node, "a truncated normal factor needs both min and max, min < max");
            return;
        }
        break;
    default:
        if (f->nlevels == 0) {
            report(l, p, node, "a %s factor needs a non-empty list of levels",
                   exp_dist_names[f->dist]);
            return;
        }
        break;
    }
    if (f->dist <= DIST_NORMAL && f->nlevels) {
        snprintf(q, sizeof q, "%s.levels", p);
        report(l, q, node, "levels apply only to levels and categorical factors");
    }
    /* the path must name a number in the scenario, and the factor's range
     * must be allowed there */
    snprintf(q, sizeof q, "%s.path", p);
    if (!sc) {
        if (f->path)
            report(l, q, node, "a factor path needs a scenario (add the key 'scenario')");
        return;
    }
    if (!f->path) {
        report(l, p, node, "missing required key 'path' (the experiment has a scenario)");
        return;
    }
    double v;
    if (brink_scenario_get_number(l->ctx, sc, f->path, &v) != BRINK_OK) {
        report(l, q, node, "'%s' is not a number in the scenario: %s", f->path,
               brink_ctx_errmsg(l->ctx));
        return;
    }
    double ends[2];
    size_t nends = 0;
    if (f->dist == DIST_UNIFORM || f->dist == DIST_TRIANGULAR ||
        (f->dist == DIST_NORMAL && hmin)) {
        ends[0] = f->min, ends[1] = f->max, nends = 2;
    } else if (f->dist == DIST_LEVELS || f->dist == DIST_CATEGORICAL) {
        ends[0] = ends[1] = f->levels[0];
        for (size_t j = 1; j < f->nlevels; j++) {
            ends[0] = f->levels[j] < ends[0] ? f->levels[j] : ends[0];
            ends[1] = f->levels[j] > ends[1] ? f->levels[j] : ends[1];
        }
        nends = 2;
    }
    int lv = f->dist == DIST_LEVELS || f->dist == DIST_CATEGORICAL;
    int bad = 0;
    for (size_t j = 0; j < nends; j++)
        if (brink_scenario_set_number(l->ctx, sc, f->path, ends[j]) != BRINK_OK) {
            snprintf(q, sizeof q, "%s.%s", p, lv ? "levels" : j ? "max" : "min");
            report(l, q, node, "%s", brink_ctx_errmsg(l->ctx));
            bad = 1;
            break;
        }
    /* every level must be a value of the field (a fraction for a whole
     * number is not), not only the smallest and the largest */
    for (size_t j = 0; lv && !bad && j < f->nlevels; j++)
        if (brink_scenario_set_number(l->ctx, sc, f->path, f->levels[j]) != BRINK_OK) {
            snprintf(q, sizeof q, "%s.levels[%zu]", p, j);
            report(l, q, node, "%s", brink_ctx_errmsg(l->ctx));
            bad = 1;
        }
    brink_scenario_set_number(l->ctx, sc, f->path, v);
    int whole = 0;
    if (!bad && !lv && brink_scenario_number_whole(l->ctx, sc, f->path, &whole) == BRINK_OK &&
        whole) {
        snprintf(q, sizeof q, "%s.dist", p);
        report(l, q, node,
               "%s holds whole numbers and a %s factor draws fractions; use dist: levels",
               f->path, exp_dist_names[f->dist]);
    }
    /* two factors setting one field: the later would silently override the
     * earlier, whose values would be recorded but never used */
    for (size_t j = 0; j < i; j++) {
        int same = 0;
        const char *pj = exp->f.factors[j].path;
        if (pj && brink_scenario_same_field(l->ctx, sc, pj, f->path, &same) == BRINK_OK &&
            same) {
            snprintf(q, sizeof q, "%s.path", p);
            report(l, q, node,
                   "'%s' is the field factors[%zu] sets ('%s'); a field takes one factor",
                   f->path, j, pj);
            break;
        }
    }
}

static void check_design(loader_t *l, brink_experiment_t *exp)
{
    exp_design_t *d = &exp->f.design;
    const doc_node_t *dn = doc_lookup(l->doc->root, "design");
    size_t k = exp->f.nfactors;
    int needs_n = d->type == DESIGN_RANDOM || d->type == DESIGN_LHS ||
                  d->type == DESIGN_SOBOL || d->type == DESIGN_MORRIS;
    if (needs_n && !has_key(dn, "n"))
        report(l, "design", dn, "a %s design needs n", exp_design_names[d->type]);
    else if (needs_n && d->n < (d->type == DESIGN_SOBOL || d->type == DESIGN_MORRIS ? 2 : 1))
        report(l, "design.n", dn, "n must be at least %d for a %s design",
               d->type == DESIGN_SOBOL || d->type == DESIGN_MORRIS ? 2 : 1,
               exp_design_names[d->type]);
    if (d->type == DESIGN_MORRIS && d->levels % 2 != 0)
        report(l, "design.levels", dn, "morris levels must be even, got %d", d->levels);
    if (d->type != DESIGN_MORRIS && has_key(dn, "levels"))
        report(l, "design.levels", dn, "levels applies only to a morris design");
    if (d->type != DESIGN_GRID && has_key(dn, "steps"))
        report(l, "design.steps", dn, "steps applies only to a grid design");
    if (!needs_n && has_key(dn, "n"))
        report(l, "design.n", dn, "n does not apply to a %s design", exp_design_names[d->type]);
    if ((d->type == DESIGN_FILE) != (d->file != NULL))
        report(l, d->file ? "design.file" : "design", dn,
               d->file ? "file applies only to a file design" : "a file design needs file");
    if ((d->type == DESIGN_LIST) != has_key(dn, "points"))
        report(l, d->type == DESIGN_LIST ? "design" : "design.points", dn,
               d->type == DESIGN_LIST ? "a list design needs points"
                                      : "points applies only to a list design");
    if (d->type == DESIGN_LIST && has_key(dn, "points") && d->npoints == 0)
        report(l, "design.points", dn, "a list design needs at least one point");
    for (size_t i = 0; d->type == DESIGN_LIST && i < d->npoints; i++)
        if (d->points[i].nvalues != k) {
            char q[64];
            snprintf(q, sizeof q, "design.points[%zu].values", i);
            report(l, q, dn, "has %zu values; expected %zu (one per factor)",
                   d->points[i].nvalues, k);
        }
    if (d->type == DESIGN_GRID)
        for (size_t i = 0; i < k; i++)
            if (exp->f.factors[i].dist == DIST_NORMAL) {
                char q[64];
                snprintf(q, sizeof q, "factors[%zu].dist", i);
                report(l, q, dn, "a grid design needs bounded factors (uniform, triangular, "
                                 "levels or categorical), not normal");
            }
    if (d->type == DESIGN_SOBOL && 2 * k > BRINK_SOBOL_MAX_DIM)
        report(l, "factors", dn, "a sobol design supports at most %d factors",
               BRINK_SOBOL_MAX_DIM / 2);
}

static void check_model(loader_t *l, brink_experiment_t *exp, const doc_node_t *outputs,
                        brink_scenario_t *sc)
{
    const doc_node_t *root = l->doc->root;
    size_t k = exp->f.nfactors;
    switch (exp->f.model) {
    case MODEL_ISHIGAMI:
        if (k != 3)
            report(l, "factors", root, "the ishigami model takes 3 factors, got %zu", k);
        if (exp->f.nparams != 0 && exp->f.nparams != 2)
            report(l, "model_params", root, "ishigami takes 2 parameters (a, b), got %zu",
                   exp->f.nparams);
        break;
    case MODEL_SOBOL_G:
        if (exp->f.nparams != k)
            report(l, has_key(root, "model_params") ? "model_params" : "model", root,
                   "sobol_g needs one parameter a_i per factor (%zu), got %zu", k,
                   exp->f.nparams);
        break;
    case MODEL_LINEAR:
        if (exp->f.nparams > k)
            report(l, "model_params", root, "linear takes at most one coefficient per "
                                            "factor (%zu), got %zu", k, exp->f.nparams);
        break;
    case MODEL_CRISIS:
        if (!sc)
            report(l, "model", root, "the crisis model needs a scenario (add the key "
                                     "'scenario')");
        break;
    }
    brink_model_t m;
    brink_model_builtin(l->ctx, exp_model_names[exp->f.model], &m);
    if (!m.run && exp->f.model != MODEL_CRISIS)
        return;
    /* the crisis model's outputs are known once it is linked; until then
     * the listed names are kept as given */
    size_t n = outputs ? outputs->count : m.noutputs;
    exp->outputs = brink_calloc(l->ctx, n ? n : 1, sizeof *exp->outputs);
    exp->output_index = brink_calloc(l->ctx, n ? n : 1, sizeof *exp->output_index);
    if (!exp->outputs || !exp->output_index) {
        l->fatal = BRINK_ENOMEM;
        return;
    }
    if (!outputs) {
        for (size_t i = 0; i < n; i++) {
            exp->outputs[i] = brink_strdup(l->ctx, m.outputs[i]);
            exp->output_index[i] = i;
            if (!exp->outputs[i]) {
                l->fatal = BRINK_ENOMEM;
                return;
            }
            exp->noutputs++;
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const doc_node_t *it = outputs->items[i];
        char q[64];
        snprintf(q, sizeof q, "outputs[%zu]", i);
        if (it->type != DOC_SCALAR || it->len == 0) {
            char found[64];
            report(l, q, it, "found %s; expected an output name",
                   doc_describe(it, found, sizeof found));
            continue;
        }
        size_t j = 0;
        if (m.run) {
            for (j = 0; j < m.noutputs; j++)
                if (strcmp(m.outputs[j], it->text) == 0)
                    break;
            if (j == m.noutputs) {
                char list[300];
                size_t off = 0;
                list[0] = '\0';
                for (size_t t = 0; t < m.noutputs && off < sizeof list; t++)
                    off += (size_t)snprintf(list + off, sizeof list - off, "%s%s",
                                            t ? ", " : "", m.outputs[t]);
                report(l, q, it, "'%.60s' is not an output of model %s; expected one of: %s",
                       it->text, m.name, list);
                continue;
            }
        }
        for (size_t t = 0; t < exp->noutputs; t++)
            if (strcmp(exp->outputs[t], it->text) == 0) {
                report(l, q, it, "output '%.60s' is listed twice", it->text);
                j = SIZE_MAX;
                break;
            }
        if (j == SIZE_MAX)
            continue;
        exp->outputs[exp->noutputs] = brink_strdup(l->ctx, it->text);
        exp->output_index[exp->noutputs] = j;
        if (!exp->outputs[exp->noutputs]) {
            l->fatal = BRINK_ENOMEM;
            return;
        }
        exp->noutputs++;
    }
}

/* The series kept: the model's, unless the file says keep: none; and the
 * band quantiles, checked ascending. */
static void check_series(loader_t *l, brink_experiment_t *exp)
{
    const doc_node_t *root = l->doc->root;
    exp_series_t *se = &exp->f.series;
    static const double defq[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    if (se->nquantiles == 0) {
        memcpy(exp->quantiles, defq, sizeof defq);
        exp->nquantiles = 5;
    } else if (se->nquantiles > 32) {
        report(l, "series.quantiles", root, "at most 32 quantiles, got %zu", se->nquantiles);
    } else {
        for (size_t i = 0; i < se->nquantiles; i++) {
            if (i && !(se->quantiles[i] > se->quantiles[i - 1])) {
                char q[64];
                snprintf(q, sizeof q, "series.quantiles[%zu]", i);
                report(l, q, root, "quantiles must be in ascending order");
            }
            exp->quantiles[i] = se->quantiles[i];
        }
        exp->nquantiles = se->nquantiles;
    }
    if (exp->f.model != MODEL_CRISIS && exp->f.steps == 0 && has_key(root, "series"))
        report(l, "series", root, "the %s model writes series only with steps > 0",
               exp_model_names[exp->f.model]);
    if (exp->f.model == MODEL_CRISIS && has_key(root, "steps"))
        report(l, "steps", root, "steps applies only to the analytic models");
    brink_model_t m;
    if (se->keep == KEEP_NONE ||
        brink_experiment_model_resolve(l->ctx, exp, &m) != BRINK_OK || m.max_steps == 0)
        return;
    exp->series = brink_calloc(l->ctx, m.nseries ? m.nseries : 1, sizeof *exp->series);
    if (!exp->series) {
        l->fatal = BRINK_ENOMEM;
        return;
    }
    for (size_t i = 0; i < m.nseries; i++) {
        exp->series[i] = brink_strdup(l->ctx, m.series[i]);
        if (!exp->series[i]) {
            l->fatal = BRINK_ENOMEM;
            return;
        }
        exp->nseries++;
    }
    exp->max_steps = m.max_steps;
}

/* The calibration posterior: the directory given to --params (relative to
 * the working directory) or else the params key (relative to the
 * experiment file); its paths must be numbers of the scenario and its
 * values allowed there.  Notes which factor, if any, sets each path. */
static void check_posterior(loader_t *l, brink_experiment_t *exp, const char *flag,
                            brink_scenario_t *sc)
{
    brink_ctx_t *ctx = l->ctx;
    const doc_node_t *root = l->doc->root;
    const char *given = flag ? flag : exp->f.params;
    if (!given)
        return;
    if (!sc) {
        if (flag)
            report(l, "params", root, "--params %s: the experiment has no scenario to apply "
                   "a posterior to (add the key 'scenario')", flag);
        else
            report(l, "params", root, "a posterior needs a scenario (add the key 'scenario')");
        return;
    }
    exp->posterior_dir = brink_strdup(ctx, given);
    char *dir = flag ? brink_strdup(ctx, flag) : join_dir(ctx, exp->dir, exp->f.params);
    if (!exp->posterior_dir || !dir) {
        brink_free(ctx, dir);
        l->fatal = BRINK_ENOMEM;
        return;
    }
    brink_status_t st = brink_posterior_load(ctx, dir, &exp->posterior, l->diags);
    if (st == BRINK_EIO) {
        if (flag) {
            l->problems++;
            size_t n = strlen(dir) + sizeof "/posterior.csv";
            char *csv = brink_malloc(ctx, n);
            if (csv)
                snprintf(csv, n, "%s/posterior.csv", dir);
            if (!csv || brink_diags_add(ctx, l->diags, csv, 0, 0, "params", "--params: %s",
                                        brink_ctx_errmsg(ctx)) != BRINK_OK)
                l->fatal = BRINK_ENOMEM;
            brink_free(ctx, csv);
        } else {
            report(l, "params", root, "%s", brink_ctx_errmsg(ctx));
        }
    } else if (st == BRINK_ENOMEM) {
        l->fatal = st;
    } else if (st != BRINK_OK) {
        l->problems++;
    }
    brink_free(ctx, dir);
    if (st != BRINK_OK)
        return;
    st = brink_posterior_check(ctx, exp->posterior, sc, l->diags);
    if (st != BRINK_OK) {
        if (st == BRINK_ENOMEM)
            l->fatal = st;
        else
            l->problems++;
        return;
    }
    size_t np = brink_posterior_npaths(exp->posterior);
    exp->post_factor = brink_calloc(ctx, np, sizeof *exp->post_factor);
    exp->post_skip = brink_calloc(ctx, np, sizeof *exp->post_skip);
    if (!exp->post_factor || !exp->post_skip) {
        l->fatal = BRINK_ENOMEM;
        return;
    }
    for (size_t j = 0; j < np; j++) {
        exp->post_factor[j] = SIZE_MAX;
        for (size_t i = 0; i < exp->f.nfactors; i++) {
            int same = 0;
            if (exp->f.factors[i].path &&
                brink_scenario_same_field(ctx, sc, exp->f.factors[i].path,
                                          brink_posterior_path(exp->posterior, j), &same) ==
                    BRINK_OK &&
                same) {
                exp->post_factor[j] = i;
                exp->post_skip[j] = 1;
                break;
            }
        }
    }
}

/* Reads a whole file; NULL on failure with errno set (ENOMEM when out of
 * memory). */
static char *slurp(brink_ctx_t *ctx, const char *path, size_t *len)
{
    char *buf = NULL;
    if (brink_read_file(ctx, path, &buf, len) != BRINK_OK)
        return NULL;
    return buf;
}

/* Loads from text; params, when not NULL, replaces the file's params key. */
static brink_status_t load_text(brink_ctx_t *ctx, const char *name, const char *text,
                                size_t len, const char *params, brink_experiment_t **out,
                                brink_diags_t *diags)
{
    brink_status_t st;
    doc_t *doc = NULL;
    doc_node_t *outputs = NULL;
    brink_scenario_t *sc = NULL;
    loader_t l = {ctx, NULL, diags, 0, BRINK_OK};
    *out = NULL;
    brink_experiment_t *exp = brink_calloc(ctx, 1, sizeof *exp);
    if (!exp)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    exp->ctx = ctx;
    brink_sha256_hex(text, len, exp->hash);
    const char *slash = strrchr(name, '/');
    exp->dir = slash ? brink_strndup(ctx, name, (size_t)(slash - name)) : brink_strdup(ctx, "");
    if (!exp->dir) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    st = doc_parse_string(ctx, name, text, len, &doc, diags);
    if (st != BRINK_OK)
        goto cleanup;
    l.doc = doc;
    if (!doc->root || doc->root->type != DOC_MAP) {
        brink_diags_add(ctx, diags, name, doc->root ? doc->root->line : 1,
                        doc->root ? doc->root->column : 1, "",
                        "an experiment file must be a mapping of keys");
        st = BRINK_EVALIDATE;
        goto cleanup;
    }
    /* 'outputs' is a list of names, checked against the model below */
    doc_node_t *root = doc->root;
    for (size_t i = 0; i + 1 < root->count; i += 2)
        if (strcmp(root->items[i]->text, "outputs") == 0) {
            outputs = root->items[i + 1];
            doc_node_free(ctx, root->items[i]);
            memmove(root->items + i, root->items + i + 2, (root->count - i - 2) * sizeof *root->items);
            root->count -= 2;
            break;
        }
    if (outputs && outputs->type != DOC_SEQ) {
        char found[64];
        brink_diags_add(ctx, diags, name, outputs->line, outputs->column, "outputs",
                        "outputs: found %s; expected a sequence of output names",
                        doc_describe(outputs, found, sizeof found));
        l.problems++;
    }
    st = schema_decode(ctx, doc, root, &exp_schema, &exp->f, "", NULL, diags);
    if (st != BRINK_OK || l.problems) {
        st = st == BRINK_OK ? BRINK_EVALIDATE : st;
        goto cleanup;
    }
    if (exp->f.nfactors > EXP_MAX_FACTORS) {
        report(&l, "factors", root, "%zu factors; at most %d are supported", exp->f.nfactors,
               EXP_MAX_FACTORS);
        goto checked;
    }
    if (exp->f.seed != floor(exp->f.seed))
        report(&l, "seed", root, "%g is not a whole number", exp->f.seed);
    else if (exp->f.seed >= 9007199254740992.0) /* 2^53: seeds are exact doubles */
        report(&l, "seed", root, "%.17g is not below 2^53 (9007199254740992)", exp->f.seed);
    if (exp->f.scenario) {
        exp->scenario_path = join_dir(ctx, exp->dir, exp->f.scenario);
        if (!exp->scenario_path) {
            st = BRINK_ENOMEM;
            goto cleanup;
        }
        size_t slen = 0;
        char *bytes = slurp(ctx, exp->scenario_path, &slen);
        if (!bytes) {
            if (errno == ENOMEM)
                l.fatal = BRINK_ENOMEM;
            else
                report(&l, "scenario", root, "cannot read '%s': %s", exp->scenario_path,
                       errno == EFBIG ? "larger than the input limit" : strerror(errno));
            goto checked;
        }
        brink_sha256_hex(bytes, slen, exp->scenario_hash);
        brink_free(ctx, bytes);
        brink_status_t s2 = brink_scenario_load(ctx, exp->scenario_path, NULL, 0, &sc, diags);
        if (s2 != BRINK_OK) {
            l.problems++;
            if (s2 == BRINK_ENOMEM)
                l.fatal = s2;
            goto checked;
        }
    }
    for (size_t i = 0; i < exp->f.nfactors && !l.fatal; i++)
        check_factor(&l, exp, i, sc);
    check_design(&l, exp);
    check_model(&l, exp, outputs, sc);
    if (!l.fatal)
        check_series(&l, exp);
    if (!l.fatal)
        check_posterior(&l, exp, params, sc);
checked:
    if (l.fatal) {
        st = l.fatal;
        goto cleanup;
    }
    if (l.problems) {
        st = BRINK_EVALIDATE;
        goto cleanup;
    }
    if (exp->f.design.type == DESIGN_LIST) {
        size_t k = exp->f.nfactors, n = exp->f.design.npoints;
        exp->rows = brink_calloc(ctx, n * k, sizeof *exp->rows);
        if (!exp->rows) {
            st = BRINK_ENOMEM;
            goto cleanup;
        }
        for (size_t i = 0; i < n; i++)
            memcpy(exp->rows + i * k, exp->f.design.points[i].values, k * sizeof *exp->rows);
    } else if (exp->f.design.type == DESIGN_FILE) {
        char *csv = join_dir(ctx, exp->dir, exp->f.design.file);
        if (!csv) {
            st = BRINK_ENOMEM;
            goto cleanup;
        }
        st = exp_read_csv_design(exp, csv, sc, diags);
        brink_free(ctx, csv);
        if (st != BRINK_OK)
            goto cleanup;
    }
    st = exp_design_prepare(exp);
    if (st != BRINK_OK) {
        brink_diags_add(ctx, diags, name, 1, 1, "", "%s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    /* list and file rows must be allowed in the scenario */
    if (sc && exp->rows) {
        for (uint32_t pnt = 0; pnt < exp->npoints && st == BRINK_OK; pnt++)
            for (size_t i = 0; i < exp->f.nfactors; i++)
                if (brink_scenario_set_number(ctx, sc, exp->f.factors[i].path,
                                              exp->rows[(size_t)pnt * exp->f.nfactors + i]) !=
                    BRINK_OK) {
                    char dp[64];
                    snprintf(dp, sizeof dp, "design.points[%u]", pnt);
                    report(&l, dp, root, "%s", brink_ctx_errmsg(ctx));
                    st = BRINK_EVALIDATE;
                    break;
                }
    }
cleanup:
    if (outputs)
        doc_node_free(ctx, outputs);
    doc_free(doc);
    brink_scenario_free(sc);
    if (st == BRINK_OK)
        *out = exp;
    else
        brink_experiment_free(exp);
    return st;
}

brink_status_t brink_experiment_load_string(brink_ctx_t *ctx, const char *name,
                                            const char *text, size_t len,
                                            brink_experiment_t **out, brink_diags_t *diags)
{
    return load_text(ctx, name, text, len, NULL, out, diags);
}

brink_status_t brink_experiment_load(brink_ctx_t *ctx, const char *path,
                                     brink_experiment_t **out, brink_diags_t *diags)
{
    return brink_experiment_load_params(ctx, path, NULL, out, diags);
}

brink_status_t brink_experiment_load_params(brink_ctx_t *ctx, const char *path,
                                            const char *params, brink_experiment_t **out,
                                            brink_diags_t *diags)
{
    size_t len = 0;
    *out = NULL;
    char *text = slurp(ctx, path, &len);
    if (!text) {
        if (errno == ENOMEM)
            return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", path);
        brink_status_t st = brink_ctx_errcode(ctx);
        const char *m = brink_ctx_errmsg(ctx);
        size_t pl = strlen(path);
        if (strncmp(m, path, pl) == 0 && m[pl] == ':' && m[pl + 1] == ' ')
            m += pl + 2;
        brink_diags_add(ctx, diags, path, 0, 0, "", "%s", m);
        return st == BRINK_ELIMIT ? BRINK_ELIMIT : BRINK_EIO;
    }
    brink_status_t st = load_text(ctx, path, text, len, params, out, diags);
    brink_free(ctx, text);
    return st;
}

/* ---- accessors ------------------------------------------------------------ */

const char *brink_experiment_name(const brink_experiment_t *e) { return e->f.name; }
const char *brink_experiment_design(const brink_experiment_t *e)
{
    return exp_design_names[e->f.design.type];
}
const char *brink_experiment_model(const brink_experiment_t *e)
{
    return exp_model_names[e->f.model];
}
uint64_t brink_experiment_seed(const brink_experiment_t *e) { return (uint64_t)e->f.seed; }
uint32_t brink_experiment_points(const brink_experiment_t *e) { return e->npoints; }
uint32_t brink_experiment_replications(const brink_experiment_t *e)
{
    return (uint32_t)e->f.replications;
}
size_t brink_experiment_nfactors(const brink_experiment_t *e) { return e->f.nfactors; }
const char *brink_experiment_factor_name(const brink_experiment_t *e, size_t i)
{
    return e->f.factors[i].name;
}
const char *brink_experiment_factor_path(const brink_experiment_t *e, size_t i)
{
    return e->f.factors[i].path ? e->f.factors[i].path : "";
}
uint32_t brink_experiment_base_n(const brink_experiment_t *e)
{
    int t = e->f.design.type;
    return t == DESIGN_SOBOL || t == DESIGN_MORRIS ? (uint32_t)e->f.design.n : 0;
}
uint32_t brink_experiment_levels(const brink_experiment_t *e)
{
    return e->f.design.type == DESIGN_MORRIS ? (uint32_t)e->f.design.levels : 0;
}
size_t brink_experiment_noutputs(const brink_experiment_t *e) { return e->noutputs; }
const char *brink_experiment_output(const brink_experiment_t *e, size_t i)
{
    return e->outputs[i];
}
const char *brink_experiment_hash(const brink_experiment_t *e) { return e->hash; }
const char *brink_experiment_scenario_hash(const brink_experiment_t *e)
{
    return e->scenario_hash;
}

const brink_posterior_t *brink_experiment_posterior(const brink_experiment_t *e)
{
    return e->posterior;
}
const char *brink_experiment_posterior_dir(const brink_experiment_t *e)
{
    return e->posterior_dir ? e->posterior_dir : "";
}
size_t brink_experiment_posterior_factor(const brink_experiment_t *e, size_t j)
{
    return e->post_factor ? e->post_factor[j] : SIZE_MAX;
}

size_t brink_experiment_nseries(const brink_experiment_t *e) { return e->nseries; }
const char *brink_experiment_series(const brink_experiment_t *e, size_t i)
{
    return e->series[i];
}
uint32_t brink_experiment_max_steps(const brink_experiment_t *e) { return e->max_steps; }

brink_status_t brink_experiment_model_resolve(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                              brink_model_t *model)
{
    brink_status_t st = brink_model_builtin(ctx, exp_model_names[exp->f.model], model);
    if (st == BRINK_OK && exp->f.model != MODEL_CRISIS)
        model->max_steps = (uint32_t)exp->f.steps;
    return st;
}
