/*
 * memory: the checks that need memory across cases, run by a worker on a
 * finished report before it is stored.
 *
 * From the typed report it builds one fingerprint per page
 * (identity from a valid MRZ, dHash of the page image), asks the store for
 * the same document number under another identity (DUPLICATE_DOCUMENT),
 * the same page image under another case (DUPLICATE_IMAGE) and the
 * lost-and-stolen list (DOC_REPORTED_LOST), appends those flags to the
 * report and recomputes its verdict. It never writes to the store: the
 * fingerprints are recorded with the job's completion, in one transaction.
 */
#ifndef DS_DAEMON_MEMORY_H
#define DS_DAEMON_MEMORY_H

#include <stdint.h>

#include "docscreen/docscreen.h"
#include "store/store.h"

#define DS_MEMORY_PAGES_MAX 64

/* Fills fp[0..*n) from the report, one per page: the page's dHash (the
 * scanner made with ds_options.fingerprints) and, from a valid MRZ, the
 * holder's identity. */
void ds_memory_fingerprints(const ds_report *report, ds_fingerprint *fp /* OUT */, int cap,
                            int *n /* OUT */);

/* Appends the memory flags for fp[0..n) of document_id in case_id to the
 * report and sets its verdict to "review" when one was added. Returns
 * DS_ERR_STORE when a query failed (the report is then unchanged). */
ds_error ds_memory_check(ds_store *s, ds_report *report, int64_t document_id, const char *case_id,
                         const ds_fingerprint *fp, int n, int max_image_distance);

#endif
