/*
 * Writers of the PDF child's wire frames (decode/pdfwire.h) for the tests
 * that feed the reader by hand (test_pdf, test_pdfrev): a growing buffer,
 * the HEAD/TEXT/PAGE/END frames, and the reader with small limits.
 */
#ifndef DS_TEST_WIRE_FRAMES_H
#define DS_TEST_WIRE_FRAMES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode/pdfwire.h"

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
} buf;

static inline void put(buf *b, const void *d, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}

static inline void put32(buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, x, 4);
}

static inline void frame(buf *b, const char *tag, const void *payload, uint32_t n)
{
    put(b, tag, 4);
    put32(b, n);
    put(b, payload, n);
}

static inline void text_frame(buf *b, const char *tag, const char *s)
{
    frame(b, tag, s, (uint32_t)strlen(s));
}

/* A PAGE frame of w x h gray8 samples, every one v, from `source`
 * (DS_PDFWIRE_SRC_*). */
static inline void wire_page_gray(buf *b, int index, uint32_t w, uint32_t h, int source,
                                  uint8_t v)
{
    put(b, "PAGE", 4);
    put32(b, 4 * DS_PDFWIRE_PAGE_HDR + w * h);
    uint32_t hdr[DS_PDFWIRE_PAGE_HDR] = {0};
    hdr[DS_PDFWIRE_P_INDEX] = (uint32_t)index;
    hdr[DS_PDFWIRE_P_SOURCE] = (uint32_t)source;
    hdr[DS_PDFWIRE_P_CODEC] = DS_PDFWIRE_CODEC_GRAY8;
    hdr[DS_PDFWIRE_P_WIDTH] = w;
    hdr[DS_PDFWIRE_P_HEIGHT] = h;
    hdr[DS_PDFWIRE_P_DPI] = 200;
    for (int i = 0; i < DS_PDFWIRE_PAGE_HDR; i++)
        put32(b, hdr[i]);
    for (uint32_t i = 0; i < w * h; i++)
        put(b, &v, 1);
}

static inline void end_frame(buf *b, uint32_t pages)
{
    put(b, "END ", 4);
    put32(b, 4);
    put32(b, pages);
}

/* The frames read back with limits small enough for hand-made pages. */
static inline ds_error read_frames(const buf *b, ds_pages **out)
{
    ds_limits lim;
    ds_limits_default(&lim);
    lim.max_pixels = 100000;
    lim.max_total_pixels = 150000;
    lim.max_pages = 4;
    return ds_pdfwire_read_mem(b->p, b->n, &lim, out);
}

#endif
