/*
 * decode: bytes of an uploaded or scanned file to page images.
 *
 * It sniffs the format from the content (never from the file name), enforces
 * the byte, pixel and page limits before any pixel buffer is allocated, and
 * returns every page of the file as an 8-bit grayscale Leptonica PIX.
 * It must never crash, hang or allocate without bound on hostile input; any
 * failure is a ds_error and no partial result escapes.
 */
#ifndef DS_DECODE_H
#define DS_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

typedef enum ds_format {
    DS_FORMAT_UNKNOWN = 0,
    DS_FORMAT_JPEG,
    DS_FORMAT_PNG,
    DS_FORMAT_TIFF,
    DS_FORMAT_PDF
} ds_format;

/* ds_limits (public, docscreen.h) bounds every input. */


/*
 * The text a born-digital page carries (a PDF's text layer), word by word, in
 * the page image's pixel coordinates (origin top left). Filled by the PDF
 * decoder; NULL on every scanned page. The page stage reads it instead of
 * OCR where it exists, and the forensics stage compares the two.
 */
typedef struct ds_text_word {
    char *text;    /* UTF-8, owned */
    int box[4];    /* x, y, w, h in page pixels */
    int font;      /* index into ds_text_layer.font, -1 when unknown */
    float size;    /* font size in points, 0 when unknown */
    int line;      /* the text line it belongs to (words of one line share it), -1 unknown */
} ds_text_word;

typedef struct ds_text_layer {
    int nwords;
    ds_text_word *word; /* nwords entries, in reading order */
    int nfonts;
    char **font;        /* font names as the file gives them, owned */
} ds_text_layer;

void ds_text_layer_free(ds_text_layer *t);

/* What ds_page_ink decodes a colour page from again: the file's bytes,
 * shared by the colour pages of one file (decode.c). */
typedef struct ds_page_colour {
    int refs;
    ds_format format;
    uint8_t *data;
    size_t len;
} ds_page_colour;

typedef struct ds_page {
    PIX *gray;     /* 8 bpp grayscale, owned */
    ds_page_colour *colour; /* a colour page (a colour JPEG, a 32 bpp PNG or TIFF): its
                               source for ds_page_ink, a reference owned; NULL otherwise */
    int colour_page; /* its page in that source (a TIFF's), 0 otherwise */
    ds_text_layer *text; /* born-digital PDF page: its text layer, owned; NULL otherwise */
    int dpi;       /* resolution the file declares, 0 when unknown */
    int reduction; /* file pixels per page pixel along a side: 1, or 2, 4, 8
                      for a JPEG scaled by ds_limits.jpeg_min_side */
} ds_page;

/*
 * A colour page with light coloured ink (a stamp, a highlighter): its gray
 * with that ink lifted toward the paper (decode/tint.h), the same size as
 * pg->gray; caller destroys. The page's colour is decoded again here, on
 * demand (the supporting-page reader asks; the decoder keeps only its
 * gray, so a passport page pays nothing for it). NULL for a gray page, one
 * without such ink, or when the colour cannot be decoded.
 */
PIX *ds_page_ink(const ds_page *pg);

/* How one page of a PDF was obtained. */
typedef struct ds_pdf_page_src {
    int rendered;     /* 0: the embedded image's samples; 1: a rendering of the page */
    const char *codec; /* embedded: "dct", "flate", "ccitt"; rendered from an image: "jbig2",
                          "jpx", "other"; "" for a page that is not one image (static) */
    int dpi;          /* of the page image */
    int words;        /* words of its text layer (0: none) */
    uint8_t *dct;     /* embedded DCT page: the JPEG bytes as the PDF holds them, owned
                         (the image forensics reads them as it reads a JPEG file); NULL
                         for any other page */
    size_t dct_len;
    int nimages;      /* a rendered page: the JPEG images drawn on it */
    struct ds_pdf_image *images; /* nimages entries, owned */
} ds_pdf_page_src;

