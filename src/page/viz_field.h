/*
 * viz_field: the values of the labelled fields of the data page.
 */
#ifndef DS_VIZ_FIELD_H
#define DS_VIZ_FIELD_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz.h"
#include "page/viz_page.h"

/*
 * Finds the value of each label of pg (classified by ds_viz_label_classify)
 * that is not found yet in out: the rest of the label's line, or the line
 * below it read again alone (the sparse reading's segment below when that
 * gives nothing), bounded by the next label to the right; then normalises
 * and re-reads it (ds_viz_reread_value, against expect's value when expect
 * is not NULL). img is the scaled region, inv, ox, oy map it to the
 * caller's frame.
 */
void ds_viz_field_assign(ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy,
                         TessBaseAPI *api, PIX *img, const ds_mrz *expect);

/*
 * Whether a value boxed at value (x, y, w, h) lies off its caption boxed at
 * label (same frame): below the caption's line and starting beyond its
 * right end by more than the caption's height, so that it is neither on
 * the caption's line nor under it (under a caption, a value starts under
 * it or, under one aligned right, left of it). Such a value is the next
 * caption's along the row, and ds_viz_field_assign never pairs it with
 * this one. False for an empty box.
 */
bool ds_viz_value_off_caption(const int label[4], const int value[4]);

#endif
