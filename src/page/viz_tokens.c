/*
 * viz_tokens.c: the page's dates and numbers (viz_tokens.h). Guidance from
 * the MRZ only moves re-reading effort: this file never changes a token's
 * text or key to what the MRZ says, and never keeps more tokens than the
 * lists hold.
 */
#include "page/viz_tokens.h"
#include "page/viz_crop.h"
#include "page/viz_reread.h"
#include "page/viz_strip.h"
#include "page/viz_tess.h"
#include "page/viz_value.h"
#include "base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every date printed on the page, labelled or not: each run of one to four
 * words of a segment that parses as a date, at its most confident. */
void ds_viz_tokens_dates(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->ns; i++) {
        const ds_viz_seg *s = &pg->s[i];
        /* Every run that parses: a label's or a neighbour's words read
         * into the segment lower the confidence of the longer runs. */
        for (int len = s->n < 4 ? s->n : 4; len >= 1; len--)
            for (int a = 0; a + len <= s->n; a++) {
                /* Not the end of a day read in two ("2" "8.11.2026"). */
                const char *prev = a > 0 ? pg->w[s->first + a - 1].text : "";
                const char *first = pg->w[s->first + a].text;
                if (isdigit((unsigned char)prev[0]) && !prev[1] &&
                    isdigit((unsigned char)first[0]) && !isdigit((unsigned char)first[1]))
                    continue;
                ds_viz_field g;
                memset(&g, 0, sizeof g);
                int lab[4] = {0, 0, 0, 0};
                ds_viz_value_set(&g, &pg->w[s->first + a], len, 0, lab, inv, ox, oy);
                char iso[11];
                if (g.found && ds_viz_parse_date(g.value, iso))
                    ds_viz_token_keep(out->dates, &out->ndates, DS_VIZ_MAX_DATES, iso, g.value,
                               g.confidence, g.bbox, true);
            }
    }
    ds_viz_tokens_wrapped_dates(pg, out, inv, ox, oy);
}

/* Whether text is a year of four digits and nothing else. */
static bool lone_year(const char *t)
{
    if (strlen(t) != 4)
        return false;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)t[i]))
            return false;
    int y = atoi(t);
    return y >= 1900 && y <= 2099;
}

void ds_viz_tokens_wrapped_dates(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->ns; i++) {
        const ds_viz_seg *a = &pg->s[i];
        char iso[11];
        if (a->field >= 0 || a->n < 1 || a->n > 3 || ds_viz_parse_date_any(a->text, iso))
            continue;
        for (int j = 0; j < pg->ns; j++) {
            const ds_viz_seg *b = &pg->s[j];
            int h = a->h > b->h ? a->h : b->h;
            if (j == i || b->n != 1 || b->field >= 0 || !lone_year(pg->w[b->first].text))
                continue;
            /* The next line, its left edge under the day's. */
            int dy = b->y0 - a->y1;
            if (dy < -h / 3 || dy > h || abs(b->x0 - a->x0) > h || b->y0 <= a->y0)
                continue;
            ds_viz_word ws[4];
            memcpy(ws, &pg->w[a->first], (size_t)a->n * sizeof ws[0]);
            ws[a->n] = pg->w[b->first];
            ds_viz_field g;
            memset(&g, 0, sizeof g);
            int lab[4] = {0, 0, 0, 0};
            ds_viz_value_set(&g, ws, a->n + 1, 0, lab, inv, ox, oy);
            if (g.found && ds_viz_parse_date(g.value, iso))
                ds_viz_token_keep(out->dates, &out->ndates, DS_VIZ_MAX_DATES, iso, g.value,
                                  g.confidence, g.bbox, true);
        }
    }
}

/* Of the runs of one to four of the words that parse as a date, the most
 * confident (junk read beside a date lowers a longer run's), into g
 * (normalised); false when none parses. */
static bool date_in_words(const ds_viz_word *ws, int n, ds_viz_field *g)
{
    bool found = false;
    for (int a = 0; a < n; a++)
        for (int len = 1; len <= 4 && a + len <= n; len++) {
            ds_viz_field c;
            memset(&c, 0, sizeof c);
            int lab[4] = {0, 0, 0, 0};
            ds_viz_value_set(&c, &ws[a], len, 0, lab, 1.0f, 0, 0);
            ds_viz_value_normalise(&c, DS_VIZ_BIRTH_DATE);
            if (c.norm[0] && (!found || c.confidence > g->confidence)) {
                *g = c;
                found = true;
            }
        }
    return found;
}

