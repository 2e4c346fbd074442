/*
 * viz_value: a field's value made of words read, its normal form, and the
 * boxes and token lists every step of the VIZ reader shares.
 */
#ifndef DS_VIZ_VALUE_H
#define DS_VIZ_VALUE_H

#include <stdbool.h>
#include "page/viz.h"
#include "page/viz_page.h"

/* The box x0..x1, y0..y1 of the OCR image (scaled by 1/inv, cut at ox, oy)
 * as x, y, w, h in the caller's frame. */
void ds_viz_caller_box(int x0, int y0, int x1, int y1, float inv, int ox, int oy,
                       int out[4] /* OUT */);

/* bbox (the caller's page frame) in the frame of the scaled region the
 * reader works in: ds_viz_caller_box the other way. */
void ds_viz_region_box(const int bbox[4], float inv, int ox, int oy, int sb[4] /* OUT */);

/*
 * Makes f's value of the words ws[0..n) (up to the first one starting at
 * xlimit or right of it, when xlimit > 0): their text joined by spaces,
 * the lowest word and symbol confidences, their box and the label's box
 * lab, in the caller's frame. f is left as it was when no word is taken;
 * f->norm is not set.
 */
void ds_viz_value_set(ds_viz_field *f, const ds_viz_word *ws, int n, int xlimit,
                      const int lab[4], float inv, int ox, int oy);

/* Sets f->norm from f->value as field id wants it (viz.h's ds_viz_field):
 * "" when the value does not parse. */
void ds_viz_value_normalise(ds_viz_field *f, int id);

/* Birth, expiry and issue dates. */
bool ds_viz_is_date_field(int id);

/* Two x, y, w, h boxes overlap. */
bool ds_viz_boxes_meet(const int a[4], const int b[4]);

/*
 * Keeps a reading of key in list (*n entries of cap): a new entry, or the
 * entry of the same key when this reading is more confident. With
 * by_place, the same key printed elsewhere (boxes apart) is another entry:
 * a visa prints its start date twice, as "Valid from" and as the date of
 * issue. bbox is in the caller's frame.
 */
void ds_viz_token_keep(ds_viz_token *list, int *n, int cap, const char *key, const char *value,
                       float conf, const int bbox[4], bool by_place);

#endif
