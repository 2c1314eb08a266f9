/*
 * yaml_input.c - the YAML (or JSON) form of a forecast input, decoded
 * strictly by the shared schema tables: unknown keys (with a suggestion),
 * missing keys, wrong types and out-of-range values are located errors.
 *
 *   name: Korea 2018
 *   description: ...
 *   dimensions: [{name: Denuclearization}, {name: Sanctions relief}]
 *   actors:
 *     - {name: USA, description: ..., capability: 100,
 *        position: [90, 20], salience: [60, 30]}
 *   options: {VotingRule: PropCbc, PCEModel: MarkovIncentive, seed: "42"}   # optional
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"
#include "scenario/doc.h"
#include "scenario/schema.h"

typedef struct y_dim {
    char *name;
} y_dim_t;

typedef struct y_actor {
    char *name, *description;
    double capability;
    double *position;
    size_t n_position;
    double *salience;
    size_t n_salience;
    double position_sd, salience_sd, capability_cv; /* -1: use the global level */
} y_actor_t;

typedef struct y_opts {
    int v[FC_NPARAMS]; /* KTAB's nine options, enum indexes */
    char *seed;    /* decimal, up to 2^64-1 */
} y_opts_t;

typedef struct y_input {
    char *name, *description;
    y_opts_t options;
    y_dim_t *dims;
    size_t n_dims;
    y_actor_t *actors;
    size_t n_actors;
} y_input_t;

static const schema_field_t dim_fields[] = {
    {"name", SK_STR, offsetof(y_dim_t, name), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "name of the issue dimension"},
};
static const schema_obj_t dim_obj = {"dimension", sizeof(y_dim_t), dim_fields, 1};

static const schema_field_t actor_fields[] = {
    {"name", SK_STR, offsetof(y_actor_t, name), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "actor name, 1-25 characters"},
    {"description", SK_STR, offsetof(y_actor_t, description), 0, 0, 0, 0, NULL, NULL, 0, NULL,
     "what the actor is"},
    {"capability", SK_NUM, offsetof(y_actor_t, capability), SF_REQUIRED, 0, 1e8, 0, NULL, NULL,
     0, NULL, "clout (KTAB's Power/Influence)"},
    {"position", SK_NUMLIST, offsetof(y_actor_t, position), SF_REQUIRED, 0, 100, 0, NULL, NULL,
     offsetof(y_actor_t, n_position), "0-100", "position on each dimension"},
    {"salience", SK_NUMLIST, offsetof(y_actor_t, salience), SF_REQUIRED, 0, 100, 0, NULL, NULL,
     offsetof(y_actor_t, n_salience), "0-100", "salience of each dimension, summing to <= 100"},
    {"position_sd", SK_NUM, offsetof(y_actor_t, position_sd), 0, 0, 100, -1, NULL, NULL, 0,
     "0-100", "Monte Carlo: sd of this actor's position noise (default: --pos-sd)"},
    {"salience_sd", SK_NUM, offsetof(y_actor_t, salience_sd), 0, 0, 100, -1, NULL, NULL, 0,
     "0-100", "Monte Carlo: sd of this actor's salience noise (default: --sal-sd)"},
    {"capability_cv", SK_NUM, offsetof(y_actor_t, capability_cv), 0, 0, 10, -1, NULL, NULL, 0,
     NULL, "Monte Carlo: coefficient of variation of this actor's capability (default: --cap-cv)"},
};
static const schema_obj_t actor_obj = {"actor", sizeof(y_actor_t), actor_fields, 8};

static const schema_field_t input_fields_base[] = {
    {"name", SK_STR, offsetof(y_input_t, name), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "scenario name"},
    {"description", SK_STR, offsetof(y_input_t, description), 0, 0, 0, 0, NULL, NULL, 0, NULL,
     "scenario description"},
    {"dimensions", SK_LIST, offsetof(y_input_t, dims), SF_REQUIRED, 0, 0, 0, NULL, &dim_obj,
     offsetof(y_input_t, n_dims), NULL, "the issue dimensions"},
    {"actors", SK_LIST, offsetof(y_input_t, actors), SF_REQUIRED, 0, 0, 0, NULL, &actor_obj,
     offsetof(y_input_t, n_actors), NULL, "the actors"},
};

