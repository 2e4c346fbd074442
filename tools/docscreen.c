/*
 * docscreen: the command-line front end.
 *
 *   docscreen scan [--json] [--case CASE.json] [--annotate OUT.png]
 *                  [--today YYYY-MM-DD] [--trust-dir DIR]
 *                  [--no-barcodes] [--no-viz] [--mrz-only] FILE...
 *   docscreen scan --batch DIR [options]     (a folder: progress bar, summary table)
 *   docscreen submit --url URL --token TOKEN [--case ID] [--no-wait] FILE...
 *   docscreen flags [--json]                 (the flag registry)
 *
 * Exit codes are a contract: 0 nothing to review, 1 flagged for review,
 * 2 usage or input error (an input error on any file wins). With --json one
 * file prints one report object; several files print one report per line.
 * Without --json a short summary per page is printed. Errors go to stderr
 * and name the file, never its content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <openssl/evp.h>

#include <jansson.h>

#include "docscreen/docscreen.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: docscreen scan [--json] [--case CASE.json] [--annotate OUT.png]\n"
            "                      [--today YYYY-MM-DD] [--trust-dir DIR]\n"
            "                      [--no-barcodes] [--no-viz] [--mrz-only] [--no-support]\n"
            "                      [--ocr-langs eng+deu] [--statement-window DAYS] FILE...\n"
            "       docscreen scan --batch DIR [options]   (or a folder among the files)\n"
            "       docscreen submit --url URL --token TOKEN [--case ID] [--no-wait] FILE...\n"
            "       docscreen flags [--json]   (every flag code, its severity and meaning)\n"
            "       docscreen --version\n"
            "\n"
            "Reads the machine-readable zone of each scanned document (JPEG, PNG, TIFF, PDF;\n"
            "every page of a multi-page TIFF or PDF), checks it and prints a report.\n"
            "\n"
            "  --json          print the JSON report (one object per file; one per line for several)\n"
            "  --case FILE     compare each document with the applicant's case record (JSON)\n"
            "  --today DATE    screen as on DATE (YYYY-MM-DD) instead of the system date\n"
            "  --trust-dir DIR certificates of trusted digital-seal signers (PEM or DER)\n"
            "  --annotate OUT  write the page with the MRZ, the fields read and the flagged\n"
            "                  fields boxed (OUT-N.png per page of a multi-page file)\n"
            "  --no-barcodes   do not read barcodes and digital seals (faster)\n"
            "  --no-viz        do not read the printed data page (much faster)\n"
            "  --mrz-only      read and check the MRZ only: no VIZ, barcodes, forensics or\n"
            "                  supporting pages\n"
            "  --no-support    do not read pages without an MRZ as supporting documents\n"
            "  --fingerprints  write each page's perceptual hash (\"dhash\") in the report\n"
            "  --ocr-langs L   Tesseract languages for supporting pages (default eng;\n"
            "                  e.g. eng+deu+fra, each needs tesseract-ocr-XXX installed)\n"
            "  --statement-window DAYS  statements, bills and payslips older than DAYS\n"
            "                  before the application date are flagged (default 90)\n"
            "\n"
            "exit status: 0 nothing to review, 1 flagged for review, 2 usage or input error\n");
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* A supporting page: its kind, and the fields read from it with their
 * status against the case record (the report's documents[i].support). */
static void print_supporting(const char *path, const ds_report *r, int i, const ds_doc *d)
{
    char kind[sizeof d->page_class];
    snprintf(kind, sizeof kind, "%s", d->page_class);
    for (char *c = kind; *c; c++)
        if (*c == '_')
            *c = ' ';
    printf("%s page %d: %s (supporting document, no MRZ)\n", path, d->page, kind);
    char *text = NULL;
    if (ds_report_json(r, DS_JSON_COMPACT, &text) != DS_OK || !text)
        return;
    json_t *root = json_loads(text, 0, NULL);
    free(text);
    json_t *fields = json_object_get(
        json_object_get(json_array_get(json_object_get(root, "documents"), (size_t)i), "support"),
        "fields");
    size_t k;
    json_t *f;
    json_array_foreach(fields, k, f)
    {
        const char *status = str(f, "status");
        printf("    %-15s %s%s%s%s\n", str(f, "name"), str(f, "value"),
               *status && strcmp(status, "not_compared") != 0 ? " (" : "",
               strcmp(status, "not_compared") != 0 ? status : "",
               *status && strcmp(status, "not_compared") != 0 ? ")" : "");
    }
    json_decref(root);
}

