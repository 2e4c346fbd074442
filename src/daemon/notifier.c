/*
 * The notifier thread: claims due webhook deliveries from the store, signs
 * and posts them (src/notify) and records the outcome; the store keeps the
 * backoff schedule and the lease, so deliveries survive a restart and one in
 * flight when the daemon dies is sent again after the lease (at least once;
 * receivers drop duplicates by X-Docscreen-Delivery).
 *
 * The secret is looked up by URL in the current configuration at send time
 * (a reloaded secret applies to pending deliveries); a delivery whose URL is
 * no longer configured is given up.
 */
#include "notifier.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "notify/notify.h"

static void *notifier_main(void *arg)
{
    ds_daemon_ctx *d = ((ds_notifier *)arg)->d;
    ds_store *st = ds_daemon_store_get(d);
    if (!st)
        return NULL;
    ds_conf *conf = malloc(sizeof *conf);
    if (!conf) {
        ds_daemon_store_put(d, st);
        return NULL;
    }
    while (!atomic_load(&d->stopping)) {
        ds_daemon_conf(d, conf);
        ds_delivery dv;
        bool got = false;
        ds_error err = ds_store_delivery_claim(st, conf->webhook_lease_s, &dv, &got);
        if (err != DS_OK) {
            ds_log(DS_LOG_ERROR, "notify", "claim failed: %s", ds_store_errmsg(st));
            ds_daemon_nap(d, 1000);
            continue;
        }
        if (!got) {
            ds_daemon_nap(d, 250);
            continue;
        }
        const char *secret = NULL;
        for (int i = 0; i < conf->webhook_count; i++)
            if (!strcmp(conf->webhook[i].url, dv.url))
                secret = conf->webhook[i].secret;
        bool gave_up = false;
        int64_t next = 0;
        if (!secret) {
            ds_store_delivery_fail(st, dv.id, 0, "the webhook is no longer configured", 1, &next,
                                   &gave_up);
            ds_log(DS_LOG_WARN, "notify", "delivery %lld (job %lld): webhook no longer configured; given up",
                   (long long)dv.id, (long long)dv.job_id);
            pthread_mutex_lock(&d->metrics.lock);
            d->metrics.webhook_gave_up++;
            pthread_mutex_unlock(&d->metrics.lock);
            free(dv.body);
            continue;
        }
        ds_notify_result res;
        err = ds_notify_post(dv.url, secret, dv.id, (int64_t)time(NULL), dv.body, dv.body_len,
                             conf->webhook_timeout_ms,
                             conf->webhook_allow_internal ? DS_NOTIFY_ALLOW_INTERNAL : 0, &res);
        free(dv.body);
        if (err == DS_OK) {
            ds_error e2 = ds_store_delivery_done(st, dv.id, (int)res.http_status);
            if (e2 != DS_OK)
                ds_log(DS_LOG_ERROR, "notify", "delivery %lld: recording success failed: %s",
                       (long long)dv.id, ds_store_errmsg(st));
            ds_log(DS_LOG_DEBUG, "notify", "delivery %lld (job %lld): delivered, HTTP %ld",
                   (long long)dv.id, (long long)dv.job_id, res.http_status);
            pthread_mutex_lock(&d->metrics.lock);
            d->metrics.webhook_ok++;
            pthread_mutex_unlock(&d->metrics.lock);
        } else {
            ds_store_delivery_fail(st, dv.id, (int)res.http_status, res.error,
                                   conf->webhook_max_attempts, &next, &gave_up);
            ds_log(DS_LOG_WARN, "notify", "delivery %lld (job %lld) attempt %d failed: %s; %s",
                   (long long)dv.id, (long long)dv.job_id, dv.attempts, res.error,
                   gave_up ? "given up" : "will retry");
            pthread_mutex_lock(&d->metrics.lock);
            if (gave_up)
                d->metrics.webhook_gave_up++;
            else
                d->metrics.webhook_fail++;
            pthread_mutex_unlock(&d->metrics.lock);
        }
    }
    free(conf);
    ds_daemon_store_put(d, st);
    return NULL;
}

ds_error ds_notifier_start(ds_notifier *n, ds_daemon_ctx *d)
{
    n->d = d;
    if (pthread_create(&n->thread, NULL, notifier_main, n) != 0)
        return DS_ERR_INTERNAL;
    n->started = true;
    return DS_OK;
}

void ds_notifier_join(ds_notifier *n)
{
    if (n->started)
        pthread_join(n->thread, NULL);
    n->started = false;
}
