/* forecast.c - forecast.json of `brink forecast --out`: position histories
 * per dimension (SMP turns or BDM rounds), and the outcome distribution of
 * Monte Carlo forecasts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

static brink_status_t need_array(brink_ctx_t *ctx, const char *file, const json_t *v,
                                 const char *where, const char *what)
{
    if (json_is_array(v))
        return BRINK_OK;
    return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s: expected an array of %s, found %s", where,
                    what, rp_json_kind(v));
}

/* SMP: dimensions [names], actors [names], states [{positions: [[d...]...]}] */
static brink_status_t read_smp(brink_ctx_t *ctx, const char *file, const json_t *root, json_t *sec)
{
    json_t *dims = json_object_get(root, "dimensions"), *actors = json_object_get(root, "actors"),
           *states = json_object_get(root, "states");
    brink_status_t st;
    if ((st = need_array(ctx, file, actors, "actors", "actor names")) ||
        (st = need_array(ctx, file, states, "states", "turns")))
        return st;
    size_t na = json_array_size(actors), nd = json_array_size(dims), T = json_array_size(states);
    json_t *out = json_array();
    json_object_set_new(sec, "dimensions", out);
    for (size_t d = 0; d < nd; d++) {
        json_t *dn = json_array_get(dims, d);
        if (!json_is_string(dn))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "dimensions[%zu]: expected a name, found %s", d, rp_json_kind(dn));
        json_t *o = json_object(), *acts = json_array();
        json_object_set_new(o, "name", json_string(json_string_value(dn)));
        json_object_set_new(o, "actors", acts);
        json_array_append_new(out, o);
        for (size_t i = 0; i < na; i++) {
            json_t *an = json_array_get(actors, i);
            if (!json_is_string(an))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "actors[%zu]: expected a name, found %s", i, rp_json_kind(an));
            json_array_append_new(acts, json_pack("{s:s,s:[]}", "name", json_string_value(an),
                                                  "positions"));
        }
    }
    for (size_t t = 0; t < T; t++) {
        json_t *pos = json_object_get(json_array_get(states, t), "positions");
        if (!json_is_array(pos) || json_array_size(pos) != na)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "states[%zu].positions: expected an array of %zu actors' positions",
                            t, na);
        for (size_t i = 0; i < na; i++) {
            json_t *row = json_array_get(pos, i);
            if (!json_is_array(row) || json_array_size(row) != nd)
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "states[%zu].positions[%zu]: expected an array of %zu "
                                "position(s), one per dimension",
                                t, i, nd);
            for (size_t d = 0; d < nd; d++) {
                json_t *v = json_array_get(row, d);
                if (!json_is_number(v))
                    return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                    "states[%zu].positions[%zu][%zu]: expected a number, found %s",
                                    t, i, d, rp_json_kind(v));
                json_t *a = json_array_get(json_object_get(json_array_get(out, d), "actors"), i);
                json_array_append_new(json_object_get(a, "positions"),
                                      json_real(json_number_value(v)));
            }
        }
    }
    json_t *fc = json_object_get(root, "forecast");
    if (json_is_object(fc))
        json_object_set(sec, "forecast", fc);
    return BRINK_OK;
}

/* BDM: dimension NAME, rounds [{positions: [...], mean, median}] */
static brink_status_t read_bdm(brink_ctx_t *ctx, const char *file, const json_t *root, json_t *sec)
{
    json_t *rounds = json_object_get(root, "rounds");
    brink_status_t st = need_array(ctx, file, rounds, "rounds", "rounds");
    if (st)
        return st;
    const char *dn = json_string_value(json_object_get(root, "dimension"));
    json_t *acts = json_array(), *mean = json_array(), *med = json_array();
    json_t *o = json_pack("{s:s,s:o,s:o,s:o}", "name", dn ? dn : "position", "actors", acts,
                          "mean", mean, "median", med);
    json_object_set_new(sec, "dimensions", json_pack("[o]", o));
    size_t na = 0;
    for (size_t t = 0; t < json_array_size(rounds); t++) {
        json_t *rd = json_array_get(rounds, t), *pos = json_object_get(rd, "positions");
        if (!json_is_array(pos) || (t > 0 && json_array_size(pos) != na))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "rounds[%zu].positions: expected an array of every actor's position",
                            t);
        if (t == 0) {
            na = json_array_size(pos);
            for (size_t i = 0; i < na; i++) {
                char nm[32];
                snprintf(nm, sizeof nm, "actor %zu", i + 1);
                json_array_append_new(acts, json_pack("{s:s,s:[]}", "name", nm, "positions"));
            }
        }
        for (size_t i = 0; i < na; i++) {
            json_t *v = json_array_get(pos, i);
            if (!json_is_number(v))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "rounds[%zu].positions[%zu]: expected a number, found %s", t, i,
                                rp_json_kind(v));
            json_array_append_new(json_object_get(json_array_get(acts, i), "positions"),
                                  json_real(json_number_value(v)));
        }
        double m;
        if ((st = rp_get_num(ctx, file, rd, "rounds[]", "mean", 0, &m, NULL)))
            return st;
        json_array_append_new(mean, isfinite(m) ? json_real(m) : json_null());
        if ((st = rp_get_num(ctx, file, rd, "rounds[]", "median", 0, &m, NULL)))
            return st;
        json_array_append_new(med, isfinite(m) ? json_real(m) : json_null());
    }
    return BRINK_OK;
}

