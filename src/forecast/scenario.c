/* scenario.c - the forecast input: actors, capabilities, positions, saliences. */
#include <stdio.h>
#include <string.h>

#include "forecast/fc_internal.h"

brink_fc_scenario_t *brink_fc_scenario_new(brink_ctx_t *ctx, const char *name,
                                           const char *desc, size_t n_dims,
                                           const char *const *dim_names)
{
    if (!ctx || n_dims < 1 || n_dims > BRINK_FC_MAX_DIMS)
        return NULL;
    brink_fc_scenario_t *s = brink_calloc(ctx, 1, sizeof *s);
    if (!s)
        return NULL;
    s->ctx = ctx;
    s->d = n_dims;
    s->name = brink_strdup(ctx, name ? name : "");
    s->desc = brink_strdup(ctx, desc ? desc : "");
    s->dim_name = brink_calloc(ctx, n_dims, sizeof *s->dim_name);
    if (!s->name || !s->desc || !s->dim_name)
        goto fail;
    for (size_t d = 0; d < n_dims; d++) {
        char buf[32];
        const char *nm = dim_names && dim_names[d] ? dim_names[d] : NULL;
        if (!nm) {
            snprintf(buf, sizeof buf, "Dim%zu", d + 1);
            nm = buf;
        }
        s->dim_name[d] = brink_strdup(ctx, nm);
        if (!s->dim_name[d])
            goto fail;
    }
    return s;
fail:
    brink_fc_scenario_free(s);
    return NULL;
}

void brink_fc_scenario_free(brink_fc_scenario_t *s)
{
    if (!s)
        return;
    brink_ctx_t *ctx = s->ctx;
    for (size_t d = 0; s->dim_name && d < s->d; d++)
        brink_free(ctx, s->dim_name[d]);
    for (size_t i = 0; i < s->n; i++) {
        brink_free(ctx, s->actor_name[i]);
        brink_free(ctx, s->actor_desc[i]);
    }
    brink_free(ctx, s->dim_name);
    brink_free(ctx, s->actor_name);
    brink_free(ctx, s->actor_desc);
    brink_free(ctx, s->cap);
    brink_free(ctx, s->pos);
    brink_free(ctx, s->sal);
    brink_free(ctx, s->accom);
    brink_free(ctx, s->unc);
    brink_free(ctx, s->src);
    brink_free(ctx, s->loc);
    brink_free(ctx, s->name);
    brink_free(ctx, s->desc);
    brink_free(ctx, s);
}

static int grow(brink_fc_scenario_t *s)
{
    brink_ctx_t *ctx = s->ctx;
    size_t nc = s->cap_n ? 2 * s->cap_n : 16;
    char **an = brink_realloc(ctx, s->actor_name, nc * sizeof *an);
    if (!an)
        return -1;
    s->actor_name = an;
    char **ad = brink_realloc(ctx, s->actor_desc, nc * sizeof *ad);
    if (!ad)
        return -1;
    s->actor_desc = ad;
    double *c = brink_realloc(ctx, s->cap, nc * sizeof *c);
    if (!c)
        return -1;
    s->cap = c;
    double *p = brink_realloc(ctx, s->pos, nc * s->d * sizeof *p);
    if (!p)
        return -1;
    s->pos = p;
    double *q = brink_realloc(ctx, s->sal, nc * s->d * sizeof *q);
    if (!q)
        return -1;
    s->sal = q;
    int *l = brink_realloc(ctx, s->loc, nc * 2 * sizeof *l);
    if (!l)
        return -1;
    s->loc = l;
    if (s->unc) {
        double *u = brink_realloc(ctx, s->unc, nc * 3 * sizeof *u);
        if (!u)
            return -1;
        s->unc = u;
    }
    s->cap_n = nc;
    return 0;
}

/* Is s well-formed UTF-8 (no overlong forms, surrogates or code points
 * beyond U+10FFFF)? */
