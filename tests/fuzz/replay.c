/*
 * Plain driver for the fuzz targets: feeds every file under the directories
 * or files named on the command line to LLVMFuzzerTestOneInput once. Built
 * without libFuzzer so that CI replays the corpus under the sanitizers.
 * With -fsanitize=fuzzer the target links libFuzzer's own main instead.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    uint8_t *buf = malloc(1 << 24);
    size_t n = buf ? fread(buf, 1, 1 << 24, f) : 0;
    fclose(f);
    if (!buf)
        return -1;
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

static int run_path(const char *path, int *count)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        if (run_file(path) != 0)
            return -1;
        (*count)++;
        return 0;
    }
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        if (run_path(sub, count) != 0) {
            closedir(d);
            return -1;
        }
    }
    closedir(d);
    return 0;
}

int main(int argc, char **argv)
{
    int count = 0;
    for (int i = 1; i < argc; i++) {
        if (run_path(argv[i], &count) != 0) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 1;
        }
    }
    /* Also feed a few edge inputs every parser must survive. */
    static const uint8_t edge[] = {0, 0xff, '<', '\n', 'P'};
    LLVMFuzzerTestOneInput(edge, 0);
    LLVMFuzzerTestOneInput(edge, sizeof edge);
    printf("replayed %d inputs\n", count + 2);
    return 0;
}
