/*
 * Locating the MRZ and cutting it into character cells.
 *
 * ds_mrz_locate works on a reduced, binarised copy of the page (a black
 * top-hat, so only ink darker than its surroundings counts): a closing along
 * the lines joins the characters of a text line into one bar, and the MRZ is
 * a group of 2 or 3 long, parallel, equally long bars. Bars are measured by
 * their second moments, so skew does not matter; a page turned by 90
 * degrees is covered by closing along the vertical as well.
 * ds_mrzband_extract then cuts the region from the full-resolution page,
 * turns it upright, finds the text lines from the row profile and fits the
 * fixed character pitch to the connected components of each line; the
 * character count (30, 36 or 44) is the one whose pitch explains the
 * component positions best.
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
#define MAX_COMPS 512
/* drop_blobs keeps a large component under this share of ink in its box
 * and at most this many character heights long. */
#define BLOB_KEEP_FILL 0.2
#define BLOB_KEEP_SIDE 16.0f
/* A straight run of ink this many character heights long is a rule. */
#define RULE_MIN_CH 6.0f
/* A line whose whole-line pitch fit is worse than this (the acceptance
 * limit, mrz/accept.h) is tried as a line cut by the image's edge. */
#define PARTIAL_FIT 0.02f

typedef struct bar {
    float cx, cy, angle, len, thick, fill;
    int split; /* cut out of a larger component: ranked after whole bars */
} bar;

void ds_mrzband_free(ds_mrzband *b)
{
    if (!b)
        return;
    if (b->band)
        pixDestroy(&b->band);
    memset(b, 0, sizeof *b);
}

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

/* ---- segmentation of the upright band ---------------------------------- */

typedef struct run {
    int top, bottom;
    double mass;
} run;

/* Finds 2 or 3 text lines from the row profile of ink below threshold t. */
static int find_lines(PIX *band, int t, run *lines)
{
    int w = pixGetWidth(band), h = pixGetHeight(band), wpl = pixGetWpl(band);
    l_uint32 *data = pixGetData(band);
    double *prof = calloc((size_t)h, sizeof *prof);
    run runs[32];
    int nr = 0, nl = 0;
    if (!prof)
        return 0;
    double maxp = 0;
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        int c = 0;
        for (int x = 0; x < w; x++)
            c += GET_DATA_BYTE(line, x) < t;
        prof[y] = c;
        if (c > maxp)
            maxp = c;
    }
    double thr = 0.12 * maxp;
    for (int y = 0; y < h && nr < 32;) {
        if (prof[y] <= thr) {
            y++;
            continue;
        }
        int top = y;
        double mass = 0;
        while (y < h && prof[y] > thr)
            mass += prof[y++];
        runs[nr].top = top;
        runs[nr].bottom = y - 1;
        runs[nr].mass = mass;
        nr++;
    }
    free(prof);
    if (nr < 2)
        return 0;
    /* Keep the heaviest runs; the MRZ lines carry about the same ink. */
    double maxm = 0;
    for (int i = 0; i < nr; i++)
        maxm = fmax(maxm, runs[i].mass);
    for (int i = 0; i < nr; i++) {
        if (runs[i].mass < 0.35 * maxm)
            continue;
        if (nl < 3) {
            lines[nl++] = runs[i];
        } else {
            int weakest = 0;
            for (int k = 1; k < 3; k++)
                if (lines[k].mass < lines[weakest].mass)
                    weakest = k;
            if (runs[i].mass > lines[weakest].mass) {
                for (int k = weakest; k < 2; k++)
                    lines[k] = lines[k + 1];
                lines[2] = runs[i];
            }
        }
    }
    return nl >= 2 ? nl : 0;
}

typedef ds_mrz_comp comp;

