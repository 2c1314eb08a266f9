/*
 * ktab_csv.c - KTAB's SMP CSV input, read the way KTAB's smpc reads it
 * (SMPModel::csvRead over minicsv, smpread.cpp:67-258):
 *
 *   - fields are split at ',' outside double quotes; a field's surrounding
 *     quotes are trimmed and "$$" stands for a literal comma;
 *   - empty lines are skipped; fields past the ones expected are ignored, so
 *     a trailing comma (and any trailing text) is accepted;
 *   - strings are kept verbatim (no whitespace trimming);
 *   - numbers may have leading and trailing blanks.  KTAB also accepts a
 *     number followed by junk ("12abc" reads 12); brink reports an error.
 *
 * Every error names FILE:LINE:COL of the offending field.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast/fc_internal.h"

typedef struct csv_line {
    const char *text; /* start of the line */
    size_t len;       /* without the newline */
    int lineno;
    size_t pos;       /* read cursor */
} csv_line_t;

typedef struct csv_reader {
    brink_ctx_t *ctx;
    const char *file;
    const char *text;
    size_t len, off;
    int lineno;
    brink_diags_t *diags;
    brink_status_t st;
    char *field;      /* current field, NUL-terminated */
    size_t field_cap;
    int field_col;
} csv_reader_t;

static void csv_err(csv_reader_t *r, brink_status_t st, int line, int col, const char *fmt,
                    const char *a, const char *b)
{
    char msg[600];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    if (brink_diags_add(r->ctx, r->diags, r->file, line, col, "", "%s", msg) != BRINK_OK)
        st = BRINK_ENOMEM;
    if (r->st == BRINK_OK || st == BRINK_ENOMEM)
        r->st = st;
}

/* Next non-empty line; 0 at end of input. */
static int next_line(csv_reader_t *r, csv_line_t *ln)
{
    while (r->off < r->len) {
        const char *s = r->text + r->off;
        const char *nl = memchr(s, '\n', r->len - r->off);
        size_t l = nl ? (size_t)(nl - s) : r->len - r->off;
        r->off += l + (nl ? 1 : 0);
        r->lineno++;
        size_t el = l;
        if (el > 0 && s[el - 1] == '\r')
            el--;
        if (el == 0)
            continue;
        ln->text = s;
        ln->len = el;
        ln->lineno = r->lineno;
        ln->pos = 0;
        return 1;
    }
    return 0;
}

static int field_put(csv_reader_t *r, size_t n, char ch)
{
    if (n + 1 >= r->field_cap) {
        size_t nc = r->field_cap ? 2 * r->field_cap : 128;
        char *f = brink_realloc(r->ctx, r->field, nc);
        if (!f)
            return -1;
        r->field = f;
        r->field_cap = nc;
    }
    r->field[n] = ch;
    return 0;
}

