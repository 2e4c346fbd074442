/*
 * The fixed pitch of an MRZ line, whole or cut by the image's edge
 * (pitch.h).
 */
#include "mrz/pitch.h"

#include <math.h>
#include <stdlib.h>

typedef ds_mrz_comp comp;

/*
 * Refines centre = a + p * k by least squares over the components that fall
 * on the grid of n characters, and returns the mean squared residual in
 * pitch units; a component off the grid (a speck, a mark beside the MRZ)
 * counts as the worst residual, 0.25.
 */
static float refine_pitch(const comp *c, int nc, int n, float *a_io, float *p_io)
{
    float a = *a_io, p = *p_io, err = 1e9f;
    for (int iter = 0; iter < 3; iter++) {
        double sk = 0, sc = 0, skk = 0, skc = 0, m = 0, e = 0;
        int counted = 0;
        for (int i = 0; i < nc; i++) {
            if (c[i].w > 1.3f * p)
                continue;
            counted++;
            float kf = (c[i].cx - a) / p;
            int k = (int)lroundf(kf);
            if (k < 0 || k >= n) {
                e += 0.25;
                continue;
            }
            float r = kf - (float)k;
            e += r * r;
            sk += k;
            sc += c[i].cx;
            skk += (double)k * k;
            skc += (double)k * c[i].cx;
            m++;
        }
        if (m < 3)
            return 1e9f;
        err = (float)(e / counted);
        double den = m * skk - sk * sk;
        if (den <= 0)
            break;
        double np = (m * skc - sk * sc) / den;
        double na = (sc - np * sk) / m;
        if (np <= 1)
            break;
        p = (float)np;
        a = (float)na;
    }
    *a_io = a;
    *p_io = p;
    return err;
}

static int cmp_comp_x(const void *a, const void *b)
{
    float xa = ((const comp *)a)->cx, xb = ((const comp *)b)->cx;
    return (xa > xb) - (xa < xb);
}

/*
 * Fits centre = a + pitch * k to the components of one line for n
 * characters. The first and last character are taken among the three
 * outermost components on each side, so that a speck beside the MRZ does
 * not stretch the grid. Returns the residual of refine_pitch (lower is
 * better). c is sorted by x in place.
 */
float ds_mrz_fit_pitch(comp *c, int nc, int n, float *a_out, float *p_out)
{
    if (nc < 2)
        return 1e9f;
    qsort(c, (size_t)nc, sizeof *c, cmp_comp_x);
    float best = 1e9f;
    int ends = nc < 3 ? nc : 3;
    for (int s = 0; s < ends; s++) {
        for (int e = nc - 1; e >= nc - ends && e > s; e--) {
            float a = c[s].cx, p = (c[e].cx - c[s].cx) / (float)(n - 1);
            if (p <= 1)
                continue;
            float err = refine_pitch(c, nc, n, &a, &p);
            if (err < best) {
                best = err;
                *a_out = a;
                *p_out = p;
            }
        }
    }
    return best;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

float ds_mrz_fit_partial(comp *c, int nc, float cap, int n_min, int n_max, float *a_out,
                         float *p_out, int *m_out)
{
    if (nc < 3 || cap <= 0 || n_min < 3 || n_max < n_min)
        return 1e9f;
    qsort(c, (size_t)nc, sizeof *c, cmp_comp_x);
    /* Neighbouring characters lie one pitch apart: the median spacing of
     * narrow neighbours is the pitch (fillers and letters alike). */
    float *gap = malloc(sizeof(float) * (size_t)nc);
    if (!gap)
        return 1e9f;
    int ng = 0;
    for (int i = 0; i + 1 < nc; i++) {
        if (c[i].w > 1.3f * cap || c[i + 1].w > 1.3f * cap)
            continue;
        float d = c[i + 1].cx - c[i].cx;
        if (d >= 0.55f * cap && d <= 1.6f * cap)
            gap[ng++] = d;
    }
    float p0 = 0;
    if (ng >= 3) {
        qsort(gap, (size_t)ng, sizeof *gap, cmp_float);
        p0 = gap[ng / 2];
    }
    free(gap);
    if (p0 <= 1)
        return 1e9f;
    /* The span of the ink at that pitch, from the outermost narrow parts. */
    int first = -1, last = -1;
    for (int i = 0; i < nc; i++) {
        if (c[i].w > 1.3f * p0)
            continue;
        if (first < 0)
            first = i;
        last = i;
    }
    if (first < 0 || last <= first)
        return 1e9f;
    int m0 = (int)lroundf((c[last].cx - c[first].cx) / p0) + 1;
    float best = 1e9f;
    for (int m = m0 - 1; m <= m0 + 1; m++) {
        if (m < n_min || m > n_max)
            continue;
        float a = 0, p = 0;
        float e = ds_mrz_fit_pitch(c, nc, m, &a, &p);
        /* the grid's pitch must be the measured one */
        if (e < best && fabsf(p - p0) <= 0.08f * p0) {
            best = e;
            *a_out = a;
            *p_out = p;
            *m_out = m;
        }
    }
    return best;
}