/* Monte Carlo and the closed-form models: dimensions [{name, ...numbers}] */
static brink_status_t read_table(brink_ctx_t *ctx, const char *file, const json_t *root,
                                 json_t *sec)
{
    json_t *dims = json_object_get(root, "dimensions"), *out = json_array();
    json_object_set_new(sec, "outcomes", out);
    size_t i;
    json_t *d;
    json_array_foreach(dims, i, d) {
        if (!json_is_object(d) || !json_is_string(json_object_get(d, "name")))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "dimensions[%zu]: expected an object with a 'name'", i);
        json_t *o = json_object();
        const char *k;
        json_t *v;
        json_object_foreach(d, k, v) {
            if (json_is_string(v) || json_is_number(v))
                json_object_set(o, k, v);
            else
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "dimensions[%zu].%s: expected a number, found %s", i, k,
                                rp_json_kind(v));
        }
        json_array_append_new(out, o);
    }
    return BRINK_OK;
}

brink_status_t rp_read_forecast(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    json_t *root = NULL;
    brink_status_t st = rp_load_json(ctx, path, &root);
    if (st)
        return st;
    json_t *sec = json_object();
    json_object_set_new(payload, "forecast", sec);
    if (!json_is_object(root)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "expected a JSON object at the top, found %s",
                      rp_json_kind(root));
        goto cleanup;
    }
    json_t *model = json_object_get(root, "model");
    if (!json_is_string(model)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "model: expected the model name (smp, bdm, compromise, median), found %s",
                      rp_json_kind(model));
        goto cleanup;
    }
    json_object_set_new(sec, "model", json_string(json_string_value(model)));
    json_t *sc = json_object_get(root, "scenario");
    if (json_is_string(sc))
        json_object_set_new(json_object_get(payload, "provenance"), "scenario",
                            json_string(json_string_value(sc)));
    json_t *runs = json_object_get(root, "runs");
    if (json_is_integer(runs))
        json_object_set_new(sec, "runs", json_integer(json_integer_value(runs)));
    json_t *seed = json_object_get(root, "seed");
    if (!seed)
        seed = json_object_get(json_object_get(root, "options"), "seed");
    if (json_is_string(seed))
        json_object_set_new(json_object_get(payload, "provenance"), "seed",
                            json_string(json_string_value(seed)));
    if (json_object_get(root, "states"))
        st = read_smp(ctx, path, root, sec);
    else if (json_object_get(root, "rounds"))
        st = read_bdm(ctx, path, root, sec);
    else if (json_is_array(json_object_get(root, "dimensions")))
        st = read_table(ctx, path, root, sec);
    else
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "expected 'states' (SMP), 'rounds' (BDM) or 'dimensions' (Monte Carlo and "
                      "closed-form models)");
cleanup:
    json_decref(root);
    return st;
}

