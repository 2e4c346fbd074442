/*
 * mrz/clip: an MRZ that runs off the edge of the image.
 *
 * A card laid against the edge of the platen, or a photo cropped tight,
 * cuts the start or the end of the MRZ lines. The lines are read as far as
 * they go; the characters next to the cut are no evidence for a repair
 * (nothing may be repaired into what is missing), and a check that fails
 * on a clipped MRZ is a reading that needs a rescan, never a fraud flag.
 */
#ifndef DS_MRZ_CLIP_H
#define DS_MRZ_CLIP_H

#include "mrz/mrz.h"

/*
 * Copies the recognised lines in[0..nlines) (lens[l] characters each) to
 * out, where every character within DS_MRZ_CLIP_CELLS of a clipped end
 * (clipped: DS_MRZ_CLIPPED_START | DS_MRZ_CLIPPED_END) is taken as read
 * with no second choice, so ds_mrz_parse_ocr makes no check-digit repair
 * there. With clipped 0 out is a plain copy.
 */
void ds_mrz_clip_chars(int clipped, const ds_mrz_char *const *in, const int *lens, int nlines,
                       ds_mrz_char out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE] /* OUT */);

/*
 * Records on a parsed MRZ that it is clipped and marks every check that
 * fails as one a misreading may explain (ds_mrz.misread): what the cut hides
 * is unknown. Does nothing when clipped is 0.
 */
void ds_mrz_clip_mark(ds_mrz *m, int clipped);

#endif
