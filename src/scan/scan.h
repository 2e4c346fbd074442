/*
 * scan: the whole pipeline for one input, decode to report, behind the
 * public ds_scanner, ds_scan_mem and ds_scan_file of docscreen.h.
 *
 * A scanner is shared by every thread: the OCR-B model and the seal signers
 * are read-only after create, and each scan borrows a Tesseract engine from
 * the scanner's pool for its duration. A scan never fails silently: an
 * input error returns its code and still produces a report naming it.
 * Reports never go to logs.
 */
#ifndef DS_SCAN_H
#define DS_SCAN_H

#include "docscreen/docscreen.h"

#endif
