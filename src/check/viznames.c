/*
 * viznames.c: one form of a printed name against the MRZ's (viznames.h).
 * Pure functions; no allocation, no I/O.
 */
#include "check/viznames.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "check/names.h"
#include "check/vizident.h"
#include "base/text.h"

/* The MRZ spellings of letters `eng` cannot read (AE for Æ or Ä, OE for Ø
 * or Ö, UE for Ü, AA for Å): each is one printed glyph that OCR gives as
 * anything, so each widens the noise a name comparison allows by one. */
static int digraphs(const char *mrz_letters)
{
    int n = 0;
    for (size_t i = 1; mrz_letters[i]; i++)
        if ((mrz_letters[i] == 'E' && strchr("AOU", mrz_letters[i - 1])) ||
            (mrz_letters[i] == 'A' && mrz_letters[i - 1] == 'A')) {
            n++;
            i++;
            if (!mrz_letters[i])
                break;
        }
    return n;
}

ds_viz_status ds_viz_judge_name(const ds_viz_field *f, bool clear, int id, const ds_mrz *m,
                                const char *norm, int *as_out, char *val_out, bool *misread)
{
    *misread = false;
    const char *mrz = id == DS_VIZ_SURNAME ? m->surname : m->given_names;
    ds_name_match nm;
    ds_name_result res;
    const char *comma = strchr(norm, ',');
    if (id == DS_VIZ_SURNAME && comma) {
        /* "Surname, Given names" printed on one line (visas). */
        char sur[DS_VIZ_VALUE_MAX];
        snprintf(sur, sizeof sur, "%.*s", (int)(comma - norm), norm);
        res = ds_names_match(m->surname, m->given_names, m->name_truncated, sur, comma + 1, &nm);
        return res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE ? DS_VIZ_MATCH
                                                                      : DS_VIZ_UNVERIFIABLE;
    }
    /* "SURNAME GIVEN NAMES" under a visa's "Name": the MRZ's given names
     * read at the end are set apart and the surname compared alone. */
    char val[DS_VIZ_VALUE_MAX];
    snprintf(val, sizeof val, "%s", norm);
    if (id == DS_VIZ_SURNAME && m->given_names[0]) {
        for (char *sp = strchr(val, ' '); sp; sp = strchr(sp + 1, ' ')) {
            ds_name_match gm;
            ds_name_result gr = ds_names_match(NULL, m->given_names, m->name_truncated, NULL,
                                               sp + 1, &gm);
            if (gr == DS_NAME_MATCH || gr == DS_NAME_MATCH_WITH_NOTE) {
                *sp = 0;
                break;
            }
        }
    }
    int as = id; /* the MRZ name field the value is compared with */
    if (id == DS_VIZ_SURNAME)
        res = ds_names_match(mrz, NULL, m->name_truncated, val, NULL, &nm);
    else
        res = ds_names_match(NULL, mrz, m->name_truncated, NULL, val, &nm);
    /* The mirror: "SURNAME GIVEN NAMES" under a "Given names" label. When
     * the value is more than the MRZ's given names and its end is them,
     * what stands before (four letters or more, in capitals as values are
     * printed: a label's words are not) is compared as the surname: an MRZ
     * never drops a leading given name. */
    bool lower = false;
    for (const char *q = f->value; *q; q++)
        lower = lower || islower((unsigned char)*q);
    if (id == DS_VIZ_GIVEN_NAMES && !lower && m->surname[0] &&
        (res == DS_NAME_MISMATCH ||
         (res == DS_NAME_MATCH_WITH_NOTE && (nm.notes & DS_NAME_NOTE_MISSING_IN_DOC)))) {
        for (char *sp = strchr(val, ' '); sp; sp = strchr(sp + 1, ' ')) {
            ds_name_match gm;
            ds_name_result gr = ds_names_match(NULL, m->given_names, m->name_truncated, NULL,
                                               sp + 1, &gm);
            /* The end holds every given name of the MRZ. */
            if (!(gr == DS_NAME_MATCH || gr == DS_NAME_MATCH_WITH_NOTE) ||
                (gm.notes & DS_NAME_NOTE_EXTRA_IN_DOC))
                continue;
            char lead[DS_VIZ_VALUE_MAX], ll[128];
            snprintf(lead, sizeof lead, "%.*s", (int)(sp - val), val);
            ds_text_name_key(lead, ll, sizeof ll);
            if (strlen(ll) >= 4) {
                *sp = 0;
                as = DS_VIZ_SURNAME;
                mrz = m->surname;
                res = ds_names_match(mrz, NULL, m->name_truncated, val, NULL, &nm);
            }
            break;
        }
    }
    if (res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE)
        return DS_VIZ_MATCH;
    if (res != DS_NAME_MISMATCH || !clear)
        return DS_VIZ_UNVERIFIABLE;
    /* One or two letters apart is within OCR noise of a printed name, and a
     * truncated MRZ that is a prefix of the printed name is no evidence. */
    char a[128], b[128], bu[128];
    ds_text_name_key(val, a, sizeof a);
    ds_text_name_key(mrz, b, sizeof b);
    ds_drop_umlaut_e(b, bu, sizeof bu);
    int dist = ds_levenshtein(a, b), dist_u = ds_levenshtein(a, bu);
    dist = dist_u < dist ? dist_u : dist;
    /* A shorter value one letter off the start of the MRZ name (BALOC for
     * BALOGUN): the end was lost to the box, the rest misread. */
    size_t la = strlen(a);
    char start[128];
    snprintf(start, sizeof start, "%.*s", (int)la, b);
    bool cut = la >= 3 && la < strlen(b) && ds_levenshtein(a, start) <= 1;
    if (dist <= 2 + digraphs(b) || (m->name_truncated && strncmp(a, b, strlen(b)) == 0) || la < 3 ||
        ds_text_subsequence(a, b) || cut)
        return DS_VIZ_UNVERIFIABLE;
    /* The other name field of the MRZ: the value was taken from the wrong
     * label, which is a reading error, not evidence. */
    const char *other = as == DS_VIZ_SURNAME ? m->given_names : m->surname;
    ds_name_match om;
    ds_name_result ores = as == DS_VIZ_SURNAME
                              ? ds_names_match(NULL, other, m->name_truncated, NULL, val, &om)
                              : ds_names_match(other, NULL, m->name_truncated, val, NULL, &om);
    char c[128];
    ds_text_name_key(other, c, sizeof c);
    /* The start of the other name within reading noise (KIPSTEN for the
     * first of KIRSTEN MARIE's names, a long name cut by the box): the
     * next row's value. */
    /* An MRZ whose surname filled the name field (truncated, no given
     * names left): the page's given names, which may be the next row's
     * value read here, are unknown, so another name proves nothing. */
    if (m->name_truncated && !m->given_names[0])
        return DS_VIZ_UNVERIFIABLE;
    char cstart[128];
    snprintf(cstart, sizeof cstart, "%.*s", (int)la, c);
    bool other_start = la >= 4 && la < strlen(c) && ds_levenshtein(a, cstart) <= (la >= 12 ? 2 : 1);
    if (ores == DS_NAME_MATCH || ores == DS_NAME_MATCH_WITH_NOTE || ds_levenshtein(a, c) <= 2 ||
        (c[0] && strstr(a, c)) || (a[0] && strstr(c, a)) || other_start)
        return DS_VIZ_UNVERIFIABLE;
    *as_out = as;
    snprintf(val_out, DS_VIZ_VALUE_MAX, "%s", val);
    /* Each word printed is a word of the MRZ name, one or two of them a
     * letter off or two confusable letters off, and the rest of the MRZ's
     * words absent (a line of the name lost): more than the whole-name
     * noise above allows, but still only a misreading. */
    char words[DS_VIZ_VALUE_MAX];
    ds_text_fold(val, words, sizeof words);
    for (char *q = words; *q; q++)
        *q = (char)toupper((unsigned char)*q);
    *misread = ds_vizident_name_misread(words, mrz, m->name_truncated);
    return DS_VIZ_MISMATCH;
}
