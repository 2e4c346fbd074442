/*
 * The printed page's comparison with the MRZ must not hang on a pixel of
 * the MRZ's box (issue 13): the box sets where the page above the MRZ is
 * cut out and the scale it is read at, and moving it by one or two pixels
 * (a change in the locator) must not make or unmake a high flag. Each page
 * is read as a scan reads it (ds_scan_viz_shifted), once as it is and once
 * per shift; the high flags of every shifted reading must be those of the
 * scan's own (a specimen mark found or lost is counted apart: see
 * high_missing). Readings of a field that change with a shift (its value
 * or its status) are counted and printed: they may change, as long as no
 * high flag follows them. Pages: the real specimens of ../shared/realdata
 * (skipped with a message when absent) and the bundled samples.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "t.h"
#include "decode/decode.h"
#include "scan/scan.h"

/* dx, dy, dw, dh of the MRZ box in the upright frame; the first is none. */
static const int shifts[][4] = {
    {0, 0, 0, 0},  {1, 1, 0, 0},  {-1, -1, 0, 0}, {0, 0, 1, 1},
    {0, 0, -1, -1}, {-2, 0, 2, 0}, {2, 2, -2, 0},
};
#define NSHIFT ((int)(sizeof shifts / sizeof shifts[0]))

typedef struct tally {
    int pages, read, readings, swung, flag_changes;
    int specimen_changes; /* SPECIMEN_DOCUMENT made or unmade by a shift */
} tally;

/* The high flags (code and field) of a that b does not hold, printed with
 * the way they went (to the shifted reading or from it). A specimen mark
 * found or lost goes to *specimen instead: the specimens here are
 * specimens, so the flag is true wherever it shows, and whether the mark is
 * found is its finder's matter (page/specimen.h), not a comparison's. */
static int high_missing(const ds_flags *a, const ds_flags *b, const char *name, int k,
                        const char *way, int *specimen)
{
    int missing = 0;
    for (int i = 0; i < a->count; i++) {
        const ds_flag *f = &a->item[i];
        if (f->severity != DS_SEV_HIGH)
            continue;
        int in_b = 0;
        for (int j = 0; j < b->count && !in_b; j++)
            in_b = b->item[j].severity == DS_SEV_HIGH && b->item[j].code == f->code &&
                   strcmp(b->item[j].field, f->field) == 0;
        if (in_b)
            continue;
        printf("  %s shift %d: high %s %s %s\n", name, k, ds_flag_name(f->code), f->field, way);
        if (f->code == DS_FLAG_SPECIMEN_DOCUMENT)
            (*specimen)++;
        else
            missing++;
    }
    return missing;
}

