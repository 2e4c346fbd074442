/*
 * mrz: the ICAO 9303 machine-readable zone as text.
 *
 * Parses the recognised lines of an MRZ (TD1, TD2, TD3, MRV-A, MRV-B),
 * verifies every check digit including the composite, and repairs OCR
 * confusions only where the field grammar or a check digit proves the
 * repair. It must never turn a tampered MRZ into a valid one: a wrong check
 * digit that no known OCR confusion explains is left wrong.
 * Input is untrusted text; every length is bounded.
 */
#ifndef DS_MRZ_H
#define DS_MRZ_H

#include <stdbool.h>
#include "docscreen/docscreen.h"

#define DS_MRZ_MAX_LINES 3
#define DS_MRZ_MAX_LINE 44

typedef enum ds_mrz_type {
    DS_MRZ_UNKNOWN = 0,
    DS_MRZ_TD1,  /* 3 x 30 */
    DS_MRZ_TD2,  /* 2 x 36 */
    DS_MRZ_TD3,  /* 2 x 44 */
    DS_MRZ_MRVA, /* 2 x 44, visa */
    DS_MRZ_MRVB  /* 2 x 36, visa */
} ds_mrz_type;

/* The checks a format may carry; a check the format lacks is DS_CHECK_ABSENT. */
typedef enum ds_check_state { DS_CHECK_ABSENT = 0, DS_CHECK_OK, DS_CHECK_FAIL } ds_check_state;

typedef struct ds_mrz_checks {
    ds_check_state document_number, birth_date, expiry_date, optional_data, composite;
} ds_mrz_checks;

/* For each check: true when it fails and a misreading may explain the
 * failure (the rule is in ds_mrz_parse_ocr). A failing check that is false
 * here was read with confidence throughout: what fails is what is printed. */
typedef struct ds_mrz_misread {
    bool document_number, birth_date, expiry_date, optional_data, composite;
} ds_mrz_misread;

/* One character of a recognised line with the recogniser's second choice. */
typedef struct ds_mrz_char {
    char c;        /* best guess */
    float p;       /* its probability, 0..1 */
    char alt;      /* second guess, 0 when none */
    float alt_p;   /* its probability */
    /* 1: the cell lies beyond the edge of the image (an MRZ cut by it), so
     * nothing was read: c is DS_MRZ_CUT_CHAR, p 0, no second guess. */
    unsigned char cut;
    /* 1: the glyph lies off the centre of its cell by more than
     * DS_MRZ_OFFGRID of the pitch even after the cell was moved onto it
     * (the grid fitted the line badly there: a lens, a bent page); the
     * recogniser saw a cut glyph, and its probability says nothing of it:
     * the reading is no confident one (ds_mrz.misread). */
    unsigned char offgrid;
    /* The glyph's ink height, band pixels, to a fraction of one
     * (ds_mrz_cell_ink_height); 0 when not measured (plain text, a cut
     * cell, ink reaching the cell's edge). */
    float ink_h;
} ds_mrz_char;

/* How far (share of the pitch) a glyph may lie from its cell's centre and
 * still be read confidently: the grids of the flatbed scans of the layouts
 * sets put every glyph within 0.10; the cut glyphs a phone photo's lens left
 * at the end of a line, read J with probability 1, lay 0.27 to 0.34 off. */
#define DS_MRZ_OFFGRID 0.2f

/* What a cut character (ds_mrz_char.cut) reads as in the lines: outside the
 * MRZ alphabet, so no check over it can pass and nothing repairs it. */
#define DS_MRZ_CUT_CHAR '?'

/* Maximum number of repaired positions; no repair is made beyond it. */
#define DS_MRZ_MAX_REPAIRS 16

/* Below this probability the recogniser is taken to doubt a character, and
 * only then may a check digit change it to a confusable one: a confidently
 * read character is what is printed. */
#define DS_MRZ_DOUBT_P 0.9f

