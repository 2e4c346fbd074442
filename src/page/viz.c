/*
 * viz.c: reading and checking the printed data page.
 *
 * The region above the MRZ is cut out, resampled to about 300 dpi (the MRZ
 * pitch, 2.54 mm by ICAO 9303, gives the resolution) and read by Tesseract
 * once in sparse-text mode; nothing else on the page is read. Words are
 * grouped into segments (words on one line with small gaps). A segment is a
 * label when one of its parts (between '/' or ',') is a known field label in
 * any language, compared after folding case and accents, with a small edit
 * distance allowed for longer labels; its value is the non-label segment
 * starting at the same left edge just below, or the rest of the label's own
 * line. This file must never set tessedit_char_whitelist (it makes the LSTM
 * engine several times slower) and never trust a recognised string's length.
 *
 * The comparison with the MRZ is check/vizcheck.c: the check stage owns
 * flags and name matching, and this stage must not depend on it.
 */
#include "page/tess.h"
#include "base/base.h"
#include "page/viz.h"
#include "base/textdist.h"
#include "page/specimen.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tesseract/capi.h>

#define MAX_WORDS 600
#define MAX_SEGS 300
#define WORD_MAX 64
#define SEG_TEXT_MAX 256
#define TARGET_DPI 300.0f
#define MRZ_PITCH_INCH (2.54f / 25.4f)

struct ds_viz_reader {
    TessBaseAPI *api;
};

static const char *const field_names[DS_VIZ_FIELD_COUNT] = {
    "surname", "given_names", "birth_date", "sex", "nationality",
    "document_number", "passport_number", "expiry_date", "issue_date",
};

const char *ds_viz_field_name(ds_viz_field_id id)
{
    return (id >= 0 && id < DS_VIZ_FIELD_COUNT) ? field_names[id] : "unknown";
}

const char *ds_viz_status_name(ds_viz_status s)
{
    switch (s) {
    case DS_VIZ_MATCH: return "match";
    case DS_VIZ_MISMATCH: return "mismatch";
    case DS_VIZ_UNVERIFIABLE: return "unverifiable";
    default: return "not_found";
    }
}

/* ---------------------------------------------------------------------------
 * Text helpers
 * ------------------------------------------------------------------------- */

/* Latin-1 Supplement U+00C0..U+00FF folded to ASCII letters ('.' = drop). */
static const char latin1_fold[64] =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

/* Latin Extended-A U+0100..U+017F folded, two entries per letter pair. */
static const char latin_exta_fold[128] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Decodes one UTF-8 sequence at s (at most n bytes); returns its length
 * (1 for an invalid byte, with *cp = 0xFFFD). */
static int utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC2 && c < 0xE0) ? 2 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Folds UTF-8 text to lower-case ASCII letters and digits separated by
 * single spaces; every other character is a space. */