/* Reads one file with every shift and adds it to t. */
static void shift_file(ds_scanner *s, const char *path, const char *name, tally *t)
{
    ds_pages *pages = NULL;
    ds_limits lim;
    ds_limits_default(&lim);
    t->pages++;
    if (ds_decode_file(path, &lim, &pages) != DS_OK || pages->count < 1) {
        ds_pages_free(pages);
        return;
    }
    ds_viz *viz = calloc(NSHIFT, sizeof *viz);
    ds_flags *flags = calloc(NSHIFT, sizeof *flags);
    T_CHECK(viz && flags);
    ds_error err = viz && flags ? ds_scan_viz_shifted(s, pages->page[0].gray, NSHIFT, shifts,
                                                      viz, flags)
                                : DS_ERR_NOMEM;
    T_CHECK(err == DS_OK || err == DS_ERR_NOT_FOUND);
    if (err == DS_OK) {
        t->read++;
        for (int k = 1; k < NSHIFT; k++) {
            t->flag_changes +=
                high_missing(&flags[0], &flags[k], name, k, "lost", &t->specimen_changes) +
                high_missing(&flags[k], &flags[0], name, k, "made", &t->specimen_changes);
            for (int i = 0; i < DS_VIZ_FIELD_COUNT; i++) {
                const ds_viz_field *a = &viz[0].field[i], *b = &viz[k].field[i];
                if (!a->found && !b->found)
                    continue;
                t->readings++;
                if (a->found == b->found && a->status == b->status && strcmp(a->norm, b->norm) == 0)
                    continue;
                t->swung++;
                if (getenv("DS_VIZSHIFT_VERBOSE"))
                    printf("  %s shift %d %s: %s %s (%.0f/%.0f, %d/%d/%d) -> %s %s (%.0f/%.0f, "
                           "%d/%d/%d)\n",
                           name, k, ds_viz_field_name((ds_viz_field_id)i), a->norm,
                           ds_viz_status_name(a->status), a->confidence, a->char_conf, a->reads,
                           a->same, a->agree, b->norm, ds_viz_status_name(b->status),
                           b->confidence, b->char_conf, b->reads, b->same, b->agree);
            }
        }
    }
    free(viz);
    free(flags);
    ds_pages_free(pages);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every image of dir whose name ends in one of exts, in name order. */
static void shift_dir(const char *dir, const char *const *exts, int nexts, tally *t)
{
    DIR *d = opendir(dir);
    T_CHECK(d != NULL);
    if (!d)
        return;
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t len = strlen(e->d_name);
        for (int i = 0; i < nexts; i++) {
            size_t el = strlen(exts[i]);
            if (len > el && strcmp(e->d_name + len - el, exts[i]) == 0) {
                names[n++] = strdup(e->d_name);
                break;
            }
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    ds_options opt;
    ds_options_default(&opt);
    opt.support = 0;
    opt.barcodes = 0;
    ds_scanner *s = NULL;
    T_EQ_INT(ds_scanner_create(&opt, &s), DS_OK);
    /* DS_VIZSHIFT_PART=i/n reads every n-th file from the i-th (a run
     * split over processes); the tally's assertions then hold per part. */
    int part = 0, parts = 1;
    const char *env = getenv("DS_VIZSHIFT_PART");
    if (env && (sscanf(env, "%d/%d", &part, &parts) != 2 || parts < 1 || part < 0 || part >= parts))
        part = 0, parts = 1;
    for (int i = 0; i < n; i++) {
        char path[2048];
        if (i % parts != part) {
            free(names[i]);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (s)
            shift_file(s, path, names[i], t);
        free(names[i]);
    }
    ds_scanner_free(s);
    printf("  %d files, %d with an MRZ; %d of %d shifted field readings changed; "
           "high flags made or unmade by a shift: %d (and specimen marks found or lost: %d)\n",
           t->pages, t->read, t->swung, t->readings, t->flag_changes, t->specimen_changes);
}

static void real_specimens(void)
{
    const char *dir = DS_SHARED_DIR "/realdata/mrz-images";
    struct stat st;
    if (stat(dir, &st) != 0)
        T_SKIP("../shared/realdata absent");
    /* Seven readings of 63 pages: about 10 min of CPU in the release
     * build, far more under the sanitizers; ctest runs it as
     * test_vizshift_real (label slow). */
    if (!getenv("DS_VIZSHIFT_REAL"))
        T_SKIP("the real specimens run as test_vizshift_real (DS_VIZSHIFT_REAL=1)");
    static const char *const exts[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff"};
    tally t = {0};
    shift_dir(dir, exts, 5, &t);
    T_CHECK(t.pages >= 60 || getenv("DS_VIZSHIFT_PART"));
    T_CHECK(t.read >= 30 || getenv("DS_VIZSHIFT_PART"));
    T_EQ_INT(t.flag_changes, 0);
}

static void bundled_samples(void)
{
    static const char *const exts[] = {".jpg", ".png"};
    tally t = {0};
    shift_dir(DS_SOURCE_DIR "/samples/pages", exts, 2, &t);
    T_CHECK(t.read >= 10);
    T_EQ_INT(t.flag_changes, 0);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"real_specimens", real_specimens},
        {"bundled_samples", bundled_samples},
    };
    return T_RUN(cases);
}
