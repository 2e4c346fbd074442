/*
 * Test helpers shared by the MRZ parser tests (test_mrz.c, test_mrzread.c):
 * recogniser output built from text lines, and a TD3 line 2 with correct
 * check digits. Header-only test code; never part of the library.
 */
#ifndef DS_TEST_MRZ_OCR_H
#define DS_TEST_MRZ_OCR_H

#include <stdio.h>
#include <string.h>

#include "mrz/mrz.h"

#ifndef TODAY
#define TODAY 2025
#endif

/* Recogniser output for text lines: best = the text at p 0.95, no second
 * choice; tests then add second choices where they need them. */
typedef struct ocr {
    ds_mrz_char ch[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    const ds_mrz_char *rows[DS_MRZ_MAX_LINES];
    int lens[DS_MRZ_MAX_LINES];
    int n;
} ocr;

static inline void ocr_init(ocr *o, const char *a, const char *b, const char *c)
{
    const char *src[3] = {a, b, c};
    memset(o, 0, sizeof *o);
    o->n = c ? 3 : 2;
    for (int l = 0; l < o->n; l++) {
        int n = (int)strlen(src[l]);
        if (n > DS_MRZ_MAX_LINE)
            n = DS_MRZ_MAX_LINE;
        for (int i = 0; i < n; i++)
            o->ch[l][i] = (ds_mrz_char){src[l][i], 0.95f, 0, 0.0f, 0, 0, 0.0f};
        o->rows[l] = o->ch[l];
        o->lens[l] = n;
    }
}

/* Every character of line l read surely (p 0.99, above any doubt): a check
 * failing over that line is then what the document carries, never a
 * misreading, unless a test adds doubt or a second choice back. */
static inline void ocr_sure_line(ocr *o, int l)
{
    for (int i = 0; i < o->lens[l]; i++)
        o->ch[l][i].p = 0.99f;
}

static inline ds_error ocr_parse(ocr *o, ds_mrz *m)
{
    return ds_mrz_parse_ocr(o->rows, o->lens, o->n, TODAY, m);
}

/* Builds a TD3/MRV-A line 2 with correct check digits (pn_cd overrides the
 * personal-number check digit when not 0). */
static inline void td3_line2(char out[45], const char *doc, const char *nat, const char *birth, char sex,
                      const char *exp, const char *pn, char pn_cd)
{
    char d[10], p[15];
    snprintf(d, sizeof d, "%-9s", doc);
    snprintf(p, sizeof p, "%-14s", pn);
    for (int i = 0; i < 9; i++)
        if (d[i] == ' ')
            d[i] = '<';
    for (int i = 0; i < 14; i++)
        if (p[i] == ' ')
            p[i] = '<';
    snprintf(out, 45, "%s%d%s%s%d%c%s%d%s%c", d, ds_mrz_check_digit(d, 9), nat, birth,
             ds_mrz_check_digit(birth, 6), sex, exp, ds_mrz_check_digit(exp, 6), p,
             pn_cd ? pn_cd : (char)('0' + ds_mrz_check_digit(p, 14)));
    char comp[40];
    memcpy(comp, out, 10);
    memcpy(comp + 10, out + 13, 7);
    memcpy(comp + 17, out + 21, 22);
    out[43] = (char)('0' + ds_mrz_check_digit(comp, 39));
    out[44] = '\0';
}

#define TD3_L1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define TD3_L2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

#endif
