/* scenario.c - loading a scenario: parse, override, resolve actors, decode,
 * check the rules that span fields. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/scenario.h"
#include "scenario/override.h"
#include "scenario/scenario_check.h"
#include "scenario/scenario_internal.h"
#include "scenario/scenario_schema.h"

static void ids_free(brink_scenario_t *sc)
{
    brink_free(sc->ctx, sc->ids);
    sc->ids = NULL;
    sc->nids = 0;
}

void brink_scenario_free(brink_scenario_t *sc)
{
    if (!sc)
        return;
    schema_free(sc->ctx, &scenario_schema, &sc->sc);
    ids_free(sc);
    brink_free(sc->ctx, sc);
}

const char *brink_scenario_name(const brink_scenario_t *sc)
{
    return sc && sc->sc.name ? sc->sc.name : "";
}

const sc_scenario_t *scenario_data(const brink_scenario_t *sc)
{
    return &sc->sc;
}

sc_scenario_t *scenario_data_mut(brink_scenario_t *sc)
{
    return &sc->sc;
}

/* Collects the actor ids (borrowed from the document) and reports
 * duplicates.  Missing or non-string ids are left to the schema. */
static brink_status_t collect_ids(brink_ctx_t *ctx, const doc_t *doc, const char ***ids,
                                  size_t *nids, brink_diags_t *diags, int *problems)
{
    *ids = NULL;
    *nids = 0;
    const doc_node_t *actors = doc_map_get(doc->root, "actors");
    if (!actors || actors->type != DOC_SEQ || actors->count == 0)
        return BRINK_OK;
    const char **v = brink_calloc(ctx, actors->count, sizeof *v);
    const doc_node_t **at = brink_calloc(ctx, actors->count, sizeof *at);
    if (!v || !at) {
        brink_free(ctx, v);
        brink_free(ctx, at);
        return BRINK_ENOMEM;
    }
    size_t n = 0;
    brink_status_t st = BRINK_OK;
    for (size_t i = 0; i < actors->count && st == BRINK_OK; i++) {
        const doc_node_t *id = doc_map_get(actors->items[i], "id");
        if (!id || id->type != DOC_SCALAR || id->len == 0)
            continue;
        for (size_t j = 0; j < n; j++) {
            if (strcmp(v[j], id->text) == 0) {
                char path[64];
                snprintf(path, sizeof path, "actors[%zu].id", i);
                st = brink_diags_add(ctx, diags, doc_node_file(doc, id), id->line, id->column,
                                     path, "%s: duplicate actor '%s' (first defined at line %d)",
                                     path, id->text, at[j]->line);
                (*problems)++;
                goto next;
            }
        }
        at[n] = id;
        v[n++] = id->text;
    next:;
    }
    brink_free(ctx, at);
    *ids = v;
    *nids = n;
    return st;
}

static brink_status_t load_doc(brink_ctx_t *ctx, doc_t *doc, const char *const *sets,
                               size_t nsets, brink_scenario_t **out, brink_diags_t *diags)
{
    brink_status_t st = BRINK_OK;
    int problems = 0;
    const char **ids = NULL;
    size_t nids = 0;
    brink_scenario_t *sc = NULL;

    for (size_t i = 0; i < nsets; i++) {
        brink_status_t s2 = override_apply(ctx, doc, sets[i], diags);
        if (s2 == BRINK_ENOMEM) {
            st = s2;
            goto cleanup;
        }
        if (s2 != BRINK_OK)
            problems++;
    }
    if (problems) {
        st = BRINK_EVALIDATE;
        goto cleanup;
    }
    st = collect_ids(ctx, doc, &ids, &nids, diags, &problems);
    if (st != BRINK_OK)
        goto cleanup;
    sc = brink_calloc(ctx, 1, sizeof *sc);
    if (!sc) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    sc->ctx = ctx;
    schema_refs_t refs = {ids, nids, "actor"};
    st = schema_decode(ctx, doc, doc->root, &scenario_schema, &sc->sc, "", &refs, diags);
    if (st == BRINK_OK && problems)
        st = BRINK_EVALIDATE;
    if (st == BRINK_OK)
        st = scenario_check(ctx, doc, &sc->sc, diags);
    if (st != BRINK_OK)
        goto cleanup;
    /* keep owned copies of the ids (the strings live in sc->sc.actors) */
    sc->ids = brink_calloc(ctx, sc->sc.nactors ? sc->sc.nactors : 1, sizeof *sc->ids);
    if (!sc->ids) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < sc->sc.nactors; i++)
        sc->ids[i] = sc->sc.actors[i].id;
    sc->nids = sc->sc.nactors;
    *out = sc;
    sc = NULL;
cleanup:
    brink_free(ctx, ids);
    brink_scenario_free(sc);
    return st;
}

