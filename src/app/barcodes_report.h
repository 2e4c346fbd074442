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

#include "analyse/mrz.h"
#include "analyse/vds.h"
#include "check/case.h"
#include "check/check.h"

/*
 * Scans page for barcodes and returns the report's "barcodes" array (never
 * NULL unless out of memory). mrz (the page's MRZ, or NULL), case_record
 * (or NULL) and trust (the seal signers; NULL: none) feed the cross-checks,
 * whose flags are appended to flags. today_year gives two-digit years in a
 * seal's MRZ their century.
 */
json_t *ds_report_barcodes(PIX *page, int page_no, const ds_mrz *mrz, const ds_case *case_record,
                           const ds_vds_trust *trust, int today_year, ds_flags *flags);

#endif
