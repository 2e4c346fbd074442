/*
 * viz_seg: grouping the words of a sparse reading into segments, runs of
 * words on one line with small gaps (a label, a value, a label and its
 * value).
 */
#ifndef DS_VIZ_SEG_H
#define DS_VIZ_SEG_H

#include "page/viz_page.h"

/*
 * Groups pg's words into segments: same line (vertical centres within half
 * the taller word, or one Tesseract text line) and a horizontal gap under
 * 1.2 word heights. Reorders pg->w by segment, then left to right; words
 * beyond DS_VIZ_PAGE_SEGS segments are dropped. Every segment's field and
 * split are -1.
 */
void ds_viz_seg_build(ds_viz_page *pg);

#endif
