/*
 * One way to make a quiet Tesseract engine for the readers of printed text
 * (the passport data page, a licence front). An engine is used by one
 * thread at a time; the MRZ never goes through Tesseract.
 */
#ifndef DS_TESS_H
#define DS_TESS_H

#include <tesseract/capi.h>
#include "docscreen/docscreen.h"

/* Creates an engine for langs ("eng" when NULL or empty) with its
 * diagnostics sent to /dev/null. DS_ERR_MODEL when the traineddata is
 * missing, DS_ERR_NOMEM. */
ds_error ds_tess_create(const char *langs, TessBaseAPI **out /* OUT */);
void ds_tess_free(TessBaseAPI *api);

#endif