static void print_summary(const char *path, const ds_report *r)
{
    if (ds_report_error(r) != DS_OK) {
        printf("%s: error: %s\n", path, ds_error_message(ds_report_error(r)));
        return;
    }
    for (int i = 0; i < ds_report_document_count(r); i++) {
        const ds_doc *d = ds_report_document(r, i);
        if (!d->has_mrz && d->page_class[0] && strcmp(d->page_class, "other") != 0 &&
            strcmp(d->page_class, "identity") != 0) {
            print_supporting(path, r, i, d);
            continue;
        }
        printf("%s page %d: %s", path, d->page, ds_doc_type_name(d->type));
        if (!d->has_mrz) {
            printf(", no MRZ found\n");
            continue;
        }
        const ds_mrz_result *m = &d->mrz;
        printf(", MRZ %s\n", m->parsed && m->valid ? "valid" : "NOT valid");
        for (int k = 0; k < m->nlines; k++)
            printf("    %s\n", m->lines[k]);
        if (m->parsed) {
            const ds_mrz_fields *f = &m->fields;
            printf("    %s, %s | %s %s | born %s | sex %s | expires %s | issued by %s\n",
                   f->surname, f->given_names, f->document_code, f->document_number,
                   f->birth_date, f->sex, f->expiry_date, f->issuing_state);
        }
    }
    for (int i = 0; i < ds_report_flag_count(r); i++) {
        const ds_flag *f = ds_report_flag(r, i);
        printf("  [%s] %s%s%s: %s", ds_severity_name(f->severity), ds_flag_name(f->code),
               f->field[0] ? " " : "", f->field, f->message);
        if (f->expected[0] || f->found[0])
            printf(" (expected %s, found %s)", f->expected, f->found);
        putchar('\n');
    }
    printf("  verdict: %s (%.0f ms)\n", ds_verdict_name(ds_report_verdict(r)),
           ds_report_timings(r)->total);
}

/* ------------------------------------------------------------------------
 * Batch mode (`docscreen scan --batch DIR`, or a folder among the files):
 * every regular file of the folder, sorted by name, with a progress bar on
 * stderr when it is a terminal and a summary table at the end. Exit codes
 * as for scan.
 */
static int is_directory(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a batch that were not screened: every one is listed with its
 * reason in the summary. */
typedef struct skipped {
    char **name;
    int n;
} skipped;

static void skip_file(skipped *sk, const char *path)
{
    char **nv = sk ? realloc(sk->name, (size_t)(sk->n + 1) * sizeof *nv) : NULL;
    if (!nv)
        return;
    sk->name = nv;
    if ((sk->name[sk->n] = strdup(path)))
        sk->n++;
}

/* The regular, non-hidden files of dir in a supported format (JPEG, PNG,
 * TIFF, PDF by content), sorted; *n entries (caller frees). Every other
 * regular file goes to sk. */
static char **list_folder(const char *dir, int *n, skipped *sk)
{
    *n = 0;
    DIR *dh = opendir(dir);
    if (!dh)
        return NULL;
    char **v = NULL;
    int cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && *n < 100000) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(len);
        if (!p)
            break;
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat st;
        uint8_t head[16];
        size_t got = 0;
        FILE *f = NULL;
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && (f = fopen(p, "rb"))) {
            got = fread(head, 1, sizeof head, f);
            fclose(f);
        }
        if (!f || !ds_sniff_format(head, got)) {
            /* not a supported format (a sidecar, a list): not screened, listed */
            if (S_ISREG(st.st_mode))
                skip_file(sk, p);
            free(p);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) {
                free(p);
                break;
            }
            v = nv;
        }
        v[(*n)++] = p;
    }
    closedir(dh);
    if (*n > 1)
        qsort(v, (size_t)*n, sizeof *v, name_cmp);
    return v;
}

