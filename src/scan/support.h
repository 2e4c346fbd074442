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
#include "forensics/forensics.h"
#include "barcode/vds.h"
#include "report/report.h"

typedef struct ds_sup_pool ds_sup_pool;

/* A pool for langs ("eng" when NULL or ""); checks now that every language
 * loads (DS_ERR_MODEL when one does not). */
ds_error ds_sup_pool_create(const char *langs, ds_sup_pool **out /* OUT */);
void ds_sup_pool_free(ds_sup_pool *p);

/* True when the pool's engines load "eng" alone, the language of the
 * printed-page readers (page/viz.h, page/dlfront.h), which then take their
 * engines from it too: a scanner makes one engine, not one per reader. */
bool ds_sup_pool_is_eng(const ds_sup_pool *p);
/* An idle engine of the pool, or a new one (NULL when none can be made);
 * ds_sup_pool_give puts it back (or frees it when the pool is full). */
struct TessBaseAPI *ds_sup_pool_take(ds_sup_pool *p);
void ds_sup_pool_give(ds_sup_pool *p, struct TessBaseAPI *api);

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
 * The double-JPEG evidence of a page read as text (a supporting document,
 * or plain text of no known type): the test's single-save model was made on
 * identity pages, and single saves of scanned text pages (white paper,
 * noise, sharp strokes) reach a score of 0.20 and a gain of 0.013 (416
 * generated supporting pages, 5 of them over the general thresholds).
 * On such a page the evidence needs a score of DS_SCAN_TEXT_DOUBLE_SCORE
 * (0 of those 416 single saves; 44 of 52 re-saves at a higher quality and
 * 15 of 36 at a lower one still caught); weaker evidence is dropped from f
 * (jpeg_double false, the measures kept). Returns whether it was dropped.
 */
/*
 * Whether a page whose MRZ was not read is ordinary text (a letter, a
 * statement) by its layout, so that its missing MRZ is information, not a
 * rescan request: no reading resembled an MRZ (mrz_like 0), at least
 * DS_SCAN_TEXT_REGIONS candidate regions split into long text lines, the
 * page is not classed an identity document, and its text, when it was read
 * (sp not NULL), reads clearly (mean confidence DS_SCAN_REGION_CONF or
 * more) without an identity document's wording (ds_sup_identity_wording).
 * An identity page photographed by hand or printed out and scanned again,
 * its MRZ missed, splits into lines too, and its text reads at 9 to 54
 * (heldout10): it is no page of text.
 */
#define DS_SCAN_TEXT_REGIONS 2
#define DS_SCAN_REGION_CONF 60.0
bool ds_scan_text_regions(int mrz_like, int nregions, ds_page_class pclass,
                          const struct ds_sup_page *sp);

#define DS_SCAN_TEXT_DOUBLE_SCORE 0.25f
bool ds_scan_support_double_jpeg(ds_forensics *f);

/*
 * The barcodes of one page and its kind, in the order that keeps a text
 * page cheap (when opt->barcodes): one quick barcode look (zbar and zxing
 * on a page with an MRZ, zxing alone on one without), then
 * ds_scan_support, then on a page without an MRZ: zbar's look too when a
 * barcode made it an identity page, every barcode fallback when it is
 * neither an identity document, a supporting one nor running text, and
 * nothing more on a page of text. mrz is the page's
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
