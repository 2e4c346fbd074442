/*
 * zxing_shim: the plain C face of zxing-cpp (C++), used by barcode_zxing.c
 * and by tests that need symbols drawn at run time.
 *
 * Nothing of C++ crosses this header: no exception, no std type, no zxing
 * type. Every entry point catches everything zxing-cpp may throw and turns it
 * into a return code. Formats are this header's own bit set so that callers
 * need no zxing header.
 */
#ifndef DS_ZXING_SHIM_H
#define DS_ZXING_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Symbologies the shim knows; bits may be or-ed into a format set. */
#define DS_ZX_QR 0x0001u
#define DS_ZX_DATAMATRIX 0x0002u
#define DS_ZX_PDF417 0x0004u
#define DS_ZX_AZTEC 0x0008u
#define DS_ZX_MICROQR 0x0010u
#define DS_ZX_EAN13 0x0020u
#define DS_ZX_EAN8 0x0040u
#define DS_ZX_UPCA 0x0080u
#define DS_ZX_UPCE 0x0100u
#define DS_ZX_CODE128 0x0200u
#define DS_ZX_CODE39 0x0400u
#define DS_ZX_CODE93 0x0800u
#define DS_ZX_ITF 0x1000u
#define DS_ZX_CODABAR 0x2000u
#define DS_ZX_DATABAR 0x4000u
#define DS_ZX_DATABAR_EXP 0x8000u

/* Return codes of the shim. */
#define DS_ZX_OK 0
#define DS_ZX_ERR_USAGE (-1)
#define DS_ZX_ERR_NOMEM (-2)
#define DS_ZX_ERR_INTERNAL (-3)

/* One decoded symbol, valid only during the callback. */
typedef struct ds_zx_symbol {
    unsigned format;        /* one DS_ZX_* bit */
    const uint8_t *bytes;   /* the raw payload bytes (before character-set decoding) */
    size_t nbytes;
    const char *text;       /* the payload as UTF-8 text, NUL-terminated */
    size_t ntext;           /* its length in bytes (the text may hold NUL bytes) */
    int x[4], y[4];         /* corners in image pixels: top-left, top-right, bottom-right, bottom-left */
} ds_zx_symbol;

/* Receives each symbol; a non-zero return stops the scan. */
typedef int (*ds_zx_symbol_fn)(void *ctx, const ds_zx_symbol *sym);

/*
 * Reads every symbol of the formats in `formats` from an 8-bit grayscale
 * image (w x h, rows `stride` bytes apart) and hands each to fn. try_harder
 * turns on zxing's slower search (rotations, inversion, downscaling).
 * At most max_symbols symbols are reported. Returns DS_ZX_OK (also when
 * nothing is found) or a negative DS_ZX_ERR_*.
 */
int ds_zx_read(const uint8_t *gray, int w, int h, int stride, unsigned formats, int try_harder,
               int max_symbols, ds_zx_symbol_fn fn, void *ctx);

/*
 * Draws one symbol of format holding bytes[0..n) (each byte one ISO-8859-1
 * character, so binary payloads survive) as an 8-bit image of about
 * side x side pixels, black 0 on white 255, with a quiet zone. On success
 * *out_pixels (caller frees with free()) holds *out_w x *out_h pixels, rows
 * packed. For tests and the benchmark; never used on the screening path.
 */
int ds_zx_write(unsigned format, const uint8_t *bytes, size_t n, int side, uint8_t **out_pixels,
                int *out_w, int *out_h);

#ifdef __cplusplus
}
#endif
#endif
