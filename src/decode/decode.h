/*
 * decode: bytes of an uploaded or scanned file to page images.
 *
 * It sniffs the format from the content (never from the file name), enforces
 * the byte, pixel and page limits before any pixel buffer is allocated, and
 * returns every page of the file as an 8-bit grayscale Leptonica PIX.
 * It must never crash, hang or allocate without bound on hostile input; any
 * failure is a ds_error and no partial result escapes.
 */
#ifndef DS_DECODE_H
#define DS_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

typedef enum ds_format {
    DS_FORMAT_UNKNOWN = 0,
    DS_FORMAT_JPEG,
    DS_FORMAT_PNG,
    DS_FORMAT_TIFF
} ds_format;

/* ds_limits (public, docscreen.h) bounds every input. */


/*
 * The text a born-digital page carries (a PDF's text layer), word by word, in
 * the page image's pixel coordinates (origin top left). Filled by the PDF
 * decoder; NULL on every scanned page. The page stage reads it instead of
 * OCR where it exists, and the forensics stage compares the two.
 */
typedef struct ds_text_word {
    char *text;    /* UTF-8, owned */
    int box[4];    /* x, y, w, h in page pixels */
    int font;      /* index into ds_text_layer.font, -1 when unknown */
    float size;    /* font size in points, 0 when unknown */
} ds_text_word;

typedef struct ds_text_layer {
    int nwords;
    ds_text_word *word; /* nwords entries, in reading order */
    int nfonts;
    char **font;        /* font names as the file gives them, owned */
} ds_text_layer;

void ds_text_layer_free(ds_text_layer *t);

typedef struct ds_page {
    PIX *gray;     /* 8 bpp grayscale, owned */
    ds_text_layer *text; /* born-digital PDF page: its text layer, owned; NULL otherwise */
    int dpi;       /* resolution the file declares, 0 when unknown */
    int reduction; /* file pixels per page pixel along a side: 1, or 2, 4, 8
                      for a JPEG scaled by ds_limits.jpeg_min_side */
} ds_page;

typedef struct ds_pages {
    int count;
    ds_page *page; /* count entries */
    ds_format format;
} ds_pages;

/* Identifies the format from the first bytes; DS_FORMAT_UNKNOWN otherwise. */
ds_format ds_decode_sniff(const uint8_t *data, size_t len);
const char *ds_format_name(ds_format f);

/*
 * Decodes every page in data[0..len). Width and height of each page are read
 * from the header and checked against lim->max_pixels before decoding.
 */
ds_error ds_decode_mem(const uint8_t *data, size_t len, const ds_limits *lim,
                       ds_pages **out /* OUT */);

/* Reads path (at most lim->max_file_bytes) and decodes it as ds_decode_mem. */
ds_error ds_decode_file(const char *path, const ds_limits *lim, ds_pages **out /* OUT */);

void ds_pages_free(ds_pages *pages);

#endif
