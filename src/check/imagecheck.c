/*
 * imagecheck.c: the two image flags of imagecheck.h, with their evidence.
 */
#include "check/imagecheck.h"

#include <stdio.h>
#include <string.h>

int ds_forensics_check(const ds_forensics *f, int page, ds_flags *flags)
{
    if (!f || !flags)
        return 0;
    int n = 0;
    if (f->edited && f->nevidence > 0) {
        char found[256] = "";
        for (int i = 0; i < f->nevidence; i++) {
            size_t l = strlen(found);
            snprintf(found + l, sizeof found - l, "%s%s", i ? "; " : "", f->evidence[i]);
        }
        if (ds_flags_add(flags, page, DS_FLAG_IMAGE_EDITED, DS_SEV_WARNING, "image", "image", NULL,
                         found, "The image file shows signs of editing: %s.", f->evidence[0]))
            n++;
    }
    if ((f->measured || f->page_measured) && f->quality_low) {
        char found[64];
        if (f->measured)
            snprintf(found, sizeof found, "%.0f dpi, sharpness %.3f, glare %.1f%%", f->dpi,
                     f->sharpness, f->glare * 100);
        else
            snprintf(found, sizeof found, "no MRZ; page at most %.0f dpi, file %d dpi",
                     f->page_dpi_max, f->page_dpi_file);
        if (ds_flags_add(flags, page, DS_FLAG_IMAGE_QUALITY_LOW, DS_SEV_WARNING, "image", "image", NULL,
                         found, "%s", f->quality_reason))
            n++;
    }
    return n;
}
