/*
 * vizcheck.c: the comparison rules of vizcheck.h. Pure functions of a VIZ
 * reading and an MRZ; no allocation, no I/O.
 */
#include "check/vizcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check/case.h"
#include "check/codes.h"
#include "check/names.h"
#include "check/vizident.h"
#include "check/viznames.h"
#include "base/text.h"


/* Month and day swapped (a numeric date printed month first). */
static bool day_month_swap(const char *viz, const char *mrz)
{
    return memcmp(viz, mrz, 4) == 0 && memcmp(viz + 5, mrz + 8, 2) == 0 &&
           memcmp(viz + 8, mrz + 5, 2) == 0;
}

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
    if (ndiff == 1 && ds_vizident_confusable(viz[pos], mrz[pos]))
        return 1;
    if (day_month_swap(viz, mrz))
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


/* Most re-reads of the value gave the MRZ's: the first reading was wrong
 * and the page agrees with the MRZ. */
static bool reread_as_mrz(const ds_viz_field *f)
{
    return f->against >= 2 && f->against > f->agree;
}

/* Every reading that gave a value, at least DS_VIZ_MIN_AGREE + 2 of them
 * (the first and every re-read), gave this one, at whatever confidence:
 * Tesseract scores mixed letters and digits low even when it reads them
 * the same way from every image. */
static bool unanimous(const ds_viz_field *f)
{
    return f->reads >= DS_VIZ_MIN_AGREE + 2 && f->same == f->reads && f->against == 0;
}

/* One confusable digit read as changed: a first reading at
 * DS_VIZ_MIN_CONF_CHAR repeated by nearly every re-read, none giving the
 * MRZ's value. */
static bool digit_repeated(float confidence, int agree, int against)
{
    return against == 0 && confidence >= DS_VIZ_MIN_CONF_CHAR && agree >= DS_VIZ_MIN_AGREE + 1;
}

/* One confusable digit of a date read as changed by every reading: at
 * least DS_VIZ_MIN_AGREE + 2 readings (every pass ran), the first at
 * DS_VIZ_MIN_CONF_CHAR, each giving the page's digit where it differs
 * from the MRZ's even when it misread another digit (a binarised pass
 * thins the diagonal of a 2 into a 7). */
static bool digit_kept(float confidence, int reads, int keep, int against)
{
    return against == 0 && confidence >= DS_VIZ_MIN_CONF_CHAR && reads >= DS_VIZ_MIN_AGREE + 2 &&
           keep == reads;
}

/* One confusable character read as changed, by its glyphs: at least
 * DS_VIZ_MIN_AGREE readings sure of every letter and digit (Tesseract's
 * symbol confidence at DS_VIZ_SURE_CHAR: a misread glyph scores low on
 * its own even when the word scores high), of at least four readings at
 * most one giving anything else and none the MRZ's value. */
static bool characters_sure(int reads, int same, int sure, int against)
{
    return against == 0 && reads >= DS_VIZ_MIN_AGREE + 1 && same + 1 >= reads &&
           sure >= DS_VIZ_MIN_AGREE;
}

/* Wherever the folded readings fa and fb (ds_fold_number of ra and rb)
 * differ, ra and rb have characters of the same kind there, digit or
 * letter; false when the raw and folded lengths do not line up. */
static bool same_kinds(const char *ra, const char *rb, const char *fa, const char *fb)
{
    size_t n = strlen(fa);
    if (strlen(ra) != n || strlen(rb) < n || strlen(fb) != n)
        return false;
    for (size_t q = 0; q < n; q++)
        if (fa[q] != fb[q] &&
            (isdigit((unsigned char)ra[q]) != 0) != (isdigit((unsigned char)rb[q]) != 0))
            return false;
    return true;
}

/* Characters of a changed against b (same length): those a reader confuses
 * with the other (ds_vizident_confusable: digits the printer's font makes
 * alike, letters and digits OCR reads one for the other) in *half, the
 * rest in *whole. */
static void char_changes(const char *a, const char *b, int *half, int *whole)
{
    *half = *whole = 0;
    for (size_t q = 0; a[q] && b[q]; q++)
        if (a[q] != b[q])
            ds_vizident_confusable(a[q], b[q]) ? (*half)++ : (*whole)++;
}

/* The reading is evidence: confident, or confirmed by re-reads that agree
 * with it while none gave the MRZ's value. */
static bool clear_reading(const ds_viz_field *f)
{
    return f->against == 0 &&
           (f->confidence >= DS_VIZ_MIN_CONF || f->agree >= DS_VIZ_MIN_AGREE || unanimous(f));
}

/* The value was read where its caption says: the first reading, made on
 * the value's own line in place, gave it, or gave it misread in at most a
 * third of its characters. Re-reads read the value's box alone; when they
 * outvote a first reading that was something else (junk read off a line
 * that held no value, a stamp, the next row), they read some ink near the
 * box, and however sure Tesseract was of that ink's letters, what it read
 * is not identified as the field. */
static bool read_in_place(const ds_viz_field *f)
{
    return f->first_off == 0 || 3 * (size_t)f->first_off <= strlen(f->norm);
}

/* Why a difference is no evidence though the reading was clear. */
#define WHY_POSITION "its caption was unreadable and it was placed by its position alone"

/* A field read clearly that differs from the MRZ where a misreading may
 * explain the difference (characters OCR confuses, not confirmed) or
 * where the field is not identified (placed by its position alone): not
 * evidence of fraud, but worth an officer's look. The field is
 * unverifiable and a warning asks to compare by eye; the field's box is
 * in the report. */
static void suspect(ds_viz *viz, int id, int as, ds_flags *flags, int page, const char *expected,
                    const char *found, const char *what, const char *why, int *raised)
{
    viz->field[id].status = DS_VIZ_UNVERIFIABLE;
    (*raised)++;
    ds_flags_add(flags, page, DS_FLAG_VIZ_MRZ_MISMATCH, DS_SEV_WARNING, "viz",
                 ds_viz_field_name(as), expected, found,
                 "The %s printed on the data page differs from the machine-readable zone, "
                 "but %s: no evidence of fraud, check it by eye.",
                 what, why);
}

/* A field that differs from the MRZ: high only when it was read in place
 * and identified by its caption (the pairing, page/viz_field.c, gives a
 * caption no value that lies off it); placed by its position alone, a
 * warning; otherwise unverifiable. */
