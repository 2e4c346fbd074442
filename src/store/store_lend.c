/*
 * store_lend.c: what the store lends to its backends and to store.c alike
 * (store_backend.h, store_lend.h): error messages, bounded copies, SHA-256
 * in hex, the audit chain's hash, the clock, the webhook back-off, and the
 * blob directory, where each submitted file lives once under its SHA-256
 * (BLOB_DIR/ab/abcdef...), written atomically and fsynced, and verified
 * against its name when read back. It sits below store.c and every backend
 * and calls neither.
 *
 * It must never: hold SQL; put a token or document content into an error
 * message; return a blob whose bytes do not match its digest.
 */
#include "store/store_lend.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "base/base.h"

void ds_store_copy(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    size_t n = src ? strnlen(src, cap - 1) : 0;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

ds_error ds_store_fail(ds_store *s, const char *what, const char *detail)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s%s%s", what, detail ? ": " : "",
             detail ? detail : "");
    return DS_ERR_STORE;
}

static void hex_of(const unsigned char *d, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * n] = '\0';
}

void ds_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[32];
    unsigned int n = 0;
    if (!EVP_Digest(data ? data : "", len, md, &n, EVP_sha256(), NULL) || n != 32)
        memset(md, 0, sizeof md); /* only on an OpenSSL failure; never matches a real file */
    hex_of(md, 32, hex);
}

static void sha_update_field(EVP_MD_CTX *c, const char *f)
{
    char len[24];
    size_t n = strlen(f);
    int k = snprintf(len, sizeof len, "%zu:", n);
    EVP_DigestUpdate(c, len, (size_t)k);
    EVP_DigestUpdate(c, f, n);
}

void ds_store_audit_hash(const char *prev_hash, int64_t seq, int64_t at, const char *actor,
                         const char *action, const char *object, char out[65])
{
    unsigned char md[32];
    unsigned int n = 0;
    char num[24];
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL)) {
        memset(md, 0, sizeof md);
        goto out;
    }
    EVP_DigestUpdate(c, prev_hash, strlen(prev_hash));
    snprintf(num, sizeof num, "%lld", (long long)seq);
    sha_update_field(c, num);
    snprintf(num, sizeof num, "%lld", (long long)at);
    sha_update_field(c, num);
    sha_update_field(c, actor);
    sha_update_field(c, action);
    sha_update_field(c, object);
    if (!EVP_DigestFinal_ex(c, md, &n))
        memset(md, 0, sizeof md);
out:
    EVP_MD_CTX_free(c);
    hex_of(md, 32, out);
}


