/* rowcheck.h - per-row checksums of the result store (internal).
 *
 * Every row of the data tables (design, run, scalar, point_summary,
 * series_value, series_band) carries crc = brink_crc('TABLE', its other
 * columns...), computed by SQLite when the row is written.  SQLite's own
 * check finds damaged pages and records; a row whose bytes changed while
 * its page stayed well formed (a flipped bit in a value) is found only by
 * its checksum.  brink_crc is FNV-1a (64 bits) over the table name and each
 * value: NULL, a number (as a double: the same whether SQLite stored it as
 * an integer or a real), text or blob (length and bytes). */
#ifndef BRINK_STORE_ROWCHECK_H
#define BRINK_STORE_ROWCHECK_H

#include <sqlite3.h>
#include <stddef.h>

/* Registers the SQL function brink_crc on db.  Returns an SQLite code. */
int rowcheck_register(sqlite3 *db);

/* Recomputes the checksum of every row of every data table of db (a store
 * of format 2 or later, with brink_crc registered).  Returns 0 if all
 * match; 1 with a sentence naming the first row that does not ("a row of
 * table scalar (point 3, rep 1, output 0) differs from what was written")
 * in why; -1 with SQLite's message in why when the query fails.  Reads
 * the whole store: O(rows). */
int rowcheck_verify(sqlite3 *db, char *why, size_t size);

#endif