static void fold_ascii(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0 && o + 3 < cap) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        s += l;
        n -= (size_t)l;
        char f = 0;
        if (cp < 0x80 && isalnum((int)cp))
            f = (char)tolower((int)cp);
        else if (cp >= 0xC0 && cp <= 0xFF)
            f = latin1_fold[cp - 0xC0];
        else if (cp >= 0x100 && cp < 0x180)
            f = latin_exta_fold[cp - 0x100];
        if (f == 's' && cp == 0xDF) {
            out[o++] = 's';
            f = 's';
        }
        if (f && f != '.') {
            out[o++] = (char)tolower((unsigned char)f);
            space = false;
        } else if (!space) {
            out[o++] = ' ';
            space = true;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

/* Copies src into dst[cap], never cutting a UTF-8 sequence in two. */
static void copy_utf8(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return;
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = 0;
}

void ds_viz_fold(const char *in, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    out[0] = 0;
    if (in && cap >= 4)
        fold_ascii(in, out, cap);
}


/* Upper-cases ASCII and Latin-1/Latin Extended-A lower-case letters of UTF-8
 * text and collapses white space; output is cut at a character boundary. */
static void upper_utf8(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            s += l;
            n -= (size_t)l;
            if (!space && o + 1 < cap) {
                out[o++] = ' ';
                space = true;
            }
            continue;
        }
        if (cp < 0x80)
            cp = (unsigned)toupper((int)cp);
        else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
            cp -= 0x20;
        else if (cp >= 0x100 && cp < 0x178 && (cp & 1) && cp != 0x131 && cp != 0x138 && cp != 0x149)
            cp -= 1;
        char enc[4];
        int el;
        if (cp == 0xFFFD) {
            el = 0;
        } else if (cp < 0x80) {
            enc[0] = (char)cp;
            el = 1;
        } else if (cp < 0x800) {
            enc[0] = (char)(0xC0 | (cp >> 6));
            enc[1] = (char)(0x80 | (cp & 0x3F));
            el = 2;
        } else {
            memcpy(enc, s, (size_t)l);
            el = l;
        }
        if (o + (size_t)el + 1 > cap)
            break;
        memcpy(out + o, enc, (size_t)el);
        o += (size_t)el;
        space = false;
        s += l;
        n -= (size_t)l;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

/* ---------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------- */

typedef struct label_entry {
    int field;          /* ds_viz_field_id, or FIELD_NAME_BOTH */
    const char *phrase; /* folded: lower-case ASCII, single spaces */
} label_entry;

#define FIELD_NAME_BOTH 100 /* "Surname, given names" on one label */
#define FIELD_OTHER 101     /* a known label of a field not read (place of birth ...) */

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
    {FIELD_OTHER, "place of birth"}, {FIELD_OTHER, "lieu de naissance"}, {FIELD_OTHER, "geburtsort"},
    {FIELD_OTHER, "lugar de nacimiento"}, {FIELD_OTHER, "luogo di nascita"},
    {FIELD_OTHER, "authority"}, {FIELD_OTHER, "autorite"}, {FIELD_OTHER, "behorde"},
    {FIELD_OTHER, "type"}, {FIELD_OTHER, "code"}, {FIELD_OTHER, "personal no"},
    {FIELD_OTHER, "holder s signature"}, {FIELD_OTHER, "address"}, {FIELD_OTHER, "height"},
    {FIELD_OTHER, "colour of eyes"}, {FIELD_OTHER, "number of entries"},
    {FIELD_OTHER, "duration of stay"}, {FIELD_OTHER, "issued in"}, {FIELD_OTHER, "remarks"},
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

/* ---------------------------------------------------------------------------
 * Words and segments
 * ------------------------------------------------------------------------- */

typedef struct word {
    char text[WORD_MAX];
    int x0, y0, x1, y1;
    float conf;
    float cmin; /* the lowest confidence of its letter and digit symbols (100: none) */
    int line; /* Tesseract's text line */
    int seg;
} word;

typedef struct seg {
    int first, n;  /* words[first .. first+n) after sorting by segment */
    int x0, y0, x1, y1;
    int h;         /* median word height */
    char text[SEG_TEXT_MAX];
    int field;     /* label field, -1 when not a label */
    int split;     /* for a label with its value on the same line: first value word */
    bool used;
} seg;

typedef struct ocr_page {
    word w[MAX_WORDS];
    int nw;
    seg s[MAX_SEGS];
    int ns;
} ocr_page;

static int cmp_word_pos(const void *a, const void *b)
{
    const word *x = a, *y = b;
    if (x->seg != y->seg)
        return x->seg - y->seg;
    return x->x0 - y->x0;
}

static bool is_separator(const char *t)
{
    for (; *t; t++)
        if (*t != '/' && *t != '|' && *t != '\\')
            return false;
    return true;
}

/* Groups words into segments: same line (vertical centres within half the
 * taller word) and horizontal gap under 1.2 word heights. */
static void build_segments(ocr_page *pg)
{
    int n = pg->nw;
    for (int i = 0; i < n; i++)
        pg->w[i].seg = -1;
    /* Order by x so that a left-to-right sweep grows segments. */
    for (int i = 1; i < n; i++) {
        word t = pg->w[i];
        int j = i - 1;
        while (j >= 0 && pg->w[j].x0 > t.x0) {
            pg->w[j + 1] = pg->w[j];
            j--;
        }
        pg->w[j + 1] = t;
    }
    int ns = 0;
    int last[MAX_SEGS];
    for (int i = 0; i < n; i++) {
        word *w = &pg->w[i];
        int h = w->y1 - w->y0, cy = (w->y0 + w->y1) / 2;
        int best = -1, bestgap = 1 << 30;
        for (int s = 0; s < ns; s++) {
            word *l = &pg->w[last[s]];
            int lh = l->y1 - l->y0, lcy = (l->y0 + l->y1) / 2;
            int mh = h > lh ? h : lh, nh = h < lh ? h : lh;
            /* A separator ('/', '|') is drawn taller than the label's
             * letters and must not split the label (a word twice as tall
             * as a separator beside it is no label's: a value of the next
             * line whose box took in the guilloche). */
            bool sep = is_separator(h > lh ? w->text : l->text);
            int gap = w->x0 - l->x1;
            if (w->line == l->line && gap <= (mh * 3) / 2) {
                /* Tesseract put them on one line: only a wide gap splits
                 * (boxes may overlap: a word's box sometimes runs on over
                 * the next). */
            } else {
                if (abs(cy - lcy) * 2 > mh || (nh * 2 < mh && !sep))
                    continue;
                if (gap < -nh || gap > (mh * 6) / 5)
                    continue;
            }
            if (gap < bestgap) {
                bestgap = gap;
                best = s;
            }
        }
        if (best < 0) {
            if (ns >= MAX_SEGS)
                continue;
            best = ns++;
        }
        w->seg = best;
        last[best] = i;
    }
    /* Drop words that found no segment (over MAX_SEGS). */
    int k = 0;
    for (int i = 0; i < n; i++)
        if (pg->w[i].seg >= 0)
            pg->w[k++] = pg->w[i];
    pg->nw = k;
    qsort(pg->w, (size_t)k, sizeof(word), cmp_word_pos);
    pg->ns = ns;
    for (int s = 0; s < ns; s++) {
        memset(&pg->s[s], 0, sizeof(seg));
        pg->s[s].n = 0;
        pg->s[s].field = -1;
        pg->s[s].split = -1;
    }
    for (int i = 0; i < k; i++) {
        seg *s = &pg->s[pg->w[i].seg];
        word *w = &pg->w[i];
        if (s->n == 0) {
            s->first = i;
            s->x0 = w->x0;
            s->y0 = w->y0;
            s->x1 = w->x1;
            s->y1 = w->y1;
        } else {
            s->x0 = s->x0 < w->x0 ? s->x0 : w->x0;
            s->y0 = s->y0 < w->y0 ? s->y0 : w->y0;
            s->x1 = s->x1 > w->x1 ? s->x1 : w->x1;
            s->y1 = s->y1 > w->y1 ? s->y1 : w->y1;
        }
        s->n++;
        size_t tl = strlen(s->text);
        if (tl + strlen(w->text) + 2 < SEG_TEXT_MAX) {
            if (tl)
                s->text[tl++] = ' ';
            strcpy(s->text + tl, w->text);
        }
    }
    for (int s = 0; s < ns; s++) {
        /* The median height of its words with a letter or digit: a '/' is
         * drawn taller, and a box that took in a stroke of the guilloche
         * is too. */
        int hs[64], m = 0;
        for (int pass = 0; pass < 2 && m == 0; pass++)
            for (int i = 0; i < pg->s[s].n && m < 64; i++) {
                const word *w = &pg->w[pg->s[s].first + i];
                bool alnum = false;
                for (const char *q = w->text; *q && !alnum; q++)
                    alnum = isalnum((unsigned char)*q) != 0;
                if (alnum || pass == 1)
                    hs[m++] = w->y1 - w->y0;
            }
        for (int i = 1; i < m; i++)
            for (int j = i; j > 0 && hs[j - 1] > hs[j]; j--) {
                int t = hs[j];
                hs[j] = hs[j - 1];
                hs[j - 1] = t;
            }
        pg->s[s].h = m ? hs[m / 2] : 1;
    }
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
 * go to the smaller total edit distance), FIELD_NAME_BOTH for a surname and
 * given-names label, or -1. */
static int classify_words(const ocr_page *pg, const seg *s, int a, int b)
{
    char raw[SEG_TEXT_MAX] = "";
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
    char raw_copy[SEG_TEXT_MAX];
    memcpy(raw_copy, raw, sizeof raw_copy);
    int votes[DS_VIZ_FIELD_COUNT] = {0}, dists[DS_VIZ_FIELD_COUNT] = {0};
    int other = 0, nparts = 0, nmatched = 0;
    bool comma_sur = false, comma_given = false;
    char *save = NULL;
    for (char *part = strtok_r(raw, "/|", &save); part; part = strtok_r(NULL, "/|", &save)) {
        char folded[SEG_TEXT_MAX];
        fold_ascii(part, folded, sizeof folded);
        if (!folded[0])
            continue;
        nparts++;
        int d = 0;
        int f = label_lookup(folded, &d);
        if (f < 0 && strchr(part, ',')) {
            /* "Surname, Given names" */
            char sub[SEG_TEXT_MAX];
            snprintf(sub, sizeof sub, "%s", part);
            char *c = strchr(sub, ',');
            *c = 0;
            char f1[SEG_TEXT_MAX], f2[SEG_TEXT_MAX];
            fold_ascii(sub, f1, sizeof f1);
            fold_ascii(c + 1, f2, sizeof f2);
            int d1 = 0, d2 = 0;
            if (label_lookup(f1, &d1) == DS_VIZ_SURNAME && label_lookup(f2, &d2) == DS_VIZ_GIVEN_NAMES) {
                comma_sur = comma_given = true;
                nmatched++;
                continue;
            }
        }
        if (f < 0) {
            /* OCR may have lost a separator: try single words and pairs. */
            char words[SEG_TEXT_MAX];
            snprintf(words, sizeof words, "%s", folded);
            char *tok[16];
            int nt = 0;
            char *sv = NULL;
            for (char *t = strtok_r(words, " ", &sv); t && nt < 16; t = strtok_r(NULL, " ", &sv))
                tok[nt++] = t;
            for (int len = 3; len >= 1 && f < 0; len--)
                for (int i = 0; i + len <= nt && f < 0; i++) {
                    char ph[SEG_TEXT_MAX] = "";
                    for (int j = 0; j < len; j++) {
                        if (j)
                            strcat(ph, " ");
                        if (strlen(ph) + strlen(tok[i + j]) + 2 > sizeof ph)
                            break;
                        strcat(ph, tok[i + j]);
                    }
                    if (strlen(ph) < 5)
                        continue;
                    f = label_lookup(ph, &d);
                }
        }
        if (f < 0)
            continue;
        /* "au", "bis", "ate" ... name the expiry only beside another part
         * ("bis / Until"): alone they are as likely a misread word. */
        if (f == DS_VIZ_EXPIRY_DATE && strlen(folded) < 5 && nparts_total(raw_copy) < 2)
            continue;
        nmatched++;
        if (f == FIELD_OTHER)
            other++;
        else if (f >= 0 && f < DS_VIZ_FIELD_COUNT) {
            votes[f]++;
            dists[f] += d;
        }
    }
    if (nmatched == 0)
        return -1;
    if (comma_sur && comma_given)
        return FIELD_NAME_BOTH;
    int best = -1;
    for (int f = 0; f < DS_VIZ_FIELD_COUNT; f++) {
        if (!votes[f])
            continue;
        if (best < 0 || votes[f] > votes[best] || (votes[f] == votes[best] && dists[f] < dists[best]))
            best = f;
    }
    if (best < 0 || other > votes[best])
        return FIELD_OTHER;
    /* "Surname" and "Given names" on one label without a comma. */
    if ((best == DS_VIZ_SURNAME || best == DS_VIZ_GIVEN_NAMES) && votes[DS_VIZ_SURNAME] &&
        votes[DS_VIZ_GIVEN_NAMES] && votes[DS_VIZ_SURNAME] == votes[DS_VIZ_GIVEN_NAMES])
        return FIELD_NAME_BOTH;
    return best;
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

static void classify_segments(ocr_page *pg)
{
    for (int i = 0; i < pg->ns; i++) {
        seg *s = &pg->s[i];
        s->field = classify_words(pg, s, 0, s->n);
        if (s->field < 0 || s->n < 2)
            continue;
        /* A label followed by its value on the same line: the value words are
         * the trailing capitals/digits when the label alone still classifies. */
        int k = s->n;
        while (k > 1 && looks_like_value_word(pg->w[s->first + k - 1].text))
            k--;
        if (k < s->n && classify_words(pg, s, 0, k) == s->field)
            s->split = k;
    }
}

/* ---------------------------------------------------------------------------
 * Values
 * ------------------------------------------------------------------------- */

/* The box x0..x1, y0..y1 of the OCR image (scaled by 1/inv, cut at ox, oy)
 * as x, y, w, h in the caller's frame. */
static void caller_box(int x0, int y0, int x1, int y1, float inv, int ox, int oy, int out[4])
{
    out[0] = ox + (int)lroundf((float)x0 * inv);
    out[1] = oy + (int)lroundf((float)y0 * inv);
    out[2] = (int)lroundf((float)(x1 - x0) * inv);
    out[3] = (int)lroundf((float)(y1 - y0) * inv);
}

static void set_value(ds_viz_field *f, const word *ws, int n, int xlimit, const int lab[4],
                      float inv, int ox, int oy)
{
    char text[SEG_TEXT_MAX] = "";
    size_t tl = 0;
    float conf = 100.0f, cmin = 100.0f;
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    for (int i = 0; i < n; i++) {
        const word *w = &ws[i];
        if (xlimit > 0 && w->x0 >= xlimit)
            break;
        size_t wl = strlen(w->text);
        if (tl + wl + 2 >= sizeof text)
            break;
        if (tl)
            text[tl++] = ' ';
        memcpy(text + tl, w->text, wl + 1);
        tl += wl;
        if (w->conf < conf)
            conf = w->conf;
        if (w->cmin < cmin)
            cmin = w->cmin;
        x0 = w->x0 < x0 ? w->x0 : x0;
        y0 = w->y0 < y0 ? w->y0 : y0;
        x1 = w->x1 > x1 ? w->x1 : x1;
        y1 = w->y1 > y1 ? w->y1 : y1;
    }
    if (!tl)
        return;
    f->found = true;
    copy_utf8(f->value, sizeof f->value, text);
    f->confidence = conf < 0 ? 0 : conf;
    f->char_conf = cmin;
    caller_box(x0, y0, x1, y1, inv, ox, oy, f->bbox);
    memcpy(f->label_bbox, lab, sizeof(int) * 4);
}

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

static bool valid_ymd(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
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

bool ds_viz_parse_date(const char *text, char iso[11])
{
    if (!text || !iso)
        return false;
    char f[128];
    /* Keep letters, digits and separators; fold accents (AOÛT -> AOUT). */
    fold_ascii(text, f, sizeof f);
    /* fold_ascii turned separators into spaces and lower-cased letters. */
    char *tok[8];
    int nt = 0;
    char *sv = NULL;
    for (char *t = strtok_r(f, " ", &sv); t && nt < 8; t = strtok_r(NULL, " ", &sv))
        tok[nt++] = t;
    int num[8], len[8], mon[8];
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
        if (alpha && (mon[i] = month_of(up)) != 0)
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
            d = num[i];
            m = mm;
            y = num[j];
            ok = valid_ymd(y, m, d);
            continue;
        }
        /* A two-digit day before a one-digit month lost a digit or took
         * in a stray one ("03. 01.2 2032" for 03.01.2032): a page pads
         * both or neither, so no date can be told. */
        if (i + 2 < nt && num[i + 1] >= 0 && len[i + 1] <= 2 && num[i + 2] >= 0 && len[i + 2] == 4 &&
            !(len[i] == 2 && len[i + 1] == 1)) {
            d = num[i];
            m = num[i + 1];
            y = num[i + 2];
            ok = valid_ymd(y, m, d);
        }
    }
    for (int i = 0; i + 2 < nt && !ok; i++) {
        if (num[i] >= 0 && len[i] == 4 && num[i + 1] >= 0 && len[i + 1] <= 2 && num[i + 2] >= 0 &&
            len[i + 2] <= 2 && len[i + 1] == len[i + 2]) {
            y = num[i];
            m = num[i + 1];
            d = num[i + 2];
            ok = valid_ymd(y, m, d);
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
        if (valid_ymd(a % 10000, (a / 10000) % 100, a / 1000000)) {
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

static void normalise(ds_viz_field *f, int id)
{
    f->norm[0] = 0;
    switch (id) {
    case DS_VIZ_BIRTH_DATE:
    case DS_VIZ_EXPIRY_DATE:
    case DS_VIZ_ISSUE_DATE: {
        char iso[11];
        if (ds_viz_parse_date(f->value, iso))
            snprintf(f->norm, sizeof f->norm, "%s", iso);
        break;
    }
    case DS_VIZ_SURNAME:
    case DS_VIZ_GIVEN_NAMES: {
        /* Names keep their letters; stray punctuation from OCR goes. */
        char tmp[DS_VIZ_VALUE_MAX];
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof tmp; p++) {
            unsigned char c = (unsigned char)*p;
            if (c >= 0x80 || isalpha(c) || c == ' ' || c == '-' || c == '\'')
                tmp[o++] = (char)c;
            else
                tmp[o++] = ' ';
        }
        tmp[o] = 0;
        upper_utf8(tmp, f->norm, sizeof f->norm);
        break;
    }
    case DS_VIZ_SEX: {
        char up[8] = "";
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof up; p++)
            if (isalpha((unsigned char)*p))
                up[o++] = (char)toupper((unsigned char)*p);
        up[o] = 0;
        /* "M", "F", "X", and bilingual forms like "F/F" or "M/H". */
        if (up[0] == 'M' || up[0] == 'F' || up[0] == 'X') {
            f->norm[0] = up[0];
            f->norm[1] = 0;
        } else if (up[0] == 'W') {
            snprintf(f->norm, sizeof f->norm, "F");
        }
        break;
    }
    default: {
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof f->norm; p++)
            if (isalnum((unsigned char)*p))
                f->norm[o++] = (char)toupper((unsigned char)*p);
        f->norm[o] = 0;
        break;
    }
    }
}

/* Finds each label's value and fills out. */
/* The lowest symbol confidence of the letters and digits of the word the
 * iterator is at. Tesseract's word confidence mixes in how sure it is of
 * the word as a whole (a number such as PG9629853 scores 55 with every
 * character read at 99); a misread character scores low on its own. */
static float symbol_min(const TessResultIterator *it)
{
    float m = 100.0f;
    TessResultIterator *c = TessResultIteratorCopy(it);
    if (!c)
        return 0.0f;
    const TessPageIterator *pc = TessResultIteratorGetPageIteratorConst(c);
    for (int guard = 0; guard < WORD_MAX; guard++) {
        char *s = TessResultIteratorGetUTF8Text(c, RIL_SYMBOL);
        bool alnum = false;
        for (const char *q = s; q && *q; q++)
            alnum = alnum || isalnum((unsigned char)*q);
        TessDeleteText(s);
        if (alnum) {
            float cf = TessResultIteratorConfidence(c, RIL_SYMBOL);
            m = cf < m ? cf : m;
        }
        if (TessPageIteratorIsAtFinalElement(pc, RIL_WORD, RIL_SYMBOL) ||
            !TessResultIteratorNext(c, RIL_SYMBOL))
            break;
    }
    TessResultIteratorDelete(c);
    return m < 0.0f ? 0.0f : m;
}

/*
 * Reads the single line of text inside box (x, y, w, h of the OCR image)
 * again, as one line (PSM 7): a value printed just below its label is read
 * far more reliably alone than among the labels. Fills buf[cap] with the
 * words (coordinates of the whole image) and returns their number.
 */
static int second_look(TessBaseAPI *api, PIX *img, int x, int y, int w, int h, word *buf,
                       int cap)
{
    int n = 0;
    int *nbuf = &n;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    if (x < 0) {
        w += x;
        x = 0;
    }
    if (y < 0) {
        h += y;
        y = 0;
    }
    if (x + w > iw)
        w = iw - x;
    if (y + h > ih)
        h = ih - y;
    if (w < 8 || h < 8)
        return 0;
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
    TessBaseAPISetImage2(api, img);
    TessBaseAPISetRectangle(api, x, y, w, h);
    *nbuf = 0;
    if (TessBaseAPIRecognize(api, NULL) == 0) {
        TessResultIterator *it = TessBaseAPIGetIterator(api);
        if (it) {
            const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
            do {
                if (*nbuf >= cap)
                    break;
                char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
                if (!t)
                    continue;
                int l, tp, rr, b;
                if (t[0] && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &rr, &b) &&
                    rr > l && b > tp) {
                    word *wd = &buf[*nbuf];
                    copy_utf8(wd->text, sizeof wd->text, t);
                    wd->x0 = l;
                    wd->y0 = tp;
                    wd->x1 = rr;
                    wd->y1 = b;
                    wd->conf = TessResultIteratorConfidence(it, RIL_WORD);
                    wd->cmin = symbol_min(it);
                    (*nbuf)++;
                }
                TessDeleteText(t);
            } while (TessResultIteratorNext(it, RIL_WORD));
            TessResultIteratorDelete(it);
        }
    }
    TessBaseAPIClear(api);
    return n;
}

/*
 * A value read below the comparison's confidence bar (80, vizcheck.h) is
 * read again alone: its box with a margin, upscaled, as one line (PSM 7), in
 * grey and binarised (Otsu), at three scales. Only a re-read that agrees with
 * the first one (the same normalised value: the same date, possibly in
 * another printed format, the same name or number) raises the confidence,
 * to that of the re-read: two readings of different images agreeing is the
 * evidence. A re-read that disagrees changes nothing, so it can never make
 * a mismatch out of OCR noise.
 *
 * With the MRZ at hand (ds_viz_read's expect), the effort goes where a
 * decision hangs on it: a date or number that reads as the MRZ says is not
 * read again (nothing to confirm), and one that differs is read by every
 * pass, even when the first reading was confident, counting the readings
 * that agree with it (agree) and those that give the MRZ's value instead
 * (against); check/vizcheck.c weighs them.
 */
#define REREAD_CONF 80.0f
#define REREAD_PASSES 4
#define REREAD_CONSENSUS_MIN 50.0f
/* A first reading this poor is replaced by a re-read this sure of another
 * value (a label's edge read into the value line, say). */
#define REREAD_POOR 50.0f
#define REREAD_SURE 85.0f

/* Walks columns from `from` towards `to` (exclusive) over rows top..bot:
 * the last column with two ink pixels (darker than thr) before a gap of
 * `gap_max` columns without, or `start` when there is none. */
static int ink_edge(const l_uint32 *data, int wpl, int top, int bot, int thr, int start,
                    int from, int to, int gap_max)
{
    int edge = start, gap = 0, step = to > from ? 1 : -1;
    for (int x = from; x != to; x += step) {
        int ink = 0;
        for (int y = top; y <= bot && ink < 2; y++)
            ink += GET_DATA_BYTE(data + y * wpl, x) < thr;
        gap = ink >= 2 ? 0 : gap + 1;
        if (ink >= 2)
            edge = x;
        if (gap >= gap_max)
            break;
    }
    return edge;
}

/*
 * The crop a value is re-read from: its box widened to the ink of its own
 * line. Tesseract's box of a small word can be cut short (the last digit
 * lost) or take in the label above; a single-line read of a crop holding
 * two lines reads neither. A pixel is ink when darker than a third of the
 * way from the crop's darkest grey to its median (the core of the print,
 * not the lighter guilloche). From the box's darkest row the band grows
 * while rows hold an eighth of that row's ink; sideways, columns with two
 * ink pixels in the band are print, and the crop runs to the first gap of
 * a text height on the left (a value starts under its label: further left
 * is a photo's edge or another column) and of two on the right (words of
 * a value sit half a text height apart; a cut digit is lost there).
 * Returns false when the box holds no ink to go by.
 */
static bool ink_crop(PIX *img, const int sb[4], int out[4])
{
    if (pixGetDepth(img) != 8)
        return false;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int h = sb[3] > 4 ? sb[3] : 4;
    int x0 = sb[0] - 2 * h, x1 = sb[0] + sb[2] + 2 * h;
    int y0 = sb[1] - h, y1 = sb[1] + sb[3] + h;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > iw ? iw : x1;
    y1 = y1 > ih ? ih : y1;
    int w = x1 - x0, hh = y1 - y0;
    if (w < 8 || hh < 8 || w > 8192 || hh > 2048)
        return false;
    l_uint32 *data = pixGetData(img);
    int wpl = pixGetWpl(img);
    int hist[256] = {0};
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            hist[GET_DATA_BYTE(data + y * wpl, x)]++;
    int total = w * hh, acc = 0, lo = -1, med = -1;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if (lo < 0 && acc * 50 >= total)
            lo = v;
        if (med < 0 && acc * 2 >= total)
            med = v;
    }
    if (med - lo < 40)
        return false; /* no print darker than the background */
    int thr = lo + (med - lo) / 3;
    int rows[2048] = {0};
    int bx0 = sb[0] > x0 ? sb[0] : x0, bx1 = sb[0] + sb[2] < x1 ? sb[0] + sb[2] : x1;
    for (int y = y0; y < y1; y++)
        for (int x = bx0; x < bx1; x++)
            rows[y - y0] += GET_DATA_BYTE(data + y * wpl, x) < thr;
    /* The darkest row of the box's middle half, then out to the rows
     * without ink (a few pixels of a stroke allowed). */
    int best = -1;
    for (int y = sb[1] + sb[3] / 4; y < sb[1] + (3 * sb[3]) / 4; y++)
        if (y >= y0 && y < y1 && (best < 0 || rows[y - y0] > rows[best - y0]))
            best = y;
    if (best < 0 || rows[best - y0] < 2)
        return false;
    int floor_ink = rows[best - y0] / 8 + 1;
    int top = best, bot = best;
    while (top > y0 && rows[top - 1 - y0] > floor_ink)
        top--;
    while (bot < y1 - 1 && rows[bot + 1 - y0] > floor_ink)
        bot++;
    int th = bot - top + 1;
    if (th < 4)
        return false;
    /* Sideways: from the box's edges to the first gap wide enough. */
    int sx0 = sb[0] - 16 * th > 0 ? sb[0] - 16 * th : 0;
    int sx1 = sb[0] + sb[2] + 16 * th < iw ? sb[0] + sb[2] + 16 * th : iw;
    int left = ink_edge(data, wpl, top, bot, thr, bx0, bx0 - 1, sx0 - 1, th);
    int right = ink_edge(data, wpl, top, bot, thr, bx1 - 1, bx1, sx1, 2 * th);
    int m = th / 3 > 2 ? th / 3 : 2;
    out[0] = left - th > 0 ? left - th : 0;
    out[1] = top - m > 0 ? top - m : 0;
    out[2] = (right + th < iw ? right + th : iw - 1) - out[0] + 1;
    out[3] = (bot + m < ih ? bot + m : ih - 1) - out[1] + 1;
    return true;
}

