/*
 * docscreend: the screening service.
 *
 *   docscreend [--config FILE] [--set KEY=VALUE]... [--listen ADDR:PORT]
 *              [--store URL] [--workers N]
 *   docscreend --check-config [...]        validate and print the effective settings
 *   docscreend --help-config               every key with its default
 *   docscreend --create-token NAME ROLE    create a token and print it once
 *   docscreend --import-lost FILE.csv [--source NAME]
 *   docscreend --verify-audit              walk the audit chain
 *   docscreend --purge                     run the retention purge once
 *   docscreend --migrate                   create or upgrade the store's schema and exit
 *
 * Exit status: 0 success, 1 runtime failure (store, bind, a broken audit
 * chain), 2 usage or configuration error. The daemon logs to stderr, ids
 * only. Options that take the store open it, do their one job and exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "daemon/daemon.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: docscreend [--config FILE] [--set KEY=VALUE]... [--listen ADDR:PORT]\n"
            "                  [--store URL] [--workers N] [--log-level LEVEL]\n"
            "       docscreend [options] --check-config\n"
            "       docscreend --help-config\n"
            "       docscreend [options] --create-token NAME station|hook|officer|admin\n"
            "       docscreend [options] --import-lost FILE.csv [--source NAME]\n"
            "       docscreend [options] --verify-audit\n"
            "       docscreend [options] --purge\n"
            "       docscreend [options] --migrate\n"
            "       docscreend --version\n"
            "\n"
            "The document screening service: HTTP API, durable job queue, hot folders and\n"
            "signed webhooks (docs/daemon.md). SIGTERM stops gracefully, SIGHUP reloads.\n");
}

static ds_store *open_store(const ds_conf *c)
{
    ds_store *s = NULL;
    char msg[256];
    if (ds_conf_open_store(c, &s, msg, sizeof msg) != DS_OK) {
        fprintf(stderr, "docscreend: cannot open the store: %s\n", msg);
        return NULL;
    }
    return s;
}

static int create_token(const ds_conf *c, const char *name, const char *rolename)
{
    ds_role role;
    if (!ds_role_parse(rolename, &role)) {
        fprintf(stderr, "docscreend: the role must be station, hook, officer or admin\n");
        return 2;
    }
    size_t n = strlen(name);
    if (n == 0 || n > 64 || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:") != n) {
        fprintf(stderr, "docscreend: the name must be 1-64 letters, digits, '.', '_', '-' or ':'\n");
        return 2;
    }
    ds_store *s = open_store(c);
    if (!s)
        return 1;
    char tok[69];
    ds_error err = ds_token_generate(tok);
    if (err == DS_OK)
        err = ds_store_token_create(s, tok, role, name, NULL);
    if (err == DS_OK) {
        char obj[80];
        snprintf(obj, sizeof obj, "token:%s", name);
        ds_store_audit_append(s, "cli", "token.create", obj, NULL);
        printf("%s\n", tok);
        fprintf(stderr, "docscreend: token '%s' (%s) created; it is shown only this once\n", name,
                ds_role_name(role));
    } else if (err == DS_ERR_CONFLICT) {
        fprintf(stderr, "docscreend: a token named '%s' exists\n", name);
    } else {
        fprintf(stderr, "docscreend: %s: %s\n", ds_error_message(err), ds_store_errmsg(s));
    }
    memset(tok, 0, sizeof tok);
    ds_store_close(s);
    return err == DS_OK ? 0 : err == DS_ERR_CONFLICT ? 2 : 1;
}

static int import_lost(const ds_conf *c, const char *path, const char *source)
{
    ds_store *s = open_store(c);
    if (!s)
        return 1;
    ds_lost_import_stats st;
    ds_error err = ds_store_lost_import_file(s, path, source, &st);
    if (err != DS_OK) {
        fprintf(stderr, "docscreend: import failed: %s %s\n", ds_error_message(err),
                err == DS_ERR_STORE ? ds_store_errmsg(s) : "");
        ds_store_close(s);
        return err == DS_ERR_STORE ? 1 : 2;
    }
    ds_store_audit_append(s, "cli", "lost.import", "", NULL);
    printf("lines %lld, imported %lld, malformed %lld", (long long)st.lines,
           (long long)st.imported, (long long)st.malformed);
    if (st.first_malformed_line)
        printf(" (first at line %lld)", (long long)st.first_malformed_line);
    printf("%s\n", st.truncated ? ", TRUNCATED" : "");
    ds_store_close(s);
    return 0;
}

static int verify_audit(const ds_conf *c)
{
    ds_store *s = open_store(c);
    if (!s)
        return 1;
    int64_t checked = 0, bad = 0;
    ds_error err = ds_store_audit_verify(s, &checked, &bad);
    bool ok = false;
    char msg[256] = "";
    ds_error ierr = ds_store_check_integrity(s, &ok, msg, sizeof msg);
    ds_store_close(s);
    if (err != DS_OK) {
        fprintf(stderr, "docscreend: audit verification failed: %s\n", ds_error_message(err));
        return 1;
    }
    if (bad) {
        printf("audit log BROKEN at entry %lld (%lld entries read)\n", (long long)bad,
               (long long)checked);
        return 1;
    }
    printf("audit log intact: %lld entries\n", (long long)checked);
    printf("store integrity: %s\n", ierr == DS_OK ? msg : ds_error_message(ierr));
    return ierr == DS_OK && ok ? 0 : 1;
}

static int purge(const ds_conf *c)
{
    if (c->retention_days <= 0) {
        fprintf(stderr, "docscreend: retention_days is 0 (keep forever); nothing to purge\n");
        return 0;
    }
    ds_store *s = open_store(c);
    if (!s)
        return 1;
    ds_purge_stats ps;
    ds_error err = ds_store_purge(s, c->retention_days, "cli", &ps);
    ds_store_close(s);
    if (err != DS_OK) {
        fprintf(stderr, "docscreend: purge failed: %s\n", ds_error_message(err));
        return 1;
    }
    printf("purged %lld document file(s), %lld blob(s), %lld report(s)\n", (long long)ps.documents,
           (long long)ps.blobs, (long long)ps.reports);
    return 0;
}

/* Opening a store creates or upgrades its schema (PostgreSQL: under an
 * advisory lock, so nodes starting at once do not race); --migrate does
 * only that, for a deployment step before the nodes start. */
