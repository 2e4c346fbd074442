/*
 * support_sparse.c: text a supporting page's automatic reading lost
 * (support.h, ds_sup_lost_letters, ds_sup_merge_words).
 *
 * Tesseract's automatic page segmentation can drop whole blocks of clear
 * print: on photocopies of copies (bold, blotted letters inside a dark
 * copier frame) it took a block for a picture and read the page as one
 * title line or as nothing at all, while the same page read as sparse text
 * gave every field. The letters on the page that no word read covers say
 * when that happened; the sparse reading's words then fill the places the
 * first reading left empty.
 */
#include "page/support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The page's paper: its median gray (most of a page is paper). */
static int paper_level(PIX *gray)
{
    NUMA *hist = pixGetGrayHistogram(gray, 2);
    if (!hist)
        return 255;
    float total = 0, v, acc = 0;
    int k;
    for (k = 0; k < 256; k++) {
        numaGetFValue(hist, k, &v);
        total += v;
    }
    for (k = 0; k < 256; k++) {
        numaGetFValue(hist, k, &v);
        acc += v;
        if (acc >= total / 2)
            break;
    }
    numaDestroy(&hist);
    return k < 256 ? k : 255;
}

/* Is the box (in image pixels) of a letter's size at dpi: 0.04 to 0.35 in
 * tall, at most 0.5 in wide and three times its height (a rule, a frame, a
 * seal's ring, a speck are not)? */
static bool letter_size(l_int32 bw, l_int32 bh, double dpi)
{
    return bh >= 0.04 * dpi && bh <= 0.35 * dpi && bw >= 2 && bw <= 0.5 * dpi && bw <= 3 * bh;
}

/* Does a word (box in page pixels, times scale in image pixels) cover the
 * point (x, y) of the image, with a margin of m pixels? */
static bool covered(const ds_sup_word *w, int n, double scale, int x, int y, int m)
{
    for (int i = 0; i < n; i++) {
        double x0 = w[i].box[0] * scale - m, y0 = w[i].box[1] * scale - m;
        double x1 = (w[i].box[0] + w[i].box[2]) * scale + m;
        double y1 = (w[i].box[1] + w[i].box[3]) * scale + m;
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1)
            return true;
    }
    return false;
}

int ds_sup_lost_letters(PIX *img, double dpi, const ds_sup_word *w, int n, double scale,
                        int *letters)
{
    if (letters)
        *letters = 0;
    if (!img || pixGetDepth(img) != 8 || dpi < 30 || n < 0 || (n > 0 && !w))
        return 0;
    int ink = paper_level(img) - DS_SUP_LOST_INK;
    PIX *bin = ink > 40 ? pixConvertTo1(img, ink) : NULL;
    BOXA *boxa = bin ? pixConnCompBB(bin, 8) : NULL;
    int nb = boxa ? boxaGetCount(boxa) : 0, all = 0, lost = 0;
    int m = (int)lround(0.02 * dpi);
    for (int i = 0; i < nb; i++) {
        l_int32 bx, by, bw, bh;
        if (boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh) != 0 || !letter_size(bw, bh, dpi))
            continue;
        all++;
        lost += !covered(w, n, scale, bx + bw / 2, by + bh / 2, m);
    }
    boxaDestroy(&boxa);
    pixDestroy(&bin);
    if (letters)
        *letters = all;
    return lost;
}

bool ds_sup_text_lost(int lost, int letters)
{
    return lost >= DS_SUP_LOST_MIN && lost * 100 >= letters * DS_SUP_LOST_PCT;
}

/* The centre of word b lies in word a's box, or a's in b's. */
static bool overlaps(const ds_sup_word *a, const ds_sup_word *b)
{
    int bx = b->box[0] + b->box[2] / 2, by = b->box[1] + b->box[3] / 2;
    int ax = a->box[0] + a->box[2] / 2, ay = a->box[1] + a->box[3] / 2;
    return (bx >= a->box[0] && bx <= a->box[0] + a->box[2] && by >= a->box[1] &&
            by <= a->box[1] + a->box[3]) ||
           (ax >= b->box[0] && ax <= b->box[0] + b->box[2] && ay >= b->box[1] &&
            ay <= b->box[1] + b->box[3]);
}

/* Has the word a letter or a digit (not a smudge read as punctuation)? */
static bool has_alnum(const char *s)
{
    for (; *s; s++)
        if ((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
            (unsigned char)*s >= 0xC0)
            return true;
    return false;
}

int ds_sup_merge_words(ds_sup_word *w, int n, int cap, const ds_sup_word *add, int nadd)
{
    if (!w || n < 0 || cap < n || nadd <= 0 || !add)
        return n < 0 ? 0 : n;
    /* The first reading's lines keep their order, spaced out so that the
     * lines of the second fit between them. */
    for (int i = 0; i < n; i++)
        w[i].line *= DS_SUP_MERGE_GAP;
    int out = n;
    for (int j = 0; j < nadd && out < cap; j++) {
        const ds_sup_word *a = &add[j];
        if (a->conf < DS_SUP_MERGE_CONF || !has_alnum(a->text))
            continue;
        bool dup = false;
        for (int i = 0; i < n && !dup; i++)
            dup = overlaps(&w[i], a);
        if (dup)
            continue;
        /* After the first reading's nearest line whose middle is above
         * this word's middle (before every line when none is). */
        double cy = a->box[1] + a->box[3] / 2.0, best_y = -1;
        int after = -1;
        for (int i = 0; i < n; i++) {
            double y = w[i].box[1] + w[i].box[3] / 2.0;
            if (y <= cy && y > best_y)
                best_y = y, after = w[i].line / DS_SUP_MERGE_GAP;
        }
        int k = a->line % (DS_SUP_MERGE_GAP - 1);
        w[out] = *a;
        w[out].line = after < 0 ? -DS_SUP_MERGE_GAP + 1 + k : after * DS_SUP_MERGE_GAP + 1 + k;
        out++;
    }
    return out;
}
