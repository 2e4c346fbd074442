/*
 * Unit tests of token identity in the store (issue 14, defect 11): API
 * submissions are tied to the submitting token's id, which is never reused
 * (tokens cannot be deleted), so a new token given a revoked token's name
 * does not inherit its idempotency keys; and migration 2 moves a version-1
 * store's name-scoped keys and documents onto the ids of the tokens that
 * bore the names at the time.
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
                     "ALTER TABLE cases DROP COLUMN owner;"
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
    T_EQ_INT(v, 3);
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

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"reused_name", t_reused_name},
        {"migration", t_migration},
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
