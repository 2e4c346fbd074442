/*
 * Fuzz target for the decode stage: any bytes through ds_decode_mem under
 * small limits (4 Mpx, 4 pages, 4 MiB), so that a slow or huge decode shows
 * up as a timeout or an allocation failure rather than passing unnoticed.
 * A successful result must be well formed: every page 8 bpp within limits.
 * JPEG input is decoded a second time with DCT scaling asked for, which must
 * hold to the same rules and never return a page larger than the first.
 */
#include <stdint.h>
#include <stdlib.h>

#include "decode/decode.h"

/* Decodes data under lim; aborts on a malformed result. Returns the pages or NULL. */
static ds_pages *decode_checked(const uint8_t *data, size_t size, const ds_limits *lim)
{
    ds_pages *pages = NULL;
    if (ds_decode_mem(data, size, lim, &pages) == DS_OK) {
        if (!pages || pages->count < 1 || pages->count > lim->max_pages)
            abort();
        for (int i = 0; i < pages->count; i++) {
            PIX *g = pages->page[i].gray;
            int r = pages->page[i].reduction;
            if (!g || pixGetDepth(g) != 8 || pixGetColormap(g) ||
                (uint64_t)pixGetWidth(g) * (uint64_t)pixGetHeight(g) > lim->max_pixels ||
                (r != 1 && r != 2 && r != 4 && r != 8) || (r != 1 && lim->jpeg_min_side == 0))
                abort();
        }
    } else if (pages) {
        abort();
    }
    return pages;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_limits lim = {.max_file_bytes = 4u << 20, .max_pixels = 4000000u, .max_pages = 4};
    ds_pages *pages = decode_checked(data, size, &lim);
    if (pages && pages->format == DS_FORMAT_JPEG) {
        lim.jpeg_min_side = 16;
        ds_pages *small = decode_checked(data, size, &lim);
        if (!small || pixGetWidth(small->page[0].gray) > pixGetWidth(pages->page[0].gray) ||
            pixGetHeight(small->page[0].gray) > pixGetHeight(pages->page[0].gray))
            abort();
        ds_pages_free(small);
    }
    ds_pages_free(pages);
    return 0;
}
