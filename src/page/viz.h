/*
 * viz: the visual inspection zone, the printed data page above the MRZ.
 *
 * Reads the labelled fields a person reads (surname, given names, date of
 * birth, sex, nationality, document number, dates of issue and expiry) with
 * Tesseract, from labels in many languages ("Surname / Nom", "Apellidos",
 * "Geburtsdatum", ...) and the value printed below the label or after it on
 * the same line. The reader only reads: it never decides what is genuine;
 * check/vizcheck.h compares a reading with the MRZ (the check stage owns
 * flags and name matching, and this stage must not depend on it).
 *
 * One ds_viz_reader holds one Tesseract engine: create it once per worker
 * thread and reuse it; it is not thread-safe. Recognised text is untrusted
 * and every value is cut to a fixed size.
 */
#ifndef DS_VIZ_H
#define DS_VIZ_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"
#include "mrz/mrz.h"
#include "mrz/locate.h"

typedef enum ds_viz_field_id {
    DS_VIZ_SURNAME = 0,
    DS_VIZ_GIVEN_NAMES,
    DS_VIZ_BIRTH_DATE,
    DS_VIZ_SEX,
    DS_VIZ_NATIONALITY,
    DS_VIZ_DOCUMENT_NUMBER, /* "Document no." (the MRZ number on every format) */
    DS_VIZ_PASSPORT_NUMBER, /* "Passport No." (the MRZ number on a passport; the
                               holder's passport on a visa) */
    DS_VIZ_EXPIRY_DATE,
    DS_VIZ_ISSUE_DATE,
    DS_VIZ_FIELD_COUNT
} ds_viz_field_id;

/* The report name of a field ("surname", "birth_date", ...); never NULL. */
const char *ds_viz_field_name(ds_viz_field_id id);

typedef enum ds_viz_status {
    DS_VIZ_NOT_FOUND = 0, /* no label for the field was read */
    DS_VIZ_MATCH,         /* agrees with the MRZ (allowing transliteration, truncation) */
    DS_VIZ_MISMATCH,      /* clearly differs: VIZ_MRZ_MISMATCH was raised */
    DS_VIZ_UNVERIFIABLE   /* read, but too uncertain or too close to OCR noise to judge,
                             or nothing in the MRZ to compare with */
} ds_viz_status;

/* "not_found", "match", "mismatch", "unverifiable"; never NULL. */
const char *ds_viz_status_name(ds_viz_status s);

#define DS_VIZ_VALUE_MAX 96 /* bytes of a value, NUL included, cut at a UTF-8 boundary */
/* A reading is sure of its characters when Tesseract read each letter and
 * digit of it at this symbol confidence or more. */
#define DS_VIZ_SURE_CHAR 97.0f

typedef struct ds_viz_field {
    bool found;                       /* a label and a value were read (or, with
                                         placed, a value found without its label) */
    bool placed;                      /* set by the check stage: the label was not read
                                         and the value was placed by what it is (a date
                                         by the order of the page's dates, a number by
                                         its likeness to the MRZ's); label_bbox is 0 */
    bool by_position;                 /* set with placed: placed by where it is printed
                                         alone (a date by the order of the page's dates,
                                         a name by the line above or below the other
                                         name), not by what it is: not identified, a
                                         difference from it is never high */
    char value[DS_VIZ_VALUE_MAX];     /* as printed, UTF-8 */
    char norm[DS_VIZ_VALUE_MAX];      /* dates YYYY-MM-DD (YY-MM-DD when printed with a
                                         two-digit year: no century is guessed), names
                                         upper case with single spaces, numbers and codes
                                         without spaces; "" when the value does not parse
                                         (a date that is no date) */
    float confidence;                 /* 0..100: the lowest Tesseract word confidence of
                                         the value */
    float char_conf;                  /* 0..100: the lowest confidence of one of its
                                         letters and digits (Tesseract's symbol
                                         confidence), first reading */
    int bbox[4];                      /* x, y, w, h of the value in the caller's page frame */
    int label_bbox[4];                /* the label, same frame */
    int reads;                        /* readings that gave a value: the first one and
                                         each re-read of its box alone (0: not counted) */
    int same;                         /* readings that gave this same value, the first
                                         one included */
    int agree;                        /* of those, the ones at confidence 50 or more */
    int sure;                         /* of those, the ones whose every letter and digit
                                         was read at DS_VIZ_SURE_CHAR or more */
    int against;                      /* re-reads that gave the MRZ's value instead (only
                                         counted when ds_viz_read had the MRZ) */
    int keep;                         /* dates that differ from the MRZ's: readings (the
                                         first one included) that gave this value's
                                         digit wherever it differs from the MRZ's, whatever
                                         they read elsewhere */
    int near;                         /* numbers: readings (the first one included) within
                                         OCR noise of the MRZ's number, its value or at
                                         most a third of its characters off (only counted
                                         when ds_viz_read had the MRZ) */
    int first_off;                    /* when re-reads of the value's box alone outvoted
                                         the first reading (read in place, on its line):
                                         the edit distance from the first reading's norm
                                         to the value's; 0 when the value is the first
                                         reading's */
    ds_viz_status status;             /* set by ds_viz_compare (check/vizcheck.h) */
} ds_viz_field;

