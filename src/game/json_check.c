/* json_check.c - strict checks of brink's JSON game format before it is
 * read: known keys only, node kinds, a tree (one root, every parent an
 * earlier node, as the preorder of the nodes implies), and the position of
 * a value in the JSON text for located errors. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "game/game_internal.h"
#include "game/nfg_efg.h"

/* ---- positions: a small scanner over the JSON text ------------------------- */

typedef struct scan {
    const char *s;
    size_t n, i;
} scan_t;

static void ws(scan_t *c)
{
    while (c->i < c->n && strchr(" \t\r\n", c->s[c->i]) && c->s[c->i])
        c->i++;
}

static int skip_string(scan_t *c)
{
    if (c->i >= c->n || c->s[c->i] != '"')
        return -1;
    for (c->i++; c->i < c->n; c->i++) {
        if (c->s[c->i] == '\\')
            c->i++;
        else if (c->s[c->i] == '"') {
            c->i++;
            return 0;
        }
    }
    return -1;
}

/* Skips one value without recursion: brackets counted outside strings. */
static int skip_value(scan_t *c)
{
    ws(c);
    int depth = 0;
    do {
        if (c->i >= c->n)
            return -1;
        char ch = c->s[c->i];
        if (ch == '"') {
            if (skip_string(c) != 0)
                return -1;
        } else {
            if (ch == '{' || ch == '[')
                depth++;
            else if (ch == '}' || ch == ']')
                depth--;
            else if (depth == 0 && (ch == ',' || strchr(" \t\r\n", ch)))
                return 0;
            c->i++;
        }
    } while (depth > 0);
    return 0;
}

/* Moves c to the value of key in the object at c (0 on success). */
static int enter_key(scan_t *c, const char *key, size_t klen)
{
    ws(c);
    if (c->i >= c->n || c->s[c->i] != '{')
        return -1;
    c->i++;
    for (;;) {
        ws(c);
        if (c->i >= c->n || c->s[c->i] != '"')
            return -1;
        size_t k0 = c->i + 1;
        if (skip_string(c) != 0)
            return -1;
        size_t k1 = c->i - 1;
        ws(c);
        if (c->i >= c->n || c->s[c->i] != ':')
            return -1;
        c->i++;
        ws(c);
        if (k1 - k0 == klen && memcmp(c->s + k0, key, klen) == 0)
            return 0;
        if (skip_value(c) != 0)
            return -1;
        ws(c);
        if (c->i >= c->n || c->s[c->i] != ',')
            return -1;
        c->i++;
    }
}

static int enter_index(scan_t *c, size_t idx)
{
    ws(c);
    if (c->i >= c->n || c->s[c->i] != '[')
        return -1;
    c->i++;
    for (size_t k = 0; k < idx; k++) {
        if (skip_value(c) != 0)
            return -1;
        ws(c);
        if (c->i >= c->n || c->s[c->i] != ',')
            return -1;
        c->i++;
    }
    ws(c);
    return 0;
}

