/*
 * vizident.c: what a printed value is (vizident.h). It only describes a
 * value: it never compares it with the MRZ, never raises a flag and never
 * changes what the reader read. Every string is bounded by the fixed sizes
 * of vizident.h; a longer value is cut, never overrun.
 */
#include "check/vizident.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "check/case.h"
#include "check/codes.h"
#include "check/translit.h"
#include "page/specimen.h"
#include "page/viz_label.h"

const char *ds_vizident_kind_name(ds_vizid_kind k)
{
    switch (k) {
    case DS_VIZID_SPECIMEN:
        return "specimen mark";
    case DS_VIZID_CAPTION:
        return "caption";
    case DS_VIZID_NATIONALITY:
        return "nationality";
    case DS_VIZID_OTHER_FIELD:
        return "another field";
    default:
        return "name";
    }
}

/* Words that name a nationality or a state, as data pages print them under
 * or beside the holder's name (folded: upper case, no accents). Words that
 * are also common names (GERMAN, FRANCE, ROMAN, MAGYAR, HOLLAND) are left
 * out: a name is never taken for a nationality. */
static const char *const nationality_words[] = {
    "BRITISH", "CITIZEN", "AMERICAN", "FRENCH", "DUTCH", "SPANISH", "ITALIAN", "PORTUGUESE",
    "POLISH", "SWEDISH", "NORWEGIAN", "DANISH", "CZECH", "TURKISH", "AUSTRIAN", "BELGIAN",
    "SWISS", "IRISH", "GREEK", "HELLENIC", "FINNISH", "HUNGARIAN", "ROMANIAN", "BULGARIAN",
    "CROATIAN", "SLOVAK", "SLOVENIAN", "LATVIAN", "LITHUANIAN", "ESTONIAN", "MALTESE",
    "CYPRIOT", "LUXEMBOURGISH", "UKRAINIAN", "RUSSIAN", "SERBIAN", "CANADIAN", "AUSTRALIAN",
    "CHINESE", "JAPANESE", "UTOPIAN", "DEUTSCH", "DEUTSCHE", "DEUTSCHER", "DEUTSCHLAND",
    "OSTERREICH", "OSTERREICHISCH", "SCHWEIZER", "SCHWEIZ", "FRANCAISE", "FRANCAIS",
    "REPUBLIQUE", "BELGE", "SUISSE", "LUXEMBOURGEOISE", "LUXEMBOURGEOIS", "NEDERLANDSE",
    "NEDERLANDER", "NEDERLAND", "NEDERLANDEN", "KONINKRIJK", "BELGISCHE", "ESPANOLA", "ESPANOL",
    "ESPANA", "REPUBLICA", "ITALIANA", "REPUBBLICA", "PORTUGUESA", "POLSKIE", "POLSKA",
    "RZECZPOSPOLITA", "SVENSK", "SVENSKA", "SVERIGE", "NORSK", "NORGE", "DANSK", "DANMARK",
    "CESKA", "CESKE", "TURKIYE", "SUOMI", "SUOMEN", "ELLINIKI", "HRVATSKA", "HRVATSKO",
    "SLOVENSKA", "SLOVENSKO", "SLOVENIJA", "LATVIJAS", "LIETUVOS", "EESTI", "MALTIJA",
    "UKRAINA", "UKRAYINA", "GERMANY", "NETHERLANDS", "KINGDOM", "REPUBLIC", "FEDERAL",
    "BUNDESREPUBLIK", "ROYAUME", "REINO", "REGNO", "UTOPIA", "NATIONALITY"};

/* Values of other fields that land under a name label (a visa's "Number
 * of entries: MULT", its type): no names. */
static const char *const field_words[] = {"MULT", "MULTIPLE", "MULTIPLES", "SINGLE", "ONE",
                                          "TWO", "VISA", "PASSPORT", "PASSEPORT", "NONE",
                                          "REMARKS", "ENTRIES", "STAY", "BUSINESS", "TOURISM"};

