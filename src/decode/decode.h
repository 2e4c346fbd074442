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

typedef struct ds_limits {
    size_t max_file_bytes; /* whole input file */
    uint64_t max_pixels;   /* width * height of any one page */
    int max_pages;         /* pages decoded from one file */
    /*
     * 0 decodes JPEG pages at full size. A positive value lets libjpeg's DCT
     * scaling decode a JPEG page at 1/2, 1/4 or 1/8 of its size, the
     * smallest that keeps the shorter side at or above this many pixels.
     * The limits above still apply to the full size the header declares.
     * Reports depend on the page size (the MRZ band and the printed page are
     * read at full resolution), so nothing in docscreen sets it.
     */
    int jpeg_min_side;
} ds_limits;

/* 64 MiB, 50 Mpx, 64 pages, JPEG at full size. */
void ds_limits_default(ds_limits *out /* OUT */);

typedef struct ds_page {
    PIX *gray;     /* 8 bpp grayscale, owned */
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
