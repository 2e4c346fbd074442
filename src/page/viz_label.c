/*
 * viz_label.c: the label table and the classification of segments
 * (viz_label.h). Short labels ("au", "bis") must match exactly and only
 * count beside another part; this file never takes a value word for a
 * label on its own, and never reads past a segment's words.
 */
#include "page/viz_label.h"
#include "page/viz.h"
#include "page/viz_seg.h"
#include "page/viz_tess.h"
#include "base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct label_entry {
    int field;          /* ds_viz_field_id, or DS_VIZ_FIELD_NAME_BOTH */
    const char *phrase; /* folded: lower-case ASCII, single spaces */
} label_entry;

#define DS_VIZ_FIELD_NAME_BOTH 100 /* "Surname, given names" on one label */
#define DS_VIZ_FIELD_OTHER 101     /* a known label of a field not read (place of birth ...) */

static const label_entry labels[] = {
    {DS_VIZ_SURNAME, "surname"}, {DS_VIZ_SURNAME, "nom"}, {DS_VIZ_SURNAME, "name"},
    {DS_VIZ_SURNAME, "nachname"}, {DS_VIZ_SURNAME, "familienname"}, {DS_VIZ_SURNAME, "apellidos"},
    {DS_VIZ_SURNAME, "apellido"}, {DS_VIZ_SURNAME, "cognome"}, {DS_VIZ_SURNAME, "achternaam"},
    {DS_VIZ_SURNAME, "naam"}, {DS_VIZ_SURNAME, "nazwisko"}, {DS_VIZ_SURNAME, "soyadi"},
    {DS_VIZ_SURNAME, "prijmeni"}, {DS_VIZ_SURNAME, "efternamn"}, {DS_VIZ_SURNAME, "etternavn"},
    {DS_VIZ_SURNAME, "apelido"}, {DS_VIZ_SURNAME, "apelidos"}, {DS_VIZ_SURNAME, "nom de famille"},
    {DS_VIZ_SURNAME, "last name"}, {DS_VIZ_SURNAME, "family name"},
    {DS_VIZ_GIVEN_NAMES, "given names"}, {DS_VIZ_GIVEN_NAMES, "given name"},
    {DS_VIZ_GIVEN_NAMES, "prenoms"}, {DS_VIZ_GIVEN_NAMES, "prenom"},
    {DS_VIZ_GIVEN_NAMES, "vornamen"}, {DS_VIZ_GIVEN_NAMES, "vorname"},
    {DS_VIZ_GIVEN_NAMES, "nombres"}, {DS_VIZ_GIVEN_NAMES, "nombre"}, {DS_VIZ_GIVEN_NAMES, "nome"},
    {DS_VIZ_GIVEN_NAMES, "nomi"}, {DS_VIZ_GIVEN_NAMES, "voornamen"}, {DS_VIZ_GIVEN_NAMES, "imiona"},
    {DS_VIZ_GIVEN_NAMES, "imie"}, {DS_VIZ_GIVEN_NAMES, "adi"}, {DS_VIZ_GIVEN_NAMES, "jmeno"},
    {DS_VIZ_GIVEN_NAMES, "fornamn"}, {DS_VIZ_GIVEN_NAMES, "fornavn"}, {DS_VIZ_GIVEN_NAMES, "forenames"},
    {DS_VIZ_GIVEN_NAMES, "first names"}, {DS_VIZ_GIVEN_NAMES, "first name"},
    {DS_VIZ_BIRTH_DATE, "date of birth"}, {DS_VIZ_BIRTH_DATE, "birth date"},
    {DS_VIZ_BIRTH_DATE, "date de naissance"}, {DS_VIZ_BIRTH_DATE, "geburtsdatum"},
    {DS_VIZ_BIRTH_DATE, "geburtstag"}, {DS_VIZ_BIRTH_DATE, "fecha de nacimiento"},
    {DS_VIZ_BIRTH_DATE, "data di nascita"}, {DS_VIZ_BIRTH_DATE, "geboortedatum"},
    {DS_VIZ_BIRTH_DATE, "data urodzenia"}, {DS_VIZ_BIRTH_DATE, "dogum tarihi"},
    {DS_VIZ_BIRTH_DATE, "datum narozeni"}, {DS_VIZ_BIRTH_DATE, "fodelsedatum"},
    {DS_VIZ_BIRTH_DATE, "fodselsdato"}, {DS_VIZ_BIRTH_DATE, "data de nascimento"},
    {DS_VIZ_SEX, "sex"}, {DS_VIZ_SEX, "sexe"}, {DS_VIZ_SEX, "sexo"}, {DS_VIZ_SEX, "geschlecht"},
    {DS_VIZ_SEX, "sesso"}, {DS_VIZ_SEX, "geslacht"}, {DS_VIZ_SEX, "plec"}, {DS_VIZ_SEX, "cinsiyeti"},
    {DS_VIZ_SEX, "pohlavi"}, {DS_VIZ_SEX, "kon"}, {DS_VIZ_SEX, "kjonn"},
    {DS_VIZ_NATIONALITY, "nationality"}, {DS_VIZ_NATIONALITY, "nationalite"},
    {DS_VIZ_NATIONALITY, "nacionalidad"}, {DS_VIZ_NATIONALITY, "staatsangehorigkeit"},
    {DS_VIZ_NATIONALITY, "cittadinanza"}, {DS_VIZ_NATIONALITY, "nazionalita"},
    {DS_VIZ_NATIONALITY, "nationaliteit"}, {DS_VIZ_NATIONALITY, "obywatelstwo"},
    {DS_VIZ_NATIONALITY, "uyrugu"}, {DS_VIZ_NATIONALITY, "statni obcanstvi"},
    {DS_VIZ_NATIONALITY, "nationalitet"}, {DS_VIZ_NATIONALITY, "nasjonalitet"},
    {DS_VIZ_NATIONALITY, "nacionalidade"},
    {DS_VIZ_DOCUMENT_NUMBER, "document no"}, {DS_VIZ_DOCUMENT_NUMBER, "document number"},
    {DS_VIZ_DOCUMENT_NUMBER, "no du document"}, {DS_VIZ_DOCUMENT_NUMBER, "n du document"},
    {DS_VIZ_DOCUMENT_NUMBER, "num documento"}, {DS_VIZ_DOCUMENT_NUMBER, "n documento"},
    {DS_VIZ_DOCUMENT_NUMBER, "n o documento"}, {DS_VIZ_DOCUMENT_NUMBER, "ausweisnummer"},
    {DS_VIZ_DOCUMENT_NUMBER, "dokumentnummer"}, {DS_VIZ_DOCUMENT_NUMBER, "documentnummer"},
    {DS_VIZ_DOCUMENT_NUMBER, "nr dokumentu"}, {DS_VIZ_DOCUMENT_NUMBER, "belge no"},
    {DS_VIZ_DOCUMENT_NUMBER, "cislo dokladu"}, {DS_VIZ_DOCUMENT_NUMBER, "dokumentnr"},
    {DS_VIZ_DOCUMENT_NUMBER, "card no"}, {DS_VIZ_DOCUMENT_NUMBER, "numero de documento"},
    {DS_VIZ_DOCUMENT_NUMBER, "num de documento"},
    {DS_VIZ_PASSPORT_NUMBER, "passport no"}, {DS_VIZ_PASSPORT_NUMBER, "passport number"},
    {DS_VIZ_PASSPORT_NUMBER, "no du passeport"}, {DS_VIZ_PASSPORT_NUMBER, "n du passeport"},
    {DS_VIZ_PASSPORT_NUMBER, "pasaporte n"}, {DS_VIZ_PASSPORT_NUMBER, "n pasaporte"},
    {DS_VIZ_PASSPORT_NUMBER, "n o pasaporte"}, {DS_VIZ_PASSPORT_NUMBER, "pass nr"},
    {DS_VIZ_PASSPORT_NUMBER, "passnr"}, {DS_VIZ_PASSPORT_NUMBER, "reisepassnummer"},
    {DS_VIZ_PASSPORT_NUMBER, "passaporto n"}, {DS_VIZ_PASSPORT_NUMBER, "paspoortnr"},
    {DS_VIZ_PASSPORT_NUMBER, "paspoortnummer"}, {DS_VIZ_PASSPORT_NUMBER, "nr paszportu"},
    {DS_VIZ_PASSPORT_NUMBER, "pasaport no"}, {DS_VIZ_PASSPORT_NUMBER, "cislo pasu"},
    {DS_VIZ_PASSPORT_NUMBER, "passnummer"}, {DS_VIZ_PASSPORT_NUMBER, "n passaporte"},
    {DS_VIZ_PASSPORT_NUMBER, "n o passaporte"},
    {DS_VIZ_PASSPORT_NUMBER, "numero de pasaporte"}, {DS_VIZ_PASSPORT_NUMBER, "num de pasaporte"},
    {DS_VIZ_EXPIRY_DATE, "date of expiry"}, {DS_VIZ_EXPIRY_DATE, "expiry date"},
    {DS_VIZ_EXPIRY_DATE, "date d expiration"}, {DS_VIZ_EXPIRY_DATE, "fecha de caducidad"},
    {DS_VIZ_EXPIRY_DATE, "gultig bis"}, {DS_VIZ_EXPIRY_DATE, "data di scadenza"},
    {DS_VIZ_EXPIRY_DATE, "geldig tot"}, {DS_VIZ_EXPIRY_DATE, "data waznosci"},
    {DS_VIZ_EXPIRY_DATE, "gecerlilik tarihi"}, {DS_VIZ_EXPIRY_DATE, "platnost do"},
    {DS_VIZ_EXPIRY_DATE, "sista giltighetsdag"}, {DS_VIZ_EXPIRY_DATE, "utlopsdato"},
    {DS_VIZ_EXPIRY_DATE, "valido ate"}, {DS_VIZ_EXPIRY_DATE, "until"}, {DS_VIZ_EXPIRY_DATE, "au"},
    {DS_VIZ_EXPIRY_DATE, "bis"}, {DS_VIZ_EXPIRY_DATE, "hasta"}, {DS_VIZ_EXPIRY_DATE, "al"},
    {DS_VIZ_EXPIRY_DATE, "tot"}, {DS_VIZ_EXPIRY_DATE, "till"}, {DS_VIZ_EXPIRY_DATE, "til"},
    {DS_VIZ_EXPIRY_DATE, "ate"}, {DS_VIZ_EXPIRY_DATE, "date of expiration"},
    {DS_VIZ_ISSUE_DATE, "date of issue"}, {DS_VIZ_ISSUE_DATE, "date de delivrance"},
    {DS_VIZ_ISSUE_DATE, "ausstellungsdatum"}, {DS_VIZ_ISSUE_DATE, "fecha de expedicion"},
    {DS_VIZ_ISSUE_DATE, "data di rilascio"}, {DS_VIZ_ISSUE_DATE, "datum van afgifte"},
    {DS_VIZ_ISSUE_DATE, "data wydania"}, {DS_VIZ_ISSUE_DATE, "verilis tarihi"},
    {DS_VIZ_ISSUE_DATE, "datum vydani"}, {DS_VIZ_ISSUE_DATE, "utfardandedatum"},
    {DS_VIZ_ISSUE_DATE, "utstedelsesdato"}, {DS_VIZ_ISSUE_DATE, "data de emissao"},
    {DS_VIZ_ISSUE_DATE, "valid from"}, {DS_VIZ_ISSUE_DATE, "valable du"},
    {DS_VIZ_ISSUE_DATE, "gultig vom"}, {DS_VIZ_ISSUE_DATE, "valido desde"},
    /* Finnish, and Greek as its forms print it in Latin letters beside
     * the Greek script (ICAO 9303 captions in those languages); "Expiry"
     * alone as many cards print it. */
    {DS_VIZ_SURNAME, "sukunimi"}, {DS_VIZ_SURNAME, "eponymo"}, {DS_VIZ_SURNAME, "epitheto"},
    {DS_VIZ_GIVEN_NAMES, "etunimet"}, {DS_VIZ_GIVEN_NAMES, "onomata"},
    {DS_VIZ_GIVEN_NAMES, "onoma"},
    {DS_VIZ_BIRTH_DATE, "syntymaaika"}, {DS_VIZ_BIRTH_DATE, "imerominia gennisis"},
    {DS_VIZ_SEX, "sukupuoli"}, {DS_VIZ_SEX, "fylo"},
    {DS_VIZ_NATIONALITY, "kansalaisuus"}, {DS_VIZ_NATIONALITY, "ithageneia"},
    {DS_VIZ_DOCUMENT_NUMBER, "asiakirjan numero"},
    {DS_VIZ_PASSPORT_NUMBER, "passin numero"}, {DS_VIZ_PASSPORT_NUMBER, "arithmos diavatiriou"},
    {DS_VIZ_EXPIRY_DATE, "voimassa"}, {DS_VIZ_EXPIRY_DATE, "imerominia lixis"},
    {DS_VIZ_EXPIRY_DATE, "giltig till"}, {DS_VIZ_EXPIRY_DATE, "expiry"},
    {DS_VIZ_ISSUE_DATE, "myontamispaiva"}, {DS_VIZ_ISSUE_DATE, "imerominia ekdosis"},
    {DS_VIZ_FIELD_OTHER, "place of birth"}, {DS_VIZ_FIELD_OTHER, "lieu de naissance"},
    {DS_VIZ_FIELD_OTHER, "geburtsort"}, {DS_VIZ_FIELD_OTHER, "lugar de nacimiento"},
    {DS_VIZ_FIELD_OTHER, "luogo di nascita"}, {DS_VIZ_FIELD_OTHER, "authority"},
    {DS_VIZ_FIELD_OTHER, "autorite"}, {DS_VIZ_FIELD_OTHER, "behorde"}, {DS_VIZ_FIELD_OTHER, "type"},
    {DS_VIZ_FIELD_OTHER, "code"}, {DS_VIZ_FIELD_OTHER, "personal no"},
    {DS_VIZ_FIELD_OTHER, "holder s signature"}, {DS_VIZ_FIELD_OTHER, "address"},
    {DS_VIZ_FIELD_OTHER, "height"}, {DS_VIZ_FIELD_OTHER, "colour of eyes"},
    {DS_VIZ_FIELD_OTHER, "number of entries"}, {DS_VIZ_FIELD_OTHER, "duration of stay"},
    {DS_VIZ_FIELD_OTHER, "issued in"}, {DS_VIZ_FIELD_OTHER, "remarks"},
    /* Another surname, another number: their captions hold a field's
     * word ("Surname at birth") but name no field compared. */
    {DS_VIZ_FIELD_OTHER, "surname at birth"}, {DS_VIZ_FIELD_OTHER, "birth name"},
    {DS_VIZ_FIELD_OTHER, "name at birth"}, {DS_VIZ_FIELD_OTHER, "previous passport no"},
    {DS_VIZ_FIELD_OTHER, "civil registration no"}, {DS_VIZ_FIELD_OTHER, "marital status"},
    {DS_VIZ_FIELD_OTHER, "blood group"},
};

