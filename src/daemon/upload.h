/*
 * upload: the body of one document upload on its way to the store. Bytes
 * are written, as they arrive, to a private file (mode 0600) in the
 * daemon's scratch folder and hashed (SHA-256, as the store names its
 * blobs) on the way, so an upload costs a fixed few kilobytes of memory
 * whatever its size. The store then moves the file into its blob
 * directory (ds_submission.path). A daemon killed mid-upload leaves the
 * file in its scratch folder, which the next start sweeps.
 *
 * This header includes nothing of src/daemon; upload.c calls nothing of
 * the daemon.
 */
#ifndef DS_DAEMON_UPLOAD_H
#define DS_DAEMON_UPLOAD_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "docscreen/docscreen.h"

typedef struct ds_upload {
    int fd;                 /* -1 when closed */
    char path[PATH_MAX];    /* "" when there is no file */
    void *sha;              /* EVP_MD_CTX * */
    uint64_t len;
    char sha256[65];        /* set by ds_upload_finish */
} ds_upload;

/* A closed, empty upload (safe to ds_upload_discard). */
void ds_upload_init(ds_upload *u);
/* Creates the upload's file in dir. DS_ERR_IO or DS_ERR_NOMEM on failure. */
ds_error ds_upload_open(ds_upload *u, const char *dir);
/* Appends n bytes to the file and the digest. DS_ERR_IO when the disk
 * refuses them (full, or gone). */
ds_error ds_upload_write(ds_upload *u, const void *data, size_t n);
/* Closes the file and sets u->sha256. The store fsyncs the file before
 * a row refers to it (ds_store_blob_put). */
ds_error ds_upload_finish(ds_upload *u);
/* Opens an upload in dir and copies the file src into it in 64 KiB
 * pieces, hashing on the way (a hot-folder file on its way to the store,
 * never read whole into memory). DS_ERR_IO when src cannot be opened or
 * read (it may have vanished: the caller tries again later), is not a
 * regular file (a link, a FIFO swapped in: never followed or waited on),
 * or the copy
 * cannot be written, DS_ERR_TOO_LARGE when src holds more than max bytes.
 * On success the upload is finished (u->path, u->len, u->sha256 set);
 * on any error it is discarded. */
ds_error ds_upload_copy(ds_upload *u, const char *dir, const char *src, uint64_t max);
/* Closes and removes the file (when it is still there) and frees the digest. */
void ds_upload_discard(ds_upload *u);

#endif
