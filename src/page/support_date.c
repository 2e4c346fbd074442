/*
 * support_date.c: dates as supporting pages write them (support.h).
 *
 * Numeric dates with '.', '/' or '-' (day, month, year or year, month,
 * day), a day, a month name and a year ("22 April 2025", "5. März 1980",
 * "1er mars 1980", "5 de marzo de 1980", "22-Apr-2025"), or a month name,
 * a day and a year ("April 22, 2025"); month names full or abbreviated, in
 * English, German, French and Spanish. Years have four digits, or two
 * beside a month's name when the screening year is known: the century is
 * then placed by it (a birth not in the future, other dates not more than
 * 20 years ahead), and the field says its year was short.
 *
 * A numeric date whose day and month could each be the other (03/04/2025)
 * is read in the page's order: dotted dates are day first everywhere; a
 * date elsewhere on the page with a day over 12 shows the order; so does
 * the country (a UK postcode or pounds: day first; dollars: month first)
 * or the language of the page's words (German, French, Spanish: day
 * first). When none of these says it, the date is ambiguous: both readings
 * are given and the caller compares both (neither decides a flag alone).
 */
#include "page/support.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "base/text.h"

/* Month names folded (lower case, no accents), full and abbreviated. */
static const char *const month_words[12][16] = {
    {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "janner", "gennaio", "janeiro",
     "januari", NULL},
    {"february", "feb", "februar", "fevrier", "fevr", "fev", "febrero", "febbraio", "fevereiro",
     "februari", NULL},
    {"march", "mar", "marz", "maerz", "mrz", "mars", "marzo", "marco", "maart", "mrt", NULL},
    {"april", "apr", "avril", "avr", "abril", "abr", "aprile", NULL},
    {"may", "mai", "mayo", "maggio", "maio", "mei", NULL},
    {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "giu", NULL},
    {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho", "lug", NULL},
    {"august", "aug", "aout", "agosto", "ago", "augustus", NULL},
    {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro",
     NULL},
    {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "ott", NULL},
    {"november", "nov", "novembre", "noviembre", "novembro", NULL},
    {"december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "dicembre", "dezembro",
     NULL},
};

/* Words a written date may hold between its parts ("5 de marzo de 1980",
 * "the 5th of May 2024", "the 3rd day of March 2021"). */
static const char *const date_fillers[] = {"de", "del", "of", "the", "day", NULL};

int ds_sup_month_word(const char *word)
{
    if (!word || !word[0])
        return 0;
    char f[64];
    ds_text_fold(word, f, sizeof f);
    size_t n = strlen(f);
    while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '.'))
        f[--n] = 0;
    if (n < 3 || strchr(f, ' '))
        return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; month_words[m][k]; k++)
            if (strcmp(f, month_words[m][k]) == 0)
                return m + 1;
    return 0;
}

enum { T_NUM = 1, T_MONTH };

typedef struct dtok {
    int kind;
    int val;    /* the number, or the month 1..12 */
    int digits; /* a number's digit count */
    char sep;   /* what came before it: '.', '/', '-', ' ' (space or comma), 0 first */
} dtok;

/* A digit OCR confuses with a letter, inside a run that has real digits. */
static int confusable_digit(char c)
{
    switch (c) {
    case 'O': case 'o': return 0;
    case 'l': case 'I': case '|': return 1;
    default: return -1;
    }
}

static bool ordinal_suffix(const char *s, size_t n)
{
    static const char *const sfx[] = {"st", "nd", "rd", "th", "er", "re", "e", "o", NULL};
    for (int k = 0; sfx[k]; k++)
        if (strlen(sfx[k]) == n && strncmp(s, sfx[k], n) == 0)
            return true;
    return false;
}

