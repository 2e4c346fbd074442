/*
 * viz_pair: a caption read whose value no earlier step paired with it,
 * paired by layout with a date or number the page's later readings made
 * (a comb's date read with its box sides erased, a date read again on its
 * own line), whatever order they were read in.
 */
#ifndef DS_VIZ_PAIR_H
#define DS_VIZ_PAIR_H

#include "page/viz.h"
#include "page/viz_page.h"

/*
 * For every label segment of pg naming a date field (birth, expiry,
 * issue) or a number field (document, passport) that out does not hold
 * yet (or holds as a value that is no date or number, junk read under the
 * caption): the date (out->dates) or number (out->numbers) token no found field
 * holds that sits where a value of that caption sits, just below it,
 * just above it, or after it on its row (a comb or a table cell), left
 * edges aligned for below and above. The pairing is made only when it is
 * unambiguous: the token is the label's nearest by a clear margin, and no
 * other caption of the page sits nearer to it. The field keeps the token's
 * text, key and confidence, the label's box as its label_bbox; placed
 * stays false (its caption identifies it). inv, ox, oy map pg's frame to
 * the caller's, as ds_viz_caller_box does. Returns the fields paired.
 */
int ds_viz_pair_late(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy);

#endif
