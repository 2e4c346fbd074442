/*
 * bench_store: what the store alone sustains, without screening: each
 * thread repeats the life of one document (submit a file of SIZE bytes with
 * an idempotency key, claim a job, complete it with a report and one
 * webhook delivery, claim and finish that delivery) for SECONDS seconds
 * against the store at URL. Prints one JSON line: documents, seconds,
 * documents per second. Several processes running it at once on one
 * PostgreSQL url are several nodes (bench/nodes.py does that).
 *
 *   ds_bench_store URL THREADS SECONDS SIZE
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

static const char *url;
static int seconds;
static size_t size;
static atomic_long documents, failures;
static double t_end;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *run(void *arg)
{
    long index = (long)(intptr_t)arg;
    ds_store *s = NULL;
    if (ds_store_open(url, &s) != DS_OK) {
        atomic_fetch_add(&failures, 1);
        return NULL;
    }
    unsigned char *data = malloc(size);
    if (!data) {
        ds_store_close(s);
        return NULL;
    }
    unsigned seed = (unsigned)(getpid() * 131 + index);
    for (long n = 0; now() < t_end; n++) {
        /* A different file every time (content-addressed: a repeat would
         * not be written again). */
        for (size_t i = 0; i < size; i += 64)
            data[i] = (unsigned char)rand_r(&seed);
        char key[64], case_id[64];
        snprintf(key, sizeof key, "bench-%d-%ld-%ld", (int)getpid(), index, n);
        snprintf(case_id, sizeof case_id, "B-%d-%ld", (int)getpid(), index);
        ds_submission sub = {.case_id = case_id, .filename = "scan.jpg", .source = "api",
                             .data = data, .len = size, .idempotency_key = key,
                             .key_scope = "token:1"};
        int64_t doc = 0, job = 0;
        bool rep = false, got = false;
        ds_job j;
        static const char report[] = "{\"verdict\":\"clear\",\"flags\":[]}";
        ds_delivery_new dv = {"http://127.0.0.1:9/hook", "{\"event\":\"job.completed\"}", 26};
        ds_job_result r = {.state = DS_JOB_DONE, .report_json = report,
                           .report_len = sizeof report - 1, .verdict = "clear",
                           .deliveries = &dv, .delivery_count = 1};
        ds_delivery d;
        if (ds_store_submit(s, &sub, &doc, &job, &rep) != DS_OK ||
            ds_store_job_claim(s, "bench", &j, &got) != DS_OK || !got ||
            ds_store_job_complete(s, j.id, &r) != DS_OK ||
            ds_store_delivery_claim(s, 30, &d, &got) != DS_OK) {
            atomic_fetch_add(&failures, 1);
            continue;
        }
        if (got) {
            free(d.body);
            ds_store_delivery_done(s, d.id, 204);
        }
        atomic_fetch_add(&documents, 1);
    }
    free(data);
    ds_store_close(s);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: ds_bench_store URL THREADS SECONDS SIZE\n");
        return 2;
    }
    url = argv[1];
    int threads = atoi(argv[2]);
    seconds = atoi(argv[3]);
    size = (size_t)atol(argv[4]);
    if (threads < 1 || threads > 64 || seconds < 1 || size < 64 || size > (64u << 20)) {
        fprintf(stderr, "ds_bench_store: THREADS 1-64, SECONDS >= 1, SIZE 64 B - 64 MiB\n");
        return 2;
    }
    /* Open once first, so the schema is made before the threads race. */
    ds_store *s = NULL;
    char msg[256];
    if (ds_store_open_ex(url, NULL, &s, msg, sizeof msg) != DS_OK) {
        fprintf(stderr, "ds_bench_store: %s\n", msg);
        return 1;
    }
    double t0 = now();
    t_end = t0 + seconds;
    pthread_t th[64];
    for (long i = 0; i < threads; i++)
        pthread_create(&th[i], NULL, run, (void *)(intptr_t)i);
    for (int i = 0; i < threads; i++)
        pthread_join(th[i], NULL);
    double wall = now() - t0;
    ds_store_close(s);
    printf("{\"documents\":%ld,\"failures\":%ld,\"seconds\":%.2f,\"docs_per_s\":%.1f}\n",
           (long)documents, (long)failures, wall, (double)documents / wall);
    return failures ? 1 : 0;
}
