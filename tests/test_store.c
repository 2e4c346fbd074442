/*
 * Unit tests of the store (src/store): every function of store.h against a
 * SQLite store in a fresh temporary directory, plus the properties the
 * daemon relies on: idempotent submission (replay and conflict), exclusive
 * claims across handles and threads, crash recovery of a worker killed
 * mid-job (a forked child that _exits), webhook deliveries committed with
 * the job's completion or not at all, an audit chain that detects rows
 * changed behind the API's back, the dHash near-duplicate test, the
 * lost-list importer and retention.
 *
 * With DS_TEST_PG_URL set to a PostgreSQL server's url without a database
 * (tests/pg/pgcluster.py starts a throw-away one), every case runs against
 * the PostgreSQL backend instead, each in a fresh database; the few checks
 * of SQLite's files have their PostgreSQL counterparts.
 */
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "store/lostcsv.h"
#include "forensics/phash.h"
#include "store/store.h"
#include "t.h"

/* ------------------------------------------------------------- fixtures */

/* Every case works in its own directory under root; main removes root
 * when all cases have run (the cases end in _exit, so atexit would not). */
static char root[64];
static char dir[128];
static char dbpath[192];
static char url[600];
/* PostgreSQL mode: the server (DS_TEST_PG_URL) and the case's database as
 * libpq takes it; NULL and "" for SQLite. */
static const char *pg_server;
static char pgurl[512];

/* Runs sql (several statements allowed) on the PostgreSQL database of the
 * case, or on the server's postgres database when admin; 0 on success. */
static int pg_exec(const char *sql, bool admin)
{
    char u[600];
    snprintf(u, sizeof u, "%s/postgres", pg_server);
    PGconn *c = PQconnectdb(admin ? u : pgurl);
    int rc = 1;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult *r = PQexec(c, sql);
        ExecStatusType st = PQresultStatus(r);
        rc = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? 0 : 1;
        PQclear(r);
    }
    PQfinish(c);
    return rc;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Makes a fresh directory for this test case and returns an open store
 * in it. */
static ds_store *fresh(void)
{
    static int serial;
    snprintf(dir, sizeof dir, "%s/%d-%d", root, (int)getpid(), serial++);
    if (mkdir(dir, 0700) != 0) {
        perror("mkdir");
        exit(2);
    }
    snprintf(dbpath, sizeof dbpath, "%s/store.db", dir);
    snprintf(url, sizeof url, "sqlite:%s", dbpath);
    if (pg_server) {
        char name[64], sql[128];
        snprintf(name, sizeof name, "ds_t_%d_%d", (int)getpid(), serial);
        snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
        if (pg_exec(sql, true) != 0) {
            fprintf(stderr, "cannot create database %s\n", name);
            exit(2);
        }
        snprintf(pgurl, sizeof pgurl, "%s/%s", pg_server, name);
        /* A lease of one second: a dead claimer's job is free soon. */
        snprintf(url, sizeof url, "%s?ds_lease=1", pgurl);
    }
    ds_store *s = NULL;
    char msg[256];
    ds_error err = ds_store_open_ex(url, NULL, &s, msg, sizeof msg);
    if (err != DS_OK) {
        fprintf(stderr, "open: %s: %s\n", ds_error_name(err), msg);
        exit(2);
    }
    return s;
}

static ds_store *reopen(void)
{
    ds_store *s = NULL;
    if (ds_store_open(url, &s) != DS_OK)
        exit(2);
    return s;
}

/* Runs raw SQL on the database file, bypassing the store (as an attacker
 * with file access would); returns the SQLite result code. */
static int raw_sql(const char *sql)
{
    if (pg_server)
        return pg_exec(sql, false);
    sqlite3 *db = NULL;
    int rc = sqlite3_open(dbpath, &db);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    sqlite3_close(db);
    return rc;
}

static ds_error submit(ds_store *s, const char *case_id, const char *bytes, const char *key,
                       const char *scope, int64_t *doc, int64_t *job, bool *replayed)
{
    ds_submission sub = {.case_id = case_id,
                         .filename = "scan.jpg",
                         .source = "api",
                         .station = "desk-1",
                         .data = bytes,
                         .len = strlen(bytes),
                         .idempotency_key = key,
                         .key_scope = scope};
    int64_t d = 0, j = 0;
    bool r = false;
    ds_error err = ds_store_submit(s, &sub, doc ? doc : &d, job ? job : &j, replayed ? replayed : &r);
    return err;
}

static ds_error complete(ds_store *s, int64_t job, const char *verdict, int flags,
                         const ds_delivery_new *dl, int ndl)
{
    char report[128];
    snprintf(report, sizeof report, "{\"verdict\":\"%s\",\"flags\":%d}", verdict, flags);
    ds_job_result r = {.state = DS_JOB_DONE,
                       .report_json = report,
                       .report_len = strlen(report),
                       .verdict = verdict,
                       .flag_count = flags,
                       .deliveries = dl,
                       .delivery_count = ndl};
    return ds_store_job_complete(s, job, &r);
}

/* Submits, claims and completes one document; returns its document id. */
static int64_t screened(ds_store *s, const char *case_id, const char *bytes, const char *verdict,
                        int flags, int64_t *job_out)
{
    int64_t doc = 0, job = 0;
    T_EQ_INT(submit(s, case_id, bytes, NULL, NULL, &doc, &job, NULL), DS_OK);
    ds_job j;
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    T_CHECK(got && j.id == job);
    T_EQ_INT(complete(s, job, verdict, flags, NULL, 0), DS_OK);
    if (job_out)
        *job_out = job;
    return doc;
}

/* ------------------------------------------------------------ open, close */

