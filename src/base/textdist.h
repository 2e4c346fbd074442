/*
 * Distances between read texts, shared by every comparison of an OCR
 * reading with another source (the printed page with the MRZ, a licence's
 * front with its barcode). Pure functions over ASCII; no allocation.
 */
#ifndef DS_TEXTDIST_H
#define DS_TEXTDIST_H

#include <stdbool.h>
#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions) of a and b; 99 when
 * either is longer than 95 characters. */
int ds_levenshtein(const char *a, const char *b);

/* True when two different digits are ones a reader confuses in print
 * (0/8, 1/7, 3/8, 5/6 ...). */
bool ds_digits_confusable(char a, char b);

/* Folds a character OCR confuses with a digit to that digit (O, D, Q -> 0;
 * I, J, L, T -> 1; Z -> 2; S -> 5; G -> 6; B -> 8), upper-casing letters;
 * other characters come back unchanged. */
char ds_ocr_fold(char c);
/* A read number as its letters and digits only, each folded by
 * ds_ocr_fold, into out (cap bytes, always terminated). */
void ds_fold_number(const char *in, char *out, size_t cap);
/* Two read numbers within OCR noise of each other: once folded
 * (ds_fold_number), at most a third of expect's characters apart. */
bool ds_number_near(const char *read, const char *expect);
/* in (upper case) with the E of OE, UE and AE dropped, into out (cap
 * bytes, always terminated): the MRZ spelling of an umlaut (ICAO 9303
 * Part 3) against a page that prints the plain vowel, which OCR may give
 * without its dots. */
void ds_drop_umlaut_e(const char *in, char *out, size_t cap);

#endif
