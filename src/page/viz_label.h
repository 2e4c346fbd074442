/*
 * viz_label: which segments of the data page are field labels, in any of
 * the languages the reader knows ("Surname / Nom", "Apellidos",
 * "Geburtsdatum", ...).
 */
#ifndef DS_VIZ_LABEL_H
#define DS_VIZ_LABEL_H

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
