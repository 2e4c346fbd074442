/*
 * Tests of OpenMP in a one-thread process (src/base/omp.c): with
 * OMP_THREAD_LIMIT=1 the regions GCC opens for `parallel` and `parallel
 * sections` run inline on the calling thread, every iteration and every
 * section exactly once and in order, nested and orphaned constructs
 * included; with a higher limit libgomp's own teams run them; and
 * Tesseract reads a page region to the same words and confidences both
 * ways. Built with -fopenmp (GCC) so that this file opens regions itself.
 *
 * The process re-executes itself with OMP_THREAD_LIMIT=1 (read when
 * libgomp loads); the other limit is tried in a child started with its
 * own environment.
 */
#define _GNU_SOURCE
#include <leptonica/allheaders.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <tesseract/capi.h>

#include "base/omp.h"
#include "page/tess.h"
#include "t.h"

#ifdef _OPENMP

/* ------------------------------------------------------------------------ */
/* Regions inline                                                           */

static void test_sections_inline(void)
{
    T_CHECK(ds_omp_one_thread());
    unsigned long before = ds_omp_inline_regions();
    int order[8], n = 0;
    bool same_thread = true;
    pthread_t self = pthread_self();
#pragma omp parallel sections num_threads(4)
    {
#pragma omp section
        {
            order[n++] = 1;
            same_thread = same_thread && pthread_equal(self, pthread_self());
        }
#pragma omp section
        {
            order[n++] = 2;
            same_thread = same_thread && pthread_equal(self, pthread_self());
        }
#pragma omp section
        {
            order[n++] = 3;
            same_thread = same_thread && pthread_equal(self, pthread_self());
        }
#pragma omp section
        {
            order[n++] = 4;
            same_thread = same_thread && omp_get_thread_num() == 0 &&
                          omp_get_num_threads() == 1;
        }
    }
    T_EQ_INT(n, 4);
    for (int i = 0; i < n; i++)
        T_EQ_INT(order[i], i + 1);
    T_CHECK(same_thread);
    T_EQ_INT(ds_omp_inline_regions() - before, 1);
}

static void test_for_inline(void)
{
    enum { N = 1000 };
    static int hits[N];
    unsigned long before = ds_omp_inline_regions();
    int threads = 0;
#pragma omp parallel for num_threads(4)
    for (int i = 0; i < N; i++) {
        hits[i]++;
        if (i == N - 1)
            threads = omp_get_num_threads();
    }
    for (int i = 0; i < N; i++)
        T_EQ_INT(hits[i], 1);
    T_EQ_INT(threads, 1);
    T_EQ_INT(ds_omp_inline_regions() - before, 1);
}

/* A parallel region inside a section, with an orphan-style sections
 * construct of its own: the outer construct's remaining sections still
 * run after it, each once. */
static void test_nested(void)
{
    int order[16], n = 0;
    unsigned long before = ds_omp_inline_regions();
#pragma omp parallel sections num_threads(2)
    {
#pragma omp section
        order[n++] = 10;
#pragma omp section
#pragma omp parallel num_threads(3)
        {
            order[n++] = 20;
            {
#pragma omp sections
                {
#pragma omp section
                    order[n++] = 21;
#pragma omp section
                    order[n++] = 22;
#pragma omp section
                    order[n++] = 23;
                }
            }
        }
#pragma omp section
        order[n++] = 30;
    }
    static const int want[] = {10, 20, 21, 22, 23, 30};
    T_EQ_INT(n, 6);
    for (int i = 0; i < n && i < 6; i++)
        T_EQ_INT(order[i], want[i]);
    T_EQ_INT(ds_omp_inline_regions() - before, 2);
}

/* Many regions, as Tesseract opens them (one per LSTM step): every one
 * runs its four sections, none leaks a construct into the next. */
static void test_many_regions(void)
{
    long sum = 0;
    unsigned long before = ds_omp_inline_regions();
    for (int r = 0; r < 20000; r++) {
#pragma omp parallel sections num_threads(4)
        {
#pragma omp section
            sum += 1;
#pragma omp section
            sum += 10;
#pragma omp section
            sum += 100;
#pragma omp section
            sum += 1000;
        }
    }
    T_EQ_INT(sum, 20000L * 1111);
    T_EQ_INT(ds_omp_inline_regions() - before, 20000);
}

/* ------------------------------------------------------------------------ */
/* Children with another limit                                              */

/* Runs this binary as `self MODE` with OMP_THREAD_LIMIT=limit and
 * OMP_NUM_THREADS=threads; its standard output into out[cap]. Returns the
 * exit status (-1 when it could not run). */
