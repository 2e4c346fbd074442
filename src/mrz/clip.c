/*
 * An MRZ that runs off the edge of the image: where its lines meet the
 * edge, which characters the edge cut away, its cut characters no ground
 * for a repair, and its failing checks misreadings (clip.h).
 */
#include "mrz/clip.h"

#include <math.h>
#include <string.h>

#define DS_PI 3.14159265358979323846
/* A glare that washes out one end of the lines (ds_mrzband_washed_end):
 * there the outermost character read is fainter than this share of the
 * line's median contrast against the paper, at the other end at least
 * WASH_KEPT of it; lines of less contrast than WASH_MIN_INK gray levels
 * are not judged. */
#define WASH_FADED 0.72f
#define WASH_KEPT 0.85f
#define WASH_MIN_INK 60

/*
 * Whether the outer edge (end e: 0 its left, 1 its right) of cell k of line
 * l, moved inset band pixels into the cell, lies on or beyond the page's
 * border, within a margin of 1.5 pixels and a tenth of the pitch.
 */
static int off_page(const ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy, int pw,
                    int ph, int l, int k, int e, float inset)
{
    double t = (b->rotation + b->skew_deg) * DS_PI / 180.0;
    float ct = (float)cos(t), st = (float)sin(t);
    float margin = 1.5f + 0.1f * b->pitch;
    const ds_cell *cl = &b->cell[l][k];
    float u = e ? (float)(cl->x + cl->w) - inset : (float)cl->x + inset;
    /* a cell cut short by the band's border: its edge a pitch from its other */
    if (inset > 0)
        u = e ? (float)cl->x + b->pitch - inset : (float)(cl->x + cl->w) - b->pitch + inset;
    float v = (float)cl->y + cl->h / 2.0f;
    float du = u - ucx, dv = v - ucy;
    /* band = R(t) page, so page = R(-t) band */
    float x = c->cx + ct * du + st * dv, y = c->cy - st * du + ct * dv;
    return x < margin || y < margin || x > (float)pw - 1 - margin || y > (float)ph - 1 - margin;
}

/*
 * Which ends of the lines run into the edge of the page: the outer edge of a
 * line's first (last) cell, taken back to the page, lies within a small
 * margin of the page's border or beyond it. A band point goes back to the
 * page by the band's whole turn (rotation and skew) about the candidate's
 * centre, at (ucx, ucy) in the band; the straightening of the last degree
 * is left out (a pixel or two at the ends). For a line that lacks
 * characters (ds_mrzband.missing) the margin is three quarters of a pitch
 * wider: a character the edge cut to a sliver is not among its cells.
 */
int ds_mrzband_clipped_ends(const ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy,
                        int pw, int ph)
{
    int clipped = 0;
    for (int l = 0; l < b->nlines; l++) {
        int n = b->nchars[l] - b->missing[l];
        if (n < 1)
            continue;
        /* a line that lacks characters: no room for one more before the edge */
        float inset = b->missing[l] ? -0.65f * b->pitch : 0.0f;
        for (int e = 0; e < 2; e++)
            if (off_page(b, c, ucx, ucy, pw, ph, l, e ? n - 1 : 0, e, inset))
                clipped |= e ? DS_MRZ_CLIPPED_END : DS_MRZ_CLIPPED_START;
    }
    return clipped;
}

/* Whether the page's edge lies within a pitch and a half beyond an end of
 * some line: room for at most one character more. */
int ds_mrzband_near_edge(const ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy, int pw,
                     int ph)
{
    for (int l = 0; l < b->nlines; l++)
        for (int e = 0; e < 2; e++)
            if (off_page(b, c, ucx, ucy, pw, ph, l, e ? b->nchars[l] - 1 : 0, e, -1.5f * b->pitch))
                return 1;
    return 0;
}

/*
 * A band whose lines were fitted for fewer characters than an MRZ line has
 * (segment: the visible ones first) is an MRZ cut by the image's edge only
 * when its lines run into the edge at one end, where the missing cells are
 * then put. On any clipped band, a character the edge cuts through (the
 * page ends inside its glyph, beyond a fifth of its cell from its outer
 * edge) is missing too: a sliver of a glyph is read as some other
 * character. Returns 0 when the band is no such MRZ.
 */
