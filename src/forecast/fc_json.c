/* fc_json.c - the results of the Monte Carlo, BDM and static models as JSON
 * (brink/forecast.h): keys sorted, one-space indent, 17 significant
 * digits, as brink_smp_to_json. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "forecast/fc_internal.h"

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* the document as text owned by ctx's allocator; root is released */
static char *dump(brink_ctx_t *ctx, json_t *root)
{
    char *out = NULL;
    char *txt = root ? json_dumps(root, JSON_SORT_KEYS | JSON_INDENT(1) |
                                            JSON_REAL_PRECISION(17))
                     : NULL;
    json_decref(root);
    if (txt) {
        out = brink_strdup(ctx, txt);
        free(txt);
    }
    if (!out)
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return out;
}

static const char *model_name(int model)
{
    static const char *const names[4] = {"smp", "bdm", "compromise", "median"};
    return model >= 0 && model < 4 ? names[model] : "smp";
}

char *brink_mc_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                       const brink_mc_options_t *o, const brink_mc_result_t *r)
{
    if (!ctx || !s || !o || !r)
        return NULL;
    json_t *root = json_object(), *dims = json_array();
    char seed[24];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)o->seed);
    json_object_set_new(root, "model", json_string(model_name(o->model)));
    json_object_set_new(root, "runs", json_integer(r->runs));
    json_object_set_new(root, "seed", json_string(seed));
    for (size_t d = 0; dims && d < r->dims; d++) {
        size_t k = o->model == 1 ? o->bdm.dim : d;
        json_array_append_new(dims, json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "name",
                                              brink_fc_dim_name(s, k), "mean", num(r->mean[d]),
                                              "sd", num(r->sd[d]), "q05", num(r->q05[d]), "q25",
                                              num(r->q25[d]), "q50", num(r->q50[d]), "q75",
                                              num(r->q75[d]), "q95", num(r->q95[d])));
    }
    if (root && dims && json_object_set_new(root, "dimensions", dims) == 0)
        return dump(ctx, root);
    json_decref(root);
    return dump(ctx, NULL);
}

char *brink_bdm_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                        const brink_bdm_options_t *o, const brink_bdm_result_t *r)
{
    if (!ctx || !s || !o || !r)
        return NULL;
    json_t *root = json_object(), *rounds = json_array();
    json_object_set_new(root, "model", json_string("bdm"));
    json_object_set_new(root, "dimension", json_string(brink_fc_dim_name(s, o->dim)));
    for (size_t t = 0; rounds && t <= r->rounds; t++) {
        json_t *pos = json_array();
        for (size_t i = 0; pos && i < r->n; i++)
            json_array_append_new(pos, num(r->pos[t * r->n + i]));
        json_array_append_new(rounds, json_pack("{s:I,s:o,s:o,s:o}", "round", (json_int_t)t,
                                                "mean", num(r->mean[t]), "median",
                                                num(r->median[t]), "positions", pos));
    }
    const char *status = r->convergence == BRINK_BDM_SETTLED ? "settled"
                         : r->convergence == BRINK_BDM_CYCLE ? "cycle"
                                                             : "unsettled";
    json_object_set_new(root, "convergence",
                        json_pack("{s:s,s:I,s:I}", "status", status, "settled_round",
                                  (json_int_t)r->settled_round, "period", (json_int_t)r->period));
    if (root && rounds && json_object_set_new(root, "rounds", rounds) == 0)
        return dump(ctx, root);
    json_decref(root);
    return dump(ctx, NULL);
}

char *brink_fc_static_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s, int model,
                              const double *nash)
{
    if (!ctx || !s || (model != 2 && model != 3) || (model == 2 && !nash))
        return NULL;
    json_t *root = json_object(), *dims = json_array();
    json_object_set_new(root, "model", json_string(model_name(model)));
    for (size_t d = 0; dims && d < brink_fc_scenario_dims(s); d++) {
        const char *name = brink_fc_dim_name(s, d);
        if (model == 2) {
            json_array_append_new(dims, json_pack("{s:s,s:o,s:o}", "name", name, "weighted_mean",
                                                  num(brink_fc_weighted_mean(s, d)), "nash",
                                                  num(nash[d])));
            continue;
        }
        int found = 0;
        double med = brink_fc_weighted_median(s, d), cw = brink_fc_condorcet(s, d, &found);
        json_array_append_new(dims, json_pack("{s:s,s:o,s:o}", "name", name, "weighted_median",
                                              num(med), "condorcet",
                                              found ? num(cw) : json_null()));
    }
    if (root && dims && json_object_set_new(root, "dimensions", dims) == 0)
        return dump(ctx, root);
    json_decref(root);
    return dump(ctx, NULL);
}
