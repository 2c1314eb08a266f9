/* html.c - the self-contained HTML report: inline CSS and SVG, the data
 * payload as an inert JSON block, no scripts and no network references. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"
#include "report/report_internal.h"

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
    "color:#222;background:#fafafa;line-height:1.45}"
    "header{background:#1d2b3a;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;"
    "font-size:1.6em}header p{margin:0;color:#c9d3dd}"
    "nav{padding:8px 28px;background:#eef1f4;border-bottom:1px solid #d8dde2}"
    "nav a{margin-right:14px;color:#1d4f7a;text-decoration:none}"
    "main{padding:8px 28px 40px;max-width:1400px}"
    "section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:10px 18px;"
    "margin:18px 0}h2{font-size:1.25em;margin:6px 0 10px;color:#1d2b3a}"
    ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px}"
    "figure{margin:0}figure svg{width:100%;height:auto;display:block}"
    "table{border-collapse:collapse;font-size:.9em;margin:8px 0}"
    "th,td{border-bottom:1px solid #e6e6e6;padding:3px 10px;text-align:right}"
    "th:first-child,td:first-child{text-align:left}th{background:#f3f5f7}"
    ".side{display:grid;grid-template-columns:minmax(480px,3fr) minmax(320px,2fr);gap:14px}"
    ".narr{max-height:640px;overflow:auto;font-size:.88em;border:1px solid #eee;padding:4px 8px}"
    ".narr p{margin:2px 0}.neg{color:#a63c00}.pos{color:#005a8c}.muted{color:#666}"
    "dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:.92em}"
    "dt{font-weight:600}dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}"
    ".note{color:#555;font-size:.9em}.why{color:#555;font-size:.9em;cursor:help;"
    "border-bottom:1px dotted #999}";

static void esc(FILE *fp, const char *s)
{
    rp_html_escape(fp, s);
}

static const char *jstr(const json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* Writes the SVG element of figure f without its XML prolog, with every id
 * (and every reference to one) prefixed by the figure's name, since the ids
 * PLplot writes (text-clipping0, ...) repeat from figure to figure. */
static void inline_svg(FILE *fp, const rp_figure_t *f)
{
    const char *s = strstr(f->svg, "<svg");
    static const char *const pat[] = {"id=\"", "url(#", "href=\"#"};
    while (s && *s) {
        int hit = -1;
        for (int k = 0; k < 3 && hit < 0; k++)
            if (strncmp(s, pat[k], strlen(pat[k])) == 0)
                hit = k;
        if (hit < 0) {
            fputc(*s++, fp);
            continue;
        }
        fputs(pat[hit], fp);
        fputs(f->name, fp);
        fputc('-', fp);
        s += strlen(pat[hit]);
    }
}

static void figure(FILE *fp, const rp_figure_t *f)
{
    fprintf(fp, "<figure id=\"fig-");
    esc(fp, f->name);
    fprintf(fp, "\" aria-label=\"");
    esc(fp, f->title);
    fputs("\">", fp);
    inline_svg(fp, f);
    fputs("</figure>\n", fp);
}

void rp_html_figures(FILE *fp, const brink_report_t *r, const char *section, int grid)
{
    int any = 0;
    for (size_t i = 0; i < r->nfig; i++)
        if (strcmp(r->figs[i].section, section) == 0) {
            if (!any && grid)
                fputs("<div class=\"grid\">\n", fp);
            any = 1;
            figure(fp, &r->figs[i]);
        }
    if (any && grid)
        fputs("</div>\n", fp);
}

#define figures_of rp_html_figures

static void fmt_num(FILE *fp, const json_t *v, const char *f)
{
    if (json_is_number(v))
        fprintf(fp, f, json_number_value(v));
    else
        fputs("&ndash;", fp);
}

