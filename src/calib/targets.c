/* targets.c - calibration targets files (YAML, the scenario module's strict
 * loader and schema tables; brink/calib.h). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "brink/brink.h"

#include "scenario/doc.h"
#include "scenario/schema.h"

typedef struct t_count {
    int count, year;
    double observed;
} t_count_t;

typedef struct t_milestone {
    int milestone, reached, month;
} t_milestone_t;

typedef struct t_file {
    int format, until;
    t_count_t *counts;
    size_t ncounts;
    t_milestone_t *milestones;
    size_t nmilestones;
} t_file_t;

static const char *const count_names[] = {"missiles", "launch_days", "nuclear_tests",
                                          "icbm_launches", "unsc_resolutions",
                                          "leader_summits", NULL};
static const char *const milestone_names[] = {"first_nuclear_test", "first_icbm_test",
                                              "first_leader_summit", "first_agreement",
                                              "first_comprehensive_deal", NULL};

static const schema_field_t count_fields[] = {
    {"count", SK_ENUM, offsetof(t_count_t, count), SF_REQUIRED, 0, 0, 0, count_names, NULL, 0,
     NULL, "the annual count"},
    {"year", SK_INT, offsetof(t_count_t, year), SF_REQUIRED, 1800, 2200, 0, NULL, NULL, 0, NULL,
     "the year"},
    {"observed", SK_NUM, offsetof(t_count_t, observed), SF_REQUIRED, 0, 1e6, 0, NULL, NULL, 0,
     NULL, "the recorded count"},
};
static const schema_obj_t count_obj = {"count", sizeof(t_count_t), count_fields, 3};

static const schema_field_t milestone_fields[] = {
    {"milestone", SK_ENUM, offsetof(t_milestone_t, milestone), SF_REQUIRED, 0, 0, 0,
     milestone_names, NULL, 0, NULL, "the milestone"},
    {"reached", SK_BOOL, offsetof(t_milestone_t, reached), SF_REQUIRED, 0, 1, 0, NULL, NULL, 0,
     NULL, "whether it was reached by until"},
    {"month", SK_MONTH, offsetof(t_milestone_t, month), 0, 0, 0, -1, NULL, NULL, 0, "YYYY-MM",
     "the month it was first reached"},
};
static const schema_obj_t milestone_obj = {"milestone", sizeof(t_milestone_t),
                                           milestone_fields, 3};

static const schema_field_t file_fields[] = {
    {"format", SK_INT, offsetof(t_file_t, format), SF_REQUIRED, 1, 1, 1, NULL, NULL, 0, NULL,
     "targets format version (1)"},
    {"until", SK_MONTH, offsetof(t_file_t, until), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0,
     "YYYY-MM", "last simulated month (the end of the calibration window)"},
    {"counts", SK_LIST, offsetof(t_file_t, counts), 0, 0, 0, 0, NULL, &count_obj,
     offsetof(t_file_t, ncounts), NULL, "annual counts"},
    {"milestones", SK_LIST, offsetof(t_file_t, milestones), 0, 0, 0, 0, NULL, &milestone_obj,
     offsetof(t_file_t, nmilestones), NULL, "milestone months"},
};
static const schema_obj_t file_obj = {"targets", sizeof(t_file_t), file_fields, 4};

/* a located problem at path: "PATH: message" */
static brink_status_t add(brink_ctx_t *ctx, brink_diags_t *diags, const doc_t *doc,
                          const char *path, const char *msg)
{
    const doc_node_t *n = doc_lookup(doc->root, path);
    return brink_diags_add(ctx, diags, doc_node_file(doc, n), n ? n->line : 0,
                           n ? n->column : 0, path, "%s: %s", path, msg);
}

