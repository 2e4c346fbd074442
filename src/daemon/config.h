/*
 * config: the daemon's configuration, from a `key = value` file plus
 * command-line overrides (`--set key=value`), every key with a default.
 *
 * Syntax: one `key = value` a line; `#` or `;` starts a comment line;
 * blank lines are skipped; whitespace around key and value is dropped; a
 * value may be wrapped in double quotes. Unknown keys are an error (a typo
 * must not silently fall back to a default). The keys and their defaults
 * are listed in docs/daemon.md and by `docscreend --help-config`.
 * Parsing allocates nothing and never logs a value (a value may be a
 * secret); messages name the line and the key.
 */
#ifndef DS_DAEMON_CONFIG_H
#define DS_DAEMON_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "docscreen/docscreen.h"

#define DS_CONF_PATH_MAX 1024
#define DS_CONF_NAME_MAX 64
#define DS_CONF_SECRET_MAX 256
#define DS_CONF_URL_MAX 2048
#define DS_CONF_HOTFOLDERS_MAX 32
#define DS_CONF_WEBHOOKS_MAX 16
#define DS_CONF_LINE_MAX 4096
#define DS_CONF_FILE_MAX (256 * 1024)
#define DS_CONF_MSG_MAX 256

typedef enum ds_log_level { DS_LOG_ERROR = 0, DS_LOG_WARN, DS_LOG_INFO, DS_LOG_DEBUG } ds_log_level;

typedef struct ds_conf_hotfolder {
    char station[DS_CONF_NAME_MAX + 1];
    char path[DS_CONF_PATH_MAX + 1];
} ds_conf_hotfolder;

typedef struct ds_conf_webhook {
    char name[DS_CONF_NAME_MAX + 1];
    char url[DS_CONF_URL_MAX + 1];
    char secret[DS_CONF_SECRET_MAX + 1];
} ds_conf_webhook;

typedef struct ds_conf {
    /* network */
    char listen_address[64];   /* listen = ADDRESS:PORT */
    int port;
    char tls_cert[DS_CONF_PATH_MAX + 1];
    char tls_key[DS_CONF_PATH_MAX + 1];
    int max_connections;
    int max_connections_per_ip;
    int request_timeout_s;
    int request_deadline_s;
    int http_threads;
    int64_t max_upload_bytes;
    int64_t max_inflight_body_bytes;
    bool metrics_public;
    /* store and work */
    char store[DS_CONF_PATH_MAX + 1];
    char blob_dir[DS_CONF_PATH_MAX + 1];
    char tmp_dir[DS_CONF_PATH_MAX + 1];
    int workers;               /* 0: one per core */
    int64_t max_pixels;
    int max_pages;
    int64_t max_total_pixels;
    int max_decode_s;
    char trust_dir[DS_CONF_PATH_MAX + 1];
    bool barcodes;
    bool viz;
    bool forensics;
    bool support;              /* supporting pages read and checked */
    char ocr_langs[64];        /* Tesseract languages for supporting pages */
    int statement_window_days;
    char today[11];            /* "" : the clock */
    int duplicate_image_distance;
    int shutdown_grace_s;
    int job_timeout_s;      /* a claim's deadline (store.h ds_store_job_claim_for) */
    /* access */
    char admin_token[DS_CONF_SECRET_MAX + 1];
    char admin_token_name[DS_CONF_NAME_MAX + 1];
    /* housekeeping */
    int retention_days;        /* 0: keep forever */
    int retention_interval_s;
    ds_log_level log_level;
    /* hot folders */
    int hotfolder_count;
    ds_conf_hotfolder hotfolder[DS_CONF_HOTFOLDERS_MAX];
    int hotfolder_interval_ms;
    bool hotfolder_require_ready;
    int hotfolder_stable_ms;   /* a file is taken once its size and mtime held this long */
    /* webhooks */
    int webhook_count;
    ds_conf_webhook webhook[DS_CONF_WEBHOOKS_MAX];
    int webhook_timeout_ms;
    int webhook_max_attempts;
    int webhook_lease_s;
    bool webhook_allow_internal; /* webhooks may reach loopback, link-local, metadata */
} ds_conf;

void ds_conf_default(ds_conf *c /* OUT */);

/* Applies one `key = value` setting (also the form of `--set`). On an
 * error msg names the key, never the value. */
ds_error ds_conf_set(ds_conf *c, const char *key, const char *value, char *msg, size_t msg_cap);

/* Applies every line of text[0..len) (a configuration file's bytes, at
 * most DS_CONF_FILE_MAX, lines of at most DS_CONF_LINE_MAX bytes, no NUL
 * byte), in order, onto *c; stops at the first bad line, whose number msg
 * names. Settings before it stay applied. */
ds_error ds_conf_parse(ds_conf *c, const char *text, size_t len, char *msg, size_t msg_cap);

/* Reads the file at path and applies every line, in order, onto *c. */
ds_error ds_conf_load(ds_conf *c, const char *path, char *msg, size_t msg_cap);

/* Checks what the settings say together (a webhook with a URL and a
 * secret, TLS cert and key both or neither, hot folders that are
 * directories, ...). */
ds_error ds_conf_validate(const ds_conf *c, char *msg, size_t msg_cap);

/* Prints the effective configuration, secrets replaced by "(set)". */
void ds_conf_print(const ds_conf *c, void *file /* FILE* */);

/* Prints every key with its default and one line of meaning. */
void ds_conf_print_help(void *file /* FILE* */);

const char *ds_log_level_name(ds_log_level l);

#endif