/* Every pass over a crop, the dates they read voted on into votes
 * (DS_VIZ_PASSES of them); with give_up, two passes without a date end
 * it. Returns the number of different dates. */
static int vote_dates(TessBaseAPI *api, PIX *img, const ds_viz_crop *crop, bool give_up,
                      ds_viz_vote *votes, ds_viz *out)
{
    int nv = 0;
    ds_viz_word look[24];
    for (int pass = 0; pass < DS_VIZ_PASSES; pass++) {
        if (give_up && pass == 2 && nv == 0)
            break;
        int n = ds_viz_tess_crop(api, img, crop, pass, look, 24);
        out->rereads++;
        ds_viz_field g;
        if (date_in_words(look, n, &g))
            ds_viz_vote_count(votes, &nv, DS_VIZ_PASSES, &g);
    }
    return nv;
}

/* A comb's eight digits read with the gaps between its groups lost
 * ("2205 2028"): the words' digits, eight and nothing else, as a day, a
 * month and a year (DD.MM.YYYY, a comb's order), into g. */
static bool comb_date(const ds_viz_word *ws, int n, ds_viz_field *g)
{
    if (n <= 0)
        return false;
    ds_viz_word one = ws[0];
    char d[9];
    int nd = 0;
    for (int i = 0; i < n; i++) {
        for (const char *q = ws[i].text; *q; q++) {
            if (!isdigit((unsigned char)*q) || nd >= 8)
                return false;
            d[nd++] = *q;
        }
        one.x1 = ws[i].x1 > one.x1 ? ws[i].x1 : one.x1;
        one.y0 = ws[i].y0 < one.y0 ? ws[i].y0 : one.y0;
        one.y1 = ws[i].y1 > one.y1 ? ws[i].y1 : one.y1;
        one.conf = ws[i].conf < one.conf ? ws[i].conf : one.conf;
        one.cmin = ws[i].cmin < one.cmin ? ws[i].cmin : one.cmin;
    }
    if (nd != 8)
        return false;
    snprintf(one.text, sizeof one.text, "%.2s.%.2s.%.4s", d, d + 2, d + 4);
    return date_in_words(&one, 1, g);
}

/* A date printed in a comb of boxes ("24|02|1968", read "(2/4] {ol2|"):
 * the crop with a third of its height above and below (a box's sides
 * stand out of its digits), three heights more on the left (the first
 * boxes are often read as a word of their own) and one on the right, is read cleaned of rules and box sides
 * (viz_strip.h), enlarged twice and three times; the dates the readings
 * give voted on into votes. Returns the number of different dates. */
static int vote_dates_boxed(TessBaseAPI *api, PIX *img, const ds_viz_crop *crop,
                            ds_viz_vote *votes, ds_viz *out)
{
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img), th = crop->box[3];
    int pad = 0;
    int y0 = crop->box[1] - pad > 0 ? crop->box[1] - pad : 0;
    int y1 = crop->box[1] + th + pad < ih ? crop->box[1] + th + pad : ih;
    int x0 = crop->box[0] - 3 * th > 0 ? crop->box[0] - 3 * th : 0;
    int x1 = crop->box[0] + crop->box[2] + th < iw ? crop->box[0] + crop->box[2] + th : iw;
    int eb[4] = {x0, y0, x1 - x0, y1 - y0};
    PIX *c = ds_viz_strip_clean(img, eb);
    if (!c)
        return 0;
    int nv = 0, cb[4] = {0, 0, eb[2], eb[3]};
    static const float scales[] = {2.0f, 3.0f};
    ds_viz_word look[24];
    for (size_t p = 0; p < sizeof scales / sizeof scales[0]; p++) {
        int n = ds_viz_tess_scaled(api, c, cb, scales[p], 2, look, 24);
        out->rereads++;
        ds_viz_field g;
        if (date_in_words(look, n, &g) || comb_date(look, n, &g))
            ds_viz_vote_count(votes, &nv, DS_VIZ_PASSES, &g);
    }
    pixDestroy(&c);
    return nv;
}

