/*
 * Locating the MRZ and cutting it into character cells.
 *
 * ds_mrz_locate works on a reduced, binarised copy of the page (a black
 * top-hat, so only ink darker than its surroundings counts): a closing along
 * the lines joins the characters of a text line into one bar, and the MRZ is
 * a group of 2 or 3 long, parallel, equally long bars. Bars are measured by
 * their second moments, so skew does not matter; a page turned by 90
 * degrees is covered by closing along the vertical as well.
 * ds_mrzband_extract (band.c) then cuts the region from the
 * full-resolution page, turns it upright, finds the text lines from the row
 * profile and fits the fixed character pitch to the connected components of
 * each line; the character count (30, 36 or 44) is the one whose pitch
 * explains the component positions best.
 * Neither function reads characters or trusts the page size: every loop is
 * bounded by the image, and the working copy is at most about 1400 pixels.
 * The image operations it needs beyond Leptonica's are in pixops.c.
 */
#include "mrz/locate.h"
#include "mrz/clip.h"
#include "mrz/pitch.h"
#include "mrz/pixops.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define WORK_MAX_SIDE 1000
#define DS_PI 3.14159265358979323846
#define MAX_BARS 256
/* drop_blobs keeps a large component under this share of ink in its box
 * and at most this many character heights long. */
#define BLOB_KEEP_FILL 0.2
#define BLOB_KEEP_SIDE 16.0f
/* A straight run of ink this many character heights long is a rule. */
#define RULE_MIN_CH 6.0f

typedef struct bar {
    float cx, cy, angle, len, thick, fill;
    int split; /* cut out of a larger component: ranked after whole bars */
} bar;

/* Second moments of the set pixels of a 1 bpp component placed at (bx, by). */
static int measure_bar(PIX *comp, int bx, int by, bar *out)
{
    int w = pixGetWidth(comp), h = pixGetHeight(comp), wpl = pixGetWpl(comp);
    l_uint32 *data = pixGetData(comp);
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            if (!GET_DATA_BIT(line, x))
                continue;
            n++;
            sx += x;
            sy += y;
            sxx += (double)x * x;
            syy += (double)y * y;
            sxy += (double)x * y;
        }
    }
    if (n < 50)
        return 0;
    double mx = sx / n, my = sy / n;
    double cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
    double tr = cxx + cyy, det = cxx * cyy - cxy * cxy;
    double disc = sqrt(fmax(tr * tr / 4 - det, 0));
    double l1 = tr / 2 + disc, l2 = fmax(tr / 2 - disc, 1e-6);
    out->cx = (float)(bx + mx);
    out->cy = (float)(by + my);
    out->angle = (float)(0.5 * atan2(2 * cxy, cxx - cyy));
    out->len = (float)sqrt(12 * l1);
    out->thick = (float)sqrt(12 * l2);
    out->fill = (float)(n / (out->len * out->thick));
    out->split = 0;
    return 1;
}

/* Angle difference of two undirected lines, in [0, pi/2]. */
static float line_angle_diff(float a, float b)
{
    float d = fabsf(a - b);
    while (d > (float)DS_PI)
        d -= (float)DS_PI;
    return d > (float)DS_PI / 2 ? (float)DS_PI - d : d;
}

/*
 * Splits a closed component that is no bar (MRZ lines joined to a column of
 * text beside them, to a watermark, or to each other) into the bands of its
 * dense rows (columns when turned): each band as long as a line and about a
 * character thick becomes a bar of its own. Returns the bars added.
 */
