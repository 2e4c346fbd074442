/*
 * Tests of a caption's strip cleaned for a second reading
 * (src/page/viz_strip.c): rules under or over a caption (solid and
 * dotted) and a box's sides are erased, strokes of letters kept, a grey
 * caption made black on white, a lighter background dropped; a strip
 * with no print, or outside the image, gives nothing. The strips are
 * drawn here, at the size a caption's strip has in the reader's 300 dpi
 * region (a 7-pixel caption in a strip 24 pixels tall).
 */
#include <leptonica/allheaders.h>

#include "page/viz_strip.h"
#include "t.h"

/* A w x h image of paper grey `paper`. */
static PIX *paper_of(int w, int h, int paper)
{
    PIX *p = pixCreate(w, h, 8);
    if (p)
        pixSetAllArbitrary(p, (l_uint32)paper);
    return p;
}

static void fill(PIX *p, int x, int y, int w, int h, int v)
{
    for (int yy = y; yy < y + h; yy++)
        for (int xx = x; xx < x + w; xx++)
            pixSetPixel(p, xx, yy, (l_uint32)v);
}

static int at(PIX *p, int x, int y)
{
    l_uint32 v = 0;
    pixGetPixel(p, x, y, &v);
    return (int)v;
}

/* Letter-like strokes: a row of 6 x 7 glyphs, each a vertical stem and a
 * bar, 3 pixels apart, from x, baseline at y + 7. */
static void glyphs(PIX *p, int x, int y, int n, int ink)
{
    for (int i = 0; i < n; i++) {
        int gx = x + i * 9;
        fill(p, gx, y, 2, 7, ink);
        fill(p, gx, y + 3, 6, 1, ink);
    }
}

/* A solid rule under the caption and a dotted one over it are erased; the
 * glyphs stay black. */
static void test_rules_erased(void)
{
    PIX *p = paper_of(300, 24, 230);
    glyphs(p, 20, 8, 10, 40);
    fill(p, 0, 19, 300, 2, 60);           /* the underline */
    for (int x = 0; x < 300; x += 4)
        fill(p, x, 3, 2, 1, 60);          /* a dotted line */
    int box[4] = {0, 0, 300, 24};
    PIX *c = ds_viz_strip_clean(p, box);
    T_CHECK(c != NULL);
    if (c) {
        T_EQ_INT(pixGetWidth(c), 300);
        T_EQ_INT(pixGetHeight(c), 24);
        T_EQ_INT(at(c, 150, 19), 255);    /* underline gone */
        T_EQ_INT(at(c, 250, 20), 255);
        T_EQ_INT(at(c, 200, 3), 255);     /* dots gone */
        T_EQ_INT(at(c, 20, 10), 0);       /* a stem kept, black */
        T_EQ_INT(at(c, 24, 11), 0);       /* a bar kept */
        T_EQ_INT(at(c, 10, 12), 255);     /* paper white */
    }
    pixDestroy(&c);
    pixDestroy(&p);
}

/* A box round a field: its sides run the strip's height and go; a stem of
 * a glyph, under four fifths of it, stays. */
static void test_box_sides_erased(void)
{
    PIX *p = paper_of(200, 24, 220);
    fill(p, 4, 0, 2, 24, 50);
    fill(p, 190, 2, 2, 22, 50);
    glyphs(p, 30, 9, 6, 50);
    int box[4] = {0, 0, 200, 24};
    PIX *c = ds_viz_strip_clean(p, box);
    T_CHECK(c != NULL);
    if (c) {
        T_EQ_INT(at(c, 4, 12), 255);
        T_EQ_INT(at(c, 191, 12), 255);
        T_EQ_INT(at(c, 30, 12), 0);
    }
    pixDestroy(&c);
    pixDestroy(&p);
}

/* A light-grey caption over a guilloche lighter still: the caption comes
 * out black, the guilloche's lines paper. */
static void test_grey_caption_on_guilloche(void)
{
    PIX *p = paper_of(240, 24, 235);
    for (int x = 0; x < 240; x++) /* a wavy line, lighter than the print */
        fill(p, x, 4 + (x / 6) % 4, 1, 1, 200);
    glyphs(p, 40, 10, 8, 150);
    int box[4] = {0, 0, 240, 24};
    PIX *c = ds_viz_strip_clean(p, box);
    T_CHECK(c != NULL);
    if (c) {
        T_CHECK(at(c, 40, 12) < 40);
        T_EQ_INT(at(c, 12, 6), 255);
        T_EQ_INT(at(c, 13, 6), 255);
    }
    pixDestroy(&c);
    pixDestroy(&p);
}

/* Nothing to read: a blank strip, a box outside the image, a wrong depth,
 * no box. */
static void test_nothing_to_clean(void)
{
    PIX *p = paper_of(100, 30, 200);
    int box[4] = {0, 0, 100, 30};
    T_CHECK(ds_viz_strip_clean(p, box) == NULL);
    fill(p, 10, 10, 20, 5, 20);
    int out[4] = {90, 0, 20, 30};
    T_CHECK(ds_viz_strip_clean(p, out) == NULL);
    int neg[4] = {-1, 0, 20, 30};
    T_CHECK(ds_viz_strip_clean(p, neg) == NULL);
    int tiny[4] = {0, 0, 4, 4};
    T_CHECK(ds_viz_strip_clean(p, tiny) == NULL);
    T_CHECK(ds_viz_strip_clean(p, NULL) == NULL);
    PIX *b = pixCreate(100, 30, 1);
    T_CHECK(ds_viz_strip_clean(b, box) == NULL);
    pixDestroy(&b);
    pixDestroy(&p);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"rules_erased", test_rules_erased},
        {"box_sides_erased", test_box_sides_erased},
        {"grey_caption_on_guilloche", test_grey_caption_on_guilloche},
        {"nothing_to_clean", test_nothing_to_clean},
    };
    return T_RUN(cases);
}
