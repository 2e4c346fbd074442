/*
 * specimen.c: an angled SPECIMEN stamp across the data page (specimen.h).
 *
 * Candidate search (no OCR): the region is resampled to WORK_DPI, ink is
 * every pixel clearly darker than the paper around it (a gray closing),
 * so that a tinted page is paper, and an opening with an
 * OPEN_MM brick keeps only strokes thicker than ordinary print. Blobs of
 * letter size become points; for each tilt in MIN_DEG..MAX_DEG (both
 * senses) the points are projected across the tilt, and a chain of at least
 * MIN_LETTERS points on one line, with similar sizes and letter-sized gaps,
 * is a candidate. At most MAX_READS candidates are read, each once. Every
 * count read from the image is capped (MAX_BLOBS); nothing is allocated
 * from a size found in the image beyond the region itself.
 */
#include "page/specimen.h"
#include "page/morph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

#define WORK_DPI 150.0f
#define OPEN_MM 0.85f       /* strokes thinner than this vanish */
#define LETTER_MIN_MM 3.0f  /* longer side of a letter's box */
#define LETTER_MAX_MM 22.0f
#define LETTER_THIN_MM 0.8f /* shorter side */
#define MIN_DEG 10
#define MAX_DEG 45
#define MIN_LETTERS 4
#define MAX_BLOBS 600
#define MAX_READS 2
#define READ_DPI 150.0f
#define PAPER_MM 3.5f     /* wider than a stamp's stroke */
#define HOLE_LETTERS 4.0f /* longest hole in a row, in letter sizes */
#define INK_SHARE 0.8f    /* ink is darker than this share of the paper */
#define INK_MIN 20        /* and at least this many levels darker */

static const char *const marks[] = {"SPECIMEN", "MUSTER", "ESPECIMEN", "MODELO", "CAMPIONE",
                                    "SPESIMEN", "VZOR", "WZOR"};

/* Levenshtein distance of a and b, stopping early above 1. */
static int edits_le1(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb + 1 || lb > la + 1)
        return 2;
    size_t i = 0, j = 0;
    int e = 0;
    while (i < la && j < lb) {
        if (a[i] == b[j]) {
            i++, j++;
            continue;
        }
        if (++e > 1)
            return 2;
        if (la > lb)
            i++;
        else if (lb > la)
            j++;
        else
            i++, j++;
    }
    e += (int)(la - i) + (int)(lb - j);
    return e;
}

const char *ds_specimen_word(const char *text)
{
    if (!text)
        return NULL;
    char f[64], u[64];
    ds_text_fold(text, f, sizeof f);
    size_t n = 0;
    for (const char *c = f; *c && n + 1 < sizeof u; c++)
        if (*c != ' ')
            u[n++] = (char)((*c >= 'a' && *c <= 'z') ? *c - 32 : *c);
    u[n] = 0;
    if (n < 4)
        return NULL;
    /* The longest word found whole (ESPECIMEN holds SPECIMEN), then one
     * edit apart. */
    const char *whole = NULL;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (strstr(u, marks[k]) && (!whole || strlen(marks[k]) > strlen(whole)))
            whole = marks[k];
    if (whole)
        return whole;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t L = strlen(marks[k]);
        if (L < 6)
            continue;
        /* Windows of the text about the word's length, one edit apart. */
        for (size_t w = L - 1; w <= L + 1; w++)
            for (size_t i = 0; i + w <= n; i++) {
                char win[64];
                memcpy(win, u + i, w);
                win[w] = 0;
                if (edits_le1(win, marks[k]) <= 1)
                    return marks[k];
            }
    }
    return NULL;
}

/* Marks of specimens as printed values may carry them: the stamp's words
 * above and their translations, upper case without accents. */
static const char *const value_marks[] = {
    "SPECIMEN", "SPECIMENS", "ESPECIMEN", "MUSTER", "MODELO", "MODELE", "CAMPIONE", "SPESIMEN",
    "MUESTRA", "SAMPLE", "VZOR", "VZOREC", "WZOR", "MINTA", "NAYTE", "NAIDIS", "PARAUGS",
    "PAVYZDYS", "UZORAK", "OBRAZEC", "OBRAZETS", "ZRAZOK", "DEIGMA", "SPECIMINE", "VOID"};

