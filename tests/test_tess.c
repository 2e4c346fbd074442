/*
 * Tests of the Tesseract plumbing (src/page/tess.c): the line images
 * Tesseract encodes for its LSTM recogniser are written raw instead of as
 * PNG, the page is read to the same words, confidences and boxes either
 * way, and a PNG written by anyone else is still a PNG.
 */
#include <leptonica/allheaders.h>
#include <stdbool.h>
#include <string.h>
#include <tesseract/capi.h>
#include <unistd.h>

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

/* Raw line images: written, and the same reading as through PNG. */
static void test_raw_lines_read_the_same(void)
{
    if (access(PAGE, R_OK) != 0)
        T_SKIP("%s is missing", PAGE);
    PIX *page = pixRead(PAGE);
    TessBaseAPI *api = NULL;
    T_CHECK(page != NULL);
    T_EQ_INT(ds_tess_create("eng", &api), DS_OK);
    if (!page || !api)
        return;
    static char png[65536], raw[65536];

    ds_tess_raw_lines(false);
    unsigned long before = ds_tess_raw_line_count();
    int n_png = read_words(api, page, png, sizeof png);
    T_EQ_INT(ds_tess_raw_line_count(), before); /* off: every line went through PNG */

    ds_tess_raw_lines(true);
    int n_raw = read_words(api, page, raw, sizeof raw);
    unsigned long lines = ds_tess_raw_line_count() - before;
    T_CHECK(lines >= 5); /* the captions and values, one image a line */

    T_CHECK(n_png >= 10); /* the page's captions and values were read */
    T_EQ_INT(n_raw, n_png);
    T_EQ_STR(raw, png);
    ds_tess_free(api);
    pixDestroy(&page);
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

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"raw_lines_read_the_same", test_raw_lines_read_the_same},
        {"other_callers_get_png", test_other_callers_get_png},
    };
    return T_RUN(cases);
}
