/*
 * pixops: image operations of the MRZ locator (pixops.c), each the exact
 * pixels of a Leptonica call, computed faster.
 */
#ifndef DS_MRZ_PIXOPS_H
#define DS_MRZ_PIXOPS_H

#include <leptonica/allheaders.h>

#include "docscreen/docscreen.h"

/* Otsu's threshold over the 8-bit image pix. */
int ds_mrz_otsu(PIX *pix);

/* pixScaleAreaMap2 of the 8 bpp pix: half size, 2x2 means. NULL when out of
 * memory. */
PIX *ds_mrz_halve(PIX *pix);

/* pixTophat(pix, 11, 11, L_TOPHAT_BLACK) of the 8 bpp pix (at most about
 * 1000 pixels a side). NULL when out of memory. */
PIX *ds_mrz_tophat(PIX *pix);

/* pixClipRectangle(pixRotate(pix, angle, L_ROTATE_AREA_MAP,
 * L_BRING_IN_WHITE, 0, 0), box), computed inside the box only.
 * DS_ERR_NOT_FOUND when box misses the image. */
ds_error ds_mrz_rotate_clip(PIX *pix, float angle, BOX *box, PIX **out /* OUT */);

#endif