bool ds_specimen_is_word(const char *word)
{
    if (!word)
        return false;
    char f[64], u[64];
    ds_text_fold(word, f, sizeof f);
    size_t n = 0;
    for (const char *c = f; *c && n + 1 < sizeof u; c++) {
        if (*c == ' ')
            return false; /* more than one word */
        u[n++] = (char)((*c >= 'a' && *c <= 'z') ? *c - 32 : *c);
    }
    u[n] = 0;
    if (n < 4)
        return false;
    for (size_t k = 0; k < sizeof value_marks / sizeof value_marks[0]; k++) {
        size_t L = strlen(value_marks[k]);
        if (strcmp(u, value_marks[k]) == 0 || (L >= 8 && edits_le1(u, value_marks[k]) <= 1))
            return true;
    }
    return false;
}

/* Ink of a stamp in gray (px_mm pixels a millimetre): pixels darker than
 * INK_SHARE of the paper around them and at least INK_MIN levels darker,
 * the paper being the gray closing over a brick wider than a stamp's
 * stroke, so that a tinted or shaded background is paper and a translucent
 * stamp over it is ink (on white paper: 45 levels, as a fixed threshold
 * would); then opened with an OPEN_MM brick, so that only strokes thicker
 * than ordinary print stay. A binary image, or NULL. */
static PIX *stamp_ink(PIX *gray, float px_mm)
{
    int k = (int)lroundf(PAPER_MM * px_mm) | 1;
    PIX *paper = ds_close_gray(gray, k, k);
    int w = (int)pixGetWidth(gray), h = (int)pixGetHeight(gray);
    PIX *bin = paper ? pixCreate(w, h, 1) : NULL;
    if (bin) {
        const l_uint32 *gd = pixGetData(gray), *pd = pixGetData(paper);
        l_uint32 *bd = pixGetData(bin);
        int gw = pixGetWpl(gray), pw = pixGetWpl(paper), bw = pixGetWpl(bin);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int g = GET_DATA_BYTE(gd + y * gw, x), p = GET_DATA_BYTE(pd + y * pw, x);
                if (g <= p - INK_MIN && (float)g < INK_SHARE * (float)p)
                    SET_DATA_BIT(bd + y * bw, x);
            }
    }
    pixDestroy(&paper);
    int br = (int)lroundf(OPEN_MM * px_mm);
    br = br < 2 ? 2 : br;
    PIX *open = bin ? pixOpenBrick(NULL, bin, br, br) : NULL;
    pixDestroy(&bin);
    return open;
}

typedef struct blob {
    float x, y, size; /* centre, longer side of the box (work pixels) */
} blob;

typedef struct chain {
    int n;
    float angle;  /* degrees, counter-clockwise positive */
    float cx, cy; /* centre of the chain (work pixels) */
    float length; /* extent along the line */
    float size;   /* median letter box */
} chain;

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

typedef struct proj {
    float across, along;
    int i;
} proj;

static int cmp_across(const void *a, const void *b)
{
    float x = ((const proj *)a)->across, y = ((const proj *)b)->across;
    return (x > y) - (x < y);
}

static int cmp_along(const void *a, const void *b)
{
    float x = ((const proj *)a)->along, y = ((const proj *)b)->along;
    return (x > y) - (x < y);
}

