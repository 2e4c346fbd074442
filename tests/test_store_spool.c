/*
 * Unit tests of submissions given as a file (issue 14, defect 5): the
 * daemon spools an upload to a private file and hands the store its path
 * and SHA-256; the store moves the file into its blob directory (a rename
 * on the same file system, a copy from another one, here /dev/shm when it
 * is a different file system), keeps idempotency as for bytes in memory,
 * and workers map the stored file, checked against its digest.
 */
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS */
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "t.h"

static char root[64];
static char dir[160];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static ds_store *open_fresh(void)
{
    static int serial;
    char db[220];
    snprintf(dir, sizeof dir, "%s/%d-%d", root, (int)getpid(), serial++);
    if (mkdir(dir, 0700) != 0)
        exit(2);
    snprintf(db, sizeof db, "%s/store.db", dir);
    ds_store *s = NULL;
    if (ds_store_open(db, &s) != DS_OK)
        exit(2);
    return s;
}

/* Writes bytes to path (mode 0600); returns its SHA-256 in sha. */
static void spool(const char *path, const char *bytes, char sha[65])
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, bytes, strlen(bytes)) != (ssize_t)strlen(bytes))
        exit(2);
    close(fd);
    ds_sha256_hex(bytes, strlen(bytes), sha);
}

static ds_error submit_file(ds_store *s, const char *path, const char *sha, size_t len,
                            const char *key, int64_t *doc, bool *replayed)
{
    ds_submission sub = {.case_id = "C-1", .filename = "a.jpg", .source = "api",
                         .path = path, .sha256 = sha, .len = len, .idempotency_key = key,
                         .key_scope = "token:1", .token_id = 1};
    int64_t job = 0;
    return ds_store_submit(s, &sub, doc, &job, replayed);
}

/* The stored document maps to exactly bytes. */
static void stored_is(ds_store *s, int64_t doc, const char *bytes)
{
    const uint8_t *data = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_document_map(s, doc, &data, &len), DS_OK);
    T_EQ_INT(len, strlen(bytes));
    T_CHECK(data && !memcmp(data, bytes, len));
    ds_store_document_unmap(data, len);
}

static void t_moved_and_replayed(void)
{
    ds_store *s = open_fresh();
    char path[256], sha[65];
    snprintf(path, sizeof path, "%s/upload-1", dir);
    const char *bytes = "the document's bytes";
    spool(path, bytes, sha);
    int64_t doc = 0, doc2 = 0;
    bool replayed = true;
    T_EQ_INT(submit_file(s, path, sha, strlen(bytes), "k1", &doc, &replayed), DS_OK);
    T_CHECK(!replayed);
    T_CHECK(access(path, F_OK) != 0); /* renamed into the blob directory */
    stored_is(s, doc, bytes);
    char blob[400];
    snprintf(blob, sizeof blob, "%s/store.db.blobs/%.2s/%s", dir, sha, sha);
    struct stat st;
    T_CHECK(stat(blob, &st) == 0 && (st.st_mode & 0777) == 0600);
    /* the same bytes again under the key: a replay; the caller's file stays */
    spool(path, bytes, sha);
    T_EQ_INT(submit_file(s, path, sha, strlen(bytes), "k1", &doc2, &replayed), DS_OK);
    T_CHECK(replayed && doc2 == doc);
    /* other bytes under the key: a conflict */
    char sha2[65];
    spool(path, "other bytes", sha2);
    T_EQ_INT(submit_file(s, path, sha2, 11, "k1", &doc2, &replayed), DS_ERR_CONFLICT);
    /* a length that is not the file's is refused, nothing stored */
    T_EQ_INT(submit_file(s, path, sha2, 12, NULL, &doc2, &replayed), DS_ERR_STORE);
    /* a digest that is not one is a usage error */
    T_EQ_INT(submit_file(s, path, "abc", 11, NULL, &doc2, &replayed), DS_ERR_USAGE);
    unlink(path);
    ds_store_close(s);
}

static void t_copied_across_file_systems(void)
{
    struct stat a, b;
    ds_store *s = open_fresh();
    if (stat("/dev/shm", &b) != 0 || stat(dir, &a) != 0 || a.st_dev == b.st_dev) {
        ds_store_close(s);
        T_SKIP("/dev/shm is not a file system apart from %s", root);
    }
    char path[64], sha[65];
    snprintf(path, sizeof path, "/dev/shm/ds-spool-test-%d", (int)getpid());
    const char *bytes = "bytes from another file system";
    spool(path, bytes, sha);
    int64_t doc = 0;
    bool replayed = true;
    T_EQ_INT(submit_file(s, path, sha, strlen(bytes), NULL, &doc, &replayed), DS_OK);
    stored_is(s, doc, bytes);
    T_CHECK(access(path, F_OK) == 0); /* copied: the caller removes its file */
    unlink(path);
    ds_store_close(s);
}

static void t_map_checks_digest(void)
{
    ds_store *s = open_fresh();
    char path[256], sha[65];
    snprintf(path, sizeof path, "%s/upload-2", dir);
    const char *bytes = "bytes to be damaged";
    spool(path, bytes, sha);
    int64_t doc = 0;
    bool replayed;
    T_EQ_INT(submit_file(s, path, sha, strlen(bytes), NULL, &doc, &replayed), DS_OK);
    char blob[400];
    snprintf(blob, sizeof blob, "%s/store.db.blobs/%.2s/%s", dir, sha, sha);
    FILE *f = fopen(blob, "r+b");
    T_CHECK(f && fputc('X', f) != EOF);
    if (f)
        fclose(f);
    const uint8_t *data = NULL;
    size_t len = 0;
    T_EQ_INT(ds_store_document_map(s, doc, &data, &len), DS_ERR_STORE);
    T_CHECK(data == NULL);
    T_EQ_INT(ds_store_document_map(s, doc + 100, &data, &len), DS_ERR_NO_RECORD);
    ds_store_close(s);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"moved_and_replayed", t_moved_and_replayed},
        {"copied_across_file_systems", t_copied_across_file_systems},
        {"map_checks_digest", t_map_checks_digest},
    };
    strcpy(root, "/tmp/ds-store-spool-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    int rc = T_RUN(cases);
    nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return rc;
}
