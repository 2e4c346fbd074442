/*
 * Fuzz target for the decode stage: any bytes through ds_decode_mem under
 * small limits (4 Mpx, 4 pages, 4 MiB), so that a slow or huge decode shows
 * up as a timeout or an allocation failure rather than passing unnoticed.
 * A successful result must be well formed: every page 8 bpp within limits.
 */
#include <stdint.h>
#include <stdlib.h>

#include "decode/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_limits lim = {.max_file_bytes = 4u << 20, .max_pixels = 4000000u, .max_pages = 4};
    ds_pages *pages = NULL;
    if (ds_decode_mem(data, size, &lim, &pages) == DS_OK) {
        if (!pages || pages->count < 1 || pages->count > lim.max_pages)
            abort();
        for (int i = 0; i < pages->count; i++) {
            PIX *g = pages->page[i].gray;
            if (!g || pixGetDepth(g) != 8 || pixGetColormap(g) ||
                (uint64_t)pixGetWidth(g) * (uint64_t)pixGetHeight(g) > lim.max_pixels)
                abort();
        }
    } else if (pages) {
        abort();
    }
    ds_pages_free(pages);
    return 0;
}
