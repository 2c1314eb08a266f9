/* nfg_read.c - Gambit's strategic-form file (.nfg), payoff and outcome forms. */
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

/* reads { "a" "b" ... } into a string list; the current token is '{' */
brink_status_t rd_string_list(lexer_t *L, char ***out, int *count, const char *what)
{
    char **v = NULL;
    int n = 0, cap = 0;
    brink_status_t st = BRINK_OK;
    if (L->kind != TOK_LBRACE) {
        char m[128];
        snprintf(m, sizeof m, "'{' to open the list of %s", what);
        return lex_expected(L, m);
    }
    for (;;) {
        lex_next(L);
        if (L->kind == TOK_RBRACE)
            break;
        if (L->kind == TOK_COMMA)
            continue;
        if (L->kind != TOK_STRING) {
            char m[128];
            snprintf(m, sizeof m, "a quoted name or '}' in the list of %s", what);
            st = lex_expected(L, m);
            goto fail;
        }
        if (n == cap) {
            int nc = cap ? cap * 2 : 4;
            char **nv = brink_realloc(L->ctx, v, (size_t)nc * sizeof *nv);
            if (!nv) {
                st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                goto fail;
            }
            v = nv;
            cap = nc;
        }
        v[n] = brink_strndup(L->ctx, L->sbuf, L->tlen);
        if (!v[n]) {
            st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
            goto fail;
        }
        n++;
    }
    *out = v;
    *count = n;
    return BRINK_OK;
fail:
    for (int i = 0; i < n; i++)
        brink_free(L->ctx, v[i]);
    brink_free(L->ctx, v);
    return st;
}

brink_status_t rd_number(lexer_t *L, mpq_t q, const char *fmt, long a, long b)
{
    if (L->kind == TOK_NUMBER && game_parse_number(L->text, L->tlen, q) == 0)
        return BRINK_OK;
    char what[160];
    snprintf(what, sizeof what, fmt, a, b);
    if (L->kind != TOK_NUMBER)
        return lex_expected(L, what);
    else
        return lex_error(L, BRINK_EPARSE, L->tline, L->tcol,
                         "expected %s, found malformed number '%.*s'", what,
                         (int)(L->tlen > 40 ? 40 : L->tlen), L->text);
}

brink_status_t rd_int(lexer_t *L, long lo, long hi, long *out, const char *fmt, long a, long b)
{
    char m[320], what[160];
    if (L->kind == TOK_NUMBER && L->tlen <= 10) {
        long v = 0;
        size_t i = 0;
        for (; i < L->tlen && L->text[i] >= '0' && L->text[i] <= '9'; i++)
            v = v * 10 + (L->text[i] - '0');
        if (i == L->tlen && v >= lo && v <= hi) {
            *out = v;
            return BRINK_OK;
        }
    }
    snprintf(what, sizeof what, fmt, a, b);
    if (L->kind != TOK_NUMBER)
        return lex_expected(L, what);
    long v = 0;
    for (size_t i = 0; i < L->tlen; i++) {
        char c = L->text[i];
        if (c < '0' || c > '9' || v > 100000000000L) {
            snprintf(m, sizeof m, "%s (a whole number from %ld to %ld)", what, lo, hi);
            return lex_expected(L, m);
        }
        v = v * 10 + (c - '0');
    }
    if (v < lo || v > hi) {
        snprintf(m, sizeof m, "%s (a whole number from %ld to %ld)", what, lo, hi);
        return lex_expected(L, m);
    }
    *out = v;
    return BRINK_OK;
}

