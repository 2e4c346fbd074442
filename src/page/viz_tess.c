/*
 * viz_tess.c: the VIZ reader's Tesseract passes (viz_tess.h). This file
 * must never set tessedit_char_whitelist (it makes the LSTM engine several
 * times slower) and never trust a recognised string's length: every word
 * is cut to DS_VIZ_WORD_MAX at a UTF-8 boundary and no more words are kept
 * than the caller's buffer holds.
 */
#include "page/viz_tess.h"
#include "base/text.h"

#include <ctype.h>
#include <stdbool.h>

/* Paper added round a line enlarged by ds_viz_tess_scaled, in pixels. */
#define SCALED_PAD 12

/* The lowest symbol confidence of the letters and digits of the word the
 * iterator is at. Tesseract's word confidence mixes in how sure it is of
 * the word as a whole (a number such as PG9629853 scores 55 with every
 * character read at 99); a misread character scores low on its own. */
static float symbol_min(const TessResultIterator *it)
{
    float m = 100.0f;
    TessResultIterator *c = TessResultIteratorCopy(it);
    if (!c)
        return 0.0f;
    const TessPageIterator *pc = TessResultIteratorGetPageIteratorConst(c);
    for (int guard = 0; guard < DS_VIZ_WORD_MAX; guard++) {
        char *s = TessResultIteratorGetUTF8Text(c, RIL_SYMBOL);
        bool alnum = false;
        for (const char *q = s; q && *q; q++)
            alnum = alnum || isalnum((unsigned char)*q);
        TessDeleteText(s);
        if (alnum) {
            float cf = TessResultIteratorConfidence(c, RIL_SYMBOL);
            m = cf < m ? cf : m;
        }
        if (TessPageIteratorIsAtFinalElement(pc, RIL_WORD, RIL_SYMBOL) ||
            !TessResultIteratorNext(c, RIL_SYMBOL))
            break;
    }
    TessResultIteratorDelete(c);
    return m < 0.0f ? 0.0f : m;
}

/*
 * Reads the single line of text inside box (x, y, w, h of the OCR image)
 * again, as one line (PSM 7): a value printed just below its label is read
 * far more reliably alone than among the labels. Fills buf[cap] with the
 * words (coordinates of the whole image) and returns their number.
 */
int ds_viz_tess_line(TessBaseAPI *api, PIX *img, int x, int y, int w, int h, ds_viz_word *buf,
                     int cap)
{
    int n = 0;
    int *nbuf = &n;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    if (x < 0) {
        w += x;
        x = 0;
    }
    if (y < 0) {
        h += y;
        y = 0;
    }
    if (x + w > iw)
        w = iw - x;
    if (y + h > ih)
        h = ih - y;
    if (w < 8 || h < 8)
        return 0;
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
    TessBaseAPISetImage2(api, img);
    TessBaseAPISetRectangle(api, x, y, w, h);
    *nbuf = 0;
    if (TessBaseAPIRecognize(api, NULL) == 0) {
        TessResultIterator *it = TessBaseAPIGetIterator(api);
        if (it) {
            const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
            do {
                if (*nbuf >= cap)
                    break;
                char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
                if (!t)
                    continue;
                int l, tp, rr, b;
                if (t[0] && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &rr, &b) &&
                    rr > l && b > tp) {
                    ds_viz_word *wd = &buf[*nbuf];
                    ds_text_copy_utf8(wd->text, sizeof wd->text, t);
                    wd->x0 = l;
                    wd->y0 = tp;
                    wd->x1 = rr;
                    wd->y1 = b;
                    wd->conf = TessResultIteratorConfidence(it, RIL_WORD);
                    wd->cmin = symbol_min(it);
                    (*nbuf)++;
                }
                TessDeleteText(t);
            } while (TessResultIteratorNext(it, RIL_WORD));
            TessResultIteratorDelete(it);
        }
    }
    TessBaseAPIClear(api);
    return n;
}

/* The passes a value is re-read in: upscale, and Otsu-binarised or not. */
static const struct reread_pass {
    float scale;
    bool bin;
} reread_passes[DS_VIZ_PASSES] = {{2.0f, false}, {2.0f, true}, {3.0f, true}, {1.5f, false}};

