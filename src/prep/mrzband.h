/*
 * prep/mrzband: finding the machine-readable zone on a page.
 *
 * Locates the MRZ anywhere on a grayscale page (any of the four right-angle
 * orientations plus up to about 10 degrees of skew, 150 to 600 dpi), cuts it
 * out upright and splits it into lines and fixed-pitch character cells.
 * It never reads characters: choosing between hypotheses that only the
 * recogniser can settle (upside down or not, 36 or 44 characters) is done
 * by the caller through the score callback.
 */
#ifndef DS_MRZBAND_H
#define DS_MRZBAND_H

#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"
#include "analyse/mrz.h"

typedef struct ds_cell {
    int x, y, w, h; /* in the upright band image */
} ds_cell;

typedef struct ds_mrzband {
    PIX *band;       /* upright 8 bpp crop of the MRZ, owned */
    int nlines;
    int nchars[DS_MRZ_MAX_LINES];
    ds_cell cell[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    int ink_threshold[DS_MRZ_MAX_LINES];
    float cap_height[DS_MRZ_MAX_LINES];
    int bbox[4];       /* x, y, w, h of the MRZ in page coordinates */
    int rotation;      /* 0, 90, 180 or 270: clockwise turn applied to the page */
    float skew_deg;    /* residual skew removed */
    float pitch;       /* character pitch in band pixels */
} ds_mrzband;

void ds_mrzband_free(ds_mrzband *b);

#endif