static int split_blob(PIX *comp, int bx, int by, int turned, float ch, bar *bars, int max)
{
    int w = pixGetWidth(comp), h = pixGetHeight(comp), wpl = pixGetWpl(comp);
    int along = turned ? h : w, across = turned ? w : h;
    l_uint32 *data = pixGetData(comp);
    int *count = calloc((size_t)across, sizeof *count);
    int *lo = malloc(sizeof(int) * (size_t)across), *hi = malloc(sizeof(int) * (size_t)across);
    int n = 0;
    if (!count || !lo || !hi)
        goto out;
    for (int r = 0; r < across; r++) {
        lo[r] = along;
        hi[r] = -1;
    }
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            if (!GET_DATA_BIT(line, x))
                continue;
            int r = turned ? x : y, a = turned ? y : x;
            count[r]++;
            if (a < lo[r])
                lo[r] = a;
            if (a > hi[r])
                hi[r] = a;
        }
    }
    int maxc = 0;
    for (int r = 0; r < across; r++)
        if (count[r] > maxc)
            maxc = count[r];
    for (int r = 0; r < across && n < max;) {
        if (count[r] < maxc / 2) {
            r++;
            continue;
        }
        int r0 = r;
        double mass = 0, sa = 0;
        int a0 = along, a1 = -1;
        while (r < across && count[r] >= maxc / 2) {
            mass += count[r];
            sa += (double)count[r] * r;
            /* the band's extent: the median row's, robust to a side column */
            r++;
        }
        int mid = (r0 + r - 1) / 2;
        a0 = lo[mid];
        a1 = hi[mid];
        float thick = (float)(r - r0), len = (float)(a1 - a0 + 1);
        if (thick < 0.5f * ch || thick > 2.2f * ch || len < 60 || len / thick < 8)
            continue;
        float cr = (float)(sa / mass), ca = (a0 + a1) / 2.0f;
        bar b;
        b.cx = (float)bx + (turned ? cr : ca);
        b.cy = (float)by + (turned ? ca : cr);
        b.angle = turned ? (float)DS_PI / 2 : 0.0f;
        b.len = len;
        b.thick = thick;
        b.fill = (float)(mass / (len * thick));
        b.split = 1;
        if (b.fill >= 0.45f)
            bars[n++] = b;
    }
out:
    free(count);
    free(lo);
    free(hi);
    return n;
}

/*
 * Long, straight, well-filled bars in binary image pixb after a closing of
 * size hsize along the horizontal (vertical when turned is set).
 */
static int find_bars(PIX *pixb, int hsize, int turned, float ch, bar *bars, int max)
{
    int n = 0;
    PIXA *pixa = NULL;
    PIX *closed = turned ? pixCloseSafeBrick(NULL, pixb, 1, hsize)
                         : pixCloseSafeBrick(NULL, pixb, hsize, 1);
    if (!closed)
        return 0;
    BOXA *boxa = pixConnComp(closed, &pixa, 8);
    int count = boxa ? boxaGetCount(boxa) : 0;
    float want = turned ? (float)DS_PI / 2 : 0.0f;
    for (int i = 0; i < count && n < max; i++) {
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        int along = turned ? bh : bw, across = turned ? bw : bh;
        if (along < 60 || across > along)
            continue;
        PIX *comp = pixaGetPix(pixa, i, L_CLONE);
        bar b;
        int ok = comp && measure_bar(comp, bx, by, &b);
        if (ok && b.len / b.thick < 5 && across > 2.5f * ch)
            n += split_blob(comp, bx, by, turned, ch, bars + n, max - n);
        pixDestroy(&comp);
        if (!ok)
            continue;
        if (b.len < 60 || b.thick < 2.0f || b.len / b.thick < 5 || b.fill < 0.45f ||
            line_angle_diff(b.angle, want) > 0.3f)
            continue;
        /* One direction for every bar of the search: lines near the
         * columns measure either about +90 or about -90 degrees, and two
         * lines of one MRZ given opposite directions would each see the
         * other on its wrong side (group_bars). */
        if (b.angle - want > (float)DS_PI / 2)
            b.angle -= (float)DS_PI;
        else if (b.angle - want < -(float)DS_PI / 2)
            b.angle += (float)DS_PI;
        bars[n++] = b;
    }
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    pixDestroy(&closed);
    return n;
}

/* Median height of the character-sized connected components of pixb. */
static float median_char_height(PIX *pixb)
{
    int hist[64] = {0}, total = 0;
    BOXA *boxa = pixConnCompBB(pixb, 8);
    int count = boxa ? boxaGetCount(boxa) : 0;
    for (int i = 0; i < count; i++) {
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        int h = bh > bw ? bh : bw; /* either orientation */
        int lo = bh < bw ? bh : bw;
        if (h < 4 || h >= 64 || lo * 6 < h)
            continue;
        hist[h]++;
        total++;
    }
    boxaDestroy(&boxa);
    if (total < 20)
        return 8.0f;
    int acc = 0;
    for (int h = 0; h < 64; h++) {
        acc += hist[h];
        if (2 * acc >= total)
            return (float)h;
    }
    return 8.0f;
}

