/*
 * Tests of the brick opening and closing (src/page/morph.c): the library's
 * pixOpenBrick and pixCloseBrick give Leptonica's result word for word
 * (the bits past each row's end included) on random images of every width
 * modulo 32 and every brick size Tesseract and the MRZ locator use, on a
 * binarised passport page, and leave any other call to Leptonica.
 */
#include <leptonica/allheaders.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "page/morph.h"
#include "t.h"

#define PAGE DS_SOURCE_DIR "/samples/pages/0004-td3.jpg"

static uint32_t rng = 12345u;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* A 1-bit image w x h: runs of ink (density in 256ths), its pad bits
 * random too (nothing may read them). */
static PIX *random_pix(int w, int h, unsigned density)
{
    PIX *p = pixCreate(w, h, 1);
    l_uint32 *d = pixGetData(p);
    int wpl = pixGetWpl(p);
    for (int i = 0; i < wpl * h; i++) {
        uint32_t v = 0;
        for (int b = 0; b < 32; b++)
            v = (v << 1) | ((next() & 255u) < density);
        d[i] = v;
    }
    return p;
}

/* Whether a and b hold the same size, depth and every data word. */
static bool same_words(PIX *a, PIX *b)
{
    if (!a || !b || pixGetWidth(a) != pixGetWidth(b) || pixGetHeight(a) != pixGetHeight(b) ||
        pixGetDepth(a) != pixGetDepth(b) || pixGetWpl(a) != pixGetWpl(b))
        return false;
    return memcmp(pixGetData(a), pixGetData(b),
                  (size_t)pixGetWpl(a) * pixGetHeight(a) * sizeof(l_uint32)) == 0;
}

/* Opening and closing of p by hs x vs, this library's against
 * Leptonica's; the number of differing results (0 or more). */
static int compare(PIX *p, int hs, int vs)
{
    int bad = 0;
    for (int open = 0; open < 2; open++) {
        ds_morph_fast(false);
        PIX *ref = open ? pixOpenBrick(NULL, p, hs, vs) : pixCloseBrick(NULL, p, hs, vs);
        ds_morph_fast(true);
        PIX *got = open ? pixOpenBrick(NULL, p, hs, vs) : pixCloseBrick(NULL, p, hs, vs);
        if (!same_words(ref, got)) {
            bad++;
            fprintf(stderr, "  %s %dx%d on %dx%d differs\n", open ? "open" : "close", hs, vs,
                    (int)pixGetWidth(p), (int)pixGetHeight(p));
        }
        pixDestroy(&ref);
        pixDestroy(&got);
    }
    return bad;
}

static void test_random_images_same_words(void)
{
    static const int sizes[][2] = {{2, 1},  {1, 2},   {3, 1},  {1, 3},   {15, 15}, {75, 1},
                                   {1, 75}, {7, 5},   {4, 9},  {63, 1},  {1, 64},  {2, 2},
                                   {31, 1}, {1, 33},  {5, 1},  {1, 120}, {120, 1}, {16, 3}};
    int bad = 0, runs = 0;
    for (int t = 0; t < 160; t++) {
        int w = 1 + (int)(next() % 230), h = 1 + (int)(next() % 140);
        unsigned density = 40 + next() % 200;
        PIX *p = random_pix(w, h, density);
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            bad += compare(p, sizes[s][0], sizes[s][1]);
            runs++;
        }
        /* A random brick, larger than the image at times. */
        bad += compare(p, 1 + (int)(next() % 90), 1 + (int)(next() % 90));
        runs++;
        pixDestroy(&p);
    }
    T_EQ_INT(bad, 0);
    T_CHECK(runs > 3000);
}

/* The binarised page, with the sizes Tesseract's line finder uses at 300
 * dpi (15 x 15, then 75 long each way) and at 150 dpi. */
static void test_page_same_words(void)
{
    if (access(PAGE, R_OK) != 0)
        T_SKIP("%s is missing", PAGE);
    PIX *page = pixRead(PAGE);
    T_CHECK(page != NULL);
    PIX *g = page ? pixConvertTo8(page, 0) : NULL;
    PIX *b = g ? pixThresholdToBinary(g, 128) : NULL;
    T_CHECK(b != NULL);
    if (b) {
        T_EQ_INT(compare(b, 15, 15), 0);
        T_EQ_INT(compare(b, 75, 1), 0);
        T_EQ_INT(compare(b, 1, 75), 0);
        T_EQ_INT(compare(b, 7, 7), 0);
        T_EQ_INT(compare(b, 37, 1), 0);
        T_EQ_INT(compare(b, 1, 37), 0);
    }
    pixDestroy(&b);
    pixDestroy(&g);
    pixDestroy(&page);
}

