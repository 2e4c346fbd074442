/*
 * morph.c: Leptonica's binary brick opening and closing, the same bits in
 * fewer passes (morph.h).
 *
 * Tesseract's rule-line finder (linefind.cpp) opens and closes the
 * binarised page with bricks: 15 by 15 pixels at 300 dpi, then lines 75
 * pixels long each way. Leptonica's pixOpenBrick and pixCloseBrick do each
 * erosion and dilation by a brick N long as N shifted copies of the whole
 * image (one rasterop per element), about 400 image passes for the
 * region above a passport's MRZ: a twentieth of a page's CPU time. The
 * same result takes about 2 log2(N) passes: the AND (erosion) or OR
 * (dilation) of a run of N pixels is that of two overlapping runs of a
 * power of two each, built by doubling.
 *
 * This file defines pixOpenBrick and pixCloseBrick, so that the dynamic
 * linker binds Tesseract's calls (and this library's own) here before
 * Leptonica, as src/page/tess.c does for pixWriteMem. Only a new image
 * (pixd NULL) of a 1-bit source without a colour map, under Leptonica's
 * default (asymmetric) boundary condition, is computed here; every other
 * call goes to Leptonica's own function. The result is Leptonica's bit for
 * bit, the bits past each row's last pixel included: Leptonica's erosion
 * leaves them set, its dilation clear (tests/test_morph compares every
 * word of both on random images and sizes).
 */
#define _GNU_SOURCE
#include "page/morph.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DS_MORPH_EXPORT __attribute__((visibility("default")))

extern l_int32 MORPH_BC; /* Leptonica's boundary condition (morph.h) */

typedef PIX *(*brick_fn)(PIX *, PIX *, l_int32, l_int32);

static struct {
    brick_fn open, close;
} lept;
static pthread_once_t lept_once = PTHREAD_ONCE_INIT;
static atomic_bool fast = true;

static void resolve(void)
{
    lept.open = (brick_fn)dlsym(RTLD_NEXT, "pixOpenBrick");
    lept.close = (brick_fn)dlsym(RTLD_NEXT, "pixCloseBrick");
}

/* 32 pixels of the bit row a[0 .. n words) from bit p on (Leptonica's
 * order: the most significant bit first); bits outside read as fill. */
static inline uint32_t bits_at(const uint32_t *a, long n, long p, uint32_t fill)
{
    long q = p >= 0 ? p / 32 : -((-p + 31) / 32);
    int r = (int)(p - q * 32);
    uint32_t hi = q >= 0 && q < n ? a[q] : fill;
    if (!r)
        return hi;
    uint32_t lo = q + 1 >= 0 && q + 1 < n ? a[q + 1] : fill;
    return (hi << r) | (lo >> (32 - r));
}

/* The mask of the pixels of word i that lie in [x0, x1). */
static inline uint32_t span_mask(long i, long x0, long x1)
{
    long a = x0 - i * 32, b = x1 - i * 32;
    a = a < 0 ? 0 : a;
    b = b > 32 ? 32 : b;
    if (a >= b)
        return 0;
    uint32_t m = b == 32 ? 0xffffffffu : ~(0xffffffffu >> b);
    return m & (0xffffffffu >> a);
}

/*
 * One row, horizontally: erosion (AND) or dilation (OR) by a brick n long
 * with its origin c, from src (w pixels) into dst (wpl words, pixels past
 * w left zero). buf holds at least wpl + (n + 63) / 32 words.
 * Erosion: dst(y) = AND of src(y - c .. y - c + n - 1), zero where that
 * run leaves the row. Dilation: dst(y) = OR of src(y + c - n + 1 .. y + c),
 * pixels outside the row off.
 */