/* Reads the next field of ln into r->field (minicsv's get_delimited_str). */
static int next_field(csv_reader_t *r, csv_line_t *ln)
{
    size_t n = 0;
    int inq = 0;
    r->field_col = (int)ln->pos + 1;
    if (field_put(r, 0, '\0') != 0)
        return -1;
    while (ln->pos < ln->len) {
        char ch = ln->text[ln->pos];
        if (ch == '"') {
            if (!inq && (ln->pos == 0 || ln->text[ln->pos - 1] == ','))
                inq = 1;
            else if (inq)
                inq = 0;
        }
        ln->pos++;
        if (ch == ',' && !inq)
            break;
        if (field_put(r, n++, ch) != 0)
            return -1;
    }
    r->field[n] = '\0';
    /* unescape "$$" -> "," */
    char *w = r->field;
    for (const char *p = r->field; *p; p++) {
        if (p[0] == '$' && p[1] == '$') {
            *w++ = ',';
            p++;
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    /* trim quote characters at both ends */
    size_t l = strlen(r->field);
    size_t a = 0;
    while (a < l && r->field[a] == '"')
        a++;
    while (l > a && r->field[l - 1] == '"')
        l--;
    memmove(r->field, r->field + a, l - a);
    r->field[l - a] = '\0';
    return 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

static int parse_num(csv_reader_t *r, int line, const char *what, double *out)
{
    const char *p = r->field;
    while (is_blank(*p))
        p++;
    if (!*p) {
        csv_err(r, BRINK_EPARSE, line, r->field_col, "expected a number for %s, found nothing",
                what, NULL);
        return -1;
    }
    const char *q = p + strlen(p);
    while (q > p && is_blank(q[-1]))
        q--;
    double v = 0;
    if (brink_parse_decimal(p, (size_t)(q - p), &v) != 0) {
        csv_err(r, BRINK_EPARSE, line, r->field_col, "expected a number for %s, found '%s'", what,
                r->field);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_count(csv_reader_t *r, int line, const char *what, long lo, long hi, long *out)
{
    const char *p = r->field;
    while (is_blank(*p))
        p++;
    char *end;
    errno = 0;
    long v = strtol(p, &end, 10);
    const char *q = end;
    while (is_blank(*q))
        q++;
    if (end == p || *q || errno == ERANGE) {
        csv_err(r, BRINK_EPARSE, line, r->field_col, "expected a whole number for %s, found '%s'",
                what, r->field);
        return -1;
    }
    if (v < lo || v > hi) {
        char rng[64];
        snprintf(rng, sizeof rng, "%ld..%ld", lo, hi);
        csv_err(r, BRINK_ERANGE, line, r->field_col, "%s must be in %s", what, rng);
        return -1;
    }
    *out = v;
    return 0;
}

static int need_line(csv_reader_t *r, csv_line_t *ln, const char *what)
{
    if (next_line(r, ln))
        return 0;
    csv_err(r, BRINK_EPARSE, r->lineno + 1, 1, "unexpected end of file: expected %s", what, NULL);
    return -1;
}

brink_status_t brink_fc_parse_ktab_csv(brink_ctx_t *ctx, const char *file, const char *text,
                                       size_t len, brink_fc_scenario_t **out,
                                       brink_diags_t *diags)
{
    csv_reader_t r = {ctx, file ? file : "<csv>", text, len, 0, 0, diags, BRINK_OK, NULL, 0, 0};
    brink_fc_scenario_t *s = NULL;
    char *sname = NULL, *sdesc = NULL;
    char **dnames = NULL;
    double *pos = NULL, *sal = NULL;
    long na = 0, nd = 0;
    csv_line_t ln;
    if (!out || !text)
        return BRINK_EINVAL;
    *out = NULL;

    /* line 1: name, description, actors, dimensions */
    if (need_line(&r, &ln, "the scenario line 'name,description,actors,dimensions'") != 0)
        goto done;
    if (next_field(&r, &ln) != 0)
        goto oom;
    sname = brink_strdup(ctx, r.field);
    if (next_field(&r, &ln) != 0)
        goto oom;
    sdesc = brink_strdup(ctx, r.field);
    if (!sname || !sdesc)
        goto oom;
    if (strlen(sname) > 512 || strlen(sdesc) > 512) {
        csv_err(&r, BRINK_ERANGE, ln.lineno, 1, "scenario name and description are limited to 512 characters", NULL, NULL);
        goto done;
    }
    if (next_field(&r, &ln) != 0)
        goto oom;
    if (parse_count(&r, ln.lineno, "the number of actors", 3, BRINK_FC_MAX_ACTORS, &na) != 0)
        goto done;
    if (next_field(&r, &ln) != 0)
        goto oom;
    if (parse_count(&r, ln.lineno, "the number of dimensions", 1, BRINK_FC_MAX_DIMS, &nd) != 0)
        goto done;

    /* line 2: header; dimension names come from the position columns */
    if (need_line(&r, &ln, "the header line 'Actor,Description,Power,Pos1,Sal1,...'") != 0)
        goto done;
    dnames = brink_calloc(ctx, (size_t)nd, sizeof *dnames);
    if (!dnames)
        goto oom;
    for (int k = 0; k < 3; k++)
        if (next_field(&r, &ln) != 0)
            goto oom;
    for (long d = 0; d < nd; d++) {
        if (next_field(&r, &ln) != 0)
            goto oom;
        if (strlen(r.field) > 256) {
            csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "dimension name longer than 256 characters", NULL, NULL);
            goto done;
        }
        dnames[d] = brink_strdup(ctx, r.field);
        if (!dnames[d] || next_field(&r, &ln) != 0)
            goto oom;
    }
    s = brink_fc_scenario_new(ctx, sname, sdesc, (size_t)nd, (const char *const *)dnames);
    pos = brink_malloc(ctx, (size_t)nd * sizeof *pos);
    sal = brink_malloc(ctx, (size_t)nd * sizeof *sal);
    if (!s || !pos || !sal || fc_scenario_set_source(s, file) != BRINK_OK)
        goto oom;

    for (long i = 0; i < na; i++) {
        char what[96];
        snprintf(what, sizeof what, "actor %ld of %ld ('name,description,capability,...')", i + 1, na);
        if (need_line(&r, &ln, what) != 0)
            goto done;
        if (next_field(&r, &ln) != 0)
            goto oom;
        size_t nl = strlen(r.field);
        if (nl == 0 || nl > 25) {
            csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col,
                    "actor name must have 1 to 25 characters, found '%s'", r.field, NULL);
            goto done;
        }
        char *aname = brink_strdup(ctx, r.field);
        if (!aname)
            goto oom;
        if (next_field(&r, &ln) != 0) {
            brink_free(ctx, aname);
            goto oom;
        }
        if (strlen(r.field) > 256) {
            csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "actor description longer than 256 characters", NULL, NULL);
            brink_free(ctx, aname);
            goto done;
        }
        char *adesc = brink_strdup(ctx, r.field);
        double cap = 0.0;
        int bad = !adesc || next_field(&r, &ln) != 0;
        if (bad) {
            brink_free(ctx, aname);
            brink_free(ctx, adesc);
            goto oom;
        }
        int cap_col = r.field_col;
        if (parse_num(&r, ln.lineno, "the capability", &cap) != 0)
            bad = 1;
        else if (cap < 0.0 || cap > 1e8) {
            csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "capability must be in [0, 1e8], found '%s'", r.field, NULL);
            bad = 1;
        }
        double tot = 0.0;
        for (long d = 0; !bad && d < nd; d++) {
            char w2[300];
            if (next_field(&r, &ln) != 0) {
                bad = 2;
                break;
            }
            snprintf(w2, sizeof w2, "the position on '%s'", dnames[d]);
            if (parse_num(&r, ln.lineno, w2, &pos[d]) != 0) {
                bad = 1;
                break;
            }
            if (pos[d] < 0.0 || pos[d] > 100.0) {
                csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "position must be in [0, 100], found '%s'", r.field, NULL);
                bad = 1;
                break;
            }
            if (next_field(&r, &ln) != 0) {
                bad = 2;
                break;
            }
            snprintf(w2, sizeof w2, "the salience on '%s'", dnames[d]);
            if (parse_num(&r, ln.lineno, w2, &sal[d]) != 0) {
                bad = 1;
                break;
            }
            if (sal[d] < 0.0 || sal[d] > 100.0) {
                csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "salience must be in [0, 100], found '%s'", r.field, NULL);
                bad = 1;
                break;
            }
            tot += sal[d];
            if (tot > 100.0) {
                csv_err(&r, BRINK_ERANGE, ln.lineno, r.field_col, "saliences of actor '%s' sum to more than 100", aname, NULL);
                bad = 1;
                break;
            }
        }
        if (!bad) {
            brink_status_t st = brink_fc_scenario_add_actor(s, aname, adesc, cap, pos, sal);
            if (st != BRINK_OK) {
                csv_err(&r, st, ln.lineno, 1, "%s", brink_ctx_errmsg(ctx), NULL);
                bad = 1;
            } else {
                fc_scenario_locate(s, s->n - 1, (int)ln.lineno, cap_col);
            }
        }
        brink_free(ctx, aname);
        brink_free(ctx, adesc);
        if (bad == 2)
            goto oom;
        if (bad)
            goto done;
    }
    goto done;
