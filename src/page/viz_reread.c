/*
 * viz_reread.c: re-reads and their votes (viz_reread.h).
 *
 * A value read below the comparison's confidence bar (80, vizcheck.h) is
 * read again alone: its box with a margin, upscaled, as one line (PSM 7), in
 * grey and binarised (Otsu), at three scales. Only a re-read that agrees with
 * the first one (the same normalised value: the same date, possibly in
 * another printed format, the same name or number) raises the confidence,
 * to that of the re-read: two readings of different images agreeing is the
 * evidence. Re-reads that agree with each other and outnumber the first
 * reading replace it (the vote below); when the first reading was something
 * else (first_off: more than a third of its characters away),
 * check/vizcheck.c takes the field as unverifiable, so re-reads of the
 * ink around a box can never make a mismatch out of OCR noise.
 *
 * With the MRZ at hand (ds_viz_read's expect), the effort goes where a
 * decision hangs on it: a date or number that reads as the MRZ says is not
 * read again (nothing to confirm), and one that differs is read by every
 * pass, even when the first reading was confident, counting the readings
 * that agree with it (agree) and those that give the MRZ's value instead
 * (against); check/vizcheck.c weighs them. This file never decides a
 * comparison and never lets the MRZ change a value.
 */
#include "page/viz_reread.h"
#include "page/viz_crop.h"
#include "page/viz_tess.h"
#include "base/text.h"
#include "page/viz_value.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define REREAD_CONSENSUS_MIN 50.0f
/* A first reading this poor is replaced by a re-read this sure of another
 * value (a label's edge read into the value line, say). */
#define REREAD_POOR 50.0f
#define REREAD_SURE 85.0f

/* The MRZ's value of field id that a reading can be held against, or NULL:
 * complete dates and the document number (not a visa's "Passport No.",
 * which names the holder's passport). */
const char *ds_viz_expected(const ds_mrz *m, int id)
{
    if (!m)
        return NULL;
    bool visa = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    const char *v = NULL;
    if (id == DS_VIZ_BIRTH_DATE)
        v = m->birth_date;
    else if (id == DS_VIZ_EXPIRY_DATE)
        v = m->expiry_date;
    else if (id == DS_VIZ_DOCUMENT_NUMBER || (id == DS_VIZ_PASSPORT_NUMBER && !visa))
        v = m->document_number;
    if (!v || !v[0])
        return NULL;
    if (ds_viz_is_date_field(id))
        for (int i = 0; i < 10; i++)
            if (i == 4 || i == 7 ? v[i] != '-' : !isdigit((unsigned char)v[i]))
                return NULL; /* '<' for an unknown part: nothing to hold against */
    return v;
}

/* A normalised reading says what the MRZ says: the same date (the MRZ has
 * no century), the same number or its printed short form (TD1). */
bool ds_viz_reads_as_expected(const char *norm, const char *exp, int id)
{
    if (ds_viz_is_date_field(id))
        return (strlen(norm) == 10 && strcmp(norm + 2, exp + 2) == 0) ||
               (strlen(norm) == 8 && strcmp(norm, exp + 2) == 0);
    size_t n = strlen(norm);
    return strcmp(norm, exp) == 0 || (n >= 9 && n < strlen(exp) && strncmp(norm, exp, n) == 0);
}

/* A date's norm as YYYY-MM-DD into out[11]: a two-digit year's YY-MM-DD
 * (ds_viz_parse_date_short) takes the century of the MRZ's date exp, which
 * holds none either. False for anything else. */
static bool date_digits(const char *norm, const char *exp, char out[11])
{
    size_t n = strlen(norm);
    if (n == 10) {
        memcpy(out, norm, 11);
        return true;
    }
    if (n != 8)
        return false;
    memcpy(out, exp, 2);
    memcpy(out + 2, norm, 9);
    return true;
}

/* A number reading within OCR noise of the MRZ's (ds_number_near). */
static bool near_expected(const char *norm, const char *exp, int id)
{
    return !ds_viz_is_date_field(id) && ds_number_near(norm, exp);
}

void ds_viz_vote_count(ds_viz_vote *v, int *nv, int cap, const ds_viz_field *g)
{
    int k = 0;
    while (k < *nv && strcmp(v[k].norm, g->norm) != 0)
        k++;
    if (k == *nv) {
        if (*nv >= cap)
            return;
        memset(&v[k], 0, sizeof v[k]);
        ds_text_copy_utf8(v[k].value, sizeof v[k].value, g->value);
        snprintf(v[k].norm, sizeof v[k].norm, "%s", g->norm);
        v[k].conf = -1.0f;
        (*nv)++;
    }
    v[k].n++;
    v[k].agree += g->confidence >= REREAD_CONSENSUS_MIN;
    v[k].sure += g->char_conf >= DS_VIZ_SURE_CHAR;
    if (g->confidence > v[k].conf) {
        v[k].conf = g->confidence;
        v[k].char_conf = g->char_conf;
        ds_text_copy_utf8(v[k].value, sizeof v[k].value, g->value);
    }
}