static void row_brick(const uint32_t *src, uint32_t *dst, int wpl, long w, long n, long c,
                      bool erode, uint32_t *buf)
{
    long nw = (w + 31) / 32;
    if (erode) {
        /* t(x) = AND of src(x .. x + m - 1), outside the row on. */
        long len = nw;
        memcpy(buf, src, (size_t)nw * sizeof *buf);
        buf[nw - 1] |= ~span_mask(nw - 1, 0, w); /* past the last pixel: on */
        long m = 1;
        for (; 2 * m <= n; m *= 2)
            for (long i = 0; i < len; i++)
                buf[i] &= bits_at(buf, len, i * 32 + m, 0xffffffffu);
        if (m < n)
            for (long i = 0; i < len; i++)
                buf[i] &= bits_at(buf, len, i * 32 + (n - m), 0xffffffffu);
        /* dst(y) = t(y - c) for c <= y <= w - n + c. */
        for (long i = 0; i < wpl; i++)
            dst[i] = i < nw ? bits_at(buf, len, i * 32 - c, 0) & span_mask(i, c, w - n + c + 1) : 0;
        return;
    }
    /* t(x) = OR of src(x - m + 1 .. x), outside the row off, for x up to
     * w - 1 + c. */
    long len = (w + c + 31) / 32;
    memcpy(buf, src, (size_t)nw * sizeof *buf);
    buf[nw - 1] &= span_mask(nw - 1, 0, w);
    for (long i = nw; i < len; i++)
        buf[i] = 0;
    long m = 1;
    for (; 2 * m <= n; m *= 2)
        for (long i = len - 1; i >= 0; i--)
            buf[i] |= bits_at(buf, len, i * 32 - m, 0);
    if (m < n)
        for (long i = len - 1; i >= 0; i--)
            buf[i] |= bits_at(buf, len, i * 32 - (n - m), 0);
    /* dst(y) = t(y + c). */
    for (long i = 0; i < wpl; i++)
        dst[i] = i < nw ? bits_at(buf, len, i * 32 + c, 0) & span_mask(i, 0, w) : 0;
}

/* Horizontal brick n long, origin c, over every row of s into d. */
static bool brick_h(PIX *s, PIX *d, long n, long c, bool erode)
{
    long w = (long)pixGetWidth(s), h = (long)pixGetHeight(s);
    int wpl = pixGetWpl(s);
    uint32_t *buf = malloc(((size_t)wpl + (size_t)(n + c + 95) / 32) * sizeof *buf);
    if (!buf)
        return false;
    const l_uint32 *sd = pixGetData(s);
    l_uint32 *dd = pixGetData(d);
    for (long y = 0; y < h; y++)
        row_brick(sd + y * wpl, dd + y * wpl, wpl, w, n, c, erode, buf);
    free(buf);
    return true;
}

/* t(y) &= t(y + k) for the rows that have one k below (rows past the
 * image are on); top to bottom, each row read before it is changed. */
static void rows_and(uint32_t *t, long h, int wpl, long k)
{
    for (long y = 0; y + k < h; y++)
        for (int i = 0; i < wpl; i++)
            t[y * wpl + i] &= t[(y + k) * wpl + i];
}

/* t(y) |= t(y - k) (rows above the image are off); bottom to top. */
static void rows_or(uint32_t *t, long rows, int wpl, long k)
{
    for (long y = rows - 1; y >= k; y--)
        for (int i = 0; i < wpl; i++)
            t[y * wpl + i] |= t[(y - k) * wpl + i];
}

/*
 * Vertical brick n tall, origin c, over every column of s into d (rows of
 * wpl words; the words' bits are columns, so whole rows combine).
 * Erosion: d(y) = AND of s(y - c .. y - c + n - 1), zero where that run
 * leaves the image; dilation: d(y) = OR of s(y + c - n + 1 .. y + c).
 */