static void sec_outcomes(FILE *fp, const brink_report_t *r)
{
    json_t *o = json_object_get(r->payload, "outcomes");
    const char *single = json_string_value(json_object_get(r->payload, "outcome"));
    if (!json_array_size(o) && !single && !json_array_size(json_object_get(r->payload, "checks")))
        return;
    fputs("<section id=\"outcomes\"><h2>Outcomes</h2>\n", fp);
    if (single) {
        fputs("<p>Outcome of this run: <strong>", fp);
        esc(fp, single);
        fputs("</strong></p>\n", fp);
    }
    json_t *chk = json_object_get(r->payload, "checks");
    if (json_array_size(chk)) {
        fputs("<table><tr><th>key probability</th><th>value</th></tr>\n", fp);
        size_t i;
        json_t *e;
        json_array_foreach(chk, i, e) {
            fputs("<tr><td>", fp);
            esc(fp, jstr(e, "name"));
            fprintf(fp, "</td><td>%.3f</td></tr>\n", json_number_value(json_object_get(e, "value")));
        }
        fputs("</table>\n", fp);
    }
    if (json_array_size(o)) {
        figures_of(fp, r, "outcomes", 0);
        fputs("<table><tr><th>outcome</th><th>probability</th><th>95% interval</th></tr>\n", fp);
        size_t i;
        json_t *e;
        json_array_foreach(o, i, e) {
            fputs("<tr><td>", fp);
            esc(fp, jstr(e, "name"));
            fprintf(fp, "</td><td>%.3f</td><td>[%.3f, %.3f]</td></tr>\n",
                    json_number_value(json_object_get(e, "p")),
                    json_number_value(json_object_get(e, "lo")),
                    json_number_value(json_object_get(e, "hi")));
        }
        fputs("</table>\n", fp);
    }
    fputs("</section>\n", fp);
}

