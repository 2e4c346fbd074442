/*
 * Hot folders: one inbox per scanning station.
 *
 * Contract (docs/daemon.md): a file is taken only once complete: once
 * NAME.ready exists beside it, or, unless hotfolder_require_ready, once its
 * size and modification time have not changed for hotfolder_stable_ms as
 * measured on this daemon's own monotonic clock (a writer still copying
 * into the inbox keeps changing them; a share's clock is never trusted).
 * Names starting with '.' and ending in .tmp, .part or .partial are never
 * taken. Files directly in the inbox belong to the
 * case named by the inbox's CASE.json or, without one, by the inbox folder's
 * name; files in a sub-folder CASE-ID/ belong to that sub-folder's CASE.json
 * or its name. A case record stored from a CASE.json belongs to the hot
 * folder's station ("hotfolder:<station>"); a CASE.json or a file for a
 * case another station or token owns is refused to failed/. A taken file is submitted to the store (its bytes, name and
 * SHA-256 committed, with an idempotency key made of its path and SHA-256)
 * BEFORE it is moved to .docscreen/JOB--NAME; after its job finishes it
 * moves to done/ or failed/ as JOB-NAME beside JOB-NAME.report.json. A
 * restart at any point finishes the moves and never submits a file twice
 * (the idempotency key answers a repeat with the same job).
 * Names on disk are bytes in whatever encoding the station wrote (a Windows
 * share writes Latin-1): a folder name becoming a case id and a file name
 * going to the store or a report pass through ds_edge_take (Latin-1
 * re-encoded to UTF-8) first; the bytes themselves are used only to open,
 * rename and key files.
 * Copies in done/ and failed/ are removed after retention_days (counted
 * from their move there), and every copy of a deleted case's jobs at the
 * next round after the deletion (or the first round after a restart).
 * Logs name stations and ids, never file names.
 */
#include "hotfolder.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "base/base.h"
#include "check/case.h"
#include "daemon/edge.h"
#include "daemon/upload.h"

#define WORK_DIR ".docscreen"
#define PATH_CAP (DS_CONF_PATH_MAX + 2 * DS_STORE_FILENAME_MAX + 64)
/* Files watched for stability at once; a file beyond waits for room. */
#define SEEN_MAX 4096

/* A candidate file as last seen: what must hold still before it is taken. */
typedef struct seen_file {
    uint64_t path_hash;     /* FNV-1a of the path */
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    double since_ms;        /* monotonic time it was first seen like this */
    unsigned round;         /* the last scan round that saw it */
} seen_file;

/* The hot-folder thread's memory of candidates between rounds. */
typedef struct seen_table {
    seen_file v[SEEN_MAX];
    int n;
    unsigned round;
} seen_table;

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* True when the file at path (sb its stat) has kept its size and mtime for
 * stable_ms since this thread first saw it so; records it otherwise. */
static bool is_stable(seen_table *t, const char *path, const struct stat *sb, int stable_ms)
{
    if (stable_ms <= 0)
        return true;
    uint64_t h = fnv1a(path);
    double now = mono_ms();
    seen_file *f = NULL;
    for (int i = 0; i < t->n && !f; i++)
        if (t->v[i].path_hash == h && t->v[i].dev == sb->st_dev && t->v[i].ino == sb->st_ino)
            f = &t->v[i];
    if (!f) {
        if (t->n == SEEN_MAX)
            return false;
        f = &t->v[t->n++];
        f->path_hash = h;
        f->dev = sb->st_dev;
        f->ino = sb->st_ino;
        f->size = -1;
    }
    f->round = t->round;
    if (f->size != sb->st_size || f->mtime.tv_sec != sb->st_mtim.tv_sec ||
        f->mtime.tv_nsec != sb->st_mtim.tv_nsec) {
        f->size = sb->st_size;
        f->mtime = sb->st_mtim;
        f->since_ms = now;
        return false;
    }
    return now - f->since_ms >= (double)stable_ms;
}

/* Forgets the files the round that just ended did not see (taken, moved or
 * deleted), then starts the next round. */
