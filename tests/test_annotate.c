/*
 * Tests of the annotated page: boxes land where asked in their colours,
 * labels are drawn with the built-in font (no font files), boxes outside
 * the page are clipped or skipped, and bad arguments fail cleanly.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* A PDF's evidence boxes are added to the pages annotated already: only
 * the pages with such a flag change, red for a warning or high flag. */
static void test_flag_boxes(void)
{
    char path[64], p0[96], p1[96];
    snprintf(path, sizeof path, "/tmp/ds_test_ann_%d.png", (int)getpid());
    ds_annotate_page_path(path, 0, 2, p0, sizeof p0);
    ds_annotate_page_path(path, 1, 2, p1, sizeof p1);
    char want[96];
    snprintf(want, sizeof want, "/tmp/ds_test_ann_%d-1.png", (int)getpid());
    T_EQ_STR(p1, want);
    ds_annotate_page_path(path, 0, 1, want, sizeof want);
    T_EQ_STR(want, path);
    PIX *page = pixCreate(400, 300, 8);
    pixSetAll(page);
    ds_annotate a;
    memset(&a, 0, sizeof a);
    T_EQ_INT(ds_annotate_write(p0, page, &a), DS_OK);
    T_EQ_INT(ds_annotate_write(p1, page, &a), DS_OK);
    ds_flag f[2];
    memset(f, 0, sizeof f);
    f[0].code = DS_FLAG_PDF_TEXT_MISMATCH;
    f[0].severity = DS_SEV_HIGH;
    f[0].page = 1;
    f[0].bbox[0] = 100, f[0].bbox[1] = 150, f[0].bbox[2] = 80, f[0].bbox[3] = 30;
    f[1].code = DS_FLAG_PDF_EDITOR_SOFTWARE; /* no box */
    f[1].severity = DS_SEV_WARNING;
    T_EQ_INT(ds_annotate_flag_boxes(path, 2, f, 2), DS_OK);
    PIX *r1 = pixRead(p1), *r0 = pixRead(p0);
    T_CHECK(r1 && r0);
    if (r1 && r0) {
        PIX *c1 = pixConvertTo32(r1), *c0 = pixConvertTo32(r0);
        int R, G, B;
        rgb_at(c1, 98, 165, &R, &G, &B); /* the box's left edge, red */
        T_CHECK(R > 150 && G < 80 && B < 80);
        rgb_at(c1, 140, 165, &R, &G, &B); /* inside it the page is untouched */
        T_CHECK(R == 255 && G == 255 && B == 255);
        rgb_at(c0, 98, 165, &R, &G, &B); /* page 0 has no such flag */
        T_CHECK(R == 255 && G == 255 && B == 255);
        pixDestroy(&c1);
        pixDestroy(&c0);
    }
    pixDestroy(&r1);
    pixDestroy(&r0);
    remove(p0);
    /* A page whose annotated PNG is missing: an I/O error, nothing crashes. */
    f[0].page = 0;
    T_EQ_INT(ds_annotate_flag_boxes(path, 2, f, 1), DS_ERR_IO);
    T_EQ_INT(ds_annotate_flag_boxes(NULL, 2, f, 1), DS_ERR_USAGE);
    T_EQ_INT(ds_annotate_flag_boxes(path, 2, NULL, 1), DS_ERR_USAGE);
    T_EQ_INT(ds_annotate_flag_boxes(path, 2, f, 0), DS_OK);
    remove(p1);
    pixDestroy(&page);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"boxes_and_labels", test_boxes_and_labels},
        {"limits_and_errors", test_limits_and_errors},
        {"flag_boxes", test_flag_boxes},
    };
    return T_RUN(cases);
}