static void sec_milestones(FILE *fp, const brink_report_t *r)
{
    json_t *o = json_object_get(r->payload, "milestones");
    if (!json_array_size(o))
        return;
    fputs("<section id=\"milestones\"><h2>Milestones</h2>\n", fp);
    figures_of(fp, r, "milestones", 0);
    fputs("<table><tr><th>milestone</th><th>reached by the horizon</th><th>median</th>"
          "<th>5%</th><th>95%</th></tr>\n",
          fp);
    size_t i;
    json_t *e;
    json_array_foreach(o, i, e) {
        fputs("<tr><td>", fp);
        esc(fp, jstr(e, "name"));
        fprintf(fp, "</td><td>%.3f</td>", json_number_value(json_object_get(e, "p_by_horizon")));
        static const char *const k[3] = {"median", "q05", "q95"};
        for (int j = 0; j < 3; j++) {
            fputs("<td>", fp);
            const char *s = jstr(e, k[j]);
            if (*s)
                esc(fp, s);
            else
                fputs("&ndash;", fp);
            fputs("</td>", fp);
        }
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n</section>\n", fp);
}

static void sec_series(FILE *fp, const brink_report_t *r)
{
    if (!json_object_get(r->payload, "series"))
        return;
    fputs("<section id=\"series\"><h2>Monthly series</h2>\n<p class=\"note\">", fp);
    const char *kind = jstr(r->payload, "kind");
    if (strcmp(kind, "run") == 0)
        fputs("The path of the state variables in this run.", fp);
    else
        fputs("Fan charts over the ensemble: the line is the median run-month value, the dark "
              "band holds the middle 50% of runs and the light band the middle 90%.",
              fp);
    fputs("</p>\n", fp);
    figures_of(fp, r, "series", 1);
    fputs("</section>\n", fp);
}

static void sec_counts(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "annual_counts");
    json_t *evs = json_object_get(sec, "events");
    if (!json_array_size(evs))
        return;
    fputs("<section id=\"annual_counts\"><h2>Annual event counts", fp);
    int hist = json_is_true(json_object_get(sec, "has_historical"));
    if (hist)
        fputs(" against the historical record", fp);
    fputs("</h2>\n", fp);
    json_t *cw = json_object_get(sec, "calibration_window"),
           *iw = json_object_get(sec, "in_sample_window");
    if (hist) {
        json_t *rec = json_object_get(r->payload, "record");
        if (rec) {
            fputs("<p class=\"note\">Black dots: the record ", fp);
            rp_html_escape(fp, json_string_value(json_object_get(rec, "file")));
            fputs(".", fp);
        } else {
            fputs("<p class=\"note\">Black dots: the historical record shipped in data/.", fp);
        }
        if (cw)
            fprintf(fp, " Calibration years %lld&ndash;%lld are shaded orange.",
                    (long long)json_integer_value(json_array_get(cw, 0)),
                    (long long)json_integer_value(json_array_get(cw, 1)));
        if (iw)
            fprintf(fp, " In-sample check years %lld&ndash;%lld are shaded green.",
                    (long long)json_integer_value(json_array_get(iw, 0)),
                    (long long)json_integer_value(json_array_get(iw, 1)));
        fputs("</p>\n", fp);
    }
    figures_of(fp, r, "annual_counts", 1);
    size_t i;
    json_t *ev;
    json_array_foreach(evs, i, ev) {
        json_t *years = json_object_get(ev, "years");
        fputs("<details><summary>Table: ", fp);
        esc(fp, jstr(ev, "name"));
        fputs("</summary><table><tr><th>year</th><th>mean</th><th>median</th><th>50%</th>"
              "<th>90%</th><th>historical</th></tr>\n",
              fp);
        for (size_t k = 0; k < json_array_size(years); k++) {
            fprintf(fp, "<tr><td>%lld</td><td>%.2f</td><td>%g</td><td>[%g, %g]</td><td>[%g, %g]</td><td>",
                    (long long)json_integer_value(json_array_get(years, k)),
                    rp_jnum(json_object_get(ev, "mean"), k), rp_jnum(json_object_get(ev, "q50"), k),
                    rp_jnum(json_object_get(ev, "q25"), k), rp_jnum(json_object_get(ev, "q75"), k),
                    rp_jnum(json_object_get(ev, "q05"), k), rp_jnum(json_object_get(ev, "q95"), k));
            fmt_num(fp, json_array_get(json_object_get(ev, "historical"), k), "%g");
            fputs("</td></tr>\n", fp);
        }
        fputs("</table></details>\n", fp);
    }
    fputs("</section>\n", fp);
}

