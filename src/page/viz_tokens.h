/*
 * viz_tokens: the dates and numbers printed anywhere on the data page,
 * with or without a label (viz.h's ds_viz_token lists).
 */
#ifndef DS_VIZ_TOKENS_H
#define DS_VIZ_TOKENS_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz.h"
#include "page/viz_page.h"

/* Every date printed on the page, labelled or not: each run of one to four
 * words of a segment that parses as a date, at its most confident, into
 * out->dates. */
void ds_viz_tokens_dates(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy);

/* A date wrapped onto two lines ("23 JUL" over "2004"): a segment that is
 * no date and no label, of at most three words, with a segment of one
 * word below it that is a year of four digits alone, its left edge under
 * the first's and at most a line's height down, read as one date into
 * out->dates when together they parse (ds_viz_tokens_dates calls it). */
void ds_viz_tokens_wrapped_dates(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy);

/* The page's dates include the MRZ's birth and expiry dates, each read
 * clearly: no other date of the page can change a comparison, and the
 * search for broken dates (their re-reads cost most of a page's OCR time)
 * is skipped. Guidance moves effort only. */
bool ds_viz_tokens_mrz_read(const ds_viz *v, const ds_mrz *expect);

/* A word that looks like part of a date but belongs to no date the sparse
 * pass read is read again on its own line; a date that two or more of
 * those readings give joins the page's dates. A date read under the
 * comparison's bar is read again the same way, and raised to its most
 * confident reading when two or more readings give it. */
void ds_viz_tokens_reread_broken(TessBaseAPI *api, PIX *img, const ds_viz_page *pg,
                                 ds_viz *out, float inv, int ox, int oy);

/* A clear date of the page one confusable digit off the MRZ's birth or
 * expiry date is re-read like a field against it (ds_viz_reread_value),
 * its counts set; the token keeps its text and key. */
void ds_viz_tokens_reread_dates(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox,
                                int oy, const ds_mrz *expect);

/* Every number-like word of the page (ds_viz_token), into out->numbers. */
void ds_viz_tokens_numbers(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy);

#endif
