/*
 * tess_net.c: the plumbing of Tesseract's LSTM networks, the index
 * arithmetic and the copies between layers, with the same results in
 * fewer instructions and no branch on the data (tess.h, ds_tess_fast_net).
 *
 * Tesseract's networks walk their time steps with StrideMap::Index
 * (lstm/stridemap.cpp): a position (batch, y, x) and its flat step t.
 * Every neighbour its 3x3 convolution gathers, every step of its maxpool
 * and of its sideways and reversed layers is an AddOffset (move, recompute
 * t, check the position), which calls SetTFromIndices and IsValid, which
 * calls MaxIndexOfDim three times, each through the procedure linkage
 * table. Counted with callgrind on the sparse reads of three speed pages,
 * AddOffset and its callees were 17 % of the instructions, and perf puts
 * those five functions at about an eighth of a passport page's CPU time.
 *
 * Between layers each time step's outputs are written into the next
 * layer's input (NetworkIO::WriteTimeStepPart: in the int8 networks of
 * the fast models, each value times 127, rounded half away from zero by a
 * branch on its sign, which the processor guesses wrong half the time: 6 %
 * of a page), and the convolution copies each neighbour's one value with
 * a call to memcpy (CopyTimeStepGeneral, 2 %).
 *
 * The convolution itself (Convolve::Forward: two AddOffsets and a copy for
 * each of a step's nine neighbours, 10 % of a page with the functions
 * above) is plain loops here, and the maxpool's comparison of two steps
 * (NetworkIO::MaxpoolTimeStep, 3 %: a branch on each value) and the int8
 * rounding go four or sixteen values at a time (SSE2).
 *
 * The gates of every LSTM step (a `parallel sections` region a step:
 * four int8 products, then tanh or the logistic inlined with a branch on
 * each value's sign) are computed here too, with the same values, when
 * regions run inline (base/omp.h) and the region's code is the one read
 * (lstm_gates below); the products, and those of the fully connected
 * layers, go through tess_dot.c where the processor has AVX-512 VNNI.
 *
 * This file defines those functions (the C++ names Tesseract calls), so
 * that the dynamic linker binds libtesseract's calls here before its own
 * (libdocscreen, or a program linking it statically, comes before
 * libtesseract in the load order; the same way as tess.c's pixWriteMem
 * and base/omp.c). Each computes what Tesseract's own does, from the same
 * fields, in plain integer code without calls:
 *
 *   Index:     const StrideMap *map; int t; int indices[3] (batch, y, x)
 *   StrideMap: int shape[3]; int t_increments[3];
 *              std::vector<int> heights, widths (begin, end, capacity)
 *   NetworkIO: GENERIC_2D_ARRAY<float> f; GENERIC_2D_ARRAY<int8_t> i;
 *              bool int_mode; StrideMap stride_map (each array: vtable, data, empty value,
 *              int dim1, dim2, allocated; row t at data + t * dim2)
 *
 * the layout of Tesseract 4.0 to 5.3 on x86-64 and AArch64, checked against
 * Debian's libtesseract 5.3.0 (objdump). With any release but 5.3.x
 * (TessVersion), or when turned off, each call goes on to Tesseract's own
 * function (dlsym RTLD_NEXT), and so does a copy between networks of two
 * modes (Tesseract's error). tests/test_tess compares a page's reading with
 * and without this file's functions, word, confidence and box, and the
 * int8 rounding on every float class.
 */
#define _GNU_SOURCE
#include "tess.h"
#include "base/omp.h"

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <tesseract/capi.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define DS_TESS_EXPORT __attribute__((visibility("default")))

enum { FD_BATCH, FD_HEIGHT, FD_WIDTH, FD_DIMSIZE };

typedef struct {
    const int *begin, *end, *cap;
} int_vector;

typedef struct {
    int shape[FD_DIMSIZE];
    int t_increments[FD_DIMSIZE];
    int_vector heights, widths;
} stride_map;

typedef struct {
    const stride_map *map;
    int t;
    int indices[FD_DIMSIZE];
} stride_index;

typedef struct {
    const void *vtable;
    float *data;
    float empty;
    int dim1, dim2, allocated;
} float_array;

typedef struct {
    const void *vtable;
    int8_t *data;
    int8_t empty;
    int dim1, dim2, allocated;
} int8_array;

typedef struct {
    float_array f;
    int8_array i;
    bool int_mode;
    stride_map map;
} network_io;

/* A Convolve layer: Network's fields (vtable, type, flags, ni, no, name,
 * windows, randomizer) then half_x and half_y. */
typedef struct {
    char network_head[0x18];
    int ni, no;
    char network_tail[0x58 - 0x20];
    void *randomizer;
    int half_x, half_y;
} convolve_layer;

_Static_assert(offsetof(network_io, int_mode) == 0x40, "NetworkIO layout");
_Static_assert(offsetof(network_io, map) == 0x48, "NetworkIO layout");
_Static_assert(offsetof(convolve_layer, randomizer) == 0x58, "Convolve layout");
_Static_assert(offsetof(convolve_layer, half_y) == 0x64, "Convolve layout");

/* Tesseract's mangled names. */
#define N_MAX_INDEX "_ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE"
#define N_IS_VALID "_ZNK9tesseract9StrideMap5Index7IsValidEv"
#define N_IS_LAST "_ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE"
#define N_SET_T "_ZN9tesseract9StrideMap5Index15SetTFromIndicesEv"
#define N_ADD_OFFSET "_ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE"
#define N_INCREMENT "_ZN9tesseract9StrideMap5Index9IncrementEv"
#define N_WRITE_PART "_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf"
#define N_COPY_GENERAL "_ZN9tesseract9NetworkIO19CopyTimeStepGeneralEiiiRKS0_ii"
#define N_THRESHOLD_RECT                                                                     \
    "_ZNK9tesseract16ImageThresholder18ThresholdRectToPixENS_5ImageEiRKSt6vectorIiSaIiEES6_PS1_"