/* The field a folded phrase names, or -1. Short phrases must match exactly;
 * longer ones allow one edit per six letters (OCR of small print). */
static int label_lookup(const char *p, int *dist)
{
    int best = -1, bestd = 99;
    size_t lp = strlen(p);
    if (lp == 0 || lp > 40)
        return -1;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        const char *q = labels[i].phrase;
        size_t lq = strlen(q);
        int d;
        if (strcmp(p, q) == 0) {
            d = 0;
        } else if (lq >= 6 && (lp + 3 > lq && lp < lq + 3)) {
            d = ds_levenshtein(p, q);
            if (d > (int)lq / 6)
                continue;
        } else {
            continue;
        }
        if (d < bestd) {
            bestd = d;
            best = labels[i].field;
        }
    }
    *dist = bestd;
    return best;
}
/* The number of non-empty parts between '/' or '|' of a label. */
static int nparts_total(const char *raw)
{
    int n = 0;
    bool in = false;
    for (const char *p = raw; *p; p++) {
        if (*p == '/' || *p == '|')
            in = false;
        else if (isalnum((unsigned char)*p) && !in) {
            in = true;
            n++;
        }
    }
    return n;
}

/* Tries the words [a, b) of segment s as a label: each part between '/' and
 * ',' votes for the field it names. Returns the field with most votes (ties
 * go to the smaller total edit distance), DS_VIZ_FIELD_NAME_BOTH for a surname and
 * given-names label, or -1. */
