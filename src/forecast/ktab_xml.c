/*
 * ktab_xml.c - KTAB's SMP XML input (smpSchema.xsd; SMPModel::xmlRead,
 * smpread.cpp:261-587), with KTAB's defects fixed: IdealAdjustment is
 * optional, as the schema says, and the schema's value names Proportional
 * and No are accepted beside the code's Prop and None.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"
#include "forecast/xml.h"

typedef struct xr {
    brink_ctx_t *ctx;
    const char *file;
    brink_diags_t *diags;
    brink_status_t st;
} xr_t;

static void xerr(xr_t *r, const xml_el_t *at, const char *fmt, const char *a, const char *b)
{
    char msg[600];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    if (brink_diags_add(r->ctx, r->diags, r->file, at ? at->line : 1, at ? at->column : 1, "",
                        "%s", msg) != BRINK_OK)
        r->st = BRINK_ENOMEM;
    else if (r->st == BRINK_OK)
        r->st = BRINK_EVALIDATE;
}

static const xml_el_t *need(xr_t *r, const xml_el_t *par, const char *name)
{
    const xml_el_t *e = xml_child(par, name, NULL);
    if (!e)
        xerr(r, par, "<%s> needs a <%s> element", par->name, name);
    return e;
}

/* The elements KTAB's schema lets repeat (maxOccurs unbounded); any other
 * element appears at most once in its parent. */
static int repeatable(const char *name)
{
    static const char *const rep[] = {"dName", "Actor", "dCoord", "dSal", "iaPair", NULL};
    for (size_t k = 0; rep[k]; k++)
        if (strcmp(name, rep[k]) == 0)
            return 1;
    return 0;
}

/* Every child of el must be one of the NULL-terminated names (KTAB's schema
 * has no other element; KTAB itself silently ignores unknown ones), and a
 * child that is not repeatable must not appear twice (KTAB would read the
 * first and ignore the second). */
static void known_children(xr_t *r, const xml_el_t *el, const char *const *names)
{
    for (size_t i = 0; el && i < el->nkids; i++) {
        int ok = 0;
        for (size_t k = 0; names[k] && !ok; k++)
            ok = strcmp(el->kids[i]->name, names[k]) == 0;
        if (ok) {
            const xml_el_t *e = el->kids[i];
            for (size_t j = 0; j < i && !repeatable(e->name); j++)
                if (strcmp(el->kids[j]->name, e->name) == 0) {
                    char what[200];
                    snprintf(what, sizeof what, "<%s> appears twice in <%s>", e->name, el->name);
                    char first[64];
                    snprintf(first, sizeof first, " (first at line %d, column %d)",
                             el->kids[j]->line, el->kids[j]->column);
                    xerr(r, e, "%s%s", what, first);
                    break;
                }
            continue;
        }
        char list[256] = "";
        for (size_t k = 0; names[k]; k++) {
            size_t l = strlen(list);
            snprintf(list + l, sizeof list - l, "%s%s", k ? ", " : "", names[k]);
        }
        char what[160];
        snprintf(what, sizeof what, "unknown element <%s> in <%s>", el->kids[i]->name, el->name);
        xerr(r, el->kids[i], "%s (expected %s)", what, list);
    }
}

static int num(xr_t *r, const xml_el_t *e, double lo, double hi, double *out)
{
    double v = 0;
    if (brink_parse_decimal(e->text, strlen(e->text), &v) != 0) {
        xerr(r, e, "<%s> must hold a number, found '%s'", e->name, e->text);
        return -1;
    }
    if (!(v >= lo && v <= hi)) {
        char rng[64];
        snprintf(rng, sizeof rng, "[%g, %g]", lo, hi);
        xerr(r, e, "<%s> must be in %s", e->name, rng);
        return -1;
    }
    *out = v;
    return 0;
}

brink_status_t brink_fc_read_ktab_xml(brink_ctx_t *ctx, const char *path,
                                      brink_fc_scenario_t **out, brink_diags_t *diags)
{
    if (!ctx || !path || !out)
        return BRINK_EINVAL;
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    brink_status_t st = fc_read_file(ctx, path, &buf, &len, diags);
    if (st == BRINK_OK)
        st = brink_fc_parse_ktab_xml(ctx, path, buf ? buf : "", len, out, diags);
    brink_free(ctx, buf);
    return st;
}