#define N_FC_STEP "_ZN9tesseract14FullyConnected15ForwardTimeStepEiPf"
#define N_FC_STEP_INT8 "_ZN9tesseract14FullyConnected15ForwardTimeStepEPKaiPf"
#define N_TANH_TABLE "_ZN9tesseract9TanhTableE"
#define N_MAXPOOL_STEP "_ZN9tesseract9NetworkIO15MaxpoolTimeStepEiRKS0_iPi"
#define N_CONV_FORWARD                                                                    \
    "_ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratc" \
    "hEPS1_"
#define N_RESIZE_TO_MAP "_ZN9tesseract9NetworkIO11ResizeToMapEbRKNS_9StrideMapEi"
#define N_RANDOMIZE "_ZN9tesseract9NetworkIO9RandomizeEiiiPNS_5TRandE"
#define N_LOGISTIC_TABLE "_ZN9tesseract13LogisticTableE"
#define N_MDV_INT8 "_ZNK9tesseract12WeightMatrix15MatrixDotVectorEPKaPf"
#define N_RESIZE_FORWARD "_ZN9tesseract4LSTM13ResizeForwardERKNS_9NetworkIOE"
#define N_INT_SIMD "_ZN9tesseract13IntSimdMatrix13intSimdMatrixE"

typedef int (*max_index_fn)(const stride_index *, int);
typedef bool (*is_valid_fn)(const stride_index *);
typedef bool (*is_last_fn)(const stride_index *, int);
typedef void (*set_t_fn)(stride_index *);
typedef bool (*add_offset_fn)(stride_index *, int, int);
typedef bool (*increment_fn)(stride_index *);
typedef void (*write_part_fn)(network_io *, int, int, int, const float *);
typedef void (*copy_general_fn)(network_io *, int, int, int, const network_io *, int, int);
typedef void (*fc_step_fn)(void *, int, float *);
typedef void (*fc_step_int8_fn)(void *, const int8_t *, int, float *);
typedef void (*threshold_rect_fn)(const void *, PIX *, int, const int_vector *, const int_vector *,
                                  PIX **);
typedef void (*maxpool_step_fn)(network_io *, int, const network_io *, int, int *);
typedef void (*conv_forward_fn)(convolve_layer *, bool, const network_io *, const void *, void *,
                                network_io *);
typedef void (*resize_to_map_fn)(network_io *, bool, const stride_map *, int);
typedef void (*randomize_fn)(network_io *, int, int, int, void *);
typedef void (*mdv_int8_fn)(const void *, const int8_t *, float *);

static struct {
    max_index_fn max_index;
    is_valid_fn is_valid;
    is_last_fn is_last;
    set_t_fn set_t;
    add_offset_fn add_offset;
    increment_fn increment;
    write_part_fn write_part;
    copy_general_fn copy_general;
    maxpool_step_fn maxpool_step;
    fc_step_fn fc_step;
    fc_step_int8_fn fc_step_int8;
    threshold_rect_fn threshold_rect;
    const float *tanh_table; /* Tesseract's, kTableSize (4096) values over [0, 16) */
    conv_forward_fn conv_forward;
    resize_to_map_fn resize_to_map;
    randomize_fn randomize;
    const float *logistic_table; /* Tesseract's, as tanh_table */
    mdv_int8_fn mdv_int8;        /* WeightMatrix::MatrixDotVector(const int8_t *, float *) */
    bool layout_known; /* Tesseract 5.3.x: the layout above */
} own;
static pthread_once_t own_once = PTHREAD_ONCE_INIT;
static atomic_bool fast_net = true;
static atomic_ulong fast_calls;

static void lstm_gates_register(void);
/* IntSimdMatrix::intSimdMatrix: the matrix code Tesseract chose, whose
 * shape (outputs a register, registers, inputs a register, inputs a
 * group, ints from byte 8) makes the shaped weights' layout. */
static const void *const *int_simd;

static void resolve(void)
{
    own.max_index = (max_index_fn)dlsym(RTLD_NEXT, N_MAX_INDEX);
    own.is_valid = (is_valid_fn)dlsym(RTLD_NEXT, N_IS_VALID);
    own.is_last = (is_last_fn)dlsym(RTLD_NEXT, N_IS_LAST);
    own.set_t = (set_t_fn)dlsym(RTLD_NEXT, N_SET_T);
    own.add_offset = (add_offset_fn)dlsym(RTLD_NEXT, N_ADD_OFFSET);
    own.increment = (increment_fn)dlsym(RTLD_NEXT, N_INCREMENT);
    own.write_part = (write_part_fn)dlsym(RTLD_NEXT, N_WRITE_PART);
    own.copy_general = (copy_general_fn)dlsym(RTLD_NEXT, N_COPY_GENERAL);
    own.maxpool_step = (maxpool_step_fn)dlsym(RTLD_NEXT, N_MAXPOOL_STEP);
    own.fc_step = (fc_step_fn)dlsym(RTLD_NEXT, N_FC_STEP);
    own.fc_step_int8 = (fc_step_int8_fn)dlsym(RTLD_NEXT, N_FC_STEP_INT8);
    own.threshold_rect = (threshold_rect_fn)dlsym(RTLD_NEXT, N_THRESHOLD_RECT);
    own.tanh_table = (const float *)dlsym(RTLD_NEXT, N_TANH_TABLE);
    own.conv_forward = (conv_forward_fn)dlsym(RTLD_NEXT, N_CONV_FORWARD);
    own.resize_to_map = (resize_to_map_fn)dlsym(RTLD_NEXT, N_RESIZE_TO_MAP);
    own.randomize = (randomize_fn)dlsym(RTLD_NEXT, N_RANDOMIZE);
    own.logistic_table = (const float *)dlsym(RTLD_NEXT, N_LOGISTIC_TABLE);
    own.mdv_int8 = (mdv_int8_fn)dlsym(RTLD_NEXT, N_MDV_INT8);
    const char *v = TessVersion();
    /* Only the release whose layout was read (objdump) and that
     * tests/test_tess compares against: any other goes to Tesseract's own
     * functions, as does a build where one of them cannot be found. */
    own.layout_known = v && strncmp(v, "5.3.", 4) == 0 && own.max_index && own.is_valid &&
                       own.is_last && own.set_t && own.add_offset && own.increment &&
                       own.write_part && own.copy_general && own.maxpool_step && own.fc_step &&
                       own.fc_step_int8 && own.threshold_rect &&
                       own.tanh_table && own.conv_forward &&
                       own.resize_to_map && own.randomize;
    int_simd = (const void *const *)dlsym(RTLD_NEXT, N_INT_SIMD);
    lstm_gates_register();
}

