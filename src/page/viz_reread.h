/*
 * viz_reread: reading a value again alone, and the votes of its readings.
 */
#ifndef DS_VIZ_REREAD_H
#define DS_VIZ_REREAD_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz.h"

/* The comparison's confidence bar (vizcheck.h): a value read under it is
 * re-read. */
#define DS_VIZ_REREAD_CONF 80.0f

/* One value the readings of a field gave, with how often and how well. */
typedef struct ds_viz_vote {
    char value[DS_VIZ_VALUE_MAX], norm[DS_VIZ_VALUE_MAX];
    float conf;      /* the most confident reading's word confidence */
    float char_conf; /* and its lowest symbol confidence */
    int n, agree, sure;
} ds_viz_vote;

/* The MRZ's value of field id that a reading can be held against, or NULL:
 * complete dates and the document number (not a visa's "Passport No.",
 * which names the holder's passport). */
const char *ds_viz_expected(const ds_mrz *m, int id);

/* A normalised reading says what the MRZ says: the same date (the MRZ has
 * no century), the same number or its printed short form (TD1). */
bool ds_viz_reads_as_expected(const char *norm, const char *exp, int id);

/* Counts reading g (normalised) into v (*nv votes of cap): one more for
 * the vote of its norm, or a new vote; a vote keeps the value and
 * confidences of its most confident reading. */
void ds_viz_vote_count(ds_viz_vote *v, int *nv, int cap, const ds_viz_field *g);

/*
 * Re-reads f (field id, normalised, its box in the caller's frame of the
 * region img scaled by 1/inv and cut at ox, oy) as the file comment of
 * viz_reread.c says, and sets its reads, same, agree, sure, against, keep
 * and near; expect is the MRZ's value (ds_viz_expected) or NULL. Counts
 * the passes in out->rereads and a confidence raised to the bar in
 * out->reread_raised.
 */
void ds_viz_reread_value(TessBaseAPI *api, PIX *img, ds_viz_field *f, int id, float inv, int ox,
                         int oy, const char *expect, ds_viz *out);

/* Re-reads text found outside a labelled field (a token, a line) as field
 * id would be (ds_viz_reread_value), into *f. */
void ds_viz_reread_text(TessBaseAPI *api, PIX *img, int id, const char *value, const char *norm,
                        float conf, const int bbox[4], float inv, int ox, int oy,
                        const char *expect, ds_viz *out, ds_viz_field *f /* OUT */);

#endif