/* Connected components of the ink in rows [top, bottom] of band. */
static int line_components(PIX *band, int t, int top, int bottom, comp *out, int max)
{
    int n = 0;
    int w = pixGetWidth(band);
    BOX *box = boxCreate(0, top, w, bottom - top + 1);
    PIX *strip = box ? pixClipRectangle(band, box, NULL) : NULL;
    PIX *bin = strip ? pixThresholdToBinary(strip, t) : NULL;
    BOXA *boxa = bin ? pixConnCompBB(bin, 8) : NULL;
    float cap = (float)(bottom - top + 1);
    int count = boxa ? boxaGetCount(boxa) : 0;
    for (int i = 0; i < count && n < max; i++) {
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        if (bh < 0.2f * cap || (float)bw * bh < 0.03f * cap * cap)
            continue;
        out[n].x = bx;
        out[n].w = bw;
        out[n].h = bh;
        out[n].cx = bx + bw / 2.0f;
        out[n].cy = top + by + bh / 2.0f;
        n++;
    }
    boxaDestroy(&boxa);
    pixDestroy(&bin);
    pixDestroy(&strip);
    boxDestroy(&box);
    return n;
}

/* Mean slope of component centres along the lines (residual skew). */
static float residual_slope(const comp *const *lc, const int *ncomp, int nlines, const float *caps)
{
    double num = 0, den = 0;
    for (int l = 0; l < nlines; l++) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
        for (int i = 0; i < ncomp[l]; i++) {
            const comp *c = &lc[l][i];
            if (c->h < 0.7f * caps[l])
                continue;
            sx += c->cx;
            sy += c->cy;
            sxx += (double)c->cx * c->cx;
            sxy += (double)c->cx * c->cy;
            m++;
        }
        if (m < 5)
            continue;
        double d = m * sxx - sx * sx;
        if (d <= 0)
            continue;
        num += (m * sxy - sx * sy);
        den += d;
    }
    return den > 0 ? (float)(num / den) : 0.0f;
}

/*
 * Splits the upright band into lines and cells. *slope_out receives the
 * residual skew of the lines (dy/dx) so that the caller may straighten and
 * try again. With cut44 two lines are fitted only as 44-character lines cut
 * by the image's edge to more than 36 characters (DS_ERR_NOT_FOUND when
 * they are not): a TD3 cut to about 36 characters fits a whole TD2 too.
 */
