/*
 * support.c: the words of a supporting page, from full-page OCR or from a
 * born-digital page's text layer, in one form (support.h).
 */
#include "page/support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "base/text.h"

static const char *const class_names[DS_PC_COUNT] = {
    "other",        "identity",         "birth_certificate", "marriage_certificate",
    "bank_statement", "payslip",        "employment_letter", "utility_bill",
    "tenancy_agreement", "police_certificate", "diploma",
};

const char *ds_page_class_name(ds_page_class c)
{
    return c >= 0 && c < DS_PC_COUNT ? class_names[c] : "other";
}

static int word_cmp(const void *a, const void *b)
{
    const ds_sup_word *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->box[0] != y->box[0])
        return x->box[0] < y->box[0] ? -1 : 1;
    return 0;
}

ds_error ds_sup_text_set(ds_sup_text *t, const ds_sup_word *words, int n)
{
    if (!t || n < 0 || (n > 0 && !words))
        return DS_ERR_USAGE;
    if (n > DS_SUP_WORDS_MAX)
        n = DS_SUP_WORDS_MAX;
    free(t->w);
    t->w = NULL;
    t->nwords = t->nlines = 0;
    t->mean_conf = 0;
    if (n == 0)
        return DS_OK;
    t->w = malloc((size_t)n * sizeof *t->w);
    if (!t->w)
        return DS_ERR_NOMEM;
    memcpy(t->w, words, (size_t)n * sizeof *t->w);
    qsort(t->w, (size_t)n, sizeof *t->w, word_cmp);
    /* Lines renumbered 0.. in order, with no gaps. */
    int line = -1, prev = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        if (i == 0 || t->w[i].line != prev)
            line++;
        prev = t->w[i].line;
        t->w[i].line = line;
        t->w[i].text[DS_SUP_WORD_MAX - 1] = 0;
        sum += t->w[i].conf;
    }
    t->nwords = n;
    t->nlines = line + 1;
    t->mean_conf = sum / n;
    return DS_OK;
}

