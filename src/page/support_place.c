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
 * said Office, the third day of October, ...") and of a sentence that
 * issues the page ("Se expide la presente en Monterrey, el 6 de enero de
 * 2027", "Issued at Leeds on ...").
 *
 * A birth date in prose may follow the place of birth: "born at Athens on
 * 22nd of October, 2000", "nato a Milano il 14 luglio 1985".
 *
 * A letter's date line, a date alone on its line near the top, dates the
 * page too where nothing else does (ds_sup_put_date_line).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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
    /* Marks read at almost no confidence after the date (a signature's
     * strokes beside it, "PLL ONIN" at 22 and 18) end no line. */
    while (b - 1 > a + 1 && t->w[b - 1].conf < 30 && !ds_sup_has_digit(t->w[b - 1].text))
        b--;
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

/* A sentence that issues the page, its date after the verb: "Se expide la
 * presente en Monterrey, el 6 de enero de 2027", "Issued at Leeds this
 * 3rd day of May, 2026", "Fait à Lyon, en deux exemplaires, le 14 juillet
 * 2026". The verb on line `line`, the date within twelve words after it
 * (on its line or the next), in the same sentence, past no digit, no label
 * ("Issued to: ..., born ...") and no caption's colon. Returns as
 * ds_sup_place_date. */
static int issuing_date(const ds_sup_text *t, const ds_sup_lines *L, int line, int *da,
                        char iso[11], char alt[11], bool *short_year)
{
    static const char *const verbs[] = {
        "expide", "extiende", "expedida", "expedido", "issued", "done", "fait", "delivre",
        "ausgestellt", "rilasciato", "rilasciata", "emitido", "emitida", "passado", "passada",
        "dado", "dada", "afgegeven", "opgemaakt", NULL};
    if (after_translator(t, L, line))
        return 0;
    int end = L->start[line + 2 <= L->n ? line + 2 : line + 1];
    for (int i = L->start[line]; i < L->start[line + 1]; i++) {
        char f[DS_SUP_WORD_MAX * 2];
        fold(t->w[i].text, f, sizeof f);
        if (!in_list(verbs, f))
            continue;
        for (int k = i + 1; k < end && k <= i + 12; k++) {
            int n = ds_sup_date_words_yy(t, k, end, L->order, false, iso, alt, short_year);
            if (n > 0) {
                *da = k;
                return n;
            }
            const char *w = t->w[k].text;
            size_t l = strlen(w);
            if (!l || ds_sup_has_digit(w) || ds_sup_label_at(t, L, k) || w[l - 1] == ':' ||
                w[l - 1] == '.')
                break;
        }
        return 0;
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
                         : !(n = ds_sup_place_date(t, L, line, &d, iso, alt, &shrt)) &&
                               !(n = issuing_date(t, L, line, &d, iso, alt, &shrt)))
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

/* Words [a, b) as a period: a date, "through", "to", "until", "bis",
 * "au", "al" or a dash, and a date ending them. The second date's first
 * word, its reading in iso, alt, *shrt; -1 when they are no period. */
static int period_end(const ds_sup_text *t, const ds_sup_lines *L, int a, int b, char iso[11],
                      char alt[11], bool *shrt)
{
    static const char *const links[] = {"through", "thru", "to", "until", "till", "bis", "au",
                                        "al", "-", NULL};
    int n = ds_sup_date_words_yy(t, a, b, L->order, false, iso, alt, NULL);
    if (n <= 0 || a + n + 1 >= b)
        return -1;
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(t->w[a + n].text, f, sizeof f);
    const char *w = t->w[a + n].text;
    if (!in_list(links, f) && strcmp(w, "–") != 0 && strcmp(w, "—") != 0)
        return -1;
    int d = a + n + 1;
    return ds_sup_date_words_yy(t, d, b, L->order, false, iso, alt, shrt) == b - d ? d : -1;
}

void ds_sup_put_date_line(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_page *out,
                          int page_h)
{
    for (int i = 0; i < out->nfields; i++)
        if (out->f[i].id == DS_SF_ISSUE_DATE || out->f[i].id == DS_SF_STATEMENT_DATE)
            return;
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return;
    for (int line = 0; line < L->n; line++) {
        int a = L->start[line], b = L->start[line + 1];
        if (t->w[a].box[1] > page_h * 2 / 5)
            break;
        char iso[11], alt[11];
        bool shrt = false;
        /* The date alone, or a period alone ("Dec 23, 2026 through Jan 19,
         * 2027"): its end. */
        int da = a;
        if (b - a > 13)
            continue;
        if (b - a > 6 || ds_sup_date_words_yy(t, a, b, L->order, false, iso, alt, &shrt) != b - a)
            da = period_end(t, L, a, b, iso, alt, &shrt);
        if (da < 0)
            continue;
        /* A label on the line or ending the line above: the date is its
         * value, not a date line ("Ref. HR/15688" above with its value
         * beside it labels nothing under it). */
        bool labelled = false;
        for (int l2 = line - 1; l2 <= line && !labelled; l2++) {
            if (l2 < 0 ||
                (l2 < line && t->w[a].box[1] - t->w[L->start[l2]].box[1] > 3 * L->height[line]))
                continue;
            ds_sup_tokenize(t, L, l2, lt);
            for (int pos = 0; pos < lt->n && !labelled; pos++)
                for (int j = 0; j < ds_sup_nlabels && !labelled; j++) {
                    int m = ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase);
                    labelled = m > 0 && (l2 == line || pos + m >= lt->n);
                }
        }
        if (labelled)
            continue;
        if (out->nfields < DS_SUP_FIELDS_MAX)
            ds_sup_set_date(t, da, b, DS_SF_ISSUE_DATE, "date line", iso, alt, shrt,
                            &out->f[out->nfields++]);
        break;
    }
    free(lt);
}