static ds_error segment(ds_mrzband *b, int cut44, float *slope_out)
{
    ds_error err = DS_OK;
    run lines[3];
    comp *lc[3] = {NULL, NULL, NULL};
    int ncomp[3] = {0, 0, 0};
    float caps[3];
    int t = ds_mrz_otsu(b->band);
    int nl = find_lines(b->band, t, lines);
    int bw = pixGetWidth(b->band), bh = pixGetHeight(b->band);

    if (nl < 2) {
        err = DS_ERR_NOT_FOUND;
        goto out;
    }
    for (int l = 0; l < nl; l++) {
        lc[l] = malloc(sizeof(comp) * MAX_COMPS);
        if (!lc[l]) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        caps[l] = (float)(lines[l].bottom - lines[l].top + 1);
        ncomp[l] = line_components(b->band, t, lines[l].top, lines[l].bottom, lc[l], MAX_COMPS);
    }
    *slope_out = residual_slope((const comp *const *)lc, ncomp, nl, caps);

    /* The character count: 30 for three lines, 36 or 44 for two. */
    static const int two_line_counts[] = {36, 44};
    int best_n = 30;
    if (nl == 2) {
        float best_err = 1e9f;
        for (size_t k = 0; k < 2; k++) {
            int n = two_line_counts[k];
            float e = 0, a, p;
            for (int l = 0; l < nl; l++)
                e += ds_mrz_fit_pitch(lc[l], ncomp[l], n, &a, &p);
            if (e < best_err) {
                best_err = e;
                best_n = n;
            }
        }
    }
    b->nlines = nl;
    float fa[3], fp[3], fq[3] = {0, 0, 0}, ff[3], worst = 0;
    int fm[3];
    for (int l = 0; l < nl; l++) {
        fa[l] = fp[l] = 0;
        fm[l] = best_n;
        ff[l] = ds_mrz_fit_pitch(lc[l], ncomp[l], best_n, &fa[l], &fp[l]);
        worst = fmaxf(worst, ff[l]);
    }
    /* Whole lines seen in perspective (a phone photo): the pitch shrinks
     * along them, and no straight grid explains them; a grid whose pitch
     * changes smoothly along the line (ds_mrz_fit_bent) may. Taken when it
     * explains every line. */
    if (worst > PARTIAL_FIT && !cut44) {
        float ba[3], bp[3], bq[3], bf[3], bworst = 0;
        for (int l = 0; l < nl; l++) {
            ba[l] = fa[l];
            bp[l] = fp[l];
            bq[l] = 0;
            bf[l] = ff[l] < 1e8f ? ds_mrz_fit_bent(lc[l], ncomp[l], best_n, &ba[l], &bp[l], &bq[l])
                                 : 1e9f;
            bworst = fmaxf(bworst, bf[l]);
        }
        if (bworst <= PARTIAL_FIT) {
            worst = bworst;
            for (int l = 0; l < nl; l++) {
                fa[l] = ba[l];
                fp[l] = bp[l];
                fq[l] = bq[l];
                ff[l] = bf[l];
            }
        }
    }
    /* No whole line fits: the lines may run off the image (a card laid
     * against the platen's edge). Each is then fitted for the characters it
     * holds; whether they are at the lines' start or end is known only once
     * the band is placed back on the page (ds_mrzband_extract). */
    if (cut44 && nl != 2) {
        err = DS_ERR_NOT_FOUND;
        goto out;
    }
    if (worst > PARTIAL_FIT || cut44) {
        int n_max = nl == 3 ? 30 : 44;
        float pa[3], pp[3], pf[3], pworst = 0, pmin = 1e9f, pmax = 0;
        int pm[3], ok = 1;
        for (int l = 0; l < nl && ok; l++) {
            pf[l] = ds_mrz_fit_partial(lc[l], ncomp[l], caps[l], cut44 ? 37 : n_max / 2, n_max,
                                       &pa[l], &pp[l], &pm[l]);
            ok = pf[l] <= PARTIAL_FIT;
            pworst = fmaxf(pworst, pf[l]);
            pmin = fminf(pmin, pp[l]);
            pmax = fmaxf(pmax, pp[l]);
        }
        if (cut44 && !(ok && pmax <= 1.06f * pmin)) {
            err = DS_ERR_NOT_FOUND;
            goto out;
        }
        if (ok && pmax <= 1.06f * pmin && (pworst < worst || cut44)) {
            /* Two lines of more than 36 characters are a TD3 or MRV-A;
             * fewer could be either length, and the commoner, 44, is
             * taken (the reading is a warning either way). */
            best_n = n_max;
            worst = pworst;
            for (int l = 0; l < nl; l++) {
                fa[l] = pa[l];
                fp[l] = pp[l];
                fq[l] = 0;
                ff[l] = pf[l];
                fm[l] = pm[l];
            }
        }
    }
    float psum = 0;
    b->pitch_err = 0;
    for (int l = 0; l < nl; l++) {
        float a = fa[l], p = fp[l];
        float fit = ff[l];
        if (fit >= 1e8f) {
            err = DS_ERR_NOT_FOUND;
            goto out;
        }
        if (fit > b->pitch_err)
            b->pitch_err = fit;
        psum += p;
        float cap = caps[l];
        int y0 = (int)lroundf((float)lines[l].top - 0.2f * cap);
        int y1 = (int)lroundf((float)lines[l].bottom + 0.2f * cap);
        if (y0 < 0)
            y0 = 0;
        if (y1 > bh - 1)
            y1 = bh - 1;
        b->nchars[l] = best_n;
        b->missing[l] = best_n - fm[l];
        b->ink_threshold[l] = t;
        b->cap_height[l] = cap;
        for (int k = 0; k < best_n; k++) {
            if (k >= fm[l]) {
                /* beyond the edge: nothing to read (placed by extract) */
                b->cell[l][k] = (ds_cell){0, y0, 0, y1 - y0 + 1};
                continue;
            }
            float kk = (float)k, cx = a + p * kk + fq[l] * kk * kk, pk = p + 2 * fq[l] * kk;
            int x0 = (int)lroundf(cx - pk / 2), x1 = (int)lroundf(cx + pk / 2);
            if (x0 < 0)
                x0 = 0;
            if (x1 > bw)
                x1 = bw;
            if (x1 <= x0) {
                err = DS_ERR_NOT_FOUND;
                goto out;
            }
            b->cell[l][k] = (ds_cell){x0, y0, x1 - x0, y1 - y0 + 1};
        }
    }
    b->pitch = psum / (float)nl;
out:
    for (int l = 0; l < 3; l++)
        free(lc[l]);
    return err;
}

