/*
 * viz_tess: the VIZ reader's Tesseract passes: the sparse reading of the
 * whole region, a single-line reading of one box, and the re-reading
 * passes over a prepared crop.
 */
#ifndef DS_VIZ_TESS_H
#define DS_VIZ_TESS_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz_crop.h"
#include "page/viz_page.h"

/* The passes a value is re-read in (ds_viz_tess_crop's pass). */
#define DS_VIZ_PASSES 4

/* Collects the words of the reading api has just made into pg (at most
 * DS_VIZ_PAGE_WORDS), with Tesseract's text line of each. */
void ds_viz_tess_words(TessBaseAPI *api, ds_viz_page *pg);

/*
 * Reads the single line of text inside box (x, y, w, h of img, clipped to
 * it) again, as one line (PSM 7): a value printed just below its label is
 * read far more reliably alone than among the labels. Fills buf[cap] with
 * the words (coordinates of the whole image) and returns their number; 0
 * for a box under 8x8 pixels. api's image is cleared.
 */
int ds_viz_tess_line(TessBaseAPI *api, PIX *img, int x, int y, int w, int h,
                     ds_viz_word *buf /* OUT */, int cap);

/*
 * Reads box (x, y, w, h of img, 8 bpp) as one line, enlarged by scale
 * and sharpened over sharpen pixels (an unsharp mask), on a margin of the
 * box's paper (Tesseract misreads glyphs that touch the image's edge):
 * the words into buf[cap], their boxes in img's frame; returns their
 * number (0 when the box is empty or too small). api's image is cleared.
 */
int ds_viz_tess_scaled(TessBaseAPI *api, PIX *img, const int box[4], float scale, int sharpen,
                       ds_viz_word *buf /* OUT */, int cap);

/* One pass (0 .. DS_VIZ_PASSES-1: upscaled by 2, 2, 3 and 1.5, the middle
 * two binarised at c's threshold) over a prepared crop, read as one line;
 * the words read into buf[cap], their number returned. */
int ds_viz_tess_crop(TessBaseAPI *api, PIX *img, const ds_viz_crop *c, int pass,
                     ds_viz_word *buf /* OUT */, int cap);

#endif
