/*
 * dlcheck.c: the comparison rules of dlcheck.h. Pure functions of a front
 * reading and the barcode's fields; no allocation, no I/O, no flags (the
 * caller raises them from the statuses).
 */
#include "base/text.h"
#include "check/dlcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barcode/barcode.h"
#include "check/names.h"

const char *ds_dlcheck_status_name(ds_dlcheck_status s)
{
    switch (s) {
    case DS_DLC_MATCH:
        return "match";
    case DS_DLC_MISMATCH:
        return "mismatch";
    case DS_DLC_UNVERIFIABLE:
        return "unverifiable";
    default:
        return "not_found";
    }
}

static bool empty(const char *s) { return !s || !s[0]; }


static bool iso_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* 0 the same date, 1 a difference OCR explains (one confusable digit),
 * 2 clearly another date. */
static int date_diff(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 0;
    int n = 0, pos = 0;
    for (int i = 0; i < 10; i++)
        if (a[i] != b[i])
            n++, pos = i;
    return n == 1 && ds_digits_confusable(a[pos], b[pos]) ? 1 : 2;
}

static ds_dlcheck_status compare_date(const ds_dlfront_field *f, const char *bc,
                                      const ds_dlcheck_barcode *all)
{
    if (!iso_date(f->norm) || !iso_date(bc))
        return DS_DLC_UNVERIFIABLE;
    if (strcmp(f->norm, bc) == 0 || (f->alt[0] && strcmp(f->alt, bc) == 0))
        return DS_DLC_MATCH;
    if (f->confidence < DS_DLCHECK_MIN_CONF)
        return DS_DLC_UNVERIFIABLE;
    if (date_diff(f->norm, bc) < 2 || (f->alt[0] && date_diff(f->alt, bc) < 2))
        return DS_DLC_UNVERIFIABLE;
    /* The date of another field: the label was taken for the wrong one. */
    const char *others[3] = {all->birth_date, all->expiry_date, all->issue_date};
    for (int i = 0; i < 3; i++)
        if (others[i] && others[i] != bc && iso_date(others[i]) &&
            (strcmp(f->norm, others[i]) == 0 || (f->alt[0] && strcmp(f->alt, others[i]) == 0)))
            return DS_DLC_UNVERIFIABLE;
    return DS_DLC_MISMATCH;
}

/* Every printed word is the barcode's word or its initial, in order. */
static bool initials_match(const char *printed, const char *bc)
{
    char p[128], b[128];
    snprintf(p, sizeof p, "%s", printed);
    snprintf(b, sizeof b, "%s", bc);
    char *sp = NULL, *sb = NULL;
    char *wp = strtok_r(p, " ", &sp), *wb = strtok_r(b, " ", &sb);
    int n = 0;
    while (wp && wb) {
        if (strcmp(wp, wb) != 0 && !(wp[1] == 0 && wp[0] == wb[0]))
            return false;
        n++;
        wp = strtok_r(NULL, " ", &sp);
        wb = strtok_r(NULL, " ", &sb);
    }
    return n > 0 && !wp;
}

/* A name read after a bare field number ("1 SAMPLE") is evidence only when
 * the other name field was read on the next or previous row, as cards print
 * 1 and 2: a lone "1" or "2" starting some other row is not a name label. */
static bool name_placed(const ds_dlfront *front, const ds_dlfront_field *f)
{
    if (!f->bare_number)
        return true;
    const ds_dlfront_field *o = f == &front->field[DS_DLF_SURNAME]
                                    ? &front->field[DS_DLF_GIVEN_NAMES]
                                    : &front->field[DS_DLF_SURNAME];
    if (!o->found)
        return false;
    int h = f->bbox[3] > o->bbox[3] ? f->bbox[3] : o->bbox[3];
    int dy = abs(f->bbox[1] - o->bbox[1]);
    return h > 0 && dy <= 3 * h;
}