static int classify_raw(char *raw);

static int classify_words(const ds_viz_page *pg, const ds_viz_seg *s, int a, int b)
{
    char raw[DS_VIZ_SEG_TEXT_MAX] = "";
    size_t rl = 0;
    for (int i = a; i < b; i++) {
        const char *t = pg->w[s->first + i].text;
        size_t tl = strlen(t);
        if (rl + tl + 2 >= sizeof raw)
            break;
        if (rl)
            raw[rl++] = ' ';
        memcpy(raw + rl, t, tl + 1);
        rl += tl;
    }
    return classify_raw(raw);
}

/* classify_words on the text of a label as read (modified in place). */
/* words[0..n) joined by single spaces into out (size bytes), as many
 * whole words as fit. */
static void join_words(char *out, size_t size, char *const *words, int n)
{
    out[0] = '\0';
    for (int j = 0; j < n; j++) {
        if (strlen(out) + strlen(words[j]) + 2 > size)
            break;
        if (j)
            strcat(out, " ");
        strcat(out, words[j]);
    }
}

static int classify_raw(char *raw)
{
    char raw_copy[DS_VIZ_SEG_TEXT_MAX];
    snprintf(raw_copy, sizeof raw_copy, "%s", raw);
    int votes[DS_VIZ_FIELD_COUNT] = {0}, dists[DS_VIZ_FIELD_COUNT] = {0};
    int other = 0, nparts = 0, nmatched = 0;
    bool comma_sur = false, comma_given = false;
    char *save = NULL;
    for (char *part = strtok_r(raw, "/|", &save); part; part = strtok_r(NULL, "/|", &save)) {
        char folded[DS_VIZ_SEG_TEXT_MAX];
        ds_text_fold(part, folded, sizeof folded);
        if (!folded[0])
            continue;
        nparts++;
        int d = 0;
        int f = label_lookup(folded, &d);
        if (f < 0 && strchr(part, ',')) {
            /* "Surname, Given names" */
            char sub[DS_VIZ_SEG_TEXT_MAX];
            snprintf(sub, sizeof sub, "%s", part);
            char *c = strchr(sub, ',');
            *c = 0;
            char f1[DS_VIZ_SEG_TEXT_MAX], f2[DS_VIZ_SEG_TEXT_MAX];
            ds_text_fold(sub, f1, sizeof f1);
            ds_text_fold(c + 1, f2, sizeof f2);
            int d1 = 0, d2 = 0;
            if (label_lookup(f1, &d1) == DS_VIZ_SURNAME && label_lookup(f2,
                &d2) == DS_VIZ_GIVEN_NAMES) {
                comma_sur = comma_given = true;
                nmatched++;
                continue;
            }
        }
        if (f < 0) {
            /* OCR may have lost a separator: try single words and pairs. */
            char words[DS_VIZ_SEG_TEXT_MAX];
            snprintf(words, sizeof words, "%s", folded);
            char *tok[16];
            int nt = 0;
            char *sv = NULL;
            for (char *t = strtok_r(words, " ", &sv); t && nt < 16; t = strtok_r(NULL, " ", &sv))
                tok[nt++] = t;
            int fa = 0, fb = 0; /* the words [fa, fb) that named f */
            for (int len = 3; len >= 1 && f < 0; len--)
                for (int i = 0; i + len <= nt && f < 0; i++) {
                    char ph[DS_VIZ_SEG_TEXT_MAX];
                    join_words(ph, sizeof ph, tok + i, len);
                    if (strlen(ph) < 5)
                        continue;
                    f = label_lookup(ph, &d);
                    fa = i;
                    fb = i + len;
                }
            /* "Surname. Given names": the comma read as a point, or lost;
             * the other name's caption among the other words names both,
             * as "Surname / Given names" does. */
            if (f == DS_VIZ_SURNAME || f == DS_VIZ_GIVEN_NAMES) {
                int want = f == DS_VIZ_SURNAME ? DS_VIZ_GIVEN_NAMES : DS_VIZ_SURNAME;
                for (int len = 3; len >= 1; len--)
                    for (int i = 0; i + len <= nt; i++) {
                        if (i < fb && i + len > fa)
                            continue;
                        char ph[DS_VIZ_SEG_TEXT_MAX];
                        join_words(ph, sizeof ph, tok + i, len);
                        int d2 = 0;
                        if (strlen(ph) >= 5 && label_lookup(ph, &d2) == want)
                            comma_sur = comma_given = true;
                    }
            }
        }
        if (f < 0)
            continue;
        /* "au", "bis", "ate" ... name the expiry only beside another part
         * ("bis / Until"): alone they are as likely a misread word. */
        if (f == DS_VIZ_EXPIRY_DATE && strlen(folded) < 5 && nparts_total(raw_copy) < 2)
            continue;
        nmatched++;
        if (f == DS_VIZ_FIELD_OTHER)
            other++;
        else if (f >= 0 && f < DS_VIZ_FIELD_COUNT) {
            votes[f]++;
            dists[f] += d;
        }
    }
    if (nmatched == 0)
        return -1;
    if (comma_sur && comma_given)
        return DS_VIZ_FIELD_NAME_BOTH;
    int best = -1;
    for (int f = 0; f < DS_VIZ_FIELD_COUNT; f++) {
        if (!votes[f])
            continue;
        if (best < 0 || votes[f] > votes[best] || (votes[f] == votes[best] && dists[f] < dists[best]))
            best = f;
    }
    if (best < 0 || other > votes[best])
        return DS_VIZ_FIELD_OTHER;
    /* "Surname" and "Given names" on one label without a comma. */
    if ((best == DS_VIZ_SURNAME || best == DS_VIZ_GIVEN_NAMES) && votes[DS_VIZ_SURNAME] &&
        votes[DS_VIZ_GIVEN_NAMES] && votes[DS_VIZ_SURNAME] == votes[DS_VIZ_GIVEN_NAMES])
        return DS_VIZ_FIELD_NAME_BOTH;
    return best;
}