/* An English ordinal's suffix says the number's last digit: "st" 1,
 * "nd" 2, "rd" 3 (not 11-13), "th" any other. When the number read
 * disagrees, its last digit is taken as the suffix's only when the two
 * are digits OCR confuses ("8rd" is "3rd", "27st" is "21st"); "th" proves
 * no digit, so "3th" is no date. True with *v (maybe mended) when the
 * ordinal holds; other languages' suffixes ("1er", "5o") pass as read. */
static bool english_ordinal(int *v, const char *sfx, size_t n)
{
    char a = n == 2 ? (char)tolower((unsigned char)sfx[0]) : 0;
    char b = n == 2 ? (char)tolower((unsigned char)sfx[1]) : 0;
    int want; /* the last digit the suffix proves, 0 for "th" */
    if (a == 's' && b == 't')
        want = 1;
    else if (a == 'n' && b == 'd')
        want = 2;
    else if (a == 'r' && b == 'd')
        want = 3;
    else if (a == 't' && b == 'h')
        want = 0;
    else
        return true;
    int last = *v % 10;
    bool teen = *v % 100 >= 10 && *v % 100 <= 19;
    int is = teen || last == 0 || last > 3 ? 0 : last;
    if (is == want)
        return true;
    if (want == 0 || teen || !ds_digits_confusable((char)('0' + last), (char)('0' + want)))
        return false;
    *v += want - last;
    return true;
}

/* The month (1..12) of a Roman numeral of len bytes at s ("VII", "XII"),
 * the letters and digits OCR reads for I among them ("X1", "1X", "VIL",
 * "V|"), with at least one V, X or I as printed; else 0. */
static int roman_month(const char *s, size_t len)
{
    static const char *const roman[12] = {"I", "II", "III", "IV", "V", "VI",
                                          "VII", "VIII", "IX", "X", "XI", "XII"};
    char r[8];
    bool letter = false;
    if (len == 0 || len > 4)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == 'I' || c == 'V' || c == 'X')
            letter = true;
        else if (c == '1' || c == 'l' || c == 'L' || c == '|' || c == 'i')
            c = 'I';
        else
            return 0;
        r[i] = c;
    }
    r[len] = 0;
    for (int m = 0; letter && m < 12; m++)
        if (strcmp(r, roman[m]) == 0)
            return m + 1;
    return 0;
}

/* Splits text into numbers and month names; false at anything else. */
static bool date_tokens(const char *text, dtok *tok, int cap, int *ntok)
{
    int n = 0;
    char sep = 0;
    const char *p = text;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == ',' || c == '\t') {
            if (sep != '.' && sep != '/' && sep != '-')
                sep = ' ';
            p++;
            continue;
        }
        if (c == '.' || c == '/' || c == '-') {
            if (sep == '.' || sep == '/' || sep == '-')
                return false; /* "12..04" */
            sep = (char)c;
            p++;
            continue;
        }
        const char *s = p;
        bool digit = false;
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80 || *p == '|')) {
            digit |= isdigit((unsigned char)*p) != 0;
            p++;
        }
        if (p == s)
            return false;
        size_t len = (size_t)(p - s);
        if (n >= cap)
            return false;
        /* A month in Roman numerals between separators ("14/VII/1985",
         * "09.XI.2025", OCR's "X1", "1X", "VIL" among them). */
        int rm = (sep == '.' || sep == '/' || sep == '-') && (*p == '.' || *p == '/' || *p == '-')
                     ? roman_month(s, len)
                     : 0;
        if (rm) {
            tok[n++] = (dtok){T_MONTH, rm, 0, sep};
            sep = 0;
            continue;
        }
        /* "1st" read with its 1 as a letter ("Ist March 1957"). */
        if (!digit && len == 3 && (s[0] == 'I' || s[0] == 'l' || s[0] == '|') && s[1] == 's' &&
            s[2] == 't') {
            tok[n++] = (dtok){T_NUM, 1, 1, sep};
            sep = 0;
            continue;
        }
        if (digit) {
            /* digits, confusable letters among them, then maybe an
             * ordinal suffix ("1st", "1er"). */
            int v = 0, nd = 0;
            size_t i = 0;
            for (; i < len; i++) {
                int d = isdigit((unsigned char)s[i]) ? s[i] - '0' : confusable_digit(s[i]);
                if (d < 0)
                    break;
                if (nd >= 4)
                    return false;
                v = v * 10 + d;
                nd++;
            }
            if (i < len && !(nd <= 2 && ordinal_suffix(s + i, len - i)))
                return false;
            if (i < len && !english_ordinal(&v, s + i, len - i))
                return false;
            tok[n++] = (dtok){T_NUM, v, nd, sep};
        } else {
            char w[64];
            if (len >= sizeof w)
                return false;
            memcpy(w, s, len);
            w[len] = 0;
            char f[128];
            ds_text_fold(w, f, sizeof f);
            bool filler = false;
            for (int k = 0; date_fillers[k]; k++)
                filler |= strcmp(f, date_fillers[k]) == 0;
            if (filler && (n > 0 || strcmp(f, "the") == 0)) {
                if (sep != '.' && sep != '/' && sep != '-')
                    sep = ' ';
                continue;
            }
            /* A weekday before the date ("Saturday, 24 May 1980"). */
            if (n == 0 && ds_sup_weekday_word(w)) {
                sep = ' ';
                continue;
            }
            int m = ds_sup_month_word(w);
            if (!m)
                return false;
            tok[n++] = (dtok){T_MONTH, m, 0, sep};
        }
        sep = 0;
    }
    if (sep == '/' || sep == '-')
        return false; /* "22/04/" */
    *ntok = n;
    return true;
}

