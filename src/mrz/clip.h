/*
 * mrz/clip: an MRZ that runs off the edge of the image.
 *
 * A card laid against the edge of the platen, or a photo cropped tight,
 * cuts the start or the end of the MRZ lines. The lines are read as far as
 * they go; the characters next to the cut are no evidence for a repair
 * (nothing may be repaired into what is missing), and a check that fails
 * on a clipped MRZ is a reading that needs a rescan, never a fraud flag.
 */
#ifndef DS_MRZ_CLIP_H
#define DS_MRZ_CLIP_H

#include "mrz/locate.h"
#include "mrz/mrz.h"

/*
 * Copies the recognised lines in[0..nlines) (lens[l] characters each) to
 * out, where every character within DS_MRZ_CLIP_CELLS of a clipped end
 * (clipped: DS_MRZ_CLIPPED_START | DS_MRZ_CLIPPED_END; the last characters
 * read before the cut) is taken as read with no second choice, so
 * ds_mrz_parse_ocr makes no check-digit repair there. Characters cut away
 * (ds_mrz_char.cut) are copied as they are. With clipped 0 out is a plain
 * copy.
 */
void ds_mrz_clip_chars(int clipped, const ds_mrz_char *const *in, const int *lens, int nlines,
                       ds_mrz_char out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE] /* OUT */);

/*
 * Records on a parsed MRZ that it is clipped and marks every check that
 * fails as one a misreading may explain (ds_mrz.misread): what the cut hides
 * is unknown. Does nothing when clipped is 0.
 */
void ds_mrz_clip_mark(ds_mrz *m, int clipped);

/*
 * The band's ends against the page (for ds_mrzband_extract; locate.c). A
 * band point goes back to the page by the band's whole turn (rotation and
 * skew) about the candidate c's centre, at (ucx, ucy) in the band; the page
 * is pw x ph.
 *
 * ds_mrzband_clipped_ends: which ends of the lines (DS_MRZ_CLIPPED_START /
 * _END) run into the edge of the page: the outer edge of a line's first
 * (last) cell read lies within a small margin of the page's border or beyond
 * it; for a line that lacks characters (ds_mrzband.missing) the margin is
 * three quarters of a pitch wider, as a character the edge cut to a sliver
 * is not among its cells.
 *
 * ds_mrzband_near_edge: whether the page's edge lies within a pitch and a
 * half beyond an end of some line (room for at most one character more).
 *
 * ds_mrzband_place_missing: a band whose lines were fitted for fewer
 * characters than an MRZ line has (the visible cells first) is an MRZ cut
 * by the image's edge only when its lines run into the edge at one end
 * (b->clipped), where the missing cells (width 0) are then put. On any
 * clipped band, a character the edge cuts through (the page ends inside its
 * glyph, beyond a fifth of its cell from its outer edge) is missing too: a
 * sliver of a glyph is read as some other character. Returns 0 when the
 * band is no such MRZ.
 */
int ds_mrzband_clipped_ends(const ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy,
                            int pw, int ph);
int ds_mrzband_near_edge(const ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy,
                         int pw, int ph);
int ds_mrzband_place_missing(ds_mrzband *b, const ds_mrz_candidate *c, float ucx, float ucy,
                             int pw, int ph);

/*
 * Two lines cut by the image's edge to 36 characters or fewer may be a TD3
 * (MRV-A) or a TD2 (MRV-B); ds_mrzband_extract frames them as 44 long. This
 * frames such a band as n (36 or 44) long instead, its missing cells still
 * at the clipped end; the reading that fits its format better is the
 * caller's to keep. Returns 0 (band unchanged) when the band is no such
 * pair of cut lines or n is not 36 or 44.
 */
int ds_mrzband_reframe(ds_mrzband *b, int n);

/*
 * Which end of a band's partial lines (segment: the cells read are the
 * first of each line, from the band's left) runs into a glare, the light
 * of a lamp or a window mirrored by the laminate, that washes the next
 * characters out to white: DS_MRZ_CLIPPED_START or _END, 0 when neither or
 * both. raw is the band as cut from the page, before its light was divided
 * out (ds_mrz_flatten). The faded characters at that end, half washed
 * out, are then counted missing too (b->missing, their cells emptied).
 * Found on heldout8's phone photos, where a glare
 * spot over one end of the MRZ cost 16 of 120 pages their MRZ: the lines
 * are then read as far as they go, like lines cut by the image's edge.
 */
int ds_mrzband_washed_end(ds_mrzband *b /* IN/OUT */, PIX *raw);

/*
 * Whether a parsed MRZ's line length agrees with its document code, for
 * choosing between the two framings of cut lines: 1 when it does (a
 * passport, code P, is a TD3; an identity card, code I, A or C, on two
 * lines a TD2), -1 when it does not, 0 when the code tells nothing (a
 * visa, V, may be either; or the code was cut away).
 */
int ds_mrz_clip_code_fits(const ds_mrz *m);

#endif
