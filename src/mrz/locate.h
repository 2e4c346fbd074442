/*
 * mrz/locate: finding the machine-readable zone on a page.
 *
 * Locates the MRZ anywhere on a grayscale page (any of the four right-angle
 * orientations plus up to about 15 degrees of skew; any angle at all with
 * ds_mrz_locate_tilted; 150 to 600 dpi), cuts it
 * out upright and splits it into lines and fixed-pitch character cells.
 * It never reads characters: choosing between hypotheses that only the
 * recogniser can settle (upside down or not, which candidate is the MRZ) is
 * left to the caller, which extracts each candidate both ways and keeps the
 * reading that parses best.
 */
#ifndef DS_MRZBAND_H
#define DS_MRZBAND_H

#include <stdbool.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"
#include "mrz/mrz.h"

/* At most this many candidate regions are returned for one page. */
#define DS_MRZ_MAX_CANDIDATES 6

/* A region of the page that looks like a block of 2 or 3 long text lines. */
typedef struct ds_mrz_candidate {
    float cx, cy;     /* centre, page pixels */
    float angle;      /* direction of the text lines, radians, page frame */
    float length;     /* along the lines, page pixels */
    float thickness;  /* across the lines, page pixels */
    int nlines;       /* 2 or 3 as seen at low resolution */
    float score;      /* higher is more MRZ-like */
} ds_mrz_candidate;

typedef struct ds_cell {
    int x, y, w, h; /* in the upright band image */
} ds_cell;

typedef struct ds_mrzband {
    PIX *band;       /* upright 8 bpp crop of the MRZ, owned */
    int nlines;
    int nchars[DS_MRZ_MAX_LINES];
    ds_cell cell[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    int ink_threshold[DS_MRZ_MAX_LINES];
    float cap_height[DS_MRZ_MAX_LINES];
    int bbox[4];       /* x, y, w, h of the MRZ in page coordinates */
    int rotation;      /* 0, 90, 180 or 270: clockwise turn that makes the page upright */
    float skew_deg;    /* skew removed on top of the rotation */
    float pitch;       /* character pitch in band pixels */
    /* How well one fixed pitch explains where the ink of each line is: the
     * worst line's mean squared distance of its character components from
     * the pitch grid, in pitch units (0 on the grid, 0.25 off it or beyond
     * the line's cells). An MRZ, printed at a fixed pitch, stays low;
     * proportional text does not. */
    float pitch_err;
    /* DS_MRZ_CLIPPED_START / _END (mrz.h): the lines run into the edge of
     * the image at their start / their end (upright frame), so the
     * characters there may be cut or missing. */
    int clipped;
    /* Cells of each line that lie beyond the image's edge, or that the edge
     * cuts through: a line cut by the edge is read as far as it goes, and
     * its missing cells (at the clipped end, width 0) hold nothing to read.
     * 0 on a line the edge does not cut. */
    int missing[DS_MRZ_MAX_LINES];
    /* 1 when clipped is a glare's washed-out end, not the image's edge */
    int washed;
    /* 1 when the band was split strictly (no grid explained the first
     * split: a border's row or a halftone's specks beside the zone): its
     * reading counts only when every check passes */
    int strict;
} ds_mrzband;

/*
 * Finds up to DS_MRZ_MAX_CANDIDATES MRZ-like regions on page (8 bpp), best
 * first. *out_count is 0 when nothing on the page looks like an MRZ.
 */
ds_error ds_mrz_locate(PIX *page, ds_mrz_candidate *out /* OUT */, int *out_count /* OUT */);

/*
 * The same search for a page lying at a slant a scanner's skew does not
 * explain (about 15 to 75 degrees from a right angle): the page is searched
 * turned by +22.5, -22.5 and 45 degrees, where such lines run within about
 * 11 degrees of the rows or columns. Candidates come back in page
 * coordinates with their true angle; ds_mrzband_extract cuts them upright
 * like any other. Costs about as much as ds_mrz_locate again, so the caller
 * runs it only when the upright search read no MRZ.
 */
ds_error ds_mrz_locate_tilted(PIX *page, ds_mrz_candidate *out /* OUT */, int *out_count /* OUT */);

/*
 * Cuts candidate c out of page upright (turned a further 180 degrees when
 * flip is set) and splits it into lines and cells. Fails with
 * DS_ERR_NOT_FOUND when the region does not split into 2 or 3 lines of an
 * MRZ length. Lines that hold fewer characters at the MRZ's pitch (half a
 * line at least) are taken as cut by the image's edge only when their
 * characters run into the edge at one end: the missing cells are placed at
 * that end (ds_mrzband.missing; two such lines are taken as 44 long), and
 * a character the edge cuts through is missing too. On success out owns a band image (ds_mrzband_free).
 */
ds_error ds_mrzband_extract(PIX *page, const ds_mrz_candidate *c, bool flip,
                            ds_mrzband *out /* OUT */);

/*
 * Like ds_mrzband_extract, for a band that splits into two whole lines of
 * 36 of which one end fades under a glare (ds_mrzband_washed_end): the
 * lines of a TD3 or MRV-A whose first or last 8 characters the glare washed
 * out fit 36 just as well as a TD2's. They are framed as 44 long, cut by
 * the glare at the faded end (clipped and washed set, the missing cells
 * there, the faded characters missing too). DS_ERR_NOT_FOUND when the band
 * is not two whole lines of 36 or neither end fades. Which framing reads
 * as the MRZ is the caller's to judge.
 */
ds_error ds_mrzband_extract_washed44(PIX *page, const ds_mrz_candidate *c, bool flip,
                                     ds_mrzband *out /* OUT */);

void ds_mrzband_free(ds_mrzband *b);

#endif