static bool brick_v(PIX *s, PIX *d, long n, long c, bool erode)
{
    long h = (long)pixGetHeight(s);
    int wpl = pixGetWpl(s);
    long rows = erode ? h : h + c;
    uint32_t *t = malloc((size_t)rows * (size_t)wpl * sizeof *t);
    if (!t)
        return false;
    const l_uint32 *sd = pixGetData(s);
    l_uint32 *dd = pixGetData(d);
    memcpy(t, sd, (size_t)h * (size_t)wpl * sizeof *t);
    if (erode) {
        long m = 1;
        for (; 2 * m <= n; m *= 2)
            rows_and(t, h, wpl, m);
        if (m < n)
            rows_and(t, h, wpl, n - m);
        for (long y = 0; y < h; y++) {
            bool in = y >= c && y <= h - n + c;
            for (int i = 0; i < wpl; i++)
                dd[y * wpl + i] = in ? t[(y - c) * wpl + i] : 0;
        }
    } else {
        memset(t + h * wpl, 0, (size_t)(rows - h) * (size_t)wpl * sizeof *t);
        long m = 1;
        for (; 2 * m <= n; m *= 2)
            rows_or(t, rows, wpl, m);
        if (m < n)
            rows_or(t, rows, wpl, n - m);
        memcpy(dd, t + c * wpl, (size_t)h * (size_t)wpl * sizeof *t);
    }
    free(t);
    return true;
}

/* One erosion or dilation by a line brick: horizontal (n wide, origin c)
 * or vertical (n tall); n 1 copies. The bits past each row's end are then
 * as Leptonica leaves them (set after an erosion, clear after a
 * dilation). */
static bool line_op(PIX *s, PIX *d, bool horizontal, long n, bool erode)
{
    long c = n / 2;
    bool ok = true;
    if (n == 1)
        ok = pixCopy(d, s) != NULL;
    else
        ok = horizontal ? brick_h(s, d, n, c, erode) : brick_v(s, d, n, c, erode);
    if (ok)
        pixSetPadBits(d, erode ? 1 : 0);
    return ok;
}

/* The sequence of Leptonica's brick opening (open) or closing: separably
 * when both sizes exceed 1, erosions first for an opening. */
static PIX *brick(PIX *s, long hs, long vs, bool open)
{
    PIX *a = pixCreateTemplate(s), *b = pixCreateTemplate(s);
    bool ok = a && b;
    if (ok && (hs == 1 || vs == 1)) {
        bool hz = vs == 1;
        long n = hz ? hs : vs;
        ok = line_op(s, a, hz, n, open) && line_op(a, b, hz, n, !open);
    } else if (ok) {
        ok = line_op(s, a, true, hs, open) && line_op(a, b, false, vs, open) &&
             line_op(b, a, true, hs, !open) && line_op(a, b, false, vs, !open);
    }
    pixDestroy(&a);
    if (!ok)
        pixDestroy(&b);
    return b;
}

static bool fast_case(PIX *pixd, PIX *pixs, l_int32 hs, l_int32 vs)
{
    return atomic_load_explicit(&fast, memory_order_relaxed) && !pixd && pixs &&
           pixGetDepth(pixs) == 1 && !pixGetColormap(pixs) && pixGetWidth(pixs) > 0 &&
           pixGetHeight(pixs) > 0 && hs >= 1 && vs >= 1 && (hs > 1 || vs > 1) &&
           hs <= 4096 && vs <= 4096 && MORPH_BC == ASYMMETRIC_MORPH_BC;
}

/* An opening (open) or closing: here when fast_case allows, else
 * Leptonica's own. */
static PIX *brick_call(PIX *pixd, PIX *pixs, l_int32 hsize, l_int32 vsize, bool open)
{
    pthread_once(&lept_once, resolve);
    if (fast_case(pixd, pixs, hsize, vsize)) {
        PIX *r = brick(pixs, hsize, vsize, open);
        if (r)
            return r;
    }
    brick_fn f = open ? lept.open : lept.close;
    return f ? f(pixd, pixs, hsize, vsize) : NULL;
}

DS_MORPH_EXPORT PIX *pixOpenBrick(PIX *pixd, PIX *pixs, l_int32 hsize, l_int32 vsize)
{
    return brick_call(pixd, pixs, hsize, vsize, true);
}

DS_MORPH_EXPORT PIX *pixCloseBrick(PIX *pixd, PIX *pixs, l_int32 hsize, l_int32 vsize)
{
    return brick_call(pixd, pixs, hsize, vsize, false);
}

void ds_morph_fast(bool on) { atomic_store(&fast, on); }