static void mismatch(ds_viz *viz, int id, ds_flags *flags, int page, const char *expected,
                     int *raised, const char *what)
{
    ds_viz_field *f = &viz->field[id];
    if (!read_in_place(f)) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    if (f->by_position) {
        suspect(viz, id, id, flags, page, expected, f->norm[0] ? f->norm : f->value, what,
                WHY_POSITION, raised);
        return;
    }
    f->status = DS_VIZ_MISMATCH;
    ds_flags_add(flags, page, DS_FLAG_VIZ_MRZ_MISMATCH, DS_SEV_HIGH, "viz", ds_viz_field_name(id),
                 expected, f->norm[0] ? f->norm : f->value,
                 "The %s printed on the data page differs from the one in the machine-readable zone.",
                 what);
    (*raised)++;
}

/* A run of three letters: a month printed as a word ("12 AUG 1974"). */
static bool month_in_words(const char *value)
{
    int run = 0;
    for (const char *q = value; *q; q++) {
        run = isalpha((unsigned char)*q) ? run + 1 : 0;
        if (run >= 3)
            return true;
    }
    return false;
}

/* Which a numeric date was read with first: 'D' the day, 'M' the month, 0
 * not known (a month in words, the year first, day equal to month). */
static char numeric_order(const char *value, const char *iso)
{
    if (!iso_complete(iso) || month_in_words(value) || memcmp(iso + 5, iso + 8, 2) == 0)
        return 0;
    const char *q = value;
    while (*q && !isdigit((unsigned char)*q))
        q++;
    int v = 0, n = 0;
    for (; isdigit((unsigned char)*q) && n < 3; q++, n++)
        v = v * 10 + (*q - '0');
    if (n == 0 || n > 2)
        return 0;
    int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    int mon = (iso[5] - '0') * 10 + (iso[6] - '0');
    return v == day ? 'D' : v == mon ? 'M' : 0;
}

/* A numeric date read with a two-digit day and a one-digit month
 * ("13.2.2003"): printed without zeros, or a month that lost a digit
 * ("13.12.2003" read short). Its month is no evidence. */
static bool month_short(const char *value)
{
    if (month_in_words(value))
        return false;
    int run[2] = {0, 0}, k = 0;
    for (const char *q = value; *q && k < 2; q++) {
        if (isdigit((unsigned char)*q))
            run[k]++;
        else if (run[k] > 0)
            k++;
    }
    return run[0] == 2 && run[1] == 1;
}

/* A date whose month is printed in Roman numerals ("14 VII 1985"): a
 * stroke lost or added ("VII" for VIII) is another month, so its month
 * is no evidence. */
static bool month_roman(const char *value)
{
    int run = 0;
    bool roman = true;
    for (const char *q = value;; q++) {
        int c = toupper((unsigned char)*q);
        if (*q && isalpha((unsigned char)*q)) {
            run++;
            roman = roman && strchr("IVXL", c) != NULL;
            continue;
        }
        if (run > 0 && roman)
            return true;
        run = 0;
        roman = true;
        if (!*q)
            return false;
    }
}

/* The order the page prints numeric dates in, as shown by a date that reads
 * as its MRZ counterpart (day and month different); 0 when none shows it. */
static char page_order(const ds_viz_field *f, const char *mrz_date)
{
    if (!f->found || f->placed || !iso_complete(f->norm) || !mrz_date ||
        !iso_complete(mrz_date) || strcmp(f->norm + 2, mrz_date + 2) != 0)
        return 0;
    return numeric_order(f->value, f->norm);
}

/* A date printed day first whose day was read as one digit, the last of
 * the MRZ's two-digit day, the rest the MRZ's: the day's first digit was
 * lost ("5 AUG 2027" for 15 AUG 2027), which is no evidence. */
static bool lost_day_digit(const char *value, const char *iso, const char *mrz)
{
    const char *q = value;
    while (*q && !isdigit((unsigned char)*q))
        q++;
    if (!isdigit((unsigned char)q[0]) || isdigit((unsigned char)q[1]))
        return false;
    return strncmp(iso, mrz, 8) == 0 && iso[8] == '0' && mrz[8] != '0' && iso[9] == mrz[9];
}

/* The order the page prints numeric dates in, as shown by its date of
 * issue: read in one order only, it starts the MRZ expiry's period of
 * validity (whole years). 0 when that does not tell. */
static char validity_order(const ds_viz *viz, const char *expiry)
{
    const ds_viz_field *f = &viz->field[DS_VIZ_ISSUE_DATE];
    if (!f->found || f->placed || !iso_complete(f->norm) || !iso_complete(expiry) ||
        !clear_reading(f))
        return 0;
    char mine = numeric_order(f->value, f->norm);
    if (!mine)
        return 0;
    char sw[11];
    memcpy(sw, f->norm, sizeof sw);
    memcpy(sw + 5, f->norm + 8, 2);
    memcpy(sw + 8, f->norm + 5, 2);
    bool as_read = ds_vizident_ends_years(f->norm, expiry);
    bool swapped = ds_vizident_ends_years(sw, expiry);
    if (as_read == swapped)
        return 0;
    return as_read ? mine : (mine == 'D' ? 'M' : 'D');
}

/* A date that is the MRZ's with day and month swapped (date_diff 1 for the
 * swap alone) read as value: 2 when it is another date (month in words,
 * or read in the order order the page shows), 0 when read in the page's
 * order it is the MRZ's, 1 when nothing tells. */
static int swap_verdict(const char *value, const char *iso, char order)
{
    if (month_in_words(value))
        return 2;
    char mine = numeric_order(value, iso);
    if (!order || !mine)
        return 1;
    return order == mine ? 2 : 0;
}

/* The expiry's period of validity starts on iso: the expiry is the day
 * before an anniversary of iso (1 to 10 years on), the way a document
 * valid N whole years ends. iso is then the date of issue. A printed
 * expiry moved by whole years falls on the anniversary itself, never the
 * day before, and is not taken for one. */
static bool starts_validity(const char *iso, const char *expiry)
{
    int y, mo, d, ey, em, ed;
    if (!ds_date_parse(iso, &y, &mo, &d) || !ds_date_parse(expiry, &ey, &em, &ed))
        return false;
    long e = ds_date_days(ey, em, ed);
    for (int k = 1; k <= 10; k++)
        if (e == ds_date_days(y + k, mo, d) - 1)
            return true;
    return false;
}

/* A date read under the label of field id that is instead another date of
 * the document: see compare_date. */
