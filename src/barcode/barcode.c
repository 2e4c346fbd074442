/*
 * barcode: the page scan over every decoder backend, the result list, and
 * the comparison of barcode fields with the MRZ (see barcode.h).
 *
 * The scan runs each backend on the page as given; only when no backend
 * finds anything does it try other image variants (2x for small pages, 1/2
 * for large ones, the page turned by 90 degrees), stopping at the first
 * variant that yields a symbol, and maps positions back to page pixels.
 *
 * It must never keep a payload beyond its cap, hold more than DS_BARCODE_MAX
 * results, or report the same symbol twice; the cross-check must never call
 * a genuine document's transliterated or truncated name a mismatch.
 */
#include "barcode/barcode.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "base/text.h"

static const char *const sym_names[DS_SYM_COUNT_] = {
    "UNKNOWN", "QR",      "MICROQR", "DATAMATRIX", "PDF417", "AZTEC",   "EAN13",   "EAN8",       "UPCA",
    "UPCE",    "CODE128", "CODE39",  "CODE93",     "I25",    "CODABAR", "DATABAR", "DATABAR_EXP",
};

const char *ds_symbology_name(ds_symbology s)
{
    if ((unsigned)s >= DS_SYM_COUNT_)
        return "UNKNOWN";
    return sym_names[s];
}

void ds_barcodes_init(ds_barcodes *b)
{
    if (b)
        memset(b, 0, sizeof *b);
}

void ds_barcodes_clear(ds_barcodes *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->n && i < DS_BARCODE_MAX; i++) {
        free(b->items[i].data);
        free(b->items[i].text);
    }
    memset(b, 0, sizeof *b);
}

/* True when s[0..n) is UTF-8 without NUL bytes; *printable when it also has no
 * control character but TAB, LF and CR. */
static bool utf8_ok(const char *s, size_t n, bool *printable)
{
    const uint8_t *p = (const uint8_t *)s;
    *printable = true;
    for (size_t i = 0; i < n;) {
        uint8_t b = p[i];
        if (b == 0)
            return false;
        if (b < 0x80) {
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f)
                *printable = false;
            i++;
            continue;
        }
        size_t k;
        uint32_t cp;
        if (b >= 0xC2 && b <= 0xDF)
            k = 2, cp = b & 0x1F;
        else if ((b & 0xF0) == 0xE0)
            k = 3, cp = b & 0x0F;
        else if (b >= 0xF0 && b <= 0xF4)
            k = 4, cp = b & 0x07;
        else
            return false;
        if (i + k > n)
            return false;
        for (size_t j = 1; j < k; j++) {
            if ((p[i + j] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i + j] & 0x3F);
        }
        if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        if (cp >= 0x80 && cp < 0xA0)
            *printable = false;
        i += k;
    }
    return true;
}

ds_error ds_barcodes_add(ds_barcodes *b, ds_symbology sym, const char *decoder, const void *data, size_t len,
                         const char *text, size_t text_len, const int bbox[4])
{
    if (!b || (!data && len) || (!text && text_len))
        return DS_ERR_USAGE;
    bool truncated = len > DS_BARCODE_MAX_BYTES;
    if (truncated)
        len = DS_BARCODE_MAX_BYTES;
    if (text_len > DS_BARCODE_MAX_BYTES)
        text_len = DS_BARCODE_MAX_BYTES;
    bool printable = false;
    bool has_text = text && utf8_ok(text, text_len, &printable);

    for (int i = 0; i < b->n; i++) {
        ds_barcode *o = &b->items[i];
        if (o->symbology != sym)
            continue;
        bool same_bytes = o->len == len && (len == 0 || memcmp(o->data, data, len) == 0);
        bool same_text = has_text && o->text && strlen(o->text) == text_len && memcmp(o->text, text, text_len) == 0;
        if (same_bytes || same_text) {
            if (!o->text && has_text) {
                char *t = malloc(text_len + 1);
                if (!t)
                    return DS_ERR_NOMEM;
                memcpy(t, text, text_len);
                t[text_len] = '\0';
                o->text = t;
                o->printable = printable;
            }
            return DS_OK;
        }
    }
    if (b->n >= DS_BARCODE_MAX) {
        b->truncated = true;
        return DS_OK;
    }
    uint8_t *copy = malloc(len + 1);
    char *t = NULL;
    if (!copy)
        return DS_ERR_NOMEM;
    if (len)
        memcpy(copy, data, len);
    copy[len] = 0;
    if (has_text) {
        t = malloc(text_len + 1);
        if (!t) {
            free(copy);
            return DS_ERR_NOMEM;
        }
        memcpy(t, text, text_len);
        t[text_len] = '\0';
    }
    ds_barcode *o = &b->items[b->n++];
    memset(o, 0, sizeof *o);
    o->symbology = sym;
    o->decoder = decoder ? decoder : "";
    o->data = copy;
    o->len = len;
    o->truncated = truncated;
    o->text = t;
    o->printable = has_text && printable;
    if (bbox)
        memcpy(o->bbox, bbox, sizeof o->bbox);
    return DS_OK;
}