/* Words of name captions that are no one's name: a value made of them
 * alone is the caption's end read where the value was expected ("NAMES:"
 * of a small-capitals "Given names" over a boxed value). */
static const char *const caption_words[] = {"NAMES", "GIVEN", "SURNAME", "SURNAMES", "FORENAMES",
                                            "PRENOMS", "VORNAMEN", "NACHNAME", "NOMBRES",
                                            "APELLIDOS", "FORNAMN", "EFTERNAMN", "ETUNIMET",
                                            "SUKUNIMI", "ONOMATA"};

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return true;
    return false;
}

ds_vizid_kind ds_vizident_name_kind(const char *value, const ds_mrz *m)
{
    if (!value || !value[0])
        return DS_VIZID_NAME;
    /* A date of the next line, "26 NOV 1996", normalises to the name NOV. */
    int ndigits = 0;
    for (const char *q = value; *q; q++)
        ndigits += isdigit((unsigned char)*q) != 0;
    if (ndigits >= 2)
        return DS_VIZID_OTHER_FIELD;
    if (ds_viz_label_in_text(value) >= 0)
        return DS_VIZID_CAPTION;
    /* A value that starts with a slash is the second half of a bilingual
     * caption ("Prenoms / Given names"), cut where it was read: a printed
     * name never starts with one. */
    const char *v0 = value;
    while (*v0 == ' ')
        v0++;
    if (*v0 == '/')
        return DS_VIZID_CAPTION;
    char folded[DS_VIZID_FORM_MAX * 2];
    ds_text_fold(value, folded, sizeof folded);
    char state[4] = "", nat[4] = "";
    if (m) {
        ds_icao_code_normalise(m->issuing_state, state);
        ds_icao_code_normalise(m->nationality, nat);
    }
    ds_vizid_kind kind = DS_VIZID_NAME;
    int nwords = 0, nfield = 0, ncaption = 0;
    char *save = NULL;
    for (char *w = strtok_r(folded, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        for (char *c = w; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        nwords++;
        if (ds_specimen_is_word(w))
            return DS_VIZID_SPECIMEN;
        if (in_list(w, nationality_words, sizeof nationality_words / sizeof nationality_words[0]))
            kind = DS_VIZID_NATIONALITY;
        if (strlen(w) == 3 && (strcmp(w, state) == 0 || strcmp(w, nat) == 0))
            kind = DS_VIZID_NATIONALITY;
        nfield += in_list(w, field_words, sizeof field_words / sizeof field_words[0]);
        ncaption += in_list(w, caption_words, sizeof caption_words / sizeof caption_words[0]);
    }
    if (nwords > 0 && ncaption == nwords)
        return DS_VIZID_CAPTION;
    /* A field word alone (MULT) is that field; beside a name it may be a
     * name's word. */
    if (kind == DS_VIZID_NAME && nfield > 0 && nfield == nwords)
        kind = DS_VIZID_OTHER_FIELD;
    return kind;
}

/* ------------------------------------------------------------- scripts */

typedef enum script { SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_OTHER } script;

/* The script of text: Latin when every letter is (ASCII, Latin-1, Latin
 * Extended, combining marks), else the first other script met. Invalid
 * UTF-8 is SCRIPT_OTHER. */
static script script_of(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned cp;
        int n;
        if (*p < 0x80) {
            p++;
            continue;
        } else if ((*p & 0xE0) == 0xC0) {
            cp = *p & 0x1F;
            n = 1;
        } else if ((*p & 0xF0) == 0xE0) {
            cp = *p & 0x0F;
            n = 2;
        } else if ((*p & 0xF8) == 0xF0) {
            cp = *p & 0x07;
            n = 3;
        } else {
            return SCRIPT_OTHER;
        }
        p++;
        for (int i = 0; i < n; i++, p++) {
            if ((*p & 0xC0) != 0x80)
                return SCRIPT_OTHER;
            cp = (cp << 6) | (*p & 0x3F);
        }
        if (cp < 0x250 || (cp >= 0x300 && cp < 0x370) || (cp >= 0x1E00 && cp < 0x1F00) ||
            cp == 0x2019)
            continue;
        if (cp >= 0x400 && cp < 0x530)
            return SCRIPT_CYRILLIC;
        if ((cp >= 0x370 && cp < 0x400) || (cp >= 0x1F00 && cp < 0x2000))
            return SCRIPT_GREEK;
        return SCRIPT_OTHER;
    }
    return SCRIPT_LATIN;
}

/* Latin capitals and the Cyrillic and Greek capitals they look like (a
 * Latin reader gives those as these; N and R are И and Я mirrored). */
typedef struct lookalike {
    char latin;
    const char *cyrillic, *greek; /* NULL: none */
} lookalike;

static const lookalike lookalikes[] = {
    {'A', "\u0410", "\u0391"}, {'B', "\u0412", "\u0392"}, {'C', "\u0421", NULL},
    {'E', "\u0415", "\u0395"}, {'H', "\u041D", "\u0397"}, {'I', "\u0406", "\u0399"},
    {'K', "\u041A", "\u039A"}, {'M', "\u041C", "\u039C"}, {'N', "\u0418", "\u039D"},
    {'O', "\u041E", "\u039F"}, {'P', "\u0420", "\u03A1"}, {'R', "\u042F", NULL},
    {'T', "\u0422", "\u03A4"}, {'X', "\u0425", "\u03A7"}, {'Y', "\u0423", "\u03A5"},
    {'Z', NULL, "\u0396"}};

/* text (ASCII capitals, spaces, '-', '\'') with each letter replaced by its
 * look-alike in the script (greek or Cyrillic), into out[cap]; false when
 * a letter has none there. */
static bool lookalike_text(const char *text, bool greek, char *out, size_t cap)
{
    size_t o = 0;
    int letters = 0;
    for (const char *q = text; *q; q++) {
        const char *rep = NULL;
        char one[2] = {*q, 0};
        if (*q == ' ' || *q == '-' || *q == '\'') {
            rep = one;
        } else {
            for (size_t i = 0; i < sizeof lookalikes / sizeof lookalikes[0]; i++)
                if (lookalikes[i].latin == *q)
                    rep = greek ? lookalikes[i].greek : lookalikes[i].cyrillic;
            if (!rep)
                return false;
            letters++;
        }
        size_t rl = strlen(rep);
        if (o + rl + 1 > cap)
            return false;
        memcpy(out + o, rep, rl);
        o += rl;
    }
    out[o] = 0;
    return letters > 0;
}

static void add_form(ds_vizid_forms *out, const char *s)
{
    if (out->count >= DS_VIZID_MAX_FORMS || !s[0])
        return;
    for (int i = 0; i < out->count; i++)
        if (strcmp(out->form[i], s) == 0)
            return;
    snprintf(out->form[out->count++], DS_VIZID_FORM_MAX, "%s", s);
}

/* The ICAO transliterations of text (Cyrillic or Greek), at most max. */
static void add_translit(ds_vizid_forms *out, const char *text, int max)
{
    ds_translit t;
    if (ds_translit_forms(text, strlen(text), &t) != DS_OK) {
        out->untransliterable = true;
        return;
    }
    for (int i = 0; i < t.count && i < max; i++)
        add_form(out, t.form[i]);
}

/* A part of a printed name as a name field's normal form: upper case,
 * letters (any script), spaces, hyphens, apostrophes. */
static void part_norm(const char *part, char *out, size_t cap)
{
    char tmp[DS_VIZID_FORM_MAX];
    size_t o = 0;
    for (const char *p = part; *p && o + 1 < sizeof tmp; p++) {
        unsigned char c = (unsigned char)*p;
        tmp[o++] = c >= 0x80 || isalpha(c) || c == '-' || c == '\'' ? (char)c : ' ';
    }
    tmp[o] = 0;
    ds_text_upper_utf8(tmp, out, cap);
}

void ds_vizident_name_forms(const char *value, const char *norm, ds_vizid_forms *out)
{
    memset(out, 0, sizeof *out);
    if (!norm || !norm[0])
        return;
    char parts[4][DS_VIZID_FORM_MAX];
    int np = 0;
    snprintf(parts[np++], sizeof parts[0], "%s", norm);
    if (value && strchr(value, '/')) {
        char raw[DS_VIZ_VALUE_MAX];
        snprintf(raw, sizeof raw, "%s", value);
        char *save = NULL;
        for (char *p = strtok_r(raw, "/", &save); p && np < 4; p = strtok_r(NULL, "/", &save)) {
            part_norm(p, parts[np], sizeof parts[0]);
            if (parts[np][0])
                np++;
        }
    }
    for (int i = 0; i < np; i++) {
        script s = script_of(parts[i]);
        if (s == SCRIPT_LATIN)
            add_form(out, parts[i]);
        else if (s == SCRIPT_OTHER)
            out->untransliterable = true;
        else
            add_translit(out, parts[i], 4);
    }
    /* Latin letters that may be a Cyrillic or Greek name read by a Latin
     * reader. */
    for (int i = 0; i < np; i++) {
        if (script_of(parts[i]) != SCRIPT_LATIN)
            continue;
        for (int g = 0; g < 2; g++) {
            char look[DS_VIZID_FORM_MAX * 2];
            if (lookalike_text(parts[i], g == 1, look, sizeof look)) {
                ds_translit t;
                if (ds_translit_forms(look, strlen(look), &t) == DS_OK)
                    for (int k = 0; k < t.count && k < 3; k++)
                        add_form(out, t.form[k]);
            }
        }
    }
}

/* -------------------------------------------------------------- numbers */

/* The number of the n digits at s. */
static int atoi_n(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* True when y-m-d is a day of the calendar between 1900 and 2099. */
static bool real_date(int y, int m, int d)
{
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1)
        return false;
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= (m == 2 && !leap ? 28 : days[m - 1]);
}

/* num (letters and digits, upper case) holds the number mn once folded
 * (ds_fold_number), with a caption before it or nothing, and after it
 * nothing or letters only that follow its last digit. On true, num is cut
 * to the part that is mn, as read. */
static bool core_in(char *num, const char *mn)
{
    char fn[DS_VIZ_VALUE_MAX], fm[DS_VIZ_VALUE_MAX];
    ds_fold_number(num, fn, sizeof fn);
    ds_fold_number(mn, fm, sizeof fm);
    size_t ln = strlen(fn), lm = strlen(fm);
    if (lm < 6 || ln <= lm || strlen(num) != ln)
        return false;
    for (size_t p = 0; p + lm <= ln; p++) {
        if (strncmp(fn + p, fm, lm) != 0)
            continue;
        /* Before it: nothing, or a caption (its words run together). */
        if (p > 0) {
            char before[DS_VIZ_VALUE_MAX];
            memcpy(before, num, p);
            before[p] = 0;
            if (ds_viz_label_in_text(before) < 0)
                continue;
        }
        /* After it: nothing, or letters only after a digit. */
        const char *after = num + p + lm;
        bool letters = true;
        for (const char *q = after; *q; q++)
            letters = letters && isalpha((unsigned char)*q);
        if (*after && (!letters || !isdigit((unsigned char)num[p + lm - 1])))
            continue;
        memmove(num, num + p, lm);
        num[lm] = 0;
        return true;
    }
    return false;
}

bool ds_vizident_number_core(const char *value, const ds_mrz *m, char *out, size_t cap)
{
    if (!out || cap == 0)
        return false;
    out[0] = 0;
    if (!value)
        return false;
    char raw[DS_VIZ_VALUE_MAX];
    snprintf(raw, sizeof raw, "%s", value);
    char *w[16];
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(raw, " ", &save); t && n < 16; t = strtok_r(NULL, " ", &save))
        w[n++] = t;
    bool cut = false;
    /* The next field's date run into the line: from the first word that
     * starts a date (one that parses, a day before a month's name, or a
     * month's name) to the end. */
    int end = n;
    for (int k = 1; k < n && end == n; k++) {
        bool day = strlen(w[k]) <= 2 && isdigit((unsigned char)w[k][0]) &&
                   (!w[k][1] || isdigit((unsigned char)w[k][1]));
        if (ds_viz_month_word(w[k]) || (day && k + 1 < n && ds_viz_month_word(w[k + 1]))) {
            end = k;
            break;
        }
        for (int e = k + 1; e <= n && e <= k + 4; e++) {
            char d[DS_VIZ_VALUE_MAX] = "";
            size_t dl = 0;
            for (int j = k; j < e; j++) {
                size_t tl = strlen(w[j]);
                if (dl + tl + 2 > sizeof d)
                    break;
                if (dl)
                    d[dl++] = ' ';
                memcpy(d + dl, w[j], tl + 1);
                dl += tl;
            }
            char iso[11];
            if (ds_viz_parse_date(d, iso)) {
                end = k;
                break;
            }
        }
    }
    cut = end < n;
    char state[4] = "", nat[4] = "";
    if (m) {
        ds_icao_code_normalise(m->issuing_state, state);
        ds_icao_code_normalise(m->nationality, nat);
    }
    /* The issuing state's code printed before the number (a "Code" field
     * beside it). */
    int start = 0;
    if (end - start >= 2) {
        char c[8];
        ds_text_strip_number(w[0], c, sizeof c);
        if ((state[0] && strcmp(c, state) == 0) || (nat[0] && strcmp(c, nat) == 0)) {
            start = 1;
            cut = true;
        }
    }
    char joined[DS_VIZ_VALUE_MAX] = "";
    size_t jl = 0;
    for (int j = start; j < end; j++) {
        size_t tl = strlen(w[j]);
        if (jl + tl + 2 > sizeof joined)
            break;
        if (jl)
            joined[jl++] = ' ';
        memcpy(joined + jl, w[j], tl + 1);
        jl += tl;
    }
    char num[DS_VIZ_VALUE_MAX];
    size_t o = 0;
    for (const char *p = joined; *p && o + 1 < sizeof num; p++)
        if (isalnum((unsigned char)*p))
            num[o++] = (char)toupper((unsigned char)*p);
    num[o] = 0;
    /* The code run into the number: taken off only when what is left is
     * the MRZ number's length, give or take one. */
    size_t lm = m ? strlen(m->document_number) : 0;
    const char *codes[2] = {state, nat};
    for (int k = 0; k < 2 && lm; k++) {
        size_t lc = strlen(codes[k]);
        if (lc == 3 && o > lm + 1 && strncmp(num, codes[k], lc) == 0 && o - lc + 1 >= lm &&
            o - lc <= lm + 1) {
            memmove(num, num + lc, o - lc + 1);
            o -= lc;
            cut = true;
            break;
        }
    }
    /* The MRZ's number with a caption before it or the next cell's
     * letters after it: the number alone is compared. */
    if (lm && o > lm && core_in(num, m->document_number))
        cut = true;
    snprintf(out, cap, "%s", num);
    return cut;
}

