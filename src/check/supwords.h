/*
 * supwords.h: the words of a supporting page's value, cut at spaces, as
 * the name and address checks compare them (supcheck.c, supaddr.c).
 * Internal to src/check.
 */
#ifndef DS_SUPWORDS_H
#define DS_SUPWORDS_H

#include <stdio.h>
#include <string.h>

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

#endif
