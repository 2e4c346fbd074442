/*
 * The printed front of an AAMVA driving licence or ID card, read with
 * Tesseract (see dlfront.h for the contract).
 *
 * One PSM_SPARSE_TEXT pass over the page (barcodes blanked, small pages
 * enlarged) gives words with boxes and confidences. Words are grouped into
 * rows by their vertical centres and each row is read left to right: a
 * label is a front-zone field number ("4d"), a known text label ("DOB",
 * "DOB/DDN", "LIC NO"), or both ("3 DOB", "4aISS"); its value is the words
 * after it up to the next label or a column gap, else the words just below
 * it. Short generic labels ("NO", "ID", "DL", "NOM") count only where a row
 * or a column starts, so a name or an address word is not taken for one.
 * This file never raises flags and never decides what is genuine.
 */
#include "page/tess.h"
#include "base/base.h"
#include "base/text.h"
#include "page/dlfront.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tesseract/capi.h>

#include "page/viz.h"

#define MAX_WORDS 1024
#define WORD_MAX 64
#define VALUE_WORDS 8 /* words kept for one value */

struct ds_dlfront_reader {
    TessBaseAPI *api;
    bool borrowed; /* the caller's engine (ds_dlfront_reader_wrap) */
};

static const char *const field_names[DS_DLF_FIELD_COUNT] = {
    "surname", "given_names", "birth_date", "issue_date", "expiry_date",
    "document_number", "sex", "height",
};

const char *ds_dlfront_field_name(ds_dlfront_field_id id)
{
    return (unsigned)id < DS_DLF_FIELD_COUNT ? field_names[id] : "unknown";
}

/* ---------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------- */