static int migrate(const ds_conf *c)
{
    ds_store *s = open_store(c);
    if (!s)
        return 1;
    int v = 0;
    ds_error err = ds_store_schema_version(s, &v);
    if (err == DS_OK)
        printf("store schema: version %d (%s)\n", v, ds_store_backend(s));
    else
        fprintf(stderr, "docscreend: %s: %s\n", ds_error_message(err), ds_store_errmsg(s));
    ds_store_close(s);
    return err == DS_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    static ds_daemon d; /* large; zero-initialised */
    /* Everything the service creates (the store and its WAL, blobs, hot-
     * folder reports, the port file, scratch folders) holds document data
     * or secrets: files 0600 and directories 0700, whatever the caller's
     * umask. */
    umask(0077);
    ds_limit_omp_threads(argv);
    enum { RUN, CHECK, TOKEN, LOST, AUDIT, PURGE, MIGRATE } mode = RUN;
    const char *a1 = NULL, *a2 = NULL, *source = NULL;
    static char keybuf[DS_DAEMON_OVERRIDES_MAX][DS_CONF_LINE_MAX];

    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *shortcut = NULL;
        if (!strcmp(o, "--version")) {
            printf("docscreend %s\n", ds_version());
            return 0;
        } else if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(o, "--help-config")) {
            ds_conf_print_help(stdout);
            return 0;
        } else if (!strcmp(o, "--check-config")) {
            mode = CHECK;
            continue;
        } else if (!strcmp(o, "--verify-audit")) {
            mode = AUDIT;
            continue;
        } else if (!strcmp(o, "--purge")) {
            mode = PURGE;
            continue;
        } else if (!strcmp(o, "--migrate")) {
            mode = MIGRATE;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "docscreend: %s needs a value (or is unknown)\n", o);
            usage(stderr);
            return 2;
        }
        if (!strcmp(o, "--config")) {
            snprintf(d.config_path, sizeof d.config_path, "%s", argv[++i]);
        } else if (!strcmp(o, "--create-token")) {
            if (i + 2 >= argc) {
                fprintf(stderr, "docscreend: --create-token needs NAME and ROLE\n");
                return 2;
            }
            mode = TOKEN;
            a1 = argv[++i];
            a2 = argv[++i];
        } else if (!strcmp(o, "--import-lost")) {
            mode = LOST;
            a1 = argv[++i];
        } else if (!strcmp(o, "--source")) {
            source = argv[++i];
        } else if (!strcmp(o, "--set") || (shortcut = !strcmp(o, "--listen") ? "listen"
                                                     : !strcmp(o, "--store") ? "store"
                                                     : !strcmp(o, "--workers") ? "workers"
                                                     : !strcmp(o, "--log-level") ? "log_level"
                                                                                  : NULL)) {
            if (d.override_count == DS_DAEMON_OVERRIDES_MAX) {
                fprintf(stderr, "docscreend: too many overrides\n");
                return 2;
            }
            const char *v = argv[++i];
            char *buf = keybuf[d.override_count];
            if (shortcut) {
                snprintf(buf, DS_CONF_LINE_MAX, "%s", shortcut);
                d.override_val[d.override_count] = v;
            } else {
                const char *eq = strchr(v, '=');
                if (!eq || eq == v || (size_t)(eq - v) >= DS_CONF_LINE_MAX) {
                    fprintf(stderr, "docscreend: --set needs KEY=VALUE\n");
                    return 2;
                }
                memcpy(buf, v, (size_t)(eq - v));
                buf[eq - v] = 0;
                d.override_val[d.override_count] = eq + 1;
            }
            d.override_key[d.override_count] = buf;
            d.override_count++;
        } else {
            fprintf(stderr, "docscreend: unknown option '%s'\n", o);
            usage(stderr);
            return 2;
        }
    }
    char msg[DS_CONF_MSG_MAX] = "";
    ds_error err = ds_daemon_load_conf(&d, &d.ctx.conf, msg, sizeof msg);
    if (err != DS_OK) {
        fprintf(stderr, "docscreend: configuration: %s\n", msg[0] ? msg : ds_error_message(err));
        return 2;
    }
    switch (mode) {
    case CHECK:
        ds_conf_print(&d.ctx.conf, stdout);
        printf("# configuration ok\n");
        return 0;
    case TOKEN:
        return create_token(&d.ctx.conf, a1, a2);
    case LOST:
        return import_lost(&d.ctx.conf, a1, source);
    case AUDIT:
        return verify_audit(&d.ctx.conf);
    case PURGE:
        return purge(&d.ctx.conf);
    case MIGRATE:
        return migrate(&d.ctx.conf);
    case RUN:
        break;
    }
    return ds_daemon_run(&d);
}