/* the header shared by both formats: KEYWORD VERSION R|D "title" { players } */
brink_status_t rd_header(lexer_t *L, brink_game_t *g, const char *keyword, int version)
{
    brink_status_t st;
    char m[64];
    snprintf(m, sizeof m, "'%s' at the start of the file", keyword);
    if (L->kind != TOK_WORD || L->tlen != strlen(keyword) || memcmp(L->text, keyword, L->tlen))
        return lex_expected(L, m);
    lex_next(L);
    snprintf(m, sizeof m, "the version number %d", version);
    if (L->kind != TOK_NUMBER || L->tlen != 1 || L->text[0] != (char)('0' + version))
        return lex_expected(L, m);
    lex_next(L);
    if (L->kind != TOK_WORD || L->tlen != 1 || (L->text[0] != 'R' && L->text[0] != 'D'))
        return lex_expected(L, "the number type 'R' or 'D'");
    lex_next(L);
    if (L->kind != TOK_STRING)
        return lex_expected(L, "the quoted title of the game");
    g->title = brink_strndup(L->ctx, L->sbuf, L->tlen);
    if (!g->title)
        return lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
    lex_next(L);
    int tl = L->tline, tc = L->tcol;
    if ((st = rd_string_list(L, &g->players, &g->nplayers, "players")) != BRINK_OK)
        return st;
    if (g->nplayers < 1)
        return lex_error(L, BRINK_EVALIDATE, tl, tc, "a game needs at least one player");
    lex_next(L);
    return BRINK_OK;
}

static brink_status_t set_cell(brink_game_t *g, size_t cont, int p, const mpq_t v)
{
    size_t k = cont * (size_t)g->nplayers + (size_t)p;
    mpq_set(g->pay[k], v);
    g->dpay[k] = mpq_get_d(v);
    return BRINK_OK;
}

