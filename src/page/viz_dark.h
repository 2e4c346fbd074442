/*
 * viz_dark: the region read again with only its darkest print, when the
 * sparse reading of the page as it is drowned in what the page prints
 * round its values: a line of microtext under each value (the captions
 * repeated in a tiny accent-coloured font), a guilloche as dark as the
 * captions, faint captions. Tesseract then boxes each value with the
 * microtext under it and reads neither (`KILIÇ` over its microtext line
 * read `LLNS`). Values are printed in the darkest ink of a data page;
 * what is lighter than a third of the way from that ink to the paper
 * (microtext, guilloche, tints, light captions) is made paper, and the
 * region is read once more.
 */
#ifndef DS_VIZ_DARK_H
#define DS_VIZ_DARK_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include <stdbool.h>

#include "page/viz_page.h"

/* Of the way from the ink (the region's 2nd percentile of grey) to the
 * paper (its 80th), the share under which a pixel is print. */
#define DS_VIZ_DARK_SHARE 0.3f

/*
 * A copy of img (8 bpp) with only its darkest print: pixels darker than
 * ink + DS_VIZ_DARK_SHARE * (paper - ink) black, the rest white. NULL when
 * the region has less than DS_VIZ_STRIP_MIN_CONTRAST between ink and
 * paper (nothing to tell apart), on a bad argument or no memory.
 */
PIX *ds_viz_dark_only(PIX *img);

/*
 * Whether pg's sparse reading is one the darkest print may read better:
 * no caption of a compared field identified (a page whose captions were
 * read is left as it is), and at least twice as many words read under 50
 * as words of two letters or digits read at 80 or more (junk outnumbering
 * what was read).
 */
bool ds_viz_dark_wanted(const ds_viz_page *pg);

/* The words of pg read at 80 or more with two letters or digits or more. */
int ds_viz_dark_good_words(const ds_viz_page *pg);

/*
 * Merges the words of a second reading `add` into pg: every word of pg
 * whose box overlaps one of add's (sideways at all, and by half the
 * smaller height up and down) is replaced, the others kept (a caption's
 * junk the small-caption re-read looks for); add's text lines are
 * numbered after pg's. Segments must be built again afterwards.
 */
void ds_viz_dark_merge(ds_viz_page *pg, const ds_viz_page *add);

/*
 * Reads img (the region, at res dpi) again made ds_viz_dark_only, sparse,
 * when ds_viz_dark_wanted(pg), and merges that reading into pg when it
 * has more good words (ds_viz_dark_good_words) by two and by a half.
 * Returns 1 when a reading was made, else 0. pg's segments are built and
 * classified again when merged (*merged set).
 */
int ds_viz_dark_reread(TessBaseAPI *api, PIX *img, int res, ds_viz_page *pg, bool *merged);

#endif