void json_locate(const char *text, size_t len, const char *path, int *line, int *col)
{
    scan_t c = {text, len, 0};
    const char *p = path;
    int ok = 1;
    while (ok && *p) {
        if (*p == '.')
            p++;
        if (*p == '[') {
            size_t idx = 0;
            for (p++; *p >= '0' && *p <= '9'; p++)
                idx = idx * 10 + (size_t)(*p - '0');
            if (*p == ']')
                p++;
            ok = enter_index(&c, idx) == 0;
        } else {
            size_t k = strcspn(p, ".[");
            ok = enter_key(&c, p, k) == 0;
            p += k;
        }
    }
    if (!ok)
        ws(&c);
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < c.i && i < len; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* ---- checks ------------------------------------------------------------------ */

typedef struct jchk {
    brink_ctx_t *ctx;
    brink_diags_t *diags;
    const char *name, *text;
    size_t len;
} jchk_t;

static brink_status_t fail(const jchk_t *k, const char *path, const char *fmt, const char *a,
                           long long b)
{
    char msg[512];
    int line, col;
    snprintf(msg, sizeof msg, fmt, a, b);
    json_locate(k->text, k->len, path, &line, &col);
    if (k->diags)
        brink_diags_add(k->ctx, k->diags, k->name, line, col, path, "%s", msg);
    return brink_ctx_error(k->ctx, BRINK_EVALIDATE, "%s:%d:%d: error: %s%s%s", k->name, line, col,
                           path, path[0] ? ": " : "", msg);
}

static brink_status_t known_keys(const jchk_t *k, json_t *obj, const char *path,
                                 const char *const *keys)
{
    const char *key;
    json_t *v;
    if (!json_is_object(obj))
        return fail(k, path, "expected an object%s", "", 0);
    json_object_foreach(obj, key, v) {
        int found = 0;
        for (size_t i = 0; keys[i] && !found; i++)
            found = strcmp(key, keys[i]) == 0;
        if (!found) {
            char p[256];
            snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
            return fail(k, p, "unknown key '%s'", key, 0);
        }
        if (memchr(key, '\0', strlen(key) + 1) != key + strlen(key))
            return fail(k, path, "a key holds a NUL byte%s", "", 0);
    }
    return BRINK_OK;
}

brink_status_t json_check_game(brink_ctx_t *ctx, json_t *root, const char *text, size_t len,
                               const char *name, brink_diags_t *diags)
{
    static const char *const top_s[] = {"type", "title", "comment", "players", "strategies",
                                        "payoffs", "order", NULL};
    static const char *const top_e[] = {"type", "title", "comment", "players", "outcomes",
                                        "infosets", "nodes", NULL};
    static const char *const out_k[] = {"name", "payoffs", NULL};
    static const char *const iset_k[] = {"player", "number", "name", "actions", "probabilities",
                                         NULL};
    static const char *const node_k[] = {"kind", "name", "parent", "infoset", "outcome", NULL};
    jchk_t k = {ctx, diags, name, text, len};
    brink_status_t st;
    char p[64];
    if (!json_is_object(root))
        return fail(&k, "", "expected a JSON object describing a game%s", "", 0);
    json_t *type = json_object_get(root, "type");
    int ext = json_is_string(type) && strcmp(json_string_value(type), "extensive") == 0;
    if ((st = known_keys(&k, root, "", ext ? top_e : top_s)) != BRINK_OK)
        return st;
    if (!ext)
        return BRINK_OK;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(root, "outcomes"), i, v) {
        snprintf(p, sizeof p, "outcomes[%zu]", i);
        if ((st = known_keys(&k, v, p, out_k)) != BRINK_OK)
            return st;
    }
    json_t *isets = json_object_get(root, "infosets");
    json_array_foreach(isets, i, v) {
        snprintf(p, sizeof p, "infosets[%zu]", i);
        if ((st = known_keys(&k, v, p, iset_k)) != BRINK_OK)
            return st;
    }
    /* the tree: nodes in preorder, each non-terminal node followed by the
     * subtrees of its actions; a stated parent must be the one this order
     * gives (so no node is its own parent, no cycle, one root) */
    json_t *nodes = json_object_get(root, "nodes");
    size_t nn = json_array_size(nodes);
    size_t *stack = brink_malloc(ctx, (nn + 1) * sizeof *stack);
    size_t *left = brink_malloc(ctx, (nn + 1) * sizeof *left);
    size_t top = 0;
    st = BRINK_OK;
    if (!stack || !left) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    json_array_foreach(nodes, i, v) {
        snprintf(p, sizeof p, "nodes[%zu]", i);
        if ((st = known_keys(&k, v, p, node_k)) != BRINK_OK)
            goto done;
        json_t *kind = json_object_get(v, "kind");
        const char *ks = json_is_string(kind) ? json_string_value(kind) : "";
        int term = strcmp(ks, "terminal") == 0;
        if (!term && strcmp(ks, "chance") != 0 && strcmp(ks, "personal") != 0) {
            snprintf(p, sizeof p, "nodes[%zu].kind", i);
            st = fail(&k, p, "found '%.40s'; expected \"terminal\", \"chance\" or \"personal\"",
                      ks, 0);
            goto done;
        }
        if (i > 0 && top == 0) {
            snprintf(p, sizeof p, "nodes[%zu]", i);
            st = fail(&k, p, "a node after the tree is complete (the game has one root)%s", "", 0);
            goto done;
        }
        long long implied = i == 0 ? -1 : (long long)stack[top - 1];
        json_t *par = json_object_get(v, "parent");
        snprintf(p, sizeof p, "nodes[%zu].parent", i);
        if (par && !json_is_null(par)) {
            if (!json_is_integer(par)) {
                st = fail(&k, p, "expected the index of the parent node or null%s", "", 0);
                goto done;
            }
            long long pv = json_integer_value(par);
            if (i == 0) {
                st = fail(&k, p, "the root (the first node) has no parent; found %s%lld", "", pv);
                goto done;
            }
            if (pv != implied) {
                char msg[160];
                snprintf(msg, sizeof msg,
                         "found %lld; expected %lld (its parent in the preorder of the "
                         "nodes%s)",
                         pv, implied, pv == (long long)i ? "; a node is not its own parent" : "");
                st = fail(&k, p, "%s", msg, 0);
                goto done;
            }
        } else if (i > 0 && par) {
            st = fail(&k, p, "only the root (the first node) has no parent; expected %s%lld", "",
                      implied);
            goto done;
        }
        if (i > 0 && --left[top - 1] == 0)
            top--;
        if (!term) {
            json_t *is = json_object_get(v, "infoset");
            json_t *acts = json_is_integer(is) && json_integer_value(is) >= 0
                               ? json_object_get(json_array_get(isets, (size_t)json_integer_value(is)),
                                                 "actions")
                               : NULL;
            size_t na = json_array_size(acts);
            if (na > 0) {
                stack[top] = i;
                left[top++] = na;
            }
        }
        /* pop nodes whose children are all placed */
        while (top > 0 && left[top - 1] == 0)
            top--;
    }
    if (st == BRINK_OK && top > 0) {
        snprintf(p, sizeof p, "nodes[%zu]", stack[top - 1]);
        st = fail(&k, p, "has %s%lld more children than the nodes listed", "",
                  (long long)left[top - 1]);
    }
done:
    brink_free(ctx, stack);
    brink_free(ctx, left);
    return st;
}
