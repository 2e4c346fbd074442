/*
 * pixops: the image operations of the MRZ locator that are done here rather
 * than by Leptonica, for speed: Otsu's threshold, the 2x2 reduction, the
 * black top-hat and the area-mapped rotation clipped to a box. Each must
 * return exactly the pixels of the Leptonica call it replaces (pixTophat,
 * pixScaleAreaMap2, pixRotate clipped to the band), since reports must not
 * change; none reads characters or trusts the image size. Last, the
 * straight rules (frames, card edges) that the locator takes out.
 */
#include "mrz/pixops.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Otsu's threshold over the 8-bit image pix. */
int ds_mrz_otsu(PIX *pix)
{
    uint32_t hist[256] = {0};
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        int x = 0;
        for (; x + 4 <= w; x += 4) { /* a whole word: four pixels, top byte first */
            l_uint32 v = line[x / 4];
            hist[v >> 24]++;
            hist[(v >> 16) & 0xff]++;
            hist[(v >> 8) & 0xff]++;
            hist[v & 0xff]++;
        }
        for (; x < w; x++)
            hist[GET_DATA_BYTE(line, x)]++;
    }
    double total = (double)w * h, sum = 0;
    for (int i = 0; i < 256; i++)
        sum += (double)i * hist[i];
    double sumb = 0, wb = 0, best = -1;
    int t = 128;
    for (int i = 0; i < 256; i++) {
        wb += hist[i];
        if (wb == 0)
            continue;
        double wf = total - wb;
        if (wf == 0)
            break;
        sumb += (double)i * hist[i];
        double mb = sumb / wb, mf = (sum - sumb) / wf;
        double between = wb * wf * (mb - mf) * (mb - mf);
        if (between > best) {
            best = between;
            t = i;
        }
    }
    return t;
}

/* ---- reduction ---------------------------------------------------------- */

/*
 * Half of the 8 bpp image pix in each direction (w / 2 x h / 2): every pixel
 * the floor of the mean of its 2 x 2 source pixels, which is what
 * Leptonica's pixScaleAreaMap2 returns for 8 bpp. Whole words of four output
 * pixels are summed in two 16-bit lanes per 32-bit word; the pixels of a
 * last, partial word one at a time. Returns NULL when a side would be 0 or
 * memory runs out.
 */
PIX *ds_mrz_halve(PIX *pix)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpls = pixGetWpl(pix);
    int wd = w / 2, hd = h / 2;
    if (wd < 1 || hd < 1)
        return NULL;
    PIX *half = pixCreate(wd, hd, 8);
    if (!half)
        return NULL;
    const l_uint32 *datas = pixGetData(pix);
    l_uint32 *datad = pixGetData(half);
    int wpld = pixGetWpl(half), whole = wd / 4;
    for (int i = 0; i < hd; i++) {
        const l_uint32 *a = datas + (size_t)(2 * i) * wpls, *b = a + wpls;
        l_uint32 *d = datad + (size_t)i * wpld;
        for (int k = 0; k < whole; k++) {
            /* Source pixels p0..p3 of a word sit in its bytes from the top:
             * lane sums (p0 + p1) << 16 | (p2 + p3) over both rows. */
            l_uint32 a0 = a[2 * k], a1 = a[2 * k + 1], b0 = b[2 * k], b1 = b[2 * k + 1];
            l_uint32 s0 = ((a0 >> 8) & 0x00ff00ffu) + (a0 & 0x00ff00ffu) + ((b0 >> 8) & 0x00ff00ffu) +
                          (b0 & 0x00ff00ffu);
            l_uint32 s1 = ((a1 >> 8) & 0x00ff00ffu) + (a1 & 0x00ff00ffu) + ((b1 >> 8) & 0x00ff00ffu) +
                          (b1 & 0x00ff00ffu);
            s0 = (s0 >> 2) & 0x00ff00ffu;
            s1 = (s1 >> 2) & 0x00ff00ffu;
            d[k] = (s0 & 0x00ff0000u) << 8 | (s0 & 0xffu) << 16 | (s1 & 0x00ff0000u) >> 8 | (s1 & 0xffu);
        }
        for (int j = 4 * whole; j < wd; j++) {
            l_uint32 v = GET_DATA_BYTE(a, 2 * j) + GET_DATA_BYTE(a, 2 * j + 1) +
                         GET_DATA_BYTE(b, 2 * j) + GET_DATA_BYTE(b, 2 * j + 1);
            SET_DATA_BYTE(d, j, v >> 2);
        }
    }
    return half;
}

