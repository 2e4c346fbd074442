/*
 * mrz/pitch: fitting the fixed character pitch of an MRZ line to the
 * connected components of its ink (used by locate.c).
 *
 * A line of n characters has its centres at a + pitch * k, k = 0..n-1. The
 * whole-line fit knows n (30, 36 or 44); the partial fit is for a line that
 * runs off the edge of the image, where only some of its characters are
 * there: it measures the pitch from the spacing of neighbouring characters
 * and counts the characters the ink spans.
 */
#ifndef DS_MRZ_PITCH_H
#define DS_MRZ_PITCH_H

/* One connected component of a line's ink, band pixels. */
typedef struct ds_mrz_comp {
    float cx, cy;
    int x, w, h;
} ds_mrz_comp;

/*
 * Fits centre = a + pitch * k to the components of one line for n
 * characters. The first and last character are taken among the three
 * outermost components on each side, so that a speck beside the MRZ does
 * not stretch the grid. Returns the mean squared distance of the components
 * from the grid in pitch units (a component off the grid or beyond its n
 * cells counts 0.25; lower is better; 1e9 when nothing fits). c is sorted by
 * x in place.
 */
float ds_mrz_fit_pitch(ds_mrz_comp *c, int nc, int n, float *a_out /* OUT */,
                       float *p_out /* OUT */);

/*
 * The fit of a line that holds only some of its n_max characters: the pitch
 * is the median spacing of neighbouring components (those between 0.55 and
 * 1.6 line heights apart; cap is the line's height), the count m the
 * characters the ink spans at that pitch, and the grid is then fitted as by
 * ds_mrz_fit_pitch for m (and m +- 1, the best kept). Only counts from
 * n_min to n_max - 1 are tried. Returns the fit's residual as
 * ds_mrz_fit_pitch does, with *m_out the count; 1e9 when no count in range
 * fits. c is sorted by x in place.
 */
float ds_mrz_fit_partial(ds_mrz_comp *c, int nc, float cap, int n_min, int n_max,
                         float *a_out /* OUT */, float *p_out /* OUT */, int *m_out /* OUT */);

#endif
