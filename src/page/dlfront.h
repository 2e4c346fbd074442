/*
 * dlfront: the printed front of a US or Canadian driving licence or
 * identity card (AAMVA DL/ID Card Design Standard), read with Tesseract.
 *
 * The front has no MRZ. It prints the holder's data next to field numbers
 * from the standard's front zone (1 family name, 2 given names, 3 date of
 * birth, 4a issue date, 4b expiry date, 4d licence or customer number,
 * 15 sex, 16 height, ...) and/or text labels ("LN", "FN", "DOB", "EXP",
 * "ISS", "DLN", "LIC NO", "SEX", "HGT", French ones on Canadian cards:
 * "DDN", "DEL"). US cards print dates MM/DD/YYYY, Canadian ones YYYY-MM-DD
 * or YYYY/MM/DD. The value is the text after the label on the same row, or
 * the row just below it.
 *
 * The reader only reads: it never decides what is genuine (app/dlcheck.h
 * compares a reading with the barcode). One ds_dlfront_reader holds one
 * Tesseract engine; it is not thread-safe. Recognised text is untrusted and
 * every value is cut to a fixed size.
 */
#ifndef DS_DLFRONT_H
#define DS_DLFRONT_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

typedef enum ds_dlfront_field_id {
    DS_DLF_SURNAME = 0,      /* 1: family name */
    DS_DLF_GIVEN_NAMES,      /* 2: given names (first and middle) */
    DS_DLF_BIRTH_DATE,       /* 3 */
    DS_DLF_ISSUE_DATE,       /* 4a */
    DS_DLF_EXPIRY_DATE,      /* 4b */
    DS_DLF_DOCUMENT_NUMBER,  /* 4d: licence / customer number (AAMVA DAQ) */
    DS_DLF_SEX,              /* 15 */
    DS_DLF_HEIGHT,           /* 16 */
    DS_DLF_FIELD_COUNT
} ds_dlfront_field_id;

/* The report name of a field ("surname", "birth_date", "document_number",
 * ..., the names of the AAMVA "fields" in the report); never NULL. */
const char *ds_dlfront_field_name(ds_dlfront_field_id id);

#define DS_DLF_VALUE_MAX 96 /* bytes of a value, NUL included */

typedef struct ds_dlfront_field {
    bool found;                     /* a label and a value after or below it were read */
    char value[DS_DLF_VALUE_MAX];   /* as read, UTF-8 */
    char norm[DS_DLF_VALUE_MAX];    /* dates YYYY-MM-DD (month first for DD/MM-or-MM/DD
                                       dates), names upper case with single spaces,
                                       numbers upper-case letters and digits only, sex
                                       M/F/X; "" when the value does not parse */
    char alt[11];                   /* a date: the day-first reading when it is another
                                       valid date (05/06/1990 read both ways); else "" */
    float confidence;               /* 0..100, the lowest Tesseract word confidence of
                                       the value */
    int bbox[4];                    /* x, y, w, h of the value, page pixels */
    int label_bbox[4];              /* the label, page pixels */
    bool bare_number;               /* the label was a field number alone ("1"), no text */
} ds_dlfront_field;

typedef struct ds_dlfront {
    ds_dlfront_field field[DS_DLF_FIELD_COUNT];
    int nfound;      /* fields found */
    int nlabels;     /* AAMVA labels seen, including fields this reader does not keep
                        (address, class, restrictions, eyes ...) */
    int nwords;      /* words Tesseract read */
    float scale;     /* the page was resampled by this factor before OCR */
    double ms;       /* time spent, milliseconds */
} ds_dlfront;

typedef struct ds_dlfront_reader ds_dlfront_reader;

/*
 * Creates a reader with its own Tesseract engine ("eng" unless langs names
 * others; tessdata from Tesseract's default path or TESSDATA_PREFIX). Fails
 * with DS_ERR_MODEL when the traineddata cannot be loaded.
 */
ds_error ds_dlfront_reader_create(const char *langs, ds_dlfront_reader **out /* OUT */);
void ds_dlfront_reader_free(ds_dlfront_reader *r);
struct TessBaseAPI;
/* A reader over an engine the caller made ("eng") and keeps: freeing the
 * reader leaves the engine alone. */
ds_error ds_dlfront_reader_wrap(struct TessBaseAPI *api, ds_dlfront_reader **out /* OUT */);

/*
 * Reads the front fields on page (8 or 32 bpp, upright). The nexclude boxes
 * (x, y, w, h in page pixels; e.g. the barcodes of a page that shows both
 * sides) are blanked before reading. A page below card resolution is read at
 * up to 2.5 times its size. Fields not read have found false. Fails with
 * DS_ERR_USAGE on bad arguments and DS_ERR_NOMEM.
 */
ds_error ds_dlfront_read(ds_dlfront_reader *r, PIX *page, const int (*exclude)[4], int nexclude,
                         ds_dlfront *out /* OUT */);

/*
 * Parses a date as AAMVA fronts print it: "06/15/1985", "06-15-1985" (US,
 * month first; day first when only that is a date), "1985/06/15",
 * "1985-06-15", "1985.06.15" (Canada), "06151985", "19850615", and "15 JUN
 * 1985", "JUN 15 1985", "1985-JUN-15" with month names; O/0, l/1, S/5, B/8
 * repaired inside digit groups. Writes YYYY-MM-DD to iso and, when a numeric
 * DD/MM-or-MM/DD date reads as another valid date day first, that one to alt
 * (else ""). Returns true when text holds a date.
 */
bool ds_dlfront_parse_date(const char *text, char iso[11] /* OUT */, char alt[11] /* OUT */);

#endif
