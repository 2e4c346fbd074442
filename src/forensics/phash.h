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

/* Number of bits in which a and b differ (0..64). */
int ds_hamming64(uint64_t a, uint64_t b);

#endif