void ds_viz_reread_value(TessBaseAPI *api, PIX *img, ds_viz_field *f, int id, float inv, int ox,
                         int oy, const char *expect, ds_viz *out)
{
    if (!f->found || !f->norm[0])
        return;
    f->reads = 1;
    f->same = 1;
    f->agree = f->confidence >= REREAD_CONSENSUS_MIN;
    f->sure = f->char_conf >= DS_VIZ_SURE_CHAR;
    f->against = 0;
    f->keep = 0;
    f->first_off = 0;
    f->near = expect && near_expected(f->norm, expect, id);
    bool differs = expect && !ds_viz_reads_as_expected(f->norm, expect, id);
    if (expect && !differs)
        return; /* the MRZ's value: nothing hangs on confirming it */
    if (!differs && f->confidence >= DS_VIZ_REREAD_CONF)
        return;
    int sb[4];
    ds_viz_region_box(f->bbox, inv, ox, oy, sb);
    if (sb[2] <= 0 || sb[3] <= 0)
        return;
    ds_viz_crop crop = ds_viz_crop_prepare(img, sb);
    ds_viz_word look[24];
    /* The values read, the first reading's first. */
    ds_viz_vote votes[DS_VIZ_PASSES + 1];
    int nv = 0;
    ds_viz_vote_count(votes, &nv, DS_VIZ_PASSES + 1, f);
    for (int pass = 0; pass < DS_VIZ_PASSES; pass++) {
        /* Two re-reads that gave the MRZ's value: the first reading was
         * wrong. Two that both disagree with a value no decision hangs on:
         * nothing to confirm. Either way, stop paying for OCR. (A value
         * that differs from the MRZ is otherwise read by every pass: on
         * these small crops that costs no measurable time.) */
        if (pass == 2 && ((!differs && votes[0].n == 1) || f->against >= 2))
            break;
        int n = ds_viz_tess_crop(api, img, &crop, pass, look, 24);
        out->rereads++;
        /* Junk from the margin (guilloche, a neighbour's edge) at either end. */
        int a = 0;
        while (n - a > 1 && look[a].conf < 50.0f)
            a++;
        while (n - a > 1 && look[n - 1].conf < 50.0f)
            n--;
        if (n - a <= 0)
            continue;
        ds_viz_field g;
        memset(&g, 0, sizeof g);
        int lab[4] = {0, 0, 0, 0};
        ds_viz_value_set(&g, &look[a], n - a, 0, lab, 1.0f, 0, 0);
        if (!g.found)
            continue;
        ds_viz_value_normalise(&g, id);
        if (!g.norm[0])
            continue;
        f->reads++;
        if (expect && near_expected(g.norm, expect, id))
            f->near++;
        if (expect && ds_viz_reads_as_expected(g.norm, expect, id)) {
            f->against++;
            continue;
        }
        ds_viz_vote_count(votes, &nv, DS_VIZ_PASSES + 1, &g);
        if (!differs && votes[0].conf >= DS_VIZ_REREAD_CONF)
            break;
    }
    /* The value most readings gave; on a tie the first reading's, unless
     * that was poor and another reading sure of its value. */
    int w = 0;
    for (int k = 1; k < nv; k++)
        if (votes[k].n > votes[w].n ||
            (votes[k].n == votes[w].n && w == 0 && votes[0].conf < REREAD_POOR &&
             votes[k].conf >= REREAD_SURE))
            w = k;
    const ds_viz_vote *v = &votes[w];
    float best = v->conf;
    if (w != 0) {
        f->first_off = ds_levenshtein(f->norm, v->norm);
        ds_text_copy_utf8(f->value, sizeof f->value, v->value);
        snprintf(f->norm, sizeof f->norm, "%s", v->norm);
        f->char_conf = v->char_conf;
        /* A value no other reading repeated stays below the bar. */
        if (v->n == 1 && best >= DS_VIZ_REREAD_CONF)
            best = DS_VIZ_REREAD_CONF - 1.0f;
    }
    f->same = v->n;
    f->agree = v->agree;
    f->sure = v->sure;
    /* A date off the MRZ's: the readings that keep its differing digits
     * (a binarised pass may misread another digit of the same date). */
    f->keep = 0;
    if (differs && ds_viz_is_date_field(id) && strlen(expect) == 10) {
        char mine[11];
        bool whole = date_digits(v->norm, expect, mine);
        for (int k = 0; k < nv && whole; k++) {
            char other[11];
            bool kept = date_digits(votes[k].norm, expect, other);
            for (int c = 2; c < 10 && kept; c++)
                if (mine[c] != expect[c] && other[c] != mine[c])
                    kept = false;
            f->keep += kept ? votes[k].n : 0;
        }
    }
    /* A date read the same by the first pass and by every re-read, each at
     * REREAD_CONSENSUS_MIN or more: five readings of four different images
     * agreeing on a valid date is as clear as one confident read. */
    if (ds_viz_is_date_field(id) && f->agree >= DS_VIZ_PASSES + 1 && best < DS_VIZ_REREAD_CONF)
        best = DS_VIZ_REREAD_CONF;
    if (best >= DS_VIZ_REREAD_CONF && f->confidence < DS_VIZ_REREAD_CONF)
        out->reread_raised++;
    f->confidence = best;
}

/* Re-reads text found outside a labelled field (a token, a line) as field
 * id would be (ds_viz_reread_value), into *f. */
void ds_viz_reread_text(TessBaseAPI *api, PIX *img, int id, const char *value, const char *norm,
                        float conf, const int bbox[4], float inv, int ox, int oy,
                        const char *expect, ds_viz *out, ds_viz_field *f)
{
    memset(f, 0, sizeof *f);
    f->found = true;
    ds_text_copy_utf8(f->value, sizeof f->value, value);
    snprintf(f->norm, sizeof f->norm, "%s", norm);
    f->confidence = conf;
    memcpy(f->bbox, bbox, sizeof f->bbox);
    ds_viz_reread_value(api, img, f, id, inv, ox, oy, expect, out);
}