/* A date written with a two-digit year, which ds_viz_parse_date never
 * reads (it does not guess a century): day, month and year as digit
 * groups ("27.03.21"), year first ("21/03/27"), run together in six digits
 * ("270321", "210327"), or with a month's name ("27 MAR 21"). Nothing else
 * may be in the value. Either century is tried for the day's validity. */
static bool short_year_date(const char *value)
{
    char tok[6][16];
    bool num[6];
    int nt = 0;
    size_t tl = 0;
    bool in = false;
    for (const char *p = value;; p++) {
        bool alnum = *p && isalnum((unsigned char)*p);
        if (alnum) {
            bool dig = isdigit((unsigned char)*p) != 0;
            /* a digit after letters (or letters after digits) starts a new word */
            if (in && dig != num[nt - 1]) {
                tok[nt - 1][tl] = 0;
                in = false;
            }
            if (!in) {
                if (nt >= 6)
                    return false;
                num[nt++] = dig;
                tl = 0;
                in = true;
            }
            if (tl + 1 >= sizeof tok[0])
                return false;
            tok[nt - 1][tl++] = (char)toupper((unsigned char)*p);
            continue;
        }
        if (in)
            tok[nt - 1][tl] = 0;
        in = false;
        if (!*p)
            break;
    }
    int v[6], l[6], mon[6];
    for (int i = 0; i < nt; i++) {
        l[i] = (int)strlen(tok[i]);
        v[i] = num[i] && l[i] <= 6 ? atoi_n(tok[i], l[i]) : -1;
        mon[i] = num[i] ? 0 : ds_viz_month_word(tok[i]);
        if (!num[i] && !mon[i])
            return false; /* a word that is no month's name: no date alone */
    }
    int d = 0, m = 0, y = -1, y2 = -1;
    if (nt == 1 && num[0] && l[0] == 6) {
        d = v[0] / 10000;
        m = v[0] / 100 % 100;
        y = v[0] % 100;
        y2 = v[0] / 10000;
    } else if (nt == 3 && num[0] && num[2] && l[2] == 2 && l[0] <= 2 &&
               ((num[1] && l[1] <= 2) || mon[1])) {
        d = v[0];
        m = num[1] ? v[1] : mon[1];
        y = v[2];
        if (num[1] && l[0] == 2)
            y2 = v[0];
    } else {
        return false;
    }
    for (int c = 1900; c <= 2000; c += 100)
        if (y >= 0 && real_date(c + y, m, d))
            return true;
    /* year first: YYMMDD, or YY.MM.DD */
    if (y2 >= 0) {
        int yy = nt == 1 ? v[0] / 10000 : v[0];
        int mm = nt == 1 ? v[0] / 100 % 100 : v[1];
        int dd = nt == 1 ? v[0] % 100 : v[2];
        for (int c = 1900; c <= 2000; c += 100)
            if (real_date(c + yy, mm, dd))
                return true;
    }
    return false;
}

