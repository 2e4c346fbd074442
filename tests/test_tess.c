/*
 * Tests of the Tesseract plumbing (src/page/tess.c, tess_net.c): the line
 * images Tesseract encodes for its LSTM recogniser are written raw instead
 * of as PNG, the page is read to the same words, confidences and boxes
 * either way, and a PNG written by anyone else is still a PNG; the
 * networks' index arithmetic and copies computed by this library read the
 * page to the same words as Tesseract's own, and its int8 rounding is
 * Tesseract's on every kind of float.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <tesseract/capi.h>
#include <unistd.h>

#include "base/omp.h"
#include "page/tess.h"
#include "t.h"

#define PAGE DS_SOURCE_DIR "/samples/pages/0004-td3.jpg"

/* Tesseract's sparse reading of the page's upper half into out[cap], one
 * line per word (text, confidence, box); the number of words. */
static int read_words(TessBaseAPI *api, PIX *page, char *out, size_t cap)
{
    size_t len = 0;
    int words = 0;
    out[0] = '\0';
    TessBaseAPISetPageSegMode(api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(api, page);
    TessBaseAPISetRectangle(api, 0, 0, (int)pixGetWidth(page), (int)pixGetHeight(page) / 2);
    if (TessBaseAPIRecognize(api, NULL) != 0)
        return -1;
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    const TessPageIterator *pit = it ? TessResultIteratorGetPageIteratorConst(it) : NULL;
    if (it) {
        do {
            char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            int l, tp, r, b;
            if (t && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &r, &b) && len < cap) {
                int n = snprintf(out + len, cap - len, "%s %.3f %d %d %d %d\n", t,
                                 TessResultIteratorConfidence(it, RIL_WORD), l, tp, r, b);
                len += n > 0 ? (size_t)n : 0;
                words++;
            }
            TessDeleteText(t);
        } while (TessResultIteratorNext(it, RIL_WORD));
        TessResultIteratorDelete(it);
    }
    TessBaseAPIClear(api);
    return words;
}

/* The page read with a switch of the plumbing off, then on: off, its
 * counter stays put (Tesseract's own path); on, it counts at least
 * min_on; both readings give the same words, confidences and boxes. */
static void reads_the_same(void (*set)(bool), unsigned long (*count)(void),
                           unsigned long min_on)
{
    if (access(PAGE, R_OK) != 0)
        T_SKIP("%s is missing", PAGE);
    PIX *page = pixRead(PAGE);
    TessBaseAPI *api = NULL;
    T_CHECK(page != NULL);
    T_EQ_INT(ds_tess_create("eng", &api), DS_OK);
    if (!page || !api)
        return;
    static char off[65536], on[65536];

    set(false);
    unsigned long before = count();
    int n_off = read_words(api, page, off, sizeof off);
    T_EQ_INT(count(), before);

    set(true);
    int n_on = read_words(api, page, on, sizeof on);
    T_CHECK(count() - before >= min_on);

    T_CHECK(n_off >= 10); /* the page's captions and values were read */
    T_EQ_INT(n_on, n_off);
    T_EQ_STR(on, off);
    ds_tess_free(api);
    pixDestroy(&page);
}

/* Raw line images: written (the captions and values, one image a line),
 * and the same reading as through PNG. */
static void test_raw_lines_read_the_same(void)
{
    reads_the_same(ds_tess_raw_lines, ds_tess_raw_line_count, 5);
}

/* A PNG written by this program (not by Tesseract) stays a PNG, and is
 * read back to the same pixels. */
static void test_other_callers_get_png(void)
{
    PIX *pix = pixCreate(40, 20, 8);
    T_CHECK(pix != NULL);
    if (!pix)
        return;
    for (int y = 0; y < 20; y++)
        for (int x = 0; x < 40; x++)
            pixSetPixel(pix, x, y, (l_uint32)((x * 7 + y * 13) & 0xff));
    unsigned long before = ds_tess_raw_line_count();
    l_uint8 *data = NULL;
    size_t size = 0;
    T_EQ_INT(pixWriteMem(&data, &size, pix, IFF_PNG), 0);
    T_CHECK(data != NULL && size > 8 && memcmp(data, "\x89PNG", 4) == 0);
    T_EQ_INT(ds_tess_raw_line_count(), before);
    PIX *back = data ? pixReadMem(data, size) : NULL;
    l_int32 same = 0;
    T_CHECK(back != NULL && pixEqual(pix, back, &same) == 0 && same);
    pixDestroy(&back);
    lept_free(data);
    pixDestroy(&pix);
}

