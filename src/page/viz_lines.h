/*
 * viz_lines: the page's lines of letters (viz.h's ds_viz_line), from which
 * the check stage finds a name whose label was unreadable.
 */
#ifndef DS_VIZ_LINES_H
#define DS_VIZ_LINES_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz.h"
#include "page/viz_page.h"

/* Every segment of pg that is no label and letters only (a comma between
 * a surname and given names allowed), with two letters or more, into
 * out->lines, top down. */
void ds_viz_lines_collect(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy);

/* A name's line, its label unreadable, read poorly right above the MRZ's
 * given names (id DS_VIZ_SURNAME) or right below its surname (id
 * DS_VIZ_GIVEN_NAMES): re-read like a value, without the MRZ, so that the
 * check stage can compare it. Nothing is done without expect or when
 * field id was found. */
void ds_viz_lines_reread_name(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox,
                              int oy, const ds_mrz *expect, int id);

#endif