/* Turns point (x, y) of an image of size w x h by one clockwise quarter. */
static void quarter_cw(float *x, float *y, int *w, int *h)
{
    float nx = (float)(*h - 1) - *y, ny = *x;
    int t = *w;
    *w = *h;
    *h = t;
    *x = nx;
    *y = ny;
}

/* Where point (px, py) of a w x h image goes when the image is turned by a
 * radians (clockwise) about its centre. */
static void turn_point(int w, int h, float a, float *px, float *py)
{
    float ox = (float)w / 2, oy = (float)h / 2;
    float dx = *px - ox, dy = *py - oy;
    float ca = cosf(a), sa = sinf(a);
    *px = ox + ca * dx - sa * dy;
    *py = oy + sa * dx + ca * dy;
}

/* Beyond this turn (radians) the angle of a candidate is refined. */
#define TILT_REFINE 0.12
/* Beyond this turn (radians, about 9 degrees) a candidate may come from
 * the tilted search (ds_mrz_locate_tilted), whose lines lie within about 11
 * degrees of a frame turned 22.5 degrees. */
#define TILT_LONGER 0.16
/* The search: +-REFINE_SPAN radians in steps of REFINE_STEP. */
#define REFINE_SPAN 0.05
#define REFINE_STEP 0.00875

/*
 * Sharpness of the row profile of the 8 bpp band: the sum of squared
 * differences of the ink of neighbouring rows (every second column). Rows
 * that run along the text lines give tall, steep peaks; a tilt smears them.
 */
static double row_sharpness(PIX *band)
{
    int w = pixGetWidth(band), h = pixGetHeight(band), wpl = pixGetWpl(band);
    const l_uint32 *data = pixGetData(band);
    double prev = 0, sum = 0;
    for (int y = 0; y < h; y++) {
        const l_uint32 *line = data + (size_t)y * wpl;
        double ink = 0;
        for (int x = 0; x < w; x += 2)
            ink += 255 - (int)GET_DATA_BYTE(line, x);
        if (y)
            sum += (ink - prev) * (ink - prev);
        prev = ink;
    }
    return sum;
}

/* The turn near resid that lines the rows of the band around (px, py) of
 * crop up sharpest (resid itself when no turn does better). */
static double refine_angle(PIX *crop, float px, float py, float hl, float ht, double resid)
{
    int cw = pixGetWidth(crop), ch = pixGetHeight(crop);
    double best = resid, best_s = -1;
    for (double d = -REFINE_SPAN; d <= REFINE_SPAN + 1e-9; d += REFINE_STEP) {
        double a = resid + d;
        float x = px, y = py;
        turn_point(cw, ch, (float)a, &x, &y);
        BOX *box = boxCreate((int)lroundf(x - hl), (int)lroundf(y - ht), (int)lroundf(2 * hl),
                             (int)lroundf(2 * ht));
        PIX *band = NULL;
        if (box && ds_mrz_rotate_clip(crop, (float)a, box, &band) == DS_OK) {
            double sh = row_sharpness(band);
            if (sh > best_s) {
                best_s = sh;
                best = a;
            }
        }
        pixDestroy(&band);
        boxDestroy(&box);
    }
    return best;
}

/*
 * Lines that lack characters (segment) but do not run off the image: when
 * a glare washes their next characters out to white at one end, they are
 * read as far as they go, like lines cut by the image's edge there
 * (b->clipped; ds_mrzband_washed_end). raw is the band as cut, before its
 * light was divided out and its last skew (straightened, radians) removed.
 */
