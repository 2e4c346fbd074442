/*
 * Unit tests of ds_mrz_flatten (src/mrz/pixops.c): the light of a band lit
 * unevenly (a shadow or a lamp on one side across the MRZ, found on
 * heldout7) is divided out so that one threshold separates ink from paper
 * over the whole band; an evenly lit band, tinted or not, is left exactly
 * as it was; input it cannot use is left alone without a crash.
 */
#include <string.h>

#include "mrz/pixops.h"
#include "t.h"

#define BW 400
#define BH 60

/* A band of paper gray `paper` with vertical strokes 3 pixels wide, 24 tall,
 * of gray `ink`, one every 12 pixels (about an MRZ line at 150 dpi), and
 * thin faint diagonal lines of a guilloche. Each pixel is then multiplied
 * by the light: 1 left of x = shadow_x, `dark` right of it (softened over
 * 40 pixels). */
static PIX *band(int paper, int ink, int shadow_x, float dark)
{
    PIX *p = pixCreate(BW, BH, 8);
    if (!p)
        return NULL;
    for (int y = 0; y < BH; y++)
        for (int x = 0; x < BW; x++) {
            int v = paper;
            if ((x + 2 * y) % 17 == 0)
                v = paper - 25; /* guilloche */
            if (y >= 18 && y < 42 && x % 12 < 3)
                v = ink;
            float d = (float)(x - shadow_x) / 40.0f;
            float k = d <= 0 ? 1.0f : d >= 1 ? dark : 1.0f - (1.0f - dark) * d;
            pixSetPixel(p, x, y, (l_uint32)(v * k + 0.5f));
        }
    return p;
}

static int is_stroke(int x, int y)
{
    return y >= 18 && y < 42 && x % 12 < 3;
}

/* The darkest paper and the lightest ink of band p (guilloche left out). */
static void extremes(PIX *p, int *paper_min, int *ink_max)
{
    *paper_min = 255;
    *ink_max = 0;
    for (int y = 0; y < BH; y++)
        for (int x = 0; x < BW; x++) {
            l_uint32 v = 0;
            pixGetPixel(p, x, y, &v);
            if (is_stroke(x, y)) {
                if ((int)v > *ink_max)
                    *ink_max = (int)v;
            } else if ((x + 2 * y) % 17 && (x + 2 * y) % 17 != 1 && (x + 2 * y) % 17 != 16) {
                if ((int)v < *paper_min)
                    *paper_min = (int)v;
            }
        }
}

/* Half the band in a shadow that halves its light: before, its paper (110)
 * is darker than the threshold between the lit paper and ink; after, the
 * paper is about as light everywhere and one Otsu threshold splits ink from
 * paper over the whole band. */
static void shadow_divided_out(void)
{
    PIX *p = band(220, 40, 200, 0.5f);
    T_CHECK(p != NULL);
    if (!p)
        return;
    int t = ds_mrz_otsu(p), paper_min, ink_max;
    extremes(p, &paper_min, &ink_max);
    T_CHECK(paper_min <= t); /* the shadowed paper counts as ink */
    T_EQ_INT(ds_mrz_flatten(p, 11), 1);
    t = ds_mrz_otsu(p);
    extremes(p, &paper_min, &ink_max);
    if (!(ink_max <= t && t < paper_min))
        T_FAIL_("after flattening: ink up to %d, paper from %d, threshold %d", ink_max, paper_min, t);
    /* the lit paper keeps its gray, the shadowed one comes up to it */
    l_uint32 lit = 0, shaded = 0;
    pixGetPixel(p, 50, 5, &lit);
    pixGetPixel(p, 350, 5, &shaded);
    T_CHECK(lit >= 210 && lit <= 230);
    T_CHECK(shaded >= 200 && shaded <= 235);
    pixDestroy(&p);
}

/* ds_mrz_flatten(p, 11) says the band is even and leaves it byte for byte. */
static void left_alone(PIX *p)
{
    PIX *copy = pixCopy(NULL, p);
    T_CHECK(copy != NULL);
    T_EQ_INT(ds_mrz_flatten(p, 11), 0);
    l_int32 same = 0;
    if (copy)
        pixEqual(p, copy, &same);
    T_CHECK(same);
    pixDestroy(&copy);
}

/* An evenly lit band, on white or on a tinted ground, is not touched. */
static void even_band_untouched(void)
{
    const int papers[] = {235, 150};
    for (int i = 0; i < 2; i++) {
        PIX *p = band(papers[i], 30, BW, 1.0f);
        T_CHECK(p != NULL);
        if (!p)
            continue;
        left_alone(p);
        pixDestroy(&p);
    }
}

/* A light that falls slowly across the band by a tenth (a lamp far off to
 * one side) is even enough: left as it is. */
static void gentle_gradient_untouched(void)
{
    PIX *p = pixCreate(BW, BH, 8);
    T_CHECK(p != NULL);
    if (!p)
        return;
    for (int y = 0; y < BH; y++)
        for (int x = 0; x < BW; x++)
            pixSetPixel(p, x, y, (l_uint32)(230 - 23 * x / BW - (is_stroke(x, y) ? 180 : 0)));
    left_alone(p);
    pixDestroy(&p);
}

/* Input it cannot use: not 8 bpp, too small, an absurd window. */
static void unusable_input_left_alone(void)
{
    PIX *rgb = pixCreate(40, 40, 32), *tiny = pixCreate(4, 40, 8);
    T_CHECK(rgb && tiny);
    T_EQ_INT(ds_mrz_flatten(rgb, 11), 0);
    T_EQ_INT(ds_mrz_flatten(tiny, 11), 0);
    PIX *p = band(220, 40, 200, 0.5f);
    T_CHECK(p != NULL);
    if (p) {
        /* a window of 0 or larger than the band is clamped, never read
         * outside the image */
        T_CHECK(ds_mrz_flatten(p, 0) >= 0);
        T_CHECK(ds_mrz_flatten(p, 100000) >= 0);
    }
    pixDestroy(&p);
    pixDestroy(&rgb);
    pixDestroy(&tiny);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"shadow_divided_out", shadow_divided_out},
        {"even_band_untouched", even_band_untouched},
        {"gentle_gradient_untouched", gentle_gradient_untouched},
        {"unusable_input_left_alone", unusable_input_left_alone},
    };
    return T_RUN(cases);
}
