/*
 * viz_date.c: printed dates (ds_viz_parse_date in viz.h). Day first for
 * numeric dates; a date that cannot be told for sure (a day read in two,
 * a month that lost a digit) is no date. This file never guesses a
 * century and never accepts a day its month does not have.
 */
#include "page/viz.h"
#include "base/base.h"
#include "base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[][12] = {
    {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"},
    {"JANV", "FEVR", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOUT", "SEPT", "OCT", "NOV", "DEC"},
    {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"},
    {"JAN", "FEB", "MAR", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ"},
    {"GEN", "FEB", "MAR", "APR", "MAG", "GIU", "LUG", "AGO", "SET", "OTT", "NOV", "DIC"},
    {"JAN", "FEB", "MRT", "APR", "MEI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC"},
    {"JAN", "FEV", "MAR", "ABR", "MAI", "JUN", "JUL", "AGO", "SET", "OUT", "NOV", "DEZ"},
    {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
     "OCTOBER", "NOVEMBER", "DECEMBER"},
    {"JANVIER", "FEVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE",
     "OCTOBRE", "NOVEMBRE", "DECEMBRE"},
    {"ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO", "SEPTIEMBRE",
     "OCTUBRE", "NOVIEMBRE", "DICIEMBRE"},
    {"JANUAR", "FEBRUAR", "MAERZ", "APRIL", "MAI", "JUNI", "JULI", "AUGUST", "SEPTEMBER",
     "OKTOBER", "NOVEMBER", "DEZEMBER"},
    /* Swedish, Turkish, Finnish and Greek in Latin letters, as their
     * passports print them beside the English month ("14 HEINA/JUL"). */
    {"JAN", "FEB", "MARS", "APR", "MAJ", "JUNI", "JULI", "AUG", "SEPT", "OKT", "NOV", "DEC"},
    {"OCA", "SUB", "MAR", "NIS", "MAY", "HAZ", "TEM", "AGU", "EYL", "EKI", "KAS", "ARA"},
    {"TAMMI", "HELMI", "MAALIS", "HUHTI", "TOUKO", "KESA", "HEINA", "ELO", "SYYS", "LOKA",
     "MARRAS", "JOULU"},
    {"IAN", "FEV", "MAR", "APR", "MAI", "IOUN", "IOUL", "AVG", "SEP", "OKT", "NOE", "DEK"},
};

static int month_of(const char *upper_ascii)
{
    if (!upper_ascii[0])
        return 0;
    if (strcmp(upper_ascii, "MAR") == 0 || strcmp(upper_ascii, "MARZ") == 0)
        return 3;
    for (size_t l = 0; l < sizeof months / sizeof months[0]; l++)
        for (int m = 0; m < 12; m++)
            if (strcmp(upper_ascii, months[l][m]) == 0)
                return m + 1;
    return 0;
}

/* A month in Roman numerals (I to XII, upper-cased), as some states print
 * it ("14 VII 1985"); an L is an I read so ("Vil" for VII). 0 for none. */
static int roman_month(const char *up)
{
    static const char *const roman[12] = {"I", "II", "III", "IV", "V", "VI",
                                          "VII", "VIII", "IX", "X", "XI", "XII"};
    char r[8];
    size_t n = 0;
    for (; up[n] && n + 1 < sizeof r; n++)
        r[n] = up[n] == 'L' ? 'I' : up[n];
    if (up[n])
        return 0;
    r[n] = 0;
    for (int m = 0; m < 12; m++)
        if (strcmp(r, roman[m]) == 0)
            return m + 1;
    return 0;
}

/* An English month's abbreviation ending a word of junk letters: a month
 * printed after its name or number in another script ("6月JUN" read as
 * "SiyMAY", "12月DEC" as "12;yDEC"). 0 for none. */
static int month_tail(const char *up)
{
    size_t n = strlen(up);
    if (n < 4 || n > 8)
        return 0;
    for (int m = 0; m < 12; m++)
        if (strcmp(up + n - 3, months[0][m]) == 0)
            return m + 1;
    return 0;
}

int ds_viz_month_word(const char *word)
{
    if (!word)
        return 0;
    char raw[64];
    snprintf(raw, sizeof raw, "%s", word);
    char *save = NULL;
    for (char *part = strtok_r(raw, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        char f[64];
        ds_text_fold(part, f, sizeof f);
        size_t n = strlen(f);
        if (n < 3 || strchr(f, ' '))
            continue;
        for (size_t i = 0; i < n; i++)
            f[i] = (char)toupper((unsigned char)f[i]);
        int m = month_of(f);
        if (m)
            return m;
    }
    return 0;
}

/* Repairs a token that should be all digits; returns false when it is not. */
static bool digits_of(const char *t, int *val, int *len)
{
    int v = 0, n = 0;
    for (; *t; t++) {
        char c = *t;
        switch (c) {
        case 'O': case 'o': case 'D': case 'Q': c = '0'; break;
        case 'I': case 'l': case 'L': case 'i': case '|': case '!': c = '1'; break;
        case 'S': case 's': c = '5'; break;
        case 'B': c = '8'; break;
        case 'Z': case 'z': c = '2'; break;
        case 'G': c = '6'; break;
        default: break;
        }
        if (c < '0' || c > '9')
            return false;
        if (n >= 4)
            return false;
        v = v * 10 + (c - '0');
        n++;
    }
    *val = v;
    *len = n;
    return n > 0;
}

/* The words of a printed date (accents folded, separators made spaces)
 * into tok, each classified: num/len its digits (OCR's letter-for-digit
 * confusions repaired inside a word with a real digit), -1 for none; mon
 * its month, by name or in Roman numerals, 0 for none. Returns the count
 * (at most 8); f holds the words. */
static int date_words(const char *text, char f[128], char *tok[8], int num[8], int len[8],
                      int mon[8])
{
    /* Keep letters, digits and separators; fold accents (AOÛT -> AOUT). */
    ds_text_fold(text, f, 128);
    /* ds_text_fold turned separators into spaces and lower-cased letters. */
    int nt = 0;
    char *sv = NULL;
    for (char *t = strtok_r(f, " ", &sv); t && nt < 8; t = strtok_r(NULL, " ", &sv))
        tok[nt++] = t;
    for (int i = 0; i < nt; i++) {
        num[i] = -1;
        len[i] = 0;
        mon[i] = 0;
        char up[32];
        size_t k = 0;
        for (; tok[i][k] && k + 1 < sizeof up; k++)
            up[k] = (char)toupper((unsigned char)tok[i][k]);
        up[k] = 0;
        bool alpha = true;
        for (size_t j = 0; up[j]; j++)
            if (!isalpha((unsigned char)up[j]))
                alpha = false;
        if (alpha && ((mon[i] = month_of(up)) != 0 || (mon[i] = roman_month(up)) != 0 ||
                      (mon[i] = month_tail(up)) != 0))
            continue;
        int v, l;
        /* Digits as written by Tesseract; letters only repaired inside a
         * token that has at least one real digit. */
        bool has_digit = false;
        for (size_t j = 0; tok[i][j]; j++)
            if (isdigit((unsigned char)tok[i][j]))
                has_digit = true;
        if (has_digit && digits_of(up, &v, &l)) {
            num[i] = v;
            len[i] = l;
        }
    }
    return nt;
}

bool ds_viz_parse_date_short(const char *text, char yymmdd[9])
{
    if (!text || !yymmdd)
        return false;
    char f[128];
    char *tok[8];
    int num[8], len[8], mon[8];
    int nt = date_words(text, f, tok, num, len, mon);
    /* Exactly a day, a month (digits, or its name in one or more
     * languages that agree, or Roman numerals) and two digits of year;
     * one word more or less and nothing can be told. */
    int ny = nt - 1;
    if (nt < 3 || num[0] < 0 || len[0] > 2 || num[ny] < 0 || len[ny] != 2 ||
        strlen(tok[ny]) != 2 || !isdigit((unsigned char)tok[ny][0]) ||
        !isdigit((unsigned char)tok[ny][1]))
        return false;
    for (int i = 2; i < ny; i++)
        if (!mon[i] || mon[i] != mon[1])
            return false;
    int d = num[0], y = num[ny], m = mon[1];
    if (!m) {
        if (num[1] < 0 || len[1] > 2)
            return false;
        /* A zero-padded day before a one-digit month lost a digit, as
         * ds_viz_parse_date says. */
        if (len[0] == 2 && len[1] == 1 && num[0] < 10)
            return false;
        m = num[1];
    }
    if (!ds_ymd_valid(1900 + y, m, d) && !ds_ymd_valid(2000 + y, m, d))
        return false;
    const int part[3] = {y, m, d};
    for (int k = 0; k < 3; k++) {
        yymmdd[3 * k] = (char)('0' + part[k] / 10);
        yymmdd[3 * k + 1] = (char)('0' + part[k] % 10);
        yymmdd[3 * k + 2] = k < 2 ? '-' : '\0';
    }
    return true;
}

bool ds_viz_parse_date(const char *text, char iso[11])
{
    if (!text || !iso)
        return false;
    char f[128];
    char *tok[8];
    int num[8], len[8], mon[8];
    int nt = date_words(text, f, tok, num, len, mon);
    /* Two years are two dates, or a date and the start of the next one run
     * into one value ("2021-JUN-24 2031" where two fields stand side by
     * side): which day, month and year belong together cannot be told. */
    int years = 0;
    for (int i = 0; i < nt; i++)
        if (num[i] >= 0 && (len[i] == 4 || len[i] == 8))
            years++;
    if (years > 1)
        return false;
    /* Patterns over the tokens: D M Y with a month name (two month names for
     * "AOUT/AUG" must agree), D M Y numeric, Y M D numeric. */
    int d = 0, m = 0, y = 0;
    bool ok = false;
    for (int i = 0; i < nt && !ok; i++) {
        if (num[i] < 0 || len[i] > 2)
            continue;
        /* A one-digit day after a lone digit is a day read in two ("2
         * 8.11.2026" for 28.11.2026): no date can be told. */
        if (len[i] == 1 && i > 0 && num[i - 1] >= 0 && len[i - 1] == 1)
            return false;
        int j = i + 1, mm = 0;
        while (j < nt && mon[j]) {
            if (mm && mon[j] != mm)
                break;
            mm = mon[j];
            j++;
        }
        if (mm && j < nt && num[j] >= 0 && len[j] == 4) {
            /* A day, then the month's number in another script's form
             * ("01 6月JUN 2022" read "01 6 JUN 2022"): the day is the
             * number before it. */
            bool local = i > 0 && num[i] == mm && num[i - 1] >= 0 && len[i - 1] <= 2;
            d = local ? num[i - 1] : num[i];
            m = mm;
            y = num[j];
            ok = ds_ymd_valid(y, m, d);
            continue;
        }
        /* A day padded with a zero before a one-digit month lost a digit
         * or took in a stray one ("03. 01.2 2032" for 03.01.2032): a page
         * pads both or neither, so no date can be told. A day of ten or
         * more has two digits padded or not ("13.2.2003" printed without
         * zeros); vizcheck.c does not take such a date's month for
         * evidence (a lost digit of "13.12.2003"). */
        if (i + 2 < nt && num[i + 1] >= 0 && len[i + 1] <= 2 && num[i + 2] >= 0 && len[i + 2] == 4 &&
            !(len[i] == 2 && len[i + 1] == 1 && num[i] < 10)) {
            d = num[i];
            m = num[i + 1];
            y = num[i + 2];
            ok = ds_ymd_valid(y, m, d);
        }
    }
    /* The month's name first ("JUL 14 1985", "JUL/HEINA 14 1985"): the
     * name settles which number is the day. */
    for (int i = 0; i < nt && !ok; i++) {
        int j = i, mm = 0;
        while (j < nt && mon[j]) {
            if (mm && mon[j] != mm)
                break;
            mm = mon[j];
            j++;
        }
        /* A number before the name makes it no month-first date: a day
         * ("3 JUL 14 1985") or a year ("1985-JUL-14", below). */
        if (!mm || (i > 0 && num[i - 1] >= 0))
            continue;
        if (j + 1 < nt && num[j] >= 0 && len[j] <= 2 && num[j + 1] >= 0 && len[j + 1] == 4) {
            d = num[j];
            m = mm;
            y = num[j + 1];
            ok = ds_ymd_valid(y, m, d);
        }
    }
    /* The year first, then the month's name and the day ("1985-JUL-14",
     * "1985 JUL/JUIL 14"); the day is the last token. */
    for (int i = 0; i < nt && !ok; i++) {
        if (num[i] < 0 || len[i] != 4)
            continue;
        int j = i + 1, mm = 0;
        while (j < nt && mon[j]) {
            if (mm && mon[j] != mm)
                break;
            mm = mon[j];
            j++;
        }
        if (mm && j + 1 == nt && num[j] >= 0 && len[j] <= 2) {
            y = num[i];
            m = mm;
            d = num[j];
            ok = ds_ymd_valid(y, m, d);
        }
    }
    for (int i = 0; i + 2 < nt && !ok; i++) {
        if (num[i] >= 0 && len[i] == 4 && num[i + 1] >= 0 && len[i + 1] <= 2 && num[i + 2] >= 0 &&
            len[i + 2] <= 2 && len[i + 1] == len[i + 2]) {
            y = num[i];
            m = num[i + 1];
            d = num[i + 2];
            ok = ds_ymd_valid(y, m, d);
        }
    }
    /* Run together: "12081974" or "19740812". */
    for (int i = 0; i < nt && !ok; i++) {
        size_t l = strlen(tok[i]);
        if (l != 8)
            continue;
        bool all = true;
        for (size_t j = 0; j < 8; j++)
            if (!isdigit((unsigned char)tok[i][j]))
                all = false;
        if (!all)
            continue;
        int a = atoi(tok[i]);
        if (ds_ymd_valid(a % 10000, (a / 10000) % 100, a / 1000000)) {
            d = a / 1000000;
            m = (a / 10000) % 100;
            y = a % 10000;
            ok = true;
        }
    }
    if (!ok || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    iso[0] = (char)('0' + y / 1000);
    iso[1] = (char)('0' + y / 100 % 10);
    iso[2] = (char)('0' + y / 10 % 10);
    iso[3] = (char)('0' + y % 10);
    iso[4] = '-';
    iso[5] = (char)('0' + m / 10);
    iso[6] = (char)('0' + m % 10);
    iso[7] = '-';
    iso[8] = (char)('0' + d / 10);
    iso[9] = (char)('0' + d % 10);
    iso[10] = '\0';
    return true;
}

bool ds_viz_parse_date_any(const char *text, char out[11])
{
    return ds_viz_parse_date(text, out) || ds_viz_parse_date_short(text, out);
}
