/*
 * xml.h - a small, strict XML reader for KTAB's scenario files (internal).
 * Elements, text, comments, the XML declaration, CDATA, character and the
 * five predefined entity references; no DTDs.  Every element keeps the
 * 1-based line and column of its '<'.  Depth is limited to XML_MAX_DEPTH.
 */
#ifndef BRINK_FORECAST_XML_H
#define BRINK_FORECAST_XML_H

#include <stddef.h>

#include "brink/core.h"

#define XML_MAX_DEPTH 64

typedef struct xml_el {
    char *name;
    char *text;              /* concatenated character data, trimmed ("" if none) */
    int line, column;
    struct xml_el **kids;
    size_t nkids, cap;
} xml_el_t;

/* Parses text into *root.  Syntax errors go to diags (file:line:col) and
 * return BRINK_EPARSE; BRINK_ENOMEM on allocation failure. */
brink_status_t xml_parse(brink_ctx_t *ctx, const char *file, const char *text, size_t len,
                         xml_el_t **root, brink_diags_t *diags);
void xml_free(brink_ctx_t *ctx, xml_el_t *el);
/* The first child named name after child index *from (start with 0); NULL
 * if none.  *from is advanced past it. */
const xml_el_t *xml_child(const xml_el_t *el, const char *name, size_t *from);

#endif
