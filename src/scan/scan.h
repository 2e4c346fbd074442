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
#include "check/check.h"
#include "page/viz.h"

/*
 * For tests of the printed page's robustness: reads the MRZ of the 8 bpp
 * page gray as a scan does, then the printed page above it once for each
 * of the nshift shifts, each moving the MRZ's box in the upright frame by
 * dx, dy, dw, dh pixels before the printed page is cut out, scaled and read
 * ({0, 0, 0, 0} is the scan's own reading). viz[k] and flags[k] (either
 * may be NULL; else nshift entries) get that reading and the flags of its
 * comparison with the MRZ. DS_ERR_NOT_FOUND when the page has no MRZ a
 * scan would compare the printed page with.
 */
ds_error ds_scan_viz_shifted(ds_scanner *s, PIX *gray, int nshift, const int (*shift)[4],
                             ds_viz *viz /* OUT */, ds_flags *flags /* OUT */);

#endif
