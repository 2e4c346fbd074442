/*
 * phash: a 64-bit perceptual fingerprint of a page image (dHash), so the
 * store can notice the same page submitted again under another case even
 * after it was rescaled or recompressed.
 *
 * The image is reduced to 9x8 gray and each of the 64 bits says whether a
 * pixel is brighter than its right-hand neighbour. Two pages of the same
 * image differ in a few bits; different pages in about half. It must never
 * be used as a cryptographic hash or as proof of identity: it only selects
 * pages for an officer to compare.
 */
#ifndef DS_PHASH_H
#define DS_PHASH_H

#include <stdint.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

/* Computes the dHash of pix (any depth Leptonica can convert to 8-bit gray,
 * colormapped or not; at least 9x8 pixels). Fails with DS_ERR_USAGE for a
 * NULL or smaller image, DS_ERR_NOMEM when Leptonica cannot convert it. */
ds_error ds_image_dhash(PIX *pix, uint64_t *out /* OUT */);

/*
 * The fingerprint of a page as the store keeps it: the dHash of the part
 * that shows the document, upright (around the MRZ when mrz_bbox, its box
 * on the page, and rotation, its turn, are given; else the bounding box of
 * everything that is not blank paper), the whole page when no part can be
 * cut out.
 */
ds_error ds_page_dhash(PIX *page, const int *mrz_bbox /* NULL: none */, int rotation,
                       uint64_t *out /* OUT */);

/* Number of bits in which a and b differ (0..64). */
int ds_hamming64(uint64_t a, uint64_t b);

#endif