/*
 * A copy of binary image bin without the components thicker than text in
 * both directions (more than two character heights ch wide and tall): a
 * dark scanner bed, the portrait, a logo, which the closing would glue to
 * the MRZ lines. A component of sparse line work no larger than a few words
 * is kept: a stamp or a frame drawn over the MRZ joins its characters into
 * one component with its own strokes, and dropping it would drop the
 * characters with it. NULL when out of memory.
 */
static PIX *drop_blobs(PIX *bin, float ch)
{
    int lim = (int)lroundf(2.0f * ch);
    PIXA *pixa = NULL;
    BOXA *boxa = pixConnComp(bin, &pixa, 8);
    PIX *out = boxa ? pixCopy(NULL, bin) : NULL;
    int count = boxa ? boxaGetCount(boxa) : 0;
    for (int i = 0; out && i < count; i++) {
        l_int32 x, y, w, h, n = 0;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (w <= lim || h <= lim)
            continue;
        PIX *comp = pixaGetPix(pixa, i, L_CLONE);
        if (!comp) {
            pixDestroy(&out);
            break;
        }
        pixCountPixels(comp, &n, NULL);
        int sparse = (double)n < BLOB_KEEP_FILL * (double)w * h &&
                     (float)(w > h ? w : h) <= BLOB_KEEP_SIDE * ch;
        if (!sparse)
            pixRasterop(out, x, y, w, h, PIX_DST & PIX_NOT(PIX_SRC), comp, 0, 0);
        pixDestroy(&comp);
    }
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    return out;
}

static int cmp_cand(const void *a, const void *b)
{
    float sa = ((const ds_mrz_candidate *)a)->score, sb = ((const ds_mrz_candidate *)b)->score;
    return (sa < sb) - (sa > sb);
}

/*
 * Groups bars into MRZ candidates (frame of the searched image) and appends
 * them to cand. Two bars belong together when they are parallel, about as
 * long, side by side along their length, and one to four thicknesses apart.
 */
static int group_bars(const bar *bars, int nb, float ch, ds_mrz_candidate *cand, int nc, int max)
{
    for (int i = 0; i < nb; i++) {
        const bar *a = &bars[i];
        int members[3] = {i, -1, -1}, nm = 1;
        float ux = cosf(a->angle), uy = sinf(a->angle);
        for (int step = 0; step < 2; step++) {
            const bar *last = &bars[members[nm - 1]];
            int best = -1;
            float bestd = 1e9f;
            for (int j = 0; j < nb; j++) {
                const bar *b = &bars[j];
                if (j == members[0] || j == members[nm - 1] || (nm == 2 && j == members[0]))
                    continue;
                float dx = b->cx - last->cx, dy = b->cy - last->cy;
                float along = dx * ux + dy * uy, across = -dx * uy + dy * ux;
                float t = 0.5f * (a->thick + b->thick);
                if (line_angle_diff(b->angle, a->angle) > 0.06f)
                    continue;
                if (fminf(b->len, a->len) / fmaxf(b->len, a->len) < 0.85f)
                    continue;
                if (fabsf(along) > 0.08f * a->len)
                    continue;
                if (across < 1.1f * t || across > 4.0f * t)
                    continue;
                if (across < bestd) {
                    bestd = across;
                    best = j;
                }
            }
            if (best < 0)
                break;
            members[nm++] = best;
        }
        if (nm < 2) {
            /* At low resolution the lines of an MRZ may touch and close into
             * one thick bar: that is a candidate of its own. */
            float aspect = a->len / a->thick;
            if (a->thick >= 2.2f * ch && aspect >= 5 && aspect <= 25 && a->fill >= 0.6f &&
                nc < max) {
                ds_mrz_candidate c = {a->cx, a->cy, a->angle, a->len, a->thick, 2, 1.0f + a->fill};
                cand[nc++] = c;
            }
            continue;
        }
        float sx = 0, sy = 0, sl = 0, st = 0, sf = 0;
        for (int k = 0; k < nm; k++) {
            sx += bars[members[k]].cx;
            sy += bars[members[k]].cy;
            sl += bars[members[k]].len;
            st += bars[members[k]].thick;
            sf += bars[members[k]].fill;
        }
        const bar *first = &bars[members[0]], *lastb = &bars[members[nm - 1]];
        float span = hypotf(lastb->cx - first->cx, lastb->cy - first->cy);
        ds_mrz_candidate c;
        c.cx = sx / nm;
        c.cy = sy / nm;
        c.angle = a->angle;
        c.length = sl / nm;
        c.thickness = span + st / nm;
        c.nlines = nm;
        float aspect = c.length / (st / nm);
        c.score = (float)nm + sf / nm;
        for (int k = 0; k < nm; k++)
            if (bars[members[k]].split) {
                c.score -= 1.5f;
                break;
            }
        if (aspect < 18 || aspect > 90)
            c.score -= 1.5f;
        if (nc < max)
            cand[nc++] = c;
    }
    return nc;
}