ds_error ds_barcode_gray_buffer(PIX *gray8, uint8_t **out, int *w, int *h)
{
    if (!gray8 || !out || !w || !h || pixGetDepth(gray8) != 8)
        return DS_ERR_USAGE;
    int pw = pixGetWidth(gray8), ph = pixGetHeight(gray8), wpl = pixGetWpl(gray8);
    l_uint32 *pdata = pixGetData(gray8);
    if (pw <= 0 || ph <= 0 || !pdata)
        return DS_ERR_USAGE;
    uint8_t *buf = malloc((size_t)pw * (size_t)ph);
    if (!buf)
        return DS_ERR_NOMEM;
    for (int y = 0; y < ph; y++) {
        const l_uint32 *line = pdata + (size_t)y * (size_t)wpl;
        uint8_t *row = buf + (size_t)y * (size_t)pw;
        for (int x = 0; x < pw; x++)
            row[x] = (uint8_t)GET_DATA_BYTE(line, x);
    }
    *out = buf;
    *w = pw;
    *h = ph;
    return DS_OK;
}

ds_error ds_barcode_image_make(PIX *gray8, ds_barcode_image *img)
{
    memset(img, 0, sizeof *img);
    uint8_t *buf = NULL;
    ds_error err = ds_barcode_gray_buffer(gray8, &buf, &img->w, &img->h);
    if (err != DS_OK)
        return err;
    img->pix = gray8;
    img->gray = buf;
    return DS_OK;
}

void ds_barcode_image_free(ds_barcode_image *img)
{
    if (!img)
        return;
    free((void *)img->gray);
    memset(img, 0, sizeof *img);
}

/* ------------------------------------------------------------------- scan */

typedef enum variant { V_PAGE = 0, V_UP2, V_DOWN2, V_ROT90, V_REGIONS, V_COUNT } variant;

/* Candidate regions tried at most per page, and the side of the image they are looked for in. */
#define DS_BARCODE_MAX_REGIONS 6
#define DS_BARCODE_REGION_SIDE 1600

/*
 * Finds up to max dense dark blocks that may be 2D symbols on a busy
 * background (guilloches confuse the decoders' own finders): dark pixels
 * closed into solid blobs, kept when large enough, not too elongated and
 * about half dark, largest first. Boxes are in page pixels, with a margin.
 */
