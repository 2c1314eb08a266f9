/*
 * schema.h - table-driven, strict decoding of documents into C structs
 * (internal; shared by every brink file format built on doc.h).
 *
 * A schema_obj_t lists the keys of one mapping: name, kind, the offset of
 * the C field that receives it, whether it is required, its range and its
 * documentation.  schema_decode() walks a document against the schema and
 * reports every problem it finds as a located diagnostic:
 *   unknown key (with a suggestion), missing required key, wrong type,
 *   number out of range, not a valid month or date, unknown choice.
 * Absent optional keys take their default.  schema_encode() writes a
 * decoded struct back as JSON (every key, defaults included), so a file can
 * be normalised and round-tripped.  schema_lookup() resolves a field path
 * such as "actors[2].leaders[0].risk" to the address of a double, which is
 * how experiments and calibration vary parameters.
 *
 * Months are stored as int month indexes (year*12 + month-1), written
 * "YYYY-MM"; dates "YYYY-MM-DD" are accepted where a month is expected when
 * the day exists.
 */
#ifndef BRINK_SCENARIO_SCHEMA_H
#define BRINK_SCENARIO_SCHEMA_H

#include <stddef.h>

#include <jansson.h>

#include "brink/core.h"
#include "scenario/doc.h"

typedef enum schema_kind {
    SK_NUM,    /* double, finite, in [min, max] */
    SK_INT,    /* int, in [min, max] */
    SK_BOOL,   /* int 0/1 from true/false */
    SK_STR,    /* char * (owned), non-empty */
    SK_MONTH,  /* int month index from "YYYY-MM" or "YYYY-MM-DD" */
    SK_ENUM,   /* int index into choices */
    SK_OBJ,    /* nested struct at offset, described by sub */
    SK_LIST,   /* sequence of sub structs: pointer at offset, size_t count at count_offset */
    SK_NUMLIST, /* sequence of doubles: double * at offset, size_t count at count_offset */
    SK_REF     /* int index of a defined id (e.g. an actor), written as the id string */
} schema_kind_t;

/** The ids that SK_REF fields may name (e.g. the actor ids), in order. */
typedef struct schema_refs {
    const char *const *ids;
    size_t count;
    const char *what; /* "actor" */
} schema_refs_t;

enum { SF_REQUIRED = 1 };

typedef struct schema_obj schema_obj_t;

typedef struct schema_field {
    const char *name;
    schema_kind_t kind;
    size_t offset;
    unsigned flags;
    double min, max;            /* numeric range, inclusive (SK_NUM, SK_INT, SK_NUMLIST) */
    double def;                 /* default for absent numbers, ints, bools, enums, months */
    const char *const *choices; /* SK_ENUM: NULL-terminated names */
    const schema_obj_t *sub;    /* SK_OBJ, SK_LIST */
    size_t count_offset;        /* SK_LIST, SK_NUMLIST */
    const char *unit;           /* documentation: the unit or format */
    const char *doc;            /* documentation: one sentence */
} schema_field_t;

struct schema_obj {
    const char *name;
    size_t size;                 /* sizeof the C struct */
    const schema_field_t *fields;
    size_t nfields;
};

/** Decodes node against obj into the struct at dst (which must be zeroed).
 *  path is the field path of node ("" for the root).  Every problem goes to
 *  diags with doc->file.  refs lists the ids SK_REF fields may name (NULL:
 *  none).  Returns BRINK_OK, BRINK_EVALIDATE when any problem
 *  was reported, or BRINK_ENOMEM.  Whatever was allocated into dst is freed
 *  by schema_free() in every case. */
brink_status_t schema_decode(brink_ctx_t *ctx, const doc_t *doc, const doc_node_t *node,
                             const schema_obj_t *obj, void *dst, const char *path,
                             const schema_refs_t *refs, brink_diags_t *diags);

/** Frees what schema_decode() allocated inside the struct at p (not p). */
void schema_free(brink_ctx_t *ctx, const schema_obj_t *obj, void *p);

/** Encodes the struct at p as a new JSON object (NULL on allocation
 *  failure).  refs names the ids of SK_REF fields. */
json_t *schema_encode(const schema_obj_t *obj, const void *p, const schema_refs_t *refs);

/** Resolves path (e.g. "actors[1].nuclear.arsenal", or with list elements
 *  named by their first string field: "actors[DPRK].power") to the field.
 *  On success returns BRINK_OK with *field and *addr set; BRINK_ENOTFOUND
 *  otherwise, with a sentence in why (size bytes). */
brink_status_t schema_lookup(const schema_obj_t *obj, void *p, const char *path,
                             const schema_field_t **field, void **addr, char *why,
                             size_t why_size);

/** Parses "YYYY-MM" or "YYYY-MM-DD" (a real calendar date, years 1800-2200)
 *  into a month index.  Returns 0 on success, -1 otherwise. */
int schema_parse_month(const char *s, int *month);

/** Formats a month index as "YYYY-MM" into buf (at least 8 bytes). */
void schema_format_month(int month, char *buf);

/** Writes the Markdown reference of obj (every key, kind, range, default,
 *  unit, doc) to fp, for docs/. */
void schema_write_markdown(const schema_obj_t *obj, FILE *fp);

#endif