static void sec_timeline(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "timeline");
    json_t *evs = json_object_get(sec, "events");
    if (!json_array_size(evs))
        return;
    fprintf(fp, "<section id=\"timeline\"><h2>Event timeline and narrative of run %lld</h2>\n",
            (long long)json_integer_value(json_object_get(sec, "run")));
    if (!strcmp(jstr(r->payload, "kind"), "ensemble"))
        fputs("<p class=\"note\">One run of the ensemble (the first in events.csv), to read one "
              "possible history in full.</p>\n",
              fp);
    fputs("<div class=\"side\"><div>", fp);
    figures_of(fp, r, "timeline", 0);
    fputs("</div><div class=\"narr\">\n", fp);
    size_t i;
    json_t *e;
    json_array_foreach(evs, i, e) {
        json_t *g = json_object_get(e, "goldstein");
        double gv = json_is_number(g) ? json_number_value(g) : 0;
        fprintf(fp, "<p class=\"%s\"><strong>", gv < 0 ? "neg" : gv > 0 ? "pos" : "muted");
        esc(fp, jstr(e, "date"));
        fputs("</strong> ", fp);
        esc(fp, jstr(e, "actor"));
        if (*jstr(e, "target")) {
            fputs(" &rarr; ", fp);
            esc(fp, jstr(e, "target"));
        }
        fputs(": ", fp);
        esc(fp, *jstr(e, "detail") ? jstr(e, "detail") : jstr(e, "action"));
        if (*jstr(e, "runner_up")) {
            /* the choice's reasons: the utility terms and the runner-up */
            fputs(" <span class=\"why\" title=\"", fp);
            static const char *const wk[][2] = {{"why_security", "security"},
                                                {"why_economy", "economy"},
                                                {"why_prestige", "legitimacy/prestige"},
                                                {"why_reactions", "anticipated reactions"},
                                                {"why_total", "total"}};
            for (size_t k = 0; k < sizeof wk / sizeof wk[0]; k++) {
                json_t *w = json_object_get(e, wk[k][0]);
                if (json_is_number(w))
                    fprintf(fp, "%s%s %+.3f", k ? ", " : "utility: ", wk[k][1],
                            json_number_value(w));
            }
            json_t *rt = json_object_get(e, "runner_up_total");
            fputs("; runner-up ", fp);
            esc(fp, jstr(e, "runner_up"));
            if (json_is_number(rt))
                fprintf(fp, " %+.3f", json_number_value(rt));
            fputs("\">[over ", fp);
            esc(fp, jstr(e, "runner_up"));
            json_t *wp = json_object_get(e, "why_p");
            if (json_is_number(wp))
                fprintf(fp, ", p %.2f", json_number_value(wp));
            fputs("]</span>", fp);
        }
        if (*jstr(e, "cameo")) {
            fputs(" <span class=\"muted\">(CAMEO ", fp);
            esc(fp, jstr(e, "cameo"));
            if (json_is_number(g))
                fprintf(fp, ", %+.1f", gv);
            fputs(")</span>", fp);
        }
        fputs("</p>\n", fp);
    }
    if (json_is_true(json_object_get(sec, "truncated")))
        fprintf(fp, "<p class=\"muted\">(showing the first %zu of %lld events)</p>\n",
                json_array_size(evs), (long long)json_integer_value(json_object_get(sec, "total")));
    fputs("</div></div>\n</section>\n", fp);
}

void rp_html_sensitivity(FILE *fp, const brink_report_t *r);
void rp_html_backtest(FILE *fp, const brink_report_t *r);
void rp_html_forecast(FILE *fp, const brink_report_t *r);

static void sec_provenance(FILE *fp, const brink_report_t *r)
{
    json_t *prov = json_object_get(r->payload, "provenance");
    fputs("<section id=\"provenance\"><h2>Provenance</h2>\n<dl>\n", fp);
    static const char *const k[][2] = {
        {"version", "brink version (producer)"}, {"scenario", "scenario"},
        {"scenario_hash", "scenario hash"},      {"experiment", "experiment"},
        {"experiment_hash", "experiment hash"},  {"seed", "master seed"},
        {"runs", "runs"},                        {"start", "first month"},
        {"until", "last month"},                 {"command", "command line (producer)"}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        const char *v = jstr(prov, k[i][0]);
        fprintf(fp, "<dt>%s</dt><dd>", k[i][1]);
        if (*v)
            esc(fp, v);
        else
            fputs("<span class=\"muted\">not recorded</span>", fp);
        fputs("</dd>\n", fp);
    }
    fprintf(fp, "<dt>report written by</dt><dd>brink %s</dd>\n", brink_version());
    if (r->command) {
        fputs("<dt>report command line</dt><dd>", fp);
        esc(fp, r->command);
        fputs("</dd>\n", fp);
    }
    fputs("<dt>result directory</dt><dd>", fp);
    esc(fp, r->dir);
    fputs("</dd>\n<dt>files read</dt><dd>", fp);
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(r->payload, "files"), i, f) {
        if (i)
            fputs(", ", fp);
        esc(fp, json_string_value(f));
    }
    fputs("</dd>\n</dl>\n</section>\n", fp);
}

