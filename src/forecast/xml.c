/* xml.c - the small XML reader of xml.h. */
#include <stdio.h>
#include <string.h>

#include "forecast/xml.h"

typedef struct xp {
    brink_ctx_t *ctx;
    const char *file, *s;
    size_t len, pos;
    int line, col;
    brink_diags_t *diags;
    brink_status_t st;
} xp_t;

static void adv(xp_t *p, size_t n)
{
    while (n-- && p->pos < p->len) {
        if (p->s[p->pos] == '\n') {
            p->line++;
            p->col = 1;
        } else {
            p->col++;
        }
        p->pos++;
    }
}

static int err(xp_t *p, int line, int col, const char *msg, const char *arg)
{
    if (p->st == BRINK_OK) {
        p->st = BRINK_EPARSE;
        if (brink_diags_add(p->ctx, p->diags, p->file, line, col, "", msg, arg ? arg : "") !=
            BRINK_OK)
            p->st = BRINK_ENOMEM;
    }
    return -1;
}

static int starts(const xp_t *p, const char *w)
{
    size_t l = strlen(w);
    return p->len - p->pos >= l && memcmp(p->s + p->pos, w, l) == 0;
}

static int skip_to(xp_t *p, const char *end, const char *what)
{
    int l = p->line, c = p->col;
    while (p->pos < p->len && !starts(p, end))
        adv(p, 1);
    if (p->pos >= p->len)
        return err(p, l, c, "unterminated %s", what);
    adv(p, strlen(end));
    return 0;
}

static int is_name(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == ':';
}

static int ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

typedef struct buf {
    char *p;
    size_t n, cap;
} buf_t;