void ds_sup_text_free(ds_sup_text *t)
{
    if (!t)
        return;
    free(t->w);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ ruling lines */

/* One ruling-line candidate of a binarised page: long and thin along x
 * (horizontal) or y (vertical), allowing a scan's skew of a few degrees. */
static bool rule_shape(const BOX *b, bool horizontal, double dpi)
{
    int len = horizontal ? b->w : b->h, thick = horizontal ? b->h : b->w;
    return len >= DS_SUP_RULE_MIN_IN * dpi && thick <= 0.04 * dpi + 2 + len * 0.06;
}

/* The share of ink in the band of the candidate's own thickness beside it
 * (above or below a horizontal one, left or right of a vertical one), of
 * the denser side. */
static double rule_side_ink(PIX *bin, const BOX *b, bool horizontal)
{
    int thick = horizontal ? b->h : b->w, band = thick > 3 ? thick : 3;
    int W = (int)pixGetWidth(bin), H = (int)pixGetHeight(bin);
    double most = 0;
    for (int side = 0; side < 2; side++) {
        int x = b->x, y = b->y, w = b->w, h = b->h;
        if (horizontal)
            y = side ? b->y + b->h : b->y - band, h = band;
        else
            x = side ? b->x + b->w : b->x - band, w = band;
        /* boxCreate cuts what lies left of or above the image, boxClipToRectangle
         * what lies beyond it; either gives NULL when nothing is left. */
        BOX *band_box = boxCreate(x, y, w, h);
        BOX *r = band_box ? boxClipToRectangle(band_box, W, H) : NULL;
        boxDestroy(&band_box);
        l_int32 n = 0;
        if (r && pixCountPixelsInRect(bin, r, &n, NULL) == 0 && (double)n / ((double)r->w * r->h) > most)
            most = (double)n / ((double)r->w * r->h);
        boxDestroy(&r);
    }
    return most;
}

/* Is candidate c (its box b) a rule, not the edge of a line of text: at
 * most DS_SUP_RULE_MEAN_IN thick on average (its pixels over its length: a
 * skewed rule's box is tall, its line thin) and with paper on both sides
 * (rule_side_ink)? */
static bool rule_thin(PIX *bin, PIX *c, const BOX *b, bool horizontal, double dpi)
{
    l_int32 px = 0;
    int len = horizontal ? b->w : b->h;
    if (pixCountPixels(c, &px, NULL) != 0 || len <= 0)
        return false;
    return (double)px / len <= DS_SUP_RULE_MEAN_IN * dpi + 1.5 &&
           rule_side_ink(bin, b, horizontal) <= DS_SUP_RULE_SIDE_INK;
}

/* The pixels of the ruling lines in one direction: an opening with a short
 * bar (0.15 in; a line tilted by a few degrees still has that many pixels in
 * one row or column) keeps the strokes of at least that length, and of
 * those only the long, thin components are lines (rule_thin). A band of
 * ink thick on average, or a run with ink in the band beside it, is a line
 * of text or its top or bottom edge, not a rule: the letters of a
 * photocopy, thickened and merged by their grey halo at the rule's light
 * threshold, leave such runs, and erasing them cut the text in half
 * ("CRIMINAL RECORD CERTIFICATE" read as "CPx IFICATE"). */
static int rules_dir(PIX *bin, PIX *mask, bool horizontal, double dpi)
{
    int bar = (int)lround(0.15 * dpi);
    if (bar < 5)
        bar = 5;
    PIX *open = horizontal ? pixOpenBrick(NULL, bin, bar, 1) : pixOpenBrick(NULL, bin, 1, bar);
    if (!open)
        return 0;
    PIXA *pixa = NULL;
    BOXA *boxa = pixConnComp(open, &pixa, 8);
    int n = boxa ? boxaGetCount(boxa) : 0, found = 0;
    for (int i = 0; i < n && pixa; i++) {
        BOX *b = boxaGetBox(boxa, i, L_CLONE);
        PIX *c = b && rule_shape(b, horizontal, dpi) ? pixaGetPix(pixa, i, L_CLONE) : NULL;
        if (c && !rule_thin(bin, c, b, horizontal, dpi))
            pixDestroy(&c);
        if (c) {
            pixRasterop(mask, b->x, b->y, b->w, b->h, PIX_PAINT, c, 0, 0);
            found++;
            pixDestroy(&c);
        }
        boxDestroy(&b);
    }
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    pixDestroy(&open);
    return found;
}

/* ------------------------------------------------------------ shaded cells */

static int odd_px(double v)
{
    int n = (int)lround(v);
    if (n < 3)
        n = 3;
    return n | 1;
}

/* Is the component (the mask m clipped to its box b, in a page w x h at
 * dpi) a shaded cell: a band of even height across at least
 * DS_SUP_SHADE_MIN_W_IN, clear of the image's edges? Each column's count
 * of set pixels is the band's height there (a skewed band keeps it; its
 * bounding box does not). */
static bool shade_cell(PIX *m, const BOX *b, int w, int h, double dpi)
{
    int edge = (int)lround(0.1 * dpi);
    if (b->w < DS_SUP_SHADE_MIN_W_IN * dpi || b->h < DS_SUP_SHADE_MIN_H_IN * dpi ||
        b->h > DS_SUP_SHADE_MAX_H_IN * dpi + b->w * 0.1 || b->x < edge || b->y < edge ||
        b->x + b->w > w - edge || b->y + b->h > h - edge)
        return false;
    int *col = calloc((size_t)b->w * 2, sizeof *col);
    if (!col)
        return false;
    int *top = col + b->w;
    l_uint32 *data = pixGetData(m);
    int wpl = pixGetWpl(m), mw = (int)pixGetWidth(m), mh = (int)pixGetHeight(m);
    for (int x = 0; x < b->w; x++)
        top[x] = -1;
    for (int y = 0; y < mh; y++) {
        l_uint32 *row = data + (size_t)y * wpl;
        for (int x = 0; x < mw && x < b->w; x++)
            if (GET_DATA_BIT(row, x)) {
                col[x]++;
                if (top[x] < 0)
                    top[x] = y;
            }
    }
    long sum = 0;
    for (int i = 0; i < b->w; i++)
        sum += col[i];
    double mean = (double)sum / b->w;
    int even = 0;
    for (int i = 0; i < b->w; i++)
        even += fabs(col[i] - mean) <= 0.3 * mean;
    /* A row of a table lies level, within a scan's tilt (6 degrees): the
     * top's height over the first and the last fifth of the columns. A
     * watermark's slanted stroke does not. */
    int fifth = b->w / 5 > 0 ? b->w / 5 : 1, n0 = 0, n1 = 0;
    double t0 = 0, t1 = 0;
    for (int i = 0; i < fifth; i++) {
        if (top[i] >= 0)
            t0 += top[i], n0++;
        if (top[b->w - 1 - i] >= 0)
            t1 += top[b->w - 1 - i], n1++;
    }
    bool level = n0 && n1 && fabs(t1 / n1 - t0 / n0) <= 0.1 * (b->w - fifth);
    free(col);
    return level && mean >= DS_SUP_SHADE_MIN_H_IN * dpi && mean <= DS_SUP_SHADE_MAX_H_IN * dpi &&
           even >= 0.8 * b->w;
}

/* Sets each column of a 1-bit image from its first set pixel to its last. */
static void fill_columns(PIX *m)
{
    l_uint32 *data = pixGetData(m);
    int wpl = pixGetWpl(m), mw = (int)pixGetWidth(m), mh = (int)pixGetHeight(m);
    for (int x = 0; x < mw; x++) {
        int top = -1, bottom = -1;
        for (int y = 0; y < mh; y++)
            if (GET_DATA_BIT(data + (size_t)y * wpl, x)) {
                if (top < 0)
                    top = y;
                bottom = y;
            }
        for (int y = top; top >= 0 && y <= bottom; y++)
            SET_DATA_BIT(data + (size_t)y * wpl, x);
    }
}

PIX *ds_sup_flatten_shade(PIX *gray, double dpi, int *ncells)
{
    if (ncells)
        *ncells = 0;
    if (!gray || pixGetDepth(gray) != 8 || dpi < 30)
        return NULL;
    /* Found on the page at half its resolution (a cell is a tenth of an
     * inch tall or more), lifted at the full one. */
    int red = dpi >= 100 ? 2 : 1;
    double rdpi = dpi / red;
    PIX *small = red > 1 ? pixScaleAreaMap2(gray) : pixClone(gray);
    if (!small)
        return NULL;
    int w = (int)pixGetWidth(small), h = (int)pixGetHeight(small);
    /* The paper around each pixel: a closing along y removes what is
     * lower than half an inch (a header row, text), one along x what is
     * narrower than three inches (a column of label cells); the brighter
     * of the two is the paper. A scanner's dark margin or a shadow larger
     * than both stays, and so is no shade. */
    PIX *cv = pixCloseGray(small, 1, odd_px(0.5 * rdpi));
    PIX *ch = pixCloseGray(small, odd_px(3.0 * rdpi), 1);
    PIX *paper = cv && ch ? pixMinOrMax(NULL, cv, ch, L_CHOOSE_MAX) : NULL;
    pixDestroy(&cv);
    pixDestroy(&ch);
    PIX *diff = paper ? pixSubtractGray(NULL, paper, small) : NULL;
    /* Shade: a little darker than that paper; ink is darker still. An
     * opening removes the fringes of letters and thin strokes (a stamp, a
     * signature), a closing fills the letters printed on the shade. */
    PIX *band = diff ? pixGenerateMaskByBand(diff, DS_SUP_SHADE_MIN, DS_SUP_SHADE_MAX, 1, 0) : NULL;
    int k1 = odd_px(0.06 * rdpi), k2 = odd_px(0.15 * rdpi);
    PIX *open = band ? pixOpenBrick(NULL, band, k1, k1) : NULL;
    PIX *mask = open ? pixCloseSafeBrick(NULL, open, k2, k2) : NULL;
    pixDestroy(&band);
    pixDestroy(&open);
    pixDestroy(&diff);
    PIX *out = NULL;
    BOXA *boxa = mask ? pixConnCompBB(mask, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0, found = 0;
    int fw = (int)pixGetWidth(gray), fh = (int)pixGetHeight(gray);
    for (int i = 0; i < n && paper; i++) {
        BOX *b = boxaGetBox(boxa, i, L_CLONE);
        PIX *cm = b ? pixClipRectangle(mask, b, NULL) : NULL;
        float bg = 0, pp = 0;
        if (cm && shade_cell(cm, b, w, h, rdpi) &&
            pixGetRankValueMasked(small, cm, b->x, b->y, 1, 0.5f, &bg, NULL) == 0 &&
            pixGetRankValueMasked(paper, cm, b->x, b->y, 1, 0.5f, &pp, NULL) == 0 && bg > 0 &&
            pp > bg && (out || (out = pixCopy(NULL, gray)) != NULL)) {
            /* The cell's shade is lifted to the paper around it, its text
             * kept in proportion (ink stays dark): each column of the cell
             * from its top to its bottom (letters cut into its edge). */
            fill_columns(cm);
            PIX *wide = pixDilateBrick(NULL, cm, 3, 3);
            l_uint32 *od = pixGetData(out), *md = wide ? pixGetData(wide) : NULL;
            int owpl = pixGetWpl(out), mwpl = wide ? pixGetWpl(wide) : 0;
            int cw = wide ? (int)pixGetWidth(wide) : 0, chh = wide ? (int)pixGetHeight(wide) : 0;
            double k = pp / bg;
            for (int y = b->y * red; md && y < (b->y + chh) * red && y < fh; y++) {
                l_uint32 *mrow = md + (size_t)(y / red - b->y) * mwpl;
                l_uint32 *orow = od + (size_t)y * owpl;
                for (int x = b->x * red; x < (b->x + cw) * red && x < fw; x++) {
                    if (!GET_DATA_BIT(mrow, x / red - b->x))
                        continue;
                    int nv = (int)lround(GET_DATA_BYTE(orow, x) * k);
                    SET_DATA_BYTE(orow, x, nv > 255 ? 255 : nv);
                }
            }
            pixDestroy(&wide);
            found++;
        }
        pixDestroy(&cm);
        boxDestroy(&b);
    }
    boxaDestroy(&boxa);
    pixDestroy(&mask);
    pixDestroy(&paper);
    pixDestroy(&small);
    if (ncells)
        *ncells = found;
    return out;
}

PIX *ds_sup_erase_rules(PIX *gray, double dpi, int *nrules)
{
    if (nrules)
        *nrules = 0;
    if (!gray || pixGetDepth(gray) != 8 || dpi < 30)
        return NULL;
    /* Ink: darker than the paper (the page's median) by DS_SUP_RULE_INK;
     * thin printed rules come out light gray once scanned and scaled. */
    NUMA *hist = pixGetGrayHistogram(gray, 2);
    int paper = 255;
    if (hist) {
        float total = 0, v;
        int k;
        for (k = 0; k < 256; k++) {
            numaGetFValue(hist, k, &v);
            total += v;
        }
        float acc = 0;
        for (k = 0; k < 256; k++) {
            numaGetFValue(hist, k, &v);
            acc += v;
            if (acc >= total / 2)
                break;
        }
        paper = k < 256 ? k : 255;
        numaDestroy(&hist);
    }
    int ink = paper - DS_SUP_RULE_INK;
    PIX *bin = ink > 40 ? pixConvertTo1(gray, ink) : NULL;
    PIX *mask = bin ? pixCreate(pixGetWidth(bin), pixGetHeight(bin), 1) : NULL;
    PIX *out = pixCopy(NULL, gray);
    if (!out || !mask) {
        pixDestroy(&bin);
        pixDestroy(&mask);
        return out; /* a page too dark to tell ink from paper: as it is */
    }
    int found = rules_dir(bin, mask, true, dpi) + rules_dir(bin, mask, false, dpi);
    if (found > 0) {
        /* The line's blurred edge goes with it. */
        PIX *wide = pixDilateBrick(NULL, mask, 3, 3);
        if (wide)
            pixSetMasked(out, wide, (l_uint32)paper);
        pixDestroy(&wide);
    }
    pixDestroy(&bin);
    pixDestroy(&mask);
    if (nrules)
        *nrules = found;
    return out;
}

/* Reads img (at dpi) with Tesseract into buf (DS_SUP_WORDS_MAX words),
 * boxes divided by scale into page pixels; *n words. */
static ds_error recognize_psm(TessBaseAPI *api, PIX *img, double dpi, double scale,
                              ds_sup_word *buf, int *n, TessPageSegMode psm, int *quarters)
{
    *n = 0;
    int votes[4] = {0, 0, 0, 0}; /* words per orientation of their block */
    int orient = 0;
    TessBaseAPISetPageSegMode(api, psm);
    TessBaseAPISetImage2(api, img);
    TessBaseAPISetSourceResolution(api, (int)lround(dpi));
    if (TessBaseAPIRecognize(api, NULL) != 0) {
        TessBaseAPIClear(api);
        return DS_ERR_INTERNAL;
    }
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (it) {
        const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
        int line = -1;
        do {
            if (TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE))
                line++;
            if (quarters && TessPageIteratorIsAtBeginningOf(pit, RIL_BLOCK)) {
                TessOrientation o = ORIENTATION_PAGE_UP;
                TessWritingDirection wdir;
                TessTextlineOrder order;
                float deskew;
                TessPageIteratorOrientation((TessPageIterator *)pit, &o, &wdir, &order, &deskew);
                orient = (int)o >= 0 && (int)o < 4 ? (int)o : 0;
            }
            if (*n >= DS_SUP_WORDS_MAX)
                break;
            char *s = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            if (!s)
                continue;
            int l, tp, r, b;
            /* Tesseract gives blank "words" for smudges; they are no text. */
            bool blank = s[strspn(s, " \t\r\n")] == 0;
            if (!blank && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &r, &b) && r > l &&
                b > tp) {
                ds_sup_word *wd = &buf[(*n)++];
                memset(wd, 0, sizeof *wd);
                ds_text_copy_utf8(wd->text, sizeof wd->text, s);
                wd->box[0] = (int)lround(l / scale);
                wd->box[1] = (int)lround(tp / scale);
                wd->box[2] = (int)lround((r - l) / scale);
                wd->box[3] = (int)lround((b - tp) / scale);
                wd->conf = TessResultIteratorConfidence(it, RIL_WORD);
                wd->line = line < 0 ? 0 : line;
                votes[orient]++;
            }
            TessDeleteText(s);
        } while (TessResultIteratorNext(it, RIL_WORD));
        TessResultIteratorDelete(it);
    }
    TessBaseAPIClear(api);
    if (quarters) {
        /* The orientation most words' blocks have; the page's "up" at its
         * left is turned a quarter clockwise, at its right three. */
        static const int turn[4] = {0, 3, 2, 1};
        int best = 0;
        for (int o = 1; o < 4; o++)
            if (votes[o] > votes[best])
                best = o;
        *quarters = turn[best];
    }
    return DS_OK;
}

