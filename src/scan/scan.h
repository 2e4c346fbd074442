/*
 * scan: the whole pipeline for one file, decode to report.
 *
 * A scanner holds what is expensive to set up (the OCR-B model) and is used
 * by one thread at a time. ds_scan_file never fails silently: an input error
 * returns its code and still produces a report naming the error, so every
 * file a user hands in gets an answer. Reports never go to logs.
 */
#ifndef DS_SCAN_H
#define DS_SCAN_H

#include <jansson.h>
#include "docscreen/docscreen.h"
#include "check/case.h"
#include "decode/decode.h"

typedef struct ds_scan_options {
    ds_limits limits;
    int today_year; /* 0: from the clock; tests pin it */
    char today[11];    /* "YYYY-MM-DD"; empty: from the clock */
    const char *trust_dir; /* certificates of digital-seal signers; NULL: none */
    int barcodes;      /* 1: read barcodes and seals (the default), 0: skip them */
    int viz;           /* 1: read the printed data page and compare it with the MRZ */
    int forensics;     /* 1: look for editing traces and measure image quality */
    const char *annotate_path; /* write the annotated page here (NAME-N.EXT per page
                                  of a multi-page file); NULL: none */
} ds_scan_options;

void ds_scan_options_default(ds_scan_options *out /* OUT */);

typedef struct ds_scanner ds_scanner;

ds_error ds_scanner_create(const ds_scan_options *opt, ds_scanner **out /* OUT */);
void ds_scanner_free(ds_scanner *s);

/*
 * Scans every page of the file at path and returns the report object of
 * ../shared/DESIGN.md (caller owns it: json_decref). The report carries
 * "file", "documents", "flags", "verdict" and "timing_ms" with "total",
 * "decode", "locate", "ocr" and "parse" in milliseconds. On an input error
 * the return is that error and the report has "error": {"code", "message"}.
 */
ds_error ds_scan_file(ds_scanner *s, const char *path, json_t **out_report /* OUT */);

/*
 * As ds_scan_file, and compares what each page says with the applicant's
 * case record (NULL: no case; the document is still checked against
 * itself and against today's date).
 */
ds_error ds_scan_file_case(ds_scanner *s, const char *path, const ds_case *case_record,
                           json_t **out_report /* OUT */);

#endif
