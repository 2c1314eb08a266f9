/* efg_read.c - Gambit's extensive-form file (.efg), read without recursion:
 * nodes come in preorder and an explicit stack tracks the open parents. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

/* open-addressing map from a 64-bit key to an int */
typedef struct imap {
    uint64_t *keys;
    int *vals;
    size_t cap, count;
    int *dense; /* keys below dense_cap: direct index (-1 unset) */
    size_t dense_cap;
} imap_t;

/* keys below this go to the dense array (files number infosets and
 * outcomes 1, 2, 3, ...; a hash lookup per node costs cache misses) */
#define IMAP_DENSE_MAX ((uint64_t)1 << 22)

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static int imap_get(const imap_t *m, uint64_t key)
{
    if (key < IMAP_DENSE_MAX)
        return key < m->dense_cap ? m->dense[key] : -1;
    if (!m->cap)
        return -1;
    size_t i = (size_t)mix64(key) & (m->cap - 1);
    while (m->vals[i] >= 0) {
        if (m->keys[i] == key)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

static int imap_put(brink_ctx_t *ctx, imap_t *m, uint64_t key, int val)
{
    if (key < IMAP_DENSE_MAX) {
        if (key >= m->dense_cap) {
            size_t nc = m->dense_cap ? m->dense_cap : 256;
            while (nc <= key)
                nc *= 2;
            int *nd = brink_realloc(ctx, m->dense, nc * sizeof *nd);
            if (!nd)
                return 0;
            for (size_t i = m->dense_cap; i < nc; i++)
                nd[i] = -1;
            m->dense = nd;
            m->dense_cap = nc;
        }
        m->dense[key] = val;
        return 1;
    }
    if ((m->count + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        uint64_t *nk = brink_malloc(ctx, nc * sizeof *nk);
        int *nv = brink_malloc(ctx, nc * sizeof *nv);
        if (!nk || !nv) {
            brink_free(ctx, nk);
            brink_free(ctx, nv);
            return 0;
        }
        for (size_t i = 0; i < nc; i++)
            nv[i] = -1;
        for (size_t i = 0; i < m->cap; i++)
            if (m->vals[i] >= 0) {
                size_t j = (size_t)mix64(m->keys[i]) & (nc - 1);
                while (nv[j] >= 0)
                    j = (j + 1) & (nc - 1);
                nk[j] = m->keys[i];
                nv[j] = m->vals[i];
            }
        brink_free(ctx, m->keys);
        brink_free(ctx, m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = nc;
    }
    size_t i = (size_t)mix64(key) & (m->cap - 1);
    while (m->vals[i] >= 0)
        i = (i + 1) & (m->cap - 1);
    m->keys[i] = key;
    m->vals[i] = val;
    m->count++;
    return 1;
}

static void imap_free(brink_ctx_t *ctx, imap_t *m)
{
    brink_free(ctx, m->dense);
    brink_free(ctx, m->keys);
    brink_free(ctx, m->vals);
}

typedef struct open_parent {
    size_t node;
    int next; /* next child slot */
} open_parent_t;

typedef struct efg_reader {
    lexer_t *L;
    brink_game_t *g;
    size_t node_cap, child_cap, child_count;
    int iset_cap, out_cap;
    imap_t *isets; /* per player, [0] chance */
    imap_t outs;
    open_parent_t *stack;
    size_t sp, stack_cap;
    int *out_line, *out_col; /* where each outcome was first used */
    char *out_defined;
    mpq_t q;                 /* a parsed number */
    mpq_t q0;                /* 0 */
    char **acts;             /* action names of the information set being read */
    mpq_t *probs;            /* and their chance probabilities (act_cap, initialized) */
    int act_cap;
    /* the last information set's name and action names, shared by the next
     * information sets that repeat them (arena strings are immutable) */
    struct {
        char *s;
        size_t n;
    } last[9];
} efg_reader_t;

/* the current string token as an arena string; slot (0: name, 1 + a:
 * action a) remembers the last one so that repeated names are shared */
static char *arena_token(efg_reader_t *R, int slot)
{
    lexer_t *L = R->L;
    if (slot < 9 && R->last[slot].s && R->last[slot].n == L->tlen &&
        memcmp(R->last[slot].s, L->sbuf, L->tlen) == 0)
        return R->last[slot].s;
    char *s = game_arena_strndup(L->ctx, R->g, L->sbuf, L->tlen);
    if (s && slot < 9) {
        R->last[slot].s = s;
        R->last[slot].n = L->tlen;
    }
    return s;
}

#define OOM(R) lex_error((R)->L, BRINK_ENOMEM, (R)->L->tline, (R)->L->tcol, "out of memory")

static void *grow(brink_ctx_t *ctx, void *p, size_t *cap, size_t need, size_t elt)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *np = brink_realloc(ctx, p, nc * elt);
    if (np)
        *cap = nc;
    return np;
}

/* outcome reference: number [ "name" { payoffs } ]; current token is the number */
static brink_status_t rd_outcome(efg_reader_t *R, int *out_index)
{
    lexer_t *L = R->L;
    brink_game_t *g = R->g;
    brink_ctx_t *ctx = L->ctx;
    long num;
    brink_status_t st;
    if ((st = rd_int(L, 0, 2000000000L, &num, "an outcome number", 0, 0)) != BRINK_OK)
        return st;
    int ul = L->tline, uc = L->tcol;
    lex_next(L);
    if (num == 0) {
        *out_index = -1;
        return BRINK_OK;
    }
    int idx = imap_get(&R->outs, (uint64_t)num);
    if (idx < 0) {
        if (g->noutcomes == R->out_cap) {
            int nc = R->out_cap ? R->out_cap * 2 : 16;
            game_outcome_t *no = brink_realloc(ctx, g->outcomes, (size_t)nc * sizeof *no);
            if (!no)
                return OOM(R);
            g->outcomes = no;
            int *nl = brink_realloc(ctx, R->out_line, (size_t)nc * sizeof *nl);
            if (!nl)
                return OOM(R);
            R->out_line = nl;
            int *ncl = brink_realloc(ctx, R->out_col, (size_t)nc * sizeof *ncl);
            if (!ncl)
                return OOM(R);
            R->out_col = ncl;
            char *nd = brink_realloc(ctx, R->out_defined, (size_t)nc);
            if (!nd)
                return OOM(R);
            R->out_defined = nd;
            R->out_cap = nc;
        }
        idx = g->noutcomes;
        game_outcome_t *o = &g->outcomes[idx];
        memset(o, 0, sizeof *o);
        g->noutcomes++;
        R->out_line[idx] = ul;
        R->out_col[idx] = uc;
        R->out_defined[idx] = 0;
        /* one arena block: the exact payoffs (read-only, set when defined),
         * then their doubles */
        o->pay = game_arena_alloc(ctx, g, (size_t)g->nplayers * (sizeof *o->pay + sizeof *o->dpay));
        if (!o->pay)
            return OOM(R);
        o->dpay = (double *)(void *)(o->pay + g->nplayers);
        for (int p = 0; p < g->nplayers; p++) {
            o->dpay[p] = 0;
            if (!game_arena_mpq(ctx, g, o->pay[p], R->q0))
                return OOM(R);
        }
        if (!imap_put(ctx, &R->outs, (uint64_t)num, idx))
            return OOM(R);
    }
    *out_index = idx;
    if (L->kind != TOK_STRING)
        return BRINK_OK;
    game_outcome_t *o = &g->outcomes[idx];
    int first = !R->out_defined[idx];
    if (first) {
        if (!(o->name = game_arena_strndup(ctx, g, L->sbuf, L->tlen)))
            return OOM(R);
    }
    lex_next(L);
    if (L->kind != TOK_LBRACE)
        return lex_expected(L, "'{' to open the payoffs of the outcome");
    for (int p = 0; p < g->nplayers; p++) {
        lex_next(L);
        if (L->kind == TOK_COMMA)
            lex_next(L);
        if ((st = rd_number(L, R->q, "the payoff of player %ld", p + 1, 0)) != BRINK_OK)
            return st;
        if (first) {
            if (!game_arena_mpq(ctx, g, o->pay[p], R->q))
                return OOM(R);
            o->dpay[p] = game_q_to_d(R->q);
        }
    }
    lex_next(L);
    if (L->kind == TOK_COMMA)
        lex_next(L);
    if (L->kind != TOK_RBRACE) {
        char what[96];
        snprintf(what, sizeof what, "'}' after the %d payoffs of the outcome", g->nplayers);
        return lex_expected(L, what);
    }
    R->out_defined[idx] = 1;
    lex_next(L);
    return BRINK_OK;
}

/* room for n actions in the reader's scratch lists */
static int acts_reserve(efg_reader_t *R, int n)
{
    if (n <= R->act_cap)
        return 1;
    brink_ctx_t *ctx = R->L->ctx;
    int nc = R->act_cap ? 2 * R->act_cap : 8;
    while (nc < n)
        nc *= 2;
    char **na = brink_realloc(ctx, R->acts, (size_t)nc * sizeof *na);
    if (!na)
        return 0;
    R->acts = na;
    mpq_t *np = brink_realloc(ctx, R->probs, (size_t)nc * sizeof *np);
    if (!np)
        return 0;
    R->probs = np;
    for (int a = R->act_cap; a < nc; a++)
        mpq_init(R->probs[a]);
    R->act_cap = nc;
    return 1;
}

/* the action name of the current token as action k (kept only when the
 * information set is new); 0 when out of memory */
static int add_action(efg_reader_t *R, int k, int fresh)
{
    if (!acts_reserve(R, k + 1))
        return 0;
    R->acts[k] = NULL;
    return !fresh || (R->acts[k] = arena_token(R, 1 + k)) != NULL;
}

/* infoset reference after the infoset number; player -1 = chance.  current
 * token follows the number.  A new information set's name and actions go
 * to the game's arena; a repeated one's are only checked. */
static brink_status_t rd_infoset(efg_reader_t *R, int player, long num, int nl, int nc,
                                 int *out_index)
{
    lexer_t *L = R->L;
    brink_game_t *g = R->g;
    brink_ctx_t *ctx = L->ctx;
    brink_status_t st;
    uint64_t key = (uint64_t)num;
    imap_t *imap = &R->isets[player + 1];
    int idx = imap_get(imap, key);
    int fresh = idx < 0;
    char *name = NULL;
    int nacts = -1;
    int al = 0, ac = 0;
    if (L->kind == TOK_STRING) {
        if (fresh && !(name = arena_token(R, 0)))
            return OOM(R);
        lex_next(L);
        if (L->kind != TOK_LBRACE)
            return lex_expected(L, player < 0 ? "'{' to open the chance actions"
                                              : "'{' to open the actions of the information set");
    }
    if (L->kind == TOK_LBRACE) {
        al = L->tline;
        ac = L->tcol;
        nacts = 0;
        if (player >= 0) {
            for (;;) {
                lex_next(L);
                if (L->kind == TOK_RBRACE)
                    break;
                if (L->kind == TOK_COMMA)
                    continue;
                if (L->kind != TOK_STRING)
                    return lex_expected(L, "a quoted name or '}' in the list of actions");
                if (!add_action(R, nacts, fresh))
                    return OOM(R);
                nacts++;
            }
        } else {
            /* { "name" prob "name" prob ... } */
            for (;;) {
                lex_next(L);
                if (L->kind == TOK_COMMA)
                    continue;
                if (L->kind == TOK_RBRACE)
                    break;
                if (L->kind != TOK_STRING)
                    return lex_expected(L, "a quoted action name or '}' in the chance actions");
                if (!add_action(R, nacts, fresh))
                    return OOM(R);
                nacts++;
                lex_next(L);
                if (L->kind == TOK_COMMA)
                    lex_next(L);
                if ((st = rd_number(L, R->probs[nacts - 1], "the probability of the chance action",
                                    0, 0)) != BRINK_OK)
                    return st;
                if (mpq_sgn(R->probs[nacts - 1]) < 0)
                    return lex_error(L, BRINK_EVALIDATE, L->tline, L->tcol,
                                     "a chance probability must not be negative");
            }
            mpq_set_ui(R->q, 0, 1);
            for (int a = 0; a < nacts; a++)
                mpq_add(R->q, R->q, R->probs[a]);
            int one = mpq_cmp_ui(R->q, 1, 1) == 0;
            double dsum = mpq_get_d(R->q);
            if (!one && (dsum < 1 - 1e-6 || dsum > 1 + 1e-6)) {
                /* the exact sum when it is short, and 15 significant
                 * digits (mpq_get_d truncates, so the 17th may be off) */
                char exact[96] = "";
                if (mpz_sizeinbase(mpq_numref(R->q), 10) + mpz_sizeinbase(mpq_denref(R->q), 10) <
                    40)
                    gmp_snprintf(exact, sizeof exact, "%Qd (", R->q);
                return lex_error(L, BRINK_EVALIDATE, al, ac,
                                 "the chance probabilities sum to %s%.15g%s, expected 1", exact,
                                 dsum, exact[0] ? ")" : "");
            }
        }
        if (nacts < 1)
            return lex_error(L, BRINK_EVALIDATE, al, ac,
                             "an information set needs at least one action");
        lex_next(L);
    }
    if (fresh) {
        if (nacts < 0)
            return lex_error(L, BRINK_EVALIDATE, nl, nc,
                             "information set %ld of %s is used before its actions are given", num,
                             player < 0 ? "chance" : "this player");
        if (g->ninfosets == R->iset_cap) {
            int ncap = R->iset_cap ? R->iset_cap * 2 : 16;
            game_infoset_t *ni = brink_realloc(ctx, g->infosets, (size_t)ncap * sizeof *ni);
            if (!ni)
                return OOM(R);
            g->infosets = ni;
            R->iset_cap = ncap;
        }
        char **acts = game_arena_alloc(ctx, g, (size_t)nacts * sizeof *acts);
        if (!acts)
            return OOM(R);
        memcpy(acts, R->acts, (size_t)nacts * sizeof *acts);
        idx = g->ninfosets++;
        game_infoset_t *is = &g->infosets[idx];
        memset(is, 0, sizeof *is);
        is->player = player;
        is->number = (int)num;
        is->name = name;
        is->nactions = nacts;
        is->actions = acts;
        is->first_node = g->nnodes;
        if (player < 0) {
            is->probs = game_arena_alloc(ctx, g, (size_t)nacts * sizeof *is->probs);
            is->dprobs = game_arena_alloc(ctx, g, (size_t)nacts * sizeof *is->dprobs);
            if (!is->probs || !is->dprobs)
                return OOM(R);
            for (int a = 0; a < nacts; a++) {
                if (!game_arena_mpq(ctx, g, is->probs[a], R->probs[a]))
                    return OOM(R);
                is->dprobs[a] = game_q_to_d(R->probs[a]);
            }
        }
        if (!imap_put(ctx, imap, key, idx))
            return OOM(R);
        *out_index = idx;
        return BRINK_OK;
    }
    game_infoset_t *is = &g->infosets[idx];
    if (nacts >= 0 && nacts != is->nactions)
        return lex_error(L, BRINK_EVALIDATE, al, ac,
                         "information set %ld was declared with %d actions, here it has %d", num,
                         is->nactions, nacts);
    if (nacts >= 0 && player < 0)
        for (int a = 0; a < nacts; a++)
            if (!mpq_equal(R->probs[a], is->probs[a]))
                return lex_error(L, BRINK_EVALIDATE, al, ac,
                                 "chance information set %ld repeats with different "
                                 "probabilities",
                                 num);
    *out_index = idx;
    return BRINK_OK;
}

static brink_status_t finish(efg_reader_t *R)
{
    brink_game_t *g = R->g;
    brink_ctx_t *ctx = R->L->ctx;
    int np = g->nplayers;
    g->player_ninfosets = brink_calloc(ctx, (size_t)np + 1, sizeof(int));
    g->player_infosets = brink_calloc(ctx, (size_t)np + 1, sizeof(int *));
    if (!g->player_ninfosets || !g->player_infosets)
        return OOM(R);
    for (int k = 0; k < g->ninfosets; k++)
        g->player_ninfosets[g->infosets[k].player + 1]++;
    for (int p = 0; p <= np; p++) {
        g->player_infosets[p] =
            brink_malloc(ctx, (size_t)(g->player_ninfosets[p] ? g->player_ninfosets[p] : 1) *
                                  sizeof(int));
        if (!g->player_infosets[p])
            return OOM(R);
        g->player_ninfosets[p] = 0;
    }
    for (int k = 0; k < g->ninfosets; k++) {
        int p = g->infosets[k].player + 1;
        g->infosets[k].index = g->player_ninfosets[p];
        g->player_infosets[p][g->player_ninfosets[p]++] = k;
    }
    for (size_t i = 0; i < g->nnodes; i++) {
        game_node_t *n = &g->nodes[i];
        if (n->infoset >= 0)
            g->infosets[n->infoset].nmembers++;
        for (int c = 0; c < n->nchildren; c++)
            g->nodes[g->children[n->child0 + (size_t)c]].parent_action = c;
    }
    return BRINK_OK;
}

brink_status_t efg_read(lexer_t *L, brink_game_t *g)
{
    brink_ctx_t *ctx = L->ctx;
    brink_status_t st;
    efg_reader_t R;
    memset(&R, 0, sizeof R);
    R.L = L;
    R.g = g;
    mpq_inits(R.q, R.q0, NULL);
    if ((st = rd_header(L, g, "EFG", 2)) != BRINK_OK)
        goto done;
    R.isets = brink_calloc(ctx, (size_t)g->nplayers + 1, sizeof *R.isets);
    if (!R.isets) {
        st = OOM(&R);
        goto done;
    }
    {
        /* files list one node per line: the line count sizes the node and
         * child arrays at once (they still grow if a file packs lines) */
        size_t lines = 1;
        const char *p = L->src + L->pos, *end = L->src + L->len;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            lines++;
            p++;
        }
        if (lines > 64) {
            g->nodes = grow(ctx, g->nodes, &R.node_cap, lines, sizeof *g->nodes);
            g->children = grow(ctx, g->children, &R.child_cap, lines, sizeof *g->children);
            if (!g->nodes || !g->children) {
                st = OOM(&R);
                goto done;
            }
        }
    }
    if (L->kind == TOK_STRING) {
        if (!(g->comment = brink_strndup(ctx, L->sbuf, L->tlen))) {
            st = OOM(&R);
            goto done;
        }
        lex_next(L);
    }
    for (;;) {
        if (L->kind == TOK_EOF) {
            if (g->nnodes == 0) {
                st = lex_expected(L, "the root node ('p', 'c' or 't')");
                goto done;
            }
            if (R.sp > 0) {
                game_node_t *pn = &g->nodes[R.stack[R.sp - 1].node];
                st = lex_error(L, BRINK_EPARSE, L->tline, L->tcol,
                               "expected a node ('p', 'c' or 't') for child %d of %d of the node "
                               "listed as node %zu, found end of file",
                               R.stack[R.sp - 1].next + 1, pn->nchildren,
                               R.stack[R.sp - 1].node + 1);
                goto done;
            }
            break;
        }
        if (L->kind != TOK_WORD || L->tlen != 1 ||
            (L->text[0] != 'p' && L->text[0] != 'c' && L->text[0] != 't')) {
            st = lex_expected(L, "a node: 'p' (personal), 'c' (chance) or 't' (terminal)");
            goto done;
        }
        if (g->nnodes > 0 && R.sp == 0) {
            st = lex_expected(L, "end of file (the tree is already complete)");
            goto done;
        }
        char kind = L->text[0];
        int nl = L->tline, nc = L->tcol;
        if (!(g->nodes = grow(ctx, g->nodes, &R.node_cap, g->nnodes + 1, sizeof *g->nodes))) {
            st = OOM(&R);
            goto done;
        }
        size_t id = g->nnodes++;
        game_node_t *n = &g->nodes[id];
        memset(n, 0, sizeof *n);
        n->infoset = -1;
        n->outcome = -1;
        n->parent = SIZE_MAX;
        n->parent_action = -1;
        if (R.sp > 0) {
            open_parent_t *top = &R.stack[R.sp - 1];
            n->parent = top->node;
            g->children[g->nodes[top->node].child0 + (size_t)top->next] = id;
            if (++top->next == g->nodes[top->node].nchildren)
                R.sp--;
        }
        lex_next(L);
        if (L->kind != TOK_STRING) {
            st = lex_expected(L, "the quoted name of the node");
            goto done;
        }
        if (L->tlen > 0 && !(n->name = game_arena_strndup(ctx, g, L->sbuf, L->tlen))) {
            st = OOM(&R);
            goto done;
        }
        lex_next(L);
        int iset = -1;
        if (kind == 'p') {
            long pl, num;
            if ((st = rd_int(L, 1, g->nplayers, &pl, "a player number from 1 to %ld",
                             g->nplayers, 0)) != BRINK_OK)
                goto done;
            lex_next(L);
            if ((st = rd_int(L, 1, 2000000000L, &num, "an information set number", 0, 0)) != BRINK_OK)
                goto done;
            lex_next(L);
            if ((st = rd_infoset(&R, (int)pl - 1, num, nl, nc, &iset)) != BRINK_OK)
                goto done;
        } else if (kind == 'c') {
            long num;
            if ((st = rd_int(L, 1, 2000000000L, &num, "a chance information set number", 0, 0)) !=
                BRINK_OK)
                goto done;
            lex_next(L);
            if ((st = rd_infoset(&R, -1, num, nl, nc, &iset)) != BRINK_OK)
                goto done;
        }
        n = &g->nodes[id];
        n->kind = kind == 't' ? NODE_TERMINAL : kind == 'p' ? NODE_PERSONAL : NODE_CHANCE;
        n->infoset = iset;
        if ((st = rd_outcome(&R, &n->outcome)) != BRINK_OK)
            goto done;
        if (iset >= 0) {
            int k = g->infosets[iset].nactions;
            n->nchildren = k;
            n->child0 = R.child_count;
            if (!(g->children = grow(ctx, g->children, &R.child_cap, R.child_count + (size_t)k,
                                     sizeof *g->children))) {
                st = OOM(&R);
                goto done;
            }
            R.child_count += (size_t)k;
            if (!(R.stack = grow(ctx, R.stack, &R.stack_cap, R.sp + 1, sizeof *R.stack))) {
                st = OOM(&R);
                goto done;
            }
            R.stack[R.sp].node = id;
            R.stack[R.sp].next = 0;
            R.sp++;
        }
    }
    for (int o = 0; o < g->noutcomes; o++)
        if (!R.out_defined[o]) {
            st = lex_error(L, BRINK_EVALIDATE, R.out_line[o], R.out_col[o],
                           "outcome used here is never given a name and payoffs");
            goto done;
        }
    st = finish(&R);
done:
    if (R.isets)
        for (int p = 0; p <= g->nplayers; p++)
            imap_free(ctx, &R.isets[p]);
    brink_free(ctx, R.isets);
    imap_free(ctx, &R.outs);
    brink_free(ctx, R.stack);
    brink_free(ctx, R.out_line);
    brink_free(ctx, R.out_col);
    brink_free(ctx, R.out_defined);
    mpq_clears(R.q, R.q0, NULL);
    brink_free(ctx, R.acts);
    for (int a = 0; a < R.act_cap; a++)
        mpq_clear(R.probs[a]);
    brink_free(ctx, R.probs);
    if (st == BRINK_OK && L->failed)
        st = L->status;
    return st;
}