int ds_viz_label_classify_text(const char *text)
{
    char raw[DS_VIZ_SEG_TEXT_MAX];
    if (!text)
        return -1;
    snprintf(raw, sizeof raw, "%s", text);
    return classify_raw(raw);
}

static bool looks_like_value_word(const char *t)
{
    /* Labels are printed in mixed case; values in capitals or digits. */
    bool lower = false, any = false;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        if (islower(*p))
            lower = true;
        if (isalnum(*p))
            any = true;
    }
    return any && !lower;
}

bool ds_viz_label_enumerator(const char *t)
{
    int alnum = 0, digits = 0, brackets = 0, points = 0;
    for (; t && *t; t++) {
        if (isalnum((unsigned char)*t)) {
            alnum++;
            digits += isdigit((unsigned char)*t) != 0;
        } else if (*t == '(' || *t == ')') {
            brackets++;
        } else if (*t == '.') {
            points++;
        } else if (*t != ' ') {
            return false;
        }
    }
    return alnum >= 1 && alnum <= 2 && (brackets > 0 || (points > 0 && digits == alnum));
}

void ds_viz_label_classify(ds_viz_page *pg)
{
    for (int i = 0; i < pg->ns; i++) {
        ds_viz_seg *s = &pg->s[i];
        s->field = classify_words(pg, s, 0, s->n);
        if (s->field < 0 || s->n < 2)
            continue;
        /* A label followed by its value on the same line: the value words are
         * the trailing capitals/digits when the label alone still classifies. */
        int k = s->n;
        while (k > 1 && looks_like_value_word(pg->w[s->first + k - 1].text))
            k--;
        /* Trailing words that are themselves a caption are its second
         * language printed in capitals ("DATUM NAROZENÍ / DATE OF
         * BIRTH"), no value. */
        if (k < s->n && classify_words(pg, s, 0, k) == s->field &&
            classify_words(pg, s, k, s->n) < 0)
            s->split = k;
        /* A caption printed after its value ("MAR 31 2023 Date of
         * issue"): the leading capitals/digits, when the rest alone still
         * classifies; a caption's number ("(1) Surname") is no value.
         * Used only on a page whose captions follow their values
         * (viz_field.c). */
        int a = 0;
        while (a + 1 < s->n && looks_like_value_word(pg->w[s->first + a].text) &&
               !ds_viz_label_enumerator(pg->w[s->first + a].text))
            a++;
        if (s->split < 0 && a > 0 && classify_words(pg, s, a, s->n) == s->field)
            s->lead = a;
    }
}