static int popcount64(uint64_t x)
{
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

ds_memory_match *ds_store_image_slot(ds_memory_match *out, int cap, int *n, uint64_t dhash,
                                     uint64_t h, int max_distance)
{
    int d = popcount64(h ^ dhash);
    if (d > max_distance)
        return NULL;
    int at = *n;
    while (at > 0 && out[at - 1].distance > d)
        at--;
    if (at >= cap)
        return NULL;
    int last = *n < cap ? *n : cap - 1;
    memmove(&out[at + 1], &out[at], (size_t)(last - at) * sizeof *out);
    if (*n < cap)
        (*n)++;
    ds_memory_match *m = &out[at];
    memset(m, 0, sizeof *m);
    m->dhash = h;
    m->distance = d;
    return m;
}

const char ds_store_audit_zero[65] =
    "0000000000000000000000000000000000000000000000000000000000000000";

bool ds_store_audit_step(char prev[65], int64_t n, const ds_audit_entry *a, bool fits)
{
    char hash[65];
    ds_store_audit_hash(prev, a->seq, a->at, a->actor, a->action, a->object, hash);
    if (!fits || a->seq != n || strcmp(a->prev_hash, prev) != 0 || strcmp(a->hash, hash) != 0)
        return false;
    memcpy(prev, a->hash, 65);
    return true;
}

bool ds_delivery_schedule(int attempts, int max_attempts, int64_t now, int64_t *next)
{
    bool give_up = attempts >= max_attempts;
    *next = give_up ? now : now + ds_delivery_backoff(attempts);
    return give_up;
}

int64_t ds_delivery_backoff(int attempts)
{
    int64_t d = DS_DELIVERY_BACKOFF_BASE;
    for (int i = 1; i < attempts && d < DS_DELIVERY_BACKOFF_MAX; i++)
        d *= 2;
    return d < DS_DELIVERY_BACKOFF_MAX ? d : DS_DELIVERY_BACKOFF_MAX;
}

void ds_store_set_clock(ds_store *s, int64_t now)
{
    if (s)
        s->fixed_now = now;
}

int64_t ds_store_now(const ds_store *s)
{
    if (s && s->fixed_now)
        return s->fixed_now;
    return (int64_t)time(NULL);
}

bool ds_store_is_hex64(const char *h)
{
    if (!h || strnlen(h, 65) != 64)
        return false;
    for (int i = 0; i < 64; i++)
        if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
            return false;
    return true;
}

/* ------------------------------------------------------------------ blobs */

static ds_error blob_path(ds_store *s, const char *sha, char *dir, size_t dcap, char *path,
                          size_t pcap)
{
    if (!ds_store_is_hex64(sha))
        return ds_store_fail(s, "blob name is not a SHA-256", NULL);
    int a = snprintf(dir, dcap, "%s/%.2s", s->blob_dir, sha);
    int b = snprintf(path, pcap, "%s/%s", dir, sha);
    if (a < 0 || (size_t)a >= dcap || b < 0 || (size_t)b >= pcap)
        return ds_store_fail(s, "blob directory path too long", NULL);
    return DS_OK;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Creates dir (one level) when missing; fsyncs its parent when it did. */
int ds_store_ensure_dir(const char *dir, const char *parent)
{
    if (mkdir(dir, 0700) == 0)
        return parent ? fsync_dir(parent) : 0;
    struct stat st;
    return (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) ? 0 : -1;
}

/* Writes len bytes from the file descriptor src to fd; -1 (errno set) on
 * a failure or when src has fewer bytes. */
static int copy_fd(int fd, int src, size_t len)
{
    char buf[64 * 1024];
    while (len) {
        ssize_t r = read(src, buf, len < sizeof buf ? len : sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            return -1;
        }
        for (ssize_t off = 0; off < r;) {
            ssize_t w = write(fd, buf + off, (size_t)(r - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return -1;
            off += w;
        }
        len -= (size_t)r;
    }
    return 0;
}

ds_error ds_store_blob_put(ds_store *s, const char *sha256, const void *data, size_t len)
{
    char dir[PATH_MAX], path[PATH_MAX], tmp[PATH_MAX + 32];
    CHECK(blob_path(s, sha256, dir, sizeof dir, path, sizeof path));
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size == (uint64_t)len)
        return DS_OK;
    if (ds_store_ensure_dir(dir, s->blob_dir) != 0)
        return ds_store_fail(s, "cannot create blob directory", strerror(errno));
    /* A submission given as a file: flushed, then renamed into place when
     * it is on the blob directory's file system, else copied below. */
    int src = -1;
    if (!data && s->blob_src) {
        src = open(s->blob_src, O_RDONLY | O_CLOEXEC);
        if (src < 0 || fstat(src, &st) != 0 || !S_ISREG(st.st_mode) ||
            (uint64_t)st.st_size != (uint64_t)len || fsync(src) != 0) {
            if (src >= 0)
                close(src);
            return ds_store_fail(s, "cannot read the submitted file", strerror(errno));
        }
        if (rename(s->blob_src, path) == 0) {
            close(src);
            if (fsync_dir(dir) != 0)
                return ds_store_fail(s, "cannot fsync blob directory", strerror(errno));
            return DS_OK;
        }
        if (errno != EXDEV) {
            close(src);
            return ds_store_fail(s, "cannot move the submitted file", strerror(errno));
        }
    } else if (!data) {
        return ds_store_fail(s, "no bytes to store", NULL);
    }
    static unsigned counter;
    snprintf(tmp, sizeof tmp, "%s/.tmp-%ld-%u-%lld", dir, (long)getpid(), counter++,
             (long long)ds_now_ms());
    ds_error err = DS_OK;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (src >= 0)
            close(src);
        return ds_store_fail(s, "cannot create blob", strerror(errno));
    }
    const unsigned char *p = data;
    size_t left = src >= 0 ? 0 : len;
    if (src >= 0 && copy_fd(fd, src, len) != 0) {
        err = ds_store_fail(s, "cannot write blob", strerror(errno));
        goto out;
    }
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            err = ds_store_fail(s, "cannot write blob", strerror(errno));
            goto out;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0) {
        err = ds_store_fail(s, "cannot fsync blob", strerror(errno));
        goto out;
    }
    if (close(fd) != 0) {
        fd = -1;
        err = ds_store_fail(s, "cannot close blob", strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        err = ds_store_fail(s, "cannot rename blob", strerror(errno));
        goto out;
    }
    if (fsync_dir(dir) != 0)
        err = ds_store_fail(s, "cannot fsync blob directory", strerror(errno));
out:
    if (fd >= 0)
        close(fd);
    if (src >= 0)
        close(src);
    if (err != DS_OK)
        unlink(tmp);
    return err;
}

ds_error ds_store_blob_remove(ds_store *s, const char *sha256)
{
    char dir[PATH_MAX], path[PATH_MAX];
    CHECK(blob_path(s, sha256, dir, sizeof dir, path, sizeof path));
    if (unlink(path) != 0) {
        if (errno == ENOENT)
            return DS_OK;
        return ds_store_fail(s, "cannot remove blob", strerror(errno));
    }
    if (fsync_dir(dir) != 0)
        return ds_store_fail(s, "cannot fsync blob directory", strerror(errno));
    return DS_OK;
}

ds_error ds_store_blob_read(ds_store *s, const char *sha, size_t size, uint8_t **data, size_t *len)
{
    char dir[PATH_MAX], path[PATH_MAX], got[65];
    CHECK(blob_path(s, sha, dir, sizeof dir, path, sizeof path));
    uint8_t *buf = NULL;
    size_t n = 0;
    ds_error err = ds_read_file(path, size ? size : 1, &buf, &n);
    if (err == DS_ERR_NOMEM)
        return err;
    if (err != DS_OK)
        return ds_store_fail(s, "blob missing or unreadable", ds_error_name(err));
    ds_sha256_hex(buf, n, got);
    if (n != size || strcmp(got, sha) != 0) {
        free(buf);
        return ds_store_fail(s, "blob does not match its SHA-256", NULL);
    }
    *data = buf;
    *len = n;
    return DS_OK;
}

ds_error ds_store_blob_map(ds_store *s, const char *sha, size_t size, const uint8_t **data,
                           size_t *len)
{
    char dir[PATH_MAX], path[PATH_MAX], got[65];
    CHECK(blob_path(s, sha, dir, sizeof dir, path, sizeof path));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || size == 0 ||
        (uint64_t)st.st_size != (uint64_t)size) {
        if (fd >= 0)
            close(fd);
        return ds_store_fail(s, "blob missing, unreadable or of another size", NULL);
    }
    void *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return errno == ENOMEM ? DS_ERR_NOMEM : ds_store_fail(s, "cannot map blob", strerror(errno));
    posix_madvise(m, size, POSIX_MADV_SEQUENTIAL);
    ds_sha256_hex(m, size, got);
    if (strcmp(got, sha) != 0) {
        munmap(m, size);
        return ds_store_fail(s, "blob does not match its SHA-256", NULL);
    }
    *data = m;
    *len = size;
    return DS_OK;
}

void ds_store_blob_unmap(const uint8_t *data, size_t len)
{
    if (data && len)
        munmap((void *)data, len);
}

