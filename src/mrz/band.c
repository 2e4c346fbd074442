/*
 * Cutting a located MRZ into character cells (ds_mrzband_extract in
 * locate.h): the region is cut from the full-resolution page, turned
 * upright, its text lines found from the row profile, and the fixed
 * character pitch fitted to the connected components of each line (a grid
 * bent along a line seen in perspective, lines cut by the image's edge or
 * washed out by a glare at one end: clip.c). Every loop is bounded by the
 * image. Finding the candidates is locate.c's.
 */
#include "mrz/locate.h"
#include "mrz/clip.h"
#include "mrz/pitch.h"
#include "mrz/pixops.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DS_PI 3.14159265358979323846
#define MAX_COMPS 512
/* A line whose whole-line pitch fit is worse than this (the acceptance
 * limit, mrz/accept.h) is tried as a line cut by the image's edge. */
#define PARTIAL_FIT 0.02f
/* The strict split of a band no grid explains (segment's strict): an outer
 * run of three lower than LINE_LOW of their median height, or beyond a gap
 * LINE_GAP times the other, is no line of the zone; a component smaller
 * than SPECK of the cap height both ways is a speck, no glyph. */
#define LINE_LOW 0.75f
#define LINE_GAP 1.6f
#define SPECK 0.35f

void ds_mrzband_free(ds_mrzband *b)
{
    if (!b)
        return;
    if (b->band)
        pixDestroy(&b->band);
    memset(b, 0, sizeof *b);
}

/* ---- segmentation of the upright band ---------------------------------- */

typedef struct run {
    int top, bottom;
    double mass;
} run;

/*
 * Of three lines found, the two of the zone when an outer one is no line of
 * it (strict): lower than the others, or further from them than they are
 * from each other. Returns the number of lines kept.
 */
static int drop_outer(run *lines, int nl)
{
    if (nl != 3)
        return nl;
    int hs[3];
    for (int k = 0; k < 3; k++)
        hs[k] = lines[k].bottom - lines[k].top + 1;
    int lo = hs[0] < hs[1] ? hs[0] : hs[1], hi = hs[0] < hs[1] ? hs[1] : hs[0];
    float mid = (float)(hs[2] < lo ? lo : hs[2] > hi ? hi : hs[2]);
    int g0 = lines[1].top - lines[0].bottom, g1 = lines[2].top - lines[1].bottom;
    bool drop0 = (float)hs[0] < LINE_LOW * mid || (float)g0 > LINE_GAP * (float)(g1 > 1 ? g1 : 1);
    bool drop2 = (float)hs[2] < LINE_LOW * mid || (float)g1 > LINE_GAP * (float)(g0 > 1 ? g0 : 1);
    if (drop0 == drop2 || (float)hs[1] < LINE_LOW * mid)
        return nl;
    if (drop0) {
        lines[0] = lines[1];
        lines[1] = lines[2];
    }
    return 2;
}

/* Finds 2 or 3 text lines from the row profile of ink below threshold t;
 * strict leaves out runs cut by the band's top or bottom edge and applies
 * drop_outer. */
static int find_lines(PIX *band, int t, bool strict, run *lines)
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
        if (strict && (top == 0 || y == h))
            continue;
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
    if (strict)
        nl = drop_outer(lines, nl);
    return nl >= 2 ? nl : 0;
}

typedef ds_mrz_comp comp;

/* Connected components of the ink in rows [top, bottom] of band. */
static int line_components(PIX *band, int t, int top, int bottom, bool strict, comp *out, int max)
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
        if (strict && (float)bh < SPECK * cap && (float)bw < SPECK * cap)
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

static int by_cx(const void *a, const void *b)
{
    float d = ((const comp *)a)->cx - ((const comp *)b)->cx;
    return (d > 0) - (d < 0);
}

/*
 * The components of a line of the zone, strictly: every place of an MRZ
 * line holds a glyph, so its components follow each other at the pitch
 * with no wide gap; components beyond a gap of CHAIN_GAP times the median
 * spacing (a border's print beside the zone) are left out, and the longest
 * chain kept. Returns the count kept (sorted along the line).
 */
#define CHAIN_GAP 2.5f
static int keep_chain(comp *c, int n)
{
    if (n < 4)
        return n;
    qsort(c, (size_t)n, sizeof *c, by_cx);
    float d[MAX_COMPS];
    for (int i = 1; i < n; i++)
        d[i - 1] = c[i].cx - c[i - 1].cx;
    float tmp[MAX_COMPS];
    memcpy(tmp, d, sizeof(float) * (size_t)(n - 1));
    /* the median spacing (a partial selection sort to the middle) */
    int m = (n - 1) / 2;
    for (int i = 0; i <= m; i++)
        for (int j = i + 1; j < n - 1; j++)
            if (tmp[j] < tmp[i]) {
                float t = tmp[i];
                tmp[i] = tmp[j];
                tmp[j] = t;
            }
    float gap = CHAIN_GAP * tmp[m];
    int best_s = 0, best_n = 0;
    for (int s = 0; s < n;) {
        int e = s;
        while (e + 1 < n && d[e] <= gap)
            e++;
        if (e - s + 1 > best_n) {
            best_n = e - s + 1;
            best_s = s;
        }
        s = e + 1;
    }
    memmove(c, c + best_s, sizeof *c * (size_t)best_n);
    return best_n;
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
static ds_error segment(ds_mrzband *b, int cut44, bool strict, float *slope_out)
{
    ds_error err = DS_OK;
    run lines[3];
    comp *lc[3] = {NULL, NULL, NULL};
    int ncomp[3] = {0, 0, 0};
    float caps[3];
    int t = ds_mrz_otsu(b->band);
    int nl = find_lines(b->band, t, strict, lines);
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
        ncomp[l] = line_components(b->band, t, lines[l].top, lines[l].bottom, strict, lc[l],
                                   MAX_COMPS);
        if (strict)
            ncomp[l] = keep_chain(lc[l], ncomp[l]);
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
    if (segment(&b2, 1, false, &slope) != DS_OK) {
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
    err = segment(&b, 0, false, &slope);
    /* A band no grid explains may hold a row of another print beside the
     * zone, or a halftone's specks among its glyphs (a print-out scanned at
     * 150 dpi, heldout10): it is split again strictly, and that split kept
     * when a grid explains it. A band that reads is split once. */
    bool strict = false;
    if (err == DS_ERR_NOT_FOUND || (err == DS_OK && b.pitch_err > PARTIAL_FIT)) {
        ds_mrzband bs = b; /* the same band image */
        float ss = 0;
        if (segment(&bs, 0, true, &ss) == DS_OK && bs.pitch_err <= PARTIAL_FIT) {
            b = bs;
            b.strict = 1;
            slope = ss;
            strict = true;
            err = DS_OK;
        }
    }
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
            b2.strict = b.strict;
            tmp = NULL;
            float s2 = 0;
            if (segment(&b2, 0, strict, &s2) == DS_OK) {
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
        if (segment(&b2, 1, false, &s2) == DS_OK) {
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
