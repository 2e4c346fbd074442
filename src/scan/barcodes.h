/*
 * The barcode part of a page's report: reads every barcode and digital seal
 * on the page, parses AAMVA and ICAO VDS payloads, verifies seal signatures
 * and cross-checks what the barcodes say with the MRZ and the case record.
 * It only adds to the report and the flags; it never changes what the MRZ
 * reader found.
 */
#ifndef DS_BARCODES_REPORT_H
#define DS_BARCODES_REPORT_H

#include <jansson.h>
#include <leptonica/allheaders.h>
#include <stdbool.h>

#include "mrz/mrz.h"
#include "decode/decode.h"
#include "barcode/vds.h"
#include "check/case.h"
#include "check/check.h"

struct TessBaseAPI;

/*
 * Scans page for barcodes and returns the report's "barcodes" array (never
 * NULL unless out of memory). mrz (the page's MRZ, or NULL), case_record
 * (or NULL) and trust (the seal signers; NULL: none) feed the cross-checks,
 * whose flags are appended to flags. today_year gives two-digit years in a
 * seal's MRZ their century.
 */
json_t *ds_scan_barcodes(PIX *page, int page_no, const ds_mrz *mrz, const ds_case *case_record,
                           const ds_vds_trust *trust, int today_year, ds_flags *flags);

/* The barcode passes of ds_scan_barcodes_pass. */
typedef enum ds_scan_bc_pass {
    DS_SCAN_BC_FULL = 0,    /* the page, then every fallback (other scales, a quarter turn,
                               cut-out regions) until something is read */
    DS_SCAN_BC_QUICK = 1,   /* one look at the page as it is, by zbar and zxing */
    DS_SCAN_BC_ZXING = 2,   /* one look at the page as it is, by zxing alone: every
                               symbology, the identity ones (PDF417, DataMatrix) included */
} ds_scan_bc_pass;

/* As ds_scan_barcodes, choosing the pass (quick: what a page with an MRZ
 * gets). */
json_t *ds_scan_barcodes_pass(PIX *page, int page_no, const ds_mrz *mrz,
                              const ds_case *case_record, const ds_vds_trust *trust,
                              int today_year, ds_scan_bc_pass pass, ds_flags *flags);

/*
 * After every page of a file was reported: for each AAMVA barcode in
 * documents (the report's array, one entry per page of pages), reads the
 * printed front of the licence with Tesseract (page/dlfront.h) on the
 * file's pages without an MRZ, the barcode's own page included with its
 * barcodes blanked (both sides scanned on one page), and keeps the page
 * that agrees best. Adds "printed" to the barcode's "parsed" object
 * ({ "page": n|null, "fields": { "surname": { "status", "value",
 * "normalized", "confidence", "bbox" }, ... }, "ms": t }) and one
 * BARCODE_MISMATCH (high, source "barcode", expected = the printed value,
 * found = the barcode's) per field dlcheck.h calls a mismatch. A page read
 * as the front no longer raises a warning for having no MRZ (the
 * MRZ_NOT_FOUND warning becomes information). Does nothing when no page has
 * an AAMVA barcode; the Tesseract engine lives only for the call.
 */
void ds_scan_barcodes_printed(json_t *documents, const ds_pages *pages, ds_flags *flags);

/* True when some page of documents (as above) has an AAMVA barcode parsed:
 * ds_scan_barcodes_printed will read printed text. */
bool ds_scan_barcodes_any_licence(json_t *documents);

/* ds_scan_barcodes_printed with the caller's Tesseract engine ("eng", made
 * by ds_tess_create; NULL: one of its own for the call). */
void ds_scan_barcodes_printed_with(struct TessBaseAPI *api, json_t *documents,
                                   const ds_pages *pages, ds_flags *flags);

#endif
