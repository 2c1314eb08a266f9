/* play_log.c - the play log (brink/play.h): what a session needs to replay it,
 * the seed and the decisions, as lines of text; a strict reader and the
 * replay.  Uses the public play API only. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/play.h"

#define LOG_MAX ((size_t)1 << 20)

static void month_text(int m, char buf[8])
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

brink_status_t brink_play_log_write(const brink_play_t *p, const char *scenario_hash, FILE *fp)
{
    const int *dm, *da, *dt;
    size_t n = brink_play_decisions(p, &dm, &da, &dt);
    fprintf(fp, "brink-play 1\nscenario %s\nactor %s\nseed %" PRIu64 "\nrun %" PRIu32 "\n",
            scenario_hash && *scenario_hash ? scenario_hash : "-",
            brink_sim_actor_id(brink_play_sim(p), brink_play_actor(p)), brink_play_seed(p),
            brink_play_run(p));
    for (size_t k = 0; k < n; k++) {
        char mon[8];
        month_text(dm[k], mon);
        fprintf(fp, "%s %s %s\n", mon, brink_play_action_name(da[k]),
                brink_play_talks_name(dt[k]));
    }
    return ferror(fp) ? BRINK_EIO : BRINK_OK;
}

void brink_play_log_free(brink_ctx_t *ctx, brink_play_log_t *log)
{
    if (!log)
        return;
    brink_free(ctx, log->month);
    brink_free(ctx, log->action);
    brink_free(ctx, log->talks);
    brink_free(ctx, log->line);
    memset(log, 0, sizeof *log);
}

/* a line's fields split at single spaces */
typedef struct fields {
    int n;
    const char *f[4];
    size_t len[4];
    int col[4];
} fields_t;

static int split(const char *s, size_t len, fields_t *fs)
{
    fs->n = 0;
    size_t i = 0;
    while (i < len) {
        if (fs->n == 4)
            return -1;
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (j == i)
            return -1; /* an empty field: two spaces, or a leading or trailing one */
        fs->f[fs->n] = s + i;
        fs->len[fs->n] = j - i;
        fs->col[fs->n] = (int)i + 1;
        fs->n++;
        i = j + (j < len);
        if (j < len && i == len)
            return -1;
    }
    return 0;
}

static int is(const fields_t *fs, int k, const char *word)
{
    return fs->len[k] == strlen(word) && memcmp(fs->f[k], word, fs->len[k]) == 0;
}