static void progress(int done, int total, double t0)
{
    if (!isatty(2) || total == 0)
        return;
    int width = 30, fill = done * width / total;
    double el = (ds_now_ms() - t0) / 1000.0;
    double eta = done ? el / done * (total - done) : 0;
    fprintf(stderr, "\r[");
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %d/%d  %.0f s elapsed, ~%.0f s left ", done, total, el, eta);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* What `docscreen scan` was asked to do. */
typedef struct scan_args {
    ds_options opt;
    const char *annotate_path;
    int as_json;
    int batch;          /* --batch or a folder among the files: table output */
    char **files;       /* heap; folders expanded to their image files */
    int nfiles;
    skipped skip;       /* files of those folders in no supported format */
    const char *case_path;
    ds_case case_record;
} scan_args;

static void scan_args_free(scan_args *a)
{
    for (int i = 0; i < a->nfiles; i++)
        free(a->files[i]);
    free(a->files);
    for (int i = 0; i < a->skip.n; i++)
        free(a->skip.name[i]);
    free(a->skip.name);
}

static int add_file(scan_args *a, char *path /* taken */)
{
    char **nf = path ? realloc(a->files, (size_t)(a->nfiles + 1) * sizeof *nf) : NULL;
    if (!nf) {
        free(path);
        fprintf(stderr, "docscreen: out of memory\n");
        return 0;
    }
    a->files = nf;
    a->files[a->nfiles++] = path;
    return 1;
}

static int add_folder(scan_args *a, const char *dir)
{
    int k = 0;
    char **more = list_folder(dir, &k, &a->skip);
    if (!more && !is_directory(dir)) {
        fprintf(stderr, "docscreen: %s: not a readable folder\n", dir);
        return 0;
    }
    if (k == 0)
        fprintf(stderr, "docscreen: %s: no JPEG, PNG, TIFF or PDF file in this folder\n", dir);
    int ok = 1;
    for (int j = 0; j < k; j++)
        if (ok)
            ok = add_file(a, more[j]);
        else
            free(more[j]);
    free(more);
    a->batch = 1;
    return ok;
}

/* Parses the options of `scan`. Returns -1 to go on, else the exit status. */
static int parse_scan_args(int argc, char **argv, scan_args *a)
{
    const char *today = NULL;
    int files_only = 0;
    memset(a, 0, sizeof *a);
    ds_options_default(&a->opt);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (files_only || arg[0] != '-' || !arg[1]) {
            if (!(is_directory(arg) ? add_folder(a, arg) : add_file(a, strdup(arg))))
                return 2;
        } else if (strcmp(arg, "--") == 0) {
            files_only = 1;
        } else if (strcmp(arg, "--json") == 0) {
            a->as_json = 1;
        } else if (strcmp(arg, "--no-barcodes") == 0) {
            a->opt.barcodes = 0;
        } else if (strcmp(arg, "--no-viz") == 0) {
            a->opt.viz = 0;
        } else if (strcmp(arg, "--mrz-only") == 0) {
            a->opt.viz = a->opt.barcodes = a->opt.forensics = a->opt.support = 0;
        } else if (strcmp(arg, "--fingerprints") == 0) {
            a->opt.fingerprints = 1;
        } else if (strcmp(arg, "--no-support") == 0) {
            a->opt.support = 0;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(arg, "--case") == 0 || strcmp(arg, "--today") == 0 ||
                   strcmp(arg, "--trust-dir") == 0 || strcmp(arg, "--annotate") == 0 ||
                   strcmp(arg, "--batch") == 0 || strcmp(arg, "--ocr-langs") == 0 ||
                   strcmp(arg, "--statement-window") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "docscreen: %s needs a value\n", arg);
                usage(stderr);
                return 2;
            }
            const char *v = argv[++i];
            if (strcmp(arg, "--case") == 0)
                a->case_path = v;
            else if (strcmp(arg, "--today") == 0)
                today = v;
            else if (strcmp(arg, "--annotate") == 0)
                a->annotate_path = v;
            else if (strcmp(arg, "--trust-dir") == 0)
                a->opt.trust_dir = v;
            else if (strcmp(arg, "--ocr-langs") == 0)
                a->opt.ocr_langs = v;
            else if (strcmp(arg, "--statement-window") == 0) {
                char *end = NULL;
                long d = strtol(v, &end, 10);
                if (!*v || *end || d < 1 || d > 3660) {
                    fprintf(stderr, "docscreen: --statement-window needs a number of days "
                                    "from 1 to 3660\n");
                    return 2;
                }
                a->opt.statement_window_days = (int)d;
            }
            else if (!add_folder(a, v))
                return 2;
        } else {
            fprintf(stderr, "docscreen: unknown option '%s'\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (a->nfiles == 0) {
        if (!a->batch) {
            fprintf(stderr, "docscreen: no file to scan\n");
            usage(stderr);
        }
        return 2;
    }
    if (today) {
        if (!ds_date_valid(today)) {
            fprintf(stderr, "docscreen: --today needs a real date as YYYY-MM-DD\n");
            return 2;
        }
        snprintf(a->opt.today, sizeof a->opt.today, "%s", today);
    }
    if (a->case_path) {
        char msg[256] = "";
        ds_error cerr = ds_case_load(a->case_path, &a->case_record, msg, sizeof msg);
        if (cerr != DS_OK) {
            fprintf(stderr, "docscreen: case record %s: %s%s%s\n", a->case_path,
                    ds_error_message(cerr), msg[0] ? ": " : "", msg);
            return 2;
        }
    }
    return -1;
}