/* Calls this file does not compute go to Leptonica: into an image given,
 * on a grey image, with a 1 x 1 brick; and an error stays an error. */
static void test_other_calls_go_to_leptonica(void)
{
    PIX *p = random_pix(70, 40, 128);
    PIX *d = pixCreateTemplate(p);
    ds_morph_fast(false);
    PIX *ref = pixOpenBrick(NULL, p, 5, 3);
    ds_morph_fast(true);
    T_CHECK(pixOpenBrick(d, p, 5, 3) == d);
    T_CHECK(same_words(ref, d));
    PIX *one = pixCloseBrick(NULL, p, 1, 1);
    T_CHECK(same_words(one, p));
    PIX *g = pixCreate(20, 10, 8);
    pixSetAll(g);
    PIX *go = pixOpenBrick(NULL, g, 3, 3); /* Leptonica refuses a grey image */
    T_CHECK(go == NULL);
    T_CHECK(pixOpenBrick(NULL, NULL, 3, 3) == NULL);
    T_CHECK(pixCloseBrick(NULL, p, 0, 3) == NULL);
    pixDestroy(&go);
    pixDestroy(&g);
    pixDestroy(&one);
    pixDestroy(&ref);
    pixDestroy(&d);
    pixDestroy(&p);
}

/* The grey closing (morph_gray.c) against Leptonica's pixCloseGray, pixel
 * for pixel: random grey images of widths around a word and a SSE row,
 * textured and flat, every brick shape up to larger than the image
 * (square, one row, one column), and the passport page with the specimen
 * search's 21 x 21 brick and larger. */
static void test_close_gray_is_leptonicas(void)
{
    static const int dims[][2] = {{1, 1}, {3, 2}, {17, 5}, {33, 31}, {64, 48}, {131, 77}};
    static const int sizes[][2] = {{3, 3}, {1, 3}, {3, 1}, {5, 9}, {21, 21}, {1, 41},
                                   {41, 1}, {63, 35}, {201, 201}};
    int differ = 0, checked = 0;
    for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++)
        for (int texture = 0; texture < 2; texture++) {
            int w = dims[d][0], h = dims[d][1];
            PIX *g = pixCreate(w, h, 8);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    uint32_t v = next() & 255u;
                    pixSetPixel(g, x, y, texture ? v : (v < 40 ? v : 200 + (v & 31)));
                }
            for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
                PIX *mine = ds_close_gray(g, sizes[s][0], sizes[s][1]);
                PIX *theirs = pixCloseGray(g, sizes[s][0], sizes[s][1]);
                l_int32 same = 0;
                differ += !mine || !theirs || pixEqual(mine, theirs, &same) != 0 || !same;
                checked++;
                pixDestroy(&mine);
                pixDestroy(&theirs);
            }
            pixDestroy(&g);
        }
    T_EQ_INT(differ, 0);
    T_CHECK(checked > 100);
    if (access(PAGE, R_OK) != 0)
        T_SKIP("%s is missing", PAGE);
    PIX *page = pixRead(PAGE);
    PIX *gray = page ? pixConvertTo8(page, 0) : NULL;
    PIX *small = gray ? pixScale(gray, 0.5f, 0.5f) : NULL;
    T_CHECK(small != NULL);
    for (int k = 21; small && k <= 43; k += 22) {
        PIX *mine = ds_close_gray(small, k, k), *theirs = pixCloseGray(small, k, k);
        l_int32 same = 0;
        T_CHECK(mine && theirs && pixEqual(mine, theirs, &same) == 0 && same);
        pixDestroy(&mine);
        pixDestroy(&theirs);
    }
    pixDestroy(&small);
    pixDestroy(&gray);
    pixDestroy(&page);
}

int main(int argc, char **argv)
{
    setMsgSeverity(L_SEVERITY_NONE);
    static const t_case cases[] = {
        {"random_images_same_words", test_random_images_same_words},
        {"page_same_words", test_page_same_words},
        {"other_calls_go_to_leptonica", test_other_calls_go_to_leptonica},
        {"close_gray_is_leptonicas", test_close_gray_is_leptonicas},
    };
    return T_RUN(cases);
}
