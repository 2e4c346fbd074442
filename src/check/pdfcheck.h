/*
 * pdfcheck: flags from a PDF's container facts (decode/decode.h
 * ds_pdf_info) and editing evidence (forensics/pdfev.h), each at the
 * severity its strength earns (docs/flags.md).
 */
#ifndef DS_PDFCHECK_H
#define DS_PDFCHECK_H

#include "check/check.h"
#include "decode/decode.h"
#include "forensics/pdfev.h"

/* Raises PDF_INCREMENTAL_UPDATE, PDF_EDITOR_SOFTWARE, PDF_TEXT_MISMATCH and
 * PDF_FONT_MIX as the evidence says. ev may be NULL (forensics off). */
void ds_check_pdf(const ds_pdf_info *info, const ds_pdfev *ev, ds_flags *flags);

#endif
