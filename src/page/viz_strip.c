/*
 * viz_strip.c: a caption's strip cleaned for a second reading
 * (viz_strip.h). Pixel work only; every buffer is capped by the strip
 * limits below, never sized by the whole image.
 */
#include "page/viz_strip.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#define STRIP_W_MAX 4096
#define STRIP_H_MAX 512
/* Gaps of this many pixels or fewer inside a rule's run are bridged (the
 * dots of a dotted rule, a scan's broken line). */
#define GAP_MAX 2

/* The grey value at rank share (0..1) of the strip's pixels. */
static int rank_of(const int hist[256], long total, double share)
{
    long acc = 0;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if ((double)acc >= share * (double)total)
            return v;
    }
    return 255;
}

/* Marks in kill[] the runs of dark[] along one line (n pixels, stride
 * step) at least len long, gaps of GAP_MAX or fewer bridged. */
static void long_runs(const uint8_t *dark, uint8_t *kill, int n, long step, int len)
{
    int start = -1, last = -1;
    for (int i = 0; i <= n; i++) {
        bool d = i < n && dark[(long)i * step];
        if (d) {
            if (start < 0 || i - last - 1 > GAP_MAX) {
                if (start >= 0 && last - start + 1 >= len)
                    for (int k = start; k <= last; k++)
                        kill[(long)k * step] = 1;
                start = i;
            }
            last = i;
        }
    }
    if (start >= 0 && last - start + 1 >= len)
        for (int k = start; k <= last; k++)
            kill[(long)k * step] = 1;
}

PIX *ds_viz_strip_clean(PIX *img, const int box[4])
{
    if (!img || !box || pixGetDepth(img) != 8)
        return NULL;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int x0 = box[0], y0 = box[1], w = box[2], h = box[3];
    if (x0 < 0 || y0 < 0 || x0 + w > iw || y0 + h > ih || w < 8 || h < 6 || w > STRIP_W_MAX ||
        h > STRIP_H_MAX)
        return NULL;
    const l_uint32 *data = pixGetData(img);
    int wpl = pixGetWpl(img);
    int hist[256] = {0};
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            hist[GET_DATA_BYTE(data + (long)y * wpl, x)]++;
    long total = (long)w * h;
    int ink = rank_of(hist, total, 0.02), paper = rank_of(hist, total, 0.80);
    if (paper - ink < DS_VIZ_STRIP_MIN_CONTRAST)
        return NULL;
    int half = ink + (paper - ink) / 2;
    uint8_t *dark = calloc((size_t)total * 2, 1);
    PIX *out = dark ? pixCreate(w, h, 8) : NULL;
    if (!out) {
        free(dark);
        return NULL;
    }
    uint8_t *kill = dark + total;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            dark[(long)y * w + x] = GET_DATA_BYTE(data + (long)(y0 + y) * wpl, x0 + x) <= half;
    int hlen = 3 * h > w / 3 ? 3 * h : w / 3;
    for (int y = 0; y < h; y++)
        long_runs(dark + (long)y * w, kill + (long)y * w, w, 1, hlen);
    int vlen = (4 * h + 4) / 5;
    for (int x = 0; x < w; x++)
        long_runs(dark + x, kill + x, h, w, vlen);
    l_uint32 *od = pixGetData(out);
    int owpl = pixGetWpl(out);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int v = GET_DATA_BYTE(data + (long)(y0 + y) * wpl, x0 + x);
            int o = 255;
            if (!kill[(long)y * w + x] && v <= half) {
                o = (v - ink) * 255 / (half - ink + 1);
                o = o < 0 ? 0 : o > 255 ? 255 : o;
            }
            SET_DATA_BYTE(od + (long)y * owpl, x, o);
        }
    free(dark);
    return out;
}
