/*
 * viz_crop: where a value is re-read from, prepared once for every pass of
 * the re-reads: its line of ink and the threshold the binarised passes
 * use.
 */
#ifndef DS_VIZ_CROP_H
#define DS_VIZ_CROP_H

#include <stdbool.h>
#include <leptonica/allheaders.h>

typedef struct ds_viz_crop {
    bool ok;    /* a crop of 8x8 pixels or more of an 8 bpp image */
    bool inked; /* box is the value's line of ink (else the box widened) */
    int box[4]; /* x, y, w, h in the image */
    int thr;    /* grey values under it are ink; 0: none found */
} ds_viz_crop;

/*
 * The crop of the value boxed sb (x, y, w, h of img, 8 bpp) is re-read
 * from: its line of ink when the box holds ink to go by, otherwise the box
 * with a text height left and right and a quarter above and below; and
 * Otsu's threshold of the box with a text height around it. ok is false
 * for an image of another depth or a crop under 8x8 pixels.
 */
ds_viz_crop ds_viz_crop_prepare(PIX *img, const int sb[4]);

#endif
