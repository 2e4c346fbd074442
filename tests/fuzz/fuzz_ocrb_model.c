/*
 * Fuzz target for the OCR-B model parser: any bytes go to ds_ocrb_create;
 * a model that loads classifies a fixed feature vector, so a size the parser
 * let through that does not match the weights shows up as an overread.
 */
#include <stddef.h>
#include <stdint.h>

#include "mrz/ocrb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_ocrb *m = NULL;
    if (ds_ocrb_create(data, size, &m) != DS_OK)
        return 0;
    float f[DS_OCRB_FEATURES];
    for (int i = 0; i < DS_OCRB_FEATURES; i++)
        f[i] = (float)((i * 37) % 11) / 10.0f;
    ds_mrz_char c;
    ds_ocrb_classify(m, f, &c);
    ds_ocrb_free(m);
    return 0;
}