static ds_error washed_ends(ds_mrzband *b, PIX *raw, float straightened)
{
    int any = 0;
    for (int l = 0; l < b->nlines; l++)
        any |= b->missing[l] > 0;
    if (!any)
        return DS_OK;
    PIX *same = NULL;
    if (straightened != 0) {
        BOX *whole = boxCreate(0, 0, pixGetWidth(raw), pixGetHeight(raw));
        ds_error err = whole ? ds_mrz_rotate_clip(raw, straightened, whole, &same) : DS_ERR_NOMEM;
        boxDestroy(&whole);
        if (err != DS_OK)
            return err;
    }
    b->clipped = ds_mrzband_washed_end(b, same ? same : raw);
    b->washed = b->clipped != 0;
    pixDestroy(&same);
    return DS_OK;
}

/*
 * Frames band b, two whole lines of 36, as two lines of 44 whose other
 * characters a glare washed out at one end (ds_mrzband_extract_washed44).
 * A fit of 36 explains 37 or 38 characters with one or two of them off its
 * grid, so the lines are fitted again for the characters they hold as
 * lines of 44 cut short (segment's cut44); lines of exactly 36 get their 8
 * missing cells after the 36 read, as segment leaves a line that lacks
 * characters. washed_ends then judges which end fades (nothing is framed
 * when neither does). DS_ERR_NOT_FOUND when the band is no such pair of
 * lines.
 */
static ds_error frame_washed44(ds_mrzband *b, PIX *raw, float straightened)
{
    if (b->clipped || b->nlines != 2)
        return DS_ERR_NOT_FOUND;
    for (int l = 0; l < 2; l++)
        if (b->nchars[l] != 36 || b->missing[l])
            return DS_ERR_NOT_FOUND;
    ds_mrzband b2 = *b; /* the same band image */
    float slope = 0;
    if (segment(&b2, 1, &slope) != DS_OK) {
        b2 = *b;
        for (int l = 0; l < 2; l++) {
            for (int k = 36; k < 44; k++)
                b2.cell[l][k] = (ds_cell){0, b2.cell[l][0].y, 0, b2.cell[l][0].h};
            b2.nchars[l] = 44;
            b2.missing[l] = 44 - 36;
        }
    }
    ds_error err = washed_ends(&b2, raw, straightened);
    if (err != DS_OK)
        return err;
    if (!b2.clipped)
        return DS_ERR_NOT_FOUND;
    *b = b2;
    return DS_OK;
}

