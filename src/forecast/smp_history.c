/* smp_history.c - storage and accessors of an SMP run's history. */
#include <string.h>

#include "forecast/smp_internal.h"

void brink_fc_history_free(brink_fc_history_t *h)
{
    if (!h)
        return;
    brink_ctx_t *ctx = h->ctx;
    brink_free(ctx, h->pos);
    brink_free(ctx, h->ideal);
    brink_free(ctx, h->prob);
    brink_free(ctx, h->risk);
    brink_free(ctx, h->rn0);
    brink_free(ctx, h->target);
    brink_free(ctx, h->deu);
    brink_free(ctx, h->tprob);
    brink_free(ctx, h->stop);
    brink_free(ctx, h->mover);
    brink_free(ctx, h->chlg);
    brink_free(ctx, h->chlgj);
    brink_free(ctx, h->bargains);
    brink_free(ctx, h->coords);
    brink_free(ctx, h);
}

#define GROW(ptr, per)                                                                     \
    do {                                                                                   \
        void *np_ = brink_realloc(ctx, (ptr), nc * (per) * sizeof *(ptr));                \
        if (!np_)                                                                          \
            return BRINK_ENOMEM;                                                           \
        (ptr) = np_;                                                                       \
    } while (0)

brink_status_t fc_history_reserve(brink_fc_history_t *h, size_t states)
{
    brink_ctx_t *ctx = h->ctx;
    if (states <= h->cap_states)
        return BRINK_OK;
    size_t nc = h->cap_states ? 2 * h->cap_states : 16;
    while (nc < states)
        nc *= 2;
    size_t n = h->n, nd = h->n * h->d;
    GROW(h->pos, nd);
    GROW(h->ideal, nd);
    GROW(h->prob, n);
    GROW(h->risk, n);
    GROW(h->target, n);
    GROW(h->deu, n);
    GROW(h->tprob, n);
    GROW(h->stop, 1);
    GROW(h->mover, n);
    h->cap_states = nc;
    return BRINK_OK;
}

brink_status_t fc_history_reserve_challenges(brink_fc_history_t *h, size_t turns)
{
    brink_ctx_t *ctx = h->ctx;
    if (turns > h->cap_chlg) {
        size_t nc = h->cap_chlg ? 2 * h->cap_chlg : 8;
        while (nc < turns)
            nc *= 2;
        GROW(h->chlg, h->n * h->n * 9);
        GROW(h->chlgj, h->n * 3);
        h->cap_chlg = nc;
    }
    for (size_t k = h->chlg_turns * h->n * h->n * 9; k < turns * h->n * h->n * 9; k++)
        h->chlg[k] = 0.0;
    for (size_t k = h->chlg_turns * h->n * 3; k < turns * h->n * 3; k++)
        h->chlgj[k] = 0.0;
    if (turns > h->chlg_turns)
        h->chlg_turns = turns;
    return BRINK_OK;
}

int brink_fc_history_challenge(const brink_fc_history_t *h, size_t t, size_t i, size_t j,
                               double out[9])
{
    if (!h || t >= h->chlg_turns || i >= h->n || j >= h->n || i == j)
        return 0;
    for (int k = 0; k < 9; k++)
        out[k] = h->chlg[((t * h->n + i) * h->n + j) * 9 + (size_t)k];
    return 1;
}

int brink_fc_history_target_view(const brink_fc_history_t *h, size_t t, size_t i, double out[3])
{
    if (!h || t >= h->chlg_turns || i >= h->n || h->target[t * h->n + i] < 0)
        return 0;
    for (int k = 0; k < 3; k++)
        out[k] = h->chlgj[(t * h->n + i) * 3 + (size_t)k];
    return 1;
}

brink_status_t fc_history_add_bargain(brink_fc_history_t *h, const fc_bargain_rec_t *b,
                                      const double *pi, const double *pr)
{
    brink_ctx_t *ctx = h->ctx;
    if (h->nbargains == h->cap_bargains) {
        size_t nc = h->cap_bargains ? 2 * h->cap_bargains : 256;
        GROW(h->bargains, 1);
        GROW(h->coords, 2 * h->d);
        h->cap_bargains = nc;
    }
    h->bargains[h->nbargains] = *b;
    memcpy(h->coords + h->nbargains * 2 * h->d, pi, h->d * sizeof *pi);
    memcpy(h->coords + h->nbargains * 2 * h->d + h->d, pr, h->d * sizeof *pr);
    h->nbargains++;
    return BRINK_OK;
}

size_t brink_fc_history_states(const brink_fc_history_t *h) { return h ? h->states : 0; }

double brink_fc_history_pos(const brink_fc_history_t *h, size_t t, size_t i, size_t d)
{
    return h->pos[(t * h->n + i) * h->d + d] * 100.0;
}
double brink_fc_history_ideal(const brink_fc_history_t *h, size_t t, size_t i, size_t d)
{
    return h->ideal[(t * h->n + i) * h->d + d] * 100.0;
}
double brink_fc_history_prob(const brink_fc_history_t *h, size_t t, size_t i)
{
    return h->prob[t * h->n + i];
}
double brink_fc_history_risk(const brink_fc_history_t *h, size_t t, size_t i)
{
    return h->risk[t * h->n + i];
}
double brink_fc_history_rn_util(const brink_fc_history_t *h, size_t t, size_t i, size_t j)
{
    return t == 0 ? h->rn0[i * h->n + j] : 0.0;
}
int brink_fc_history_target(const brink_fc_history_t *h, size_t t, size_t i, double *deu,
                            double *prob)
{
    if (deu)
        *deu = h->deu[t * h->n + i];
    if (prob)
        *prob = h->tprob[t * h->n + i];
    return h->target[t * h->n + i];
}
double brink_fc_history_stop_ratio(const brink_fc_history_t *h, size_t t) { return h->stop[t]; }
size_t brink_fc_history_bargains(const brink_fc_history_t *h) { return h ? h->nbargains : 0; }
void brink_fc_history_bargain(const brink_fc_history_t *h, size_t k, brink_fc_bargain_t *b)
{
    const fc_bargain_rec_t *r = &h->bargains[k];
    b->id = r->id;
    b->turn = r->turn;
    b->init = r->init;
    b->rcvr = r->rcvr;
    b->value = r->value;
    b->init_prob = r->init_prob;
    b->rcvr_prob = r->rcvr_prob;
    b->init_selected = r->init_sel;
    b->rcvr_selected = r->rcvr_sel;
    b->pos_init = h->coords + k * 2 * h->d;
    b->pos_rcvr = h->coords + k * 2 * h->d + h->d;
}
uint64_t brink_fc_history_mover(const brink_fc_history_t *h, size_t t, size_t i)
{
    return h->mover[t * h->n + i];
}
size_t brink_fc_history_best_actor(const brink_fc_history_t *h)
{
    size_t t = h->states - 1, best = 0;
    for (size_t i = 1; i < h->n; i++)
        if (h->prob[t * h->n + i] > h->prob[t * h->n + best])
            best = i;
    return best;
}
