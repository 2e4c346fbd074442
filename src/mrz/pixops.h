/*
 * pixops: image operations of the MRZ locator (pixops.c): most the exact
 * pixels of a Leptonica call, computed faster; then finding and erasing
 * straight rules.
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

/*
 * The straight rules of binary image bin (1 bpp): its set pixels on a
 * straight run of at least minlen pixels along a row (along a column when
 * vertical is set), a run allowed to step by a pixel across it (a rule
 * slanted by a degree or so). A frame drawn around the MRZ, the edge of a
 * card, a table rule; no character of an MRZ has a run that long once
 * minlen is a few character pitches. NULL when out of memory.
 */
PIX *ds_mrz_rules(PIX *bin, int minlen, int vertical);

/*
 * Paints the paper's gray (the band's median) over the straight rules
 * across the upright 8 bpp MRZ band: a thin run of ink along a twelfth of
 * the band or more, or up and down nearly half of it. Returns 0 when out of
 * memory.
 */
int ds_mrz_erase_rules(PIX *band);

/*
 * Divides uneven light out of the upright 8 bpp MRZ band (a shadow or a
 * lamp on one side across the zone): the light is the band's gray closing
 * with a square of side size, wider than a stroke; every pixel is scaled to
 * the brightest paper. An evenly lit band is left as it is. Returns 1 when
 * the band was changed, 0 when not, -1 when out of memory.
 */
int ds_mrz_flatten(PIX *band, int size);

#endif