brink_status_t brink_fc_read_yaml(brink_ctx_t *ctx, const char *path,
                                  brink_fc_scenario_t **out, brink_diags_t *diags)
{
    if (!ctx || !path || !out)
        return BRINK_EINVAL;
    *out = NULL;
    doc_t *doc = NULL;
    y_input_t in;
    memset(&in, 0, sizeof in);
    brink_fc_scenario_t *s = NULL;
    const char **names = NULL;
    /* the options block is built here from the option tables (KTAB's names
     * and defaults), so that it cannot drift from smp_options.c */
    brink_smp_options_t defs;
    brink_smp_options_default(&defs);
    int defv[FC_NPARAMS];
    fc_options_to_array(&defs, defv);
    const char *const *opt_names = brink_smp_option_names();
    schema_field_t opt_fields[FC_NPARAMS + 1];
    for (int k = 0; k < FC_NPARAMS; k++)
        opt_fields[k] = (schema_field_t){opt_names[k], SK_ENUM, offsetof(y_opts_t, v) + (size_t)k * sizeof(int),
                                         0, 0, 0, (double)defv[k], brink_smp_option_choices(opt_names[k]),
                                         NULL, 0, NULL, "KTAB's SMP option of this name"};
    opt_fields[FC_NPARAMS] = (schema_field_t){"seed", SK_STR, offsetof(y_opts_t, seed), 0, 0, 0, 0, NULL,
                                     NULL, 0, NULL, "seed of the random streams (decimal)"};
    const schema_obj_t opts_obj = {"options", sizeof(y_opts_t), opt_fields, FC_NPARAMS + 1};
    schema_field_t input_fields[5];
    memcpy(input_fields, input_fields_base, sizeof input_fields_base);
    input_fields[4] = (schema_field_t){"options", SK_OBJ, offsetof(y_input_t, options), 0, 0, 0, 0,
                                       NULL, &opts_obj, 0, NULL, "SMP options under KTAB's names, and the seed"};
    const schema_obj_t input_obj = {"forecast", sizeof(y_input_t), input_fields, 5};
    brink_status_t st = doc_parse_file(ctx, path, &doc, diags);
    if (st != BRINK_OK)
        goto done;
    if (!doc->root) {
        brink_diags_add(ctx, diags, path, 1, 1, "", "empty document");
        st = BRINK_EVALIDATE;
        goto done;
    }
    st = schema_decode(ctx, doc, doc->root, &input_obj, &in, "", NULL, diags);
    if (st != BRINK_OK)
        goto done;
    const doc_node_t *an = doc_map_get(doc->root, "actors");
    if (in.n_dims < 1 || in.n_dims > BRINK_FC_MAX_DIMS) {
        brink_diags_add(ctx, diags, path, doc->root->line, doc->root->column, "dimensions",
                        "expected 1 to %d dimensions, found %zu", BRINK_FC_MAX_DIMS, in.n_dims);
        st = BRINK_EVALIDATE;
        goto done;
    }
    if (in.n_actors < 3 || in.n_actors > BRINK_FC_MAX_ACTORS) {
        brink_diags_add(ctx, diags, path, an ? an->line : 1, an ? an->column : 1, "actors",
                        "expected 3 to %d actors, found %zu", BRINK_FC_MAX_ACTORS, in.n_actors);
        st = BRINK_EVALIDATE;
        goto done;
    }
    names = brink_calloc(ctx, in.n_dims, sizeof *names);
    if (!names) {
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t d = 0; d < in.n_dims; d++)
        names[d] = in.dims[d].name;
    s = brink_fc_scenario_new(ctx, in.name, in.description, in.n_dims, names);
    if (!s || fc_scenario_set_source(s, path) != BRINK_OK) {
        st = BRINK_ENOMEM;
        goto done;
    }
    const doc_node_t *on = doc_map_get(doc->root, "options");
    if (on) {
        int given = 0;
        for (int k = 0; k < FC_NPARAMS; k++)
            if (doc_map_get(on, opt_names[k]))
                given = 1;
        s->has_params = given;
        memcpy(s->params, in.options.v, sizeof s->params);
        if (in.options.seed) {
            const doc_node_t *sn = doc_map_get(on, "seed");
            char *end;
            errno = 0;
            unsigned long long v = strtoull(in.options.seed, &end, 10);
            if (*end || errno == ERANGE || in.options.seed[0] == '-' || !in.options.seed[0]) {
                brink_diags_add(ctx, diags, path, sn ? sn->line : 1, sn ? sn->column : 1,
                                "options.seed", "expected an unsigned 64-bit integer, found '%s'",
                                in.options.seed);
                st = BRINK_EVALIDATE;
            }
            s->has_seed = 1;
            s->seed = (uint64_t)v;
        }
    }
    for (size_t i = 0; i < in.n_actors; i++) {
        const y_actor_t *a = &in.actors[i];
        const doc_node_t *node = an && i < an->count ? an->items[i] : doc->root;
        char p[48];
        snprintf(p, sizeof p, "actors[%zu]", i);
        if (a->n_position != in.n_dims || a->n_salience != in.n_dims) {
            brink_diags_add(ctx, diags, path, node->line, node->column, p,
                            "actor '%s' needs %zu positions and %zu saliences, found %zu and %zu",
                            a->name, in.n_dims, in.n_dims, a->n_position, a->n_salience);
            st = BRINK_EVALIDATE;
            continue;
        }
        if (strlen(a->name) > 25) {
            brink_diags_add(ctx, diags, path, node->line, node->column, p,
                            "actor name '%s' is longer than 25 characters", a->name);
            st = BRINK_EVALIDATE;
            continue;
        }
        brink_status_t as = brink_fc_scenario_add_actor(s, a->name, a->description,
                                                        a->capability, a->position, a->salience);
        if (as != BRINK_OK) {
            brink_diags_add(ctx, diags, path, node->line, node->column, p, "%s",
                            brink_ctx_errmsg(ctx));
            st = as == BRINK_ENOMEM ? BRINK_ENOMEM : BRINK_EVALIDATE;
            continue;
        }
        const doc_node_t *cn = doc_map_get(node, "capability");
        fc_scenario_locate(s, s->n - 1, cn ? cn->line : node->line,
                           cn ? cn->column : node->column);
        if (a->position_sd >= 0 || a->salience_sd >= 0 || a->capability_cv >= 0) {
            if (brink_fc_scenario_set_uncertainty(s, s->n - 1, a->position_sd, a->salience_sd,
                                                  a->capability_cv) != BRINK_OK)
                st = BRINK_ENOMEM;
        }
    }
done:
    schema_free(ctx, &input_obj, &in);
    brink_free(ctx, names);
    doc_free(doc);
    if (st != BRINK_OK) {
        brink_fc_scenario_free(s);
        if (diags && diags->count)
            brink_ctx_error(ctx, st, "%s:%d:%d: %s", diags->items[0].file, diags->items[0].line,
                            diags->items[0].column, diags->items[0].message);
        return st;
    }
    *out = s;
    return BRINK_OK;
}
