/*
 * lostcsv: the parser of lost-and-stolen document lists (CSV).
 *
 * Syntax: lines end in LF or CRLF; fields are separated by commas; a field
 * may be wrapped in double quotes, inside which "" is one quote and commas
 * are data (a quoted field never spans lines). Columns: document_number,
 * issuing_state, then optionally reported_on (YYYY-MM-DD or empty) and
 * source (printable ASCII, at most DS_STORE_SOURCE_MAX bytes). A first line
 * whose first field is "document_number" (any case) is a header and
 * skipped; blank lines are skipped. The document number is upper-cased
 * and spaces, '-' and '<' are removed; what remains must be 1 to
 * DS_STORE_DOCNO_MAX letters or digits. The issuing state is upper-cased,
 * '<' removed, and must be 1 to 3 letters. Anything else makes the line
 * malformed: it is counted and skipped, never fatal.
 *
 * The parser works on bytes in memory, allocates nothing and never reads
 * beyond len; it never touches the database (store.c feeds its entries in).
 */
#ifndef DS_LOSTCSV_H
#define DS_LOSTCSV_H

#include <stddef.h>
#include "store/store.h"

/* Called once per well-formed entry; a non-DS_OK return stops the parse
 * and is returned by ds_lostcsv_parse. */
typedef ds_error (*ds_lostcsv_fn)(void *ctx, const ds_lost_entry *e);

/* Parses len bytes of csv, calling fn for each entry (imported_at is 0).
 * stats is cleared first; stats->imported counts the calls that returned
 * DS_OK. DS_ERR_USAGE for NULL csv (with len > 0), fn or stats. */
ds_error ds_lostcsv_parse(const char *csv, size_t len, ds_lostcsv_fn fn, void *ctx,
                          ds_lost_import_stats *stats /* OUT */);

/* Normalises a document number as the parser does into out (cap bytes at
 * least DS_STORE_DOCNO_MAX + 1); false when the result is not a valid
 * document number. */
bool ds_lost_norm_docno(const char *in, size_t len, char *out, size_t cap);
/* Normalises an issuing state as the parser does into out[4]. */
bool ds_lost_norm_state(const char *in, size_t len, char out[4]);

#endif
