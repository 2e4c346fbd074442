/*
 * ds_bench_scan: full screening in one process, as the daemon does it: one
 * scanner created once, then every file of a list screened with it, the
 * engines warm. Prints one JSON line per file with the CPU time it took
 * (user + system of this process, plus any child it waited for: the PDF
 * reader), the wall time, the pages, the verdict and the flag codes, so
 * that two builds can be compared on the same files (bench/speed.py).
 *
 * It uses only the public header, so the same source builds against any
 * version of libdocscreen (bench/speed.py compiles it against the build
 * before a change too).
 *
 * Usage: ds_bench_scan [--today YYYY-MM-DD] [--no-barcodes] [--no-viz]
 *                      [--no-support] [--rounds N] --list FILE
 * The first line ("create") is the scanner's own set-up time; with
 * --rounds N each file is screened N times in turn and each time printed.
 */
#define _POSIX_C_SOURCE 200809L
#include <docscreen/docscreen.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double cpu_ms(void)
{
    struct rusage self, kids;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids);
    double us = 0;
    us += (double)self.ru_utime.tv_sec * 1e6 + (double)self.ru_utime.tv_usec;
    us += (double)self.ru_stime.tv_sec * 1e6 + (double)self.ru_stime.tv_usec;
    us += (double)kids.ru_utime.tv_sec * 1e6 + (double)kids.ru_utime.tv_usec;
    us += (double)kids.ru_stime.tv_sec * 1e6 + (double)kids.ru_stime.tv_usec;
    return us / 1000.0;
}

static double wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* The file name as a JSON string (only quotes and backslashes escaped;
 * the bench's file names are plain). */
static void put_name(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            putchar('\\');
        if ((unsigned char)*s >= 0x20)
            putchar(*s);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    ds_limit_omp_threads(argv);
    ds_options opt;
    ds_options_default(&opt);
    const char *list = NULL;
    int rounds = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--today") == 0 && i + 1 < argc)
            snprintf(opt.today, sizeof opt.today, "%s", argv[++i]);
        else if (strcmp(argv[i], "--no-barcodes") == 0)
            opt.barcodes = 0;
        else if (strcmp(argv[i], "--no-viz") == 0)
            opt.viz = 0;
        else if (strcmp(argv[i], "--no-support") == 0)
            opt.support = 0;
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc)
            list = argv[++i];
        else {
            fprintf(stderr, "usage: ds_bench_scan [--today D] [--no-barcodes] [--no-viz] "
                            "[--no-support] [--rounds N] --list FILE\n");
            return 2;
        }
    }
    if (!list || rounds < 1)
        return 2;
    FILE *f = fopen(list, "r");
    if (!f) {
        fprintf(stderr, "ds_bench_scan: cannot open the list\n");
        return 2;
    }
    char **files = NULL;
    int n = 0, cap = 0;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0])
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nf = realloc(files, sizeof *files * (size_t)cap);
            if (!nf)
                return 2;
            files = nf;
        }
        files[n++] = strdup(line);
    }
    fclose(f);

    ds_scanner *s = NULL;
    double c0 = cpu_ms(), w0 = wall_ms();
    ds_error err = ds_scanner_create(&opt, &s);
    printf("{\"create\":true,\"cpu_ms\":%.2f,\"wall_ms\":%.2f,\"error\":\"%s\"}\n", cpu_ms() - c0,
           wall_ms() - w0, ds_error_name(err));
    if (err != DS_OK)
        return 1;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
            ds_report *rep = NULL;
            c0 = cpu_ms();
            w0 = wall_ms();
            ds_error e = ds_scan_file(s, files[i], NULL, &rep);
            double c = cpu_ms() - c0, w = wall_ms() - w0;
            printf("{\"round\":%d,\"file\":", r);
            put_name(files[i]);
            printf(",\"cpu_ms\":%.2f,\"wall_ms\":%.2f,\"error\":\"%s\"", c, w, ds_error_name(e));
            if (rep) {
                printf(",\"pages\":%d,\"verdict\":\"%s\",\"flags\":[", ds_report_page_count(rep),
                       ds_verdict_name(ds_report_verdict(rep)));
                for (int k = 0; k < ds_report_flag_count(rep); k++) {
                    const ds_flag *fl = ds_report_flag(rep, k);
                    printf("%s\"%s:%s:%d\"", k ? "," : "", ds_flag_name(fl->code),
                           ds_severity_name(fl->severity), fl->page);
                }
                printf("]");
            }
            printf("}\n");
            fflush(stdout);
            ds_report_free(rep);
        }
    }
    ds_scanner_free(s);
    for (int i = 0; i < n; i++)
        free(files[i]);
    free(files);
    return 0;
}