static void seen_prune(seen_table *t)
{
    int k = 0;
    for (int i = 0; i < t->n; i++)
        if (t->v[i].round == t->round)
            t->v[k++] = t->v[i];
    t->n = k;
    t->round++;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool is_candidate_name(const char *name)
{
    return name[0] != '.' && strcmp(name, "CASE.json") != 0 && !ends_with(name, ".ready") &&
           !ends_with(name, ".tmp") && !ends_with(name, ".part") && !ends_with(name, ".partial") &&
           !ends_with(name, ".report.json") && !ends_with(name, "~") &&
           strlen(name) <= DS_STORE_FILENAME_MAX - 24;
}

static bool exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Writes text to path atomically (temporary file, fsync, rename). */
static int write_atomic(const char *path, const char *text, size_t len)
{
    char tmp[PATH_CAP + 16];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            close(fd);
            unlink(tmp);
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(tmp);
        return -1;
    }
    return rename(tmp, path);
}

static void ensure_dirs(const char *inbox)
{
    char p[PATH_CAP];
    static const char *subs[] = {WORK_DIR, "done", "failed"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", inbox, subs[i]);
        mkdir(p, 0700);
    }
}

/* Moves a file refused before submission to failed/ with an error report. */
static void reject(const char *inbox, const char *path, const char *name, const char *station,
                   ds_error err, const char *message)
{
    char dst[PATH_CAP], rep[PATH_CAP + 16];
    long long now = (long long)time(NULL);
    snprintf(dst, sizeof dst, "%s/failed/rejected-%lld-%s", inbox, now, name);
    snprintf(rep, sizeof rep, "%s.report.json", dst);
    char label[DS_STORE_FILENAME_MAX + 1];
    ds_edge_take(name, strlen(name), DS_EDGE_LATIN1, DS_EDGE_CUT, label, sizeof label);
    json_t *o = json_pack("{s:s,s:{s:s,s:s},s:[],s:[],s:s}", "file", label, "error", "code",
                          ds_error_name(err), "message", message, "documents", "flags",
                          "verdict", "error");
    char *text = o ? json_dumps(o, JSON_INDENT(2)) : NULL;
    json_decref(o);
    if (text) {
        write_atomic(rep, text, strlen(text));
        free(text);
    }
    if (rename(path, dst) == 0) {
        char ready[PATH_CAP + 8];
        snprintf(ready, sizeof ready, "%s.ready", path);
        unlink(ready);
    }
    ds_log(DS_LOG_WARN, "hotfolder", "station %s: a file was refused: %s", station,
           ds_error_name(err));
}

/* Takes one complete file: submit (committed), then move into WORK_DIR. A
 * file is complete once its NAME.ready marker exists or, unless the
 * configuration requires markers, once it has held still (is_stable). */
static void take(ds_daemon_ctx *d, ds_store *st, const ds_conf *conf, seen_table *seen,
                 const ds_conf_hotfolder *hf, const char *dir, const char *rel_dir,
                 const char *name, const struct stat *sb, const char *case_id, bool case_ok,
                 const char *case_err)
{
    char path[PATH_CAP], ready[PATH_CAP + 8];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(ready, sizeof ready, "%s.ready", path);
    bool has_ready = exists(ready);
    if (conf->hotfolder_require_ready && !has_ready)
        return;
    if (!has_ready && !is_stable(seen, path, sb, conf->hotfolder_stable_ms))
        return;
    if (!case_ok) {
        reject(hf->path, path, name, hf->station, DS_ERR_CASE_FIELD, case_err);
        return;
    }
    /* copied to a private spool file in pieces, hashed on the way: a
     * file is never held whole in memory (as for an upload) */
    ds_upload spool;
    ds_error err = ds_upload_copy(&spool, d->tmp_dir, path, (uint64_t)conf->max_upload_bytes);
    if (err == DS_ERR_IO)
        return; /* vanished or unreadable for now: try again next round */
    if (err != DS_OK) {
        reject(hf->path, path, name, hf->station, err, ds_error_message(err));
        return;
    }
    char keysrc[PATH_CAP + 80], key[65];
    snprintf(keysrc, sizeof keysrc, "%s/%s:%s", rel_dir, name, spool.sha256);
    ds_sha256_hex(keysrc, strlen(keysrc), key);
    char scope[DS_STORE_NAME_MAX + 1];
    snprintf(scope, sizeof scope, "hotfolder:%.100s", hf->station);
    char label[DS_STORE_FILENAME_MAX + 1];
    ds_edge_take(name, strlen(name), DS_EDGE_LATIN1, DS_EDGE_CUT, label, sizeof label);
    ds_submission sub = {.case_id = case_id,
                         .filename = label,
                         .source = "hotfolder",
                         .station = hf->station,
                         .len = (size_t)spool.len,
                         .path = spool.path,
                         .sha256 = spool.sha256,
                         .idempotency_key = key,
                         .key_scope = scope};
    int64_t doc_id = 0, job_id = 0;
    bool replayed = false;
    err = ds_store_submit(st, &sub, &doc_id, &job_id, &replayed);
    ds_upload_discard(&spool); /* removes the spool file when the store did not take it */
    if (err != DS_OK) {
        ds_log(DS_LOG_ERROR, "hotfolder", "station %s: submit failed: %s %s", hf->station,
               ds_error_name(err), err == DS_ERR_STORE ? ds_store_errmsg(st) : "");
        return;
    }
    char dst[PATH_CAP];
    snprintf(dst, sizeof dst, "%s/" WORK_DIR "/%lld--%s", hf->path, (long long)job_id, name);
    if (rename(path, dst) != 0) {
        ds_log(DS_LOG_ERROR, "hotfolder", "station %s: job %lld: cannot move the file: %s",
               hf->station, (long long)job_id, strerror(errno));
        return;
    }
    char wd[PATH_CAP];
    snprintf(wd, sizeof wd, "%s/" WORK_DIR, hf->path);
    fsync_dir(wd);
    if (has_ready)
        unlink(ready);
    pthread_mutex_lock(&d->metrics.lock);
    d->metrics.hotfolder_taken++;
    pthread_mutex_unlock(&d->metrics.lock);
    ds_daemon_kick(d);
    ds_log(DS_LOG_INFO, "hotfolder", "station %s: document %lld job %lld %s", hf->station,
           (long long)doc_id, (long long)job_id, replayed ? "(already submitted)" : "queued");
}