oom:
    r.st = BRINK_ENOMEM;
    brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", r.file);
done:
    for (long d = 0; dnames && d < nd; d++)
        brink_free(ctx, dnames[d]);
    brink_free(ctx, dnames);
    brink_free(ctx, sname);
    brink_free(ctx, sdesc);
    brink_free(ctx, pos);
    brink_free(ctx, sal);
    brink_free(ctx, r.field);
    if (r.st != BRINK_OK) {
        brink_fc_scenario_free(s);
        if (r.st != BRINK_ENOMEM && diags && diags->count > 0)
            brink_ctx_error(ctx, r.st, "%s:%d:%d: %s", diags->items[diags->count - 1].file,
                            diags->items[diags->count - 1].line,
                            diags->items[diags->count - 1].column,
                            diags->items[diags->count - 1].message);
        return r.st;
    }
    *out = s;
    return BRINK_OK;
}

brink_status_t brink_fc_read_ktab_csv(brink_ctx_t *ctx, const char *path,
                                      brink_fc_scenario_t **out, brink_diags_t *diags)
{
    if (!ctx || !path || !out)
        return BRINK_EINVAL;
    *out = NULL;
    char *buf = NULL;
    size_t n = 0;
    brink_status_t st = fc_read_file(ctx, path, &buf, &n, diags);
    if (st == BRINK_OK) {
        size_t skip = (n >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
                       (unsigned char)buf[2] == 0xBF) ? 3 : 0; /* UTF-8 BOM */
        st = brink_fc_parse_ktab_csv(ctx, path, buf ? buf + skip : "", n - skip, out, diags);
    }
    brink_free(ctx, buf);
    return st;
}