/* Whether a word holds a box's side read as a mark between its digits. */
static bool boxed_marks(const char *t)
{
    for (const char *q = t; *q; q++)
        if (*q == '|' || *q == '[' || *q == ']' || *q == '{' || *q == '}' || *q == '(' || *q == ')')
            return true;
    return false;
}

/* The page's dates include the MRZ's birth and expiry dates, each read
 * clearly: no other date of the page can change a comparison, and the
 * search for broken dates (their re-reads cost most of a page's OCR time)
 * is skipped. Guidance moves effort only. */
bool ds_viz_tokens_mrz_read(const ds_viz *v, const ds_mrz *expect)
{
    const char *want[2] = {ds_viz_expected(expect, DS_VIZ_BIRTH_DATE),
                           ds_viz_expected(expect, DS_VIZ_EXPIRY_DATE)};
    for (int k = 0; k < 2; k++) {
        bool seen = false;
        for (int i = 0; want[k] && i < v->ndates && !seen; i++)
            seen = v->dates[i].confidence >= DS_VIZ_REREAD_CONF &&
                   ds_viz_reads_as_expected(v->dates[i].key, want[k], DS_VIZ_BIRTH_DATE);
        if (!seen)
            return false;
    }
    return true;
}

/* A word that looks like part of a date but belongs to no date the sparse
 * pass read ("08/10/195": a digit lost at a small print's edge; "29" of
 * "29 OCT 1941" read into one segment with its label above) is read again
 * on its own line (ink_crop), like a field's value; a date that two or
 * more of those readings give joins the page's dates. */
void ds_viz_tokens_reread_broken(TessBaseAPI *api, PIX *img, const ds_viz_page *pg, ds_viz *out,
                                 float inv, int ox, int oy)
{
    int tried[16][4], ntried = 0;
    for (int i = 0; i < pg->nw && ntried < 16; i++) {
        const ds_viz_word *w = &pg->w[i];
        int digits = 0, seps = 0, other = 0;
        for (const char *q = w->text; *q; q++) {
            if (isdigit((unsigned char)*q))
                digits++;
            else if (*q == '/' || *q == '.' || *q == '-')
                seps++;
            else
                other++;
        }
        int val = atoi(w->text);
        bool numeric_date = digits >= 5 && digits <= 8 && seps >= 1;
        bool day = digits >= 1 && digits <= 2 && !seps && other <= 1 && val >= 1 && val <= 31;
        bool year = digits == 4 && !seps && other <= 1 && val >= 1900 && val <= 2099;
        if (!numeric_date && !day && !year)
            continue;
        int cb[4];
        ds_viz_caller_box(w->x0, w->y0, w->x1, w->y1, inv, ox, oy, cb);
        bool known = false;
        for (int k = 0; k < out->ndates && !known; k++)
            known = ds_viz_boxes_meet(out->dates[k].bbox, cb);
        if (known)
            continue;
        int sb[4] = {w->x0, w->y0, w->x1 - w->x0, w->y1 - w->y0};
        ds_viz_crop crop = ds_viz_crop_prepare(img, sb);
        if (!crop.inked)
            continue;
        const int *ink = crop.box;
        for (int k = 0; k < ntried && !known; k++)
            known = ds_viz_boxes_meet(tried[k], ink);
        if (known)
            continue;
        memcpy(tried[ntried++], ink, sizeof tried[0]);
        ds_viz_vote votes[DS_VIZ_PASSES];
        int nv = vote_dates(api, img, &crop, true, votes, out);
        int b = -1;
        for (int k = 0; k < nv; k++)
            if (votes[k].n >= 2 && (b < 0 || votes[k].n > votes[b].n))
                b = k;
        if (b < 0 && boxed_marks(w->text)) {
            nv = vote_dates_boxed(api, img, &crop, votes, out);
            for (int k = 0; k < nv; k++)
                if (votes[k].n >= 2 && (b < 0 || votes[k].n > votes[b].n))
                    b = k;
        }
        if (b < 0)
            continue;
        /* The date's box: the ink line it was read from. */
        ds_viz_caller_box(ink[0], ink[1], ink[0] + ink[2], ink[1] + ink[3], inv, ox, oy, cb);
        ds_viz_token_keep(out->dates, &out->ndates, DS_VIZ_MAX_DATES, votes[b].norm, votes[b].value,
                   votes[b].conf, cb, true);
    }
    /* A date read under the comparison's bar is read again the same way:
     * two or more readings that give it raise it to the most confident. */
    for (int i = 0; i < out->ndates; i++) {
        ds_viz_token *t = &out->dates[i];
        if (t->confidence >= DS_VIZ_REREAD_CONF)
            continue;
        int sb[4];
        ds_viz_region_box(t->bbox, inv, ox, oy, sb);
        if (sb[2] <= 0 || sb[3] <= 0)
            continue;
        ds_viz_crop crop = ds_viz_crop_prepare(img, sb);
        ds_viz_vote votes[DS_VIZ_PASSES];
        int nv = vote_dates(api, img, &crop, false, votes, out);
        for (int k = 0; k < nv; k++)
            if (votes[k].n >= 2 && strcmp(votes[k].norm, t->key) == 0 &&
                votes[k].conf > t->confidence) {
                t->confidence = votes[k].conf;
                out->reread_raised += t->confidence >= DS_VIZ_REREAD_CONF;
            }
    }
}
/* A date one digit off mrz (the century aside), a digit the printer's
 * font makes confusable. */