/* Reads dir's CASE.json when present and stores it for owner. case_id gets
 * the record's case id or fallback; *ok false when a CASE.json exists but
 * is invalid or names a case another owner has. */
static void case_of(ds_store *st, const char *dir, const char *fallback, const char *owner,
                    char *case_id, size_t cap, bool *ok, char *err, size_t err_cap)
{
    char p[PATH_CAP];
    snprintf(p, sizeof p, "%s/CASE.json", dir);
    *ok = true;
    snprintf(case_id, cap, "%s", fallback);
    if (!exists(p))
        return;
    ds_case cr;
    char msg[DS_CASE_MSG_MAX] = "";
    ds_error e = ds_case_load(p, &cr, msg, sizeof msg);
    if (e != DS_OK) {
        *ok = false;
        snprintf(err, err_cap, "CASE.json: %s", msg[0] ? msg : ds_error_message(e));
        return;
    }
    snprintf(case_id, cap, "%s", cr.case_id);
    uint8_t *data = NULL;
    size_t len = 0;
    if (ds_read_file(p, DS_CASE_FILE_MAX, &data, &len) == DS_OK) {
        char *old = NULL;
        size_t oldlen = 0;
        bool same = ds_store_case_get(st, cr.case_id, &old, &oldlen, NULL) == DS_OK &&
                    oldlen == len && !memcmp(old, data, len);
        free(old);
        ds_error pe = same ? DS_OK : ds_store_case_put(st, cr.case_id, owner, (const char *)data,
                                                       len, NULL);
        if (pe == DS_ERR_NO_RECORD) {
            *ok = false;
            snprintf(err, err_cap, "CASE.json: the case belongs to another station or token");
        } else if (pe != DS_OK) {
            ds_log(DS_LOG_ERROR, "hotfolder", "case record not stored: %s", ds_store_errmsg(st));
        }
    }
    free(data);
}

/* The case id of a folder name into out (DS_STORE_CASE_ID_MAX + 1 bytes):
 * 1 to DS_STORE_CASE_ID_MAX bytes of UTF-8 without control characters (the
 * name's Latin-1 bytes re-encoded); "" when the name cannot be one. */
static void case_id_of_folder(const char *name, char *out)
{
    ds_edge_take(name, strlen(name), DS_EDGE_LATIN1, DS_EDGE_NO_CONTROLS, out,
                 DS_STORE_CASE_ID_MAX + 1);
}

