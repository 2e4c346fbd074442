/*
 * support_numwords.c: dates written in words on supporting pages (issue
 * 15). Certificates and formal letters spell a date out: "fourteenth day
 * of July, nineteen hundred and eighty-five", "Twenty-fifth July 1979",
 * and letters head a date with its weekday ("Saturday, 24 May 1980",
 * "Sat 27 Jan 1990", "Freitag, 3. März 2023", "mardi 14 mars 2023",
 * "jueves, 16 de julio de 1992"). ds_sup_spell_numbers writes the numbers of such a
 * date in digits ("14 day of July, 1985") for ds_sup_parse_date_yy
 * (support_date.c), which skips a leading weekday (ds_sup_weekday_word);
 * the weekday stays in the page's words, where the checks compare it with
 * the date it heads (ds_sup_weekday_of, check/supcheck.h).
 */
#include "page/support.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"

typedef struct numword {
    const char *w;
    int v;
    bool ordinal;
} numword;

/* Cardinals and ordinals up to ninety, folded. */
static const numword numwords[] = {
    {"one", 1, false},        {"two", 2, false},          {"three", 3, false},
    {"four", 4, false},       {"five", 5, false},         {"six", 6, false},
    {"seven", 7, false},      {"eight", 8, false},        {"nine", 9, false},
    {"ten", 10, false},       {"eleven", 11, false},      {"twelve", 12, false},
    {"thirteen", 13, false},  {"fourteen", 14, false},    {"fifteen", 15, false},
    {"sixteen", 16, false},   {"seventeen", 17, false},   {"eighteen", 18, false},
    {"nineteen", 19, false},  {"twenty", 20, false},      {"thirty", 30, false},
    {"forty", 40, false},     {"fifty", 50, false},       {"sixty", 60, false},
    {"seventy", 70, false},   {"eighty", 80, false},      {"ninety", 90, false},
    {"first", 1, true},       {"second", 2, true},        {"third", 3, true},
    {"fourth", 4, true},      {"fifth", 5, true},         {"sixth", 6, true},
    {"seventh", 7, true},     {"eighth", 8, true},        {"ninth", 9, true},
    {"tenth", 10, true},      {"eleventh", 11, true},     {"twelfth", 12, true},
    {"thirteenth", 13, true}, {"fourteenth", 14, true},   {"fifteenth", 15, true},
    {"sixteenth", 16, true},  {"seventeenth", 17, true},  {"eighteenth", 18, true},
    {"nineteenth", 19, true}, {"twentieth", 20, true},    {"thirtieth", 30, true},
};

enum { W_NONE, W_NUM, W_HUNDRED, W_THOUSAND, W_AND };

/* What the folded word f is: a number word (*v, *ord), hundred, thousand,
 * "and", or none. */
static int word_kind(const char *f, int *v, bool *ord)
{
    for (size_t k = 0; k < sizeof numwords / sizeof numwords[0]; k++)
        if (strcmp(f, numwords[k].w) == 0) {
            *v = numwords[k].v;
            *ord = numwords[k].ordinal;
            return W_NUM;
        }
    if (strcmp(f, "hundred") == 0)
        return W_HUNDRED;
    if (strcmp(f, "thousand") == 0)
        return W_THOUSAND;
    if (strcmp(f, "and") == 0)
        return W_AND;
    return W_NONE;
}

/* The number words in: value of a run, -1 when the run is no number. A
 * year said in pairs ("nineteen eighty-five") is 19 * 100 + 85. */
typedef struct run {
    int total, cur, n;
    bool done; /* an ordinal ended it */
    bool bad;
} run;

static void run_add(run *r, int kind, int v, bool ord)
{
    if (kind == W_HUNDRED) {
        r->cur = (r->cur ? r->cur : 1) * 100;
    } else if (kind == W_THOUSAND) {
        r->total += (r->cur ? r->cur : 1) * 1000;
        r->cur = 0;
    } else {
        int last = r->cur % 100;
        if (v >= 10 && last >= 10 && r->total == 0 && r->cur < 100)
            r->cur = r->cur * 100; /* "nineteen eighty" */
        else if (v < 10 && last % 10 != 0)
            r->bad = true; /* "five two" */
        else if (v >= 10 && last != 0 && r->cur >= 100 && last % 10 != 0)
            r->bad = true;
        r->cur += v;
        r->done = ord;
    }
    r->n++;
}

