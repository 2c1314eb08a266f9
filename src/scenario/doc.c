/* doc.c - YAML/JSON text to a located node tree, via libfyaml events. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <libfyaml.h>

#include "scenario/doc.h"

void doc_node_free(brink_ctx_t *ctx, doc_node_t *node)
{
    /* iterative post-order free: no recursion on deep trees */
    if (!node)
        return;
    doc_node_t *stack_small[DOC_MAX_DEPTH + 2];
    size_t top = 0;
    stack_small[top++] = node;
    while (top > 0) {
        doc_node_t *n = stack_small[top - 1];
        if (n->count > 0) {
            doc_node_t *child = n->items[--n->count];
            if (child)
                stack_small[top++] = child;
            continue;
        }
        top--;
        brink_free(ctx, n->items);
        brink_free(ctx, n->text);
        brink_free(ctx, n);
    }
}

void doc_free(doc_t *doc)
{
    if (!doc)
        return;
    brink_ctx_t *ctx = doc->ctx;
    doc_node_free(ctx, doc->root);
    brink_free(ctx, doc->file);
    brink_free(ctx, doc);
}

doc_node_t *doc_node_new_scalar(brink_ctx_t *ctx, const char *text, int quoted, int line,
                                int column)
{
    doc_node_t *n = brink_calloc(ctx, 1, sizeof *n);
    if (!n)
        return NULL;
    n->type = DOC_SCALAR;
    n->quoted = quoted;
    n->line = line;
    n->column = column;
    n->len = strlen(text);
    n->text = brink_strndup(ctx, text, n->len);
    if (!n->text) {
        brink_free(ctx, n);
        return NULL;
    }
    return n;
}