bool ds_vizident_number_is_date(const char *value)
{
    if (!value || !value[0])
        return false;
    if (short_year_date(value))
        return true;
    /* A printed date: it parses, and every word of it is digits or a
     * month's name (a number before a date is no date). */
    char iso[11];
    if (ds_viz_parse_date(value, iso)) {
        char raw[DS_VIZ_VALUE_MAX];
        snprintf(raw, sizeof raw, "%s", value);
        bool only = true;
        char *save = NULL;
        for (char *w = strtok_r(raw, " ", &save); w && only; w = strtok_r(NULL, " ", &save)) {
            bool letter = false;
            for (const char *q = w; *q; q++)
                letter = letter || isalpha((unsigned char)*q);
            only = !letter || ds_viz_month_word(w) > 0;
        }
        if (only)
            return true;
    }
    char d[16];
    size_t n = 0;
    for (const char *p = value; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            if (n + 1 >= sizeof d)
                return false;
            d[n++] = *p;
        } else if (isalpha((unsigned char)*p)) {
            return false;
        }
    }
    d[n] = 0;
    if (n != 8)
        return false;
    /* DDMMYYYY, then YYYYMMDD. */
    int f1[3] = {atoi_n(d + 4, 4), atoi_n(d + 2, 2), atoi_n(d, 2)};
    int f2[3] = {atoi_n(d, 4), atoi_n(d + 4, 2), atoi_n(d + 6, 2)};
    return real_date(f1[0], f1[1], f1[2]) || real_date(f2[0], f2[1], f2[2]);
}