/* The flag codes of a report, comma separated, into out[cap]. */
static void flag_codes(const ds_report *r, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = 0;
    for (int k = 0; k < ds_report_flag_count(r); k++) {
        int w = snprintf(out + used, cap - used, "%s%s", used ? "," : "",
                         ds_flag_name(ds_report_flag(r, k)->code));
        if (w < 0 || (size_t)w >= cap - used) {
            out[used] = 0;
            break;
        }
        used += (size_t)w;
    }
}

static int cmd_scan(int argc, char **argv)
{
    scan_args a;
    int status = parse_scan_args(argc, argv, &a);
    if (status >= 0) {
        scan_args_free(&a);
        return status;
    }
    status = 0;
    ds_scanner *scanner = NULL;
    ds_error err = ds_scanner_create(&a.opt, &scanner);
    if (err != DS_OK) {
        fprintf(stderr, "docscreen: %s\n", ds_error_message(err));
        scan_args_free(&a);
        return 2;
    }
    typedef struct row {
        int pages;
        char verdict[16];
        char flags[160];
        ds_error err;
    } row;
    row *rows = a.batch ? calloc((size_t)a.nfiles, sizeof *rows) : NULL;
    int counts[3] = {0, 0, 0};
    double t0 = ds_now_ms();
    for (int i = 0; i < a.nfiles; i++) {
        const char *path = a.files[i];
        if (a.batch)
            progress(i, a.nfiles, t0);
        ds_report *report = NULL;
        ds_scan_params params = {NULL, a.case_path ? &a.case_record : NULL, a.annotate_path};
        err = ds_scan_file(scanner, path, &params, &report);
        const char *verdict = err == DS_OK && report ? ds_verdict_name(ds_report_verdict(report))
                                                     : "error";
        if (err != DS_OK) {
            if (!a.batch)
                fprintf(stderr, "docscreen: %s: %s\n", path, ds_error_message(err));
            status = 2;
        } else if (status < 2 && strcmp(verdict, "clear") != 0) {
            status = 1;
        }
        counts[!strcmp(verdict, "clear") ? 0 : !strcmp(verdict, "review") ? 1 : 2]++;
        if (rows) {
            snprintf(rows[i].verdict, sizeof rows[i].verdict, "%s", verdict);
            rows[i].pages = ds_report_document_count(report);
            rows[i].err = err;
            if (err != DS_OK && report) {
                rows[i].err = ds_report_error(report);
                snprintf(rows[i].flags, sizeof rows[i].flags, "%s",
                         ds_error_name(ds_report_error(report)));
            } else if (err != DS_OK)
                snprintf(rows[i].flags, sizeof rows[i].flags, "%s", ds_error_name(err));
            else if (report)
                flag_codes(report, rows[i].flags, sizeof rows[i].flags);
        }
        if (report && a.as_json) {
            char *text = NULL;
            if (ds_report_json(report, a.nfiles > 1 ? DS_JSON_COMPACT : DS_JSON_PRETTY, &text) ==
                DS_OK)
                puts(text);
            free(text);
        } else if (report && err == DS_OK && !a.batch) {
            print_summary(path, report);
        }
        ds_report_free(report);
        fflush(stdout);
    }
    if (a.batch)
        progress(a.nfiles, a.nfiles, t0);
    if (rows && !a.as_json) {
        size_t w = 4;
        for (int i = 0; i < a.nfiles; i++) {
            const char *b = strrchr(a.files[i], '/');
            b = b ? b + 1 : a.files[i];
            if (strlen(b) > w)
                w = strlen(b);
        }
        if (w > 48)
            w = 48;
        printf("%-*s  %5s  %-7s  %s\n", (int)w, "FILE", "PAGES", "VERDICT", "FLAGS");
        for (int i = 0; i < a.nfiles; i++) {
            const char *b = strrchr(a.files[i], '/');
            b = b ? b + 1 : a.files[i];
            printf("%-*.*s  %5d  %-7s  %s\n", (int)w, (int)w, b, rows[i].pages, rows[i].verdict,
                   rows[i].flags[0] ? rows[i].flags : "-");
        }
        printf("%d file(s): %d clear, %d review, %d error (%.1f s)\n", a.nfiles, counts[0],
               counts[1], counts[2], (ds_now_ms() - t0) / 1000.0);
    }
    /* Every file of the batch that was not screened, with its reason. */
    if (a.batch && (counts[2] > 0 || a.skip.n > 0)) {
        FILE *o = a.as_json ? stderr : stdout;
        fprintf(o, "not read: %d file(s)\n", counts[2] + a.skip.n);
        for (int i = 0; rows && i < a.nfiles; i++)
            if (!strcmp(rows[i].verdict, "error"))
                fprintf(o, "  %s: %s: %s\n", a.files[i], rows[i].flags,
                        ds_error_message(rows[i].err));
        for (int i = 0; i < a.skip.n; i++)
            fprintf(o, "  %s: %s\n", a.skip.name[i], ds_error_message(DS_ERR_FORMAT_UNKNOWN));
    }
    free(rows);
    ds_scanner_free(scanner);
    scan_args_free(&a);
    return status;
}
/* ------------------------------------------------------------------------
 * `docscreen submit`: sends files to a docscreend over HTTP(S) and, unless
 * --no-wait, waits for each job and prints its verdict and flag codes. The
 * Idempotency-Key of a file is the SHA-256 of its case id and bytes, so
 * submitting the same file again answers with the same job. Exit codes as
 * for scan (2 also for a refused submission or a daemon error).
 */