/* Reads img (at dpi) with Tesseract into buf (DS_SUP_WORDS_MAX words),
 * boxes divided by scale into page pixels; *n words. */
static ds_error recognize(TessBaseAPI *api, PIX *img, double dpi, double scale, ds_sup_word *buf,
                          int *n)
{
    return recognize_psm(api, img, dpi, scale, buf, n, PSM_AUTO, NULL);
}

/* Turns box (x, y, w, h) of a W x H page by quarters clockwise. */
static void box_turn(int box[4], int W, int H, int quarters)
{
    int x = box[0], y = box[1], bw = box[2], bh = box[3];
    switch (quarters) {
    case 1:
        box[0] = H - (y + bh), box[1] = x, box[2] = bh, box[3] = bw;
        break;
    case 2:
        box[0] = W - (x + bw), box[1] = H - (y + bh);
        break;
    case 3:
        box[0] = y, box[1] = W - (x + bw), box[2] = bh, box[3] = bw;
        break;
    default:
        break;
    }
}

/* Do most words of the reading stand on end (a page lying sideways whose
 * lines Tesseract read vertically)? */
static bool words_on_end(const ds_sup_word *w, int n)
{
    int tall = 0, long_words = 0;
    for (int i = 0; i < n; i++) {
        if (strlen(w[i].text) < 4)
            continue;
        long_words++;
        tall += w[i].box[3] > 2 * w[i].box[2];
    }
    return long_words >= 10 && tall * 2 > long_words;
}

