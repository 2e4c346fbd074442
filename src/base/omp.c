/*
 * OpenMP in a one-thread process (omp.h): ds_limit_omp_threads, and the
 * regions of a process limited to one thread run as plain calls.
 *
 * Tesseract (as Debian builds it) opens an OpenMP `parallel sections`
 * region for every LSTM time step, about 57,000 a passport page. With
 * OMP_THREAD_LIMIT=1 libgomp still makes a team of one for each and ends
 * it at a barrier whose last arrival wakes a futex: one system call per
 * region, plus the team's set-up, about a sixth of a page's CPU time
 * (strace -c, bench/README.md). A region that may have one thread only is
 * by the OpenMP rules the same as its body run once by the calling thread
 * (thread 0 of 1; its worksharing constructs give that thread every
 * iteration and every section, in order), so when the thread limit is 1
 * the entry points below do exactly that and never reach libgomp.
 * Otherwise, or when the limit is anything else, each forwards to
 * libgomp's own (dlvsym RTLD_NEXT): programs with threads to spare are
 * not touched.
 *
 * The entry points are the ones GCC emits for `parallel` and `parallel
 * sections` (and orphaned `sections` inside them), the ones Tesseract
 * imports. They must be visible outside the library so that the dynamic
 * linker binds Tesseract's calls here before libgomp (the library and the
 * programs linking it statically come before libgomp in the load order).
 * What differs from a team of one, and no one in this process asks:
 * omp_get_level() is 0 inside such a region instead of 1.
 */
#define _GNU_SOURCE
#include "base/omp.h"
#include "base/base.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#define DS_OMP_EXPORT __attribute__((visibility("default")))

typedef void (*par_fn)(void (*)(void *), void *, unsigned, unsigned);
typedef void (*par_sections_fn)(void (*)(void *), void *, unsigned, unsigned, unsigned);
typedef unsigned (*sections_start_fn)(unsigned);
typedef unsigned (*sections_next_fn)(void);
typedef void (*sections_end_fn)(void);

static struct {
    bool one;      /* the thread limit is 1: every region runs inline */
    par_fn parallel;
    par_sections_fn parallel_sections;
    sections_start_fn sections_start;
    sections_next_fn sections_next;
    sections_end_fn sections_end, sections_end_nowait;
} real;
static pthread_once_t real_once = PTHREAD_ONCE_INIT;

static void *gomp_sym(const char *name, const char *version)
{
    void *p = dlvsym(RTLD_NEXT, name, version);
    return p ? p : dlsym(RTLD_NEXT, name);
}

static void resolve(void)
{
    int (*limit)(void) = (int (*)(void))gomp_sym("omp_get_thread_limit", "OMP_3.0");
    real.parallel = (par_fn)gomp_sym("GOMP_parallel", "GOMP_4.0");
    real.parallel_sections = (par_sections_fn)gomp_sym("GOMP_parallel_sections", "GOMP_4.0");
    real.sections_start = (sections_start_fn)gomp_sym("GOMP_sections_start", "GOMP_1.0");
    real.sections_next = (sections_next_fn)gomp_sym("GOMP_sections_next", "GOMP_1.0");
    real.sections_end = (sections_end_fn)gomp_sym("GOMP_sections_end", "GOMP_1.0");
    real.sections_end_nowait = (sections_end_fn)gomp_sym("GOMP_sections_end_nowait", "GOMP_1.0");
    /* Without libgomp nothing below can forward; one thread is always a
     * correct way to run a region. */
    real.one = !limit || limit() == 1 || !real.parallel || !real.parallel_sections ||
               !real.sections_start || !real.sections_next || !real.sections_end ||
               !real.sections_end_nowait;
}

static bool one_thread(void)
{
    pthread_once(&real_once, resolve);
    return real.one;
}

/* The inline `sections` constructs open on this thread, innermost last:
 * the next section each hands out and how many it has. */
#define SECTIONS_DEPTH 16
static _Thread_local struct {
    unsigned next[SECTIONS_DEPTH], count[SECTIONS_DEPTH];
    int depth;
} sec;
static _Thread_local unsigned long inline_regions;

unsigned long ds_omp_inline_regions(void) { return inline_regions; }

/* ds_omp_replace_sections' pair: body read first, with published before it. */
static _Atomic(void (*)(void *)) swap_body;
static bool (*_Atomic swap_with)(void *);

void ds_omp_replace_sections(void (*body)(void *), bool (*with)(void *data))
{
    atomic_store_explicit(&swap_with, with, memory_order_relaxed);
    atomic_store_explicit(&swap_body, body, memory_order_release);
}

bool ds_omp_one_thread(void) { return one_thread(); }

/* Opens an inline sections construct. Nesting deeper than
 * SECTIONS_DEPTH (never in Tesseract) aborts: no section may be lost. */
static void sections_push(unsigned count)
{
    if (sec.depth >= SECTIONS_DEPTH)
        abort();
    sec.next[sec.depth] = 1;
    sec.count[sec.depth] = count;
    sec.depth++;
}

static unsigned sections_take(void)
{
    int d = sec.depth - 1;
    return sec.next[d] <= sec.count[d] ? sec.next[d]++ : 0;
}

DS_OMP_EXPORT void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads,
                                 unsigned flags)
{
    if (one_thread()) {
        inline_regions++;
        fn(data);
        return;
    }
    real.parallel(fn, data, num_threads, flags);
}

DS_OMP_EXPORT void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads,
                                          unsigned count, unsigned flags)
{
    if (one_thread()) {
        inline_regions++;
        if (fn == atomic_load_explicit(&swap_body, memory_order_acquire)) {
            bool (*with)(void *) = atomic_load_explicit(&swap_with, memory_order_relaxed);
            if (with && with(data))
                return;
        }
        /* The region's body asks GOMP_sections_next for its sections and
         * ends with GOMP_sections_end_nowait, which closes this one. */
        int depth = sec.depth;
        sections_push(count);
        fn(data);
        sec.depth = depth;
        return;
    }
    real.parallel_sections(fn, data, num_threads, count, flags);
}

DS_OMP_EXPORT unsigned GOMP_sections_start(unsigned count)
{
    if (one_thread()) {
        sections_push(count);
        return sections_take();
    }
    return real.sections_start(count);
}

DS_OMP_EXPORT unsigned GOMP_sections_next(void)
{
    if (one_thread())
        return sec.depth > 0 ? sections_take() : 0;
    return real.sections_next();
}

DS_OMP_EXPORT void GOMP_sections_end(void)
{
    if (one_thread()) {
        if (sec.depth > 0)
            sec.depth--;
        return;
    }
    real.sections_end();
}

DS_OMP_EXPORT void GOMP_sections_end_nowait(void)
{
    if (one_thread()) {
        if (sec.depth > 0)
            sec.depth--;
        return;
    }
    real.sections_end_nowait();
}

void ds_limit_omp_threads(char **argv)
{
    if (getenv("OMP_THREAD_LIMIT"))
        return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
}