/* Whether word w (upper case letters) is a word of the space-separated
 * name. */
static bool word_of(const char *w, const char *name)
{
    size_t lw = strlen(w);
    for (const char *p = name; *p;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        if (l == lw && l && strncmp(p, w, l) == 0)
            return true;
        p += l;
    }
    return false;
}

bool ds_vizident_number_has_name(const char *value, const ds_mrz *m)
{
    if (!value || !m)
        return false;
    char w[DS_VIZ_VALUE_MAX];
    size_t n = 0;
    for (const char *p = value;; p++) {
        if (isalpha((unsigned char)*p)) {
            if (n + 1 < sizeof w)
                w[n++] = (char)toupper((unsigned char)*p);
            continue;
        }
        /* a word ends at anything not a letter (a digit ends it too) */
        w[n] = 0;
        if (n >= 3 && (word_of(w, m->surname) || word_of(w, m->given_names)))
            return true;
        n = 0;
        if (!*p)
            break;
    }
    return false;
}

int ds_vizident_caption_in_value(const char *value)
{
    if (!value || !value[0])
        return -1;
    /* Digits and letters run together ("271031DATEOFEXPIRY") are split
     * first, so the caption's words stand alone. */
    char split[DS_VIZ_VALUE_MAX * 2];
    size_t o = 0;
    for (const char *p = value; *p && o + 2 < sizeof split; p++) {
        if (o && isalnum((unsigned char)*p) && isalnum((unsigned char)p[-1]) &&
            (isdigit((unsigned char)*p) != 0) != (isdigit((unsigned char)p[-1]) != 0))
            split[o++] = ' ';
        split[o++] = *p;
    }
    split[o] = 0;
    int f = ds_viz_label_in_text(split);
    if (f >= 0)
        return f;
    return ds_viz_label_squeezed_in(split);
}