/* Drops candidates whose centre lies inside a better candidate. */
static int dedupe(ds_mrz_candidate *cand, int n)
{
    qsort(cand, (size_t)n, sizeof *cand, cmp_cand);
    int m = 0;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < m && !dup; j++) {
            float dx = cand[i].cx - cand[j].cx, dy = cand[i].cy - cand[j].cy;
            float ux = cosf(cand[j].angle), uy = sinf(cand[j].angle);
            float along = fabsf(dx * ux + dy * uy), across = fabsf(-dx * uy + dy * ux);
            if (along < cand[j].length / 2 && across < cand[j].thickness / 2 + 2)
                dup = 1;
        }
        if (!dup)
            cand[m++] = cand[i];
    }
    return m;
}

/*
 * Bars and their groups in bin turned clockwise by tilt radians about its
 * centre (after padding it to a square that holds it whole), mapped back to
 * the frame of bin. The closings only join characters along the rows and
 * columns, so a page lying at 15 to 75 degrees is searched in a frame where
 * its lines are within about 11 degrees of one of them.
 */
static int tilted_candidates(PIX *bin, float tilt, int ksize, float ch, bar *bars,
                             ds_mrz_candidate *cand, int nc, int max)
{
    int w = pixGetWidth(bin), h = pixGetHeight(bin);
    int d = (int)ceilf(hypotf((float)w, (float)h)) + 4;
    int left = (d - w) / 2, top = (d - h) / 2;
    PIX *sq = pixAddBorderGeneral(bin, left, d - w - left, top, d - h - top, 0);
    PIX *rot = sq ? pixRotateBySampling(sq, d / 2, d / 2, tilt, L_BRING_IN_WHITE) : NULL;
    pixDestroy(&sq);
    if (!rot)
        return nc;
    /* pixRotateBySampling turns clockwise on the screen (y down): a point q
     * of the square goes to c + R(tilt)(q - c); back is R(-tilt). */
    float ct = cosf(tilt), st = sinf(tilt), c = (float)(d / 2);
    for (int turn = 0; turn < 2; turn++) {
        int nb = find_bars(rot, ksize, turn, ch, bars, MAX_BARS);
        int before = nc;
        nc = group_bars(bars, nb, ch, cand, nc, max);
        for (int i = before; i < nc; i++) {
            ds_mrz_candidate *k = &cand[i];
            float dx = k->cx - c, dy = k->cy - c;
            k->cx = c + ct * dx + st * dy - (float)left;
            k->cy = c - st * dx + ct * dy - (float)top;
            k->angle -= tilt;
        }
    }
    pixDestroy(&rot);
    return nc;
}