static void put_iso(char iso[11], int y, int m, int d)
{
    /* Callers pass valid dates (ds_ymd_valid); the bounds keep it 10 bytes. */
    snprintf(iso, 11, "%04d-%02d-%02d", (int)((unsigned)y % 10000u), (int)((unsigned)m % 100u),
             (int)((unsigned)d % 100u));
}

/* The year of a two-digit one: a birth the latest not after year_now,
 * anything else the latest not more than 20 years after it. */
static int full_year(int yy, int year_now, bool birth)
{
    int top = birth ? year_now : year_now + 20;
    int y = top - ((top % 100 - yy + 100) % 100);
    return y;
}

ds_sup_date_result ds_sup_parse_date(const char *text, ds_sup_order order, char iso[11],
                                     char alt[11])
{
    return ds_sup_parse_date_yy(text, order, 0, false, iso, alt, NULL);
}

ds_sup_date_result ds_sup_parse_date_yy(const char *text, ds_sup_order order, int year_now,
                                        bool birth, char iso[11], char alt[11], bool *short_year)
{
    if (iso)
        iso[0] = 0;
    if (alt)
        alt[0] = 0;
    if (short_year)
        *short_year = false;
    if (!text || !iso || !alt || strlen(text) > 96)
        return DS_SUP_DATE_NONE;
    /* Numbers spelt out ("fourteenth day of July, nineteen hundred and
     * eighty-five") in digits (support_numwords.c). */
    char spelt[160];
    if (ds_sup_spell_numbers(text, spelt, sizeof spelt))
        text = spelt;
    dtok t[4];
    int n = 0;
    if (!date_tokens(text, t, 4, &n) || n != 3)
        return DS_SUP_DATE_NONE;
    /* A two-digit year beside a month's name ("3 Mar 21", "Mar 3, 21"):
     * its century placed by the screening year. */
    if (year_now > 0 && year_now < 10000 && t[2].kind == T_NUM && t[2].digits == 2 &&
        ((t[0].kind == T_NUM && t[1].kind == T_MONTH) ||
         (t[0].kind == T_MONTH && t[1].kind == T_NUM))) {
        int y = full_year(t[2].val, year_now, birth);
        int m = t[0].kind == T_MONTH ? t[0].val : t[1].val;
        const dtok *day = t[0].kind == T_NUM ? &t[0] : &t[1];
        if (day->digits > 2 || !ds_ymd_valid(y, m, day->val))
            return DS_SUP_DATE_NONE;
        put_iso(iso, y, m, day->val);
        if (short_year)
            *short_year = true;
        return DS_SUP_DATE_OK;
    }
    if (t[2].kind != T_NUM || t[2].digits != 4) {
        /* year first: 2025-04-22, 2025/04/22, 2025.04.22 */
        if (t[0].kind == T_NUM && t[0].digits == 4 && t[1].kind == T_NUM && t[2].kind == T_NUM &&
            t[1].digits <= 2 && t[2].digits <= 2 && t[1].sep == t[2].sep &&
            (t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.') &&
            ds_ymd_valid(t[0].val, t[1].val, t[2].val)) {
            put_iso(iso, t[0].val, t[1].val, t[2].val);
            return DS_SUP_DATE_OK;
        }
        return DS_SUP_DATE_NONE;
    }
    int y = t[2].val;
    if (t[0].kind == T_NUM && t[1].kind == T_MONTH) { /* 22 April 2025, 22-Apr-2025 */
        if (t[0].digits > 2 || !ds_ymd_valid(y, t[1].val, t[0].val))
            return DS_SUP_DATE_NONE;
        put_iso(iso, y, t[1].val, t[0].val);
        return DS_SUP_DATE_OK;
    }
    if (t[0].kind == T_MONTH && t[1].kind == T_NUM) { /* April 22, 2025 */
        if (t[1].digits > 2 || !ds_ymd_valid(y, t[0].val, t[1].val))
            return DS_SUP_DATE_NONE;
        put_iso(iso, y, t[0].val, t[1].val);
        return DS_SUP_DATE_OK;
    }
    if (t[0].kind != T_NUM || t[1].kind != T_NUM || t[0].digits > 2 || t[1].digits > 2)
        return DS_SUP_DATE_NONE;
    char sep = t[1].sep;
    /* A dot and a slash ("28.02/1985"): a dotted date with one dot read as
     * a slash; day first, as dotted dates are. */
    if ((sep == '.' && t[2].sep == '/') || (sep == '/' && t[2].sep == '.'))
        sep = t[2].sep = '.';
    /* Both slashes lost ("21 03 2027" for 21/03/2027: thin strokes a
     * JPEG's blur took): a numeric date still when day and month are
     * written with two digits each, as no amount or telephone number
     * pairs them with a four-digit year; read as a slashed date. */
    if (sep == ' ' && t[2].sep == ' ' && t[0].digits == 2 && t[1].digits == 2)
        sep = t[2].sep = '/';
    if (sep != t[2].sep || (sep != '.' && sep != '/' && sep != '-'))
        return DS_SUP_DATE_NONE;
    int a = t[0].val, b = t[1].val;
    bool dmy = ds_ymd_valid(y, b, a), mdy = ds_ymd_valid(y, a, b);
    if (!dmy && !mdy)
        return DS_SUP_DATE_NONE;
    if (sep == '.' || a == b || (dmy && !mdy) || (dmy && order == DS_SUP_ORDER_DMY)) {
        if (!dmy)
            return DS_SUP_DATE_NONE; /* "04.22.2025" is no dotted date */
        put_iso(iso, y, b, a);
        return DS_SUP_DATE_OK;
    }
    if ((mdy && !dmy) || (mdy && order == DS_SUP_ORDER_MDY)) {
        put_iso(iso, y, a, b);
        return DS_SUP_DATE_OK;
    }
    put_iso(iso, y, b, a); /* day first */
    put_iso(alt, y, a, b); /* month first */
    return DS_SUP_DATE_AMBIGUOUS;
}

ds_sup_date_result ds_sup_parse_numeric_yy(const char *text, ds_sup_order order, int year_now,
                                           bool birth, char iso[11], char alt[11])
{
    if (iso)
        iso[0] = 0;
    if (alt)
        alt[0] = 0;
    if (!text || !iso || !alt || year_now <= 0 || year_now >= 10000)
        return DS_SUP_DATE_NONE;
    /* Two numbers of one or two digits and one of exactly two, the same
     * separator between them ("14/03/23", "06.07.85"); a mark after the
     * year (a comma, a full stop) is no part of it. */
    int v[3] = {0, 0, 0}, nd[3] = {0, 0, 0}, k = 0;
    char sep = 0;
    const char *q = text;
    for (; *q && k < 3; q++) {
        if (*q >= '0' && *q <= '9') {
            if (++nd[k] > 2)
                return DS_SUP_DATE_NONE;
            v[k] = v[k] * 10 + (*q - '0');
        } else if (k < 2 && nd[k] > 0 && (*q == '/' || *q == '.' || *q == '-') &&
                   (!sep || *q == sep)) {
            sep = *q;
            k++;
        } else
            break;
    }
    if (k != 2 || nd[2] != 2 || (*q && !strchr(",.;:", *q)) || (*q && q[1]))
        return DS_SUP_DATE_NONE;
    int y = full_year(v[2], year_now, birth), a = v[0], b = v[1];
    bool dmy = ds_ymd_valid(y, b, a), mdy = ds_ymd_valid(y, a, b);
    if (!dmy && !mdy)
        return DS_SUP_DATE_NONE;
    if (sep == '.' || a == b || (dmy && !mdy) || (dmy && order == DS_SUP_ORDER_DMY)) {
        if (!dmy)
            return DS_SUP_DATE_NONE;
        put_iso(iso, y, b, a);
        return DS_SUP_DATE_OK;
    }
    if ((mdy && !dmy) || (mdy && order == DS_SUP_ORDER_MDY)) {
        put_iso(iso, y, a, b);
        return DS_SUP_DATE_OK;
    }
    put_iso(iso, y, b, a);
    put_iso(alt, y, a, b);
    return DS_SUP_DATE_AMBIGUOUS;
}

/* ------------------------------------------------------ the page's order */

static bool in_words(const char *const *list, const char *f)
{
    for (; *list; list++)
        if (strcmp(*list, f) == 0)
            return true;
    return false;
}

/* "SW1A 1AA", "M1 1AE": a UK postcode's outward and inward codes. */
static bool uk_postcode(const char *out, const char *in)
{
    size_t lo = strlen(out), li = strlen(in);
    if (lo < 2 || lo > 4 || li != 3)
        return false;
    if (!isdigit((unsigned char)in[0]) || !isupper((unsigned char)in[1]) ||
        !isupper((unsigned char)in[2]))
        return false;
    if (!isupper((unsigned char)out[0]))
        return false;
    size_t i = 1;
    if (i < lo && isupper((unsigned char)out[i]))
        i++;
    if (i >= lo || !isdigit((unsigned char)out[i]))
        return false;
    i++;
    if (i < lo && (isdigit((unsigned char)out[i]) || isupper((unsigned char)out[i])))
        i++;
    return i == lo;
}

/* Is word i a numeric date either order reads (day and month both 12 or
 * under)? Its day-first reading in dmy, its month-first one in mdy. */
static bool two_way(const ds_sup_text *t, int i, char dmy[11], char mdy[11])
{
    const char *w = t->w[i].text;
    if (!isdigit((unsigned char)w[0]) || !(strchr(w, '/') || strchr(w, '-')))
        return false;
    return ds_sup_parse_date(w, DS_SUP_ORDER_UNKNOWN, dmy, mdy) == DS_SUP_DATE_AMBIGUOUS;
}

/* What the page's own dates say of a two-way date's order: the same day
 * printed year first ("01/10/2026" beside "2026-10-01", a payslip's voucher)
 * and a period whose end would come before its start in one order
 * ("02/09/2026 - 01/10/2026" is 2 September to 1 October, not 9 February
 * to 10 January). Adds to *dmy or *mdy. */
static void order_from_dates(const ds_sup_text *t, int *dmy, int *mdy)
{
    enum { MAX_ISO = 16 };
    char isos[MAX_ISO][11];
    int niso = 0;
    for (int i = 0; i < t->nwords && niso < MAX_ISO; i++) {
        const char *w = t->w[i].text;
        char iso[11], alt[11];
        if (strlen(w) >= 10 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[3]) &&
            w[4] == '-' && ds_sup_parse_date(w, DS_SUP_ORDER_UNKNOWN, iso, alt) == DS_SUP_DATE_OK)
            memcpy(isos[niso++], iso, 11);
    }
    for (int i = 0; i < t->nwords; i++) {
        char d1[11], m1[11];
        if (!two_way(t, i, d1, m1) || !strcmp(d1, m1))
            continue;
        for (int k = 0; k < niso; k++) {
            *dmy += !strcmp(isos[k], d1);
            *mdy += !strcmp(isos[k], m1);
        }
        /* "A - B", "A – B", "A to B" on one line: B two-way too. */
        int j = i + 1;
        if (j + 1 < t->nwords && t->w[j].line == t->w[i].line &&
            (!strcmp(t->w[j].text, "-") || !strcmp(t->w[j].text, "\xe2\x80\x93") ||
             !strcmp(t->w[j].text, "to")))
            j++;
        char d2[11], m2[11];
        if (j >= t->nwords || j == i + 1 || t->w[j].line != t->w[i].line || !two_way(t, j, d2, m2))
            continue;
        bool dmy_ok = strcmp(d1, d2) <= 0, mdy_ok = strcmp(m1, m2) <= 0;
        *dmy += dmy_ok && !mdy_ok;
        *mdy += mdy_ok && !dmy_ok;
    }
}

