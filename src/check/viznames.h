/*
 * viznames: the verdict on one form of a printed name against the MRZ.
 *
 * norm is a form of the value read under a name label (upper case, as the
 * reader normalises names, or a transliteration of it: vizident.h). The
 * verdict allows what ICAO 9303 allows (names.h) and what reading noise
 * explains: up to two letters apart over the whole name (more for the
 * digraphs AE, OE, UE, AA the reader sees as one glyph), a name cut short
 * by its box, the start of the MRZ's other name (the next row read), a
 * "SURNAME GIVEN NAMES" line read under one label. Only vizcheck.c calls
 * it. Pure; no allocation.
 */
#ifndef DS_VIZNAMES_H
#define DS_VIZNAMES_H

#include <stdbool.h>
#include "mrz/mrz.h"
#include "page/viz.h"

/*
 * The verdict on form norm of field id's value f (DS_VIZ_SURNAME or
 * DS_VIZ_GIVEN_NAMES) against the MRZ m: DS_VIZ_MATCH, DS_VIZ_UNVERIFIABLE
 * (within noise, or not read clearly: clear false), or DS_VIZ_MISMATCH. On
 * a mismatch, *as_out is the MRZ name field it differs from, val_out
 * [DS_VIZ_VALUE_MAX] the part of norm compared, and *misread true when the
 * difference is still one a misreading makes (ds_vizident_name_misread:
 * each word printed is a word of the MRZ name, one or two of them a letter
 * or two confusable letters off, the others absent): such a difference is
 * no evidence of another name.
 */
ds_viz_status ds_viz_judge_name(const ds_viz_field *f, bool clear, int id, const ds_mrz *m,
                                const char *norm, int *as_out, char *val_out,
                                bool *misread /* OUT */);

#endif
