/*
 * support_values.c: the shapes of values on supporting pages (support_values.h):
 * numbers, IBANs, amounts, street words and postcodes.
 */
#include "page/support_values.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"

static bool in_list_(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

bool ds_sup_has_digit(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s))
            return true;
    return false;
}

/* A word of marks only ("—=", "|"): no letter or digit of ASCII, short. */
bool ds_sup_has_alnum(const char *s)
{
    size_t l = strlen(s);
    for (; *s; s++)
        if (isalnum((unsigned char)*s))
            return true;
    return l > 4;
}


/* A number: the first word with three digits or more, with the digit
 * groups that follow it ("1234 5678"). */
ds_sup_span ds_sup_number_span(const ds_sup_text *t, int a, int b)
{
    ds_sup_span s = {a, a};
    for (int i = a; i < b; i++) {
        int digits = 0;
        for (const char *p = t->w[i].text; *p; p++)
            digits += isdigit((unsigned char)*p) != 0;
        if (digits >= 3) {
            s.a = i;
            s.b = i + 1;
            while (s.b < b && s.b - s.a < 5) {
                const char *q = t->w[s.b].text;
                size_t l = strlen(q);
                bool group = l >= 2 && l <= 6 && strspn(q, "0123456789") == l;
                if (!group)
                    break;
                s.b++;
            }
            return s;
        }
    }
    return s;
}

void ds_sup_number_norm(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        if (isalnum((unsigned char)*in))
            out[o++] = (char)toupper((unsigned char)*in);
    out[o] = 0;
}

/* An IBAN: two letters, two digits, then 10 to 30 letters and digits,
 * written in one word or in groups. */
ds_sup_span ds_sup_iban_span(const ds_sup_text *t, int a, int b, char *norm, size_t cap)
{
    ds_sup_span s = {a, a};
    for (int i = a; i < b; i++) {
        char acc[64] = "";
        size_t n = 0;
        int j = i;
        for (; j < b && n < 34; j++) {
            const char *q = t->w[j].text;
            bool ok = true;
            for (const char *p = q; *p; p++)
                if (!isalnum((unsigned char)*p))
                    ok = false;
            if (!ok || strlen(q) + n > 34)
                break;
            for (const char *p = q; *p; p++)
                acc[n++] = (char)toupper((unsigned char)*p);
            acc[n] = 0;
        }
        if (n >= 14 && isalpha((unsigned char)acc[0]) && isalpha((unsigned char)acc[1]) &&
            isdigit((unsigned char)acc[2]) && isdigit((unsigned char)acc[3])) {
            s.a = i;
            s.b = j;
            snprintf(norm, cap, "%s", acc);
            return s;
        }
    }
    return s;
}

/* An amount: digits with a decimal part of two ("1,234.56", "1.234,56",
 * "£1234.56", "EUR 12,50"); normalised to "1234.56". */
ds_sup_span ds_sup_amount_span(const ds_sup_text *t, int a, int b, char *norm, size_t cap)
{
    ds_sup_span s = {a, a};
    for (int i = a; i < b; i++) {
        const char *q = t->w[i].text;
        char digits[40];
        size_t n = 0;
        int last_sep = -1;
        for (const char *p = q; *p && n + 1 < sizeof digits; p++) {
            if (isdigit((unsigned char)*p))
                digits[n++] = *p;
            else if (*p == '.' || *p == ',')
                last_sep = (int)n;
        }
        digits[n] = 0;
        if (n >= 3 && last_sep == (int)n - 2) {
            snprintf(norm, cap, "%.*s.%s", (int)n - 2, digits, digits + n - 2);
            s.a = i;
            s.b = i + 1;
            return s;
        }
    }
    return s;
}

