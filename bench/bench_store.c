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
 *
 * With "pickup" first, the time from a submission in one process to the
 * claim of its job in another (another node): the second process waits as
 * docscreend's workers do (a condition signalled by the store's wake-up,
 * ds_store_set_wakeup, with a 500 ms poll as the fallback), the first
 * submits COUNT documents 50-250 ms apart. Prints one JSON line with the
 * latencies (ms) and whether the store notified. The url's ds_listen=0
 * turns PostgreSQL's LISTEN/NOTIFY off: the poll alone, as before it.
 *
 *   ds_bench_store pickup URL COUNT
 *
 * With "map", the peak memory (maximum resident set, MB) of a process that
 * gets a stored file of SIZE_MB for screening: through
 * ds_store_document_map (one copy) and, beside it in the same run, the
 * way it was done before the backends' blob_map (ds_store_document_read,
 * then copied into an anonymous mapping). Each in a fresh process.
 *
 *   ds_bench_store map URL SIZE_MB
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
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

/* ---------------------------------------------------------------- pickup */

static pthread_mutex_t wake_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cv = PTHREAD_COND_INITIALIZER;
static long wake_seq;

static void wake(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&wake_mu);
    wake_seq++;
    pthread_cond_broadcast(&wake_cv);
    pthread_mutex_unlock(&wake_mu);
}

/* The consumer: claims count jobs as a docscreend worker waits for them,
 * writing "job_id claimed_at" lines to fd. */
static int consume(int count, int fd)
{
    ds_store *s = NULL;
    if (ds_store_open(url, &s) != DS_OK)
        return 1;
    bool notified = ds_store_set_wakeup(s, wake, NULL);
    dprintf(fd, "notify %d\n", notified ? 1 : 0);
    int n = 0;
    while (n < count) {
        pthread_mutex_lock(&wake_mu);
        long seq = wake_seq;
        pthread_mutex_unlock(&wake_mu);
        ds_job j;
        bool got = false;
        if (ds_store_job_claim(s, "pickup", &j, &got) != DS_OK)
            break;
        if (got) {
            dprintf(fd, "%lld %.6f\n", (long long)j.id, now());
            ds_job_result r = {.state = DS_JOB_DONE, .report_json = "{}", .report_len = 2,
                               .verdict = "clear"};
            ds_store_job_complete(s, j.id, &r);
            n++;
            continue;
        }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 500 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&wake_mu);
        while (wake_seq == seq)
            if (pthread_cond_timedwait(&wake_cv, &wake_mu, &ts) != 0)
                break;
        pthread_mutex_unlock(&wake_mu);
    }
    ds_store_set_wakeup(s, NULL, NULL);
    ds_store_close(s);
    return n == count ? 0 : 1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int pickup(int count)
{
    int pfd[2];
    if (pipe(pfd) != 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        close(pfd[0]);
        _exit(consume(count, pfd[1]));
    }
    close(pfd[1]);
    ds_store *s = NULL;
    if (ds_store_open(url, &s) != DS_OK) {
        kill(pid, SIGTERM);
        return 1;
    }
    int64_t *ids = calloc((size_t)count, sizeof *ids);
    double *sent = calloc((size_t)count, sizeof *sent), *lat = calloc((size_t)count, sizeof *lat);
    if (!ids || !sent || !lat)
        return 1;
    usleep(500 * 1000); /* the consumer is waiting */
    unsigned seed = (unsigned)getpid();
    int fails = 0;
    for (int i = 0; i < count; i++) {
        usleep((useconds_t)(50 + rand_r(&seed) % 200) * 1000);
        char data[64], key[64];
        snprintf(data, sizeof data, "pickup %d %d", (int)getpid(), i);
        snprintf(key, sizeof key, "pickup-%d-%d", (int)getpid(), i);
        ds_submission sub = {.case_id = "PICKUP", .filename = "p.jpg", .source = "api",
                             .data = data, .len = strlen(data), .idempotency_key = key,
                             .key_scope = "token:1"};
        int64_t doc = 0;
        bool rep = false;
        sent[i] = now();
        if (ds_store_submit(s, &sub, &doc, &ids[i], &rep) != DS_OK)
            fails++;
    }
    FILE *in = fdopen(pfd[0], "r");
    int notified = 0, n = 0;
    char line[128];
    while (in && fgets(line, sizeof line, in)) {
        long long id;
        double at;
        if (sscanf(line, "notify %d", &notified) == 1)
            continue;
        if (sscanf(line, "%lld %lf", &id, &at) != 2)
            continue;
        for (int i = 0; i < count; i++)
            if (ids[i] == id) {
                lat[n++] = (at - sent[i]) * 1000.0;
                break;
            }
    }
    if (in)
        fclose(in);
    int st = 0;
    waitpid(pid, &st, 0);
    qsort(lat, (size_t)n, sizeof *lat, cmp_double);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += lat[i];
    printf("{\"jobs\":%d,\"failures\":%d,\"notify\":%s,\"p50_ms\":%.1f,\"p95_ms\":%.1f,"
           "\"mean_ms\":%.1f,\"max_ms\":%.1f}\n",
           n, fails + (count - n), notified ? "true" : "false", n ? lat[n / 2] : 0.0,
           n ? lat[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1] : 0.0, n ? sum / n : 0.0,
           n ? lat[n - 1] : 0.0);
    free(ids);
    free(sent);
    free(lat);
    ds_store_close(s);
    return (fails || n != count || !WIFEXITED(st) || WEXITSTATUS(st) != 0) ? 1 : 0;
}