/* A date or a number read anywhere on the data page, with or without a
 * label: the check stage can place a value whose label was unreadable, a
 * date by the order of the page's dates (birth before issue before
 * expiry), a number by its likeness to the MRZ's. */
typedef struct ds_viz_token {
    char key[24];     /* a date as YYYY-MM-DD; a number as its letters and digits,
                         upper case (a word of 6 to 20 of them, at least 3 digits,
                         that is no date) */
    char value[32];   /* as printed, UTF-8, cut */
    float confidence; /* the lowest word confidence of the value */
    int bbox[4];      /* caller's page frame, like the fields' */
    int reads, same, agree, sure, against, keep; /* dates one confusable digit off an
                                                    MRZ date are re-read like a field
                                                    (ds_viz_field); 0 otherwise */
} ds_viz_token;

#define DS_VIZ_MAX_DATES 12
#define DS_VIZ_MAX_NUMBERS 12
#define DS_VIZ_MAX_LINES 24

/* A run of words of the page, read on one line, that is letters only (a
 * name, a place, a label word): the check stage can find the surname whose
 * label was unreadable from the given names, read beside or below it. */
typedef struct ds_viz_line {
    char value[DS_VIZ_VALUE_MAX]; /* as printed, UTF-8 */
    char norm[DS_VIZ_VALUE_MAX];  /* as a name field's: upper case, letters, spaces,
                                     hyphens and apostrophes */
    float confidence;             /* the lowest word confidence */
    int bbox[4];                  /* caller's page frame */
} ds_viz_line;

typedef struct ds_viz {
    ds_viz_field field[DS_VIZ_FIELD_COUNT];
    ds_viz_token dates[DS_VIZ_MAX_DATES];     /* the dates of the page, the most
                                                 confident reading of each at each
                                                 place it is printed */
    int ndates;
    ds_viz_token numbers[DS_VIZ_MAX_NUMBERS]; /* distinct numbers, likewise */
    int nnumbers;
    ds_viz_line lines[DS_VIZ_MAX_LINES];      /* the page's lines of letters, top down */
    int nlines;
    int nwords;        /* words Tesseract read in the data-page region */
    int bars;          /* dark caption bars made dark on light before reading (viz_bars.h) */
    int region[4];     /* the data-page region read, caller's frame */
    float scale;       /* the region was resampled by this factor before OCR */
    double ms;         /* time spent, milliseconds */
    int rereads;       /* single-line re-reads of values first read under confidence 80 */
    int reread_raised; /* values a re-read that agreed with them brought to 80 or more */
    int looks_saved;   /* labelled values taken from the sparse reading without their
                          one-line second look: read surely as the MRZ's own value */
    bool specimen_printed;  /* SPECIMEN (or its translation) is printed on the page, as a
                               word of the data page or as a large angled stamp
                               across it (page/specimen.h) */
    char specimen_word[32]; /* the word, upper case without accents */
} ds_viz;

typedef struct ds_viz_reader ds_viz_reader;

/*
 * Creates a reader with its Tesseract engine (language "eng" unless langs
 * names others, e.g. "eng+fra"; tessdata from Tesseract's default path, or
 * TESSDATA_PREFIX). Fails with DS_ERR_MODEL when the traineddata cannot be
 * loaded.
 */
ds_error ds_viz_reader_create(const char *langs, ds_viz_reader **out /* OUT */);
void ds_viz_reader_free(ds_viz_reader *r);
/* The reader's Tesseract engine, for other readers of printed text on the
 * same thread (PDF forensics); it stays the reader's. */
struct TessBaseAPI *ds_viz_reader_tess(ds_viz_reader *r);
/*
 * A reader over an engine the caller made with ds_tess_create ("eng") and
 * keeps: ds_viz_reader_release frees the reader and gives the engine back
 * (ds_viz_reader_free also leaves it alone), so one pool of engines can
 * serve this reader and the other readers of printed text.
 */
ds_error ds_viz_reader_wrap(struct TessBaseAPI *api, ds_viz_reader **out /* OUT */);
struct TessBaseAPI *ds_viz_reader_release(ds_viz_reader *r);