int ds_mrzband_place_missing(ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy, int pw,
                         int ph)
{
    int any = 0;
    for (int l = 0; l < b->nlines; l++)
        any |= b->missing[l] > 0;
    if (any && b->clipped != DS_MRZ_CLIPPED_START && b->clipped != DS_MRZ_CLIPPED_END)
        return 0;
    for (int l = 0; l < b->nlines; l++) {
        int n = b->nchars[l];
        /* the cells read: [lo, hi); a partial line's are [0, m) until placed */
        int lo = 0, hi = n - b->missing[l];
        if ((b->clipped & DS_MRZ_CLIPPED_START) && hi - lo > 1 &&
            off_page(b, c, ucx, ucy, pw, ph, l, lo, 0, 0.2f * b->pitch)) {
            b->cell[l][lo++].w = 0;
            b->missing[l]++;
        }
        if ((b->clipped & DS_MRZ_CLIPPED_END) && hi - lo > 1 &&
            off_page(b, c, ucx, ucy, pw, ph, l, hi - 1, 1, 0.2f * b->pitch)) {
            b->cell[l][--hi].w = 0;
            b->missing[l]++;
        }
        if (any && b->clipped == DS_MRZ_CLIPPED_START) {
            /* the cells read go to the end of the line, the missing before */
            int m = hi - lo;
            memmove(&b->cell[l][n - m], &b->cell[l][lo], sizeof(ds_cell) * (size_t)m);
            for (int k = 0; k < n - m; k++)
                b->cell[l][k].w = 0;
        }
    }
    return 1;
}

int ds_mrzband_reframe(ds_mrzband *b, int n)
{
    if (!b || b->nlines != 2 || (n != 36 && n != 44) || b->nchars[0] != b->nchars[1] ||
        (b->nchars[0] != 36 && b->nchars[0] != 44) || n == b->nchars[0] ||
        (b->clipped != DS_MRZ_CLIPPED_START && b->clipped != DS_MRZ_CLIPPED_END))
        return 0;
    int from = b->nchars[0];
    for (int l = 0; l < 2; l++)
        if (b->missing[l] <= 0 || from - b->missing[l] > 36)
            return 0;
    for (int l = 0; l < 2; l++) {
        int m = from - b->missing[l];
        if (b->clipped == DS_MRZ_CLIPPED_START) {
            memmove(&b->cell[l][n - m], &b->cell[l][from - m], sizeof(ds_cell) * (size_t)m);
            for (int k = 0; k < n - m; k++)
                b->cell[l][k].w = 0;
        } else {
            for (int k = m; k < n; k++)
                b->cell[l][k] = (ds_cell){0, b->cell[l][0].y, 0, b->cell[l][0].h};
        }
        b->nchars[l] = n;
        b->missing[l] = n - m;
    }
    return 1;
}


void ds_mrz_clip_chars(int clipped, const ds_mrz_char *const *in, const int *lens, int nlines,
                       ds_mrz_char out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE])
{
    if (nlines > DS_MRZ_MAX_LINES)
        nlines = DS_MRZ_MAX_LINES;
    for (int l = 0; l < nlines; l++) {
        int n = lens[l] < DS_MRZ_MAX_LINE ? lens[l] : DS_MRZ_MAX_LINE;
        /* the characters read: those not cut away (ds_mrz_char.cut) */
        int first = 0, last = n - 1;
        while (first < n && in[l][first].cut)
            first++;
        while (last >= 0 && in[l][last].cut)
            last--;
        for (int k = 0; k < n; k++) {
            out[l][k] = in[l][k];
            if (in[l][k].cut)
                continue;
            int cut = ((clipped & DS_MRZ_CLIPPED_START) && k < first + DS_MRZ_CLIP_CELLS) ||
                      ((clipped & DS_MRZ_CLIPPED_END) && k > last - DS_MRZ_CLIP_CELLS);
            if (cut) {
                out[l][k].p = 1.0f;
                out[l][k].alt = 0;
                out[l][k].alt_p = 0.0f;
            }
        }
    }
}

void ds_mrz_clip_mark(ds_mrz *m, int clipped)
{
    if (!m || !clipped)
        return;
    m->clipped = clipped;
    ds_mrz_misread *r = &m->misread;
    r->document_number |= m->checks.document_number == DS_CHECK_FAIL;
    r->birth_date |= m->checks.birth_date == DS_CHECK_FAIL;
    r->expiry_date |= m->checks.expiry_date == DS_CHECK_FAIL;
    r->optional_data |= m->checks.optional_data == DS_CHECK_FAIL;
    r->composite |= m->checks.composite == DS_CHECK_FAIL;
}

int ds_mrz_clip_code_fits(const ds_mrz *m)
{
    if (!m || m->nlines != 2)
        return 0;
    char c = m->lines[0][0];
    if (c == 'P')
        return m->type == DS_MRZ_TD3 ? 1 : -1;
    if (c == 'I' || c == 'A' || c == 'C')
        return m->type == DS_MRZ_TD2 ? 1 : -1;
    return 0;
}

