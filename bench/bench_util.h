/*
 * bench_util: what the benchmark drivers share. Collects the input file list
 * from the command line and list files, and prints the closing summary line
 * with the process's peak resident set size and CPU time.
 *
 * Every driver prints one JSON object per input file on stdout, then one
 * summary object; bench/score.py reads nothing else. Drivers never print
 * document content to stderr.
 */
#ifndef DS_BENCH_UTIL_H
#define DS_BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <jansson.h>

/* Longest path accepted from a list file. */
#define BENCH_MAX_PATH 4096
/* Most files one run accepts. */
#define BENCH_MAX_FILES 100000

typedef struct bench_files {
    int count;
    char **path; /* count entries, owned */
} bench_files;

static void bench_files_free(bench_files *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->count; i++)
        free(f->path[i]);
    free(f->path);
    f->path = NULL;
    f->count = 0;
}

static int bench_files_add(bench_files *f, const char *path)
{
    if (f->count >= BENCH_MAX_FILES)
        return -1;
    char **grown = realloc(f->path, (size_t)(f->count + 1) * sizeof *grown);
    if (!grown)
        return -1;
    f->path = grown;
    f->path[f->count] = strdup(path);
    if (!f->path[f->count])
        return -1;
    f->count++;
    return 0;
}

/* Adds every non-empty line of the list file at path; returns -1 on error. */
static int bench_files_add_list(bench_files *f, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    char line[BENCH_MAX_PATH + 2];
    int rc = 0;
    while (fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0)
            continue;
        if (bench_files_add(f, line) != 0) {
            rc = -1;
            break;
        }
    }
    fclose(fp);
    return rc;
}

/* CPU time of the whole process in milliseconds (all its threads): unlike
 * wall time, it does not grow when other programs load the machine. */
static double bench_cpu_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Prints obj as one compact JSON line on stdout and releases it. */
static void bench_emit(json_t *obj)
{
    char *s = json_dumps(obj, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (s) {
        fputs(s, stdout);
        fputc('\n', stdout);
        free(s);
    }
    json_decref(obj);
}

/* The summary line: engine name, file count, init time, peak RSS, CPU time. */
static void bench_emit_summary(const char *engine, int files, double init_ms)
{
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    getrusage(RUSAGE_SELF, &ru);
    double cpu_s = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                   (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    json_t *sum = json_pack("{s:{s:s,s:i,s:f,s:I,s:f}}", "summary", "engine", engine, "files",
                            files, "init_ms", init_ms, "maxrss_kb", (json_int_t)ru.ru_maxrss,
                            "cpu_s", cpu_s);
    if (sum)
        bench_emit(sum);
    fflush(stdout);
}

#endif