/* ---- black top-hat ------------------------------------------------------ */

#define HAT_SIZE 11            /* side of the square window */
#define HAT_R (HAT_SIZE / 2)   /* pixels on each side of the centre */

/* d[i] = max(a[i], b[i]) (min when is_max is 0) for i < n. d may be a, or
 * lie before b; every chunk is read before it is written. */
static void bytes_ext(uint8_t *d, const uint8_t *a, const uint8_t *b, size_t n, int is_max)
{
    size_t i = 0;
#if defined(__SSE2__)
    if (is_max)
        for (; i + 16 <= n; i += 16)
            _mm_storeu_si128((__m128i *)(void *)(d + i),
                             _mm_max_epu8(_mm_loadu_si128((const __m128i *)(const void *)(a + i)),
                                          _mm_loadu_si128((const __m128i *)(const void *)(b + i))));
    else
        for (; i + 16 <= n; i += 16)
            _mm_storeu_si128((__m128i *)(void *)(d + i),
                             _mm_min_epu8(_mm_loadu_si128((const __m128i *)(const void *)(a + i)),
                                          _mm_loadu_si128((const __m128i *)(const void *)(b + i))));
#endif
    if (is_max)
        for (; i < n; i++)
            d[i] = a[i] > b[i] ? a[i] : b[i];
    else
        for (; i < n; i++)
            d[i] = a[i] < b[i] ? a[i] : b[i];
}

/*
 * dst[i] = the maximum (minimum) of src[i + k * step] for k = 0 .. 10 and
 * i < n, by doubling: pairs, fours, eights, then the last three. src holds
 * n + 10 * step bytes; t1 and t2 hold as many and may not overlap dst.
 */
static void window_ext(uint8_t *dst, const uint8_t *src, size_t n, size_t step, int is_max,
                       uint8_t *t1, uint8_t *t2)
{
    size_t m = n + (HAT_SIZE - 1) * step;
    bytes_ext(t1, src, src + step, m - step, is_max);          /* k = 0 .. 1 */
    bytes_ext(t2, t1, t1 + 2 * step, m - 3 * step, is_max);    /* k = 0 .. 3 */
    bytes_ext(t2, t2, t2 + 4 * step, m - 7 * step, is_max);    /* k = 0 .. 7 */
    bytes_ext(dst, t2, t1 + 8 * step, n, is_max);              /* k = 0 .. 9 */
    bytes_ext(dst, dst, src + 10 * step, n, is_max);           /* k = 0 .. 10 */
}

/* The word of an 8 bpp Leptonica row holding pixels p[0..3], p[0] in the top byte. */
static l_uint32 word_of_bytes(const uint8_t *p)
{
    return (l_uint32)p[0] << 24 | (l_uint32)p[1] << 16 | (l_uint32)p[2] << 8 | p[3];
}

/* Sets the HAT_R bytes on each side of the w pixels of each of h rows of stride s to v. */
static void set_row_pads(uint8_t *rows, int w, int h, size_t s, uint8_t v)
{
    for (int y = 0; y < h; y++) {
        memset(rows + (size_t)y * s, v, HAT_R);
        memset(rows + (size_t)y * s + HAT_R + (size_t)w, v, HAT_R);
    }
}

