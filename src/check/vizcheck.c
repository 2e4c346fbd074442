/*
 * vizcheck.c: the comparison rules of vizcheck.h. Pure functions of a VIZ
 * reading and an MRZ; no allocation, no I/O.
 */
#include "check/vizcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "check/names.h"
#include "base/textdist.h"


/* Compares two ISO dates: 0 same, 1 explained by OCR (one confusable digit,
 * or day and month swapped), 2 clearly different. */
static int date_diff(const char *viz, const char *mrz)
{
    if (strcmp(viz, mrz) == 0)
        return 0;
    int ndiff = 0, pos = -1;
    for (int i = 0; i < 10; i++)
        if (viz[i] != mrz[i]) {
            ndiff++;
            pos = i;
        }
    if (ndiff == 1 && ds_digits_confusable(viz[pos], mrz[pos]))
        return 1;
    /* Month and day swapped (a numeric date printed month first). */
    if (memcmp(viz, mrz, 4) == 0 && memcmp(viz + 5, mrz + 8, 2) == 0 && memcmp(viz + 8, mrz + 5, 2) == 0)
        return 1;
    return 2;
}

/* MRZ dates can hold '<' for unknown parts; such a date is not compared. */
static bool iso_complete(const char *s)
{
    if (strlen(s) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static void fold_number(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        out[o++] = ds_ocr_fold(*in);
    out[o] = 0;
}

/* ASCII letters of a name, upper case, accents folded, no spaces. */
static void name_letters(const char *in, char *out, size_t cap)
{
    char f[256];
    ds_viz_fold(in, f, sizeof f);
    size_t o = 0;
    for (const char *p = f; *p && o + 1 < cap; p++)
        if (isalpha((unsigned char)*p))
            out[o++] = (char)toupper((unsigned char)*p);
    out[o] = 0;
}

/* Every letter of a, in order, appears in b: a is b with letters lost. */
static bool subsequence(const char *a, const char *b)
{
    for (; *a; a++) {
        while (*b && *b != *a)
            b++;
        if (!*b)
            return false;
        b++;
    }
    return true;
}

static void mismatch(ds_viz *viz, int id, ds_flags *flags, int page, const char *expected,
                     int *raised, const char *what)
{
    ds_viz_field *f = &viz->field[id];
    f->status = DS_VIZ_MISMATCH;
    ds_flags_add(flags, page, "VIZ_MRZ_MISMATCH", DS_SEV_HIGH, "viz", ds_viz_field_name(id),
                 expected, f->norm[0] ? f->norm : f->value,
                 "The %s printed on the data page differs from the one in the machine-readable zone.",
                 what);
    (*raised)++;
}

static void compare_date(ds_viz *viz, int id, const char *mrz_date, ds_flags *flags, int page,
                         int *raised, const char *what)
{
    ds_viz_field *f = &viz->field[id];
    if (!f->norm[0] || !mrz_date || !iso_complete(mrz_date)) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* The same date read under another label (a visa's "Valid from" beside
     * its "Until"): a reading error, not evidence. */
    for (int o = 0; o < DS_VIZ_FIELD_COUNT; o++)
        if (o != id && viz->field[o].found && strcmp(viz->field[o].norm, f->norm) == 0 &&
            strcmp(f->norm, mrz_date) != 0) {
            f->status = DS_VIZ_UNVERIFIABLE;
            return;
        }
    int d = date_diff(f->norm, mrz_date);
    /* The MRZ has no century: 1902 printed and 02 in the MRZ agree. */
    if (d != 0 && strcmp(f->norm + 2, mrz_date + 2) == 0)
        d = 0;
    if (d == 0)
        f->status = DS_VIZ_MATCH;
    else if (d == 2 && f->confidence >= DS_VIZ_MIN_CONF)
        mismatch(viz, id, flags, page, mrz_date, raised, what);
    else
        f->status = DS_VIZ_UNVERIFIABLE;
}

static void compare_name(ds_viz *viz, int id, const ds_mrz *m, ds_flags *flags, int page,
                         int *raised)
{
    ds_viz_field *f = &viz->field[id];
    const char *mrz = id == DS_VIZ_SURNAME ? m->surname : m->given_names;
    if (!f->norm[0] || !mrz[0]) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* Values of other fields that land under a name label (a visa's
     * "Number of entries: MULT") are no names. */
    static const char *const not_names[] = {"MULT", "MULTIPLE", "SINGLE", "ONE", "TWO", "VISA",
                                            "PASSPORT", "NONE", "REMARKS", "ENTRIES", "STAY"};
    for (size_t i = 0; i < sizeof not_names / sizeof not_names[0]; i++)
        if (strcmp(f->norm, not_names[i]) == 0) {
            f->status = DS_VIZ_UNVERIFIABLE;
            return;
        }
    ds_name_match nm;
    ds_name_result res;
    const char *comma = strchr(f->norm, ',');
    if (id == DS_VIZ_SURNAME && comma) {
        /* "Surname, Given names" printed on one line (visas). */
        char sur[DS_VIZ_VALUE_MAX];
        snprintf(sur, sizeof sur, "%.*s", (int)(comma - f->norm), f->norm);
        res = ds_names_match(m->surname, m->given_names, m->name_truncated, sur, comma + 1, &nm);
        f->status = res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE ? DS_VIZ_MATCH
                                                                           : DS_VIZ_UNVERIFIABLE;
        return;
    }
    if (id == DS_VIZ_SURNAME)
        res = ds_names_match(mrz, NULL, m->name_truncated, f->norm, NULL, &nm);
    else
        res = ds_names_match(NULL, mrz, m->name_truncated, NULL, f->norm, &nm);
    if (res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE) {
        f->status = DS_VIZ_MATCH;
        return;
    }
    if (res != DS_NAME_MISMATCH || f->confidence < DS_VIZ_MIN_CONF) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* One or two letters apart is within OCR noise of a printed name, and a
     * truncated MRZ that is a prefix of the printed name is no evidence. */
    char a[128], b[128];
    name_letters(f->norm, a, sizeof a);
    name_letters(mrz, b, sizeof b);
    int dist = ds_levenshtein(a, b);
    if (dist <= 2 || (m->name_truncated && strncmp(a, b, strlen(b)) == 0) || strlen(a) < 3 ||
        subsequence(a, b)) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* The other name field of the MRZ: the value was taken from the wrong
     * label, which is a reading error, not evidence. */
    const char *other = id == DS_VIZ_SURNAME ? m->given_names : m->surname;
    ds_name_match om;
    ds_name_result ores = id == DS_VIZ_SURNAME
                              ? ds_names_match(NULL, other, m->name_truncated, NULL, f->norm, &om)
                              : ds_names_match(other, NULL, m->name_truncated, f->norm, NULL, &om);
    char c[128];
    name_letters(other, c, sizeof c);
    if (ores == DS_NAME_MATCH || ores == DS_NAME_MATCH_WITH_NOTE || ds_levenshtein(a, c) <= 2 ||
        (c[0] && strstr(a, c)) || (a[0] && strstr(c, a))) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    mismatch(viz, id, flags, page, mrz, raised, id == DS_VIZ_SURNAME ? "surname" : "given names");
}

int ds_viz_compare(ds_viz *viz, const ds_mrz *m, ds_flags *flags, int page)
{
    if (!viz)
        return 0;
    int raised = 0;
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        ds_viz_field *f = &viz->field[id];
        f->status = f->found ? DS_VIZ_UNVERIFIABLE : DS_VIZ_NOT_FOUND;
    }
    if (!m || !flags)
        return 0;
    if (viz->specimen_printed) {
        bool already = false;
        for (int i = 0; i < flags->count; i++)
            already = already || (flags->item[i].page == page &&
                                  strcmp(flags->item[i].code, "SPECIMEN_DOCUMENT") == 0);
        if (!already)
            ds_flags_add(flags, page, "SPECIMEN_DOCUMENT", DS_SEV_HIGH, "viz", NULL, NULL,
                         viz->specimen_word,
                         "The data page is marked %s: this is a specimen, not an issued "
                         "document.", viz->specimen_word);
    }
    if (viz->field[DS_VIZ_SURNAME].found)
        compare_name(viz, DS_VIZ_SURNAME, m, flags, page, &raised);
    if (viz->field[DS_VIZ_GIVEN_NAMES].found)
        compare_name(viz, DS_VIZ_GIVEN_NAMES, m, flags, page, &raised);
    if (viz->field[DS_VIZ_BIRTH_DATE].found)
        compare_date(viz, DS_VIZ_BIRTH_DATE, m->birth_date, flags, page, &raised, "date of birth");
    /* A visa prints "Until" beside "Valid from": unless both were read
     * apart, its expiry may be the start date read under the wrong label. */
    bool visa_dates = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    if (viz->field[DS_VIZ_EXPIRY_DATE].found && visa_dates && !viz->field[DS_VIZ_ISSUE_DATE].found)
        viz->field[DS_VIZ_EXPIRY_DATE].status = DS_VIZ_UNVERIFIABLE;
    else if (viz->field[DS_VIZ_EXPIRY_DATE].found)
        compare_date(viz, DS_VIZ_EXPIRY_DATE, m->expiry_date, flags, page, &raised,
                     "date of expiry");

    ds_viz_field *sx = &viz->field[DS_VIZ_SEX];
    if (sx->found) {
        const char *ms = m->sex;
        if (!sx->norm[0] || !(ms[0] == 'M' || ms[0] == 'F'))
            sx->status = DS_VIZ_UNVERIFIABLE;
        else if (sx->norm[0] == ms[0] || sx->norm[0] == 'X')
            sx->status = sx->norm[0] == ms[0] ? DS_VIZ_MATCH : DS_VIZ_UNVERIFIABLE;
        else if (sx->confidence >= DS_VIZ_MIN_CONF_CHAR && strlen(sx->value) <= 3)
            mismatch(viz, DS_VIZ_SEX, flags, page, ms, &raised, "sex");
        else
            sx->status = DS_VIZ_UNVERIFIABLE;
    }

    ds_viz_field *na = &viz->field[DS_VIZ_NATIONALITY];
    if (na->found) {
        const char *mn = m->nationality;
        const char *v = na->norm;
        bool de_mrz = strcmp(mn, "D") == 0 || strcmp(mn, "DEU") == 0;
        bool de_viz = strcmp(v, "D") == 0 || strcmp(v, "DEU") == 0 || strcmp(v, "DEUTSCH") == 0;
        if (!mn[0] || !v[0])
            na->status = DS_VIZ_UNVERIFIABLE;
        else if (strcmp(v, mn) == 0 || (de_mrz && de_viz))
            na->status = DS_VIZ_MATCH;
        else if (strlen(v) == 3 && strlen(mn) == 3 && na->confidence >= DS_VIZ_MIN_CONF &&
                 (v[0] != mn[0]) + (v[1] != mn[1]) + (v[2] != mn[2]) >= 2)
            mismatch(viz, DS_VIZ_NATIONALITY, flags, page, mn, &raised, "nationality");
        else
            na->status = DS_VIZ_UNVERIFIABLE;
    }

    /* The MRZ number is the "Document no." everywhere; a passport prints it
     * as "Passport No."; a visa's "Passport No." is another document's. */
    bool visa = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    for (int pass = 0; pass < 2; pass++) {
        int id = pass == 0 ? DS_VIZ_DOCUMENT_NUMBER : DS_VIZ_PASSPORT_NUMBER;
        ds_viz_field *f = &viz->field[id];
        if (!f->found)
            continue;
        if (id == DS_VIZ_PASSPORT_NUMBER && (visa || viz->field[DS_VIZ_DOCUMENT_NUMBER].found)) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        const char *mn = m->document_number;
        if (!f->norm[0] || !mn[0]) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        size_t lv = strlen(f->norm), lm = strlen(mn);
        if (strcmp(f->norm, mn) == 0 || (lv >= 9 && lv < lm && strncmp(f->norm, mn, lv) == 0)) {
            f->status = DS_VIZ_MATCH;
            continue;
        }
        char a[DS_VIZ_VALUE_MAX], b[DS_VIZ_VALUE_MAX];
        fold_number(f->norm, a, sizeof a);
        fold_number(mn, b, sizeof b);
        if (lv >= 9 && lv < lm)
            b[lv] = 0; /* the printed short form of a TD1 long number */
        int dist = ds_levenshtein(a, b);
        if (strlen(a) == strlen(b)) {
            /* Same length: a digit the printer's font makes confusable
             * (8/6, 1/7 ...) weighs half a difference. */
            int half = 0, whole = 0;
            for (size_t q = 0; a[q]; q++)
                if (a[q] != b[q])
                    ds_digits_confusable(a[q], b[q]) ? half++ : whole++;
            dist = whole + half / 2;
        }
        /* A number has digits and is not much shorter than the MRZ's; a
         * single word of a label ("N", "PASSEPORT") is no number. */
        bool digits = false;
        for (const char *q = f->norm; *q; q++)
            digits = digits || isdigit((unsigned char)*q);
        if (dist >= 2 && f->confidence >= DS_VIZ_MIN_CONF && digits && lv >= 6 && lv + 3 >= lm)
            mismatch(viz, id, flags, page, mn, &raised, "document number");
        else
            f->status = DS_VIZ_UNVERIFIABLE;
    }
    return raised;
}