bool ds_sup_streetish(const char *folded)
{
    static const char *const words[] = {"street", "road", "lane", "avenue", "way", "close",
                                        "drive", "square", "court", "gardens", "st",
                                        "rd", "ave", "strasse", "str", "weg", "platz", "rue",
                                        "avenue", "calle", "via", "straat", "rua", "flat",
                                        "apartment", "viale", "corso", "piazza", "largo",
                                        "vicolo", "avenida", "travessa", "praca", "estrada",
                                        "boulevard", "bd", "bulevardul", "strada", "ul", "laan",
                                        "gracht", "plein", "kade",
                                        /* more of the world's streets: English,
                                         * French, Spanish, Scandinavian, Polish,
                                         * Czech, Hungarian, Romanian, Turkish,
                                         * Vietnamese, Malay and Indonesian,
                                         * Philippine, South Asian */
                                        "crescent", "terrace", "mews",
                                        "highway", "hwy", "blvd", "ln", "cres", "chemin",
                                        "allee", "impasse", "quai", "paseo", "camino",
                                        "carrera", "avda", "rambla", "gatan", "gata", "vej",
                                        "veien", "gade", "aleja", "osiedle",
                                        "ulica", "namesti", "utca", "calea", "aleea", "cad",
                                        "caddesi", "sok", "sokak", "mah",
                                        "mahallesi", "bulvari", "bulvar", "blv", "pho",
                                        "duong", "ngo", "ngach", "jalan", "jl", "jln",
                                        "lorong", "barangay", "brgy", "purok", "nagar",
                                        "gali", NULL};
    /* Dutch and German streets are compounds ("Kerkstraat", "Molenlaan",
     * "Hauptstraße" folded "hauptstrasse"). */
    static const char *const ends[] = {"straat", "gracht", "laan", "plein", "kade", "strasse",
                                       "gatan", "vagen", "gasse", "allee", "utca", NULL};
    char buf[512];
    snprintf(buf, sizeof buf, "%s", folded);
    for (char *save = NULL, *p = strtok_r(buf, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
        if (in_list_(words, p))
            return true;
        size_t n = strlen(p);
        for (const char *const *e = ends; *e; e++)
            if (n > strlen(*e) + 2 && strcmp(p + n - strlen(*e), *e) == 0)
                return true;
    }
    return false;
}


bool ds_sup_prose_word(const char *w)
{
    int n = 0;
    while (isalpha((unsigned char)w[n]))
        n++;
    if (n < 3 || !islower((unsigned char)w[0]))
        return false;
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(w, f, sizeof f);
    return !ds_sup_streetish(f);
}

bool ds_sup_surname_caption(const char *tok)
{
    /* "sumame": surname with its "rn" read as one "m" (small type). */
    static const char *const words[] = {"surname", "sumame", "apellidos", "nachname",
                                        "familienname", "family", "apelidos", "cognome",
                                        "achternaam", "nazwisko", "nume", "soyadi", NULL};
    return in_list_(words, tok);
}

/* A postcode's shape: letters and digits mixed in at most four characters
 * ("BN4", "7JL"), four to six digits, or digits joined by one dash as
 * Portugal and Poland write them ("1100-053", "31-542"); trailing
 * punctuation aside. */
bool ds_sup_postcode_word(const char *w)
{
    int d = 0, a = 0, n = 0, dash = -1;
    for (; *w && !strchr(",.;)", *w); w++, n++) {
        d += isdigit((unsigned char)*w) != 0;
        a += isalpha((unsigned char)*w) != 0;
        if (*w == '-')
            dash = dash < 0 ? n : 99;
    }
    if (dash > 0 && dash < 99 && d == n - 1 && dash < n - 1)
        return (dash == 4 && d == 7) || (dash == 2 && d == 5);
    return (d && a && d + a == n && n <= 4) || (d == n && n >= 4 && n <= 6);
}

bool ds_sup_number_caption(const char *word)
{
    static const char *const words[] = {"no",  "nr",  "nro",  "num", "n",    "d",   "daire",
                                        "kat", "apt", "ap",   "app", "blok", "bl",  "m",
                                        "lok", "et",  "sc",   "int", "flat", "unit", "so", NULL};
    size_t l = word ? strlen(word) : 0;
    if (l < 2 || l > 8 || word[l - 1] != ':')
        return false;
    char raw[16], f[32];
    snprintf(raw, sizeof raw, "%.*s", (int)(l - 1), word);
    ds_text_fold(raw, f, sizeof f);
    return in_list_(words, f);
}
