/*
 * hotfolder: the thread that watches each scanning station's inbox,
 * submits complete files to the store and files them with their reports.
 *
 * A part of docscreend: it knows only the context (context.h), never the
 * run loop or another part. Its logs name stations and ids, never file
 * names.
 */
#ifndef DS_DAEMON_HOTFOLDER_H
#define DS_DAEMON_HOTFOLDER_H

#include <pthread.h>
#include <stdbool.h>

#include "daemon/context.h"

typedef struct ds_hotfolder {
    ds_daemon_ctx *d;
    pthread_t thread;
    bool started;
} ds_hotfolder;

ds_error ds_hotfolder_start(ds_hotfolder *h, ds_daemon_ctx *d);
/* Joins the thread when it was started; call after d->stopping is set. */
void ds_hotfolder_join(ds_hotfolder *h);

#endif
