/*
 * store_lend: the helpers of store_lend.c that store.c uses beyond those
 * store_backend.h lends to every backend (ds_store_fail, ds_store_copy,
 * ds_store_blob_put, ds_store_blob_remove, ds_store_audit_hash) and those
 * store.h publishes (ds_store_now, ds_store_set_clock, ds_sha256_hex).
 */
#ifndef DS_STORE_LEND_H
#define DS_STORE_LEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_backend.h"

/* h is 64 lower-case hex digits (a SHA-256 as the store writes it). */
bool ds_store_is_hex64(const char *h);

/* Creates directory dir (one level, mode 0700) when missing and then
 * fsyncs parent (may be NULL); 0 when dir is a directory, -1 otherwise. */
int ds_store_ensure_dir(const char *dir, const char *parent);

/* Reads blob sha (size bytes expected) into a fresh heap buffer (*data,
 * caller frees; *len its length); DS_ERR_NOMEM, or DS_ERR_STORE when it
 * is missing, unreadable, of another size or does not match its SHA-256. */
ds_error ds_store_blob_read(ds_store *s, const char *sha, size_t size, uint8_t **data /* OUT */,
                            size_t *len /* OUT */);

/* As ds_store_blob_read, the file mapped read-only (*data until
 * ds_store_blob_unmap(*data, *len)) instead of copied. */
ds_error ds_store_blob_map(ds_store *s, const char *sha, size_t size, const uint8_t **data /* OUT */,
                           size_t *len /* OUT */);
void ds_store_blob_unmap(const uint8_t *data, size_t len);

#endif