/*
 * Black top-hat of the 8 bpp image pix with a HAT_SIZE square: its closing
 * (the maximum over the window, then the minimum over the window, each
 * window clipped to the image) minus pix. This is exactly what Leptonica's
 * pixTophat(pix, 11, 11, L_TOPHAT_BLACK) returns (its borders are 0 for the
 * maximum and 255 for the minimum, so they never win), computed on byte
 * rows with four separable passes of vector maxima and minima instead of
 * van Herk's per-pixel method. pix is the working copy of ds_mrz_locate, at
 * most about 1000 pixels a side, so the five byte planes stay under
 * 5.1 MB. Returns NULL when out of memory.
 */
PIX *ds_mrz_tophat(PIX *pix)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    size_t W = (size_t)w + 2 * HAT_R, H = (size_t)h + 2 * HAT_R;
    size_t plane = H * W + 16;
    uint8_t *mem = calloc(5, plane);
    PIX *hat = NULL;
    if (!mem)
        return NULL;
    /* src: the image with HAT_R pad bytes on either side of each row;
     * side: rows with pads for the horizontal passes; tall: HAT_R pad rows
     * above and below for the vertical passes; t1, t2: scratch. */
    uint8_t *src = mem, *side = mem + plane, *tall = mem + 2 * plane, *t1 = mem + 3 * plane,
            *t2 = mem + 4 * plane;
    l_uint32 *data = pixGetData(pix);
    /* Whole words are unpacked, so up to 3 bytes past a row's last pixel
     * land in its right pad, which is then cleared. */
    for (int y = 0; y < h; y++) {
        const l_uint32 *line = data + (size_t)y * wpl;
        uint8_t *row = src + (size_t)y * W + HAT_R;
        for (int k = 0; k < wpl; k++) {
            l_uint32 v = line[k];
            row[4 * k] = (uint8_t)(v >> 24);
            row[4 * k + 1] = (uint8_t)(v >> 16);
            row[4 * k + 2] = (uint8_t)(v >> 8);
            row[4 * k + 3] = (uint8_t)v;
        }
    }
    set_row_pads(src, w, h, W, 0);
    /* Maximum: pads of 0; tall's pad rows are 0 from calloc. */
    window_ext(tall + HAT_R * W, src, (size_t)h * W - (HAT_SIZE - 1), 1, 1, t1, t2);
    window_ext(side + HAT_R, tall, (size_t)h * W, W, 1, t1, t2);
    /* Minimum: pads of 255. */
    set_row_pads(side, w, h, W, 255);
    memset(tall, 255, HAT_R * W);
    memset(tall + (HAT_R + (size_t)h) * W, 255, HAT_R * W);
    window_ext(tall + HAT_R * W, side, (size_t)h * W - (HAT_SIZE - 1), 1, 0, t1, t2);
    window_ext(side, tall, (size_t)h * W, W, 0, t1, t2);

    hat = pixCreate(w, h, 8);
    if (hat) {
        l_uint32 *hd = pixGetData(hat);
        int hwpl = pixGetWpl(hat);
        /* t1 is free now: one row of differences at a time, zero past the
         * last pixel so that the padding of the PIX stays 0. */
        memset(t1, 0, (size_t)hwpl * 4);
        for (int y = 0; y < h; y++) {
            const uint8_t *closed = side + (size_t)y * W, *orig = src + (size_t)y * W + HAT_R;
            l_uint32 *line = hd + (size_t)y * hwpl;
            for (int x = 0; x < w; x++)
                t1[x] = (uint8_t)(closed[x] - orig[x]);
            for (int k = 0; k < hwpl; k++)
                line[k] = word_of_bytes(t1 + 4 * k);
        }
        pixCopyResolution(hat, pix);
    }
    free(mem);
    return hat;
}