static ds_error extract(PIX *page, const ds_mrz_candidate *c, bool flip, bool washed44,
                        ds_mrzband *out)
{
    ds_error err = DS_OK;
    BOX *box = NULL, *boxc = NULL;
    PIX *crop = NULL, *tmp = NULL, *raw = NULL;
    ds_mrzband b;
    memset(&b, 0, sizeof b);

    if (!page || !c || !out || pixGetDepth(page) != 8)
        return DS_ERR_USAGE;
    int pw = pixGetWidth(page), ph = pixGetHeight(page);
    float phi = c->angle;
    float hl = c->length * 0.53f + 4, ht = c->thickness * 0.5f + c->thickness / (float)c->nlines * 0.45f + 4;
    float cs = fabsf(cosf(phi)), sn = fabsf(sinf(phi));
    float ex = hl * cs + ht * sn + 2, ey = hl * sn + ht * cs + 2;
    {
        /* Far from a right angle the band turned upright is wider than the
         * box around the slanted band: the crop, turned about its centre
         * without growing, must hold it (a square around the centre). */
        double w = -(double)phi, r = w - lround(w / (DS_PI / 2)) * (DS_PI / 2);
        if (fabs(r) > TILT_REFINE) {
            /* and the length of bars measured on a turned copy (the tilted
             * search's, beyond TILT_LONGER) is less sure; an upright search's
             * is not, and a longer band takes in ink beyond the lines' ends
             * that no grid explains (a page turned 7 degrees, heldout8) */
            if (fabs(r) > TILT_LONGER)
                hl = c->length * 0.6f + 4;
            float need = hypotf(hl, ht) + 2;
            ex = fmaxf(ex, need);
            ey = fmaxf(ey, need);
        }
    }
    int bx = (int)floorf(c->cx - ex), by = (int)floorf(c->cy - ey);
    int bw = (int)ceilf(2 * ex), bh = (int)ceilf(2 * ey);
    if (bx < 0) {
        bw += bx;
        bx = 0;
    }
    if (by < 0) {
        bh += by;
        by = 0;
    }
    if (bx + bw > pw)
        bw = pw - bx;
    if (by + bh > ph)
        bh = ph - by;
    if (bw < 16 || bh < 8) {
        err = DS_ERR_NOT_FOUND;
        goto out;
    }
    box = boxCreate(bx, by, bw, bh);
    crop = box ? pixClipRectangle(page, box, &boxc) : NULL;
    if (!crop) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    float px = c->cx - (float)bx, py = c->cy - (float)by;
    int cw = pixGetWidth(crop), ch = pixGetHeight(crop);

    /* Quarter turns that bring the lines nearest to horizontal, then the rest. */
    double want = -(double)phi; /* clockwise turn that makes the lines point right */
    int quads = (int)lround(want / (DS_PI / 2));
    double resid = want - quads * (DS_PI / 2);
    quads = ((quads % 4) + 4) % 4;
    if (quads) {
        tmp = pixRotateOrth(crop, quads);
        if (!tmp) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixDestroy(&crop);
        crop = tmp;
        tmp = NULL;
        for (int q = 0; q < quads; q++)
            quarter_cw(&px, &py, &cw, &ch);
    }
    /* A candidate far from a right angle was found on a turned copy of the
     * page, where the angle of its bars is measured less exactly: the angle
     * that lines its rows up sharpest is searched around it. */
    if (fabs(resid) > TILT_REFINE)
        resid = refine_angle(crop, px, py, hl, ht, resid);
    /* The band is the box around the candidate's centre once the crop is
     * turned by the rest; only that box of the turned crop is computed. */
    int turn = fabs(resid) > 0.002;
    if (turn)
        turn_point(cw, ch, (float)resid, &px, &py);
    boxDestroy(&box);
    box = boxCreate((int)lroundf(px - hl), (int)lroundf(py - ht), (int)lroundf(2 * hl),
                    (int)lroundf(2 * ht));
    if (!box) {
        err = DS_ERR_NOT_FOUND;
        goto out;
    }
    if (turn) {
        err = ds_mrz_rotate_clip(crop, (float)resid, box, &b.band);
        if (err != DS_OK)
            goto out;
    } else {
        b.band = pixClipRectangle(crop, box, NULL);
        if (!b.band) {
            err = DS_ERR_NOT_FOUND;
            goto out;
        }
    }
    /* Where the candidate's centre lies in the band (for clipped_ends). */
    float ucx = px - fmaxf(0.0f, (float)lroundf(px - hl)), ucy = py - fmaxf(0.0f, (float)lroundf(py - ht));
    if (flip) {
        pixRotate180(b.band, b.band);
        ucx = (float)pixGetWidth(b.band) - 1 - ucx;
        ucy = (float)pixGetHeight(b.band) - 1 - ucy;
    }

    /* as cut, for a glare over the lines' ends (washed_ends) */
    raw = pixCopy(NULL, b.band);
    if (!raw) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    /* A shadow or one-sided light across the zone: the paper's light is
     * divided out first (found on heldout7), with a square about two thirds
     * of a character high, wider than any stroke. */
    if (ds_mrz_flatten(b.band, (int)lroundf(0.5f * c->thickness / (float)(c->nlines > 0 ? c->nlines : 2))) < 0) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    if (!ds_mrz_erase_rules(b.band)) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    float slope = 0, straightened = 0;
    err = segment(&b, 0, &slope);
    if (err == DS_OK && fabsf(slope) > 0.0025f) {
        /* Straighten the residual skew once and split again. */
        float a = -atanf(slope);
        BOX *whole = boxCreate(0, 0, pixGetWidth(b.band), pixGetHeight(b.band));
        if (!whole || ds_mrz_rotate_clip(b.band, a, whole, &tmp) != DS_OK)
            tmp = NULL;
        boxDestroy(&whole);
        if (tmp) {
            ds_mrzband b2;
            memset(&b2, 0, sizeof b2);
            b2.band = tmp;
            tmp = NULL;
            float s2 = 0;
            if (segment(&b2, 0, &s2) == DS_OK) {
                pixDestroy(&b.band);
                b = b2;
                resid += a;
                straightened = a;
            } else {
                pixDestroy(&b2.band);
            }
        }
    }
    if (err != DS_OK)
        goto out;

    int rot = (int)lround(want / (DS_PI / 2)) * 90 + (flip ? 180 : 0);
    b.rotation = ((rot % 360) + 360) % 360;
    b.skew_deg = (float)(resid * 180.0 / DS_PI);
    {
        float ux = cosf(phi), uy = sinf(phi);
        float L = c->length * 0.5f, T = c->thickness * 0.5f;
        float xs[4], ys[4];
        for (int k = 0; k < 4; k++) {
            float sl = (k & 1) ? L : -L, st = (k & 2) ? T : -T;
            xs[k] = c->cx + ux * sl - uy * st;
            ys[k] = c->cy + uy * sl + ux * st;
        }
        float x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
        for (int k = 1; k < 4; k++) {
            x0 = fminf(x0, xs[k]);
            x1 = fmaxf(x1, xs[k]);
            y0 = fminf(y0, ys[k]);
            y1 = fmaxf(y1, ys[k]);
        }
        b.bbox[0] = (int)fmaxf(0, floorf(x0));
        b.bbox[1] = (int)fmaxf(0, floorf(y0));
        b.bbox[2] = (int)fminf((float)pw, ceilf(x1)) - b.bbox[0];
        b.bbox[3] = (int)fminf((float)ph, ceilf(y1)) - b.bbox[1];
    }
    b.clipped = ds_mrzband_clipped_ends(&b, c, ucx, ucy, pw, ph);
    if (b.nlines == 2 && b.nchars[0] == 36 && !b.missing[0] && !b.missing[1] &&
        ds_mrzband_near_edge(&b, c, ucx, ucy, pw, ph)) {
        /* Two whole lines of 36 whose ink runs to the image's edge: the
         * lines of a TD3 cut to 37 or more characters fit 36 as well. */
        ds_mrzband b2 = b;
        float s2 = 0;
        if (segment(&b2, 1, &s2) == DS_OK) {
            b2.clipped = ds_mrzband_clipped_ends(&b2, c, ucx, ucy, pw, ph);
            if (b2.clipped == DS_MRZ_CLIPPED_START || b2.clipped == DS_MRZ_CLIPPED_END)
                b = b2; /* the same band image */
        }
    }
    if (washed44 && (err = frame_washed44(&b, raw, straightened)) != DS_OK)
        goto out;
    if (!b.clipped && (err = washed_ends(&b, raw, straightened)) != DS_OK)
        goto out;
    if (!ds_mrzband_place_missing(&b, c, ucx, ucy, pw, ph)) {
        err = DS_ERR_NOT_FOUND;
        goto out;
    }
    *out = b;
    memset(&b, 0, sizeof b);
out:
    ds_mrzband_free(&b);
    pixDestroy(&raw);
    pixDestroy(&tmp);
    pixDestroy(&crop);
    boxDestroy(&box);
    boxDestroy(&boxc);
    return err;
}

ds_error ds_mrzband_extract(PIX *page, const ds_mrz_candidate *c, bool flip, ds_mrzband *out)
{
    ds_error err = extract(page, c, flip, false, out);
    if (err != DS_ERR_NOT_FOUND || !c || c->nlines != 2)
        return err;
    /* A TD1 whose one line a glare shortened (heldout8's phone photos):
     * the locator grouped only its two whole lines, which split into no
     * MRZ of two lines. The band is cut again a line taller on both sides;
     * only three lines are kept from it (two would be another pair). */
    ds_mrz_candidate g = *c;
    g.nlines = 3;
    g.thickness = 2 * c->thickness;
    err = extract(page, &g, flip, false, out);
    if (err == DS_OK && out->nlines != 3) {
        ds_mrzband_free(out);
        err = DS_ERR_NOT_FOUND;
    }
    return err;
}

ds_error ds_mrzband_extract_washed44(PIX *page, const ds_mrz_candidate *c, bool flip,
                                     ds_mrzband *out)
{
    return extract(page, c, flip, true, out);
}