/* The network plumbing: this library's and Tesseract's own give the same
 * reading, and this library's was used (Tesseract's calls came here). */
static void test_net_reads_the_same(void)
{
    reads_the_same(ds_tess_fast_net, ds_tess_fast_net_count, 1);
}

/* The floats the table functions are compared on, into in[60000]: a fine
 * sweep, every table step and its neighbours, and the floats a network
 * never gives (NaN, infinities, -0, 2^23 and 2^24, whose scaled values
 * truncate past int's range). Their number. */
static int table_sweep(float *in)
{
    int n = 0;
    for (int k = -20000; k <= 20000; k++)
        in[n++] = (float)k / 1000.0f;
    for (int k = -4100; k <= 4100; k += 3) {
        float b = (float)k / 256.0f;
        in[n++] = b;
        in[n++] = nextafterf(b, -100.0f);
        in[n++] = nextafterf(b, 100.0f);
    }
    const float odd[] = {0.0f,       -0.0f,       INFINITY,    -INFINITY, NAN,    -NAN,
                         8388608.0f, -8388608.0f, 16777216.0f, 1e10f,     -1e10f, 3e38f,
                         1e-40f,     -1e-40f,     15.99f,      -15.99f,   16.0f,  -16.0f};
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
        in[n++] = odd[k];
    return n;
}

/* The LSTM gates computed by this library (tess_net.c): the page read to
 * the same words, confidences and boxes as with Tesseract's own sections,
 * and the library's gates ran for every step of it (hundreds a line). The
 * process runs its OpenMP regions inline (main re-executes it with
 * OMP_THREAD_LIMIT=1), which the replacement needs. */
static void test_lstm_gates_read_the_same(void)
{
    if (!ds_omp_one_thread())
        T_SKIP("OpenMP regions are not run inline in this process");
    unsigned long before = ds_tess_lstm_gate_steps();
    reads_the_same(ds_tess_fast_net, ds_tess_lstm_gate_steps, 1000);
    if (ds_tess_lstm_gate_steps() == before)
        T_SKIP("Tesseract's LSTM sections are not the ones read (another build than 5.3.0-2)");
}

/* The logistic of an LSTM gate, this library's against Tesseract's own
 * (FuncInplace<FFunc>, the template the gates inline, exported by
 * libtesseract), bit for bit on the floats of test_tanh_is_tesseracts. */
static void test_logistic_is_tesseracts(void)
{
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    typedef void (*inplace_fn)(int, float *);
    inplace_fn own =
        lib ? (inplace_fn)dlsym(lib, "_ZN9tesseract11FuncInplaceINS_5FFuncEEEviPf") : NULL;
    const float *table = lib ? (const float *)dlsym(lib, "_ZN9tesseract13LogisticTableE") : NULL;
    if (!own || !table)
        T_SKIP("Tesseract's FuncInplace<FFunc> or LogisticTable is not found");
    static float in[60000], theirs[60000], mine[60000];
    int n = table_sweep(in);
    memcpy(theirs, in, sizeof in);
    own(n, theirs);
    for (int start = 0; start < 4; start++) {
        memcpy(mine, in, sizeof in);
        ds_tess_logistic_row(table, mine + start, n - start);
        T_CHECK(memcmp(mine + start, theirs + start, (size_t)(n - start) * sizeof *mine) == 0);
    }
    T_CHECK(theirs[0] == 0.0f && !signbit(theirs[0]) && theirs[20000] == 0.5f &&
            theirs[40000] == 1.0f);
}

/* The int8 matrix product, this library's (AVX-512 VNNI) against the one
 * Tesseract chose (IntSimdMatrix::intSimdMatrix's function, AVX2 on the
 * machines these run on), bit for bit, on random shaped weights (every
 * int8 value, -128 included), inputs within +-127 (what Tesseract's int8
 * rows hold) and scales, for output counts that make every group size and
 * input counts around the groups of 4 and 32. */