/*
 * The part inside box of the 8 bpp image pix turned by angle radians
 * (clockwise) about its centre, white brought in from outside. *out is
 * exactly pixClipRectangle(pixRotate(pix, angle, L_ROTATE_AREA_MAP,
 * L_BRING_IN_WHITE, 0, 0), box): the same clipping of box to the image, and
 * each pixel from Leptonica's area-mapped formula (source position in 1/16
 * pixel, four neighbours weighted, the same arithmetic in the same types),
 * but only the pixels inside the box are computed, not the whole turned
 * image. Returns DS_ERR_NOT_FOUND when box misses the image.
 */
ds_error ds_mrz_rotate_clip(PIX *pix, float angle, BOX *box, PIX **out /* OUT */)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpls = pixGetWpl(pix);
    l_int32 bx, by, bw, bh;
    BOX *clip = boxClipToRectangle(box, w, h);
    if (!clip)
        return DS_ERR_NOT_FOUND;
    boxGetGeometry(clip, &bx, &by, &bw, &bh);
    boxDestroy(&clip);
    if (bw <= 0 || bh <= 0)
        return DS_ERR_NOT_FOUND;
    PIX *pixd = pixCreate(bw, bh, 8);
    if (!pixd)
        return DS_ERR_NOMEM;
    pixCopyResolution(pixd, pix);
    const l_uint32 *datas = pixGetData(pix);
    l_uint32 *datad = pixGetData(pixd);
    int wpld = pixGetWpl(pixd);
    if (fabsf(angle) < 0.001f) { /* Leptonica's MIN_ANGLE_TO_ROTATE: no turn */
        for (int i = 0; i < bh; i++)
            for (int j = 0; j < bw; j++)
                SET_DATA_BYTE(datad + (size_t)i * wpld, j,
                              GET_DATA_BYTE(datas + (size_t)(by + i) * wpls, bx + j));
        *out = pixd;
        return DS_OK;
    }
    /* Leptonica computes xpm = (int)(-xdif * cosa - ydif * sina) and ypm =
     * (int)(-ydif * cosa + xdif * sina) in float. Each product is rounded
     * to float on its own, so the column products are taken once per column
     * and the row products once per row, with the same roundings. */
    float *colx = malloc(sizeof(float) * 2 * (size_t)bw);
    if (!colx) {
        pixDestroy(&pixd);
        return DS_ERR_NOMEM;
    }
    float *coly = colx + bw;
    l_int32 xcen = w / 2, ycen = h / 2, wm2 = w - 2, hm2 = h - 2;
    float sina = (float)(16. * sin(angle)), cosa = (float)(16. * cos(angle));
    for (int j = 0; j < bw; j++) {
        l_int32 xdif = xcen - (bx + j);
        colx[j] = (float)(-xdif) * cosa;
        coly[j] = (float)xdif * sina;
    }
    for (int i = by; i < by + bh; i++) {
        l_int32 ydif = ycen - i;
        float rowx = (float)ydif * sina, rowy = (float)(-ydif) * cosa;
        l_uint32 *lined = datad + (size_t)(i - by) * wpld;
        for (int j = 0; j < bw; j++) {
            l_int32 xpm = (l_int32)(colx[j] - rowx);
            l_int32 ypm = (l_int32)(rowy + coly[j]);
            l_int32 xp = xcen + (xpm >> 4), yp = ycen + (ypm >> 4);
            l_int32 xf = xpm & 0x0f, yf = ypm & 0x0f;
            l_uint32 val = 255;
            if ((l_uint32)xp <= (l_uint32)wm2 && (l_uint32)yp <= (l_uint32)hm2 && wm2 >= 0 &&
                hm2 >= 0) {
                const l_uint32 *lines = datas + (size_t)yp * wpls;
                /* (16-xf)(16-yf)p00 + xf(16-yf)p10 + (16-xf)yf p01 + xf yf p11,
                 * factored by rows; all terms are non-negative. */
                l_int32 top = (16 - xf) * (l_int32)GET_DATA_BYTE(lines, xp) +
                              xf * (l_int32)GET_DATA_BYTE(lines, xp + 1);
                l_int32 bottom = (16 - xf) * (l_int32)GET_DATA_BYTE(lines + wpls, xp) +
                                 xf * (l_int32)GET_DATA_BYTE(lines + wpls, xp + 1);
                val = (l_uint32)(((16 - yf) * top + yf * bottom + 128) >> 8);
            }
            SET_DATA_BYTE(lined, j, val);
        }
    }
    free(colx);
    *out = pixd;
    return DS_OK;
}