/* Where a value is re-read from, prepared once for every pass: the crop
 * (its line of ink, or without ink to go by the box with a text height
 * left and right and a quarter above and below) and the threshold the
 * binarised passes use. */
typedef struct reread_crop {
    bool ok;    /* a crop of 8x8 pixels or more of an 8 bpp image */
    bool inked; /* box is ink_crop's */
    int box[4]; /* x, y, w, h in the image */
    int thr;    /* grey values under it are ink; 0: none found */
} reread_crop;

static reread_crop prepare_crop(PIX *img, const int sb[4])
{
    reread_crop c;
    memset(&c, 0, sizeof c);
    if (pixGetDepth(img) != 8)
        return c;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int h = sb[3] > 4 ? sb[3] : 4;
    int x0 = sb[0] - h, y0 = sb[1] - h / 4, x1 = sb[0] + sb[2] + h, y1 = sb[1] + sb[3] + h / 4;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > iw ? iw : x1;
    y1 = y1 > ih ? ih : y1;
    /* Otsu's threshold of the box with a text height around it, as on the
     * crop before it was narrowed to its ink: on a crop that is mostly
     * print it falls too dark and cuts the thin, grey strokes of an
     * upscaled 150 dpi glyph (the diagonal of a 2, leaving a 7). */
    BOX *cb = x1 - x0 >= 8 && y1 - y0 >= 8 ? boxCreate(x0, y0, x1 - x0, y1 - y0) : NULL;
    PIX *ctx = cb ? pixClipRectangle(img, cb, NULL) : NULL, *th = NULL;
    boxDestroy(&cb);
    if (ctx && pixOtsuAdaptiveThreshold(ctx, (int)pixGetWidth(ctx), (int)pixGetHeight(ctx), 0, 0,
                                        0.1f, &th, NULL) == 0 && th) {
        l_uint32 v = 0;
        pixGetPixel(th, 0, 0, &v);
        c.thr = (int)v + 1; /* Leptonica's pixels at or below the threshold are ink */
    }
    pixDestroy(&th);
    pixDestroy(&ctx);
    int ink[4];
    c.inked = ink_crop(img, sb, ink);
    if (c.inked) { /* within the image already */
        x0 = ink[0];
        y0 = ink[1];
        x1 = ink[0] + ink[2];
        y1 = ink[1] + ink[3];
    }
    c.ok = x1 - x0 >= 8 && y1 - y0 >= 8;
    c.box[0] = x0;
    c.box[1] = y0;
    c.box[2] = x1 - x0;
    c.box[3] = y1 - y0;
    return c;
}

