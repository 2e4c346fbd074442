/*
 * support_place.c: dates a page writes with a place (support_lines.h).
 *
 * Certificates, attestations and letters of many countries are dated at
 * the foot (or the head) with the place where they were made: "Lisboa, 3
 * de novembro de 2026", "Fait à Lyon, le 14 juillet 2026", "Milano, lì 3
 * novembre 2026", "Given at Wyvern on 28th of May, 2026". Such a line is
 * the page's date of issue where no label gives one. A sworn translator's
 * declaration closes with the same form for the translation's own date,
 * which is no date of the document: a place-and-date line right under a
 * translator's words is skipped.
 *
 * So is the date of a certifying sentence ("Given under the seal of the
 * said Office, the third day of October, ...").
 *
 * A birth date in prose may follow the place of birth: "born at Athens on
 * 22nd of October, 2000", "nato a Milano il 14 luglio 1985".
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "page/support_lines.h"

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

/* Words that lead into a place ("Given at", "Fait à", "Done at"). */
static const char *const leads[] = {"given", "done", "issued", "made", "signed", "dated",
                                    "fait", "delivre", "a", "at", "in", "te", "em", "en", NULL};
/* Words between the place and its date ("on", "le", "lì", "den"). */
static const char *const joins[] = {"on", "the", "le", "li", "il", "den", "am", "op", "em",
                                    "el", "a", "this", NULL};
/* Words of a sworn translator's declaration. */
static const char *const translator[] = {
    "translator", "translation", "translated", "traduttore", "traduttrice", "traduzione",
    "tradutor", "tradutora", "traducao", "vertaler", "vertaling", "traducteur", "traductrice",
    "traduction", "sworn", "traductor", "traduccion", "ubersetzer", "ubersetzung", NULL};

static void fold(const char *w, char *out, size_t cap)
{
    ds_text_fold(w, out, cap);
    char *sp = strchr(out, ' ');
    if (sp)
        *sp = 0;
}

/* Does one of lines [line - 3, line) hold a translator's word? */
static bool after_translator(const ds_sup_text *t, const ds_sup_lines *L, int line)
{
    for (int l = line - 3 > 0 ? line - 3 : 0; l < line; l++)
        for (int i = L->start[l]; i < L->start[l + 1]; i++) {
            char f[DS_SUP_WORD_MAX * 2];
            fold(t->w[i].text, f, sizeof f);
            if (in_list(translator, f))
                return true;
        }
    return false;
}

int ds_sup_place_date(const ds_sup_text *t, const ds_sup_lines *L, int line, int *da,
                      char iso[11], char alt[11], bool *short_year)
{
    int a = L->start[line], b = L->start[line + 1];
    /* The date ends the line: the first start from which it does. */
    int d = -1, n = 0;
    for (int k = a + 1; k < b && d < 0; k++) {
        n = ds_sup_date_words_yy(t, k, b, L->order, false, iso, alt, short_year);
        if (n > 0 && k + n == b)
            d = k;
    }
    if (d < 0 || d - a > 6)
        return 0;
    /* Before it: a place of words without digits, starting with a capital
     * (after a lead), ending with a comma or followed by a joining word;
     * at most one lead and one join. */
    int j = d;
    char f[DS_SUP_WORD_MAX * 2];
    fold(t->w[j - 1].text, f, sizeof f);
    bool joined = in_list(joins, f);
    if (joined)
        j--;
    if (j <= a)
        return 0;
    size_t l = strlen(t->w[j - 1].text);
    bool comma = t->w[j - 1].text[l - 1] == ',';
    int p = a;
    for (int k = 0; k < 2 && p < j; k++) {
        fold(t->w[p].text, f, sizeof f);
        if (!in_list(leads, f))
            break;
        p++;
    }
    /* "Lisboa, 3 ...", "Milano, lì 3 ...", "Given at Wyvern on ...": a
     * word and "on" alone is a caption ("Married on", "Paid on"). */
    if (p >= j || j - p > 3 || !(comma || (joined && p > a)))
        return 0;
    for (int i = p; i < j; i++) {
        unsigned char c = (unsigned char)t->w[i].text[0];
        if (ds_sup_has_digit(t->w[i].text) || (i == p && c < 0x80 && !isupper(c)) ||
            ds_sup_label_at(t, L, i) || ds_sup_form_word(t->w[i].text))
            return 0;
    }
    if (after_translator(t, L, line))
        return 0;
    *da = d;
    return n;
}

