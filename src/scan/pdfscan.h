/*
 * pdfscan: what a PDF input adds to a scan: its editing evidence
 * (forensics/pdfev.h), its flags (check/pdfcheck.h) and the report's "pdf"
 * object. scan.c calls it once per PDF, after the pages.
 */
#ifndef DS_PDFSCAN_H
#define DS_PDFSCAN_H

#include <stdbool.h>
#include <tesseract/capi.h>
#include "check/check.h"
#include "decode/decode.h"
#include "report/report.h"

/* Text layer words read again with OCR per file, at most. */
#define DS_PDFSCAN_MAX_WORDS 300

/* pages->pdf must be set. api (may be NULL: no OCR comparison) is used
 * only when forensics is on. */
ds_error ds_scan_pdf(const ds_pages *pages, TessBaseAPI *api, bool forensics, ds_flags *flags,
                     ds_report *r);

/* True when a page of pages has a text layer (the OCR comparison needs an
 * engine then). */
bool ds_scan_pdf_has_text(const ds_pages *pages);

#endif
