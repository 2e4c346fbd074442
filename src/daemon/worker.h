/*
 * worker: the worker pool, one thread per ds_worker, each with its own
 * scanner and store handle, screening the jobs the store's queue hands it.
 *
 * A part of docscreend: it knows only the context (context.h), never the
 * run loop or another part. It never logs document content or file names.
 */
#ifndef DS_DAEMON_WORKER_H
#define DS_DAEMON_WORKER_H

#include <pthread.h>

#include "daemon/context.h"

/* One worker thread's argument. */
typedef struct ds_worker {
    ds_daemon_ctx *d;
    int index;
} ds_worker;

typedef struct ds_workers {
    pthread_t thread[DS_DAEMON_MAX_WORKERS];
    ds_worker worker[DS_DAEMON_MAX_WORKERS];
} ds_workers;

/* Starts d->worker_count threads. On failure d->worker_count is lowered
 * to the number of threads started, which keep running until joined. */
ds_error ds_workers_start(ds_workers *w, ds_daemon_ctx *d);
/* Wakes and joins the d->worker_count workers; call after d->stopping is
 * set. */
void ds_workers_join(ds_workers *w, ds_daemon_ctx *d);

#endif