static const char *const toc[][2] = {
    {"outcomes", "Outcomes"},       {"milestones", "Milestones"},
    {"series", "Monthly series"},   {"annual_counts", "Annual counts"},
    {"timeline", "Timeline"},       {"sensitivity", "Sensitivity"},
    {"backtest", "Backtest"},       {"rolling", "Rolling origins"}, {"forecast", "Forecast"},
    {"provenance", "Provenance"}};

static int has_section(const brink_report_t *r, const char *s)
{
    if (!strcmp(s, "provenance"))
        return 1;
    if (!strcmp(s, "outcomes") && json_object_get(r->payload, "outcome"))
        return 1;
    json_t *v = json_object_get(r->payload, s);
    if (!v)
        return 0;
    if (!strcmp(s, "annual_counts"))
        return json_array_size(json_object_get(v, "events")) > 0;
    if (!strcmp(s, "timeline"))
        return json_array_size(json_object_get(v, "events")) > 0;
    if (!strcmp(s, "sensitivity"))
        return 1;
    if (json_is_array(v))
        return json_array_size(v) > 0;
    return 1;
}

brink_status_t brink_report_write_html(brink_ctx_t *ctx, brink_report_t *r, FILE *fp)
{
    if (!ctx || !r || !fp)
        return BRINK_EINVAL;
    brink_status_t st = brink_report_render(ctx, r);
    if (st)
        return st;
    char deftitle[512];
    const char *title = r->title;
    if (!title) {
        const char *sc = jstr(json_object_get(r->payload, "provenance"), "scenario");
        snprintf(deftitle, sizeof deftitle, "brink report: %s", *sc ? sc : r->dir);
        title = deftitle;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"brink report\">\n<title>",
          fp);
    esc(fp, title);
    fprintf(fp, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>", css);
    esc(fp, title);
    fputs("</h1><p>", fp);
    const char *kind = jstr(r->payload, "kind");
    json_t *runs = json_object_get(r->payload, "runs");
    if (!strcmp(kind, "ensemble") && runs)
        fprintf(fp, "Ensemble of %lld runs", (long long)json_integer_value(runs));
    else if (!strcmp(kind, "ensemble"))
        fputs("Ensemble", fp);
    else if (!strcmp(kind, "run"))
        fputs("A single run", fp);
    else if (!strcmp(kind, "sweep"))
        fputs("Experiment sweep and sensitivity analysis", fp);
    else if (!strcmp(kind, "backtest"))
        fputs("Historical backtest", fp);
    else
        fputs("Bargaining forecast", fp);
    fputs(" &middot; ", fp);
    esc(fp, r->dir);
    fputs("</p></header>\n<nav>", fp);
    for (size_t i = 0; i < sizeof toc / sizeof toc[0]; i++)
        if (has_section(r, toc[i][0]))
            fprintf(fp, "<a href=\"#%s\">%s</a>", toc[i][0], toc[i][1]);
    fputs("</nav>\n<main>\n", fp);
    sec_outcomes(fp, r);
    sec_milestones(fp, r);
    sec_series(fp, r);
    sec_counts(fp, r);
    sec_timeline(fp, r);
    rp_html_sensitivity(fp, r);
    rp_html_backtest(fp, r);
    rp_html_rolling(fp, r);
    rp_html_forecast(fp, r);
    sec_provenance(fp, r);
    fputs("</main>\n<script type=\"application/json\" id=\"brink-data\">", fp);
    /* the payload, compact; "</" is escaped so the block cannot end early */
    char *js = json_dumps(r->payload, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(9));
    if (!js)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    for (const char *s = js; *s; s++) {
        if (s[0] == '<' && s[1] == '/')
            fputs("<\\", fp);
        else
            fputc(*s, fp);
    }
    free(js);
    fputs("</script>\n</body>\n</html>\n", fp);
    if (ferror(fp))
        return brink_ctx_error(ctx, BRINK_EIO, "cannot write the report");
    return BRINK_OK;
}
