/*
 * pdf: runs the PDF reader process for one file and reads its answer.
 *
 * The library is used by a multi-threaded daemon, so the reader is started
 * with posix_spawn (no fork without exec), in a process group of its own,
 * with the file as its standard input (an anonymous memory file it and its
 * renderer can reopen) and a pipe as its standard output; every descriptor
 * of ours is close-on-exec so a reader never holds another scan's pipe. The
 * reader limits its own address space, CPU time, file size and open files
 * before it reads the input (tools/docscreen-pdf.cpp); this side enforces
 * the wall-clock deadline: when it passes, or the answer is wrong, the
 * whole process group is killed and reaped. Nothing the reader writes to
 * stderr is kept.
 */
#define _GNU_SOURCE /* memfd_create, pipe2 */
#include "decode/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"

#ifndef DS_PDF_HELPER_DEFAULT
#define DS_PDF_HELPER_DEFAULT "/usr/local/libexec/docscreen/docscreen-pdf"
#endif

extern char **environ;

const char *ds_pdf_helper_path(const char *helper, char *buf, size_t cap)
{
    if (helper && *helper)
        return helper;
    const char *env = getenv("DOCSCREEN_PDF_HELPER");
    if (env && *env)
        return env;
    /* Beside the running program: the build tree, or an install that puts
     * both in one folder. */
    ssize_t n = readlink("/proc/self/exe", buf, cap > 32 ? cap - 32 : 0);
    if (n > 0) {
        buf[n] = 0;
        char *slash = strrchr(buf, '/');
        if (slash) {
            strcpy(slash + 1, "docscreen-pdf");
            if (access(buf, X_OK) == 0)
                return buf;
        }
    }
    return DS_PDF_HELPER_DEFAULT;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

typedef struct fd_src {
    int fd;
    double deadline; /* ds now_ms() */
} fd_src;

static ds_error fd_read(void *ctx, void *buf, size_t n)
{
    fd_src *s = ctx;
    char *p = buf;
    while (n > 0) {
        double left = s->deadline - now_ms();
        if (left <= 0)
            return DS_ERR_DECODE_TIME;
        struct pollfd pfd = {s->fd, POLLIN, 0};
        int r = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return DS_ERR_PDF_READER;
        if (r == 0)
            continue; /* the deadline is checked above */
        ssize_t k = read(s->fd, p, n);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            return DS_ERR_PDF_READER;
        p += k;
        n -= (size_t)k;
    }
    return DS_OK;
}

/* An anonymous file holding data, positioned at its start; -1 on failure. */
static int input_file(const uint8_t *data, size_t len)
{
    int fd = memfd_create("docscreen-pdf-input", MFD_CLOEXEC);
    if (fd < 0) {
        char path[] = "/tmp/docscreen-pdf-XXXXXX";
        fd = mkostemp(path, O_CLOEXEC);
        if (fd < 0)
            return -1;
        unlink(path);
    }
    size_t off = 0;
    while (off < len) {
        ssize_t k = write(fd, data + off, len - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)k;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Reaps pid after killing its process group (anything it left running),
 * waiting up to grace_ms for it to exit by itself first; the group is
 * killed while the exited leader still holds its id. Returns its wait
 * status (0 when it could not be had). */
static int reap(pid_t pid, int grace_ms)
{
    int st = 0;
    for (int waited = 0; waited < grace_ms; waited += 5) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (si.si_pid == pid)
            break;
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    kill(-pid, SIGKILL);
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR)
            return 0;
    }
    return st;
}

ds_error ds_pdf_decode(const uint8_t *data, size_t len, const ds_limits *lim, const char *helper,
                       ds_pages **out)
{
    char pathbuf[4096];
    char a_bytes[32], a_pages[32], a_pix[32], a_total[32], a_cpu[32];
    int in = -1, pipefd[2] = {-1, -1};
    pid_t pid = -1;
    ds_error err;

    if (!lim || !out || (!data && len > 0))
        return DS_ERR_USAGE;
    *out = NULL;
    if (len == 0)
        return DS_ERR_EMPTY;
    if (len > lim->max_file_bytes)
        return DS_ERR_TOO_LARGE;
    const char *path = ds_pdf_helper_path(helper, pathbuf, sizeof pathbuf);
    int ms = lim->max_decode_ms > 0 && lim->max_decode_ms < DS_PDF_HARD_MS ? lim->max_decode_ms
                                                                           : DS_PDF_HARD_MS;
    snprintf(a_bytes, sizeof a_bytes, "%zu", lim->max_file_bytes);
    snprintf(a_pages, sizeof a_pages, "%d", lim->max_pages);
    snprintf(a_pix, sizeof a_pix, "%llu", (unsigned long long)lim->max_pixels);
    snprintf(a_total, sizeof a_total, "%llu", (unsigned long long)lim->max_total_pixels);
    snprintf(a_cpu, sizeof a_cpu, "%d", ms / 1000 + 1);
    char *argv[] = {(char *)path, "--max-bytes", a_bytes, "--max-pages", a_pages,
                    "--max-pixels", a_pix, "--max-total-pixels", a_total,
                    "--cpu-seconds", a_cpu, NULL};

    if ((in = input_file(data, len)) < 0)
        return DS_ERR_IO;
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        close(in);
        return DS_ERR_IO;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    posix_spawn_file_actions_adddup2(&fa, in, 0);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    sigset_t none, dflt;
    sigemptyset(&none);
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGPIPE);
    sigaddset(&dflt, SIGXCPU);
    sigaddset(&dflt, SIGCHLD);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &dflt);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                      POSIX_SPAWN_SETSIGDEF);
    int rc = posix_spawn(&pid, path, &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(in);
    close(pipefd[1]);
    if (rc != 0) {
        close(pipefd[0]);
        return DS_ERR_PDF_READER;
    }
    fd_src src_ctx = {pipefd[0], now_ms() + ms};
    ds_pdfwire_src src = {fd_read, &src_ctx};
    err = ds_pdfwire_read(&src, lim, out);
    close(pipefd[0]);
    int st = reap(pid, err == DS_OK ? 2000 : 200);
    /* A reader stopped by its CPU limit ran out of time, not of sense. */
    if (err == DS_ERR_PDF_READER && WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU)
        err = DS_ERR_DECODE_TIME;
    if (err != DS_OK) {
        ds_pages_free(*out);
        *out = NULL;
    }
    return err;
}