ds_sup_order ds_sup_date_order(const ds_sup_text *t)
{
    if (!t || t->nwords <= 0)
        return DS_SUP_ORDER_UNKNOWN;
    /* Words of German, French and Spanish pages that English ones lack. */
    static const char *const dmy_words[] = {
        "der", "die", "und", "des", "fur", "vom", "ist", "mit", "le", "les", "du", "et", "est",
        "pour", "au", "aux", "el", "los", "las", "del", "y", "por", "para", "con", "datum",
        "fecha", "geburtsdatum", "naissance", "nacimiento", NULL};
    int vote_dmy = 0, vote_mdy = 0, lang = 0, country_dmy = 0, country_mdy = 0;
    for (int i = 0; i < t->nwords; i++) {
        const char *w = t->w[i].text;
        char iso[11], alt[11];
        /* An unambiguous numeric date with '/' or '-' shows the order. */
        if (strchr(w, '/') || strchr(w, '-')) {
            ds_sup_date_result r = ds_sup_parse_date(w, DS_SUP_ORDER_UNKNOWN, iso, alt);
            int a = atoi(w);
            if (r == DS_SUP_DATE_OK && isdigit((unsigned char)w[0]) && a <= 31 && a > 12)
                vote_dmy++;
            else if (r == DS_SUP_DATE_OK && isdigit((unsigned char)w[0]) && a <= 12) {
                const char *s = w + strspn(w, "0123456789");
                int b = (*s == '/' || *s == '-') ? atoi(s + 1) : 0;
                if (b > 12 && b <= 31)
                    vote_mdy++;
            }
        }
        if (strstr(w, "\xc2\xa3") || strcmp(w, "GBP") == 0)
            country_dmy++;
        if (strchr(w, '$') || strcmp(w, "USD") == 0)
            country_mdy++;
        if (strstr(w, "\xe2\x82\xac") || strcmp(w, "EUR") == 0)
            country_dmy++;
        if (i + 1 < t->nwords && t->w[i + 1].line == t->w[i].line && uk_postcode(w, t->w[i + 1].text))
            country_dmy++;
        char f[DS_SUP_WORD_MAX * 2];
        ds_text_fold(w, f, sizeof f);
        if (in_words(dmy_words, f))
            lang++;
    }
    /* A date whose day is over 12 shows the order; where none does, the
     * page's other dates may (order_from_dates). */
    if (!vote_dmy && !vote_mdy)
        order_from_dates(t, &vote_dmy, &vote_mdy);
    if (vote_dmy && !vote_mdy)
        return DS_SUP_ORDER_DMY;
    if (vote_mdy && !vote_dmy)
        return DS_SUP_ORDER_MDY;
    if (vote_dmy && vote_mdy)
        return DS_SUP_ORDER_UNKNOWN; /* the page itself is mixed */
    if (country_dmy && !country_mdy)
        return DS_SUP_ORDER_DMY;
    if (country_mdy && !country_dmy)
        return DS_SUP_ORDER_MDY;
    if (!country_dmy && !country_mdy && lang >= 3)
        return DS_SUP_ORDER_DMY;
    return DS_SUP_ORDER_UNKNOWN;
}

