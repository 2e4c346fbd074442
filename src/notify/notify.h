/*
 * notify: signed webhook delivery, one HTTP POST at a time.
 *
 * This stage signs a payload and posts it; it never decides when to retry
 * (the daemon keeps the schedule in the store, so retries survive a restart)
 * and never looks inside the payload. The signature is HMAC-SHA256 with the
 * hook's shared secret over the bytes "<timestamp>.<body>", sent as
 *   X-Docscreen-Signature: t=<unix seconds>,v1=<lower-case hex>
 * beside X-Docscreen-Delivery: <delivery id>, so that a receiver can reject
 * stale or replayed deliveries and drop duplicates. Redirects are never
 * followed, TLS peers are always verified, and every call has a timeout.
 * The retry schedule is the store's (ds_store_delivery_fail).
 * Nothing here logs: errors come back as text that names no payload content.
 */
#ifndef DS_NOTIFY_H
#define DS_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "docscreen/docscreen.h"

#define DS_NOTIFY_SIG_HEX 64    /* hex digits of an HMAC-SHA256 */
#define DS_NOTIFY_ERR_MAX 256   /* an error buffer of this size is never cut */

/* Initialises libcurl; call once from the main thread before any thread
 * posts, and ds_notify_global_cleanup once at exit. */
ds_error ds_notify_global_init(void);
void ds_notify_global_cleanup(void);

/* Writes the 64 hex digits of HMAC-SHA256(secret, "<ts>.<body>") and a NUL
 * into out (at least DS_NOTIFY_SIG_HEX + 1 bytes). */
ds_error ds_notify_sign(const char *secret, int64_t ts, const char *body, size_t body_len,
                        char out[DS_NOTIFY_SIG_HEX + 1] /* OUT */);

/* True when header (the value of X-Docscreen-Signature) carries t=<ts> and
 * a v1 signature that matches body under secret, compared in constant time,
 * and ts is within tolerance_s seconds of now (tolerance_s <= 0: any age). */
int ds_notify_verify(const char *secret, const char *header, const char *body, size_t body_len,
                     int64_t now, int tolerance_s);

typedef struct ds_notify_result {
    long http_status;              /* 0 when no HTTP response arrived */
    char error[DS_NOTIFY_ERR_MAX]; /* empty on a 2xx */
} ds_notify_result;

/* A flag of ds_notify_post: the receiver may be at an internal address. */
#define DS_NOTIFY_ALLOW_INTERNAL 1u

/* True when the address (IPv4 or IPv6, a struct sockaddr) is one a webhook
 * must not reach unless allowed: loopback, unspecified, link-local (which
 * holds the cloud metadata service, 169.254.169.254), other cloud metadata
 * addresses (100.100.100.200, fd00:ec2::254), broadcast or multicast, also
 * as an IPv4-mapped IPv6 address. Private networks (10/8, 172.16/12,
 * 192.168/16, fc00::/7) are not internal in this sense: intake pipelines
 * live there. */
bool ds_notify_addr_internal(const void *sockaddr);

/*
 * Posts body (application/json) to url with the signature headers for
 * timestamp ts. Returns DS_OK only for a 2xx answer; any other answer, a
 * redirect, a timeout or a connection error returns DS_ERR_IO with the
 * reason in res->error. Only http:// and https:// URLs are accepted.
 * Without DS_NOTIFY_ALLOW_INTERNAL in flags, every address the receiver's
 * name resolves to is checked as the connection is opened (so a name that
 * resolves to an internal address is caught too) and an internal one is
 * refused: DS_ERR_USAGE.
 */
ds_error ds_notify_post(const char *url, const char *secret, int64_t delivery_id, int64_t ts,
                        const char *body, size_t body_len, long timeout_ms, unsigned flags,
                        ds_notify_result *res /* OUT */);

#endif