typedef struct http_buf {
    char *p;
    size_t len;
} http_buf;

static size_t http_sink(char *ptr, size_t size, size_t nmemb, void *ud)
{
    http_buf *b = ud;
    size_t n = size * nmemb;
    if (b->len + n > (16u << 20))
        return 0;
    char *np = realloc(b->p, b->len + n + 1);
    if (!np)
        return 0;
    memcpy(np + b->len, ptr, n);
    b->p = np;
    b->len += n;
    b->p[b->len] = 0;
    return n;
}

/* One request; *out gets the parsed JSON answer (or NULL). Returns the HTTP
 * status, or 0 with errbuf set when no answer arrived. */
static long http_call(const char *method, const char *url, const char *token, const char *idem,
                      const void *body, size_t len, json_t **out, char *errbuf)
{
    CURL *c = curl_easy_init();
    struct curl_slist *h = NULL;
    http_buf b = {0};
    long status = 0;
    char auth[600], key[128];
    *out = NULL;
    errbuf[0] = 0;
    if (!c)
        return 0;
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    h = curl_slist_append(h, auth);
    h = curl_slist_append(h, "Expect:");
    if (body)
        h = curl_slist_append(h, "Content-Type: application/octet-stream");
    if (idem) {
        snprintf(key, sizeof key, "Idempotency-Key: %s", idem);
        h = curl_slist_append(h, key);
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, http_sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    }
    if (curl_easy_perform(c) == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (b.p)
            *out = json_loadb(b.p, b.len, 0, NULL);
    } else if (!errbuf[0]) {
        snprintf(errbuf, CURL_ERROR_SIZE, "no answer from the daemon");
    }
    free(b.p);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return status;
}