int ds_sup_date_words(const ds_sup_text *t, int a, int b, ds_sup_order order, char iso[11],
                      char alt[11])
{
    if (!t)
        return 0;
    ds_sup_text t0 = *t;
    t0.year_now = 0;
    return ds_sup_date_words_yy(&t0, a, b, order, false, iso, alt, NULL);
}

/* A bar glued before the day ("|3 February 1980"): a table's rule read
 * with the cell, or a 1 ("|3" for 13). Where the page's order settles the
 * date, the reading without the bar is the first and the one with a 1 the
 * second, so that a check needs both to differ (iso, alt as
 * ds_sup_parse_date_yy). */
static void rule_before(const char *buf, ds_sup_order order, int year_now, bool birth,
                        char iso[11], char alt[11])
{
    if (buf[0] != '|' || !isdigit((unsigned char)buf[1]) || alt[0])
        return;
    char iso2[11], alt2[11];
    if (ds_sup_parse_date_yy(buf + 1, order, year_now, birth, iso2, alt2, NULL) ==
            DS_SUP_DATE_NONE ||
        alt2[0] || !strcmp(iso2, iso))
        return;
    memcpy(alt, iso, 11);
    memcpy(iso, iso2, 11);
}

int ds_sup_date_words_yy(const ds_sup_text *t, int a, int b, ds_sup_order order, bool birth,
                         char iso[11], char alt[11], bool *short_year)
{
    if (short_year)
        *short_year = false;
    if (!t || a < 0 || a >= b || b > t->nwords)
        return 0;
    /* Up to 9 words ("5 de marzo de 1980", "fourth day of May, nineteen
     * hundred and sixty-seven"), the longest first, on one line. */
    for (int n = 9; n >= 1; n--) {
        if (a + n > b || t->w[a + n - 1].line != t->w[a].line)
            continue;
        char buf[9 * DS_SUP_WORD_MAX + 8];
        size_t o = 0;
        for (int k = 0; k < n; k++) {
            int m = snprintf(buf + o, sizeof buf - o, "%s%s", k ? " " : "", t->w[a + k].text);
            if (m < 0 || (size_t)m >= sizeof buf - o)
                return 0;
            o += (size_t)m;
        }
        /* Marks glued to the date's last word ("2025>", "1971|": a tick,
         * a table's rule) are no part of it. */
        while (o > 0 && strchr("|<>'\"", buf[o - 1]))
            buf[--o] = 0;
        /* A lone number is no date unless it is written as one. */
        if (o == 0 || (n == 1 && !strpbrk(buf, "./-")))
            continue;
        if (ds_sup_parse_date_yy(buf, order, t->year_now, birth, iso, alt, short_year) !=
            DS_SUP_DATE_NONE) {
            rule_before(buf, order, t->year_now, birth, iso, alt);
            return n;
        }
    }
    return 0;
}
