/*
 * barcode_zxing: the zxing-cpp backend of barcode.h (PDF417, DataMatrix,
 * Aztec, QR and 1D), reached through the C shim zxing_shim.h.
 *
 * The shim's callback copies each symbol into the result list at once; no
 * pointer into zxing's memory outlives the callback.
 */
#include <stdlib.h>
#include <string.h>

#include "barcode/barcode.h"
#include "barcode/zxing_shim.h"

static const struct {
    unsigned zx;
    ds_symbology ds;
} zx_map[] = {
    {DS_ZX_QR, DS_SYM_QR},           {DS_ZX_MICROQR, DS_SYM_MICROQR}, {DS_ZX_DATAMATRIX, DS_SYM_DATAMATRIX},
    {DS_ZX_PDF417, DS_SYM_PDF417},   {DS_ZX_AZTEC, DS_SYM_AZTEC},     {DS_ZX_EAN13, DS_SYM_EAN13},
    {DS_ZX_EAN8, DS_SYM_EAN8},       {DS_ZX_UPCA, DS_SYM_UPCA},       {DS_ZX_UPCE, DS_SYM_UPCE},
    {DS_ZX_CODE128, DS_SYM_CODE128}, {DS_ZX_CODE39, DS_SYM_CODE39},   {DS_ZX_CODE93, DS_SYM_CODE93},
    {DS_ZX_ITF, DS_SYM_I25},         {DS_ZX_CODABAR, DS_SYM_CODABAR}, {DS_ZX_DATABAR, DS_SYM_DATABAR},
    {DS_ZX_DATABAR_EXP, DS_SYM_DATABAR_EXP},
};

#define N_MAP (sizeof zx_map / sizeof zx_map[0])

typedef struct collect {
    ds_barcodes *out;
    ds_error err;
} collect;

static int on_symbol(void *ctx, const ds_zx_symbol *s)
{
    collect *c = ctx;
    ds_symbology sym = DS_SYM_UNKNOWN;
    for (size_t i = 0; i < N_MAP; i++)
        if (zx_map[i].zx == s->format)
            sym = zx_map[i].ds;
    if (sym == DS_SYM_UNKNOWN)
        return 0;
    int x0 = s->x[0], x1 = s->x[0], y0 = s->y[0], y1 = s->y[0];
    for (int k = 1; k < 4; k++) {
        x0 = s->x[k] < x0 ? s->x[k] : x0;
        x1 = s->x[k] > x1 ? s->x[k] : x1;
        y0 = s->y[k] < y0 ? s->y[k] : y0;
        y1 = s->y[k] > y1 ? s->y[k] : y1;
    }
    int bbox[4] = {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    c->err = ds_barcodes_add(c->out, sym, "zxing", s->bytes, s->nbytes, s->text, s->ntext, bbox);
    return c->err != DS_OK;
}

static ds_error zxing_scan(const ds_barcode_image *bi, unsigned symbologies, bool try_harder,
                           ds_barcodes *out)
{
    if (!bi || !bi->gray || bi->w <= 0 || bi->h <= 0)
        return DS_ERR_USAGE;
    unsigned formats = 0;
    for (size_t i = 0; i < N_MAP; i++)
        if (symbologies & DS_SYM_BIT(zx_map[i].ds))
            formats |= zx_map[i].zx;
    if (!formats)
        return DS_OK;
    collect c = {out, DS_OK};
    int rc = ds_zx_read(bi->gray, bi->w, bi->h, bi->w, formats, try_harder ? 1 : 0, DS_BARCODE_MAX,
                        on_symbol, &c);
    if (c.err != DS_OK)
        return c.err;
    if (rc == DS_ZX_ERR_NOMEM)
        return DS_ERR_NOMEM;
    if (rc != DS_ZX_OK)
        return DS_ERR_INTERNAL;
    return DS_OK;
}

const ds_barcode_backend ds_barcode_zxing = {
    "zxing",
    /* Every symbology of zx_map. */
    (1u << DS_SYM_QR) | (1u << DS_SYM_MICROQR) | (1u << DS_SYM_DATAMATRIX) | (1u << DS_SYM_PDF417) |
        (1u << DS_SYM_AZTEC) | (1u << DS_SYM_EAN13) | (1u << DS_SYM_EAN8) | (1u << DS_SYM_UPCA) |
        (1u << DS_SYM_UPCE) | (1u << DS_SYM_CODE128) | (1u << DS_SYM_CODE39) | (1u << DS_SYM_CODE93) |
        (1u << DS_SYM_I25) | (1u << DS_SYM_CODABAR) | (1u << DS_SYM_DATABAR) | (1u << DS_SYM_DATABAR_EXP),
    zxing_scan,
};

