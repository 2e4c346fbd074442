/*
 * names: does the name in the MRZ belong to the person of the case record?
 *
 * The MRZ holds upper-case words (surname, given names) made with the ICAO
 * 9303 transliteration the issuing state chose, possibly truncated to fit
 * its field; the case record holds the name as the person writes it. This
 * module accepts exactly the differences an officer would accept and the
 * standard explains, and nothing else:
 *  - any spelling translit.h allows for each letter (Müller = MUELLER or
 *    MULLER or MUXXLLER), case, accents and punctuation;
 *  - hyphen, apostrophe or period written as a filler or as nothing
 *    (Hans-Peter = HANS PETER = HANSPETER, O'Brien = OBRIEN = O BRIEN);
 *  - words joined or split differently (noted);
 *  - when the MRZ name field is full (truncated), MRZ words that are the
 *    beginning of the case words, and case words missing at the end;
 *  - names present on one side only (middle names), as long as every name
 *    on the other side matches, in order, and at least one word of each
 *    compared field matches (noted);
 *  - surname and given names swapped in the case record (noted).
 * Any other difference, a single letter included (ANNA/ANNE, MUELLER/
 * MILLER), is a mismatch: 9303 allows no spelling freedom beyond this.
 * Pure functions; no allocation; inputs bounded.
 */
#ifndef DS_NAMES_H
#define DS_NAMES_H

#include <stdbool.h>

typedef enum ds_name_result {
    DS_NAME_MATCH = 0,       /* the same name, spelled as the standard recommends */
    DS_NAME_MATCH_WITH_NOTE, /* the same name with a difference 9303 allows; see notes */
    DS_NAME_MISMATCH,        /* a different name */
    DS_NAME_UNVERIFIABLE,    /* the case name has characters without a transliteration */
    DS_NAME_NOT_COMPARED     /* the case record gives no name, or no MRZ name was given */
} ds_name_result;

#define DS_NAME_NOTE_TRUNCATED 0x01      /* the MRZ shows a shortened name */
#define DS_NAME_NOTE_MISSING_IN_DOC 0x02 /* a case-record name is absent from the MRZ */
#define DS_NAME_NOTE_EXTRA_IN_DOC 0x04   /* the MRZ has a name the case record lacks */
#define DS_NAME_NOTE_ALT_TRANSLIT 0x08   /* a 9303 alternative spelling was used (Ü as U) */
#define DS_NAME_NOTE_SPACING 0x10        /* words joined or split differently */
#define DS_NAME_NOTE_SWAPPED 0x20        /* surname and given names swapped */
#define DS_NAME_NOTE_UNDOTTED 0x40       /* a plain vowel in the case record stands for an
                                            MRZ digraph (Soren for SOEREN): a diacritic
                                            was left out when the record was typed */

#define DS_NAME_MAX_CASE_WORDS 32 /* more words in one case field: unverifiable */
#define DS_NAME_MAX_MRZ 63        /* longer MRZ name fields are cut to this */

typedef struct ds_name_match {
    ds_name_result result;
    unsigned notes;   /* DS_NAME_NOTE_* bits */
    char field[16];   /* on a mismatch: "surname", "given_names" or "name" (both) */
    char reason[256]; /* one sentence for an officer, naming no name */
} ds_name_match;

/*
 * Compares the MRZ name (mrz_surname and mrz_given as ds_mrz decodes them:
 * A-Z words and single spaces; mrz_truncated is ds_mrz.name_truncated) with
 * the case record's surname and given names (UTF-8, any case; NULL or ""
 * when the record does not give them; an absent field is not compared).
 * Fills *out and returns out->result.
 */
ds_name_result ds_names_match(const char *mrz_surname, const char *mrz_given, bool mrz_truncated,
                              const char *case_surname, const char *case_given,
                              ds_name_match *out /* OUT */);

#endif
