/*
 * report: the typed report of one scan (ds_report, docscreen.h) and how the
 * pipeline fills it.
 *
 * The scan stage appends one document per page with what each stage read,
 * then the flags, the verdict and the timings. The typed members of ds_doc
 * are what callers read; beside each document the report keeps the stages'
 * own records (the MRZ parse, the printed-page fields, the image evidence,
 * the barcodes' parsed payloads) from which report/json.c writes the JSON of
 * docs/contracts.md. Nothing here reads images or decides a flag; the verdict
 * follows from the flags alone.
 */
#ifndef DS_REPORT_H
#define DS_REPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "docscreen/docscreen.h"
#include "check/check.h"
#include "decode/decode.h"
#include "forensics/forensics.h"
#include "forensics/pdfev.h"
#include "mrz/mrz.h"
#include "page/support.h"
#include "page/viz.h"

/* The stages' records behind one document, for the serializer. */
typedef struct ds_doc_detail {
    bool parsed;                 /* mrz below is a parse of the lines */
    ds_mrz mrz;
    ds_viz_field viz[DS_VIZ_FIELD_COUNT];
    bool image_ran;              /* forensics ran: the "image" object is written */
    bool image_with_file;        /* the file's evidence is written (first page) */
    ds_forensics image;
    json_t *barcodes;            /* the "barcodes" array, owned */
    ds_sup_page *support;        /* the page's class and supporting fields, owned; NULL: none */
    char class_by[12];           /* what decided the class: "mrz", "barcode", "text", "" */
    bool text_fingerprint;       /* ds_doc.dhash is the fingerprint of the page's text */
} ds_doc_detail;

struct ds_report {
    char *file;
    ds_error error;
    const char *format;          /* static; NULL on an input error */
    int pages;
    char screened_on[11];
    bool has_case;               /* case_id written after screened_on */
    bool case_late;              /* case_id set after the scan: written after the refs */
    char case_id[DS_CASE_ID_MAX + 1];
    int ndocs, docs_cap;
    ds_doc *docs;
    ds_doc_detail *detail;
    ds_barcode_result **barcodes; /* per document, ndocs entries */
    int nflags, flags_cap, dropped;
    ds_flag *flags;
    ds_related **related;         /* per flag: NULL or related[nrelated[i]] */
    int *nrelated;
    ds_verdict verdict;
    bool timed;
    ds_timings timing;
    bool has_refs;
    int64_t job_id, document_id;
    json_t *pdf;                  /* a PDF input's "pdf" object (ds_report_pdf_json), owned */
};

/* The report's "pdf" object (docs/contracts.md): the container's revisions,
 * producer and creator, how each page was obtained, and what its text was
 * checked against; ev may be NULL. NULL when out of memory. */
json_t *ds_report_pdf_json(const ds_pdf_info *info, const ds_pdfev *ev);

/* A report of nothing yet, for the input named file. NULL: out of memory. */
ds_report *ds_report_create(const char *file);

/* A report of an input error: verdict "error", no document. */
ds_report *ds_report_create_error(const char *file, ds_error err);

/*
 * Appends a document for page and returns it with its detail (both zeroed
 * but for page and type OTHER), or NULL when out of memory. The report owns
 * detail->barcodes once set.
 */
ds_doc *ds_report_add_document(ds_report *r, int page, ds_doc_detail **detail /* OUT */);

/* Fills the typed members of every document from its detail (MRZ fields
 * and checks, printed fields, image evidence, barcode summaries). */
ds_error ds_report_finish_documents(ds_report *r);

/* Copies the scan's flags and sets the verdict from them. */
ds_error ds_report_set_flags(ds_report *r, const ds_flags *flags);

#endif
