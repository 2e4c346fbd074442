/*
 * Tesseract engines for the printed-text readers. Never sets a character
 * whitelist (it makes the LSTM engine several times slower).
 *
 * Tesseract's line images (tess.h): Tesseract 5 keeps every line it hands
 * its LSTM recogniser as an encoded image (imagedata.cpp: written with
 * pixWriteMem(..., IFF_PNG), decoded again with pixReadMem just after),
 * a format meant for its training files. The zlib work of that round trip
 * was about a twentieth of a passport page's CPU time (bench/README.md).
 * This file defines pixWriteMem, so that the dynamic linker binds
 * Tesseract's calls here before Leptonica (libdocscreen, or a program
 * linking it statically, comes before liblept in the load order; the
 * same way as base/omp.c). A call made from inside libtesseract for a PNG
 * is written in Leptonica's own serialised form (IFF_SPIX: a header and
 * the raw pixels, lossless) instead, which pixReadMem reads back to the
 * same pixels; every other call, the PNGs of any other caller included,
 * goes to Leptonica's own pixWriteMem unchanged.
 */
#define _GNU_SOURCE
#include "tess.h"

#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define DS_TESS_EXPORT __attribute__((visibility("default")))

typedef l_ok (*write_mem_fn)(l_uint8 **, size_t *, PIX *, l_int32);

/* Leptonica's pixWriteMem and libtesseract's code, resolved once. */
#define TEXT_RANGES 4
static struct {
    write_mem_fn write_mem;
    uintptr_t lo[TEXT_RANGES], hi[TEXT_RANGES];
    int n;
} lept;
static pthread_once_t lept_once = PTHREAD_ONCE_INIT;
static atomic_bool raw_lines = true;
static atomic_ulong raw_count;

/* dl_iterate_phdr callback: the executable segments of libtesseract. */
static int find_tesseract(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    (void)arg;
    const char *name = info->dlpi_name ? info->dlpi_name : "";
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (strncmp(base, "libtesseract.so", 15) != 0)
        return 0;
    for (int i = 0; i < info->dlpi_phnum && lept.n < TEXT_RANGES; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
            lept.lo[lept.n] = (uintptr_t)info->dlpi_addr + ph->p_vaddr;
            lept.hi[lept.n] = lept.lo[lept.n] + ph->p_memsz;
            lept.n++;
        }
    }
    return 1;
}

static void resolve(void)
{
    lept.write_mem = (write_mem_fn)dlsym(RTLD_NEXT, "pixWriteMem");
    dl_iterate_phdr(find_tesseract, NULL);
}

static bool from_tesseract(const void *ret)
{
    uintptr_t a = (uintptr_t)ret;
    for (int i = 0; i < lept.n; i++)
        if (a >= lept.lo[i] && a < lept.hi[i])
            return true;
    return false;
}

DS_TESS_EXPORT l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format)
{
    pthread_once(&lept_once, resolve);
    if (!lept.write_mem)
        return 1; /* no Leptonica to forward to: the caller's error path */
    if (format == IFF_PNG && atomic_load_explicit(&raw_lines, memory_order_relaxed) &&
        from_tesseract(__builtin_return_address(0))) {
        atomic_fetch_add_explicit(&raw_count, 1, memory_order_relaxed);
        format = IFF_SPIX;
    }
    return lept.write_mem(pdata, psize, pix, format);
}

void ds_tess_raw_lines(bool on) { atomic_store(&raw_lines, on); }

unsigned long ds_tess_raw_line_count(void) { return atomic_load(&raw_count); }

ds_error ds_tess_create(const char *langs, TessBaseAPI **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api)
        return DS_ERR_NOMEM;
    /* Quiet: Tesseract writes warnings to stderr otherwise. */
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (TessBaseAPIInit3(api, NULL, langs && *langs ? langs : "eng") != 0) {
        TessBaseAPIDelete(api);
        return DS_ERR_MODEL;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    *out = api;
    return DS_OK;
}

void ds_tess_free(TessBaseAPI *api)
{
    if (!api)
        return;
    TessBaseAPIEnd(api);
    TessBaseAPIDelete(api);
}
