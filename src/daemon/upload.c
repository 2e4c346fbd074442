/*
 * An upload's body spooled to a private file and hashed as it arrives
 * (see upload.h).
 */
#include "upload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

void ds_upload_init(ds_upload *u)
{
    memset(u, 0, sizeof *u);
    u->fd = -1;
}

ds_error ds_upload_open(ds_upload *u, const char *dir)
{
    ds_upload_init(u);
    int n = snprintf(u->path, sizeof u->path, "%s/upload-XXXXXX", dir);
    if (n < 0 || (size_t)n >= sizeof u->path) {
        u->path[0] = 0;
        return DS_ERR_IO;
    }
    u->sha = EVP_MD_CTX_new();
    if (!u->sha || !EVP_DigestInit_ex(u->sha, EVP_sha256(), NULL)) {
        u->path[0] = 0;
        ds_upload_discard(u);
        return DS_ERR_NOMEM;
    }
    u->fd = mkstemp(u->path);
    if (u->fd >= 0)
        fcntl(u->fd, F_SETFD, FD_CLOEXEC);
    if (u->fd < 0) {
        u->path[0] = 0;
        ds_upload_discard(u);
        return DS_ERR_IO;
    }
    fchmod(u->fd, 0600);
    return DS_OK;
}

ds_error ds_upload_write(ds_upload *u, const void *data, size_t n)
{
    if (u->fd < 0)
        return DS_ERR_IO;
    if (!EVP_DigestUpdate(u->sha, data, n))
        return DS_ERR_NOMEM;
    const char *p = data;
    while (n) {
        ssize_t w = write(u->fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return DS_ERR_IO;
        p += w;
        n -= (size_t)w;
        u->len += (uint64_t)w;
    }
    return DS_OK;
}

ds_error ds_upload_finish(ds_upload *u)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char md[32];
    unsigned int mdlen = 0;
    if (u->fd < 0)
        return DS_ERR_IO;
    if (!EVP_DigestFinal_ex(u->sha, md, &mdlen) || mdlen != 32)
        return DS_ERR_NOMEM;
    for (int i = 0; i < 32; i++) {
        u->sha256[2 * i] = digits[md[i] >> 4];
        u->sha256[2 * i + 1] = digits[md[i] & 15];
    }
    u->sha256[64] = 0;
    /* no fsync here: the store flushes the file before it is referred to */
    bool ok = close(u->fd) == 0;
    u->fd = -1;
    return ok ? DS_OK : DS_ERR_IO;
}

ds_error ds_upload_copy(ds_upload *u, const char *dir, const char *src, uint64_t max)
{
    ds_upload_init(u);
    /* Not through a link, and without waiting: a file swapped for a FIFO
     * after the folder was listed must not block the caller. */
    int in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (in < 0)
        return DS_ERR_IO;
    struct stat st;
    if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(in);
        return DS_ERR_IO;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
        close(in);
        return DS_ERR_TOO_LARGE;
    }
    enum { PIECE = 64 * 1024 };
    unsigned char *buf = malloc(PIECE);
    ds_error err = buf ? ds_upload_open(u, dir) : DS_ERR_NOMEM;
    while (err == DS_OK) {
        ssize_t n = read(in, buf, PIECE);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            err = DS_ERR_IO;
        else if (n == 0)
            break;
        else if (u->len + (uint64_t)n > max)
            err = DS_ERR_TOO_LARGE; /* grew after the size was checked */
        else
            err = ds_upload_write(u, buf, (size_t)n);
    }
    close(in);
    free(buf);
    if (err == DS_OK)
        err = ds_upload_finish(u);
    if (err != DS_OK)
        ds_upload_discard(u);
    return err;
}

void ds_upload_discard(ds_upload *u)
{
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    if (u->path[0])
        unlink(u->path);
    u->path[0] = 0;
    EVP_MD_CTX_free(u->sha);
    u->sha = NULL;
}
