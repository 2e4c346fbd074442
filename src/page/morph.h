/*
 * morph: Leptonica's binary brick opening and closing (pixOpenBrick,
 * pixCloseBrick), defined by this library with the same results in fewer
 * image passes; Tesseract's rule-line finder and the MRZ locator call
 * them (see morph.c).
 */
#ifndef DS_MORPH_H
#define DS_MORPH_H

#include <leptonica/allheaders.h>
#include <stdbool.h>

/* Off: every call goes to Leptonica's own functions (tests compare the
 * two). On by default. */
void ds_morph_fast(bool on);

/* pixCloseGray(pixs, hsize, vsize) with the same pixels in fewer passes
 * (morph_gray.c) for an 8-bit image without a colour map and odd sizes;
 * any other call is Leptonica's. A new image, or NULL. */
PIX *ds_close_gray(PIX *pixs, int hsize, int vsize);

#endif
