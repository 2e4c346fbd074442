/*
 * supwords.h: the words of a supporting page's value, cut at spaces, as
 * the name and address checks compare them (supcheck.c, supaddr.c), and
 * whether two words are within reading noise.
 * Internal to src/check.
 */
#ifndef DS_SUPWORDS_H
#define DS_SUPWORDS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"

#define WORDS_MAX 12
#define WORD_LEN 64

typedef struct words {
    int n;
    char w[WORDS_MAX][WORD_LEN];
} words;

/* s cut at its spaces into at most WORDS_MAX words. */
static inline void split(const char *s, words *out)
{
    out->n = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)sizeof buf - 1, s ? s : "");
    for (char *save = NULL, *p = strtok_r(buf, " ", &save); p && out->n < WORDS_MAX;
         p = strtok_r(NULL, " ", &save))
        snprintf(out->w[out->n++], WORD_LEN, "%s", p);
}

static inline bool ds_sup_word_near_once(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la < 2 || lb < 2)
        return la == lb && strcmp(a, b) == 0;
    int d = ds_levenshtein(a, b);
    size_t l = la > lb ? la : lb;
    return d <= (l >= 9 ? 2 : l >= 4 ? 1 : 0);
}

/* A word of the page within reading noise of a word of the record
 * (lower-case or capital folded words); the page's word is also tried
 * with "II" read as "U" (an umlaut's dots taken for two strokes: MIILLER
 * for MÜLLER). */
static inline bool ds_sup_word_near(const char *a, const char *b)
{
    if (ds_sup_word_near_once(a, b))
        return true;
    char v[WORD_LEN];
    size_t o = 0;
    for (size_t i = 0; a[i] && o + 1 < sizeof v; i++) {
        if (a[i] == 'I' && a[i + 1] == 'I') {
            v[o++] = 'U';
            i++;
        } else {
            v[o++] = a[i];
        }
    }
    v[o] = 0;
    return strcmp(v, a) != 0 && ds_sup_word_near_once(v, b);
}

#endif
