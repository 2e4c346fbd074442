/*
 * docscreen: the command-line front end.
 *
 *   docscreen scan [--json] [--case CASE.json] [--today YYYY-MM-DD]
 *                  [--trust-dir DIR] [--no-barcodes] FILE...
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

#include "app/scan.h"
#include "check/case.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: docscreen scan [--json] [--case CASE.json] [--today YYYY-MM-DD]\n"
            "                      [--trust-dir DIR] [--no-barcodes] FILE...\n"
            "       docscreen --version\n"
            "\n"
            "Reads the machine-readable zone of each scanned document (JPEG, PNG, TIFF;\n"
            "every page of a multi-page TIFF), checks it and prints a report.\n"
            "\n"
            "  --json          print the JSON report (one object per file; one per line for several)\n"
            "  --case FILE     compare each document with the applicant's case record (JSON)\n"
            "  --today DATE    screen as on DATE (YYYY-MM-DD) instead of the system date\n"
            "  --trust-dir DIR certificates of trusted digital-seal signers (PEM or DER)\n"
            "  --no-barcodes   do not read barcodes and digital seals (faster)\n"
            "\n"
            "exit status: 0 nothing to review, 1 flagged for review, 2 usage or input error\n");
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static void print_summary(const char *path, json_t *report)
{
    json_t *err = json_object_get(report, "error");
    if (err) {
        printf("%s: error: %s\n", path, str(err, "message"));
        return;
    }
    size_t i;
    json_t *doc;
    json_array_foreach(json_object_get(report, "documents"), i, doc)
    {
        json_t *mrz = json_object_get(doc, "mrz");
        printf("%s page %d: %s", path, (int)json_integer_value(json_object_get(doc, "page")),
               str(doc, "type"));
        if (!json_is_object(mrz)) {
            printf(", no MRZ found\n");
            continue;
        }
        json_t *f = json_object_get(mrz, "fields");
        printf(", MRZ %s\n", json_is_true(json_object_get(mrz, "valid")) ? "valid" : "NOT valid");
        size_t k;
        json_t *line;
        json_array_foreach(json_object_get(mrz, "lines"), k, line)
            printf("    %s\n", json_string_value(line));
        if (json_is_object(f))
            printf("    %s, %s | %s %s | born %s | sex %s | expires %s | issued by %s\n",
                   str(f, "surname"), str(f, "given_names"), str(f, "document_code"),
                   str(f, "document_number"), str(f, "birth_date"), str(f, "sex"),
                   str(f, "expiry_date"), str(f, "issuing_state"));
    }
    json_t *flag;
    json_array_foreach(json_object_get(report, "flags"), i, flag)
    {
        printf("  [%s] %s%s%s: %s", str(flag, "severity"), str(flag, "code"),
               json_object_get(flag, "field") ? " " : "", str(flag, "field"), str(flag, "message"));
        if (json_object_get(flag, "expected") || json_object_get(flag, "found"))
            printf(" (expected %s, found %s)", str(flag, "expected"), str(flag, "found"));
        putchar('\n');
    }
    printf("  verdict: %s (%.0f ms)\n", str(report, "verdict"),
           json_number_value(json_object_get(json_object_get(report, "timing_ms"), "total")));
}

static int cmd_scan(int argc, char **argv)
{
    int as_json = 0, nfiles = 0, status = 0;
    ds_scanner *scanner = NULL;
    ds_scan_options opt;
    const char *case_path = NULL, *today = NULL;
    ds_case case_record;

    ds_scan_options_default(&opt);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            as_json = 1;
        } else if (strcmp(argv[i], "--no-barcodes") == 0) {
            opt.barcodes = 0;
        } else if (strcmp(argv[i], "--case") == 0 || strcmp(argv[i], "--today") == 0 ||
                   strcmp(argv[i], "--trust-dir") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "docscreen: %s needs a value\n", argv[i]);
                usage(stderr);
                return 2;
            }
            if (argv[i][2] == 'c')
                case_path = argv[i + 1];
            else if (argv[i][3] == 'o')
                today = argv[i + 1];
            else
                opt.trust_dir = argv[i + 1];
            argv[i] = argv[i + 1] = (char *)"";
            i++;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--") == 0) {
            nfiles += argc - i - 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "docscreen: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            nfiles++;
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "docscreen: no file to scan\n");
        usage(stderr);
        return 2;
    }
    if (today) {
        if (!ds_date_parse(today, NULL, NULL, NULL)) {
            fprintf(stderr, "docscreen: --today needs a real date as YYYY-MM-DD\n");
            return 2;
        }
        snprintf(opt.today, sizeof opt.today, "%s", today);
    }
    if (case_path) {
        char msg[256] = "";
        ds_error cerr = ds_case_load(case_path, &case_record, msg, sizeof msg);
        if (cerr != DS_OK) {
            fprintf(stderr, "docscreen: case record %s: %s%s%s\n", case_path, ds_error_message(cerr),
                    msg[0] ? ": " : "", msg);
            return 2;
        }
    }
    ds_error err = ds_scanner_create(&opt, &scanner);
    if (err != DS_OK) {
        fprintf(stderr, "docscreen: %s\n", ds_error_message(err));
        return 2;
    }
    int files_only = 0;
    for (int i = 0; i < argc; i++) {
        if (!files_only && strcmp(argv[i], "--") == 0) {
            files_only = 1;
            continue;
        }
        if (!files_only && ((argv[i][0] == '-' && argv[i][1]) || !argv[i][0]))
            continue;
        json_t *report = NULL;
        err = ds_scan_file_case(scanner, argv[i], case_path ? &case_record : NULL, &report);
        if (err != DS_OK) {
            fprintf(stderr, "docscreen: %s: %s\n", argv[i], ds_error_message(err));
            status = 2;
        } else if (status < 2 && strcmp(str(report, "verdict"), "clear") != 0) {
            status = 1;
        }
        if (report) {
            if (as_json) {
                size_t flagsj = JSON_REAL_PRECISION(6) | (nfiles > 1 ? JSON_COMPACT : JSON_INDENT(2));
                char *text = json_dumps(report, flagsj);
                if (text) {
                    puts(text);
                    free(text);
                }
            } else if (err == DS_OK) {
                print_summary(argv[i], report);
            }
            json_decref(report);
        }
        fflush(stdout);
    }
    ds_scanner_free(scanner);
    return status;
}

int main(int argc, char **argv)
{
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
    if (strcmp(argv[1], "scan") == 0)
        return cmd_scan(argc - 2, argv + 2);
    fprintf(stderr, "docscreen: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