static bool valid_ymd(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

static void put_iso(char iso[11], int y, int m, int d)
{
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

/* English and French month abbreviations as cards print them. */
static int month_word(const char *w)
{
    static const struct {
        const char *name;
        int m;
    } t[] = {
        {"JAN", 1},  {"JANV", 1}, {"FEB", 2},  {"FEV", 2},  {"FEVR", 2}, {"MAR", 3},
        {"MARS", 3}, {"APR", 4},  {"AVR", 4},  {"AVRIL", 4}, {"MAY", 5},  {"MAI", 5},
        {"JUN", 6},  {"JUIN", 6}, {"JUL", 7},  {"JUIL", 7}, {"AUG", 8},  {"AOU", 8},
        {"AOUT", 8}, {"SEP", 9},  {"SEPT", 9}, {"OCT", 10}, {"NOV", 11}, {"DEC", 12},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(w, t[i].name) == 0)
            return t[i].m;
    return 0;
}

typedef struct tok {
    char s[16];
    int ndig;  /* all digits (after repair): their count; else 0 */
    int month; /* a month word: 1..12; else 0 */
} tok;

/* Splits text into letter/digit runs. A run with a digit whose other
 * characters are O, l, I, S, B (and lower-case forms) is repaired to digits. */
static int tokenize(const char *text, tok *t, int cap)
{
    int n = 0;
    const char *p = text;
    while (*p && n < cap) {
        while (*p && !isalnum((unsigned char)*p) && *p != '|')
            p++;
        if (!*p)
            break;
        char buf[16];
        int len = 0;
        while (*p && (isalnum((unsigned char)*p) || *p == '|')) {
            if (len < 15)
                buf[len++] = *p;
            p++;
        }
        buf[len] = 0;
        int digits = 0, fixable = 0;
        for (int i = 0; i < len; i++) {
            if (isdigit((unsigned char)buf[i]))
                digits++;
            else if (strchr("OoQDlIi|SsBZz", buf[i]))
                fixable++;
        }
        tok *k = &t[n++];
        memset(k, 0, sizeof *k);
        if (digits > 0 && digits + fixable == len) {
            for (int i = 0; i < len; i++) {
                char c = buf[i];
                k->s[i] = strchr("OoQD", c) ? '0' : strchr("lIi|", c) ? '1' : strchr("Ss", c) ? '5'
                          : c == 'B'                                         ? '8'
                          : strchr("Zz", c)                                  ? '2'
                                                                             : c;
            }
            k->s[len] = 0;
            k->ndig = len;
        } else {
            for (int i = 0; i <= len; i++)
                k->s[i] = (char)toupper((unsigned char)buf[i]);
            k->month = month_word(k->s);
        }
    }
    return n;
}

bool ds_dlfront_parse_date(const char *text, char iso[11], char alt[11])
{
    char dummy[11];
    if (!alt)
        alt = dummy;
    if (!text || !iso)
        return false;
    iso[0] = alt[0] = 0;
    tok t[12];
    int n = tokenize(text, t, 12);
    for (int i = 0; i < n; i++) {
        int a = t[i].ndig ? atoi(t[i].s) : -1;
        /* 8 digits in one run: CCYYMMDD, else MMDDCCYY (or DDMMCCYY). */
        if (t[i].ndig == 8) {
            int y1 = atoi(t[i].s) / 10000, m1 = (a / 100) % 100, d1 = a % 100;
            if ((t[i].s[0] == '1' || t[i].s[0] == '2') && valid_ymd(y1, m1, d1)) {
                put_iso(iso, y1, m1, d1);
                return true;
            }
            int p = a / 1000000, q = (a / 10000) % 100, y = a % 10000;
            if (valid_ymd(y, p, q)) {
                put_iso(iso, y, p, q);
                if (p != q && valid_ymd(y, q, p))
                    put_iso(alt, y, q, p);
                return true;
            }
            if (valid_ymd(y, q, p)) {
                put_iso(iso, y, q, p);
                return true;
            }
        }
        if (i + 2 >= n)
            continue;
        const tok *b = &t[i + 1], *c = &t[i + 2];
        /* YYYY MM DD and YYYY MON DD (Canada). */
        if (t[i].ndig == 4 && c->ndig >= 1 && c->ndig <= 2) {
            int m = b->ndig >= 1 && b->ndig <= 2 ? atoi(b->s) : b->month;
            if (m && valid_ymd(a, m, atoi(c->s))) {
                put_iso(iso, a, m, atoi(c->s));
                return true;
            }
        }
        /* MM DD YYYY (US; DD MM YYYY when only that is a date). */
        if (t[i].ndig >= 1 && t[i].ndig <= 2 && b->ndig >= 1 && b->ndig <= 2 && c->ndig == 4) {
            int p = a, q = atoi(b->s), y = atoi(c->s);
            if (valid_ymd(y, p, q)) {
                put_iso(iso, y, p, q);
                if (p != q && valid_ymd(y, q, p))
                    put_iso(alt, y, q, p);
                return true;
            }
            if (valid_ymd(y, q, p)) {
                put_iso(iso, y, q, p);
                return true;
            }
        }
        /* DD MON YYYY and MON DD YYYY. */
        if (t[i].ndig >= 1 && t[i].ndig <= 2 && b->month && c->ndig == 4 &&
            valid_ymd(atoi(c->s), b->month, a)) {
            put_iso(iso, atoi(c->s), b->month, a);
            return true;
        }
        if (t[i].month && b->ndig >= 1 && b->ndig <= 2 && c->ndig == 4 &&
            valid_ymd(atoi(c->s), t[i].month, atoi(b->s))) {
            put_iso(iso, atoi(c->s), t[i].month, atoi(b->s));
            return true;
        }
    }
    /* Other written forms ("15 JUNE 1985", "15.06.1985" read day first). */
    return ds_viz_parse_date(text, iso);
}

/* ---------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------- */

/* What a label introduces: one of the fields, or another front-zone field
 * whose value only ends the previous one. */
enum { K_NONE = -1, K_OTHER = DS_DLF_FIELD_COUNT };

typedef struct label_def {
    const char *text; /* folded: lower-case words, single spaces */
    int kind;
    bool weak;        /* generic: counts only where a row or column starts */
} label_def;

static const label_def labels[] = {
    {"ln", DS_DLF_SURNAME, false}, {"lname", DS_DLF_SURNAME, false},
    {"last name", DS_DLF_SURNAME, false}, {"family name", DS_DLF_SURNAME, false},
    {"surname", DS_DLF_SURNAME, false}, {"nom", DS_DLF_SURNAME, true},
    {"nom de famille", DS_DLF_SURNAME, false},
    {"fn", DS_DLF_GIVEN_NAMES, false}, {"fname", DS_DLF_GIVEN_NAMES, false},
    {"first name", DS_DLF_GIVEN_NAMES, false}, {"given name", DS_DLF_GIVEN_NAMES, false},
    {"given names", DS_DLF_GIVEN_NAMES, false}, {"prenom", DS_DLF_GIVEN_NAMES, false},
    {"prenoms", DS_DLF_GIVEN_NAMES, false}, {"first", DS_DLF_GIVEN_NAMES, true},
    {"dob", DS_DLF_BIRTH_DATE, false}, {"ddn", DS_DLF_BIRTH_DATE, false},
    {"date of birth", DS_DLF_BIRTH_DATE, false}, {"birth date", DS_DLF_BIRTH_DATE, false},
    {"birthdate", DS_DLF_BIRTH_DATE, false}, {"birth", DS_DLF_BIRTH_DATE, true},
    {"born", DS_DLF_BIRTH_DATE, true}, {"date de naissance", DS_DLF_BIRTH_DATE, false},
    {"naissance", DS_DLF_BIRTH_DATE, false},
    {"iss", DS_DLF_ISSUE_DATE, false}, {"issued", DS_DLF_ISSUE_DATE, false},
    {"issue date", DS_DLF_ISSUE_DATE, false}, {"iss date", DS_DLF_ISSUE_DATE, false},
    {"date of issue", DS_DLF_ISSUE_DATE, false}, {"issue", DS_DLF_ISSUE_DATE, true},
    {"del", DS_DLF_ISSUE_DATE, true}, {"delivrance", DS_DLF_ISSUE_DATE, false},
    {"date de delivrance", DS_DLF_ISSUE_DATE, false},
    {"exp", DS_DLF_EXPIRY_DATE, false}, {"expires", DS_DLF_EXPIRY_DATE, false},
    {"expiry", DS_DLF_EXPIRY_DATE, false}, {"expiration", DS_DLF_EXPIRY_DATE, false},
    {"exp date", DS_DLF_EXPIRY_DATE, false}, {"expiry date", DS_DLF_EXPIRY_DATE, false},
    {"expiration date", DS_DLF_EXPIRY_DATE, false},
    {"dln", DS_DLF_DOCUMENT_NUMBER, false}, {"dl", DS_DLF_DOCUMENT_NUMBER, true},
    {"dl no", DS_DLF_DOCUMENT_NUMBER, false}, {"lic", DS_DLF_DOCUMENT_NUMBER, false},
    {"lic no", DS_DLF_DOCUMENT_NUMBER, false}, {"license no", DS_DLF_DOCUMENT_NUMBER, false},
    {"licence no", DS_DLF_DOCUMENT_NUMBER, false},
    {"license number", DS_DLF_DOCUMENT_NUMBER, false},
    {"licence number", DS_DLF_DOCUMENT_NUMBER, false},
    {"dl number", DS_DLF_DOCUMENT_NUMBER, false}, {"id no", DS_DLF_DOCUMENT_NUMBER, false},
    {"idn", DS_DLF_DOCUMENT_NUMBER, false}, {"id number", DS_DLF_DOCUMENT_NUMBER, false},
    {"customer no", DS_DLF_DOCUMENT_NUMBER, false}, {"no", DS_DLF_DOCUMENT_NUMBER, true},
    {"id", DS_DLF_DOCUMENT_NUMBER, true}, {"number", DS_DLF_DOCUMENT_NUMBER, true},
    {"sex", DS_DLF_SEX, false}, {"sexe", DS_DLF_SEX, false}, {"gender", DS_DLF_SEX, false},
    {"hgt", DS_DLF_HEIGHT, false}, {"ht", DS_DLF_HEIGHT, true}, {"height", DS_DLF_HEIGHT, false},
    {"taille", DS_DLF_HEIGHT, false},
    {"class", K_OTHER, false}, {"classe", K_OTHER, false}, {"cl", K_OTHER, true},
    {"rest", K_OTHER, false}, {"restr", K_OTHER, false}, {"restrictions", K_OTHER, false},
    {"end", K_OTHER, true}, {"endorsements", K_OTHER, false}, {"dd", K_OTHER, false},
    {"eyes", K_OTHER, false}, {"eye", K_OTHER, false}, {"yeux", K_OTHER, false},
    {"hair", K_OTHER, false}, {"wgt", K_OTHER, false}, {"wt", K_OTHER, true},
    {"weight", K_OTHER, false}, {"poids", K_OTHER, false}, {"donor", K_OTHER, false},
    {"veteran", K_OTHER, false}, {"address", K_OTHER, false}, {"addr", K_OTHER, false},
    {"adresse", K_OTHER, false}, {"cat", K_OTHER, true}, {"ref", K_OTHER, true},
};

/* Front-zone field numbers of the AAMVA card design standard. */
static int number_kind(const char *t)
{
    static const struct {
        const char *n;
        int kind;
    } nums[] = {
        {"1", DS_DLF_SURNAME},      {"2", DS_DLF_GIVEN_NAMES}, {"3", DS_DLF_BIRTH_DATE},
        {"4a", DS_DLF_ISSUE_DATE},  {"4b", DS_DLF_EXPIRY_DATE}, {"4c", K_OTHER},
        {"4d", DS_DLF_DOCUMENT_NUMBER}, {"5", K_OTHER}, {"8", K_OTHER}, {"9", K_OTHER},
        {"9a", K_OTHER},            {"12", K_OTHER},           {"15", DS_DLF_SEX},
        {"16", DS_DLF_HEIGHT},      {"17", K_OTHER},           {"18", K_OTHER},
        {"19", K_OTHER},
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (strcmp(t, nums[i].n) == 0)
            return nums[i].kind;
    return K_NONE;
}

static int lev(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 31 || lb > 31)
        return 99;
    int d[32][32];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

/* The label folded text t is (exactly, or one edit off for labels of six
 * letters or more); NULL when none. */
static const label_def *label_of(const char *t)
{
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(t, labels[i].text) == 0)
            return &labels[i];
    if (strlen(t) >= 6)
        for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
            if (strlen(labels[i].text) >= 6 && lev(t, labels[i].text) <= 1)
                return &labels[i];
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Words and rows
 * ------------------------------------------------------------------------- */

typedef struct word {
    char t[WORD_MAX];
    int x0, y0, x1, y1;
    float conf;
    int row;
    /* label analysis */
    int kind;      /* K_NONE when the word is no label */
    int span;      /* words the label takes from here (1..3) */
    bool numbered; /* the label has a field number */
    bool bare;     /* the label is a field number alone */
    bool value_start;
} word;

typedef struct page_words {
    word w[MAX_WORDS];
    int n;
    int nrows;
} page_words;

static void collect_words(TessBaseAPI *api, page_words *pg)
{
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (!it)
        return;
    const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
    do {
        if (pg->n >= MAX_WORDS)
            break;
        char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
        if (!t)
            continue;
        int l, tp, r, b;
        if (t[0] && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &tp, &r, &b) && r > l &&
            b > tp) {
            word *w = &pg->w[pg->n++];
            memset(w, 0, sizeof *w);
            ds_text_copy_utf8(w->t, sizeof w->t, t);
            w->x0 = l, w->y0 = tp, w->x1 = r, w->y1 = b;
            w->conf = TessResultIteratorConfidence(it, RIL_WORD);
            w->kind = K_NONE;
        }
        TessDeleteText(t);
    } while (TessResultIteratorNext(it, RIL_WORD));
    TessResultIteratorDelete(it);
}

static int cmp_cy(const void *a, const void *b)
{
    const word *p = a, *q = b;
    int cp = p->y0 + p->y1, cq = q->y0 + q->y1;
    return (cp > cq) - (cp < cq);
}

static int cmp_row_x(const void *a, const void *b)
{
    const word *p = a, *q = b;
    if (p->row != q->row)
        return (p->row > q->row) - (p->row < q->row);
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* Groups words into rows by their vertical centres, then sorts each row
 * left to right. */
static void build_rows(page_words *pg)
{
    if (pg->n == 0)
        return;
    qsort(pg->w, (size_t)pg->n, sizeof pg->w[0], cmp_cy);
    int row = 0;
    double cy = (pg->w[0].y0 + pg->w[0].y1) / 2.0, h = pg->w[0].y1 - pg->w[0].y0;
    for (int i = 0; i < pg->n; i++) {
        word *w = &pg->w[i];
        double wc = (w->y0 + w->y1) / 2.0, wh = w->y1 - w->y0;
        if (i > 0 && fabs(wc - cy) > 0.45 * (wh > h ? wh : h)) {
            row++;
            cy = wc, h = wh;
        }
        w->row = row;
    }
    pg->nrows = row + 1;
    qsort(pg->w, (size_t)pg->n, sizeof pg->w[0], cmp_row_x);
}

static int height(const word *w) { return w->y1 - w->y0; }

/* True when word i starts a row or follows a wide gap (a new column). */
static bool column_start(const page_words *pg, int i)
{
    if (i == 0 || pg->w[i - 1].row != pg->w[i].row)
        return true;
    int h = height(&pg->w[i]) > height(&pg->w[i - 1]) ? height(&pg->w[i]) : height(&pg->w[i - 1]);
    return pg->w[i].x0 - pg->w[i - 1].x1 > 2 * h;
}

static bool same_row(const page_words *pg, int i, int j)
{
    return j < pg->n && pg->w[i].row == pg->w[j].row;
}

/* Folds the words i..i+k-1 of one row into out. */
static void fold_words(const page_words *pg, int i, int k, char *out, size_t cap)
{
    char buf[3 * WORD_MAX + 4];
    buf[0] = 0;
    for (int j = 0; j < k; j++) {
        if (j)
            strcat(buf, " ");
        strcat(buf, pg->w[i + j].t);
    }
    ds_text_fold(buf, out, cap);
}

/* A text label at word i (up to three words); its kind and span, or K_NONE.
 * Every part of a word split by '/' ("DOB/DDN") must be a label. */
static int text_label_at(const page_words *pg, int i, bool start, int *span)
{
    for (int k = 3; k >= 1; k--) {
        if (!same_row(pg, i, i + k - 1))
            continue;
        char f[3 * WORD_MAX + 4];
        fold_words(pg, i, k, f, sizeof f);
        if (!f[0])
            continue;
        const label_def *d = label_of(f);
        if (d && (!d->weak || start)) {
            *span = k;
            return d->kind;
        }
        if (k == 1 && strchr(f, ' ')) {
            /* "DOB/DDN", "ISS/DEL": each part a label, the first one decides. */
            char *save = NULL, tmp[3 * WORD_MAX + 4];
            snprintf(tmp, sizeof tmp, "%s", f);
            int kind = K_NONE;
            bool all = true;
            for (char *p = strtok_r(tmp, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
                const label_def *e = label_of(p);
                if (!e) {
                    all = false;
                    break;
                }
                if (kind == K_NONE)
                    kind = e->kind;
            }
            if (all && kind != K_NONE) {
                *span = 1;
                return kind;
            }
        }
    }
    return K_NONE;
}

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s))
            return true;
    return false;
}

/* Marks every label: a field number, a text label, or a number followed by
 * (or glued to) a text label. */
static int find_labels(page_words *pg)
{
    int nlabels = 0;
    for (int i = 0; i < pg->n; i++) {
        word *w = &pg->w[i];
        bool start = column_start(pg, i);
        char f[WORD_MAX + 4];
        ds_text_fold(w->t, f, sizeof f);
        /* A number glued to its label: "4aISS", "3DOB". */
        int num = number_kind(f);
        if (num == K_NONE && isdigit((unsigned char)f[0])) {
            for (int nl = 3; nl >= 1; nl--) {
                char n[4] = {0};
                if (strlen(f) <= (size_t)nl)
                    continue;
                memcpy(n, f, (size_t)nl);
                int nk = number_kind(n);
                const label_def *d = nk != K_NONE ? label_of(f + nl) : NULL;
                if (d) {
                    /* The text decides, unless it only names another field. */
                    w->kind = d->kind == K_OTHER ? nk : d->kind;
                    w->span = 1;
                    w->numbered = true;
                    break;
                }
            }
            if (w->kind != K_NONE) {
                nlabels++;
                continue;
            }
            /* A date's number with its label misread ("3008" for "3 DOB",
             * a low-confidence word): only dates, which the value confirms. */
            if (start && w->conf < 50 && same_row(pg, i, i + 1) && has_digit(pg->w[i + 1].t)) {
                char n[3] = {f[0], f[1] >= 'a' && f[1] <= 'd' ? f[1] : 0, 0};
                int nk = number_kind(n);
                char iso[11];
                if ((nk == DS_DLF_BIRTH_DATE || nk == DS_DLF_ISSUE_DATE ||
                     nk == DS_DLF_EXPIRY_DATE) &&
                    ds_dlfront_parse_date(pg->w[i + 1].t, iso, NULL)) {
                    w->kind = nk;
                    w->span = 1;
                    w->numbered = true;
                    nlabels++;
                    continue;
                }
            }
        }
        if (num != K_NONE) {
            /* Bare single digits only where a row or column starts ("APT 2"). */
            bool one_digit = strlen(f) == 1;
            if (one_digit && !start)
                continue;
            int span = 0, tk = same_row(pg, i, i + 1) ? text_label_at(pg, i + 1, true, &span)
                                                       : K_NONE;
            w->numbered = true;
            if (tk != K_NONE) {
                w->kind = tk == K_OTHER && num != K_OTHER ? K_OTHER : tk;
                w->span = 1 + span;
            } else {
                w->kind = num;
                w->span = 1;
                w->bare = true;
            }
            nlabels++;
            i += w->span - 1;
            continue;
        }
        /* A field number misread ("44" for "4d") still starts the column. */
        if (!start && i > 0 && column_start(pg, i - 1) && strlen(pg->w[i - 1].t) <= 2 &&
            has_digit(pg->w[i - 1].t))
            start = true;
        int span = 0;
        int tk = text_label_at(pg, i, start, &span);
        if (tk != K_NONE) {
            w->kind = tk;
            w->span = span;
            nlabels++;
            i += span - 1;
        }
    }
    return nlabels;
}

/* ---------------------------------------------------------------------------
 * Values
 * ------------------------------------------------------------------------- */

static bool is_label(const page_words *pg, int i) { return pg->w[i].kind != K_NONE; }

/* Collects the value words of the label at word i into idx; returns their count. */
static int value_words(const page_words *pg, int i, int idx[VALUE_WORDS])
{
    const word *lab = &pg->w[i];
    int last = i + lab->span - 1, n = 0;
    int lh = 0;
    for (int j = i; j <= last; j++)
        if (height(&pg->w[j]) > lh)
            lh = height(&pg->w[j]);
    /* After the label on its row, up to the next label or a column gap. */
    int prev_x1 = pg->w[last].x1;
    for (int j = last + 1; same_row(pg, i, j) && n < VALUE_WORDS; j++) {
        if (is_label(pg, j))
            break;
        int gap = pg->w[j].x0 - prev_x1;
        int h = height(&pg->w[j]) > lh ? height(&pg->w[j]) : lh;
        if ((n == 0 && gap > 10 * h) || (n > 0 && gap > 2 * h))
            break;
        idx[n++] = j;
        prev_x1 = pg->w[j].x1;
    }
    if (n > 0)
        return n;
    /* Below the label: the next row, starting near the label's left edge. */
    int lx = lab->x0, ly = pg->w[last].y1;
    for (int j = last + 1; j < pg->n; j++) {
        const word *w = &pg->w[j];
        if (w->row == lab->row)
            continue;
        if (w->y0 - ly > 2 * lh + 4)
            break;
        if (w->x1 < lx - lh || w->x0 > lx + 4 * lh || is_label(pg, j))
            continue;
        prev_x1 = w->x0;
        for (int k = j; same_row(pg, j, k) && n < VALUE_WORDS; k++) {
            if (is_label(pg, k) || pg->w[k].x0 - prev_x1 > 2 * height(w))
                break;
            idx[n++] = k;
            prev_x1 = pg->w[k].x1;
        }
        break;
    }
    return n;
}

/* Fills f from the value words: 0 when they make no value of the kind, 1 when
 * f already holds a better reading, 2 when f was replaced. */
static int make_value(const page_words *pg, int kind, const int *idx, int n, float inv, int ox,
                       int oy, ds_dlfront_field *f)
{
    int first = 0;
    /* A misread label word ("poB", "DIN") before a date or number is dropped. */
    if (kind == DS_DLF_BIRTH_DATE || kind == DS_DLF_ISSUE_DATE || kind == DS_DLF_EXPIRY_DATE ||
        kind == DS_DLF_DOCUMENT_NUMBER) {
        while (first < n && !has_digit(pg->w[idx[first]].t))
            first++;
    }
    if (kind == DS_DLF_SEX) {
        while (first < n && strlen(pg->w[idx[first]].t) > 1 &&
               strcmp(pg->w[idx[first]].t, "MALE") != 0 &&
               strcmp(pg->w[idx[first]].t, "FEMALE") != 0)
            first++;
        if (first < n)
            n = first + 1;
    }
    if (kind == DS_DLF_BIRTH_DATE || kind == DS_DLF_ISSUE_DATE || kind == DS_DLF_EXPIRY_DATE) {
        /* A date is at most three words ("15 JUN 1985"). */
        if (n - first > 3)
            n = first + 3;
    }
    if (first >= n)
        return 0;
    char text[DS_DLF_VALUE_MAX * 2];
    text[0] = 0;
    float conf = 100;
    int x0 = 1 << 30, y0 = 1 << 30, x1 = 0, y1 = 0;
    for (int k = first; k < n; k++) {
        const word *w = &pg->w[idx[k]];
        if (k > first)
            strncat(text, " ", sizeof text - strlen(text) - 1);
        strncat(text, w->t, sizeof text - strlen(text) - 1);
        if (w->conf < conf)
            conf = w->conf;
        x0 = w->x0 < x0 ? w->x0 : x0, y0 = w->y0 < y0 ? w->y0 : y0;
        x1 = w->x1 > x1 ? w->x1 : x1, y1 = w->y1 > y1 ? w->y1 : y1;
    }
    ds_dlfront_field tmp;
    memset(&tmp, 0, sizeof tmp);
    ds_text_copy_utf8(tmp.value, sizeof tmp.value, text);
    tmp.confidence = conf < 0 ? 0 : conf;
    tmp.bbox[0] = ox + (int)lroundf(x0 * inv);
    tmp.bbox[1] = oy + (int)lroundf(y0 * inv);
    tmp.bbox[2] = (int)lroundf((x1 - x0) * inv);
    tmp.bbox[3] = (int)lroundf((y1 - y0) * inv);
    switch (kind) {
    case DS_DLF_BIRTH_DATE:
    case DS_DLF_ISSUE_DATE:
    case DS_DLF_EXPIRY_DATE: {
        char iso[11], alt[11];
        if (ds_dlfront_parse_date(text, iso, alt)) {
            snprintf(tmp.norm, sizeof tmp.norm, "%s", iso);
            snprintf(tmp.alt, sizeof tmp.alt, "%s", alt);
        }
        break;
    }
    case DS_DLF_SURNAME:
    case DS_DLF_GIVEN_NAMES:
        if (!has_digit(text))
            ds_text_upper_name(text, tmp.norm, sizeof tmp.norm);
        break;
    case DS_DLF_DOCUMENT_NUMBER: {
        size_t o = 0;
        for (const char *p = text; *p && o + 1 < sizeof tmp.norm; p++)
            if (isalnum((unsigned char)*p))
                tmp.norm[o++] = (char)toupper((unsigned char)*p);
        tmp.norm[o] = 0;
        if (!has_digit(tmp.norm))
            tmp.norm[0] = 0;
        break;
    }
    case DS_DLF_SEX: {
        char c = (char)toupper((unsigned char)text[0]);
        if ((c == 'M' || c == 'F' || c == 'X') &&
            (text[1] == 0 || strcmp(text, "MALE") == 0 || strcmp(text, "FEMALE") == 0))
            tmp.norm[0] = c, tmp.norm[1] = 0;
        break;
    }
    case DS_DLF_HEIGHT:
        if (has_digit(text))
            ds_text_copy_utf8(tmp.norm, sizeof tmp.norm, text);
        break;
    default:
        return 0;
    }
    tmp.found = true;
    /* The better of two readings of the same field: one that parses, then
     * the more confident. */
    if (f->found) {
        bool new_parses = tmp.norm[0] != 0, old_parses = f->norm[0] != 0;
        if (old_parses && !new_parses)
            return 1;
        if (old_parses == new_parses && f->confidence >= tmp.confidence)
            return 1;
    }
    *f = tmp;
    return 2;
}

/* ---------------------------------------------------------------------------
 * Reader
 * ------------------------------------------------------------------------- */

ds_error ds_dlfront_reader_create(const char *langs, ds_dlfront_reader **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    ds_dlfront_reader *r = calloc(1, sizeof *r);
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

void ds_dlfront_reader_free(ds_dlfront_reader *r)
{
    if (!r)
        return;
    if (!r->borrowed)
        ds_tess_free(r->api);
    free(r);
}

ds_error ds_dlfront_reader_wrap(TessBaseAPI *api, ds_dlfront_reader **out)
{
    if (!api || !out)
        return DS_ERR_USAGE;
    *out = calloc(1, sizeof **out);
    if (!*out)
        return DS_ERR_NOMEM;
    (*out)->api = api;
    (*out)->borrowed = true;
    return DS_OK;
}

ds_error ds_dlfront_read(ds_dlfront_reader *r, PIX *page, const int (*exclude)[4], int nexclude,
                         ds_dlfront *out)
{
    ds_error err = DS_OK;
    PIX *gray = NULL, *scaled = NULL;
    page_words *pg = NULL;
    double t0 = ds_now_ms();
    if (!r || !page || !out || nexclude < 0 || (nexclude > 0 && !exclude))
        return DS_ERR_USAGE;
    memset(out, 0, sizeof *out);
    gray = pixGetDepth(page) == 8 && !pixGetColormap(page) ? pixCopy(NULL, page)
                                                           : pixConvertTo8(page, 0);
    pg = calloc(1, sizeof *pg);
    if (!gray || !pg) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    int w = pixGetWidth(gray), h = pixGetHeight(gray);
    for (int i = 0; i < nexclude; i++) {
        /* A margin of a few modules: the quiet zone and the bars' edges. */
        int m = 8;
        BOX *b = boxCreate(exclude[i][0] - m, exclude[i][1] - m, exclude[i][2] + 2 * m,
                           exclude[i][3] + 2 * m);
        if (b)
            pixSetInRect(gray, b);
        boxDestroy(&b);
    }
    /* Cards are printed for about 300 dpi scans; smaller pages (photos,
     * phone scans of a card alone) are enlarged so that 2 mm type is read. */
    int longest = w > h ? w : h;
    float scale = 1.0f;
    if (longest < 1600 && longest > 0) {
        scale = 2000.0f / (float)longest;
        if (scale > 2.5f)
            scale = 2.5f;
    }
    if (scale != 1.0f) {
        scaled = pixScale(gray, scale, scale);
        if (!scaled) {
            err = DS_ERR_NOMEM;
            goto out;
        }
    } else {
        scaled = pixClone(gray);
    }
    out->scale = scale;
    TessBaseAPISetPageSegMode(r->api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(r->api, scaled);
    TessBaseAPISetSourceResolution(r->api, 300);
    if (TessBaseAPIRecognize(r->api, NULL) == 0)
        collect_words(r->api, pg);
    TessBaseAPIClear(r->api);
    out->nwords = pg->n;
    build_rows(pg);
    out->nlabels = find_labels(pg);
    float inv = 1.0f / scale;
    for (int i = 0; i < pg->n; i++) {
        const word *lw = &pg->w[i];
        if (lw->kind == K_NONE || lw->kind == K_OTHER)
            continue;
        int idx[VALUE_WORDS];
        int n = value_words(pg, i, idx);
        ds_dlfront_field *f = &out->field[lw->kind];
        if (n > 0 && make_value(pg, lw->kind, idx, n, inv, 0, 0, f) == 2) {
            f->bare_number = lw->bare;
            const word *le = &pg->w[i + lw->span - 1];
            int y0 = lw->y0 < le->y0 ? lw->y0 : le->y0, y1 = lw->y1 > le->y1 ? lw->y1 : le->y1;
            f->label_bbox[0] = (int)lroundf(lw->x0 * inv);
            f->label_bbox[1] = (int)lroundf(y0 * inv);
            f->label_bbox[2] = (int)lroundf((le->x1 - lw->x0) * inv);
            f->label_bbox[3] = (int)lroundf((y1 - y0) * inv);
        }
    }
    for (int k = 0; k < DS_DLF_FIELD_COUNT; k++)
        out->nfound += out->field[k].found;
out:
    out->ms = ds_now_ms() - t0;
    pixDestroy(&scaled);
    pixDestroy(&gray);
    free(pg);
    return err;
}
