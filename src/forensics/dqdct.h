/*
 * dqdct.h: the DCTs of the double-JPEG test (forensics.c, dqdct.c).
 *
 * ds_dq_basis: the orthonormal DCT basis cb[u][x].
 * ds_dq_idct: dequantises blk (libjpeg's coefficients, natural order) with
 * q and inverts it into the 8x8 pixels out[y * stride + x], rounded and
 * clamped to 0..255.
 * ds_dq_fdct: the coefficients at pos[0..npos) (r * 8 + c, each with
 * r + c <= 7: the zig-zag's first 36) of the 8x8 pixels at p, into out.
 */
#ifndef DS_FORENSICS_DQDCT_H
#define DS_FORENSICS_DQDCT_H

#include <stddef.h>
#include <stdint.h>

void ds_dq_basis(double cb[8][8]);
void ds_dq_idct(const double dq_cos[8][8], const short *blk, const uint16_t q[64], uint8_t *out,
                size_t stride);
void ds_dq_fdct(const double dq_cos[8][8], const uint8_t *p, size_t stride, const uint8_t *pos,
                int npos, double *out);

#endif
