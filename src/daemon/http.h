/*
 * http: the HTTP API part of docscreend, libmicrohttpd with a pool of
 * polling threads, answering the /v1 endpoints, /healthz and /metrics.
 *
 * A part of docscreend: it knows only the context (context.h), never the
 * run loop or another part. The context reaches the request handlers
 * through libmicrohttpd's callback pointers (the ds_http below), never
 * through a global. Logs carry method, route, status and ids, never
 * bodies, case data or file names.
 */
#ifndef DS_DAEMON_HTTP_H
#define DS_DAEMON_HTTP_H

#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "daemon/context.h"

#define DS_HTTP_ADDR_SLOTS 1024

/* Open connections from one client address. */
typedef struct ds_http_addr {
    char ip[INET6_ADDRSTRLEN];
    int count;
} ds_http_addr;

/*
 * One open connection's request deadline: by deadline_ms (CLOCK_MONOTONIC)
 * the request in progress must have arrived whole, head and body, or the
 * sweeper shuts its socket down. 0: no request is being received (its
 * answer is being sent).
 */
typedef struct ds_http_conn {
    bool used;
    bool cut;           /* the socket has been shut down */
    int fd;
    int64_t deadline_ms;
} ds_http_conn;

typedef struct ds_http {
    ds_daemon_ctx *d;
    void *mhd;                  /* struct MHD_Daemon*; NULL when not running */
    int port;                   /* the port actually bound */
    char *tls_cert, *tls_key;   /* PEM text, when TLS is on */
    pthread_mutex_t addr_lock;
    ds_http_addr addr[DS_HTTP_ADDR_SLOTS];
    /* The deadlines of the open connections, guarded by conn_lock; the
     * sweeper thread waits on conn_cond between its rounds. */
    pthread_mutex_t conn_lock;
    pthread_cond_t conn_cond;
    ds_http_conn *conn;
    int conn_slots;
    int64_t deadline_ms;        /* request_deadline_s in milliseconds */
    bool sweeper_started, sweeper_stop;
    pthread_t sweeper;
} ds_http;

/* Listens on the configured address and answers requests from now on.
 * Once the context's stopping flag is set every request but /healthz is
 * answered 503 shutting_down, until ds_http_stop closes the listener. */
ds_error ds_http_start(ds_http *h, ds_daemon_ctx *d);
/* Stops the server and frees what ds_http_start took. */
void ds_http_stop(ds_http *h);

#endif
