/* smp_json.c - an SMP run as JSON (keys sorted, 17 significant digits). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "forecast/smp_internal.h"

static json_t *dvec(const double *v, size_t n, double scale)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_real(v[i] * scale));
    return a;
}

char *brink_smp_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                        const brink_smp_options_t *o, const brink_fc_history_t *h)
{
    if (!ctx || !s || !o || !h)
        return NULL;
    const size_t n = s->n, d = s->d, T = h->states;
    json_t *root = json_object();
    json_t *opts = json_object();
    const char *const *names = brink_smp_option_names();
    for (size_t k = 0; names[k]; k++) {
        const char *v = brink_smp_option_value(o, names[k]);
        if (*v)
            json_object_set_new(opts, names[k], json_string(v));
    }
    json_object_set_new(opts, "MinIter", json_integer(o->min_iter));
    json_object_set_new(opts, "MaxIter", json_integer(o->max_iter));
    json_object_set_new(opts, "MinDeltaRatio", json_real(o->min_delta_ratio));
    json_object_set_new(opts, "MinSigDelta", json_real(o->min_sig_delta));
    char seed[24];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)o->seed);
    json_object_set_new(opts, "seed", json_string(seed));
    json_object_set_new(root, "model", json_string("smp"));
    json_object_set_new(root, "options", opts);
    json_object_set_new(root, "scenario", json_string(s->name));
    json_t *dims = json_array(), *actors = json_array();
    for (size_t k = 0; k < d; k++)
        json_array_append_new(dims, json_string(s->dim_name[k]));
    for (size_t i = 0; i < n; i++)
        json_array_append_new(actors, json_string(s->actor_name[i]));
    json_object_set_new(root, "dimensions", dims);
    json_object_set_new(root, "actors", actors);
    json_t *states = json_array();
    for (size_t t = 0; t < T; t++) {
        json_t *so = json_object();
        json_t *pos = json_array(), *tg = json_array();
        for (size_t i = 0; i < n; i++) {
            json_array_append_new(pos, dvec(h->pos + (t * n + i) * d, d, 100.0));
            json_array_append_new(tg, json_integer(h->target[t * n + i]));
        }
        json_object_set_new(so, "turn", json_integer((json_int_t)t));
        json_object_set_new(so, "positions", pos);
        json_object_set_new(so, "prob", dvec(h->prob + t * n, n, 1.0));
        json_object_set_new(so, "risk", dvec(h->risk + t * n, n, 1.0));
        json_object_set_new(so, "targets", tg);
        json_object_set_new(so, "stop_ratio", json_real(h->stop[t]));
        json_array_append_new(states, so);
    }
    json_object_set_new(root, "states", states);
    json_t *bl = json_array();
    for (size_t k = 0; k < h->nbargains; k++) {
        const fc_bargain_rec_t *r = &h->bargains[k];
        json_t *b = json_object();
        json_object_set_new(b, "id", json_integer((json_int_t)r->id));
        json_object_set_new(b, "turn", json_integer(r->turn));
        json_object_set_new(b, "init", json_integer(r->init));
        json_object_set_new(b, "rcvr", json_integer(r->rcvr));
        json_object_set_new(b, "value", json_real(r->value));
        json_object_set_new(b, "init_prob", json_real(r->init_prob));
        json_object_set_new(b, "rcvr_prob", json_real(r->rcvr_prob));
        json_object_set_new(b, "init_selected", json_boolean(r->init_sel));
        json_object_set_new(b, "rcvr_selected", json_boolean(r->rcvr_sel));
        json_object_set_new(b, "pos_init", dvec(h->coords + k * 2 * d, d, 100.0));
        json_object_set_new(b, "pos_rcvr", dvec(h->coords + k * 2 * d + d, d, 100.0));
        json_array_append_new(bl, b);
    }
    json_object_set_new(root, "bargains", bl);
    size_t best = brink_fc_history_best_actor(h);
    json_t *fc = json_object();
    json_object_set_new(fc, "actor", json_string(s->actor_name[best]));
    json_object_set_new(fc, "prob", json_real(h->prob[(T - 1) * n + best]));
    json_object_set_new(fc, "position", dvec(h->pos + ((T - 1) * n + best) * d, d, 100.0));
    json_object_set_new(root, "forecast", fc);
    char *txt = json_dumps(root, JSON_SORT_KEYS | JSON_INDENT(1) | JSON_REAL_PRECISION(17));
    json_decref(root);
    if (!txt) {
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        return NULL;
    }
    char *out = brink_strdup(ctx, txt);
    free(txt);
    if (!out)
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return out;
}