int ds_viz_label_in_text(const char *text)
{
    if (!text || !text[0])
        return -1;
    char raw[DS_VIZ_SEG_TEXT_MAX];
    snprintf(raw, sizeof raw, "%s", text);
    char *save = NULL;
    for (char *part = strtok_r(raw, "/|", &save); part; part = strtok_r(NULL, "/|", &save)) {
        char folded[DS_VIZ_SEG_TEXT_MAX];
        ds_text_fold(part, folded, sizeof folded);
        if (!folded[0])
            continue;
        int d = 0, f = label_lookup(folded, &d);
        if (f >= 0)
            return f;
        char words[DS_VIZ_SEG_TEXT_MAX];
        snprintf(words, sizeof words, "%s", folded);
        char *tok[16];
        int nt = 0;
        char *sv = NULL;
        for (char *t = strtok_r(words, " ", &sv); t && nt < 16; t = strtok_r(NULL, " ", &sv))
            tok[nt++] = t;
        for (int len = 3; len >= 1; len--)
            for (int i = 0; i + len <= nt; i++) {
                char ph[DS_VIZ_SEG_TEXT_MAX] = "";
                size_t pl = 0;
                for (int j = 0; j < len; j++) {
                    size_t tl = strlen(tok[i + j]);
                    if (pl + tl + 2 > sizeof ph)
                        break;
                    if (j)
                        ph[pl++] = ' ';
                    memcpy(ph + pl, tok[i + j], tl + 1);
                    pl += tl;
                }
                if (pl < 5)
                    continue;
                f = label_lookup(ph, &d);
                if (f >= 0)
                    return f;
            }
    }
    return -1;
}

