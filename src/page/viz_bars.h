/*
 * viz_bars: captions printed light on a dark bar or tab (a slate tab with
 * "Nom / Surname" in white beside the value). Tesseract reads such a tab
 * as a dark blot ("GEERAMED"), so no caption, and no field, is found on
 * the page. The bars are found by pixel analysis; their captions are
 * read on a copy of the region where each bar is made dark on light.
 */
#ifndef DS_VIZ_BARS_H
#define DS_VIZ_BARS_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include "page/viz_page.h"

#define DS_VIZ_BARS_MAX 24 /* bars kept of one page */

/*
 * Turns every dark bar of img (8 bpp, about 300 dpi: dpi is its
 * resolution) that holds light print into dark print on the image's
 * median grey, in place, row by row between the bar's own edges (a
 * rounded corner's paper is left alone). A bar is a connected run of
 * pixels darker than 0.62 of the image's median grey, 1.5 to 5 mm tall
 * and at least three times as wide, filling 55 % of its box with rows
 * that span 85 % of it on average, holding 2 to 50 % of lighter pixels
 * (its letters, whose light tone comes at least halfway from that
 * threshold to the median: the gaps of a bold word blurred into one blot
 * do not) and almost nothing darker than its own tone (dark print on a
 * dark band is left as it is: inverting it would wipe the print out).
 * Returns the number of bars turned (at most cap, their boxes x, y, w, h
 * in boxes); 0 for anything else than an 8 bpp image. The sparse reading
 * of the whole region must not be given the result: without the bars'
 * dark mass Tesseract's threshold of a tinted region falls into its paper
 * (the guilloche read as print); it is for the bars' own readings.
 */
int ds_viz_bars_invert(PIX *img, float dpi, int boxes[][4], int cap);

/*
 * The sparse reading of the region read a dark bar's light caption as a
 * blot ("GEERAMED"): the words of pg whose centre lies in a bar are
 * dropped, and each bar of inv (the region with its bars made dark on
 * light by ds_viz_bars_invert) is read alone instead, enlarged to a
 * 60-pixel bar (1x to 3x), sharpened and read as a block of lines, its
 * words added to pg in the region's frame with text lines of their own.
 * Returns the number of readings made; api's image is cleared.
 */
int ds_viz_bars_read(TessBaseAPI *api, PIX *inv, const int boxes[][4], int nb, ds_viz_page *pg);

/*
 * A dark bar holds a caption: a segment of pg made only of words read in
 * one bar of boxes[nb] (ds_viz_bars_read) is caption, never a value: one
 * that names no field becomes a caption part (DS_VIZ_FIELD_OTHER; its
 * misread letters, "Date de habsaice", were taken for the value under
 * the caption above), and every one stands as tall as its bar (its
 * words' and its own box), so that the value printed beside the bar,
 * centred on it, is on the caption's line whichever of the bar's two
 * lines the caption was read from.
 */
void ds_viz_bars_captions(ds_viz_page *pg, const int boxes[][4], int nb);

#endif
