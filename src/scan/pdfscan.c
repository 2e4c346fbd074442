/*
 * pdfscan: a PDF input's evidence, flags and report object (pdfscan.h).
 */
#include "scan/pdfscan.h"

#include <stdlib.h>

#include "check/pdfcheck.h"
#include "forensics/pdfev.h"
#include "scan/support.h"

bool ds_scan_pdf_has_text(const ds_pages *pages)
{
    for (int i = 0; pages && i < pages->count; i++)
        if (pages->page[i].text && pages->page[i].text->nwords > 0)
            return true;
    return false;
}

ds_error ds_scan_pdf(const ds_pages *pages, TessBaseAPI *api, bool forensics, ds_flags *flags,
                     ds_report *r)
{
    if (!pages || !pages->pdf || !flags || !r)
        return DS_ERR_USAGE;
    ds_pdfev *ev = NULL;
    if (forensics) {
        ev = calloc(1, sizeof *ev);
        if (!ev)
            return DS_ERR_NOMEM;
        ds_pdfev_editor(pages->pdf, ev);
        ds_pdfev_fonts(pages, ev);
        ds_pdfev_images(pages, ev);
        /* A placed image may be a scan of text (a signature, a pasted
         * page): its second JPEG save needs the text page's stronger
         * score, as on a scanned text page. */
        for (int i = 0; i < ev->nimages; i++)
            ds_scan_support_double_jpeg(&ev->image[i].f);
        if (api) {
            ds_error err = ds_pdfev_text(pages, api, DS_PDFSCAN_MAX_WORDS, ev);
            if (err != DS_OK) {
                free(ev);
                return err;
            }
        }
    }
    ds_check_pdf(pages->pdf, ev, flags);
    json_decref(r->pdf);
    r->pdf = ds_report_pdf_json(pages->pdf, ev);
    free(ev);
    return r->pdf ? DS_OK : DS_ERR_NOMEM;
}
