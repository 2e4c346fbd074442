/*
 * translit: names as people write them (UTF-8) to the MRZ alphabet.
 *
 * ICAO Doc 9303 Part 3 section 6 lets an issuing state choose among several
 * spellings of some letters (Ä is AE or A, Ü is UE, UXX or U, Ñ is N or NXX),
 * and Cyrillic and Greek names reach passports through tables that differ a
 * little from state to state. So a name does not have one transliteration
 * but a set, and this module describes the set: as a sequence of units each
 * holding its allowed spellings (for matching, names.c) and as a bounded list
 * of whole forms (for reports and tests). It never decides whether two names
 * match. Input is untrusted UTF-8 with a hard size cap.
 *
 * Tables (the first spelling of a unit is the one 9303 recommends):
 *  - Latin letters with diacritics, Latin-1 Supplement and Latin Extended-A,
 *    plus Romanian comma-below S and T and capital sharp S: Doc 9303 Part 3
 *    Table A (Ä AE/A, Å AA/A, Ñ N/NXX, Ö OE/O, Ü UE/UXX/U, Æ AE, Ø OE, Œ OE,
 *    ß SS, Þ TH, Ð Đ D, Ĳ IJ, Ł L, every other mark dropped).
 *    Decomposed input (a letter and a combining mark) is treated like the
 *    precomposed letter.
 *  - Cyrillic: Doc 9303 Part 3 Table B (Russian, Ukrainian, Belarusian,
 *    Bulgarian, Serbian, Macedonian letters), with the spellings national
 *    practice adds as later alternatives: Г H (Ukrainian, Belarusian),
 *    И Y (Ukrainian), Й Y, Ю YU, Я YA, Є YE, Ї YI (older Russian and
 *    Ukrainian passports), Щ SHT and Ъ A (Bulgarian), Х H, Ц C, Ч C, Ш S,
 *    Ж Z (Serbian Latin), Ђ DJ, Ѓ GJ, Ќ KJ.
 *  - Greek: 9303 has no Greek table; Greek passports follow ELOT 743, whose
 *    letters and digraphs are used here: ΑΥ AV/AF, ΕΥ EV/EF, ΟΥ OU, ΓΓ NG,
 *    ΓΚ GK/NK/G, ΜΠ MP/B, ΝΤ NT/D, Η I, Θ TH, Ξ X/KS, Υ Y/I, Χ CH/X/H, Ψ PS;
 *    accents are dropped, a dialytika breaks a digraph.
 *  - Separators: space, comma, '<' and no-break space are word breaks;
 *    hyphens and periods are soft breaks (a filler or nothing); apostrophes
 *    are omitted (9303) or a filler.
 * Every other character (digits, other scripts, symbols) fails with
 * DS_ERR_TRANSLIT: such a name cannot be compared automatically.
 */
#ifndef DS_TRANSLIT_H
#define DS_TRANSLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "docscreen/docscreen.h"

#define DS_TL_MAX_INPUT 1024 /* bytes of UTF-8 accepted */
#define DS_TL_MAX_UNITS 256  /* units in one name */
#define DS_TL_MAX_ALTS 4     /* spellings of one unit */

typedef enum ds_tl_kind {
    DS_TL_LETTERS = 0, /* one source letter (or digraph) with its spellings */
    DS_TL_SEP_HARD,    /* a word break: space, comma, '<' */
    DS_TL_SEP_SOFT,    /* hyphen or period: a filler, or nothing */
    DS_TL_SEP_APOS     /* apostrophe: nothing (9303), or a filler */
} ds_tl_kind;

typedef struct ds_tl_unit {
    unsigned char kind; /* ds_tl_kind */
    unsigned char nalt; /* spellings in alt (letters only; 1 for separators) */
    const char *alt[DS_TL_MAX_ALTS]; /* static strings of A-Z; "" for a silent letter */
} ds_tl_unit;

typedef struct ds_tl_name {
    int n;
    ds_tl_unit u[DS_TL_MAX_UNITS];
} ds_tl_name;

/*
 * Splits len bytes of UTF-8 into units. Fails with DS_ERR_USAGE for NULL
 * pointers, DS_ERR_TOO_LARGE beyond DS_TL_MAX_INPUT bytes or
 * DS_TL_MAX_UNITS units, and DS_ERR_TRANSLIT for invalid UTF-8 or a
 * character outside the tables. *out is set on success.
 */
ds_error ds_translit_parse(const char *utf8, size_t len, ds_tl_name *out /* OUT */);

#define DS_TRANSLIT_MAX_FORMS 16
#define DS_TRANSLIT_FORM_MAX 255

/* A bounded set of whole spellings: upper case A-Z, words separated by one
 * space (hyphens become a space, apostrophes vanish, as 9303 recommends). */
typedef struct ds_translit {
    int count;
    bool complete; /* false when more spellings exist than were listed */
    char form[DS_TRANSLIT_MAX_FORMS][DS_TRANSLIT_FORM_MAX + 1];
} ds_translit;

/*
 * Lists the spellings of a name, at most DS_TRANSLIT_MAX_FORMS, without
 * duplicates. form[0] is the 9303 recommended one; next come the forms that
 * use one style throughout (every letter's second choice, then third), then
 * the other combinations in order. Errors as ds_translit_parse, and
 * DS_ERR_TOO_LARGE when a spelling exceeds DS_TRANSLIT_FORM_MAX characters.
 */
ds_error ds_translit_forms(const char *utf8, size_t len, ds_translit *out /* OUT */);

#endif
