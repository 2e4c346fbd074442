/*
 * viz_upright.c: the upright frame the data page is read in
 * (ds_viz_upright and ds_viz_map_to_page of viz.h): the page turned by the
 * MRZ band's rotation, then straightened by its skew. Geometry only; this
 * file never reads text and never changes the caller's page.
 */
#include "page/viz.h"

#include <math.h>

/* The MRZ length and thickness from its page bbox, the skew and rotation. */
static void mrz_extent(const ds_mrzband *b, float *len, float *thick)
{
    float w = (float)b->bbox[2], h = (float)b->bbox[3];
    if (b->rotation == 90 || b->rotation == 270) {
        float t = w;
        w = h;
        h = t;
    }
    float a = fabsf(b->skew_deg) * 3.14159265f / 180.0f;
    float c = cosf(a), s = sinf(a), det = c * c - s * s;
    float L = w, T = h;
    if (det > 0.2f) {
        L = (c * w - s * h) / det;
        T = (c * h - s * w) / det;
    }
    if (T < h * 0.3f)
        T = h * 0.3f;
    *len = L;
    *thick = T;
}

/* Rotation angle (radians, Leptonica's clockwise-positive sense) that
 * straightens the page after the right-angle turn. */
static float skew_angle(const ds_mrzband *b)
{
    return b->skew_deg * 3.14159265f / 180.0f;
}

/* Beyond this skew (radians; a page found by the tilted search, laid at a
 * slant on the platen) the page is turned on a canvas that holds it whole:
 * turned in place, a page at 30 to 45 degrees loses its corners, and with
 * them the ends of the printed lines. Below it the page turns in place, as
 * it always has. */
#define WIDE_SKEW 0.2f

/* Where the turned page sits on its canvas: (*ox, *oy) is the offset of the
 * page turned by its right angle, *side the canvas side (0: no canvas). */
static void canvas(int rw, int rh, const ds_mrzband *b, int *ox, int *oy, int *side)
{
    *ox = *oy = *side = 0;
    if (fabsf(skew_angle(b)) <= WIDE_SKEW)
        return;
    int d = (int)ceilf(hypotf((float)rw, (float)rh)) + 2;
    *ox = (d - rw) / 2;
    *oy = (d - rh) / 2;
    *side = d;
}

/* The MRZ's length and thickness from the band itself (its pitch times its
 * characters; its lines' cells), where the bbox of a band at a steep slant
 * says nothing about them. */
static int band_extent(const ds_mrzband *b, float *len, float *thick)
{
    if (b->nlines < 1 || b->nchars[0] < 1 || b->pitch <= 0)
        return 0;
    int top = b->cell[0][0].y, bot = 0;
    for (int l = 0; l < b->nlines; l++)
        for (int k = 0; k < b->nchars[l]; k++) {
            if (b->cell[l][k].y < top)
                top = b->cell[l][k].y;
            if (b->cell[l][k].y + b->cell[l][k].h > bot)
                bot = b->cell[l][k].y + b->cell[l][k].h;
        }
    *len = b->pitch * (float)b->nchars[0];
    *thick = (float)(bot - top);
    return *thick > 0;
}

/* Maps page point (x, y) into the upright frame. */
static void to_upright(int pw, int ph, const ds_mrzband *b, float x, float y, float *ux, float *uy)
{
    float rx, ry, rw, rh;
    switch (b->rotation) {
    case 90: rx = (float)ph - y; ry = x; rw = (float)ph; rh = (float)pw; break;
    case 180: rx = (float)pw - x; ry = (float)ph - y; rw = (float)pw; rh = (float)ph; break;
    case 270: rx = y; ry = (float)pw - x; rw = (float)ph; rh = (float)pw; break;
    default: rx = x; ry = y; rw = (float)pw; rh = (float)ph; break;
    }
    int ox, oy, side;
    canvas((int)rw, (int)rh, b, &ox, &oy, &side);
    if (side) {
        rx += (float)ox;
        ry += (float)oy;
        rw = rh = (float)side;
    }
    float a = skew_angle(b);
    float cx = rw / 2, cy = rh / 2, c = cosf(a), s = sinf(a);
    *ux = cx + (rx - cx) * c - (ry - cy) * s;
    *uy = cy + (rx - cx) * s + (ry - cy) * c;
}

