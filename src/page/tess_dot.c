/*
 * tess_dot.c: the int8 matrix products of Tesseract's LSTM gates with
 * AVX-512 VNNI (tess.h, ds_tess_int8_dot), the same results as
 * Tesseract's AVX2 code on the same shaped weights.
 *
 * Tesseract (IntSimdMatrix::Init, 8 outputs a register, 8 registers, 32
 * inputs a register, 4 inputs a group: the AVX2 shape) stores a matrix of
 * num_out x num_in int8 weights plus a bias column as groups of G outputs
 * (64 while they last, then 32, 16, 8 for what remains of num_out rounded
 * up to 8): for each 4 inputs (num_in rounded up to 4, zero weights
 * beyond), G / 8 blocks of 32 bytes, output o of a block holding its 4
 * weights at 4 o; then the group's G bias bytes. Its AVX2 code sums each
 * output's weight x input products exactly in int32 (no product pair
 * reaches the 16-bit saturation: weights and inputs are within +-127, a
 * weight -128 within 128), adds bias x 127, converts to float and
 * multiplies by the output's scale, writing every output of the last
 * group (num_out rounded up to 8).
 *
 * Here each 64 bytes of weights take two VPDPBUSD instead of ten AVX2
 * instructions: with b = u + 128 (unsigned), sum w u = sum w b - 128 sum
 * w, both sums exact in int32; then the same bias, conversion and product.
 * About a tenth of a passport page's CPU time went to these products in
 * Tesseract's code (perf, 24 speed pages).
 */
#include "tess.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define DOT_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni")))

/* The bias, conversion and scale of 16 outputs from their sums. */
DOT_TARGET static inline __attribute__((always_inline)) void
dot_out16(__m512i acc, __m512i sum, const int8_t *bias8, const float *scales, float *v)
{
    __m512i total = _mm512_sub_epi32(acc, _mm512_slli_epi32(sum, 7));
    __m512i bias = _mm512_cvtepi8_epi32(_mm_loadu_si128((const __m128i *)bias8));
    total = _mm512_add_epi32(total, _mm512_sub_epi32(_mm512_slli_epi32(bias, 7), bias));
    _mm512_storeu_ps(v, _mm512_mul_ps(_mm512_cvtepi32_ps(total), _mm512_loadu_ps(scales)));
}

/* One group of 16 nz outputs (nz 1, 2 or 4, a constant where it is
 * inlined, so that the sums stay in registers) over rin inputs (a
 * multiple of 4); w at the group's first weight; v and scales at its
 * first output. */
DOT_TARGET static inline __attribute__((always_inline)) void
dot_group(const int8_t *w, const float *scales, const int8_t *u, int rin, float *v, int nz)
{
    __m512i a0 = _mm512_setzero_si512(), a1 = a0, a2 = a0, a3 = a0;
    __m512i s0 = a0, s1 = a0, s2 = a0, s3 = a0;
    const __m512i ones = _mm512_set1_epi8(1);
    for (int g = 0; g < rin; g += 4) {
        uint32_t four;
        memcpy(&four, u + g, sizeof four);
        __m512i rep = _mm512_set1_epi32((int)(four ^ 0x80808080u)); /* u + 128, unsigned */
        __m512i w0 = _mm512_loadu_si512((const void *)w);
        a0 = _mm512_dpbusd_epi32(a0, rep, w0);
        s0 = _mm512_dpbusd_epi32(s0, ones, w0);
        if (nz > 1) {
            __m512i w1 = _mm512_loadu_si512((const void *)(w + 64));
            a1 = _mm512_dpbusd_epi32(a1, rep, w1);
            s1 = _mm512_dpbusd_epi32(s1, ones, w1);
        }
        if (nz > 2) {
            __m512i w2 = _mm512_loadu_si512((const void *)(w + 128));
            __m512i w3 = _mm512_loadu_si512((const void *)(w + 192));
            a2 = _mm512_dpbusd_epi32(a2, rep, w2);
            s2 = _mm512_dpbusd_epi32(s2, ones, w2);
            a3 = _mm512_dpbusd_epi32(a3, rep, w3);
            s3 = _mm512_dpbusd_epi32(s3, ones, w3);
        }
        w += 64 * nz;
    }
    /* w is at the group's bias bytes now */
    dot_out16(a0, s0, w, scales, v);
    if (nz > 1)
        dot_out16(a1, s1, w + 16, scales + 16, v + 16);
    if (nz > 2) {
        dot_out16(a2, s2, w + 32, scales + 32, v + 32);
        dot_out16(a3, s3, w + 48, scales + 48, v + 48);
    }
}

