/*
 * vizcheck: the printed data page against the MRZ.
 *
 * Compares what page/viz.h read on the data page with the MRZ and raises
 * VIZ_MRZ_MISMATCH only on clear evidence: OCR of a printed page is noisy,
 * and a false mismatch accuses a genuine traveller. A field is a mismatch
 * only when its value was read with at least DS_VIZ_MIN_CONF, or read the
 * same way by at least DS_VIZ_MIN_AGREE readings of differently prepared
 * images with none giving the MRZ's value, the MRZ side is complete, and
 * the difference is explained neither by ICAO 9303 transliteration or
 * truncation (names.h), nor by OCR noise: day and month swapped in a date,
 * at most two letters in a name, one character (after folding O/0, I/1,
 * S/5, B/8 ...) in a document number. A single digit of a date that the
 * printer's font makes confusable (3/8, 1/7 ...) counts only when the first
 * reading was at DS_VIZ_MIN_CONF_CHAR and DS_VIZ_MIN_AGREE re-reads agreed
 * with it, when DS_VIZ_MIN_AGREE readings were sure of every glyph
 * (page/viz.h DS_VIZ_SURE_CHAR), or when every one of five readings
 * kept that digit; a number's changed character must keep its kind
 * (letter or digit).
 * A value placed by its position alone (its caption unread: a date by the
 * page's order, a name by the line beside the other name) is not
 * identified, and a printed name that is the MRZ's words with one or two
 * of them a letter off (or two letters OCR confuses, vizident.h) is a
 * misreading: either gives VIZ_MRZ_MISMATCH as a warning to compare by
 * eye, never high, and the field is "unverifiable".
 * Every other read field is "unverifiable". This catches a
 * forger who rewrote the MRZ with correct check digits while the printed
 * page keeps the holder's real data.
 */
#ifndef DS_VIZCHECK_H
#define DS_VIZCHECK_H

#include "page/viz.h"
#include "check.h"

/* Confidence (0..100) a value needs before a difference counts as evidence. */
#define DS_VIZ_MIN_CONF 80.0f
/* A single character (sex, one digit of a date) needs more. */
#define DS_VIZ_MIN_CONF_CHAR 90.0f
/* Readings (page/viz.h: the first one and its re-reads, each at 50 or
 * more) that, agreeing on a value and with none giving the MRZ's, weigh as
 * much as one confident reading. */
#define DS_VIZ_MIN_AGREE 3

/*
 * Sets the status of every field of viz (not_found for a field not read)
 * and raises one VIZ_MRZ_MISMATCH (high, source "viz", field = the field's
 * report name, expected = the MRZ value, found = the normalised VIZ value)
 * per clearly differing field, or a warning with the same fields for a
 * difference that is no evidence (above). m NULL: every read field is
 * unverifiable. flags NULL: statuses only. Returns the number of flags
 * raised, warnings included.
 */
int ds_viz_compare(ds_viz *viz, const ds_mrz *m, ds_flags *flags, int page);

#endif