/* The passes a value is re-read in: upscale, and Otsu-binarised or not. */
static const struct reread_pass {
    float scale;
    bool bin;
} reread_passes[REREAD_PASSES] = {{2.0f, false}, {2.0f, true}, {3.0f, true}, {1.5f, false}};

/* One pass over a prepared crop (PSM_SINGLE_LINE); the words read into
 * buf, their number returned. */
static int reread_crop_pass(TessBaseAPI *api, PIX *img, const reread_crop *c, int pass, word *buf,
                            int cap)
{
    if (!c->ok)
        return 0;
    float scale = reread_passes[pass].scale;
    BOX *b = boxCreate(c->box[0], c->box[1], c->box[2], c->box[3]);
    PIX *cp = b ? pixClipRectangle(img, b, NULL) : NULL;
    boxDestroy(&b);
    PIX *u = cp ? pixScaleGrayLI(cp, scale, scale) : NULL;
    pixDestroy(&cp);
    if (!u)
        return 0;
    if (reread_passes[pass].bin) {
        PIX *bin = c->thr > 0 ? pixThresholdToBinary(u, c->thr) : NULL;
        pixDestroy(&u);
        if (!bin)
            return 0;
        u = bin;
    }
    int n = second_look(api, u, 0, 0, (int)pixGetWidth(u), (int)pixGetHeight(u), buf, cap);
    pixDestroy(&u);
    return n;
}

/* bbox (the caller's page frame) in the frame of the scaled region the
 * reader works in: caller_box the other way. */
static void region_box(const int bbox[4], float inv, int ox, int oy, int sb[4])
{
    float sc = 1.0f / inv;
    sb[0] = (int)lroundf((float)(bbox[0] - ox) * sc);
    sb[1] = (int)lroundf((float)(bbox[1] - oy) * sc);
    sb[2] = (int)lroundf((float)bbox[2] * sc);
    sb[3] = (int)lroundf((float)bbox[3] * sc);
}

static bool is_date_field(int id)
{
    return id == DS_VIZ_BIRTH_DATE || id == DS_VIZ_EXPIRY_DATE || id == DS_VIZ_ISSUE_DATE;
}

/* The MRZ's value of field id that a reading can be held against, or NULL:
 * complete dates and the document number (not a visa's "Passport No.",
 * which names the holder's passport). */
static const char *expected_of(const ds_mrz *m, int id)
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
    if (is_date_field(id))
        for (int i = 0; i < 10; i++)
            if (i == 4 || i == 7 ? v[i] != '-' : !isdigit((unsigned char)v[i]))
                return NULL; /* '<' for an unknown part: nothing to hold against */
    return v;
}

/* A normalised reading says what the MRZ says: the same date (the MRZ has
 * no century), the same number or its printed short form (TD1). */
static bool reads_as_expected(const char *norm, const char *exp, int id)
{
    if (is_date_field(id))
        return strlen(norm) == 10 && strcmp(norm + 2, exp + 2) == 0;
    size_t n = strlen(norm);
    return strcmp(norm, exp) == 0 || (n >= 9 && n < strlen(exp) && strncmp(norm, exp, n) == 0);
}

/* A number reading within OCR noise of the MRZ's (ds_number_near). */
static bool near_expected(const char *norm, const char *exp, int id)
{
    return !is_date_field(id) && ds_number_near(norm, exp);
}

/* One value the readings of a field gave, with how often and how well. */
typedef struct vote {
    char value[DS_VIZ_VALUE_MAX], norm[DS_VIZ_VALUE_MAX];
    float conf;      /* the most confident reading's word confidence */
    float char_conf; /* and its lowest symbol confidence */
    int n, agree, sure;
} vote;

static void count_vote(vote *v, int *nv, int cap, const ds_viz_field *g)
{
    int k = 0;
    while (k < *nv && strcmp(v[k].norm, g->norm) != 0)
        k++;
    if (k == *nv) {
        if (*nv >= cap)
            return;
        memset(&v[k], 0, sizeof v[k]);
        copy_utf8(v[k].value, sizeof v[k].value, g->value);
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
        copy_utf8(v[k].value, sizeof v[k].value, g->value);
    }
}