int ds_sup_skip_birthplace(const ds_sup_text *t, int a, int b)
{
    static const char *const at[] = {"at", "in", "a", "te", "em", "en", NULL};
    char f[DS_SUP_WORD_MAX * 2];
    if (a >= b)
        return a;
    fold(t->w[a].text, f, sizeof f);
    /* "born" at a line's end, "on 8th July 1973" on the next: the joining
     * word before the date. */
    char iso0[11], alt0[11];
    if (in_list(joins, f) && a + 1 < b &&
        ds_sup_date_words(t, a + 1, b, DS_SUP_ORDER_UNKNOWN, iso0, alt0) > 0)
        return a + 1;
    if (!in_list(at, f))
        return a;
    /* One to three words of the place, then a joining word and the date. */
    for (int k = a + 2; k < b && k <= a + 4; k++) {
        fold(t->w[k].text, f, sizeof f);
        char iso[11], alt[11];
        if (in_list(joins, f) && k + 1 < b && t->w[k + 1].line == t->w[a].line &&
            ds_sup_date_words(t, k + 1, b, DS_SUP_ORDER_UNKNOWN, iso, alt) > 0)
            return k + 1;
    }
    return a;
}

/* "Given under the seal of the said Office, the third day of October,
 * ...", "Given at the Register Office on Sat 24 Jul 2027": a certifying
 * sentence's date, the first within 24 words of a sentence that starts
 * "Given at", "Given under", "Given this" or "Given by", on its line or
 * the next. Returns the date's words, its first at *da. */
static int given_date(const ds_sup_text *t, const ds_sup_lines *L, int *da, char iso[11],
                      char alt[11], bool *short_year)
{
    static const char *const after[] = {"at", "under", "this", "by", NULL};
    char f[DS_SUP_WORD_MAX * 2];
    for (int i = 0; i + 1 < t->nwords; i++) {
        const char *w = t->w[i].text;
        if (w[0] != 'G' || t->w[i + 1].line != t->w[i].line)
            continue;
        fold(w, f, sizeof f);
        if (strcmp(f, "given") != 0)
            continue;
        size_t pl = i > 0 ? strlen(t->w[i - 1].text) : 0;
        if (i > 0 && t->w[i - 1].line == t->w[i].line && t->w[i - 1].text[pl - 1] != '.')
            continue; /* not a sentence's first word */
        fold(t->w[i + 1].text, f, sizeof f);
        if (!in_list(after, f))
            continue;
        for (int k = i + 2; k < t->nwords && k <= i + 24; k++) {
            if (t->w[k].line > t->w[i].line + 1)
                break;
            int n = ds_sup_date_words_yy(t, k, t->nwords, L->order, false, iso, alt, short_year);
            if (n > 0) {
                *da = k;
                return n;
            }
        }
    }
    return 0;
}

void ds_sup_put_place_date(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_page *out)
{
    int k = -1;
    for (int i = 0; i < out->nfields; i++)
        if (out->f[i].id == DS_SF_ISSUE_DATE) {
            if (strcmp(out->f[i].label, "date line") != 0)
                return;
            k = i; /* a letter's date line: this one is placed better */
        }
    char iso[11], alt[11];
    bool shrt = false;
    for (int line = 0, d = 0, n = 0; line <= L->n; line++) {
        /* After the lines: a certifying sentence's date. */
        if (line == L->n ? !(n = given_date(t, L, &d, iso, alt, &shrt))
                         : !(n = ds_sup_place_date(t, L, line, &d, iso, alt, &shrt)))
            continue;
        if (k < 0 && out->nfields >= DS_SUP_FIELDS_MAX)
            return;
        ds_sup_set_date(t, d, d + n, DS_SF_ISSUE_DATE, "place and date", iso, alt, shrt,
                        &out->f[k < 0 ? out->nfields++ : k]);
        return;
    }
}

void ds_sup_set_date(const ds_sup_text *t, int a, int b, ds_sup_field_id id, const char *lab,
                     const char iso[11], const char alt[11], bool short_year, ds_sup_field *f)
{
    memset(f, 0, sizeof *f);
    f->id = id;
    snprintf(f->label, sizeof f->label, "%s", lab);
    char buf[DS_SUP_VALUE_MAX];
    ds_sup_join_words(t, a, b, buf, sizeof buf);
    ds_text_copy_utf8(f->value, sizeof f->value, buf);
    ds_sup_span_box(t, a, b, f->box, &f->conf);
    f->short_year = short_year;
    if (alt[0]) {
        memcpy(f->readings[0], iso, 11);
        memcpy(f->readings[1], alt, 11);
    } else
        memcpy(f->norm, iso, 11);
}

bool ds_sup_caption_cell(const ds_sup_text *t, ds_sup_span v)
{
    if (v.b <= v.a)
        return false;
    const char *w = t->w[v.b - 1].text;
    size_t l = strlen(w);
    return l > 1 && w[l - 1] == ':';
}
