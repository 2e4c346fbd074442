/*
 * phash: the dHash of a page image (contract in phash.h).
 *
 * The page is converted to 8-bit gray and reduced to 9x8 by area averaging
 * computed here (each output pixel is the mean of its block of source
 * pixels), so the result does not depend on a scaler's sampling choices and
 * is stable under recompression and mild rescaling. This file must never
 * modify the caller's image.
 */
#include "forensics/phash.h"

#include <stdlib.h>

#define DH_W 9
#define DH_H 8

int ds_hamming64(uint64_t a, uint64_t b)
{
    uint64_t x = a ^ b;
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

ds_error ds_image_dhash(PIX *pix, uint64_t *out)
{
    if (!pix || !out)
        return DS_ERR_USAGE;
    l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix);
    if (w < DH_W || h < DH_H)
        return DS_ERR_USAGE;
    PIX *gray = NULL;
    if (pixGetDepth(pix) == 8 && !pixGetColormap(pix))
        gray = pixClone(pix);
    else
        gray = pixConvertTo8(pix, 0);
    if (!gray)
        return DS_ERR_NOMEM;
    double cell[DH_H][DH_W];
    l_uint32 *data = pixGetData(gray);
    l_int32 wpl = pixGetWpl(gray);
    for (int cy = 0; cy < DH_H; cy++) {
        int y0 = (int)((int64_t)cy * h / DH_H), y1 = (int)((int64_t)(cy + 1) * h / DH_H);
        for (int cx = 0; cx < DH_W; cx++) {
            int x0 = (int)((int64_t)cx * w / DH_W), x1 = (int)((int64_t)(cx + 1) * w / DH_W);
            double sum = 0;
            for (int y = y0; y < y1; y++) {
                l_uint32 *row = data + (size_t)y * (size_t)wpl;
                for (int x = x0; x < x1; x++)
                    sum += GET_DATA_BYTE(row, x);
            }
            cell[cy][cx] = sum / ((double)(y1 - y0) * (double)(x1 - x0));
        }
    }
    pixDestroy(&gray);
    uint64_t hash = 0;
    for (int cy = 0; cy < DH_H; cy++)
        for (int cx = 0; cx < DH_W - 1; cx++)
            hash = (hash << 1) | (cell[cy][cx] > cell[cy][cx + 1] ? 1u : 0u);
    *out = hash;
    return DS_OK;
}

/*
 * The part of page that shows the document, upright: around the MRZ when
 * one was read (the data page is above it and about as wide), else the
 * bounding box of everything that is not blank paper. A scanner bed or a
 * white margin would otherwise dominate the fingerprint and make two
 * different small documents look alike.
 */
static PIX *document_region(PIX *page, const int *mrz_bbox, int rot)
{
    if (mrz_bbox) {
        int x = mrz_bbox[0], y = mrz_bbox[1], w = mrz_bbox[2], h = mrz_bbox[3];
        int quads = ((rot / 90) % 4 + 4) % 4;
        PIX *up = pixRotateOrth(page, quads);
        if (!up)
            return NULL;
        int W = pixGetWidth(page), H = pixGetHeight(page);
        for (int q = 0; q < quads; q++) {
            int nx = H - (y + h), ny = x, t;
            x = nx, y = ny;
            t = w, w = h, h = t;
            t = W, W = H, H = t;
        }
        /* Lines run along the longer side of the MRZ box. */
        int len = w > h ? w : h;
        BOX *box = boxCreate(x - len / 20, y + h + len / 40 - (len * 4) / 5, w + len / 10,
                             (len * 4) / 5);
        PIX *crop = box ? pixClipRectangle(up, box, NULL) : NULL;
        boxDestroy(&box);
        pixDestroy(&up);
        if (crop && pixGetWidth(crop) >= 32 && pixGetHeight(crop) >= 32)
            return crop;
        pixDestroy(&crop);
        return NULL;
    }
    PIX *bin = pixThresholdToBinary(page, 200);
    BOX *fg = NULL;
    if (bin)
        pixClipToForeground(bin, NULL, &fg);
    PIX *crop = fg ? pixClipRectangle(page, fg, NULL) : NULL;
    boxDestroy(&fg);
    pixDestroy(&bin);
    return crop;
}

ds_error ds_page_dhash(PIX *page, const int *mrz_bbox, int rotation, uint64_t *out)
{
    if (!page || !out)
        return DS_ERR_USAGE;
    PIX *region = document_region(page, mrz_bbox, rotation);
    ds_error err = ds_image_dhash(region ? region : page, out);
    pixDestroy(&region);
    return err;
}