static int find_regions(PIX *page, BOX **boxes, int max)
{
    int w = pixGetWidth(page), h = pixGetHeight(page), big = w > h ? w : h, n = 0;
    float s = big > DS_BARCODE_REGION_SIDE ? (float)DS_BARCODE_REGION_SIDE / (float)big : 1.0f;
    PIX *small = s < 1.0f ? pixScaleAreaMap(page, s, s) : pixClone(page);
    PIX *bin = small ? pixThresholdToBinary(small, 110) : NULL;
    PIX *closed = bin ? pixCloseSafeBrick(NULL, bin, 9, 9) : NULL;
    BOXA *boxa = closed ? pixConnCompBB(closed, 8) : NULL;
    int nb = boxa ? boxaGetCount(boxa) : 0;
    struct cand { int x, y, w, h; } c[64];
    int nc = 0;
    for (int j = 0; j < nb; j++) {
        l_int32 x, y, bw, bh;
        if (boxaGetBoxGeometry(boxa, j, &x, &y, &bw, &bh) || bw < 40 || bh < 40 || bw > 4 * bh || bh > 4 * bw)
            continue;
        BOX *b = boxCreate(x, y, bw, bh);
        l_int32 fg = 0;
        PIX *sub = b ? pixClipRectangle(bin, b, NULL) : NULL;
        if (sub)
            pixCountPixels(sub, &fg, NULL);
        pixDestroy(&sub);
        boxDestroy(&b);
        float density = (float)fg / (float)(bw * bh);
        if (density < 0.3f || density > 0.75f)
            continue;
        /* Keep the largest: replace the smallest kept when full. */
        int slot = nc < (int)DS_ARRAY_LEN(c) ? nc++ : -1;
        if (slot < 0) {
            slot = 0;
            for (int k = 1; k < nc; k++)
                if (c[k].w * c[k].h < c[slot].w * c[slot].h)
                    slot = k;
            if (c[slot].w * c[slot].h >= bw * bh)
                continue;
        }
        c[slot] = (struct cand){x, y, bw, bh};
    }
    while (n < max && nc > 0) {
        int best = 0;
        for (int k = 1; k < nc; k++)
            if (c[k].w * c[k].h > c[best].w * c[best].h)
                best = k;
        int x = c[best].x, y = c[best].y, bw = c[best].w, bh = c[best].h;
        c[best] = c[--nc];
        int m = (bw > bh ? bw : bh) / 8 + 4;
        int X = (int)((float)(x - m) / s), Y = (int)((float)(y - m) / s);
        int W = (int)((float)(bw + 2 * m) / s), H = (int)((float)(bh + 2 * m) / s);
        /* Cut to the page: boxCreate left and top, boxClipToRectangle right
         * and bottom (NULL when nothing of the box is on the page). */
        BOX *want = boxCreate(X, Y, W, H);
        if (want && (boxes[n] = boxClipToRectangle(want, w, h)) != NULL)
            n++;
        boxDestroy(&want);
    }
    boxaDestroy(&boxa);
    pixDestroy(&closed);
    pixDestroy(&bin);
    pixDestroy(&small);
    return n;
}

/* The image for a variant, or NULL when the variant does not suit the page. */
static PIX *make_variant(PIX *page, variant v)
{
    int w = pixGetWidth(page), h = pixGetHeight(page);
    int big = w > h ? w : h, small = w < h ? w : h;
    switch (v) {
    case V_PAGE:
        return pixClone(page);
    case V_UP2:
        return big <= 2000 ? pixScaleGray2xLI(page) : NULL;
    case V_DOWN2:
        return small >= 800 ? pixScaleAreaMap2(page) : NULL;
    case V_ROT90:
        return pixRotateOrth(page, 1);
    default:
        return NULL;
    }
}

/* Maps a box found in variant v of a w x h page back to page pixels. */
static void map_box(variant v, int w, int h, int box[4])
{
    int x = box[0], y = box[1], bw = box[2], bh = box[3];
    switch (v) {
    case V_UP2:
        box[0] = x / 2, box[1] = y / 2, box[2] = (bw + 1) / 2, box[3] = (bh + 1) / 2;
        break;
    case V_DOWN2:
        box[0] = x * 2, box[1] = y * 2, box[2] = bw * 2, box[3] = bh * 2;
        break;
    case V_ROT90:
        /* Turned clockwise: a page pixel (px, py) lands at (h - 1 - py, px). */
        box[0] = y, box[1] = h - (x + bw), box[2] = bh, box[3] = bw;
        break;
    default:
        break;
    }
    (void)w;
    if (box[0] < 0)
        box[0] = 0;
    if (box[1] < 0)
        box[1] = 0;
}

/* Runs the backends over each candidate region, white-bordered, mapping boxes back. */
static ds_error scan_regions(PIX *page, const ds_barcode_backend *const *backends, int nbackends,
                             unsigned symbologies, ds_barcodes *out, ds_barcodes *found)
{
    BOX *boxes[DS_BARCODE_MAX_REGIONS] = {0};
    int n = find_regions(page, boxes, DS_BARCODE_MAX_REGIONS);
    ds_error err = DS_OK;
    const int border = 32;
    for (int r = 0; r < n && err == DS_OK; r++) {
        l_int32 bx, by, bw, bh;
        boxGetGeometry(boxes[r], &bx, &by, &bw, &bh);
        PIX *crop = pixClipRectangle(page, boxes[r], NULL);
        PIX *img = crop ? pixAddBorderGeneral(crop, border, border, border, border, 255) : NULL;
        pixDestroy(&crop);
        if (!img)
            continue;
        ds_barcode_image bi;
        err = ds_barcode_image_make(img, &bi);
        if (err != DS_OK) {
            pixDestroy(&img);
            break;
        }
        out->passes++;
        for (int b = 0; b < nbackends && err == DS_OK; b++) {
            if (!backends[b] || !backends[b]->scan)
                continue;
            ds_barcodes_init(found);
            err = backends[b]->scan(&bi, symbologies, true, found);
            for (int i = 0; i < found->n && err == DS_OK; i++) {
                ds_barcode *res = &found->items[i];
                res->bbox[0] += bx - border;
                res->bbox[1] += by - border;
                if (res->bbox[0] < 0)
                    res->bbox[0] = 0;
                if (res->bbox[1] < 0)
                    res->bbox[1] = 0;
                err = ds_barcodes_add(out, res->symbology, res->decoder, res->data, res->len, res->text,
                                      res->text ? strlen(res->text) : 0, res->bbox);
            }
            if (found->truncated)
                out->truncated = true;
            ds_barcodes_clear(found);
        }
        ds_barcode_image_free(&bi);
        pixDestroy(&img);
    }
    for (int r = 0; r < n; r++)
        boxDestroy(&boxes[r]);
    return err;
}

