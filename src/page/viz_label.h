/*
 * viz_label: which segments of the data page are field labels, in any of
 * the languages the reader knows ("Surname / Nom", "Apellidos",
 * "Geburtsdatum", ...).
 */
#ifndef DS_VIZ_LABEL_H
#define DS_VIZ_LABEL_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz_page.h"

/*
 * Sets the field of every segment of pg (built by ds_viz_seg_build): a
 * ds_viz_field_id, DS_VIZ_FIELD_NAME_BOTH, DS_VIZ_FIELD_OTHER, or -1 for
 * no label. A segment is a label when one of its parts (between '/' or
 * ',') is a known label, compared after folding case and accents, with
 * one edit per six letters allowed. A label followed by its value on the
 * same line gets split, the index of the value's first word.
 */
void ds_viz_label_classify(ds_viz_page *pg);

/*
 * The field a caption's text names, as ds_viz_label_classify classifies a
 * segment's words (DS_VIZ_FIELD_NAME_BOTH and DS_VIZ_FIELD_OTHER
 * included), or -1.
 */
int ds_viz_label_classify_text(const char *text);

/*
 * Reads again, alone, the captions the sparse reading could not make out
 * because they are printed small (a 150 dpi page's captions are 5-6 pixels
 * tall, about half its values): every row of segments that are no label
 * (or name one name only), under 0.7 of the page's value height
 * (ds_viz_seg_value_height) and at most 16 pixels tall in img, is cut out
 * at its own height, enlarged to a 30-pixel text height (1.5x to 3x) and
 * read as one line (PSM 7); when the reading names a field as
 * ds_viz_label_classify would, the row's first segment becomes that
 * label, boxed over the row, and the row's other segments caption parts
 * (DS_VIZ_FIELD_OTHER). A name label is only replaced by one naming both
 * names. At most 12 rows a page; returns the number of readings made.
 * img is the scaled region (8 bpp); api's image is cleared.
 */
int ds_viz_label_reread_small(TessBaseAPI *api, PIX *img, ds_viz_page *pg);

/*
 * Whether t is a caption's number as printed before it: one or two
 * letters or digits with a bracket ("(1)", "12)", "(A)" for a misread
 * "(4)"), or one or two digits with a point ("4."). Never a value: the
 * brackets are drawn as tall as a value's letters.
 */
bool ds_viz_label_enumerator(const char *t);

/*
 * The field whose caption text (UTF-8, a value as read) holds: a part of
 * it between '/' or '|', or a run of one to three of its words of five
 * letters or more, that is a known label (as ds_viz_label_classify
 * compares them; DS_VIZ_FIELD_NAME_BOTH and DS_VIZ_FIELD_OTHER included).
 * -1 when it holds none. A value that holds a caption is a caption read
 * where a value was expected (captions below their values, captions in
 * two languages on two lines, numbered captions), never the value.
 */
int ds_viz_label_in_text(const char *text);

/*
 * The field of a known caption of eight letters or more (spaces left out)
 * found anywhere in text's letters run together ("DATEOFEXPIRY" read off
 * "271031DATEOFEXPIRY"), or -1. For values only: a name may hold a short
 * caption's letters, a number or a date holds none.
 */
int ds_viz_label_squeezed_in(const char *text);

#endif