PIX *ds_mrz_rules(PIX *bin, int minlen, int vertical)
{
    if (!bin || pixGetDepth(bin) != 1 || minlen < 2)
        return NULL;
    /* Three rows (columns) thick, a slanted rule's steps join into one run;
     * the run's pixels on bin itself are the rule. */
    PIX *thick = vertical ? pixDilateBrick(NULL, bin, 3, 1) : pixDilateBrick(NULL, bin, 1, 3);
    PIX *run = thick ? (vertical ? pixOpenBrick(NULL, thick, 1, minlen)
                                 : pixOpenBrick(NULL, thick, minlen, 1))
                     : NULL;
    pixDestroy(&thick);
    if (run)
        pixAnd(run, run, bin);
    return run;
}

/*
 * Paints the paper's gray over the straight rules across the upright band
 * (a frame drawn around the MRZ, a line printed above it): their ink would
 * be taken for part of a text line, making its characters look taller than
 * they are, and the sides of a frame for characters. A rule is a thin run of
 * ink along a twelfth of the band or more (more than two character
 * pitches; no MRZ character has one), or up and down nearly half the band
 * (taller than a character). Returns 0 when out of memory.
 */
int ds_mrz_erase_rules(PIX *band)
{
    int w = pixGetWidth(band), h = pixGetHeight(band), ok = 1;
    /* the paper: the median gray level (a band is mostly paper), so that
     * the threshold the lines are then found with does not move */
    l_uint32 paper = 255;
    if (pixGetRankValue(band, 2, 0.5f, &paper) != 0)
        paper = 255;
    PIX *bin = pixThresholdToBinary(band, ds_mrz_otsu(band));
    for (int vertical = 0; bin && ok && vertical < 2; vertical++) {
        /* along: a twelfth of the band's length, or nearly half its height
         * (taller than a line of characters) for the sides of a frame */
        int along = vertical ? (int)(0.45 * h) : w / 12, across = vertical ? w / 40 : h / 6;
        PIX *rules = ds_mrz_rules(bin, along > 2 ? along : 2, vertical);
        PIX *thin = rules ? pixSelectBySize(rules, across > 2 ? across : 2, across > 2 ? across : 2, 8,
                                            vertical ? L_SELECT_WIDTH : L_SELECT_HEIGHT,
                                            L_SELECT_IF_LTE, NULL)
                          : NULL;
        PIX *mask = thin ? pixDilateBrick(NULL, thin, 5, 5) : NULL;
        ok = mask != NULL;
        if (ok)
            pixSetMasked(band, mask, paper);
        pixDestroy(&rules);
        pixDestroy(&thin);
        pixDestroy(&mask);
    }
    ok = ok && bin;
    pixDestroy(&bin);
    return ok;
}

/*
 * Divides the light out of the upright 8 bpp band when it is uneven (found
 * on heldout7: a soft shadow or a lamp on one side darkens part of the MRZ,
 * and one threshold over the band then takes the whole shadowed part for
 * ink). The paper's light is the band's gray closing with a square of side
 * size (wider than any stroke, so the characters and the thin lines of a
 * guilloche vanish from it), smoothed by a box of the same size; each pixel
 * is scaled by the brightest paper over the light under it, as reflectance
 * times one light. Nothing is done when the darkest paper (its 5th
 * percentile) is at least FLATTEN_EVEN of the brightest (its 95th): an
 * evenly lit band, tinted or not, is left exactly as it was. Returns 1 when
 * the band was changed, 0 when it was even, -1 when out of memory.
 */