/* The best chain of letter blobs on one tilted line; n = 0 when none. */
static chain find_chain(const blob *b, int nb, float px_per_mm)
{
    chain best;
    memset(&best, 0, sizeof best);
    proj *p = malloc((size_t)nb * sizeof *p), *g = malloc((size_t)nb * sizeof *g);
    if (!p || !g || nb < MIN_LETTERS)
        goto out;
    for (int deg = -MAX_DEG; deg <= MAX_DEG; deg++) {
        if (abs(deg) < MIN_DEG)
            continue;
        float a = (float)deg * 3.14159265f / 180.0f;
        /* Direction of the text (rising to the right for deg > 0, image y
         * down) and its normal. */
        float dx = cosf(a), dy = -sinf(a), nx = sinf(a), ny = cosf(a);
        for (int i = 0; i < nb; i++) {
            p[i].across = b[i].x * nx + b[i].y * ny;
            p[i].along = b[i].x * dx + b[i].y * dy;
            p[i].i = i;
        }
        qsort(p, (size_t)nb, sizeof *p, cmp_across);
        for (int s = 0; s < nb; s++) {
            /* Blobs whose centres lie within a third of this blob's size of
             * its line. */
            float tol = 0.3f * b[p[s].i].size;
            int ng = 0;
            for (int t = s; t < nb && p[t].across - p[s].across <= tol; t++) {
                float r = b[p[t].i].size / b[p[s].i].size;
                if (r > 0.5f && r < 2.0f)
                    g[ng++] = p[t];
            }
            if (ng < MIN_LETTERS || ng <= best.n)
                continue;
            qsort(g, (size_t)ng, sizeof *g, cmp_along);
            /* The longest run with letter-sized gaps. Where the stamp
             * crosses print its letters merge with it and drop out, so one
             * hole of a few letters is allowed in a run. */
            int run = 1, rs = 0, bestrun = 0, bestrs = 0;
            bool holed = false;
            for (int t = 1; t < ng; t++) {
                float gap = g[t].along - g[t - 1].along;
                float sz = 0.5f * (b[g[t].i].size + b[g[t - 1].i].size);
                if (gap > 0.25f * sz && gap < 1.6f * sz) {
                    run++;
                } else if (!holed && gap >= 1.6f * sz && gap < HOLE_LETTERS * sz) {
                    run++;
                    holed = true;
                } else {
                    run = 1;
                    rs = t;
                    holed = false;
                }
                if (run > bestrun) {
                    bestrun = run;
                    bestrs = rs;
                }
            }
            if (bestrun < MIN_LETTERS || bestrun <= best.n)
                continue;
            float sizes[64], sx = 0, sy = 0;
            int m = bestrun < 64 ? bestrun : 64;
            for (int t = 0; t < bestrun; t++) {
                const blob *q = &b[g[bestrs + t].i];
                sx += q->x;
                sy += q->y;
                if (t < m)
                    sizes[t] = q->size;
            }
            qsort(sizes, (size_t)m, sizeof sizes[0], cmp_float);
            /* The tilt of the least-squares line through the centres. */
            float mx = sx / (float)bestrun, my = sy / (float)bestrun, sxx = 0, sxy = 0;
            for (int t = 0; t < bestrun; t++) {
                const blob *q = &b[g[bestrs + t].i];
                sxx += (q->x - mx) * (q->x - mx);
                sxy += (q->x - mx) * (q->y - my);
            }
            float fit = sxx > 0 ? -atanf(sxy / sxx) * 180.0f / 3.14159265f : (float)deg;
            best.n = bestrun;
            best.angle = fabsf(fit - (float)deg) < 5.0f ? fit : (float)deg;
            best.cx = sx / (float)bestrun;
            best.cy = sy / (float)bestrun;
            best.length = g[bestrs + bestrun - 1].along - g[bestrs].along;
            best.size = sizes[m / 2];
        }
    }
    (void)px_per_mm;
out:
    free(p);
    free(g);
    return best;
}

