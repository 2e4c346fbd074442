/*
 * Deciding whether a recognised candidate region is an MRZ (accept.h).
 *
 * Four tests, all of which a real MRZ passes even when scanned badly, and
 * each of which ordinary text fails by its nature:
 * - glyphs: OCR-B characters are what the recogniser was trained on, so on
 *   an MRZ most of them are read with a probability of at least
 *   DS_MRZ_DOUBT_P and the geometric mean is high; letters of other fonts
 *   are read as the nearest OCR-B shape with little confidence;
 * - pitch: an MRZ is printed at one fixed pitch; the ink of proportional
 *   text does not fall on a grid of 30, 36 or 44 cells;
 * - grammar: the lines have the exact lengths of a format (the parse
 *   succeeded) and few characters as read break the field grammar (letters
 *   in dates and check digits, digits in names and codes). A character the
 *   recogniser doubted (p < DS_MRZ_DOUBT_P) whose second guess fits the
 *   field is no break: it is a confusion the recogniser admits (B/8, D/0,
 *   I/1, O/0 at low resolution or in another OCR-B), so the band still has
 *   an MRZ's layout. Text has no such second guesses to fall back on: its
 *   characters are the nearest OCR-B shapes of other glyphs, and on table
 *   rows the breaks are confident digits in name or code positions. This
 *   only decides that the band is an MRZ; the reading itself is still the
 *   best guesses, which the parser's repairs and the check digits judge as
 *   for any MRZ (a doubted break stays doubted, never made valid here);
 * - fillers: the name field of every format ends in or separates its names
 *   with '<' (only a name that fills its field exactly has none, and then
 *   the other fields have some); table rows of digits and capitals have
 *   none.
 * It must never look at check digits or dates: a forged MRZ is still an MRZ,
 * and its failing checks are the check stage's evidence.
 */
#include "mrz/accept.h"

#include <math.h>
#include <string.h>

/* Whether ch, which breaks the grammar at line l, position k as read, was
 * doubted and has a second guess that fits there (file header, "grammar"). */
static bool admitted_confusion(ds_mrz_type type, int l, int k, const ds_mrz_char *ch)
{
    return ch->p < DS_MRZ_DOUBT_P && ch->alt && ds_mrz_fits(type, l, k, ch->alt, NULL);
}

ds_error ds_mrz_accept(const ds_mrz_char *const *lines, const int *lens, int nlines,
                       const ds_mrz *parsed, float pitch_err, ds_mrz_acceptance *out)
{
    ds_error err = DS_OK;
    if (!lines || !lens || !out || nlines < 1 || nlines > DS_MRZ_MAX_LINES)
        return DS_ERR_USAGE;
    memset(out, 0, sizeof *out);
    int n = 0, sure = 0, breaks = 0;
    double sum_log = 0;
    for (int l = 0; l < nlines; l++) {
        int len = lens[l] < 0 ? 0 : lens[l] > DS_MRZ_MAX_LINE ? DS_MRZ_MAX_LINE : lens[l];
        for (int k = 0; k < len; k++) {
            const ds_mrz_char *ch = &lines[l][k];
            if (ch->cut)
                continue; /* beyond the image's edge: nothing was read */
            float p = ch->p > 1e-6f ? ch->p : 1e-6f;
            sum_log += log(p);
            sure += ch->p >= DS_MRZ_DOUBT_P;
            n++;
            out->fillers += ch->c == '<';
            if (!parsed)
                continue;
            bool in_name = false;
            if (!ds_mrz_fits(parsed->type, l, k, ch->c, &in_name) &&
                !admitted_confusion(parsed->type, l, k, ch))
                breaks++;
            if (in_name && ch->c == '<')
                out->name_fillers++;
        }
    }
    if (n == 0) {
        out->reason = "nothing read";
        goto out;
    }
    out->sure_share = (float)sure / (float)n;
    out->mean_p = (float)exp(sum_log / n);
    out->pitch_err = pitch_err;
    out->break_share = parsed ? (float)breaks / (float)n : 1.0f;
    out->glyphs_ok = out->sure_share >= DS_MRZ_ACCEPT_SURE_SHARE &&
                     out->mean_p >= DS_MRZ_ACCEPT_MEAN_P;
    out->pitch_ok = pitch_err < 0 || pitch_err <= DS_MRZ_ACCEPT_PITCH_ERR;
    out->grammar_ok = parsed && out->break_share <= DS_MRZ_ACCEPT_BREAK_SHARE;
    out->fillers_ok = out->name_fillers >= DS_MRZ_ACCEPT_NAME_FILLERS ||
                      out->fillers >= DS_MRZ_ACCEPT_FILLERS;
    out->mrz_like = out->grammar_ok && out->pitch_ok;
    if (!out->grammar_ok)
        out->reason = parsed ? "characters break the field grammar" : "no MRZ format fits the lines";
    else if (!out->pitch_ok)
        out->reason = "the characters are not on one fixed pitch";
    else if (!out->glyphs_ok)
        out->reason = "the glyphs are not OCR-B read with confidence";
    else if (!out->fillers_ok)
        out->reason = "no filler where an MRZ has them";
    else
        out->reason = "";
    out->accepted = out->reason[0] == 0;
out:
    return err;
}