static void t_open_schema(void)
{
    ds_store *s = fresh();
    int v = 0;
    T_EQ_INT(ds_store_schema_version(s, &v), DS_OK);
    T_EQ_INT(v, pg_server ? 2 : 5);
    T_EQ_STR(ds_store_backend(s), pg_server ? "postgresql" : "sqlite");
    bool ok = false;
    char msg[64];
    T_EQ_INT(ds_store_check_integrity(s, &ok, msg, sizeof msg), DS_OK);
    T_CHECK(ok);
    T_EQ_STR(msg, "ok");
    ds_store_close(s);
    if (pg_server) {
        /* Reopening migrates nothing and keeps the version. */
        T_EQ_INT(ds_store_open(url, &s), DS_OK);
        T_EQ_INT(ds_store_schema_version(s, &v), DS_OK);
        T_EQ_INT(v, 2);
        ds_store_close(s);
        /* The files are rows of the database: no directory is made. */
        T_CHECK(access(dbpath, F_OK) != 0);
        return;
    }
    /* Reopening migrates nothing and keeps the version; a plain path works. */
    T_EQ_INT(ds_store_open(dbpath, &s), DS_OK);
    T_EQ_INT(ds_store_schema_version(s, &v), DS_OK);
    T_EQ_INT(v, 5);
    ds_store_close(s);
    /* The database is in WAL mode with synchronous FULL. */
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    T_EQ_INT(sqlite3_open(dbpath, &db), SQLITE_OK);
    T_EQ_INT(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    T_EQ_INT(sqlite3_step(st), SQLITE_ROW);
    T_EQ_STR((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* A blob directory sits next to the database. */
    char blobs[200];
    struct stat sb;
    snprintf(blobs, sizeof blobs, "%s.blobs", dbpath);
    T_CHECK(stat(blobs, &sb) == 0 && S_ISDIR(sb.st_mode));
    ds_store_close(NULL);
}

static void t_open_errors(void)
{
    ds_store *s = NULL;
    char msg[160];
    /* A PostgreSQL server that does not answer: a store error saying so. */
    T_EQ_INT(ds_store_open_ex("postgresql://127.0.0.1:1/docscreen?connect_timeout=2", NULL, &s, msg,
                              sizeof msg),
             DS_ERR_STORE);
    T_CHECK(strstr(msg, "unavailable") != NULL);
    T_CHECK(s == NULL);
    /* Our own url parameters are checked. */
    T_EQ_INT(ds_store_open_ex("postgresql://127.0.0.1:1/d?ds_lease=0", NULL, &s, msg, sizeof msg),
             DS_ERR_USAGE);
    T_EQ_INT(ds_store_open_ex("postgresql://127.0.0.1:1/d?ds_pool=65", NULL, &s, msg, sizeof msg),
             DS_ERR_USAGE);
    T_EQ_INT(ds_store_open_ex("postgres://127.0.0.1:1/d?ds_pool=2x", NULL, &s, msg, sizeof msg),
             DS_ERR_USAGE);
    T_EQ_INT(ds_store_open(NULL, &s), DS_ERR_USAGE);
    T_EQ_INT(ds_store_open("sqlite:", &s), DS_ERR_USAGE);
    T_EQ_INT(ds_store_open("/nonexistent-dir/x/y.db", &s), DS_ERR_STORE);
    /* A store written by a newer program is refused. */
    s = fresh();
    ds_store_close(s);
    T_EQ_INT(raw_sql("INSERT INTO schema_version VALUES(99, 0)"), SQLITE_OK);
    s = NULL;
    T_EQ_INT(ds_store_open_ex(url, NULL, &s, msg, sizeof msg), DS_ERR_STORE);
    T_CHECK(strstr(msg, "newer") != NULL);
    /* A store handle argument of NULL is a usage error everywhere. */
    int64_t n;
    T_EQ_INT(ds_store_queue_depth(NULL, &n), DS_ERR_USAGE);
    T_EQ_STR(ds_error_name(DS_ERR_NO_RECORD), "ERR_NO_RECORD");
}

/* ------------------------------------------------------------------ cases */

static void t_cases(void)
{
    ds_store *s = fresh();
    const char *j1 = "{\"case_id\":\"C-1\",\"surname\":\"Müller\"}";
    const char *j2 = "{\"case_id\":\"C-1\",\"surname\":\"Núñez\"}";
    char *got = NULL;
    size_t len = 0;
    int64_t at = 0;
    bool created = false, ok = false;
    T_EQ_INT(ds_store_case_get(s, "C-1", &got, &len, &at), DS_ERR_NO_RECORD);
    ds_store_set_clock(s, 1000);
    T_EQ_INT(ds_store_case_put(s, "C-1", "token:1", j1, strlen(j1), &created), DS_OK);
    T_CHECK(created);
    T_EQ_INT(ds_store_case_get(s, "C-1", &got, &len, &at), DS_OK);
    T_EQ_STR(got, j1);
    T_EQ_INT(len, strlen(j1));
    T_EQ_INT(at, 1000);
    free(got);
    ds_store_set_clock(s, 2000);
    T_EQ_INT(ds_store_case_put(s, "C-1", "token:1", j2, strlen(j2), &created), DS_OK);
    T_CHECK(!created);
    T_EQ_INT(ds_store_case_get(s, "C-1", &got, &len, NULL), DS_OK);
    T_EQ_STR(got, j2);
    free(got);
    /* Issue 14: another owner can neither replace the record nor learn
     * more than an unknown record would tell. */
    T_EQ_INT(ds_store_case_put(s, "C-1", "token:2", j1, strlen(j1), &created), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_case_get(s, "C-1", &got, &len, NULL), DS_OK);
    T_EQ_STR(got, j2);
    free(got);
    T_EQ_INT(ds_store_case_writable(s, "C-1", "token:2", &ok), DS_OK);
    T_CHECK(!ok);
    T_EQ_INT(ds_store_case_writable(s, "C-1", "token:1", &ok), DS_OK);
    T_CHECK(ok);
    T_EQ_INT(ds_store_case_writable(s, "C-9", "token:2", &ok), DS_OK);
    T_CHECK(ok);
    char longid[DS_STORE_CASE_ID_MAX + 2];
    memset(longid, 'x', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    T_EQ_INT(ds_store_case_put(s, longid, "token:1", j1, strlen(j1), NULL), DS_ERR_TOO_LARGE);
    T_EQ_INT(ds_store_case_put(s, "", "token:1", j1, strlen(j1), NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_store_case_put(s, "C-2", "token:1", NULL, 0, NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_store_case_put(s, "C-2", "", j1, strlen(j1), NULL), DS_ERR_USAGE);
    ds_store_close(s);
}

/* ----------------------------------------------------- documents and jobs */

static void t_submit_and_read(void)
{
    ds_store *s = fresh();
    int64_t doc = 0, job = 0;
    bool replayed = true;
    ds_store_set_clock(s, 5000);
    T_EQ_INT(submit(s, "C-1", "image bytes one", NULL, NULL, &doc, &job, &replayed), DS_OK);
    T_CHECK(doc > 0 && job > 0);
    T_CHECK(!replayed);
    ds_document d;
    T_EQ_INT(ds_store_document_get(s, doc, &d), DS_OK);
    T_EQ_STR(d.case_id, "C-1");
    T_EQ_STR(d.filename, "scan.jpg");
    T_EQ_STR(d.source, "api");
    T_EQ_STR(d.station, "desk-1");
    T_EQ_INT(d.size, 15);
    T_EQ_INT(d.created_at, 5000);
    T_EQ_INT(d.purged_at, 0);
    char sha[65];
    ds_sha256_hex("image bytes one", 15, sha);
    T_EQ_STR(d.sha256, sha);
    /* Content-addressed blob next to the database. */
    char path[400];
    snprintf(path, sizeof path, "%s.blobs/%.2s/%s", dbpath, sha, sha);
    T_CHECK(pg_server || access(path, R_OK) == 0);
    uint8_t *data = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_document_read(s, doc, &data, &len), DS_OK);
    T_EQ_INT(len, 15);
    T_CHECK(data && memcmp(data, "image bytes one", 15) == 0);
    free(data);
    ds_job j;
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_QUEUED);
    T_EQ_INT(j.document_id, doc);
    T_EQ_STR(j.case_id, "C-1");
    T_EQ_INT(j.attempts, 0);
    T_EQ_INT(ds_store_job_for_document(s, doc, &j), DS_OK);
    T_EQ_INT(j.id, job);
    /* A blob changed on disk (or in its row) is refused, not returned. */
    if (pg_server) {
        T_EQ_INT(raw_sql("UPDATE blobs SET data = overlay(data placing 'X'::bytea from 1)"), 0);
    } else {
        FILE *f = fopen(path, "r+b");
        T_CHECK(f != NULL);
        if (f) {
            fputc('X', f);
            fclose(f);
        }
    }
    T_EQ_INT(ds_store_document_read(s, doc, &data, &len), DS_ERR_STORE);
    T_CHECK(ds_store_errmsg(s)[0] != '\0');
    const uint8_t *m = NULL;
    T_EQ_INT(ds_store_document_map(s, doc, &m, &len), DS_ERR_STORE);
    T_CHECK(m == NULL);
    /* A file of several MiB and an odd size maps whole and exact (on
     * PostgreSQL it is fetched into the mapping a piece at a time). */
    size_t big_len = (5u << 19) + 7;
    char *big = malloc(big_len);
    T_CHECK(big != NULL);
    if (big) {
        unsigned seed = 7;
        for (size_t i = 0; i < big_len; i++)
            big[i] = (char)(rand_r(&seed) >> 3);
        ds_submission sub = {.case_id = "C-big", .filename = "big.tif", .source = "api",
                             .station = "desk-1", .data = big, .len = big_len};
        int64_t bdoc = 0, bjob = 0;
        bool rep = false;
        T_EQ_INT(ds_store_submit(s, &sub, &bdoc, &bjob, &rep), DS_OK);
        T_EQ_INT(ds_store_document_map(s, bdoc, &m, &len), DS_OK);
        T_EQ_INT(len, big_len);
        T_CHECK(m && memcmp(m, big, big_len) == 0);
        ds_store_document_unmap(m, len);
        free(big);
    }
    /* Errors. */
    T_EQ_INT(submit(s, "C-1", "", NULL, NULL, NULL, NULL, NULL), DS_ERR_EMPTY);
    T_EQ_INT(submit(s, "", "x", NULL, NULL, NULL, NULL, NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_store_document_get(s, 999, &d), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_job_get(s, 999, &j), DS_ERR_NO_RECORD);
    T_EQ_STR(ds_job_state_name(DS_JOB_RUNNING), "running");
    ds_store_close(s);
}

static void t_idempotency(void)
{
    ds_store *s = fresh();
    int64_t d1, j1, d2, j2;
    bool rep = false;
    T_EQ_INT(submit(s, "C-1", "body A", "key-1", "station-a", &d1, &j1, &rep), DS_OK);
    T_CHECK(!rep);
    /* The same key and body again: the same ids, flagged as a replay. */
    T_EQ_INT(submit(s, "C-1", "body A", "key-1", "station-a", &d2, &j2, &rep), DS_OK);
    T_CHECK(rep);
    T_EQ_INT(d2, d1);
    T_EQ_INT(j2, j1);
    /* The same key with another body, or another case: a conflict. */
    T_EQ_INT(submit(s, "C-1", "body B", "key-1", "station-a", &d2, &j2, &rep), DS_ERR_CONFLICT);
    T_EQ_INT(submit(s, "C-2", "body A", "key-1", "station-a", &d2, &j2, &rep), DS_ERR_CONFLICT);
    /* Keys are per scope (per token). */
    T_EQ_INT(submit(s, "C-1", "body A", "key-1", "station-b", &d2, &j2, &rep), DS_OK);
    T_CHECK(!rep && d2 != d1);
    /* Without a key every submission is new. */
    T_EQ_INT(submit(s, "C-1", "body A", NULL, NULL, &d2, &j2, &rep), DS_OK);
    T_EQ_INT(submit(s, "C-1", "body A", "", NULL, &d2, &j2, &rep), DS_OK);
    T_CHECK(!rep);
    int64_t depth = 0;
    T_EQ_INT(ds_store_queue_depth(s, &depth), DS_OK);
    T_EQ_INT(depth, 4);
    /* The replay still answers after the job completed. */
    ds_job j;
    bool got;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    T_EQ_INT(j.id, j1);
    T_EQ_INT(complete(s, j1, "clear", 0, NULL, 0), DS_OK);
    T_EQ_INT(submit(s, "C-1", "body A", "key-1", "station-a", &d2, &j2, &rep), DS_OK);
    T_CHECK(rep && j2 == j1);
    char longkey[DS_STORE_KEY_MAX + 2];
    memset(longkey, 'k', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    T_EQ_INT(submit(s, "C-1", "body A", longkey, NULL, &d2, &j2, &rep), DS_ERR_TOO_LARGE);
    ds_store_close(s);
}

static void t_job_lifecycle(void)
{
    ds_store *s = fresh();
    int64_t d1, j1, d2, j2;
    T_EQ_INT(submit(s, "C-1", "one", NULL, NULL, &d1, &j1, NULL), DS_OK);
    T_EQ_INT(submit(s, "C-2", "two", NULL, NULL, &d2, &j2, NULL), DS_OK);
    ds_job j;
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "worker-1", &j, &got), DS_OK);
    T_CHECK(got);
    T_EQ_INT(j.id, j1); /* oldest first */
    T_EQ_INT(j.state, DS_JOB_RUNNING);
    T_EQ_INT(j.attempts, 1);
    T_EQ_STR(j.worker, "worker-1");
    int64_t counts[DS_JOB_STATE_COUNT];
    T_EQ_INT(ds_store_job_counts(s, counts), DS_OK);
    T_EQ_INT(counts[DS_JOB_QUEUED], 1);
    T_EQ_INT(counts[DS_JOB_RUNNING], 1);
    /* Reports do not exist before completion. */
    char *rep = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_report_get(s, j1, &rep, &len), DS_ERR_NO_RECORD);
    T_EQ_INT(complete(s, j1, "review", 2, NULL, 0), DS_OK);
    T_EQ_INT(ds_store_report_get(s, j1, &rep, &len), DS_OK);
    T_EQ_STR(rep, "{\"verdict\":\"review\",\"flags\":2}");
    free(rep);
    T_EQ_INT(ds_store_report_get_by_document(s, d1, &rep, &len), DS_OK);
    T_CHECK(strstr(rep, "review") != NULL);
    free(rep);
    /* Completing twice, or a job not running, is a conflict. */
    T_EQ_INT(complete(s, j1, "clear", 0, NULL, 0), DS_ERR_CONFLICT);
    T_EQ_INT(complete(s, j2, "clear", 0, NULL, 0), DS_ERR_CONFLICT);
    T_EQ_INT(complete(s, 999, "clear", 0, NULL, 0), DS_ERR_NO_RECORD);
    T_EQ_INT(complete(s, j1, "maybe", 0, NULL, 0), DS_ERR_USAGE);
    /* Requeue of a running job (shutdown), then a failed outcome. */
    T_EQ_INT(ds_store_job_claim(s, "worker-2", &j, &got), DS_OK);
    T_EQ_INT(j.id, j2);
    T_EQ_INT(ds_store_job_requeue(s, j2), DS_OK);
    T_EQ_INT(ds_store_job_requeue(s, j2), DS_ERR_CONFLICT);
    T_EQ_INT(ds_store_job_claim(s, "worker-2", &j, &got), DS_OK);
    T_CHECK(got && j.id == j2 && j.attempts == 2);
    const char *bad = "{\"verdict\":\"error\",\"error\":\"ERR_CORRUPT\"}";
    ds_job_result r = {.state = DS_JOB_FAILED, .report_json = bad, .report_len = strlen(bad),
                       .verdict = "error"};
    T_EQ_INT(ds_store_job_complete(s, j2, &r), DS_OK);
    T_EQ_INT(ds_store_job_get(s, j2, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_FAILED);
    T_EQ_INT(ds_store_job_claim(s, "worker-2", &j, &got), DS_OK);
    T_CHECK(!got);
    T_EQ_INT(ds_store_job_counts(s, counts), DS_OK);
    T_EQ_INT(counts[DS_JOB_DONE], 1);
    T_EQ_INT(counts[DS_JOB_FAILED], 1);
    T_EQ_INT(counts[DS_JOB_QUEUED] + counts[DS_JOB_RUNNING], 0);
    int64_t depth = -1;
    T_EQ_INT(ds_store_queue_depth(s, &depth), DS_OK);
    T_EQ_INT(depth, 0);
    ds_store_close(s);
}

/* Each thread claims with its own handle until the queue is empty. */
#define CLAIM_JOBS 120
#define CLAIM_THREADS 4

typedef struct claimer {
    int64_t ids[CLAIM_JOBS];
    int n;
    int errors;
} claimer;

static void *claim_all(void *arg)
{
    claimer *c = arg;
    ds_store *s = NULL;
    if (ds_store_open(url, &s) != DS_OK) {
        c->errors++;
        return NULL;
    }
    for (;;) {
        ds_job j;
        bool got = false;
        if (ds_store_job_claim(s, "thread", &j, &got) != DS_OK) {
            c->errors++;
            break;
        }
        if (!got)
            break;
        if (c->n < CLAIM_JOBS)
            c->ids[c->n++] = j.id;
    }
    ds_store_close(s);
    return NULL;
}

/* The claimers below claim job after job without finishing any: a held job
 * is no longer renewed once its handle claims the next, so with the one-second
 * lease of fresh() a loaded machine lets a job's lease run out while the
 * others are still claiming, and it is rightly claimed again. These tests
 * are about two claims at once, not about expiry: a lease of ten minutes. */
static void long_lease(void)
{
    if (pg_server)
        snprintf(url, sizeof url, "%s?ds_lease=600", pgurl);
}

static void t_claim_exclusive_threads(void)
{
    ds_store *s = fresh();
    long_lease();
    for (int i = 0; i < CLAIM_JOBS; i++) {
        char body[32];
        snprintf(body, sizeof body, "doc %d", i);
        T_EQ_INT(submit(s, "C", body, NULL, NULL, NULL, NULL, NULL), DS_OK);
    }
    static claimer c[CLAIM_THREADS];
    pthread_t th[CLAIM_THREADS];
    for (int i = 0; i < CLAIM_THREADS; i++)
        pthread_create(&th[i], NULL, claim_all, &c[i]);
    for (int i = 0; i < CLAIM_THREADS; i++)
        pthread_join(th[i], NULL);
    static int seen[CLAIM_JOBS + 1];
    int total = 0;
    for (int i = 0; i < CLAIM_THREADS; i++) {
        T_EQ_INT(c[i].errors, 0);
        for (int k = 0; k < c[i].n; k++) {
            int64_t id = c[i].ids[k];
            T_CHECK(id >= 1 && id <= CLAIM_JOBS);
            if (id >= 1 && id <= CLAIM_JOBS)
                seen[id]++;
            total++;
        }
    }
    T_EQ_INT(total, CLAIM_JOBS);
    for (int id = 1; id <= CLAIM_JOBS; id++)
        T_EQ_INT(seen[id], 1);
    ds_store_close(s);
}

static void t_claim_exclusive_processes(void)
{
    ds_store *s = fresh();
    long_lease();
    enum { N = 60, P = 3 };
    for (int i = 0; i < N; i++) {
        char body[32];
        snprintf(body, sizeof body, "doc %d", i);
        T_EQ_INT(submit(s, "C", body, NULL, NULL, NULL, NULL, NULL), DS_OK);
    }
    ds_store_close(s);
    int fds[2];
    T_EQ_INT(pipe(fds), 0);
    pid_t pids[P];
    for (int p = 0; p < P; p++) {
        pids[p] = fork();
        if (pids[p] == 0) {
            close(fds[0]);
            ds_store *cs = NULL;
            if (ds_store_open(url, &cs) != DS_OK)
                _exit(3);
            for (;;) {
                ds_job j;
                bool got = false;
                if (ds_store_job_claim(cs, "proc", &j, &got) != DS_OK)
                    _exit(4);
                if (!got)
                    break;
                if (write(fds[1], &j.id, sizeof j.id) != (ssize_t)sizeof j.id)
                    _exit(5);
            }
            ds_store_close(cs);
            _exit(0);
        }
    }
    close(fds[1]);
    int seen[N + 1] = {0}, total = 0;
    int64_t id;
    while (read(fds[0], &id, sizeof id) == (ssize_t)sizeof id) {
        T_CHECK(id >= 1 && id <= N);
        if (id >= 1 && id <= N)
            seen[id]++;
        total++;
    }
    close(fds[0]);
    for (int p = 0; p < P; p++) {
        int st = 0;
        waitpid(pids[p], &st, 0);
        T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    T_EQ_INT(total, N);
    for (int i = 1; i <= N; i++)
        T_EQ_INT(seen[i], 1);
}

static void t_crash_recovery(void)
{
    ds_store *s = fresh();
    int64_t doc, job;
    T_EQ_INT(submit(s, "C-1", "crash me", NULL, NULL, &doc, &job, NULL), DS_OK);
    ds_store_close(s);
    pid_t pid = fork();
    if (pid == 0) {
        ds_store *cs = NULL;
        ds_job j;
        bool got = false;
        if (ds_store_open(url, &cs) != DS_OK || ds_store_job_claim(cs, "doomed", &j, &got) != DS_OK ||
            !got)
            _exit(3);
        _exit(0); /* dies with the job in hand, the handle never closed */
    }
    int st = 0;
    waitpid(pid, &st, 0);
    T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    s = reopen();
    ds_job j;
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_RUNNING);
    T_EQ_STR(j.worker, "doomed");
    int64_t n = 0;
    T_EQ_INT(ds_store_job_requeue_running(s, &n), DS_OK);
    /* PostgreSQL: other nodes may be working, so only a job whose lease ran
     * out (one second here) goes back; wait for it, at most 20 s. */
    for (int i = 0; pg_server && n == 0 && i < 200; i++) {
        usleep(100 * 1000);
        T_EQ_INT(ds_store_job_requeue_running(s, &n), DS_OK);
    }
    T_EQ_INT(n, 1);
    T_EQ_INT(ds_store_job_requeue_running(s, &n), DS_OK);
    T_EQ_INT(n, 0);
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "survivor", &j, &got), DS_OK);
    T_CHECK(got && j.id == job);
    T_EQ_INT(j.attempts, 2);
    T_EQ_INT(complete(s, job, "clear", 0, NULL, 0), DS_OK);
    T_EQ_INT(complete(s, job, "clear", 0, NULL, 0), DS_ERR_CONFLICT);
    int64_t counts[DS_JOB_STATE_COUNT];
    T_EQ_INT(ds_store_job_counts(s, counts), DS_OK);
    T_EQ_INT(counts[DS_JOB_DONE], 1);
    T_EQ_INT(counts[DS_JOB_QUEUED] + counts[DS_JOB_RUNNING] + counts[DS_JOB_FAILED], 0);
    bool ok = false;
    T_EQ_INT(ds_store_check_integrity(s, &ok, NULL, 0), DS_OK);
    T_CHECK(ok);
    ds_store_close(s);
}

/* Several nodes: a job held by a live node keeps its lease (the node
 * renews it) however long the work takes; when the node goes away without
 * finishing, another node takes the job once the lease ran out. */
static void t_lease_nodes(void)
{
    if (!pg_server)
        T_SKIP("leases between nodes are the PostgreSQL backend's (SQLite has one node)");
    ds_store *s = fresh();
    int64_t doc, job;
    T_EQ_INT(submit(s, "C-1", "long work", NULL, NULL, &doc, &job, NULL), DS_OK);
    ds_job j;
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "node-a", &j, &got), DS_OK);
    T_CHECK(got && j.id == job);
    /* Another node (a process of its own) tries for three leases' time:
     * the job is renewed under it and never handed out. */
    pid_t pid = fork();
    if (pid == 0) {
        ds_store *cs = NULL;
        if (ds_store_open(url, &cs) != DS_OK)
            _exit(3);
        for (int i = 0; i < 30; i++) {
            ds_job cj;
            bool cg = false;
            if (ds_store_job_claim(cs, "node-b", &cj, &cg) != DS_OK)
                _exit(4);
            if (cg)
                _exit(5);
            usleep(100 * 1000);
        }
        int64_t n = -1;
        if (ds_store_job_requeue_running(cs, &n) != DS_OK || n != 0)
            _exit(6);
        ds_store_close(cs);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_RUNNING);
    T_EQ_STR(j.worker, "node-a");
    /* Node a goes away with the job in hand: node b gets it. */
    ds_store_close(s);
    s = reopen();
    got = false;
    for (int i = 0; i < 200 && !got; i++) {
        T_EQ_INT(ds_store_job_claim(s, "node-b", &j, &got), DS_OK);
        if (!got)
            usleep(100 * 1000);
    }
    T_CHECK(got && j.id == job);
    T_EQ_INT(j.attempts, 2);
    T_EQ_STR(j.worker, "node-b");
    T_EQ_INT(complete(s, job, "clear", 0, NULL, 0), DS_OK);
    T_EQ_INT(complete(s, job, "clear", 0, NULL, 0), DS_ERR_CONFLICT);
    ds_store_close(s);
}