static void scan_dir(ds_daemon_ctx *d, ds_store *st, const ds_conf *conf, seen_table *seen,
                     const ds_conf_hotfolder *hf, const char *dir, const char *rel_dir,
                     const char *fallback_case, int depth)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    char case_id[DS_STORE_CASE_ID_MAX + 1], case_err[256] = "";
    char folder_case[DS_STORE_CASE_ID_MAX + 1];
    case_id_of_folder(fallback_case, folder_case);
    bool case_ok;
    char owner[DS_STORE_OWNER_MAX + 1];
    snprintf(owner, sizeof owner, "hotfolder:%.100s", hf->station);
    case_of(st, dir, folder_case, owner, case_id, sizeof case_id, &case_ok, case_err,
            sizeof case_err);
    if (case_ok && !case_id[0]) {
        case_ok = false;
        snprintf(case_err, sizeof case_err, "the folder name is not a valid case id");
    }
    bool writable = true;
    if (case_ok && ds_store_case_writable(st, case_id, owner, &writable) == DS_OK && !writable) {
        case_ok = false;
        snprintf(case_err, sizeof case_err, "the case belongs to another station or token");
    }
    /* names first, sorted, so files are taken in a stable order */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && n < 10000) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn)
                break;
            names = nn;
            cap = nc;
        }
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(dh);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n && !atomic_load(&d->stopping); i++) {
        char p[PATH_CAP];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        struct stat sb;
        if (lstat(p, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            if (depth == 0 && strcmp(names[i], "done") && strcmp(names[i], "failed")) {
                char rel[PATH_CAP];
                snprintf(rel, sizeof rel, "%s", names[i]);
                scan_dir(d, st, conf, seen, hf, p, rel, names[i], depth + 1);
            }
            continue;
        }
        if (!S_ISREG(sb.st_mode) || !is_candidate_name(names[i]))
            continue;
        take(d, st, conf, seen, hf, dir, rel_dir, names[i], &sb, case_id, case_ok, case_err);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Finishes files whose jobs are done: report beside, file to done/ or failed/. */
static void finish(ds_store *st, const ds_conf_hotfolder *hf)
{
    char wd[PATH_CAP];
    snprintf(wd, sizeof wd, "%s/" WORK_DIR, hf->path);
    DIR *dh = opendir(wd);
    if (!dh)
        return;
    struct dirent *e;
    while ((e = readdir(dh))) {
        char *sep = strstr(e->d_name, "--");
        if (e->d_name[0] == '.' || !sep || ends_with(e->d_name, ".tmp"))
            continue;
        char *end = NULL;
        long long job_id = strtoll(e->d_name, &end, 10);
        if (end != sep || job_id <= 0)
            continue;
        const char *name = sep + 2;
        ds_job job;
        if (ds_store_job_get(st, job_id, &job) != DS_OK)
            continue;
        if (job.state != DS_JOB_DONE && job.state != DS_JOB_FAILED)
            continue;
        char *text = NULL;
        size_t len = 0;
        ds_error err = ds_store_report_get(st, job_id, &text, &len);
        if (err != DS_OK && err != DS_ERR_NO_RECORD)
            continue;
        const char *sub = job.state == DS_JOB_DONE ? "done" : "failed";
        char src[PATH_CAP + 256], dst[PATH_CAP + 256], rep[PATH_CAP + 272];
        snprintf(src, sizeof src, "%s/%s", wd, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s/%lld-%s", hf->path, sub, job_id, name);
        snprintf(rep, sizeof rep, "%s.report.json", dst);
        int ok = 0;
        if (text) {
            json_t *o = json_loadb(text, len, 0, NULL);
            const char *code = json_string_value(json_object_get(json_object_get(o, "error"), "code"));
            if (code) /* a file that could not be read: its reason, never its name */
                ds_log(DS_LOG_WARN, "hotfolder", "station %s: job %lld: not read: %s", hf->station,
                       job_id, code);
            char *pretty = o ? json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) : NULL;
            json_decref(o);
            ok = write_atomic(rep, pretty ? pretty : text, pretty ? strlen(pretty) : len);
            free(pretty);
            free(text);
        }
        if (ok == 0 && rename(src, dst) == 0) {
            char dd[PATH_CAP];
            snprintf(dd, sizeof dd, "%s/%s", hf->path, sub);
            fsync_dir(dd);
            ds_log(DS_LOG_DEBUG, "hotfolder", "station %s: job %lld moved to %s", hf->station,
                   job_id, sub);
        }
    }
    closedir(dh);
}

/*
 * Removes from dir the copies the store has let go of: with forgotten, a
 * file JOB-NAME or JOB--NAME (reports JOB-NAME.report.json included) whose
 * job belonged to a deleted case (ds_store_job_forgotten); with cutoff > 0,
 * any regular file that arrived in dir (its ctime, which the move into dir
 * set) before cutoff. Returns the number of files removed.
 */
static int sweep_dir(ds_store *st, const char *dir, bool forgotten, time_t cutoff)
{
    DIR *dh = opendir(dir);
    int n = 0;
    struct dirent *e;
    if (!dh)
        return 0;
    while ((e = readdir(dh))) {
        char p[PATH_CAP + 256];
        struct stat sb;
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        bool drop = cutoff > 0 && sb.st_ctime < cutoff;
        char *end = NULL;
        long long job = strtoll(e->d_name, &end, 10);
        if (!drop && forgotten && job > 0 && end && *end == '-') {
            bool f = false;
            drop = ds_store_job_forgotten(st, job, &f) == DS_OK && f;
        }
        if (drop && unlink(p) == 0)
            n++;
    }
    closedir(dh);
    return n;
}

/* The retention of a hot folder's copies (docs/daemon.md, *Audit and
 * retention*): done/ and failed/ past retention_days, and every copy of a
 * deleted case's jobs, also one still waiting in WORK_DIR. */
static void sweep(ds_store *st, const ds_conf *conf, bool forgotten)
{
    time_t cutoff = conf->retention_days > 0
                        ? time(NULL) - (time_t)conf->retention_days * 86400
                        : 0;
    for (int i = 0; i < conf->hotfolder_count; i++) {
        const ds_conf_hotfolder *hf = &conf->hotfolder[i];
        char dir[PATH_CAP];
        int n = 0;
        snprintf(dir, sizeof dir, "%s/done", hf->path);
        n += sweep_dir(st, dir, forgotten, cutoff);
        snprintf(dir, sizeof dir, "%s/failed", hf->path);
        n += sweep_dir(st, dir, forgotten, cutoff);
        snprintf(dir, sizeof dir, "%s/" WORK_DIR, hf->path);
        n += sweep_dir(st, dir, forgotten, 0);
        if (n > 0)
            ds_log(DS_LOG_INFO, "hotfolder",
                   "station %s: removed %d file(s) of deleted cases or past retention",
                   hf->station, n);
    }
}

/* How often done/ and failed/ are checked against retention_days. */
#define SWEEP_INTERVAL_S 60

static void *hotfolder_main(void *arg)
{
    ds_daemon_ctx *d = ((ds_hotfolder *)arg)->d;
    ds_conf *conf = malloc(sizeof *conf);
    seen_table *seen = calloc(1, sizeof *seen);
    ds_store *st = ds_daemon_store_get(d);
    if (!conf || !seen || !st) {
        free(conf);
        free(seen);
        ds_daemon_store_put(d, st);
        return NULL;
    }
    time_t next_sweep = 0;     /* the first round sweeps, deleted cases included */
    bool first = true;
    while (!atomic_load(&d->stopping)) {
        ds_daemon_conf(d, conf);
        bool deleted = atomic_exchange(&d->hotfolder_sweep, 0) != 0;
        if (deleted || first || time(NULL) >= next_sweep) {
            sweep(st, conf, deleted || first);
            next_sweep = time(NULL) + SWEEP_INTERVAL_S;
            first = false;
        }
        for (int i = 0; i < conf->hotfolder_count && !atomic_load(&d->stopping); i++) {
            const ds_conf_hotfolder *hf = &conf->hotfolder[i];
            ensure_dirs(hf->path);
            finish(st, hf);
            const char *base = strrchr(hf->path, '/');
            base = base && base[1] ? base + 1 : hf->path;
            scan_dir(d, st, conf, seen, hf, hf->path, ".", base, 0);
            finish(st, hf);
        }
        seen_prune(seen);
        ds_daemon_nap(d, conf->hotfolder_interval_ms);
    }
    ds_daemon_store_put(d, st);
    free(conf);
    free(seen);
    return NULL;
}

ds_error ds_hotfolder_start(ds_hotfolder *h, ds_daemon_ctx *d)
{
    h->d = d;
    if (pthread_create(&h->thread, NULL, hotfolder_main, h) != 0)
        return DS_ERR_INTERNAL;
    h->started = true;
    return DS_OK;
}

void ds_hotfolder_join(ds_hotfolder *h)
{
    if (h->started)
        pthread_join(h->thread, NULL);
    h->started = false;
}
