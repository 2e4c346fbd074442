/*
 * The scanner's supporting-page step (issue 15), called once per page from
 * scan.c: decides what kind of page it is (identity by its accepted MRZ or
 * a parsed identity barcode or seal; otherwise from its words), reads the
 * words of a page that is not an identity document (its text layer where a
 * born-digital PDF has one, else full-page Tesseract in the configured
 * languages), extracts its fields and checks them against the case record.
 * Its Tesseract engines are pooled here, apart from the printed-page
 * reader's, because they load other languages.
 */
#ifndef DS_SCAN_SUPPORT_H
#define DS_SCAN_SUPPORT_H

#include <jansson.h>

#include "check/check.h"
#include "decode/decode.h"
#include "barcode/vds.h"
#include "report/report.h"

typedef struct ds_sup_pool ds_sup_pool;

/* A pool for langs ("eng" when NULL or ""); checks now that every language
 * loads (DS_ERR_MODEL when one does not). */
ds_error ds_sup_pool_create(const char *langs, ds_sup_pool **out /* OUT */);
void ds_sup_pool_free(ds_sup_pool *p);

/*
 * One page: sets x->support (when the page was read) and x->class_by, adds
 * the checks' flags; with opt->fingerprints, a page read as a supporting
 * document gets the fingerprint of its text as doc->dhash
 * (ds_sup_text_fingerprint; x->text_fingerprint set), since the picture
 * hash of two text pages of one template hardly differs. It
 * adds the time spent to *ms. usable_mrz: the page's
 * MRZ was accepted and parsed; barcodes: the page's "barcodes" array. When
 * opt->support is 0 only the identity decision is made. Returns the page's
 * class.
 */
ds_page_class ds_scan_support(ds_sup_pool *pool, const ds_options *opt, const ds_page *pg,
                              int page_no, int usable_mrz, const json_t *barcodes,
                              const ds_case *c, ds_flags *flags, ds_doc *doc, ds_doc_detail *x,
                              double *ms);

/* After the barcode fallbacks on a page read as "other": an identity
 * barcode or seal parsed there makes it an identity page. */
void ds_scan_support_identity(ds_doc_detail *x, const json_t *barcodes);

/*
 * The barcodes of one page and its kind, in the order that keeps a text
 * page cheap: one quick barcode pass (when opt->barcodes), then
 * ds_scan_support, then every barcode fallback only on a page that is
 * neither an identity document nor a supporting one. mrz is the page's
 * accepted MRZ or NULL. Adds the flags of both, the times to t->barcodes
 * and t->support, sets *pclass and returns the page's "barcodes" array
 * (NULL: out of memory).
 */
json_t *ds_scan_page_kind(ds_sup_pool *pool, const ds_options *opt, const ds_page *pg,
                          int page_no, const ds_mrz *mrz, const ds_case *c,
                          const ds_vds_trust *trust, int today_year, ds_flags *flags,
                          ds_doc *doc, ds_doc_detail *x, ds_timings *t,
                          ds_page_class *pclass /* OUT */);

#endif