static int run_child(const char *mode, const char *limit, const char *threads, char *out,
                     size_t cap)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        setenv("OMP_THREAD_LIMIT", limit, 1);
        setenv("OMP_NUM_THREADS", threads, 1);
        setenv("OMP_DYNAMIC", "false", 1);
        char *argv[] = {"test_omp", (char *)mode, NULL};
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    close(fd[1]);
    size_t len = 0;
    ssize_t r;
    while (len + 1 < cap && (r = read(fd[0], out + len, cap - 1 - len)) > 0)
        len += (size_t)r;
    out[len] = 0;
    close(fd[0]);
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

/* Child: how many threads a region had and how many regions ran inline. */
static int child_team(void)
{
    int team = 0;
#pragma omp parallel num_threads(2)
    {
#pragma omp single
        team = omp_get_num_threads();
    }
    printf("one=%d team=%d inline=%lu\n", ds_omp_one_thread() ? 1 : 0, team,
           ds_omp_inline_regions());
    return 0;
}

static void test_forwarded_with_two_threads(void)
{
    char out[256];
    T_EQ_INT(run_child("child-team", "2", "2", out, sizeof out), 0);
    T_EQ_STR(out, "one=0 team=2 inline=0\n");
    T_EQ_INT(run_child("child-team", "1", "2", out, sizeof out), 0);
    T_EQ_STR(out, "one=1 team=1 inline=1\n");
}

#define PAGE DS_SOURCE_DIR "/samples/pages/0004-td3.jpg"

/* Child: Tesseract's sparse reading of the page's upper half, one line per
 * word (text, confidence, box), then the number of regions run inline. */
static int child_read(void)
{
    PIX *page = pixRead(PAGE);
    TessBaseAPI *api = NULL;
    if (!page || ds_tess_create("eng", &api) != DS_OK)
        return 2;
    TessBaseAPISetPageSegMode(api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(api, page);
    int w = (int)pixGetWidth(page), h = (int)pixGetHeight(page);
    TessBaseAPISetRectangle(api, 0, 0, w, h / 2);
    if (TessBaseAPIRecognize(api, NULL) != 0)
        return 3;
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    const TessPageIterator *pit = it ? TessResultIteratorGetPageIteratorConst(it) : NULL;
    int words = 0;
    if (it) {
        do {
            char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            int l, tp, r, b;
            if (t && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &r, &b)) {
                printf("%s %.3f %d %d %d %d\n", t, TessResultIteratorConfidence(it, RIL_WORD), l,
                       tp, r, b);
                words++;
            }
            TessDeleteText(t);
        } while (TessResultIteratorNext(it, RIL_WORD));
        TessResultIteratorDelete(it);
    }
    printf("words %d inline %s\n", words, ds_omp_inline_regions() > 1000 ? "many" : "few");
    ds_tess_free(api);
    pixDestroy(&page);
    return 0;
}

/* The same words, confidences and boxes with regions inline as with
 * libgomp's teams of two. */
static void test_tesseract_reads_the_same(void)
{
    if (access(PAGE, R_OK) != 0)
        T_SKIP("%s is missing", PAGE);
    static char one[65536], two[65536];
    T_EQ_INT(run_child("child-read", "1", "1", one, sizeof one), 0);
    T_EQ_INT(run_child("child-read", "2", "2", two, sizeof two), 0);
    const char *tail1 = strstr(one, "words "), *tail2 = strstr(two, "words ");
    T_CHECK(tail1 && tail2);
    if (!tail1 || !tail2)
        return;
    int n1 = atoi(tail1 + 6);
    T_CHECK(n1 >= 10); /* the page's captions and values were read */
    T_CHECK(strstr(tail1, "inline many") != NULL);
    T_CHECK(strstr(tail2, "inline few") != NULL);
    T_CHECK((size_t)(tail1 - one) == (size_t)(tail2 - two) &&
            memcmp(one, two, (size_t)(tail1 - one)) == 0);
}

#endif /* _OPENMP */

int main(int argc, char **argv)
{
#ifndef _OPENMP
    (void)argc;
    (void)argv;
    printf("  SKIP: test_omp needs a compiler with OpenMP (GCC's -fopenmp)\n");
    return 77;
#else
    if (argc > 1 && strcmp(argv[1], "child-team") == 0)
        return child_team();
    if (argc > 1 && strcmp(argv[1], "child-read") == 0)
        return child_read();
    const char *lim = getenv("OMP_THREAD_LIMIT");
    if (!lim || strcmp(lim, "1") != 0) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
        fprintf(stderr, "test_omp: cannot restart with OMP_THREAD_LIMIT=1\n");
        return 1;
    }
    static const t_case cases[] = {
        {"sections_inline", test_sections_inline},
        {"for_inline", test_for_inline},
        {"nested", test_nested},
        {"many_regions", test_many_regions},
        {"forwarded_with_two_threads", test_forwarded_with_two_threads},
        {"tesseract_reads_the_same", test_tesseract_reads_the_same},
    };
    return t_main(argc, argv, cases, (int)(sizeof cases / sizeof cases[0]));
#endif
}
