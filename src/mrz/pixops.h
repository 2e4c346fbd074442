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

/*
 * Where the glyph of the cell (x, y, w, h) of the upright 8 bpp band lies
 * across it: the centre of the run of inked columns (a pixel darker than
 * threshold or more: the thin bottom stroke of a small U joins its two
 * sides) that overlaps the cell most, less the cell's centre, as a share of
 * the cell's width; *run_w (may be NULL) is the run's width, pixels. 0 when
 * there is no such run of its own (no ink, or a run wider than the cell or
 * reaching half a cell beyond it: joined glyphs).
 */
float ds_mrz_cell_offset(PIX *band, int x, int y, int w, int h, int threshold,
                         int *run_w /* OUT, may be NULL */);

/*
 * The height of the glyph of the cell (x, y, w, h) of the upright 8 bpp
 * band, pixels, to a fraction of one: the longest run of rows whose darkest
 * pixel across the cell's middle three quarters is darker than threshold,
 * its ends placed where that darkest gray crosses threshold between two
 * rows. 0 when it cannot be told (no ink, ink reaching the cell's top or
 * bottom, a cell outside the band or taller than 512 rows). OCR-B's digits
 * stand about 8% taller than its capitals: the height tells a 0 from an O
 * where their shapes are the same few pixels (repair.c, name_doubt).
 */
float ds_mrz_cell_ink_height(PIX *band, int x, int y, int w, int h, int threshold);

/*
 * How much of the 8 bpp page is a halftone's dots: the share of its pixels
 * (every second row) that are 60 gray levels darker than the paper (its
 * 90th percentile) with at most 6 such pixels in their 5 x 5 neighbourhood.
 * A colour laser print-out of a scan, scanned again at 200 to 300 dpi,
 * measures 0.016 to 0.043 (heldout10, 85 to 133 lpi); scans and phone
 * photos of documents 0.0003 to 0.011.
 */
float ds_mrz_halftone_share(PIX *page);
/* The share from which a page is taken for such a print-out (scan.c's
 * read_page then searches it again descreened). */
#define DS_MRZ_HALFTONE 0.008f

/* The halftone of the 8 bpp page smoothed away (a 3 x 3 mean): the dots of
 * a print-out at 200 to 300 dpi merge into the gray they print, and the
 * strokes of the MRZ stay. NULL when out of memory. */
PIX *ds_mrz_descreen(PIX *page);

#endif
