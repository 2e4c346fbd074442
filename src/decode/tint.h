/*
 * tint: a colour page's light coloured ink (a stamp, a highlighter, a
 * coloured pen), lifted to the paper's side of the page's gray for reading
 * its text (ds_page_ink, decode.h).
 *
 * A rubber stamp or a highlighter stroke over a line of print is, in gray,
 * about as dark as the print itself: Tesseract's threshold keeps both and
 * reads the line as garbage. In colour the two differ: such ink absorbs
 * one or two of the red, green and blue channels and leaves the brightest
 * one near the paper, while black print absorbs all three. A pixel of
 * clear colour (its channels DS_TINT_CHROMA_LO apart or more) whose
 * brightest channel is light (DS_TINT_VALUE_LO or more) is given that
 * channel instead of its gray, by degrees (full at DS_TINT_CHROMA_HI and
 * DS_TINT_VALUE_HI): print under the stamp stays dark, the stamp goes
 * pale. Dark coloured print (a navy heading, a red band behind white
 * letters) has no light channel and keeps its gray.
 */
#ifndef DS_TINT_H
#define DS_TINT_H

#include <leptonica/allheaders.h>
#include <stdint.h>

#define DS_TINT_CHROMA_LO 16
#define DS_TINT_CHROMA_HI 48
#define DS_TINT_VALUE_LO 140
#define DS_TINT_VALUE_HI 200
/* A pixel counts as lifted when it rose by this many gray levels; a page
 * keeps its lifted gray only with DS_TINT_MIN_SHARE (per million) of its
 * pixels lifted, at least DS_TINT_MIN_PIXELS. */
#define DS_TINT_LIFTED 32
#define DS_TINT_MIN_SHARE 200
#define DS_TINT_MIN_PIXELS 400

/* The gray of one pixel of gray g and colour r, g, b, its light coloured
 * ink lifted (g itself for a gray or dark pixel). */
static inline uint8_t ds_tint_lift(int gray, int r, int g, int b)
{
    int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
    int mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
    int c = mx - mn - DS_TINT_CHROMA_LO, v = mx - DS_TINT_VALUE_LO;
    if (c <= 0 || v <= 0 || mx <= gray)
        return (uint8_t)gray;
    const int cs = DS_TINT_CHROMA_HI - DS_TINT_CHROMA_LO, vs = DS_TINT_VALUE_HI - DS_TINT_VALUE_LO;
    if (c > cs)
        c = cs;
    if (v > vs)
        v = vs;
    return (uint8_t)(gray + (mx - gray) * c * v / (cs * vs));
}

/* The page's gray with its light coloured ink lifted, from a 32 bpp RGB
 * image and its gray (the same size); NULL when too few pixels were lifted
 * to matter (a gray page, a page in black and dark colours) or on a bad
 * argument. */
PIX *ds_tint_from_rgb(PIX *rgb, PIX *gray);

/* Keeps *ink (gray with its light coloured ink lifted, being built) only
 * when lifted (its count of lifted pixels) is a share of its pixels that
 * matters, destroying it otherwise. */
void ds_tint_keep(PIX **ink, uint64_t lifted);

/* For reading the page's text: a copy of ink (ds_page_ink) in which a
 * solid area of lifted pixels (at least DS_TINT_BAND_FILL of its box,
 * across at least 1/DS_TINT_BAND_MIN_W of the page and DS_TINT_BAND_MIN_H
 * pixels tall once thin strokes are opened away) with more pixels between
 * them brighter than its own gray (by DS_TINT_BAND_STEP) than darker keeps
 * its gray: a band of colour behind white letters, a title's, whose
 * letters would vanish into it lifted. A stamp's word is no band (too
 * short), nor is a highlighter's stroke (the print in it is darker). Run
 * by the supporting-page reader only (a morphology pass over the page),
 * not by the decoder. NULL on a bad argument or no memory. */
PIX *ds_tint_bands_kept(PIX *gray, PIX *ink);

#define DS_TINT_BAND_FILL 0.6
#define DS_TINT_BAND_MIN_W 4
#define DS_TINT_BAND_MIN_H 12
#define DS_TINT_BAND_STEP 40

#endif