/*
 * Reads the data page of an upright page (8 bpp or 32 bpp). mrz_bbox is the
 * MRZ's x, y, w, h in that same upright frame; mrz_chars is the MRZ line
 * length (30, 36 or 44) used with the bbox width to estimate the resolution
 * (ICAO pitch 2.54 mm). The region read lies above the MRZ, about as wide,
 * at most 1.5 MRZ widths tall. Every bbox in out is in the upright frame.
 * Fields that were not read have found false. expect, when not NULL, is the
 * MRZ read on the page: it only directs the re-reading effort (a date or
 * number that differs from it is re-read and the agreeing readings counted;
 * one that reads as it says is not re-read); it never changes a value. Fails with DS_ERR_USAGE on bad
 * arguments and DS_ERR_NOMEM.
 */
ds_error ds_viz_read(ds_viz_reader *r, PIX *upright, const int mrz_bbox[4], int mrz_chars,
                     const ds_mrz *expect, ds_viz *out /* OUT */);

/*
 * Turns a page upright as band says (its rotation, then its skew) and gives
 * the MRZ bbox in the upright frame, for ds_viz_read. *out_upright is a new
 * PIX owned by the caller (pixDestroy). The upright frame is what the VIZ
 * bboxes refer to; ds_viz_map_to_page maps them back to the page.
 */
ds_error ds_viz_upright(PIX *page, const ds_mrzband *band, PIX **out_upright /* OUT */,
                        int out_mrz_bbox[4] /* OUT */);

/*
 * Maps a box of the upright frame made by ds_viz_upright(page, band) back
 * to the page's frame (the axis-aligned box around the mapped corners).
 */
void ds_viz_map_to_page(const PIX *page, const ds_mrzband *band, const int in[4],
                        int out[4] /* OUT */);

/*
 * Parses a printed date: "12 AUG 1974", "12 AOUT/AUG 1974", "12 AOÛT 1974"
 * (English, French, Spanish, German, Italian, Dutch, Portuguese month
 * abbreviations and full names), "12.08.1974", "12/08/1974", "12-08-1974",
 * "12 08 1974", "1974-08-12", with the usual OCR digit confusions (O/0, l/1,
 * S/5, B/8) repaired. An English month's abbreviation at the end of a word
 * of junk letters is that month (a month printed after its name in another
 * script, "6月JUN" read "SiyJUN"), and a number between the day and the
 * month's name that is the month's own number is no day ("01 6 JUN 2022"). Writes YYYY-MM-DD into iso[11] and returns true when
 * the text is a valid date; day-first is assumed for numeric dates.
 */
bool ds_viz_parse_date(const char *text, char iso[11] /* OUT */);

/*
 * A printed date with a two-digit year, which ds_viz_parse_date never
 * reads (no century is guessed): a day, a month (digits, its name, or
 * Roman numerals) and two digits of year, day first, and nothing else
 * ("16 JAN 61", "02-05-28", "24.1.33", "27.VIII.98"). Writes YY-MM-DD
 * into yymmdd[9] when the day is one its month has in 19YY or 20YY. The
 * MRZ holds YYMMDD, so such a date is compared on those six digits.
 */
bool ds_viz_parse_date_short(const char *text, char yymmdd[9] /* OUT */);
/* ds_viz_parse_date, else ds_viz_parse_date_short: YYYY-MM-DD or YY-MM-DD. */
bool ds_viz_parse_date_any(const char *text, char out[11] /* OUT */);

/*
 * The month (1 to 12) a printed word names, in any of the languages of
 * ds_viz_parse_date ("APR", "AVR", "APR/AVR", "Août"), case and accents
 * folded; 0 when it names none. A date whose year or day was lost or
 * printed with two digits ("15 APR/AVR 12") is still told by its month.
 */
int ds_viz_month_word(const char *word);

/*
 * The line of v that reads as the given names `given` (letters compared,
 * case and accents aside) at min_conf or more: on its own, or after the
 * last comma of a "SURNAME, GIVEN NAMES" line (*after_comma set). NULL
 * when no line does.
 */
const ds_viz_line *ds_viz_given_line(const ds_viz *v, const char *given, float min_conf,
                                     bool *after_comma /* OUT */);
/* The line of v that reads as the surname `surname` at min_conf or more, on
 * its own (no comma); NULL when none. */
const ds_viz_line *ds_viz_surname_line(const ds_viz *v, const char *surname, float min_conf);

/*
 * The line right above line g (below, with below set) that can hold the
 * value printed before it (the surname above the given names) or after it:
 * left edges within one height of g's, about as tall (a value's print, not
 * a label's), at most three of g's heights away (a label's line between);
 * the nearest one, or NULL.
 */
const ds_viz_line *ds_viz_line_next(const ds_viz *v, const ds_viz_line *g, bool below);


#endif