/* Pairs of characters OCR reads one for the other on printed data pages.
 * The list is measured, not guessed: bench/confusions.py renders random
 * capital letters and digits in the typefaces data pages are printed in,
 * at cap heights of 7 to 12 pixels, blurred and saved as JPEG, reads them
 * with Tesseract and keeps every pair read one for the other at least
 * twice (docs/evidence.md gives the run and its counts). To it are added
 * the confusions the benches and real specimens showed (issue 13: 4 for
 * 9 in an MRZ, 6 for 8 and X for A on heldout5's pages, told only as
 * aggregates) and the digit pairs of ds_digits_confusable (the printer's
 * fonts make 3, 5, 6, 8, 9 and 0 alike). */
static const char *const confusable_pairs[] = {
    /* bench/confusions.py --lines 5 --seed 5: 4,035 characters of 7
     * typefaces at cap heights 7-12 px (docs/evidence.md) */
    "0O", "5S", "8B", "1I", "8S", "4A", "6E", "9S", "7T", "9O", "IJ", "6G", "OQ", "1L", "3S",
    "6O", "IT", "KX", "0D", "8E", "BP", "2Z", "39", "4S", "DO", "IM", "LU", "VY",
    /* the benches' and real specimens' own misreadings (issue 13) */
    "49", "68", "AX",
};

