/*
 * An MRZ that runs off the edge of the image: its cut characters are no
 * ground for a repair, and its failing checks are misreadings (clip.h).
 */
#include "mrz/clip.h"

void ds_mrz_clip_chars(int clipped, const ds_mrz_char *const *in, const int *lens, int nlines,
                       ds_mrz_char out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE])
{
    if (nlines > DS_MRZ_MAX_LINES)
        nlines = DS_MRZ_MAX_LINES;
    for (int l = 0; l < nlines; l++) {
        int n = lens[l] < DS_MRZ_MAX_LINE ? lens[l] : DS_MRZ_MAX_LINE;
        for (int k = 0; k < n; k++) {
            out[l][k] = in[l][k];
            int cut = ((clipped & DS_MRZ_CLIPPED_START) && k < DS_MRZ_CLIP_CELLS) ||
                      ((clipped & DS_MRZ_CLIPPED_END) && k >= n - DS_MRZ_CLIP_CELLS);
            if (cut) {
                out[l][k].p = 1.0f;
                out[l][k].alt = 0;
                out[l][k].alt_p = 0.0f;
            }
        }
    }
}

void ds_mrz_clip_mark(ds_mrz *m, int clipped)
{
    if (!m || !clipped)
        return;
    m->clipped = clipped;
    ds_mrz_misread *r = &m->misread;
    r->document_number |= m->checks.document_number == DS_CHECK_FAIL;
    r->birth_date |= m->checks.birth_date == DS_CHECK_FAIL;
    r->expiry_date |= m->checks.expiry_date == DS_CHECK_FAIL;
    r->optional_data |= m->checks.optional_data == DS_CHECK_FAIL;
    r->composite |= m->checks.composite == DS_CHECK_FAIL;
}