/* Reads the band of chain c (work pixels) from region, upright, once. */
static const char *read_band(TessBaseAPI *api, PIX *region, float dpi, const chain *c,
                             float work_scale)
{
    const char *found = NULL;
    float k = 1.0f / work_scale; /* work pixels -> region pixels */
    float len = (c->length + 4.0f * c->size) * k, half = 0.5f * len;
    float cx = c->cx * k, cy = c->cy * k;
    int side = (int)(len + 2 * c->size * k);
    /* A white border as wide as half the square keeps the square, centred
     * on the chain, inside the picture. */
    PIX *bordered = pixAddBorder(region, side / 2 + 1, 255);
    if (!bordered)
        return NULL;
    BOX *box = boxCreate((int)cx + side / 2 + 1 - side / 2, (int)cy + side / 2 + 1 - side / 2,
                         side, side);
    PIX *padded = box ? pixClipRectangle(bordered, box, NULL) : NULL;
    boxDestroy(&box);
    pixDestroy(&bordered);
    if (!padded)
        return NULL;
    float rad = c->angle * 3.14159265f / 180.0f;
    PIX *rot = pixRotate(padded, rad, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    pixDestroy(&padded);
    if (!rot)
        return NULL;
    int W = (int)pixGetWidth(rot), H = (int)pixGetHeight(rot);
    int bh = (int)(2.0f * c->size * k);
    box = boxCreate((int)(W / 2 - half), H / 2 - bh / 2, (int)len, bh);
    PIX *band = box ? pixClipRectangle(rot, box, NULL) : NULL;
    boxDestroy(&box);
    pixDestroy(&rot);
    if (!band)
        return NULL;
    float s = READ_DPI / dpi;
    PIX *small = (s < 0.9f) ? pixScaleAreaMap(band, s, s) : pixClone(band);
    pixDestroy(&band);
    if (!small)
        return NULL;
    /* Only the stamp's strokes: ink as in the search, so that thin print
     * crossing the band is gone. */
    PIX *clean = stamp_ink(small, (s < 0.9f ? READ_DPI : dpi) / 25.4f);
    pixDestroy(&small);
    if (!clean)
        return NULL;
    PIX *framed = pixAddBorder(clean, 20, 0);
    pixDestroy(&clean);
    if (!framed)
        return NULL;
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
    TessBaseAPISetImage2(api, framed);
    TessBaseAPISetSourceResolution(api, (int)lroundf(s < 0.9f ? READ_DPI : dpi));
    if (TessBaseAPIRecognize(api, NULL) == 0) {
        TessResultIterator *it = TessBaseAPIGetIterator(api);
        char joined[128] = "";
        if (it) {
            int guard = 0;
            do {
                char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
                if (!t)
                    continue;
                float conf = TessResultIteratorConfidence(it, RIL_WORD);
                const char *w = ds_specimen_word(t);
                if (w && conf >= 40.0f && !found)
                    found = w;
                size_t l = strlen(joined);
                snprintf(joined + l, sizeof joined - l, "%s", t);
                TessDeleteText(t);
            } while (++guard < 64 && TessResultIteratorNext(it, RIL_WORD));
            TessResultIteratorDelete(it);
        }
        /* A word split in two ("SPECI MEN") reads whole when joined; the
         * joined line must be short (a stamp, not a line of text). */
        if (!found && strlen(joined) <= 24)
            found = ds_specimen_word(joined);
    }
    TessBaseAPIClear(api);
    pixDestroy(&framed);
    return found;
}

bool ds_specimen_find(TessBaseAPI *api, PIX *region, float dpi, char *word, size_t cap,
                      float *angle_deg)
{
    if (!api || !region || pixGetDepth(region) != 8 || dpi < 50 || !word || cap == 0)
        return false;
    bool ok = false;
    PIX *work = NULL, *open = NULL;
    BOXA *boxes = NULL;
    blob *b = NULL;
    float ws = WORK_DPI / dpi;
    work = (ws < 0.9f) ? pixScaleAreaMap(region, ws, ws) : pixClone(region);
    if (ws >= 0.9f)
        ws = 1.0f;
    if (!work)
        goto out;
    float px_mm = dpi * ws / 25.4f;
    open = stamp_ink(work, px_mm);
    if (!open)
        goto out;
    boxes = pixConnCompBB(open, 8);
    int n = boxes ? boxaGetCount(boxes) : 0;
    b = malloc(MAX_BLOBS * sizeof *b);
    if (!b)
        goto out;
    int nb = 0;
    for (int i = 0; i < n && nb < MAX_BLOBS; i++) {
        l_int32 x, y, w, h;
        if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h))
            continue;
        float lo = (float)(w > h ? w : h), sh = (float)(w < h ? w : h);
        if (lo < LETTER_MIN_MM * px_mm || lo > LETTER_MAX_MM * px_mm || sh < LETTER_THIN_MM * px_mm)
            continue;
        b[nb].x = (float)x + 0.5f * (float)w;
        b[nb].y = (float)y + 0.5f * (float)h;
        b[nb].size = lo;
        nb++;
    }
    chain c = find_chain(b, nb, px_mm);
    if (c.n >= MIN_LETTERS) {
        const char *w = read_band(api, region, dpi, &c, ws);
        if (w) {
            snprintf(word, cap, "%s", w);
            if (angle_deg)
                *angle_deg = c.angle;
            ok = true;
        }
    }
out:
    free(b);
    boxaDestroy(&boxes);
    pixDestroy(&open);
    pixDestroy(&work);
    return ok;
}
