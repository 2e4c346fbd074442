/*
 * ocrb: the OCR-B glyph classifier for MRZ characters.
 *
 * A fixed-pitch classifier for the 37 MRZ characters (0-9, A-Z, '<'),
 * trained by models/train_ocrb.py from Debian's fonts-ocr-b. The model file
 * (models/ocrb-mrz.bin) is embedded into the library at build time; a model
 * read from elsewhere is validated before use and rejected with
 * DS_ERR_MODEL when malformed. Classification never allocates.
 */
#ifndef DS_OCRB_H
#define DS_OCRB_H

#include <stddef.h>
#include <stdint.h>
#include "docscreen/docscreen.h"
#include "mrz.h"

#define DS_OCRB_CLASSES 37 /* "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<" */
extern const char ds_ocrb_alphabet[DS_OCRB_CLASSES + 1];

/*
 * The feature vector ds_ocrb_features writes: the ink of the central
 * character, cut to its bounding box and scaled uniformly (aspect ratio kept,
 * centred, area-averaged) into a DS_OCRB_GRID_W x DS_OCRB_GRID_H grid of
 * ink coverage 0..1, followed by DS_OCRB_SCALARS scalars measured in cap
 * heights (box height, width, top and bottom against the expected cap line
 * and baseline, horizontal offset, ink density, aspect, an "empty" flag).
 * DS_OCRB_FEATURE_VERSION names this layout; a model trained on another
 * layout is rejected.
 */
#define DS_OCRB_GRID_W 16
#define DS_OCRB_GRID_H 20
#define DS_OCRB_SCALARS 8
#define DS_OCRB_FEATURES (DS_OCRB_GRID_W * DS_OCRB_GRID_H + DS_OCRB_SCALARS)
#define DS_OCRB_FEATURE_VERSION 1

/* Largest cell measured at full resolution; bigger cells are box-averaged
 * down by an integer factor first. */
#define DS_OCRB_CELL_MAX_W 96
#define DS_OCRB_CELL_MAX_H 128

typedef struct ds_ocrb ds_ocrb;

/*
 * Turns one character cell into the classifier's feature vector.
 * gray is an upright 8-bit image (0 = ink, 255 = paper) of w x h pixels with
 * row stride `stride`. The cell is one character pitch wide, centred on the
 * expected centre of one MRZ character, and spans the text line vertically
 * with a margin of about a fifth of the cap height above and below; pieces of
 * the neighbouring characters may show at its left and right edges.
 * ink_threshold is the gray level below which a pixel is ink (the caller
 * picks it for the whole line); cap_height is the line's measured height of
 * a capital letter in pixels: the model is trained both on the ink height
 * of H, E, ... (+-7%) and on the line's ink extent as src/mrz/locate.c
 * measures it (rows above 12% of the peak of the row profile, typically
 * 1.05-1.2 times the letter height; OCR-B digits are 8% taller than letters),
 * with the cell's rows then being that extent +- 0.2 of it.
 * out receives DS_OCRB_FEATURES floats. Reads only the w x h cell, never
 * allocates, uses about 64 KB of stack, and accepts any w and h: a cell with
 * w < 1, h < 1, stride < w or gray NULL gives the "empty" vector.
 */
void ds_ocrb_features(const uint8_t *gray, int w, int h, int stride, int ink_threshold,
                      float cap_height, float *out /* OUT */);

/* Most models one recogniser combines (ds_ocrb_create_ensemble). */
#define DS_OCRB_MAX_MODELS 4

/* Loads the models embedded in the library (models/README.md): the OCR-B
 * model and, when the build embeds one, the second model trained apart. */
ds_error ds_ocrb_create_builtin(ds_ocrb **out /* OUT */);
/* Loads a model from bytes, validating every size and count in it. */
ds_error ds_ocrb_create(const uint8_t *model, size_t len, ds_ocrb **out /* OUT */);
/* Loads n (1..DS_OCRB_MAX_MODELS) models, each validated as by
 * ds_ocrb_create, into one recogniser whose networks must agree
 * (ds_ocrb_classify). n out of range is DS_ERR_USAGE. */
ds_error ds_ocrb_create_ensemble(const uint8_t *const *models, const size_t *lens, int n,
                                 ds_ocrb **out /* OUT */);
void ds_ocrb_free(ds_ocrb *m);

/* Classifies one feature vector: best and second-best character with their
 * probabilities. With one model these are its softmax outputs. With several,
 * the two characters are those of the mean of their outputs; the best one's
 * probability is the least any model gives it (a character is read with
 * confidence only when every model reads it so: independent readers must
 * agree), the second's is the mean. Thread-safe: the model is read-only
 * after creation. */
void ds_ocrb_classify(const ds_ocrb *m, const float *features, ds_mrz_char *out /* OUT */);

#endif