static double mean_conf(const ds_sup_word *w, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i].conf;
    return n > 0 ? sum / n : 0;
}

/* The words read at DS_SUP_REREAD_CONF or better. */
static int clear_words(const ds_sup_word *w, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += w[i].conf >= DS_SUP_REREAD_CONF;
    return k;
}

static bool poorly_read(const ds_sup_word *w, int n)
{
    return n < DS_SUP_REREAD_WORDS || mean_conf(w, n) < DS_SUP_REREAD_CONF;
}

/* Reads img into *buf (DS_SUP_WORDS_MAX words, may be replaced), *n words.
 * A page read as (almost) nothing may be one Tesseract's binarisation lost
 * whole: paper darkened unevenly (a bright spot, a dark corner) under a
 * global threshold. It is read once more with its background flattened,
 * and the reading with more words is kept; a page read as words is never
 * read twice. */
static ds_error read_words(TessBaseAPI *api, PIX *img, double dpi, double scale,
                           ds_sup_word **buf, int *n)
{
    ds_error err = recognize(api, img, dpi, scale, *buf, n);
    if (err != DS_OK || !poorly_read(*buf, *n))
        return err;
    PIX *even = pixBackgroundNormSimple(img, NULL, NULL);
    ds_sup_word *buf2 = even ? malloc(sizeof *buf2 * DS_SUP_WORDS_MAX) : NULL;
    int n2 = 0;
    if (buf2 && recognize(api, even, dpi, scale, buf2, &n2) == DS_OK &&
        (*n < DS_SUP_REREAD_WORDS ? n2 > *n : clear_words(buf2, n2) > clear_words(*buf, *n))) {
        free(*buf);
        *buf = buf2;
        buf2 = NULL;
        *n = n2;
    }
    free(buf2);
    pixDestroy(&even);
    return DS_OK;
}

