/*
 * Bounded file reading and the clock. Reading must never trust the size a
 * file claims: it reads at most max_bytes + 1 bytes whatever stat says.
 */
#define _POSIX_C_SOURCE 200809L
#include "base.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

ds_error ds_read_file(const char *path, size_t max_bytes, uint8_t **out_data, size_t *out_len)
{
    ds_error err = DS_OK;
    FILE *f = NULL;
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    struct stat st;

    if (!path || !out_data || !out_len)
        return DS_ERR_USAGE;
    f = fopen(path, "rb");
    if (!f) {
        err = DS_ERR_IO;
        goto out;
    }
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        err = DS_ERR_IO;
        goto out;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > (uint64_t)max_bytes) {
        err = DS_ERR_TOO_LARGE;
        goto out;
    }
    cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    if (cap > max_bytes + 1)
        cap = max_bytes + 1;
    buf = malloc(cap);
    if (!buf) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    for (;;) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len > max_bytes) {
            err = DS_ERR_TOO_LARGE;
            goto out;
        }
        if (got == 0) {
            if (ferror(f)) {
                err = DS_ERR_IO;
                goto out;
            }
            break;
        }
        if (len == cap) {
            size_t ncap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
            uint8_t *nb = realloc(buf, ncap);
            if (!nb) {
                err = DS_ERR_NOMEM;
                goto out;
            }
            buf = nb;
            cap = ncap;
        }
    }
    if (len == 0) {
        err = DS_ERR_EMPTY;
        goto out;
    }
    *out_data = buf;
    *out_len = len;
    buf = NULL;
out:
    free(buf);
    if (f)
        fclose(f);
    return err;
}

bool ds_ymd_valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

double ds_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}