int ds_viz_label_squeezed_in(const char *text)
{
    if (!text || !text[0])
        return -1;
    char folded[DS_VIZ_SEG_TEXT_MAX];
    ds_text_fold(text, folded, sizeof folded);
    /* The text's letters, without spaces. */
    char sq[DS_VIZ_SEG_TEXT_MAX];
    size_t n = 0;
    for (const char *p = folded; *p && n + 1 < sizeof sq; p++)
        if (isalpha((unsigned char)*p))
            sq[n++] = *p;
    sq[n] = 0;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        char ph[48];
        size_t k = 0;
        for (const char *q = labels[i].phrase; *q && k + 1 < sizeof ph; q++)
            if (*q != ' ')
                ph[k++] = *q;
        ph[k] = 0;
        if (k >= 8 && strstr(sq, ph))
            return labels[i].field;
    }
    return -1;
}

/* Small print: a caption this much smaller than the page's values (tenths),
 * at most this tall in the reader's frame, is read again alone. */
#define SMALL_OF_VALUE 7
#define SMALL_MAX_H 16
#define SMALL_MAX_ROWS 12

/* A segment that may be a small caption the sparse reading did not make
 * out: no label (or one name only, "Surname, Given names" read short), a
 * third of the values' height smaller, wide enough for a word. */
static bool small_candidate(const ds_viz_seg *s, int vh)
{
    if (s->field >= 0 && s->field != DS_VIZ_SURNAME && s->field != DS_VIZ_GIVEN_NAMES)
        return false;
    return s->h > 3 && s->h <= SMALL_MAX_H && s->h * 10 <= vh * SMALL_OF_VALUE &&
           s->x1 - s->x0 >= 3 * s->h;
}

/* Whether the row's segments members[0..nm) hold a name's caption while
 * the other name's caption was read on another segment. */