static bool other_field_date(int id, const char *iso, const ds_mrz *m)
{
    const char *birth = m->birth_date, *expiry = m->expiry_date;
    if (!iso_complete(iso))
        return false;
    if (id == DS_VIZ_BIRTH_DATE && iso_complete(expiry)) {
        /* Within the 400 days before the expiry: the start of a visa's
         * validity (valid from), no holder's birth. */
        int y, mo, d, ey, em, ed;
        bool last_year = ds_date_parse(iso, &y, &mo, &d) && ds_date_parse(expiry, &ey, &em, &ed) &&
                         ds_date_days(ey, em, ed) - ds_date_days(y, mo, d) <= 400;
        return strcmp(iso + 2, expiry + 2) == 0 || strcmp(iso, expiry) > 0 ||
               ds_vizident_ends_years(iso, expiry) || last_year;
    }
    if (id == DS_VIZ_EXPIRY_DATE && iso_complete(birth))
        return strcmp(iso + 2, birth + 2) == 0 || strcmp(iso, birth) < 0 ||
               (iso_complete(expiry) && starts_validity(iso, expiry));
    return false;
}

static void compare_date(ds_viz *viz, int id, const ds_mrz *m, const char *mrz_date, char order,
                         ds_flags *flags, int page, int *raised, const char *what)
{
    ds_viz_field *f = &viz->field[id];
    if (!f->norm[0] || !mrz_date || !iso_complete(mrz_date)) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* A date printed with a two-digit year (YY-MM-DD) is compared on the
     * six digits the MRZ holds: it takes the MRZ date's century. Its year
     * read as that century ("14 JUL 19" for 14 JUL 1985, the year's last
     * digits cut off the value's box) may be a four-digit year cut short:
     * no evidence. */
    char whole[11];
    const char *norm = f->norm;
    if (strlen(f->norm) == 8) {
        memcpy(whole, mrz_date, 2);
        memcpy(whole + 2, f->norm, 9);
        norm = whole;
        if (strcmp(norm, mrz_date) != 0 && memcmp(f->norm, mrz_date, 2) == 0) {
            f->status = DS_VIZ_UNVERIFIABLE;
            return;
        }
    }
    /* The same date read under another label (a visa's "Valid from" beside
     * its "Until"): a reading error, not evidence. */
    for (int o = 0; o < DS_VIZ_FIELD_COUNT; o++)
        if (o != id && viz->field[o].found &&
            (strcmp(viz->field[o].norm, norm) == 0 || strcmp(viz->field[o].norm, f->norm) == 0) &&
            strcmp(norm, mrz_date) != 0) {
            f->status = DS_VIZ_UNVERIFIABLE;
            return;
        }
    /* A date that is another field's (vizident.h's rule for dates): the
     * MRZ's expiry read as the birth date, the MRZ's birth date as the
     * expiry, a birth date after the expiry or an expiry before the birth,
     * a birth date that starts the MRZ expiry's validity (1 to 10 whole
     * years before it: the date of issue, read from the line next to the
     * label); an expiry that starts the MRZ expiry's validity (the date
     * of issue, read from the row next to the label: starts_validity).
     * The line read is not the field's. */
    if (strcmp(norm, mrz_date) != 0 && other_field_date(id, norm, m)) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* A date read with another field's caption beside it (a page that
     * prints captions after their values: "12.08.2031 (Date of expiry)"
     * under the birth date's) is that field's (vizident.h). */
    int cap = ds_vizident_caption_in_value(f->value);
    if (strcmp(norm, mrz_date) != 0 && cap >= 0 && cap != id) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    /* A month read short may have lost a digit (month_short), a Roman
     * one a stroke (month_roman). */
    if (memcmp(norm + 5, mrz_date + 5, 2) != 0 &&
        (month_short(f->value) || month_roman(f->value))) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    int d = date_diff(norm, mrz_date);
    /* Day and month swapped is a format question only for a numeric date
     * on a page whose order nothing else shows: read in the order another
     * date of the page shows, it is either the MRZ's date or another one;
     * with the month in words it is another date. */
    if (d == 1 && day_month_swap(norm, mrz_date))
        d = swap_verdict(f->value, norm, order);
    /* The MRZ has no century: 1902 printed and 02 in the MRZ agree. */
    if (d != 0 && strcmp(norm + 2, mrz_date + 2) == 0)
        d = 0;
    if (d == 2 && lost_day_digit(f->value, norm, mrz_date))
        d = 1;
    /* One confusable digit: a misreading unless a confident first reading
     * was repeated by nearly every re-read, the readings were sure of its
     * glyphs or every one kept the digit (the MRZ's value never seen). */
    bool digit_confirmed = d == 1 &&
                           (digit_repeated(f->confidence, f->agree, f->against) ||
                            characters_sure(f->reads, f->same, f->sure, f->against) ||
                            digit_kept(f->confidence, f->reads, f->keep, f->against)) &&
                           !day_month_swap(norm, mrz_date);
    if (d == 0 || reread_as_mrz(f))
        f->status = DS_VIZ_MATCH;
    else if ((d == 2 && clear_reading(f)) || digit_confirmed)
        mismatch(viz, id, flags, page, mrz_date, raised, what);
    else
        f->status = DS_VIZ_UNVERIFIABLE;
}


/*
 * A name read under its label (or placed by the page's geometry) against
 * the MRZ. The value counts only as a name: a specimen mark, a caption, a
 * nationality or another field's value is unverifiable (vizident.h). It is
 * judged in each of its forms (the whole value, each part of a value
 * printed in two scripts or languages, Cyrillic and Greek transliterated,
 * Latin letters that look like Cyrillic or Greek ones read as those): any
 * form that matches makes it a match, any within reading noise makes it
 * unverifiable, and it is a mismatch only when every form clearly differs.
 * A part in a script without a transliteration table can never be shown
 * to differ.
 */
static void compare_name(ds_viz *viz, int id, const ds_mrz *m, ds_flags *flags, int page,
                         int *raised)
{
    ds_viz_field *f = &viz->field[id];
    const char *mrz = id == DS_VIZ_SURNAME ? m->surname : m->given_names;
    /* The other name's label gave a caption as its value: this page does
     * not print values under their captions, so the value under this
     * name's caption is not identified either (the next row's value). */
    const ds_viz_field *o = &viz->field[id == DS_VIZ_SURNAME ? DS_VIZ_GIVEN_NAMES : DS_VIZ_SURNAME];
    bool misplaced = !f->placed && o->found && !o->placed &&
                     ds_vizident_name_kind(o->value, m) == DS_VIZID_CAPTION;
    if (!f->norm[0] || !mrz[0] || misplaced ||
        ds_vizident_name_kind(f->value, m) != DS_VIZID_NAME) {
        f->status = DS_VIZ_UNVERIFIABLE;
        return;
    }
    ds_vizid_forms forms;
    ds_vizident_name_forms(f->value, f->norm, &forms);
    ds_viz_status best = forms.count > 0 ? DS_VIZ_MISMATCH : DS_VIZ_UNVERIFIABLE;
    int as = id;
    char val[DS_VIZ_VALUE_MAX] = "";
    bool misread = false; /* a form differs only as a misreading would */
    for (int i = 0; i < forms.count && best != DS_VIZ_MATCH; i++) {
        int fas = id;
        char fval[DS_VIZ_VALUE_MAX] = "";
        bool mis = false;
        ds_viz_status st =
            ds_viz_judge_name(f, clear_reading(f), id, m, forms.form[i], &fas, fval, &mis);
        if (st == DS_VIZ_MISMATCH && !val[0]) {
            as = fas;
            snprintf(val, sizeof val, "%s", fval);
        }
        misread = misread || (st == DS_VIZ_MISMATCH && mis);
        if (st != DS_VIZ_MISMATCH)
            best = st;
    }
    if (best == DS_VIZ_MISMATCH && (forms.untransliterable || m->name_unsure))
        best = DS_VIZ_UNVERIFIABLE;
    if (best != DS_VIZ_MISMATCH) {
        f->status = best;
        return;
    }
    /* A name a letter off (or two confusable letters), with MRZ words the
     * page lacks: what OCR makes of the holder's name, no other name. */
    if (misread && read_in_place(f)) {
        suspect(viz, id, as, flags, page, as == DS_VIZ_SURNAME ? m->surname : m->given_names,
                val, as == DS_VIZ_SURNAME ? "surname" : "given names",
                f->by_position ? WHY_POSITION : "it differs only by a letter OCR can misread",
                raised);
        return;
    }
    if (as != id) {
        if (f->by_position) {
            suspect(viz, id, DS_VIZ_SURNAME, flags, page, m->surname, val, "surname",
                    WHY_POSITION, raised);
            return;
        }
        if (!read_in_place(f)) {
            f->status = DS_VIZ_UNVERIFIABLE;
            return;
        }
        f->status = DS_VIZ_MISMATCH;
        ds_flags_add(flags, page, DS_FLAG_VIZ_MRZ_MISMATCH, DS_SEV_HIGH, "viz", "surname", m->surname,
                     val,
                     "The surname printed on the data page (before the given names, under one "
                     "label) differs from the one in the machine-readable zone.");
        (*raised)++;
        return;
    }
    mismatch(viz, id, flags, page, mrz, raised, id == DS_VIZ_SURNAME ? "surname" : "given names");
}

/*
 * A visa's "SURNAME GIVEN NAMES" read under its one name label, the
 * surname the MRZ's exactly (its words, in full) and more words after it
 * while the given names' own label was not read: those words are the given
 * names printed, placed in that field and compared as read there.
 */
static void given_after_surname(ds_viz *viz, const ds_mrz *m)
{
    ds_viz_field *s = &viz->field[DS_VIZ_SURNAME], *g = &viz->field[DS_VIZ_GIVEN_NAMES];
    bool visa = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    if (!visa || !s->found || s->status != DS_VIZ_MATCH || g->found || m->name_truncated ||
        !m->surname[0] || !m->given_names[0])
        return;
    int words = 1;
    for (const char *q = m->surname; *q; q++)
        words += *q == ' ';
    const char *rest = s->norm;
    for (int w = 0; w < words && rest; w++) {
        rest = strchr(rest, ' ');
        rest = rest ? rest + 1 : NULL;
    }
    if (!rest || !*rest)
        return;
    char lead[DS_VIZ_VALUE_MAX], a[128], b[128];
    snprintf(lead, sizeof lead, "%.*s", (int)(rest - s->norm), s->norm);
    ds_text_name_key(lead, a, sizeof a);
    ds_text_name_key(m->surname, b, sizeof b);
    if (strcmp(a, b) != 0)
        return;
    *g = *s;
    g->placed = true;
    snprintf(g->norm, sizeof g->norm, "%s", rest);
    snprintf(g->value, sizeof g->value, "%s", rest);
}

/*
 * A name whose label was unreadable (small print), found from the other
 * name of the MRZ read confidently on a line of the page: the surname on
 * the line right above the given names (a data page prints the surname
 * first), or before the comma of a "SURNAME, GIVEN NAMES" line that ends
 * with them; the given names on the line right below the surname. Placed
 * so, it is compared as a labelled name is (compare_name): OCR noise,
 * transliteration and the MRZ's other name are no evidence.
 */
static void compare_name_by_other(ds_viz *viz, int id, const ds_mrz *m, ds_flags *flags,
                                  int page, int *raised)
{
    ds_viz_field *f = &viz->field[id];
    bool given = id == DS_VIZ_GIVEN_NAMES;
    if (f->found || !m->surname[0] || !m->given_names[0])
        return;
    bool comma = false;
    const ds_viz_line *g = given ? ds_viz_surname_line(viz, m->surname, DS_VIZ_MIN_CONF)
                                 : ds_viz_given_line(viz, m->given_names, DS_VIZ_MIN_CONF, &comma);
    const ds_viz_line *at = comma ? g : ds_viz_line_next(viz, g, given);
    char name[DS_VIZ_VALUE_MAX] = "";
    if (at)
        snprintf(name, sizeof name, "%.*s",
                 comma ? (int)(strrchr(at->value, ',') - at->value) : (int)strlen(at->value),
                 at->value);
    char folded[DS_VIZ_VALUE_MAX];
    ds_text_fold(name, folded, sizeof folded);
    if (!at || !folded[0] || strchr(name, ','))
        return;
    memset(f, 0, sizeof *f);
    f->found = true;
    f->placed = true;
    f->by_position = true;
    snprintf(f->value, sizeof f->value, "%s", name);
    for (size_t i = 0; folded[i] && i + 1 < sizeof f->norm; i++)
        f->norm[i] = (char)toupper((unsigned char)folded[i]);
    f->confidence = at->confidence;
    memcpy(f->bbox, at->bbox, sizeof f->bbox);
    int before = flags->count;
    compare_name(viz, id, m, flags, page, raised);
    if (flags->count > before)
        snprintf(flags->item[flags->count - 1].message, sizeof flags->item[0].message,
                 "The %s printed on the data page (its label unreadable: the line %s the %s, "
                 "placed by its position alone) differs from the machine-readable zone; "
                 "not identified, it is no evidence: check it by eye.",
                 given ? "given names" : "surname",
                 comma ? "that ends with" : given ? "below" : "above",
                 given ? "surname" : "given names");
}

static long iso_days(const char *iso)
{
    int y, mo, d;
    return ds_date_parse(iso, &y, &mo, &d) ? ds_date_days(y, mo, d) : 0;
}

static int cmp_iso(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The MRZ has no century: 1964-02-17 and 2064-02-17 say the same. */
static bool same_date(const char *iso, const char *mrz) { return strcmp(iso + 2, mrz + 2) == 0; }

/* Fills field id from a date of the page placed by order (no label). */
static void place_date(ds_viz *viz, int id, const char *iso_in)
{
    char iso[11]; /* iso_in may be a field's own text, cleared below */
    snprintf(iso, sizeof iso, "%s", iso_in);
    ds_viz_field *f = &viz->field[id];
    ds_viz_field own = *f; /* read under its label, left unverifiable */
    memset(f, 0, sizeof *f);
    f->found = true;
    f->placed = true;
    f->by_position = true;
    snprintf(f->norm, sizeof f->norm, "%s", iso);
    snprintf(f->value, sizeof f->value, "%s", iso);
    for (int i = 0; i < viz->ndates; i++)
        if (strcmp(viz->dates[i].key, iso) == 0 && viz->dates[i].confidence > f->confidence) {
            /* A token's text is shorter than a field's (no snprintf: the
             * compiler cannot tell the two apart inside viz). */
            size_t n = strnlen(viz->dates[i].value, sizeof viz->dates[i].value);
            memcpy(f->value, viz->dates[i].value, n);
            f->value[n] = 0;
            f->confidence = viz->dates[i].confidence;
            memcpy(f->bbox, viz->dates[i].bbox, sizeof f->bbox);
        }
    static const int date_ids[] = {DS_VIZ_BIRTH_DATE, DS_VIZ_EXPIRY_DATE, DS_VIZ_ISSUE_DATE};
    for (size_t k = 0; k < 3; k++) {
        const ds_viz_field *o = date_ids[k] == id ? &own : &viz->field[date_ids[k]];
        if (o->found && !o->placed && strcmp(o->norm, iso) == 0 && o->confidence > f->confidence) {
            memcpy(f->value, o->value, sizeof f->value);
            f->confidence = o->confidence;
            memcpy(f->bbox, o->bbox, sizeof f->bbox);
        }
    }
}

/* How a page date is printed: the most confident text read for it. */
static const char *date_text(const ds_viz *viz, const char *iso)
{
    const char *best = iso;
    float conf = -1;
    for (int i = 0; i < viz->ndates; i++)
        if (strcmp(viz->dates[i].key, iso) == 0 && viz->dates[i].confidence > conf) {
            best = viz->dates[i].value;
            conf = viz->dates[i].confidence;
        }
    return best;
}

/* date_diff for a date placed by order, whose day/month swap is judged by
 * the order the page's anchor date (one that reads as the MRZ's) shows. */
static int placed_diff(const ds_viz *viz, const char *iso, const char *mrz_date, const char *anchor)
{
    int d = date_diff(iso, mrz_date);
    if (d == 1 && day_month_swap(iso, mrz_date))
        d = swap_verdict(date_text(viz, iso), iso, numeric_order(date_text(viz, anchor), anchor));
    if (d == 2 && (lost_day_digit(date_text(viz, iso), iso, mrz_date) ||
                   (memcmp(iso + 5, mrz_date + 5, 2) != 0 &&
                    (month_short(date_text(viz, iso)) || month_roman(date_text(viz, iso))))))
        d = 1;
    /* One confusable digit: a changed digit when a confident reading of
     * the date was repeated by nearly every re-read (the reader re-reads
     * such dates against the MRZ), none giving the MRZ's. */
    for (int i = 0; d == 1 && !day_month_swap(iso, mrz_date) && i < viz->ndates; i++) {
        const ds_viz_token *t = &viz->dates[i];
        if (strcmp(t->key, iso) == 0 &&
            (digit_repeated(t->confidence, t->agree, t->against) ||
             characters_sure(t->reads, t->same, t->sure, t->against) ||
             digit_kept(t->confidence, t->reads, t->keep, t->against)))
            d = 2;
    }
    return d;
}

/* A date of the page printed to the right of an earlier one on the same
 * row, not the birth date: a visa's "Valid from ... Until" pair, whatever
 * the time between them. */
static bool right_of_earlier(const ds_viz *viz, const char *iso, const char *birth)
{
    for (int i = 0; i < viz->ndates; i++) {
        const ds_viz_token *t = &viz->dates[i];
        if (strcmp(t->key, iso) != 0 || t->confidence < DS_VIZ_MIN_CONF)
            continue;
        for (int j = 0; j < viz->ndates; j++) {
            const ds_viz_token *u = &viz->dates[j];
            if (u->confidence < DS_VIZ_MIN_CONF || strcmp(u->key, iso) >= 0 ||
                same_date(u->key, birth))
                continue;
            int top = t->bbox[1] > u->bbox[1] ? t->bbox[1] : u->bbox[1];
            int bot = t->bbox[1] + t->bbox[3] < u->bbox[1] + u->bbox[3] ? t->bbox[1] + t->bbox[3]
                                                                        : u->bbox[1] + u->bbox[3];
            int h = t->bbox[3] < u->bbox[3] ? t->bbox[3] : u->bbox[3];
            if (h > 0 && 2 * (bot - top) >= h && u->bbox[0] + u->bbox[2] < t->bbox[0])
                return true;
        }
    }
    return false;
}

/*
 * Dates whose label was not read (small print on a low-resolution card):
 * a data page prints the birth date before the issue date before the
 * expiry, so with at least three clearly read dates the earliest is the
 * birth date and the latest the expiry. The earliest counts only when it
 * lies more than 10 years and a month before the MRZ expiry (no passport
 * is valid longer, so it can be no date of issue or "valid from") and the
 * latest shows the MRZ's expiry; the latest only when the earliest shows
 * the MRZ's birth date and it lies half a year or more after the date
 * before it (a visa's issue and "valid from" sit days apart), or it is
 * printed on the row of an earlier date, to its right (a visa's "Until"
 * beside its "Valid from").
 */
static void compare_by_order(ds_viz *viz, const ds_mrz *m, ds_flags *flags, int page,
                             int *raised)
{
    if (!iso_complete(m->birth_date) || !iso_complete(m->expiry_date))
        return;
    ds_viz_field *e = &viz->field[DS_VIZ_EXPIRY_DATE];
    char end[11];
    if (e->status != DS_VIZ_MATCH && e->status != DS_VIZ_MISMATCH &&
        ds_vizident_validity_end(viz, m, DS_VIZ_MIN_CONF, end) &&
        placed_diff(viz, end, m->expiry_date, end) == 2) {
        place_date(viz, DS_VIZ_EXPIRY_DATE, end);
        suspect(viz, DS_VIZ_EXPIRY_DATE, DS_VIZ_EXPIRY_DATE, flags, page, m->expiry_date, end,
                "date of expiry", "its caption was unreadable and it was placed as the end "
                "of the validity an earlier date of the page starts", raised);
    }
    const char *d[DS_VIZ_MAX_DATES + 3];
    int nd = 0;
    for (int i = 0; i < viz->ndates; i++)
        if (viz->dates[i].confidence >= DS_VIZ_MIN_CONF)
            d[nd++] = viz->dates[i].key;
    for (int id = DS_VIZ_BIRTH_DATE; id <= DS_VIZ_ISSUE_DATE; id++) {
        const ds_viz_field *f = &viz->field[id];
        if ((id == DS_VIZ_BIRTH_DATE || id >= DS_VIZ_EXPIRY_DATE) && f->found && !f->placed &&
            iso_complete(f->norm) && clear_reading(f))
            d[nd++] = f->norm;
    }
    qsort(d, (size_t)nd, sizeof d[0], cmp_iso);
    int k = 0;
    for (int i = 0; i < nd; i++)
        if (k == 0 || strcmp(d[k - 1], d[i]) != 0)
            d[k++] = d[i];
    nd = k;
    if (nd < 3)
        return;
    bool has_birth = false, has_expiry = false;
    for (int i = 0; i < nd; i++) {
        has_birth = has_birth || same_date(d[i], m->birth_date);
        has_expiry = has_expiry || same_date(d[i], m->expiry_date);
    }
    ds_viz_field *b = &viz->field[DS_VIZ_BIRTH_DATE];
    long mrz_expiry = iso_days(m->expiry_date);
    if (b->status != DS_VIZ_MATCH && b->status != DS_VIZ_MISMATCH && !has_birth &&
        same_date(d[nd - 1], m->expiry_date) && iso_days(d[0]) < mrz_expiry - 3683 &&
        placed_diff(viz, d[0], m->birth_date, d[nd - 1]) == 2) {
        place_date(viz, DS_VIZ_BIRTH_DATE, d[0]);
        suspect(viz, DS_VIZ_BIRTH_DATE, DS_VIZ_BIRTH_DATE, flags, page, m->birth_date, d[0],
                "date of birth (the earliest date)", WHY_POSITION, raised);
    }
    if (e->status != DS_VIZ_MATCH && e->status != DS_VIZ_MISMATCH && !e->placed && !has_expiry &&
        same_date(d[0], m->birth_date) &&
        (iso_days(d[nd - 1]) - iso_days(d[nd - 2]) >= 182 ||
         right_of_earlier(viz, d[nd - 1], m->birth_date)) &&
        placed_diff(viz, d[nd - 1], m->expiry_date, d[0]) == 2) {
        place_date(viz, DS_VIZ_EXPIRY_DATE, d[nd - 1]);
        suspect(viz, DS_VIZ_EXPIRY_DATE, DS_VIZ_EXPIRY_DATE, flags, page, m->expiry_date,
                d[nd - 1], "date of expiry (the latest date)", WHY_POSITION,
                raised);
    }
}

/*
 * The document number whose label was not read (small print): a number
 * printed on the page that is the MRZ's with two or three characters
 * changed (an OCR-confusable digit counting half, O/0, I/1 ... folded),
 * read at DS_VIZ_MIN_CONF, while no number of the page is the MRZ's, is
 * the number altered on one side. A number unlike the MRZ's (a visa's
 * passport number, a personal number) is no evidence either way. One
 * character changed that OCR does not confuse (of the same kind, digit or
 * letter) is a number identified by likeness too, but one misread glyph
 * looks the same: a warning to compare by eye, never high.
 */
static void compare_number_by_likeness(ds_viz *viz, const ds_mrz *m, ds_flags *flags, int page,
                                       int *raised)
{
    bool visa = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    int id = m->type == DS_MRZ_TD3 ? DS_VIZ_PASSPORT_NUMBER : DS_VIZ_DOCUMENT_NUMBER;
    for (int k = DS_VIZ_DOCUMENT_NUMBER; k <= DS_VIZ_PASSPORT_NUMBER; k++) {
        ds_viz_status st = viz->field[k].status;
        if ((k == DS_VIZ_DOCUMENT_NUMBER || !visa) && (st == DS_VIZ_MATCH || st == DS_VIZ_MISMATCH))
            return;
    }
    char mn[DS_VIZ_VALUE_MAX];
    ds_fold_number(m->document_number, mn, sizeof mn);
    size_t lm = strlen(mn);
    if (lm < 6 || m->number_unsure)
        return;
    size_t ls = lm > 9 ? 9 : lm; /* a TD1 long number is printed short */
    const ds_viz_token *cand = NULL, *one = NULL;
    int cand_diff = 0, cand_places = 0;
    for (int i = 0; i < viz->nnumbers; i++) {
        char t[DS_VIZ_VALUE_MAX];
        ds_fold_number(viz->numbers[i].key, t, sizeof t);
        size_t lt = strlen(t);
        if (strcmp(t, mn) == 0 || (lt == ls && strncmp(t, mn, ls) == 0))
            return; /* the MRZ's number is printed */
        if ((lt != lm && lt != ls) || viz->numbers[i].confidence < DS_VIZ_MIN_CONF)
            continue;
        int half, whole;
        char_changes(t, mn, &half, &whole);
        int diff = whole + half / 2;
        if (diff >= 2 && whole + half <= 3 && (!cand || diff > cand_diff)) {
            cand = &viz->numbers[i];
            cand_diff = diff;
            cand_places = whole + half;
        }
        if (whole == 1 && half == 0 && !one && lt == lm &&
            same_kinds(viz->numbers[i].key, m->document_number, t, mn))
            one = &viz->numbers[i];
    }
    const ds_viz_token *pick = cand ? cand : one;
    if (!pick)
        return;
    ds_viz_field *f = &viz->field[id];
    memset(f, 0, sizeof *f);
    f->found = true;
    f->placed = true;
    snprintf(f->value, sizeof f->value, "%s", pick->value);
    snprintf(f->norm, sizeof f->norm, "%s", pick->key);
    f->confidence = pick->confidence;
    memcpy(f->bbox, pick->bbox, sizeof f->bbox);
    if (!cand) {
        suspect(viz, id, id, flags, page, m->document_number, one->key,
                "document number (a number one character off the MRZ's)",
                "its label was unreadable and one misread character looks the same", raised);
        return;
    }
    f->status = DS_VIZ_MISMATCH;
    ds_flags_add(flags, page, DS_FLAG_VIZ_MRZ_MISMATCH, DS_SEV_HIGH, "viz", ds_viz_field_name(id),
                 m->document_number, cand->key,
                 "A number printed on the data page (its label was unreadable) is the document "
                 "number of the machine-readable zone with %d of its characters changed, and "
                 "the MRZ's number is printed nowhere on the page.",
                 cand_places);
    (*raised)++;
}

/* The MRZ's number mn printed on the page apart from field f: read under
 * the passport-number label, or a number of the page boxed apart from f,
 * within OCR noise of it. */
static bool mrz_number_elsewhere(const ds_viz *viz, const ds_viz_field *f, const char *mn)
{
    const ds_viz_field *pn = &viz->field[DS_VIZ_PASSPORT_NUMBER];
    char a[DS_VIZ_VALUE_MAX];
    if (pn != f && pn->found && pn->norm[0] && ds_number_near(pn->norm, mn) &&
        strlen(pn->norm) + 1 >= strlen(mn))
        return true;
    for (int i = 0; i < viz->nnumbers; i++) {
        const ds_viz_token *t = &viz->numbers[i];
        const int *b = t->bbox, *c = f->bbox;
        bool meet = b[0] < c[0] + c[2] && c[0] < b[0] + b[2] && b[1] < c[1] + c[3] &&
                    c[1] < b[1] + b[3];
        ds_text_strip_number(t->key, a, sizeof a);
        if (!meet && strcmp(a, f->norm) != 0 && ds_number_near(a, mn) &&
            strlen(a) + 1 >= strlen(mn) && strlen(a) <= strlen(mn) + 1)
            return true;
    }
    return false;
}

/* Every letter of a sex value read is a sex letter of a Latin-script
 * caption language (M, F, X; W weiblich, H homme) and none says the
 * MRZ's sex mrz: "M/E" read for a Cyrillic "Ж/F" is no sex read. */
static bool sex_letters_against(const char *value, char mrz)
{
    for (const char *q = value; *q; q++) {
        int c = toupper((unsigned char)*q);
        if (!isalpha((unsigned char)*q))
            continue;
        if (!strchr("MFXWH", c) || c == mrz || (mrz == 'F' && c == 'W') || (mrz == 'M' && c == 'H'))
            return false;
    }
    return true;
}

int ds_viz_compare(ds_viz *viz, const ds_mrz *m, ds_flags *flags, int page)
{
    if (!viz)
        return 0;
    int raised = 0;
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        ds_viz_field *f = &viz->field[id];
        if (f->placed) /* placed by an earlier comparison */
            memset(f, 0, sizeof *f);
        f->status = f->found ? DS_VIZ_UNVERIFIABLE : DS_VIZ_NOT_FOUND;
    }
    if (!m || !flags)
        return 0;
    if (viz->specimen_printed) {
        bool already = false;
        for (int i = 0; i < flags->count; i++)
            already = already || (flags->item[i].page == page &&
                                  flags->item[i].code == DS_FLAG_SPECIMEN_DOCUMENT);
        if (!already)
            ds_flags_add(flags, page, DS_FLAG_SPECIMEN_DOCUMENT, DS_SEV_HIGH, "viz", NULL, NULL,
                         viz->specimen_word,
                         "The data page is marked %s: this is a specimen, not an issued "
                         "document.", viz->specimen_word);
    }
    if (viz->field[DS_VIZ_SURNAME].found)
        compare_name(viz, DS_VIZ_SURNAME, m, flags, page, &raised);
    given_after_surname(viz, m);
    if (viz->field[DS_VIZ_GIVEN_NAMES].found)
        compare_name(viz, DS_VIZ_GIVEN_NAMES, m, flags, page, &raised);
    if (viz->field[DS_VIZ_BIRTH_DATE].found) {
        char order = page_order(&viz->field[DS_VIZ_EXPIRY_DATE], m->expiry_date);
        if (!order)
            order = validity_order(viz, m->expiry_date);
        compare_date(viz, DS_VIZ_BIRTH_DATE, m, m->birth_date, order, flags, page, &raised,
                     "date of birth");
    }
    /* A visa prints "Until" beside "Valid from": unless both were read
     * apart, its expiry may be the start date read under the wrong label. */
    bool visa_dates = m->type == DS_MRZ_MRVA || m->type == DS_MRZ_MRVB;
    if (viz->field[DS_VIZ_EXPIRY_DATE].found && visa_dates && !viz->field[DS_VIZ_ISSUE_DATE].found)
        viz->field[DS_VIZ_EXPIRY_DATE].status = DS_VIZ_UNVERIFIABLE;
    else if (viz->field[DS_VIZ_EXPIRY_DATE].found)
        compare_date(viz, DS_VIZ_EXPIRY_DATE, m, m->expiry_date,
                     page_order(&viz->field[DS_VIZ_BIRTH_DATE], m->birth_date), flags,
                     page, &raised,
                     "date of expiry");

    ds_viz_field *sx = &viz->field[DS_VIZ_SEX];
    if (sx->found) {
        const char *ms = m->sex;
        if (!sx->norm[0] || !(ms[0] == 'M' || ms[0] == 'F'))
            sx->status = DS_VIZ_UNVERIFIABLE;
        else if (sx->norm[0] == ms[0] || sx->norm[0] == 'X')
            sx->status = sx->norm[0] == ms[0] ? DS_VIZ_MATCH : DS_VIZ_UNVERIFIABLE;
        else if (sx->confidence >= DS_VIZ_MIN_CONF_CHAR && strlen(sx->value) <= 3 &&
                 sex_letters_against(sx->value, ms[0]))
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
        /* Only a code on the ICAO list is a nationality: anything else read
         * under the caption (another field's value, "180" days of stay) is
         * not identified as one. */
        else if (strlen(v) == 3 && strlen(mn) == 3 && na->confidence >= DS_VIZ_MIN_CONF &&
                 ds_icao_code_known(v) &&
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
        const char *mn = m->document_number;
        /* The number alone: the issuing state's code before it and the next
         * date after it are other fields (vizident.h). */
        char core[DS_VIZ_VALUE_MAX];
        if (ds_vizident_number_core(f->value, m, core, sizeof core) && core[0])
            snprintf(f->norm, sizeof f->norm, "%s", core);
        if (id == DS_VIZ_PASSPORT_NUMBER && (visa || viz->field[DS_VIZ_DOCUMENT_NUMBER].found)) {
            /* A visa's "Passport No." is the holder's passport: the MRZ
             * holds it only when the state chose to put it there. */
            f->status = visa && f->norm[0] && strcmp(f->norm, mn) == 0 ? DS_VIZ_MATCH
                                                                       : DS_VIZ_UNVERIFIABLE;
            continue;
        }
        if (!f->norm[0] || !mn[0]) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* A visa carries two numbers, its own and the holder's passport's,
         * and the MRZ holds one of them at the issuing state's choice: when
         * the MRZ's number is printed elsewhere on the page, the number
         * read here is the visa's own and no evidence. */
        if (visa && mrz_number_elsewhere(viz, f, mn)) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* The MRZ's number read unsurely (ds_mrz.number_unsure): its check
         * may pass by chance, so it is no evidence against the page. */
        if (strcmp(f->norm, mn) != 0 && m->number_unsure) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* A date read under a number label is the next row's value (an
         * issue, birth or expiry date), never a number (vizident.h). */
        if (strcmp(f->norm, mn) != 0 &&
            (ds_vizident_number_is_date(f->value) || ds_vizident_number_is_date(f->norm))) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* A caption in the value beside what was read (a page printing
         * captions after their values: "271031DATEOFEXPIRY", the expiry
         * with its caption, read under the number's): another field's
         * value, or two run together (vizident.h). A number label's own
         * caption run in is compared as before. */
        int cap = ds_vizident_caption_in_value(f->value);
        if (strcmp(f->norm, mn) != 0 && cap >= 0 && cap != DS_VIZ_DOCUMENT_NUMBER &&
            cap != DS_VIZ_PASSPORT_NUMBER) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* The MRZ's number followed by another number run into its line
         * (the next cell's: a visa's passport number, 6DHWPM3KHH67908110):
         * two values read as one. */
        if (strcmp(f->norm, mn) != 0 && strlen(mn) >= 6 && strncmp(f->norm, mn, strlen(mn)) == 0) {
            int rest_digits = 0;
            const char *rest = f->norm + strlen(mn);
            for (const char *q = rest; *q; q++)
                rest_digits += isdigit((unsigned char)*q) != 0;
            if (strlen(rest) >= 5 && rest_digits >= 3) {
                f->status = DS_VIZ_UNVERIFIABLE;
                continue;
            }
        }
        /* The MRZ's personal number or optional data read under a number
         * label is that field (the next row's value), never the number. */
        if (strcmp(f->norm, mn) != 0 && strlen(f->norm) >= 5 &&
            (strcmp(f->norm, m->optional_data) == 0 || strcmp(f->norm, m->optional_data2) == 0)) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        /* The holder's name read into the number's line: not the number
         * alone (vizident.h). */
        if (strcmp(f->norm, mn) != 0 && ds_vizident_number_has_name(f->value, m)) {
            f->status = DS_VIZ_UNVERIFIABLE;
            continue;
        }
        size_t lv = strlen(f->norm), lm = strlen(mn);
        if (strcmp(f->norm, mn) == 0 || (lv >= 9 && lv < lm && strncmp(f->norm, mn, lv) == 0) ||
            reread_as_mrz(f)) {
            f->status = DS_VIZ_MATCH;
            continue;
        }
        char a[DS_VIZ_VALUE_MAX], b[DS_VIZ_VALUE_MAX];
        ds_fold_number(f->norm, a, sizeof a);
        ds_fold_number(mn, b, sizeof b);
        if (lv >= 9 && lv < lm)
            b[lv] = 0; /* the printed short form of a TD1 long number */
        int dist = ds_levenshtein(a, b);
        /* Another length: OCR added or lost a character (a border, a
         * blot); that one edit is noise. */
        if (strlen(a) != strlen(b))
            dist--;
        bool one_char_confirmed = false;
        if (strlen(a) == strlen(b)) {
            int half, whole;
            /* Same length: a character OCR confuses with the other (8/6,
             * 1/7, E/F ...: ds_vizident_confusable) weighs half a
             * difference. */
            char_changes(a, b, &half, &whole);
            dist = whole + half / 2;
            /* One other character that no OCR confusion explains, read
             * confidently and repeated by the re-reads, is a changed number. */
            one_char_confirmed = whole == 1 && half == 0 && f->against == 0 &&
                                 f->confidence >= DS_VIZ_MIN_CONF &&
                                 (f->agree >= DS_VIZ_MIN_AGREE + 1 || unanimous(f));
            /* One confusable digit, or two swapped (half 2), only when every
             * reading of every image gave it, the first at 80 or more and
             * four at 50 or more: a glyph misread the same way from four
             * preparations is not what OCR noise looks like. */
            one_char_confirmed = one_char_confirmed ||
                                 (whole == 0 && (half == 1 || half == 2) && unanimous(f) &&
                                  f->confidence >= DS_VIZ_MIN_CONF &&
                                  f->agree >= DS_VIZ_MIN_AGREE + 1);
            /* Either, when the readings were sure of every glyph. */
            one_char_confirmed =
                one_char_confirmed ||
                (((whole == 1 && half == 0) || (whole == 0 && (half == 1 || half == 2))) &&
                 characters_sure(f->reads, f->same, f->sure, f->against));
            /* A letter read where the MRZ has a digit, or a digit for a
             * letter (LOSMPKW47 for L08MPKW47, read so from every image):
             * OCR's own confusion in a number that mixes both, never
             * confirmed. A changed character keeps its kind. */
            one_char_confirmed = one_char_confirmed && same_kinds(f->norm, mn, a, b);
        }
        /* A number has digits and is not much shorter than the MRZ's; a
         * single word of a label ("N", "PASSEPORT") is no number. */
        bool digits = false;
        for (const char *q = f->norm; *q; q++)
            digits = digits || isdigit((unsigned char)*q);
        /* Part of the MRZ's number (the rest hidden under a stamp or cut
         * off by the box) is a partial reading, not another number. */
        bool part = strlen(a) < strlen(b) && strstr(b, a) != NULL;
        /* Another number, read unclearly: the value and every reading of
         * every image (at least four) more than a third of the MRZ
         * number's characters off it, two readings the same, of its length
         * give or take one. A genuine page read badly still gives readings
         * near its own number. The value must not be one read under
         * another label (a visa's "Passport No."). */
        const ds_viz_field *pn = &viz->field[DS_VIZ_PASSPORT_NUMBER];
        bool other_field = id == DS_VIZ_DOCUMENT_NUMBER && pn->found &&
                           ds_levenshtein(pn->norm, f->norm) <= 2;
        bool far = f->reads >= DS_VIZ_MIN_AGREE + 1 && f->near == 0 && f->same >= 2 &&
                   !ds_number_near(a, b) &&
                   f->against == 0 && lv + 1 >= lm && lv <= lm + 1 && !other_field;
        if (((dist >= 2 && (clear_reading(f) || far)) || one_char_confirmed) && digits &&
            lv >= 6 && lv + 3 >= lm && !part)
            mismatch(viz, id, flags, page, mn, &raised, "document number");
        else
            f->status = DS_VIZ_UNVERIFIABLE;
    }
    compare_by_order(viz, m, flags, page, &raised);
    compare_number_by_likeness(viz, m, flags, page, &raised);
    compare_name_by_other(viz, DS_VIZ_SURNAME, m, flags, page, &raised);
    compare_name_by_other(viz, DS_VIZ_GIVEN_NAMES, m, flags, page, &raised);
    return raised;
}
