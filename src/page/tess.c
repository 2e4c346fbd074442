/*
 * Tesseract engines for the printed-text readers. Never sets a character
 * whitelist (it makes the LSTM engine several times slower).
 */
#include "tess.h"

#include <stddef.h>

ds_error ds_tess_create(const char *langs, TessBaseAPI **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api)
        return DS_ERR_NOMEM;
    /* Quiet: Tesseract writes warnings to stderr otherwise. */
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (TessBaseAPIInit3(api, NULL, langs && *langs ? langs : "eng") != 0) {
        TessBaseAPIDelete(api);
        return DS_ERR_MODEL;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    *out = api;
    return DS_OK;
}

void ds_tess_free(TessBaseAPI *api)
{
    if (!api)
        return;
    TessBaseAPIEnd(api);
    TessBaseAPIDelete(api);
}