static int utf8_valid(const char *str)
{
    const unsigned char *p = (const unsigned char *)str;
    while (*p) {
        unsigned c = *p;
        size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                 : (c & 0xF8) == 0xF0 ? 3 : 9;
        if (k == 9 || (k == 1 && c < 0xC2))
            return 0;
        unsigned cp = k == 0 ? c : c & (0x3Fu >> k);
        for (size_t i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        p += k + 1;
    }
    return 1;
}

brink_status_t brink_fc_scenario_add_actor(brink_fc_scenario_t *s, const char *name,
                                           const char *desc, double cap, const double *pos,
                                           const double *sal)
{
    if (!s || !name || !pos || !sal)
        return BRINK_EINVAL;
    brink_ctx_t *ctx = s->ctx;
    if (!utf8_valid(name) || (desc && !utf8_valid(desc)))
        return brink_ctx_error(ctx, BRINK_EVALIDATE,
                               "actor %zu: the %s is not valid UTF-8", s->n + 1,
                               utf8_valid(name) ? "description" : "name");
    if (s->n >= BRINK_FC_MAX_ACTORS)
        return brink_ctx_error(ctx, BRINK_ELIMIT, "more than %d actors", BRINK_FC_MAX_ACTORS);
    if (!(cap >= 0.0 && cap <= 1e8))
        return brink_ctx_error(ctx, BRINK_ERANGE, "actor '%s': capability %g is not in [0, 1e8]",
                               name, cap);
    double tot = 0.0;
    for (size_t d = 0; d < s->d; d++) {
        if (!(pos[d] >= 0.0 && pos[d] <= 100.0))
            return brink_ctx_error(ctx, BRINK_ERANGE,
                                   "actor '%s': position %g on dimension %zu is not in [0, 100]",
                                   name, pos[d], d + 1);
        if (!(sal[d] >= 0.0 && sal[d] <= 100.0))
            return brink_ctx_error(ctx, BRINK_ERANGE,
                                   "actor '%s': salience %g on dimension %zu is not in [0, 100]",
                                   name, sal[d], d + 1);
        tot += sal[d];
    }
    if (tot > 100.0)
        return brink_ctx_error(ctx, BRINK_ERANGE, "actor '%s': saliences sum to %g, more than 100",
                               name, tot);
    if (s->n == s->cap_n && grow(s) != 0)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    size_t i = s->n;
    s->actor_name[i] = brink_strdup(ctx, name);
    s->actor_desc[i] = brink_strdup(ctx, desc ? desc : "");
    if (!s->actor_name[i] || !s->actor_desc[i]) {
        brink_free(ctx, s->actor_name[i]);
        brink_free(ctx, s->actor_desc[i]);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    s->cap[i] = cap;
    s->loc[2 * i] = s->loc[2 * i + 1] = 0;
    memcpy(s->pos + i * s->d, pos, s->d * sizeof *pos);
    memcpy(s->sal + i * s->d, sal, s->d * sizeof *sal);
    if (s->unc)
        s->unc[3 * i] = s->unc[3 * i + 1] = s->unc[3 * i + 2] = -1.0;
    s->n++;
    return BRINK_OK;
}

size_t brink_fc_scenario_actors(const brink_fc_scenario_t *s) { return s ? s->n : 0; }
size_t brink_fc_scenario_dims(const brink_fc_scenario_t *s) { return s ? s->d : 0; }
const char *brink_fc_scenario_name(const brink_fc_scenario_t *s) { return s->name; }
const char *brink_fc_scenario_desc(const brink_fc_scenario_t *s) { return s->desc; }
const char *brink_fc_actor_name(const brink_fc_scenario_t *s, size_t i) { return s->actor_name[i]; }
const char *brink_fc_actor_desc(const brink_fc_scenario_t *s, size_t i) { return s->actor_desc[i]; }
const char *brink_fc_dim_name(const brink_fc_scenario_t *s, size_t d) { return s->dim_name[d]; }
double brink_fc_actor_cap(const brink_fc_scenario_t *s, size_t i) { return s->cap[i]; }
double brink_fc_actor_pos(const brink_fc_scenario_t *s, size_t i, size_t d)
{
    return s->pos[i * s->d + d];
}
double brink_fc_actor_sal(const brink_fc_scenario_t *s, size_t i, size_t d)
{
    return s->sal[i * s->d + d];
}

void brink_fc_actor_set(brink_fc_scenario_t *s, size_t i, double cap, const double *pos,
                        const double *sal)
{
    s->cap[i] = cap;
    if (pos)
        memcpy(s->pos + i * s->d, pos, s->d * sizeof *pos);
    if (sal)
        memcpy(s->sal + i * s->d, sal, s->d * sizeof *sal);
}

brink_fc_scenario_t *brink_fc_scenario_subset(const brink_fc_scenario_t *s, const int *keep)
{
    if (!s)
        return NULL;
    brink_fc_scenario_t *c = brink_fc_scenario_new(s->ctx, s->name, s->desc, s->d,
                                                   (const char *const *)s->dim_name);
    if (!c)
        return NULL;
    size_t kept = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (keep && !keep[i])
            continue;
        /* bypass validation: copy as is */
        if (c->n == c->cap_n && grow(c) != 0)
            goto fail;
        size_t k = c->n;
        c->actor_name[k] = brink_strdup(s->ctx, s->actor_name[i]);
        c->actor_desc[k] = brink_strdup(s->ctx, s->actor_desc[i]);
        if (!c->actor_name[k] || !c->actor_desc[k]) {
            brink_free(s->ctx, c->actor_name[k]);
            brink_free(s->ctx, c->actor_desc[k]);
            goto fail;
        }
        c->cap[k] = s->cap[i];
        c->loc[2 * k] = s->loc[2 * i];
        c->loc[2 * k + 1] = s->loc[2 * i + 1];
        memcpy(c->pos + k * s->d, s->pos + i * s->d, s->d * sizeof(double));
        memcpy(c->sal + k * s->d, s->sal + i * s->d, s->d * sizeof(double));
        c->n++;
        kept++;
    }
    if (kept < 2 || (s->src && fc_scenario_set_source(c, s->src) != BRINK_OK))
        goto fail;
    if (s->unc) {
        size_t a = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (keep && !keep[i])
                continue;
            if (brink_fc_scenario_set_uncertainty(c, a, s->unc[3 * i], s->unc[3 * i + 1],
                                                  s->unc[3 * i + 2]) != BRINK_OK)
                goto fail;
            a++;
        }
    }
    c->has_params = s->has_params;
    memcpy(c->params, s->params, sizeof c->params);
    c->has_seed = s->has_seed;
    c->seed = s->seed;
    if (s->accom) {
        c->accom = brink_calloc(s->ctx, kept * kept, sizeof(double));
        if (!c->accom)
            goto fail;
        size_t a = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (keep && !keep[i])
                continue;
            size_t b = 0;
            for (size_t j = 0; j < s->n; j++) {
                if (keep && !keep[j])
                    continue;
                c->accom[a * kept + b] = s->accom[i * s->n + j];
                b++;
            }
            a++;
        }
    }
    return c;
