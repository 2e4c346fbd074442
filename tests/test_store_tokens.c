/*
 * Unit tests of token identity in the store (issue 14, defect 11): API
 * submissions are tied to the submitting token's id, which is never reused
 * (tokens cannot be deleted), so a new token given a revoked token's name
 * does not inherit its idempotency keys; and migration 2 moves a version-1
 * store's name-scoped keys and documents onto the ids of the tokens that
 * bore the names at the time. Also the deletion of a case and the
 * retention of case records and decision notes (issue 14, defect 6b).
 */
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/store.h"
#include "t.h"

static char root[64];
static char dbpath[192];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static ds_store *open_at(const char *name)
{
    static int serial;
    char dir[160];
    snprintf(dir, sizeof dir, "%s/%d-%d-%s", root, (int)getpid(), serial++, name);
    if (mkdir(dir, 0700) != 0)
        exit(2);
    snprintf(dbpath, sizeof dbpath, "%s/store.db", dir);
    ds_store *s = NULL;
    if (ds_store_open(dbpath, &s) != DS_OK)
        exit(2);
    return s;
}

static int raw_sql(const char *sql)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open(dbpath, &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

static int64_t raw_int(const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_open(dbpath, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static ds_error submit(ds_store *s, int64_t token_id, const char *key, const char *bytes,
                       int64_t *doc, bool *replayed)
{
    char scope[32];
    snprintf(scope, sizeof scope, "token:%lld", (long long)token_id);
    ds_submission sub = {.case_id = "C-1", .filename = "a.jpg", .source = "api",
                         .station = "desk", .data = bytes, .len = strlen(bytes),
                         .idempotency_key = key, .key_scope = scope, .token_id = token_id};
    int64_t job = 0;
    return ds_store_submit(s, &sub, doc, &job, replayed);
}

/* A name reused after a revocation gets a new id and none of the old keys. */
static void t_reused_name(void)
{
    ds_store *s = open_at("reuse");
    int64_t old_id = 0, new_id = 0, d1 = 0, d2 = 0;
    bool replayed = true;
    T_EQ_INT(ds_store_token_create(s, "token-one-0123456789", DS_ROLE_STATION, "desk", &old_id),
             DS_OK);
    T_EQ_INT(submit(s, old_id, "key-1", "bytes one", &d1, &replayed), DS_OK);
    T_EQ_INT(ds_store_token_revoke(s, "desk"), DS_OK);
    T_EQ_INT(ds_store_token_create(s, "token-two-0123456789", DS_ROLE_STATION, "desk", &new_id),
             DS_OK);
    T_CHECK(new_id != old_id);
    /* the same key with other bytes is neither a conflict nor a replay */
    T_EQ_INT(submit(s, new_id, "key-1", "bytes two", &d2, &replayed), DS_OK);
    T_CHECK(!replayed && d2 != d1);
    /* the same key with the same bytes is a new document too */
    T_EQ_INT(submit(s, new_id, "key-2", "bytes one", &d2, &replayed), DS_OK);
    T_EQ_INT(submit(s, new_id, "key-2", "bytes one", &d2, &replayed), DS_OK);
    T_CHECK(replayed);
    ds_document doc;
    T_EQ_INT(ds_store_document_get(s, d1, &doc), DS_OK);
    T_EQ_INT(doc.token_id, old_id);
    T_EQ_INT(ds_store_document_get(s, d2, &doc), DS_OK);
    T_EQ_INT(doc.token_id, new_id);
    ds_store_close(s);
    /* tokens are never deleted, so ids are never handed out again */
    T_CHECK(raw_sql("DELETE FROM tokens") != SQLITE_OK);
    T_EQ_INT(raw_int("SELECT count(*) FROM tokens"), 2);
}

/* A version-1 store: keys scoped by token name are moved to token ids. */
static void t_migration(void)
{
    ds_store *s = open_at("migrate");
    ds_store_close(s);
    /* back to the version-1 shape, with a name used by two tokens in turn */
    T_EQ_INT(raw_sql("DROP TRIGGER tokens_no_delete; DROP INDEX documents_token;"
                     "ALTER TABLE documents DROP COLUMN token_id;"
                     "ALTER TABLE cases DROP COLUMN owner; DROP TABLE forgotten_jobs;"
                     "ALTER TABLE jobs DROP COLUMN deadline; ALTER TABLE jobs DROP COLUMN timeouts;"
                     "DELETE FROM schema_version WHERE version >= 2;"
                     "INSERT INTO tokens VALUES(1, 'desk', 0, 'h1', 100, 200);"
                     "INSERT INTO tokens VALUES(2, 'desk', 0, 'h2', 300, 0);"
                     "INSERT INTO documents(id, case_id, sha256, size, filename, source, station,"
                     " created_at) VALUES(10, 'C', 'x', 1, 'a', 'api', 'desk', 150),"
                     " (11, 'C', 'x', 1, 'a', 'api', 'desk', 350),"
                     " (12, 'C', 'x', 1, 'a', 'hotfolder', 'desk1', 160),"
                     " (13, 'C', 'x', 1, 'a', 'api', 'gone', 170);"
                     "INSERT INTO idempotency VALUES('desk', 'k1', 'f', 10, 1, 150),"
                     " ('desk', 'k2', 'f', 11, 2, 350), ('hotfolder:desk1', 'k3', 'f', 12, 3, 160),"
                     " ('gone', 'k4', 'f', 13, 4, 170);"),
             SQLITE_OK);
    T_EQ_INT(ds_store_open(dbpath, &s), DS_OK);
    int v = 0;
    T_EQ_INT(ds_store_schema_version(s, &v), DS_OK);
    T_EQ_INT(v, 5);
    ds_store_close(s);
    T_EQ_INT(raw_int("SELECT token_id FROM documents WHERE id = 10"), 1);
    T_EQ_INT(raw_int("SELECT token_id FROM documents WHERE id = 11"), 2);
    T_EQ_INT(raw_int("SELECT token_id FROM documents WHERE id = 12"), 0);
    T_EQ_INT(raw_int("SELECT token_id FROM documents WHERE id = 13"), 0);
    T_EQ_INT(raw_int("SELECT count(*) FROM idempotency WHERE scope = 'token:1' AND key = 'k1'"), 1);
    T_EQ_INT(raw_int("SELECT count(*) FROM idempotency WHERE scope = 'token:2' AND key = 'k2'"), 1);
    T_EQ_INT(raw_int("SELECT count(*) FROM idempotency WHERE scope = 'hotfolder:desk1'"), 1);
    /* a name no token bore keeps its old scope, which no token matches now */
    T_EQ_INT(raw_int("SELECT count(*) FROM idempotency WHERE scope = 'gone'"), 1);
}

/* Submits bytes to case_id for token 1 and screens it: claimed, done with
 * a report of one flag. Returns the job id; *doc the document's. */
static int64_t screened_in(ds_store *s, const char *case_id, const char *bytes, int64_t *doc)
{
    ds_submission sub = {.case_id = case_id, .filename = "a.jpg", .source = "api",
                         .station = "desk", .data = bytes, .len = strlen(bytes),
                         .key_scope = "token:1", .token_id = 1};
    int64_t job = 0;
    bool got = false;
    ds_job j;
    T_EQ_INT(ds_store_submit(s, &sub, doc, &job, NULL), DS_OK);
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    T_CHECK(got && j.id == job);
    const char *rep = "{\"verdict\":\"review\",\"flags\":[{\"code\":\"X\"}]}";
    ds_job_result r = {.state = DS_JOB_DONE, .report_json = rep, .report_len = strlen(rep),
                       .verdict = "review", .flag_count = 1};
    T_EQ_INT(ds_store_job_complete(s, job, &r), DS_OK);
    return job;
}

static bool blob_exists(const char *bytes)
{
    char sha[65], path[400];
    ds_sha256_hex(bytes, strlen(bytes), sha);
    snprintf(path, sizeof path, "%s.blobs/%.2s/%s", dbpath, sha, sha);
    return access(path, F_OK) == 0;
}

/* Deleting a case removes every row and file of it and nothing of others. */
static void t_case_delete(void)
{
    ds_store *s = open_at("delete");
    const char *rec = "{\"case_id\":\"C-1\",\"surname\":\"X\"}";
    int64_t d1 = 0, d2 = 0, d3 = 0, n = -1;
    T_EQ_INT(ds_store_case_delete(s, "C-1", "admin", &n), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_case_put(s, "C-1", "token:1", rec, strlen(rec), NULL), DS_OK);
    int64_t j1 = screened_in(s, "C-1", "only in one", &d1);
    screened_in(s, "C-1", "shared bytes", &d2);
    int64_t j3 = screened_in(s, "C-2", "shared bytes", &d3);
    ds_decision dec = {.document_id = d1, .flag_index = 0, .accepted = true};
    snprintf(dec.flag_code, sizeof dec.flag_code, "X");
    snprintf(dec.note, sizeof dec.note, "a personal note");
    snprintf(dec.officer, sizeof dec.officer, "officer");
    T_EQ_INT(ds_store_decision_add(s, &dec, NULL), DS_OK);
    /* a queued job of the case blocks the deletion */
    ds_submission sub = {.case_id = "C-1", .filename = "b.jpg", .source = "api",
                         .station = "desk", .data = "queued", .len = 6, .key_scope = "token:1"};
    int64_t dq = 0, jq = 0;
    T_EQ_INT(ds_store_submit(s, &sub, &dq, &jq, NULL), DS_OK);
    T_EQ_INT(ds_store_case_delete(s, "C-1", "admin", &n), DS_ERR_CONFLICT);
    ds_job j;
    bool got = false;
    T_EQ_INT(ds_store_job_claim(s, "w", &j, &got), DS_OK);
    ds_job_result r = {.state = DS_JOB_FAILED, .report_json = "{}", .report_len = 2,
                       .verdict = "error"};
    T_EQ_INT(ds_store_job_complete(s, jq, &r), DS_OK);

    T_EQ_INT(ds_store_case_delete(s, "C-1", "admin", &n), DS_OK);
    T_EQ_INT(n, 3);
    char *text = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_case_get(s, "C-1", &text, &len, NULL), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_job_get(s, j1, &j), DS_ERR_NO_RECORD);
    bool forgotten = false;
    T_EQ_INT(ds_store_job_forgotten(s, j1, &forgotten), DS_OK);
    T_CHECK(forgotten);
    T_EQ_INT(ds_store_job_forgotten(s, j3, &forgotten), DS_OK);
    T_CHECK(!forgotten);
    T_EQ_INT(ds_store_job_forgotten(s, jq, &forgotten), DS_OK);
    T_CHECK(forgotten);
    /* the next job may get the largest deleted id again: it is no
     * forgotten job */
    int64_t dn = 0, jn = screened_in(s, "C-3", "new bytes", &dn);
    T_EQ_INT(ds_store_job_forgotten(s, jn, &forgotten), DS_OK);
    T_CHECK(!forgotten);
    T_CHECK(!blob_exists("only in one"));
    T_CHECK(blob_exists("shared bytes")); /* still C-2's */
    T_EQ_INT(ds_store_report_get(s, j3, &text, &len), DS_OK);
    free(text);
    ds_audit_entry e[8];
    int ne = 0;
    T_EQ_INT(ds_store_audit_list(s, 0, 8, e, &ne), DS_OK);
    T_CHECK(ne >= 1 && !strcmp(e[ne - 1].action, "case.delete") &&
            !strcmp(e[ne - 1].actor, "admin"));
    ds_store_close(s);
    T_EQ_INT(raw_int("SELECT count(*) FROM documents WHERE case_id = 'C-1'"), 0);
    T_EQ_INT(raw_int("SELECT count(*) FROM decisions"), 0);
    T_EQ_INT(raw_int("SELECT count(*) FROM jobs WHERE case_id = 'C-1'"), 0);
    T_EQ_INT(raw_int("SELECT count(*) FROM idempotency"), 0);
    T_EQ_INT(raw_int("SELECT count(*) FROM documents WHERE case_id = 'C-2'"), 1);
}

/* Retention deletes old case records and blanks old decision notes. */
static void t_retention_cases(void)
{
    ds_store *s = open_at("retain");
    int64_t day = 86400, t0 = 1700000000, d1 = 0, d2 = 0;
    const char *old = "{\"case_id\":\"OLD\"}", *busy = "{\"case_id\":\"BUSY\"}";
    ds_store_set_clock(s, t0);
    T_EQ_INT(ds_store_case_put(s, "OLD", "token:1", old, strlen(old), NULL), DS_OK);
    T_EQ_INT(ds_store_case_put(s, "BUSY", "token:1", busy, strlen(busy), NULL), DS_OK);
    screened_in(s, "OLD", "old page", &d1);
    ds_decision dec = {.document_id = d1, .flag_index = 0, .accepted = false};
    snprintf(dec.flag_code, sizeof dec.flag_code, "X");
    snprintf(dec.note, sizeof dec.note, "the applicant said so");
    snprintf(dec.officer, sizeof dec.officer, "officer");
    T_EQ_INT(ds_store_decision_add(s, &dec, NULL), DS_OK);
    ds_store_set_clock(s, t0 + 40 * day);
    screened_in(s, "BUSY", "new page", &d2); /* a recent document keeps BUSY */
    ds_purge_stats st;
    T_EQ_INT(ds_store_purge(s, 30, "retention", &st), DS_OK);
    T_EQ_INT(st.cases, 1);
    T_EQ_INT(st.notes, 1);
    char *text = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_case_get(s, "OLD", &text, &len, NULL), DS_ERR_NO_RECORD);
    T_EQ_INT(ds_store_case_get(s, "BUSY", &text, &len, NULL), DS_OK);
    free(text);
    ds_store_close(s);
    T_EQ_INT(raw_int("SELECT count(*) FROM decisions WHERE note <> ''"), 0);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"reused_name", t_reused_name},
        {"migration", t_migration},
        {"case_delete", t_case_delete},
        {"retention_cases", t_retention_cases},
    };
    strcpy(root, "/tmp/ds-store-tokens-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    int rc = T_RUN(cases);
    nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return rc;
}
