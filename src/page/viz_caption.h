/*
 * viz_caption: captions the sparse reading did not see at all (printed
 * light grey or extra light, or a few pixels tall on a photo or a
 * low-resolution card), looked for where a page prints them: in the
 * strip just over a value, or just under it. Only a caption read there names the value's field; nothing here
 * ever takes a value for a field without its caption.
 */
#ifndef DS_VIZ_CAPTION_H
#define DS_VIZ_CAPTION_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz_page.h"

/*
 * Whether a value read as text is of the kind field id holds (a
 * ds_viz_field_id or DS_VIZ_FIELD_NAME_BOTH): a date for a date, a word
 * with two digits or more and no date for a number, letters without
 * digits for a name, one to three letters for the sex or the
 * nationality.
 */
bool ds_viz_caption_kind(int id, const char *text);

/*
 * On a page where fewer than three of the compared fields (names, birth
 * date, number, expiry) have a caption read, reads again, enlarged, the
 * strips by each value-sized segment that is no label (at most 32
 * readings, top down): over it (from the value above, or 1.3 value
 * heights up, to its top) and, when no caption is read there and a value
 * follows under it, under it (one value height down), each from just
 * left of its start to the next value on its row (at most eight value
 * heights past its start); when neither names a field, left of it on its
 * row (from the value before it, or 16 value heights, to its start; the
 * caption ending within three value heights of it). A strip whose
 * reading names no field is read again cleaned of rules, box sides and a
 * light background (viz_strip.h); a caption over or under its value read
 * only so must start within two value heights of the value's start. A reading that names a field
 * (ds_viz_label_classify's rules, or a long caption's letters run
 * together) as one line no taller than the value (a tenth more), a tenth
 * nearer this value than the value on its other side, over or under a
 * value of that field's kind (ds_viz_caption_kind), of a field no caption
 * of the page names yet, becomes a label segment of pg (its words added)
 * whose value is that segment (value_at), paired by ds_viz_field_assign
 * as any other. img is the scaled region (8 bpp); api's image is
 * cleared. Returns the number of readings made.
 */
int ds_viz_caption_above(TessBaseAPI *api, PIX *img, ds_viz_page *pg);

#endif