/* True when this file computes the call; false when it goes to Tesseract's
 * own function (resolved then). */
static inline bool ours(void)
{
    static atomic_int state; /* 0 not decided, 1 ours, 2 Tesseract's */
    int s = atomic_load_explicit(&state, memory_order_relaxed);
    if (s == 0) {
        pthread_once(&own_once, resolve);
        s = own.layout_known ? 1 : 2;
        atomic_store_explicit(&state, s, memory_order_relaxed);
    }
    return s == 1 && atomic_load_explicit(&fast_net, memory_order_relaxed);
}

/* The last index along heights or widths for this batch item. */
static inline int max_along(const int_vector *v, int max, int batch)
{
    size_t b = (size_t)(ptrdiff_t)batch;
    if (b >= (size_t)(v->end - v->begin) || v->begin[b] > max)
        return max;
    return v->begin[b] - 1;
}

static inline int max_index(const stride_index *ix, int dim)
{
    const stride_map *m = ix->map;
    int max = m->shape[dim] - 1;
    if (dim == FD_BATCH)
        return max;
    return max_along(dim == FD_HEIGHT ? &m->heights : &m->widths, max, ix->indices[FD_BATCH]);
}

static inline bool is_valid(const stride_index *ix)
{
    const stride_map *m = ix->map;
    int b = ix->indices[FD_BATCH], y = ix->indices[FD_HEIGHT], x = ix->indices[FD_WIDTH];
    if ((b | y | x) < 0 || b > m->shape[FD_BATCH] - 1)
        return false;
    return y <= max_along(&m->heights, m->shape[FD_HEIGHT] - 1, b) &&
           x <= max_along(&m->widths, m->shape[FD_WIDTH] - 1, b);
}

/* Tesseract's int products wrap; unsigned arithmetic does the same without
 * undefined behaviour. */
static inline void set_t(stride_index *ix)
{
    unsigned t = 0;
    for (int d = 0; d < FD_DIMSIZE; d++)
        t += (unsigned)ix->map->t_increments[d] * (unsigned)ix->indices[d];
    ix->t = (int)t;
}

DS_TESS_EXPORT int _ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE(
    const stride_index *ix, int dim)
{
    if (!ours())
        return own.max_index(ix, dim);
    return max_index(ix, dim);
}

DS_TESS_EXPORT bool _ZNK9tesseract9StrideMap5Index7IsValidEv(const stride_index *ix)
{
    if (!ours())
        return own.is_valid(ix);
    return is_valid(ix);
}

DS_TESS_EXPORT bool _ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE(
    const stride_index *ix, int dim)
{
    if (!ours())
        return own.is_last(ix, dim);
    return ix->indices[dim] == max_index(ix, dim);
}

DS_TESS_EXPORT void _ZN9tesseract9StrideMap5Index15SetTFromIndicesEv(stride_index *ix)
{
    if (!ours()) {
        own.set_t(ix);
        return;
    }
    set_t(ix);
}

DS_TESS_EXPORT bool _ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE(
    stride_index *ix, int offset, int dim)
{
    if (!ours())
        return own.add_offset(ix, offset, dim);
    ix->indices[dim] = (int)((unsigned)ix->indices[dim] + (unsigned)offset);
    set_t(ix);
    return is_valid(ix);
}

/* The next position in (batch, y, x) order, x fastest; false (and every
 * index back at 0) after the last. */
