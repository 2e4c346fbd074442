/*
 * Fuzz target for the PDF reader's own parsing (tools/pdfparse.cpp): the
 * revision scan of a raw PDF (startxref / %%EOF sections, "N G obj"
 * headers, object streams, cross-reference tables and streams checked
 * against the bytes) and the reading of mutool's structured text, over any
 * bytes.
 * qpdf and MuPDF, which do the rest, are fuzzed upstream.
 */
#include <stddef.h>
#include <stdint.h>

int ds_pdfparse_fuzz(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_pdfparse_fuzz(data, size);
    return 0;
}
