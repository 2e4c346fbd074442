/*
 * ocrb: features and classifier for single OCR-B characters of an MRZ.
 *
 * ds_ocrb_features finds the ink of the central character of one fixed-pitch
 * cell (connected components, ignoring specks and the fragments of the
 * neighbours at the left and right edges), scales its bounding box into a
 * small grid and adds a few scalar measures in cap heights. The training
 * script (models/train_ocrb.py) calls this very function through ctypes, so
 * any change to it changes what the model sees: bump
 * DS_OCRB_FEATURE_VERSION and retrain. The model is a small MLP read from a
 * versioned, checksummed little-endian file (format in models/README.md).
 * This file must never allocate outside ds_ocrb_create, never read outside
 * the cell it is given, and never trust a size in a model file.
 */
#include "mrz/ocrb.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char ds_ocrb_alphabet[DS_OCRB_CLASSES + 1] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

/* ------------------------------------------------------------------------ */
/* Features                                                                  */
/* ------------------------------------------------------------------------ */

#define CW_ DS_OCRB_CELL_MAX_W
#define CH_ DS_OCRB_CELL_MAX_H
#define GW_ DS_OCRB_GRID_W
#define GH_ DS_OCRB_GRID_H
/* With 8-connectivity a new provisional label needs a background pixel to
 * its left and above, so at most one label per 2x2 block exists. */
#define MAX_LABELS_ ((CW_ / 2 + 1) * (CH_ / 2 + 1) + 1)
/* The most source pixels one grid cell spans along an axis. */
#define MAX_SPAN_ 12

typedef struct comp_ {
    uint8_t x0, x1, y0, y1;
    uint16_t area;
} comp_;