void ds_sup_box_to_page(const ds_sup_text *t, int box[4])
{
    if (!t || !box || t->turned == 0)
        return;
    /* The page as it lies is W x H; the upright frame is the page turned
     * clockwise by t->turned. */
    int uw = t->page_w, uh = t->page_h;
    int x = box[0], y = box[1], bw = box[2], bh = box[3];
    switch (t->turned) {
    case 90: /* upright (u, v) came from (v, H - 1 - u); H = uw */
        box[0] = y, box[1] = uw - (x + bw), box[2] = bh, box[3] = bw;
        break;
    case 180:
        box[0] = uw - (x + bw), box[1] = uh - (y + bh);
        break;
    case 270: /* upright (u, v) came from (W - 1 - v, u); W = uh */
        box[0] = uh - (y + bh), box[1] = x, box[2] = bh, box[3] = bw;
        break;
    default:
        break;
    }
}

ds_error ds_sup_read_ocr(TessBaseAPI *api, PIX *gray, int dpi, int ocr_dpi, ds_sup_text *out)
{
    if (!api || !gray || !out)
        return DS_ERR_USAGE;
    memset(out, 0, sizeof *out);
    double t0 = ds_now_ms();
    if (ocr_dpi <= 0)
        ocr_dpi = DS_SUP_OCR_DPI;
    int w = (int)pixGetWidth(gray), h = (int)pixGetHeight(gray);
    /* Without a declared resolution the paper is taken for A4 or Letter
     * (8.27-8.5 in across its shorter side). */
    int short_side = w < h ? w : h;
    double page_dpi = dpi > 0 ? dpi : short_side / 8.3;
    double scale = page_dpi > ocr_dpi ? ocr_dpi / page_dpi : 1.0;
    PIX *img = NULL;
    if (scale < 0.95)
        img = pixScaleGrayLI(gray, (float)scale, (float)scale);
    else {
        scale = 1.0;
        img = pixClone(gray);
    }
    if (!img)
        return DS_ERR_NOMEM;
    /* A label on a shaded cell is read as noise, and the cell taken for a
     * thick rule and whitened with its text: shaded cells are lifted to
     * the paper's tone first. */
    PIX *flat = ds_sup_flatten_shade(img, page_dpi * scale, &out->shaded_cells);
    if (flat) {
        pixDestroy(&img);
        img = flat;
    }
    /* Box borders and table rules are read as "|", "[" or "l" glued to the
     * words beside them (a name read as "[Sola", a date as "||05/10r2026"):
     * they are whitened before the page is read. */
    PIX *clean = ds_sup_erase_rules(img, page_dpi * scale, NULL);
    if (clean) {
        pixDestroy(&img);
        img = clean;
    }
    ds_sup_word *buf = malloc(sizeof *buf * DS_SUP_WORDS_MAX);
    if (!buf) {
        pixDestroy(&img);
        return DS_ERR_NOMEM;
    }
    int n = 0;
    ds_error err = read_words(api, img, page_dpi * scale, scale, &buf, &n);
    /* A page placed sideways or upside down in the scanner reads as few
     * words or as garbage: where its letters say with confidence which way
     * is up, it is read once more turned upright, and the reading with
     * more clear words is kept. A page read well is never turned. */
    int quarters = 0;
    if (err == DS_OK && (poorly_read(buf, n) || words_on_end(buf, n))) {
        /* Tesseract's own orientation test (osd.traineddata) with the
         * reading: its words' boxes come back on the page as it lies. */
        ds_sup_word *buf2 = malloc(sizeof *buf2 * DS_SUP_WORDS_MAX);
        int n2 = 0, q = 0;
        if (buf2 &&
            recognize_psm(api, img, page_dpi * scale, scale, buf2, &n2, PSM_AUTO_OSD, &q) ==
                DS_OK &&
            q != 0 && clear_words(buf2, n2) >= clear_words(buf, n)) {
            for (int i = 0; i < n2; i++)
                box_turn(buf2[i].box, w, h, q);
            free(buf);
            buf = buf2;
            buf2 = NULL;
            n = n2;
            quarters = q;
        }
        free(buf2);
    }
    /* Letters no word covers: a block the automatic segmentation took for
     * a picture (a copy of a copy in its dark frame read as its title
     * alone). The page is read once more as sparse text, and its words
     * fill the places left empty. A page whose letters were read is never
     * read twice. */
    out->lost_letters = -1;
    if (err == DS_OK && quarters == 0) {
        int letters = 0;
        out->lost_letters = ds_sup_lost_letters(img, page_dpi * scale, buf, n, scale, &letters);
        ds_sup_word *buf2 = ds_sup_text_lost(out->lost_letters, letters)
                                ? malloc(sizeof *buf2 * DS_SUP_WORDS_MAX)
                                : NULL;
        int n2 = 0;
        if (buf2 && recognize_psm(api, img, page_dpi * scale, scale, buf2, &n2, PSM_SPARSE_TEXT,
                                  NULL) == DS_OK) {
            int before = n;
            n = ds_sup_merge_words(buf, n, DS_SUP_WORDS_MAX, buf2, n2);
            out->sparse_words = n - before;
        }
        free(buf2);
    }
    if (err != DS_OK)
        goto done;
    err = ds_sup_text_set(out, buf, n);
done:
    TessBaseAPIClear(api);
    free(buf);
    pixDestroy(&img);
    out->source = DS_SUP_SRC_OCR;
    out->turned = quarters * 90;
    out->page_w = quarters % 2 ? h : w;
    out->page_h = quarters % 2 ? w : h;
    out->scale_pct = (int)lround(scale * 100);
    out->ms = ds_now_ms() - t0;
    return err;
}