brink_status_t rp_chart_forecast(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *sec = json_object_get(r->payload, "forecast");
    json_t *dims = json_object_get(sec, "dimensions");
    size_t di;
    json_t *d;
    json_array_foreach(dims, di, d) {
        json_t *acts = json_object_get(d, "actors");
        size_t na = json_array_size(acts);
        size_t T = json_array_size(json_object_get(json_array_get(acts, 0), "positions"));
        if (na == 0 || T == 0)
            continue;
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < na; i++) {
            json_t *p = json_object_get(json_array_get(acts, i), "positions");
            for (size_t t = 0; t < T; t++) {
                double v = rp_jnum(p, t);
                if (v < lo)
                    lo = v;
                if (v > hi)
                    hi = v;
            }
        }
        rp_plot_range(&lo, &hi, 0);
        rp_plot_t *pl = rp_plot_begin(ctx, 760, 380);
        if (!pl)
            return brink_ctx_errcode(ctx);
        char title[300];
        snprintf(title, sizeof title, "Position history: %s",
                 json_string_value(json_object_get(d, "name")));
        double x1 = T > 1 ? (double)(T - 1) : 1.0;
        rp_plot_frame(0.10, 0.80, 0.14, 0.90, 0, x1, lo, hi,
                      json_object_get(d, "mean") ? "round" : "turn", "position", title, 0);
        PLFLT xs[T], ys[T];
        char buf[200];
        /* end labels: sorted by final position and pushed apart so that
         * actors that converge stay readable */
        double lab[na > 0 ? na : 1];
        size_t ord[na > 0 ? na : 1];
        for (size_t i = 0; i < na; i++) {
            lab[i] = (rp_jnum(json_object_get(json_array_get(acts, i), "positions"), T - 1) - lo) /
                     (hi - lo);
            ord[i] = i;
        }
        for (size_t a = 1; a < na; a++)
            for (size_t b = a; b > 0 && lab[ord[b - 1]] > lab[ord[b]]; b--) {
                size_t t = ord[b];
                ord[b] = ord[b - 1];
                ord[b - 1] = t;
            }
        const double gap = 0.045;
        for (size_t a = 1; a < na; a++)
            if (lab[ord[a]] < lab[ord[a - 1]] + gap)
                lab[ord[a]] = lab[ord[a - 1]] + gap;
        if (na > 0 && lab[ord[na - 1]] > 1.0) { /* shift down from the top if needed */
            lab[ord[na - 1]] = 1.0;
            for (size_t a = na - 1; a > 0; a--)
                if (lab[ord[a - 1]] > lab[ord[a]] - gap)
                    lab[ord[a - 1]] = lab[ord[a]] - gap;
        }
        for (size_t i = 0; i < na; i++) {
            json_t *a = json_array_get(acts, i), *p = json_object_get(a, "positions");
            for (size_t t = 0; t < T; t++) {
                xs[t] = (double)t;
                ys[t] = rp_jnum(p, t);
            }
            rp_plot_color((int)i, 1.0);
            plwidth(1.6);
            if (T > 1)
                plline((PLINT)T, xs, ys);
            rp_plot_dot(xs[T - 1], ys[T - 1], 1.8);
            plwidth(1.0);
            if (na <= 24) {
                rp_plot_text(buf, sizeof buf, json_string_value(json_object_get(a, "name")));
                plschr(0, RP_CHR * 0.8);
                plmtex("rv", 0.5, lab[i], 0.0, buf);
                plschr(0, RP_CHR);
            }
        }
        json_t *mean = json_object_get(d, "mean");
        if (json_array_size(mean) == T) {
            for (size_t t = 0; t < T; t++)
                ys[t] = rp_jnum(mean, t);
            plcol0(1);
            plwidth(2.5);
            pllsty(2);
            if (T > 1)
                plline((PLINT)T, xs, ys);
            pllsty(1);
            plwidth(1.0);
        }
        char *svg = rp_plot_end(ctx, pl);
        if (!svg)
            return brink_ctx_errcode(ctx);
        char name[300];
        snprintf(name, sizeof name, "positions-%zu", di + 1);
        brink_status_t st = rp_add_figure(r, name, "forecast", title, svg);
        if (st)
            return st;
    }
    return BRINK_OK;
}

void rp_html_forecast(FILE *fp, const brink_report_t *r);
void rp_html_forecast(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "forecast");
    if (!sec)
        return;
    fputs("<section id=\"forecast\"><h2>Bargaining forecast (model ", fp);
    rp_html_escape(fp, json_string_value(json_object_get(sec, "model")));
    fputs(")</h2>\n", fp);
    json_t *fc = json_object_get(sec, "forecast");
    if (fc) {
        fputs("<p>Predicted outcome: the position of <strong>", fp);
        rp_html_escape(fp, json_string_value(json_object_get(fc, "actor")));
        fputs("</strong> (", fp);
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(fc, "position"), i, v) {
            json_t *dn = json_object_get(json_array_get(json_object_get(sec, "dimensions"), i), "name");
            fprintf(fp, "%s", i ? "; " : "");
            rp_html_escape(fp, json_string_value(dn));
            fprintf(fp, " %.2f", json_number_value(v));
        }
        if (json_is_number(json_object_get(fc, "prob")))
            fprintf(fp, "), winning probability %.3f", json_number_value(json_object_get(fc, "prob")));
        else
            fputs(")", fp);
        fputs("</p>\n", fp);
    }
    rp_html_figures(fp, r, "forecast", 1);
    json_t *outs = json_object_get(sec, "outcomes");
    if (json_array_size(outs)) {
        /* columns: the union of the keys, name first */
        fputs("<table><tr><th>dimension</th>", fp);
        json_t *first = json_array_get(outs, 0);
        const char *k;
        json_t *v;
        json_object_foreach(first, k, v) if (strcmp(k, "name"))
        {
            fputs("<th>", fp);
            rp_html_escape(fp, k);
            fputs("</th>", fp);
        }
        fputs("</tr>\n", fp);
        size_t i;
        json_t *o;
        json_array_foreach(outs, i, o) {
            fputs("<tr><td>", fp);
            rp_html_escape(fp, json_string_value(json_object_get(o, "name")));
            fputs("</td>", fp);
            json_object_foreach(first, k, v) if (strcmp(k, "name"))
            {
                json_t *x = json_object_get(o, k);
                if (json_is_number(x))
                    fprintf(fp, "<td>%.3f</td>", json_number_value(x));
                else
                    fputs("<td>&ndash;</td>", fp);
            }
            fputs("</tr>\n", fp);
        }
        fputs("</table>\n", fp);
    }
    fputs("</section>\n", fp);
}