brink_status_t brink_fc_parse_ktab_xml(brink_ctx_t *ctx, const char *path, const char *buf,
                                       size_t len, brink_fc_scenario_t **out,
                                       brink_diags_t *diags)
{
    if (!ctx || !path || !buf || !out)
        return BRINK_EINVAL;
    *out = NULL;
    xml_el_t *root = NULL;
    brink_fc_scenario_t *s = NULL;
    const char **dn = NULL;
    double *pos = NULL, *sal = NULL;
    xr_t r = {ctx, path, diags, BRINK_OK};
    brink_status_t st = xml_parse(ctx, path, buf, len, &root, diags);
    if (st != BRINK_OK)
        goto done;
    if (strcmp(root->name, "Scenario") != 0) {
        xerr(&r, root, "the root element must be <Scenario>, found <%s>", root->name, NULL);
        goto done;
    }
    static const char *const scen_kids[] = {"name", "desc", "prngSeed", "ModelParameters",
                                            "Dimensions", "Actors", "IdealAdjustment", NULL};
    static const char *const actor_kids[] = {"name", "description", "capability", "Position",
                                             "Salience", NULL};
    static const char *const pos_kids[] = {"dCoord", NULL}, *const sal_kids[] = {"dSal", NULL};
    static const char *const dim_kids[] = {"dName", NULL}, *const acts_kids[] = {"Actor", NULL};
    static const char *const ia_kids[] = {"iaPair", NULL};
    static const char *const pair_kids[] = {"adjustingIdeal", "referencePos", "adjust", NULL};
    known_children(&r, root, scen_kids);
    const xml_el_t *nm = need(&r, root, "name"), *ds = need(&r, root, "desc");
    const xml_el_t *sd = need(&r, root, "prngSeed");
    const xml_el_t *dims = need(&r, root, "Dimensions"), *acts = need(&r, root, "Actors");
    if (r.st != BRINK_OK)
        goto done;
    uint64_t seed = 0;
    {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(sd->text, &end, 10);
        if (!sd->text[0] || *end || errno == ERANGE || sd->text[0] == '-')
            xerr(&r, sd, "<prngSeed> must be an unsigned 64-bit integer, found '%s'", sd->text, NULL);
        seed = (uint64_t)v;
    }
    int params[FC_NPARAMS] = {0}, has_params = 0;
    const xml_el_t *mp = xml_child(root, "ModelParameters", NULL);
    if (mp) {
        /* all nine are required when the element is present (as KTAB) */
        const char *const *names = brink_smp_option_names();
        const char *mp_kids[FC_NPARAMS + 1];
        for (int k = 0; k < FC_NPARAMS; k++)
            mp_kids[k] = names[k];
        mp_kids[FC_NPARAMS] = NULL;
        known_children(&r, mp, mp_kids);
        brink_smp_options_t o;
        brink_smp_options_default(&o);
        has_params = 1;
        for (int k = 0; k < FC_NPARAMS; k++) {
            const xml_el_t *e = need(&r, mp, names[k]);
            if (e && brink_smp_option_set(ctx, &o, names[k], e->text) != BRINK_OK)
                xerr(&r, e, "%s", brink_ctx_errmsg(ctx), NULL);
        }
        fc_options_to_array(&o, params);
    }
    known_children(&r, dims, dim_kids);
    known_children(&r, acts, acts_kids);
    size_t nd = 0, from = 0;
    while (xml_child(dims, "dName", &from))
        nd++;
    if (nd < 1 || nd > BRINK_FC_MAX_DIMS) {
        xerr(&r, dims, "<Dimensions> needs 1 to 64 <dName> elements%s", NULL, NULL);
        goto done;
    }
    dn = brink_calloc(ctx, nd, sizeof *dn);
    pos = brink_malloc(ctx, nd * sizeof *pos);
    sal = brink_malloc(ctx, nd * sizeof *sal);
    if (!dn || !pos || !sal) {
        st = BRINK_ENOMEM;
        goto done;
    }
    from = 0;
    for (size_t d = 0; d < nd; d++) {
        const xml_el_t *e = xml_child(dims, "dName", &from);
        if (!e->text[0])
            xerr(&r, e, "<dName> is empty%s", NULL, NULL);
        dn[d] = e->text;
    }
    if (r.st != BRINK_OK)
        goto done;
    s = brink_fc_scenario_new(ctx, nm->text, ds->text, nd, dn);
    if (!s || fc_scenario_set_source(s, path) != BRINK_OK) {
        st = BRINK_ENOMEM;
        goto done;
    }
    from = 0;
    const xml_el_t *a;
    while ((a = xml_child(acts, "Actor", &from))) {
        const xml_el_t *an = need(&r, a, "name"), *ad = need(&r, a, "description");
        const xml_el_t *ac = need(&r, a, "capability"), *ap = need(&r, a, "Position");
        const xml_el_t *as = need(&r, a, "Salience");
        known_children(&r, a, actor_kids);
        if (!an || !ad || !ac || !ap || !as)
            continue;
        known_children(&r, ap, pos_kids);
        known_children(&r, as, sal_kids);
        double cap = 0;
        if (num(&r, ac, 0, 1e8, &cap) != 0)
            continue;
        if (!(cap > 0)) {
            xerr(&r, ac, "<capability> must be positive%s", NULL, NULL);
            continue;
        }
        if (!an->text[0] || strlen(an->text) > 25) {
            xerr(&r, an, "actor name must have 1 to 25 characters, found '%s'", an->text, NULL);
            continue;
        }
        size_t f2 = 0, k = 0, f3 = 0, k2 = 0;
        const xml_el_t *c;
        int bad = 0;
        while ((c = xml_child(ap, "dCoord", &f2))) {
            if (k < nd && num(&r, c, 0, 100, &pos[k]) != 0)
                bad = 1;
            k++;
        }
        while ((c = xml_child(as, "dSal", &f3))) {
            if (k2 < nd && num(&r, c, 0, 100, &sal[k2]) != 0)
                bad = 1;
            k2++;
        }
        if (bad)
            continue;
        if (k != nd || k2 != nd) {
            char cnt[64];
            snprintf(cnt, sizeof cnt, "%zu", nd);
            xerr(&r, a, "actor '%s' needs %s <dCoord> and <dSal> elements", an->text, cnt);
            continue;
        }
        if (brink_fc_scenario_add_actor(s, an->text, ad->text, cap, pos, sal) != BRINK_OK)
            xerr(&r, a, "%s", brink_ctx_errmsg(ctx), NULL);
        else
            fc_scenario_locate(s, s->n - 1, ac->line, ac->column);
    }
    if (r.st != BRINK_OK)
        goto done;
    if (s->n < 3 || s->n > BRINK_FC_MAX_ACTORS) {
        xerr(&r, acts, "<Actors> needs 3 to 2000 <Actor> elements%s", NULL, NULL);
        goto done;
    }
    const xml_el_t *ia = xml_child(root, "IdealAdjustment", NULL);
    unsigned char *seen = NULL; /* n*n: pairs given */
    known_children(&r, ia, ia_kids);
    from = 0;
    const xml_el_t *pr;
    while (ia && (pr = xml_child(ia, "iaPair", &from))) {
        const xml_el_t *ai = need(&r, pr, "adjustingIdeal"), *rp = need(&r, pr, "referencePos");
        const xml_el_t *aj = need(&r, pr, "adjust");
        known_children(&r, pr, pair_kids);
        if (!ai || !rp || !aj)
            continue;
        size_t x = s->n, y = s->n;
        for (size_t i = 0; i < s->n; i++) {
            if (strcmp(s->actor_name[i], ai->text) == 0 && x == s->n)
                x = i;
            if (strcmp(s->actor_name[i], rp->text) == 0 && y == s->n)
                y = i;
        }
        if (x == s->n) {
            xerr(&r, ai, "unknown actor '%s'", ai->text, NULL);
            continue;
        }
        if (y == s->n) {
            xerr(&r, rp, "unknown actor '%s'", rp->text, NULL);
            continue;
        }
        double v;
        if (num(&r, aj, 0, 1, &v) != 0)
            continue;
        /* a pair given twice: KTAB would keep the last silently */
        if (!seen && !(seen = brink_calloc(ctx, s->n * s->n, 1))) {
            st = BRINK_ENOMEM;
            break;
        }
        if (seen[x * s->n + y]) {
            xerr(&r, pr, "the pair ('%s', '%s') is given twice", ai->text, rp->text);
            continue;
        }
        seen[x * s->n + y] = 1;
        if (brink_fc_scenario_set_accommodation(s, x, y, v) != BRINK_OK)
            st = BRINK_ENOMEM;
    }
    brink_free(ctx, seen);
    if (s->accom)
        for (size_t i = 0; i < s->n; i++) {
            double sum = 0;
            for (size_t j = 0; j < s->n; j++)
                sum += s->accom[i * s->n + j];
            if (sum > 1.0 + 1e-10)
                xerr(&r, ia, "the adjustments of actor '%s' sum to more than 1", s->actor_name[i], NULL);
        }
    s->has_params = has_params;
    memcpy(s->params, params, sizeof params);
    s->has_seed = 1;
    s->seed = seed;
done:
    if (st == BRINK_OK)
        st = r.st;
    xml_free(ctx, root);
    brink_free(ctx, dn);
    brink_free(ctx, pos);
    brink_free(ctx, sal);
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
