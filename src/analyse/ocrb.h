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

/* Size of the feature vector ds_ocrb_features writes. */
#define DS_OCRB_FEATURES 324

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
 * a capital letter in pixels. out receives DS_OCRB_FEATURES floats.
 */
void ds_ocrb_features(const uint8_t *gray, int w, int h, int stride, int ink_threshold,
                      float cap_height, float *out /* OUT */);

/* Loads the model embedded in the library. */
ds_error ds_ocrb_create_builtin(ds_ocrb **out /* OUT */);
/* Loads a model from bytes, validating every size and count in it. */
ds_error ds_ocrb_create(const uint8_t *model, size_t len, ds_ocrb **out /* OUT */);
void ds_ocrb_free(ds_ocrb *m);

/* Classifies one feature vector: best and second-best character with their
 * probabilities. Thread-safe: the model is read-only after creation. */
void ds_ocrb_classify(const ds_ocrb *m, const float *features, ds_mrz_char *out /* OUT */);

#endif