static ds_error scan_variants(PIX *gray8, const ds_barcode_backend *const *backends, int nbackends,
                              unsigned symbologies, bool thorough, ds_barcodes *out)
{
    if (!out)
        return DS_ERR_USAGE;
    ds_barcodes_init(out);
    if (!gray8 || pixGetDepth(gray8) != 8 || !backends || nbackends < 0)
        return DS_ERR_USAGE;
    int w = pixGetWidth(gray8), h = pixGetHeight(gray8);
    ds_error err = DS_OK;
    ds_barcodes *found = malloc(sizeof *found);
    if (!found)
        return DS_ERR_NOMEM;
    for (variant v = V_PAGE; v < (thorough ? V_COUNT : V_PAGE + 1) && out->n == 0; v++) {
        if (v == V_REGIONS) {
            err = scan_regions(gray8, backends, nbackends, symbologies, out, found);
            break;
        }
        PIX *img = make_variant(gray8, v);
        if (!img)
            continue;
        ds_barcode_image bi;
        err = ds_barcode_image_make(img, &bi);
        if (err != DS_OK) {
            pixDestroy(&img);
            break;
        }
        out->passes++;
        for (int b = 0; b < nbackends && err == DS_OK; b++) {
            if (!backends[b] || !backends[b]->scan)
                continue;
            ds_barcodes_init(found);
            err = backends[b]->scan(&bi, symbologies, thorough, found);
            for (int i = 0; i < found->n && err == DS_OK; i++) {
                ds_barcode *r = &found->items[i];
                map_box(v, w, h, r->bbox);
                err = ds_barcodes_add(out, r->symbology, r->decoder, r->data, r->len, r->text,
                                      r->text ? strlen(r->text) : 0, r->bbox);
                if (r->truncated && err == DS_OK)
                    for (int k = 0; k < out->n; k++)
                        if (out->items[k].data && out->items[k].len == r->len &&
                            memcmp(out->items[k].data, r->data, r->len) == 0)
                            out->items[k].truncated = true;
            }
            if (found->truncated)
                out->truncated = true;
            ds_barcodes_clear(found);
        }
        ds_barcode_image_free(&bi);
        pixDestroy(&img);
        if (err != DS_OK)
            break;
    }
    free(found);
    if (err != DS_OK)
        ds_barcodes_clear(out);
    return err;
}

ds_error ds_barcode_scan_with(PIX *gray8, const ds_barcode_backend *const *backends, int nbackends,
                              unsigned symbologies, ds_barcodes *out)
{
    return scan_variants(gray8, backends, nbackends, symbologies, true, out);
}

static const ds_barcode_backend *const all_backends[] = {&ds_barcode_zbar, &ds_barcode_zxing};

ds_error ds_barcode_scan(PIX *gray8, ds_barcodes *out)
{
    return scan_variants(gray8, all_backends, 2, DS_SYM_ALL, true, out);
}

ds_error ds_barcode_scan_quick(PIX *gray8, ds_barcodes *out)
{
    return scan_variants(gray8, all_backends, 2, DS_SYM_ALL, false, out);
}

ds_error ds_barcode_scan_quick_with(PIX *gray8, const ds_barcode_backend *const *backends,
                                    int nbackends, ds_barcodes *out)
{
    return scan_variants(gray8, backends, nbackends, DS_SYM_ALL, false, out);
}
