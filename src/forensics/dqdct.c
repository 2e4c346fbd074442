/*
 * dqdct.c: the 8x8 DCTs of the double-JPEG test (forensics.c): a block's
 * coefficients back to pixels, and chosen coefficients of pixels. Every
 * sum is taken in one fixed order (with SSE2 two sums side by side, each
 * the same operations), so that scores are the same bit for bit on every
 * build.
 */
#include "forensics/dqdct.h"

#include <math.h>
#include <stdbool.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The orthonormal DCT basis [u][x], made per call (no shared state: workers
 * run this in parallel). */
void ds_dq_basis(double cb[8][8])
{
    for (int u = 0; u < 8; u++)
        for (int x = 0; x < 8; x++)
            cb[u][x] = (u ? 0.5 : sqrt(0.125)) * cos((2 * x + 1) * u * 3.141592653589793 / 16.0);
}

/* Dequantises and inverts one block into pixels out[y * stride + x]. */
void ds_dq_idct(const double dq_cos[8][8], const short *blk, const uint16_t q[64], uint8_t *out,
                size_t stride)
{
    /* Most rows of a block's coefficients are all zero: such a row adds
     * exact zeros to every sum, so it is left out (the same bits). Every
     * sum is taken in the same order as written; with SSE2 the eight sums
     * of a row (x) go two at a time, each the same operations. */
    double f[64], t[64];
    int rows[8], nrows = 0;
    for (int r = 0; r < 8; r++) {
        bool any = false;
        for (int c = 0; c < 8; c++) {
            f[r * 8 + c] = (double)blk[r * 8 + c] * q[r * 8 + c];
            any = any || blk[r * 8 + c] != 0;
        }
        if (any)
            rows[nrows++] = r;
    }
#ifdef __SSE2__
    /* Four accumulators of two, named so that they stay in registers. */
#define DQ_ACC4(a, init) __m128d a##0 = init, a##1 = init, a##2 = init, a##3 = init
#define DQ_MAC4(a, row, v)                                                       \
    do {                                                                         \
        a##0 = _mm_add_pd(a##0, _mm_mul_pd(_mm_loadu_pd((row) + 0), v));         \
        a##1 = _mm_add_pd(a##1, _mm_mul_pd(_mm_loadu_pd((row) + 2), v));         \
        a##2 = _mm_add_pd(a##2, _mm_mul_pd(_mm_loadu_pd((row) + 4), v));         \
        a##3 = _mm_add_pd(a##3, _mm_mul_pd(_mm_loadu_pd((row) + 6), v));         \
    } while (0)
#define DQ_STORE4(dst, a)                                                        \
    do {                                                                         \
        _mm_storeu_pd((dst) + 0, a##0);                                          \
        _mm_storeu_pd((dst) + 2, a##1);                                          \
        _mm_storeu_pd((dst) + 4, a##2);                                          \
        _mm_storeu_pd((dst) + 6, a##3);                                          \
    } while (0)
    for (int i = 0; i < nrows; i++) { /* t[r][x] = sum_c f[r][c] C[c][x] */
        int r = rows[i];
        DQ_ACC4(a, _mm_setzero_pd());
        for (int c = 0; c < 8; c++) {
            /* f C, not C f: the products as written (the same either way). */
            __m128d fv = _mm_set1_pd(f[r * 8 + c]);
            a0 = _mm_add_pd(a0, _mm_mul_pd(fv, _mm_loadu_pd(&dq_cos[c][0])));
            a1 = _mm_add_pd(a1, _mm_mul_pd(fv, _mm_loadu_pd(&dq_cos[c][2])));
            a2 = _mm_add_pd(a2, _mm_mul_pd(fv, _mm_loadu_pd(&dq_cos[c][4])));
            a3 = _mm_add_pd(a3, _mm_mul_pd(fv, _mm_loadu_pd(&dq_cos[c][6])));
        }
        DQ_STORE4(&t[r * 8], a);
    }
    for (int y = 0; y < 8; y++) {
        DQ_ACC4(a, _mm_set1_pd(128));
        for (int i = 0; i < nrows; i++)
            DQ_MAC4(a, &t[rows[i] * 8], _mm_set1_pd(dq_cos[rows[i]][y]));
        double sv[8];
        DQ_STORE4(sv, a);
        for (int x = 0; x < 8; x++) {
            double s = sv[x];
#else
    for (int i = 0; i < nrows; i++) { /* t[r][x] = sum_c f[r][c] C[c][x] */
        int r = rows[i];
        for (int x = 0; x < 8; x++) {
            double s = 0;
            for (int c = 0; c < 8; c++)
                s += f[r * 8 + c] * dq_cos[c][x];
            t[r * 8 + x] = s;
        }
    }
    for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
            double s = 128;
            for (int i = 0; i < nrows; i++)
                s += t[rows[i] * 8 + x] * dq_cos[rows[i]][y];
#endif
            /* lround without its call: the fraction s - trunc(s) is exact. */
            long v = (long)s;
            double frac = s - (double)v;
            v += (long)(frac >= 0.5) - (long)(frac <= -0.5);
            out[(size_t)y * stride + (size_t)x] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}

/* The DCT coefficients pos[0..npos) (r * 8 + c, each r + c <= 7) of the
 * 8x8 pixels at p (row stride). */
void ds_dq_fdct(const double dq_cos[8][8], const uint8_t *p, size_t stride, const uint8_t *pos,
                int npos, double *out)
{
    /* t[y][c] = sum_x f[y][x] C[c][x], each sum taken over x in order; the
     * eight sums of a row side by side (the compiler's vectors). */
    double t[8][8], ct[8][8];
    for (int c = 0; c < 8; c++)
        for (int x = 0; x < 8; x++)
            ct[x][c] = dq_cos[c][x];
    for (int y = 0; y < 8; y++) {
        double s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (int x = 0; x < 8; x++) {
            double f = (double)p[(size_t)y * stride + (size_t)x] - 128;
            for (int c = 0; c < 8; c++)
                s[c] += f * ct[x][c];
        }
        for (int c = 0; c < 8; c++)
            t[y][c] = s[c];
    }
#ifdef __SSE2__
    /* out(r, c) = sum_y t[y][c] C[r][y], over y in order: for each column
     * c the eight rows r two at a time (ct[y][r] is C[r][y]); zig-zag
     * takes those with r + c <= 7. */
    double res[64];
    for (int c = 0; c < 8; c++) {
        DQ_ACC4(a, _mm_setzero_pd());
        for (int y = 0; y < 8; y++) {
            /* t C as written: the products commute exactly anyway. */
            __m128d tv = _mm_set1_pd(t[y][c]);
            a0 = _mm_add_pd(a0, _mm_mul_pd(tv, _mm_loadu_pd(&ct[y][0])));
            a1 = _mm_add_pd(a1, _mm_mul_pd(tv, _mm_loadu_pd(&ct[y][2])));
            a2 = _mm_add_pd(a2, _mm_mul_pd(tv, _mm_loadu_pd(&ct[y][4])));
            a3 = _mm_add_pd(a3, _mm_mul_pd(tv, _mm_loadu_pd(&ct[y][6])));
        }
        double col[8];
        DQ_STORE4(col, a);
        for (int r = 0; r < 8; r++)
            res[r * 8 + c] = col[r];
    }
    for (int k = 0; k < npos; k++)
        out[k] = res[pos[k] & 63];
#else
    for (int k = 0; k < npos; k++) {
        int r = pos[k] / 8, c = pos[k] % 8;
        double s = 0;
        for (int y = 0; y < 8; y++)
            s += t[y][c] * dq_cos[r][y];
        out[k] = s;
    }
#endif
}