static bool row_named_other_named(const ds_viz_page *pg, const int *members, int nm)
{
    int named = -1;
    for (int k = 0; k < nm; k++) {
        int f = pg->s[members[k]].field;
        if (f == DS_VIZ_SURNAME || f == DS_VIZ_GIVEN_NAMES)
            named = f;
    }
    if (named < 0)
        return false;
    int other = named == DS_VIZ_SURNAME ? DS_VIZ_GIVEN_NAMES : DS_VIZ_SURNAME;
    for (int j = 0; j < pg->ns; j++) {
        bool member = false;
        for (int k = 0; k < nm; k++)
            member = member || members[k] == j;
        if (!member && pg->s[j].field == other)
            return true;
    }
    return false;
}

/* Reads box (x, y, w, h of img) scaled by scale as one line into raw. */
static int read_row(TessBaseAPI *api, PIX *img, const int box[4], float scale, int sharpen,
                    char *raw, size_t cap)
{
    ds_viz_word words[24];
    raw[0] = 0;
    int n = ds_viz_tess_scaled(api, img, box, scale, sharpen, words, 24);
    size_t rl = 0;
    for (int i = 0; i < n; i++) {
        size_t tl = strlen(words[i].text);
        if (rl + tl + 2 >= cap)
            break;
        if (rl)
            raw[rl++] = ' ';
        memcpy(raw + rl, words[i].text, tl + 1);
        rl += tl;
    }
    return n;
}

/* The right end of a caption row's ink: from x1, columns of rows
 * top+1 .. top+h-2 with two pixels darker than halfway from the band's
 * darkest grey to its paper, up to a gap of two text heights (at most
 * twelve text heights on). A 150 dpi value's word box can swallow the end
 * of the small caption printed right under it ("Surname, Given n" read
 * apart from "ames" boxed with "William"). */
static int ink_right(PIX *img, int top, int h, int x0, int x1)
{
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int y0 = top + 1, y1 = top + h - 2, xe = x1 + 12 * h < iw ? x1 + 12 * h : iw;
    if (y0 < 0 || y1 >= ih || y1 - y0 < 2 || x0 < 0 || x0 >= xe)
        return x1;
    l_uint32 *data = pixGetData(img);
    int wpl = pixGetWpl(img);
    int hist[256] = {0}, total = 0;
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x < xe; x++) {
            hist[GET_DATA_BYTE(data + y * wpl, x)]++;
            total++;
        }
    int acc = 0, lo = -1, paper = -1;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if (lo < 0 && acc * 50 >= total)
            lo = v;
        if (paper < 0 && acc * 5 >= total * 4)
            paper = v;
    }
    if (lo < 0 || paper - lo < 40)
        return x1;
    int thr = lo + (paper - lo) / 2, edge = x1, gap = 0;
    for (int x = x1 + 1; x < xe; x++) {
        int ink = 0;
        for (int y = y0; y <= y1 && ink < 2; y++)
            ink += GET_DATA_BYTE(data + y * wpl, x) < thr;
        gap = ink >= 2 ? 0 : gap + 1;
        if (ink >= 2)
            edge = x;
        if (gap >= 2 * h)
            break;
    }
    return edge;
}