static brink_status_t push_item(brink_ctx_t *ctx, doc_node_t *parent, doc_node_t *child)
{
    if (parent->count == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 4;
        doc_node_t **items = brink_realloc(ctx, parent->items, cap * sizeof *items);
        if (!items)
            return BRINK_ENOMEM;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = child;
    return BRINK_OK;
}

brink_status_t doc_node_append(brink_ctx_t *ctx, doc_node_t *parent, doc_node_t *a,
                               doc_node_t *b)
{
    if (parent->type == DOC_SEQ)
        return push_item(ctx, parent, a);
    if (parent->count + 2 > parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 4;
        doc_node_t **items = brink_realloc(ctx, parent->items, cap * sizeof *items);
        if (!items)
            return BRINK_ENOMEM;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = a;
    parent->items[parent->count++] = b;
    return BRINK_OK;
}

doc_node_t *doc_map_get(const doc_node_t *map, const char *key)
{
    if (!map || map->type != DOC_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->count; i += 2)
        if (strcmp(map->items[i]->text, key) == 0)
            return map->items[i + 1];
    return NULL;
}

const char *doc_node_file(const doc_t *doc, const doc_node_t *node)
{
    return node && node->origin ? node->origin : doc->file;
}

doc_node_t *doc_lookup(const doc_node_t *root, const char *path)
{
    const doc_node_t *n = root;
    const char *s = path;
    while (n && *s) {
        if (*s == '.')
            s++;
        if (*s == '[') {
            const char *close = strchr(s, ']');
            if (!close || n->type != DOC_SEQ)
                return NULL;
            char key[128];
            size_t klen = (size_t)(close - s - 1);
            if (klen == 0 || klen >= sizeof key)
                return NULL;
            memcpy(key, s + 1, klen);
            key[klen] = '\0';
            char *end;
            unsigned long idx = strtoul(key, &end, 10);
            const doc_node_t *next = NULL;
            if (*end == '\0' && key[0] >= '0' && key[0] <= '9') {
                if (idx < n->count)
                    next = n->items[idx];
            } else {
                for (size_t i = 0; i < n->count && !next; i++) {
                    const doc_node_t *id = doc_map_get(n->items[i], "id");
                    if (id && id->type == DOC_SCALAR && strcmp(id->text, key) == 0)
                        next = n->items[i];
                }
            }
            n = next;
            s = close + 1;
            continue;
        }
        size_t len = strcspn(s, ".[");
        if (len == 0 || n->type != DOC_MAP)
            return NULL;
        const doc_node_t *next = NULL;
        for (size_t i = 0; i + 1 < n->count; i += 2)
            if (n->items[i]->len == len && strncmp(n->items[i]->text, s, len) == 0)
                next = n->items[i + 1];
        n = next;
        s += len;
    }
    return (doc_node_t *)(uintptr_t)n;
}

const char *doc_describe(const doc_node_t *node, char *buf, size_t size)
{
    if (!node) {
        snprintf(buf, size, "nothing");
    } else if (node->type == DOC_MAP) {
        snprintf(buf, size, "a mapping");
    } else if (node->type == DOC_SEQ) {
        snprintf(buf, size, "a sequence");
    } else {
        const char *q = node->quoted ? "'" : "";
        if (node->len > 40)
            snprintf(buf, size, "%s%.40s...%s", q, node->text, q);
        else
            snprintf(buf, size, "%s%s%s", q, node->text, q);
    }
    return buf;
}

/* ---- duplicate keys ----------------------------------------------------- */

static int key_cmp(const void *a, const void *b)
{
    const doc_node_t *x = *(doc_node_t *const *)a, *y = *(doc_node_t *const *)b;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->column > y->column) - (x->column < y->column);
}

static brink_status_t check_duplicates(brink_ctx_t *ctx, const char *file, doc_node_t *map,
                                       brink_diags_t *diags, int *found)
{
    size_t n = map->count / 2;
    if (n < 2)
        return BRINK_OK;
    doc_node_t **keys = brink_malloc(ctx, n * sizeof *keys);
    if (!keys)
        return BRINK_ENOMEM;
    for (size_t i = 0; i < n; i++)
        keys[i] = map->items[2 * i];
    qsort(keys, n, sizeof *keys, key_cmp);
    brink_status_t st = BRINK_OK;
    for (size_t i = 1; i < n && st == BRINK_OK; i++) {
        if (strcmp(keys[i]->text, keys[i - 1]->text) == 0) {
            size_t first = i - 1;
            while (first > 0 && strcmp(keys[first - 1]->text, keys[i]->text) == 0)
                first--;
            *found = 1;
            st = brink_diags_add(ctx, diags, file, keys[i]->line, keys[i]->column, "",
                                 "duplicate key '%s' (first at line %d)", keys[i]->text,
                                 keys[first]->line);
        }
    }
    brink_free(ctx, keys);
    return st;
}

/* ---- single-quoted scalars (YAML 1.2, 7.3.2) -------------------------- */

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Decodes the single-quoted scalar whose content spans [s0, s1) of text:
 * '' is a quote; a line break with the white space around it folds to one
 * space, and each further empty line to a line feed. */
static char *single_quoted(brink_ctx_t *ctx, const char *text, size_t len,
                           const struct fy_mark *s0, const struct fy_mark *s1, size_t *outlen)
{
    size_t a = s0 ? s0->input_pos : 0, z = s1 ? s1->input_pos : 0;
    /* libfyaml's marks of a quoted scalar span its content, quotes excluded */
    if (z > len)
        z = len;
    if (z < a)
        z = a;
    char *out = brink_malloc(ctx, z - a + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = a;
    while (i < z) {
        char c = text[i];
        if (c == '\'' && i + 1 < z && text[i + 1] == '\'') {
            out[o++] = '\'';
            i += 2;
        } else if (c == '\r' || c == '\n') {
            while (o > 0 && is_blank(out[o - 1]))
                o--; /* white space before a break is not content */
            size_t breaks = 0;
            while (i < z && (text[i] == '\r' || text[i] == '\n' || is_blank(text[i]))) {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= z || text[i + 1] != '\n')))
                    breaks++;
                i++;
            }
            if (breaks <= 1)
                out[o++] = ' ';
            else
                for (size_t k = 1; k < breaks; k++)
                    out[o++] = '\n';
        } else {
            out[o++] = c;
            i++;
        }
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

/* ---- the event loop ----------------------------------------------------- */

typedef struct builder {
    brink_ctx_t *ctx;
    const char *file;
    brink_diags_t *diags;
    doc_node_t *stack[DOC_MAX_DEPTH + 1];
    size_t depth;
    doc_node_t *root;
    const char *text; /* the whole input */
    size_t len;
    int failed;   /* a located error was recorded */
    int docs;     /* documents seen */
} builder_t;

static brink_status_t located_at(builder_t *b, const struct fy_mark *m, int shift,
                                 const char *fmt, const char *arg)
{
    b->failed = 1;
    return brink_diags_add(b->ctx, b->diags, b->file, m ? m->line + 1 : 0,
                           m ? m->column + 1 + shift : 0, "", fmt, arg);
}

static brink_status_t located(builder_t *b, const struct fy_mark *m, const char *fmt,
                              const char *arg)
{
    return located_at(b, m, 0, fmt, arg);
}

/* Attaches a finished node to its parent (or makes it the root). */
static brink_status_t attach(builder_t *b, doc_node_t *node)
{
    if (b->depth == 0) {
        b->root = node;
        return BRINK_OK;
    }
    doc_node_t *parent = b->stack[b->depth - 1];
    if (parent->type == DOC_MAP && parent->count % 2 == 0 && node->type != DOC_SCALAR) {
        b->failed = 1;
        brink_status_t st = brink_diags_add(b->ctx, b->diags, b->file, node->line, node->column,
                                            "", "mapping keys must be plain scalars");
        doc_node_free(b->ctx, node);
        return st == BRINK_OK ? BRINK_EPARSE : st;
    }
    brink_status_t st = push_item(b->ctx, parent, node);
    if (st != BRINK_OK)
        doc_node_free(b->ctx, node);
    return st;
}

static brink_status_t on_event(builder_t *b, struct fy_event *fye)
{
    const struct fy_mark *m = fy_event_start_mark(fye);
    int line = m ? m->line + 1 : 0, col = m ? m->column + 1 : 0;
    switch (fye->type) {
    case FYET_DOCUMENT_START:
        if (++b->docs > 1)
            return located(b, m, "%sonly one document per file is allowed", "");
        return BRINK_OK;
    case FYET_ALIAS:
        /* the mark of an alias or anchor is after its sigil */
        return located_at(b, m, -1, "%saliases (*name) are not supported; write the value out",
                          "");
    case FYET_SCALAR:
    case FYET_SEQUENCE_START:
    case FYET_MAPPING_START: {
        struct fy_token *anchor = fy_event_get_anchor_token(fye);
        if (anchor)
            return located_at(b, fy_token_start_mark(anchor), -1,
                              "%sanchors (&name) are not supported", "");
        struct fy_token *tag = fy_event_get_tag_token(fye);
        if (tag)
            return located(b, fy_token_start_mark(tag),
                           "%stags (!name) are not supported; remove the tag", "");
        doc_node_t *n = brink_calloc(b->ctx, 1, sizeof *n);
        if (!n)
            return BRINK_ENOMEM;
        n->line = line;
        n->column = col;
        if (fye->type == FYET_SCALAR) {
            struct fy_token *tok = fye->scalar.value;
            n->type = DOC_SCALAR;
            enum fy_scalar_style style = tok ? fy_token_scalar_style(tok) : FYSS_PLAIN;
            n->quoted = style != FYSS_PLAIN;
            /* the mark of a quoted scalar is inside its opening quote */
            if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && n->column > 1)
                n->column--;
            if (style == FYSS_SINGLE_QUOTED) {
                /* libfyaml 0.7 leaks the buffer of long single-quoted
                 * scalars with '' escapes: decode those from the source */
                const struct fy_mark *s0 = fy_token_start_mark(tok), *s1 = fy_token_end_mark(tok);
                n->text = single_quoted(b->ctx, b->text, b->len, s0, s1, &n->len);
            } else {
                size_t len = 0;
                const char *text = tok ? fy_token_get_text(tok, &len) : "";
                if (!text)
                    text = "";
                n->len = len;
                n->text = brink_strndup(b->ctx, text, len);
            }
            if (!n->text) {
                brink_free(b->ctx, n);
                return BRINK_ENOMEM;
            }
            if (memchr(n->text, '\0', n->len)) {
                /* an escaped "\0": C strings would cut the text there */
                brink_free(b->ctx, n->text);
                brink_free(b->ctx, n);
                int q = style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED;
                return located_at(b, m, q ? -1 : 0, "%sa NUL character in a string; expected text",
                                  "");
            }
            return attach(b, n);
        }
        n->type = fye->type == FYET_SEQUENCE_START ? DOC_SEQ : DOC_MAP;
        if (b->depth >= DOC_MAX_DEPTH) {
            brink_free(b->ctx, n);
            b->failed = 1;
            brink_status_t st = brink_diags_add(b->ctx, b->diags, b->file, line, col, "",
                                                "nesting deeper than %d levels", DOC_MAX_DEPTH);
            return st == BRINK_OK ? BRINK_ELIMIT : st;
        }
        b->stack[b->depth++] = n;
        return BRINK_OK;
    }
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END: {
        if (b->depth == 0)
            return BRINK_EPARSE;
        doc_node_t *n = b->stack[--b->depth];
        brink_status_t st = BRINK_OK;
        if (n->type == DOC_MAP) {
            int dup = 0;
            st = check_duplicates(b->ctx, b->file, n, b->diags, &dup);
            if (dup)
                b->failed = 1;
        }
        brink_status_t st2 = attach(b, n);
        return st != BRINK_OK ? st : st2;
    }
    default:
        return BRINK_OK;
    }
}