/* Lets the job's deadline of timeout_s pass: the clock moves on (SQLite's
 * is the store's) or, on PostgreSQL (the server's clock), the test waits,
 * while the handle that claimed the job still holds it, so that its node
 * would renew the lease if nothing stopped it at the deadline. */
static void deadline_passes(ds_store *s, int64_t *now, int timeout_s)
{
    *now += timeout_s + 1;
    ds_store_set_clock(s, *now);
    if (pg_server)
        usleep((useconds_t)(timeout_s * 1000 + 700) * 1000);
}

/* A worker that hangs (alive, its handle open, on PostgreSQL its node
 * renewing leases) keeps its job only until the claim's deadline: the next
 * claim takes the job over, before the queued ones, and counts a timeout;
 * the hung worker's late result is refused once another claim completed. */
static void t_job_timeout(void)
{
    ds_store *s = fresh();
    int64_t now = 100000, doc, job, job2;
    ds_store_set_clock(s, now);
    T_EQ_INT(submit(s, "C-1", "hangs the screening", NULL, NULL, &doc, &job, NULL), DS_OK);
    T_EQ_INT(submit(s, "C-2", "queued behind it", NULL, NULL, &doc, &job2, NULL), DS_OK);
    ds_job j, k;
    bool got = false;
    /* On PostgreSQL a few seconds, so that a loaded machine does not pass
     * a deadline between two steps meant to be within it. */
    int to = pg_server ? 3 : 1;
    T_EQ_INT(ds_store_job_claim_for(s, "w1", to, &j, &got), DS_OK);
    T_CHECK(got && j.id == job && j.attempts == 1 && j.timeouts == 0);
    /* Out of range timeouts are refused. */
    T_EQ_INT(ds_store_job_claim_for(s, "w2", 0, &k, &got), DS_ERR_USAGE);
    T_EQ_INT(ds_store_job_claim_for(s, "w2", DS_STORE_JOB_TIMEOUT_MAX + 1, &k, &got),
             DS_ERR_USAGE);
    /* Within the deadline the job stays w1's: the next claim gets job 2. */
    ds_store *t = reopen();
    ds_store_set_clock(t, now);
    T_EQ_INT(ds_store_job_claim_for(t, "w2", to, &k, &got), DS_OK);
    T_CHECK(got && k.id == job2);
    T_EQ_INT(complete(t, job2, "clear", 0, NULL, 0), DS_OK);
    got = true;
    T_EQ_INT(ds_store_job_claim_for(t, "w2", to, &k, &got), DS_OK);
    T_CHECK(!got);
    /* w1 hangs past its deadline: w2 takes the job over. */
    deadline_passes(s, &now, to);
    ds_store_set_clock(t, now);
    T_EQ_INT(ds_store_job_claim_for(t, "w2", to, &k, &got), DS_OK);
    T_CHECK(got && k.id == job);
    T_EQ_INT(k.attempts, 2);
    T_EQ_INT(k.timeouts, 1);
    T_EQ_STR(k.worker, "w2");
    /* Its new deadline holds against a third claimer. */
    got = true;
    T_EQ_INT(ds_store_job_claim_for(t, "w3", to, &k, &got), DS_OK);
    T_CHECK(!got);
    /* w2 hangs too: a third claim finds two timeouts (the worker gives up). */
    deadline_passes(s, &now, to);
    ds_store_set_clock(t, now);
    T_EQ_INT(ds_store_job_claim_for(t, "w3", 60, &k, &got), DS_OK);
    T_CHECK(got && k.id == job && k.attempts == 3 && k.timeouts == 2);
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.timeouts, 2);
    ds_job_result r = {.state = DS_JOB_FAILED, .report_json = "{}", .report_len = 2,
                       .verdict = "error"};
    T_EQ_INT(ds_store_job_complete(t, job, &r), DS_OK);
    /* The hung workers come back: their results are refused. */
    T_EQ_INT(complete(s, job, "clear", 0, NULL, 0), DS_ERR_CONFLICT);
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_FAILED);
    ds_store_close(t);
    ds_store_close(s);
}

