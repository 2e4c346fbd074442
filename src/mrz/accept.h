/*
 * mrz/accept: whether a reading of a candidate region is an MRZ at all.
 *
 * The locator proposes any block of two or three long text lines, and the
 * recogniser reads any ink as MRZ characters, so a table row or a paragraph
 * of a bank statement comes back as a "TD1" or "TD3" reading. This module
 * accepts a reading only when it looks like an MRZ printed in OCR-B: glyphs
 * read with confidence, ink on one fixed pitch, the exact line lengths of a
 * format with its field grammar, and fillers in the name field. It judges
 * the reading alone: it never reads pixels, never repairs, and never looks
 * at check digits (a forged MRZ with wrong check digits is still an MRZ and
 * must reach the check stage).
 */
#ifndef DS_MRZ_ACCEPT_H
#define DS_MRZ_ACCEPT_H

#include <stdbool.h>
#include "docscreen/docscreen.h"
#include "mrz/mrz.h"

/*
 * The evidence thresholds, measured on readings of real specimens (the worst
 * real scans read with a mean probability of 0.6 and 40 % of characters
 * sure, up to 6 % of characters breaking the grammar, a pitch error up to
 * 0.007) against readings of 40 supporting-document pages
 * (samples/supporting.py: at least 8 % grammar breaks, and a pitch error
 * under 0.02 only on monospace table rows, which break the grammar by 20 %
 * or more). The glyph floor is low on purpose: a badly scanned MRZ is still
 * an MRZ, and the check stage says how unsure its reading is.
 */
#define DS_MRZ_ACCEPT_SURE_SHARE 0.30f   /* least share of characters with p >= DS_MRZ_DOUBT_P */
#define DS_MRZ_ACCEPT_MEAN_P 0.55f       /* least geometric mean probability */
#define DS_MRZ_ACCEPT_PITCH_ERR 0.02f    /* most squared distance from the pitch grid */
#define DS_MRZ_ACCEPT_BREAK_SHARE 0.07f  /* most share of characters breaking the grammar */
#define DS_MRZ_ACCEPT_NAME_FILLERS 1     /* least '<' in the name field, or else ... */
#define DS_MRZ_ACCEPT_FILLERS 3          /* ... least '<' in the whole MRZ (a name that
                                          * fills its field exactly has none) */

typedef struct ds_mrz_acceptance {
    bool accepted;   /* every test below passes */
    bool glyphs_ok;  /* enough characters read with confidence and a high mean */
    bool pitch_ok;   /* ink on one fixed pitch */
    bool grammar_ok; /* the exact lengths of a format, few grammar breaks */
    bool fillers_ok; /* fillers in the name field, or enough elsewhere */
    bool mrz_like;   /* grammar_ok and pitch_ok: the layout of an MRZ, even if
                      * the reading was refused for its glyphs or fillers */
    float sure_share, mean_p, pitch_err, break_share;
    int name_fillers, fillers; /* '<' read in the name field, in all lines */
    const char *reason; /* the first failed test, a static string; "" when accepted */
} ds_mrz_acceptance;

/*
 * Judges one reading: nlines recognised lines (lens[i] characters each, the
 * recogniser's best guess and probability per character), parsed the
 * result of ds_mrz_parse_ocr on them or NULL when that parse failed (the
 * line count and lengths fit no format), and pitch_err the band's fit of a
 * fixed pitch (ds_mrzband.pitch_err; a negative value means unknown and
 * passes). Grammar and fillers are judged on the characters as read, before
 * any repair (a doubted character whose second guess fits its field is no
 * grammar break: accept.c); characters cut away by the image's edge
 * (ds_mrz_char.cut) are left out of every test. Fails with DS_ERR_USAGE for
 * NULL lines, lens or out, or nlines outside 1..DS_MRZ_MAX_LINES; a refused reading is DS_OK with
 * out->accepted false.
 */
ds_error ds_mrz_accept(const ds_mrz_char *const *lines, const int *lens, int nlines,
                       const ds_mrz *parsed, float pitch_err,
                       ds_mrz_acceptance *out /* OUT */);

#endif
