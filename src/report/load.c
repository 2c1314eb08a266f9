/* load.c - finding the files of a result directory and building the payload. */
#include <string.h>
#include <stdlib.h>
#include <dirent.h>
#include <sys/stat.h>

#include "report/report_internal.h"

static brink_status_t read_if(brink_ctx_t *ctx, const char *dir, const char *name,
                              brink_status_t (*fn)(brink_ctx_t *, const char *, json_t *),
                              json_t *payload, json_t *files)
{
    char *p = rp_path(ctx, dir, name);
    if (!p)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    brink_status_t st = BRINK_OK;
    if (rp_exists(p)) {
        st = fn(ctx, p, payload);
        if (!st)
            json_array_append_new(files, json_string(name));
    }
    brink_free(ctx, p);
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The JSON files in DIR/analysis/ (brink analyze), in name order. */
static brink_status_t read_analysis_dir(brink_ctx_t *ctx, const char *dir, json_t *payload,
                                        json_t *files)
{
    char *sub = rp_path(ctx, dir, "analysis");
    if (!sub)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    brink_status_t st = BRINK_OK;
    char **names = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(sub);
    if (!d)
        goto cleanup; /* no analysis: no section */
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".json") != 0 || e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t c = cap ? cap * 2 : 8;
            char **p = brink_realloc(ctx, names, c * sizeof *p);
            if (!p) {
                st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
                goto cleanup;
            }
            names = p;
            cap = c;
        }
        if (!(names[n] = brink_strdup(ctx, e->d_name))) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto cleanup;
        }
        n++;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && !st; i++) {
        char *p = rp_path(ctx, sub, names[i]);
        if (!p) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            break;
        }
        if (rp_exists(p)) {
            st = rp_read_analysis(ctx, p, payload);
            if (!st) {
                char rel[300];
                snprintf(rel, sizeof rel, "analysis/%s", names[i]);
                json_array_append_new(files, json_string(rel));
            }
        }
        brink_free(ctx, p);
    }
cleanup:
    if (d)
        closedir(d);
    for (size_t i = 0; i < n; i++)
        brink_free(ctx, names[i]);
    brink_free(ctx, names);
    brink_free(ctx, sub);
    return st;
}

brink_status_t brink_report_load(brink_ctx_t *ctx, const char *dir, brink_report_t **out)
{
    brink_status_t st = BRINK_OK;
    brink_report_t *r = NULL;
    if (!ctx || !dir || !out)
        return BRINK_EINVAL;
    *out = NULL;
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s: expected a result directory", dir);
    r = brink_calloc(ctx, 1, sizeof *r);
    if (!r)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    r->ctx = ctx;
    r->dir = brink_strdup(ctx, dir);
    r->payload = json_object();
    json_t *files = json_array(), *prov = json_object();
    if (!r->dir || !r->payload || !files || !prov) {
        json_decref(files);
        json_decref(prov);
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto fail;
    }
    json_object_set_new(r->payload, "files", files);
    json_object_set_new(r->payload, "provenance", prov);
    if ((st = read_if(ctx, dir, "summary.json", rp_read_summary, r->payload, files)) ||
        (st = read_if(ctx, dir, "series.csv", rp_read_series, r->payload, files)) ||
        (st = read_if(ctx, dir, "events.csv", rp_read_events, r->payload, files)) ||
        (st = read_if(ctx, dir, "analysis.json", rp_read_analysis, r->payload, files)) ||
        (st = read_analysis_dir(ctx, dir, r->payload, files)) ||
        (st = read_if(ctx, dir, "results.sqlite", rp_read_sweep_db, r->payload, files)) ||
        (st = read_if(ctx, dir, "sweep.db", rp_read_sweep_db, r->payload, files)) ||
        (st = read_if(ctx, dir, "backtest.json", rp_read_backtest, r->payload, files)) ||
        (st = read_if(ctx, dir, "forecast.json", rp_read_forecast, r->payload, files)) ||
        (st = read_if(ctx, dir, "rolling.json", rp_read_rolling, r->payload, files)))
        goto fail;
    if (json_array_size(files) == 0) {
        st = brink_ctx_error(ctx, BRINK_ENOTFOUND,
                             "%s: expected a result directory of brink, with at least one of "
                             "summary.json, series.csv, events.csv, analysis/*.json, "
                             "results.sqlite, backtest.json, forecast.json, rolling.json",
                             dir);
        goto fail;
    }
    /* the kind of directory, for the heading */
    const char *kind = "run";
    json_t *runs = json_object_get(r->payload, "runs");
    json_t *series = json_object_get(r->payload, "series");
    int bands = 0;
    if (series) {
        json_t *v0 = json_array_get(json_object_get(series, "vars"), 0);
        bands = v0 && strcmp(json_string_value(json_object_get(v0, "kind")), "bands") == 0;
    }
    if ((runs && json_integer_value(runs) > 1) || bands)
        kind = "ensemble";
    if (json_object_get(r->payload, "sensitivity") || json_object_get(r->payload, "sweep"))
        kind = "sweep";
    else if (json_object_get(r->payload, "backtest") || json_object_get(r->payload, "rolling"))
        kind = "backtest";
    else if (json_object_get(r->payload, "forecast") && !json_object_get(r->payload, "outcomes"))
        kind = "forecast";
    json_object_set_new(r->payload, "kind", json_string(kind));
    *out = r;
    return BRINK_OK;
fail:
    brink_report_free(r);
    return st;
}