/* first, last: the horizon until must lie in (INT_MIN, INT_MAX: any) */
static brink_status_t load_doc(brink_ctx_t *ctx, doc_t *doc, int first, int last,
                               brink_abc_target_t **out, size_t *n, int *until,
                               brink_diags_t *diags)
{
    t_file_t f;
    memset(&f, 0, sizeof f);
    brink_status_t st = schema_decode(ctx, doc, doc->root, &file_obj, &f, "", NULL, diags);
    if (st != BRINK_OK)
        goto done;
    int problems = 0;
    char p[96], m[8], msg[160];
    size_t nt = f.ncounts + f.nmilestones;
    if (nt == 0) {
        problems++;
        if (add(ctx, diags, doc, "until",
                "no counts and no milestones; expected at least one target") != BRINK_OK)
            st = BRINK_ENOMEM;
    }
    if (f.until < first || f.until > last) {
        char m0[8], m1[8];
        schema_format_month(f.until, m);
        schema_format_month(first, m0);
        schema_format_month(last, m1);
        problems++;
        snprintf(msg, sizeof msg, "%s is outside the scenario's horizon (%s to %s)", m, m0, m1);
        if (add(ctx, diags, doc, "until", msg) != BRINK_OK)
            st = BRINK_ENOMEM;
    }
    /* a target given twice would count twice in the distance */
    for (size_t i = 0; i < f.ncounts; i++)
        for (size_t j = 0; j < i; j++)
            if (f.counts[j].count == f.counts[i].count && f.counts[j].year == f.counts[i].year) {
                snprintf(p, sizeof p, "counts[%zu]", i);
                snprintf(msg, sizeof msg, "%s in %d is given twice (first as counts[%zu])",
                         count_names[f.counts[i].count], f.counts[i].year, j);
                problems++;
                if (add(ctx, diags, doc, p, msg) != BRINK_OK)
                    st = BRINK_ENOMEM;
                break;
            }
    for (size_t i = 0; i < f.nmilestones; i++)
        for (size_t j = 0; j < i; j++)
            if (f.milestones[j].milestone == f.milestones[i].milestone) {
                snprintf(p, sizeof p, "milestones[%zu]", i);
                snprintf(msg, sizeof msg, "%s is given twice (first as milestones[%zu])",
                         milestone_names[f.milestones[i].milestone], j);
                problems++;
                if (add(ctx, diags, doc, p, msg) != BRINK_OK)
                    st = BRINK_ENOMEM;
                break;
            }
    for (size_t i = 0; i < f.ncounts; i++)
        if (f.counts[i].year * 12 > f.until) {
            schema_format_month(f.until, m);
            snprintf(p, sizeof p, "counts[%zu].year", i);
            problems++;
            snprintf(msg, sizeof msg, "%d is after until (%s)", f.counts[i].year, m);
            if (add(ctx, diags, doc, p, msg) != BRINK_OK)
                st = BRINK_ENOMEM;
        }
    for (size_t i = 0; i < f.nmilestones; i++) {
        const t_milestone_t *t = &f.milestones[i];
        snprintf(p, sizeof p, "milestones[%zu]", i);
        if (t->reached && t->month < 0) {
            problems++;
            if (add(ctx, diags, doc, p, "reached: true needs its month (month: YYYY-MM)") !=
                BRINK_OK)
                st = BRINK_ENOMEM;
        } else if (t->reached && t->month > f.until) {
            schema_format_month(f.until, m);
            problems++;
            snprintf(msg, sizeof msg, "the month is after until (%s)", m);
            if (add(ctx, diags, doc, p, msg) != BRINK_OK)
                st = BRINK_ENOMEM;
        } else if (!t->reached && t->month >= 0) {
            problems++;
            if (add(ctx, diags, doc, p, "reached: false takes no month") != BRINK_OK)
                st = BRINK_ENOMEM;
        }
    }
    if (st != BRINK_OK)
        goto done;
    if (problems) {
        st = BRINK_EVALIDATE;
        goto done;
    }
    brink_abc_target_t *t = brink_calloc(ctx, nt, sizeof *t);
    if (!t) {
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < f.ncounts; i++) {
        t[i].is_milestone = 0;
        t[i].index = f.counts[i].count;
        t[i].year = f.counts[i].year;
        t[i].observed = f.counts[i].observed;
        snprintf(t[i].name, sizeof t[i].name, "%s_%d", count_names[t[i].index], t[i].year);
    }
    for (size_t i = 0; i < f.nmilestones; i++) {
        brink_abc_target_t *x = &t[f.ncounts + i];
        x->is_milestone = 1;
        x->index = f.milestones[i].milestone;
        x->year = 0;
        x->observed = f.milestones[i].reached ? f.milestones[i].month : -1;
        snprintf(x->name, sizeof x->name, "%s", milestone_names[x->index]);
    }
    *out = t;
    *n = nt;
    *until = f.until;
done:
    schema_free(ctx, &file_obj, &f);
    return st;
}

brink_status_t brink_abc_targets_load_within(brink_ctx_t *ctx, const char *path, int first,
                                             int last, brink_abc_target_t **out, size_t *n,
                                             int *until, brink_diags_t *diags)
{
    *out = NULL;
    *n = 0;
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_file(ctx, path, &doc, diags);
    if (st == BRINK_OK)
        st = load_doc(ctx, doc, first, last, out, n, until, diags);
    doc_free(doc);
    return st;
}

brink_status_t brink_abc_targets_load(brink_ctx_t *ctx, const char *path,
                                      brink_abc_target_t **out, size_t *n, int *until,
                                      brink_diags_t *diags)
{
    return brink_abc_targets_load_within(ctx, path, INT_MIN, INT_MAX, out, n, until, diags);
}

brink_status_t brink_abc_targets_load_string(brink_ctx_t *ctx, const char *name,
                                             const char *text, size_t len,
                                             brink_abc_target_t **out, size_t *n, int *until,
                                             brink_diags_t *diags)
{
    *out = NULL;
    *n = 0;
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_string(ctx, name, text, len, &doc, diags);
    if (st == BRINK_OK)
        st = load_doc(ctx, doc, INT_MIN, INT_MAX, out, n, until, diags);
    doc_free(doc);
    return st;
}
