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

#endif