DS_TESS_EXPORT bool _ZN9tesseract9StrideMap5Index9IncrementEv(stride_index *ix)
{
    if (!ours())
        return own.increment(ix);
    for (int d = FD_DIMSIZE - 1; d >= 0; d--) {
        unsigned inc = (unsigned)ix->map->t_increments[d];
        if (ix->indices[d] == max_index(ix, d)) {
            ix->t = (int)((unsigned)ix->t - inc * (unsigned)ix->indices[d]);
            ix->indices[d] = 0;
        } else {
            ix->t = (int)((unsigned)ix->t + inc);
            ix->indices[d]++;
            return true;
        }
    }
    /* The end of a walk over every step: counted for the tests, without a
     * locked add. */
    atomic_store_explicit(&fast_calls, atomic_load_explicit(&fast_calls, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    return false;
}

/* Tesseract's int8 value of an output in [-1, 1] (functions.h's
 * IntCastRounded and ClipToRange as Debian's build computes them): v =
 * x * 127 in float, rounded half away from zero by truncating |v| + 0.5
 * (for v < 0 Tesseract truncates 0.5 - v, the same float), clipped to
 * [-127, 127]. A truncation out of int's range, or of NaN, is INT_MIN
 * there (cvttss2si), which clips to -127 whatever the sign. */
int8_t ds_tess_int8_of(float x)
{
    float v = x * 127.0f;
    float r = fabsf(v) + 0.5f;
    if (!(r < 2147483648.0f)) /* NaN too */
        return -127;
    int m = (int)r;
    m = m > 127 ? 127 : m;
    int neg = -(int)(v < 0.0f); /* no branch on the sign: it is a coin toss */
    return (int8_t)((m ^ neg) - neg);
}

/* ds_tess_int8_of over in[0..n), four at a time where SSE2 is (every
 * x86-64): the same float products and sums; cvttps2dq gives INT_MIN for
 * what is out of int's range or NaN, as cvttss2si does. */
void ds_tess_int8_row(const float *in, int8_t *out, int n)
{
    int k = 0;
#ifdef __SSE2__
    const __m128 scale = _mm_set1_ps(127.0f), half = _mm_set1_ps(0.5f), zero = _mm_setzero_ps();
    const __m128 abs_mask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
    const __m128i top = _mm_set1_epi32(127), low = _mm_set1_epi32(-127),
                  bad = _mm_set1_epi32(INT_MIN);
    for (; k + 4 <= n; k += 4) {
        __m128 v = _mm_mul_ps(_mm_loadu_ps(in + k), scale);
        __m128i m = _mm_cvttps_epi32(_mm_add_ps(_mm_and_ps(v, abs_mask), half));
        __m128i out_of_range = _mm_cmpeq_epi32(m, bad);
        __m128i big = _mm_cmpgt_epi32(m, top);
        m = _mm_or_si128(_mm_andnot_si128(big, m), _mm_and_si128(big, top));
        __m128i neg = _mm_castps_si128(_mm_cmplt_ps(v, zero));
        m = _mm_sub_epi32(_mm_xor_si128(m, neg), neg);
        m = _mm_or_si128(_mm_andnot_si128(out_of_range, m), _mm_and_si128(out_of_range, low));
        __m128i w = _mm_packs_epi32(m, m);
        int32_t four = _mm_cvtsi128_si32(_mm_packs_epi16(w, w));
        memcpy(out + k, &four, 4);
    }
#endif
    for (; k < n; k++)
        out[k] = ds_tess_int8_of(in[k]);
}

DS_TESS_EXPORT void _ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf(network_io *io, int t,
                                                                       int offset, int n,
                                                                       const float *in)
{
    if (!ours()) {
        own.write_part(io, t, offset, n, in);
        return;
    }
    if (io->int_mode) {
        int8_t *line = io->i.data + (ptrdiff_t)(int)((unsigned)t * (unsigned)io->i.dim2) + offset;
        ds_tess_int8_row(in, line, n);
    } else {
        float *line = io->f.data + (ptrdiff_t)(int)((unsigned)t * (unsigned)io->f.dim2) + offset;
        for (int k = 0; k < n; k++)
            line[k] = in[k];
    }
}

/* CopyTimeStepGeneral's copy, both sides of one mode. */
static inline void copy_step(network_io *io, int dest_t, int dest_offset, int n,
                             const network_io *src, int src_t, int src_offset)
{
    if (io->int_mode) {
        int8_t *d = io->i.data + (ptrdiff_t)(int)((unsigned)dest_t * (unsigned)io->i.dim2) + dest_offset;
        const int8_t *s =
            src->i.data + (ptrdiff_t)(int)((unsigned)src_t * (unsigned)src->i.dim2) + src_offset;
        if (n == 1)
            *d = *s; /* the convolution's one value a neighbour */
        else if (n > 0)
            memcpy(d, s, (size_t)n);
    } else {
        float *d = io->f.data + (ptrdiff_t)(int)((unsigned)dest_t * (unsigned)io->f.dim2) + dest_offset;
        const float *s =
            src->f.data + (ptrdiff_t)(int)((unsigned)src_t * (unsigned)src->f.dim2) + src_offset;
        if (n == 1)
            *d = *s;
        else if (n > 0)
            memcpy(d, s, (size_t)n * sizeof *d);
    }
}

DS_TESS_EXPORT void _ZN9tesseract9NetworkIO19CopyTimeStepGeneralEiiiRKS0_ii(
    network_io *io, int dest_t, int dest_offset, int n, const network_io *src, int src_t,
    int src_offset)
{
    if (!ours() || io->int_mode != src->int_mode) {
        own.copy_general(io, dest_t, dest_offset, n, src, src_t, src_offset);
        return;
    }
    copy_step(io, dest_t, dest_offset, n, src, src_t, src_offset);
}

/* NetworkIO::MaxpoolTimeStep: each value of step src_t above the one at
 * dest_t replaces it, and max_line records src_t for it; Tesseract's
 * branch on each comparison is a coin toss, these selections are not. */
DS_TESS_EXPORT void _ZN9tesseract9NetworkIO15MaxpoolTimeStepEiRKS0_iPi(network_io *io, int dest_t,
                                                                       const network_io *src,
                                                                       int src_t, int *max_line)
{
    if (!ours() || io->int_mode != src->int_mode) {
        own.maxpool_step(io, dest_t, src, src_t, max_line);
        return;
    }
    if (io->int_mode) {
        int dim = io->i.dim2;
        int8_t *d = io->i.data + (ptrdiff_t)(int)((unsigned)dest_t * (unsigned)dim);
        const int8_t *s =
            src->i.data + (ptrdiff_t)(int)((unsigned)src_t * (unsigned)src->i.dim2);
        int k = 0;
#ifdef __SSE2__
        const __m128i st = _mm_set1_epi32(src_t);
        for (; k + 16 <= dim; k += 16) {
            __m128i sv = _mm_loadu_si128((const __m128i *)(s + k));
            __m128i dv = _mm_loadu_si128((const __m128i *)(d + k));
            __m128i gt = _mm_cmpgt_epi8(sv, dv);
            _mm_storeu_si128((__m128i *)(d + k),
                             _mm_or_si128(_mm_and_si128(gt, sv), _mm_andnot_si128(gt, dv)));
            __m128i g16[2] = {_mm_unpacklo_epi8(gt, gt), _mm_unpackhi_epi8(gt, gt)};
            for (int h = 0; h < 4; h++) {
                __m128i g = (h & 1) ? _mm_unpackhi_epi16(g16[h >> 1], g16[h >> 1])
                                    : _mm_unpacklo_epi16(g16[h >> 1], g16[h >> 1]);
                __m128i *ml = (__m128i *)(max_line + k + 4 * h);
                __m128i old = _mm_loadu_si128(ml);
                _mm_storeu_si128(ml, _mm_or_si128(_mm_and_si128(g, st), _mm_andnot_si128(g, old)));
            }
        }
#endif
        for (; k < dim; k++) {
            int gt = s[k] > d[k];
            d[k] = gt ? s[k] : d[k];
            max_line[k] = gt ? src_t : max_line[k];
        }
    } else {
        int dim = io->f.dim2;
        float *d = io->f.data + (ptrdiff_t)(int)((unsigned)dest_t * (unsigned)dim);
        const float *s =
            src->f.data + (ptrdiff_t)(int)((unsigned)src_t * (unsigned)src->f.dim2);
        for (int k = 0; k < dim; k++) {
            int gt = s[k] > d[k];
            d[k] = gt ? s[k] : d[k];
            max_line[k] = gt ? src_t : max_line[k];
        }
    }
}

/* Tesseract's Tanh and Logistic (functions.h) as Debian's 5.3.0 computes
 * them (the fully connected layers' tanh, the LSTM gates' inlined
 * functions): on |x|, s = |x| * 256 in float, its index the low 32 bits of
 * s truncated to 64, 1 beyond the table's last step (index > 4094,
 * unsigned), else the table's two values at the index interpolated: t0 +
 * (t1 - t0) * (s - index); for x < 0 (-0 takes the positive side) the
 * tanh is negated, the logistic 1 minus it (+0 beyond the table). NaN
 * reads the table at 0 and stays NaN. */
static float table_of(const float *table, float x, bool logistic)
{
    bool neg = x < 0.0f;
    float a = neg ? -x : x;
    float s = a * 256.0f;
#ifdef __SSE2__
    unsigned idx = (unsigned)(unsigned long long)_mm_cvttss_si64(_mm_set_ss(s));
#else
    unsigned idx = s < 9.2e18f ? (unsigned)(unsigned long long)(long long)s : 0u; /* not met */
#endif
    float r;
    if (idx > 4094u) {
        r = 1.0f;
    } else {
        float t0 = table[idx], t1 = table[idx + 1];
        r = t0 + (t1 - t0) * (s - (float)(int)idx);
    }
    if (!neg)
        return r;
    return logistic ? 1.0f - r : -r;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define DS_TABLE_AVX2 1
/* The tables' interpolation eight values at a time with AVX2's gathers
 * (no FMA: the same products and sums as the SSE2 and scalar code): tanh
 * (logistic false) or the logistic of line[0..n rounded down to 8); how
 * many values were done. Eight whose scaled values are not all under 2^31
 * (NaN, huge) are left to the caller, from that point on. */
__attribute__((target("avx2"))) static int table_row_avx2(const float *table, float *line, int n,
                                                          bool logistic)
{
    const __m256 sign = _mm256_castsi256_ps(_mm256_set1_epi32(INT_MIN));
    const __m256 zero = _mm256_setzero_ps(), scale = _mm256_set1_ps(256.0f),
                 limit = _mm256_set1_ps(2147483648.0f), one = _mm256_set1_ps(1.0f);
    const __m256i last = _mm256_set1_epi32(4094);
    int k = 0;
    for (; k + 8 <= n; k += 8) {
        __m256 x = _mm256_loadu_ps(line + k);
        __m256 neg = _mm256_cmp_ps(x, zero, _CMP_LT_OQ);
        __m256 s = _mm256_mul_ps(_mm256_xor_ps(x, _mm256_and_ps(neg, sign)), scale);
        if (_mm256_movemask_ps(_mm256_cmp_ps(s, limit, _CMP_LT_OQ)) != 0xff)
            break;
        __m256i idx = _mm256_cvttps_epi32(s);
        __m256i beyond = _mm256_cmpgt_epi32(idx, last);
        __m256i at = _mm256_andnot_si256(beyond, idx);
        /* Each index's two neighbouring values in one 64-bit load, then
         * the firsts and the seconds apart, back in index order. */
        __m256i p0 = _mm256_i32gather_epi64((const long long *)table, _mm256_castsi256_si128(at), 4);
        __m256i p1 =
            _mm256_i32gather_epi64((const long long *)table, _mm256_extracti128_si256(at, 1), 4);
        __m256 f0 = _mm256_castsi256_ps(p0), f1 = _mm256_castsi256_ps(p1);
        __m256 t0 = _mm256_castpd_ps(_mm256_permute4x64_pd(
            _mm256_castps_pd(_mm256_shuffle_ps(f0, f1, _MM_SHUFFLE(2, 0, 2, 0))), 0xd8));
        __m256 t1 = _mm256_castpd_ps(_mm256_permute4x64_pd(
            _mm256_castps_pd(_mm256_shuffle_ps(f0, f1, _MM_SHUFFLE(3, 1, 3, 1))), 0xd8));
        __m256 r = _mm256_add_ps(t0, _mm256_mul_ps(_mm256_sub_ps(t1, t0),
                                                   _mm256_sub_ps(s, _mm256_cvtepi32_ps(idx))));
        r = _mm256_blendv_ps(r, one, _mm256_castsi256_ps(beyond));
        if (logistic)
            r = _mm256_blendv_ps(r, _mm256_sub_ps(one, r), neg);
        else
            r = _mm256_xor_ps(r, _mm256_and_ps(neg, sign));
        _mm256_storeu_ps(line + k, r);
    }
    return k;
}

static bool have_avx2(void)
{
    static atomic_int state; /* 0 not asked, 1 yes, 2 no */
    int s = atomic_load_explicit(&state, memory_order_relaxed);
    if (s == 0) {
        __builtin_cpu_init();
        s = __builtin_cpu_supports("avx2") ? 1 : 2;
        atomic_store_explicit(&state, s, memory_order_relaxed);
    }
    return s == 1;
}
#endif


/* table_of over line[0..n): eight at a time with AVX2, then four at a
 * time where every s is under 2^31 (the truncations agree there; NaN and
 * beyond go one by one). Tesseract's branch on each value's sign is a
 * coin toss: in the convolution's fully connected layer, sixteen values a
 * pixel of every line, and in every LSTM gate it was most of their time. */
static void table_row(const float *table, float *line, int n, bool logistic)
{
    int k = 0;
#ifdef DS_TABLE_AVX2
    if (have_avx2())
        k = table_row_avx2(table, line, n, logistic);
#endif
#ifdef __SSE2__
    const __m128 sign = _mm_castsi128_ps(_mm_set1_epi32(INT_MIN)), zero = _mm_setzero_ps();
    const __m128 scale = _mm_set1_ps(256.0f), limit = _mm_set1_ps(2147483648.0f),
                 one = _mm_set1_ps(1.0f);
    const __m128i last = _mm_set1_epi32(4094);
    for (; k + 4 <= n; k += 4) {
        __m128 x = _mm_loadu_ps(line + k);
        __m128 neg = _mm_cmplt_ps(x, zero);
        __m128 s = _mm_mul_ps(_mm_xor_ps(x, _mm_and_ps(neg, sign)), scale);
        if (_mm_movemask_ps(_mm_cmplt_ps(s, limit)) != 0xf) {
            for (int j = 0; j < 4; j++)
                line[k + j] = table_of(table, line[k + j], logistic);
            continue;
        }
        __m128i idx = _mm_cvttps_epi32(s);
        __m128i beyond = _mm_cmpgt_epi32(idx, last);
        int at[4];
        _mm_storeu_si128((__m128i *)at, _mm_andnot_si128(beyond, idx));
        __m128 t0 = _mm_setr_ps(table[at[0]], table[at[1]], table[at[2]], table[at[3]]);
        __m128 t1 =
            _mm_setr_ps(table[at[0] + 1], table[at[1] + 1], table[at[2] + 1], table[at[3] + 1]);
        __m128 r = _mm_add_ps(t0, _mm_mul_ps(_mm_sub_ps(t1, t0),
                                             _mm_sub_ps(s, _mm_cvtepi32_ps(idx))));
        __m128 b = _mm_castsi128_ps(beyond);
        r = _mm_or_ps(_mm_and_ps(b, one), _mm_andnot_ps(b, r));
        if (logistic) /* 1 - 1 beyond the table: +0, as Tesseract's */
            r = _mm_or_ps(_mm_and_ps(neg, _mm_sub_ps(one, r)), _mm_andnot_ps(neg, r));
        else
            r = _mm_xor_ps(r, _mm_and_ps(neg, sign));
        _mm_storeu_ps(line + k, r);
    }
#endif
    for (; k < n; k++)
        line[k] = table_of(table, line[k], logistic);
}

void ds_tess_tanh_row(const float *table, float *line, int n) { table_row(table, line, n, false); }

void ds_tess_logistic_row(const float *table, float *line, int n)
{
    table_row(table, line, n, true);
}

/*
 * The gates of an LSTM step (LSTM::Forward, lstm/lstm.cpp): Tesseract
 * opens a `parallel sections` region a time step whose four sections each
 * multiply the step's input by one gate's weights and apply the gate's
 * function in place: tanh for the cell input (CI), the logistic for the
 * input, forget and output gates (GI, GF1, GO). The functions are inlined
 * there as a loop with a branch on each value's sign, a coin toss: about
 * a sixth of a passport page's CPU time (perf, 24 speed pages). Here the
 * same products (Tesseract's own WeightMatrix::MatrixDotVector) and the
 * same functions four values at a time, with the same results.
 *
 * The region's body is a function of libtesseract without a name (GCC's
 * outlined LSTM::Forward._omp_fn.0, 0x140 bytes after ResizeForward in
 * Debian's 5.3.0-2); it is replaced only when its 0x746 bytes are the ones
 * read (FNV-1a below), so any other build runs its own. Its data: the LSTM,
 * the gates' FloatVecs (0x18 bytes each, the values at +8), the float
 * input, the step t. The LSTM: ns_ at 0x64, is_2d_ at 0x6c, the gates'
 * WeightMatrix objects at 0x70 + 0xf8 k (CI, GI, GF1, GO, GFS), source_
 * (a NetworkIO) at 0x550: its int8 rows at 0x578, row length at 0x588,
 * int_mode_ at 0x590. A float network or a 2-D LSTM runs Tesseract's.
 */
#define LSTM_GATES_OFFSET 0x140
#define LSTM_GATES_SIZE 0x746
#define LSTM_GATES_FNV 0xfe55a821a1ce9defull

static atomic_ulong lstm_gate_steps;

/* WeightMatrix::MatrixDotVector(const int8_t *, float *) of the weights
 * at wm: ds_tess_int8_dot on its shaped weights (at 0xe0) and scales (at
 * 0x68), num_out and num_in + 1 its int8 rows' dimensions (wi_ at 0x20:
 * 0x34, 0x38), when the shape is AVX2's; else Tesseract's own. */
static void gate_product(const char *wm, const int8_t *in, float *v)
{
    const void *simd = int_simd ? *int_simd : NULL;
    int shape[4] = {0, 0, 0, 0};
    if (simd)
        memcpy(shape, (const char *)simd + 8, sizeof shape);
    if (shape[0] == 8 && shape[1] == 8 && shape[2] == 32 && shape[3] == 4) {
        int dims[2];
        const int8_t *shaped;
        const float *scales;
        memcpy(dims, wm + 0x34, sizeof dims);
        memcpy(&shaped, wm + 0xe0, sizeof shaped);
        memcpy(&scales, wm + 0x68, sizeof scales);
        if (ds_tess_int8_dot(dims[0], dims[1], shaped, scales, in, v))
            return;
    }
    own.mdv_int8(wm, in, v);
}

static bool lstm_gates(void *data)
{
    if (!ours())
        return false;
    struct {
        const char *self, *gates;
        const void *float_input;
        int t;
    } d;
    memcpy(&d, data, sizeof d);
    if (!d.self[0x590] || d.self[0x6c])
        return false;
    int ns, row;
    const int8_t *rows;
    memcpy(&ns, d.self + 0x64, sizeof ns);
    memcpy(&row, d.self + 0x588, sizeof row);
    memcpy(&rows, d.self + 0x578, sizeof rows);
    const int8_t *in = rows + (ptrdiff_t)(int)((unsigned)row * (unsigned)d.t);
    for (int g = 0; g < 4; g++) {
        float *v;
        memcpy(&v, d.gates + 0x18 * g + 8, sizeof v);
        gate_product(d.self + 0x70 + 0xf8 * g, in, v);
        if (g == 0)
            ds_tess_tanh_row(own.tanh_table, v, ns);
        else
            ds_tess_logistic_row(own.logistic_table, v, ns);
    }
    atomic_store_explicit(&lstm_gate_steps,
                          atomic_load_explicit(&lstm_gate_steps, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    return true;
}

static void lstm_gates_register(void)
{
    const unsigned char *resize = (const unsigned char *)dlsym(RTLD_NEXT, N_RESIZE_FORWARD);
    if (!own.layout_known || !resize || !own.logistic_table || !own.mdv_int8)
        return;
    const unsigned char *body = resize + LSTM_GATES_OFFSET;
    uint64_t h = 1469598103934665603ull;
    for (int k = 0; k < LSTM_GATES_SIZE; k++) {
        h ^= body[k];
        h *= 1099511628211ull;
    }
    if (h != LSTM_GATES_FNV)
        return;
    void (*fn)(void *);
    memcpy(&fn, &body, sizeof fn);
    ds_omp_replace_sections(fn, lstm_gates);
}

unsigned long ds_tess_lstm_gate_steps(void) { return atomic_load(&lstm_gate_steps); }

DS_TESS_EXPORT void _ZN9tesseract14FullyConnected15ForwardTimeStepEiPf(void *self, int t,
                                                                     float *line);

/* A fully connected layer's step on int8 inputs
 * (FullyConnected::ForwardTimeStep(const int8_t *, int, float *)): its
 * weights' product (the WeightMatrix at 0x60) as the gates', then the
 * step after the product (above), as Tesseract's does. */
DS_TESS_EXPORT void _ZN9tesseract14FullyConnected15ForwardTimeStepEPKaiPf(void *self,
                                                                        const int8_t *in, int t,
                                                                        float *line)
{
    if (!ours()) {
        own.fc_step_int8(self, in, t, line);
        return;
    }
    gate_product((const char *)self + 0x60, in, line);
    _ZN9tesseract14FullyConnected15ForwardTimeStepEiPf(self, t, line);
}

/* A fully connected layer's step after its products
 * (FullyConnected::ForwardTimeStep(int, float *)): the tanh layers here
 * (Network's type at 8, NT_TANH 19; no at 0x1c), any other type
 * Tesseract's own. */
DS_TESS_EXPORT void _ZN9tesseract14FullyConnected15ForwardTimeStepEiPf(void *self, int t,
                                                                     float *line)
{
    int type, no;
    memcpy(&type, (const char *)self + 0x8, sizeof type);
    memcpy(&no, (const char *)self + 0x1c, sizeof no);
    if (!ours() || type != 19) {
        own.fc_step(self, t, line);
        return;
    }
    ds_tess_tanh_row(own.tanh_table, line, no);
}

/* ImageThresholder::ThresholdRectToPix (ccmain/thresholder.cpp) for one
 * channel: the rectangle (left, top, width, height at 0x2c..0x38 of the
 * thresholder) of the grey image src into a new 1 bpp image, a pixel
 * black when hi_values[0] >= 0 and (pixel > thresholds[0]) == (hi_values[0]
 * == 0). Tesseract sets or clears one bit at a time, loading both vectors
 * for each pixel; here each 32-pixel word is made whole. Several channels,
 * or another depth, go to Tesseract's own. */
DS_TESS_EXPORT void
_ZNK9tesseract16ImageThresholder18ThresholdRectToPixENS_5ImageEiRKSt6vectorIiSaIiEES6_PS1_(
    const void *self, PIX *src, int channels, const int_vector *thresholds,
    const int_vector *hi_values, PIX **out)
{
    if (!ours() || channels != 1 || !src || pixGetDepth(src) != 8 ||
        thresholds->end - thresholds->begin < 1 || hi_values->end - hi_values->begin < 1) {
        own.threshold_rect(self, src, channels, thresholds, hi_values, out);
        return;
    }
    int rect[4]; /* left, top, width, height */
    memcpy(rect, (const char *)self + 0x2c, sizeof rect);
    int left = rect[0], top = rect[1], w = rect[2], h = rect[3];
    PIX *pix = pixCreate(w, h, 1);
    *out = pix;
    if (!pix)
        return;
    l_uint32 *data = pixGetData(pix);
    int wpl = pixGetWpl(pix), src_wpl = pixGetWpl(src);
    const l_uint32 *src_data = pixGetData(src);
    pixSetXRes(pix, pixGetXRes(src));
    pixSetYRes(pix, pixGetYRes(src));
    int th = thresholds->begin[0], hi = hi_values->begin[0];
    if (hi < 0)
        return; /* every pixel white: the new image's zeros */
    /* black: pixel > th when hi == 0, pixel <= th otherwise */
    l_uint32 flip = hi == 0 ? 0u : 1u;
    for (int y = 0; y < h; y++) {
        const l_uint32 *line = src_data + (ptrdiff_t)(y + top) * src_wpl;
        l_uint32 *bits = data + (ptrdiff_t)y * wpl;
        for (int x0 = 0; x0 < w; x0 += 32) {
            int n = w - x0 < 32 ? w - x0 : 32;
            l_uint32 word = 0;
            for (int k = 0; k < n; k++) {
                int p = GET_DATA_BYTE(line, x0 + k + left);
                word |= (((l_uint32)(p > th)) ^ flip) << (31 - k);
            }
            bits[x0 >> 5] = word;
        }
    }
}

/* Convolve::Forward (lstm/convolve.cpp): each time step's output is its
 * (2 half_x + 1) x (2 half_y + 1) neighbours' inputs stacked, x outer, y
 * inner; a neighbour off the image gets Tesseract's random values
 * (NetworkIO::Randomize, called in the same order, so the randomizer's
 * sequence is the same). Tesseract walks the steps with an Index, two
 * AddOffsets and a CopyTimeStepGeneral a neighbour: in the first layer of
 * every line's network, one input value each, that walk was most of the
 * layer's time. Here the same steps in the same order are plain loops. */
DS_TESS_EXPORT void
_ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratchEPS1_(
    convolve_layer *self, bool debug, const network_io *in, const void *transposed,
    void *scratch, network_io *out)
{
    if (!ours() || debug || in->int_mode != out->int_mode || in == out) {
        own.conv_forward(self, debug, in, transposed, scratch, out);
        return;
    }
    own.resize_to_map(out, in->int_mode, &in->map, self->no);
    const stride_map *m = &out->map;
    int ni = self->ni, hx = self->half_x, hy = self->half_y;
    int ys = 2 * hy + 1;
    int nb = m->shape[FD_BATCH];
    for (int b = 0; b < nb; b++) {
        int ymax = max_along(&m->heights, m->shape[FD_HEIGHT] - 1, b);
        int xmax = max_along(&m->widths, m->shape[FD_WIDTH] - 1, b);
        if (ymax < 0 || xmax < 0) {
            /* Tesseract's walk does not end on such a map; not met. */
            continue;
        }
        unsigned tb = (unsigned)m->t_increments[FD_BATCH] * (unsigned)b;
        unsigned ty = (unsigned)m->t_increments[FD_HEIGHT];
        unsigned tx = (unsigned)m->t_increments[FD_WIDTH];
        /* The first layer of every line's network: a 3x3 window over one
         * int8 value a step, rows of one value. */
        bool nine = out->int_mode && ni == 1 && hx == 1 && hy == 1 && in->i.dim2 == 1 &&
                    out->i.dim2 >= 9 && ty <= INT_MAX / 2 && tx <= INT_MAX / 2;
        ptrdiff_t sdx = (ptrdiff_t)tx, sdy = (ptrdiff_t)ty;
        for (int y = 0; y <= ymax; y++) {
            for (int x = 0; x <= xmax; x++) {
                int t = (int)(tb + ty * (unsigned)y + tx * (unsigned)x);
                if (nine && y > 0 && y < ymax && x > 0 && x < xmax) {
                    /* Inside: the nine neighbours' one value each, x
                     * outer, y inner, with nothing to randomise. */
                    int8_t *d = out->i.data + (ptrdiff_t)(int)((unsigned)t * (unsigned)out->i.dim2);
                    const int8_t *c = in->i.data + (ptrdiff_t)t;
                    d[0] = c[-sdx - sdy];
                    d[1] = c[-sdx];
                    d[2] = c[-sdx + sdy];
                    d[3] = c[-sdy];
                    d[4] = c[0];
                    d[5] = c[sdy];
                    d[6] = c[sdx - sdy];
                    d[7] = c[sdx];
                    d[8] = c[sdx + sdy];
                    continue;
                }
                int out_ix = 0;
                for (int dx = -hx; dx <= hx; dx++, out_ix += ys * ni) {
                    int sx = x + dx;
                    if (sx < 0 || sx > xmax) {
                        own.randomize(out, t, out_ix, ys * ni, self->randomizer);
                        continue;
                    }
                    int out_iy = out_ix;
                    for (int dy = -hy; dy <= hy; dy++, out_iy += ni) {
                        int sy = y + dy;
                        if (sy < 0 || sy > ymax) {
                            own.randomize(out, t, out_iy, ni, self->randomizer);
                            continue;
                        }
                        int st = (int)(tb + ty * (unsigned)sy + tx * (unsigned)sx);
                        copy_step(out, t, out_iy, ni, in, st, 0);
                    }
                }
            }
        }
    }
    atomic_store_explicit(&fast_calls, atomic_load_explicit(&fast_calls, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

void ds_tess_fast_net(bool on) { atomic_store(&fast_net, on); }

unsigned long ds_tess_fast_net_count(void) { return atomic_load(&fast_calls); }