static void reread_value(TessBaseAPI *api, PIX *img, ds_viz_field *f, int id, float inv, int ox,
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
    f->near = expect && near_expected(f->norm, expect, id);
    bool differs = expect && !reads_as_expected(f->norm, expect, id);
    if (expect && !differs)
        return; /* the MRZ's value: nothing hangs on confirming it */
    if (!differs && f->confidence >= REREAD_CONF)
        return;
    int sb[4];
    region_box(f->bbox, inv, ox, oy, sb);
    if (sb[2] <= 0 || sb[3] <= 0)
        return;
    reread_crop crop = prepare_crop(img, sb);
    word look[24];
    /* The values read, the first reading's first. */
    vote votes[REREAD_PASSES + 1];
    int nv = 0;
    count_vote(votes, &nv, REREAD_PASSES + 1, f);
    for (int pass = 0; pass < REREAD_PASSES; pass++) {
        /* Two re-reads that gave the MRZ's value: the first reading was
         * wrong. Two that both disagree with a value no decision hangs on:
         * nothing to confirm. Either way, stop paying for OCR. (A value
         * that differs from the MRZ is otherwise read by every pass: on
         * these small crops that costs no measurable time.) */
        if (pass == 2 && ((!differs && votes[0].n == 1) || f->against >= 2))
            break;
        int n = reread_crop_pass(api, img, &crop, pass, look, 24);
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
        set_value(&g, &look[a], n - a, 0, lab, 1.0f, 0, 0);
        if (!g.found)
            continue;
        normalise(&g, id);
        if (!g.norm[0])
            continue;
        f->reads++;
        if (expect && near_expected(g.norm, expect, id))
            f->near++;
        if (expect && reads_as_expected(g.norm, expect, id)) {
            f->against++;
            continue;
        }
        count_vote(votes, &nv, REREAD_PASSES + 1, &g);
        if (!differs && votes[0].conf >= REREAD_CONF)
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
    const vote *v = &votes[w];
    float best = v->conf;
    if (w != 0) {
        copy_utf8(f->value, sizeof f->value, v->value);
        snprintf(f->norm, sizeof f->norm, "%s", v->norm);
        f->char_conf = v->char_conf;
        /* A value no other reading repeated stays below the bar. */
        if (v->n == 1 && best >= REREAD_CONF)
            best = REREAD_CONF - 1.0f;
    }
    f->same = v->n;
    f->agree = v->agree;
    f->sure = v->sure;
    /* A date off the MRZ's: the readings that keep its differing digits
     * (a binarised pass may misread another digit of the same date). */
    f->keep = 0;
    if (differs && is_date_field(id) && strlen(v->norm) == 10 && strlen(expect) == 10)
        for (int k = 0; k < nv; k++) {
            bool kept = strlen(votes[k].norm) == 10;
            for (int c = 2; c < 10 && kept; c++)
                if (v->norm[c] != expect[c] && votes[k].norm[c] != v->norm[c])
                    kept = false;
            f->keep += kept ? votes[k].n : 0;
        }
    /* A date read the same by the first pass and by every re-read, each at
     * REREAD_CONSENSUS_MIN or more: five readings of four different images
     * agreeing on a valid date is as clear as one confident read. */
    if (is_date_field(id) && f->agree >= REREAD_PASSES + 1 && best < REREAD_CONF)
        best = REREAD_CONF;
    if (best >= REREAD_CONF && f->confidence < REREAD_CONF)
        out->reread_raised++;
    f->confidence = best;
}

static void assign_values(ocr_page *pg, ds_viz *out, float inv, int ox, int oy,
                          TessBaseAPI *api, PIX *img, const ds_mrz *expect)
{
    word look[24];
    for (int i = 0; i < pg->ns; i++) {
        seg *L = &pg->s[i];
        if (L->field < 0 || L->field == FIELD_OTHER)
            continue;
        int ids[2] = {L->field, -1};
        if (L->field == FIELD_NAME_BOTH) {
            ids[0] = DS_VIZ_SURNAME;
            ids[1] = DS_VIZ_GIVEN_NAMES;
        }
        if (ids[0] < 0 || ids[0] >= DS_VIZ_FIELD_COUNT || out->field[ids[0]].found)
            continue;
        int lab[4];
        caller_box(L->x0, L->y0, L->x1, L->y1, inv, ox, oy, lab);
        /* The next label to the right on the same row bounds the value. */
        int xlimit = 0;
        for (int j = 0; j < pg->ns; j++) {
            seg *o = &pg->s[j];
            if (j == i || o->field < 0 || o->field == L->field || o->x0 <= L->x1)
                continue;
            if (abs((o->y0 + o->y1) / 2 - (L->y0 + L->y1) / 2) * 2 > L->h + o->h)
                continue;
            if (!xlimit || o->x0 < xlimit)
                xlimit = o->x0;
        }
        ds_viz_field tmp;
        memset(&tmp, 0, sizeof tmp);
        if (L->split > 0) {
            set_value(&tmp, &pg->w[L->first + L->split], L->n - L->split, xlimit, lab, inv, ox, oy);
        } else {
            /* The value line: from the label's left edge (less a little) to the
             * next label, from the label's bottom to three label heights below. */
            int h = L->h > 4 ? L->h : 4;
            int bx = L->x0 - h, by = L->y1 - h / 5;
            int bw = (xlimit > 0 ? xlimit - h / 2 : (int)pixGetWidth(img)) - bx;
            int bh = 3 * h;
            int n = second_look(api, img, bx, by, bw, bh, look, 24);
            /* Words that start left of the box belong to something else. */
            int k = 0;
            for (int j = 0; j < n; j++)
                if (look[j].x0 >= bx + h / 2 || j > 0)
                    look[k++] = look[j];
            /* Trailing guilloche or the edge of a photo reads as low-confidence
             * junk after the value. */
            while (k > 1 && look[k - 1].conf < 50.0f)
                k--;
            set_value(&tmp, look, k, 0, lab, inv, ox, oy);
            /* A date field whose second look gave no date ("11" of
             * "11 MAY 1998", the rest lost to the crop's binarisation)
             * falls back like an empty one, and takes the sparse reading
             * when that is a date. */
            char iso[11];
            bool no_date = tmp.found && is_date_field(ids[0]) && !ds_viz_parse_date(tmp.value, iso);
            if (!tmp.found || no_date) {
                /* Fall back on the sparse reading: the segment just below. */
                const seg *V = NULL;
                int bestdy = 1 << 30;
                for (int j = 0; j < pg->ns; j++) {
                    seg *c = &pg->s[j];
                    if (j == i || c->field >= 0)
                        continue;
                    int dy = c->y0 - L->y1;
                    int vh = c->h > L->h ? c->h : L->h;
                    /* A value whose box took in the label's row (words of
                     * a 150 dpi page boxed with the small label above)
                     * still ends at least half its height below it. */
                    bool overlaps = dy < -L->h / 2 && c->y0 >= L->y0 - L->h &&
                                    2 * (c->y1 - L->y1) >= c->y1 - c->y0;
                    if ((dy < -L->h / 2 && !overlaps) || dy > 2 * vh ||
                        abs(c->x0 - L->x0) > vh + L->h)
                        continue;
                    if (dy < bestdy) {
                        bestdy = dy;
                        V = c;
                    }
                }
                ds_viz_field sparse;
                memset(&sparse, 0, sizeof sparse);
                if (V)
                    set_value(&sparse, &pg->w[V->first], V->n, xlimit, lab, inv, ox, oy);
                if (sparse.found && (!no_date || ds_viz_parse_date(sparse.value, iso)))
                    tmp = sparse;
            }
        }
        if (!tmp.found)
            continue;
        if (ids[1] < 0) {
            normalise(&tmp, ids[0]);
            reread_value(api, img, &tmp, ids[0], inv, ox, oy, expected_of(expect, ids[0]), out);
        }
        if (ids[1] >= 0) {
            /* "SURNAME, GIVEN NAMES" */
            ds_viz_field g = tmp;
            char *c = strchr(tmp.value, ',');
            if (c) {
                *c = 0;
                const char *rest = c + 1;
                while (*rest == ' ')
                    rest++;
                copy_utf8(g.value, sizeof g.value, rest);
                normalise(&g, DS_VIZ_GIVEN_NAMES);
                out->field[DS_VIZ_GIVEN_NAMES] = g;
            }
        }
        normalise(&tmp, ids[0]);
        out->field[ids[0]] = tmp;
    }
}

static bool boxes_meet(const int a[4], const int b[4])
{
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/* Keeps a reading of key in list (*n entries of cap): a new entry, or the
 * entry of the same key when this reading is more confident. With
 * by_place, the same key printed elsewhere (boxes apart) is another entry:
 * a visa prints its start date twice, as "Valid from" and as the date of
 * issue. bbox is in the caller's frame. */
static void keep_token(ds_viz_token *list, int *n, int cap, const char *key, const char *value,
                       float conf, const int bbox[4], bool by_place)
{
    int j = 0;
    while (j < *n && (strcmp(list[j].key, key) != 0 || (by_place && !boxes_meet(list[j].bbox, bbox))))
        j++;
    if (j == *n) {
        if (*n >= cap)
            return;
        (*n)++;
    } else if (list[j].confidence >= conf) {
        return;
    }
    ds_viz_token *t = &list[j];
    snprintf(t->key, sizeof t->key, "%s", key);
    copy_utf8(t->value, sizeof t->value, value);
    t->confidence = conf < 0 ? 0 : conf;
    memcpy(t->bbox, bbox, sizeof t->bbox);
}

/* Every date printed on the page, labelled or not: each run of one to four
 * words of a segment that parses as a date, at its most confident. */
static void collect_dates(const ocr_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->ns; i++) {
        const seg *s = &pg->s[i];
        /* Every run that parses: a label's or a neighbour's words read
         * into the segment lower the confidence of the longer runs. */
        for (int len = s->n < 4 ? s->n : 4; len >= 1; len--)
            for (int a = 0; a + len <= s->n; a++) {
                /* Not the end of a day read in two ("2" "8.11.2026"). */
                const char *prev = a > 0 ? pg->w[s->first + a - 1].text : "";
                const char *first = pg->w[s->first + a].text;
                if (isdigit((unsigned char)prev[0]) && !prev[1] &&
                    isdigit((unsigned char)first[0]) && !isdigit((unsigned char)first[1]))
                    continue;
                ds_viz_field g;
                memset(&g, 0, sizeof g);
                int lab[4] = {0, 0, 0, 0};
                set_value(&g, &pg->w[s->first + a], len, 0, lab, inv, ox, oy);
                char iso[11];
                if (g.found && ds_viz_parse_date(g.value, iso))
                    keep_token(out->dates, &out->ndates, DS_VIZ_MAX_DATES, iso, g.value,
                               g.confidence, g.bbox, true);
            }
    }
}

/* Of the runs of one to four of the words that parse as a date, the most
 * confident (junk read beside a date lowers a longer run's), into g
 * (normalised); false when none parses. */
static bool date_in_words(const word *ws, int n, ds_viz_field *g)
{
    bool found = false;
    for (int a = 0; a < n; a++)
        for (int len = 1; len <= 4 && a + len <= n; len++) {
            ds_viz_field c;
            memset(&c, 0, sizeof c);
            int lab[4] = {0, 0, 0, 0};
            set_value(&c, &ws[a], len, 0, lab, 1.0f, 0, 0);
            normalise(&c, DS_VIZ_BIRTH_DATE);
            if (c.norm[0] && (!found || c.confidence > g->confidence)) {
                *g = c;
                found = true;
            }
        }
    return found;
}

/* Every pass over a crop, the dates they read voted on into votes
 * (REREAD_PASSES of them); with give_up, two passes without a date end
 * it. Returns the number of different dates. */
static int vote_dates(TessBaseAPI *api, PIX *img, const reread_crop *crop, bool give_up,
                      vote *votes, ds_viz *out)
{
    int nv = 0;
    word look[24];
    for (int pass = 0; pass < REREAD_PASSES; pass++) {
        if (give_up && pass == 2 && nv == 0)
            break;
        int n = reread_crop_pass(api, img, crop, pass, look, 24);
        out->rereads++;
        ds_viz_field g;
        if (date_in_words(look, n, &g))
            count_vote(votes, &nv, REREAD_PASSES, &g);
    }
    return nv;
}

/* The page's dates include the MRZ's birth and expiry dates, each read
 * clearly: no other date of the page can change a comparison, and the
 * search for broken dates (their re-reads cost most of a page's OCR time)
 * is skipped. Guidance moves effort only. */
static bool mrz_dates_read(const ds_viz *v, const ds_mrz *expect)
{
    const char *want[2] = {expected_of(expect, DS_VIZ_BIRTH_DATE),
                           expected_of(expect, DS_VIZ_EXPIRY_DATE)};
    for (int k = 0; k < 2; k++) {
        bool seen = false;
        for (int i = 0; want[k] && i < v->ndates && !seen; i++)
            seen = v->dates[i].confidence >= REREAD_CONF &&
                   reads_as_expected(v->dates[i].key, want[k], DS_VIZ_BIRTH_DATE);
        if (!seen)
            return false;
    }
    return true;
}

/* A word that looks like part of a date but belongs to no date the sparse
 * pass read ("08/10/195": a digit lost at a small print's edge; "29" of
 * "29 OCT 1941" read into one segment with its label above) is read again
 * on its own line (ink_crop), like a field's value; a date that two or
 * more of those readings give joins the page's dates. */
static void reread_broken_dates(TessBaseAPI *api, PIX *img, const ocr_page *pg, ds_viz *out,
                                float inv, int ox, int oy)
{
    int tried[16][4], ntried = 0;
    for (int i = 0; i < pg->nw && ntried < 16; i++) {
        const word *w = &pg->w[i];
        int digits = 0, seps = 0, other = 0;
        for (const char *q = w->text; *q; q++) {
            if (isdigit((unsigned char)*q))
                digits++;
            else if (*q == '/' || *q == '.' || *q == '-')
                seps++;
            else
                other++;
        }
        int val = atoi(w->text);
        bool numeric_date = digits >= 5 && digits <= 8 && seps >= 1;
        bool day = digits >= 1 && digits <= 2 && !seps && other <= 1 && val >= 1 && val <= 31;
        bool year = digits == 4 && !seps && other <= 1 && val >= 1900 && val <= 2099;
        if (!numeric_date && !day && !year)
            continue;
        int cb[4];
        caller_box(w->x0, w->y0, w->x1, w->y1, inv, ox, oy, cb);
        bool known = false;
        for (int k = 0; k < out->ndates && !known; k++)
            known = boxes_meet(out->dates[k].bbox, cb);
        if (known)
            continue;
        int sb[4] = {w->x0, w->y0, w->x1 - w->x0, w->y1 - w->y0};
        reread_crop crop = prepare_crop(img, sb);
        if (!crop.inked)
            continue;
        const int *ink = crop.box;
        for (int k = 0; k < ntried && !known; k++)
            known = boxes_meet(tried[k], ink);
        if (known)
            continue;
        memcpy(tried[ntried++], ink, sizeof tried[0]);
        vote votes[REREAD_PASSES];
        int nv = vote_dates(api, img, &crop, true, votes, out);
        int b = -1;
        for (int k = 0; k < nv; k++)
            if (votes[k].n >= 2 && (b < 0 || votes[k].n > votes[b].n))
                b = k;
        if (b < 0)
            continue;
        /* The date's box: the ink line it was read from. */
        caller_box(ink[0], ink[1], ink[0] + ink[2], ink[1] + ink[3], inv, ox, oy, cb);
        keep_token(out->dates, &out->ndates, DS_VIZ_MAX_DATES, votes[b].norm, votes[b].value,
                   votes[b].conf, cb, true);
    }
    /* A date read under the comparison's bar is read again the same way:
     * two or more readings that give it raise it to the most confident. */
    for (int i = 0; i < out->ndates; i++) {
        ds_viz_token *t = &out->dates[i];
        if (t->confidence >= REREAD_CONF)
            continue;
        int sb[4];
        region_box(t->bbox, inv, ox, oy, sb);
        if (sb[2] <= 0 || sb[3] <= 0)
            continue;
        reread_crop crop = prepare_crop(img, sb);
        vote votes[REREAD_PASSES];
        int nv = vote_dates(api, img, &crop, false, votes, out);
        for (int k = 0; k < nv; k++)
            if (votes[k].n >= 2 && strcmp(votes[k].norm, t->key) == 0 &&
                votes[k].conf > t->confidence) {
                t->confidence = votes[k].conf;
                out->reread_raised += t->confidence >= REREAD_CONF;
            }
    }
}

static bool has_letter(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80 || isalpha((unsigned char)*t))
            return true;
    return false;
}

