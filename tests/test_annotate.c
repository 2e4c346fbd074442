/*
 * Tests of the annotated page: boxes land where asked in their colours,
 * labels are drawn with the built-in font (no font files), boxes outside
 * the page are clipped or skipped, and bad arguments fail cleanly.
 */
#include <string.h>

#include "report/annotate.h"
#include "t.h"

static void rgb_at(PIX *p, int x, int y, int *r, int *g, int *b)
{
    l_int32 rr, gg, bb;
    pixGetRGBPixel(p, x, y, &rr, &gg, &bb);
    *r = rr;
    *g = gg;
    *b = bb;
}

static void test_boxes_and_labels(void)
{
    PIX *page = pixCreate(1200, 800, 8);
    pixSetAll(page);
    ds_annotate a;
    memset(&a, 0, sizeof a);
    T_EQ_INT(ds_annotate_add(&a, 100, 600, 1000, 120, DS_ANNOTATE_MRZ, "MRZ TD3 valid"), 0);
    T_EQ_INT(ds_annotate_add(&a, 300, 200, 300, 50, DS_ANNOTATE_FIELD, "surname: match"), 0);
    T_EQ_INT(ds_annotate_add(&a, 300, 400, 300, 50, DS_ANNOTATE_FLAGGED, "birth_date: MISMATCH"), 0);
    T_EQ_INT(ds_annotate_add(&a, -50, -50, 20, 20, DS_ANNOTATE_OTHER, "outside"), 0);
    T_EQ_INT(ds_annotate_add(&a, 1150, 750, 500, 500, DS_ANNOTATE_OTHER, "cut \xc3\xa9"), 0);
    const char *out = "/tmp/ds_test_annotate.png";
    T_EQ_INT(ds_annotate_write(out, page, &a), DS_OK);
    PIX *r = pixRead(out);
    T_CHECK(r != NULL);
    if (r) {
        T_EQ_INT(pixGetWidth(r), 1200);
        T_EQ_INT(pixGetHeight(r), 800);
        PIX *c = pixConvertTo32(r);
        int R, G, B;
        rgb_at(c, 297, 425, &R, &G, &B); /* left edge of the flagged box */
        T_CHECK(R > 150 && G < 80 && B < 80);
        rgb_at(c, 297, 225, &R, &G, &B); /* the field box is green */
        T_CHECK(G > 100 && R < 80);
        rgb_at(c, 97, 660, &R, &G, &B); /* the MRZ box is blue */
        T_CHECK(B > 150 && R < 100);
        rgb_at(c, 450, 225, &R, &G, &B); /* inside a box the page is untouched */
        T_CHECK(R == 255 && G == 255 && B == 255);
        /* The label above the flagged box left red ink. */
        int ink = 0;
        for (int y = 370; y < 398; y++)
            for (int x = 300; x < 520; x++) {
                rgb_at(c, x, y, &R, &G, &B);
                ink += R > 150 && G < 100;
            }
        T_CHECK(ink > 40);
        pixDestroy(&c);
        pixDestroy(&r);
    }
    remove(out);
    pixDestroy(&page);
}

static void test_limits_and_errors(void)
{
    ds_annotate a;
    memset(&a, 0, sizeof a);
    for (int i = 0; i < DS_ANNOTATE_MAX_BOXES; i++)
        T_EQ_INT(ds_annotate_add(&a, i, i, 5, 5, DS_ANNOTATE_FIELD, NULL), 0);
    T_EQ_INT(ds_annotate_add(&a, 0, 0, 5, 5, DS_ANNOTATE_FIELD, "one too many"), -1);
    T_EQ_INT(ds_annotate_add(NULL, 0, 0, 5, 5, DS_ANNOTATE_FIELD, "x"), -1);
    PIX *page = pixCreate(100, 100, 32);
    T_EQ_INT(ds_annotate_write(NULL, page, &a), DS_ERR_USAGE);
    T_EQ_INT(ds_annotate_write("/tmp/x.png", NULL, &a), DS_ERR_USAGE);
    T_EQ_INT(ds_annotate_write("/tmp/x.png", page, NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_annotate_write("/nonexistent-dir/x.png", page, &a), DS_ERR_IO);
    pixDestroy(&page);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"boxes_and_labels", test_boxes_and_labels},
        {"limits_and_errors", test_limits_and_errors},
    };
    return T_RUN(cases);
}