int ds_viz_label_reread_small(TessBaseAPI *api, PIX *img, ds_viz_page *pg)
{
    if (!api || !img || pixGetDepth(img) != 8)
        return 0;
    int vh = ds_viz_seg_value_height(pg);
    if (vh <= 0)
        return 0;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    bool done[DS_VIZ_PAGE_SEGS] = {false};
    int reads = 0, rows = 0;
    for (int i = 0; i < pg->ns && rows < SMALL_MAX_ROWS; i++) {
        ds_viz_seg *s = &pg->s[i];
        if (done[i] || !small_candidate(s, vh))
            continue;
        done[i] = true;
        /* The caption's row: the small segments that start at its height
         * and follow it with gaps of under three text heights ("4. Číslo
         * dokladu" and "/ Document no." read as two segments). */
        int members[16], nm = 0;
        members[nm++] = i;
        int top = ds_viz_seg_top(pg, i), h = s->h;
        int rx0 = s->x0, rx1 = s->x1;
        for (bool grew = true; grew;) {
            grew = false;
            for (int j = 0; j < pg->ns && nm < 16; j++) {
                const ds_viz_seg *o = &pg->s[j];
                if (done[j] || !small_candidate(o, vh))
                    continue;
                int ot = ds_viz_seg_top(pg, j);
                if (abs(ot - top) * 2 > h || o->x0 > rx1 + 3 * h || o->x1 < rx0 - 3 * h)
                    continue;
                done[j] = true;
                members[nm++] = j;
                rx0 = o->x0 < rx0 ? o->x0 : rx0;
                rx1 = o->x1 > rx1 ? o->x1 : rx1;
                grew = true;
            }
        }
        /* A caption stands by its value: a value-sized segment starts
         * within two value heights of the row's left edge on the row just
         * above or below, or follows it on its own row. A small line by
         * no value (a header's second line, a visa's type) is not read. */
        bool by_value = false;
        for (int j = 0; j < pg->ns && !by_value; j++) {
            const ds_viz_seg *o = &pg->s[j];
            if (o->field >= 0 || o->h * 10 < vh * 8)
                continue;
            int ot = ds_viz_seg_top(pg, j);
            bool stacked = abs(o->x0 - rx0) <= 2 * vh && abs(ot - top) <= 3 * vh;
            bool beside = abs(ot + o->h / 2 - (top + h / 2)) <= vh && o->x0 > rx1 &&
                          o->x0 - rx1 <= 8 * vh;
            by_value = stacked || beside;
        }
        if (!by_value)
            continue;
        /* A row holding one name's caption can change nothing unless it
         * reads as naming both names (below); a page whose other name has
         * a caption of its own on another row prints no such caption. */
        if (row_named_other_named(pg, members, nm))
            continue;
        rows++;
        rx1 = ink_right(img, top, h, rx0, rx1);
        int box[4];
        int mv = h / 2;
        box[0] = rx0 - h > 0 ? rx0 - h : 0;
        box[1] = top - mv > 0 ? top - mv : 0;
        int bx1 = rx1 + h < iw ? rx1 + h : iw;
        int by1 = top + h + mv < ih ? top + h + mv : ih;
        box[2] = bx1 - box[0];
        box[3] = by1 - box[1];
        if (box[2] < 8 || box[3] < 4)
            continue;
        /* Two looks: enlarged to an 18-pixel caption, sharpened over two
         * pixels, then to 24 over three (on 150 dpi captions each reads
         * some rows the other loses). */
        static const struct { int h, sharpen; } looks[2] = {{18, 2}, {24, 3}};
        char text[DS_VIZ_SEG_TEXT_MAX];
        int f = -1;
        for (int k = 0; k < 2 && f < 0; k++) {
            float scale = (float)looks[k].h / (float)h;
            scale = scale < 1.5f ? 1.5f : scale > 3.0f ? 3.0f : scale;
            char raw[DS_VIZ_SEG_TEXT_MAX];
            reads++;
            if (read_row(api, img, box, scale, looks[k].sharpen, raw, sizeof raw) <= 0)
                continue;
            snprintf(text, sizeof text, "%s", raw);
            f = classify_raw(raw);
        }
        if (f < 0)
            continue;
        /* A name label read whole again counts only when it names both
         * names; anything else leaves the sparse reading's label. */
        bool named = false;
        for (int k = 0; k < nm; k++)
            named = named || pg->s[members[k]].field >= 0;
        if (named && f != DS_VIZ_FIELD_NAME_BOTH)
            continue;
        /* The second language of a caption whose first was read
         * ("Date de délivrance" after "Date of issue /"): part of that
         * label, which now spans it; never a label of its own, whose
         * value strip would start in the middle of the value. */
        int before = -1;
        for (int j = 0; j < pg->ns; j++) {
            const ds_viz_seg *o = &pg->s[j];
            bool member = false;
            for (int k = 0; k < nm; k++)
                member = member || members[k] == j;
            if (member || o->field < 0 || o->x1 > rx0 || rx0 - o->x1 > 4 * h ||
                abs(ds_viz_seg_top(pg, j) - top) * 2 > h)
                continue;
            before = j;
        }
        /* A row read as starting with a separator ("| Date de
         * délivrance") is a caption's second language whose first was
         * not read: a part, no label of its own. */
        const char *t0 = text;
        while (*t0 == ' ')
            t0++;
        bool tail = *t0 == '/' || *t0 == '|' || *t0 == '\\';
        if (before >= 0 || tail) {
            for (int k = 0; k < nm; k++) {
                pg->s[members[k]].field = DS_VIZ_FIELD_OTHER;
                pg->s[members[k]].split = -1;
            }
            if (before >= 0 && pg->s[before].x1 < rx1)
                pg->s[before].x1 = rx1;
            continue;
        }
        /* The row is one caption: its first segment carries it, boxed
         * over the whole row at the caption's own height; the others are
         * parts of it, never values. */
        int lead = members[0];
        for (int k = 1; k < nm; k++)
            if (pg->s[members[k]].x0 < pg->s[lead].x0)
                lead = members[k];
        for (int k = 0; k < nm; k++) {
            ds_viz_seg *m = &pg->s[members[k]];
            m->field = members[k] == lead ? f : DS_VIZ_FIELD_OTHER;
            m->split = -1;
        }
        ds_viz_seg *L = &pg->s[lead];
        L->x0 = rx0;
        L->x1 = rx1;
        L->y0 = top;
        L->y1 = top + h;
        snprintf(L->text, sizeof L->text, "%s", text);
    }
    return reads;
}