/* The gray level below which share q of the pixels of box [x0, x1) x
 * [y0, y1) of the 8 bpp image lie (clipped to the image); -1 when the box
 * holds no pixel. */
static int box_quantile(PIX *pix, int x0, int y0, int x1, int y1, float q)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), hist[256] = {0}, n = 0;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > w ? w : x1;
    y1 = y1 > h ? h : y1;
    for (int y = y0; y < y1; y++) {
        const l_uint32 *row = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
        for (int x = x0; x < x1; x++, n++)
            hist[GET_DATA_BYTE(row, x)]++;
    }
    if (n == 0)
        return -1;
    int want = (int)(q * (float)n), v = 0;
    for (int acc = 0; v < 255 && (acc += hist[v]) <= want; v++)
        ;
    return v;
}

/* How much darker than paper the darkest fiftieth of cell k of line l is:
 * how dark its ink is, not how much of it there is (a glyph cut in half by
 * the image's edge keeps its darkest ink; under a glare all of it pales). */
static int cell_ink(PIX *raw, const ds_mrzband *b, int l, int k, int paper)
{
    const ds_cell *c = &b->cell[l][k];
    int d = box_quantile(raw, c->x, c->y, c->x + c->w, c->y + c->h, 0.02f);
    return d < 0 ? 0 : paper - d;
}

/* The contrast of each of the m first cells of line l of b against the
 * paper among them (cell_ink) into ink, and their median. */
static float line_inks(PIX *raw, const ds_mrzband *b, int l, int m, int *ink)
{
    const ds_cell *first = &b->cell[l][0], *last = &b->cell[l][m - 1];
    int paper = box_quantile(raw, first->x, first->y, last->x + last->w, first->y + first->h,
                             0.75f);
    int sorted[DS_MRZ_MAX_LINE];
    for (int k = 0; k < m; k++)
        sorted[k] = ink[k] = cell_ink(raw, b, l, k, paper);
    for (int k = 1; k < m; k++) /* insertion sort, for the median */
        for (int j = k; j > 0 && sorted[j - 1] > sorted[j]; j--) {
            int t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
        }
    return (float)sorted[m / 2];
}

int ds_mrzband_washed_end(ds_mrzband *b, PIX *raw)
{
    if (!b || !raw || pixGetDepth(raw) != 8)
        return 0;
    int ends = 0, lines = 0, ink[DS_MRZ_MAX_LINE];
    for (int l = 0; l < b->nlines; l++) {
        int m = b->nchars[l] - b->missing[l];
        if (b->missing[l] <= 0)
            continue;
        if (m < 8)
            return 0;
        float mid = line_inks(raw, b, l, m, ink);
        if (mid < WASH_MIN_INK)
            return 0;
        /* the glare's side: the outermost character read there fades, fainter
         * than the one inside it; the other side's does not */
        int fades[2];
        for (int e = 0; e < 2; e++) {
            int out = e ? ink[m - 1] : ink[0], in = e ? ink[m - 2] : ink[1];
            fades[e] = (float)out < WASH_FADED * mid && out < in;
            if (!fades[e] && (float)out < WASH_KEPT * mid)
                return 0; /* neither clearly faded nor clearly whole */
        }
        if (fades[0] == fades[1])
            return 0;
        ends |= fades[1] ? DS_MRZ_CLIPPED_END : DS_MRZ_CLIPPED_START;
        lines++;
    }
    if (!lines || (ends != DS_MRZ_CLIPPED_START && ends != DS_MRZ_CLIPPED_END))
        return 0;
    /* The faded characters are not read: half washed out, a glyph is read
     * as some other (like one the edge cuts through). */
    for (int l = 0; l < b->nlines; l++) {
        int m = b->nchars[l] - b->missing[l], drop = 0;
        if (b->missing[l] <= 0)
            continue;
        float mid = line_inks(raw, b, l, m, ink);
        while (m - drop > 8 &&
               (float)ink[ends == DS_MRZ_CLIPPED_END ? m - 1 - drop : drop] < WASH_FADED * mid)
            drop++;
        if (ends == DS_MRZ_CLIPPED_START)
            memmove(&b->cell[l][0], &b->cell[l][drop], sizeof(ds_cell) * (size_t)(m - drop));
        for (int k = m - drop; k < m; k++)
            b->cell[l][k] = (ds_cell){0, b->cell[l][0].y, 0, b->cell[l][0].h};
        b->missing[l] += drop;
    }
    return ends;
}