static void test_int8_dot_is_tesseracts(void)
{
    TessBaseAPI *api = NULL;
    T_EQ_INT(ds_tess_create("eng", &api), DS_OK); /* Tesseract picks its matrix code */
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    const void *const *simd =
        lib ? (const void *const *)dlsym(lib, "_ZN9tesseract13IntSimdMatrix13intSimdMatrixE") : NULL;
    typedef void (*dot_fn)(int, int, const int8_t *, const float *, const int8_t *, float *);
    int shape[4] = {0, 0, 0, 0};
    dot_fn own = NULL;
    if (simd && *simd) {
        memcpy(&own, *simd, sizeof own);
        memcpy(shape, (const char *)*simd + 8, sizeof shape);
    }
    if (!own || shape[0] != 8 || shape[1] != 8 || shape[2] != 32 || shape[3] != 4) {
        ds_tess_free(api);
        T_SKIP("Tesseract's matrix code is not the AVX2 one here");
    }
    static int8_t w[300 * 400], u[448];
    static float scales[300], mine[300], theirs[300];
    unsigned seed = 99;
    const int outs[] = {8, 16, 24, 40, 48, 56, 64, 72, 96, 104, 120, 128, 192, 200, 256, 264};
    const int ins[] = {2, 3, 4, 5, 6, 33, 34, 97, 111, 193, 289, 385};
    int checked = 0, differ = 0;
    for (size_t a = 0; a < sizeof outs / sizeof outs[0]; a++)
        for (size_t b = 0; b < sizeof ins / sizeof ins[0]; b++) {
            for (size_t k = 0; k < sizeof w; k++) {
                seed = seed * 1103515245u + 12345u;
                w[k] = (int8_t)(seed >> 16);
            }
            for (size_t k = 0; k < sizeof u; k++) {
                seed = seed * 1103515245u + 12345u;
                u[k] = (int8_t)((int)((seed >> 16) % 255u) - 127);
            }
            for (int k = 0; k < 300; k++) {
                seed = seed * 1103515245u + 12345u;
                scales[k] = (float)((seed >> 8) & 0xffff) / 65536.0f * 0.01f;
            }
            memset(mine, 0, sizeof mine);
            memset(theirs, 0, sizeof theirs);
            if (!ds_tess_int8_dot(outs[a], ins[b], w, scales, u, mine)) {
                ds_tess_free(api);
                T_SKIP("this processor has no AVX-512 VNNI");
            }
            own(outs[a], ins[b], w, scales, u, theirs);
            differ += memcmp(mine, theirs, sizeof mine) != 0;
            checked += theirs[0] != 0.0f && theirs[outs[a] - 1] != 0.0f;
        }
    T_EQ_INT(differ, 0);
    T_CHECK(checked > 100);
    ds_tess_free(api);
}

/* A NetworkIO in int mode as Tesseract 5 lays it out (tess_net.c), its
 * one row of int8 values at line. */
static void fake_int8_io(unsigned char io[0x48], int8_t *line, int width)
{
    memset(io, 0, 0x48);
    memcpy(io + 0x28, &line, sizeof line); /* i_.array_ */
    memcpy(io + 0x38, &width, sizeof width); /* i_.dim2_ */
    io[0x40] = 1;                            /* int_mode_ */
}

/* ds_tess_int8_of against Tesseract's own WriteTimeStepPart (found in
 * libtesseract itself, not this library's), value by value: a fine sweep
 * over [-1.1, 1.1], every rounding boundary k/127 +- half, and the floats
 * a network never gives (infinities, NaN, out of int's range). */
static void test_int8_rounding_is_tesseracts(void)
{
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    typedef void (*write_part_fn)(void *, int, int, int, const float *);
    write_part_fn own =
        lib ? (write_part_fn)dlsym(lib, "_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf") : NULL;
    if (!own)
        T_SKIP("libtesseract.so.5's WriteTimeStepPart is not found");
    static float in[30000];
    int n = 0;
    for (int k = -11000; k <= 11000 && n < 22001; k++)
        in[n++] = (float)k / 10000.0f;
    for (int k = -128; k <= 128; k++) {
        float b = ((float)k + 0.5f) / 127.0f;
        in[n++] = b;
        in[n++] = nextafterf(b, 0.0f);
        in[n++] = nextafterf(b, 2.0f * b + 1.0f);
    }
    const float odd[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 1e10f, -1e10f,
                         16909320.0f, -16909320.0f, 2147483520.0f / 127.0f, 3e38f, 1e-40f};
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
        in[n++] = odd[k];
    static int8_t theirs[30000];
    unsigned char io[0x48];
    fake_int8_io(io, theirs, n);
    own(io, 0, 0, n, in);
    int differ = 0;
    for (int k = 0; k < n; k++)
        differ += ds_tess_int8_of(in[k]) != theirs[k];
    T_EQ_INT(differ, 0);
    /* The row form, from every start (the vector body and its tail). */
    static int8_t mine[30000];
    for (int start = 0; start < 4; start++) {
        memset(mine, 0, sizeof mine);
        ds_tess_int8_row(in + start, mine, n - start);
        differ = 0;
        for (int k = 0; k < n - start; k++)
            differ += mine[k] != theirs[k + start];
        T_EQ_INT(differ, 0);
    }
    T_EQ_INT(theirs[n - 13 + 4], -127); /* NaN, as Tesseract stores it */
    T_EQ_INT(ds_tess_int8_of(1.0f), 127);
    T_EQ_INT(ds_tess_int8_of(-1.0f), -127);
    T_EQ_INT(ds_tess_int8_of(0.6f / 127.0f), 1); /* rounded, not truncated */
    T_EQ_INT(ds_tess_int8_of(-0.6f / 127.0f), -1);
}