bool ds_vizident_confusable(char a, char b)
{
    a = (char)toupper((unsigned char)a);
    b = (char)toupper((unsigned char)b);
    if (a == b)
        return false;
    if (ds_digits_confusable(a, b))
        return true;
    for (size_t i = 0; i < sizeof confusable_pairs / sizeof confusable_pairs[0]; i++) {
        const char *p = confusable_pairs[i];
        if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a))
            return true;
    }
    return false;
}

/* Word a (na letters) is word b (nb letters) read with one letter wrong,
 * lost or added, or with two letters each read as one it is confused
 * with. */
static bool word_misread(const char *a, size_t na, const char *b, size_t nb)
{
    if (na == nb) {
        int diff = 0, conf = 0;
        for (size_t i = 0; i < na; i++)
            if (a[i] != b[i]) {
                diff++;
                conf += ds_vizident_confusable(a[i], b[i]);
            }
        return diff <= 1 || (diff == 2 && conf == 2);
    }
    if (na + 1 != nb && nb + 1 != na)
        return false;
    /* One letter more on one side: the rest must be the same. */
    const char *l = na > nb ? a : b, *s = na > nb ? b : a;
    size_t ns = na > nb ? nb : na, i = 0;
    while (i < ns && l[i] == s[i])
        i++;
    return memcmp(l + i + 1, s + i, ns - i) == 0;
}

#define MISREAD_WORDS 12

/* The words of s (letters, split at anything else) as offsets and lengths;
 * returns their number, at most MISREAD_WORDS. */