/* A JPEG image (DCT XObject) drawn on a rendered page: a photo, a pasted
 * scan of a signature or an ID; its bytes as embedded, for the image
 * forensics. */
typedef struct ds_pdf_image {
    int box[4];       /* x, y, w, h on the page image; w = h = 0 when not known */
    int width, height; /* as its dictionary declares */
    int object;       /* its object number in the file */
    uint8_t *dct;     /* owned */
    size_t dct_len;
} ds_pdf_image;

#define DS_PDF_REVS_MAX 64
#define DS_PDF_META_MAX 64
#define DS_PDF_SHARED_MAX 8

/* A revision appended to the file after it was made (an incremental update). */
typedef struct ds_pdf_revision {
    int number;       /* 2 for the first update */
    int objects;      /* objects it defines (in object streams too) */
    int compressed;   /* of them, found only in its object streams (PDF 1.5) */
    int unread_streams; /* its object streams that could not be read (a filter chain,
                           a predictor, over a limit): its pages may be under-reported */
    int npages;
    int *pages;       /* 0-based pages whose objects it redefines, owned */
    /* Its cross-reference data (tables or streams) against its bytes. */
    int xref_sections, xref_unread; /* sections found; of them, not read */
    int xref_listed;  /* in-use entries */
    int xref_relisted; /* of them, unchanged objects of earlier revisions listed again */
    int xref_bad;     /* of them, pointing where their object is not */
    int xref_unlisted; /* objects its bytes define that its xref does not list */
    int xref_only;    /* objects only its xref tells (their object stream unread) */
    /* Objects several pages list (a shared font, form or resource dictionary)
     * that it redefines, with the pages that draw with them. */
    int nshared;
    struct ds_pdf_shared {
        int object;
        char kind[12]; /* font, xobject, resources, content, page */
        int npages;
        int *pages;    /* owned */
    } shared[DS_PDF_SHARED_MAX];
} ds_pdf_revision;

/* What the PDF container says about itself, beside its pages. */
typedef struct ds_pdf_info {
    int revisions;    /* 1: saved once */
    char producer[DS_PDF_META_MAX], creator[DS_PDF_META_MAX]; /* printable ASCII, "" none */
    int encrypted;    /* encrypted without a user password (readable) */
    int repaired;     /* the reader had to repair the cross-reference structure */
    int nrev;         /* revisions after the first */
    ds_pdf_revision rev[DS_PDF_REVS_MAX];
    int npages;
    ds_pdf_page_src *page; /* npages entries, owned */
} ds_pdf_info;

void ds_pdf_info_free(ds_pdf_info *p);

typedef struct ds_pages {
    int count;
    ds_page *page; /* count entries */
    ds_format format;
    ds_pdf_info *pdf; /* DS_FORMAT_PDF: the container's facts, owned; NULL otherwise */
} ds_pages;

/* Silences Leptonica's and libtiff's messages for the process (once). */
void ds_decode_quiet(void);

/* Identifies the format from the first bytes; DS_FORMAT_UNKNOWN otherwise. */
ds_format ds_decode_sniff(const uint8_t *data, size_t len);
const char *ds_format_name(ds_format f);

/*
 * Decodes every page in data[0..len). Width and height of each page are read
 * from the header and checked against lim->max_pixels before decoding.
 */
ds_error ds_decode_mem(const uint8_t *data, size_t len, const ds_limits *lim,
                       ds_pages **out /* OUT */);

/*
 * Any input: a PDF through its reader process (decode/pdf.h; helper NULL
 * for the default reader), anything else as ds_decode_mem, which refuses a
 * PDF with DS_ERR_FORMAT_UNKNOWN (it decodes image files only).
 */
ds_error ds_decode_input(const uint8_t *data, size_t len, const ds_limits *lim,
                         const char *helper, ds_pages **out /* OUT */);

/* Reads path (at most lim->max_file_bytes) and decodes it as ds_decode_mem. */
ds_error ds_decode_file(const char *path, const ds_limits *lim, ds_pages **out /* OUT */);

void ds_pages_free(ds_pages *pages);

#endif
