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

/*
 * The top of segment s as its words give it: the median top of its words
 * with a letter or digit. A word's box may take in ink of the line above
 * or below (a 150 dpi value boxed with the small caption under it); most
 * of a line's words still start at the line's top. 0 for no such segment.
 */
int ds_viz_seg_top(const ds_viz_page *pg, int s);

/*
 * The height of the page's values: the median height of the segments that
 * are no label and read as capitals or digits (two or more), or 0 when
 * fewer than three segments do.
 */
int ds_viz_seg_value_height(const ds_viz_page *pg);

#endif
