/*
 * text: every folding and comparison of read text in one place: UTF-8
 * copying, the folds that make text comparable (case, accents, spaces,
 * the ICAO spelling of a name, a number's OCR confusions) and the
 * distances between two readings (the printed page against the MRZ, a
 * licence's front against its barcode). Pure functions; no allocation.
 * Where two folds look alike they differ as their comments say, and each
 * caller keeps the one it always used.
 */
#ifndef DS_TEXT_H
#define DS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* ------------------------------------------------------------ UTF-8 text */

/* Copies src into dst[cap], never cutting a UTF-8 sequence in two.
 * Nothing is written when cap is 0. */
void ds_text_copy_utf8(char *dst, size_t cap, const char *src);

/* Folds UTF-8 text to lower-case ASCII letters and digits separated by
 * single spaces (the marks of Latin letters dropped: Latin-1, Extended-A,
 * Extended-B and Extended Additional, Vietnamese's included; ß as "ss";
 * every other character a separator), as labels are compared. out[cap] is
 * always terminated; "" when in is NULL or cap is under 4. */
void ds_text_fold(const char *in, char *out, size_t cap);

/* Upper-cases ASCII and Latin-1/Latin Extended-A lower-case letters of
 * UTF-8 text (accents kept) and collapses white space (space, tab, no-break
 * space) to single spaces, none at either end; invalid bytes are dropped
 * and the output is cut at a character boundary. */
void ds_text_upper_utf8(const char *in, char *out, size_t cap);

/* A name as a licence front prints it: ASCII letters upper-cased, bytes
 * of 0x80 and over, '-' and '\'' kept as they are, every other run of
 * characters one space; no space, '-' or '\'' at the end. */
void ds_text_upper_name(const char *in, char *out, size_t cap);

/* ASCII upper case (other bytes as they are), with ',', space and tab
 * runs as one space, none at either end: a barcode's name element. */
void ds_text_upper_collapse(const char *src, char *dst, size_t cap);

/* The letters of a name, upper case, accents dropped (as ds_text_fold
 * drops them, the name read through a fold of 192 bytes), no spaces,
 * hyphens or anything else. out[cap] is always terminated. */
void ds_text_name_key(const char *in, char *out, size_t cap);

/*
 * Writes the ICAO 9303 form of a name to out (cap bytes): UTF-8 Latin letters
 * transliterated (two_letter: Ä -> AE, Ö -> OE, Ü -> UE, Å -> AA; otherwise
 * the bare letter), ß -> SS, Æ -> AE, Ø -> OE, Þ -> TH; the other Latin
 * letters with marks of Latin Extended-B and Latin Extended Additional
 * (Vietnamese "Nguyễn" -> NGUYEN, Romanian Ș -> S, Pinyin ǚ -> U) their
 * base letter; upper case, every other character and '<' a single space,
 * no leading or trailing space.
 */
void ds_text_fold_icao(const char *in, bool two_letter, char *out, size_t cap);

/* ------------------------------------------------------ numbers, letters */

/* A document number without its '<' fillers, spaces and hyphens, ASCII
 * letters upper-cased, into out (cap bytes, always terminated). */
void ds_text_strip_number(const char *s, char *out, size_t cap);

/* The ASCII letters of in, as they are, into out (cap bytes, always
 * terminated). */
void ds_text_letters(const char *in, char *out, size_t cap);

/* Folds a character OCR confuses with a digit to that digit (O, D, Q -> 0;
 * I, J, L, T -> 1; Z -> 2; S -> 5; G -> 6; B -> 8), upper-casing letters;
 * other characters come back unchanged. */
char ds_ocr_fold(char c);
/* A read number as its letters and digits only, each folded by
 * ds_ocr_fold, into out (cap bytes, always terminated). */
void ds_fold_number(const char *in, char *out, size_t cap);
/* in (upper case) with the E of OE, UE and AE dropped, into out (cap
 * bytes, always terminated): the MRZ spelling of an umlaut (ICAO 9303
 * Part 3) against a page that prints the plain vowel, which OCR may give
 * without its dots. */
void ds_drop_umlaut_e(const char *in, char *out, size_t cap);

/* ------------------------------------------------------------- distances */

/* Edit distance (insertions, deletions, substitutions) of a and b; 99 when
 * either is longer than 95 characters. */
int ds_levenshtein(const char *a, const char *b);
/* Edit distance of a[0..la) and b[0..lb), or max + 1 as soon as it is sure
 * to exceed max (and when either is over 95 bytes). */
int ds_edit_distance_n(const char *a, size_t la, const char *b, size_t lb, int max);

/* True when two different digits are ones a reader confuses in print
 * (0/8, 1/7, 3/8, 5/6 ...). */
bool ds_digits_confusable(char a, char b);

/* Two read numbers within OCR noise of each other: once folded
 * (ds_fold_number), at most a third of expect's characters apart. */
bool ds_number_near(const char *read, const char *expect);

/* Every character of a appears in b in the same order (a is b with
 * characters lost). */
bool ds_text_subsequence(const char *a, const char *b);

#endif
