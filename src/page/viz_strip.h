/*
 * viz_strip: a caption's strip made readable for a second reading. Pixel
 * work only, no OCR. A caption the first reading of its strip did not
 * name is often there but drawn over by the page: the rule it stands on
 * or under (solid or dotted), the box drawn round a field (a fieldset's
 * border runs through the caption's line, its sides down the strip), a
 * wavy guilloche lighter than the print, or the caption itself printed
 * light grey or small and low in contrast.
 */
#ifndef DS_VIZ_STRIP_H
#define DS_VIZ_STRIP_H

#include <leptonica/allheaders.h>

/* A strip whose print is less than this many grey levels darker than
 * its paper holds nothing to read. */
#define DS_VIZ_STRIP_MIN_CONTRAST 24

/*
 * A copy of box (x, y, w, h, within img) of img (8 bpp) with the rules erased and the
 * contrast stretched, or NULL when the strip holds no print (or on a bad
 * argument or no memory). The paper is the strip's 80th percentile of
 * grey, the ink its 2nd; a pixel is dark when nearer the ink than the
 * paper. Erased to paper: in each row, every run of dark pixels (gaps of
 * up to two pixels bridged, so a dotted rule is one run) at least three
 * strip heights long and a third of the strip wide, and in each column
 * every run at least four fifths of the strip tall (a box's side; no
 * caption letter is that tall in a strip higher than the caption). What is
 * lighter than halfway from the ink to the paper (a guilloche's lighter
 * lines, the paper's tint) is made paper, and the rest stretched from
 * black (the ink) to white (halfway). Strips wider than 4096 or taller than 512 pixels are
 * not cleaned (NULL).
 */
PIX *ds_viz_strip_clean(PIX *img, const int box[4]);

#endif