/* The largest coordinate or size of a text-layer word, in pixels. */
#define SUP_COORD_MAX (1 << 20)

typedef struct layer_ref {
    int idx;
    double cy;
} layer_ref;

static int ref_cmp(const void *a, const void *b)
{
    const layer_ref *x = a, *y = b;
    return x->cy < y->cy ? -1 : x->cy > y->cy ? 1 : x->idx - y->idx;
}

ds_error ds_sup_read_layer(const ds_text_layer *layer, ds_sup_text *out)
{
    if (!layer || !out || layer->nwords < 0 || (layer->nwords > 0 && !layer->word))
        return DS_ERR_USAGE;
    memset(out, 0, sizeof *out);
    double t0 = ds_now_ms();
    int n = layer->nwords < DS_SUP_WORDS_MAX ? layer->nwords : DS_SUP_WORDS_MAX;
    ds_sup_word *buf = malloc(sizeof *buf * DS_SUP_WORDS_MAX);
    layer_ref *ref = n ? malloc(sizeof *ref * (size_t)n) : NULL;
    ds_error err = DS_OK;
    if (!buf || (n && !ref)) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
        const ds_text_word *tw = &layer->word[i];
        /* Boxes beyond any page (a hostile layer) are dropped, so that no
         * sum of coordinates can overflow. */
        if (!tw->text || !tw->text[0] || tw->box[2] <= 0 || tw->box[3] <= 0 ||
            tw->box[0] < 0 || tw->box[1] < 0 || tw->box[0] > SUP_COORD_MAX ||
            tw->box[1] > SUP_COORD_MAX || tw->box[2] > SUP_COORD_MAX ||
            tw->box[3] > SUP_COORD_MAX)
            continue;
        ref[m].idx = i;
        ref[m].cy = tw->box[1] + tw->box[3] / 2.0;
        m++;
    }
    if (m > 1)
        qsort(ref, (size_t)m, sizeof *ref, ref_cmp);
    /* A word joins the current line while its centre lies within the
     * line's first word's height band. A run holding spaces is cut into
     * words, each given its share of the run's width by its characters. */
    int line = -1, nb = 0;
    double band_top = 0, band_bot = -1;
    for (int k = 0; k < m && nb < DS_SUP_WORDS_MAX; k++) {
        const ds_text_word *tw = &layer->word[ref[k].idx];
        if (ref[k].cy > band_bot || ref[k].cy < band_top) {
            line++;
            band_top = tw->box[1];
            band_bot = tw->box[1] + tw->box[3];
        }
        size_t len = strlen(tw->text);
        const char *s = tw->text;
        size_t pos = 0;
        while (pos < len && nb < DS_SUP_WORDS_MAX) {
            while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
                pos++;
            size_t start = pos;
            while (pos < len && s[pos] != ' ' && s[pos] != '\t')
                pos++;
            if (pos == start)
                break;
            ds_sup_word *wd = &buf[nb++];
            memset(wd, 0, sizeof *wd);
            size_t wl = pos - start < DS_SUP_WORD_MAX - 1 ? pos - start : DS_SUP_WORD_MAX - 1;
            while (wl > 0 && start + wl < pos && ((unsigned char)s[start + wl] & 0xC0) == 0x80)
                wl--; /* never cut a UTF-8 sequence */
            char tmp[DS_SUP_WORD_MAX];
            memcpy(tmp, s + start, wl);
            tmp[wl] = 0;
            ds_text_copy_utf8(wd->text, sizeof wd->text, tmp);
            wd->box[0] = tw->box[0] + (int)((double)tw->box[2] * (double)start / (double)len);
            wd->box[1] = tw->box[1];
            wd->box[2] = (int)((double)tw->box[2] * (double)(pos - start) / (double)len);
            if (wd->box[2] < 1)
                wd->box[2] = 1;
            wd->box[3] = tw->box[3];
            wd->conf = 100;
            wd->line = line;
        }
    }
    m = nb;
    err = ds_sup_text_set(out, buf, m);
