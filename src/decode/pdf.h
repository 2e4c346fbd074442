/*
 * pdf: PDF input. The file is parsed and rendered by a separate process,
 * docscreen-pdf (tools/docscreen-pdf.cpp), under resource limits and a
 * wall-clock deadline; this side spawns it, reads its frames (pdfwire.c)
 * and turns them into pages. docs/pdf.md has the design.
 */
#ifndef DS_PDF_H
#define DS_PDF_H

#include <stddef.h>
#include <stdint.h>
#include "decode/decode.h"

/* ----------------------------------------------------------- pdfwire.c */

/* Where frames come from: read fills exactly n bytes or returns an error
 * (DS_ERR_PDF_READER when the stream ends early, DS_ERR_DECODE_TIME at the
 * deadline). */
typedef struct ds_pdfwire_src {
    ds_error (*read)(void *ctx, void *buf, size_t n);
    void *ctx;
} ds_pdfwire_src;

/* Reads one reader's answer: its pages (format DS_FORMAT_PDF, with
 * ->pdf) or the error it reports or that its frames amount to. */
ds_error ds_pdfwire_read(const ds_pdfwire_src *src, const ds_limits *lim, ds_pages **out);
/* The same over frames in memory (tests, fuzzing). */
ds_error ds_pdfwire_read_mem(const uint8_t *data, size_t len, const ds_limits *lim,
                             ds_pages **out);
/* The error of a FAIL frame's word (n bytes). */
ds_error ds_pdfwire_fail_error(const char *word, size_t n);

/* --------------------------------------------------------------- pdf.c */

/*
 * Decodes every page of the PDF in data[0..len) through the reader process
 * at helper (NULL: $DOCSCREEN_PDF_HELPER, else docscreen-pdf beside the
 * running program, else the installed one). lim bounds the file, pages,
 * pixels and the wall-clock time (max_decode_ms; 0 still stops a reader
 * after DS_PDF_HARD_MS).
 */
#define DS_PDF_HARD_MS 600000
ds_error ds_pdf_decode(const uint8_t *data, size_t len, const ds_limits *lim, const char *helper,
                       ds_pages **out);

/* The reader's path the decode above would use (for messages and tests). */
const char *ds_pdf_helper_path(const char *helper, char *buf, size_t cap);

#endif
