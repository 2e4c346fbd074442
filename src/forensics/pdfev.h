/*
 * pdfev: evidence that a PDF was changed after it was made, from what the
 * PDF reader reported (decode/decode.h ds_pdf_info, the text layers) and
 * from the rendered pages.
 *
 * - Editing software: the producer or creator names a program whose main
 *   use is changing existing PDFs or images (a table in pdfev.c).
 * - Text layer against print: the words of the text layer that hold
 *   numbers (amounts, dates, references) are read again with Tesseract on
 *   the same spot of the rendered page; a word the page does not show (an
 *   amount painted over and typed anew, an edited text layer) differs.
 * - Fonts: a number whose digits come from two font families, or one
 *   number in a line of numbers set in another family than the rest.
 * The incremental updates are in ds_pdf_info already (the reader counts
 * the revisions and the pages each one touches).
 */
#ifndef DS_PDFEV_H
#define DS_PDFEV_H

#include <stdbool.h>
#include <tesseract/capi.h>
#include "decode/decode.h"
#include "forensics/forensics.h"

#define DS_PDFEV_MAX 16
#define DS_PDFEV_TEXT 48

typedef struct ds_pdfev_word {
    int page;
    int box[4];                  /* x, y, w, h on the page image */
    char layer[DS_PDFEV_TEXT];   /* the text layer's word */
    char printed[DS_PDFEV_TEXT]; /* what OCR reads there ("" nothing printed) */
    float confidence;            /* Tesseract's mean confidence 0..100 */
    bool strong;                 /* a confident reading of other digits */
} ds_pdfev_word;

/* Whether OCR's reading read (at mean confidence conf) of the spot where
 * the text layer has the number layer, which it does not match, is a
 * confident reading of other digits, the evidence of an edit: read at 75
 * or more, with digits in it, and with no more letters than layer has
 * (more letters is OCR taking digits for letters). */
bool ds_pdfev_other_digits(const char *layer, const char *read, float conf);

typedef struct ds_pdfev_font {
    int page;
    int box[4];
    char word[DS_PDFEV_TEXT];    /* the number (the two fragments when inside one) */
    char font_a[DS_PDFEV_TEXT];  /* the line's (or the number's first) font */
    char font_b[DS_PDFEV_TEXT];  /* the other one */
    bool inside_number;          /* the change is between touching digits of one number */
} ds_pdfev_font;

/* A JPEG image drawn on a rendered page, checked from its own bytes. */
#define DS_PDFEV_IMAGES 64
typedef struct ds_pdfev_image {
    int page;
    int box[4];        /* on the page image; w = h = 0 when not known */
    int object, width, height;
    ds_forensics f;    /* the image forensics of its JPEG bytes */
} ds_pdfev_image;

typedef struct ds_pdfev {
    char editor[DS_PDFEV_TEXT];  /* the editing program named, "" none */
    char editor_field[12];       /* "producer" or "creator" */
    int words_checked;           /* text-layer words read again with OCR */
    int nwords;
    ds_pdfev_word word[DS_PDFEV_MAX];
    int nfonts;
    ds_pdfev_font font[DS_PDFEV_MAX];
    int nimages;
    ds_pdfev_image image[DS_PDFEV_IMAGES];
} ds_pdfev;

/* Matches the producer and creator against the editing programs. */
void ds_pdfev_editor(const ds_pdf_info *info, ds_pdfev *ev);

/* A font name's family: subset prefix, style suffix and MT/PS cut, lower
 * case ("ABCDEF+Arial-BoldMT" -> "arial"). */
void ds_pdfev_family(const char *font, char *out, size_t cap);

/* The font changes inside lines of numbers of every text layer. */
void ds_pdfev_fonts(const ds_pages *pages, ds_pdfev *ev);

/* The image forensics of every JPEG image drawn on a rendered page (a
 * photo, a pasted scan of a signature or an ID), from its own bytes as the
 * PDF holds them, as for a JPEG file. */
void ds_pdfev_images(const ds_pages *pages, ds_pdfev *ev);

/* Reads the text layers' number words again on the page images with api
 * (not NULL; its page segmentation mode and image are changed and
 * cleared). At most max_words words over all pages. */
ds_error ds_pdfev_text(const ds_pages *pages, TessBaseAPI *api, int max_words, ds_pdfev *ev);

#endif
