/*
 * A program outside the tree that uses libdocscreen as an installed
 * library: it includes only <docscreen/docscreen.h> and is built with
 * `pkg-config --cflags --libs docscreen` (tests/api/install_test.sh), so it
 * proves that the public header and the shared library are enough.
 *
 * Usage: consumer PAGE.jpg THREADS
 * Scans the page from memory once, then on THREADS threads at once with one
 * shared scanner; every report must be the first one (timings aside). It
 * also adds a flag as a caller would and checks the verdict follows.
 * Prints "consumer: ok" and exits 0, or says what differed and exits 1.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <docscreen/docscreen.h>

#define MAX_THREADS 16

typedef struct job {
    ds_scanner *scanner;
    const uint8_t *data;
    size_t len;
    char *json;
    ds_error err;
} job;

/* The report's JSON with its "timing_ms" object blanked. */
static char *scan_json(ds_scanner *s, const uint8_t *data, size_t len, ds_error *err)
{
    ds_report *r = NULL;
    ds_scan_params p = {"page.jpg", NULL, NULL};
    char *text = NULL;
    *err = ds_scan_mem(s, data, len, &p, &r);
    if (r && ds_report_json(r, DS_JSON_COMPACT, &text) == DS_OK) {
        char *t = strstr(text, "\"timing_ms\":{");
        char *e = t ? strchr(t, '}') : NULL;
        if (t && e)
            memmove(t + 13, e, strlen(e) + 1);
    }
    ds_report_free(r);
    return text;
}

static void *run(void *arg)
{
    job *j = arg;
    j->json = scan_json(j->scanner, j->data, j->len, &j->err);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: consumer PAGE.jpg THREADS\n");
        return 2;
    }
    int nthreads = atoi(argv[2]);
    if (nthreads < 1 || nthreads > MAX_THREADS)
        return 2;
    uint8_t *data = NULL;
    size_t len = 0;
    ds_error err = ds_read_file(argv[1], 64u << 20, &data, &len);
    if (err != DS_OK) {
        fprintf(stderr, "consumer: %s: %s\n", argv[1], ds_error_message(err));
        return 2;
    }
    ds_options opt;
    ds_options_default(&opt);
    snprintf(opt.today, sizeof opt.today, "2026-01-01");
    ds_scanner *s = NULL;
    if ((err = ds_scanner_create(&opt, &s)) != DS_OK) {
        fprintf(stderr, "consumer: scanner: %s\n", ds_error_message(err));
        return 2;
    }
    int bad = 0;
    char *first = scan_json(s, data, len, &err);
    if (err != DS_OK || !first) {
        fprintf(stderr, "consumer: the first scan failed: %s\n", ds_error_name(err));
        bad = 1;
    }
    job jobs[MAX_THREADS];
    pthread_t th[MAX_THREADS];
    for (int i = 0; i < nthreads; i++) {
        jobs[i] = (job){s, data, len, NULL, DS_OK};
        if (pthread_create(&th[i], NULL, run, &jobs[i]) != 0)
            return 2;
    }
    for (int i = 0; i < nthreads; i++) {
        pthread_join(th[i], NULL);
        if (jobs[i].err != DS_OK || !jobs[i].json || !first || strcmp(jobs[i].json, first) != 0) {
            fprintf(stderr, "consumer: thread %d's report differs from the first scan\n", i);
            bad = 1;
        }
        free(jobs[i].json);
    }
    /* A caller's flag: the typed report takes it and the verdict follows. */
    ds_report *r = NULL;
    ds_scan_params p = {"page.jpg", NULL, NULL};
    if (ds_scan_mem(s, data, len, &p, &r) == DS_OK) {
        int before = ds_report_flag_count(r);
        ds_flag f;
        memset(&f, 0, sizeof f);
        f.code = DS_FLAG_DOC_REPORTED_LOST;
        f.severity = ds_flag_severity(f.code);
        snprintf(f.message, sizeof f.message, "The document is on the lost list.");
        if (ds_report_add_flag(r, &f) != DS_OK || ds_report_flag_count(r) != before + 1 ||
            ds_report_verdict(r) != DS_VERDICT_REVIEW ||
            strcmp(ds_report_flag(r, before)->source, "store") != 0) {
            fprintf(stderr, "consumer: an added flag did not make the report a review\n");
            bad = 1;
        }
        const ds_doc *d = ds_report_document(r, 0);
        if (!d || !d->has_mrz || !d->mrz.parsed) {
            fprintf(stderr, "consumer: the page's MRZ was not read\n");
            bad = 1;
        }
        f.code = (ds_flag_code)DS_FLAG_COUNT_;
        if (ds_report_add_flag(r, &f) != DS_ERR_USAGE) {
            fprintf(stderr, "consumer: a code outside the registry was taken\n");
            bad = 1;
        }
    } else {
        bad = 1;
    }
    ds_report_free(r);
    /* Bad input gets a report naming the error, never a crash. */
    r = NULL;
    if (ds_scan_mem(s, "not an image", 12, &p, &r) != DS_ERR_FORMAT_UNKNOWN || !r ||
        ds_report_verdict(r) != DS_VERDICT_ERROR) {
        fprintf(stderr, "consumer: a text file was not refused with a report\n");
        bad = 1;
    }
    ds_report_free(r);
    free(first);
    free(data);
    ds_scanner_free(s);
    if (!bad)
        printf("consumer: ok (%d threads)\n", nthreads);
    return bad;
}