static bool emit(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
    if (*o + n + 1 > cap)
        return false;
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = 0;
    return true;
}

bool ds_sup_spell_numbers(const char *in, char *out, size_t cap)
{
    if (!out || cap == 0)
        return false;
    out[0] = 0;
    if (!in)
        return false;
    size_t o = 0;
    bool changed = false;
    const char *p = in;
    while (*p) {
        if (!isalpha((unsigned char)*p)) {
            if (!emit(out, cap, &o, p, 1))
                return false;
            p++;
            continue;
        }
        /* A run of number words joined by spaces, hyphens and "and". */
        const char *s = p, *end = p;
        run r = {0};
        const char *q = p;
        for (;;) {
            const char *w = q;
            while (isalpha((unsigned char)*q))
                q++;
            char word[32], f[64];
            size_t n = (size_t)(q - w);
            int v = 0, kind = W_NONE;
            bool ord = false;
            if (n > 0 && n < sizeof word) {
                memcpy(word, w, n);
                word[n] = 0;
                ds_text_fold(word, f, sizeof f);
                kind = word_kind(f, &v, &ord);
            }
            if (kind == W_NONE || (kind == W_AND && r.n == 0))
                break;
            if (kind != W_AND) {
                run_add(&r, kind, v, ord);
                end = q;
            }
            if (r.bad || r.done)
                break; /* an ordinal ends the number */
            /* Another word of the run after one space or hyphen. */
            if ((*q == ' ' || *q == '-') && isalpha((unsigned char)q[1]))
                q++;
            else
                break;
        }
        if (r.n > 0 && !r.bad) {
            char num[16];
            int m = snprintf(num, sizeof num, "%d", r.total + r.cur);
            if (!emit(out, cap, &o, num, (size_t)m))
                return false;
            changed = true;
            p = end;
        } else {
            /* Not a number: the word as it is. */
            while (isalpha((unsigned char)*p))
                p++;
            if (!emit(out, cap, &o, s, (size_t)(p - s)))
                return false;
        }
    }
    return changed;
}

int ds_sup_weekday_of(const char *word)
{
    /* Monday first, each day's names together. */
    static const struct {
        const char *w;
        int day;
    } days[] = {{"monday", 0},   {"mon", 0},   {"tuesday", 1},  {"tue", 1},    {"tues", 1},
                {"wednesday", 2}, {"wed", 2},  {"thursday", 3}, {"thu", 3},    {"thur", 3},
                {"thurs", 3},    {"friday", 4}, {"fri", 4},     {"saturday", 5}, {"sat", 5},
                {"sunday", 6},   {"sun", 6},
                /* German, French and Spanish: the full names, and the
                 * abbreviations no month, name or short word shares */
                {"montag", 0},   {"lundi", 0},  {"lunes", 0},    {"lun", 0},
                {"dienstag", 1}, {"mardi", 1},  {"martes", 1},
                {"mittwoch", 2}, {"mercredi", 2}, {"miercoles", 2}, {"mie", 2},
                {"donnerstag", 3}, {"jeudi", 3}, {"jueves", 3},  {"jeu", 3},   {"jue", 3},
                {"freitag", 4},  {"vendredi", 4}, {"viernes", 4}, {"ven", 4},  {"vie", 4},
                {"samstag", 5},  {"sonnabend", 5}, {"samedi", 5}, {"sabado", 5}, {"sab", 5},
                {"sonntag", 6},  {"dimanche", 6}, {"domingo", 6}};
    char f[64];
    ds_text_fold(word ? word : "", f, sizeof f);
    size_t n = strlen(f);
    while (n > 0 && (f[n - 1] == '.' || f[n - 1] == ','))
        f[--n] = 0;
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        if (strcmp(f, days[k].w) == 0)
            return days[k].day;
    return -1;
}

bool ds_sup_weekday_word(const char *word) { return ds_sup_weekday_of(word) >= 0; }
