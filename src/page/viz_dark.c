/*
 * viz_dark.c: the region read again with only its darkest print
 * (viz_dark.h). The second reading only adds or replaces words; what it
 * read is judged by the same steps as the first reading's.
 */
#include "page/viz_dark.h"
#include "page/viz.h"
#include "page/viz_label.h"
#include "page/viz_seg.h"
#include "page/viz_strip.h"
#include "page/viz_tess.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

PIX *ds_viz_dark_only(PIX *img)
{
    if (!img || pixGetDepth(img) != 8 || pixGetWidth(img) < 8 || pixGetHeight(img) < 8)
        return NULL;
    l_uint32 ink = 0, paper = 255;
    if (pixGetRankValue(img, 1, 0.02f, &ink) || pixGetRankValue(img, 1, 0.80f, &paper))
        return NULL;
    if ((int)paper - (int)ink < DS_VIZ_STRIP_MIN_CONTRAST)
        return NULL;
    int t = (int)ink + (int)(DS_VIZ_DARK_SHARE * (float)((int)paper - (int)ink));
    PIX *out = pixCreate(pixGetWidth(img), pixGetHeight(img), 8);
    if (!out)
        return NULL;
    int w = (int)pixGetWidth(img), h = (int)pixGetHeight(img);
    l_uint32 *src = pixGetData(img), *dst = pixGetData(out);
    int swpl = pixGetWpl(img), dwpl = pixGetWpl(out);
    for (int y = 0; y < h; y++) {
        l_uint32 *sl = src + y * swpl, *dl = dst + y * dwpl;
        for (int x = 0; x < w; x++) {
            int v = (int)GET_DATA_BYTE(sl, x);
            v = v <= (int)ink ? 0 : v >= t ? 255 : (v - (int)ink) * 255 / (t - (int)ink);
            SET_DATA_BYTE(dl, x, v);
        }
    }
    pixCopyResolution(out, img);
    return out;
}

static int alnums(const char *t)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        n += isalnum(*p) || (*p >= 0xC0); /* a UTF-8 letter's lead byte */
    return n;
}

int ds_viz_dark_good_words(const ds_viz_page *pg)
{
    int n = 0;
    for (int i = 0; pg && i < pg->nw; i++)
        n += pg->w[i].conf >= 80.0f && alnums(pg->w[i].text) >= 2;
    return n;
}

bool ds_viz_dark_wanted(const ds_viz_page *pg)
{
    if (!pg || pg->nw == 0)
        return false;
    for (int i = 0; i < pg->ns; i++) {
        int f = pg->s[i].field;
        if ((f >= 0 && f < DS_VIZ_FIELD_COUNT) || f == DS_VIZ_FIELD_NAME_BOTH)
            return false;
    }
    int junk = 0;
    for (int i = 0; i < pg->nw; i++)
        junk += pg->w[i].conf < 50.0f;
    return junk >= 2 * ds_viz_dark_good_words(pg) && junk > 0;
}

static bool overlaps(const ds_viz_word *a, const ds_viz_word *b)
{
    if (a->x1 <= b->x0 || b->x1 <= a->x0)
        return false;
    int top = a->y0 > b->y0 ? a->y0 : b->y0, bot = a->y1 < b->y1 ? a->y1 : b->y1;
    int ha = a->y1 - a->y0, hb = b->y1 - b->y0, h = ha < hb ? ha : hb;
    return h > 0 && 2 * (bot - top) >= h;
}

void ds_viz_dark_merge(ds_viz_page *pg, const ds_viz_page *add)
{
    if (!pg || !add)
        return;
    int lines = 0, k = 0;
    for (int i = 0; i < pg->nw; i++) {
        bool gone = false;
        for (int j = 0; j < add->nw && !gone; j++)
            gone = overlaps(&pg->w[i], &add->w[j]);
        if (gone)
            continue;
        if (pg->w[i].line + 1 > lines)
            lines = pg->w[i].line + 1;
        pg->w[k++] = pg->w[i];
    }
    for (int j = 0; j < add->nw && k < DS_VIZ_PAGE_WORDS; j++) {
        pg->w[k] = add->w[j];
        pg->w[k].line = add->w[j].line + lines;
        pg->w[k].seg = -1;
        k++;
    }
    pg->nw = k;
    pg->ns = 0;
}

int ds_viz_dark_reread(TessBaseAPI *api, PIX *img, int res, ds_viz_page *pg, bool *merged)
{
    if (merged)
        *merged = false;
    if (!api || !img || !pg || !ds_viz_dark_wanted(pg))
        return 0;
    PIX *dark = ds_viz_dark_only(img);
    if (!dark)
        return 0;
    ds_viz_page *add = calloc(1, sizeof *add);
    if (!add) {
        pixDestroy(&dark);
        return 0;
    }
    TessBaseAPISetPageSegMode(api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(api, dark);
    TessBaseAPISetSourceResolution(api, res);
    if (TessBaseAPIRecognize(api, NULL) == 0)
        ds_viz_tess_words(api, add);
    TessBaseAPIClear(api);
    int before = ds_viz_dark_good_words(pg), after = ds_viz_dark_good_words(add);
    if (after >= before + 2 && 2 * after >= 3 * before) {
        ds_viz_dark_merge(pg, add);
        ds_viz_seg_build(pg);
        ds_viz_label_classify(pg);
        if (merged)
            *merged = true;
    }
    pixDestroy(&dark);
    free(add);
    return 1;
}