/* One pass over a prepared crop (PSM_SINGLE_LINE); the words read into
 * buf, their number returned. */
int ds_viz_tess_crop(TessBaseAPI *api, PIX *img, const ds_viz_crop *c, int pass, ds_viz_word *buf,
                     int cap)
{
    if (!c->ok)
        return 0;
    float scale = reread_passes[pass].scale;
    BOX *b = boxCreate(c->box[0], c->box[1], c->box[2], c->box[3]);
    PIX *cp = b ? pixClipRectangle(img, b, NULL) : NULL;
    boxDestroy(&b);
    PIX *u = cp ? pixScaleGrayLI(cp, scale, scale) : NULL;
    pixDestroy(&cp);
    if (!u)
        return 0;
    if (reread_passes[pass].bin) {
        PIX *bin = c->thr > 0 ? pixThresholdToBinary(u, c->thr) : NULL;
        pixDestroy(&u);
        if (!bin)
            return 0;
        u = bin;
    }
    int n = ds_viz_tess_line(api, u, 0, 0, (int)pixGetWidth(u), (int)pixGetHeight(u), buf, cap);
    pixDestroy(&u);
    return n;
}

void ds_viz_tess_words(TessBaseAPI *api, ds_viz_page *pg)
{
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (!it)
        return;
    const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
    int line = -1;
    do {
        if (TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE))
            line++;
        if (pg->nw >= DS_VIZ_PAGE_WORDS)
            break;
        char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
        if (!t)
            continue;
        int l, tp, rr, b;
        if (TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &rr, &b) && t[0]) {
            ds_viz_word *w = &pg->w[pg->nw];
            ds_text_copy_utf8(w->text, sizeof w->text, t);
            w->x0 = l;
            w->y0 = tp;
            w->x1 = rr;
            w->y1 = b;
            w->conf = TessResultIteratorConfidence(it, RIL_WORD);
            w->cmin = symbol_min(it);
            w->line = line;
            w->bar = false;
            if (rr > l && b > tp)
                pg->nw++;
        }
        TessDeleteText(t);
    } while (TessResultIteratorNext(it, RIL_WORD));
    TessResultIteratorDelete(it);
}

int ds_viz_tess_scaled(TessBaseAPI *api, PIX *img, const int box[4], float scale, int sharpen,
                       ds_viz_word *buf, int cap)
{
    if (!api || !img || !box || box[2] < 2 || box[3] < 2 || scale <= 0.0f)
        return 0;
    BOX *b = boxCreate(box[0], box[1], box[2], box[3]);
    PIX *cp = b ? pixClipRectangle(img, b, NULL) : NULL;
    boxDestroy(&b);
    PIX *u = cp ? pixScaleGrayLI(cp, scale, scale) : NULL;
    /* Paper around the line: Tesseract misreads glyphs that touch the
     * image's edge. */
    l_uint32 paper = 255;
    if (cp)
        pixGetRankValue(cp, 1, 0.8f, &paper);
    pixDestroy(&cp);
    /* Enlarging by interpolation blurs the strokes of 5-pixel glyphs
     * into each other (D read as O, "no." lost); an unsharp mask gives
     * them back their edges. */
    if (u) {
        PIX *sh = pixUnsharpMaskingGray(u, sharpen, 1.5f);
        pixDestroy(&u);
        u = sh;
    }
    if (u) {
        PIX *pad = pixAddBorder(u, SCALED_PAD, paper);
        pixDestroy(&u);
        u = pad;
    }
    if (!u)
        return 0;
    int n = ds_viz_tess_line(api, u, 0, 0, (int)pixGetWidth(u), (int)pixGetHeight(u), buf, cap);
    pixDestroy(&u);
    /* Back into img's frame. */
    for (int i = 0; i < n; i++) {
        ds_viz_word *w = &buf[i];
        w->x0 = box[0] + (int)((float)(w->x0 - SCALED_PAD) / scale);
        w->x1 = box[0] + (int)((float)(w->x1 - SCALED_PAD) / scale);
        w->y0 = box[1] + (int)((float)(w->y0 - SCALED_PAD) / scale);
        w->y1 = box[1] + (int)((float)(w->y1 - SCALED_PAD) / scale);
    }
    return n;
}
