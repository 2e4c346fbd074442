/*
 * barcode_zbar: the zbar backend of barcode.h (QR and 1D codes).
 *
 * One zbar image scanner per call, so calls on several threads never share
 * state. zbar gets a packed copy of the page (Leptonica rows are padded and
 * word-swapped) and never keeps it. zbar cannot read PDF417, DataMatrix or
 * Aztec; those are zxing's. GS1 DataBar is left to zxing too: Debian's zbar
 * prints assertion warnings on stderr from its DataBar decoder on ordinary
 * text pages, and no identity document carries DataBar.
 */
#include <stdlib.h>
#include <string.h>
#include <zbar.h>

#include "barcode/barcode.h"

static const struct {
    zbar_symbol_type_t zb;
    ds_symbology ds;
} zbar_map[] = {
    {ZBAR_QRCODE, DS_SYM_QR},       {ZBAR_EAN13, DS_SYM_EAN13},     {ZBAR_EAN8, DS_SYM_EAN8},
    {ZBAR_UPCA, DS_SYM_UPCA},       {ZBAR_UPCE, DS_SYM_UPCE},       {ZBAR_CODE128, DS_SYM_CODE128},
    {ZBAR_CODE39, DS_SYM_CODE39},   {ZBAR_CODE93, DS_SYM_CODE93},   {ZBAR_I25, DS_SYM_I25},
    {ZBAR_CODABAR, DS_SYM_CODABAR},
};

#define ZBAR_SYMS                                                                                          \
    (DS_SYM_BIT(DS_SYM_QR) | DS_SYM_BIT(DS_SYM_EAN13) | DS_SYM_BIT(DS_SYM_EAN8) | DS_SYM_BIT(DS_SYM_UPCA) | \
     DS_SYM_BIT(DS_SYM_UPCE) | DS_SYM_BIT(DS_SYM_CODE128) | DS_SYM_BIT(DS_SYM_CODE39) |                   \
     DS_SYM_BIT(DS_SYM_CODE93) | DS_SYM_BIT(DS_SYM_I25) | DS_SYM_BIT(DS_SYM_CODABAR))

static ds_error zbar_scan(const ds_barcode_image *bi, unsigned symbologies, bool try_harder,
                          ds_barcodes *out)
{
    (void)try_harder; /* zbar scans every line in both directions already (scanning every
                       * second line, or a page at half size, loses QR codes it reads) */
    ds_error err = DS_OK;
    const uint8_t *buf = bi ? bi->gray : NULL;
    int w = bi ? bi->w : 0, h = bi ? bi->h : 0;
    zbar_image_scanner_t *sc = NULL;
    zbar_image_t *img = NULL;

    if (!buf || w <= 0 || h <= 0)
        return DS_ERR_USAGE;
    if ((symbologies & ZBAR_SYMS) == 0)
        return DS_OK;
    sc = zbar_image_scanner_create();
    img = zbar_image_create();
    if (!sc || !img) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    zbar_image_scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0);
    for (size_t i = 0; i < sizeof zbar_map / sizeof zbar_map[0]; i++)
        if (symbologies & DS_SYM_BIT(zbar_map[i].ds))
            zbar_image_scanner_set_config(sc, zbar_map[i].zb, ZBAR_CFG_ENABLE, 1);
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, (unsigned)w, (unsigned)h);
    /* zbar only reads the data (no cleanup handler: the buffer is the caller's). */
    zbar_image_set_data(img, buf, (unsigned long)w * (unsigned long)h, NULL);
    if (zbar_scan_image(sc, img) < 0) {
        err = DS_ERR_INTERNAL;
        goto out;
    }
    for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s; s = zbar_symbol_next(s)) {
        ds_symbology sym = DS_SYM_UNKNOWN;
        zbar_symbol_type_t t = zbar_symbol_get_type(s);
        for (size_t i = 0; i < sizeof zbar_map / sizeof zbar_map[0]; i++)
            if (zbar_map[i].zb == t)
                sym = zbar_map[i].ds;
        if (sym == DS_SYM_UNKNOWN)
            continue;
        const char *data = zbar_symbol_get_data(s);
        size_t len = zbar_symbol_get_data_length(s);
        int x0 = w, y0 = h, x1 = 0, y1 = 0;
        unsigned nloc = zbar_symbol_get_loc_size(s);
        for (unsigned k = 0; k < nloc; k++) {
            int x = zbar_symbol_get_loc_x(s, k), y = zbar_symbol_get_loc_y(s, k);
            x0 = x < x0 ? x : x0;
            y0 = y < y0 ? y : y0;
            x1 = x > x1 ? x : x1;
            y1 = y > y1 ? y : y1;
        }
        int bbox[4] = {0, 0, 0, 0};
        if (nloc > 0)
            bbox[0] = x0, bbox[1] = y0, bbox[2] = x1 - x0 + 1, bbox[3] = y1 - y0 + 1;
        /* zbar hands out text (UTF-8 after its character-set guess): it is both the
         * bytes and the text. */
        if ((err = ds_barcodes_add(out, sym, "zbar", data, len, data, len, bbox)) != DS_OK)
            goto out;
    }
out:
    if (img)
        zbar_image_destroy(img);
    if (sc)
        zbar_image_scanner_destroy(sc);
    return err;
}

const ds_barcode_backend ds_barcode_zbar = {"zbar", ZBAR_SYMS, zbar_scan};