DOT_TARGET static void dot_group8(const int8_t *w, const float *s, const int8_t *u, int rin, float *v)
{
    dot_group(w, s, u, rin, v, 4);
}

DOT_TARGET static void dot_group4(const int8_t *w, const float *s, const int8_t *u, int rin, float *v)
{
    dot_group(w, s, u, rin, v, 2);
}

DOT_TARGET static void dot_group2(const int8_t *w, const float *s, const int8_t *u, int rin, float *v)
{
    dot_group(w, s, u, rin, v, 1);
}

/* The group of 8 outputs: one 256-bit register. */
DOT_TARGET static void dot_group1(const int8_t *w, const float *scales, const int8_t *u, int rin,
                                  float *v)
{
    __m256i acc = _mm256_setzero_si256(), sum = acc;
    const __m256i ones = _mm256_set1_epi8(1);
    for (int g = 0; g < rin; g += 4) {
        uint32_t four;
        memcpy(&four, u + g, sizeof four);
        __m256i rep = _mm256_set1_epi32((int)(four ^ 0x80808080u));
        __m256i wy = _mm256_loadu_si256((const __m256i *)w);
        acc = _mm256_dpbusd_epi32(acc, rep, wy);
        sum = _mm256_dpbusd_epi32(sum, ones, wy);
        w += 32;
    }
    __m256i total = _mm256_sub_epi32(acc, _mm256_slli_epi32(sum, 7));
    int64_t eight;
    memcpy(&eight, w, sizeof eight);
    __m256i bias = _mm256_cvtepi8_epi32(_mm_cvtsi64_si128(eight));
    total = _mm256_add_epi32(total, _mm256_sub_epi32(_mm256_slli_epi32(bias, 7), bias));
    _mm256_storeu_ps(v, _mm256_mul_ps(_mm256_cvtepi32_ps(total), _mm256_loadu_ps(scales)));
}

static bool have_vnni(void)
{
    static atomic_int state; /* 0 not asked, 1 yes, 2 no */
    int s = atomic_load_explicit(&state, memory_order_relaxed);
    if (s == 0) {
        __builtin_cpu_init();
        s = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                    __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni")
                ? 1
                : 2;
        atomic_store_explicit(&state, s, memory_order_relaxed);
    }
    return s == 1;
}

bool ds_tess_int8_dot(int num_out, int num_in_bias, const int8_t *shaped, const float *scales,
                      const int8_t *u, float *v)
{
    if (!have_vnni() || num_out <= 0 || num_in_bias <= 0 || !shaped || !scales || !u || !v)
        return false;
    int rin = (num_in_bias - 1 + 3) / 4 * 4;
    int rout = (num_out + 7) / 8 * 8;
    int out = 0;
    for (int g = 64; g >= 8; g /= 2) {
        /* 64s while they last, then at most one each of 32, 16 and 8 */
        while (out + g <= rout) {
            switch (g) {
            case 64: dot_group8(shaped, scales, u, rin, v); break;
            case 32: dot_group4(shaped, scales, u, rin, v); break;
            case 16: dot_group2(shaped, scales, u, rin, v); break;
            default: dot_group1(shaped, scales, u, rin, v); break;
            }
            shaped += (ptrdiff_t)(rin + 1) * g;
            scales += g;
            v += g;
            out += g;
            if (g < 64)
                break;
        }
    }
    return true;
}
#else
bool ds_tess_int8_dot(int num_out, int num_in_bias, const int8_t *shaped, const float *scales,
                      const int8_t *u, float *v)
{
    (void)num_out, (void)num_in_bias, (void)shaped, (void)scales, (void)u, (void)v;
    return false;
}
#endif