static pthread_mutex_t wake_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cv = PTHREAD_COND_INITIALIZER;
static int wakes;

static void on_wake(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&wake_mu);
    wakes++;
    pthread_cond_broadcast(&wake_cv);
    pthread_mutex_unlock(&wake_mu);
}

/* Waits (at most 20 s: an event, not a timing) for a wake-up; true when
 * one came. Clears the count. */
static bool woken(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 20;
    pthread_mutex_lock(&wake_mu);
    while (wakes == 0)
        if (pthread_cond_timedwait(&wake_cv, &wake_mu, &ts) != 0)
            break;
    bool any = wakes > 0;
    wakes = 0;
    pthread_mutex_unlock(&wake_mu);
    return any;
}

/* Another process (node) submits one document. */
static void submit_elsewhere(const char *bytes)
{
    pid_t pid = fork();
    if (pid == 0) {
        ds_store *cs = NULL;
        if (ds_store_open(url, &cs) != DS_OK)
            _exit(3);
        ds_error err = submit(cs, "C-elsewhere", bytes, NULL, NULL, NULL, NULL, NULL);
        ds_store_close(cs);
        _exit(err == DS_OK ? 0 : 4);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* A job submitted by another node wakes this one's waiters at once
 * (PostgreSQL's LISTEN/NOTIFY), also after the listening connection was
 * cut (it comes back by itself and wakes the waiters once, as anything
 * sent meanwhile was lost). SQLite has no other node: no wake-ups. */
static void t_wakeup(void)
{
    ds_store *s = fresh();
    if (!pg_server) {
        T_CHECK(!ds_store_set_wakeup(s, on_wake, NULL));
        ds_store_close(s);
        return;
    }
    T_CHECK(ds_store_set_wakeup(s, on_wake, NULL));
    woken(); /* the listener's first connect wakes once */
    submit_elsewhere("from another node");
    T_CHECK(woken());
    /* The server ends the listener's session: it reconnects. */
    T_EQ_INT(pg_exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     " WHERE query = 'LISTEN ds_jobs' AND pid <> pg_backend_pid()",
                     true),
             0);
    T_CHECK(woken()); /* back: the waiters look once */
    submit_elsewhere("again from another node");
    T_CHECK(woken());
    /* A requeue wakes too. */
    ds_job j;
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    T_CHECK(got);
    woken();
    T_EQ_INT(ds_store_job_requeue(s, j.id), DS_OK);
    T_CHECK(woken());
    ds_store_set_wakeup(s, NULL, NULL);
    ds_store_close(s);
    /* ds_listen=0: no listener, no wake-ups. */
    char off[700];
    snprintf(off, sizeof off, "%s&ds_listen=0", url);
    T_EQ_INT(ds_store_open(off, &s), DS_OK);
    T_CHECK(!ds_store_set_wakeup(s, on_wake, NULL));
    ds_store_close(s);
    snprintf(off, sizeof off, "%s&ds_listen=2", url);
    T_EQ_INT(ds_store_open(off, &s), DS_ERR_USAGE);
}

/* A lock held too long by someone else (here: the audit chain's, by a
 * session that stays in its transaction, as a node whose host vanished
 * would) fails an operation after the busy timeout instead of hanging it,
 * and the store works again once the lock is gone. */
static void t_lock_timeout(void)
{
    if (!pg_server)
        T_SKIP("lock timeouts between nodes are the PostgreSQL backend's");
    ds_store *s = fresh();
    ds_store_close(s);
    ds_store_options opt = {.busy_timeout_ms = 300};
    char msg[256];
    T_EQ_INT(ds_store_open_ex(url, &opt, &s, msg, sizeof msg), DS_OK);
    PGconn *other = PQconnectdb(pgurl);
    T_CHECK(PQstatus(other) == CONNECTION_OK);
    PQclear(PQexec(other, "BEGIN"));
    PGresult *r = PQexec(other, "SELECT pg_advisory_xact_lock(7238236182938219553)"); /* the audit lock */
    T_CHECK(PQresultStatus(r) == PGRES_TUPLES_OK);
    PQclear(r);
    T_EQ_INT(ds_store_audit_append(s, "officer-7", "report.read", "job:1", NULL), DS_ERR_STORE);
    T_CHECK(strstr(ds_store_errmsg(s), "lock") != NULL);
    /* Reading is not held up. */
    int64_t depth = -1;
    T_EQ_INT(ds_store_queue_depth(s, &depth), DS_OK);
    T_EQ_INT(depth, 0);
    PQclear(PQexec(other, "ROLLBACK"));
    PQfinish(other);
    int64_t seq = 0;
    T_EQ_INT(ds_store_audit_append(s, "officer-7", "report.read", "job:1", &seq), DS_OK);
    T_EQ_INT(seq, 1);
    ds_store_close(s);
}

/* Several nodes starting at once on an empty database: one migrates, the
 * others wait and find the schema made; every one opens, and each
 * migration is recorded once. */
static void t_migrate_race(void)
{
    if (!pg_server)
        T_SKIP("migrations between nodes are the PostgreSQL backend's");
    char name[64], sql[128];
    snprintf(name, sizeof name, "ds_m_%d", (int)getpid());
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    T_EQ_INT(pg_exec(sql, true), 0);
    snprintf(pgurl, sizeof pgurl, "%s/%s", pg_server, name);
    snprintf(url, sizeof url, "%s", pgurl);
    enum { P = 4 };
    pid_t pids[P];
    for (int p = 0; p < P; p++) {
        pids[p] = fork();
        if (pids[p] == 0) {
            ds_store *cs = NULL;
            int v = 0;
            if (ds_store_open(url, &cs) != DS_OK || ds_store_schema_version(cs, &v) != DS_OK ||
                v != 2)
                _exit(3);
            ds_store_close(cs);
            _exit(0);
        }
    }
    for (int p = 0; p < P; p++) {
        int st = 0;
        waitpid(pids[p], &st, 0);
        T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    T_EQ_INT(raw_sql("DO $$ BEGIN IF (SELECT count(*) FROM schema_version) <> 2"
                     " THEN RAISE EXCEPTION 'x'; END IF; END $$"),
             0);
}

/* The same idempotency key submitted by several processes at once: one
 * document, one job, every caller told its ids, all but one as a replay. */
static void t_idempotency_race(void)
{
    ds_store *s = fresh();
    ds_store_close(s);
    enum { P = 4 };
    int fds[2];
    T_EQ_INT(pipe(fds), 0);
    pid_t pids[P];
    for (int p = 0; p < P; p++) {
        pids[p] = fork();
        if (pids[p] == 0) {
            close(fds[0]);
            ds_store *cs = NULL;
            int64_t rec[3] = {0, 0, 0};
            bool rep = false;
            if (ds_store_open(url, &cs) != DS_OK ||
                submit(cs, "C-race", "same body", "key-race", "token:1", &rec[0], &rec[1], &rep) !=
                    DS_OK)
                _exit(3);
            rec[2] = rep;
            if (write(fds[1], rec, sizeof rec) != (ssize_t)sizeof rec)
                _exit(4);
            ds_store_close(cs);
            _exit(0);
        }
    }
    close(fds[1]);
    int64_t rec[3], doc = 0, job = 0;
    int n = 0, fresh_ones = 0;
    while (read(fds[0], rec, sizeof rec) == (ssize_t)sizeof rec) {
        if (n++ == 0) {
            doc = rec[0];
            job = rec[1];
        }
        T_EQ_INT(rec[0], doc);
        T_EQ_INT(rec[1], job);
        fresh_ones += rec[2] == 0;
    }
    close(fds[0]);
    for (int p = 0; p < P; p++) {
        int st = 0;
        waitpid(pids[p], &st, 0);
        T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    T_EQ_INT(n, P);
    T_EQ_INT(fresh_ones, 1);
    s = reopen();
    int64_t depth = 0;
    T_EQ_INT(ds_store_queue_depth(s, &depth), DS_OK);
    T_EQ_INT(depth, 1);
    ds_store_close(s);
}

/* --------------------------------------------------- webhook deliveries */

static void t_delivery_atomic(void)
{
    ds_store *s = fresh();
    int64_t doc, job;
    T_EQ_INT(submit(s, "C-1", "hooked", NULL, NULL, &doc, &job, NULL), DS_OK);
    ds_job j;
    bool got;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    /* A completion that fails inside its transaction (a trigger refuses the
     * second delivery) leaves no report, no delivery and a running job. */
    T_EQ_INT(raw_sql(pg_server ? "CREATE TRIGGER refuse BEFORE INSERT ON deliveries FOR EACH ROW "
                                 "WHEN (NEW.url = 'http://refused/') EXECUTE FUNCTION ds_refuse('refused')"
                               : "CREATE TRIGGER refuse BEFORE INSERT ON deliveries WHEN NEW.url = 'http://refused/' "
                                 "BEGIN SELECT RAISE(ABORT, 'refused'); END;"),
             SQLITE_OK);
    ds_delivery_new dl[2] = {{"http://a.example/hook", "{\"job\":1}", 9},
                             {"http://refused/", "{\"job\":1}", 9}};
    T_CHECK(complete(s, job, "clear", 0, dl, 2) != DS_OK);
    char *rep = NULL;
    size_t len;
    T_EQ_INT(ds_store_report_get(s, job, &rep, &len), DS_ERR_NO_RECORD);
    ds_delivery list[4];
    int n = -1;
    T_EQ_INT(ds_store_delivery_list(s, 0, 0, 4, list, &n), DS_OK);
    T_EQ_INT(n, 0);
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_RUNNING);
    T_EQ_INT(raw_sql(pg_server ? "DROP TRIGGER refuse ON deliveries" : "DROP TRIGGER refuse"), SQLITE_OK);
    /* A child completes with two deliveries and dies at once: after the
     * crash the job is done and both deliveries exist. */
    ds_store_close(s);
    pid_t pid = fork();
    if (pid == 0) {
        ds_store *cs = NULL;
        ds_delivery_new ok2[2] = {{"http://a.example/hook", "{\"job\":1}", 9},
                                  {"http://b.example/hook", "{\"job\":1}", 9}};
        if (ds_store_open(url, &cs) != DS_OK || complete(cs, job, "clear", 0, ok2, 2) != DS_OK)
            _exit(3);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    T_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    s = reopen();
    T_EQ_INT(ds_store_job_get(s, job, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_DONE);
    T_EQ_INT(ds_store_delivery_list(s, job, 0, 4, list, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_STR(list[0].url, "http://b.example/hook"); /* newest first */
    T_EQ_INT(list[0].state, DS_DELIVERY_PENDING);
    T_CHECK(list[0].body == NULL);
    ds_store_close(s);
}

static void t_delivery_retry(void)
{
    ds_store *s = fresh();
    int64_t now = 1700000000;
    ds_store_set_clock(s, now);
    int64_t doc, job;
    T_EQ_INT(submit(s, "C-1", "hooked", NULL, NULL, &doc, &job, NULL), DS_OK);
    ds_job j;
    bool got;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    ds_delivery_new dl[2] = {{"http://a.example/hook", "{\"a\":1}", 7},
                             {"http://b.example/hook", "{\"b\":2}", 7}};
    T_EQ_INT(complete(s, job, "clear", 0, dl, 2), DS_OK);
    ds_delivery a, b, c;
    T_EQ_INT(ds_store_delivery_claim(s, 60, &a, &got), DS_OK);
    T_CHECK(got);
    T_EQ_STR(a.url, "http://a.example/hook");
    T_EQ_INT(a.attempts, 1);
    T_EQ_INT(a.body_len, 7);
    T_CHECK(a.body && memcmp(a.body, "{\"a\":1}", 7) == 0);
    T_EQ_INT(ds_store_delivery_claim(s, 60, &b, &got), DS_OK);
    T_CHECK(got);
    T_EQ_STR(b.url, "http://b.example/hook");
    /* Both are leased: nothing else is due. */
    T_EQ_INT(ds_store_delivery_claim(s, 60, &c, &got), DS_OK);
    T_CHECK(!got);
    T_EQ_INT(ds_store_delivery_done(s, b.id, 204), DS_OK);
    T_EQ_INT(ds_store_delivery_done(s, b.id, 204), DS_ERR_CONFLICT);
    /* a fails: due again after 30 s, then 60 s, then gives up at 3. */
    int64_t next = 0;
    bool gave_up = true;
    T_EQ_INT(ds_store_delivery_fail(s, a.id, 503, "service unavailable", 3, &next, &gave_up), DS_OK);
    T_CHECK(!gave_up);
    T_EQ_INT(next, now + 30);
    T_EQ_INT(ds_store_delivery_claim(s, 60, &c, &got), DS_OK);
    T_CHECK(!got);
    ds_store_set_clock(s, now + 30);
    T_EQ_INT(ds_store_delivery_claim(s, 60, &c, &got), DS_OK);
    T_CHECK(got && c.id == a.id && c.attempts == 2);
    free(c.body);
    T_EQ_INT(ds_store_delivery_fail(s, a.id, 0, "connection refused", 3, &next, &gave_up), DS_OK);
    T_EQ_INT(next, now + 30 + 60);
    /* A crash mid-send: the lease expires and the delivery is due again. */
    ds_store_set_clock(s, now + 90);
    T_EQ_INT(ds_store_delivery_claim(s, 60, &c, &got), DS_OK);
    T_CHECK(got && c.attempts == 3);
    free(c.body);
    ds_store_set_clock(s, now + 150);
    T_EQ_INT(ds_store_delivery_claim(s, 60, &c, &got), DS_OK);
    T_CHECK(got && c.attempts == 4);
    free(c.body);
    T_EQ_INT(ds_store_delivery_fail(s, a.id, 500, NULL, 3, &next, &gave_up), DS_OK);
    T_CHECK(gave_up);
    ds_delivery list[4];
    int n = 0;
    T_EQ_INT(ds_store_delivery_list(s, 0, 0, 4, list, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_INT(list[1].id, a.id);
    T_EQ_INT(list[1].state, DS_DELIVERY_FAILED);
    T_EQ_INT(list[1].last_status, 500);
    T_EQ_INT(list[0].state, DS_DELIVERY_DELIVERED);
    T_EQ_INT(list[0].last_status, 204);
    T_EQ_INT(ds_store_delivery_list(s, 0, list[0].id, 4, list, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_STR(ds_delivery_state_name(DS_DELIVERY_FAILED), "failed");
    /* The backoff doubles and is capped. */
    T_EQ_INT(ds_delivery_backoff(1), 30);
    T_EQ_INT(ds_delivery_backoff(3), 120);
    T_EQ_INT(ds_delivery_backoff(40), DS_DELIVERY_BACKOFF_MAX);
    T_EQ_INT(ds_store_delivery_done(s, 999, 200), DS_ERR_NO_RECORD);
    free(a.body);
    free(b.body);
    ds_store_close(s);
}

/* ----------------------------------------------------- review, decisions */

static void t_review_decisions(void)
{
    ds_store *s = fresh();
    ds_store_set_clock(s, 100);
    int64_t d1 = screened(s, "C-1", "first", "review", 2, NULL);
    ds_store_set_clock(s, 200);
    (void)screened(s, "C-2", "second", "clear", 0, NULL);
    ds_store_set_clock(s, 300);
    int64_t d3 = screened(s, "C-3", "third", "review", 1, NULL);
    ds_review_item items[4];
    int n = 0;
    T_EQ_INT(ds_store_review_list(s, false, 0, 0, 4, items, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_INT(items[0].document_id, d1);
    T_EQ_INT(items[0].flag_count, 2);
    T_EQ_INT(items[0].completed_at, 100);
    T_EQ_STR(items[0].case_id, "C-1");
    T_EQ_INT(items[1].document_id, d3);
    T_EQ_INT(ds_store_review_list(s, false, items[0].completed_at, items[0].job_id, 4, items, &n),
             DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(items[0].document_id, d3);
    T_EQ_INT(ds_store_review_list(s, false, 0, 0, 1, items, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(ds_store_review_list(s, false, 0, 0, 0, NULL, &n), DS_OK);
    T_EQ_INT(n, 0);
    /* Decisions. */
    ds_decision d = {.document_id = d3, .flag_index = 0, .accepted = false};
    strcpy(d.flag_code, "DUPLICATE_IMAGE");
    strcpy(d.note, "Same photo, different scan; verified in person.");
    strcpy(d.officer, "officer-7");
    int64_t id = 0;
    T_EQ_INT(ds_store_decision_add(s, &d, &id), DS_OK);
    T_CHECK(id > 0);
    d.flag_index = 1;
    T_EQ_INT(ds_store_decision_add(s, &d, NULL), DS_ERR_USAGE);
    d.flag_index = -1;
    T_EQ_INT(ds_store_decision_add(s, &d, NULL), DS_ERR_USAGE);
    d.flag_index = 0;
    d.document_id = 999;
    T_EQ_INT(ds_store_decision_add(s, &d, NULL), DS_ERR_NO_RECORD);
    d.document_id = d1;
    d.flag_index = 1;
    d.accepted = true;
    T_EQ_INT(ds_store_decision_add(s, &d, NULL), DS_OK);
    /* Pending only: d3 has every flag decided, d1 one of two. */
    T_EQ_INT(ds_store_review_list(s, true, 0, 0, 4, items, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(items[0].document_id, d1);
    T_EQ_INT(items[0].decided_count, 1);
    ds_decision list[4];
    T_EQ_INT(ds_store_decision_list(s, d3, 4, list, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(list[0].id, id);
    T_EQ_STR(list[0].flag_code, "DUPLICATE_IMAGE");
    T_EQ_STR(list[0].officer, "officer-7");
    T_CHECK(!list[0].accepted);
    T_EQ_INT(list[0].decided_at, 300);
    T_EQ_STR(list[0].note, "Same photo, different scan; verified in person.");
    ds_store_close(s);
}

/* A decision record writes its audit entries, decisions and deliveries
 * together, or nothing at all when one decision is refused. */
static void t_decision_record(void)
{
    ds_store *s = fresh();
    ds_store_set_clock(s, 500);
    int64_t job = 0;
    int64_t doc = screened(s, "C-9", "ninth", "review", 2, &job);
    int64_t audit_before = 0;
    T_EQ_INT(ds_store_audit_verify(s, &audit_before, NULL), DS_OK);
    ds_decision d[2];
    memset(d, 0, sizeof d);
    for (int i = 0; i < 2; i++) {
        d[i].document_id = doc;
        d[i].flag_index = i;
        strcpy(d[i].flag_code, "DOC_EXPIRED");
        strcpy(d[i].officer, "officer-1");
    }
    d[1].flag_index = 2; /* not in the report: the whole record is refused */
    ds_audit_new a[2] = {{"decision.document", "job:1:accepted"}, {"decision.add", NULL}};
    static const char body[] = "{\"event\":\"decision.made\"}";
    ds_delivery_new dv = {"http://127.0.0.1:9/hook", body, sizeof body - 1};
    ds_decision_record r = {.officer = "officer-1", .decided_at = 490, .audit = a,
                            .audit_count = 2, .decisions = d, .decision_count = 2,
                            .job_id = job, .deliveries = &dv, .delivery_count = 1};
    int64_t ids[2] = {0, 0};
    T_EQ_INT(ds_store_decision_record(s, &r, ids), DS_ERR_USAGE);
    int64_t audit_n = 0;
    T_EQ_INT(ds_store_audit_verify(s, &audit_n, NULL), DS_OK);
    T_EQ_INT(audit_n, audit_before);
    ds_delivery log[4];
    int n = 0;
    T_EQ_INT(ds_store_delivery_list(s, job, 0, 4, log, &n), DS_OK);
    T_EQ_INT(n, 0);
    ds_decision list[4];
    T_EQ_INT(ds_store_decision_list(s, doc, 4, list, &n), DS_OK);
    T_EQ_INT(n, 0);
    /* Both flags in the report: all of it is written. */
    d[1].flag_index = 1;
    T_EQ_INT(ds_store_decision_record(s, &r, ids), DS_OK);
    T_CHECK(ids[0] > 0 && ids[1] > ids[0]);
    T_EQ_INT(ds_store_audit_verify(s, &audit_n, NULL), DS_OK);
    T_EQ_INT(audit_n, audit_before + 2);
    T_EQ_INT(ds_store_decision_list(s, doc, 4, list, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_INT(list[1].decided_at, 490);
    T_EQ_INT(ds_store_delivery_list(s, job, 0, 4, log, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(log[0].state, DS_DELIVERY_PENDING);
    /* An escalation: an audit entry and a delivery, no decision. */
    r.audit_count = 1;
    r.decisions = NULL;
    r.decision_count = 0;
    T_EQ_INT(ds_store_decision_record(s, &r, NULL), DS_OK);
    T_EQ_INT(ds_store_delivery_list(s, job, 0, 4, log, &n), DS_OK);
    T_EQ_INT(n, 2);
    r.decided_at = 0;
    T_EQ_INT(ds_store_decision_record(s, &r, NULL), DS_ERR_USAGE);
    ds_store_close(s);
}

/* ----------------------------------------------------------------- tokens */

/* True when needle occurs in the bytes of the file at path. */
static bool file_contains(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return memmem(buf, n, needle, strlen(needle)) != NULL;
}

static void t_tokens(void)
{
    ds_store *s = fresh();
    const char *tok = "tok-PLAINTEXT-8f1c2a9b7e";
    int64_t id = 0;
    T_EQ_INT(ds_store_token_create(s, tok, DS_ROLE_OFFICER, "officer-7", &id), DS_OK);
    T_EQ_INT(ds_store_token_create(s, "tok-another-secret-77", DS_ROLE_ADMIN, "admin", NULL), DS_OK);
    T_EQ_INT(ds_store_token_create(s, "tok-third-secret-value", DS_ROLE_STATION, "officer-7", NULL),
             DS_ERR_CONFLICT);
    T_EQ_INT(ds_store_token_create(s, tok, DS_ROLE_HOOK, "other", NULL), DS_ERR_CONFLICT);
    T_EQ_INT(ds_store_token_create(s, "short", DS_ROLE_HOOK, "short", NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_store_token_create(s, "tok-fourth-secret-value", (ds_role)9, "x", NULL), DS_ERR_USAGE);
    ds_token t;
    T_EQ_INT(ds_store_token_lookup(s, tok, &t), DS_OK);
    T_EQ_INT(t.id, id);
    T_EQ_STR(t.name, "officer-7");
    T_EQ_INT(t.role, DS_ROLE_OFFICER);
    char hash[65];
    ds_sha256_hex(tok, strlen(tok), hash);
    T_EQ_STR(t.hash, hash);
    T_EQ_INT(ds_store_token_lookup_hash(s, hash, &t), DS_OK);
    T_EQ_INT(ds_store_token_lookup(s, "tok-PLAINTEXT-8f1c2a9b7f", &t), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_token_lookup_hash(s, "not hex", &t), DS_ERR_NO_RECORD);
    ds_token list[4];
    int n = 0;
    T_EQ_INT(ds_store_token_list(s, 4, list, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_STR(list[1].name, "admin");
    T_EQ_INT(list[1].role, DS_ROLE_ADMIN);
    T_EQ_INT(ds_store_token_revoke(s, "officer-7"), DS_OK);
    T_EQ_INT(ds_store_token_revoke(s, "officer-7"), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_token_lookup(s, tok, &t), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_token_list(s, 4, list, &n), DS_OK);
    T_CHECK(n == 2 && list[0].revoked_at != 0);
    /* The name is free again once revoked. */
    T_EQ_INT(ds_store_token_create(s, "tok-replacement-value-1", DS_ROLE_OFFICER, "officer-7", NULL),
             DS_OK);
    ds_role r;
    T_CHECK(ds_role_parse("hook", &r) && r == DS_ROLE_HOOK);
    T_CHECK(!ds_role_parse("root", &r));
    T_EQ_STR(ds_role_name(DS_ROLE_STATION), "station");
    ds_store_close(s);
    if (pg_server) {
        /* The plaintext token is in no row; its hash is. */
        char sql[512];
        snprintf(sql, sizeof sql, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM tokens WHERE hash = '%s')"
                 " OR EXISTS (SELECT 1 FROM tokens t WHERE t::text LIKE '%%%s%%')"
                 " THEN RAISE EXCEPTION 'x'; END IF; END $$", hash, tok);
        T_EQ_INT(raw_sql(sql), 0);
        return;
    }
    /* The plaintext token is nowhere in the files. */
    char wal[200];
    snprintf(wal, sizeof wal, "%s-wal", dbpath);
    T_CHECK(!file_contains(dbpath, tok));
    T_CHECK(!file_contains(wal, tok));
    T_CHECK(file_contains(dbpath, hash) || file_contains(wal, hash));
}

/* -------------------------------------------------------------- audit log */

static void t_audit_chain(void)
{
    ds_store *s = fresh();
    ds_store_set_clock(s, 1000);
    int64_t seq = 0;
    for (int i = 0; i < 5; i++) {
        char obj[32];
        snprintf(obj, sizeof obj, "job:%d", i + 1);
        T_EQ_INT(ds_store_audit_append(s, "officer-7", "report.read", obj, &seq), DS_OK);
        T_EQ_INT(seq, i + 1);
    }
    T_EQ_INT(ds_store_audit_append(s, "admin", "token.create", NULL, NULL), DS_OK);
    T_EQ_INT(ds_store_audit_append(s, "", "x", NULL, NULL), DS_ERR_USAGE);
    int64_t checked = 0, bad = -1;
    T_EQ_INT(ds_store_audit_verify(s, &checked, &bad), DS_OK);
    T_EQ_INT(checked, 6);
    T_EQ_INT(bad, 0);
    ds_audit_entry e[8];
    int n = 0;
    T_EQ_INT(ds_store_audit_list(s, 4, 8, e, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_INT(e[0].seq, 5);
    T_EQ_STR(e[0].object, "job:5");
    T_EQ_STR(e[1].prev_hash, e[0].hash);
    T_EQ_STR(e[1].object, "");
    T_EQ_INT(e[0].at, 1000);
    /* The schema refuses changes and deletions. */
    T_CHECK(raw_sql("UPDATE audit SET actor = 'mallory' WHERE seq = 3") != SQLITE_OK);
    T_CHECK(raw_sql("DELETE FROM audit WHERE seq = 6") != SQLITE_OK);
    /* Someone with the file drops the trigger and edits row 3. */
    T_EQ_INT(raw_sql(pg_server ? "ALTER TABLE audit DISABLE TRIGGER audit_no_update;"
                                 " UPDATE audit SET actor = 'mallory' WHERE seq = 3"
                               : "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 3"),
             SQLITE_OK);
    T_EQ_INT(ds_store_audit_verify(s, &checked, &bad), DS_OK);
    T_EQ_INT(checked, 6);
    T_EQ_INT(bad, 3);
    ds_store_close(s);
    /* Deleting a row (a gap) is found too. */
    s = fresh();
    for (int i = 0; i < 4; i++)
        T_EQ_INT(ds_store_audit_append(s, "a", "b", "c", NULL), DS_OK);
    T_EQ_INT(raw_sql(pg_server ? "ALTER TABLE audit DISABLE TRIGGER audit_no_delete;"
                                 " DELETE FROM audit WHERE seq = 2"
                               : "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2"),
             SQLITE_OK);
    T_EQ_INT(ds_store_audit_verify(s, &checked, &bad), DS_OK);
    T_EQ_INT(bad, 3);
    ds_store_close(s);
}

static void t_integrity(void)
{
    ds_store *s = fresh();
    (void)screened(s, "C-1", "bytes", "review", 1, NULL);
    bool ok = false;
    char msg[128];
    T_EQ_INT(ds_store_check_integrity(s, &ok, msg, sizeof msg), DS_OK);
    T_CHECK(ok);
    T_EQ_STR(msg, "ok");
    ds_store_close(s);
}

/* ------------------------------------------------- memory across cases */

static ds_identity ident(const char *docno, const char *state, const char *sur, const char *given,
                         const char *birth)
{
    ds_identity id;
    memset(&id, 0, sizeof id);
    strcpy(id.document_number, docno);
    strcpy(id.issuing_state, state);
    strcpy(id.surname, sur);
    strcpy(id.given_names, given);
    strcpy(id.birth_date, birth);
    return id;
}

static void t_memory_document(void)
{
    ds_store *s = fresh();
    int64_t job1 = 0;
    int64_t d1 = screened(s, "C-1", "anna", "clear", 0, &job1);
    ds_fingerprint fp = {.page = 0, .has_identity = true,
                         .identity = ident("L898902C3", "UTO", "ERIKSSON", "ANNA MARIA", "1974-08-12")};
    T_EQ_INT(ds_store_memory_record(s, d1, &fp, 1), DS_OK);
    /* The fingerprints can also come with the job's completion. */
    int64_t d2, j2;
    T_EQ_INT(submit(s, "C-2", "other", NULL, NULL, &d2, &j2, NULL), DS_OK);
    ds_job j;
    bool got;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    ds_fingerprint fp2 = {.page = 0, .has_identity = true,
                          .identity = ident("X1234567", "UTO", "SMITH", "JOHN", "1980-01-01"),
                          .has_dhash = true, .dhash = 0xF0F0F0F0F0F0F0F0ull};
    ds_job_result r = {.state = DS_JOB_DONE, .report_json = "{}", .report_len = 2,
                       .verdict = "clear", .fingerprints = &fp2, .fingerprint_count = 1};
    T_EQ_INT(ds_store_job_complete(s, j2, &r), DS_OK);
    ds_memory_match m[4];
    int n = -1;
    /* Same identity: no match. */
    ds_identity same = ident("L898902C3", "UTO", "ERIKSSON", "ANNA MARIA", "1974-08-12");
    T_EQ_INT(ds_store_memory_find_document(s, &same, 0, 4, m, &n), DS_OK);
    T_EQ_INT(n, 0);
    /* Same number and state, another person: DUPLICATE_DOCUMENT. */
    ds_identity other = ident("L898902C3", "UTO", "ERIKSON", "ANNA", "1974-08-12");
    T_EQ_INT(ds_store_memory_find_document(s, &other, 0, 4, m, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(m[0].document_id, d1);
    T_EQ_STR(m[0].case_id, "C-1");
    T_EQ_STR(m[0].identity.surname, "ERIKSSON");
    T_EQ_INT(ds_store_memory_find_document(s, &other, d1, 4, m, &n), DS_OK);
    T_EQ_INT(n, 0);
    /* Another issuing state is another document. */
    ds_identity elsewhere = ident("L898902C3", "D", "ERIKSON", "ANNA", "1974-08-12");
    T_EQ_INT(ds_store_memory_find_document(s, &elsewhere, 0, 4, m, &n), DS_OK);
    T_EQ_INT(n, 0);
    ds_identity smith2 = ident("X1234567", "UTO", "SMITH", "JOHN", "1980-01-02");
    T_EQ_INT(ds_store_memory_find_document(s, &smith2, 0, 4, m, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(m[0].document_id, d2);
    T_EQ_INT(ds_store_memory_record(s, 999, &fp, 1), DS_ERR_NO_RECORD);
    ds_store_close(s);
}

/* Loads a sample page, or skips when the samples are absent. */
static PIX *sample(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/samples/pages/%s", DS_SOURCE_DIR, name);
    PIX *p = pixRead(path);
    if (!p)
        T_SKIP("sample %s missing", name);
    return p;
}

/* pix recompressed as JPEG at quality q and read back. */
static PIX *recompress(PIX *pix, int q)
{
    l_uint8 *buf = NULL;
    size_t n = 0;
    PIX *out = NULL;
    if (pixWriteMemJpeg(&buf, &n, pix, q, 0) == 0)
        out = pixReadMemJpeg(buf, n, 0, 1, NULL, 0);
    lept_free(buf);
    return out;
}

static void t_dhash(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    PIX *a = sample("0004-td3.jpg");
    PIX *b = sample("0001-td1.jpg");
    PIX *a_low = recompress(a, 35);
    PIX *a_small = pixScale(a, 0.8f, 0.8f);
    T_CHECK(a_low && a_small);
    uint64_t ha = 0, hb = 0, hlow = 0, hsmall = 0;
    T_EQ_INT(ds_image_dhash(a, &ha), DS_OK);
    T_EQ_INT(ds_image_dhash(b, &hb), DS_OK);
    T_EQ_INT(ds_image_dhash(a_low, &hlow), DS_OK);
    T_EQ_INT(ds_image_dhash(a_small, &hsmall), DS_OK);
    printf("  dhash distances: recompressed %d, scaled %d, other page %d\n",
           ds_hamming64(ha, hlow), ds_hamming64(ha, hsmall), ds_hamming64(ha, hb));
    T_CHECK(ds_hamming64(ha, hlow) <= 4);
    T_CHECK(ds_hamming64(ha, hsmall) <= 6);
    T_CHECK(ds_hamming64(ha, hb) >= 12);
    /* Colour and 1 bpp inputs work; tiny or NULL ones are refused. */
    PIX *bin = pixConvertTo1(a, 128);
    uint64_t hbin = 0;
    T_EQ_INT(ds_image_dhash(bin, &hbin), DS_OK);
    PIX *tiny = pixCreate(8, 8, 8);
    T_EQ_INT(ds_image_dhash(tiny, &hbin), DS_ERR_USAGE);
    T_EQ_INT(ds_image_dhash(NULL, &hbin), DS_ERR_USAGE);
    T_EQ_INT(ds_hamming64(0, ~0ull), 64);
    T_EQ_INT(ds_hamming64(5, 5), 0);
    /* Through the store: the recompressed page under another case is
     * found, the other page is not, and the same case is ignored. */
    ds_store *s = fresh();
    int64_t d1 = screened(s, "C-1", "page a", "clear", 0, NULL);
    int64_t d2 = screened(s, "C-2", "page b", "clear", 0, NULL);
    ds_fingerprint f1 = {.page = 0, .has_dhash = true, .dhash = ha};
    ds_fingerprint f2 = {.page = 0, .has_dhash = true, .dhash = hb};
    T_EQ_INT(ds_store_memory_record(s, d1, &f1, 1), DS_OK);
    T_EQ_INT(ds_store_memory_record(s, d2, &f2, 1), DS_OK);
    ds_memory_match m[4];
    int n = -1;
    T_EQ_INT(ds_store_memory_find_image(s, hlow, 8, "C-9", 4, m, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(m[0].document_id, d1);
    T_EQ_INT(m[0].distance, ds_hamming64(ha, hlow));
    T_EQ_INT(m[0].dhash, ha);
    T_EQ_INT(ds_store_memory_find_image(s, hlow, 8, "C-1", 4, m, &n), DS_OK);
    T_EQ_INT(n, 0);
    /* With a wide threshold both come back, closest first; cap holds. */
    T_EQ_INT(ds_store_memory_find_image(s, hlow, 64, "C-9", 4, m, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_INT(m[0].document_id, d1);
    T_EQ_INT(m[1].document_id, d2);
    T_EQ_INT(ds_store_memory_find_image(s, hb, 64, "C-9", 1, m, &n), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(m[0].document_id, d2);
    T_EQ_INT(ds_store_memory_find_image(s, hb, 65, "C-9", 1, m, &n), DS_ERR_USAGE);
    ds_store_close(s);
    pixDestroy(&a);
    pixDestroy(&b);
    pixDestroy(&a_low);
    pixDestroy(&a_small);
    pixDestroy(&bin);
    pixDestroy(&tiny);
}

/* ------------------------------------------------- lost and stolen list */

static void t_lost_list(void)
{
    ds_store *s = fresh();
    char longline[DS_LOSTCSV_LINE_MAX + 20];
    memset(longline, 'A', sizeof longline - 1);
    longline[sizeof longline - 1] = '\0';
    char csv[4096];
    snprintf(csv, sizeof csv,
             "Document_Number,issuing_state,reported_on,source\r\n"  /* 1 header */
             "L898902C3,UTO,2024-05-01,Interpol SLTD\r\n"            /* 2 ok */
             "c01x 00t47, d<< ,,\n"                                  /* 3 ok, normalised */
             "\n"                                                    /* 4 blank */
             "AB-123<456,GBR\n"                                      /* 5 ok */
             "\"Q 77\",\"FRA\",\"2023-01-31\",\"police, Lyon\"\n"    /* 6 ok, quoted comma */
             "NOSTATE\n"                                             /* 7 malformed */
             "X1,UTOPIA\n"                                           /* 8 malformed state */
             "X2,UTO,2024-13-01\n"                                   /* 9 malformed date */
             "\"X3,UTO\n"                                            /* 10 unterminated quote */
             "X4,UTO,,src,extra\n"                                   /* 11 too many fields */
             "X€5,UTO\n"                                             /* 12 bad character */
             "%s,UTO\n"                                              /* 13 too long */
             "L898902C3,UTO,2024-06-01,update",                      /* 14 ok, no newline */
             longline);
    ds_lost_import_stats st;
    ds_store_set_clock(s, 4242);
    T_EQ_INT(ds_store_lost_import(s, csv, strlen(csv), "local-police", &st), DS_OK);
    T_EQ_INT(st.lines, 14);
    T_EQ_INT(st.imported, 5);
    T_EQ_INT(st.malformed, 7);
    T_EQ_INT(st.first_malformed_line, 7);
    T_CHECK(!st.truncated);
    ds_lost_entry e;
    bool found = false;
    T_EQ_INT(ds_store_lost_lookup(s, "L898902C3", "UTO", &e, &found), DS_OK);
    T_CHECK(found);
    T_EQ_STR(e.reported_on, "2024-06-01"); /* updated by the later line */
    T_EQ_STR(e.source, "update");
    T_EQ_INT(e.imported_at, 4242);
    T_EQ_INT(ds_store_lost_lookup(s, "C01X00T47", "D", &e, &found), DS_OK);
    T_CHECK(found);
    T_EQ_STR(e.source, "local-police");
    T_EQ_STR(e.reported_on, "");
    T_EQ_INT(ds_store_lost_lookup(s, "ab123456", "gbr", NULL, &found), DS_OK);
    T_CHECK(found);
    T_EQ_INT(ds_store_lost_lookup(s, "Q77", "FRA", &e, &found), DS_OK);
    T_CHECK(found);
    T_EQ_STR(e.source, "police, Lyon");
    T_EQ_INT(ds_store_lost_lookup(s, "X2", "UTO", &e, &found), DS_OK);
    T_CHECK(!found);
    T_EQ_INT(ds_store_lost_lookup(s, "???", "UTO", &e, &found), DS_OK);
    T_CHECK(!found);
    /* From a file; an empty file imports nothing. */
    char path[200];
    snprintf(path, sizeof path, "%s/lost.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("ZZ999,ESP\n", f);
    fclose(f);
    T_EQ_INT(ds_store_lost_import_file(s, path, NULL, &st), DS_OK);
    T_EQ_INT(st.imported, 1);
    T_EQ_INT(ds_store_lost_lookup(s, "ZZ999", "ESP", &e, &found), DS_OK);
    T_CHECK(found);
    f = fopen(path, "w");
    fclose(f);
    T_EQ_INT(ds_store_lost_import_file(s, path, NULL, &st), DS_OK);
    T_EQ_INT(st.lines, 0);
    T_EQ_INT(ds_store_lost_import_file(s, "/nonexistent/lost.csv", NULL, &st), DS_ERR_IO);
    /* A list of many lines (several of the PostgreSQL import's COPY
     * buffers): every entry arrives, a source with a backslash as it is,
     * and of an entry repeated far apart the later line wins. */
    size_t cap = 40000 * 40;
    char *many = malloc(cap);
    T_CHECK(many != NULL);
    if (many) {
        size_t used = 0;
        used += (size_t)snprintf(many + used, cap - used, "M0,UTO,2020-01-01,first\n");
        for (int i = 1; i < 40000; i++)
            used += (size_t)snprintf(many + used, cap - used, "M%d,UTO,,back\\slash\n", i);
        used += (size_t)snprintf(many + used, cap - used, "M0,UTO,2021-02-02,last\n");
        T_EQ_INT(ds_store_lost_import(s, many, used, NULL, &st), DS_OK);
        T_EQ_INT(st.imported, 40001);
        T_EQ_INT(st.malformed, 0);
        T_EQ_INT(ds_store_lost_lookup(s, "M0", "UTO", &e, &found), DS_OK);
        T_CHECK(found);
        T_EQ_STR(e.reported_on, "2021-02-02");
        T_EQ_STR(e.source, "last");
        T_EQ_INT(ds_store_lost_lookup(s, "M39999", "UTO", &e, &found), DS_OK);
        T_CHECK(found);
        T_EQ_STR(e.source, "back\\slash");
        free(many);
    }
    ds_store_close(s);
}

static ds_error count_entry(void *ctx, const ds_lost_entry *e)
{
    (void)e;
    (*(int *)ctx)++;
    return DS_OK;
}

static void t_lostcsv_parser(void)
{
    ds_lost_import_stats st;
    int n = 0;
    /* A byte order mark, a header not on the first line is data (bad). */
    const char *csv = "\xef\xbb\xbf" "document_number,issuing_state\nA1,UTO\ndocument_number,x\n";
    T_EQ_INT(ds_lostcsv_parse(csv, strlen(csv), count_entry, &n, &st), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(st.malformed, 1);
    T_EQ_INT(ds_lostcsv_parse(NULL, 0, count_entry, &n, &st), DS_OK);
    T_EQ_INT(st.lines, 0);
    T_EQ_INT(ds_lostcsv_parse(NULL, 3, count_entry, &n, &st), DS_ERR_USAGE);
    /* An embedded NUL makes the line malformed, not the rest. */
    const char nul[] = "A\0B,UTO\nC2,UTO\n";
    n = 0;
    T_EQ_INT(ds_lostcsv_parse(nul, sizeof nul - 1, count_entry, &n, &st), DS_OK);
    T_EQ_INT(n, 1);
    T_EQ_INT(st.malformed, 1);
    char out[DS_STORE_DOCNO_MAX + 1];
    T_CHECK(ds_lost_norm_docno("l898 902-c3<<", 13, out, sizeof out));
    T_EQ_STR(out, "L898902C3");
    T_CHECK(!ds_lost_norm_docno("<<<", 3, out, sizeof out));
    char state[4];
    T_CHECK(ds_lost_norm_state("d<<", 3, state));
    T_EQ_STR(state, "D");
}

/* -------------------------------------------------------------- retention */

static void t_purge(void)
{
    ds_store *s = fresh();
    int64_t day = 86400, t0 = 1700000000;
    ds_store_set_clock(s, t0);
    int64_t ja = 0, jshared_old = 0;
    int64_t da = screened(s, "C-old", "old page", "review", 1, &ja);
    int64_t dshared_old = screened(s, "C-old", "shared page", "clear", 0, &jshared_old);
    ds_store_set_clock(s, t0 + 40 * day);
    int64_t jb = 0;
    int64_t db = screened(s, "C-new", "shared page", "clear", 0, &jb);
    T_EQ_INT(ds_store_audit_append(s, "officer-7", "report.read", "job:1", NULL), DS_OK);
    ds_purge_stats st;
    T_EQ_INT(ds_store_purge(s, 30, "retention", &st), DS_OK);
    T_EQ_INT(st.documents, 2);
    T_EQ_INT(st.reports, 2);
    T_EQ_INT(st.blobs, 1); /* the shared page is still needed by db */
    uint8_t *data = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_document_read(s, da, &data, &len), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_document_read(s, dshared_old, &data, &len), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_document_read(s, db, &data, &len), DS_OK);
    T_EQ_INT(len, strlen("shared page"));
    free(data);
    char sha[65], path[400];
    ds_sha256_hex("old page", 8, sha);
    snprintf(path, sizeof path, "%s.blobs/%.2s/%s", dbpath, sha, sha);
    T_CHECK(access(path, F_OK) != 0);
    if (pg_server) {
        /* The old page's row is gone, the shared page's kept. */
        char sql[300];
        char sha2[65];
        ds_sha256_hex("shared page", 11, sha2);
        snprintf(sql, sizeof sql, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM blobs WHERE sha256 = '%s')"
                 " OR NOT EXISTS (SELECT 1 FROM blobs WHERE sha256 = '%s')"
                 " THEN RAISE EXCEPTION 'x'; END IF; END $$", sha, sha2);
        T_EQ_INT(raw_sql(sql), 0);
    }
    char *rep = NULL;
    T_EQ_INT(ds_store_report_get(s, ja, &rep, &len), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_report_get(s, jb, &rep, &len), DS_OK);
    free(rep);
    /* Rows stay: the job is still done, the document marked purged. */
    ds_job j;
    T_EQ_INT(ds_store_job_get(s, ja, &j), DS_OK);
    T_EQ_INT(j.state, DS_JOB_DONE);
    ds_document d;
    T_EQ_INT(ds_store_document_get(s, da, &d), DS_OK);
    T_EQ_INT(d.purged_at, t0 + 40 * day);
    /* The audit log is kept and records the purge. */
    ds_audit_entry e[4];
    int n = 0;
    T_EQ_INT(ds_store_audit_list(s, 0, 4, e, &n), DS_OK);
    T_EQ_INT(n, 2);
    T_EQ_STR(e[1].action, "purge");
    T_EQ_STR(e[1].actor, "retention");
    T_CHECK(strstr(e[1].object, "documents:2") != NULL);
    int64_t checked, bad;
    T_EQ_INT(ds_store_audit_verify(s, &checked, &bad), DS_OK);
    T_EQ_INT(bad, 0);
    /* A second purge finds nothing new. */
    T_EQ_INT(ds_store_purge(s, 30, "retention", &st), DS_OK);
    T_EQ_INT(st.documents + st.reports + st.blobs, 0);
    T_EQ_INT(ds_store_purge(s, 0, "retention", &st), DS_ERR_USAGE);
    ds_store_close(s);
}

/* ------------------------------------------------------------- arguments */

static void t_arguments(void)
{
    ds_store *s = fresh();
    ds_job j;
    bool got;
    int n;
    T_EQ_INT(ds_store_job_claim(s, NULL, &j, &got), DS_OK);
    T_CHECK(!got);
    T_EQ_INT(ds_store_job_claim(s, "w", NULL, &got), DS_ERR_USAGE);
    T_EQ_INT(ds_store_review_list(s, false, -1, 0, 4, NULL, &n), DS_ERR_USAGE);
    T_EQ_INT(ds_store_token_list(s, 4, NULL, &n), DS_ERR_USAGE);
    T_EQ_INT(ds_store_delivery_claim(s, 0, NULL, &got), DS_ERR_USAGE);
    T_EQ_INT(ds_store_job_counts(s, NULL), DS_ERR_USAGE);
    char url2[DS_STORE_URL_MAX + 2];
    memset(url2, 'u', sizeof url2 - 1);
    url2[sizeof url2 - 1] = '\0';
    int64_t doc, job;
    T_EQ_INT(submit(s, "C", "x", NULL, NULL, &doc, &job, NULL), DS_OK);
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    ds_delivery_new dl = {url2, "{}", 2};
    T_EQ_INT(complete(s, job, "clear", 0, &dl, 1), DS_ERR_TOO_LARGE);
    ds_fingerprint bad = {.has_identity = true};
    ds_job_result r = {.state = DS_JOB_DONE, .report_json = "{}", .report_len = 2, .verdict = "clear",
                       .fingerprints = &bad, .fingerprint_count = 1};
    T_EQ_INT(ds_store_job_complete(s, job, &r), DS_ERR_USAGE); /* empty document number */
    r.state = DS_JOB_QUEUED;
    r.fingerprint_count = 0;
    T_EQ_INT(ds_store_job_complete(s, job, &r), DS_ERR_USAGE);
    ds_store_set_clock(s, 77);
    T_EQ_INT(ds_store_now(s), 77);
    ds_store_set_clock(s, 0);
    T_CHECK(ds_store_now(s) > 1600000000);
    ds_store_close(s);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"open_schema", t_open_schema},
        {"open_errors", t_open_errors},
        {"cases", t_cases},
        {"submit_and_read", t_submit_and_read},
        {"idempotency", t_idempotency},
        {"job_lifecycle", t_job_lifecycle},
        {"claim_exclusive_threads", t_claim_exclusive_threads},
        {"claim_exclusive_processes", t_claim_exclusive_processes},
        {"crash_recovery", t_crash_recovery},
        {"lease_nodes", t_lease_nodes},
        {"job_timeout", t_job_timeout},
        {"wakeup", t_wakeup},
        {"idempotency_race", t_idempotency_race},
        {"lock_timeout", t_lock_timeout},
        {"migrate_race", t_migrate_race},
        {"delivery_atomic", t_delivery_atomic},
        {"delivery_retry", t_delivery_retry},
        {"review_decisions", t_review_decisions},
        {"decision_record", t_decision_record},
        {"tokens", t_tokens},
        {"audit_chain", t_audit_chain},
        {"integrity", t_integrity},
        {"memory_document", t_memory_document},
        {"dhash", t_dhash},
        {"lost_list", t_lost_list},
        {"lostcsv_parser", t_lostcsv_parser},
        {"purge", t_purge},
        {"arguments", t_arguments},
    };
    pg_server = getenv("DS_TEST_PG_URL");
    if (pg_server && !*pg_server)
        pg_server = NULL;
    if (pg_server)
        printf("test_store: against PostgreSQL at %s\n", pg_server);
    strcpy(root, "/tmp/ds-store-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    int rc = T_RUN(cases);
    nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return rc;
}