/* ------------------------------------------------------------------- map */

/* Runs fn(arg) in a child process and returns what it returned (0 when
 * the child failed), so that each measure starts from a small process. */
static long long in_child(long long (*fn)(void *), void *arg)
{
    int pfd[2];
    if (pipe(pfd) != 0)
        return 0;
    pid_t pid = fork();
    if (pid < 0) {
        close(pfd[0]);
        close(pfd[1]);
        return 0;
    }
    if (pid == 0) {
        close(pfd[0]);
        dprintf(pfd[1], "%lld\n", fn(arg));
        _exit(0);
    }
    close(pfd[1]);
    char buf[32] = "";
    ssize_t n = read(pfd[0], buf, sizeof buf - 1);
    close(pfd[0]);
    waitpid(pid, NULL, 0);
    return n > 0 ? atoll(buf) : 0;
}

/* Submits a file of *(int *)arg MiB of random bytes; its document id. */
static long long submit_big(void *arg)
{
    size_t len = (size_t)*(int *)arg << 20;
    unsigned char *data = malloc(len);
    ds_store *s = NULL;
    int64_t d = 0, j = 0;
    bool rep = false;
    if (data && ds_store_open(url, &s) == DS_OK) {
        unsigned seed = (unsigned)getpid();
        for (size_t i = 0; i < len; i++)
            data[i] = (unsigned char)(rand_r(&seed) >> 5);
        ds_submission sub = {.case_id = "MAP", .filename = "big.tif", .source = "api",
                             .data = data, .len = len};
        if (ds_store_submit(s, &sub, &d, &j, &rep) != DS_OK)
            d = 0;
        ds_store_close(s);
    }
    free(data);
    return d;
}

typedef struct map_arg {
    int64_t doc;
    bool old_way;
} map_arg;

/* Gets the document one way; the process's peak resident set in KiB. */
static long long map_peak(void *arg)
{
    const map_arg *a = arg;
    ds_store *s = NULL;
    bool ok = false;
    if (ds_store_open(url, &s) != DS_OK)
        return 0;
    if (a->old_way) {
        uint8_t *p = NULL;
        size_t n = 0;
        if (ds_store_document_read(s, a->doc, &p, &n) == DS_OK) {
            void *m = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (m != MAP_FAILED) {
                memcpy(m, p, n);
                free(p);
                p = NULL;
                munmap(m, n);
                ok = true;
            }
            free(p);
        }
    } else {
        const uint8_t *m = NULL;
        size_t n = 0;
        if (ds_store_document_map(s, a->doc, &m, &n) == DS_OK) {
            volatile uint8_t sink = 0;
            for (size_t i = 0; i < n; i += 4096)
                sink ^= m[i];
            (void)sink;
            ds_store_document_unmap(m, n);
            ok = true;
        }
    }
    ds_store_close(s);
    struct rusage ru;
    return ok && getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

static int map_bench(int size_mb)
{
    map_arg old_way = {in_child(submit_big, &size_mb), true}, one_copy = {old_way.doc, false};
    if (!old_way.doc)
        return 1;
    long long before = in_child(map_peak, &old_way), after = in_child(map_peak, &one_copy);
    printf("{\"size_mb\":%d,\"read_then_copy_peak_mb\":%.1f,\"document_map_peak_mb\":%.1f}\n",
           size_mb, before / 1024.0, after / 1024.0);
    return before && after ? 0 : 1;
}

/* Opens url (making or upgrading its schema); the handle goes to *keep,
 * or is closed when keep is NULL. false (said on stderr) when it cannot
 * be opened. */
static bool migrate(ds_store **keep)
{
    ds_store *s = NULL;
    char msg[256];
    if (ds_store_open_ex(url, NULL, &s, msg, sizeof msg) != DS_OK) {
        fprintf(stderr, "ds_bench_store: %s\n", msg);
        return false;
    }
    if (keep)
        *keep = s;
    else
        ds_store_close(s);
    return true;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "map") == 0) {
        url = argv[2];
        int mb = atoi(argv[3]);
        if (mb < 1 || mb > 256) {
            fprintf(stderr, "ds_bench_store: SIZE_MB 1-256\n");
            return 2;
        }
        return map_bench(mb);
    }
    if (argc == 4 && strcmp(argv[1], "pickup") == 0) {
        url = argv[2];
        int count = atoi(argv[3]);
        if (count < 1 || count > 100000) {
            fprintf(stderr, "ds_bench_store: COUNT 1-100000\n");
            return 2;
        }
        return migrate(NULL) ? pickup(count) : 1;
    }
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
    if (!migrate(&s))
        return 1;
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
