/*
 * vizident: what a value read on the printed data page is, before it is
 * compared with the MRZ.
 *
 * The printed page counts only where it is identified. A value read under
 * a name label, or placed as a name by the page's geometry, may be another
 * thing printed there: the SPECIMEN stamp, a caption read where the value
 * was expected, a nationality or a state's name, another field's value
 * (MULTIPLE, a date). A number read under a number label may carry the
 * issuing state's code before it or the next date after it. A name may be
 * printed in Cyrillic or Greek, and a Latin reader gives such a name as
 * the Latin letters that look like its letters. These functions say what a
 * value is and give the forms in which it can be compared; they never
 * compare it with the MRZ and never raise a flag (vizcheck.c does both).
 * Pure functions over bounded strings; nothing is allocated.
 */
#ifndef DS_VIZIDENT_H
#define DS_VIZIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include "mrz/mrz.h"
#include "page/viz.h"

/* What a value read as a name is when it is not a name. */
typedef enum ds_vizid_kind {
    DS_VIZID_NAME = 0,     /* nothing says it is anything but a name */
    DS_VIZID_SPECIMEN,     /* a word of it is a specimen mark (SPECIMEN, MUSTER ...) */
    DS_VIZID_CAPTION,      /* it holds a field's caption ("Given names", "Nom") */
    DS_VIZID_NATIONALITY,  /* a word of it is a nationality or a state's name
                              (NEDERLANDSE, BRITISH, DEUTSCH, REPUBLIC ...), or it is
                              the MRZ's state or nationality code */
    DS_VIZID_OTHER_FIELD,  /* another field's value: a visa's MULTIPLE, two digits or
                              more (a date of the next line) */
} ds_vizid_kind;

/* The report word of a kind ("specimen mark", "caption" ...); never NULL. */
const char *ds_vizident_kind_name(ds_vizid_kind k);

/*
 * What value (UTF-8, as read) is when read as a name on a document whose
 * MRZ is m (m may be NULL). A value of any kind but DS_VIZID_NAME is never
 * compared as a name: it is unverifiable.
 */
ds_vizid_kind ds_vizident_name_kind(const char *value, const ds_mrz *m);

#define DS_VIZID_MAX_FORMS 24
#define DS_VIZID_FORM_MAX 96

/* The forms in which a printed name can be compared with the MRZ: upper
 * case Latin letters, spaces, hyphens and apostrophes. */
typedef struct ds_vizid_forms {
    int count;
    bool untransliterable; /* a part is in a script with no table (not Latin,
                              Cyrillic or Greek): it cannot be compared */
    char form[DS_VIZID_MAX_FORMS][DS_VIZID_FORM_MAX];
} ds_vizid_forms;

/*
 * The forms of a name value: norm (the value as normalised by the reader)
 * first; then, when value is printed in two forms separated by '/'
 * ("ТКАЧЕНКО/TKACHENKO", "MAP'AHA/MARIANA"), each part alone; then, for
 * each of these that is in Cyrillic or Greek, its ICAO 9303 Part 3
 * transliterations (translit.h); then, for each made only of Latin letters
 * that look like Cyrillic or Greek ones (A B C E H I K M O P T X Y, and N
 * R mirrored as И Я, or Z as Ζ), the transliterations of those letters:
 * a Latin reader gives a Cyrillic name so. A printed name is another name
 * only when none of its forms is the MRZ's or within reading noise of it.
 */
void ds_vizident_name_forms(const char *value, const char *norm,
                            ds_vizid_forms *out /* OUT */);

/*
 * The number a value read under a number label holds, into out[cap]
 * (letters and digits, upper case): the value without the words after it
 * that read as a date (the next field's value run into the line: "D23145890
 * 15 APR/AVR 12"), and without an issuing-state or nationality code of m
 * before it ("UTO L898902C3"; run into the number, only when what is left
 * is about as long as the MRZ's number). When what is left holds the MRZ's
 * number (within the letters and digits OCR confuses: O and 0, S and 5
 * ...) with more around it, and what is before it is a caption
 * (ds_viz_label_in_text: "Document No." read into the value) or nothing,
 * and what is after it is letters only that follow the number's last digit
 * (the next cell's value run into it: "280715182MFAMEX"), out is the
 * MRZ's number as read, alone. Returns true when anything was taken off.
 */
