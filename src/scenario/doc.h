/*
 * doc.h - a YAML 1.2 / JSON document as a tree of located nodes (internal).
 *
 * Built from libfyaml's event stream without recursion, so that depth is
 * bounded by DOC_MAX_DEPTH (an error, not a crash) and every node, also a
 * mapping or a sequence, carries its 1-based line and column.  Anchors,
 * aliases, tags other than the core ones and multi-document streams are
 * rejected with a located error: scenario files are plain data.
 *
 * Mapping children alternate key, value (keys are scalars; duplicate keys
 * are an error).  Scalars keep their text and whether they were quoted, so
 * that "1.5" (a string) and 1.5 (a number) can be told apart.
 */
#ifndef BRINK_SCENARIO_DOC_H
#define BRINK_SCENARIO_DOC_H

#include <stddef.h>

#include "brink/core.h"

#define DOC_MAX_DEPTH 64
#define DOC_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */

typedef enum doc_type { DOC_SCALAR, DOC_SEQ, DOC_MAP } doc_type_t;

typedef struct doc_node {
    doc_type_t type;
    int quoted;   /* scalar was single- or double-quoted (or a block scalar) */
    const char *origin; /* static name of another source (e.g. "--set"), or NULL */
    int line;     /* 1-based */
    int column;   /* 1-based */
    char *text;   /* scalar text, NUL-terminated (NULL for collections) */
    size_t len;   /* scalar length */
    struct doc_node **items; /* SEQ: elements; MAP: key0, value0, key1, ... */
    size_t count;            /* number of entries in items */
    size_t cap;
} doc_node_t;

typedef struct doc {
    brink_ctx_t *ctx;
    char *file;       /* name used in diagnostics */
    doc_node_t *root; /* NULL for an empty document */
} doc_t;

/** Parses text (len bytes) into *out.  file names the input in
 *  diagnostics.  Syntax errors are appended to diags with their location.
 *  Returns BRINK_OK, BRINK_EPARSE (diags says why), BRINK_ELIMIT or
 *  BRINK_ENOMEM.  On success free *out with doc_free(). */
brink_status_t doc_parse_string(brink_ctx_t *ctx, const char *file, const char *text, size_t len,
                                doc_t **out, brink_diags_t *diags);

/** Reads and parses a file (at most DOC_MAX_BYTES).  Returns BRINK_EIO when
 *  it cannot be read (diags says why), otherwise as doc_parse_string. */
brink_status_t doc_parse_file(brink_ctx_t *ctx, const char *path, doc_t **out,
                              brink_diags_t *diags);

/** Frees a document; doc_free(NULL) does nothing. */
void doc_free(doc_t *doc);

/** Frees one detached node and its subtree. */
void doc_node_free(brink_ctx_t *ctx, doc_node_t *node);

/** Creates a scalar node with a copy of text; NULL on allocation failure. */
doc_node_t *doc_node_new_scalar(brink_ctx_t *ctx, const char *text, int quoted, int line,
                                int column);

/** Appends child to a sequence, or a key and value to a mapping (value may
 *  be NULL for a sequence).  BRINK_ENOMEM on failure (nothing is taken). */
brink_status_t doc_node_append(brink_ctx_t *ctx, doc_node_t *parent, doc_node_t *a,
                               doc_node_t *b);

/** The file name to report for node: its origin, or the document's. */
const char *doc_node_file(const doc_t *doc, const doc_node_t *node);

/** The node at a field path such as "actors[2].leaders[0].start" (list
 *  elements may also be named by their "id": "actors[DPRK]"), or NULL. */
doc_node_t *doc_lookup(const doc_node_t *root, const char *path);

/** The value of key in a mapping, or NULL. */
doc_node_t *doc_map_get(const doc_node_t *map, const char *key);

/** A short human description of a node for messages: the scalar text
 *  (quoted if it was a string, cut at 40 bytes) or "a mapping" / "a
 *  sequence".  Writes into buf. */
const char *doc_describe(const doc_node_t *node, char *buf, size_t size);

#endif
