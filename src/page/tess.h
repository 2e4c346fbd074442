/*
 * One way to make a quiet Tesseract engine for the readers of printed text
 * (the passport data page, a licence front). An engine is used by one
 * thread at a time; the MRZ never goes through Tesseract.
 */
#ifndef DS_TESS_H
#define DS_TESS_H

#include <leptonica/allheaders.h>
#include <stdbool.h>
#include <stdint.h>
#include <tesseract/capi.h>
#include "docscreen/docscreen.h"

/* Creates an engine for langs ("eng" when NULL or empty) with its
 * diagnostics sent to /dev/null. DS_ERR_MODEL when the traineddata is
 * missing, DS_ERR_NOMEM. */
ds_error ds_tess_create(const char *langs, TessBaseAPI **out /* OUT */);
void ds_tess_free(TessBaseAPI *api);

/*
 * The line images Tesseract encodes for its LSTM recogniser and decodes at
 * once (tess.c): written raw (Leptonica's serialised form, lossless)
 * instead of as PNG when on, the default; Tesseract reads the same pixels
 * either way. Off sends them through PNG again (the tests compare both).
 * ds_tess_raw_line_count: how many line images were written raw so far.
 */
void ds_tess_raw_lines(bool on);
unsigned long ds_tess_raw_line_count(void);

/*
 * The plumbing of Tesseract's LSTM networks (tess_net.c: the index
 * arithmetic of their time steps and the copies between layers):
 * computed by this library, with the same results, when on, the default,
 * and Tesseract's is a version this library knows; off sends every call
 * to Tesseract's own functions (the tests compare both).
 * ds_tess_fast_net_count: about how many walks over a network's time
 * steps were made here so far (counted without a lock: a lower bound when
 * threads read at once).
 * ds_tess_int8_of: a network output as Tesseract's int8 networks store it;
 * ds_tess_int8_row: the same for in[0..n) into out (vectors where the
 * processor has them, the same values); ds_tess_tanh_row: Tesseract's
 * table tanh of line[0..n) in place, as its fully connected layers take it
 * (table: its TanhTable).
 */
void ds_tess_fast_net(bool on);
unsigned long ds_tess_fast_net_count(void);
int8_t ds_tess_int8_of(float x);
void ds_tess_int8_row(const float *in, int8_t *out, int n);
void ds_tess_tanh_row(const float *table, float *line, int n);

/*
 * Tesseract's table logistic of line[0..n) in place, as its LSTM gates
 * take it (table: its LogisticTable). The gates of every int8 LSTM step
 * (tess_net.c) are computed by this library when the fast network is on,
 * regions run inline (base/omp.h) and Tesseract's code for them is the
 * one read (Debian's 5.3.0-2): ds_tess_lstm_gate_steps counts those steps
 * (without a lock, as ds_tess_fast_net_count).
 */
void ds_tess_logistic_row(const float *table, float *line, int n);
unsigned long ds_tess_lstm_gate_steps(void);

/*
 * Tesseract's int8 matrix product (its AVX2 IntSimdMatrix's
 * matrixDotVectorFunction: num_out outputs, num_in_bias inputs with the
 * bias, weights shaped for it) into v, the same values, with AVX-512 VNNI
 * (tess_dot.c). False, and nothing done, where the processor lacks it.
 */
bool ds_tess_int8_dot(int num_out, int num_in_bias, const int8_t *shaped, const float *scales,
                      const int8_t *u, float *v);

#endif