static void discard_output(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
    (void)diag;
    (void)user;
    (void)buf;
    (void)len;
}

/* The offset of the first byte that is NUL or not valid UTF-8 (RFC 3629:
 * no overlong forms, no surrogates, at most U+10FFFF), or len. */
static size_t utf8_check(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            if (c == 0xe0)
                lo = 0xa0;
            if (c == 0xed)
                hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            if (c == 0xf0)
                lo = 0x90;
            if (c == 0xf4)
                hi = 0x8f;
        } else {
            return i;
        }
        if (i + n >= len)
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
        i += n + 1;
    }
    return len;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

brink_status_t doc_parse_string(brink_ctx_t *ctx, const char *file, const char *text, size_t len,
                                doc_t **out, brink_diags_t *diags)
{
    *out = NULL;
    brink_status_t st = BRINK_OK;
    struct fy_parser *fyp = NULL;
    struct fy_diag *diag = NULL;
    builder_t b;
    memset(&b, 0, sizeof b);
    b.ctx = ctx;
    b.file = file;
    b.diags = diags;

    if (len > DOC_MAX_BYTES) {
        brink_diags_add(ctx, diags, file, 0, 0, "", "input is %zu bytes; the limit is %zu MiB",
                        len, DOC_MAX_BYTES >> 20);
        return BRINK_ELIMIT;
    }
    size_t bad = utf8_check(text, len);
    if (bad < len) {
        /* locate the offending byte for the message */
        int line = 1, col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text[i] & 0xc0) != 0x80) {
                col++;
            }
        }
        if (text[bad] == '\0')
            brink_diags_add(ctx, diags, file, line, col, "",
                            "input contains a NUL byte; expected UTF-8 text");
        else
            brink_diags_add(ctx, diags, file, line, col, "",
                            "invalid UTF-8 byte 0x%02x; expected UTF-8 text",
                            (unsigned char)text[bad]);
        return BRINK_EPARSE;
    }

    /* a byte order mark may open the stream; libfyaml 0.7 does not skip it */
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        len -= 3;
    }
    b.text = text;
    b.len = len;

    struct fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = NULL;
    dcfg.output_fn = discard_output;
    dcfg.user = NULL;
    dcfg.colorize = false;
    diag = fy_diag_create(&dcfg);
    if (!diag)
        return BRINK_ENOMEM;
    fy_diag_set_collect_errors(diag, true);

    struct fy_parse_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.diag = diag;
    cfg.flags = FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_DEFAULT_VERSION_1_2 |
                (ends_with(file, ".json") ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE);
    fyp = fy_parser_create(&cfg);
    if (!fyp)
        return BRINK_ENOMEM;
    if (fy_parser_set_string(fyp, text, len) != 0) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    for (;;) {
        struct fy_event *fye = fy_parser_parse(fyp);
        if (!fye)
            break;
        brink_status_t est = on_event(&b, fye);
        fy_parser_event_free(fyp, fye);
        if (est != BRINK_OK || b.failed) {
            st = est != BRINK_OK ? est : BRINK_EPARSE;
            break;
        }
    }
    if (st == BRINK_OK && fy_parser_get_stream_error(fyp)) {
        void *iter = NULL;
        struct fy_diag_error *err;
        int any = 0;
        while (diag && (err = fy_diag_errors_iterate(diag, &iter)) != NULL) {
            if (any++)
                break; /* the first syntax error is the one that matters */
            st = brink_diags_add(ctx, diags, file, err->line, err->column, "",
                                 "syntax error: %s", err->msg ? err->msg : "invalid YAML");
            if (st != BRINK_OK)
                goto cleanup;
        }
        if (!any)
            brink_diags_add(ctx, diags, file, 0, 0, "", "syntax error: invalid YAML");
        st = BRINK_EPARSE;
    }
    if (st == BRINK_OK) {
        doc_t *doc = brink_calloc(ctx, 1, sizeof *doc);
        char *name = brink_strdup(ctx, file);
        if (!doc || !name) {
            brink_free(ctx, doc);
            brink_free(ctx, name);
            st = BRINK_ENOMEM;
            goto cleanup;
        }
        doc->ctx = ctx;
        doc->file = name;
        doc->root = b.root;
        b.root = NULL;
        *out = doc;
    }
cleanup:
    while (b.depth > 0)
        doc_node_free(ctx, b.stack[--b.depth]);
    doc_node_free(ctx, b.root);
    if (fyp)
        fy_parser_destroy(fyp);
    if (diag)
        fy_diag_destroy(diag);
    return st;
}

brink_status_t doc_parse_file(brink_ctx_t *ctx, const char *path, doc_t **out,
                              brink_diags_t *diags)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    brink_status_t st = brink_read_file(ctx, path, &buf, &len);
    if (st != BRINK_OK) {
        if (st == BRINK_ENOMEM)
            return st;
        /* the message without the leading "PATH: " (the diagnostic has it) */
        const char *m = brink_ctx_errmsg(ctx);
        size_t pl = strlen(path);
        if (strncmp(m, path, pl) == 0 && m[pl] == ':' && m[pl + 1] == ' ')
            m += pl + 2;
        brink_status_t s2 = brink_diags_add(ctx, diags, path, 0, 0, "", "%s", m);
        return s2 == BRINK_OK ? st : s2;
    }
    st = doc_parse_string(ctx, path, buf, len, out, diags);
    brink_free(ctx, buf);
    return st;
}