static int bput(brink_ctx_t *ctx, buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *q = brink_realloc(ctx, b->p, nc);
        if (!q)
            return -1;
        b->p = q;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static xml_el_t *el_new(xp_t *p, const char *name, size_t nl, int line, int col)
{
    xml_el_t *e = brink_calloc(p->ctx, 1, sizeof *e);
    if (!e)
        return NULL;
    e->name = brink_strndup(p->ctx, name, nl);
    e->line = line;
    e->column = col;
    if (!e->name) {
        brink_free(p->ctx, e);
        return NULL;
    }
    return e;
}

static int add_kid(brink_ctx_t *ctx, xml_el_t *par, xml_el_t *k)
{
    if (par->nkids == par->cap) {
        size_t nc = par->cap ? 2 * par->cap : 4;
        xml_el_t **q = brink_realloc(ctx, par->kids, nc * sizeof *q);
        if (!q)
            return -1;
        par->kids = q;
        par->cap = nc;
    }
    par->kids[par->nkids++] = k;
    return 0;
}

void xml_free(brink_ctx_t *ctx, xml_el_t *el)
{
    if (!el)
        return;
    for (size_t i = 0; i < el->nkids; i++)
        xml_free(ctx, el->kids[i]);
    brink_free(ctx, el->kids);
    brink_free(ctx, el->name);
    brink_free(ctx, el->text);
    brink_free(ctx, el);
}

static int finish_text(brink_ctx_t *ctx, xml_el_t *e, buf_t *b)
{
    size_t a = 0, z = b->n;
    while (a < z && ws(b->p[a]))
        a++;
    while (z > a && ws(b->p[z - 1]))
        z--;
    e->text = brink_strndup(ctx, b->p ? b->p + a : "", z - a);
    return e->text ? 0 : -1;
}

brink_status_t xml_parse(brink_ctx_t *ctx, const char *file, const char *text, size_t len,
                         xml_el_t **root, brink_diags_t *diags)
{
    xp_t p = {ctx, file, text, len, 0, 1, 1, diags, BRINK_OK};
    xml_el_t *stack[XML_MAX_DEPTH];
    buf_t bufs[XML_MAX_DEPTH];
    memset(bufs, 0, sizeof bufs);
    int depth = 0;
    xml_el_t *top = NULL;
    *root = NULL;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        p.pos = 3;
    while (p.pos < p.len && p.st == BRINK_OK) {
        char c = p.s[p.pos];
        if (c != '<') {
            int l = p.line, cl = p.col;
            size_t a = p.pos;
            while (p.pos < p.len && p.s[p.pos] != '<' && p.s[p.pos] != '&')
                adv(&p, 1);
            if (depth == 0) {
                for (size_t k = a; k < p.pos; k++)
                    if (!ws(p.s[k])) {
                        err(&p, l, cl, "text outside the root element", NULL);
                        break;
                    }
            } else if (bput(ctx, &bufs[depth - 1], p.s + a, p.pos - a) != 0) {
                p.st = BRINK_ENOMEM;
            }
            if (p.pos < p.len && p.s[p.pos] == '&') {
                static const char *const ents[][2] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"},
                                                      {"&quot;", "\""}, {"&apos;", "'"}};
                int done = 0;
                for (size_t k = 0; k < 5 && !done; k++)
                    if (starts(&p, ents[k][0])) {
                        if (depth > 0 && bput(ctx, &bufs[depth - 1], ents[k][1], 1) != 0)
                            p.st = BRINK_ENOMEM;
                        adv(&p, strlen(ents[k][0]));
                        done = 1;
                    }
                if (!done && starts(&p, "&#")) {
                    /* bounded parse: the text need not be NUL-terminated */
                    int l2 = p.line, c2 = p.col;
                    size_t q = p.pos + 2;
                    int hex = q < p.len && p.s[q] == 'x';
                    q += (size_t)hex;
                    long v = 0;
                    size_t digits = 0;
                    while (q < p.len && digits < 8) {
                        char ch = p.s[q];
                        int dv = (ch >= '0' && ch <= '9') ? ch - '0'
                                 : (hex && ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
                                 : (hex && ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
                        if (dv < 0)
                            break;
                        v = v * (hex ? 16 : 10) + dv;
                        digits++;
                        q++;
                    }
                    if (digits == 0 || q >= p.len || p.s[q] != ';' || v <= 0 || v > 127) {
                        err(&p, l2, c2, "unsupported character reference%s", NULL);
                    } else {
                        char ch = (char)v;
                        if (depth > 0 && bput(ctx, &bufs[depth - 1], &ch, 1) != 0)
                            p.st = BRINK_ENOMEM;
                        adv(&p, q + 1 - p.pos);
                    }
                    done = 1;
                }
                if (!done)
                    err(&p, p.line, p.col, "unknown entity reference%s", NULL);
            }
            continue;
        }
        int l = p.line, cl = p.col;
        if (starts(&p, "<?")) {
            skip_to(&p, "?>", "processing instruction");
        } else if (starts(&p, "<!--")) {
            skip_to(&p, "-->", "comment");
        } else if (starts(&p, "<![CDATA[")) {
            adv(&p, 9);
            size_t a = p.pos;
            if (skip_to(&p, "]]>", "CDATA section") == 0 && depth > 0 &&
                bput(ctx, &bufs[depth - 1], p.s + a, p.pos - 3 - a) != 0)
                p.st = BRINK_ENOMEM;
        } else if (starts(&p, "<!")) {
            err(&p, l, cl, "DTD declarations are not supported%s", NULL);
        } else if (starts(&p, "</")) {
            adv(&p, 2);
            size_t a = p.pos;
            while (p.pos < p.len && is_name(p.s[p.pos]))
                adv(&p, 1);
            size_t nl = p.pos - a;
            while (p.pos < p.len && ws(p.s[p.pos]))
                adv(&p, 1);
            if (p.pos >= p.len || p.s[p.pos] != '>') {
                err(&p, l, cl, "malformed closing tag%s", NULL);
                break;
            }
            adv(&p, 1);
            if (depth == 0) {
                err(&p, l, cl, "closing tag without an open element%s", NULL);
                break;
            }
            xml_el_t *e = stack[depth - 1];
            if (strlen(e->name) != nl || memcmp(e->name, p.s + a, nl) != 0) {
                char nm[80];
                snprintf(nm, sizeof nm, "%s", e->name);
                err(&p, l, cl, "closing tag does not match <%s>", nm);
                break;
            }
            if (finish_text(ctx, e, &bufs[depth - 1]) != 0)
                p.st = BRINK_ENOMEM;
            bufs[depth - 1].n = 0;
            depth--;
        } else {
            adv(&p, 1);
            size_t a = p.pos;
            while (p.pos < p.len && is_name(p.s[p.pos]))
                adv(&p, 1);
            size_t nl = p.pos - a;
            if (nl == 0) {
                err(&p, l, cl, "expected an element name after '<'%s", NULL);
                break;
            }
            /* attributes are skipped (KTAB uses none but xmlns/xsi) */
            char quote = 0;
            while (p.pos < p.len) {
                char ch = p.s[p.pos];
                if (quote) {
                    if (ch == quote)
                        quote = 0;
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '>' || ch == '<') {
                    break;
                }
                adv(&p, 1);
            }
            if (p.pos >= p.len || p.s[p.pos] != '>') {
                err(&p, l, cl, "unterminated start tag%s", NULL);
                break;
            }
            int empty = p.pos > 0 && p.s[p.pos - 1] == '/';
            adv(&p, 1);
            xml_el_t *e = el_new(&p, p.s + a, nl, l, cl);
            if (!e) {
                p.st = BRINK_ENOMEM;
                break;
            }
            if (depth == 0) {
                if (top) {
                    xml_free(ctx, e);
                    err(&p, l, cl, "more than one root element%s", NULL);
                    break;
                }
                top = e;
            } else if (add_kid(ctx, stack[depth - 1], e) != 0) {
                xml_free(ctx, e);
                p.st = BRINK_ENOMEM;
                break;
            }
            if (empty) {
                e->text = brink_strdup(ctx, "");
                if (!e->text)
                    p.st = BRINK_ENOMEM;
            } else {
                if (depth >= XML_MAX_DEPTH) {
                    err(&p, l, cl, "elements nested too deeply%s", NULL);
                    break;
                }
                stack[depth] = e;
                bufs[depth].n = 0;
                depth++;
            }
        }
    }
    if (p.st == BRINK_OK && depth > 0) {
        char nm[80];
        snprintf(nm, sizeof nm, "%s", stack[depth - 1]->name);
        err(&p, stack[depth - 1]->line, stack[depth - 1]->column, "element <%s> is not closed", nm);
    }
    if (p.st == BRINK_OK && !top)
        err(&p, p.line, p.col, "no root element%s", NULL);
    for (int k = 0; k < XML_MAX_DEPTH; k++)
        brink_free(ctx, bufs[k].p);
    if (p.st != BRINK_OK) {
        xml_free(ctx, top);
        return p.st;
    }
    *root = top;
    return BRINK_OK;
}

const xml_el_t *xml_child(const xml_el_t *el, const char *name, size_t *from)
{
    for (size_t i = from ? *from : 0; el && i < el->nkids; i++)
        if (strcmp(el->kids[i]->name, name) == 0) {
            if (from)
                *from = i + 1;
            return el->kids[i];
        }
    if (from && el)
        *from = el->nkids;
    return NULL;
}