static ds_error locate(PIX *page, int tilted, ds_mrz_candidate *out, int *out_count)
{
    ds_error err = DS_OK;
    PIX *work = NULL, *bin = NULL;
    bar *bars = NULL;
    ds_mrz_candidate cand[64];
    int nc = 0;

    if (!page || pixGetDepth(page) != 8 || !out || !out_count)
        return DS_ERR_USAGE;
    work = pixClone(page);
    float scale = 1.0f;
    while (pixGetWidth(work) > WORK_MAX_SIDE || pixGetHeight(work) > WORK_MAX_SIDE) {
        PIX *half = ds_mrz_halve(work);
        if (!half) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixDestroy(&work);
        work = half;
        scale *= 2;
    }
    /* Ink is what is darker than its surroundings: a black top-hat keeps
     * strokes and drops large dark areas (a dark scanner bed, a photo) and
     * slow changes of lighting, whatever the absolute gray level. */
    {
        PIX *hat = ds_mrz_tophat(work);
        if (!hat) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        int t = ds_mrz_otsu(hat);
        if (t < 28)
            t = 28;
        /* pixThresholdToBinary sets pixels below t: invert the sense. */
        pixInvert(hat, hat);
        bin = pixThresholdToBinary(hat, 256 - t);
        pixDestroy(&hat);
        if (!bin) {
            err = DS_ERR_NOMEM;
            goto out;
        }
    }
    /* Bring the characters to about 6 to 12 pixels high: OR-reduction
     * keeps thin strokes, and the closing below then spans about two
     * character pitches whatever the scan resolution. */
    float ch = median_char_height(bin);
    while (ch > 12.0f && pixGetWidth(bin) > 200 && pixGetHeight(bin) > 200) {
        PIX *half = pixReduceRankBinary2(bin, 1, NULL);
        if (!half) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixDestroy(&bin);
        bin = half;
        scale *= 2;
        ch /= 2;
    }
    /* Drop straight rules (a card's edge, a frame, a table rule): an MRZ
     * printed near one would be closed into it. */
    for (int vertical = 0; vertical < 2; vertical++) {
        PIX *rules = ds_mrz_rules(bin, (int)lroundf(RULE_MIN_CH * ch), vertical);
        if (!rules) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixSubtract(bin, bin, rules);
        pixDestroy(&rules);
    }
    /* Drop blobs thicker than text in both directions (a dark scanner bed,
     * the portrait, a logo): the closing would glue the MRZ lines to them. */
    {
        PIX *kept = drop_blobs(bin, ch);
        if (!kept) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixDestroy(&bin);
        bin = kept;
    }
    bars = malloc(sizeof *bars * MAX_BARS);
    if (!bars) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    int ksize = (int)lroundf(2.5f * ch) | 1;
    int maxc = (int)(sizeof cand / sizeof cand[0]);
    /* Upright: the rows and the columns. Tilted: three turned copies, whose
     * rows and columns with the upright ones are 22.5 degrees apart, so a
     * line at any angle is within about 11 degrees of one of them. */
    static const float tilts[3] = {(float)DS_PI / 8, -(float)DS_PI / 8, (float)DS_PI / 4};
    for (int turn = 0; turn < (tilted ? 3 : 2); turn++) {
        int before = nc;
        if (tilted) {
            nc = tilted_candidates(bin, tilts[turn], ksize, ch, bars, cand, nc, maxc);
        } else {
            int nb = find_bars(bin, ksize, turn, ch, bars, MAX_BARS);
            nc = group_bars(bars, nb, ch, cand, nc, maxc);
        }
        for (int i = before; i < nc; i++) {
            ds_mrz_candidate *c = &cand[i];
            c->cx = (c->cx + 0.5f) * scale - 0.5f;
            c->cy = (c->cy + 0.5f) * scale - 0.5f;
            c->length *= scale;
            c->thickness *= scale;
        }
    }
    nc = dedupe(cand, nc);
    if (nc > DS_MRZ_MAX_CANDIDATES)
        nc = DS_MRZ_MAX_CANDIDATES;
    memcpy(out, cand, sizeof *cand * (size_t)nc);
    *out_count = nc;
out:
    free(bars);
    pixDestroy(&bin);
    pixDestroy(&work);
    return err;
}

ds_error ds_mrz_locate(PIX *page, ds_mrz_candidate *out, int *out_count)
{
    return locate(page, 0, out, out_count);
}

ds_error ds_mrz_locate_tilted(PIX *page, ds_mrz_candidate *out, int *out_count)
{
    return locate(page, 1, out, out_count);
}