fail:
    brink_fc_scenario_free(c);
    return NULL;
}

brink_fc_scenario_t *brink_fc_scenario_copy(const brink_fc_scenario_t *s)
{
    return brink_fc_scenario_subset(s, NULL);
}

brink_status_t brink_fc_scenario_set_accommodation(brink_fc_scenario_t *s, size_t i, size_t j,
                                                   double a)
{
    if (!s || i >= s->n || j >= s->n)
        return BRINK_EINVAL;
    if (!(a >= 0.0 && a <= 1.0))
        return brink_ctx_error(s->ctx, BRINK_ERANGE, "accommodation %g is not in [0, 1]", a);
    if (!s->accom) {
        s->accom = brink_calloc(s->ctx, s->n * s->n, sizeof(double));
        if (!s->accom)
            return brink_ctx_error(s->ctx, BRINK_ENOMEM, "out of memory");
        for (size_t k = 0; k < s->n; k++)
            s->accom[k * s->n + k] = 1.0;
    }
    s->accom[i * s->n + j] = a;
    return BRINK_OK;
}

int brink_fc_scenario_apply_options(const brink_fc_scenario_t *s, brink_smp_options_t *o)
{
    if (!s || !o)
        return 0;
    if (s->has_params)
        fc_options_from_array(o, s->params);
    if (s->has_seed)
        o->seed = s->seed;
    return s->has_params || s->has_seed;
}

brink_status_t brink_fc_scenario_set_uncertainty(brink_fc_scenario_t *s, size_t i, double pos_sd,
                                                 double sal_sd, double cap_cv)
{
    if (!s || i >= s->n)
        return BRINK_EINVAL;
    if (!s->unc) {
        /* sized like the other per-actor arrays, so that actors added later fit */
        s->unc = brink_malloc(s->ctx, s->cap_n * 3 * sizeof(double));
        if (!s->unc)
            return brink_ctx_error(s->ctx, BRINK_ENOMEM, "out of memory");
        for (size_t k = 0; k < 3 * s->cap_n; k++)
            s->unc[k] = -1.0;
    }
    s->unc[3 * i] = pos_sd;
    s->unc[3 * i + 1] = sal_sd;
    s->unc[3 * i + 2] = cap_cv;
    return BRINK_OK;
}

int brink_fc_scenario_uncertainty(const brink_fc_scenario_t *s, size_t i, double *pos_sd,
                                  double *sal_sd, double *cap_cv)
{
    if (!s || !s->unc || i >= s->n)
        return 0;
    *pos_sd = s->unc[3 * i];
    *sal_sd = s->unc[3 * i + 1];
    *cap_cv = s->unc[3 * i + 2];
    return 1;
}

brink_status_t fc_scenario_set_source(brink_fc_scenario_t *s, const char *file)
{
    char *c = brink_strdup(s->ctx, file);
    if (!c)
        return BRINK_ENOMEM;
    brink_free(s->ctx, s->src);
    s->src = c;
    return BRINK_OK;
}

void fc_scenario_locate(brink_fc_scenario_t *s, size_t i, int line, int column)
{
    if (i < s->n) {
        s->loc[2 * i] = line;
        s->loc[2 * i + 1] = column;
    }
}