brink_status_t nfg_read(lexer_t *L, brink_game_t *g)
{
    brink_status_t st;
    brink_ctx_t *ctx = L->ctx;
    mpq_t q;
    mpq_init(q);
    if ((st = rd_header(L, g, "NFG", 1)) != BRINK_OK)
        goto done;
    g->nstrat = brink_calloc(ctx, (size_t)g->nplayers, sizeof *g->nstrat);
    g->strat_names = brink_calloc(ctx, (size_t)g->nplayers, sizeof *g->strat_names);
    if (!g->nstrat || !g->strat_names) {
        st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
        goto done;
    }
    if (L->kind != TOK_LBRACE) {
        st = lex_expected(L, "'{' to open the strategy counts or names");
        goto done;
    }
    lex_next(L);
    if (L->kind == TOK_LBRACE) {
        for (int p = 0; p < g->nplayers; p++) {
            int tl = L->tline, tc = L->tcol;
            char what[64];
            snprintf(what, sizeof what, "strategies of player %d", p + 1);
            if ((st = rd_string_list(L, &g->strat_names[p], &g->nstrat[p], what)) != BRINK_OK)
                goto done;
            if (g->nstrat[p] < 1) {
                st = lex_error(L, BRINK_EVALIDATE, tl, tc, "player %d has no strategies", p + 1);
                goto done;
            }
            lex_next(L);
        }
    } else {
        for (int p = 0; p < g->nplayers; p++) {
            long v;
            if ((st = rd_int(L, 1, 1000000, &v, "the number of strategies of player %ld",
                             p + 1, 0)) != BRINK_OK)
                goto done;
            g->nstrat[p] = (int)v;
            g->strat_names[p] = brink_calloc(ctx, (size_t)v, sizeof(char *));
            if (!g->strat_names[p]) {
                st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                goto done;
            }
            for (long s = 0; s < v; s++) {
                char nm[24];
                snprintf(nm, sizeof nm, "%ld", s + 1);
                if (!(g->strat_names[p][s] = brink_strdup(ctx, nm))) {
                    st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                    goto done;
                }
            }
            lex_next(L);
        }
    }
    if (L->kind != TOK_RBRACE) {
        st = lex_expected(L, "'}' after the strategies of the last player");
        goto done;
    }
    {
        int tl = L->tline, tc = L->tcol;
        st = game_alloc_table(ctx, g);
        if (st != BRINK_OK) {
            char msg[160];
            double prof = 1;
            for (int p = 0; p < g->nplayers; p++)
                prof *= g->nstrat[p];
            snprintf(msg, sizeof msg,
                     "the game has %.4g strategy profiles (%.4g payoffs); the limit is %zu "
                     "payoffs",
                     prof, prof * g->nplayers, GAME_MAX_PAYOFFS);
            st = lex_error(L, st, tl, tc, "%s", st == BRINK_ELIMIT ? msg : "out of memory");
            goto done;
        }
    }
    lex_next(L);
    if (L->kind == TOK_STRING) {
        g->comment = brink_strndup(ctx, L->sbuf, L->tlen);
        if (!g->comment) {
            st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
            goto done;
        }
        lex_next(L);
    }
    if (L->kind == TOK_LBRACE) {
        /* outcome form */
        size_t cap = 0;
        for (;;) {
            lex_next(L);
            if (L->kind == TOK_RBRACE)
                break;
            if (L->kind == TOK_COMMA)
                continue;
            if (L->kind != TOK_LBRACE) {
                st = lex_expected(L, "'{' to open an outcome or '}' to end the outcomes");
                goto done;
            }
            if (g->noutcomes_nfg == cap) {
                size_t nc = cap ? cap * 2 : 8;
                game_outcome_t *no = brink_realloc(ctx, g->outcomes_nfg, nc * sizeof *no);
                if (!no) {
                    st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                    goto done;
                }
                g->outcomes_nfg = no;
                cap = nc;
            }
            game_outcome_t *o = &g->outcomes_nfg[g->noutcomes_nfg];
            memset(o, 0, sizeof *o);
            g->noutcomes_nfg++;
            o->pay = brink_malloc(ctx, (size_t)g->nplayers * sizeof *o->pay);
            o->dpay = brink_calloc(ctx, (size_t)g->nplayers, sizeof *o->dpay);
            if (!o->pay || !o->dpay) {
                brink_free(ctx, o->pay);
                o->pay = NULL;
                st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                goto done;
            }
            for (int p = 0; p < g->nplayers; p++)
                mpq_init(o->pay[p]);
            lex_next(L);
            if (L->kind != TOK_STRING) {
                st = lex_expected(L, "the quoted name of the outcome");
                goto done;
            }
            if (!(o->name = brink_strndup(ctx, L->sbuf, L->tlen))) {
                st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
                goto done;
            }
            for (int p = 0; p < g->nplayers; p++) {
                lex_next(L);
                if (L->kind == TOK_COMMA)
                    lex_next(L);
                if ((st = rd_number(L, o->pay[p], "the payoff of player %ld", p + 1, 0)) !=
                    BRINK_OK)
                    goto done;
                o->dpay[p] = mpq_get_d(o->pay[p]);
            }
            lex_next(L);
            if (L->kind != TOK_RBRACE) {
                st = lex_expected(L, "'}' after the payoffs of the outcome");
                goto done;
            }
        }
        g->cont_outcome = brink_calloc(ctx, g->ncont, sizeof *g->cont_outcome);
        if (!g->cont_outcome) {
            st = lex_error(L, BRINK_ENOMEM, L->tline, L->tcol, "out of memory");
            goto done;
        }
        for (size_t c = 0; c < g->ncont; c++) {
            lex_next(L);
            if (L->kind == TOK_COMMA)
                lex_next(L);
            long v;
            if ((st = rd_int(L, 0, (long)g->noutcomes_nfg, &v,
                             "the outcome number of strategy profile %ld", (long)c + 1, 0)) !=
                BRINK_OK)
                goto done;
            g->cont_outcome[c] = (size_t)v;
            if (v > 0)
                for (int p = 0; p < g->nplayers; p++)
                    set_cell(g, c, p, g->outcomes_nfg[v - 1].pay[p]);
        }
        lex_next(L);
    } else {
        for (size_t c = 0; c < g->ncont; c++)
            for (int p = 0; p < g->nplayers; p++) {
                if (c || p)
                    lex_next(L);
                if (L->kind == TOK_COMMA)
                    lex_next(L);
                if ((st = rd_number(L, q, "the payoff of player %ld in strategy profile %ld",
                                    p + 1, (long)c + 1)) != BRINK_OK)
                    goto done;
                set_cell(g, c, p, q);
            }
        lex_next(L);
    }
    if (L->kind == TOK_COMMA)
        lex_next(L);
    if (L->kind != TOK_EOF) {
        st = lex_expected(L, "end of file after the last payoff");
        goto done;
    }
    st = BRINK_OK;
done:
    mpq_clear(q);
    if (st == BRINK_OK && L->failed)
        st = L->status;
    return st;
}