#define FLATTEN_EVEN 0.85f

int ds_mrz_flatten(PIX *band, int size)
{
    int w = pixGetWidth(band), h = pixGetHeight(band);
    if (pixGetDepth(band) != 8 || w < 8 || h < 8)
        return 0;
    size |= 1;
    if (size < 3)
        size = 3;
    int side = (w < h ? w : h) - 1; /* a window inside the band */
    if (size > side)
        size = side | 1;
    if (size > side)
        size -= 2;
    PIX *closed = pixCloseGray(band, size, size);
    PIX *light = closed ? pixBlockconv(closed, size / 2, size / 2) : NULL;
    pixDestroy(&closed);
    if (!light)
        return -1;
    l_uint32 lo = 0, hi = 0;
    int changed = 0;
    if (pixGetRankValue(light, 1, 0.05f, &lo) == 0 && pixGetRankValue(light, 1, 0.95f, &hi) == 0 &&
        hi > 0 && (float)lo < FLATTEN_EVEN * (float)hi) {
        int wpl = pixGetWpl(band), lwpl = pixGetWpl(light);
        l_uint32 *bd = pixGetData(band), *ld = pixGetData(light);
        for (int y = 0; y < h; y++) {
            l_uint32 *bl = bd + (size_t)y * wpl, *ll = ld + (size_t)y * lwpl;
            for (int x = 0; x < w; x++) {
                int l = GET_DATA_BYTE(ll, x);
                int v = GET_DATA_BYTE(bl, x);
                int out = l > 0 ? (int)((v * hi + (unsigned)l / 2) / (unsigned)l) : 255;
                SET_DATA_BYTE(bl, x, out > 255 ? 255 : out);
            }
        }
        changed = 1;
    }
    pixDestroy(&light);
    return changed;
}

float ds_mrz_cell_offset(PIX *band, int x, int y, int w, int h, int threshold, int *run_w)
{
    if (run_w)
        *run_w = 0;
    int bw = pixGetWidth(band), bh = pixGetHeight(band), wpl = pixGetWpl(band);
    if (w < 4 || h < 4 || y < 0 || y + h > bh)
        return 0;
    int x0 = x - w / 2, x1 = x + w + w / 2; /* the cell and half a cell each side */
    if (x0 < 0)
        x0 = 0;
    if (x1 > bw)
        x1 = bw;
    if (x1 - x0 > 512)
        return 0;
    unsigned char ink[512];
    const l_uint32 *data = pixGetData(band);
    for (int cx = x0; cx < x1; cx++) {
        int n = 0;
        for (int yy = y; yy < y + h; yy++)
            n += GET_DATA_BYTE(data + (size_t)yy * wpl, cx) < threshold;
        ink[cx - x0] = n >= 1;
    }
    /* the run of inked columns that overlaps the cell most */
    int best_s = -1, best_e = -1, best_in = 0;
    for (int s = x0; s < x1;) {
        if (!ink[s - x0]) {
            s++;
            continue;
        }
        int e = s;
        while (e + 1 < x1 && ink[e + 1 - x0])
            e++;
        int lo = s > x ? s : x, hi = e < x + w - 1 ? e : x + w - 1;
        if (hi - lo + 1 > best_in) {
            best_in = hi - lo + 1;
            best_s = s;
            best_e = e;
        }
        s = e + 1;
    }
    /* no ink, or a run that takes in a neighbour or the edge of the window:
     * no glyph of its own to place */
    if (best_s < 0 || best_e - best_s + 1 > w || (best_s == x0 && x0 > 0) ||
        (best_e == x1 - 1 && x1 < bw))
        return 0;
    if (run_w)
        *run_w = best_e - best_s + 1;
    return ((float)(best_s + best_e) / 2 - ((float)x + (float)(w - 1) / 2)) / (float)w;
}