static const char *api_error(json_t *o)
{
    const char *m = json_string_value(json_object_get(json_object_get(o, "error"), "message"));
    return m ? m : "unexpected answer";
}

static void sha256_hex_of(const void *a, size_t alen, const void *b, size_t blen, char out[65])
{
    unsigned char md[32];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    EVP_DigestUpdate(ctx, a, alen);
    EVP_DigestUpdate(ctx, "\n", 1);
    EVP_DigestUpdate(ctx, b, blen);
    EVP_DigestFinal_ex(ctx, md, &mdlen);
    EVP_MD_CTX_free(ctx);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static int cmd_submit(int argc, char **argv)
{
    const char *url = NULL, *token = getenv("DOCSCREEN_TOKEN"), *case_id = NULL;
    int wait = 1, status = 0, nfiles = 0;
    long timeout_s = 600;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--no-wait")) {
            wait = 0;
        } else if (!strcmp(a, "--url") || !strcmp(a, "--token") || !strcmp(a, "--case") ||
                   !strcmp(a, "--timeout")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "docscreen: %s needs a value\n", a);
                return 2;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--url"))
                url = v;
            else if (!strcmp(a, "--token"))
                token = v;
            else if (!strcmp(a, "--case"))
                case_id = v;
            else
                timeout_s = atol(v);
            argv[i - 1] = argv[i] = (char *)"";
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "docscreen: unknown option '%s'\n", a);
            return 2;
        } else {
            nfiles++;
        }
    }
    if (!url || !token || !*token || nfiles == 0) {
        fprintf(stderr, "usage: docscreen submit --url URL --token TOKEN [--case ID] [--no-wait]\n"
                        "                        [--timeout SECONDS] FILE...\n"
                        "(the token may come from $DOCSCREEN_TOKEN)\n");
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return 2;
    size_t ulen = strlen(url);
    while (ulen && url[ulen - 1] == '/')
        ulen--;
    int64_t *jobs = calloc((size_t)argc + 1, sizeof *jobs);
    const char **names = calloc((size_t)argc + 1, sizeof *names);
    int njobs = 0;
    char errbuf[CURL_ERROR_SIZE + 1];
    for (int i = 0; i < argc && jobs && names; i++) {
        if (!argv[i][0] || (argv[i][0] == '-' && argv[i][1]))
            continue;
        const char *path = argv[i];
        uint8_t *data = NULL;
        size_t len = 0;
        ds_error err = ds_read_file(path, 256u << 20, &data, &len);
        if (err != DS_OK) {
            fprintf(stderr, "docscreen: %s: %s\n", path, ds_error_message(err));
            status = 2;
            continue;
        }
        char cid[160];
        if (case_id) {
            snprintf(cid, sizeof cid, "%s", case_id);
        } else { /* the parent folder's name, as for hot folders */
            char tmp[4096];
            snprintf(tmp, sizeof tmp, "%s", path);
            char *slash = strrchr(tmp, '/');
            if (slash)
                *slash = 0;
            const char *parent = slash ? strrchr(tmp, '/') : NULL;
            snprintf(cid, sizeof cid, "%.128s", slash ? (parent ? parent + 1 : tmp) : "cli");
            if (!strcmp(cid, ".") || !strcmp(cid, "..") || !cid[0])
                snprintf(cid, sizeof cid, "cli");
        }
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        CURL *esc = curl_easy_init();
        char *ecase = esc ? curl_easy_escape(esc, cid, 0) : NULL;
        char *ename = esc ? curl_easy_escape(esc, base, 0) : NULL;
        char key[65];
        sha256_hex_of(cid, strlen(cid), data, len, key);
        size_t need = ulen + strlen(ecase ? ecase : "") + strlen(ename ? ename : "") + 64;
        char *full = malloc(need);
        json_t *ans = NULL;
        long code = 0;
        if (full && ecase && ename) {
            snprintf(full, need, "%.*s/v1/cases/%s/documents?filename=%s", (int)ulen, url, ecase,
                     ename);
            code = http_call("POST", full, token, key, data, len, &ans, errbuf);
        }
        free(full);
        curl_free(ecase);
        curl_free(ename);
        curl_easy_cleanup(esc);
        free(data);
        if (code == 202) {
            int64_t job = (int64_t)json_integer_value(json_object_get(ans, "job_id"));
            printf("%s: job %lld %s\n", path, (long long)job,
                   json_is_true(json_object_get(ans, "replayed")) ? "(submitted before)" : "queued");
            jobs[njobs] = job;
            names[njobs++] = path;
        } else {
            fprintf(stderr, "docscreen: %s: %s\n", path,
                    code ? api_error(ans) : errbuf);
            status = 2;
        }
        json_decref(ans);
        fflush(stdout);
    }
    if (wait) {
        double deadline = ds_now_ms() + (double)timeout_s * 1000.0;
        for (int j = 0; j < njobs; j++) {
            char full[4200];
            snprintf(full, sizeof full, "%.*s/v1/jobs/%lld", (int)ulen, url, (long long)jobs[j]);
            int delay_ms = 100;
            for (;;) {
                json_t *ans = NULL;
                long code = http_call("GET", full, token, NULL, NULL, 0, &ans, errbuf);
                const char *state = json_string_value(json_object_get(ans, "state"));
                if (code == 200 && state && (!strcmp(state, "done") || !strcmp(state, "failed"))) {
                    const char *verdict = json_string_value(json_object_get(ans, "verdict"));
                    printf("%s: job %lld %s, verdict %s", names[j], (long long)jobs[j], state,
                           verdict ? verdict : "?");
                    size_t k;
                    json_t *f;
                    json_array_foreach(json_object_get(ans, "flags"), k, f)
                        printf("%s%s", k ? ", " : ": ", str(f, "code"));
                    putchar('\n');
                    if (!strcmp(state, "failed") || !verdict || !strcmp(verdict, "error"))
                        status = 2;
                    else if (status < 2 && strcmp(verdict, "clear") != 0)
                        status = 1;
                    json_decref(ans);
                    break;
                }
                if (code != 200 || ds_now_ms() > deadline) {
                    fprintf(stderr, "docscreen: %s: job %lld: %s\n", names[j], (long long)jobs[j],
                            code == 200 ? "timed out waiting for the report"
                            : code     ? api_error(ans)
                                       : errbuf);
                    json_decref(ans);
                    status = 2;
                    break;
                }
                json_decref(ans);
                struct timespec ts = {delay_ms / 1000, (delay_ms % 1000) * 1000000L};
                nanosleep(&ts, NULL);
                if (delay_ms < 2000)
                    delay_ms *= 2;
            }
            fflush(stdout);
        }
    }
    free(jobs);
    free(names);
    curl_global_cleanup();
    return status;
}