static bool one_confusable_digit(const char *iso, const char *mrz)
{
    int diff = 0, pos = -1;
    for (int i = 2; i < 10; i++)
        if (iso[i] != mrz[i]) {
            diff++;
            pos = i;
        }
    return diff == 1 && ds_digits_confusable(iso[pos], mrz[pos]);
}

/* A clear date of the page one confusable digit off the MRZ's birth or
 * expiry date is re-read like a field against it (ds_viz_reread_value): the
 * check stage may place it by order, and only repeated readings can tell
 * a changed digit from a misread one. Guidance moves effort, never a
 * value: the token keeps its text and key. */
void ds_viz_tokens_reread_dates(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox, int oy,
                                const ds_mrz *expect)
{
    for (int i = 0; expect && i < out->ndates; i++) {
        ds_viz_token *t = &out->dates[i];
        if (t->confidence < DS_VIZ_REREAD_CONF || strlen(t->key) != 10)
            continue;
        int id = -1;
        const char *mrz = NULL;
        if ((mrz = ds_viz_expected(expect, DS_VIZ_BIRTH_DATE)) && one_confusable_digit(t->key, mrz))
            id = DS_VIZ_BIRTH_DATE;
        else if ((mrz = ds_viz_expected(expect, DS_VIZ_EXPIRY_DATE)) &&
                 one_confusable_digit(t->key, mrz))
            id = DS_VIZ_EXPIRY_DATE;
        if (id < 0)
            continue;
        ds_viz_field f;
        ds_viz_reread_text(api, img, id, t->value, t->key, t->confidence, t->bbox, inv, ox, oy,
                           mrz, out,
                    &f);
        t->reads = f.reads;
        t->same = f.same;
        t->agree = f.agree;
        t->sure = f.sure;
        t->against = f.against;
        t->keep = f.keep;
    }
}

/* Every number-like word of the page (ds_viz_token). */
void ds_viz_tokens_numbers(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->nw; i++) {
        const ds_viz_word *w = &pg->w[i];
        char t[24];
        size_t n = 0;
        int digits = 0;
        bool other = false;
        for (const char *q = w->text; *q; q++) {
            unsigned char c = (unsigned char)*q;
            if (isalnum(c) && c < 0x80) {
                if (n + 1 >= sizeof t) {
                    other = true;
                    break;
                }
                t[n++] = (char)toupper(c);
                digits += isdigit(c) != 0;
            } else if (c >= 0x80 || !strchr("<.,:;-'\"()[]|", c)) {
                other = true;
            }
        }
        t[n] = 0;
        char iso[11];
        if (other || n < 6 || digits < 3 || ds_viz_parse_date_any(w->text, iso))
            continue;
        int b[4];
        ds_viz_caller_box(w->x0, w->y0, w->x1, w->y1, inv, ox, oy, b);
        ds_viz_token_keep(out->numbers, &out->nnumbers, DS_VIZ_MAX_NUMBERS, t, w->text, w->conf, b,
                          false);
    }
}