/* Every segment of the page that is letters only (a comma between a
 * surname and given names allowed), with two letters or more. */
static void collect_lines(const ocr_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->ns && out->nlines < DS_VIZ_MAX_LINES; i++) {
        const seg *s = &pg->s[i];
        if (s->field >= 0 || s->n <= 0)
            continue;
        /* Without the marks read at its ends (a photo's edge as '|'). */
        int a = s->first, b = s->first + s->n;
        while (a < b && !has_letter(pg->w[a].text))
            a++;
        while (b > a && !has_letter(pg->w[b - 1].text))
            b--;
        if (a == b)
            continue;
        ds_viz_field g;
        memset(&g, 0, sizeof g);
        int lab[4] = {0, 0, 0, 0};
        set_value(&g, &pg->w[a], b - a, 0, lab, inv, ox, oy);
        if (!g.found)
            continue;
        int letters = 0;
        bool only = true;
        for (const char *p = g.value; *p && only; p++) {
            unsigned char c = (unsigned char)*p;
            letters += c >= 0x80 || isalpha(c);
            only = c >= 0x80 || isalpha(c) || c == ' ' || c == '-' || c == '\'' || c == ',';
        }
        if (!only || letters < 2)
            continue;
        ds_viz_line *l = &out->lines[out->nlines++];
        memcpy(l->value, g.value, sizeof l->value);
        normalise(&g, DS_VIZ_SURNAME);
        memcpy(l->norm, g.norm, sizeof l->norm);
        l->confidence = g.confidence;
        memcpy(l->bbox, g.bbox, sizeof l->bbox);
    }
    /* Top down. */
    for (int i = 1; i < out->nlines; i++) {
        ds_viz_line t = out->lines[i];
        int j = i - 1;
        while (j >= 0 && out->lines[j].bbox[1] > t.bbox[1]) {
            out->lines[j + 1] = out->lines[j];
            j--;
        }
        out->lines[j + 1] = t;
    }
}

void ds_viz_name_key(const char *in, char *out, size_t cap)
{
    if (cap == 0)
        return;
    char f[DS_VIZ_VALUE_MAX * 2];
    ds_viz_fold(in ? in : "", f, sizeof f);
    size_t o = 0;
    for (const char *p = f; *p && o + 1 < cap; p++)
        if (isalpha((unsigned char)*p))
            out[o++] = (char)toupper((unsigned char)*p);
    out[o] = 0;
}

/* The first line of v reading as name at min_conf or more: the whole line,
 * or with comma_ok the part after its last comma (*after_comma says). */
static const ds_viz_line *name_line(const ds_viz *v, const char *name, float min_conf,
                                    bool comma_ok, bool *after_comma)
{
    char nk[DS_VIZ_VALUE_MAX];
    *after_comma = false;
    if (!v || !name)
        return NULL;
    ds_viz_name_key(name, nk, sizeof nk);
    if (strlen(nk) < 2)
        return NULL;
    /* HANS JUERGEN in the MRZ is HANS-JÜRGEN printed, which OCR may read
     * without its dots. */
    char nku[DS_VIZ_VALUE_MAX];
    ds_drop_umlaut_e(nk, nku, sizeof nku);
    for (int i = 0; i < v->nlines; i++) {
        const ds_viz_line *g = &v->lines[i];
        const char *comma = strrchr(g->value, ',');
        if (g->confidence < min_conf || (comma && !comma_ok))
            continue;
        char k[DS_VIZ_VALUE_MAX], ku[DS_VIZ_VALUE_MAX];
        ds_viz_name_key(comma ? comma + 1 : g->value, k, sizeof k);
        ds_drop_umlaut_e(k, ku, sizeof ku);
        if (strcmp(k, nk) == 0 || strcmp(ku, nku) == 0) {
            *after_comma = comma != NULL;
            return g;
        }
    }
    return NULL;
}

