/*
 * smp_options.c - the SMP's options under KTAB's names (kmodel.h and smp.h
 * name tables, in KTAB's enum order, which is also the integer stored in
 * KTAB's ScenarioDesc table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "forecast/fc_internal.h"

static const char *const vpm_names[] = {"Linear", "Square", "Quartic", "Octic", "Binary", NULL};
static const char *const pce_names[] = {"Conditional", "MarkovIncentive", "MarkovUniform", NULL};
static const char *const stm_names[] = {"Deterministic", "Stochastic", NULL};
static const char *const vr_names[] = {"Binary", "PropBin", "Prop", "PropCbc", "Cubic",
                                       "ASymProsp", NULL};
static const char *const ra_names[] = {"None", "OneThird", "Half", "TwoThirds", "Full", NULL};
static const char *const rr_names[] = {"Min", "Mid", "Max", NULL};
static const char *const tpc_names[] = {"NoCommit", "SemiCommit", "FullCommit", NULL};
static const char *const ivb_names[] = {"S1P1", "S2P2", "S2PMax", NULL};
static const char *const bm_names[] = {"InitOnlyInterp", "InitRcvrInterp", "PWCompInterp", NULL};

typedef struct opt_desc {
    const char *name;
    const char *const *choices;
    size_t offset; /* of the int field, or of the numeric field for stop-rule options */
    int kind;      /* 0 enum, 1 unsigned, 2 double */
} opt_desc_t;

static const opt_desc_t opts[] = {
    {"VictoryProbModel", vpm_names, offsetof(brink_smp_options_t, vpm), 0},
    {"PCEModel", pce_names, offsetof(brink_smp_options_t, pcem), 0},
    {"StateTransitions", stm_names, offsetof(brink_smp_options_t, stm), 0},
    {"VotingRule", vr_names, offsetof(brink_smp_options_t, vr), 0},
    {"BigRAdjust", ra_names, offsetof(brink_smp_options_t, bigradj), 0},
    {"BigRRange", rr_names, offsetof(brink_smp_options_t, bigrrng), 0},
    {"ThirdPartyCommit", tpc_names, offsetof(brink_smp_options_t, tpc), 0},
    {"InterVecBrgn", ivb_names, offsetof(brink_smp_options_t, ivb), 0},
    {"BargnModel", bm_names, offsetof(brink_smp_options_t, bm), 0},
    {"MinIter", NULL, offsetof(brink_smp_options_t, min_iter), 1},
    {"MaxIter", NULL, offsetof(brink_smp_options_t, max_iter), 1},
    {"MinDeltaRatio", NULL, offsetof(brink_smp_options_t, min_delta_ratio), 2},
    {"MinSigDelta", NULL, offsetof(brink_smp_options_t, min_sig_delta), 2},
};
#define NOPTS (sizeof opts / sizeof opts[0])

static const char *const opt_names[] = {
    "VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange",
    "ThirdPartyCommit", "InterVecBrgn", "BargnModel", "MinIter", "MaxIter", "MinDeltaRatio",
    "MinSigDelta", NULL};

void brink_smp_options_default(brink_smp_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->vpm = BRINK_VPM_LINEAR;
    o->pcem = BRINK_PCE_CONDITIONAL;
    o->stm = BRINK_STM_DETERMINISTIC;
    o->vr = BRINK_VR_PROP;
    o->bigradj = BRINK_RA_ONETHIRD;
    o->bigrrng = BRINK_RR_MID;
    o->tpc = BRINK_TPC_SEMICOMMIT;
    o->ivb = BRINK_IVB_S2P2;
    o->bm = BRINK_BM_INITONLY;
    o->min_iter = 2;
    o->max_iter = 100;
    o->min_delta_ratio = 0.02;
    o->min_sig_delta = 1e-4;
    o->pos_tol = 1e-3;
    o->seed = 15455440707583219804ULL; /* KTAB's dSeed 0xD67CC16FE69C185C */
}

const char *const *brink_smp_option_names(void) { return opt_names; }

static const opt_desc_t *find_opt(const char *name)
{
    for (size_t k = 0; k < NOPTS; k++)
        if (strcasecmp(opts[k].name, name) == 0)
            return &opts[k];
    return NULL;
}

const char *const *brink_smp_option_choices(const char *name)
{
    const opt_desc_t *d = name ? find_opt(name) : NULL;
    return d ? d->choices : NULL;
}

const char *brink_smp_option_value(const brink_smp_options_t *o, const char *name)
{
    const opt_desc_t *d = name ? find_opt(name) : NULL;
    if (!d || !d->choices)
        return "";
    int v = *(const int *)((const char *)o + d->offset);
    for (int k = 0; d->choices[k]; k++)
        if (k == v)
            return d->choices[k];
    return "";
}

static void join(char *buf, size_t size, const char *const *list)
{
    buf[0] = '\0';
    for (size_t k = 0; list[k]; k++) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s%s", k ? ", " : "", list[k]);
    }
}

brink_status_t brink_smp_option_set(brink_ctx_t *ctx, brink_smp_options_t *o, const char *name,
                                    const char *value)
{
    if (!o || !name || !value)
        return BRINK_EINVAL;
    const opt_desc_t *d = find_opt(name);
    char buf[512];
    if (!d) {
        join(buf, sizeof buf, opt_names);
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "unknown SMP option '%s' (options: %s)", name,
                               buf);
    }
    if (d->kind == 0) {
        const char *v = value;
        /* the XSD's spellings (smpSchema.xsd) */
        if (d->choices == vr_names && strcasecmp(v, "Proportional") == 0)
            v = "Prop";
        if (d->choices == ra_names && strcasecmp(v, "No") == 0)
            v = "None";
        for (int k = 0; d->choices[k]; k++) {
            if (strcasecmp(d->choices[k], v) == 0) {
                *(int *)((char *)o + d->offset) = k;
                return BRINK_OK;
            }
        }
        join(buf, sizeof buf, d->choices);
        return brink_ctx_error(ctx, BRINK_EINVAL, "%s: unknown value '%s' (choices: %s)", d->name,
                               value, buf);
    }
    double v = 0;
    if (brink_parse_decimal(value, strlen(value), &v) != 0) {
        return brink_ctx_error(ctx, BRINK_EINVAL, "%s: expected a number, found '%s'", d->name,
                               value);
    }
    if (d->kind == 1) {
        if (!(v >= 1 && v <= 100000) || v != (double)(unsigned)v)
            return brink_ctx_error(ctx, BRINK_EINVAL, "%s: expected a whole number in 1..100000",
                                   d->name);
        *(unsigned *)((char *)o + d->offset) = (unsigned)v;
    } else {
        if (!(v >= 0 && v <= 1e6))
            return brink_ctx_error(ctx, BRINK_EINVAL, "%s: expected a number in [0, 1e6]",
                                   d->name);
        *(double *)((char *)o + d->offset) = v;
    }
    return BRINK_OK;
}

void fc_options_to_array(const brink_smp_options_t *o, int v[FC_NPARAMS])
{
    for (size_t k = 0; k < FC_NPARAMS; k++)
        v[k] = *(const int *)((const char *)o + opts[k].offset);
}

void fc_options_from_array(brink_smp_options_t *o, const int v[FC_NPARAMS])
{
    for (size_t k = 0; k < FC_NPARAMS; k++)
        *(int *)((char *)o + opts[k].offset) = v[k];
}