static void from_upright(int pw, int ph, const ds_mrzband *b, float ux, float uy, float *x,
                         float *y)
{
    float rw = (b->rotation == 90 || b->rotation == 270) ? (float)ph : (float)pw;
    float rh = (b->rotation == 90 || b->rotation == 270) ? (float)pw : (float)ph;
    int ox, oy, side;
    canvas((int)rw, (int)rh, b, &ox, &oy, &side);
    if (side)
        rw = rh = (float)side;
    float a = -skew_angle(b);
    float cx = rw / 2, cy = rh / 2, c = cosf(a), s = sinf(a);
    float rx = cx + (ux - cx) * c - (uy - cy) * s - (float)ox;
    float ry = cy + (ux - cx) * s + (uy - cy) * c - (float)oy;
    switch (b->rotation) {
    case 90: *x = ry; *y = (float)ph - rx; break;
    case 180: *x = (float)pw - rx; *y = (float)ph - ry; break;
    case 270: *x = (float)pw - ry; *y = rx; break;
    default: *x = rx; *y = ry; break;
    }
}

ds_error ds_viz_upright(PIX *page, const ds_mrzband *band, PIX **out_upright, int out_mrz_bbox[4])
{
    if (!page || !band || !out_upright || !out_mrz_bbox)
        return DS_ERR_USAGE;
    *out_upright = NULL;
    int quads = band->rotation / 90;
    PIX *r1 = quads ? pixRotateOrth(page, quads) : pixClone(page);
    if (!r1)
        return DS_ERR_NOMEM;
    PIX *r2 = NULL;
    float a = skew_angle(band);
    int ox, oy, side;
    canvas((int)pixGetWidth(r1), (int)pixGetHeight(r1), band, &ox, &oy, &side);
    if (side) {
        int w1 = (int)pixGetWidth(r1), h1 = (int)pixGetHeight(r1);
        PIX *big = pixAddBorderGeneral(r1, ox, side - w1 - ox, oy, side - h1 - oy, 255);
        pixDestroy(&r1);
        r1 = big;
        if (!r1)
            return DS_ERR_NOMEM;
    }
    if (fabsf(a) > 0.001f)
        r2 = pixRotate(r1, a, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    else
        r2 = pixClone(r1);
    pixDestroy(&r1);
    if (!r2)
        return DS_ERR_NOMEM;
    int pw = (int)pixGetWidth(page), ph = (int)pixGetHeight(page);
    float cx = (float)band->bbox[0] + (float)band->bbox[2] / 2;
    float cy = (float)band->bbox[1] + (float)band->bbox[3] / 2;
    float ux, uy, L, T;
    to_upright(pw, ph, band, cx, cy, &ux, &uy);
    mrz_extent(band, &L, &T);
    if (side)
        band_extent(band, &L, &T);
    out_mrz_bbox[0] = (int)lroundf(ux - L / 2);
    out_mrz_bbox[1] = (int)lroundf(uy - T / 2);
    out_mrz_bbox[2] = (int)lroundf(L);
    out_mrz_bbox[3] = (int)lroundf(T);
    *out_upright = r2;
    return DS_OK;
}

void ds_viz_map_to_page(const PIX *page, const ds_mrzband *band, const int in[4], int out[4])
{
    int pw = (int)pixGetWidth((PIX *)page), ph = (int)pixGetHeight((PIX *)page);
    float xs[4], ys[4];
    for (int k = 0; k < 4; k++) {
        float ux = (float)in[0] + ((k & 1) ? (float)in[2] : 0);
        float uy = (float)in[1] + ((k & 2) ? (float)in[3] : 0);
        from_upright(pw, ph, band, ux, uy, &xs[k], &ys[k]);
    }
    float x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
    for (int k = 1; k < 4; k++) {
        x0 = fminf(x0, xs[k]);
        x1 = fmaxf(x1, xs[k]);
        y0 = fminf(y0, ys[k]);
        y1 = fmaxf(y1, ys[k]);
    }
    out[0] = (int)lroundf(x0);
    out[1] = (int)lroundf(y0);
    out[2] = (int)lroundf(x1 - x0);
    out[3] = (int)lroundf(y1 - y0);
}