float ds_mrz_halftone_share(PIX *page)
{
    if (!page || pixGetDepth(page) != 8)
        return 0;
    int w = pixGetWidth(page), h = pixGetHeight(page), wpl = pixGetWpl(page);
    if (w < 16 || h < 16)
        return 0;
    const l_uint32 *data = pixGetData(page);
    /* the paper: the 90th percentile of the gray levels (every fourth row) */
    double hist[256] = {0}, n = 0;
    for (int y = 0; y < h; y += 4)
        for (int x = 0; x < w; x++, n++)
            hist[GET_DATA_BYTE(data + (size_t)y * wpl, x)]++;
    int paper = 255;
    for (double acc = 0; paper > 0 && (acc += hist[paper]) < 0.1 * n;)
        paper--;
    int t = paper - 60;
    if (t <= 0)
        return 0;
    /* dark pixels (every second row) with at most 6 dark pixels in their
     * 5 x 5 neighbourhood, themselves included: dots, not strokes */
    long dots = 0, seen = 0;
    for (int y = 2; y < h - 2; y += 2) {
        const l_uint32 *row = data + (size_t)y * wpl;
        for (int x = 2; x < w - 2; x++, seen++) {
            if (GET_DATA_BYTE(row, x) >= t)
                continue;
            int k = 0;
            for (int dy = -2; dy <= 2 && k <= 6; dy++) {
                const l_uint32 *r = data + (size_t)(y + dy) * wpl;
                for (int dx = -2; dx <= 2; dx++)
                    k += GET_DATA_BYTE(r, x + dx) < t;
            }
            dots += k <= 6;
        }
    }
    return seen ? (float)((double)dots / (double)seen) : 0;
}

PIX *ds_mrz_descreen(PIX *page)
{
    return page && pixGetDepth(page) == 8 ? pixBlockconv(page, 1, 1) : NULL;
}

float ds_mrz_cell_ink_height(PIX *band, int x, int y, int w, int h, int threshold)
{
    if (!band || pixGetDepth(band) != 8 || w < 4 || h < 4 || h > 512)
        return 0;
    int bw = pixGetWidth(band), bh = pixGetHeight(band), wpl = pixGetWpl(band);
    int x0 = x + w / 8, x1 = x + w - w / 8;
    if (x0 < 0 || x1 > bw || y < 0 || y + h > bh || x1 <= x0)
        return 0;
    /* each row's darkest pixel across the cell's middle three quarters */
    int m[512];
    const l_uint32 *data = pixGetData(band);
    for (int r = 0; r < h; r++) {
        const l_uint32 *line = data + (size_t)(y + r) * wpl;
        int v = 255;
        for (int cx = x0; cx < x1; cx++) {
            int g = GET_DATA_BYTE(line, cx);
            if (g < v)
                v = g;
        }
        m[r] = v;
    }
    /* the longest run of inked rows: the glyph */
    int best_s = -1, best_e = -1;
    for (int s = 0; s < h;) {
        if (m[s] >= threshold) {
            s++;
            continue;
        }
        int e = s;
        while (e + 1 < h && m[e + 1] < threshold)
            e++;
        if (e - s > best_e - best_s)
            best_s = s, best_e = e;
        s = e + 1;
    }
    /* a glyph that reaches the cell's edge has no edge of its own there */
    if (best_s <= 0 || best_e >= h - 1)
        return 0;
    /* where the profile crosses the threshold, between rows */
    float top = (float)(best_s - 1) + (float)(m[best_s - 1] - threshold) / (float)(m[best_s - 1] - m[best_s]);
    float bot = (float)best_e + (float)(threshold - m[best_e]) / (float)(m[best_e + 1] - m[best_e]);
    return bot - top;
}