void brink_report_free(brink_report_t *r)
{
    if (!r)
        return;
    brink_ctx_t *ctx = r->ctx;
    for (size_t i = 0; i < r->nfig; i++) {
        brink_free(ctx, r->figs[i].name);
        brink_free(ctx, r->figs[i].section);
        brink_free(ctx, r->figs[i].title);
        brink_free(ctx, r->figs[i].svg);
    }
    brink_free(ctx, r->figs);
    json_decref(r->payload);
    brink_free(ctx, r->dir);
    brink_free(ctx, r->title);
    brink_free(ctx, r->command);
    brink_free(ctx, r);
}

static brink_status_t set_str(brink_report_t *r, char **dst, const char *s)
{
    char *c = brink_strdup(r->ctx, s);
    if (s && !c)
        return brink_ctx_error(r->ctx, BRINK_ENOMEM, "out of memory");
    brink_free(r->ctx, *dst);
    *dst = c;
    return BRINK_OK;
}

brink_status_t brink_report_set_title(brink_report_t *r, const char *title)
{
    return r ? set_str(r, &r->title, title) : BRINK_EINVAL;
}

brink_status_t brink_report_set_command(brink_report_t *r, const char *command)
{
    return r ? set_str(r, &r->command, command) : BRINK_EINVAL;
}

char *brink_report_payload_json(brink_ctx_t *ctx, const brink_report_t *r)
{
    if (!ctx || !r)
        return NULL;
    char *txt = json_dumps(r->payload, JSON_SORT_KEYS | JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    char *out = txt ? brink_strdup(ctx, txt) : NULL;
    free(txt);
    if (!out)
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return out;
}

size_t brink_report_figure_count(const brink_report_t *r)
{
    return r ? r->nfig : 0;
}

brink_status_t brink_report_figure(const brink_report_t *r, size_t i, const char **name,
                                   const char **svg)
{
    if (!r || i >= r->nfig)
        return BRINK_EINVAL;
    if (name)
        *name = r->figs[i].name;
    if (svg)
        *svg = r->figs[i].svg;
    return BRINK_OK;
}

brink_status_t rp_add_figure(brink_report_t *r, const char *name, const char *section,
                             const char *title, char *svg)
{
    brink_ctx_t *ctx = r->ctx;
    if (r->nfig == r->capfig) {
        size_t n = r->capfig ? r->capfig * 2 : 16;
        rp_figure_t *f = brink_realloc(ctx, r->figs, n * sizeof *f);
        if (!f) {
            brink_free(ctx, svg);
            return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        }
        r->figs = f;
        r->capfig = n;
    }
    rp_figure_t *f = &r->figs[r->nfig];
    f->name = brink_strdup(ctx, name);
    /* a file stem and an XML id: letters, digits, '-', '_' and '.' only */
    for (char *c = f->name; c && *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '.'))
            *c = '_';
    f->section = brink_strdup(ctx, section);
    f->title = brink_strdup(ctx, title);
    f->svg = svg;
    r->nfig++;
    if (!f->name || !f->section || !f->title)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    return BRINK_OK;
}