/* `docscreen flags`: the registry of flag codes, as a table or as JSON (an
 * array of {code, severity, source, meaning}) for scripts and benches. */
static int cmd_flags(int argc, char **argv)
{
    int as_json = argc == 1 && strcmp(argv[0], "--json") == 0;
    if (argc > 1 || (argc == 1 && !as_json)) {
        usage(stderr);
        return 2;
    }
    json_t *arr = json_array();
    for (int i = 0; i < DS_FLAG_COUNT_; i++) {
        ds_flag_code c = (ds_flag_code)i;
        if (as_json)
            json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s}", "code", ds_flag_name(c),
                                                 "severity", ds_severity_name(ds_flag_severity(c)),
                                                 "source", ds_flag_source(c), "meaning",
                                                 ds_flag_meaning(c)));
        else
            printf("%-30s %-8s %-8s %s\n", ds_flag_name(c), ds_severity_name(ds_flag_severity(c)),
                   ds_flag_source(c), ds_flag_meaning(c));
    }
    if (as_json) {
        char *text = json_dumps(arr, JSON_INDENT(2));
        if (!text) {
            json_decref(arr);
            return 2;
        }
        puts(text);
        free(text);
    }
    json_decref(arr);
    return 0;
}

int main(int argc, char **argv)
{
    ds_limit_omp_threads(argv);
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("docscreen %s\n", ds_version());
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "submit") == 0)
        return cmd_submit(argc - 2, argv + 2);
    if (strcmp(argv[1], "scan") == 0)
        return cmd_scan(argc - 2, argv + 2);
    if (strcmp(argv[1], "flags") == 0)
        return cmd_flags(argc - 2, argv + 2);
    fprintf(stderr, "docscreen: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
