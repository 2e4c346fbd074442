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

/* Solves the 3 x 3 system m x = r by Cramer's rule; 0 when singular. */
static int solve3(const double m[3][3], const double r[3], double x[3])
{
    double d = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
               m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
               m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (fabs(d) < 1e-9)
        return 0;
    for (int j = 0; j < 3; j++) {
        double t[3][3];
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
                t[i][k] = k == j ? r[i] : m[i][k];
        x[j] = (t[0][0] * (t[1][1] * t[2][2] - t[1][2] * t[2][1]) -
                t[0][1] * (t[1][0] * t[2][2] - t[1][2] * t[2][0]) +
                t[0][2] * (t[1][0] * t[2][1] - t[1][1] * t[2][0])) /
               d;
    }
    return 1;
}

float ds_mrz_fit_bent(const comp *c, int nc, int n, float *a_io, float *p_io, float *q_out)
{
    double a = *a_io, p = *p_io, q = 0;
    float err = 1e9f;
    if (nc < 4 || n < 4 || !(p > 1))
        return 1e9f;
    int *cell = malloc(sizeof(int) * (size_t)nc);
    if (!cell)
        return 1e9f;
    for (int iter = 0; iter < 4; iter++) {
        /* Each component's cell counted from its neighbour's in the local
         * pitch there (a grid fitted too straight is off by a cell at the
         * line's ends, a neighbour is not), the first cell the line's
         * first: the grid spans the line, and a line that lacks characters
         * is no foreshortened whole line. Wide components (joined
         * characters) are left out. */
        int prev = -1, span = 0;
        double prev_x = 0;
        for (int i = 0; i < nc; i++) {
            cell[i] = -1;
            if (c[i].w > 1.3f * p)
                continue;
            if (prev < 0) {
                cell[i] = 0;
            } else {
                double local = p + 2 * q * (prev + 0.5);
                cell[i] = prev + (int)lround((c[i].cx - prev_x) / (local > 1 ? local : p));
            }
            prev = cell[i];
            prev_x = c[i].cx;
            span = cell[i] > span ? cell[i] : span;
        }
        if (span != n - 1) {
            err = 1e9f;
            break;
        }
        double m[3][3] = {{0}}, r[3] = {0}, e = 0;
        int used = 0;
        for (int i = 0; i < nc; i++) {
            int k = cell[i];
            if (k < 0)
                continue;
            double local = p + 2 * q * k, res = (c[i].cx - (a + p * k + q * (double)k * k)) / local;
            e += fmin(res * res, 0.25);
            double v[3] = {1, k, (double)k * k};
            for (int u = 0; u < 3; u++) {
                for (int w = 0; w < 3; w++)
                    m[u][w] += v[u] * v[w];
                r[u] += v[u] * c[i].cx;
            }
            used++;
        }
        double x[3];
        if (used < 4 || !solve3((const double(*)[3])m, r, x) || x[1] <= 1) {
            err = 1e9f;
            break;
        }
        a = x[0];
        p = x[1];
        q = x[2];
        /* the residual of this grid, measured again on the next pass */
        err = iter == 0 ? 1e9f : (float)(e / used);
    }
    free(cell);
    /* a bend beyond the limit is no perspective */
    if (err >= 1e8f || fabs(2 * q * (n - 1)) > DS_MRZ_BENT_MAX * p)
        return 1e9f;
    *a_io = (float)a;
    *p_io = (float)p;
    *q_out = (float)q;
    return err;
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