static int parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out)
{
    if (len == 0 || len > 20 || (len > 1 && s[0] == '0'))
        return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

static int parse_month(const char *s, size_t len, int *out)
{
    if (len != 7 || s[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return -1;
    *out = y * 12 + m - 1;
    return 0;
}

static char *field_copy(const fields_t *fs, int k, char *buf, size_t n)
{
    size_t l = fs->len[k] < n - 1 ? fs->len[k] : n - 1;
    memcpy(buf, fs->f[k], l);
    buf[l] = 0;
    return buf;
}

brink_status_t brink_play_log_parse(brink_ctx_t *ctx, const char *name, const char *text,
                                    size_t len, brink_play_log_t *log)
{
    static const char *const header[] = {"brink-play", "scenario", "actor", "seed", "run"};
    brink_status_t st = BRINK_OK;
    char v[64];
    memset(log, 0, sizeof *log);
    if (len > LOG_MAX) {
        st = brink_ctx_error(ctx, BRINK_EPARSE, "%s: the log is %zu bytes; at most %zu allowed",
                             name, len, LOG_MAX);
        goto cleanup;
    }
    size_t cap = 0;
    int line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - s) : len - pos;
        pos += l + (nl != NULL);
        line++;
        const char *nul = memchr(s, '\0', l);
        if (nul) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:%d: a NUL byte; a play log is text",
                                 name, line, (int)(nul - s) + 1);
            goto cleanup;
        }
        if (l && s[l - 1] == '\r')
            l--;
        fields_t fs;
        if (split(s, l, &fs) != 0 || fs.n < 2) {
            st = brink_ctx_error(ctx, BRINK_EPARSE,
                                 "%s:%d:1: '%.40s' is not a line of a play log (expected fields "
                                 "separated by single spaces: %s)",
                                 name, line, s, line <= 5 ? "KEY VALUE" : "YYYY-MM ACTION TALKS");
            goto cleanup;
        }
        if (line <= 5) {
            if (!is(&fs, 0, header[line - 1]) || fs.n != 2) {
                st = brink_ctx_error(ctx, BRINK_EPARSE,
                                     "%s:%d:1: '%s': expected the line '%s VALUE' (header lines "
                                     "brink-play, scenario, actor, seed, run in that order)",
                                     name, line, field_copy(&fs, 0, v, sizeof v), header[line - 1]);
                goto cleanup;
            }
            uint64_t x;
            if (line == 1 && !is(&fs, 1, "1")) {
                st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:1:%d: version '%s'; expected 1", name,
                                     fs.col[1], field_copy(&fs, 1, v, sizeof v));
                goto cleanup;
            }
            if (line == 2)
                field_copy(&fs, 1, log->scenario, sizeof log->scenario);
            if (line == 3)
                field_copy(&fs, 1, log->actor, sizeof log->actor);
            if ((line == 4 || line == 5) &&
                parse_uint(fs.f[1], fs.len[1], line == 4 ? UINT64_MAX : UINT32_MAX, &x) != 0) {
                st = brink_ctx_error(ctx, BRINK_EPARSE,
                                     "%s:%d:%d: %s '%s' is not a whole decimal number in [0, %s]",
                                     name, line, fs.col[1], header[line - 1],
                                     field_copy(&fs, 1, v, sizeof v),
                                     line == 4 ? "2^64-1" : "2^32-1");
                goto cleanup;
            }
            if (line == 4)
                log->seed = x;
            if (line == 5)
                log->run = (uint32_t)x;
            continue;
        }
        int mon, a, t;
        if (fs.n != 3) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: %d fields; expected YYYY-MM ACTION "
                                 "TALKS", name, line, fs.n);
            goto cleanup;
        }
        if (parse_month(fs.f[0], fs.len[0], &mon) != 0) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: month '%s' is not YYYY-MM", name,
                                 line, field_copy(&fs, 0, v, sizeof v));
            goto cleanup;
        }
        if (log->n && mon != log->month[log->n - 1] + 1) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: month '%s' does not follow the "
                                 "previous decision's month", name, line,
                                 field_copy(&fs, 0, v, sizeof v));
            goto cleanup;
        }
        if ((a = brink_play_action_index(field_copy(&fs, 1, v, sizeof v))) < 0) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:%d: action '%s'; expected wait, "
                                 "impose_sanctions, threaten_force or provide_aid", name, line,
                                 fs.col[1], v);
            goto cleanup;
        }
        if ((t = brink_play_talks_index(field_copy(&fs, 2, v, sizeof v))) < 0) {
            st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:%d: talks '%s'; expected model, seek "
                                 "or refuse", name, line, fs.col[2], v);
            goto cleanup;
        }
        if (log->n == cap) {
            size_t nc = cap ? 2 * cap : 64;
            int *p1 = brink_realloc(ctx, log->month, nc * sizeof *p1);
            if (p1)
                log->month = p1;
            int *p2 = p1 ? brink_realloc(ctx, log->action, nc * sizeof *p2) : NULL;
            if (p2)
                log->action = p2;
            int *p3 = p2 ? brink_realloc(ctx, log->talks, nc * sizeof *p3) : NULL;
            if (p3)
                log->talks = p3;
            int *p4 = p3 ? brink_realloc(ctx, log->line, nc * sizeof *p4) : NULL;
            if (!p4) {
                st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", name);
                goto cleanup;
            }
            log->line = p4;
            cap = nc;
        }
        log->month[log->n] = mon;
        log->action[log->n] = a;
        log->talks[log->n] = t;
        log->line[log->n] = line;
        log->n++;
    }
    if (line < 5)
        st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: the log ends before its header "
                             "(brink-play, scenario, actor, seed, run)", name, line + 1);
cleanup:
    if (st != BRINK_OK)
        brink_play_log_free(ctx, log);
    return st;
}

brink_status_t brink_play_replay(brink_ctx_t *ctx, const brink_sim_t *sim, const char *name,
                                 const brink_play_log_t *log, brink_play_t **out)
{
    brink_play_t *p = NULL;
    brink_status_t st = BRINK_OK;
    *out = NULL;
    int actor = brink_play_actor_index(sim, log->actor);
    if (actor < 0) {
        st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:3:7: actor '%s' is not an actor of the "
                             "scenario", name, log->actor);
        goto cleanup;
    }
    if ((st = brink_play_new(ctx, sim, log->seed, log->run, actor, &p)) != BRINK_OK)
        goto cleanup;
    for (size_t k = 0; k < log->n; k++) {
        char want[8], got[8];
        if (brink_play_done(p) || log->month[k] != brink_play_month(p)) {
            month_text(log->month[k], got);
            month_text(brink_play_month(p), want);
            if (brink_play_done(p))
                st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: a decision for %s after the "
                                     "run has ended", name, log->line[k], got);
            else
                st = brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:1: a decision for %s; the "
                                     "session awaits %s", name, log->line[k], got, want);
            goto cleanup;
        }
        if ((st = brink_play_decide(ctx, p, log->action[k], log->talks[k])) != BRINK_OK) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s", brink_ctx_errmsg(ctx));
            st = brink_ctx_error(ctx, st == BRINK_ENOMEM ? st : BRINK_EPARSE, "%s:%d:9: %s", name,
                                 log->line[k], msg);
            goto cleanup;
        }
    }
    *out = p;
    p = NULL;
cleanup:
    brink_play_free(p);
    return st;
}
