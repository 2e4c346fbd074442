/*
 * pagequal.c: the image quality of a page where no MRZ was read
 * (ds_forensics_page_quality, forensics.h): too few pixels for any MRZ.
 */
#include "forensics/forensics.h"

#include <stdio.h>

ds_error ds_forensics_page_quality(PIX *page, int file_dpi, ds_forensics *out)
{
    if (!page || !out)
        return DS_ERR_USAGE;
    int w = (int)pixGetWidth(page), h = (int)pixGetHeight(page), longer = w > h ? w : h;
    out->page_measured = true;
    out->page_dpi_max = (float)longer / DS_FORENSICS_PASSPORT_IN;
    out->page_dpi_file = file_dpi > 0 ? file_dpi : 0;
    if (out->page_dpi_max < DS_FORENSICS_MIN_DPI) {
        out->quality_low = true;
        snprintf(out->quality_reason, sizeof out->quality_reason,
                 "The image is too small to read a machine-readable zone (%dx%d pixels, at most "
                 "about %.0f dpi); rescan at 300 dpi.", w, h, out->page_dpi_max);
    } else if (out->page_dpi_file > 0 && (float)out->page_dpi_file < DS_FORENSICS_MIN_DPI &&
               out->page_dpi_max < DS_FORENSICS_PAGE_SMALL_DPI) {
        out->quality_low = true;
        snprintf(out->quality_reason, sizeof out->quality_reason,
                 "The scan resolution is too low to read a machine-readable zone (%d dpi, "
                 "%dx%d pixels); rescan at 300 dpi.", out->page_dpi_file, w, h);
    }
    return DS_OK;
}