const ds_viz_line *ds_viz_given_line(const ds_viz *v, const char *given, float min_conf,
                                     bool *after_comma)
{
    return name_line(v, given, min_conf, true, after_comma);
}

const ds_viz_line *ds_viz_surname_line(const ds_viz *v, const char *surname, float min_conf)
{
    bool comma;
    return name_line(v, surname, min_conf, false, &comma);
}

const ds_viz_line *ds_viz_line_next(const ds_viz *v, const ds_viz_line *g, bool below)
{
    const ds_viz_line *best = NULL;
    if (!v || !g)
        return NULL;
    int gh = g->bbox[3];
    for (int j = 0; j < v->nlines; j++) {
        const ds_viz_line *s = &v->lines[j];
        /* The gap between the two lines, whichever is the upper one. */
        int gap = below ? s->bbox[1] - (g->bbox[1] + gh) : g->bbox[1] - (s->bbox[1] + s->bbox[3]);
        if (s == g || gap < 0 || gap > 3 * gh || abs(s->bbox[0] - g->bbox[0]) > gh ||
            4 * s->bbox[3] < 3 * gh || s->bbox[3] > 2 * gh)
            continue;
        if (!best || (below ? s->bbox[1] < best->bbox[1] : s->bbox[1] > best->bbox[1]))
            best = s;
    }
    return best;
}

/* Re-reads text found outside a labelled field (a token, a line) as field
 * id would be (reread_value), into *f. */
static void reread_text(TessBaseAPI *api, PIX *img, int id, const char *value, const char *norm,
                        float conf, const int bbox[4], float inv, int ox, int oy,
                        const char *expect, ds_viz *out, ds_viz_field *f)
{
    memset(f, 0, sizeof *f);
    f->found = true;
    copy_utf8(f->value, sizeof f->value, value);
    snprintf(f->norm, sizeof f->norm, "%s", norm);
    f->confidence = conf;
    memcpy(f->bbox, bbox, sizeof f->bbox);
    reread_value(api, img, f, id, inv, ox, oy, expect, out);
}

/* A name's line, its label unreadable, read poorly right above the MRZ's
 * given names (the surname) or right below its surname (the given names):
 * re-read like a value (reread_value, without the MRZ: a re-read only
 * confirms or replaces a poor reading), so that the check stage can
 * compare it. Guidance moves effort here, never a value. */
static void reread_name_line(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox,
                             int oy, const ds_mrz *expect, int id)
{
    bool comma = false;
    if (!expect || out->field[id].found)
        return;
    const ds_viz_line *g =
        id == DS_VIZ_SURNAME ? ds_viz_given_line(out, expect->given_names, REREAD_CONF, &comma)
                             : ds_viz_surname_line(out, expect->surname, REREAD_CONF);
    const ds_viz_line *c = g && !comma ? ds_viz_line_next(out, g, id == DS_VIZ_GIVEN_NAMES) : NULL;
    if (!g && id == DS_VIZ_SURNAME) {
        /* A visa's "SURNAME, GIVEN NAMES" line read poorly: the line itself. */
        g = ds_viz_given_line(out, expect->given_names, 0.0f, &comma);
        c = g && comma ? g : NULL;
    }
    /* Three letters or fewer are rather a name cut in pieces (KO ... CZYK,
     * the middle lost in the label's strokes) than a name: read on. */
    bool short_name = c && strlen(c->norm) <= 3;
    if (!c || (c->confidence >= REREAD_CONF && !short_name))
        return;
    ds_viz_line *s = &out->lines[c - out->lines];
    ds_viz_field f;
    float conf = short_name && s->confidence >= REREAD_CONF ? REREAD_CONF - 1.0f : s->confidence;
    reread_text(api, img, id, s->value, s->norm, conf, s->bbox, inv, ox, oy, NULL, out, &f);
    normalise(&f, DS_VIZ_SURNAME);
    memcpy(s->value, f.value, sizeof s->value);
    memcpy(s->norm, f.norm, sizeof s->norm);
    s->confidence = f.confidence;
}

/* A date one digit off mrz (the century aside), a digit the printer's
 * font makes confusable. */
static bool one_confusable_digit(const char *iso, const char *mrz)
{
    int diff = 0, pos = -1;
    for (int i = 2; i < 10; i++)
        if (iso[i] != mrz[i]) {
            diff++;
            pos = i;
        }
    return diff == 1 && ds_digits_confusable(iso[pos], mrz[pos]);
}

/* A clear date of the page one confusable digit off the MRZ's birth or
 * expiry date is re-read like a field against it (reread_value): the
 * check stage may place it by order, and only repeated readings can tell
 * a changed digit from a misread one. Guidance moves effort, never a
 * value: the token keeps its text and key. */
static void reread_dates(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox, int oy,
                         const ds_mrz *expect)
{
    for (int i = 0; expect && i < out->ndates; i++) {
        ds_viz_token *t = &out->dates[i];
        if (t->confidence < REREAD_CONF || strlen(t->key) != 10)
            continue;
        int id = -1;
        const char *mrz = NULL;
        if ((mrz = expected_of(expect, DS_VIZ_BIRTH_DATE)) && one_confusable_digit(t->key, mrz))
            id = DS_VIZ_BIRTH_DATE;
        else if ((mrz = expected_of(expect, DS_VIZ_EXPIRY_DATE)) &&
                 one_confusable_digit(t->key, mrz))
            id = DS_VIZ_EXPIRY_DATE;
        if (id < 0)
            continue;
        ds_viz_field f;
        reread_text(api, img, id, t->value, t->key, t->confidence, t->bbox, inv, ox, oy, mrz, out,
                    &f);
        t->reads = f.reads;
        t->same = f.same;
        t->agree = f.agree;
        t->sure = f.sure;
        t->against = f.against;
        t->keep = f.keep;
    }
}

/* Every number-like word of the page (ds_viz_token). */
static void collect_numbers(const ocr_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->nw; i++) {
        const word *w = &pg->w[i];
        char t[24];
        size_t n = 0;
        int digits = 0;
        bool other = false;
        for (const char *q = w->text; *q; q++) {
            unsigned char c = (unsigned char)*q;
            if (isalnum(c) && c < 0x80) {
                if (n + 1 >= sizeof t) {
                    other = true;
                    break;
                }
                t[n++] = (char)toupper(c);
                digits += isdigit(c) != 0;
            } else if (c >= 0x80 || !strchr("<.,:;-'\"()[]|", c)) {
                other = true;
            }
        }
        t[n] = 0;
        char iso[11];
        if (other || n < 6 || digits < 3 || ds_viz_parse_date(w->text, iso))
            continue;
        int b[4];
        caller_box(w->x0, w->y0, w->x1, w->y1, inv, ox, oy, b);
        keep_token(out->numbers, &out->nnumbers, DS_VIZ_MAX_NUMBERS, t, w->text, w->conf, b, false);
    }
}

/* ---------------------------------------------------------------------------
 * Reader
 * ------------------------------------------------------------------------- */

ds_error ds_viz_reader_create(const char *langs, ds_viz_reader **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    ds_viz_reader *r = calloc(1, sizeof *r);
    if (!r)
        return DS_ERR_NOMEM;
    ds_error err = ds_tess_create(langs, &r->api);
    if (err != DS_OK) {
        free(r);
        return err;
    }
    *out = r;
    return DS_OK;
}

void ds_viz_reader_free(ds_viz_reader *r)
{
    if (!r)
        return;
    ds_tess_free(r->api);
    free(r);
}

static void collect_words(TessBaseAPI *api, ocr_page *pg)
{
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (!it)
        return;
    const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
    int line = -1;
    do {
        if (TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE))
            line++;
        if (pg->nw >= MAX_WORDS)
            break;
        char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
        if (!t)
            continue;
        int l, tp, rr, b;
        if (TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &rr, &b) && t[0]) {
            word *w = &pg->w[pg->nw];
            copy_utf8(w->text, sizeof w->text, t);
            w->x0 = l;
            w->y0 = tp;
            w->x1 = rr;
            w->y1 = b;
            w->conf = TessResultIteratorConfidence(it, RIL_WORD);
            w->cmin = symbol_min(it);
            w->line = line;
            if (rr > l && b > tp)
                pg->nw++;
        }
        TessDeleteText(t);
    } while (TessResultIteratorNext(it, RIL_WORD));
    TessResultIteratorDelete(it);
}