/* Under this probability for its best reading as a letter, a character of
 * the name field makes the name unsure (ds_mrz.name_unsure; so does a
 * second letter half as likely as the first, and a digit read first at any
 * probability, since no name holds one, unless its height tells the letter
 * it resembles, DS_MRZ_HEIGHT_LETTER): the name is then no evidence
 * against the printed page, a barcode or the case record, and the report
 * says it was not read reliably (MRZ_NAME_UNREADABLE). Set from the real
 * specimens (bench/real-read.py): the misread name letters scored 0.33-0.38
 * or had a second letter as likely; letters read right, taken as letters
 * (0 as O), 0.47 and more. */
#define DS_MRZ_NAME_SURE_P 0.4f

/* Letter or digit by the glyph's height (repair.c, height_class): at least
 * this many confidently read digits and flat capitals in the MRZ to measure
 * their heights by, standing this many pixels apart or more; a glyph is a
 * letter's height up to DS_MRZ_HEIGHT_LETTER of the way from the capitals'
 * height to the digits', a digit's from DS_MRZ_HEIGHT_DIGIT. */
#define DS_MRZ_HEIGHT_REFS 4
#define DS_MRZ_HEIGHT_GAP_PX 0.4f
#define DS_MRZ_HEIGHT_LETTER 0.5f
#define DS_MRZ_HEIGHT_DIGIT 0.85f
/* A name's 0 read with O second is told an O by its height only when the
 * two readings hold this much of the recogniser's belief together. */
#define DS_MRZ_HEIGHT_PAIR_P 0.8f

/* The least probability a recogniser's second choice needs to be used in a
 * repair; a rarer second choice is ignored. */
#define DS_MRZ_ALT_MIN_P 0.05f

/* The range of today_year the parsers accept (DS_ERR_USAGE outside). */
#define DS_MRZ_MIN_YEAR 1900
#define DS_MRZ_MAX_YEAR 9899

typedef struct ds_mrz_repair {
    int line, pos;    /* 0-based */
    char from, to;
    /* Decided by the field prior (parse.c, rule 5): every check passed with
     * the character read and passes with this one too; the prior that a
     * look-alike letter amid digits is a misread digit chose. */
    bool prior;
} ds_mrz_repair;