static uint16_t uf_find_(uint16_t *parent, uint16_t a)
{
    while (parent[a] != a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    return a;
}

static void uf_union_(uint16_t *parent, uint16_t a, uint16_t b)
{
    a = uf_find_(parent, a);
    b = uf_find_(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

static float clampf_(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Soft ink coverage of gray level g: 1 well below the threshold, 0 well above. */
static float soft_ink_(int g, float thr, float d) { return clampf_((thr + d - (float)g) / (2.0f * d), 0.0f, 1.0f); }

static void empty_features_(float *out)
{
    for (int i = 0; i < DS_OCRB_FEATURES; i++)
        out[i] = 0.0f;
    out[GW_ * GH_ + 7] = 1.0f;
}

void ds_ocrb_features(const uint8_t *gray, int w, int h, int stride, int ink_threshold,
                      float cap_height, float *out)
{
    uint8_t img[CW_ * CH_];
    uint16_t lab[CW_ * CH_];
    uint16_t parent[MAX_LABELS_];
    comp_ comps[MAX_LABELS_];
    uint8_t keep[MAX_LABELS_];

    if (!out)
        return;
    if (!gray || w < 1 || h < 1 || stride < w) {
        empty_features_(out);
        return;
    }

    /* Box-average cells larger than the work buffer by an integer factor. */
    int k = 1;
    while ((w + k - 1) / k > CW_ || (h + k - 1) / k > CH_)
        k++;
    int W = w / k, H = h / k;
    if (W < 1 || H < 1) {
        empty_features_(out);
        return;
    }
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            unsigned s = 0;
            for (int yy = 0; yy < k; yy++) {
                const uint8_t *row = gray + (size_t)(y * k + yy) * (size_t)stride + (size_t)x * k;
                for (int xx = 0; xx < k; xx++)
                    s += row[xx];
            }
            img[y * W + x] = (uint8_t)(s / (unsigned)(k * k));
        }

    float cap = cap_height / (float)k;
    if (!(cap > 1.0f) || !(cap < 4.0f * (float)H + 4.0f))
        cap = clampf_(isfinite(cap) ? cap : 0.0f, 1.0f, 4.0f * (float)H + 4.0f);
    int thr = ink_threshold < 1 ? 1 : ink_threshold > 255 ? 255 : ink_threshold;

    /* Paper level: the 80th percentile of the cell; sets the soft ramp. */
    unsigned hist[256] = {0};
    for (int i = 0; i < W * H; i++)
        hist[img[i]]++;
    unsigned want = (unsigned)(W * H) * 4u / 5u, acc = 0;
    int paper = 255;
    for (int g = 0; g < 256; g++) {
        acc += hist[g];
        if (acc > want) {
            paper = g;
            break;
        }
    }
    float d = 0.5f * (float)(paper - thr);
    if (d < 8.0f)
        d = 8.0f;
    if (d > 64.0f)
        d = 64.0f;

    /* Connected components of the ink (8-connectivity), two passes. */
    uint16_t nl = 1;
    parent[0] = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int i = y * W + x;
            lab[i] = 0;
            if (img[i] >= thr)
                continue;
            uint16_t n[4];
            int nn = 0;
            if (x > 0 && lab[i - 1])
                n[nn++] = lab[i - 1];
            if (y > 0) {
                if (x > 0 && lab[i - W - 1])
                    n[nn++] = lab[i - W - 1];
                if (lab[i - W])
                    n[nn++] = lab[i - W];
                if (x + 1 < W && lab[i - W + 1])
                    n[nn++] = lab[i - W + 1];
            }
            if (nn == 0) {
                if (nl >= MAX_LABELS_)
                    continue; /* cannot happen (see MAX_LABELS_); stay safe */
                parent[nl] = nl;
                lab[i] = nl++;
            } else {
                lab[i] = n[0];
                for (int j = 1; j < nn; j++)
                    uf_union_(parent, n[0], n[j]);
            }
        }
    for (uint16_t l = 1; l < nl; l++) {
        comps[l] = (comp_){255, 0, 255, 0, 0};
        keep[l] = 0;
    }
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int i = y * W + x;
            if (!lab[i])
                continue;
            uint16_t r = uf_find_(parent, lab[i]);
            lab[i] = r;
            comp_ *c = &comps[r];
            if (x < c->x0)
                c->x0 = (uint8_t)x;
            if (x > c->x1)
                c->x1 = (uint8_t)x;
            if (y < c->y0)
                c->y0 = (uint8_t)y;
            if (y > c->y1)
                c->y1 = (uint8_t)y;
            if (c->area < UINT16_MAX)
                c->area++;
        }

    /* Candidates: roots that are neither specks nor neighbour fragments. A
     * component touching the left or right edge belongs to the central
     * character only when its box centre lies in the middle half of the
     * cell; one touching the top or bottom edge only when its centre lies
     * between the expected cap line and baseline. */
    float speck_area = 0.012f * cap * cap, speck_dim = 0.22f * cap;
    float top_exp = 0.5f * ((float)H - cap), bot_exp = 0.5f * ((float)H + cap);
    int main_l = 0;
    for (uint16_t l = 1; l < nl; l++) {
        comp_ *c = &comps[l];
        if (parent[l] != l || c->area == 0)
            continue;
        float cw = (float)(c->x1 - c->x0 + 1), chh = (float)(c->y1 - c->y0 + 1);
        if ((float)c->area < speck_area && cw < speck_dim && chh < speck_dim)
            continue;
        float cx = 0.5f * (float)(c->x0 + c->x1 + 1), cy = 0.5f * (float)(c->y0 + c->y1 + 1);
        if ((c->x0 == 0 || c->x1 == W - 1) && fabsf(cx - 0.5f * (float)W) > 0.25f * (float)W)
            continue;
        if ((c->y0 == 0 && cy < top_exp) || (c->y1 == H - 1 && cy > bot_exp))
            continue;
        keep[l] = 1;
        if (!main_l || c->area > comps[main_l].area)
            main_l = l;
    }
    if (!main_l) {
        empty_features_(out);
        return;
    }
    /* Keep the largest candidate, the pieces near it and any other large
     * piece; drop isolated small marks (background texture, dust). */
    {
        comp_ *m = &comps[main_l];
        float mg = 0.15f * cap;
        float ex0 = (float)m->x0 - mg, ex1 = (float)m->x1 + mg;
        float ey0 = (float)m->y0 - mg, ey1 = (float)m->y1 + mg;
        for (uint16_t l = 1; l < nl; l++) {
            if (!keep[l] || l == main_l)
                continue;
            comp_ *c = &comps[l];
            int near = (float)c->x1 >= ex0 && (float)c->x0 <= ex1 && (float)c->y1 >= ey0 &&
                       (float)c->y0 <= ey1;
            if (!near && (float)c->area < 0.3f * (float)m->area)
                keep[l] = 0;
        }
    }
    int bx0 = W, bx1 = -1, by0 = H, by1 = -1;
    long ink = 0;
    for (uint16_t l = 1; l < nl; l++) {
        if (!keep[l])
            continue;
        comp_ *c = &comps[l];
        if (c->x0 < bx0)
            bx0 = c->x0;
        if (c->x1 > bx1)
            bx1 = c->x1;
        if (c->y0 < by0)
            by0 = c->y0;
        if (c->y1 > by1)
            by1 = c->y1;
        ink += c->area;
    }
    int bw = bx1 - bx0 + 1, bh = by1 - by0 + 1;

    /* Uniform scale: the box fits the grid, centred, aspect kept. */
    float s = (float)bw / (float)GW_;
    if ((float)bh / (float)GH_ > s)
        s = (float)bh / (float)GH_;
    if (s < 0.25f)
        s = 0.25f;
    float ox = 0.5f * (float)(bx0 + bx1 + 1) - 0.5f * s * (float)GW_;
    float oy = 0.5f * (float)(by0 + by1 + 1) - 0.5f * s * (float)GH_;
    /* Pixels that count: inside the box grown by one pixel, and either not
     * ink or ink of a kept component. */
    int vx0 = bx0 > 0 ? bx0 - 1 : 0, vx1 = bx1 < W - 1 ? bx1 + 1 : W - 1;
    int vy0 = by0 > 0 ? by0 - 1 : 0, vy1 = by1 < H - 1 ? by1 + 1 : H - 1;
    float thr_f = (float)thr;

    int xs[GW_], xn[GW_], ys[GH_], yn[GH_];
    float wx[GW_][MAX_SPAN_], wy[GH_][MAX_SPAN_];
    for (int pass = 0; pass < 2; pass++) {
        int n = pass ? GH_ : GW_;
        float o = pass ? oy : ox;
        int lo = pass ? vy0 : vx0, hi = pass ? vy1 : vx1;
        for (int g = 0; g < n; g++) {
            float a = o + s * (float)g, b = a + s;
            int p0 = (int)floorf(a), p1 = (int)ceilf(b) - 1;
            if (p0 < lo)
                p0 = lo;
            if (p1 > hi)
                p1 = hi;
            if (p1 - p0 + 1 > MAX_SPAN_)
                p1 = p0 + MAX_SPAN_ - 1;
            int cnt = 0;
            for (int p = p0; p <= p1; p++) {
                float ov = fminf(b, (float)(p + 1)) - fmaxf(a, (float)p);
                if (pass)
                    wy[g][cnt] = ov > 0.0f ? ov : 0.0f;
                else
                    wx[g][cnt] = ov > 0.0f ? ov : 0.0f;
                cnt++;
            }
            if (pass) {
                ys[g] = p0;
                yn[g] = cnt;
            } else {
                xs[g] = p0;
                xn[g] = cnt;
            }
        }
    }
    float inv_area = 1.0f / (s * s);
    for (int gy = 0; gy < GH_; gy++)
        for (int gx = 0; gx < GW_; gx++) {
            float acc_v = 0.0f;
            for (int j = 0; j < yn[gy]; j++) {
                int y = ys[gy] + j;
                float rowacc = 0.0f;
                for (int i = 0; i < xn[gx]; i++) {
                    int x = xs[gx] + i, p = y * W + x;
                    if (lab[p] && !keep[lab[p]])
                        continue;
                    rowacc += wx[gx][i] * soft_ink_(img[p], thr_f, d);
                }
                acc_v += wy[gy][j] * rowacc;
            }
            out[gy * GW_ + gx] = clampf_(acc_v * inv_area, 0.0f, 1.0f);
        }

    float *sc = out + GW_ * GH_;
    sc[0] = (float)bh / cap;
    sc[1] = (float)bw / cap;
    sc[2] = ((float)by0 - top_exp) / cap;
    sc[3] = ((float)(by1 + 1) - bot_exp) / cap;
    sc[4] = (0.5f * (float)(bx0 + bx1 + 1) - 0.5f * (float)W) / cap;
    sc[5] = (float)ink / ((float)bw * (float)bh);
    sc[6] = (float)bw / (float)bh;
    sc[7] = 0.0f;
    for (int i = 0; i < DS_OCRB_SCALARS; i++)
        sc[i] = clampf_(sc[i], -8.0f, 8.0f);
}

/* ------------------------------------------------------------------------ */
/* Model                                                                     */
/* ------------------------------------------------------------------------ */

/*
 * File layout, little-endian (see models/README.md):
 *   0  magic "DSOCRB\r\n" (8 bytes)
 *   8  u32 format version (1)
 *  12  u32 feature layout version (DS_OCRB_FEATURE_VERSION)
 *  16  u32 inputs, u32 classes, u32 layers
 *  28  u32 output size of each layer
 *      alphabet: `classes` bytes, zero-padded to a multiple of 4
 *      per layer: f32 weights [inputs][outputs], f32 biases [outputs]
 *      u32 CRC-32 (IEEE) of every byte before it
 */
#define MAGIC_ "DSOCRB\r\n"
#define FORMAT_VERSION_ 1u
#define MAX_LAYERS_ 4
#define MAX_WIDTH_ 1024
#define MAX_MODEL_BYTES_ (16u << 20)

/* One trained network (one model file). */
typedef struct net_ {
    int nlayers;
    int nin[MAX_LAYERS_], nout[MAX_LAYERS_];
    const float *w[MAX_LAYERS_], *b[MAX_LAYERS_];
    float params[]; /* every layer's weights then biases, in file order */
} net_;

/* The recogniser: one network, or several trained apart whose readings must
 * agree (ds_ocrb_create_ensemble). */
struct ds_ocrb {
    int nnets;
    net_ *net[DS_OCRB_MAX_MODELS];
};

#ifndef DS_OCRB_NO_BUILTIN
/* Defined by ocrb_blob.c. The training script builds this file alone as a
 * shared library with DS_OCRB_NO_BUILTIN, without the embedded models. */
extern const uint8_t ds_ocrb_model_start[];
extern const uint8_t ds_ocrb_model_end[];
extern const uint8_t ds_ocrb_model2_start[];
extern const uint8_t ds_ocrb_model2_end[];
#endif

static uint32_t rd32_(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t crc32_(const uint8_t *p, size_t n)
{
    static const uint32_t t[16] = {
        0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4,
        0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
        0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c};
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        c = (c >> 4) ^ t[c & 15];
        c = (c >> 4) ^ t[c & 15];
    }
    return c ^ 0xffffffffu;
}

static ds_error net_create_(const uint8_t *model, size_t len, net_ **out)
{
    ds_error err = DS_ERR_MODEL;
    net_ *m = NULL;
    uint32_t sizes[MAX_LAYERS_];

    if (!model || len < 28 + 4 || len > MAX_MODEL_BYTES_)
        goto out;
    if (memcmp(model, MAGIC_, 8) != 0 || rd32_(model + 8) != FORMAT_VERSION_ ||
        rd32_(model + 12) != DS_OCRB_FEATURE_VERSION)
        goto out;
    uint32_t nin = rd32_(model + 16), ncls = rd32_(model + 20), nlayers = rd32_(model + 24);
    if (nin != DS_OCRB_FEATURES || ncls != DS_OCRB_CLASSES || nlayers < 1 || nlayers > MAX_LAYERS_)
        goto out;
    size_t pos = 28;
    if (len - 4 < pos + 4 * (size_t)nlayers)
        goto out;
    size_t nparams = 0;
    uint32_t prev = nin;
    for (uint32_t i = 0; i < nlayers; i++) {
        sizes[i] = rd32_(model + pos);
        pos += 4;
        if (sizes[i] < 1 || sizes[i] > MAX_WIDTH_)
            goto out;
        nparams += (size_t)prev * sizes[i] + sizes[i];
        prev = sizes[i];
    }
    if (sizes[nlayers - 1] != ncls)
        goto out;
    size_t alpha_len = (ncls + 3u) & ~(size_t)3u;
    if (len - 4 - pos < alpha_len)
        goto out;
    if (memcmp(model + pos, ds_ocrb_alphabet, ncls) != 0)
        goto out;
    for (size_t i = ncls; i < alpha_len; i++)
        if (model[pos + i] != 0)
            goto out;
    pos += alpha_len;
    if ((len - 4 - pos) / 4 != nparams || (len - 4 - pos) % 4 != 0)
        goto out;
    if (crc32_(model, len - 4) != rd32_(model + len - 4))
        goto out;

    m = malloc(sizeof(*m) + nparams * sizeof(float));
    if (!m) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    m->nlayers = (int)nlayers;
    float *p = m->params;
    prev = nin;
    for (uint32_t i = 0; i < nlayers; i++) {
        m->nin[i] = (int)prev;
        m->nout[i] = (int)sizes[i];
        m->w[i] = p;
        p += (size_t)prev * sizes[i];
        m->b[i] = p;
        p += sizes[i];
        prev = sizes[i];
    }
    for (size_t i = 0; i < nparams; i++) {
        uint32_t u = rd32_(model + pos + 4 * i);
        float f;
        memcpy(&f, &u, sizeof f);
        if (!isfinite(f) || fabsf(f) > 1e6f)
            goto out;
        m->params[i] = f;
    }
    *out = m;
    m = NULL;
    err = DS_OK;
out:
    free(m);
    return err;
}

ds_error ds_ocrb_create_ensemble(const uint8_t *const *models, const size_t *lens, int n,
                                 ds_ocrb **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    if (!models || !lens || n < 1 || n > DS_OCRB_MAX_MODELS)
        return DS_ERR_USAGE;
    ds_ocrb *m = calloc(1, sizeof *m);
    if (!m)
        return DS_ERR_NOMEM;
    for (int i = 0; i < n; i++) {
        ds_error err = net_create_(models[i], lens[i], &m->net[i]);
        if (err != DS_OK) {
            ds_ocrb_free(m);
            return err;
        }
        m->nnets = i + 1;
    }
    *out = m;
    return DS_OK;
}

ds_error ds_ocrb_create(const uint8_t *model, size_t len, ds_ocrb **out)
{
    return ds_ocrb_create_ensemble(&model, &len, 1, out);
}

ds_error ds_ocrb_create_builtin(ds_ocrb **out)
{
#ifdef DS_OCRB_NO_BUILTIN
    if (out)
        *out = NULL;
    return out ? DS_ERR_MODEL : DS_ERR_USAGE;
#else
    const uint8_t *models[2] = {ds_ocrb_model_start, ds_ocrb_model2_start};
    size_t lens[2] = {(size_t)(ds_ocrb_model_end - ds_ocrb_model_start),
                      (size_t)(ds_ocrb_model2_end - ds_ocrb_model2_start)};
    /* the second model is optional: an empty blob when the build has none */
    return ds_ocrb_create_ensemble(models, lens, lens[1] ? 2 : 1, out);
#endif
}

void ds_ocrb_free(ds_ocrb *m)
{
    if (!m)
        return;
    for (int i = 0; i < m->nnets; i++)
        free(m->net[i]);
    free(m);
}

/* o += x * w over n floats, unrolled by 8 so that -O2 vectorises it. */
static void axpy_(float *restrict o, const float *restrict w, float x, int n)
{
    int j = 0;
    for (; j + 8 <= n; j += 8) {
        o[j + 0] += x * w[j + 0];
        o[j + 1] += x * w[j + 1];
        o[j + 2] += x * w[j + 2];
        o[j + 3] += x * w[j + 3];
        o[j + 4] += x * w[j + 4];
        o[j + 5] += x * w[j + 5];
        o[j + 6] += x * w[j + 6];
        o[j + 7] += x * w[j + 7];
    }
    for (; j < n; j++)
        o[j] += x * w[j];
}

/* The network's output probabilities, softmax over the last layer, into
 * prob[DS_OCRB_CLASSES]. */
static void net_run_(const net_ *m, const float *features, float *prob)
{
    float buf[2][MAX_WIDTH_];
    const float *in = features;
    float *o = NULL;
    for (int l = 0; l < m->nlayers; l++) {
        int ni = m->nin[l], no = m->nout[l];
        o = buf[l & 1];
        memcpy(o, m->b[l], (size_t)no * sizeof(float));
        const float *wl = m->w[l];
        for (int i = 0; i < ni; i++) {
            float x = in[i];
            if (x == 0.0f)
                continue;
            axpy_(o, wl + (size_t)i * (size_t)no, x, no);
        }
        if (l + 1 < m->nlayers)
            for (int j = 0; j < no; j++)
                o[j] = o[j] > 0.0f ? o[j] : 0.0f;
        in = o;
    }
    float mx = o[0];
    for (int j = 1; j < DS_OCRB_CLASSES; j++)
        if (o[j] > mx)
            mx = o[j];
    float sum = 0.0f;
    for (int j = 0; j < DS_OCRB_CLASSES; j++) {
        prob[j] = expf(o[j] - mx);
        sum += prob[j];
    }
    for (int j = 0; j < DS_OCRB_CLASSES; j++)
        prob[j] /= sum;
}

void ds_ocrb_classify(const ds_ocrb *m, const float *features, ds_mrz_char *out)
{
    float prob[DS_OCRB_MAX_MODELS][DS_OCRB_CLASSES], mean[DS_OCRB_CLASSES];
    if (!out)
        return;
    *out = (ds_mrz_char){0, 0.0f, 0, 0.0f, 0, 0, 0.0f};
    if (!m || !features || m->nnets < 1)
        return;
    for (int i = 0; i < m->nnets; i++)
        net_run_(m->net[i], features, prob[i]);
    for (int j = 0; j < DS_OCRB_CLASSES; j++) {
        float s = 0.0f;
        for (int i = 0; i < m->nnets; i++)
            s += prob[i][j];
        mean[j] = s / (float)m->nnets;
    }
    int b1 = 0, b2 = -1;
    for (int j = 1; j < DS_OCRB_CLASSES; j++) {
        if (mean[j] > mean[b1]) {
            b2 = b1;
            b1 = j;
        } else if (b2 < 0 || mean[j] > mean[b2]) {
            b2 = j;
        }
    }
    /* The best character is as sure as the least sure network: a character
     * one network reads with confidence and another does not is doubted, so
     * the checks, the field priors and the name's doubt decide it (see
     * ocrb.h). The second choice keeps the mean. */
    float p = prob[0][b1];
    for (int i = 1; i < m->nnets; i++)
        if (prob[i][b1] < p)
            p = prob[i][b1];
    out->c = ds_ocrb_alphabet[b1];
    out->p = p;
    if (b2 >= 0) {
        out->alt = ds_ocrb_alphabet[b2];
        out->alt_p = mean[b2];
    }
}
