/*
 * barcode: finds and decodes the barcodes on a page, and compares what the
 * payload parsers (AAMVA driving licences, ICAO digital seals) read from them
 * with the MRZ.
 *
 * Decoders sit behind one table of function pointers (ds_barcode_backend):
 * zbar reads QR and 1D codes, zxing-cpp (through zxing_shim) reads PDF417,
 * DataMatrix, Aztec and QR. A page is scanned by every backend; results are
 * merged without duplicates (same symbology and same bytes or text) and, when
 * the first pass finds nothing, the page is tried again at other scales and
 * turned by 90 degrees. Every payload is binary-safe and capped; the number
 * of results per page is capped. Nothing here prints or keeps state.
 */
#ifndef DS_BARCODE_H
#define DS_BARCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"
#include "barcode/aamva.h"
#include "mrz/mrz.h"
#include "barcode/vds.h"

/* At most this many barcodes are kept per page; more set ds_barcodes.truncated. */
#define DS_BARCODE_MAX 32
/* A payload longer than this is cut to it and marked truncated. */
#define DS_BARCODE_MAX_BYTES 65536

typedef enum ds_symbology {
    DS_SYM_UNKNOWN = 0,
    DS_SYM_QR,
    DS_SYM_MICROQR,
    DS_SYM_DATAMATRIX,
    DS_SYM_PDF417,
    DS_SYM_AZTEC,
    DS_SYM_EAN13,
    DS_SYM_EAN8,
    DS_SYM_UPCA,
    DS_SYM_UPCE,
    DS_SYM_CODE128,
    DS_SYM_CODE39,
    DS_SYM_CODE93,
    DS_SYM_I25,
    DS_SYM_CODABAR,
    DS_SYM_DATABAR,
    DS_SYM_DATABAR_EXP,
    DS_SYM_COUNT_
} ds_symbology;

#define DS_SYM_BIT(s) (1u << (unsigned)(s))
#define DS_SYM_ALL (DS_SYM_BIT(DS_SYM_COUNT_) - 2u) /* every symbology but UNKNOWN */

/* "QR", "DATAMATRIX", "PDF417", "AZTEC", "EAN13", "CODE128" ...; "UNKNOWN". */
const char *ds_symbology_name(ds_symbology s);

typedef struct ds_barcode {
    ds_symbology symbology;
    const char *decoder;   /* static name of the backend that read it: "zbar", "zxing" */
    uint8_t *data;         /* raw payload bytes (heap), with one NUL byte after data[len] */
    size_t len;            /* at most DS_BARCODE_MAX_BYTES */
    bool truncated;        /* the payload was longer than DS_BARCODE_MAX_BYTES */
    char *text;            /* the payload as UTF-8 (heap, NUL-terminated); NULL when the
                              decoder gave no valid UTF-8 or the text holds a NUL byte */
    bool printable;        /* text is set and holds no control character but TAB, LF, CR */
    int bbox[4];           /* x, y, w, h in page pixels */
} ds_barcode;

typedef struct ds_barcodes {
    int n;
    bool truncated;        /* more than DS_BARCODE_MAX symbols were found */
    int passes;            /* image variants tried (1 when the first pass found something) */
    ds_barcode items[DS_BARCODE_MAX];
} ds_barcodes;

/* Zeroes b before first use; ds_barcodes_clear frees what it holds. */
void ds_barcodes_init(ds_barcodes *b);
/* Frees every payload in b and leaves it empty; NULL is a no-op. */
void ds_barcodes_clear(ds_barcodes *b);

/*
 * Adds one symbol to b unless b already holds one of the same symbology with
 * the same bytes or the same text (then only a missing text is filled in).
 * Copies data (capped) and text. Returns DS_OK also when the symbol is a
 * duplicate or b is full (b->truncated is then set); DS_ERR_NOMEM.
 */
ds_error ds_barcodes_add(ds_barcodes *b, ds_symbology sym, const char *decoder, const void *data,
                         size_t len, const char *text, size_t text_len, const int bbox[4]);

/*
 * The image a backend reads: the 8 bpp PIX and the same pixels packed (one
 * byte a pixel, rows of w bytes without padding), which both decoders want;
 * ds_barcode_scan_with packs each image once for every backend.
 */
typedef struct ds_barcode_image {
    PIX *pix;
    const uint8_t *gray;
    int w, h;
} ds_barcode_image;

/*
 * One decoder. scan reads img (any size) and appends what it finds to out
 * with ds_barcodes_add, positions in img's pixels; `symbologies` is a set
 * of DS_SYM_BIT values the caller wants (the backend reads those of them it
 * supports). try_harder asks for the slower search.
 */
typedef struct ds_barcode_backend {
    const char *name;
    unsigned symbologies; /* what it can read */
    ds_error (*scan)(const ds_barcode_image *img, unsigned symbologies, bool try_harder,
                     ds_barcodes *out);
} ds_barcode_backend;

/* img over gray8 with its packed copy (ds_barcode_image_free releases it). */
ds_error ds_barcode_image_make(PIX *gray8, ds_barcode_image *img /* OUT */);
void ds_barcode_image_free(ds_barcode_image *img);

extern const ds_barcode_backend ds_barcode_zbar;  /* QR and 1D */
extern const ds_barcode_backend ds_barcode_zxing; /* PDF417, DataMatrix, Aztec, QR, 1D */

/*
 * Scans a page with the given backends (in order) for the symbologies in
 * `symbologies`, merges the results and, when nothing is found, retries at
 * 2x (small pages), 1/2 (large pages) and turned by 90 degrees, mapping
 * positions back to page pixels. out is initialised by the call; on success
 * the caller releases it with ds_barcodes_clear (also after a failure, which
 * leaves it empty). Fails with DS_ERR_USAGE for a NULL or non-8-bpp page,
 * DS_ERR_NOMEM, DS_ERR_INTERNAL when a decoder library fails.
 */
ds_error ds_barcode_scan_with(PIX *gray8, const ds_barcode_backend *const *backends, int nbackends,
                              unsigned symbologies, ds_barcodes *out /* OUT */);

/* ds_barcode_scan_with with zbar then zxing and every symbology. */
ds_error ds_barcode_scan(PIX *gray8, ds_barcodes *out /* OUT */);

/*
 * One pass over the page as it is, each decoder at its ordinary effort: for
 * pages whose main content was read elsewhere (an MRZ page), where a
 * barcode, if any, is printed cleanly. A few times cheaper than
 * ds_barcode_scan, which falls back to other scales, a quarter turn and
 * cut-out regions when the first pass finds nothing.
 */
ds_error ds_barcode_scan_quick(PIX *gray8, ds_barcodes *out /* OUT */);

/* ds_barcode_scan_quick with the given backends (in order) only. */
ds_error ds_barcode_scan_quick_with(PIX *gray8, const ds_barcode_backend *const *backends,
                                    int nbackends, ds_barcodes *out /* OUT */);

/*
 * For backends: copies an 8 bpp PIX into a fresh packed buffer of *w x *h
 * bytes, one byte per pixel, rows without padding (the caller frees it).
 * DS_ERR_USAGE for a NULL or non-8-bpp PIX, DS_ERR_NOMEM.
 */
ds_error ds_barcode_gray_buffer(PIX *gray8, uint8_t **out /* OUT */, int *w /* OUT */, int *h /* OUT */);

#endif
