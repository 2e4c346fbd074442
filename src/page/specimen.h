/*
 * specimen: the word SPECIMEN (or MUSTER, SPÉCIMEN, ESPÉCIMEN, MODELO,
 * CAMPIONE) printed large across a data page at an angle, as published
 * specimen documents carry it.
 *
 * The search is in two steps so that a genuine page costs almost nothing.
 * First, without OCR: the region is reduced to about 100 dpi, its ink
 * (darker than the paper around it, so that a translucent stamp on a
 * tinted or shaded page counts) is opened with a brick wider than ordinary
 * print strokes (text, guilloche, signatures vanish; bold stamp letters
 * stay), and the remaining blobs of letter size are searched for a row of
 * at least four, evenly spaced along a line tilted 8 to 45 degrees either
 * way, with one hole of a few letters allowed where the stamp merges with
 * the print it crosses. Only when such a row exists is
 * the band around it turned upright and read once by Tesseract as a single
 * line; a word of the list (case and accents folded, one wrong letter
 * allowed in words of six letters or more) confirms it.
 *
 * This file only reads: it reports the word, the caller decides what it
 * means. It never sets tessedit_char_whitelist.
 */
#ifndef DS_SPECIMEN_H
#define DS_SPECIMEN_H

#include <stdbool.h>
#include <stddef.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

/*
 * Looks for an angled specimen stamp in region (8 bpp, resolution dpi).
 * api is the caller's Tesseract engine (its page segmentation mode and
 * image are changed and cleared). On a find, writes the word (upper case,
 * accents dropped) into word[cap] and returns true; *angle_deg (may be
 * NULL) gets the stamp's tilt, counter-clockwise positive.
 */
bool ds_specimen_find(TessBaseAPI *api, PIX *region, float dpi, char *word, size_t cap,
                      float *angle_deg /* OUT */);

/*
 * The list word that text (UTF-8, what was read along the stamp's band)
 * holds, or NULL: the text is folded to upper-case ASCII letters without
 * spaces and must contain the word, exactly for words under six letters,
 * otherwise with at most one substituted, missing or extra letter.
 */
const char *ds_specimen_word(const char *text);

/*
 * True when word (UTF-8, one word of a printed value; case and accents are
 * folded) is itself a specimen mark in one of the languages specimens are
 * printed in: SPECIMEN, SPÉCIMEN, ESPÉCIMEN, MUSTER, MODELO, MODÈLE,
 * CAMPIONE, MUESTRA, SAMPLE, VZOR, WZÓR, MINTA, NÄYTE, NÄIDIS, PARAUGS,
 * PAVYZDYS, UZORAK, OBRAZEC, ZRAZOK, DEIGMA ... Unlike ds_specimen_word
 * the word must be the mark as a whole (MUSTERMANN is a specimen's name,
 * not its mark), read exactly, or with one letter wrong for the marks of
 * eight letters or more. A value that is such a word is the stamp read
 * where a field's value was expected, never the value.
 */
bool ds_specimen_is_word(const char *word);

#endif
