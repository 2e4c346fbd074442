/*
 * store_pg_memory: the PostgreSQL backend's memory across cases (the
 * identities and image hashes of documents seen, by every node) and the
 * lost and stolen list.
 *
 * The ds_pgm_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_PG_MEMORY_H
#define DS_STORE_PG_MEMORY_H

#include "store/store_backend.h"

/* Records n fingerprints of document_id inside the caller's transaction. */
ds_error ds_pgm_memory_record_tx(ds_store *s, int64_t document_id, const ds_fingerprint *fp,
                                 int n);
ds_error ds_pgm_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n);
ds_error ds_pgm_memory_find_document(ds_store *s, const ds_identity *id,
                                     int64_t exclude_document_id, int cap, ds_memory_match *out,
                                     int *count);
ds_error ds_pgm_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                  const char *case_id, int cap, ds_memory_match *out, int *count);
ds_error ds_pgm_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                            ds_lost_import_stats *stats);
ds_error ds_pgm_lost_lookup(ds_store *s, const char *docno, const char *state, ds_lost_entry *out,
                            bool *found);

#endif