static ds_dlcheck_status compare_name(const ds_dlfront *front, const ds_dlfront_field *f,
                                      const char *bc, bool surname)
{
    char pr[128], bf[128];
    ds_text_fold_icao(f->norm, true, pr, sizeof pr);
    ds_text_fold_icao(bc, true, bf, sizeof bf);
    if (!pr[0] || !bf[0])
        return DS_DLC_UNVERIFIABLE;
    if (strcmp(pr, bf) == 0 || initials_match(pr, bf))
        return DS_DLC_MATCH;
    /* names.h with the barcode as the document side and the printed name as
     * the person's: transliteration, middle names on one side only. */
    ds_name_match nm;
    ds_name_result res = surname ? ds_names_match(bf, "", false, f->norm, NULL, &nm)
                                 : ds_names_match("", bf, false, NULL, f->norm, &nm);
    if (res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE)
        return DS_DLC_MATCH;
    if (f->confidence < DS_DLCHECK_MIN_CONF || res != DS_NAME_MISMATCH || !name_placed(front, f))
        return DS_DLC_UNVERIFIABLE;
    char lp[128], lb[128];
    ds_text_letters(pr, lp, sizeof lp);
    ds_text_letters(bf, lb, sizeof lb);
    /* OCR noise: two letters or fewer apart, letters lost, one name cut short. */
    if (ds_levenshtein(lp, lb) <= 2 || ds_text_subsequence(lp, lb) ||
        (strlen(lp) >= 3 && strncmp(lp, lb, strlen(lp)) == 0) ||
        (strlen(lb) >= 3 && strncmp(lb, lp, strlen(lb)) == 0))
        return DS_DLC_UNVERIFIABLE;
    return DS_DLC_MISMATCH;
}

static ds_dlcheck_status compare_number(const ds_dlfront_field *f, const char *bc)
{
    char a[96], b[96];
    ds_fold_number(f->norm, a, sizeof a);
    ds_fold_number(bc, b, sizeof b);
    if (!a[0] || !b[0])
        return DS_DLC_UNVERIFIABLE;
    if (strcmp(a, b) == 0)
        return DS_DLC_MATCH;
    if (f->confidence < DS_DLCHECK_MIN_CONF || strlen(a) < 4 || ds_levenshtein(a, b) <= 1)
        return DS_DLC_UNVERIFIABLE;
    return DS_DLC_MISMATCH;
}

static ds_dlcheck_status compare_sex(const ds_dlfront_field *f, const char *bc)
{
    if (!f->norm[0] || empty(bc))
        return DS_DLC_UNVERIFIABLE;
    if (f->norm[0] == bc[0])
        return DS_DLC_MATCH;
    if (f->confidence < DS_DLCHECK_MIN_CONF_CHAR || f->value[1] != 0 ||
        !((f->norm[0] == 'M' && bc[0] == 'F') || (f->norm[0] == 'F' && bc[0] == 'M')))
        return DS_DLC_UNVERIFIABLE;
    return DS_DLC_MISMATCH;
}

int ds_dlcheck_compare(const ds_dlfront *front, const ds_dlcheck_barcode *bc,
                       ds_dlcheck_status status[DS_DLF_FIELD_COUNT])
{
    int n = 0;
    for (int i = 0; i < DS_DLF_FIELD_COUNT; i++) {
        const ds_dlfront_field *f = &front->field[i];
        ds_dlcheck_status st = DS_DLC_NOT_FOUND;
        if (f->found) {
            const char *b = NULL;
            switch (i) {
            case DS_DLF_SURNAME: b = bc->surname; break;
            case DS_DLF_GIVEN_NAMES: b = bc->given_names; break;
            case DS_DLF_BIRTH_DATE: b = bc->birth_date; break;
            case DS_DLF_ISSUE_DATE: b = bc->issue_date; break;
            case DS_DLF_EXPIRY_DATE: b = bc->expiry_date; break;
            case DS_DLF_DOCUMENT_NUMBER: b = bc->document_number; break;
            case DS_DLF_SEX: b = bc->sex; break;
            default: break;
            }
            if (empty(b) || !f->norm[0])
                st = DS_DLC_UNVERIFIABLE;
            else if (i == DS_DLF_SURNAME || i == DS_DLF_GIVEN_NAMES)
                st = compare_name(front, f, b, i == DS_DLF_SURNAME);
            else if (i == DS_DLF_BIRTH_DATE || i == DS_DLF_ISSUE_DATE || i == DS_DLF_EXPIRY_DATE)
                st = compare_date(f, b, bc);
            else if (i == DS_DLF_DOCUMENT_NUMBER)
                st = compare_number(f, b);
            else if (i == DS_DLF_SEX)
                st = compare_sex(f, b);
            else
                st = DS_DLC_UNVERIFIABLE;
        }
        status[i] = st;
        n += st == DS_DLC_MISMATCH;
    }
    return n;
}
