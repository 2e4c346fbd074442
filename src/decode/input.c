/*
 * input: the one entry for bytes of any supported format. Image files are
 * decoded in this process (decode.c); a PDF is handed to the PDF reader
 * process (pdf.c), which is why the two meet here and not in decode.c.
 */
#include "decode/decode.h"
#include "decode/pdf.h"

ds_error ds_decode_input(const uint8_t *data, size_t len, const ds_limits *lim,
                         const char *helper, ds_pages **out)
{
    if (!lim || !out || (!data && len > 0) || lim->max_pages < 1)
        return DS_ERR_USAGE;
    ds_decode_quiet();
    if (len > 0 && len <= lim->max_file_bytes && ds_decode_sniff(data, len) == DS_FORMAT_PDF)
        return ds_pdf_decode(data, len, lim, helper, out);
    return ds_decode_mem(data, len, lim, out);
}