bool ds_vizident_number_core(const char *value, const ds_mrz *m, char *out /* OUT */,
                             size_t cap);

/*
 * True when value, read under a number label, is a date: it parses as one
 * of the printed dates ds_viz_parse_date reads, or its letters and digits
 * are 8 digits that form a real date as DDMMYYYY or as YYYYMMDD (years
 * 1900 to 2099), or it is a date with a two-digit year (day, month, year
 * as digit groups, year first, six digits run together, or with a month's
 * name: "27.03.21", "270321", "27 MAR 21"; either century). Such a value is another field's (the next row's date),
 * never a number, and never evidence.
 */
bool ds_vizident_number_is_date(const char *value);

/*
 * The field whose caption a value holds beside its own text, or -1: the
 * caption of a page that prints it after the value ("27.10.31 (Date of
 * expiry)", read as "271031DATEOFEXPIRY"), or before it. Digits and
 * letters run together are split first; a caption's words run together
 * (eight letters or more, "DATEOFEXPIRY") count too (viz_label.h). A value
 * that holds another field's caption is that field's, or two fields read
 * as one: never evidence for the field it was read under.
 */
int ds_vizident_caption_in_value(const char *value);

/*
 * True when value, read under a number label, holds a word of three or more
 * letters that is a word of the MRZ's surname or given names: the holder's
 * name read into the number's line (a page read at a slant, a name printed
 * beside the number), so the value is not the number alone and no evidence.
 */
bool ds_vizident_number_has_name(const char *value, const ds_mrz *m);

/*
 * True when OCR reads one of a and b (capital letters or digits, either
 * case) for the other on printed data pages: the digits the printer's
 * fonts make alike (ds_digits_confusable) and the pairs measured by
 * bench/confusions.py and seen in the benches' own misreadings (O and 0, S
 * and 5, B and 8, I and 1, X and A ...; docs/evidence.md lists them with
 * their source). False for a == b.
 */
bool ds_vizident_confusable(char a, char b);

/*
 * True when the printed name read (upper case words) is the MRZ name mrz
 * (upper case words) but for a misreading: each word read is, in order, a
 * word of mrz (MRZ words the reading lacks may lie between: a line of the
 * name lost), and one or two of them are a word of mrz read with one letter
 * wrong, lost or added, or two letters each read as one it is confused
 * with (ds_vizident_confusable), in words of three letters or more. With
 * truncated (ds_mrz.name_truncated) the MRZ's last word may be the start
 * of the printed one and the printed words after it are the ones the MRZ
 * cut. A printed name that differs so is no evidence that the names
 * differ.
 */
bool ds_vizident_name_misread(const char *read, const char *mrz, bool truncated);

/* Date b (YYYY-MM-DD) falls on an anniversary of date a, 1 to 10 years
 * on, or on the day before one: b ends a validity of whole years that a
 * starts. */
bool ds_vizident_ends_years(const char *a, const char *b);

/*
 * The page's expiry told by what it is, its caption unread: the latest of
 * the dates of the page read at min_conf or more, when it falls on an
 * anniversary (1 to 10 years on) of an earlier date of the page, or on the
 * day before one: it ends the validity that date starts (the date of
 * issue). Writes it into out[11]. False when a date of the page shows the
 * MRZ's expiry (the page has it; the latest is something else), when the
 * earlier date is the MRZ's birth date (a child's document issued on a
 * birthday), when the latest is, or when two dates tie for latest.
 */
bool ds_vizident_validity_end(const ds_viz *viz, const ds_mrz *m, float min_conf,
                              char out[11] /* OUT */);

#endif
