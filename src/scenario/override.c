/* override.c - "--set path=value" on a parsed document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/override.h"

static const char SET_ORIGIN[] = "--set";

/* Marks every node of a subtree as coming from --set, shifting columns by
 * the value's offset in the argument, and returns the subtree's collection
 * depth (0 for a scalar).  Depth-first with an explicit (node, next child)
 * stack, bounded by the depth of a parsed value (DOC_MAX_DEPTH). */
static size_t mark_origin(doc_node_t *root, int shift)
{
    doc_node_t *node[DOC_MAX_DEPTH + 2];
    size_t next[DOC_MAX_DEPTH + 2];
    size_t top = 0, depth = 0;
    node[top] = root;
    next[top++] = 0;
    root->origin = SET_ORIGIN;
    root->column = root->line == 1 ? root->column + shift : root->column;
    while (top > 0) {
        doc_node_t *n = node[top - 1];
        if (n->type != DOC_SCALAR && top > depth)
            depth = top;
        if (next[top - 1] >= n->count || top >= DOC_MAX_DEPTH + 2) {
            top--;
            continue;
        }
        doc_node_t *c = n->items[next[top - 1]++];
        if (!c)
            continue;
        c->origin = SET_ORIGIN;
        c->column = c->line == 1 ? c->column + shift : c->column;
        node[top] = c;
        next[top++] = 0;
    }
    return depth;
}

static brink_status_t bad(brink_ctx_t *ctx, brink_diags_t *diags, int col, const char *msg,
                          const char *set)
{
    brink_status_t st = brink_diags_add(ctx, diags, SET_ORIGIN, 1, col, "", "%s in '%s'", msg, set);
    return st == BRINK_OK ? BRINK_EVALIDATE : st;
}

brink_status_t override_apply(brink_ctx_t *ctx, doc_t *doc, const char *set,
                              brink_diags_t *diags)
{
    const char *eq = strchr(set, '=');
    if (!eq || eq == set)
        return bad(ctx, diags, 1, "expected PATH=VALUE", set);
    size_t plen = (size_t)(eq - set);
    const char *value = eq + 1;

    /* parse the value on its own, then re-locate its nodes */
    doc_t *vdoc = NULL;
    brink_diags_t vdiags;
    brink_diags_init(&vdiags);
    brink_status_t st = doc_parse_string(ctx, SET_ORIGIN, value, strlen(value), &vdoc, &vdiags);
    if (st != BRINK_OK) {
        for (size_t i = 0; i < vdiags.count && st != BRINK_ENOMEM; i++) {
            const brink_diag_t *d = &vdiags.items[i];
            if (brink_diags_add(ctx, diags, SET_ORIGIN, 1, d->column + (int)plen + 1, "",
                                "%s in '%s'", d->message, set) != BRINK_OK)
                st = BRINK_ENOMEM;
        }
        brink_diags_clear(ctx, &vdiags);
        return st == BRINK_ENOMEM ? st : BRINK_EVALIDATE;
    }
    brink_diags_clear(ctx, &vdiags);
    doc_node_t *vnode = vdoc->root;
    vdoc->root = NULL;
    doc_free(vdoc);
    if (!vnode) {
        vnode = doc_node_new_scalar(ctx, "", 0, 1, 1);
        if (!vnode)
            return BRINK_ENOMEM;
    }
    size_t vdepth = mark_origin(vnode, (int)plen + 1);

    /* walk the path, creating missing mapping keys on the way */
    doc_node_t *n = doc->root;
    const char *s = set;
    doc_node_t **slot = &doc->root;
    size_t level = 0; /* collections from the root down to n's parent */
    while (s < eq) {
        level++;
        if (*s == '.' && s != set)
            s++;
        int col = (int)(s - set) + 1;
        /* n (at depth level) gets a child: a mapping on the way, or the
         * value at the end; both must stay within the nesting limit of a
         * parsed document */
        const char *step_end = s;
        if (*s == '[') {
            const char *c = memchr(s, ']', (size_t)(eq - s));
            step_end = c ? c + 1 : eq;
        } else {
            while (step_end < eq && *step_end != '.' && *step_end != '[')
                step_end++;
        }
        if ((step_end == eq ? level + vdepth : level + 1) > DOC_MAX_DEPTH) {
            doc_node_free(ctx, vnode);
            char msg[64];
            snprintf(msg, sizeof msg, "path nested deeper than %d levels", DOC_MAX_DEPTH);
            return bad(ctx, diags, col, msg, set);
        }
        if (*s == '[') {
            const char *close = memchr(s, ']', (size_t)(eq - s));
            if (!close || !n || n->type != DOC_SEQ) {
                doc_node_free(ctx, vnode);
                return bad(ctx, diags, col, "an index [..] needs a sequence", set);
            }
            char key[128];
            size_t klen = (size_t)(close - s - 1);
            if (klen == 0 || klen >= sizeof key) {
                doc_node_free(ctx, vnode);
                return bad(ctx, diags, col, "empty or long index", set);
            }
            memcpy(key, s + 1, klen);
            key[klen] = '\0';
            char *end;
            unsigned long idx = strtoul(key, &end, 10);
            size_t found = (size_t)-1;
            if (*end == '\0' && key[0] >= '0' && key[0] <= '9') {
                if (idx < n->count)
                    found = idx;
            } else {
                for (size_t i = 0; i < n->count && found == (size_t)-1; i++) {
                    const doc_node_t *id = doc_map_get(n->items[i], "id");
                    if (id && id->type == DOC_SCALAR && strcmp(id->text, key) == 0)
                        found = i;
                }
            }
            if (found == (size_t)-1) {
                doc_node_free(ctx, vnode);
                return bad(ctx, diags, col, "no such element", set);
            }
            slot = &n->items[found];
            n = *slot;
            s = close + 1;
            continue;
        }
        size_t len = 0;
        while (s + len < eq && s[len] != '.' && s[len] != '[')
            len++;
        if (len == 0) {
            doc_node_free(ctx, vnode);
            return bad(ctx, diags, col, "empty key in path", set);
        }
        if (!n || n->type != DOC_MAP) {
            doc_node_free(ctx, vnode);
            return bad(ctx, diags, col, "a key needs a mapping", set);
        }
        doc_node_t **next = NULL;
        for (size_t i = 0; i + 1 < n->count; i += 2)
            if (n->items[i]->len == len && strncmp(n->items[i]->text, s, len) == 0)
                next = &n->items[i + 1];
        if (!next) {
            /* a new key: the value (at the end) or an empty mapping */
            char *k = brink_strndup(ctx, s, len);
            doc_node_t *knode = k ? doc_node_new_scalar(ctx, k, 0, 1, col) : NULL;
            brink_free(ctx, k);
            int last = (s + len == eq);
            doc_node_t *child = last ? vnode : brink_calloc(ctx, 1, sizeof *child);
            if (!knode || !child || doc_node_append(ctx, n, knode, child) != BRINK_OK) {
                doc_node_free(ctx, knode);
                if (!last)
                    brink_free(ctx, child);
                doc_node_free(ctx, vnode);
                return BRINK_ENOMEM;
            }
            knode->origin = SET_ORIGIN;
            if (last)
                return BRINK_OK;
            child->type = DOC_MAP;
            child->origin = SET_ORIGIN;
            child->line = 1;
            child->column = col;
            next = &n->items[n->count - 1];
        }
        slot = next;
        n = *slot;
        s += len;
    }
    doc_node_free(ctx, *slot);
    *slot = vnode;
    return BRINK_OK;
}