typedef struct ds_mrz {
    ds_mrz_type type;
    int nlines;
    char lines[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1]; /* after repair */
    ds_mrz_checks checks;
    bool valid; /* every check the format carries is OK and the format is sound */
    bool format_ok; /* every position follows the field grammar (digits where digits belong, ...) */

    /* Fields, decoded: '<' filler removed, names with single spaces, dates ISO. */
    char document_code[3];
    char issuing_state[4];
    char surname[48];
    char given_names[48];
    bool name_truncated; /* the name field is full: the name may be cut */
    /* The least probability of a name character's best reading as a letter
     * (1 from the plain-text parser), and whether some character of the
     * name was read unsurely (DS_MRZ_NAME_SURE_P): no check digit covers
     * the name, so a doubted letter there may be a misreading nothing else
     * can reveal. */
    float name_min_p;
    bool name_unsure;
    /* Whether some character under the document number's check (the number,
     * its continuation, its check digit) was read unsurely, by the rule of
     * name_unsure: a check digit passes one misreading in ten by chance, so
     * a number read so is no evidence that it differs from another record
     * (a stamp over the number of a real specimen read 000OY000 for
     * 00000000, and its check passed). */
    bool number_unsure;
    char document_number[32]; /* including the TD1 long-number extension */
    char nationality[4];
    char birth_date[11];  /* YYYY-MM-DD, or the raw YYMMDD with '<' when unknown parts */
    char sex[2];          /* M, F or X ('<' reads as X) */
    char expiry_date[11];
    char optional_data[32];  /* TD3 personal number, or TD1/TD2 optional data */
    char optional_data2[16]; /* TD1 line 2 optional data */

    ds_mrz_misread misread; /* always all false from ds_mrz_parse (plain text) */
    /* For each check: true when it reads a character beyond the image's
     * edge (ds_mrz_char.cut), so it cannot be verified: it fails, is marked
     * misread, and raises no check-digit flag (MRZ_CLIPPED says why). */
    ds_mrz_misread cut;

    int nrepairs;
    ds_mrz_repair repairs[DS_MRZ_MAX_REPAIRS];
    /* 1 where no check digit covers the position (names, codes, sex ...). */
    unsigned char uncovered[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    /* DS_MRZ_CLIPPED_START | DS_MRZ_CLIPPED_END when the MRZ runs off the
     * image there (ds_mrz_clip); always 0 from the parsers. */
    int clipped;
} ds_mrz;

#define DS_MRZ_CLIPPED_START 1
#define DS_MRZ_CLIPPED_END 2
/* Characters this near a clipped end of a line (cells) are taken as cut. */
#define DS_MRZ_CLIP_CELLS 2

/* The ICAO 9303 check digit of s[0..n): weights 7,3,1; '<' = 0, A = 10.
 * Returns -1 if s holds a character outside 0-9, A-Z, '<', and for s NULL
 * or n < 1 (an empty field has no check digit). */
int ds_mrz_check_digit(const char *s, int n);

/*
 * Parses nlines lines (each NUL-terminated) as one MRZ, exactly as written:
 * plain text is never repaired. today_year is the 4-digit current year used
 * to give two-digit years a century: birth dates are never in the future
 * nor after the document's expiry date, expiry dates up to 20 years ahead. The format follows from the line count
 * and lengths (a first character 'V' on 2x36 and 2x44 makes a visa).
 * Fails with DS_ERR_MRZ_LENGTH when the line count and lengths fit no
 * format, DS_ERR_MRZ_FORMAT when a line holds a byte outside printable
 * ASCII, DS_ERR_USAGE for NULL pointers or a today_year out of range.
 * Printable characters outside the MRZ alphabet (lower case, spaces) parse
 * with format_ok false and the checks over them failing.
 */
ds_error ds_mrz_parse(const char *const *lines, int nlines, int today_year, ds_mrz *out /* OUT */);

/*
 * Like ds_mrz_parse, from recognised characters with second choices. Applies
 * grammar repairs (letters in digit-only positions and the reverse) and then
 * check-digit repairs: a failing check is repaired only when exactly one
 * change among the confusions the recogniser itself doubted makes it pass; a
 * filler '<' is never repaired into a letter. Every repair is listed in
 * out->repairs. lens[i] is the number of characters in lines[i]. A check
 * still failing afterwards is marked in out->misread when a misreading may
 * explain it: a character it reads was doubted (probability under
 * DS_MRZ_DOUBT_P) or lay off its cell (ds_mrz_char.offgrid), was changed by a repair, or is an OCR-B look-alike letter
 * (O, I, B ...) standing amid digits in a free-form field; or the
 * recogniser's second choice at one of its characters, or reading one of its
 * Os as 0, or one of its 0s beside a letter as O, where the field allows
 * both (the pair OCR-B readers confuse most, at any confidence), makes it
 * pass. The
 * repair rule in full is in parse.c's header.
 */
ds_error ds_mrz_parse_ocr(const ds_mrz_char *const *lines, const int *lens, int nlines,
                          int today_year, ds_mrz *out /* OUT */);

const char *ds_mrz_type_name(ds_mrz_type t); /* "TD1" ... "OTHER" */

/*
 * Whether character c fits the field grammar at position pos of line line
 * of format type (a digit where a date or check digit belongs, a letter or
 * filler in a name or code, and so on), before any repair. *in_name (may be
 * NULL) is set to whether the position is in the name field. A position
 * outside the format, or DS_MRZ_UNKNOWN, fits nothing and is not in a name.
 */
bool ds_mrz_fits(ds_mrz_type type, int line, int pos, char c, bool *in_name /* OUT */);

#endif