/* The tanh of a fully connected layer, this library's against Tesseract's
 * own (FullyConnected::ForwardTimeStep on a layer of type NT_TANH),
 * bit for bit: a fine sweep, every table step and its neighbours, and the
 * floats a network never gives (NaN, infinities, -0, 2^23 and 2^24, whose
 * scaled values truncate past int's range). */
static void test_tanh_is_tesseracts(void)
{
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    typedef void (*step_fn)(void *, int, float *);
    step_fn own = lib ? (step_fn)dlsym(lib, "_ZN9tesseract14FullyConnected15ForwardTimeStepEiPf")
                      : NULL;
    const float *table = lib ? (const float *)dlsym(lib, "_ZN9tesseract9TanhTableE") : NULL;
    if (!own || !table)
        T_SKIP("Tesseract's FullyConnected::ForwardTimeStep or TanhTable is not found");
    static float in[60000], theirs[60000], mine[60000];
    int n = table_sweep(in);
    unsigned char layer[0x100];
    memset(layer, 0, sizeof layer);
    int type = 19; /* NT_TANH */
    memcpy(layer + 0x8, &type, sizeof type);
    memcpy(layer + 0x1c, &n, sizeof n);
    memcpy(theirs, in, sizeof in);
    own(layer, 0, theirs);
    for (int start = 0; start < 4; start++) {
        memcpy(mine, in, sizeof in);
        ds_tess_tanh_row(table, mine + start, n - start);
        T_CHECK(memcmp(mine + start, theirs + start, (size_t)(n - start) * sizeof *mine) == 0);
    }
    T_CHECK(theirs[0] == -1.0f && theirs[20000] == 0.0f && theirs[40000] == 1.0f);
}

/* ImageThresholder::ThresholdRectToPix on a grey image, this library's
 * against Tesseract's own on a thresholder that holds only the rectangle
 * (left, top, width, height at 0x2c): the same bits for rectangles of
 * every width around a word's 32 pixels, every threshold side and the
 * "no threshold" channel (hi_values < 0). */
static void test_threshold_rect_is_tesseracts(void)
{
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    typedef void (*rect_fn)(const void *, PIX *, int, const void *, const void *, PIX **);
    const char *name =
        "_ZNK9tesseract16ImageThresholder18ThresholdRectToPixENS_5ImageEiRKSt6vectorIiSaIiEES6_PS1_";
    rect_fn own = lib ? (rect_fn)dlsym(lib, name) : NULL;
    rect_fn ours = (rect_fn)dlsym(RTLD_DEFAULT, name);
    if (!own || !ours || own == ours)
        T_SKIP("ThresholdRectToPix: Tesseract's and this library's are not both found");
    PIX *grey = pixCreate(101, 23, 8);
    T_CHECK(grey != NULL);
    if (!grey)
        return;
    unsigned seed = 7;
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 101; x++) {
            seed = seed * 1103515245u + 12345u;
            pixSetPixel(grey, x, y, (l_uint32)((seed >> 16) & 0xff));
        }
    static const int rects[][4] = {{0, 0, 101, 23}, {3, 2, 1, 5},  {5, 1, 31, 9},
                                   {7, 4, 32, 3},   {1, 0, 33, 23}, {29, 11, 70, 12}};
    static const int sides[][2] = {{128, 0}, {128, 1}, {0, 0}, {255, 1}, {90, -1}};
    ds_tess_fast_net(true);
    int differ = 0;
    for (size_t r = 0; r < sizeof rects / sizeof rects[0]; r++)
        for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++) {
            unsigned char thresholder[0x40];
            memset(thresholder, 0, sizeof thresholder);
            memcpy(thresholder + 0x2c, rects[r], sizeof rects[r]);
            int th = sides[k][0], hi = sides[k][1];
            const int *tv[3] = {&th, &th + 1, &th + 1}, *hv[3] = {&hi, &hi + 1, &hi + 1};
            PIX *mine = NULL, *theirs = NULL;
            ours(thresholder, grey, 1, tv, hv, &mine);
            own(thresholder, grey, 1, tv, hv, &theirs);
            l_int32 same = 0;
            differ += !mine || !theirs || pixEqual(mine, theirs, &same) != 0 || !same;
            pixDestroy(&mine);
            pixDestroy(&theirs);
        }
    T_EQ_INT(differ, 0);
    pixDestroy(&grey);
}

