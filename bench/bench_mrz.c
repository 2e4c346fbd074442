/*
 * ds_bench_mrz: runs the docscreen pipeline (ds_scan_file) over a list of
 * files and prints, per file, what the benchmark scores: the MRZ lines read,
 * the decoded fields, whether every check digit holds, and the wall time.
 * With --decode-only it times ds_decode_file alone on the same files, the
 * floor any reader pays before recognising anything.
 *
 * Usage: ds_bench_mrz [--decode-only] [--list FILE]... [FILE]...
 * Output: one JSON object per page of each file, then a summary with the peak RSS of this
 * process (see bench_util.h). One scanner is created once and reused.
 * It never changes what the pipeline does; it only observes it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docscreen/docscreen.h"
#include "bench_util.h"

/* The document of the report for page p, or NULL. */
static json_t *page_doc(json_t *report, int p)
{
    json_t *docs = json_object_get(report, "documents");
    size_t i;
    json_t *doc;
    json_array_foreach(docs, i, doc) {
        if (json_integer_value(json_object_get(doc, "page")) == p)
            return doc;
    }
    return NULL;
}

/*
 * Emits one record per page of the file (a file that failed before its pages
 * were known gets one record, page 0). The file's wall and CPU time are shared
 * evenly among its pages as "ms" and "cpu_ms"; "file_ms" keeps the whole.
 */
static void scan_one(ds_scanner *s, const char *path)
{
    ds_report *rep = NULL;
    json_t *report = NULL;
    double c0 = bench_cpu_ms(), t0 = ds_now_ms();
    ds_error err = ds_scan_file(s, path, NULL, &rep);
    char *text = NULL;
    /* The records below are taken from the report's JSON, as a caller of
     * the service would read it. */
    if (rep && ds_report_json(rep, DS_JSON_COMPACT, &text) == DS_OK)
        report = json_loads(text, 0, NULL);
    free(text);
    ds_report_free(rep);
    double file_ms = ds_now_ms() - t0, file_cpu_ms = bench_cpu_ms() - c0;
    json_int_t npages = report ? json_integer_value(json_object_get(report, "pages")) : 0;
    int pages = npages > 0 && npages < 100000 ? (int)npages : 1;
    for (int p = 0; p < pages; p++) {
        json_t *r = json_pack("{s:s,s:i,s:s,s:s,s:f,s:f,s:f}", "file", path, "page", p, "engine",
                              "docscreen", "status", ds_error_name(err), "ms", file_ms / pages,
                              "cpu_ms", file_cpu_ms / pages, "file_ms", file_ms);
        if (!r)
            break;
        json_t *doc = report ? page_doc(report, p) : NULL;
        json_t *mrz = doc ? json_object_get(doc, "mrz") : NULL;
        if (!json_is_object(mrz))
            mrz = NULL;
        json_t *lines = mrz ? json_object_get(mrz, "lines") : NULL;
        bool found = json_is_array(lines) && json_array_size(lines) > 0;
        json_object_set_new(r, "found", json_boolean(found));
        json_object_set_new(r, "lines", found ? json_deep_copy(lines) : json_array());
        json_object_set_new(r, "valid", json_boolean(mrz && json_is_true(json_object_get(mrz, "valid"))));
        static const char *const copy_mrz[] = {"fields", "checks", "confidence", "repairs"};
        for (size_t k = 0; mrz && k < sizeof copy_mrz / sizeof copy_mrz[0]; k++) {
            json_t *v = json_object_get(mrz, copy_mrz[k]);
            if (v)
                json_object_set_new(r, copy_mrz[k], json_deep_copy(v));
        }
        if (doc && json_object_get(doc, "type"))
            json_object_set_new(r, "type", json_deep_copy(json_object_get(doc, "type")));
        if (report && json_object_get(report, "timing_ms"))
            json_object_set_new(r, "timing_ms", json_deep_copy(json_object_get(report, "timing_ms")));
        bench_emit(r);
    }
    json_decref(report);
}

/* One record per page, as scan_one: the file's decode time shared evenly. */
static void decode_one(const ds_limits *lim, const char *path)
{
    uint8_t *data = NULL;
    size_t len = 0;
    int count = 0;
    double c0 = bench_cpu_ms(), t0 = ds_now_ms();
    ds_error err = ds_read_file(path, lim->max_file_bytes, &data, &len);
    if (err == DS_OK)
        err = ds_decode_pages(data, len, lim, &count);
    double file_ms = ds_now_ms() - t0, file_cpu_ms = bench_cpu_ms() - c0;
    free(data);
    int n = err == DS_OK && count > 0 ? count : 1;
    for (int p = 0; p < n; p++) {
        json_t *r = json_pack("{s:s,s:i,s:s,s:s,s:f,s:f,s:f}", "file", path, "page", p, "engine",
                              "decode", "status", ds_error_name(err), "ms", file_ms / n,
                              "cpu_ms", file_cpu_ms / n, "file_ms", file_ms);
        if (r)
            bench_emit(r);
    }
}

int main(int argc, char **argv)
{
    int rc = 2;
    bool decode_only = false;
    bench_files files = {0, NULL};
    ds_scanner *scanner = NULL;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--decode-only") == 0) {
            decode_only = true;
        } else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc) {
            if (bench_files_add_list(&files, argv[++i]) != 0) {
                fprintf(stderr, "ds_bench_mrz: cannot read list %s\n", argv[i]);
                goto out;
            }
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: ds_bench_mrz [--decode-only] [--list FILE]... [FILE]...\n");
            goto out;
        } else if (bench_files_add(&files, argv[i]) != 0) {
            goto out;
        }
    }

    double init_ms = 0;
    if (decode_only) {
        ds_limits lim;
        ds_limits_default(&lim);
        for (int i = 0; i < files.count; i++)
            decode_one(&lim, files.path[i]);
        bench_emit_summary("decode", files.count, init_ms);
        rc = 0;
        goto out;
    }

    ds_options opt;
    ds_options_default(&opt);
    /* The MRZ path only (decode to parsed fields): the printed data page,
     * barcodes and forensics are measured by bench/recall.sh and
     * bench/barcodes.sh. */
    opt.barcodes = 0;
    opt.viz = 0;
    opt.forensics = 0;
    double t0 = ds_now_ms();
    ds_error err = ds_scanner_create(&opt, &scanner);
    init_ms = ds_now_ms() - t0;
    if (err != DS_OK) {
        fprintf(stderr, "ds_bench_mrz: cannot create the scanner: %s\n", ds_error_message(err));
        goto out;
    }
    for (int i = 0; i < files.count; i++) {
        scan_one(scanner, files.path[i]);
        fflush(stdout);
    }
    bench_emit_summary("docscreen", files.count, init_ms);
    rc = 0;
out:
    ds_scanner_free(scanner);
    bench_files_free(&files);
    return rc;
}