brink_status_t brink_scenario_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                          size_t len, const char *const *sets, size_t nsets,
                                          brink_scenario_t **out, brink_diags_t *diags)
{
    *out = NULL;
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_string(ctx, name, text, len, &doc, diags);
    if (st == BRINK_OK)
        st = load_doc(ctx, doc, sets, nsets, out, diags);
    doc_free(doc);
    if (st != BRINK_OK && st != BRINK_ENOMEM)
        brink_ctx_error(ctx, st, "%s: %s", name, brink_strerror(st));
    return st;
}

brink_status_t brink_scenario_load(brink_ctx_t *ctx, const char *path, const char *const *sets,
                                   size_t nsets, brink_scenario_t **out, brink_diags_t *diags)
{
    *out = NULL;
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_file(ctx, path, &doc, diags);
    if (st == BRINK_OK)
        st = load_doc(ctx, doc, sets, nsets, out, diags);
    doc_free(doc);
    if (st != BRINK_OK && st != BRINK_ENOMEM)
        brink_ctx_error(ctx, st, "%s: %s", path, brink_strerror(st));
    return st;
}

brink_status_t brink_scenario_write_json(const brink_scenario_t *sc, FILE *fp)
{
    schema_refs_t refs = {(const char *const *)sc->ids, sc->nids, "actor"};
    json_t *j = schema_encode(&scenario_schema, &sc->sc, &refs);
    if (!j)
        return BRINK_ENOMEM;
    int rc = json_dumpf(j, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(j);
    if (rc != 0 || fputc('\n', fp) == EOF)
        return BRINK_EIO;
    return BRINK_OK;
}

brink_status_t brink_scenario_clone(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                    brink_scenario_t **out)
{
    char *buf = NULL;
    size_t len = 0;
    *out = NULL;
    FILE *fp = open_memstream(&buf, &len);
    if (!fp)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory copying a scenario");
    brink_status_t st = brink_scenario_write_json(sc, fp);
    if (fclose(fp) != 0 && st == BRINK_OK)
        st = BRINK_ENOMEM;
    if (st != BRINK_OK) {
        free(buf);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory copying a scenario");
    }
    brink_diags_t diags;
    brink_diags_init(&diags);
    st = brink_scenario_load_string(ctx, "copy.json", buf, len, NULL, 0, out, &diags);
    brink_diags_clear(ctx, &diags);
    free(buf);
    return st;
}

brink_status_t brink_scenario_set_number(brink_ctx_t *ctx, brink_scenario_t *sc,
                                         const char *path, double value)
{
    const schema_field_t *f;
    void *addr;
    char why[256];
    if (schema_lookup(&scenario_schema, &sc->sc, path, &f, &addr, why, sizeof why) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s", why);
    if (f->kind != SK_NUM && f->kind != SK_NUMLIST && f->kind != SK_INT)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "'%s' is not a number", path);
    if (!isfinite(value) || value < f->min || value > f->max)
        return brink_ctx_error(ctx, BRINK_ERANGE, "%s: %g is out of range; expected [%g, %g]",
                               path, value, f->min, f->max);
    if (f->kind == SK_INT) {
        if (value != floor(value))
            return brink_ctx_error(ctx, BRINK_ERANGE, "%s: %g is not a whole number", path, value);
        *(int *)addr = (int)value;
    } else {
        *(double *)addr = value;
    }
    return BRINK_OK;
}

brink_status_t brink_scenario_get_number(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                         const char *path, double *value)
{
    const schema_field_t *f;
    void *addr;
    char why[256];
    if (schema_lookup(&scenario_schema, (void *)(uintptr_t)&sc->sc, path, &f, &addr, why,
                      sizeof why) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s", why);
    if (f->kind == SK_NUM || f->kind == SK_NUMLIST)
        *value = *(double *)addr;
    else if (f->kind == SK_INT)
        *value = *(int *)addr;
    else
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "'%s' is not a number", path);
    return BRINK_OK;
}

brink_status_t brink_scenario_same_field(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                         const char *a, const char *b, int *same)
{
    const schema_field_t *f;
    void *pa, *pb;
    char why[256];
    *same = 0;
    if (schema_lookup(&scenario_schema, (void *)(uintptr_t)&sc->sc, a, &f, &pa, why,
                      sizeof why) != BRINK_OK ||
        schema_lookup(&scenario_schema, (void *)(uintptr_t)&sc->sc, b, &f, &pb, why,
                      sizeof why) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s", why);
    *same = pa == pb;
    return BRINK_OK;
}

brink_status_t brink_scenario_number_whole(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                           const char *path, int *whole)
{
    const schema_field_t *f;
    void *addr;
    char why[256];
    *whole = 0;
    if (schema_lookup(&scenario_schema, (void *)(uintptr_t)&sc->sc, path, &f, &addr, why,
                      sizeof why) != BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s", why);
    if (f->kind != SK_NUM && f->kind != SK_NUMLIST && f->kind != SK_INT)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "'%s' is not a number", path);
    *whole = f->kind == SK_INT;
    return BRINK_OK;
}

brink_status_t brink_scenario_write_reference(FILE *fp)
{
    schema_write_markdown(&scenario_schema, fp);
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}
