/*
 * notifier: the thread that posts due webhook deliveries from the store's
 * delivery queue and records each outcome there.
 *
 * A part of docscreend: it knows only the context (context.h), never the
 * run loop or another part. It never logs a delivery's body or secret.
 */
#ifndef DS_DAEMON_NOTIFIER_H
#define DS_DAEMON_NOTIFIER_H

#include <pthread.h>
#include <stdbool.h>

#include "daemon/context.h"

typedef struct ds_notifier {
    ds_daemon_ctx *d;
    pthread_t thread;
    bool started;
} ds_notifier;

ds_error ds_notifier_start(ds_notifier *n, ds_daemon_ctx *d);
/* Joins the thread when it was started; call after d->stopping is set. */
void ds_notifier_join(ds_notifier *n);

#endif