out:
    free(buf);
    free(ref);
    out->source = DS_SUP_SRC_TEXT_LAYER;
    out->scale_pct = 100;
    out->ms = ds_now_ms() - t0;
    return err;
}

/* The words' SimHash: for a page with too few numbers to fingerprint. */
static bool text_simhash(const ds_sup_text *t, uint64_t *out)
{
    int v[64] = {0};
    int used = 0;
    for (int i = 0; i < t->nwords; i++) {
        if (t->w[i].conf < 80)
            continue;
        char f[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, f, sizeof f);
        for (char *save = NULL, *p = strtok_r(f, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
            if (strlen(p) < 3)
                continue;
            uint64_t h = 1469598103934665603ULL; /* FNV-1a */
            bool digit = false;
            for (const char *q = p; *q; q++) {
                h ^= (unsigned char)*q;
                h *= 1099511628211ULL;
                digit |= *q >= '0' && *q <= '9';
            }
            int w = digit ? 2 : 1;
            for (int b = 0; b < 64; b++)
                v[b] += (h >> b) & 1 ? w : -w;
            used++;
        }
    }
    if (used < 20)
        return false;
    uint64_t r = 0;
    for (int b = 0; b < 64; b++)
        if (v[b] > 0)
            r |= 1ULL << b;
    *out = r;
    return true;
}

/* splitmix64's finaliser: a 64-bit mix with every input bit reaching every
 * output bit. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The digits of a word that holds a number, OCR's letters for digits
 * inside it read as digits ("1O.O4.2O25" -> 10042025); 0 when the word
 * has no digit. */
static size_t word_digits(const char *w, char *out, size_t cap)
{
    size_t n = 0;
    bool any = false;
    for (const char *p = w; *p; p++)
        any |= *p >= '0' && *p <= '9';
    if (!any)
        return 0;
    for (const char *p = w; *p && n + 1 < cap; p++) {
        char c = *p;
        if (c == 'O' || c == 'o')
            c = '0';
        else if (c == 'l' || c == 'I' || c == '|')
            c = '1';
        if (c >= '0' && c <= '9')
            out[n++] = c;
    }
    out[n] = 0;
    return n;
}

bool ds_sup_text_fingerprint(const ds_sup_text *t, uint64_t *out)
{
    if (!t || !out || t->nwords < 0 || (t->nwords > 0 && !t->w))
        return false;
    /* The set of the page's numbers (two digits or more: dates, amounts,
     * references, account numbers), each hashed once. */
    uint64_t *feat = t->nwords ? malloc(sizeof *feat * (size_t)t->nwords) : NULL;
    if (t->nwords && !feat)
        return text_simhash(t, out);
    int n = 0, longs = 0;
    for (int i = 0; i < t->nwords; i++) {
        char d[DS_SUP_WORD_MAX];
        size_t len = word_digits(t->w[i].text, d, sizeof d);
        if (len < 2 || t->w[i].conf < (len >= 4 ? DS_SUP_FP_MIN_CONF / 2 : DS_SUP_FP_MIN_CONF))
            continue;
        uint64_t h = 1469598103934665603ULL; /* FNV-1a */
        for (size_t k = 0; k < len; k++) {
            h ^= (unsigned char)d[k];
            h *= 1099511628211ULL;
        }
        /* the top byte holds the length (under 48); an amount ("804.10",
         * "1.069,01") counts as a short number: a table's amounts are lost
         * with their row */
        const char *w = t->w[i].text;
        size_t wl = strlen(w);
        while (wl > 0 && !(w[wl - 1] >= '0' && w[wl - 1] <= '9'))
            wl--;
        bool amount = wl >= 4 && (w[wl - 3] == '.' || w[wl - 3] == ',') &&
                      w[wl - 2] >= '0' && w[wl - 2] <= '9';
        feat[n++] = (h & 0x00FFFFFFFFFFFFFFULL) | ((uint64_t)(amount && len > 3 ? 3 : len) << 56);
    }
    if (n > 1)
        qsort(feat, (size_t)n, sizeof *feat, u64_cmp);
    int u = 0;
    for (int i = 0; i < n; i++)
        if (u == 0 || feat[i] != feat[u - 1])
            feat[u++] = feat[i];
    for (int i = 0; i < u; i++)
        longs += (int)(feat[i] >> 56) >= 4;
    if (u < DS_SUP_FP_MIN_NUMBERS || longs < 2) {
        free(feat);
        return text_simhash(t, out);
    }
    /* With enough long numbers (dates, references, accounts), the short
     * ones are left out: a fax or a photocopy loses or misreads a day, a
     * house number or a small amount far more often than a long number. */
    if (longs >= DS_SUP_FP_MIN_NUMBERS) {
        int k = 0;
        for (int i = 0; i < u; i++)
            if ((int)(feat[i] >> 56) >= 4)
                feat[k++] = feat[i];
        u = k;
    }
    /* One-bit MinHash: bit k is a hash bit (k's own) of the number whose
     * k-th hash is the smallest. Two sets with a share J of their numbers
     * in common differ in about 32 * (1 - J) bits. */
    uint64_t r = 0;
    for (int k = 0; k < 64; k++) {
        uint64_t seed = mix64(0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1));
        uint64_t best = UINT64_MAX, arg = 0;
        for (int i = 0; i < u; i++) {
            uint64_t v = mix64(feat[i] ^ seed);
            if (v < best) {
                best = v;
                arg = feat[i];
            }
        }
        if (mix64(arg + seed * 3 + 1) & 1)
            r |= 1ULL << k;
    }
    free(feat);
    *out = r;
    return true;
}