ds_error ds_viz_read(ds_viz_reader *r, PIX *upright, const int mrz_bbox[4], int mrz_chars,
                     const ds_mrz *expect, ds_viz *out)
{
    if (!r || !upright || !mrz_bbox || !out || mrz_bbox[2] <= 0 || mrz_bbox[3] <= 0)
        return DS_ERR_USAGE;
    double t0 = ds_now_ms();
    ds_error err = DS_OK;
    PIX *gray = NULL, *crop = NULL, *scaled = NULL;
    BOX *box = NULL;
    ocr_page *pg = NULL;
    ds_viz v;
    memset(&v, 0, sizeof v);

    int pw = (int)pixGetWidth(upright), ph = (int)pixGetHeight(upright);
    int mx = mrz_bbox[0], my = mrz_bbox[1], mw = mrz_bbox[2];
    if (mrz_chars != 30 && mrz_chars != 36 && mrz_chars != 44)
        mrz_chars = 44;
    float pitch = (float)mw / (float)mrz_chars;
    float dpi = pitch / MRZ_PITCH_INCH;
    int margin = (int)(0.12f * (float)mw);
    int x0 = mx - margin, x1 = mx + mw + margin;
    int y1 = my - (int)(pitch * 0.3f);
    int y0 = my - (int)(1.5f * (float)mw);
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > pw ? pw : x1;
    y1 = y1 > ph ? ph : y1;
    if (x1 - x0 < 16 || y1 - y0 < 16)
        goto done; /* nothing above the MRZ: no data page on this side */

    gray = pixGetDepth(upright) == 8 ? pixClone(upright) : pixConvertTo8(upright, 0);
    if (!gray) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    box = boxCreate(x0, y0, x1 - x0, y1 - y0);
    crop = box ? pixClipRectangle(gray, box, NULL) : NULL;
    if (!crop) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    float scale = TARGET_DPI / dpi;
    if (scale > 2.5f)
        scale = 2.5f;
    if (scale < 0.25f)
        scale = 0.25f;
    if (fabsf(scale - 1.0f) < 0.1f) {
        scale = 1.0f;
        scaled = pixClone(crop);
    } else {
        scaled = pixScaleGrayLI(crop, scale, scale);
    }
    if (!scaled) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    pg = calloc(1, sizeof *pg);
    if (!pg) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    TessBaseAPISetPageSegMode(r->api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(r->api, scaled);
    TessBaseAPISetSourceResolution(r->api, (int)lroundf(dpi * scale));
    if (TessBaseAPIRecognize(r->api, NULL) == 0)
        collect_words(r->api, pg);
    TessBaseAPIClear(r->api);

    v.nwords = pg->nw;
    /* A specimen says so on its face, in the office's language. */
    for (int i = 0; i < pg->nw && !v.specimen_printed; i++) {
        static const char *const marks[] = {"SPECIMEN", "MUSTER", "ESPECIMEN", "MODELO",
                                            "CAMPIONE", "SPECIMENS", "SPESIMEN", "VZOR", "WZOR"};
        char f[WORD_MAX];
        ds_viz_fold(pg->w[i].text, f, sizeof f);
        for (char *c = f; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 32);
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
            if (pg->w[i].conf >= 60 && strcmp(f, marks[k]) == 0) {
                v.specimen_printed = true;
                snprintf(v.specimen_word, sizeof v.specimen_word, "%s", marks[k]);
            }
    }
    /* The word printed large across the page at an angle: looked for only
     * when a row of bold letter-sized blobs exists (specimen.h). */
    if (!v.specimen_printed && pixGetDepth(scaled) == 8)
        v.specimen_printed = ds_specimen_find(r->api, scaled, dpi * scale, v.specimen_word,
                                              sizeof v.specimen_word, NULL);
    build_segments(pg);
    classify_segments(pg);
    assign_values(pg, &v, 1.0f / scale, x0, y0, r->api, scaled, expect);
    collect_dates(pg, &v, 1.0f / scale, x0, y0);
    if (!mrz_dates_read(&v, expect))
        reread_broken_dates(r->api, scaled, pg, &v, 1.0f / scale, x0, y0);
    reread_dates(r->api, scaled, &v, 1.0f / scale, x0, y0, expect);
    collect_numbers(pg, &v, 1.0f / scale, x0, y0);
    collect_lines(pg, &v, 1.0f / scale, x0, y0);
    reread_name_line(r->api, scaled, &v, 1.0f / scale, x0, y0, expect, DS_VIZ_SURNAME);
    reread_name_line(r->api, scaled, &v, 1.0f / scale, x0, y0, expect, DS_VIZ_GIVEN_NAMES);
    v.scale = scale;
done:
    v.region[0] = x0;
    v.region[1] = y0;
    v.region[2] = x1 - x0 > 0 ? x1 - x0 : 0;
    v.region[3] = y1 - y0 > 0 ? y1 - y0 : 0;
    v.ms = ds_now_ms() - t0;
    *out = v;
out:
    free(pg);
    pixDestroy(&scaled);
    pixDestroy(&crop);
    pixDestroy(&gray);
    boxDestroy(&box);
    return err;
}

/* ---------------------------------------------------------------------------
 * Upright frame
 * ------------------------------------------------------------------------- */

/* The MRZ length and thickness from its page bbox, the skew and rotation. */
static void mrz_extent(const ds_mrzband *b, float *len, float *thick)
{
    float w = (float)b->bbox[2], h = (float)b->bbox[3];
    if (b->rotation == 90 || b->rotation == 270) {
        float t = w;
        w = h;
        h = t;
    }
    float a = fabsf(b->skew_deg) * 3.14159265f / 180.0f;
    float c = cosf(a), s = sinf(a), det = c * c - s * s;
    float L = w, T = h;
    if (det > 0.2f) {
        L = (c * w - s * h) / det;
        T = (c * h - s * w) / det;
    }
    if (T < h * 0.3f)
        T = h * 0.3f;
    *len = L;
    *thick = T;
}

/* Rotation angle (radians, Leptonica's clockwise-positive sense) that
 * straightens the page after the right-angle turn. */
static float skew_angle(const ds_mrzband *b)
{
    return b->skew_deg * 3.14159265f / 180.0f;
}

/* Maps page point (x, y) into the upright frame. */
static void to_upright(int pw, int ph, const ds_mrzband *b, float x, float y, float *ux, float *uy)
{
    float rx, ry, rw, rh;
    switch (b->rotation) {
    case 90: rx = (float)ph - y; ry = x; rw = (float)ph; rh = (float)pw; break;
    case 180: rx = (float)pw - x; ry = (float)ph - y; rw = (float)pw; rh = (float)ph; break;
    case 270: rx = y; ry = (float)pw - x; rw = (float)ph; rh = (float)pw; break;
    default: rx = x; ry = y; rw = (float)pw; rh = (float)ph; break;
    }
    float a = skew_angle(b);
    float cx = rw / 2, cy = rh / 2, c = cosf(a), s = sinf(a);
    *ux = cx + (rx - cx) * c - (ry - cy) * s;
    *uy = cy + (rx - cx) * s + (ry - cy) * c;
}

static void from_upright(int pw, int ph, const ds_mrzband *b, float ux, float uy, float *x,
                         float *y)
{
    float rw = (b->rotation == 90 || b->rotation == 270) ? (float)ph : (float)pw;
    float rh = (b->rotation == 90 || b->rotation == 270) ? (float)pw : (float)ph;
    float a = -skew_angle(b);
    float cx = rw / 2, cy = rh / 2, c = cosf(a), s = sinf(a);
    float rx = cx + (ux - cx) * c - (uy - cy) * s;
    float ry = cy + (ux - cx) * s + (uy - cy) * c;
    switch (b->rotation) {
    case 90: *x = ry; *y = (float)ph - rx; break;
    case 180: *x = (float)pw - rx; *y = (float)ph - ry; break;
    case 270: *x = (float)pw - ry; *y = rx; break;
    default: *x = rx; *y = ry; break;
    }
}

ds_error ds_viz_upright(PIX *page, const ds_mrzband *band, PIX **out_upright, int out_mrz_bbox[4])
{
    if (!page || !band || !out_upright || !out_mrz_bbox)
        return DS_ERR_USAGE;
    *out_upright = NULL;
    int quads = band->rotation / 90;
    PIX *r1 = quads ? pixRotateOrth(page, quads) : pixClone(page);
    if (!r1)
        return DS_ERR_NOMEM;
    PIX *r2 = NULL;
    float a = skew_angle(band);
    if (fabsf(a) > 0.001f)
        r2 = pixRotate(r1, a, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    else
        r2 = pixClone(r1);
    pixDestroy(&r1);
    if (!r2)
        return DS_ERR_NOMEM;
    int pw = (int)pixGetWidth(page), ph = (int)pixGetHeight(page);
    float cx = (float)band->bbox[0] + (float)band->bbox[2] / 2;
    float cy = (float)band->bbox[1] + (float)band->bbox[3] / 2;
    float ux, uy, L, T;
    to_upright(pw, ph, band, cx, cy, &ux, &uy);
    mrz_extent(band, &L, &T);
    out_mrz_bbox[0] = (int)lroundf(ux - L / 2);
    out_mrz_bbox[1] = (int)lroundf(uy - T / 2);
    out_mrz_bbox[2] = (int)lroundf(L);
    out_mrz_bbox[3] = (int)lroundf(T);
    *out_upright = r2;
    return DS_OK;
}

void ds_viz_map_to_page(const PIX *page, const ds_mrzband *band, const int in[4], int out[4])
{
    int pw = (int)pixGetWidth((PIX *)page), ph = (int)pixGetHeight((PIX *)page);
    float xs[4], ys[4];
    for (int k = 0; k < 4; k++) {
        float ux = (float)in[0] + ((k & 1) ? (float)in[2] : 0);
        float uy = (float)in[1] + ((k & 2) ? (float)in[3] : 0);
        from_upright(pw, ph, band, ux, uy, &xs[k], &ys[k]);
    }
    float x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
    for (int k = 1; k < 4; k++) {
        x0 = fminf(x0, xs[k]);
        x1 = fmaxf(x1, xs[k]);
        y0 = fminf(y0, ys[k]);
        y1 = fmaxf(y1, ys[k]);
    }
    out[0] = (int)lroundf(x0);
    out[1] = (int)lroundf(y0);
    out[2] = (int)lroundf(x1 - x0);
    out[3] = (int)lroundf(y1 - y0);
}