static int name_words(const char *s, int off[MISREAD_WORDS], int len[MISREAD_WORDS])
{
    int n = 0;
    for (int i = 0; s[i] && n < MISREAD_WORDS;) {
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        off[n] = i;
        while (isalpha((unsigned char)s[i]))
            i++;
        len[n] = i - off[n];
        n++;
    }
    return n;
}

/* Printed word w (n letters) against MRZ word m (nm letters), the last
 * of a truncated MRZ name when cut: 0 another word, 1 the same word, 2 the
 * same word misread. A cut word is the start of the printed one. */
static int word_vs(const char *w, int n, const char *m, int nm, bool cut)
{
    if (cut && n > nm)
        n = nm;
    if (n == nm && memcmp(w, m, (size_t)n) == 0)
        return 1;
    return n >= 3 && word_misread(w, (size_t)n, m, (size_t)nm) ? 2 : 0;
}

bool ds_vizident_name_misread(const char *read, const char *mrz, bool truncated)
{
    if (!read || !mrz)
        return false;
    int ro[MISREAD_WORDS], rl[MISREAD_WORDS], mo[MISREAD_WORDS], ml[MISREAD_WORDS];
    int nr = name_words(read, ro, rl), nm = name_words(mrz, mo, ml);
    if (nr == 0 || nm == 0)
        return false;
    /* Each printed word, in order, is a word of the MRZ after the one the
     * word before it was (MRZ words the page lacks may lie between); the
     * same word is taken before a misread one. A truncated MRZ lacks the
     * printed words after its last. */
    int next = 0, misread = 0;
    for (int w = 0; w < nr; w++) {
        if (next >= nm && truncated)
            break;
        int k = next, v = 0;
        for (int want = 1; want <= 2 && !v; want++)
            for (k = next; k < nm; k++) {
                v = word_vs(read + ro[w], rl[w], mrz + mo[k], ml[k], truncated && k == nm - 1);
                if (v == want)
                    break;
                v = 0;
            }
        if (!v)
            return false;
        misread += v == 2;
        next = k + 1;
    }
    return misread > 0 && misread <= 2;
}

bool ds_vizident_ends_years(const char *a, const char *b)
{
    int y, mo, d, by, bm, bd;
    if (!a || !b || !ds_date_parse(a, &y, &mo, &d) || !ds_date_parse(b, &by, &bm, &bd))
        return false;
    long e = ds_date_days(by, bm, bd);
    for (int k = 1; k <= 10; k++) {
        long an = ds_date_days(y + k, mo, d);
        if (e == an || e == an - 1)
            return true;
    }
    return false;
}

bool ds_vizident_validity_end(const ds_viz *viz, const ds_mrz *m, float min_conf, char out[11])
{
    if (!viz || !m || !out || strlen(m->expiry_date) != 10 || strlen(m->birth_date) != 10)
        return false;
    const char *last = NULL;
    bool tie = false;
    for (int i = 0; i < viz->ndates && i < DS_VIZ_MAX_DATES; i++) {
        const char *k = viz->dates[i].key;
        if (viz->dates[i].confidence < min_conf || strlen(k) != 10)
            continue;
        if (strcmp(k + 2, m->expiry_date + 2) == 0)
            return false;
        int c = last ? strcmp(k, last) : 1;
        tie = c == 0 ? true : c > 0 ? false : tie;
        last = c > 0 ? k : last;
    }
    if (!last || tie || strcmp(last + 2, m->birth_date + 2) == 0)
        return false;
    int starts = 0;
    for (int i = 0; i < viz->ndates && i < DS_VIZ_MAX_DATES; i++) {
        const char *k = viz->dates[i].key;
        if (viz->dates[i].confidence < min_conf || strlen(k) != 10 || strcmp(k, last) >= 0)
            continue;
        if (ds_vizident_ends_years(k, last)) {
            if (strcmp(k + 2, m->birth_date + 2) == 0)
                return false;
            starts++;
        }
    }
    if (!starts)
        return false;
    memcpy(out, last, 11);
    return true;
}