/* MaxpoolTimeStep, this library's (the name bound first) against
 * Tesseract's own, on int8 rows where every order of the two values
 * occurs: the same maxima and the same steps recorded. */
static void test_maxpool_step_is_tesseracts(void)
{
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    typedef void (*step_fn)(void *, int, const void *, int, int *);
    const char *name = "_ZN9tesseract9NetworkIO15MaxpoolTimeStepEiRKS0_iPi";
    step_fn own = lib ? (step_fn)dlsym(lib, name) : NULL;
    step_fn ours = (step_fn)dlsym(RTLD_DEFAULT, name);
    /* Tesseract's reads the source row through GENERIC_2D_ARRAY's index
     * when its vtable holds another: the fake rows get a vtable holding
     * Tesseract's own. */
    void *index = lib ? dlsym(lib, "_ZNK9tesseract16GENERIC_2D_ARRAYIaE5indexEii") : NULL;
    if (!own || !ours || own == ours || !index)
        T_SKIP("MaxpoolTimeStep: Tesseract's and this library's are not both found");
    static void *vtable[8];
    vtable[3] = index;
    void *vt = vtable;
    enum { W = 37 };
    static int8_t src[2 * W], d1[2 * W], d2[2 * W];
    int m1[W], m2[W];
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        for (int k = 0; k < 2 * W; k++) {
            seed = seed * 1103515245u + 12345u;
            src[k] = (int8_t)(seed >> 16);
            seed = seed * 1103515245u + 12345u;
            d1[k] = d2[k] = (int8_t)(round % 3 == 0 ? src[k] : (int8_t)(seed >> 16));
        }
        for (int k = 0; k < W; k++)
            m1[k] = m2[k] = -k;
        unsigned char io_src[0x48], io1[0x48], io2[0x48];
        fake_int8_io(io_src, src, W);
        fake_int8_io(io1, d1, W);
        fake_int8_io(io2, d2, W);
        memcpy(io_src + 0x20, &vt, sizeof vt); /* i_'s vtable */
        memcpy(io1 + 0x20, &vt, sizeof vt);
        memcpy(io2 + 0x20, &vt, sizeof vt);
        ds_tess_fast_net(true);
        ours(io1, 1, io_src, 1, m1);
        own(io2, 1, io_src, 1, m2);
        T_CHECK(memcmp(d1, d2, sizeof d1) == 0);
        T_CHECK(memcmp(m1, m2, sizeof m1) == 0);
    }
}

int main(int argc, char **argv)
{
    ds_limit_omp_threads(argv); /* regions inline, as the programs run them */
    static const t_case cases[] = {
        {"raw_lines_read_the_same", test_raw_lines_read_the_same},
        {"other_callers_get_png", test_other_callers_get_png},
        {"net_reads_the_same", test_net_reads_the_same},
        {"int8_rounding_is_tesseracts", test_int8_rounding_is_tesseracts},
        {"maxpool_step_is_tesseracts", test_maxpool_step_is_tesseracts},
        {"tanh_is_tesseracts", test_tanh_is_tesseracts},
        {"threshold_rect_is_tesseracts", test_threshold_rect_is_tesseracts},
        {"lstm_gates_read_the_same", test_lstm_gates_read_the_same},
        {"logistic_is_tesseracts", test_logistic_is_tesseracts},
        {"int8_dot_is_tesseracts", test_int8_dot_is_tesseracts},
    };
    return T_RUN(cases);
}
