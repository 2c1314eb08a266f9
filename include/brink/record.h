/*
 * brink/record.h - the observed history of a case: a file of dated
 * observations (docs/record-format.md).
 *
 * A record declares its series (an actor and a kind of event, observed
 * month by month from a first month, or only as annual totals), the last
 * month it covers (through), and the observations: dated events with a
 * count (a month of a monthly series) and annual totals (a year of an
 * annual series).  Within a series' coverage a month with no event is an
 * observed zero; outside it (before from, after through) nothing is known.
 *
 *   format: 1
 *   case: DPRK
 *   through: 2019-12
 *   series:
 *     - {actor: DPRK, kind: missile, from: 1984-01, source: "CNS ..."}
 *     - {actor: UNSC, kind: resolution, from: 2012-01, by: year}
 *   events:
 *     - {date: 2017-07-04, actor: DPRK, kind: missile, count: 1}
 *   totals:
 *     - {year: 2013, actor: UNSC, kind: resolution, count: 2}
 *
 * Months are month indexes (year * 12 + month - 1), as in the scenario
 * module.  A record may run to any date: nothing here limits through.
 * The loader is strict: every problem is a located diagnostic (file, line,
 * column, field path, the value found, what was expected).  Nothing here
 * prints or exits.
 */
#ifndef BRINK_RECORD_H
#define BRINK_RECORD_H

#include <stddef.h>

#include "brink/core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_record brink_record_t;

/** Loads a record file.  On success *out owns a new record
 *  (brink_record_free).  Problems go to diags, located.  Returns BRINK_OK,
 *  BRINK_EIO (the file cannot be read: the reason is on ctx and in diags),
 *  BRINK_EPARSE (not YAML), BRINK_EVALIDATE (diags say why), BRINK_ELIMIT
 *  or BRINK_ENOMEM.  Cost: linear in the file plus O(series x months). */
BRINK_API brink_status_t brink_record_load(brink_ctx_t *ctx, const char *path, brink_record_t **out,
                                 brink_diags_t *diags);

/** As brink_record_load, from len bytes of text; name is the file name in
 *  diagnostics. */
BRINK_API brink_status_t brink_record_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                        size_t len, brink_record_t **out,
                                        brink_diags_t *diags);

/** The path of the shipped DPRK record (data/records/dprk.yaml of the
 *  source tree the library was built from; static). */
BRINK_API const char *brink_record_shipped(void);

/** Frees a record; NULL does nothing. */
BRINK_API void brink_record_free(brink_record_t *r);

/** The file name given to the loader (borrowed). */
BRINK_API const char *brink_record_file(const brink_record_t *r);
/** SHA-256 of the file's bytes, 64 lowercase hex digits (borrowed). */
BRINK_API const char *brink_record_hash(const brink_record_t *r);
/** The case name (borrowed). */
BRINK_API const char *brink_record_case(const brink_record_t *r);
/** The last month covered (a month index). */
BRINK_API int brink_record_through(const brink_record_t *r);
/** The first month any series covers. */
BRINK_API int brink_record_first(const brink_record_t *r);

/** Number of series (at least 1). */
BRINK_API size_t brink_record_nseries(const brink_record_t *r);
/** Actor and kind of series s (borrowed). */
BRINK_API const char *brink_record_actor(const brink_record_t *r, size_t s);
BRINK_API const char *brink_record_kind(const brink_record_t *r, size_t s);
/** First month series s covers. */
BRINK_API int brink_record_from(const brink_record_t *r, size_t s);
/** 1 if series s is observed only as annual totals, 0 if month by month. */
BRINK_API int brink_record_annual(const brink_record_t *r, size_t s);
/** Where series s is declared in the file (1-based line and column). */
BRINK_API void brink_record_locate(const brink_record_t *r, size_t s, int *line, int *column);
/** The index of the series (actor, kind), or -1 if the record has none. */
BRINK_API long brink_record_find(const brink_record_t *r, const char *actor, const char *kind);

/** The count of monthly series s in month m, or -1 when unobserved (before
 *  from, after through, or an annual series).  O(1). */
BRINK_API long brink_record_month(const brink_record_t *r, size_t s, int m);

/** The total of series s in calendar year y, or -1 unless the whole year
 *  is observed (a monthly series covering January to December, or an
 *  annual series with a total for y).  O(12). */
BRINK_API long brink_record_year(const brink_record_t *r, size_t s, int y);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_RECORD_H */
